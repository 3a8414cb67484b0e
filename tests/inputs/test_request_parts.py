"""A request whose client logged its head and its body in records of their own is one request;
the parts of concurrent requests are never crossed."""

from __future__ import annotations

from pathlib import Path

from helpers.credentials import asaas_key, iugu_token
from helpers.running import request_rules, scan_json
from helpers.signing import key_pair, signature_header

from keyaudit.inputs.captures.request_parts import PART_LINES
from keyaudit.inputs.text_requests import exchanges_in_lines

IUGU = "https://api.iugu.com/v1/transfer_requests"
ASAAS = "https://api.asaas.com/v3/transfers"
TIME = "2026-11-22T10:00:00-03:00"


def start(url: str, headers: dict[str, str]) -> str:
    """aiohttp's on_request_start params, as a callback logs them with ``%r``."""
    listed = ", ".join(f"{name!r}: {value!r}" for name, value in headers.items())
    return (f"DEBUG:payouts.http:request start TraceRequestStartParams(method='POST', url=URL({url!r}), "
            f"headers=<CIMultiDict({listed})>)")


def chunk(url: str, body: bytes) -> str:
    """aiohttp's on_request_chunk_sent params, the same way."""
    return f"DEBUG:payouts.http:chunk sent TraceRequestChunkSentParams(method='POST', url=URL({url!r}), chunk={body!r})"


def read(lines: list[str]) -> list[tuple[int, str, bytes | None]]:
    """(first line, URL, body) of each request read in ``lines``."""
    return [(e.origin.line, e.url, e.body) for e in exchanges_in_lines(list(enumerate(lines, 1)), "app.log")]


HEADERS = {"Content-Type": "application/json", "User-Agent": "payouts/3.1"}
IUGU_BODY, ASAAS_BODY = b'{\n"amount_cents":1050\n}', b'{"value":100.5}'


def test_the_body_a_later_record_sends_is_the_body_of_the_request_it_names() -> None:
    """The head's record, a line of another logger, then the chunk's record: one request, on
    the head's line, with the chunk's exact bytes (escapes undone)."""
    lines = [start(IUGU, HEADERS), "INFO worker heartbeat ok", chunk(IUGU, IUGU_BODY)]
    assert read(lines) == [(1, IUGU, IUGU_BODY)]


def test_interleaved_requests_to_two_urls_each_take_their_own_body() -> None:
    lines = [start(IUGU, HEADERS), start(ASAAS, HEADERS), chunk(ASAAS, ASAAS_BODY), chunk(IUGU, IUGU_BODY)]
    assert read(lines) == [(1, IUGU, IUGU_BODY), (2, ASAAS, ASAAS_BODY)]


def test_two_calls_to_one_url_under_way_at_once_take_neither_body() -> None:
    """Two heads of one method and URL, then two chunks: whose body is whose cannot be told, so
    neither head takes one (each chunk stays a reading of its own)."""
    other = b'{\n"amount_cents":99\n}'
    lines = [start(IUGU, HEADERS), start(IUGU, {**HEADERS, "X-Retry": "1"}), chunk(IUGU, IUGU_BODY), chunk(IUGU, other)]
    assert read(lines) == [(1, IUGU, None), (2, IUGU, None), (3, IUGU, IUGU_BODY), (4, IUGU, other)]


def test_a_body_record_of_another_request_is_not_joined() -> None:
    """The chunk of a call to another URL, a chunk before its head, a chunk whose length is not
    the head's Content-Length, a chunk too far below its head: none joins."""
    assert read([start(IUGU, HEADERS), chunk(ASAAS, ASAAS_BODY)]) == [(1, IUGU, None), (2, ASAAS, ASAAS_BODY)]
    assert read([chunk(IUGU, IUGU_BODY), start(IUGU, HEADERS)]) == [(1, IUGU, IUGU_BODY), (2, IUGU, None)]
    sized = {**HEADERS, "Content-Length": str(len(IUGU_BODY) + 1)}
    assert read([start(IUGU, sized), chunk(IUGU, IUGU_BODY)]) == [(1, IUGU, None), (2, IUGU, IUGU_BODY)]
    far = [start(IUGU, HEADERS), *["INFO worker heartbeat ok"] * PART_LINES, chunk(IUGU, IUGU_BODY)]
    assert read(far) == [(1, IUGU, None), (PART_LINES + 2, IUGU, IUGU_BODY)]


