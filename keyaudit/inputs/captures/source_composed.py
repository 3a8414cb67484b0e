"""Strings a statement group composes of literals and names bound to literals, written as the one string they make
(see :mod:`.source_requests`): a template that expands names alone (``f"{BASE_URL}/transfers"``,
`` `${baseUrl}/v1/transfer_requests` ``, ``"#{BASE}/x"``, ``"$base/x"``: :func:`.source_strings.template_parts`) and a
join of literals and names (``BASE_URL + "/transfers"``, PHP's ``$base . '/transfers'``). A request's URL is most
often so written — a module's base URL, then each call's path — and read as what the code computes it was no URL.

A name is known where the group binds it to one literal (:func:`.source_values.resolved`): in its own statements, or
in a module's constant put before it (:mod:`.source_constants`, which a name bound again is not); a composition
of anything else — a call, an index, a name bound to what the code computes or to two values — stays what it was
(its start known, the rest unknown), and so does a join an operator that binds tighter ends or starts (``x * 2``).
A join of names alone is composed only where it makes an absolute URL (numbers added are none).
"""

from __future__ import annotations

from keyaudit.model.exchange import UNKNOWN

from .source_formatted import formatted
from .source_groups import ABSOLUTE_URL
from .source_languages import Language
from .source_tokens import Token
from .source_value_kinds import Facts, Lit, Ref
from .source_values import resolved

# operators that bind tighter than a join: before its first operand, after any of them (a call, an index, a member)
_TIGHTER_BEFORE = frozenset({"*", "/", "%", "-", "**", "!", "."})
_TIGHTER_AFTER = frozenset({"*", "/", "%", "-", "**", "[", "(", ".", "?."})


def composed(found: list[Token], said: Facts, lang: Language) -> list[Token] | None:
    """``found`` with each composition the group writes as one string token, its pieces kept as its ``parts`` (for
    its place in the text), a call that composes one (:mod:`.source_formatted`) first; None where it writes none
    (most groups: nothing is read again)."""
    calls = formatted(found, lambda token: _operand(token, said))
    found = calls or found
    joining = ("+", ".") if lang.dot_joins else ("+",)
    if not any(token.parts or token.kind == "punct" and token.text in joining for token in found):
        return calls
    written: list[Token] = []
    at, changed = 0, False
    while at < len(found):
        end, text = _composition(found, at, joining, said)
        if text is None:
            written.append(found[at])
            at += 1
            continue
        pieces = tuple(part for token in found[at:end:2] for part in (token.parts or ((token.kind, token.text),)))
        written.append(Token("string", text, found[at].line, pieces))
        at, changed = end, True
    return written if changed else calls


def _composition(found: list[Token], at: int, joining: tuple[str, ...], said: Facts) -> tuple[int, str | None]:
    """Where the composition starting at ``at`` ends, and the string it makes (None where none starts there, or it
    holds what the group does not bind to a literal)."""
    before = found[at - 1] if at else None
    if before is not None and before.kind == "punct" and (before.text in joining or before.text in _TIGHTER_BEFORE):
        return at, None  # the rest of a join that starts earlier, or an operand of a tighter operator
    texts, names, literal, end = [], False, False, at
    while True:
        token = found[end] if end < len(found) else None
        text = _operand(token, said) if token is not None else None
        following = found[end + 1] if end + 1 < len(found) and found[end + 1].kind == "punct" else None
        if text is None or following is not None and following.text in _TIGHTER_AFTER \
                and following.text not in joining:
            return at, None
        texts.append(text)
        names = names or token.kind == "name" or bool(token.parts)
        literal = literal or token.kind == "string"
        end += 1
        if following is None or following.text not in joining or end + 1 >= len(found):
            break
        end += 1
    joined = "".join(texts)
    if len(texts) == 1 and not found[at].parts or not names or not literal and ABSOLUTE_URL.fullmatch(joined) is None:
        return at, None  # a name alone (an assignment's target too) stays a name
    return end, joined


def _operand(token: Token, said: Facts) -> str | None:
    """The text an operand of a join or a composing call stands for: a literal's, a template's whose names are all
    known, a known name's; None for anything else."""
    if token.kind == "string":
        if not token.parts or token.text != UNKNOWN:  # a plain literal's, or one composed already
            return None if token.text == UNKNOWN else token.text
        texts = [text if kind == "string" else _known(text, said) for kind, text in token.parts]
        return None if None in texts else "".join(texts)  # type: ignore[arg-type]
    return _known(token.text, said) if token.kind == "name" else None


def _known(name: str, said: Facts) -> str | None:
    """The literal a name stands for: the one the group binds it to, a module's constant put before it too (an
    expanded ``$name`` is the variable ``$name`` where the language writes its variables so, PHP's and Perl's, else
    ``name``)."""
    for spelled in (name, name[1:]) if name.startswith("$") else (name, f"${name}"):
        if isinstance(value := resolved(Ref(spelled), said), Lit):
            return value.text
    return None
