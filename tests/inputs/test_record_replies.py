"""A structured record of a call logs what came back beside what was sent: the headers it names as the
reply's, or that only a response carries, are none of the request's, so they show no signing header
missing (a payments app's log of an iugu transfer's response was an unsigned transfer)."""

from __future__ import annotations

import json
from pathlib import Path

from helpers.running import scan_json

URL = "https://api.iugu.com/v1/transfer_requests"


def signed(value: str) -> dict[str, str]:
    """A signed request's headers, its own signature each (one sent twice is a replay)."""
    return {"Signature": f"signature={value}", "Request-Time": "2026-12-04T11:10:00-03:00"}


def _rules(tmp_path: Path, *records: dict) -> list[tuple[int, str]]:
    log = tmp_path / "calls.jsonl"
    log.write_text("".join(json.dumps(record) + "\n" for record in records))
    report, _ = scan_json(str(log))
    return [(f["location"]["line"], f["rule_id"]) for f in report["findings"]]


def test_headers_beside_the_request_headers_are_the_replys(tmp_path: Path) -> None:
    """A client's hook logs the `headers` it got back and the `request_headers` it sent: the signed
    request's headers are those it names as the request's, whichever comes first."""
    got = {"Content-Type": "application/json", "X-Request-Id": "ab12"}
    assert _rules(tmp_path, {"method": "POST", "url": URL, "status": 200, "headers": got, "request_headers": signed("Zmlyc3Q=")},
                  {"method": "POST", "url": URL, "status": 200, "reqHeaders": signed("c2Vjb25k"), "headers": got},
                  {"method": "POST", "url": URL, "request_headers": {"Content-Type": "application/json"},
                   "headers": signed("dGhpcmQ=")}) == [(3, "iugu-unsigned-transfer")]


def test_headers_only_a_response_carries_are_the_replys(tmp_path: Path) -> None:
    """An app logs a call's response as its method, URL, status, headers and body: a Server, a cookie set,
    a Location are no request's headers, so they show nothing of what was sent; a request's own headers
    without a signature still show it unsigned."""
    assert _rules(tmp_path, {"msg": "iugu response", "method": "POST", "url": URL, "status": 200,
                             "headers": {"Content-Type": ["application/json"], "Server": ["nginx"]}},
                  {"msg": "iugu response", "method": "POST", "url": URL, "status": 201,
                   "headers": "Location: https://api.iugu.com/v1/transfer_requests/5E1A\nContent-Type: text/json"},
                  {"msg": "iugu request", "method": "POST", "url": URL,
                   "headers": {"Content-Type": "application/json", "User-Agent": "loja/1.0"}}) == [
        (3, "iugu-unsigned-transfer")]


def test_headers_a_client_sends_by_mistake_are_still_the_requests(tmp_path: Path) -> None:
    """A front end that sends `Access-Control-Allow-Origin: *` (and an `X-Powered-By`) on its own call "to fix
    CORS": its headers are still the request's, unsigned."""
    sent = {"Content-Type": "application/json", "Access-Control-Allow-Origin": "*", "X-Powered-By": "loja"}
    assert _rules(tmp_path, {"method": "POST", "url": URL, "headers": sent, "body": "{}"}) == [
        (1, "iugu-unsigned-transfer")]
