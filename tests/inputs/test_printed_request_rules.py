"""How far the rules taken for printed requests reach: a curl command's data read as a JSON
string only where its declared length says so, a body written before the headers only under its
own labels, a request line at the margin read as a section of a dump only under that section's
title, and a stream shown escaped cut at its declared length only where nothing is added between
its blocks."""

from __future__ import annotations

from keyaudit.inputs.text_requests import exchanges_in_lines

URL = "https://api.iugu.com/v1/invoices"


def _read(lines: list[str]) -> list[tuple[str, str, list[tuple[str, str]], bool, bytes | None]]:
    return [(e.origin.capture, e.url, e.headers, e.headers_known, e.body)
            for e in exchanges_in_lines(list(enumerate(lines, 1)), "app.log")]


def test_a_commands_data_is_read_as_a_json_string_only_where_its_declared_length_says_so() -> None:
    """Bun prints the command it runs with its arguments JSON-quoted; a shell keeps `\\n` inside
    double quotes as a backslash and an n, and that is what a command typed into a shell sends."""
    printed = f'[fetch] $ curl "{URL}" -X POST -H "Content-Length: 8" --data-raw "{{\\n\\"a\\":1}}"'
    typed = f'curl "{URL}" -H "Content-Length: 9" --data-raw "{{\\n\\"a\\":1}}"'
    undeclared = f'curl "{URL}" --data-raw "{{\\n\\"a\\":1}}"'
    assert [body for *_, body in _read([printed])] == [b'{\n"a":1}']
    assert [body for *_, body in _read([typed])] == [b'{\\n"a":1}']
    assert [body for *_, body in _read([undeclared])] == [b'{\\n"a":1}']


def test_a_body_before_the_headers_is_read_under_its_own_labels_only() -> None:
    """Fuel's `--> POST <url>` is OkHttp's start line too: OkHttp's request, whose next line is
    no label of Fuel's, is still read whole as OkHttp writes it; Fuel's `Body : (empty)` is no body."""
    okhttp = [f"--> POST {URL}", "Content-Type: application/json", "Content-Length: 7", "", '{"a":1}',
              "--> END POST (7-byte body)"]
    assert _read(okhttp) == [("okhttp", URL, [("Content-Type", "application/json"), ("Content-Length", "7")], True,
                              b'{"a":1}')]
    fuel = [f"--> GET {URL}", "Body : (empty)", "Headers : (1)", "Accept : */*", "", "worker : idle"]
    assert _read(fuel) == [("fuel", URL, [("Accept", "*/*")], True, None)]


def test_a_request_line_at_the_margin_is_a_dumps_section_only_under_its_title() -> None:
    """A request file's `POST <url>` is not Gatling's, whose `stringBody=` opens the body only
    after `HTTP request:`; a Gatling body of another kind (`formParams=`, a printed list) is no body
    shown, and the request it ends is one whose header block is not known to be whole."""
    request_file = [f"POST {URL}", "Content-Type: application/json", "", "stringBody={}", "###"]
    assert _read(request_file) == [("request-file", URL, [("Content-Type", "application/json")], True,
                                    b"stringBody={}")]
    form = ["HTTP request:", f"POST {URL}", "headers=", "accept: */*", "formParams=List(a=1)", "=" * 25]
    assert _read(form) == [("gatling", URL, [("accept", "*/*")], False, None)]


def _socat(body: str, then: str) -> list[str]:
    """A request as socat -v shows the stream: CR written `\\r`, `\\` as `\\\\`, line feeds kept,
    nothing added after the block (``then``: what runs into the body's last line)."""
    data = f"POST /v1/invoices HTTP/1.1\r\nHost: api.iugu.com\r\nContent-Length: {len(body.encode())}\r\n\r\n{body}"
    shown = data.replace("\\", "\\\\").replace("\r", "\\r")
    return f"> 2026/11/22 13:00:00.123456  length={len(data)} from=0 to={len(data) - 1}\n{shown}{then}".split("\n")


def test_a_stream_shown_escaped_is_cut_at_its_declared_length_and_a_printed_dump_is_not() -> None:
    """socat's next block may run into the body's last line: the declared length says where the
    body ends, its CRs and backslashes shown escaped; a dump whose lines end with no written CR
    shows no stream, and a body line longer than the length declared is no body of it."""
    reply = "< 2026/11/22 13:00:00.160123  length=17 from=0 to=16"
    crlf = '{\r\n"path":"C:\\\\tmp",\r\n"a":1\r\n}'
    assert [body for *_, body in _read(_socat(crlf, reply))] == [crlf.encode()]
    assert [body for *_, body in _read(_socat('{"a":1}', reply))] == [b'{"a":1}']
    printed = ["POST /v1/invoices HTTP/1.1", "Host: api.iugu.com", "Content-Length: 7", "", '{"a":1}' + reply]
    assert [body for *_, body in _read(printed)] == [None]
