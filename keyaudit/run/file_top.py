"""What a file's top says to the lines below it that a part of the file read alone would not know:
the tables it leaves open.

A CSV export's header row names the column every row below it holds (``iugu_api_token``), and the
rows say nothing of it themselves: a 12 MB export of 190,000 tokens, cut into ranges for
``--jobs 2``, gave a third of its findings. So a file whose top leaves a table open is planned as
one unit (:func:`open_tables`, asked by the plan, as a W3C log's ``#Fields:`` is), and a scan
resumed past the top (``--state``: an export appended to) reads the top first, and reads on the
rows of the tables still open where it resumes, as the rows of a table whose header the buffer
before held are (a row of another width ends one). A table open at the end of the top may have
ended further down (a blank line, ``\\.`` after a ``COPY`` block, rows of another width), so a
resumed plain file also reads the lines just before where it resumes, and takes on only a table
whose rows run on through them (an end more than :data:`LOOK_BACK_BYTES` above, with rows of the
same width after it, is not seen; a compressed file, which cannot look back without decoding
again, takes the top's word).
"""

from __future__ import annotations

from keyaudit.engine.matcher import Matcher
from keyaudit.engine.tables import Table, table_rows
from keyaudit.run.records import Resume
from keyaudit.run.units import WorkUnit
from keyaudit.sources.compression import DECOMPRESSION_ERRORS, is_decompressing
from keyaudit.sources.frames import CodecMissing
from keyaudit.sources.opening import opener_for

TOP_BYTES = 64 << 10  # of a file's text, where the header of a table its later lines go on under may be
LOOK_BACK_BYTES = 64 << 10  # of a resumed plain file's text, where the table must still be going on


def open_tables(top: bytes, matcher: Matcher) -> list[Table]:
    """The tables of lines whose rows run on past the whole lines of ``top``, a file's first text (SQL tuples
    go on from a place in the buffer after, which a range or a resumed scan does not start with)."""
    top = top[: top.rfind(b"\n") + 1]  # a row cut short would end its table
    return [table for table in matcher.match(top, want_markers=False).tables if table.by_lines] if top else []


def tables_above(unit: WorkUnit, resume: Resume | None, matcher: Matcher) -> list[Table]:
    """The tables the file's top leaves open where ``resume`` picks ``unit``'s file up; none for
    a text read from its top, with no file (see above), or binary content (recorded whole: no table)."""
    if resume is None or unit.target.path is None or resume.whole:
        return []
    start = resume.offset
    try:
        with opener_for(unit.target.path)() as stream:
            tables = open_tables(stream.read(min(TOP_BYTES, start)), matcher)  # no further than it resumes
            if not tables or start <= TOP_BYTES or is_decompressing(stream) or not stream.seekable():
                return tables  # the top reaches where it resumes; or no looking back without decoding
            stream.seek(start - LOOK_BACK_BYTES)
            before = stream.read(LOOK_BACK_BYTES)
    except (OSError, CodecMissing, *DECOMPRESSION_ERRORS):
        return []  # the resumed reading says what is wrong with the file
    before = before[before.find(b"\n") + 1 :]  # from the first whole line
    return [table for table in tables if table_rows(table, before, 0, True)[1] is not None]
