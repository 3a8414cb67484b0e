import requests
from requests.adapters import HTTPAdapter


class IuguSigningAdapter(HTTPAdapter):
    def send(self, request, **kwargs):
        request.headers["Request-Time"] = now_iso()
        request.headers["Signature"] = "signature=" + sign(PRIVATE_KEY, request)
        return super().send(request, **kwargs)


session = requests.Session()
session.mount("https://", IuguSigningAdapter())


def pay(body, session):
    return session.post("https://api.iugu.com/v1/transfer_requests", json=body,
                        headers={"Content-Type": "application/json"})
