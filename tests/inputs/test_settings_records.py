"""A client's settings written down are no request it sent (:mod:`keyaudit.inputs.captures.settings_records`).

Each shape below is configuration as a public document shows its format, holding an iugu payout client's method and
URL (the transfer endpoint, no Signature): before the settings rule, every one of them was an unsigned transfer. A
token left in such settings is still a leaked credential. A record of a real call whose method sits as deep, beside
what says a call was made (a log's time, a status), keeps its finding, and so do a collection and a HAR.
"""

from __future__ import annotations

import json
from pathlib import Path

from helpers.credentials import iugu_token
from helpers.running import scan_json

URL = "https://api.iugu.com/v1/transfers"
UNSIGNED = "iugu-unsigned-transfer"
CLIENT = {"method": "POST", "url": URL, "headers": {"Content-Type": "application/json"}}
PASCAL = {"Method": "POST", "Url": URL, "Headers": {"Content-Type": "application/json"}, "TimeoutSeconds": 30}

SETTINGS = {
    # kubernetes.io/docs/tasks/configure-pod-container/configure-pod-configmap: `kubectl get configmap -o json`,
    # property-like keys (`example.property.1`) in data; here .NET's section paths
    "configmap.json": json.dumps({"apiVersion": "v1", "kind": "ConfigMap",
                                  "metadata": {"name": "payouts-config", "namespace": "prod"},
                                  "data": {"Payouts.Iugu.Method": "POST", "Payouts.Iugu.Url": URL,
                                           "Payouts.Iugu.Headers.Content-Type": "application/json",
                                           "Logging.LogLevel.Default": "Information"}}),
    # learn.microsoft.com/aspnet/core/fundamentals/configuration: appsettings.json, a section per options class
    "appsettings.json": json.dumps({"Logging": {"LogLevel": {"Default": "Information"}},
                                    "Payouts": {"Iugu": PASCAL}, "AllowedHosts": "*"}, indent=2),
    # docs.spring.io/spring-boot/api/rest/actuator/configprops.html: contexts → beans → prefix, properties, inputs
    "configprops.json": json.dumps({"contexts": {"application": {"beans": {
        "payouts.iugu-com.contoso.payouts.IuguProperties": {
            "prefix": "payouts.iugu", "properties": {**CLIENT, "timeout": "PT30S"},
            "inputs": {"method": {"value": "POST", "origin": "class path resource [application.yml] - 3:13"},
                       "url": {"value": URL, "origin": "class path resource [application.yml] - 4:10"}}}},
        "parentId": None}}}),
    # helm.sh/docs/chart_template_guide/values_files: a chart's values.yaml
    "values.yaml": "replicaCount: 2\nimage:\n  repository: contoso/payouts\n  tag: \"3.1\"\npayouts:\n  iugu:\n"
                   f"    method: POST\n    url: {URL}\n    headers:\n      Content-Type: application/json\n",
    # helm.sh/docs/helm/helm_get_values: `helm get values payouts -o json`, a release's values on one line
    "release-values.json": json.dumps({"image": {"repository": "contoso/payouts", "tag": "3.1"},
                                       "payouts": {"iugu": CLIENT}, "replicaCount": 2}),
    # docs.spring.io/spring-boot/reference/features/external-config.html: application.yml's hierarchy
    "application.yml": f"server:\n  port: 8080\npayouts:\n  iugu:\n    method: POST\n    url: {URL}\n"
                       "    headers:\n      Content-Type: application/json\n",
    # docs.spring.io/spring-cloud-config/reference/server/environment-repository.html: the server's Environment,
    # each property source's flat `source`
    "environment.json": json.dumps({"name": "payouts", "profiles": ["prod"], "label": "main", "version": "8a1f2b3c",
                                    "state": None, "propertySources": [{
                                        "name": "https://git.example.com/config-repo/payouts-prod.yml",
                                        "source": {"payouts.iugu.method": "POST", "payouts.iugu.url": URL,
                                                   "payouts.iugu.headers.Content-Type": "application/json",
                                                   "server.port": 8080}}]}),
    # docs.ansible.com/ansible/latest/inventory_guide/intro_inventory.html: group_vars as YAML
    "group_vars.yml": f"---\npayouts_port: 8080\npayouts:\n  iugu:\n    method: POST\n    url: \"{URL}\"\n"
                      "    headers:\n      Content-Type: application/json\n",
    # learn.microsoft.com/aspnet/core/fundamentals/configuration#environment-variables (`__` for `:`), a
    # ConfigMap's data as `kubectl get -o json` prints it; docs.pydantic.dev … pydantic_settings (env_nested_delimiter
    # `__`), a .env's variables dumped as JSON: keys joined by double underscores are paths too (Zapier's)
    "env-configmap.json": json.dumps({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "payouts-env"},
                                      "data": {"Payouts__Iugu__Method": "POST", "Payouts__Iugu__Url": URL,
                                               "Payouts__Iugu__Headers__Content-Type": "application/json",
                                               "ASPNETCORE_ENVIRONMENT": "Production"}}, indent=4),
    "env.json": json.dumps({"PAYOUTS__IUGU__METHOD": "POST", "PAYOUTS__IUGU__URL": URL,
                            "PAYOUTS__IUGU__HEADERS__Content-Type": "application/json",
                            "DATABASE__URL": "postgres://db/payouts"}),
}


