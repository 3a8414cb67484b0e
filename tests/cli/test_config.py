"""Every scan option in ``.keyaudit.yaml`` / ``[tool.keyaudit]``, and ``keyaudit config`` naming
where each value came from: default < file < command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers.credentials import iugu_token
from helpers.packs import ACME_PACK
from helpers.running import cli
from helpers.secrecy import scrub
from keyaudit.config import COMMAND_LINE_ONLY, OPTIONS

# A value for every option a file may set (a new option fails the first test until it is here).
IN_FILE = {
    "format": "json", "output": "reports/out.json", "rules": ["packs/"], "disable": ["iugu-plaintext-http"],
    "exclude": ["fixtures/"], "allow": [{"digest": "sha256:" + "0" * 64, "reason": "revoked test token"}],
    "fail_on": "high", "baseline": "baseline.json", "write_baseline": "new-baseline.json", "staged": False,
    "state": "state.db", "no_dedupe": True, "strict": True, "quiet": True, "verbose": True, "group_by": "rule",
    "engine": "regex", "public_keys": ["keys/"], "storage_options": {"anon": "true"},
    "scheduler": "tcp://127.0.0.1:8786", "jobs": 2, "rule_time": 2.5, "log_timezone": "America/Sao_Paulo",
    "request_time_window": 600, "verify_timeout": 3,
}


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / ".git").mkdir()  # the search for a configuration file stops here
    monkeypatch.chdir(tmp_path)
    return tmp_path


def shown(output: str) -> dict[str, tuple[str, str]]:
    """``keyaudit config``'s lines as key -> (value, source)."""
    lines = [line for line in output.splitlines() if not line.startswith("#")]
    return {key: tuple(rest.split("    # ", 1)) for key, _, rest in (line.partition(": ") for line in lines)}


def test_every_option_can_be_set_in_the_file_and_config_names_the_file(project: Path) -> None:
    assert set(IN_FILE) == set(OPTIONS) - set(COMMAND_LINE_ONLY)
    (project / ".keyaudit.yaml").write_text(json.dumps(IN_FILE))  # JSON is YAML
    run = cli("config")
    assert run.exit_code == 0, run.stderr
    settings = shown(run.stdout)
    config_file = str(project / ".keyaudit.yaml")
    assert {key: source for key, (_, source) in settings.items() if key in IN_FILE} == dict.fromkeys(IN_FILE, config_file)
    assert {key: source for key, (_, source) in settings.items() if key not in IN_FILE} == dict.fromkeys(
        COMMAND_LINE_ONLY, "default")
    assert settings["output"][0] == str(project / "reports" / "out.json")  # relative to the file's folder
    assert settings["rules"][0] == f"[{project / 'packs'}]"
    assert settings["storage_options"][0] == "{anon: 'true'}" and settings["jobs"][0] == "2"


def test_the_command_line_beats_the_file_and_config_says_so(project: Path) -> None:
    (project / ".keyaudit.yaml").write_text("format: json\nfail_on: high\njobs: 2\n")
    settings = shown(cli("config", "--format", "sarif", "-j", "3", "--digest-key", "k", "logs").stdout)
    assert settings["format"] == ("sarif", "command line") and settings["jobs"] == ("3", "command line")
    assert settings["fail_on"] == ("high", str(project / ".keyaudit.yaml"))
    assert settings["targets"] == ("[logs]", "command line") and settings["group_by"] == ("file", "default")
    assert settings["digest_key"] == ("(set)", "command line")  # the key itself is never printed


@pytest.mark.parametrize("key", sorted(COMMAND_LINE_ONLY))
def test_options_that_print_or_are_secrets_are_refused_in_a_file(project: Path, key: str) -> None:
    (project / ".keyaudit.yaml").write_text(json.dumps({key: ["x"] if key == "targets" else True}))
    run = cli("scan", ".")
    assert run.exit_code == 2 and f"'{key}' is refused in a configuration file" in run.stderr, run.stderr


