"""Every ECS event keyaudit writes, checked field by field against the ECS field definitions: the
official flat field list of the ECS version the events declare (trimmed copy in tests/data).

Events come from real scans — a log with leaked tokens and log times with and without offsets, a
HAR capture with requests, an unsigned transfer written as text — folded and not, with a zone, with
secrets shown. Each field outside ``keyaudit.*`` must exist in ECS and hold a value of its type,
an array where ECS makes the field one and a single value elsewhere; ``event.kind``, ``category``
and ``type`` take ECS's allowed values, and each type is one the event's categories expect.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml

from helpers.data import ECS_FIELDS_PATH
from helpers.siem import every_event, flat_fields, has_offset, siem_inputs

# ECS type -> whether a JSON value has it.
TEXT = ("keyword", "constant_keyword", "wildcard", "match_only_text", "text", "ip")
CHECKS = {
    **{kind: lambda v: isinstance(v, str) for kind in TEXT},
    "date": has_offset,
    "long": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "float": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
}
# What the events must exercise, so that the check is not vacuous.
EXERCISED = {"@timestamp", "message", "event.id", "event.hash", "event.created", "event.start", "event.end",
             "event.timezone", "event.category", "event.type", "rule.reference", "url.original", "url.full",
             "url.query", "url.port", "url.domain", "http.request.id", "http.request.method", "observer.hostname"}


@pytest.fixture
def ecs() -> dict[str, dict[str, Any]]:
    return yaml.safe_load(ECS_FIELDS_PATH.read_text(encoding="utf-8"))


@pytest.fixture
def events(tmp_path: Path) -> list[dict[str, Any]]:
    paths, _ = siem_inputs(tmp_path)
    return every_event(paths)


def allowed(definition: dict[str, Any]) -> dict[str, list[str]]:
    return {value["name"]: value.get("expected_event_types", []) for value in definition.get("allowed_values", [])}


def problems(event: dict[str, Any], ecs: dict[str, dict[str, Any]]) -> list[str]:
    """Each way ``event`` breaks the ECS definitions, as ``field: problem`` (values not quoted)."""
    found = []
    for name, value in flat_fields(event):
        if name.startswith("keyaudit.") or value is None:
            continue
        definition = ecs.get(name)
        if definition is None:
            found.append(f"{name}: not an ECS field")
            continue
        array = "array" in definition.get("normalize", [])
        if isinstance(value, list) != array:
            found.append(f"{name}: {'must' if array else 'must not'} be an array")
        values = value if isinstance(value, list) else [value]
        if not all(CHECKS[definition["type"]](item) for item in values):
            found.append(f"{name}: not a value of type {definition['type']}")
        names = allowed(definition)
        if names and not set(values) <= set(names):
            found.append(f"{name}: not an allowed value")
    categories = event.get("event", {}).get("category", [])
    expected = {kind for category in categories for kind in allowed(ecs["event.category"]).get(category, [])}
    if not set(event.get("event", {}).get("type", [])) <= expected:
        found.append("event.type: not a type its categories expect")
    return found


def test_every_event_of_real_scans_is_ecs(events: list[dict[str, Any]], ecs: dict[str, dict[str, Any]]) -> None:
    assert len(events) > 20
    assert {event["ecs"]["version"] for event in events} == {ECS_FIELDS_PATH.stem.split("-")[1]}
    assert [problem for event in events for problem in problems(event, ecs)] == []
    seen = {name for event in events for name, value in flat_fields(event) if value is not None}
    assert EXERCISED <= seen, f"not exercised: {sorted(EXERCISED - seen)}"


@pytest.mark.parametrize(("field", "value", "problem"), [
    (("event", "category"), ["alerting"], "event.category: not an allowed value"),
    (("event", "category"), "intrusion_detection", "event.category: must be an array"),
    (("event", "type"), ["creation"], "event.type: not a type its categories expect"),
    (("event", "start"), "2026-11-22T13:00:03", "event.start: not a value of type date"),
    (("event", "end"), "22 Nov", "event.end: not a value of type date"),
    (("event", "severity"), "73", "event.severity: not a value of type long"),
    (("event", "scan_id"), "x", "event.scan_id: not an ECS field"),
    (("rule", "reference"), ["https://x"], "rule.reference: must not be an array"),
])
def test_the_check_finds_what_breaks_ecs(events: list[dict[str, Any]], ecs: dict[str, dict[str, Any]],
                                         field: tuple[str, str], value: Any, problem: str) -> None:
    broken = copy.deepcopy(events[0])
    broken[field[0]][field[1]] = value
    assert problem in problems(broken, ecs)
