"""An eleventh blind corpus: the four money-out requests of :mod:`helpers.signed_shapes` (iugu
transfers unsigned, signed with the client's real key and with another key, an Asaas transfer) as
the tools that see the BYTES a client sends write them — strace's hex dump of a write (`-e
write=`), its all-hex strings (`-xx`) and its `writev` vectors, ltrace of `SSL_write`, Java's
`-Djavax.net.debug=all` plaintext records, eCapture's TLS text mode, tshark's raw Follow TCP
Stream, Wireshark's Follow TLS Stream saved as YAML and as C arrays, `xxd -p` and `od -c` —, the
RECORDINGS test doubles keep of them (a Ruby VCR cassette with exact body bytes, a Polly.JS
recording) and what BROWSERS log of them (Chrome's net-export NetLog in its default and raw-bytes
modes, Firefox's MOZ_LOG of nsHttp) — none of which the other corpora show.

Each shape quotes the public documentation (or the source) it follows. The request checks are
the ones every blind corpus passes (:mod:`test_request_shape_corpora`): ``SHAPES`` show the body as
sent, ``HEADERS_ONLY`` never do. A shape the readers cannot take yet is an expected failure,
strict, with what they miss.
"""

from __future__ import annotations

import base64
import json

import yaml

from helpers.signed_shapes import Request, case

AGENT = "payouts/3.1"
CLIENT, SERVER = ("10.0.0.7", 51234), ("200.155.0.10", 443)


def _length(request: Request) -> str:
    return str(len(request.body.encode()))


def _head(request: Request, headers: list[tuple[str, str]] | None = None) -> bytes:
    """The request's head as a client writes it on the connection: HTTP/1.1, CR LF, a blank line."""
    fields = headers if headers is not None else [("Host", request.host), *request.headers,
                                                   ("Content-Length", _length(request))]
    lines = [f"{request.method} {request.path} HTTP/1.1", *(f"{name}: {value}" for name, value in fields)]
    return ("".join(f"{line}\r\n" for line in lines) + "\r\n").encode()


def _wire(request: Request) -> bytes:
    return _head(request) + request.body.encode()


def _capitalized(name: str) -> str:
    """A header name as Ruby's Net::HTTP#each_capitalized writes it (`access_token` is `Access_token`)."""
    return "-".join(part.capitalize() for part in name.split("-"))


def _net_http_head(request: Request) -> bytes:
    """Ruby Net::HTTP's head (net/http/generic_request.rb write_header: the request line, each_capitalized
    header in insertion order — the caller's, then accept-encoding, accept, host set in initialize —,
    content-length set by send_request_with_body, a blank line)."""
    fields = [*((_capitalized(name), value) for name, value in request.headers),
              ("Accept-Encoding", "gzip;q=1.0,deflate;q=0.6,identity;q=0.3"), ("Accept", "*/*"),
              ("Host", request.host), ("Content-Length", _length(request))]
    return _head(request, fields)


# --- system call and library call tracers -------------------------------------------------------

_NAMED = {0x22: '\\"', 0x5C: "\\\\", 0x0C: "\\f", 0x0A: "\\n", 0x0D: "\\r", 0x09: "\\t", 0x0B: "\\v"}


def _strace_string(data: bytes, limit: int) -> str:
    """strace's C string (src/util.c string_quote): `"` and `\\` escaped, \\f \\n \\r \\t \\v named,
    printable ASCII kept, any other byte in octal; past ``limit`` bytes cut, `...` after the quote."""
    text = "".join(_NAMED.get(byte) or (chr(byte) if 0x20 <= byte < 0x7F else f"\\{byte:o}")
                   for byte in data[:limit])
    return f'"{text}"' + ("..." if len(data) > limit else "")


