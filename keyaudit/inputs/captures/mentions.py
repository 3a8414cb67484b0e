"""A request named in passing (a log message's ``METHOD <absolute URL>``) counts once, and only
where nothing else tells of it.

Loggers name one request in several such messages (undici's ``sending request to POST <url>``,
then ``received response to POST <url>`` and ``trailers received from POST <url>``; a retry
logger's attempt and its ``retrying`` line), and clients that dump a request often name it so
beside the dump (a debug line before the head, an access log line after it). Such a reading shows
the method and URL only: no header, no body. So:

- a mention is no request where another reading of the same method and URL, one that is no
  mention, starts within :data:`NEAR_LINES` of it (before or after): that reading knows more (its
  headers, maybe its body), and the mention could be any such neighbour's, as a one-line log is;
- a mention of the method and URL a mention at most :data:`CALL_LINES` lines above named is one
  more line about the same call (a run of them is one call): a retry logged on the next lines is
  counted with its first attempt, which carries the same findings;
- a URL named alone (:mod:`.url_mentions`: no method said) is no request where any other reading or
  mention of the same URL, of any method, starts within :data:`NEAR_LINES` of it.

Mentions do not take part in the pairing of fuller readings (same_request.py): what they show is
a part of what those show.
"""

from __future__ import annotations

import bisect

from keyaudit.model.exchange import REQUEST_SPAN_LINES, Exchange

from .url_mentions import CAPTURE as BARE_URL

NEAR_LINES = REQUEST_SPAN_LINES  # between a mention and a reading of the same request that shows more
CALL_LINES = 4  # between two mentions of one call, at most (sent, answered, trailers)


def counted_once(kept: list[Exchange], others: list[Exchange], mentions: list[Exchange]) -> list[Exchange]:
    """``kept`` (the fuller readings, each request once) with the ``mentions`` that name a request
    no reading of ``others`` (every fuller reading, kept or folded) tells of, nor an earlier mention
    of the same call, in the order of their first lines."""
    if not mentions:
        return kept
    lines: dict[tuple[str, str], list[int]] = {}
    for exchange in others:
        lines.setdefault((exchange.method, exchange.url), []).append(exchange.origin.line)
    urls: dict[str, list[int]] = {}  # the lines every reading and mention that says its method names each URL on
    for exchange in [*others, *(mention for mention in mentions if mention.origin.capture != BARE_URL)]:
        urls.setdefault(exchange.url, []).append(exchange.origin.line)
    for known in [*lines.values(), *urls.values()]:
        known.sort()
    last_said: dict[tuple[str, str], int] = {}
    alone: list[Exchange] = []
    for mention in sorted(mentions, key=lambda exchange: exchange.origin.line):
        key, line = (mention.method, mention.url), mention.origin.line
        before = last_said.get(key)
        last_said[key] = line
        if before is not None and line - before <= CALL_LINES:
            continue  # the same call, named again
        known = urls.get(mention.url) if mention.origin.capture == BARE_URL else lines.get(key)
        if known is None or not _near(known, line):
            alone.append(mention)
    return _merged(kept, alone) if alone else kept


def _near(known: list[int], line: int) -> bool:
    """Whether a line of the sorted ``known`` is within :data:`NEAR_LINES` of ``line``."""
    index = bisect.bisect_left(known, line - NEAR_LINES)
    return index < len(known) and known[index] <= line + NEAR_LINES


def _merged(kept: list[Exchange], alone: list[Exchange]) -> list[Exchange]:
    """The two lists as one, each mention before the first kept reading that starts below it."""
    merged: list[Exchange] = []
    index = 0
    for exchange in kept:
        while index < len(alone) and alone[index].origin.line < exchange.origin.line:
            merged.append(alone[index])
            index += 1
        merged.append(exchange)
    return merged + alone[index:]
