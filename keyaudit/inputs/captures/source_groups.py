"""The groups of a source file's lines a request is read from (see :mod:`.source_requests`), and what one group
tells the others: the constants it binds a URL to.

A group is the lines between boundaries: a declaration (``func``, ``def``, ``public``…) or a run of lines that
are no code. A class's fields (a name bound to one literal between its header and its first method) are read with
each of its methods that names them, and an absolute URL's field (Locust's ``host = "https://…"``, which its calls'
paths go to unnamed) with each method that writes no absolute URL of its own: a field naming another endpoint is
not the URL of a method that has one. So is a class macro given string literals (HTTParty's ``base_uri 'https://…'``
and ``headers 'Name' => 'value'``, which set each request of the class). No more of the class is, so no request is
read twice. A constant in capitals a group binds to an absolute URL (``const ASAAS_URL = "https://…";`` at a
module's top) is known to the other groups of the window that send it as a call's URL, which its literal does not
anchor. A module's client set up once with a
base URL (httpx's ``client = httpx.Client(base_url=…, headers={…})``, axios' ``axios.create({ baseURL: … })``) is
read with each later group that calls a method of it: its base URL and headers are its calls' — unless an auth flow,
hooks or interceptors, in its construction or anywhere in the window, may add headers it does not show (a module's
client whose headers are set to a map written out right after it is bound, requests' ``session.headers.update({…})``,
is one too). So is an instance's client its class's constructor sets up with a base URL (Guzzle's
``$this->client = new Client(['base_uri' => …, 'headers' => […]])``), with each later method of that class that
calls a method of it (``$this->client->request('POST', '/v1/…', […])``). A base URL is where a client's paths go,
never a request's URL itself (:func:`client_bases`).
"""

from __future__ import annotations

import bisect
import re
from typing import AbstractSet, Iterator

from .source_constants import constants_named, module_constants
from .source_files import GROUP_AFTER, GROUP_BEFORE
from .source_tokens import Token
from .source_value_kinds import Facts, Lit
from .source_values import last_part, resolved

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
# a class macro given string literals alone, a line of its own (HTTParty's `base_uri 'https://…'`, `headers 'Name' =>
# 'value', …`): a field of its name, which the class's requests are sent with; each literal taken whole (atomic: the
# blanks between two could be split three ways, tried in every split on a line that fails — 8 literals, 14 s)
_MACRO = re.compile(r"""\s*([a-z_]\w*)((?>\s*,?\s*(["'])[^"'\\]*\3\s*(?:=>)?)+)\s*""")
_URL_OPTION = re.compile(r"(?i)url|uri|endpoint|base_?url")  # an option that names a call's URL (axios' `url:`)
# a line of code (a block comment's opening is the code's too: cut from it, the comment's lines would be read as code)
_CODE = re.compile(r"[(){}\[\];=]|^\s*[.)}\]]|[,:+.\\'\"`]\s*$|^\s*/\*")
_GIVEN_CHARS = 64 << 10  # the fields given to a window's groups beyond the characters of its lines
_WORD = re.compile(r"[\w$]+")  # a name a group writes (a field's, a constant's, is one)
# a module's client set up once with a base URL, at a line's start (httpx's `client = httpx.Client(base_url=…,
# headers={…})`, axios' `const api = axios.create({ baseURL: … })`): the name it is bound to; or an instance's
# member set up in its class's constructor (Guzzle's `$this->client = new Client(['base_uri' => …])`)
_MEMBER = r"(?:this\.|self\.|\$this->|@)"
_CLIENT = re.compile(rf"(?:(?:const|let|var|val|final)\s+|[ \t]*(?={_MEMBER}))?({_MEMBER}?[A-Za-z_$][\w$]*)\s*=\s*"
                     r"(?:new\s+)?[\w$.\\]+\(")
# its base URL option: an argument or a key (`base_url=`, `baseURL:`), no module's constant (`BASE_URL = …`)
BASE_NAME = r"base_?(?:url|uri|address)"  # what names a client's base URL: `base_url=`, `baseURL:`, `SetBaseURL(`
_BASE_OPTION = re.compile(rf"(?im)(?:^[ \t]+|[({{,][ \t]*)[\"']?{BASE_NAME}\b[\"']?\s*[=:]")
_BASE_NAMED = re.compile(rf"(?i){BASE_NAME}$")
# a client's headers set to a map written out, at a line's start: requests' `session.headers.update({`
_HEADERS_SET = re.compile(rf"\s*({_MEMBER}?[A-Za-z_$][\w$]*)(?:\.|->)headers\.update\(\s*\{{")
# what a method of is called: `client.post(`, `$this->client->request(`
_METHOD_CALLED = re.compile(rf"(?<![\w$.>])({_MEMBER}?[A-Za-z_$][\w$]*)(?:\.|->)\w+\s*\(")
# what may add to a client's requests what its construction does not show, by the option's or member's name
HOOK_OPTIONS = ("auth", "event_hooks", "hooks", "transport", "interceptors", "interceptor", "middleware", "defaults",
                "mount")
