"""Whether a statement group installs on its HTTP client something that may set headers the call does not show
(the places, the signing words and the harmless library parts are the rule files' ``header_setters``:
:mod:`keyaudit.rulebook.header_setters`), read on code tokens only — a comment (``# no interceptor here``) or a
string that mentions one installs nothing.

Two kinds of evidence, as a reviewer of a bandit or semgrep finding would weigh them:

- a ``named`` place (an interceptor, a middleware, a client's default headers) exists to change requests, so a code
  name holding its word may set headers — unless it is a harmless library part (``HttpLoggingInterceptor``,
  Guzzle's ``Middleware::retry``), is bound to one, or installs only harmless ones;
- an ``argument`` or ``keyword`` place (``mount(…)``, ``new HttpClient(…)``, ``auth=``, ``Transport:``) is as often
  given a retry adapter, a Basic pair or a timeout transport as a signer, so it counts only where what it is given
  — a construction, or a variable bound in the group to one — says it signs (a name holding a signing word:
  ``RsaSignAuth``, ``signingTransport``, ``hmac_signer``) and is no harmless part. A literal, a tuple or a map (a
  Basic pair, options) never signs; a local merely named ``auth`` is no keyword.
"""

from __future__ import annotations

import re

from keyaudit.rulebook.header_setters import HeaderSetters

from .source_tokens import Token

_OPEN = {"(": ")", "[": "]", "{": "}"}
_CLOSE = frozenset(_OPEN.values())
_SKIPPED = frozenset({"new", "await", "&", "*"})  # before what a value constructs (`new T(…)`, Go's `&T{…}`)
_BINDS = frozenset({"=", ":="})
_KEYWORD_AFTER = frozenset({"(", ",", "{"})  # a keyword argument's or a field's name follows one of these
_PARTS = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+")
_QUALIFIERS = re.compile(r"\.|::|->|\?\.")
_DEPTH = 3  # variables followed to what they are bound to, at most
# the tokens of a value read, at most: what it constructs is at its start (read to its end, each value of a part of
# unclosed calls, `s.mount(x, w(` 3,000 times, was read to the part's end: 6.7 s on 54 KB)
_SPAN_TOKENS = 64
_ARGUMENTS = 8  # a call's arguments read, at most (a setter is given among the first)


def installs_setter(found: list[Token], setters: HeaderSetters) -> bool:
    """Whether the tokens ``found`` of a group install something that may set its client's headers."""
    if not setters.places:
        return False
    reading = _Reading(found, setters)
    return any(reading.installs(at) for at, token in enumerate(found) if token.kind == "name")


