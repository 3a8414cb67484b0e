"""Every place a secret is, in every format: a key in two files is named in both, and the JSON
report says once which keys leaked and where."""

from __future__ import annotations

import json
from pathlib import Path

from helpers.credentials import asaas_key
from helpers.running import cli
from helpers.secrecy import scrub


def test_every_file_holding_a_key_is_named_in_every_format(tmp_path: Path) -> None:
    key = asaas_key()
    (tmp_path / "a.env").write_text(f"ASAAS_API_KEY={key}\n")
    (tmp_path / "b.py").write_text(f'KEY = "{key}"\nprint(1)\nclient(api_key="{key}")\n')
    target = str(tmp_path)

    text = cli("scan", "--jobs", "1", target)
    assert text.exit_code == 1, scrub(text.stderr)
    assert "a.env" in text.stdout and "b.py" in text.stdout and "+1 more in this file: line 3" in text.stdout
    assert key not in text.stdout

    report = json.loads(cli("scan", "--format", "json", "--jobs", "1", target).stdout)
    assert [(Path(f["location"]["path"]).name, f["occurrences"]["count"]) for f in report["findings"]] == [
        ("a.env", 1), ("b.py", 2)]
    [leaked] = report["secrets"]
    assert (leaked["files"], leaked["occurrences"], leaked["categories"]) == (2, 3, ["access-token"])
    assert [Path(path).name for path in leaked["paths"]] == ["a.env", "b.py"]
    assert leaked["digest"] == report["findings"][0]["secret"]["digest"] and key not in json.dumps(report)

    sarif = json.loads(cli("scan", "--format", "sarif", "--jobs", "1", target).stdout)
    uris = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in sarif["runs"][0]["results"]]
    assert [uri.rsplit("/", 1)[-1] for uri in uris] == ["a.env", "b.py"]

    lines = cli("scan", "--format", "jsonl", "--jobs", "1", target).stdout.splitlines()
    assert len(lines) == 2


def test_a_report_with_no_findings_is_still_whole(tmp_path: Path) -> None:
    (tmp_path / "clean.txt").write_text("nothing here\n")
    for format in ("json", "sarif"):
        run = cli("scan", "--format", format, "--jobs", "1", str(tmp_path))
        document = json.loads(run.stdout)
        results = document["findings"] if format == "json" else document["runs"][0]["results"]
        assert results == [] and run.exit_code == 0
    assert json.loads(cli("scan", "--format", "json", "--jobs", "1", str(tmp_path)).stdout)["secrets"] == []
