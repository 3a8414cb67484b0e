"""The command line: parse options, call the scanner, pick a reporter. No scanning logic here."""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator

import click

from keyaudit import __version__
from keyaudit.engine import ENGINES, EngineUnavailable, hyperscan_available
from keyaudit.findings import SEVERITIES, severity_rank
from keyaudit.report import FORMATS
from keyaudit.rules import RuleError, RuleSet, load_rules

if TYPE_CHECKING:
    from keyaudit.config import Settings
    from keyaudit.progress import ScanProgress
    from keyaudit.sources.git import StagedFiles

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


DIGEST_KEY_VARIABLE = "KEYAUDIT_DIGEST_KEY"
STATE_WAIT_VARIABLE = "KEYAUDIT_STATE_WAIT"  # seconds to wait for another run holding --state
BASELINE_HINT = ".keyaudit-baseline.json"


def _settings(config: Path | None, overrides: dict[str, object], targets: tuple[str, ...] = ()) -> "Settings":
    """The configuration, searched for from the first target upwards (the current folder for
    stdin, --staged or no target)."""
    from keyaudit.config import ConfigError, load_settings

    first = Path(targets[0]) if targets and targets[0] != "-" else Path.cwd()
    start = first if first.is_dir() else first.parent
    try:
        return load_settings(config, start.resolve(), overrides)
    except ConfigError as exc:
        raise _fail(str(exc)) from None


def _blocked_message(findings: int) -> str:
    return (f"\nkeyaudit: commit blocked: {findings} finding{'s' if findings != 1 else ''} in staged files. Ways out:\n"
            "  1. remove the secret from the file (and rotate it: it may already be in history);\n"
            "  2. if it is not a secret, mark the line with a comment containing 'keyaudit:allow <reason>'\n"
            "     (or 'keyaudit:allow-next-line <reason>' on the line before);\n"
            f"  3. accept it knowingly: keyaudit scan --staged --write-baseline {BASELINE_HINT}, commit that file,\n"
            "     and set 'baseline' in .keyaudit.yaml (or pass --baseline).\n")


@main.command()
@click.argument("targets", nargs=-1)
@click.option("--format", "output_format", type=click.Choice(FORMATS), default="text", show_default=True,
              help="Report format (ecs: JSON Lines in the Elastic Common Schema).")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the report to this file (atomically) instead of stdout.")
@RULES_OPTION
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Configuration file [default: .keyaudit.yaml or [tool.keyaudit] found upwards].")
@click.option("--fail-on", type=click.Choice(SEVERITIES), default=None,
              help="Exit 1 when a finding has at least this severity [default: low].")
@click.option("--baseline", type=click.Path(dir_okay=False, path_type=Path),
              help="Hide findings recorded in this baseline file.")
@click.option("--write-baseline", type=click.Path(dir_okay=False, path_type=Path),
              help="Record the findings of this scan as a baseline file, then exit 0.")
@click.option("--staged", is_flag=True, help="Scan the files staged for commit (the git index), not TARGETS.")
@click.option("--state", "state_path", type=click.Path(dir_okay=False, path_type=Path),
              help="SQLite file recording what was scanned: later runs scan only new content (nightly jobs).")
@click.option("--show-secrets", is_flag=True, help="Print full secret values (a report then leaks them).")
@click.option("--digest-key", envvar=DIGEST_KEY_VARIABLE, show_envvar=True,
              help="Key for HMAC-SHA256 secret digests, so reports correlate without being brute-forceable.")
@click.option("--no-dedupe", is_flag=True,
              help="List every occurrence as its own finding instead of one finding per secret.")
@click.option("--strict", is_flag=True, help="Exit 2 when any input could not be read.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary on stderr.")
@click.option("--group-by", type=click.Choice(["file", "rule"]), default="file", show_default=True,
              help="Grouping of the text view.")
@click.option("--engine", type=click.Choice(ENGINES), default="auto", show_default=True,
              help="Matching engine: hyperscan where installed (auto), or the portable regex engine.")
@click.option("--public-key", "public_keys", multiple=True, type=click.Path(exists=True, path_type=Path),
              help="iugu client public key (PEM) or folder of them, to verify request signatures (repeatable).")
@click.option("--storage-option", "storage_options", multiple=True, metavar="KEY=VALUE",
              help="Option for the object store of URL targets (s3://, gs://, az://; repeatable).")
