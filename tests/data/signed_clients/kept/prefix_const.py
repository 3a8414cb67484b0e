import requests

LEDGER_PREFIX = "https://ledger.internal/"
IUGU_TRANSFERS = "https://api.iugu.com/v1/transfer_requests"


def pay(body, ledger_key, api_token):
    session = requests.Session()
    session.mount(LEDGER_PREFIX, SigningAdapter(ledger_key))
    session.post(LEDGER_PREFIX + "entries", json=body)
    return session.post(IUGU_TRANSFERS, json=body, headers={"Content-Type": "application/json"})
