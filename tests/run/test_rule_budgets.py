"""Rule time budgets: a user rule that backtracks costs each file a bounded time, is named once
per file it lost, and the other rules and files are scanned whole.

Reproduces issue 13's case: a rule with a nested quantifier, ``(a+)+$``, over lines crafted to make
it backtrack was given ~30 s per 1 MiB buffer and region, so a 3 MB file took 72 s; and in a HAR
its time-outs were dropped without a word. The budgets are made small with ``--rule-time`` (the
documented knob), so each case takes about a second; without budgets each would take minutes.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers.credentials import asaas_key
from helpers.running import proc, run_scan
from helpers.secrecy import scrub
from keyaudit.engine.budget import FILES_LOST_PER_SCAN

BACKTRACKING_RULE = """\
rules:
  - id: backtracking-rule
    title: A rule that backtracks on crafted lines
    provider: acme
    category: access-token
    severity: high
    keywords: [slowkey]
    pattern: '(?m)slowkey=(?P<secret>(a+)+$)'
  - id: backtracking-context
    title: A rule whose context pattern backtracks
    provider: acme
    category: access-token
    severity: high
    keywords: [ctxkey]
    pattern: 'ctxkey=(?P<secret>[0-9]{6})'
    context: {pattern: '(\\w+\\s?)+$', window: 2000}
"""
CRAFTED = "slowkey=" + "a" * 60_000 + "!\n"  # (a+)+$ backtracks over it: ~15 s a line unbudgeted
RULE_TIME = "0.2"


@pytest.fixture
def rule_file(tmp_path: Path) -> Path:
    path = tmp_path / "rules" / "slow.yaml"
    path.parent.mkdir()
    path.write_text(BACKTRACKING_RULE)
    return path


def crafted_log(path: Path, lines: int = 3) -> str:
    """A log where the backtracking rule matches its first line, then meets crafted lines, and a
    real key follows them; the key is returned."""
    key = asaas_key()
    path.write_text("slowkey=aaaa\n" + CRAFTED * lines + f"ASAAS_API_KEY={key}\n")
    return key


def scan(folder: Path, rule_file: Path, *extra: str) -> tuple[dict, list[str]]:
    """``keyaudit scan`` as a real process (a minute at most: unbudgeted, this takes many)."""
    run = proc("scan", "--format", "json", "--jobs", "1", "--no-dedupe", "--rule-time", RULE_TIME,
               "--rules", str(rule_file), *extra, ".", cwd=folder, timeout=60)
    stderr = run.stderr.decode("utf-8", "replace")
    assert run.returncode == 1 and "Traceback" not in stderr, scrub(stderr)
    return json.loads(run.stdout), [line for line in stderr.splitlines() if line.startswith("keyaudit: error:")]


def test_a_rule_out_of_time_is_stopped_for_that_file_and_named_once(tmp_path: Path, rule_file: Path) -> None:
    logs = tmp_path / "logs"
    logs.mkdir()
    for name in ("a.log", "b.log"):
        crafted_log(logs / name, lines=50)  # 3 MB each, as in the report
    report, errors = scan(logs, rule_file)
    found = sorted((f["rule_id"], f["location"]["path"], f["location"]["line"]) for f in report["findings"])
    assert found == [("asaas-api-key", "a.log", 52), ("asaas-api-key", "b.log", 52),
                     ("backtracking-rule", "a.log", 1), ("backtracking-rule", "b.log", 1)]  # hits before it ran out stay
    assert len(errors) == 2, errors
    for name, line in zip(("a.log", "b.log"), errors):
        assert line.startswith(f"keyaudit: error: {name}: rule 'backtracking-rule' ran out of time on this file"), line
    assert [e["path"] for e in report["errors"]] == ["a.log", "b.log"]


def test_a_rule_that_keeps_running_out_is_off_for_the_rest_of_the_scan(tmp_path: Path, rule_file: Path) -> None:
    logs = tmp_path / "logs"
    logs.mkdir()
    names = [f"app-{index:02d}.log" for index in range(FILES_LOST_PER_SCAN + 3)]
    for name in names:
        crafted_log(logs / name)
    report, errors = scan(logs, rule_file)
    assert sorted(f["location"]["path"] for f in report["findings"] if f["rule_id"] == "asaas-api-key") == names
    named = [line.split(": ")[2] for line in errors]
    assert named == names, errors  # every file once, none silently
    ran_out = [line for line in errors if "ran out of time on this file" in line]
    not_run = [line for line in errors if "was not run on this file" in line]
    assert 1 <= len(ran_out) <= FILES_LOST_PER_SCAN and len(ran_out) + len(not_run) == len(names)
    assert errors == ran_out + not_run  # once off, it stays off
    assert all("off for the rest of the scan" in line for line in not_run)


def test_a_backtracking_context_pattern_is_budgeted_too(tmp_path: Path, rule_file: Path) -> None:
    logs = tmp_path / "logs"
    logs.mkdir()
    key = asaas_key()
    (logs / "ctx.log").write_text("".join(f"ctxkey={100000 + i} {'a' * 1500}!\n" for i in range(40))
                                  + f"ASAAS_API_KEY={key}\n")
    report, errors = scan(logs, rule_file)
    assert [(f["rule_id"], f["location"]["line"]) for f in report["findings"]] == [("asaas-api-key", 41)]
    assert len(errors) == 1 and "ctx.log: rule 'backtracking-context' ran out of time" in errors[0], errors


def test_a_har_names_the_rule_once_for_all_its_fields(tmp_path: Path, rule_file: Path) -> None:
    captures = tmp_path / "captures"
    captures.mkdir()
    key = asaas_key()
    entries = [{"request": {"method": "GET", "url": f"https://example.com/{index}",
                            "headers": [{"name": "X-Note", "value": "slowkey=aaaa\n" + CRAFTED}]}}
               for index in range(3)]
    entries.append({"request": {"method": "GET", "url": "https://api.asaas.com/v3/customers",
                                "headers": [{"name": "access_token", "value": key}]}})
    (captures / "flows.har").write_text(json.dumps({"log": {"version": "1.2", "entries": entries}}))
    report, errors = scan(captures, rule_file)
    assert "asaas-api-key" in {f["rule_id"] for f in report["findings"]}
    assert len(errors) == 1 and "flows.har: rule 'backtracking-rule' ran out of time" in errors[0], errors


def test_the_budget_reaches_scans_from_the_python_api(tmp_path: Path, rule_file: Path) -> None:
    path = tmp_path / "api.log"
    crafted_log(path)
    result = run_scan(str(path), rules=(rule_file,), rule_time=0.2, jobs=1)
    assert [f.rule_id for f in result.findings] == ["backtracking-rule", "asaas-api-key"]
    assert [(e.path, e.message.split(" ran out")[0]) for e in result.errors] == [(str(path), "rule 'backtracking-rule'")]
