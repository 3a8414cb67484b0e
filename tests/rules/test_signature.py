"""Unit tests of :mod:`keyaudit.signature` with real RSA 2048 key pairs.

Each way a signed iugu request can go wrong is built for real (sign one set of bytes, send
another) and must get its own status, and where the cause can be found, a reason that names it.
Tokens and signatures are generated per run; every check that involves one compares booleans or
goes through :func:`assert_absent`, so a failing test never prints a secret.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import shutil
import subprocess
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.x509.oid import NameOID

from helpers.credentials import iugu_token
from helpers.secrecy import assert_absent
from keyaudit.model.exchange import Exchange, Origin
from keyaudit.rulebook.signature import ParsedSignature, PublicKey, SignatureKeyError, SignatureVerdict, load_public_keys, parse_request_time, parse_signature_header, signing_string, verify

PATH = "/v1/transfer_requests"
URL = f"https://api.iugu.com{PATH}"
TIME = "2022-06-08T15:35:06-03:00"


# --- keys ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Keys:
    folder: Path
    client: rsa.RSAPrivateKey
    other: rsa.RSAPrivateKey
    client_public: list[PublicKey]
    both_public: list[PublicKey]


def _public_pem(private: rsa.RSAPrivateKey) -> bytes:
    return private.public_key().public_bytes(serialization.Encoding.PEM,
                                             serialization.PublicFormat.SubjectPublicKeyInfo)


def _spki_fingerprint(private: rsa.RSAPrivateKey) -> str:
    der = private.public_key().public_bytes(serialization.Encoding.DER,
                                            serialization.PublicFormat.SubjectPublicKeyInfo)
    return hashlib.sha256(der).hexdigest()


def _certificate(private: rsa.RSAPrivateKey) -> bytes:
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "keyaudit test client")])
    now = dt.datetime.now(dt.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(private.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now)
            .not_valid_after(now + dt.timedelta(days=1)).sign(private, hashes.SHA256()))
    return cert.public_bytes(serialization.Encoding.PEM)


@pytest.fixture(scope="module")
def keys(tmp_path_factory: pytest.TempPathFactory) -> Keys:
    """Two 2048-bit pairs (the iugu document's size), generated once: RSA generation is slow."""
    folder = tmp_path_factory.mktemp("public-keys")
    client = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    other = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    (folder / "client.pem").write_bytes(_public_pem(client))
    (folder / "other.pem").write_bytes(_public_pem(other))
    (folder / "notes.txt").write_text("not a key, and not a key file name either\n")
    return Keys(folder, client, other,
                load_public_keys([folder / "client.pem"]),
                load_public_keys([folder / "client.pem", folder / "other.pem"]))


# --- building signed requests -------------------------------------------------------------------


def sign(private: rsa.RSAPrivateKey, message: bytes) -> str:
    return base64.b64encode(private.sign(message, padding.PKCS1v15(), hashes.SHA256())).decode()


def compact(document: dict, *, ascii_only: bool = False) -> bytes:
    return json.dumps(document, separators=(",", ":"), ensure_ascii=ascii_only).encode()


def pretty(document: dict) -> bytes:
    return json.dumps(document, indent=2, ensure_ascii=False).encode()


def transfer(token: str, note: str = "pix") -> dict:
    return {"api_token": token, "amount_cents": 1500, "transfer_type": "pix", "description": note}


def request(signature_header: str | None, body: bytes, *, url: str = URL, time: str | None = TIME,
            lowercase: bool = False) -> Exchange:
    headers = [("Content-Type", "application/json")]
    if signature_header is not None:
        headers.append(("signature" if lowercase else "Signature", signature_header))
    if time is not None:
        headers.append(("request-time" if lowercase else "Request-Time", time))
    return Exchange("POST", url, headers, body)


def judge(exchange: Exchange, public: list[PublicKey]) -> tuple[str, str, str | None]:
    """The verdict as plain values, so an assertion shows them and nothing else."""
    verdict = verify(exchange, public)
    return verdict.status, verdict.reason, verdict.key_id


# --- the signing string -------------------------------------------------------------------------


def test_signing_string_is_the_documented_layout_byte_for_byte() -> None:
    body = b'{\n"api_token":"T",\n"mensagem":"qualquer coisa"\n}'
    expected = b'POST|/v1/signature/validate\nT|2022-06-08T15:35:06-03:00\n' + body
    assert signing_string("POST", "/v1/signature/validate", "T", TIME, body) == expected
    assert signing_string("post", "/v1/x", "T", TIME, b"") == b"POST|/v1/x\nT|" + TIME.encode() + b"\n"
    raw = "transferência".encode()  # the body is taken as sent, never re-encoded
    assert signing_string("POST", "/v1/x", "T", TIME, raw).endswith(raw)


# --- the Signature header -----------------------------------------------------------------------


@pytest.mark.parametrize("template", [
    "signature={b64}",
    "algorithm=RSA256, keyVersion=0, signature={b64}",
    "signature={b64}, algorithm=RSA256, keyVersion=0",
    "  Algorithm = RSA256 ,KEYVERSION=0,   Signature = {b64}  ",
    "SIGNATURE={b64}",
])
def test_signature_header_forms_are_accepted(template: str) -> None:
    raw = bytes(range(256))
    parsed = parse_signature_header(template.format(b64=base64.b64encode(raw).decode()))
    assert parsed is not None
    assert parsed.signature == raw
    if "lgorithm" in template:
        assert (parsed.algorithm, parsed.key_version) == ("RSA256", "0")


@pytest.mark.parametrize("value", [
    "", "   ", "signature=", "signature", "sig=QUJD", "algorithm=RSA256, keyVersion=0",
    "signature=not base64!", "signature=QUJ", "signature=QU JD", "signature=QUJD,", "Bearer QUJD",
    "signature=QUJD, unknown=1",
])
def test_malformed_signature_headers_give_none(value: str) -> None:
    assert parse_signature_header(value) is None


def test_parsed_signature_repr_hides_the_signature() -> None:
    raw = bytes(range(64))
    parsed = parse_signature_header("signature=" + base64.b64encode(raw).decode())
    assert isinstance(parsed, ParsedSignature)
    text = repr(parsed)
    leaked = raw.hex() in text or repr(raw) in text or base64.b64encode(raw).decode() in text
    assert not leaked, "repr(ParsedSignature) shows the signature"


# --- Request-Time -------------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "offset_hours"), [
    ("2022-06-08T15:35:06-03:00", -3),
    ("2022-06-08T18:35:06Z", 0),
    ("2022-06-08T18:35:06+00:00", 0),
    ("2022-06-08T18:35:06.123Z", 0),
    ("2022-06-08T15:35:06.123456-03:00", -3),
    ("2022-06-08T15:35:06-0300", -3),
    ("2022-06-09T00:05:06+05:30", 5.5),
])
def test_request_times_with_an_offset_parse(value: str, offset_hours: float) -> None:
    parsed = parse_request_time(value)
    assert parsed is not None and parsed.utcoffset() == dt.timedelta(hours=offset_hours)
    assert parsed.astimezone(dt.timezone.utc).replace(microsecond=0) == dt.datetime(
        2022, 6, 8, 18, 35, 6, tzinfo=dt.timezone.utc)


