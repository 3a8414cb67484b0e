"""Through the command line: a key base64-encoded in a Kubernetes Secret's ``data`` (and one in a
``.dockerconfigjson``) is reported at the line and column of its encoded value, says how it was
decoded in every format, and is never printed."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import jsonschema

from helpers.code_scanning import schema_problems
from helpers.credentials import asaas_key, iugu_token
from helpers.data import load_schema
from helpers.running import cli, scan_json
from helpers.secrecy import assert_absent

KEY = asaas_key()
TOKEN = iugu_token()


def b64(text: str) -> str:
    return base64.b64encode(text.encode()).decode()


DOCKER = json.dumps({"auths": {"registry.example.com": {"auth": b64("ci:x")}}, "env": {"ASAAS_API_KEY": KEY}})
ENV_FILE = f"IUGU_API_URL=https://api.iugu.com/v1\nIUGU_API_TOKEN={TOKEN}\n"


def column_of(prefix: str, decoded: str, secret: str) -> int:
    """The column of ``secret`` inside the base64 of ``decoded`` written after ``prefix``: byte i
    of the decoded text starts in character i // 3 * 4 + i % 3 of the run."""
    index = decoded.index(secret)
    return len(prefix) + index // 3 * 4 + index % 3 + 1


def manifest(tmp_path: Path) -> Path:
    path = tmp_path / "deploy" / "secrets.yaml"
    path.parent.mkdir()
    path.write_text(f"""apiVersion: v1
kind: Secret
metadata:
  name: billing
type: Opaque
data:
  ASAAS_API_KEY: {b64(KEY)}
  IUGU_ACCOUNT: {b64("0a1b2c3d")}
  ENV_FILE: {b64(ENV_FILE)}
---
apiVersion: v1
kind: Secret
type: kubernetes.io/dockerconfigjson
data:
  .dockerconfigjson: {b64(DOCKER)}
""")
    return path


def test_base64_values_of_a_secret_manifest_are_found_where_they_are_written(tmp_path: Path) -> None:
    path = manifest(tmp_path)
    report, run = scan_json("--no-dedupe", str(path))
    jsonschema.validate(report, load_schema())
    places = sorted((f["rule_id"], f["location"]["line"], f["location"]["column"], f["context"]["decoded"])
                    for f in report["findings"])
    assert places == [
        ("asaas-api-key", 7, len("  ASAAS_API_KEY: ") + 1, "base64"),
        ("asaas-api-key", 15, column_of("  .dockerconfigjson: ", DOCKER, KEY), "base64"),
        ("iugu-api-token", 9, column_of("  ENV_FILE: ", ENV_FILE, TOKEN), "base64"),
    ]
    assert_absent(KEY, run.stdout, run.stderr, what="the Asaas key")
    assert_absent(TOKEN, run.stdout, run.stderr, what="the iugu token")


def test_every_report_says_how_a_secret_was_decoded(tmp_path: Path) -> None:
    path = manifest(tmp_path)
    sarif_run = cli("scan", "--format", "sarif", "--jobs", "1", str(path))
    sarif = json.loads(sarif_run.stdout)
    assert schema_problems(sarif) == []
    assert {result["properties"]["decoded"] for result in sarif["runs"][0]["results"]} == {"base64"}
    ecs = [json.loads(line) for line in cli("scan", "--format", "ecs", "--jobs", "1", str(path)).stdout.splitlines()]
    assert {event["keyaudit"]["context"]["decoded"] for event in ecs} == {"base64"}
    text = cli("scan", str(path)).stdout
    assert "7:18" in text
    for output in (sarif_run.stdout, text):
        assert_absent(KEY, output, what="the Asaas key")
