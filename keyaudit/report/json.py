"""The JSON report: the published contract (DESIGN.md, ``schemas/report.schema.json``); and
:func:`dumps`, how every JSON format writes a document."""

from __future__ import annotations

import json
import platform
from json.encoder import encode_basestring
from typing import Any, Iterable, Iterator

from keyaudit.model.printable import printable_values
from keyaudit.model.result import ScanResult
from keyaudit.report.options import ReportOptions
from keyaudit.report.unread import read_in_part

SCHEMA_VERSION = "1"
STREAMED = "@@keyaudit:streamed:{}@@"  # stands, in a document, for a list written item by item


def dumps(document: Any, *, compact: bool = False) -> str:
    """``document`` as JSON text with every string made printable: a path or a captured value
    with bytes that are not UTF-8 is written escaped (``bad\\xff.log``), as in every other
    format, instead of failing the report or making it invalid UTF-8. Other non-ASCII text stays
    readable."""
    text = _json(document, compact)
    # The common document has nothing printable() would change: no control character (JSON
    # would have written one with a backslash) and nothing else isprintable() refuses (C1
    # controls, lone surrogates, separators, bidi controls). Only the others are walked value
    # by value.
    if "\\" not in text and (text if compact else text.replace("\n", "")).isprintable():
        return text
    return _json(printable_values(document), compact)


def _json(document: Any, compact: bool) -> str:
    if compact:
        return json.dumps(document, ensure_ascii=False, separators=(",", ":"))
    return _indented(document, "\n")


def _indented(value: Any, pad: str) -> str:
    """``value`` as ``json.dumps(value, ensure_ascii=False, indent=2)`` writes it, character for
    character, ``pad`` being a newline and the indent of the line it starts on. The standard
    library writes indented JSON in pure Python, a generator per container (about 26 µs a finding,
    a tenth of a scan that finds a token on every line); here each container is one join, and
    strings are escaped by the C function the compact encoder uses (about 12 µs)."""
    if isinstance(value, str):
        return encode_basestring(value)
    if isinstance(value, dict):
        if not value:
            return "{}"
        inner = pad + "  "
        parts = [encode_basestring(key if type(key) is str else _key(key)) + ": " + _indented(item, inner)
                 for key, item in value.items()]
        return "{" + inner + ("," + inner).join(parts) + pad + "}"
    if isinstance(value, (list, tuple)):
        if not value:
            return "[]"
        inner = pad + "  "
        return "[" + inner + ("," + inner).join([_indented(item, inner) for item in value]) + pad + "]"
    return _scalar(value)


def _scalar(value: Any) -> str:
    """A number, a truth value or null as JSON writes it (``NaN`` and ``Infinity`` as Python's
    encoder does); anything else is no JSON, as ``json.dumps`` says."""
    if value is None:
        return "null"
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        return json.dumps(value) if value != value or value in (float("inf"), float("-inf")) else float.__repr__(value)
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def _key(key: Any) -> str:
    """A member's name as JSON writes it: a string as is, a number or a truth value as its text."""
    if isinstance(key, str):
        return key
    if key is None or isinstance(key, (bool, int, float)):
        return _scalar(key)
    raise TypeError(f"keys must be str, int, float, bool or None, not {type(key).__name__}")


def streamed(name: str) -> str:
    """What stands in a document for the list ``name`` that :func:`stream_document` writes."""
    return STREAMED.format(name)


def stream_document(document: Any, lists: dict[str, Iterable[Any]]) -> Iterator[str]:
    """``document`` as indented JSON, in pieces, with each list that :func:`streamed` stands for
    written one item at a time: a report of a million findings never exists as one string."""
    rest = dumps(document)
    for name, items in lists.items():
        head, rest = rest.split(json.dumps(streamed(name)), 1)
        line = head[head.rfind("\n") + 1:]
        indent = line[: len(line) - len(line.lstrip(" "))]
        inner = indent + "  "
        yield head + "["
        separator = "\n"
        for item in items:
            yield separator + inner + dumps(item).replace("\n", "\n" + inner)
            separator = ",\n"
        yield "]" if separator == "\n" else "\n" + indent + "]"
    yield rest + "\n"


def utc_timestamp(value: Any) -> str | None:
    """A scan time as the reports write it: UTC, to the second, with ``Z``."""
    return value.strftime("%Y-%m-%dT%H:%M:%SZ") if value else None


def tool_block(result: ScanResult) -> dict[str, str]:
    return {"name": "keyaudit", "version": result.tool_version}


def scan_identity(result: ScanResult, host: str) -> dict[str, Any]:
    """Which run a finding comes from: its id, the host it ran on, when it started. A JSON Lines
    line carries it whole, so each line stands alone in a SIEM; the JSON report's ``scan`` too. With what the run
    did not read whole (``read_in_part``), where it did: a line's finding may have company there."""
    cut = {"read_in_part": said} if (said := read_in_part(result)) else {}
    return {"id": result.scan_id, "host": host, "started_at": utc_timestamp(result.started_at), **cut}


def scan_block(result: ScanResult, host: str) -> dict[str, Any]:
    """Statistics a SIEM or a nightly job can trend: what was read, skipped, and how."""
    return {
        **scan_identity(result, host),
        "finished_at": utc_timestamp(result.finished_at),
        "targets": result.targets,
        "files_scanned": result.files_scanned,
        "bytes_scanned": result.bytes_scanned,
        "rules_loaded": result.rules_loaded,
        "engine": result.engine,
        "skipped": dict(sorted(result.skipped.items())),
        "requests": dict(sorted(result.statistics.items())),
        "suppressed": dict(sorted(result.suppressed.items())),
    }


def host_name() -> str:
    """The machine's name, as ``socket.gethostname()`` gives it, asked of :mod:`platform` (the
    uname call; the command line's libraries have mostly loaded it already): ``socket`` would
    add milliseconds to every scan's start-up for one name."""
    return platform.node()


def finding_dicts(result: ScanResult, options: ReportOptions) -> Iterator[dict[str, Any]]:
    return (f.to_dict(show_secrets=options.show_secrets, digest_key=options.digest_key) for f in result.findings)


def render(result: ScanResult, options: ReportOptions) -> Iterator[str]:
    report = {
        "schema_version": SCHEMA_VERSION,
        "tool": tool_block(result),
        "scan": scan_block(result, host_name()),
        "findings": streamed("findings"),
        "secrets": streamed("secrets"),
        "errors": [{"path": e.path, "message": e.message} for e in result.errors],
    }
    secrets = (leaked.to_dict(options.digest_key) for leaked in result.secrets)
    return stream_document(report, {"findings": finding_dicts(result, options), "secrets": secrets})
