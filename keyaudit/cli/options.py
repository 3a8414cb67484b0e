"""The options of ``keyaudit scan`` (shared with ``keyaudit config``), typed into a
:class:`~keyaudit.config.Config`: defaults < configuration file < command line."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Mapping, TypeVar

import click

from keyaudit.cli.failure import fail
from keyaudit.config import DEFAULT_BASELINE, MAX_VERIFY_TIMEOUT, SCHEDULER_VARIABLE, VERIFY_TIMEOUT
from keyaudit.engine import ENGINES
from keyaudit.engine.budget import SECONDS_PER_FILE, SECONDS_PER_MIB
from keyaudit.model.logtime import time_zone
from keyaudit.model.option_values import is_seconds, scheduler_problem
from keyaudit.model.vocabulary import SEVERITIES
from keyaudit.report import FORMATS
from keyaudit.report.options import GROUPINGS
from keyaudit.rulebook.clock import DEFAULT_WINDOW_SECONDS

if TYPE_CHECKING:
    from keyaudit.config import Config

DIGEST_KEY_VARIABLE = "KEYAUDIT_DIGEST_KEY"


class Seconds(click.FloatRange):
    """A number of seconds above 0 (and at most ``max``), finite: click's range lets nan (every
    comparison with it is false) and inf through, and either turned off the guard it sets."""

    name = "seconds"

    def __init__(self, max: float | None = None) -> None:  # noqa: A002 - click's own name for it
        super().__init__(min=0, min_open=True, max=max)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        number = super().convert(value, param, ctx)
        if not is_seconds(number):
            self.fail(f"{value!r} is not a finite number of seconds.", param, ctx)
        return number


RULES_OPTION = click.option(
    "--rules", "rule_paths", multiple=True, type=click.Path(path_type=Path),
    help="Extra rule file or folder (repeatable); a rule with a shipped id replaces it.")
CONFIG_OPTION = click.option(
    "--config", "config_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Configuration file [default: .keyaudit.yaml or [tool.keyaudit] found upwards].")

Command = TypeVar("Command", bound=Callable[..., Any])


def _scheduler(_context: click.Context, _parameter: click.Parameter, value: str | None) -> str | None:
    """``local:0`` is refused here: a cluster without workers never runs a unit."""
    problem = scheduler_problem(value) if value is not None else None
    if problem:
        raise click.BadParameter(problem)
    return value


def _zone(_context: click.Context, _parameter: click.Parameter, value: str | None) -> str | None:
    """A zone name the scan can read, checked where it is typed (a wrong one is a usage error)."""
    if value is not None:
        try:
            time_zone(value)
        except ValueError as exc:
            raise click.BadParameter(str(exc)) from None
    return value


class _FileOrDefault(click.Path):
    """A file path, or "" for an option given without one: the default place, known only once
    the targets are (see :func:`configuration`)."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        return value if value == "" else super().convert(value, param, ctx)


