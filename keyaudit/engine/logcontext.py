"""When and in which request a leaked secret was logged, read from the log record around it.

A finding in a log is worth more with the record's own time (to bound the exposure window and
find the deploy that caused it) and its request id (to find the request in other systems).
Common shapes are recognised: JSON records, nginx/Apache access lines, syslog, and the
timestamp prefixes of application logs.
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from typing import Any

MAX_RECORD_BYTES = 64 << 10  # longer lines are not parsed for context
_ISO = re.compile(rb"(?<!\d)(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:[.,]\d{1,9})?(?:Z|[+-]\d{2}:?\d{2})?)(?!\d)")
_ACCESS = re.compile(rb"\[(\d{2}/[A-Z][a-z]{2}/\d{4}:\d{2}:\d{2}:\d{2} [+-]\d{4})\]")
_SYSLOG = re.compile(rb"^(?:<\d+>)?([A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2})\b")
_REQUEST_ID = re.compile(
    rb"(?i)\b(?:x[-_])?(?:request|req|correlation|trace)[-_]?id\"?\s*[:=]\s*\"?([A-Za-z0-9][A-Za-z0-9._:-]{5,127})")
_JSON_TIME = ("@timestamp", "timestamp", "time", "ts", "datetime", "date", "time_iso8601", "time_local")
_JSON_REQUEST_ID = ("request_id", "requestId", "req_id", "x_request_id", "correlation_id", "trace_id", "traceId")


def _iso(value: bytes) -> str:
    text = value.decode("ascii").replace(",", ".")
    return text if "T" in text else text.replace(" ", "T", 1)


def _access_time(value: bytes) -> str:
    return datetime.strptime(value.decode("ascii"), "%d/%b/%Y:%H:%M:%S %z").isoformat()


def _from_json(line: bytes) -> dict[str, Any]:
    try:
        record = json.loads(line)
    except (ValueError, RecursionError):  # not JSON, or nested deeper than the decoder goes
        return {}
    if not isinstance(record, dict):
        return {}
    found: dict[str, Any] = {}
    time = next((record[k] for k in _JSON_TIME if isinstance(record.get(k), (str, int, float))), None)
    request_id = next((record[k] for k in _JSON_REQUEST_ID if isinstance(record.get(k), (str, int))), None)
    if time is not None:
        found["log_timestamp"] = str(time)
    if request_id is not None:
        found["request_id"] = str(request_id)
    return found


def record_context(line: bytes) -> dict[str, Any]:
    """``log_timestamp`` and ``request_id`` of the log record ``line``, where it has them."""
    if len(line) > MAX_RECORD_BYTES:
        return {}
    stripped = line.strip()
    if stripped.startswith(b"{") and stripped.endswith(b"}"):
        found = _from_json(stripped)
        if found:
            return found
    found = {}
    if (match := _ACCESS.search(line)) is not None:
        try:
            found["log_timestamp"] = _access_time(match.group(1))
        except ValueError:
            pass
    elif (match := _ISO.search(line[:64])) is not None:
        found["log_timestamp"] = _iso(match.group(1))
    elif (match := _SYSLOG.match(line)) is not None:
        found["log_timestamp"] = match.group(1).decode("ascii")
    if (match := _REQUEST_ID.search(line)) is not None:
        found["request_id"] = match.group(1).decode("ascii", "replace")
    return found
