"""Rules as data: shipped examples hold, user packs add and replace rules, and every mistake in a
rule file ends the run with exit 2 and one stderr line naming the file, the rule and the problem."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from helpers.credentials import iugu_token
from helpers.running import cli
from helpers.secrecy import assert_absent
from helpers.data import REPO
from keyaudit.model.vocabulary import SEVERITIES
from keyaudit.rulebook.loader import load_rules


@pytest.fixture(autouse=True)
def _neutral_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run from an empty folder: a .keyaudit.yaml or [tool.keyaudit] of the repository running
    the tests must not change what these tests see."""
    monkeypatch.chdir(tmp_path)


# A valid user rule; the tests derive broken variants from it by one textual change each.
GOOD_RULE = """\
rules:
  - id: acme-key
    title: ACME key
    provider: acme
    category: access-token
    severity: high
    keywords: [acme_]
    pattern: '(?<![a-z0-9])acme_(?P<secret>[a-z0-9]{24})(?![a-z0-9])'
    examples: ['key=acme_abcdefghijklmnopqrstuvwx']
    negative_examples: ['key=acme_short']
"""


def one_change(old: str, new: str) -> str:
    assert GOOD_RULE.count(old) == 1, f"test set-up: {old!r} is not in GOOD_RULE exactly once"
    return GOOD_RULE.replace(old, new)


def with_table(spec: str) -> str:
    """GOOD_RULE made a table rule by ``table: SPEC`` (its pattern has no ``columns`` group)."""
    return one_change("    keywords:", f"    table: {spec}\n    keywords:")


def listed_ids(stdout: str) -> list[str]:
    return [line.split()[0] for line in stdout.splitlines() if line.strip()]


# --- rules test ---------------------------------------------------------------------------------


def test_shipped_rules_pass_their_examples() -> None:
    run = cli("rules", "test")
    assert run.exit_code == 0, run.stdout
    shipped = load_rules()
    examples = sum(len(r.examples) + len(r.negative_examples) for r in shipped.every)
    count = len(shipped.every)
    assert run.stdout.splitlines()[-1] == f"{count} rules, {examples} examples, 0 failures"
    assert "FAIL" not in run.stdout


def test_every_shipped_secret_rule_has_examples_and_traps() -> None:
    rules = load_rules().rules
    assert rules, "no shipped rules were loaded"
    without = [r.id for r in rules if not r.examples or not r.negative_examples]
    assert without == [], "every secret rule needs examples and negative examples"


def test_every_shipped_rule_says_where_to_read_more_and_what_to_do() -> None:
    """Reports show ``references[0]`` (SARIF's helpUri, ECS's rule.reference) and the remediation."""
    shipped = load_rules()
    every = shipped.every
    assert len(every) >= 20
    assert [r.id for r in every if not r.references or not r.references[0].startswith("https://")] == []
    assert [r.id for r in every if len(r.remediation) < 80] == []  # a sentence or more, not a placeholder
    assert "WARN" not in cli("rules", "test").stdout


def test_rules_test_flags_a_rule_that_cannot_say_what_to_do(tmp_path: Path) -> None:
    bare, documented = tmp_path / "bare.yaml", tmp_path / "documented.yaml"
    bare.write_text(GOOD_RULE)
    documented.write_text(one_change("    keywords:", "    references: [https://acme.example/keys]\n"
                                     "    remediation: Revoke the key in the ACME console and issue a new one.\n"
                                     "    keywords:"))
    run = cli("rules", "test", str(bare))
    assert run.exit_code == 0, run.stdout  # a user's pack still works without them
    assert [line for line in run.stdout.splitlines() if line.startswith("WARN")] == [
        f"WARN {bare}: rule 'acme-key': no references and no remediation: its findings cannot say what to do"]
    run = cli("rules", "test", str(documented))
    assert run.exit_code == 0 and "WARN" not in run.stdout, run.stdout
    listing = cli("rules", "list", "--verbose", "--rules", str(documented)).stdout
    assert "    remediation: Revoke the key in the ACME console" in listing
    assert "    reference: https://acme.example/keys" in listing
    assert "remediation:" not in cli("rules", "list", "--rules", str(documented)).stdout


