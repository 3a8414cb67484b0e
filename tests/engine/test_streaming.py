"""Reading inputs: exact places across chunk boundaries, compression by magic, walking folders."""

from __future__ import annotations

import bz2
import gzip
import lzma
import os
from pathlib import Path

import pytest

from helpers.binaries import executable, png, sqlite_database
from helpers.credentials import iugu_token
from helpers.running import scan_json, run_scan
import keyaudit.run.executors.forked
from keyaudit.engine.stream import CHUNK_BYTES, looks_binary
from keyaudit.engine.matcher import OVERLAP_BYTES


def place(data: bytes, offset: int) -> tuple[int, int]:
    """Expected (line, column) of byte ``offset``: columns count characters, one per bad byte."""
    line_start = data.rfind(b"\n", 0, offset) + 1
    return data.count(b"\n", 0, offset) + 1, len(data[line_start:offset].decode("utf-8", "surrogateescape")) + 1


def planted(tokens: list[str], data: bytes) -> list[tuple[int, int]]:
    return [place(data, data.index(t.encode())) for t in tokens]


def found_places(report: dict) -> list[tuple[int, int]]:
    return sorted((f["location"]["line"], f["location"]["column"]) for f in report["findings"])


def build(filler_line: bytes, positions: list[int], newline: bytes = b"\n") -> tuple[bytes, list[str]]:
    """A file of ``filler_line`` lines with a token line placed so the token starts near each position."""
    out, tokens = bytearray(), []
    for position in sorted(positions):
        while len(out) + len(filler_line) + len(newline) < position - 20:
            out += filler_line + newline
        token = iugu_token()
        prefix = b"x" * max(0, position - len(out) - len(b"GET /?api_token="))
        out += prefix + b"GET /?api_token=" + token.encode() + newline
        tokens.append(token)
    out += filler_line + newline
    return bytes(out), tokens


BOUNDARIES = [CHUNK_BYTES - OVERLAP_BYTES - 10, CHUNK_BYTES - OVERLAP_BYTES + 3, CHUNK_BYTES - 5,
              CHUNK_BYTES + 7, 2 * CHUNK_BYTES - 2 * OVERLAP_BYTES, 3 * CHUNK_BYTES - 40]


@pytest.mark.parametrize("newline", [b"\n", b"\r\n"])
@pytest.mark.parametrize("filler", [b"plain ascii log line with nothing in it",
                                    "ação café ünïcode — 日本語 line".encode(),
                                    b"bad utf8 \xff\xfe\xc3 and nul \x00 bytes here"])
def test_places_are_exact_across_chunk_boundaries(write, filler: bytes, newline: bytes) -> None:
    data, tokens = build(filler, BOUNDARIES, newline)
    report, _ = scan_json(str(write("big.log", data)))
    assert found_places(report) == planted(tokens, data)
    for finding in report["findings"]:
        assert finding["location"]["end_column"] - finding["location"]["column"] == 32


