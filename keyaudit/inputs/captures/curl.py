"""Command lines in shell scripts, docs and CI logs — curl's, and those of the other tools
of :data:`.curl_request.TOOLS` (wget, HTTPie, PowerShell's cmdlets) — read as the requests they
would send.

This module finds the commands in a stream of lines: where a tool's name starts one, and how far
it runs over continuations and quoted lines. :mod:`.shellwords` (:mod:`.powershell_words` for
PowerShell) splits a command into words and :mod:`.curl_request` reads the words as the request
the tool would send.
"""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass
from typing import Generator, Iterable, Iterator

from keyaudit.model.exchange import Exchange, Origin

from .curl_request import command_exchange
from .cut_records import count_cut
from .lines import NOTHING, run_readers
from .log_prefix import PADDED_RECORD_HEAD, Prefix, learned_prefix
from .parse_failures import Reading
from .powershell_words import PowerShellWords, made_sessions
from .shellwords import ShellWords

MAX_COMMAND_LINES = 500
MAX_COMMAND_CHARS = 1 << 20

# "curl" where a command can start: line start, after blanks, an operator, "(", "`" or "+"
# (which also covers "$ curl", "+ curl", "sudo curl", timestamped CI log lines and a patch's added line,
# `+curl`, whose `+` is then the prefix of the command's later lines). The word comes
# first and what may stand before it is looked back at from its end: a pattern that opens with an
# assertion is tried at every position of a line (an access log's `"curl/8.5.0"` agent cost 20×).
# One pattern a tool (compiled at its first use: re's cache), each opening with its name: re then skips to
# where the name is; tried on a
# line that holds one of the tool's words. HTTPie's and PowerShell's names are words of prose too
# ("an http request", "firm"): theirs must stand where a command does (_COMMAND_POSITION before it).
_STARTS = {tool: rf"{tool}(?<![^\s;&|(`+]{tool})(?:\.exe)?(?=\s|$)" for tool in ("curl", "wget")}
_STARTS["http"] = r"https?(?=[ \t])"
_STARTS["powershell"] = r"(?i:invoke-webrequest|invoke-restmethod|iwr|irm)(?=[ \t]|$)"
_WORDS = {"curl": ("curl",), "wget": ("wget",), "http": ("http ", "https ", "http\t"),
          "powershell": ("nvoke-", "NVOKE-", "iwr ", "irm ")}
# Any of the words: a line without one, while no command goes on, starts none and makes no session.
_ANY_WORD = re.compile("|".join(re.escape(word) for words in _WORDS.values() for word in words) + "|WebRequestSession")
_AT_COMMAND_POSITION = frozenset({"http", "powershell"})
# what may stand last before a command (blanks aside): nothing, an operator, a prompt, an assignment
_COMMAND_POSITION = frozenset(";&|(`=$>+%#{")

# A command written for cmd.exe: a quote its caret passes on to curl (`^"`), or a line continued by a caret
_CMD_QUOTE, _CMD_CONTINUATION = '^"', " ^"
# A line that starts with a command: inside an open quote, it means the quote was never meant.
_LINE_START = re.compile(r"\s*(?:[$#>+]\s+)?(?:sudo\s+)?(?:curl|wget|https?)(?:\.exe)?\s")
_PADDED_RECORD_HEAD = re.compile(PADDED_RECORD_HEAD)


@dataclass
class _Pending:
    """A command being read: its lines are kept so they can be read again if it never ends."""

    words: ShellWords | PowerShellWords
    origin: Origin
    lines: list[tuple[int, str, int]]
    tool: str = "curl"
    prefix: Prefix | None = None  # a logger's, before the command on its first line (see :func:`_continued`)


def exchanges(lines: Iterable[tuple[int, str]], path: str) -> Iterator[Exchange]:
    """Every curl command in the lines, as the Exchange it sends; origin is its first line.

    A command whose quotes never close (prose with an apostrophe, a truncated log) is given up
    after :data:`MAX_COMMAND_LINES` lines or at the end of input, and the lines it swallowed are
    read again, so a real command among them is still found.
    """
    return run_readers([CommandReader(path)], lines)


