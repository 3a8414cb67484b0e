"""Records the request readers cannot read whole are counted, not left silent: a dump's header block
longer than a request's span or a command going on past the lines read (whose headers read in part
must not make a signed transfer look unsigned), a Python repr over its bound, a pretty-printed
object that does not close in the lines read, a batch of more records than read. The scan says so
in ``scan.requests.request_records_cut`` and the summary line, once a record, and says nothing
where every record was read whole."""

from __future__ import annotations

import gzip
import json
from collections import Counter
from pathlib import Path
from typing import Iterator

import jsonschema
import pytest

from helpers.credentials import iugu_token
from helpers.data import load_schema
from helpers.running import scan_json
from keyaudit.inputs.captures.cut_records import STATISTIC, CutCount, count_cut, counted

URL = "https://api.iugu.com/v1/transfer_requests"
BODY = '{"amount": 100}'
SIGNED = ["Request-Time: 2026-11-22T10:00:00-03:00", "Signature: signature=QUJDRA=="]
FILLER = "2026-11-22 10:00:00 INFO served /health in 2 ms\n" * 20


def _dump(extra_headers: int, mark: str = "") -> str:
    head = ["POST /v1/transfer_requests HTTP/1.1", "Host: api.iugu.com", "Content-Type: application/json",
            f"Content-Length: {len(BODY)}", *(f"X-Trace-{i}: v{i}" for i in range(extra_headers)), *SIGNED]
    return "\n".join(mark + line for line in head) + f"\n{mark.rstrip()}\n" + ("" if mark else BODY + "\n")


def _scan(tmp_path: Path, text: str, compressed: bool = False) -> tuple[dict, str]:
    path = tmp_path / ("requests.log.gz" if compressed else "requests.log")
    path.write_bytes(gzip.compress(text.encode()) if compressed else text.encode())
    report, run = scan_json(str(path))
    jsonschema.validate(report, load_schema())
    return report, run.stderr


def _rules(report: dict) -> list[str]:
    return sorted(finding["rule_id"] for finding in report["findings"])


@pytest.mark.parametrize("mark", ["", "> "], ids=["raw", "curl-verbose"])
@pytest.mark.parametrize("compressed", [False, True], ids=["plain", "gzip"])
def test_a_head_longer_than_a_requests_span_is_counted_and_proves_no_header_missing(
        tmp_path: Path, mark: str, compressed: bool) -> None:
    report, stderr = _scan(tmp_path, FILLER + _dump(60, mark) + FILLER, compressed)
    assert "iugu-unsigned-transfer" not in _rules(report)  # its Signature came after the span read
    assert report["scan"]["requests"][STATISTIC] == 1
    assert "1 record not read whole for requests" in stderr


def test_a_head_within_the_span_is_read_whole(tmp_path: Path) -> None:
    unsigned = _dump(20).replace(SIGNED[1] + "\n", "")
    report, stderr = _scan(tmp_path, FILLER + unsigned + FILLER)
    assert _rules(report) == ["iugu-unsigned-transfer"]
    assert STATISTIC not in report["scan"]["requests"] and "record" not in stderr


@pytest.mark.parametrize("extra", [300, 20], ids=["over", "within"])
def test_a_record_with_more_headers_than_kept_proves_none_missing(tmp_path: Path, extra: int) -> None:
    headers = {**{f"X-H-{i}": "v" for i in range(extra)}, **dict(line.split(": ") for line in SIGNED)}
    if extra < 256:
        del headers["Signature"]  # within the bound the headers are all read: a missing one is missing
    record = json.dumps({"method": "POST", "url": URL, "headers": headers, "body": "{}"})
    report, _ = _scan(tmp_path, FILLER + record + "\n" + FILLER)
    assert _rules(report) == ([] if extra > 256 else ["iugu-unsigned-transfer"])
    assert report["scan"]["requests"].get(STATISTIC) == (1 if extra > 256 else None)


