"""Configuration: defaults < ``.keyaudit.yaml`` or ``[tool.keyaudit]`` < the command line.

The file is found from the current folder upwards, stopping at the repository root, the way
pre-commit tools find theirs. Every value remembers where it came from, so ``keyaudit config``
can say why the scan behaves as it does.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


from keyaudit.findings import SEVERITIES
from keyaudit.rules import load_yaml

CONFIG_NAMES: tuple[str, ...] = (".keyaudit.yaml", ".keyaudit.yml", "pyproject.toml")
DEFAULTS: dict[str, Any] = {"rules": [], "disable": [], "fail_on": "low", "exclude": [], "allow": [],
                            "baseline": None}


class ConfigError(Exception):
    """A configuration file that cannot be used; ``str()`` is one line naming file and key."""


@dataclass
class Settings:
    """The effective configuration and the source of each value."""

    values: dict[str, Any] = field(default_factory=lambda: dict(DEFAULTS))
    sources: dict[str, str] = field(default_factory=lambda: {key: "default" for key in DEFAULTS})
    base: Path = field(default_factory=Path.cwd)  # relative paths in the file are relative to here
    file: Path | None = None

    def set(self, key: str, value: Any, source: str) -> None:
        self.values[key] = value
        self.sources[key] = source

    @property
    def allowed_digests(self) -> dict[str, str]:
        return {entry["digest"]: entry["reason"] for entry in self.values["allow"]}

    def path_list(self, key: str) -> list[Path]:
        return [self._resolve(key, p) for p in self.values[key]]

    def path(self, key: str) -> Path | None:
        value = self.values[key]
        return None if value is None else self._resolve(key, value)

    def _resolve(self, key: str, value: str) -> Path:
        """Paths from the file are relative to the file; from the command line, to the cwd."""
        path = Path(value)
        return path if path.is_absolute() or self.sources[key] != "file" else self.base / path


def find_config(start: Path) -> Path | None:
    """The nearest configuration file from ``start`` up to the repository root."""
    for folder in [start, *start.parents]:
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_tool_section(candidate)):
                return candidate
        if (folder / ".git").exists():
            return None
    return None


def _has_tool_section(path: Path) -> bool:
    """Whether a ``pyproject.toml`` has ``[tool.keyaudit]``. Most repositories have a
    pyproject.toml and no such section; a file that never names keyaudit is not parsed, and the
    TOML parser is only imported for one that does."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    if "keyaudit" not in text:
        return False
    import tomllib

    try:
        return "keyaudit" in tomllib.loads(text).get("tool", {})
    except tomllib.TOMLDecodeError:
        return False


def _read(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if path.name == "pyproject.toml":
        import tomllib  # only when there is a TOML file to read

        syntax, errors = "TOML", (tomllib.TOMLDecodeError,)
    else:
        import yaml  # only when there is a YAML file to read

        syntax, errors = "YAML", (yaml.YAMLError,)
    try:
        document = (tomllib.loads(text).get("tool", {}).get("keyaudit", {}) if syntax == "TOML"
                    else load_yaml(text) or {})
    except errors as exc:
        raise ConfigError(f"{path}: not valid {syntax}: {str(exc).splitlines()[0]}") from None
    if not isinstance(document, dict):
        raise ConfigError(f"{path}: expected a mapping of settings")
    return document


def _check(path: Path, key: str, value: Any) -> Any:
    problem = None
    if key in ("rules", "disable", "exclude"):
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            problem = "must be a list of strings"
    elif key == "fail_on":
        if value not in SEVERITIES:
            problem = f"must be one of {', '.join(SEVERITIES)}"
    elif key == "baseline":
        if not isinstance(value, str):
            problem = "must be a file path"
    elif key == "allow":
        if not isinstance(value, list) or not all(
            isinstance(v, dict) and isinstance(v.get("digest"), str) and isinstance(v.get("reason"), str)
            and set(v) <= {"digest", "reason"} for v in value
        ):
            problem = "must be a list of {digest, reason} entries (a reason is required)"
    else:
        problem = f"unknown key; known: {', '.join(DEFAULTS)}"
    if problem:
        raise ConfigError(f"{path}: '{key}' {problem}")
    return value


def load_settings(config: Path | None, start: Path, overrides: dict[str, Any]) -> Settings:
    """Defaults, then the file (given, or found from ``start``), then command-line overrides."""
    settings = Settings(base=start)
    path = config or find_config(start)
    if path is not None:
        settings.base, settings.file = path.parent, path
        for key, value in _read(path).items():
            key = key.replace("-", "_")
            settings.set(key, _check(path, key, value), "file")
    for key, value in overrides.items():
        if value not in (None, (), []):
            settings.set(key, list(value) if isinstance(value, tuple) else value, "command line")
    return settings


def describe(settings: Settings) -> str:
    """The effective configuration as YAML-ish lines, each with where it came from."""
    from yaml import safe_dump

    lines = []
    for key in DEFAULTS:
        value = settings.values[key]
        shown = safe_dump(value, default_flow_style=True, width=1000).strip().removesuffix("...").strip()
        source = settings.sources[key]
        lines.append(f"{key}: {shown}    # {settings.file if source == 'file' else source}")
    header = f"# configuration file: {settings.file or 'none found'}"
    return "\n".join([header, *lines]) + "\n"
