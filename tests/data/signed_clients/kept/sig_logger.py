import requests


def pay(body, api_token, logger):
    session = requests.Session()
    session.mount("https://", SignatureLoggerAdapter(logger))
    return session.post("https://api.iugu.com/v1/transfer_requests", json=body, headers={"Content-Type": "application/json"})
