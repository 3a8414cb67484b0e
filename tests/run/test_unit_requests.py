"""The requests of a unit: of a compressed log, which cannot be read twice without decoding it
again, read as the pass leaves their windows behind when the kept text outgrows its bound, and
judged the same as in the same log uncompressed, whatever the bound; of a range of a big file,
which reads on past its end for the requests begun in it (and for the anchors of those that name
their provider only past it), and leaves those begun past it to the next range."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

import keyaudit.engine.windows
import keyaudit.inputs.text_requests
from helpers.request_shapes import BODY, REQUESTS, URL, dumps_log, pretty_log
from helpers.credentials import asaas_key
from helpers.running import run_scan, scan_json
from keyaudit.rulebook.loader import load_rules
from keyaudit.run.gzip_cutting import Costs, Cutting
from keyaudit.run.unit_scanner import UnitScanner
from keyaudit.run.units import WorkUnit, plan_units
from keyaudit.sources.targets import Discovery, Target

RANGE = 150_000  # bytes a range is planned at, so a file of ~1 MB is cut in several
PROVIDER_LOG = Costs(decode=1.1e-9, scan=22e-9)  # a log with provider traffic: its gzip is cut


def traffic_log() -> bytes:
    """Heartbeats with the three transfers every 60 lines, as JSON records and as header dumps
    over several lines (a window of its own, reaching both ways)."""
    lines: list[str] = []
    for block in range(150):
        lines += [f"2026-11-22 13:{block % 60:02d}:{n:02d} INFO worker heartbeat ok" for n in range(50)]
        name, headers = list(REQUESTS.items())[block % 3]
        if block % 2:
            lines.append(json.dumps({"ts": "2026-11-22T13:00:00Z", "method": "POST", "url": URL,
                                     "headers": dict(headers), "body": BODY, "n": block}))
        else:
            lines += [f"2026-11-22 13:00:00 DEBUG sending request {block} ({name})",
                      f"POST {URL} HTTP/1.1", *(f"{key}: {value}" for key, value in headers), "", BODY]
    return ("\n".join(lines) + "\n").encode()


def judged(result) -> list[tuple[int, str]]:
    return sorted((f.location.line, f.rule_id) for f in result.findings)


@pytest.mark.parametrize("bound", [4096, 64 << 20], ids=["handed-over", "kept-whole"])
def test_a_compressed_log_gives_the_requests_of_the_same_log_plain(tmp_path: Path, monkeypatch, bound: int) -> None:
    text = traffic_log()
    plain, packed = tmp_path / "app.log", tmp_path / "app.log.1.gz"
    plain.write_bytes(text)
    packed.write_bytes(gzip.compress(text))
    expected = run_scan(str(plain), jobs=1)
    assert len({rule for _line, rule in judged(expected)}) >= 2 and len(judged(expected)) >= 100
    monkeypatch.setattr(keyaudit.inputs.text_requests, "MAX_KEPT_BYTES", bound)
    result = run_scan(str(packed), jobs=1)
    assert result.errors == [] and judged(result) == judged(expected)
    assert result.counts.statistics["requests_judged"] == expected.counts.statistics["requests_judged"]


def columns_log() -> bytes:
    """A W3C extended log whose columns are named once, at its top, and a transfer every fourth
    row among other sites' requests: each transfer a window of its own, read by those columns."""
    lines = ["#Fields: date time cs-method cs-uri-stem cs-uri-query s-port cs-host cs(Signature) sc-status"]
    for n in range(300):
        lines += [f"2026-11-22 13:{n % 60:02d}:0{k} GET /status/{n} - 443 shop.example - 200" for k in range(3)]
        lines.append(f"2026-11-22 13:{n % 60:02d}:09 POST /v3/transfers - 443 api.asaas.com - 201")
    return ("\n".join(lines) + "\n").encode()


def chained_dumps() -> bytes:
    """Dumps back to back over three of the pass's regions: one window from the top to the end,
    handed over in pieces cut where the pass was, each slice of it read as if it were whole."""
    return dumps_log(8000)


