"""Payloads — a compressed stream inside base64, a JSON array of byte values — opened to their text
(bounded, damage costing only the payload) and scanned by both engines, each finding placed on
the encoded value and naming the formats it went through.

Every key is generated here; a failure shows rule, place and layers, never a value."""

from __future__ import annotations

import base64
import gzip
import io
import json
import os
import random
import re
import zlib
from pathlib import Path
from typing import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.credentials import asaas_key, iugu_token
from helpers.engines import BOTH_ENGINES, needs_hyperscan
from helpers.running import run_scan, scan_json
from keyaudit.engine import create_matcher
from keyaudit.engine.decoding import DecodingLayer
from keyaudit.engine.detect import allowed_at
from keyaudit.engine.encodings import BYTES, PAYLOAD
from keyaudit.engine.payloads import (MAX_OUTPUT_BYTES, MAX_PAYLOAD_BYTES, PAYLOADS_CUT, magic_forms, open_base64,
                                      open_byte_array)
from keyaudit.engine.stream import ChunkedPass
from keyaudit.rulebook.loader import load_rules

try:
    from compression import zstd  # type: ignore[import-not-found]
except ImportError:
    from backports import zstd  # type: ignore[no-redef]

KEY = asaas_key()
TOKEN = iugu_token()
TEXT = f'{{"msg": "outbound call", "headers": {{"access_token": "{KEY}"}}}}\n'.encode()

COMPRESSORS = {
    "gzip": lambda data: gzip.compress(data, mtime=0),
    "zlib": zlib.compress,
    "zstd": zstd.compress,
}


def packed(name: str, data: bytes = TEXT) -> bytes:
    return base64.b64encode(COMPRESSORS[name](data))


def byte_array(data: bytes, separator: str = ",", brackets: str = "[]") -> bytes:
    """``data`` as a list of byte values: a JSON array, Go's ``%v`` (``brackets`` ``[]``, blanks
    between), an Erlang binary (``<<>>``); in hex where ``brackets`` holds a comment or a brace
    (C's and Go's literals: ``{0x50, 0x4f, …}``, Wireshark's ``{ /* Packet 14 */`` then eight a line)."""
    half = len(brackets) // 2 if "/*" not in brackets else brackets.index("*/") + 2
    hexed = "{" in brackets or "/*" in brackets
    return (brackets[:half] + separator.join(f"0x{byte:02x}" if hexed else str(byte) for byte in data)
            + brackets[half:]).encode()


@pytest.mark.parametrize("level", range(10))
def test_every_compressed_value_starts_with_one_of_the_forms(level: int) -> None:
    data = random.Random(level).randbytes(200)
    for compressed in (gzip.compress(data, level), zlib.compress(data, level), zstd.compress(data, level + 1)):
        assert base64.b64encode(compressed).startswith(tuple(magic_forms()))


@pytest.mark.parametrize(("value", "steps"), [
    (packed("gzip"), ["base64", "gzip"]), (packed("zlib"), ["base64", "zlib"]), (packed("zstd"), ["base64", "zstd"]),
    (base64.urlsafe_b64encode(gzip.compress(TEXT)).rstrip(b"="), ["base64", "gzip"]),
    (base64.b64encode(packed("gzip")), ["base64", "base64", "gzip"]),  # a Helm release in a Secret's data
])
def test_a_compressed_value_in_base64_opens_to_its_text(value: bytes, steps: list[str]) -> None:
    opened = open_base64(value)
    assert opened is not None and (opened.text, opened.steps, opened.origin) == (TEXT, steps, [])


@pytest.mark.parametrize(("separator", "brackets"), [(",", "[]"), (", ", "[]"), (",\n  ", "[]"), (" ", "[]"),
                                                     (",", "<<>>"), (", ", "{}"), (",\n", "{ /* Packet 14 */\n };"),
                                                     (", ", "()")],
                         ids=["json", "json spaced", "json indented", "go %v of []byte", "erlang ~w", "c literal",
                              "wireshark c arrays", "call arguments"])
