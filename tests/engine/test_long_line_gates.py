"""A token on a line longer than the engine's buffer, in a file that names its provider above that line.

A rule whose context has a gate (`gate: [iugu]`: the bare-name rule, costly on text that never names iugu) ran
only on a buffer holding the gate's word. A line longer than a buffer starts the next buffer at its own start, so
the host on the file's first line was in the buffer before, and the `token=` on the long line was never looked
at, while the file-wide host it needed as evidence was known. A gate opened once stays open for the stream.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from helpers.credentials import iugu_token
from helpers.engines import BOTH_ENGINES
from helpers.running import engine_findings

HOST_LINE = "POST https://api.iugu.com/v1/customers HTTP/1.1\n"
FILLER = " the quick brown fox jumps over the lazy dog again and again"  # 60 bytes, names nothing


def _line(size: int, token: str, where: str) -> str:
    """One line of about ``size`` bytes of filler with ``token=…`` at its start, middle or end."""
    body = FILLER * (size // len(FILLER))
    at = {"start": 0, "middle": len(body) // 2, "end": len(body)}[where]
    return body[:at] + f" token={token} " + body[at:]


def _json_records(token: str) -> str:
    """One-line JSON records of 100 KB, the token's field first in the first."""
    records = [json.dumps({"token": token if i == 0 else None, "payload": FILLER * 1700, "seq": i}) for i in range(12)]
    return "\n".join(records)


def _bundle(token: str) -> str:
    """A minified JS bundle: one line of 1.5 MB, the iugu client's token assigned halfway."""
    module = "function a(b){return b.map(function(c){return c*2})}var d=a([1,2,3]);"
    body = module * (1_500_000 // len(module))
    return body[: len(body) // 2] + f'var token="{token}";' + body[len(body) // 2 :]


SHAPES = {
    **{f"{where} of a {name} line": (lambda t, size=size, where=where: _line(size, t, where))
       for name, size in (("64 KiB", 64 << 10), ("1.5 MiB", 3 << 19))
       for where in ("start", "middle", "end")},
    "JSON records of 100 KB": _json_records,
    "minified bundle": _bundle,
}


@pytest.mark.parametrize("shape", list(SHAPES))
@pytest.mark.parametrize("engine", BOTH_ENGINES)
def test_a_token_on_a_long_line_below_the_host_is_found(tmp_path: Path, shape: str, engine: str) -> None:
    token = iugu_token(rng=random.Random(shape))
    (tmp_path / "app.log").write_text(HOST_LINE + SHAPES[shape](token) + "\n")
    findings, raw = engine_findings(engine, tmp_path)
    assert [(f["rule_id"], f["location"]["line"]) for f in findings] == [("iugu-named-credential", 2)], shape
    assert token not in raw


@pytest.mark.parametrize("engine", BOTH_ENGINES)
def test_the_gate_still_keeps_a_file_that_never_names_iugu_out(tmp_path: Path, engine: str) -> None:
    token = iugu_token(rng=random.Random(7))
    (tmp_path / "app.log").write_text("POST https://example.com/v1/customers\n" + _line(3 << 19, token, "start"))
    findings, _ = engine_findings(engine, tmp_path)
    assert findings == []
