"""Request rules: judge a captured HTTP request the way the providers' own rules do.

A request rule is data like a secret rule: ``when`` says which exchanges it looks at (scheme,
host, method, path, headers present, a credential carried), ``require`` says what must hold for
them (headers present and non-empty, a named check such as the iugu signature). An exchange
that matches ``when`` and fails ``require`` — or matches ``when`` of a rule with no ``require``
— is a finding.
"""

from __future__ import annotations

import base64
import binascii
import functools
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Callable
from urllib.parse import parse_qsl, urlsplit

from keyaudit.model.exchange import Exchange
from keyaudit.model.secrets import Secret
from keyaudit.rulebook.entries import checked_entry, described
from keyaudit.rulebook.errors import RuleError
from keyaudit.model.vocabulary import ENVIRONMENTS, RuleInfo
from keyaudit.rulebook.places import Place, Sender

if TYPE_CHECKING:
    import regex

CREDENTIAL_CONDITIONS = ("any", *ENVIRONMENTS)
# Where a credential may be forbidden to travel (``require.credential_not_in``): the URL's query
# string (kept by every access log and proxy on the way) or the Authorization header.
CREDENTIAL_PLACES = ("query", "authorization")
# ``sent_by`` names entries of the rule files' ``senders:``, ``host_in`` and ``host_not_in`` entries of their
# ``places:`` (bound when every file is loaded: see :func:`bind_places`).
_WHEN_FIELDS = ("schemes", "hosts", "host_groups", "methods", "path", "has_headers", "lacks_headers",
                "carries_credential", "sent_by", "host_in", "host_not_in", "captures")
# The ``when`` lists that narrow which exchanges a rule judges (each left out: any).
_NARROWING = ("schemes", "hosts", "host_groups", "methods", "has_headers", "lacks_headers", "sent_by", "host_in",
              "host_not_in", "captures")
_REQUIRE_FIELDS = ("headers", "check", "credential_not_in")
_FIELDS = ("id", "title", "provider", "category", "severity", "confidence", "description", "when",
           "require", "names_credential", "examples", "negative_examples", "references", "remediation")


@dataclass(frozen=True)
class Credential:
    """A credential an exchange carries, as the secret rules found it."""

    provider: str
    environment: str | None
    secret: Secret  # so that the request's URL can be shown without it


@dataclass(frozen=True)
class Judgement:
    """What a request rule concluded about one exchange. ``evidence`` (name, value pairs, never
    a secret) goes into the finding's context; a finding with evidence is a candidate the scan
    confirms once it has seen every request (a signature seen twice)."""

    reason: str
    evidence: tuple[tuple[str, str], ...] = ()


@dataclass
class RequestContext:
    """What checks may need beyond the exchange: credentials found in it, keys, statistics.

    The credentials are looked for on first use: finding them is a pass of the secret rules
    over the request, and most requests (in a browser capture, nearly all) meet no rule that
    asks, as they go to neither provider."""

    find_credentials: Callable[[], list[Credential]]
    checks: dict[str, "RequestCheck"]
    statistics: Counter[str] = field(default_factory=Counter)

    @functools.cached_property
    def credentials(self) -> list[Credential]:
        return self.find_credentials()


# A check says what is wrong (a reason, or a judgement with evidence), or None.
RequestCheck = Callable[[Exchange, RequestContext], "str | Judgement | None"]


