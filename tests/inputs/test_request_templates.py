"""Requests that an API document or a collection writes, not ones sent: a route's parameter in the
path (`/v1/:account_id/api_tokens`, `/v1/accounts/{id}/request_withdraw`) stands where a request
sent has a value, so no signature is judged on it; a collection's documented header left blank is
a blank to fill in, and one switched off is not sent. Shapes from public iugu API collections
(Postman, v2.1), written anew with made-up values; real files through the command line.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers.credentials import iugu_token
from helpers.running import scan_json, scanned_requests


def _item(method: str, raw: str, headers: list[tuple[str, str]]) -> dict:
    """One request of a Postman collection: its headers documented, its URL split as Postman splits it."""
    address, _, query = raw.partition("?")
    path = address.split("://", 1)[1].split("/")[1:]
    return {"name": f"{method} {'/'.join(path)}", "request": {
        "method": method,
        "header": [{"key": name, "value": value, "description": "", "type": "text"} for name, value in headers],
        "body": {"mode": "raw", "raw": '{"amount_cents": 1050}'},
        "url": {"raw": raw, "protocol": "https", "host": ["api", "iugu", "com"], "path": path,
                "query": [{"key": key, "value": value} for key, _, value in
                          (part.partition("=") for part in query.split("&") if part)]}},
        "response": []}


def _collection(folder: Path, *items: dict) -> Path:
    path = folder / "iugu.postman_collection.json"
    path.write_text(json.dumps({"info": {"_postman_id": "5d1a6b0e-2c9f-4a7b-8e3d-6c1f0a9b2e47", "name": "API iugu",
                                         "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
                                "item": items}, indent="\t"))
    return path


BLANK_SIGNATURE = [("Content-Type", "application/json"), ("Request-Time", ""), ("Signature", "signature=")]


@pytest.mark.parametrize("raw", ["https://api.iugu.com/v1/:account_id/api_tokens?api_token=",
                                 "https://api.iugu.com/v1/accounts/:id/request_withdraw?api_token="])
def test_a_collection_s_request_on_a_route_with_a_parameter_is_a_template(raw: str, tmp_path: Path) -> None:
    path = _collection(tmp_path, _item("POST", raw, BLANK_SIGNATURE))
    assert scanned_requests(path) == []


def test_a_document_s_request_on_a_route_with_a_parameter_is_a_template(tmp_path: Path) -> None:
    # OpenAPI's spelling of the parameter, in a guide's raw request
    path = tmp_path / "SUBACCOUNTS.md"
    path.write_text("```\nPOST https://api.iugu.com/v1/accounts/{account_id}/request_withdraw HTTP/1.1\n"
                    "Content-Type: application/json\nSignature: signature=\n\n{\"amount\": 10}\n```\n")
    assert scanned_requests(path) == []


def test_a_collection_s_request_on_a_route_without_parameters_is_read(tmp_path: Path) -> None:
    """The same collection's requests whose paths hold no parameter are read as the requests they
    describe: a transfer without the signature headers, its token in the query string."""
    token = iugu_token("upper")
    path = _collection(tmp_path, _item("POST", f"https://api.iugu.com/v1/transfer_requests?api_token={token}",
                                       [("Content-Type", "application/json")]))
    assert scanned_requests(path) == ["iugu-token-in-query-string", "iugu-unsigned-transfer"]


def test_a_collection_s_blank_signature_headers_are_blanks_to_fill(tmp_path: Path) -> None:
    """A documented header left blank (`Request-Time: ""`, `Signature: signature=`) is filled in
    before the request is sent: its value is unknown, so the transfer is neither unsigned nor
    badly signed."""
    path = _collection(tmp_path, _item("POST", "https://api.iugu.com/v1/transfer_requests?api_token=",
                                       BLANK_SIGNATURE))
    report, _ = scan_json(str(path))
    assert [f["rule_id"] for f in report["findings"]] == []
    assert report["scan"]["requests"].get("requests_judged") == 1


def test_a_collection_s_switched_off_header_is_not_sent(tmp_path: Path) -> None:
    item = _item("POST", "https://api.iugu.com/v1/transfer_requests", [("Content-Type", "application/json"),
                                                                      ("Request-Time", "2026-11-22T10:00:00-03:00"),
                                                                      ("Signature", "signature=c2lnbmF0dXJl")])
    for header in item["request"]["header"][1:]:
        header["disabled"] = True
    assert scanned_requests(_collection(tmp_path, item)) == ["iugu-unsigned-transfer"]


def test_a_logged_request_s_blank_signature_headers_were_sent_blank(tmp_path: Path) -> None:
    """The same blank entries in a request log, with no description beside them: the request went
    out with them empty (no Request-Time, a signature without its value)."""
    path = tmp_path / "gateway.jsonl"
    path.write_text(json.dumps({"time": "2026-11-22T10:00:00-03:00", "method": "POST",
                                "url": "https://api.iugu.com/v1/transfer_requests",
                                "headers": [{"name": name, "value": value} for name, value in BLANK_SIGNATURE]}) + "\n")
    assert scanned_requests(path) == ["iugu-bad-signature", "iugu-unsigned-transfer"]
