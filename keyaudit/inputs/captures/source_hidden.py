"""What a statement group says of its requests' headers beyond the pairs it gives (see :mod:`.source_requests`):
whether it mocks (a test's stub names the API it replaces: no request), whether it may add headers it does not
show (an interceptor, defaults, a spread, a handler stack), and, for a part too long to be read whole, what the whole
part shows, read once, that each statement piece cut from it is judged with (:func:`shown`)."""

from __future__ import annotations

from typing import AbstractSet, NamedTuple

from .cut_records import count_cut
from .source_calls import written_calls
from .source_headers import headers_given
from .source_languages import Language
from .source_tokens import Token, tokens
from .source_signers import signed
from .source_value_kinds import Call
from .source_values import facts, resolved

_MOCKING = ("mock", "stub", "nock", "fake", "respx", "httpretty", "responses.add", "assert", "expect", "describe")
_HIDDEN_HEADERS = ("interceptor", "middleware", "defaults.headers", "default_headers")
# a spread, or Guzzle's handler stack (a signing middleware's place) as a quoted option: may stand for unshown headers
_HIDING_TOKENS = frozenset({("punct", "..."), ("punct", "**"), ("string", "handler")})
# the longest part read whole for what it shows of its headers: a name's value is looked up among all the part's
# bindings, so that reading grows with their square (a function of 5,000 posts, 1 MB, took 5 s); a longer part's
# pieces have their headers unknown (a false unsigned transfer is worse than one missed), the part counted cut
_WHOLE_CHARS = 64 << 10


class Shown(NamedTuple):
    """The headers a whole part gives, and whether they are all (None where it mocks)."""

    headers: set[tuple[str, str]]
    known: bool | None


def mocks(lowered: set[str]) -> bool:
    """Whether a group naming ``lowered`` (its names, in lower case) mocks."""
    return any(word in name for name in lowered for word in _MOCKING) or "it" in lowered


def hides(found: list[Token], lowered: set[str]) -> bool:
    """Whether a group of tokens ``found``, naming ``lowered``, may add headers it does not show."""
    return any(word in name for name in lowered for word in _HIDDEN_HEADERS) or any(
        (token.kind, token.text) in _HIDING_TOKENS for token in found)


def shown(part: list[tuple[int, str]], lang: Language, constants: dict[str, str | None],
          signers: AbstractSet[str]) -> Shown:
    """What the whole of a long ``part`` shows of its headers, read once (as a short group is, up to
    :data:`_WHOLE_CHARS`): a statement piece cut from it is short of what the part sets elsewhere
    (``session.headers.update(signed_headers(body))`` above a 40 KiB map, then ``session.post(…)`` — read alone,
    a false unsigned transfer), so a piece's headers are known only where the part's are and the piece shows each
    of those, and no piece of a part that mocks is a request. One that gives a request it binds to a call of
    ``signers`` (:mod:`.source_signers`) has them unknown."""
    if sum(len(text) + 1 for _, text in part) > _WHOLE_CHARS:
        count_cut(("source", part[0][0]))  # its requests judged with headers unknown: said, not silent
        return Shown(set(), False)
    found = written_calls(tokens("\n".join(text for _, text in part), lang), lang)
    said = facts(found, frozenset(constants))
    lowered = {name.lower() for name in said.names}
    headers, known = headers_given(said)
    known = known and not hides(found, lowered) and not signed(
        said, lambda value: isinstance(resolved(value, said), Call), signers)
    return Shown(set(headers), None if mocks(lowered) else known)
