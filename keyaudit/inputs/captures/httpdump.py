"""HTTP requests as HTTP clients log them, in one pass: text dumps of every library the dump
table knows (:mod:`.dumps`: raw HTTP/1.1, curl ``-v``, OkHttp, Feign, Faraday, .NET, …), and the
two logs of the bytes on the wire, put back together per connection: Apache HttpClient 4/5 wire
logs and Ruby Net::HTTP debug output (:mod:`.wire_logs`) and Python ``http.client`` debug output with urllib3's pool lines
(:mod:`.python_http`); and the request config of an axios error as Node's ``util.inspect``
prints it (:mod:`.inspected`); and requests written as labelled fields (REST Assured, Ktor, API
Gateway's execution log, Go's HTTP/2 debug log: :mod:`.labelled`, its labels data in
:mod:`.label_shapes`); and messages printed in protocol buffers' text format (:mod:`.text_format`).

Each reader holds only the request it is reading, so a debug log of any size streams through
once (:func:`exchanges` drives them together); wire logs' bodies are exactly what was sent, text
dumps' bodies only where a declared length confirms them.
"""

from __future__ import annotations

from typing import Iterable, Iterator

from keyaudit.model.exchange import Exchange

from .dumps import DumpReader
from .wire_logs import WireLogReader
from .inspected import InspectReader
from .labelled import LabelReader
from .lines import CaptureParser, Reader, run_readers
from .part_lines import PartLinesReader
from .python_http import PythonReader
from .text_format import TextFormatReader
from .threads import ByWriter


class WriterDumps(ByWriter):
    """Text dumps (:class:`.dumps.DumpReader`), each writer's apart: requests logged at once by
    several threads or transfers interleave (:mod:`.threads`)."""

    capture = DumpReader.capture

    def __init__(self, path: str) -> None:
        super().__init__(path, DumpReader)


class WriterLabels(ByWriter):
    """Labelled fields (:class:`.labelled.LabelReader`), each writer's apart, as text dumps are."""

    capture = LabelReader.capture

    def __init__(self, path: str) -> None:
        super().__init__(path, LabelReader)


READER_TYPES: tuple[type[WriterDumps] | type[WireLogReader] | type[PythonReader] | type[InspectReader]
                    | type[WriterLabels] | type[PartLinesReader] | type[TextFormatReader], ...] = (
    WriterDumps, WireLogReader, PythonReader, InspectReader, WriterLabels, PartLinesReader, TextFormatReader)


def readers(path: str) -> list[Reader]:
    """One reader of every format, for one pass over the lines of ``path``."""
    return [reader_type(path) for reader_type in READER_TYPES]


def exchanges(lines: Iterable[tuple[int, str]], path: str) -> Iterator[Exchange]:
    """Every request logged in any of the supported formats, in one pass over the lines.

    Exchanges come out when their request is complete, which for a held http.client request
    can be a little after later ones; origins say where each started.
    """
    return run_readers(readers(path), lines)


def _single(reader_type: type[Reader]) -> CaptureParser:
    def read(lines: Iterable[tuple[int, str]], path: str) -> Iterator[Exchange]:
        return run_readers([reader_type(path)], lines)

    read.__name__ = read.__qualname__ = f"{reader_type.__name__.removesuffix('Reader').lower()}_exchanges"
    read.__doc__ = f"Requests in the {reader_type.capture} format of {reader_type.__name__} only."
    return read


# One parser per format, for a caller that gives each format its own pass over a file.
READERS: tuple[CaptureParser, ...] = tuple(_single(reader_type) for reader_type in READER_TYPES)
