"""A provider's API hosts in named groups — its environments — and request rules that name them.

A rule file lists its provider's hosts under ``provider_hosts``, either as one list or in named
groups, one per environment (and any other group a rule may want, such as legacy hosts)::

    provider_hosts:
      asaas:
        production: [api.asaas.com]
        sandbox: [api-sandbox.asaas.com, sandbox.asaas.com]
        legacy: [www.asaas.com, homolog.asaas.com]

Every host, whatever its group, is evidence that a file calls the provider (``provider_host``
contexts). A request rule's ``when.host_groups`` names groups of its own provider, whose hosts
join its ``when.hosts`` (``host_groups: [sandbox]``): which host is which environment is then
said once, where the provider is described, and a rule file of another provider is judged the
same way.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from keyaudit.rulebook.errors import RuleError
from keyaudit.rulebook.requests import RequestRule
from keyaudit.rulebook.scopes import parse_provider_hosts

HostGroups = dict[str, dict[str, tuple[str, ...]]]  # provider -> group name -> hosts


def parse_hosts(value: Any, path: str) -> tuple[dict[str, tuple[str, ...]], HostGroups]:
    """A rule file's ``provider_hosts``: every host of each provider (in the order written), and
    the named groups of the providers that have them."""
    if not isinstance(value, dict):
        raise RuleError(path, None, "'provider_hosts' must map each provider to a list of host names")
    groups: HostGroups = {}
    flat: dict[str, Any] = {}
    for provider, hosts in value.items():
        if isinstance(hosts, dict):
            # An empty group would leave a rule that names it with no hosts: a rule for every host.
            if not hosts or not all(isinstance(name, str) and "." not in name and isinstance(listed, list) and listed
                                    for name, listed in hosts.items()):
                raise RuleError(path, None, f"'provider_hosts.{provider}' must map group names (without dots) "
                                            "to non-empty lists of host names")
            groups[str(provider)] = {name: tuple(listed) for name, listed in hosts.items()}
            hosts = [host for listed in hosts.values() for host in listed]
        flat[provider] = hosts
    return parse_provider_hosts(flat, path), groups


def merge_groups(into: HostGroups, more: HostGroups) -> None:
    """Add ``more``'s groups to ``into``: a group named in two files holds the hosts of both."""
    for provider, named in more.items():
        mine = into.setdefault(provider, {})
        for name, hosts in named.items():
            mine[name] = tuple(dict.fromkeys((*mine.get(name, ()), *hosts)))


def bind_host_groups(rules: list[RequestRule], groups: HostGroups) -> list[RequestRule]:
    """``rules`` with the hosts of the groups their ``when.host_groups`` name added to their hosts."""
    bound = []
    for rule in rules:
        if rule.host_groups:
            named = groups.get(rule.provider, {})
            unknown = [group for group in rule.host_groups if group not in named]
            if unknown:
                known = ", ".join(named) or "none"
                raise RuleError(rule.source, rule.id, f"'when.host_groups' names {unknown[0]!r}, which is no host group "
                                                      f"of provider {rule.provider!r} (its groups: {known})")
            hosts = [*rule.hosts, *(host for group in rule.host_groups for host in named[group])]
            rule = replace(rule, hosts=tuple(dict.fromkeys(hosts)))
        bound.append(rule)
    return bound
