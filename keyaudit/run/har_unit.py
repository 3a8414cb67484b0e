"""A HAR capture scanned as a unit: the whole capture, or a share of its entries.

A capture is one JSON document, not lines, so a big one is not cut into byte ranges: each share
parses it from its start (for the places and the entries' numbers) and reads only the entries
that start in its share, then stops. Findings are placed in the whole file already: a share's
need no moving. A share that meets anything unusual — the capture not a HAR after all, a part
that cannot be read as HAR — does not report it alone: it asks the session for a scan of the
file whole, so the report (its one error line included) is the same however it was planned.
"""

from __future__ import annotations

import math
from typing import BinaryIO

from keyaudit.engine.binary_read import BinaryBudget
from keyaudit.engine.detect import SecretDetector
from keyaudit.engine.judge import ExchangeJudge
from keyaudit.model.result import ScanError
from keyaudit.run.records import Progress
from keyaudit.run.tail_keeper import TailKeeper
from keyaudit.run.tally import Tally
from keyaudit.run.units import WorkUnit


def scan_har(stream: BinaryIO, unit: WorkUnit, detector: SecretDetector, judge: ExchangeJudge,
             tally: Tally, budget: BinaryBudget | None = None) -> bool:
    """Scan the capture (or the unit's share of it) into ``tally``, entry by entry as it is read (its binary
    bodies as far as ``budget`` lets); False (with an error saying why) when it is not a HAR after all."""
    # The HAR reader is loaded by the first capture: most scans (a commit's files) have none.
    from keyaudit.inputs.har import HarError
    from keyaudit.inputs.har_findings import findings_in_har

    # Lines are counted only for a --state record (a pass over every byte of the capture).
    display, keeper = unit.target.display, TailKeeper(stream, count_lines=unit.head is not None)
    share: tuple[float, float] | None = None
    if unit.share is not None:  # the last share reads on to the end, however much the capture grew
        share = (unit.share[0], math.inf if unit.to_end else unit.share[1])
    har = Tally()
    try:
        for item in findings_in_har(keeper, display, detector, judge,  # type: ignore[arg-type]
                                    har.counts.statistics, share, budget):
            if isinstance(item, ScanError):
                har.errors.append(item)
            else:
                har.findings.append(item)
    except HarError as exc:
        if unit.share is not None:
            tally.rescan_whole = True
            return True
        tally.errors.append(ScanError(display, f"{exc}; scanned as plain text"))
        return False
    except Exception:
        tally.add(har)  # what was found before the stream broke is kept
        raise
    if unit.share is not None and har.errors:
        tally.rescan_whole = True
        return True
    tally.add(har)
    tally.counts.files_scanned += int(unit.first)
    read = keeper.count - (share[0] if share else 0)  # whole, or a last share: what it read from its start
    tally.counts.bytes_scanned += int(read if share is None or share[1] == math.inf else unit.size)
    if unit.head is not None:
        tally.progress = Progress.of(unit.head, keeper.count, keeper.newlines, 0, keeper.tail,
                                     unit.resume.record_id if unit.resume else None, unit.stamp)
    return True
