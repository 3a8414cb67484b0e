"""What source code installs on an HTTP client that can set headers on each of its requests, unseen at the call.

A transfer posted by a client that signs through something installed on it — requests' ``session.mount("https://",
SigningAdapter(key))``, an auth object (``auth=RsaSignAuth(key)``), Go's ``http.Client{Transport:
&signingTransport{…}}``, OkHttp's ``addInterceptor(SignatureInterceptor(key))``, a .NET ``new HttpClient(new
SigningHandler(key))`` — shows no ``Signature`` at the call, yet is signed: its headers are unknown, not missing.
Which code so installs is the libraries' knowledge, not the reader's, so it is data, ``header_setters`` in a rule
file, read on code tokens (comments and strings are no code: :mod:`keyaudit.inputs.captures.source_setters`)::

    header_setters:
      signing_words: [sign, signature, hmac, rsa]     # parts of a name that says it signs (RsaSignAuth, signer)
      harmless: [HTTPAdapter, HttpLoggingInterceptor]  # a library's own part that sets no header it is not given
      places:
        - name: mounted adapter
          kind: argument                               # named: a code name holding a word; argument: a call's
          names: [mount]                               # arguments; keyword: a keyword argument, field or attribute
          examples: [{py: 'session.mount("https://", SigningAdapter(key))'}]
          negative_examples: [{py: 'session.mount("https://", HTTPAdapter(max_retries=3))'}]

Each example is one mapping of a source file's extension (``py``, ``go``, ``kt``, ``cs``…) to code that installs a
setter (a negative example: code that must not count); ``keyaudit rules test`` checks both.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from keyaudit.rulebook.errors import RuleError

KEY = "header_setters"
KINDS = ("named", "argument", "keyword")
_PLACE_FIELDS = frozenset({"name", "kind", "names", "examples", "negative_examples"})
_FIELDS = frozenset({"signing_words", "harmless", "places"})


@dataclass(frozen=True)
class SetterPlace:
    """Where code installs something that may set headers: a code name holding one of ``names`` (``named``), an
    argument of a call so named (``argument``), or a keyword argument, field or attribute so named (``keyword``)."""

    name: str
    kind: str
    names: tuple[str, ...]
    examples: tuple[tuple[str, str], ...]  # (a source file's extension, code)
    negative_examples: tuple[tuple[str, str], ...]
    source: str  # the rule file it is in


@dataclass(frozen=True)
class HeaderSetters:
    """Every place the rule files name, with the words a signer's name holds and the library parts that sign
    nothing."""

    places: tuple[SetterPlace, ...] = ()
    signing_words: frozenset[str] = frozenset()
    harmless: frozenset[str] = frozenset()

    @functools.cached_property
    def by_kind(self) -> dict[str, frozenset[str]]:
        """The names of each kind of place."""
        return {kind: frozenset(name for place in self.places if place.kind == kind for name in place.names)
                for kind in KINDS}

    def merged(self, other: HeaderSetters) -> HeaderSetters:
        """These and ``other``'s (a later file's place of the same name replaces an earlier one's)."""
        places = {place.name: place for place in self.places + other.places}
        return HeaderSetters(tuple(places.values()), self.signing_words | other.signing_words,
                             self.harmless | other.harmless)


NO_HEADER_SETTERS = HeaderSetters()  # what a reader knows without the rules: nothing installed sets headers


def parse_header_setters(value: Any, path: str) -> HeaderSetters:
    """A rule file's ``header_setters`` (see the module): two word lists and a list of places, each with examples
    of both kinds."""
    if not isinstance(value, dict) or not set(value) <= _FIELDS:
        raise RuleError(path, None, f"'{KEY}' must be a mapping of {', '.join(sorted(_FIELDS))}")
    words = {name: value.get(name, []) for name in ("signing_words", "harmless")}
    if not all(isinstance(items, list) and all(isinstance(item, str) and item for item in items)
               for items in words.values()):
        raise RuleError(path, None, f"'{KEY}': signing_words and harmless must be lists of names")
    if not isinstance(value.get("places", []), list):
        raise RuleError(path, None, f"'{KEY}': places must be a list")
    places = tuple(_place(raw, f"'{KEY}' place {number}", path)
                   for number, raw in enumerate(value.get("places", []), 1))
    return HeaderSetters(places, frozenset(word.lower() for word in words["signing_words"]),
                         frozenset(words["harmless"]))


def _place(raw: Any, where: str, path: str) -> SetterPlace:
    """One place, its fields checked."""
    if not isinstance(raw, dict) or set(raw) != _PLACE_FIELDS:
        raise RuleError(path, None, f"{where} must have exactly {', '.join(sorted(_PLACE_FIELDS))}")
    if not isinstance(raw["name"], str) or raw["kind"] not in KINDS:
        raise RuleError(path, None, f"{where}: a name and a kind ({', '.join(KINDS)}) are needed")
    if not isinstance(raw["names"], list) or not raw["names"] or not all(
            isinstance(name, str) and name for name in raw["names"]):
        raise RuleError(path, None, f"{where}: names must be a non-empty list of strings")
    lists = {}
    for name in ("examples", "negative_examples"):
        items = raw[name]
        if not isinstance(items, list) or not items or not all(
                isinstance(item, dict) and len(item) == 1 and all(isinstance(text, str) for text in item.values())
                for item in items):
            raise RuleError(path, None, f"{where}: {name} must be a non-empty list of {{extension: code}}")
        lists[name] = tuple(next(iter(item.items())) for item in items)
    return SetterPlace(raw["name"], raw["kind"], tuple(raw["names"]), lists["examples"], lists["negative_examples"],
                       path)
