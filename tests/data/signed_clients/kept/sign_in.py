import requests


def sign_in(api_token):
    return (api_token, "")


def pay(body, api_token):
    session = requests.Session()
    session.auth = sign_in(api_token)
    return session.post("https://api.iugu.com/v1/transfer_requests", json=body, headers={"Content-Type": "application/json"})