@pytest.mark.parametrize("extra", [600, 5], ids=["past-the-lines-read", "within"])
def test_a_command_going_on_past_the_lines_read_proves_no_header_missing(tmp_path: Path, extra: int) -> None:
    command = [f"curl -X POST {URL} \\", *(f"  -H 'X-Trace-{i}: v' \\" for i in range(extra)),
               *(f"  -H '{line}' \\" for line in SIGNED[:1]), f"  -d '{BODY}'"]
    report, _ = _scan(tmp_path, FILLER + "\n".join(command) + "\n" + FILLER)
    # within the lines read the command is whole: its one missing header (Signature) is missing
    assert _rules(report) == ([] if extra > 100 else ["iugu-unsigned-transfer"])
    assert report["scan"]["requests"].get(STATISTIC) == (1 if extra > 100 else None)


def test_a_batch_of_more_records_than_read_is_counted(tmp_path: Path) -> None:
    records = [{"method": "GET", "url": "https://api.iugu.com/v1/customers"}] * 10_050
    report, _ = _scan(tmp_path, FILLER + json.dumps(records, separators=(",", ":")) + "\n" + FILLER)
    assert report["scan"]["requests"][STATISTIC] == 1
    assert report["scan"]["requests"]["requests_judged"] == 10_000


def _repr_line(note_chars: int) -> str:
    record = {"method": "POST", "url": URL, "headers": {"Content-Type": "application/json"},
              "body": json.dumps({"amount": 100, "note": "x" * note_chars})}
    return "2026-11-22 10:00:00,000 DEBUG client request: " + repr(record) + "\n"


def test_a_python_repr_over_its_bound_is_counted(tmp_path: Path) -> None:
    report, stderr = _scan(tmp_path, FILLER + _repr_line(300_000) + FILLER)
    assert report["scan"]["requests"][STATISTIC] == 1
    assert "1 record not read whole" in stderr


def test_a_python_repr_within_its_bound_is_read(tmp_path: Path) -> None:
    report, _ = _scan(tmp_path, FILLER + _repr_line(100) + FILLER)
    assert _rules(report) == ["iugu-unsigned-transfer"]
    assert STATISTIC not in report["scan"]["requests"]


def _pretty(body_members: int, wrapped: bool = False) -> str:
    request = {"method": "POST", "url": URL, "headers": {"Content-Type": "application/json"},
               "body": {f"k{i}": i for i in range(body_members)}}
    record = {"batch": "b1", "request": request, "filler": {f"f{i}": i for i in range(500)}} if wrapped else request
    return "2026-11-22 10:00:00 request\n" + json.dumps(record, indent=2) + "\n"


def test_a_pretty_printed_record_that_does_not_close_in_the_lines_read_is_counted(tmp_path: Path) -> None:
    report, stderr = _scan(tmp_path, FILLER + _pretty(500) + FILLER)
    assert report["scan"]["requests"][STATISTIC] == 1
    assert "1 record not read whole" in stderr


def test_a_pretty_printed_record_cut_off_by_the_end_of_the_file_is_counted(tmp_path: Path) -> None:
    report, _ = _scan(tmp_path, FILLER + _pretty(3)[:-30])  # a log cut while its last record was written
    assert report["scan"]["requests"][STATISTIC] == 1


@pytest.mark.parametrize("name, text", [
    ("client.py", 'def charge(token):\n    return requests.post("http://api.iugu.com/v1/charge", json={"token": token},\n'
                  '                         auth=("{token}", ""))\n'),
    ("runbook.xml", '<ac:plain-text-body><![CDATA[export IUGU_API_TOKEN="{token}"\n'
                    'curl -s -u "$IUGU_API_TOKEN:" https://api.iugu.com/v1/invoices?limit=10]]></ac:plain-text-body>\n')],
    ids=["a-call-in-code", "an-xml-cdata"])
def test_a_bracket_left_open_around_an_anchor_is_no_record_cut(tmp_path: Path, name: str, text: str) -> None:
    """(Both were counted, in the credential corpora's files: the bracket a call or a CDATA section opens.)"""
    path = tmp_path / name
    path.write_text(text.replace("{token}", iugu_token()))
    report, _ = scan_json(str(path))
    assert STATISTIC not in report["scan"]["requests"]


def test_an_unclosed_object_around_a_request_read_whole_is_not_counted(tmp_path: Path) -> None:
    report, _ = _scan(tmp_path, FILLER + _pretty(3, wrapped=True) + FILLER)
    assert _rules(report) == ["iugu-unsigned-transfer"]  # the inner object is the request: read
    assert STATISTIC not in report["scan"]["requests"]


