"""``keyaudit scan``: options into a :class:`~keyaudit.config.Config`, a session run, a report,
an exit code. Nothing here decides what is found."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

import click

from keyaudit.cli.exit_codes import EXIT_CLEAN, EXIT_FINDINGS, failing, scan_exit_code
from keyaudit.cli.failure import fail
from keyaudit.cli.options import command_line, configuration, scan_options
from keyaudit.cli.stderr import say

if TYPE_CHECKING:
    from keyaudit.config import Config
    from keyaudit.model.result import ScanResult
    from keyaudit.verify import Transport

@click.command()
@scan_options
def scan(targets: tuple[str, ...], config_path: Path | None, **options: Any) -> None:
    """Scan files, folders (walked, ignore files honoured) or - (stdin). Default: the current folder.

    Every option can also be set in .keyaudit.yaml or [tool.keyaudit] (but --show-secrets and
    --digest-key); `keyaudit config` shows where each value comes from.
    """
    from keyaudit.run.session import Session, SetupError

    config = configuration(config_path, command_line(targets, options), () if options["staged"] else targets)
    _check_waits()
    if config.write_baseline is not None:  # every finding is recorded, not only those the old baseline lets through
        config = replace(config, baseline=None)
    if config.show_secrets:
        say("warning: --show-secrets prints full secret values; this report is now a leak itself: do not share "
            "or store it.")
    try:
        session = Session(config, say=say, transport=_transport() if config.verify else None)
    except SetupError as exc:
        raise fail(str(exc)) from None
    click.get_current_context().call_on_close(session.close)
    for warning in session.warnings:
        say(f"warning: {warning}")
    try:
        result = session.run(_progress_display(config.quiet))
    except SetupError as exc:
        raise fail(str(exc)) from None
    for error in result.errors:
        say(f"error: {error}")
    if config.verbose:
        _name_skipped(result)
    if config.write_baseline is not None:
        _write_baseline(config.write_baseline, result, session.paths_read)
        raise click.exceptions.Exit(EXIT_CLEAN)
    # The state is committed the moment the report is out (before anything else is said): a run
    # killed before that point is redone whole, and the moment is as short as it can be.
    _report(config, result, session.digest_key, delivering=session.stage, delivered=session.commit)
    code = scan_exit_code(result, config.fail_on, config.strict)
    if code == EXIT_FINDINGS:
        _say_if_blocked(config, result)
    raise click.exceptions.Exit(code)


def _check_waits() -> None:
    """A wait variable that is no number of seconds is a configuration error, said before any
    input is read: met where the wait is (a FIFO, the state's lock), it lost the run mid-way."""
    from keyaudit.model.option_values import environment_seconds
    from keyaudit.run.state import LOCK_WAIT_VARIABLE
    from keyaudit.sources.pipes import PIPE_WAIT_VARIABLE

    for name in (PIPE_WAIT_VARIABLE, LOCK_WAIT_VARIABLE):
        try:
            environment_seconds(name, 0.0)
        except ValueError as exc:
            raise fail(str(exc)) from None


def _transport() -> "Transport | None":
    """How --verify reaches the providers: as they are, unless the code that invoked this command
    in its own process handed a transport over as click's context object (the test suite, with
    loopback stand-ins for the providers). No option, variable or file can: nothing a repository
    holds or a shell exports decides where keys are sent."""
    from keyaudit.verify import Transport

    handed = click.get_current_context().find_root().obj
    return handed if isinstance(handed, Transport) else None


def _name_skipped(result: "ScanResult") -> None:
    """``-v``: each input not scanned, with the reason (as many as the result names; the count of
    the rest, which the summary's totals include)."""
    for path, reason in result.skipped_inputs:
        say(f"skipped: {path} ({reason})")
    unnamed = sum(result.skipped.values()) - len(result.skipped_inputs)
    if unnamed > 0:
        say(f"skipped: {unnamed} more inputs, not named (only the first {len(result.skipped_inputs)} are)")


def _say_if_blocked(config: "Config", result: "ScanResult") -> None:
    """In a commit hook, whatever the format: every file to fix and the ways out, on stderr."""
    from keyaudit.cli.hook import blocked_message, in_hook

    if in_hook(config.staged):
        click.echo(blocked_message(failing(result.findings, config.fail_on), config.staged), err=True, nl=False)


def _write_baseline(path: Path, result: "ScanResult", paths_read: frozenset[str]) -> None:
    """Record this scan's findings, keeping what an earlier baseline there holds for files the
    scan did not read (a commit's staged files are not the whole repository)."""
    from keyaudit.cli.output import write_report
    from keyaudit.run.filters import BaselineError, baseline_text, entries_not_read, new_baseline

    try:
        kept = entries_not_read(path, paths_read)
    except BaselineError as exc:  # written anew: the one way out of a damaged baseline, said not silent
        say(f"{exc}; written anew, without its entries")
        kept = []
    entries = new_baseline(result.findings, kept)
    try:
        write_report(path, baseline_text(entries))
    except OSError as exc:
        raise fail(f"{path}: cannot write the baseline: {exc.strerror or exc}") from None
    others = f", {len(kept)} of them kept for files this scan did not read" if kept else ""
    say(f"wrote {len(entries)} finding{'s' if len(entries) != 1 else ''} to the baseline {path}{others}")


def _report(config: "Config", result: "ScanResult", digest_key: bytes | None,
            delivering: Callable[[Path], None], delivered: Callable[[], None]) -> None:
    """The report, to the output file or stdout, then ``delivered``; and, when the report went
    elsewhere, a summary line. A report file is renamed into place: ``delivering`` is told the
    temporary file's name just before."""
    import sys

    from keyaudit.cli.output import is_terminal, to_stdout, write_report
    from keyaudit.report import reporter
    from keyaudit.report.options import ReportOptions

    on_stdout = to_stdout(config.output)
    options = ReportOptions(show_secrets=config.show_secrets, group_by=config.group_by,
                            color=on_stdout and is_terminal(sys.stdout), digest_key=digest_key,
                            warn=lambda message: say(f"warning: {message}"), log_timezone=config.log_timezone,
                            verbose=config.verbose)
    text = reporter(config.format)(result, options)
    try:
        write_report(config.output, text, before_rename=delivering)
    except OSError as exc:
        raise fail(f"{config.output or 'standard output'}: cannot write the report: {exc.strerror or exc}") from None
    from keyaudit.run.state import StateError

    try:
        delivered()
    except StateError as exc:  # the report is out; the state could not record it (another program holds it locked)
        raise fail(str(exc)) from None
    if not config.quiet and (config.format != "text" or not on_stdout):
        from keyaudit.report.text import summary

        say(summary(result))  # the report went elsewhere: say what it holds


def _progress_display(quiet: bool):  # type: ignore[no-untyped-def]
    """A progress bar on stderr when it is a terminal and not --quiet; otherwise none."""
    import sys

    from keyaudit.cli.output import is_terminal

    if quiet or not is_terminal(sys.stderr):
        return None
    from keyaudit.cli.progress import progress_display

    return progress_display
