"""Requests in text read only where the engine's pass points: around anchors and credentials,
wherever they are in a large log, compressed or resumed — with the same findings and line numbers
a reading of the whole file gives."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Iterator

import pytest

from helpers.packing import zstd_frames
from helpers.credentials import iugu_token
from helpers.running import scan_json
from helpers.signing import key_pair, signature_header
from keyaudit.inputs.captures.lines import around_anchors, run_readers
from keyaudit.engine.stream import CHUNK_BYTES, OVERLAP_BYTES
from keyaudit.inputs.request_reach import holds_whole_request, starts_request
from keyaudit.inputs.text_requests import line_reader_starts
from keyaudit.model.exchange import Exchange

TRANSFER = json.dumps({"ts": "2026-11-22T10:00:00Z", "method": "POST",
                       "url": "https://api.iugu.com/v1/transfer_requests",
                       "headers": {"Content-Type": "application/json"}, "body": "{\"amount_cents\": 100}"})
SIGNED_DUMP = ["POST /v1/transfer_requests HTTP/1.1", "Host: api.iugu.com", "Content-Type: application/json",
               "Accept: */*", "User-Agent: payouts/1.0", "Request-Time: 2026-11-22T10:00:00-03:00",
               "Signature: signature=c2lnbmF0dXJl", "Content-Length: 2", "", "{}"]


def filler(count: int, start: int = 0) -> list[str]:
    return [f'10.0.0.{n % 250} - - [22/Nov/2026:10:00:00 -0300] "GET /health?n={start + n} HTTP/1.1" 200 2'
            for n in range(count)]


def requests(report: dict) -> list[tuple[str, int]]:
    return [(f["rule_id"], f["location"]["line"]) for f in report["findings"] if f["context"].get("method")]


def test_a_request_deep_in_a_large_log_is_found_at_its_line(tmp_path: Path) -> None:
    lines = filler(30_000) + [TRANSFER] + filler(30_000, 30_000)
    (tmp_path / "app.log").write_text("\n".join(lines) + "\n")
    (tmp_path / "app.log.gz").write_bytes(gzip.compress(("\n".join(lines) + "\n").encode()))
    for name in ("app.log", "app.log.gz"):
        report, _ = scan_json(str(tmp_path / name))
        assert requests(report) == [("iugu-unsigned-transfer", 30_001)], name
        assert report["scan"]["requests"]["requests_judged"] == 1


@pytest.mark.parametrize("shape", ["command", "dump"])
def test_a_request_written_after_a_hole_of_nuls_is_read_at_its_column(tmp_path: Path, shape: str) -> None:
    """copytruncate cut the log while its writer kept its offset: the next record the writer
    wrote starts after a run of NULs on the same line. Its request is read, in plain and
    compressed logs, and placed where it starts."""
    unsigned = [line for line in SIGNED_DUMP if not line.startswith(("Signature", "Request-Time"))]
    written = ["curl -X POST https://api.iugu.com/v1/transfer_requests -d '{}'"] if shape == "command" else unsigned
    text = bytes(3000) + ("\n".join(written + filler(3)) + "\n").encode()
    (tmp_path / "app.log").write_bytes(text)
    (tmp_path / "app.log.gz").write_bytes(gzip.compress(text))
    for name in ("app.log", "app.log.gz"):
        report, _ = scan_json(str(tmp_path / name))
        assert requests(report) == [("iugu-unsigned-transfer", 1)], name
        if shape == "command":
            assert report["findings"][0]["location"]["column"] == 3001, name


def test_compressed_logs_give_the_requests_of_the_plain_one_from_the_lines_kept_in_one_pass(tmp_path: Path) -> None:
    """A decompressed stream cannot seek, so its windows' lines are kept as the first pass reads
    them instead of being decoded again: requests on both sides of the pass's chunks, in wire
    dumps across a chunk's end and as JSON records, give what the plain file gives."""
    unsigned = [line for line in SIGNED_DUMP if not line.startswith(("Signature", "Request-Time"))]
    lines = filler(12_000) + [TRANSFER] + filler(2000) + SIGNED_DUMP + filler(3400) + unsigned + filler(20_000)
    lines += [json.dumps({"pad": "y" * 900_000})] + [TRANSFER] + unsigned
    text = ("\n".join(lines) + "\n").encode()
    (tmp_path / "app.log").write_bytes(text)
    (tmp_path / "app.log.gz").write_bytes(gzip.compress(text, 1))
    (tmp_path / "app.log.zst").write_bytes(zstd_frames(text))
    plain, _ = scan_json(str(tmp_path / "app.log"))
    assert len(requests(plain)) == 4
    for name in ("app.log.gz", "app.log.zst"):
        report, _ = scan_json(str(tmp_path / name))
        assert requests(report) == requests(plain), name
        assert report["scan"]["requests"] == plain["scan"]["requests"], name


