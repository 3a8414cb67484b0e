"""A seventh blind corpus: the four money-out requests of :mod:`helpers.signed_shapes` (iugu
transfers unsigned, signed with the client's real key and with another key, an Asaas transfer) in
the ENVELOPES logs travel and rest in, and in the output of the tools that dump traffic — none of
which the other corpora showed: journald's export format, rsyslog's escaped control characters,
Heroku's octet-counted drain frames, Splunk's HTTP Event Collector batches, Datadog's and New
Relic's log intake bodies, Vector's logfmt console, `aws logs filter-log-events` and `gcloud
logging read` output, Firehose's and Pub/Sub's base64 deliveries, Kafka's console consumer, Redis's
MONITOR; `tcpdump -X`, tshark's Follow TCP Stream (ASCII and hex), `socat -v`, `strace` and bcc's
sslsniff. And credentials (not requests) in the envelopes they end up in: a mail logged by a
framework in quoted-printable and in base64, a PowerShell session's output in UTF-16, a Windows
event's XML, an error page's HTML.

Each shape quotes the public documentation (or the source) it follows. The request checks are
the ones every blind corpus passes (:mod:`test_request_shape_corpora`): ``SHAPES`` show the body as
sent, ``HEADERS_ONLY`` never do, ``NO_HEADERS`` show no header. A shape the readers cannot take yet
is an expected failure, strict, with what they miss.
"""

from __future__ import annotations

import base64
import email.policy
import html
import json
import pprint
import quopri
import struct
from email.mime.base import MIMEBase
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email import encoders
from itertools import count
from pathlib import Path
from typing import Callable
from xml.sax.saxutils import escape

import pytest

from helpers.credentials import asaas_key, hex_digest, iugu_token, random_uuid
from helpers.running import rule_places, scan_json
from helpers.secrecy import assert_none_leaked
from helpers.signed_shapes import Request, case

WHEN = "2026-11-22T13:00:00.123Z"
EPOCH = 1795352400
_CONNECTIONS = count(1)  # a capture's or a shipper's running number


def _record(request: Request) -> dict[str, object]:
    """The application's own JSON request record, which the log envelopes below carry."""
    return {"level": "debug", "msg": "outbound call", "method": request.method, "url": request.url,
            "headers": dict(request.headers), "body": request.body}


def _line(request: Request) -> str:
    return json.dumps(_record(request))


def _wire(request: Request) -> str:
    """The request as the client wrote it on the connection: HTTP/1.1, Host first, CR LF."""
    head = [f"{request.method} {request.path} HTTP/1.1", f"Host: {request.host}",
            *(f"{name}: {value}" for name, value in request.headers), f"Content-Length: {len(request.body.encode())}"]
    return "\r\n".join([*head, "", request.body])


REPLY = 'HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: 11\r\n\r\n{"id":"t1"}'


# --- where logs rest: the journal, syslog files ---------------------------------------------------

def journald_export(request: Request) -> list[str]:
    # `journalctl -o export` (systemd.io/JOURNAL_EXPORT_FORMATS/, "Journal Export Format": an entry is
    # `FIELD=value` lines ended by an empty line; "fields containing non-printable or newline characters
    # are serialized as the field name, a newline, the size as a 64-bit little-endian integer, the data,
    # a newline"), the worker logging its request dump through the journal's native protocol (which keeps
    # line breaks): MESSAGE is binary.
    n = next(_CONNECTIONS)
    data = _wire(request).encode()
    fields = [f"__CURSOR=s=6a1f0e2c9b8d4c7fa3e21d0c5b4a3f29;i=1a{n:02x};b=0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e;"
              f"m=3b9aca{n:02x};t=5f0e1d2c3b4a{n:02x};x=4c3b2a1f0e9d8c{n:02x}", f"__REALTIME_TIMESTAMP={EPOCH}123456",
              f"__MONOTONIC_TIMESTAMP=1000{n:02d}123", "_BOOT_ID=0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e",
              "_TRANSPORT=journal", "PRIORITY=7", "SYSLOG_IDENTIFIER=payouts", "_PID=4242", "_UID=998", "_COMM=payouts",
              "_SYSTEMD_UNIT=payouts.service"]
    entry = ("\n".join(fields) + "\nMESSAGE\n").encode() + struct.pack("<Q", len(data)) + data
    entry += b"\nCODE_FILE=payouts/http.py\nCODE_LINE=88\nCODE_FUNC=send\n"
    return entry.decode("utf-8", "surrogateescape").split("\n")


