"""The kinds of value a reading of source statements gives (see :mod:`.source_values`, which reads them, and the
modules that make requests of them): a literal, a string begun by one, a name, a map or a list written out, a call,
or what the code computes; and what a group of statements says with them (:class:`Facts`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from keyaudit.model.exchange import UNKNOWN


@dataclass(frozen=True)
class Lit:
    text: str


@dataclass(frozen=True)
class Partial:
    """A string begun by a literal, ended by what the code computes (``'Basic ' . $key``): its start is known."""

    start: str


@dataclass(frozen=True)
class Ref:
    name: str


@dataclass(frozen=True)
class Unknown:
    pass


UNKNOWN_VALUE = Unknown()


@dataclass(frozen=True)
class Pairs:
    pairs: tuple[tuple[str | None, object], ...]


@dataclass(frozen=True)
class Items:
    items: tuple[object, ...]


@dataclass(frozen=True)
class Call:
    name: str
    args: tuple[tuple[str | None, object], ...]


@dataclass
class Facts:
    """What a group says: (name, value, line) bindings (``name = v``, ``key: v``, ``key => v``,
    ``recv["k"] = v`` as ``recv[]`` bound to a pair), (name, call, line) calls, the names used."""

    bindings: list[tuple[str, object, int]] = field(default_factory=list)
    calls: list[tuple[str, Call, int]] = field(default_factory=list)
    names: set[str] = field(default_factory=set)


def string_value(text: str, parts: tuple[tuple[str, str], ...]) -> object:
    """The value a string literal is: its text; where it expands what the code computes (``text`` unknown), its
    start if it starts with text (PHP's ``"access_token: $key"``, a header's line whose value the code gives), else
    unknown."""
    if text != UNKNOWN:
        return Lit(text)
    return Partial(parts[0][1]) if parts and parts[0][0] == "string" else UNKNOWN_VALUE
