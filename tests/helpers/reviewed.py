"""The key in version control, review and other scanners' output: the value kinds of the twenty-sixth credential
corpus (``tests/data/credential_corpus_26``), kept beside the corpus renderer that merges them into its ``VALUES``.

Most of that corpus's values are plain keys and tokens in a diff's or a report's frame (the templates write the
frame); the kinds here are the ones a frame writes more than once or cuts: a scanner's report that prints the same
secret twice (gitleaks' `Match` and `Secret`, in JSON, CSV and on the console), a diff that shows one key on its
removed and its added line (a re-indented line), and a key cut over two added lines of a diff (a literal wrapped to
fit the line length, each piece after the diff's `+`).
"""

from __future__ import annotations

import random
from typing import Callable

from helpers import credentials as fake


def _key(kind: str) -> Callable[[random.Random], str]:
    """A fresh Asaas key of an environment (`prod`, `hmlg`) or an iugu token (`lower`, `long`)."""
    if kind in ("prod", "hmlg"):
        return lambda rng: fake.asaas_key(kind, rng)
    return lambda rng: fake.iugu_token(kind, rng)


def _twice(kind: str, frame: str) -> Callable[[random.Random], str]:
    """One key written by ``frame`` wherever it says ``{k}`` (a report quoting the secret and its match)."""
    return lambda rng: frame.format(k=_key(kind)(rng))


def _cut(kind: str, joiner: str) -> Callable[[random.Random], str]:
    """One key cut at its middle, the halves joined by ``joiner`` (the next added line of a diff)."""
    def make(rng: random.Random) -> str:
        value = _key(kind)(rng)
        return value[:len(value) // 2] + joiner + value[len(value) // 2:]

    return make


REVIEWED: dict[str, Callable[[random.Random], str]] = {
    # gitleaks' JSON report (pretty-printed, two spaces in), its CSV row (`Secret`, then `Match`), its console
    "asaas-prod-gitleaks-json": _twice("prod", '"Match": "ASAAS_API_KEY={k}",\n  "Secret": "{k}"'),
    "asaas-hmlg-gitleaks-json": _twice("hmlg", '"Match": "access_token: {k}",\n  "Secret": "{k}"'),
    "iugu32-gitleaks-csv": _twice("lower", '{k},IUGU_API_TOKEN={k}'),
    "iugu64-gitleaks-console": _twice("long", 'Finding:     api_token: "{k}"\nSecret:      {k}'),
    # a diff of a re-indented line: the key on its removed and on its added line
    "asaas-prod-moved": _twice("prod", "-  apiKey: {k}\n+    apiKey: {k}"),
    # a literal wrapped over two added lines: Python's adjacent literals, JavaScript's `+`
    "asaas-prod-split-diff-py": _cut("prod", '"\n+        "'),
    "iugu64-split-diff-js": _cut("long", "' +\n+    '"),
}
