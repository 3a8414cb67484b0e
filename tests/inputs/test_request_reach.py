"""An access log's line holds a whole request (its request line a quoted field, no header below
it): a transfer path on it opens no request's span of lines around it, and the lines of a log
full of them are read together, a record each, as one-line JSON records are — every request
still read.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.credentials import iugu_token
from helpers.running import scan_json
from keyaudit.inputs.request_reach import RECORD_LINE_REACH, REQUEST_REACH, reach_of

COMBINED = '10.0.0.7 - - [22/Nov/2026:13:00:00 +0000] "POST /v1/transfers HTTP/1.1" 201 12 "-" "payouts/3.1"'
ENVOY = ('[2026-11-22T13:00:00.123Z] "POST /v3/transfers HTTP/1.1" 201 - 94 11 32 31 "-" "payouts/3.1" '
         '"5f3c9a2e-7b1d" "api.asaas.com" "200.155.0.10:443"')
ALB = ('https 2026-11-22T13:00:00.123456Z app/lb/1 10.0.0.7:50412 10.0.1.20:8080 0.000 0.032 0.000 201 201 345 '
       '120 "POST https://api.iugu.com:443/v1/transfer_requests HTTP/1.1" "payouts/3.1" TLS_AES_128_GCM_SHA256')
SNIFFED = ('10.0.0.7 - - [22/Nov/2026:10:00:30 -0300] "POST http://api.iugu.com/v1/transfer_requests HTTP/1.1" - - '
           '"-" "x"')


@pytest.mark.parametrize("line", [COMBINED, ENVOY, ALB, SNIFFED])
def test_an_access_log_line_is_a_record_on_its_own(line: str) -> None:
    assert reach_of(line.encode(), REQUEST_REACH) == RECORD_LINE_REACH


@pytest.mark.parametrize("line", [
    'http-outgoing-0 >> "POST /v1/transfer_requests HTTP/1.1[\\r][\\n]"',  # a wire log: its headers follow
    'DEBUG http-outgoing-0 >> "POST /v1/transfer_requests HTTP/1.1"',  # the same, its line alone
    "POST /v1/transfer_requests HTTP/1.1",  # a dump's request line
])
def test_a_request_line_whose_headers_follow_is_no_record_on_its_own(line: str) -> None:
    assert reach_of(line.encode(), REQUEST_REACH) != RECORD_LINE_REACH


def test_every_request_of_an_access_log_full_of_transfers_is_read(tmp_path: Path) -> None:
    """A forward proxy's combined log, a transfer sent over plain HTTP every fifth line: each is a
    request carrying the token in clear, read though the windows around them are joined."""
    token = iugu_token()
    lines = []
    for n in range(2000):
        time = f"22/Nov/2026:13:{n // 60 % 60:02d}:{n % 60:02d} +0000"
        target = (f"http://api.iugu.com/v1/transfer_requests?api_token={token}" if n % 5 == 0
                  else f"http://shop.example/orders/{n}")
        lines.append(f'10.0.0.7 - - [{time}] "POST {target} HTTP/1.1" 201 12 "-" "payouts/3.1"')
    path = tmp_path / "proxy_access.log"
    path.write_text("\n".join(lines) + "\n")
    report, _ = scan_json("--no-dedupe", str(path))
    found = [f["location"]["line"] for f in report["findings"] if f["rule_id"] == "credential-over-plaintext-http"]
    assert found == list(range(1, 2001, 5))


def test_a_commands_last_line_holding_its_quoted_url_alone_is_read_from_the_commands_start(tmp_path: Path) -> None:
    """A quoted string alone on an indented line is an array's item where a pretty-printed
    document holds it (its window reaches as a member's does), but its line readers still start
    where a request's may: a curl command's last line is its URL, the command three lines above."""
    path = tmp_path / "runbook.txt"
    path.write_text("$ curl -X POST \\\n  -H 'Content-Type: application/json' \\\n"
                    "  -d '{\"amount_cents\":1}' \\\n" '  "https://api.iugu.com/v1/transfers"\n')
    report, _ = scan_json("--no-dedupe", str(path))
    assert [f["rule_id"] for f in report["findings"] if f["context"].get("method")] == ["iugu-unsigned-transfer"]