@dataclass(frozen=True, kw_only=True)
class RequestRule(RuleInfo):
    """A request rule: which exchanges it looks at (``when``) and what must hold (``require``)."""

    schemes: tuple[str, ...] = ()
    hosts: tuple[str, ...] = ()
    # Named groups of the provider's hosts (``production``), added to ``hosts`` by the loader.
    host_groups: tuple[str, ...] = ()
    methods: tuple[str, ...] = ()
    path_text: str | None = None  # a regular expression the request path must match
    has_headers: tuple[str, ...] = ()
    # headers whose presence says the request follows another scheme than the rule's (RFC 9421's
    # Signature-Input: its Signature header is that standard's, not iugu's)
    lacks_headers: tuple[str, ...] = ()
    carries_credential: str | None = None
    required_headers: tuple[str, ...] = ()
    forbidden_places: tuple[str, ...] = ()  # where the rule's provider's credential must not be
    check: str | None = None
    sent_by: tuple[str, ...] = ()  # sender ids; ``senders`` holds them once bound
    host_in: tuple[str, ...] = ()  # place ids; ``host_places`` holds them once bound
    # place ids whose hosts the rule leaves alone (a plain-HTTP call to the loopback interface crosses no
    # network); ``host_places_not`` holds them once bound
    host_not_in: tuple[str, ...] = ()
    # What the request was read from (``har``, ``wire``, ``curl``, a dump shape's name…): a rule
    # about a header every client adds by itself asks only captures of the bytes sent.
    captures: tuple[str, ...] = ()
    # The finding names the credential ``carries_credential`` counted as its secret: it is about that
    # key (sent to the other environment), so it is one finding with what a text rule says of the key
    # in the request's lines (paired with that environment's host), not a second one beside it.
    names_credential: bool = False
    senders: tuple[Sender, ...] = ()
    host_places: tuple[Place, ...] = ()
    host_places_not: tuple[Place, ...] = ()

    @functools.cached_property
    def path(self) -> "regex.Pattern[str] | None":
        import regex  # compiled on first use, like the secret rules' patterns

        return None if self.path_text is None else regex.compile(self.path_text)

    @functools.cached_property
    def reads_what_is_sent(self) -> bool:
        """Whether the rule looks at what the request sends beside its URL: a header it requires, must see or must
        not, or a check over its headers and body (a signature). A browser's CORS preflight carries the URL of the
        request it asks about and none of the rest: only the rules about the URL (its scheme, its host, a credential
        in its query) judge it."""
        return bool(self.required_headers or self.has_headers or self.lacks_headers or self.check)

    def applies(self, exchange: Exchange, context: RequestContext) -> bool:
        """Whether ``when`` holds for this exchange: what the request says first, then the
        credentials it carries (found once per request, and asked of every request by the rules
        that forbid places), then its sender (header patterns, rule by rule)."""
        if self.schemes and exchange.scheme not in self.schemes:
            return False
        if self.hosts and exchange.host not in self.hosts:
            return False
        if self.methods and exchange.method.upper() not in self.methods:
            return False
        if self.captures and exchange.origin.capture not in self.captures:
            return False
        if self.path is not None and not self.path.search(exchange.path):
            return False
        if self.has_headers and any(not exchange.header(name) for name in self.has_headers):
            return False
        if any(exchange.header(name) for name in self.lacks_headers):
            return False
        if self.carries_credential is not None and self.carried(context) is None:
            return False
        if self.host_places and not any(place.holds_host(exchange.host) for place in self.host_places):
            return False
        if any(place.holds_host(exchange.host) for place in self.host_places_not):
            return False
        return not self.senders or any(sender.evidence(exchange) for sender in self.senders)

    def carried(self, context: RequestContext) -> Credential | None:
        """The first credential the request carries that ``carries_credential`` counts, or None.

        ``carries_credential`` counts the credentials of the rule's own provider (any provider's
        for a ``generic`` rule): with two providers whose keys have environments, one's sandbox
        key sent to the other's API is no environment mismatch of the other."""
        wanted = self.carries_credential
        return next((c for c in context.credentials if (wanted == "any" or c.environment == wanted)
                     and self.provider in ("generic", c.provider)), None)

    def judge(self, exchange: Exchange, context: RequestContext) -> Judgement | None:
        """A judgement when the exchange breaks this rule, else None."""
        if not self.applies(exchange, context):
            return None
        if (self.required_headers or self.has_headers) and not exchange.headers_known:
            return None  # a capture without headers cannot show that one is missing
        missing = [name for name in self.required_headers if not (exchange.header(name) or "").strip()]
        if missing:
            return Judgement(f"no {' or '.join(missing)} header")
        misplaced = self._misplaced(exchange, context)
        if misplaced:
            return Judgement(misplaced)
        if self.check is not None:
            problem = context.checks[self.check](exchange, context)
            return Judgement(problem) if isinstance(problem, str) and problem else problem or None
        if self.required_headers or self.forbidden_places:
            return None
        return Judgement(self._where(exchange) or self.title)

    def _where(self, exchange: Exchange) -> str | None:
        """What put the exchange under a rule that asks for a sender or a place of hosts: the
        header that marks the sender, the host (never a secret)."""
        marks = [f"sent by a {sender.id} ({mark})" for sender in self.senders if (mark := sender.evidence(exchange))]
        marks += [f"to {exchange.host} ({place.id})" for place in self.host_places if place.holds_host(exchange.host)]
        return "; ".join(marks) or None


    def _misplaced(self, exchange: Exchange, context: RequestContext) -> str | None:
        """Where a credential of the rule's provider travels that ``credential_not_in`` forbids."""
        if not self.forbidden_places:
            return None
        for credential in context.credentials:
            if self.provider not in ("generic", credential.provider):
                continue
            for place in self.forbidden_places:
                where = _place_of(exchange, credential.secret.canonical, place)
                if where:
                    return f"the credential is sent in {where}"
        return None


def _place_of(exchange: Exchange, value: str, place: str) -> str | None:
    """How to name ``place`` of the exchange when ``value`` is there, else None: the query
    parameter that holds it, or the Authorization header (as is, or Basic/Bearer-encoded)."""
    if place == "query":
        for name, text in parse_qsl(urlsplit(exchange.url).query, keep_blank_values=True):
            if value in text:
                return f"the URL query parameter {name!r}"
        return None
    header = exchange.header("Authorization") or ""
    scheme, _, rest = header.strip().partition(" ")
    decoded = ""
    if scheme.lower() in ("basic", "bearer"):
        try:
            decoded = base64.b64decode(rest.strip() + "==", validate=False).decode("utf-8", "replace")
        except (binascii.Error, ValueError):
            decoded = ""
    return "the Authorization header" if value in header or value in decoded else None


