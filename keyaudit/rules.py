"""Rules as data: the model, loading from YAML with one-line errors, and the example checks.

A rule file is YAML with a top-level ``rules:`` list. Every mistake a rule author can make
(YAML syntax, unknown field, bad pattern, no ``secret`` group, no keyword) is reported as one
:class:`RuleError` line naming file, rule and problem, because rule packs are written by users
who should not have to read a traceback.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator


from keyaudit.cache import read_entry, write_entry
from keyaudit.errors import RuleError
from keyaudit.findings import CATEGORIES, CONFIDENCES, SEVERITIES, RuleInfo
from keyaudit.request_rules import RequestRule, parse_request_rule
from keyaudit.validators import VALIDATORS

if TYPE_CHECKING:  # compiled on first use: a clean pre-commit run never needs the regex module
    import regex

_PARSED_FORMAT = "1"  # bump when what is cached for a rule file changes
_REQUIRED = ("id", "title", "provider", "category", "severity", "keywords", "pattern")
_OPTIONAL = (
    "confidence",
    "description",
    "validator",
    "context",
    "captures_secret",
    "examples",
    "negative_examples",
    "references",
)
_CONTEXT_FIELDS = ("pattern", "window")
DEFAULT_CONTEXT_WINDOW = 256
MAX_CONTEXT_WINDOW = 4096  # the overlap kept between chunks: context beyond it is not seen


@dataclass(frozen=True)
class ContextRequirement:
    """Text that must appear near a hit for it to count (e.g. ``iugu`` near a bare hex token)."""

    pattern_text: str
    window: int

    @functools.cached_property
    def pattern(self) -> "regex.Pattern[bytes]":
        return compile_pattern(self.pattern_text)


@dataclass(frozen=True, kw_only=True)
class Rule(RuleInfo):
    """One secret rule. ``pattern`` is compiled for bytes: input is never decoded to scan.

    Compiled on first use: most rules never get past the prefilter in a pre-commit run, and
    compiling every pattern up front costs more than scanning a handful of files.
    """

    keywords: tuple[str, ...]
    pattern_text: str
    validator: str | None = None
    context: ContextRequirement | None = None
    captures_secret: bool = True

    @functools.cached_property
    def pattern(self) -> "regex.Pattern[bytes]":
        return compile_pattern(self.pattern_text)


@dataclass
class RuleSet:
    """The rules in force for one scan, in a stable order: secret rules and request rules."""

    rules: list[Rule] = field(default_factory=list)
    requests: list[RequestRule] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # about user rules, one line each, for the user

    def __iter__(self) -> Iterator[Rule]:
        return iter(self.rules)

    def __len__(self) -> int:
        return len(self.rules)

    def without(self, rule_ids: Iterable[str]) -> "RuleSet":
        dropped = set(rule_ids)
        return RuleSet([r for r in self.rules if r.id not in dropped],
                       [r for r in self.requests if r.id not in dropped], self.warnings)


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


def shipped_rules_dir() -> Path:
    """The shipped rule pack: ``keyaudit/rules`` in a wheel, the repository's ``rules/`` otherwise.

    Found beside this module, which is where ``importlib.resources`` would look for a package on
    disk, without importing it (and ``tempfile`` and ``shutil`` with it) on every start.
    """
    packaged = Path(__file__).parent / "rules"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "rules"


def _rule_files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())
    if path.is_file():
        return [path]
    raise RuleError(str(path), None, "no such rule file or folder")


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
    if pattern is not None and "secret" not in pattern.groupindex:
        raise RuleError(path, rule_id, "pattern has no named group 'secret'")
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
        context=_parse_context(raw.get("context"), path, rule_id, verify),
        captures_secret=bool(raw.get("captures_secret", True)),
        examples=_string_list(raw.get("examples", []), path, rule_id, "examples"),
        negative_examples=_string_list(raw.get("negative_examples", []), path, rule_id, "negative_examples"),
        references=_string_list(raw.get("references", []), path, rule_id, "references"),
    )


def _parse_context(raw: Any, path: str, rule_id: str, verify: bool) -> ContextRequirement | None:
    if raw is None:
        return None
    if not isinstance(raw, dict) or "pattern" not in raw:
        raise RuleError(path, rule_id, "'context' must be a mapping with a 'pattern'")
    unknown = sorted(set(raw) - set(_CONTEXT_FIELDS))
    if unknown:
        raise RuleError(path, rule_id, f"unknown field 'context.{unknown[0]}'")
    window = raw.get("window", DEFAULT_CONTEXT_WINDOW)
    if not isinstance(window, int) or not 0 < window <= MAX_CONTEXT_WINDOW:
        raise RuleError(path, rule_id, f"'context.window' must be a number of bytes from 1 to {MAX_CONTEXT_WINDOW}")
    _checked_pattern(raw["pattern"], path, rule_id, "context.pattern", verify)
    return ContextRequirement(raw["pattern"], window)


_ID_LINE = re.compile(r"""^\s*(?:-\s+)?id\s*:\s*["']?([^"'\s#]+)""")


def _rule_above(text: str, line: int) -> str | None:
    """The id of the rule a YAML error is in: the last ``id:`` at or above 0-based ``line``."""
    for candidate in reversed(text.splitlines()[: line + 1]):
        found = _ID_LINE.match(candidate)
        if found:
            return found.group(1)
    return None


def load_yaml(text: str) -> Any:
    """Safe YAML, through libyaml when PyYAML has it. Imported on first use: a run whose rule
    files are cached and that has no YAML configuration needs no YAML parser at all."""
    import yaml

    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def _parsed(text: str, name: str) -> Any:
    """The YAML document of a rule file, from the cache when this very text was parsed before.

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
    try:
        encoded = json.dumps(document)
    except (TypeError, ValueError):
        return document  # YAML-only values (dates, sets): not cached, the checks below report them
    if json.loads(encoded) == document:
        write_entry(entry, encoded.encode("utf-8"))
    return document


def load_file(path: Path, verify: bool = True) -> tuple[list[Rule], list[RequestRule]]:
    """Load one YAML rule file: its secret rules and its request rules.

    ``verify`` compiles every pattern now, to report a broken one as a rule error.
    """
    name = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(name, None, f"cannot read: {exc}") from None
    document = _parsed(text, name)
    if not isinstance(document, dict) or not (set(document) & {"rules", "request_rules"}):
        raise RuleError(name, None, "expected a mapping with a 'rules' or 'request_rules' list")
    unknown = sorted(set(document) - {"rules", "request_rules"})
    if unknown:
        raise RuleError(name, None, f"unknown top-level key {unknown[0]!r}")
    for key in ("rules", "request_rules"):
        if not isinstance(document.get(key, []), list):
            raise RuleError(name, None, f"'{key}' must be a list")
    rules = [parse_rule(raw, name, verify) for raw in document.get("rules", [])]
    requests = [parse_request_rule(raw, name, verify=verify) for raw in document.get("request_rules", [])]
    seen: set[str] = set()
    for rule in [*rules, *requests]:
        if rule.id in seen:
            raise RuleError(name, rule.id, "duplicate rule id in one file")
        seen.add(rule.id)
    return rules, requests


def load_rules(extra: Iterable[Path] = (), *, include_shipped: bool = True) -> RuleSet:
    """Shipped rules, then user rules; a user rule with a shipped id replaces it in place.

    The set's ``warnings`` has one line for each user rule in force whose examples match without
    any of its keywords (see :func:`anchoring_warning`), however many files loaded it.
    """
    secret_rules: dict[str, Rule] = {}
    request_rules: dict[str, RequestRule] = {}
    user_ids: set[str] = set()
    shipped = [shipped_rules_dir()] if include_shipped else []
    for source in shipped + list(extra):
        for path in _rule_files(source):
            rules, requests = load_file(path, verify=source not in shipped)
            secret_rules.update((rule.id, rule) for rule in rules)
            request_rules.update((rule.id, rule) for rule in requests)
            if source not in shipped:
                user_ids.update(rule.id for rule in rules)
    # Once per user rule in force; shipped rules are checked by the test suite, not at every start.
    warnings = [warning for rule in secret_rules.values()
                if rule.id in user_ids and (warning := anchoring_warning(rule)) is not None]
    return RuleSet(list(secret_rules.values()), list(request_rules.values()), warnings)
