import requests
from requests.adapters import HTTPAdapter


class LedgerSigningAdapter(HTTPAdapter):
    """Signs the ledger's requests; the others go out as they are."""

    def __init__(self, private_key):
        super().__init__()
        self.private_key = private_key

    def send(self, request, **kwargs):
        if not request.url.startswith(LEDGER_URL):
            return super().send(request, **kwargs)
        request.headers["Request-Time"] = now_iso()
        request.headers["Signature"] = "signature=" + sign(self.private_key, request)
        return super().send(request, **kwargs)


def pay(body, private_key):
    session = requests.Session()
    session.mount("https://", LedgerSigningAdapter(private_key))
    return session.post("https://api.iugu.com/v1/transfer_requests", json=body,
                        headers={"Content-Type": "application/json"})