@pytest.mark.parametrize("value", [
    "", "2022-06-08T15:35:06", "2022-06-08", "08/06/2022 15:35", "2022-06-08T15:35:06BRT:00",
    "2022-13-08T15:35:06Z", "1654713306", "yesterday",
])
def test_request_times_without_offset_or_unparseable_give_none(value: str) -> None:
    assert parse_request_time(value) is None


# --- valid signatures ---------------------------------------------------------------------------


VALID_CASES: dict[str, Callable[[str], tuple[bytes, dict]]] = {
    "compact JSON body": lambda token: (compact(transfer(token)), {}),
    "pretty-printed body": lambda token: (pretty(transfer(token)), {}),
    "UTF-8 non-ASCII body": lambda token: (compact(transfer(token, "transferência ção — 🚀")), {}),
    "iugu document body": lambda token: (
        ('{\n"api_token":"%s",\n"mensagem":"qualquer coisa"\n}' % token).encode(), {}),
    "body with trailing newline": lambda token: (compact(transfer(token)) + b"\n", {}),
    "long header form": lambda token: (compact(transfer(token)), {"long": True}),
    "lowercase header names": lambda token: (compact(transfer(token)), {"lowercase": True}),
    "query string not signed": lambda token: (compact(transfer(token)), {"url": URL + "?debug=1"}),
    "UTC Request-Time": lambda token: (compact(transfer(token)), {"time": "2022-06-08T18:35:06Z"}),
    "form-encoded body": lambda token: (f"api_token={token}&amount_cents=1500".encode(), {}),
}


