"""A request pretty-printed over lines (``json.dumps(…, indent=2)``, Node's ``util.inspect``) by a
logger, or shipped by a transport, that writes its prefix before EACH line of the message: the
prefix (learned from the lines themselves: what they share, digits aside) is taken off, and the
object read as if written bare. Each shape carries the four money-out requests of
:mod:`helpers.signed_shapes`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Callable

import pytest

from helpers.printed_maps import js_inspect_lines
from helpers.running import scan_json
from helpers.signed_shapes import Request, check_shape


def _pretty(request: Request) -> list[str]:
    return json.dumps({"method": request.method, "url": request.url, "headers": dict(request.headers),
                       "body": request.body}, indent=2).splitlines()


def _each_line(prefix: Callable[[int], str], lines: list[str], first: str = "") -> list[str]:
    written = "\n".join(lines).split("\n")  # a shape's item may hold several lines
    return [prefix(number) + (first if number == 0 else "") + line for number, line in enumerate(written)]


def python_logging_each_line(request: Request) -> list[str]:
    # a logging.Formatter that prefixes every line of a record's message; the milliseconds move on
    return _each_line(lambda n: f"2026-11-22 13:00:00,{100 + n:03d} INFO payouts.client: ", _pretty(request))


def python_logging_message_first(request: Request) -> list[str]:
    # the same, the message's own words before the object on its first line only
    return _each_line(lambda n: "2026-11-22 13:00:00,123 DEBUG [worker-7] payouts.client: ", _pretty(request),
                      first="sending request ")


def github_actions_log(request: Request) -> list[str]:
    # a CI job's log as GitHub Actions keeps it: the time of every line before it
    return _each_line(lambda n: f"2026-11-22T13:00:{n % 60:02d}.{1234567 + n}Z ", _pretty(request))


def winston_inspect_each_line(request: Request) -> list[str]:
    # Node's util.inspect of the request options, each line through winston's printf format
    return _each_line(lambda n: "2026-11-22T13:00:00.123Z info: ", js_inspect_lines(request))


def pino_pretty_each_line(request: Request) -> list[str]:
    return _each_line(lambda n: f"[13:00:00.{n:03d}] INFO (payouts/4242): ", js_inspect_lines(request))


def non_ascii_prefix_each_line(request: Request) -> list[str]:
    # a prefix that is not ASCII (a thread named in Portuguese, a separator): compared as text, not bytes
    return _each_line(lambda n: f"2026-11-22 13:00:00.{n:03d} INFO [serviço-pagamentos] » ", _pretty(request))


@pytest.mark.parametrize("shape", [python_logging_each_line, python_logging_message_first, github_actions_log,
                                   winston_inspect_each_line, pino_pretty_each_line, non_ascii_prefix_each_line])
def test_a_request_object_with_a_prefix_on_each_line_is_judged_as_any_shape(shape, tmp_path: Path) -> None:
    check_shape(shape, tmp_path)


def test_a_prefixed_object_that_is_no_request_makes_none(tmp_path: Path) -> None:
    """A configuration dump whose values name a provider's transfer path and host: no method, no
    request; nor two objects of two loggers whose lines interleave."""
    config = json.dumps({"iugu": {"base_url": "https://api.iugu.com", "transfer_path": "/v1/transfer_requests",
                                  "timeout": 30}}, indent=2).splitlines()
    lines = [f"2026-11-22 13:00:00,123 INFO config: {line}" for line in config]
    left, right = _pretty(Request("POST", "api.iugu.com", "/v1/transfer_requests", [], "{}")), config
    lines += [f"2026-11-22 13:00:01,000 INFO {name}: {line}" for pair in zip(left, right)
              for name, line in zip(("client", "config"), pair)]
    log = tmp_path / "app.log"
    log.write_text("\n".join(lines) + "\n")
    report, _ = scan_json(str(log))
    assert [f["rule_id"] for f in report["findings"] if f["context"].get("method")] == []
    assert report["scan"]["requests"].get("requests_judged") is None
