"""Pieces of a multi-member gzip file: found where members start, read line-aligned so that the
pieces together are the text exactly once, and a cut that is no member boundary refused."""

from __future__ import annotations

import gzip
import io
import zlib

import pytest
from hypothesis import given, settings, strategies as st

from helpers.packing import gzip_members
from keyaudit.sources.gzip_members import SEARCH_BYTES, MemberBoundaryError, MemberRange, member_starts


def read_pieces(packed: bytes, cuts: list[int]) -> list[bytes]:
    """The text of each piece between consecutive ``cuts`` (0 and the end included)."""
    bounds = [0, *cuts, len(packed)]
    return [io.BufferedReader(MemberRange(io.BytesIO(packed), start, end)).read()
            for start, end in zip(bounds, bounds[1:])]


def starts_of(parts: list[bytes]) -> tuple[bytes, list[int]]:
    """The parts as members, and where each member starts."""
    members = [gzip.compress(part, mtime=0) for part in parts]
    offsets = [sum(map(len, members[:index])) for index in range(len(members))]
    return b"".join(members), offsets


LINES = st.lists(st.sampled_from([b"a", b"bc", b"\n", b"\r\n", b"d\n", b"\xe6\x97\xa5", b"x" * 40]), max_size=60)


@settings(max_examples=300, deadline=None)
@given(parts=st.lists(LINES.map(b"".join), min_size=1, max_size=8), data=st.data())
def test_pieces_cut_at_any_member_starts_read_the_text_once(parts: list[bytes], data: st.DataObject) -> None:
    packed, offsets = starts_of(parts)
    cuts = sorted(data.draw(st.sets(st.sampled_from(offsets[1:]))) if len(offsets) > 1 else set())
    pieces = read_pieces(packed, cuts)
    text = b"".join(parts)
    assert b"".join(pieces) == text
    # every piece but the last that has text ends on a whole line: no line is split between pieces
    with_text = [piece for piece in pieces if piece]
    assert all(piece.endswith(b"\n") for piece in with_text[:-1])


def test_member_starts_are_found_after_each_point_and_not_in_a_single_member_file() -> None:
    text = b"".join(b"2026-11-30 INFO line %d of the log\n" % i for i in range(200_000))
    packed, offsets = starts_of([text[i : i + 300_000] for i in range(0, len(text), 300_000)])
    points = [len(packed) // 4, len(packed) // 2, len(packed) * 3 // 4]
    expected = [min(o for o in offsets if o >= point) for point in points]
    assert member_starts(io.BytesIO(packed), points, len(packed)) == expected
    single = gzip.compress(text)
    assert member_starts(io.BytesIO(single), [len(single) // 3, len(single) * 2 // 3], len(single)) == []


def test_a_gzip_header_stored_inside_a_member_is_believed_then_refused_when_read() -> None:
    """A gzip file kept uncompressed (deflate's stored blocks) inside another member looks like a
    member start to the plan; the piece before it cannot end there, and says so."""
    inner = gzip.compress(b"inner text\n" * 1000)
    stored = zlib.compressobj(0, zlib.DEFLATED, 31)
    outer = stored.compress(b"outer line\n" * 100 + inner + b"\nmore outer text\n") + stored.flush()
    packed = outer + gzip.compress(b"second member\n")
    fake = outer.index(inner)
    assert member_starts(io.BytesIO(packed), [fake - 10], len(packed)) == [fake]
    with pytest.raises(MemberBoundaryError):
        read_pieces(packed, [fake])


def test_a_point_with_no_member_start_within_reach_gives_no_cut() -> None:
    packed = gzip_members(b"line\n" * 10, 2) + gzip.compress(b"x" * (3 * SEARCH_BYTES), compresslevel=0)
    last = packed.rindex(b"\x1f\x8b\x08")  # the big stored member starts here
    assert member_starts(io.BytesIO(packed), [last + 1], len(packed)) == []
