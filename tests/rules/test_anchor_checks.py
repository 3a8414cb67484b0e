"""Request anchors counted only where they are what they stand for (``request_anchor_checks``):
the shipped checks hold on their examples, a rule pack can check its own anchors, and a wrong
check is one line on stderr."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.running import cli, scan_json
from keyaudit.rulebook.loader import load_rules

SHIPPED = load_rules().request_anchor_checks


@pytest.mark.parametrize("check", SHIPPED, ids=[check.anchor for check in SHIPPED])
def test_every_shipped_check_counts_its_examples_and_none_of_its_negative_examples(check) -> None:
    assert [example for example in check.examples if not check.counts_in(example)] == []
    assert [example for example in check.negative_examples if check.counts_in(example)] == []


def test_the_signature_header_and_the_transfer_path_are_checked() -> None:
    assert {check.anchor for check in SHIPPED} >= {"ignature", "/transfer"}


CHECKS = """\
request_anchor_checks:
  - anchor: /payout
    pattern: '/payouts(?![A-Za-z0-9_/-])'
    examples: ['POST /v1/payouts HTTP/1.1']
    negative_examples: ['GET /v1/payouts/po_1']
"""
PACK = "request_anchors: [/payout]\n" + CHECKS + """\
request_rules:
  - id: acme-payout
    title: ACME payout
    provider: acme
    category: unsigned-transfer
    severity: high
    description: A payout sent without a signature.
    when: {methods: [POST], path: '^/v1/payouts$'}
    require: {headers: [Signature]}
    examples: ["POST https://api.acme.example/v1/payouts HTTP/1.1\\nAccept: */*\\n\\n{}"]
    negative_examples: ["GET https://api.acme.example/v1/payouts HTTP/1.1\\nAccept: */*\\n\\n"]
    references: [https://acme.example/docs/payouts]
    remediation: Sign payouts.
"""


def test_a_packs_check_is_loaded_and_its_anchor_still_opens_a_request(tmp_path: Path) -> None:
    """A pack's anchor names a path (its provider names no host), its check where the path ends:
    the payout is judged, so the anchor still makes the file worth reading where it counts."""
    pack = tmp_path / "acme.yaml"
    pack.write_text(PACK, encoding="utf-8")
    capture = tmp_path / "wire.log"
    capture.write_text('INFO fetched GET /v1/payouts/po_1\n> POST https://api.acme.example/v1/payouts HTTP/1.1\n'
                       '> Accept: */*\n>\n{"amount": 1}\n', encoding="utf-8")
    report, _run = scan_json("--rules", str(pack), str(capture))
    assert [(f["rule_id"], f["location"]["line"]) for f in report["findings"]] == [("acme-payout", 2)]
    assert [check.anchor for check in load_rules([pack]).request_anchor_checks][-1] == "/payout"


@pytest.mark.parametrize("edit, problem", [
    (("    pattern: '/payouts(?![A-Za-z0-9_/-])'\n", ""), "entry 1 must have exactly anchor, examples,"),
    (("'/payouts(?![A-Za-z0-9_/-])'", "'/payouts(?!'"), "entry 1: pattern is not a regular expression"),
    (("negative_examples: ['GET /v1/payouts/po_1']", "negative_examples: []"), "must be non-empty lists"),
    (("  - anchor: /payout\n", "  - anchor: /refund\n"), "checks '/refund', which no rule file's 'request_anchors'"),
    ((CHECKS, "request_anchor_checks: {anchor: /payout}\n"), "'request_anchor_checks' must be a list"),
])
def test_a_wrong_check_is_one_line(tmp_path: Path, edit: tuple[str, str], problem: str) -> None:
    pack = tmp_path / "acme.yaml"
    pack.write_text(PACK.replace(*edit), encoding="utf-8")
    run = cli("scan", "--rules", str(pack), str(tmp_path))
    assert run.exit_code == 2
    assert run.stderr.count("\n") == 1 and problem in run.stderr, run.stderr


def test_rules_test_names_a_check_that_counts_a_negative_example_or_misses_an_example(tmp_path: Path) -> None:
    pack = tmp_path / "acme.yaml"
    pack.write_text(PACK, encoding="utf-8")
    run = cli("rules", "test", str(pack))
    assert run.exit_code == 0, run.stdout + run.stderr
    pack.write_text(PACK.replace("negative_examples: ['GET /v1/payouts/po_1']",
                                 "negative_examples: ['GET /v1/payouts/po_1', 'POST /v2/payouts']")
                    .replace("examples: ['POST /v1/payouts HTTP/1.1']",
                             "examples: ['POST /v1/payouts HTTP/1.1', 'GET /v1/payouts_all']"), encoding="utf-8")
    run = cli("rules", "test", str(pack))
    assert run.exit_code == 1
    assert [line for line in run.stdout.splitlines() if line.startswith("FAIL")] == [
        f"FAIL {pack}: request anchor check '/payout': example 2 does not count",
        f"FAIL {pack}: request anchor check '/payout': negative example 2 counts"]
