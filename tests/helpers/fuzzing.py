"""Fuzzing captured traffic: hostile bytes between known requests, scanned the way a file is.

The suite runs a small number of examples (seconds); ``KEYAUDIT_FUZZ_EXAMPLES`` raises it for a
long run (``benchmarks/fuzz_captures.py`` runs 10,000 per format). Known requests carry fresh
credentials that are never printed: hypothesis shows the fuzzed bytes of a failing example, and
checks on credentials are turned into booleans before they are asserted.
"""

from __future__ import annotations

import functools
import io
import os
from dataclasses import dataclass

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from keyaudit.model.findings import Finding
from keyaudit.rulebook.loader import load_rules
from keyaudit.rulebook.registry import CheckInputs, request_checks
from keyaudit.run.tally import Tally
from keyaudit.run.unit_scanner import UnitScanner
from keyaudit.run.units import WorkUnit
from keyaudit.sources.opening import opener_for
from keyaudit.sources.targets import Target

EXAMPLES_VARIABLE = "KEYAUDIT_FUZZ_EXAMPLES"


def fuzz_settings() -> settings:
    """Few examples in the suite, as many as ``KEYAUDIT_FUZZ_EXAMPLES`` asks for in a long run."""
    return settings(max_examples=int(os.environ.get(EXAMPLES_VARIABLE, "40")), database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


# Bytes that have broken readers before, or sit at the edges of what they parse.
SNIPPETS = [b"\\ud800", b"\\udfff", b"\\u0000", b"$'\\ud800'", b"\xed\xa0\x80", b"\xff\xfe", b"\x00", b"\r",
            b"http://[::1", b"https://[", b"http://x:99999999999/", b"http://%zz/", b'"headers": true',
            b'"url": 5', b"9" * 5000, b"[" * 3000, b"{" * 3000, b"{", b"}", b"[", b"]", b'"', b"'", b"\\", b",",
            b":", b"`", b"$(", b"\\\n", b"\n", b"\n\n", b"curl ", b"curl -u ", b"-H 'Signature: ", b" -d @",
            b"POST /v1/transfer_requests HTTP/1.1\n", b"Host: api.iugu.com\n", b"Content-Length: 99999999\n",
            b"Content-Length: -1\n", b"Transfer-Encoding: chunked\n", b"--> POST http://api.iugu.com/v1/transfers\n",
            b'>> "POST /v1/transfers HTTP/1.1[\\r][\\n]"\n', b"send: b'POST / HTTP/1.1\\r\\n", b"\\x", b"%",
            b'{"method": "POST", "url": "http://api.iugu.com/v1/', b'{"request": {"url": "http://[',
            b'"encoding": "base64", "text": "', b"=\xff==", b"\xef\xbb\xbf", b"\t", b"\x1b[31m"]

_PIECE = st.one_of(st.binary(max_size=40), st.sampled_from(SNIPPETS))
FUZZ = st.lists(_PIECE, max_size=24).map(b"".join)


_BOUNDARIES = frozenset(b'/:=?&"\' ,{}[]')


@st.composite
def mutants(draw: st.DrawFn, request: bytes) -> bytes:
    """``request`` with a few pieces written over or into it, mostly just after a separator
    (``/``, ``=``, a quote…): what reaches a reader's deeper states (a lone surrogate inside a
    URL, a header without a value) far more often than random bytes do."""
    data = request
    for _ in range(draw(st.integers(1, 4))):
        after = [index + 1 for index, byte in enumerate(data) if byte in _BOUNDARIES]
        at = draw(st.one_of(st.sampled_from(after), st.integers(0, len(data)))) if after else 0
        data = data[:at] + draw(_PIECE) + data[at + draw(st.integers(0, 3)):]
    return data


def hostile(request: bytes) -> st.SearchStrategy[bytes]:
    """A damaged copy of ``request``, random bytes, or both."""
    return st.one_of(mutants(request), FUZZ, st.tuples(mutants(request), FUZZ).map(b"\n".join))


@functools.cache
def _scanner() -> UnitScanner:
    """A unit scanner as a run builds one, its request checks (a signature's) included."""
    return UnitScanner(load_rules(), checks=request_checks(CheckInputs()))


def scan_bytes(data: bytes, name: str) -> Tally:
    """What scanning a file of ``data`` named ``name`` gives, unit scanner and all."""
    return _scanner().scan(WorkUnit(Target(name, None, opener_for(io.BytesIO(data)))))


@dataclass(frozen=True)
class Planted:
    """A known request with a credential: the line the request starts on, the credential and
    the line it is on."""

    line: int
    secret: str
    secret_line: int

    @classmethod
    def in_file(cls, data: bytes, start: int, secret: str) -> "Planted":
        """The request whose first line is the line byte ``start`` is on (its credential is on
        the first line that holds it from there)."""
        at = data.index(secret.encode(), start)
        return cls(data.count(b"\n", 0, start) + 1, secret, data.count(b"\n", 0, at) + 1)


def secret_found(findings: list[Finding], planted: Planted) -> bool:
    """Whether the planted credential is among the findings, at its line."""
    return any(f.secret is not None and f.secret.canonical == planted.secret and f.location.line == planted.secret_line
               for f in findings)


def judged_at(findings: list[Finding], line: int) -> set[str]:
    """The categories of the request rules' findings at ``line``."""
    return {f.category for f in findings if f.secret is None and f.location.line == line}
