"""``--verify`` against a local HTTPS server that plays both providers (tests/helpers/fake_providers).

The command line runs in this process, handed the server's transport as click's context object:
the only way to point keyaudit's requests anywhere but the providers' own hosts (no option,
variable or configuration key can). Each test asserts what reached the server — method, path,
headers, no body, one request per distinct key, the host of the key's environment — and what
the reports say, with no secret in them or on stderr.
"""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Iterator

import pytest
from click.testing import CliRunner
from jsonschema import Draft202012Validator

from helpers.credentials import asaas_key, iugu_token
from helpers.data import ECS_TEMPLATE_PATH, load_schema
from helpers.fake_providers import HANG, REDIRECT, FakeProviders, serve
from helpers.running import Run
from helpers.secrecy import assert_none_leaked
from keyaudit.cli import main
from keyaudit.config import Config
from keyaudit.run.session import Session
from keyaudit.verify import Transport

LIVE_ASAAS, DEAD_SANDBOX, LIVE_IUGU, LIMITED_IUGU, SLOW_ASAAS, MOVED_IUGU = (
    asaas_key("prod"), asaas_key("hmlg"), iugu_token("long"), iugu_token(), asaas_key("prod"), iugu_token("upper"))
ANSWERS = {LIVE_ASAAS: 200, LIVE_IUGU: 200, LIMITED_IUGU: 429, SLOW_ASAAS: HANG, MOVED_IUGU: REDIRECT}
KEYS = {"live asaas": LIVE_ASAAS, "dead sandbox": DEAD_SANDBOX, "live iugu": LIVE_IUGU,
        "rate-limited iugu": LIMITED_IUGU, "hanging asaas": SLOW_ASAAS, "redirected iugu": MOVED_IUGU}
KEY_COUNT = len(KEYS)  # asserted on instead of KEYS: a failing assertion prints what it compares
EXPECTED = {LIVE_ASAAS: ("active", None), DEAD_SANDBOX: ("inactive", None), LIVE_IUGU: ("active", None),
            LIMITED_IUGU: ("unknown", "rate limited (HTTP 429)"), SLOW_ASAAS: ("unknown", "timeout"),
            MOVED_IUGU: ("unknown", "redirect not followed (HTTP 302)")}
# How long a request may take before it is "unknown: timeout": what the hanging key waits out, and
# what a live key's TLS handshake to the loopback server must beat on a CI runner busy with the other
# worker (at 0.5 s, a live key was now and then reported timed out under load).
SECONDS = 2.0
TIMEOUT = ("--verify-timeout", str(SECONDS))


@pytest.fixture
def providers() -> Iterator[FakeProviders]:
    yield from serve(dict(ANSWERS))


@pytest.fixture
def leaks(tmp_path: Path) -> Path:
    """Every key of :data:`KEYS`, the live Asaas key and the live iugu token in two files each
    (and the iugu token once more as a Basic header): still one request per key."""
    basic = base64.b64encode(f"{LIVE_IUGU}:".encode()).decode()
    (tmp_path / "settings.env").write_text(
        f"ASAAS_API_KEY={LIVE_ASAAS}\nASAAS_SANDBOX_KEY={DEAD_SANDBOX}\nASAAS_BATCH_KEY={SLOW_ASAAS}\n"
        f"IUGU_API_TOKEN={LIVE_IUGU}\n")
    (tmp_path / "client.py").write_text(
        f'ASAAS = "{LIVE_ASAAS}"\nrequests.get(url, params={{"api_token": "{LIMITED_IUGU}"}})\n'
        f'Iugu.api_key = "{MOVED_IUGU}"\n')
    (tmp_path / "proxy.log").write_text(f"GET /v1/invoices HTTP/1.1\nHost: api.iugu.com\nAuthorization: Basic {basic}\n")
    return tmp_path


def verify(providers: FakeProviders | Transport | None, *args: str) -> Run:
    """``keyaudit scan --verify ARGS`` in this process, its requests carried by ``providers``."""
    transport = providers.transport() if isinstance(providers, FakeProviders) else providers
    result = CliRunner().invoke(main, ["scan", "--verify", "--jobs", "1", *TIMEOUT, *args], obj=transport,
                                catch_exceptions=False)
    return Run(result.exit_code, result.stdout, result.stderr)


def report(run: Run) -> dict:
    assert run.exit_code in (0, 1), run.stderr[-2000:]
    document = json.loads(run.stdout)
    Draft202012Validator(load_schema()).validate(document)
    return document


