"""Named lists of words a rule file's patterns share: ``words: {gateways: [stripe, pagseguro, …]}`` at the top
of the file, ``{words:gateways}`` in a pattern.

The same few dozen names (other gateways, other services whose tokens look like ours) tell several context
pieces apart: written out in each pattern, one list is edited and the copy beside it is not. YAML's anchors
share a whole value, never part of a string, so a list is named once and put in each pattern where it is
referenced, as ``(?:word|word|…)`` with each word taken literally, before the pattern is checked or compiled.
A list belongs to the file that names it: a user's rule file neither sees nor changes a shipped file's lists.

A list is filled in wherever it is named, so a few lines of a rule file can name megabytes of pattern (a list of a
thousand words named a thousand times: 24 KB of YAML, a 5.9 MB pattern, 74.5 s and 2.8 GB to compile); a pattern its
lists would fill past :data:`MAX_FILLED` characters (13 times the longest shipped one) is the rule's error, told
before it is made.
"""

from __future__ import annotations

import re
from typing import Any

from keyaudit.rulebook.errors import RuleError

WORDS = "words"  # the top-level key of a rule file's lists
_REFERENCE = re.compile(r"\{words:([A-Za-z0-9_-]+)\}")
MAX_FILLED = 1 << 16  # characters of a pattern with its word lists filled in, at most


def word_lists(document: dict[str, Any], path: str) -> dict[str, str]:
    """The file's lists, each as the alternation a pattern gets: checked to be lists of words."""
    lists = document.get(WORDS, {})
    if not isinstance(lists, dict):
        raise RuleError(path, None, f"'{WORDS}' must be a mapping of names to lists of words")
    for name, words in lists.items():
        if not isinstance(words, list) or not words or not all(isinstance(word, str) and word.strip()
                                                                 for word in words):
            raise RuleError(path, None, f"'{WORDS}': {name!r} must be a non-empty list of non-empty strings")
    return {name: "(?:" + "|".join(re.escape(word) for word in words) + ")" for name, words in lists.items()}


def with_words(value: Any, lists: dict[str, str], path: str, rule_id: str | None = None) -> Any:
    """``value`` (a rule file's part: a rule, a list of them) with every ``pattern`` in it given its lists:
    a reference to a list the file does not name is the rule's error."""
    if isinstance(value, list):
        return [with_words(item, lists, path, rule_id) for item in value]
    if not isinstance(value, dict):
        return value
    rule_id = value["id"] if isinstance(value.get("id"), str) else rule_id
    return {key: _expanded(item, lists, path, rule_id) if key == "pattern" and isinstance(item, str)
            else with_words(item, lists, path, rule_id) for key, item in value.items()}


def _expanded(pattern: str, lists: dict[str, str], path: str, rule_id: str | None) -> str:
    def expand(reference: re.Match[str]) -> str:
        if reference.group(1) not in lists:
            raise RuleError(path, rule_id, f"pattern names the word list {reference.group(1)!r}, which the file's "
                                           f"'{WORDS}' does not have")
        return lists[reference.group(1)]

    references = list(_REFERENCE.finditer(pattern))
    filled = len(pattern) + sum(len(expand(found)) - len(found.group()) for found in references)
    if references and filled > MAX_FILLED:  # (a long pattern that names no list is the engines' to bear)
        raise RuleError(path, rule_id, f"pattern's word lists fill it to {filled:,} characters, more than "
                                       f"{MAX_FILLED:,} (a long list named many times?)")
    return _REFERENCE.sub(expand, pattern)
