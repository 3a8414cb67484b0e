"""Reports as other programs read them: the JSON report and JSON Lines against the published
schema, SARIF against the SARIF 2.1.0 schema, the text view as a person reads it, and paths
relative to the target as the user typed it."""

from __future__ import annotations

import copy
import hashlib
import json
import re
from pathlib import Path

import pytest
from jsonschema import Draft4Validator, Draft202012Validator

from helpers.credentials import iugu_line, iugu_token
from helpers.data import SARIF_SCHEMA_PATH, load_schema
from helpers.running import cli, proc, scan_json
from helpers.secrecy import scrub
from helpers.trees import FOUND_IN_TREE, plant_tree

SEVERITY_ORDER = ["info", "low", "medium", "high", "critical"]


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """A tree with one of every kind of leak, and the current folder at its root."""
    monkeypatch.chdir(tmp_path)
    return plant_tree(tmp_path)


def schema_problems(validator, instance) -> list[str]:
    """Where and why ``instance`` breaks the schema, without quoting the instance itself."""
    return [f"{error.json_path}: {error.validator}" for error in validator.iter_errors(instance)]


def line_validator() -> Draft202012Validator:
    """The schema of one JSON Lines line: a finding with its tool and run."""
    schema = load_schema()
    return Draft202012Validator({"$schema": schema["$schema"], "$defs": schema["$defs"], "$ref": "#/$defs/jsonl_line"})


def canonical_digests(secrets: dict[str, str]) -> set[str]:
    """The digests the report must carry for the planted secrets, computed here: the canonical form
    of an Asaas key is its base64 payload, of a Basic value the token or the user:password."""
    canonical = {
        "asaas-prod": secrets["asaas-prod-payload"].rstrip("="),
        "asaas-hmlg": secrets["asaas-hmlg-payload"].rstrip("="),
        "user:password": secrets["user:password"],
    }
    values = [canonical.get(name, secrets[name]) for name in FOUND_IN_TREE]
    return {"sha256:" + hashlib.sha256(value.encode()).hexdigest() for value in values}


# --- JSON and JSON Lines ------------------------------------------------------------------------


@pytest.mark.parametrize("extra", [[], ["--no-dedupe"], ["--show-secrets"]], ids=["default", "no-dedupe", "shown"])
def test_json_report_validates_against_the_published_schema(tree: dict[str, str], extra: list[str]) -> None:
    report, run = scan_json(*extra, "logs", "src")
    assert run.exit_code == 1
    schema = load_schema()
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema)
    assert schema_problems(validator, report) == []
    # every planted secret is in the report (by digest), and every finding is in a planted file
    digests = {f["secret"]["digest"] for f in report["findings"] if f["secret"]}
    assert canonical_digests(tree) <= digests
    categories = {f["category"] for f in report["findings"]}
    assert {"access-token", "basic-auth", "plaintext-http", "unsigned-transfer"} <= categories
    assert report["errors"] and [e["path"] for e in report["errors"]] == ["logs/zz-broken.log.gz"]
    assert all(f["location"]["path"].startswith(("logs/", "src/")) for f in report["findings"])
    har = [f for f in report["findings"] if f["location"]["path"] == "logs/capture.har"]
    assert har and all(f["location"]["pointer"].startswith("/log/entries/0/") for f in har)
    # the validator is not vacuous: the same report with one wrong value is rejected
    broken = copy.deepcopy(report)
    broken["findings"][0]["severity"] = "urgent"
    assert schema_problems(validator, broken)
    broken = copy.deepcopy(report)
    broken["findings"][0]["location"]["line"] = 0
    assert schema_problems(validator, broken)


