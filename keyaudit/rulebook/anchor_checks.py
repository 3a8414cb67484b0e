"""Request anchors that count only where their text is what they stand for: a header's name, a
transfer path's end — not a word of a log message that happens to hold them.

A request anchor makes the engine hand a whole request's span of lines around it (a body
included: a signature is over the exact bytes) to every request reader. A payment service's own
log writes ``webhook signature verified`` and ``GET /v1/transfers/tr_1`` on line after line; each
made such a window, and a log with one every few lines was read whole as requests, at twice the
cost, for no request a rule could judge (no header is named ``signature verified``; no rule's
transfer path goes on to an id). A rule file says so under ``request_anchor_checks``::

    request_anchor_checks:
      - anchor: ignature
        pattern: 'ignature(?![A-Za-z0-9_]| [A-Za-z0-9])'
        examples: ['Signature: signature=…']
        negative_examples: ['webhook signature verified']

An occurrence of the anchor counts where ``pattern`` matches from its start (both engines look
at the text there after finding it); the examples are lines in which some occurrence counts, the
negative examples lines in which none does (``keyaudit rules test`` checks them).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from keyaudit.rulebook.errors import RuleError

_FIELDS = frozenset({"anchor", "pattern", "examples", "negative_examples"})
KEY = "request_anchor_checks"


@dataclass(frozen=True)
class AnchorCheck:
    """Where an occurrence of ``anchor`` counts: where ``pattern`` matches from its start."""

    anchor: str
    pattern_text: str
    examples: tuple[str, ...]
    negative_examples: tuple[str, ...]
    source: str  # the rule file it is in

    @functools.cached_property
    def pattern(self) -> "re.Pattern[bytes]":
        return re.compile(self.pattern_text.encode("utf-8"))

    def counts_in(self, line: str) -> bool:
        """Whether some occurrence of the anchor in ``line`` counts."""
        text, anchor = line.encode("utf-8"), self.anchor.encode("utf-8")
        start = text.find(anchor)
        while start >= 0:
            if self.pattern.match(text, start):
                return True
            start = text.find(anchor, start + 1)
        return False


def parse_anchor_checks(value: Any, path: str) -> tuple[AnchorCheck, ...]:
    """A rule file's ``request_anchor_checks``: a list of ``{anchor, pattern, examples,
    negative_examples}``; the pattern must compile, and each check needs examples of both kinds
    (what the anchor stands for, and the words it must not be taken for)."""
    if not isinstance(value, list):
        raise RuleError(path, None, f"'{KEY}' must be a list")
    checks = []
    for number, raw in enumerate(value, 1):
        where = f"'{KEY}' entry {number}"
        if not isinstance(raw, dict) or set(raw) != _FIELDS:
            raise RuleError(path, None, f"{where} must have exactly {', '.join(sorted(_FIELDS))}")
        if not all(isinstance(raw[name], str) and raw[name] for name in ("anchor", "pattern")):
            raise RuleError(path, None, f"{where}: anchor and pattern must be non-empty strings")
        lists = {name: raw[name] for name in ("examples", "negative_examples")}
        if not all(isinstance(items, list) and items and all(isinstance(item, str) for item in items)
                   for items in lists.values()):
            raise RuleError(path, None, f"{where}: examples and negative_examples must be non-empty lists of strings")
        check = AnchorCheck(raw["anchor"], raw["pattern"], tuple(lists["examples"]),
                            tuple(lists["negative_examples"]), path)
        try:
            check.pattern  # compiled here, once, as the engines will use it
        except re.error as exc:
            raise RuleError(path, None, f"{where}: pattern is not a regular expression: {exc}") from None
        checks.append(check)
    return tuple(checks)


def checks_for(anchors: list[bytes], checks: tuple[AnchorCheck, ...]) -> list["re.Pattern[bytes] | None"]:
    """The pattern each of ``anchors`` (as the engine looks for them) must match where it occurs,
    or None where every occurrence counts."""
    by_anchor = {check.anchor.encode("utf-8"): check.pattern for check in checks}
    return [by_anchor.get(anchor) for anchor in anchors]
