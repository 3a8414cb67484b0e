"""Shapes of the eleventh corpus the rules learned: iugu tokens where web platforms, mobile builds and
Compose files put them.

An iugu token carries no prefix, so each shape is a way a file names it (a JVM type descriptor between
the name and the value, Compose's default without a colon, a template literal as a fallback, an Odoo
`ir.config_parameter` record's `key` and `value` fields); each has a look-alike it must not take.
"""

from __future__ import annotations

import pytest

from helpers.rule_cases import assert_reported


CONFIG = "iugu-config-api-token"
CASES = [
    # smali's static field: `NAME:Ljava/lang/String; = "…"` (apktool's BuildConfig.smali)
    ('.field public static final IUGU_API_TOKEN:Ljava/lang/String; = "{token}"\n', [CONFIG]),
    ('.field public static final IUGU_ACCOUNT_ID:Ljava/lang/String; = "{upper}"\n', []),
    # Compose's default without a colon: `${NAME-default}`
    ("    environment:\n      - IUGU_API_TOKEN=${{IUGU_API_TOKEN-{token}}}\n", [CONFIG]),
    ("    environment:\n      - IUGU_ACCOUNT_ID=${{IUGU_ACCOUNT_ID-{upper}}}\n", []),
    # a template literal as the fallback (Expo's app.config.js)
    ("    iuguApiToken: process.env.IUGU_API_TOKEN ?? `{long}`,\n", [CONFIG]),
    ("    iuguAccountId: process.env.IUGU_ACCOUNT_ID ?? `{upper}`,\n", []),
    # an Odoo ir.config_parameter record: the name in the `key` field, the value in `value`
    ('<record id="p1" model="ir.config_parameter">\n    <field name="key">payment_iugu.api_token</field>\n'
     '    <field name="value">{token}</field>\n</record>\n', [CONFIG]),
    ('<record id="p2" model="ir.config_parameter">\n    <field name="key">payment_iugu.account_id</field>\n'
     '    <field name="value">{upper}</field>\n</record>\n', []),
]


@pytest.mark.parametrize(("template", "rules"), CASES)
def test_each_shape_is_reported_by_its_rule_and_each_look_alike_by_none(write, template: str, rules: list[str]) -> None:
    assert_reported(write, template, rules)