class CommandReader:
    """The line-by-line reading: at most one command in progress, plus lines to read again.

    A command given up is read again from after its tool's name, so each name on a line that
    leaves a quote open to its end (a JSON string of many curl commands) was read to the end
    again: time growing with the square of the line. What the commands given up read of a line is
    charged to it (:class:`.parse_failures.Reading`, as printed values' failed parses are); once
    spent, no command more starts on that line."""

    capture = "curl"
    # While it rests (no command, nothing to read again, no session), a line without one of the words starts nothing:
    # it is only the line above the next (see :mod:`.reader_gate`).
    cues = (*(word for words in _WORDS.values() for word in words), "WebRequestSession")  # _ANY_WORD's
    behind = 1

    def __init__(self, path: str) -> None:
        self.path = path
        self.pending: _Pending | None = None
        self.replay: deque[tuple[int, str, int]] = deque()
        self.sessions: frozenset[str] = frozenset()  # PowerShell's web sessions made with no headers
        self._charged: tuple[int, Reading] | None = None  # the last line a command given up began on, its charge
        self._above = ""  # the line before the one read (a record's head a padded message is under)

    @property
    def busy(self) -> bool:
        """Whether a command goes on in the next line (a continuation, an open quote)."""
        return self.pending is not None

    @property
    def resting(self) -> bool:
        return self.pending is None and not self.replay and not self.sessions

    def feed(self, number: int, text: str) -> Iterator[Exchange]:
        if self.resting and _ANY_WORD.search(text) is None:
            self._above = text
            return NOTHING
        return self._fed(number, text)

    def _fed(self, number: int, text: str) -> Iterator[Exchange]:
        above, self._above = self._above, text
        yield from self._line((number, text, 0), above)
        yield from self._replayed()

    def close(self) -> Iterator[Exchange]:
        while self.pending is not None and self.pending.words.in_quote:
            self._give_up()
            yield from self._replayed()
        if self.pending is not None:  # a continuation on the last line read: the command is read that far
            pending, self.pending = self.pending, None
            count_cut(("command", pending.origin.line, pending.origin.column))
            yield from _finished(pending, whole=False)

    def _replayed(self) -> Iterator[Exchange]:
        while self.replay:
            yield from self._line(self.replay.popleft())

    def _line(self, item: tuple[int, str, int], above: str = "") -> Iterator[Exchange]:
        rest: tuple[int, str, int] | None = item
        if self.pending is not None:
            rest = yield from self._continue(self.pending, item)
        if rest is not None and not self._spent(rest):
            if self.sessions or "WebRequestSession" in item[1]:
                self.sessions = made_sessions(item[1], self.sessions)
            self.pending = yield from _commands_in_line(rest, self.path, self.sessions, above)

    def _continue(self, pending: _Pending, item: tuple[int, str, int]
                  ) -> Generator[Exchange, None, tuple[int, str, int] | None]:
        """Feed the next line to the command in progress; returns the rest of the line after
        the command when the command ended inside it."""
        pending.lines.append(item)
        if pending.words.in_quote and _LINE_START.match(item[1]):
            self._give_up()  # a quote open until the next command is prose, not a body
            return None
        start = _continued(pending, item[1])
        if not pending.words.feed(item[1], start):
            if len(pending.lines) >= MAX_COMMAND_LINES or pending.words.size > MAX_COMMAND_CHARS:
                if not pending.words.in_quote:  # continued past the bound (a quote open so long is prose)
                    count_cut(("command", pending.origin.line, pending.origin.column))
                self._give_up()
            return None
        self.pending = None
        yield from _finished(pending)
        rest = pending.words.rest
        return None if rest is None else (item[0], item[1], rest)

    def _spent(self, item: tuple[int, str, int]) -> bool:
        """Whether the commands given up on ``item``'s line read it as often as they may."""
        return self._charged is not None and self._charged[0] == item[0] and self._charged[1].left <= 0

    def _give_up(self) -> None:
        """Read the lines of the command in progress again, the first from after its ``curl``."""
        if self.pending is not None:
            first, *others = self.pending.lines
            if self._charged is None or self._charged[0] != first[0]:
                self._charged = (first[0], Reading(first[1]))
            self._charged[1].failure(first[2], len(first[1]))
            self.replay.extendleft(reversed([first, *((number, text, 0) for number, text, _ in others)]))
            self.pending = None