@pytest.mark.parametrize(("text", "problem"), [
    ("jobs: 0\n", "'jobs' must be a whole number >= 1"),
    ("format: xml\n", "'format' must be one of text, json, jsonl, sarif, ecs"),
    ("format: [json]\n", "'format' must be one of text, json, jsonl, sarif, ecs"),
    ("format: {json: 1}\n", "'format' must be one of text, json, jsonl, sarif, ecs"),
    ("fail_on: [high]\n", "'fail_on' must be one of info, low, medium, high, critical"),
    # A NUL byte is in no path: it reached os.stat as ValueError, an internal error (for the output
    # once the whole scan was done, its report lost)
    ('output: "report\\0.json"\n', "'output' must be a file path"),
    ('state: "\\0"\n', "'state' must be a file path"),
    ('public_keys: ["keys\\0.pem"]\n', "'public_keys' must be a list of strings"),
    ("engine: fast\n", "'engine' must be one of auto, hyperscan, regex"),
    ("quiet: 'yes'\n", "'quiet' must be true or false"),
    ("storage_options: [anon]\n", "'storage_options' must be a mapping"),
    ("public_keys: keys.pem\n", "'public_keys' must be a list of strings"),
    ("log_timezone: Mars/Olympus\n", "'log_timezone' must be a time zone: UTC, an offset such as -03:00, or an IANA"),
    ("log_timezone: -3\n", "'log_timezone' must be a time zone"),
    ("verify_timeout: 600\n", "'verify_timeout' must be a number of seconds > 0 and <= 60"),
])
def test_a_bad_value_in_the_file_is_one_line_naming_file_and_key(project: Path, text: str, problem: str) -> None:
    (project / ".keyaudit.yaml").write_text(text)
    run = cli("scan", ".")
    assert run.exit_code == 2 and problem in run.stderr and ".keyaudit.yaml" in run.stderr, run.stderr
    assert len(run.stderr.strip().splitlines()) == 1


def test_options_from_the_file_drive_the_scan(project: Path) -> None:
    token = iugu_token()
    (project / "a.log").write_text(f"GET /v1/x?api_token={token} HTTP/1.1\nGET /v1/y?api_token={token} HTTP/1.1\n")
    (project / "packs").mkdir()
    (project / "packs" / "acme.yaml").write_text(ACME_PACK)
    (project / "b.env").write_text("acme_key=qwertyuiopas\n")
    (project / ".keyaudit.yaml").write_text(
        "format: json\nengine: regex\nno_dedupe: true\nquiet: true\nfail_on: critical\n"
        "rules: [packs/]\noutput: reports/out.json\n")
    (project / "reports").mkdir()
    run = cli("scan", ".")
    assert run.exit_code == 1 and run.stdout == "" and run.stderr == "", scrub(run.stderr)  # quiet; report in output
    report = json.loads((project / "reports" / "out.json").read_text())
    assert report["scan"]["engine"] == "regex"
    assert [(f["location"]["path"], f["rule_id"]) for f in report["findings"]] == [
        ("a.log", "iugu-api-token"), ("a.log", "iugu-api-token"), ("b.env", "acme-key"),
        ("packs/acme.yaml", "acme-key")]  # the rule's own example, in the scanned tree
    assert report["findings"][0]["occurrences"]["count"] == 1  # no_dedupe: every occurrence is its own finding
    (project / ".keyaudit.yaml").write_text("fail_on: critical\ndisable: [iugu-api-token]\n")
    assert cli("scan", "--jobs", "1", "a.log").exit_code == 0  # nothing left at or above critical


def test_a_pyproject_section_sets_options_too(project: Path) -> None:
    (project / "pyproject.toml").write_text("[project]\nname = 'app'\n\n[tool.keyaudit]\nformat = 'jsonl'\n"
                                            "group-by = 'rule'\n")
    (project / "a.log").write_text(f"GET /v1/x?api_token={iugu_token()} HTTP/1.1\n")
    run = cli("scan", "--jobs", "1", "a.log")
    assert run.exit_code == 1 and json.loads(run.stdout.splitlines()[0])["rule_id"] == "iugu-api-token"
    assert shown(cli("config").stdout)["group_by"] == ("rule", str(project / "pyproject.toml"))


@pytest.mark.parametrize(("content", "given", "problem"), [
    # the section's header, then no TOML: its settings were dropped unsaid (the scan ran on defaults)
    (b"[tool.keyaudit]\nfail_on = high\n", False, "pyproject.toml: not valid TOML: Invalid value"),
    (b"[ tool.keyaudit.extra ]\nx =\n", False, "pyproject.toml: not valid TOML"),
    (b"tool = 'keyaudit'\n", True, "pyproject.toml: expected a mapping of settings"),  # was an AttributeError
], ids=["unquoted-value", "subtable", "tool-a-string"])
def test_a_pyproject_that_cannot_be_read_as_settings_is_one_line_and_exit_2(project: Path, content: bytes,
                                                                            given: bool, problem: str) -> None:
    (project / "pyproject.toml").write_bytes(content)
    (project / "a.log").write_text("nothing here\n")
    run = cli("scan", "--jobs", "1", *(["--config", "pyproject.toml"] if given else []), "a.log")
    assert run.exit_code == 2 and problem in run.stderr, run.stderr
    assert len(run.stderr.strip().splitlines()) == 1


