"""Shared test helpers: generated fake credentials and a CLI runner.

Keys are generated per run with the structure real ones have, so validators accept them, and
nothing that looks like a real credential is committed. Assertions about secrets go through
``absent``/``present`` so a failure message never prints a secret.
"""

from __future__ import annotations

import base64
import json
import secrets
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from keyaudit.cli import main

DATA = Path(__file__).parent / "data"
CORPUS = DATA / "corpus"


def asaas_key(environment: str = "prod") -> str:
    """A structurally valid Asaas key: `$aact_<env>_000` + base64(`<hex>::<uuid>::$aach_<uuid>`)."""
    payload = f"{secrets.token_hex(16)}::{uuid.uuid4()}::$aach_{uuid.uuid4()}"
    return f"$aact_{environment}_000" + base64.b64encode(payload.encode()).decode()


def old_asaas_key() -> str:
    """The older form: `$aact_` + base64(`<hex>::<19 digits>::$aach_<uuid>`), padded."""
    digits = "".join(secrets.choice("0123456789") for _ in range(19))
    payload = f"{secrets.token_hex(16)}::{digits}::$aach_{uuid.uuid4()}"
    return "$aact_" + base64.b64encode(payload.encode()).decode()


def iugu_token(kind: str = "lower") -> str:
    """32 lower hex, 32 upper hex, or 64 upper hex, as iugu issues them."""
    if kind == "long":
        return secrets.token_hex(32).upper()
    token = secrets.token_hex(16)
    return token.upper() if kind == "upper" else token


def basic(user: str, password: str = "") -> str:
    return base64.b64encode(f"{user}:{password}".encode()).decode()


def absent(secret: str, *texts: str) -> bool:
    """True when ``secret`` appears in none of ``texts`` (use with a message that omits it)."""
    return all(secret not in text for text in texts)


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str


def run_cli(*args: str, input: str | bytes | None = None) -> Run:
    """Run ``keyaudit`` in-process through click's runner, stdout and stderr kept apart."""
    result: Result = CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)
    return Run(result.exit_code, result.stdout, result.stderr)


def scan_json(*args: str, input: str | bytes | None = None) -> tuple[dict, Run]:
    run = run_cli("scan", "--format", "json", "--jobs", "1", *args, input=input)
    assert run.exit_code in (0, 1), run.stderr
    return json.loads(run.stdout), run


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


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Compiled engine databases go to a per-session folder, never the user's cache."""
    monkeypatch.setenv("KEYAUDIT_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cache"))