def test_a_passing_user_rule_file_is_counted_and_passes(tmp_path: Path) -> None:
    pack = tmp_path / "acme.yaml"
    pack.write_text(GOOD_RULE)
    shipped = cli("rules", "test")
    run = cli("rules", "test", str(pack))
    assert run.exit_code == 0, run.stdout
    rules_before = int(shipped.stdout.splitlines()[-1].split()[0])
    assert run.stdout.splitlines()[-1].startswith(f"{rules_before + 1} rules, ")


@pytest.mark.parametrize(
    ("change", "complaint"),
    [
        (("key=acme_abcdefghijklmnopqrstuvwx", "key=acme_ABCDEFGHIJKLMNOPQRSTUVWX"), "example 1 was not found"),
        (("key=acme_short", "key=acme_abcdefghijklmnopqrstuvwy"), "negative example 1 was reported"),
        (("    examples: ['key=acme_abcdefghijklmnopqrstuvwx']\n", ""), "missing: a rule needs at least one"),
    ],
    ids=["example-not-found", "negative-reported", "no-example"],
)
def test_a_user_rule_with_a_failing_example_fails_rules_test(tmp_path: Path, change: tuple[str, str],
                                                             complaint: str) -> None:
    pack = tmp_path / "pack.yaml"
    pack.write_text(one_change(*change))
    run = cli("rules", "test", str(pack))
    assert run.exit_code == 1, run.stdout
    failures = [line for line in run.stdout.splitlines() if line.startswith("FAIL")]
    assert len(failures) == 1, run.stdout
    assert str(pack) in failures[0] and "'acme-key'" in failures[0] and complaint in failures[0], failures[0]
    assert run.stdout.splitlines()[-1].endswith(", 1 failures")


# --- rule file errors -----------------------------------------------------------------------------

REQUEST_RULE = """\
request_rules:
  - id: acme-request
    title: t
    provider: acme
    category: plaintext-http
    severity: high
    when: {schemes: [http], colour: red}
"""

# Aliases of aliases, nine deep: 9**9 values from 300 bytes (a "billion laughs"), which hung the run
LAUGHS = "a: &a [" + ", ".join(["lol"] * 9) + "]\n" + "".join(
    f"{name}: &{name} [{', '.join(['*' + before] * 9)}]\n" for before, name in zip("abcdefgh", "bcdefghi")) + \
    "rules: []\n"

