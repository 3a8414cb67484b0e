"""Paths and captured values that are not valid UTF-8 or hold control characters, in every format,
to stdout and to --output: the report is written (no internal error), is valid UTF-8 and valid
against its schema, and names each file and URL in one escaped form — the same in every format —
while its fingerprints stay the ones a baseline recorded."""

from __future__ import annotations

import json
import os
from pathlib import Path
from urllib.parse import unquote_to_bytes

import pytest
from jsonschema import Draft4Validator, Draft202012Validator

from helpers.credentials import iugu_line, iugu_token
from helpers.data import SARIF_SCHEMA_PATH, load_schema
from helpers.running import proc
from helpers.secrecy import scrub
from keyaudit.report import FORMATS

# file name on disk -> how every report names it
NAMES = {
    b"bad\xff.log": "bad\\xff.log",
    b"esc\x1b[2J\x1b]0;owned\x07.log": "esc\\x1b[2J\\x1b]0;owned\\x07.log",
    b"forged\nkeyaudit: error: x.log": "forged\\nkeyaudit: error: x.log",
}
CAPTURE = "curl.sh"
URL_SHOWN = "http://api.asaas.com/v3/transfers?x=\\xff"  # the curl command's URL holds the byte 0xFF
# what must never reach a report raw: C0 controls but the line end, DEL and C1 controls
RAW_CONTROLS = [chr(c) for c in [*range(0x0A), *range(0x0B, 0x20), *range(0x7F, 0xA0)]]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder with one leaking file under each hostile name and a curl command whose URL holds
    a byte that is not UTF-8."""
    root = tmp_path / "scanned"
    root.mkdir()
    for name in NAMES:
        with open(os.path.join(os.fsencode(root), name), "wb") as handle:
            handle.write((iugu_line(iugu_token()) + "\n").encode())
    (root / CAPTURE).write_bytes(b'curl "http://api.asaas.com/v3/transfers?x=\xff"\n')
    return root


def run_format(folder: Path, fmt: str, to_file: bool) -> str:
    """The report of ``folder`` in ``fmt`` from a real process, decoded strictly as UTF-8."""
    out = folder.parent / f"report.{fmt}"
    done = proc("scan", "--format", fmt, "--jobs", "1", *(["--output", str(out)] if to_file else []), ".",
                cwd=folder)
    stderr = done.stderr.decode("utf-8", "replace")
    assert done.returncode == 1 and "internal error" not in stderr and "Traceback" not in stderr, scrub(stderr)
    data = out.read_bytes() if to_file else done.stdout
    assert (done.stdout == b"") == to_file
    text = data.decode("utf-8")  # strict: a report is valid UTF-8 or it is no report
    raw = sorted({f"U+{ord(c):04X}" for c in text if c in RAW_CONTROLS})
    assert raw == [], f"raw control characters in the {fmt} report"
    return text


def schema_problems(validator, instance) -> list[str]:  # type: ignore[no-untyped-def]
    return [f"{error.json_path}: {error.validator}" for error in validator.iter_errors(instance)]


def names_and_urls(fmt: str, text: str) -> tuple[set[str], set[str]]:
    """The file names and request URLs a report in ``fmt`` gives, after checking it against its
    schema. SARIF's URIs are percent-encoded bytes (a URI's own escaping): they are decoded back
    to the bytes on disk and given as the escaped names the other formats must show."""
    schema = load_schema()
    if fmt == "json":
        report = json.loads(text)
        assert schema_problems(Draft202012Validator(schema), report) == []
        findings = report["findings"]
        return {f["location"]["path"] for f in findings}, {f["context"]["url"] for f in findings if f["context"]["url"]}
    if fmt in ("jsonl", "ecs"):
        events = [json.loads(line) for line in text.splitlines()]
        findings = [e["keyaudit"] for e in events] if fmt == "ecs" else events
        finding = Draft202012Validator({"$defs": schema["$defs"], "$ref": "#/$defs/finding"})
        assert [p for f in findings for p in schema_problems(finding, {"rule_id": "x", **f})] == []
        if fmt == "ecs":
            assert [e["file"]["path"] for e in events] == [f["location"]["path"] for f in findings]
            assert {e["url"]["original"] for e in events if "url" in e} == {f["context"]["url"] for f in findings
                                                                            if f["context"]["url"]}
        return {f["location"]["path"] for f in findings}, {f["context"]["url"] for f in findings if f["context"]["url"]}
    if fmt == "sarif":
        sarif = json.loads(text)
        assert schema_problems(Draft4Validator(json.loads(SARIF_SCHEMA_PATH.read_text(encoding="utf-8"))), sarif) == []
        results = sarif["runs"][0]["results"]
        on_disk = {unquote_to_bytes(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]) for r in results}
        escaped = {NAMES[name] if name in NAMES else name.decode() for name in on_disk}
        urls = {r["message"]["text"].rsplit(": ", 1)[1] for r in results if r["ruleId"].endswith("-request")}
        return escaped, urls
    lines = text.splitlines()
    headings = {line for line in lines if line and not line.startswith("  ")} - {lines[-1]}
    urls = {line.rsplit("  ", 1)[1].split(" ", 1)[1] for line in lines if "-request  " in line}
    return headings, urls


@pytest.mark.parametrize("to_file", [False, True], ids=["stdout", "output-file"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_names_hostile_paths_and_values_in_one_escaped_form(folder: Path, fmt: str,
                                                                         to_file: bool) -> None:
    names, urls = names_and_urls(fmt, run_format(folder, fmt, to_file))
    assert names == {*NAMES.values(), CAPTURE}
    assert urls == {URL_SHOWN}


def test_the_text_view_has_one_line_per_heading_finding_and_summary(folder: Path) -> None:
    """A newline in a name must not add a line: the view is exactly its headings, rows, blank
    lines and one summary."""
    lines = run_format(folder, "text", to_file=False).splitlines()
    findings = len(NAMES) + 1
    assert len(lines) == 3 * findings + 1
    assert sum(line.startswith("  ") for line in lines) == findings
    assert lines[-1].startswith(f"{findings} findings")


def test_a_baseline_of_hostile_names_hides_their_findings_next_time(folder: Path) -> None:
    """The fingerprints (from the names' own bytes) are the same in every report and every run."""
    baseline = folder.parent / "baseline.json"
    written = proc("scan", "--jobs", "1", "--write-baseline", str(baseline), ".", cwd=folder)
    assert written.returncode == 0, scrub(written.stderr)
    recorded = json.loads(baseline.read_text(encoding="utf-8"))["findings"]
    assert {entry["path"] for entry in recorded} == {*NAMES.values(), CAPTURE}
    report = json.loads(run_format(folder, "json", to_file=False))
    sarif = json.loads(run_format(folder, "sarif", to_file=False))
    fingerprints = {entry["fingerprint"] for entry in recorded}
    assert {f["fingerprint"] for f in report["findings"]} == fingerprints
    assert {r["partialFingerprints"]["keyaudit/v1"] for r in sarif["runs"][0]["results"]} == fingerprints
    again = proc("scan", "--format", "json", "--jobs", "1", "--baseline", str(baseline), ".", cwd=folder)
    assert again.returncode == 0, scrub(again.stderr)
    hidden = json.loads(again.stdout)
    assert hidden["findings"] == [] and hidden["scan"]["suppressed"] == {"baseline": len(fingerprints)}
