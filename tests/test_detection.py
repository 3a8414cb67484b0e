"""What the shipped rules find and what they must leave alone, through the real CLI."""

from __future__ import annotations

import hashlib
import secrets
import uuid
from pathlib import Path
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import CORPUS, asaas_key, basic, iugu_token, old_asaas_key, scan_json
from keyaudit.findings import redact


def findings_for(write, text: str, name: str = "sample.txt") -> list[dict]:
    report, _ = scan_json(str(write(name, text)))
    return report["findings"]


def only(findings: list[dict]) -> dict:
    assert len(findings) == 1, [(f["rule_id"], f["location"]) for f in findings]
    return findings[0]


# --- Asaas -------------------------------------------------------------------------------


def asaas_forms(key: str) -> dict[str, str]:
    bare = key.split("_", 2)[2]  # 000<base64> for the current format
    return {
        "plain": f"access_token: {key}",
        "url-encoded": f"GET /v3/payments?access_token={quote(key, safe='')} HTTP/1.1",
        "json-unicode": '{"access_token": "%s"}' % key.replace("$", "\\u0024"),
        "shell-escaped": f'export ASAAS_KEY="{key.replace("$", chr(92) + "$")}"',
        "compose-doubled": f"ASAAS_KEY={key.replace('$', '$$')}",
        "php-interpolated": f'$asaas = new Asaas("{bare}");',
        "php-bare-base64": f'$asaas = new Asaas("{bare[3:]}");',
    }


@pytest.mark.parametrize("form", list(asaas_forms(asaas_key())))
def test_every_written_form_of_an_asaas_key_is_one_finding_with_one_digest(write, form: str) -> None:
    key = asaas_key("prod")
    canonical = only([f for f in findings_for(write, asaas_forms(key)["plain"]) if f["category"] == "access-token"])
    finding = only([f for f in findings_for(write, asaas_forms(key)[form]) if f["category"] == "access-token"])
    assert finding["provider"] == "asaas"
    assert finding["secret"]["digest"] == canonical["secret"]["digest"]
    if form not in ("php-interpolated", "php-bare-base64"):
        assert finding["environment"] == "production"


def test_sandbox_and_old_format_keys(write) -> None:
    sandbox, old = asaas_key("hmlg"), old_asaas_key()
    findings = findings_for(write, f"A={sandbox}\nB={old}\nC={quote(old, safe='')}\n")
    by_line = {f["location"]["line"]: f for f in findings}
    assert by_line[1]["rule_id"] == "asaas-sandbox-api-key" and by_line[1]["environment"] == "sandbox"
    assert by_line[2]["rule_id"] == "asaas-api-key" and by_line[2]["environment"] is None
    assert by_line[3]["secret"]["digest"] == by_line[2]["secret"]["digest"]  # %3D padding decoded


def test_asaas_placeholders_truncations_and_masks_are_not_reported(write) -> None:
    key = asaas_key()
    text = "\n".join([
        "access_token: $aact_prod_" + "x" * 60,
        "ASAAS_KEY=$aact_hmlg_000...",
        f"key={key[:90]}",  # truncated: the payload no longer decodes to a key
        f"key={key[:30]}{'*' * 40}{key[-8:]}",
        "key=$aact_prod_000" + "QUJD" * 30,  # base64, but not of a key
    ])
    assert findings_for(write, text) == []


# --- iugu --------------------------------------------------------------------------------


@pytest.mark.parametrize("template", [
    '10.1.2.3 - - [22/Nov/2026:10:00:00 -0300] "GET /v1/invoices?limit=5&api_token={t} HTTP/1.1" 200 12',
    "POST body: api_token={t}&transfer_type=pix",
    '{{"api_token": "{t}", "amount_cents": 100}}',
    'Iugu.api_key = "{t}"',
    'Iugu::setApiKey("{t}");',
    'Authenticator = new HttpBasicAuthenticator("{t}", "");',
    "Http::withBasicAuth('{t}', '')->get($url);",
    "IUGU_API_TOKEN={t}",
    "iugu:\n  live_token: {t}",
    "iugu.api.token={t}",
    "BASE=https://{t}:@api.iugu.com/v1",
    "curl -u {t}: https://api.iugu.com/v1/customers",
])
@pytest.mark.parametrize("kind", ["lower", "upper", "long"])
def test_iugu_tokens_in_context_are_found(write, template: str, kind: str) -> None:
    token = iugu_token(kind)
    finding = only([f for f in findings_for(write, template.format(t=token)) if f["category"] == "access-token"])
    assert finding["provider"] == "iugu"
    assert finding["secret"]["digest"] == "sha256:" + hashlib.sha256(token.encode()).hexdigest()


def test_hex_that_is_not_a_token_is_not_reported(write) -> None:
    text = "\n".join([
        f"md5={hashlib.md5(b'x').hexdigest()} sha1={hashlib.sha1(b'x').hexdigest()}",
        f"sha256 {hashlib.sha256(b'x').hexdigest()}",
        f"commit {secrets.token_hex(20)}",
        f'ETag: "{secrets.token_hex(16)}"',
        f"X-Request-Id: {secrets.token_hex(16)}  traceparent: 00-{secrets.token_hex(16)}-{secrets.token_hex(8)}-01",
        f"order {uuid.uuid4()} trace_id={secrets.token_hex(16)}",
        f'"GET /v2/{secrets.token_hex(16)}/servers/detail HTTP/1.1" status: 200',
        "GET /v1/invoices?api_token=00000000000000000000000000000000",
        "api_token=YOUR_API_TOKEN_HERE",
        f"api_token={hashlib.sha256(b'y').hexdigest()}",  # 64 lowercase hex: a digest
        f"api_token_id={secrets.token_hex(16)}",
    ])
    assert findings_for(write, text) == []


