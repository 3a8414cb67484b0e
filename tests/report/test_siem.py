"""SIEM output: log-record context, ECS events (log times, ids, references, requests, URLs),
keyed digests, occurrences, the run on every JSON Lines and ECS line; the engine cache."""

from __future__ import annotations

import hashlib
import hmac
import json
import socket
import uuid
from datetime import datetime, timedelta
from pathlib import Path

import yaml
from jsonschema import Draft202012Validator

from helpers.credentials import iugu_token
from helpers.data import REPO, load_schema
from helpers.engines import needs_hyperscan
from helpers.running import cli, run_scan, scan_json
from helpers.secrecy import assert_none_leaked
from helpers.siem import ZONE, ecs_events, har_capture, leaky_log, siem_inputs, unsigned_transfer
from keyaudit.report import reporter
from keyaudit.report.options import ReportOptions


def test_findings_in_log_records_carry_their_timestamp_and_request_id(write) -> None:
    token = iugu_token()
    lines = [
        f'10.0.0.1 - - [22/Nov/2026:10:00:01 -0300] "GET /v1/x?api_token={token} HTTP/1.1" 200 5 request_id=abc12345-9',
        json.dumps({"ts": "2026-11-22T13:00:02Z", "request_id": "r-99881", "msg": f"api_token={token}"}),
        f"2026-11-22 13:00:03,123 INFO x-request-id: ZZ99aa88 api_token={token}",
    ]
    report, _ = scan_json(str(write("app.log", "\n".join(lines) + "\n")), "--no-dedupe")
    contexts = [(f["context"]["log_timestamp"], f["context"]["request_id"]) for f in report["findings"]]
    assert contexts == [("2026-11-22T10:00:01-03:00", "abc12345-9"), ("2026-11-22T13:00:02Z", "r-99881"),
                        ("2026-11-22T13:00:03.123", "ZZ99aa88")]
    folded, _ = scan_json(str(write("app.log", "\n".join(lines) + "\n")))
    [finding] = folded["findings"]
    occurrences = finding["occurrences"]
    assert occurrences["count"] == 3 and [loc["line"] for loc in occurrences["locations"]] == [1, 2, 3]
    # 10:00:01-03:00 is 13:00:01 UTC: the earliest instant, whatever the offsets
    assert (occurrences["first_seen"], occurrences["last_seen"]) == ("2026-11-22T10:00:01-03:00", "2026-11-22T13:00:03.123")


def test_ecs_events_and_keyed_digests(write) -> None:
    token = iugu_token()
    path = write("app.log", f"GET http://api.iugu.com/v1/invoices?api_token={token}\n")
    run = cli("scan", "--format", "ecs", "--jobs", "1", "--digest-key", "correlate-me", str(path))
    events = [json.loads(line) for line in run.stdout.splitlines()]
    # the key, and the URL as a request of itself: the token over plain HTTP, and in the query string
    assert run.exit_code == 1 and sorted(e["rule"]["category"] for e in events) == ["access-token", "misuse",
                                                                                     "plaintext-http"]
    for event in events:
        assert event["event"]["kind"] == "alert" and event["observer"]["product"] == "keyaudit"
        assert event["file"]["path"] == str(path) and event["@timestamp"].endswith("Z")
        assert {"id", "name", "category"} <= set(event["rule"]) and token not in json.dumps(event)
    secret_event = next(e for e in events if e["rule"]["category"] == "access-token")
    expected = "hmac-sha256:" + hmac.new(b"correlate-me", token.encode(), hashlib.sha256).hexdigest()
    assert secret_event["keyaudit"]["secret"]["digest"] == expected
    assert secret_event["event"]["severity"] == 99 and "…" in secret_event["message"]
    plain = next(e for e in events if e["rule"]["category"] == "plaintext-http")
    assert plain["url"]["scheme"] == "http" and plain["url"]["domain"] == "api.iugu.com"



def test_ecs_takes_urls_as_logs_write_them(write) -> None:
    """A logged URL with a port no connection could use is still an event (the URL is kept in
    ``url.original``, without a port field), not an internal error that loses the report."""
    path = write("app.log", "GET http://api.iugu.com:99999/v1/invoices\nGET http://API.IUGU.COM:8080/v1/x\n")
    run = cli("scan", "--format", "ecs", "--jobs", "1", "--no-dedupe", str(path))
    assert run.exit_code == 1, run.stderr
    urls = [json.loads(line)["url"] for line in run.stdout.splitlines()]
    assert urls == [
        {"original": "http://api.iugu.com:99999/v1/invoices", "full": "http://api.iugu.com:99999/v1/invoices",
         "scheme": "http", "domain": "api.iugu.com", "path": "/v1/invoices"},
        {"original": "http://API.IUGU.COM:8080/v1/x", "full": "http://API.IUGU.COM:8080/v1/x", "scheme": "http",
         "domain": "api.iugu.com", "port": 8080, "path": "/v1/x"},
    ]


