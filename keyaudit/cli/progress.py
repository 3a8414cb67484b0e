"""Progress of a long scan on a terminal: files, bytes, throughput, ETA and findings so far.

Shown on stderr only when stderr is a terminal (a cron job's mail or a CI log gets nothing),
and never with a secret in it: only counts and the current path.
"""

from __future__ import annotations

import contextlib
from types import TracebackType
from typing import Callable, Iterator

from rich.console import Console
from rich.progress import (BarColumn, DownloadColumn, Progress, TaskID, TextColumn, TimeRemainingColumn,
                           TransferSpeedColumn)


class ScanProgress:
    """A rich progress bar fed one finished work unit at a time."""

    def __init__(self, total_bytes: int, total_units: int) -> None:
        self._progress = Progress(
            TextColumn("[bold]scanning"), BarColumn(), DownloadColumn(), TransferSpeedColumn(),
            TimeRemainingColumn(), TextColumn("{task.fields[units]} files · {task.fields[findings]} findings"),
            console=Console(stderr=True), transient=True,
        )
        self._task: TaskID = self._progress.add_task("scan", total=total_bytes or None, units=f"0/{total_units}",
                                                     findings=0)
        self._done, self._units, self._findings = 0, total_units, 0

    def __enter__(self) -> "ScanProgress":
        self._progress.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self._progress.stop()

    def advance(self, size: int, findings: int) -> None:
        self._done += 1
        self._findings += findings
        self._progress.update(self._task, advance=size, units=f"{self._done}/{self._units}", findings=self._findings)


@contextlib.contextmanager
def progress_display(total_bytes: int, total_units: int) -> Iterator[Callable[[int, int], None]]:
    """A bar for one scan: what the session's ``on_progress`` asks for."""
    with ScanProgress(total_bytes, total_units) as progress:
        yield progress.advance