def rsyslog_escaped(request: Request) -> list[str]:
    # rsyslog's file output in its default RSYSLOG_FileFormat (rsyslog.com/doc/configuration/templates.html:
    # `%TIMESTAMP:::date-rfc3339% %HOSTNAME% %syslogtag%%msg:::sp-if-no-1st-sp%%msg:::drop-last-lf%`) with
    # $EscapeControlCharactersOnReceive on, the default (rsyslog.com/doc/configuration/global/...: "control
    # characters ... are replaced by their octal value, prefixed by #": `#015#012` for CR LF), the dump sent
    # by Python's SysLogHandler (docs.python.org/3/library/logging.handlers.html: append_nul, a NUL after it).
    escaped = "".join(f"#{ord(c):03o}" if ord(c) < 32 else c for c in _wire(request) + "\0")
    return [f"2026-11-22T13:00:00.123456+00:00 app-1 payouts[4242]: {escaped}"]


def _heroku_frame(message: str) -> str:
    """An octet-counted frame (RFC 6587 3.4.1) as Heroku's drains count it: the message's bytes and
    the line feed after it (`120 <40>1 …` for a message of 119)."""
    return f"{len(message.encode()) + 1} {message}"


def heroku_drain_app(request: Request) -> list[str]:
    # A Heroku HTTPS drain's POST body, as the drain's receiver logs it (devcenter.heroku.com/articles/
    # log-drains, "HTTPS drains": "syslog formatted messages, framed using the syslog TCP protocol octet
    # counting framing method", `120 <40>1 2012-11-30T06:45:29+00:00 heroku web.3 d.73ea… - State changed
    # …`): each line the dyno printed is a message of its own, here the application's JSON line.
    return [_heroku_frame(f"<190>1 2026-11-22T13:00:00.123456+00:00 host app web.1 - {_line(request)}")]


def heroku_drain_router(request: Request) -> list[str]:
    # The same drain carrying the router's line for a request the sandbox double (an app on Heroku)
    # received (devcenter.heroku.com/articles/http-routing#heroku-router-log-format: at, method, path, host,
    # request_id, fwd, dyno, connect, service, status, bytes, protocol): no header.
    n = next(_CONNECTIONS)
    return [_heroku_frame(f'<158>1 2026-11-22T13:00:00.123456+00:00 host heroku router - at=info '
                          f'method={request.method} path="{request.path}" host={request.host} '
                          f'request_id=8601b555-6a49-4e3c-9d0f-2b1c3d4e5f{n:02d} fwd="10.0.0.7" dyno=web.1 connect=0ms '
                          f'service=32ms status=201 bytes=120 protocol=https')]


# --- where logs travel: collectors' intake bodies, shippers' consoles, cloud exports --------------

def splunk_hec_batch(request: Request) -> list[str]:
    # A Splunk HTTP Event Collector batch as the collector's request log keeps the body (docs.splunk.com/
    # Documentation/Splunk/latest/Data/FormateventsforHTTPEventCollector, "Event data": {time, host, source,
    # sourcetype, index, event}; "Batch data": event objects stacked one after the other, not in an array).
    events = [{"time": EPOCH + 0.1, "host": "payouts-1", "source": "payouts", "sourcetype": "_json",
               "index": "main", "event": text} for text in ("worker heartbeat ok", _line(request))]
    return ["".join(json.dumps(event) for event in events)]


def datadog_logs_intake(request: Request) -> list[str]:
    # The body a forwarder posts to Datadog's log intake (docs.datadoghq.com/api/latest/logs/#send-logs:
    # POST /api/v2/logs, [{"ddsource", "ddtags", "hostname", "message", "service"}]), as its debug output
    # prints it; the message the request as the worker logged it, over lines.
    return [json.dumps([{"ddsource": "python", "ddtags": "env:prod,version:3.1", "hostname": "payouts-1",
                         "message": f"outbound request\n{_wire(request)}", "service": "payouts"}])]


def new_relic_log_api(request: Request) -> list[str]:
    # The body of New Relic's Log API (docs.newrelic.com/docs/logs/log-api/introduction-log-api/: POST
    # [{"common": {"attributes": {…}}, "logs": [{"timestamp", "message"}]}]), as a proxy in front of it logs it.
    return [json.dumps([{"common": {"attributes": {"logtype": "application", "service": "payouts",
                                                   "hostname": "payouts-1"}},
                         "logs": [{"timestamp": EPOCH * 1000 + 123, "message": _line(request)}]}])]


