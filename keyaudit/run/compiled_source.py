"""A compiled Python file (``.pyc``) beside the source it was compiled from: the source's inline allow markers hold
for the compiled copy of the same secret.

``python -m compileall``, an import, or a package install leaves ``__pycache__/name.cpython-312.pyc`` (or, from
Python 2 and ``compileall -b``, ``name.pyc``) beside ``name.py``. Its constants are the source's strings, so a key the
source allows on its line (``keyaudit:allow <reason>``, as a gitleaks ``gitleaks:allow`` or a detect-secrets
``pragma: allowlist secret`` user writes it once, in the source) was found again in the ``.pyc``, which no one can
annotate: the same key, reported as though nobody had judged it. So a ``.pyc`` finding is suppressed (as ``inline``)
when the source beside it holds the same value on a line its markers allow. A compiled file is still read: a key
it holds that the source does not (a stale ``.pyc`` of a source since cleaned, a ``.pyc`` shipped alone) or that
the source holds on no allowed line is reported.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from keyaudit.engine.detect import allowed_at
from keyaudit.model.secrets import Secret
from keyaudit.run.tally import Found

SOURCE_BYTES = 4 << 20  # of a source read for its markers, at most (a generated module may be large)


def source_of(compiled: Path) -> Path | None:
    """The source a ``.pyc`` at ``compiled`` was compiled from, when it is there."""
    if compiled.suffix != ".pyc":
        return None
    if compiled.parent.name == "__pycache__":  # name.cpython-312.pyc, name.cpython-312.opt-1.pyc
        source = compiled.parent.parent / (compiled.name.split(".", 1)[0] + ".py")
    else:
        source = compiled.with_suffix(".py")
    return source if source.is_file() else None


def allowed_by_source(findings: Found, compiled: Path | None) -> Found:
    """A unit's ``findings``; of a ``.pyc`` at ``compiled``, those whose value its source allows inline suppressed."""
    source = source_of(compiled) if compiled is not None and findings else None
    if source is None:
        return findings
    try:
        with source.open("rb") as handle:
            text = handle.read(SOURCE_BYTES)
    except OSError:
        return findings  # unreadable: nothing it says holds
    return Found(replace(finding, suppressed="inline") if not finding.suppressed and isinstance(finding.secret, Secret)
                 and _allowed(text, finding.secret) else finding for finding in findings)


def _allowed(text: bytes, secret: Secret) -> bool:
    """Whether ``text`` holds the secret's value on a line its markers allow."""
    value = secret.canonical.encode("utf-8", "surrogateescape")
    at = text.find(value)
    while at >= 0:
        if allowed_at(text, at, at + len(value)):
            return True
        at = text.find(value, at + 1)
    return False
