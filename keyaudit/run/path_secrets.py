"""Paths as a report shows them: a credential in a file, folder or archive member's name is
redacted, as one in a URL or a value is.

A dump saved under its key's name (``dump_$aact_prod_….log``), a folder named for a token: the
name would print the key whole in every report format, in the error lines and in a baseline. So
every name a report or a stderr line shows — a finding's path, an error's path and text, a
skipped input — is read by the secret rules as text (each part of the path a line of its own),
and a token-shaped value right after a credential's word (``token_<32 hex>.txt``: a bare token,
which no rule tells from a digest without the words around it) is taken as one too; what is found
is redacted with :func:`~keyaudit.model.urls.hide_secrets`.

It happens in the unit scanner, before a unit's findings leave it: the fingerprint is built
from the path, and so from the redacted one, whether the finding is fresh, restored from
``--state`` or matched against a baseline — stable from run to run, and a baseline (which names
each path) holds no key either. Only names that are shown are read, each once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from keyaudit.engine.detect import SecretDetector
from keyaudit.model.findings import MEMBER_SEPARATOR, Finding
from keyaudit.model.result import Counts, ScanError
from keyaudit.model.secrets import Secret
from keyaudit.model.urls import hide_secrets
from keyaudit.run.tally import Found, Tally

# A credential's word, a separator or two, and a value of letters and digits, both, 20 or more.
_NAMED_VALUE = re.compile(r"(?i)(?:token|secret|api[_-]?key|password|passwd|credentials?|auth)s?[_=.:@ -]{1,3}"
                          r"(?P<value>(?=[a-z]{0,200}[0-9])(?=[0-9]{0,200}[a-z])[a-z0-9]{20,})(?![a-z0-9])")
REMEMBERED = 4096  # names read, kept with what they show (a folder's files share their folders' names)
_SEPARATORS = str.maketrans({"/": "\n", "\\": "\n", MEMBER_SEPARATOR: "\n"})


class PathRedactor:
    """Reads names for credentials with one scan's secret rules, and shows them redacted."""

    def __init__(self, detector: SecretDetector) -> None:
        self._detector = detector
        self._shown: dict[str, str] = {}

    def _secrets(self, text: str) -> list[Secret]:
        """What ``text``, read as names (each part of a path a line), holds."""
        data = text.translate(_SEPARATORS).encode("utf-8", "surrogateescape")
        return [*self._detector.secrets_in(data), *(Secret(match["value"]) for match in _NAMED_VALUE.finditer(text))]

    def path(self, path: str) -> str:
        """``path`` with every credential in its names redacted."""
        shown = self._shown.get(path)
        if shown is None:
            secrets = self._secrets(path)
            shown = hide_secrets(path, secrets) if secrets else path
            if len(self._shown) >= REMEMBERED:
                self._shown.clear()
            self._shown[path] = shown
        return shown

    def text(self, path: str, text: str) -> tuple[str, str]:
        """A path and a line about it (an error, a reason for a skip, which may quote a member's
        or a folder's name), each with the credentials either holds redacted."""
        secrets = self._secrets(f"{path}\n{text}")
        return (hide_secrets(path, secrets), hide_secrets(text, secrets)) if secrets else (path, text)

    def message(self, text: str) -> str:
        """A line that names what the user gave (a setup error: a key pasted as a file's path)
        with the credentials in it redacted, read name by name and whole (a key's base64 may hold
        a "/", which parts it as a path)."""
        secrets = [*self._secrets(text), *self._detector.secrets_in(text.encode("utf-8", "surrogateescape"))]
        return hide_secrets(text, secrets) if secrets else text

    def errors(self, errors: Iterable[ScanError]) -> list[ScanError]:
        """``errors`` as the error lines may show them: a message may quote a member's name."""
        return [ScanError(*self.text(error.path, error.message)) for error in errors]

    def counts(self, counts: Counts) -> None:
        """The named skipped inputs of ``counts``, redacted in place."""
        counts.skipped_inputs = [self.text(path, reason) for path, reason in counts.skipped_inputs]

    def finding(self, finding: Finding) -> Finding:
        """``finding`` at its path as shown (a copy, only when the name held a credential)."""
        shown = self.path(finding.location.path)
        return finding if shown == finding.location.path else replace(finding, location=replace(finding.location, path=shown))

    def tally(self, tally: Tally) -> None:
        """Every name ``tally`` shows, redacted in place (its findings are repacked only when a
        name changed)."""
        if tally.findings and any(self.path(path) != path for path in {f.location.path for f in tally.findings}):
            tally.findings = Found(map(self.finding, tally.findings))
        if tally.unsettled is not None:
            tally.unsettled.waiting = [(spec, verdict, self.finding(finding))
                                       for spec, verdict, finding in tally.unsettled.waiting]
        if tally.rows is not None:
            for kept in tally.rows.waiting:
                kept.findings = [*map(self.finding, kept.findings)]
        tally.errors = self.errors(tally.errors)
        self.counts(tally.counts)
