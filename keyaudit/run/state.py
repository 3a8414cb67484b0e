"""The resumable scan: a SQLite record of how far each file's content has been scanned.

A file is known by its content, not its name: the hash of its first bytes (decompressed) finds
the record, and the hash of the bytes just before the recorded end proves the content up to
there is the same. So logrotate's renames and compression are recognised as already scanned,
appended data is scanned from where the last run stopped with the right line numbers, and a
truncated or replaced file is scanned from the start. A file whose size and mtime are those it
had when it was scanned to its end is not read again at all (last night's rotated .gz files),
and a grown plain file is checked by seeking to the recorded end, not by reading up to it. A
damaged file is recorded with the errors its reading gave: left as it is, it is not read again,
and those errors are listed again (the report still says it is damaged, and no finding twice).

Progress is committed in one transaction after the report is written: a run killed at any
point commits nothing, so the next run reports everything the killed one would have, once. A
report written to a file is delivered by renaming it into place, and the state knows which side
of that rename a killed run stopped on: the progress is staged with the temporary file's name
just before the rename, and the next run applies it if the temporary file is gone (the report
went out) or drops it, with the file, if it is still there (the report never did).
Meanwhile each finished unit is checkpointed at once (its counts, and its findings with their
secrets sealed: redacted form, length and digest, never the value): a killed run's successor
takes those from the state instead of scanning them again, and its report is the one an
uninterrupted run would have written.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import time
from pathlib import Path
from dataclasses import replace
from typing import TYPE_CHECKING, Callable, Iterator

from keyaudit.model.option_values import environment_seconds
from keyaudit.model.printable import printable
from keyaudit.model.setup_files import regular
from keyaudit.run.records import Progress, Resume, digest
from keyaudit.run.stored import Damaged, held_of, resume_of
from keyaudit.run.tally import Tally

if TYPE_CHECKING:
    import sqlite3

HEAD_BYTES = 4096
LOCK_WAIT_SECONDS = 30.0
LOCK_WAIT_VARIABLE = "KEYAUDIT_STATE_WAIT"  # seconds to wait for another run holding the state
SCHEMA = """
CREATE TABLE IF NOT EXISTS files (
    id INTEGER PRIMARY KEY,
    head_len INTEGER NOT NULL,
    head_hash TEXT NOT NULL,
    offset INTEGER NOT NULL,      -- bytes of (decompressed) content scanned
    lines INTEGER NOT NULL,       -- newlines before offset
    end_column INTEGER NOT NULL,  -- characters after the last of them
    tail_hash TEXT NOT NULL,      -- sha256 of the TAIL_BYTES before offset
    stamp TEXT,                   -- size and mtime of the file as scanned: unchanged means nothing new
    last_path TEXT NOT NULL,
    damage TEXT,                  -- the errors its reading gave (JSON [[path, message], …]), NULL: none
    updated_at REAL NOT NULL,
    cut INTEGER,                  -- binary content whose strings were read in part: 1; read whole: 0; text: NULL
    seen TEXT,                    -- what was reported on the line offset ends in (JSON), NULL: not kept
    held TEXT                     -- where the record open at offset's end begins (JSON: records.Held), NULL: none
);
CREATE INDEX IF NOT EXISTS files_head ON files (head_len, head_hash);
CREATE TABLE IF NOT EXISTS staged (  -- progress of a report about to be renamed into place
    delivery TEXT NOT NULL,      -- the report's temporary file: gone once the report is out
    head_len INTEGER NOT NULL, head_hash TEXT NOT NULL, offset INTEGER NOT NULL, lines INTEGER NOT NULL,
    end_column INTEGER NOT NULL, tail_hash TEXT NOT NULL, stamp TEXT, last_path TEXT NOT NULL,
    resumed_from INTEGER,       -- the files row it moves on, or NULL for a new one
    damage TEXT,
    cut INTEGER,
    seen TEXT,
    held TEXT
);
CREATE TABLE IF NOT EXISTS finished_units (  -- units of the current, unreported run
    unit_key TEXT PRIMARY KEY,  -- path, size and mtime, content head, starting offset
    summary TEXT NOT NULL       -- the unit's counts, progress and sealed findings as JSON
);
"""

EXPECTED_COLUMNS = {  # those of SCHEMA the queries name
    "files": {"id", "head_len", "head_hash", "offset", "lines", "end_column", "tail_hash", "stamp", "last_path",
              "updated_at"},
    "staged": {"delivery", "head_len", "head_hash", "offset", "lines", "end_column", "tail_hash", "stamp",
               "last_path", "resumed_from"},
    "finished_units": {"unit_key", "summary"},
}


class StateError(Exception):
    """The state file cannot be used; ``str()`` is one line naming it."""


class ScanState:
    """The state database of one run, held under an exclusive lock for the run's duration."""

    def __init__(self, path: Path, wait_seconds: float | None = None,
                 warn: Callable[[str], None] = lambda _line: None) -> None:
        self.path, self._warn = path, warn  # warn: says a damaged record, which costs only a scan again
        self._damaged: set[int] = set()  # the files rows found damaged: dropped with the commit
        if wait_seconds is None:
            try:
                wait_seconds = environment_seconds(LOCK_WAIT_VARIABLE, LOCK_WAIT_SECONDS)
            except ValueError as exc:
                raise StateError(str(exc)) from None
        try:
            self._lock = open(f"{path}.lock", "a+")
        except OSError as exc:
            raise StateError(f"{path}: cannot open the lock file: {exc.strerror or exc}") from None
        deadline = time.monotonic() + wait_seconds
        while True:
            try:
                fcntl.flock(self._lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    self._lock.close()
                    raise StateError(f"{path}: another keyaudit run is using this state file "
                                     f"(waited {wait_seconds:.0f} s)") from None
                time.sleep(0.2)
        import sqlite3  # only a run with --state opens a database

        self._pending: list[tuple[Progress, str]] = []
        self._delivery: str | None = None  # the report's temporary file, once the progress is staged
        try:
            self._db = sqlite3.connect(regular(path), timeout=wait_seconds, isolation_level=None)  # a FIFO would block
            # A damaged row's text may not be UTF-8: read it replaced, so it matches nothing (its
            # file is scanned again) instead of failing the query.
            self._db.text_factory = lambda data: data.decode("utf-8", "replace")
            self._db.executescript(SCHEMA)
            for table, column, kind in (("files", "stamp", "TEXT"), ("files", "damage", "TEXT"),
                                        ("staged", "damage", "TEXT"), ("files", "cut", "INTEGER"),
                                        ("staged", "cut", "INTEGER"), ("files", "seen", "TEXT"),
                                        ("staged", "seen", "TEXT"), ("files", "held", "TEXT"),
                                        ("staged", "held", "TEXT")):
                if column not in {row[1] for row in self._db.execute(f"PRAGMA table_info({table})")}:
                    self._db.execute(f"ALTER TABLE {table} ADD COLUMN {column} {kind}")  # a state from before it
            self._check_usable()
            for record, in self._db.execute("SELECT id FROM files WHERE typeof(head_len) != "
                                                   "'integer' OR head_len NOT BETWEEN 0 AND ?", (HEAD_BYTES,)):
                self._warn(f"{path}: files row {record} is damaged (head_len is not a count of 0 to {HEAD_BYTES})")
                self._damaged.add(record)  # matched by no file: dropped, not kept for ever
        except (sqlite3.Error, UnicodeDecodeError, OSError) as exc:  # a damaged schema's names need not be UTF-8
            self.close()
            raise StateError(f"{path}: not a usable keyaudit state database: "
                             f"{getattr(exc, 'strerror', None) or exc}") from None
        self._settle_killed_delivery()

    def _check_usable(self) -> None:
        """Refuse a damaged state now, as one line, rather than part-way through the run (a
        truncated or bit-flipped file, tables of another program under our names): SQLite's own
        check (with the indexes against their tables: a state holds a row a file, so it is
        quick), then the columns the queries below name."""
        import sqlite3

        verdict = self._db.execute("PRAGMA integrity_check(1)").fetchone()
        if verdict is None or verdict[0] != "ok":
            raise sqlite3.DatabaseError(f"damaged ({verdict[0] if verdict else 'no verdict'})")
        for table, columns in EXPECTED_COLUMNS.items():
            present = {row[1] for row in self._db.execute(f"PRAGMA table_info({table})")}
            if not columns <= present:
                raise sqlite3.DatabaseError(f"table {table} lacks {', '.join(sorted(columns - present))}")

    def resume_for(self, head: bytes, path: str = "") -> Resume | None:
        """The record whose content starts like ``head``, longest recorded head first; of those, the one ``path``
        left, else the longest: two files may start alike (databases of one schema, a log and its copy), and each
        is then known by its own record, not read again each run for the other's. One record is tried, never the
        next ones as well: the 4 KiB before a record's end are all that tells its content from another's, and a
        log of repeated lines after a shared banner would go on from a record not its own past lines never read.
        A damaged record (see :mod:`.stored`) is said, and dropped when the progress is committed: its file is
        read again from its start."""
        for length, in self._db.execute(
                "SELECT DISTINCT head_len FROM files WHERE typeof(head_len) = 'integer' AND head_len BETWEEN 0 AND ? "
                "ORDER BY head_len DESC", (len(head),)).fetchall():
            row = self._db.execute(
                "SELECT id, offset, lines, end_column, tail_hash, stamp, damage, last_path, cut, seen, held FROM files "
                "WHERE head_len = ? AND head_hash = ? ORDER BY last_path = ? DESC, offset DESC LIMIT 1",
                (length, digest(head[:length]), printable(path))).fetchone()
            if row is not None:
                return self._resume(row)
        return None

    def _resume(self, row: tuple) -> Resume | None:
        """A ``files`` row as where to pick its content up; a damaged one is said, and dropped at the commit."""
        try:
            resume = resume_of(row[:10])
        except Damaged as exc:
            if row[0] not in self._damaged:  # once, though two files start alike (a log and its rotated copy)
                self._warn(f"{self.path}: files row {row[0]} is damaged ({exc}): its file is scanned again from "
                           "its start")
            self._damaged.add(row[0])
            return None
        try:
            return replace(resume, held=None if row[10] is None else held_of(row[10], resume.offset, resume.stamp))
        except Damaged as exc:  # the record of the end is sound: its file goes on from there, no key twice
            self._warn(f"{self.path}: files row {row[0]} is damaged ({exc}): its file goes on from the end")
            return resume

    def remember(self, progress: Progress, path: str) -> None:
        """Keep a unit's progress until :meth:`commit` (so a killed run records nothing)."""
        self._pending.append((progress, path))

    def checkpoint(self, unit_key: str, summary: str) -> None:
        """Record at once that a unit finished, with its summary (committed on its own, so a
        kill a moment later keeps it). A database another program holds locked (past the wait
        for the state, ``KEYAUDIT_STATE_WAIT``), or that cannot be written, is a :class:`StateError`:
        checkpoints only spare a killed run's successor some work, so the caller goes on without them."""
        import sqlite3

        try:
            self._db.execute("INSERT OR REPLACE INTO finished_units (unit_key, summary) VALUES (?, ?)",
                             (unit_key, summary))
        except sqlite3.Error as exc:
            raise StateError(f"checkpoints not recorded ({exc}): were this run killed, the next would scan "
                             "its files again") from None

    def finished(self, unit_key: str) -> Tally | None:
        """The unit an interrupted run checkpointed, if any; a damaged one is said, and its unit scanned again."""
        row = self._db.execute("SELECT rowid, summary FROM finished_units WHERE unit_key = ?", (unit_key,)).fetchone()
        if row is None:
            return None
        try:
            return Tally.from_summary(row[1])
        except Damaged as exc:
            self._warn(f"{self.path}: finished_units row {row[0]} is damaged ({exc}): its unit is scanned again")
            return None

    def stage(self, delivery: Path) -> None:
        """Keep the pending progress in the database under ``delivery``, the temporary file a
        report is about to be renamed from: should the run be killed before :meth:`commit`, the
        next one can tell whether the report got out (see :meth:`_settle_killed_delivery`)."""
        rows = [(str(delivery), *_row(progress, path), progress.resumed_from) for progress, path in self._pending]
        with self._transaction() as cursor:
            cursor.execute("DELETE FROM staged")
            cursor.executemany("INSERT INTO staged (delivery, head_len, head_hash, offset, lines, end_column, "
                               "tail_hash, stamp, last_path, damage, cut, seen, held, resumed_from) "
                               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                               rows)
        self._pending.clear()
        self._delivery = str(delivery)

    def commit(self) -> None:
        """Record every pending (or staged) progress in one transaction: the report is out."""
        with self._transaction() as cursor:
            if self._delivery is not None:
                self._apply_staged(cursor)
            self._apply_all(cursor, [(_row(progress, path), progress.resumed_from) for progress, path in self._pending])
            cursor.executemany("DELETE FROM files WHERE id = ?", [(record,) for record in self._damaged])
            cursor.execute("DELETE FROM finished_units")  # reported now: no longer a run to resume
        self._pending.clear()
        self._delivery = None

    def _settle_killed_delivery(self) -> None:
        """Finish what a run killed around its report's rename left staged: its progress holds if
        the report went out (its temporary file is gone), and is dropped with the file if not —
        then the checkpointed units are taken up again and reported, once."""
        row = self._db.execute("SELECT delivery FROM staged LIMIT 1").fetchone()
        if row is None:
            return
        temporary = Path(row[0])
        with self._transaction() as cursor:
            if temporary.exists():
                cursor.execute("DELETE FROM staged")
            else:
                self._apply_staged(cursor)
                cursor.execute("DELETE FROM finished_units")
        temporary.unlink(missing_ok=True)

    def _apply_staged(self, cursor: "sqlite3.Cursor") -> None:
        staged = cursor.execute("SELECT head_len, head_hash, offset, lines, end_column, tail_hash, stamp, last_path, "
                                "damage, cut, seen, held, resumed_from FROM staged").fetchall()
        self._apply_all(cursor, [(tuple(values), resumed_from) for *values, resumed_from in staged])
        cursor.execute("DELETE FROM staged")

    @classmethod
    def _apply_all(cls, cursor: "sqlite3.Cursor", rows: list[tuple[tuple, int | None]]) -> None:
        """Each file's progress (its columns, the record it went on from). Files that start alike (a log and its
        copy, empty files, a rotated log and the new one begun with the same lines) may all have gone on from one
        record; it is moved on by one of them only — the file it was last recorded under, else the first — and
        the others get records of their own: moved on twice, it would keep one file's progress and the other
        would be read again from its start next time, its findings reported again."""
        def own(row: tuple[tuple, int | None]) -> bool:
            found = cursor.execute("SELECT last_path FROM files WHERE id = ?", (row[1],)).fetchone()
            return found is not None and found[0] == row[0][7]

        moved: set[int | None] = {None}
        for values, resumed_from in sorted(rows, key=lambda row: row[1] is None or not own(row)):
            cls._apply(cursor, values, None if resumed_from in moved else resumed_from)
            moved.add(resumed_from)

    @staticmethod
    def _apply(cursor: "sqlite3.Cursor", values: tuple, resumed_from: int | None) -> None:
        """One file's progress: its record moved on, or a new record."""
        values = (*values, time.time())
        if resumed_from is not None:
            cursor.execute("UPDATE files SET head_len=?, head_hash=?, offset=?, lines=?, end_column=?, tail_hash=?, "
                           "stamp=?, last_path=?, damage=?, cut=?, seen=?, held=?, updated_at=? WHERE id=?",
                           (*values, resumed_from))
        else:
            cursor.execute("INSERT INTO files (head_len, head_hash, offset, lines, end_column, tail_hash, stamp, "
                           "last_path, damage, cut, seen, held, updated_at) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                           values)

    @contextlib.contextmanager
    def _transaction(self) -> Iterator["sqlite3.Cursor"]:
        """A write transaction; a database another program holds locked past SQLite's wait (or
        that cannot be written: a full disk) is a :class:`StateError` naming the state, not an
        ``OperationalError`` that ended the run as an internal error with its report."""
        import sqlite3

        try:
            with contextlib.closing(self._db.cursor()) as cursor:
                cursor.execute("BEGIN IMMEDIATE")
                try:
                    yield cursor
                    cursor.execute("COMMIT")
                except BaseException:
                    if self._db.in_transaction:
                        cursor.execute("ROLLBACK")
                    raise
        except sqlite3.Error as exc:
            raise StateError(f"{self.path}: progress not recorded ({exc}): the next run scans these files "
                             "again and reports their findings again") from None

    def close(self) -> None:
        """Release the state; progress staged for a report that was not renamed into place (the
        rename failed: this process lives to say so) is dropped, as it was never reported."""
        if self._delivery is not None:
            with contextlib.suppress(Exception), self._transaction() as cursor:
                cursor.execute("DELETE FROM staged")
        with contextlib.suppress(Exception):
            self._db.close()
        with contextlib.suppress(Exception):
            fcntl.flock(self._lock, fcntl.LOCK_UN)
            self._lock.close()


def _row(progress: Progress, path: str) -> tuple:
    """A file's progress as the state's columns keep it, up to whether it was read in part."""
    damage = json.dumps([list(pair) for pair in progress.damage]) if progress.damage else None
    return (progress.head_len, progress.head_hash, progress.offset, progress.lines, progress.end_column,
            progress.tail_hash, progress.stamp, printable(path), damage, None if progress.cut is None else
            int(progress.cut), None if progress.seen is None else json.dumps(list(progress.seen)),
            None if progress.held is None else progress.held.column())
