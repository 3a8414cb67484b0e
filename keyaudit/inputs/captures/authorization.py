"""The header a client makes of an authentication scheme's credentials.

Commands and request files name a scheme and its credentials apart from the headers — curl's
``-u`` and ``--oauth2-bearer``, a Bruno file's ``auth: bearer`` and ``auth:bearer { token: … }`` —
and the client sends them as one header, which the rules judge like any other: a Bearer token as
it is (RFC 6750), Basic's user and password joined by a colon, base64-encoded (RFC 7617), both as
``Authorization``; an API key under the header name given with it (an API client's "API key"
auth: a name, a value and where it goes; the header unless that says otherwise). Not provider
knowledge: HTTP's, and API clients'.
"""

from __future__ import annotations

import base64
from typing import Sequence

from .lines import to_bytes


def credential_header(scheme: str, credentials: Sequence[str]) -> tuple[str, str] | None:
    """The header sent for ``scheme``'s credentials in the order written (Bearer: the token;
    Basic: the user, then the password, none meaning empty; an API key: the header's name, its
    value, then where it goes), or None: no credentials, an API key sent elsewhere (in the query),
    or a scheme whose header the client works out for each request (Digest, AWS's, OAuth 2's)."""
    if not credentials:
        return None
    scheme = scheme.lower()
    if scheme == "bearer":
        return "Authorization", f"Bearer {credentials[0]}"
    if scheme == "basic":
        user, password = (*credentials, "")[:2]
        return "Authorization", "Basic " + base64.b64encode(to_bytes(f"{user}:{password}")).decode("ascii")
    if scheme == "apikey" and credentials[0] and len(credentials) > 1 and credentials[2:3] in ([], ["header"]):
        return credentials[0], credentials[1]
    return None
