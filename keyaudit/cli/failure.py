"""How a command stops on a usage, configuration or rule error: one line on stderr, exit 2."""

from __future__ import annotations

import re

import click

from keyaudit.cli.exit_codes import EXIT_ERROR
from keyaudit.cli.stderr import say

# A run of 20 or more characters a key is made of: what a message must hold to be read for one.
_TOKEN_LIKE = re.compile(r"[\w$+/=-]{20,}")


def fail(message: str) -> click.exceptions.Exit:
    """Print ``keyaudit: error: message`` and return the exit to raise."""
    say(f"error: {without_secrets(message)}")
    return click.exceptions.Exit(EXIT_ERROR)


def without_secrets(message: str) -> str:
    """``message`` with the credentials the shipped rules find in it redacted, as the report's
    error lines are: such a message names what the user gave, and a key pasted as ``--baseline``'s
    (or ``--config``'s, ``--rules``'s…) path was printed whole. The rules are loaded only for a
    message with a run of key characters (most have none), and with the regex engine (no database
    to build for one line); should that fail, every such run is hidden instead."""
    if not _TOKEN_LIKE.search(message):
        return message
    try:
        from keyaudit.engine import create_matcher
        from keyaudit.engine.detect import SecretDetector
        from keyaudit.rulebook.loader import load_rules
        from keyaudit.run.path_secrets import PathRedactor

        rules = load_rules()
        return PathRedactor(SecretDetector(rules, create_matcher(rules, "regex"))).message(message)
    except Exception:  # noqa: BLE001 - the error being told must still be told, and without a key
        return _TOKEN_LIKE.sub("…", message)
