import requests
from django.conf import settings


def pay(body):
    session = requests.Session()
    session.mount(settings.LEDGER_URL, SigningAdapter(settings.LEDGER_KEY))
    return session.post("https://api.iugu.com/v1/transfer_requests", json=body,
                        headers={"Content-Type": "application/json"})
