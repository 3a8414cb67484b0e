"""Helpers for the I/O tests: generated fake credentials, expected places, and two ways to run
the command line (in-process through click's runner, and as a real ``python -m keyaudit``).

Every credential is generated per run with the structure a real one has, so the validators accept
it and nothing that looks like a real key is committed. Assertions about secrets use booleans
(``leaked(...)``) so that a failing test never prints a secret.
"""

from __future__ import annotations

import base64
import gzip
import json
import os
import re
import secrets
import subprocess
import sys
import uuid
from dataclasses import dataclass
from pathlib import Path

from click.testing import CliRunner

from keyaudit.cli import main

REPO = Path(__file__).resolve().parent.parent
SCHEMA_PATH = REPO / "schemas" / "report.schema.json"
SARIF_SCHEMA_PATH = Path(__file__).resolve().parent / "data" / "sarif-2.1.0.json"

# --- generated credentials ---------------------------------------------------------------------


def iugu_token() -> str:
    """An iugu API token as older accounts have them: 32 lowercase hex characters."""
    while True:
        token = secrets.token_hex(16)
        # the validator (rightly) rejects all-digit or all-letter strings; regenerate the rare one
        if any(c.isdigit() for c in token) and any(c.isalpha() for c in token):
            return token


def iugu_line(token: str) -> str:
    """An access-log request line that leaks ``token`` in its query string."""
    return f"GET /v1/invoices?api_token={token} HTTP/1.1"


IUGU_LEAD = "GET /v1/invoices?api_token="  # what comes before the token in :func:`iugu_line`
IUGU_TAIL = " HTTP/1.1"


def asaas_payload() -> str:
    return base64.b64encode(f"{secrets.token_hex(16)}::{uuid.uuid4()}::$aach_{uuid.uuid4()}".encode()).decode()


def asaas_key(environment: str = "prod") -> str:
    """`$aact_prod_000` (or `$aact_hmlg_000`) + base64(`<32 hex>::<uuid>::$aach_<uuid>`)."""
    return f"$aact_{environment}_000" + asaas_payload()


def basic_value(user: str, password: str = "") -> str:
    """The value of an ``Authorization: Basic`` header for ``user:password``."""
    return base64.b64encode(f"{user}:{password}".encode()).decode()


def user_password() -> tuple[str, str]:
    """A service user and a random password that does not look like a placeholder."""
    return f"svc-{secrets.token_hex(3)}", "Pw" + secrets.token_urlsafe(12).replace("-", "k").replace("_", "q") + "9!"


def leaked(secret: str, *texts: str | bytes) -> bool:
    """Whether ``secret`` occurs in any of ``texts`` (assert on this, never on the secret)."""
    needle = secret.encode()
    return any((needle in text) if isinstance(text, bytes) else (secret in text) for text in texts)


# --- where things are --------------------------------------------------------------------------


def place(data: bytes, offset: int) -> tuple[int, int]:
    """(line, column) of byte ``offset`` as an editor shows it, computed from the whole file:
    lines are counted by LF, columns count characters (one per undecodable byte), 1-based."""
    line_start = data.rfind(b"\n", 0, offset) + 1
    line = data.count(b"\n", 0, offset) + 1
    column = len(data[line_start:offset].decode("utf-8", "surrogateescape")) + 1
    return line, column


def expected_spans(data: bytes, secrets_planted: list[str]) -> list[tuple[int, int, int, int]]:
    """Sorted (line, column, end_line, end_column) of each planted secret (each occurs once)."""
    spans = []
    for secret in secrets_planted:
        raw = secret.encode()
        offset = data.index(raw)
        assert data.count(raw) == 1, "a planted secret occurs more than once"
        line, column = place(data, offset)
        end_line, end_column = place(data, offset + len(raw))
        spans.append((line, column, end_line, end_column))
    return sorted(spans)


