"""A rule pattern as a tree of what it matches: enough of `regex` syntax to judge ambiguity.

Characters become byte sets (one bit per byte; a character outside ASCII stands for all high
bytes, since one byte of its UTF-8 form is all a set can say); lookarounds and anchors match
nothing, a backreference, a property or a recursion anything; an atomic group or a possessive
repetition gives nothing back, so it is one opaque set. Lazy repetitions are repetitions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_ALL = (1 << 256) - 1
_DIGIT = sum(1 << c for c in range(0x30, 0x3A))
_LOWER, _UPPER = sum(1 << c for c in range(0x61, 0x7B)), sum(1 << c for c in range(0x41, 0x5B))
_WORD = _DIGIT | _LOWER | _UPPER | 1 << 0x5F
_SPACE = sum(1 << c for c in b" \t\n\r\f\v")
_HIGH = sum(1 << c for c in range(0x80, 0x100))  # any non-ASCII character: one of its UTF-8 bytes
_CLASS_ESCAPES = {"d": _DIGIT, "w": _WORD, "s": _SPACE, "D": _ALL & ~_DIGIT, "W": _ALL & ~_WORD, "S": _ALL & ~_SPACE,
                  "h": 1 << 0x20 | 1 << 0x09}
_CHAR_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v", "a": "\a", "e": "\x1b", "0": "\0"}
_ANCHOR_ESCAPES = frozenset("bBAZzGKmM")
_POSIX = {"alpha": _LOWER | _UPPER, "digit": _DIGIT, "alnum": _LOWER | _UPPER | _DIGIT, "space": _SPACE,
          "upper": _UPPER, "lower": _LOWER, "word": _WORD,
          "xdigit": _DIGIT | sum(1 << c for c in b"abcdefABCDEF")}
_ESCAPE_WIDTHS = {"x": 1, "p": 1, "P": 1, "u": 4, "U": 4, "N": 4}  # bytes at most, in a bytes pattern
_QUANTIFIER = re.compile(r"\{(\d*)(?:(,)(\d*))?\}")
# regex's fuzzy constraints (``{e<=1}``) and named lists (``\L<words>``): matches of widths not written
_WIDTH_UNWRITTEN = re.compile(r"\{[^{}]*[deis][ \t]*[<=]|\\L<")
# the same without a bound (``{e}``, ``{i+d}``: any number of errors), in braces no escape opens (``\p{Lu}``)
_FUZZY = re.compile(r"(?<!\\[pPNx])\{[^{}]*[deis][^{}]*\}")
# inline flags: those set, those unset, and whether they are scoped (`:`) or hold to the pattern's end (`)`)
_INLINE_FLAGS = re.compile(r"\(\?([a-zA-Z]*)(?:-([a-zA-Z]*))?([:)])")


@dataclass
class Node:
    """One piece of a pattern: a set of bytes, a sequence, alternatives, a repetition (with the
    span it is written at, to name it) or nothing (an anchor, a lookaround). An atom also knows how
    many bytes it matches at most: one for a byte set, a character's UTF-8 length for a character
    outside ASCII, None for what can match any length (a backreference, a recursion, ``\\X``). An empty
    piece knows how many bytes beside its position it reads: two for an anchor (``$`` reads whether
    a final line break follows), a lookaround what its body reads, None when that is not known."""

    kind: str  # "atom", "seq", "alt", "repeat", "empty"
    mask: int = 0  # atom: the bytes it matches
    items: list["Node"] = field(default_factory=list)  # seq, alt; repeat: its body
    low: int = 1
    high: int | None = 1  # repeat: None is unbounded
    span: tuple[int, int] = (0, 0)  # repeat: where it is written
    width: int | None = 1  # atom: the most bytes it matches; empty: the most it reads around it; None: unknown


def _char_mask(char: str) -> int:
    return 1 << ord(char) if ord(char) < 0x80 else _HIGH


class _Parser:
    """A recursive-descent reader of `regex` syntax, as much of it as decides ambiguity:
    ``_Parser(text).alternation()`` is the tree of the whole pattern."""

    def __init__(self, text: str) -> None:
        self.text, self.at = text, 0
        self.verbose = any("x" in flags for flags in _set_flags(text))

    def peek(self, size: int = 1) -> str:
        return self.text[self.at : self.at + size]

    def alternation(self) -> Node:
        branches = [self.sequence()]
        while self.peek() == "|":
            self.at += 1
            branches.append(self.sequence())
        return branches[0] if len(branches) == 1 else Node("alt", items=branches)

    def sequence(self) -> Node:
        items: list[Node] = []
        while self.skip_verbose() < len(self.text) and self.peek() not in "|)":
            start = self.at
            items.append(self.quantified(self.atom(), start))
        return Node("seq", items=items)

    def skip_verbose(self) -> int:
        """In verbose mode, past white space and comments; the position either way."""
        while self.verbose and self.peek() and self.peek() in " \t\r\n#":
            self.at = (self.text.find("\n", self.at) + 1 or len(self.text)) if self.peek() == "#" else self.at + 1
        return self.at

    def quantified(self, node: Node, start: int) -> Node:
        while True:
            self.skip_verbose()
            char, low, high = self.peek(), 0, None
            if char in ("*", "+", "?"):
                low, high = (0, None) if char == "*" else (1, None) if char == "+" else (0, 1)
                self.at += 1
            elif char == "{" and (found := _QUANTIFIER.match(self.text, self.at)) and (found[1] or found[3]):
                low = int(found[1] or 0)
                high = None if found[2] and not found[3] else int(found[3] or found[1])
                self.at = found.end()
            else:
                return node
            if self.peek() == "?":
                self.at += 1  # lazy: tries the same ways in another order
            possessive = self.peek() == "+"
            self.at += possessive
            if possessive:  # gives nothing back: one opaque position
                repeated = max_width(Node("repeat", items=[node], low=low, high=high))
                node = Node("atom", mask=_mask_of(node), width=repeated)
                node = node if low else Node("repeat", items=[node], low=0, high=1)
            else:
                node = Node("repeat", items=[node], low=low, high=high, span=(start, self.at))

    def atom(self) -> Node:
        char = self.peek()
        self.at += 1
        if char == "(":
            return self.group()
        if char == "[":
            return Node("atom", mask=self.char_class())
        if char == "\\":
            return self.escape()
        if char == ".":
            return Node("atom", mask=_ALL)
        if char in "^$":
            return Node("empty", width=2)
        return Node("atom", mask=_char_mask(char), width=len(char.encode("utf-8")))

    def group(self) -> Node:
        lookaround = opaque = conditional = False
        if self.peek() == "?":
            self.at += 1
            head = self.peek()
            if head == "#":
                self.at = self.text.find(")", self.at) + 1 or len(self.text)
                return Node("empty", width=0)
            if head in "=!" or self.peek(2) in ("<=", "<!"):
                lookaround = True
                self.at += 1 if head in "=!" else 2
            elif head == ">":
                opaque = True
                self.at += 1
            elif head in ":|":
                self.at += 1
            elif head in "P<'" and self.peek(2) not in ("P=", "P>"):
                self.at = self.text.find(">" if head != "'" else "'", self.at + 1) + 1  # a named group
            elif head == "(":  # a conditional: its condition matches nothing, and reads what is not known
                self.at = self.text.find(")", self.at) + 1
                conditional = True
            else:  # flags, a backreference or a recursion by name or number
                end = _INLINE_FLAGS.match(self.text, self.at - 2)
                if end is None or end.group().endswith(")"):
                    self.at = self.text.find(")", self.at) + 1 or len(self.text)
                    if end is None:
                        return Node("atom", mask=_ALL, width=None)
                    return Node("empty", width=0 if end[1].islower() or not end[1] else None)  # (?R): a recursion
                self.at = end.end()
        body = self.alternation()
        self.at += self.peek() == ")"
        if lookaround:
            width, reach = max_width(body), assertion_reach(body)
            return Node("empty", width=None if width is None or reach is None else width + reach)
        if conditional:
            return Node("seq", items=[Node("empty", width=None), body])
        return Node("atom", mask=_mask_of(body), width=max_width(body)) if opaque else body

    def escape(self) -> Node:
        char = self.peek()
        self.at += 1
        if char in _ANCHOR_ESCAPES:  # \\G and \\K depend on where a search starts, not on the text around
            return Node("empty", width=None if char in "GK" else 2)
        if char.isdigit() and char != "0" or char in "gpPNXxuU":  # a backreference, \g<name> or \X: any length
            return Node("atom", mask=self.code_point(char)[0], width=_ESCAPE_WIDTHS.get(char))
        return Node("atom", mask=_CLASS_ESCAPES.get(char) or _char_mask(_CHAR_ESCAPES.get(char, char)),
                    width=1 if char in _CLASS_ESCAPES else len(_CHAR_ESCAPES.get(char, char).encode("utf-8")))

    def code_point(self, char: str) -> tuple[int, str | None]:
        """``\\xhh``, ``\\uhhhh``, ``\\Uhhhhhhhh`` as their bytes and character; a backreference,
        a property or a named character as anything (and no one character)."""
        widths = {"x": 2, "u": 4, "U": 8}
        if char in widths:
            digits = self.text[self.at : self.at + widths[char]]
            self.at += len(digits)
            try:
                return _char_mask(chr(int(digits, 16))), chr(int(digits, 16))
            except ValueError:
                return _ALL, None
        if self.peek() in "{<":
            self.at = self.text.find("}" if self.peek() == "{" else ">", self.at) + 1 or len(self.text)
        return _ALL, None

    def char_class(self) -> int:
        negated = self.peek() == "^"
        self.at += negated
        mask, first = 0, True
        while self.at < len(self.text) and (first or self.peek() != "]"):
            first = False
            if self.peek(2) == "[:":
                end = self.text.find(":]", self.at)
                mask |= _POSIX.get(self.text[self.at + 2 : end], _ALL)
                self.at = end + 2
                continue
            if self.peek() == "[":  # a set operation of regex's version 1: anything
                return _ALL
            bits, low = self.class_item()
            if low is not None and self.peek() == "-" and self.peek(2) != "-]":
                self.at += 1
                high_bits, high = self.class_item()
                bits = _range_mask(low, high) if high is not None else bits | high_bits | _char_mask("-")
            mask |= bits
        self.at += 1  # the closing bracket
        # Negated, what is not ASCII stays possible: one byte stands for many characters here.
        return (_ALL & ~mask) | (mask & _HIGH) if negated else mask

    def class_item(self) -> tuple[int, str | None]:
        """One member of a character class: its bytes, and its character when it is one (a
        range can start or end there)."""
        char = self.peek()
        self.at += 1
        if char != "\\":
            return _char_mask(char), char
        escaped = self.peek()
        self.at += 1
        if escaped in _CLASS_ESCAPES:
            return _CLASS_ESCAPES[escaped], None
        if escaped in "xuUpPN":
            return self.code_point(escaped)
        char = _CHAR_ESCAPES.get(escaped, escaped)
        return _char_mask(char), char


def _range_mask(low: str, high: str) -> int:
    """The bytes of the characters ``low`` to ``high``: ASCII ones each, any other as _HIGH."""
    mask = sum(1 << c for c in range(ord(low), min(ord(high), 0x7F) + 1))
    return mask | (_HIGH if ord(high) >= 0x80 else 0)


def _mask_of(node: Node) -> int:
    """Every byte ``node`` can match somewhere."""
    mask = node.mask
    for item in node.items:
        mask |= _mask_of(item)
    return mask


def max_width(node: Node) -> int | None:
    """The most bytes ``node`` can match (lookarounds read but do not match); None when that is
    unbounded or unknown. Engines use it to bound where a match can start before its end."""
    if node.kind in ("atom", "empty"):
        return node.width if node.kind == "atom" else 0
    widths = [max_width(item) for item in node.items]
    if None in widths:
        return None
    known = [width for width in widths if width is not None]
    if node.kind == "seq":
        return sum(known)
    if node.kind == "alt":
        return max(known, default=0)
    return None if node.high is None else node.high * known[0]


def assertion_reach(node: Node) -> int | None:
    """The most bytes before a match of ``node`` or after its end that its anchors and lookarounds
    read; None when that is unbounded or unknown."""
    if node.kind == "empty":
        return node.width
    reaches = [assertion_reach(item) for item in node.items]
    return None if None in reaches else max((r for r in reaches if r is not None), default=0)


def locality(pattern: str) -> tuple[int, int] | None:
    """(before, after): how many bytes before a position and after it decide whether ``pattern``
    matches there, and where that match ends; None when not bounded, or not known (syntax this
    reader does not follow, fuzzy matching, a reversed search). A position that far from the ends
    of two texts that agree around it matches in both alike, so one search of a whole buffer
    answers for every span of it, but near a span's ends."""
    tree = _followed(pattern)
    width, reach = (None, None) if tree is None else (max_width(tree), assertion_reach(tree))
    return None if width is None or reach is None else (reach, width + reach)