def _strace_dump(data: bytes) -> list[str]:
    """strace's dumpstr (src/util.c): 16 bytes a line, ` | %05x  ` the offset, the bytes as `xx ` with a
    blank after the eighth and the sixteenth, then the 16 bytes as text (a byte outside 0x20-0x7E a `.`,
    the last line padded with blanks), ` |`."""
    lines = []
    for at in range(0, len(data), 16):
        row = data[at:at + 16]
        cells = [f"{byte:02x} " for byte in row] + ["   "] * (16 - len(row))
        hexed = "".join(cells[:8]) + " " + "".join(cells[8:]) + " "
        shown = "".join(chr(byte) if 0x20 <= byte < 0x7F else "." for byte in row).ljust(16)
        lines.append(f" | {at:05x}  {hexed}{shown} |")
    return lines


def strace_write_hexdump(request: Request) -> list[str]:
    # `strace -f -tt -e trace=write -e write=7 -p <pid>` on a Ruby worker whose Net::HTTP talks plain HTTP to
    # its mesh sidecar, which originates TLS (man7.org/linux/man-pages/man1/strace.1.html: "-e write=set Perform
    # a full hexadecimal and ASCII dump of all the data written to file descriptors listed in the specified
    # set"; the call's own string cut at the default -s 32, `"...`): Net::HTTP writes the head and the body in
    # two calls (send_request_with_body: write_header, then sock.write body), each followed by its dump.
    lines = []
    for when, data in (("13:00:00.123456", _net_http_head(request)), ("13:00:00.123511", request.body.encode())):
        lines.append(f"[pid  4311] {when} write(7, {_strace_string(data, 32)}, {len(data)}) = {len(data)}")
        lines += _strace_dump(data)
    return lines


def strace_xx_writes(request: Request) -> list[str]:
    # `strace -f -xx -s 65535 -e trace=write` on the same worker (strace(1): "-xx Print all strings in
    # hexadecimal string format", every byte `\xhh`): the head and the body, two writes.
    lines = []
    for data in (_net_http_head(request), request.body.encode()):
        hexed = "".join(f"\\x{byte:02x}" for byte in data)
        lines.append(f'[pid  4311] write(7, "{hexed}", {len(data)}) = {len(data)}')
    return lines


def strace_writev(request: Request) -> list[str]:
    # `strace -f -s 65535 -e trace=writev -p <nginx worker>` on an nginx egress proxy (`proxy_http_version 1.1`)
    # that forwards the workers' calls to the mesh sidecar over plain HTTP: nginx's ngx_linux_sendfile_chain
    # sends the head it built and the body buffer in one writev; strace prints the vector (src/io.c
    # tprint_iov: `[{iov_base="…", iov_len=<n>}, …]`, the count, the result).
    head = _head(request, [("Host", request.host), ("Connection", "close"), ("Content-Length", _length(request)),
                           *request.headers])
    body = request.body.encode()
    return [f'[pid  2207] writev(14, [{{iov_base={_strace_string(head, 65535)}, iov_len={len(head)}}}, '
            f'{{iov_base={_strace_string(body, 65535)}, iov_len={len(body)}}}], 2) = {len(head) + len(body)}']


_LTRACE = {0x00: "\\0", 0x07: "\\a", 0x08: "\\b", 0x09: "\\t", 0x0A: "\\n", 0x0B: "\\v", 0x0C: "\\f",
           0x0D: "\\r", 0x5C: "\\\\"}


def ltrace_ssl_write(request: Request) -> list[str]:
    # `ltrace -f -s 4096 -F ssl.conf -e SSL_write php-fpm`, ssl.conf giving the prototype `int SSL_write(addr,
    # string[arg3], int);` (ltrace.conf(5): "string[EXPR]"), on a PHP worker whose curl extension sends the
    # transfer (one SSL_write of the whole request): ltrace's lens_default.c print_char — \0 \a \b \t \n \v \f
    # \r and `\\` escaped, any other unprintable byte `\%03o`, and a double quote NOT escaped.
    text = "".join(_LTRACE.get(byte) or (chr(byte) if 0x20 <= byte < 0x7F else f"\\{byte:03o}")
                   for byte in _wire(request))
    return [f'[pid 4242] libcurl.so.4->SSL_write(0x5581f0e2c4a0, "{text}", {len(_wire(request))}) '
            f"= {len(_wire(request))}"]


