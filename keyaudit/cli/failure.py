"""How a command stops on a usage, configuration or rule error: one line on stderr, exit 2."""

from __future__ import annotations

import click

from keyaudit.cli.exit_codes import EXIT_ERROR
from keyaudit.cli.stderr import say


def fail(message: str) -> click.exceptions.Exit:
    """Print ``keyaudit: error: message`` and return the exit to raise."""
    say(f"error: {message}")
    return click.exceptions.Exit(EXIT_ERROR)