_OPTIONS = [
    RULES_OPTION,
    CONFIG_OPTION,
    click.option("--format", "-f", type=click.Choice(tuple(FORMATS)), default=None,
                 help="Report format (ecs: JSON Lines in the Elastic Common Schema) [default: text]."),
    click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
                 help="Write the report to this file (atomically) instead of stdout; a device or FIFO is written "
                      "into as it is, - is stdout."),
    click.option("--disable", multiple=True, metavar="RULE", help="Turn a rule off by id (repeatable)."),
    click.option("--exclude", multiple=True, metavar="PATTERN",
                 help="Skip paths matching this gitignore-style pattern (repeatable; added to the configuration "
                      "file's)."),
    click.option("--fail-on", type=click.Choice(SEVERITIES), default=None,
                 help="Exit 1 when a finding has at least this severity [default: low]."),
    click.option("--baseline", type=click.Path(dir_okay=False, path_type=Path),
                 help=f"Hide findings recorded in this baseline file [default: {DEFAULT_BASELINE} at the repository "
                      "root, when it exists]."),
    click.option("--write-baseline", type=_FileOrDefault(dir_okay=False, path_type=Path), is_flag=False,
                 flag_value="", metavar="[FILE]",
                 help="Record the findings of this scan as a baseline file, then exit 0 [default FILE: "
                      f"{DEFAULT_BASELINE} at the repository root, which later scans read by themselves]."),
    click.option("--staged", is_flag=True, default=None,
                 help="Scan the files staged for commit (the git index), not TARGETS."),
    click.option("--state", type=click.Path(dir_okay=False, path_type=Path),
                 help="SQLite file recording what was scanned: later runs scan only new content (nightly jobs)."),
    click.option("--show-secrets", is_flag=True, default=None, help="Print full secret values (a report then leaks them)."),
    click.option("--digest-key", envvar=DIGEST_KEY_VARIABLE, show_envvar=True,
                 help="Key for HMAC-SHA256 secret digests, so reports correlate without being brute-forceable."),
    click.option("--no-dedupe", is_flag=True, default=None,
                 help="List every sighting as its own finding instead of one finding per secret and file."),
    click.option("--strict", is_flag=True, default=None, help="Exit 2 when any input could not be read."),
    click.option("--quiet", "-q", is_flag=True, default=None, help="No progress bar and no summary on stderr."),
    click.option("--verbose", "-v", is_flag=True, default=None,
                 help="Name every input not scanned (binary, ignored, excluded, …) on stderr, with the reason; "
                      "the text view shows the evidence of each finding a rule's context confirmed."),
    click.option("--group-by", type=click.Choice(GROUPINGS), default=None,
                 help="Grouping of the text view [default: file]."),
    click.option("--engine", type=click.Choice(ENGINES), default=None,
                 help="Matching engine: hyperscan where installed (auto), or the portable regex engine [default: auto]."),
    click.option("--public-key", "public_keys", multiple=True, type=click.Path(exists=True, path_type=Path),
                 help="iugu client public key (PEM) or folder of them, to verify request signatures (repeatable)."),
    click.option("--storage-option", "storage_options", multiple=True, metavar="KEY=VALUE",
                 help="Option for the object store of URL targets (s3://, gs://, az://; repeatable)."),
    click.option("--scheduler", callback=_scheduler,
                 help=f"Scan on a Dask cluster: tcp://host:8786, or local:N for a local cluster of N workers "
                      f"[env var: {SCHEDULER_VARIABLE}, not used with --staged]."),
    click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
                 help="Processes to scan with [default: all cores]."),
    click.option("--rule-time", type=Seconds(), default=None, metavar="SECONDS",
                 help=f"CPU seconds a rule may spend on one file, plus {SECONDS_PER_MIB:g} s per MiB it reads; "
                      "a rule out of time is stopped there and named [default: "
                      f"{SECONDS_PER_FILE:g}]."),
    click.option("--request-time-window", type=Seconds(), default=None,
                 metavar="SECONDS", help="How far a signed request's Request-Time may be from its record's log time "
                                         f"before it is reported [default: {DEFAULT_WINDOW_SECONDS:g}]."),
    click.option("--verify", is_flag=True, default=None,
                 help="Ask each provider whether the keys found still work: one read-only HTTPS request per "
                      "distinct key, to its environment's documented host (never from a configuration file)."),
    click.option("--verify-staged", is_flag=True, default=None,
                 help="Allow --verify together with --staged (a commit hook that sends the staged keys)."),
    click.option("--only-verified", is_flag=True, default=None,
                 help="Report only the findings whose key --verify found active (the others are counted as suppressed)."),
    click.option("--verify-timeout", type=Seconds(max=MAX_VERIFY_TIMEOUT), default=None,
                 metavar="SECONDS", help=f"Timeout of each step of a verification request [default: {VERIFY_TIMEOUT:g}]."),
    click.option("--log-timezone", metavar="ZONE", callback=_zone,
                 help="Zone of log timestamps written without an offset, for the ECS report's event.start/end: UTC, "
                      "an offset (-03:00) or an IANA name (America/Sao_Paulo) [default: UTC]."),
]


def scan_options(command: Command) -> Command:
    """Every option of a scan, in the order ``--help`` lists them, and the targets."""
    for option in reversed(_OPTIONS):
        command = option(command)
    return click.argument("targets", nargs=-1)(command)


def command_line(targets: tuple[str, ...], options: dict[str, Any]) -> dict[str, Any]:
    """The options the user gave, typed as :class:`Config` holds them (None: not given)."""
    given = dict(options)
    pairs = given.pop("storage_options")
    bad = [option for option in pairs if "=" not in option]
    if bad:
        raise fail(f"--storage-option {bad[0]!r}: expected KEY=VALUE")
    given["storage_options"] = tuple(tuple(option.split("=", 1)) for option in pairs)
    given["rules"] = given.pop("rule_paths")
    if "" in targets:  # Path("") is ".": `scan "$LOGDIR"` with the variable unset walked the working folder
        raise fail(f"target {targets.index('') + 1} is an empty argument (\"\"): name a file, a folder, a URL "
                   "or - (stdin); is a variable that should name it unset?")
    given["targets"] = targets
    return given


def configuration(config_path: Path | None, given: Mapping[str, Any], targets: tuple[str, ...] = ()) -> "Config":
    """The configuration, searched for from the first target upwards (the current folder for
    stdin, --staged or no target); a bad file is a usage error. ``--write-baseline`` without a
    file writes the default baseline of the repository found from there."""
    from keyaudit.config import ConfigError, default_baseline, load_config

    first = Path(targets[0]) if targets and targets[0] != "-" else Path.cwd()
    try:
        start = first if first.is_dir() else first.parent
    except OSError:  # inside a folder that cannot be entered: the scan names it
        start = first.parent
    start = start.resolve()
    if given.get("write_baseline") == "":
        given = {**given, "write_baseline": default_baseline(start)}
    try:
        return load_config(config_path, start, given)
    except ConfigError as exc:
        raise fail(str(exc)) from None
