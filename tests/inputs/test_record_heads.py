"""A record's member holding a request's head or its bytes whole (:mod:`keyaudit.inputs.captures.record_heads`) is
read as the request only where it is the record's request: never another one logged beside the call (the incoming
request that triggered it, what a forwarding proxy received), never over a call nested in the record, and never
with an empty body where the body is in a member of its own. A text the reader cannot encode costs nothing."""

from __future__ import annotations

import json
from pathlib import Path

from helpers.credentials import iugu_token
from helpers.running import request_rules, scan_json
from helpers.signed_shapes import Request, check_shape, json_line

TRANSFER = "/v1/transfer_requests"


def _body() -> str:
    return json.dumps({"api_token": iugu_token(), "amount": "10.00", "transfer_type": "pix"})


def _scan(tmp_path: Path, *records: object) -> tuple[list[str], dict]:  # type: ignore[type-arg]
    path = tmp_path / "app.log"
    path.write_text("".join(json.dumps(record) + "\n" for record in records))
    report, _ = scan_json(str(path))
    return request_rules(report), report


def go_dump_head_then_body(request: Request) -> list[str]:
    # Go's httputil.DumpRequestOut(req, false): the head only (the body's length in it), ending in its blank line;
    # the body logged beside it.
    head = "".join(f"{name}: {value}\r\n" for name, value in [("Host", request.host), *request.headers,
                                                             ("Content-Length", request.content_length)])
    return json_line({"level": "debug", "msg": "outbound request", "method": request.method,
                      "request": f"{request.method} {request.path} HTTP/1.1\r\n{head}\r\n", "body": request.body})


def test_a_head_ending_in_its_blank_line_leaves_the_body_to_its_own_member(tmp_path: Path) -> None:
    check_shape(go_dump_head_then_body, tmp_path)
    head = "POST /iugu/v1/charge HTTP/1.1\r\nHost: egress.internal:8080\r\nContent-Type: application/json\r\n\r\n"
    found, _ = _scan(tmp_path, {"method": "POST", "url": "http://egress.internal:8080/iugu/v1/charge",
                                "request": head, "body": _body()})
    assert "credential-over-plaintext-http" in found, found


def test_a_lone_surrogate_in_a_whole_request_costs_nothing(tmp_path: Path) -> None:
    sent = f"POST {TRANSFER} HTTP/1.1\r\nHost: api.iugu.com\r\nX-A: \ud800\r\n\r\n{_body()}"
    plain = {"method": "POST", "url": "http://api.iugu.com" + TRANSFER, "body": _body()}  # the next record
    whole = {"method": "POST", "url": "https://api.iugu.com" + TRANSFER, "request": sent}
    found, report = _scan(tmp_path, whole, plain)
    assert found == ["credential-over-plaintext-http", "iugu-unsigned-transfer"] and not report["errors"], \
        (found, report["errors"])


def test_another_request_kept_whole_beside_the_call_is_not_the_call(tmp_path: Path) -> None:
    # an outbound call's record with the incoming request that triggered it, dumped whole
    incoming = ("POST /payouts HTTP/1.1\r\nHost: payouts.loja.com.br\r\nContent-Type: application/json\r\n\r\n"
                '{"amount": "10.00", "pix_key": "a@b.c"}')
    found, _ = _scan(tmp_path, {"msg": "calling iugu", "method": "POST", "url": "https://api.iugu.com" + TRANSFER,
                                "headers": {"Content-Type": "application/json"}, "body": _body(), "request": incoming})
    assert found == ["iugu-unsigned-transfer"], found


def test_a_forwarding_proxys_upstream_url_gives_no_scheme_to_another_host(tmp_path: Path) -> None:
    # a recording proxy: received over HTTPS for api.iugu.com, forwarded to a local mock over plain HTTP
    received = (f"POST {TRANSFER} HTTP/1.1\r\nHost: api.iugu.com\r\nContent-Type: application/json\r\n"
                f"Request-Time: 2026-11-22T10:00:01-03:00\r\nSignature: signature=QUJDRA==\r\n\r\n{_body()}")
    found, _ = _scan(tmp_path, {"msg": "forwarded", "method": "POST", "url": "http://127.0.0.1:8089" + TRANSFER,
                                "request": received})
    assert "credential-over-plaintext-http" not in found, found


def test_a_head_at_the_top_is_not_the_call_nested_in_the_record(tmp_path: Path) -> None:
    # the incoming request's head logged at the top, the outbound call in the context
    signed = {"Content-Type": "application/json", "Request-Time": "2026-11-22T10:00:00-03:00",
              "Signature": "signature=QUJDRA=="}
    for head, headers, expected in [
            ("POST /checkout HTTP/1.1\r\nHost: loja.com.br\r\nContent-Type: application/json\r\n", signed, []),
            ("GET /checkout?step=2 HTTP/1.1\r\nHost: loja.com.br\r\nUser-Agent: Mozilla/5.0\r\n", None,
             ["iugu-unsigned-transfer"])]:
        call = {"method": "POST", "url": "https://api.iugu.com" + TRANSFER, "body": _body()}
        found, _ = _scan(tmp_path, {"message": "calling iugu", "request_headers": head,
                                    "context": {"iugu": {**call, **({"headers": headers} if headers else {})}}})
        assert found == expected, (head, found)


def test_a_head_is_not_joined_to_another_requests_url(tmp_path: Path) -> None:
    # the record names the call's URL (no method); the head it logs is the incoming request's, to the app
    head = "POST /checkout HTTP/1.1\r\nHost: loja.com.br\r\nContent-Type: application/json\r\n"
    found, _ = _scan(tmp_path, {"url": "https://api.iugu.com" + TRANSFER, "request_headers": head, "body": _body()})
    assert found == [], found


def test_a_host_or_url_that_does_not_parse_costs_only_its_record(tmp_path: Path) -> None:
    # an unclosed "[" in the head's Host or in the record's url: the head agrees with nothing, the next record read
    good = {"method": "POST", "url": "https://api.iugu.com" + TRANSFER, "headers": {"Content-Type": "application/json"},
            "body": _body()}
    for bad in [{"requestHeader": f"POST {TRANSFER} HTTP/1.1\r\nHost: [::1\r\nContent-Type: application/json\r\n\r\n",
                 "requestBody": "{}"},
                {"method": "POST", "url": "http://[fe80::1" + TRANSFER,
                 "request": f"POST {TRANSFER} HTTP/1.1\r\nHost: api.iugu.com\r\n\r\n{{}}"}]:
        found, report = _scan(tmp_path, bad, good)
        assert report["errors"] == [] and "iugu-unsigned-transfer" in found, (report["errors"], found)


def test_plain_http_bytes_kept_whole_are_one_request(tmp_path: Path) -> None:
    # a plain-HTTP url and its bytes in `request`: the bytes, which name no scheme, are read on their own too (on
    # https); the record's reading of them, on its plaintext url, stands for that one: the call is judged once
    sent = f"POST {TRANSFER} HTTP/1.1\r\nHost: api.iugu.com\r\nContent-Type: application/json\r\n\r\n"
    for record in [{"method": "POST", "url": "http://api.iugu.com" + TRANSFER, "request": sent + _body()},
                   {"method": "POST", "url": "http://api.iugu.com" + TRANSFER, "request": sent, "body": _body()}]:
        _, report = _scan(tmp_path, record)
        rules = [finding["rule_id"] for finding in report["findings"]]
        assert rules.count("iugu-unsigned-transfer") == 1 and any("plaintext" in rule for rule in rules), rules
        assert report["scan"]["requests"]["requests_judged"] == 1, report["scan"]["requests"]
