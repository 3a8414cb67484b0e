"""The groups of a source file's lines a request is read from (see :mod:`.source_requests`), and what one group
tells the others: the constants it binds a URL to.

A group is the lines between boundaries: a declaration (``func``, ``def``, ``public``…) or a run of lines that
are no code. A class's fields (a name bound to one literal between its header and its first method) are read with
each of its methods that names them, and an absolute URL's field (Locust's ``host = "https://…"``, which its calls'
paths go to unnamed) with each method that writes no absolute URL of its own: a field naming another endpoint is
not the URL of a method that has one. No more of the class is, so no request is read twice. A constant in capitals
a group binds to an absolute URL (``const ASAAS_URL = "https://…";`` at a module's top) is known to the other groups
of the window that send it as a call's URL, which its literal does not anchor. A module's client set up once with a
base URL (httpx's ``client = httpx.Client(base_url=…, headers={…})``, axios' ``axios.create({ baseURL: … })``) is
read with each later group that calls a method of it: its base URL and headers are its calls' — unless an auth flow,
hooks or interceptors, in its construction or anywhere in the window, may add headers it does not show.
"""

from __future__ import annotations

import re
from typing import Iterator

from .source_files import GROUP_AFTER, GROUP_BEFORE
from .source_tokens import Token
from .source_value_kinds import Facts, Lit

ABSOLUTE_URL = re.compile(r"https?://[^\s/?#\"'<>]+[^\s\"'<>]*")
_PROSE_RUN = 5  # this many lines in a row that are no code end a group
_DECLARATION = re.compile(r"\s*(?:<\?php|#!|(?:(?:public|private|protected|internal|static|export|async|override|"
                          r"suspend|pub)\s+)*(?:func|def|class|function|fun|fn|sub|package|namespace|module|import)\b)")
_CLASS = re.compile(r"\s*(?:(?:public|private|protected|internal|static|export|abstract|final|data|open)\s+)*class\b")
# a class's field: a name (typed or not: ``host: str``, ``val host: String``, ``static final String HOST``) bound to
# one string literal, on a line of its own; a name is at most :data:`_FIELD_NAME_CHARS` long with its type and words
# (a lazy run of blanks after a greedy one over a whole line was quadratic: 40 KB of blanks, 12 s)
_FIELD_NAME = re.compile(r"\s*(?:[\w$@:<>\[\]. ]+?\s)??([\w$]+)\s*(?::[^:=]+)?")
_FIELD_VALUE = re.compile(r"""\s*[@$rRbBuUfF]{0,2}(["'`])[^"'`\\]*\1\s*;?\s*""")
_FIELD_NAME_CHARS = 200
_URL_OPTION = re.compile(r"(?i)url|uri|endpoint|base_?url")  # an option that names a call's URL (axios' `url:`)
# a line of code (a block comment's opening is the code's too: cut from it, the comment's lines would be read as code)
_CODE = re.compile(r"[(){}\[\];=]|^\s*[.)}\]]|[,:+.\\'\"`]\s*$|^\s*/\*")
# a module's client set up once with a base URL, at a line's start (httpx's `client = httpx.Client(base_url=…,
# headers={…})`, axios' `const api = axios.create({ baseURL: … })`): the name it is bound to
_CLIENT = re.compile(r"(?:(?:const|let|var|val|final)\s+)?([A-Za-z_$][\w$]*)\s*=\s*(?:new\s+)?[\w$.]+\(")
# its base URL option: an argument or a key (`base_url=`, `baseURL:`), no module's constant (`BASE_URL = …`)
_BASE_OPTION = re.compile(r"(?im)(?:^[ \t]+|[({,][ \t]*)[\"']?base_?(?:url|uri|address)\b[\"']?\s*[=:]")
# what adds to a client's requests what its construction does not show (a hook, an auth flow, an interceptor)
_CLIENT_HOOKS = r"(?:auth|event_hooks|hooks|transport|interceptors?|middleware|defaults|mount)\b"
_CONSTANT = re.compile(r"[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+")  # a constant's name: ASAAS_URL, PAYOUT_API_URL


def groups(lines: list[tuple[int, str]]) -> Iterator[list[tuple[int, str]]]:
    """The groups of ``lines``, each a method's with those of its class's fields it uses before it."""
    group: list[tuple[int, str]] = []
    clients: dict[str, list[tuple[int, str]]] = {}  # a module's clients: each name, and its statement group's lines
    members: list[tuple[str, tuple[int, str]]] = []  # the class's fields: each name, and its line
    given: list[tuple[str, tuple[int, str]]] = []  # the fields put before the group being read
    prose, margin, fields = 0, -1, False
    for item in lines:
        text = item[1]
        indent = len(text) - len(text.lstrip())
        if text.strip() and indent <= margin:  # the class's body has ended
            members, margin, fields = [], -1, False
        prose = prose + 1 if text.strip() and _CODE.search(text) is None else 0
        if (declared := _DECLARATION.match(text) is not None) or prose == _PROSE_RUN:
            yield _calling(clients, _used(given, group))
            _bind_client(group, lines, clients)
            group, given = [], list(members) if declared else []
            fields = declared and _CLASS.match(text) is not None
            if fields:
                members, margin = [], indent
        if prose < _PROSE_RUN:
            group.append(item)
            if fields and (name := _field(text)):
                members.append((name, item))
    yield _calling(clients, _used(given, group))


