"""--state over a log whose writer is inside a request: a ``curl -v`` dump writes its header lines one by one, a
pretty-printed JSON record its fields line by line. The run that ends inside such a record leaves its requests to
the next, which reads the record again, whole: run 1, the writer's append and run 2 report together exactly what
one scan of the final file reports (rules, lines, columns). A file that stops growing has its open record judged
by the next run; a killed run's successor still reports it once."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers.credentials import iugu_token
from helpers.signing import SIGNED_AT, TRANSFER_PATH, signed_transfer
from test_state import DIE_AT

Found = list[tuple[str, str, int, int]]
BASIC = "Basic dGVzdDo="  # iugu's token as a Basic user name: this one's is empty, no secret of ours
NOISE = "2026-12-06 10:00:00 INFO sending\n"
DONE = "2026-12-06 10:00:01 INFO done\n"


def report(folder: Path, state: Path | None, *extra: str) -> dict:
    """The JSON report of a ``keyaudit scan`` of ``folder`` in a process of its own."""
    with_state = ["--state", str(state)] if state is not None else []
    run = subprocess.run([sys.executable, "-m", "keyaudit", "scan", "--format", "json", "--jobs", "1", *with_state,
                          *extra, str(folder)], capture_output=True, text=True)
    assert run.returncode in (0, 1), run.stderr[-2000:]
    return json.loads(run.stdout)


def scan(folder: Path, state: Path | None, *extra: str) -> Found:
    """(file, rule, line, column) of each finding of a ``keyaudit scan`` of ``folder``."""
    return sorted((Path(f["location"]["path"]).name, f["rule_id"], f["location"]["line"], f["location"]["column"])
                  for f in report(folder, state, *extra)["findings"])


def curl_dump(headers: dict[str, str], path: str = TRANSFER_PATH) -> list[str]:
    """A ``curl -v`` request as it writes it: the request line and each header on a ``>`` line of its own."""
    return [f"> POST {path} HTTP/1.1", "> Host: api.iugu.com",
            *(f"> {name}: {value}" for name, value in headers.items())]


def signed_dump(folder: Path) -> tuple[list[str], Path]:
    """A signed iugu transfer as a client's wire dump: headers, a blank line, the body; and its public key."""
    public, body, headers = signed_transfer(folder.parent, lambda token: '{"api_token":"%s","amount_cents":1050}'
                                            % token)
    lines = curl_dump({"Authorization": BASIC, "Content-Length": str(len(body)), **headers})
    return [*lines, ">", body], public


def outbox_record(token: str) -> list[str]:
    """An unsigned iugu transfer as a payouts service's outbox logs it: a pretty-printed JSON record."""
    record = {"method": "POST", "url": "https://api.iugu.com" + TRANSFER_PATH,
              "headers": {"Content-Type": "application/json"}, "body": json.dumps({"api_token": token,
                                                                                  "amount_cents": 1050})}
    return ["2026-12-06 10:00:00 INFO outbox request", *json.dumps(record, indent=2).splitlines()]


def written_in_two(tmp_path: Path, lines: list[str], cut: int, *extra: str) -> tuple[Found, Found, Found]:
    """The findings of run 1 (the first ``cut`` lines written), of run 2 (the rest appended) and of one scan of
    the final file."""
    folder = tmp_path / "logs"
    folder.mkdir(exist_ok=True)
    log, state = folder / "app.log", tmp_path / "state.db"
    log.write_text(NOISE + "".join(line + "\n" for line in lines[:cut]))
    first = scan(folder, state, *extra)
    with log.open("a") as out:
        out.write("".join(line + "\n" for line in lines[cut:]) + DONE)
    return first, scan(folder, state, *extra), scan(folder, None, *extra)


def case_headers_open(tmp_path: Path) -> tuple[list[str], int, tuple[str, ...]]:
    lines, public = signed_dump(tmp_path / "keys")
    return lines, 4, ("--public-key", str(public))  # up to Authorization: Content-Length, signature, body to come


