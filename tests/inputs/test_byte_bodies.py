"""A body written as its bytes, in each spelling a runtime prints them, is those bytes: a signature over it is
checked, its absence reported; a record that writes them one a line is read whole within the bound, and past it
read as far as shown (the body sent, not shown). Neither a list of numbers nor the bytes of a reply is a body."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Callable

import pytest

from helpers.credentials import iugu_token
from helpers.running import scan_json
from helpers.signing import SIGNED_AT, TRANSFER_PATH, TRANSFER_URL, key_pair, signature_header
from keyaudit.inputs.captures.records import request_of
from keyaudit.model.exchange import Origin

# How a record is written: one JSON line, or pretty-printed as JSON.stringify(error, null, 2) prints an axios error
Layout = Callable[[dict], str]
LINE: Layout = lambda record: json.dumps(record, separators=(",", ":")) + "\n"  # noqa: E731
PRETTY: Layout = lambda record: json.dumps(record, indent=2) + "\n"  # noqa: E731
SIGNED = ("good", "bad", None)  # signed with the client's key, with another, not at all
FOUND = {"good": [], "bad": ["iugu-bad-signature"], None: ["iugu-unsigned-transfer"]}
COUNTED = {"good": "signatures_valid", "bad": "signatures_invalid"}


def sent(token: str, extra: str = "", repeat: int = 1, charset: str = "utf-8") -> bytes:
    """A transfer's body as a client sends it, in ``charset``, the token in it (as a signed transfer carries it)."""
    filler = ",\n".join(f'"note_{index}":"{"x" * 20}"' for index in range(repeat))
    return (f'{{\n"api_token":"{token}",\n"amount_cents":1050,\n"transfer_type":"pix"{extra}'
            + (",\n" + filler if repeat > 1 else "") + "\n}").encode(charset)


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


def _signed_bytes(data: bytes) -> list[int]:
    return [byte - 256 if byte > 127 else byte for byte in data]


def _uint8array(data: bytes) -> str:
    return f"Uint8Array({len(data)}) [ {', '.join(map(str, data))} ]"


def _go_literal(data: bytes) -> str:
    return "[]byte{" + ", ".join(f"{byte:#x}" for byte in data) + "}"


NAMED = ',\n"nome":"João"'  # a name: in Latin-1 `ã` is one byte, 0xe3, no UTF-8
# Each spelling a runtime prints a body's bytes in (see keyaudit.inputs.captures.byte_spellings), and whether its body
# is in Latin-1
SPELLINGS: dict[str, tuple[Callable[[bytes], object], bool]] = {
    "node-buffer-json-latin1": (node_buffer, True),
    "node-buffer-printed-latin1": (lambda data: f"<Buffer {data.hex(' ')}>", True),
    "gson-signed": (_signed_bytes, False),
    "java-arrays-tostring": (lambda data: str(_signed_bytes(data)), False),
    "node-uint8array": (_uint8array, False),
    "node-uint8array-latin1": (_uint8array, True),
    "node-arraybuffer": (lambda data: f"ArrayBuffer {{ [Uint8Contents]: <{data.hex(' ')}>, byteLength: {len(data)} }}",
                         False),
    "python-bytes": (repr, False),
    "python-bytes-latin1": (repr, True),
    "python-bytearray": (lambda data: f"bytearray({data!r})", False),
    "go-%v": (lambda data: f"[{' '.join(map(str, data))}]", False),
    "go-%#v": (_go_literal, False),
    "go-%#v-latin1": (_go_literal, True),
}
CUT = {  # printed cut short, as util.inspect cuts them: a body sent and not shown
    "node-arraybuffer-cut": lambda data: (f"ArrayBuffer {{ [Uint8Contents]: <{data[:50].hex(' ')} ... "
                                          f"{len(data) - 50} more bytes>, byteLength: {len(data)} }}"),
    "node-uint8array-cut": lambda data: (f"Uint8Array({len(data)}) [ {', '.join(map(str, data[:20]))}, "
                                         f"... {len(data) - 20} more items ]"),
}


@pytest.mark.parametrize("signed", SIGNED)
@pytest.mark.parametrize("spelling", SPELLINGS)
def test_a_body_spelt_as_a_runtime_prints_bytes_is_those_bytes(tmp_path: Path, spelling: str,
                                                                signed: str | None) -> None:
    write, latin1 = SPELLINGS[spelling]
    rules, counts = scan(tmp_path, write, signed, body=sent("{token}", NAMED, charset="latin-1" if latin1 else "utf-8"))
    assert rules == FOUND[signed]
    assert signed is None or counts.get(COUNTED[signed]) == 1, counts


@pytest.mark.parametrize("signed", SIGNED)
@pytest.mark.parametrize("spelling", CUT)
def test_a_body_printed_cut_short_is_sent_and_not_shown(tmp_path: Path, spelling: str, signed: str | None) -> None:
    rules, counts = scan(tmp_path, CUT[spelling], signed)
    assert rules == ([] if signed else ["iugu-unsigned-transfer"])
    assert signed is None or counts.get("signatures_unverified") == 1, counts


