"""Turn captured exchanges into findings: credentials they carry, and the request rules.

The secret rules decide what counts as a credential (so a request carries an Asaas key exactly
when a scan of its text would report one), and the request rules judge the request with that
knowledge. Nothing here knows which capture format the exchange came from.
"""

from __future__ import annotations

import functools
import io
from collections import Counter
from dataclasses import dataclass, field

from keyaudit.model.exchange import Exchange
from keyaudit.model.findings import Finding, Location
from keyaudit.model.secrets import Secret
from keyaudit.model.urls import redact_url
from keyaudit.model.vocabulary import severity_rank
from keyaudit.rulebook.registry import request_checks
from keyaudit.rulebook.requests import Credential, RequestCheck, RequestContext, RequestRule
from keyaudit.rulebook.rules import RuleSet
from keyaudit.engine import create_matcher
from keyaudit.engine.detect import SecretDetector
from keyaudit.engine.piece_stream import Pieces
from keyaudit.engine.stream import CHUNK_BYTES

SECRET_CATEGORIES = ("access-token", "basic-auth")
_MAX_HOSTS_KEPT = 4096  # hosts whose rule lists are kept (a browser capture meets hundreds)
# Request texts whose credentials are kept, and the longest kept: at most 8 MiB held.
_MAX_TEXTS_KEPT, _MAX_TEXT_KEPT = 1024, 8192


def request_parts(exchange: Exchange) -> list[bytes]:
    """The request as an HTTP/1.1-style text, what the secret rules are run over, in parts to be joined by a line
    break: its head, then its body (a text joined of other parts too need not copy a body twice)."""
    head = "\n".join([f"{exchange.method} {exchange.url} HTTP/1.1", *map(": ".join, exchange.headers)])
    return [(head + "\n").encode("utf-8", "surrogateescape"), exchange.body or b""]


def _to_one_of(exchange: Exchange, hosts: frozenset[str]) -> bool:
    """Whether the exchange goes to one of ``hosts``. A URL of printable ASCII holds its host
    as it is lower-cased (nothing is taken out of it when it is split), so one that holds none of
    them — most requests of a browser's capture — is not split to find out."""
    url = exchange.url
    if url.isascii() and url.isprintable():
        lowered = url.lower()
        if not any(host in lowered for host in hosts):
            return False
    return exchange.host in hosts


def _names_one_of(exchange: Exchange, names: frozenset[str]) -> bool:
    """Whether a header of the exchange has one of ``names`` (lower case). Asked of every
    request, and most have none: their names are lower-cased together and searched for each of
    ``names`` at once, and only a request that holds one somewhere is asked header by header
    (indexing them all by name, ``Exchange.header``, costs more)."""
    if not names:
        return False
    joined = "\n".join(name for name, _ in exchange.headers).lower()
    if not any(name in joined for name in names):
        return False
    return any(name.lower() in names for name, _ in exchange.headers)


