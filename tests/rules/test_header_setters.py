"""The rule files' ``header_setters``: the shipped places hold on their examples (read as code of their language), a
rule pack can add a place, a signing word and a harmless part, and a wrong entry is one line on stderr."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.running import cli
from keyaudit.rulebook.loader import load_rules

PACK = """\
rules: []
header_setters:
  signing_words: [seal]
  harmless: [PlainSealer]
  places:
    - name: sealer
      kind: argument
      names: [useSealer]
      examples: [{js: 'client.useSealer(new RequestSeal(key));'}]
      negative_examples: [{js: 'client.useSealer(new PlainSealer());'}]
"""


def test_the_shipped_places_cover_each_kind() -> None:
    """(Their examples are checked by ``rules test``, as every rule's: tests/rules/test_rules.py.)"""
    shipped = load_rules().header_setters
    assert {place.kind for place in shipped.places} == {"named", "argument", "keyword"}
    assert {"HTTPAdapter", "HttpLoggingInterceptor", "HttpClientHandler", "http.Transport"} <= shipped.harmless


def test_a_packs_place_and_words_are_added_to_the_shipped_ones(tmp_path: Path) -> None:
    pack = tmp_path / "sealing.yaml"
    pack.write_text(PACK, encoding="utf-8")
    setters = load_rules([pack]).header_setters
    assert "sealer" in {place.name for place in setters.places} and "mounted adapter" in {
        place.name for place in setters.places}
    assert "seal" in setters.signing_words and "PlainSealer" in setters.harmless
    run = cli("rules", "test", str(pack))
    assert run.exit_code == 0, run.stdout + run.stderr


def test_rules_test_names_a_place_that_counts_a_negative_example_misses_an_example_or_names_no_language(
        tmp_path: Path) -> None:
    pack = tmp_path / "sealing.yaml"
    pack.write_text(PACK.replace("negative_examples: [{js: 'client.useSealer(new PlainSealer());'}]",
                                 "negative_examples: [{js: 'client.useSealer(new PlainSealer());'},"
                                 " {js: 'client.useSealer(new SealWrapper());'}, {cobol: 'x'}]")
                    .replace("examples: [{js: 'client.useSealer(new RequestSeal(key));'}]",
                             "examples: [{js: 'client.useSealer(new RequestSeal(key));'},"
                             " {js: '// client.useSealer(new RequestSeal(key));'}]"), encoding="utf-8")
    run = cli("rules", "test", str(pack))
    assert run.exit_code == 1
    assert [line for line in run.stdout.splitlines() if line.startswith("FAIL")] == [
        f"FAIL {pack}: header setter 'sealer': example 2 does not count",
        f"FAIL {pack}: header setter 'sealer': negative example 2 counts",
        f"FAIL {pack}: header setter 'sealer': negative example 3 names 'cobol', no source file's extension"]


@pytest.mark.parametrize("edit, problem", [
    (("      kind: argument\n", ""), "place 1 must have exactly"),
    (("kind: argument", "kind: anywhere"), "place 1: a name and a kind (named, argument, keyword) are needed"),
    (("names: [useSealer]", "names: []"), "place 1: names must be a non-empty list"),
    (("negative_examples: [{js: 'client.useSealer(new PlainSealer());'}]", "negative_examples: ['x']"),
     "negative_examples must be a non-empty list of {extension: code}"),
    (("  signing_words: [seal]\n", "  signing_words: seal\n"), "signing_words and harmless must be lists"),
    (("header_setters:\n", "header_setters:\n  anything: []\n"), "'header_setters' must be a mapping of"),
])
def test_a_wrong_entry_is_one_line(tmp_path: Path, edit: tuple[str, str], problem: str) -> None:
    pack = tmp_path / "sealing.yaml"
    pack.write_text(PACK.replace(*edit), encoding="utf-8")
    run = cli("scan", "--rules", str(pack), str(tmp_path))
    assert run.exit_code == 2
    assert run.stderr.count("\n") == 1 and problem in run.stderr, run.stderr
