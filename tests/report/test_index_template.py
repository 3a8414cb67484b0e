"""The index template and the shipper snippets a SIEM installs: the template is a composable
index template using only mapping types Elasticsearch and OpenSearch share, maps every field of
real scans' events with a type their values fit (and ECS's type for ECS fields); the Filebeat and
Vector snippets parse, read the files the README's scan writes, and use that template's index."""

from __future__ import annotations

import fnmatch
import json
import tomllib
from pathlib import Path
from typing import Any, Iterator

import pytest
import yaml

from helpers.data import ECS_FIELDS_PATH, ECS_TEMPLATE_PATH, REPO, SIEM_SNIPPETS
from helpers.siem import every_event, flat_fields, has_offset, siem_inputs

TEMPLATE_KEYS = {"index_patterns", "template", "priority", "version", "_meta", "data_stream", "composed_of"}
SHARED_TYPES = {"keyword", "text", "date", "long", "boolean"}  # in Elasticsearch 7.10+ and OpenSearch 1.0+
# ECS type -> the mapping type that stands for it where both stores must read the template.
FOR_ECS = {"keyword": "keyword", "constant_keyword": "keyword", "wildcard": "keyword", "match_only_text": "text",
           "text": "text", "date": "date", "long": "long"}


def fits(mapping: str, value: Any) -> bool:
    """Whether Elasticsearch indexes ``value`` in a field of type ``mapping`` as what it is."""
    items = value if isinstance(value, list) else [value]
    checks = {"keyword": lambda v: isinstance(v, str), "text": lambda v: isinstance(v, str), "date": has_offset,
              "long": lambda v: isinstance(v, int) and not isinstance(v, bool),
              "boolean": lambda v: isinstance(v, bool)}
    return all(checks[mapping](item) for item in items)


