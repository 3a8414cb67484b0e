"""CRI pieces joined back into the line a program wrote, before any reader sees them."""

from __future__ import annotations

import json
from collections import Counter

from keyaudit.engine.marks import MarkSet
from keyaudit.inputs.captures import envelopes
from keyaudit.inputs.captures.envelopes import MARKS, joined as joined_seen, unwrapped
from keyaudit.inputs.text_requests import exchanges_in_lines

URL = "https://api.iugu.com/v1/transfer_requests"
WINDOW_MARKS = MarkSet(MARKS)


def joined(lines: list[tuple[int, str]], leads: dict[int, int]) -> tuple[list[tuple[int, str]], dict[int, int]]:
    """The window's lines joined as the readers of a window see them: its marks looked for first."""
    every = "\n".join(text for _, text in lines)
    return joined_seen(lines, leads, every, WINDOW_MARKS.present(every))


def test_pieces_of_each_stream_are_joined_at_the_first_piece_and_anchors_follow() -> None:
    """stdout and stderr pieces interleave; each stream's pieces join into one line numbered as
    its first piece, and an anchor on a later piece moves to it."""
    lines = [(1, "T stdout P {\"a\":"), (2, "T stderr P warn"), (3, "T stdout P 1,\"b\""), (4, "T stderr F ing"),
             (5, "T stdout F :2}"), (6, "plain line")]
    out, leads = joined(lines, {3: 25, 6: 0})
    assert out == [(1, "T stdout F {\"a\":1,\"b\":2}"), (2, "T stderr F warning"), (6, "plain line")]
    assert leads == {1: 25, 3: 25, 6: 0}


def test_a_window_without_pieces_is_given_as_it_is_and_a_piece_that_never_ends_stays() -> None:
    lines = [(1, "T stdout F whole"), (2, "other")]
    assert joined(lines, {1: 0}) == (lines, {1: 0})
    unfinished = [(1, "T stdout P start of"), (2, "T stdout P more")]
    assert joined(unfinished, {}) == ([(1, "T stdout P start of")], {})


def test_a_request_record_split_by_the_runtime_is_read_whole_at_its_first_piece() -> None:
    record = json.dumps({"method": "POST", "url": URL, "headers": {"Content-Type": "application/json"}, "body": "{}"})
    pieces = [record[:30], record[30:70], record[70:]]
    lines = [(10 + n, f"2026-11-22T13:00:00.{n}Z stdout {'F' if n == 2 else 'P'} {piece}")
             for n, piece in enumerate(pieces)]
    (exchange,) = exchanges_in_lines(lines, "pod.log")
    assert (exchange.origin.line, exchange.url, exchange.body) == (10, URL, b"{}")


def test_a_record_split_into_many_pieces_is_read_whole_from_an_anchor_on_its_first(tmp_path) -> None:
    """The provider host is the only anchor, on the first piece; the record's pieces reach far
    past it (a long body): the window around the anchor holds all of them."""
    from helpers.running import scan_json

    body = json.dumps({"amount_cents": 1050, "notes": ["x" * 90] * 40})
    record = json.dumps({"method": "POST", "url": "http://api.iugu.com/v1/invoices", "headers": {"Content-Type": "application/json",
                                                                    "User-Agent": "payouts/3.1"}, "body": body})
    pieces = [record[start:start + 100] for start in range(0, len(record), 100)]
    noise = [f"2026-11-22T13:00:00.{n}Z stdout F heartbeat ok" for n in range(30)]
    lines = noise + [f"2026-11-22T13:00:01.{n}Z stdout {'F' if n == len(pieces) - 1 else 'P'} {piece}"
                     for n, piece in enumerate(pieces)] + noise
    log = tmp_path / "pod.log"
    log.write_text("\n".join(lines) + "\n")
    report, _ = scan_json(str(log))
    found = [(f["rule_id"], f["location"]["line"]) for f in report["findings"] if f["context"].get("method")]
    assert found == [("iugu-plaintext-request", 31)]


def _signed_scan(tmp_path, write) -> dict:
    """The scan, with the client's public key, of a log where ``write`` (one request in, its
    lines out) records the transfer signed with the client's key between heartbeat lines."""
    from helpers.running import scan_json
    from helpers.signed_shapes import requests

    found, public = requests(tmp_path)
    noise = [f"2026-11-22 13:00:{n:02d} INFO worker heartbeat ok" for n in range(5)]
    log = tmp_path / "requests.log"
    log.write_text("\n".join(noise + write(found[1]) + noise) + "\n")
    report, _ = scan_json("--public-key", str(public), str(log))
    return report["scan"]["requests"]


