import requests


def sign_request(request):
    request.headers["Request-Time"] = now_iso()
    request.headers["Signature"] = "signature=" + sign(PRIVATE_KEY, request)
    return request


def pay(body):
    return requests.post("https://api.iugu.com/v1/transfer_requests", json=body,
                         headers={"Content-Type": "application/json"}, auth=sign_request)