@pytest.mark.parametrize("log", [traffic_log, columns_log, chained_dumps], ids=["traffic", "columns", "chained"])
def test_a_plain_log_read_in_batches_as_the_pass_goes_gives_the_requests_of_one_reading(
        tmp_path: Path, monkeypatch, log) -> None:
    """A plain file is read again at its windows, and keeps no lines; once it marked many anchors,
    the pass hands over the windows it left behind all the same (a log of a curl command a line
    held 200,000 windows: 190 MB), and the lines of one still growing up to where the pass is. The
    stream is read forward once, batch after batch, what the file's top defined (a W3C log's
    columns) holds in every batch, and a window cut is read on where it was cut: the requests
    judged are those of one reading at the end."""
    plain = tmp_path / "app.log"
    plain.write_bytes(log())
    expected = run_scan(str(plain), jobs=1)
    assert len(judged(expected)) >= 100
    monkeypatch.setattr(keyaudit.engine.windows, "HAND_OVER_ANCHORS", 4)
    result = run_scan(str(plain), jobs=1)
    assert result.errors == [] and judged(result) == judged(expected)
    assert result.counts.statistics == expected.counts.statistics


def mentions(count: int) -> bytes:
    """An application's log naming a provider on every other line, and no request written out."""
    return "".join(f"2026-11-22T10:00:{n % 60:02d}Z INFO customer cus_{n} synced from api.asaas.com\n"
                   f"2026-11-22T10:00:{n % 60:02d}Z DEBUG cache miss for order {n}\n" for n in range(count)).encode()


def test_windows_the_pass_left_behind_before_any_request_marker_are_let_go_of(tmp_path: Path, monkeypatch) -> None:
    """A text with no request marker yet holds no request in the windows the pass has left
    behind (it saw all their lines): they are let go of, not held to the end in case a marker
    comes — what a scan holds stays the same however many mentions come first, and a marker
    further on still makes the requests after it read, as in one reading at the end."""
    import tracemalloc

    def peak(path: Path) -> int:
        tracemalloc.start()
        try:
            assert judged(run_scan(str(path), jobs=1)) == []
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()

    small, large = tmp_path / "small.log", tmp_path / "large.log"
    # Both past two of the pass's mebibyte buffers (2.5 and 7.5 MB): an engine's work on a whole buffer
    # (the regex engine's lower-cased copy and its hits, 2 MB more than on a file of one and a bit) is in both.
    small.write_bytes(mentions(20_000))
    large.write_bytes(mentions(60_000))
    peak(small)  # what every scan loads once (the readers' modules, the rules' patterns)
    assert peak(large) < peak(small) + 1_500_000  # 40,000 more mentions: each a window, held, some 5 MB
    mixed = tmp_path / "app.log"
    mixed.write_bytes(mentions(6_000) + traffic_log())
    expected = run_scan(str(mixed), jobs=1)
    assert len(judged(expected)) >= 100
    monkeypatch.setattr(keyaudit.engine.windows, "HAND_OVER_ANCHORS", 4)
    assert judged(run_scan(str(mixed), jobs=1)) == judged(expected)


def cut_lines(planned, text: bytes) -> list[int]:
    """The first line of each range but the first, as planned on ``text`` (the plain file's)."""
    return [text.count(b"\n", 0, unit.byte_range[0] - 1) + 2 for unit in planned[1:]]