def digest(key: str) -> str:
    import hashlib

    canonical = key.removeprefix("$aact_prod_000").removeprefix("$aact_hmlg_000")
    return "sha256:" + hashlib.sha256(canonical.encode()).hexdigest()


def test_one_read_only_request_per_distinct_key_shaped_as_the_provider_documents(
        providers: FakeProviders, leaks: Path) -> None:
    run = verify(providers, "--format", "json", str(leaks))
    document = report(run)
    seen = providers.by_credential()
    requests_per_key = sorted(map(len, seen.values()))
    assert requests_per_key == [1] * KEY_COUNT, "one request per key"
    for key, [request] in seen.items():
        asaas = key is not None and key.startswith("$aact_")
        assert request.method == "GET" and request.body == b""
        assert request.header("Content-Length") is None and request.header("Transfer-Encoding") is None
        assert request.target == ("/v3/customers?limit=1" if asaas else "/v1/customers?limit=1")
        assert request.header_names == {"host", "user-agent", "access_token" if asaas else "authorization"}
        assert (request.header("User-Agent") or "").startswith("keyaudit/")
        sandbox = key == DEAD_SANDBOX
        assert request.header("Host") == ("api-sandbox.asaas.com" if sandbox else "api.asaas.com" if asaas
                                          else "api.iugu.com")
    assert_none_leaked(KEYS, stdout=run.stdout, stderr=run.stderr)


def test_each_finding_carries_its_keys_verdict(providers: FakeProviders, leaks: Path) -> None:
    document = report(verify(providers, "--format", "json", str(leaks)))
    expected = {digest(key): status for key, status in EXPECTED.items()}
    credentials = [f for f in document["findings"] if f["secret"] is not None]
    assert len(credentials) >= KEY_COUNT + 2  # the live keys are in two files each
    for finding in credentials:
        verdict = finding["verification"]
        assert (verdict["status"], verdict["reason"]) == expected[finding["secret"]["digest"]], finding["rule_id"]
    assert {s["digest"]: (s["verification"]["status"], s["verification"]["reason"])
            for s in document["secrets"]} == expected
    assert document["scan"]["requests"]["verification_requests"] == KEY_COUNT
    hosts = {f["secret"]["digest"]: f["verification"]["host"] for f in credentials}
    assert hosts[digest(DEAD_SANDBOX)] == "api-sandbox.asaas.com" and hosts[digest(LIVE_IUGU)] == "api.iugu.com"


def test_stderr_says_how_many_requests_go_where_before_sending(providers: FakeProviders, leaks: Path) -> None:
    run = verify(providers, "--format", "json", str(leaks))
    lines = [line for line in run.stderr.splitlines() if line.startswith("keyaudit: --verify:")]
    assert lines == ["keyaudit: --verify: sending 6 requests (1 to api-sandbox.asaas.com, 2 to api.asaas.com, "
                     "3 to api.iugu.com)"]
    heard: list[tuple[str, int]] = []  # each line the session says, with the requests the server had seen by then
    config = Config(targets=(str(leaks),), verify=True, verify_timeout=SECONDS, jobs=1)
    with Session(config, say=lambda line: heard.append((line, len(providers.seen))),
                 transport=providers.transport()) as session:
        session.run()
    assert [(line.startswith("--verify: sending 6 requests"), seen) for line, seen in heard] == [(True, 6)]
    assert len(providers.seen) == 12  # then the second run's six were sent


def test_without_a_trusted_certificate_nothing_is_active(providers: FakeProviders, leaks: Path) -> None:
    """The system's trust store does not know the test's authority: the handshake fails, the
    credential is never sent, and the verdict says why."""
    untrusted = Transport(connect_to=providers.transport().connect_to)
    document = report(verify(untrusted, "--format", "json", str(leaks)))
    reasons = {f["verification"]["reason"] for f in document["findings"] if f.get("verification")}
    assert reasons == {"TLS certificate not trusted"}
    assert providers.seen == []


def test_a_key_of_unknown_environment_is_sent_nowhere(providers: FakeProviders, tmp_path: Path) -> None:
    unprefixed = LIVE_ASAAS.removeprefix("$aact_prod_")  # PHP ate the prefix: sandbox or production?
    (tmp_path / "pay.php").write_text(f'$asaas = new Asaas("{unprefixed}");\n')
    document = report(verify(providers, "--format", "json", str(tmp_path)))
    [finding] = document["findings"]
    assert finding["verification"] == {"status": "unknown", "reason": "not sent: the key's environment is not known",
                                       "host": None}
    assert providers.seen == []


