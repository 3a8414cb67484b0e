"""Calls a language writes otherwise than ``name(args)``, given to the readers as the calls they are
(the tokens of ``name ( arg , label : arg )``), so one reading of statements serves every language
(see :class:`.source_languages.Language`):

- Objective-C's messages, ``[receiver selector:arg label:arg]``: ``receiver.selector(arg, label: arg)``;
- Haskell's application by juxtaposition, ``f "a" ["b"] $ g x``: ``f("a", ["b"]) $ g(x)``, a
  function applied to the atoms that follow it on its line;
- Groovy's command calls, ``name label: value, 'x'`` with no parentheses, to the statement's end
  (a line that ends with no comma nor open bracket);
- Lisp's s-expressions, ``(ns/name arg …)`` with maps ``{k v …}`` and keywords ``:name``:
  ``ns.name(arg, …)``, ``{k: v, …}``;
- a block given to a name (Kotlin's and Groovy's ``headers { append("Name", "v") }``, a lambda
  whose receiver the name is): its bare calls are the name's (``headers.append(…)``);
- a markup language's tags (CFML's ``<cfhttp url="…" method="post">``): ``cfhttp(url = "…", method =
  "post")``, a closing tag none;
- a procedure called as a statement, its arguments unbracketed to the statement's end: a member a
  line starts with (VB's ``http.SetRequestHeader "Name", "value"``), or the procedure named after
  T-SQL's ``EXEC [@ret =]`` (``EXEC sp_invoke_external_rest_endpoint @url = N'…', …``: ``url = …`` a
  labelled argument) — and OLE Automation's method called by its name (``EXEC sp_OAMethod @obj,
  'setRequestHeader', NULL, 'Name', 'value'``) the method's call (``obj.setRequestHeader('Name', 'value')``).
"""

from __future__ import annotations

from .source_languages import Language
from .source_opened import opened
from .source_tokens import Token

_CLOSE = {"(": ")", "[": "]", "{": "}"}
_DEPTH = 12  # brackets read within brackets, at most
# names that open a block but name no receiver, or that start a statement rather than call
_NO_RECEIVER = frozenset({"else", "do", "try", "finally", "init", "object", "companion", "when", "loop", "static",
                          "constructor", "get", "set", "synchronized"})
_KEYWORDS = frozenset({"let", "in", "do", "where", "if", "then", "else", "case", "of", "import", "module", "data",
                       "type", "newtype", "class", "instance", "deriving", "def", "return", "new", "package", "throw",
                       "assert", "for", "while", "switch", "final", "static", "private", "public", "protected"})


def written_calls(found: list[Token], lang: Language) -> list[Token]:
    """``found`` with the calls ``lang`` writes otherwise written as ``name(args)`` (see the module;
    brackets nested deeper than :data:`_DEPTH` are left as they are)."""
    if lang.markup:
        found = _tagged(found)
    if lang.messages:
        found = _messages(found, closes(found), 0, len(found), 0)
    if lang.juxtaposed:
        found = _applied(found, closes(found), 0, len(found), 0)
    if lang.command_calls:
        found = _commanded(found)
    if lang.s_expressions:
        found = [token for form in _forms(found, closes(found), 0, len(found), 0) for token in form]
    if lang.block_receivers:
        found = _received(found)
    if lang.statement_calls or lang.execute:
        found = _stated(found, lang)
    if any(token.text == "with" and token.kind == "name" for token in found):
        found = opened(found)  # (not a call, but a binding the readers are given as `name = X;` is written)
    return found


def _punct(text: str, line: int) -> Token:
    return Token("punct", text, line)


def _is(found: list[Token], at: int, *texts: str) -> bool:
    return 0 <= at < len(found) and found[at].kind == "punct" and found[at].text in texts


def closes(found: list[Token]) -> dict[int, int]:
    """Each opening bracket's index -> the index of the one that closes it (the end where none
    does): matched once, so that nested brackets are read in linear time."""
    matched: dict[int, int] = {}
    opened: list[int] = []
    for index in range(len(found)):
        if _is(found, index, "(", "[", "{"):
            opened.append(index)
        elif _is(found, index, ")", "]", "}") and opened:
            matched[opened.pop()] = index
    return matched | dict.fromkeys(opened, len(found))


def _joined(parts: list[list[Token]], line: int) -> list[Token]:
    """The parts as arguments: separated by commas."""
    joined: list[Token] = []
    for index, part in enumerate(parts):
        joined += ([_punct(",", line)] if index else []) + part
    return joined


