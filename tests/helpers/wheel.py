"""The built wheel installed into a fresh virtual environment, and programs run from it far from
the repository, so that nothing can come from the source tree."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from helpers.data import REPO


def isolated(args: list[str], cwd: Path, timeout: float = 600, input: str | None = None) -> subprocess.CompletedProcess:
    """``args`` run without this interpreter's PYTHONPATH, virtual environment or debug switch."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    env.pop("KEYAUDIT_DEBUG", None)
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, input=input)


@dataclass(frozen=True)
class Installed:
    wheel: Path
    venv: Path

    @property
    def python(self) -> Path:
        return self.venv / "bin" / "python"

    @property
    def keyaudit(self) -> Path:
        return self.venv / "bin" / "keyaudit"


class WheelSetupFailed(AssertionError):
    """Building or installing the wheel failed; the message holds the tool's output."""


def install_wheel(folder: Path) -> Installed:
    """Build the repository's wheel into ``folder`` and install it into a new venv there."""
    dist = folder / "dist"
    built = isolated([sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(REPO)], cwd=folder)
    wheels = list(dist.glob("keyaudit-*.whl"))
    if built.returncode != 0 or len(wheels) != 1:
        raise WheelSetupFailed(built.stdout[-3000:] + built.stderr[-3000:])
    venv = folder / "venv"
    created = isolated([sys.executable, "-m", "venv", str(venv)], cwd=folder)
    if created.returncode != 0:
        raise WheelSetupFailed(created.stderr)
    installed = Installed(wheels[0], venv)
    pip = isolated([str(installed.python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                    str(wheels[0])], cwd=folder)
    if pip.returncode != 0:
        raise WheelSetupFailed(pip.stdout[-3000:] + pip.stderr[-3000:])
    return installed
