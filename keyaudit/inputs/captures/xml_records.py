"""Requests recorded as XML elements — JMeter's JTL results, proxy and scanner session exports
(Charles, Burp Suite), XML log layouts — read by the generic reconstructor (:mod:`.records`) like
any structured record.

An element is a record whose fields are its attributes and child elements (a child repeated is a
list); an element holding only text is that text, entities and CDATA undone; one holding text
beside attributes is an object whose ``value`` is the text (Charles's ``<body
encoding="base64">``: a body object that says its encoding). An attribute that says a value's
type (XStream's ``class``) is no field, and names lose their namespace.

Some formats name each field by an attribute rather than by its tag: a list of elements of one tag
(or of several, each of them named), each saying which field it is in a ``name`` attribute (a map's
entries: ``key``) and its value in its text or in an attribute that shows it — tshark's PDML
(``<field name="http.host" show="api.iugu.com" value="<hex>"/>``, the fields of a protocol nested
under the text items they dissect), a BPMN service task's connector parameters (Camunda's
``<camunda:inputParameter name="url">…</camunda:inputParameter>`` beside its output parameters, the
headers one parameter holding a ``<camunda:map>`` of ``<camunda:entry key="…">`` elements). Such a
list is an object whose members are the named elements at any depth below it (the names are
qualified already, PDML's by their protocol), each valued by its text, else by what it shows
(``show``; a bytes field's bytes in hex, as tshark shows them), else by the list of named elements
it holds alone (a map: an object of its own); an element named by no ``name`` (a text item, a
protocol's own element) is no member, its named elements are. A ``value`` attribute is not read as
the value: an HTML form's ``<input name=… value=…>`` is what a page asks for, no request sent (and
PDML's ``value`` is every field's bytes as sent, not what they say). Elements whose tag says they
are headers are not fields named so but the entries of a list of headers, each its ``name`` and
``value`` (Tsung's ``<http_header name=… value=…/>``).

A test plan saved by an object serializer names its properties so, each by its owner's type and its field (JMeter's
``<stringProp name="HTTPSampler.method">``, ``Header.value``): the field is the property's name. A named element
whose children are named by none, each holding named elements, is the list of their objects (a collection's items:
JMeter's headers); an item (named ``""``) with a ``value`` and no ``name`` is that value (the raw body, a sampler's
nameless argument), a map's ``value`` (Camunda's payload) a member. And what a plan keeps after a call configures
it: the element opening on the line after a request's, where it names no request of its own and the two show more
of the request together, is read with it (JMeter's hashTree after a sampler, its HeaderManager).

An object serializer names a field so too, and writes its value in elements that say the value's type: Java's
``XMLEncoder`` a bean's property (``<void property="body"><string>…</string></void>``), PowerShell's CliXML an
entry's key and value (``<En><S N="Key">Body</S><S N="Value">…</S></En>``). A named element with no text whose
children are named by none is valued by what they hold: the text of the one typed element, or the map of the
entries they are — a ``put`` call's two arguments (``<void method="put">``, XMLEncoder's map), a pair named ``Key``
and ``Value`` (CliXML's dictionary, ``<DCT>``) — with the elements that only name a type left out (CliXML's ``<TN>``,
``<TNRef>``: how, not what); a list of such entries is that map wherever it stands. CliXML writes a string's
control characters as .NET's ``XmlConvert`` escapes them, ``_x000A_``; every text is read with them undone.

The readers see a window of lines, not a document, so the file is never parsed whole (an element cut
out of it has the namespace prefixes its ancestors declared declared for it). Around each anchored
line that holds a tag, the elements that open on a line at most :data:`MAX_RECORD_LINES` above it
and close below it are tried from the innermost out: the first that describes a request is its
record (a URL's own element describes none; the sample around it does). Each element is parsed alone
by expat, and one that declares anything is not read: an entity declaration is how a document grows
without bound when parsed.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Iterator

from keyaudit.model.exchange import Exchange, Origin
from keyaudit.rulebook.header_names import RecordHeaders

from .record_views import role
from .records import HEADERS, request_of

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

MAX_RECORD_LINES = 400  # an element longer than this is not a recorded request
MAX_TRIED = 6  # elements around one anchor parsed at most, innermost first
MAX_EXAMINED = 32  # openings above one anchor looked at most (a JTL sample's is its tenth)
MAX_DEPTH = 16  # elements nested at most this deep: below a record (the reconstructor searches 8), or in one of their name
TYPE_ATTRIBUTES = frozenset({"class", "type", "space"})  # XStream's class, xsi:type, xml:space: how, not what
TYPE_ELEMENTS = frozenset({"TN", "TNRef"})  # CliXML's type names of an object: how, not what
DICTIONARIES = frozenset({"DCT"})  # CliXML's dictionary: one with no entry is an empty map, not its blanks
_OPEN = re.compile(r"<([A-Za-z_][\w.:-]*)(?=[\s/>])")
# a prefix a tag's or an attribute's name uses, and one an attribute declares
_PREFIX = re.compile(r"(?:</?|\s)([A-Za-z_][\w.-]*):[A-Za-z_][\w.-]*(?=[\s/>=])")
_DECLARED_PREFIX = re.compile(r"\sxmlns:([A-Za-z_][\w.-]*)=")
_TAG = re.compile(r"<[^<>]*>")  # a tag, where a prefix is declared (not an element's text: an escaped fragment's)
_DECLARATION = "<!"  # a DOCTYPE or ENTITY inside a record (CDATA sections are allowed: see _declares)
# the attributes that name an element's field where its tag does not (see above): a bean's property, CliXML's `N`
NAMES = ("name", "key", "property", "N")
PAIR = ("Key", "Value")  # the names of a dictionary entry's two parts (CliXML's `<En>`)
PUT = "put"  # the method a map's entry is written as a call of, its key and value the arguments (XMLEncoder's)
_ESCAPED_CHAR = re.compile(r"_x([0-9A-Fa-f]{4})_")  # .NET's XmlConvert escape of a character, CliXML's
SHOWN = "show"  # the attribute that shows a named element's value, where it has no text
NAME, VALUE = "name", "value"  # the fields of a named value (see _value_of)
_OWNED = re.compile(r"[A-Z][A-Za-z0-9]*\.([A-Za-z_]\w*)")  # a field qualified by its owner's type (see _owned_field)


def exchanges(lines: list[tuple[int, str]], anchored: list[tuple[int, str]], path: str,
              known: RecordHeaders) -> Iterator[Exchange]:
    """Every request recorded as an XML element around the ``anchored`` lines (of ``lines``)
    that hold a tag, each element read once."""
    tagged = [number for number, text in anchored if "<" in text]
    if not tagged:
        return
    index = {number: at for at, (number, _) in enumerate(lines)}
    read_to = -1  # the last line of the last element read: anchors inside it are its own
    closings: dict[int, int | None] = {}  # where the element opening on a line closes: found once a window
    parsed: set[int] = set()  # the elements (by opening line) parsed: each once, whichever anchor it is around
    for number in tagged:
        at = index.get(number)
        if at is None or at <= read_to:
            continue
        for first, last in _elements_around(lines, at, closings):
            if first in parsed:
                continue
            parsed.add(first)
            record = _record(lines, first, last)
            origin = Origin(path, lines[first][0], capture="xml", end_line=lines[last][0])
            if record is not None and (exchange := request_of(record, origin, known=known)) is not None:
                exchange, read_to = _configured(lines, (first, last), record, exchange, closings, known)
                yield exchange
                break


def _configured(lines: list[tuple[int, str]], span: tuple[int, int], record: dict[str, Any], exchange: Exchange,
                closings: dict[int, int | None], known: RecordHeaders) -> tuple[Exchange, int]:
    """The request read from the element on the ``span`` of lines (its ``record``), with the element opening on the
    line after it where that names no request of its own and the two show more of it together, and the last line
    read: a test plan keeps what configures a call after it (JMeter's hashTree after a sampler, its HeaderManager).
    An element of the request's own tag after it is the next request (a JTL's next sample): not looked into."""
    first, last = span
    after = last + 1
    opened = _OPEN.match(lines[after][1].lstrip()) if after < len(lines) else None
    own = _OPEN.search(lines[first][1])
    if opened is None or own is None or own.group(1) == opened.group(1):
        return exchange, last
    end = closings[after] if after in closings else closings.setdefault(
        after, _closing(lines, after, opened.group(1), lines[after][1].index("<")))
    following = None if end is None else _record(lines, after, end)
    if end is None or following is None or request_of(following, exchange.origin, known=known):
        return exchange, last
    both = {_local(own.group(1)): record, _local(opened.group(1)): following}
    configured = request_of(both, exchange.origin, known=known)
    if configured is None or (configured.method, configured.url) != (exchange.method, exchange.url) \
            or not configured.shows_more_than(exchange):
        return exchange, last
    return configured, end


def _elements_around(lines: list[tuple[int, str]], at: int, closings: dict[int, int | None]) -> Iterator[tuple[int, int]]:
    """(first, last) line indexes of the elements that open on a line's first tag at or above
    ``at`` and close at or below it, innermost first: at most :data:`MAX_TRIED` of them, among
    the :data:`MAX_EXAMINED` nearest openings (an HTML page's lines each open a tag)."""
    tried = examined = 0
    for first in range(at, max(-1, at - MAX_RECORD_LINES), -1):
        found = _OPEN.search(lines[first][1])
        if found is None:
            continue
        if first not in closings:
            closings[first] = _closing(lines, first, found.group(1), found.start())
        last = closings[first]
        examined += 1
        if last is not None and last >= at:
            yield first, last
            tried += 1
        if tried == MAX_TRIED or examined == MAX_EXAMINED:
            return


def _closing(lines: list[tuple[int, str]], first: int, name: str, start: int) -> int | None:
    """The index of the line where the element ``name`` opened at ``start`` of line ``first``
    closes (elements of the same name inside it counted; an empty one, ``<name/>``, closes
    itself), or None within the bound."""
    tags = re.compile(rf"<(/?){re.escape(name)}(?=[\s/>])(?:[^>]*?(/)>)?")
    depth = 0
    for at in range(first, min(len(lines), first + MAX_RECORD_LINES)):
        for tag in tags.finditer(lines[at][1], start if at == first else 0):
            depth += -1 if tag.group(1) else 0 if tag.group(2) else 1
            if depth == 0:
                return at
            if depth > MAX_DEPTH:
                return None  # opened again and again, never closed (HTML's <p>): no record
    return None


def _record(lines: list[tuple[int, str]], first: int, last: int) -> dict[str, Any] | None:
    """The element on lines ``first`` to ``last`` as a record, or None when it is no XML element
    alone (text around it, a declaration in it, a parse error) or holds only text."""
    text = "\n".join(line for _, line in lines[first : last + 1])
    start, end = _OPEN.search(text), text.rfind(">")
    if start is None or end < 0:
        return None
    element_text = _prefixes_declared(text[start.start() : end + 1], start.end() - start.start())
    if _declares(element_text):
        return None
    from xml.etree import ElementTree  # imported for the first element: most windows hold none

    try:
        element = ElementTree.fromstring(element_text)
    except (ElementTree.ParseError, ValueError, RecursionError):
        return None
    fields = _fields(element)
    return fields if isinstance(fields, dict) else None


def _prefixes_declared(element: str, after_name: int) -> str:
    """The element with each namespace prefix it uses but does not declare declared on its own
    tag (after its name's ``after_name`` characters): an element cut out of its document uses the
    prefixes its ancestors declared (a BPMN model's ``camunda:``), and expat refuses one unbound.
    What the namespace is does not matter: names lose it (:func:`_local`)."""
    used = set(_PREFIX.findall(element)) - {"xml", "xmlns"}
    declared = {prefix for tag in _TAG.findall(element) for prefix in _DECLARED_PREFIX.findall(tag)}
    missing = sorted(used - declared)
    if not missing:
        return element
    declarations = "".join(f' xmlns:{prefix}="urn:undeclared:{prefix}"' for prefix in missing)
    return element[:after_name] + declarations + element[after_name:]


def _declares(text: str) -> bool:
    """Whether an element's text holds a declaration (``<!DOCTYPE``, ``<!ENTITY``) beside its
    CDATA sections and comments."""
    return _DECLARATION in text.replace("<![CDATA[", "").replace("<!--", "")


def _fields(element: Element, depth: int = 0) -> Any:
    """An element as a record's value: its text, or an object of its attributes and children
    (those nested deeper than :data:`MAX_DEPTH` left out: a request is not written so deep)."""
    attributes = {local: value for name, value in element.attrib.items() if (local := _local(name)) not in TYPE_ATTRIBUTES}
    children = _typed_children(element) if depth < MAX_DEPTH else []
    one_tag = len({child.tag for child in children}) == 1
    if children and role(_local(children[0].tag)) not in HEADERS and (
            all(map(_named, children)) or one_tag and any(map(_named, children))):
        return _named_fields(element, depth)
    if children and (entries := _entries(children, depth)) is not None:
        return entries
    text = _text(element)
    if not children:
        if not attributes:
            return text
        return {**attributes, "value": text} if text.strip() else attributes
    fields: dict[str, Any] = {}
    for child in children:
        _add(fields, _local(child.tag), _fields(child, depth + 1))
    # a child beats an attribute of its name: Charles's <request headers="true"> holds <headers>
    return {**attributes, **fields}


def _named_fields(element: Element, depth: int) -> dict[str, Any]:
    """A list of named elements as an object (see above): each element below ``element`` that a
    ``name`` (or ``key``) attribute names, and holds a value, is a member (a name repeated is a
    list); one whose value is a list of named elements of its own (a map's entries) is that object."""
    fields: dict[str, Any] = {}
    pending = [(child, depth + 1) for child in reversed(element)]
    while pending:
        child, level = pending.pop()
        name, text = _owned_field(_named(child)), _text(child)
        value: Any = text if text.strip() else child.get(SHOWN)
        if name and value is None and len(child) == 1 and len(child[0]) and level < MAX_DEPTH \
                and all(map(_named, child[0])):
            value = _named_fields(child[0], level + 1)  # a map (Camunda's headers), or a collection's one item
            value = _value_of(value, alone=True) if child[0].get(NAME) == "" else value  # an item is named ""
        elif name and value is None and len(child) and level < MAX_DEPTH and _items(child):
            value = [_value_of(_named_fields(item, level + 1)) for item in child]  # a collection (JMeter's headers)
        elif name and value is None and len(child) and level < MAX_DEPTH and not any(map(_named, child)) \
                and (held := _held(child, level + 1)) is not None:
            value = held  # a serializer's field, its value in typed elements
        elif level < MAX_DEPTH:
            pending += [(inner, level + 1) for inner in reversed(child)]
        if name and value is not None:
            _add(fields, name, value)
    return fields


def _owned_field(name: str | None) -> str | None:
    """A property's name without the type that owns it: an object serializer qualifies each field by its class
    (JMeter's ``HTTPSampler.method``, ``Header.value``, ``HeaderManager.headers``), the field being what says its
    role. A protocol's dotted names (PDML's ``http.request.method``) start in lower case and stay whole."""
    return owned.group(1) if (owned := _OWNED.fullmatch(name or "")) else name


def _value_of(fields: dict[str, Any], alone: bool = False) -> Any:
    """A collection's item of named fields, or its ``value`` where it names no ``name`` (JMeter's raw Body Data).
    ``alone``: the one item of its collection, where a name and a value are its one entry (JMeter's one header)."""
    if VALUE in fields and NAME not in fields:
        return fields[VALUE]
    return [fields] if alone and fields.keys() == {NAME, VALUE} else fields


def _items(element: Element) -> bool:
    """Whether an element's children are the items of a collection: each named by none and holding named
    elements only (JMeter's ``collectionProp`` of ``elementProp name=""``, each a header's name and value)."""
    return all(not _named(item) and len(item) and all(map(_named, item)) for item in element)


def _held(element: Element, depth: int) -> Any:
    """What the unnamed children of a named element hold (see above): the map of the entries they
    are, else the text of the one typed element (an empty dictionary: an empty map), looked for
    inside the one element that holds them (a map's own ``<object>``, a dictionary's ``<DCT>``); None
    for anything else."""
    children = _typed_children(element)
    while depth < MAX_DEPTH:
        if (entries := _entries(children, depth)) is not None:
            return entries
        if len(children) != 1:
            return None
        element, depth = children[0], depth + 1
        if not len(element):
            return {} if _local(element.tag) in DICTIONARIES else _text(element)
        children = _typed_children(element)
    return None


def _typed_children(element: Element) -> list[Element]:
    """An element's children but those that only name a type (:data:`TYPE_ELEMENTS`)."""
    return [child for child in element if _local(child.tag) not in TYPE_ELEMENTS]


def _entries(children: list[Element], depth: int) -> dict[str, Any] | None:
    """The map that ``children`` are when each is an entry of one — a ``put`` call of its key and
    value, or a pair named ``Key`` and ``Value`` — else None."""
    found: dict[str, Any] = {}
    for child in children:
        if child.get("method") == PUT and len(child) == 2 and not len(child[0]):
            key, value = _text(child[0]), _fields(child[1], depth + 1)
        elif len(child) == 2 and tuple(map(_named, child)) == PAIR and not len(child[0]):
            key, value = _text(child[0]), (_held(child[1], depth + 1) if len(child[1]) else _text(child[1]))
        else:
            return None
        found[key] = value
    return found or None


def _text(element: Element) -> str:
    """An element's own text, .NET's ``_xHHHH_`` escapes undone (see above)."""
    text = element.text or ""
    return _ESCAPED_CHAR.sub(lambda escape: chr(int(escape.group(1), 16)), text) if "_x" in text else text


def _named(element: Element) -> str | None:
    """The field an element's ``name`` attribute (or, in a map's entries, ``key``) says it is."""
    return next((found for attribute in NAMES if (found := element.get(attribute))), None)


def _add(fields: dict[str, Any], name: str, value: Any) -> None:
    """Add a member to ``fields``; one whose name is there already makes that member a list."""
    if name not in fields:
        fields[name] = value
    elif isinstance(fields[name], list):  # repeated before: an element's own value is never a list
        fields[name].append(value)
    else:
        fields[name] = [fields[name], value]


def _local(name: str) -> str:
    """A name without its namespace (ElementTree writes ``{uri}name``) or prefix."""
    return name.rpartition("}")[2].rpartition(":")[2]
