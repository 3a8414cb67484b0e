from locust import HttpUser, between, task

IUGU_API_TOKEN = "⟦locust.iugu⟧"


class AsaasUser(HttpUser):
    host = "https://api-sandbox.asaas.com"
    wait_time = between(1, 3)

    def on_start(self):
        self.client.headers.update({"access_token": "⟦locust.asaas-hmlg⟧"})

    @task(3)
    def list_payments(self):
        self.client.get("/v3/payments", params={"limit": 10}, name="/v3/payments")


class IuguUser(HttpUser):
    host = "https://api.iugu.com"

    @task
    def invoices(self):
        self.client.get("/v1/invoices", auth=(IUGU_API_TOKEN, ""), params={"limit": 10})

    @task
    def account(self):
        self.client.get("/v1/accounts/⟦locust.account⟧", auth=("⟦locust.iugu-auth⟧", ""))
