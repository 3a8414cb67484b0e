"""A key cut into literals that other languages join (PHP's `.`, Lua's `..`, Elixir's `<>`, OCaml's `^`, VB's
`& _`, Jinja's `~`, SQL's `||` and `CONCAT(…)`, PowerShell's `-join @(…)`, a builder's `.append(…)`, Ruby's
literals side by side after a backslash), and a key whose every character is a `\\u00` escape: the twenty-fifth
corpus found none of them before, since only `+`, literals side by side and a few join calls were read as joins,
and a run of `\\x` escapes alone as a line escaped whole."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.credentials import asaas_key
from helpers.engines import BOTH_ENGINES
from helpers.running import decoded_places

KEY = asaas_key()


# Case -> (the line up to the key's first piece, what joins the pieces, how many characters a piece, the line's end)
JOINED: dict[str, tuple[str, str, int, str]] = {
    "php, `.` opening the next line": ("    private const API_KEY = '", "'\n        . '", 60, "';"),
    "lua, `..` ending the line": ('M.asaas_key = "', '" ..\n  "', 60, '"'),
    "elixir, `<>`": ('  api_key: "', '" <>\n    "', 60, '"'),
    "ocaml, `^`": ('let asaas_api_key = "', '" ^\n  "', 60, '"'),
    "vb.net, `& _`": ('Public Const AsaasApiKey As String = "', '" & _\n    "', 60, '"'),
    "jinja, `~` on one line": ('ASAAS_API_KEY={{ "', '" ~ "', 60, '" }}'),
    "sql, `||`": ("UPDATE cfg SET asaas_key = '", "' ||\n  '", 64, "';"),
    "java, a builder's append": ('String key = new StringBuilder("', '")\n    .append("', 50, '").toString();'),
    "ruby, side by side after a backslash": ('ASAAS_KEY = "', '" \\\n  "', 60, '"'),
    "powershell, -join @(…)": ("$asaasKey = -join @('", "',\n  '", 60, "')"),
    "mysql, CONCAT(…)": ("INSERT INTO cfg (asaas_key) VALUES (CONCAT('", "', '", 84, "'));"),
}


def _scanned(tmp_path: Path, text: str, engine: str) -> list[tuple[str, int, int, str | None]]:
    return decoded_places(tmp_path / "joined.txt", text, engine)


@pytest.mark.parametrize("engine", BOTH_ENGINES)
@pytest.mark.parametrize("case", list(JOINED))
def test_a_key_cut_into_literals_another_language_joins_is_found_at_its_first_piece(
        tmp_path: Path, engine: str, case: str) -> None:
    before, joiner, size, after = JOINED[case]
    text = before + joiner.join(KEY[i:i + size] for i in range(0, len(KEY), size)) + after
    first = text.index(KEY[:10])
    found = _scanned(tmp_path, "// config\n" + text + "\n// end\n", engine)
    assert found == [("asaas-api-key", 2, first + 1, "concatenation")], case


@pytest.mark.parametrize("engine", BOTH_ENGINES)
def test_literals_compared_or_joined_to_no_key_make_no_finding(tmp_path: Path, engine: str) -> None:
    text = (f"SELECT * FROM cfg WHERE k <> '{KEY[:60]}'\n  AND v = 'x' || 'y';\n"
            f"local s = \"{KEY[:40]}\" .. \"plain text\"\n")
    assert _scanned(tmp_path, text, engine) == []


@pytest.mark.parametrize("engine", BOTH_ENGINES)
def test_a_key_whose_every_character_is_a_unicode_escape_is_found_there(tmp_path: Path, engine: str) -> None:
    """Java source and javascript-obfuscator write every character so: no keyword is left as written near the
    escapes, so the line is decoded whatever it holds, as a run of `\\x` escapes is."""
    escaped = "".join(f"\\u{ord(char):04x}" for char in KEY)
    line = f'    static final String K = "{escaped}";'
    found = _scanned(tmp_path, f"final class Keys {{\n{line}\n}}\n", engine)
    assert found == [("asaas-api-key", 2, line.index("\\u0024") + 1, "json")]


@pytest.mark.parametrize("engine", BOTH_ENGINES)
def test_a_key_wrapped_over_a_diffs_added_lines_is_found_at_its_first_piece(tmp_path: Path, engine: str) -> None:
    """A change that wraps a long literal shows its pieces side by side on added lines, each after the diff's `+`
    (the twenty-sixth corpus): the literals are joined as they are without the diff's column."""
    half = len(KEY) // 2
    text = (f"@@ -9,7 +9,10 @@ class AsaasClient:\n-        self.key = \"x\"\n+        self.key = (\n"
            f"+            \"{KEY[:half]}\"\n+        \"{KEY[half:]}\"\n+        )\n")
    assert _scanned(tmp_path, text, engine) == [("asaas-api-key", 4, 15, "concatenation")]


