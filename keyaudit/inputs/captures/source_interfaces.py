"""The requests a declarative client's interfaces declare (Retrofit's): each interface's methods annotated with an
HTTP method and a path (``@POST("v1/…")``), their static headers (``@Headers({"Name: value", …})``) and their
parameters, each with its annotation (``@Header("Name")``, ``@Body``, ``@Url``…), read from code's tokens alone.

Words a comment or a string holds are no code's: a comment inside an interface that says ``interface`` (``//
Retrofit interface method for …``) declares none, nor does one whose braces a comment holds. An interface's header
runs from its word to its brace, however long it is (generics, many ``extends``, a block comment before an Allman
brace); one that meets no brace before a ``;`` or the next ``interface`` word has no body (Kotlin's ``interface
Marker``). A method belongs to the innermost interface whose body holds it: the text is read once, whatever the
interfaces nested or cut off by the window (their closing braces unread) — each was read to the text's end before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from keyaudit.model.exchange import UNKNOWN

Lexeme = tuple[str, str, int, int]  # a code token: kind, value (a string's as the language gives it), start, end
_VERBS = frozenset(("GET", "POST", "PUT", "PATCH", "DELETE"))
# what a parameter's annotation of the client's own says it is (`@NonNull`, `@Named` say nothing of the request)
_ROLES = frozenset(("Header", "HeaderMap", "Body", "Url", "Path", "Query", "QueryMap", "QueryName", "Field", "FieldMap",
                    "Part", "PartMap", "Tag"))
_WORD = re.compile(r"\w+")
_OPENING = {")": "(", "]": "[", "}": "{"}
ANNOTATED = re.compile(r"\b(?:GET|POST|PUT|PATCH|DELETE)\s*\(")  # what a text whose interfaces declare requests holds


@dataclass
class Endpoint:
    """A method an interface declares: its HTTP method, its path, its static headers and its parameters."""

    method: str
    path: str
    headers: list[tuple[str, str]]  # the static ones, `@Headers("Name: value")`
    params: list[tuple[str, str, str]]  # each parameter's name, role (the annotation: Header, Body…) and header name


Declarations = dict[str, dict[str, "Endpoint"]]  # the methods of the interfaces a text declared, by name


@dataclass
class Interface:
    """An interface declared in code: its name, where its word stands and the methods it declares, by name."""

    name: str
    start: int
    endpoints: dict[str, Endpoint]


def pairs(found: list[Lexeme]) -> tuple[dict[int, int], list[int]]:
    """Each opening bracket's index among ``found`` mapped to its closing one's (``len(found)`` where none closes
    it), each kind of bracket matched on its own; and the indices of the braces that close none opened in the text
    (a block the text starts in)."""
    matched: dict[int, int] = {}
    opened: dict[str, list[int]] = {opening: [] for opening in _OPENING.values()}
    unopened: list[int] = []
    for index, (kind, value, _start, _end) in enumerate(found):
        if kind != "punct" or len(value) != 1:
            continue
        if value in opened:
            opened[value].append(index)
        elif value in _OPENING:
            if opened[_OPENING[value]]:
                matched[opened[_OPENING[value]].pop()] = index
            elif value == "}":
                unopened.append(index)
    for unclosed in opened.values():
        matched.update(dict.fromkeys(unclosed, len(found)))
    return matched, unopened


def literal(token: Lexeme, text: str) -> str:
    """A string token's text: its value, or what is written between its quotes where the language expands it."""
    return text[token[2] + 1 : token[3] - 1] if token[1] == UNKNOWN else token[1]


def interfaces(found: list[Lexeme], text: str, matched: dict[int, int]) -> list[Interface]:
    """The interfaces ``found`` declares with a body, in order, each with its annotated methods (see the module)."""
    bodies: dict[int, Interface] = {}
    header: Interface | None = None
    for index, (kind, value, start, _end) in enumerate(found):
        if kind == "name" and value == "interface":
            following = found[index + 1] if index + 1 < len(found) else None
            header = Interface(following[1], start, {}) if following and following[0] == "name" \
                and _WORD.fullmatch(following[1]) else None
        elif header is not None and kind == "punct" and value in "{;":
            bodies.update({index: header} if value == "{" else {})
            header = None
    _methods(found, text, matched, bodies)
    return list(bodies.values())


def _methods(found: list[Lexeme], text: str, matched: dict[int, int], bodies: dict[int, Interface]) -> None:
    """Each method of an interface's body read into its interface's endpoints, the tokens read once: a frame is an
    interface's body open (its interface, where its current method's annotations start) or a method's parameter
    list open (its tokens gathered); a token belongs to the innermost frame open."""
    frames: list[list] = []  # [closing index, Interface, head start] or [closing index, Interface, name, head, params]
    for index, token in enumerate(found):
        closed = False
        while frames and frames[-1][0] <= index:
            closed = True
            _close(frames.pop(), text)
            if frames and len(frames[-1]) == 3:
                frames[-1][2] = index + 1  # the interface's next method's annotations start after what closed
        if closed:
            continue
        if index in bodies:
            frames.append([matched.get(index, len(found)), bodies[index], index + 1])
        elif frames and len(frames[-1]) == 5:
            frames[-1][4].append(token)
        elif frames and _method_name(found, index):
            frame = frames[-1]
            frames.append([matched.get(index + 1, len(found)), frame[1], token[1], found[frame[2] : index], []])
            frame[2] = len(found)  # (until the parameter list closes)
    while frames:
        _close(frames.pop(), text)


