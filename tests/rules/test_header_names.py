"""The header names a record's own fields are read as come from the rule files: the request
rules' headers, the senders' and each file's ``header_names``; those a rule that judges records
requires are the ones whose field tells a header missing."""

from __future__ import annotations

from pathlib import Path

import pytest

from keyaudit.rulebook.errors import RuleError
from keyaudit.rulebook.header_names import folded
from keyaudit.rulebook.loader import load_rules

PACK = """
header_names: [X-Acme-Key]
request_rules:
  - id: acme-unsigned-charge
    title: ACME charge without a nonce
    provider: acme
    category: unsigned-transfer
    severity: high
    when: {hosts: [api.acme.example], methods: [POST]}
    require: {headers: [X-Acme-Nonce]}
    references: [https://acme.example/docs/nonce]
    remediation: Send the nonce.
  - id: acme-wire-only
    title: ACME call without a trace header in the bytes sent
    provider: acme
    category: misuse
    severity: low
    when: {hosts: [api.acme.example], captures: [har, wire]}
    require: {headers: [X-Acme-Trace]}
    references: [https://acme.example/docs/trace]
    remediation: Send the trace header.
"""


def test_the_shipped_rules_name_the_signing_headers_and_where_keys_travel() -> None:
    known = load_rules().record_headers
    assert {folded(name) for name in ("Signature", "Request-Time", "access_token", "Authorization", "Origin")} <= set(
        known.names)
    assert {"signature", "requesttime"} <= known.required
    assert "useragent" not in known.required  # required only of the bytes sent (captures: har, wire, …)


def test_a_pack_brings_its_own_header_names(tmp_path: Path) -> None:
    (tmp_path / "acme.yaml").write_text(PACK)
    known = load_rules([tmp_path]).record_headers
    assert (known.field_header("req_x_acme_key"), known.field_header("x-acme-nonce")) == ("X-Acme-Key", "X-Acme-Nonce")
    assert "xacmenonce" in known.required and "xacmetrace" not in known.required
    assert known.field_header("service") is None


def test_header_names_must_be_strings(tmp_path: Path) -> None:
    (tmp_path / "acme.yaml").write_text("header_names: [3]\n" + PACK.split("\n", 2)[2])
    with pytest.raises(RuleError, match="header_names"):
        load_rules([tmp_path])
