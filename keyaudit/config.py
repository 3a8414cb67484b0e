"""The configuration of a scan: every option, from defaults < ``.keyaudit.yaml`` /
``[tool.keyaudit]`` < the command line, in one frozen :class:`Config`.

The file is found from the first target's folder upwards, stopping at the repository root, the
way pre-commit tools find theirs. Every value remembers where it came from, so ``keyaudit config``
can say why the scan behaves as it does. Some options are refused in files, on purpose:
``show_secrets`` (printing values must be asked for where the report is made), ``digest_key``
(a secret has no place in a committed file; ``KEYAUDIT_DIGEST_KEY`` carries it), ``targets``
(the file is found from them), and ``verify`` with its companions: a repository being scanned
must not be able to send the keys it holds to the network.

A cluster is used only when asked for by name — ``--scheduler``, the file, or
``KEYAUDIT_SCHEDULER`` — and a pre-commit scan (``staged``) stays here unless ``--scheduler`` is on
its own command line: a variable exported for nightly jobs, or a file shared with them, must not
send every commit to a cluster. The Python API builds its configuration with
:func:`given_config`: the same checks, no file, no environment.

A baseline needs no setting: ``.keyaudit-baseline.json`` at the root of the repository (the git
work tree of the first target, or of the current folder) is read when it exists and no
``baseline`` is set, and ``--write-baseline`` without a file writes it there.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, fields
from pathlib import Path
from types import MappingProxyType
from typing import Any, Callable, Iterator, Mapping

from keyaudit.engine import ENGINES
from keyaudit.engine.budget import SECONDS_PER_FILE
from keyaudit.model.logtime import ZONE_HELP
from keyaudit.model.option_values import is_path, is_seconds, is_strings, is_time_zone, scheduler_problem
from keyaudit.model.setup_files import regular
from keyaudit.model.vocabulary import SEVERITIES
from keyaudit.rulebook.clock import DEFAULT_WINDOW_SECONDS
from keyaudit.report import FORMATS
from keyaudit.report.options import GROUPINGS

CONFIG_NAMES: tuple[str, ...] = (".keyaudit.yaml", ".keyaudit.yml", "pyproject.toml")
SCHEDULER_VARIABLE = "KEYAUDIT_SCHEDULER"
DEFAULT_BASELINE = ".keyaudit-baseline.json"
FOUND_AT_ROOT = "found at the repository root"  # the source of a baseline nobody configured
VERIFY_TIMEOUT, MAX_VERIFY_TIMEOUT = 5.0, 60.0  # seconds for each step of a verification request
_SENDS = "it sends the credentials found to their providers: pass --verify on the command line"
COMMAND_LINE_ONLY = {"show_secrets": "it prints full secret values: pass --show-secrets",
                     "verify": _SENDS, "verify_staged": _SENDS, "only_verified": "it goes with --verify, which a file cannot turn on",
                     "digest_key": "a secret has no place in a file: set KEYAUDIT_DIGEST_KEY",
                     "targets": "name what to scan on the command line (the file is found from there)"}


class ConfigError(Exception):
    """A configuration file that cannot be used; ``str()`` is one line naming file and key."""


@dataclass(frozen=True)
class Config:
    """Every option of a scan. Paths are resolved: a file's relative to the file's folder, the
    command line's relative to the working folder."""

    targets: tuple[str, ...] = (".",)
    format: str = "text"
    output: Path | None = None
    rules: tuple[Path, ...] = ()
    disable: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    allow: tuple[tuple[str, str], ...] = ()  # (digest, reason): findings of these secrets are accepted
    fail_on: str = "low"
    baseline: Path | None = None
    write_baseline: Path | None = None
    staged: bool = False
    state: Path | None = None
    show_secrets: bool = False
    digest_key: str | None = field(default=None, repr=False)
    no_dedupe: bool = False
    strict: bool = False
    quiet: bool = False
    verbose: bool = False  # name every skipped input on stderr
    group_by: str = "file"
    engine: str = "auto"
    public_keys: tuple[Path, ...] = ()
    storage_options: tuple[tuple[str, str], ...] = ()
    scheduler: str | None = None
    jobs: int | None = None
    rule_time: float = SECONDS_PER_FILE  # CPU seconds a rule may spend on a file (plus some per MiB)
    log_timezone: str = "UTC"  # the zone of log timestamps written without an offset
    request_time_window: float = DEFAULT_WINDOW_SECONDS  # seconds a Request-Time may be from its log time
    # --verify: one read-only request per distinct credential to its provider (never from a file);
    # with --staged only when --verify-staged says so; --only-verified reports the active ones only.
    verify: bool = False
    verify_staged: bool = False
    only_verified: bool = False
    verify_timeout: float = VERIFY_TIMEOUT  # seconds for each step of one verification request
    # Where each value came from ("default", the file's path, "environment (…)", "command line",
    # or two of them joined by " + "), and the file and the folder exclude patterns are relative to.
    sources: Mapping[str, str] = field(default_factory=dict, compare=False, repr=False)
    file: Path | None = None
    base: Path = field(default_factory=Path.cwd)

    @property
    def allowed_digests(self) -> dict[str, str]:
        return dict(self.allow)


