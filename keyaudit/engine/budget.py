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

    def account(self) -> FileAccount:
        """The current file's account; outside :meth:`file` (a rule's examples), a standing one."""
        account = getattr(self._local, "account", None)
        if account is None:
            account = self._local.account = FileAccount()
        return account

    def left(self, account: FileAccount, rule_id: str) -> float | None:
        """The seconds rule ``rule_id`` has left in ``account``'s file, before the bytes it is about to be run
        over; None when it is stopped there, or off for the scan (then counted in ``account.not_run``)."""
        if account.stopped(rule_id):
            return None
        if self._lost.get(rule_id, 0.0) >= self.per_scan:
            account.not_run.append(rule_id)
            return None
        return self._allowed(account.run_over.get(rule_id, 0)) - account.spent.get(rule_id, 0.0)

    def charge(self, account: FileAccount, rule_id: str, size: int, seconds: float, timed_out: bool) -> None:
        """Rule ``rule_id`` ran ``seconds`` over ``size`` bytes of ``account``'s file: out of time there when one
        of its pieces timed out or it has now spent what it was allowed, and the time lost counted for the scan."""
        run_over = account.run_over[rule_id] = account.run_over.get(rule_id, 0) + size
        spent = account.spent[rule_id] = account.spent.get(rule_id, 0.0) + seconds
        if timed_out or spent >= self._allowed(run_over):
            account.ran_out.append(rule_id)
            self._lost[rule_id] = self._lost.get(rule_id, 0.0) + spent

    def _allowed(self, run_over: int) -> float:
        return self.seconds + SECONDS_PER_MIB * run_over / (1 << 20)

    def run(self, rule_id: str, size: int, work: Callable[[float], Result]) -> Result | None:
        """``work(timeout)`` for rule ``rule_id`` over ``size`` bytes, with the time the rule has
        left in this file as the timeout; None when the rule is out of time, here or in the scan.

        A ``TimeoutError`` from ``work`` is the rule running out: what ``work`` did before it
        (the hits it appended) stands, and the rule is stopped for the rest of the file.
        """
        with self.spending(rule_id) as spend:
            return spend.run(size, work)

    def spending(self, rule_id: str) -> Spending:
        """One clock reading for the pieces of work rule ``rule_id`` runs in a ``with`` block (a
        hit's context patterns: a dense log's hits each ran six, and reading the CPU clock costs
        more than a short search). Each piece is given the time the rule had left when the block
        began (and its own bytes' worth): a block may overrun that by as many times as it runs
        pieces, once, for the rule is then stopped for the rest of the file."""
        return Spending(self, rule_id)


class Spending:
    """One rule's pieces of work within one ``with`` block of :meth:`RuleBudget.spending`: the
    bytes they were run over, and whether one ran out of time (the rest are then not run)."""

    def __init__(self, budget: RuleBudget, rule_id: str) -> None:
        self._budget, self._rule_id = budget, rule_id
        self._account = budget.account()
        self._left: float | None = None  # seconds the rule had when the block began; None: none
        self._started = 0.0
        self.size = 0
        self.timed_out = False

    def __enter__(self) -> Spending:
        self._left = self._budget.left(self._account, self._rule_id)
        self._started = time.thread_time()
        return self

    def __exit__(self, *_exception: object) -> None:
        if self._left is not None:
            self._budget.charge(self._account, self._rule_id, self.size, time.thread_time() - self._started,
                                self.timed_out)

    def run(self, size: int, work: Callable[[float], Result]) -> Result | None:
        """``work(timeout)`` over ``size`` more bytes; None when the rule is out of time."""
        if self._left is None or self.timed_out:
            return None
        self.size += size
        try:
            return work(self._left + SECONDS_PER_MIB * self.size / (1 << 20))
        except TimeoutError:
            self.timed_out = True
            return None
