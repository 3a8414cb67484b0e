"""The finding model and everything that keeps a secret out of a report.

A finding is built once, by the scanner, from a rule match; reporters only read it. The full
secret travels inside the finding (so that ``--show-secrets`` and dedupe can work) but every
serialisation goes through :meth:`Finding.to_dict`, which shows the redacted form unless asked.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import asdict, dataclass, field, fields, replace
from datetime import datetime, timezone
from typing import Any, Iterable
from urllib.parse import urlsplit

SEVERITIES: tuple[str, ...] = ("info", "low", "medium", "high", "critical")
CONFIDENCES: tuple[str, ...] = ("low", "medium", "high")
CATEGORIES: tuple[str, ...] = (
    "access-token",
    "basic-auth",
    "plaintext-http",
    "unsigned-transfer",
    "bad-signature",
    "environment-mismatch",
)
ELLIPSIS = "…"


@dataclass(frozen=True, kw_only=True)
class RuleInfo:
    """What every rule says about itself, secret rule or request rule alike: the finding's
    vocabulary and the rule's own examples."""

    id: str
    title: str
    provider: str
    category: str
    severity: str
    confidence: str
    source: str  # the rule file, for messages
    description: str = ""
    examples: tuple[str, ...] = ()
    negative_examples: tuple[str, ...] = ()
    references: tuple[str, ...] = ()


def severity_rank(severity: str) -> int:
    """Order severities so that ``--fail-on`` can compare them."""
    return SEVERITIES.index(severity)


