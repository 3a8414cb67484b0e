"""``python -m keyaudit``: the same as the ``keyaudit`` command."""

from keyaudit.cli import run

run()
