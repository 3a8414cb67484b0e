"""Reading inputs through the command line: exact places across chunk and overlap boundaries,
compression recognised by magic bytes, damaged archives, directory walking and stdin.

Expected lines and columns are computed here from the whole file (decoded with surrogateescape),
never taken from the scanner; secrets are generated per run and compared only as booleans.
"""

from __future__ import annotations

import bz2
import gzip
import io
import json
import lzma
import os
from collections import Counter
from pathlib import Path

import pytest

from helpers.credentials import IUGU_LEAD, IUGU_TAIL, asaas_key, iugu_line, iugu_token
from helpers.packing import LZ4_INSTALLED, lz4_frames, zstd_frames
from helpers.places import expected_spans, found_spans
from helpers.running import cli, proc, scan_json
from helpers.secrecy import same_secrets, scrub
from keyaudit.engine import create_matcher, hyperscan_available
from keyaudit.rulebook.loader import load_rules
from keyaudit.engine.stream import CHUNK_BYTES, ChunkedPass
from keyaudit.engine.matcher import OVERLAP_BYTES

RULE = "iugu-api-token"


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run from an empty folder: no configuration file of the repository applies."""
    monkeypatch.chdir(tmp_path)


# --- chunk and overlap boundaries ---------------------------------------------------------------

# Where the token's first byte goes, relative to the places the scanner cuts its input: raw reads
# end at k * CHUNK_BYTES; a chunk's accepted region ends before k * CHUNK_BYTES - OVERLAP_BYTES.
TOKEN_LEN = 32
BOUNDARY_OFFSETS = sorted({
    CHUNK_BYTES - OVERLAP_BYTES - 5,                       # token straddles the first overlap limit
    CHUNK_BYTES - 10,                                      # token straddles the first raw read end
    2 * CHUNK_BYTES - OVERLAP_BYTES,                       # token starts exactly at the limit
    2 * CHUNK_BYTES,                                       # token starts exactly at a raw read end
    3 * CHUNK_BYTES - OVERLAP_BYTES - TOKEN_LEN,           # token ends exactly at the limit
    3 * CHUNK_BYTES - TOKEN_LEN,                           # token ends exactly at a raw read end
    4 * CHUNK_BYTES - OVERLAP_BYTES + len("api_token=") // 2,  # the match (not the token) straddles
    4 * CHUNK_BYTES - 1,
    5 * CHUNK_BYTES - OVERLAP_BYTES - 1,
    5 * CHUNK_BYTES + 1,
})

# Undecodable bytes, a NUL and multibyte characters on the same line, before the secret.
NASTY_PREFIX = "ação ☃ ".encode() + b"\xff\xfe\xc3 \x00 " + "日本 🚀 ".encode() + b"\xe6\x97 "
FILLERS = {
    "ascii": b"2026-11-22T10:00:00Z INFO worker finished a job without incident",
    "multibyte": "2026-11-22T10:00:00Z INFO usuário ação concluída — 日本語 🚀 ok".encode(),
    "invalid": b"2026-11-22T10:00:00Z WARN bytes \xff\xfe\xc3 and \x00 nul and \xe6\x97 cut",
}


def build_lines(filler: bytes, offsets: list[int], newline: bytes, final_newline: bool = True
                ) -> tuple[bytes, list[str]]:
    """Filler lines with one token line per offset, the token's first byte exactly at it."""
    out, tokens = bytearray(), []
    lead = NASTY_PREFIX + IUGU_LEAD.encode()
    for index, offset in enumerate(offsets):
        room = offset - len(out) - len(lead)
        whole = room // (len(filler) + len(newline)) - 1
        if whole > 0:
            out += (filler + newline) * whole
        pad = offset - len(out) - len(lead)
        assert pad >= 0, "offsets too close together for this filler"
        token = iugu_token()
        out += b"x" * pad + lead
        assert len(out) == offset
        out += token.encode() + IUGU_TAIL.encode()
        if index < len(offsets) - 1 or final_newline:
            out += newline
        tokens.append(token)
    return bytes(out), tokens