def _java_hex(data: bytes) -> list[str]:
    """sun.security.util.HexDumpEncoder.encodeBuffer: `%04X: ` the offset, each byte `%02X ` (upper case)
    with two more blanks after the eighth, a short last line padded, a blank, the bytes as text — a byte
    below a blank or above `z` a `.` (so `{`, `}` and `|` are dots) — each line indented by two (Utilities.indent)."""
    lines = []
    for at in range(0, len(data), 16):
        row = data[at:at + 16]
        cells = [f"{byte:02X} " for byte in row] + ["   "] * (16 - len(row))
        hexed = "".join(cells[:8]) + "  " + "".join(cells[8:])
        shown = "".join("." if byte < 0x20 or byte > 0x7A else chr(byte) for byte in row)
        lines.append(f"  {at:04X}: {hexed} {shown}")
    return lines


def java_ssl_debug_plaintext(request: Request) -> list[str]:
    # A JVM run with `-Djavax.net.debug=all`, its java.net.http.HttpClient sending the transfer over TLS 1.3
    # (JDK 17 sun/security/ssl/SSLLogger.java, the compact format `{logger}|{level}|{thread id}|{thread
    # name}|{time yyyy-MM-dd kk:mm:ss.SSS z}|{caller}|{message} (` the parameters `)`; SSLCipher's
    # `Plaintext before ENCRYPTION` with the record's bytes as HexDumpEncoder writes them): TLS 1.3's inner
    # plaintext is the data, its content type (0x17) and 16 zero bytes of padding (OutputRecord.t13Encrypt,
    # T13PaddingHolder.zeros); the head and the body go in two records.
    prefix = "javax.net.ssl|DEBUG|1F|HttpClient-1-Worker-0|2026-11-22 13:00:00.{ms:03d} BRT|"
    head = _head(request, [("Content-Length", _length(request)), ("Host", request.host), *request.headers])
    lines = []
    for n, data in enumerate((head, request.body.encode())):
        record = data + b"\x17" + bytes(16)
        lines += [f"{prefix.format(ms=120 + n)}SSLEngineOutputRecord.java:507|WRITE: TLSv1.3 application_data, "
                  f"length = {len(data)}",
                  f"{prefix.format(ms=120 + n)}SSLCipher.java:2034|Plaintext before ENCRYPTION (",
                  *_java_hex(record), ")"]
    return lines


def _go_dump_request(request: Request) -> bytes:
    """Go's httputil.DumpRequest(req, true) of the request http.ReadRequest parsed: the request line, Host,
    the other headers canonical and sorted (Header.WriteSubset), a blank line, the body."""
    fields = sorted((("-".join(p[:1].upper() + p[1:].lower() for p in name.split("-")), value)
                     for name, value in [*request.headers, ("Content-Length", _length(request))]))
    return _head(request, [("Host", request.host), *fields]) + request.body.encode()


def ecapture_tls_text(request: Request) -> list[str]:
    # eCapture's `ecapture tls -m text` (github.com/gojue/ecapture; pkg/event_processor/iworker.go Display: the
    # SSL_write payloads of one connection joined, parsed — a request by its HTTPRequest parser, shown as
    # httputil.DumpRequest gives it — and written as `UUID:%s, Name:%s, Type:%d, Length:%d\n%s\n`, the UUID
    # `<pid>_<tid>_<comm>_<fd>_<data type>` and the tuple) on a Python worker.
    dump = _go_dump_request(request)
    uuid = f"4242_4242_python3_5_1_{CLIENT[0]}:{CLIENT[1]}-{SERVER[0]}:{SERVER[1]}"
    text = f"UUID:{uuid}, Name:HTTPRequest, Type:1, Length:{len(dump)}\n{dump.decode()}\n"
    return text.split("\n")


# --- packet capture tools ----------------------------------------------------------------------------

