"""Option values checked the same wherever they are given — command line, configuration file,
environment variable, Python API — so that none of them lets through what another refuses."""

from __future__ import annotations

import math
import re
from typing import Any, Mapping


def scheduler_problem(address: str) -> str | None:
    """What is wrong with a scheduler address, or None: ``local:N`` needs a whole N >= 1 (a
    cluster of 0 workers took the units and never ran them: the scan waited for ever)."""
    if not address:
        return "is empty"
    if address.startswith("local:"):
        workers = address.removeprefix("local:") or "1"  # as the cluster reads it: local: is one worker
        if not workers.isdigit() or int(workers) < 1:
            return f"{address!r}: local:N needs a whole number of workers >= 1"
    return None


def is_seconds(value: Any) -> bool:
    """Whether ``value`` is a finite number of seconds above 0. Not nan: every comparison with it
    is false, so it passed a ``> 0`` check and then turned off the guard it set (a rule's time,
    with a backtracking rule then running for ever); not inf either, which does the same."""
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value) and value > 0


# Names of object-store options that hold credentials (s3fs key/secret/token, adlfs account_key,
# sas_token, connection_string, client_secret, gcsfs token …): their values are never shown.
_CREDENTIAL_OPTION = re.compile(r"key|secret|token|password|credential|connection|sas|auth", re.IGNORECASE)
HIDDEN_VALUE = "(set)"  # as ``keyaudit config`` shows the digest key


def shown_storage_options(options: Mapping[str, Any]) -> dict[str, Any]:
    """Storage options as ``keyaudit config`` may print them: a credential's value hidden."""
    return {name: HIDDEN_VALUE if _CREDENTIAL_OPTION.search(name) else value for name, value in options.items()}
