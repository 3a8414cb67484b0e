"""``keyaudit scan``: options into a :class:`~keyaudit.config.Config`, a session run, a report,
an exit code. Nothing here decides what is found."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from keyaudit.cli.exit_codes import EXIT_CLEAN, EXIT_FINDINGS, failing, scan_exit_code
from keyaudit.cli.failure import fail
from keyaudit.cli.rules import RULES_OPTION
from keyaudit.cli.setup import CONFIG_OPTION, configuration
from keyaudit.config import GROUPINGS, Config
from keyaudit.engine import ENGINES
from keyaudit.model.result import ScanResult
from keyaudit.model.vocabulary import SEVERITIES
from keyaudit.report import FORMATS

DIGEST_KEY_VARIABLE = "KEYAUDIT_DIGEST_KEY"
BASELINE_HINT = ".keyaudit-baseline.json"


def _blocked_message(findings: int) -> str:
    return (f"\nkeyaudit: commit blocked: {findings} finding{'s' if findings != 1 else ''} in staged files. Ways out:\n"
            "  1. remove the secret from the file (and rotate it: it may already be in history);\n"
            "  2. if it is not a secret, mark the line with a comment containing 'keyaudit:allow <reason>'\n"
            "     (or 'keyaudit:allow-next-line <reason>' on the line before);\n"
            f"  3. accept it knowingly: keyaudit scan --staged --write-baseline {BASELINE_HINT}, commit that file,\n"
            "     and set 'baseline' in .keyaudit.yaml (or pass --baseline).\n")


def _command_line(options: dict[str, Any]) -> dict[str, Any]:
    """The options the user gave, typed as :class:`Config` holds them (None: not given)."""
    pairs = options.pop("storage_options")
    bad = [option for option in pairs if "=" not in option]
    if bad:
        raise fail(f"--storage-option {bad[0]!r}: expected KEY=VALUE")
    options["storage_options"] = tuple(tuple(option.split("=", 1)) for option in pairs)
    options["rules"] = options.pop("rule_paths")
    return options


@click.command()
@click.argument("targets", nargs=-1)
@click.option("--format", type=click.Choice(tuple(FORMATS)), default=None,
              help="Report format (ecs: JSON Lines in the Elastic Common Schema) [default: text].")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the report to this file (atomically) instead of stdout.")
@RULES_OPTION
@CONFIG_OPTION
@click.option("--disable", multiple=True, metavar="RULE", help="Turn a rule off by id (repeatable).")
@click.option("--exclude", multiple=True, metavar="PATTERN",
              help="Skip paths matching this gitignore-style pattern (repeatable).")
@click.option("--fail-on", type=click.Choice(SEVERITIES), default=None,
              help="Exit 1 when a finding has at least this severity [default: low].")
@click.option("--baseline", type=click.Path(dir_okay=False, path_type=Path),
              help="Hide findings recorded in this baseline file.")
@click.option("--write-baseline", type=click.Path(dir_okay=False, path_type=Path),
              help="Record the findings of this scan as a baseline file, then exit 0.")
@click.option("--staged", is_flag=True, default=None,
              help="Scan the files staged for commit (the git index), not TARGETS.")
@click.option("--state", type=click.Path(dir_okay=False, path_type=Path),
              help="SQLite file recording what was scanned: later runs scan only new content (nightly jobs).")
@click.option("--show-secrets", is_flag=True, default=None, help="Print full secret values (a report then leaks them).")
@click.option("--digest-key", envvar=DIGEST_KEY_VARIABLE, show_envvar=True,
              help="Key for HMAC-SHA256 secret digests, so reports correlate without being brute-forceable.")
@click.option("--no-dedupe", is_flag=True, default=None,
              help="List every occurrence as its own finding instead of one finding per secret.")
@click.option("--strict", is_flag=True, default=None, help="Exit 2 when any input could not be read.")
@click.option("--quiet", "-q", is_flag=True, default=None, help="No progress bar and no summary on stderr.")
@click.option("--group-by", type=click.Choice(GROUPINGS), default=None,
              help="Grouping of the text view [default: file].")
@click.option("--engine", type=click.Choice(ENGINES), default=None,
              help="Matching engine: hyperscan where installed (auto), or the portable regex engine [default: auto].")
@click.option("--public-key", "public_keys", multiple=True, type=click.Path(exists=True, path_type=Path),
              help="iugu client public key (PEM) or folder of them, to verify request signatures (repeatable).")
@click.option("--storage-option", "storage_options", multiple=True, metavar="KEY=VALUE",
              help="Option for the object store of URL targets (s3://, gs://, az://; repeatable).")
@click.option("--scheduler", envvar="DASK_SCHEDULER_ADDRESS", show_envvar=True,
              help="Scan on a Dask cluster: tcp://host:8786, or local:N for a local cluster of N workers.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Processes to scan with [default: all cores].")
def scan(targets: tuple[str, ...], config_path: Path | None, **options: Any) -> None:
    """Scan files, folders (walked, ignore files honoured) or - (stdin). Default: the current folder.

    Every option can also be set in .keyaudit.yaml or [tool.keyaudit] (but --show-secrets and
    --digest-key); `keyaudit config` shows where each value comes from.
    """
    from keyaudit.run.session import Session, SetupError

    command_line = {**_command_line(options), "targets": targets}
    config = configuration(config_path, command_line, () if options["staged"] else targets)
    if config.show_secrets:
        click.echo("keyaudit: warning: --show-secrets prints full secret values; this report is now a leak "
                   "itself: do not share or store it.", err=True)
    try:
        session = Session(config)
    except SetupError as exc:
        raise fail(str(exc)) from None
    click.get_current_context().call_on_close(session.close)
    for warning in session.warnings:
        click.echo(f"keyaudit: warning: {warning}", err=True)
    try:
        result = session.run(_progress_display(config.quiet))
    except SetupError as exc:
        raise fail(str(exc)) from None
    for error in result.errors:
        click.echo(f"keyaudit: error: {error}", err=True)
    if config.write_baseline is not None:
        _write_baseline(config.write_baseline, result)
        raise click.exceptions.Exit(EXIT_CLEAN)
    _report(config, result, session.digest_key)
    session.commit()  # right after the report: a run killed before this point is redone whole
    code = scan_exit_code(result, config.fail_on, config.strict)
    if code == EXIT_FINDINGS and config.staged and config.format == "text":
        click.echo(_blocked_message(len(failing(result.findings, config.fail_on))), err=True)
    raise click.exceptions.Exit(code)


def _write_baseline(path: Path, result: ScanResult) -> None:
    from keyaudit.cli.output import write_atomically
    from keyaudit.run.filters import baseline_text

    write_atomically(path, baseline_text(result.occurrences))
    click.echo(f"keyaudit: wrote {len(result.occurrences)} findings to the baseline {path}", err=True)


def _report(config: Config, result: ScanResult, digest_key: bytes | None) -> None:
    """The report, to the output file or stdout; and, when it went elsewhere, a summary line."""
    import sys

    from keyaudit.cli.output import write_atomically, write_stdout
    from keyaudit.report import reporter
    from keyaudit.report.options import ReportOptions

    to_terminal = config.output is None and sys.stdout.isatty()
    options = ReportOptions(show_secrets=config.show_secrets, group_by=config.group_by, color=to_terminal,
                            digest_key=digest_key)
    text = reporter(config.format)(result, options)
    if config.output is not None:
        try:
            write_atomically(config.output, text)
        except OSError as exc:
            raise fail(f"{config.output}: cannot write the report: {exc.strerror or exc}") from None
    else:
        write_stdout(text)
    if not config.quiet and (config.format != "text" or config.output is not None):
        from keyaudit.report.text import summary

        click.echo(f"keyaudit: {summary(result)}", err=True)  # the report went elsewhere: say what it holds


def _progress_display(quiet: bool):  # type: ignore[no-untyped-def]
    """A progress bar on stderr when it is a terminal and not --quiet; otherwise none."""
    import sys

    if quiet or not sys.stderr.isatty():
        return None
    from keyaudit.cli.progress import progress_display

    return progress_display