def mapped(properties: dict[str, Any], prefix: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """Each field the template maps, as (dotted name, its mapping)."""
    for name, mapping in properties.items():
        if "properties" in mapping:
            yield from mapped(mapping["properties"], f"{prefix}{name}.")
        else:
            yield f"{prefix}{name}", mapping


@pytest.fixture
def template() -> dict[str, Any]:
    return json.loads(ECS_TEMPLATE_PATH.read_text(encoding="utf-8"))


@pytest.fixture
def ecs_output_path() -> str:
    """The file the README's SIEM section has the scan write its ECS events to, for one night."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    [command] = [line for line in readme.splitlines() if "--format ecs" in line and "--output" in line]
    path = command.rsplit("--output ", 1)[1].strip().replace("$(date +\\%F)", "2026-11-30")
    assert "$" not in path and path.startswith("/")
    return path


def test_the_template_is_a_composable_template_both_stores_read(template: dict[str, Any]) -> None:
    assert set(template) <= TEMPLATE_KEYS and {"index_patterns", "template"} <= set(template)
    fields = dict(mapped(template["template"]["mappings"]["properties"]))
    assert {mapping["type"] for mapping in fields.values()} <= SHARED_TYPES
    assert fields["@timestamp"]["type"] == "date" and "data_stream" in template  # a data stream needs @timestamp
    assert template["template"]["mappings"]["date_detection"] is False  # a log's own time text stays a keyword
    assert fields["keyaudit.context.log_timestamp"]["type"] == "keyword"
    assert fields["keyaudit.secret.value"]["index"] is False  # --show-secrets values are kept, not searchable
    ecs = yaml.safe_load(ECS_FIELDS_PATH.read_text(encoding="utf-8"))
    assert template["_meta"]["ecs_version"] == ECS_FIELDS_PATH.stem.split("-")[1]
    wrong = {name: (mapping["type"], ecs[name]["type"]) for name, mapping in fields.items()
             if name in ecs and FOR_ECS.get(ecs[name]["type"]) != mapping["type"]}
    assert wrong == {}
    assert not [name for name in fields if not name.startswith("keyaudit.") and name not in ecs]


def test_every_field_of_real_scans_is_mapped_with_a_type_its_values_fit(tmp_path: Path,
                                                                         template: dict[str, Any]) -> None:
    paths, _ = siem_inputs(tmp_path)
    fields = dict(mapped(template["template"]["mappings"]["properties"]))
    unmapped, misfit = set(), set()
    for event in every_event(paths):
        for name, value in flat_fields(event):
            if value is None:  # null is indexed as nothing: no mapping needed
                continue
            if name not in fields:
                unmapped.add(name)
            elif not fits(fields[name]["type"], value):
                misfit.add(f"{name}: {fields[name]['type']}")
    assert (unmapped, misfit) == (set(), set())
    assert not fits("date", "2026-11-22 13:00:03") and not fits("long", True)  # the check does check


def test_the_filebeat_snippet_reads_the_reports_into_the_templates_data_stream(template: dict[str, Any],
                                                                               ecs_output_path: str) -> None:
    filebeat = yaml.safe_load((SIEM_SNIPPETS / "filebeat.yml").read_text(encoding="utf-8"))
    [source] = filebeat["filebeat.inputs"]
    assert source["type"] == "filestream" and any(fnmatch.fnmatch(ecs_output_path, p) for p in source["paths"])
    [parser] = source["parsers"]
    assert parser["ndjson"]["target"] == "" and parser["ndjson"]["overwrite_keys"] is True
    assert {"fingerprint": {"fields": ["event.id"], "target_field": "@metadata._id"}} in filebeat["processors"]
    index = filebeat["output.elasticsearch"]["index"]
    assert any(fnmatch.fnmatch(index, pattern) for pattern in template["index_patterns"])
    assert Path(filebeat["setup.template.json.path"]).name == ECS_TEMPLATE_PATH.name
    assert filebeat["setup.template.json.enabled"] is True
    assert filebeat["setup.template.json.name"] == filebeat["setup.template.name"]
    assert filebeat["setup.template.pattern"] in template["index_patterns"]
    assert filebeat["setup.template.json.data_stream"] is ("data_stream" in template)


def test_the_vector_snippet_reads_the_reports_into_the_templates_data_stream(template: dict[str, Any],
                                                                             ecs_output_path: str) -> None:
    text = (SIEM_SNIPPETS / "vector.toml").read_text(encoding="utf-8")
    vector = tomllib.loads(text)
    [(source_name, source)] = vector["sources"].items()
    [(transform_name, transform)] = vector["transforms"].items()
    [sink] = vector["sinks"].values()
    assert source["type"] == "file" and any(fnmatch.fnmatch(ecs_output_path, p) for p in source["include"])
    assert transform["inputs"] == [source_name] and sink["inputs"] == [transform_name]
    assert transform["type"] == "remap" and transform["source"].strip() == ". = parse_json!(.message)"
    assert sink["type"] == "elasticsearch" and sink["id_key"] == "event.id"
    assert any(fnmatch.fnmatch(sink["bulk"]["index"], pattern) for pattern in template["index_patterns"])
    assert sink["bulk"]["action"] == "create"  # what a data stream takes
    assert ECS_TEMPLATE_PATH.name in text  # it says which template to install first


def test_the_template_and_the_snippets_ship_in_the_source_and_the_wheel() -> None:
    """The wheel carries schemas/ whole (its force-include), the sdist too; the wheel test checks
    the built wheel holds the template."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    build = project["tool"]["hatch"]["build"]["targets"]
    assert build["wheel"]["force-include"]["schemas"] == "keyaudit/schemas" and "schemas" in build["sdist"]["include"]
    for path in (ECS_TEMPLATE_PATH, SIEM_SNIPPETS / "filebeat.yml", SIEM_SNIPPETS / "vector.toml"):
        assert path.is_relative_to(REPO / "schemas") and path.is_file()
