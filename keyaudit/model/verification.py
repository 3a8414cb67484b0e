"""What the provider said about a leaked credential: the answer of ``--verify``.

A leaked key that still works is an incident to handle now; one the provider refuses is history.
Only that is kept — the outcome and, when the provider gave no clear answer, why — never the
provider's response body or anything of the credential.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

ACTIVE, INACTIVE, UNKNOWN = "active", "inactive", "unknown"
STATUSES: tuple[str, ...] = (ACTIVE, INACTIVE, UNKNOWN)


@dataclass(frozen=True)
class Verification:
    """The outcome of one request to the provider for one distinct secret.

    ``reason`` says why the outcome is ``unknown`` (``timeout``, ``HTTP 429``, ``connection
    refused``, ``TLS error``, …) and is None otherwise; ``host`` is where the request went (None
    when none was sent), so a reader can tell a sandbox answer from a production one."""

    status: str
    reason: str | None = None
    host: str | None = None

    def __post_init__(self) -> None:
        if self.status not in STATUSES:
            raise ValueError(f"verification status must be one of {', '.join(STATUSES)}")

    @property
    def active(self) -> bool:
        return self.status == ACTIVE

    def label(self) -> str:
        """The short form a line of text shows: ``active``, ``unknown: timeout``."""
        return f"{self.status}: {self.reason}" if self.reason else self.status

    def to_dict(self) -> dict[str, Any]:
        return {"status": self.status, "reason": self.reason, "host": self.host}