def _logfmt_value(value: str) -> str:
    """A value as VRL's encode_key_value writes it: `\\` and `"` escaped, quoted when it holds a
    blank, a quote or the `=`."""
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"' if any(c.isspace() or c in '"=' for c in value) else escaped


def vector_console_logfmt(request: Request) -> list[str]:
    # Vector's console sink with `encoding.codec = "logfmt"` (vector.dev/docs/reference/configuration/sinks/
    # console/; the logfmt encoder, VRL's encode_logfmt: the event's fields sorted, nested keys joined by
    # dots), over a file source's event {file, host, message, source_type, timestamp}.
    event = {"file": "/var/log/payouts/app.log", "host": "payouts-1", "message": _line(request),
             "source_type": "file", "timestamp": WHEN}
    return [" ".join(f"{key}={_logfmt_value(value)}" for key, value in sorted(event.items()))]


def cloudwatch_filter_log_events(request: Request) -> list[str]:
    # `aws logs filter-log-events --log-group-name /ecs/payouts` (docs.aws.amazon.com/cli/latest/reference/
    # logs/filter-log-events.html, "Output": events [{logStreamName, timestamp, message, ingestionTime,
    # eventId}], searchedLogStreams), the CLI's default json output, indented by four blanks.
    n = next(_CONNECTIONS)
    return json.dumps({"events": [{"logStreamName": "payouts/app/0b1c2d3e", "timestamp": EPOCH * 1000 + 123,
                                   "message": _line(request), "ingestionTime": EPOCH * 1000 + 456,
                                   "eventId": f"{n:02d}" + "3" * 54}], "searchedLogStreams": []},
                      indent=4, ensure_ascii=False).splitlines()


def gcloud_logging_read(request: Request) -> list[str]:
    # `gcloud logging read … --format=json` (cloud.google.com/sdk/gcloud/reference/logging/read): a list of
    # LogEntry (cloud.google.com/logging/docs/reference/v2/rest/v2/LogEntry: textPayload "the log entry
    # payload, represented as a Unicode string"), keys sorted, indented by two blanks; the dump written
    # whole by the Cloud Logging client's log_text.
    n = next(_CONNECTIONS)
    entry = {"insertId": f"1a2b3c{n:02d}", "logName": "projects/payouts-prod/logs/payouts",
             "receiveTimestamp": "2026-11-22T13:00:00.234567Z", "resource": {
                 "labels": {"configuration_name": "payouts", "location": "southamerica-east1",
                            "project_id": "payouts-prod", "revision_name": "payouts-00042-abc",
                            "service_name": "payouts"}, "type": "cloud_run_revision"},
             "severity": "DEBUG", "textPayload": _wire(request), "timestamp": WHEN}
    return json.dumps([entry], indent=2, sort_keys=True).splitlines()


def firehose_http_endpoint(request: Request) -> list[str]:
    # The request Amazon Data Firehose posts to an HTTP endpoint destination (docs.aws.amazon.com/firehose/
    # latest/dev/httpdeliveryrequestresponse.html: {"requestId", "timestamp", "records": [{"data":
    # "<base64>"}]}), as the receiving service logs the body; each record the application's line.
    data = base64.b64encode((_line(request) + "\n").encode()).decode()
    return [json.dumps({"requestId": f"ed4acda5-034f-9f42-bba1-f29aea6d7d{next(_CONNECTIONS):02d}",
                        "timestamp": EPOCH * 1000 + 599, "records": [{"data": data}]})]


def pubsub_push(request: Request) -> list[str]:
    # A Pub/Sub push delivery (cloud.google.com/pubsub/docs/push, "Receive messages": {"message":
    # {"attributes", "data": base64, "messageId", "message_id", "publishTime", "publish_time"},
    # "subscription"}), logged by the push endpoint; the message what a Cloud Logging sink publishes: the
    # LogEntry as JSON (cloud.google.com/logging/docs/export/pubsub), the record in jsonPayload.
    entry = {"insertId": "1a2b3c", "jsonPayload": _record(request), "logName": "projects/payouts-prod/logs/stdout",
             "resource": {"type": "k8s_container", "labels": {"container_name": "app"}}, "timestamp": WHEN}
    message_id = str(2070443601311540 + next(_CONNECTIONS))
    return [json.dumps({"message": {"attributes": {"logging.googleapis.com/timestamp": WHEN},
                                    "data": base64.b64encode(json.dumps(entry).encode()).decode(),
                                    "messageId": message_id, "message_id": message_id,
                                    "publishTime": WHEN, "publish_time": WHEN},
                        "subscription": "projects/payouts-prod/subscriptions/logs-push"})]