def _bind_client(group: list[tuple[int, str]], lines: list[tuple[int, str]],
                 clients: dict[str, list[tuple[int, str]]]) -> None:
    """Add to ``clients`` the name a module's statement ``group`` binds to a client it sets up with a base URL (a
    line of no indentation), unless it is given, there or anywhere in ``lines``, what may add headers its
    construction does not show (an auth flow, hooks, interceptors)."""
    bound = next((found.group(1) for _, text in group if (found := _CLIENT.match(text))), None)
    if bound is None or not _BASE_OPTION.search(text := "\n".join(line for _, line in group)):
        return
    hooked = re.compile(rf"(?i)(?:\b|(?<![\w$]){re.escape(bound)}\.){_CLIENT_HOOKS}\s*[=:(.]")
    if hooked.search(text) is None and not any(bound + "." in line and hooked.search(line) for _, line in lines):
        clients[bound] = group


def _calling(clients: dict[str, list[tuple[int, str]]], group: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """``group`` after the statements that set up each module's client it calls a method of (``client.post(…)``):
    the client's base URL and headers are its requests' too."""
    if not clients:  # (most windows: no module's client)
        return group
    text = "\n".join(line for _, line in group)
    called = [lines for name, lines in clients.items()
              if lines[0] not in group and re.search(rf"(?<![\w$.]){re.escape(name)}\.\w+\s*\(", text)]
    return [line for lines in called for line in lines] + group


def _field(text: str) -> str | None:
    """The name a class's field line binds to one string literal, or None."""
    names, equals, value = text.partition("=")
    if not equals or len(names) > _FIELD_NAME_CHARS or value.startswith(("=", ">")):
        return None
    name = _FIELD_NAME.fullmatch(names)
    return name.group(1) if name and _FIELD_VALUE.fullmatch(value) else None


def _used(given: list[tuple[str, tuple[int, str]]], group: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """``group`` after the fields of ``given`` it uses: those it names, and an absolute URL's where it writes none."""
    if not given:  # (most groups: no class's fields before them, nothing to join or look for)
        return group
    text = "\n".join(line for _, line in group)
    own_url = ABSOLUTE_URL.search(text) is not None
    return [line for name, line in given if re.search(rf"(?<![\w$]){re.escape(name)}(?![\w$])", text)
            or not own_url and ABSOLUTE_URL.search(line[1])] + group


def anchored_part(group: list[tuple[int, str]], anchored: set[int]) -> list[tuple[int, str]]:
    """The lines of ``group`` at most :data:`GROUP_BEFORE` lines before its first anchor and
    :data:`GROUP_AFTER` after its last (none where it holds no anchored line)."""
    numbers = [number for number, _ in group if number in anchored]
    if not numbers:
        return []
    return [item for item in group if numbers[0] - GROUP_BEFORE <= item[0] <= numbers[-1] + GROUP_AFTER]


def bind_constants(found: list[Token], constants: dict[str, str | None]) -> None:
    """Add to ``constants`` the names in capitals ``found`` assigns an absolute URL (``const ASAAS_URL =
    "https://…/v3/transfers";``, a module's or a class's constant, which a function further down sends to:
    the URL's literal anchors its own group, not the function's); a name assigned two URLs is None."""
    for index in range(len(found) - 2):
        name, sign, value = found[index : index + 3]
        if name.kind == "name" and _CONSTANT.fullmatch(name.text) and sign.text in ("=", ":=") \
                and value.kind == "string" and ABSOLUTE_URL.fullmatch(value.text):
            constants[name.text] = value.text if constants.get(name.text, value.text) == value.text else None


def constants_sent(found: list[Token], said: Facts, constants: dict[str, str | None]) -> dict[str, str]:
    """The file's constants a group that is no anchor's sends as a call's URL, whole (its first argument, or a
    ``url`` option: not a base a path is joined to, ``ASAAS_URL + "/x"``, nor a value a logger prints), bound in
    ``said`` where the group does not assign them itself."""
    bound = {name for name, _, _ in said.bindings}
    given = {token.text: url for index, token in enumerate(found) if token.kind == "name" and token.text not in bound
             and (url := constants.get(token.text)) and _as_url(found, index)}
    said.bindings += [(name, Lit(url), -1) for name, url in given.items()]
    return given


def _as_url(found: list[Token], index: int) -> bool:
    """Whether the name at ``index`` is given as a call's URL: its first argument or a ``url`` option, alone."""
    before = [token.text for token in found[max(index - 2, 0) : index]]
    after = found[index + 1].text if index + 1 < len(found) else ""
    return after not in ("+", ".") and (before[-1:] == ["("] or len(before) == 2 and before[1] in (":", "=", "=>")
                                        and _URL_OPTION.fullmatch(before[0]) is not None)