BAD_RULE_FILES = {
    # name: (file text, rule named in the message or None for a file-level problem, problem text)
    "yaml-syntax": (one_change("title: ACME key", "title: [ACME key"), "acme-key", "YAML error at line"),
    "yaml-tab-indent": ("rules:\n\t- id: x\n", None, "YAML error at line 2"),
    "unknown-field": (one_change("    severity: high\n", "    severity: high\n    colour: red\n"), "acme-key",
                      "unknown field 'colour'"),
    "pattern-does-not-compile": (one_change("[a-z0-9]{24})(?!", "[a-z0-9]{24}(?!"), "acme-key",
                                 "pattern does not compile"),
    "no-secret-group": (one_change("(?P<secret>[a-z0-9]{24})", "([a-z0-9]{24})"), "acme-key",
                        "pattern has no named group 'secret'"),
    "empty-keywords": (one_change("keywords: [acme_]", "keywords: []"), "acme-key", "at least one literal keyword"),
    "blank-keyword": (one_change("keywords: [acme_]", "keywords: ['  ']"), "acme-key", "at least one literal keyword"),
    "missing-keywords": (one_change("    keywords: [acme_]\n", ""), "acme-key", "missing field 'keywords'"),
    "keywords-not-strings": (one_change("keywords: [acme_]", "keywords: [1, 2]"), "acme-key",
                             "'keywords' must be a list of strings"),
    "unknown-validator": (one_change("    keywords:", "    validator: luhn\n    keywords:"), "acme-key",
                          "unknown validator 'luhn'"),
    "unknown-category": (one_change("category: access-token", "category: leaks"), "acme-key",
                         "'category' is 'leaks'"),
    "unknown-severity": (one_change("severity: high", "severity: urgent"), "acme-key", "'severity' is 'urgent'"),
    "unknown-confidence": (one_change("    severity: high\n", "    severity: high\n    confidence: sure\n"),
                           "acme-key", "'confidence' is 'sure'"),
    "bad-context-pattern": (one_change("    keywords:", "    context: {pattern: '(acme'}\n    keywords:"),
                            "acme-key", "context.pattern does not compile"),
    "table-without-columns-group": (with_table("{column: token, rows: lines}"), "acme-key",
                                    "pattern has no named group 'columns'"),
    "table-unknown-rows": (with_table("{column: token, rows: cells}"), "acme-key", "'table.rows' is 'cells'"),
    "table-bad-column": (with_table("{column: '(token', rows: lines}"), "acme-key", "table.column does not compile"),
    "table-separator-for-tuples": (with_table("{column: t, rows: tuples, separator: ';'}"), "acme-key",
                                   "'table.separator' must be one character, for rows of lines"),
    "table-provider-not-a-pair": (with_table("{column: t, rows: lines, provider: provider}"), "acme-key",
                                  "'table.provider' must be a mapping of a 'column' and a 'value' pattern"),
    "table-bad-provider-value": (with_table("{column: t, rows: lines, provider: {column: provider, value: '(acme'}}"),
                                 "acme-key", "table.provider.value does not compile"),
    "duplicate-id": (GOOD_RULE + GOOD_RULE.split("rules:\n", 1)[1], "acme-key", "duplicate rule id"),
    "rules-not-a-list": ("rules: 5\n", None, "'rules' must be a list"),
    "billion-laughs": (LAUGHS, None, "YAML error: its aliases expand to more than 100,000 values"),
    "not-a-rule-file": ("just: text\n", None, "expected a mapping with a 'rules' or 'request_rules' list"),
    "request-rule-unknown-field": (REQUEST_RULE, "acme-request", "unknown field 'when.colour'"),
    "reference-not-a-url": (one_change("    keywords:", "    references: [docs/keys.md]\n    keywords:"), "acme-key",
                            "reference 'docs/keys.md' is not an absolute http(s) URL"),
    "remediation-not-text": (one_change("    keywords:", "    remediation: [rotate, it]\n    keywords:"), "acme-key",
                             "'remediation' must be text"),
    "names-credential-without-one": (REQUEST_RULE.replace("    when: {schemes: [http], colour: red}",
                                                          "    names_credential: true\n    when: {schemes: [http]}"),
                                     "acme-request", "true only with 'when.carries_credential'"),
    "unknown-word-list": (one_change("acme_(?P<secret>", "{words:prefixes}_(?P<secret>"), "acme-key",
                          "pattern names the word list 'prefixes', which the file's 'words' does not have"),
    "word-list-not-words": ("words: {prefixes: [acme, 7]}\n" + one_change("acme_(?P", "{words:prefixes}_(?P"), None,
                            "'words': 'prefixes' must be a non-empty list of non-empty strings"),
    # 2 KB of YAML naming 118 KB of pattern: a thousand words named a thousand times took 75 s and 2.8 GB
    "word-list-filled-too-long": ("words: {w: [" + ", ".join(f"w{n}" for n in range(100)) + "]}\n"
                                  + one_change("acme_(?P", "(?:" + "|".join(["{words:w}"] * 300) + ")_(?P"), "acme-key",
                                  "pattern's word lists fill it to 118,253 characters, more than 65,536"),
    "request-rule-reference": (REQUEST_RULE.replace("    when: {schemes: [http], colour: red}",
                                                    "    references: ['ftp://acme.example/docs']\n    when: {}"),
                               "acme-request", "reference 'ftp://acme.example/docs' is not an absolute http(s) URL"),
}