def test_a_dump_in_a_quoted_value_whose_line_ends_are_escaped_lone_line_feeds_is_read_byte_for_byte(tmp_path) -> None:
    """A client that normalised its dump's CR LF to LF, quoted by a logger (`\\n` escapes): the
    request is read, and its body with its own line feeds is the bytes signed."""
    def dump(request) -> list[str]:
        head = [f"{request.method} {request.path} HTTP/1.1", f"Host: {request.host}",
                *(f"{name}: {value}" for name, value in request.headers), f"Content-Length: {len(request.body)}"]
        text = "\n".join(head) + "\n\n" + request.body
        return [f'time=2026-11-22T13:00:00Z level=DEBUG msg="sent" dump={json.dumps(text)}']

    assert _signed_scan(tmp_path, dump) == {"requests_judged": 1, "signatures_valid": 1}


def test_a_dump_in_a_json_records_field_beside_its_message_is_read_byte_for_byte(tmp_path) -> None:
    """zap writes `httputil.DumpRequestOut` given as a field (`zap.ByteString("dump", …)`) beside the record's
    one-line message: the field holds the request, as a message holding it would."""
    def dump(request) -> list[str]:
        head = [f"{request.method} {request.path} HTTP/1.1", f"Host: {request.host}",
                *(f"{name}: {value}" for name, value in request.headers)]
        text = "\r\n".join(head) + "\r\n\r\n" + request.body
        return [json.dumps({"level": "debug", "ts": 1795352430.1, "msg": "outgoing request", "dump": text})]

    assert _signed_scan(tmp_path, dump) == {"requests_judged": 1, "signatures_valid": 1}


def test_a_dump_a_quoted_value_holds_ends_with_the_value() -> None:
    """A head dumped without its body (Go's ``DumpRequestOut(req, false)``) in a logger's quoted value: the lines
    after the record are not its body, however many bytes its Content-Length says (2 took the next line's indent)."""
    head = "POST /v1/transfer_requests HTTP/1.1\r\nHost: api.iugu.com\r\nContent-Length: 2\r\n\r\n"
    lines = [f'time=2026-11-22T13:00:00Z level=DEBUG msg="sent" dump={json.dumps(head)}', "    retry: 0,", "}"]
    (found,) = exchanges_in_lines(list(enumerate(lines, 1)), "app.log")
    assert (found.url, found.body) == ("https://api.iugu.com/v1/transfer_requests", None)


def test_a_long_run_of_capitals_before_a_quoted_dump_is_passed_over_once() -> None:
    """The dump's method is looked for where a run of capitals starts: tried from each capital of
    a run, a run of 300,000 took minutes before the dump behind it was read."""
    dump = json.dumps("POST /v1/transfers HTTP/1.1\r\nHost: api.iugu.com\r\nContent-Length: 2\r\n\r\n{}")
    line = f"level=DEBUG note={'A' * 300_000} dump={dump}"
    assert [(e.method, e.url, e.body) for e in exchanges_in_lines([(1, line)], "t.log")] == [
        ("POST", "https://api.iugu.com/v1/transfers", b"{}")]


def _dump(body: str) -> str:
    return "\r\n".join(["POST /v1/transfer_requests HTTP/1.1", "Host: api.iugu.com", "Content-Type: application/json",
                        f"Content-Length: {len(body.encode())}", "", body])


def test_a_dump_rsyslog_escaped_on_one_line_is_read_byte_for_byte_without_the_closing_nul() -> None:
    """rsyslog writes a control character it received as `#` and its octal value (`#015#012` for
    CR LF); Python's SysLogHandler ends its message with a NUL (`#000`), which is no part of it."""
    body = '{\n"amount_cents":1050,\n"transfer_type":"pix",\n"note":"a\tb"\n}'
    escaped = "".join(f"#{ord(c):03o}" if ord(c) < 32 else c for c in _dump(body) + "\0")
    line = f"2026-11-22T13:00:00.123456+00:00 app-1 payouts[4242]: {escaped}"
    assert [(e.origin.line, e.url, e.body) for e in exchanges_in_lines([(7, line)], "syslog")] == [
        (7, URL, body.encode())]


def test_a_message_whose_line_feeds_are_not_escaped_keeps_its_number_signs() -> None:
    line = "2026-11-22T13:00:00+00:00 app-1 payouts[4242]: POST https://api.iugu.com/v1/transfer_requests #011 ok"
    assert all("#011" in text for _, text in unwrapped([(1, line)]))


