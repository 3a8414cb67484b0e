"""iugu request signatures with real RSA key pairs: valid forms verify, every kind of wrong is
reported with its likely cause, and openssl's own signatures (the iugu document's commands) verify."""

from __future__ import annotations

import base64
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from helpers.credentials import iugu_token
from helpers.running import cli
from helpers.secrecy import absent
from keyaudit.model.exchange import Exchange
from keyaudit.rulebook.signature import SignatureKeyError, load_public_keys, parse_request_time, signing_string, verify

TIME = "2026-11-22T10:00:00-03:00"
PATH = "/v1/transfer_requests"


@pytest.fixture(scope="module")
def keys(tmp_path_factory: pytest.TempPathFactory) -> dict:
    folder = tmp_path_factory.mktemp("keys")
    pairs = {}
    for name in ("client", "other"):
        private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        public_pem = private.public_key().public_bytes(serialization.Encoding.PEM,
                                                       serialization.PublicFormat.SubjectPublicKeyInfo)
        (folder / f"{name}.pem").write_bytes(public_pem)
        (folder / f"{name}-private.pem").write_bytes(private.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.TraditionalOpenSSL, serialization.NoEncryption()))
        pairs[name] = private
    return {"folder": folder, "private": pairs, "client": load_public_keys([folder / "client.pem"]),
            "both": load_public_keys([folder / "client.pem", folder / "other.pem"])}


def sign(private: rsa.RSAPrivateKey, message: bytes) -> str:
    return base64.b64encode(private.sign(message, padding.PKCS1v15(), hashes.SHA256())).decode()


def signed(private: rsa.RSAPrivateKey, body: bytes, token: str, *, path: str = PATH, time: str = TIME,
           long_form: bool = False, lowercase: bool = False, sent_body: bytes | None = None,
           url_suffix: str = "", sent_time: str | None = None) -> Exchange:
    value = sign(private, signing_string("POST", path, token, time, body))
    header = f"algorithm=RSA256, keyVersion=0, signature={value}" if long_form else f"signature={value}"
    names = ("signature", "request-time") if lowercase else ("Signature", "Request-Time")
    return Exchange("POST", f"https://api.iugu.com{PATH}{url_suffix}",
                    [(names[0], header), (names[1], sent_time or time), ("Content-Type", "application/json")],
                    sent_body if sent_body is not None else body)


def body_for(token: str, pretty: bool = False, text: str = "pix") -> bytes:
    document = {"api_token": token, "amount_cents": 1500, "transfer_type": text}
    return (json.dumps(document, indent=2, ensure_ascii=False) if pretty
            else json.dumps(document, separators=(",", ":"), ensure_ascii=False)).encode()


@pytest.mark.parametrize("variant", [
    {}, {"long_form": True}, {"lowercase": True}, {"pretty": True}, {"text": "transferência ção 🚀"},
])
def test_valid_signatures_verify(keys: dict, variant: dict) -> None:
    token = iugu_token()
    body = body_for(token, variant.pop("pretty", False), variant.pop("text", "pix"))
    verdict = verify(signed(keys["private"]["client"], body, token, **variant), keys["client"])
    assert verdict.status == "valid", verdict.reason
    assert absent(token, verdict.reason), "the verdict quotes the token"


def test_each_kind_of_wrong_signature(keys: dict) -> None:
    token, client = iugu_token(), keys["private"]["client"]
    body = body_for(token)
    cases = {
        "body changed": (signed(client, body, token, sent_body=body.replace(b"1500", b"9500")), "does not verify"),
        "pretty body sent": (signed(client, body, token, sent_body=body_for(token, pretty=True)), "compactly"),
        "wrong time": (signed(client, body, token, time="2026-11-22T10:00:01-03:00", sent_time=TIME), "does not verify"),
        "time written another way": (signed(client, body, token, time="2026-11-22T13:00:00Z",
                                            sent_time="2026-11-22T13:00:00+00:00"), "Request-Time written as"),
        "path with query signed": (signed(client, body, token, path=f"{PATH}?x=1", url_suffix="?x=1"), "query"),
        "wrong path": (signed(client, body, token, path="/v1/transfers"), "does not verify"),
        "wrong token": (signed(client, body, iugu_token()), "does not verify"),
        "wrong key": (signed(keys["private"]["other"], body, token), "does not verify"),
    }
    for name, (exchange, cause) in cases.items():
        verdict = verify(exchange, keys["client"])
        assert verdict.status == "invalid", name
        assert cause in verdict.reason, f"{name}: {verdict.reason}"
        assert absent(token, verdict.reason), f"{name}: the reason quotes the token"
    another = verify(signed(keys["private"]["other"], body, token), keys["both"])
    assert another.status == "valid" and "other.pem" in (another.key_id or "")


