import logging

import requests
from requests.adapters import HTTPAdapter

log = logging.getLogger(__name__)


class SignatureLoggingAdapter(HTTPAdapter):
    def send(self, request, **kwargs):
        log.info("Signature: %s", request.headers.get("Signature"))
        log.info("Request-Time: %s", request.headers.get("Request-Time"))
        request.headers["X-Trace"] = "payouts"
        return super().send(request, **kwargs)


def pay(body):
    session = requests.Session()
    session.mount("https://", SignatureLoggingAdapter())
    return session.post("https://api.iugu.com/v1/transfer_requests", json=body,
                        headers={"Content-Type": "application/json"})
