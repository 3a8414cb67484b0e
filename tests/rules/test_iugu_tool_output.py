"""iugu tokens as tools print them beside their names (corpus eight): a name padded to a column,
a value one member down under a store's `computed`, a prompt's command whose output is the value.

iugu tokens carry no prefix, so only the name says what they are; each shape here is a way a tool
puts the name where the config rule did not look, and each has a look-alike it must not take.
"""

from __future__ import annotations

import pytest

from helpers.credentials import iugu_token
from helpers.running import scan_json


@pytest.mark.parametrize("template", [
    # `heroku config`: the name, its colon, then spaces to the values' column
    "=== loja-api Config Vars\n\nIUGU_API_TOKEN:         {token}\n",
    # PowerShell's Format-Table of the Env: drive: the name padded with blanks
    "Name                           Value\n----                           -----\nIUGU_API_TOKEN                 {token}\n",
    # `doppler secrets --json`: the value one member down, under `computed`
    '{{\n  "IUGU_API_TOKEN": {{\n    "computed": "{token}",\n    "note": ""\n  }}\n}}\n',
    # a prompt's command names the token; its output, alone on the next line, is the value
    "$ heroku config:get IUGU_API_TOKEN -a loja-api\n{token}\n",
    'iex(loja@billing-1)3> System.get_env("IUGU_API_TOKEN")\n"{token}"\n',
])
def test_a_token_a_tool_prints_by_its_name_is_found(write, template: str) -> None:
    token = iugu_token()
    report, _ = scan_json(str(write("out.txt", template.format(token=token))))
    assert [f["rule_id"] for f in report["findings"]] == ["iugu-config-api-token"], "the token was not found once"


@pytest.mark.parametrize("template", [
    # a digest in a padded column (`fly secrets list`), an id under a padded name
    "NAME                \tDIGEST          \tCREATED AT\nIUGU_API_TOKEN      \t{short}\t1h ago\n",
    "IUGU_ACCOUNT_ID:        {upper}\n",
    # a prompt's command that prints a digest of the token, or another name's value
    '$ echo -n "$IUGU_API_TOKEN" | md5\n{token}\n',
    "$ heroku config:get IUGU_TOKEN_ID\n{upper}\n",
    # a line that is no prompt, then a value alone
    "see IUGU_API_TOKEN in the vault; account:\n{upper}\n",
])
def test_a_look_alike_beside_the_name_is_not_a_token(write, template: str) -> None:
    token = iugu_token()
    text = template.format(token=token, upper=iugu_token("upper"), short=token[:16])
    report, _ = scan_json(str(write("out.txt", text)))
    assert report["findings"] == [], f"{len(report['findings'])} finding(s) on a look-alike"


@pytest.mark.parametrize("template", [
    # an Airflow connection's `login`, Ansible's `url_username`, JMeter's `Authorization.username`
    '{{"iugu_api": {{"conn_type": "http", "login": "{token}", "password": "", "host": "api.iugu.com"}}}}\n',
    '"url": "https://api.iugu.com/v1/web_hooks",\n"url_username": "{token}",\n',
    '<stringProp name="Authorization.url">https://api.iugu.com/v1</stringProp>\n'
    '<stringProp name="Authorization.username">{token}</stringProp>\n',
    # MATLAB's weboptions and httr's authenticate with an empty password
    "opts = weboptions('Username', '{token}', 'Password', '');\nwebread('https://api.iugu.com/v1/invoices', opts);\n",
    'GET("https://api.iugu.com/v1/invoices", authenticate("{token}", ""))\n',
])
def test_a_token_as_the_user_name_of_a_request_to_iugu_is_found(write, template: str) -> None:
    report, _ = scan_json(str(write("conn.txt", template.format(token=iugu_token()))))
    assert [f["rule_id"] for f in report["findings"]] == ["iugu-basic-user-token"], "the token was not found once"


@pytest.mark.parametrize("template", [
    # another host's connection, a real password beside the user name
    '{{"warehouse": {{"conn_type": "postgres", "login": "{token}", "host": "warehouse.internal"}}}}\n',
    'GET("https://api.iugu.com/v1/invoices", authenticate("{token}", "s3cret-pass"))\n',
])
def test_a_hex_user_name_without_iugu_or_with_a_password_is_not_a_token(write, template: str) -> None:
    report, _ = scan_json(str(write("conn.txt", template.format(token=iugu_token()))))
    assert report["findings"] == [], f"{len(report['findings'])} finding(s) on a look-alike"