class _Reading:
    """One group's tokens, read against the rule files' setters."""

    def __init__(self, found: list[Token], setters: HeaderSetters) -> None:
        self.found, self.setters = found, setters
        self.named = tuple(word.lower() for word in setters.by_kind["named"])
        self._bindings: dict[str, int] | None = None
        self._closing: dict[int, int] | None = None

    def installs(self, at: int) -> bool:
        """Whether the name at ``at`` installs a setter."""
        text, after = self.found[at].text, self._text(at + 1)
        last = _QUALIFIERS.split(text)[-1]
        if self.named and any(word in text.lower() for word in self.named):
            if self._harmless_name(text):
                return False
            if after in _BINDS:  # `val logging = HttpLoggingInterceptor()`: what it is bound to
                return not self._harmless(self._span(at + 2))
            if after == "(":  # `addInterceptor(…)`: what it installs
                spans = self._arguments(at + 1)
                return not spans or not all(self._harmless(span) for span in spans)
            return True
        if last in self.setters.by_kind["argument"] and after == "(":
            return any(self._signs(span, "", 0) for span in self._arguments(at + 1))
        if last in self.setters.by_kind["keyword"] and (
                after == "=" and (text != last or self._text(at - 1) in _KEYWORD_AFTER)
                or after == ":" and self._text(at - 1) in _KEYWORD_AFTER and text == last):
            return self._signs(self._span(at + 2), "", 0)
        return False

    def _text(self, at: int) -> str:
        return self.found[at].text if 0 <= at < len(self.found) and self.found[at].kind == "punct" else ""

    def _span(self, start: int) -> list[Token]:
        """The tokens of the value that begins at ``start``: to a comma, a closing bracket or a statement's end
        outside the brackets it opens (stepped over whole), at most :data:`_SPAN_TOKENS`."""
        found, closes = self.found, self._closes()
        end, line = start, found[start].line if start < len(found) else 0
        while end < min(len(found), start + _SPAN_TOKENS):
            token, before = found[end], found[end - 1]
            if token.kind == "punct" and (token.text in _CLOSE or token.text in (",", ";")):
                break
            if token.line != line and end > start and token.kind != "punct" and (
                    before.kind != "punct" or before.text in _CLOSE):
                break  # the statement ended with its line (Python, Go, Kotlin: no `;`)
            end = closes.get(end, end) + 1
        return found[start:min(end, start + _SPAN_TOKENS)]

    def _closes(self) -> dict[int, int]:
        """Where each bracket of the group closes (an unclosed one: at the last token), found once a group."""
        if self._closing is None:
            self._closing, opened = {}, []
            for at, token in enumerate(self.found):
                if token.kind == "punct" and token.text in _OPEN:
                    opened.append(at)
                elif token.kind == "punct" and token.text in _CLOSE and opened:
                    self._closing[opened.pop()] = at
            self._closing.update(dict.fromkeys(opened, len(self.found) - 1))
        return self._closing

    def _arguments(self, opening: int) -> list[list[Token]]:
        """The argument spans of the call whose ``(`` is at ``opening`` (a keyword's name left out)."""
        spans: list[list[Token]] = []
        at = opening + 1
        while at < len(self.found) and self._text(at) != ")" and len(spans) < _ARGUMENTS:
            span = self._span(at)
            if not span or len(span) == _SPAN_TOKENS:  # an argument read in part: where the next begins is unknown
                spans += [span] if span else []
                break
            keyword = len(span) > 2 and span[0].kind == "name" and span[1].kind == "punct" and span[1].text in "=:"
            spans.append(span[2:] if keyword else span)
            at += len(span) + (self._text(at + len(span)) == ",")
        return spans

    def _value(self, span: list[Token]) -> tuple[Token | None, bool]:
        """The first name a value's tokens construct or name (None for a literal, a tuple, a map, a lambda), and
        whether that name is the whole value (a variable)."""
        rest = (token for token in span if not (token.text in _SKIPPED and token.kind in ("name", "punct")))
        first = next(rest, None)
        if first is None or first.kind != "name":
            return None, False
        return first, next(rest, None) is None

    def _bound(self, name: str) -> list[Token] | None:
        """What the group last binds ``name`` to (``name = …``, ``name := …``, ``val name = …``), or None."""
        if self._bindings is None:  # looked for once a group, not once a variable: a group may name hundreds
            self._bindings = {token.text: at + 2 for at, token in enumerate(self.found)
                              if token.kind == "name" and self._text(at + 1) in _BINDS}
        start = self._bindings.get(name)
        return None if start is None else self._span(start)

    def _harmless(self, span: list[Token], depth: int = 0) -> bool:
        """Whether a value is, or is bound to, a harmless library part."""
        first, alone = self._value(span)
        if first is None or self._harmless_name(first.text):
            return first is not None
        bound = self._bound(first.text) if alone and depth < _DEPTH else None
        return bound is not None and self._harmless(bound, depth + 1)

    def _signs(self, span: list[Token], held: str, depth: int) -> bool:
        """Whether a value says it signs: what it constructs or names, or the variable holding it, has a signing
        word in its name (not an argument's: ``SSLAdapter(cert_rsa)`` holds a TLS key, it signs no request), and it
        is no harmless part; a variable is followed to what the group binds it to."""
        first, alone = self._value(span)
        if first is None or self._harmless_name(first.text):
            return False
        if alone and depth < _DEPTH and (bound := self._bound(first.text)) is not None:
            return self._signs(bound, first.text, depth + 1)
        return self._signing(held) or self._signing(first.text)

    def _signing(self, name: str) -> bool:
        return any(part.lower() in self.setters.signing_words for part in _PARTS.findall(name))

    def _harmless_name(self, name: str) -> bool:
        parts = _QUALIFIERS.split(name)
        return any(".".join(parts[at:]) in self.setters.harmless or "::".join(parts[at:]) in self.setters.harmless
                   for at in range(len(parts)))
