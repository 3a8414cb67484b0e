"""Findings in messages: every piece of an e-mail run through the secret rules and placed back in
the file, and the findings of a chat export named by the message they are in.

A secret rule's finding in a message becomes the finding of the message rule that takes it over
(:mod:`keyaudit.rulebook.messages`), with ``context.secret_rule`` naming the secret rule;
``location.pointer`` names the message and part, ``context.decoded`` how its text was decoded.
"""

from __future__ import annotations

import bisect
import io
import json
import re
from dataclasses import replace
from typing import Any, BinaryIO, Iterable, Iterator, Sequence

from keyaudit.engine.detect import SecretDetector
from keyaudit.inputs.messages import Piece, Problem, pieces_in_mail
from keyaudit.model.findings import Finding, Location
from keyaudit.model.result import ScanError
from keyaudit.model.urls import hide_secrets
from keyaudit.rulebook.messages import MessageRule, rule_for
from keyaudit.rulebook.takeover import take_over

MAX_NAMED = 3
MAX_CHAT_BYTES = 64 << 20  # a chat export's day file larger than this is scanned, not named by message


def findings_in_mail(stream: BinaryIO, path: str, detector: SecretDetector, mbox: bool,
                     rules: Sequence[MessageRule]) -> Iterator[Finding | ScanError]:
    """The findings of every message's pieces, then one error naming what could not be read whole."""
    problems: list[Problem] = []  # those the error line names; the others counted (a mailbox of many damaged
    unnamed = 0  # messages kept them all: 300,000 took 150 MB)
    for piece in pieces_in_mail(stream, mbox, lambda name: _without_secrets(name, detector, path)):
        if isinstance(piece, Problem):
            if len(problems) <= MAX_NAMED:
                problems.append(piece)
            else:
                unnamed += 1
            continue
        found: list[Finding] = []
        start = (piece.line, piece.column) if piece.decoded is None else (1, 0)
        detector.findings_in(io.BytesIO(piece.text), path, found, sniff_binary=False, start=start)
        yield from (shared(_placed(finding, piece), rules) for finding in found)
    if problems:
        first, others = problems[0], problems[1:]
        count = len(others) + unnamed
        more = f"; and {count} more: " + ", ".join(p.pointer for p in others[:MAX_NAMED]) if others else ""
        yield ScanError(path, f"{first.pointer}: {first.message}{more}{', …' if count > MAX_NAMED else ''}")


def _without_secrets(text: str, detector: SecretDetector, path: str) -> str:
    """``text`` (a message's Message-ID) with what the secret rules find in it redacted: it names
    the message in pointers and error lines, which must not print a key whole."""
    return hide_secrets(text, detector.secrets_in(text.encode("utf-8", "surrogateescape"), path))


def _placed(finding: Finding, piece: Piece) -> Finding:
    """A finding with its message named and, for decoded text, placed on the encoded part's line
    (the line that holds where it starts, where the piece knows it)."""
    loc = finding.location
    if piece.decoded is None:
        return replace(finding, location=replace(loc, pointer=piece.pointer))
    inner = finding.context.get("decoded")  # layers the secret was found under inside the part
    context = {**finding.context, "decoded": piece.decoded + (f"+{inner}" if inner else ""), "decoded_line": loc.line}
    at = bisect.bisect_right(piece.spots, (loc.line, loc.column, float("inf"))) - 1
    line = piece.spots[at][2] if at >= 0 else piece.line
    return replace(finding, context=context, location=Location(loc.path, line, 1, line, 2, piece.pointer))


def shared(finding: Finding, rules: Sequence[MessageRule]) -> Finding:
    """A secret finding in a message as the finding of the message rule that takes it over; the
    rule's severity is a floor (a production key stays critical), the confidence the lower one."""
    rule = rule_for(rules, finding)
    return finding if rule is None else take_over(finding, rule)


def _slack_name(message: dict[str, Any], channel: str) -> str:
    return f"#{channel} ts {message.get('ts')}" + (f" user {message['user']}" if "user" in message else "")


def _teams_name(message: dict[str, Any], _: str) -> str:
    """A Graph chatMessage: its channel (or chat) and id, and the sender's user id."""
    channel = message.get("channelIdentity") or {}
    place = f"#{channel['channelId']}" if isinstance(channel, dict) and channel.get("channelId") else \
        f"chat {message.get('chatId')}"
    sender = (message.get("from") or {}).get("user") or {}
    return f"{place} message {message.get('id')}" + (f" user {sender['id']}" if sender.get("id") else "")


_ARRAYS = {"slack": (re.compile(r"\["), _slack_name), "teams": (re.compile(r'"value"\s*:\s*\['), _teams_name)}


def chat_messages(data: bytes, kind: str, channel: str) -> list[tuple[int, str]]:
    """(offset where it starts, name) of each message of a chat export, in order: a Slack day file
    (a JSON array of messages with ``ts`` and ``user``) or a Teams export (Microsoft Graph
    chatMessage resources under ``value``); empty when it is not one."""
    array, namer = _ARRAYS[kind]
    text = data.decode("utf-8", "surrogateescape")
    start = array.search(text) if len(data) <= MAX_CHAT_BYTES else None
    if start is None:
        return []
    decoder, at = json.JSONDecoder(), start.end()
    found: list[tuple[int, str]] = []
    while at > 0:
        while at < len(text) and text[at] in " \t\r\n,":
            at += 1
        if at >= len(text) or text[at] == "]":
            break
        try:
            message, end = decoder.raw_decode(text, at)
        except ValueError:
            break
        if isinstance(message, dict):
            found.append((len(text[:at].encode("utf-8", "surrogateescape")), namer(message, channel)))
        at = end
    return found


def named_by_message(findings: Iterable[Finding], data: bytes, kind: str, channel: str,
                     rules: Sequence[MessageRule]) -> Iterator[Finding]:
    """Findings of a chat export named by the message they are in (``location.pointer``), those in
    a message taken over by the message rules."""
    messages = chat_messages(data, kind, channel)
    starts = [offset for offset, _ in messages]
    line_starts = [0] + [index + 1 for index, byte in enumerate(data) if byte == 0x0A]
    for finding in findings:
        loc = finding.location
        offset = line_starts[min(loc.line, len(line_starts)) - 1] + loc.column - 1 if loc.line else 0
        index = bisect.bisect_right(starts, offset) - 1
        if index < 0:
            yield finding
            continue
        yield shared(replace(finding, location=replace(loc, pointer=messages[index][1])), rules)
