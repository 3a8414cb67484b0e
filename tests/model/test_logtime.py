"""Log times read as instants: every form logs write, an offset always in the result, and what
had to be assumed (the zone, syslog's year) said; zone names as the configuration takes them."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from keyaudit.model.logtime import read_log_time, time_zone

NOW = datetime(2026, 11, 30, 7, 0, tzinfo=timezone.utc)  # the scan's start
SAO_PAULO = "America/Sao_Paulo"


@pytest.mark.parametrize(("text", "zone", "iso", "zone_assumed"), [
    ("2026-11-22T10:00:01-03:00", "UTC", "2026-11-22T10:00:01-03:00", False),
    ("2026-11-22T13:00:02Z", SAO_PAULO, "2026-11-22T13:00:02+00:00", False),
    ("2026-11-22T10:00:01 +0300", "UTC", "2026-11-22T10:00:01+03:00", False),
    ("2026-11-22T10:00:01.123456789Z", "UTC", "2026-11-22T10:00:01.123456+00:00", False),  # nanoseconds cut
    ("22/Nov/2026:10:00:00 -0300", "UTC", "2026-11-22T10:00:00-03:00", False),  # an access log's time in JSON
    ("1763816405", SAO_PAULO, "2025-11-22T13:00:05+00:00", False),  # epoch seconds are UTC
    ("1763816405123", "UTC", "2025-11-22T13:00:05.123000+00:00", False),  # milliseconds
    ("1763816405.25", "UTC", "2025-11-22T13:00:05.250000+00:00", False),
    ("2026-11-22 13:00:03,123", "UTC", "2026-11-22T13:00:03.123000+00:00", True),
    ("2026-11-22 13:00:03,123", SAO_PAULO, "2026-11-22T13:00:03.123000-03:00", True),
    ("2026-01-15T13:00:00", "Europe/Berlin", "2026-01-15T13:00:00+01:00", True),  # the zone's offset on that day
    ("2026-07-15T13:00:00", "Europe/Berlin", "2026-07-15T13:00:00+02:00", True),
    ("2026-11-22T13:00:03", "-0330", "2026-11-22T13:00:03-03:30", True),
])
def test_a_log_time_becomes_an_instant_with_an_offset(text: str, zone: str, iso: str, zone_assumed: bool) -> None:
    time = read_log_time(text, time_zone(zone), NOW)
    assert time is not None and time.iso() == iso
    assert (time.zone_assumed, time.year_assumed) == (zone_assumed, False)


@pytest.mark.parametrize(("text", "year"), [
    ("Nov 22 13:00:04", 2026),
    ("Dec  1 03:59:00", 2026),  # less than a day ahead of the scan (06:59 UTC): clock skew, this year
    ("Dec 30 13:00:04", 2025),  # would lie a month ahead: last year's
])
def test_a_syslog_time_takes_the_latest_year_not_in_the_future(text: str, year: int) -> None:
    time = read_log_time(text, time_zone(SAO_PAULO), NOW)
    assert time is not None and time.moment.year == year and time.zone_assumed and time.year_assumed
    assert time.moment.utcoffset() == timedelta(hours=-3) and time.moment <= NOW + timedelta(days=1)


@pytest.mark.parametrize("text", ["yesterday", "", "12345", "Feb 29 10:00:00", "2026-13-01T00:00:00", "-1763816405"])
def test_text_that_is_no_known_time_is_none(text: str) -> None:
    assert read_log_time(text, timezone.utc, NOW) is None  # 29 February: neither 2026 nor 2025 has one


@pytest.mark.parametrize("name", ["Mars/Olympus", "+24:00", "+03:60", "", "../../etc/passwd", "America", "3"])
def test_a_zone_that_names_none_is_refused_with_the_forms_that_work(name: str) -> None:
    with pytest.raises(ValueError, match="expected UTC, an offset such as -03:00, or an IANA name"):
        time_zone(name)


def test_zone_names_in_every_accepted_form() -> None:
    moment = datetime(2026, 11, 22, 12, 0)
    offsets = {name: time_zone(name).utcoffset(moment) for name in ("UTC", "utc", "Z", "+05:30", "-0300", SAO_PAULO)}
    assert offsets == {"UTC": timedelta(0), "utc": timedelta(0), "Z": timedelta(0),
                       "+05:30": timedelta(hours=5, minutes=30), "-0300": timedelta(hours=-3),
                       SAO_PAULO: timedelta(hours=-3)}