def test_each_jsonl_line_is_a_finding_of_the_schema_with_its_run(tree: dict[str, str]) -> None:
    report, _ = scan_json("logs", "src")
    run = cli("scan", "--format", "jsonl", "--jobs", "1", "logs", "src")
    assert run.exit_code == 1
    lines = run.stdout.splitlines()
    one_per_line = run.stdout.endswith("\n") and all(line.strip() for line in lines)
    assert one_per_line, "blank or unterminated lines"
    validator = line_validator()
    findings = [json.loads(line) for line in lines]
    for finding in findings:
        assert schema_problems(validator, finding) == []
    assert [f["fingerprint"] for f in findings] == [f["fingerprint"] for f in report["findings"]]
    assert schema_problems(validator, {**findings[0], "fingerprint": "not-hex"})
    assert schema_problems(validator, {k: v for k, v in findings[0].items() if k != "scan"})


def test_sarif_validates_and_carries_what_code_scanning_needs(tree: dict[str, str]) -> None:
    report, _ = scan_json("logs", "src")
    run = cli("scan", "--format", "sarif", "--jobs", "1", "logs", "src")
    assert run.exit_code == 1
    sarif = json.loads(run.stdout)
    sarif_schema = json.loads(SARIF_SCHEMA_PATH.read_text(encoding="utf-8"))
    validator = Draft4Validator(sarif_schema)
    assert schema_problems(validator, sarif) == []
    assert schema_problems(validator, {**sarif, "version": "2.0.0"})  # the schema does check

    assert sarif["version"] == "2.1.0" and len(sarif["runs"]) == 1
    sarif_run = sarif["runs"][0]
    rules = sarif_run["tool"]["driver"]["rules"]
    severity_of = {f["rule_id"]: f["severity"] for f in report["findings"]}
    for rule in rules:
        assert rule["help"]["text"].strip() and rule["shortDescription"]["text"].strip()
        score = float(rule["properties"]["security-severity"])
        assert 0.0 <= score <= 10.0
    # GitHub's bands: critical > 9.0, high 7.0-8.9, medium 4.0-6.9, low 0.1-3.9
    bands = {"critical": (9.0, 10.0), "high": (7.0, 8.9), "medium": (4.0, 6.9), "low": (0.1, 3.9)}
    by_id = {rule["id"]: rule for rule in rules}
    for rule_id, severity in severity_of.items():
        low, high = bands[severity]
        assert low <= float(by_id[rule_id]["properties"]["security-severity"]) <= high, rule_id

    results = sarif_run["results"]
    assert len(results) == len(report["findings"])
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert re.fullmatch(r"[0-9a-f]{32}", next(iter(result["partialFingerprints"].values())))
    assert sorted(next(iter(r["partialFingerprints"].values())) for r in results) == \
        sorted(f["fingerprint"] for f in report["findings"])
    places = sorted((r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
                     r["locations"][0]["physicalLocation"]["region"]["startLine"],
                     r["locations"][0]["physicalLocation"]["region"]["startColumn"],
                     r["locations"][0]["physicalLocation"]["region"]["endColumn"]) for r in results)
    assert places == sorted((f["location"]["path"], f["location"]["line"], f["location"]["column"],
                             f["location"]["end_column"]) for f in report["findings"])
    assert all(r["locations"][0]["physicalLocation"]["artifactLocation"].get("uriBaseId") == "%SRCROOT%"
               for r in results)
    notifications = sarif_run["invocations"][0]["toolExecutionNotifications"]
    assert [n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for n in notifications] == \
        ["logs/zz-broken.log.gz"]


# --- the text view ------------------------------------------------------------------------------

SUMMARY = re.compile(r"^(\d+) findings? (?:\(([^)]*)\) )?in (\d+) files?; .*")


