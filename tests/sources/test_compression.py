"""Every compressed format read by one decoding loop: members (frames, streams) one after
another, the text before damage handed out whole and the damage kept — never raised out of a
read — with the byte of the file it is at; in-line or in a read-ahead thread that the opener
stops; a format whose library is missing counted by name, never as binary."""

from __future__ import annotations

import bz2
import contextlib
import gzip
import io
import json
import lzma
import os
import re
import struct
import subprocess
import sys
import threading
from pathlib import Path
from typing import Callable

import pytest

from helpers.credentials import iugu_line, iugu_token
from helpers.packing import LZ4_INSTALLED, gzip_members, lz4_frames, zstd_frames
from helpers.running import subprocess_env
from helpers.secrecy import scrub
from keyaudit.rulebook.loader import load_rules
from keyaudit.run.unit_scanner import UnitScanner
from keyaudit.run.units import WorkUnit
from keyaudit.sources.compression import open_decompressed
from keyaudit.sources.decoders import PIECE_BYTES, Damaged, damage_of
from keyaudit.sources.opening import opener_for
from keyaudit.sources.readahead import PIECES_AHEAD
from keyaudit.sources.targets import Target

needs_lz4 = pytest.mark.skipif(not LZ4_INSTALLED, reason="lz4 is an extra: pip install 'keyaudit[lz4]'")


