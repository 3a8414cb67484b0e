"""A commit hook and staged binary files: their strings are read within one budget for the whole commit
(STAGED_BINARY_BYTES), what lies past it is said in every format, and no key the bound cuts is shown past a quarter."""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
from pathlib import Path

from helpers.binaries import executable
from helpers.credentials import iugu_token
from helpers.har import entry, har
from helpers.repos import git, new_repo
from keyaudit.model.result import STAGED_BINARY_BYTES

HEAD = executable(4096)
# a.core is read as far as the budget, which leaves none for b.bin: said apart, not as read in part
SAID = "1 binary file read in part and 1 not read (a commit hook reads 128 KiB of binary content in all)"


def keyaudit(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "KEYAUDIT_DIGEST_KEY": ""}
    env.pop("PRE_COMMIT", None)
    return subprocess.run([sys.executable, "-m", "keyaudit", "scan", *args], cwd=repo, capture_output=True, text=True,
                          env=env)


def holding(keys: dict[int, str], size: int) -> bytes:
    """A binary file of ``size`` bytes, log text among its control bytes (as a core dump or a journal holds it),
    with ``api_token=KEY`` at each offset given."""
    data = bytearray((HEAD * (size // len(HEAD) + 1))[:size])
    for at, key in keys.items():
        line = f"\0GET /v1/charge?api_token={key}\0".encode()
        data[at : at + len(line)] = line
    return bytes(data)


def test_a_commit_reads_binary_content_within_one_budget_and_says_what_it_left(tmp_path: Path) -> None:
    repo = new_repo(tmp_path / "repo")
    early, late, other = iugu_token(), iugu_token(), iugu_token()
    (repo / "a.core").write_bytes(holding({1000: early, STAGED_BINARY_BYTES + 5000: late}, STAGED_BINARY_BYTES * 2))
    (repo / "b.bin").write_bytes(holding({100: other}, 2000))  # the budget is spent by a.core: b.bin is not read
    git(repo, "add", "-A")
    run = keyaudit(repo, "--staged", "--format", "json")
    report = json.loads(run.stdout)
    assert [(f["location"]["path"], f["location"]["line"]) for f in report["findings"]] == \
        [("a.core", holding({1000: early}, 1100).count(b"\n") + 1)]
    statistics = report["scan"]["requests"]
    assert (statistics["binary_files_cut"], statistics["binary_files_not_read"]) == (1, 1)
    assert report["scan"]["read_in_part"] == SAID
    text = keyaudit(repo, "--staged")
    assert SAID in text.stdout + text.stderr
    lines = [json.loads(line) for line in keyaudit(repo, "--staged", "--format", "jsonl").stdout.splitlines()]
    assert [line["scan"]["read_in_part"] for line in lines] == [SAID]
    events = [json.loads(line) for line in keyaudit(repo, "--staged", "--format", "ecs").stdout.splitlines()]
    assert [event["keyaudit"]["scan"]["read_in_part"] for event in events] == [SAID]
    sarif = json.loads(keyaudit(repo, "--staged", "--format", "sarif").stdout)
    notes = sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert [note["message"]["text"] for note in notes] == [SAID]
    whole = json.loads(keyaudit(repo, "--format", "json", "--jobs", "1", "a.core", "b.bin").stdout)
    assert len(whole["findings"]) == 3 and "read_in_part" not in whole["scan"]  # a scan that is no hook: all


def test_a_key_the_budget_cuts_is_shown_as_a_quarter_at_most_in_every_format(tmp_path: Path) -> None:
    repo = new_repo(tmp_path / "repo")
    keys = [iugu_token() for _ in range(8)]
    # Each key straddles the budget's end at another of its characters: the part read is a key's start.
    for index, key in enumerate(keys):
        start = STAGED_BINARY_BYTES - len("\0GET /v1/charge?api_token=") - 4 * index - 2
        (repo / f"cut{index}.bin").write_bytes(holding({start: key}, STAGED_BINARY_BYTES + 4096))
        git(repo, "add", "-A")
        for form in ("text", "json", "jsonl", "sarif", "ecs"):
            run = keyaudit(repo, "--staged", "--format", form)
            pieces = {key[at : at + 9] for at in range(len(key) - 8)}
            assert sum(piece in run.stdout + run.stderr for piece in pieces) == 0, f"{form}: a key shown past a quarter"
        git(repo, "rm", "-q", "--cached", f"cut{index}.bin")


def test_a_staged_capture_s_binary_bodies_spend_the_same_budget(tmp_path: Path) -> None:
    # A HAR's gRPC body is binary content as a file of it is: read for its strings within the commit's budget.
    repo = new_repo(tmp_path / "repo")
    early, late, spent = iugu_token(), iugu_token(), iugu_token()
    body = holding({1000: early, STAGED_BINARY_BYTES + 5000: late}, STAGED_BINARY_BYTES * 2)
    second = holding({100: spent}, 2000)  # the budget is spent by the first body: not read
    entries = [entry("POST", f"https://api.shop.example/rpc/{index}", response_text=base64.b64encode(data).decode(),
                     encoding="base64") for index, data in enumerate((body, second))]
    (repo / "session.har").write_text(json.dumps(har(entries)))
    git(repo, "add", "-A")
    report = json.loads(keyaudit(repo, "--staged", "--format", "json").stdout)
    assert len(report["findings"]) == 1
    statistics = report["scan"]["requests"]
    assert (statistics.get("binary_files_cut"), statistics.get("binary_files_not_read")) == (1, 1)
    assert report["scan"]["read_in_part"] == SAID
    whole = json.loads(keyaudit(repo, "--format", "json", "--jobs", "1", "session.har").stdout)
    assert len(whole["findings"]) == 3 and "read_in_part" not in whole["scan"]  # no hook: every body whole
