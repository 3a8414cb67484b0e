"""Windows of lines a pass marked for the request readers, and how windows group: those that
touch or overlap are read as one, and so are those of anchors whose reaches join across the
lines between them (see :class:`~keyaudit.engine.windows.Reach`), where those lines can be read
from the stream (none was kept)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Window:
    """Lines ``first_line`` to ``last_line`` of a stream; ``first_line`` starts at byte ``offset``.
    ``leads`` holds, for each line an anchor or a credential is on, how many lines before it its
    request may start (its reach before): a reader of one-line records (a JSON request log)
    needs no other line of the window, the readers of dumps none far from them."""

    offset: int
    first_line: int
    last_line: int
    leads: dict[int, int] = field(default_factory=dict)
    joins: int = 0  # the least its anchors' reaches join by (see :class:`~keyaudit.engine.windows.Reach`)
    # The window's lines as the first pass read them — (number, bytes with the line ending, cut
    # at the collector's ``line_bytes``) — when the collector keeps text; else None.
    lines: list[tuple[int, bytes]] | None = None
    # The window was cut before its end while the pass went on (see :func:`cut_at`): the
    # reading goes on from its last line in the next window given, which starts on the line after.
    goes_on: bool = False
    # The line ``offset`` starts, where it is not ``first_line``: the rest of a cut window, whose own offset is
    # not known, stands in the offset of the window it was cut from (see :func:`cut_at`).
    offset_line: int | None = None

    @property
    def at_offset(self) -> int:
        """The number of the line that starts at ``offset``."""
        return self.first_line if self.offset_line is None else self.offset_line

    @property
    def anchored(self) -> list[int]:
        """The lines an anchor or a credential is on, in order."""
        return sorted(self.leads)

    def anchor(self, line: int, lead: int) -> None:
        """Note an anchor on ``line`` whose request may start ``lead`` lines before it."""
        self.leads[line] = max(self.leads.get(line, 0), lead)


def touching(windows: list[Window], joining: bool = False) -> list[list[int]]:
    """The positions of ``windows`` in groups that touch or overlap (each group one merged
    window), in stream order; ``joining``, two such groups next to each other are one where
    every window of both joins across the lines between them (see :class:`~keyaudit.engine.windows.Reach`)."""
    groups: list[list[int]] = []
    last = 0
    for index in sorted(range(len(windows)), key=lambda index: (windows[index].first_line, windows[index].offset)):
        window = windows[index]
        if not groups or window.first_line > last + 1:
            groups.append([])  # a window starting past the last group's end starts a group
        groups[-1].append(index)
        last = max(last, window.last_line)
    if not joining:
        return groups
    joined: list[list[int]] = []
    last, joins = 0, 0  # the last joined group's last line, and the least its windows join by
    for group in groups:
        own = min(windows[index].joins for index in group)
        if joined and windows[group[0]].first_line <= last + 1 + min(joins, own):
            joined[-1] += group
        else:
            joined.append(list(group))
            joins = own
        last, joins = max([last, *(windows[index].last_line for index in group)]), min(joins, own)
    return joined


def merged(windows: list[Window], texts: list[dict[int, bytes]] | None, joining: bool = False) -> list[Window]:
    """``windows`` in stream order, those that touch or overlap (or join: see :func:`touching`)
    merged into one, with the lines of ``texts`` (one each), when kept."""
    merged: list[Window] = []
    for group in touching(windows, joining):
        first = windows[group[0]]
        window = Window(first.offset, first.first_line, max(windows[index].last_line for index in group),
                        joins=min(windows[index].joins for index in group), offset_line=first.offset_line)
        for index in group:
            for line, lead in windows[index].leads.items():
                window.anchor(line, lead)
        if texts is not None:
            lines: dict[int, bytes] = {}
            for index in group:
                lines.update(texts[index])
            window.lines = sorted(lines.items())
        merged.append(window)
    return merged


def cut_at(window: Window, line: int) -> tuple[Window, Window]:
    """``window`` (of no kept lines) as its lines before ``line`` and the rest, each with its
    anchors: the first goes on in the second, which starts where the reading of the first ends
    (its own offset is not known: the first's stands in, with the line it starts; the first may be
    let go of unread, and the rest is then read from there)."""
    head = {number: lead for number, lead in window.leads.items() if number < line}
    tail = {number: lead for number, lead in window.leads.items() if number >= line}
    return (Window(window.offset, window.first_line, line - 1, head, window.joins, goes_on=True,
                   offset_line=window.offset_line),
            Window(window.offset, line, window.last_line, tail, window.joins, offset_line=window.at_offset))
