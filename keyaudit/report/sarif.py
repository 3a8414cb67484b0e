"""SARIF 2.1.0 for code-scanning UIs (GitHub, Azure DevOps, VS Code SARIF viewer).

Only redacted values reach a message; rules carry their help text and a numeric
``security-severity`` so GitHub ranks alerts; ``partialFingerprints`` carries our line-independent
fingerprint so an alert survives code moving.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Any, Iterator
from urllib.parse import quote

from keyaudit.model.findings import MEMBER_SEPARATOR, Finding
from keyaudit.model.result import ScanResult
from keyaudit.model.vocabulary import RuleInfo
from keyaudit.report.json import STREAMED, stream_document
from keyaudit.report.options import ReportOptions

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SECURITY_SEVERITY = {"critical": "9.5", "high": "8.0", "medium": "5.5", "low": "3.0", "info": "0.0"}
LEVEL = {"critical": "error", "high": "error", "medium": "warning", "low": "note", "info": "note"}
PRECISION = {"high": "high", "medium": "medium", "low": "low"}


def _rule_name(rule_id: str) -> str:
    return "".join(part.capitalize() for part in rule_id.split("-"))


def _rule_descriptor(rule: RuleInfo) -> dict[str, Any]:
    help_text = rule.description or rule.title
    descriptor: dict[str, Any] = {
        "id": rule.id,
        "name": _rule_name(rule.id),
        "shortDescription": {"text": rule.title},
        "fullDescription": {"text": help_text},
        "help": {"text": help_text, "markdown": f"**{rule.title}**\n\n{help_text}"},
        "defaultConfiguration": {"level": LEVEL[rule.severity]},
        "properties": {
            "security-severity": SECURITY_SEVERITY[rule.severity],
            "precision": PRECISION[rule.confidence],
            "tags": ["security", rule.category, rule.provider],
        },
    }
    if rule.references:
        descriptor["helpUri"] = rule.references[0]
    return descriptor


def _uri_path(posix: str) -> str:
    """``posix`` quoted as a URI path. ``!`` (before an archive member) is legal there and kept;
    in the member's name ``.`` and ``..`` segments are escaped, so that a member called
    ``x/../../src/app.py`` cannot resolve to the repository's own ``src/app.py``. The bytes
    quoted are the name's own, so a byte that is not UTF-8 is ``%FF``: the URI names the file
    on disk (the report's texts show the name :func:`~keyaudit.model.printable.printable`)."""
    quoted = quote(posix.encode("utf-8", "surrogateescape"), safe="/" + MEMBER_SEPARATOR)
    archive, separator, member = quoted.partition(MEMBER_SEPARATOR)
    if not separator:
        return archive
    segments = ("%2E" * len(part) if part in (".", "..") else part for part in member.split("/"))
    return archive + separator + "/".join(segments)


def _uri(path: str) -> dict[str, str]:
    posix = path.replace("\\", "/")
    if PurePosixPath(posix).is_absolute():
        return {"uri": "file://" + _uri_path(posix)}
    return {"uri": _uri_path(posix), "uriBaseId": "%SRCROOT%"}


def _result(finding: Finding, rule_index: int, options: ReportOptions) -> dict[str, Any]:
    loc = finding.location
    text = finding.message
    if finding.secret is not None:
        text = f"{text}: {finding.secret.shown(options.show_secrets)}"
    elif finding.context.get("url"):
        text = f"{text}: {finding.context['url']}"
    physical: dict[str, Any] = {
        "artifactLocation": _uri(loc.path),
        "region": {
            "startLine": loc.line,
            "startColumn": loc.column,
            "endLine": loc.end_line,
            "endColumn": loc.end_column,
        },
    }
    properties: dict[str, Any] = {
        "category": finding.category,
        "provider": finding.provider,
        "severity": finding.severity,
        "confidence": finding.confidence,
    }
    if finding.environment:
        properties["environment"] = finding.environment
    if finding.secret is not None:
        properties["secretDigest"] = finding.secret.digest(options.digest_key)
    if loc.pointer:
        properties["pointer"] = loc.pointer
    return {
        "ruleId": finding.rule_id,
        "ruleIndex": rule_index,
        "level": LEVEL[finding.severity],
        "message": {"text": text},
        "locations": [{"physicalLocation": physical}],
        "partialFingerprints": {"keyaudit/v1": finding.fingerprint},
        "properties": properties,
    }


def render(result: ScanResult, options: ReportOptions) -> Iterator[str]:
    every_rule = result.rules  # secret and request rules: request-rule findings need their rule too
    index = {rule.id: position for position, rule in enumerate(every_rule)}
    notifications = [
        {
            "level": "error",
            "message": {"text": error.message},
            "locations": [{"physicalLocation": {"artifactLocation": _uri(error.path)}}],
        }
        for error in result.errors
    ]
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "keyaudit",
                "version": result.tool_version,
                "semanticVersion": result.tool_version,
                "rules": [_rule_descriptor(rule) for rule in every_rule],
            }
        },
        "columnKind": "unicodeCodePoints",
        "originalUriBaseIds": {"%SRCROOT%": {"description": {"text": "The directory keyaudit was run from."}}},
        "invocations": [
            {
                "executionSuccessful": True,
                "toolExecutionNotifications": notifications,
                "properties": {"engine": result.engine, "filesScanned": result.files_scanned,
                               "bytesScanned": result.bytes_scanned},
            }
        ],
        "results": STREAMED,
    }
    sarif = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
    return stream_document(sarif, (_result(f, index[f.rule_id], options) for f in result.findings))