def test_a_dump_written_as_a_calls_quoted_argument_is_read_with_cs_escapes() -> None:
    """strace prints the bytes a program writes as a C string: `\\r\\n`, and a byte that is no
    printable ASCII in octal (`\\303\\247`, UTF-8's ç); a string after `=` keeps JSON's escapes."""
    body = '{\n"amount_cents":1050,\n"transfer_type":"pix",\n"note":"ação"\n}'
    data = _dump(body).encode()
    shown = "".join({13: "\\r", 10: "\\n", 34: '\\"'}.get(b) or (chr(b) if 32 <= b < 127 else f"\\{b:o}") for b in data)
    line = f'13:00:00.123456 sendto(12, "{shown}", {len(data)}, MSG_NOSIGNAL, NULL, 0) = {len(data)}'
    assert [(e.url, e.body) for e in exchanges_in_lines([(3, line)], "strace.log")] == [(URL, body.encode())]


def test_a_docker_multiplexed_stream_saved_as_it_came_is_read_byte_for_byte(tmp_path) -> None:
    """The Engine API's logs of a container without a TTY (docs.docker.com/reference/api/engine:
    "Stream format": each frame is a header `[STREAM_TYPE, 0, 0, 0, SIZE1, SIZE2, SIZE3, SIZE4]`,
    the size big-endian, then the payload), saved to a file as it came: the 8 bytes before each
    line the program wrote are framing, and the signed transfer verifies."""
    import struct

    def framed(request) -> list[str]:
        head = [f"{request.method} {request.path} HTTP/1.1", f"Host: {request.host}",
                *(f"{name}: {value}" for name, value in request.headers), f"Content-Length: {len(request.body)}"]
        lines = [*head, "", *request.body.split("\n")]
        frames = [struct.pack(">BxxxL", 1, len(text) + 1) + text.encode() for text in lines]
        return [frame.decode("utf-8", "surrogateescape") for frame in frames]

    assert _signed_scan(tmp_path, framed) == {"requests_judged": 1, "signatures_valid": 1}


def test_a_journal_exports_binary_field_is_read_after_its_size() -> None:
    """`journalctl -o export` writes a field that holds line breaks as its name, a line feed, its
    size as 64 bits little-endian and its bytes: the size is no part of the request line."""
    body = '{\n"amount_cents":1050\n}'
    data = _dump(body).encode()
    text = ("MESSAGE\n".encode() + len(data).to_bytes(8, "little") + data + b"\nCODE_LINE=88").decode("utf-8", "surrogateescape")
    lines = list(enumerate(text.split("\n"), start=1))
    assert [(e.origin.line, e.url, e.body) for e in exchanges_in_lines(lines, "journal.export")] == [(2, URL, body.encode())]


def test_a_log_level_after_an_iso_time_is_no_syslog_host() -> None:
    """`<time> DEBUG Host: api.iugu.com` is an application's line holding a header (a dump logged
    a line a record, as Go's and Logback's ISO layouts write it), not the program `Host` of the
    host `DEBUG` writing `api.iugu.com` through syslog: the dump is read with its Host header."""
    lines = [(n, f"2026-11-22T13:00:00.{n:03d}Z DEBUG {text}") for n, text in enumerate(_dump("{}").split("\r\n"), 1)]
    (exchange,) = exchanges_in_lines(lines, "app.log")
    assert (exchange.url, exchange.header("Host"), exchange.body) == (URL, "api.iugu.com", b"{}")


def test_a_run_of_nuls_before_a_line_is_taken_off_at_once() -> None:
    """A log copied while it was truncated (logrotate's copytruncate) begins with a run of NULs:
    the run is no text, and is taken off at once, not a frame after another down the run."""
    line = "\x00" * 100_000 + "POST /v1/transfer_requests HTTP/1.1"
    assert list(unwrapped([(1, line)])) == [(1, "POST /v1/transfer_requests HTTP/1.1")]


def test_a_prefix_repeated_down_a_line_is_opened_a_few_times_only(tmp_path) -> None:
    """A line of docker compose's `name | ` repeated 50,000 times, in a window read for requests,
    was opened an envelope a time, down to a RecursionError that cost the file its requests: the
    curl below it is still judged, and the file has no error."""
    from helpers.credentials import iugu_token
    from helpers.running import scan_json

    token = iugu_token()
    log = tmp_path / "compose.log"
    log.write_text(f"2026-11-22 13:00:00 INFO api_token={token}\n" + "a | " * 50_000 + "POST /v1/transfer_requests "
                   f"HTTP/1.1\nHost: api.iugu.com\n\n{{}}\ncurl -X POST {URL} -u {token}: -d '{{}}'\n")
    report, _ = scan_json(str(log))
    assert report["errors"] == []
    assert "iugu-unsigned-transfer" in [f["rule_id"] for f in report["findings"]]


