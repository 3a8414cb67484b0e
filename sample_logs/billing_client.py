"""Billing client used by the nightly reconciliation job."""

import hashlib
import os

import requests

IUGU_BASE = "https://api.iugu.com/v1"
IUGU_TOKEN = "BBED2CF3DFC8DF07413DF4F73EF8C9FC"
IUGU_STAGING_TOKEN = "5EFDD9FE638CC580A04ADA616E3469A8"  # keyaudit:allow
IUGU_GUIDE_TOKEN = "7F4AB524B6BAFABC27C6046C553A02E3"  # keyaudit:allow revoked sandbox token quoted from the iugu guide
ETAG_CACHE = {"invoices": "c1f19f937b03f14d4e5e9b19bbb1d8b0"}


def list_invoices(limit: int = 50) -> list[dict]:
    response = requests.get(f"{IUGU_BASE}/invoices", auth=(IUGU_TOKEN, ""), params={"limit": limit})
    response.raise_for_status()
    return response.json()["items"]


def fingerprint(payload: bytes) -> str:
    return hashlib.sha256(payload).hexdigest()


def asaas_headers() -> dict[str, str]:
    return {"access_token": os.environ["ASAAS_API_KEY"], "User-Agent": "billing/2.4"}
