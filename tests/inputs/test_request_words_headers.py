"""A request a log message names in its words (`… Sending POST <url>`), its header lines and body after it: the
message goes on over lines, as a client's own logging writes the request it sends (one `log.debug` of the method
and URL in words, then the headers, a blank line, the body). The four money-out requests of
:mod:`helpers.signed_shapes` must be judged as in every other shape, whatever the logger's prefix and words; the
first line under such a message must be a header a request sends, so an exception's `TypeError: …` or
`java.net.SocketTimeoutException: …` under a failed call's line is no header block and no unsigned transfer.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.running import request_rules, scan_json
from helpers.signed_shapes import Request, assert_shape_findings, requests

# A logger's prefix and the words before the method, as common loggers and clients write them.
LEADS = {
    "python-logging": "2026-11-22 13:00:30,104 DEBUG payouts.client: Sending ",
    "log4j-pattern": "2026-11-22 13:00:30.104 DEBUG 4242 --- [pool-1-thread-3] c.a.p.IuguClient : Request ",
    "monolog": "[2026-11-22T13:00:30.104+00:00] payouts.DEBUG: ",
    "bracketed-words": "[13:00:30] [INFO] (payouts) calling ",
}


def _message(lead: str, request: Request) -> list[str]:
    return [f"{lead}{request.method} {request.url}", *(f"{name}: {value}" for name, value in request.headers), "",
            *request.body.split("\n")]


@pytest.mark.parametrize("lead", LEADS.values(), ids=LEADS.keys())
def test_a_request_named_in_words_with_its_headers_under_it_is_judged_as_sent(tmp_path: Path, lead: str) -> None:
    found, public = requests(tmp_path)
    path = tmp_path / "payouts.log"
    lines = [line for request in found for line in _message(lead, request)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert_shape_findings(path, public, lead)


@pytest.mark.parametrize("under", [
    "TypeError: fetch failed\n    at node:internal/deps/undici/undici:13502:13",
    "java.net.SocketTimeoutException: Read timed out\n\tat okhttp3.internal.http2.Http2Stream.takeHeaders(Http2Stream.kt:1)",
    "requests.exceptions.ConnectionError: HTTPSConnectionPool(host='api.iugu.com', port=443)",
    "Error: socket hang up\nStatus: 500",
])
def test_an_error_under_a_request_named_in_words_is_no_header_block(tmp_path: Path, under: str) -> None:
    path = tmp_path / "payouts.log"
    path.write_text("2026-11-22 13:00:30,104 ERROR payouts.client: Sending POST https://api.iugu.com/v1/transfers\n"
                    f"{under}\n2026-11-22 13:00:31,000 INFO payouts.client: retrying\n", encoding="utf-8")
    report, _ = scan_json(str(path))
    assert request_rules(report) == [], request_rules(report)
