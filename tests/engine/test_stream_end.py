"""File-scope evidence reaches every hit of a file of up to a chunk: the stream's last 4 KiB were judged again in a
buffer of their own, without the text above them, so an ``import iugu`` on line 1 did not count for the named
tokens of a line over 4 KiB below it (128 calls on one line: 0 findings, silently) or 4 KiB of lines below it
(real files, the CLI)."""

from __future__ import annotations

import random
from pathlib import Path

from helpers.running import scan_json

CALL = 'foo_call(a, b, token="{token}")'


def _tokens(path: Path, text: str) -> list[str]:
    path.write_text(text, encoding="utf-8")
    report, _ = scan_json(str(path))
    return [finding["rule_id"] for finding in report["findings"]]


def test_an_import_above_a_long_line_of_named_tokens_counts_for_each_of_them(tmp_path: Path) -> None:
    """``import iugu`` above one line of 128 calls (7 KiB), each passing a token under its name: 128 iugu tokens;
    without the import, none (the import is the evidence)."""
    chance = random.Random(128)
    line = " ".join(CALL.format(token=f"{chance.getrandbits(128):032x}") for _ in range(128))
    assert _tokens(tmp_path / "calls.py", f"import iugu\n{line}\n") == ["iugu-named-credential"] * 128
    assert _tokens(tmp_path / "bare.py", f"import os\n{line}\n") == []


def test_an_import_more_than_4_kib_above_a_named_token_counts_for_it(tmp_path: Path) -> None:
    """The import 4 KiB of short lines above the call, and the call in a line of padding on either side."""
    call = CALL.format(token=f"{random.Random(1).getrandbits(128):032x}")
    below = "import iugu\n" + "x = 1\n" * 700 + call + "\n"
    padded = "import iugu\n" + "x = 1; " * 350 + call + " " + "x = 1; " * 350 + "\n"
    assert _tokens(tmp_path / "below.py", below) == ["iugu-named-credential"]
    assert _tokens(tmp_path / "padded.py", padded) == ["iugu-named-credential"]
