"""Tokens whose name and value are on different lines (issue 15, "tabular and paired forms"):
``.netrc`` entries, and name/value pairs in Postman and Insomnia exports, Terraform,
Kubernetes manifests and Spring XML, written as those tools write them.

Every token is generated; through the real CLI on real files, with both engines. Failure messages
show rule, line and column, never a token.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers.credentials import iugu_token
from helpers.engines import BOTH_ENGINES
from helpers.places import place
from helpers.running import engine_findings, rule_places
from helpers.secrecy import assert_absent, report_digest

pytestmark = pytest.mark.usefixtures("neutral_folder")


def netrc(token: str) -> str:
    return ("machine github.com\n  login octocat\n  password hunter22-not-here\n\n"
            f"machine api.iugu.com\n  login {token}\n  password \"\"\n")


def postman(token: str) -> str:
    """A Postman v2.1 collection: the token as a query parameter and in the environment values."""
    collection = {
        "info": {"_postman_id": "5b3f0c1e-9d1a-4f43-8a38-5d0a3f6c1b2e", "name": "iugu",
                 "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
        "item": [{"name": "List invoices", "request": {
            "method": "GET", "header": [],
            "url": {"raw": "https://api.iugu.com/v1/invoices?api_token={{api_token}}&limit=10",
                    "protocol": "https", "host": ["api", "iugu", "com"], "path": ["v1", "invoices"],
                    "query": [{"key": "limit", "value": "10"}]}}}],
        "variable": [{"key": "base_url", "value": "https://api.iugu.com/v1", "type": "string"},
                     {"key": "api_token", "value": token, "type": "string"}],
    }
    return json.dumps(collection, indent="\t") + "\n"


def insomnia(token: str) -> str:
    """An Insomnia v4 export: the token as a request parameter, name and value on their own lines."""
    export = {"_type": "export", "__export_format": 4, "resources": [{
        "_id": "req_3f1c", "_type": "request", "method": "GET", "name": "customers",
        "url": "https://api.iugu.com/v1/customers",
        "parameters": [{"name": "limit", "value": "20"}, {"name": "apiToken", "value": token, "disabled": False}],
    }]}
    return json.dumps(export, indent=2) + "\n"


def terraform(token: str) -> str:
    return ('resource "kubernetes_deployment" "billing" {\n  spec {\n    template {\n      spec {\n'
            '        container {\n          name  = "billing"\n          image = "billing:1.4.2"\n\n'
            '          env {\n            name  = "IUGU_API_TOKEN"\n            # rotated 2026-11\n'
            f'            value = "{token}"\n          }}\n        }}\n      }}\n    }}\n  }}\n}}\n')


def kubernetes(token: str) -> str:
    return ("apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n"
            "        - name: billing\n          env:\n            - name: IUGU_ENV\n              value: live\n"
            f"            - name: IUGU_TOKEN\n              value: \"{token}\"\n")


def spring_xml(token: str) -> str:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<beans xmlns="http://www.springframework.org/schema/beans">\n'
            '  <bean id="iuguClient" class="br.com.loja.pagamentos.IuguClient">\n'
            '    <property name="baseUrl" value="https://api.iugu.com/v1"/>\n'
            f'    <property name="apiToken"\n              value="{token}"/>\n  </bean>\n</beans>\n')


FORMS = {".netrc": (netrc, "iugu-netrc-token"), "billing-context.xml": (spring_xml, "iugu-paired-api-token"),
         "postman.json": (postman, "iugu-paired-api-token"),
         "insomnia.json": (insomnia, "iugu-paired-api-token"), "main.tf": (terraform, "iugu-paired-api-token"),
         "deployment.yaml": (kubernetes, "iugu-paired-api-token")}


@pytest.mark.parametrize("engine", BOTH_ENGINES)
@pytest.mark.parametrize("name", list(FORMS))
@pytest.mark.parametrize("kind", ["lower", "long"])
def test_a_token_whose_name_is_on_another_line_is_found(write, engine: str, name: str, kind: str) -> None:
    token = iugu_token(kind)
    render, rule = FORMS[name]
    text = render(token)
    expected = report_digest(token)
    data = text.encode()
    offset = data.index(token.encode())
    findings, out = engine_findings(engine, write(name, text))
    paired = findings
    assert [(f["rule_id"], f["provider"]) for f in paired] == [(rule, "iugu")], rule_places(paired)
    assert paired[0]["secret"]["digest"] == expected, "one token, however it is written"
    assert (paired[0]["location"]["line"], paired[0]["location"]["column"]) == place(data, offset)
    assert_absent(token, out, what="the token")


NOT_TOKENS = {
    "netrc entry of another host": lambda t: f"machine api.iugu.com\n  login deploy\nmachine ci.example.com\n  login {t}\n",
    "postman variable and another entry's id": lambda t: json.dumps({"variable": [
        {"key": "api_token", "value": "{{IUGU_TOKEN}}"}, {"key": "request_id", "value": t}]}, indent=2),
    "insomnia: the pair ends before the value": lambda t: json.dumps({"parameters": [
        {"name": "api_token", "value": ""}, {"name": "invoice_id", "value": t}]}, indent=2),
    "terraform: a digest of the token, then another env": lambda t: (
        'env {\n  name  = "IUGU_API_TOKEN_SHA256"\n}\nenv {\n  name  = "BUILD_ID"\n'
        f'  value = "{t}"\n}}\n'),
    "kubernetes: a card payment token": lambda t: f"env:\n  - name: IUGU_PAYMENT_TOKEN\n    value: \"{t}\"\n",
    "value too far from the name": lambda t: 'env {\n  name = "IUGU_TOKEN"\n' + "  # note\n" * 6 + f'  value = "{t}"\n}}\n',
}


@pytest.mark.parametrize("engine", BOTH_ENGINES)
def test_values_that_are_not_paired_with_a_token_name_are_not_reported(write, engine: str) -> None:
    paths = [write(f"{n}.txt", make(iugu_token()) + "\n") for n, make in enumerate(NOT_TOKENS.values())]
    findings, _ = engine_findings(engine, *paths)
    labels = list(NOT_TOKENS)
    assert findings == [], [labels[int(Path(f["location"]["path"]).stem)] for f in findings]
