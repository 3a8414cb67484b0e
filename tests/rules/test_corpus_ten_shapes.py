"""Shapes of the tenth corpus the rules learned: iugu tokens where secret managers' and platforms'
CLIs, configuration-management tools, load testers, shells and ten more languages put them.

An iugu token carries no prefix, so each shape is a way a tool names it (a row's first cell, a
box-drawn row, a name two lines up, a value between bars or in a decrypted block) or uses it (HTTP
Basic's user with an empty password, a tuple's items); each has a look-alike it must not take.
"""

from __future__ import annotations

import pytest

from helpers.rule_cases import assert_reported


API, CONFIG, BASIC = "iugu-api-token", "iugu-config-api-token", "iugu-api-token-basic-auth-call"
SHA = "ce3a6f1983b98f5b4d5b7d28588723c711ba315ce3a0a8aefa2bdc3873a46702"
CASES = [
    # a quoted name and its value as a tuple's items (Gleam's query), a value indented on the line
    # after its name (Salt's nested outputter)
    ('|> request.set_query([#("api_token", "{long}"), #("limit", "10")])\n', [API]),
    ('|> request.set_query([#("account_id", "{upper}")])\n', []),
    ("local:\n    iugu:\n        ----------\n        api_token:\n            {token}\n", [API]),
    ("local:\n    iugu:\n        ----------\n        account_id:\n            {upper}\n", []),
    # AppleScript, COBOL, Common Lisp's earmuffs
    ('set iuguToken to "{token}"\n', [CONFIG]),
    ('set iuguAccount to "{upper}"\n', []),
    ('01 WS-IUGU-API-TOKEN     PIC X(32)  VALUE "{token}".\n', [CONFIG]),
    ('01 WS-IUGU-ACCOUNT-ID    PIC X(32)  VALUE "{upper}".\n', []),
    ('(defparameter *iugu-api-token* "{token}")\n', [CONFIG]),
    ('(defparameter *iugu-account-id* "{upper}")\n', []),
    # infisical's CSV export, railway's box-drawn table, fish's `set --show`, an eyaml edit buffer
    ("Key,Value\nIUGU_LIVE_TOKEN,{long}\nLOG_LEVEL,debug\n", [CONFIG]),
    (f"Key,Value\nIUGU_ACCOUNT_ID,{{upper}}\nIUGU_WEBHOOK_TOKEN_SHA256,{SHA}\n", []),
    ("║ IUGU_API_TOKEN     │ {token}                      ║\n", [CONFIG]),
    ("║ IUGU_ACCOUNT_ID    │ {upper}                      ║\n", []),
    ("$IUGU_API_TOKEN[1]: |{token}|\n", [CONFIG]),
    ("$IUGU_ACCOUNT_ID[1]: |{upper}|\n", []),
    ("profile::billing::iugu_live_token: DEC(2)::PKCS7[{long}]!\n", [CONFIG]),
    ("profile::billing::iugu_account_id: DEC(3)::PKCS7[{upper}]!\n", []),
    # a one-item list under the name (Artillery), a SAM/CloudFormation parameter's Default
    ('config:\n  variables:\n    iuguToken:\n      - "{token}"\n', [CONFIG]),
    ('config:\n  variables:\n    iuguAccountIds:\n      - "{upper}"\n', []),
    ("Parameters:\n  IuguApiToken:\n    Type: String\n    NoEcho: true\n    Default: {token}\n", [CONFIG]),
    (f"Parameters:\n  IuguAccountId:\n    Type: String\n    Default: {{upper}}\n"
     f"  IuguApiTokenSha256:\n    Type: String\n    Default: {SHA}\n", []),
    # HTTP Basic's user with an empty password: Artillery, Indy (Delphi), dexador, Cohttp
    ('      auth:\n        user: "{long}"\n        pass: ""\n', [BASIC]),
    ('      auth:\n        user: "{long}"\n        pass: "s3cret-Pw9"\n', []),
    ("    Http.Request.Username := '{long}';\n    Http.Request.Password := '';\n", [BASIC]),
    ("    Http.Request.Username := '{long}';\n    Http.Request.Password := 'Pw9!xk-2';\n", []),
    (":basic-auth '(\"{token}\" . \"\")\n", [BASIC]),
    (":basic-auth '(\"{token}\" . \"hunter2-pass\")\n", []),
    ('Cohttp.Auth.string_of_credential (`Basic ("{long}", ""))\n', [BASIC]),
    ('Cohttp.Auth.string_of_credential (`Basic ("{long}", "pw-9xq!"))\n', []),
]


@pytest.mark.parametrize(("template", "rules"), CASES)
def test_each_shape_is_reported_by_its_rule_and_each_look_alike_by_none(write, template: str, rules: list[str]) -> None:
    assert_reported(write, template, rules)
