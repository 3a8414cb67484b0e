"""SARIF as GitHub code scanning takes it: real scans of real git repositories, run from a
sub-folder and from outside with an absolute target, checked against the SARIF 2.1.0 schema and
against what code scanning documents (helpers.code_scanning); the kinds of scan told apart; other
places of a finding as related locations; and the upload limits kept, with a warning."""

from __future__ import annotations

import gzip
import json
import os
import random
from dataclasses import replace
from pathlib import Path
from urllib.parse import quote

import pytest

from helpers.code_scanning import code_scanning_problems, schema_problems
from helpers.credentials import iugu_line, iugu_token
from helpers.repos import git, init_repo
from helpers.running import cli, proc, scan_json
from helpers.secrecy import scrub
from helpers.trees import plant_tree
from keyaudit.model.findings import Finding, Location, Occurrences
from keyaudit.model.result import ScanResult, SourceRoot
from keyaudit.model.vocabulary import SEVERITIES, RuleInfo
from keyaudit.report.options import ReportOptions
from keyaudit.report.sarif import chunks, render
from keyaudit.report.sarif_limits import Limits
from keyaudit.rulebook.loader import load_rules


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A committed git repository with one of every kind of leak under ``logs/`` and ``src/``."""
    root = tmp_path / "work" / "repo"
    plant_tree(root)
    return init_repo(root)


def sarif_run(document: bytes) -> dict:
    """The one run of a SARIF document that validates and meets code scanning's requirements."""
    sarif = json.loads(document)
    assert schema_problems(sarif) == []
    assert code_scanning_problems(sarif, document) == []
    assert len(sarif["runs"]) == 1
    return sarif["runs"][0]


def uris(run: dict) -> list[str]:
    return sorted(result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for result in run["results"])


def expected_uris(report: dict, cwd: Path, root: Path) -> list[str]:
    """The JSON report's paths (relative to where the scan ran) as paths from ``root``."""
    return sorted(quote(os.path.relpath(cwd / f["location"]["path"], root)) for f in report["findings"])


# --- paths from the repository root -------------------------------------------------------------


def test_a_repository_scanned_from_a_sub_folder_gives_paths_from_its_root(repo: Path) -> None:
    here = repo / "logs"
    done = proc("scan", "--format", "sarif", "--jobs", "1", ".", "../src", cwd=here)
    assert done.returncode == 1, scrub(done.stderr)
    run = sarif_run(done.stdout)
    report = json.loads(proc("scan", "--format", "json", "--jobs", "1", ".", "../src", cwd=here).stdout)
    assert any(f["location"]["path"].startswith("../src/") for f in report["findings"])  # as typed
    assert uris(run) == expected_uris(report, here, repo)
    assert {uri.split("/")[0] for uri in uris(run)} == {"logs", "src"}  # never ../src
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == repo.as_uri() + "/"
    assert "git work tree" in run["originalUriBaseIds"]["%SRCROOT%"]["description"]["text"]
    assert run["automationDetails"]["id"] == "keyaudit/source/"
    errors = run["invocations"][0]["toolExecutionNotifications"]
    assert [n["locations"][0]["physicalLocation"]["artifactLocation"] for n in errors] == \
        [{"uri": "logs/zz-broken.log.gz", "uriBaseId": "%SRCROOT%"}]


