"""Declared interfaces across the files of one scan: a declarative client's interface written in one file (``api/
IuguApi.kt``) and its client and calls in another (``data/Repository.kt``).

No second pass over the tree: each file's reading keeps what it declares (:class:`Seen`, which also carries the
declarations from slice to slice of one file) and the calls it made on a client of an interface it did not declare
(:class:`Waiting`: the interface's and the method's names, the base, the call's arguments as far as the file
gives them, where it stands); once every file is read, each waiting call is joined to the interface of its name
the scan declared (:func:`joined`), whatever order the files were read in or which process read them. Bounded: a
file keeps at most :data:`MAX_WAITING` calls (those past it counted, never silently dropped), and a name two files
declare differently joins no call (which one the client is built on, the scan does not say).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from keyaudit.model.exchange import Exchange, Origin

from .source_interfaces import Declarations, Endpoint
from .source_value_kinds import Call

MAX_WAITING = 2_000  # calls on clients of interfaces declared elsewhere, kept a file


@dataclass(frozen=True)
class Waiting:
    """A call of a method on a client of an interface the file does not declare: the interface's and the method's
    names, the client's base and whether its headers are all the code shows, the call (its arguments resolved as
    far as the file gives them) and where it stands."""

    interface: str
    method: str
    base: str
    known: bool
    call: Call
    origin: Origin


@dataclass
class Seen:
    """What a file's reading declared (the interfaces, by name) and its waiting calls; ``dropped``: those past the
    bound."""

    interfaces: Declarations = field(default_factory=dict)
    waiting: list[Waiting] = field(default_factory=list)
    dropped: int = 0

    def wait(self, call: Waiting) -> None:
        """Keep a waiting call, or count it past the bound."""
        if len(self.waiting) < MAX_WAITING:
            self.waiting.append(call)
        else:
            self.dropped += 1


def joined(seen: Iterable[Seen], request: Callable[[Endpoint, Waiting], Exchange | None]) -> Iterator[Exchange]:
    """The request of each waiting call of ``seen`` (every file's reading) whose interface one file of the scan
    declares, or several alike, with the method called (``request``: a call of an endpoint made into a request)."""
    files = list(seen)
    declared: dict[str, dict[str, Endpoint] | None] = {}
    for one in files:
        for name, endpoints in one.interfaces.items():
            declared[name] = endpoints if declared.get(name, endpoints) == endpoints else None
    for one in files:
        for waiting in one.waiting:
            endpoint = (declared.get(waiting.interface) or {}).get(waiting.method)
            if endpoint is not None and (exchange := request(endpoint, waiting)) is not None:
                yield exchange
