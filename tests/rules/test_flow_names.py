"""A flow's pattern with any name answers for every name where it can: the shipped rules' flows (``{name}``
pieces) over their rules' own examples and negative examples, with every name written in them (and the shorter
names a dotted or dashed one holds: ``cfg`` in ``cfg.key``, where a pattern may take either at one place).

Where the pattern with a name matches, the any-name pattern matches at the same place or before; where it does
not match at all, the name has no match; where its leftmost match took the name itself, that is the named
pattern's leftmost match. The judge relies on these three to compile a name's pattern only where the any-name
pattern cannot tell."""

from __future__ import annotations

import regex

from keyaudit.rulebook.context import FLOW_NAME_GROUP
from keyaudit.rulebook.loader import load_rules

NAME = regex.compile(rb"[A-Za-z0-9_$@.\-]+")
JOINS = regex.compile(rb"[.\-@$]")
OTHERS = 6  # examples a flow's any-name pattern finds nothing in, taken for each flow


def _names(text: bytes) -> set[str]:
    """Every name in ``text``, and each part before a join of a name made of parts."""
    names: set[str] = set()
    for found in NAME.finditer(text):
        whole = found.group()
        names.add(whole.decode("ascii"))
        names.update(whole[:join.start()].decode("ascii") for join in JOINS.finditer(whole) if join.start())
    return names


def _flows() -> list[tuple[object, list[bytes]]]:
    """Each flow of the shipped rules, with the examples its any-name pattern matches in and a few others (each
    name of an example is a pattern compiled: all of them would take the suite a minute)."""
    flows = []
    for rule in load_rules():
        if rule.context is None:
            continue
        texts = [text.encode("utf-8") for text in (*rule.examples, *rule.negative_examples)]
        for piece in (piece for piece in rule.context.pieces if piece.flows):
            matched = [text for text in texts if piece.any_name.search(text)]
            flows.append((piece, matched + [text for text in texts if text not in matched][:OTHERS]))
    return flows


def test_the_shipped_flows_have_an_any_name_pattern() -> None:
    flows = _flows()
    assert len(flows) >= 8
    assert all(piece.any_name is not None for piece, _ in flows)


def test_the_any_name_pattern_answers_as_each_named_pattern_does() -> None:
    checked = took = 0
    for piece, texts in _flows():
        for text in texts:
            generic = piece.any_name.search(text)
            for name in sorted(_names(text)):
                named = piece.pattern_for(name).search(text)
                checked += 1
                where = f"{piece.name} with name {name[:12]!r} in an example of {len(text)} bytes"
                if generic is None:
                    assert named is None, where
                    continue
                if named is not None:
                    assert generic.start() <= named.start(), where
                if generic[FLOW_NAME_GROUP] == name.encode("ascii"):
                    took += 1
                    assert named is not None and named.start() == generic.start(), where
    assert checked > 500 and took > 20


def test_a_back_reference_past_the_name_keeps_the_named_pattern_only() -> None:
    """A group numbered after the name's would be numbered one more with the name a group."""
    piece = next(piece for piece, _ in _flows())
    shifted = type(piece)(name="pair", scope="line", pattern_text=r"(\w)=({name})(x)\3")
    before = type(piece)(name="pair", scope="line", pattern_text=r"(\w)=\1{name}(x)")
    assert shifted.pattern_for("key").search(b"a=keyxx") is not None
    assert shifted.any_name is None
    found = before.any_name.search(b"a=akeyx")
    assert found is not None and found[FLOW_NAME_GROUP] == b"key"
