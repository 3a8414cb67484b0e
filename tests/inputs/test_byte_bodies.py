"""A body written as its bytes, in each spelling a runtime prints them, is those bytes: a signature over it is
checked, its absence reported; a record that writes them one a line is read whole within the bound, and past it
read as far as shown (the body sent, not shown). Neither a list of numbers nor the bytes of a reply is a body."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Callable

import pytest

from helpers.credentials import iugu_token
from helpers.running import scan_json
from helpers.signing import SIGNED_AT, TRANSFER_PATH, TRANSFER_URL, key_pair, signature_header

# How a record is written: one JSON line, or pretty-printed as JSON.stringify(error, null, 2) prints an axios error
Layout = Callable[[dict], str]
LINE: Layout = lambda record: json.dumps(record, separators=(",", ":")) + "\n"  # noqa: E731
PRETTY: Layout = lambda record: json.dumps(record, indent=2) + "\n"  # noqa: E731
SIGNED = ("good", "bad", None)  # signed with the client's key, with another, not at all
FOUND = {"good": [], "bad": ["iugu-bad-signature"], None: ["iugu-unsigned-transfer"]}
COUNTED = {"good": "signatures_valid", "bad": "signatures_invalid"}


def sent(token: str, extra: str = "", repeat: int = 1) -> bytes:
    """A transfer's body as a client sends it, the token in it (as a signed transfer carries it)."""
    filler = ",\n".join(f'"note_{index}":"{"x" * 20}"' for index in range(repeat))
    return (f'{{\n"api_token":"{token}",\n"amount_cents":1050,\n"transfer_type":"pix"{extra}'
            + (",\n" + filler if repeat > 1 else "") + "\n}").encode("latin-1")


def scan(tmp_path: Path, write: Callable[[bytes], object], signed: str | None, layout: Layout = LINE,
         order: tuple[str, ...] = ("method", "url", "headers", "data"), body: bytes | None = None
         ) -> tuple[list[str], dict]:
    """The request rules' findings and the request counts of a scan of one axios-like record of an iugu transfer
    whose body is ``write`` of its bytes (``body``, else :func:`sent`'s)."""
    client, public = key_pair(tmp_path, "client")
    other, _ = key_pair(tmp_path, "other")
    token = iugu_token()
    data = sent(token) if body is None else body.replace(b"{token}", token.encode())
    headers = {"Content-Type": "application/json"}
    if signed is not None:
        key = client if signed == "good" else other
        headers |= {"Request-Time": SIGNED_AT,
                    "Signature": signature_header(key, "POST", TRANSFER_PATH, token, SIGNED_AT, data)}
    fields = {"method": "post", "url": TRANSFER_URL, "headers": headers, "data": write(data)}
    log = tmp_path / "client.log"
    log.write_text(layout({"msg": "request sent", "config": {name: fields[name] for name in order}}))
    report, _ = scan_json("--public-key", str(public), str(log))
    rules = sorted(finding["rule_id"] for finding in report["findings"] if finding["rule_id"] != "iugu-api-token")
    return rules, report["scan"]["requests"]


def node_buffer(data: bytes) -> dict:
    return {"type": "Buffer", "data": list(data)}


@pytest.mark.parametrize("signed", SIGNED)
@pytest.mark.parametrize("order", [("method", "url", "headers", "data"), ("data", "headers", "method", "url")],
                         ids=["body-last", "body-first"])
def test_a_pretty_printed_buffer_a_byte_a_line_is_read_whole_within_the_bound(tmp_path: Path, signed: str | None,
                                                                               order: tuple[str, ...]) -> None:
    # ~100 bytes, a line each: a record of ~110 lines, the anchors up to ~100 lines from its first and its last line
    rules, counts = scan(tmp_path, node_buffer, signed, PRETTY, order)
    assert rules == FOUND[signed]
    assert signed is None or counts.get(COUNTED[signed]) == 1, counts


@pytest.mark.parametrize("signed", SIGNED)
def test_a_pretty_printed_buffer_past_the_bound_is_a_body_sent_and_not_shown(tmp_path: Path,
                                                                            signed: str | None) -> None:
    # 3,000 bytes, a line each: read as far as the bound, the headers shown whole above the cut
    rules, counts = scan(tmp_path, node_buffer, signed, PRETTY, body=sent("{token}", repeat=100))
    assert rules == ([] if signed else ["iugu-unsigned-transfer"])
    assert counts.get("request_records_cut") == 1, counts
    assert signed is None or counts.get("signatures_unverified") == 1, counts


def test_a_record_cut_past_the_bound_before_its_headers_proves_no_header_missing(tmp_path: Path) -> None:
    rules, counts = scan(tmp_path, node_buffer, None, PRETTY, ("method", "url", "data", "headers"),
                         body=sent("{token}", repeat=100))
    assert rules == []
    assert (counts.get("requests_judged"), counts.get("request_records_cut")) == (1, 1), counts
