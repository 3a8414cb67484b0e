"""Whether a request written as source code is signed by a signer installed on its own client, so that headers the
group does not show are sent (see :mod:`.source_requests`): ``session.mount("https://api.iugu.com/",
IuguSigningAdapter(key))`` then ``session.post(…)``, ``requests.post(…, auth=IuguSignature(key))``, Go's
``client := &http.Client{Transport: &signingTransport{…}}`` then ``client.Do(req)``, .NET's ``new
HttpClient(new SigningHandler(key))``, OkHttp's ``.addInterceptor(SignatureInterceptor(key))``.

A signer is a definition of the file whose body sets the signed headers (:mod:`.source_signers`), never a word in a
name. It counts only where it is installed on the transfer's own client, read by scope, never by name alone:

- the client is the sending call's receiver (``session`` of ``session.post``; of Go's ``client.Do(req)``,
  .NET's ``client.SendAsync(request)`` or OkHttp's ``client.newCall(request)``, the one given the request object
  the URL is built into), bound by the LAST assignment of that name before the call at the call's own level of the
  same block (a ``with … as`` too): a client bound again (``session = requests.Session()`` twice, two ``with``
  blocks, Go's ``client = &http.Client{}`` again) is a new client, and one bound in another function or block, or
  not at all in the group, is unknown;
- the signer is in that binding's value (``&http.Client{Transport: &signingTransport{…}}``), or installed on that
  client between its binding and the call at the binding's level: ``mount`` for a literal prefix that starts the
  URL (a prefix held in a constant or a setting is unknown: not counted), ``interceptors.request.use``,
  ``addInterceptor``, or an assignment to its ``auth`` or ``Transport``; or it is the sending call's own ``auth``;
- it is written as the signer's construction or reference, or as a name the same scope last bound to one; a
  keyword argument of any call (``OpenSearch(…, auth=AWSV4SignerAuth(…))``) binds no name.
"""

from __future__ import annotations

from .source_scopes import Scopes
from .source_tokens import Token

_OPENING = {"(": 1, "[": 1, "{": 1, ")": -1, "]": -1, "}": -1}
_ASSIGNING = frozenset({"=", ":="})
_INTERCEPTING = frozenset({"addInterceptor", "add_interceptor", "interceptors.request.use"})
_EJECTING = ".interceptors.request.eject"  # an interceptor taken off again: which one, the text may not say
_INSTALLED_MEMBERS = frozenset({"auth", "Transport", "transport"})
_DECLARING = frozenset({"var", "val", "let", "const", "final", "auto"})


def signed(scope: Scopes, url: str, url_at: int, signing: frozenset[str]) -> bool:
    """Whether the request whose URL is written at ``url_at`` of the group's tokens (``scope``'s) is sent by a client
    with a signer of ``signing`` installed (see the module): the call given the URL, or every call that is given the
    request object built with it (one sent twice is signed only if both are)."""
    if not signing:
        return False
    direct, given = _sending_calls(scope.found, url_at)
    if any(_signed_call(scope, url, call, opened, signing) for call, opened in direct):
        return True
    return bool(given) and all(_signed_call(scope, url, call, opened, signing) for call, opened in given)


def _signed_call(scope: Scopes, url: str, call: int, opened: int, signing: frozenset[str]) -> bool:
    """Whether the call named at ``call`` (opened at ``opened``) is signed: by its own ``auth`` where it is given one
    (it overrides its client's); else by its receiver's, the binding in scope and what is installed after it."""
    found = scope.found
    own = _labelled(found, opened, "auth")
    if own:
        return any(_is_signer(scope, at, signing, call) for at in own)
    receiver = found[call].text.rsplit(".", 1)[0]
    bound = scope.binding(receiver, call)
    if bound is None:
        return False
    steps = [at for at in range(bound + 1, call) if found[at].kind == "name"
             and found[at].text.startswith(receiver + ".") and found[at + 1].kind == "punct"]
    members = [at for at in steps if found[at].text[len(receiver) + 1:] in _INSTALLED_MEMBERS
               and found[at + 1].text in _ASSIGNING]
    installed = any(_is_signer(scope, at + 2, signing, call) and scope.level(bound, at, same=True)
                    for at in members[-1:])
    if not members and any(_is_signer(scope, at, signing, call)
                           for at in range(bound + 1, _statement_end(found, bound))):
        installed = True
    return installed or _mounted(scope, steps, receiver, url, bound, signing, call) or any(
        _intercepts(scope, at, receiver, signing, call) and scope.level(bound, at, same=True)
        for at in steps) and not any(found[at].text.endswith(_EJECTING) for at in steps)


