"""``keyaudit config`` (the effective configuration and its sources) and ``keyaudit install-hook``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Mapping

import click

from keyaudit.cli.failure import fail
from keyaudit.config import Config, ConfigError, load_config

HOOK_MARKER = "# installed by keyaudit install-hook"
CONFIG_OPTION = click.option(
    "--config", "config_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Configuration file [default: .keyaudit.yaml or [tool.keyaudit] found upwards].")


def configuration(config_path: Path | None, command_line: Mapping[str, Any],
                  targets: tuple[str, ...] = ()) -> Config:
    """The configuration, searched for from the first target upwards (the current folder for
    stdin, --staged or no target); a bad file is a usage error."""
    first = Path(targets[0]) if targets and targets[0] != "-" else Path.cwd()
    start = first if first.is_dir() else first.parent
    try:
        return load_config(config_path, start.resolve(), command_line)
    except ConfigError as exc:
        raise fail(str(exc)) from None


@click.command("config")
@CONFIG_OPTION
def config_command(config_path: Path | None) -> None:
    """Print the effective configuration and where each value came from."""
    from keyaudit.config import describe

    click.echo(describe(configuration(config_path, {})), nl=False)


@click.command("install-hook")
@click.option("--force", is_flag=True, help="Replace an existing pre-commit hook that keyaudit did not write.")
def install_hook(force: bool) -> None:
    """Write .git/hooks/pre-commit to run 'keyaudit scan --staged' before every commit."""
    from keyaudit.sources.git import GitError, git_dir

    try:
        hooks = git_dir(Path.cwd()) / "hooks"
    except GitError as exc:
        raise fail(str(exc)) from None
    hook = hooks / "pre-commit"
    if hook.exists() and HOOK_MARKER not in hook.read_text(errors="replace") and not force:
        raise fail(f"{hook} exists and was not written by keyaudit; use --force to replace it")
    hooks.mkdir(parents=True, exist_ok=True)
    hook.write_text(f"#!/bin/sh\n{HOOK_MARKER}\nexec \"{sys.executable}\" -m keyaudit scan --staged \"$@\"\n")
    hook.chmod(0o755)
    click.echo(f"keyaudit: installed {hook}")
