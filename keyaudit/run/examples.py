"""``keyaudit rules test``: every rule must find its examples and stay quiet on its negatives.

Examples run through the real pipeline: secret-rule examples through prefilter, pattern,
validator and context; request-rule examples (raw HTTP requests) through the wire-dump reader
and the exchange judge, message-rule examples (raw e-mails) through the mail reader, place-rule
examples (a path and a text) through the placing of a unit's findings, with the secret rules
deciding what counts as a credential.
"""

from __future__ import annotations

import io
import random
import time
from collections import Counter
from dataclasses import dataclass

from keyaudit.engine.detect import SecretDetector
from keyaudit.model.findings import Finding
from keyaudit.model.vocabulary import RuleInfo
from keyaudit.engine.judge import ExchangeJudge
from keyaudit.rulebook.backtracking import backtracking_warnings
from keyaudit.rulebook.metadata import missing_metadata
from keyaudit.rulebook.requests import RequestCheck, RequestRule
from keyaudit.rulebook.rules import Rule, RuleSet, anchoring_warning
from keyaudit.rulebook.registry import CheckInputs, request_checks
from keyaudit.run.fold import confirm_replays, is_candidate, replay_order
from keyaudit.inputs.text_requests import exchanges_in_lines
from keyaudit.inputs.message_findings import findings_in_mail
from keyaudit.rulebook.messages import MessageRule
from keyaudit.rulebook.place_rules import PlaceRule, example_file
from keyaudit.run.placing import Placer
from keyaudit.run.tally import Found


@dataclass(frozen=True)
class ExampleFailure:
    """One example that did not behave; ``str()`` is the line ``rules test`` prints."""

    owner: str  # whose examples: a rule (its file and id), or a request anchor's check
    kind: str  # "example" or "negative example"
    index: int
    problem: str

    def __str__(self) -> str:
        return f"{self.owner}: {self.kind} {self.index + 1} {self.problem}"


def _secret_findings(rule: Rule, text: str, rules: RuleSet) -> list[Finding]:
    """The findings of ``rule`` alone in ``text``, with the record anchors of ``rules`` (where
    file-scope contexts look for provider hosts) and the tokens that travel as Basic user names."""
    findings: list[Finding] = []
    alone = RuleSet([rule], record_anchors=rules.record_anchors, provider_hosts=rules.provider_hosts,
                    basic_users=rules.basic_users)
    SecretDetector(alone).findings_in(io.BytesIO(text.encode("utf-8")), "<example>", findings)
    return findings


def _request_findings(rule: RequestRule, text: str, secrets: SecretDetector, checks: dict[str, RequestCheck]
                      ) -> list[Finding]:
    """A request rule's findings in one example: a raw HTTP request, a curl command or a JSON
    request record (the one that can carry a log time)."""
    judge = ExchangeJudge(secrets, [rule], checks)
    lines = list(enumerate(text.split("\n"), start=1))
    found = [f for exchange in exchanges_in_lines(lines, "<example>", secrets.rules.record_headers) for f in judge.judge(exchange, Counter())]
    candidates = sorted(filter(is_candidate, found), key=replay_order)  # the scan's last step, on one example
    return [f for f in found if not is_candidate(f)] + list(confirm_replays(candidates))


def _message_findings(rule: MessageRule, text: str, secrets: SecretDetector) -> list[Finding]:
    found = findings_in_mail(io.BytesIO(text.encode("utf-8")), "<example>", secrets, False, [rule])
    return [finding for finding in found if isinstance(finding, Finding)]


def _place_findings(rule: PlaceRule, example: str, places: RuleSet, secrets: SecretDetector) -> list[Finding]:
    """A place rule's findings in one example: a file (its path and text) scanned by the secret
    rules, then placed by its path and lines with the places of ``places``."""
    path, text = example_file(example)
    data = text.encode("utf-8")
    found: list[Finding] = []
    secrets.findings_in(io.BytesIO(data), path, found)
    placer = Placer(RuleSet(places=places.places, place_rules=[rule]))
    return list(placer.placed(Found(found), path, None, lambda: io.BytesIO(data), len(data)))


