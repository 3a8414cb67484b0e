"""gzip read as ``zcat`` reads it: everything that decodes before the damage, then the damage.

Real gzip bytes (from the gzip module), damaged the ways a crash or a copy damages them, read
through the reader the scan uses after a fast read met damage; the reference for "everything
that decodes" is zlib on the longest prefix it decodes without an error.
"""

from __future__ import annotations

import gzip
import io
import os
import re
import zlib

import pytest

from keyaudit.sources.compression import open_decompressed
from keyaudit.sources.decoders import Damaged, damage_of
from keyaudit.sources.salvage import GzipSalvage


def text(lines: int = 8000) -> bytes:
    """Log lines with enough randomness that compressed data is spread along the file."""
    return b"".join(b"2026-11-25 10:00:00 INFO %d %s\n" % (n, os.urandom(8).hex().encode()) for n in range(lines))


def salvage(data: bytes) -> tuple[bytes, Exception | None]:
    """Everything the unthreaded gzip reader hands out, and the damage it kept."""
    stream, kind = open_decompressed(io.BytesIO(data))
    assert kind == "gzip"
    out = stream.read()
    assert stream.read() == b""  # the end stays the end: damage is never raised by a read
    return out, damage_of(stream)


def place(damage: Exception | None) -> int:
    """The byte of the file a damage is said to be at."""
    assert isinstance(damage, Damaged), damage
    found = re.search(r"gzip damaged at byte (\d+): ", str(damage))
    assert found, str(damage)
    return int(found.group(1))


def decodable(data: bytes) -> bytes:
    """What zlib decodes of the longest prefix of one damaged member it reads without an error."""
    return zlib.decompressobj(31).decompress(data[: decodable_bytes(data)])


def decodable_bytes(data: bytes) -> int:
    """How long the longest prefix of one damaged member is that zlib reads without an error
    (found by bisection: once a prefix fails, every longer one does): the bad byte is the next."""
    def decodes(size: int) -> bool:
        try:
            zlib.decompressobj(31).decompress(data[:size])
        except zlib.error:
            return False
        return True

    good, bad = 0, len(data) + 1
    while bad - good > 1:
        middle = (good + bad) // 2
        good, bad = (middle, bad) if decodes(middle) else (good, middle)
    return good


def test_intact_members_with_nul_padding_between_and_after_read_whole() -> None:
    first, second = text(3000), text(2000)
    data = gzip.compress(first) + bytes(512) + gzip.compress(second) + bytes(100)
    assert salvage(data) == (first + second, None)


def test_junk_after_the_last_member_keeps_every_byte_before_it() -> None:
    first, second = text(3000), text(3000)
    members = gzip.compress(first) + gzip.compress(second)
    out, damage = salvage(members + b"\x07" + os.urandom(10_000))
    assert out == first + second
    assert place(damage) == len(members) and "trailing garbage" in str(damage)


@pytest.mark.parametrize("short_by", [1, 4, 8, 9, 5000, 60_000])
def test_a_member_cut_short_gives_all_that_decodes(short_by: int) -> None:
    original = text()
    packed = gzip.compress(original)
    cut = packed[:-short_by]
    out, damage = salvage(cut)
    assert out == decodable(cut) and original.startswith(out)
    if short_by <= 8:  # only the trailer is missing: the text is whole
        assert out == original
    assert place(damage) == len(cut) and "cut short" in str(damage)


def test_corrupt_data_in_the_middle_gives_everything_up_to_the_bad_byte() -> None:
    original = text()
    packed = bytearray(gzip.compress(original))
    middle = len(packed) // 2
    packed[middle : middle + 64] = b"\xff" * 64
    out, damage = salvage(bytes(packed))
    # the byte where zlib first fails: in or after the bad ones (or, if deflate read them as
    # valid, the CRC at the end)
    assert place(damage) == decodable_bytes(bytes(packed)) >= middle
    assert out == decodable(bytes(packed))
    intact = len(decodable(bytes(packed[:middle])))  # the text before the bad bytes, which must be exact
    assert intact > len(original) // 3 and out[:intact] == original[:intact]


def test_a_wrong_checksum_hands_out_the_text_and_names_the_damage() -> None:
    original = text(500)
    packed = bytearray(gzip.compress(original))
    packed[-8] ^= 0xFF  # the CRC-32 of the trailer
    out, damage = salvage(bytes(packed))
    assert out == original
    assert place(damage) == len(packed) - 5 and "incorrect data check" in str(damage)  # its last byte


def test_after_a_wrong_checksum_the_text_goes_on_after_the_trailer_not_inside_the_member() -> None:
    """A member's trailer is checked only once its data decoded to its end, so the next member starts after it:
    a .gz stored inside the damaged member (an incompressible member keeps its bytes as they are) is its data,
    not a member of this file, and must not be decoded as one."""
    nested = gzip.compress(b"only inside the nested file\n")
    packed = bytearray(gzip.compress(b"first\n" + nested + b"\nlast of the first member\n", compresslevel=0))
    packed[-8] ^= 0xFF  # the CRC-32 of the trailer
    out, damage = salvage(bytes(packed) + gzip.compress(b"the next member\n"))
    assert out == b"first\n" + nested + b"\nlast of the first member\nthe next member\n"
    assert "incorrect data check" in str(damage) and f"member at byte {len(packed)}" in str(damage)


class FailingDisk(io.RawIOBase):
    """A file whose reads fail with EIO after ``good`` bytes, as a dying disk's do."""

    def __init__(self, data: bytes, good: int) -> None:
        self._data, self._good, self._position = data, good, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray) -> int:  # type: ignore[override]
        if self._position >= self._good:
            raise OSError(5, "Input/output error")
        size = min(len(buffer), self._good - self._position)
        buffer[:size] = self._data[self._position : self._position + size]
        self._position += size
        return size


def test_a_failing_read_of_the_file_is_kept_as_the_damage() -> None:
    original = text()
    packed = gzip.compress(original)
    reader = GzipSalvage(io.BufferedReader(FailingDisk(packed, len(packed) // 2)))  # type: ignore[arg-type]
    out = io.BufferedReader(reader).read()
    assert out == decodable(packed[: len(packed) // 2]) and len(out) > 0
    assert isinstance(reader.damage, OSError) and reader.damage.errno == 5
