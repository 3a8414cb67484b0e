"""SIEM output: log-record context, ECS events, keyed digests, occurrences; the engine cache."""

from __future__ import annotations

import hashlib
import hmac
import json
from pathlib import Path

from helpers.credentials import iugu_token
from helpers.engines import needs_hyperscan
from helpers.running import cli, scan_json


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
    assert run.exit_code == 1 and len(events) == 2
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
        {"original": "http://api.iugu.com:99999/v1/invoices", "scheme": "http", "domain": "api.iugu.com",
         "path": "/v1/invoices"},
        {"original": "http://API.IUGU.COM:8080/v1/x", "scheme": "http", "domain": "api.iugu.com", "port": 8080,
         "path": "/v1/x"},
    ]

@needs_hyperscan
def test_a_corrupt_engine_cache_is_rebuilt_not_trusted(write, tmp_path: Path, monkeypatch) -> None:
    cache = tmp_path / "cache"
    monkeypatch.setenv("KEYAUDIT_CACHE_DIR", str(cache))
    path = write("a.log", f"api_token={iugu_token()}\n")
    first, _ = scan_json(str(path), "--engine", "hyperscan")
    databases = list((cache / "keyaudit").glob("hs-*.db"))
    assert len(databases) == 1 and first["scan"]["engine"] == "hyperscan"
    databases[0].write_bytes(b"not a hyperscan database")
    again, _ = scan_json(str(path), "--engine", "hyperscan")
    assert again["findings"] == first["findings"] or [f["fingerprint"] for f in again["findings"]] == \
        [f["fingerprint"] for f in first["findings"]]
    assert databases[0].read_bytes() != b"not a hyperscan database"