def kafka_console_consumer(request: Request) -> list[str]:
    # kafka-console-consumer.sh --property print.timestamp=true --property print.headers=true --property
    # print.key=true (kafka.apache.org/documentation/#basic_ops_consumer; its DefaultMessageFormatter:
    # `CreateTime:<ms>`, the record's headers `key:value` joined by `,`, the key, the value, tab-separated,
    # one record a line), on the topic a log shipper writes the worker's lines to.
    return [f"CreateTime:{EPOCH * 1000 + 123}\ttraceparent:00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01,"
            f"source:payouts\tpayouts-1\t{_line(request)}"]


def _redis_repr(data: bytes) -> str:
    """An argument as Redis's sdscatrepr writes it: double quotes, `\\\\` `\\"` `\\n` `\\r` `\\t`
    `\\a` `\\b` escaped, another unprintable byte as `\\xhh`."""
    named = {92: "\\\\", 34: '\\"', 10: "\\n", 13: "\\r", 9: "\\t", 7: "\\a", 8: "\\b"}
    return '"' + "".join(named.get(b) or (chr(b) if 32 <= b < 127 else f"\\x{b:02x}") for b in data) + '"'


def redis_monitor(request: Request) -> list[str]:
    # `redis-cli MONITOR` (redis.io/docs/latest/commands/monitor/: `1339518083.107412 [0 127.0.0.1:60866]
    # "keys" "*"`, each argument by sdscatrepr), while a logging handler pushes the worker's records to the
    # list a shipper reads (RPUSH).
    return [f'{EPOCH}.123456 [0 10.0.0.7:50412] "RPUSH" "logs:payouts" {_redis_repr(_line(request).encode())}']


# --- tools that dump traffic ----------------------------------------------------------------------

def _segment(payload: bytes, sport: int = 51234, dport: int = 80) -> bytes:
    """An IPv4 packet of one TCP segment (PSH ACK, timestamps option) carrying ``payload``."""
    tcp = struct.pack("!HHIIBBHHH", sport, dport, 1, 1, 0x80, 0x18, 502, 0, 0) + bytes([1, 1, 8, 10])
    tcp += struct.pack("!II", 1000, 2000)
    ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(tcp) + len(payload), 0x1A2B, 0x4000, 64, 6, 0,
                     bytes([10, 0, 0, 7]), bytes([10, 0, 5, 20]))
    return ip + tcp + payload


def tcpdump_hex_ascii(request: Request) -> list[str]:
    # tcpdump -X (www.tcpdump.org/manpages/tcpdump.1.html: "print the data of each packet (minus its link
    # level header) in hex and ASCII"; print-ascii.c hex_and_ascii_print: `\t0x%04x: `, eight groups of
    # two bytes ` %02x%02x` padded to 40, two blanks, the bytes that are graphic ASCII (a blank is not) or
    # `.`), after the packet's summary line (with HTTP's first line on port 80). The capture shows the
    # requests went over plain HTTP.
    payload = _wire(request).encode()
    packet = _segment(payload)
    lines = [f"13:00:00.123456 IP 10.0.0.7.51234 > 10.0.5.20.80: Flags [P.], seq 1:{len(payload) + 1}, ack 1, "
             f"win 502, options [nop,nop,TS val 1000 ecr 2000], length {len(payload)}: HTTP: "
             f"{request.method} {request.path} HTTP/1.1"]
    for offset in range(0, len(packet), 16):
        chunk = packet[offset:offset + 16]
        hexes = "".join(f" {chunk[i:i + 2].hex()}" for i in range(0, len(chunk), 2))
        text = "".join(chr(b) if 0x21 <= b <= 0x7E else "." for b in chunk)
        lines.append(f"\t0x{offset:04x}: {hexes:<40}  {text}")
    return lines


FOLLOW_RULE = "=" * 67


