"""What a group of source statements says with literals: the values bound to names and keys,
and the calls made, each argument read as far as literals show it.

A value (its kinds in :mod:`.source_value_kinds`) is a literal (:class:`Lit`: strings joined by ``+``, PHP's
``.``, by standing side by side, or a list of them by a literal separator: ``[…].join("")``; :class:`Partial`
where code ends it), a map or a list written out (:class:`Pairs`, :class:`Items`: ``{…}``, ``[…]``, ``array(…)``,
C#'s ``{ {"k", "v"}, … }``, a tuple ``("k", "v")``), a call (:class:`Call`), a name (:class:`Ref`, resolved later
by what the group binds to it), or :data:`UNKNOWN_VALUE` (whatever else the code computes). A call on a literal or
a name that only turns it into bytes or a body (a row of :data:`PASSING`: ``"…".toRequestBody()``, ``"…".getBytes()``,
``parameters.data(using: .utf8)``) is the literal (the name); so is a call of one on a literal argument
(``strings.NewReader(`…`)``), and a type's or a module's given a name (Power Query's ``Text.ToBinary(body)``). A call
that sets a named option (``curl_easy_setopt(curl, CURLOPT_URL, "…")``: a name in capitals, then its value) binds
the value to the option's name. A list grown by appending to itself — a name bound to an empty start (``NULL``,
``nil``, ``[]``), then again and again to an append given the name and one item
(libcurl's ``headers = curl_slist_append(headers, "Name: value")``, Go's ``h = append(h, v)``) — is one binding,
the list of those items (read as several bindings, the name would hold no one value), also where the code sets it
back to its empty start once grown (curl --libcurl's ``slist1 = NULL;`` after freeing it); PHP's ``$list[] = item``
and ``array_push($list, item)`` so append. A key set by index (``name["key"] = value``, Pascal's ``:=``, VB's
``name("key") = value``) binds ``name[]`` to that one pair.
"""

from __future__ import annotations

import re

from .source_tokens import Token
from .source_value_kinds import UNKNOWN_VALUE, Call, Facts, Items, Lit, Pairs, Partial, Ref, string_value

# Calls that pass a literal on as the bytes sent (a body, its bytes, a reader over it): which argument (-1: the
# last literal; on a name or a literal, ``"…".toRequestBody()``, ``parameters.data(using:)``, the receiver's).
PASSING = {"NewReader": 0, "NewBufferString": 0, "NewBuffer": 0, "getBytes": 0, "GetBytes": 0, "encode": 0,
           "toRequestBody": 0, "toByteArray": 0, "data": 0, "bytes": 0, "StringContent": 0, "ByteArrayContent": 0,
           "create": -1, "Create": -1, "from": 0, "NewStringReader": 0, "ofString": 0, "utf8": 0, "strip": 0,
           "parse": 0, "to_string": 0, "of_string": 0, "into": 0, "to_owned": 0,  # Delphi's TStringStream.Create('…')
           "ToBinary": 0, "freeze": 0}  # Power Query's Text.ToBinary(…), Ruby's frozen string `"…".freeze`
_SPLIT = re.compile(r"\.|::|->|\?\.")
_SKIPPED = frozenset({"new", "New-Object", "await", "return", "var", "let", "const", "val", "final", "yield"})
_OPTION = re.compile(r"[A-Z][A-Z0-9]*_[A-Z0-9_]+")  # an option's name: CURLOPT_POSTFIELDS
_PAIRING = frozenset({":", "=>", "="})
_CLOSE = {"{": "}", "[": "]", "(": ")"}
_CLOSING = {close: opening for opening, close in _CLOSE.items()}
_DEPTH = 12  # brackets read within brackets, at most
_EMPTY_STARTS = frozenset({"NULL", "nil", "null", "None"})  # a list's start before anything is appended
_APPENDING = re.compile(r"(?:^|[._])append$", re.IGNORECASE)  # a call that returns its list with one item more