def test_text_report_through_a_pipe_has_no_colour_and_ends_with_a_summary(tree: dict[str, str],
                                                                          tmp_path: Path) -> None:
    report, _ = scan_json("logs", "src")
    done = proc("scan", "--jobs", "1", "logs", "src", cwd=tmp_path)
    code = done.returncode
    assert code == 1, scrub(done.stderr)
    out = done.stdout.decode("utf-8")
    escapes = "\x1b" in out or "\x1b" in done.stderr.decode("utf-8")
    assert not escapes, "ANSI escapes in output to a pipe"
    lines = [line for line in out.splitlines() if line.strip()]
    summary = SUMMARY.match(lines[-1])
    assert summary, "the last line is not a summary"
    assert int(summary.group(1)) == len(report["findings"])
    assert int(summary.group(3)) == report["scan"]["files_scanned"]
    by_severity = dict(reversed(part.split(" ", 1)) for part in summary.group(2).split(", "))
    for severity, count in by_severity.items():
        assert int(count) == sum(f["severity"] == severity for f in report["findings"])
    summary_line = lines[-1]
    assert "; 1 input failed;" in summary_line, scrub(summary_line)
    # grouped by file: each file with findings is a heading, each finding a "line:column" row
    headings_missing = sorted({f["location"]["path"] for f in report["findings"]} - set(lines))
    assert headings_missing == []
    for finding in report["findings"]:
        row = f"  {finding['location']['line']}:{finding['location']['column']} "
        assert any(line.startswith(row) and finding["rule_id"] in line for line in lines), finding["rule_id"]


def test_text_report_grouped_by_rule(tree: dict[str, str]) -> None:
    report, _ = scan_json("logs", "src")
    run = cli("scan", "--jobs", "1", "--group-by", "rule", "logs", "src")
    assert run.exit_code == 1
    escapes = "\x1b" in run.stdout
    assert not escapes, "ANSI escapes in output that is not a terminal"
    lines = run.stdout.splitlines()
    headings = {}
    for line in lines:
        heading = re.match(r"^([a-z0-9-]+)  .*\((\d+)\)$", line)
        if heading:
            headings[heading.group(1)] = int(heading.group(2))
    expected: dict[str, int] = {}
    for finding in report["findings"]:
        expected[finding["rule_id"]] = expected.get(finding["rule_id"], 0) + 1
    assert headings == expected
    # rules come most severe first
    ranks = [max(SEVERITY_ORDER.index(f["severity"]) for f in report["findings"] if f["rule_id"] == rule_id)
             for rule_id in headings]
    assert ranks == sorted(ranks, reverse=True)
    rows = {line.split()[0] for line in lines if line.startswith("  ")}
    assert rows == {f"{f['location']['path']}:{f['location']['line']}:{f['location']['column']}"
                    for f in report["findings"]}
    assert SUMMARY.match([line for line in lines if line.strip()][-1])


# --- paths as the user gave them ----------------------------------------------------------------


@pytest.mark.parametrize("target,cwd,expected", [
    ("logs", ".", "logs/app/access.log"),
    ("logs/", ".", "logs/app/access.log"),
    ("./logs", ".", "./logs/app/access.log"),
    ("logs/app/access.log", ".", "logs/app/access.log"),
    (".", "logs", "app/access.log"),
    ("../app", "logs/app", "../app/access.log"),
    ("ABSOLUTE", ".", "ABSOLUTE/app/access.log"),
])
def test_paths_are_relative_to_the_target_as_given(tmp_path: Path, target: str, cwd: str, expected: str) -> None:
    (tmp_path / "logs" / "app").mkdir(parents=True)
    (tmp_path / "logs" / "app" / "access.log").write_text("x\n" + iugu_line(iugu_token()) + "\n")
    absolute = str(tmp_path / "logs")
    target, expected = target.replace("ABSOLUTE", absolute), expected.replace("ABSOLUTE", absolute)
    done = proc("scan", "--format", "json", "--jobs", "1", target, cwd=tmp_path / cwd)
    code = done.returncode
    assert code == 1, scrub(done.stderr)
    report = json.loads(done.stdout)
    assert [f["location"]["path"] for f in report["findings"]] == [expected]
    assert report["scan"]["targets"] == [target]
