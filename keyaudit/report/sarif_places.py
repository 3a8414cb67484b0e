"""Where SARIF says a result is: artifact URIs relative to the source root, regions, and a
result's other places in the same file.

GitHub code scanning reads a relative URI as a path from the top of the repository, so a path is
made relative to the scan's source root (the git work tree holding the targets, or their folder
outside one) whatever folder the scan ran from and however the target was written (``../src``,
an absolute path): a run from a sub-folder never gives ``../x``. The root itself is named under
``originalUriBaseIds`` as ``%SRCROOT%``. A place outside the root keeps an absolute ``file://``
URI; an object in a store keeps its URL.
"""

from __future__ import annotations

import os
import re
from typing import Any
from urllib.parse import quote

from keyaudit.model.findings import MEMBER_SEPARATOR, Finding, Location
from keyaudit.model.result import SourceRoot

SRCROOT = "%SRCROOT%"
STDIN = "-"  # how the sources name standard input
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
# What may stay as written in a store's URL: RFC 3986 reserved characters and '%' (already escaped).
_URL_SAFE = ":/?#[]@!$&'()*+,;=%~"


def _quoted(posix: str) -> str:
    """``posix`` quoted as a URI path. ``!`` (before an archive member) is legal there and kept;
    in the member's name ``.`` and ``..`` segments are escaped, so that a member called
    ``x/../../src/app.py`` cannot resolve to the repository's own ``src/app.py``. The bytes
    quoted are the name's own, so a byte that is not UTF-8 is ``%FF``: the URI names the file
    on disk (the report's texts show the name :func:`~keyaudit.model.printable.printable`)."""
    quoted = quote(posix.encode("utf-8", "surrogateescape"), safe="/" + MEMBER_SEPARATOR)
    archive, separator, member = quoted.partition(MEMBER_SEPARATOR)
    if not separator:
        return archive
    segments = ("%2E" * len(part) if part in (".", "..") else part for part in member.split("/"))
    return archive + separator + "/".join(segments)


def file_uri(absolute: str) -> str:
    """A ``file://`` URI for an absolute path (``file:///tmp/a%20b.log``)."""
    posix = absolute.replace(os.sep, "/")
    return "file://" + ("" if posix.startswith("/") else "/") + _quoted(posix)


class Places:
    """Turns the report's paths into SARIF locations for one scan's source root."""

    def __init__(self, root: SourceRoot | None) -> None:
        self.root = root

    def base_ids(self) -> dict[str, Any]:
        """``originalUriBaseIds``: what ``%SRCROOT%`` is, as an absolute URI ending in ``/``."""
        if self.root is None:
            return {}
        what = ("The top of the git work tree the scanned files are in." if self.root.repository
                else "The folder holding the scanned files (not in a git work tree).")
        uri = file_uri(self.root.path).rstrip("/") + "/"
        return {"originalUriBaseIds": {SRCROOT: {"uri": uri, "description": {"text": what}}}}

    def artifact(self, path: str) -> dict[str, str]:
        """The ``artifactLocation`` of a report path: relative to ``%SRCROOT%`` when the file is
        under the root; an archive member keeps its archive's place and its own escaped name."""
        if path == STDIN:
            return {"uri": STDIN}
        if _URL.match(path):
            return {"uri": quote(path, safe=_URL_SAFE)}
        archive, separator, member = path.partition(MEMBER_SEPARATOR)
        local = archive.replace("/", os.sep)
        if self.root is None:
            absolute = os.path.abspath(local)
        else:
            absolute = os.path.normpath(os.path.join(self.root.base, local))
            relative = os.path.relpath(absolute, self.root.path)
            if relative != os.pardir and not relative.startswith(os.pardir + os.sep):
                return {"uri": _quoted(relative.replace(os.sep, "/") + separator + member), "uriBaseId": SRCROOT}
        return {"uri": file_uri(absolute + separator + member)}

    def physical(self, location: Location) -> dict[str, Any]:
        return {
            "artifactLocation": self.artifact(location.path),
            "region": {"startLine": location.line, "startColumn": location.column,
                       "endLine": location.end_line, "endColumn": location.end_column},
        }

    def related(self, finding: Finding, cap: int) -> tuple[list[dict[str, Any]], int]:
        """The finding's other occurrences in its own file as ``relatedLocations`` (ids from 1),
        at most ``cap`` of them, and how many more times it was seen than they and the primary
        location show."""
        occurrences = finding.occurrences
        if occurrences is None:
            return [], 0
        primary = finding.location
        others = [place for place in occurrences.locations
                  if place.path == primary.path and (place.line, place.column, place.pointer)
                  != (primary.line, primary.column, primary.pointer)]
        shown = others[:cap]
        related = [{"id": number, "physicalLocation": self.physical(place),
                    "message": {"text": "the same finding, seen again here"}}
                   for number, place in enumerate(shown, start=1)]
        return related, max(0, occurrences.count - 1 - len(shown))