def test_truncated_corrupted_and_malformed_headers(keys: dict) -> None:
    token = iugu_token()
    good = signed(keys["private"]["client"], body_for(token), token)
    value = dict(good.headers)["Signature"].split("=", 1)[1]

    def with_signature(header: str, time: str = TIME) -> Exchange:
        return Exchange("POST", good.url, [("Signature", header), ("Request-Time", time)], good.body)

    assert verify(with_signature(f"signature={value[:200]}"), keys["client"]).status in ("invalid", "malformed")
    corrupted = value[:50] + ("A" if value[50] != "A" else "B") + value[51:]
    assert verify(with_signature(f"signature={corrupted}"), keys["client"]).status == "invalid"
    assert verify(with_signature("sig=abc"), keys["client"]).status == "malformed"
    assert verify(with_signature("signature=not base64!"), keys["client"]).status == "malformed"
    assert verify(with_signature(f"signature={value}", "22/11/2026 10:00"), keys["client"]).status == "malformed"
    assert verify(with_signature(""), keys["client"]).status == "missing"
    assert verify(with_signature(f"signature={value}"), []).status == "unverified"
    assert parse_request_time("2026-11-22T10:00:00") is None  # no offset
    assert parse_request_time("2026-11-22T10:00:00.123Z") is not None


@pytest.mark.skipif(shutil.which("openssl") is None, reason="openssl is not installed")
def test_signatures_made_with_the_openssl_commands_of_the_iugu_document(keys: dict, tmp_path: Path) -> None:
    token = iugu_token()
    body = ('{\n"api_token":"%s",\n"mensagem":"qualquer coisa"\n}' % token).encode()
    document = tmp_path / "documento.txt"
    document.write_bytes(signing_string("POST", PATH, token, TIME, body))
    private = keys["folder"] / "client-private.pem"
    subprocess.run(["openssl", "dgst", "-sha256", "-sign", str(private), "-out", str(tmp_path / "sign.sha256"),
                    str(document)], check=True)
    subprocess.run(["openssl", "base64", "-A", "-in", str(tmp_path / "sign.sha256"),
                    "-out", str(tmp_path / "sign.sha256.base64")], check=True)
    value = (tmp_path / "sign.sha256.base64").read_text().strip()
    exchange = Exchange("POST", f"https://api.iugu.com{PATH}",
                        [("Signature", f"signature={value}"), ("Request-Time", TIME)], body)
    assert verify(exchange, keys["client"]).status == "valid"


def test_the_cli_verifies_captured_requests_with_public_keys(keys: dict, tmp_path: Path) -> None:
    token = iugu_token()
    body = body_for(token)
    good = signed(keys["private"]["client"], body, token)
    bad = signed(keys["private"]["other"], body, token)
    har = {"log": {"entries": [
        {"request": {"method": "POST", "url": e.url, "headers": [{"name": n, "value": v} for n, v in e.headers],
                     "postData": {"mimeType": "application/json", "text": e.body.decode()}}}
        for e in (good, bad)]}}
    capture = tmp_path / "signed.har"
    capture.write_text(json.dumps(har))
    run = cli("scan", "--format", "json", "--jobs", "1", "--public-key", str(keys["folder"] / "client.pem"),
                  str(capture))
    report = json.loads(run.stdout)
    signature_findings = [f for f in report["findings"] if f["category"] == "bad-signature"]
    assert [f["context"]["har_entry"] for f in signature_findings] == [1]
    assert report["scan"]["requests"]["signatures_valid"] == 1
    assert report["scan"]["requests"]["signatures_invalid"] == 1
    unverified = json.loads(cli("scan", "--format", "json", "--jobs", "1", str(capture)).stdout)
    assert unverified["scan"]["requests"]["signatures_unverified"] == 2
    assert not [f for f in unverified["findings"] if f["category"] == "bad-signature"]


def test_a_script_that_signs_when_it_runs_is_not_reported_and_one_that_does_not_sign_is(keys: dict, tmp_path: Path) -> None:
    """A deploy script's `curl -H "Signature: $SIG"` holds the request as written: its signature is
    made when the script runs, so the scan can neither verify it nor call it wrong (a pre-commit
    hook must not block it). The same script without the headers sends its transfer unsigned."""
    script = tmp_path / "payout.sh"
    script.write_text(
        "#!/bin/sh\n"
        'SIG=$(openssl dgst -sha256 -sign key.pem body.json | base64 -w0)\n'
        "curl -s -X POST https://api.iugu.com/v1/transfers \\\n"
        '  -H "Content-Type: application/json" -H "Signature: signature=$SIG" \\\n'
        '  -H "Request-Time: $(date -Iseconds)" --data-binary @body.json\n'
        "curl -s -X POST https://api.iugu.com/v1/transfers \\\n"
        '  -H "Content-Type: application/json" --data-binary @body.json\n')
    for supplied in ((), ("--public-key", str(keys["folder"] / "client.pem"))):
        report = json.loads(cli("scan", "--format", "json", "--jobs", "1", *supplied, str(script)).stdout)
        assert [(f["rule_id"], f["location"]["line"]) for f in report["findings"]] == [("iugu-unsigned-transfer", 6)]
        assert report["scan"]["requests"]["signatures_unverified"] == 1


