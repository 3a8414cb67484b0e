"""What GitHub code scanning documents a SARIF upload must be ("SARIF support for code scanning",
"SARIF results exceed one or more limits", "SARIF results file is too large"), as a checker that
names every place a report breaks it.

Required properties (an empty string does not count), the rule a result names by ``ruleId`` being
the one at its ``ruleIndex``, ``partialFingerprints``, URIs relative to the repository (with a
``uriBaseId`` whose base is an absolute ``file:`` URI ending in ``/``, never climbing out with
``..``), ``security-severity`` as a string holding a number from 0.1 to 10, the precision words,
the levels, and the limits: 20 runs a file, 25,000 results and rules a run, 1,000 locations a
result (100 shown), 20 tags a rule (10 shown), 255 characters for a rule's name and 1,024 for
its descriptions, 10 MB gzip-compressed for the file.
"""

from __future__ import annotations

import gzip
import json
import re
from typing import Any
from urllib.parse import urlsplit

from jsonschema import Draft4Validator

from helpers.data import SARIF_SCHEMA_PATH

PRECISIONS = {"very-high", "high", "medium", "low"}
LEVELS = {"none", "note", "warning", "error"}
_LINK = re.compile(r"(?<!\\)\[[^\]]*\]\((\d+)\)")


def _text(value: Any) -> bool:
    return isinstance(value, str) and value.strip() != ""


def _rule_problems(where: str, rule: dict[str, Any]) -> list[str]:
    problems = []
    for path in ("id", "shortDescription.text", "fullDescription.text", "help.text"):
        value: Any = rule
        for key in path.split("."):
            value = value.get(key) if isinstance(value, dict) else None
        if not _text(value):
            problems.append(f"{where}.{path}: required, not empty")
    if len(rule.get("name", "")) > 255:
        problems.append(f"{where}.name: over 255 characters")
    for key in ("shortDescription", "fullDescription"):
        if len(rule.get(key, {}).get("text", "")) > 1024:
            problems.append(f"{where}.{key}.text: over 1,024 characters")
    properties = rule.get("properties", {})
    severity = properties.get("security-severity")
    if severity is not None and not (isinstance(severity, str) and re.fullmatch(r"\d+(\.\d+)?", severity)
                                     and 0.0 <= float(severity) <= 10.0):
        problems.append(f"{where}.properties.security-severity: not a string number from 0 to 10")
    if properties.get("precision", "high") not in PRECISIONS:
        problems.append(f"{where}.properties.precision: not one of {sorted(PRECISIONS)}")
    if len(properties.get("tags", [])) > 10:
        problems.append(f"{where}.properties.tags: more than the 10 shown")
    if rule.get("defaultConfiguration", {}).get("level", "warning") not in LEVELS - {"none"}:
        problems.append(f"{where}.defaultConfiguration.level: not note, warning or error")
    help_uri = rule.get("helpUri")
    if help_uri is not None and not (urlsplit(help_uri).scheme in ("http", "https") and urlsplit(help_uri).netloc):
        problems.append(f"{where}.helpUri: not an absolute http(s) URL")
    return problems


def _location_problems(where: str, location: dict[str, Any], bases: dict[str, Any]) -> list[str]:
    physical = location.get("physicalLocation", {})
    artifact = physical.get("artifactLocation", {})
    uri = artifact.get("uri")
    problems = [] if _text(uri) else [f"{where}.artifactLocation.uri: required, not empty"]
    if _text(uri) and not urlsplit(uri).scheme:
        base = artifact.get("uriBaseId")
        if base not in bases:
            problems.append(f"{where}: a relative URI without a uriBaseId defined in originalUriBaseIds")
        if uri.startswith(("../", "/")) or "/../" in uri:
            problems.append(f"{where}.artifactLocation.uri: climbs out of the repository root")
    region = physical.get("region", {})
    for key in ("startLine", "startColumn", "endLine", "endColumn"):
        if not (isinstance(region.get(key), int) and region[key] >= 1):
            problems.append(f"{where}.region.{key}: required, a number from 1")
    return problems