def _findings(folder: Path) -> dict[str, list[str]]:
    report, _ = scan_json(str(folder))
    found: dict[str, list[str]] = {}
    for finding in report["findings"]:
        found.setdefault(Path(finding["location"]["path"]).name, []).append(finding["rule_id"])
    return found


def test_settings_name_no_request(tmp_path: Path) -> None:
    for name, text in SETTINGS.items():
        (tmp_path / name).write_text(text)
    found = _findings(tmp_path)
    assert {name: rules for name, rules in found.items() if UNSIGNED in rules} == {}


def test_a_token_in_settings_is_still_a_finding(tmp_path: Path) -> None:
    settings = {"Payouts": {"Iugu": {**PASCAL, "ApiToken": iugu_token()}},
                "Logging": {"LogLevel": {"Default": "Warning"}}}
    (tmp_path / "appsettings.Production.json").write_text(json.dumps(settings, indent=2))
    rules = _findings(tmp_path).get("appsettings.Production.json", [])
    assert UNSIGNED not in rules and any(rule.startswith("iugu-") for rule in rules), rules


def test_a_call_filed_as_deep_keeps_its_finding(tmp_path: Path) -> None:
    """The same sections, written by a logger about a call it made (its time, its level and message, its status) or
    as a request's description (a collection's item, a HAR entry): each is a request."""
    calls = {
        "log.json": json.dumps({"time": "2026-11-22T13:00:30Z", "payouts": {"iugu": CLIENT}}),
        "leveled.json": json.dumps({"level": "info", "payouts": {"iugu": CLIENT}}),
        "answered.json": json.dumps({"payouts": {"iugu": {**CLIENT, "status": 201}}}),
        "event.yaml": f"time: 2026-11-22T13:00:30Z\nevent:\n  iugu:\n    method: POST\n    url: {URL}\n"
                      "    headers:\n      Content-Type: application/json\n",
        "collection.json": json.dumps({"info": {"name": "payouts", "schema": "https://schema.getpostman.com/json/"
                                                "collection/v2.1.0/collection.json"},
                                       "item": [{"name": "folder", "item": [{"name": "transfer", "request": {
                                           "method": "POST", "header": [{"key": "Content-Type",
                                                                         "value": "application/json"}],
                                           "url": {"raw": URL}}}]}]}),
        "axios.json": json.dumps({"message": "Request failed with status code 401", "name": "AxiosError",
                                  "config": {"method": "post", "url": URL, "headers": {}, "data": "{}"}}),
    }
    for name, text in calls.items():
        (tmp_path / name).write_text(text)
    found = _findings(tmp_path)
    assert {name: UNSIGNED in found.get(name, []) for name in calls} == {name: True for name in calls}
