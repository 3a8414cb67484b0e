"""Secrets and their redaction: the only forms of a credential a report may show.

The full value travels inside a :class:`Secret` (so that ``--show-secrets`` and dedupe work), but
what is printed is :attr:`Secret.redacted` unless the user asks otherwise; a checkpoint keeps a
:class:`SealedSecret`, which has no value at all.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
from dataclasses import dataclass

ELLIPSIS = "…"


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


@dataclass(frozen=True, repr=False)
class Secret:
    """A credential value with the forms a report may show.

    ``canonical`` is the value the digest and fingerprint are built from: the same key written
    as ``$aact_…``, ``%24aact_…`` or PHP-mangled has one canonical form, so it is one secret.
    """

    canonical: str
    visible_prefix: str = ""

    def __repr__(self) -> str:
        """The redacted form: a finding printed from Python (a log line, a debugger, a failing
        assertion) must not print the value either."""
        return f"Secret(redacted={self.redacted!r}, length={self.length})"

    @property
    def redacted(self) -> str:
        return redact(self.canonical, self.visible_prefix)

    @property
    def length(self) -> int:
        return len(self.visible_prefix) + len(self.canonical)

    @functools.cached_property
    def identity(self) -> str:
        """The SHA-256 of the canonical value: what tells two secrets apart without the value (worked out once a
        secret: a finding's is asked some eight times, by its fingerprint, its folding and its report's order)."""
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

    def sealed(self, fingerprint: str, digest_key: bytes | None = None) -> "SealedSecret":
        """The secret without its value; with ``digest_key`` it keeps the keyed digest, the one
        thing a report needs of the value besides what is shown."""
        keyed = self.digest(digest_key) if digest_key else None
        return SealedSecret(self.redacted, self.length, self.identity, fingerprint, keyed)


@dataclass(frozen=True)
class SealedSecret:
    """A secret as a checkpoint keeps it: what a report shows of it, never its value.

    A finding of a unit an interrupted run finished comes back from the state this way, so the
    state file never holds a credential. Runs that need the value (``--show-secrets``, a digest
    key) scan such units again instead. A report's findings spilled to disk are sealed too, with
    the keyed digest made before sealing when the run has a digest key.
    """

    redacted: str
    length: int
    identity: str
    fingerprint: str  # of the finding it belonged to: built from the value, so kept, not rebuilt
    keyed_digest: str | None = None  # the digest under the run's digest key, made while the value was known

    def digest(self, key: bytes | None = None) -> str:
        if key:
            if self.keyed_digest is None:
                raise ValueError("a sealed secret has no value to key a digest with")
            return self.keyed_digest
        return "sha256:" + self.identity

    def shown(self, show_value: bool) -> str:
        if show_value:
            raise ValueError("a sealed secret has no value to show")
        return self.redacted

