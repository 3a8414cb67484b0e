"""Context as data: the evidence a rule's hit needs before it is a finding, where each piece may
be found, and how much each piece weighs.

A 32-hex iugu token looks like any hash, so whether a hit counts depends on what surrounds it:
an SDK call in the same file says more than the provider's name in the file's path. A rule's
``context`` lists pieces of evidence, each a pattern (or the provider hosts of the rule files)
looked for in one scope (``provider_host: true`` for any provider's, or a provider's name),
with a strength; a hit becomes a finding when the pieces found add up
to ``requires``, and no piece of ``against`` (evidence that the hit is something else: a host of
its own environment, a name that says hash) is found; a context of pieces ``against`` alone asks
for nothing but that none of them is found (a URL in a comment is no call). The scopes:

``line``    the hit's line;
``lines``   the hit's line and ``lines`` lines before and after it;
``window``  ``bytes`` bytes before and after the match (the first form rules had);
``record``  the record the hit is in: a one-line JSON record, the call or object around it (and
            the object around that object), else its block (an indented block, an INI or TOML
            section, a paragraph of lines);
``file``    the text one work unit reads: provider hosts anywhere in it, chunks away; a pattern
            in the mebibyte buffer the hit is in (the whole file, up to a mebibyte);
``path``    the path of the file, as reported;
``name``    the name the rule's group ``name`` is part of (the group may mark only its
            keyword: the engine widens it over name characters), split into its parts
            (``apiToken``, ``API_TOKEN``, ``api-token`` are all ``_api_token_``).

A pattern holding ``{name}`` is a flow: it is looked for with the captured name in its place
(``Iugu\\({name}\\)``: the constant is passed to the SDK). ``gate`` lists literals one of which
must be in the buffer for the rule to run at all (in lower, upper or title case), or in the file's
name, or be the name of its folder (`config/iugu.yml`: see :func:`keyaudit.engine.line_gates.path_gates`):
what keeps a rule that matches common names cheap on text that never mentions its provider.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from keyaudit.rulebook.errors import RuleError

if TYPE_CHECKING:
    import regex

SCOPES = ("line", "lines", "window", "record", "file", "path", "name")
DEFAULT_CONTEXT_WINDOW = 256
MAX_CONTEXT_WINDOW = 4096  # the overlap kept between chunks: context beyond it is not seen
MAX_CONTEXT_LINES = 50
MAX_STRENGTH = 10
NAME_PLACEHOLDER = "{name}"
ANY_PROVIDER = "*"
_EVIDENCE_FIELDS = ("name", "scope", "strength", "pattern", "provider_host", "lines", "bytes", "unless")
_CONTEXT_FIELDS = ("requires", "gate", "evidence", "against")
_LEGACY_FIELDS = ("pattern", "window", "provider_host")
# Where a provider host must occur for the first form's ``provider_host`` context: only the file.
LEGACY_PROVIDER_HOST_SCOPES = ("file",)
_WORD = re.compile(r"[A-Z]+[0-9]*(?![a-z])|[A-Z]?[a-z]+[0-9]*|[0-9]+")  # digits stay with their word: md5, sha256


def name_parts(name: str) -> str:
    """``name`` as its parts, lower case, each between underscores: ``_api_token_`` for
    ``apiToken``, ``API_TOKEN``, ``api-token``, ``ApiToken`` and ``api.token`` alike, so a
    pattern names parts (``_token_``) instead of spellings. Digits stay with the word they
    follow (``_md5_``, ``_sha256_``)."""
    return "_" + "_".join(word.lower() for word in _WORD.findall(name)) + "_"


@dataclass(frozen=True)
class Evidence:
    """One piece of evidence: what it is called in a finding, where it is looked for, what it
    weighs. A ``provider_host`` piece gets its pattern from the rule files' hosts (the loader
    binds it: ``hosts`` is then every (host, provider))."""

    name: str
    scope: str
    strength: int = 1
    pattern_text: str = ""
    provider_host: str | None = None  # whose hosts: a provider's, or ANY_PROVIDER's; None: a pattern
    reach: int = 0  # lines (scope ``lines``) or bytes (scope ``window``) on each side of the hit
    hosts: tuple[tuple[str, str], ...] = ()
    # A piece against a hit that stops counting where one of these evidence pieces is found: the value is passed to
    # the provider's own SDK, so a name that says another product's is a misnomer, not another product's token.
    unless: tuple[str, ...] = ()

    @property
    def flows(self) -> bool:
        """Whether the pattern names the captured name: looked for once the name is known."""
        return NAME_PLACEHOLDER in self.pattern_text

    @functools.cached_property
    def pattern(self) -> "regex.Pattern[bytes]":
        import regex

        return regex.compile(self.pattern_text.encode("utf-8"))

    def pattern_for(self, name: str) -> "regex.Pattern[bytes]":
        """A flow's pattern with ``name`` (escaped) in place of ``{name}``."""
        return _flow_pattern(self.pattern_text, name)


