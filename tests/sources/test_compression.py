"""zstd and lz4 beside gzip: frames decoded in a read-ahead thread that hands damage over in
order, and a format whose library is missing counted by name, never as binary."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from helpers.credentials import iugu_line, iugu_token
from helpers.packing import LZ4_INSTALLED, lz4_frames, zstd_frames
from helpers.running import subprocess_env
from helpers.secrecy import scrub
from keyaudit.sources.compression import DECOMPRESSION_ERRORS, open_decompressed, sniff_compression
from keyaudit.sources.readahead import PIECE_BYTES, PIECES_AHEAD

needs_lz4 = pytest.mark.skipif(not LZ4_INSTALLED, reason="lz4 is an extra: pip install 'keyaudit[lz4]'")
PACKERS = {"zstd": zstd_frames, "lz4": pytest.param(lz4_frames, marks=needs_lz4)}


def drain(stream: io.BufferedIOBase, size: int = 1 << 16) -> tuple[bytes, BaseException | None]:
    """Everything ``stream`` hands over, and the error that ended it (None at a clean end)."""
    out = bytearray()
    try:
        while piece := stream.read(size):
            out += piece
    except DECOMPRESSION_ERRORS as exc:
        return bytes(out), exc
    return bytes(out), None


@pytest.mark.parametrize("pack", PACKERS.values(), ids=list(PACKERS))
@pytest.mark.parametrize("threaded", [False, True], ids=["in-line", "read-ahead"])
def test_frames_are_read_whole_and_a_cut_keeps_what_came_before(pack, threaded: bool) -> None:
    text = b"".join(b"2026-11-30 05:00:%02d INFO request %d done\n" % (i % 60, i) for i in range(200_000))
    packed = pack(text)
    stream, kind = open_decompressed(io.BytesIO(packed), threaded)
    assert kind == sniff_compression(packed) and kind in ("zstd", "lz4")
    assert drain(stream) == (text, None)  # both frames, in order
    stream.close()

    stream, _ = open_decompressed(io.BytesIO(packed[: len(packed) * 3 // 4]), threaded)
    kept, error = drain(stream)
    stream.close()
    assert isinstance(error, EOFError)
    # the whole first frame and most of the second came through before the error, unchanged
    assert len(text) // 2 < len(kept) < len(text) and text.startswith(kept)


def test_closing_a_read_ahead_early_stops_its_thread() -> None:
    text = os.urandom(PIECE_BYTES * PIECES_AHEAD).hex().encode()  # more than the queue holds
    before = threading.active_count()
    stream, _ = open_decompressed(io.BytesIO(zstd_frames(text)), threaded=True)
    assert stream.read(100) == text[:100]
    stream.close()
    assert threading.active_count() == before


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
