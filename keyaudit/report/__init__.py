"""Reporters: each turns a :class:`~keyaudit.model.result.ScanResult` into one output format.

A reporter reads the model only and never sees a raw secret unless the user passed
``--show-secrets``. :data:`FORMATS` is the single list of formats: the command line's choices,
the configuration's check and the tests all read it, so a new format is one module and one entry.
"""

from __future__ import annotations

from typing import Callable

from keyaudit.report.options import Reporter


def _text() -> Reporter:
    from keyaudit.report.text import render

    return render


def _json() -> Reporter:
    from keyaudit.report.json import render

    return render


def _jsonl() -> Reporter:
    from keyaudit.report.jsonl import render

    return render


def _sarif() -> Reporter:
    from keyaudit.report.sarif import render

    return render


def _ecs() -> Reporter:
    from keyaudit.report.ecs import render

    return render


# Format name -> its reporter, imported on first use (the text view's colours need rich).
FORMATS: dict[str, Callable[[], Reporter]] = {"text": _text, "json": _json, "jsonl": _jsonl, "sarif": _sarif,
                                              "ecs": _ecs}


def reporter(name: str) -> Reporter:
    """The reporter for a ``--format`` name."""
    try:
        return FORMATS[name]()
    except KeyError:
        raise ValueError(f"unknown format {name!r}") from None
