"""What is found but not reported: inline allow markers, a baseline, an allowlist of digests, and
with ``--only-verified`` every finding whose key the provider did not confirm as working.

Suppressed findings are counted by reason in the report, never silently dropped. A baseline
holds fingerprints only — rule, path and a hash of the secret — so it can be committed: it
reveals no secret, does not change when code moves, and does not hide another secret that
later appears on the same line. Written again, it keeps its entries for the files that scan did
not read (a commit's staged files are not the whole repository).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from keyaudit.model.findings import MEMBER_SEPARATOR, Finding
from keyaudit.model.printable import printable
from keyaudit.model.setup_files import regular

BASELINE_VERSION = 1
NOT_VERIFIED = "not verified active"  # the reason --only-verified gives


class BaselineError(Exception):
    """A baseline file that cannot be read; ``str()`` is one line naming it."""


@dataclass(frozen=True)
class FindingFilter:
    """Fingerprints to hide (baseline) and secret digests allowed with a reason (configuration)."""

    baseline: frozenset[str] = frozenset()
    allowed_digests: dict[str, str] = field(default_factory=dict)
    digest_key: bytes | None = None
    only_verified: bool = False  # --only-verified: what --verify did not find active is not reported

    def reason(self, finding: Finding) -> str | None:
        if finding.suppressed:
            return finding.suppressed
        if self.only_verified and (finding.verification is None or not finding.verification.active):
            return NOT_VERIFIED
        if finding.fingerprint in self.baseline:
            return "baseline"
        if finding.secret is not None and finding.secret.digest(self.digest_key) in self.allowed_digests:
            return "allowlist"
        return None


Entry = tuple[str, str, str]  # rule id, path (printable), fingerprint: one line of a baseline


FIELDS = ("rule_id", "path", "fingerprint")  # an entry's, each a string


def baseline_entries(path: Path) -> list[Entry]:
    """The entries of a baseline file written by ``--write-baseline``. Every entry is an object of
    three strings: one of another type (a number, null, a list) was turned into its ``str()`` —
    ``"None"``, ``"['x']"`` — hid nothing, and was written back so by the next ``--write-baseline``."""
    try:
        document = json.loads(regular(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise BaselineError(f"{path}: cannot read the baseline: {exc.strerror or exc}") from None
    except ValueError as exc:
        raise BaselineError(f"{path}: not a keyaudit baseline ({type(exc).__name__}: {exc})") from None
    listed = document.get("findings") if isinstance(document, dict) else None
    if not isinstance(listed, list):
        raise BaselineError(f"{path}: not a keyaudit baseline (no list of findings)")
    entries = []
    for index, entry in enumerate(listed):
        values = tuple(entry.get(name) for name in FIELDS) if isinstance(entry, dict) else ()
        wrong = next((name for name, value in zip(FIELDS, values) if not isinstance(value, str)), None)
        if not values or wrong:
            what = "it is not an object" if not values else f"its {wrong} is " + \
                ("not a string" if wrong in entry else "missing")
            raise BaselineError(f"{path}: not a keyaudit baseline (findings[{index}]: {what})")
        entries.append(values)
    return entries


def load_baseline(path: Path) -> frozenset[str]:
    """The fingerprints of a baseline file: the findings it hides."""
    return frozenset(fingerprint for _, _, fingerprint in baseline_entries(path))


def entries_not_read(path: Path, paths_read: Iterable[str]) -> list[Entry]:
    """The entries of the baseline at ``path`` (none when there is none yet) for files a scan did
    not read, to keep when the scan writes the baseline again: a commit's ``--staged
    --write-baseline`` sees its staged files only, and must not drop what was accepted in the
    others. An archive read covers its members. A file there that is no baseline raises
    :class:`BaselineError`: writing over it loses what it held, which the caller says."""
    if not path.is_file():
        return []
    previous = baseline_entries(path)
    read = {printable(name) for name in paths_read}
    return [entry for entry in previous if entry[1] not in read and entry[1].partition(MEMBER_SEPARATOR)[0] not in read]


def new_baseline(findings: Iterable[Finding], kept: Iterable[Entry] = ()) -> list[Entry]:
    """The entries of a baseline for ``findings`` and the ``kept`` entries of an earlier one:
    sorted by path, so that it is stable and diffs well under version control."""
    return sorted({*kept, *((f.rule_id, printable(f.location.path), f.fingerprint) for f in findings)},
                  key=lambda entry: (entry[1], entry[0], entry[2]))


def baseline_text(entries: Iterable[Entry]) -> str:
    """A baseline file holding ``entries``."""
    document = {
        "version": BASELINE_VERSION,
        "tool": "keyaudit",
        "findings": [{"rule_id": rule, "path": path, "fingerprint": fp} for rule, path, fp in entries],
    }
    return json.dumps(document, indent=2) + "\n"