@click.option("--scheduler", envvar="DASK_SCHEDULER_ADDRESS", show_envvar=True,
              help="Scan on a Dask cluster: tcp://host:8786, or local:N for a local cluster of N workers.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Processes to scan with [default: all cores].")
def scan(targets: tuple[str, ...], output_format: str, output: Path | None, rule_paths: tuple[Path, ...],
         config_path: Path | None, fail_on: str | None, baseline: Path | None, write_baseline: Path | None,
         staged: bool, state_path: Path | None, show_secrets: bool, digest_key: str | None, no_dedupe: bool,
         strict: bool, quiet: bool, group_by: str, engine: str, public_keys: tuple[Path, ...],
         storage_options: tuple[str, ...], scheduler: str | None, jobs: int | None) -> None:
    """Scan files, folders (walked, ignore files honoured) or - (stdin). Default: the current folder."""
    from keyaudit.filters import BaselineError, FindingFilter, baseline_text, load_baseline
    from keyaudit.output import write_atomically, write_stdout
    from keyaudit.parallel import default_jobs
    from keyaudit.report import ReportOptions, reporter
    from keyaudit.errors import SignatureKeyError
    from keyaudit.sources.files import Discovery, gitignore_spec
    from keyaudit.state import LOCK_WAIT_SECONDS, ScanState, StateError

    settings = _settings(config_path, {"rules": tuple(map(str, rule_paths)), "fail_on": fail_on,
                                       "baseline": str(baseline) if baseline else None},
                         () if staged else targets)
    from keyaudit.cluster import DASK_EXTRA, ClusterError, ScannerSpec

    # One recipe builds the scanner here and, from the same spec, on Dask workers.
    spec = ScannerSpec(tuple(map(str, settings.path_list("rules"))), tuple(settings.values["disable"]),
                       engine, tuple(map(str, public_keys)))
    if show_secrets:
        click.echo("keyaudit: warning: --show-secrets prints full secret values; this report is now a leak "
                   "itself: do not share or store it.", err=True)
    try:
        scanner = spec.build()
        fingerprints = load_baseline(settings.path("baseline")) if settings.path("baseline") else frozenset()
        staged_files = _staged_files() if staged else None
        wait = float(os.environ.get(STATE_WAIT_VARIABLE, LOCK_WAIT_SECONDS))
        state = ScanState(state_path, wait) if state_path else None
    except (RuleError, EngineUnavailable, SignatureKeyError, BaselineError, StateError) as exc:
        raise _fail(str(exc)) from None
    for warning in scanner.rules.warnings:
        click.echo(f"keyaudit: warning: {warning}", err=True)
    if state is not None:
        click.get_current_context().call_on_close(state.close)
    key = digest_key.encode() if digest_key else None
    excludes = settings.values["exclude"]
    bad_options = [option for option in storage_options if "=" not in option]
    if bad_options:
        raise _fail(f"--storage-option {bad_options[0]!r}: expected KEY=VALUE")
    discovery = Discovery(exclude=gitignore_spec(excludes) if excludes else None, exclude_base=settings.base,
                          storage_options=dict(option.split("=", 1) for option in storage_options))
    from keyaudit.sources.remote import RemoteError, filesystem_for, is_url

    try:
        for target in filter(is_url, targets):
            filesystem_for(target, discovery.storage_options)  # a missing extra is a usage error
    except RemoteError as exc:
        raise _fail(str(exc)) from None
    finding_filter = FindingFilter(fingerprints, settings.allowed_digests, key)
    cluster = None
    if scheduler:
        try:
            import distributed  # noqa: F401 - checked here so a missing extra is a usage error
        except ImportError:
            raise _fail(f"--scheduler needs Dask distributed: {DASK_EXTRA}") from None
        cluster = (spec, scheduler)
    try:
        result = scanner.scan(list(targets) or ["."], jobs=jobs or default_jobs(), finding_filter=finding_filter,
                              staged=staged_files, discovery=discovery, dedupe_findings=not no_dedupe,
                              state=state, on_progress=_progress_display(quiet), cluster=cluster,
                              needs_values=show_secrets or key is not None)
    except ClusterError as exc:
        raise _fail(str(exc)) from None
    for error in result.errors:
        click.echo(f"keyaudit: error: {error}", err=True)
    if write_baseline is not None:
        write_atomically(write_baseline, baseline_text(result.occurrences))
        click.echo(f"keyaudit: wrote {len(result.occurrences)} findings to the baseline {write_baseline}", err=True)
        raise click.exceptions.Exit(EXIT_CLEAN)
    to_terminal = output is None and sys.stdout.isatty()
    options = ReportOptions(show_secrets=show_secrets, group_by=group_by, color=to_terminal, digest_key=key)
    text = reporter(output_format)(result, options)
    if output is not None:
        try:
            write_atomically(output, text)
        except OSError as exc:
            raise _fail(f"{output}: cannot write the report: {exc.strerror or exc}") from None
    else:
        write_stdout(text)
    if state is not None:
        state.commit()  # right after the report: a run killed before this point is redone whole
    if not quiet and (output_format != "text" or output is not None):
        from keyaudit.report.text import summary

        click.echo(f"keyaudit: {summary(result)}", err=True)  # the report went elsewhere: say what it holds
    if strict and result.errors:
        raise click.exceptions.Exit(EXIT_ERROR)
    threshold = severity_rank(settings.values["fail_on"])
    failing = [f for f in result.findings if severity_rank(f.severity) >= threshold]
    if failing and staged and output_format == "text":
        click.echo(_blocked_message(len(failing)), err=True)
    raise click.exceptions.Exit(EXIT_FINDINGS if failing else EXIT_CLEAN)