def test_a_configuration_that_is_not_utf8_is_one_line_and_exit_2(project: Path) -> None:
    """A UnicodeDecodeError is a ValueError, not the OSError the reading caught: an internal error."""
    (project / ".keyaudit.yaml").write_bytes(b"fail_on: high\n# caf\xe9\n")
    run = cli("scan", "--jobs", "1", ".")
    assert run.exit_code == 2 and ".keyaudit.yaml: not UTF-8 text (byte 19)" in run.stderr, run.stderr


def test_a_pyproject_whose_tool_is_no_table_is_not_a_configuration(project: Path) -> None:
    """``tool = "keyaudit"`` names keyaudit without a section: the search passes it by."""
    (project / "pyproject.toml").write_text('tool = "keyaudit"\n')
    run = cli("config")
    assert run.exit_code == 0 and "# configuration file: none found" in run.stdout, run.stderr


def test_the_log_timezone_from_the_file_or_the_command_line_reads_the_ecs_log_times(project: Path) -> None:
    (project / "a.log").write_text(f"2026-11-22 13:00:03 INFO api_token={iugu_token()}\n")
    (project / ".keyaudit.yaml").write_text("log_timezone: America/Sao_Paulo\nformat: ecs\n")
    starts = {}
    for given in ((), ("--log-timezone", "+05:30")):
        run = cli("scan", "--jobs", "1", *given, "a.log")
        assert run.exit_code == 1, scrub(run.stderr)
        [event] = [json.loads(line)["event"] for line in run.stdout.splitlines()]
        starts[given] = (event["start"], event["timezone"])
    assert starts == {(): ("2026-11-22T13:00:03-03:00", "America/Sao_Paulo"),
                      ("--log-timezone", "+05:30"): ("2026-11-22T13:00:03+05:30", "+05:30")}
    refused = cli("scan", "--log-timezone", "Mars/Olympus", "a.log")
    assert refused.exit_code == 2 and refused.stdout == ""
    assert "Invalid value for '--log-timezone': unknown time zone 'Mars/Olympus'" in refused.stderr


def test_the_baseline_at_the_repository_root_is_found_unless_one_is_set(project: Path) -> None:
    (project / "services" / "billing").mkdir(parents=True)
    assert shown(cli("config", "services/billing").stdout)["baseline"] == ("null", "default")
    root_baseline = project / ".keyaudit-baseline.json"
    root_baseline.write_text('{"version": 1, "tool": "keyaudit", "findings": []}\n')
    for targets in ((), ("services/billing",), (str(project / "services" / "billing"),), ("--staged",)):
        assert shown(cli("config", *targets).stdout)["baseline"] == (str(root_baseline), "found at the repository root")
    (project / ".keyaudit.yaml").write_text("baseline: audit/baseline.json\n")
    assert shown(cli("config").stdout)["baseline"] == (str(project / "audit" / "baseline.json"),
                                                       str(project / ".keyaudit.yaml"))
    assert shown(cli("config", "--baseline", "b.json").stdout)["baseline"] == ("b.json", "command line")


def test_write_baseline_without_a_file_names_the_repository_root_or_the_folder_outside_one(
        project: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    (project / "src").mkdir()
    shown_here = shown(cli("config", "src", "--write-baseline").stdout)
    assert shown_here["write_baseline"] == (str(project / ".keyaudit-baseline.json"), "command line")
    assert shown(cli("config", "--write-baseline=mine.json").stdout)["write_baseline"] == ("mine.json", "command line")
    outside = tmp_path_factory.mktemp("not-a-repository")
    written = shown(cli("config", str(outside), "--write-baseline").stdout)["write_baseline"]
    assert written == (str(outside / ".keyaudit-baseline.json"), "command line")
    assert cli("config", "--write-baseline", "src").exit_code == 2  # a folder is not a file to write


def test_a_configuration_whose_aliases_expand_past_the_bound_is_one_error(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """Aliases of aliases, nine deep (a "billion laughs" of 300 bytes): refused as it is read."""
    monkeypatch.chdir(tmp_path)
    laughs = "x-a: &a [" + ", ".join(["lol"] * 9) + "]\n" + "".join(
        f"x-{name}: &{name} [{', '.join(['*' + before] * 9)}]\n" for before, name in zip("abcdefgh", "bcdefghi"))
    (tmp_path / ".keyaudit.yaml").write_text(laughs)
    (tmp_path / "a.log").write_text("nothing\n")
    run = cli("scan", "--jobs", "1", "a.log")
    assert run.exit_code == 2
    assert run.stderr == (f"keyaudit: error: {tmp_path / '.keyaudit.yaml'}: not valid YAML: its aliases expand to "
                          "more than 100,000 values (a 'billion laughs')\n")
