"""Whether source code signs the request it sends through a call that does not show the headers it sets (see
:mod:`.source_requests`): a rule file's signer call (``signer_calls``: ``c.signRequest(req, body)``,
``_signer.Sign(request, json)``) or a function of the same file that sets a signing header, given first the
request, its builder or its headers. Such a request's headers are unknown, never absent: a false unsigned transfer
is worse than one missed (a pre-commit hook reads source trees).

Only calls so named sign: a name that merely mentions signing (``LogSigned(req)``, ``DumpSignature(req)``,
``warnMissingSignature(req)``) logs or warns, and a real unsigned transfer hid behind it. A helper counts where it
sets a signing header (``req.Header.Set("Signature", …)``), not where it only reads one; and a signer's call whose
result goes to another name (a digest stored: ``sig := sign(req, key)``) signs no request.
"""

from __future__ import annotations

import re
from typing import AbstractSet, Callable

from keyaudit.rulebook.header_names import folded

from .source_calls import written_calls
from .source_headers import HEADER_RECEIVER, headers_given
from .source_languages import Language
from .source_tokens import tokens
from .source_value_kinds import Call, Facts, Ref
from .source_values import facts, last_part

# a function's definition on its line: words before its name (a type, modifiers, `def`, Go's `func (c *Client)`),
# no `=` nor `.` (a call's line, an assignment's)
_DEFINITION = re.compile(r"\s*(?:func\s*\([^)]*\)\s*|[\w<>\[\],*&?:]+\s+)+([A-Za-z_]\w*)\s*\(")
_NO_DEFINITION = frozenset({"if", "for", "while", "switch", "catch", "foreach", "using", "lock", "return", "elif",
                            "with", "match", "await", "new", "throw", "yield", "else", "echo", "print", "raise"})


def helpers(lines: list[tuple[int, str]], lang: Language, required: AbstractSet[str]) -> frozenset[str]:
    """The names of the functions ``lines`` define that set a header of ``required`` (folded: ``signature``,
    ``requesttime``) — a line of theirs that gives it as a header, not one that reads it."""
    found, defined = set(), None
    for _, text in lines:
        if (definition := _DEFINITION.match(text)) and not {definition.group(0).split()[0],
                                                            definition.group(1)} & _NO_DEFINITION:
            defined = definition.group(1)
        elif defined is not None and defined not in found and any(name in folded(text) for name in required):
            headers, _ = headers_given(facts(written_calls(tokens(text, lang), lang)))
            if any(folded(name) in required for name, _ in headers):
                found.add(defined)
    return frozenset(found)


def signed(said: Facts, holds: Callable[[object], bool], signers: AbstractSet[str]) -> bool:
    """Whether a call of ``signers`` is given first the request (a name ``holds`` says holds it, or a part of
    one: ``req.Header``) or headers, its result bound to no other name than what it is given."""
    results = {(value.name, value.args): name for name, value, _ in said.bindings if isinstance(value, Call)}
    for name, call, _ in said.calls:
        first = call.args[0][1] if call.args and last_part(name) in signers else None
        if not isinstance(first, Ref):
            continue
        root = re.split(r"\.|->", first.name)[0]
        bound = results.get((name.lstrip("."), call.args))
        if (holds(first) or holds(Ref(root)) or HEADER_RECEIVER.search(last_part(first.name))) and bound in (
                None, first.name, root):
            return True
    return False
