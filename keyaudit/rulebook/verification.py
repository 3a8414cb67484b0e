"""How a provider is asked whether a credential works: rule data, read from the shipped rules only.

Where a key may be sent is the most dangerous thing a rule file could say, so it is held to more
than the rest: a ``verification`` section is refused in any rule pack but the shipped one (a
repository's configuration can name rule packs, and a hostile one must not be able to send keys
to its own server), the request is a ``GET`` (read-only) to an ``https://`` URL without user,
port or fragment, and a value is sent only when it has the provider's key format — the format of
the endpoint's own environment, where keys say theirs — so a private key or a password that a
rule of the provider found is never mistaken for an API key, and a sandbox key never reaches a
production host, whatever environment a finding was given.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from keyaudit.rulebook.errors import RuleError

ANY_ENVIRONMENT = "any"  # an endpoint for every environment (iugu: one host for live and test tokens)
CREDENTIAL_FORMS = ("header", "basic")  # the value as a header's value; HTTP Basic with the value as user
_FIELDS = ("provider", "method", "endpoints", "credential", "value_pattern", "active", "inactive")
_WHERE = "verification"


@dataclass(frozen=True)
class VerificationSpec:
    """One provider's documented read-only request, by environment, and how its answer reads."""

    provider: str
    # (environment or "any", https URL, what a value must match whole to go there), in the file's order
    endpoints: tuple[tuple[str, str, str], ...]
    credential: tuple[str, str]  # ("header", name) or ("basic", "user")
    active: tuple[int, ...] = (200,)  # statuses that say the key works
    inactive: tuple[int, ...] = (401,)  # statuses that say the key is refused
    method: str = "GET"
    source: str = ""

    def endpoint(self, environment: str | None) -> str | None:
        """The URL for a key of ``environment``; None when the rules name none for it (a key whose
        environment is not known is sent nowhere: a sandbox key must reach sandbox hosts only)."""
        found = self._endpoint(environment)
        return found[1] if found else None

    def accepts(self, value: str, environment: str | None) -> bool:
        """Whether ``value`` has the key format of ``environment``'s endpoint (and so may go there)."""
        found = self._endpoint(environment)
        return found is not None and re.fullmatch(found[2], value) is not None

    def _endpoint(self, environment: str | None) -> tuple[str, str, str] | None:
        return next((endpoint for endpoint in self.endpoints
                     if endpoint[0] == ANY_ENVIRONMENT or (environment is not None and endpoint[0] == environment)),
                    None)


def _statuses(value: Any, name: str, path: str) -> tuple[int, ...]:
    if not isinstance(value, list) or not value or not all(
            isinstance(v, int) and not isinstance(v, bool) and 100 <= v <= 599 for v in value):
        raise RuleError(path, _WHERE, f"'{name}' must be a list of HTTP status codes")
    return tuple(value)


def _pattern(value: Any, path: str) -> str:
    if not isinstance(value, str) or not value:
        raise RuleError(path, _WHERE, "'value_pattern' must be a regular expression")
    try:
        re.compile(value)
    except re.error as exc:
        raise RuleError(path, _WHERE, f"value_pattern does not compile: {exc}") from None
    return value


def _endpoint(environment: Any, given: Any, default_pattern: Any, path: str) -> tuple[str, str, str]:
    """One endpoint: ``environment: URL``, or ``environment: {url: URL, value_pattern: …}`` for the
    keys of that environment alone."""
    url, pattern = (given.get("url"), given.get("value_pattern", default_pattern)) if isinstance(given, dict) else (
        given, default_pattern)
    if not isinstance(environment, str) or not isinstance(url, str) or (
            isinstance(given, dict) and set(given) - {"url", "value_pattern"}):
        raise RuleError(path, _WHERE, "'endpoints' must map environment names to URLs or {url, value_pattern}")
    parts = urlsplit(url)
    if (parts.scheme != "https" or not parts.hostname or parts.username is not None or parts.port is not None
            or parts.fragment or any(c.isspace() for c in url)):
        raise RuleError(path, _WHERE, f"endpoint {url!r} must be an https:// URL with a host, and no user, port "
                                      "or fragment")
    return environment, url, _pattern(pattern, path)


def parse_verification(raw: Any, path: str) -> VerificationSpec:
    """The ``verification`` section of a rule file; one :class:`RuleError` line for any mistake."""
    if not isinstance(raw, dict):
        raise RuleError(path, _WHERE, "must be a mapping")
    unknown = sorted(set(raw) - set(_FIELDS))
    if unknown:
        raise RuleError(path, _WHERE, f"unknown field {unknown[0]!r}")
    provider = raw.get("provider")
    if not isinstance(provider, str) or not provider:
        raise RuleError(path, _WHERE, "'provider' must be a name")
    if raw.get("method", "GET") != "GET":
        raise RuleError(path, _WHERE, "'method' must be GET: verification only reads")
    endpoints = raw.get("endpoints")
    if not isinstance(endpoints, dict) or not endpoints:
        raise RuleError(path, _WHERE, "'endpoints' must map environment names to URLs")
    credential = raw.get("credential")
    if (not isinstance(credential, dict) or len(credential) != 1 or next(iter(credential)) not in CREDENTIAL_FORMS
            or not isinstance(next(iter(credential.values())), str)):
        raise RuleError(path, _WHERE, "'credential' must be {header: <name>} or {basic: user}")
    form, name = next(iter(credential.items()))
    if form == "basic" and name != "user":
        raise RuleError(path, _WHERE, "'credential' {basic: …} sends the value as the user: write {basic: user}")
    pattern = raw.get("value_pattern")
    return VerificationSpec(provider, tuple(_endpoint(env, given, pattern, path) for env, given in endpoints.items()),
                            (form, name), _statuses(raw.get("active", [200]), "active", path),
                            _statuses(raw.get("inactive", [401]), "inactive", path), source=path)
