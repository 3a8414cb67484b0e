"""The model on its own: redaction budgets, sealed secrets, fingerprints and checkpoints."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers.credentials import iugu_token
from keyaudit.model.findings import Finding, Location, member_path
from keyaudit.model.secrets import ELLIPSIS, SealedSecret, Secret, redact


@given(secret=st.text(max_size=300), prefix=st.sampled_from(["", "$aact_prod_000", "$aact_hmlg_000", "%24aact_"]))
def test_redaction_never_shows_more_than_a_quarter_or_eight_characters(secret: str, prefix: str) -> None:
    for shown in (redact(secret, prefix), Secret(secret, prefix).redacted):
        assert shown.startswith(prefix)
        body = shown[len(prefix):]
        assert body.count(ELLIPSIS) >= 1
        head, _, tail = body.partition(ELLIPSIS)
        visible = len(head) + len(tail)
        assert visible <= len(secret) / 4 and visible <= 8
        assert secret.startswith(head) and secret.endswith(tail)


def finding(secret: Secret | None, line: int = 3, path: str = "logs/app.log") -> Finding:
    return Finding(rule_id="iugu-api-token", category="access-token", severity="critical", confidence="high",
                   provider="iugu", title="iugu API token", message="iugu API token",
                   location=Location(path, line, 5, line, 37), secret=secret, context={"url": None})


def test_a_fingerprint_follows_the_secret_and_the_file_not_the_line() -> None:
    token = Secret(iugu_token())
    moved = finding(token, line=90)
    assert finding(token).fingerprint == moved.fingerprint
    assert finding(token).fingerprint != finding(Secret(iugu_token())).fingerprint
    assert finding(token).fingerprint != finding(token, path="logs/other.log").fingerprint


def test_a_checkpoint_keeps_what_a_report_shows_and_never_the_value() -> None:
    value = iugu_token()
    original = finding(Secret(value))
    kept = original.to_checkpoint()
    secret_in_checkpoint = value in repr(kept)
    assert not secret_in_checkpoint
    restored = Finding.from_checkpoint(kept)
    assert isinstance(restored.secret, SealedSecret)
    assert restored.fingerprint == original.fingerprint
    assert restored.to_dict() == original.to_dict()
    assert replace(restored, location=original.location).location == original.location


def test_a_sealed_secret_refuses_to_show_or_key_a_value() -> None:
    sealed = Secret(iugu_token()).sealed("f" * 32)
    with pytest.raises(ValueError):
        sealed.shown(True)
    with pytest.raises(ValueError):
        sealed.digest(b"key")
    assert sealed.digest().startswith("sha256:") and ELLIPSIS in sealed.shown(False)


def test_a_member_is_named_after_its_archive() -> None:
    assert member_path("logs/2026-11-25.tar.gz", "var/log/app.log") == "logs/2026-11-25.tar.gz!var/log/app.log"