OPTIONS: tuple[str, ...] = tuple(f.name for f in fields(Config) if f.name not in ("sources", "file", "base"))
_PATH_OPTIONS = frozenset({"output", "baseline", "write_baseline", "state"})
_PATH_LIST_OPTIONS = frozenset({"rules", "public_keys"})
_STRING_LISTS = frozenset({"targets", "disable", "exclude"})
_FLAGS = frozenset({"staged", "show_secrets", "no_dedupe", "strict", "quiet", "verbose", "verify", "verify_staged",
                    "only_verified"})
# What sends found credentials over the network: the command line's alone, not the Python API's (yet).
NETWORK: tuple[str, ...] = ("verify", "verify_staged", "only_verified", "verify_timeout")
_ADDED_TO = frozenset({"exclude"})  # the command line's patterns join the file's instead of replacing them
# How a result is reported and what exit code it gives, not what is found: the Python API, which
# hands back the result itself, takes every other option.
REPORTING: tuple[str, ...] = ("format", "output", "write_baseline", "fail_on", "strict", "quiet", "verbose",
                              "group_by", "log_timezone")
_CHOICES: dict[str, tuple[str, ...]] = {"format": tuple(FORMATS), "fail_on": SEVERITIES, "group_by": GROUPINGS,
                                        "engine": ENGINES}  # tuples: `in` a dict raised on a list (unhashable)


def _problem(key: str, value: Any, in_file: bool = True) -> str | None:
    """What is wrong with a value for ``key`` as a file writes it (``in_file``) or code hands it
    over (the refusals aside), or None."""
    checks: dict[str, tuple[Callable[[Any], bool], str]] = {
        "allow": (lambda v: isinstance(v, list) and all(
            isinstance(e, dict) and isinstance(e.get("digest"), str) and isinstance(e.get("reason"), str)
            and set(e) <= {"digest", "reason"} for e in v),
            "must be a list of {digest, reason} entries (a reason is required)"),
        "storage_options": (lambda v: isinstance(v, dict) and all(isinstance(k, str) for k in v),
                            "must be a mapping of option names to values"),
        "jobs": (lambda v: isinstance(v, int) and not isinstance(v, bool) and v >= 1, "must be a whole number >= 1"),
        "scheduler": (lambda v: isinstance(v, str) and not scheduler_problem(v), "must be tcp://host:port or local:N, N >= 1"),
        "digest_key": (lambda v: isinstance(v, str) and bool(v), "must be a non-empty string"),
        "rule_time": (is_seconds, "must be a finite number of seconds > 0"),
        "log_timezone": (is_time_zone, f"must be a time zone: {ZONE_HELP}"),
        "request_time_window": (is_seconds, "must be a finite number of seconds > 0"),
        "verify_timeout": (lambda v: is_seconds(v) and v <= MAX_VERIFY_TIMEOUT, f"must be a number of seconds > 0 "
                           f"and <= {MAX_VERIFY_TIMEOUT:g}"),
    }
    if in_file and key in COMMAND_LINE_ONLY:
        return f"is refused in a configuration file: {COMMAND_LINE_ONLY[key]}"
    if key in _CHOICES:
        return None if value in _CHOICES[key] else f"must be one of {', '.join(_CHOICES[key])}"
    if key in _FLAGS:
        return None if isinstance(value, bool) else "must be true or false"
    if key in _PATH_OPTIONS:
        return None if is_path(value) else "must be a file path"
    if key in _PATH_LIST_OPTIONS or key in _STRING_LISTS:
        return None if is_strings(value) else "must be a list of strings"
    if key in checks:
        check, problem = checks[key]
        return None if check(value) else problem
    return f"unknown key; known: {', '.join(k for k in OPTIONS if k not in COMMAND_LINE_ONLY)}"


