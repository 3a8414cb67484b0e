"""The rule time budget's arithmetic, with real patterns: the allowance a file gives a rule grows
with the text the rule is run over, and files nest (an archive's members) without mixing."""

from __future__ import annotations

from typing import Callable

import regex

from keyaudit.engine.budget import SECONDS_PER_MIB, RuleBudget

BACKTRACKING = regex.compile(rb"(\w+\s?)+$")
CRAFTED = b"a" * 5000 + b"!"


def _counted_backtracking(found: list[int]) -> Callable[[float], None]:
    """A rule's work that backtracks past any timeout, counting its runs in ``found``."""

    def work(timeout: float) -> None:
        found.append(1)
        BACKTRACKING.search(CRAFTED, timeout=timeout)

    return work


def test_the_allowance_grows_with_the_text_a_rule_is_run_over() -> None:
    budget = RuleBudget(1.0)
    with budget.file():
        first = budget.run("rule", 0, lambda timeout: timeout)
        second = budget.run("rule", 4 << 20, lambda timeout: timeout)
    assert first is not None and 0.99 < first <= 1.0
    assert second is not None and 0.99 + 4 * SECONDS_PER_MIB < second <= 1.0 + 4 * SECONDS_PER_MIB


def test_a_rule_out_of_time_keeps_what_it_found_and_is_not_run_again_in_that_file() -> None:
    budget = RuleBudget(0.05)
    found: list[int] = []
    work = _counted_backtracking(found)
    with budget.file() as account:
        budget.run("slow", len(CRAFTED), work)
        assert budget.run("slow", len(CRAFTED), work) is None
        assert budget.run("quick", 3, lambda timeout: regex.search(rb"b", b"abc", timeout=timeout)) is not None
    assert found == [1] and account.ran_out == ["slow"] and account.not_run == []
    with budget.file() as fresh:  # the next file gives the rule its time again
        budget.run("slow", len(CRAFTED), work)
    assert found == [1, 1] and fresh.ran_out == ["slow"]


def test_a_member_has_its_own_account_and_its_archive_keeps_its_own() -> None:
    budget = RuleBudget(0.05)
    with budget.file() as archive:
        with budget.file() as member:
            budget.run("slow", len(CRAFTED), lambda timeout: BACKTRACKING.search(CRAFTED, timeout=timeout))
        budget.run("other", 1, lambda timeout: None)
    assert member.ran_out == ["slow"] and archive.ran_out == [] and set(archive.spent) == {"other"}


def test_the_pieces_of_one_spending_block_share_its_clock_and_its_allowance() -> None:
    budget = RuleBudget(1.0)
    with budget.file() as account:
        with budget.spending("rule") as spend:
            timeouts = [spend.run(size, lambda timeout: timeout) for size in (0, 4 << 20, 4 << 20)]
    assert timeouts[0] is not None and 0.99 < timeouts[0] <= 1.0
    assert timeouts[2] is not None and 0.99 + 8 * SECONDS_PER_MIB < timeouts[2] <= 1.0 + 8 * SECONDS_PER_MIB
    assert account.run_over == {"rule": 8 << 20} and 0 <= account.spent["rule"] < 0.5 and account.ran_out == []


def test_a_piece_out_of_time_stops_the_rest_of_its_block_and_the_rule_in_that_file() -> None:
    budget = RuleBudget(0.05)
    found: list[int] = []
    work = _counted_backtracking(found)
    with budget.file() as account:
        with budget.spending("slow") as spend:
            assert spend.run(len(CRAFTED), work) is None and spend.run(len(CRAFTED), work) is None
        with budget.spending("slow") as spend:
            assert spend.run(1, lambda timeout: 1) is None
        assert budget.run("quick", 3, lambda timeout: regex.search(rb"b", b"abc", timeout=timeout)) is not None
    assert found == [1] and account.ran_out == ["slow"] and account.spent["slow"] >= 0.05
