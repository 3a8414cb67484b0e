"""Logs of the bytes sent, as data: Ruby Net::HTTP's debug output beside Apache HttpClient's and
Apache Synapse's (whose marks are the other way round), and Indy's intercepts (line breaks written
as their names)."""

from __future__ import annotations

import json

from keyaudit.inputs.captures.httpdump import exchanges
from keyaudit.inputs.captures.wire_logs import dumped_bytes, named_bytes, wire_bytes


def test_ruby_dump_escapes_are_the_bytes_they_stand_for() -> None:
    assert dumped_bytes(r"a\r\n\t\"q\"\\ \e\#{x} \xC3\xA7 \u00E7 \u{1F600}") == (
        "a\r\n\t\"q\"\\ \x1b#{x} ç ç \U0001F600".encode())
    assert wire_bytes("POST / HTTP/1.1[\\r][\\n][0x7f]") == b"POST / HTTP/1.1\r\n\x7f"
    assert named_bytes("POST / HTTP/1.1<EOL>a<CR>b<LF><ESC><eol>") == b"POST / HTTP/1.1\r\na\rb\n<ESC><eol>"


def test_a_dump_escape_no_utf_8_writes_is_no_error() -> None:
    """A lone surrogate's escape (`\\ud800`: a fuzzed or damaged log) is encoded as the text's own are; an escape past
    U+10FFFF is no code point, kept as written."""
    assert (dumped_bytes(r"\ud800x"), dumped_bytes(r"\u{110000}")) == ("\ud800x".encode("utf-8", "surrogatepass"),
                                                                      b"\\u{110000}")


def test_net_http_debug_output_is_read_as_the_request_sent_and_its_response_ends_it() -> None:
    body = '{\n"value":1\n}'
    head = "POST /v3/transfers HTTP/1.1\r\nHost: api.asaas.com\r\nUser-Agent: Ruby\r\n" \
           f"Content-Length: {len(body)}\r\n\r\n"
    lines = ["opening connection to api.asaas.com:443...", "opened", f"<- {json.dumps(head)}",
             f"<- {json.dumps(body)}", '-> "HTTP/1.1 200 OK\\r\\n"', f"<- {json.dumps(head)}",
             '-> "HTTP/1.1 200 OK\\r\\n"']
    found = list(exchanges(enumerate(lines, 1), "ruby.log"))
    assert [(e.origin.capture, e.origin.line, e.url, e.body) for e in found] == [
        ("net-http", 3, "https://api.asaas.com/v3/transfers", body.encode()),
        ("net-http", 6, "https://api.asaas.com/v3/transfers", None)]


def test_net_http_over_a_connection_it_did_not_secure_sent_its_requests_over_plain_http() -> None:
    """net/http.rb's connect says `opening connection to <host>:<port>...`, then `starting SSL for …` where use_ssl is
    set: a request on a connection to port 80 with no TLS went over plain HTTP, whatever the Host header says; one
    with TLS started, over HTTPS; one to port 443 with no word of TLS, as its Host header says."""
    head = "GET /v1/invoices HTTP/1.1\r\nHost: api.iugu.com\r\n\r\n"
    lines = ["opening connection to api.iugu.com:80...", "opened", f"<- {json.dumps(head)}", '-> "HTTP/1.1 200 OK\r\n"',
             "opening connection to proxy.internal:3128...", "opened", "starting SSL for api.iugu.com:443...",
             "SSL established, protocol: TLSv1.3, cipher: TLS_AES_128_GCM_SHA256", f"<- {json.dumps(head)}",
             '-> "HTTP/1.1 200 OK\r\n"', "opening connection to api.iugu.com:443...", "opened",
             f"<- {json.dumps(head)}", '-> "HTTP/1.1 200 OK\r\n"']
    found = list(exchanges(enumerate(lines, 1), "ruby.log"))
    assert [(e.origin.line, e.url) for e in found] == [(3, "http://api.iugu.com/v1/invoices"),
                                                       (9, "https://api.iugu.com/v1/invoices"),
                                                       (13, "https://api.iugu.com/v1/invoices")]


def test_net_http_connection_lines_of_another_host_say_nothing_of_a_request_s_scheme() -> None:
    """Two clients write to one debug output (threads sharing $stderr): a plain connection opened to another host
    after TLS was started with the provider's leaves the provider's request on HTTPS, and the other's on HTTP."""
    health = "GET /health HTTP/1.1\r\nHost: internal.svc\r\n\r\n"
    transfer = "POST /v1/transfer_requests HTTP/1.1\r\nHost: api.iugu.com:443\r\n\r\n"
    lines = ["opening connection to api.iugu.com:443...", "opened", "starting SSL for api.iugu.com:443...",
             "opening connection to internal.svc:80...", "opened", f"<- {json.dumps(health)}",
             '-> "HTTP/1.1 200 OK\\r\\n"', f"<- {json.dumps(transfer)}", '-> "HTTP/1.1 200 OK\\r\\n"']
    found = list(exchanges(enumerate(lines, 1), "ruby.log"))
    assert [(e.origin.line, e.url) for e in found] == [(6, "http://internal.svc/health"),
                                                       (8, "https://api.iugu.com:443/v1/transfer_requests")]


