"""A request head a log writes with its line ends escaped: one line of the head in each record
(Apache's mod_dumpio, the logger's own records between them), or the whole head quoted in
brackets after the method and URL (Squid's access log with ``log_mime_hdrs``), or percent-encoded (a Squid
logformat's ``%>h``)."""

from __future__ import annotations

import time

from keyaudit.inputs.text_requests import exchanges_in_lines

URL = "https://api.iugu.com/v1/transfer_requests"
SIGNATURE = "signature=YWJj"


def squid(head: str | None) -> str:
    """A native access.log line, with the request and reply heads where ``log_mime_hdrs`` is on."""
    line = f"1795352400.123     32 10.0.0.7 TCP_MISS/201 345 POST {URL} - HIER_DIRECT/200.155.0.10 application/json"
    return line if head is None else line + f" [{head}] [HTTP/1.1 201 Created\\r\\nContent-Type: application/json\\r\\n]"


def test_a_proxy_log_line_quoting_the_head_is_the_request_with_its_headers_known() -> None:
    head = f"Host: api.iugu.com\\r\\nContent-Type: application/json\\r\\nSignature: {SIGNATURE}\\r\\nContent-Length: 9\\r\\n"
    (found,) = exchanges_in_lines([(7, squid(head))], "access.log")
    assert (found.origin.line, found.method, found.url, found.body, found.headers_known) == (7, "POST", URL, None, True)
    assert found.headers == [("Host", "api.iugu.com"), ("Content-Type", "application/json"),
                             ("Signature", SIGNATURE), ("Content-Length", "9")]


def test_a_proxy_log_line_without_the_head_and_the_reply_head_alone_show_no_header() -> None:
    """The method and URL of an access log line are a request named in passing, whose headers are
    unknown (an unsigned request cannot be told from it), and a bracket holding a reply's head
    is no request's head."""
    reply_only = f"1795352400.123 32 10.0.0.7 TCP_MISS/201 345 POST {URL} - HIER_DIRECT/1.2.3.4 - [] [HTTP/1.1 201 Created\\r\\n]"
    for line in (squid(None), reply_only):
        assert [(found.method, found.url, found.headers, found.headers_known)
                for found in exchanges_in_lines([(1, line)], "access.log")] == [("POST", URL, [], False)]


def test_a_proxy_log_line_with_the_head_percent_encoded_is_the_request_with_its_headers_decoded() -> None:
    """Squid's `%>h` URL-escapes the head (CR LF as `%0D%0A`, each blank as `%20`); the bracketed head of
    `log_mime_hdrs` today encodes CR LF so too, its blanks kept."""
    escaped = "Host:%20api.iugu.com%0D%0ASignature:%20signature=YWJj%2B%0D%0AX-Note:%20a%20b%0D%0A"
    bracketed = "[Host: api.iugu.com%0D%0ASignature: signature=YWJj%2B%0D%0AX-Note: a b%0D%0A] [HTTP/1.1 201%0D%0A]"
    for head in (escaped, bracketed):
        (found,) = exchanges_in_lines([(3, squid(None) + " " + head)], "access.log")
        assert (found.method, found.url, found.headers_known) == ("POST", URL, True)
        assert found.headers == [("Host", "api.iugu.com"), ("Signature", SIGNATURE + "+"), ("X-Note", "a b")]


def test_a_proxy_log_line_of_many_fields_is_read_in_one_pass() -> None:
    """Each `name: value` field after the method and URL was a candidate head read to the line's end for its
    `%0D%0A` (16 KB of fields: a second; 100 KB: 40 s), so was each method and URL of a line of them; and the
    fields up to a head were read as its first header."""
    escaped = "Host:%20api.iugu.com%0D%0ASignature:%20signature=YWJj%2B%0D%0A"
    fields = squid(None) + " a: b" * 6_000 + " %0D%0Ax"
    read = [("Host", "api.iugu.com"), ("Signature", SIGNATURE + "+")]
    for line, headers in ((fields, []), (fields + " " + escaped, read), (f"POST {URL} - " * 2_000 + escaped, read)):
        started = time.process_time()
        (found,) = exchanges_in_lines([(3, line)], "access.log")
        assert time.process_time() - started < 1
        assert (found.method, found.url, found.headers) == ("POST", URL, headers)
