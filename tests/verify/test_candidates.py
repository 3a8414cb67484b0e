"""Which credentials a run asks about, and the verdict each finding gets without a request: the
collection is fed the findings of real scans (the Python API), not made-up ones."""

from __future__ import annotations

import base64

import pytest

import keyaudit
from helpers.credentials import asaas_key, iugu_token, old_asaas_key
from keyaudit.rulebook.loader import load_rules
from keyaudit.verify import Candidates, Transport, Verdicts
from keyaudit.verify.candidates import NO_ENVIRONMENT, OVER_LIMIT


def test_each_distinct_key_is_planned_once_in_the_order_found() -> None:
    key, token = asaas_key("prod"), iugu_token()
    basic = base64.b64encode(f"{token}:".encode()).decode()
    text = f"A={key}\nB=%24{key[1:]}\nIUGU_API_TOKEN={token}\nAuthorization: Basic {basic}\n"
    specs = load_rules().verifications
    candidates = Candidates(specs)
    findings = list(candidates.collect(keyaudit.scan_text(text, name="x.env", no_dedupe=True).findings))
    assert len(findings) == 4  # passed on unchanged
    planned = list(candidates.planned.values())
    assert [(c.spec.provider, c.url) for c in planned] == [
        ("asaas", "https://api.asaas.com/v3/customers?limit=1"), ("iugu", "https://api.iugu.com/v1/customers?limit=1")]
    assert [c.value == v for c, v in zip(planned, (key, token))] == [True, True]
    assert "aact" not in repr(planned) and token not in repr(planned)


def test_keys_without_a_known_environment_and_keys_past_the_limit_are_not_sent() -> None:
    specs = load_rules().verifications
    old = old_asaas_key()  # `$aact_<base64>`: the environment is not in the key
    keys = [asaas_key("prod"), asaas_key("hmlg"), asaas_key("prod")]
    text = "".join(f"KEY_{n}={k}\n" for n, k in enumerate([old, *keys]))
    candidates = Candidates(specs, limit=2)
    findings = list(candidates.collect(keyaudit.scan_text(text, name="keys.env").findings))
    assert len(candidates.planned) == 2 and candidates.over_limit == 1
    first, *_, last = findings
    assert first.secret is not None and last.secret is not None
    assert list(candidates.planned) == [f.secret.identity for f in findings[1:3]]  # the third key is past the limit
    verdicts = Verdicts(dict(candidates.not_sent), frozenset(specs))
    assert (verdicts.of(first).reason, verdicts.of(last).reason) == (NO_ENVIRONMENT, OVER_LIMIT)  # type: ignore[union-attr]


def test_findings_no_provider_can_be_asked_about_get_no_verdict() -> None:
    text = "curl -X POST http://api.asaas.com/v3/transfers -d '{}'\n"
    findings = keyaudit.scan_text(text, name="payout.sh").findings
    verdicts = Verdicts({}, frozenset(load_rules().verifications))
    assert findings and [verdicts.of(f) for f in findings] == [None] * len(findings)


@pytest.mark.parametrize("address", ["10.0.0.5", "203.0.113.7", "::ffff:8.8.8.8"])
def test_only_loopback_addresses_may_stand_in_for_a_provider(address: str) -> None:
    with pytest.raises(ValueError, match="only a loopback address may stand in for a provider"):
        Transport(connect_to={"api.asaas.com": (address, 443)})
    assert Transport(connect_to={"api.asaas.com": ("::1", 443)}).connect_to


def test_the_tls_context_checks_certificates_and_refuses_old_protocols() -> None:
    import ssl

    context = Transport().context()
    assert context.verify_mode == ssl.CERT_REQUIRED and context.check_hostname
    assert context.minimum_version == ssl.TLSVersion.TLSv1_2
