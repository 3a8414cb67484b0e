"""The command line: parse options, call the scanner, pick a reporter. No scanning logic here."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from keyaudit import __version__
from keyaudit.engine import ENGINES, EngineUnavailable, create_matcher
from keyaudit.findings import SEVERITIES, severity_rank
from keyaudit.rules import RuleError, RuleSet, load_rules

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _fail(message: str) -> "click.exceptions.Exit":
    click.echo(f"keyaudit: error: {message}", err=True)
    return click.exceptions.Exit(EXIT_ERROR)


def _load(rule_paths: tuple[Path, ...]) -> RuleSet:
    try:
        return load_rules(rule_paths)
    except RuleError as exc:
        raise _fail(str(exc)) from None


def _engine_name() -> str:
    from keyaudit.engine import hyperscan_available

    return "hyperscan" if hyperscan_available() else "regex"


def _print_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        click.echo(f"keyaudit {__version__} (engine: {_engine_name()})")
        ctx.exit()


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--version", is_flag=True, expose_value=False, is_eager=True, callback=_print_version,
              help="Show the version and the matching engine, then exit.")
def main() -> None:
    """Find leaked and misused payment-API credentials (Asaas, iugu) in logs, code and captures."""


RULES_OPTION = click.option(
    "--rules", "rule_paths", multiple=True, type=click.Path(path_type=Path),
    help="Extra rule file or folder (repeatable); a rule with a shipped id replaces it.")


@main.command()
@click.argument("targets", nargs=-1)
@click.option("--format", "output_format", type=click.Choice(["text", "json", "jsonl", "sarif"]),
              default="text", show_default=True, help="Report format.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the report to this file (atomically) instead of stdout.")
@RULES_OPTION
@click.option("--fail-on", type=click.Choice(SEVERITIES), default="low", show_default=True,
              help="Exit 1 when a finding has at least this severity.")
@click.option("--show-secrets", is_flag=True, help="Print full secret values (a report then leaks them).")
@click.option("--strict", is_flag=True, help="Exit 2 when any input could not be read.")
@click.option("--group-by", type=click.Choice(["file", "rule"]), default="file", show_default=True,
              help="Grouping of the text view.")
@click.option("--engine", type=click.Choice(ENGINES), default="auto", show_default=True,
              help="Matching engine: hyperscan where installed (auto), or the portable regex engine.")
@click.option("--public-key", "public_keys", multiple=True, type=click.Path(exists=True, path_type=Path),
              help="iugu client public key (PEM) or folder of them, to verify request signatures (repeatable).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Processes to scan with [default: all cores].")
def scan(targets: tuple[str, ...], output_format: str, output: Path | None, rule_paths: tuple[Path, ...],
         fail_on: str, show_secrets: bool, strict: bool, group_by: str, engine: str,
         public_keys: tuple[Path, ...], jobs: int | None) -> None:
    """Scan files, folders (walked, ignore files honoured) or - (stdin). Default: the current folder."""
    from keyaudit.output import write_atomically, write_stdout
    from keyaudit.parallel import default_jobs
    from keyaudit.report import ReportOptions, reporter
    from keyaudit.scan import Scanner

    rules = _load(rule_paths)
    if show_secrets:
        click.echo("keyaudit: warning: --show-secrets prints full secret values; this report is now a leak "
                   "itself: do not share or store it.", err=True)
    try:
        matcher = create_matcher(rules, engine)
    except EngineUnavailable as exc:
        raise _fail(str(exc)) from None
    from keyaudit.signature import SignatureKeyError, load_public_keys, signature_check

    try:
        checks = {"iugu_signature": signature_check(load_public_keys(list(public_keys)))}
    except SignatureKeyError as exc:
        raise _fail(str(exc)) from None
    result = Scanner(rules, matcher, checks).scan(list(targets) or ["."], jobs=jobs or default_jobs())
    for error in result.errors:
        click.echo(f"keyaudit: error: {error}", err=True)
    to_terminal = output is None and sys.stdout.isatty()
    options = ReportOptions(show_secrets=show_secrets, group_by=group_by, color=to_terminal)
    text = reporter(output_format)(result, options)
    if output is not None:
        try:
            write_atomically(output, text)
        except OSError as exc:
            raise _fail(f"{output}: cannot write the report: {exc.strerror or exc}") from None
    else:
        write_stdout(text)
    if strict and result.errors:
        raise click.exceptions.Exit(EXIT_ERROR)
    threshold = severity_rank(fail_on)
    failing = any(severity_rank(f.severity) >= threshold for f in result.findings)
    raise click.exceptions.Exit(EXIT_FINDINGS if failing else EXIT_CLEAN)


@main.group()
def rules() -> None:
    """List the rules, or check that every rule finds its examples."""


@rules.command("list")
@RULES_OPTION
def rules_list(rule_paths: tuple[Path, ...]) -> None:
    """Print every rule in force: id, severity, category, provider, title."""
    ruleset = _load(rule_paths)
    for rule in [*ruleset.rules, *ruleset.requests]:
        click.echo(f"{rule.id:<28} {rule.severity:<9} {rule.category:<21} {rule.provider:<8} {rule.title}")


@rules.command("test")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
def rules_test(paths: tuple[Path, ...]) -> None:
    """Check the examples of the shipped rules and of the rule files or folders given."""
    from keyaudit.rulecheck import check_examples

    ruleset = _load(paths)
    failures = check_examples(ruleset)
    for failure in failures:
        click.echo(f"FAIL {failure}")
    every = [*ruleset.rules, *ruleset.requests]
    examples = sum(len(r.examples) + len(r.negative_examples) for r in every)
    click.echo(f"{len(every)} rules, {examples} examples, {len(failures)} failures")
    raise click.exceptions.Exit(EXIT_FINDINGS if failures else EXIT_CLEAN)


def run() -> None:
    """Entry point that keeps tracebacks away from users (a traceback could quote input)."""
    try:
        main(standalone_mode=True)
    except KeyboardInterrupt:
        click.echo("keyaudit: interrupted", err=True)
        sys.exit(130)
    except Exception as exc:  # noqa: BLE001 - a traceback could quote input, and so a secret
        if os.environ.get("KEYAUDIT_DEBUG"):
            raise
        click.echo(f"keyaudit: internal error ({type(exc).__name__}); set KEYAUDIT_DEBUG=1 for details",
                   err=True)
        sys.exit(EXIT_ERROR)
