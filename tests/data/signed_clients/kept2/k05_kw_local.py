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


def pay(body, auth, private_key):
    ledger = LedgerClient(base_url="https://ledger.internal", auth=IuguSigningAdapter(private_key))
    ledger.record(body)
    return requests.post("https://api.iugu.com/v1/transfer_requests", json=body,
                         headers={"Content-Type": "application/json"}, auth=auth)