@needs_hyperscan
def test_a_corrupt_engine_cache_is_rebuilt_not_trusted(write, tmp_path: Path, monkeypatch) -> None:
    cache = tmp_path / "cache"
    monkeypatch.setenv("KEYAUDIT_CACHE_DIR", str(cache))
    path = write("a.log", f"api_token={iugu_token()}\n")
    first, _ = scan_json(str(path), "--engine", "hyperscan")
    databases = list((cache / "keyaudit").glob("hs-*.db"))
    # the rules' (a rule too long to share one in its own) and their keywords'
    assert len(databases) >= 2 and first["scan"]["engine"] == "hyperscan"
    for database in databases:
        database.write_bytes(b"not a hyperscan database")
    again, _ = scan_json(str(path), "--engine", "hyperscan")
    assert again["findings"] == first["findings"] or [f["fingerprint"] for f in again["findings"]] == \
        [f["fingerprint"] for f in first["findings"]]
    assert all(database.read_bytes() != b"not a hyperscan database" for database in databases)


def by_line(events: list[dict]) -> dict[tuple[str, int], dict]:
    """The events of secrets, by the line their finding is on."""
    return {(e["rule"]["id"], e["keyaudit"]["location"]["line"]): e for e in events}


def test_log_times_are_event_start_and_end_with_an_offset_and_an_assumed_zone_is_said(tmp_path: Path) -> None:
    log, _ = leaky_log(tmp_path)
    for extra, zone, offset in (((), "UTC", "+00:00"), (("--log-timezone", ZONE), ZONE, "-03:00")):
        events = by_line(ecs_events(*extra, str(log)))
        token = "iugu-api-token"
        stated = events[(token, 1)]  # written with an offset: read as written, nothing assumed
        assert (stated["event"]["start"], stated["event"]["end"]) == ("2026-11-22T10:00:01-03:00",) * 2
        assert "timezone" not in stated["event"] and stated["keyaudit"]["log_time"]["timezone_assumed"] is False
        assert events[(token, 2)]["event"]["start"] == "2026-11-22T13:00:02+00:00"
        folded = events[(token, 3)]  # the same token on lines 3 and 7, neither with an offset
        assert folded["event"]["start"] == f"2026-11-22T13:00:03.123000{offset}"
        assert folded["event"]["end"] == f"2026-11-22T18:30:00{offset}"
        assert folded["event"]["timezone"] == zone and folded["keyaudit"]["log_time"]["timezone_assumed"] is True
        assert folded["@timestamp"] == folded["event"]["start"]  # when it happened: the log time
        syslog = events[(token, 4)]  # no offset and no year: both assumed, the year not in the future
        created = datetime.fromisoformat(syslog["event"]["created"])
        start = datetime.fromisoformat(syslog["event"]["start"])
        assert syslog["keyaudit"]["log_time"] == {"timezone_assumed": True, "year_assumed": True}
        assert start.strftime("%m-%d %H:%M:%S") == "11-22 13:00:04" and start <= created + timedelta(days=1)
        assert start.year in (created.year, created.year - 1) and start.utcoffset() == start.tzinfo.utcoffset(start)
        assert events[(token, 5)]["event"]["start"] == "2025-11-22T13:00:05+00:00"  # an epoch number is UTC
        unknown = events[(token, 6)]  # "yesterday": no time to give, the scan's time stands in
        assert "start" not in unknown["event"] and "log_time" not in unknown["keyaudit"]
        assert unknown["@timestamp"] == unknown["event"]["created"]
        assert unknown["keyaudit"]["context"]["log_timestamp"] == "yesterday"
        for event in events.values():
            assert event["event"]["created"].endswith("Z")
            for name in ("start", "end"):
                assert name not in event["event"] or datetime.fromisoformat(event["event"][name]).tzinfo is not None