@functools.lru_cache(maxsize=1024)
def _flow_pattern(text: str, name: str) -> "regex.Pattern[bytes]":
    """Compiled once a name: asked at every hit of the rule, and a hit's name is most often the last one's (the
    ``regex`` module's own cache hashed the whole pattern's text again each time: a log with a key on every line
    spent a fifth of its context's time there)."""
    import regex

    return regex.compile(text.replace(NAME_PLACEHOLDER, regex.escape(name)).encode("utf-8"))


@dataclass(frozen=True)
class ContextSpec:
    """A rule's context: the pieces that count for a hit, those that count against it, the
    strength a finding needs, and the literals without which the rule does not run."""

    evidence: tuple[Evidence, ...]
    against: tuple[Evidence, ...] = ()
    requires: int = 1
    gate: tuple[str, ...] = ()

    @property
    def pieces(self) -> tuple[Evidence, ...]:
        return (*self.evidence, *self.against)

    @functools.cached_property
    def gate_literals(self) -> tuple[bytes, ...]:
        """The gate's literals as they are looked for: lower, upper and title case."""
        return tuple(dict.fromkeys(form.encode("utf-8") for word in self.gate
                                   for form in (word.lower(), word.upper(), word.title())))


def _int(raw: dict[str, Any], key: str, low: int, high: int, default: int, where: str, path: str,
         rule_id: str) -> int:
    value = raw.get(key, default)
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise RuleError(path, rule_id, f"'{where}.{key}' must be a whole number from {low} to {high}")
    return value


def _check_pattern(text: str, where: str, path: str, rule_id: str, verify: bool) -> None:
    if not verify:
        return
    import regex

    try:
        regex.compile(text.replace(NAME_PLACEHOLDER, "n").encode("utf-8"))
    except regex.error as exc:
        raise RuleError(path, rule_id, f"{where} does not compile: {exc}") from None


def _parse_evidence(raw: Any, where: str, path: str, rule_id: str, verify: bool) -> Evidence:
    if not isinstance(raw, dict):
        raise RuleError(path, rule_id, f"each entry of '{where}' must be a mapping")
    unknown = sorted(set(raw) - set(_EVIDENCE_FIELDS))
    if unknown:
        raise RuleError(path, rule_id, f"unknown field '{where}.{unknown[0]}'")
    name, scope = raw.get("name"), raw.get("scope")
    if not isinstance(name, str) or not name:
        raise RuleError(path, rule_id, f"every piece of '{where}' needs a 'name' (reported on findings)")
    if scope not in SCOPES:
        raise RuleError(path, rule_id, f"'{where}.scope' of {name!r} is {scope!r}; expected one of {', '.join(SCOPES)}")
    has_pattern, host = "pattern" in raw, raw.get("provider_host")
    if host is not None and (host is False or not isinstance(host, (bool, str)) or not host
                             or scope in ("path", "name")):
        raise RuleError(path, rule_id, f"'{where}.provider_host' of {name!r} must be true (any provider's hosts) "
                                       "or a provider's name, in a scope of text")
    if has_pattern == (host is not None):
        raise RuleError(path, rule_id, f"{where} {name!r} needs either a 'pattern' or a 'provider_host'")
    pattern = raw.get("pattern", "")
    if has_pattern:
        if not isinstance(pattern, str) or not pattern:
            raise RuleError(path, rule_id, f"'{where}.pattern' of {name!r} must be a non-empty string")
        _check_pattern(pattern, f"{where} {name!r}", path, rule_id, verify)
    reach = 0
    if scope == "lines":
        reach = _int(raw, "lines", 1, MAX_CONTEXT_LINES, 3, where, path, rule_id)
    elif scope == "window":
        reach = _int(raw, "bytes", 1, MAX_CONTEXT_WINDOW, DEFAULT_CONTEXT_WINDOW, where, path, rule_id)
    if ("lines" in raw and scope != "lines") or ("bytes" in raw and scope != "window"):
        raise RuleError(path, rule_id, f"{where} {name!r}: 'lines' is for scope lines, 'bytes' for scope window")
    strength = _int(raw, "strength", 1, MAX_STRENGTH, 1, where, path, rule_id)
    unless = raw.get("unless", [])
    if not isinstance(unless, list) or not all(isinstance(item, str) and item for item in unless):
        raise RuleError(path, rule_id, f"'{where}.unless' of {name!r} must be a list of evidence names")
    return Evidence(name, scope, strength, pattern, ANY_PROVIDER if host is True else host, reach,
                    unless=tuple(unless))


