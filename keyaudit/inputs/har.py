"""HAR 1.2 captures read as HTTP: every string field with its pointer, and one Exchange per entry.

Exporters disagree (Chrome, Firefox, Safari, Charles, Insomnia, mitmproxy; some omit
``version`` or ``creator``, some add ``_private`` keys), so only ``log.entries`` is required and
everything else is read when present. Response bodies marked ``encoding: base64`` are decoded
before scanning, since a key in a JSON response is as leaked as one in a request.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from typing import Any, Iterator

from keyaudit.model.exchange import Exchange, Origin
from keyaudit.inputs.jsonpos import PositionedStr, SourceText, loads_positioned, walk_strings

HAR_SUFFIX = ".har"
SNIFF_CHARS = 4096


class HarError(Exception):
    """The document is not a readable HAR; ``str()`` says where and why."""


@dataclass(frozen=True)
class HarField:
    """A string to scan: its text, pointer, and where its literal starts in the source."""

    pointer: str
    text: str
    literal_start: int
    entry: int | None
    decoded_from_base64: bool = False
    prefix: str = ""  # "Name: " or "name=" before a header or parameter value, for context

    @property
    def scanned(self) -> str:
        """What the rules see: the value, after the name it belongs to."""
        return self.prefix + self.text


def looks_like_har(name: str, head: bytes) -> bool:
    """A ``.har`` file, or any JSON document whose start mentions ``"log"`` and ``"entries"``."""
    if name.lower().endswith(HAR_SUFFIX):
        return True
    start = head[:SNIFF_CHARS].lstrip(b"\xef\xbb\xbf \t\r\n")
    return start.startswith(b"{") and b'"log"' in head and b'"entries"' in head


class HarDocument:
    """A parsed HAR file."""

    def __init__(self, text: str) -> None:
        self.source = SourceText(text)
        try:
            self.root = loads_positioned(text)
        except json.JSONDecodeError as exc:
            raise HarError(f"not valid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}") from None
        except RecursionError:
            raise HarError("JSON nested too deeply to read") from None
        log = self.root.get("log") if isinstance(self.root, dict) else None
        entries = log.get("entries") if isinstance(log, dict) else None
        if not isinstance(entries, list):
            raise HarError("not a HAR document: no log.entries list")
        self.entries: list[Any] = entries

    @classmethod
    def from_bytes(cls, data: bytes) -> "HarDocument":
        return cls(data.decode("utf-8-sig", "surrogateescape"))

    def fields(self) -> Iterator[HarField]:
        """Every string in the document, plus base64 bodies decoded, in document order."""
        for pointer, value, parent in walk_strings(self.root):
            entry = _entry_index(pointer)
            yield HarField(pointer, str(value), value.offset, entry, prefix=_name_prefix(pointer, parent))
            if pointer.endswith("/content/text"):
                decoded = _decoded_content(self.root, pointer, value)
                if decoded is not None:
                    yield HarField(pointer, decoded, value.offset, entry, decoded_from_base64=True)

    def exchanges(self, path: str) -> Iterator[Exchange]:
        """One Exchange per entry with a request (entries without one are skipped)."""
        for index, entry in enumerate(self.entries):
            request = entry.get("request") if isinstance(entry, dict) else None
            if not isinstance(request, dict) or not isinstance(request.get("url"), str):
                continue
            url = request["url"]
            line, column = self.source.line_column(url.offset if isinstance(url, PositionedStr) else 0)
            headers = [
                (str(h.get("name", "")), str(h.get("value", "")))
                for h in request.get("headers") or []
                if isinstance(h, dict)
            ]
            post = request.get("postData") if isinstance(request.get("postData"), dict) else {}
            text = post.get("text")
            body = text.encode("utf-8", "surrogateescape") if isinstance(text, str) else None
            started = entry.get("startedDateTime")
            yield Exchange(
                method=str(request.get("method") or "GET").upper(),
                url=str(url),
                headers=headers,
                body=body,
                time=str(started) if started else None,
                origin=Origin(path, line, column, f"/log/entries/{index}/request", index, "har"),
            )


def _name_prefix(pointer: str, parent: object) -> str:
    """A name/value pair's value is read after its name: ``Authorization: Basic …`` and
    ``api_token=…`` are what rules recognise, not the bare value."""
    if not pointer.endswith("/value") or not isinstance(parent, dict) or not isinstance(parent.get("name"), str):
        return ""
    return f"{parent['name']}: " if "/headers/" in pointer else f"{parent['name']}="


def _entry_index(pointer: str) -> int | None:
    parts = pointer.split("/")
    if len(parts) > 3 and parts[1] == "log" and parts[2] == "entries" and parts[3].isdigit():
        return int(parts[3])
    return None


def _decoded_content(root: Any, pointer: str, value: str) -> str | None:
    node = root
    for token in pointer.split("/")[1:-1]:
        node = node[int(token)] if isinstance(node, list) else node.get(token.replace("~1", "/").replace("~0", "~"))
    if not isinstance(node, dict) or str(node.get("encoding", "")).lower() != "base64":
        return None
    try:
        return base64.b64decode(value, validate=False).decode("utf-8", "surrogateescape")
    except (binascii.Error, ValueError):
        return None
