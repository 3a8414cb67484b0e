"""Loading rule packs: the shipped rules, then the user's, from YAML files with one-line errors.

A rule file is YAML with top-level ``rules:`` and ``request_rules:`` lists. Parsed files are
cached as JSON under the hash of their text, so a pre-commit run on unchanged rules needs no
YAML parser.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any, Iterable

from keyaudit.model.values import within
from keyaudit.rulebook.anchor_checks import KEY as ANCHOR_CHECKS, AnchorCheck, parse_anchor_checks
from keyaudit.rulebook.basic_users import BasicUser, parse_basic_auth
from keyaudit.rulebook.cache import read_entry, write_entry
from keyaudit.rulebook.change_streams import change_streams
from keyaudit.rulebook.errors import RuleError
from keyaudit.rulebook.hostgroups import HostGroups, bind_host_groups, merge_groups, parse_hosts
from keyaudit.rulebook.messages import MessageRule, parse_message_rule
from keyaudit.rulebook.place_rules import PlaceRule, parse_place_rule
from keyaudit.rulebook.places import Place, Sender, parse_place, parse_sender
from keyaudit.rulebook.registry import REQUEST_CHECK_NAMES
from keyaudit.rulebook.requests import RequestRule, bind_places, parse_request_rule
from keyaudit.rulebook.rules import Rule, RuleSet, anchoring_warning, parse_rule
from keyaudit.rulebook.scopes import bind_provider_hosts, uncovered_hosts
from keyaudit.rulebook.verification import VerificationSpec, parse_verification
from keyaudit.rulebook.word_lists import WORDS, with_words, word_lists

_PARSED_FORMAT = "3"  # bump when what is cached for a rule file changes (2: word lists put in its patterns; 3: to
# :data:`.word_lists.MAX_FILLED`, a file filled past it by an older version must not be read back)


def shipped_rules_dir() -> Path:
    """The shipped rule pack: ``keyaudit/rules`` in a wheel, the repository's ``rules/`` otherwise.

    Found beside this module, which is where ``importlib.resources`` would look for a package on
    disk, without importing it (and ``tempfile`` and ``shutil`` with it) on every start.
    """
    packaged = Path(__file__).parent.parent / "rules"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent.parent / "rules"


def _rule_files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())
    if path.is_file():
        return [path]
    raise RuleError(str(path), None, "no such rule file or folder")


_ID_LINE = re.compile(r"""^\s*(?:-\s+)?id\s*:\s*["']?([^"'\s#]+)""")


def _rule_above(text: str, line: int) -> str | None:
    """The id of the rule a YAML error is in: the last ``id:`` at or above 0-based ``line``."""
    for candidate in reversed(text.splitlines()[: line + 1]):
        found = _ID_LINE.match(candidate)
        if found:
            return found.group(1)
    return None


YAML_VALUES = 100_000  # values a rule file or configuration may expand to (the shipped rules: 2,055 at most)


def load_yaml(text: str) -> Any:
    """Safe YAML, through libyaml when PyYAML has it. Imported on first use: a run whose rule
    files are cached and that has no YAML configuration needs no YAML parser at all.

    A document whose aliases expand past :data:`YAML_VALUES` values is a ``yaml.YAMLError``: an
    alias is a reference, so a "billion laughs" of a few hundred bytes parses at once, and the
    walks after it (the rule cache's JSON, the checks) ran for ever."""
    import yaml

    document = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    if not within(document, YAML_VALUES):
        raise yaml.YAMLError(f"its aliases expand to more than {YAML_VALUES:,} values (a 'billion laughs')")
    return document


def _parsed(text: str, name: str) -> Any:
    """The YAML document of a rule file, its patterns given the word lists they name (:mod:`.word_lists`), from
    the cache when this very text was parsed before.

    Kept as JSON (a parser in the standard library, and no pickle to trust): rules load on every
    run, and YAML parsing was a fifth of a pre-commit run's start-up.
    """
    entry = f"rules-{_PARSED_FORMAT}-{hashlib.sha256(text.encode('utf-8')).hexdigest()[:32]}.json"
    cached = read_entry(entry)
    if cached is not None:
        try:
            return json.loads(cached)
        except ValueError:
            pass  # damaged: parsed again below
    import yaml

    try:
        document = load_yaml(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        rule_id = _rule_above(text, mark.line) if mark else None
        raise RuleError(name, rule_id, f"YAML error{where}: {problem}") from None
    if isinstance(document, dict) and "{words:" in text:  # a pattern naming a word list gets it, once a text
        lists = word_lists(document, name)
        document = {key: with_words(value, lists, name) for key, value in document.items()}
    try:
        encoded = json.dumps(document)
    except (TypeError, ValueError):
        return document  # YAML-only values (dates, sets): not cached, the checks below report them
    if json.loads(encoded) == document:
        write_entry(entry, encoded.encode("utf-8"))
    return document


RULE_LISTS = ("rules", "request_rules", "request_anchors", "record_anchors", "request_markers", "header_names",
              "span_lists", "change_streams",
              "message_rules", "place_rules", "places", "senders")
_LITERALS = RULE_LISTS[2:8]  # the lists of plain strings, merged across files in order, once each
TOP_LEVEL = (*RULE_LISTS, "provider_hosts", "verification", "basic_auth", ANCHOR_CHECKS, WORDS)


def load_file(path: Path, verify: bool = True) -> RuleSet:
    """Load one YAML rule file: its secret, request, message and place rules, request anchors (and
    where they count) and markers, the header names records may log one field each, provider hosts,
    places, senders and the tokens that travel as Basic user names.

    ``verify`` compiles every pattern now, to report a broken one as a rule error.
    """
    name = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(name, None, f"cannot read: {exc}") from None
    document = _parsed(text, name)
    if not isinstance(document, dict) or not (set(document) & set(RULE_LISTS)):
        raise RuleError(name, None, "expected a mapping with a 'rules' or 'request_rules' list")
    unknown = sorted(set(document) - set(TOP_LEVEL))
    if unknown:
        raise RuleError(name, None, f"unknown top-level key {unknown[0]!r}")
    for key in RULE_LISTS:
        if not isinstance(document.get(key, []), list):
            raise RuleError(name, None, f"'{key}' must be a list")
    literals = {key: tuple(document.get(key, [])) for key in _LITERALS}
    for key, values in literals.items():
        if not all(isinstance(value, str) and value.strip() for value in values):
            raise RuleError(name, None, f"'{key}' must be a list of non-empty strings")
    try:  # an entry of no known role would be ignored: said at once
        change_streams(literals["change_streams"])
    except ValueError as exc:
        raise RuleError(name, None, str(exc)) from None
    rules = [parse_rule(raw, name, verify) for raw in document.get("rules", [])]
    requests = [parse_request_rule(raw, name, REQUEST_CHECK_NAMES, verify) for raw in document.get("request_rules", [])]
    messages = [parse_message_rule(raw, name) for raw in document.get("message_rules", [])]
    placed = [parse_place_rule(raw, name) for raw in document.get("place_rules", [])]
    seen: set[str] = set()
    for rule in [*rules, *requests, *messages, *placed]:
        if rule.id in seen:
            raise RuleError(name, rule.id, "duplicate rule id in one file")
        seen.add(rule.id)
    hosts, groups = parse_hosts(document["provider_hosts"], name) if "provider_hosts" in document else ({}, {})
    places = {place.id: place for place in (parse_place(raw, name, verify) for raw in document.get("places", []))}
    senders = {sender.id: sender for sender in (parse_sender(raw, name, verify) for raw in document.get("senders", []))}
    verification = parse_verification(document["verification"], name) if "verification" in document else None
    basic_users = parse_basic_auth(document["basic_auth"], name) if "basic_auth" in document else ()
    checks = parse_anchor_checks(document[ANCHOR_CHECKS], name) if ANCHOR_CHECKS in document else ()
    return RuleSet(rules, requests, **literals, provider_hosts=hosts, messages=messages, places=places,
                   senders=senders, place_rules=placed, request_anchor_checks=checks,
                   verifications={verification.provider: verification} if verification else {}, host_groups=groups,
                   basic_users=basic_users)


def escaped_literals(literals: Iterable[str]) -> list[str]:
    """Each literal as a tracer writes a string whose every byte it escapes (``strace -xx``: each
    byte ``\\xhh``, in lower-case hex): there no request anchor or marker shows as written, so
    each is looked for in this form too, so that the lines around a traced write of a request
    are read as requests are (where the readers join the calls and undo the escapes)."""
    return ["".join(f"\\x{byte:02x}" for byte in literal.encode("utf-8")) for literal in literals]


def load_rules(extra: Iterable[Path] = (), *, include_shipped: bool = True) -> RuleSet:
    """Shipped rules, then user rules; a user rule with a shipped id replaces it in place.

    The set's ``warnings`` has one line for each user rule in force whose examples match without
    any of its keywords (see :func:`anchoring_warning`), and for each of its patterns that can
    backtrack exponentially (see :func:`~keyaudit.rulebook.backtracking.backtracking_warnings`), however many files loaded it.
    """
    secret_rules: dict[str, Rule] = {}
    request_rules: dict[str, RequestRule] = {}
    message_rules: dict[str, MessageRule] = {}
    place_rules: dict[str, PlaceRule] = {}
    places: dict[str, Place] = {}
    senders: dict[str, Sender] = {}
    literals: dict[str, dict[str, None]] = {key: {} for key in _LITERALS}  # in order, once each
    provider_hosts: dict[str, tuple[str, ...]] = {}
    host_groups: HostGroups = {}
    verifications: dict[str, VerificationSpec] = {}
    basic_users: dict[str, BasicUser] = {}  # by provider: a later file's replaces an earlier one's
    anchor_checks: dict[str, AnchorCheck] = {}  # by anchor: the same
    user_ids: set[str] = set()
    shipped = [shipped_rules_dir()] if include_shipped else []
    for source in shipped + list(extra):
        for path in _rule_files(source):
            loaded = load_file(path, verify=source not in shipped)
            secret_rules.update((rule.id, rule) for rule in loaded.rules)
            request_rules.update((rule.id, rule) for rule in loaded.requests)
            message_rules.update((rule.id, rule) for rule in loaded.messages)
            place_rules.update((rule.id, rule) for rule in loaded.place_rules)
            places.update(loaded.places)
            senders.update(loaded.senders)
            for key, found in literals.items():
                found.update(dict.fromkeys(getattr(loaded, key)))
            for provider, hosts in loaded.provider_hosts.items():
                provider_hosts[provider] = tuple(dict.fromkeys((*provider_hosts.get(provider, ()), *hosts)))
            merge_groups(host_groups, loaded.host_groups)
            basic_users.update((user.provider, user) for user in loaded.basic_users)
            anchor_checks.update((check.anchor, check) for check in loaded.request_anchor_checks)
            if source not in shipped:
                user_ids.update(rule.id for rule in loaded.every)
                if loaded.verifications:  # a repository's configuration can name rule packs
                    raise RuleError(str(path), None, "'verification' is read from the shipped rules only: a rule "
                                                     "pack must not choose where found keys are sent")
            verifications.update(loaded.verifications)
    # Once per user rule in force; shipped rules are checked by the test suite, not at every start.
    warnings = [warning for rule in secret_rules.values()
                if rule.id in user_ids and (warning := anchoring_warning(rule)) is not None]
    if user_ids:  # the pattern reader is loaded only for user rules: shipped ones are checked by the tests
        from keyaudit.rulebook.backtracking import backtracking_warnings

        warnings += [warning for rule in [*secret_rules.values(), *request_rules.values()] if rule.id in user_ids
                     for warning in backtracking_warnings(rule)]
    if unknown := [check for check in anchor_checks.values() if check.anchor not in literals["request_anchors"]]:
        raise RuleError(unknown[0].source, None,
                        f"'{ANCHOR_CHECKS}' checks {unknown[0].anchor!r}, which no rule file's 'request_anchors' lists")
    anchors = literals["record_anchors"]
    anchors.update(dict.fromkeys(uncovered_hosts(provider_hosts, tuple(anchors))))
    for key in ("request_anchors", "request_markers"):
        literals[key].update(dict.fromkeys(escaped_literals(list(literals[key]))))
    for rule in place_rules.values():
        unknown = [place for place in rule.places if place not in places]
        if unknown:
            raise RuleError(rule.source, rule.id, f"names {unknown[0]!r}, which no rule file's 'places:' defines")
    return RuleSet(bind_provider_hosts(list(secret_rules.values()), provider_hosts),
                   bind_places(bind_host_groups(list(request_rules.values()), host_groups), places, senders),
                   warnings, **{key: tuple(found) for key, found in literals.items()}, provider_hosts=provider_hosts,
                   messages=list(message_rules.values()), places=places, senders=senders,
                   place_rules=list(place_rules.values()), verifications=verifications, host_groups=host_groups,
                   basic_users=tuple(basic_users.values()), request_anchor_checks=tuple(anchor_checks.values()))
