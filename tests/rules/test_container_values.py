"""An iugu token whose name opens a container written over lines: the value is the container's first
scalar (a list's first item, a matcher object's `value`), however the container is broken over lines.

iugu tokens carry no prefix, so only the name `api_token` says what they are. Pretty-printers (JSON
indented, YAML block sequences, Go's url.Values, Hoverfly's and WireMock's matchers) put the value a
line or more below the name; the same data on one line was found and these were not (blind61 M3).
Each look-alike keeps a 32-hex value from a name that is not its own: another name's list, a value two
containers away, a container closed before the hex, a hash in the next record.
"""

from __future__ import annotations

import pytest

from helpers.rule_cases import assert_reported

TOKEN = "iugu-api-token"
CASES = [
    # pretty-printed JSON: a one-item list, a list under a parent (Go's url.Values, Python's parse_qs)
    ('{{\n  "api_token": [\n    "{token}"\n  ]\n}}\n', [TOKEN]),
    ('{{\n  "url": "https://api.iugu.com/v1/invoices",\n  "query": {{\n    "api_token": [\n'
     '      "{token}"\n    ],\n    "limit": [\n      "10"\n    ]\n  }}\n}}\n', [TOKEN]),
    # YAML's block sequence, indented under the name or at its own indentation
    ("query:\n  api_token:\n  - {token}\n  limit:\n  - '10'\n", [TOKEN]),
    ("api_token:\n- {long}\n", [TOKEN]),
    # an object holding the value (nested parameters), and Hoverfly's matcher list: a matcher before the value
    ('{{\n  "params": {{\n    "api_token": {{\n      "value": "{token}"\n    }}\n  }}\n}}\n', [TOKEN]),
    ('{{\n  "query": {{\n    "api_token": [\n      {{\n        "matcher": "exact",\n'
     '        "value": "{token}"\n      }}\n    ]\n  }}\n}}\n', [TOKEN]),
    # look-alikes: ids under another name; a container closed before the hex; the hex two containers away;
    # a hash in the next record
    ('{{\n  "invoice_ids": [\n    "{token}"\n  ]\n}}\n', []),
    ('{{\n  "api_token": [],\n  "invoice_ids": [\n    "{token}"\n  ]\n}}\n', []),
    ('{{\n  "api_token": {{\n    "meta": {{\n      "id": "{token}"\n    }}\n  }}\n}}\n', []),
    ('{{"api_token": null}}\n{{"sha": [\n  "{token}"\n]}}\n', []),
    ("- api_token: ''\n- sha256:\n  - {token}\n", []),
]


@pytest.mark.parametrize(("template", "rules"), CASES)
def test_a_container_a_name_opens_gives_its_first_scalar_and_no_other(write, template: str,
                                                                       rules: list[str]) -> None:
    assert_reported(write, template, rules)