def test_a_request_read_around_its_anchor_keeps_every_header_of_it(tmp_path: Path) -> None:
    unsigned = [line for line in SIGNED_DUMP if not line.startswith(("Signature", "Request-Time"))]
    path = tmp_path / "wire.log"
    path.write_text("\n".join(filler(500) + SIGNED_DUMP + filler(500) + unsigned + filler(500)) + "\n")
    report, _ = scan_json(str(path))
    # The signed one was read with its Signature header, five lines after its anchor: not reported
    # as unsigned, counted as a signature nobody could verify (no --public-key).
    assert requests(report) == [("iugu-unsigned-transfer", 500 + len(SIGNED_DUMP) + 500 + 1)]
    assert report["scan"]["requests"]["signatures_unverified"] == 1


def test_a_resumed_log_reads_the_requests_of_its_new_part_only(tmp_path: Path) -> None:
    path, state = tmp_path / "app.log", str(tmp_path / "state.db")
    path.write_text("\n".join(filler(2000) + [TRANSFER] + filler(2000)) + "\n")
    first, _ = scan_json(str(path), "--state", state)
    assert requests(first) == [("iugu-unsigned-transfer", 2001)]
    with path.open("a") as handle:
        handle.write("\n".join(filler(3000, 2000) + [TRANSFER]) + "\n")
    second, _ = scan_json(str(path), "--state", state)
    assert requests(second) == [("iugu-unsigned-transfer", 4001 + 3000 + 1)]


def test_a_log_that_writes_no_request_out_is_not_read_again(tmp_path: Path) -> None:
    path = tmp_path / "notes.log"
    path.write_text("\n".join(filler(100) + ["calling https://api.iugu.com/v1/transfer_requests next"]) + "\n")
    report, _ = scan_json(str(path))
    assert report["scan"]["requests"].get("requests_judged", 0) == 0


@pytest.mark.parametrize("line", [
    TRANSFER,
    json.dumps({"log": TRANSFER + "\n", "stream": "stdout"}),  # escaped inside a container envelope
    json.dumps({"http": {"request": {"method": "post"}}, "url": {"full": "https://api.iugu.com/v1/transfers"}}),
    "{'verb': 'PUT', 'uri': 'https://api.asaas.com/v3/transfers/1'}",
    "curl -X POST 'https://api.iugu.com/v1/transfer_requests' -H 'Signature: signature=c2ln' -d '{}'",
    '2026-11-22 10:00:00 INFO running curl -s "https://api.asaas.com/v3/transfers" -H "access_token: ***"',
])
def test_a_one_line_record_or_command_holds_its_whole_request(line: str) -> None:
    assert holds_whole_request(line.encode())


@pytest.mark.parametrize("line", [
    json.dumps({"log": "--> POST https://api.iugu.com/v1/transfer_requests\n"}),  # one line of a dump
    json.dumps({"amount_cents": 100, "method": "pix", "api_token": "…"}),  # a body: no HTTP method
    "curl -X POST 'https://api.iugu.com/v1/transfer_requests' \\",  # goes on to the next line
    "curl -X POST https://api.iugu.com/v1/transfer_requests -d '{",  # a quoted body over lines
    "Signature: signature=c2lnbmF0dXJl",
    "POST /v1/transfer_requests HTTP/1.1",
])
def test_a_line_of_a_longer_request_does_not(line: str) -> None:
    assert not holds_whole_request(line.encode())


