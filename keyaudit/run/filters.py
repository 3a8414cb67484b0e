"""What is found but not reported: inline allow markers, a baseline, an allowlist of digests.

Suppressed findings are counted by reason in the report, never silently dropped. A baseline
holds fingerprints only — rule, path and a hash of the secret — so it can be committed: it
reveals no secret, does not change when code moves, and does not hide another secret that
later appears on the same line.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from keyaudit.model.findings import Finding
from keyaudit.model.printable import printable

BASELINE_VERSION = 1


class BaselineError(Exception):
    """A baseline file that cannot be read; ``str()`` is one line naming it."""


@dataclass(frozen=True)
class FindingFilter:
    """Fingerprints to hide (baseline) and secret digests allowed with a reason (configuration)."""

    baseline: frozenset[str] = frozenset()
    allowed_digests: dict[str, str] = field(default_factory=dict)
    digest_key: bytes | None = None

    def reason(self, finding: Finding) -> str | None:
        if finding.suppressed:
            return finding.suppressed
        if finding.fingerprint in self.baseline:
            return "baseline"
        if finding.secret is not None and finding.secret.digest(self.digest_key) in self.allowed_digests:
            return "allowlist"
        return None


def load_baseline(path: Path) -> frozenset[str]:
    """The fingerprints of a baseline file written by ``--write-baseline``."""
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
        entries = document["findings"]
        return frozenset(str(entry["fingerprint"]) for entry in entries)
    except OSError as exc:
        raise BaselineError(f"{path}: cannot read the baseline: {exc.strerror or exc}") from None
    except (ValueError, KeyError, TypeError) as exc:
        raise BaselineError(f"{path}: not a keyaudit baseline ({type(exc).__name__}: {exc})") from None


def baseline_text(findings: Iterable[Finding]) -> str:
    """A baseline for ``findings``: sorted and stable, so it diffs well under version control."""
    entries = sorted(
        {(f.rule_id, printable(f.location.path), f.fingerprint) for f in findings},
        key=lambda entry: (entry[1], entry[0], entry[2]),
    )
    document = {
        "version": BASELINE_VERSION,
        "tool": "keyaudit",
        "findings": [{"rule_id": rule, "path": path, "fingerprint": fp} for rule, path, fp in entries],
    }
    return json.dumps(document, indent=2) + "\n"
