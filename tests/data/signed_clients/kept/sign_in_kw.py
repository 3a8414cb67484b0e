import requests


def pay(body, api_token):
    return requests.post("https://api.iugu.com/v1/transfer_requests", json=body, headers={"Content-Type": "application/json"}, auth=sign_in(api_token))