def _commands_in_line(item: tuple[int, str, int], path: str, sessions: frozenset[str] = frozenset(),
                      above: str = "") -> Generator[Exchange, None, _Pending | None]:
    """The commands that start (and end) in one line from ``item``'s start on; returns the
    command that goes on in the next line, if one does. ``sessions``: PowerShell's web sessions
    made just above with no headers; ``above``: the line before."""
    number, text, start = item
    tools = [tool for tool, words in _WORDS.items() if any(word in text for word in words)]
    if not tools:
        return None
    while (found := _next_command(tools, text, start)) is not None:
        tool, match = found
        words: ShellWords | PowerShellWords = PowerShellWords(sessions) if tool == "powershell" else ShellWords(
            in_backticks=match.start() > 0 and text[match.start() - 1] == "`",
            cmd=_CMD_QUOTE in text or text.endswith(_CMD_CONTINUATION))
        pending = _Pending(words, Origin(path, number, column=match.start() + 1, capture="curl"),
                           [(number, text, match.end())], match.group().lower() if tool == "http" else tool,
                           _logger_prefix(text[: match.start()], above))
        if not words.feed(text, match.end()):
            return pending
        yield from _finished(pending)
        if words.rest is None:
            break
        start = words.rest
    return None


def _logger_prefix(before: str, above: str) -> Prefix | None:
    """What stands before a command on its line, as the prefix a logger writes before each line of a
    message (a time, a level, a tag); None where it is nothing, or blanks — which any line could start
    with, a script's indented body too — unless the line above is a record's head whose message a
    logger writes under it padded (:data:`.log_prefix.PADDED_RECORD_HEAD`): the blanks are its padding."""
    if not before or (not before.strip() and _PADDED_RECORD_HEAD.match(above) is None):
        return None
    return learned_prefix(before)


def _continued(pending: _Pending, text: str) -> int:
    """Where the command goes on in ``text``, the next line of it: after the prefix of its first
    line, where the line carries it — a logger that writes each line of a message under its own
    prefix (Android's logcat) writes a quoted body's lines so, and the body is what follows it —;
    else after the time that prefix opens with, where the line carries that alone (a CI log's time
    before every line of a script, a runner's `##[group]Run ` before its first only); else at the
    line's start."""
    if pending.prefix is None:
        return 0
    if (rest := pending.prefix.rest(text)) is None and (rest := pending.prefix.timed_rest(text)) is None:
        return 0
    return len(text) - len(rest)


def _next_command(tools: list[str], text: str, start: int) -> tuple[str, re.Match[str]] | None:
    """Which of the ``tools`` starts the next command in ``text`` from ``start`` on, and where."""
    found = [(tool, match) for tool in tools if (match := _command_start(tool, text, start)) is not None]
    return min(found, key=lambda pair: pair[1].start()) if found else None


def _command_start(tool: str, text: str, start: int) -> re.Match[str] | None:
    """Where ``tool``'s name next starts a command in ``text`` from ``start`` on."""
    pattern = re.compile(_STARTS[tool])
    while (match := pattern.search(text, start)) is not None:
        before = text[: match.start()].rstrip()[-1:]
        if tool not in _AT_COMMAND_POSITION or not before or before in _COMMAND_POSITION:
            return match
        start = match.end()
    return None


def _finished(pending: _Pending, whole: bool = True) -> Iterator[Exchange]:
    exchange = command_exchange(pending.words.words, pending.origin, pending.tool, whole)
    if exchange is not None:
        yield exchange
