"""The secret rule: its model, its parsing from one YAML mapping, and its anchoring check.

Every mistake a rule author can make in one rule (unknown field, bad pattern, no ``secret``
group, no keyword) is one :class:`RuleError` line naming file, rule and problem, because rule
packs are written by users who should not have to read a traceback.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterable, Iterator

from keyaudit.model.vocabulary import CATEGORIES, CONFIDENCES, SEVERITIES, RuleInfo
from keyaudit.rulebook.anchor_checks import AnchorCheck
from keyaudit.rulebook.basic_users import BasicUser
from keyaudit.rulebook.context import ContextSpec, parse_context
from keyaudit.rulebook.environments import KeyEnvironment, parse_environment
from keyaudit.rulebook.errors import RuleError
from keyaudit.rulebook.header_names import RecordHeaders, record_headers
from keyaudit.rulebook.messages import MessageRule
from keyaudit.rulebook.metadata import parse_references, parse_remediation
from keyaudit.rulebook.place_rules import PlaceRule
from keyaudit.rulebook.places import Place, Sender
from keyaudit.rulebook.requests import RequestRule
from keyaudit.rulebook.registry import VALIDATORS
from keyaudit.rulebook.verification import VerificationSpec

if TYPE_CHECKING:  # compiled on first use: a clean pre-commit run never needs the regex module
    import regex

_REQUIRED = ("id", "title", "provider", "category", "severity", "keywords", "pattern")
_OPTIONAL = (
    "confidence",
    "description",
    "validator",
    "context",
    "captures_secret",
    "code_only",
    "line_wrapped",
    "examples",
    "negative_examples",
    "references",
    "remediation",
    "signing_key_severity",
    "table",
    "environment",
)
_TABLE_FIELDS = ("column", "rows", "separator", "provider")
_NAME_GROUP = re.compile(r"\(\?P<name>")  # the name a ``name`` or flow piece of context reads
TABLE_ROWS = ("lines", "tuples")  # each following line a row (CSV, TSV, COPY); SQL ``(…), (…)``


@dataclass(frozen=True)
class TableSpec:
    """A table rule: its pattern matches a table's header, whose group ``columns`` lists the
    column names (split on tabs, ``;``, ``|`` or ``,``, whichever the list uses); the secret is
    in the rows after it, in the column whose name ``column`` matches whole.

    One mechanism for every form that names a value in one place and gives it in another by
    position: a CSV or TSV header and its lines, ``COPY t (…) FROM stdin`` and its tab-separated
    lines, ``INSERT INTO t (…) VALUES`` and its tuples. A row with another number of cells ends
    the table, which is what keeps a line of prose with commas from being read as one.
    """

    column_text: str
    rows: str  # one of TABLE_ROWS
    separator: str | None = None  # rows of lines: the cell separator; None: the header's
    # A table of several providers' secrets names whose a row's is in another cell (a `provider`
    # column): (that column's name, the value that makes the row's secret this rule's), or None.
    provider_texts: tuple[str, str] | None = None

    @functools.cached_property
    def column(self) -> "regex.Pattern[str]":
        import regex

        return regex.compile(self.column_text)

    @functools.cached_property
    def provider(self) -> "tuple[regex.Pattern[str], regex.Pattern[str]] | None":
        """The provider column's name and the value a row's cell there must have, compiled."""
        import regex

        return None if self.provider_texts is None else (regex.compile(self.provider_texts[0]),
                                                         regex.compile(self.provider_texts[1]))


@dataclass(frozen=True, kw_only=True)
class Rule(RuleInfo):
    """One secret rule. ``pattern`` is compiled for bytes: input is never decoded to scan.

    Compiled on first use: most rules never get past the prefilter in a pre-commit run, and
    compiling every pattern up front costs more than scanning a handful of files.
    """

    keywords: tuple[str, ...]
    pattern_text: str
    validator: str | None = None
    context: ContextSpec | None = None
    captures_secret: bool = True
    # In source code, a hit in a comment or a docstring is no finding: prose names a URL or a
    # setting, code uses it (see keyaudit.run.code_prose).
    code_only: bool = False
    # Its keys are longer than the widths loggers wrap lines at: a candidate cut by its line's end
    # is joined with the lines that go on with it (see keyaudit.engine.wrapped_lines).
    line_wrapped: bool = False
    # The severity of a finding whose private key is the private half of a ``--public-key``.
    signing_key_severity: str | None = None
    table: TableSpec | None = None
    environment: KeyEnvironment | None = None  # which environment its keys are of (rule data)

    @functools.cached_property
    def pattern(self) -> "regex.Pattern[bytes]":
        return compile_pattern(self.pattern_text)


@dataclass
class RuleSet:
    """The rules in force for one scan, in a stable order: secret rules, request rules, and the
    message rules that secret findings in e-mail and chat messages become."""

    rules: list[Rule] = field(default_factory=list)
    requests: list[RequestRule] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # about user rules, one line each, for the user
    # Literals the engine reports where they occur: the lines around them are read as requests —
    # a whole request around a request anchor (a transfer path, a signature header), the record's
    # own lines around a record anchor (a provider host).
    request_anchors: tuple[str, ...] = ()
    record_anchors: tuple[str, ...] = ()
    # Literals whose presence says a file writes requests out at all (curl, wire dumps, …).
    request_markers: tuple[str, ...] = ()
    # The providers' API hosts, by provider: the evidence of ``provider_host`` contexts.
    provider_hosts: dict[str, tuple[str, ...]] = field(default_factory=dict)
    messages: list[MessageRule] = field(default_factory=list)
    # Where files and hosts end up (``places:``), who sends requests (``senders:``), and the place
    # rules that secret findings in a place's files become.
    places: dict[str, Place] = field(default_factory=dict)
    senders: dict[str, Sender] = field(default_factory=dict)
    place_rules: list[PlaceRule] = field(default_factory=list)
    # How each provider is asked whether a key works (``--verify``), by provider: shipped rules only.
    verifications: dict[str, VerificationSpec] = field(default_factory=dict)
    # The same hosts in the named groups (environments) rule files give them: provider -> group -> hosts.
    host_groups: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)
    # Providers whose tokens travel as HTTP Basic user names (``basic_auth``).
    basic_users: tuple[BasicUser, ...] = ()
    # Request headers a record may log one field each, beyond those the request rules and senders
    # name (where a provider's credential travels): see :mod:`~keyaudit.rulebook.header_names`.
    header_names: tuple[str, ...] = ()
    # The members a trace export holds its spans under (``resourceSpans``, ``spans``…): each span is a request of
    # its own, however few the lists around it hold (see :mod:`~keyaudit.rulebook.header_names`).
    span_lists: tuple[str, ...] = ()
    # How a change stream names a change's kind and table (see :mod:`~keyaudit.rulebook.change_streams`).
    change_streams: tuple[str, ...] = ()
    # Where a request anchor's occurrence counts (a header's name, not a message's word).
    request_anchor_checks: tuple[AnchorCheck, ...] = ()

    @property
    def every(self) -> list[RuleInfo]:
        """Every rule of every kind: what ``rules list`` prints and reports describe."""
        return [*self.rules, *self.requests, *self.messages, *self.place_rules]

    def __iter__(self) -> Iterator[Rule]:
        return iter(self.rules)

    def __len__(self) -> int:
        return len(self.rules)

    def every_provider_host(self) -> frozenset[str]:
        """Every host the rule files name for a provider: a request sent to one is judged by its provider's scheme."""
        return frozenset(host for hosts in self.provider_hosts.values() for host in hosts)

    def without(self, rule_ids: Iterable[str]) -> "RuleSet":
        """The rules but those of ``rule_ids`` (``--disable``); an id no rule has is a
        :class:`RuleError`: a typo would leave on the rule it meant to turn off, and say nothing."""
        dropped = set(rule_ids)
        known = {r.id for group in (self.rules, self.requests, self.messages, self.place_rules) for r in group}
        if unknown := sorted(dropped - known):
            raise RuleError("disable", None, f"no rule has the id {', '.join(map(repr, unknown))} "
                                             "(`keyaudit rules list` names them)")
        return RuleSet([r for r in self.rules if r.id not in dropped],
                       [r for r in self.requests if r.id not in dropped], self.warnings,
                       self.request_anchors, self.record_anchors, self.request_markers, self.provider_hosts,
                       [r for r in self.messages if r.id not in dropped], places=self.places, senders=self.senders,
                       place_rules=[r for r in self.place_rules if r.id not in dropped],
                       verifications=self.verifications, host_groups=self.host_groups, basic_users=self.basic_users,
                       header_names=self.header_names, request_anchor_checks=self.request_anchor_checks,
                       span_lists=self.span_lists, change_streams=self.change_streams)

    @functools.cached_property
    def record_headers(self) -> RecordHeaders:
        """The header names a record's own fields are read as (see
        :mod:`~keyaudit.rulebook.header_names`), worked out once a scan."""
        return record_headers(self.requests, self.senders.values(), self.header_names, self.span_lists,
                              self.change_streams)


