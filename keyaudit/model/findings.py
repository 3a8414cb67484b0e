"""The finding: one reportable problem at one place, built once by the engine and only read after.

Every serialisation goes through :meth:`Finding.to_dict`, which shows the redacted secret unless
asked, so no reporter can print a value by accident.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field, fields, replace
from datetime import datetime, timezone
from typing import Any, Iterable
from urllib.parse import urlsplit

from keyaudit.model.secrets import SealedSecret, Secret
from keyaudit.model.verification import Verification

MEMBER_SEPARATOR = "!"
# ``context.decoded`` of a secret only a request's reader put together (a header a printer cut onto
# rows of its own): it is reported on the request's first line, as no text shows it whole there.
REBUILT = "request"


def member_path(archive: str, name: str) -> str:
    """How reports name a member of an archive: ``logs/2026-11-25.tar.gz!var/log/app.log`` (the
    form gitleaks prints)."""
    return f"{archive}{MEMBER_SEPARATOR}{name}"


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
    occurrences: "Occurrences | None" = None  # every sighting folded into this one; None: only itself
    verification: Verification | None = None  # what the provider said of the secret (--verify); None: not asked

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

    def seal(self, digest_key: bytes | None) -> None:
        """Drop the secret's value (keeping the keyed digest): the finding is about to leave memory."""
        if isinstance(self.secret, Secret):
            self.secret = self.secret.sealed(self.fingerprint, digest_key)

    def to_checkpoint(self) -> dict[str, Any]:
        """Every field, as JSON values, with the secret sealed: what a checkpoint may keep."""
        assert self.occurrences is None, "checkpoints hold findings before they are deduplicated"
        values = {f.name: getattr(self, f.name) for f in fields(self) if f.name not in ("location", "secret", "verification")}
        secret = self.secret.sealed(self.fingerprint) if isinstance(self.secret, Secret) else self.secret
        return {**values, "location": asdict(self.location), "secret": asdict(secret) if secret else None}

    @classmethod
    def from_checkpoint(cls, values: dict[str, Any]) -> "Finding":
        secret = values["secret"]
        return cls(**{**values, "location": Location(**values["location"]),
                      "secret": SealedSecret(**secret) if secret else None})

    def moved_down(self, lines: int) -> "Finding":
        """The finding of a piece of a file placed in the whole file: ``lines`` earlier lines come first."""
        return replace(self, location=replace(self.location, line=self.location.line + lines,
                                              end_line=self.location.end_line + lines))

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
        occurrences = self.occurrences or Occurrences.of((self,))
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
            "occurrences": occurrences.to_dict(),
            **({"verification": self.verification.to_dict()} if self.verification is not None else {}),
        }


@dataclass
class Occurrences:
    """Every sighting of one secret in one file, up to a cap of locations (the count stays exact)."""

    count: int = 0
    first_seen: str | None = None  # log-record timestamps, where the records have them
    last_seen: str | None = None
    locations: list[Location] = field(default_factory=list)
    cap: int = 20

    @classmethod
    def of(cls, sightings: Iterable[Finding], cap: int = 20) -> "Occurrences":
        """The sightings of one secret in one file (or the one sighting of a finding nothing was
        folded into), taken as they come: never held as a list."""
        occurrences = cls(cap=cap)
        for sighting in sightings:
            occurrences.add(sighting)
        return occurrences

    def add(self, finding: Finding) -> None:
        self.count += 1
        if len(self.locations) < self.cap:
            self.locations.append(finding.location)
        stamp = finding.context.get("log_timestamp")
        if isinstance(stamp, str) and self.first_seen is None:
            self.first_seen = self.last_seen = stamp
        elif isinstance(stamp, str):
            self.first_seen = min(self.first_seen, stamp, key=_instant)
            self.last_seen = max(self.last_seen or stamp, stamp, key=_instant)

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