REPLY = b'HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: 11\r\n\r\n{"id":"t1"}'
FOLLOW_RULE = "=" * 67


def tshark_follow_raw(request: Request) -> list[str]:
    # `tshark -r capture.pcap -q -z follow,tcp,raw,3` (www.wireshark.org/docs/man-pages/tshark.html "-z
    # follow,prot,mode,filter[,range]", mode raw; ui/cli/tap-follow.c followDraw: a blank line, a rule,
    # `Follow: tcp,raw`, `Filter: tcp.stream eq 3`, the two nodes, then each chunk of the stream as its bytes in
    # hex on one line — the server's after a tab —, a rule), of a worker's plain-HTTP port-80 leg.
    return ["", FOLLOW_RULE, "Follow: tcp,raw", "Filter: tcp.stream eq 3", "Node 0: 10.0.0.7:51234",
            "Node 1: 10.0.5.20:80", _wire(request).hex(), "\t" + REPLY.hex(), FOLLOW_RULE]


def wireshark_follow_yaml(request: Request) -> list[str]:
    # Wireshark's Follow TLS Stream (the capture decrypted with the client's SSLKEYLOGFILE), "Show data as
    # YAML", saved with "Save as…" (ui/qt/follow_stream_dialog.cpp: `peers:` — each peer's number, host, port
    # —, `packets:` — each chunk's packet number, peer, index, timestamp (seconds.nanoseconds) and `data:
    # !!binary |` the bytes in base64, 57 bytes (76 characters) a line, indented by six).
    def packet(number: int, peer: int, index: int, data: bytes) -> list[str]:
        lines = [f"  - packet: {number}", f"    peer: {peer}", f"    index: {index}",
                 f"    timestamp: 1795352400.{123456789 + number:09d}", "    data: !!binary |"]
        return lines + [f"      {base64.b64encode(data[at:at + 57]).decode()}" for at in range(0, len(data), 57)]

    return ["peers:", "  - peer: 0", f"    host: {CLIENT[0]}", f"    port: {CLIENT[1]}", "  - peer: 1",
            f"    host: {SERVER[0]}", f"    port: {SERVER[1]}", "packets:",
            *packet(14, 0, 0, _wire(request)), *packet(17, 1, 0, REPLY)]


def wireshark_follow_c_arrays(request: Request) -> list[str]:
    # Wireshark's Follow TLS Stream, "Show data as C Arrays", saved (ui/qt/follow_stream_dialog.cpp: each chunk
    # `char peer<n>_<i>[] = { /* Packet <number> */`, its bytes `0x%02x` eight a line joined by `, `, closed
    # ` };`), the client's chunks peer0, the server's peer1.
    def array(name: str, number: int, data: bytes) -> list[str]:
        rows = [", ".join(f"0x{byte:02x}" for byte in data[at:at + 8]) for at in range(0, len(data), 8)]
        return [f"char {name}[] = {{ /* Packet {number} */", *(row + ", " for row in rows[:-1]), rows[-1] + " };"]

    return [*array("peer0_0", 14, _wire(request)), *array("peer1_0", 17, REPLY)]


def xxd_plain(request: Request) -> list[str]:
    # The request's bytes saved from a capture (Wireshark's "Export Packet Bytes…") and pasted into the incident
    # ticket as `xxd -p request.bin` (xxd(1): "-p | -ps | -postscript | -plain Output in postscript continuous
    # hexdump style. Also known as plain hexdump style": 30 bytes a line, hex only).
    data = _wire(request)
    return ["$ xxd -p request.bin", *(data[at:at + 30].hex() for at in range(0, len(data), 30))]


_OD_NAMED = {0: "\\0", 7: "\\a", 8: "\\b", 9: "\\t", 10: "\\n", 11: "\\v", 12: "\\f", 13: "\\r"}