def anchoring_warning(rule: Rule) -> str | None:
    """One line naming the examples a rule matches without any of its keywords in the match, or
    None when every match holds one.

    Engines run a rule only around its keywords; a match that does not itself contain one is
    found only by the accident of a keyword nearby, and costs a regex pass wherever the keyword
    is common.
    """
    loose = []
    for index, text in enumerate(rule.examples):
        data = text.encode("utf-8")
        spans = [data[m.start() : m.end()].lower() for m in rule.pattern.finditer(data)]
        if spans and not any(keyword.encode() in span for span in spans for keyword in rule.keywords):
            loose.append(str(index + 1))
    if not loose:
        return None
    examples = f"example {loose[0]} matches" if len(loose) == 1 else f"examples {', '.join(loose)} match"
    return (f"{rule.source}: rule {rule.id!r}: {examples} text without any of its keywords: "
            "the prefilter cannot anchor this pattern")


def _string_list(value: Any, path: str, rule_id: str, name: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RuleError(path, rule_id, f"'{name}' must be a list of strings")
    return tuple(value)


def compile_pattern(text: str) -> "regex.Pattern[bytes]":
    """A rule pattern compiled for bytes (input is never decoded to scan)."""
    import regex

    return regex.compile(text.encode("utf-8"))


def _checked_pattern(text: Any, path: str, rule_id: str, what: str, verify: bool) -> "regex.Pattern[bytes] | None":
    """Check that ``text`` is a non-empty string and, with ``verify``, compile it (the compiled
    pattern is returned for further checks; without ``verify``, None: compiled on first use)."""
    if not isinstance(text, str) or not text:
        raise RuleError(path, rule_id, f"'{what}' must be a non-empty string")
    if not verify:
        return None
    import regex

    try:
        return compile_pattern(text)
    except regex.error as exc:
        raise RuleError(path, rule_id, f"{what} does not compile: {exc}") from None


def _choice(raw: dict[str, Any], name: str, allowed: tuple[str, ...], path: str, rule_id: str) -> str:
    value = raw[name]
    if value not in allowed:
        raise RuleError(path, rule_id, f"'{name}' is {value!r}; expected one of {', '.join(allowed)}")
    return value


def parse_rule(raw: Any, path: str, verify: bool = True) -> Rule:
    """Build a :class:`Rule` from one YAML mapping, or raise a :class:`RuleError`."""
    if not isinstance(raw, dict):
        raise RuleError(path, None, "each entry under 'rules' must be a mapping")
    rule_id = raw.get("id")
    if not isinstance(rule_id, str) or not rule_id:
        raise RuleError(path, None, "a rule has no 'id'")
    unknown = sorted(set(raw) - set(_REQUIRED) - set(_OPTIONAL))
    if unknown:
        raise RuleError(path, rule_id, f"unknown field {unknown[0]!r}")
    missing = [name for name in _REQUIRED if name not in raw]
    if missing:
        raise RuleError(path, rule_id, f"missing field {missing[0]!r}")
    raw = {"confidence": "medium", **raw}
    keywords = _string_list(raw["keywords"], path, rule_id, "keywords")
    if not keywords or not all(k.strip() for k in keywords):
        raise RuleError(path, rule_id, "needs at least one literal keyword (the prefilter)")
    pattern = _checked_pattern(raw["pattern"], path, rule_id, "pattern", verify)  # shipped: by the test suite
    table = _parse_table(raw.get("table"), path, rule_id, verify)
    group = "secret" if table is None else "columns"
    if pattern is not None and group not in pattern.groupindex:
        raise RuleError(path, rule_id, f"pattern has no named group {group!r}")
    signing_key_severity = raw.get("signing_key_severity")
    if signing_key_severity is not None:
        signing_key_severity = _choice(raw, "signing_key_severity", SEVERITIES, path, rule_id)
    validator = raw.get("validator")
    if validator is not None and validator not in VALIDATORS:
        raise RuleError(path, rule_id, f"unknown validator {validator!r}; known: {', '.join(VALIDATORS)}")
    return Rule(
        id=rule_id,
        title=str(raw["title"]),
        provider=str(raw["provider"]),
        category=_choice(raw, "category", CATEGORIES, path, rule_id),
        severity=_choice(raw, "severity", SEVERITIES, path, rule_id),
        confidence=_choice(raw, "confidence", CONFIDENCES, path, rule_id),
        keywords=tuple(k.lower() for k in keywords),
        pattern_text=raw["pattern"],
        source=path,
        description=str(raw.get("description", "")).strip(),
        validator=validator,
        context=parse_context(raw.get("context"), path, rule_id, verify, bool(_NAME_GROUP.search(raw["pattern"]))),
        captures_secret=bool(raw.get("captures_secret", True)),
        code_only=bool(raw.get("code_only", False)),
        line_wrapped=bool(raw.get("line_wrapped", False)),
        signing_key_severity=signing_key_severity,
        table=table,
        environment=parse_environment(raw.get("environment"), path, rule_id, pattern),
        examples=_string_list(raw.get("examples", []), path, rule_id, "examples"),
        negative_examples=_string_list(raw.get("negative_examples", []), path, rule_id, "negative_examples"),
        references=parse_references(raw.get("references"), path, rule_id),
        remediation=parse_remediation(raw.get("remediation"), path, rule_id),
    )


def _parse_table(raw: Any, path: str, rule_id: str, verify: bool) -> TableSpec | None:
    if raw is None:
        return None
    if not isinstance(raw, dict) or "column" not in raw or "rows" not in raw:
        raise RuleError(path, rule_id, "'table' must be a mapping with a 'column' and 'rows'")
    unknown = sorted(set(raw) - set(_TABLE_FIELDS))
    if unknown:
        raise RuleError(path, rule_id, f"unknown field 'table.{unknown[0]}'")
    if raw["rows"] not in TABLE_ROWS:
        raise RuleError(path, rule_id, f"'table.rows' is {raw['rows']!r}; expected one of {', '.join(TABLE_ROWS)}")
    separator = raw.get("separator")
    if separator is not None and (not isinstance(separator, str) or len(separator) != 1 or raw["rows"] != "lines"):
        raise RuleError(path, rule_id, "'table.separator' must be one character, for rows of lines")
    if not isinstance(raw["column"], str) or not raw["column"]:
        raise RuleError(path, rule_id, "'table.column' must be a non-empty string")
    provider = raw.get("provider")
    if provider is not None and (not isinstance(provider, dict) or set(provider) != {"column", "value"}
                                 or not all(isinstance(text, str) and text for text in provider.values())):
        raise RuleError(path, rule_id, "'table.provider' must be a mapping of a 'column' and a 'value' pattern")
    texts = {"table.column": raw["column"], **{f"table.provider.{key}": text for key, text in (provider or {}).items()}}
    if verify:
        import regex

        for field_name, text in texts.items():
            try:
                regex.compile(text)
            except regex.error as exc:
                raise RuleError(path, rule_id, f"{field_name} does not compile: {exc}") from None
    return TableSpec(raw["column"], raw["rows"], separator,
                     (provider["column"], provider["value"]) if provider else None)