@pytest.mark.parametrize("case", list(BAD_RULE_FILES))
def test_bad_rule_files_exit_2_with_one_line(tmp_path: Path, case: str) -> None:
    text, rule_id, problem = BAD_RULE_FILES[case]
    pack = tmp_path / "bad.yaml"
    pack.write_text(text)
    target = tmp_path / "x.log"
    target.write_text(f"GET /x?api_token={iugu_token()}\n")
    run = cli("scan", "--rules", str(pack), str(target))
    assert run.exit_code == 2, (run.exit_code, run.stderr)
    assert run.stdout == "", "no report may be written when the rules cannot be loaded"
    lines = run.stderr.splitlines()
    assert len(lines) == 1, run.stderr
    line = lines[0]
    assert line.startswith(f"keyaudit: error: {pack}: "), line
    if rule_id is not None:
        assert f"rule '{rule_id}'" in line, line
    assert problem in line, line
    assert "Traceback" not in run.stderr


@pytest.mark.parametrize("command", [["rules", "list", "--rules"], ["rules", "test"]])
def test_rules_commands_reject_a_bad_file_the_same_way(tmp_path: Path, command: list[str]) -> None:
    pack = tmp_path / "bad.yaml"
    pack.write_text(one_change("severity: high", "severity: urgent"))
    run = cli(*command, str(pack))
    assert run.exit_code == 2
    assert run.stderr.splitlines() == [f"keyaudit: error: {pack}: rule 'acme-key': 'severity' is 'urgent'; "
                                       f"expected one of {', '.join(SEVERITIES)}"]


def test_missing_rule_file_is_a_usage_error(tmp_path: Path) -> None:
    missing = tmp_path / "nope.yaml"
    run = cli("scan", "--rules", str(missing), str(tmp_path))
    assert run.exit_code == 2
    assert run.stderr.splitlines() == [f"keyaudit: error: {missing}: no such rule file or folder"]