def test_only_verified_reports_the_active_keys_alone(providers: FakeProviders, leaks: Path) -> None:
    run = verify(providers, "--only-verified", "--format", "json", str(leaks))
    document = report(run)
    assert {f["secret"]["digest"] for f in document["findings"]} == {digest(LIVE_ASAAS), digest(LIVE_IUGU)}
    assert all(f["verification"]["status"] == "active" for f in document["findings"])
    assert document["scan"]["suppressed"]["not verified active"] > 0
    assert run.exit_code == 1
    quiet = {key: 401 for key in KEYS.values()}
    providers.answers.clear()
    providers.answers.update(quiet)
    assert verify(providers, "--only-verified", "-q", str(leaks)).exit_code == 0  # nothing live: nothing fails


@pytest.mark.parametrize("form", ["text", "jsonl", "sarif", "ecs"])
def test_every_format_shows_the_verdict(providers: FakeProviders, leaks: Path, form: str) -> None:
    run = verify(providers, "--format", form, str(leaks))
    assert run.exit_code == 1, run.stderr[-2000:]
    assert_none_leaked(KEYS, stdout=run.stdout, stderr=run.stderr)
    if form == "text":
        assert "[active]" in run.stdout and "[unknown: timeout]" in run.stdout and "[inactive]" in run.stdout
        assert "--verify: 2 active, 1 inactive, 3 unknown" in run.stdout  # counted once per distinct key
        return
    if form == "sarif":
        results = json.loads(run.stdout)["runs"][0]["results"]
        verdicts = [r["properties"].get("verification") for r in results if "secretDigest" in r["properties"]]
        assert set(verdicts) == {"active", "inactive", "unknown"}
        assert {r["properties"].get("verificationReason") for r in results} >= {"timeout", "rate limited (HTTP 429)"}
        assert sum("(--verify: active)" in r["message"]["text"] for r in results) == 4  # each live key is in two files
        return
    lines = [json.loads(line) for line in run.stdout.splitlines()]
    verdicts = [(line if form == "jsonl" else line["keyaudit"]).get("verification") for line in lines]
    assert {v["status"] for v in verdicts if v} == {"active", "inactive", "unknown"}
    if form == "jsonl":
        schema = load_schema()
        line_schema = Draft202012Validator({"$schema": schema["$schema"], "$defs": schema["$defs"],
                                            "$ref": "#/$defs/jsonl_line"})
        for line in lines:
            line_schema.validate(line)
        return
    template = json.loads(ECS_TEMPLATE_PATH.read_text(encoding="utf-8"))
    mapped = template["template"]["mappings"]["properties"]["keyaudit"]["properties"]["verification"]["properties"]
    assert set(mapped) == {"status", "reason", "host"} and {m["type"] for m in mapped.values()} == {"keyword"}
    assert all(set(v) == set(mapped) and all(isinstance(x, (str, type(None))) for x in v.values())
               for v in verdicts if v)


def test_a_run_taken_up_after_a_kill_verifies_the_keys_it_checkpointed(providers: FakeProviders, leaks: Path,
                                                                      tmp_path: Path) -> None:
    """Checkpoints hold no values to send: the run after a killed one scans files with findings
    again instead of restoring them sealed, and asks about every key."""
    state = tmp_path / "state.db"
    with Session(Config(targets=(str(leaks),), state=state, jobs=1)) as killed:
        killed.run()  # every file checkpointed; never committed, as when the report was not written
    document = report(verify(providers, "--state", str(state), "--format", "json", str(leaks)))
    reasons = {f["verification"]["reason"] for f in document["findings"] if f["secret"]}
    assert reasons == {reason for _status, reason in EXPECTED.values()}
    assert len(providers.seen) == KEY_COUNT


def test_findings_spilled_to_disk_get_their_keys_verdict_too(providers: FakeProviders, leaks: Path) -> None:
    """Past the spool's bound findings are sealed on disk before the verdicts come: the keys were
    collected on their way in, and the verdicts find them by their digests."""
    config = Config(targets=(str(leaks),), verify=True, verify_timeout=SECONDS, jobs=1)
    with Session(config, spill_at=2, transport=providers.transport()) as session:
        result = session.run()
    expected = {digest(key): status for key, status in EXPECTED.items()}
    verdicts = {f.secret.digest(): (f.verification.status, f.verification.reason)
                for f in result.findings if f.secret is not None and f.verification is not None}
    assert verdicts == expected and len(providers.seen) == KEY_COUNT
