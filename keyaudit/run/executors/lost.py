"""The tally of a unit no worker could finish: a worker killed (by the kernel when memory ran out, by
``kill -9``) or a cluster past its retries. The unit is an error entry, as an unreadable file is, and
the rest of the scan stands.

A unit that is a piece of a file (a byte range of a big log, the gzip members or text after a seek
point of a big gzip file) is followed by the file's next pieces, whose findings are moved down by the
lines of the pieces before them: the lost piece's lines are still counted here, by reading its text
without scanning it (bounded memory, no rule run), so that no finding after it is put on a wrong line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from keyaudit.model.result import ScanError
from keyaudit.run.tally import Tally
from keyaudit.sources.compression import DECOMPRESSION_ERRORS
from keyaudit.sources.opening import opener_for

if TYPE_CHECKING:
    from keyaudit.run.units import WorkUnit

COUNT_BYTES = 1 << 20  # read at a time while counting a lost piece's lines


def lost_unit(unit: "WorkUnit", why: str) -> Tally:
    """The tally of ``unit``, not scanned for ``why`` (which must not quote the input): one error
    entry naming it, and for a byte range of a file its lines, counted. A piece whose lines cannot
    be counted (its text is damaged) sends its file to be read whole, as a damaged piece does."""
    tally = Tally(errors=[ScanError(unit.target.display, f"not scanned: {why}")])
    if unit.byte_range is None or unit.target.path is None:
        return tally
    try:
        with opener_for(unit.target.path, unit.byte_range, False, unit.members, unit.seek_point, unit.to_end)() as text:
            while block := text.read(COUNT_BYTES):
                tally.lines += block.count(b"\n")
    except DECOMPRESSION_ERRORS:  # OSError among them: the file went too
        tally.lines, tally.rescan_whole = 0, unit.cut_compressed
    return tally