def test_an_absolute_target_inside_a_repository_gives_paths_from_its_root(repo: Path, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    targets = (str(repo / "src"), str(repo / "logs" / "access.log"))
    done = proc("scan", "--format", "sarif", "--jobs", "1", *targets, cwd=outside)
    assert done.returncode == 1, scrub(done.stderr)
    run = sarif_run(done.stdout)
    report = json.loads(proc("scan", "--format", "json", "--jobs", "1", *targets, cwd=outside).stdout)
    assert report["findings"][0]["location"]["path"].startswith(str(repo))  # as typed: absolute
    assert uris(run) == expected_uris(report, outside, repo)
    assert {uri.split("/")[0] for uri in uris(run)} == {"logs", "src"}
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == repo.as_uri() + "/"
    assert run["automationDetails"]["id"] == "keyaudit/source/"


def test_outside_a_repository_paths_start_at_the_target_folder(tmp_path: Path) -> None:
    exported = tmp_path / "exported"
    plant_tree(exported)
    (exported / "logs" / "a b.log").write_text(iugu_line(iugu_token()) + "\n")
    cwd = tmp_path / "elsewhere"
    cwd.mkdir()
    done = proc("scan", "--format", "sarif", "--jobs", "1", str(exported / "logs"), cwd=cwd)
    assert done.returncode == 1, scrub(done.stderr)
    run = sarif_run(done.stdout)
    report, _ = scan_json(str(exported / "logs"))
    assert uris(run) == expected_uris(report, cwd, exported / "logs")
    assert "a%20b.log" in uris(run) and not any("/" in uri.split("!")[0] for uri in uris(run))
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == (exported / "logs").as_uri() + "/"
    assert "not in a git work tree" in run["originalUriBaseIds"]["%SRCROOT%"]["description"]["text"]
    assert run["automationDetails"]["id"] == "keyaudit/logs/"


def test_a_staged_scan_from_a_sub_folder_gives_paths_from_the_root(repo: Path) -> None:
    (repo / "src" / "billing.py").write_text(f'IUGU_API_TOKEN = "{iugu_token()}"\n')
    git(repo, "add", "src/billing.py")
    done = proc("scan", "--staged", "--format", "sarif", cwd=repo / "src")
    assert done.returncode == 1, scrub(done.stderr)
    run = sarif_run(done.stdout)
    assert uris(run) == ["src/billing.py"]
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == repo.as_uri() + "/"
    assert run["automationDetails"]["id"] == "keyaudit/staged/"


def test_the_category_tells_kinds_of_scan_apart(repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "logs").mkdir()
    (tmp_path / "logs" / "app.log").write_text(iugu_line(iugu_token()) + "\n")
    har = repo / "logs" / "capture.har"
    cases = {
        (str(repo),): "keyaudit/source/",
        ("logs",): "keyaudit/logs/",
        (str(har),): "keyaudit/har/",
        ("logs", str(repo / "src")): "keyaudit/source+logs/",
        ("-",): "keyaudit/stdin/",
    }
    found = {}
    for targets, _ in cases.items():
        run = cli("scan", "--format", "sarif", "--jobs", "1", *targets, input=iugu_line(iugu_token()))
        assert run.exit_code == 1, scrub(run.stderr)
        found[targets] = json.loads(run.stdout)["runs"][0]["automationDetails"]["id"]
    assert found == cases
    again = cli("scan", "--format", "sarif", "--jobs", "1", "logs")
    assert json.loads(again.stdout)["runs"][0]["automationDetails"]["id"] == cases[("logs",)]  # stable


# --- rules: help, link and what to do, for every rule -------------------------------------------


def test_every_rule_has_its_help_link_and_what_to_do(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "clean.txt").write_text("nothing here\n")
    run = cli("scan", "--format", "sarif", "clean.txt")
    assert run.exit_code == 0, scrub(run.stderr)
    listed = sarif_run(run.stdout.encode())["tool"]["driver"]["rules"]
    shipped = load_rules()
    every = shipped.every
    assert [rule["id"] for rule in listed] == [rule.id for rule in every]
    for rule, entry in zip(every, listed):
        assert entry["helpUri"] == rule.references[0]
        assert rule.remediation in entry["help"]["text"] and rule.remediation in entry["help"]["markdown"]
        assert "\n\n" in entry["help"]["markdown"] and all(url in entry["help"]["markdown"] for url in rule.references)


# --- other places of a finding ------------------------------------------------------------------


def test_other_places_in_the_same_file_are_related_locations(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    token = iugu_token()
    (tmp_path / "a.log").write_text("\n".join([iugu_line(token), "x", iugu_line(token), "y", iugu_line(token)]) + "\n")
    (tmp_path / "b.log").write_text(iugu_line(token) + "\n")
    run = cli("scan", "--format", "sarif", "--jobs", "1", "a.log", "b.log")
    assert run.exit_code == 1, scrub(run.stderr)
    results = sarif_run(run.stdout.encode())["results"]
    for result in results:
        own = result["locations"][0]["physicalLocation"]
        related = result.get("relatedLocations", [])
        assert all(place["physicalLocation"]["artifactLocation"] == own["artifactLocation"] for place in related)
    in_a = next(r for r in results if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "a.log")
    assert in_a["locations"][0]["physicalLocation"]["region"]["startLine"] == 1
    assert [place["physicalLocation"]["region"]["startLine"] for place in in_a["relatedLocations"]] == [3, 5]
    assert [place["id"] for place in in_a["relatedLocations"]] == [1, 2]
    assert "also at lines [3](1), [5](2)" in in_a["message"]["text"]
    assert token not in run.stdout


def rule_info(rule_id: str, severity: str) -> RuleInfo:
    return RuleInfo(id=rule_id, title=f"{rule_id} title", provider="acme", category="plaintext-http",
                    severity=severity, confidence="high", source="test", description="why",
                    remediation="what to do", references=("https://acme.example/docs",))


def request_finding(rule: RuleInfo, path: str, line: int, rng: random.Random) -> Finding:
    """A finding about a request (no secret), its URL random enough not to compress."""
    url = f"http://api.acme.example/{rng.randbytes(48).hex()}"
    return Finding(rule.id, rule.category, rule.severity, rule.confidence, rule.provider, rule.title, rule.title,
                   Location(path, line, 1, line, 20), None, context={"method": "GET", "url": url})


def synthetic(tmp_path: Path, counts: dict[str, int]) -> ScanResult:
    """A scan result with ``counts[severity]`` request findings of each severity, interleaved in
    report order, under ``tmp_path``."""
    rng = random.Random(7)
    rules = {severity: rule_info(f"acme-{severity}", severity) for severity in counts}
    order = [severity for severity, count in counts.items() for _ in range(count)]
    rng.shuffle(order)
    findings = [request_finding(rules[severity], "app.log", line, rng) for line, severity in enumerate(order, 1)]
    return ScanResult(targets=["app.log"], rules=list(rules.values()), findings=findings,
                      source_root=SourceRoot(str(tmp_path), False, str(tmp_path)), target_kind="logs")


def collected(result: ScanResult, limits: Limits | None = None) -> tuple[dict, bytes, list[str]]:
    warnings: list[str] = []
    options = ReportOptions(warn=warnings.append)
    text = "".join(chunks(result, options, limits) if limits else render(result, options))
    return json.loads(text), text.encode("utf-8"), warnings


def test_related_locations_are_capped_and_the_rest_counted(tmp_path: Path) -> None:
    result = synthetic(tmp_path, {"high": 1})
    finding = result.findings[0]
    finding.occurrences = Occurrences(cap=200)
    for line in range(1, 151):
        finding.occurrences.add(replace(finding, location=Location("app.log", line, 1, line, 20)))
    sarif, document, warnings = collected(result)
    assert code_scanning_problems(sarif, document) == []
    entry = sarif["runs"][0]["results"][0]
    assert [place["id"] for place in entry["relatedLocations"]] == list(range(1, 100))
    assert entry["message"]["text"].endswith("also at lines [2](1), [3](2), [4](3), [5](4), [6](5) and 144 more times")
    assert len(warnings) == 1 and "99 of their other places" in warnings[0]
    notes = sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert [note["message"]["text"] for note in notes] == warnings


# --- GitHub's upload limits ---------------------------------------------------------------------


def test_over_25000_results_the_most_severe_are_kept_and_it_is_said(tmp_path: Path) -> None:
    result = synthetic(tmp_path, {"low": 10, "high": 25_000, "critical": 10})
    sarif, document, warnings = collected(result)
    assert code_scanning_problems(sarif, document) == []
    run = sarif["runs"][0]
    kept = [run["tool"]["driver"]["rules"][r["ruleIndex"]]["id"] for r in run["results"]]
    assert len(kept) == 25_000 and kept.count("acme-critical") == 10 and "acme-low" not in kept
    assert warnings == ["SARIF: 20 of 25,020 results left out, the least severe: GitHub accepts at most 25,000 "
                        "results in a run (and shows the 5,000 most severe)"]
    assert [n["message"]["text"] for n in run["invocations"][0]["toolExecutionNotifications"]] == warnings


def test_a_scan_over_the_results_limit_warns_on_stderr(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    rng = random.Random(3)
    (tmp_path / "many.log").write_text("".join(iugu_line(iugu_token(rng=rng)) + "\n" for _ in range(25_003)))
    run = cli("scan", "--format", "sarif", "--jobs", "1", "many.log")
    assert run.exit_code == 1
    warning = "SARIF: 3 of 25,003 results left out, the least severe: GitHub accepts at most 25,000 results"
    assert [line for line in run.stderr.splitlines() if "warning" in line] == \
        [f"keyaudit: warning: {warning} in a run (and shows the 5,000 most severe)"]
    run_ = json.loads(run.stdout)["runs"][0]
    assert len(run_["results"]) == 25_000
    assert any(warning in n["message"]["text"] for n in run_["invocations"][0]["toolExecutionNotifications"])


def test_the_file_is_kept_under_the_upload_size_least_severe_left_out(tmp_path: Path) -> None:
    result = synthetic(tmp_path, {"low": 3000, "medium": 3000, "critical": 3000})
    limit = 400_000
    sarif, document, warnings = collected(result, Limits(gzip_bytes=limit))
    # cut where it has to be, not much sooner (the count is flushed often, which costs a little ratio)
    assert 0.9 * limit < len(gzip.compress(document)) <= limit
    assert len(gzip.compress("".join(render(result, ReportOptions())).encode())) > limit  # the cut was needed
    run = sarif["runs"][0]
    severities = [run["tool"]["driver"]["rules"][r["ruleIndex"]]["id"].removeprefix("acme-") for r in run["results"]]
    assert 3000 <= len(severities) < 6000
    cut_at = SEVERITIES.index(severities[-1])  # results go out most severe first: the cut is after these
    assert all(SEVERITIES.index(s) >= cut_at for s in severities) and "low" not in severities
    assert len(warnings) == 1 and f"{9000 - len(severities):,} of 9,000 results left out" in warnings[0]
    assert "0.4 MB gzip-compressed" in warnings[0]


def test_over_the_rules_limit_the_rules_with_results_stay(tmp_path: Path) -> None:
    result = synthetic(tmp_path, {"high": 2, "low": 2})
    result.rules = [rule_info(f"acme-unused-{n}", "low") for n in range(3)] + result.rules
    sarif, document, warnings = collected(result, Limits(rules=2))
    assert code_scanning_problems(sarif, document) == []
    run = sarif["runs"][0]
    assert [rule["id"] for rule in run["tool"]["driver"]["rules"]] == ["acme-high", "acme-low"]
    assert len(run["results"]) == 4 and warnings == [
        "SARIF: 3 rules left out: GitHub accepts at most 2 rules in a run"]


# --- what the scan did not read -------------------------------------------------------------------


def _dump_longer_than_a_span() -> str:
    """A request dump whose head runs on past what a request's reader takes in (60 trace headers before its
    Signature): its record is read in part, and the scan counts it."""
    head = ["POST /v1/transfer_requests HTTP/1.1", "Host: api.iugu.com", "Content-Type: application/json",
            *(f"X-Trace-{i}: v{i}" for i in range(60)), "Signature: signature=QUJDRA=="]
    filler = "2026-11-22 10:00:00 INFO served /health in 2 ms\n" * 20
    return filler + "\n".join(head) + '\n\n{"amount": 100}\n' + filler


def test_what_the_scan_did_not_read_is_in_the_runs_notifications(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """A code-scanning UI shows a run's notifications, not the summary line on a terminal: a record read in
    part and an input skipped are said there too, with the counts the JSON report trends."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "requests.log").write_text(_dump_longer_than_a_span())
    (tmp_path / "blob.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 64)  # media: no strings read
    run = cli("scan", "--format", "sarif", "--jobs", "1", "requests.log", "blob.png")
    assert run.exit_code in (0, 1), scrub(run.stderr)
    invocation = sarif_run(run.stdout.encode())["invocations"][0]
    said = {(n["descriptor"]["id"], n["level"], n["message"]["text"]) for n in invocation["toolExecutionNotifications"]}
    assert ("partly-read", "warning", "1 record not read whole for requests") in said
    assert ("skipped", "note", "1 input skipped: binary") in said
    assert invocation["properties"]["skipped"] == {"binary": 1}
    assert invocation["properties"]["requests"]["request_records_cut"] == 1
    report, _ = scan_json("requests.log", "blob.png")  # the same counts as the JSON report's
    assert report["scan"]["skipped"] == invocation["properties"]["skipped"]
    assert report["scan"]["requests"] == invocation["properties"]["requests"]


def test_a_record_read_in_part_is_said_on_every_json_lines_line_and_ecs_event(tmp_path: Path,
                                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """A SIEM sees a run only as its events: a record read in part was said by the text summary, SARIF and the
    JSON report's counts, while each JSON Lines line and ECS event said only binary content's cuts."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "requests.log").write_text(_dump_longer_than_a_span() + iugu_line(iugu_token()))
    said = "1 record not read whole for requests"
    report, _ = scan_json("requests.log")
    assert report["scan"]["read_in_part"] == said
    lines = cli("scan", "--format", "jsonl", "--jobs", "1", "requests.log").stdout.splitlines()
    events = cli("scan", "--format", "ecs", "--jobs", "1", "requests.log").stdout.splitlines()
    assert lines and [json.loads(line)["scan"]["read_in_part"] for line in lines] == [said] * len(lines)
    assert events and [json.loads(event)["keyaudit"]["scan"]["read_in_part"] for event in events] == [said] * len(events)
    (tmp_path / "whole.log").write_text(iugu_line(iugu_token()))
    assert all("read_in_part" not in json.loads(line)["scan"]
               for line in cli("scan", "--format", "jsonl", "--jobs", "1", "whole.log").stdout.splitlines())


def test_a_scan_that_read_everything_says_nothing_was_left(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "app.log").write_text(iugu_line(iugu_token()))
    run = cli("scan", "--format", "sarif", "--jobs", "1", "app.log")
    invocation = sarif_run(run.stdout.encode())["invocations"][0]
    assert invocation["toolExecutionNotifications"] == [] and invocation["properties"]["skipped"] == {}
