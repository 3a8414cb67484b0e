"""Finding the repetitions in a rule's patterns that can backtrack exponentially.

``(a+)+$``, ``(a*)*``, ``(a|a)*`` and ``(\\w+\\s?)+`` all repeat something that can match the same
text in more than one way, so a backtracking engine tries every way on a line crafted to fail at
its end: 2ⁿ tries for n characters. The scan bounds the damage with a time budget, and the rule
loses its findings where it runs out; ``rules test`` warns about such constructs up front.

The check is the classic one for exponential ambiguity: the pattern is parsed into positions
(one per character set, see :mod:`keyaudit.rulebook.pattern_tree`), a repetition's body becomes a
Glushkov automaton whose loop edges remember which repetition made them, and the repetition is
ambiguous when, in the automaton paired with itself, a cycle through a state of the diagonal
leaves it (two different paths from a state back to itself that read the same text). Repetitions
whose iterations are told apart by what follows (``(?:[a-z]+\\.)+``) are not reported.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from keyaudit.rulebook.pattern_tree import Node, parse
from keyaudit.rulebook.requests import RequestRule
from keyaudit.rulebook.rules import Rule

MAX_POSITIONS = 300  # a longer repeated body is not analysed (its pairs would cost seconds)
Edge = tuple[int, int, int]  # from position, to position, id of what made it


@dataclass
class _Automaton:
    """Glushkov positions of a parsed pattern: each one's bytes, edges between them, and the
    positions each repetition spans."""

    masks: list[int] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)  # in the order made: a repetition's are a slice
    repeats: list[tuple[Node, range, slice]] = field(default_factory=list)  # positions, edges

    def build(self, node: Node) -> tuple[bool, list[int], list[int]]:
        """Number ``node``'s positions and add its edges; (nullable, first, last)."""
        if node.kind == "atom":
            self.masks.append(node.mask)
            return False, [len(self.masks) - 1], [len(self.masks) - 1]
        if node.kind == "alt":
            parts = [self.build(item) for item in node.items]
            return any(p[0] for p in parts), [q for p in parts for q in p[1]], [q for p in parts for q in p[2]]
        if node.kind == "repeat":
            first_position, first_edge = len(self.masks), len(self.edges)
            nullable, first, last = self.build(node.items[0])
            if node.high is None or node.high > 1:
                self.edges.extend((p, q, id(node)) for p in last for q in first)
                positions = range(first_position, len(self.masks))
                self.repeats.append((node, positions, slice(first_edge, len(self.edges))))
            return nullable or node.low == 0, first, last
        nullable, first, last = True, [], []  # a sequence, or nothing
        for item in node.items if node.kind == "seq" else ():
            item_nullable, item_first, item_last = self.build(item)
            self.edges.extend((p, q, id(node)) for p in last for q in item_first)
            first = first + item_first if nullable else first
            last = last + item_last if item_nullable else item_last
            nullable = nullable and item_nullable
        return nullable, first, last


def _ambiguous(masks: list[int], positions: range, edges: list[Edge]) -> bool:
    """Whether two different paths lead from one of ``positions`` back to itself over the same
    text, along ``edges`` (the automaton paired with itself has a cycle through its diagonal that
    leaves it)."""
    out: dict[int, list[tuple[int, int]]] = {p: [] for p in positions}
    for source, target, made_by in set(edges):
        out[source].append((target, made_by))
    graph: dict[tuple[int, int], list[tuple[tuple[int, int], bool]]] = {}
    pending = [(p, p) for p in positions]
    while pending:
        pair = pending.pop()
        if pair in graph:
            continue
        graph[pair] = [((first[0], second[0]), first != second)
                       for first in out[pair[0]] for second in out[pair[1]] if masks[first[0]] & masks[second[0]]]
        pending.extend(successor for successor, _ in graph[pair] if successor not in graph)
    for component in _components(graph):
        if any(p == q for p, q in component) and (
                any(p != q for p, q in component)
                or any(split and successor in component for pair in component for successor, split in graph[pair])):
            return True
    return False


def _components(graph: dict[tuple[int, int], list[tuple[tuple[int, int], bool]]]) -> list[set[tuple[int, int]]]:
    """Strongly connected components (Tarjan's algorithm, without recursion)."""
    index: dict[tuple[int, int], int] = {}
    low: dict[tuple[int, int], int] = {}
    stack: list[tuple[int, int]] = []
    on_stack: set[tuple[int, int]] = set()
    components: list[set[tuple[int, int]]] = []
    for root in graph:
        if root in index:
            continue
        work = [(root, 0)]
        while work:
            node, child = work.pop()
            if child == 0:
                index[node] = low[node] = len(index)
                stack.append(node)
                on_stack.add(node)
            successors = graph[node]
            if child < len(successors):
                work.append((node, child + 1))
                successor = successors[child][0]
                if successor not in index:
                    work.append((successor, 0))
                elif successor in on_stack:
                    low[node] = min(low[node], index[successor])
                continue
            if low[node] == index[node]:
                component = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.add(member)
                    if member == node:
                        break
                components.append(component)
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return components


def nested_quantifiers(pattern: str) -> list[str]:
    """The repetitions of ``pattern`` (as written) that can backtrack exponentially, innermost
    only: ``['(a+)+']`` for ``x(a+)+$``."""
    try:
        tree = parse(pattern)
    except (IndexError, ValueError, TypeError):
        return []  # what the engine compiles but this reader cannot follow is not judged
    automaton = _Automaton()
    automaton.build(tree)
    spans = [node.span for node, positions, edges in automaton.repeats
             if len(positions) <= MAX_POSITIONS and _ambiguous(automaton.masks, positions, automaton.edges[edges])]
    innermost = [span for span in spans
                 if not any(other != span and span[0] <= other[0] and other[1] <= span[1] for other in spans)]
    return [pattern[start:end] for start, end in innermost]


def backtracking_warnings(rule: Rule | RequestRule) -> list[str]:
    """One line for each of ``rule``'s patterns with a repetition that can backtrack
    exponentially, naming file, rule, pattern field and construct."""
    if isinstance(rule, Rule):
        pieces = [piece for piece in rule.context.pieces if not piece.provider_host] if rule.context else []
        fields = [("pattern", rule.pattern_text)] + [
            ("context.pattern" if piece.name == "context" else f"context evidence {piece.name!r}", piece.pattern_text)
            for piece in pieces]
    else:
        fields = [("when.path", rule.path_text)] if rule.path_text else []
    return [f"{rule.source}: rule {rule.id!r}: {name} has a nested quantifier, {', '.join(constructs)}: it can "
            "backtrack exponentially on crafted text, where a scan then stops the rule (rule_time); make each "
            "repetition match its text one way only, or atomic (?>…)"
            for name, text in fields if (constructs := nested_quantifiers(text))]
