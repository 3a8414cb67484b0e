"""Shared test helpers: generated fake credentials and a CLI runner.

Keys are generated per run with the structure real ones have, so validators accept them, and
nothing that looks like a real credential is committed. A failure message must never print a
secret, and pytest's assertion rewriting prints the arguments of every call inside an ``assert``
(``assert absent(key, out), "msg"`` shows ``where False = absent('$aact_…', …)``). So: check
leaks with :func:`assert_absent`, which fails with its own message only; compute anything derived
from a secret (its digest, its length, its column) into a local *before* the ``assert``.

Every generator takes an optional ``rng`` (a ``random.Random``) so that property tests can build
keys from a drawn seed: Hypothesis then reports the seed, never the key.
"""

from __future__ import annotations

import base64
import json
import random
import secrets
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from keyaudit.cli import main

DATA = Path(__file__).parent / "data"
CORPUS = DATA / "corpus"

_SYSTEM = secrets.SystemRandom()


def _hex(nbytes: int, rng: random.Random | None) -> str:
    return (rng or _SYSTEM).getrandbits(8 * nbytes).to_bytes(nbytes, "big").hex()


def _uuid(rng: random.Random | None) -> uuid.UUID:
    return uuid.UUID(int=(rng or _SYSTEM).getrandbits(128), version=4)


def asaas_payload(middle: str, rng: random.Random | None = None) -> str:
    """The base64 body of an Asaas key: base64(``<32 hex>::<middle>::$aach_<uuid>``)."""
    plain = f"{_hex(16, rng)}::{middle}::$aach_{_uuid(rng)}"
    return base64.b64encode(plain.encode()).decode()


def asaas_key(environment: str = "prod", rng: random.Random | None = None) -> str:
    """A structurally valid Asaas key: `$aact_<env>_000` + base64(`<hex>::<uuid>::$aach_<uuid>`)."""
    return f"$aact_{environment}_000" + asaas_payload(str(_uuid(rng)), rng)


def old_asaas_key(rng: random.Random | None = None) -> str:
    """The older form: `$aact_` + base64(`<hex>::<19 digits>::$aach_<uuid>`), padded."""
    digits = "".join((rng or _SYSTEM).choice("0123456789") for _ in range(19))
    return "$aact_" + asaas_payload(digits, rng)


def iugu_token(kind: str = "lower", rng: random.Random | None = None) -> str:
    """32 lower hex, 32 upper hex, or 64 upper hex, as iugu issues them."""
    if kind == "long":
        return _hex(32, rng).upper()
    token = _hex(16, rng)
    return token.upper() if kind == "upper" else token


def basic(user: str, password: str = "") -> str:
    """The value of an ``Authorization: Basic`` header for ``user:password``."""
    return base64.b64encode(f"{user}:{password}".encode()).decode()


def absent(secret: str, *texts: str) -> bool:
    """True when ``secret`` appears in none of ``texts`` (use with a message that omits it)."""
    return all(secret not in text for text in texts)


def present(secret: str, text: str) -> bool:
    """True when ``secret`` appears in ``text`` (use with a message that omits it)."""
    return secret in text


def assert_absent(secret: str, *texts: str, what: str = "a secret") -> None:
    """Fail (with ``what``, never the secret) when ``secret`` occurs in any of ``texts``."""
    if not secret:
        pytest.fail("test set-up: an empty secret cannot be checked", pytrace=False)
    if not absent(secret, *texts):
        pytest.fail(f"{what} leaked into the output", pytrace=False)


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
    """``keyaudit scan --format json`` on one process; the parsed report and the run."""
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