def line_locality(pattern: str) -> int | None:
    """For a pattern that matches no line break (however long its match): how many bytes before a
    position and past the end of its line decide whether it matches there; None when it can match
    one, or that is not known. A position whose line two texts both hold whole, with that much
    around it, matches in both alike."""
    tree = _followed(pattern)
    return None if tree is None or spans_lines(tree) else assertion_reach(tree)


def _followed(pattern: str) -> Node | None:
    """The tree of ``pattern``, or None where this reader does not follow what it matches."""
    if _WIDTH_UNWRITTEN.search(pattern) or _FUZZY.search(pattern) or any(
            "r" in on or "x" in on + off and not (at.start() == 0 and end == ")" and not off)
            for at in _INLINE_FLAGS.finditer(pattern) for on, off, end in [at.groups(default="")]):
        return None  # (verbose mode is followed only where it holds for the whole pattern)
    try:
        return parse(pattern)
    except (IndexError, ValueError, TypeError):
        return None


def spans_lines(node: Node) -> bool:
    """Whether a match of ``node`` can hold a line break (what lookarounds read is not held)."""
    return bool(_mask_of(node) >> ord("\n") & 1)


def break_reach(node: Node) -> int | None:
    """How far into a match of ``node`` a line break can be: the most bytes of its pieces up to
    the last one that can hold a break (0: none can; None: unknown). A pattern whose breaks can
    only be in a short lead (the white space after ``Basic``) then says its match starts at most
    that far before the line its last byte is on, however long the rest is."""
    pieces = node.items if node.kind == "seq" else [node]
    last = max((i for i, piece in enumerate(pieces) if spans_lines(piece)), default=-1)
    widths = [max_width(piece) for piece in pieces[: last + 1]]
    return None if None in widths else sum(width for width in widths if width is not None)


def _fold_case(node: Node) -> None:
    if node.kind == "atom" and node.mask & (_LOWER | _UPPER):
        node.mask |= (node.mask & _LOWER) >> 32 | (node.mask & _UPPER) << 32  # a-z <-> A-Z
    for item in node.items:
        _fold_case(item)


def _set_flags(pattern: str) -> list[str]:
    """The flags each inline flag group of ``pattern`` sets."""
    return [found.group(1) for found in _INLINE_FLAGS.finditer(pattern)]


def parse(pattern: str) -> Node:
    """The tree of ``pattern``; its letters match both cases where any part of it ignores case.
    Raises IndexError, ValueError or TypeError on syntax this reader cannot follow."""
    tree = _Parser(pattern).alternation()
    if any("i" in flags for flags in _set_flags(pattern)):
        _fold_case(tree)
    return tree
