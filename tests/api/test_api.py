"""The Python API: the command line's session, from a call.

Text and bytes are judged as the same content in a file is (request rules, decompression,
archives, binary sniffing), options are checked as a configuration file's values are, and the
API's errors are exceptions with one line each.
"""

from __future__ import annotations

import collections.abc
import gzip
import hashlib
import typing
from pathlib import Path

import pytest

import keyaudit
from helpers.archives import tar_bytes
from helpers.binaries import png
from helpers.credentials import IUGU_LEAD, asaas_key, basic, iugu_line, iugu_token
from helpers.packs import ACME_PACK
from helpers.running import scan_json
from helpers.secrecy import assert_none_leaked
from keyaudit import api
from keyaudit.config import NETWORK, OPTIONS, REPORTING
from keyaudit.model.result import ScanResult

LOOSE_PACK = ACME_PACK.replace("keywords: [acme_key]", "keywords: [acme]").replace("acme_key=", "key=")  # no anchor


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / ".git").mkdir()  # the command line's search for a configuration file stops here
    monkeypatch.chdir(tmp_path)
    return tmp_path


def deploy_script() -> tuple[str, dict[str, str]]:
    """A script with a key, a token in a URL, a Basic header and an unsigned plain-HTTP transfer."""
    secrets = {"asaas": asaas_key(), "iugu": iugu_token(), "basic": iugu_token()}
    text = (f"#!/bin/sh\nexport ASAAS_API_KEY={secrets['asaas']}\ncurl 'https://api.iugu.com/v1/invoices?"
            f"api_token={secrets['iugu']}'\ncurl -H 'Authorization: Basic {basic(secrets['basic'])}' "
            "https://api.iugu.com/v1/charge\ncurl -X POST http://api.asaas.com/v3/transfers -d '{\"value\": 10}'\n")
    return text, secrets


def essentials(findings: typing.Iterable[dict]) -> list[tuple]:
    return [(f["rule_id"], f["location"]["path"], f["location"]["line"], f["location"]["column"], f["fingerprint"],
             (f["secret"] or {}).get("digest")) for f in findings]


def test_text_bytes_and_paths_are_judged_as_the_command_line_judges_the_file(here: Path) -> None:
    text, secrets = deploy_script()
    (here / "deploy.sh").write_text(text)
    report, _ = scan_json("deploy.sh")
    expected = essentials(report["findings"])
    assert {rule for rule, *_ in expected} >= {"asaas-api-key", "http-basic-credential", "asaas-plaintext-request",
                                               "asaas-unsigned-transfer"}  # request rules ran too
    for result in (keyaudit.scan_text(text, name="deploy.sh"), keyaudit.scan_bytes(text.encode(), name="deploy.sh"),
                   keyaudit.scan("deploy.sh", jobs=1), keyaudit.scan([Path("deploy.sh")])):
        assert essentials(finding.to_dict() for finding in result.findings) == expected
        assert result.targets == ["deploy.sh"] and result.files_scanned == 1 and result.errors == []


def test_a_result_printed_from_python_shows_no_secret(here: Path) -> None:
    text, secrets = deploy_script()
    result = keyaudit.scan_text(text, name="deploy.sh")
    assert len(result.findings) >= 3
    assert_none_leaked(secrets, result=repr(result), findings=str(list(result.findings)))


def test_bytes_are_decompressed_opened_and_sniffed_as_a_file_is() -> None:
    token = iugu_token()
    log = f"boot\nready\n{iugu_line(token)}\n".encode()
    digest = "sha256:" + hashlib.sha256(token.encode()).hexdigest()

    packed = keyaudit.scan_bytes(gzip.compress(log), name="app.log.1.gz")
    assert [(f.location.path, f.location.line, f.secret.digest()) for f in packed.findings] == \
        [("app.log.1.gz", 3, digest)]

    archive = keyaudit.scan_bytes(tar_bytes({"var/log/app.log": log, "var/log/empty.log": b""}, "gz"),
                                  name="logs.tar.gz")
    assert [(f.location.path, f.location.line) for f in archive.findings] == [("logs.tar.gz!var/log/app.log", 3)]

    wide = keyaudit.scan_bytes(log.decode().encode("utf-16"), name="service.log")
    assert [(f.location.line, f.location.column) for f in wide.findings] == \
        [(f.location.line, f.location.column) for f in packed.findings]

    picture = keyaudit.scan_bytes(png(), name="screen.png")
    assert list(picture.findings) == [] and picture.skipped_inputs == [("screen.png", "binary")]


