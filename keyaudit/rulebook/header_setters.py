"""What source code installs on an HTTP client that can set headers on each of its requests, unseen at the call.

A transfer posted by a client that signs through something installed on it — requests' ``session.mount("https://",
SigningAdapter(…))``, an auth object (``auth=SignedAuth(key)``, not a literal pair), Go's ``http.Client{Transport:
&signingTransport{…}}``, OkHttp's ``addInterceptor(…)``, a .NET ``DelegatingHandler`` — shows no ``Signature`` at
the call, yet is signed: its headers are unknown, not missing, and no rule may call it unsigned. Which code so
installs is the libraries' knowledge, not the reader's, so it is data, under ``header_setters`` in a rule file::

    header_setters:
      - name: mounted adapter
        pattern: '\\.mount\\(\\s*[^,()]+,\\s*(?!(?:requests\\.adapters\\.)?HTTPAdapter\\b)\\w'
        examples: ['session.mount("https://", SigningAdapter(key))']
        negative_examples: ['session.mount("https://", HTTPAdapter(max_retries=3))']

A setter counts where ``pattern`` is found in a statement group's code (Python's :mod:`re`); the examples are code
it counts in, the negative examples code it must not (``keyaudit rules test`` checks both). A library's own part
that sets no header (a retry adapter, a logging interceptor, the default transport) is a negative example: its
client's headers stay as the call shows them.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from keyaudit.rulebook.errors import RuleError

KEY = "header_setters"
_FIELDS = frozenset({"name", "pattern", "examples", "negative_examples"})
# a flag for the whole pattern (``(?i)``): in the alternation of every setter it would be in the middle, an error
_GLOBAL_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")


@dataclass(frozen=True)
class HeaderSetter:
    """One kind of thing installed on a client that can set its requests' headers: where ``pattern`` is found."""

    name: str
    pattern_text: str
    examples: tuple[str, ...]
    negative_examples: tuple[str, ...]
    source: str  # the rule file it is in

    @functools.cached_property
    def pattern(self) -> "re.Pattern[str]":
        return re.compile(self.pattern_text)

    def counts_in(self, code: str) -> bool:
        """Whether ``code`` installs this kind of setter."""
        return self.pattern.search(code) is not None


@dataclass(frozen=True)
class HeaderSetters:
    """Every setter the rule files name, looked for at once (one alternation: a group's text is searched once)."""

    setters: tuple[HeaderSetter, ...] = ()

    @functools.cached_property
    def _any(self) -> "re.Pattern[str] | None":
        if not self.setters:
            return None
        return re.compile("|".join(f"(?:{setter.pattern_text})" for setter in self.setters))

    def installed(self, code: str) -> bool:
        """Whether ``code`` (a statement group's) installs something that can set its client's headers."""
        return self._any is not None and self._any.search(code) is not None


NO_HEADER_SETTERS = HeaderSetters()  # what a reader knows without the rules: nothing installed sets headers


def parse_header_setters(value: Any, path: str) -> tuple[HeaderSetter, ...]:
    """A rule file's ``header_setters``: a list of ``{name, pattern, examples, negative_examples}``; the pattern
    must compile, with no capturing group nor global flag (all are searched as one alternation: see
    :class:`HeaderSetters`), and each needs examples of both kinds."""
    if not isinstance(value, list):
        raise RuleError(path, None, f"'{KEY}' must be a list")
    setters = []
    for number, raw in enumerate(value, 1):
        where = f"'{KEY}' entry {number}"
        if not isinstance(raw, dict) or set(raw) != _FIELDS:
            raise RuleError(path, None, f"{where} must have exactly {', '.join(sorted(_FIELDS))}")
        if not all(isinstance(raw[name], str) and raw[name] for name in ("name", "pattern")):
            raise RuleError(path, None, f"{where}: name and pattern must be non-empty strings")
        lists = {name: raw[name] for name in ("examples", "negative_examples")}
        if not all(isinstance(items, list) and items and all(isinstance(item, str) for item in items)
                   for items in lists.values()):
            raise RuleError(path, None, f"{where}: examples and negative_examples must be non-empty lists of strings")
        setter = HeaderSetter(raw["name"], raw["pattern"], tuple(lists["examples"]),
                              tuple(lists["negative_examples"]), path)
        try:
            compiled = setter.pattern
        except re.error as exc:
            raise RuleError(path, None, f"{where}: pattern is not a regular expression: {exc}") from None
        if compiled.groups or _GLOBAL_FLAGS.search(setter.pattern_text):
            raise RuleError(path, None, f"{where}: pattern must hold no capturing group nor global flag (scope "
                                        "one: `(?i:…)`)")
        setters.append(setter)
    return tuple(setters)
