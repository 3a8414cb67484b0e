"""One big HAR capture over several processes: shares of its entries give exactly the report of
one unit — findings with their lines, columns, pointers and entries, errors, counts — and a capture
a share cannot read as HAR alone (damage, not a HAR after all) is read whole, as one unit reads it."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest

import keyaudit.run.executors.forked
import keyaudit.run.session
from helpers.credentials import asaas_key, basic, iugu_token
from helpers.har import capture_text, entry, entry_text, har
from helpers.running import run_scan, scan_json
from helpers.secrecy import absent
from keyaudit.model.result import ScanResult
from keyaudit.rulebook.loader import load_rules
from keyaudit.run.unit_scanner import UnitScanner
from keyaudit.run.units import plan_units
from keyaudit.sources.targets import Discovery

SHARE = 20_000  # bytes a share is planned at, so that a test capture of ~100 KB is shared


@pytest.fixture(autouse=True)
def _real_pool(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(keyaudit.run.executors.forked, "SERIAL_BELOW_BYTES", 0)  # processes, even for 100 KB


def entries() -> list[dict]:
    """Page loads between provider calls: keys in headers, URLs and bodies, transfers signed and
    not, multibyte text before the keys, so that places in characters and bytes differ."""
    out = []
    for index in range(60):
        note = {"x-note": "ünïcødé " * (index % 5)}
        if index % 7 == 3:
            out.append(entry("POST", "http://api.iugu.com/v1/transfers", {**note, "Authorization": f"Basic {basic(iugu_token())}"},
                             json.dumps({"receiver_id": "r", "amount_cents": 100 + index})))
        elif index % 7 == 5:
            out.append(entry("GET", f"https://api.asaas.com/v3/payments/{index}", {**note, "access_token": asaas_key()}))
        else:
            out.append(entry("GET", f"https://shop.example/é/{index}", note, response_text="<p>olá</p>" * 120))
    return out


def reports(path: Path, jobs: int) -> ScanResult:
    return run_scan(str(path), range_bytes=SHARE, jobs=jobs)


def same_report(shared: ScanResult, whole: ScanResult) -> None:
    assert [(f.rule_id, f.location, f.context.get("har_entry")) for f in shared.findings] == \
        [(f.rule_id, f.location, f.context.get("har_entry")) for f in whole.findings]
    assert shared.findings == whole.findings
    assert [(e.path, e.message) for e in shared.errors] == [(e.path, e.message) for e in whole.errors]
    assert (shared.counts.files_scanned, shared.counts.bytes_scanned) == \
        (whole.counts.files_scanned, whole.counts.bytes_scanned)


def test_a_big_capture_is_planned_in_shares_that_cover_it_once_later_ones_smaller(tmp_path: Path) -> None:
    capture = tmp_path / "capture.har"
    capture.write_text(json.dumps(har(entries()), indent=2, ensure_ascii=False), encoding="utf-8")
    size = capture.stat().st_size
    assert 3 * SHARE < size < 5 * SHARE
    for workers in (2, 3, 5):  # a share of SHARE bytes or more each: 5 workers get fewer
        units = plan_units([str(capture)], Discovery(), SHARE, workers=workers)
        shares = [unit.share for unit in units]
        assert len(units) == min(workers, size // SHARE) and all(unit.byte_range is None for unit in units)
        assert shares[0][0] == 0 and shares[-1][1] == size  # type: ignore[index]
        assert all(before[1] == after[0] for before, after in zip(shares, shares[1:]))  # type: ignore[index]
        lengths = [end - start for start, end in shares]  # type: ignore[misc]
        assert lengths == sorted(lengths, reverse=True) and lengths[-1] < lengths[0]
        assert [unit.first for unit in units] == [True] + [False] * (len(units) - 1)
    assert [unit.share for unit in plan_units([str(capture)], Discovery(), SHARE, workers=1)] == [None]
    assert [unit.share for unit in plan_units([str(capture)], Discovery(), SHARE, workers=2, split=False)] == [None]
    packed = tmp_path / "packed" / "capture.har.gz"
    packed.parent.mkdir()
    packed.write_bytes(gzip.compress(capture.read_bytes()))
    assert [unit.share for unit in plan_units([str(packed)], Discovery(), SHARE, workers=2)] == [None]


def test_a_capture_is_shared_only_where_the_other_files_would_leave_cores_idle(tmp_path: Path) -> None:
    """Every share parses the capture again: beside a bigger log, which keeps a core busy for
    longer, the capture stays one unit; beside a small one it is shared, in as many shares as it
    is workers' shares of the scan."""
    capture = tmp_path / "a-capture.har"
    capture.write_text(json.dumps(har(entries()), indent=2, ensure_ascii=False), encoding="utf-8")
    size = capture.stat().st_size
    log = tmp_path / "b-app.log"
    for log_size, workers, shares in ((2 * size, 2, 1), (size // 10, 2, 2), (size // 2, 4, 3)):
        log.write_bytes(b"2026-11-30 05:00:00 INFO worker done\n" * (log_size // 37))
        units = plan_units([str(tmp_path)], Discovery(), SHARE, workers=workers)
        shared = [unit.share for unit in units if unit.target.display == str(capture)]
        assert len(shared) == shares and (shared == [None]) == (shares == 1)
        assert units[len(shared)].target.display == str(log)


def test_shares_in_processes_report_what_one_unit_reports(tmp_path: Path) -> None:
    capture = tmp_path / "capture.har"
    capture.write_text(json.dumps(har(entries()), indent=2, ensure_ascii=False), encoding="utf-8")
    whole, shared = reports(capture, 1), reports(capture, 3)
    rules = {f.rule_id for f in whole.findings}
    assert {"asaas-api-key", "iugu-unsigned-transfer", "credential-over-plaintext-http"} <= rules
    assert sorted({f.context["har_entry"] for f in whole.findings if f.rule_id == "asaas-api-key"}) == \
        [index for index in range(60) if index % 7 == 5]
    same_report(shared, whole)


def test_a_capture_that_grew_after_the_plan_is_read_to_its_end_by_its_last_share(tmp_path: Path) -> None:
    """A browser still recording: the shares planned for the capture's old length read every entry
    of the longer one, each entry once, and count every byte."""
    capture = tmp_path / "recording.har"
    recorded = entries()
    capture.write_text(json.dumps(har(recorded), indent=2), encoding="utf-8")
    units = plan_units([str(capture)], Discovery(), SHARE, workers=3)
    assert len(units) == 3 and [unit.to_end for unit in units] == [False, False, True]
    grown = recorded + [entry("GET", f"https://api.asaas.com/v3/payments/late{index}", {"access_token": asaas_key()})
                        for index in range(5)]
    capture.write_text(json.dumps(har(grown), indent=2), encoding="utf-8")
    scanner = UnitScanner(load_rules())
    tallies = [scanner.scan(unit) for unit in units]
    found = [f.context["har_entry"] for tally in tallies for f in tally.findings if f.rule_id == "asaas-api-key"]
    assert found == [index for index in range(len(grown)) if index % 7 == 5 or index >= len(recorded)]
    assert sum(tally.counts.bytes_scanned for tally in tallies) == capture.stat().st_size


def test_where_processes_cannot_be_forked_a_capture_is_read_whole(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """On Windows every unit runs in the scanning process in turn: shares would each parse the
    capture again for nothing, so the plan makes none, whatever --jobs says."""
    capture = tmp_path / "capture.har"
    capture.write_text(json.dumps(har(entries()), indent=2), encoding="utf-8")
    shared = reports(capture, 3)
    planned: list[list] = []
    real_plan = keyaudit.run.session.plan_units

    def recording_plan(*args, **kwargs):  # the plan the session makes, kept to be looked at
        planned.append(real_plan(*args, **kwargs))
        return planned[-1]

    monkeypatch.setattr(keyaudit.run.session, "plan_units", recording_plan)
    monkeypatch.delattr(os, "fork")
    whole = reports(capture, 3)
    assert [unit.share for unit in planned[0]] == [None]
    same_report(whole, shared)


def _damaged_entries(text: str) -> str:
    """Two entries that are not JSON, a third and two thirds into the capture (two shares), a
    token in each: one error line names both, as one unit writes it."""
    lines = text.split("\n")
    for line in (len(lines) // 3, len(lines) * 2 // 3):
        lines[line] = lines[line][:-2] + f', "x": tru, "t": "?api_token={iugu_token()}"}},'
    return "\n".join(lines)


def _cut_short(text: str) -> str:
    return text[: len(text) * 3 // 4]


def _no_entries(text: str) -> str:
    return text.replace('"entries"', '"items"', 1)


def _not_json(text: str) -> str:
    return "GET https://api.iugu.com/v1/transfers?api_token=" + iugu_token() + "\n" + text


@pytest.mark.parametrize("damage", [_damaged_entries, _cut_short, _no_entries, _not_json])
def test_a_capture_a_share_cannot_read_alone_is_read_whole_as_one_unit_reads_it(damage, tmp_path: Path) -> None:
    texts = [entry_text("GET", f"https://api.iugu.com/v1/invoices?api_token={iugu_token()}",
                        {"x-note": "é" * index}) if index % 4 == 1 else
             entry_text("GET", f"https://shop.example/{index}", {"x-pad": "p" * 900}) for index in range(120)]
    capture = tmp_path / "damaged.har"
    capture.write_text(damage(capture_text(texts)), encoding="utf-8")
    assert len(plan_units([str(capture)], Discovery(), SHARE, workers=3)) == 3
    whole, shared = reports(capture, 1), reports(capture, 3)
    assert whole.findings and len(whole.errors) == 1
    same_report(shared, whole)


def test_the_cli_with_two_jobs_gives_the_report_of_one(tmp_path: Path) -> None:
    """Through the command line, as a user runs it: a capture over the size a share is planned at
    (8 MiB), scanned with two processes, gives the one-process report, and no secret."""
    records = entries() * 3
    for index, record in enumerate(records):
        if index % 7 not in (3, 5):
            record["response"]["content"]["text"] = f"<p>{index}</p>" + "x" * 130_000
    capture = tmp_path / "big.har"
    capture.write_text(json.dumps(har(records), indent=2, ensure_ascii=False), encoding="utf-8")
    assert capture.stat().st_size > 2 * (8 << 20)
    (one, run_one), (two, run_two) = scan_json(str(capture), "--jobs", "1"), scan_json(str(capture), "--jobs", "2")
    assert one["findings"] and one["findings"] == two["findings"] and one["errors"] == two["errors"] == []
    assert one["scan"]["bytes_scanned"] == two["scan"]["bytes_scanned"] == capture.stat().st_size
    keys = [header["value"] for record in records for header in record["request"]["headers"]
            if header["name"] == "access_token"]
    assert all(absent(key, run_two.stdout, run_two.stderr) for key in keys), "a key leaked"
