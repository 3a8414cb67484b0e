"""A plain-HTTP URL whose query carries a value long enough to be a credential, named on a line around
an anchor: whoever uses it sends what it carries, over the network in clear.

A base URL in a ``.env`` (``WEBHOOK_FORWARD=http://relay.internal/iugu?api_token=…``), a forwarding
address in YAML or JSON, a link a log message prints: none says a method, and none is a request
read from a capture, but each is one request of itself — a GET of that URL whenever it is used —
and the request rules judge it as one (a credential over ``http://``; a token in the query string).
It is named in passing (see :mod:`.mentions`): it counts only where no other reading of the same
URL, of any method, is near (a curl command or a dump of the request that shows more).

Only ``http://`` URLs are read so: over ``https://`` a URL alone shows nothing a capture of the
request would not, and a link in a log is no proof of a call. Nor is every query: a URL of a
provider's API with ``?limit=1`` is a setting the text rules report where it is, and a URL's
userinfo is a connection string's as often (Airflow's ``http://:<password>@host/https``, whose
scheme names a connection type).
"""

from __future__ import annotations

import re
from typing import Iterable, Iterator

from keyaudit.model.exchange import Exchange, Origin

from .lines import make_exchange

CAPTURE = "url"
# a URL as text writes one: up to a blank, a quote, a bracket or a markup character that ends it
_URL = re.compile(r"(?<![\w.+-])[Hh][Tt][Tt][Pp]://[^\s\"'<>`\\|{}^]+")
_TRAILING = ".,;:!?)]"  # what a sentence or a list puts right after a URL
# a query's value as long as the shortest credential the rules know (32 characters), as a URL writes it
_LONG_VALUE = re.compile(r"=[\w$.~%+/=-]{32,}")


def exchanges(anchored: Iterable[tuple[int, str]], path: str) -> Iterator[Exchange]:
    """The plain-HTTP URLs of the ``anchored`` lines whose query carries a long value, each a GET of itself."""
    for number, text in anchored:
        if not _plain_scheme(text):
            continue
        for found in _URL.finditer(text):
            url = found.group().rstrip(_TRAILING).replace("&amp;", "&")  # markup's (XML or HTML text) `&` in a query
            query = url.partition("?")[2]
            if query and _LONG_VALUE.search(query) is not None:
                origin = Origin(path, number, found.start() + 1, capture=CAPTURE)
                if (exchange := make_exchange("GET", url, [], None, origin, headers_known=False)) is not None:
                    yield exchange


def _plain_scheme(text: str) -> bool:
    """Whether ``text`` names a scheme ``http`` (in any case) before a ``://``: most anchored lines name
    ``https://`` alone, and :data:`_URL`, whose look-behind keeps ``re`` from skipping to a literal, is tried at
    every character of a line it finds nothing on (a JSON record of kilobytes)."""
    at = text.find("://", 4)
    while at >= 0:
        if text[at - 4 : at].lower() == "http":
            return True
        at = text.find("://", at + 3)
    return False