def test_each_string_of_an_array_written_one_a_line_is_the_line_it_holds() -> None:
    """nbformat keeps a text as the list of its lines, one JSON string a line (indented, a comma
    after all but the last): each is the text it holds, JSON's escapes undone. A member (`"a":
    "b",`) is no such line, nor is a string whose escape JSON has not."""
    lines = [(1, '      "POST https://api.iugu.com/v1/transfer_requests\\n",'), (2, '   "{\\"name\\": \\"Jos\\u00e9\\"}\\n",'),
             (3, '"\\n",'), (4, '      "last line"'), (5, '   "a": "b",'), (6, '   "bad \\q escape",')]
    assert list(unwrapped(lines)) == [(1, "POST https://api.iugu.com/v1/transfer_requests"), (2, '{"name": "José"}'),
                                      (3, ""), (4, "last line"), (5, '   "a": "b",'), (6, '   "bad \\q escape",')]


def test_a_member_that_is_its_records_message_is_the_line_it_holds() -> None:
    """`aws logs filter-log-events` prints its events over lines, each a member: the event's `message` is the line
    logged; a member of another name, or whose value is no string, stays as it is."""
    lines = [(1, '      "message": "(5478155f) Endpoint request URI: https://api.iugu.com/v1/transfer_requests",'),
             (2, '            "logStreamName": "8f14e45f",'), (3, '            "timestamp": 1795352430104,'),
             (4, '    "msg": "body: {\\n\\"a\\":1}"')]
    assert list(unwrapped(lines)) == [(1, "(5478155f) Endpoint request URI: https://api.iugu.com/v1/transfer_requests"),
                                      (2, '            "logStreamName": "8f14e45f",'),
                                      (3, '            "timestamp": 1795352430104,'), (4, "body: {"), (4, '"a":1}')]


def test_a_notebook_that_printed_the_transfers_it_sent_gives_each_at_its_line(tmp_path) -> None:
    """One notebook (nbformat 4, as Jupyter saves it: indent 1), a code cell printing each request
    it sent part by part (method and URL, the headers' repr, the body): the unsigned transfer at
    the line of its request's string, the signed one verified."""
    from helpers.running import scan_json
    from helpers.signed_shapes import requests

    found, public = requests(tmp_path)

    def output(request) -> dict:
        text = f"POST https://{request.host}{request.path}\n{dict(request.headers)!r}\n{request.body}\n"
        return {"name": "stdout", "output_type": "stream", "text": text.splitlines(keepends=True)}

    cells = [{"cell_type": "markdown", "id": "a1", "metadata": {}, "source": ["# Payouts\n", "Transfers of the day."]},
             {"cell_type": "code", "execution_count": 3, "id": "b2", "metadata": {},
              "outputs": [output(found[0]), output(found[1])], "source": ["for prepared in batch:\n", "    show(prepared)"]}]
    notebook = tmp_path / "payouts.ipynb"
    notebook.write_text(json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}, indent=1))
    report, _ = scan_json("--public-key", str(public), str(notebook))
    unsigned = 1 + notebook.read_text().split("\n").index('      "POST https://api.iugu.com/v1/transfer_requests\\n",')
    assert [(f["rule_id"], f["location"]["line"]) for f in report["findings"] if f["context"].get("method")] == \
        [("iugu-unsigned-transfer", unsigned)]
    assert report["scan"]["requests"] == {"requests_judged": 2, "signatures_valid": 1}


def docker_json_file(texts: list[str], first: int = 1) -> list[tuple[int, str]]:
    """Each text as Docker's json-file log keeps a line a container wrote: escaped in a JSON line of its own."""
    return [(first + n, json.dumps({"log": text + "\n", "stream": "stdout", "time": f"2026-11-22T13:00:30.{n:09d}Z"}))
            for n, text in enumerate(texts)]


