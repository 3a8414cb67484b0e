from datetime import datetime, timezone

import requests
from requests.adapters import HTTPAdapter


class IuguSigningAdapter(HTTPAdapter):
    def __init__(self, private_key):
        super().__init__()
        self.private_key = private_key

    def send(self, request, **kwargs):
        request.headers["Request-Time"] = datetime.now(timezone.utc).isoformat()
        request.headers["Signature"] = "signature=" + sign(self.private_key, request)
        return super().send(request, **kwargs)


def pay(body, private_key):
    session = requests.Session()
    session.mount(settings.IUGU_PREFIX, IuguSigningAdapter(private_key))
    return session.post("https://api.iugu.com/v1/transfer_requests", json=body,
                        headers={"Content-Type": "application/json"})