@pytest.mark.parametrize("case", list(VALID_CASES))
def test_valid_signatures_verify(keys: Keys, case: str) -> None:
    token = iugu_token("long")
    body, options = VALID_CASES[case](token)
    time = options.get("time", TIME)
    value = sign(keys.client, signing_string("POST", PATH, token, time, body))
    header = f"algorithm=RSA256, keyVersion=0, signature={value}" if options.get("long") else f"signature={value}"
    exchange = request(header, body, url=options.get("url", URL), time=time,
                       lowercase=options.get("lowercase", False))
    status, reason, key_id = judge(exchange, keys.client_public)
    assert status == "valid", reason
    assert key_id is not None and key_id.startswith("client.pem")
    assert_absent(token, reason, key_id, what="the api_token")
    assert_absent(value[:40], reason, what="the signature")


def test_a_signature_over_a_body_the_capture_does_not_show_is_unverified_not_invalid(keys: Keys) -> None:
    """A client that logs headers only (java.net.http's `headers` log, a length that does not
    match the lines shown) leaves the body unknown: a signature over it cannot be judged, and
    calling it invalid would report a forgery that never happened."""
    token = iugu_token("long")
    body = compact(transfer(token))
    value = sign(keys.client, signing_string("POST", PATH, token, TIME, body))
    status, reason, _ = judge(request(f"signature={value}", body), keys.client_public)
    assert status == "valid", reason
    exchange = request(f"signature={value}", body)
    exchange.body = None
    status, reason, _ = judge(exchange, keys.client_public)
    assert (status, reason) == ("unverified", "the capture does not show the body the signature is over")


def test_a_signature_over_a_body_shown_parsed_is_unverified_not_invalid(keys: Keys) -> None:
    """A capture that shows the body parsed (a watcher that stores the JSON decoded, written
    back compact) or cut short does not show the bytes signed: the signature over the body as
    sent (pretty-printed here) cannot be judged on those, valid or not."""
    token = iugu_token("long")
    sent, shown = pretty(transfer(token)), compact(transfer(token))
    for private in (keys.client, keys.other):
        value = sign(private, signing_string("POST", PATH, token, TIME, sent))
        exchange = request(f"signature={value}", shown)
        assert judge(exchange, keys.client_public)[0] == "invalid"
        exchange.body_exact = False
        status, reason, _ = judge(exchange, keys.client_public)
        assert (status, reason) == ("unverified", "the capture shows the body, but not as the bytes the signature "
                                                  "is over")


def test_another_supplied_key_that_verifies_is_named(keys: Keys) -> None:
    token = iugu_token()
    body = compact(transfer(token))
    exchange = request("signature=" + sign(keys.other, signing_string("POST", PATH, token, TIME, body)), body)
    status, reason, key_id = judge(exchange, keys.both_public)
    assert status == "valid", reason
    assert key_id is not None and key_id.startswith("other.pem")
    assert "other.pem" in reason


# --- each kind of wrong -------------------------------------------------------------------------


@dataclass(frozen=True)
class Wrong:
    """One way to get it wrong: what is signed and what is sent differ in one thing."""

    status: str
    cause: str | None  # a fragment of the reason, where the cause can be found
    signed_body: Callable[[dict], bytes] = compact
    sent_body: Callable[[dict], bytes] = compact
    signed_path: str = PATH
    sent_url: str = URL
    signed_time: str = TIME
    sent_time: str | None = TIME
    signed_token: str | None = None  # another token than the one in the body
    signer: str = "client"
    mangle: Callable[[str], str] | None = None  # what happens to the base64 on the way
    header: str | None = "signature={b64}"


def _truncate_whole(b64: str) -> str:
    return b64[:200]  # whole base64 quanta: decodes, but to 150 bytes, not 256


def _truncate_mid(b64: str) -> str:
    return b64[:-3]  # not a whole base64 quantum: cannot be decoded


def _flip(b64: str) -> str:
    return b64[:40] + ("A" if b64[40] != "A" else "B") + b64[41:]