def _two(compress: Callable[[bytes], bytes]) -> Callable[[bytes], bytes]:
    """Two members, a third of the text and the rest, as an append to a rotated file leaves them."""
    return lambda data: compress(data[: len(data) // 3]) + compress(data[len(data) // 3 :])


PACKERS = {"gzip": lambda data: gzip_members(data, 2), "bz2": _two(bz2.compress), "xz": _two(lzma.compress),
           "zstd": zstd_frames, "lz4": pytest.param(lz4_frames, marks=needs_lz4)}
THREADED = pytest.mark.parametrize("threaded", [False, True], ids=["in-line", "read-ahead"])


def log(lines: int = 200_000) -> bytes:
    return b"".join(b"2026-11-30 05:00:%02d INFO request %d done\n" % (i % 60, i) for i in range(lines))


def drain(stream: io.BufferedIOBase, size: int = 1 << 20) -> tuple[bytes, Exception | None]:
    """Everything ``stream`` hands over in reads of ``size`` (a read never raises for damage),
    and the damage its decoder kept."""
    out = bytearray()
    while piece := stream.read(size):
        out += piece
    return bytes(out), damage_of(stream)


def place(damage: Exception | None) -> int:
    """The byte of the file a damage is said to be at (or to start at)."""
    assert isinstance(damage, Damaged), damage
    found = re.search(r"damaged (?:at byte|between bytes) (\d+)", str(damage))
    assert found, str(damage)
    return int(found.group(1))


@pytest.mark.parametrize("pack", PACKERS.values(), ids=list(PACKERS))
@THREADED
def test_members_are_read_whole_and_a_cut_keeps_what_came_before(pack, threaded: bool) -> None:
    text = log()
    packed = pack(text)
    with contextlib.closing(open_decompressed(io.BytesIO(packed), threaded)[0]) as stream:
        assert drain(stream) == (text, None)  # both members, in order
    cut = packed[: len(packed) * 3 // 4]
    with contextlib.closing(open_decompressed(io.BytesIO(cut), threaded)[0]) as stream:
        kept, damage = drain(stream)
    assert place(damage) == len(cut) and "cut short" in str(damage)
    # the whole first member and (but for bzip2's blocks) most of the second, unchanged
    assert len(text) // 3 <= len(kept) < len(text) and text.startswith(kept)


@pytest.mark.parametrize("name", ["gzip", "xz"])
@THREADED
def test_nul_padding_is_no_damage_and_junk_after_the_last_member_is(name: str, threaded: bool) -> None:
    text, compress = log(20_000), {"gzip": gzip.compress, "xz": lzma.compress}[name]
    packed = compress(text[:1000]) + bytes(512) + compress(text[1000:]) + bytes(64)
    with contextlib.closing(open_decompressed(io.BytesIO(packed), threaded)[0]) as stream:
        assert drain(stream) == (text, None)
    with contextlib.closing(open_decompressed(io.BytesIO(packed + b"\x07junk"), threaded)[0]) as stream:
        kept, damage = drain(stream)
    assert kept == text and place(damage) == len(packed) and "not " + name in str(damage)


@THREADED
def test_skippable_zstd_frames_are_passed_over(threaded: bool) -> None:
    text = log(20_000)
    packed = zstd_frames(text)
    skippable = struct.pack("<II", 0x184D2A53, 5) + b"notes"  # what some writers put between frames
    with contextlib.closing(open_decompressed(io.BytesIO(skippable.join([packed, packed])), threaded)[0]) as stream:
        assert drain(stream) == (text + text, None)



def pzstd_layout(frames: list[bytes]) -> bytes:
    """Frames as ``pzstd`` writes them: each after a skippable frame holding its size, so the
    file starts with a skippable frame, not with the format's magic."""
    return b"".join(struct.pack("<III", 0x184D2A50, 4, len(frame)) + frame for frame in frames)


@pytest.mark.parametrize("name, pack", [("zstd", zstd_frames), pytest.param("lz4", lz4_frames, marks=needs_lz4)])
@THREADED
def test_a_stream_that_starts_with_a_skippable_frame_is_read_by_the_frame_after_it(
        name: str, pack: Callable[[bytes], bytes], threaded: bool) -> None:
    text = log(20_000)
    packed = pzstd_layout([pack(text[:50_000]), pack(text[50_000:])])
    stream, found = open_decompressed(io.BytesIO(packed), threaded)
    with contextlib.closing(stream):
        assert found == name and drain(stream) == (text, None)


def test_a_pzstd_log_and_a_pzstd_tar_give_their_keys(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """pzstd's files start with a skippable frame: they were read as text, every key lost."""
    from helpers.archives import tar_bytes
    from helpers.running import scan_json

    first, last = iugu_token(), iugu_token()
    text = log(3_000) + f"{iugu_line(first)}\n".encode() + log(40_000) + f"{iugu_line(last)}\n".encode()
    (tmp_path / "app.log.zst").write_bytes(pzstd_layout([zstd_frames(text[:90_000]), zstd_frames(text[90_000:])]))
    (tmp_path / "logs.tar.zst").write_bytes(pzstd_layout([zstd_frames(tar_bytes({"app.log": text}))]))
    monkeypatch.chdir(tmp_path)
    report, run = scan_json("app.log.zst", "logs.tar.zst", "--disable", "iugu-token-in-query-string")
    found = sorted((f["location"]["path"], f["location"]["line"]) for f in report["findings"])
    assert found == [("app.log.zst", 3_001), ("app.log.zst", 43_002), ("logs.tar.zst!app.log", 3_001),
                     ("logs.tar.zst!app.log", 43_002)], scrub(run.stderr)
    assert report["errors"] == [] and report["scan"]["skipped"] == {}

@pytest.mark.parametrize("name, pack", [("zstd", zstd_frames), pytest.param("lz4", lz4_frames, marks=needs_lz4)])
def test_skippable_frames_past_the_format_sniff_are_read_past(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                              name: str, pack: Callable[[bytes], bytes]) -> None:
    """A skippable frame of notes longer than the 64 bytes sniffed (or many short ones) hid the
    frame after it: the log was taken for binary or text, its keys lost without a word."""
    from helpers.running import scan_json

    token = iugu_token()
    text = log(200) + f"{iugu_line(token)}\n".encode()
    notes = struct.pack("<II", 0x184D2A57, 1000) + b"n" * 1000
    short = struct.pack("<II", 0x184D2A50, 4) + b"\0" * 4  # as pzstd writes them, 12 bytes each
    (tmp_path / "notes.log.x").write_bytes(notes + pack(text))
    (tmp_path / "many.log.x").write_bytes(short * 6 + pack(text))
    monkeypatch.chdir(tmp_path)
    report, run = scan_json("notes.log.x", "many.log.x", "--disable", "iugu-token-in-query-string")
    found = sorted((f["location"]["path"], f["location"]["line"]) for f in report["findings"])
    assert found == [("many.log.x", 201), ("notes.log.x", 201)], scrub(run.stderr)
    assert report["errors"] == [] and report["scan"]["skipped"] == {}


def test_a_zstd_frame_past_the_window_bound_is_said_to_be_so_not_damage(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """zstd --long=30 writes frames that ask for a 1 GiB window: the decoder refuses past 128 MiB
    (a bound on memory) with 'requires too much memory', which was reported as damage."""
    from helpers.packing import zstd
    from helpers.running import scan_json

    compressor = zstd.ZstdCompressor(options={zstd.CompressionParameter.window_log: 30})
    (tmp_path / "long.log.zst").write_bytes(compressor.compress(log(50)) + compressor.flush())
    monkeypatch.chdir(tmp_path)
    report, _ = scan_json("long.log.zst")
    assert [error["message"] for error in report["errors"]] == [
        "scanned up to a bound: zstd at byte 0: a frame asks for a 1,024 MiB window to decode, past the 128 MiB a "
        "scan decodes with, a bound on memory ('zstd -d --memory=1024MB' undoes it); not read from there"]


def test_text_compressed_past_the_layers_undone_is_an_error_not_binary(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Four layers are undone; a fifth left compressed bytes that were skipped as binary (or, had
    they looked like text, scanned as such), the key inside lost without an error."""
    from helpers.packing import zstd
    from helpers.running import scan_json

    for name, layers in (("five.log.zst", 5), ("four.log.gz", 4)):
        packed = f"{iugu_line(iugu_token())}\n".encode()
        for compress in (gzip.compress, bz2.compress, lzma.compress, gzip.compress, zstd.compress)[:layers]:
            packed = compress(packed)
        (tmp_path / name).write_bytes(packed)
    monkeypatch.chdir(tmp_path)
    report, _ = scan_json("five.log.zst", "four.log.gz", "--disable", "iugu-token-in-query-string")
    assert [f["location"]["path"] for f in report["findings"]] == ["four.log.gz"]
    assert report["errors"] == [{"path": "five.log.zst", "message": "scanned up to a bound: compressed more than "
                                 "4 times over (zstd, gzip, xz, bz2 undone; inside, gzip still); the text inside "
                                 "was not read"}]
    assert report["scan"]["skipped"] == {}


@THREADED
def test_a_big_read_of_a_small_damaged_file_still_gets_its_text(threaded: bool) -> None:
    """The scan reads a megabyte at a time: the decoder ends the text at the damage instead of
    raising out of the read, which would take the whole small file with it."""
    text = log(2000)
    cut = lzma.compress(text)[:-100]
    with contextlib.closing(open_decompressed(io.BytesIO(cut), threaded)[0]) as stream:
        kept, damage = drain(stream, 8 << 20)
    assert kept == lzma.LZMADecompressor().decompress(cut) and len(kept) > len(text) // 2
    assert place(damage) == len(cut)


@pytest.mark.parametrize("pack", PACKERS.values(), ids=list(PACKERS))
def test_corrupt_data_loses_at_most_a_piece_before_it(pack) -> None:
    text = log()
    packed = bytearray(pack(text))
    packed[-len(packed) // 8] ^= 0xFF  # in the second member, well after its start
    with contextlib.closing(open_decompressed(io.BytesIO(bytes(packed)), threaded=True)[0]) as stream:
        kept, damage = drain(stream)
    # all the text before the bytes around the damage (a piece, one of the format's blocks),
    # unchanged; what the damaged bytes decoded to before the format noticed may follow
    intact = len(text) * 7 // 8 - 2 * PIECE_BYTES - (900 << 10)
    assert isinstance(damage, Damaged) and len(kept) >= intact and kept[:intact] == text[:intact]


def test_closing_a_read_ahead_early_stops_its_thread() -> None:
    text = os.urandom(PIECE_BYTES * PIECES_AHEAD).hex().encode()  # more than the queue holds
    before = threading.active_count()
    stream, _ = open_decompressed(io.BytesIO(zstd_frames(text)), threaded=True)
    assert stream.read(100) == text[:100]
    stream.close()
    assert threading.active_count() == before


@pytest.mark.parametrize("name", ["log.gz", "log.zst"])
def test_the_opener_stops_the_decoding_thread_itself(tmp_path: Path, name: str) -> None:
    """Left to the garbage collector, a decoding thread is stopped from whatever thread collects,
    possibly inside the interpreter's own locks (a hang seen once): the opener closes it, on a
    normal exit, on an early one and when the reader raised."""
    path = tmp_path / name
    text = os.urandom(PIECE_BYTES * PIECES_AHEAD).hex().encode()
    path.write_bytes(gzip.compress(text, 1) if name.endswith(".gz") else zstd_frames(text))
    before = set(threading.enumerate())
    opener = opener_for(path, threaded=True)
    with opener() as stream:
        assert stream.read(100) == text[:100]
    assert set(threading.enumerate()) == before
    with pytest.raises(KeyError), opener() as stream:
        stream.read(100)
        raise KeyError("a bug in the reader above")
    assert set(threading.enumerate()) == before


def test_a_bug_in_a_reader_is_an_internal_error_not_damage() -> None:
    """Only the libraries' errors mean damage: a ValueError (here: reading a closed file) is a
    bug, reported by its type alone (its text could quote the input), not retried as damage."""
    @contextlib.contextmanager
    def closed() -> object:
        stream = io.BufferedReader(io.BytesIO(b"log line\n"))  # type: ignore[arg-type]
        stream.close()
        yield stream

    tally = UnitScanner(load_rules()).scan(WorkUnit(Target("app.log", None, closed)))
    assert [error.message for error in tally.errors] == [
        "internal error (ValueError); the rest of the scan went on"]


BLOCK_LZ4 = 'raise ModuleNotFoundError("No module named \'lz4\' (made unavailable for this run)", name="lz4")\n'


@needs_lz4  # the file is written with lz4; the scan then runs where it cannot be imported
def test_without_lz4_an_lz4_log_is_skipped_under_the_extra_that_reads_it(tmp_path: Path) -> None:
    blocked = tmp_path / "blocked"
    blocked.mkdir()
    (blocked / "lz4.py").write_text(BLOCK_LZ4)
    logs = tmp_path / "logs"
    logs.mkdir()
    (logs / "app.log.1.lz4").write_bytes(lz4_frames(("start\n" + iugu_line(iugu_token()) + "\n").encode() * 50))
    (logs / "app.log").write_text(iugu_line(iugu_token()) + "\n")
    env = subprocess_env()
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(blocked), env.get("PYTHONPATH")]))
    done = subprocess.run([sys.executable, "-m", "keyaudit", "scan", "--format", "json", "logs"], cwd=tmp_path,
                          env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1 and "Traceback" not in done.stderr, scrub(done.stderr)
    report = json.loads(done.stdout)
    assert report["errors"] == []
    assert [f["location"]["path"] for f in report["findings"]] == ["logs/app.log"]
    assert report["scan"]["skipped"] == {"lz4: install keyaudit[lz4]": 1}


@pytest.mark.parametrize("pack", PACKERS.values(), ids=list(PACKERS))
def test_a_log_compressed_twice_gives_its_keys(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pack) -> None:
    """logrotate's compress over a log its program had already gzipped (app.log.gz.1.gz), a .gz
    packed again: the inner gzip's bytes were scanned as text or skipped as binary, every key lost."""
    from helpers.running import scan_json

    first, last = iugu_token(), iugu_token()
    text = log(3_000) + f"{iugu_line(first)}\n".encode() + log(40_000) + f"{iugu_line(last)}\n".encode()
    (tmp_path / "app.log.gz.1").write_bytes(pack(gzip_members(text, 3)))
    monkeypatch.chdir(tmp_path)
    report, run = scan_json("app.log.gz.1", "--disable", "iugu-token-in-query-string")
    assert [f["location"]["line"] for f in report["findings"]] == [3_001, 43_002], scrub(run.stderr)
    assert report["errors"] == [] and report["scan"]["skipped"] == {}


def test_damage_inside_a_log_compressed_twice_says_which_layer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from helpers.running import scan_json

    token = iugu_token()
    inner = gzip.compress(log(3_000) + f"{iugu_line(token)}\n".encode() + log(40_000))
    (tmp_path / "app.log.gz.1.gz").write_bytes(gzip.compress(inner[: len(inner) // 2]))  # the inner gzip cut short
    monkeypatch.chdir(tmp_path)
    report, run = scan_json("app.log.gz.1.gz", "--disable", "iugu-token-in-query-string")
    assert [f["location"]["line"] for f in report["findings"]] == [3_001], scrub(run.stderr)
    [error] = report["errors"]
    assert error["message"].startswith("read failed, scanned up to the damage: inside the gzip: gzip damaged at byte ")
