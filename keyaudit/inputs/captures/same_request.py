"""One request read twice from one region of a log is one request.

Clients log a request more than once, in different shapes: Apache HttpClient's ``headers`` logger
and its ``wire`` logger, an application's JSON record of a call beside its client's debug dump,
.NET's two handlers. Each reader reads its own shape, so the same request comes out twice, with
as much as each shape shows (one without its body, one with it): judged twice it gives duplicate
findings, or a bad signature beside a valid one.

Two exchanges are the same request when different readers read them (the same reader reading
two is two requests: a retry is sent again), within :data:`NEAR_LINES` of each other, with the
same method and URL, the same headers (the names compared without case; ``Host`` and
``Content-Length``, which some shapes leave out, not compared; a shape that shows no headers
agrees with any) and no two different bodies. The one kept shows the most: its body, then its
headers.
"""

from __future__ import annotations

from typing import Iterable

from keyaudit.model.exchange import REQUEST_SPAN_LINES, Exchange

NEAR_LINES = 2 * REQUEST_SPAN_LINES
_NOT_COMPARED = frozenset({"host", "content-length"})


def _headers(exchange: Exchange) -> frozenset[tuple[str, str]] | None:
    """The headers compared, or None where the capture shows none (any headers may go with it)."""
    if not exchange.headers_known:
        return None
    return frozenset((name.lower(), value.strip()) for name, value in exchange.headers
                     if name.lower() not in _NOT_COMPARED)


def _shows(exchange: Exchange) -> tuple[bool, bool, int]:
    return exchange.body is not None, exchange.headers_known, len(exchange.headers)


def distinct(exchanges: Iterable[Exchange]) -> list[Exchange]:
    """The exchanges with each request read by two readers kept once (the fuller reading), in
    the order read."""
    kept: list[Exchange] = []
    compared: list[frozenset[tuple[str, str]] | None] = []
    seen: dict[tuple[str, str], list[int]] = {}  # method and URL -> places in `kept`
    for exchange in exchanges:
        headers = _headers(exchange)
        places = seen.setdefault((exchange.method, exchange.url), [])
        twin = next((place for place in places if _twins(kept[place], compared[place], exchange, headers)), None)
        if twin is None:
            places.append(len(kept))
            kept.append(exchange)
            compared.append(headers)
        elif _shows(exchange) > _shows(kept[twin]):
            kept[twin], compared[twin] = exchange, headers
    return kept


def _twins(one: Exchange, one_headers: frozenset[tuple[str, str]] | None, other: Exchange,
           other_headers: frozenset[tuple[str, str]] | None) -> bool:
    return (one.origin.capture != other.origin.capture
            and abs(one.origin.line - other.origin.line) <= NEAR_LINES
            and (one_headers is None or other_headers is None or one_headers == other_headers)
            and (one.body is None or other.body is None or one.body == other.body))
