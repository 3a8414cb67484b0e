"""Running keyaudit three ways: the command line in-process (click's runner), as a real
``python -m keyaudit`` process, and a session from the Python API."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from click.testing import CliRunner

from helpers import privileges
from helpers.secrecy import scrub
from keyaudit.cli import main
from keyaudit.config import Config
from keyaudit.model.result import ScanResult
from keyaudit.run.gzip_cutting import Costs
from keyaudit.run.session import ProgressDisplay, Session
from keyaudit.run.spool import SPILL_AT
from keyaudit.run.units import RANGE_BYTES
from keyaudit.sources.targets import Target


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str


def cli(*args: str, input: str | bytes | None = None) -> Run:
    """``keyaudit ARGS`` in-process through click's runner, stdout and stderr kept apart."""
    result = CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)
    return Run(result.exit_code, result.stdout, result.stderr)


def scan_json(*args: str, input: str | bytes | None = None) -> tuple[dict, Run]:
    """``keyaudit scan --format json --jobs 1 ARGS`` in-process; the parsed report and the run."""
    run = cli("scan", "--format", "json", "--jobs", "1", *args, input=input)
    code = run.exit_code
    assert code in (0, 1), scrub(run.stderr)
    return json.loads(run.stdout), run


def request_urls(folder: Path, name: str, text: str) -> list[tuple[str, str]]:
    """The (rule, URL) of each request finding a scan of ``text``, written at ``folder / name``, gives, sorted."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    report, _ = scan_json(str(path))
    return sorted((f["rule_id"], f["context"]["url"]) for f in report["findings"] if f["context"].get("method"))


def subprocess_env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("KEYAUDIT_DEBUG", None)
    env.pop("KEYAUDIT_DIGEST_KEY", None)
    env["PYTHONIOENCODING"] = "utf-8"
    return env


def proc(*args: str, cwd: Path, input: bytes | None = None, timeout: float = 120,
         unprivileged: bool = False, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """``python -m keyaudit ARGS`` as a real process, output as bytes, stdout a pipe (not a tty);
    ``unprivileged``: as a user file permissions apply to (see :mod:`helpers.privileges`); ``env``:
    its whole environment (default :func:`subprocess_env`)."""
    prefix = privileges.unprivileged_prefix() if unprivileged else ()
    if prefix is None:
        raise RuntimeError("this process cannot run keyaudit unprivileged: check can_run_unprivileged() first")
    return subprocess.run([*prefix, sys.executable, "-m", "keyaudit", *args], cwd=cwd, input=input,
                          capture_output=True, timeout=timeout, env=env or subprocess_env())


def run_scan(*targets: str, range_bytes: int = RANGE_BYTES, spill_at: int = SPILL_AT,
             on_progress: ProgressDisplay | None = None, gzip_costs: Callable[[Target], Costs | None] | None = None,
             **options: Any) -> ScanResult:
    """A scan through the Python API: a :class:`Config` of ``options``, one session, its result;
    every occurrence is its own finding unless ``no_dedupe=False`` is asked for. ``gzip_costs``:
    what a big single-member gzip file costs to decode and scan, instead of measuring it."""
    options.setdefault("no_dedupe", True)
    with Session(Config(targets=targets, **options), range_bytes=range_bytes, spill_at=spill_at,
                 gzip_costs=gzip_costs) as session:
        return session.run(on_progress)


def decoded_places(path: Path, text: str, engine: str) -> list[tuple[str, int, int, str | None]]:
    """``text`` written to ``path`` and scanned with ``engine`` (without errors): each finding's rule, line, column
    and the decoding layer it was found under."""
    path.write_text(text, encoding="utf-8")
    result = run_scan(str(path), engine=engine)
    assert result.errors == []
    return [(f.rule_id, f.location.line, f.location.column, f.context.get("decoded")) for f in result.findings]


def engine_findings(engine: str, *paths: Path) -> tuple[list[dict], str]:
    """The findings of ``keyaudit scan --engine ENGINE PATHS`` (which must read without errors)
    and the raw JSON report, to check that no secret leaked into it."""
    report, run = scan_json("--engine", engine, *map(str, paths))
    assert report["errors"] == [], report["errors"]
    return report["findings"], run.stdout


def written_requests(folder: Path, name: str, text: str) -> tuple[list[str], dict]:
    """``text`` written to ``folder / name`` and scanned: the rule ids of its request findings, sorted, and the
    report's request counts."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    report, _ = scan_json(str(path))
    return request_rules(report), report["scan"]["requests"]


def request_rules(report: dict) -> list[str]:  # type: ignore[type-arg]
    """The rule ids of ``report``'s findings on a request (their context names a method), sorted."""
    return sorted(f["rule_id"] for f in report["findings"] if f["context"].get("method"))


def scanned_requests(path: Path) -> list[str]:
    """The rule ids of the request findings of a scan of ``path``, sorted."""
    return request_rules(scan_json(str(path))[0])


def request_places(path: str) -> list[tuple[str, int]]:
    """The rule and line of each finding a scan of ``path`` reports on a request (its context names a method)."""
    report, _ = scan_json(path)
    return [(f["rule_id"], f["location"]["line"]) for f in report["findings"] if f["context"].get("method")]


def rule_places(findings: list[dict]) -> list[tuple[str, int, int]]:
    """What a failure message may show of findings: rule, line and column, never a secret."""
    return [(f["rule_id"], f["location"]["line"], f["location"]["column"]) for f in findings]


def peak_rss_of_scan(path: Path, code: int = 1) -> tuple[int, dict]:
    """Peak RSS (bytes) of ``python -m keyaudit scan --jobs 1 PATH`` as a real process, and its
    report; it is to exit with ``code``. Measured by a parent of its own, whose only child is the
    scan: this test process's other children cannot count."""
    report = path.with_suffix(".json")
    scan = [sys.executable, "-m", "keyaudit", "scan", "-q", "--jobs", "1", "--format", "json",
            "--output", str(report), str(path)]
    parent = ("import resource, subprocess, sys; code = subprocess.run(sys.argv[1:]).returncode; "
              "print(code, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    done = subprocess.run([sys.executable, "-c", parent, *scan], capture_output=True, text=True,
                          env=subprocess_env(), timeout=300)
    exit_code, kilobytes = map(int, done.stdout.split())
    assert exit_code == code, done.stderr[-2000:]
    return kilobytes * 1024, json.loads(report.read_text())
