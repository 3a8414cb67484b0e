"""A request whose bytes a record holds in a member (Burp's saved ``<request>``, a JSON record's ``request`` string,
ZAP's ``requestHeader``) is read twice: by the record's reader, with the record's URL and body, and by the readers of
dumps, which find the same bytes inside the record and read them on HTTPS (the bytes name no scheme). Where the
second reading starts inside the record and reads the same request, the record's reading stands for it: each request
is judged once (``requests_judged`` counts it once), on plain HTTP as on HTTPS. Two like requests in two records stay
two; a record whose bytes are another request than its fields say is two requests, as before; bytes with no record
around them are read as a dump, as before."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers.credentials import iugu_token
from helpers.running import request_rules, scan_json

TRANSFER = "/v1/transfer_requests"
HEAD = f"POST {TRANSFER} HTTP/1.1\r\nHost: api.iugu.com\r\nContent-Type: application/json\r\nUser-Agent: payouts/3\r\n"
PLAINTEXT = "credential-over-plaintext-http"
UNSIGNED = "iugu-unsigned-transfer"


def _body() -> str:
    return json.dumps({"api_token": iugu_token(), "amount_cents": 1050, "transfer_type": "pix"})


def _scan(path: Path, text: str) -> tuple[list[str], int]:
    path.write_text(text)
    report, _ = scan_json(str(path))
    return request_rules(report), report["scan"]["requests"].get("requests_judged", 0)


def _burp_item(scheme: str, sent: str) -> str:
    # Burp Suite's "Save items" unencoded: the item's url and protocol say the scheme the bytes do not
    return "\n".join(["<?xml version=\"1.0\"?>", "<items burpVersion=\"2026.10\">", "  <item>",
                      f"    <url><![CDATA[{scheme}://api.iugu.com{TRANSFER}]]></url>",
                      f"    <protocol>{scheme}</protocol>", "    <method><![CDATA[POST]]></method>",
                      f"    <path><![CDATA[{TRANSFER}]]></path>",
                      f'    <request base64="false"><![CDATA[{sent}]]></request>',
                      "    <status>201</status>", "  </item>", "</items>", ""])


def _line(scheme: str, **members: str) -> str:
    return json.dumps({"level": "debug", "method": "POST", "url": f"{scheme}://api.iugu.com{TRANSFER}",
                       **members}) + "\n"


def _pretty(scheme: str, **members: str) -> str:
    return json.dumps({"level": "debug", "method": "POST", "url": f"{scheme}://api.iugu.com{TRANSFER}",
                       **members}, indent=2) + "\n"


def _fixture(scheme: str, sent: str) -> str:
    # a recorded-request fixture in YAML: the bytes in a block scalar beside the call's method and url
    return "\n".join(["interactions:", "  - method: POST", f"    url: {scheme}://api.iugu.com{TRANSFER}",
                      "    request: |", *("      " + line for line in sent.split("\r\n")), ""])


def _held_shapes(scheme: str) -> list[tuple[str, str]]:
    """(file name, text) of one transfer held as bytes in a record, in each shape."""
    body = _body()
    whole = HEAD + f"Content-Length: {len(body)}\r\n\r\n" + body
    return [("burp-items.xml", _burp_item(scheme, whole)),
            ("app.log", _line(scheme, request=whole)),  # the bytes whole in one JSON string
            ("app.log", _line(scheme, request=HEAD + "\r\n", body=body)),  # the head whole, the body apart
            ("app.log", _line(scheme, requestHeader=HEAD + "\r\n", requestBody=body)),  # ZAP's members
            ("app.log", _pretty(scheme, request=whole)),  # the record over lines
            ("fixture.yaml", _fixture(scheme, HEAD + "\r\n" + body))]


@pytest.mark.parametrize("scheme", ["http", "https"])
def test_a_request_held_in_its_record_is_judged_once_with_the_records_scheme(tmp_path: Path, scheme: str) -> None:
    for name, text in _held_shapes(scheme):
        found, judged = _scan(tmp_path / name, text)
        expected = [PLAINTEXT, UNSIGNED] if scheme == "http" else [UNSIGNED]
        assert (found, judged) == (expected, 1), (name, scheme, found, judged)


def test_two_like_requests_held_in_two_records_are_two(tmp_path: Path) -> None:
    whole = HEAD + "\r\n" + _body()
    for text in [_line("http", request=whole) * 2,  # two records, two lines
                 json.dumps([json.loads(_line("http", request=whole))] * 2) + "\n"]:  # a batch on one line
        found, judged = _scan(tmp_path / "app.log", text)  # (the findings of one line are folded: their set)
        assert (sorted(set(found)), judged) == ([PLAINTEXT, UNSIGNED], 2), (found, judged)


def test_bytes_of_another_request_than_the_record_says_stay_a_request_of_their_own(tmp_path: Path) -> None:
    # the incoming request an outbound call's record keeps beside its url: the record's fields are the call (over
    # plain HTTP, its body apart, no headers shown), the bytes another request, read by the dump readers on HTTPS
    incoming = HEAD.replace(TRANSFER, "/v1/charge") + "\r\n" + _body()
    found, judged = _scan(tmp_path / "app.log", _line("http", request=incoming, body=_body()))
    assert (found, judged) == ([PLAINTEXT], 2), (found, judged)


def test_bytes_with_no_record_around_them_are_a_dump(tmp_path: Path) -> None:
    dump = ["2026-11-22 13:00:30 DEBUG wire >>", *(HEAD + "\r\n" + _body()).split("\r\n"),
            "2026-11-22 13:00:31 INFO done"]
    found, judged = _scan(tmp_path / "wire.log", "\n".join(dump) + "\n")
    assert (found, judged) == ([UNSIGNED], 1), (found, judged)
