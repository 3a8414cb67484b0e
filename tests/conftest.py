"""Fixtures shared by every test folder; helpers live in the ``helpers`` package beside this file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Iterator

import pytest
from hypothesis import HealthCheck, settings

from helpers.privileges import remove_tree

# Property tests check what holds, never how fast: speed is the benchmarks' to measure. Hypothesis's
# default deadline (200 ms an example) and its too-slow check failed examples whose first call loads
# the rules or compiles a pattern, on a CI runner busy with the other worker.
settings.register_profile("keyaudit", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("keyaudit")

# Test data is read by tests, never collected as tests: the credential corpus holds templates of
# other projects' files, their test modules among them.
collect_ignore = ["data"]


@pytest.fixture
def write(tmp_path: Path):
    """Write a file under tmp_path (text or bytes) and return its path."""

    def _write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return _write


@pytest.fixture
def readable_tmp_path() -> Iterator[Path]:
    """A temporary folder every user can reach (``tmp_path``'s parents are its owner's alone), for
    scans run unprivileged; removed afterwards, also when a test locked folders in it."""
    folder = tempfile.mkdtemp(prefix="keyaudit-test-")
    os.chmod(folder, 0o755)
    yield Path(folder)
    remove_tree(folder)


@pytest.fixture(scope="session", autouse=True)
def _compiled_rules(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The bundled rules' Hyperscan databases compiled into the session's cache once, as a user's
    cache holds them after a first large scan: a small scan takes Hyperscan only from the cache
    (see :func:`keyaudit.engine.create_matcher`), and the suite's small scans are to run on it as
    before (the regex engine's own run of the suite is ``test_without_hyperscan``'s)."""
    from keyaudit.engine import create_matcher, hyperscan_available
    from keyaudit.rulebook.loader import load_rules

    if hyperscan_available():
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv("KEYAUDIT_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cache"))
            create_matcher(load_rules(), "hyperscan")


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Compiled engine databases go to a per-session folder, never the user's cache."""
    monkeypatch.setenv("KEYAUDIT_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cache"))


@pytest.fixture
def s3_endpoint(monkeypatch: pytest.MonkeyPatch) -> str:
    """A real S3-compatible server (moto) on loopback, for s3fs to talk to; this process (not
    processes started before it, such as Dask workers) gets credentials for it."""
    server_module = pytest.importorskip("moto.server")
    pytest.importorskip("s3fs")
    import socket

    for name, value in (("AWS_ACCESS_KEY_ID", "testing"), ("AWS_SECRET_ACCESS_KEY", "testing"),
                        ("AWS_DEFAULT_REGION", "us-east-1")):
        monkeypatch.setenv(name, value)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = server_module.ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


@pytest.fixture
def neutral_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run from an empty folder: a .keyaudit.yaml or [tool.keyaudit] of the repository running
    the tests must not change what a test sees (``pytestmark = pytest.mark.usefixtures(…)``)."""
    monkeypatch.chdir(tmp_path)
