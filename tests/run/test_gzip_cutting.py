"""One big single-member gzip file over several processes: cut when the scan costs enough more
than decoding — each piece decoding from the start on a few workers, at seek points of an index
on many — and then the report of one unit — lines, columns, counts — locally and on Dask; a file
that cannot be indexed, or a piece that cannot be read alone, gives what reading it whole gives."""

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
from keyaudit.run.gzip_cutting import FROM_START_PIECES, PROBE_BYTES, Costs, Cutting, from_start, measured, way_to_cut
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
    assert way_to_cut(PROVIDER_LOG, workers=2) == "from start" and way_to_cut(QUIET_LOG, workers=2) is None
    assert way_to_cut(PROVIDER_LOG, workers=64) == "indexed"  # decoding from the start 64 times costs more
    assert way_to_cut(QUIET_LOG, workers=64) is None  # many cores cannot pay for a decode the scan does not outweigh
    middling = Costs(decode=1e-9, scan=2.5e-9)  # too little for two workers, enough for four
    assert way_to_cut(middling, workers=2) is None and way_to_cut(middling, workers=4) == "from start"


@pytest.mark.parametrize("pieces", [2, 3, FROM_START_PIECES])
@pytest.mark.parametrize("costs", [PROVIDER_LOG, QUIET_LOG, Costs(decode=1e-9, scan=2.5e-9)])
def test_pieces_from_the_start_are_given_what_finishes_them_at_once(costs: Costs, pieces: int) -> None:
    reached = from_start(costs, pieces)
    starts, ends = reached[:-1], reached[1:]
    times = [costs.decode * start + (costs.scan + costs.decode) * (end - start) for start, end in zip(starts, ends)]
    assert reached == sorted(reached) and max(times) == pytest.approx(min(times))
    shares = [end - start for start, end in zip(starts, ends)]
    assert shares == sorted(shares, reverse=True)  # a later piece decodes more text it drops: it scans less


def test_the_costs_are_measured_on_the_files_first_text(logged) -> None:
    path, text, _tokens = logged
    probed: list[tuple[str, bytes]] = []
    costs = measured(Target("logs/access.log.1.gz", path), lambda display, head: probed.append((display, head)))
    assert costs is not None and costs.decode > 0 and costs.scan >= 0
    assert {display for display, _ in probed} == {"logs/access.log.1.gz"}
    head = probed[-1][1]  # the text timed (after a little of it, untimed, for what a first scan loads)
    assert 0 < len(head) <= PROBE_BYTES and text.startswith(head)


def test_the_plan_cuts_only_when_it_pays(logged) -> None:
    path, text, _tokens = logged
    from_start = plan_units([str(path)], Discovery(), RANGE, workers=2, cutting=Cutting(2, lambda target: PROVIDER_LOG))
    (first, cut), (cut_again, end) = [unit.byte_range for unit in from_start]  # type: ignore[misc]
    assert first == 0 and cut == cut_again and end == len(text)
    assert len(text) // 2 < cut < len(text) * 0.55  # the second piece decodes the first's text too: it scans less
    assert all(unit.seek_point is not None and unit.seek_point.compressed == 0 for unit in from_start)
    assert [unit.to_end for unit in from_start] == [False, True]
    quiet = plan_units([str(path)], Discovery(), RANGE, workers=2, cutting=Cutting(2, lambda target: QUIET_LOG))
    assert [unit.byte_range for unit in quiet] == [None]
    unmeasured = plan_units([str(path)], Discovery(), RANGE, workers=2, cutting=Cutting(2, lambda target: None))
    assert [unit.byte_range for unit in unmeasured] == [None]


def test_on_many_workers_the_plan_cuts_at_seek_points(logged) -> None:
    path, text, _tokens = logged
    workers = FROM_START_PIECES + 1
    cut = plan_units([str(path)], Discovery(), RANGE, workers=workers,
                     cutting=Cutting(workers, lambda target: PROVIDER_LOG))
    assert len(cut) > 5 and all(unit.seek_point is not None for unit in cut)
    assert [unit.byte_range[0] for unit in cut] == [unit.seek_point.text for unit in cut]  # type: ignore[index,union-attr]
    bounds = [unit.byte_range for unit in cut]
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)  # type: ignore[index]
    assert all(a[1] == b[0] for a, b in zip(bounds, bounds[1:]))  # type: ignore[index]


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


