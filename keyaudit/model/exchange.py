"""One model for a captured HTTP request, whatever it was captured by.

A HAR entry, a curl command, an OkHttp or HttpClient wire log and a JSON request-log record all
become an :class:`Exchange`, so request rules (scheme, transfer, signature, environment) are
written once and judge every capture alike.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

REQUEST_SPAN_LINES = 50  # a captured request (curl with continuations, a wire dump) fits in this


@dataclass(frozen=True)
class Origin:
    """Where an exchange was read: the file, the 1-based line, and for JSON documents a pointer."""

    path: str
    line: int
    column: int = 1
    pointer: str | None = None
    har_entry: int | None = None
    capture: str = "text"  # har, curl, okhttp, httpclient, http.client, urllib3, jsonlog, yaml, base64, wire


@dataclass
class Exchange:
    """A request as sent. ``body`` is the exact bytes sent (signatures are over those bytes)."""

    method: str
    url: str
    headers: list[tuple[str, str]] = field(default_factory=list)
    body: bytes | None = None
    time: str | None = None
    origin: Origin = field(default_factory=lambda: Origin("-", 1))
    headers_known: bool = True  # False where the capture logs no headers (urllib3, access logs)

    def header(self, name: str) -> str | None:
        """The first header of that name, case-insensitively (HTTP/2 lower-cases names)."""
        wanted = name.lower()
        return next((value for key, value in self.headers if key.lower() == wanted), None)

    @property
    def scheme(self) -> str:
        return urlsplit(self.url).scheme.lower()

    @property
    def host(self) -> str:
        return (urlsplit(self.url).hostname or "").lower()

    @property
    def path(self) -> str:
        """The path without the query string: what the iugu signature covers."""
        return urlsplit(self.url).path or "/"