# what adds to a client's requests what its construction does not show (a hook, an auth flow, an interceptor), as a
# name or a quoted key; Guzzle's handler stack (a signing middleware is pushed on it) as its option's quoted key only,
# `'handler' => $stack` (a function named `handler` is a serverless entry point's, a route's)
_CLIENT_HOOKS = (rf"(?:(?:{'|'.join(HOOK_OPTIONS)})\b[\"']?"
                 r"|(?<=[\"'])handler[\"'])")
_CONSTANT = re.compile(r"[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+")  # a constant's name: ASAAS_URL, PAYOUT_API_URL
_CLOSER = re.compile(r"\s*(?:[)}\]]|end\b)")  # a line that closes the block above it at its own indentation


class _Fields:
    """A class's fields in order: their lines, where each name is bound, and which hold an absolute URL (or are a
    class macro's) with the characters those hold up to each (each field looked up by a group's names, not searched
    for in each group: a class of 2,000 fields and as many methods took 4 million regular expressions, and re's
    cache compiled none)."""

    def __init__(self) -> None:
        self.lines: list[tuple[int, str]] = []
        self.named: dict[str, list[int]] = {}
        self.urls: list[int] = []
        self.url_chars = [0]  # the characters of the first n URL fields' lines, for each n

    def add(self, name: str, item: tuple[int, str], macro: bool) -> None:
        self.named.setdefault(name, []).append(len(self.lines))
        if macro or ABSOLUTE_URL.search(item[1]):  # (a class macro's is given as a URL's: it sets the class's requests)
            self.urls.append(len(self.lines))
            self.url_chars.append(self.url_chars[-1] + len(item[1]))
        self.lines.append(item)


def groups(lines: list[tuple[int, str]]) -> Iterator[tuple[list[tuple[int, str]], list[tuple[int, str]]]]:
    """The groups of ``lines``, each the lines put before it and its own: a method's with those of its class's fields
    it uses before it (the module's constants it names, its clients' set-ups too: see :func:`_before`), while the
    fields so given add up to no more than :data:`_GIVEN_CHARS` and the characters of the lines read (each group
    is read whole: 700 URL fields of a class given to each of its 2,000 methods that writes no URL made 100 KB
    of a source file 30 s of reading; past that, a group is read alone)."""
    group: list[tuple[int, str]] = []
    clients: dict[str, list[tuple[int, str]]] = {}  # a module's clients: each name, and its statement group's lines
    constants = module_constants(lines)  # the names the module's top binds to values written out
    members = giver = _Fields()  # the class's fields; the fields of the class the group being read is in
    given = 0  # how many of those (the first) are put before it
    prose, margin, fields, allowance = 0, -1, False, _GIVEN_CHARS
    for item in lines:
        text = item[1]
        allowance += len(text)
        indent = len(text) - len(text.lstrip())
        if text.strip() and indent <= margin:  # the class's body has ended
            members, margin, fields = _Fields(), -1, False
        prose = prose + 1 if text.strip() and _CODE.search(text) is None else 0
        if (declared := _DECLARATION.match(text) is not None) or prose == _PROSE_RUN:
            before = _before(giver, given, clients, constants, group, allowance)
            allowance -= sum(len(line) for _, line in before)
            yield before, group
            _bind_client(group, lines, clients)
            group, giver, given = [], members, len(members.lines) if declared else 0
            fields = declared and _CLASS.match(text) is not None
            if fields:
                members, given, margin = _Fields(), 0, indent
                for member in [name for name in clients if re.match(_MEMBER, name)]:
                    del clients[member]  # another class's instance: its members are its own
        if prose < _PROSE_RUN:
            group.append(item)
            if fields and (field := _field(text)):
                members.add(field[0], item, field[1])
    yield _before(giver, given, clients, constants, group, allowance), group


