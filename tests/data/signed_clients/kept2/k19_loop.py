import requests
from requests.adapters import HTTPAdapter


class IuguSigningAdapter(HTTPAdapter):
    def send(self, request, **kwargs):
        request.headers["Request-Time"] = now_iso()
        request.headers["Signature"] = "signature=" + sign(PRIVATE_KEY, request)
        return super().send(request, **kwargs)


def pay_all(body, sessions):
    client = requests.Session()
    client.mount("https://", IuguSigningAdapter())
    for client in sessions:
        client.post("https://api.iugu.com/v1/transfer_requests", json=body, headers={"Content-Type": "application/json"})
