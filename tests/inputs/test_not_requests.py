"""What a capture shows beside a call that is no call of its own (the seventh false-positive hunt's last three):
a browser's CORS preflight logged by a proxy, a documentation page a browser capture holds as a response, and a
client's record of a call's answer logged below its record of the call."""

from __future__ import annotations

import json
from pathlib import Path

from helpers.credentials import asaas_key, iugu_token
from helpers.har import entry, har
from helpers.running import scan_json

ASAAS = "https://api.asaas.com/v3/transfers"
IUGU = "https://api.iugu.com/v1/transfer_requests"
PAGE = "https://painel.minhaloja.com.br"


def _found(path: Path) -> list[tuple[int, str]]:
    report, _ = scan_json(str(path))
    return [(f["location"]["line"], f["rule_id"]) for f in report["findings"]]


def test_a_cors_preflight_is_no_call(tmp_path: Path) -> None:
    """A back office's page posts a transfer from the browser: the browser first asks, OPTIONS with
    Access-Control-Request-Method, and a debugging proxy saves the session as text (Fiddler's "Save > Selected
    Sessions > as Text": the request's head, then the response's). The preflight carries no key, no body and, as
    the proxy kept it, no User-Agent: it is not an Asaas call without one. The transfer the page then sends is."""
    saved = tmp_path / "sessions.txt"
    saved.write_bytes(
        f"OPTIONS {ASAAS} HTTP/1.1\r\nHost: api.asaas.com\r\nOrigin: {PAGE}\r\nAccess-Control-Request-Method: POST\r\n"
        "Access-Control-Request-Headers: access_token,content-type\r\nAccept: */*\r\n\r\n"
        f"HTTP/1.1 204 No Content\r\nAccess-Control-Allow-Origin: {PAGE}\r\nAccess-Control-Allow-Methods: GET, POST\r\n"
        "Access-Control-Allow-Headers: access_token,content-type\r\n\r\n"
        "------------------------------------------------------------------\r\n\r\n"
        f"OPTIONS {IUGU} HTTP/1.1\r\nHost: api.iugu.com\r\nOrigin: {PAGE}\r\nAccess-Control-Request-Method: POST\r\n"
        "Access-Control-Request-Headers: authorization,content-type\r\n\r\n"
        f"HTTP/1.1 204 No Content\r\nAccess-Control-Allow-Origin: {PAGE}\r\n\r\n".encode())
    assert _found(saved) == []
    # the page's transfer itself, with no User-Agent, is still judged (an OPTIONS that asks nothing is a call too)
    saved.write_bytes(f"POST {ASAAS} HTTP/1.1\r\nHost: api.asaas.com\r\nContent-Type: application/json\r\n"
                      f"Content-Length: 2\r\n\r\n{{}}\r\n\r\nOPTIONS {ASAAS} HTTP/1.1\r\nHost: api.asaas.com\r\n\r\n".encode())
    assert sorted(_found(saved)) == [(1, "asaas-request-without-user-agent"), (1, "asaas-unsigned-transfer"),
                                     (8, "asaas-request-without-user-agent")]


def test_a_page_a_capture_got_back_calls_nothing(tmp_path: Path) -> None:
    """A browser's capture of an operator reading iugu's documentation: the page's HTML, the response's content,
    shows an example call to `http://api.iugu.com/…`. The page names the URL; no one called it (a call would be an
    entry of its own). The capture's own plain-HTTP call still is one."""
    page = ("<html><body><h1>Transferências</h1><pre><code>curl -X POST http://api.iugu.com/v1/transfer_requests \\\n"
            "  -u SEU_API_TOKEN: -d amount_cents=1000</code></pre></body></html>")
    docs = entry("GET", "https://dev.iugu.com/reference/transferencias", {"User-Agent": "Mozilla/5.0"},
                 response_text=page)
    docs["response"]["content"]["mimeType"] = "text/html"
    capture = tmp_path / "backoffice.har"
    capture.write_text(json.dumps(har([docs]), indent=2))
    assert _found(capture) == []
    called = entry("GET", "http://api.iugu.com/v1/invoices", {"User-Agent": "Mozilla/5.0"})
    capture.write_text(json.dumps(har([docs, called]), indent=2))
    assert [rule for _, rule in _found(capture)] == ["iugu-plaintext-request"]


def test_a_calls_answer_logged_below_it_is_no_second_call(tmp_path: Path) -> None:
    """A payouts service logs each call to iugu as it sends it (method, URL, its signed headers, body) and again
    when the answer comes (the status, the reply's Content-Type, the transfer iugu created): the answer's record
    is that call, not a second one sent unsigned. A call logged only once its answer came is judged as before,
    and so is a retry logged as sent again."""
    def sent(signature: str) -> dict:
        return {"level": "info", "msg": "iugu request", "method": "POST", "url": IUGU, "body": {"amount_cents": 15000},
                "headers": {"Signature": f"signature={signature}", "Request-Time": "2026-12-04T07:36:00-03:00",
                            "Content-Type": "application/json"}}

    answer = {"level": "info", "msg": "iugu response", "method": "POST", "url": IUGU, "statusCode": 200,
              "headers": {"Content-Type": "application/json; charset=utf-8"},
              "body": {"id": "5E1A9C0F2B7D4E6A8C3B1D0F9E7A6B5C", "status": "PENDING", "amount_cents": 15000}}
    log = tmp_path / "payouts.jsonl"
    log.write_text("".join(json.dumps(record) + "\n" for record in (
        sent("c2lnbmF0dXJlT25l"), answer, sent("c2lnbmF0dXJlVHdv"), {**answer, "statusCode": 502}, answer)))
    assert _found(log) == [(5, "iugu-unsigned-transfer")]


