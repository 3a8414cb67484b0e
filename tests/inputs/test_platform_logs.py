"""Requests as the platforms a service or a job runs on give its logs back: a PaaS's tail writing its prefix before
every line of a multi-line message (`fly logs`), a log drain keeping a message over lines whole in one JSON record
(Vercel's NDJSON), a job monitor keeping a task's arguments as their Python repr in a JSON field (Flower's API)."""

from __future__ import annotations

import json

from keyaudit.inputs.captures.jsonlog import parse_record
from keyaudit.inputs.text_requests import exchanges_in_lines

URL = "https://api.iugu.com/v1/transfer_requests"
BODY = '{\n"amount_cents":1050,\n"transfer_type":"pix"\n}'
HEADERS = [("Content-Type", "application/json"), ("Request-Time", "2026-11-22T10:00:00-03:00"),
           ("Signature", "signature=c2lnbmVk+L2E=")]


def _read(lines: list[str], path: str) -> list[tuple[str | None, list[tuple[str, str]], bytes | None]]:
    return [(exchange.url, [(name, value) for name, value in exchange.headers if name in dict(HEADERS)],
             exchange.body) for exchange in exchanges_in_lines(list(enumerate(lines, 1)), path)]


def test_a_line_a_dump_passes_over_is_passed_over_under_the_prefix_a_tail_writes_before_every_line() -> None:
    """Tesla's logger writes `(no query)` after `>>> REQUEST >>>` with Elixir's prefix on the message's first line
    only; `fly logs` writes its own before each line: the line after it is Tesla's, passed over, and the headers
    and body after it are the request's."""
    fly = "2026-11-22T13:00:30.104 app[148e4d55b36789] gru [info] "
    message = [">>> REQUEST >>>", "(no query)", *(f"{name}: {value}" for name, value in HEADERS),
               *BODY.split("\n"), "", "<<< RESPONSE <<<", "content-type: application/json", "", "{}"]
    lines = [f"{fly}13:00:30.104 [info] POST {URL} -> 201 (43.127 ms)", f"{fly}13:00:30.104 [debug] {message[0]}",
             *(fly + line for line in message[1:])]
    assert _read(lines, "fly.log") == [(URL, HEADERS, BODY.encode())]


def test_a_map_printed_over_lines_in_a_record_s_one_message_is_read_from_the_message_s_lines() -> None:
    """A Vercel Function's `console.log("iugu request", {…})` is util.inspect's lines, kept whole as the message of
    one JSON record of the log drain: the map is read from those lines, its body's escapes undone."""
    entries = ", ".join(f"'{name}': '{value}'" for name, value in HEADERS)
    printed = ["iugu request {", "  method: 'POST',", f"  url: '{URL}',", f"  headers: {{ {entries} }},",
               "  body: " + "'" + BODY.replace("\n", "\\n") + "'", "}"]
    record = {"id": "1795352430104", "source": "lambda", "level": "info", "message": "\n".join(printed),
              "type": "stdout", "path": "/api/payouts"}
    assert _read([json.dumps(record, separators=(",", ":"))], "drain.ndjson") == [(URL, HEADERS, BODY.encode())]


def test_a_python_repr_a_json_field_holds_is_read_from_the_field_s_text() -> None:
    """Flower's task API gives a Celery task's keyword arguments as their repr, a JSON string: the repr's `\\n` is
    the field's `\\\\n`, a line feed of the body once the field's escapes are undone, not a backslash and an `n`."""
    kwargs = {"method": "POST", "url": URL, "headers": dict(HEADERS), "body": BODY}
    info = json.dumps({"uuid": "12ccaae6", "name": "payouts.tasks.send_transfer", "args": "()",
                       "kwargs": repr(kwargs), "state": "SUCCESS"}, indent=2)
    assert _read(info.split("\n"), "task.json") == [(URL, HEADERS, BODY.encode())]



def test_a_repr_merely_put_between_quotes_is_read_whole_though_its_values_hold_quotes() -> None:
    """`logger.info('sending "%r"', request)`: the quote before the repr opens no JSON string holding it (its body's
    own quotes end one early), and the repr read from there was cut at the body: the line held no record."""
    kwargs = {"method": "POST", "url": URL, "headers": dict(HEADERS), "body": '{"amount_cents":1050}'}
    found = parse_record(f'2026-12-01 10:00:00 INFO payouts: sending "{kwargs!r}"')
    assert found is not None and found[0] == kwargs
