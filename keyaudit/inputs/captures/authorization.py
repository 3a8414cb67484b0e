"""The ``Authorization`` header a client makes of an HTTP authentication scheme's credentials.

Commands and request files name a scheme and its credentials apart from the headers — curl's
``-u`` and ``--oauth2-bearer``, a Bruno file's ``auth: bearer`` and ``auth:bearer { token: … }`` —
and the client sends them as one header, which the rules judge like any other: a Bearer token as
it is (RFC 6750), Basic's user and password joined by a colon, base64-encoded (RFC 7617). Not
provider knowledge: HTTP's.
"""

from __future__ import annotations

import base64
from typing import Sequence

from .lines import to_bytes


def authorization(scheme: str, credentials: Sequence[str]) -> str | None:
    """The header's value for ``scheme``'s credentials in the order written (Bearer: the token;
    Basic: the user, then the password, none meaning empty), or None: no credentials, or a
    scheme whose header the client works out for each request (Digest, AWS's, OAuth 2's flows)."""
    if not credentials:
        return None
    if scheme.lower() == "bearer":
        return f"Bearer {credentials[0]}"
    if scheme.lower() == "basic":
        user, password = (*credentials, "")[:2]
        return "Basic " + base64.b64encode(to_bytes(f"{user}:{password}")).decode("ascii")
    return None