# --- Authorization headers -----------------------------------------------------------------


@pytest.mark.parametrize("template", [
    "Authorization: Basic {b}",
    "authorization: bearer {b}",
    "AUTHORIZATION: BASIC {b}",
    'curl -H "Authorization: Basic {b}" https://api.iugu.com/v1/customers',
    'conn.setRequestProperty("Authorization", "Basic {b}");',
    "headers = {{'Authorization': 'Bearer {b}'}}",
    '{{"name": "authorization", "value": "Basic {b}"}}',
])
def test_basic_and_bearer_values_decoding_to_an_iugu_token(write, template: str) -> None:
    token = iugu_token()
    finding = only(findings_for(write, template.format(b=basic(token))))
    assert (finding["category"], finding["provider"]) == ("basic-auth", "iugu")
    raw = only(findings_for(write, f"api_token={token}", "raw.txt"))
    assert finding["secret"]["digest"] == raw["secret"]["digest"]  # one secret, however it travels


def test_basic_user_password_is_generic_and_placeholders_are_not(write) -> None:
    real = only(findings_for(write, f"Authorization: Basic {basic('billing-svc', 'T7f!q9Lz2#')}"))
    assert real["provider"] == "generic"
    text = "\n".join([
        f"Authorization: Basic {basic('user', 'password')}",
        f"Authorization: Basic {basic('admin', 'admin')}",
        f"Authorization: Basic {basic('svc', '${SVC_PASSWORD}')}",
        "Authorization: Basic " + basic("just-some-text-without-colon").rstrip("Og=="),
        "Authorization: Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjMifQ.sig",
        "Authorization: Basic ${BASIC}",
    ])
    assert findings_for(write, text, "neg.txt") == []


# --- plaintext HTTP ------------------------------------------------------------------------


@pytest.mark.parametrize("url", [
    "http://api.asaas.com/v3/payments", "HTTP://API-SANDBOX.ASAAS.COM:8080/v3/x", "http://sandbox.asaas.com/api/v3",
    "http://api.iugu.com", "http://api.iugu.com:80/v1/invoices?limit=1",
])
def test_plaintext_provider_urls(write, url: str) -> None:
    finding = only(findings_for(write, f"BASE_URL={url}\n"))
    assert finding["category"] == "plaintext-http" and finding["secret"] is None
    assert finding["context"]["url"].lower().startswith("http://")


@pytest.mark.parametrize("url", [
    "https://api.asaas.com/v3", "http://www.asaas.com/", "http://asaas.com/precos", "http://iugu.com/",
    "http://api.asaas.com.evil.example/v3", "http://api.iugu.com.mirror.example/v1", "http://api.asaas.company/",
    "http://xapi.iugu.com/v1",
])
def test_not_plaintext_provider_calls(write, url: str) -> None:
    assert findings_for(write, f"BASE_URL={url}\n") == []


# --- merging and real data -------------------------------------------------------------------


def test_one_secret_found_by_two_rules_on_one_spot_is_one_finding(write) -> None:
    finding = only(findings_for(write, f"IUGU_API_TOKEN={iugu_token()}\n", ".env"))
    assert finding["rule_id"] in {"iugu-api-token", "iugu-config-api-token"}


def test_environment_mismatch_in_configuration(write) -> None:
    text = f"ASAAS_URL=https://api.asaas.com/v3\nASAAS_KEY={asaas_key('hmlg')}\n"
    categories = sorted(f["category"] for f in findings_for(write, text, "settings.env"))
    assert categories == ["access-token", "environment-mismatch"]


def test_no_false_positives_on_real_logs_and_captures() -> None:
    report, _ = scan_json(str(CORPUS))
    assert report["scan"]["files_scanned"] == len(list(CORPUS.iterdir()))
    assert report["findings"] == [], [(f["rule_id"], f["location"]) for f in report["findings"]]


# --- properties ------------------------------------------------------------------------------


@given(st.text(min_size=1, max_size=200), st.sampled_from(["", "$aact_prod_000", "\\u0024aact_"]))
def test_redaction_never_shows_more_than_a_quarter_or_eight_characters(secret: str, prefix: str) -> None:
    shown = redact(secret, prefix)
    assert shown.startswith(prefix)
    visible = len(shown) - len(prefix) - 1  # minus the ellipsis
    assert visible <= min(8, len(secret) // 4)


_printable = st.text(st.characters(codec="utf-8", exclude_characters="\n\r"), max_size=60)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(before_lines=st.lists(_printable, max_size=5), before=_printable, after=_printable)
def test_a_planted_key_is_found_once_at_its_place(write, before_lines: list[str], before: str, after: str) -> None:
    key = asaas_key()
    line = f"{before} {key} {after}"
    text = "\n".join([*before_lines, line, "tail"])
    findings = [f for f in findings_for(write, text, "prop.log") if f["category"] == "access-token"]
    finding = only(findings)
    assert finding["location"]["line"] == len(before_lines) + 1
    assert finding["location"]["column"] == len(before) + 2
    assert finding["location"]["end_column"] - finding["location"]["column"] == len(key)
