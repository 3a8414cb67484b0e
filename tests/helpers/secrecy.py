"""Assertions about secrets that never print one.

pytest's assertion rewriting prints the arguments of every call inside an ``assert``
(``assert absent(key, out), "msg"`` shows ``where False = absent('$aact_…', …)``). So: check
leaks with these functions, which fail with their own message only, and compute anything derived
from a secret (its digest, its length, its column) into a local *before* the ``assert``.
"""

from __future__ import annotations

import hashlib
import re

import pytest


def absent(secret: str, *texts: str) -> bool:
    """True when ``secret`` appears in none of ``texts`` (use with a message that omits it)."""
    return all(secret not in text for text in texts)


def present(secret: str, text: str) -> bool:
    """True when ``secret`` appears in ``text`` (use with a message that omits it)."""
    return secret in text


def leaked(secret: str, *texts: str | bytes) -> bool:
    """Whether ``secret`` occurs in any of ``texts`` (assert on this, never on the secret)."""
    needle = secret.encode()
    return any((needle in text) if isinstance(text, bytes) else (secret in text) for text in texts)


def assert_absent(secret: str, *texts: str, what: str = "a secret") -> None:
    """Fail (with ``what``, never the secret) when ``secret`` occurs in any of ``texts``."""
    if not secret:
        pytest.fail("test set-up: an empty secret cannot be checked", pytrace=False)
    if not absent(secret, *texts):
        pytest.fail(f"{what} leaked into the output", pytrace=False)


def assert_none_leaked(secrets_by_name: dict[str, str], **texts: str | bytes) -> None:
    """Fail, naming only the kind of secret and the place, if any secret occurs in any text.

    The check is done here, outside pytest's assertion rewriting and with this frame hidden from
    the traceback, so that a failure message never quotes the secret or the text around it.
    """
    __tracebackhide__ = True
    for name, secret in secrets_by_name.items():
        for where, text in texts.items():
            if leaked(secret, text):
                raise AssertionError(f"the {name} secret leaked into {where}")


def assert_all_shown(secrets_by_name: dict[str, str], **texts: str | bytes) -> None:
    """Fail, naming only the kind of secret and the place, unless each secret occurs in the texts."""
    __tracebackhide__ = True
    for name, secret in secrets_by_name.items():
        if not any(leaked(secret, text) for text in texts.values()):
            raise AssertionError(f"the {name} secret is not shown in {', '.join(texts)}")


def same_secrets(found: list[bytes], planted: list[str]) -> bool:
    """Whether ``found`` is exactly ``planted`` (as a multiset), compared without printing either."""
    return sorted(found) == sorted(secret.encode() for secret in planted)


_SECRET_LIKE = re.compile(r"[A-Za-z0-9+=]{12,}")


def scrub(text: str | bytes) -> str:
    """``text`` for a failure message: every run of 12+ base64/hex characters masked, so that
    even output that wrongly contains a secret cannot put it into the test log."""
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    return _SECRET_LIKE.sub("<masked>", text)


def report_digest(canonical: str) -> str:
    """The digest a report gives a canonical secret when no digest key is configured: how a test
    tells which secret a finding holds without the report quoting it."""
    return "sha256:" + hashlib.sha256(canonical.encode()).hexdigest()
