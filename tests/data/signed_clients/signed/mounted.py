import base64
from datetime import datetime, timezone

import requests
from requests.adapters import HTTPAdapter


class IuguSigningAdapter(HTTPAdapter):
    def __init__(self, private_key, api_token):
        super().__init__()
        self.private_key = private_key
        self.api_token = api_token

    def send(self, request, **kwargs):
        now = datetime.now(timezone.utc).isoformat()
        signed = self.private_key.sign(request.body or b"")
        request.headers["Request-Time"] = now
        request.headers["Signature"] = "signature=" + base64.b64encode(signed).decode()
        return super().send(request, **kwargs)


def pay(body, private_key, api_token):
    session = requests.Session()
    session.mount("https://api.iugu.com/", IuguSigningAdapter(private_key, api_token))
    return session.post("https://api.iugu.com/v1/transfer_requests", json=body,
                        headers={"Content-Type": "application/json"})
