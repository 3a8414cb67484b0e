"""The lines that open the pretty-printed objects around a line, found by walking up from it.

A record is read whole up to its bound (:data:`.json_blocks.MAX_RECORD_LINES`) whichever of its lines an anchor is on,
so the walk up from an anchor may go that far. In a document of many records (a pretty-printed array of them, an
anchor in each) the walk from each anchor would pass over the same records above it again and again: the runs of lines
a walk passes over are kept (:class:`PassedRuns`), and a later walk that comes to one jumps past it. The cost of a walk
is then the lines of the anchor's own record, not the bound.
"""

from __future__ import annotations

import math
import re

from .open_brackets import OpenBrackets
from .php_printed import opening_depth, opens_printed_array
from .record_starts import record_start
from .result_sets import lines_floor

_ALIGNED_MEMBER = re.compile(r"""(?:"[^"\n]*"|:[A-Za-z_]\w*) => """)  # an entry whose key is aligned on its `=>`
_UNESCAPED = {quote: re.compile(r"(?<!\\)" + quote) for quote in "'\""}  # a quote no backslash escapes
# a line that ends by opening an object after a message's words — three or more, no quote, `=` or bracket among them:
# not a member's name, a typed member (`headers: Headers {`) or an assignment (nock's `Error: Nock: No match for
# request {`): the message ends with a document serialized on its own (`JSON.stringify(…, null, 2)`), whose lines
# are indented from the margin, not from the message's
_MESSAGE_OPENING = re.compile(r"""[^"'=(\[{}\s]+(?: [^"'=(\[{}\s]+){2,} \{""")


def indent(text: str) -> int:
    return len(text) - len(text.lstrip(" \t"))


def margin(text: str) -> int:
    """How far in the object a line opens stands: its indentation, or the margin (0) where a message's words open it
    (:data:`_MESSAGE_OPENING`), its members indented from there and its closing brace at the line's start."""
    return 0 if text.endswith(" {") and _MESSAGE_OPENING.fullmatch(text.strip()) else indent(text)


class PassedRuns:
    """The runs of lines of one text the walks up it passed over: each a run of lines blank or standing at least so
    far in (their least :func:`margin`), which a walk looking for a line less far in than that passes over whole. What
    lines a run holds depends on the lines alone, not on the walk that found it: any later walk may jump past it."""

    def __init__(self) -> None:
        self._runs: dict[int, tuple[int, float]] = {}  # a run's top line (index) -> its bottom line, its least margin

    def bottom(self, top: int, depth: int) -> tuple[int, float] | None:
        """The bottom line of the run known to go down from ``top``, and its least margin, where all its lines stand
        at least ``depth`` in; else None."""
        run = self._runs.get(top)
        return run if run is not None and run[1] >= depth else None

    def keep(self, top: int, bottom: int, least: float) -> None:
        """Keep the run of lines ``top`` down to ``bottom`` (indexes), none of them less than ``least`` in."""
        known = self._runs.get(top)
        if top > bottom and (known is None or known[0] > bottom):
            self._runs[top] = (bottom, least)


def openings(lines: list[tuple[int, str]], index: int, brackets: OpenBrackets, reach: int, cut: int | None = None,
             passed: PassedRuns | None = None) -> list[tuple[int, bool]]:
    """The lines that open the objects enclosing line ``index`` (each above it, at most ``reach`` lines, less indented
    than what it encloses, ending in ``{``, or opening an array PHP printed): those inside the
    innermost list around it first, outermost first, then those around that list, and so on out
    — an anchor in an item of a list
    of headers (``[{"key": "Host", "value": …}]``) is in the request that holds the list, but
    the object around a list of requests would name only its first. Those that run up to the
    text's first line, still indented, are left out when that line is ``cut`` (the text above is
    another range's). Each comes with whether a list lies between it and the line. A string
    printed raw over lines (Perl's Data::Dumper writes a body's line feeds as they are, its lines
    at the margin) is passed over, from the line that closes it to the one that opens it. ``passed``: the runs of
    ``lines`` the walks up them passed over so far (see :class:`PassedRuns`), added to."""
    passed = PassedRuns() if passed is None else passed
    groups: list[list[int]] = [[]]  # the openings between two lists, innermost first
    depth = indent(lines[index][1])
    lowest = max(-1, index - reach)
    string_opening = index  # where the raw string whose lines are passed over opens
    run_top, least = -1, math.inf  # the run of lines passed over the walk is in (its top line; none: -1)
    above, ended = index - 1, False
    while above > lines_floor(index, lowest, groups):
        if (known := passed.bottom(above, depth)) is not None:  # a run passed over before: past it at once
            run_top, least = (above if run_top < 0 else run_top), min(least, known[1])
            above = known[0] - 1
            continue
        line, above = above, above - 1
        text = lines[line][1]
        stripped = text.strip()
        stands = margin(text) if stripped else math.inf
        if stands >= depth:
            run_top, least = (line if run_top < 0 else run_top), min(least, stands)
            continue
        if run_top >= 0:
            passed.keep(run_top, line + 1, least)
            run_top, least = -1, math.inf
        if line > string_opening:
            continue
        if (opened := _raw_string_opening(lines, line, lowest)) is not None:
            string_opening = opened
            continue
        depth, ended = _opened(lines, line, stripped, brackets, groups, depth)
        if ended:
            break
    if run_top >= 0:
        passed.keep(run_top, above + 1, least)
    if not ended and depth > 0 and lowest < 0 and lines[0][0] == cut:
        groups.pop()  # the outermost object may open above the cut
    return [(opening, place > 0) for place, group in enumerate(groups) for opening in group[::-1]]


def _opened(lines: list[tuple[int, str]], above: int, stripped: str, brackets: OpenBrackets,
            groups: list[list[int]], depth: int) -> tuple[int, bool]:
    """What line ``above``, less far in than the walk's ``depth``, does to the walk: a list it opens begins a group of
    ``groups``, an object it opens is added to the group; the depth the walk goes on at, and whether it ends here."""
    text = lines[above][1]
    if stripped.endswith("[") and record_start(stripped, len(stripped) - 1) is None \
            and not opens_printed_array(lines, above):  # not `Type[` (a record), nor VarDumper's `array:4 [`
        groups.append([])
    elif stripped.endswith("{") or opens_printed_array(lines, above) or brackets.hanging(text) is not None:
        groups[-1].append(above)
    elif _ALIGNED_MEMBER.match(stripped):
        return indent(text), False  # a sibling whose longer key is right-aligned with this one's (awesome_print's)
    else:
        return depth, True  # a shallower line that opens nothing: the object is not pretty-printed JSON
    depth = opening_depth(lines, above) if margin(text) == indent(text) else 0
    return depth, depth == 0


def _raw_string_opening(lines: list[tuple[int, str]], closing: int, lowest: int) -> int | None:
    """The line above ``closing`` that opens the string ``closing`` closes, where ``closing``
    leaves a quote open as its first (``}',`` after a body Data::Dumper printed raw): the
    nearest line that leaves the same quote open as its last (``'_content' => '{``); else None."""
    text = lines[closing][1]
    quote = next((quote for quote in "'\"" if quote in text and len(_UNESCAPED[quote].findall(text)) % 2), None)
    if quote is None or text.lstrip()[:1] == quote:
        return None
    return next((above for above in range(closing - 1, lowest, -1)
                 if len(_UNESCAPED[quote].findall(lines[above][1])) % 2), None)
