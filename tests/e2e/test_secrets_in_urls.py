"""Secrets inside URLs, as curl commands, logs and HAR captures write them: a token as the URL's
user name, a password in its user part, a token repeated in the path and the query. No report
shows any of them in full — not the text view, not ``context.url``, not SARIF or ECS — and the
token in the user part is itself reported as an access token."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers.credentials import iugu_token, user_password
from helpers.running import cli
from helpers.secrecy import assert_none_leaked, scrub
from helpers.trees import Secrets
from keyaudit.model.secrets import redact
from keyaudit.report import FORMATS


def har(url: str) -> str:
    entry = {"startedDateTime": "2026-11-22T10:00:00.000-03:00", "time": 1,
             "request": {"method": "GET", "url": url, "httpVersion": "HTTP/1.1", "cookies": [], "headers": [],
                         "queryString": [], "headersSize": -1, "bodySize": 0},
             "response": {"status": 200, "statusText": "OK", "httpVersion": "HTTP/1.1", "cookies": [], "headers": [],
                          "content": {"size": 0, "mimeType": "application/json"}, "redirectURL": "",
                          "headersSize": -1, "bodySize": 0},
             "cache": {}, "timings": {"send": 0, "wait": 1, "receive": 0}}
    return json.dumps({"log": {"version": "1.2", "creator": {"name": "test", "version": "1"}, "entries": [entry]}},
                      indent=2)


HAR_URL_LINE = next(number for number, line in enumerate(har("URL").splitlines(), 1) if '"url": "URL"' in line)


@pytest.fixture
def leaks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Secrets:
    """Files that leak secrets inside URLs; the secrets by name (their repr never shows them)."""
    monkeypatch.chdir(tmp_path)
    user, password = user_password()
    secrets = Secrets({"userinfo": iugu_token(), "repeated": iugu_token("long"), "logged": iugu_token(),
                       "har": iugu_token(), "password": password})
    (tmp_path / "deploy.sh").write_text(
        f"curl http://{secrets['userinfo']}@api.iugu.com/v1/customers/{secrets['userinfo']}\n"
        f"curl -X POST 'https://{user}:{password}@api.asaas.com/v3/transfers' -d '{{}}'\n"
        f"curl 'http://api.iugu.com/v1/customers/{secrets['repeated']}/invoices?api_token={secrets['repeated']}'\n")
    (tmp_path / "app.log").write_text(
        f"2026-11-22T10:00:00Z INFO calling http://api.iugu.com/v1/customers/{secrets['logged']}"
        f"?api_token={secrets['logged']}\n")
    (tmp_path / "capture.har").write_text(har(f"https://{secrets['har']}@api.iugu.com/v1/customers/{secrets['har']}"))
    return secrets


def test_urls_in_the_json_report_show_no_secret_and_no_user_part(leaks: Secrets) -> None:
    run = cli("scan", "--format", "json", "--jobs", "1", "--no-dedupe", ".")
    assert run.exit_code == 1, scrub(run.stderr)
    assert_none_leaked(leaks, stdout=run.stdout, stderr=run.stderr)
    findings = json.loads(run.stdout)["findings"]
    urls = {(f["location"]["path"], f["location"]["line"], f["context"]["url"]) for f in findings if f["context"]["url"]}
    shown = {name: redact(secret) for name, secret in leaks.items()}
    assert urls == {
        ("deploy.sh", 1, f"http://***@api.iugu.com/v1/customers/{shown['userinfo']}"),
        ("deploy.sh", 2, "https://***@api.asaas.com/v3/transfers"),
        ("deploy.sh", 3, f"http://api.iugu.com/v1/customers/{shown['repeated']}/invoices"
                         f"?api_token={shown['repeated']}"),
        # the URL is a request of itself (it carries the token in clear): its findings, which take the text rule's
        # of the same spot over, show its query, redacted
        ("app.log", 1, f"http://api.iugu.com/v1/customers/{shown['logged']}?api_token={shown['logged']}"),
        ("capture.har", HAR_URL_LINE, f"https://***@api.iugu.com/v1/customers/{shown['har']}"),
    }
    in_user_part = sorted((f["location"]["path"], f["location"]["line"], f["category"], f["secret"]["redacted"])
                          for f in findings if f["rule_id"] == "iugu-api-token-in-url")
    assert in_user_part == [("capture.har", HAR_URL_LINE, "access-token", shown["har"]),
                            ("deploy.sh", 1, "access-token", shown["userinfo"])]


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_format_shows_a_secret_of_a_url(leaks: Secrets, fmt: str) -> None:
    run = cli("scan", "--format", fmt, "--jobs", "1", "--no-dedupe", ".")
    assert run.exit_code == 1, scrub(run.stderr)
    assert_none_leaked(leaks, stdout=run.stdout, stderr=run.stderr)
    listed = all(name in run.stdout for name in ("deploy.sh", "app.log", "capture.har")) and "api.iugu.com" in run.stdout
    assert listed, "the report does not list the URLs (the check would be vacuous)"