def test_an_unclosed_object_in_a_command_a_line_reader_read_is_not_counted(tmp_path: Path) -> None:
    """A curl command whose `-d '{…}'` body a logger wrote over lines, each under its prefix (Ok2Curl
    through logcat): the object that opens at the first line's end never closes where a record
    would (`}' "<url>"`, prefixed), but the command reader read the request that begins there —
    nothing was cut. An object left open on a line where no request begins still counts (above)."""
    prefix = "11-22 13:00:00.123  4242  4302 V Ok2Curl : "
    signed = "".join(f'-H "{header.replace(": ", ":")}" ' for header in SIGNED)
    command = [f'curl -X POST -H "Content-Type:application/json" {signed}-d \'{{', f'"api_token":"{iugu_token()}",', '"amount":100',
               f'}}\' "{URL}"']
    report, stderr = _scan(tmp_path, FILLER + "".join(prefix + line + "\n" for line in command) + FILLER)
    assert _rules(report) == ["iugu-api-token"]  # signed, the Signature on the line the object opens on
    assert STATISTIC not in report["scan"]["requests"]
    assert "not read whole" not in stderr


def test_a_record_is_counted_once_and_only_while_the_readers_run() -> None:
    statistics: Counter[str] = Counter()

    def readers() -> Iterator[int]:
        count_cut(("dump", 7))
        yield 1
        count_cut(("dump", 7))  # a second reader meeting the same record
        count_cut(("object", 9))
        yield 2

    made = counted(readers(), CutCount(statistics))
    assert next(made) == 1
    count_cut(("dump", 99))  # the caller's own code, between items: not counted here
    assert list(made) == [2]
    assert statistics[STATISTIC] == 2
    count_cut(("dump", 100))  # after the pass: no count in place
    assert statistics[STATISTIC] == 2


def test_a_source_line_too_long_to_read_for_requests_is_counted(tmp_path: Path) -> None:
    """A minified bundle's line of over 32 KiB that posts a transfer is longer than a statement group is read in:
    it went unread for requests without a word. Counted (once), as any record not read whole; a short line is read."""
    filler = "".join(f'var a{at}="https://api.iugu.com/v1/invoices/{at:05}";' for at in range(800))
    post = f'axios.post("{URL}",{BODY!r},{{headers:{{"Content-Type":"application/json"}}}});'
    path = tmp_path / "bundle.min.js"
    path.write_text(f"function pay(){{{filler}{post}}}\n")
    assert len(path.read_text()) > 32 << 10
    report, run = scan_json(str(path))
    assert report["scan"]["requests"][STATISTIC] == 1
    assert "1 record not read whole for requests" in run.stderr
    path.write_text(f"function pay(){{{post}}}\n")
    report, run = scan_json(str(path))
    assert _rules(report) == ["iugu-unsigned-transfer"] and STATISTIC not in report["scan"]["requests"]


def test_a_function_too_long_to_read_whole_for_its_headers_is_read_in_its_pieces(tmp_path: Path) -> None:
    """A function of hundreds of transfers (a generated client, a migration script) is read in statement pieces,
    each judged with what the whole function shows of its headers; past the length read whole for that, what it
    shows is read piece by piece (it was given up, counted cut, and its 700 unsigned transfers went unjudged): the
    transfers are judged and nothing is cut."""
    head = 'package payouts\n\nimport (\n\t"bytes"\n\t"net/http"\n)\n\nfunc Pay(body []byte, apiKey string) {\n'
    call = ('\treq{0}, _ := http.NewRequest("POST", "https://api.asaas.com/v3/transfers", bytes.NewReader(body))\n'
            '\treq{0}.Header.Set("access_token", apiKey)\n\tclient.Do(req{0})\n')
    for n in (150, 700):
        path = tmp_path / f"payouts{n}.go"
        path.write_text(head + "\tclient := &http.Client{}\n" + "".join(call.format(i) for i in range(n)) + "}\n")
        report, run = scan_json(str(path))
        jsonschema.validate(report, load_schema())
        assert report["scan"]["requests"].get(STATISTIC, 0) == 0, n
        assert "not read whole for requests" not in run.stderr
        assert report["findings"] and {f["rule_id"] for f in report["findings"]} == {"asaas-unsigned-transfer"}, n