@pytest.mark.parametrize("packing", ["plain", "gzip", "members"])
@pytest.mark.parametrize("shape", ["dumps", "pretty"])
def test_a_request_cut_by_a_range_end_is_read_whole_by_the_range_it_begins_in(tmp_path: Path, packing: str,
                                                                              shape: str) -> None:
    """Ranges of a big file (plain at byte offsets, one gzip member where the plan cuts its
    text, gzip members where they start) each read on past their end for the requests begun in
    them: every request one finding, as in one unit, none twice, none from a request's lines
    without its first (what the range after sees)."""
    count = 3000
    text = dumps_log(count) if shape == "dumps" else pretty_log(count)
    path = tmp_path / ("app.log" if packing == "plain" else "app.log.1.gz")
    if packing == "members":  # a member every 64 KiB of text, as bgzip-like writers make
        path.write_bytes(b"".join(gzip.compress(text[at : at + (64 << 10)]) for at in range(0, len(text), 64 << 10)))
    else:
        path.write_bytes(text if packing == "plain" else gzip.compress(text))
    whole = run_scan(str(path), jobs=1)
    costs = lambda target: PROVIDER_LOG  # noqa: E731
    planned = plan_units([str(path)], Discovery(), RANGE, workers=2, cutting=Cutting(2, costs))
    assert len(planned) > 1  # the file is cut
    if shape == "pretty" and packing == "plain":  # ranges that end inside a record, before its URL
        firsts = [text.splitlines()[number - 1].strip() for number in cut_lines(planned, text)]
        assert any(first.startswith(b'"service"') for first in firsts)  # the next sees a request object alone
        assert any(first.startswith((b'"method"', b'"attempt"')) for first in firsts)  # no anchor before the end
    cut = run_scan(str(path), jobs=2, range_bytes=RANGE, gzip_costs=costs)
    assert whole.counts.statistics["requests_judged"] == count and whole.errors == [] and cut.errors == []
    assert judged(cut) == judged(whole) and len(judged(whole)) == count
    assert cut.counts.statistics["requests_judged"] == count


def test_a_scanner_built_without_checks_judges_signed_requests_with_the_registered_ones(tmp_path: Path) -> None:
    """A UnitScanner of the rules alone (the Python API's way in, a test's) has every check a rule
    may name, as a run without --public-key builds them: a signed request is judged, not an
    internal error."""
    path = tmp_path / "app.log"
    path.write_text("\n".join(json.dumps({"method": "POST", "url": URL, "headers": dict(headers), "body": BODY})
                              for headers in REQUESTS.values()) + "\n")
    tally = UnitScanner(load_rules()).scan(WorkUnit(Target(str(path), path)))
    assert tally.errors == [] and tally.counts.statistics["requests_judged"] == 3
    assert sorted(f.rule_id for f in tally.findings if f.category == "bad-signature") == ["iugu-bad-signature"]


def test_a_request_whose_provider_is_named_past_a_long_line_past_the_range_end_is_read(tmp_path: Path) -> None:
    """A pretty-printed record whose first line ends a range, and whose only line naming the
    provider comes after a member longer than one read past the end (64 KiB): the range reads on
    as far as its lines, however long, and finds the request, as one process does."""
    lines: list[str] = []
    for n in range(6):
        record = {"service": "payouts", "request": {"method": "POST", "note": "x" * 70_000, "url": URL,
                                                    "headers": {"Content-Type": "application/json"},
                                                    "body": f'{{"amount_cents":{1000 + n}}}'}}
        lines += [f"2026-11-22 13:00:00 DEBUG request {n}:", *json.dumps(record, indent=2).splitlines()]
    text = ("\n".join(lines) + "\n").encode()
    path = tmp_path / "app.log"
    path.write_bytes(text)
    cut_at = text.rfind(b"\n", 0, text.index(b'"method"', text.index(b"request 2"))) + 1  # that line starts a range
    whole, cut = run_scan(str(path), jobs=1), run_scan(str(path), jobs=2, range_bytes=cut_at)
    assert len(judged(whole)) == 6
    assert judged(cut) == judged(whole), sorted(set(judged(whole)) ^ set(judged(cut)))


def test_a_range_that_names_no_provider_reads_the_request_it_ends_with_whose_host_is_past_it(tmp_path: Path) -> None:
    """A request line in origin-form (no host) is a range's last line, and nothing else in the
    range names a provider; its Host header is the next range's first line. The range looks past
    its end for the anchors of the requests begun in it before it weighs whether it is worth
    reading: the request is judged once, as in one unit (the range once passed it over)."""
    head = ["2026-11-22 13:00:00 INFO worker heartbeat ok"] * 60
    dump = ["GET /v3/customers?limit=10 HTTP/1.1", "Host: api.asaas.com", "access_token: ***", ""]
    path = tmp_path / "app.log"
    path.write_text("\n".join(head + dump + head * 2) + "\n")
    cut_at = sum(len(line) + 1 for line in head + dump[:1])  # the Host header starts the next range
    whole, cut = run_scan(str(path), jobs=1), run_scan(str(path), jobs=2, range_bytes=cut_at)
    assert whole.counts.statistics["requests_judged"] == cut.counts.statistics["requests_judged"] == 1
    assert judged(cut) == judged(whole) == [(len(head) + 1, "asaas-request-without-user-agent")]


