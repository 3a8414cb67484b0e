"""The fallback is tested where it runs: the suite again, in a process where ``import hyperscan``
fails as it does on a platform without its wheel. Findings must not depend on the engine, so
every test that is not about Hyperscan itself must pass on the regex engine alone."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from helpers.data import REPO
from helpers.engines import needs_hyperscan
from helpers.secrecy import scrub

BLOCKER = 'raise ModuleNotFoundError("No module named \'hyperscan\' (made unavailable for this run)", name="hyperscan")\n'
NOT_ABOUT_ENGINES = ("tests/e2e/test_wheel.py", "tests/architecture")  # packaging and layout: no scan to compare
IDLE_SECONDS = 1800  # the inner suite, one process, on an idle CI machine: a few minutes, with room to spare


def suite_timeout() -> float:
    """How long the inner suite may take: :data:`IDLE_SECONDS` stretched by how many processes
    share each core now. The inner suite runs on one core beside the outer suite's other
    workers; on a machine other work loads too, a fixed bound fails a suite that is only slow."""
    return IDLE_SECONDS * max(1.0, os.getloadavg()[0] / (os.cpu_count() or 1))


def without_hyperscan(tmp_path: Path) -> dict[str, str]:
    """An environment whose Python processes, and their children, cannot import hyperscan."""
    blocked = tmp_path / "blocked"
    blocked.mkdir()
    (blocked / "hyperscan.py").write_text(BLOCKER)
    path = os.pathsep.join(filter(None, [str(blocked), os.environ.get("PYTHONPATH")]))
    return {**os.environ, "PYTHONPATH": path}


@needs_hyperscan  # where it is missing, the suite already runs without it
def test_the_suite_passes_on_the_regex_engine_alone(tmp_path: Path) -> None:
    env = without_hyperscan(tmp_path)
    version = subprocess.run([sys.executable, "-m", "keyaudit", "--version"], env=env, capture_output=True,
                             text=True, cwd=tmp_path)
    assert version.returncode == 0 and version.stdout.endswith("(engine: regex)\n"), version.stdout + version.stderr
    ignored = [f"--ignore={REPO / path}" for path in (*NOT_ABOUT_ENGINES, Path(__file__).relative_to(REPO))]
    suite = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *ignored, "tests"],
                           env=env, capture_output=True, text=True, cwd=REPO, timeout=suite_timeout())
    summary = suite.stdout.strip().splitlines()[-1] if suite.stdout.strip() else ""
    assert suite.returncode == 0, scrub(suite.stdout[-4000:] + suite.stderr[-2000:])
    assert " passed" in summary and " skipped" in summary, summary  # the Hyperscan-only tests skipped