def _follow(mode: str, client: list[str], server: list[str]) -> list[str]:
    """tshark's `-z follow,tcp,<mode>,<stream>` around the two sides' text (ui/cli/tap-follow.c
    followDraw: a blank line, a rule, `Follow:`, `Filter:`, the two nodes, the data, a rule)."""
    return ["", FOLLOW_RULE, f"Follow: tcp,{mode}", "Filter: tcp.stream eq 3", "Node 0: 10.0.0.7:51234",
            "Node 1: 10.0.5.20:80", *client, *server, FOLLOW_RULE]


def tshark_follow_ascii(request: Request) -> list[str]:
    # `tshark -q -z follow,tcp,ascii,3` (wireshark.org/docs/man-pages/tshark.html, "-z follow,prot,mode,
    # filter"; tap-follow.c: each chunk's length on a line (the server's after a tab), then its bytes, CR and
    # LF kept, another unprintable byte `.`, a line feed after the chunk) — Wireshark's Follow TCP Stream
    # as text. Port 80: plain HTTP.
    data, reply = _wire(request), REPLY
    return _follow("ascii", [str(len(data.encode())), *data.split("\n")], [f"\t{len(reply)}", *reply.split("\n")])


def _follow_hex(data: bytes, prefix: str) -> list[str]:
    """tap-follow.c followPrintHex: `%08X` offset, sixteen `xx ` bytes with a blank after the
    eighth, the printable bytes (a blank after the eighth), a trailing blank dropped."""
    lines = []
    for offset in range(0, len(data), 16):
        line, hexes, text = [" "] * 77, 10, 60
        line[:8] = f"{offset:08X}"
        for n, byte in enumerate(data[offset:offset + 16], 1):
            line[hexes:hexes + 2], hexes = f"{byte:02x}", hexes + 3
            line[text], text = chr(byte) if 32 <= byte < 127 else ".", text + 1
            if n == 8:
                hexes, text = hexes + 1, text + 1
        text -= line[text - 1] == " "
        lines.append(prefix + "".join(line[:text]))
    return lines


def tshark_follow_hex(request: Request) -> list[str]:
    # `tshark -q -z follow,tcp,hex,3` (the same manual and source: the stream as offset, hex and ASCII
    # columns, the server's lines after a tab). Port 80: plain HTTP.
    return _follow("hex", _follow_hex(_wire(request).encode(), ""), _follow_hex(REPLY.encode(), "\t"))


def socat_verbose(request: Request) -> list[str]:
    # socat -v as a TLS bridge (`socat -v OPENSSL-LISTEN:443,cert=dev.pem,fork OPENSSL:api.iugu.com:443`,
    # the provider's name pointed at it): socat(1) "-v Writes the transferred data … to stderr … text with
    # some conversions for readability, and prefixed with "> " or "< ""; socat.c xiotransfer: a block header
    # `> yyyy/mm/dd hh:mm:ss.uuuuuu  length=<n> from=<first> to=<last>`, CR written `\r`, `\` as `\\`, line
    # feeds kept, nothing added after a block — the reply's header follows the body on its line.
    data, reply = _wire(request), REPLY

    def shown(text: str) -> str:
        return text.replace("\\", "\\\\").replace("\r", "\\r")

    size, answer = len(data.encode()), len(reply)
    return (f"> 2026/11/22 13:00:00.123456  length={size} from=0 to={size - 1}\n{shown(data)}"
            f"< 2026/11/22 13:00:00.160123  length={answer} from=0 to={answer - 1}\n{shown(reply)}").split("\n")


def _c_string(data: bytes) -> str:
    """Bytes as strace quotes them: `\\t \\n \\v \\f \\r`, `\\"`, `\\\\`, other unprintables octal."""
    named = {9: "\\t", 10: "\\n", 11: "\\v", 12: "\\f", 13: "\\r", 34: '\\"', 92: "\\\\"}
    return "".join(named.get(b) or (chr(b) if 32 <= b < 127 else f"\\{b:o}") for b in data)


def strace_sendto(request: Request) -> list[str]:
    # strace -f -tt -s 65535 -e trace=sendto -p <pid> (man7.org/linux/man-pages/man1/strace.1.html: "-s
    # strsize  Specify the maximum string size to print (the default is 32)"; "character strings are
    # printed as C strings"), on a worker that speaks plain HTTP to its mesh sidecar, which originates TLS.
    data = _wire(request).encode()
    return [f'[pid  4311] 13:00:00.123456 sendto(12, "{_c_string(data)}", {len(data)}, MSG_NOSIGNAL, NULL, 0) '
            f"= {len(data)}"]


