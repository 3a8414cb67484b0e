import pytest

from billing.gateways import AsaasGateway, IuguGateway

ASAAS_SANDBOX_KEY = "⟦conf.asaas-hmlg⟧"


@pytest.fixture
def asaas(monkeypatch):
    monkeypatch.setenv("ASAAS_API_KEY", ASAAS_SANDBOX_KEY)
    monkeypatch.setenv("ASAAS_BASE_URL", "https://api-sandbox.asaas.com/v3")
    return AsaasGateway.from_env()


@pytest.fixture
def iugu(monkeypatch):
    monkeypatch.setenv("IUGU_API_TOKEN", "⟦conf.iugu⟧")
    monkeypatch.setenv("IUGU_ACCOUNT_ID", "⟦conf.account⟧")
    return IuguGateway.from_env()


@pytest.fixture(params=["⟦conf.param-iugu⟧", "⟦conf.param-zero|00000000000000000000000000000000⟧"], ids=["real", "zeros"])
def iugu_token(request):
    return request.param


@pytest.fixture
def webhook_secret():
    return "⟦conf.sha256⟧"
