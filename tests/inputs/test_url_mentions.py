"""A plain-HTTP URL carrying a credential in its query, written where no request is captured — a
setting in a ``.env``, JSON or YAML file, a log message's link — is a request of itself: the
credential goes over ``http://`` whenever it is used. Counted once: a capture of the same URL
nearby (a curl command, a dump) is that request, and shows more.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.credentials import asaas_key, iugu_token
from helpers.running import scan_json

PLAIN = "credential-over-plaintext-http"


def _findings(path: Path, *options: str) -> list[tuple[str, int]]:
    report, _ = scan_json(*options, str(path))
    assert report["errors"] == []
    return sorted((f["rule_id"], f["location"]["line"]) for f in report["findings"])


@pytest.mark.parametrize(("name", "line"), [
    (".env", "IUGU_RELAY_URL=http://relay.internal:8080/iugu/v1/invoices?api_token={token}"),
    ("settings.json", '{{"iugu": {{"endpoint": "http://relay.internal/iugu/v1?limit=10&api_token={token}"}}}}'),
    ("app.log", "2026-11-22 10:00:01 INFO forwarding to http://relay.internal/iugu/v1/invoices?api_token={token}."),
])
def test_a_plain_http_url_carrying_a_token_is_a_request_over_plain_http(tmp_path: Path, name: str, line: str) -> None:
    path = tmp_path / name
    path.write_text("# other settings\n" + line.format(token=iugu_token()) + "\n")
    assert _findings(path, "--no-dedupe") == [(PLAIN, 2), ("iugu-api-token", 2), ("iugu-token-in-query-string", 2)]


def test_an_asaas_key_in_a_plain_http_url_in_a_log_message(tmp_path: Path) -> None:
    path = tmp_path / "worker.log"
    path.write_text(f"WARN retrying http://relay.internal/asaas/v3/payments?access_token={asaas_key()} (attempt 2)\n")
    found = _findings(path, "--no-dedupe")
    assert found == [("asaas-api-key", 1), ("asaas-key-in-query-string", 1), (PLAIN, 1)], found


@pytest.mark.parametrize("line", [
    "IUGU_RELAY_URL=https://relay.internal/iugu/v1/invoices?api_token={token}",  # not in clear
    "IUGU_TOKEN={token}  # docs: http://relay.internal/iugu/v1/invoices?page=2",  # the URL carries no credential
    "IUGU_RELAY_URL=http://relay.internal/iugu/v1/invoices?api_token=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
])
def test_a_url_that_carries_no_credential_in_clear_is_no_plaintext_finding(tmp_path: Path, line: str) -> None:
    path = tmp_path / ".env"
    path.write_text(line.format(token=iugu_token()) + "\n")
    assert not [rule for rule, _ in _findings(path, "--no-dedupe") if rule in (PLAIN, "iugu-token-in-query-string")]


def test_a_captured_request_of_the_same_url_is_the_one_request(tmp_path: Path) -> None:
    """A curl command's URL is the command's request: the URL alone is not a second one."""
    path = tmp_path / "replay.sh"
    url = f"http://api.iugu.com/v1/transfer_requests?api_token={iugu_token()}"
    path.write_text(f"#!/bin/sh\ncurl -X POST '{url}' -H 'Content-Type: application/json' -d '{{}}'\n")
    found = _findings(path, "--no-dedupe")
    assert found.count((PLAIN, 2)) == 1, found
    assert ("iugu-unsigned-transfer", 2) in found  # read as the POST it is, not as a GET


def test_a_url_in_markup_text_is_the_request_its_record_captures_not_a_second(tmp_path: Path) -> None:
    """JMeter's XML results write a sample's URL as text, its `&` escaped `&amp;` as XML escapes it, beside the request
    the sample records: the URL is that request (it was a second one, its query ending in `&amp;limit=10`)."""
    url = f"http://api.iugu.com/v1/invoices?api_token={iugu_token()}&amp;limit=10"
    path = tmp_path / "results.jtl"
    path.write_text(f"""<testResults version="1.2">
<httpSample t="245" lt="244" ts="1795352440012" s="true" lb="GET /v1/invoices" rc="200" rm="OK">
  <requestHeader class="java.lang.String">User-Agent: payouts/3.1
Host: api.iugu.com</requestHeader>
  <method class="java.lang.String">GET</method>
  <queryString class="java.lang.String">{url.partition("?")[2]}</queryString>
  <java.net.URL>{url}</java.net.URL>
</httpSample>
</testResults>
""")
    report, _ = scan_json("--no-dedupe", str(path))
    urls = [f["context"]["url"] for f in report["findings"] if f["rule_id"] == PLAIN]
    assert len(urls) == 1 and urls[0].endswith("&limit=10"), urls
    assert report["scan"]["requests"]["requests_judged"] == 1
