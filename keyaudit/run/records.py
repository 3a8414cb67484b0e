"""What the resumable scan records of one file's content, and where it picks a file up: digests only, no content.

Kept apart from :mod:`.state` (the database that stores them) because the scanners make and read these records in
processes that never open the database.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, replace

from keyaudit.model.result import ScanError

UNCHANGED_DAMAGE = "unchanged since a run found this, so not read again"
WHOLE_DIGEST = "whole:"  # a record's tail_hash so marked is the digest of all its content (no tail's is)


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class Resume:
    """Where to pick a file up: skip ``offset`` bytes if the ones before it hash to ``tail_hash``."""

    record_id: int
    offset: int
    lines: int
    end_column: int
    tail_hash: str
    stamp: str | None  # the file's size and mtime when it was scanned up to ``offset``
    damage: tuple[tuple[str, str], ...] = ()  # the errors reading it gave then: (path, message)
    path: str = ""  # the file it was last recorded under
    # Of binary content: whether the run that recorded it read its strings in part (past the bound); None for text
    # and for binary content recorded before this was kept (read from its start when it changes).
    cut: bool | None = None
    # What the run that recorded it reported on the line it ended in, which the next run reads again (see
    # :mod:`.last_line`); None for a record from before this was kept (read on from its very end).
    seen: tuple[str, ...] | None = None
    # Where the record still open at the end of what that run read begins (see :class:`Held`); None: none kept.
    held: "Held | None" = None
    # Whether ``seen`` keys each finding by its line's place among the lines read again (a resume from a held
    # record's start, :meth:`Held.resume`), not only the first line's findings (a record of the end's last line).
    placed: bool = False

    @property
    def whole(self) -> bool:
        """Whether the record is of content read whole each time it changes (binary content: see
        :meth:`Progress.whole`), whose ``tail_hash`` is the digest of all of it."""
        return self.tail_hash.startswith(WHOLE_DIGEST)


@dataclass(frozen=True)
class Held:
    """The start of the record still open where a run's text ended (see :mod:`.open_record`): the next run reads
    that record again from ``offset`` (``lines`` newlines before it, the ``TAIL_BYTES`` before it hashing to
    ``tail_hash``), whole, with what was appended, and leaves out what was reported on its lines (``seen``, keyed
    by each line's place: see :mod:`.last_line`). Kept beside the record of the run's end, not in its place, so a
    keyaudit that does not know it goes on from that end as it always did (its ``seen`` the last line's, as that
    keyaudit keys them): no key twice. ``after``: the offset and stamp of the record of the end it was kept with; a
    run that moved that record on without it (an older keyaudit) leaves it behind, and it is then not used."""

    offset: int
    lines: int
    tail_hash: str
    seen: tuple[str, ...]
    after: tuple[int, str | None]

    def column(self) -> str:
        """The state's ``held`` column."""
        return json.dumps([self.offset, self.lines, self.tail_hash, list(self.seen), list(self.after)])

    def resume(self, end: Resume) -> Resume:
        """Where the next run picks the file up: this record's start, not ``end``'s."""
        return replace(end, offset=self.offset, lines=self.lines, end_column=0, tail_hash=self.tail_hash,
                       seen=self.seen, held=None, placed=True)


@dataclass(frozen=True)
class Progress:
    """How far a unit scanned one file's content, to be recorded (digests only, no content)."""

    head_len: int
    head_hash: str
    offset: int
    lines: int
    end_column: int
    tail_hash: str
    resumed_from: int | None  # record id the scan continued, or None for a fresh record
    stamp: str | None = None  # the file's size and mtime before it was read
    # The errors reading it gave (path, message): a damaged file left as it is is not read
    # again, and these are listed again instead, so the report still says it is damaged.
    damage: tuple[tuple[str, str], ...] = ()
    cut: bool | None = None  # of binary content: read in part (see :attr:`Resume.cut`)
    seen: tuple[str, ...] | None = ()  # what was reported on the line it ends in (see :attr:`Resume.seen`)
    held: Held | None = None  # where the record still open at its end begins (see :class:`Held`)

    @classmethod
    def of(cls, head: bytes, offset: int, lines: int, end_column: int, tail: bytes,
           resumed_from: int | None, stamp: str | None) -> "Progress":
        return cls(len(head), digest(head), offset, lines, end_column, digest(tail), resumed_from, stamp)

    @classmethod
    def whole(cls, head: bytes, length: int, place: tuple[int, int], content: str, resumed_from: int | None,
              stamp: str | None, cut: bool) -> "Progress":
        """The record of binary content: its length, its newlines and the bytes after the last (``place``) and the
        digest of all of it (``content``: its SHA-256 in hex). A binary file is rewritten in place (a database's
        pages, an executable rebuilt) or appended to (a capture, a journal, a WAL): its last bytes say nothing of
        its middle, so unchanged means the same digest, appended the same digest of as many first bytes, and
        changed is read from its start. ``cut``: its strings were read in part, which each report says again."""
        return cls(len(head), digest(head), length, *place, WHOLE_DIGEST + content, resumed_from, stamp, cut=cut)

    @classmethod
    def unchanged(cls, head: bytes, resume: Resume, stamp: str | None) -> "Progress":
        """The record kept as it is: the file is the one already scanned to its end."""
        return cls(len(head), digest(head), resume.offset, resume.lines, resume.end_column, resume.tail_hash,
                   resume.record_id, stamp, resume.damage, resume.cut, resume.seen, resume.held)

    def damage_errors(self) -> list[ScanError]:
        """The errors of a file not read again because it is unchanged: those its last reading gave."""
        return [ScanError(path, f"{message} ({UNCHANGED_DAMAGE})") for path, message in self.damage]