@pytest.mark.parametrize("newline", [b"\n", b"\r\n"], ids=["LF", "CRLF"])
@pytest.mark.parametrize("filler", list(FILLERS), ids=list(FILLERS))
def test_exact_places_across_chunk_and_overlap_boundaries(tmp_path: Path, filler: str, newline: bytes) -> None:
    data, tokens = build_lines(FILLERS[filler], BOUNDARY_OFFSETS, newline, final_newline=False)
    assert len(data) > 5 * CHUNK_BYTES
    path = tmp_path / "big.log"
    path.write_bytes(data)
    report, run = scan_json("--no-dedupe", str(path))
    assert run.exit_code == 1
    assert report["errors"] == []
    assert {f["rule_id"] for f in report["findings"]} == {RULE}
    assert len(report["findings"]) == len(tokens), "a secret was lost or found twice"
    expected = expected_spans(data, tokens)
    assert found_spans(report) == expected
    # the expectation is not trivially met: counting bytes instead of characters gives other columns
    naive = sorted(place_bytes(data, data.index(t.encode())) for t in tokens)
    assert [(line, col) for line, col, _, _ in expected] != naive
    for line, column, end_line, end_column in expected:
        assert end_line == line and end_column - column == TOKEN_LEN


def test_a_file_that_ends_exactly_at_a_chunk_boundary(tmp_path: Path) -> None:
    last = 2 * CHUNK_BYTES - TOKEN_LEN - len(IUGU_TAIL)  # the token and its tail are the last bytes
    data, tokens = build_lines(FILLERS["multibyte"], [CHUNK_BYTES - OVERLAP_BYTES - 3, last], b"\n",
                               final_newline=False)
    assert len(data) == 2 * CHUNK_BYTES
    (tmp_path / "exact.log").write_bytes(data)
    report, _ = scan_json("--no-dedupe", "exact.log")
    assert found_spans(report, RULE) == expected_spans(data, tokens)
    assert len(report["findings"]) == len(tokens)


def place_bytes(data: bytes, offset: int) -> tuple[int, int]:
    """(line, byte column): what a scanner that counted bytes instead of characters would say."""
    return data.count(b"\n", 0, offset) + 1, offset - (data.rfind(b"\n", 0, offset) + 1) + 1


# One line of more than five MiB: no newline for the chunker to cut at, so it cuts on a character
# boundary; the filler unit mixes multibyte characters, undecodable bytes and a NUL so that the
# cuts fall at every kind of place inside it.
HUGE_UNIT = "é日🚀".encode() + b"\xff" + b"\xe6\x97" + b" plain words here, " + "ção".encode() + b"\x00" + b" tail "


def build_one_line(offsets: list[int]) -> tuple[bytes, list[str]]:
    out, tokens = bytearray(), []
    lead = b" " + IUGU_LEAD.encode()
    for offset in offsets:
        whole = (offset - len(out) - len(lead)) // len(HUGE_UNIT)
        out += HUGE_UNIT * max(0, whole)
        pad = offset - len(out) - len(lead)
        assert pad >= 0
        out += b"x" * pad + lead
        assert len(out) == offset
        token = iugu_token()
        out += token.encode() + IUGU_TAIL.encode()
        tokens.append(token)
    out += HUGE_UNIT * 3000
    return bytes(out), tokens


HUGE_OFFSETS = [100, *BOUNDARY_OFFSETS]


def test_a_single_line_of_several_mib_without_newline(tmp_path: Path) -> None:
    data, tokens = build_one_line(HUGE_OFFSETS)
    assert b"\n" not in data and len(data) > 5 * CHUNK_BYTES
    path = tmp_path / "one-line.log"
    path.write_bytes(data)
    report, _ = scan_json("--no-dedupe", str(path))
    assert report["errors"] == []
    assert len(report["findings"]) == len(tokens), "a secret was lost or found twice"
    expected = expected_spans(data, tokens)
    assert {line for line, *_ in expected} == {1}
    assert found_spans(report, RULE) == expected


@pytest.mark.parametrize("engine", ["regex", "hyperscan"])
def test_stream_scan_reports_each_secret_exactly_once(engine: str) -> None:
    """Below the report's merging of same-spot findings: the chunker itself yields each hit once."""
    if engine == "hyperscan" and not hyperscan_available():
        pytest.skip("hyperscan is not installed here")
    rules = load_rules()
    matcher = create_matcher(rules, engine)
    index = [rule.id for rule in rules].index(RULE)
    data, tokens = build_one_line(HUGE_OFFSETS)
    lines_data, line_tokens = build_lines(FILLERS["invalid"], BOUNDARY_OFFSETS, b"\r\n")
    for blob, planted in ((data, tokens), (lines_data, line_tokens)):
        hits = [hit for hit in ChunkedPass(io.BytesIO(blob), matcher) if hit.match.rule_index == index]
        counts = Counter(hit.secret for hit in hits)
        assert sorted(counts.values()) == [1] * len(planted), "a secret was lost or found twice"
        same = same_secrets(list(counts), planted)
        assert same, "the hits are not the planted secrets"
        assert sorted(h.place for h in hits) == expected_spans(blob, planted)


