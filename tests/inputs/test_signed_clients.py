"""Transfers sent by a client that has a signer installed on it (keyaudit/inputs/captures/source_installed.py,
source_signers.py): signed where the file defines a signer, setting both headers, and installs it on the transfer's
own client in scope; every trap an earlier, reverted change hid a real unsigned transfer by is still reported
(tests/data/signed_clients: real files scanned by the CLI from a temporary tree, as test code is not read)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from helpers.running import scan_json

DATA = Path(__file__).resolve().parent.parent / "data" / "signed_clients"
IUGU, ASAAS = "iugu-unsigned-transfer", "asaas-unsigned-transfer"
# A signer on an earlier client of the same name, a mount for a prefix in a constant or a setting, a keyword
# argument of another call, a signing word only in a name, a signer on another client, in another function, under
# an `if`, overridden by a longer mount, by the call's own `auth` or by a later `auth`/`Transport`, or a signer that
# sets the headers on some requests only (after an `if`), a client last bound as a parameter or a loop's variable:
# all unsigned.
KEPT = {
    "kept": {("Audit.cs", ASAAS, 10), ("Ktor2.kt", ASAAS, 6), ("Ledger.cs", ASAAS, 10), ("Named.kt", ASAAS, 7),
             ("go_log.go", ASAAS, 10), ("go_reassign3.go", ASAAS, 13), ("kw_binding.py", IUGU, 9),
             ("prefix_const.py", IUGU, 11), ("prefix_settings.py", IUGU, 8), ("reassign.py", IUGU, 6),
             ("sig_logger.py", IUGU, 6), ("sign_in.py", IUGU, 11), ("sign_in_kw.py", IUGU, 5),
             ("signed_url.py", IUGU, 7), ("with_twice.py", IUGU, 6)},
    "kept2": {("K11OtherHandler.cs", ASAAS, 24), ("k01_reassign_local.py", IUGU, 20),
              ("k02_with_twice_local.py", IUGU, 20), ("k03_prefix_const_local.py", IUGU, 21),
              ("k04_prefix_other.py", IUGU, 21), ("k05_kw_local.py", IUGU, 21), ("k06_logger_local.py", IUGU, 19),
              ("k07_other_client.go", ASAAS, 24), ("k08_reassign.go", ASAAS, 21), ("k09_other_function.py", IUGU, 25),
              ("k12_conditional.py", IUGU, 21), ("k14_guzzle.php", IUGU, 16), ("k15_session_auth.py", IUGU, 20),
              ("o13_branches.py", IUGU, 29), ("o14_self.py", IUGU, 31), ("o1_longer_mount.py", IUGU, 26),
              ("o2_own_auth.py", IUGU, 27), ("o3_transport.go", ASAAS, 20), ("o4_auth_again.py", IUGU, 28),
              ("k16_ledger_only_signer.py", IUGU, 22), ("k17_ledger_only.go", ASAAS, 21),
              ("k18_parameter.py", IUGU, 17), ("k19_loop.py", IUGU, 14)},
}


def _transfers(folder: str, tmp_path: Path) -> set[tuple[str, str, int]]:
    """The request findings of a scan of the data folder ``folder`` copied out of the tests' tree."""
    target = tmp_path / "payouts"
    shutil.copytree(DATA / folder, target)
    report, _ = scan_json(str(target))
    return {(os.path.basename(f["location"]["path"]), f["rule_id"], f["location"]["line"])
            for f in report["findings"] if f["context"].get("method")}


def test_a_signer_not_installed_on_the_transfer_s_own_client_hides_no_unsigned_transfer(tmp_path: Path) -> None:
    """Each trap keeps its finding (main's, file for file)."""
    for folder, expected in KEPT.items():
        assert _transfers(folder, tmp_path / folder) == expected, folder


def test_a_signer_the_file_defines_installed_on_the_transfer_s_own_client_signs_it(tmp_path: Path) -> None:
    """A mounted adapter, a session's or the call's ``auth``, a Go transport (directly or through a name), a .NET
    handler (through a name, the request sent by ``SendAsync``), a ``with`` block's session: main called each
    transfer unsigned, though the signer the file shows sets both headers on it."""
    assert _transfers("signed", tmp_path) == set()
