"""http.client's debug output (``send: b'…'``) read as the requests sent, the mark and its literal
on lines of their own too (print's arguments each a record of a redirected stdout)."""

from __future__ import annotations

import time

from keyaudit.inputs.text_requests import exchanges_in_lines

HEAD = "b'POST /v1/transfer_requests HTTP/1.1\\r\\nHost: api.iugu.com\\r\\nContent-Length: 2\\r\\n\\r\\n{}'"


def test_a_literal_on_the_line_below_its_mark_is_the_bytes_sent() -> None:
    (exchange,) = exchanges_in_lines([(1, "send:"), (2, f"  {HEAD}  ")], "worker.log")
    assert (exchange.method, exchange.url, exchange.origin.line) == (
        "POST", "https://api.iugu.com/v1/transfer_requests", 2)


def test_a_line_below_a_mark_with_many_quotes_and_no_literal_at_its_end_is_read_in_linear_time() -> None:
    """Each quote that starts a word began a search for a quote ending the line, read on to its end:
    80,000 of them on the line below a ``send:`` took a minute."""
    lines = [(1, "send:"), (2, " 'a" * 40_000 + " x"), (3, f"send: {HEAD}")]
    started = time.process_time()
    (exchange,) = exchanges_in_lines(lines, "worker.log")
    assert (exchange.origin.line, time.process_time() - started < 1) == (3, True)
