"""Elastic Common Schema events, one per line, for Filebeat, Vector or Logstash.

Standard fields where ECS has them (``event.*``, ``rule.*``, ``file.*``, ``url.*``,
``observer.*``), the rest under ``keyaudit.*``; the message names the masked secret only.
"""

from __future__ import annotations

import socket
from typing import Any, Iterator

from keyaudit.model.findings import Finding
from keyaudit.model.urls import split_url
from keyaudit.report.options import ReportOptions
from keyaudit.report.json import SCHEMA_VERSION, dumps
from keyaudit.model.result import ScanResult

ECS_VERSION = "8.11.0"
ECS_SEVERITY = {"info": 1, "low": 21, "medium": 47, "high": 73, "critical": 99}


def _url(raw: str | None) -> dict[str, Any] | None:
    if not raw:
        return None
    parts = split_url(raw)  # a captured URL may hold anything (a port of 99999): never raises
    url: dict[str, Any] = {"original": raw, "scheme": parts.scheme or "", "domain": (parts.host or "").lower() or None,
                           "path": parts.path}
    if parts.port_number:
        url["port"] = parts.port_number
    return url


def event(finding: Finding, result: ScanResult, options: ReportOptions, host: str) -> dict[str, Any]:
    data = finding.to_dict(show_secrets=options.show_secrets, digest_key=options.digest_key)
    shown = data["secret"]["redacted"] if data["secret"] else (data["context"].get("url") or "")
    document: dict[str, Any] = {
        "@timestamp": result.finished_at.strftime("%Y-%m-%dT%H:%M:%SZ") if result.finished_at else None,
        "message": f"{finding.message}: {shown}" if shown else finding.message,
        "ecs": {"version": ECS_VERSION},
        "event": {"kind": "alert", "category": ["intrusion_detection"], "type": ["info"],
                  "severity": ECS_SEVERITY[finding.severity], "module": "keyaudit", "dataset": "keyaudit.finding"},
        "rule": {"id": finding.rule_id, "name": finding.title, "category": finding.category,
                 "ruleset": finding.provider},
        "file": {"path": finding.location.path},
        "observer": {"vendor": "keyaudit", "product": "keyaudit", "type": "scanner",
                     "version": result.tool_version, "hostname": host},
        "keyaudit": {"schema_version": SCHEMA_VERSION, **{k: v for k, v in data.items() if k != "rule_id"}},
    }
    url = _url(finding.context.get("url"))
    if url:
        document["url"] = url
    if finding.context.get("method"):
        document["http"] = {"request": {"method": finding.context["method"]}}
    return document


def render(result: ScanResult, options: ReportOptions) -> Iterator[str]:
    host = socket.gethostname()
    return (dumps(event(f, result, options, host), compact=True) + "\n" for f in result.findings)
