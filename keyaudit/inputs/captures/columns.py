"""Requests logged one a line in columns a directive above named: the W3C extended log file
format as IIS and other servers write it (w3.org/TR/WD-logfile.html).

``#Fields: date time cs-method cs-uri-stem cs-uri-query s-port cs-host cs(User-Agent) …``
names the blank-separated values of the lines below it, up to the next ``#Fields:``
(:class:`~.file_scope.FileScope` follows them); ``-`` is a value not logged, ``cs(<header>)`` a
request header. A line read so is a record, column name to value, for the generic reconstructor
(:mod:`.records`), which knows ``cs-`` (client to server) as a qualifier of the request's roles.
"""

from __future__ import annotations

import re
from typing import Iterator

from keyaudit.model.exchange import Exchange, Origin
from keyaudit.rulebook.header_names import NO_RECORD_HEADERS, RecordHeaders

from .file_scope import FileScope
from .records import request_of

_VALUE = re.compile(r'"[^"]*"|\S+')  # a value: blank-free, or a string in double quotes (the format's own)


class ColumnsReader:
    """Each line under a column directive, read as the record its columns make; one line is one
    request, so no line after it is awaited."""

    capture = "w3c"
    busy = False

    def __init__(self, path: str, scope: FileScope, known: RecordHeaders = NO_RECORD_HEADERS) -> None:
        self.path = path
        self._scope = scope
        self._known = known

    def feed(self, number: int, text: str) -> Iterator[Exchange]:
        columns = self._scope.columns
        if columns is None or text.startswith("#"):
            return
        values = _VALUE.findall(text)
        if len(values) != len(columns):
            return
        record = {name: value[1:-1] if value.startswith('"') else value for name, value in zip(columns, values)}
        exchange = request_of(record, Origin(self.path, number, capture=self.capture), known=self._known)
        if exchange is not None:
            yield exchange

    def close(self) -> Iterator[Exchange]:
        return iter(())
