"""A binary file is read for its strings (``strings -n 8``, UTF-16LE runs too) up to a bound, said when it is
reached; media are skipped by their magic; a file that is one zlib stream is read decompressed, and only then."""

from __future__ import annotations

import zlib
from pathlib import Path

import pytest

from helpers.binaries import executable, png
from helpers.credentials import asaas_key, asaas_payload, iugu_token
from helpers.running import cli, scan_json
from keyaudit.engine.binary_text import MIN_RUN, strings_view
from keyaudit.engine.stream import CHUNK_BYTES
from keyaudit.model.result import BINARY_STRINGS_BYTES

# A binary file's bytes before the strings: an executable's start, control bytes and NULs among them.
HEAD = executable(4096)


def _places(report: dict) -> list[tuple[str, int, int]]:
    return sorted((f["rule_id"], f["location"]["line"], f["location"]["column"]) for f in report["findings"])


def test_the_view_keeps_long_runs_and_every_byte_where_it_is() -> None:
    wide = "api_token=abc".encode("utf-16-le")
    data = b"\x01\x02short\x00" + b"long enough run\x03\n\x04" + wide + b"\x05\x06ab"
    view = strings_view(data)
    assert len(view) == len(data)
    assert [i for i, byte in enumerate(view) if byte == 0x0A] == [i for i, byte in enumerate(data) if byte == 0x0A]
    assert b"short" not in view  # five printable bytes are noise
    assert view.index(b"long enough run") == data.index(b"long enough run")
    assert view.index(b"api_token=abc") == data.index(wide)  # narrow, from where the wide string starts
    assert set(view[: data.index(b"long")]) <= {0x20}
    assert view.endswith(b" ab")  # a run at the piece's end may go on in the next piece: kept
    assert MIN_RUN == 8


def test_a_key_in_a_serialisation_is_found_at_its_byte_and_shown_as_a_quarter_at_most(tmp_path: Path) -> None:
    # An account id of nine characters: a payload of whole base64 quads, with no padding to end it.
    java, hermes = asaas_key(), "$aact_prod_000" + asaas_payload("482173395")
    # A Java object stream's strings: TC_STRING ('t'), a two-byte length, the bytes: the next string's 't' runs
    # into the key. A Hermes bundle's string storage: strings back to back, the next one's letters run into it.
    strings = [b"payment.asaas.api-key", java.encode(), b"timeout"]
    data = (HEAD + b"\n\xac\xed\x00\x05" + b"".join(b"t" + len(s).to_bytes(2, "big") + s for s in strings)
            + b"\n\xc6\x1f\xbc\x03\x00" + b"asaasApiKey" + hermes.encode() + b"sandboxEnvironmentDisabledForTenant\x00")
    (tmp_path / "session.ser").write_bytes(data)
    report, _ = scan_json(str(tmp_path / "session.ser"))
    found = _places(report)
    lines = [data[: data.index(key.encode())].count(b"\n") + 1 for key in (java, hermes)]
    assert [(rule, line) for rule, line, _ in found] == [("asaas-api-key", line) for line in lines]
    for (_, _, column), key in zip(found, (java, hermes)):
        at = data.index(key.encode())
        assert column - (at - data.rindex(b"\n", 0, at)) in (0, 1)  # at its `$`, or past one run into a name
    assert report["scan"]["requests"].get("binary_files_read_as_strings") == 1
    payloads = [key[len("$aact_prod_000"):] for key in (java, hermes)]
    pieces = {payload[at : at + 9] for payload in payloads for at in range(len(payload) - 8)}  # more than shown
    for form in ("text", "json", "jsonl", "sarif", "ecs"):
        out = cli("scan", "--format", form, "--jobs", "1", str(tmp_path / "session.ser")).stdout
        shown = sum(piece in out for piece in pieces)  # a count: a failure quotes no piece of a key
        assert shown == 0, f"{form}: nine-character pieces of a key shown"


def test_a_wide_string_is_read_where_its_bytes_are(tmp_path: Path) -> None:
    token = iugu_token()
    wide = f"api_token={token}".encode("utf-16-le")
    data = HEAD + b"\x00\x00" + wide + b"\x00\x00\x01\x02"
    (tmp_path / "agent.exe").write_bytes(data)
    report, _ = scan_json(str(tmp_path / "agent.exe"))
    at = data.index(wide)
    run_column = at - data.rindex(b"\n", 0, at)
    assert [(line, column) for _, line, column in _places(report)] == \
        [(data[:at].count(b"\n") + 1, run_column + len("api_token="))]