def _method_name(found: list[Lexeme], index: int) -> bool:
    """Whether the token at ``index`` names a method declared: a plain name before ``(``, after no ``@`` or ``.``
    (an annotation's, or a call's on a value), and no ``(`` of a frame already open."""
    kind, value, _start, _end = found[index]
    return kind == "name" and _WORD.fullmatch(value) is not None and index + 1 < len(found) \
        and found[index + 1][:2] == ("punct", "(") and (index == 0 or found[index - 1][:2] not in (("punct", "@"),
                                                                                      ("punct", ".")))


def _close(frame: list, text: str) -> None:
    """A frame closed: a method's, with an HTTP method's annotation among its own, declared on its interface."""
    if len(frame) != 5:
        return
    _closing, interface, name, head, params = frame
    endpoint = _endpoint(head, text)
    if endpoint is not None:
        endpoint.params = [_param(part, text) for part in _split(params[1:] if params[:1] else params)]
        interface.endpoints[name] = endpoint


def _endpoint(head: list[Lexeme], text: str) -> Endpoint | None:
    """A method's endpoint from the annotations before its name: the first ``@VERB("path")``, all ``@Headers``'
    strings (``Name: value``); None where no HTTP method's annotation with a path is written."""
    verb: tuple[str, str] | None = None
    headers: list[tuple[str, str]] = []
    at = 0
    while at + 2 < len(head):
        annotation = head[at + 1][1].rpartition(".")[2]
        if head[at][:2] != ("punct", "@") or head[at + 1][0] != "name" or head[at + 2][:2] != ("punct", "("):
            at += 1
            continue
        args, at = _inside(head, at + 2)
        if annotation in _VERBS and verb is None and len(args) == 1 and args[0][0] == "string":
            verb = (annotation, literal(args[0], text))
        elif annotation == "Headers":
            said = (literal(arg, text).partition(":") for arg in args if arg[0] == "string")
            headers += [(name.strip(), value.strip()) for name, _, value in said]
    return None if verb is None else Endpoint(verb[0], verb[1], headers, [])


def _inside(found: list[Lexeme], opening: int) -> tuple[list[Lexeme], int]:
    """The tokens inside the parentheses opened at ``opening`` and the index after their closing one (the list's
    end where none closes them)."""
    depth, at = 0, opening
    while at < len(found):
        depth += (found[at][1] == "(") - (found[at][1] == ")") if found[at][0] == "punct" else 0
        if depth == 0:
            return found[opening + 1 : at], at + 1
        at += 1
    return found[opening + 1 :], at


def _split(params: list[Lexeme]) -> list[list[Lexeme]]:
    """A parameter list's parameters: split at its commas outside brackets (a type's angle brackets too)."""
    parts: list[list[Lexeme]] = [[]]
    depth = angles = 0
    for token in params:
        punct = token[1] if token[0] == "punct" else ""
        depth += (punct in ("(", "[", "{")) - (punct in (")", "]", "}"))
        angles = angles + 1 if punct == "<" else max(0, angles - (punct == ">"))
        if punct == "," and depth == 0 and angles == 0:
            parts.append([])
        else:
            parts[-1].append(token)
    return [part for part in parts if part]


def _param(part: list[Lexeme], text: str) -> tuple[str, str, str]:
    """A parameter's name, its role (its first annotation of the client's own, ``@Header``, ``@Body``…, whatever
    others stand before or after it: ``@NonNull @Header("Name")``; else its first annotation's name) and the string
    that annotation is given first: Kotlin's ``@Header("Name") name: String``, Java's ``@Header("Name") String
    name``."""
    role = header = ""
    rest: list[Lexeme] = []
    at = 0
    while at < len(part):
        if part[at][:2] == ("punct", "@") and at + 1 < len(part) and part[at + 1][0] == "name":
            given = at + 2 < len(part) and part[at + 2][:2] == ("punct", "(")
            args, after = _inside(part, at + 2) if given else ([], at + 2)
            named = part[at + 1][1].rpartition(".")[2]
            if not role or (named in _ROLES and role not in _ROLES):
                role = named
                header = literal(args[0], text) if args and args[0][0] == "string" else ""
            at = after
            continue
        rest.append(part[at])
        at += 1
    typed = next((index for index, token in enumerate(rest) if token[:2] == ("punct", ":")), len(rest))
    names = [token[1] for token in rest[:typed] if token[0] == "name"]
    return (names[-1] if names else ""), role, header
