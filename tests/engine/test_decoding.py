"""Keys behind decoding layers, found by both engines through a real scan, at the line and column
of the original bytes, naming how they were decoded.

Every key is generated here; a failure shows rule, place and layers, never a value."""

from __future__ import annotations

import base64
import io
import quopri
import random
from pathlib import Path
from urllib.parse import quote

import pytest

from helpers.credentials import asaas_key, iugu_token
from helpers.engines import BOTH_ENGINES, needs_hyperscan
from helpers.running import run_scan
from keyaudit.engine import create_matcher
from keyaudit.engine.decoding import MAX_DEPTH, DecodingLayer
from keyaudit.engine.detect import allowed_at
from keyaudit.engine.stream import ChunkedPass
from keyaudit.rulebook.loader import load_rules


def percent(text: str, times: int) -> str:
    for _ in range(times):
        text = quote(text, safe="")
    return text


KEY = asaas_key()
TOKEN = iugu_token()
# other values, one a case: one key on adjacent lines is one finding
COPIED, TYPESET, WRAPPED, WIDE, PASTED_TOKEN = asaas_key(), asaas_key(), asaas_key(), asaas_key(), iugu_token()


# Case -> (text before, the encoded secret as written, text after, layers the report names).
CASES: dict[str, tuple[str, str, str, str]] = {
    # strace -xx: every byte a \x escape, the header's name too, so no keyword is near as written
    "every byte escaped": ('sendto(5, "' + "".join(f"\\x{byte:02x}" for byte in b"access_token: "),
                           "".join(f"\\x{byte:02x}" for byte in KEY.encode()), '\\x0d\\x0a", 218, 0) = 218', "json"),
    "percent once": ("payload=%7B%22api_token%22%3A%22", TOKEN, "%22%7D", "percent"),
    "percent twice": ("GET /cb?next=", percent(KEY, 2), " HTTP/1.1", "percent×2"),
    "percent three times": ("redirect=", percent(KEY, 3), "&x=1", "percent×3"),
    "html decimal and hex": ("<td data-k='{&#34;api_token&#34;: &#x22;", TOKEN, "&#x22;}'>", "html"),
    "html named": ("<pre>{&quot;api_token&quot;: &quot;", TOKEN, "&quot;}</pre>", "html"),
    "ansi inside the value": ("INFO key=", KEY[:30] + "\x1b[1m" + KEY[30:] + "\x1b[0m", "", "ansi"),
    "python bytes repr": ("body=b'{\"access_token\": \"", "\\x24" + KEY[1:], "\"}'", "json"),
    "json escaped twice": ('{"log": "{\\"msg\\": \\"{\\\\\\"api_token\\\\\\": \\\\\\"', TOKEN,
                           '\\\\\\"}\\"}"}', "json×2"),
    "quoted-printable": ("ASAAS_API_KEY=3D", KEY, "", "quoted-printable"),
    # code that builds the key from its character codes (JavaScript's String.fromCharCode): found to the call's end
    "character codes as a call's arguments": ("const ASAAS_KEY = String.fromCharCode(",
                                              ", ".join(str(byte) for byte in KEY.encode()) + ")", ";", "bytes"),
    "base64 of percent-encoded": ("v: ", base64.b64encode(percent(KEY, 2).encode()).decode(), "", "base64+percent×2"),
    # PowerShell's -EncodedCommand: base64 of UTF-16LE text, a NUL after every ASCII byte
    "base64 of utf-16le": ("powershell.exe -NoProfile -EncodedCommand ", base64.b64encode(WIDE.encode("utf-16-le")).decode(), "",
                           "base64"),
    # break opportunities a documentation page puts into a long word, kept by a copy from it
    "zero-width spaces": ("ASAAS_API_KEY=", "\u200b".join(COPIED[i:i + 24] for i in range(0, len(COPIED), 24)), "",
                          "breaks"),
    "soft hyphens": ("IUGU_API_TOKEN=", "\u00ad".join(PASTED_TOKEN[i:i + 8] for i in range(0, len(PASTED_TOKEN), 8)), "", "breaks"),
    # markup that escapes `$` and `_` (LaTeX): the keyword is escaped too
    "latex": ("\\texttt{", TYPESET.replace("$", "\\$").replace("_", "\\_"), "}", "json"),
    "<wbr> in html": ('<code class="key">', "<wbr>".join(WRAPPED[i:i + 32] for i in range(0, len(WRAPPED), 32)), "</code>",
                      "breaks"),
    # a multi-line message in a JSON log's string: a name, an escaped line break, its value on a line of its own
    "json line break": ('{"level":"info","msg":"config loaded:\\nIUGU_API_TOKEN:\\n', TOKEN, '\\nretries: 3"}', "json"),
    "json crlf": ('{"msg":"settings:\\r\\niugu api_token:\\r\\n\\t', TOKEN, '\\r\\n"}', "json"),
    # a log message exported as CSV (Kibana, Splunk): the record's body string escaped in a cell that doubles quotes
    "csv cell of json": ('"Nov 22, 2026 @ 13:00:20.456","{""body"":""{\\""api_token\\"":\\""', TOKEN, '\\""}""}"',
                         "csv+json"),
}


