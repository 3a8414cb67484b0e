"""``python -m keyaudit`` and the ``keyaudit`` command."""

from __future__ import annotations

import gc


def main() -> None:
    """Run the command line with the garbage collector off while it loads: start-up makes a
    hundred thousand objects that live until the process ends, and the collector's passes over
    them were a twelfth of the import time. :func:`keyaudit.cli.run` freezes them and turns the
    collector back on."""
    gc.disable()
    from keyaudit.cli import run  # imported here, once the collector is off: the laziness is the point

    run()


if __name__ == "__main__":
    main()
