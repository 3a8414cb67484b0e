"""Shapes of the twelfth corpus the rules learned: iugu tokens where mocks, queues, observability
configs, REPLs, infrastructure inputs and a few more languages put them.

An iugu token carries no prefix, so each shape is a way a file names it (a one-item list or a matcher
object around an `api_token` value, an SQS attribute's `StringValue`, an Ada constant, a Logstash field
reference, a REPL's printed result under the expression that names it, a call or a method that holds
the literal, a map of tokens by environment, Grafana's `basicAuthUser`, a Maven `<server>` named for
iugu, Prolog's `authorization(basic(…))`); each has a look-alike it must not take.
"""

from __future__ import annotations

import pytest

from helpers.rule_cases import assert_reported


API = "iugu-api-token"
CONFIG = "iugu-config-api-token"
MAP = "iugu-token-map-member"
BASIC_USER = "iugu-basic-user-token"
BASIC_CALL = "iugu-api-token-basic-auth-call"
ROW = "iugu-provider-row-csv"
CASES = [
    # the value in a one-item list (MockServer, a Prometheus scrape's params) or a WireMock matcher
    ('"queryStringParameters": {{ "api_token": ["{token}"] }}\n', [API]),
    ('"queryStringParameters": {{ "api_token": ["{{{{token}}}}"] }}\n', []),
    ('"queryParameters": {{ "api_token": {{"equalTo": "{token}"}} }}\n', [API]),
    ('"queryParameters": {{ "api_token": {{"matches": "[0-9a-f]{{32}}"}} }}\n', []),
    # SQS message attributes: the name on the attribute, the value in StringValue
    ('{{"MessageAttributes": {{"IuguApiToken": {{\n    "StringValue": "{token}",\n    "DataType": "String"}}}}}}\n', [CONFIG]),
    ('{{"MessageAttributes": {{"IuguAccountId": {{\n    "StringValue": "{upper}",\n    "DataType": "String"}}}}}}\n', []),
    # an Ada constant, a Logstash field reference
    ('   Iugu_Api_Token  : constant String := "{token}";\n', [CONFIG]),
    ('   Iugu_Account_Id : constant String := "{upper}";\n', []),
    ('mutate {{ add_field => {{ "[@metadata][iugu_token]" => "{token}" }} }}\n', [CONFIG]),
    ('mutate {{ add_field => {{ "[@metadata][iugu_invoice_id]" => "{upper}" }} }}\n', []),
    # REPLs: the result printed under the expression that names it; a digest of it is no token
    ("In [5]: %env IUGU_API_TOKEN\nOut[5]: '{token}'\n", [CONFIG]),
    ("jshell> System.getenv(\"IUGU_API_TOKEN\")\n$2 ==> \"{token}\"\n", [CONFIG]),
    ("> process.env.IUGU_API_TOKEN\n'{token}'\n", [CONFIG]),
    ("> crypto.createHash('md5').update(process.env.IUGU_API_TOKEN).digest('hex')\n'{token}'\n", []),
    # a Prolog fact, a Smalltalk method returning the literal
    ('iugu_api_token("{token}").\n', [CONFIG]),
    ("iugu_account_id('{upper}').\n", []),
    ("iuguToken\n\t^ '{token}'\n!\n", [CONFIG]),
    # a map of tokens by environment, and one of ids
    ('iugu_tokens = {{\n  live = "{token}"\n  test = "{long}"\n}}\n', [MAP, MAP]),
    ('iugu_account_ids = {{\n  live = "{upper}"\n}}\n', []),
    # Grafana's basicAuthUser beside the iugu host; a Maven <server> named for iugu, and another's
    ("    jsonData:\n      allowedHosts:\n        - https://api.iugu.com\n    basicAuth: true\n"
     "    basicAuthUser: {token}\n", [BASIC_USER]),
    ("    <server>\n      <id>iugu-api</id>\n      <username>{token}</username>\n      <password></password>\n"
     "    </server>\n", [BASIC_USER]),
    ("    <server>\n      <id>nexus-releases</id>\n      <username>{token}</username>\n    </server>\n", []),
    # SWI-Prolog's http_open/3 Basic option
    ("    http_open('https://api.iugu.com/v1/invoices', In, [ authorization(basic('{token}', '')) ])\n", [BASIC_CALL]),
    # a printed table's row whose other cell says the value is an id
    (" provider | label      | secret\n----------+------------+----------------------------------\n"
     "     iugu | production | {token}\n     iugu | account-id | {upper}\n", [ROW]),
]


@pytest.mark.parametrize(("template", "rules"), CASES)
def test_each_shape_is_reported_by_its_rule_and_each_look_alike_by_none(write, template: str, rules: list[str]) -> None:
    assert_reported(write, template, rules)
