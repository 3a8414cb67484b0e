"""The signing key itself: an RSA private key in a tree or a log is a finding of its own, in every
form it is written in; with ``--public-key``, the private half of a given key is critical; a
``--public-key`` too short to trust is warned about. Real key pairs, generated per run, scanned
through the CLI; no report or error line ever shows the key."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from helpers.credentials import private_pem, public_pem, rsa_private_key
from helpers.data import load_schema
from helpers.running import cli, scan_json
from helpers.secrecy import assert_absent


def _escaped(pem: str) -> str:
    """The PEM with its line breaks written as ``\\n``, as a .env value or a JSON string has them."""
    return pem.strip().replace("\n", "\\n")


def _forms(key_bits: int = 2048) -> dict[str, str]:
    key = rsa_private_key(key_bits)
    pkcs1, pkcs8 = private_pem(key, "pkcs1"), private_pem(key, "pkcs8")
    indented = "".join(f"    {line}\n" for line in pkcs1.strip().splitlines())
    return {
        "signing.pem": pkcs1,
        "signing-pkcs8.key": pkcs8,
        "deploy.env": f'IUGU_API_BASE=https://api.iugu.com/v1\nIUGU_SIGNING_KEY="{_escaped(pkcs8)}"\n',
        "config.json": json.dumps({"iugu": {"signing_key": pkcs1}}, indent=2) + "\n",
        "values.yaml": f"iugu:\n  signing_key: |\n{indented}",
        "app.log": json.dumps({"level": "debug", "msg": json.dumps({"private_key": pkcs8})}) + "\n",
    }


def _bodies(pem: str) -> list[str]:
    return [line for line in pem.strip().splitlines() if not line.startswith("-----")]


def test_a_private_key_is_found_in_every_form_it_is_written_in(tmp_path: Path) -> None:
    for name, text in _forms().items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    report, run = scan_json(str(tmp_path), "--no-dedupe")
    jsonschema.validate(report, load_schema())
    found = {Path(f["location"]["path"]).name: f for f in report["findings"]}
    assert sorted(found) == sorted(_forms())
    assert {(f["rule_id"], f["category"], f["severity"], f["message"]) for f in found.values()} == {
        ("rsa-private-key", "private-key", "high", "RSA private key: 2048-bit")}
    # One key, written six ways: one secret.
    assert len({f["secret"]["digest"] for f in found.values()}) == 1
    assert found["signing.pem"]["location"]["line"] == 1 and found["values.yaml"]["location"]["line"] == 3
    key = rsa_private_key(2048)
    for line in _bodies(private_pem(key, "pkcs1")) + _bodies(private_pem(key, "pkcs8")):
        assert_absent(line, run.stdout, run.stderr, what="a line of the private key")


def test_encrypted_keys_are_their_own_finding(tmp_path: Path) -> None:
    key = rsa_private_key(2048)
    (tmp_path / "a.pem").write_text(private_pem(key, "pkcs8", b"correct horse"), encoding="utf-8")
    (tmp_path / "b.pem").write_text(private_pem(key, "pkcs1", b"correct horse"), encoding="utf-8")
    report, run = scan_json(str(tmp_path))
    assert [(Path(f["location"]["path"]).name, f["rule_id"], f["severity"]) for f in report["findings"]] == [
        ("a.pem", "encrypted-private-key", "medium"), ("b.pem", "encrypted-private-key", "medium")]
    for line in _bodies(private_pem(key, "pkcs8", b"correct horse")):
        assert_absent(line, run.stdout, what="a line of the encrypted key")


def test_stand_ins_public_keys_and_other_key_types_are_not_reported(tmp_path: Path) -> None:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec

    pkcs1 = private_pem(rsa_private_key(2048)).strip().splitlines()
    ec_key = ec.generate_private_key(ec.SECP256R1()).private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()).decode()
    texts = {
        "placeholder.env": 'KEY="-----BEGIN RSA PRIVATE KEY-----\\nMIIEpAIBAAKCAQEA...'
                           '\\n-----END RSA PRIVATE KEY-----"\n',
        "truncated.pem": "\n".join(pkcs1[:6] + pkcs1[-1:]) + "\n",
        "mismatched.pem": "\n".join(pkcs1[:-1] + ["-----END PRIVATE KEY-----"]) + "\n",
        "public.pem": public_pem(rsa_private_key(2048)).decode(),
        "ec.pem": ec_key,
        "docs.md": "Generate one with `openssl genrsa -out private.pem 2048`; it starts with "
                   "-----BEGIN RSA PRIVATE KEY----- and ends with -----END RSA PRIVATE KEY-----.\n",
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    report, run = scan_json(str(tmp_path))
    assert report["findings"] == [] and run.exit_code == 0


def test_the_private_half_of_a_given_public_key_is_critical(tmp_path: Path) -> None:
    signer, other = rsa_private_key(2048), rsa_private_key(2048, name="other")
    (tmp_path / "keys").mkdir()
    (tmp_path / "keys" / "client.pem").write_bytes(public_pem(signer))
    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "signer.env").write_text(f'IUGU_SIGNING_KEY="{_escaped(private_pem(signer, "pkcs8"))}"\n', encoding="utf-8")
    (tree / "tls.key").write_text(private_pem(other), encoding="utf-8")
    report, run = scan_json(str(tree), "--public-key", str(tmp_path / "keys" / "client.pem"))
    found = {Path(f["location"]["path"]).name: f for f in report["findings"]}
    assert found["signer.env"]["severity"] == "critical" and found["tls.key"]["severity"] == "high"
    assert "the private half of --public-key client.pem (sha256:" in found["signer.env"]["message"]
    assert "--public-key" not in found["tls.key"]["message"]
    assert "warning" not in run.stderr  # a 2048-bit key
    # The folder form of --public-key names the same key.
    folder, _ = scan_json(str(tree), "--public-key", str(tmp_path / "keys"))
    assert sorted(f["severity"] for f in folder["findings"]) == ["critical", "high"]


def test_a_public_key_under_2048_bits_is_warned_about(tmp_path: Path) -> None:
    """A warning, not a finding: the key file is configuration the user passed, not scanned content."""
    (tmp_path / "short.pem").write_bytes(public_pem(rsa_private_key(1024)))
    (tmp_path / "good.pem").write_bytes(public_pem(rsa_private_key(2048)))
    (tmp_path / "tree").mkdir()
    run = cli("scan", "--jobs", "1", "--public-key", str(tmp_path / "short.pem"), "--public-key",
              str(tmp_path / "good.pem"), str(tmp_path / "tree"))
    assert run.exit_code == 0
    [warning] = run.stderr.strip().splitlines()
    assert warning.startswith("keyaudit: warning: --public-key short.pem (sha256:")
    assert "is a 1024-bit RSA key" in warning
    assert "good.pem" not in run.stderr


@pytest.mark.parametrize("bits", [1024, 4096])
def test_key_sizes_are_said(tmp_path: Path, bits: int) -> None:
    """4096-bit keys are the longest PEM the engine reads whole (the overlap between chunks)."""
    (tmp_path / "k.json").write_text(json.dumps({"k": private_pem(rsa_private_key(bits), "pkcs8")}), encoding="utf-8")
    report, _ = scan_json(str(tmp_path))
    assert [f["message"] for f in report["findings"]] == [f"RSA private key: {bits}-bit"]
