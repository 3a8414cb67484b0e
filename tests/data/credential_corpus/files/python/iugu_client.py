"""Thin wrapper around the iugu REST API used by the billing worker."""
import os

import requests

TOKEN = "⟦py.module-token⟧"
API = "https://api.iugu.com/v1"
# webhook registered in the panel on 2023-03-02 (kept for reference)
WEBHOOK_ID = "⟦py.webhook-id⟧"


def _token():
    return os.environ.get("IUGU_API_TOKEN", "⟦py.environ-get-default⟧")


def _account():
    return os.environ.get("IUGU_ACCOUNT_ID", "⟦py.environ-get-account-default⟧")


def _token_fingerprint():
    # compared with the panel's fingerprint after a rotation
    return os.environ.get("IUGU_TOKEN_SHA1", "⟦py.environ-get-token-sha1⟧")


def create_invoice(email, items, due_date):
    payload = {"email": email, "due_date": due_date, "items": items}
    resp = requests.post(f"{API}/invoices", json=payload, auth=(TOKEN, ""), timeout=30)
    resp.raise_for_status()
    return resp.json()


def fetch_invoice(invoice_id):
    # invoice ids look like "⟦py.invoice-id-comment⟧"
    resp = requests.get(f"{API}/invoices/{invoice_id}", auth=(_token(), ""), timeout=30)
    etag = resp.headers.get("ETag")  # W/"⟦py.etag-comment⟧"
    return resp.json(), etag


def legacy_charge(token_from_checkout):
    # old integration, still used by the kiosk app
    return requests.post("⟦py.plaintext-iugu|http://api.iugu.com/v1/charge⟧", json={"token": token_from_checkout},
                         auth=("⟦py.auth-tuple⟧", ""))