def _staged_files() -> "StagedFiles":
    """The files staged in the repository around the current folder. git is imported here, not
    for every scan: a scan of named files starts without ``subprocess``."""
    from keyaudit.sources.git import GitError, StagedFiles, repository_root

    try:
        return StagedFiles(repository_root(Path.cwd()))
    except GitError as exc:
        raise _fail(str(exc)) from None


def _progress_display(quiet: bool):  # type: ignore[no-untyped-def]
    """A progress bar on stderr when it is a terminal and not --quiet; otherwise none."""
    if quiet or not sys.stderr.isatty():
        return None
    from keyaudit.progress import ScanProgress

    def start(total_bytes: int, total_units: int):  # type: ignore[no-untyped-def]
        return _advancing(ScanProgress(total_bytes, total_units))

    return start


@contextlib.contextmanager
def _advancing(progress: "ScanProgress") -> Iterator[Callable[[int, int], None]]:
    with progress:
        yield progress.advance


@main.command("config")
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Configuration file [default: found from the current folder upwards].")
def config_command(config_path: Path | None) -> None:
    """Print the effective configuration and where each value came from."""
    from keyaudit.config import describe

    click.echo(describe(_settings(config_path, {})), nl=False)


HOOK_MARKER = "# installed by keyaudit install-hook"


@main.command("install-hook")
@click.option("--force", is_flag=True, help="Replace an existing pre-commit hook that keyaudit did not write.")
def install_hook(force: bool) -> None:
    """Write .git/hooks/pre-commit to run 'keyaudit scan --staged' before every commit."""
    from keyaudit.sources.git import GitError, git_dir

    try:
        hooks = git_dir(Path.cwd()) / "hooks"
    except GitError as exc:
        raise _fail(str(exc)) from None
    hook = hooks / "pre-commit"
    if hook.exists() and HOOK_MARKER not in hook.read_text(errors="replace") and not force:
        raise _fail(f"{hook} exists and was not written by keyaudit; use --force to replace it")
    hooks.mkdir(parents=True, exist_ok=True)
    hook.write_text(f"#!/bin/sh\n{HOOK_MARKER}\nexec \"{sys.executable}\" -m keyaudit scan --staged \"$@\"\n")
    hook.chmod(0o755)
    click.echo(f"keyaudit: installed {hook}")


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
@click.option("--timing", is_flag=True, help="Also show what each rule's pattern costs per MiB of text.")
def rules_test(paths: tuple[Path, ...], timing: bool) -> None:
    """Check the examples of the shipped rules and of the rule files or folders given."""
    from keyaudit.rulecheck import check_examples, timing_sample, timings, unanchored

    ruleset = _load(paths)
    failures = check_examples(ruleset)
    for failure in failures:
        click.echo(f"FAIL {failure}")
    for warning in unanchored(ruleset):
        click.echo(f"WARN {warning}")
    if timing:
        for rule, seconds in timings(ruleset, timing_sample(ruleset)):
            click.echo(f"{rule.id:<40} {seconds * 1000:8.1f} ms/MiB")
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
