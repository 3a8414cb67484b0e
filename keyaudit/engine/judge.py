"""Turn captured exchanges into findings: credentials they carry, and the request rules.

The secret rules decide what counts as a credential (so a request carries an Asaas key exactly
when a scan of its text would report one), and the request rules judge the request with that
knowledge. Nothing here knows which capture format the exchange came from.
"""

from __future__ import annotations

import io
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlsplit, urlunsplit

from keyaudit.model.exchange import Exchange
from keyaudit.model.findings import Finding, Location
from keyaudit.model.vocabulary import severity_rank
from keyaudit.rulebook.requests import Credential, RequestCheck, RequestContext, RequestRule
from keyaudit.engine.detect import SecretDetector

SECRET_CATEGORIES = ("access-token", "basic-auth")


def request_text(exchange: Exchange) -> bytes:
    """The request as an HTTP/1.1-style text: what the secret rules are run over."""
    head = [f"{exchange.method} {exchange.url} HTTP/1.1"]
    head += [f"{name}: {value}" for name, value in exchange.headers]
    text = ("\n".join(head) + "\n\n").encode("utf-8", "surrogateescape")
    return text + (exchange.body or b"")


def _span_text(text: str, finding: Finding) -> str:
    lines = text.split("\n")
    loc = finding.location
    if loc.line != loc.end_line:
        return lines[loc.line - 1][loc.column - 1 :]
    return lines[loc.line - 1][loc.column - 1 : loc.end_column - 1]


@dataclass
class ExchangeJudge:
    """Judges exchanges for one scan: holds the secret scanner, request rules and checks."""

    secrets: SecretDetector
    rules: list[RequestRule]
    checks: dict[str, RequestCheck] = field(default_factory=dict)

    def credentials(self, exchange: Exchange) -> list[Credential]:
        data = request_text(exchange)
        found: list[Finding] = []
        self.secrets.findings_in(io.BytesIO(data), "-", found)
        text = data.decode("utf-8", "surrogateescape")
        return [
            Credential(f.provider, f.environment, _span_text(text, f))
            for f in found
            if f.category in SECRET_CATEGORIES
        ]

    def redact_url(self, url: str) -> str:
        """The URL with every secret in it replaced by its redacted form, and no password."""
        found: list[Finding] = []
        self.secrets.findings_in(io.BytesIO(url.encode("utf-8", "surrogateescape")), "-", found)
        spans = sorted({(f.location.column - 1, f.location.end_column - 1, f.secret.redacted)
                        for f in found if f.secret is not None and f.location.line == 1}, reverse=True)
        for start, end, shown in spans:
            url = url[:start] + shown + url[end:]
        parts = urlsplit(url)
        if parts.password:
            host = parts.hostname or ""
            netloc = f"{parts.username or ''}:***@{host}" + (f":{parts.port}" if parts.port else "")
            url = urlunsplit(parts._replace(netloc=netloc))
        return url

    def judge(self, exchange: Exchange, statistics: Counter[str]) -> list[Finding]:
        """Findings of the request rules for one exchange; ``statistics`` counts what was judged."""
        statistics["requests_judged"] += 1
        context = RequestContext(lambda: self.credentials(exchange), self.checks, statistics)
        strongest: dict[str, Finding] = {}
        for rule in self.rules:
            judgement = rule.judge(exchange, context)
            if judgement is None:
                continue
            origin = exchange.origin
            url = self.redact_url(exchange.url)
            message = rule.title if judgement.reason == rule.title else f"{rule.title}: {judgement.reason}"
            finding = Finding(
                rule_id=rule.id,
                category=rule.category,
                severity=rule.severity,
                confidence=rule.confidence,
                provider=rule.provider,
                title=rule.title,
                message=message,
                location=Location(origin.path, origin.line, origin.column, origin.line,
                                  origin.column + max(1, len(exchange.url)), origin.pointer),
                secret=None,
                environment=next((c.environment for c in context.credentials if c.environment), None),
                context={"har_entry": origin.har_entry, "method": exchange.method, "url": url,
                         "capture": origin.capture},
            )
            # One request, one finding per category: "plain HTTP to iugu" and "a token over plain
            # HTTP" describe the same request; the more severe says it.
            current = strongest.get(rule.category)
            if current is None or severity_rank(finding.severity) > severity_rank(current.severity):
                strongest[rule.category] = finding
        return list(strongest.values())
