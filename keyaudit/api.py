"""The Python API: scan paths, URLs, text or bytes with the session the command line runs.

``scan``, ``scan_text`` and ``scan_bytes`` build a :class:`~keyaudit.config.Config` from keyword
options and run one :class:`~keyaudit.run.session.Session` — the same rules (request rules too),
engine, decompression and sniffing, folding and filters as ``keyaudit scan`` — and hand back its
:class:`ScanResult` instead of a report. Options are the ``scan`` options that decide what is
found, under the names a configuration file uses, checked as a file's values are. Unlike the
command line, a call reads no configuration file and no environment variable
(``KEYAUDIT_SCHEDULER``, ``KEYAUDIT_DIGEST_KEY``): what is passed is what runs, wherever the
calling program happens to be started. Text and bytes are scanned in this process, the way the
command line scans staged blobs, never through a temporary file. The README's "Python API"
section shows each call; a test runs its examples.
"""

from __future__ import annotations

import os
import re
import warnings
from pathlib import Path
from typing import Any, Mapping, Sequence, TypedDict, Unpack

from keyaudit.config import NETWORK, OPTIONS, REPORTING, Config, ConfigError, given_config
from keyaudit.model.findings import Finding, Location
from keyaudit.model.result import ScanError, ScanResult
from keyaudit.run.session import Session, SetupError
from keyaudit.sources.targets import Target, in_memory

__all__ = ["scan", "scan_text", "scan_bytes", "ScanOptions", "ContentOptions", "ScanResult", "Finding", "Location",
           "ScanError", "SetupError", "OptionError"]

PathName = str | os.PathLike[str]


class OptionError(SetupError, ValueError):
    """An option value that cannot be used (``jobs=0``, ``engine="fast"``); ``str()`` is one line
    naming the option. A :class:`SetupError` like every reason a scan cannot start, and a
    ``ValueError`` as Python's own bad arguments are."""


class ContentOptions(TypedDict, total=False):
    """What decides the findings of any content: the options ``scan_text`` and ``scan_bytes`` take."""

    rules: Sequence[PathName]  # extra rule files or folders; a rule with a shipped id replaces it
    disable: Sequence[str]  # rule ids
    exclude: Sequence[str]  # gitignore patterns, matched against the path (or name) relative to the working folder
    allow: Sequence[Mapping[str, str]]  # {"digest": "sha256:…", "reason": "…"}: findings of these secrets accepted
    baseline: PathName  # a baseline file: its findings are suppressed
    digest_key: str  # HMAC key for secret digests (allow entries are matched by keyed digest)
    no_dedupe: bool  # every occurrence its own finding
    engine: str  # "auto", "hyperscan" or "regex"
    public_keys: Sequence[PathName]  # iugu client public keys (PEM files or folders) to verify signatures
    rule_time: float  # CPU seconds a rule may spend on one input (plus some per MiB)
    request_time_window: float  # seconds a signed request's Request-Time may be from its log time


class ScanOptions(ContentOptions, total=False):
    """What ``scan`` takes besides: where and how targets are found and read."""

    staged: bool  # scan the git index of the working folder's repository, not the targets
    state: PathName  # SQLite file: later scans read only new content
    show_secrets: bool  # with state: scan again what the state keeps sealed, so every finding has its value
    storage_options: Mapping[str, str]  # for URL targets' object store (fsspec)
    scheduler: str  # a Dask scheduler address, or "local:N"
    jobs: int  # processes [default: all cores]


def scan(targets: PathName | Sequence[PathName] = ".", **options: Unpack[ScanOptions]) -> ScanResult:
    """Scan files, folders and URLs (``s3://…``) as ``keyaudit scan TARGET…`` does: folders walked
    with their ignore files honoured, archives opened, compression sniffed, captures judged.

    ``targets`` is one path or URL, or a sequence of them. ``result.findings`` is a
    ``Sequence[Finding]``: iterate it, ``len()`` it, index it — a scan with very many findings may
    keep them on disk, so do not count on a list. Raises :class:`TypeError` for an option that is
    not one, :class:`OptionError` for a value that cannot be used and :class:`SetupError` when the
    scan cannot start (a rule file, a key, a baseline, a state, a store or a cluster); inputs that
    cannot be read are listed in ``result.errors`` and the scan goes on.
    """
    names = [targets] if isinstance(targets, (str, os.PathLike)) else list(targets)
    return _run(_config("scan", [_path_name(name) for name in names], options, ScanOptions), None)


