"""A unit's findings packed into batches give back, from any place on, what they were given."""

from __future__ import annotations

from keyaudit.model.findings import Finding, Location
from keyaudit.run.tally import PACK_AT, Found


def finding(line: int) -> Finding:
    return Finding("rule", "plain-http", "low", "high", "generic", "title", "message",
                   Location("app.log", line, 1, line, 2), None)


def test_the_findings_from_any_place_on_are_those_given_from_there() -> None:
    given = [finding(line) for line in range(1, 3 * PACK_AT + 8)]
    found = Found(given[:5])
    found.extend(given[5 : 2 * PACK_AT + 3])  # a batch longer than PACK_AT
    for item in given[2 * PACK_AT + 3 :]:
        found.append(item)
    lines = [f.location.line for f in given]
    assert len(found) == len(given)
    for start in (0, 1, PACK_AT - 1, PACK_AT, 2 * PACK_AT + 3, 3 * PACK_AT, len(given) - 1, len(given), len(given) + 5):
        assert [f.location.line for f in found.since(start)] == lines[start:], start
