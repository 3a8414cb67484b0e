"""Provider-host evidence: the pieces of context a rule asks for with ``provider_host: true``.

Some problems matter only near a payment API: certificate checks turned off are everywhere in
test code, and worth a finding where the same file calls Asaas or iugu. Which hosts those are is
provider knowledge, so it is data (``provider_hosts:`` in a rule file, by provider); this module
turns the hosts of every loaded file into the one pattern those contexts search for.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from keyaudit.rulebook.context import ANY_PROVIDER, Evidence
from keyaudit.rulebook.errors import RuleError
from keyaudit.rulebook.rules import Rule

_HOST = re.compile(r"[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+")


def parse_provider_hosts(value: Any, path: str) -> dict[str, tuple[str, ...]]:
    """A rule file's ``provider_hosts``: a mapping of provider name to its API host names."""
    if not isinstance(value, dict) or not all(
            isinstance(provider, str) and isinstance(hosts, list) and hosts for provider, hosts in value.items()):
        raise RuleError(path, None, "'provider_hosts' must map each provider to a list of host names")
    for hosts in value.values():
        for host in hosts:
            if not isinstance(host, str) or not _HOST.fullmatch(host):
                raise RuleError(path, None, f"provider host {host!r} is not a lower-case host name")
    return {provider: tuple(hosts) for provider, hosts in value.items()}


def host_pattern(hosts: list[str]) -> str:
    """A pattern for any of ``hosts`` as a whole host name: in a URL, a config value or a
    ``Host`` header; not inside a longer name (``api.iugu.com.evil.example``). It ignores case;
    which cases are looked for is the evidence search's (lower and upper, as record anchors)."""
    alternatives = "|".join(re.escape(host) for host in sorted(hosts, key=len, reverse=True))
    return rf"(?i)(?<![a-z0-9.-])(?:{alternatives})(?![a-z0-9-]|\.[a-z0-9])"


def bind_provider_hosts(rules: list[Rule], provider_hosts: dict[str, tuple[str, ...]]) -> list[Rule]:
    """``rules`` with each ``provider_host`` piece of their contexts given the pattern of its
    provider's hosts (every provider's, for ``provider_host: true``)."""
    pairs = tuple((host, provider) for provider, hosts in provider_hosts.items() for host in hosts)
    bound = []
    for rule in rules:
        context = rule.context
        if context is not None and any(piece.provider_host for piece in context.pieces):

            def bind(piece: Evidence, rule: Rule = rule) -> Evidence:
                if piece.provider_host is None:
                    return piece
                hosts = tuple(pair for pair in pairs if piece.provider_host in (ANY_PROVIDER, pair[1]))
                if not hosts:
                    raise RuleError(rule.source, rule.id, f"its context asks for a provider host of "
                                    f"{'any provider' if piece.provider_host == ANY_PROVIDER else piece.provider_host}"
                                    ", and no rule file loaded has them in 'provider_hosts'")
                return replace(piece, pattern_text=host_pattern([host for host, _ in hosts]), hosts=hosts)

            rule = replace(rule, context=replace(context, evidence=tuple(map(bind, context.evidence)),
                                                 against=tuple(map(bind, context.against))))
        bound.append(rule)
    return bound


def uncovered_hosts(provider_hosts: dict[str, tuple[str, ...]], record_anchors: tuple[str, ...]) -> list[str]:
    """The hosts, in lower and upper case, no record anchor is part of: they are added as record
    anchors, since the engine reports where record anchors (matched as written) occur, and that
    is where file-scope evidence is looked for."""
    return [written for hosts in provider_hosts.values() for host in hosts for written in (host, host.upper())
            if not any(anchor in written for anchor in record_anchors)]
