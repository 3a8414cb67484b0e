"""The distinct credentials of a scan that a provider can be asked about, and the verdicts.

Collected while units are merged, before the spool may seal findings on their way to disk: the
value is needed for the request, and it is held here only for the secrets of providers whose
rules say how to ask, up to :data:`MAX_REQUESTS` of them (a night of logs with a distinct token
on every line must neither flood a provider nor hold every value in memory).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Iterator, Mapping

from keyaudit.model.findings import Finding
from keyaudit.model.secrets import Secret
from keyaudit.model.verification import UNKNOWN, Verification
from keyaudit.rulebook.verification import VerificationSpec

MAX_REQUESTS = 500  # distinct credentials asked about in one run; the rest are unknown, and said so
OVER_LIMIT = f"not sent: more than {MAX_REQUESTS} distinct credentials in one run"
NO_ENVIRONMENT = "not sent: the key's environment is not known"
NOT_A_KEY = "not sent: not in the key format of the provider's endpoint for it"


@dataclass(frozen=True, repr=False)
class Candidate:
    """One distinct credential to ask about: its value (never printed: see ``__repr__``), the
    URL of its environment's endpoint, and the rules that say how to ask."""

    identity: str
    value: str
    url: str
    spec: VerificationSpec

    def __repr__(self) -> str:
        return f"Candidate(provider={self.spec.provider!r}, url={self.url!r})"


class Candidates:
    """The distinct credentials among the findings that pass through :meth:`collect`."""

    def __init__(self, specs: Mapping[str, VerificationSpec], limit: int = MAX_REQUESTS) -> None:
        self._specs = specs
        self._limit = limit
        self.planned: dict[str, Candidate] = {}  # identity -> the request to send, in the order found
        self.not_sent: dict[str, Verification] = {}  # identity -> why no request is sent for it
        self.over_limit = 0

    def collect(self, findings: Iterable[Finding]) -> Iterator[Finding]:
        """``findings``, unchanged, each distinct credential among them noted on the way."""
        for finding in findings:
            if isinstance(finding.secret, Secret) and finding.provider in self._specs:
                self._note(finding, finding.secret)
            yield finding

    def _note(self, finding: Finding, secret: Secret) -> None:
        identity = secret.identity
        if identity in self.planned or identity in self.not_sent:
            return
        spec = self._specs[finding.provider]
        url = spec.endpoint(finding.environment)
        value = secret.shown(True)
        if url is None:
            self.not_sent[identity] = Verification(UNKNOWN, NO_ENVIRONMENT)
        elif not spec.accepts(value, finding.environment):
            self.not_sent[identity] = Verification(UNKNOWN, NOT_A_KEY)
        elif len(self.planned) >= self._limit:
            self.over_limit += 1  # not remembered: their verdict is the default of Verdicts
        else:
            self.planned[identity] = Candidate(identity, value, url, spec)


@dataclass(frozen=True)
class Verdicts:
    """What each distinct secret got, by identity, for the spool to attach to its findings."""

    by_identity: Mapping[str, Verification]
    providers: frozenset[str]  # providers that can be asked: their secrets without a verdict were over the limit

    def of(self, finding: Finding) -> Verification | None:
        """The verdict for ``finding``'s secret; None for a finding no provider can be asked about
        (no secret, a private key, a provider without a ``verification`` section)."""
        if finding.secret is None or finding.provider not in self.providers:
            return None
        found = self.by_identity.get(finding.secret.identity)
        return found if found is not None else Verification(UNKNOWN, OVER_LIMIT)
