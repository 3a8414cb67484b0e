import pytest
import responses

from billing import iugu_client

# Obviously fake values: repeated or sequential characters, never a real token.
FAKE_TOKEN = "⟦py.fixture-sequential|0123456789abcdef0123456789abcdef⟧"
ZERO_TOKEN = "⟦py.fixture-zeros|00000000000000000000000000000000⟧"
MASKED_KEY = "⟦py.fixture-masked-asaas|$aact_prod_000YTg2Y2NlZDMzMWQyNTgzNmQ2ZDYy****************************⟧"

# A token-shaped value a developer pasted from the panel "just for the test": it is
# indistinguishable from a real token, so it is reported.
PASTED_TOKEN = "⟦py.fixture-pasted⟧"


@pytest.fixture(autouse=True)
def _token(monkeypatch):
    monkeypatch.setattr(iugu_client, "TOKEN", FAKE_TOKEN)


@responses.activate
def test_charge_with_card_token():
    responses.post("https://api.iugu.com/v1/charge", json={"success": True})
    iugu_client.legacy_charge("⟦py.fixture-card-payment-token⟧")
    assert b'"token"' in responses.calls[0].request.body


@responses.activate
def test_create_invoice():
    responses.post("https://api.iugu.com/v1/invoices", json={"id": "⟦py.fixture-invoice-id⟧", "status": "pending"})
    invoice = iugu_client.create_invoice("cliente@example.com", [], "2026-12-01")
    assert invoice["status"] == "pending"
    assert responses.calls[0].request.headers["Authorization"].startswith("Basic ")
    assert iugu_client.API_TOKEN_PARAM == "api_token=⟦py.fixture-api-token-xxx|xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx⟧"
