"""The ``signature_seen`` request check: every signed request is a candidate, named by a digest
of its signature, and the scan keeps those whose signature another request carried too.

One request cannot show a replay; the scan's requests together can, across files, units and
processes. So the check says nothing about the request itself: it hands on a short digest of the
signature (never the signature), and the scan compares digests once every unit is merged
(:func:`keyaudit.run.fold.confirm_replays`).
"""

from __future__ import annotations

import hashlib
import re
from typing import TYPE_CHECKING, AbstractSet

from keyaudit.model.exchange import Exchange, hidden_value, unexpanded_value
from keyaudit.rulebook.requests import Judgement

if TYPE_CHECKING:
    from keyaudit.rulebook.requests import RequestContext

EVIDENCE = "signature_digest"  # the context field the candidates carry
# The HTTP Signatures draft (draft-cavage: ActivityPub servers, CyberSource, the Berlin Group's PSD2 API) names the
# key it signs with in a quoted keyId; iugu's two forms never do, so such a header is that scheme's, not iugu's.
_DRAFT_SIGNATURE = re.compile(r'(?i)(?:^|[\s,])keyid\s*=\s*"')
# A webhook sender's signature names its own parts, two or more `name=value` pairs none of which is iugu's (Stripe's
# and most senders' `t=<time>,v1=<hex>`, Mercado Pago's `ts=…,v1=…`, Paddle's `ts=…;h1=…`), or leads with its
# scheme's version (Standard Webhooks', Svix's `v1,<base64>`): an inbound webhook a receiving app logs with its
# headers is no iugu request, and its retries repeat the same signature without any replay. Not on a provider's
# host: a request sent there signed so is signed wrongly (a sender's code copied into a payout client).
_PART = r"\s*[A-Za-z][A-Za-z0-9_-]{0,15}=[^,;=\s]+=*\s*"
_PARAMETERS = re.compile(f"{_PART}(?:[,;]{_PART})+")
_IUGU_PART = re.compile(r"(?i)(?:^|[\s,;])(?:signature|algorithm|keyversion)\s*=")
_TAGGED = r"v[0-9]+[a-z]?,[A-Za-z0-9+/_-]{16,}=*"
_VERSIONED = re.compile(f"{_TAGGED}(?:\\s+{_TAGGED})*")
_VALUE = re.compile(r"(?i)(?:^|[\s,;])signature\s*=\s*([A-Za-z0-9+/_-]+=*)")


def another_scheme(header: str, to_provider: bool = False) -> bool:
    """Whether a Signature header is another scheme's, not iugu's: the HTTP Signatures draft's (``keyId="…", …,
    signature="…"``), or a webhook sender's (``t=…,v1=…``, ``v1,<base64>``) on a request not sent ``to_provider``
    (a check here, not in :mod:`.signature`: this one runs on every signed request, and that module's imports cost
    a scan that verifies nothing)."""
    text = header.strip()
    if _DRAFT_SIGNATURE.search(text):
        return True
    return not to_provider and (bool(_VERSIONED.fullmatch(text))
                                or bool(_PARAMETERS.fullmatch(text)) and not _IUGU_PART.search(text))


def signature_digest(header: str) -> str | None:
    """A short digest of the signature itself: the long (``algorithm=…, signature=…``) and the
    short (``signature=…``) forms of one signature give the same digest."""
    match = _VALUE.search(header)
    value = match.group(1) if match else header.strip()
    if len(value) < 16 or hidden_value(value) or unexpanded_value(value):  # a placeholder repeats without any replay
        return None
    return "sha256:" + hashlib.sha256(value.encode("utf-8", "surrogateescape")).hexdigest()[:16]


def signature_seen(exchange: Exchange, context: "RequestContext",
                   provider_hosts: AbstractSet[str] = frozenset()) -> Judgement | None:
    """A candidate for every request with a signature (of iugu's scheme: see :func:`another_scheme`, a request to
    one of the ``provider_hosts`` being judged by it); the scan keeps the repeated ones."""
    header = exchange.header("Signature") or ""
    digest = None if another_scheme(header, exchange.host in provider_hosts) else signature_digest(header)
    if digest is None:
        return None
    return Judgement(f"the same Signature ({digest}) was sent before", ((EVIDENCE, digest),))
