"""Every value a resumable scan reads back from its state, checked in this one place before it is used.

SQLite keeps any value in any column and a checkpoint is JSON: a state edited by hand, written by another program or
damaged on disk holds 'abc', 12.5, -1 or 10**30 where a count goes, or a JSON column nested past the parser's depth.
A count past SQLite's 64 bits got as far as the state written back (an OverflowError, the run and every later one
failed); a float head length failed the file as a TypeError. So a record or a checkpoint is taken only when each of
its values is of the type and range this package writes (:class:`Damaged` names the first that is not), and its
counts agree with one another: a line count or end column past the offset it goes with is no record of real
content, and bounding them by it keeps what the next run adds to them within 64 bits.
"""

from __future__ import annotations

import json
from typing import Any

from keyaudit.model.findings import Finding
from keyaudit.run.records import Held, Progress, Resume

LARGEST = (1 << 63) - 1  # SQLite's largest INTEGER


class Damaged(ValueError):
    """A value read back from the state that this package did not write; ``str()`` names it."""


def column(text: object) -> Any:
    """A JSON column's value, or None when it is damaged: not text, not JSON, or nested past the parser's depth."""
    try:
        return json.loads(text)  # type: ignore[arg-type]
    except (TypeError, ValueError, RecursionError):
        return None


def count(value: object, name: str) -> int:
    """``value`` when it is a whole number of 0 to 2**63-1 (a bool is not one)."""
    if type(value) is not int or not 0 <= value <= LARGEST:
        raise Damaged(f"{name} is not a count of 0 to 2**63-1")
    return value


def text(value: object, name: str, optional: bool = False) -> Any:
    """``value`` when it is text (or None, when ``optional``)."""
    if not (isinstance(value, str) or (optional and value is None)):
        raise Damaged(f"{name} is not text")
    return value


def texts(value: object, name: str) -> tuple[str, ...]:
    """A JSON list of text, as a tuple."""
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise Damaged(f"{name} is not a list of text")
    return tuple(value)


def pairs(value: object, name: str) -> tuple[tuple[str, str], ...]:
    """A JSON list of pairs of text (a path and a message)."""
    if not isinstance(value, list) or not all(isinstance(pair, list) and len(pair) == 2 for pair in value):
        raise Damaged(f"{name} is not a list of pairs of text")
    return tuple((text(first, name), text(second, name)) for first, second in value)


def resume_of(row: tuple) -> Resume:
    """A ``files`` row (id, offset, lines, end_column, tail_hash, stamp, damage, last_path, cut, seen) as where to
    pick its file up, without the record it held open (see :func:`held_of`: a damaged one costs only itself)."""
    record_id, offset, lines, end_column, tail_hash, stamp, damage, last_path, cut, seen = row
    count(record_id, "id")
    offset = _place(offset, lines, end_column)
    damage = () if damage is None else pairs(column(damage), "damage")
    if cut not in (None, 0, 1) or type(cut) is float:
        raise Damaged("cut is not 0, 1 or NULL")
    kept = None if seen is None else texts(column(seen), "seen")
    stamp = text(stamp, "stamp", optional=True)
    return Resume(record_id, offset, lines, end_column, text(tail_hash, "tail_hash"), stamp, damage,
                  text(last_path, "last_path"), None if cut is None else bool(cut), kept)


def held_of(held: object, offset: int, stamp: str | None) -> Held | None:
    """The open record a ``held`` column keeps (see :class:`Held`), None when it goes with another record of the end
    than the one at ``offset`` and ``stamp`` (a keyaudit that does not know it moved that record on)."""
    values = column(held)
    if not isinstance(values, list) or len(values) != 5 or not isinstance(values[4], list) or len(values[4]) != 2:
        raise Damaged("held is not a held record")
    start, lines, tail_hash, seen, (end, at) = values
    if count(start, "held's offset") > count(end, "held's end") or count(lines, "held's lines") > start:
        raise Damaged("held's offset, lines and end do not agree")
    kept = Held(start, lines, text(tail_hash, "held's tail_hash"), texts(seen, "held's seen"),
                (end, text(at, "held's stamp", optional=True)))
    return kept if kept.after == (offset, stamp) else None


def progress_of(values: object) -> Progress:
    """A checkpoint's progress of its unit's file."""
    if not isinstance(values, dict):
        raise Damaged("progress is not an object")
    get = values.get
    count(get("head_len"), "head_len")
    offset = _place(get("offset"), get("lines"), get("end_column"))
    stamp = text(get("stamp"), "stamp", optional=True)
    resumed_from = get("resumed_from")
    cut = get("cut")
    if cut is not None and type(cut) is not bool:
        raise Damaged("cut is not true, false or null")
    return Progress(values["head_len"], text(get("head_hash"), "head_hash"), offset, values["lines"],
                    values["end_column"], text(get("tail_hash"), "tail_hash"),
                    None if resumed_from is None else count(resumed_from, "resumed_from"), stamp,
                    pairs(get("damage", []), "damage"), cut,
                    None if get("seen") is None else texts(get("seen"), "seen"),
                    None if get("held") is None else held_of(get("held"), offset, stamp))


def finding_of(values: object) -> Finding:
    """A checkpoint's finding (its secret sealed)."""
    if not isinstance(values, dict) or not isinstance(location := values.get("location"), dict):
        raise Damaged("a finding is not an object with a location")
    for name in ("line", "column", "end_line", "end_column"):
        count(location.get(name), f"a finding's {name}")
    for name in ("rule_id", "category", "severity", "confidence", "provider", "title", "message"):
        text(values.get(name), f"a finding's {name}")
    text(location.get("path"), "a finding's path")
    secret = values.get("secret")
    if not isinstance(values.get("context", {}), dict) or not isinstance(secret or {}, dict):
        raise Damaged("a finding's context or secret is not an object")
    if secret:
        count(secret.get("length"), "a secret's length")
        for name in ("redacted", "identity", "fingerprint"):
            text(secret.get(name), f"a secret's {name}")
    try:
        return Finding.from_checkpoint(values)
    except (TypeError, KeyError) as exc:  # a field missing, or one this package does not know
        raise Damaged(f"a finding's fields: {exc}") from None


def _place(offset: object, lines: object, end_column: object) -> int:
    """``offset`` when it, ``lines`` and ``end_column`` are counts and neither of the others exceeds it (the newlines
    before an offset and the characters after the last of them are at most its bytes)."""
    if count(lines, "lines") > count(offset, "offset") or count(end_column, "end_column") > offset:  # type: ignore
        raise Damaged("lines or end_column exceed offset")
    return offset  # type: ignore[return-value]
