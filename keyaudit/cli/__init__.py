"""The command line: the ``keyaudit`` group, its version flag, and the entry point that keeps
tracebacks away from users. Each command lives in a module of its own."""

from __future__ import annotations

import _thread
import gc
import os
import signal
import sys
from typing import NoReturn

import click

from keyaudit import __version__
from keyaudit.cli.exit_codes import EXIT_ERROR, EXIT_INTERRUPTED, EXIT_TERMINATED
from keyaudit.cli.failure import without_secrets
from keyaudit.cli.rules import rules
from keyaudit.cli.scan import scan
from keyaudit.cli.setup import config_command, install_hook
from keyaudit.engine import hyperscan_available
from keyaudit.run.interrupts import interrupt_behind


INTERRUPTED = "keyaudit: interrupted (no report written)"
TERMINATED = "keyaudit: terminated (no report written)"
YOUNG_OBJECTS = 10_000  # allocations (net of frees) between the collector's passes over young objects


def _print_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        click.echo(f"keyaudit {__version__} (engine: {'hyperscan' if hyperscan_available() else 'regex'})")
        ctx.exit()


class _Commands(click.Group):
    """The group, whose commands' usage errors show no credential: click's own checks quote the
    value given (``File '$aact_…' does not exist.`` for a key pasted as ``--config``'s path), and
    whose commands end on Ctrl-C with one line and exit 130 (click's own "Aborted!" exits 1, which
    a CI job reads as findings)."""

    def make_context(self, info_name: str | None, args: list[str], parent: click.Context | None = None,
                     **extra: object) -> click.Context:
        """The command line read into a context; an interrupt while it is read (a SIGTERM sent as
        the run starts) ends the run as one during the command does, not as click's "Aborted!"."""
        try:
            return super().make_context(info_name, args, parent, **extra)  # type: ignore[arg-type]
        except KeyboardInterrupt as exc:
            terminated = isinstance(exc, Terminated)
        _interrupted(terminated)

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except click.ClickException as exc:
            exc.message = without_secrets(exc.message)
            raise
        except KeyboardInterrupt as exc:
            # let go of it first: its traceback holds the scan's frames, a parallel scan's workers among them
            terminated = isinstance(exc, Terminated)
        _interrupted(terminated)


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the program is, as Ctrl-C's KeyboardInterrupt is: the run ends the same
    way (its workers ended, its ``--state`` closed, no report) and says which signal ended it.
    Python's default for SIGTERM ended the process at once, without a word: exit -15, a pipeline's
    log showing nothing, forked workers left to the parent-death signal."""


def _on_sigterm(_signum: int, _frame: object) -> None:
    raise Terminated


def _interrupt_again(unraisable: "sys.UnraisableHookArgs") -> None:
    """An interrupt that landed in a finalizer (a ``__del__``, a weakref callback) is one Python
    cannot raise: it printed "Exception ignored" and went on, and the run went to its end, report
    and all, as if no Ctrl-C or SIGTERM had come. The signal is sent again, from a new thread not
    waited for: sent from here, its handler would run here, in the hook, and be ignored with it;
    the thread's ``kill`` waits for the GIL, which this thread keeps until it is back in the code
    the finalizer interrupted (should it land in another finalizer, it comes back here); as Python
    shuts down, the run is over and it is let go. Anything else goes to Python's own hook."""
    if issubclass(unraisable.exc_type, KeyboardInterrupt):
        if sys.is_finalizing():  # the run is over, and no thread can start
            return
        sent = signal.SIGTERM if issubclass(unraisable.exc_type, Terminated) else signal.SIGINT
        _thread.start_new_thread(os.kill, (os.getpid(), sent))
    else:
        sys.__unraisablehook__(unraisable)


def _interrupted(terminated: bool = False) -> NoReturn:
    click.echo(TERMINATED if terminated else INTERRUPTED, err=True)
    _forget_uncaught_interrupt()
    sys.exit(EXIT_TERMINATED if terminated else EXIT_INTERRUPTED)


def _forget_uncaught_interrupt() -> None:
    """Undo CPython's note that the interrupt went uncaught, where it made one by mistake.

    Code run from a string (``exec`` of a source text: every dataclass's ``__init__`` is made so,
    as a reader's module is imported mid-scan) that ends in a KeyboardInterrupt marks the interrupt
    unhandled, even when a caller catches it; under ``python -m`` the interpreter then ends by
    SIGINT after its exit: a run that said "interrupted" and meant to exit 130 died with -2 (a
    Ctrl-C that lands while a module loads). Every string evaluation clears the mark as it starts,
    so an empty one clears it (CPython's ``run_eval_code_obj``)."""
    eval("None")  # noqa: S307 - a constant: its only effect is that clearing


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--version", is_flag=True, expose_value=False, is_eager=True, callback=_print_version,
              help="Show the version and the matching engine, then exit.")
def main() -> None:
    """Find leaked and misused payment-API credentials (Asaas, iugu) in logs, code and captures."""


for _command in (scan, rules, config_command, install_hook):
    main.add_command(_command)


def run() -> None:
    """Entry point that keeps tracebacks away from users (a traceback could quote input).

    The garbage collector is set for a scan, by the program only (not for a library caller):
    what start-up built (the modules, a hundred thousand objects) lives until the process ends,
    so it is frozen out of the collector's full passes, and forked workers keep its pages
    shared; and a young generation of 10,000 objects, not 700, lets a batch of parsed HAR
    entries or log records die before a pass walks it. A 50 MB HAR spent 70 ms of CPU in the
    collector, 10 ms now."""
    gc.freeze()
    gc.set_threshold(YOUNG_OBJECTS, *gc.get_threshold()[1:])
    gc.enable()  # off while the program loaded (keyaudit.__main__)
    signal.signal(signal.SIGTERM, _on_sigterm)
    sys.unraisablehook = _interrupt_again
    try:
        main(standalone_mode=True)
    except KeyboardInterrupt as exc:  # outside click's handling (a command's is _Commands.invoke's)
        _interrupted(isinstance(exc, Terminated))
    except Exception as exc:  # noqa: BLE001 - a traceback could quote input, and so a secret
        if (interrupt := interrupt_behind(exc)) is not None:  # an interrupt some code made an error of
            _interrupted(isinstance(interrupt, Terminated))
        if os.environ.get("KEYAUDIT_DEBUG"):
            raise
        click.echo(f"keyaudit: internal error ({type(exc).__name__}); set KEYAUDIT_DEBUG=1 for details",
                   err=True)
        sys.exit(EXIT_ERROR)
