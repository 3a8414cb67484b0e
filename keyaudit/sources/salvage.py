"""gzip read the way ``zcat`` reads it, and on: every byte that decodes before the damage is handed out, and the
members after it from the next one that decodes (:class:`~keyaudit.sources.decoders.Resync`).

A log rotated while the machine crashed ends in junk (a member cut short, or garbage after the
last member); ``zcat`` prints all it can decode and then complains. A library gzip reader raises
out of the read that meets the damage and takes the text that read decoded with it — and text
readers above it (tar, a buffered reader) lose whole buffers more. This reader never raises for
damage: it hands out everything before it, then reports end of file and keeps the damage in
:attr:`GzipSalvage.damage` for whoever opened it to raise once the text has been read
(:func:`keyaudit.sources.opening.opener_for` does).

It decodes member by member with ``zlib`` (whose decoder state can be copied: when a piece of
input turns out corrupt, the piece is decoded again byte by byte from the copy to keep the
output up to the bad byte). NUL padding after a member is skipped, as gzip itself does. It is
the unthreaded gzip reader, used after a fast threaded read met damage; intact files go to isal.
"""

from __future__ import annotations

import io
import zlib

from keyaudit.sources.decoders import Damaged, Resync, damaged

GZIP_MAGIC = b"\x1f\x8b"
_GZIP_WBITS = 31  # zlib reads the gzip header and checks the trailer's CRC and length
_TRAILER_CHECKS = ("incorrect data check", "incorrect length check")  # zlib's words for a bad CRC / length
INPUT_BYTES = 64 << 10
OUTPUT_BYTES = 256 << 10  # at most this much decoded per step: a small input cannot blow up memory


class GzipSalvage(io.RawIOBase):
    """The decoded text of a gzip stream up to its end or its damage, damage kept, never raised."""

    def __init__(self, raw: io.BufferedIOBase) -> None:
        self._raw = raw  # read by read1, one read of the file at a time: a failing one loses nothing
        self._read = 0  # compressed bytes read from ``raw``
        self._decoder = zlib.decompressobj(_GZIP_WBITS)
        self._input = b""  # compressed bytes read but not yet decoded
        self._between = False  # a member ended: what follows must be another member or padding
        self._output = memoryview(b"")
        self._ended = False
        self._member = 0  # where the member being decoded starts in the file
        self._cut = False  # whether the text handed out so far ends inside a line
        self._resync = Resync("gzip", GZIP_MAGIC + b"\x08", self._read_raw)
        self._failed: OSError | None = None  # a failing read of the file, which ends the text

    @property
    def damage(self) -> Exception | None:
        """What the decoding met, if not the end of a last member: the OSError of a failing read of the file, or
        Damaged (at a byte of the file), read past or not."""
        return self._failed or self._resync.damage()

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray) -> int:  # type: ignore[override]
        while not self._output and not self._ended:
            self._step()
        size = min(len(buffer), len(self._output))
        buffer[:size] = self._output[:size]
        self._output = self._output[size:]
        return size

    def _more(self) -> bool:
        """Read more compressed input; False at the end of the file or when reading fails (the
        failure is kept, and ends the text)."""
        piece = self._resync.more()
        self._input += piece
        return bool(piece)

    def _read_raw(self) -> bytes:
        """The next compressed bytes of the file; b"" at its end or when reading fails."""
        try:
            piece = self._raw.read1(INPUT_BYTES)
        except OSError as exc:
            self._failed = self._failed or exc
            return b""
        self._read += len(piece)
        return piece

    def _stop(self) -> None:
        self._ended = True

    def _hunt(self, damage: Damaged | None, after: int) -> None:
        """After damage (None: a start after it did not decode), on from the next member start at or after byte
        ``after``; the text ends where there is none."""
        self._input, self._member = self._resync.hunt(damage, after)
        self._between, self._decoder = False, zlib.decompressobj(_GZIP_WBITS)
        if not self._input:
            self._stop()

    def _step(self) -> None:
        """Decode the next piece: a member's data, or what follows a member's end."""
        if self._between:
            self._input = self._input.lstrip(b"\0")
            while len(self._input) < len(GZIP_MAGIC) and self._more():
                self._input = self._input.lstrip(b"\0")
            if not self._input:
                self._stop()  # the last member ended, with or without padding: intact
            elif not self._input.startswith(GZIP_MAGIC):
                self._hunt(None if self._resync.hunting else damaged(
                    "gzip", self._offset(), 0, "what follows the last gzip member is not gzip data (trailing garbage)"),
                    self._offset())
            else:
                self._between, self._decoder, self._member = False, zlib.decompressobj(_GZIP_WBITS), self._offset()
            return
        if not self._input and not self._more():
            if self._failed is not None:
                self._stop()
            else:
                self._hunt(None if self._resync.hunting else damaged(
                    "gzip", self._read, self._read, "the gzip data ends inside a member: the file was cut short"),
                    self._member + 1)
            return
        saved = self._decoder.copy()
        try:
            output = self._decoder.decompress(self._input, OUTPUT_BYTES)
        except zlib.error as exc:
            output, bad = self._up_to_damage(saved, self._input)
            self._hand_out(output)
            # A failed trailer check comes only after the member's data decoded to its end: the next member starts
            # after it (its stored bytes may hold a nested .gz, not a member of this file). Any other error: on from
            # the member's second byte, since a member cut short is read into the next one's bytes before it shows.
            at = self._offset() + bad
            self._hunt(None if self._resync.hunting else damaged("gzip", at, 0, str(exc)),
                       at if str(exc).endswith(_TRAILER_CHECKS) else self._member + 1)
            return
        self._hand_out(output)
        if self._decoder.eof:
            self._input, self._between = self._decoder.unused_data, True
        else:
            self._input = self._decoder.unconsumed_tail

    def _hand_out(self, output: bytes) -> None:
        """Hand out ``output``; the first after damage on a line of its own: a line the damage cut is not joined
        to the text read on with."""
        if output:
            if self._resync.hunting and self._cut:
                output = b"\n" + output
            self._resync.decoded(self._member)
            self._cut = not output.endswith(b"\n")
        self._output = memoryview(output)

    def _offset(self) -> int:
        """Where the undecoded input starts in the file."""
        return self._read - len(self._input)

    @staticmethod
    def _up_to_damage(decoder: "zlib._Decompress", data: bytes) -> tuple[bytes, int]:
        """What ``data`` decodes to before its bad byte, fed one byte at a time from a copy of
        the decoder taken before it (the failing call handed out nothing), and where in ``data``
        the bad byte is."""
        pieces: list[bytes] = []
        for index in range(len(data)):
            try:
                pieces.append(decoder.decompress(data[index : index + 1]))
            except zlib.error:
                return b"".join(pieces), index
        return b"".join(pieces), len(data)
