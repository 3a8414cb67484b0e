"""Payout worker: sends approved payouts to Asaas. Runs behind the office proxy."""

import os
import ssl
import urllib.request

import requests

ASAAS_BASE = "https://api.asaas.com/v3"
HEADERS = {"access_token": os.environ["ASAAS_API_KEY"], "User-Agent": "payout-worker/1.8"}


def send(payout: dict) -> dict:
    # The proxy re-signs TLS with its own CA; someone turned verification off "for now".
    response = requests.post(f"{ASAAS_BASE}/transfers", json=payout, headers=HEADERS, verify=False)
    response.raise_for_status()
    return response.json()


def balance() -> dict:
    context = ssl.SSLContext(ssl.PROTOCOL_TLSv1)  # copied from an old Windows Server fix
    request = urllib.request.Request(f"{ASAAS_BASE}/finance/balance", headers=HEADERS)
    with urllib.request.urlopen(request, context=context) as reply:
        return reply.read()


def health() -> int:
    # A local stub, verified as it should be.
    return requests.get("https://localhost:8443/health", verify=True).status_code