def facts(found: list[Token], assigned: frozenset[str] = frozenset()) -> Facts:
    """The bindings and calls of every position of ``found``. A call on what the call before returns is chained
    by ``.`` or ``->`` (Laravel's ``Http::withHeaders([…])->post(url, […])``); a name in capitals given to a call
    is an option whose value follows (``CURLOPT_URL``) where neither the group nor the file (``assigned``) binds it."""
    parser, result = _Parser(found), Facts()
    options: list[tuple[str, object, int]] = []
    for index, token in enumerate(found):
        if token.kind not in ("name", "string"):
            continue
        after = found[index + 1].text if index + 1 < len(found) and found[index + 1].kind == "punct" else ""
        if token.kind == "name":
            result.names.add(token.text)
        if token.kind == "name" and after in ("[", "(") and _indexed(found, index):
            value = parser.value(index + 5)[0]
            result.bindings.append((token.text + "[]", Pairs(((found[index + 2].text, value),)), token.line))
        elif token.kind == "name" and [t.text for t in found[index + 1 : index + 4]] == ["[", "]", "="]:
            item = parser.value(index + 4)[0]  # PHP's `$list[] = item` appends, as array_push($list, item) does
            _bind(result.bindings, token.text, Call("append", ((None, Ref(token.text)), (None, item))), token.line)
        elif after in ("=", ":=") and len(names := _targets(found, index)) > 1:
            value, end = parser.value(index + 2)
            for name in names:  # `a, b = x, y` pairwise; one value is the first's: Go's `req, err := …`
                _bind(result.bindings, name, value, token.line)
                if parser._text(end) != ",":
                    break
                value, end = parser.value(end + 1)
        elif after in _PAIRING or after in (":=", "+="):  # (a name added to holds a second value: no one value)
            _bind(result.bindings, token.text, parser.value(index + 2)[0], token.line)
        elif token.kind == "name" and (after == "(" or after == "{" and _names_type(token.text)):
            call, _ = parser.primary(index, 0, passing=False)  # a call, or a construction of one value (`T{v}`)
            if isinstance(call, Call):
                joins = [before.text if before.kind == "punct" else "" for before in found[max(index - 2, 0) : index]]
                chained = joins[-1:] == ["."] or joins == ["-", ">"]
                result.calls.append((("." if chained else "") + token.text, call, token.line))
                if token.text == "array_push" and call.args and isinstance(listed := call.args[0][1], Ref):
                    for _, item in call.args[1:]:
                        _bind(result.bindings, listed.name, Call("append", ((None, listed), (None, item))), token.line)
                options += [(option.name, value, token.line)
                            for (_, option), (_, value) in zip(call.args, call.args[1:])
                            if isinstance(option, Ref) and _OPTION.fullmatch(option.name)]
    bound = assigned | {name for name, _, _ in result.bindings}
    result.bindings += [option for option in options if option[0] not in bound]
    return result


def _bind(bindings: list[tuple[str, object, int]], name: str, value: object, line: int) -> None:
    """Add ``name = value`` to ``bindings``, a list grown by appending to itself as the one binding of its items,
    the list it was sent with also where it is set back to its empty start once grown (see the module)."""
    if isinstance(value, Ref) and value.name in _EMPTY_STARTS:
        at = next((at for at in range(len(bindings) - 1, -1, -1) if bindings[at][0] == name), None)
        if at is not None and isinstance(grown := bindings[at][1], Items) and grown.items:
            return
    if isinstance(value, Call) and _APPENDING.search(value.name) and len(value.args) == 2 \
            and value.args[0] == (None, Ref(name)) and value.args[1][0] is None:
        at = next((at for at in range(len(bindings) - 1, -1, -1) if bindings[at][0] == name), None)
        start = bindings[at][1] if at is not None else None
        if isinstance(start, Ref) and start.name in _EMPTY_STARTS:
            start = Items(())
        if isinstance(start, Items) and at is not None:
            bindings[at] = (name, Items(start.items + (value.args[1][1],)), bindings[at][2])
            return
    bindings.append((name, value, line))


