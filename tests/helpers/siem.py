"""What a SIEM receives: inputs that exercise every ECS field keyaudit writes (a log with secrets
and log times with and without offsets, a HAR capture with requests, an unsigned transfer written
as text), the ECS events of real scans of them, and events flattened to ``field -> values``."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any, Iterator

from helpers.credentials import asaas_key, iugu_token
from helpers.har import entry, har
from helpers.running import cli
from helpers.secrecy import scrub

ZONE = "America/Sao_Paulo"


def leaky_log(folder: Path) -> tuple[Path, dict[str, str]]:
    """A log whose records leak tokens, with every form of log time: an offset, ``Z``, none,
    syslog's (no year either), an epoch number, and one that is no time at all. One token is
    logged twice (a folded finding spans two times); a URL in a record holds a token in its query."""
    tokens = {f"t{n}": iugu_token() for n in range(6)}
    lines = [
        f'10.0.0.1 - - [22/Nov/2026:10:00:01 -0300] "GET http://api.iugu.com:8080/v1/invoices?api_token={tokens["t0"]}'
        f'&limit=5 HTTP/1.1" 200 5 request_id=abc12345-9',
        json.dumps({"ts": "2026-11-22T13:00:02Z", "request_id": "r-99881", "msg": f"api_token={tokens['t1']}"}),
        f"2026-11-22 13:00:03,123 INFO x-request-id: ZZ99aa88 api_token={tokens['t2']}",
        f"Nov 22 13:00:04 web-1 app[42]: retrying with api_token={tokens['t3']}",
        json.dumps({"ts": 1763816405, "msg": f"api_token={tokens['t4']}"}),
        json.dumps({"time": "yesterday", "msg": f"api_token={tokens['t5']}"}),
        f"2026-11-22 18:30:00 INFO again api_token={tokens['t2']}",
    ]
    path = folder / "app.log"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path, tokens


def har_capture(folder: Path) -> tuple[Path, dict[str, str]]:
    """A HAR capture: a token in a URL's query, a key in a header, an unsigned transfer."""
    secrets = {"token": iugu_token(), "key": asaas_key("prod")}
    with_query = entry("GET", f"https://api.iugu.com/v1/invoices?api_token={secrets['token']}&page=2")
    with_query["request"]["queryString"] = [{"name": "api_token", "value": secrets["token"]}]
    path = folder / "capture.har"
    path.write_text(json.dumps(har([
        with_query,
        entry("GET", "https://api.asaas.com/v3/payments", {"access_token": secrets["key"]}),
        entry("POST", "http://api.iugu.com/v1/transfer_requests", {"Content-Type": "application/json"},
              json.dumps({"amount_cents": 1000})),
    ]), indent=2), encoding="utf-8")
    return path, secrets


def unsigned_transfer(folder: Path) -> Path:
    """An iugu transfer request written as a wire dump, without its Signature header."""
    path = folder / "wire.log"
    path.write_text("\n".join(["POST /v1/transfer_requests HTTP/1.1", "Host: api.iugu.com",
                               "Content-Type: application/json", "Content-Length: 2", "", "{}"]) + "\n")
    return path


def siem_inputs(folder: Path) -> tuple[list[Path], dict[str, str]]:
    """The three inputs in ``folder`` and every secret they hold, by name."""
    log, tokens = leaky_log(folder)
    capture, secrets = har_capture(folder)
    return [log, capture, unsigned_transfer(folder)], {**tokens, **secrets}


def ecs_events(*args: str) -> list[dict[str, Any]]:
    """``keyaudit scan --format ecs --jobs 1 ARGS``: its events, one a line."""
    run = cli("scan", "--format", "ecs", "--jobs", "1", *args)
    assert run.exit_code == 1, scrub(run.stderr)
    assert run.stdout.endswith("\n") and all(run.stdout.splitlines()), "blank or unterminated lines"
    return [json.loads(line) for line in run.stdout.splitlines()]


# The scans whose events are checked against ECS and the index template: folded and not, times read
# in UTC and in a zone with an offset, secrets hidden and shown (keyaudit.secret.value).
SCANS: dict[str, tuple[str, ...]] = {"folded": (), "no-dedupe": ("--no-dedupe",), "zone": ("--log-timezone", ZONE),
                                     "shown": ("--show-secrets", "--no-dedupe")}


def every_event(paths: list[Path]) -> list[dict[str, Any]]:
    """The events of every scan in :data:`SCANS` of ``paths``."""
    return [event for extra in SCANS.values() for event in ecs_events(*extra, *map(str, paths))]


def flat_fields(document: dict[str, Any], prefix: str = "") -> Iterator[tuple[str, Any]]:
    """Each leaf of ``document`` as (dotted field name, value): a list of values is one field with
    that list as its value; a list of objects is the objects' fields, as Elasticsearch maps them."""
    for key, value in document.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            yield from flat_fields(value, f"{name}.")
        elif isinstance(value, list) and any(isinstance(item, dict) for item in value):
            for item in value:
                yield from flat_fields(item, f"{name}.")
        else:
            yield name, value


def has_offset(value: Any) -> bool:
    """Whether ``value`` is an ISO 8601 time with a UTC offset, as a date field must be."""
    try:
        return isinstance(value, str) and datetime.fromisoformat(value).tzinfo is not None
    except ValueError:
        return False
