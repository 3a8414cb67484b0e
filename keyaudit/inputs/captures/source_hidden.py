"""What a statement group says of its requests' headers beyond the pairs it gives (see :mod:`.source_requests`):
whether it mocks (a test's stub names the API it replaces: no request), whether it may add headers it does not
show (an interceptor, defaults, a spread, a handler stack), and, for a part too long to be read whole, what the whole
part shows, read once, that each statement piece cut from it is judged with (:func:`shown`)."""

from __future__ import annotations

import re
from typing import AbstractSet, NamedTuple

from .cut_records import count_cut
from .source_bare import sends, written_credentials
from .source_calls import written_calls
from .source_groups import HOOK_OPTIONS, statements
from .source_headers import headers_given
from .source_languages import Language
from .source_tokens import Token, tokens
from .source_value_kinds import Facts
from .source_values import facts, last_part, receiver

_MOCKING = ("mock", "stub", "nock", "fake", "respx", "httpretty", "responses.add", "assert", "expect", "describe")
_HIDDEN_HEADERS = ("interceptor", "middleware", "defaults.headers", "default_headers")
# a spread, or Guzzle's handler stack (a signing middleware's place) as a quoted option: may stand for unshown headers
_HIDING_TOKENS = frozenset({("punct", "..."), ("punct", "**"), ("string", "handler")})
# options that may add headers where given an object (see signs_unseen)
_SIGNING_OPTIONS = frozenset(HOOK_OPTIONS)
_INSTANCE = re.compile(r"(?:self|this|\$this|@)(?:\.|->)?(\w+)(?:\.|->)")  # a call on an instance's member
_HOOKED = re.compile(rf"(?<![\w$])(?:self|this|\$this|@)(?:\.|->)?(\w+)(?:\.|->)(?:{'|'.join(HOOK_OPTIONS)}|headers)\b")
# the longest part read whole for what it shows of its headers: a name's value is looked up among all the part's
# bindings, so that reading grows with their square (a function of 5,000 posts, 1 MB, took 5 s); a longer part is
# read in its statement pieces, each alone (a name bound in another piece is unknown there: its headers unknown)
_WHOLE_CHARS = 64 << 10


class Shown(NamedTuple):
    """The headers a whole part gives, and whether they are all (None where it mocks); the tokens of its pieces'
    calls, by their text, for their own reading (:func:`calls_of`)."""

    headers: set[tuple[str, str]]
    known: bool | None
    read: dict[str, list[Token]]


def mocks(lowered: set[str]) -> bool:
    """Whether a group naming ``lowered`` (its names, in lower case) mocks."""
    return any(word in name for name in lowered for word in _MOCKING) or "it" in lowered


def hides(found: list[Token], lowered: set[str]) -> bool:
    """Whether a group of tokens ``found``, naming ``lowered``, may add headers it does not show."""
    return any(word in name for name in lowered for word in _HIDDEN_HEADERS) or any(
        (token.kind, token.text) in _HIDING_TOKENS for token in found)


def shown(part: list[tuple[int, str]], lang: Language, constants: dict[str, str | None],
          most: int) -> Shown:
    """What the whole of a long ``part`` shows of its headers, read once (as a short group is, up to
    :data:`_WHOLE_CHARS`; a longer one in its statement pieces of at most ``most`` characters, each alone, so the
    reading stays linear — given up, its 600 identical transfers went unjudged): a statement piece cut from it is
    short of what the part sets elsewhere (``session.headers.update(signed_headers(body))`` above a 40 KiB map, then
    ``session.post(…)`` — read alone, a false unsigned transfer), so a piece's headers are known only where the
    part's are and the piece shows each of those, and no piece of a part that mocks is a request."""
    whole = sum(len(text) + 1 for _, text in part) <= _WHOLE_CHARS
    headers: set[tuple[str, str]] = set()
    known, read = True, {}
    for piece in [part] if whole else statements(part, most):
        text = "\n".join(text for _, text in piece)
        if not whole and len(text) > most:  # a line longer than a piece (a minified bundle's): not read, said so
            count_cut(("source", piece[0][0]))
            known = False
            continue
        found = read[text] = written_calls(tokens(text, lang), lang)
        said = facts(found, frozenset(constants))
        lowered = {name.lower() for name in said.names}
        if mocks(lowered):
            return Shown(set(), None, {})
        given, given_known = headers_given(said)
        headers.update(given)
        known = known and given_known and not hides(found, lowered)
    return Shown(headers, known, {} if whole else read)


def signs_unseen(said: Facts, hooked: AbstractSet[str]) -> bool:
    """Whether what sends the group's request may add headers the group does not show: an option that signs or
    hooks given an object (``auth=IuguRSASigner(…)``, ``session.auth = SignatureAuth()``, ``event_hooks=…``,
    ``transport=…``: only an ``auth`` of a user and password written out adds none), or a request made on an
    instance's member that the window gives such an option elsewhere (``hooked``, see :func:`hooked_members`:
    ``self.session.auth = …`` in the constructor, ``self.session.post(…)`` in a method)."""
    options = [(label, value) for _, call, _ in said.calls for label, value in call.args if label is not None]
    options += [(last_part(name), value) for name, value, _ in said.bindings if receiver(name)]
    if any(label.lower() in _SIGNING_OPTIONS and not (label.lower() == "auth" and written_credentials(value, said))
           for label, value in options):
        return True
    return bool(hooked) and any((member := _INSTANCE.match(name)) and member.group(1) in hooked
                                and sends(last_part(name)) for name, _, _ in said.calls)


def hooked_members(lines: list[tuple[int, str]]) -> set[str]:
    """The instance members (``self.session``, ``this.http``, ``$this->client``) the ``lines`` give an option that
    may add headers (an auth, hooks, a transport, interceptors, an adapter mounted, headers)."""
    return {found.group(1) for _, text in lines for found in _HOOKED.finditer(text)}


def calls_of(text: str, lang: Language, whole: Shown | None) -> list[Token]:
    """The tokens of a statement piece's calls: as :func:`shown` read them for the ``whole`` part (once: a long
    part's pieces were read twice, 1.5 times the reading of a function of 10,000 posts), else read now."""
    found = whole.read.pop(text, None) if whole is not None else None
    return found if found is not None else written_calls(tokens(text, lang), lang)