def _legacy(raw: dict[str, Any], path: str, rule_id: str, verify: bool) -> ContextSpec:
    """The first forms: ``{pattern, window}`` (a byte window) and ``{provider_host: file}``."""
    unknown = sorted(set(raw) - set(_LEGACY_FIELDS))
    if unknown:
        raise RuleError(path, rule_id, f"unknown field 'context.{unknown[0]}'")
    if "provider_host" in raw:
        if raw["provider_host"] not in LEGACY_PROVIDER_HOST_SCOPES or set(raw) != {"provider_host"}:
            raise RuleError(path, rule_id, "'context.provider_host' must be one of "
                                           f"{', '.join(LEGACY_PROVIDER_HOST_SCOPES)}, and stands alone (the hosts "
                                           "come from the rule files' provider_hosts)")
        return ContextSpec((Evidence("provider-host", "file", provider_host=ANY_PROVIDER),))
    window = raw.get("window", DEFAULT_CONTEXT_WINDOW)
    if not isinstance(window, int) or not 0 < window <= MAX_CONTEXT_WINDOW:
        raise RuleError(path, rule_id, f"'context.window' must be a number of bytes from 1 to {MAX_CONTEXT_WINDOW}")
    if not isinstance(raw["pattern"], str) or not raw["pattern"]:
        raise RuleError(path, rule_id, "'context.pattern' must be a non-empty string")
    _check_pattern(raw["pattern"], "context.pattern", path, rule_id, verify)
    return ContextSpec((Evidence("context", "window", 1, raw["pattern"], reach=window),))


def _check_unless(evidence: tuple[Evidence, ...], against: tuple[Evidence, ...], path: str, rule_id: str) -> None:
    """``unless`` belongs to pieces against a hit, and names pieces of evidence a pattern finds: a piece that waits
    for the end of the file (a provider host) would leave a verdict open that is already given."""
    patterned = {piece.name for piece in evidence if not piece.provider_host}
    for piece in evidence:
        if piece.unless:
            raise RuleError(path, rule_id, f"'unless' of {piece.name!r} is for pieces of 'against'")
    for piece in against:
        if piece.unless and piece.provider_host:
            raise RuleError(path, rule_id, f"'unless' of {piece.name!r}: a provider_host piece cannot be waived")
        missing = [name for name in piece.unless if name not in patterned]
        if missing:
            raise RuleError(path, rule_id, f"'unless' of {piece.name!r} names {missing[0]!r}, which is no "
                                           "piece of 'evidence' with a pattern")


def parse_context(raw: Any, path: str, rule_id: str, verify: bool, has_name: bool | None) -> ContextSpec | None:
    """A rule's ``context``, in either form, or a :class:`RuleError`. ``has_name`` says whether
    the rule's pattern has a group ``name`` (None: not known, the pattern is not compiled)."""
    if raw is None:
        return None
    if not isinstance(raw, dict) or not raw:
        raise RuleError(path, rule_id, "'context' must be a mapping with 'evidence' (or the older 'pattern' "
                                       "or 'provider_host')")
    if "evidence" not in raw and ("pattern" in raw or "provider_host" in raw):
        return _legacy(raw, path, rule_id, verify)
    unknown = sorted(set(raw) - set(_CONTEXT_FIELDS))
    if unknown:
        raise RuleError(path, rule_id, f"unknown field 'context.{unknown[0]}'")
    pieces = []
    for key in ("evidence", "against"):
        value = raw.get(key, [])
        if not isinstance(value, list):
            raise RuleError(path, rule_id, f"'context.{key}' must be a list")
        pieces.append(tuple(_parse_evidence(item, f"context.{key}", path, rule_id, verify) for item in value))
    evidence, against = pieces
    _check_unless(evidence, against, path, rule_id)
    if not evidence and not against:
        raise RuleError(path, rule_id, "'context' needs a piece of 'evidence' or of 'against'")
    if has_name is False and any(piece.scope == "name" or piece.flows for piece in (*evidence, *against)):
        raise RuleError(path, rule_id, "context evidence of scope 'name' or with '{name}' needs a group 'name' "
                                       "in the pattern")
    total = sum(piece.strength for piece in evidence)
    least = 1 if evidence else 0  # pieces against alone ask for no evidence: only that none of them is found
    requires = _int(raw, "requires", least, MAX_STRENGTH * len(evidence), least, "context", path, rule_id)
    if requires > total:
        raise RuleError(path, rule_id, f"'context.requires' is {requires}, more than all its evidence weighs ({total})")
    gate = raw.get("gate", [])
    if not isinstance(gate, list) or not all(isinstance(word, str) and word.strip() for word in gate):
        raise RuleError(path, rule_id, "'context.gate' must be a list of non-empty strings")
    return ContextSpec(evidence, against, requires, tuple(gate))
