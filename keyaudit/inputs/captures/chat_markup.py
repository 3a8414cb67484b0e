"""A chat message's text as the person who wrote it typed it: what a chat's markup made of it undone.

Slack keeps a message's text in its markup (its API's "Formatting text for app surfaces"), and its
exports and webhooks write it so: `&`, `<` and `>` escaped as ``&amp;``, ``&lt;`` and ``&gt;``; a
link as ``<url|label>`` or ``<url>`` — one the client made of a bare domain or an e-mail address the
person typed (``<http://api.iugu.com|api.iugu.com>``, ``<mailto:a@b.c|a@b.c>``) labelled with what
was typed —; a code block between three backquotes that may stand on the lines of its first and
last text (```` ```POST /v1/… ````, ```` }``` ````). A request pasted into such a block is read as
pasted: a link is its label (its URL where it has none), the escapes are undone, and a fence glued
to a line's start or end is no part of that line (one on a line of its own ends a dump already).
Text that holds no link in that markup is left as it is, but for glued fences: a `&amp;` may be
a body's own.
"""

from __future__ import annotations

import re

FENCE = "```"
_LINK = re.compile(r"<((?:https?|mailto|tel):[^\s<>|]+)(?:\|([^<>\n]*))?>")
_ENTITY = re.compile(r"&(amp|lt|gt);")
_ENTITIES = {"amp": "&", "lt": "<", "gt": ">"}
_GLUED_FENCE = re.compile(r"^```(?=\S)|(?<=\S)```$", re.MULTILINE)


def chat_text(text: str) -> str:
    """``text`` with a chat's markup undone where it holds a chat link (see the module), and
    fences glued to a line's start or end taken off it; else as it is."""
    if FENCE in text:
        text = _GLUED_FENCE.sub("", text)
    if "<" not in text or _LINK.search(text) is None:
        return text
    text = _LINK.sub(lambda link: link.group(2) if link.group(2) is not None else link.group(1), text)
    return _ENTITY.sub(lambda entity: _ENTITIES[entity.group(1)], text)