@pytest.mark.parametrize("line, starts", [
    ("POST /v1/transfer_requests HTTP/1.1", True),
    ("> POST /v1/transfer_requests HTTP/1.1", True),  # curl -v
    ("12:00:01 I/okhttp.OkHttpClient: --> POST https://api.iugu.com/v1/transfer_requests", True),
    ("send: b'POST /v1/transfer_requests HTTP/1.1\\r\\nHost: api.iugu.com\\r\\n'", True),
    ("curl -X POST https://api.iugu.com/v1/transfer_requests \\", True),
    ("  -X POST https://api.iugu.com/v1/transfer_requests \\", False),  # the command began a line before
    ("  --request POST https://api.iugu.com/v1/transfer_requests", False),
    ("      Sending HTTP request POST https://api.iugu.com/v1/transfer_requests", True),  # .NET's HttpClient
    ("Signature: signature=c2lnbmF0dXJl", False),
    ('  "url": "https://api.iugu.com/v1/transfer_requests",', False),
])
def test_a_request_line_starts_a_request_and_other_lines_do_not(line: str, starts: bool) -> None:
    assert starts_request(line.encode()) is starts


def test_a_command_over_several_lines_is_read_whole_among_one_line_records(tmp_path: Path) -> None:
    """One-line records get narrow windows; a curl command continued over lines, whose transfer
    path is on its second line and Signature header four lines below its start, is still read
    from its first line."""
    command = ["curl -s \\", "  -X POST https://api.iugu.com/v1/transfer_requests \\", "  -H 'Content-Type: application/json' \\",
               "  -H 'Request-Time: 2026-11-22T10:00:00-03:00' \\", "  -H 'Signature: signature=c2lnbmF0dXJl' \\",
               "  -d '{}'"]
    lines = filler(200) + [TRANSFER] * 3 + filler(200) + command + filler(200)
    path = tmp_path / "app.log"
    path.write_text("\n".join(lines) + "\n")
    report, _ = scan_json(str(path))
    assert requests(report) == [("iugu-unsigned-transfer", line) for line in (201, 202, 203)]
    assert report["scan"]["requests"]["signatures_unverified"] == 1


class Recording:
    """A reader that reads nothing: it records the lines it is given, and is in a request from
    a line ``start`` to a line ``end``."""

    capture = "recording"

    def __init__(self, start: int = 0, end: int = 0) -> None:
        self.fed: list[int] = []
        self.start, self.end = start, end

    @property
    def busy(self) -> bool:
        return bool(self.fed) and self.start <= self.fed[-1] < self.end

    def feed(self, number: int, text: str) -> Iterator[Exchange]:
        self.fed.append(number)
        return iter(())

    def close(self) -> Iterator[Exchange]:
        return iter(())


def test_only_the_lines_around_anchors_are_read_and_a_request_in_progress_to_its_end() -> None:
    lines = [(number, f"line {number}") for number in range(1, 201)]
    reader = Recording(start=60, end=90)  # a request from line 60 to 89
    list(run_readers([reader], around_anchors(lines, {30: 2, 60: 0, 150: 5, 152: 25}, [reader])))
    # 28-30 before the first anchor, 60-90 (the request, then the line that ends it), 127-152: the
    # last anchor's request may start 25 lines before it, earlier than the one before it.
    assert reader.fed == [*range(28, 31), *range(60, 91), *range(127, 153)]


def test_the_line_readers_begin_no_higher_than_an_anchored_request_line_above_and_skip_whole_records() -> None:
    """A header's request begins on the anchored request line above it or below; a JSON record
    on one line that holds a whole request is the JSON readers' alone."""
    lines = [(number, f"2026-11-22 10:00:{number:02} INFO line {number}") for number in range(1, 61)]
    lines[39] = (40, "POST /v1/transfer_requests HTTP/1.1")  # origin-form: the lines above may say where it went
    lines[40] = (41, "Host: api.iugu.com")
    lines[44] = (45, "Signature: signature=abc")
    record = '{"method": "POST", "url": "https://api.iugu.com/v1/transfer_requests", "headers": {"Signature": "s"}}'
    lines[54] = (55, record)
    starts = line_reader_starts(lines, {40: 4, 41: 2, 45: 25, 55: 0})
    assert starts == {40: 4, 41: 2, 45: 9}  # 45 - 9 = 36: where line 40's own reading begins


