"""The signers a source file defines: a class, type or function whose own body sets both a ``Signature`` and a
``Request-Time`` header (``request.headers["Signature"] = …``, Go's ``req.Header.Set("Signature", …)`` in a method
of the type, OkHttp's ``.header("Signature", …)``, .NET's ``request.Headers.Add("Signature", …)``).

Such a value installed on the client a transfer is sent with signs that transfer where the request's group does not
show the headers (see :mod:`.source_installed`). A name is never evidence: ``SignatureLoggingHandler``,
``sign_in`` or ``SigV4SigningAdapter`` sign nothing iugu or Asaas reads unless the file shows their bodies setting
both headers; a body that only reads or logs them (``logger.info(request.headers["Signature"])``) sets none. What
the file does not define (a library's class, an import) is unknown, so not a signer: a transfer is then still
called unsigned rather than one hidden.
"""

from __future__ import annotations

from .source_languages import Language
from .source_tokens import Token, tokens

# what opens a definition, the name defined following it (Go's method names its type in its receiver instead)
_DEFINING = frozenset({"class", "def", "func", "function", "fun", "type", "struct", "object"})
# the headers a signer sets, both (lower case): iugu's signature and the time it signs
_SIGNED = frozenset({"signature", "request-time"})
# what branches: a header set after one may be set on some requests only
_BRANCHING = frozenset({"if", "elif", "unless", "switch", "when", "case", "match", "guard", "else"})
# calls that set a header given its name first (lower case): `Header.Set`, `.header`, `Headers.Add`, `setHeader`
_SETTERS = frozenset({"set", "add", "header", "setheader", "addheader", "put", "append", "set_header", "add_header",
                      "putheader", "setrequestheader", "tryaddwithoutvalidation", "addheaders"})


def signers(found: list[Token], lines: list[str]) -> frozenset[str]:
    """The names of the file's definitions whose body sets both signed headers (:data:`_SIGNED`), read from the
    file's tokens ``found`` and its ``lines`` (the text of each, for the indentation a Python body is read by)."""
    closes = _closes(found)
    bodies = [(index, end, name) for index, token in enumerate(found[:-1]) if token.kind == "name"
              and token.text in _DEFINING and (name := _defined_name(found, index))
              and (end := _body_end(found, index, closes, lines)) is not None]
    setting = [index for index, token in enumerate(found) if _sets_signed(found, index)
               and not _branched(found, bodies, index)]
    defined: dict[str, set[str]] = {}
    for start, end, name in bodies:
        defined.setdefault(name, set()).update(found[at].text.lower() for at in setting if start < at < end)
    return frozenset(name for name, headers in defined.items() if headers >= _SIGNED)


def _branched(found: list[Token], bodies: list[tuple[int, int, str]], index: int) -> bool:
    """Whether the innermost definition holding the header set at ``index`` branches before it (``if "ledger" in
    request.url``, an early ``return`` under an ``if``): it may set the header on some requests only (none, where
    the set is in no definition)."""
    start = max((start for start, end, _ in bodies if start < index < end), default=None)
    return start is None or any(token.kind == "name" and token.text in _BRANCHING for token in found[start:index])


def _sets_signed(found: list[Token], index: int) -> bool:
    """Whether the string at ``index`` names a signed header as one set: the key of an index assignment
    (``headers["Signature"] =``), or the first argument of a header setter (``Header.Set("Signature", …)``)."""
    token = found[index]
    if token.kind != "string" or token.text.lower() not in _SIGNED or not 2 <= index < len(found) - 2:
        return False
    before, after = found[index - 1].text, found[index + 1].text
    if before == "[" and after == "]":
        return found[index + 2].text == "="
    setter = found[index - 2]
    return before == "(" and after == "," and setter.kind == "name" and \
        setter.text.rsplit(".", 1)[-1].lower() in _SETTERS


def _defined_name(found: list[Token], index: int) -> str | None:
    """The name the definition opened at ``index`` defines: the one after its keyword, or a Go method's receiver
    type (``func (t *signingTransport) RoundTrip(…)``: the type's, whose value signs)."""
    following = found[index + 1]
    if following.kind == "name":
        return following.text
    if found[index].text == "func" and following.text == "(":
        receiver = [token.text for token in found[index + 2 : index + 6] if token.kind == "name"]
        return receiver[-1] if len(receiver) >= 2 else None
    return None


def _body_end(found: list[Token], index: int, closes: dict[int, int], lines: list[str]) -> int | None:
    """The index past the body of the definition opened at ``index``: to its braces' close, or, where its line ends
    with ``:`` (Python's), to the first token on a later line indented no deeper than the definition's."""
    depth = 0
    for at in range(index + 1, len(found)):
        text = found[at].text
        if found[at].kind != "punct":
            continue
        if text in ("(", "["):
            depth += 1
        elif text in (")", "]"):
            depth -= 1
        elif text == "{" and depth == 0:
            return closes.get(at)
        elif text == ":" and depth == 0 and (at + 1 == len(found) or found[at + 1].line > found[at].line):
            return _indented_end(found, at + 1, lines, found[index].line)
        elif text in (";", "}") and depth == 0:
            return None
    return None


def _indented_end(found: list[Token], start: int, lines: list[str], line: int) -> int:
    """The index of the first token from ``start`` on a line indented no deeper than ``line``."""
    indent = _indentation(lines[line])
    return next((at for at in range(start, len(found)) if found[at].line != found[at - 1].line
                 and _indentation(lines[found[at].line]) <= indent), len(found))


def _indentation(text: str) -> int:
    return len(text) - len(text.lstrip())


def _closes(found: list[Token]) -> dict[int, int]:
    """Each ``{``'s index to its matching ``}``'s, in one pass."""
    opened: list[int] = []
    closes = {}
    for index, token in enumerate(found):
        if token.kind == "punct" and token.text == "{":
            opened.append(index)
        elif token.kind == "punct" and token.text == "}" and opened:
            closes[opened.pop()] = index
    return closes


class FileSigners:
    """The signers of the lines read of one file, read once, and only where a request asks (most files' requests
    show their headers missing without one)."""

    def __init__(self, lines: list[tuple[int, str]], lang: Language) -> None:
        self._lines = lines
        self.lang = lang
        self._names: frozenset[str] | None = None

    def names(self) -> frozenset[str]:
        """The names of the signers the lines define (:func:`signers`)."""
        if self._names is None:
            texts = [text for _, text in self._lines]
            self._names = signers(tokens("\n".join(texts), self.lang), texts)
        return self._names
