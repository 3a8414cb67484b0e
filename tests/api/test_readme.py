"""The README's "Python API" examples, run as doctests: the documented calls, outputs and errors
are the ones the API gives."""

from __future__ import annotations

import doctest
import re
import tempfile
from pathlib import Path

import pytest

from helpers.data import REPO
from helpers.secrecy import scrub

README = REPO / "README.md"


def section(title: str) -> tuple[str, int]:
    """The text of the README's ``## title`` section and the line it starts on, its code fences
    blanked (a fence right after an example's output would read as more output)."""
    text = README.read_text(encoding="utf-8")
    start = text.index(f"\n## {title}\n") + 1
    end = text.find("\n## ", start)
    return re.sub(r"(?m)^```.*$", "", text[start:end if end != -1 else None]), text.count("\n", 0, start)


def test_the_python_api_section_runs_as_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # the examples' folders are made in here
    text, line = section("Python API")
    examples = doctest.DocTestParser().get_doctest(text, {}, "README.md#python-api", str(README), line)
    assert len(examples.examples) >= 20 and re.search(r"keyaudit\.scan\(", text)
    output: list[str] = []
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    outcome = runner.run(examples, out=output.append)
    # The made-up keys are not real, but a failure report is masked all the same.
    assert outcome.failed == 0, scrub("".join(output))