@dataclass
class ExchangeJudge:
    """Judges exchanges for one scan: holds the secret scanner, request rules and checks."""

    secrets: SecretDetector
    rules: list[RequestRule]
    # Every registered check, as a run without --public-key builds them: a rule names one only
    # if it is registered, and a judge without it would fail on the first signed request.
    checks: dict[str, RequestCheck] = field(default_factory=request_checks)
    _by_host: dict[str, list[RequestRule]] = field(default_factory=dict, init=False, repr=False)
    _carried: dict[bytes, tuple[Finding, ...]] = field(default_factory=dict, init=False, repr=False)
    # The last request too long to be kept in ``_carried``: its head and body, and what it carries.
    _last: tuple[bytes, bytes, tuple[Finding, ...]] = field(default=(b"", b"", ()), init=False, repr=False)

    @functools.cached_property
    def _carriers(self) -> SecretDetector:
        """The secret rules whose findings are credentials, on an engine of their own: a request's
        text is judged on its own, once per request, so rules that find no credential (TLS
        settings, private keys, plain-HTTP URLs) and their file-scope evidence only cost there.
        Rules are independent of each other, so these find what the whole set finds of them."""
        rules = self.secrets.rules
        carriers = RuleSet([rule for rule in rules if rule.category in SECRET_CATEGORIES],
                           record_anchors=rules.record_anchors, provider_hosts=rules.provider_hosts,
                           basic_users=rules.basic_users)
        matcher = self.secrets.matcher
        return SecretDetector(carriers, create_matcher(carriers, matcher.name, matcher.budget),
                              self.secrets.signing_keys)

    def _rules_to(self, host: str) -> list[RequestRule]:
        """The rules an exchange to ``host`` can break, in their order: most rules name their
        provider's hosts, and a request to any other host need not be asked by each of them."""
        chosen = self._by_host.get(host)
        if chosen is None:
            if len(self._by_host) >= _MAX_HOSTS_KEPT:
                self._by_host.clear()
            chosen = self._by_host[host] = [rule for rule in self.rules if not rule.hosts or host in rule.hosts]
        return chosen

    def credentials(self, exchange: Exchange) -> list[Credential]:
        """The credentials the request carries anywhere (URL, headers, body), as the secret
        rules find them in its text (see :meth:`carried_secrets`)."""
        return [Credential(f.provider, f.environment, f.secret) for f in self.carried_secrets(exchange)
                if isinstance(f.secret, Secret)]

    def carried_secrets(self, exchange: Exchange) -> tuple[Finding, ...]:
        """The secret rules' findings in the request's text, placed in that text (path ``-``):
        shared between the requests that send the same text, so not to be changed. Most requests
        carry none (a masked header, a token-free call): one pass of the engine over the text
        says so, before a pass that judges hits.

        A request's text alone decides what it carries, and a log writes the same request again
        and again (a poll, a client's retries, the few calls a service makes): each short text is
        scanned once (a long body is seldom sent twice), its findings handed out again."""
        head, body = request_parts(exchange)
        if len(head) + len(body) + 1 > _MAX_TEXT_KEPT:
            return self._long_carried(head, body)
        text = b"\n".join((head, body))
        carried = self._carried.get(text)
        if carried is None:
            if len(self._carried) >= _MAX_TEXTS_KEPT:
                self._carried.clear()
            carried = self._carried[text] = self._scanned(text)
        return carried

    def _long_carried(self, head: bytes, body: bytes) -> tuple[Finding, ...]:
        """:meth:`carried_secrets` of a request too long to keep among the texts: the last one (of a chunk at
        most) is kept alone. Each request is asked twice or more (by the request rules, for the keys only its reader
        put together, for the URL shown) and a long body full of keys cost its scan each time: a body of 300 escaped
        members, each with a key, was scanned three times over. The body the exchange holds is compared, not
        copied."""
        if len(head) + len(body) > CHUNK_BYTES:  # a long body: read in chunks, as a scan of the text would be, and
            found: list[Finding] = []  # not joined to its head (a body of 50 MB copied once more), nor kept: held
            self._carriers.findings_in(io.BufferedReader(Pieces(iter((head, b"\n", body)))), "-", found)
            return tuple(found)  # past its unit, a body of 30 MB was 30 MB more at the peak of the next
        last_head, last_body, carried = self._last
        if head == last_head and (body is last_body or body == last_body):
            return carried
        carried = self._scanned(b"\n".join((head, body)))
        self._last = (head, body, carried)
        return carried

    def _scanned(self, text: bytes) -> tuple[Finding, ...]:
        found_hits = self._carriers.matcher.match(text, want_markers=False)
        if not found_hits.tables and not self._carriers.secret_spans(text, found_hits):
            return ()
        found: list[Finding] = []
        self._carriers.matched_findings(text, found_hits, "-", found)
        return tuple(found)

    def shown_url(self, exchange: Exchange, *also: Secret, carried: list[Credential] | None = None) -> str:
        """The exchange's URL as a report shows it: without user information, and with every
        credential the request carries (``carried``, when the caller found them already) and
        ``also`` redacted wherever the URL repeats it."""
        carried = self.credentials(exchange) if carried is None else carried
        return redact_url(exchange.url, [*(c.secret for c in carried), *also])

    @functools.cached_property
    def _without_credentials(self) -> tuple[list[RequestRule], frozenset[str] | None, frozenset[str]]:
        """The rules that can apply to a request carrying no credential, and what one of them
        needs to apply: a host among the first set, or a header named in the second (lower
        case); None for the hosts when one of these rules narrows by neither (any request)."""
        rules = [rule for rule in self.rules if rule.carries_credential is None]
        hosts: set[str] = set()
        headers: set[str] = set()
        for rule in rules:
            if not rule.hosts and not rule.has_headers:
                return rules, None, frozenset()
            hosts.update(rule.hosts)
            if not rule.hosts:
                headers.update(name.lower() for name in rule.has_headers)
        return rules, frozenset(hosts), frozenset(headers)

    def _rules_for(self, exchange: Exchange, carried: list[Credential] | None) -> list[RequestRule]:
        """The rules worth asking about the exchange: all of them, unless it is known to carry no
        credential (``carried == []``); then those that ask for none, or none at all when the
        exchange has neither a host nor a header one of those narrows to."""
        if carried is None or carried:
            return self._rules_to(exchange.host)
        rules, hosts, headers = self._without_credentials
        if hosts is None or _to_one_of(exchange, hosts) or _names_one_of(exchange, headers):
            return rules
        return []

    def judge(self, exchange: Exchange, statistics: Counter[str],
              carried: list[Credential] | None = None) -> list[Finding]:
        """Findings of the request rules for one exchange; ``statistics`` counts what was judged.
        ``carried``: the credentials the request carries, when the caller knows them (an empty
        list spares the rules that need one, and the pass of the secret rules over the request)."""
        statistics["requests_judged"] += 1
        rules = self._rules_for(exchange, carried)
        if exchange.preflight:  # the browser's question whether a call may be sent: the call's URL, not its headers
            rules = [rule for rule in rules if not rule.reads_what_is_sent]
        if not rules:  # most requests of a browser's capture: nothing more to set up
            return []
        context = RequestContext((lambda: carried) if carried is not None else (lambda: self.credentials(exchange)),
                                 self.checks, statistics)
        strongest: dict[tuple[str, bool], Finding] = {}
        url: str | None = None  # one request, one URL: redacted once a rule has something to say
        for rule in rules:
            judgement = rule.judge(exchange, context)
            if judgement is None:
                continue
            if url is None:
                url = self.shown_url(exchange, carried=context.credentials)
            origin = exchange.origin
            message = rule.title if judgement.reason == rule.title else f"{rule.title}: {judgement.reason}"
            named = rule.carried(context) if rule.names_credential else None
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
                secret=named.secret if named is not None else None,
                environment=named.environment if named is not None else next(
                    (c.environment for c in context.credentials if c.environment), None),
                context={"har_entry": origin.har_entry, "method": exchange.method, "url": url,
                         "capture": origin.capture, **dict(judgement.evidence)},
            )
            # One request, one finding per category: "plain HTTP to iugu" and "a token over plain
            # HTTP" describe the same request; the more severe says it. A candidate (a finding with
            # evidence, which the scan may still drop) stands for nothing but itself.
            key = (rule.category, bool(judgement.evidence))
            current = strongest.get(key)
            if current is None or severity_rank(finding.severity) > severity_rank(current.severity):
                strongest[key] = finding
        return list(strongest.values())
