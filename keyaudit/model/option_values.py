"""Option values checked the same wherever they are given — command line, configuration file,
environment variable, Python API — so that none of them lets through what another refuses."""

from __future__ import annotations

import math
import os
import re
from typing import Any, Mapping

from keyaudit.model.logtime import time_zone
from keyaudit.model.numbers import plain_number


def scheduler_problem(address: str) -> str | None:
    """What is wrong with a scheduler address, or None: ``local:N`` needs a whole N >= 1 (a
    cluster of 0 workers took the units and never ran them: the scan waited for ever), in at most nine ASCII
    digits (:func:`~keyaudit.model.numbers.plain_number`)."""
    if not address:
        return "is empty"
    if address.startswith("local:"):
        workers = address.removeprefix("local:") or "1"  # as the cluster reads it: local: is one worker
        if (plain_number(workers, 9) or 0) < 1:
            return f"{address!r}: local:N needs a whole number of workers >= 1"
    return None


def is_seconds(value: Any) -> bool:
    """Whether ``value`` is a finite number of seconds above 0. Not nan: every comparison with it
    is false, so it passed a ``> 0`` check and then turned off the guard it set (a rule's time,
    with a backtracking rule then running for ever); not inf either, which does the same."""
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value) and value > 0


def is_path(value: Any) -> bool:
    """Whether ``value`` can name a file: a string, not empty, without a NUL byte. No system's path
    holds one, and a file's ``"\\u0000"`` reached ``os.stat`` as ValueError: an internal error (for
    the output, once the whole scan was done: its report lost)."""
    return isinstance(value, str) and bool(value) and "\0" not in value


def is_strings(value: Any) -> bool:
    """Whether ``value`` is a list of strings without NUL bytes (paths, rule ids, patterns: none
    holds one, see :func:`is_path`)."""
    return isinstance(value, list) and all(isinstance(v, str) and "\0" not in v for v in value)


def is_time_zone(value: Any) -> bool:
    """Whether ``value`` names a zone :func:`~keyaudit.model.logtime.time_zone` can read."""
    try:
        return isinstance(value, str) and time_zone(value) is not None
    except ValueError:
        return False


def environment_seconds(name: str, default: float) -> float:
    """The seconds of wait the environment variable ``name`` gives (``default`` when unset), or
    ValueError naming it when its value is no finite number >= 0: ``float`` took "abc" for an
    internal error that lost the run where the wait was met (a FIFO, the state's lock), and
    "nan" for a wait no deadline ends (a FIFO that no writer opened held the run for ever). Set
    empty (``NAME= keyaudit …``) is unset, as a shell's own variables read."""
    text = os.environ.get(name)
    if not text:
        return default
    try:
        seconds = float(text)
    except ValueError:
        seconds = math.nan
    if not (math.isfinite(seconds) and seconds >= 0):
        raise ValueError(f"{name}={text!r} is not a number of seconds (a finite number, 0 or more)")
    return seconds


# Names of object-store options that hold credentials (s3fs key/secret/token, adlfs account_key,
# sas_token, connection_string, client_secret, gcsfs token …): their values are never shown.
_CREDENTIAL_OPTION = re.compile(r"key|secret|token|password|credential|connection|sas|auth", re.IGNORECASE)
HIDDEN_VALUE = "(set)"  # as ``keyaudit config`` shows the digest key


def shown_storage_options(options: Mapping[str, Any]) -> dict[str, Any]:
    """Storage options as ``keyaudit config`` may print them: a credential's value hidden."""
    return {name: HIDDEN_VALUE if _CREDENTIAL_OPTION.search(name) else value for name, value in options.items()}