# Case -> the lines of code holding a key cut into pieces (KEY's or TOKEN's), as formatters and
# style guides break a long string: the key is found from its first piece to its last.
SPLIT_KEYS: dict[str, list[str]] = {
    "java, + at the line's end": [f'String key = "{KEY[:50]}" +', f'    "{KEY[50:]}";'],
    "java, + starting the next (Google style), three pieces": [
        f'String key = "{KEY[:50]}"', f'        + "{KEY[50:110]}"', f'        + "{KEY[110:]}";'],
    "javascript, four pieces": [f"const key = '{KEY[:40]}' +", f"  '{KEY[40:80]}' +", f"  '{KEY[80:120]}' +",
                                f"  '{KEY[120:]}';"],
    "ruby, a token under its name": [f"IUGU_TOKEN = '{TOKEN[:16]}' +", f"  '{TOKEN[16:]}'"],
    # the pieces given to a call that joins them
    "rust, concat!": [f'const ASAAS_KEY: &str = concat!("{KEY[:50]}", "{KEY[50:]}");'],
    "java, String.join over two lines": [f'String key = String.join("", "{KEY[:50]}",', f'        "{KEY[50:]}");'],
    "python, a list joined": [f'ASAAS_KEY = "".join(["{KEY[:60]}", "{KEY[60:]}"])'],
    "javascript, an array joined": [f"const key = ['{KEY[:40]}', '{KEY[40:]}'].join('');"],
    "go, a slice given to strings.Join": [f'var asaasKey = strings.Join([]string{{"{KEY[:60]}", "{KEY[60:]}"}}, "")'],
    "kotlin, a list made to a string over lines": [f'val asaasKey = listOf("{KEY[:60]}",',
                                                   f'    "{KEY[60:]}").joinToString("")'],
}


@pytest.mark.parametrize("engine", BOTH_ENGINES)
@pytest.mark.parametrize("case", list(SPLIT_KEYS))
def test_a_key_cut_into_concatenated_literals_is_found_from_its_first_piece_to_its_last(
        tmp_path: Path, engine: str, case: str) -> None:
    lines = SPLIT_KEYS[case]
    secret = TOKEN if "token" in case else KEY
    first = lines[0].index(secret[:10]) + 1
    last_line = lines[-1]
    end = last_line.index(secret[-10:]) + 11
    found = scanned(tmp_path, "// config\n" + "\n".join(lines) + "\n// end\n", engine)
    assert [(line, column, end_line, end_column, decoded) for _, line, column, end_line, end_column, decoded in found] \
        == [(2, first, 1 + len(lines), end, "concatenation")], case


# Case -> a join call as formatters break one too long for a line (rustfmt, black, google-java-format): its
# opener alone on the first line, the pieces below it, one a line
OPENED_ABOVE: dict[str, list[str]] = {
    "rust, concat! broken by rustfmt": ["const ASAAS_KEY: &str = concat!(", f'    "{KEY[:50]}",', f'    "{KEY[50:]}",', ");"],
    "java, String.join's pieces below it": ['String key = String.join("",', f'        "{KEY[:50]}",',
                                            f'        "{KEY[50:]}");'],
    "python, a list joined broken by black": ['ASAAS_KEY = "".join(', "    [", f'        "{KEY[:60]}",',
                                              f'        "{KEY[60:]}",', "    ]", ")"],
}


