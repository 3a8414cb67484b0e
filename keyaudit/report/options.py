"""What every reporter is given besides the result, and the one signature they all share."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

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
    log_timezone: str = "UTC"  # the zone of log timestamps written without an offset (model.logtime.time_zone)


Reporter = Callable[["ScanResult", ReportOptions], str]
