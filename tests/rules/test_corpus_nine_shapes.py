"""Shapes of the ninth corpus the rules learned: iugu tokens where CI systems, crash pages and
other languages' HTTP clients put them, and a sandbox key that a list of CI variables keeps beside
a production .env.

An iugu token carries no prefix, so each shape is a way a tool names it (a cell before it, a
member before it, a typed constant, a variable's default) or uses it (HTTP Basic's user with an
empty password, a language's default or fallback); each has a look-alike it must not take.
"""

from __future__ import annotations

import pytest

from helpers.rule_cases import assert_reported


MARKUP, BASIC, CURL_USER = "iugu-markup-pair-token", "iugu-api-token-basic-auth-call", "iugu-api-token-curl-user"
CONFIG, PAIRED, NAMED = "iugu-config-api-token", "iugu-paired-api-token", "iugu-named-credential"
PROD, HMLG, MISMATCH = "asaas-api-key", "asaas-sandbox-api-key", "asaas-sandbox-key-near-production-host"
CASES = [
    # phpinfo(): the name in a classed cell (a blank after it), the value in the next; a superglobal's subscript
    ('<tr><td class="e">IUGU_API_TOKEN </td><td class="v">{token} </td></tr>\n', [MARKUP]),
    ("<tr><td class=\"e\">$_SERVER['IUGU_API_TOKEN']</td><td class=\"v\">{token}</td></tr>\n", [MARKUP]),
    ('<tr><td class="e">IUGU_ACCOUNT_ID </td><td class="v">{upper} </td></tr>\n', []),
    # HTTP Basic's user with an empty password: Haskell's http-client, sttp, Foundation, Hurl
    ('httpBS (applyBasicAuth "{token}" "" req)\n', [BASIC]),
    ('basicRequest.get(uri"https://api.iugu.com/v1/customers")\n  .auth.basic("{token}", "")\n', [BASIC]),
    ('[NSURLCredential credentialWithUser:@"{token}"\n                  password:@""\n'
     '               persistence:NSURLCredentialPersistenceForSession];\n', [BASIC]),
    ("GET https://api.iugu.com/v1/customers\n[BasicAuth]\n{token}:\n[Query]\nlimit: 10\n", [CURL_USER]),
    ('applyBasicAuth "{token}" "hunter2-pass" req\n', []),
    ('[NSURLCredential credentialWithUser:@"{token}" password:@"Pw9kq-22x!" persistence:0];\n', []),
    ("GET https://api.iugu.com/v1/customers\n[BasicAuth]\n{token}: s3cretpass\n", []),
    # a store's value member after others (Azure Pipelines' variable groups), a VB typed constant,
    # a pipeline variable's default
    ('"IUGU_LIVE_TOKEN": {{\n  "isSecret": null,\n  "value": "{token}"\n}}\n', [CONFIG]),
    ('"IUGU_RECIPIENT_ID": {{\n  "isSecret": null,\n  "value": "{upper}"\n}}\n', []),
    ('Private Const IuguApiToken As String = "{token}"\n', [CONFIG]),
    ('Private Const IuguAccountId As String = "{upper}"\n', []),
    ("custom:\n  deploy:\n    - variables:\n        - name: IUGU_API_TOKEN\n          default: {token}\n", [PAIRED]),
    ("custom:\n  deploy:\n    - variables:\n        - name: IUGU_ACCOUNT_ID\n          default: {upper}\n", []),
    # CUE's default (`*` after the field's type), a Lisp's `(or (getenv "NAME") "…")` fallback
    ('iugu: #Iugu & {{\n\tapiToken:  string | *"{token}" @tag(iugu_token)\n\tbaseUrl: "https://api.iugu.com/v1"\n}}\n',
     [NAMED]),
    ('iugu: #Iugu & {{\n\taccountId: string | *"{upper}"\n\tbaseUrl: "https://api.iugu.com/v1"\n}}\n', []),
    ('{{:iugu/api-token (or (System/getenv "IUGU_API_TOKEN") "{token}")}}\n', [CONFIG]),
    ('{{:iugu/account (or (System/getenv "IUGU_ACCOUNT_ID") "{upper}")}}\n', []),
    # GitLab's variables API: a sandbox key in one variable, a production .env (URL and key) in
    # another is no pairing; a sandbox key in the object of the production URL still is
    ('[\n  {{"key": "ASAAS_API_KEY", "value": "{hmlg}"}},\n'
     '  {{"key": "BILLING_DOTENV", "value": "ASAAS_BASE_URL=https://api.asaas.com/v3\\nASAAS_API_KEY={prod}\\n"}}\n]\n',
     [PROD, HMLG]),
    ("ASAAS_URL=https://api.asaas.com/v3\nASAAS_KEY={hmlg}\nASAAS_PROD_KEY={prod}\n", [PROD, HMLG, MISMATCH]),
    # git diff --word-diff: a key inside `{+…+}` or `[-…-]`; the `+` of `+}` is the marker's, not the key's
    ("{{+ASAAS_API_KEY={prod}+}} [-ASAAS_SANDBOX_KEY={hmlg}-]\n", [PROD, HMLG]),
]


@pytest.mark.parametrize(("template", "rules"), CASES)
def test_each_shape_is_reported_by_its_rule_and_each_look_alike_by_none(write, template: str, rules: list[str]) -> None:
    assert_reported(write, template, rules)