def _corrupt(b64: str) -> str:
    return b64[:40] + "*%" + b64[42:]


WRONG: dict[str, Wrong] = {
    "body value changed": Wrong("invalid", "does not verify",
                                sent_body=lambda d: compact({**d, "amount_cents": 9500})),
    "body re-indented after signing": Wrong("invalid", "re-serialised compactly", sent_body=pretty),
    "body compacted after signing": Wrong("invalid", "pretty-printed", signed_body=pretty),
    "body signed with ASCII escapes": Wrong("invalid", "ASCII escapes",
                                            signed_body=lambda d: compact({**d, "description": "ção"},
                                                                          ascii_only=True),
                                            sent_body=lambda d: compact({**d, "description": "ção"})),
    "body signed with a trailing newline": Wrong("invalid", "newline", signed_body=lambda d: compact(d) + b"\n"),
    "pretty body signed with a trailing newline": Wrong("invalid", "pretty-printed with a trailing newline",
                                                        signed_body=lambda d: pretty(d) + b"\n"),
    "wrong Request-Time": Wrong("invalid", "does not verify", signed_time="2022-06-08T15:35:07-03:00"),
    "Request-Time signed in UTC": Wrong("invalid", "Request-Time written as", signed_time="2022-06-08T18:35:06Z"),
    "Request-Time signed without offset": Wrong("invalid", "Request-Time written as",
                                                signed_time="2022-06-08T15:35:06"),
    "wrong key": Wrong("invalid", "does not verify", signer="other"),
    "wrong path": Wrong("invalid", "does not verify", signed_path="/v1/transfers"),
    "path signed with its query": Wrong("invalid", "query", signed_path=PATH + "?x=1", sent_url=URL + "?x=1"),
    "wrong token": Wrong("invalid", "does not verify", signed_token="other"),
    "no api_token in the body": Wrong("invalid", "no api_token",
                                      signed_body=lambda d: compact({k: v for k, v in d.items() if k != "api_token"}),
                                      sent_body=lambda d: compact({k: v for k, v in d.items() if k != "api_token"})),
    "truncated signature (whole quanta)": Wrong("invalid", "length", mangle=_truncate_whole),
    "truncated signature (mid quantum)": Wrong("malformed", None, mangle=_truncate_mid),
    "one base64 character changed": Wrong("invalid", "does not verify", mangle=_flip),
    "corrupted base64": Wrong("malformed", None, mangle=_corrupt),
    "signature= without a value": Wrong("malformed", None, header="signature="),
    "empty Signature header": Wrong("missing", None, header=""),
    "no Signature header": Wrong("missing", None, header=None),
    "no Request-Time header": Wrong("malformed", "Request-Time", sent_time=None),
    "unparseable Request-Time": Wrong("malformed", "Request-Time", sent_time="08/06/2022 15:35:06"),
    "Request-Time without offset": Wrong("malformed", "Request-Time", sent_time="2022-06-08T15:35:06"),
}


@pytest.mark.parametrize("case", list(WRONG))
def test_each_kind_of_wrong_gets_its_status_and_diagnosis(keys: Keys, case: str) -> None:
    wrong = WRONG[case]
    token = iugu_token("long")
    document = transfer(token)
    signed_token = iugu_token("long") if wrong.signed_token else token
    signer = keys.client if wrong.signer == "client" else keys.other
    value = sign(signer, signing_string("POST", wrong.signed_path, signed_token, wrong.signed_time,
                                        wrong.signed_body(document)))
    if wrong.mangle:
        value = wrong.mangle(value)
    header = None if wrong.header is None else wrong.header.format(b64=value)
    exchange = request(header, wrong.sent_body(document), url=wrong.sent_url, time=wrong.sent_time)
    status, reason, key_id = judge(exchange, keys.client_public)
    assert status == wrong.status, reason
    assert reason, "a verdict always says why"
    if wrong.cause:
        assert wrong.cause in reason, reason
    if status != "valid":
        assert key_id is None
    assert_absent(token, reason, what="the api_token")
    assert_absent(signed_token, reason, what="the signed api_token")
    assert_absent(value[:40], reason, what="the signature")