def resolved(value: object, said: Facts, depth: int = 0) -> object:
    """A name's value where the group binds it to one value, else the name."""
    if not isinstance(value, Ref) or depth > 4:
        return value
    bound = {repr(v): v for name, v, _ in said.bindings if name == value.name and v != value}  # not `headers=headers`
    return resolved(next(iter(bound.values())), said, depth + 1) if len(bound) == 1 else value


def _targets(found: list[Token], index: int) -> list[str]:
    """The names ``a, b`` a statement ``a, b := …`` at a statement's start assigns to, the last at ``index``: the
    value a call returns first is its result (Go's ``req, err := http.NewRequest(…)``, Lua's ``body, code =``);
    read as the last name's, ``return err`` returned the request unsent. No call's arguments (``f(url, data=…)``)."""
    start = index
    while start >= 2 and found[start - 1].text == "," and found[start - 2].kind == "name":
        start -= 2
    before = found[start - 1] if start else None
    opens = before is None or before.kind == "name" or before.text in (";", "{", "}") or (
        before.line < found[start].line and before.text in (")", "]"))
    return [found[at].text for at in range(start, index + 1, 2)] if opens else [found[index].text]


def _indexed(found: list[Token], index: int) -> bool:
    """Whether ``name["key"] = value`` (Pascal's ``name['key'] := value``, VB's ``name("key") = value``) starts
    at ``index``."""
    part = found[index + 1 : index + 5]
    kinds = [t.kind for t in part]
    return kinds == ["punct", "string", "punct", "punct"] and part[2].text == _CLOSE.get(part[0].text) \
        and part[3].text in ("=", ":=")


