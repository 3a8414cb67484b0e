"""Telling e-mail and chat exports from other text by name and first bytes, without loading the
``email`` package: every unit is sniffed, and most are not messages."""

from __future__ import annotations

import re

MAIL_SUFFIXES = (".eml", ".mbox")
# A Slack export: one folder per channel, one JSON array of messages per day.
_SLACK_DAY = re.compile(r"(?:^|[/\\!])[^/\\!]+[/\\]\d{4}-\d{2}-\d{2}\.json$")
_HEADER = re.compile(rb"([A-Za-z0-9-]+):[ \t]")
# A header block names a sender, and a subject or a message id, and a recipient or a date: an
# HTTP header block (Host, Content-Type) never has all three.
_NEEDED = ({b"from"}, {b"subject", b"message-id"}, {b"to", b"date", b"cc"})


def message_kind(name: str, head: bytes) -> str | None:
    """``"mbox"``, ``"eml"``, ``"slack"`` or ``"teams"`` for a mailbox, one message, a Slack
    export's day file or a Teams export; None for anything else."""
    start = head.lstrip(b"\xef\xbb\xbf")
    if start.startswith(b"From ") and _HEADER.match(start.partition(b"\n")[2]):
        return "mbox"
    if name.lower().endswith(MAIL_SUFFIXES) or _looks_like_headers(start):
        return "eml"
    start = start.lstrip(b" \t\r\n")
    if _SLACK_DAY.search(name) and start.startswith(b"["):
        return "slack"
    if start.startswith(b"{") and b'"value"' in start and (b"chatMessage" in start or b'"messageType"' in start):
        return "teams"  # Microsoft Graph chatMessage resources, as the Teams export APIs return them
    return None


def _looks_like_headers(head: bytes) -> bool:
    """RFC 5322 headers from the first line to a blank line, naming sender, subject and recipient."""
    names: set[bytes] = set()
    for line in head.split(b"\n"):
        line = line.rstrip(b"\r")
        if not line:
            break
        if line[:1] in (b" ", b"\t") and names:
            continue  # a folded header's next line
        match = _HEADER.match(line)
        if match is None:
            return False
        names.add(match.group(1).lower())
    else:
        return False  # no end of the header block in sight
    return all(names & wanted for wanted in _NEEDED)