def test_the_colours_of_a_line_an_envelope_holds_are_taken_out_before_a_reader_sees_it() -> None:
    """A shipper keeps a terminal's escapes escaped (`\\u001b[36m`): the engine's pass over the bytes never sees
    them, so the text the envelope holds has them taken out, as a file's own lines do — a dump whose header names
    are coloured is read with its headers."""
    cyan, reset = "\x1b[36m", "\x1b[39m"
    texts = [f"\x1b[32mPOST\x1b[0m {URL}", f"{cyan}Content-Type{reset}: application/json",
             f"{cyan}Request-Time{reset}: 2026-11-22T10:00:00-03:00", f"{cyan}Signature{reset}: signature=c2lnbmVk", "",
             '{"amount_cents":1050}']
    assert [text for _, text in unwrapped(docker_json_file(texts[:2]))] == \
        [f"POST {URL}", "Content-Type: application/json"]
    (exchange,) = exchanges_in_lines(docker_json_file(texts), "container.log")
    assert (exchange.url, exchange.header("Signature"), exchange.body) == \
        (URL, "signature=c2lnbmVk", b'{"amount_cents":1050}')


def test_the_log_records_an_otlp_export_groups_by_resource_and_scope_are_each_a_line() -> None:
    """An OpenTelemetry Collector's file exporter writes each export as one line of OTLP JSON, its log records
    grouped by resource and then by scope (`resourceLogs[].scopeLogs[].logRecords[]`), each record's message its
    typed `body`: every record's message is a line, in the order written, and the dump they hold is read. A
    request record's own `body`, a plain string, stays its body."""
    messages = [f"--> POST {URL}", "Content-Type: application/json", "Signature: signature=c2lnbmVk", "",
                '{"amount_cents":1050}', "--> END POST (21-byte body)"]
    records = [{"timeUnixNano": "1795438830104000000", "severityText": "INFO", "body": {"stringValue": message}}
               for message in messages]
    export = {"resourceLogs": [{"resource": {"attributes": []}, "scopeLogs": [
        {"scope": {"name": "okhttp3.OkHttpClient"}, "logRecords": records[:3]},
        {"scope": {"name": "okhttp3.OkHttpClient"}, "logRecords": records[3:]}]}]}
    line = (7, json.dumps(export))
    assert list(unwrapped([line])) == [(7, message) for message in messages]
    (exchange,) = exchanges_in_lines([line], "otel-logs.json")
    assert (exchange.url, exchange.header("Signature"), exchange.body) == \
        (URL, "signature=c2lnbmVk", b'{"amount_cents":1050}')
    record = (8, json.dumps({"method": "POST", "url": URL, "headers": {"Signature": "x"}, "body": messages[0]}))
    assert list(unwrapped([record])) == [record]


def test_a_records_logger_is_written_before_its_messages_first_line_only(tmp_path) -> None:
    """Ktor's Logging plugin logs a whole request, its body too, as one message; through a JSON encoder
    (logstash-logback-encoder's `logger_name`) the message's later lines are its own, as in a text log: the body's
    lines are the bytes sent, not records of the logger's."""
    def ktor(request) -> list[str]:
        message = "\n".join([f"REQUEST: {request.url}", "METHOD: HttpMethod(value=POST)", "COMMON HEADERS",
                             *(f"-> {name}: {value}" for name, value in sorted(request.headers)), "CONTENT HEADERS",
                             "BODY Content-Type: application/json", "BODY START", request.body, "BODY END"])
        return [json.dumps({"@timestamp": "2026-11-22T13:00:30.104Z", "message": message,
                            "logger_name": "io.ktor.client.HttpClient", "level": "INFO"})]

    assert _signed_scan(tmp_path, ktor) == {"requests_judged": 1, "signatures_valid": 1}


def test_a_windows_envelope_texts_are_each_opened_once(monkeypatch) -> None:
    """The line readers, the anchors' leads and the reader of records over lines all ask what the lines of a window
    hold, and a log repeats its lines' texts (a client's dump of the same call): each distinct text is opened once a
    window (HeldTexts), and the requests are read as they were."""
    opened: Counter[str] = Counter()
    message = envelopes._message

    def counted(text: str, depth: int = 0) -> str | None:
        opened[text] += depth == 0
        return message(text, depth)

    monkeypatch.setattr(envelopes, "_message", counted)
    dump = [f"--> POST {URL}", "Content-Type: application/json", "Signature: signature=c2lnbmVk",
            "Content-Length: 21", "", '{"amount_cents":1050}', "--> END POST (21-byte body)"]
    lines = [(number, json.dumps({"log": text + "\n", "stream": "stdout"}))
             for number, text in enumerate(dump + dump, start=1)]
    found = [(exchange.origin.line, exchange.header("Signature"), exchange.body)
             for exchange in exchanges_in_lines(lines, "container.log")]
    assert found == [(line, "signature=c2lnbmVk", b'{"amount_cents":1050}') for line in (1, 8)]
    assert set(opened.values()) == {1} and len(opened) == len(set(dump))
