"""``keyaudit rules list`` and ``keyaudit rules test``."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING

import click

from keyaudit.cli.exit_codes import EXIT_CLEAN, EXIT_FINDINGS
from keyaudit.cli.failure import fail
from keyaudit.cli.options import RULES_OPTION
from keyaudit.rulebook.cache import refusal as cache_refusal
from keyaudit.rulebook.errors import RuleError
from keyaudit.rulebook.loader import load_rules
from keyaudit.rulebook.rules import RuleSet

if TYPE_CHECKING:
    from keyaudit.model.vocabulary import RuleInfo


def _load(rule_paths: tuple[Path, ...]) -> RuleSet:
    try:
        ruleset = load_rules(rule_paths)
    except RuleError as exc:
        raise fail(str(exc)) from None
    refused = cache_refusal()
    if refused:
        click.echo(f"keyaudit: warning: {refused}", err=True)
    return ruleset


@click.group()
def rules() -> None:
    """List the rules, or check that every rule finds its examples."""


@rules.command("list")
@RULES_OPTION
@click.option("-v", "--verbose", is_flag=True,
              help="Also print each rule's description, remediation and references, indented under it.")
def rules_list(rule_paths: tuple[Path, ...], verbose: bool) -> None:
    """Print every rule in force: id, severity, category, provider, title."""
    every = _load(rule_paths).every
    # Columns as wide as their longest entry: ids and categories grow with the rule files.
    widths = [max((len(value) for value in column), default=0) for column in
              zip(*((rule.id, rule.severity, rule.category, rule.provider) for rule in every))]
    for rule in every:
        cells = (rule.id, rule.severity, rule.category, rule.provider)
        click.echo(" ".join(cell.ljust(width) for cell, width in zip(cells, widths)) + f" {rule.title}")
        if verbose:
            click.echo(_details(rule))


def _details(rule: RuleInfo) -> str:
    """What a rule says for its readers, indented under its line: why it matters, what to do,
    where to read more (what SARIF shows as the rule's help)."""
    import textwrap  # here, not at start-up: a scan imports this command's module too

    parts = [("", rule.description), ("remediation: ", rule.remediation),
             *(("reference: ", url) for url in rule.references)]
    width = max(40, shutil.get_terminal_size().columns - 4)
    return "".join(textwrap.fill(text, width, initial_indent="    " + label, subsequent_indent="      ",
                                 break_long_words=False, break_on_hyphens=False) + "\n"
                   for label, text in parts if text)


@rules.command("test")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--timing", is_flag=True, help="Also show what each rule's pattern costs per MiB of text.")
def rules_test(paths: tuple[Path, ...], timing: bool) -> None:
    """Check the examples of the shipped rules and of the rule files or folders given."""
    from keyaudit.run.examples import check_examples, rule_warnings, timing_sample, timings

    ruleset = _load(paths)
    failures = check_examples(ruleset)
    for failure in failures:
        click.echo(f"FAIL {failure}")
    for warning in rule_warnings(ruleset):
        click.echo(f"WARN {warning}")
    if timing:
        for rule, seconds in timings(ruleset, timing_sample(ruleset)):
            click.echo(f"{rule.id:<40} {seconds * 1000:8.1f} ms/MiB")
    every = ruleset.every
    examples = sum(len(r.examples) + len(r.negative_examples) for r in every)
    click.echo(f"{len(every)} rules, {examples} examples, {len(failures)} failures")
    raise click.exceptions.Exit(EXIT_FINDINGS if failures else EXIT_CLEAN)
