"""What every reporter is given besides the result, and the one signature they all share."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Iterable

if TYPE_CHECKING:
    from keyaudit.model.result import ScanResult


GROUPINGS: tuple[str, ...] = ("file", "rule")  # how the text view groups findings


@dataclass(frozen=True)
class ReportOptions:
    """What the user asked for that changes how findings are shown, not which."""

    show_secrets: bool = False
    group_by: str = "file"
    color: bool = False
    digest_key: bytes | None = None
    # Hears one line for each thing a report had to leave out to stay within its consumer's limits
    # (SARIF: GitHub's upload limits); the command line prints it on stderr as a warning.
    warn: Callable[[str], None] | None = None
    log_timezone: str = "UTC"  # the zone of log timestamps written without an offset (model.logtime.time_zone)
    verbose: bool = False  # the text view: the evidence of each finding, on a line under it


# A report comes in pieces, written as they come: a million findings never make one string.
Reporter = Callable[["ScanResult", ReportOptions], Iterable[str]]