def test_diagnosis_looks_at_every_supplied_key(keys: Keys) -> None:
    """A re-indented body signed with the second supplied key is still diagnosed as re-indented."""
    token = iugu_token()
    document = transfer(token)
    value = sign(keys.other, signing_string("POST", PATH, token, TIME, compact(document)))
    status, reason, _ = judge(request(f"signature={value}", pretty(document)), keys.both_public)
    assert status == "invalid" and "re-serialised compactly" in reason, reason
    assert reason == ("signature was made over the body re-serialised compactly; "
                      "the body sent differs byte for byte")


def test_no_keys_means_unverified_but_malformed_still_reported(keys: Keys) -> None:
    token = iugu_token()
    body = compact(transfer(token))
    value = sign(keys.client, signing_string("POST", PATH, token, TIME, body))
    assert judge(request(f"signature={value}", body), [])[0] == "unverified"
    assert judge(request("signature=not base64!", body), [])[0] == "malformed"
    assert judge(request(f"signature={value}", body, time="yesterday"), [])[0] == "malformed"
    assert judge(request(None, body), [])[0] == "missing"


@pytest.mark.parametrize(("signature", "time"), [
    ("[Redacted]", TIME), ("[REDACTED]", "[REDACTED]"), ("***", TIME), ("[FILTERED]", "[FILTERED]"),
    ("<hidden>", TIME), ("XXXXXXXX", TIME), ("[masked: 344 chars]", TIME), (None, "<redacted>"),
    ("signature=***", TIME), ("algorithm=RSA256, keyVersion=0, signature=[FILTERED]", TIME),
    ("signature=%5BFILTERED%5D", TIME), ("%5BREDACTED%5D", "%5BREDACTED%5D"),  # percent-encoded, as a form writes it
])
def test_a_value_the_logger_hid_is_unverified_not_malformed(keys: Keys, signature: str | None, time: str) -> None:
    """ASP.NET Core's HTTP logging writes `[Redacted]` for every header not allowed, Rails'
    filter `[FILTERED]`, a masker only the part after `signature=`: the request was signed, the
    capture does not show how. With a key given too, nothing can be checked."""
    token = iugu_token()
    body = compact(transfer(token))
    header = signature if signature is not None else f"signature={sign(keys.client, signing_string('POST', PATH, token, TIME, body))}"
    for supplied in ([], keys.both_public):
        assert judge(request(header, body, time=time), supplied)[0] == "unverified"
    assert judge(request("signature=not base64!", body), [])[0] == "malformed"  # a value shown is still judged
    assert judge(request("redacted-but-not-a-placeholder", body), [])[0] == "malformed"


@pytest.mark.parametrize("word", ["ok", "true", "present"])
def test_a_word_about_the_header_is_unverified_in_an_applications_summary_and_malformed_where_bytes_were_sent(
        keys: Keys, word: str) -> None:
    """An application's JSON or logfmt summary of a signed call writes a word about the Signature header
    (`"signature": "ok"`): no value sent, nothing to judge. A capture of the bytes sent (a wire dump, a HAR, a
    command) that shows such a word shows a client that sent it: malformed, as before."""
    body = compact(transfer(iugu_token()))
    for capture in ("jsonlog", "logfmt"):
        summary = replace(request(word, body), origin=Origin("app.log", 1, capture=capture))
        assert judge(summary, keys.both_public)[:2] == (
            "unverified", "the record says the Signature header was sent, not its value"), capture
    for capture in ("wire", "har", "curl"):
        sent = replace(request(word, body), origin=Origin("capture", 1, capture=capture))
        assert judge(sent, keys.both_public)[0] == "malformed", capture


