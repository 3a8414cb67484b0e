"""iugu tokens as tools print them beside their names (corpus eight): a name padded to a column,
a value one member down under a store's `computed`, a prompt's command whose output is the value,
and the user name of HTTP Basic beside iugu's host.

iugu tokens carry no prefix, so only the name says what they are; each shape here is a way a tool
puts the name (or, for Basic, the field) where no rule looked, and each has a look-alike it must not take.
"""

from __future__ import annotations

import pytest

from helpers.rule_cases import assert_reported


CONFIG, USER = "iugu-config-api-token", "iugu-basic-user-token"
CASES = [
    # `heroku config`: the name, its colon, then spaces to the values' column
    ("=== loja-api Config Vars\n\nIUGU_API_TOKEN:         {token}\n", [CONFIG]),
    # PowerShell's Format-Table of the Env: drive: the name padded with blanks
    ("Name                           Value\n----                           -----\nIUGU_API_TOKEN                 {token}\n",
     [CONFIG]),
    # `doppler secrets --json`: the value one member down, under `computed`
    ('{{\n  "IUGU_API_TOKEN": {{\n    "computed": "{token}",\n    "note": ""\n  }}\n}}\n', [CONFIG]),
    # a prompt's command names the token; its output, alone on the next line, is the value
    ("$ heroku config:get IUGU_API_TOKEN -a loja-api\n{token}\n", [CONFIG]),
    ('iex(loja@billing-1)3> System.get_env("IUGU_API_TOKEN")\n"{token}"\n', [CONFIG]),
    # look-alikes: a digest in a padded column (`fly secrets list`), an id under a padded name, a
    # prompt's command that prints a digest or another name's value, a line that is no prompt's
    ("NAME                \tDIGEST          \tCREATED AT\nIUGU_API_TOKEN      \t{short}\t1h ago\n", []),
    ("IUGU_ACCOUNT_ID:        {upper}\n", []),
    ('$ echo -n "$IUGU_API_TOKEN" | md5\n{token}\n', []),
    ("$ heroku config:get IUGU_TOKEN_ID\n{upper}\n", []),
    ("see IUGU_API_TOKEN in the vault; account:\n{upper}\n", []),
    # the user name of HTTP Basic beside iugu's host: an Airflow connection's `login`, Ansible's
    # `url_username`, JMeter's `Authorization.username`, MATLAB's weboptions, httr's authenticate
    ('{{"iugu_api": {{"conn_type": "http", "login": "{token}", "password": "", "host": "api.iugu.com"}}}}\n', [USER]),
    ('"url": "https://api.iugu.com/v1/web_hooks",\n"url_username": "{token}",\n', [USER]),
    ('<stringProp name="Authorization.url">https://api.iugu.com/v1</stringProp>\n'
     '<stringProp name="Authorization.username">{token}</stringProp>\n', [USER]),
    ("opts = weboptions('Username', '{token}', 'Password', '');\nwebread('https://api.iugu.com/v1/invoices', opts);\n",
     [USER]),
    ('GET("https://api.iugu.com/v1/invoices", authenticate("{token}", ""))\n', [USER]),
    # look-alikes: another host's connection, a real password beside the user name
    ('{{"warehouse": {{"conn_type": "postgres", "login": "{token}", "host": "warehouse.internal"}}}}\n', []),
    ('GET("https://api.iugu.com/v1/invoices", authenticate("{token}", "s3cret-pass"))\n', []),
]


@pytest.mark.parametrize(("template", "rules"), CASES)
def test_each_shape_is_reported_by_its_rule_and_each_look_alike_by_none(write, template: str, rules: list[str]) -> None:
    assert_reported(write, template, rules)