def _sending_calls(found: list[Token], url_at: int) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The calls that may send the URL at ``url_at``, each as the index of its name and of its opening bracket: the
    call made on a receiver it is given to; and the calls made on a receiver that are given the name the request
    object built with the URL is assigned (``req, _ := http.NewRequest(…)`` then ``client.Do(req)``)."""
    opened = _enclosing(found, url_at)
    if opened is None or opened < 1 or found[opened - 1].kind != "name":
        return [], []
    direct = [(opened - 1, opened)] if "." in found[opened - 1].text.lstrip(".") else []
    holder = _assigned_name(found, opened - 1)
    given = []
    for at in range(url_at + 1, len(found) - 1) if holder else ():
        if found[at].text == holder and found[at].kind == "name" and found[at - 1].text in ("(", ",") \
                and (outer := _enclosing(found, at)) is not None and outer >= 1 \
                and "." in found[outer - 1].text.lstrip("."):
            given.append((outer - 1, outer))
    return direct, given


def _enclosing(found: list[Token], at: int) -> int | None:
    """The index of the ``(`` the token at ``at`` is an argument of, or None."""
    depth = 0
    for index in range(at - 1, -1, -1):
        text = found[index].text if found[index].kind == "punct" else ""
        depth += _OPENING.get(text, 0)
        if depth == 1:
            return index if text == "(" else None
    return None


def _assigned_name(found: list[Token], at: int) -> str | None:
    """The name the expression whose call name is at ``at`` is assigned (``req`` of ``req, _ := http.NewRequest(…)``,
    of ``var request = new HttpRequestMessage(…)``, of ``val request = Request.Builder()…url(…)``)."""
    depth = 0
    for index in range(at - 1, -1, -1):
        token = found[index]
        if token.kind == "punct" and token.text in _OPENING:
            depth -= _OPENING[token.text]
            if depth < 0:
                return None
        elif depth == 0 and token.kind == "punct" and token.text in _ASSIGNING:
            names = [found[back] for back in range(index - 1, -1, -1) if found[back].line == token.line]
            names = [name for name in names if name.kind == "name" and name.text not in ("_", "err")]
            return names[0].text if names else None
        elif depth == 0 and not (token.kind == "name" or token.text == "." or token.text == "&"):
            return None
    return None


def _labelled(found: list[Token], opened: int, label: str) -> list[int]:
    """The indexes of the values the call opened at ``opened`` is given labelled ``label`` (its own, not a nested
    call's)."""
    depth, values = 0, []
    for at in range(opened, len(found) - 2):
        text = found[at].text if found[at].kind == "punct" else ""
        depth += _OPENING.get(text, 0)
        if depth == 0:
            break
        if depth == 1 and found[at].text == label and found[at].kind == "name" and found[at + 1].text == "=":
            values.append(at + 2)
    return values


def _statement_end(found: list[Token], start: int) -> int:
    """The index past the statement that binds at ``start``: where its brackets are closed and the next line does
    not go on with a chained call."""
    depth = 0
    for at in range(start + 1, len(found) - 1):
        text = found[at].text if found[at].kind == "punct" else ""
        depth += _OPENING.get(text, 0)
        if depth <= 0 and found[at + 1].line > found[at].line and not found[at + 1].text.startswith(".") \
                and found[at].text not in ("=", ":=", ".", ",", "(") and found[at + 1].text != ".":
            return at + 1
    return len(found)


def _mounted(scope: Scopes, steps: list[int], receiver: str, url: str, bound: int, signing: frozenset[str],
             call: int) -> bool:
    """Whether the adapter the receiver sends ``url`` with is a signer mounted at its binding's level: of the mounts
    for a literal prefix that starts the URL, the longest prefix's, the last mounted of equals (as requests picks);
    none where a mount's prefix is not a literal (a constant, a setting: it may be longer)."""
    found = scope.found
    mounts = [at for at in steps if found[at].text == receiver + ".mount" and found[at + 1].text == "("]
    if any(found[at + 2].kind != "string" or found[at + 3].text != "," for at in mounts):
        return False
    covering = [(len(prefix), at) for at in mounts if (prefix := found[at + 2].text) and url.startswith(prefix)]
    if not covering:
        return False
    at = max(covering)[1]
    return scope.level(bound, at, same=True) and any(
        _is_signer(scope, index, signing, call) for index in range(at + 4, _statement_end(found, at)))


def _intercepts(scope: Scopes, at: int, receiver: str, signing: frozenset[str], call: int) -> bool:
    """Whether the statement at ``at`` adds a signer to the receiver's interceptors (axios' ``interceptors.request
    .use(sign)``, ``addInterceptor(…)``)."""
    found = scope.found
    if found[at].text[len(receiver) + 1:] not in _INTERCEPTING or found[at + 1].text != "(":
        return False
    return any(_is_signer(scope, index, signing, call) for index in range(at + 2, _statement_end(found, at)))


def _is_signer(scope: Scopes, at: int, signing: frozenset[str], before: int) -> bool:
    """Whether the token at ``at`` is a signer of ``signing`` constructed or named (``new SigningHandler(key)``,
    ``&signingTransport{…}``, ``sign_request``), or a name last bound in scope to one before ``before``."""
    found = scope.found
    token = found[at]
    if token.kind != "name":
        return False
    if token.text.rsplit(".", 1)[-1] in signing:
        return at == 0 or found[at - 1].text != "."
    if at + 1 < len(found) and found[at + 1].text in ("(", "{", "=", ":=", "."):
        return False
    bound = scope.binding(token.text, before)
    if bound is None or bound == at:
        return False
    value = bound + 2
    while value < len(found) and found[value].text in _DECLARING | {"new", "&"}:
        value += 1
    return value < len(found) and found[value].kind == "name" and found[value].text.rsplit(".", 1)[-1] in signing


def signed_request(found: list[Token], lines: list[str], url: str, given: dict[str, str],
                   signing: frozenset[str]) -> bool:
    """Whether the group's request to ``url`` (written as its literal, or as a constant ``given`` it) is signed on
    its own client (:func:`signed`), read where the URL is first written."""
    url_at = next((at for at, token in enumerate(found) if token.kind == "string" and token.text == url
                   or token.kind == "name" and given.get(token.text) == url), None)
    return url_at is not None and signed(Scopes(found, lines), url, url_at, signing)