def case_body_to_come(tmp_path: Path) -> tuple[list[str], int, tuple[str, ...]]:
    lines, public = signed_dump(tmp_path / "keys")
    return lines, len(lines) - 1, ("--public-key", str(public))  # the blank line written, the body not yet


def case_json_open(tmp_path: Path) -> tuple[list[str], int, tuple[str, ...]]:
    return outbox_record(iugu_token()), 5, ()


def case_request_line_alone(tmp_path: Path) -> tuple[list[str], int, tuple[str, ...]]:
    return [*curl_dump({"Authorization": BASIC, "Content-Type": "application/json"}), ">"], 1, ()


CASES = [case_headers_open, case_body_to_come, case_json_open, case_request_line_alone]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.__name__)
def test_a_request_the_writer_had_not_finished_is_judged_once_whole(tmp_path: Path, case) -> None:
    (tmp_path / "keys").mkdir()
    lines, cut, extra = case(tmp_path)
    first, second, whole = written_in_two(tmp_path, lines, cut, *extra)
    assert sorted(first + second) == whole, (first, second)
    assert sorted(rule for _, rule, *_ in whole) == EXPECTED[case.__name__]


EXPECTED = {"case_headers_open": ["iugu-api-token"], "case_body_to_come": ["iugu-api-token"],  # signed: valid
            "case_json_open": ["iugu-api-token", "iugu-unsigned-transfer"],
            "case_request_line_alone": ["iugu-unsigned-transfer"]}


def test_an_unsigned_transfer_written_to_its_signature_line_is_not_called_unsigned(tmp_path: Path) -> None:
    lines = [*curl_dump({"Authorization": BASIC, "Content-Type": "application/json"}),
             "> Signature: signature=abc", f"> Request-Time: {SIGNED_AT}", ">",  # malformed: bad whatever the key
             '{"amount_cents":100}']
    first, second, whole = written_in_two(tmp_path, lines, 4)
    assert first == []  # not iugu-unsigned-transfer: the writer was still writing its headers
    assert second == whole == [("app.log", "iugu-bad-signature", 2, 1)]


def test_an_open_record_of_a_file_that_stops_growing_is_judged_by_the_next_run(tmp_path: Path) -> None:
    folder, state = tmp_path / "logs", tmp_path / "state.db"
    folder.mkdir()
    log = folder / "app.log"
    log.write_text(NOISE + "".join(line + "\n" for line in curl_dump({"Authorization": BASIC})))
    assert scan(folder, state) == []
    assert scan(folder, state) == scan(folder, None) == [("app.log", "iugu-unsigned-transfer", 2, 1)]
    assert scan(folder, state) == []
    os.utime(log, (1, 1))
    assert scan(folder, state) == []


def test_an_open_record_rotated_and_compressed_is_judged_by_the_next_run(tmp_path: Path) -> None:
    folder, state = tmp_path / "logs", tmp_path / "state.db"
    folder.mkdir()
    log = folder / "app.log"
    log.write_text(NOISE + "".join(line + "\n" for line in curl_dump({"Authorization": BASIC})))
    assert scan(folder, state) == []
    with log.open("rb") as plain, gzip.open(folder / "app.log.1.gz", "wb") as packed:
        shutil.copyfileobj(plain, packed)
    log.unlink()
    assert scan(folder, state) == [("app.log.1.gz", "iugu-unsigned-transfer", 2, 1)]
    assert scan(folder, state) == []


def test_a_key_on_the_lines_of_an_open_record_is_reported_once(tmp_path: Path) -> None:
    token = iugu_token()
    lines = outbox_record(token)
    first, second, whole = written_in_two(tmp_path, lines, len(lines) - 1)  # all but the closing brace
    secrets = [found for found in whole if found[1] != "iugu-unsigned-transfer"]
    assert secrets and sorted(first) == secrets  # the key, at once; its request, once the record closed
    assert sorted(first + second) == whole