@pytest.mark.parametrize("engine", BOTH_ENGINES)
@pytest.mark.parametrize("case", [case for case in JOINED if "\n" in JOINED[case][1]])
def test_a_key_cut_into_eighteen_literals_one_a_line_is_found_at_its_first_piece(
        tmp_path: Path, engine: str, case: str) -> None:
    """Each line's join holds no keyword of its own: the first one's read joined only the three lines after it,
    so a key in five pieces was found and one in 18 was not, without a word. The join reads on while the last
    line goes on into the next, any count."""
    before, joiner, _, after = JOINED[case]
    size = -(-len(KEY) // 18)
    text = before + joiner.join(KEY[i:i + size] for i in range(0, len(KEY), size)) + after
    found = _scanned(tmp_path, "// config\n" + text + "\n// end\n", engine)
    assert found == [("asaas-api-key", 2, text.index(KEY[:size]) + 1, "concatenation")], case


@pytest.mark.parametrize("engine", BOTH_ENGINES)
def test_a_run_of_hundreds_of_pieces_is_read_in_bounded_spots(tmp_path: Path, engine: str) -> None:
    """A join read on while its lines went on read a run of 400 pieces, one a line, from its first `+` to its end
    (10 KB as one text): a rule's search of it ran out of its time, an error, where main read each `+` a few lines
    on. The join reads on only as far as a key's pieces reach past a `+` of it, and the `+` its spot took are not
    read again: no error, and the key in 18 pieces below is still found whole."""
    before, joiner, _, after = JOINED["lua, `..` ending the line"]
    size = -(-len(KEY) // 18)
    key = before + joiner.join(KEY[i:i + size] for i in range(0, len(KEY), size)) + after
    run = "local label =\n" + '    "iugu_token_part" ..\n' * 400 + '    "end"\n'
    found = _scanned(tmp_path, "-- config\n" + run + key + "\n-- end\n", engine)
    assert found == [("asaas-api-key", 404, key.index(KEY[:size]) + 1, "concatenation")]


@pytest.mark.parametrize("engine", BOTH_ENGINES)
@pytest.mark.parametrize("pieces", [24, 30])
def test_a_key_cut_into_literals_at_a_deep_indent_is_found_at_its_first_piece(
        tmp_path: Path, engine: str, pieces: int) -> None:
    """A join read on 1 KiB of bytes past its `+`: a key in 24 or 30 pieces, each on a line 40 blanks deep, ran past
    that in indentation alone and was lost without a word. The reach counts what the key is made of (no blanks)."""
    size = -(-len(KEY) // pieces)
    indent = "\n" + " " * 40 + '"'
    text = "        asaasKey:" + indent + ('" +' + indent).join(KEY[i:i + size] for i in range(0, len(KEY), size))
    text += '",'
    assert len(text) > 1 << 10
    found = _scanned(tmp_path, "const settings = {\n" + text + "\n};\n", engine)
    assert found == [("asaas-api-key", 3, 42, "concatenation")]
