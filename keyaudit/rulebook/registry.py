"""The named checks rule files may ask for, registered once: validators and request checks.

A rule names a check (``validator: asaas_key``, ``require: {check: iugu_signature}``); the loader
accepts only names registered here, and the scan and ``keyaudit rules test`` build their checks
from this one table, so a check cannot be known to one and missing from the other. What a check
needs from the run (the ``--public-key`` keys, the ``--request-time-window``) is injected through
:class:`CheckInputs` when the checks are built, not looked up by the check.

Validators are pure functions of the candidate text (and of rule data bound once per rule set,
:func:`bound_validators`). Request checks are built per scan, since
some hold configuration; the signature module (and ``cryptography`` with it) is imported by the
first request judged, so a scan that judges none starts without it.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Sequence

from keyaudit.rulebook.basic_users import BasicUser
from keyaudit.rulebook.clock import DEFAULT_WINDOW_SECONDS, request_time_check
from keyaudit.rulebook.replay import signature_seen
from keyaudit.rulebook.respelled import rot13_asaas_key
from keyaudit.rulebook.validators import (Validator, asaas_key, base64_hex_token, basic_credential,
                                          encoded_hex_token, encrypted_private_key, hex_token, hex_token_or_base64, legacy_asaas_key,
                                          random_token, rsa_private_key)

if TYPE_CHECKING:
    from keyaudit.model.exchange import Exchange
    from keyaudit.rulebook.requests import RequestCheck, RequestContext
    from keyaudit.rulebook.signature import PublicKey

VALIDATORS: dict[str, Validator] = {
    "asaas_key": asaas_key,
    "rot13_asaas_key": rot13_asaas_key,
    "hex_token": hex_token,
    "base64_hex_token": base64_hex_token,
    "encoded_hex_token": encoded_hex_token,
    "hex_token_or_base64": hex_token_or_base64,
    "legacy_asaas_key": legacy_asaas_key,
    "random_token": random_token,
    "basic_credential": basic_credential,
    "rsa_private_key": rsa_private_key,
    "encrypted_private_key": encrypted_private_key,
}


def bound_validators(basic_users: Sequence[BasicUser]) -> dict[str, Validator]:
    """The validators, with what the rule files tell them: which providers' tokens travel as
    Basic user names (``basic_auth``), so that a Basic value decoding to one is that provider's."""
    return {**VALIDATORS, "basic_credential": functools.partial(basic_credential, users=tuple(basic_users))}


@dataclass(frozen=True)
class CheckInputs:
    """What the run gives request checks: the client public keys that verify signatures, how far a signed
    request's ``Request-Time`` may be from its log time, and the providers' hosts."""

    public_keys: tuple["PublicKey", ...] = ()
    request_time_window: float = DEFAULT_WINDOW_SECONDS
    # the hosts the rule files name for the providers: a request sent to one is judged by its provider's scheme
    provider_hosts: frozenset[str] = frozenset()


def _iugu_signature(inputs: CheckInputs) -> "RequestCheck":
    if inputs.public_keys:
        from keyaudit.rulebook.signature import signature_check

        return signature_check(list(inputs.public_keys), inputs.provider_hosts)

    def check(exchange: "Exchange", context: "RequestContext") -> str | None:
        from keyaudit.rulebook.signature import signature_check

        return signature_check([], inputs.provider_hosts)(exchange, context)

    return check


_REQUEST_CHECKS: dict[str, Callable[[CheckInputs], "RequestCheck"]] = {
    "iugu_signature": _iugu_signature,
    "request_time_window": lambda inputs: request_time_check(inputs.request_time_window),
    "signature_seen": lambda inputs: functools.partial(signature_seen, provider_hosts=inputs.provider_hosts),
}

REQUEST_CHECK_NAMES: tuple[str, ...] = tuple(_REQUEST_CHECKS)


def request_checks(inputs: CheckInputs = CheckInputs()) -> dict[str, "RequestCheck"]:
    """Every registered request check, built with ``inputs``: what a judge of exchanges is given."""
    return {name: build(inputs) for name, build in _REQUEST_CHECKS.items()}
