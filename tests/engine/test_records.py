"""The record around a secret, read from the text's structure: a one-line JSON record, a log
record with its continuation lines, the call or object around it (and the object around an
object), an indented block with the line that opens it, an INI/TOML section, a paragraph, one
exception of a stack trace."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from keyaudit.engine.records import lines_span, record_span

SECRET = "S3CR3T"

CASES = {
    "json-log-line": ('{"t": 1}\n{"a": 1, "h": {"k": "S3CR3T"}, "url": "u"}\n{"t": 2}',
                      '{"a": 1, "h": {"k": "S3CR3T"}, "url": "u"}'),
    "log-record-with-trace": ("2026-11-30T10:00:00Z GET x key=S3CR3T\n  at a\n  at b\n2026-11-30T10:00:01Z next",
                              "2026-11-30T10:00:00Z GET x key=S3CR3T\n  at a\n  at b"),
    "access-log-line": ('1.2.3.4 - - [30/Nov/2026:10:00:00 +0000] "GET /?k=S3CR3T"\n'
                        '1.2.3.4 - - [30/Nov/2026:10:00:01 +0000] "GET /"',
                        '1.2.3.4 - - [30/Nov/2026:10:00:00 +0000] "GET /?k=S3CR3T"'),
    "call-over-lines": ("a = 1\nclient = Client(\n    key='S3CR3T',\n    url='u',\n)\nb = 2",
                        "client = Client(\n    key='S3CR3T',\n    url='u',\n)"),
    "call-on-one-line": ("x = 1\nClient(url='u', key='S3CR3T')\ny = Client(url='v')",
                         "Client(url='u', key='S3CR3T')"),
    "headers-in-a-request-config": ("const c = create({\n  baseURL: 'u',\n  headers: { k: 'S3CR3T' },\n});\nz()",
                                    "const c = create({\n  baseURL: 'u',\n  headers: { k: 'S3CR3T' },\n});"),
    "brace-on-its-own-line": ("using X;\npublic class Service\n{\n    const string K = \"S3CR3T\";\n}\n",
                              "public class Service\n{\n    const string K = \"S3CR3T\";\n}"),
    "yaml-block": ("x: 1\nasaas:\n  url: u\n  key: S3CR3T\nother:\n  k: v",
                   "asaas:\n  url: u\n  key: S3CR3T"),
    "yaml-nested-block": ("asaas:\n  sandbox:\n    url: s\n    key: S3CR3T\n  production:\n    url: p",
                          "  sandbox:\n    url: s\n    key: S3CR3T"),
    "yaml-blank-line-inside": ("svc:\n  url: u\n\n  key: S3CR3T\nnext: 1", "svc:\n  url: u\n\n  key: S3CR3T"),
    "ini-section": ("[a]\nk=1\n[asaas]\nurl=u\nkey=S3CR3T\n[b]\nz=1", "[asaas]\nurl=u\nkey=S3CR3T"),
    "paragraph": ("A=1\nB=S3CR3T\n\nC=2", "A=1\nB=S3CR3T"),
    "a-bracket-closes-before": ("f(a)\nK=S3CR3T\nURL=u", "f(a)\nK=S3CR3T\nURL=u"),
    # a stack trace's exceptions: each `Caused by: ` opens another's record (its message is no part of the one above)
    "exception-above-its-cause": ("x.GatewayException: refused key S3CR3T\n\tat x.A.b(A.java:8)\n"
                                  "Caused by: x.ConfigError: Config(url=https://sandbox.example)\n\tat x.C.d(C.java:3)",
                                  "x.GatewayException: refused key S3CR3T\n\tat x.A.b(A.java:8)"),
    "cause-in-a-trace": ("x.GatewayException: refused\n\tat x.A.b(A.java:8)\nCaused by: x.AuthError: key S3CR3T\n"
                         "\tat x.C.d(C.java:3)\nCaused by: x.Other: url https://sandbox.example",
                         "Caused by: x.AuthError: key S3CR3T\n\tat x.C.d(C.java:3)"),
    # a one-line JSON body of an HTTP message written out: the message from its request line (what the body is for)
    "body-of-a-raw-request": ('x\r\nPOST /v1/charge HTTP/1.1\r\nHost: h\r\n\r\n{"token":"S3CR3T"}\nnext',
                              'POST /v1/charge HTTP/1.1\r\nHost: h\r\n\r\n{"token":"S3CR3T"}'),
    "body-after-okhttp-head": ('--> POST https://h/v1/charge\nContent-Type: a\n\n{"token":"S3CR3T"}\n--> END POST',
                               '--> POST https://h/v1/charge\nContent-Type: a\n\n{"token":"S3CR3T"}'),
    "json-line-after-a-paragraph": ('note: POST /v1/charge done\n\n{"token":"S3CR3T"}', '{"token":"S3CR3T"}'),
}


@pytest.mark.parametrize("case", list(CASES))
def test_the_record_around_a_secret(case: str) -> None:
    text, record = CASES[case]
    data = text.encode()
    start = data.index(SECRET.encode())
    first, last = record_span(data, start, start + len(SECRET))
    assert data[first:last].decode() == record


def test_unbalanced_brackets_fall_back_to_the_block() -> None:
    data = b"x = [1, 2\nK = 'S3CR3T'\nU = 'u'\n\nother = 1"
    start = data.index(b"S3CR3T")
    first, last = record_span(data, start, start + 6)
    assert data[first:last] == b"x = [1, 2\nK = 'S3CR3T'\nU = 'u'"


@pytest.mark.parametrize(("reach", "lines"), [(0, "c S3CR3T"), (1, "b\nc S3CR3T\nd"), (9, "a\nb\nc S3CR3T\nd\ne")])
def test_lines_around_a_secret(reach: int, lines: str) -> None:
    data = b"a\nb\nc S3CR3T\nd\ne"
    start = data.index(b"S3CR3T")
    first, last = lines_span(data, start, start + 6, reach)
    assert data[first:last].decode() == lines


LINES = ["key=v", "x y", "  k: v", "    deep: v", "\tk", "", "  ", " \t", "\r", "\x0c", "[sec]", "[a b]\r", "[s] "]


def _block_by_lines(lines: list[str], index: int) -> str:
    """The block of ``lines[index]`` as a reader sees it, line by line: at the margin, the lines
    up to a blank one, from a section header; indented, the lines indented as deep or deeper
    (blank ones among them) and the shallower line that opens them."""
    def blank(line: str) -> bool:
        return not line.strip()

    def depth(line: str) -> int:
        return len(line) - len(line.lstrip(" \t"))

    def ends(line: str) -> bool:  # a line no block at ``own`` depth goes on through
        return (blank(line) and own == 0) or bool(re.fullmatch(r"\[[^\]\n]+\]\s*", line)) or (
            not blank(line) and depth(line) < own)

    own, top, bottom = depth(lines[index]), index, index
    while top > 0 and not (blank(lines[top - 1]) and own == 0):
        top -= 1
        if ends(lines[top]):
            break
    while bottom + 1 < len(lines) and not ends(lines[bottom + 1]):
        bottom += 1
    return "\n".join(lines[top : bottom + 1])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(LINES), max_size=12), st.lists(st.sampled_from(LINES), max_size=12),
       st.sampled_from(["", "  ", "\t", "    "]))
def test_a_block_is_read_as_its_lines_say(above: list[str], below: list[str], indent: str) -> None:
    """Without brackets, JSON or log records, the record is the block: bounds found by searches
    over the text are the ones a walk over its lines finds."""
    lines = [*above, f"{indent}key = {SECRET}", *below]
    data = "\n".join(lines).encode()
    start = data.index(SECRET.encode())
    first, last = record_span(data, start, start + len(SECRET))
    assert data[first:last].decode() == _block_by_lines(lines, len(above))