def _typed(key: str, value: Any, base: Path) -> Any:
    """A checked value in the form :class:`Config` holds, paths resolved against ``base``."""
    if key in _PATH_OPTIONS:  # "-" (stdout, for output and write_baseline) is not a path to resolve
        return None if value is None else Path(value) if value == "-" else base / Path(value)
    if key in _PATH_LIST_OPTIONS:
        return tuple(base / Path(v) for v in value)
    if key in _STRING_LISTS:
        return tuple(value)
    if key == "allow":
        return tuple((entry["digest"], entry["reason"]) for entry in value)
    if key == "storage_options":
        return tuple((str(k), str(v)) for k, v in dict(value).items())
    return value


def _up_to_root(start: Path) -> Iterator[tuple[Path, bool]]:
    """``start`` and the folders above it, each with whether it is the root of a git work tree
    (it holds ``.git``: a folder, or the file a linked worktree or submodule has), ending there.
    Read from the file system: a hook's start-up would pay for a git process."""
    for folder in [start, *start.parents]:
        try:
            root = (folder / ".git").exists()
        except OSError:  # a folder that cannot be searched: the scan names it, the search goes up
            root = False
        yield folder, root
        if root:
            return


def repository_root(start: Path) -> Path | None:
    """The root of the git work tree holding ``start``, or None outside one."""
    return next((folder for folder, root in _up_to_root(start) if root), None)


def default_baseline(start: Path) -> Path:
    """Where the baseline nobody configured lives: at the repository root, or in ``start``
    outside a repository."""
    return (repository_root(start) or start) / DEFAULT_BASELINE


def find_config(start: Path) -> Path | None:
    """The nearest configuration file from ``start`` up to the repository root."""
    for folder, _ in _up_to_root(start):
        try:
            for name in CONFIG_NAMES:
                candidate = folder / name
                if candidate.is_file() and (name != "pyproject.toml" or _has_tool_section(candidate)):
                    return candidate
        except OSError:  # a folder that cannot be searched: the scan names it, the search goes up
            continue
    return None