@pytest.mark.parametrize("prefix", ["[2026-11-22 13:00:00] ", "[fetch] $ ", "[INFO] + "])
def test_a_one_line_curl_command_after_a_bracketed_log_prefix_is_read(prefix: str, tmp_path: Path) -> None:
    # a line that begins with `[` but is no JSON array: a CI log's or a runtime's prefix before a command
    path = tmp_path / "ci.log"
    path.write_text(prefix + "curl -X POST https://api.iugu.com/v1/transfer_requests -H 'Content-Type: "
                    "application/json' -d '{\"amount_cents\":100}'\n")
    report, _ = scan_json(str(path))
    assert requests(report) == [("iugu-unsigned-transfer", 1)]


def test_a_signed_body_after_its_anchor_is_read_to_its_end_and_verifies(tmp_path: Path) -> None:
    """The Signature header is the last anchor of a raw dump; its body (pretty-printed JSON over
    30 lines, the token in it) follows, and the request is read to the body's end: the signature
    verifies over the exact bytes."""
    private, public = key_pair(tmp_path)
    token = iugu_token()
    body = json.dumps({"api_token": token, "amount_cents": 100, "notes": [f"n{n}" for n in range(24)]}, indent=2)
    path, when = "/v1/transfer_requests", "2026-11-22T10:00:00-03:00"
    dump = [f"POST {path} HTTP/1.1", "Host: api.iugu.com", "Content-Type: application/json",
            f"Request-Time: {when}", f"Signature: {signature_header(private, 'POST', path, token, when, body.encode())}",
            f"Content-Length: {len(body.encode())}", "", *body.split("\n")]
    log = tmp_path / "wire.log"
    log.write_text("\n".join(filler(300) + dump + filler(300)) + "\n")
    report, _ = scan_json("--public-key", str(public), str(log))
    assert report["scan"]["requests"]["signatures_valid"] == 1, report["scan"]["requests"]
    assert not [f for f in report["findings"] if f["category"] in ("bad-signature", "unsigned-transfer")]


def test_a_pretty_printed_record_named_by_its_host_alone_is_read_from_its_first_line(tmp_path: Path) -> None:
    """A plain-HTTP call pretty-printed over lines, with nothing in it but its host to anchor it,
    several lines below the object's first line: read whole, reported at that line."""
    record = json.dumps({"ts": "2026-11-22T10:00:00Z", "level": "DEBUG", "service": "billing", "trace": "ab12",
                         "span": "cd34", "request": {"method": "GET", "url": "http://api.iugu.com/v1/customers"}},
                        indent=2)
    log = tmp_path / "app.log"
    log.write_text("\n".join(filler(200) + record.split("\n") + filler(200)) + "\n")
    report, _ = scan_json(str(log))
    assert requests(report) == [("iugu-plaintext-request", 201)]


def test_a_pretty_printed_record_is_read_from_a_first_line_a_requests_span_above_its_anchor(tmp_path: Path) -> None:
    """A request pretty-printed with its URL in parts (one host label, one path segment a line:
    no anchor) and a list of headers before the one that anchors it, 40 lines below the
    object's first line: the lines read around the anchor reach that far up."""
    headers = [{"key": f"X-Trace-{n}", "value": f"t{n}"} for n in range(6)]
    headers.append({"key": "Host", "value": "api.asaas.com"})
    record = json.dumps({"method": "POST", "url": {"protocol": "https", "host": ["api", "asaas", "com"],
                                                   "path": ["v3", "transfers"]}, "header": headers}, indent=2)
    lines = record.split("\n")
    assert next(n for n, text in enumerate(lines) if "api.asaas.com" in text) > 35
    log = tmp_path / "report.json.log"
    log.write_text("\n".join(filler(200) + lines + filler(200)) + "\n")
    report, _ = scan_json(str(log))
    assert requests(report) == [("asaas-unsigned-transfer", 201)]


