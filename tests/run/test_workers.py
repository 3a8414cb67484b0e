"""How many worker processes a scan starts on this machine: what was asked, but never more than the cores can take
in turns — ``jobs`` and ``local:N`` may come from the scanned repository's own file, nine digits long."""

from __future__ import annotations

import os
from pathlib import Path

from helpers.running import scan_json
from keyaudit.config import load_config
from keyaudit.run.executors import MAX_WORKERS_PER_CORE, default_jobs, machine_workers
from keyaudit.run.executors.forked import local_workers


def test_a_scanned_repository_s_file_cannot_fork_a_process_per_digit(tmp_path: Path) -> None:
    (tmp_path / ".keyaudit.yaml").write_text("jobs: 999999999\n")
    (tmp_path / "app.log").write_text("nothing here\n")
    config = load_config(None, tmp_path, {})
    assert config.jobs == 999999999  # the file is read as written ...
    most = MAX_WORKERS_PER_CORE * default_jobs()
    assert local_workers(config.jobs) == (most if hasattr(os, "fork") else 1)  # ... and the machine caps it
    report, _ = scan_json(str(tmp_path / "app.log"))
    assert report["findings"] == [] and report["errors"] == []


def test_what_the_cores_can_take_is_started_as_asked() -> None:
    assert [machine_workers(asked) for asked in (1, default_jobs())] == [1, default_jobs()]
    assert machine_workers(10 ** 9) == MAX_WORKERS_PER_CORE * default_jobs()