def _result_problems(where: str, result: dict[str, Any], rules: list[dict[str, Any]],
                     bases: dict[str, Any]) -> list[str]:
    problems = []
    if not _text(result.get("message", {}).get("text")):
        problems.append(f"{where}.message.text: required, not empty")
    index, rule_id = result.get("ruleIndex"), result.get("ruleId")
    if not (isinstance(index, int) and 0 <= index < len(rules) and rules[index].get("id") == rule_id):
        problems.append(f"{where}: ruleId {rule_id!r} is not the id of rules[{index}]")
    fingerprints = result.get("partialFingerprints")
    if not (isinstance(fingerprints, dict) and fingerprints and all(map(_text, fingerprints.values()))):
        problems.append(f"{where}.partialFingerprints: required, not empty")
    locations, related = result.get("locations", []), result.get("relatedLocations", [])
    if not 1 <= len(locations) <= 10:
        problems.append(f"{where}.locations: one to ten (only the first is used)")
    if len(locations) + len(related) > 100:
        problems.append(f"{where}: more locations than the 100 GitHub shows")
    for position, location in enumerate(locations):
        problems += _location_problems(f"{where}.locations[{position}]", location, bases)
    ids = [place.get("id") for place in related]
    if len(set(ids)) != len(ids) or not all(isinstance(i, int) and i >= 0 for i in ids):
        problems.append(f"{where}.relatedLocations: ids not distinct numbers")
    for position, location in enumerate(related):
        problems += _location_problems(f"{where}.relatedLocations[{position}]", location, bases)
    linked = {int(found) for found in _LINK.findall(result.get("message", {}).get("text", ""))}
    if not linked <= set(ids):
        problems.append(f"{where}.message: links to related locations that are not there")
    return problems


def code_scanning_problems(sarif: dict[str, Any], document: bytes) -> list[str]:
    """Where ``sarif`` (and its file's bytes, ``document``) breaks what code scanning documents."""
    problems = []
    if not _text(sarif.get("$schema")) or sarif.get("version") != "2.1.0":
        problems.append("$schema and version 2.1.0: required")
    runs = sarif.get("runs", [])
    if not 1 <= len(runs) <= 20:
        problems.append("runs: one to 20")
    if len(gzip.compress(document)) > 10_000_000:
        problems.append("the file is over 10 MB gzip-compressed")
    categories = [run.get("automationDetails", {}).get("id", "").rpartition("/")[0] for run in runs]
    if len(set(categories)) != len(categories):
        problems.append("runs: two runs of one category in one file")
    for number, run in enumerate(runs):
        driver = run.get("tool", {}).get("driver", {})
        rules, results = driver.get("rules"), run.get("results")
        if not _text(driver.get("name")) or not isinstance(rules, list) or not isinstance(results, list):
            problems.append(f"runs[{number}]: tool.driver.name, tool.driver.rules and results are required")
            continue
        if len(rules) > 25_000 or len(results) > 25_000:
            problems.append(f"runs[{number}]: over 25,000 rules or results")
        bases = run.get("originalUriBaseIds", {})
        for name, base in bases.items():
            if not (base.get("uri", "").startswith("file:///") and base["uri"].endswith("/")):
                problems.append(f"runs[{number}].originalUriBaseIds.{name}: not an absolute file URI ending in /")
        for position, rule in enumerate(rules):
            problems += _rule_problems(f"runs[{number}].rules[{position}]", rule)
        for position, result in enumerate(results):
            problems += _result_problems(f"runs[{number}].results[{position}]", result, rules, bases)
    return problems


def schema_problems(sarif: dict[str, Any]) -> list[str]:
    """Where ``sarif`` breaks the SARIF 2.1.0 schema, without quoting the report itself."""
    validator = Draft4Validator(json.loads(SARIF_SCHEMA_PATH.read_text(encoding="utf-8")))
    return [f"{error.json_path}: {error.validator}" for error in validator.iter_errors(sarif)]