def test_a_huge_line_without_newlines(write) -> None:
    tokens = [iugu_token() for _ in range(4)]
    filler = "é" * (CHUNK_BYTES // 2)
    text = filler.join(f" api_token={t} " for t in tokens) + filler
    data = text.encode()
    report, _ = scan_json(str(write("one-line.log", data)))
    assert found_places(report) == planted(tokens, data)


def test_multibyte_characters_before_the_secret_on_the_line(write) -> None:
    token = iugu_token()
    data = f"naïve 🚀 {'ü' * 5000} api_token={token}\n".encode()
    report, _ = scan_json(str(write("wide.log", data)))
    assert found_places(report) == planted([token], data)


def test_many_secrets_on_one_line_each_at_its_own_column(write) -> None:
    # The columns of one line are counted on from the match before; a run of bytes that starts
    # inside a character (a cut UTF-8 sequence) is counted from the line's start instead.
    tokens = [iugu_token() for _ in range(300)]
    fillers = [" plain ", "—ação 日本語 ", "\udcbf\udcff ", "🚀 ", "\udcc3 ", "é "]
    text = "".join(f"api_token={token}{fillers[i % len(fillers)]}" for i, token in enumerate(tokens))
    data = ("head line\n" + text + "\ntail\n").encode("utf-8", "surrogateescape")
    report, _ = scan_json(str(write("dense-line.log", data)))
    assert found_places(report) == sorted(planted(tokens, data))


def compressors():
    return {"gzip": gzip.compress, "bz2": bz2.compress, "xz": lzma.compress}


@pytest.mark.parametrize("kind", ["gzip", "bz2", "xz"])
@pytest.mark.parametrize("name", ["app.log", "rotated.1", "noext"])
def test_compression_is_sniffed_not_named(write, kind: str, name: str) -> None:
    token = iugu_token()
    data = f"first line\nsecond line\nGET /?api_token={token}\n".encode()
    report, _ = scan_json(str(write(name, compressors()[kind](data))))
    assert found_places(report) == [(3, 17)]
    assert report["scan"]["bytes_scanned"] == len(data)


def test_multi_member_gzip_counts_lines_across_members(write) -> None:
    first, second = iugu_token(), iugu_token()
    part1 = b"".join(b"line %d\n" % i for i in range(100)) + f"api_token={first}\n".encode()
    part2 = b"".join(b"more %d\n" % i for i in range(50)) + f"api_token={second}\n".encode()
    report, _ = scan_json(str(write("app.log.2.gz", gzip.compress(part1) + gzip.compress(part2))))
    assert found_places(report) == [(101, 11), (152, 11)]


def test_truncated_gzip_reports_the_damage_keeps_earlier_findings_and_goes_on(write, tmp_path: Path) -> None:
    early, late, other = iugu_token(), iugu_token(), iugu_token()
    data = f"api_token={early}\n".encode() + os.urandom(400_000).hex().encode() + f"\napi_token={late}\n".encode()
    packed = gzip.compress(data)
    write("logs/broken.gz", packed[: len(packed) // 2])
    write("logs/fine.log", f"api_token={other}\n")
    report, run = scan_json(str(tmp_path / "logs"))
    paths = sorted((f["location"]["path"], f["location"]["line"]) for f in report["findings"])
    assert paths == [(f"{tmp_path}/logs/broken.gz", 1), (f"{tmp_path}/logs/fine.log", 1)]
    assert [e["path"] for e in report["errors"]] == [f"{tmp_path}/logs/broken.gz"]
    assert "broken.gz" in run.stderr and "Traceback" not in run.stderr
    assert run.exit_code == 1


@pytest.mark.parametrize("gap", [1, 4096, CHUNK_BYTES + 123], ids=["one NUL", "4 KiB", "past the first chunk"])
def test_a_log_behind_the_nuls_copytruncate_leaves_is_scanned_with_exact_places(write, gap: int) -> None:
    first, second = iugu_token(), iugu_token()
    data = bytes(gap) + f"resumed GET /?api_token={first}\nnext\nGET /?api_token={second}\n".encode()
    report, _ = scan_json(str(write("app.log", data)))
    assert found_places(report) == planted([first, second], data)  # the NULs are characters of line 1
    assert report["scan"]["skipped"] == {} and report["scan"]["bytes_scanned"] == len(data)


def binaries(folder: Path) -> dict[str, bytes]:
    """Real binary files, by name: an executable, an image, a database, and a disk image whose
    first 32 KiB are NULs (as an ISO 9660 image's are)."""
    return {"tool": executable(), "photo.png": png(), "app.db": sqlite_database(folder / "made.db", ["hello"] * 100),
            "disk.img": bytes(32 << 10) + executable()}


def test_real_binaries_are_still_binary(tmp_path: Path) -> None:
    for name, data in binaries(tmp_path).items():
        assert looks_binary(data), name


def test_a_log_with_holes_after_its_lines_is_text(write) -> None:
    """A writer that preallocates its file (or a crash before its blocks were written) leaves
    NULs after the lines: the file is still a log, its lines scanned, its requests read."""
    token = iugu_token()
    data = f"2026-11-25 10:00:00 GET http://api.iugu.com/v1/customers?api_token={token}\n".encode() + bytes(6000)
    report, _ = scan_json(str(write("app.log", data + b"next line\n" + bytes(20_000))))
    assert report["scan"]["skipped"] == {}
    assert {f["category"] for f in report["findings"]} >= {"plaintext-http"}


def test_a_hole_does_not_hide_what_the_bytes_after_it_are(tmp_path: Path) -> None:
    line = b"2026-11-25 10:00:00 INFO started\n"
    for name, data in binaries(tmp_path).items():
        assert looks_binary(line + bytes(6000) + data), name


def test_real_binaries_with_a_key_inside_are_read_for_their_strings_and_images_skipped(write, tmp_path: Path) -> None:
    token = iugu_token()
    leak = f"\nGET /?api_token={token}\n".encode()
    expected = [("app.log", 2)]
    for name, data in binaries(tmp_path).items():
        write(f"tree/{name}", data[:2000] + leak + data[2000:])
        if name != "photo.png":  # its magic says it holds no text: skipped, as before
            expected.append((name, data[:2000].count(b"\n") + 2))
    write("tree/app.log", bytes(4096) + leak)
    report, _ = scan_json(str(tmp_path / "tree"))
    found = [(f["location"]["path"].rsplit("/", 1)[1], f["location"]["line"]) for f in report["findings"]]
    assert sorted(found) == sorted(expected)
    assert report["scan"]["skipped"] == {"binary": 1} and report["scan"]["files_scanned"] == 4
    assert report["scan"]["requests"]["binary_files_read_as_strings"] == 3


def test_walk_honours_ignore_files_and_counts_skips(write, tmp_path: Path) -> None:
    token = iugu_token()
    line = f"api_token={token}\n"
    write("repo/.gitignore", "build/\n*.tmp\n!keep.tmp\n")
    write("repo/sub/.keyauditignore", "fixtures/\n")
    write("repo/app.log", line)
    write("repo/build/out.log", line)
    write("repo/a.tmp", line)
    write("repo/keep.tmp", line)
    write("repo/sub/fixtures/f.log", line)
    write("repo/sub/real.log", line)
    write("repo/.git/config", line)
    write("repo/image.png", b"\x89PNG\r\n\x1a\n" + b"\x00\x01\x02\x03" * 500)
    write("repo/nul-inside.log", b"text with a \x00 nul byte\n" + line.encode())
    os.symlink(tmp_path / "repo/app.log", tmp_path / "repo/link.log")
    report, _ = scan_json(str(tmp_path / "repo"), "--no-dedupe")
    paths = sorted(f["location"]["path"].split("repo/")[1] for f in report["findings"])
    assert paths == ["app.log", "keep.tmp", "nul-inside.log", "sub/real.log"]
    assert report["scan"]["skipped"] == {"binary": 1, "ignored": 3, "symlink": 1}


def test_stdin_and_missing_paths(write, tmp_path: Path) -> None:
    token = iugu_token()
    report, run = scan_json("-", str(tmp_path / "missing.log"), input=f"hello\napi_token={token}\n")
    assert found_places(report) == [(2, 11)] and report["findings"][0]["location"]["path"] == "-"
    assert report["errors"] == [{"path": str(tmp_path / "missing.log"), "message": "no such file or directory"}]


def test_byte_ranges_and_processes_give_the_same_report(write, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(keyaudit.run.executors.forked, "SERIAL_BELOW_BYTES", 0)  # a real pool, even for 3 MB
    data, tokens = build(b"2026-11-22 10:00:00 INFO worker processed job without incident", 
                         [i * 150_000 + 77 for i in range(20)])
    path = write("ranges.log", data)
    whole = run_scan(str(path), jobs=1)
    ranged = run_scan(str(path), jobs=2, range_bytes=100_000)
    ranged_serial = run_scan(str(path), jobs=1, range_bytes=64_123)
    key = lambda r: [(f.location.line, f.location.column, f.fingerprint) for f in r.findings]  # noqa: E731
    assert key(whole) == key(ranged) == key(ranged_serial)
    assert [(f.location.line, f.location.column) for f in whole.findings] == planted(tokens, data)
    assert whole.files_scanned == ranged.files_scanned == 1
    assert whole.bytes_scanned == ranged.bytes_scanned == len(data)
