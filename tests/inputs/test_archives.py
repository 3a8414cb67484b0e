"""Log archives: each member of a zip or tar (plain, or in gzip/bz2/xz) is scanned as a file of its
own, named ``<archive>!<member>``, with exact lines; damage, nesting, encryption and --state are
handled; member work units give the same report for any --jobs, locally and from a store.

Archives are built here with tarfile and zipfile from generated secrets; expected places are
computed from the member's own text, never taken from the scanner.
"""

from __future__ import annotations

import gzip
import io
import json
import lzma
import re
import tarfile
import uuid
import zipfile
from pathlib import Path

import fsspec
import pytest
from jsonschema import Draft4Validator, Draft202012Validator

from helpers.archives import tar_bytes, zip_bytes
from helpers.credentials import IUGU_LEAD, iugu_line, iugu_token
from helpers.data import SARIF_SCHEMA_PATH, load_schema
from helpers.packing import LZ4_INSTALLED, lz4_frames, zstd_frames
from helpers.running import cli, proc, scan_json, run_scan
from helpers.secrecy import assert_none_leaked, scrub
from keyaudit.run.units import plan_units
from keyaudit.rulebook.loader import load_rules
from keyaudit.run.unit_scanner import UnitScanner
from keyaudit.sources.targets import Discovery


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run from an empty folder: no configuration file of the repository applies."""
    monkeypatch.chdir(tmp_path)


def log_with(token: str, before: int = 2) -> bytes:
    """A log whose line ``before + 1`` leaks ``token``."""
    return "".join(f"2026-11-25 10:00:0{i} INFO ok\n" for i in range(before)).encode() + \
        (iugu_line(token) + "\n").encode()


def har_leaking(token: str) -> bytes:
    """A one-entry HAR capture whose request URL carries ``token``."""
    entry = {"startedDateTime": "2026-11-25T10:00:00.000-03:00", "time": 1,
             "request": {"method": "GET", "url": f"https://api.iugu.com/v1/invoices?api_token={token}",
                         "httpVersion": "HTTP/1.1", "cookies": [], "headers": [],
                         "queryString": [{"name": "api_token", "value": token}], "headersSize": -1, "bodySize": 0},
             "response": {"status": 200, "statusText": "OK", "httpVersion": "HTTP/1.1", "cookies": [], "headers": [],
                          "content": {"size": 0, "mimeType": "application/json"}, "redirectURL": "",
                          "headersSize": -1, "bodySize": 0},
             "cache": {}, "timings": {"send": 0, "wait": 1, "receive": 0}}
    return json.dumps({"log": {"version": "1.2", "creator": {"name": "test", "version": "1"},
                               "entries": [entry]}}, indent=2).encode()


def places(report: dict) -> list[tuple[str, int]]:
    return sorted((f["location"]["path"], f["location"]["line"]) for f in report["findings"])


ARCHIVES = {
    "logs.zip": lambda m: zip_bytes(m),
    "logs.tar": lambda m: tar_bytes(m),
    "2026-11-25.tar.gz": lambda m: tar_bytes(m, "gz"),
    "logs.tar.bz2": lambda m: tar_bytes(m, "bz2"),
    "logs-archive": lambda m: lzma.compress(tar_bytes(m)),  # tar in xz, no telling name
    "logs.tar.zst": lambda m: zstd_frames(tar_bytes(m)),
    "logs.tar.lz4": lambda m: lz4_frames(tar_bytes(m)),
}
NEEDS = {"logs.tar.lz4": pytest.mark.skipif(not LZ4_INSTALLED, reason="lz4 is an extra: pip install 'keyaudit[lz4]'")}


@pytest.mark.parametrize("name", [pytest.param(name, marks=NEEDS.get(name, ())) for name in ARCHIVES])
def test_each_member_is_scanned_as_a_file_with_exact_lines(tmp_path: Path, name: str) -> None:
    first, second = iugu_token(), iugu_token()
    members = {"var/log/app.log": log_with(first, 4), "var/log/other.log": log_with(second, 0),
               "var/log/quiet.log": b"nothing here\n"}
    (tmp_path / name).write_bytes(ARCHIVES[name](members))
    report, run = scan_json(name)
    assert run.exit_code == 1 and report["errors"] == []
    assert places(report) == [(f"{name}!var/log/app.log", 5), (f"{name}!var/log/other.log", 1)]
    assert report["scan"]["files_scanned"] == 3 and report["scan"]["skipped"] == {}
    assert report["scan"]["bytes_scanned"] == sum(map(len, members.values()))
    assert {f["location"]["column"] for f in report["findings"]} == {len(IUGU_LEAD) + 1}
    validator = Draft202012Validator(load_schema())
    assert not list(validator.iter_errors(report))


def test_compressed_members_har_members_and_binary_members(tmp_path: Path) -> None:
    gz_token, har = iugu_token(), har_leaking(iugu_token())
    (tmp_path / "bundle.zip").write_bytes(zip_bytes({
        "app.log.1.gz": gzip.compress(log_with(gz_token, 1)),  # compression sniffed, whatever the name
        "captures/session.har": har,
        "lib/native.so": bytes(range(256)) * 64,
    }))
    (tmp_path / "session.har").write_bytes(har)  # the same capture on disk, to compare with
    report, _ = scan_json("bundle.zip", "session.har", "--no-dedupe")
    assert ("bundle.zip!app.log.1.gz", 2) in places(report)
    in_zip = sorted((f["rule_id"], f["location"]["line"], f["location"]["pointer"]) for f in report["findings"]
                    if f["location"]["path"] == "bundle.zip!captures/session.har")
    on_disk = sorted((f["rule_id"], f["location"]["line"], f["location"]["pointer"]) for f in report["findings"]
                     if f["location"]["path"] == "session.har")
    assert in_zip == on_disk and in_zip and all(pointer for _, _, pointer in in_zip)  # judged as HAR
    assert report["scan"]["skipped"] == {} and report["scan"]["requests"]["binary_files_read_as_strings"] == 1


def test_nested_archives_are_read_one_level_deep_and_the_rest_is_an_error(tmp_path: Path) -> None:
    inner_token, deep_token = iugu_token(), iugu_token()
    deepest = zip_bytes({"deep.log": log_with(deep_token)})
    inner = zip_bytes({"inner.log": log_with(inner_token), "deeper.zip": deepest})
    (tmp_path / "outer.tar.gz").write_bytes(tar_bytes({"bundle.zip": inner}, "gz"))
    (tmp_path / "outer.tar").write_bytes(tar_bytes({"bundle.zip": inner}))
    report, _ = scan_json("outer.tar.gz", "outer.tar", "--no-dedupe")
    assert places(report) == [("outer.tar!bundle.zip!inner.log", 3), ("outer.tar.gz!bundle.zip!inner.log", 3)]
    # past the bound on nesting: an error naming the member and the bound, never a count among the skipped
    assert report["scan"]["skipped"] == {}
    assert sorted((error["path"], "opened 2 deep at most" in error["message"]) for error in report["errors"]) == [
        ("outer.tar!bundle.zip!deeper.zip", True), ("outer.tar.gz!bundle.zip!deeper.zip", True)]


def test_member_names_are_only_names(tmp_path: Path) -> None:
    token = iugu_token()
    (tmp_path / "scan").mkdir()
    (tmp_path / "scan" / "evil.tar").write_bytes(tar_bytes({"../../escaped.log": log_with(token),
                                                            "/etc/absolute.log": log_with(token)}))
    before = sorted(p.name for p in tmp_path.rglob("*"))
    report, _ = scan_json("scan", "--no-dedupe")
    assert places(report) == [("scan/evil.tar!../../escaped.log", 3), ("scan/evil.tar!/etc/absolute.log", 3)]
    assert sorted(p.name for p in tmp_path.rglob("*")) == before  # nothing was written anywhere


def test_encrypted_links_and_folders_in_archives(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("secret.log", b"\x00" * 64)
        archive.writestr("folder/", b"")
        archive.writestr("ok.log", b"fine\n")
    data = bytearray(buffer.getvalue())
    for header, flags_at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):  # the first member, marked encrypted
        data[data.index(header) + flags_at] |= 0x1  # as an encrypting zip tool marks it (zipfile cannot write one)
    (tmp_path / "locked.zip").write_bytes(bytes(data))
    tar_buffer = io.BytesIO()
    with tarfile.open(fileobj=tar_buffer, mode="w") as archive:
        link = tarfile.TarInfo("current.log")
        link.type, link.linkname = tarfile.SYMTYPE, "app.log"
        archive.addfile(link)
    (tmp_path / "links.tar").write_bytes(tar_buffer.getvalue())
    report, _ = scan_json("locked.zip", "links.tar")
    assert report["scan"]["skipped"] == {"encrypted": 1, "symlink": 1}
    assert report["scan"]["files_scanned"] == 1 and report["errors"] == []


def test_a_truncated_tar_gz_reports_the_damage_and_keeps_what_came_before(tmp_path: Path) -> None:
    early, late, other = iugu_token(), iugu_token(), iugu_token()
    filler = uuid.uuid4().hex.encode() * 20_000  # incompressible enough to cut in the middle
    tar = tar_bytes({"a.log": log_with(early), "b.log": filler + b"\n" + log_with(late)})
    packed = gzip.compress(tar)
    (tmp_path / "broken.tar.gz").write_bytes(packed[: len(packed) * 2 // 3])
    (tmp_path / "next.log").write_bytes(log_with(other))
    report, run = scan_json("broken.tar.gz", "next.log")
    assert places(report) == [("broken.tar.gz!a.log", 3), ("next.log", 3)]
    assert [e["path"] for e in report["errors"]] == ["broken.tar.gz"]
    error_lines = [line for line in run.stderr.splitlines() if "broken.tar.gz" in line]
    assert len(error_lines) == 1 and "Traceback" not in run.stderr, scrub(run.stderr)


def one_error_naming(run_stderr: str, path: str, problem: str) -> bool:
    lines = [line for line in run_stderr.splitlines() if line.startswith(f"keyaudit: error: {path}")]
    return len(lines) == 1 and problem in lines[0]


@pytest.mark.parametrize("short_by", [1, 4, 8])
def test_a_tgz_short_by_a_few_bytes_gives_every_member_as_tar_does(tmp_path: Path, short_by: int) -> None:
    first, last = iugu_token(), iugu_token()
    filler = uuid.uuid4().hex.encode() * 5000
    packed = tar_bytes({"a.log": log_with(first), "b.log": filler + b"\n" + log_with(last)}, "gz")
    (tmp_path / "rotated.tgz").write_bytes(packed[:-short_by])  # the gzip trailer, or part of it, is missing
    report, run = scan_json("rotated.tgz")
    assert places(report) == [("rotated.tgz!a.log", 3), ("rotated.tgz!b.log", 4)]
    assert [e["path"] for e in report["errors"]] == ["rotated.tgz"]
    assert one_error_naming(run.stderr, "rotated.tgz", "cut short"), scrub(run.stderr)


@pytest.mark.parametrize("compression", ["gz", ""], ids=["tgz", "tar"])
def test_the_readable_part_of_the_member_a_tar_is_cut_in_is_scanned(tmp_path: Path, compression: str) -> None:
    first, early, late = iugu_token(), iugu_token(), iugu_token()
    filler = b"".join(b"%d %s\n" % (n, uuid.uuid4().hex.encode()) for n in range(20_000))
    archive = tar_bytes({"a.log": log_with(first), "b.log": log_with(early, before=5) + filler + log_with(late)},
                        compression)
    (tmp_path / "cut.tar.x").write_bytes(archive[: len(archive) // 2])  # cut in b.log's filler
    report, run = scan_json("cut.tar.x")
    assert places(report) == [("cut.tar.x!a.log", 3), ("cut.tar.x!b.log", 6)]  # early's line is b.log's 6th
    assert [e["path"] for e in report["errors"]] == ["cut.tar.x"]
    assert one_error_naming(run.stderr, "cut.tar.x", "scanned up to the damage"), scrub(run.stderr)


def test_junk_after_an_intact_tgz_is_named(tmp_path: Path) -> None:
    token = iugu_token()
    (tmp_path / "logs.tgz").write_bytes(tar_bytes({"a.log": log_with(token)}, "gz") + b"\x07junk after a crash")
    report, run = scan_json("logs.tgz")
    assert places(report) == [("logs.tgz!a.log", 3)]
    assert one_error_naming(run.stderr, "logs.tgz", "trailing garbage"), scrub(run.stderr)


def test_a_damaged_zip_member_or_directory_is_one_error_and_the_scan_goes_on(tmp_path: Path) -> None:
    early, damaged, other = iugu_token(), iugu_token(), iugu_token()
    data = bytearray(zip_bytes({"a.log": log_with(early), "b.log": log_with(damaged) + uuid.uuid4().bytes * 500}))
    start = data.index(b"b.log") + len(b"b.log") + 40  # inside b.log's deflated data
    data[start : start + 16] = b"\xff" * 16
    (tmp_path / "bad-member.zip").write_bytes(bytes(data))
    whole = zip_bytes({"c.log": log_with(other)})
    (tmp_path / "cut.zip").write_bytes(whole[: len(whole) - 30])  # the central directory is cut off
    report, run = scan_json("bad-member.zip", "cut.zip")
    assert ("bad-member.zip!a.log", 3) in places(report)
    assert sorted(e["path"] for e in report["errors"]) == ["bad-member.zip!b.log", "cut.zip"]
    assert all(e["message"] for e in report["errors"]) and "Traceback" not in run.stderr, scrub(run.stderr)


def test_a_zip_directory_zipfile_cannot_list_or_a_header_it_quotes_costs_only_that_zip(tmp_path: Path) -> None:
    """A directory entry asking for a newer zip format than zipfile reads (NotImplementedError), a
    name flagged UTF-8 that is not (UnicodeDecodeError), a local header whose name length runs into
    the member's bytes (zipfile quotes them, a key among them): each is one error naming its zip,
    the other inputs' findings stand, and no error quotes the member's bytes."""
    version = bytearray(zip_bytes({"a.log": log_with(iugu_token())}))
    version[version.index(b"PK\x01\x02") + 6] = 0xE0  # version needed to extract: 22.4
    (tmp_path / "version.zip").write_bytes(bytes(version))
    flagged = bytearray(zip_bytes({"a\u00e9.log": log_with(iugu_token())}))  # zipfile flags a non-ASCII name UTF-8
    (tmp_path / "name.zip").write_bytes(bytes(flagged).replace(b"a\xc3\xa9", b"a\xff\xa9"))
    quoted_token = iugu_token()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("a.log", log_with(quoted_token))
    quoting = bytearray(buffer.getvalue())
    quoting[26:28] = (0x200).to_bytes(2, "little")  # the local header's name length: into the stored bytes
    (tmp_path / "quoting.zip").write_bytes(bytes(quoting))
    good = iugu_token()
    (tmp_path / "good.log").write_bytes(log_with(good))
    report, run = scan_json("version.zip", "name.zip", "quoting.zip", "good.log")
    assert ("good.log", 3) in places(report)
    assert sorted(e["path"] for e in report["errors"]) == ["name.zip", "quoting.zip!a.log", "version.zip"]
    assert "Traceback" not in run.stderr and "internal error" not in run.stderr, scrub(run.stderr)
    assert_none_leaked({"quoted": quoted_token}, stderr=run.stderr, errors=json.dumps(report["errors"]))


def overlapping_zip(member: bytes, entries: int) -> bytes:
    """A zip bomb's layout: one deflated member, its central directory record repeated ``entries``
    times (each pointing at the same local header)."""
    data = zip_bytes({"a.log": member})
    directory = data.index(b"PK\x01\x02")
    end = data.index(b"PK\x05\x06")
    record = data[directory:end]
    records = record * entries
    tail = bytearray(data[end:])
    tail[8:10] = tail[10:12] = entries.to_bytes(2, "little")  # entries on this disk, and in all
    tail[12:16] = len(records).to_bytes(4, "little")
    return data[:directory] + records + bytes(tail)


@pytest.mark.parametrize("split", [True, False], ids=["member-units", "state"])
def test_directory_entries_pointing_into_another_member_are_read_once(tmp_path: Path, split: bool) -> None:
    """200 entries of one member (a zip bomb's trick, 65,535 of them make 64 TiB of one 1 GiB member):
    the member is read once, the 199 others are counted as skipped, not decompressed again each."""
    token = iugu_token()
    (tmp_path / "bomb.zip").write_bytes(overlapping_zip(log_with(token) + b"\0" * (1 << 20), 200))
    report, run = scan_json("bomb.zip", *(() if split else ("--state", str(tmp_path / "state.db"))))
    assert [f["location"]["path"] for f in report["findings"]] == ["bomb.zip!a.log"]
    assert report["scan"]["skipped"] == {"overlaps another member's bytes": 199}, report["scan"]["skipped"]
    assert report["scan"]["bytes_scanned"] < 2 << 20 and report["errors"] == []


def test_member_units_give_the_same_report_for_any_jobs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import keyaudit.run.executors.forked

    monkeypatch.setattr(keyaudit.run.executors.forked, "SERIAL_BELOW_BYTES", 0)  # processes even for small input
    members = {f"app-{i}.log": log_with(iugu_token(), i) for i in range(6)}
    members["notes/readme.txt"] = b"nothing\n"
    (tmp_path / "logs.zip").write_bytes(zip_bytes(members))
    (tmp_path / "logs.tar").write_bytes(tar_bytes(members))
    (tmp_path / "logs.tgz").write_bytes(tar_bytes(members, "gz"))
    units = plan_units([str(tmp_path)], Discovery())
    assert len(units) == 2 * len(members) + 1  # a unit per member of the zip and the tar; the tgz is one
    serial, spread = run_scan(str(tmp_path), jobs=1), run_scan(str(tmp_path), jobs=2)

    def key(result):  # noqa: ANN001, ANN202
        return [(f.location.path, f.location.line, f.location.column, f.fingerprint) for f in result.findings]

    assert key(serial) == key(spread) and len(key(serial)) == 18
    assert (serial.files_scanned, serial.bytes_scanned, serial.skipped) == \
        (spread.files_scanned, spread.bytes_scanned, spread.skipped)


def test_sarif_of_archive_members_is_valid(tmp_path: Path) -> None:
    (tmp_path / "logs").mkdir()
    (tmp_path / "logs" / "2026-11-25.tar.gz").write_bytes(tar_bytes({
        "var/log/app.log": log_with(iugu_token()), "x/../../src/app.py": log_with(iugu_token()),
        "odd name #1?.log": log_with(iugu_token())}, "gz"))
    run = cli("scan", "--format", "sarif", "--jobs", "1", "logs")
    sarif = json.loads(run.stdout)
    assert not list(Draft4Validator(json.loads(SARIF_SCHEMA_PATH.read_text(encoding="utf-8"))).iter_errors(sarif))
    uris = sorted(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in sarif["runs"][0]["results"])
    # relative to the target folder (no git work tree here), the member's own name escaped
    assert uris == ["2026-11-25.tar.gz!odd%20name%20%231%3F.log", "2026-11-25.tar.gz!var/log/app.log",
                    "2026-11-25.tar.gz!x/%2E%2E/%2E%2E/src/app.py"]
    uri_reference = re.compile(r"(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/]|%[0-9A-F]{2})*")  # RFC 3986 path characters
    assert all(uri_reference.fullmatch(uri) for uri in uris)


def test_baseline_fingerprints_of_members_are_stable(tmp_path: Path) -> None:
    (tmp_path / "logs.zip").write_bytes(zip_bytes({"app.log": log_with(iugu_token())}))
    assert cli("scan", "--jobs", "1", "--write-baseline", "base.json", "logs.zip").exit_code == 0
    assert "logs.zip!app.log" in (tmp_path / "base.json").read_text()
    report, run = scan_json("--baseline", "base.json", "logs.zip")
    assert run.exit_code == 0 and report["findings"] == [] and report["scan"]["suppressed"] == {"baseline": 1}


def test_with_state_an_archive_is_scanned_once_and_again_when_replaced(tmp_path: Path) -> None:
    (tmp_path / "logs").mkdir()
    archive = tmp_path / "logs" / "old.tar.gz"
    archive.write_bytes(tar_bytes({"a.log": log_with(iugu_token()), "b.log": log_with(iugu_token(), 1)}, "gz"))

    def nightly() -> list[tuple[str, int]]:
        done = proc("scan", "--format", "jsonl", "--state", "state.db", "logs", cwd=tmp_path)
        assert done.returncode in (0, 1), scrub(done.stderr)
        return sorted((f["location"]["path"], f["location"]["line"])
                      for f in map(json.loads, done.stdout.decode().splitlines()))

    assert nightly() == [("logs/old.tar.gz!a.log", 3), ("logs/old.tar.gz!b.log", 2)]
    assert nightly() == []  # unchanged: recorded whole, not reported again
    archive.rename(tmp_path / "logs" / "renamed.tgz")
    assert nightly() == []  # known by content, not by name
    (tmp_path / "logs" / "renamed.tgz").write_bytes(tar_bytes({"c.log": log_with(iugu_token(), 5)}, "gz"))
    assert nightly() == [("logs/renamed.tgz!c.log", 6)]  # replaced: scanned whole


def test_members_of_an_archive_in_a_store() -> None:
    bucket = f"bucket-{uuid.uuid4().hex[:8]}"
    store = fsspec.filesystem("memory")
    token = iugu_token()
    store.pipe(f"/{bucket}/logs.zip", zip_bytes({"app.log": log_with(token), "b/other.log": log_with(token, 1)}))
    store.pipe(f"/{bucket}/logs.tgz", tar_bytes({"app.log": log_with(token)}, "gz"))
    try:
        report, _ = scan_json(f"memory://{bucket}/", "--no-dedupe")
    finally:
        store.rm(f"/{bucket}", recursive=True)
    assert places(report) == [(f"memory://{bucket}/logs.tgz!app.log", 3), (f"memory://{bucket}/logs.zip!app.log", 3),
                              (f"memory://{bucket}/logs.zip!b/other.log", 2)]


def test_a_zip_replaced_after_planning_is_an_error_not_another_archive_s_text(tmp_path: Path) -> None:
    (tmp_path / "logs.zip").write_bytes(zip_bytes({"a.log": b"first\n", "b.log": b"second\n"}))
    units = plan_units(["logs.zip"], Discovery())
    (tmp_path / "logs.zip").write_bytes(zip_bytes({"b.log": b"other\n" * 10, "a.log": b"x\n"}))
    tally = UnitScanner(load_rules()).scan(units[0])
    assert [(e.path, e.message.endswith("the archive changed while it was being scanned")) for e in tally.errors] \
        == [("logs.zip!a.log", True)]


def test_a_member_of_a_compressed_tar_past_the_spool_limit_is_cut_with_an_error(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import keyaudit.inputs.archives

    monkeypatch.setattr(keyaudit.inputs.archives, "MEMBER_SPOOL_LIMIT", 4096)  # a stand-in for 8 GiB
    early, late = iugu_token(), iugu_token()
    body = log_with(early) + b"filler line\n" * 1000 + log_with(late, 0)
    (tmp_path / "bomb.tar.gz").write_bytes(tar_bytes({"huge.log": body, "next.log": log_with(iugu_token())}, "gz"))
    report, _ = scan_json("bomb.tar.gz")
    assert places(report) == [("bomb.tar.gz!huge.log", 3), ("bomb.tar.gz!next.log", 3)]
    assert [e["path"] for e in report["errors"]] == ["bomb.tar.gz!huge.log"]
    assert "only its start was scanned" in report["errors"][0]["message"]