@pytest.mark.parametrize("spread", [{"jobs": 2}, {"jobs": FROM_START_PIECES + 1}, {"scheduler": "local:2"}],
                         ids=["from-start", "indexed", "dask"])
def test_pieces_give_the_report_of_one_unit(logged, spread: dict) -> None:
    path, text, tokens = logged
    workers = spread.get("jobs", FROM_START_PIECES + 1)  # a cluster of a small file: as many pieces as it makes
    cuts = [unit.byte_range[0] for unit in plan_units([str(path)], Discovery(), RANGE, workers=workers,  # type: ignore[index]
                                                      cutting=Cutting(workers, lambda target: PROVIDER_LOG))][1:]
    assert all(text[cut - 1] != ord("\n") for cut in cuts[:1])  # the first cut inside a line
    if len(cuts) > 2:  # keys right at the cuts: a cut inside a token, and cuts inside a line longer than a piece
        token_spans = [match.span(1) for match in re.finditer(rb"api_token=(\w+)", text)]
        assert any(start < cut < end for cut in cuts for start, end in token_spans)
        assert any(b"\n" not in text[cut - 100_000 : cut + 100_000] for cut in cuts)
    whole = run_scan(str(path), range_bytes=RANGE, jobs=1)
    cut = run_scan(str(path), range_bytes=RANGE, gzip_costs=lambda target: PROVIDER_LOG, **spread)
    assert whole.errors == [] and cut.errors == []
    assert spans(cut) == spans(whole) == expected_spans(text, tokens)
    assert (cut.files_scanned, cut.bytes_scanned) == (whole.files_scanned, whole.bytes_scanned) == (1, len(text))


@pytest.mark.parametrize("spoil", [
    lambda packed: packed[: len(packed) * 5 // 6],
    lambda packed: packed[:-8] + b"\0\0\0\0" + packed[-4:],
], ids=["truncated", "bad-crc"])
@pytest.mark.parametrize("jobs", [2, FROM_START_PIECES + 1], ids=["from-start", "indexed"])
def test_a_damaged_file_reports_what_one_unit_reports(logged, tmp_path: Path, spoil, jobs: int) -> None:
    """Indexed, a damaged file is found out by the plan and read whole; cut from the start, by
    the pieces, which ask for it whole."""
    path, _text, _tokens = logged
    damaged = tmp_path / "access.log.2.gz"
    damaged.write_bytes(spoil(path.read_bytes()))
    planned = plan_units([str(damaged)], Discovery(), RANGE, workers=jobs, cutting=Cutting(jobs, lambda target: PROVIDER_LOG))
    assert jobs <= FROM_START_PIECES or [unit.byte_range for unit in planned] == [None]
    whole = run_scan(str(damaged), range_bytes=RANGE, jobs=1)
    cut = run_scan(str(damaged), range_bytes=RANGE, jobs=jobs, gzip_costs=lambda target: PROVIDER_LOG)
    assert [(e.path, e.message) for e in cut.errors] == [(e.path, e.message) for e in whole.errors]
    assert len(cut.errors) == 1 and "scanned up to the damage" in cut.errors[0].message
    assert spans(cut) == spans(whole) and cut.findings


@pytest.mark.parametrize("jobs", [2, FROM_START_PIECES + 1], ids=["from-start", "indexed"])
def test_a_piece_of_a_file_damaged_after_the_plan_asks_for_the_file_whole(logged, tmp_path: Path, jobs: int) -> None:
    path, _text, _tokens = logged
    changing = tmp_path / "access.log.3.gz"
    changing.write_bytes(path.read_bytes())
    units = plan_units([str(changing)], Discovery(), RANGE, workers=jobs, cutting=Cutting(jobs, lambda target: PROVIDER_LOG))
    assert len(units) > 1
    data = bytearray(changing.read_bytes())
    middle = len(data) // 2
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
