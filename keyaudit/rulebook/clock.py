"""The ``request_time_window`` request check: a signed request's ``Request-Time`` against the
time its own record was logged.

A signature over a ``Request-Time`` minutes away from when the request really went out means a
client clock far off (iugu refuses the request), or a signed request kept and sent again later:
a replay. Only instants that need no guess are compared: a log time without an offset, or a
syslog time without a year, is not judged.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import TYPE_CHECKING, Callable

from keyaudit.model.exchange import Exchange
from keyaudit.model.logtime import read_log_time

if TYPE_CHECKING:
    from keyaudit.rulebook.requests import RequestContext

DEFAULT_WINDOW_SECONDS = 300.0  # how far Request-Time may be from the log time: five minutes


def _parse_request_time(value: str) -> datetime | None:
    from keyaudit.rulebook.signature import parse_request_time  # one reading of Request-Time

    return parse_request_time(value)


def _span(seconds: float) -> str:
    """A duration as people read it: ``7 min 30 s``, ``2 h 5 min``, ``3 d 4 h``."""
    whole = int(round(seconds))
    for unit, size, smaller, small_size in (("d", 86400, "h", 3600), ("h", 3600, "min", 60), ("min", 60, "s", 1)):
        if whole >= size:
            big, rest = divmod(whole, size)
            rest //= small_size
            return f"{big} {unit}" + (f" {rest} {smaller}" if rest else "")
    return f"{whole} s"


def request_time_check(window: float = DEFAULT_WINDOW_SECONDS) -> Callable[[Exchange, "RequestContext"], str | None]:
    """The check, for a window of ``window`` seconds either side of the log time."""

    def check(exchange: Exchange, context: "RequestContext") -> str | None:
        written = (exchange.header("Request-Time") or "").strip()
        sent = _parse_request_time(written)
        logged = read_log_time(exchange.time, timezone.utc, datetime.now(timezone.utc)) if exchange.time else None
        if sent is None or logged is None or logged.zone_assumed or logged.year_assumed:
            return None  # a malformed Request-Time is the signature rule's; an unplaced log time proves nothing
        context.statistics["request_times_compared"] += 1
        gap = (sent - logged.moment).total_seconds()
        if abs(gap) <= window:
            return None
        side = "before" if gap < 0 else "after"
        return f"Request-Time {written} is {_span(abs(gap))} {side} the log time {exchange.time} (window {_span(window)})"

    return check
