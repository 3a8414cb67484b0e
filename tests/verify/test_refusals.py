"""When ``--verify`` does not run, and what a run without it never does.

A repository being scanned must not be able to send the keys it holds anywhere: not by turning
``--verify`` on in its configuration (tests/cli/test_config.py refuses the keys in a file), not by
a rule pack that says where to send them, not by a pre-commit hook that sends every commit's
keys unless ``--verify-staged`` says so. And a scan without ``--verify`` opens no socket at all.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Iterator

import pytest
from click.testing import CliRunner

from helpers.credentials import asaas_key, iugu_token
from helpers.fake_providers import FakeProviders, serve
from helpers.packs import ACME_PACK
from helpers.repos import git, init_repo
from helpers.running import cli, subprocess_env
from helpers.secrecy import assert_none_leaked
from keyaudit.cli import main

KEY, TOKEN = asaas_key("prod"), iugu_token()


@pytest.fixture
def providers() -> Iterator[FakeProviders]:
    yield from serve({KEY: 200})


@pytest.fixture
def leak(tmp_path: Path) -> Path:
    (tmp_path / "app.env").write_text(f"ASAAS_API_KEY={KEY}\nIUGU_API_TOKEN={TOKEN}\n")
    return tmp_path / "app.env"


@pytest.mark.parametrize(("args", "problem"), [
    (("--verify", "--staged"), "--verify with --staged would send the keys of every commit to their providers: "
                               "add --verify-staged to mean it"),
    (("--verify-staged", "--staged"), "--verify-staged only allows --verify together with --staged: give all three"),
    (("--verify-staged", "--verify"), "--verify-staged only allows --verify together with --staged: give all three"),
    (("--only-verified",), "--only-verified reports the keys --verify found active: give --verify too"),
])
def test_options_that_cannot_verify_together_are_a_usage_error(leak: Path, args: tuple[str, ...],
                                                               problem: str) -> None:
    run = cli("scan", *args, str(leak))
    assert run.exit_code == 2 and run.stderr.strip() == f"keyaudit: error: {problem}", run.stderr


def test_a_hook_verifies_the_staged_keys_only_when_told_to(tmp_path: Path, providers: FakeProviders,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    repo = init_repo(tmp_path / "repo")
    (repo / "app.env").write_text(f"ASAAS_API_KEY={KEY}\n")
    git(repo, "add", "app.env")
    monkeypatch.chdir(repo)
    args = ["scan", "--staged", "--verify", "--verify-staged", "--format", "json", "--verify-timeout", "1"]
    done = CliRunner().invoke(main, args, obj=providers.transport(), catch_exceptions=False)
    assert done.exit_code == 1 and '"status": "active"' in done.stdout, done.stderr[-2000:]
    assert [request.header("Host") for request in providers.seen] == ["api.asaas.com"]
    assert_none_leaked({"asaas": KEY}, stdout=done.stdout, stderr=done.stderr)


def test_a_rule_pack_cannot_say_where_keys_are_sent(tmp_path: Path, leak: Path) -> None:
    pack = tmp_path / "pack.yaml"
    pack.write_text(ACME_PACK + "verification:\n  provider: asaas\n  endpoints:\n"
                                "    production: https://collector.example/keys\n  credential: {header: access_token}\n"
                                "  value_pattern: '.+'\n")
    (tmp_path / ".keyaudit.yaml").write_text(f"rules: [{pack}]\n")  # as a hostile repository would
    run = cli("scan", "--verify", str(leak))
    assert run.exit_code == 2, run.stderr
    assert run.stderr.strip() == (f"keyaudit: error: {pack}: 'verification' is read from the shipped rules only: "
                                  "a rule pack must not choose where found keys are sent")


def test_the_python_api_does_not_send_keys() -> None:
    import keyaudit

    with pytest.raises(TypeError, match="it sends found credentials to their providers, which only the command line"):
        keyaudit.scan_text("nothing\n", verify=True)  # type: ignore[call-arg]


# Run in a process of its own: an audit hook records every socket the scan would open, and which
# modules it loaded; the scan finds credentials (and reads a capture of provider calls) but has no --verify.
_WATCHED = """
import sys
events = []
sys.addaudithook(lambda event, args: events.append(event) if event.startswith("socket.") else None)
from keyaudit.cli import main
try:
    main(["scan", "-q", "--jobs", "1", *sys.argv[1:]])
except SystemExit as exit:
    assert exit.code == 1, exit.code
loaded = sorted(m for m in ("keyaudit.verify", "http.client", "ssl") if m in sys.modules)
print("events:", sorted(set(events)), "loaded:", loaded)
"""


def _watched(code: str, *args: str) -> str:
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=120,
                          env={**subprocess_env(), "PYTHONPATH": os.pathsep.join(sys.path)})
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.splitlines()[-1]


def test_a_scan_without_verify_opens_no_socket_and_loads_no_network_code(leak: Path) -> None:
    capture = leak.parent / "calls.log"
    capture.write_text(f"curl -H 'access_token: {KEY}' https://api.asaas.com/v3/customers\n")
    assert _watched(_WATCHED, str(leak), str(capture)) == "events: [] loaded: []"
    # The watch does see a socket: the same scan after one is opened.
    opening = _WATCHED.replace("from keyaudit.cli import main", "import socket\nsocket.socket().close()\n"
                                                                "from keyaudit.cli import main")
    assert _watched(opening, str(leak)).startswith("events: ['socket.__new__']")