def rows_log(key: str, width: int = 90) -> str:
    """A Flutter app's pretty_dio_logger box: a header value longer than the box's width goes on
    rows of its own, cut every 90 characters (or ``width``): no row shows the key whole."""
    prefix = "I/flutter ( 4321): "
    rows = [f"║ {key[at:at + width]}" for at in range(0, len(key), width)]
    lines = ["╔╣ Request ║ POST ", "║  https://api.asaas.com/v3/transfers", "╚" + "═" * width, "╔ Headers ",
             "╟ Content-Type: application/json", "╟ access_token: ", *rows, "╚" + "═" * width]
    return "\n".join(["2026-11-22 13:00:00 INFO app started", *(prefix + line for line in lines)]) + "\n"


@pytest.mark.parametrize(("width", "place"), [(30, (2, "request")), (90, (8, "wrapped line"))])
def test_a_key_only_the_request_reader_puts_together_is_reported_on_the_request(width: int, place: tuple[int, str],
                                                                                tmp_path: Path) -> None:
    """Rows narrower than a logger's width: only the request reader joins them, and the key is reported
    on the request. Rows of 90, cut at one width, are joined in the text as well (the `wrapped line`
    layer): the key is reported where its first row is, once."""
    key = asaas_key()
    (tmp_path / "app.log").write_text(rows_log(key, width))
    report, _ = scan_json(str(tmp_path / "app.log"))
    leaks = [f for f in report["findings"] if f["category"] == "access-token"]
    assert [(f["rule_id"], f["location"]["line"], f["context"]["decoded"], f["secret"]["length"]) for f in leaks] == [
        ("asaas-api-key", *place, len(key))]
    assert key not in json.dumps(report)


def test_a_key_the_text_shows_whole_is_reported_where_the_text_shows_it_only(tmp_path: Path) -> None:
    key = asaas_key()
    log = rows_log("x" * 10).replace("╟ access_token: \n", f"╟ access_token: {key}\n")
    (tmp_path / "app.log").write_text(log.replace("I/flutter ( 4321): ║ xxxxxxxxxx\n", ""))
    report, _ = scan_json(str(tmp_path / "app.log"))
    leaks = [f for f in report["findings"] if f["category"] == "access-token"]
    assert [(f["location"]["line"], f["context"].get("decoded")) for f in leaks] == [(7, None)]


def test_a_request_after_a_run_of_mentions_on_every_line_is_read_where_it_is(tmp_path: Path) -> None:
    """A log that names a provider on every line and writes no request out is one window still growing when the
    pass hands over what it left behind: it is cut where a window to come may start, and its lines before the
    cut let go of unread (no request marker yet). The rest is read from where the reading of those lines would
    have ended, which the cut does not know: the stream is read on from the cut window's start to the rest's
    first line, so that the request the log ends with is judged, on its own line (the rest was read from the
    file's top, numbered from the cut: the transfer was never found)."""
    path = tmp_path / "sync.log"
    mentions = "".join(f"2026-11-22T10:00:{n % 60:02d}Z INFO customer cus_{n} synced from {URL}\n"
                       for n in range(30_000))  # 2.6 MB: past the anchors after which windows are handed over
    path.write_text(mentions + "POST /v1/transfer_requests HTTP/1.1\nHost: api.iugu.com\n"
                    f"Content-Type: application/json\n\n{BODY}\n")
    assert judged(run_scan(str(path), jobs=1)) == [(30_001, "iugu-unsigned-transfer")]