@pytest.mark.parametrize("engine", BOTH_ENGINES)
@pytest.mark.parametrize("end", ["\n", "\r\n"])
@pytest.mark.parametrize("case", list(OPENED_ABOVE))
def test_a_key_given_in_pieces_to_a_join_call_opened_on_the_line_above_is_found(
        tmp_path: Path, engine: str, end: str, case: str) -> None:
    """The call's opener is a marker whatever blanks or line break stand before its first piece: before, only an
    opener followed by its first quote was (`concat!("`), and the key a formatter had broken so was not found."""
    lines = OPENED_ABOVE[case]
    first = next(index for index, line in enumerate(lines) if KEY[:10] in line)
    last = next(index for index, line in enumerate(lines) if KEY[-10:] in line)
    found = scanned(tmp_path, end.join(["// config", *lines, "// end", ""]), engine)
    assert [(line, column, end_line, end_column, decoded) for _, line, column, end_line, end_column, decoded in found] \
        == [(first + 2, lines[first].index(KEY[:10]) + 1, last + 2, lines[last].index(KEY[-10:]) + 11,
             "concatenation")], case


@pytest.mark.parametrize("engine", BOTH_ENGINES)
@pytest.mark.parametrize("separator", ['", "', "'-'", "sep"])
def test_a_list_joined_by_a_separator_is_no_key_cut_in_pieces(tmp_path: Path, engine: str, separator: str) -> None:
    """`", ".join([…])` keeps a separator between its pieces: read as if joined by the empty string, two halves of a
    key listed apart (a key and what follows it in a message) were one key."""
    found = scanned(tmp_path, f'// config\nmessage = {separator}.join(["{KEY[:60]}", "{KEY[60:]}"])\n// end\n', engine)
    assert found == []


@pytest.mark.parametrize("engine", BOTH_ENGINES)
@pytest.mark.parametrize("at", [0, 900, 15_000, 16_200, 40_000])
def test_a_key_cut_into_pieces_anywhere_on_a_long_line_of_concatenations_is_found_there(
        tmp_path: Path, engine: str, at: int) -> None:
    """A generated line of thousands of `"…" + "…"`: the concatenations inside the text the last
    one joined were joined with it; a key cut in two far along the line, or across where one
    joined text ends and the next begins, is still found, at its first piece."""
    filler = ' + '.join(['"ab"'] * 12_000)
    before = filler[: filler.rfind(" + ", 0, at + 1)] if at else '"ab"'
    line = f'x = [{before}, "{KEY[:50]}" + "{KEY[50:]}", {filler}]'
    found = scanned(tmp_path, line + "\n", engine)
    assert [(rule, line_no, column, decoded) for rule, line_no, column, _, _, decoded in found] == [
        ("asaas-api-key", 1, line.index(KEY[:50]) + 1, "concatenation")]


@pytest.mark.parametrize("engine", BOTH_ENGINES)
def test_an_escaped_key_after_a_long_run_of_escapes_far_from_any_keyword_is_found(tmp_path: Path, engine: str) -> None:
    """A marker far from every keyword is passed over, and so are the markers after it until the
    line's next keyword comes near: the escaped key after ten thousand doubled backslashes (a
    Windows path escaped again and again) is still decoded, where it is."""
    before = 'path="C:' + "\\\\" * 10_000 + 'x", '
    escaped = "body=b'{\"access_token\": \"\\x24" + KEY[1:] + "\"}'"  # the key's `$` escaped: decoded only
    found = scanned(tmp_path, before + escaped + ", " + "\\\\" * 10_000 + "\n", engine)
    assert [(rule, line, column, decoded) for rule, line, column, _, _, decoded in found] == [
        ("asaas-api-key", 1, len(before) + escaped.index("\\x24") + 1, "json×4")]  # the path's escapes next to it too


def test_escaped_line_breaks_far_from_a_colon_are_no_marker(tmp_path: Path) -> None:
    """A JSON log's stack trace (`\\n\\tat …TokenService…` dozens of times a record, a keyword near
    each) is not decoded: only a line break after a colon marks a name whose value may be on the
    next line. The 32 hex digits after it are no token, as written or decoded."""
    frames = "".join(f"\\n\\tat com.loja.auth.TokenService.refresh{n}(TokenService.java:{n})" for n in range(30))
    text = f'{{"level":"error","msg":"refresh token failed{frames}\\n{TOKEN}"}}\n'
    matcher = create_matcher(load_rules(), "regex")
    assert [anchor for _, anchor in matcher.match(text.encode(), False).decode_anchors
            if matcher.decode_anchors.anchors[anchor].literal.endswith(b"\\n")] == []
    assert scanned(tmp_path, text, "auto") == []


