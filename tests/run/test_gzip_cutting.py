"""One big single-member gzip file over several processes: cut at seek points of its text when
the scan costs enough more than decoding, and then the report of one unit — lines, columns,
counts — locally and on Dask; a file that cannot be indexed, or a piece that cannot be read
alone, gives what reading it whole gives."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import keyaudit.run.executors.forked
from helpers.packing import small_blocks_gzip, token_log
from helpers.places import expected_spans
from helpers.running import run_scan
from keyaudit.config import Config
from keyaudit.model.result import ScanResult
from keyaudit.run.builder import ScannerSpec
from keyaudit.run.gzip_cutting import PROBE_BYTES, Costs, Cutting, cut_pays, measured
from keyaudit.run.session import Session
from keyaudit.run.units import plan_units
from keyaudit.sources.targets import Discovery, Target

RANGE = 150_000  # bytes a piece is planned at, so a test file of ~0.4 MB is cut
# Per byte of text, as measured on the benchmark's logs: one with provider traffic (scanned at
# ~45 MB/s, decoded at ~900 MB/s) and one without (scanned about as fast as it is decoded).
PROVIDER_LOG = Costs(decode=1.1e-9, scan=22e-9)
QUIET_LOG = Costs(decode=1.1e-9, scan=1.0e-9)


@pytest.fixture(autouse=True)
def _real_pool(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(keyaudit.run.executors.forked, "SERIAL_BELOW_BYTES", 0)  # processes, even for 1 MB


@pytest.fixture(scope="module")
def logged(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes, list[str]]:
    text, tokens = token_log()
    path = tmp_path_factory.mktemp("gz") / "access.log.1.gz"
    path.write_bytes(small_blocks_gzip(text))
    return path, text, tokens


def spans(result: ScanResult) -> list[tuple[int, int, int, int]]:
    return sorted((f.location.line, f.location.column, f.location.end_line, f.location.end_column)
                  for f in result.findings)


def test_the_rule_cuts_where_the_scan_costs_much_more_than_decoding() -> None:
    assert cut_pays(PROVIDER_LOG, workers=2) and not cut_pays(QUIET_LOG, workers=2)
    assert not cut_pays(QUIET_LOG, workers=64)  # many cores cannot pay for a decode the scan does not outweigh
    middling = Costs(decode=1e-9, scan=6e-9)  # too little for two workers, enough for four
    assert not cut_pays(middling, workers=2) and cut_pays(middling, workers=4)


def test_the_costs_are_measured_on_the_files_first_text(logged) -> None:
    path, text, _tokens = logged
    probed: list[tuple[str, bytes]] = []
    costs = measured(Target("logs/access.log.1.gz", path), lambda display, head: probed.append((display, head)))
    assert costs is not None and costs.decode > 0 and costs.scan >= 0
    assert {display for display, _ in probed} == {"logs/access.log.1.gz"}
    head = probed[-1][1]  # the text timed (after a little of it, untimed, for what a first scan loads)
    assert 0 < len(head) <= PROBE_BYTES and text.startswith(head)


def test_the_plan_cuts_at_seek_points_only_when_it_pays(logged) -> None:
    path, text, _tokens = logged
    cut = plan_units([str(path)], Discovery(), RANGE, workers=2, cutting=Cutting(2, lambda target: PROVIDER_LOG))
    assert len(cut) > 5 and all(unit.seek_point is not None for unit in cut)
    assert [unit.byte_range[0] for unit in cut] == [unit.seek_point.text for unit in cut]  # type: ignore[index,union-attr]
    bounds = [unit.byte_range for unit in cut]
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)  # type: ignore[index]
    assert all(a[1] == b[0] for a, b in zip(bounds, bounds[1:]))  # type: ignore[index]
    quiet = plan_units([str(path)], Discovery(), RANGE, workers=2, cutting=Cutting(2, lambda target: QUIET_LOG))
    assert [unit.byte_range for unit in quiet] == [None]
    unmeasured = plan_units([str(path)], Discovery(), RANGE, workers=2, cutting=Cutting(2, lambda target: None))
    assert [unit.byte_range for unit in unmeasured] == [None]


def test_a_file_that_the_other_files_outweigh_is_not_cut(logged, tmp_path: Path) -> None:
    """A nightly folder of rotated logs keeps every worker busy with whole files: a big
    single-member gzip file is cut only when it is more than a worker's share of the scan."""
    path, text, _tokens = logged
    packed = path.read_bytes()
    (tmp_path / "access.log.1.gz").write_bytes(packed)
    for index in range(3):
        (tmp_path / f"app.log.{index}").write_bytes(text[: len(packed)])  # as big on disk as the .gz
    units = plan_units([str(tmp_path)], Discovery(), RANGE, workers=2, cutting=Cutting(2, lambda target: PROVIDER_LOG))
    assert [unit.byte_range for unit in units if unit.target.display.endswith(".gz")] == [None]
    assert any(unit.byte_range for unit in units)  # the plain logs are cut: the plan did split


