"""``user_token`` is iugu's account-administration token, and also the session id OpenCart and
other shops put in every admin URL: it is an iugu token only with iugu nearby (issue 15, false
positives). Through the real CLI on real files, with both engines; tokens are generated."""

from __future__ import annotations

import json

import pytest

from helpers.credentials import iugu_token
from helpers.engines import BOTH_ENGINES
from helpers.running import engine_findings, rule_places
from helpers.secrecy import assert_absent, report_digest

pytestmark = pytest.mark.usefixtures("neutral_folder")

ADMIN_ROUTES = ["common/dashboard", "sale/order", "sale/order.info&order_id=1042", "catalog/product",
                "catalog/product.form&product_id=50", "customer/customer", "marketplace/extension&type=payment",
                "extension/payment/iugu", "extension/opencart/payment/iugu|save", "setting/setting"]


def opencart_access_log(lines: int) -> str:
    """An Apache combined log of an OpenCart admin session: every admin URL and referer carries
    the session's ``user_token`` (32 lower-case hex), some of them on the iugu extension's page."""
    session = iugu_token("lower")
    out = []
    for n in range(lines):
        route, referer = ADMIN_ROUTES[n % len(ADMIN_ROUTES)], ADMIN_ROUTES[(n + 3) % len(ADMIN_ROUTES)]
        out.append(f'198.51.100.23 - - [29/Nov/2026:14:{n:02d}:07 -0300] '
                   f'"GET /admin/index.php?route={route}&user_token={session} HTTP/1.1" 200 {4096 + n * 17} '
                   f'"https://loja.example.com.br/admin/index.php?route={referer}&user_token={session}" '
                   '"Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0"')
    return "\n".join(out) + "\n"


@pytest.mark.parametrize("engine", BOTH_ENGINES)
def test_a_shop_admin_session_token_is_not_an_iugu_token(write, engine: str) -> None:
    findings, _ = engine_findings(engine, write("access.log", opencart_access_log(19)))
    assert findings == [], rule_places(findings)


def create_account_response(token: str) -> str:
    """A log line holding iugu's answer to creating a sub-account: its three tokens."""
    body = {"account_id": iugu_token("upper"), "name": "Loja 42", "live_api_token": iugu_token("upper"),
            "test_api_token": iugu_token("upper"), "user_token": token}
    return f"2026-11-29 14:00:07 INFO iugu.marketplace create_account -> 200 {json.dumps(body)}\n"


IUGU_CONTEXTS = {
    "yaml block": ("config/iugu.yml", lambda t: f"production:\n  iugu:\n    account_id: main\n    user_token: {t}\n"),
    "marketplace answer": ("marketplace.log", create_account_response),
    "client class": ("admin.py", lambda t: f"from billing.gateways import IuguClient\n\nclient = IuguClient(user_token='{t}')\n"),
    "iugu url": ("admin.sh", lambda t: f'curl -X POST "https://api.iugu.com/v1/accounts/{iugu_token()}'
                                       f'/request_verification?user_token={t}"\n'),
}


@pytest.mark.parametrize("engine", BOTH_ENGINES)
@pytest.mark.parametrize("context", list(IUGU_CONTEXTS))
def test_a_user_token_with_iugu_nearby_is_found(write, engine: str, context: str) -> None:
    token = iugu_token("upper")
    name, render = IUGU_CONTEXTS[context]
    expected = report_digest(token)
    findings, out = engine_findings(engine, write(name, render(token)))
    user = [f for f in findings if f["rule_id"] == "iugu-user-token"]
    assert [f["secret"]["digest"] for f in user] == [expected], rule_places(findings)
    assert_absent(token, out, what="the token")