def od_characters(request: Request) -> list[str]:
    # The same bytes as `od -c request.bin` (GNU coreutils od, "-c same as -t c, select printable characters or
    # backslash escapes": the offset in octal, seven digits, then 16 bytes each in a field four wide — a
    # printable byte itself, \0 \a \b \f \n \r \t \v escaped, another byte in three octal digits —, the
    # total length's offset on a line of its own).
    data = _wire(request)
    lines = ["$ od -c request.bin"]
    for at in range(0, len(data), 16):
        cells = (_OD_NAMED.get(byte) or (chr(byte) if 0x20 <= byte < 0x7F else f"{byte:03o}")
                 for byte in data[at:at + 16])
        lines.append(f"{at:07o}" + "".join(f"{cell:>4}" for cell in cells))
    return lines + [f"{len(data):07o}"]


# --- recordings -------------------------------------------------------------------------------------

def _webmock_name(name: str) -> str:
    """WebMock's header normalization (WebMock::Util::Headers.normalize_headers): `_` and `-` both split the
    name, each part capitalized, joined by `-` (`access_token` is `Access-Token`)."""
    return "-".join(part.capitalize() for part in name.replace("_", "-").split("-"))


def _psych(value: str) -> str:
    """A string as Psych emits it: plain where YAML reads it back as that string, else quoted — double
    quotes where it starts with an indicator (`*/*`: an alias), single quotes where it reads as another
    type (a Request-Time: a timestamp)."""
    try:
        plain = yaml.safe_load(value) == value
    except yaml.YAMLError:
        plain = False
    return value if plain else json.dumps(value) if value[:1] in "*&!%@`" else f"'{value}'"


def ruby_vcr_exact_bytes(request: Request) -> list[str]:
    # A Ruby VCR cassette recorded with `preserve_exact_body_bytes { true }` (relishapp.com/vcr/vcr/v/6-0-0/
    # docs/configuration/preserve-exact-body-bytes: "the body will be base64 encoded"; lib/vcr/structs.rb
    # Body#to_hash `base64_string` from Base64.encode64 — 60 characters a line, each ended by a line feed —,
    # which Psych dumps as a literal block), the request signature's headers as WebMock normalizes them.
    encoded = base64.encodebytes(request.body.encode()).decode()
    headers = [*request.headers, ("Accept-Encoding", "gzip;q=1.0,deflate;q=0.6,identity;q=0.3"), ("Accept", "*/*")]
    lines = ["---", "http_interactions:", "- request:", "    method: post", f"    uri: {request.url}", "    body:",
             "      encoding: UTF-8", "      base64_string: |", *(f"        {line}" for line in encoded.splitlines()),
             "    headers:"]
    for name, value in headers:
        lines += [f"      {_webmock_name(name)}:", f"      - {_psych(value)}"]
    return lines + ["  response:", "    status:", "      code: 201", "      message: Created", "    headers:",
                    "      Content-Type:", "      - application/json", "    body:", "      encoding: UTF-8",
                    "      base64_string: |", "        eyJpZCI6InQxIn0=",
                    "  recorded_at: Sun, 22 Nov 2026 13:00:00 GMT",
                    "recorded_with: VCR 6.3.1"]


