"""What keyaudit says on stderr: one ``keyaudit: …`` line per message, made printable.

Messages name paths, and paths are whatever was on disk: a newline in a file name would forge a
line of our own (``keyaudit: error: …``) and an escape sequence would drive the terminal. Every
line goes through :func:`~keyaudit.model.printable.printable`, the escaping the reports use.
"""

from __future__ import annotations

import click

from keyaudit.model.printable import printable


def say(message: str) -> None:
    """Print ``keyaudit: message`` on stderr as one printable line. A stderr that cannot be written
    (a full disk under `2>>log`) loses the line, not the scan: the report is still written."""
    try:
        click.echo(f"keyaudit: {printable(message)}", err=True)
    except OSError:
        pass
