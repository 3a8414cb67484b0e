import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry


class IuguSigningAdapter(HTTPAdapter):
    def __init__(self, private_key):
        super().__init__()
        self.private_key = private_key

    def send(self, request, **kwargs):
        request.headers["Request-Time"] = now_iso()
        request.headers["Signature"] = "signature=" + sign(self.private_key, request)
        return super().send(request, **kwargs)


class IuguSignature(requests.auth.AuthBase):
    def __call__(self, request):
        request.headers["Request-Time"] = now_iso()
        request.headers["Signature"] = "signature=" + sign(PRIVATE_KEY, request)
        return request


def pay(body, private_key):
    session = requests.Session()
    session.mount("https://", IuguSigningAdapter(private_key))
    session.mount("https://api.iugu.com/", HTTPAdapter(max_retries=Retry(3)))
    return session.post("https://api.iugu.com/v1/transfer_requests", json=body,
                        headers={"Content-Type": "application/json"})
