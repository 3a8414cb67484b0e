"""Which table a labelled request's rows belong to, and what they give the request.

A printer that writes a request as labelled fields writes its headers as rows of a table
(pretty_dio_logger's ``╟ name: value``, a Bruno block's ``  name: value``) and often other tables
the same way: query parameters, options, a body's map, assertions — rows whose names are no
headers — and an authentication scheme's credentials, which the client sends as a header of its
own where the request uses that scheme (Bruno's ``auth:bearer { token: … }``, sent as
``Authorization: Bearer …`` where the request's block says ``auth: bearer``). A label opens a
table by its group (see :mod:`.label_shapes`): headers, aside (another table) or credentials (a
named scheme's); the rows that follow are that table's, up to the next label opening one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .authorization import credential_header

_OPENERS = ("aside", "headers", "credentials")  # the groups that open a table


@dataclass
class Tables:
    """The table being read, and the credentials read so far."""

    aside: bool = False  # the rows being read are another table's (query, options, a body's map), not headers
    scheme: str = ""  # the rows being read are this authentication scheme's credentials
    auth: str | None = None  # the scheme the request authenticates with: the first label saying it
    credentials: dict[str, list[str]] = field(default_factory=dict)  # each scheme's rows' values, in order
    rows: int = 0  # the headers read since the table opened

    def taken(self, groups: dict[str, str | None], headers: list[tuple[str, str]]) -> list[tuple[str, str]]:
        """The headers a label's line gives the request: none from the rows of another table,
        which say nothing of the headers; a credentials table's rows are kept for :meth:`sent`."""
        if any(groups.get(group) is not None for group in _OPENERS):
            self.aside = groups.get("headers") is None
            self.scheme = groups.get("credentials") or ""
            self.rows = 0
        if groups.get("auth") is not None and self.auth is None:
            self.auth = groups["auth"]
        if not self.aside:
            self.rows += len(headers)
            return headers
        if self.scheme:
            self.credentials.setdefault(self.scheme, []).extend(value.strip() for _, value in headers)
        return []

    def blank(self) -> None:
        """A blank line, in a shape whose headers are written as an HTTP head: after headers, it
        ends them (what follows, the body as the printer shows it, is no table of headers)."""
        if self.rows:
            self.aside = True

    def sent(self, headers: list[tuple[str, str]]) -> list[tuple[str, str]]:
        """The headers sent: where the request uses a scheme whose credentials were read, with
        the header the client makes of them in place of any of that name the headers give."""
        made = credential_header(self.auth or "", self.credentials.get(self.auth or "", []))
        if made is None:
            return headers
        return [(name, value) for name, value in headers if name.lower() != made[0].lower()] + [made]