def polly_recording(request: Request) -> list[str]:
    # A Polly.JS recording (netflix.github.io/pollyjs/#/api?id=persister, the fs persister's
    # `recordings/<name>/recording.har`: HAR 1.2 with Polly's `_recordingName`, each entry's `_id` and
    # `_order`, header names lower-cased by the node-http adapter, `_fromType`; the persister's
    # stringify — keys sorted, two blanks of indent).
    headers = [{"_fromType": "array", "name": name.lower(), "value": value}
               for name, value in [*request.headers, ("content-length", _length(request))]]
    entry = {"_id": "6c3f0a2b9d4e8f1a7b5c2d9e0f1a2b3c", "_order": 0, "cache": {},
             "request": {"bodySize": len(request.body.encode()), "cookies": [], "headers": headers,
                         "headersSize": len(_head(request)), "httpVersion": "HTTP/1.1", "method": request.method,
                         "postData": {"mimeType": "application/json", "params": [], "text": request.body},
                         "queryString": [], "url": request.url},
             "response": {"bodySize": 11, "content": {"mimeType": "application/json", "size": 11,
                                                      "text": '{"id":"t1"}'},
                          "cookies": [], "headers": [{"name": "content-type", "value": "application/json"}],
                          "headersSize": 60, "httpVersion": "HTTP/1.1", "redirectURL": "", "status": 201,
                          "statusText": "Created"},
             "startedDateTime": "2026-11-22T13:00:00.123Z", "time": 312,
             "timings": {"blocked": -1, "connect": -1, "dns": -1, "receive": 0, "send": 0, "ssl": -1, "wait": 312}}
    har = {"log": {"_recordingName": "payouts/transfer", "creator": {"comment": "persister:fs", "name": "Polly.JS",
                                                                       "version": "6.0.6"},
                   "entries": [entry], "pages": [], "version": "1.2"}}
    return json.dumps(har, indent=2, sort_keys=True).split("\n")


# --- browsers ------------------------------------------------------------------------------------------

_NETLOG_TYPES = {"URL_REQUEST_START_JOB": 2, "SSL_SOCKET_BYTES_SENT": 85,
                 "HTTP_TRANSACTION_SEND_REQUEST_HEADERS": 173, "HTTP_TRANSACTION_SEND_REQUEST_BODY": 175}


def _netlog_event(kind: str, source: int, source_type: int, at: int, params: dict[str, object]) -> str:
    """One NetLog event as base::JSONWriter writes it (keys sorted): params, phase, source {id, start_time,
    type}, time (milliseconds, a string), type (the number the constants name)."""
    return json.dumps({"params": params, "phase": 0, "source": {"id": source, "start_time": "981234", "type":
                       source_type}, "time": str(981234 + at), "type": _NETLOG_TYPES[kind]},
                      sort_keys=True, separators=(",", ":"))


def _netlog(request: Request, raw_bytes: bool) -> list[str]:
    """A net-export file (chromium net/log/file_net_log_observer.cc: `{"constants":…,` then `"events": [`, an
    event a line each followed by `,`, then `],` and `"polledData"`): the URL request's job, its transaction's
    request line and header list (`name: value` strings, as HttpRequestHeaders::NetLogParams gives them), the
    body merged into the headers' write; with raw bytes captured, the TLS socket's SSL_SOCKET_BYTES_SENT
    (`bytes` base64, net/log/net_log_values.cc NetLogBinaryValue)."""
    constants = {"clientInfo": {"name": "Google Chrome", "version": "131.0.6778.86"},
                 "logCaptureMode": "Everything" if raw_bytes else "Default", "logEventTypes": _NETLOG_TYPES,
                 "logSourceType": {"URL_REQUEST": 1, "SOCKET": 8}}
    headers = [f"Host: {request.host}", "Connection: keep-alive", f"Content-Length: {_length(request)}",
               *(f"{name}: {value}" for name, value in request.headers), "Accept: */*",
               "Accept-Encoding: gzip, deflate, br, zstd", "Accept-Language: pt-BR"]
    events = [_netlog_event("URL_REQUEST_START_JOB", 40, 1, 1, {"load_flags": 0, "method": request.method,
                                                                 "network_isolation_key": "https://payouts.example",
                                                                 "url": request.url}),
              _netlog_event("HTTP_TRANSACTION_SEND_REQUEST_HEADERS", 40, 1, 2,
                            {"headers": headers, "line": f"{request.method} {request.path} HTTP/1.1\r\n"}),
              _netlog_event("HTTP_TRANSACTION_SEND_REQUEST_BODY", 40, 1, 2,
                            {"did_merge": True, "is_chunked": False, "length": int(_length(request))})]
    if raw_bytes:
        wire = ("\r\n".join([f"{request.method} {request.path} HTTP/1.1", *headers]) + "\r\n\r\n").encode()
        wire += request.body.encode()
        events.append(_netlog_event("SSL_SOCKET_BYTES_SENT", 41, 8, 3, {"byte_count": len(wire),
                                                                        "bytes": base64.b64encode(wire).decode()}))
    return [f'{{"constants":{json.dumps(constants, sort_keys=True, separators=(",", ":"))},', '"events": [',
            *(event + "," for event in events[:-1]), events[-1], "],", '"polledData": {}', "}"]


