"""Running keyaudit as a user that file permissions apply to.

Root reads every file, so a folder chmodded to 000 means nothing to a scan run as root (as this
suite often is, in containers). A scan that must meet a permission error runs as ``nobody``
instead, through util-linux's ``setpriv``: the same interpreter and code, privileges dropped
before it starts.
"""

from __future__ import annotations

import errno
import functools
import os
import pwd
import shutil
import subprocess
import sys

UNPRIVILEGED_USER = "nobody"


@functools.cache
def unprivileged_prefix() -> tuple[str, ...] | None:
    """What to put before a command to run it as a user permissions apply to: nothing when this
    process is not root; None when root cannot drop its privileges here (no ``setpriv``, no such
    user, or the interpreter or keyaudit cannot be run by it)."""
    if os.geteuid() != 0:
        return ()
    setpriv = shutil.which("setpriv")
    try:
        user = pwd.getpwnam(UNPRIVILEGED_USER)
    except KeyError:
        return None
    if setpriv is None:
        return None
    prefix = (setpriv, f"--reuid={user.pw_uid}", f"--regid={user.pw_gid}", "--clear-groups")
    try:
        probe = subprocess.run([*prefix, sys.executable, "-c", "import os, keyaudit; raise SystemExit(os.geteuid() == 0)"],
                               cwd="/", capture_output=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None
    return prefix if probe.returncode == 0 else None


def can_run_unprivileged() -> bool:
    """Whether a scan can meet permission errors here (for ``BadInput.runs_here``)."""
    return unprivileged_prefix() is not None


def remove_tree(root: str) -> None:
    """``rm -rf root`` through folders a test locked (chmod 000) and trees nested past the
    recursion limit, which ``shutil.rmtree`` and ``os.walk`` recurse into; a tree nested past the
    length a path may have is left to GNU ``chmod`` and ``rm``, which walk by descriptors."""
    try:
        _remove_by_paths(root)
    except OSError as exc:
        if exc.errno != errno.ENAMETOOLONG:
            raise
        subprocess.run(["chmod", "-R", "u+rwx", root], check=True)
        subprocess.run(["rm", "-rf", root], check=True)


def _remove_by_paths(root: str) -> None:
    folders, stack = [], [root]
    while stack:
        folder = stack.pop()
        os.chmod(folder, 0o700)
        folders.append(folder)
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    stack.append(entry.path)
                else:
                    os.unlink(entry.path)
    for folder in reversed(folders):  # found after its parent: removed before it
        os.rmdir(folder)
