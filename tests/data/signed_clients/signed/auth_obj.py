import base64
from datetime import datetime, timezone

import requests


class IuguSignature(requests.auth.AuthBase):
    def __init__(self, private_key):
        self.private_key = private_key

    def __call__(self, request):
        request.headers["Request-Time"] = datetime.now(timezone.utc).isoformat()
        request.headers["Signature"] = "signature=" + base64.b64encode(self.private_key.sign(request.body)).decode()
        return request


def pay(body, private_key):
    signer = IuguSignature(private_key)
    return requests.post("https://api.iugu.com/v1/transfer_requests", json=body,
                         headers={"Content-Type": "application/json"}, auth=signer)
