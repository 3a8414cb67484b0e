"""A record printed over lines after words that name its URL: the request to that URL.

A program that logs what it sends as an array or a map often names the endpoint in its own words
and prints the rest: WooCommerce gateways write ``'Requesting ' . $url . ' with the following
params: ' . print_r( $params, true )``, the ``wp_remote_post`` arguments (method, headers, body) and
no URL among them. The words are the record's lead-in — the line its ``Array`` (or ``array (``,
``{``) ends — and the URL they name, the only absolute one there, is the record's where the record
names none of its own; a record that names one, or whose lead-in names two, is read as it is.

The lead-in is also where such a record is found: its line carries the provider's host and no
member of the record, whose own lines may carry no anchor at all (a body's lines at the margin).
"""

from __future__ import annotations

import re
from typing import Any

from .php_printed import opens_printed_array

# an absolute URL as prose writes one: up to a blank, a quote or a bracket (or a sentence's mark after it)
_URL = re.compile(r"(?<![\w.+-])https?://[^\s\"'<>`\\|{}()\[\]]+")
_TRAILING = ".,;:!?"


def lead_opening(lines: list[tuple[int, str]], index: int) -> int | None:
    """The line (index) that opens the array whose lead-in is line ``index``: the line itself
    (``… array (``) or, under print_r's ``Array``, the ``(`` below it; else None."""
    if opens_printed_array(lines, index):
        return index
    return index + 1 if index + 1 < len(lines) and opens_printed_array(lines, index + 1) else None


def introduced(record: dict[str, Any], lines: list[tuple[int, str]], opening: int) -> dict[str, Any] | None:
    """``record`` (opened on line ``opening``) with the URL its lead-in names, where that names
    exactly one; else None. The caller tries it only where the record alone names no request."""
    lead = lines[opening - 1][1] if lines[opening][1].strip() == "(" and opening > 0 else lines[opening][1]
    named = {found.group().rstrip(_TRAILING) for found in _URL.finditer(lead)}
    return {**record, "url": named.pop()} if len(named) == 1 and "url" not in record else None
