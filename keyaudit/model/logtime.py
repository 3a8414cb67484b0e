"""When a log record was written, as an instant with a UTC offset.

Logs write their times in many forms — ISO 8601 with or without an offset, access-log times,
syslog's times without a year, epoch numbers — and a SIEM orders events by instants. A time
written without an offset names no instant until a zone is chosen: it is read in the zone the scan
is configured with (``log_timezone``, UTC unless set), and the reading records that the offset was
assumed, so an event can say so instead of passing a guess off as a fact. Syslog's times have no
year either: the scan's year is assumed (the year before, for a time that would lie in the future).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone, tzinfo

ZONE_HELP = "UTC, an offset such as -03:00, or an IANA name such as America/Sao_Paulo"
_OFFSET = re.compile(r"([+-])(\d{2}):?(\d{2})")
_EPOCH = re.compile(r"(\d{9,19})(\.\d+)?")  # seconds from 1973 on, or milli-, micro-, nanoseconds
_EPOCH_SCALES = ((11, 1), (14, 1_000), (17, 1_000_000), (19, 1_000_000_000))  # integer digits -> per second
_SPACED_OFFSET = re.compile(r"(.*\d) ?(Z|[+-]\d{2}:?\d{2})")
_SYSLOG = re.compile(r"[A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2}")
_FUTURE_SLACK = timedelta(days=1)  # a yearless time up to a day ahead of the scan is this year's (clock skew)


def time_zone(name: str) -> tzinfo:
    """The zone ``name`` names: ``UTC``, a fixed offset (``-03:00``, ``+0530``) or an IANA name
    (``America/Sao_Paulo``, with its daylight-saving rules); ValueError for anything else."""
    if name.upper() in ("UTC", "Z"):
        return timezone.utc
    offset = _OFFSET.fullmatch(name)
    if offset is not None:
        sign, hours, minutes = offset.groups()
        if int(hours) < 24 and int(minutes) < 60:
            delta = timedelta(hours=int(hours), minutes=int(minutes))
            return timezone(-delta if sign == "-" else delta)
    elif name:
        from zoneinfo import ZoneInfo  # only when a zone is named: most scans use UTC

        try:
            return ZoneInfo(name)
        except (ValueError, LookupError, OSError):  # unknown, not a zone file, or a path outside the zone folder
            pass
    raise ValueError(f"unknown time zone {name!r}: expected {ZONE_HELP}")


@dataclass(frozen=True)
class LogTime:
    """An instant read from a log timestamp, and what had to be assumed to read it."""

    moment: datetime  # always aware
    zone_assumed: bool = False
    year_assumed: bool = False

    def iso(self) -> str:
        """ISO 8601 with the offset the record had (or the assumed zone's offset at that time)."""
        return self.moment.isoformat()


def read_log_time(text: str, zone: tzinfo, now: datetime) -> LogTime | None:
    """The instant a log timestamp names, or None for text that is not one of the known forms.

    ``zone`` is the zone times without an offset are read in; ``now`` (aware: the scan's start)
    places a syslog time, which has no year, in the latest year that does not put it in the future.
    """
    text = text.strip()
    epoch = _EPOCH.fullmatch(text)
    if epoch is not None:
        return _from_epoch(epoch.group(1), epoch.group(2) or "")
    spaced = _SPACED_OFFSET.fullmatch(text)
    for candidate in filter(None, (text, "".join(spaced.groups()) if spaced else None)):
        try:
            return _placed(datetime.fromisoformat(candidate), zone)
        except ValueError:
            continue
    try:
        return LogTime(datetime.strptime(text, "%d/%b/%Y:%H:%M:%S %z"))  # an access log's time, as JSON writes it
    except ValueError:
        pass
    if _SYSLOG.fullmatch(text):
        return _syslog(text, zone, now)
    return None


def _placed(moment: datetime, zone: tzinfo) -> LogTime:
    if moment.tzinfo is not None:
        return LogTime(moment)
    return LogTime(moment.replace(tzinfo=zone), zone_assumed=True)


def _from_epoch(whole: str, fraction: str) -> LogTime | None:
    per_second = next(scale for digits, scale in _EPOCH_SCALES if len(whole) <= digits)
    seconds = int(whole) / per_second + (float(fraction) if fraction and per_second == 1 else 0.0)
    try:
        return LogTime(datetime.fromtimestamp(seconds, timezone.utc))
    except (OverflowError, OSError, ValueError):
        return None


def _syslog(text: str, zone: tzinfo, now: datetime) -> LogTime | None:
    this_year = now.astimezone(zone).year
    for year in (this_year, this_year - 1):
        try:  # 29 February exists in some years only
            moment = datetime.strptime(f"{year} {text}", "%Y %b %d %H:%M:%S").replace(tzinfo=zone)
        except ValueError:
            continue
        if moment <= now + _FUTURE_SLACK:
            return LogTime(moment, zone_assumed=True, year_assumed=True)
    return None
