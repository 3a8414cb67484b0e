"""Each context scope judged on real files through the command line: a piece of evidence counts
only where its scope reaches, pieces add up to what the rule requires, a piece against the hit
cancels it, a flow follows the captured name, a gate keeps the rule from running; the evidence
found is in every report (JSON against its schema, SARIF properties, the text view with -v)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from helpers.code_scanning import schema_problems
from helpers.data import load_schema
from helpers.engines import BOTH_ENGINES
from helpers.packs import acme_token_pack
from helpers.running import cli, scan_json

# An ACME token: `acme_token`-like names, twelve lower-case letters. What makes it ACME's is
# the rule's context, one scope at a time.
PATTERN = """'(?i)(?<![\\w.])(?P<name>[\\w.]*token)\\s*[=:]\\s*["'']?(?P<secret>[a-z]{12})\\b'"""


def _pack(context: str) -> str:
    return acme_token_pack("[token]", PATTERN, "\n" + context)


def _scan(tmp_path: Path, context: str, files: dict[str, str], *args: str) -> list[tuple[str, list[dict]]]:
    pack = tmp_path / "acme.yaml"
    pack.write_text(_pack(context), encoding="utf-8")
    root = tmp_path / "src"
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    report, _ = scan_json("--rules", str(pack), *args, str(root))
    jsonschema.validate(report, load_schema())
    return [(Path(f["location"]["path"]).relative_to(root).as_posix(), f["context"]["evidence"])
            for f in report["findings"] if f["rule_id"] == "acme-token"]


# (context, files, the evidence each reported file gets): what a scope reaches, what pieces weigh.
REACH = {
    "line-record-and-lines-reach-as-far-as-they-say": ("""\
      evidence:
        - {name: acme-on-line, scope: line, pattern: '(?i)acme'}
        - {name: acme-in-record, scope: record, pattern: '(?i)acme'}
        - {name: acme-near, scope: lines, lines: 2, pattern: '(?i)acme'}""", {
        "line.py": "x = 1\n\n\n\nclient = Acme(token='qwertyuiopas')\n",
        "record.py": "client = Client(\n    url='https://acme.example',\n    token='qwertyuiopas',\n)\n",
        "near.env": "# acme\n\nTOKEN=qwertyuiopas\n",
        "far.env": "# acme\n\n\nTOKEN=qwertyuiopas\n",
    }, {
        "line.py": [{"name": "acme-on-line", "scope": "line", "line": 5},
                    {"name": "acme-in-record", "scope": "record", "line": 5},
                    {"name": "acme-near", "scope": "lines", "line": 5}],
        "record.py": [{"name": "acme-in-record", "scope": "record", "line": 2},
                      {"name": "acme-near", "scope": "lines", "line": 2}],
        "near.env": [{"name": "acme-near", "scope": "lines", "line": 1}],
    }),
    "pieces-add-up-to-what-the-rule-requires": ("""\
      requires: 3
      evidence:
        - {name: sdk, scope: file, strength: 3, pattern: 'import acme'}
        - {name: host, scope: file, strength: 2, provider_host: acme}
        - {name: in-path, scope: path, strength: 1, pattern: 'acme'}""", {
        "sdk.py": "import acme\nTOKEN = 'qwertyuiopas'\n",
        "host.py": "TOKEN = 'qwertyuiopas'\nURL = 'https://api.acme.example/v1'\n",
        "acme/host.py": "TOKEN = 'qwertyuiopas'\nURL = 'https://api.acme.example/v1'\n",
        "acme/plain.py": "TOKEN = 'qwertyuiopas'\n",
    }, {
        "sdk.py": [{"name": "sdk", "scope": "file", "line": 1}],
        "acme/host.py": [{"name": "host", "scope": "file"}, {"name": "in-path", "scope": "path"}],
    }),
}


@pytest.mark.parametrize("case", list(REACH))
def test_scopes_reach_and_pieces_weigh(tmp_path: Path, case: str) -> None:
    context, files, expected = REACH[case]
    assert dict(_scan(tmp_path, context, files)) == expected


def test_a_host_anywhere_in_the_file_counts_chunks_away(tmp_path: Path) -> None:
    context = """\
      evidence:
        - {name: host, scope: file, provider_host: acme}"""
    filler = "x" * 100 + "\n"
    files = {"big.log": "token=qwertyuiopas\n" + filler * 30_000 + "GET https://API.ACME.EXAMPLE/v1\n"}
    assert _scan(tmp_path, context, files, "--jobs", "1") == [("big.log", [{"name": "host", "scope": "file"}])]


def test_a_piece_against_the_hit_cancels_it(tmp_path: Path) -> None:
    context = """\
      evidence:
        - {name: acme-in-record, scope: record, pattern: 'acme'}
      against:
        - {name: hash-name, scope: name, pattern: '_(?:hash|csrf)_'}
        - {name: test-host, scope: record, pattern: 'test\\.acme'}"""
    files = {
        "hash.py": "acme = Acme(token_hash='qwertyuiopas')\n",
        "csrf.py": "acme = Acme(csrfToken='qwertyuiopas')\n",
        "test.py": "acme = Acme(url='https://test.acme', token='qwertyuiopas')\n",
        "real.py": "acme = Acme(apiToken='qwertyuiopas')\n",
    }
    assert [path for path, _ in _scan(tmp_path, context, files)] == ["real.py"]


def test_a_flow_follows_the_captured_name_one_step(tmp_path: Path) -> None:
    context = """\
      evidence:
        - {name: used-by-acme, scope: file, pattern: 'Acme\\(\\s*{name}\\s*\\)'}"""
    files = {
        "flows.js": "const myToken = 'qwertyuiopas';\nconst other = 1;\nconst client = new Acme(myToken);\n",
        "unused.js": "const myToken = 'qwertyuiopas';\nconst client = new Acme(otherToken);\n",
        "prefix.js": "const myToken = 'qwertyuiopas';\nconst client = new Acme(myTokenTwo);\n",
    }
    assert _scan(tmp_path, context, files) == [("flows.js", [{"name": "used-by-acme", "scope": "file", "line": 3}])]


def test_a_gate_keeps_the_rule_off_text_that_never_names_it(tmp_path: Path) -> None:
    context = """\
      gate: [acme]
      evidence:
        - {name: anything, scope: line, pattern: '(?i)token'}"""
    files = {"named.env": "# ACME settings\nTOKEN=qwertyuiopas\n", "unnamed.env": "TOKEN=qwertyuiopas\n"}
    assert [path for path, _ in _scan(tmp_path, context, files)] == ["named.env"]


def test_evidence_is_in_sarif_and_in_the_verbose_text_view(tmp_path: Path) -> None:
    pack = tmp_path / "acme.yaml"
    pack.write_text(_pack("""\
      evidence:
        - {name: acme-in-record, scope: record, pattern: 'acme'}
        - {name: in-path, scope: path, pattern: 'src'}"""), encoding="utf-8")
    source = tmp_path / "src" / "client.py"
    source.parent.mkdir()
    source.write_text("acme = Acme(\n    token='qwertyuiopas',\n)\n", encoding="utf-8")
    sarif = json.loads(cli("scan", "--rules", str(pack), "-f", "sarif", str(source)).stdout)
    assert schema_problems(sarif) == []
    assert [r["properties"]["evidence"] for r in sarif["runs"][0]["results"]] == [
        [{"name": "acme-in-record", "scope": "record", "line": 1}, {"name": "in-path", "scope": "path"}]]
    plain = cli("scan", "--rules", str(pack), str(source)).stdout
    verbose = cli("scan", "--rules", str(pack), "-v", str(source)).stdout
    line = "evidence: acme-in-record (record, line 1), in-path (path)"
    assert line not in plain and line in verbose
    assert "qwertyuiopas" not in verbose


@pytest.mark.parametrize("engine", BOTH_ENGINES)
def test_both_engines_judge_context_alike(tmp_path: Path, engine: str) -> None:
    context = """\
      gate: [acme]
      requires: 2
      evidence:
        - {name: acme-in-record, scope: record, pattern: 'acme', strength: 2}
        - {name: credential-name, scope: name, pattern: '_token_'}
        - {name: in-path, scope: path, pattern: 'acme'}"""
    files = {"acme/a.env": "# acme\nTOKEN=qwertyuiopas\n", "b.env": "# acme\n\nTOKEN=qwertyuiopas\n",
             "c.env": "TOKEN=qwertyuiopas\n"}
    found = _scan(tmp_path, context, files, "--engine", engine)
    assert found == [("acme/a.env", [{"name": "acme-in-record", "scope": "record", "line": 1},
                                     {"name": "credential-name", "scope": "name"},
                                     {"name": "in-path", "scope": "path"}])]


@pytest.mark.parametrize("engine", BOTH_ENGINES)
def test_evidence_that_holds_where_the_file_ends_reaches_every_hit_near_it(tmp_path: Path, engine: str) -> None:
    # a pattern true only at the text's end (an empty match there): each of 50 dense hits within reach sees it
    context = """\
      evidence:
        - {name: ends-acme, scope: lines, lines: 50, pattern: '(?<=gateway acme)\\Z'}"""
    letters = "abcdefghijklmnopqrstuvwxyz"
    tokens = [letters[i % 26] + letters[i // 26] + "qwertyuiop" for i in range(60)]
    text = "".join(f"token={token}\n" for token in tokens) + "# gateway acme"
    found = _scan(tmp_path, context, {"app.env": text}, "--engine", engine, "--no-dedupe")
    assert len(found) == 50 and {item["name"] for _, evidence in found for item in evidence} == {"ends-acme"}