def test_a_body_in_dotnet_s_base64_of_its_bytes_is_those_bytes(tmp_path: Path) -> None:
    # System.Text.Json (and Newtonsoft) write a byte[] as base64, not as numbers
    rules, counts = scan(tmp_path, lambda data: base64.b64encode(data).decode(), "good")
    assert (rules, counts.get("signatures_valid")) == ([], 1)


@pytest.mark.parametrize("logged", ["[200 201 202 203 204 205 206 207]", "[-23, -46, 10, 12, 14, 15, 16, 17]",
                                    "[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]", "[1050, 2, 3, 4, 5, 6, 7, 8]", "[]byte{}",
                                    "b'not closed", "bytearray(b'x') + b'y'", "<Buffer zz>"])
def test_a_list_of_ids_amounts_or_coordinates_is_the_text_logged_not_bytes(logged: str) -> None:
    found = request_of({"method": "POST", "url": TRANSFER_URL, "body": logged}, Origin("client.log", 1))
    assert found is not None
    assert (found.body, found.body_exact) == (logged.encode(), True)


def test_a_replys_bytes_beside_the_request_are_not_its_body() -> None:
    reply = node_buffer(b'{"message":"Signature check successful","id":"ABCDEF"}')
    found = request_of({"config": {"method": "post", "url": TRANSFER_URL, "data": '{"amount_cents":1050}'},
                        "response": {"status": 200, "data": reply}}, Origin("client.log", 1))
    assert found is not None and found.body == b'{"amount_cents":1050}'


# Numbers no type names as bytes that, read as bytes, spell single-byte text other than JSON: a pixel row's or
# coordinates' values that make a Latin-1 "form" (`d\xc8=\xfaZ[\\]`)
UNTYPED = {"latin1-form": [100, 200, 61, 250, 90, 91, 92, 93], "latin1-pixels": [200, 201, 61, 202, 203, 61, 204, 205]}
# and numbers no type names that are a payload all the same: a form's fields or XML in UTF-8 (as main reads them), a
# JSON document in Latin-1 (Gson's signed bytes, a JSON list)
UNTYPED_PAYLOADS = {"ascii-form": [100, 120, 61, 99, 88, 77, 66, 55], "ascii-xml": [60, 65, 70, 80, 90, 75, 70, 62],
                    "latin1-json": list(sent("x", NAMED, charset="latin-1")),
                    "latin1-json-signed": _signed_bytes(sent("x", NAMED, charset="latin-1"))}


@pytest.mark.parametrize("values", list(UNTYPED.values()), ids=list(UNTYPED))
@pytest.mark.parametrize("spelling", ["json-list", "go-%v", "java-arrays-tostring", "beside-an-encoding"])
def test_untyped_numbers_that_make_no_json_in_utf8_are_the_numbers_logged(values: list[int], spelling: str) -> None:
    logged = {"json-list": values, "go-%v": f"[{' '.join(map(str, values))}]", "java-arrays-tostring": str(values),
              "beside-an-encoding": {"encoding": "raw", "data": values}}[spelling]
    found = request_of({"method": "POST", "url": TRANSFER_URL, "body": logged}, Origin("client.log", 1))
    assert found is not None
    written = logged.encode() if isinstance(logged, str) else json.dumps(logged, separators=(",", ":")).encode()
    assert found.body == written


@pytest.mark.parametrize("name", ["ascii-form", "ascii-xml"])
@pytest.mark.parametrize("spelling", ["go-%v", "java-arrays-tostring", "json-string"])
def test_numbers_logged_as_text_that_make_no_json_are_the_text_logged(name: str, spelling: str) -> None:
    """A list written out as text (Go's %v, Java's Arrays.toString, a JSON string a client logged) no type names:
    bytes only where they make JSON, not where they happen to make a form's fields or XML."""
    values = UNTYPED_PAYLOADS[name]
    logged = {"go-%v": f"[{' '.join(map(str, values))}]", "java-arrays-tostring": str(values),
              "json-string": json.dumps(values)}[spelling]
    found = request_of({"method": "POST", "url": TRANSFER_URL, "body": logged}, Origin("client.log", 1))
    assert found is not None and found.body == logged.encode()


@pytest.mark.parametrize("values", list(UNTYPED_PAYLOADS.values()), ids=list(UNTYPED_PAYLOADS))
def test_untyped_numbers_that_make_a_payload_or_json_in_latin1_are_its_bytes(values: list[int]) -> None:
    found = request_of({"method": "POST", "url": TRANSFER_URL, "body": values}, Origin("client.log", 1))
    assert found is not None and (found.body, found.body_exact) == (bytes(value % 256 for value in values), True)


@pytest.mark.parametrize("name", ["Buffer", "Uint8Array", "bytes"])
def test_numbers_beside_a_type_of_bytes_are_those_bytes_in_latin1_too(name: str) -> None:
    values = UNTYPED["latin1-form"]
    found = request_of({"method": "POST", "url": TRANSFER_URL, "body": {"type": name, "data": values}},
                       Origin("client.log", 1))
    assert found is not None and (found.body, found.body_exact) == (bytes(values), True)
