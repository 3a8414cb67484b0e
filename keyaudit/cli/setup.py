"""``keyaudit config`` (the effective configuration and its sources) and ``keyaudit install-hook``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from keyaudit.cli.failure import fail
from keyaudit.cli.options import command_line, configuration, scan_options

if TYPE_CHECKING:
    from keyaudit.config import Config

HOOK_MARKER = "# installed by keyaudit install-hook"


@click.command("config")
@scan_options
def config_command(targets: tuple[str, ...], config_path: Path | None, **options: Any) -> None:
    """Print the effective configuration of a scan with these options and targets, and where
    each value came from (default, the configuration file, or the command line)."""
    staged = options["staged"]
    click.echo(describe(configuration(config_path, command_line(targets, options), () if staged else targets)), nl=False)


def describe(config: "Config") -> str:
    """The effective configuration as YAML-ish lines, each with where it came from; the digest
    key, the credentials among the storage options and in the scheduler's address are never shown."""
    from yaml import safe_dump

    from keyaudit.config import OPTIONS
    from keyaudit.model.option_values import HIDDEN_VALUE, shown_storage_options
    from keyaudit.model.urls import hide_userinfo

    lines = []
    for key in OPTIONS:
        value = getattr(config, key)
        if key == "digest_key" and value is not None:
            value = HIDDEN_VALUE
        elif key == "allow":
            value = [{"digest": digest, "reason": reason} for digest, reason in value]
        elif key == "storage_options":
            value = shown_storage_options(dict(value))
        elif key == "scheduler" and value is not None:
            value = hide_userinfo(value, value)
        elif isinstance(value, tuple):
            value = [str(v) if isinstance(v, Path) else v for v in value]
        elif isinstance(value, Path):
            value = str(value)
        shown = safe_dump(value, default_flow_style=True, width=1000).strip().removesuffix("...").strip()
        lines.append(f"{key}: {shown}    # {config.sources.get(key, 'default')}")
    header = f"# configuration file: {config.file or 'none found'}"
    return "\n".join([header, *lines]) + "\n"


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