def test_joined_parts_are_judged_as_one_request_whose_signature_is_checked(tmp_path: Path) -> None:
    """Interleaved heads and chunks of a signed iugu transfer and an Asaas transfer: the signature
    verifies over the body its own chunk sent, and each request is judged once."""
    client, public = key_pair(tmp_path)
    token = iugu_token()
    body = b'{\n"api_token":"%s",\n"amount_cents":1050\n}' % token.encode()
    signed = {**HEADERS, "Request-Time": TIME,
              "Signature": signature_header(client, "POST", "/v1/transfer_requests", token, TIME, body)}
    log = tmp_path / "app.log"
    log.write_text("\n".join([start(IUGU, signed), start(ASAAS, {**HEADERS, "access_token": asaas_key()}),
                              chunk(ASAAS, ASAAS_BODY), chunk(IUGU, body)]) + "\n")
    report, _ = scan_json("--public-key", str(public), str(log))
    assert request_rules(report) == ["asaas-unsigned-transfer"]
    assert report["scan"]["requests"] == {"requests_judged": 2, "signatures_valid": 1}, report["scan"]["requests"]


# --- a body in a record that names no request --------------------------------------------------

JUL = "Nov 22, 2026 1:00:00 PM com.google.api.client.{}"


def jul_head(url: str, headers: dict[str, str], body: bytes) -> list[str]:
    """Google's HTTP client for Java at CONFIG through java.util.logging: the head's record."""
    fields = [*(f"{name}: {value}" for name, value in headers.items()), f"Content-Length: {len(body)}"]
    return [JUL.format("http.HttpRequest execute"), "CONFIG: -------------- REQUEST  --------------",
            f"POST {url}", *fields, ""]


def jul_content(body: bytes) -> list[str]:
    """Its content's records: the size, then the bytes (a record's message over lines)."""
    return [JUL.format("util.LoggingByteArrayOutputStream close"), f"CONFIG: Total: {len(body)} bytes",
            JUL.format("util.LoggingByteArrayOutputStream close"), *f"CONFIG: {body.decode()}".split("\n")]


def dumpio(port: int, data: str) -> list[str]:
    """Apache httpd's mod_dumpio records of one read: its mode, its size, its data escaped."""
    prefix = f"[Sun Nov 22 13:00:00.123456 2026] [dumpio:trace7] [pid 31:tid 140233] mod_dumpio.c({{}}): " \
             f"[client 10.0.0.7:{port}] mod_dumpio: "
    escaped = data.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n")
    return [prefix.format(140) + "dumpio_in [getline-blocking] 0 readbytes",
            prefix.format(63) + f" dumpio_in (data-HEAP): {len(data)} bytes",
            prefix.format(103) + f" dumpio_in (data-HEAP): {escaped}"]


def dumpio_head(port: int, path: str, host: str, body: bytes) -> list[str]:
    head = [f"POST {path} HTTP/1.1", f"Host: {host}", "Content-Type: application/json",
            f"Content-Length: {len(body)}", ""]
    return [record for line in head for record in dumpio(port, line + "\r\n")]


SIGNED_BODY = b'{\n"api_token":"0123456789abcdef0123456789abcdef",\n"amount_cents":1050\n}'
OTHER_BODY = b'{\n"api_token":"0123456789abcdef0123456789abcdef",\n"amount_cents":9999\n}'


def test_the_content_record_after_the_head_is_its_body_by_its_length() -> None:
    """Google's client: the head's record, then `Total: <n> bytes`, then the content over lines:
    the request, on its request line, with the content's exact bytes."""
    lines = [*jul_head(IUGU, HEADERS, SIGNED_BODY), *jul_content(SIGNED_BODY), "2026-11-22 13:00:01 INFO done"]
    assert read(lines) == [(3, IUGU, SIGNED_BODY)]


def test_the_data_record_after_an_escaped_head_is_its_body_escapes_undone() -> None:
    """mod_dumpio: the request line, each header and the blank line each the data of a record,
    between the logger's own; then the body's read, escaped."""
    lines = [*dumpio_head(50412, "/v1/transfer_requests", "api.iugu.com", SIGNED_BODY),
             *dumpio(50412, SIGNED_BODY.decode())]
    assert read(lines) == [(3, IUGU, SIGNED_BODY)]