def test_keys_on_lines_a_stray_bracket_holds_are_reported_once_over_many_runs(tmp_path: Path) -> None:
    folder, state = tmp_path / "logs", tmp_path / "state.db"
    folder.mkdir()
    log, tokens = folder / "app.log", [iugu_token() for _ in range(3)]
    log.write_text(f"2026 ERROR list=[1,2\n2026 INFO api_token={tokens[0]}\n")  # the bracket never closes
    assert scan(folder, state) == [("app.log", "iugu-api-token", 2, 21)]
    with log.open("a") as out:
        out.write(f"2026 INFO api_token={tokens[1]}\n2026 INFO x api_token={tokens[2]}\n")
    assert scan(folder, state) == [("app.log", "iugu-api-token", 3, 21), ("app.log", "iugu-api-token", 4, 23)]
    assert scan(folder, state) == []  # not grown: the held lines judged, their keys not again
    assert scan(folder, state) == []


@pytest.mark.parametrize("point", ["staged", "renamed"])
def test_a_run_killed_after_the_writer_finished_an_open_request_reports_it_once(tmp_path: Path, point: str) -> None:
    folder, state = tmp_path / "logs", tmp_path / "state.db"
    folder.mkdir()
    log = folder / "app.log"
    log.write_text(NOISE + "".join(line + "\n" for line in curl_dump({"Authorization": BASIC})))
    assert scan(folder, state) == []
    with log.open("a") as out:
        out.write('> Content-Type: application/json\n>\n{"amount_cents":100}\n' + DONE)
    died = subprocess.run([sys.executable, "-c", DIE_AT, point, str(state)], cwd=folder, capture_output=True,
                          text=True)
    assert died.returncode == 9, died.stderr[-2000:]
    report = folder / "report.jsonl"
    delivered = [("app.log", f["rule_id"], f["location"]["line"], f["location"]["column"])
                 for f in map(json.loads, report.read_text().splitlines())] if report.exists() else []
    assert bool(delivered) == (point == "renamed")
    after = scan(folder, state, "--exclude", "report.jsonl")
    assert sorted(delivered + after) == [("app.log", "iugu-unsigned-transfer", 2, 1)]
    assert scan(folder, state, "--exclude", "report.jsonl") == []


def test_a_signed_request_whose_body_is_to_come_is_counted_once_judged_whole(tmp_path: Path) -> None:
    (tmp_path / "keys").mkdir()
    lines, public = signed_dump(tmp_path / "keys")
    folder, state, key = tmp_path / "logs", tmp_path / "state.db", ("--public-key", str(public))
    folder.mkdir()
    log = folder / "app.log"
    log.write_text(NOISE + "".join(line + "\n" for line in lines[:-1]))  # the blank line written, not the body
    assert report(folder, state, *key)["scan"]["requests"] == {}  # not judged unverified: not judged yet
    with log.open("a") as out:
        out.write(lines[-1] + "\n" + DONE)
    second = report(folder, state, *key)["scan"]["requests"]
    assert {name: second[name] for name in ("requests_judged", "signatures_valid")} == \
        report(folder, None, *key)["scan"]["requests"] == {"requests_judged": 1, "signatures_valid": 1}


def test_an_open_record_longer_than_the_hold_is_judged_as_written_and_said(tmp_path: Path) -> None:
    folder, state = tmp_path / "logs", tmp_path / "state.db"
    folder.mkdir()
    fields = "".join(f'  "k{i}": "api_token={iugu_token()}",\n' if i % 50 == 0 else f'  "k{i}": "{"x" * 60}",\n'
                     for i in range(1100))  # 75 KB of a record whose brace has not closed
    (folder / "app.log").write_text("boot\n{\n" + fields)
    first = report(folder, state)
    assert first["scan"]["requests"] == {"open_records_judged_unfinished": 1}
    assert sorted((f["location"]["line"], f["location"]["column"]) for f in first["findings"]) == \
        [(3 + i, len(f'  "k{i}": "api_token=') + 1) for i in range(0, 1100, 50)]  # its keys at once
