"""The message of a record that keeps it as a template and its properties: Serilog's compact JSON (CLEF,
github.com/serilog/serilog-formatting-compact), as its CompactJsonFormatter writes every event — ``@t`` the time,
``@mt`` the message template (``Sending HTTP request {HttpMethod} {Uri}``), the template's values among the record's
members — and as Seq keeps and exports it. The record holds no rendered message (the renderer's ``@m`` where it
does), so the text a reader of logged requests needs is the template with each hole filled by its property, the way
Seq shows it.

A string fills its hole as its text (Serilog writes a string it does not know to be literal between quotes, but the
quotes are the renderer's, not the value's: a method, a URL, a list of headers are read as written), any other
value as JSON; a hole whose property is missing stays as it is, and ``{{``/``}}`` are braces.
"""

from __future__ import annotations

import json
import re
from typing import Any

from .lines import MAX_CAPTURE_LINE

TIME, TEMPLATE, RENDERED, SCOPE = "@t", "@mt", "@m", "Scope"
# A message filled longer than a line the capture readers take is none: a template of many holes for one long
# property (ten thousand `{A}` in 60 KB) made gigabytes. A scope's text is looked at so far, for values so long:
# each value is looked for in it (a scope names a method, a URL, a client's name); innermost scope first, as the
# call's own is (an application's outer scope of 9 KB hid it: one request judged three times).
MAX_MESSAGE, MAX_SCOPE_TEXT, MAX_SCOPE_VALUE = MAX_CAPTURE_LINE, 8192, 2048
# a hole: `{Name}`, with Serilog's capturing operator (`@`, `$`), alignment (`,-10`) and format (`:l`); or an escape
_HOLE = re.compile(r"\{\{|\}\}|\{[@$]?([\w.]+)(?:,-?\d+)?(?::[^{}]*)?\}")


def template_message(record: dict[str, Any]) -> str | None:
    """The message of a CLEF record: its rendered ``@m``, else its ``@mt`` with its properties filled in; None for
    a record of another kind (no ``@t`` time, or no template)."""
    if TIME not in record:
        return None
    rendered, template = record.get(RENDERED), record.get(TEMPLATE)
    if isinstance(rendered, str):
        return rendered
    if not isinstance(template, str):
        return None
    parts, at, length = [], 0, 0
    for hole in _HOLE.finditer(template):
        filled = _filled(hole, record)
        length += hole.start() - at + len(filled)
        if length > MAX_MESSAGE:
            return None
        parts += [template[at : hole.start()], filled]
        at = hole.end()
    return "".join(parts) + template[at:]


def _filled(hole: re.Match[str], record: dict[str, Any]) -> str:
    if hole.group(1) is None:
        return hole.group()[0]
    value = record.get(hole.group(1))
    if value is None:
        return hole.group()
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def event_view(record: dict[str, Any]) -> dict[str, Any]:
    """A CLEF record without the properties its logging scope bound where its template does not name them: the
    values of the scope's properties are in the text of its ``Scope`` entries (Microsoft.Extensions.Logging's
    scopes through Serilog: IHttpClientFactory's ``HTTP {HttpMethod} {Uri}`` around a call binds the method and URL
    to every record of it), so a record of the call's headers does not name a request of its own — its message
    joins the call's first record; the record itself where it is no CLEF record or has no scope."""
    template, scopes = record.get(TEMPLATE), record.get(SCOPE)
    if not isinstance(template, str) or not isinstance(scopes, list):
        return record
    named = {hole.group(1) for hole in _HOLE.finditer(template)}
    said = "\n".join(scope for scope in reversed(scopes) if isinstance(scope, str))[:MAX_SCOPE_TEXT]
    return {key: value for key, value in record.items()
            if key in named or not (isinstance(value, str) and 0 < len(value) <= MAX_SCOPE_VALUE and value in said)}
