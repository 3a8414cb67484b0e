"""Shapes of the twenty-third corpus the rules learned: iugu tokens where delivery and operations print
them — a terminal recorder's coloured prompt, a debugger's print, Swift's `Optional("…")`, a sentence with a
copula or a Markdown code block under it, a Vault table's columns, Azure Pipelines' logging command.

An iugu token carries no prefix, so each shape is a way a file names it; each has a look-alike it must not
take (an ETag under the command that names the secret, an account id, a digest, a value the row goes on after).
"""

from __future__ import annotations

import pytest

from helpers.rule_cases import assert_reported


PROMPT = "iugu-token-after-prompt"
CONFIG = "iugu-config-api-token"
NAMED = "iugu-named-credential"
PROSE = "iugu-token-in-prose"
KIND = "iugu-named-token"
CASES = [
    # a tmux or `script` log: the prompt coloured by ANSI escapes, the lines ending in \r
    ("\x1b[1;32mdeploy@bastion\x1b[0m:\x1b[1;34m~\x1b[0m$ heroku config:get IUGU_API_TOKEN -a loja\r\n{long}\r\n",
     [PROMPT]),
    ("\x1b[1;32mdeploy@bastion\x1b[0m:\x1b[1;34m~\x1b[0m$ heroku config:get IUGU_ACCOUNT_ID -a loja\r\n{upper}\r\n",
     []),
    # gdb printing the expression that names the token; and an account id
    ('(gdb) p cfg->iugu_token\n$1 = 0x55d1c4f0b380 "{token}"\n', [PROMPT]),
    ('(gdb) p cfg->iugu_account_id\n$2 = 0x55d1c4f0b3c0 "{upper}"\n', []),
    # a command that names the secret but prints its ETag
    ("$ gcloud secrets versions describe 3 --secret=iugu-live-token --format='value(etag)'\n\"{token}\"\n", []),
    # Swift's print of an optional String beside an iugu URL; an account id so printed
    ('[Config] iugu token: Optional("{token}") url=https://api.iugu.com/v1\n', [NAMED]),
    ('[Config] iugu account: Optional("{upper}") url=https://api.iugu.com/v1\n', []),
    # a copula between the words and the value; an id so introduced
    ('"body": "As cobranças falham. Nosso token do iugu é {long} caso precisem testar."\n', [PROSE]),
    ("o id do token da iugu é {upper}\n", []),
    # a sentence ending in a colon, the value the Markdown code block under it; a digest so introduced
    ("Token iugu (produção), gerado hoje no painel:\n\n    {long}\n", [PROSE]),
    ("Hash do token iugu antigo:\n\n    {long}\n", []),
    # `vault kv get`'s table: the name and the value in columns; a row that goes on after the value
    ("Key            Value\n---            -----\nlive_token     {long}\ntest_token     {token}\n", [KIND, KIND]),
    ("live_token     {token}     rotated 2026-11-30\n", []),
    # Azure Pipelines' logging command; an account id so set
    ("##[debug]Processed: ##vso[task.setvariable variable=iuguToken;issecret=false]{long}\n", [CONFIG]),
    ("##vso[task.setvariable variable=iuguAccountId]{upper}\n", []),
]


@pytest.mark.parametrize(("template", "rules"), CASES)
def test_each_shape_is_reported_by_its_rule_and_each_look_alike_by_none(write, template: str, rules: list[str]) -> None:
    assert_reported(write, template, rules)