@pytest.mark.parametrize(("signature", "time"), [
    ("$SIG", TIME), ("${SIGNATURE}", "${REQUEST_TIME}"), ("$(sign_body body.json)", "$(date -Iseconds)"),
    ("`sign body.json`", TIME), ("$env:IUGU_SIGNATURE", TIME), ("%s", "%s"), ("%(signature)s", TIME),
    ("{0}", "{1}"), ("{}", TIME), ("#{signature}", TIME), ("%SIGNATURE%", TIME), (None, "$REQUEST_TIME"),
    ("signature=$SIG", TIME), ("algorithm=RSA256, keyVersion=0, signature=${sig}", TIME),
    # what a document leaves for its reader to fill in
    ("signature=SUA_ASSINATURA_BASE64", TIME), ("YOUR_SIGNATURE", "REQUEST_TIME"), ("signature=<base64>", TIME),
])
def test_a_value_a_script_fills_in_is_unverified_not_malformed(keys: Keys, signature: str | None, time: str) -> None:
    """`curl -H "Signature: $SIG"` in a script, a format string's `%s`, a template's `{0}`: the
    request as written, signed when it runs. Its signature cannot be judged, and is not wrong."""
    token = iugu_token()
    body = compact(transfer(token))
    header = signature if signature is not None else f"signature={sign(keys.client, signing_string('POST', PATH, token, TIME, body))}"
    for supplied in ([], keys.both_public):
        assert judge(request(header, body, time=time), supplied)[0] == "unverified"
    assert judge(request("signature=$", body), [])[0] == "malformed"  # a dollar alone names nothing
    assert judge(request("signature=%z", body), [])[0] == "malformed"


@pytest.mark.parametrize("cut", [
    lambda value: value[:60] + "...", lambda value: value[:60] + "…", lambda value: value[:60] + "…[344 chars]",
    lambda value: value[:40] + "... (truncated)", lambda value: value[:40] + "[...]", lambda value: value[:14] + "****",
    lambda value: value[:12] + "••••" + value[-4:], lambda value: "██",
], ids=["dots", "ellipsis", "ellipsis-count", "truncated", "bracketed", "masked-tail", "masked-middle", "okhttp"])
def test_a_signature_the_logger_cut_or_masked_in_part_is_unverified_not_malformed(keys: Keys, cut: Callable[[str], str]) -> None:
    """Loggers cut long header values and mask the middle of secrets: the request was signed, the
    capture shows part of it — neither wrong nor checkable, with a key given or not."""
    token = iugu_token()
    body = compact(transfer(token))
    header = f"signature={sign(keys.client, signing_string('POST', PATH, token, TIME, body))}"
    for supplied in ([], keys.both_public):
        assert judge(request(cut(header), body), supplied)[0] == "unverified"
        assert judge(request(header, body, time=cut(TIME)), supplied)[0] == "unverified"
    assert judge(request(header[:58], body), keys.both_public)[0] == "invalid"  # cut with no mark: judged as shown


def test_verdict_repr_and_str_hold_no_secret(keys: Keys) -> None:
    token = iugu_token("long")
    document = transfer(token)
    value = sign(keys.client, signing_string("POST", PATH, token, TIME, compact(document)))
    verdicts: list[SignatureVerdict] = [
        verify(request(f"signature={value}", body), public)
        for body in (compact(document), pretty(document), compact({**document, "amount_cents": 1}))
        for public in ([], keys.client_public, keys.both_public)
    ]
    texts = [text for verdict in verdicts for text in (repr(verdict), str(verdict), verdict.reason)]
    assert_absent(token, *texts, what="the api_token")
    assert_absent(value[:40], *texts, what="the signature")
    assert_absent(value[-40:], *texts, what="the signature")


# --- the iugu document's openssl commands -------------------------------------------------------


@pytest.mark.skipif(shutil.which("openssl") is None, reason="openssl is not on PATH")
def test_signature_made_with_the_openssl_commands_of_the_iugu_document(keys: Keys, tmp_path: Path) -> None:
    """Steps 1-8 of 'Assinatura de Requisições (RSA)', run as written, then the request verifies."""
    def openssl(*args: str) -> None:
        subprocess.run(["openssl", *args], cwd=tmp_path, check=True, capture_output=True)

    openssl("genrsa", "-out", "private.pem", "2048")
    openssl("rsa", "-in", "private.pem", "-outform", "PEM", "-pubout", "-out", "public.pem")
    token = iugu_token("long")
    body = ('{\n"api_token":"%s",\n"mensagem":"qualquer coisa"\n}\n' % token).encode()
    (tmp_path / "conteudo_do_body.txt").write_bytes(body)
    (tmp_path / "documento.txt").write_bytes(signing_string("POST", "/v1/signature/validate", token, TIME, body))
    openssl("dgst", "-sha256", "-sign", "private.pem", "-out", "sign.sha256", "documento.txt")
    openssl("base64", "-A", "-in", "sign.sha256", "-out", "sign.sha256.base64")
    value = (tmp_path / "sign.sha256.base64").read_text().strip()

    public = load_public_keys([tmp_path / "public.pem"])
    for header in (f"signature={value}", f"algorithm=RSA256, keyVersion=0, signature={value}"):
        exchange = request(header, (tmp_path / "conteudo_do_body.txt").read_bytes(),
                           url="https://api.iugu.com/v1/signature/validate")
        status, reason, key_id = judge(exchange, public)
        assert status == "valid", reason
        assert key_id is not None and key_id.startswith("public.pem")
    # the body pasted without its final newline (an editor "fixing" it) no longer verifies, and says so
    stripped = request(f"signature={value}", body.rstrip(b"\n"), url="https://api.iugu.com/v1/signature/validate")
    status, reason, _ = judge(stripped, public)
    assert status == "invalid" and "newline" in reason, reason
    # and the `openssl dgst -sha256 -sign` signature is the same PKCS#1 v1.5 one cryptography makes
    assert (tmp_path / "sign.sha256").stat().st_size == 256


