"""Errors a user sees as one line: rule packs and keys they supplied that cannot be used."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path


class RuleError(Exception):
    """A rule file that cannot be used; ``str()`` is the one line the user sees."""

    def __init__(self, path: str, rule_id: str | None, problem: str) -> None:
        self.path, self.rule_id, self.problem = path, rule_id, problem
        where = f"{path}: rule {rule_id!r}" if rule_id else path
        super().__init__(f"{where}: {problem}")


class SignatureKeyError(Exception):
    """A ``--public-key`` file that cannot be used; ``str()`` is one line naming it."""

    def __init__(self, path: Path, problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}")