def _before(members: _Fields, given: int, clients: dict[str, list[tuple[int, str]]],
            constants: dict[str, list[tuple[int, str]]], group: list[tuple[int, str]],
            allowance: int) -> list[tuple[int, str]]:
    """The lines put before ``group``: the statements that bind the module's constants it names
    (:mod:`.source_constants`) and set up the module's clients it calls, and the fields of its class it uses, while
    they hold no more than ``allowance`` characters (a client of 30 KB of headers given to each of 3,000 functions
    that call it made 560 KB of a source file 27 s of reading)."""
    fields = _used(members, given, group, allowance)
    called = _calling(clients, group)
    if constants:
        named = constants_named(constants, group, set(_WORD.findall("\n".join(line for _, line in group))))
        called = [line for line in named if line not in called] + called
    return called + fields if sum(len(line) for _, line in called + fields) <= allowance else fields


def _bind_client(group: list[tuple[int, str]], lines: list[tuple[int, str]],
                 clients: dict[str, list[tuple[int, str]]]) -> None:
    """Add to ``clients`` the name a module's statement ``group`` binds to a client it sets up with a base URL (a
    line of no indentation), or whose headers it sets to a map written out right after binding it (requests'
    ``session = requests.Session()`` then ``session.headers.update({…})``), unless it is given, elsewhere in the
    group or anywhere in ``lines``, what may add headers its construction does not show (an auth flow, hooks,
    interceptors, its headers set or added to after it — but in a setup so written, its own or another's of the
    same name): the name is the one bound by the statement that gives the base URL (or the headers), not another
    statement's before it (a logger's); an instance's member (``$this->client``, ``this.client``) may be bound
    indented, in its class's constructor."""
    option = next((at for at, (_, text) in enumerate(group) if _BASE_OPTION.search(text)), None)
    setting = None
    if option is None:
        option, setting = next(((at, found.group(1)) for at, (_, text) in enumerate(group)
                                if (found := _HEADERS_SET.match(text))), (None, None))
    if option is None:
        return
    bound = next((found.group(1) for _, text in reversed(group[: option + 1]) if (found := _CLIENT.match(text))), None)
    if bound is None or setting not in (None, bound):
        return
    name = re.escape(bound)
    setups = _set_up(lines, bound)
    if setting is not None and group[option][0] not in setups:
        return
    text = "\n".join(line for number, line in group if number not in setups)
    hooked = re.compile(rf"(?i)(?:\b|(?<![\w$]){name}(?:\.|->)){_CLIENT_HOOKS}\s*[=:(.]"
                        rf"|(?<![\w$]){name}(?:\.|->)headers\s*[\[=.]")
    numbers = {number for number, _ in group} | setups
    if hooked.search(text) is None and not any(number not in numbers and bound in line and hooked.search(line)
                                               for number, line in lines):
        clients[bound] = group


def _set_up(lines: list[tuple[int, str]], bound: str) -> set[int]:
    """The numbers of the lines that set the headers of a client named ``bound`` to a map written out on the line
    after a statement binds it: a setup's, no addition to one."""
    found, previous = set(), ""
    for number, text in lines:
        if not text.strip():
            continue
        if (setting := _HEADERS_SET.match(text)) and setting.group(1) == bound \
                and (binding := _CLIENT.match(previous)) and binding.group(1) == bound:
            found.add(number)
        previous = text
    return found


def client_bases(said: Facts) -> set[str]:
    """The literals the group gives a client as its base URL (httpx's ``base_url=``, axios' ``baseURL:``, resty's
    ``SetBaseURL(…)``, .NET's ``BaseAddress =``): where its calls' paths go, the start of a request's URL and never
    one itself, even with a path (``…/api/v3``): a module's call beside a client set up after it named two URLs
    (the transfer lost), and a client's call of ``/transfers`` was sent to its base alone."""
    named = [value for name, value, _ in said.bindings  # a module's constant (`BASE_URL = …`) is no client's option
             if _BASE_NAMED.search(last_part(name)) and not _CONSTANT.fullmatch(last_part(name))]
    named += [value for name, call, _ in said.calls if _BASE_NAMED.search(last_part(name))
              for _, value in call.args[:1]]
    return {value.text for value in (resolved(value, said) for value in named) if isinstance(value, Lit)}