# --- key files ----------------------------------------------------------------------------------


def test_a_pem_public_key_file_loads_with_an_id_naming_file_and_fingerprint(keys: Keys) -> None:
    [key] = load_public_keys([keys.folder / "client.pem"])
    assert key.key_id.startswith("client.pem")
    assert _spki_fingerprint(keys.client)[:12] in key.key_id
    assert key.key.public_numbers() == keys.client.public_key().public_numbers()


def test_a_folder_loads_every_key_file_and_skips_other_files(keys: Keys) -> None:
    loaded = load_public_keys([keys.folder])
    assert sorted(k.key_id.split(" ")[0] for k in loaded) == ["client.pem", "other.pem"]
    assert len({k.key_id for k in loaded}) == 2


def test_a_certificate_gives_its_public_key(keys: Keys, tmp_path: Path) -> None:
    (tmp_path / "client.crt").write_bytes(_certificate(keys.client))
    [key] = load_public_keys([tmp_path / "client.crt"])
    assert key.key.public_numbers() == keys.client.public_key().public_numbers()
    assert _spki_fingerprint(keys.client)[:12] in key.key_id  # same key, same fingerprint as its PEM
    token = iugu_token()
    body = compact(transfer(token))
    value = sign(keys.client, signing_string("POST", PATH, token, TIME, body))
    assert judge(request(f"signature={value}", body), [key])[0] == "valid"


def _broken(tmp_path: Path) -> Path:
    path = tmp_path / "broken.pem"
    path.write_text("-----BEGIN PUBLIC KEY-----\nnot a key\n-----END PUBLIC KEY-----\n")
    return path


def _ec_key(tmp_path: Path) -> Path:
    path = tmp_path / "ec.pem"
    path.write_bytes(ec.generate_private_key(ec.SECP256R1()).public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo))
    return path


def _text(tmp_path: Path) -> Path:
    path = tmp_path / "readme.pem"
    path.write_text("this is the README, saved with the wrong name\n")
    return path


def _missing(tmp_path: Path) -> Path:
    return tmp_path / "absent.pem"


def _empty_folder(tmp_path: Path) -> Path:
    path = tmp_path / "no-keys"
    path.mkdir()
    (path / "notes.txt").write_text("nothing here\n")
    return path


def _folder_with_a_broken_file(tmp_path: Path) -> Path:
    path = tmp_path / "mixed"
    path.mkdir()
    _broken(path)
    return path


@pytest.mark.parametrize(("make", "named", "problem"), [
    (_broken, "broken.pem", "not a PEM"),
    (_ec_key, "ec.pem", "not an RSA key"),
    (_text, "readme.pem", "not a PEM"),
    (_missing, "absent.pem", "cannot read"),
    (_empty_folder, "no-keys", "no key files"),
    (_folder_with_a_broken_file, "broken.pem", "not a PEM"),
])
def test_key_files_that_cannot_be_used_raise_one_line_naming_them(
        tmp_path: Path, make: Callable[[Path], Path], named: str, problem: str) -> None:
    path = make(tmp_path)
    with pytest.raises(SignatureKeyError) as caught:
        load_public_keys([path])
    message = str(caught.value)
    assert named in message and problem in message, message
    assert "\n" not in message
    assert Path(caught.value.path).name == named and caught.value.problem in message


def test_no_key_paths_load_no_keys() -> None:
    assert load_public_keys([]) == []
