"""A request printed by position — a repr that gives its method and URL as values with no names — and the parts
labelled after it on the same line (``headers=``, ``content=``, ``data=``, ``body=``) are one request: a logger's
format string writes the request's repr, then what the repr leaves out (``logger.debug("sending %r headers=%r",
request, request.headers)`` over httpx's ``Request``, whose repr is ``<Request('POST', 'https://…')>``). So are a repr
written as its constructor's call (Python's convention for ``repr``) and the keyword arguments in it:
``HTTPRequest('POST', 'https://…', headers={…}, data='…')``; and Ruby's http.rb, whose ``Request#inspect`` is
documented as ``#<HTTP::Request/1.1 GET https://example.com>`` and ``Headers#inspect`` as ``#<HTTP::Headers {…}>``.
Before, only the method and URL were read (http.rb's not even those): no headers, so neither an unsigned transfer nor
a signature was judged. A signed request so printed still verifies (its body from ``content=b'…'``); only labels that
name headers or a body are joined, the first of each.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers.credentials import asaas_key, basic, iugu_token
from helpers.running import scan_json, written_requests
from helpers.signing import TRANSFER_URL as IUGU, signed_transfer

ASAAS = "https://api.asaas.com/v3/transfers"
PREFIX = "2026-11-22 13:00:10,123 DEBUG payouts.http: "
BODY = '{"value": 10.5, "bankAccount": {"bank": {"code": "341"}}}'


def test_httpx_request_repr_then_its_header_dict_is_an_unsigned_transfer(tmp_path: Path) -> None:
    headers = {"host": "api.iugu.com", "content-type": "application/json", "authorization": "[secure]"}
    rules, counts = written_requests(tmp_path, "app.log", f"sending <Request('POST', '{IUGU}')> headers={headers!r}\n")
    assert rules == ["iugu-unsigned-transfer"], counts


def test_httpx_request_repr_then_headers_wrapped_carries_the_access_token(tmp_path: Path) -> None:
    headers = {"host": "api.asaas.com", "user-agent": "python-httpx/0.27.2", "content-type": "application/json",
               "access_token": asaas_key()}
    line = f"{PREFIX}sending <Request('POST', '{ASAAS}')> headers=Headers({headers!r})\n"
    rules, _ = written_requests(tmp_path, "app.log", line)
    assert rules == ["asaas-unsigned-transfer"]


def test_a_constructor_call_repr_with_keyword_parts_is_one_request(tmp_path: Path) -> None:
    headers = {"Content-Type": "application/json", "Authorization": "Basic " + basic(iugu_token())}
    line = f"retrying HTTPRequest('POST', '{IUGU}', headers={headers!r}, data={BODY!r})\n"
    rules, _ = written_requests(tmp_path, "app.log", line)
    assert rules == ["iugu-unsigned-transfer"]


def test_http_rb_request_inspect_then_its_headers_inspect_is_one_request(tmp_path: Path) -> None:
    headers = '{"Content-Type"=>"application/json", "Authorization"=>"Basic %s"}' % basic(iugu_token())
    line = (f"I, [2026-11-22T13:00:10 #4242]  INFO -- : > #<HTTP::Request/1.1 POST {IUGU}> "
            f"headers=#<HTTP::Headers {headers}>\n")
    rules, _ = written_requests(tmp_path, "app.log", line)
    assert rules == ["iugu-unsigned-transfer"]


@pytest.mark.parametrize("written", [
    "sending <Request('POST', '{url}')> headers={headers!r} content={body!r}",
    "sending <Request('POST', '{url}')> headers=Headers({headers!r}), content={body!r}",
    "sent <Request('POST', '{url}')> headers: {headers!r} content: {body!r}",
    "HTTPRequest('POST', '{url}', headers={headers!r}, data={text!r})",
    "#<HTTP::Request/1.1 POST {url}> headers=#<HTTP::Headers {ruby}> body={text_json}",
    # a second headers label after the request's own (the response's, logged next) is not taken
    "sending <Request('POST', '{url}')> headers={headers!r} content={body!r} -> <Response [200 OK]> "
    "headers={{'server': 'nginx', 'content-type': 'application/json'}}",
])
def test_a_signed_request_so_printed_stays_signed_and_verifies(tmp_path: Path, written: str) -> None:
    public, body, headers = signed_transfer(
        tmp_path, lambda token: json.dumps({"api_token": token, "amount_cents": 1050}))
    path = tmp_path / "app.log"
    ruby = "{" + ", ".join(f"{json.dumps(name)}=>{json.dumps(value)}" for name, value in headers.items()) + "}"
    path.write_text(PREFIX + written.format(url=IUGU, headers=headers, body=body.encode(), text=body, ruby=ruby,
                                            text_json=json.dumps(body)) + "\n")
    report, _ = scan_json("--public-key", str(public), str(path))
    assert [f["rule_id"] for f in report["findings"] if f["context"].get("method")] == []
    assert report["scan"]["requests"].get("signatures_valid") == 1, report["scan"]["requests"]


def test_labels_that_name_no_header_or_body_are_not_joined(tmp_path: Path) -> None:
    # a query's map first (its keys a signature's names) names no headers: the headers are those labelled so, unsigned
    signed_names = {"Request-Time": "2026-11-22T10:00:00-03:00", "Signature": "signature=abc"}
    headers = {"content-type": "application/json", "authorization": "[secure]"}
    line = (f"sending <Request('POST', '{IUGU}')> params={signed_names!r} extensions={{'timeout': 5.0}} "
            f"headers={headers!r}\n")
    rules, _ = written_requests(tmp_path, "app.log", line)
    assert rules == ["iugu-unsigned-transfer"]