def redact(secret: str, prefix: str = "") -> str:
    """Show at most a quarter of ``secret`` and never more than 8 of its characters.

    ``prefix`` is a non-secret part (``$aact_prod_000``) that may stay visible in front; it is
    not counted against the budget because it identifies the kind of key, not the key.
    """
    budget = min(8, len(secret) // 4)
    head = (budget + 1) // 2
    tail = budget - head
    shown = secret[:head] + ELLIPSIS + (secret[len(secret) - tail :] if tail else "")
    return prefix + shown


@dataclass(frozen=True)
class Location:
    """Where a finding is, as the user sees the file (decompressed text, 1-based)."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    pointer: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "pointer": self.pointer,
        }


@dataclass(frozen=True)
class Secret:
    """A credential value with the forms a report may show.

    ``canonical`` is the value the digest and fingerprint are built from: the same key written
    as ``$aact_…``, ``%24aact_…`` or PHP-mangled has one canonical form, so it is one secret.
    """

    canonical: str
    visible_prefix: str = ""

    @property
    def redacted(self) -> str:
        return redact(self.canonical, self.visible_prefix)

    @property
    def length(self) -> int:
        return len(self.visible_prefix) + len(self.canonical)

    @property
    def identity(self) -> str:
        """The SHA-256 of the canonical value: what tells two secrets apart without the value."""
        return hashlib.sha256(self.canonical.encode("utf-8", "surrogateescape")).hexdigest()

    def digest(self, key: bytes | None = None) -> str:
        """A correlatable digest; keyed (HMAC) when the user supplies a digest key."""
        if key:
            data = self.canonical.encode("utf-8", "surrogateescape")
            return "hmac-sha256:" + hmac.new(key, data, hashlib.sha256).hexdigest()
        return "sha256:" + self.identity

    def shown(self, show_value: bool) -> str:
        """What a report prints: the redacted form, or the whole value with ``--show-secrets``."""
        return self.visible_prefix + self.canonical if show_value else self.redacted

    def sealed(self, fingerprint: str) -> "SealedSecret":
        return SealedSecret(self.redacted, self.length, self.identity, fingerprint)


@dataclass(frozen=True)
class SealedSecret:
    """A secret as a checkpoint keeps it: what a report shows of it, never its value.

    A finding of a unit an interrupted run finished comes back from the state this way, so the
    state file never holds a credential. Runs that need the value (``--show-secrets``, a digest
    key) scan such units again instead.
    """

    redacted: str
    length: int
    identity: str
    fingerprint: str  # of the finding it belonged to: built from the value, so kept, not rebuilt

    def digest(self, key: bytes | None = None) -> str:
        if key:
            raise ValueError("a sealed secret has no value to key a digest with")
        return "sha256:" + self.identity

    def shown(self, show_value: bool) -> str:
        if show_value:
            raise ValueError("a sealed secret has no value to show")
        return self.redacted


@dataclass
class Finding:
    """One reportable problem at one place."""

    rule_id: str
    category: str
    severity: str
    confidence: str
    provider: str
    title: str
    message: str
    location: Location
    secret: Secret | SealedSecret | None
    environment: str | None = None
    context: dict[str, Any] = field(default_factory=dict)
    suppressed: str | None = None  # why it is not reported: inline, baseline, allowlist
    occurrences: "Occurrences | None" = None  # set when the same thing seen elsewhere is folded in

    @property
    def fingerprint(self) -> str:
        """Stable when lines move, different when the secret changes (DESIGN.md contract)."""
        if isinstance(self.secret, SealedSecret):
            return self.secret.fingerprint
        if self.secret is not None:
            basis = self.secret.canonical
        else:
            url = urlsplit(str(self.context.get("url") or ""))
            basis = "|".join((str(self.context.get("method") or ""), url.scheme.lower(),
                              (url.hostname or "").lower(), url.path))
        material = "\0".join((self.rule_id, self.location.path, basis))
        return hashlib.sha256(material.encode("utf-8", "surrogateescape")).hexdigest()[:32]

    def to_checkpoint(self) -> dict[str, Any]:
        """Every field, as JSON values, with the secret sealed: what a checkpoint may keep."""
        assert self.occurrences is None, "checkpoints hold findings before they are deduplicated"
        values = {f.name: getattr(self, f.name) for f in fields(self) if f.name not in ("location", "secret")}
        secret = self.secret.sealed(self.fingerprint) if isinstance(self.secret, Secret) else self.secret
        return {**values, "location": asdict(self.location), "secret": asdict(secret) if secret else None}

    @classmethod
    def from_checkpoint(cls, values: dict[str, Any]) -> "Finding":
        secret = values["secret"]
        return cls(**{**values, "location": Location(**values["location"]),
                      "secret": SealedSecret(**secret) if secret else None})

    def sort_key(self) -> tuple[Any, ...]:
        loc = self.location
        return (loc.path, loc.line, loc.column, self.rule_id, loc.pointer or "")

    def to_dict(self, *, show_secrets: bool = False, digest_key: bytes | None = None) -> dict[str, Any]:
        """The JSON contract of DESIGN.md; the raw secret only with ``show_secrets``."""
        secret: dict[str, Any] | None = None
        if self.secret is not None:
            secret = {
                "redacted": self.secret.redacted,
                "length": self.secret.length,
                "digest": self.secret.digest(digest_key),
            }
            if show_secrets:
                secret["value"] = self.secret.shown(True)
        context = {"har_entry": None, "method": None, "url": None}
        context.update(self.context)
        extra = {"occurrences": self.occurrences.to_dict()} if self.occurrences else {}
        return {
            "rule_id": self.rule_id,
            "category": self.category,
            "severity": self.severity,
            "confidence": self.confidence,
            "provider": self.provider,
            "environment": self.environment,
            "title": self.title,
            "message": self.message,
            "location": self.location.to_dict(),
            "secret": secret,
            "fingerprint": self.fingerprint,
            "context": context,
            **extra,
        }


REQUEST_SPAN_LINES = 50  # a captured request (curl with continuations, a wire dump) fits in this


@dataclass
class Occurrences:
    """Every place one secret (or one kind of request) was seen, up to a cap."""

    count: int = 0
    first_seen: str | None = None  # log-record timestamps, where the records have them
    last_seen: str | None = None
    locations: list[Location] = field(default_factory=list)
    cap: int = 20

    def add(self, finding: Finding) -> None:
        self.count += 1
        if len(self.locations) < self.cap:
            self.locations.append(finding.location)
        stamp = finding.context.get("log_timestamp")
        if isinstance(stamp, str):
            self.first_seen = min(filter(None, (self.first_seen, stamp)), key=_instant)
            self.last_seen = max(filter(None, (self.last_seen, stamp)), key=_instant)

    def to_dict(self) -> dict[str, Any]:
        return {
            "count": self.count,
            "first_seen": self.first_seen,
            "last_seen": self.last_seen,
            "locations": [{"path": l.path, "line": l.line, "column": l.column, "pointer": l.pointer}
                          for l in self.locations],
            "locations_truncated": self.count > len(self.locations),
        }


def _instant(stamp: str) -> tuple[float, str]:
    """Order log timestamps by the instant they name (offsets differ between sources);
    ones that do not parse sort by their text, after the ones that do."""
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return (float("inf"), stamp)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return (moment.timestamp(), stamp)


def _dedupe_key(finding: Finding) -> tuple[str, ...]:
    if finding.secret is not None:
        return ("secret", finding.category, finding.secret.identity)
    url = urlsplit(str(finding.context.get("url") or ""))
    return ("request", finding.rule_id, str(finding.context.get("method") or ""), url.scheme.lower(),
            (url.hostname or "").lower(), url.path)


def dedupe(findings: list[Finding], cap: int = 20) -> list[Finding]:
    """One finding per secret (or per rule and endpoint), at its first place, with every place
    it was seen: a key logged on every request of a night is one problem, not a million."""
    first: dict[tuple[str, ...], Finding] = {}
    for finding in findings:  # already in report order
        key = _dedupe_key(finding)
        kept = first.get(key)
        if kept is None:
            kept = first[key] = replace(finding, occurrences=Occurrences(cap=cap))
        assert kept.occurrences is not None
        kept.occurrences.add(finding)
    return list(first.values())


def _strength(finding: Finding) -> tuple[int, int, int]:
    # At equal severity and confidence, a request rule's finding (it knows the method) wins.
    return (severity_rank(finding.severity), CONFIDENCES.index(finding.confidence),
            int(bool(finding.context.get("method"))))


def _same_spot(a: Finding, b: Finding) -> bool:
    if a.secret is not None:
        return _overlaps(a.location, b.location)
    # The text rule sees a URL, the request rule sees the request around it: the same request
    # when they name the same host a few lines apart. Two requests both judged as requests are
    # the same only if they also share method and path.
    if abs(a.location.line - b.location.line) > REQUEST_SPAN_LINES:
        return False
    judged = bool(a.context.get("method")), bool(b.context.get("method"))
    if all(judged):
        return (a.context["method"], _url_path(a)) == (b.context["method"], _url_path(b))
    if not any(judged):  # two URLs the text rules saw: the same spot only where they overlap
        return _overlaps(a.location, b.location)
    return True


def _url_path(finding: Finding) -> str:
    return urlsplit(str(finding.context.get("url") or "")).path.rstrip("/")


def _spot_key(finding: Finding) -> tuple[str, ...]:
    loc = finding.location
    if finding.secret is not None:
        return (finding.category, loc.path, str(loc.pointer), finding.secret.identity)
    url = urlsplit(str(finding.context.get("url") or ""))
    endpoint = f"{url.scheme.lower()}://{(url.hostname or '').lower()}"
    entry = str(finding.context.get("har_entry"))
    return (finding.category, loc.path, entry, endpoint)


def merge_same_spot(findings: Iterable[Finding]) -> list[Finding]:
    """Collapse what several rules found about one thing in one place into one finding.

    A secret: the same canonical secret, in the same category, at overlapping locations. A
    request finding without a secret: the same category, scheme and host, in the same file (and
    HAR entry), within a request's span of lines (and the same method and path when both are
    request-rule findings). The strongest rule (severity, then confidence)
    wins. Different categories say different things (a leaked key, and a key used against the
    wrong environment) and are all kept.
    """
    kept: list[Finding] = []
    by_spot: dict[tuple[str, ...], list[int]] = {}
    for finding in sorted(findings, key=lambda f: (f.sort_key(), [-x for x in _strength(f)])):
        key = _spot_key(finding)
        for index in by_spot.get(key, []):
            if _same_spot(kept[index], finding):
                if _strength(finding) > _strength(kept[index]):
                    kept[index] = finding
                break
        else:
            by_spot.setdefault(key, []).append(len(kept))
            kept.append(finding)
    kept.sort(key=Finding.sort_key)
    return kept


def _overlaps(a: Location, b: Location) -> bool:
    return (a.line, a.column) <= (b.end_line, b.end_column) and (b.line, b.column) <= (
        a.end_line,
        a.end_column,
    )
