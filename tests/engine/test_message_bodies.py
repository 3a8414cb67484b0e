"""A card's payment token in the body of an iugu charge written out as an HTTP message is no API
token: the request line above the body (`POST /v1/charge`) is part of the body's record, both in
the file's text and in the request a reader rebuilds from a log line (head and body on lines of
their own), so the evidence that the body is a charge is seen wherever the body is judged."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.running import scan_json

CARD_TOKEN = "77C2565F6F064A26ABED4255894224F0"  # iugu.js's createPaymentToken id: 32 upper hex
BODY = '{"token":"%s","email":"a@b.com","items":[{"description":"x","quantity":1,"price_cents":1000}]}' % CARD_TOKEN

LOGS = {
    # Go's httputil.DumpRequestOut: the head, a blank line, the body
    "raw-dump": ("POST /v1/charge HTTP/1.1\r\nHost: api.iugu.com\r\nContent-Type: application/json\r\n"
                 f"Authorization: Basic [FILTERED]\r\n\r\n{BODY}\n"),
    # one log line, which the reader rebuilds as a request: its body a line of its own
    "one-line-record": f"2026-11-22T13:00:00Z DEBUG iugu request: POST https://api.iugu.com/v1/charge body={BODY}\n",
}


@pytest.mark.parametrize("log", list(LOGS))
def test_a_card_token_charged_is_no_api_token(tmp_path: Path, log: str) -> None:
    path = tmp_path / "charges.log"
    path.write_bytes(LOGS[log].encode())
    report, _ = scan_json(str(path))
    assert [finding["rule_id"] for finding in report["findings"]] == []


def test_the_same_body_under_an_api_token_name_is_still_found(tmp_path: Path) -> None:
    path = tmp_path / "charges.log"
    path.write_bytes(LOGS["raw-dump"].replace('{"token"', '{"api_token"').encode())
    report, _ = scan_json(str(path))
    assert {finding["provider"] for finding in report["findings"]} == {"iugu"}
