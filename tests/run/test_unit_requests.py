"""The requests of a compressed log, which cannot be read twice without decoding it again: read
as the pass leaves their windows behind when the kept text outgrows its bound, and judged the
same as in the same log uncompressed, whatever the bound."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

import keyaudit.inputs.text_requests
from helpers.request_shapes import BODY, REQUESTS, URL
from helpers.running import run_scan


def traffic_log() -> bytes:
    """Heartbeats with the three transfers every 60 lines, as JSON records and as header dumps
    over several lines (a window of its own, reaching both ways)."""
    lines: list[str] = []
    for block in range(150):
        lines += [f"2026-11-22 13:{block % 60:02d}:{n:02d} INFO worker heartbeat ok" for n in range(50)]
        name, headers = list(REQUESTS.items())[block % 3]
        if block % 2:
            lines.append(json.dumps({"ts": "2026-11-22T13:00:00Z", "method": "POST", "url": URL,
                                     "headers": dict(headers), "body": BODY, "n": block}))
        else:
            lines += [f"2026-11-22 13:00:00 DEBUG sending request {block} ({name})",
                      f"POST {URL} HTTP/1.1", *(f"{key}: {value}" for key, value in headers), "", BODY]
    return ("\n".join(lines) + "\n").encode()


def judged(result) -> list[tuple[int, str]]:
    return sorted((f.location.line, f.rule_id) for f in result.findings)


@pytest.mark.parametrize("bound", [4096, 64 << 20], ids=["handed-over", "kept-whole"])
def test_a_compressed_log_gives_the_requests_of_the_same_log_plain(tmp_path: Path, monkeypatch, bound: int) -> None:
    text = traffic_log()
    plain, packed = tmp_path / "app.log", tmp_path / "app.log.1.gz"
    plain.write_bytes(text)
    packed.write_bytes(gzip.compress(text))
    expected = run_scan(str(plain), jobs=1)
    assert len({rule for _line, rule in judged(expected)}) >= 2 and len(judged(expected)) >= 100
    monkeypatch.setattr(keyaudit.inputs.text_requests, "MAX_KEPT_BYTES", bound)
    result = run_scan(str(packed), jobs=1)
    assert result.errors == [] and judged(result) == judged(expected)
    assert result.counts.statistics["requests_judged"] == expected.counts.statistics["requests_judged"]
