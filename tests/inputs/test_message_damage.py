"""Hostile e-mail costs at most that message's unreadable piece: a header, a part too deep, never
the message's other keys, never a key printed in full."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Callable

import pytest

from helpers.credentials import asaas_key
from helpers.running import peak_rss_of_scan, scan_json


@pytest.fixture(autouse=True)
def _neutral_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def good_file(tmp_path: Path) -> str:
    """A log with a key beside the hostile input: the scan must go on to it."""
    key = asaas_key()
    (tmp_path / "good.log").write_text(f"api access_token={key}\n")
    return key


def secrets_found(report: dict) -> dict[str, set[str]]:
    """The values found, by file name (the scan ran with --show-secrets)."""
    values: dict[str, set[str]] = {}
    for finding in report["findings"]:
        if finding["secret"] is not None:
            values.setdefault(Path(finding["location"]["path"]).name, set()).add(finding["secret"]["value"])
    return values


def test_an_encoded_word_whose_charset_is_not_ascii_leaves_the_header_as_written(tmp_path: Path) -> None:
    beside, key = good_file(tmp_path), asaas_key()
    (tmp_path / "t.eml").write_bytes(b"From: a@b.com\nTo: c@d.com\nSubject: =?utf-\xe9?Q?hi?=\nMessage-ID: <1@x>\n\n"
                                     + f"my key access_token={key}\n".encode())
    report, run = scan_json("--show-secrets", str(tmp_path))
    assert secrets_found(report) == {"good.log": {beside}, "t.eml": {key}}
    assert [(Path(error["path"]).name, error["message"]) for error in report["errors"]] == \
        [("t.eml", "message <1@x>: header 'Subject': encoded words that do not decode; read as written")]
    assert "internal error" not in run.stderr


def nested_multiparts(depth: int, innermost: bytes) -> bytes:
    """A message of ``depth`` multipart/mixed parts each inside the one before (no closing
    boundaries, as the hostile samples are), ``innermost`` in the last."""
    head = b"From: a@b.com\nTo: c@d.com\nSubject: hi\nMessage-ID: <5@x>\nMIME-Version: 1.0\n"
    levels = b"".join(b'Content-Type: multipart/mixed; boundary="b%d"\n\n--b%d\n' % (level, level)
                      for level in range(depth))
    return head + levels + b"Content-Type: text/plain\n\n" + innermost


def attached_messages(depth: int, innermost: bytes) -> bytes:
    head = b"From: a@b.com\nTo: c@d.com\nSubject: hi\nMessage-ID: <6@x>\nMIME-Version: 1.0\n"
    return head + b"Content-Type: message/rfc822\n\n" * depth + b"Content-Type: text/plain\n\n" + innermost


@pytest.mark.parametrize("nest, depth", [(nested_multiparts, 500), (attached_messages, 2000)],
                         ids=["multipart", "rfc822"])
def test_mime_nested_without_end_is_read_as_written_below_its_bound(tmp_path: Path, nest: Callable[[int, bytes], bytes],
                                                                    depth: int) -> None:
    beside, key = good_file(tmp_path), asaas_key()
    (tmp_path / "deep.eml").write_bytes(nest(depth, f"access_token={key}\n".encode()))
    report, run = scan_json("--show-secrets", str(tmp_path))
    assert secrets_found(report) == {"good.log": {beside}, "deep.eml": {key}}
    [error] = report["errors"]
    assert Path(error["path"]).name == "deep.eml" and "nested more than 24 deep: read as written" in error["message"]
    assert "internal error" not in run.stderr


@pytest.mark.parametrize("depth, size", [(400, 1_000_000), (24, 20_000_000)], ids=["past-the-bound", "within"])
def test_memory_does_not_grow_with_depth_times_size(tmp_path: Path, depth: int, size: int) -> None:
    """400 levels around a 1 MB body held 1.4 GB: each level copied what it encloses (three
    times); within the bound, 24 levels around 20 MB still held 600 MB with one copy a level."""
    key = asaas_key()
    body = (b"x" * 99 + b"\n") * (size // 100) + f"access_token={key}\n".encode()
    (tmp_path / "pad.eml").write_bytes(nested_multiparts(depth, body))
    script = ("import resource, subprocess, sys; "
              "run = subprocess.run([sys.executable, '-m', 'keyaudit', 'scan', '--jobs', '1', '--format', 'json', "
              "sys.argv[1]], capture_output=True, text=True); "
              "print(run.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    code, peak_kib = subprocess.run([sys.executable, "-c", script, str(tmp_path)], capture_output=True, text=True,
                                    check=True).stdout.split()
    assert code == "1"  # the key found
    assert int(peak_kib) < 300_000


def test_a_key_written_into_a_message_id_is_redacted_where_the_message_is_named(tmp_path: Path) -> None:
    beside, key = good_file(tmp_path), asaas_key()
    (tmp_path / "t.eml").write_bytes(
        f"From: a@b.com\nTo: c@d.com\nSubject: hi\nMessage-ID: <access_token={key}@x>\nMIME-Version: 1.0\n"
        'Content-Type: multipart/mixed; boundary="B"\n\n--B\nContent-Type: text/plain\n'
        "Content-Transfer-Encoding: base64\n\nYWNj!!!\n--B\nContent-Type: text/plain\n\n"
        f"my key access_token={key}\n--B--\n".encode())
    report, run = scan_json(str(tmp_path))
    [error] = report["errors"]
    pointers = {finding["location"]["pointer"] for finding in report["findings"]}
    for shown in (run.stderr, run.stdout, error["message"], *filter(None, pointers)):
        assert key[len("$aact_prod_000"):][:16] not in shown
    redacted = next(f["secret"]["redacted"] for f in report["findings"] if f["location"]["path"].endswith("t.eml"))
    assert f"message <access_token={redacted}@x> part 1: damaged base64" in error["message"]
    assert f"message <access_token={redacted}@x>" in pointers
    assert any(f["location"]["path"].endswith("good.log") for f in report["findings"])


def test_memory_does_not_grow_with_the_count_of_damaged_messages(tmp_path: Path) -> None:
    """Every damaged message was kept for an error line that names four: a mailbox of 300,000
    took 150 MB more than one of a few."""
    pytest.importorskip("resource")
    damaged = ("From a@b Mon Jan  1 00:00:00 2024\nFrom: a@b\nTo: c@d\nSubject: s\nMessage-ID: <{}@x>\n"
               "Content-Type: multipart/mixed; boundary=zz\n\n--zz\nContent-Transfer-Encoding: base64\n\n!!!\n\n")
    peaks = []
    for count in (2_000, 60_000):
        path = tmp_path / f"damaged-{count}.mbox"
        path.write_text("".join(damaged.format(index) for index in range(count))
                        + f"From a@b Mon Jan  1 00:00:00 2024\nFrom: a@b\nTo: c@d\n\napi access_token={asaas_key()}\n")
        peak, report = peak_rss_of_scan(path)
        peaks.append(peak)
        [error] = report["errors"]
        assert f"; and {2 * count - 1} more: message 1 <0@x>, message 2 <1@x> part 1, " in error["message"]
    assert peaks[1] - peaks[0] < 12 << 20, f"peak RSS {peaks[0] >> 20} MB, then {peaks[1] >> 20} MB"