class _Parser:
    """Values read from a group's tokens. Each bracket's match is found once, and each position's value is read
    once (whatever it is asked for): deeply nested calls or maps are read in time linear in the tokens."""

    def __init__(self, found: list[Token]) -> None:
        self.tokens = found
        self._match: dict[int, int] = {}  # an opening bracket's index -> its closing one's
        opened: list[int] = []
        for index, token in enumerate(found):
            if token.kind == "punct" and token.text in _CLOSE:
                opened.append(index)
            elif token.kind == "punct" and token.text in _CLOSING and opened and found[opened[-1]].text == _CLOSING[token.text]:
                self._match[opened.pop()] = index
        self._match.update(dict.fromkeys(opened, len(found) - 1))  # a bracket never closed runs to the end
        self._read: dict[tuple[int, bool], tuple[object, int]] = {}

    def _text(self, index: int) -> str:
        """The punctuation at ``index`` ("" for any other token)."""
        return self.tokens[index].text if index < len(self.tokens) and self.tokens[index].kind == "punct" else ""

    def value(self, index: int, depth: int = 0) -> tuple[object, int]:
        """The value that starts at ``index``, and where it ends."""
        value, index = self.primary(index, depth)
        while index < len(self.tokens):
            token = self.tokens[index]
            if token.kind == "string" and isinstance(value, Lit):  # literals side by side
                joined = string_value(token.text, token.parts)
                value, index = self._joined(value, joined), index + 1
            elif self._text(index) == "." and index + 1 < len(self.tokens) and self.tokens[index + 1].kind == "name":
                following, index = self.primary(index + 1, depth, passing=False)
                if isinstance(following, Ref) and following.name in PASSING:
                    pass  # a method called with no parentheses that passes its receiver on: Ruby's `"…".freeze`
                elif not isinstance(following, Call):  # PHP's `'…' . $name`
                    value = self._joined(value, following)
                elif _receiver(following.name)[1] == "join":
                    value = _join(value, following)
                elif _receiver(following.name)[1] not in PASSING:  # (PHP's `'Name: ' . getenv('K')`: its start)
                    value = self._joined(value, UNKNOWN_VALUE)
            elif self._text(index) in ("+", "."):
                following, index = self.primary(index + 1, depth)
                value = self._joined(value, following)
            elif self._text(index) == "[" and isinstance(value, Ref):  # an index: `os.environ["KEY"]` is computed
                value, index = UNKNOWN_VALUE, self._match.get(index, index) + 1
            else:
                break
        return value, index

    @staticmethod
    def _joined(value: object, following: object) -> object:
        if isinstance(value, Lit) and isinstance(following, Lit):
            return Lit(value.text + following.text)
        return Partial(value.text if isinstance(value, Lit) else value.start) if isinstance(value, (Lit, Partial)) \
            else UNKNOWN_VALUE

    def primary(self, index: int, depth: int, passing: bool = True) -> tuple[object, int]:
        """The value at ``index`` but what follows it (a call chained on it, a literal joined)."""
        if (index, passing) not in self._read:
            self._read[index, passing] = self._primary(index, depth, passing)
        return self._read[index, passing]

    def _primary(self, index: int, depth: int, passing: bool) -> tuple[object, int]:
        if index >= len(self.tokens):
            return UNKNOWN_VALUE, index + 1
        if depth > _DEPTH:  # too deep to read: passed over, a bracket's content at once
            after = self._skip_type_arguments(index + 1) if self.tokens[index].kind == "name" else index
            return UNKNOWN_VALUE, self._match.get(after, index) + 1
        while self._text(index) in ("&", "@", "*", "\\") or (self.tokens[index].kind == "name"
                                                        and self.tokens[index].text in _SKIPPED):  # &T{…}, new T(…)
            index += 1
            if index >= len(self.tokens):
                return UNKNOWN_VALUE, index
        token = self.tokens[index]
        if token.kind == "string":
            return string_value(token.text, token.parts), index + 1
        if token.kind == "number":
            return Lit(token.text), index + 1
        punct = self._text(index)
        if punct in ("{", "["):
            return self._collection(index + 1, _CLOSE[punct], depth)
        if punct == "(":
            value, end = self.value(index + 1, depth + 1)
            if self._text(end) == ",":  # a tuple: `("Name", "value")`
                return self._collection(index + 1, ")", depth)
            return value, self._past(end, ")")
        if token.kind != "name":
            return UNKNOWN_VALUE, index + 1
        after = self._skip_type_arguments(index + 1)
        if self._text(after) == "(":
            if token.text == "array":
                return self._collection(after + 1, ")", depth)
            args, end = self._arguments(after + 1, depth)
            call = Call(token.text, tuple(args))
            return (self._passed(call) if passing else call), end
        if self._text(after) == "{" and _names_type(token.text):  # typed: http.Header{…}, new T {…}
            value, end = self._collection(after + 1, "}", depth)
            if isinstance(value, Items) and len(value.items) == 1:  # one value: C++'s construction cpr::Url{"…"}
                return Call(token.text, ((None, value.items[0]),)), end
            return value, end
        return Ref(token.text), after

    @staticmethod
    def _passed(call: Call) -> object:
        """What a call passes on (:data:`PASSING`): its literal argument, or its receiver (a name); else the call."""
        receiver, verb = _receiver(call.name)
        if verb not in PASSING:
            return call
        literals = [value for _, value in call.args if isinstance(value, Lit)]
        if literals:
            return literals[PASSING[verb]] if PASSING[verb] < len(literals) else literals[-1]
        if receiver[:1].isupper() and len(call.args) == 1 and isinstance(call.args[0][1], Ref):
            return call.args[0][1]  # a type's or a module's, given a name: M's `Text.ToBinary(body)`
        return Ref(receiver) if receiver and not call.args[1:] else call

    def _skip_type_arguments(self, index: int) -> int:
        """Past ``<String, String>`` after a type's name."""
        if self._text(index) != "<":
            return index
        for end in range(index + 1, min(index + 12, len(self.tokens))):
            if self._text(end) == ">":
                return end + 1
        return index

    def _arguments(self, index: int, depth: int) -> tuple[list[tuple[str | None, object]], int]:
        args: list[tuple[str | None, object]] = []
        while index < len(self.tokens) and self._text(index) != ")":
            label = None
            if self.tokens[index].kind in ("name", "string") and self._text(index + 1) in (
                    ("=", "=>") if self.tokens[index].kind == "string" else (":", "=", "=>")):  # R's `A-B` =, Perl's =>
                label, index = self.tokens[index].text, index + 2
            value, end = self.value(index, depth + 1)
            if self._text(end) == "=>":  # Perl's fat commas chained (`$url => {…} => $body`): a list, no pair
                string = label is not None and self.tokens[index - 2].kind == "string"
                args += [*(() if label is None else ((None, Lit(label) if string else Ref(label)),)), (None, value)]
                index = end + 1
                continue
            args.append((label, value))
            # ABAP's `( name = 'N' value = 'v' )`: labelled arguments apart by blanks
            labelled = end + 1 < len(self.tokens) and self.tokens[end].kind == "name" and self._text(end + 1) == "="
            index = end if labelled else self._past_item(end, ")")
        return args, index + 1

    def _collection(self, index: int, close: str, depth: int) -> tuple[object, int]:
        """A map or a list written out, up to ``close``: pairs where any item is ``key: value``, ``key => value``,
        ``key = value`` or a braced pair of two values (a name alone among them its own: ``{ body, headers }``)."""
        pairs: list[tuple[str | None, object]] = []
        items: list[object] = []
        names: list[Ref] = []
        while index < len(self.tokens) and self._text(index) != close:
            value, end = self.value(index, depth + 1)
            if self._text(end) in _PAIRING:
                if isinstance(value, Items) and len(value.items) == 1:  # Lua's ["Name"] = value
                    value = value.items[0]
                key = value.text if isinstance(value, Lit) else value.name if isinstance(value, Ref) else None
                value, end = self.value(end + 1, depth + 1)
                pairs.append((key, value))
            elif isinstance(value, Items) and len(value.items) == 2:
                first = value.items[0]
                pairs.append((first.text if isinstance(first, Lit) else None, value.items[1]))
            names += [value] if isinstance(value, Ref) and not (pairs and pairs[-1][1] is value) else []
            items.append(value)
            index = self._past_item(end, close)
        end = index + 1
        return (Pairs((*pairs, *((name.name, name) for name in names))) if pairs else Items(tuple(items))), end

    def _past_item(self, index: int, close: str) -> int:
        """Past one item's separator (or whatever it did not read, up to the next one, brackets
        passed over at once), or to the bracket that closes the items."""
        while index < len(self.tokens):
            text = self._text(index)
            if text == close or text in _CLOSING:
                return index
            if text in (",", ";"):
                return index + 1
            index = self._match.get(index, index) + 1
        return index

    def _past(self, index: int, close: str) -> int:
        end = self._past_item(index, close)
        return end + 1 if self._text(end) == close else end


