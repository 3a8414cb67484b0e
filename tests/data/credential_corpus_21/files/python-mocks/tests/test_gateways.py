import httpx
import pytest
import respx
import responses
from responses import matchers

from conciliacao.gateways import AsaasGateway, IuguGateway

IUGU = "⟦py.const⟧"
WEBHOOK_SECRET = "⟦py.whsec|whsec_5f3a9c2b7e1d4a6f8b0c2e4d6a8b0c2e⟧"


@pytest.fixture
def asaas_key() -> str:
    return "⟦py.fixture⟧"


@pytest.fixture(autouse=True)
def _env(monkeypatch):
    monkeypatch.setenv("IUGU_API_TOKEN", "⟦py.setenv⟧")
    monkeypatch.setenv("SENTRY_RELEASE", "⟦py.release⟧")


@responses.activate
def test_lists_invoices():
    responses.add(
        responses.GET,
        f"https://api.iugu.com/v1/invoices?api_token={IUGU}",
        json={"items": [], "totalItems": 0},
    )
    responses.get(
        "https://api.iugu.com/v1/customers",
        match=[matchers.header_matcher({"Authorization": "Basic ⟦py.matcher⟧"})],
        json={"items": []},
    )
    assert IuguGateway(IUGU).invoices() == []


def test_asaas_customers(requests_mock, asaas_key):
    requests_mock.get(
        "https://api.asaas.com/v3/customers",
        request_headers={"access_token": "⟦py.rqm⟧"},
        json={"data": []},
    )
    assert AsaasGateway(asaas_key).customers() == []


@respx.mock
async def test_charge():
    route = respx.post("https://api.iugu.com/v1/charge", params={"api_token": "⟦py.respx⟧"}).mock(
        return_value=httpx.Response(200, json={"success": True, "invoice_id": "⟦py.invoice⟧"})
    )
    await IuguGateway("x").charge(token="⟦py.cardtoken⟧")
    assert route.called