def test_multibyte_characters_and_bad_bytes_before_the_secret(tmp_path: Path) -> None:
    token = iugu_token()
    data = (b"first\r\n" + NASTY_PREFIX + "ü".encode() * 5000 + b"\xf0\x9f" + b" " + iugu_line(token).encode()
            + b"\r\nlast\r\n")
    (tmp_path / "wide.log").write_bytes(data)
    report, _ = scan_json("wide.log")
    expected = expected_spans(data, [token])
    assert found_spans(report) == expected
    line, column, _, _ = expected[0]
    # spelled out: line 2; the prefix counts as characters, "ü" is one column, bad bytes one each
    assert line == 2
    assert column == len(NASTY_PREFIX.decode("utf-8", "surrogateescape")) + 5000 + 2 + 1 + len(IUGU_LEAD) + 1


def place_block(block: bytes, anchor: int, at: int, filler: bytes = b"# a comment line, nothing to see\n") -> bytes:
    """Filler lines, then ``block`` placed so that its byte ``anchor`` lands exactly at offset ``at``."""
    start = at - anchor
    head = filler * ((start - 1) // len(filler))
    head += b"#" * (start - len(head) - 1) + b"\n"
    assert len(head) == start
    return head + block + filler * 2000


@pytest.mark.parametrize("host_first", [True, False], ids=["host-before-key", "host-after-key"])
def test_context_rules_see_their_context_across_the_cut(tmp_path: Path, host_first: bool) -> None:
    """A production key written next to a sandbox host is an environment mismatch (DOMAIN.md)
    wherever the 1 MiB chunk boundary happens to fall between the two lines."""
    key = asaas_key("prod")
    host = b'BASE_URL = "https://sandbox.asaas.com/api/v3"\n'
    key_line = ('API_KEY = "' + key + '"\n').encode()
    block = host + key_line if host_first else key_line + host
    # the cut is made at the last newline before CHUNK_BYTES - OVERLAP_BYTES: put the second
    # line of the block across that limit, so the first line ends one chunk and the second
    # begins the next
    second = block.index(key_line if host_first else host)
    limit = CHUNK_BYTES - OVERLAP_BYTES
    rules_found = {}
    for where, data in (("start", block + b"# end\n"), ("cut", place_block(block, second + 5, limit))):
        (tmp_path / f"{where}.env").write_bytes(data)
        report, _ = scan_json(f"{where}.env")
        rules_found[where] = sorted(f["rule_id"] for f in report["findings"])
        mismatch = [f for f in report["findings"] if f["category"] == "environment-mismatch"]
        assert len(mismatch) == 1, where
        location = mismatch[0]["location"]
        assert [(location["line"], location["column"], location["end_line"], location["end_column"])] == \
            expected_spans(data, [key])
    assert rules_found["start"] == rules_found["cut"]


# --- compression by magic bytes -----------------------------------------------------------------

COMPRESSORS = {"gzip": gzip.compress, "bz2": bz2.compress, "xz": lzma.compress, "zstd": zstd_frames,
               "lz4": lz4_frames}
# names that say nothing, or say the wrong thing
NAMES = {"gzip": ["app.log.1", "noext", "looks.bz2"], "bz2": ["access.log.gz", "messages"],
         "xz": ["data.bz2", "rotated"], "zstd": ["app.log.1.zst", "syslog.2.gz"], "lz4": ["app.log.1.lz4", "rotated"]}
needs_lz4 = pytest.mark.skipif(not LZ4_INSTALLED, reason="lz4 is an extra: pip install 'keyaudit[lz4]'")


def _kind(*values: str) -> object:
    return pytest.param(*values, marks=needs_lz4) if values[0] == "lz4" else values if len(values) > 1 else values[0]


@pytest.mark.parametrize("kind,name", [_kind(k, n) for k, names in NAMES.items() for n in names])
def test_compression_is_sniffed_by_magic_not_by_name(tmp_path: Path, kind: str, name: str) -> None:
    token = iugu_token()
    plain = ("line one\nlinha dois ação\n" * 200 + "\tindented " + iugu_line(token) + "\nlast\n").encode()
    packed = COMPRESSORS[kind](plain)
    stored_in_clear = token.encode() in packed and kind != "lz4"  # lz4 stores literals as they are
    assert not stored_in_clear and len(packed) * 2 < len(plain), "the test file must really be compressed"
    (tmp_path / name).write_bytes(packed)
    report, run = scan_json(name)
    assert run.exit_code == 1 and report["errors"] == []
    assert found_spans(report, RULE) == expected_spans(plain, [token])
    assert report["findings"][0]["location"]["path"] == name


def test_multi_member_gzip_as_logrotate_and_cat_make_it(tmp_path: Path) -> None:
    first, second, split = iugu_token(), iugu_token(), iugu_token()
    filler = b"".join(b"2026-11-21 23:%02d:00 GET /health 200\n" % (i % 60) for i in range(40_000))
    part1 = filler + iugu_line(first).encode() + b"\n" + filler[:50_000]
    # the first member ends in the middle of a line, and in the middle of a token
    part1 += b"\xe6\x97\xa5 " + IUGU_LEAD.encode() + split[:11].encode()
    part2 = split[11:].encode() + IUGU_TAIL.encode() + b"\n" + filler[:200_000] + iugu_line(second).encode() + b"\n"
    plain = part1 + part2
    (tmp_path / "app.log.2.gz").write_bytes(gzip.compress(part1) + gzip.compress(part2))
    report, _ = scan_json("--no-dedupe", "app.log.2.gz")
    assert report["errors"] == []
    assert len(report["findings"]) == 3
    spans = expected_spans(plain, [first, split, second])
    assert spans[2][0] > plain.count(b"\n", 0, len(part1)) + 1  # counted across the member boundary
    assert found_spans(report, RULE) == spans


def truncated_gzip(early: str, late: str) -> bytes:
    body = os.urandom(300_000).hex().encode()  # incompressible enough that the cut lands in it
    data = iugu_line(early).encode() + b"\n" + body + b"\n" + iugu_line(late).encode() + b"\n"
    packed = gzip.compress(data)
    return packed[: len(packed) * 2 // 3]


def test_truncated_gzip_is_an_error_and_the_scan_goes_on(tmp_path: Path) -> None:
    early, late, other = iugu_token(), iugu_token(), iugu_token()
    logs = tmp_path / "logs"
    logs.mkdir()
    (logs / "a-broken.log.gz").write_bytes(truncated_gzip(early, late))
    (logs / "b-fine.log").write_text("ok\n" + iugu_line(other) + "\n")
    report, run = scan_json("logs")
    assert run.exit_code == 1  # decided by the findings, not by the damage
    assert [e["path"] for e in report["errors"]] == ["logs/a-broken.log.gz"]
    found = sorted((f["location"]["path"], f["location"]["line"]) for f in report["findings"])
    # the finding before the damage is kept, the one after it cannot be read, the next file is scanned
    assert found == [("logs/a-broken.log.gz", 1), ("logs/b-fine.log", 2)]
    error_lines = [line for line in run.stderr.splitlines() if "a-broken.log.gz" in line]
    one_error_line = len(error_lines) == 1 and error_lines[0].startswith("keyaudit: error:")
    assert one_error_line, scrub(run.stderr)
    traceback = "Traceback" in run.stderr
    assert not traceback, scrub(run.stderr)

    strict = cli("scan", "--format", "json", "--jobs", "1", "--strict", "logs")
    assert strict.exit_code == 2
    assert [e["path"] for e in json.loads(strict.stdout)["errors"]] == ["logs/a-broken.log.gz"]


@pytest.mark.parametrize("kind", ["bz2", "xz", "zstd", _kind("lz4")])
def test_truncated_bz2_xz_zstd_and_lz4_are_errors_too(tmp_path: Path, kind: str) -> None:
    other = iugu_token()
    packed = COMPRESSORS[kind](os.urandom(200_000).hex().encode())
    (tmp_path / "broken").write_bytes(packed[: len(packed) // 2])
    (tmp_path / "fine.log").write_text(iugu_line(other) + "\n")
    report, run = scan_json("broken", "fine.log")
    assert run.exit_code == 1
    assert [e["path"] for e in report["errors"]] == ["broken"]
    assert [f["location"]["path"] for f in report["findings"]] == ["fine.log"]
    traceback = "Traceback" in run.stderr
    assert not traceback, scrub(run.stderr)


def test_truncated_gzip_through_a_real_process(tmp_path: Path) -> None:
    early, late = iugu_token(), iugu_token()
    (tmp_path / "rotated.1").write_bytes(truncated_gzip(early, late))
    done = proc("scan", "--format", "json", "--jobs", "1", "rotated.1", cwd=tmp_path)
    stderr, code = done.stderr.decode(), done.returncode
    assert code == 1, scrub(stderr)
    named = any(line.startswith("keyaudit: error: rotated.1") for line in stderr.splitlines())
    traceback = "Traceback" in stderr
    assert named and not traceback, scrub(stderr)
    report = json.loads(done.stdout)
    assert [(f["location"]["line"]) for f in report["findings"]] == [1]
    strict = proc("scan", "--format", "json", "--jobs", "1", "--strict", "rotated.1", cwd=tmp_path)
    code = strict.returncode
    assert code == 2, scrub(strict.stderr)


# --- walking directories ------------------------------------------------------------------------


def test_walk_honours_ignore_files_skips_images_and_counts_links(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    tokens: dict[str, str] = {}

    def plant(relative: str, before: bytes = b"", after: bytes = b"") -> None:
        tokens[relative] = iugu_token()
        path = repo / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(before + iugu_line(tokens[relative]).encode() + b"\n" + after)

    (repo / "sub" / "deeper").mkdir(parents=True)
    (repo / ".gitignore").write_text("build/\n*.tmp\n!keep.tmp\n")
    (repo / "sub" / ".gitignore").write_text("*.log\n!important.log\n")
    (repo / "sub" / "deeper" / ".keyauditignore").write_text("fixtures/\n/secret-test-data.txt\n")
    scanned = ["app.log", "keep.tmp", "sub/important.log", "sub/notes.txt", "sub/deeper/real.txt",
               "sub/deeper/other/secret-test-data.txt", "nul-inside.log", "tool.bin"]
    ignored = ["build/out.log", "a.tmp", "sub/debug.log", "sub/deeper/fixtures/f.txt",
               "sub/deeper/secret-test-data.txt"]
    for relative in scanned + ignored:
        if relative not in ("nul-inside.log", "tool.bin"):
            plant(relative)
    plant("nul-inside.log", before=b"header\x00with a nul\nand \x00 another\n")
    plant(".git/config")
    plant("image.png", before=b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(32)) * 40)
    plant("tool.bin", before=b"\x7fELF\x02\x01\x01" + b"\x00" * 9 + b"\x02\x00\x3e\x00" + b"\x00\x01" * 600)
    os.symlink(repo / "app.log", repo / "link.log")
    os.symlink(repo / "sub", repo / "sub-link")

    report, _ = scan_json("--no-dedupe", "repo")
    assert report["errors"] == []
    found = sorted(f["location"]["path"] for f in report["findings"])
    assert found == sorted(f"repo/{relative}" for relative in scanned)
    skipped = report["scan"]["skipped"]
    assert skipped.get("binary") == 1  # the image; the program is read for its strings
    assert skipped.get("symlink") == 2
    assert report["scan"]["files_scanned"] == len(scanned)
    nul = next(f for f in report["findings"] if f["location"]["path"] == "repo/nul-inside.log")
    assert (nul["location"]["line"], nul["location"]["column"]) == (3, len(IUGU_LEAD) + 1)


def test_stdin_is_read_with_dash(tmp_path: Path) -> None:
    token = iugu_token()
    data = "ação\n" + iugu_line(token) + "\n"
    report, run = scan_json("-", input=data.encode())
    assert run.exit_code == 1
    assert [(f["location"]["path"], f["location"]["line"], f["location"]["column"]) for f in report["findings"]] \
        == [("-", 2, len(IUGU_LEAD) + 1)]


def test_compressed_stdin_through_a_pipe(tmp_path: Path) -> None:
    token = iugu_token()
    plain = ("x\n" * 10 + iugu_line(token) + "\n").encode()
    done = proc("scan", "--format", "json", "--jobs", "1", "-", cwd=tmp_path, input=gzip.compress(plain))
    code = done.returncode
    assert code == 1, scrub(done.stderr)
    report = json.loads(done.stdout)
    assert [(f["location"]["path"], f["location"]["line"]) for f in report["findings"]] == [("-", 11)]


def test_a_missing_path_is_an_error_and_the_scan_goes_on(tmp_path: Path) -> None:
    token = iugu_token()
    (tmp_path / "there.log").write_text(iugu_line(token) + "\n")
    report, run = scan_json("not-there.log", "there.log")
    assert run.exit_code == 1
    assert [e["path"] for e in report["errors"]] == ["not-there.log"]
    assert report["errors"][0]["message"]
    assert [f["location"]["path"] for f in report["findings"]] == ["there.log"]
    named = any(line.startswith("keyaudit: error: not-there.log") for line in run.stderr.splitlines())
    assert named, scrub(run.stderr)
    (tmp_path / "clean.log").write_text("nothing to see\n")
    assert cli("scan", "--jobs", "1", "not-there.log", "clean.log").exit_code == 0  # the rest was read: clean
    assert cli("scan", "--jobs", "1", "--strict", "not-there.log", "clean.log").exit_code == 2
    alone = cli("scan", "--jobs", "1", "not-there.log")
    assert alone.exit_code == 2  # nothing could be read: its "0 findings" would be a false all-clear