def test_the_installed_command_prints_no_traceback_for_a_bad_rule_file(tmp_path: Path) -> None:
    pack = tmp_path / "bad.yaml"
    pack.write_text(one_change("(?P<secret>[a-z0-9]{24})", "(?P<secret>[a-z0-9]{24}"))
    target = tmp_path / "x.log"
    target.write_text("hello\n")
    done = subprocess.run([sys.executable, "-m", "keyaudit", "scan", "--rules", str(pack), str(target)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and "Traceback" not in done.stderr, done.stderr
    assert str(pack) in lines[0] and "rule 'acme-key'" in lines[0] and "does not compile" in lines[0], lines[0]


# --- user rule packs ------------------------------------------------------------------------------


def override_rule(token: str) -> str:
    return f"""\
rules:
  - id: iugu-api-token
    title: Replaced iugu rule
    provider: iugu
    category: access-token
    severity: low
    keywords: [api_token]
    pattern: 'api_token=(?P<secret>[0-9a-f]{{32}})'
    validator: hex_token
    examples: ['api_token={token}']
"""


def test_a_user_rule_is_added_to_the_shipped_ones(tmp_path: Path) -> None:
    pack = tmp_path / "acme.yaml"
    pack.write_text(GOOD_RULE)
    target = tmp_path / "app.log"
    target.write_text("starting\nkey=acme_q8w7e6r5t4y3u2i1o0p9a8s7 ok\n")
    without = cli("scan", "--format", "json", "--jobs", "1", str(target))
    assert without.exit_code == 0 and json.loads(without.stdout)["findings"] == []
    run = cli("scan", "--format", "json", "--jobs", "1", "--rules", str(pack), str(target))
    assert run.exit_code == 1, run.stderr
    report = json.loads(run.stdout)
    [finding] = report["findings"]
    assert (finding["rule_id"], finding["provider"], finding["title"]) == ("acme-key", "acme", "ACME key")
    assert (finding["location"]["line"], finding["location"]["column"]) == (2, 10)
    assert report["scan"]["rules_loaded"] == json.loads(without.stdout)["scan"]["rules_loaded"] + 1


def test_a_word_list_is_named_once_and_put_in_each_pattern_of_its_file_that_names_it(tmp_path: Path) -> None:
    # the list's words are taken literally (`acme.io` does not match `acmexio`), in the rule's pattern and in its
    # context's pieces alike (line 4 is ruled out by its line); the examples are checked against the patterns as
    # expanded (a secret's later lines are its occurrences: each line's secret differs)
    pack = tmp_path / "acme.yaml"
    pack.write_text("words:\n  brands: [acme, acme.io]\n" + one_change(
        "acme_(?P<secret>", "{words:brands}_(?P<secret>").replace("keywords: [acme_]", "keywords: [acme]").replace(
        "    examples:", "    context:\n      against:\n"
                         "        - {name: other, scope: line, pattern: 'not {words:brands}'}\n    examples:"))
    target = tmp_path / "app.log"
    target.write_text("key=acme_q8w7e6r5t4y3u2i1o0p9a8s7\nkey=acme.io_z8w7e6r5t4y3u2i1o0p9a8s7\n"
                      "key=acmexio_x8w7e6r5t4y3u2i1o0p9a8s7\nnot acme.io: key=acme_y8w7e6r5t4y3u2i1o0p9a8s7\n")
    run = cli("scan", "--format", "json", "--jobs", "1", "--rules", str(pack), str(target))
    assert run.exit_code == 1, run.stderr
    assert [f["location"]["line"] for f in json.loads(run.stdout)["findings"] if f["rule_id"] == "acme-key"] == [1, 2]
    assert cli("rules", "test", str(pack)).exit_code == 0


def test_a_long_pattern_that_names_no_word_list_is_no_word_lists_error(tmp_path: Path) -> None:
    """The limit on what word lists fill a pattern to is the lists': a long alternation written out (75 KB of
    revoked keys) is loaded in a file whose other rule names a list, as it is in a file without lists."""
    listed = "|".join(["abcdefghijklmnopqrstuvwx"] + [f"{number:024d}" for number in range(3000)])
    pack = tmp_path / "acme.yaml"
    pack.write_text("words:\n  brands: [acme]\n" + one_change("(?P<secret>[a-z0-9]{24})", f"(?P<secret>{listed})")
                    + GOOD_RULE.replace("rules:\n", "").replace("acme-key", "acme-other").replace(
                        "(?<![a-z0-9])acme_", "(?<![a-z0-9]){words:brands}-"))
    target = tmp_path / "app.log"
    target.write_text(f"key=acme_{7:024d}\n")
    run = cli("scan", "--format", "json", "--jobs", "1", "--rules", str(pack), str(target))
    assert run.exit_code == 1, run.stderr
    assert [f["rule_id"] for f in json.loads(run.stdout)["findings"]] == ["acme-key"]


def test_a_user_rule_with_a_shipped_id_replaces_it_in_place(tmp_path: Path) -> None:
    pack = tmp_path / "rules"
    pack.mkdir()
    (pack / "acme.yaml").write_text(GOOD_RULE)
    (pack / "override.yaml").write_text(override_rule(iugu_token()))
    token = iugu_token()
    target = tmp_path / "app.log"
    target.write_text(f"key=acme_q8w7e6r5t4y3u2i1o0p9a8s7\nGET /x?api_token={token}\n")

    shipped_run = cli("scan", "--format", "json", "--jobs", "1", str(target))
    shipped = [f for f in json.loads(shipped_run.stdout)["findings"] if f["rule_id"] == "iugu-api-token"]
    assert [f["title"] for f in shipped] == ["iugu API token in an api_token parameter"]

    run = cli("scan", "--format", "json", "--jobs", "1", "--rules", str(pack), str(target))
    report = json.loads(run.stdout)
    by_rule = {f["rule_id"]: f for f in report["findings"]}
    assert set(by_rule) == {"acme-key", "iugu-api-token"}
    assert (by_rule["iugu-api-token"]["title"], by_rule["iugu-api-token"]["severity"]) == ("Replaced iugu rule", "low")
    assert by_rule["iugu-api-token"]["location"]["line"] == 2
    assert_absent(token, run.stdout, what="the token")
    # Replacing does not add a rule: one more (acme-key), not two.
    assert report["scan"]["rules_loaded"] == json.loads(shipped_run.stdout)["scan"]["rules_loaded"] + 1

    listing = cli("rules", "list", "--rules", str(pack))
    assert listing.exit_code == 0
    ids = listed_ids(listing.stdout)
    shipped_ids = listed_ids(cli("rules", "list").stdout)
    assert ids.count("iugu-api-token") == 1
    assert ids.index("iugu-api-token") == shipped_ids.index("iugu-api-token")  # same place as the shipped one
    assert "acme-key" in ids and "Replaced iugu rule" in listing.stdout
    assert "iugu API token in an api_token parameter" not in listing.stdout


def test_a_single_rule_file_replaces_a_shipped_rule_for_rules_test(tmp_path: Path) -> None:
    pack = tmp_path / "override.yaml"
    pack.write_text(override_rule(iugu_token()))
    run = cli("rules", "test", str(pack))
    assert run.exit_code == 0, run.stdout
    shipped = load_rules()
    every = shipped.every
    replaced = next(r for r in shipped.rules if r.id == "iugu-api-token")
    examples = sum(len(r.examples) + len(r.negative_examples) for r in every)
    examples += 1 - len(replaced.examples) - len(replaced.negative_examples)  # the override has one
    assert run.stdout.splitlines()[-1] == f"{len(every)} rules, {examples} examples, 0 failures"


def test_every_shipped_pattern_compiles_with_its_secret_or_columns_group() -> None:
    """Shipped rules are loaded without compiling (for start-up time): this is their check."""
    from keyaudit.rulebook.loader import load_file, shipped_rules_dir

    for path in sorted(shipped_rules_dir().glob("*.yaml")):
        rules = load_file(path, verify=True).rules
        assert all(("secret" if rule.table is None else "columns") in rule.pattern.groupindex for rule in rules)


def test_rules_test_warns_about_unanchored_patterns_and_times_rules(tmp_path: Path) -> None:
    pack = tmp_path / "loose.yaml"
    pack.write_text(GOOD_RULE.replace("keywords: [acme_]", "keywords: [key]"))
    run = cli("rules", "test", "--timing", str(pack))
    assert run.exit_code == 0
    assert "WARN" in run.stdout and "'acme-key'" in run.stdout and "cannot anchor" in run.stdout
    timed = [line for line in run.stdout.splitlines() if line.endswith("ms/MiB")]
    assert any(line.startswith("acme-key") for line in timed) and len(timed) >= 10
    assert "WARN" not in cli("rules", "test").stdout  # shipped rules are all anchored


def test_a_scan_with_an_unanchored_user_rule_warns_once_and_goes_on(tmp_path: Path) -> None:
    pack = tmp_path / "loose.yaml"
    pack.write_text(GOOD_RULE.replace("keywords: [acme_]", "keywords: [key]"))
    (tmp_path / "app.log").write_text("key=acme_q8lmn3pr7st1vw4xy6ab9cdz\n")
    run = cli("scan", "--rules", str(pack), "--format", "json", str(tmp_path / "app.log"))
    warnings = [line for line in run.stderr.splitlines() if line.startswith("keyaudit: warning:")]
    assert run.exit_code == 1 and len(json.loads(run.stdout)["findings"]) == 1
    assert warnings == [f"keyaudit: warning: {pack}: rule 'acme-key': example 1 matches text without any of its "
                        "keywords: the prefilter cannot anchor this pattern"]
    clean = cli("scan", "--format", "json", str(tmp_path / "app.log"))
    assert "warning" not in clean.stderr  # the shipped rules are not checked at every start


def test_an_unanchored_user_rule_warns_once_however_often_it_is_loaded_and_not_once_replaced(
        tmp_path: Path) -> None:
    loose = tmp_path / "loose.yaml"
    loose.write_text(one_change("examples: ['key=acme_abcdefghijklmnopqrstuvwx']",
                                "examples: ['key=acme_abcdefghijklmnopqrstuvwx', 'acme_q8lmn3pr7st1vw4xy6ab9cdz']")
                     .replace("keywords: [acme_]", "keywords: [key]"))
    anchored = tmp_path / "anchored.yaml"
    anchored.write_text(GOOD_RULE)
    (tmp_path / "app.log").write_text("nothing to see\n")
    run = cli("scan", "--rules", str(loose), "--rules", str(loose), str(tmp_path / "app.log"))
    assert run.exit_code == 0
    assert [line for line in run.stderr.splitlines() if "warning" in line] == [
        f"keyaudit: warning: {loose}: rule 'acme-key': examples 1, 2 match text without any of its keywords: "
        "the prefilter cannot anchor this pattern"]
    replaced = cli("scan", "--rules", str(loose), "--rules", str(anchored), str(tmp_path / "app.log"))
    assert replaced.exit_code == 0 and "warning" not in replaced.stderr  # the rule in force is anchored


def test_parsed_rule_files_are_cached_and_a_damaged_or_stale_entry_is_not_trusted(tmp_path: Path,
                                                                                   monkeypatch) -> None:
    cache = tmp_path / "cache"
    monkeypatch.setenv("KEYAUDIT_CACHE_DIR", str(cache))
    rule_file = tmp_path / "acme.yaml"
    rule_file.write_text(one_change("severity: high", "severity: low"))
    (tmp_path / "app.log").write_text("key=acme_q8lmn3pr7st1vw4xy6ab9cdz\n")

    def severities() -> list[str]:
        run = cli("scan", "--format", "json", "--rules", str(rule_file), str(tmp_path / "app.log"))
        assert run.exit_code in (0, 1), run.stderr
        return [f["severity"] for f in json.loads(run.stdout)["findings"]]

    assert severities() == ["low"]
    entries = sorted((cache / "keyaudit").glob("rules-*.json"))
    assert len(entries) == len(list((REPO / "rules").glob("*.yaml"))) + 1
    for entry in entries:
        entry.write_text("{damaged")
    assert severities() == ["low"]  # parsed again, not read from the damaged entries
    assert all(json.loads(entry.read_text()) for entry in entries)  # and stored again whole
    rule_file.write_text(GOOD_RULE)
    assert severities() == ["high"]  # an edited file is a new entry, never the old document


TABLE_RULE = """\
rules:
  - id: acme-key-column
    title: ACME key in a table column
    provider: acme
    category: access-token
    severity: high
    keywords: [acme_key]
    pattern: '(?im)^(?P<columns>[^\\n]*acme_key[^\\n]*?)\\r?$'
    table: {column: '(?i)acme_key', rows: lines}
    examples: ["host|acme_key\\nweb-1|k3y-0123456789abcdef\\n"]
    negative_examples: ["host|acme_key\\nweb-1\\n"]
"""


def test_a_user_rule_declares_a_table_and_finds_every_row(tmp_path: Path) -> None:
    pack = tmp_path / "acme.yaml"
    pack.write_text(TABLE_RULE)
    assert cli("rules", "test", str(pack)).exit_code == 0
    table = tmp_path / "hosts.psv"
    table.write_text("host|acme_key|owner\n" + "".join(f"web-{n}|k3y-{n:016x}|ops\n" for n in range(1, 40)))
    run = cli("scan", "--format", "json", "--rules", str(pack), str(table))
    lines = [f["location"]["line"] for f in json.loads(run.stdout)["findings"] if f["rule_id"] == "acme-key-column"]
    assert sorted(lines) == list(range(2, 41))


def test_request_anchors_and_markers_are_also_looked_for_escaped_byte_by_byte() -> None:
    """A tracer that escapes every byte of a string (`strace -xx`) shows no anchor or marker as
    written: each is in the rule set in that form too, lower-case hex as strace writes it; the
    record anchors (a provider's host, file evidence read as written) are not."""
    shipped = load_rules()
    assert "\\x2f\\x74\\x72\\x61\\x6e\\x73\\x66\\x65\\x72" in shipped.request_anchors  # /transfer
    assert "\\x20\\x48\\x54\\x54\\x50\\x2f\\x31\\x2e" in shipped.request_markers  # " HTTP/1."
    assert not any(anchor.startswith("\\x") for anchor in shipped.record_anchors)