def test_a_signature_of_another_standard_is_no_iugu_signature(tmp_path: Path) -> None:
    """An HTTP client's test data holds the requests it expects to send signed by RFC 9421 (HTTP Message
    Signatures): `Signature-Input` names what is covered, `Signature: sig1=:<base64>:` carries it, the same
    bytes in two tests. Neither request is a malformed iugu signature nor a replay of one; a request that
    names no Signature-Input is still judged as iugu's."""
    lines = []
    for port in ("9000", "9000"):
        lines += ["GET /4000/resource HTTP/1.1", f"Host: files.example.net:{port}",
                  'Signature-Input: sig1=("@method" "@authority" "@path");created=0;keyid="test-ed25519"',
                  "Signature: sig1=:" + base64.b64encode(b"an ed25519 signature over the base" * 2).decode() + ":",
                  "Accept: */*", ""]
    lines += ["POST https://api.iugu.com/v1/transfer_requests HTTP/1.1", f"Request-Time: {TIME}",
              "Signature: sig1=:c2lnbmF0dXJl:", "", "{}"]
    capture = tmp_path / "expected-requests.txt"
    capture.write_text("\n".join(lines) + "\n")
    report = json.loads(cli("scan", "--format", "json", "--jobs", "1", str(capture)).stdout)
    assert [(f["rule_id"], f["location"]["line"]) for f in report["findings"]] == [("iugu-bad-signature", 13)]


def test_a_webhook_senders_signature_is_no_iugu_signature(tmp_path: Path) -> None:
    """A payments app logs the webhooks it receives with their headers: a sender's signature names its own
    parts (`t=…,v1=…`, `ts=…;h1=…`) or leads with its scheme's version (`v1,<base64>`), and a sender's retries
    repeat it. None is a malformed iugu signature nor a replay; a bare value sent to iugu is still a malformed
    one, and so is a sender's scheme on a request sent to iugu (a webhook sender's signing code copied over)."""
    hook = ["POST /webhooks/gateway HTTP/1.1", "Host: pagamentos.minhaloja.com.br", "Content-Type: application/json",
            "Signature: t=1733306400,v1=" + "5257a869e7ecebed" * 4, "", '{"type":"transfer.created"}', ""]
    records = [{"method": "POST", "url": "https://pagamentos.minhaloja.com.br/webhooks/" + name,
                "headers": {"Signature": value}, "body": "{}"}
               for name, value in (("paddle", "ts=1671552777;h1=" + "eb4d0dc8853be92b" * 4),
                                   ("svix", "v1," + base64.b64encode(b"an hmac-sha256 digest..").decode()))]
    (tmp_path / "webhooks.txt").write_text("\n".join(hook * 2))
    (tmp_path / "webhooks.jsonl").write_text("".join(json.dumps(record) + "\n" for record in records * 2))
    (tmp_path / "iugu.txt").write_text("POST https://api.iugu.com/v1/transfer_requests HTTP/1.1\n"
                                       f"Request-Time: {TIME}\nSignature: c2lnbmF0dXJlIHdpdGhvdXQ=\n\n{{}}\n")
    (tmp_path / "iugu_copied.txt").write_text("POST https://api.iugu.com/v1/transfer_requests HTTP/1.1\n"
                                              f"Request-Time: {TIME}\n{hook[3]}\n\n{{}}\n")
    report = json.loads(cli("scan", "--format", "json", "--jobs", "1", str(tmp_path)).stdout)
    assert sorted((Path(f["location"]["path"]).name, f["rule_id"]) for f in report["findings"]) == [
        ("iugu.txt", "iugu-bad-signature"), ("iugu_copied.txt", "iugu-bad-signature")]


def test_key_files_that_cannot_be_used(keys: dict, tmp_path: Path) -> None:
    broken = tmp_path / "broken.pem"
    broken.write_text("-----BEGIN PUBLIC KEY-----\nnot a key\n-----END PUBLIC KEY-----\n")
    with pytest.raises(SignatureKeyError, match="broken.pem"):
        load_public_keys([broken])
    assert len(load_public_keys([keys["folder"]])) == 4  # two public keys and two private ones
    run = cli("scan", "--public-key", str(broken), str(broken))
    assert run.exit_code == 2 and "broken.pem" in run.stderr and len(run.stderr.strip().splitlines()) == 1