def found_spans(report: dict, rule_id: str | None = None) -> list[tuple[int, int, int, int]]:
    return sorted(
        (f["location"]["line"], f["location"]["column"], f["location"]["end_line"], f["location"]["end_column"])
        for f in report["findings"]
        if rule_id is None or f["rule_id"] == rule_id
    )


# --- running the command line ------------------------------------------------------------------


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str


def cli(*args: str, input: str | bytes | None = None) -> Run:
    """``keyaudit ARGS`` in-process through click's runner, stdout and stderr kept apart."""
    result = CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)
    return Run(result.exit_code, result.stdout, result.stderr)


def subprocess_env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("KEYAUDIT_DEBUG", None)
    env.pop("KEYAUDIT_DIGEST_KEY", None)
    env["PYTHONIOENCODING"] = "utf-8"
    return env


def proc(*args: str, cwd: Path, input: bytes | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    """``python -m keyaudit ARGS`` as a real process, output as bytes, stdout a pipe (not a tty)."""
    return subprocess.run([sys.executable, "-m", "keyaudit", *args], cwd=cwd, input=input,
                          capture_output=True, timeout=timeout, env=subprocess_env())


def scan_json(*args: str, input: str | bytes | None = None) -> tuple[dict, Run]:
    """``keyaudit scan --format json --jobs 1 ARGS`` in-process; the parsed report and the run."""
    run = cli("scan", "--format", "json", "--jobs", "1", *args, input=input)
    code = run.exit_code
    assert code in (0, 1), scrub(run.stderr)
    return json.loads(run.stdout), run


def load_schema() -> dict:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


class Secrets(dict):
    """Generated secrets by name; its repr hides them, so a traceback that shows a test's
    arguments (pytest does) cannot print them."""

    def __repr__(self) -> str:
        return f"<{len(self)} generated secrets: {', '.join(self)}>"


def assert_absent(secrets_by_name: dict[str, str], **texts: str | bytes) -> None:
    """Fail, naming only the kind of secret and the place, if any secret occurs in any text.

    The check is done here, outside pytest's assertion rewriting and with this frame hidden from
    the traceback, so that a failure message never quotes the secret or the text around it.
    """
    __tracebackhide__ = True
    for name, secret in secrets_by_name.items():
        for where, text in texts.items():
            if leaked(secret, text):
                raise AssertionError(f"the {name} secret leaked into {where}")


def assert_present(secrets_by_name: dict[str, str], **texts: str | bytes) -> None:
    """Fail, naming only the kind of secret and the place, unless each secret occurs in the texts."""
    __tracebackhide__ = True
    for name, secret in secrets_by_name.items():
        if not any(leaked(secret, text) for text in texts.values()):
            raise AssertionError(f"the {name} secret is not shown in {', '.join(texts)}")


def same_secrets(found: list[bytes], planted: list[str]) -> bool:
    """Whether ``found`` is exactly ``planted`` (as a multiset), compared without printing either."""
    return sorted(found) == sorted(secret.encode() for secret in planted)


# --- a tree with one of every kind of leak -----------------------------------------------------


def truncated_gzip(text: bytes) -> bytes:
    """``text`` gzipped and cut off two thirds of the way through."""
    packed = gzip.compress(text)
    return packed[: len(packed) * 2 // 3]


def plant_tree(root: Path) -> Secrets:
    """Files under ``root/logs`` and ``root/src`` that leak one generated secret each; returns
    every secret by a name (and the forms a report must not show either: base64 values, the
    decoded ``user:password``, the Asaas payload without its prefix)."""
    logs, src = root / "logs", root / "src"
    logs.mkdir(parents=True)
    src.mkdir(parents=True)
    s = Secrets({
        "asaas-prod": asaas_key("prod"),
        "asaas-hmlg": asaas_key("hmlg"),
        "iugu-query": iugu_token(),
        "iugu-basic-token": iugu_token(),
        "iugu-curl": iugu_token(),
        "iugu-plain-url": iugu_token(),
        "iugu-har": iugu_token(),
        "iugu-gz": iugu_token(),
        "iugu-broken-gz": iugu_token(),
    })
    user, password = user_password()
    s["password"] = password
    s["user:password"] = f"{user}:{password}"
    s["basic-user-password"] = basic_value(user, password)
    s["basic-iugu"] = basic_value(s["iugu-basic-token"])
    s["asaas-prod-payload"] = s["asaas-prod"][len("$aact_prod_000"):]
    s["asaas-hmlg-payload"] = s["asaas-hmlg"][len("$aact_hmlg_000"):]

    (logs / "access.log").write_text(
        '10.0.0.7 - - [22/Nov/2026:10:00:01 -0300] "' + iugu_line(s["iugu-query"]) + '" 200 512\n'
        '10.0.0.8 - - [22/Nov/2026:10:00:02 -0300] "GET /health HTTP/1.1" 200 2\n')
    (logs / "http-debug.log").write_text(
        "> POST /v1/customers HTTP/1.1\n> Host: api.iugu.com\n"
        f"> Authorization: Basic {s['basic-iugu']}\n>\n"
        "> GET /internal/report HTTP/1.1\n"
        f"> Authorization: Basic {s['basic-user-password']}\n")
    (logs / "deploy.sh").write_text(
        "#!/bin/sh\n"
        f"curl -X POST https://api.iugu.com/v1/transfer_requests -u {s['iugu-curl']}: "
        "-d '{\"amount_cents\": 1000, \"transfer_type\": \"pix\"}'\n"
        f"curl 'http://api.iugu.com/v1/invoices?api_token={s['iugu-plain-url']}'\n")
    har = {"log": {"version": "1.2", "creator": {"name": "test", "version": "1"}, "entries": [{
        "startedDateTime": "2026-11-22T10:00:00.000-03:00", "time": 1,
        "request": {"method": "GET", "url": f"https://api.iugu.com/v1/invoices?api_token={s['iugu-har']}",
                    "httpVersion": "HTTP/1.1", "cookies": [],
                    "headers": [{"name": "access_token", "value": s["asaas-hmlg"]}],
                    "queryString": [{"name": "api_token", "value": s["iugu-har"]}], "headersSize": -1, "bodySize": 0},
        "response": {"status": 200, "statusText": "OK", "httpVersion": "HTTP/1.1", "cookies": [], "headers": [],
                     "content": {"size": 0, "mimeType": "application/json"}, "redirectURL": "",
                     "headersSize": -1, "bodySize": 0},
        "cache": {}, "timings": {"send": 0, "wait": 1, "receive": 0}}]}}
    (logs / "capture.har").write_text(json.dumps(har, indent=2))
    (logs / "app.log.1").write_bytes(gzip.compress(("boot\n" + iugu_line(s["iugu-gz"]) + "\n").encode()))
    broken = ("start\n" + iugu_line(s["iugu-broken-gz"]) + "\n").encode() + os.urandom(100_000).hex().encode()
    (logs / "zz-broken.log.gz").write_bytes(truncated_gzip(broken))
    (src / "settings.env").write_text(f"ASAAS_API_KEY={s['asaas-prod']}\nDEBUG=false\n")
    (src / "sandbox.py").write_text(f'ASAAS_KEY = "{s["asaas-hmlg"]}"\nBASE = "https://api-sandbox.asaas.com/v3"\n')
    return s


# the secrets of :func:`plant_tree` a scan must find (the others are other forms of these)
FOUND_IN_TREE = ("asaas-prod", "asaas-hmlg", "iugu-query", "iugu-basic-token", "iugu-curl", "iugu-plain-url",
                 "iugu-har", "iugu-gz", "iugu-broken-gz", "user:password")


_SECRET_LIKE = re.compile(r"[A-Za-z0-9+=]{12,}")


def scrub(text: str | bytes) -> str:
    """``text`` for a failure message: every run of 12+ base64/hex characters masked, so that
    even output that wrongly contains a secret cannot put it into the test log."""
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    return _SECRET_LIKE.sub("<masked>", text)
