"""Inputs past the sizes a reader might assume: a line longer than a chunk (no newline for
megabytes) is read whole in bounded memory, with every key on it found at its place."""

from __future__ import annotations

from pathlib import Path

from helpers.bad_inputs import BadInput
from helpers.credentials import asaas_key

CHUNK = 1 << 20


def _one_long_line(folder: Path) -> str:
    """2.5 MiB on one line, keys at its start, astride the first chunk's end and at its end."""
    keys = [f" ASAAS_API_KEY={asaas_key()} ".encode() for _ in range(3)]
    line = keys[0] + b"q" * (CHUNK - 4096 - len(keys[0]) - 40) + keys[1] + b"z" * (3 * CHUNK // 2) + keys[2]
    (folder / "one-line.log").write_bytes(line)  # and no newline at all
    return "one-line.log"


CASES = [BadInput("one line longer than a chunk", _one_long_line, error=None, findings=3)]
