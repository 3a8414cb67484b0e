"""The gate before the line readers (keyaudit/inputs/captures/reader_gate.py) passes a resting reader over only
the lines it would have read nothing from: fed through the gate and fed every line, each reader — alone, and all of
them together as a window reads them — gives the same requests, on the lines of every capture the tests hold and on
random lines made of what the readers look for (their cues, writers' names, request lines, headers, blanks)."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from keyaudit.inputs.captures import curl, httpdump
from keyaudit.inputs.captures.columns import ColumnsReader
from keyaudit.inputs.captures.file_scope import FileScope
from keyaudit.inputs.captures.lines import run_readers
from keyaudit.inputs.captures.reader_gate import _every_line

TESTS = Path(__file__).resolve().parent.parent
READER_TYPES: list[Callable[[str], object]] = [curl.CommandReader, *httpdump.READER_TYPES]
CHUNK = 300  # lines a window of the corpus


def _makers() -> list[Callable[[], list]]:
    """Each reader alone, and all of them in a window's order (with a reader that declares no cues among them)."""
    alone: list[Callable[[], list]] = [lambda make=make: [make("x.log")] for make in READER_TYPES]
    return [*alone, lambda: [curl.CommandReader("x.log"), *httpdump.readers("x.log"),
                             ColumnsReader("x.log", FileScope())]]


def _read(readers: list, lines: list[tuple[int, str]], gated: bool) -> list[tuple]:
    read = run_readers(readers, iter(lines), lines) if gated else _every_line(readers, iter(lines))
    return [(exchange.origin.line, exchange.origin.column, exchange.origin.capture, exchange.method, exchange.url,
             exchange.headers, exchange.body, exchange.headers_known, exchange.body_exact) for exchange in read]


def _same(lines: list[tuple[int, str]]) -> None:
    for make in _makers():
        ungated = _read(make(), lines, gated=False)
        gated = _read(make(), lines, gated=True)
        assert gated == ungated, f"{[type(reader).__name__ for reader in make()]} at lines {lines[0][0]}-{lines[-1][0]}"


def _corpus() -> list[str]:
    """The lines of the tests' own inputs: the strings their modules write the captures they read with, and the
    text files of tests/data."""
    texts = [node.value for path in sorted(TESTS.glob("*/test_*.py"))
             for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
             if isinstance(node, ast.Constant) and isinstance(node.value, str)]
    texts += [path.read_text(encoding="utf-8", errors="surrogateescape") for path in sorted((TESTS / "data").rglob("*"))
              if path.suffix in {".log", ".txt", ".jsonl", ".sh"}]
    return [line for text in texts for line in text.splitlines()]


def test_corpus_lines_give_the_same_requests_through_the_gate() -> None:
    """All the readers at once (as a window reads), each one's cues among the others': one that left out a line its
    reader reads would lose that reader's request."""
    lines = list(enumerate(_corpus(), 1))
    requests = 0
    for start in range(0, len(lines), CHUNK):
        chunk = lines[start : start + CHUNK]
        ungated = _read(_makers()[-1](), chunk, gated=False)
        assert _read(_makers()[-1](), chunk, gated=True) == ungated, f"at corpus lines {start + 1}-{start + CHUNK}"
        requests += len(ungated)
    assert requests > 100  # the corpus holds requests of the readers, not only lines they pass over