def _messages(found: list[Token], closes: dict[int, int], start: int, end: int, depth: int) -> list[Token]:
    """Objective-C's messages between ``start`` and ``end`` written as calls (see the module)."""
    if depth > _DEPTH:
        return found[start:end]
    out: list[Token] = []
    at = start
    while at < end:
        token = found[at]
        if not _is(found, at, "["):
            out.append(token)
            at += 1
            continue
        close = min(closes[at], end)
        receiver_end = min(closes[at + 1] + 1, close) if _is(found, at + 1, "[") else at + 2
        selector = found[receiver_end] if receiver_end < close else None
        if receiver_end > close or selector is None or selector.kind != "name" or not (
                _is(found, receiver_end + 1, ":") or receiver_end + 1 == close):
            out += [token, *_messages(found, closes, at + 1, close, depth + 1), *found[close : close + 1]]  # an array
            at = close + 1
            continue
        receiver = _messages(found, closes, at + 1, receiver_end, depth + 1)
        if len(receiver) == 1 and receiver[0].kind == "name":
            out.append(Token("name", f"{receiver[0].text}.{selector.text}", selector.line))
        else:
            out += [*receiver, _punct(".", selector.line), selector]
        arguments = _selector_arguments(found, closes, receiver_end, close, depth + 1)
        out += [_punct("(", selector.line), *_joined(arguments, token.line),
                _punct(")", found[min(close, end - 1)].line)]
        at = close + 1
    return out


def _selector_arguments(found: list[Token], closes: dict[int, int], at: int, close: int,
                        depth: int) -> list[list[Token]]:
    """A message's arguments: the first given by position, the others by their part's label."""
    parts: list[list[Token]] = []
    while at < close and _is(found, at + 1, ":"):
        stop = at + 2
        while stop < close and not (found[stop].kind == "name" and _is(found, stop + 1, ":")):
            stop = min(closes[stop] + 1, close) if _is(found, stop, "(", "[", "{") else stop + 1
        label = [found[at], found[at + 1]] if parts else []
        parts.append(label + _messages(found, closes, at + 2, stop, depth))
        at = stop
    return parts


def _atom(found: list[Token], at: int, line: int) -> bool:
    """Whether an argument starts at ``at`` on ``line``: a literal, a name (Haskell's ``$`` is an
    operator), a bracket opened."""
    token = found[at] if at < len(found) else None
    return token is not None and token.line == line and (token.kind in ("string", "number") or (
        token.kind == "name" and token.text not in _KEYWORDS and token.text[0] != "$") or _is(found, at, "(", "["))


def _applied(found: list[Token], closes: dict[int, int], start: int, end: int, depth: int) -> list[Token]:
    """Haskell's applications between ``start`` and ``end`` written as calls (see the module)."""
    if depth > _DEPTH:
        return found[start:end]
    out: list[Token] = []
    at = start
    while at < end:
        token = found[at]
        if token.kind == "name" and token.text not in _KEYWORDS and token.text.rpartition(".")[2][:1].islower() \
                and at + 1 < end and _atom(found, at + 1, token.line) and not _is(found, at - 1, "::"):
            args, at = [], at + 1
            while at < end and _atom(found, at, token.line):
                stop = min(closes[at] + 1, end) if _is(found, at, "(", "[") else at + 1
                inner = _applied(found, closes, at + 1, stop - 1, depth + 1) if stop > at + 1 else []
                args.append([found[at], *inner, found[stop - 1]] if inner or stop > at + 1 else [found[at]])
                at = stop
            out += [token, _punct("(", token.line), *_joined(args, token.line), _punct(")", token.line)]
        elif _is(found, at, "(", "["):
            stop = min(closes[at], end)
            out += [token, *_applied(found, closes, at + 1, stop, depth + 1), *found[stop : stop + 1]]
            at = stop + 1
        else:
            out.append(token)
            at += 1
    return out


def _commanded(found: list[Token]) -> list[Token]:
    """Groovy's command calls written as calls (see the module): a name given, on its line, a
    literal or a labelled argument, up to the statement's end."""
    out: list[Token] = []
    at = 0
    while at < len(found):
        token = found[at]
        following = found[at + 1] if at + 1 < len(found) else None
        if token.kind != "name" or token.text in _KEYWORDS or following is None or following.line != token.line \
                or not (following.kind in ("string", "number") or (following.kind == "name"
                                                                   and _is(found, at + 2, ":"))):
            out.append(token)
            at += 1
            continue
        stop, depth = at + 1, 0
        while stop < len(found) and (depth > 0 or stop == at + 1 or found[stop].line == found[stop - 1].line
                                     or _is(found, stop - 1, ",")):
            depth += _is(found, stop, "(", "[", "{") - _is(found, stop, ")", "]", "}")
            if depth < 0:
                break
            stop += 1
        out += [token, _punct("(", token.line), *found[at + 1 : stop], _punct(")", found[stop - 1].line)]
        at = stop
    return out


def _forms(found: list[Token], closes: dict[int, int], at: int, end: int, depth: int) -> list[list[Token]]:
    """Lisp's forms between ``at`` and ``end``, each written as the other languages write it (see
    the module); a quote, a reader's mark and Lisp's commas (blanks there) are dropped."""
    if depth > _DEPTH:
        return [[token] for token in found[at:end]]
    forms: list[list[Token]] = []
    while at < end:
        token = found[at]
        if _is(found, at, "'", ",", "#", "@", "^", "`", "~"):
            at += 1
        elif _is(found, at, ":") and at + 1 < end and found[at + 1].kind == "name":
            forms.append([Token("name", found[at + 1].text, token.line)])  # a keyword
            at += 2
        elif _is(found, at, "(", "[", "{"):
            close = min(closes[at], end)
            forms.append(_form(token, _forms(found, closes, at + 1, close, depth + 1), found[min(close, end - 1)].line))
            at = close + 1
        else:
            forms.append([Token("name", token.text.replace("/", "."), token.line) if token.kind == "name" else token])
            at += 1
    return forms