def test_a_record_with_its_status_that_shows_what_only_a_request_sends_is_a_call(tmp_path: Path) -> None:
    """A reply never shows the request's credential nor its User-Agent: a record with the call's status that shows
    one is a call logged with its outcome, not the answer of the one above. An app logs its Asaas call with the key
    masked, then a second call, status beside it, with a sandbox key in the clear; a payouts service logs a signed
    call that times out, then its unsigned retry with the status it got and its own User-Agent."""
    asaas = "http://api.asaas.com/v3/transfers"
    call = {"msg": "asaas call", "method": "POST", "url": asaas,
            "headers": {"access_token": "***", "Content-Type": "application/json", "User-Agent": "x"}}
    key = asaas_key("hmlg")
    log = tmp_path / "env.jsonl"
    log.write_text("".join(json.dumps(record) + "\n" for record in (
        call, {**call, "status": 201, "headers": {**call["headers"], "access_token": key}})))
    assert {(1, "asaas-unsigned-transfer"), (2, "credential-over-plaintext-http"),
            (2, "asaas-sandbox-key-to-production")} <= set(_found(log))
    signed = {"level": "info", "msg": "iugu request", "method": "POST", "url": IUGU, "body": {"amount_cents": 15000},
              "headers": {"Signature": "signature=c2lnbmF0dXJlT25l", "Request-Time": "2026-12-04T07:36:00-03:00",
                          "Content-Type": "application/json"}}
    retry = {**signed, "level": "warn", "statusCode": 200,
             "headers": {"Content-Type": "application/json", "User-Agent": "payouts/1.0"}}
    log.write_text("".join(json.dumps(record) + "\n" for record in (signed, {"msg": "timeout"}, retry)))
    assert _found(log) == [(3, "iugu-unsigned-transfer")]


def test_a_cors_preflight_carries_the_calls_url_and_its_credential(tmp_path: Path) -> None:
    """The browser sends its preflight to the request's full URL, query included (the Fetch standard): a page that
    puts iugu's token in the query of a plain-HTTP URL leaks it in the preflight too. The rules about the URL judge
    it; those about what the call sends beside it (a signature, a User-Agent) do not."""
    saved = tmp_path / "sessions.txt"
    saved.write_bytes(
        f"OPTIONS http://api.iugu.com/v1/charges?api_token={iugu_token()} HTTP/1.1\r\nHost: api.iugu.com\r\n"
        f"Origin: {PAGE}\r\nAccess-Control-Request-Method: POST\r\nAccess-Control-Request-Headers: content-type\r\n"
        "\r\nHTTP/1.1 403 Forbidden\r\n\r\n".encode())
    found = {rule for _, rule in _found(saved)}
    assert {"credential-over-plaintext-http", "iugu-token-in-query-string", "iugu-token-sent-from-browser"} <= found
    saved.write_bytes(
        f"OPTIONS {IUGU} HTTP/1.1\r\nHost: api.iugu.com\r\nOrigin: {PAGE}\r\nAccess-Control-Request-Method: POST\r\n"
        "Access-Control-Request-Headers: signature,request-time\r\nSignature: signature=bm90IGEgc2lnbmF0dXJl\r\n\r\n"
        .encode())
    assert _found(saved) == []


def test_an_answer_record_that_echoes_the_request_headers_folds_into_its_call(tmp_path: Path) -> None:
    """A client logs each call as two JSON records with their own times: the request, then its answer, which echoes
    the request's headers (its access_token among them) beside the status. The answer was read as a second call (a
    credential is what only a request sends). It answers the call above when the headers it shows are the call's:
    a retry logged as sent is a call again, and an answer that shows another key is a call of its own."""
    key = asaas_key()
    headers = {"access_token": key, "Content-Type": "application/json"}
    url = "https://api.asaas.com/v3/transfers"

    def record(second: str, msg: str, **more: object) -> dict:
        return {"time": f"2026-11-22T10:00:{second}Z", "msg": msg, "method": "POST", "url": url, "headers": headers,
                **more}

    sent, answer = record("00.100", "asaas request", body={"value": 10}), record("00.450", "asaas response", status=200)
    log = tmp_path / "calls.jsonl"
    log.write_text("".join(json.dumps(item) + "\n" for item in (sent, answer)))
    assert _found(log) == [(1, "asaas-unsigned-transfer"), (1, "asaas-api-key")]
    log.write_text("".join(json.dumps(item) + "\n" for item in (sent, {**answer, "status": 503}, sent, answer)))
    assert [place for place in _found(log) if place[1] == "asaas-unsigned-transfer"] == [
        (1, "asaas-unsigned-transfer"), (3, "asaas-unsigned-transfer")]
    other = {**answer, "headers": {**headers, "access_token": asaas_key()}}
    log.write_text("".join(json.dumps(item) + "\n" for item in (sent, other)))
    assert [place for place in _found(log) if place[1] == "asaas-unsigned-transfer"] == [
        (1, "asaas-unsigned-transfer"), (2, "asaas-unsigned-transfer")]