def test_a_synapse_senders_outgoing_lines_are_the_request_and_its_incoming_lines_are_no_request() -> None:
    # WSO2's wire log marks the other way round from HttpClient's: on a Sender (the connection to a
    # backend) `<<` goes to the wire; the backend's reply comes back `>>` and is read as no request.
    sender = "[2026-11-22 13:00:00,001] DEBUG {wire} - HTTPS-Sender I/O dispatcher-2"
    lines = [f'{sender} << "POST /v3/transfers HTTP/1.1[\\r][\\n]"', f'{sender} << "Host: api.asaas.com[\\r][\\n]"',
             f'{sender} << "Content-Length: 2[\\r][\\n]"', f'{sender} << "[\\r][\\n]"', f'{sender} << "{{}}"',
             f'{sender} >> "HTTP/1.1 201 Created[\\r][\\n]"', f'{sender} >> "Content-Length: 2[\\r][\\n]"',
             f'{sender} >> "[\\r][\\n]"', f'{sender} >> "{{}}"']
    found = list(exchanges(enumerate(lines, 1), "wso2carbon.log"))
    assert [(e.origin.capture, e.origin.line, e.method, e.url, e.body) for e in found] == [
        ("synapse", 1, "POST", "https://api.asaas.com/v3/transfers", b"{}")]



def test_an_unquoted_piece_escaped_to_the_lines_end_is_the_request_sent() -> None:
    # isahc's `isahc::wire` trace: curl's debug data after `>> `, every byte through Rust's ascii::escape_default
    # (CR LF as `\r\n`, a quote as `\"`), no quotes around it; `<< ` what is read.
    body = '{\n"value":1\n}'
    head = f"POST /v3/transfers HTTP/1.1\\r\\nHost: api.asaas.com\\r\\nContent-Length: {len(body)}\\r\\n\\r\\n"
    trace = "2026-11-22T13:00:00.123456Z TRACE handler{id=0}: isahc::wire: "
    escaped = body.replace("\n", "\\n").replace('"', '\\"')
    lines = [f"{trace}>> {head}", f"{trace}>> {escaped}", f"{trace}<< HTTP/1.1 201 Created\\r\\n"]
    found = list(exchanges(enumerate(lines, 1), "isahc.log"))
    assert [(e.origin.capture, e.origin.line, e.url, e.body) for e in found] == [
        ("escaped", 1, "https://api.asaas.com/v3/transfers", body.encode())]


def test_a_mark_before_text_that_starts_no_request_makes_none() -> None:
    # a shell's append, a quote in a mail, a request line in prose with no line end after it
    lines = ["$ echo token >> .env", "> >> POST the transfer before noon", ">> POST /v3/transfers HTTP/1.1 is the call",
             '>> {\\n\\"value\\":1\\n}']
    assert list(exchanges(enumerate(lines, 1), "notes.log")) == []


def test_a_piece_after_a_direction_word_and_a_time_with_its_breaks_named_is_the_request_sent() -> None:
    # Indy's TIdLogFile: `Sent <time>: ` before each piece sent (the head in one write, the body in another), CR LF
    # written `<EOL>`, a lone LF `<LF>`; `Recv <time>: ` before what is read; `Stat ` lines between. The time is the
    # machine's locale's, or none where LogTime is off.
    body = '{\n"value":1\n}'
    head = f"POST /v3/transfers HTTP/1.1<EOL>Host: api.asaas.com<EOL>Content-Length: {len(body)}<EOL><EOL>"
    for stamp in ("22/11/2026 13:00:00", "11/22/2026 1:00:00 PM", ""):
        lines = ["Stat Connected.", f"Sent {stamp}: {head}", f"Sent {stamp}: " + body.replace("\n", "<LF>"),
                 f"Recv {stamp}: HTTP/1.1 201 Created<EOL>Content-Length: 2<EOL><EOL>{{}}", "Stat Disconnected."]
        found = list(exchanges(enumerate(lines, 1), "indy.log"))
        assert [(e.origin.capture, e.origin.line, e.url, e.body) for e in found] == [
            ("named-breaks", 2, "https://api.asaas.com/v3/transfers", body.encode())], stamp


def test_sent_words_before_no_time_or_no_request_make_none() -> None:
    # a sentence's `Sent`, a count before the colon, a piece that starts no request
    lines = ["2026-11-22 13:00:00 INFO Sent 3 transfers: POST /v3/transfers HTTP/1.1<EOL>Host: api.asaas.com<EOL><EOL>",
             "Sent 22/11/2026 13:00:00: hello<LF>world", "Recv 22/11/2026 13:00:00: HTTP/1.1 200 OK<EOL><EOL>",
             "Sent to api.asaas.com: POST /v3/transfers"]
    assert list(exchanges(enumerate(lines, 1), "notes.log")) == []