def _calling(clients: dict[str, list[tuple[int, str]]], group: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The statements that set up each module's client ``group`` calls a method of (``client.post(…)``): the
    client's base URL and headers are its requests' too."""
    if not clients:  # (most windows: no module's client)
        return []
    named = set(_METHOD_CALLED.findall("\n".join(line for _, line in group)))  # looked up, not searched for
    return [line for name, lines in clients.items() if name in named and lines[0] not in group for line in lines]


def _field(text: str) -> tuple[str, bool] | None:
    """The name a class's field line binds to one string literal, or a class macro gives string literals (and
    whether it is a macro's), or None."""
    if len(text) <= _FIELD_NAME_CHARS and (macro := _MACRO.fullmatch(text)):
        return macro.group(1), True
    names, equals, value = text.partition("=")
    if not equals or len(names) > _FIELD_NAME_CHARS or value.startswith(("=", ">")):
        return None
    name = _FIELD_NAME.fullmatch(names)
    return (name.group(1), False) if name and _FIELD_VALUE.fullmatch(value) else None


def _used(members: _Fields, given: int, group: list[tuple[int, str]], allowance: int) -> list[tuple[int, str]]:
    """Those of the first ``given`` fields of ``members`` that ``group`` uses: those it names, and an absolute
    URL's where it writes none; none where they hold more than ``allowance`` characters."""
    if not given:  # (most groups: no class's fields before them, nothing to join or look for)
        return []
    text = "\n".join(line for _, line in group)
    used = {at for word in set(_WORD.findall(text)) for at in members.named.get(word, ()) if at < given}
    if ABSOLUTE_URL.search(text) is None:
        unnamed = bisect.bisect_left(members.urls, given)
        if members.url_chars[unnamed] > allowance:
            return []
        used.update(members.urls[:unnamed])
    if sum(len(members.lines[at][1]) for at in used) > allowance:
        return []
    return [members.lines[at] for at in sorted(used)]


def anchored_part(group: list[tuple[int, str]], anchored: set[int]) -> list[tuple[int, str]]:
    """The lines of ``group`` at most :data:`GROUP_BEFORE` lines before its first anchor and
    :data:`GROUP_AFTER` after its last (none where it holds no anchored line)."""
    numbers = [number for number, _ in group if number in anchored]
    if not numbers:
        return []
    return [item for item in group if numbers[0] - GROUP_BEFORE <= item[0] <= numbers[-1] + GROUP_AFTER]


def statements(part: list[tuple[int, str]], most: int) -> Iterator[list[tuple[int, str]]]:
    """The pieces of ``part`` at most ``most`` characters long, cut at statement boundaries by indentation, in one
    pass: a block (a line and those indented under it, its closing line too) that fits is a piece of its own; of one
    that does not, its first line is taken as a line alone and its lines after it are taken in turn, each a line or a
    block that fits; lines taken alone are read together, those in a row, while they fit. Each piece is read alone:
    a method of a 40 KiB service class is read as a short class's is, but the post at the end of a long function is
    read without what the function set above it (its session's headers) — which the caller judges it with, read
    over the whole part (:func:`.source_hidden.shown`). Only a line longer than ``most`` (a minified bundle's) is
    still a piece too long to read."""
    ends, starts = _block_ends(part), [0]
    for _, text in part:
        starts.append(starts[-1] + len(text) + 1)
    piece: list[tuple[int, str]] = []
    at = 0
    while at < len(part):
        end = ends[at] if starts[ends[at]] - starts[at] <= most else at + 1
        if piece and (end - at > 1 or starts[at] - starts[at - len(piece)] + starts[end] - starts[at] > most):
            yield piece
            piece = []
        piece += part[at:end]
        if end - at > 1:
            yield piece
            piece = []
        at = end
    if piece:
        yield piece


def _block_ends(part: list[tuple[int, str]]) -> list[int]:
    """For each line of ``part``, the index after its block: the lines after it that are indented deeper (a line
    that closes a block, ``}``, ``end``, is the block's, at its indentation), blank lines among them."""
    ends = [at + 1 for at in range(len(part))]
    open_blocks: list[tuple[int, int]] = []  # (indentation, index) of the lines whose blocks are open
    for at, (_, text) in enumerate(part):
        if text.strip():
            depth = len(text) - len(text.lstrip()) + (_CLOSER.match(text) is not None)
            while open_blocks and open_blocks[-1][0] >= depth:
                ends[open_blocks.pop()[1]] = at
            open_blocks.append((depth, at))
    for _, at in open_blocks:
        ends[at] = len(part)
    return ends


def naming(group: list[tuple[int, str]], names: AbstractSet[str]) -> set[int]:
    """The numbers of the lines of ``group`` that name one of ``names`` (a constant's, a word): each line's words
    looked up, not each name searched for in each line (2,000 constants and 55 lines of 60 KB: 3.1 s, now 0.1 s)."""
    return {number for number, text in group if not names.isdisjoint(_WORD.findall(text))}


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
