"""One recipe for the scanner: a spec in, a :class:`UnitScanner` out — here and on Dask workers.

The spec names rule files, disabled rules, the engine and public keys, and nothing secret; it is
small enough to travel to every worker once per scan, and its key (a hash of the files' content)
tells a worker when a scanner it built earlier is still the right one.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, replace
from pathlib import Path

from keyaudit.engine.budget import SECONDS_PER_FILE
from keyaudit.rulebook.clock import DEFAULT_WINDOW_SECONDS
from keyaudit.rulebook.loader import load_rules
from keyaudit.rulebook.registry import CheckInputs, request_checks
from keyaudit.run.placing import ScanFrame
from keyaudit.run.unit_scanner import UnitScanner


@dataclass(frozen=True)
class ScannerSpec:
    """Everything needed to build the same scanner on another machine, and nothing secret."""

    rule_paths: tuple[str, ...] = ()
    disabled: tuple[str, ...] = ()
    engine: str = "auto"
    public_keys: tuple[str, ...] = ()
    rule_time: float = SECONDS_PER_FILE
    request_time_window: float = DEFAULT_WINDOW_SECONDS
    frame: ScanFrame | None = None  # what reported paths are below, for the place rules
    small: bool = False  # the scan reads little: the engine is chosen for it (see keyaudit.engine.create_matcher)

    @property
    def key(self) -> str:
        """Content hash of the rule files and keys, so a changed file is a different scanner."""
        digest = hashlib.sha256(repr((self.disabled, self.engine, self.rule_time, self.request_time_window,
                                      self.frame, self.small)).encode())
        for name in (*self.rule_paths, *self.public_keys):
            path = Path(name)
            files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
            for file in files:
                digest.update(file.name.encode() + b"\0" + file.read_bytes())
        return digest.hexdigest()

    def absolute(self) -> "ScannerSpec":
        """The spec with absolute paths, for a worker whose working folder is not this one's."""
        return replace(self, rule_paths=tuple(map(os.path.abspath, self.rule_paths)),
                       public_keys=tuple(map(os.path.abspath, self.public_keys)))

    def build(self) -> UnitScanner:
        """The scanner; a rule, engine or key problem raises its own one-line error.

        Keys given are loaded now, so that a bad key file stops the run before it scans; they
        verify signatures, and tell a leaked private key that signs with one of them. Without
        keys the signature module is imported by the first request judged, and a scan that
        judges none (code, most logs) starts without it.
        """
        rules = load_rules([Path(p) for p in self.rule_paths]).without(self.disabled)
        hosts = rules.every_provider_host()
        if not self.public_keys:
            checks = request_checks(CheckInputs(request_time_window=self.request_time_window, provider_hosts=hosts))
            return UnitScanner(rules, self.engine, checks, self.rule_time, frame=self.frame, small=self.small)
        from keyaudit.rulebook.signature import load_public_keys, short_key_warnings

        keys = load_public_keys([Path(p) for p in self.public_keys])
        checks = request_checks(CheckInputs(tuple(keys), self.request_time_window, hosts))
        return UnitScanner(rules, self.engine, checks, self.rule_time,
                           signing_keys={key.digest: key.key_id for key in keys},
                           key_warnings=short_key_warnings(keys), frame=self.frame, small=self.small)