def test_options_shape_the_result_as_they_do_a_scan(here: Path) -> None:
    token = iugu_token()
    text = f"{iugu_line(token)}\n{iugu_line(token)}\nacme_key=qwertyuiopas\n"
    digest = "sha256:" + hashlib.sha256(token.encode()).hexdigest()
    (here / "packs").mkdir()
    (here / "packs" / "acme.yaml").write_text(ACME_PACK)

    assert [f.rule_id for f in keyaudit.scan_text(text).findings] == ["iugu-api-token"]  # one, seen twice
    every = keyaudit.scan_text(text, no_dedupe=True, rules=[here / "packs"], engine="regex")
    assert [(f.rule_id, f.location.line) for f in every.findings] == \
        [("iugu-api-token", 1), ("iugu-api-token", 2), ("acme-key", 3)]
    allowed = keyaudit.scan_text(text, allow=[{"digest": digest, "reason": "revoked in 2026"}])
    assert list(allowed.findings) == [] and allowed.suppressed == {"allowlist": 2}
    assert list(keyaudit.scan_text(text, disable=("iugu-api-token",)).findings) == []
    excluded = keyaudit.scan_text(text, name="fixtures/sample.log", exclude=["fixtures/"])
    assert excluded.files_scanned == 0 and excluded.skipped_inputs == [("fixtures/sample.log", "excluded")]


def test_a_state_given_to_scan_is_recorded_when_the_result_is_returned(here: Path) -> None:
    (here / "app.log").write_text(f"{iugu_line(iugu_token())}\n")
    first = keyaudit.scan("app.log", state=here / "state.db", jobs=1)
    again = keyaudit.scan("app.log", state="state.db", jobs=1)
    assert (len(first.findings), len(again.findings)) == (1, 0)
    assert again.statistics["files_unchanged"] == 1


def test_a_user_rule_s_warning_is_a_python_warning(here: Path) -> None:
    (here / "loose.yaml").write_text(LOOSE_PACK)
    with pytest.warns(UserWarning, match="rule 'acme-key'.*without any of its keywords") as caught:
        result = keyaudit.scan_text("acme key=qwertyuiopas\n", rules=["loose.yaml"])
    assert caught[0].filename == __file__  # pointed at the caller's line
    assert [f.rule_id for f in result.findings] == ["acme-key"]


@pytest.mark.parametrize(("call", "problem"), [
    (lambda: keyaudit.scan_text("x", engin="regex"), "scan_text() got an unexpected option 'engin'"),
    (lambda: keyaudit.scan(".", format="json"),
     "scan() got an unexpected option 'format': it shapes a report, and the API returns the result itself"),
    (lambda: keyaudit.scan_bytes(b"x", jobs=2),
     "scan_bytes() got an unexpected option 'jobs': it says how targets are read, and is an option of scan() only"),
    (lambda: keyaudit.scan_text(b"x"), "scan_text() takes a str, not bytes: use scan_bytes() for bytes"),
    (lambda: keyaudit.scan_bytes("x"), "scan_bytes() takes bytes, not str: use scan_text() for a str"),
    (lambda: keyaudit.scan([3]), "scan() targets are paths or URLs (str or os.PathLike), not int"),
])
def test_what_is_no_option_or_no_input_is_a_type_error(call: typing.Callable[[], object], problem: str) -> None:
    with pytest.raises(TypeError) as raised:
        call()
    assert str(raised.value).startswith(problem)


