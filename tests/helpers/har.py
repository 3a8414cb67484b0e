"""HAR captures for tests: documents and entries as exporters write them, and a capture written
entry by entry as text, so that a test can damage one entry and know where every other one is."""

from __future__ import annotations

import json


def har(entries: list[dict], **log: object) -> dict:
    return {"log": {"version": "1.2", "creator": {"name": "test", "version": "1"}, **log, "entries": entries}}


def entry(method: str, url: str, headers: dict[str, str] | None = None, body: str | None = None,
          response_text: str | None = None, encoding: str | None = None) -> dict:
    request: dict = {"method": method, "url": url, "httpVersion": "HTTP/1.1",
                     "headers": [{"name": k, "value": v} for k, v in (headers or {}).items()],
                     "queryString": [], "cookies": []}
    if body is not None:
        request["postData"] = {"mimeType": "application/json", "text": body}
    content: dict = {"size": 0, "mimeType": "application/json"}
    if response_text is not None:
        content["text"] = response_text
        if encoding:
            content["encoding"] = encoding
    return {"startedDateTime": "2026-11-22T10:00:00.000Z", "time": 1, "request": request,
            "response": {"status": 200, "headers": [], "content": content}}


def capture_text(entry_texts: list[str]) -> str:
    """A HAR document around entries given as JSON text (any of them may be damaged), one
    entry a line from line 2 on: entry ``i`` starts at line ``i + 2``, column 3."""
    head = '{"log": {"version": "1.2", "creator": {"name": "test", "version": "1"}, "entries": [\n'
    return head + ",\n".join(f"  {text}" for text in entry_texts) + "\n]}}\n"


def entry_text(method: str, url: str, headers: dict[str, str] | None = None, body: str | None = None) -> str:
    """One entry as the JSON text of one line."""
    return json.dumps(entry(method, url, headers, body))