def test_each_byte_of_an_array_comes_from_its_number(separator: str, brackets: str) -> None:
    value = byte_array(TEXT, separator, brackets)
    opened = open_byte_array(value)
    assert opened is not None and (opened.text, opened.steps) == (TEXT, ["bytes"])
    assert [int(re.match(rb"0x[0-9a-f]{2}|\d+", value[at:])[0], 0) for at in opened.origin[:-1]] == list(TEXT)
    assert opened.origin[-1] == len(value.rstrip(b";"))  # the list's end, its closing bracket or brace included


def test_an_array_of_compressed_bytes_opens_through_both() -> None:
    opened = open_byte_array(byte_array(gzip.compress(TEXT)))
    assert opened is not None and (opened.text, opened.steps) == (TEXT, ["bytes", "gzip"])


@pytest.mark.parametrize("value", [
    b"[" + b",".join(b"300" for _ in range(20)) + b"]",  # not bytes
    byte_array(random.Random(1).randbytes(64)),  # bytes, not text
    byte_array(bytes(range(32)) * 3),  # control bytes
    base64.b64encode(b"\x1f\x8b\x08" + random.Random(2).randbytes(300)),  # gzip's magic, then noise
    base64.b64encode(zlib.compress(random.Random(3).randbytes(300))),  # compressed binary
])
def test_what_is_not_text_inside_opens_to_nothing(value: bytes) -> None:
    opened = open_byte_array(value) if value.startswith(b"[") else open_base64(value)
    assert opened is None


