"""The exchange judge told what a request carries: the same findings as when it finds the
credentials itself, for every request the shipped rules' examples and negatives write, and for
rules that narrow by nothing a credential-free request lacks."""

from __future__ import annotations

from collections import Counter

from helpers.credentials import asaas_key

from keyaudit.engine.detect import SecretDetector
from keyaudit.engine.judge import ExchangeJudge
from keyaudit.inputs.text_requests import exchanges_in_lines
from keyaudit.model.exchange import Exchange
from keyaudit.model.findings import Finding
from keyaudit.rulebook.loader import load_rules
from keyaudit.rulebook.registry import request_checks
from keyaudit.rulebook.requests import RequestRule, parse_request_rule


def shown(findings: list[Finding]) -> list[tuple[str, str, object]]:
    return sorted((finding.rule_id, finding.message, finding.environment) for finding in findings)


def exchanges(texts: list[str]) -> list[Exchange]:
    return [exchange for text in texts
            for exchange in exchanges_in_lines(list(enumerate(text.split("\n"), start=1)), "<example>")]


def test_known_credentials_give_the_findings_the_judge_finds_itself() -> None:
    rules = load_rules()
    judge = ExchangeJudge(SecretDetector(rules), list(rules.requests), request_checks())
    written = exchanges([text for rule in rules.requests for text in (*rule.examples, *rule.negative_examples)])
    without = 0
    for exchange in written:
        carried = judge.credentials(exchange)
        without += not carried
        assert shown(judge.judge(exchange, Counter(), carried)) == shown(judge.judge(exchange, Counter())), \
            f"{exchange.method} {exchange.url}"
    assert without and without < len(written)  # requests with and without a credential were judged


def _rule(when: dict[str, object]) -> RequestRule:
    return parse_request_rule({"id": "custom", "title": "Custom", "provider": "generic", "category": "plaintext-http",
                               "severity": "low", "when": when}, "custom.yaml", ())


def test_a_rule_that_narrows_by_neither_host_nor_header_still_judges_every_request() -> None:
    rules = load_rules()
    judge = ExchangeJudge(SecretDetector(rules), [_rule({"schemes": ["http"]}), _rule({"hosts": ["shop.example"]})],
                          request_checks())
    plain, other = exchanges(["GET http://cdn.example/app.js HTTP/1.1\nAccept: */*\n\n",
                              "GET https://cdn.example/app.js HTTP/1.1\nAccept: */*\n\n"])
    assert [f.rule_id for f in judge.judge(plain, Counter(), [])] == ["custom"]
    assert judge.judge(other, Counter(), []) == []


def test_a_request_without_credentials_is_judged_by_its_headers_whatever_its_host() -> None:
    rules = load_rules()
    judge = ExchangeJudge(SecretDetector(rules), list(rules.requests), request_checks())
    signed, shouted, named_alike = exchanges([
        "POST https://gateway.example/transfers HTTP/1.1\nsignature: sig=abc\n\n{}",
        "POST https://gateway.example/transfers HTTP/1.1\nAccept: */*\nSIGNATURE: sig=abc\n\n{}",
        "POST https://gateway.example/transfers HTTP/1.1\nX-Signature-Version: 2\n\n{}"])
    for exchange in (signed, shouted):
        assert "iugu-bad-signature" in [f.rule_id for f in judge.judge(exchange, Counter(), [])]
        assert shown(judge.judge(exchange, Counter(), [])) == shown(judge.judge(exchange, Counter()))
    assert judge.judge(named_alike, Counter(), []) == []  # a name holding one is not that header


def test_a_request_sent_again_carries_what_it_carried_and_its_neighbour_its_own_key() -> None:
    """The judge keeps each request text's credentials: asking again gives the same ones, and a
    request that differs only in its key (or carries none) is never given another's."""
    rules = load_rules()
    judge = ExchangeJudge(SecretDetector(rules), list(rules.requests), request_checks())
    production, sandbox = asaas_key("prod"), asaas_key("hmlg")
    texts = [f"GET https://api.asaas.com/v3/payments HTTP/1.1\naccess_token: {key}\n\n" for key in (production, sandbox)]
    first, second, masked = exchanges([*texts, "GET https://api.asaas.com/v3/payments HTTP/1.1\naccess_token: ***\n\n"])
    for _ in range(2):  # compared by whether each key holds the one found: a failure prints no key
        assert [(c.environment, c.secret.canonical in production) for c in judge.credentials(first)] == [("production", True)]
        assert [(c.environment, c.secret.canonical in sandbox) for c in judge.credentials(second)] == [("sandbox", True)]
        assert judge.credentials(masked) == []
    assert shown(judge.judge(first, Counter())) == shown(judge.judge(exchanges([texts[0]])[0], Counter()))