def test_each_event_has_its_own_id_the_fingerprint_as_hash_and_the_rule_reference(tmp_path: Path) -> None:
    paths, _ = siem_inputs(tmp_path)
    first, second = ecs_events(*map(str, paths)), ecs_events(*map(str, paths))
    ids = [event["event"]["id"] for event in first + second]
    assert len(set(ids)) == len(ids) == 2 * len(first) and all(uuid.UUID(i) for i in ids)
    references = {rule["id"]: rule.get("references") or [] for path in (REPO / "rules").glob("*.yaml")
                  for key in ("rules", "request_rules") for rule in yaml.safe_load(path.read_text()).get(key) or []}
    for event in first:
        assert event["event"]["hash"] == event["keyaudit"]["fingerprint"]
        given = [event["rule"]["reference"]] if "reference" in event["rule"] else []
        assert given == references[event["rule"]["id"]][:1]  # the first reference, where the rule has one
    assert any("reference" in event["rule"] for event in first)
    # one scan's report rendered twice (a file shipped again) has the same ids: indexed once
    result = run_scan(*map(str, paths), engine="regex", jobs=1, no_dedupe=False)
    render = reporter("ecs")
    twice = [[json.loads(line)["event"]["id"] for line in render(result, ReportOptions())] for _ in "ab"]
    assert twice[0] == twice[1] and len(set(twice[0])) == len(twice[0])


def test_requests_give_their_id_and_method_and_urls_are_cut_from_the_redacted_url(tmp_path: Path) -> None:
    capture, secrets = har_capture(tmp_path)
    log, tokens = leaky_log(tmp_path)
    run = cli("scan", "--format", "ecs", "--jobs", "1", str(capture), str(log), str(unsigned_transfer(tmp_path)))
    assert_none_leaked({**secrets, **tokens}, stdout=run.stdout, stderr=run.stderr)
    events = [json.loads(line) for line in run.stdout.splitlines()]
    in_query = next(e for e in events if e["rule"]["id"] == "iugu-api-token" and e["file"]["path"] == str(capture))
    url = in_query["url"]
    assert url["query"].startswith("api_token=") and url["query"].endswith("&page=2") and "…" in url["query"]
    assert url["full"] == url["original"] == f"https://api.iugu.com/v1/invoices?{url['query']}"
    assert (url["scheme"], url["domain"], url["path"]) == ("https", "api.iugu.com", "/v1/invoices")
    assert "port" not in url  # the scheme's own
    assert in_query["http"]["request"] == {"method": "GET", "id": "0"}  # the HAR entry's index
    transfers = {e["file"]["path"]: e for e in events if e["rule"]["id"] == "iugu-unsigned-transfer"}
    assert transfers[str(capture)]["http"]["request"] == {"method": "POST", "id": "2"}
    assert transfers[str(tmp_path / "wire.log")]["http"]["request"] == {"method": "POST"}  # a dump names no id
    assert transfers[str(tmp_path / "wire.log")]["url"]["full"] == "https://api.iugu.com/v1/transfer_requests"
    logged = by_line(e for e in events if e["file"]["path"] == str(log))
    assert logged[("iugu-api-token", 1)]["http"]["request"] == {"id": "abc12345-9"}  # the record's request id
    assert "http" not in logged[("iugu-api-token", 4)]


def test_every_line_names_its_run_tool_and_host(tmp_path: Path) -> None:
    paths, _ = siem_inputs(tmp_path)
    targets = list(map(str, paths))
    schema = load_schema()
    line_schema = Draft202012Validator({"$schema": schema["$schema"], "$defs": schema["$defs"],
                                        "$ref": "#/$defs/jsonl_line"})
    runs = [cli("scan", "--format", "jsonl", "--jobs", "1", *targets) for _ in "ab"]
    scan_ids = []
    for run in runs:
        lines = [json.loads(line) for line in run.stdout.splitlines()]
        assert run.exit_code == 1 and len(lines) > 3
        assert all(list(line_schema.iter_errors(line)) == [] for line in lines)
        assert all((line["scan"], line["tool"]) == (lines[0]["scan"], lines[0]["tool"]) for line in lines)
        assert lines[0]["scan"]["host"] == socket.gethostname() and lines[0]["tool"]["name"] == "keyaudit"
        scan_ids.append(lines[0]["scan"]["id"])
    assert len(set(scan_ids)) == 2  # one id per run
    bad = {**json.loads(runs[0].stdout.splitlines()[0]), "scan": {"id": "x", "host": "h", "started_at": None}}
    assert list(line_schema.iter_errors(bad))  # the schema does check the run
    events = ecs_events(*targets)
    runs = {(e["keyaudit"]["scan"]["id"], e["observer"]["version"], e["observer"]["hostname"]) for e in events}
    assert len(runs) == 1
    assert events[0]["observer"]["hostname"] == socket.gethostname()
    report, _ = scan_json(*targets)
    assert uuid.UUID(report["scan"]["id"]) and report["scan"]["host"] == socket.gethostname()