def bcc_sslsniff(request: Request) -> list[str]:
    # bcc's sslsniff (github.com/iovisor/bcc, tools/sslsniff.py and sslsniff_example.txt: "Data passed to
    # this functions is printed as plain text"; print_event: `%-12s %-18.9f %-16s %-6d %-6d` FUNC, TIME(s),
    # COMM, PID, LEN, then `----- DATA -----`, the data decoded as UTF-8, `----- END DATA -----`, a blank
    # line), on the worker's SSL_write.
    data = _wire(request)
    event = "%-12s %-18.9f %-16s %-6d %-6d" % ("WRITE/SEND", 0.000123456, "payouts", 4242, len(data.encode()))
    return ["%-12s %-18s %-16s %-6s %-6s" % ("FUNC", "TIME(s)", "COMM", "PID", "LEN"), event, "----- DATA -----",
            *data.split("\n"), "----- END DATA -----", ""]


NO_REQUEST = "no request read: "
SHAPES = [case(shape) for shape in (
    rsyslog_escaped, heroku_drain_app, splunk_hec_batch, datadog_logs_intake, new_relic_log_api,
    vector_console_logfmt, cloudwatch_filter_log_events, gcloud_logging_read, firehose_http_endpoint, pubsub_push,
    kafka_console_consumer, redis_monitor, strace_sendto, bcc_sslsniff)] + [case(tshark_follow_ascii, plaintext=True)] + [
    case(journald_export),
    case(socat_verbose),
    case(tcpdump_hex_ascii, plaintext=True), case(tshark_follow_hex, plaintext=True)]
HEADERS_ONLY: list[object] = []
NO_HEADERS = [case(heroku_drain_router)]


# --- credentials, not requests, in the envelopes they end up in -----------------------------------

Planted = tuple[bytes, str, dict[str, set[int]]]  # the file, its name, each secret's acceptable lines
Envelope = Callable[[str, str, dict[str, str]], Planted]


def _lines_of(text: str, needle: str, block: str = "") -> set[int]:
    """The line ``needle`` starts on; with ``block``, also the line that block starts on (a secret
    decoded from an encoded part may be placed on the part's first line)."""
    found = {text[: text.index(needle)].count("\n") + 1}
    return found | ({text[: text.index(block)].count("\n") + 1} if block else set())


def _decoys() -> dict[str, str]:
    """What looks like the credentials and is none: a SHA-256 (the shape of the old Asaas key),
    an MD5 (the shape of an iugu token), a request id."""
    return {"sha256": hex_digest(32), "md5": hex_digest(16), "uuid": random_uuid()}


def laravel_log_mail(asaas: str, iugu: str, decoy: dict[str, str]) -> Planted:
    # Laravel's `log` mailer (laravel.com/docs/mail, "Mail & Local Development": "the log mail driver
    # will write all email messages to your log files") through Monolog's LineFormatter with inline line
    # breaks: the MIME message as Symfony Mime writes it (CR LF; a text part in quoted-printable, `=3D`
    # for `=`, soft line breaks `=` at 76 columns — RFC 2045 6.7).
    env = (f"Olá, seguem as variáveis do ambiente de produção:\nASAAS_API_KEY={asaas}\nIUGU_API_TOKEN={iugu}\n"
           f"BUILD_SHA256={decoy['sha256']}\nLOGO_MD5={decoy['md5']}\nREQUEST_ID={decoy['uuid']}\n")
    body = quopri.encodestring(env.encode()).decode()
    text = "\r\n".join(["[2026-11-22 13:00:00] production.DEBUG: Message-ID: <b1c2d3@payouts.example>",
                        "Date: Sun, 22 Nov 2026 13:00:00 +0000", "Subject: Credenciais do ambiente",
                        "From: Payouts <no-reply@payouts.example>", "To: ops@payouts.example", "MIME-Version: 1.0",
                        "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: quoted-printable",
                        "", body.replace("\n", "\r\n"), "[2026-11-22 13:00:01] production.INFO: mail sent", ""])
    return text.encode(), "laravel.log", {asaas: _lines_of(text, "ASAAS_API_KEY=3D", "Ol=C3"),
                                          iugu: _lines_of(text, "IUGU_API_TOKEN=3D", "Ol=C3")}


