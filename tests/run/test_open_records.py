"""--state over a log whose writer is inside a multi-line record: a ``curl -v`` dump writes its header lines one by
one, a pretty-printed JSON record its fields line by line. Each run reports what a scan without --state reports of
what was written (nothing held back); the next run reads the record still open at the end again, from its first
line, with what was appended, and reports only what was not reported before: run 1, the writer's append and run 2
report together exactly what one scan of the final file reports (rules, lines, columns), each finding once."""

from __future__ import annotations

import base64
import gzip
import json
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Callable

import pytest

from helpers.credentials import iugu_token
from helpers.signing import TRANSFER_PATH

Found = list[tuple[str, str, int, int]]
BASIC = "Basic dGVzdDo="  # iugu's token as a Basic user name: this one's is empty, no secret of ours
NOISE = "2026-12-06 10:00:00 INFO sending\n"
DONE = "2026-12-06 10:00:01 INFO done\n"
AGAIN = "open_records_read_again"


def report(target: Path, state: Path | None) -> dict:
    """The JSON report of a ``keyaudit scan`` of ``target`` in a process of its own."""
    with_state = ["--state", str(state)] if state is not None else []
    run = subprocess.run([sys.executable, "-m", "keyaudit", "scan", "--format", "json", "--jobs", "1", *with_state,
                          str(target)], capture_output=True, text=True)
    assert run.returncode in (0, 1), run.stderr[-2000:]
    return json.loads(run.stdout)


def found(result: dict) -> Found:
    """(file, rule, line, column) of each finding of a report."""
    return sorted((Path(f["location"]["path"]).name, f["rule_id"], f["location"]["line"], f["location"]["column"])
                  for f in result["findings"])


def scan(target: Path, state: Path | None) -> Found:
    return found(report(target, state))


def outbox_record(token: str, token_first: bool = False) -> list[str]:
    """An unsigned iugu transfer as a payouts service's outbox logs it: a pretty-printed JSON record (its body, with
    the token, before its headers when ``token_first``)."""
    body = json.dumps({"api_token": token, "amount_cents": 1050})
    fields = {"method": "POST", "url": "https://api.iugu.com" + TRANSFER_PATH}
    more = {"body": body, "headers": {"Content-Type": "application/json"}} if token_first else \
        {"headers": {"Content-Type": "application/json"}, "body": body}
    return ["2026-12-06 10:00:00 INFO outbox request", *json.dumps({**fields, **more}, indent=2).splitlines()]


def curl_dump(token: str) -> list[str]:
    """An unsigned iugu transfer as ``curl -v`` writes it: the request line, each header on a ``>`` line, a blank
    ``>`` line, then curl's own lines (it prints no body it sends)."""
    return [f"> POST {TRANSFER_PATH}?api_token={token} HTTP/1.1", "> Host: api.iugu.com",
            f"> Authorization: {BASIC}", "> Content-Type: application/json", "> Content-Length: 20", ">",
            "* upload completely sent off: 20 bytes", "< HTTP/1.1 200 OK"]


def written_in_two(tmp_path: Path, lines: list[str], cut: int) -> tuple[dict, dict, Found]:
    """The reports of run 1 (the first ``cut`` lines written) and of run 2 (the rest appended), and the findings of
    one scan of the final file."""
    return written_at(tmp_path, "".join(line + "\n" for line in lines[:cut]),
                      "".join(line + "\n" for line in lines[cut:]))


def written_at(tmp_path: Path, before: str, after: str) -> tuple[dict, dict, Found]:
    """As :func:`written_in_two`, the writer stopping after ``before`` (anywhere: mid-line too), then writing
    ``after``."""
    folder = tmp_path / "logs"
    folder.mkdir(exist_ok=True)
    log, state = folder / "app.log", tmp_path / "state.db"
    log.write_text(NOISE + before)
    first = report(folder, state)
    assert found(first) == scan(folder, None)  # nothing held back: what a scan without --state reports
    with log.open("a") as out:
        out.write(after + DONE)
    return first, report(folder, state), scan(folder, None)


