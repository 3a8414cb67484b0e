"""Time budgets for rule patterns: what one slow pattern may cost a file, and a scan.

A user rule with a nested quantifier (``(a+)+$``) can backtrack for minutes over one crafted line.
Every pattern a rule runs over the input (its own pattern around its keywords, its context
pattern around a hit) is charged to that rule in the file being scanned, in CPU seconds — the
unit the ``regex`` module's timeouts count, so a busy machine does not stop a rule that would
have finished:

* per file, a rule may spend ``seconds`` plus :data:`SECONDS_PER_MIB` for each MiB it is run
  over (a rule merely busy on a big log is not cut short; one that backtracks is, after about
  ``seconds``). A rule out of time is stopped for the rest of that file; the other rules go on.
* per scan, a rule that has run out of time on files costing :data:`FILES_LOST_PER_SCAN` ×
  ``seconds`` in all is not run again in this scan (in this process: each ``--jobs`` worker
  counts its own), so a thousand files cost that much once, not a thousand times.

The caller names the rules each file lost (:class:`FileAccount`): nothing is skipped silently.
"""

from __future__ import annotations

import contextlib
import threading
import time
from dataclasses import dataclass, field
from typing import Callable, Iterator, TypeVar

SECONDS_PER_FILE = 5.0  # CPU seconds a rule may spend on one file, before SECONDS_PER_MIB
SECONDS_PER_MIB = 0.25  # and for each MiB it is run over: ~4× the slowest shipped rule's need
FILES_LOST_PER_SCAN = 6  # a rule off for the scan once its lost files cost this many file budgets

Result = TypeVar("Result")


@dataclass
class FileAccount:
    """One file's account: what each rule spent on it and was allowed, and the rules it lost
    (``ran_out``: stopped part-way; ``not_run``: already off for the scan), in order."""

    spent: dict[str, float] = field(default_factory=dict)
    run_over: dict[str, int] = field(default_factory=dict)  # bytes each rule was run over
    ran_out: list[str] = field(default_factory=list)
    not_run: list[str] = field(default_factory=list)

    def stopped(self, rule_id: str) -> bool:
        return rule_id in self.ran_out or rule_id in self.not_run


class RuleBudget:
    """The time accounts of one scanner: the current file's (per thread, since a file is scanned
    by one thread from start to end) and the time each rule has lost over the scan."""

    def __init__(self, seconds: float = SECONDS_PER_FILE) -> None:
        self.seconds = seconds
        self.per_scan = seconds * FILES_LOST_PER_SCAN
        self._lost: dict[str, float] = {}
        self._local = threading.local()

    @contextlib.contextmanager
    def file(self) -> Iterator[FileAccount]:
        """The account of the file scanned in the block (files nest: an archive's members)."""
        outer = getattr(self._local, "account", None)
        account = self._local.account = FileAccount()
        try:
            yield account
        finally:
            self._local.account = outer

    def _account(self) -> FileAccount:
        """The current file's account; outside :meth:`file` (a rule's examples), a standing one."""
        account = getattr(self._local, "account", None)
        if account is None:
            account = self._local.account = FileAccount()
        return account

    def run(self, rule_id: str, size: int, work: Callable[[float], Result]) -> Result | None:
        """``work(timeout)`` for rule ``rule_id`` over ``size`` bytes, with the time the rule has
        left in this file as the timeout; None when the rule is out of time, here or in the scan.

        A ``TimeoutError`` from ``work`` is the rule running out: what ``work`` did before it
        (the hits it appended) stands, and the rule is stopped for the rest of the file.
        """
        account = self._account()
        if account.stopped(rule_id):
            return None
        if self._lost.get(rule_id, 0.0) >= self.per_scan:
            account.not_run.append(rule_id)
            return None
        run_over = account.run_over[rule_id] = account.run_over.get(rule_id, 0) + size
        allowed = self.seconds + SECONDS_PER_MIB * run_over / (1 << 20)
        spent = account.spent.get(rule_id, 0.0)
        result, timed_out = None, False
        started = time.thread_time()
        try:
            result = work(allowed - spent)
        except TimeoutError:
            timed_out = True
        spent = account.spent[rule_id] = spent + time.thread_time() - started
        if timed_out or spent >= allowed:
            account.ran_out.append(rule_id)
            self._lost[rule_id] = self._lost.get(rule_id, 0.0) + spent
        return result