def _join(value: object, call: Call) -> object:
    """Literals joined by a literal separator, their text: prettier's ``[\n "…",\n "…",\n].join("")`` for a
    value too long for a line, JavaScript's and Ruby's ``[…].join(sep)``, Python's ``sep.join([…])``."""
    given = call.args[0][1] if len(call.args) == 1 else None
    parts, separator = (value, given) if isinstance(value, Items) else (given, value)
    if isinstance(parts, Items) and isinstance(separator, Lit) and all(isinstance(part, Lit) for part in parts.items):
        return Lit(separator.text.join(part.text for part in parts.items))
    return UNKNOWN_VALUE


def _receiver(name: str) -> tuple[str, str]:
    """A called name's receiver and last part (``req.Header`` and ``Add``: ``.``, ``::``, ``->``, ``?.`` join parts)."""
    parts = _SPLIT.split(name.lstrip("."))
    return name.lstrip(".")[: -len(parts[-1]) - 1].rstrip(":-?.") if len(parts) > 1 else "", parts[-1]


def _names_type(name: str) -> bool:
    """Whether a name before a brace names a type (capitalized: ``http.Header``, ``cpr::Url``): a value, no block."""
    return _receiver(name)[1][:1].isupper()


def last_part(name: str) -> str:
    """The last part of a name (``Add`` of ``req.Header.Add``; of ``HeaderMap::new``, ``HeaderMap``)."""
    parts = _SPLIT.split(name.lstrip("."))
    return parts[-2] if parts[-1] == "new" and len(parts) > 1 else parts[-1]


def receiver(name: str) -> str:
    """What a called name is called on (``req.Header`` of ``req.Header.Add``; "" for none)."""
    return _receiver(name)[0]
