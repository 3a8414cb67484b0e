"""What the providers' documents forbid in a request, found in real captures through the CLI: an
Asaas key outside its ``access_token`` header, an iugu token in the ``api_token`` URL parameter, an
Asaas request without a User-Agent, and a signed request whose Request-Time is far from its log time."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers.credentials import asaas_key, iugu_token
from helpers.har import entry, har
from helpers.running import cli, scan_json
from helpers.secrecy import assert_absent
from helpers.signing import key_pair, signature_header

PRACTICE = ("asaas-key-in-query-string", "asaas-key-in-authorization-header", "asaas-request-without-user-agent",
            "iugu-token-in-query-string", "request-time-outside-window")


def practice(report: dict) -> list[tuple[str, int, str]]:
    """(rule, line, category) of the findings of these rules, in report order."""
    return [(f["rule_id"], f["location"]["line"], f["category"]) for f in report["findings"]
            if f["rule_id"] in PRACTICE]


def test_asaas_key_outside_its_header_and_a_request_without_user_agent_in_a_har(tmp_path: Path) -> None:
    key = asaas_key()
    quoted = key.replace("$", "%24")
    capture = tmp_path / "checkout.har"
    capture.write_text(json.dumps(har([
        entry("GET", f"https://api.asaas.com/v3/customers?access_token={quoted}", {"User-Agent": "shop/1.0"}),
        entry("GET", "https://api.asaas.com/v3/payments", {"User-Agent": "shop/1.0", "Authorization": f"Bearer {key}"}),
        entry("GET", "https://api.asaas.com/v3/payments", {"access_token": key}),
        entry("GET", "https://api.asaas.com/v3/payments", {"access_token": key, "User-Agent": "shop/1.0"}),
    ]), indent=1))
    report, run = scan_json(str(capture))
    found = {(f["rule_id"], f["context"]["har_entry"]) for f in report["findings"] if f["rule_id"] in PRACTICE}
    assert found == {("asaas-key-in-query-string", 0), ("asaas-key-in-authorization-header", 1),
                     ("asaas-request-without-user-agent", 2)}
    assert {f["category"] for f in report["findings"] if f["rule_id"] in PRACTICE} == {"misuse"}
    query = next(f for f in report["findings"] if f["rule_id"] == "asaas-key-in-query-string")
    assert "query parameter 'access_token'" in query["message"]
    assert_absent(key, run.stdout, run.stderr, what="the Asaas key")
    assert_absent(key[len("$aact_prod_"):], run.stdout, what="the Asaas key's payload")


def test_iugu_token_in_api_token_parameter_of_curl_commands_and_user_agent_of_curl(tmp_path: Path) -> None:
    token, key = iugu_token(), asaas_key("hmlg")
    script = tmp_path / "sync.sh"
    script.write_text(
        "#!/bin/sh\n"
        f"curl -s 'https://api.iugu.com/v1/customers?limit=10&api_token={token}'\n"  # 2: the parameter
        f"curl -s -u '{token}:' https://api.iugu.com/v1/invoices\n"                 # 3: Basic, as recommended
        f"curl -s -H 'access_token: {key}' https://api-sandbox.asaas.com/v3/payments\n"  # 4: curl's own User-Agent
        f"curl -s -H 'User-Agent:' -H 'access_token: {key}' https://api-sandbox.asaas.com/v3/customers\n")  # 5
    report, run = scan_json(str(script))
    assert practice(report) == [("iugu-token-in-query-string", 2, "misuse"),
                                ("asaas-request-without-user-agent", 5, "misuse")]
    finding = report["findings"][[f["rule_id"] for f in report["findings"]].index("iugu-token-in-query-string")]
    assert finding["severity"] == "medium" and "'api_token'" in finding["message"]
    assert token not in finding["context"]["url"], "the URL shows the token"
    assert_absent(token, run.stdout, run.stderr, what="the iugu token")


def test_asaas_request_without_user_agent_in_a_wire_dump(tmp_path: Path) -> None:
    """curl -v shows the headers as sent; OkHttp's logging interceptor (an application
    interceptor, as usually added) shows those the app set, before OkHttp adds its own User-Agent."""
    key = asaas_key()
    dump = tmp_path / "curl-v.log"
    dump.write_text("> GET /v3/payments HTTP/1.1\n> Host: api.asaas.com\n"
                    f"> access_token: {key}\n>\n"
                    "< HTTP/1.1 200 OK\n"
                    "> GET /v3/customers HTTP/1.1\n> Host: api.asaas.com\n"
                    f"> access_token: {key}\n> User-Agent: shop/3.2\n>\n")
    (tmp_path / "okhttp.log").write_text("--> GET https://api.asaas.com/v3/payments\n"
                                         f"access_token: {key}\n--> END GET\n")
    report, _run = scan_json(str(tmp_path))
    assert [(Path(f["location"]["path"]).name, f["rule_id"]) for f in report["findings"]
            if f["category"] == "misuse"] == [("curl-v.log", "asaas-request-without-user-agent")]


def _signed_record(private, token: str, logged: str, request_time: str) -> str:  # type: ignore[no-untyped-def]
    path = "/v1/transfer_requests"
    body = json.dumps({"api_token": token, "amount_cents": 1500, "transfer_type": "pix"}, separators=(",", ":"))
    headers = {"Content-Type": "application/json", "Request-Time": request_time,
               "Signature": signature_header(private, "POST", path, token, request_time, body.encode())}
    return json.dumps({"time": logged, "level": "info", "method": "POST", "url": f"https://api.iugu.com{path}",
                       "headers": headers, "body": body})


@pytest.fixture
def signed_log(tmp_path: Path) -> tuple[Path, Path, str]:
    """A JSON request log of three signed transfers that verify: sent on time, sent 2 h 30 min
    after its Request-Time (a replay), and logged with a time without an offset."""
    private, public = key_pair(tmp_path)
    token = iugu_token()
    log = tmp_path / "payments.jsonl"
    log.write_text("\n".join([
        _signed_record(private, token, "2026-11-22T13:00:03Z", "2026-11-22T10:00:00-03:00"),
        _signed_record(private, token, "2026-11-22T15:30:00Z", "2026-11-22T10:05:00-03:00"),
        _signed_record(private, token, "2026-11-22 15:30:00", "2026-11-22T10:10:00-03:00"),
    ]) + "\n")
    return log, public, token


def test_request_time_far_from_the_log_time_of_a_request_that_verifies(signed_log: tuple[Path, Path, str]) -> None:
    log, public, token = signed_log
    report, run = scan_json("--public-key", str(public), str(log))
    assert practice(report) == [("request-time-outside-window", 2, "replay")]
    assert not [f for f in report["findings"] if f["category"] == "bad-signature"], "the signatures verify"
    finding = next(f for f in report["findings"] if f["rule_id"] == "request-time-outside-window")
    assert finding["message"].endswith("Request-Time 2026-11-22T10:05:00-03:00 is 2 h 25 min before the log time "
                                       "2026-11-22T15:30:00Z (window 5 min)")
    assert report["scan"]["requests"]["signatures_valid"] == 3
    assert_absent(token, run.stdout, run.stderr, what="the iugu token")


def test_the_window_from_the_command_line_and_the_configuration_file(signed_log: tuple[Path, Path, str],
                                                                    tmp_path: Path) -> None:
    log, _public, _token = signed_log
    assert practice(scan_json("--request-time-window", "9000", str(log))[0]) == []
    assert practice(scan_json("--request-time-window", "8000", str(log))[0]) == [
        ("request-time-outside-window", 2, "replay")]
    config = tmp_path / "keyaudit.yaml"
    config.write_text("request_time_window: 9000\n")
    assert practice(scan_json("--config", str(config), str(log))[0]) == []
    config.write_text("request_time_window: soon\n")
    run = cli("scan", "--config", str(config), str(log))
    assert run.exit_code == 2 and "'request_time_window' must be a finite number of seconds > 0" in run.stderr


def test_the_same_signature_on_two_requests_in_two_captures_is_a_replay(tmp_path: Path) -> None:
    """A signed transfer captured in a HAR and sent again (a JSON log of another system): one
    replay, at the second, naming the first; requests signed once each are not replays, whichever
    process scanned which file."""
    private, public = key_pair(tmp_path)
    token = iugu_token()
    path, time = "/v1/transfer_requests", "2026-11-22T10:00:00-03:00"
    body = json.dumps({"api_token": token, "amount_cents": 990000, "transfer_type": "pix"}, separators=(",", ":"))
    signature = signature_header(private, "POST", path, token, time, body.encode())
    other = signature_header(private, "POST", path, token, "2026-11-22T10:01:00-03:00", body.encode())
    headers = {"Content-Type": "application/json", "Request-Time": time, "Signature": signature}
    (tmp_path / "a-browser.har").write_text(json.dumps(har([
        entry("POST", f"https://api.iugu.com{path}", headers, body),
        entry("POST", f"https://api.iugu.com{path}", {**headers, "Request-Time": "2026-11-22T10:01:00-03:00",
                                                       "Signature": other}, body),
    ]), indent=1))
    (tmp_path / "b-gateway.jsonl").write_text(json.dumps(
        {"time": "2026-11-22T13:00:40Z", "method": "POST", "url": f"https://api.iugu.com{path}",
         "headers": headers, "body": body}) + "\n")
    for jobs in ("1", "2"):
        run = cli("scan", "--format", "json", "--jobs", jobs, "--public-key", str(public), str(tmp_path))
        report = json.loads(run.stdout)
        replays = [f for f in report["findings"] if f["rule_id"] == "iugu-signature-replay"]
        assert [(Path(f["location"]["path"]).name, f["location"]["line"]) for f in replays] == [("b-gateway.jsonl", 1)]
        [replay] = replays
        assert replay["category"] == "replay" and replay["severity"] == "high"
        first = tmp_path / "a-browser.har"
        assert replay["context"]["replay_of"] == f"{first}:{_line_of(first, URL_FIELD)}"
        assert replay["context"]["signature_digest"].startswith("sha256:") and \
            replay["context"]["signature_digest"] in replay["message"]
        assert not [f for f in report["findings"] if f["category"] == "bad-signature"], "the signatures verify"
        value = signature.removeprefix("signature=")
        assert_absent(value, run.stdout, run.stderr, what="the signature")
        assert_absent(token, run.stdout, run.stderr, what="the iugu token")
    assert not [f for f in scan_json(str(tmp_path / "a-browser.har"))[0]["findings"]
                if f["rule_id"] == "iugu-signature-replay"], "two signatures, two requests: no replay"


def test_signatures_a_logger_hid_are_neither_bad_nor_replays(tmp_path: Path) -> None:
    """ASP.NET Core's HTTP logging writes `[Redacted]` for headers not allowed, a masking filter
    `[masked: 344 chars]`: many signed transfers logged so share the placeholder, not a signature."""
    time = "2026-11-22T10:00:00-03:00"
    lines = []
    for placeholder in ("[Redacted]", "[masked: 344 chars]", "[Redacted]", "[masked: 344 chars]"):
        lines.append(json.dumps({"time": "2026-11-22T13:00:00Z", "method": "POST",
                                 "url": "https://api.iugu.com/v1/transfer_requests",
                                 "headers": {"Request-Time": time, "Signature": placeholder},
                                 "body": json.dumps({"api_token": iugu_token(), "amount_cents": 100})}))
    path = tmp_path / "gateway.jsonl"
    path.write_text("\n".join(lines) + "\n")
    report, _ = scan_json(str(path))
    assert [f["rule_id"] for f in report["findings"] if f["category"] in ("bad-signature", "replay",
                                                                          "unsigned-transfer")] == []
    assert report["scan"]["requests"]["signatures_unverified"] == 4


URL_FIELD = '"url"'


def _line_of(path: Path, text: str) -> int:
    """The first line holding ``text`` (a request finding in a HAR is at its entry's URL)."""
    return next(number for number, line in enumerate(path.read_text().splitlines(), start=1) if text in line)


def test_a_request_log_or_collection_without_a_user_agent_is_no_finding(tmp_path: Path) -> None:
    """The client adds a User-Agent by itself: a JSON request log and a Postman collection hold what
    the program set, so only a capture of the bytes sent (here a raw dump) shows none went out."""
    request = {"method": "GET", "url": "https://api.asaas.com/v3/payments", "headers": {"access_token": "***"}}
    (tmp_path / "requests.log").write_text(json.dumps(request) + "\n")
    (tmp_path / "shop.postman_collection.json").write_text(json.dumps({"item": [{"name": "payments", "request": {
        "method": "GET", "header": [{"key": "access_token", "value": "***"}],
        "url": "https://api.asaas.com/v3/payments"}}]}, indent=2))
    (tmp_path / "wire.txt").write_text("GET /v3/payments HTTP/1.1\nHost: api.asaas.com\naccess_token: ***\n\n")
    report, _run = scan_json(str(tmp_path))
    assert [(Path(f["location"]["path"]).name, f["rule_id"]) for f in report["findings"]] == [
        ("wire.txt", "asaas-request-without-user-agent")]
    assert report["scan"]["requests"]["requests_judged"] == 3