def _has_tool_section(path: Path) -> bool:
    """Whether a ``pyproject.toml`` has ``[tool.keyaudit]``. Most repositories have a
    pyproject.toml and no such section; a file that never names keyaudit is not parsed, and the
    TOML parser is only imported for one that does. One that is no TOML but has the section's
    header line is taken, so that its error is said: passed over, its settings were dropped
    unsaid (``fail_on = high`` unquoted, and the scan failed on every finding)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    if "keyaudit" not in text:
        return False
    import tomllib

    try:
        return isinstance(tool := tomllib.loads(text).get("tool"), dict) and "keyaudit" in tool
    except tomllib.TOMLDecodeError:
        return re.search(r"^\s*\[\s*tool\s*\.\s*keyaudit\s*[].]", text, re.MULTILINE) is not None


def _tool_section(document: dict[str, Any]) -> Any:
    """``[tool.keyaudit]`` of a parsed pyproject.toml ({} without one); None when ``tool`` is no
    table (``tool = "keyaudit"``: its ``.get`` was an AttributeError)."""
    tool = document.get("tool", {})
    return tool.get("keyaudit", {}) if isinstance(tool, dict) else None


def _read(path: Path) -> dict[str, Any]:
    try:
        text = regular(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:  # a ValueError: it was an internal error
        raise ConfigError(f"{path}: not UTF-8 text (byte {exc.start})") from None
    if path.name == "pyproject.toml":
        import tomllib  # only when there is a TOML file to read

        syntax, errors = "TOML", (tomllib.TOMLDecodeError,)
    else:
        import yaml  # only when there is a YAML file to read

        from keyaudit.rulebook.loader import load_yaml

        syntax, errors = "YAML", (yaml.YAMLError,)
    try:
        document = _tool_section(tomllib.loads(text)) if syntax == "TOML" else load_yaml(text) or {}
    except errors as exc:
        raise ConfigError(f"{path}: not valid {syntax}: {str(exc).splitlines()[0]}") from None
    if not isinstance(document, dict):
        raise ConfigError(f"{path}: expected a mapping of settings")
    return document


def load_config(config_file: Path | None, start: Path, command_line: Mapping[str, Any]) -> Config:
    """Defaults, then the file (given, or found from ``start``), then ``KEYAUDIT_SCHEDULER``, then
    the command line, whose exclude patterns join the file's; then, when none of them set a
    baseline, the one at the repository root if it exists.

    ``command_line`` holds the options the user gave, already typed (``None`` or an empty tuple
    means not given); a file's values are checked here, one line naming file and key when not.
    Exclude patterns are relative to the file's folder, or the working folder without a file.
    """
    values: dict[str, Any] = {}
    sources = {key: "default" for key in OPTIONS}
    path = config_file or find_config(start)
    base = Path.cwd()
    if path is not None:
        base = path.parent
        for raw_key, value in _read(path).items():
            key = str(raw_key).replace("-", "_")
            problem = _problem(key, value)
            if problem:
                raise ConfigError(f"{path}: '{raw_key}' {problem}")
            values[key], sources[key] = _typed(key, value, base), str(path)
    scheduler = os.environ.get(SCHEDULER_VARIABLE)
    if scheduler:
        if problem := scheduler_problem(scheduler):
            raise ConfigError(f"{SCHEDULER_VARIABLE} {problem}")
        values["scheduler"], sources["scheduler"] = scheduler, f"environment ({SCHEDULER_VARIABLE})"
    for key, value in command_line.items():
        if key not in OPTIONS:
            raise ValueError(f"not an option: {key!r}")
        if value is None or value == ():
            continue
        if key in _ADDED_TO and key in values:
            values[key], sources[key] = values[key] + tuple(value), f"{sources[key]} + command line"
        else:
            values[key], sources[key] = value, "command line"
    if values.get("staged") and sources["scheduler"] not in ("default", "command line"):
        del values["scheduler"]  # a commit is checked here unless its own command line says otherwise
        sources["scheduler"] = f"default: --staged ignores the scheduler of {sources['scheduler']}"
    problem = _verification_problem(values)
    if problem:
        raise ConfigError(problem)
    if "baseline" not in values:
        found = default_baseline(start)
        if _is_file(found):
            values["baseline"], sources["baseline"] = found, FOUND_AT_ROOT
    return Config(**values, sources=MappingProxyType(sources), file=path, base=base)


def _verification_problem(values: Mapping[str, Any]) -> str | None:
    """Why the verification options given cannot run together, or None. A pre-commit hook that
    sends every staged key to the network is a surprise, so --staged needs --verify-staged."""
    if values.get("verify") and values.get("staged") and not values.get("verify_staged"):
        return ("--verify with --staged would send the keys of every commit to their providers: add "
                "--verify-staged to mean it")
    if values.get("verify_staged") and not (values.get("verify") and values.get("staged")):
        return "--verify-staged only allows --verify together with --staged: give all three"
    if values.get("only_verified") and not values.get("verify"):
        return "--only-verified reports the keys --verify found active: give --verify too"
    return None


def given_config(options: Mapping[str, Any], base: Path, source: str) -> Config:
    """Defaults, then ``options`` handed over in code (the Python API), each checked as a file's
    value is — less the file's refusals: code is where the result is used — and typed as a file's
    is, paths resolved against ``base``; no file is read and no variable. Raises ConfigError
    naming the first option that cannot be used; ``None`` means not given."""
    values: dict[str, Any] = {}
    sources = {key: "default" for key in OPTIONS}
    for key, value in options.items():
        if key not in OPTIONS:
            raise ValueError(f"not an option: {key!r}")
        if value is None:
            continue
        problem = _problem(key, value, in_file=False)
        if problem:
            raise ConfigError(f"option '{key}' {problem}")
        values[key], sources[key] = _typed(key, value, base), source
    return Config(**values, sources=MappingProxyType(sources), base=base)


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except OSError:
        return False
