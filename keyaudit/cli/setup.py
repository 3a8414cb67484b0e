"""``keyaudit config`` (the effective configuration and its sources) and ``keyaudit install-hook``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from keyaudit.cli.failure import fail
from keyaudit.cli.options import command_line, configuration, scan_options

HOOK_MARKER = "# installed by keyaudit install-hook"


@click.command("config")
@scan_options
def config_command(targets: tuple[str, ...], config_path: Path | None, **options: Any) -> None:
    """Print the effective configuration of a scan with these options and targets, and where
    each value came from (default, the configuration file, or the command line)."""
    from keyaudit.config import describe

    staged = options["staged"]
    click.echo(describe(configuration(config_path, command_line(targets, options), () if staged else targets)), nl=False)


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
