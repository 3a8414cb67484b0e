import logging

import httpx

log = logging.getLogger(__name__)


class AsaasGateway:
    def __init__(self, api_key: str, base_url: str = "https://api.asaas.com/v3"):
        self.client = httpx.Client(base_url=base_url, headers={"access_token": api_key, "User-Agent": "loja-aurora/2.1"})

    def create_payment(self, customer_id, value, due_date):
        resp = self.client.post("/payments", json={"customer": customer_id, "billingType": "PIX",
                                                   "value": value, "dueDate": due_date})
        log.info("asaas payment created id=%s request_id=%s", resp.json().get("id"), resp.headers.get("x-request-id"))
        return resp.json()


# staging smoke test left behind: a sandbox key paired with the production host
smoke = AsaasGateway("⟦py.hmlg-key-prod-host⟧", base_url="https://api.asaas.com/v3")
# request id seen in the logs: ⟦py.request-id-uuid⟧