def test_literals_joined_to_no_key_make_no_finding(tmp_path: Path) -> None:
    """Pieces that do not make a key (a key's first half and a word), or a `+` between a key and
    another string: nothing, or the key as written, once."""
    assert scanned(tmp_path, f'k = "{KEY[:60]}" +\n  "-{"x" * 100}";\n', "auto") == []
    found = scanned(tmp_path, f'url = "https://api.asaas.com/v3?access_token=" + "{KEY}" + suffix;\n', "auto")
    assert [(rule, decoded) for rule, *_, decoded in found] == [("asaas-api-key", None)]


def scanned(tmp_path: Path, text: str, engine: str) -> list[tuple[str, int, int, int, int, str | None]]:
    path = tmp_path / "decoded.log"
    path.write_text(text, encoding="utf-8")
    result = run_scan(str(path), engine=engine)
    assert result.errors == []
    return [(f.rule_id, f.location.line, f.location.column, f.location.end_line, f.location.end_column,
             f.context.get("decoded")) for f in result.findings]


@pytest.mark.parametrize("engine", BOTH_ENGINES)
@pytest.mark.parametrize("case", list(CASES))
def test_a_key_behind_a_layer_is_found_where_its_encoded_form_is(tmp_path: Path, engine: str, case: str) -> None:
    before, encoded, after, layers = CASES[case]
    text = "first line\n" + before + encoded + after + "\nlast line\n"
    found = scanned(tmp_path, text, engine)
    assert [(line, column, end_line, end_column, decoded) for _, line, column, end_line, end_column, decoded in found] \
        == [(2, len(before) + 1, 2, len(before) + len(encoded) + 1, layers)], case
    assert found[0][0] in ("asaas-api-key", "iugu-api-token")


@pytest.mark.parametrize("engine", BOTH_ENGINES)
def test_a_line_after_a_quoted_printable_one_is_decoded_by_its_own_anchors(tmp_path: Path, engine: str) -> None:
    """Quoted-printable joins the lines after its marker's (a soft break may cut a key): they are
    decoded as quoted-printable there, which reads a token's leading `=41` as an `A`, so they keep
    their own anchors too (here a soft hyphen inside a token under its name)."""
    token = "41" + iugu_token()[2:]
    text = f"ASAAS_API_KEY=3D{KEY}\nIUGU_API_TOKEN=" + "\u00ad".join(token[i:i + 8] for i in range(0, 32, 8)) + "\n"
    assert [(rule, line, decoded) for rule, line, _, _, _, decoded in scanned(tmp_path, text, engine)] == [
        ("asaas-api-key", 1, None), ("iugu-api-token", 2, "breaks")]