def test_a_dump_named_by_its_host_on_its_first_line_is_read_with_all_its_headers(tmp_path: Path) -> None:
    """.NET's HttpClient logging: the request line names the host, its headers follow two lines
    down. Read to the end of its headers, the request has its User-Agent."""
    dump = ["info: System.Net.Http.HttpClient.payouts.ClientHandler[100]",
            "      Sending HTTP request GET https://api.asaas.com/v3/payments?status=PENDING",
            "trce: System.Net.Http.HttpClient.payouts.ClientHandler[102]", "      Request Headers:",
            "      Content-Type: application/json", "      Accept: application/json", "      User-Agent: billing/2.3",
            "      access_token: ***"]
    log = tmp_path / "app.log"
    log.write_text("\n".join(filler(100) + dump + filler(100)) + "\n")
    report, _ = scan_json(str(log))
    assert requests(report) == []
    assert report["scan"]["requests"]["requests_judged"] == 1


def okhttp_transfer(n: int) -> list[str]:
    """An unsigned transfer as OkHttp logs it, over seven lines, its host on the first."""
    return ["--> POST https://api.iugu.com/v1/transfer_requests", "Content-Type: application/json",
            f"User-Agent: payouts/{n}", "Accept: */*", "", '{"amount_cents":100}', "--> END POST (20-byte body)"]


def test_a_dense_log_is_read_in_slices_and_each_request_once(tmp_path: Path) -> None:
    """Requests on every line make one window of the whole log; it is read in slices, and a
    request across a slice's end is read whole, once."""
    lines = [line for n in range(2000) for line in okhttp_transfer(n)]  # 14,000 lines: more than a slice
    log = tmp_path / "dense.log"
    log.write_text("\n".join(lines) + "\n")
    report, _ = scan_json(str(log))
    assert requests(report) == [("iugu-unsigned-transfer", 1 + 7 * n) for n in range(2000)]
    assert report["scan"]["requests"]["requests_judged"] == 2000


def test_a_request_across_the_engines_buffers_is_read_whole(tmp_path: Path) -> None:
    """The engine reads a mebibyte at a time: a request whose first lines are in one buffer and
    whose Signature header is in the next is read from its first line, from the file and from
    its gzip alike, wherever the buffers part."""
    signed = ["POST /v1/charge HTTP/1.1", "Host: api.iugu.com", "Content-Type: application/json", "Accept: */*",
              "X-Trace: 1", "X-Span: 2", "Request-Time: 2026-11-22T10:00:00-03:00",
              "Signature: signature=c2lnbmF0dXJl", "", "{}"]
    before = filler(12_000)
    limit = CHUNK_BYTES - OVERLAP_BYTES  # the first buffer ends before the line holding this byte
    for shift in range(1, 8):  # the buffers part before signed[shift]
        pad = limit - 1 - sum(len(line) + 1 for line in before + signed[:shift]) - 1
        text = ("\n".join(before + ["x" * pad] + signed + filler(200)) + "\n").encode()  # past a mebibyte
        assert text.index(signed[shift].encode()) == limit - 1
        (tmp_path / "wire.log").write_bytes(text)
        (tmp_path / "wire.log.gz").write_bytes(gzip.compress(text, 1))
        for name in ("wire.log", "wire.log.gz"):
            report, _ = scan_json(str(tmp_path / name))
            assert report["scan"]["requests"].get("signatures_unverified") == 1, (name, shift)


def test_text_of_any_length_before_a_request_line_is_no_prefix_learned_from_it() -> None:
    """What stands before a request line is the log's prefix, learned as a pattern for the lines
    after it; 90 KB of syslog headers there (a hostile line) made a pattern of 85,000 parts,
    compiled for each reader: seconds a line. Text that long is no logger's prefix: none is
    learned, and the request is read with its header below."""
    from keyaudit.inputs.captures.log_prefix import MAX_PREFIX_CHARS, learned_prefix
    from keyaudit.inputs.text_requests import exchanges_in_lines

    junk = "<13>1 2026-11-22T13:00:00Z h a - - - " * 2500
    assert learned_prefix(junk).blank and not learned_prefix(junk[:MAX_PREFIX_CHARS]).blank
    lines = [(1, junk + "POST /v1/transfer_requests HTTP/1.1"), (2, "Host: api.iugu.com"), (3, "")]
    assert [(e.url, e.header("Host")) for e in exchanges_in_lines(lines, "x.log")] == [
        ("https://api.iugu.com/v1/transfer_requests", "api.iugu.com")]