def test_a_json_request_cut_at_the_end_is_read_whole_by_the_next_run(tmp_path: Path) -> None:
    first, second, whole = written_in_two(tmp_path, outbox_record(iugu_token()), 5)  # up to "headers": {
    assert found(first) == [] and sorted(found(first) + found(second)) == whole
    assert sorted(rule for _, rule, *_ in whole) == ["iugu-api-token", "iugu-unsigned-transfer"]
    assert second["scan"]["requests"][AGAIN] == 1 and AGAIN not in first["scan"]["requests"]


def test_a_key_on_the_lines_read_again_is_reported_once(tmp_path: Path) -> None:
    token = iugu_token()
    first, second, whole = written_in_two(tmp_path, outbox_record(token, token_first=True), 5)  # up to the body
    assert [rule for _, rule, *_ in found(first)] == ["iugu-api-token"]  # reported at once, not held back
    assert [rule for _, rule, *_ in found(second)] == ["iugu-unsigned-transfer"]  # the key read again: not twice
    assert sorted(found(first) + found(second)) == whole


def test_a_curl_dump_cut_after_its_request_line_is_judged_with_its_headers(tmp_path: Path) -> None:
    first, second, whole = written_in_two(tmp_path, curl_dump(iugu_token()), 1)
    assert sorted(found(first) + found(second)) == whole
    assert second["scan"]["requests"][AGAIN] == 1


@pytest.mark.parametrize("shape, cut_after", [("json", "{\n"), ("json", '"method": "PO'), ("curl", "> Hos")])
def test_a_record_cut_before_it_names_its_request_is_read_whole_by_the_next_run(tmp_path: Path, shape: str,
                                                                                 cut_after: str) -> None:
    """The writer stops anywhere: after a JSON record's opening brace, inside its ``"method"`` field, inside a
    header line of a dump. What is written names no request yet (no method, no URL, no host), but nothing
    closed the record either: the next run reads it again from its start, and its request is judged whole."""
    text = "".join(line + "\n" for line in (outbox_record if shape == "json" else curl_dump)(iugu_token()))
    cut = text.index(cut_after) + len(cut_after)
    first, second, whole = written_at(tmp_path, text[:cut], text[cut:])
    assert sorted(found(first) + found(second)) == whole
    assert "iugu-unsigned-transfer" in [rule for _, rule, *_ in whole]


def test_an_okhttp_request_cut_before_its_end_is_judged_with_its_headers(tmp_path: Path) -> None:
    """OkHttp's logger writes ``--> POST https://…`` (no version), its headers, the body and ``--> END POST``."""
    lines = [f"--> POST https://api.iugu.com{TRANSFER_PATH}", "Content-Type: application/json",
             f"Authorization: Basic {base64.b64encode((iugu_token() + ':').encode()).decode()}", "",
             '{"amount_cents":1050}', "--> END POST (21-byte body)"]
    first, second, whole = written_in_two(tmp_path, lines, 2)
    assert sorted(found(first) + found(second)) == whole
    assert sorted(rule for _, rule, *_ in whole) == ["http-basic-credential", "iugu-unsigned-transfer"]


def test_a_json_request_whose_url_comes_after_the_cut_is_judged_whole(tmp_path: Path) -> None:
    record = {"method": "POST", "headers": {"Content-Type": "application/json"},
              "url": "https://api.iugu.com" + TRANSFER_PATH, "body": json.dumps({"api_token": iugu_token()})}
    lines = ["2026-12-06 10:00:00 INFO outbox request", *json.dumps(record, indent=2).splitlines()]
    first, second, whole = written_in_two(tmp_path, lines, 4)  # up to the headers: no URL yet
    assert sorted(found(first) + found(second)) == whole
    assert "iugu-unsigned-transfer" in [rule for _, rule, *_ in whole]