@pytest.mark.parametrize("spread", [{"jobs": 2}, {"scheduler": "local:2"}], ids=["processes", "dask"])
def test_pieces_give_the_report_of_one_unit(logged, spread: dict) -> None:
    path, text, tokens = logged
    cuts = [unit.seek_point.text for unit in plan_units([str(path)], Discovery(), RANGE, workers=2,  # type: ignore[union-attr]
                                                        cutting=Cutting(2, lambda target: PROVIDER_LOG))][1:]
    # Keys right at the cuts: a cut inside a token, and cuts inside a line longer than a piece.
    token_spans = [match.span(1) for match in re.finditer(rb"api_token=(\w+)", text)]
    assert any(start < cut < end for cut in cuts for start, end in token_spans)
    assert any(b"\n" not in text[cut - 100_000 : cut + 100_000] for cut in cuts)
    whole = run_scan(str(path), range_bytes=RANGE, jobs=1)
    cut = run_scan(str(path), range_bytes=RANGE, gzip_costs=lambda target: PROVIDER_LOG, **spread)
    assert whole.errors == [] and cut.errors == []
    assert spans(cut) == spans(whole) == expected_spans(text, tokens)
    assert (cut.files_scanned, cut.bytes_scanned) == (whole.files_scanned, whole.bytes_scanned) == (1, len(text))


@pytest.mark.parametrize("spoil", [
    lambda packed: packed[: len(packed) * 2 // 3],
    lambda packed: packed[:-8] + b"\0\0\0\0" + packed[-4:],
], ids=["truncated", "bad-crc"])
def test_a_damaged_file_reports_what_one_unit_reports(logged, tmp_path: Path, spoil) -> None:
    path, _text, _tokens = logged
    damaged = tmp_path / "access.log.2.gz"
    damaged.write_bytes(spoil(path.read_bytes()))
    planned = plan_units([str(damaged)], Discovery(), RANGE, workers=2, cutting=Cutting(2, lambda target: PROVIDER_LOG))
    assert [unit.byte_range for unit in planned] == [None]  # it cannot be indexed: read whole
    whole = run_scan(str(damaged), range_bytes=RANGE, jobs=1)
    cut = run_scan(str(damaged), range_bytes=RANGE, jobs=2, gzip_costs=lambda target: PROVIDER_LOG)
    assert [(e.path, e.message) for e in cut.errors] == [(e.path, e.message) for e in whole.errors]
    assert len(cut.errors) == 1 and "scanned up to the damage" in cut.errors[0].message
    assert spans(cut) == spans(whole) and cut.findings


def test_a_piece_of_a_file_damaged_after_the_plan_asks_for_the_file_whole(logged, tmp_path: Path) -> None:
    path, _text, _tokens = logged
    changing = tmp_path / "access.log.3.gz"
    changing.write_bytes(path.read_bytes())
    units = plan_units([str(changing)], Discovery(), RANGE, workers=2, cutting=Cutting(2, lambda target: PROVIDER_LOG))
    data = bytearray(changing.read_bytes())
    middle = units[len(units) // 2].seek_point.compressed  # type: ignore[union-attr]
    data[middle : middle + 64] = bytes(64)
    changing.write_bytes(data)
    scanner = ScannerSpec().build()
    tallies = [scanner.scan(unit) for unit in units]
    assert any(tally.rescan_whole for tally in tallies)
    assert all(tally.errors == [] for tally in tallies)  # the whole file's scan reports it, once


def test_with_state_a_single_member_file_is_one_unit_and_is_not_scanned_twice(logged, tmp_path: Path) -> None:
    """--state reads a file whole from where it stopped: the file is not cut even when cutting
    would pay, and the next run finds it unchanged."""
    path, text, tokens = logged
    config = Config(targets=(str(path),), jobs=2, state=tmp_path / "state.db", no_dedupe=True)
    results = []
    for _run in range(2):
        with Session(config, range_bytes=RANGE, gzip_costs=lambda target: PROVIDER_LOG) as session:
            results.append(session.run())
            session.commit()  # as the command line does once the report is out
    first, again = results
    assert spans(first) == expected_spans(text, tokens) and first.errors == []
    assert again.findings == [] and again.counts.statistics["files_unchanged"] == 1