def check_examples(rules: RuleSet) -> list[ExampleFailure]:
    """All failures across ``rules``; an empty list means every example behaves."""
    secrets = SecretDetector(RuleSet(list(rules.rules), basic_users=rules.basic_users))
    checks = request_checks(CheckInputs(provider_hosts=rules.every_provider_host()))
    failures: list[ExampleFailure] = []
    checked: list[tuple[RuleInfo, object]] = [
        *((rule, lambda text, rule=rule: _secret_findings(rule, text, rules)) for rule in rules.rules),
        *((rule, lambda text, rule=rule: _request_findings(rule, text, secrets, checks)) for rule in rules.requests),
        *((rule, lambda text, rule=rule: _message_findings(rule, text, secrets)) for rule in rules.messages),
        *((rule, lambda text, rule=rule: _place_findings(rule, text, rules, secrets)) for rule in rules.place_rules),
    ]
    for rule, find in checked:
        owner = f"{rule.source}: rule {rule.id!r}"
        if not rule.examples:
            failures.append(ExampleFailure(owner, "example", -1, "missing: a rule needs at least one"))
        for index, text in enumerate(rule.examples):
            if not any(f.rule_id == rule.id for f in find(text)):  # type: ignore[operator]
                failures.append(ExampleFailure(owner, "example", index, "was not found"))
        for index, text in enumerate(rule.negative_examples):
            if any(f.rule_id == rule.id for f in find(text)):  # type: ignore[operator]
                failures.append(ExampleFailure(owner, "negative example", index, "was reported"))
    return failures + _anchor_check_failures(rules)


def _anchor_check_failures(rules: RuleSet) -> list[ExampleFailure]:
    """Where a request anchor's check does not count its examples, or counts a negative one."""
    failures: list[ExampleFailure] = []
    for check in rules.request_anchor_checks:
        owner = f"{check.source}: request anchor check {check.anchor!r}"
        failures += [ExampleFailure(owner, "example", index, "does not count")
                     for index, text in enumerate(check.examples) if not check.counts_in(text)]
        failures += [ExampleFailure(owner, "negative example", index, "counts")
                     for index, text in enumerate(check.negative_examples) if check.counts_in(text)]
    return failures


def rule_warnings(rules: RuleSet) -> list[str]:
    """Every rule's warnings, shipped ones included: secret rules that cannot anchor on their
    keywords, patterns that can backtrack exponentially, and rules whose findings cannot say what
    to do (no references or no remediation)."""
    unanchored = [warning for rule in rules.rules if (warning := anchoring_warning(rule)) is not None]
    every = rules.every
    undocumented = [warning for rule in every if (warning := missing_metadata(rule)) is not None]
    patterned = [*rules.rules, *rules.requests]
    return unanchored + [warning for rule in patterned for warning in backtracking_warnings(rule)] + undocumented


def timings(rules: RuleSet, sample: bytes, rounds: int = 3) -> list[tuple[RuleInfo, float]]:
    """Seconds per MiB each secret rule's pattern takes over ``sample`` (no prefilter: the cost
    where its keywords are common), slowest first."""
    results = []
    mebibytes = len(sample) / (1 << 20)
    for rule in rules.rules:
        best = min(_timed(rule, sample) for _ in range(rounds))
        results.append((rule, best / mebibytes))
    return sorted(results, key=lambda item: -item[1])


def _timed(rule: Rule, sample: bytes) -> float:
    start = time.perf_counter()
    for _ in rule.pattern.finditer(sample):
        pass
    return time.perf_counter() - start


def timing_sample(rules: RuleSet, size: int = 1 << 20, seed: int = 5) -> bytes:
    """About ``size`` bytes of log-like lines with every rule's examples and keywords mixed in."""
    rng = random.Random(seed)
    pieces = [text.encode() for rule in rules.rules for text in (*rule.examples, *rule.negative_examples)]
    pieces += [keyword.encode() for rule in rules.rules for keyword in rule.keywords]
    lines, total = [], 0
    while total < size:
        words = [rng.choice((b"GET", b"POST", b"user", b"order", b"INFO", b"id=" + rng.randbytes(8).hex().encode()))
                 for _ in range(12)]
        if rng.random() < 0.2:
            words.append(rng.choice(pieces))
        line = b" ".join(words)
        lines.append(line)
        total += len(line) + 1
    return b"\n".join(lines) + b"\n"