@pytest.mark.parametrize("name", list(COMPRESSORS))
def test_a_damaged_stream_gives_the_text_before_the_damage(name: str) -> None:
    """Cut short: the text before the cut. Overwritten in the middle: the text before the damage
    (after it, deflate may make noise of what follows until it fails; zstd checks its blocks)."""
    text = b"".join(b"line %d of a long payload\n" % n for n in range(20000))
    compressed = COMPRESSORS[name](text)
    cut = open_base64(base64.b64encode(compressed[: len(compressed) // 2]))
    assert cut is not None and 100_000 < len(cut.text) < len(text) and text.startswith(cut.text)
    broken = bytearray(compressed)
    broken[len(broken) // 2 : len(broken) // 2 + 64] = bytes(64)
    damaged = open_base64(base64.b64encode(bytes(broken)))
    assert damaged is not None and len(os.path.commonprefix([damaged.text, text])) > 100_000


def test_a_bomb_opens_to_the_output_bound() -> None:
    bomb = gzip.compress(b"a" * (MAX_OUTPUT_BYTES * 4), 9)
    opened = open_base64(base64.b64encode(bomb))
    assert opened is not None and len(opened.text) == MAX_OUTPUT_BYTES


def scanned(tmp_path: Path, lines: list[str], engine: str) -> list[tuple[str, int, int, int, str | None]]:
    path = tmp_path / "payloads.log"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run_scan(str(path), engine=engine)
    assert result.errors == []
    return [(f.rule_id, f.location.line, f.location.column, f.location.end_column, f.context.get("decoded"))
            for f in result.findings]


@pytest.mark.parametrize("engine", BOTH_ENGINES)
def test_a_key_in_a_payload_is_found_on_the_encoded_value(tmp_path: Path, engine: str) -> None:
    cloudwatch = json.dumps({"awslogs": {"data": packed("gzip").decode()}})
    journald = json.dumps({"PRIORITY": "6", "MESSAGE": list(f"api_token={TOKEN}\r\n".encode())})
    zstd_line = "blob=" + packed("zstd").decode()
    found = scanned(tmp_path, ["start", cloudwatch, journald, zstd_line, "end"], engine)
    value = cloudwatch.index("H4sI") + 1
    array = journald.index("[") + 1
    key_number = journald.index(", ".join(str(byte) for byte in TOKEN[:4].encode())) + 1
    assert found == [
        ("asaas-api-key", 2, value, value + len(packed("gzip")), "base64+gzip"),
        # the token's first byte is the number at its column; its end, the number after its last byte
        ("iugu-api-token", 3, key_number, array + journald[array - 1 :].index(", 13, 10]") + 2, "bytes"),
        ("asaas-api-key", 4, 6, 6 + len(packed("zstd")), "base64+zstd"),
    ]


@pytest.mark.parametrize("engine", BOTH_ENGINES)
def test_a_key_in_a_compressed_value_encoded_twice_is_found_on_it(tmp_path: Path, engine: str) -> None:
    """Helm keeps a release (its values, secrets included) gzipped and in base64, and Kubernetes
    writes the Secret holding it in base64 again: `kubectl get secret -o yaml` shows the key so."""
    release = base64.b64encode(packed("gzip")).decode()
    found = scanned(tmp_path, ["apiVersion: v1", "data:", f"  release: {release}", "type: helm.sh/release.v1"], engine)
    assert found == [("asaas-api-key", 3, 12, 12 + len(release), "base64×2+gzip")]


@pytest.mark.parametrize("engine", BOTH_ENGINES)
@pytest.mark.parametrize(("before", "spell"), [("INSERT INTO `gateway_credentials` VALUES (1,'asaas',0x",
                                               lambda data: data.hex().upper()),
                                              ("1\tasaas\t\\\\x", bytes.hex),
                                              ("static final String KEY_HEX = \"", bytes.hex),
                                              ("Value (msgpack, hex): ", lambda data: data.hex(" "))],
                         ids=["mysqldump --hex-blob", "pg_dump bytea", "a constant in hex", "bytes parted by spaces"])
def test_a_key_kept_as_its_bytes_hex_is_found_on_the_hex(tmp_path: Path, engine: str, before: str,
                                                          spell: Callable[[bytes], str]) -> None:
    """A value stored as bytes is dumped as their hex, which shows no letter of the key's prefix:
    the hex of a rule's keyword anchors the run, which is opened whole."""
    hexed = spell(KEY.encode())
    found = scanned(tmp_path, ["-- dump", before + hexed + "');", "-- end"], engine)
    assert found == [("asaas-api-key", 2, len(before) + 1, len(before) + 1 + len(hexed), "hex")]


@pytest.mark.parametrize("engine", BOTH_ENGINES)
@pytest.mark.parametrize(("before", "separator", "brackets"), [("body: ", " ", "[]"), ("raw key bytes: ", ",", "<<>>"),
                                                               ("var payload = []byte", ", ", "{}")],
                         ids=["go %v of []byte", "erlang ~w of a binary", "go literal of []byte in hex"])
def test_a_key_in_a_list_of_byte_values_is_found_on_its_numbers(tmp_path: Path, engine: str, before: str,
                                                                 separator: str, brackets: str) -> None:
    value = byte_array(f'{{"api_token":"{TOKEN}"}}'.encode(), separator, brackets).decode()
    found = scanned(tmp_path, ["start", before + value, "end"], engine)
    written = value.split(separator)[0].lstrip("[<{")  # how the list writes the first byte: `123`, `0x7b`
    shown = (lambda byte: f"0x{byte:02x}") if written.startswith("0x") else str
    first = value.index(separator.join(shown(byte) for byte in TOKEN[:4].encode()))
    closing = value.index(separator.join(shown(byte) for byte in b'"}'), first)
    assert found == [("iugu-api-token", 2, len(before) + first + 1, len(before) + closing + 1, "bytes")]


@pytest.mark.parametrize("engine", BOTH_ENGINES)
def test_a_damaged_payload_costs_only_itself(tmp_path: Path, engine: str) -> None:
    """A payload cut short, one with noise after its magic and an array cut mid-line cost no
    error and hide nothing after them; what a cut payload held before the cut is still found."""
    whole = packed("gzip", TEXT * 400)
    lines = ["a=" + whole[: len(whole) // 2].decode(), "b=H4sI" + base64.b64encode(random.Random(4).randbytes(900)).decode(),
             '{"MESSAGE": [' + ", ".join(str(byte) for byte in TEXT[:40]), f"access_token: {KEY}"]
    found = scanned(tmp_path, lines, engine)
    assert [(rule, line, decoded) for rule, line, _, _, decoded in found] == [
        ("asaas-api-key", 1, "base64+gzip"), ("asaas-api-key", 4, None)]


def test_a_payload_is_opened_only_where_its_value_starts() -> None:
    """``H4sI`` inside a base64 run (an image, a certificate) is no value's start: no spot."""
    matcher = create_matcher(load_rules(), "regex")
    inside = b"img=" + base64.b64encode(random.Random(6).randbytes(60)) + b"H4sI" + packed("gzip") + b"\n"
    starts = b"img=" + packed("gzip") + b"\n"
    kinds = matcher.decode_anchors.anchors
    for buffer, expected in ((inside, 0), (starts, 1)):
        found = [start for start, index in matcher.match(buffer, False).decode_anchors if kinds[index].kind == PAYLOAD]
        chunks = ChunkedPass(io.BytesIO(buffer), matcher)
        chunks.spots = DecodingLayer(matcher.decode_anchors, allowed_at).collector()
        list(chunks)
        assert found and len(chunks.spots.spots) == expected


@needs_hyperscan
def test_both_engines_report_the_same_payload_anchors() -> None:
    rules = load_rules()
    buffer = b"\n".join([b"x=" + packed("gzip"), b"y=" + packed("zlib"), byte_array(TEXT), byte_array(TEXT, ", "),
                         b"[[" + byte_array(TEXT[:20])[1:] + b"]", b"[1, 2, 3]", b"short=[" + b",".join([b"7"] * 15) + b"]"])
    found = {}
    for engine in ("regex", "hyperscan"):
        matcher = create_matcher(rules, engine)
        kinds = matcher.decode_anchors.anchors
        found[engine] = [(start, kinds[index].kind) for start, index in matcher.match(buffer, False).decode_anchors
                         if kinds[index].kind in (PAYLOAD, BYTES)]
    assert found["regex"] == found["hyperscan"]
    assert [kind for _, kind in found["regex"]].count(BYTES) == 3


@settings(max_examples=25)
@given(st.sampled_from(["gzip", "zlib", "zstd", "bytes", "bytes+gzip"]), st.text("ab =:{}\"", max_size=30),
       st.text("xyz \t\"'=:", max_size=20), st.integers(0, 3))
def test_a_key_in_any_payload_is_placed_on_its_value(tmp_path_factory: pytest.TempPathFactory, kind: str, around: str,
                                                     before: str, line: int) -> None:
    text = f"{around} access_token: {KEY} {around}".encode()
    if kind == "bytes":
        value = byte_array(text, ", ")
    elif kind == "bytes+gzip":
        value = byte_array(gzip.compress(text))
    else:
        value = packed(kind, text)
    lines = ["noise"] * line + [before + "=" + value.decode()]
    found = scanned(tmp_path_factory.mktemp("payload"), lines, "regex")
    assert len(found) == 1
    rule, number, column, end_column, decoded = found[0]
    start = len(before) + 2
    assert (rule, number, decoded) == ("asaas-api-key", line + 1, "base64+" + kind if not kind.startswith("bytes")
                                       else kind)
    if kind == "bytes":  # each byte has its number: the key starts at the number of its first byte
        assert column == start + value.index(b", ".join(str(byte).encode() for byte in KEY[:6].encode()))
    else:
        assert (column, end_column) == (start, start + len(value))


def test_a_payload_past_its_bound_is_counted_not_cut_silently(tmp_path: Path) -> None:
    """A base64 payload longer than MAX_PAYLOAD_BYTES (8 MiB) is read to that bound only: what it holds past it
    went unread without a word. The scan counts it (``scan.requests.payloads_cut``) and its summary line says so;
    a payload within the bound is not counted."""
    noise = random.Random(44).randbytes(6_600_000)  # incompressible: its gzip's base64 is over 8 MiB
    event = base64.b64encode(gzip.compress(noise, 1)).decode()
    assert len(event) > MAX_PAYLOAD_BYTES
    path = tmp_path / "events.log"
    path.write_text(f'{{"awslogs": {{"data": "{event}"}}}}\n', encoding="utf-8")
    report, run = scan_json(str(path))
    assert report["scan"]["requests"][PAYLOADS_CUT] == 1
    assert "1 encoded payload read only in part" in run.stderr
    path.write_text(f'{{"awslogs": {{"data": "{base64.b64encode(gzip.compress(TEXT)).decode()}"}}}}\n')
    report, run = scan_json(str(path))
    assert PAYLOADS_CUT not in report["scan"]["requests"] and "encoded payload" not in run.stderr


def cloudwatch(text: bytes, times: int = 1) -> str:
    """A log line of a subscription event holding ``text`` gzipped ``times`` over (one base64 around them all)."""
    for _ in range(times):
        text = gzip.compress(text, 6, mtime=0)
    return json.dumps({"awslogs": {"data": base64.b64encode(text).decode()}})


def cut_count(tmp_path: Path, lines: list[str]) -> tuple[int, list[str], str]:
    """The payloads a scan of ``lines`` counts as read in part, the layers of its findings, its stderr."""
    path = tmp_path / "events.log"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report, run = scan_json(str(path), "--no-dedupe")
    return report["scan"]["requests"].get(PAYLOADS_CUT, 0), [f["context"]["decoded"] for f in report["findings"]], \
        run.stderr


def test_a_payload_opening_to_more_text_than_the_bound_is_counted(tmp_path: Path) -> None:
    """A 160 KB event of 41 MB of log text lost the key past the 16 MiB it is opened to, and said nothing. A stream
    of exactly the bound is read whole and not counted."""
    filler = b"2026-12-07T10:00:00Z INFO an ordinary line of a job\n"
    ending = b"x" * 40 + b"\n" + TEXT  # the key line, last; the x line pads the text to the bound exactly
    count, found, stderr = cut_count(tmp_path, [cloudwatch(filler * (MAX_OUTPUT_BYTES // len(filler) + 1) + TEXT)])
    assert (count, found) == (1, []) and "1 encoded payload read only in part" in stderr
    whole = filler * ((MAX_OUTPUT_BYTES - len(ending)) // len(filler))
    whole += b"y" * (MAX_OUTPUT_BYTES - len(whole) - len(ending)) + ending
    assert len(whole) == MAX_OUTPUT_BYTES
    assert cut_count(tmp_path, [cloudwatch(whole)])[:2] == (0, ["base64+gzip"])


def test_a_payload_compressed_past_the_nesting_bound_is_counted(tmp_path: Path) -> None:
    """A stream gzipped four times over was skipped without a word (three are opened); it is counted now."""
    count, found, stderr = cut_count(tmp_path, [cloudwatch(TEXT, times) for times in (3, 4, 5)])
    assert (count, found) == (2, ["base64+gzip×3"]) and "2 encoded payloads read only in part" in stderr


def test_a_payload_inside_payloads_past_the_layers_is_counted(tmp_path: Path) -> None:
    """An event logged inside an event logged inside an event: the third is past the four layers decoded in all,
    and was left unread without a word; a lookalike there (no stream behind its magic) is not counted."""
    twice = cloudwatch(b"y\n" + cloudwatch(TEXT).encode() + b"\n")
    lookalike = cloudwatch(b"y\n" + cloudwatch(b"z\nblob=H4sIAAAAAAAAA" + b"A" * 40 + b"\n").encode() + b"\n")
    assert cut_count(tmp_path, [twice, lookalike])[:2] == (0, ["base64+gzip+base64+gzip"])
    count, found, stderr = cut_count(tmp_path, [cloudwatch(b"z\n" + twice.encode() + b"\n")])
    assert (count, found) == (1, []) and "1 encoded payload read only in part" in stderr