@pytest.mark.parametrize(("options", "problem"), [
    ({"jobs": 0}, "option 'jobs' must be a whole number >= 1"),
    ({"engine": "fast"}, "option 'engine' must be one of auto, hyperscan, regex"),
    ({"public_keys": "keys.pem"}, "option 'public_keys' must be a list of strings"),
    ({"allow": [{"digest": "sha256:00"}]}, "option 'allow' must be a list of {digest, reason} entries"),
    ({"no_dedupe": "yes"}, "option 'no_dedupe' must be true or false"),
])
def test_a_bad_value_is_an_option_error_of_one_line(here: Path, options: dict, problem: str) -> None:
    with pytest.raises(keyaudit.OptionError) as raised:
        keyaudit.scan(".", **options)
    assert isinstance(raised.value, ValueError) and isinstance(raised.value, keyaudit.SetupError)
    assert str(raised.value).startswith(problem) and "\n" not in str(raised.value)


def test_a_scan_that_cannot_start_is_a_setup_error_of_one_line(here: Path) -> None:
    (here / "broken.yaml").write_text("rules:\n  - id: x\n    pattern: '('\n")
    for options in ({"rules": ["no-such-pack/"]}, {"rules": ["broken.yaml"]}, {"baseline": "missing.json"}):
        with pytest.raises(keyaudit.SetupError) as raised:
            keyaudit.scan_text("x", **options)
        assert str(raised.value) and "\n" not in str(raised.value), str(raised.value)
    unreadable = keyaudit.scan(["no-such.log"])  # an input, not the set-up: listed, and the scan goes on
    assert [str(error) for error in unreadable.errors] == ["no-such.log: no such file or directory"]


def test_the_package_names_the_api_and_its_types() -> None:
    assert [name for name in keyaudit.__all__ if name != "__version__"] == api.__all__
    for name in api.__all__:
        assert getattr(keyaudit, name) is getattr(api, name) and name in dir(keyaudit)
    assert keyaudit.ScanResult is ScanResult
    with pytest.raises(AttributeError, match="no attribute 'scna'"):
        keyaudit.scna  # noqa: B018
    result = keyaudit.scan_text("nothing here\n")
    assert isinstance(result.findings, collections.abc.Sequence) and len(result.findings) == 0


def test_the_options_are_the_config_fields_that_decide_what_is_found() -> None:
    """A new Config field must be taken by the API or named as a reporting one: this fails until."""
    scan_options, content_options = set(keyaudit.ScanOptions.__optional_keys__), set(keyaudit.ContentOptions.__optional_keys__)
    assert scan_options == set(OPTIONS) - set(REPORTING) - set(NETWORK) - {"targets"}
    assert content_options < scan_options
    assert scan_options - content_options == {"staged", "state", "show_secrets", "storage_options", "scheduler", "jobs"}


def test_text_is_located_by_character_and_named_by_default() -> None:
    prefix = "café ünïcødé → "  # several bytes a character: columns count characters
    [found] = keyaudit.scan_text(f"{prefix}{iugu_line(iugu_token())}\n").findings
    assert (found.location.path, found.location.column) == ("<text>", len(prefix) + len(IUGU_LEAD) + 1)
    [same] = keyaudit.scan_bytes(f"{prefix}{iugu_line(iugu_token())}\n".encode()).findings
    assert (same.location.path, same.location.column) == ("<bytes>", found.location.column)


def test_a_text_with_lone_surrogates_is_scanned_its_columns_as_they_were() -> None:
    """A str decoded from JSON may hold a lone surrogate (``\\ud800``), which no UTF-8 writes: it
    is read as one replacement character, the key after it found where it stands."""
    key = asaas_key()
    result = keyaudit.scan_text(f'{{"note": "\ud800\udfff", "token": "{key}"}}\n', name="event.json")
    assert [(f.rule_id, f.location.column) for f in result.findings] == [("asaas-api-key", 26)]
    assert result.errors == []
