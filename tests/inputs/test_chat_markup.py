"""A request pasted into a chat message, read from the chat's markup as the person pasted it (Slack's:
links `<url|label>`, `&`, `<`, `>` escaped, code fences glued to the text) — and a request line in a
JSON string whose `/` are escaped (`HTTP\\/1.1`) seen as one."""

from __future__ import annotations

import json

from keyaudit.inputs.captures.chat_markup import chat_text
from keyaudit.inputs.text_requests import exchanges_in_lines


def test_a_link_is_its_label_or_its_url_and_the_escapes_are_undone() -> None:
    marked = ("Host: <http://api.iugu.com|api.iugu.com>\n"
              "see <https://x.example/a?b=1&amp;c=2> &lt;3 &amp; <mailto:a@b.io|a@b.io>")
    assert chat_text(marked) == "Host: api.iugu.com\nsee https://x.example/a?b=1&c=2 <3 & a@b.io"


def test_fences_glued_to_a_line_are_taken_off_it_and_text_without_a_link_keeps_its_escapes() -> None:
    assert chat_text("sent:\n```POST /v1/x HTTP/1.1\n\n{}```") == "sent:\nPOST /v1/x HTTP/1.1\n\n{}"
    assert chat_text("```\nPOST /v1/x HTTP/1.1\n```") == "```\nPOST /v1/x HTTP/1.1\n```"  # fences of their own
    assert chat_text("a=1&amp;b=2 <not a link>") == "a=1&amp;b=2 <not a link>"


def test_a_request_pasted_in_a_chat_export_message_is_read_as_pasted() -> None:
    """A Slack export's message (its JSON's `/` escaped), the request in a code block, its Host a link."""
    pasted = ("look:\n```POST /v1/transfer_requests HTTP/1.1\nHost: <http://api.iugu.com|api.iugu.com>\n"
              "Content-Type: application/json\nContent-Length: 7\n\n{\"a\":1}```")
    line = '    "text": ' + json.dumps(pasted).replace("/", "\\/") + ","
    found = list(exchanges_in_lines([(1, "{"), (2, line), (3, "}")], "2026-11-22.json"))
    assert [(item.method, item.url, item.body) for item in found] == [
        ("POST", "https://api.iugu.com/v1/transfer_requests", b'{"a":1}')]
