"""Elastic Common Schema events, one per line, for Filebeat, Vector or Logstash.

Standard fields where ECS has them (``event.*``, ``rule.*``, ``file.*``, ``url.*``, ``http.*``,
``observer.*``), the rest under ``keyaudit.*``; the message names the masked secret only, and the
``url.*`` fields are cut from the URL as every report shows it (no user part, found secrets
redacted). ``schemas/ecs-index-template.json`` maps every field written here.

Times, as ECS defines them: ``event.start`` / ``event.end`` are when the leak was logged (the
first and last log-record times of the finding's occurrences, or its own record's time), always
with a UTC offset; ``event.created`` is when the scan that found it started; ``@timestamp`` is
when the event happened — the log time where the records have one, else the scan time.
``event.ingested`` is left to the data store's pipeline, where ECS puts it.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import Any, Iterator

from keyaudit.model.findings import Finding
from keyaudit.model.logtime import LogTime, read_log_time, time_zone
from keyaudit.model.result import ScanResult, utc_now
from keyaudit.model.urls import split_url
from keyaudit.report.json import SCHEMA_VERSION, dumps, host_name, utc_timestamp
from keyaudit.report.options import ReportOptions
from keyaudit.report.unread import read_in_part

ECS_VERSION = "8.11.0"
ECS_SEVERITY = {"info": 1, "low": 21, "medium": 47, "high": 73, "critical": 99}


@dataclass(frozen=True)
class Run:
    """What every event of one report shares: the run, where it ran, the rules' references, and
    the zone log times without an offset are read in."""

    scan_id: uuid.UUID
    read_in_part: str | None  # what the run did not read whole: on each event, as on each JSON Lines line
    started: datetime
    host: str
    version: str
    references: dict[str, str]  # rule id -> its first reference (the provider's documentation)
    zone_name: str
    zone: tzinfo
    options: ReportOptions

    @classmethod
    def of(cls, result: ScanResult, options: ReportOptions) -> "Run":
        references = {rule.id: rule.references[0] for rule in result.rules if rule.references}
        return cls(uuid.UUID(result.scan_id), read_in_part(result), result.started_at or utc_now(), host_name(),
                   result.tool_version, references, options.log_timezone, time_zone(options.log_timezone), options)


def _url(raw: str | None) -> dict[str, Any] | None:
    if not raw:
        return None
    parts = split_url(raw)  # a captured URL may hold anything (a port of 99999): never raises
    url = {"original": raw, "full": raw if parts.scheme and parts.host else None, "scheme": parts.scheme,
           "domain": (parts.host or "").lower(), "port": parts.port_number, "path": parts.path,
           "query": parts.query, "fragment": parts.fragment}
    return {name: value for name, value in url.items() if value}  # ECS: a part the URL lacks is no field


def _http(finding: Finding) -> dict[str, Any] | None:
    """The request's method and id: the log record's request id, else the HAR entry's index."""
    request: dict[str, Any] = {}
    if finding.context.get("method"):
        request["method"] = finding.context["method"]
    request_id = finding.context.get("request_id")
    entry = finding.context.get("har_entry")
    if request_id or entry is not None:
        request["id"] = str(request_id or entry)
    return {"request": request} if request else None


def _log_times(finding: Finding, run: Run) -> list[LogTime]:
    """The leak's log times, earliest first: the occurrences' first and last where folded, else
    the finding's own record's; none when the records have no time that can be read."""
    seen = finding.occurrences
    stamps = [seen.first_seen, seen.last_seen] if seen is not None else [finding.context.get("log_timestamp")]
    times = [read_log_time(stamp, run.zone, run.started) for stamp in stamps if isinstance(stamp, str)]
    return sorted(filter(None, times), key=lambda time: time.moment)


def _event(finding: Finding, index: int, run: Run, times: list[LogTime]) -> dict[str, Any]:
    created = utc_timestamp(run.started)
    event: dict[str, Any] = {
        "id": str(uuid.uuid5(run.scan_id, str(index))),  # unique per event, the same if a report is shipped twice
        "kind": "alert", "category": ["intrusion_detection"], "type": ["info"],
        "severity": ECS_SEVERITY[finding.severity], "module": "keyaudit", "dataset": "keyaudit.finding",
        "hash": finding.fingerprint, "created": created,
    }
    if times:
        event["start"], event["end"] = times[0].iso(), times[-1].iso()
        if any(time.zone_assumed for time in times):
            event["timezone"] = run.zone_name
    return event


def event(finding: Finding, index: int, run: Run) -> dict[str, Any]:
    """The ECS event of the ``index``-th finding of the report."""
    options = run.options
    data = finding.to_dict(show_secrets=options.show_secrets, digest_key=options.digest_key)
    shown = data["secret"]["redacted"] if data["secret"] else (data["context"].get("url") or "")
    times = _log_times(finding, run)
    ecs_event = _event(finding, index, run, times)
    rule = {"id": finding.rule_id, "name": finding.title, "category": finding.category, "ruleset": finding.provider}
    if finding.rule_id in run.references:
        rule["reference"] = run.references[finding.rule_id]
    extra: dict[str, Any] = {}
    cut = {"read_in_part": run.read_in_part} if run.read_in_part else {}
    if times:
        extra["log_time"] = {"timezone_assumed": any(t.zone_assumed for t in times),
                             "year_assumed": any(t.year_assumed for t in times)}
    document: dict[str, Any] = {
        "@timestamp": ecs_event.get("start", ecs_event["created"]),
        "message": f"{finding.message}: {shown}" if shown else finding.message,
        "ecs": {"version": ECS_VERSION},
        "event": ecs_event,
        "rule": rule,
        "file": {"path": finding.location.path},
        "observer": {"vendor": "keyaudit", "product": "keyaudit", "type": "scanner", "version": run.version,
                     "hostname": run.host},
        "keyaudit": {"schema_version": SCHEMA_VERSION, "scan": {"id": str(run.scan_id), **cut}, **extra,
                     **{k: v for k, v in data.items() if k != "rule_id"}},
    }
    for name, value in (("url", _url(finding.context.get("url"))), ("http", _http(finding))):
        if value:
            document[name] = value
    return document


def render(result: ScanResult, options: ReportOptions) -> Iterator[str]:
    run = Run.of(result, options)
    return (dumps(event(finding, index, run), compact=True) + "\n" for index, finding in enumerate(result.findings))
