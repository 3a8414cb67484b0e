"""Telling a HAR capture from other text by its first bytes, without loading the HAR reader: every
unit is sniffed, and most are not captures."""

from __future__ import annotations

HAR_SUFFIX = ".har"
SNIFF_CHARS = 4096


def looks_like_har(name: str, head: bytes) -> bool:
    """A ``.har`` file, or any JSON document whose start mentions ``"log"`` and ``"entries"``."""
    if name.lower().endswith(HAR_SUFFIX):
        return True
    start = head[:SNIFF_CHARS].lstrip(b"\xef\xbb\xbf \t\r\n")
    return start.startswith(b"{") and b'"log"' in head and b'"entries"' in head