def test_a_binary_file_past_the_bound_is_read_in_part_and_said_so(tmp_path: Path) -> None:
    early, late = iugu_token(), iugu_token()
    data = bytearray(HEAD * (BINARY_STRINGS_BYTES // len(HEAD) + 64))
    data[8192:8192] = f"\0GET /v1/charge?api_token={early}\0".encode()
    data[-8192:-8192] = f"\0GET /v1/charge?api_token={late}\0".encode()
    (tmp_path / "big.bin").write_bytes(bytes(data))
    report, _ = scan_json(str(tmp_path / "big.bin"))
    assert len(report["findings"]) == 1 and report["findings"][0]["location"]["line"] == \
        data[: data.index(early.encode())].count(b"\n") + 1
    assert report["scan"]["requests"].get("binary_files_cut") == 1
    assert report["scan"]["bytes_scanned"] == BINARY_STRINGS_BYTES
    text = cli("scan", "--jobs", "1", str(tmp_path / "big.bin")).stdout
    assert "1 binary file read in part (strings past the first 8 MiB of each not read)" in text


def test_media_are_skipped_by_their_magic(tmp_path: Path) -> None:
    image = png()
    (tmp_path / "photo.png").write_bytes(image[:200] + f"\0api_token={iugu_token()}\0".encode() + image[200:])
    report, _ = scan_json(str(tmp_path / "photo.png"))
    assert report["findings"] == [] and report["scan"]["skipped"] == {"binary": 1}


def test_a_git_loose_object_is_read_decompressed(tmp_path: Path) -> None:
    token = iugu_token()
    env = f"APP=billing\nIUGU_API_TOKEN={token}\n".encode()
    (tmp_path / "3f").mkdir()
    (tmp_path / "3f/a1b2").write_bytes(zlib.compress(b"blob %d\0" % len(env) + env))
    report, _ = scan_json(str(tmp_path / "3f/a1b2"))
    assert [line for _, line, _ in _places(report)] == [2] and report["errors"] == []


def test_text_that_begins_like_zlib_is_read_as_text(tmp_path: Path) -> None:
    """``x\\x9c`` then this line decodes as deflate data for its first 64 bytes: a reading that believed a
    stream's start took the file for damaged zlib, and lost the token below."""
    token = iugu_token()
    first = b"x\x9c\npayment 10:00:00 id id the at 10:00:00 payment id invoice 10:00:00 WARN\n"
    assert zlib.decompressobj().decompress(first[:64]) is not None  # no error: a start that decodes
    (tmp_path / "worker.log").write_bytes(first + f"GET /v1/invoices?api_token={token}\n".encode())
    report, _ = scan_json(str(tmp_path / "worker.log"))
    assert [line for _, line, _ in _places(report)] == [3] and report["errors"] == []
    damaged = zlib.compress(b"IUGU_API_TOKEN=" + token.encode() + b"\n")
    (tmp_path / "cut.z").write_bytes(damaged[:-6])  # a stream cut short: no zlib file, and no error either
    report, _ = scan_json(str(tmp_path / "cut.z"))
    assert report["errors"] == []


def test_fonts_and_compiled_pattern_databases_are_skipped_by_their_magic(tmp_path: Path) -> None:
    # A font's name table and a Hyperscan database's literals are strings too (keyaudit's own cache held a rule's
    # literals): none is text anyone wrote a key into. A start like TrueType's with no font's table count is read.
    strings = f"\0\0GET /v1/charge?api_token={iugu_token()}\0\0".encode()
    starts = {"font.ttf": b"\x00\x01\x00\x00\x00\x0e\x00\x80", "font.otf": b"OTTO\x00\x0c\x00\x80",
              "fonts.ttc": b"ttcf\x00\x02\x00\x00", "mac.ttf": b"true\x00\x0b\x00\x80",
              "hs-0123.db": b"\xdb\xdb\xdb\xdb\x00\x0c\x04\x05", "record.bin": b"\x00\x01\x00\x00\x7f\x00\x00\x80"}
    for name, start in starts.items():
        (tmp_path / name).write_bytes(start + HEAD[8:2048] + strings + HEAD[2048:])
    report, _ = scan_json(str(tmp_path))
    assert [f["location"]["path"].rsplit("/", 1)[1] for f in report["findings"]] == ["record.bin"]
    assert report["scan"]["skipped"] == {"binary": 5}


def test_a_hyperscan_database_of_a_key_s_literal_gives_no_finding(tmp_path: Path) -> None:
    hyperscan = pytest.importorskip("hyperscan")
    database = hyperscan.Database()
    database.compile(expressions=[f"api_token={iugu_token()}".encode(), b"GET /v1/charge\\?api_token=\\w+"])
    (tmp_path / "hs-cache.db").write_bytes(hyperscan.dumpb(database))
    report, _ = scan_json(str(tmp_path / "hs-cache.db"))
    assert report["findings"] == [] and report["scan"]["skipped"] == {"binary": 1}


@pytest.mark.parametrize("before", [3, 8, 17, 40, 41])  # characters of the string before the first piece's end
def test_a_wide_string_across_a_piece_s_end_is_read_whole(tmp_path: Path, before: int) -> None:
    token = iugu_token()
    wide = f"api_token={token}".encode("utf-16-le")
    at = CHUNK_BYTES - 2 * before  # the string's first byte: ``before`` characters of it in the first piece
    data = (HEAD * (at // len(HEAD) + 1))[:at] + wide + b"\x00\x00\x01\x02" + HEAD
    (tmp_path / "agent.exe").write_bytes(data)
    report, _ = scan_json(str(tmp_path / "agent.exe"))
    run_column = at - data.rindex(b"\n", 0, at)
    assert [(line, column) for _, line, column in _places(report)] == \
        [(data[:at].count(b"\n") + 1, run_column + len("api_token="))]