def test_a_stray_bracket_before_whole_json_requests_delays_none(tmp_path: Path) -> None:
    """A ``{`` prose left open is no record's start: the whole requests after it are reported by the run that reads
    them, and those read again with it are not reported twice."""
    def request(number: int) -> str:
        body = json.dumps({"api_token": iugu_token()[:-2] + f"{number:02d}", "amount_cents": 1050})
        return json.dumps({"method": "POST", "url": "https://api.iugu.com" + TRANSFER_PATH, "body": body})

    lines = ["2026-12-06 10:00:00 DEBUG cache dump (truncated) {", request(11), DONE.strip(), request(12)]
    first, second, whole = written_in_two(tmp_path, lines, 2)
    assert ("app.log", "iugu-api-token", 3, 99) in found(first)  # the whole request after the bracket: at once
    assert sorted(found(first) + found(second)) == whole


def test_a_file_that_did_not_grow_is_not_read_again(tmp_path: Path) -> None:
    folder, state = tmp_path / "logs", tmp_path / "state.db"
    folder.mkdir()
    (folder / "app.log").write_text(NOISE + "\n".join(outbox_record(iugu_token())[:5]) + "\n")
    report(folder, state)
    again = report(folder, state)
    assert again["findings"] == [] and again["scan"]["requests"].get("files_unchanged") == 1
    assert AGAIN not in again["scan"]["requests"]


def test_a_request_file_scanned_once_reports_what_a_scan_without_state_does(tmp_path: Path) -> None:
    """An editor's request file, committed, ends in a request with no body: one run with a fresh state reports it
    (nothing is left to a run that never comes)."""
    token = iugu_token()
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "transfer.http").write_text(f"### transfer\nPOST https://api.iugu.com{TRANSFER_PATH}?api_token={token} "
                                        "HTTP/1.1\nContent-Type: application/json\n")
    once = report(docs, tmp_path / "state.db")
    assert found(once) == scan(docs, None) and found(once)


def test_a_rotated_log_is_read_from_its_start_and_its_copy_on(tmp_path: Path) -> None:
    """logrotate renames the log the open record was in (the writer finishes it there) and opens a new one: the
    new file is read from its start, the renamed one again from the open record's start; each finding once."""
    folder, state = tmp_path / "logs", tmp_path / "state.db"
    folder.mkdir()
    lines = outbox_record(iugu_token())
    log = folder / "app.log"
    log.write_text(NOISE + "".join(line + "\n" for line in lines[:5]))
    first = scan(folder, state)
    with log.open("a") as out:
        out.write("".join(line + "\n" for line in lines[5:]) + DONE)
    log.rename(folder / "app.log.1")
    log.write_text("2026-12-07 00:00:00 INFO reopened\n" + NOISE + "".join(line + "\n" for line in lines))
    second = scan(folder, state)
    assert sorted(first + second) == scan(folder, None)


def test_a_compressed_log_keeps_no_open_record(tmp_path: Path) -> None:
    folder, state = tmp_path / "logs", tmp_path / "state.db"
    folder.mkdir()
    (folder / "app.log.gz").write_bytes(gzip.compress((NOISE + "\n".join(outbox_record(iugu_token())[:5]) +
                                                       "\n").encode()))
    report(folder, state)
    with sqlite3.connect(state) as database:
        assert database.execute("SELECT held FROM files").fetchall() == [(None,)]


def between_two_runs(tmp_path: Path, change: Callable[[sqlite3.Connection], None]) -> tuple[Found, Found]:
    """The findings of run 1 (a JSON request written up to the body with its key) and of run 2 (the rest appended),
    the state's database changed by ``change`` between them."""
    folder, state = tmp_path / "logs", tmp_path / "state.db"
    folder.mkdir()
    lines = outbox_record(iugu_token(), token_first=True)
    log = folder / "app.log"
    log.write_text(NOISE + "".join(line + "\n" for line in lines[:5]))
    first = scan(folder, state)
    with sqlite3.connect(state) as database:
        change(database)
    with log.open("a") as out:
        out.write("".join(line + "\n" for line in lines[5:]) + DONE)
    return first, scan(folder, state)