def chrome_netlog_default(request: Request) -> list[str]:
    # The payouts back office, an Electron app whose main process sends the calls with `net.request` (Chromium's
    # network stack; no Origin, the app's User-Agent), run with Chromium's `--log-net-log=<file>` (www.electronjs
    # .org/docs/latest/api/command-line-switches#--log-net-logpath; the net-export format of www.chromium.org/
    # for-testers/providing-network-details, default capture mode: the request's headers — only cookies and
    # credentials of the Authorization kind stripped —, never its body).
    return _netlog(request, raw_bytes=False)


def chrome_netlog_bytes(request: Request) -> list[str]:
    # The same with `--net-log-capture-mode=Everything` (Chrome's net-export "Include raw bytes (will include
    # cookies and credentials)"): the bytes the TLS socket sent.
    return _netlog(request, raw_bytes=True)


def firefox_moz_log(request: Request) -> list[str]:
    # A Firefox-based kiosk back office (`general.useragent.override` set to the app's agent; its privileged code
    # sends the calls, no Origin) run with `MOZ_LOG=timestamp,nsHttp:5` (firefox-source-docs.mozilla.org/
    # networking/http/logging.html; netwerk/protocol/http/nsHttpTransaction.cpp Init: `LOG1(("http request
    # [\n"))`, nsHttp::LogHeaders — each line of the request head `  %s` —, `LOG1(("]\n"))`, LOG1 at the Error
    # level, `E/nsHttp`): the head only.
    prefix = "2026-11-22 13:00:00.123456 UTC - [Parent 4242: Socket Thread]: "
    head = [f"{request.method} {request.path} HTTP/1.1", f"Host: {request.host}", f"User-Agent: {AGENT}",
            "Accept: */*", "Accept-Language: pt-BR,pt;q=0.8,en-US;q=0.5,en;q=0.3",
            "Accept-Encoding: gzip, deflate, br, zstd", *(f"{name}: {value}" for name, value in request.headers
                                                          if name != "User-Agent"),
            f"Content-Length: {_length(request)}", "Connection: keep-alive"]
    return [f"{prefix}D/nsHttp nsHttpTransaction::Init [this=7f3a2c1d4e00 caps=21]", f"{prefix}E/nsHttp http request [",
            *(f"{prefix}E/nsHttp   {line}" for line in head), f"{prefix}E/nsHttp ]"]


SHAPES = [case(shape) for shape in (ecapture_tls_text, polly_recording, chrome_netlog_bytes, wireshark_follow_yaml,
                                    ruby_vcr_exact_bytes, xxd_plain, strace_write_hexdump,
                                    strace_writev, ltrace_ssl_write, java_ssl_debug_plaintext,
                                    wireshark_follow_c_arrays)] + [
    case(strace_xx_writes),
    case(od_characters),
    case(tshark_follow_raw, plaintext=True, missed="read, but not as plain HTTP: the stream's bytes, bare hex, "
         "are opened as a payload whose requests name no scheme, and the `Node 1: 10.0.5.20:80` line above them, "
         "which says they went to port 80, is not read: the credential-over-plaintext-http and "
         "iugu-plaintext-request findings are missed")]
HEADERS_ONLY = [case(firefox_moz_log)] + [
    case(chrome_netlog_default, missed="the four requests are read from URL_REQUEST_START_JOB but their headers "
         "— the `headers` list of `Name: value` strings of HTTP_TRANSACTION_SEND_REQUEST_HEADERS — are not taken "
         "as the request's: no transfer is called unsigned")]
NO_HEADERS: list[object] = []
