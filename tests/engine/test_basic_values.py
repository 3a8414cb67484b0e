"""HTTP Basic and Bearer values are found wherever they are written, not only after
``Authorization:``, and only when they decode to a credential (issue 15, "Basic/Bearer anywhere").

Every value is generated; through the real CLI on real files, with both engines. Failure messages
show rule, line and column, never a value.
"""

from __future__ import annotations

import base64
from pathlib import Path
from urllib.parse import quote

import pytest

from helpers.credentials import basic, iugu_token, user_password
from helpers.engines import BOTH_ENGINES as ENGINES
from helpers.running import engine_findings as scan, rule_places as places
from helpers.secrecy import assert_absent, report_digest

pytestmark = pytest.mark.usefixtures("neutral_folder")


# Where a Basic/Bearer value shows outside an `Authorization:` line; `{v}` is the value as the
# place writes it (see `written`).
PLACES = {
    "haproxy captured header": '<134>Nov 29 10:00:01 lb haproxy[811]: 10.0.0.5:51234 [29/Nov/2026:10:00:01.123] '
                               'https~ api/s1 0/0/1/12/13 200 512 - - ---- 1/1/0/0/0 0/0 '
                               '{{api.example.com|{v}|curl/8.5.0}} "GET /v1/customers HTTP/1.1"',
    "json auth field": '{{"ts": "2026-11-29T10:00:01Z", "upstream": "https://api.example.com", "auth": "{v}"}}',
    "swift setValue": 'request.setValue("{v}", forHTTPHeaderField: "Authorization")',
    "form body, plus": "grant_type=client_credentials&authorization={v}&scope=read",
    "query, %20": 'GET /relay?auth={v}&next=%2F HTTP/1.1',
    "c# header constructor": 'client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue({v});',
    "header value on its own line": "Authorization:\n    {v}\n",
    "single-quoted, python": "session.headers['X-Upstream-Auth'] = '{v}'",
    "ruby regex literal": "stub_request(:get, url).with(headers: {{'Authorization' => /{v}/}})",
    "yaml folded value": "headers:\n  - name: Authorization\n    value: >-\n      {v}\n",
    "java concatenation": 'conn.setRequestProperty("Authorization", {v});',
}


def written(place: str, scheme: str, value: str) -> str:
    """The value as ``place`` writes it: form-encoded where it is a form or a query, as two
    arguments for the C# constructor, concatenated in Java, else ``Scheme value``."""
    if place == "form body, plus":
        return f"{scheme}+{quote(value, safe='')}"
    if place == "query, %20":
        return quote(f"{scheme} {value}", safe="")
    if place == "c# header constructor":
        return f'"{scheme}", "{value}"'
    if place == "java concatenation":
        return f'"{scheme} " + "{value}"'
    return f"{scheme} {value}"


def value_with_encodable_characters() -> tuple[str, str, str]:
    """A user, password and Basic value whose base64 holds a ``/`` and padding, so that
    percent-encoding changes it: a ``?`` as the third byte of a base64 group ends it in six 1
    bits, ``/``, and one more byte leaves the last group short."""
    user, password = user_password()
    password += "x" * ((2 - len(user) - 1 - len(password)) % 3) + "?9"
    return user, password, basic(user, password)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("place", list(PLACES))
def test_a_value_decoding_to_an_iugu_token_is_found_wherever_it_is_written(write, engine: str, place: str) -> None:
    token = iugu_token("long")
    value = basic(token)
    text = PLACES[place].format(v=written(place, "Basic", value))
    expected = report_digest(token)
    line = next(n for n, text_line in enumerate(text.splitlines(), 1)
                if value[:12] in text_line or quote(value)[:12] in text_line)
    findings, out = scan(engine, write("capture.txt", text + "\n"))
    header = findings
    assert [(f["rule_id"], f["category"], f["provider"]) for f in header] == [
        ("http-basic-credential", "basic-auth", "iugu")], places(header)
    assert header[0]["secret"]["digest"] == expected, "one token, however it travels"
    assert header[0]["location"]["line"] == line
    assert_absent(token, out, what="the token")
    assert_absent(value.rstrip("="), out, what="the header value")


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("place", list(PLACES))
def test_a_value_decoding_to_a_user_and_password_is_found_wherever_it_is_written(write, engine: str, place: str) -> None:
    user, password, value = value_with_encodable_characters()
    text = PLACES[place].format(v=written(place, "Bearer", value))
    expected = report_digest(f"{user}:{password}")
    findings, out = scan(engine, write("capture.txt", text + "\n"))
    assert [(f["rule_id"], f["provider"]) for f in findings] == [("http-basic-credential", "generic")], places(findings)
    assert findings[0]["secret"]["digest"] == expected, "the percent-encoded value is decoded before judging"
    assert_absent(password, out, what="the password")


@pytest.mark.parametrize("engine", ENGINES)
def test_the_column_is_that_of_the_value_after_the_scheme(write, engine: str) -> None:
    value = basic(iugu_token())
    text = f'log.debug("upstream auth: Basic {value}")'
    column, end_column = text.index(value) + 1, text.index(value) + len(value) + 1
    findings, _ = scan(engine, write("app.log", text + "\n"))
    assert [(f["location"]["column"], f["location"]["end_column"]) for f in findings] == [(column, end_column)]


NOT_CREDENTIALS = {
    "prose": "This chapter covers Basic authentication and Bearer tokens, from basic setup to rotation.",
    "opaque bearer token": "Authorization: Bearer " + base64.urlsafe_b64encode(bytes(range(40, 70))).decode().rstrip("="),
    "jwt": "auth: Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJl",
    "placeholder user and password": '{"auth": "Basic ' + basic("your_username", "your_password") + '"}',
    "documentation credentials": "new AuthenticationHeaderValue(\"Basic\", \"" + basic("Aladdin", "open sesame") + "\")",
    "value built at run time": 'new AuthenticationHeaderValue("Basic", Convert.ToBase64String(bytes))',
    "scheme glued to a word": "BasicAuthHandler(" + basic("svc", "Pw9xK2mQ7r") + ")",
    "template": "authorization=Basic+%24%7BBASIC_TOKEN%7D",
}


@pytest.mark.parametrize("engine", ENGINES)
def test_values_that_do_not_decode_to_a_credential_are_not_reported(write, engine: str) -> None:
    paths = [write(f"{n}.txt", text + "\n") for n, text in enumerate(NOT_CREDENTIALS.values())]
    findings, _ = scan(engine, *paths)
    labels = list(NOT_CREDENTIALS)
    assert findings == [], [labels[int(Path(f["location"]["path"]).stem)] for f in findings]
