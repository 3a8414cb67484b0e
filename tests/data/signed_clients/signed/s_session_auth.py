import requests


class IuguSignature(requests.auth.AuthBase):
    def __init__(self, private_key):
        self.private_key = private_key

    def __call__(self, request):
        request.headers["Request-Time"] = now_iso()
        request.headers["Signature"] = "signature=" + sign(self.private_key, request)
        return request


def pay(body, private_key):
    session = requests.Session()
    session.auth = IuguSignature(private_key)
    return session.post("https://api.iugu.com/v1/transfer_requests", json=body,
                        headers={"Content-Type": "application/json"})