def scan_text(text: str, name: str = "<text>", **options: Unpack[ContentOptions]) -> ScanResult:
    """Scan ``text`` (as UTF-8) as if it were a file called ``name``: findings are located in it
    by line and column, and reported under ``name`` (``.har`` names a capture). Errors as
    :func:`scan`'s."""
    if not isinstance(text, str):
        raise TypeError(f"scan_text() takes a str, not {type(text).__name__}: use scan_bytes() for bytes")
    return _run(*_content("scan_text", _utf8(text), name, options))


# a surrogate no UTF-8 writes: all but those a byte that is no UTF-8 was decoded to (surrogateescape's)
_UNWRITABLE = re.compile("[\ud800-\udc7f\udd00-\udfff]")


def _utf8(text: str) -> bytes:
    """``text`` as UTF-8, a lone surrogate (a JSON string's ``\\ud800``, decoded by the caller) as
    U+FFFD, one character as it was (columns stay): no UTF-8 writes one, so encoding the text
    raised out of the scan. Bytes decoded with ``surrogateescape`` are written back as they were."""
    try:
        return text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return _UNWRITABLE.sub("\ufffd", text).encode("utf-8", "surrogateescape")


def scan_bytes(data: bytes, name: str = "<bytes>", **options: Unpack[ContentOptions]) -> ScanResult:
    """Scan ``data`` as a file called ``name`` would be: gzip, bz2, xz, zstd and lz4 undone, zip
    and tar archives opened (members named ``name!member``), UTF-16 decoded, binary content
    skipped and counted. Errors as :func:`scan`'s."""
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError(f"scan_bytes() takes bytes, not {type(data).__name__}: use scan_text() for a str")
    return _run(*_content("scan_bytes", bytes(data), name, options))


def _content(caller: str, data: bytes, name: str, options: Mapping[str, Any]) -> tuple[Config, list[Target]]:
    """The configuration of a call on content, and the content as the one target it scans."""
    if not isinstance(name, str) or not name:
        raise TypeError(f"{caller}() needs a non-empty str name")
    return _config(caller, [name], options, ContentOptions), [in_memory(name, data)]


def _config(caller: str, targets: list[str], options: Mapping[str, Any], accepted: type) -> Config:
    """The configuration of a call; a name that is no option of ``caller`` is a TypeError (saying
    so when it is an option of the report, or of another call), a bad value an OptionError."""
    for key in options:
        if key not in accepted.__annotations__:
            raise TypeError(f"{caller}() got an unexpected option {key!r}{_why_not(key, accepted)}")
    try:
        return given_config({**{key: _plain(value) for key, value in options.items()}, "targets": targets},
                            Path.cwd(), f"{caller}()")
    except ConfigError as exc:
        raise OptionError(str(exc)) from None


def _why_not(key: str, accepted: type) -> str:
    if key in REPORTING:
        return ": it shapes a report, and the API returns the result itself"
    if key in NETWORK:
        return ": it sends found credentials to their providers, which only the command line does"
    if key in OPTIONS and key != "targets":
        return ": it says how targets are read, and is an option of scan() only"
    return f"; options: {', '.join(accepted.__annotations__)}"


def _path_name(name: Any) -> str:
    if isinstance(name, os.PathLike):
        name = os.fspath(name)
    if not isinstance(name, str):
        raise TypeError(f"scan() targets are paths or URLs (str or os.PathLike), not {type(name).__name__}")
    return name


def _plain(value: Any) -> Any:
    """A value as a configuration file writes it (lists, mappings, strings), for the file's checks:
    tuples and other sequences as lists, paths as strings, mappings as dicts."""
    if isinstance(value, os.PathLike):
        return os.fspath(value)
    if isinstance(value, Mapping):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, Sequence) and not isinstance(value, (str, bytes)):
        return [_plain(item) for item in value]
    return value


def _run(config: Config, held: Sequence[Target] | None) -> ScanResult:
    """One session, start to end: its warnings as Python warnings, its progress recorded in the
    state (with ``state``) once the result is complete, as the command line does once the report
    is written."""
    with Session(config, held=held) as session:
        for warning in session.warnings:
            warnings.warn(warning, UserWarning, stacklevel=3)
        result = session.run()
        session.commit()
    return result