def _form(opening: Token, inner: list[list[Token]], line: int) -> list[Token]:
    """A bracketed form: a call where a list's head is a name, a map's keys paired with their values."""
    if opening.text == "(" and inner and len(inner[0]) == 1 and inner[0][0].kind == "name":
        return [inner[0][0], _punct("(", opening.line), *_joined(inner[1:], opening.line), _punct(")", line)]
    if opening.text == "{" and len(inner) % 2 == 0:
        inner = [[*key, _punct(":", key[-1].line), *value] for key, value in zip(inner[::2], inner[1::2])]
    return [opening, *_joined(inner, opening.line), _punct(_CLOSE[opening.text], line)]


def _received(found: list[Token]) -> list[Token]:
    """The bare calls in a block given to a name made the name's (see the module)."""
    out: list[Token] = []
    receivers: list[str] = []  # for each block open: the name it is given to, or ""
    for at, token in enumerate(found):
        if _is(found, at, "{"):
            before = found[at - 1] if at else None
            named = before is not None and before.kind == "name" and before.text[:1].islower() \
                and before.text not in _NO_RECEIVER
            receivers.append(before.text if named and before is not None else "")
        elif _is(found, at, "}") and receivers:
            receivers.pop()
        elif token.kind == "name" and receivers and receivers[-1] and "." not in token.text \
                and _is(found, at + 1, "(") and not _is(found, at - 1, "."):
            token = Token("name", f"{receivers[-1]}.{token.text}", token.line)
        out.append(token)
    return out


_OLE_METHOD = "sp_OAMethod"  # OLE Automation's call of an object's method by its name: object, name, result, args…


def _stated(found: list[Token], lang: Language) -> list[Token]:
    """Procedures called as statements written as calls (see the module): a line's first name, a member given on
    its line a literal or a name (VB's), or the name after one of ``lang.execute`` (and a result's ``name =``);
    its arguments to a ``;`` or the line's end where no comma goes on with them."""
    out: list[Token] = []
    at = 0
    while at < len(found):
        token = found[at]
        if lang.execute and token.kind == "name" and token.text in lang.execute:
            at += 1
            if at + 2 < len(found) and found[at].kind == "name" and _is(found, at + 1, "="):
                out += found[at : at + 2]  # `EXEC @ret = proc …`: the result bound to the call
                at += 2
            if at >= len(found):
                break
            token, stated = found[at], found[at].kind == "name"
        else:
            following = found[at + 1] if at + 1 < len(found) else None
            stated = lang.statement_calls and token.kind == "name" and "." in token.text and (
                at == 0 or found[at - 1].line < token.line) and following is not None \
                and following.line == token.line and following.kind in ("name", "string", "number")
        if not stated:
            out.append(token)
            at += 1
            continue
        name, stop = found[at], at + 1
        # (T-SQL's labelled arguments may start on the next line; a string's line is the one it ends on)
        labelled = stop + 1 < len(found) and found[stop].kind == "name" and _is(found, stop + 1, "=")
        while stop < len(found) and not _is(found, stop, ";") and (stop == at + 1 and labelled or _is(
                found, stop - 1, ",") or found[stop].line == found[stop - 1].line + found[stop - 1].text.count("\n")):
            stop += 1
        args = found[at + 1 : stop]
        if name.text == _OLE_METHOD and len(args) > 4 and args[0].kind == "name" and args[2].kind == "string":
            name, args = Token("name", f"{args[0].text}.{args[2].text}", name.line), args[6:]  # obj, 'name', out,
        out += [name, _punct("(", name.line), *args, _punct(")", found[stop - 1].line)]
        at = stop
    return out


def _tagged(found: list[Token]) -> list[Token]:
    """A markup language's tags written as calls (see the module): an opening tag's attributes its labelled arguments
    (apart by blanks), a self-closing tag's slash and a closing tag left out."""
    out: list[Token] = []
    at = 0
    while at < len(found):
        closing = _is(found, at + 1, "/") and at + 2 < len(found) and found[at + 2].kind == "name"
        if not (_is(found, at, "<") and at + 1 < len(found) and (found[at + 1].kind == "name" or closing)):
            out.append(found[at])
            at += 1
            continue
        stop = next((end for end in range(at + 1, len(found)) if _is(found, end, ">")), len(found))
        if not closing:
            name, inner = found[at + 1], found[at + 2 : stop - _is(found, stop - 1, "/")]
            out += [name, _punct("(", name.line), *inner, _punct(")", found[stop - 1].line)]
        at = stop + 1
    return out
