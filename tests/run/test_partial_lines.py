"""--state over a log caught mid-line: the writer finishes the line after the run, and the next run reads the line
again with what was appended — a key split by the run's end is found, and what the first run reported on the line
is not reported twice. Text and binary content alike; a state whose binary records hold no line counts (written
before they were kept) still places an appended finding where a whole scan does."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from helpers.binaries import executable
from helpers.credentials import iugu_token
from helpers.places import scanned_places as run


def _watched(tmp_path: Path, name: str) -> tuple[Path, Path]:
    """A folder of files a writer goes on with, and the state of the runs over it."""
    folder = tmp_path / name
    folder.mkdir()
    return folder, tmp_path / "state.db"


def test_a_key_split_by_the_end_of_a_text_log_is_found_once_the_writer_finishes_it(tmp_path: Path) -> None:
    folder, state = _watched(tmp_path, "logs")
    log, first, second = folder / "app.log", iugu_token(), iugu_token()
    log.write_text(f"2026-11-22 10:00:00 INFO charge api_token={first}\n2026-11-22 10:00:01 INFO charge "
                   f"api_token={second[:12]}")  # the writer mid-line
    assert run(folder, state) == [("app.log", 1, 43)]
    with log.open("a") as out:
        out.write(f"{second[12:]}\n2026-11-22 10:00:02 INFO done\n")
    assert run(folder, state) == [("app.log", 2, 43)]  # the key whole, at its place; line 1 not again
    assert run(folder, state) == []


def test_a_line_reported_before_the_writer_went_on_is_not_reported_again(tmp_path: Path) -> None:
    folder, state = _watched(tmp_path, "logs")
    log, first, second = folder / "app.log", iugu_token(), iugu_token()
    log.write_text(f"boot\nINFO charge api_token={first} ")  # a whole key on a line not yet ended
    assert run(folder, state) == [("app.log", 2, 23)]
    os.utime(log, (1, 1))  # touched: the line is read again, nothing reported
    assert run(folder, state) == []
    with log.open("a") as out:
        out.write(f"retry api_token={second}\n")  # the same line goes on with a second key
    assert run(folder, state) == run(folder, None)[1:] == [("app.log", 2, 23 + len(first) + 17)]
    assert run(folder, state) == []


def test_another_key_at_the_same_place_of_the_line_read_again_is_reported(tmp_path: Path) -> None:
    folder, state = _watched(tmp_path, "logs")
    log, first, second = folder / "app.log", iugu_token(), iugu_token()
    log.write_text(f"boot\nINFO charge api_token={first} ")
    assert run(folder, state) == [("app.log", 2, 23)]
    log.write_text(f"boot\nINFO charge api_token={second} retry\n")  # rewritten up to there, another key there
    assert run(folder, state) == [("app.log", 2, 23)]


def test_a_first_line_not_yet_ended_is_read_again_from_the_top(tmp_path: Path) -> None:
    folder, state = _watched(tmp_path, "logs")
    log, first, second = folder / "app.log", iugu_token(), iugu_token()
    log.write_text(f"api_token={first} api_token={second[:10]}")
    assert run(folder, state) == [("app.log", 1, 11)]
    with log.open("a") as out:
        out.write(f"{second[10:]}\n")
    assert run(folder, state) == run(folder, None)[1:] == [("app.log", 1, 11 + len(first) + 11)]


HEAD = executable(4096)


def test_a_key_split_by_the_end_of_an_appended_binary_is_found_once(tmp_path: Path) -> None:
    folder, state = _watched(tmp_path, "caps")
    capture, first, second = folder / "traffic.pcap", iugu_token(), iugu_token()
    packet = b"\xd4\xc3\xb2\xa1\x02\x00\x04\x00" + bytes(16) + b"\x01\x02\n\x03GET /v1/charge?api_token="
    capture.write_bytes(HEAD + packet + first.encode() + b" HTTP/1.1\0" + packet + second[:12].encode())
    assert len(run(folder, state)) == 1
    with capture.open("ab") as out:
        out.write(second[12:].encode() + b" HTTP/1.1\0" + bytes(40))
    assert run(folder, state) == run(folder, None)[1:]  # the second key, where a whole scan places it
    assert run(folder, state) == []


def test_a_wide_key_split_by_the_end_of_an_appended_binary_is_found_once(tmp_path: Path) -> None:
    folder, state = _watched(tmp_path, "caps")
    journal, token = folder / "events.bin", iugu_token()
    text = f"api_token={token}".encode("utf-16-le")
    journal.write_bytes(HEAD + b"\x02\x03" + text[:41])  # odd: the writer stopped inside a character
    assert run(folder, state) == []
    with journal.open("ab") as out:
        out.write(text[41:] + b"\x02\x03" + bytes(40))
    assert run(folder, state) == run(folder, None) != []


def test_an_old_binary_record_without_line_counts_places_an_appended_key_right(tmp_path: Path) -> None:
    folder, state = _watched(tmp_path, "caps")
    capture = folder / "traffic.pcap"
    packet = b"\x01\x02\n\x03GET /v1/charge?api_token=%s HTTP/1.1\0\n\n"
    capture.write_bytes(HEAD + packet % iugu_token().encode())
    assert len(run(folder, state)) == 1
    with sqlite3.connect(state) as db:  # as a keyaudit that kept no binary line counts wrote it
        db.execute("UPDATE files SET lines = 0, end_column = 0")
    with capture.open("ab") as out:
        out.write(packet % iugu_token().encode())
    assert run(folder, state) == run(folder, None)[1:]
