"""A line longer than the request readers take (1 MiB) is read from its start only: a request
record whose body runs past the bound may go unread. The scan says so — ``scan.requests.
request_lines_cut`` and the summary line — whether the file is read again at its windows (plain)
or its lines were kept as the pass read them (compressed), and says nothing where no line was cut."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import jsonschema
import pytest

from helpers.data import load_schema
from helpers.running import scan_json

URL = "https://api.iugu.com/v1/transfer_requests"
SHORT = json.dumps({"method": "POST", "url": URL, "headers": {"Content-Type": "application/json"}, "body": "{}"})
LONG = json.dumps({"method": "POST", "url": URL, "headers": {"Content-Type": "application/json"},
                   "body": json.dumps({"amount_cents": 1050, "note": "x" * 1_500_000})})
FILLER = "2026-11-22 10:00:00 INFO served /health in 2 ms\n" * 50


@pytest.mark.parametrize("compressed", [False, True], ids=["plain", "gzip"])
def test_a_request_line_past_the_bound_is_counted(tmp_path: Path, compressed: bool) -> None:
    text = (FILLER + SHORT + "\n" + FILLER + LONG + "\n" + FILLER).encode()
    path = tmp_path / ("requests.log.gz" if compressed else "requests.log")
    path.write_bytes(gzip.compress(text) if compressed else text)
    report, run = scan_json(str(path))
    jsonschema.validate(report, load_schema())
    assert report["scan"]["requests"]["request_lines_cut"] == 1
    assert "1 line too long to read whole for requests" in run.stderr


def test_nothing_is_said_where_no_line_was_cut(tmp_path: Path) -> None:
    path = tmp_path / "requests.log"
    path.write_text(FILLER + SHORT + "\n" + FILLER + "q" * 1_500_000 + "\n")  # a long line no window reads
    report, run = scan_json(str(path))
    assert "request_lines_cut" not in report["scan"]["requests"] and "too long" not in run.stderr
    assert report["scan"]["requests"]["requests_judged"] == 1