# What the random lines are made of: the readers' cues and what their requests are written with
_PIECES = [
    "curl -X POST 'https://api.iugu.com/v1/transfer_requests' \\", "  -H 'Authorization: Basic dGVzdDo=' \\",
    "  -d '{\"amount_cents\": 100}'", "http POST https://api.asaas.com/v3/transfers access_token:abc",
    "Invoke-RestMethod -Uri https://api.asaas.com/v3/transfers -Method Post", "$s = New-Object WebRequestSession",
    "POST /v3/transfers HTTP/1.1", "Host: api.asaas.com", "Content-Type: application/json", "Content-Length: 2",
    "access_token: $aact_abc", "{}", "", "   ", "--> POST https://api.asaas.com/v3/transfers", "--> END POST",
    "---> POST https://api.iugu.com/v1/transfer_requests HTTP/1.1", "---> END HTTP (2-byte body)",
    "> POST /v1/transfer_requests HTTP/1.1", "> Host: api.iugu.com", ">", "* Connected to api.iugu.com port 443",
    "I, [2026-11-22T10:32:38.732 #501]  INFO -- request: POST https://api.iugu.com/v1/transfer_requests",
    "I, [2026-11-22T10:32:38.732 #501]  INFO -- request: Content-Type: \"application/json\"",
    "info: System.Net.Http.HttpClient.payouts.ClientHandler[100]",
    "      Sending HTTP request POST https://api.asaas.com/v3/transfers", "      Request Headers:",
    "2026-11-22 10:12:51.049 DEBUG 1 --- [nio-8080-exec-7] c.e.p.IuguClient : [IuguClient#call] ",
    "2026-11-22 10:12:51.049 DEBUG 1 --- [pool-1-thread-2] c.e.p.IuguClient : [IuguClient#call] ",
    "11-22 10:00:01.123  1234  5678 D OkHttp  : ", "[1-0] ", "Thread-3 ", "Task-2 ", "tid:7 ",
    "http-outgoing-0 >> \"POST /v1/transfer_requests HTTP/1.1[\\r][\\n]\"", "http-outgoing-0 >> \"[\\r][\\n]\"",
    "send: b'POST /v3/transfers HTTP/1.1\\r\\nHost: api.asaas.com\\r\\n\\r\\n{}'", "reply: 'HTTP/1.1 200 OK\\r\\n'",
    "DEBUG:urllib3.connectionpool:https://api.asaas.com:443 \"POST /v3/transfers HTTP/1.1\" 200 2",
    "  config: {", "    url: 'https://api.asaas.com/v3/transfers',", "    method: 'post',", "    headers: {", "  }",
    "Request URL: https://api.iugu.com/v1/transfer_requests", "Request method: POST", "Request headers: {}",
    "Request body: {}", "[http-request] [POST] https://api.asaas.com/v3/transfers",
    "IUGU :: POST https://api.iugu.com/v1/x", "REQUEST URİ: https://api.iugu.com/v1/x", "Line: POST https://a.io/x",
    "method: \"POST\"", "url: \"https://api.asaas.com/v3/transfers\"", "headers {", "  key: \"access_token\"", "}",
    "Method      : POST", "Endpoint: https://api.asaas.com/v3/transfers", "Sending: GET https://api.iugu.com/v1/x",
    "payout refused:", "2026-11-22 10:00:00 ERROR app -", "tcp 10.0.5.20.80 > 10.0.0.1.5555", "REQUEST: ", "uri: ",
]
_LINE = st.lists(st.sampled_from(_PIECES) | st.text(alphabet=" \t:[]{}>-\"'/=x\\", max_size=6), min_size=1,
                 max_size=3).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.lists(_LINE, min_size=1, max_size=40))
def test_random_lines_give_the_same_requests_through_the_gate(texts: list[str]) -> None:
    _same(list(enumerate(texts, 1)))


@pytest.mark.parametrize("skipped", [0, 1, 3, 9])
def test_a_reader_given_lines_again_sees_the_line_above(skipped: int) -> None:
    """The line a reader keeps (the line above a command: a record's head whose message is padded under it, the
    padding the prefix of the command's lines) is the one it would have been given, however many lines it was passed
    over."""
    filler = [f"plain line {index}" for index in range(skipped)]
    texts = [*filler, "Dst Port: 80", *filler[:2], "POST /v1/transfer_requests HTTP/1.1", "Host: api.iugu.com",
             "Content-Length: 2", "", "{}", *filler, "info: System.Net.Http.HttpClient.payouts.ClientHandler[100]",
             "      curl -X POST https://api.asaas.com/v3/transfers -d '{", "      \"value\": 1}'"]
    _same(list(enumerate(texts, 1)))


@pytest.mark.parametrize("run", [
    ["[httplog] Sending: POST https://api.asaas.com/v3/transfers", "[httplog] Header: access_token: abc",
     "[httplog] Data: {}"],
    ["Request URL: https://api.asaas.com/v3/transfers", "Request method: POST",
     "Request headers: {'access_token': 'abc'}", "Request body: {}"],
    ["[http-request] [POST] https://api.asaas.com/v3/transfers", "Headers: {'access_token': 'abc'}", "Data: {}"],
], ids=["request-line-value", "labels", "bracketed"])
def test_a_run_of_part_lines_after_lines_passed_over_is_read(run: list[str]) -> None:
    """Each way a run of part lines opens is among the part lines reader's cues."""
    lines = list(enumerate(["plain line", *run, "done"], 1))
    _same(lines)
    assert _read([httpdump.PartLinesReader("x.log")], lines, gated=True)
