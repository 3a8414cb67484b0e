"""Where the test data and the published schemas are."""

from __future__ import annotations

import json
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "tests" / "data"
CORPUS = DATA / "corpus"
SCHEMA_PATH = REPO / "schemas" / "report.schema.json"
SARIF_SCHEMA_PATH = DATA / "sarif-2.1.0.json"
ECS_FIELDS_PATH = DATA / "ecs-8.11.0-fields.yml"  # the ECS field definitions keyaudit's events are checked against
ECS_TEMPLATE_PATH = REPO / "schemas" / "ecs-index-template.json"
SIEM_SNIPPETS = REPO / "schemas" / "siem"


def load_schema() -> dict:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