def parse_request_rule(raw: Any, path: str, known_checks: tuple[str, ...], verify: bool = True) -> RequestRule:
    """Build a :class:`RequestRule` from one YAML mapping, or raise a :class:`RuleError`;
    ``require.check`` must be one of ``known_checks`` (the registry's)."""
    rule_id = checked_entry(raw, path, "request_rules", _FIELDS, ("title", "provider", "category", "severity", "when"),
                            "medium")
    when, require = raw["when"], raw.get("require") or {}
    if not isinstance(when, dict) or not isinstance(require, dict):
        raise RuleError(path, rule_id, "'when' and 'require' must be mappings")
    for name, allowed in (("when", _WHEN_FIELDS), ("require", _REQUIRE_FIELDS)):
        extra = sorted(set(raw.get(name) or {}) - set(allowed))
        if extra:
            raise RuleError(path, rule_id, f"unknown field '{name}.{extra[0]}'")
    empty = [name for name in _NARROWING if name in when and when[name] in ([], "", None)]
    if empty:  # left out, the field would mean every exchange: written empty, it is a slip
        raise RuleError(path, rule_id, f"'when.{empty[0]}' is empty; leave it out to judge every exchange")
    credential = when.get("carries_credential")
    if credential is not None and credential not in CREDENTIAL_CONDITIONS:
        raise RuleError(path, rule_id, f"'when.carries_credential' must be one of {', '.join(CREDENTIAL_CONDITIONS)}")
    places = require.get("credential_not_in")
    places = [places] if isinstance(places, str) else list(places or [])
    if any(place not in CREDENTIAL_PLACES for place in places):
        raise RuleError(path, rule_id, f"'require.credential_not_in' must list {', '.join(CREDENTIAL_PLACES)}")
    names = raw.get("names_credential", False)
    if not isinstance(names, bool) or (names and credential is None):
        raise RuleError(path, rule_id,
                        "'names_credential' must be true or false, and true only with 'when.carries_credential'")
    check = require.get("check")
    if check is not None and check not in known_checks:
        raise RuleError(path, rule_id, f"unknown check {check!r}; known: {', '.join(known_checks)}")
    path_text = when.get("path")
    if path_text is not None and not isinstance(path_text, str):
        raise RuleError(path, rule_id, "'when.path' must be a string")
    if verify and path_text is not None:
        import regex

        try:
            regex.compile(path_text)
        except regex.error as exc:
            raise RuleError(path, rule_id, f"when.path does not compile: {exc}") from None

    def strings(value: Any, lower: bool = False, upper: bool = False) -> tuple[str, ...]:
        items = [value] if isinstance(value, str) else value or []
        if not isinstance(items, list) or not all(isinstance(item, (str, int, float)) for item in items):
            raise RuleError(path, rule_id, f"a field that takes a list of strings has a value of type {type(value).__name__}")
        return tuple(s.lower() if lower else s.upper() if upper else s for s in map(str, items))

    return RequestRule(
        **described(raw, path, rule_id, "medium"),
        schemes=strings(when.get("schemes"), lower=True),
        hosts=strings(when.get("hosts"), lower=True),
        host_groups=strings(when.get("host_groups")),
        methods=strings(when.get("methods"), upper=True),
        path_text=path_text,
        has_headers=strings(when.get("has_headers")),
        lacks_headers=strings(when.get("lacks_headers")),
        carries_credential=credential,
        required_headers=strings(require.get("headers")),
        forbidden_places=tuple(places),
        check=check,
        sent_by=strings(when.get("sent_by")),
        host_in=strings(when.get("host_in")),
        host_not_in=strings(when.get("host_not_in")),
        captures=strings(when.get("captures"), lower=True),
        names_credential=names,
        examples=strings(raw.get("examples")),
        negative_examples=strings(raw.get("negative_examples")),
    )


def bind_places(rules: list[RequestRule], places: dict[str, Place], senders: dict[str, Sender]) -> list[RequestRule]:
    """``rules`` with the places and senders their ``host_in``, ``host_not_in`` and ``sent_by`` name; a
    name no loaded rule file defines is a :class:`RuleError`."""
    bound = []
    for rule in rules:
        for names, known, what in ((rule.host_in + rule.host_not_in, places, "places"),
                                   (rule.sent_by, senders, "senders")):
            unknown = [name for name in names if name not in known]
            if unknown:
                raise RuleError(rule.source, rule.id, f"names {unknown[0]!r}, which no rule file's '{what}:' defines")
        if rule.host_in or rule.host_not_in or rule.sent_by:
            rule = replace(rule, host_places=tuple(places[name] for name in rule.host_in),
                           host_places_not=tuple(places[name] for name in rule.host_not_in),
                           senders=tuple(senders[name] for name in rule.sent_by))
        bound.append(rule)
    return bound
