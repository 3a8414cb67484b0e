"""A terminal recording's output events (asciinema's asciicast: `[<time>, "o", "<data>"]` a line)
are the lines the terminal showed, whatever chunks they came in: a request a program printed in
one (`curl -v`'s head) is read as it would be from the terminal's text."""

from __future__ import annotations

import json

from keyaudit.inputs.captures.recordings import joined_output
from keyaudit.inputs.text_requests import exchanges_in_lines

URL = "https://api.iugu.com/v1/transfer_requests"
HEAD = ["POST /v1/transfer_requests HTTP/1.1", "Host: api.iugu.com", "Accept: */*", "Content-Type: application/json",
        "Request-Time: 2026-11-22T10:00:00-03:00", "Signature: signature=YWJj", "Content-Length: 2", ""]
CAST_HEADER = json.dumps({"version": 2, "width": 120, "height": 32, "timestamp": 1795352390})


def events(chunks: list[str], code: str = "o") -> list[str]:
    """The chunks as a recorder writes them: one event a line, times rising."""
    return [json.dumps([round(0.1 * number, 6), code, chunk]) for number, chunk in enumerate(chunks, 1)]


def verbose_output() -> str:
    """`curl -v`'s head on a terminal: `> ` before each line, its CR LF, and the pty's CR before the LF."""
    return "*   Trying 104.18.0.1:443...\r\n" + "".join(f"> {line}\r\r\n" for line in HEAD) + "< HTTP/1.1 201 Created\r\r\n"


def read(lines: list[str]) -> list[tuple[int, str, str, list[str]]]:
    return [(e.origin.line, e.method, e.url, [name for name, _ in e.headers])
            for e in exchanges_in_lines(list(enumerate(lines, 1)), "session.cast")]


def test_a_head_printed_in_one_event_or_cut_anywhere_across_events_is_the_request_with_its_headers() -> None:
    text = verbose_output()
    expected = ["Host", "Accept", "Content-Type", "Request-Time", "Signature", "Content-Length"]
    whole = read([CAST_HEADER, *events(["$ ./send.sh\r\n", text, "$ "])])
    cut = read([CAST_HEADER, *events(["$ ./send.sh\r\n", *(text[start : start + 7] for start in range(0, len(text), 7))])])
    assert whole == [(3, "POST", URL, expected)]
    assert [(method, url, names) for _, method, url, names in cut] == [("POST", URL, expected)]


def test_the_lines_of_a_run_of_events_are_numbered_as_the_event_each_began_in() -> None:
    lines = list(enumerate(["x", *events(["a\nb", "c\nd\n", "e", "f\n"]), "y"], 1))
    joined, leads = joined_output(lines, {3: 5, 5: 2})
    assert joined == [(1, "x"), (2, json.dumps("a\nbc\n")), (3, json.dumps("d\n")), (4, json.dumps("ef\n")), (6, "y")]
    assert (leads[2], leads[4]) == (5, 2)  # the anchors on the events that went on a line begun before


def test_input_events_and_arrays_that_are_no_output_event_are_left_as_they_are() -> None:
    """Typed keys (`"i"`), an array without the time, one whose data is no string, one whose first item is a date:
    no output of a terminal's, so no run of them is joined (each is read as any line is)."""
    lines = [CAST_HEADER, *events(["a\nb", "c\n"], "i"), json.dumps(["o", "a\nb"]), json.dumps([1, "o", ["POST"]]),
             json.dumps(["2026-11-22", "o", "a\nb"]), "[0.1, o, x]"]
    assert joined_output(list(enumerate(lines, 1)), {2: 3}) == (list(enumerate(lines, 1)), {2: 3})