def test_bodies_of_interleaved_heads_are_taken_by_neither() -> None:
    """Two heads before either body (two calls under way at once, or two connections): the
    first looks no further than the second's head, the second cannot tell whose the first body
    below it is: neither takes one. Nor does a head take a body of another length."""
    jul = [*jul_head(IUGU, HEADERS, SIGNED_BODY), *jul_head(ASAAS, HEADERS, OTHER_BODY),
           *jul_content(SIGNED_BODY), *jul_content(OTHER_BODY)]
    assert read(jul) == [(3, IUGU, None), (10, ASAAS, None)]
    apache = [*dumpio_head(50412, "/v1/transfer_requests", "api.iugu.com", SIGNED_BODY),
              *dumpio_head(50413, "/v3/transfers", "api.asaas.com", OTHER_BODY),
              *dumpio(50412, SIGNED_BODY.decode()), *dumpio(50413, OTHER_BODY.decode())]
    assert [(line, body) for line, _, body in read(apache)] == [(3, None), (18, None)]
    longer = [*jul_head(IUGU, HEADERS, SIGNED_BODY + b" "), *jul_content(SIGNED_BODY)]
    assert read(longer) == [(3, IUGU, None)]


def test_crossed_bodies_are_not_judged_as_bad_signatures(tmp_path: Path) -> None:
    """A signed transfer's head, another call's head to the same URL, then both contents: a body
    taken by the wrong head would fail the signature; neither is taken, both stay unverified."""
    client, public = key_pair(tmp_path)
    token = "0123456789abcdef0123456789abcdef"
    signed = {**HEADERS, "Request-Time": TIME,
              "Signature": signature_header(client, "POST", "/v1/transfer_requests", token, TIME, SIGNED_BODY)}
    other = {**signed, "Signature": signature_header(client, "POST", "/v1/transfer_requests", token, TIME, OTHER_BODY)}
    log = tmp_path / "payouts.log"
    log.write_text("\n".join([*jul_head(IUGU, signed, SIGNED_BODY), *jul_head(IUGU, other, OTHER_BODY),
                              *jul_content(OTHER_BODY), *jul_content(SIGNED_BODY)]) + "\n")
    report, _ = scan_json("--public-key", str(public), str(log))
    assert [f["rule_id"] for f in report["findings"] if f["context"].get("method")] == []
    assert report["scan"]["requests"] == {"requests_judged": 2, "signatures_unverified": 2}, report["scan"]["requests"]


def test_no_body_is_taken_from_the_middle_of_a_message_longer_than_its_head_says() -> None:
    """A head, its blank line, then a message two bytes longer than its Content-Length (its last
    line carries what a logger added): read from its second line on, the message is exactly that
    long — a body cut to fit, which made a signed transfer a bad signature. None is taken."""
    message = IUGU_BODY + b"xx"  # 2 bytes more than declared, as `{` and its line feed are
    head = ["2026-11-22 13:00:00 DEBUG POST /v1/transfer_requests HTTP/1.1", "Host: api.iugu.com",
            *(f"{name}: {value}" for name, value in HEADERS.items()), f"Content-Length: {len(IUGU_BODY)}", ""]
    assert read([*head, *message.decode().split("\n")]) == [(1, IUGU, None)]


def test_no_body_is_taken_from_the_indented_lines_of_a_printers_tree() -> None:
    """tshark's packet details: the head with each line end written `\\r\\n`, then the tree the
    JSON dissector prints of the body, indented. Lines of that tree, from a line's start or
    after its `: `, can be as long as the Content-Length says (a body cut to fit, which made a
    signed transfer a bad signature): no record begins on an indented line, and none is taken."""
    tree = ["    [Path: /api_token]", "        Member: amount_cents", "            [Path: /amount_cents]"]
    fits = len("\n".join(tree).encode())
    head = ["Hypertext Transfer Protocol", "    POST /v1/transfer_requests HTTP/1.1\\r\\n", "    Host: api.iugu.com\\r\\n",
            f"    Content-Length: {fits}\\r\\n", "    \\r\\n", f"    File Data: {fits} bytes",
            "JavaScript Object Notation: application/json", "    Object"]
    assert read([*head, *tree]) == [(2, IUGU, None)]


def connect_stream(method: str, at: int, data: str, mark: str = "<<") -> list[str]:
    """The .NET Framework's System.Net trace (tracemode protocolonly): what a connection writes, after `<<`."""
    return f"[2444] ({at}) Data from ConnectStream#33574638::{method}{mark}{data}".split("\n")