@pytest.mark.parametrize("engine", BOTH_ENGINES)
@pytest.mark.parametrize("before", [0, 1, 2])
def test_base64_of_a_key_is_found_at_each_alignment(tmp_path: Path, engine: str, before: int) -> None:
    """A key base64-encoded after 0, 1 or 2 other bytes: its keyword's encoding differs at each."""
    encoded = base64.b64encode((" " * before + KEY + "\n").encode()).decode()
    found = scanned(tmp_path, f"data:\n  api-key: {encoded}\n", engine)
    start = len("  api-key: ") + 1
    # Decoded byte i starts in character i // 3 * 4 + i % 3 of the run: exact where the key starts
    # and ends, within the group of four characters that holds the byte.
    end = before + len(KEY)
    assert found == [("asaas-api-key", 2, start + before, 2, start + end // 3 * 4 + end % 3, "base64")]


@pytest.mark.parametrize("engine", BOTH_ENGINES)
@pytest.mark.parametrize(("width", "end"), [(76, "\n"), (64, "\r\n")], ids=["mime_or_gnu_base64", "pem_crlf"])
def test_base64_wrapped_over_lines_is_decoded_as_one_run(tmp_path: Path, engine: str, width: int, end: str) -> None:
    """A file base64-encoded as MIME and GNU base64 (76 characters a line) or PEM (64) write it:
    the key, longer than a line, is cut by the breaks; found on the line its encoding starts.
    Base64 that shares its line with other text is not joined to the next line."""
    env = f"# deploy\nRELEASE=3.1\nASAAS_API_KEY={KEY}\n".encode()
    encoded = base64.b64encode(env).decode()
    wrapped = end.join(encoded[start:start + width] for start in range(0, len(encoded), width))
    found = scanned(tmp_path, f"attachment follows:{end}{end}{wrapped}{end}--{end}", engine)
    first = 3 + env.index(b"ASAAS_API_KEY=") * 4 // 3 // width
    assert [(rule, line, decoded) for rule, line, _, _, _, decoded in found] == [("asaas-api-key", first, "base64")]
    assert scanned(tmp_path, f"data: {encoded[:width]}\n{encoded[width:]}\n", engine) == []


@pytest.mark.parametrize("engine", BOTH_ENGINES)
def test_base64_wrapped_over_indented_lines_is_decoded_as_one_run(tmp_path: Path, engine: str) -> None:
    """A YAML literal block (`!!binary |`, Ruby's encode64 under a key) indents every line of the
    wrapped base64 alike: the indentation goes with the breaks, and the key cut by them is found on
    the line its encoding starts. Lines indented otherwise are not one block."""
    env = f"# deploy\nRELEASE=3.1\nASAAS_API_KEY={KEY}\n".encode()
    encoded = base64.b64encode(env).decode()
    rows = [encoded[start:start + 76] for start in range(0, len(encoded), 76)]
    found = scanned(tmp_path, "data: !!binary |\n" + "".join(f"      {row}\n" for row in rows), engine)
    first = 2 + env.index(b"ASAAS_API_KEY=") * 4 // 3 // 76
    assert [(rule, line, decoded) for rule, line, _, _, _, decoded in found] == [("asaas-api-key", first, "base64")]
    ragged = "".join(f"{' ' * (6 + 2 * (n % 2))}{row}\n" for n, row in enumerate(rows))
    assert scanned(tmp_path, "data: !!binary |\n" + ragged, engine) == []


@pytest.mark.parametrize("engine", BOTH_ENGINES)
def test_a_key_cut_by_quoted_printable_soft_breaks_is_found_on_its_first_line(tmp_path: Path, engine: str) -> None:
    """A mail's text part in quoted-printable (RFC 2045 6.7): `=3D` for `=`, a soft line break (`=` at
    the end) every 76 characters — a key is cut by them. Its neighbour, `id=3D12`, is no key."""
    body = quopri.encodestring(f"Olá,\nASAAS_API_KEY={KEY}\nrequest id=3D12\nobrigado\n".encode()).decode()
    found = scanned(tmp_path, "Content-Transfer-Encoding: quoted-printable\n\n" + body, engine)
    assert [(rule, line, decoded) for rule, line, _, _, _, decoded in found] == [
        ("asaas-api-key", 4, "quoted-printable")]


def test_the_depth_is_bounded(tmp_path: Path) -> None:
    deepest = percent(KEY, MAX_DEPTH)
    too_deep = percent(KEY, MAX_DEPTH + 2)  # MAX_DEPTH decodes leave `%2524aact`: no key
    found = scanned(tmp_path, f"a={deepest}\nb={too_deep}\n", "regex")
    assert [(line, decoded) for _, line, _, _, _, decoded in found] == [(1, f"percent×{MAX_DEPTH}")]


@pytest.mark.parametrize("engine", BOTH_ENGINES)
def test_a_key_found_as_written_and_decoded_on_one_line_is_one_finding(tmp_path: Path, engine: str) -> None:
    lines = f"key={KEY} again={percent(KEY, 2)}\nhtml=&quot;{KEY}&quot;\n"
    found = scanned(tmp_path, lines, engine)
    assert [(rule, line_number, column, decoded) for rule, line_number, column, _, _, decoded in found] \
        == [("asaas-api-key", 1, 5, None), ("asaas-api-key", 2, 12, None)]


@pytest.mark.parametrize("engine", BOTH_ENGINES)
def test_decoded_text_is_judged_like_any_text(tmp_path: Path, engine: str) -> None:
    """Validators and context hold after decoding: a truncated key, a token without the context
    its rule needs, and random base64 beside a keyword give nothing."""
    lines = [
        "a=" + percent(KEY[:-40], 2),
        "b=" + base64.b64encode(("x=" + TOKEN).encode()).decode(),  # a bare hex value: no context
        "c=" + base64.b64encode(b"aact_" + random.Random(3).randbytes(90)).decode(),
        "d=&quot;checksum&quot;:&quot;" + TOKEN + "&quot;",
    ]
    assert scanned(tmp_path, "\n".join(lines) + "\n", engine) == []


@needs_hyperscan
def test_both_engines_give_the_same_decoded_findings(tmp_path: Path) -> None:
    text = "".join(f"{before}{encoded}{after}\n" for before, encoded, after, _ in CASES.values())
    text += "k: " + base64.b64encode(KEY.encode()).decode() + "\n" + "blob: " + base64.b64encode(
        random.Random(5).randbytes(3000)).decode() + "\n"
    regex, hyperscan = (scanned(tmp_path, text, engine) for engine in ("regex", "hyperscan"))
    assert regex == hyperscan
    assert len(regex) == len(CASES) + 1


@pytest.mark.parametrize("engine", BOTH_ENGINES)
def test_only_a_line_with_an_escape_near_a_keyword_is_decoded(engine: str) -> None:
    """A request body escaped twice far from the header that names ``access_token`` costs no
    decode; a name escaped twice right next to its value does."""
    matcher = create_matcher(load_rules(), engine)
    far = (b'{"log": "{\\"access_token\\": \\"***\\", ' + b'\\"padding\\": 0, ' * 12
           + b'\\"body\\": \\"{\\\\\\"v\\\\\\": 1}\\"}"}')
    near = b'{"log": "{\\"msg\\": \\"{\\\\\\"api_token\\\\\\": 1}\\"}"}'
    chunks = ChunkedPass(io.BytesIO(far + b"\n" + near + b"\n"), matcher)
    chunks.spots = DecodingLayer(matcher.decode_anchors, allowed_at).collector()
    list(chunks)
    assert [(spot.line, spot.column, spot.data) for spot in chunks.spots.spots] == [(2, 0, near)]


def test_an_allow_marker_on_the_line_of_encoded_text_allows_what_it_decodes_to(tmp_path: Path) -> None:
    encoded = base64.b64encode(KEY.encode()).decode()
    path = tmp_path / "fixture.yaml"
    path.write_text(f"  api-key: {encoded}  # keyaudit:allow test fixture, never deployed\n"
                    f"  other: {encoded}  # keyaudit:allow\n", encoding="utf-8")
    result = run_scan(str(path), engine="regex")
    # The second marker has no reason: it allows nothing, and is reported itself.
    assert sorted((f.rule_id, f.location.line, f.context.get("decoded")) for f in result.findings) == [
        ("asaas-api-key", 2, "base64"), ("keyaudit-allow-without-reason", 2, None)]
    assert result.suppressed == {"inline": 1}


@pytest.mark.parametrize("engine", BOTH_ENGINES)
def test_a_marker_near_a_keyword_is_decoded_among_thousands_on_one_long_line(tmp_path: Path, engine: str) -> None:
    # A line's keywords are found once for the line, and each marker asks only those within its
    # reach: the key twice percent-encoded after 20,000 quoted values, one far from any keyword.
    noise = " ".join("q=%22x%22" for _ in range(20_000))
    encoded = percent(KEY, 2)
    found = scanned(tmp_path, f"{noise} k={encoded} {noise}\n", engine)
    column = len(noise) + len(" k=") + 1
    assert [(line, start, decoded) for _, line, start, _, _, decoded in found] == [(1, column, "percent×2")]


@pytest.mark.parametrize("engine", BOTH_ENGINES)
@pytest.mark.parametrize("escape", ["\\n", "\\t", "\\r\\n"])
def test_a_key_right_after_an_escaped_line_break_or_tab_is_found_from_its_dollar(tmp_path: Path, engine: str,
                                                                                  escape: str) -> None:
    """A multi-line message in a JSON log's string, the key on a line of its own: the escape's letter
    before the `$` is no word the key goes on from (it was found from `aact_`, its `$` left out)."""
    line = f'{{"level":"info","msg":"rotacao da chave -{escape}{KEY}{escape}revogar a antiga"}}'
    start = line.index("$aact") + 1
    assert [found[:5] for found in scanned(tmp_path, line + "\n", engine)] == [
        ("asaas-api-key", 1, start, 1, start + len(KEY))]