@pytest.mark.parametrize("mark", ["...", "…", "[3 headers omitted]", "... (2 more headers)", "(truncated)"])
def test_a_dump_whose_printer_left_header_lines_out_shows_no_header_missing(mark: str, tmp_path: Path) -> None:
    """A client dump cut by its printer (`> ...`, `[3 headers omitted]`) shows some headers only;
    the same dump whole, without the mark, still shows the transfer unsigned."""
    def dump(marked: bool) -> str:
        return ("> POST /v1/transfer_requests HTTP/1.1\n> Host: api.iugu.com\n> Content-Type: application/json\n"
                + (f"> {mark}\n" if marked else "") + "> Accept: */*\n>\n")

    for marked, expected in ((True, []), (False, ["iugu-unsigned-transfer"])):
        path = tmp_path / f"curl-{marked}.log"
        path.write_text(dump(marked))
        report, _ = scan_json(str(path))
        assert [f["rule_id"] for f in report["findings"]] == expected, dump(marked)


@pytest.mark.parametrize(("line", "mark"), [
    ("   [ 3 headers omitted ]   ", True), ("\t... ( +2 more items )", True), (" " * 20000 + "omitted", True),
    (" " * 20000 + "x", False), ("\t" * 20000 + "]", False), ("... 2 more" + " " * 20000 + "headers x", False)])
def test_a_printers_mark_is_told_from_a_line_of_blanks_and_text(line: str, mark: bool) -> None:
    """Blanks around a mark's bracket are the mark's; a long run of blanks then other text is none."""
    from keyaudit.inputs.captures.elision import ELISION

    assert (ELISION.fullmatch(line) is not None) is mark


def test_an_empty_line_of_a_dump_may_carry_the_prefix_without_the_separator_that_ends_it() -> None:
    """go-hclog writes a logger's name alone, without its `: `, for an empty message: Terraform
    logs a provider's dump a line an entry, the blank line between head and body so. That line is
    the dump's blank line (the body below is read); the prefix without its separator and more
    text after it is not."""
    from keyaudit.inputs.captures.log_prefix import learned_prefix
    from keyaudit.inputs.text_requests import exchanges_in_lines

    prefix = "2026-11-22T10:00:00.123-0300 [DEBUG] provider.terraform-provider-payouts_v1.4.0"
    learned = learned_prefix(prefix.replace("10:00:00", "13:59:59") + ": ")
    assert (learned.rest(prefix), learned.rest(prefix + " "), learned.rest(prefix + " x")) == ("", "", None)
    dump = ["POST /v1/transfer_requests HTTP/1.1", "Host: api.iugu.com", "Content-Length: 2", "", "{}"]
    lines = [(n, f"{prefix}: {text}" if text else prefix) for n, text in enumerate(dump, 1)]
    assert [(e.url, e.body) for e in exchanges_in_lines(lines, "tf.log")] == [
        ("https://api.iugu.com/v1/transfer_requests", b"{}")]


def test_one_line_records_among_other_lines_give_every_request_and_one_read_apart_from_a_dump(tmp_path: Path) -> None:
    """Records a few lines apart are read together (their windows join): each still gives its own
    request, at its line. A dump of the same request 26 lines below the last is another request,
    as it is when the lines between keep the two apart: the windows of dump readers join nothing."""
    lines = []
    for n in range(40):
        lines += filler(3, n * 3) + [TRANSFER]
    last = len(lines)
    lines += filler(26) + ["POST /v1/transfer_requests HTTP/1.1", "Host: api.iugu.com", "Content-Type: application/json",
                           "Content-Length: 20", "", '{"amount_cents": 100}'] + filler(40)
    path = tmp_path / "app.log"
    path.write_text("\n".join(lines) + "\n")
    report, _ = scan_json(str(path))
    assert requests(report) == [("iugu-unsigned-transfer", 4 * (n + 1)) for n in range(40)] \
        + [("iugu-unsigned-transfer", last + 27)]
    assert report["scan"]["requests"]["requests_judged"] == 41
