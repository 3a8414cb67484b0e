"""A run that read some binary content only in part says so in JSON Lines and ECS too — also when it has no
finding to carry the sentence (a core dump past the bound, nothing found; a --state run that finds it unchanged)."""

from __future__ import annotations

import json
from pathlib import Path

from jsonschema import Draft202012Validator

from helpers.binaries import executable
from helpers.data import load_schema
from helpers.running import cli
from keyaudit.model.result import BINARY_STRINGS_BYTES


def lines(*args: str) -> list[dict]:
    run = cli("scan", "--jobs", "1", *args)
    assert run.exit_code == 0, run.stderr[-2000:]
    return [json.loads(line) for line in run.stdout.splitlines()]


def test_a_run_whose_only_news_is_a_cut_says_it_in_json_lines_and_ecs(tmp_path: Path) -> None:
    folder, state = tmp_path / "dumps", str(tmp_path / "state.db")
    folder.mkdir()
    (folder / "core.dump").write_bytes(executable(4096) * (BINARY_STRINGS_BYTES // 4096 + 4))
    schema = load_schema()
    line_schema = Draft202012Validator({"$schema": schema["$schema"], "$defs": schema["$defs"],
                                        "$ref": "#/$defs/jsonl_line"})
    for args in (["--state", state], ["--state", state], []):  # read; unchanged, not read (still cut); no state
        said = lines("--format", "jsonl", *args, str(folder))
        assert [line["read_in_part"].startswith("1 binary file read in part") for line in said] == [True], said
        assert all(list(line_schema.iter_errors(line)) == [] for line in said)
        assert said[0]["scan"]["read_in_part"] == said[0]["read_in_part"] and "rule_id" not in said[0]
    events = lines("--format", "ecs", str(folder))
    assert [(event["event"]["dataset"], event["keyaudit"]["scan"]["read_in_part"]) for event in events] == \
        [("keyaudit.scan", said[0]["read_in_part"])]
    assert "read in part" in events[0]["message"] and events[0]["event"]["kind"] == "event"
    assert lines("--format", "jsonl", str(tmp_path / "state.db")) == []  # nothing cut: nothing but findings