def django_console_mail(asaas: str, iugu: str, decoy: dict[str, str]) -> Planted:
    # Django's console e-mail backend (docs.djangoproject.com/en/stable/topics/email/#console-backend:
    # "writes the emails that would be sent to the standard output"; its write_message: the message's
    # bytes, a line feed, 79 dashes) in a worker's log; a `.env` attached as application/octet-stream,
    # so in base64 at 76 columns (RFC 2045 6.8).
    message = MIMEMultipart()
    for name, value in [("Subject", "payouts env"), ("From", "ops@payouts.example"), ("To", "dev@payouts.example"),
                        ("Date", "Sun, 22 Nov 2026 13:00:00 -0000"), ("Message-ID", "<1795352400.42@payouts-1>")]:
        message[name] = value
    message.attach(MIMEText("O .env de produção segue anexo.\n", "plain", "utf-8"))
    attachment = MIMEBase("application", "octet-stream")
    env = (f"# produção\nASAAS_API_KEY={asaas}\nIUGU_API_TOKEN={iugu}\nDEPLOY_SHA256={decoy['sha256']}\n"
           f"CACHE_MD5={decoy['md5']}\nTRACE_ID={decoy['uuid']}\n").encode()
    attachment.set_payload(env)
    encoders.encode_base64(attachment)
    attachment.add_header("Content-Disposition", "attachment", filename=".env")
    message.attach(attachment)
    mail = message.as_bytes(policy=email.policy.default.clone(linesep="\n")).decode()
    text = "\n".join(["[2026-11-22 13:00:00,123] INFO celery.worker: Task payouts.send_env received", mail,
                      "-" * 79, "[2026-11-22 13:00:00,456] INFO celery.worker: Task payouts.send_env succeeded", ""])
    encoded = attachment.get_payload().split("\n")
    first = _lines_of(text, encoded[0]).pop()

    def line_of(secret: str) -> set[int]:  # the base64 line holding the secret's first byte, or the part's first
        return {first, first + env.index(secret.encode()) * 4 // 3 // 76}

    return text.encode(), "worker.log", {asaas: line_of(asaas), iugu: line_of(iugu)}


def powershell_utf16(asaas: str, iugu: str, decoy: dict[str, str]) -> Planted:
    # A deploy script's output redirected in Windows PowerShell 5.1 (`.\deploy.ps1 *> deploy.log`;
    # learn.microsoft.com/powershell/module/microsoft.powershell.core/about/about_redirection: the
    # operators use Out-File, whose default in Windows PowerShell is "Unicode", UTF-16LE with a BOM
    # (about_Character_Encoding)), its lines ended CR LF.
    text = "\r\n".join(["Deploying payouts-api 3.1 to production", f"Using ASAAS_API_KEY={asaas}",
                        f"Using IUGU_API_TOKEN={iugu}", f"Artifact SHA256: {decoy['sha256'].upper()}",
                        f"Bundle MD5: {decoy['md5']}", f"Deployment id: {decoy['uuid']}", "Done.", ""])
    return b"\xff\xfe" + text.encode("utf-16-le"), "deploy.log", {asaas: _lines_of(text, asaas),
                                                                   iugu: _lines_of(text, iugu)}


def windows_event_xml(asaas: str, iugu: str, decoy: dict[str, str]) -> Planted:
    # `wevtutil qe Microsoft-Windows-PowerShell/Operational /q:"*[System[(EventID=4104)]]" /f:xml`
    # (learn.microsoft.com/windows-server/administration/windows-commands/wevtutil): one <Event> a line,
    # attributes in single quotes; event 4104, script block logging, keeps the script in ScriptBlockText,
    # its line breaks as they are, `&<>` and quotes as entities.
    script = "\r\n".join([f"$headers = @{{ 'access_token' = '{asaas}' }}",
                          f"$body = '{{\"api_token\":\"{iugu}\",\"amount_cents\":1050}}'",
                          f"if ((Get-FileHash .\\payouts.zip).Hash -ne '{decoy['sha256']}') {{ throw 'corrupt' }}",
                          f"$requestId = '{decoy['uuid']}'"])
    data = escape(script, {'"': "&quot;", "'": "&apos;"})
    event = ("<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider "
             "Name='Microsoft-Windows-PowerShell' Guid='{a0c1853b-5c40-4b15-8766-3cf1c58f985a}'/><EventID>4104"
             "</EventID><Version>1</Version><Level>5</Level><Task>2</Task><Opcode>15</Opcode><Keywords>0x0</Keywords>"
             "<TimeCreated SystemTime='2026-11-22T13:00:00.1234567Z'/><EventRecordID>48213</EventRecordID>"
             "<Correlation ActivityID='{6d2c1b0a-9f8e-4d7c-b6a5-0f1e2d3c4b5a}'/><Execution ProcessID='4242' "
             "ThreadID='4311'/><Channel>Microsoft-Windows-PowerShell/Operational</Channel><Computer>PAYOUTS-WIN01"
             "</Computer><Security UserID='S-1-5-21-1004336348-1177238915-682003330-1001'/></System><EventData>"
             "<Data Name='MessageNumber'>1</Data><Data Name='MessageTotal'>1</Data><Data Name='ScriptBlockText'>"
             f"{data}</Data><Data Name='ScriptBlockId'>{{{random_uuid()}}}</Data><Data Name='Path'>"
             "C:\\deploy\\deploy.ps1</Data></EventData></Event>")
    text = event + "\r\n"
    return text.encode(), "powershell-4104.xml", {asaas: _lines_of(text, asaas), iugu: _lines_of(text, iugu)}


def django_debug_page(asaas: str, iugu: str, decoy: dict[str, str]) -> Planted:
    # Django's technical 500 page, saved from a staging server with DEBUG on (docs.djangoproject.com/en/
    # stable/ref/settings/#debug; django/views/templates/technical_500.html: each frame's local variables
    # in `<td class="code"><pre>{{ var.1 }}</pre></td>`, the value pprint.pformat-ed, then HTML-escaped —
    # `'` as `&#x27;`, `"` as `&quot;`).
    local_vars = {"headers": {"Content-Type": "application/json", "access_token": asaas},
                  "payload": json.dumps({"api_token": iugu, "amount_cents": 1050, "transfer_type": "pix"}),
                  "receipt_md5": decoy["md5"], "release_sha256": decoy["sha256"], "idempotency_key": decoy["uuid"]}
    rows = []
    for name, value in local_vars.items():
        rows += ["      <tr>", f"        <td>{name}</td>",
                 f'        <td class="code"><pre>{html.escape(pprint.pformat(value))}</pre></td>', "      </tr>"]
    text = "\n".join(['<!DOCTYPE html>', '<html lang="en">', "<head>",
                      '  <meta http-equiv="content-type" content="text/html; charset=utf-8">',
                      "  <title>ConnectionError at /payouts/transfer</title>", "</head>", "<body>",
                      '<table class="vars" id="v140233">', "  <thead>", "    <tr>", "      <th>Variable</th>",
                      "      <th>Value</th>", "    </tr>", "  </thead>", "  <tbody>", *rows, "  </tbody>",
                      "</table>", "</body>", "</html>", ""])
    return text.encode(), "500.html", {asaas: _lines_of(text, asaas), iugu: _lines_of(text, iugu)}


ENVELOPES: list[object] = [pytest.param(envelope, id=envelope.__name__) for envelope in (
    laravel_log_mail, django_console_mail, powershell_utf16, windows_event_xml, django_debug_page)]


def _which(finding: dict, planted: dict[str, set[int]]) -> str | None:
    """The planted secret a finding holds, told by its redacted form's ends and its length (the
    report never shows the value), or None for anything else it found."""
    head, _, tail = finding["secret"]["redacted"].partition("\u2026")
    return next((secret for secret in planted if len(secret) == finding["secret"]["length"]
                 and secret.startswith(head) and secret.endswith(tail)), None)


@pytest.mark.usefixtures("neutral_folder")
@pytest.mark.parametrize("envelope", ENVELOPES)
def test_a_credential_in_an_envelope_is_found_on_its_line_redacted_and_no_look_alike_is(envelope: Envelope,
                                                                                     tmp_path: Path) -> None:
    asaas, iugu = asaas_key(), iugu_token()
    data, name, planted = envelope(asaas, iugu, _decoys())
    (tmp_path / name).write_bytes(data)
    report, run = scan_json(str(tmp_path / name))
    assert_none_leaked({"Asaas key": asaas, "iugu token": iugu}, report=run.stdout, errors=run.stderr)
    places = rule_places(report["findings"])
    found = {_which(finding, planted): finding["location"]["line"] for finding in report["findings"]}
    assert len(report["findings"]) == 2 and found.keys() == planted.keys(), places
    assert all(found[secret] in lines for secret, lines in planted.items()), places
