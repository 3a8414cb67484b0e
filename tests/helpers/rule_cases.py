"""Rule cases written as templates: a text with places for fresh credentials, scanned as a file,
and the rules that report in it compared with the ones the case names."""

from __future__ import annotations

from helpers.credentials import asaas_key, iugu_token
from helpers.running import scan_json


def reported_rules(write, template: str) -> list[str]:
    """The rules that report in ``template`` (sorted) filled with fresh credentials: ``{token}`` a
    lower-case iugu token, ``{long}`` a 64-hex one, ``{upper}`` an account-id-shaped upper-case one,
    ``{short}`` the token's first 16 digits, ``{prod}`` and ``{hmlg}`` Asaas keys of each environment."""
    token = iugu_token()
    text = template.format(token=token, long=iugu_token("long"), upper=iugu_token("upper"), short=token[:16],
                           prod=asaas_key("prod"), hmlg=asaas_key("hmlg"))
    report, _ = scan_json(str(write("out.txt", text)))
    return sorted(finding["rule_id"] for finding in report["findings"])


def assert_reported(write, template: str, rules: list[str]) -> None:
    """The case's shape is reported by its ``rules`` alone (a look-alike: by none)."""
    found = reported_rules(write, template)
    assert found == sorted(rules), f"reported by {found or 'no rule'}, expected {rules or 'no rule'}"
