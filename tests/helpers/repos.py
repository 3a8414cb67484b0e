"""Real git repositories for tests: made with the git command, as a user's would be, with a fixed
identity and no user or system configuration."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

_IDENTITY = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid",
             "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid"}


def git(repo: Path, *args: str, check: bool = True, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``git -C repo ARGS``; with ``check`` it fails the test when git does; ``env`` replaces the
    environment (the identity and the empty configuration stay)."""
    env = {**(env if env is not None else os.environ), **_IDENTITY, "GIT_CONFIG_GLOBAL": os.devnull,
           "GIT_CONFIG_NOSYSTEM": "1"}
    done = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, env=env, check=False)
    assert not check or done.returncode == 0, f"git {args[0]}: {done.stderr.strip()}"
    return done


def init_repo(repo: Path, commit: bool = True) -> Path:
    """A git repository at ``repo`` (made if needed), with what is already there committed."""
    repo.mkdir(parents=True, exist_ok=True)
    git(repo, "init", "-q")
    if commit:
        git(repo, "add", "-A")
        git(repo, "commit", "-q", "--allow-empty", "-m", "initial")
    return repo


def new_repo(path: Path) -> Path:
    """A repository at ``path`` with one commit (a README), on branch main."""
    path.mkdir(parents=True, exist_ok=True)
    git(path, "init", "-q", "-b", "main")
    (path / "README.md").write_text("hello\n")
    git(path, "add", "README.md")
    git(path, "commit", "-q", "-m", "init")
    return path


def stage(repo: Path, name: str, text: str) -> None:
    """Write ``name`` (folders made) and stage it."""
    (repo / name).parent.mkdir(parents=True, exist_ok=True)
    (repo / name).write_text(text)
    git(repo, "add", name)