def test_a_record_marking_its_data_as_the_head_marked_the_request_line_holds_the_body() -> None:
    """The body's own record (`::Write<<{…`) is not the head's (`::WriteHeaders<<POST …`), but it marks
    where its data begins with the head's `<<`: after it, the body of the declared length. Data after
    another mark is not taken for it."""
    head = "\r\n".join(["POST /v1/transfer_requests HTTP/1.1", "Host: api.iugu.com", "Content-Type: application/json",
                        f"Content-Length: {len(SIGNED_BODY)}"]) + "\r\n\r\n"
    done = "[2444] (912) Exiting HttpWebRequest#45653674::GetResponse() \t-> HttpWebResponse#41149443"
    lines = [*connect_stream("WriteHeaders", 594, head), *connect_stream("Write", 601, SIGNED_BODY.decode()), done]
    assert read(lines) == [(1, IUGU, SIGNED_BODY)]
    assert read([*connect_stream("WriteHeaders", 594, head), *connect_stream("Read", 601, SIGNED_BODY.decode(), ">>"),
                 done]) == [(1, IUGU, None)]


def ab_head(declared: int) -> list[str]:
    """ApacheBench at `-v 2`: the head it sends printed between `---` rule lines (CR LF kept, a blank
    line closing it), never the body sent after it."""
    head = ["POST /v1/transfer_requests HTTP/1.0", f"Content-length: {declared}", "Content-type: application/json",
            "Host: api.iugu.com", "Accept: */*"]
    printed = "\r\n".join(head) + "\r\n\r\n"
    return f"Benchmarking api.iugu.com (be patient)...INFO: POST header == \n---\n{printed}\n---".split("\n")


def test_a_head_framed_by_rule_lines_ends_at_the_closing_rule() -> None:
    """What follows the closing `---` (ab's `..done`) is no body, though the lines from the head's blank
    line to it are as long as the head says: the frame closed the block."""
    assert read([*ab_head(len("\n---\n..done")), "..done"]) == [(3, IUGU, None)]


def test_no_body_record_is_looked_for_past_a_rule_line_after_the_head() -> None:
    """A record of the declared length past the frame (a response's JSON printed after the run) is not
    the body: the request stays without one."""
    assert read([*ab_head(len(SIGNED_BODY)), "..done", *SIGNED_BODY.decode().split("\n")]) == [(3, IUGU, None)]


APP_RECORD = "2026-11-22 13:00:01,123 INFO [worker-3] app.Service: order payment retry cache queue worker session"


def test_a_record_of_words_is_no_json_body_though_its_message_is_as_long_as_declared() -> None:
    """Google's client logged the head and not its content; the application's next record's message
    (after its `: `) is, by chance, exactly as long as the head says. A JSON head's body must parse:
    none is taken (one head in eight took such a message, and its signature then failed); a plain
    text head's is taken, as before."""
    message = APP_RECORD.split(": ", 1)[1].encode()
    assert read([*jul_head(IUGU, HEADERS, b"x" * len(message)), APP_RECORD]) == [(3, IUGU, None)]
    plain = {**HEADERS, "Content-Type": "text/plain"}
    assert read([*jul_head(IUGU, plain, b"x" * len(message)), APP_RECORD]) == [(3, IUGU, message)]


def test_a_form_body_holds_no_blank_and_a_json_body_parses() -> None:
    """A form's body by its length: taken where it holds no blank, not where a record of words is; a
    JSON type named with parameters or a `+json` suffix is JSON all the same."""
    message = APP_RECORD.split(": ", 1)[1]
    form = b"amount_cents=1050&api_token=0123456789abcdef"
    typed = {**HEADERS, "Content-Type": "application/x-www-form-urlencoded"}
    assert read([*jul_head(IUGU, typed, form), *jul_content(form)]) == [(3, IUGU, form)]
    assert read([*jul_head(IUGU, typed, b"x" * len(message)), APP_RECORD]) == [(3, IUGU, None)]
    for media in ("application/json; charset=UTF-8", "application/vnd.api+json"):
        typed = {**HEADERS, "Content-Type": media}
        assert read([*jul_head(IUGU, typed, SIGNED_BODY), *jul_content(SIGNED_BODY)]) == [(3, IUGU, SIGNED_BODY)]
