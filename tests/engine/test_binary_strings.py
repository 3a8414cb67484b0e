"""A binary file's strings are read (`keyaudit.engine.binary_text`): a capture's HTTP call, a serialisation's and a
store's strings, a key compiled into an executable — each finding at the file's own line, counted by its newline
bytes; and a key that runs into the string written after it (a Java object stream's `t`, a SQLite record's next
column) is still the key (`keyaudit.rulebook.validators.asaas_key`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.containers import pcap, sqlite_wal
from helpers.credentials import asaas_key, iugu_token
from helpers.running import scan_json
from helpers.secrecy import scrub
from helpers.serialisations import java_hashmap


def _found(path: Path) -> tuple[list[tuple[str, int]], dict]:
    report, run = scan_json("--no-dedupe", str(path))
    assert report["errors"] == [], scrub(run.stderr)
    return sorted((f["rule_id"], f["location"]["line"]) for f in report["findings"]), report["scan"]


def _line_of(data: bytes, value: str) -> int:
    return data[: data.index(value.encode())].count(b"\n") + 1


def test_a_capture_s_plaintext_call_is_read_at_the_file_s_line(tmp_path: Path) -> None:
    key = asaas_key("prod")
    data = pcap(f"POST /v3/payments HTTP/1.1\nHost: api.asaas.com\naccess_token: {key}\n\n")
    (tmp_path / "call.pcap").write_bytes(data)
    found, scan = _found(tmp_path / "call.pcap")
    assert ("asaas-api-key", _line_of(data, key)) in found
    assert scan["skipped"] == {} and scan["requests"]["binary_files_read_as_strings"] == 1


@pytest.mark.parametrize("pack", [java_hashmap, sqlite_wal], ids=["java-object-stream", "sqlite-wal"])
def test_a_key_run_into_the_next_string_is_the_key(tmp_path: Path, pack) -> None:
    key = asaas_key("prod")
    data = pack(f"ASAAS_API_KEY\t{key}\tproduction\nLOG_LEVEL\tinfo\n")
    (tmp_path / "store.bin").write_bytes(data)
    found, _ = _found(tmp_path / "store.bin")
    assert [line for rule, line in found if rule.startswith("asaas")] == [_line_of(data, key)]


def test_a_cut_key_run_into_a_string_is_no_key(tmp_path: Path) -> None:
    """Only a start that decodes to a whole key's payload is taken: a key cut short, then a word, is none."""
    key = asaas_key("prod")
    data = java_hashmap(f"ASAAS_API_KEY\t{key[:120]}production\nIUGU_HASH\t{iugu_token()}\n")
    (tmp_path / "store.ser").write_bytes(data)
    found, _ = _found(tmp_path / "store.ser")
    assert [rule for rule, _ in found if rule.startswith("asaas")] == []
