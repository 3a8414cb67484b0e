"""Every hostile input of ``helpers.bad_inputs``, alone and all together, beside one good file:
the good file's key is found, the exit code is 1, each bad input is named on exactly one error
line, its intact parts still give their findings, and no traceback reaches the terminal."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers.bad_inputs import BadInput, every_case
from helpers.credentials import asaas_key
from helpers.running import proc
from helpers.secrecy import scrub

CASES = every_case()


def scan_folder(folder: Path, cases: list[BadInput]) -> None:
    """Plant the cases and one good file in ``folder``, scan it as a real process, check it all."""
    (folder / "good.env").write_text(f"ASAAS_API_KEY={asaas_key()}\n")
    names = {case.name: case.make(folder) for case in cases}
    # The cases send tokens in api_token URLs and call Asaas without a User-Agent; what those
    # practices give is not what is counted here.
    run = proc("scan", "--format", "json", "--jobs", "1", "--disable", "iugu-token-in-query-string",
               "--disable", "asaas-request-without-user-agent", ".", cwd=folder,
               unprivileged=any(case.unprivileged for case in cases))
    stderr = run.stderr.decode("utf-8", "replace")
    assert run.returncode == 1 and "Traceback" not in stderr, scrub(stderr)
    report = json.loads(run.stdout)
    paths = [finding["location"]["path"] for finding in report["findings"]]
    assert paths.count("good.env") == 1, paths
    error_lines = [line for line in stderr.splitlines() if line.startswith("keyaudit: error:")]
    for case in cases:
        named = [line for line in error_lines if names[case.name] in line]
        if case.error is None:
            assert named == [], f"{case.name}: {scrub(chr(10).join(named))}"
        else:
            assert len(named) == 1 and case.error in named[0], f"{case.name}: {scrub(stderr)}"
        own = [path for path in paths if path == names[case.name] or path.startswith(names[case.name] + "!")]
        assert len(own) == case.findings, f"{case.name}: {own}"


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_one_bad_input_costs_at_most_that_input(case: BadInput, readable_tmp_path: Path) -> None:
    if not case.runs_here():
        pytest.skip(f"{case.name}: cannot be made here")
    scan_folder(readable_tmp_path, [case])


def test_all_bad_inputs_together_cost_only_themselves(readable_tmp_path: Path) -> None:
    scan_folder(readable_tmp_path, [case for case in CASES if case.runs_here()])
