"""Which line ending joined a body logged over lines is decided by evidence, never by the first
reading that matches the declared length while the other one is still possible.

A body's lines lost their endings. A JSON body laid out `{`, two fields, `}` whose last line is one
character long is, joined with LF, as long as its first three lines joined with CR LF: a reader
that took the CR LF reading as soon as it matched cut the body short and changed its bytes, and a
valid RSA signature looked bad. These requests are signed with a real key pair, so only the bytes
sent verify; a tampered body must still be called bad.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Callable

import pytest

from helpers.credentials import iugu_token
from helpers.request_shapes import HOST, PATH, TIME
from helpers.running import scan_json
from helpers.signing import key_pair, signature_header
from keyaudit.inputs.captures.httpdump import exchanges

Layout = Callable[[list[str], bytes], list[str]]  # the head's lines and the body in, the log's lines out


def _raw(head: list[str], body: bytes) -> list[str]:
    """The request as HTTP text in a log, after the log record that announces it."""
    return ["2026-11-22 13:00:00 DEBUG http: request sent:", *head, "", *body.decode().split("\n"),
            "2026-11-22 13:00:01 INFO worker heartbeat ok", "2026-11-22 13:00:02 INFO worker heartbeat ok"]


def _curl_timeline(head: list[str], body: bytes) -> list[str]:
    """libcurl's debug rows as Insomnia's timeline shows them: `> ` head rows, `| ` body rows."""
    return ["* Connected", "", *(f"> {line}" for line in head), "",
            *(f"| {line}" for line in body.decode().split("\n")), "", "< HTTP/1.1 201 Created"]


def _labelled(head: list[str], body: bytes) -> list[str]:
    """A request logged field by field after labels (REST Assured's `log().all()`), the body last."""
    method, path, _ = head[0].split(" ")
    first, *rest = [line.replace(": ", "=", 1) for line in head[1:]]
    return [f"Request method:\t{method}", f"Request URI:\thttps://{HOST}{path}", f"Headers:\t\t{first}",
            *(f"\t\t\t{line}" for line in rest), "Body:", *body.decode().split("\n"),
            "2026-11-22 13:00:01 INFO worker heartbeat ok"]


def _signed(folder: Path, body: bytes, sent: bytes) -> tuple[list[str], bytes, Path]:
    """The head of an iugu transfer whose signature (by the client's key) is over ``body``, the
    body the log shows (``sent``: tampered, or not), and the public key that verifies it; each
    with an iugu token in place of ``TOKEN``."""
    private, public = key_pair(folder)
    token = iugu_token()
    body, sent = body.replace(b"TOKEN", token.encode()), sent.replace(b"TOKEN", token.encode())
    head = [f"POST {PATH} HTTP/1.1", f"Host: {HOST}", "Content-Type: application/json", f"{TIME[0]}: {TIME[1]}",
            f"Signature: {signature_header(private, 'POST', PATH, token, TIME[1], body)}", f"Content-Length: {len(sent)}"]
    return head, sent, public


# the last line one character long: LF-joined, the body is as long as its first lines CR LF-joined
SHORT_LAST = b'{\n"api_token":"TOKEN",\n"amount_cents":1050\n}'
TAMPERED = b'{\n"api_token":"TOKEN",\n"amount_cents":9050\n}'


def _judged(folder: Path, layout: Layout, body: bytes, sent: bytes, newline: str) -> dict[str, int]:
    head, sent, public = _signed(folder, body, sent)
    log = folder / "requests.log"
    log.write_bytes(newline.join(layout(head, sent.replace(b"\r\n", b"\n"))).encode() + newline.encode())
    report, _ = scan_json("--public-key", str(public), str(log))
    found = [finding["rule_id"] for finding in report["findings"] if finding["context"].get("method")]
    counts = report["scan"]["requests"]
    return {"bad-signature findings": found.count("iugu-bad-signature"), "valid": counts.get("signatures_valid", 0),
            "invalid": counts.get("signatures_invalid", 0)}


LAYOUTS = [pytest.param(layout, id=layout.__name__.strip("_")) for layout in (_raw, _curl_timeline, _labelled)]
GOOD = {"bad-signature findings": 0, "valid": 1, "invalid": 0}
BAD = {"bad-signature findings": 1, "valid": 0, "invalid": 1}


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_lf_body_whose_short_last_line_makes_a_crlf_reading_match_early_is_read_whole(
        layout: Layout, tmp_path: Path) -> None:
    assert _judged(tmp_path, layout, SHORT_LAST, SHORT_LAST, "\n") == GOOD
    assert _judged(tmp_path, layout, SHORT_LAST, TAMPERED, "\n") == BAD


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_crlf_body_is_still_read_with_crlf(layout: Layout, tmp_path: Path) -> None:
    """The body sent with CR LF, in a log whose lines end with LF (the CRs lost) or CR LF (the
    line reader takes them off with the line's end): the CR LF reading is the one that matches."""
    crlf, tampered = SHORT_LAST.replace(b"\n", b"\r\n"), TAMPERED.replace(b"\n", b"\r\n")
    for newline in ("\n", "\r\n"):
        assert _judged(tmp_path, layout, crlf, crlf, newline) == GOOD, newline
        assert _judged(tmp_path, layout, crlf, tampered, newline) == BAD, newline


def _message(folder: Path, cut: bool) -> dict[str, int]:
    """The request in one JSON log record's message, its head's lines ended with CR LF as sent
    (the record keeps the CRs), its LF body whole or ``cut`` before its last line."""
    head, sent, public = _signed(folder, SHORT_LAST, SHORT_LAST)
    shown = sent.rsplit(b"\n", 1)[0] if cut else sent
    log = folder / "app.log"
    records = [{"time": "2026-11-22T13:00:00Z", "level": "debug", "msg": "\r\n".join([*head, "", shown.decode()])},
               {"time": "2026-11-22T13:00:01Z", "level": "info", "msg": "worker heartbeat ok"}]
    log.write_text("".join(json.dumps(record) + "\n" for record in records))
    report, _ = scan_json("--public-key", str(public), str(log))
    counts = report["scan"]["requests"]
    return {"bad-signature findings": [finding["rule_id"] for finding in report["findings"]].count("iugu-bad-signature"),
            **{kind: counts.get(f"signatures_{kind}", 0) for kind in ("valid", "invalid", "unverified")}}


def test_crs_the_capture_shows_in_the_head_say_the_body_shows_its_own(tmp_path: Path) -> None:
    """A head whose lines still end with their CRs says the capture shows the CRs sent: a body
    line without one was joined with LF. A message cut before the body's short last line is no
    CR LF body of the declared length, and its signature is not judged (not called bad)."""
    assert _message(tmp_path, cut=False) == {**GOOD, "unverified": 0}
    assert _message(tmp_path, cut=True) == {"bad-signature findings": 0, "valid": 0, "invalid": 0, "unverified": 1}


@pytest.mark.parametrize(("after", "body"), [(", client: 10.0.0.7, server: egress", b'{"value":1}'),
                                             (" []  []", b'{"value":1}'), ("client: 10.0.0.7", None),
                                             ('" from the partition with ID: "0"', b'{"value":1}'),
                                             ('"from the partition', None)])
def test_a_loggers_suffix_after_the_declared_length_is_the_logs_where_a_gap_begins_it(after: str,
                                                                                   body: bytes | None) -> None:
    # nginx's error log (an OpenResty ngx.log of the raw request) ends a message with `, client: …, server: …`,
    # Monolog with its context and extra, a print of the message quoted in a sentence, the quote closing it and the
    # sentence's rest (the Event Hubs quickstart's `Received the event: "…" from the partition …`); text run on
    # with no gap may be the body's own
    lines = ["2026/11/22 13:00:00 [info] 17#17: *5 [lua] egress.lua:14: egress request: POST /v3/transfers HTTP/1.1\r",
             "Host: api.asaas.com\r", "Content-Length: 11\r", "\r", '{"value":1}' + after]
    found = [(e.url, e.body if e.body_exact else None) for e in exchanges(enumerate(lines, 1), "error.log")]
    assert found == [("https://api.asaas.com/v3/transfers", body)]