def test_a_reader_that_ignores_the_held_record_reports_no_key_twice(tmp_path: Path) -> None:
    """The held record is kept beside the record of the end, which keeps its last line's keys as they were: a
    keyaudit that does not read the held column goes on from the end, and its run 2 reports no key run 1 did."""
    def ignored(database: sqlite3.Connection) -> None:
        assert database.execute("SELECT count(*) FROM files WHERE held IS NOT NULL").fetchone() == (1,)
        database.execute("UPDATE files SET held = NULL")

    first, second = between_two_runs(tmp_path, ignored)
    assert first and not set(first) & set(second)


def test_a_state_from_before_held_records_loads(tmp_path: Path) -> None:
    def older(database: sqlite3.Connection) -> None:
        for table in ("files", "staged"):  # the tables as a keyaudit before held records made them
            kept = ", ".join(row[1] for row in database.execute(f"PRAGMA table_info({table})") if row[1] != "held")
            database.executescript(f"CREATE TABLE old AS SELECT {kept} FROM {table}; DROP TABLE {table}; "
                                   f"ALTER TABLE old RENAME TO {table}")

    first, second = between_two_runs(tmp_path, older)
    assert first and not set(first) & set(second)


def test_a_damaged_held_record_is_left_and_the_run_goes_on_from_the_end(tmp_path: Path) -> None:
    """A held column nested past the JSON parser's depth, or counting lines past 64 bits, was an internal error for
    the whole run (a RecursionError, an OverflowError writing the state back: every later run the same): now it is
    no held record, and the file goes on from the record of its end, each key reported once."""
    def damaged(how: str) -> Callable[[sqlite3.Connection], None]:
        def change(database: sqlite3.Connection) -> None:
            (column,), = database.execute("SELECT held FROM files WHERE held IS NOT NULL").fetchall()
            held = json.loads(column)
            held[1] = 10**30
            database.execute("UPDATE files SET held = ?", ("[" * 100_000 if how == "deep" else json.dumps(held),))
        return change

    for how in ("deep", "huge"):
        (tmp_path / how).mkdir()
        first, second = between_two_runs(tmp_path / how, damaged(how))
        assert first and not set(first) & set(second), how


def test_a_record_held_open_from_the_files_first_byte_counts_its_file_as_resumed(tmp_path: Path) -> None:
    """Run 2 goes on from run 1's record (moved on, what it reported left out) whether the open record it reads again
    starts at the file's first byte or further on: ``files_resumed`` counts both (it left out the first)."""
    counts = []
    for lead in ("", NOISE):
        folder = tmp_path / f"lead{len(lead)}" / "logs"
        folder.mkdir(parents=True)
        log, state, lines = folder / "app.log", folder.parent / "state.db", curl_dump(iugu_token())
        log.write_text(lead + "".join(line + "\n" for line in lines[:2]))
        assert "files_resumed" not in report(folder, state)["scan"]["requests"]
        with log.open("a") as out:
            out.write("".join(line + "\n" for line in lines[2:]) + DONE)
        second = report(folder, state)["scan"]["requests"]
        counts.append((second.get("files_resumed"), second.get(AGAIN)))
    assert counts == [(1, 1), (1, 1)]


def test_a_new_file_is_not_resumed_from_an_empty_files_record(tmp_path: Path) -> None:
    """An empty file's record has no head, so every file starts alike with it: a file never scanned before is not
    counted as resumed from it (``/var/log`` holds many empty files)."""
    folder = tmp_path / "logs"
    folder.mkdir()
    state = tmp_path / "state.db"
    (folder / "empty.log").write_text("")
    report(folder / "empty.log", state)
    other = folder / "other.log"
    other.write_text(NOISE + "".join(line + "\n" for line in curl_dump(iugu_token())) + DONE)
    assert "files_resumed" not in report(other, state)["scan"]["requests"]
