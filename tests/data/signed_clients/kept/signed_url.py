import requests


def pay(body, receipt_key):
    session = requests.Session()
    session.auth = signed_url_auth(receipt_key) if receipt_key else None
    return session.post("https://api.iugu.com/v1/transfer_requests", json=body,
                        headers={"Content-Type": "application/json"})
