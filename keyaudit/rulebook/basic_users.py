"""Credentials that travel as HTTP Basic user names: a provider's API token as the user, with a
fixed password (iugu: ``base64(token + ":")``, the password empty).

A provider's rule file says so under ``basic_auth``, keyed by provider like ``provider_hosts``::

    basic_auth:
      iugu: {user: '[0-9a-f]{32}|[0-9A-F]{32}', password: '', note: decodes to an iugu API token}

A Basic or Bearer value whose decoding is such a user and password is that provider's token
(found by the generic Basic rule, reported under the provider); any other decoding is judged as
a user name and password. The user must also look random (not a typed placeholder).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from keyaudit.rulebook.errors import RuleError

_FIELDS = ("user", "password", "note")


@dataclass(frozen=True)
class BasicUser:
    """One provider's token as a Basic user name: its shape, the password beside it, and what a
    finding's message says of it."""

    provider: str
    user_text: str
    password: str
    note: str

    @functools.cached_property
    def user(self) -> "re.Pattern[str]":
        return re.compile(self.user_text)


def parse_basic_auth(value: Any, path: str) -> tuple[BasicUser, ...]:
    """A rule file's ``basic_auth``: provider -> ``{user, password, note}``."""
    if not isinstance(value, dict) or not value:
        raise RuleError(path, None, "'basic_auth' must map each provider to {user, password, note}")
    users = []
    for provider, spec in value.items():
        where = f"'basic_auth.{provider}'"
        if not isinstance(spec, dict) or set(spec) != set(_FIELDS):
            raise RuleError(path, None, f"{where} must have exactly {', '.join(_FIELDS)}")
        if not all(isinstance(spec[name], str) for name in _FIELDS) or not spec["user"] or not spec["note"]:
            raise RuleError(path, None, f"{where}: user (a pattern), password and note must be strings")
        try:
            re.compile(spec["user"])
        except re.error as exc:
            raise RuleError(path, None, f"{where}.user is not a regular expression: {exc}") from None
        users.append(BasicUser(str(provider), spec["user"], spec["password"], spec["note"]))
    return tuple(users)
