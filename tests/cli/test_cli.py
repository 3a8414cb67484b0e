"""The command line as users and CI see it: no secret ever printed, exit codes, atomic --output.

The canary tests plant generated secrets of every kind (and a damaged archive) and check every
output format, to stdout and to --output, in-process and as a real process: not one full secret,
base64 Basic value or decoded user:password may appear anywhere.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from helpers.credentials import asaas_key, basic, iugu_line, iugu_token, user_password
from helpers.running import cli, proc, scan_json
from helpers.secrecy import assert_all_shown, assert_none_leaked, scrub
from helpers.trees import FOUND_IN_TREE, plant_tree
from helpers.data import REPO
from keyaudit.report import FORMATS


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    monkeypatch.chdir(tmp_path)
    return plant_tree(tmp_path)


def shows_findings(fmt: str, text: str) -> bool:
    """Whether a report in ``fmt`` lists findings of the planted files (so the canary is not vacuous)."""
    planted_files = ["logs/access.log", "logs/http-debug.log", "logs/deploy.sh", "logs/capture.har",
                     "logs/app.log.1", "src/settings.env"]
    return all(path in text for path in planted_files)


# --- the secret canary --------------------------------------------------------------------------


@pytest.mark.parametrize("to_file", [False, True], ids=["stdout", "output-file"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_no_format_ever_prints_a_secret(tree: dict[str, str], tmp_path: Path, fmt: str, to_file: bool) -> None:
    target = tmp_path / "out" / f"report.{fmt}"
    target.parent.mkdir()
    args = ["scan", "--format", fmt, "--jobs", "1", "logs", "src"] + (["--output", str(target)] if to_file else [])
    run = cli(*args)
    code = run.exit_code
    assert code == 1, scrub(run.stderr)
    written = target.read_text(encoding="utf-8") if to_file else ""
    if to_file:
        stdout_empty = run.stdout == ""
        assert stdout_empty, "with --output, nothing goes to stdout"
    assert_none_leaked(tree, stdout=run.stdout, stderr=run.stderr, output=written)
    listed = shows_findings(fmt, written or run.stdout)
    assert listed, "the report does not list the planted leaks"
    damage_reported = "zz-broken.log.gz" in run.stderr
    assert damage_reported, scrub(run.stderr)


@pytest.mark.parametrize("fmt", ["text", "sarif"])
def test_no_secret_through_a_real_process(tree: dict[str, str], tmp_path: Path, fmt: str) -> None:
    out = tmp_path / "report.out"
    to_stdout = proc("scan", "--format", fmt, "--jobs", "1", "logs", "src", cwd=tmp_path)
    to_file = proc("scan", "--format", fmt, "--jobs", "1", "--output", str(out), "logs", "src", cwd=tmp_path)
    codes = (to_stdout.returncode, to_file.returncode)
    assert codes == (1, 1), scrub(to_stdout.stderr + to_file.stderr)
    assert_none_leaked(tree, stdout=to_stdout.stdout, stderr=to_stdout.stderr,
                  file_run_stdout=to_file.stdout, file_run_stderr=to_file.stderr, output=out.read_bytes())
    listed = shows_findings(fmt, out.read_text(encoding="utf-8"))
    assert listed, "the report does not list the planted leaks"
    damage_reported = b"zz-broken.log.gz" in to_stdout.stderr and b"Traceback" not in to_stdout.stderr
    assert damage_reported, scrub(to_stdout.stderr)


def test_the_json_report_finds_every_canary(tree: dict[str, str]) -> None:
    """The canary is only meaningful if each planted secret was found: check by digest."""
    report, _ = scan_json("logs", "src")
    digests = {f["secret"]["digest"] for f in report["findings"] if f["secret"]}
    for name in FOUND_IN_TREE:
        # canonical forms: an Asaas key is its base64 payload, a Basic value its token or user:password
        value = tree[f"{name}-payload"].rstrip("=") if name.startswith("asaas") else tree[name]
        found = "sha256:" + hashlib.sha256(value.encode()).hexdigest() in digests
        assert found, f"the {name} secret was not found"
    for finding in report["findings"]:
        if finding["secret"]:
            redacted = finding["secret"]["redacted"]
            head, mark, tail = redacted.removeprefix("$aact_prod_000").removeprefix("$aact_hmlg_000").partition("…")
            short = mark == "…" and len(head) + len(tail) <= min(8, finding["secret"]["length"] // 4)
            assert short, f"{finding['rule_id']} shows too much of its secret"


@pytest.mark.parametrize("fmt", ["json", "text", "sarif"])
def test_show_secrets_prints_them_and_warns(tree: dict[str, str], fmt: str) -> None:
    run = cli("scan", "--format", fmt, "--jobs", "1", "--show-secrets", "logs", "src")
    assert run.exit_code == 1
    assert_all_shown({name: tree[name] for name in ("asaas-prod", "asaas-hmlg", "iugu-query", "iugu-curl",
                                                  "user:password", "iugu-basic-token")}, stdout=run.stdout)
    stderr = run.stderr.lower()
    warned = "warning" in stderr and "--show-secrets" in stderr
    assert warned, "no warning on stderr"
    quiet = cli("scan", "--format", fmt, "--jobs", "1", "logs", "src")
    warned = "warning" in quiet.stderr.lower()
    assert not warned, "a warning without --show-secrets"


def test_show_secrets_through_a_real_process_warns_on_stderr(tree: dict[str, str], tmp_path: Path) -> None:
    done = proc("scan", "--format", "jsonl", "--jobs", "1", "--show-secrets", "src", cwd=tmp_path)
    assert done.returncode == 1
    assert_all_shown({"asaas-prod": tree["asaas-prod"]}, stdout=done.stdout)
    assert_none_leaked({"asaas-prod": tree["asaas-prod"]}, stderr=done.stderr)
    warned = b"warning" in done.stderr.lower()
    assert warned, "no warning on stderr"
    every_value_shown = all(json.loads(line)["secret"].get("value") for line in done.stdout.splitlines())
    assert every_value_shown, "a finding without its value"


# --- exit codes ---------------------------------------------------------------------------------


def test_exit_0_when_clean_and_1_with_findings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "clean.log").write_text("GET /v1/invoices?api_token=YOUR_API_TOKEN HTTP/1.1\nnothing here\n")
    (tmp_path / "dirty.log").write_text(iugu_line(iugu_token()) + "\n")
    clean = cli("scan", "--jobs", "1", "clean.log")
    summary = clean.stdout.splitlines()[-1]
    assert clean.exit_code == 0 and summary.startswith("0 findings"), summary
    assert cli("scan", "--jobs", "1", "clean.log", "dirty.log").exit_code == 1
    done = proc("scan", "--jobs", "1", "clean.log", cwd=tmp_path)
    assert done.returncode == 0
    done = proc("scan", "--jobs", "1", "dirty.log", cwd=tmp_path)
    assert done.returncode == 1


def test_fail_on_sets_the_threshold(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    user, password = user_password()
    (tmp_path / "high.log").write_text(f"ASAAS_KEY={asaas_key('hmlg')}\n"
                                       f"Authorization: Basic {basic(user, password)}\n")
    report, _ = scan_json("high.log")
    assert report["findings"] and {f["severity"] for f in report["findings"]} == {"high"}  # the premise
    assert cli("scan", "--jobs", "1", "--fail-on", "critical", "high.log").exit_code == 0
    assert cli("scan", "--jobs", "1", "--fail-on", "high", "high.log").exit_code == 1
    assert cli("scan", "--jobs", "1", "high.log").exit_code == 1  # default: low
    (tmp_path / "critical.log").write_text(f"ASAAS_KEY={asaas_key('prod')}\n")
    assert cli("scan", "--jobs", "1", "--fail-on", "critical", "high.log", "critical.log").exit_code == 1


def test_a_run_in_which_every_input_failed_exits_2_and_says_so(tmp_path: Path) -> None:
    (tmp_path / "clean.log").write_text("nothing here\n")
    nightly = ("scan", "--format", "jsonl", "--output", "report.jsonl")  # the summary goes to stderr

    def summary(run: subprocess.CompletedProcess) -> str:
        return run.stderr.decode().splitlines()[-1]

    failed = proc(*nightly, "gone-1.log", "gone-2.log", cwd=tmp_path)
    assert failed.returncode == 2, scrub(failed.stderr)  # not "0 findings" and a clean exit
    assert summary(failed).startswith("keyaudit: 0 findings in 0 files;") and "; 2 inputs failed;" in summary(failed)
    partly = proc(*nightly, "gone-1.log", "clean.log", cwd=tmp_path)
    assert partly.returncode == 0 and "; 1 input failed;" in summary(partly), scrub(partly.stderr)
    assert proc(*nightly, "--strict", "gone-1.log", "clean.log", cwd=tmp_path).returncode == 2
    fine = proc(*nightly, "clean.log", cwd=tmp_path)
    assert fine.returncode == 0 and "; 0 inputs failed;" in summary(fine), scrub(fine.stderr)


def test_exit_2_for_bad_usage(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "dirty.log").write_text(iugu_line(iugu_token()) + "\n")
    assert cli("scan", "--format", "xml", "dirty.log").exit_code == 2
    assert cli("scan", "--fail-on", "catastrophic", "dirty.log").exit_code == 2
    assert cli("scan", "--no-such-option", "dirty.log").exit_code == 2
    done = proc("scan", "--format", "xml", "dirty.log", cwd=tmp_path)
    usage_error = done.returncode == 2 and b"--format" in done.stderr and done.stdout == b""
    assert usage_error, scrub(done.stderr)


@pytest.mark.parametrize("targets", [("",), ("dirty.log", "")])
def test_an_empty_target_is_a_usage_error(targets: tuple[str, ...], tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """`keyaudit scan "$LOGDIR"` with the variable unset scanned the working folder (from /tmp: gigabytes)."""
    monkeypatch.chdir(tmp_path)
    token = iugu_token()
    (tmp_path / "dirty.log").write_text(iugu_line(token) + "\n")
    run = cli("scan", "--format", "json", *targets)
    place = targets.index("") + 1
    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr == f'keyaudit: error: target {place} is an empty argument (""): name a file, a folder, ' \
                         "a URL or - (stdin); is a variable that should name it unset?\n"


BAD_RULE_FILES = {
    "yaml-syntax": "rules:\n  - id: broken-rule\n    title: [unclosed\n",
    "missing-field": "rules:\n  - id: my-rule\n    title: A rule without the rest\n",
    "bad-pattern": ("rules:\n  - id: bad-pattern\n    title: t\n    provider: acme\n    category: access-token\n"
                    "    severity: high\n    keywords: [acme]\n    pattern: 'acme_(?P<secret>[a-z]+'\n"),
}


@pytest.mark.parametrize("problem", list(BAD_RULE_FILES))
def test_exit_2_for_a_bad_rules_file(tmp_path: Path, problem: str) -> None:
    (tmp_path / "pack.yaml").write_text(BAD_RULE_FILES[problem])
    (tmp_path / "dirty.log").write_text(iugu_line(iugu_token()) + "\n")
    for args in (["scan", "--jobs", "1", "--rules", "pack.yaml", "dirty.log"],
                 ["rules", "list", "--rules", "pack.yaml"]):
        done = proc(*args, cwd=tmp_path)
        stderr = done.stderr.decode()
        assert done.returncode == 2, scrub(stderr)
        nothing_out = done.stdout == b""
        assert nothing_out, scrub(done.stdout)
        errors = [line for line in stderr.splitlines() if line.strip()]
        one_line = len(errors) == 1 and errors[0].startswith("keyaudit: error: pack.yaml")
        assert one_line and "Traceback" not in stderr, scrub(stderr)


def test_rules_list_prints_every_shipped_rule(tmp_path: Path) -> None:
    import yaml

    done = proc("rules", "list", cwd=tmp_path)
    assert done.returncode == 0
    listed = {line.split()[0] for line in done.stdout.decode().splitlines() if line.strip()}
    shipped = set()
    for path in (REPO / "rules").glob("*.yaml"):
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        shipped |= {rule["id"] for key in ("rules", "request_rules") for rule in document.get(key) or []}
    assert shipped and shipped <= listed
    titles = {line.index(line.split(maxsplit=4)[4]) for line in done.stdout.decode().splitlines() if line.strip()}
    assert len(titles) == 1  # one column for the titles, however long an id or a category is


# --- --output -----------------------------------------------------------------------------------


def test_output_replaces_the_file_atomically(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "dirty.log").write_text(iugu_line(iugu_token()) + "\n")
    out_dir = tmp_path / "reports"
    out_dir.mkdir()
    target = out_dir / "report.json"
    target.write_text('{"old": "report"}\n')
    with open(target, encoding="utf-8") as reader:  # a reader holding the previous report
        run = cli("scan", "--format", "json", "--jobs", "1", "--output", "reports/report.json", "dirty.log")
        written_elsewhere = run.exit_code == 1 and run.stdout == ""
        assert written_elsewhere, scrub(run.stderr)
        # written elsewhere and renamed over: the reader still sees the old report whole
        assert reader.read() == '{"old": "report"}\n'
    report = json.loads(target.read_text(encoding="utf-8"))
    assert len(report["findings"]) == 1
    assert sorted(os.listdir(out_dir)) == ["report.json"]  # no temporary file left behind
    assert sorted(os.listdir(tmp_path)) == ["dirty.log", "reports"]


def test_output_into_a_missing_folder_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "dirty.log").write_text(iugu_line(iugu_token()) + "\n")
    run = cli("scan", "--format", "json", "--jobs", "1", "--output", "nowhere/report.json", "dirty.log")
    assert run.exit_code == 2
    named = run.stderr.startswith("keyaudit: error:") and "nowhere/report.json" in run.stderr
    assert named, scrub(run.stderr)
    assert sorted(os.listdir(tmp_path)) == ["dirty.log"]


def test_output_of_a_real_process_is_complete(tmp_path: Path) -> None:
    tokens = [iugu_token() for _ in range(50)]
    (tmp_path / "many.log").write_text("".join(iugu_line(t) + "\n" for t in tokens))
    done = proc("scan", "--format", "jsonl", "--jobs", "1", "-o", "out.jsonl", "many.log", cwd=tmp_path)
    written_elsewhere = done.returncode == 1 and done.stdout == b""
    assert written_elsewhere, scrub(done.stderr)
    lines = (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["location"]["line"] for line in lines] == list(range(1, 51))
    assert sorted(os.listdir(tmp_path)) == ["many.log", "out.jsonl"]


def test_python_dash_m_keyaudit_runs(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "keyaudit", "--version"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stdout.startswith("keyaudit ")


def test_the_shipped_samples_show_every_category_and_nothing_else() -> None:
    """The README's first command scans sample_logs/: it must show each category, and the clean
    lines around the planted keys must stay clean."""
    samples = REPO / "sample_logs"
    run = cli("scan", "--format", "json", "--jobs", "1", str(samples))
    report = json.loads(run.stdout)
    assert run.exit_code == 1 and report["errors"] == []
    assert {f["category"] for f in report["findings"]} == {
        "access-token", "basic-auth", "plaintext-http", "unsigned-transfer", "bad-signature", "environment-mismatch",
        "misuse", "replay", "suppression", "weak-transport", "private-key", "shared-in-message", "browser-exposure",
        "production-key-outside-production"}
    assert len(report["findings"]) == 38 and report["scan"]["suppressed"] == {"inline": 1}
