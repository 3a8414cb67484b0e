"""Maps pretty-printed the way Python's ``pprint`` and Ruby's ``pp`` print what does not fit a
line: the first line opens the map and goes on with its first entry, each next entry on a line
of its own, indented under it, the last line closing it; a long string broken into pieces, one a
line (pprint). The four money-out requests of :mod:`helpers.signed_shapes` logged so are judged
as every other shape; then the reading's own cases.

pprint's layout is Python's own (``pprint.pformat``, keys sorted, 80 columns); Ruby's follows
``PP`` (``lib/pp.rb``: ``group(1, '{', '}')``, each pair ``key=>value``, a value that does not
fit on the next line, one column further in than its key; Ruby 3.4 writes ``key: value`` for a
symbol key).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from pprint import pformat

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.running import scan_json
from helpers.signed_shapes import Request, check_shape
from keyaudit.inputs.captures import json_blocks
from keyaudit.inputs.captures.literals import MAX_DEPTH
from keyaudit.inputs.captures.open_brackets import OpenBrackets
from keyaudit.inputs.captures.record_starts import record_start
from keyaudit.inputs.text_requests import exchanges_in_lines

WIDTH = 79


def _request(request: Request) -> dict[str, object]:
    return {"method": request.method, "url": request.url, "headers": dict(request.headers), "body": request.body}


def _ruby(value: object, indent: int = 0, new_style: bool = False) -> str:
    """``value.pretty_inspect`` as Ruby's PP writes a hash of strings (symbols for the outer keys)."""
    if not isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False).replace("#{", "\\#{")
    outer = indent == 0

    def pair(key: str, item: object, at: int) -> str:
        name = (f"{key}: " if new_style else f":{key}=>") if outer else \
            f"{json.dumps(key)}{' => ' if new_style else '=>'}"
        flat = name + _ruby(item, at + 2, new_style)
        if at + len(flat) <= WIDTH or "\n" in flat:
            return flat
        return name.rstrip() + "\n" + " " * (at + 1) + _ruby(item, at + 1, new_style)

    flat = "{" + ", ".join(pair(key, item, indent + 1) for key, item in value.items()) + "}"
    if indent + len(flat) <= WIDTH and "\n" not in flat:
        return flat
    return "{" + (",\n" + " " * (indent + 1)).join(pair(key, item, indent + 1) for key, item in value.items()) + "}"


def python_logging_pformat(request: Request) -> list[str]:
    # logging's default format through a formatter "%(asctime)s %(levelname)s %(name)s: %(message)s", the
    # message `"iugu request: %s", pformat(kwargs)` — its first line after the prefix, the rest as pprint wrote it.
    return f"2026-11-22 13:00:00,123 DEBUG payouts.iugu: iugu request: {pformat(_request(request))}".split("\n")


def python_pformat_nested(request: Request) -> list[str]:
    # The same with the call kept under a key, in 60 columns (a narrower pformat(width=60)): the request
    # map opens inside the outer one's first line.
    printed = pformat({"attempt": 1, "request": _request(request)}, width=60)
    return ["2026-11-22 13:00:00,123 DEBUG payouts.iugu: calling iugu", *printed.split("\n")]


def ruby_logger_pp(request: Request) -> list[str]:
    # Ruby's Logger (its default format "D, [<time> #<pid>] DEBUG -- <progname>: <message>") given
    # `request.pretty_inspect`.
    return f"D, [2026-11-22T13:00:00.123456 #4321] DEBUG -- payouts: {_ruby(_request(request))}".split("\n")


def ruby_34_pp(request: Request) -> list[str]:
    # The same from Ruby 3.4, whose inspect writes `key: value` for a symbol key and `"k" => v` for others.
    return f"D, [2026-11-22T13:00:00.123456 #4321] DEBUG -- : {_ruby(_request(request), new_style=True)}".split("\n")


@pytest.mark.parametrize("shape", [python_logging_pformat, python_pformat_nested, ruby_logger_pp, ruby_34_pp])
def test_a_pretty_printed_request_map_gives_the_same_request_findings(shape, tmp_path: Path) -> None:
    check_shape(shape, tmp_path)


def test_a_python_source_file_holds_code_not_a_printed_map(tmp_path: Path) -> None:
    source = tmp_path / "client.py"
    source.write_text("ARGS = " + pformat({"method": "POST", "url": "https://api.iugu.com/v1/transfers",
                                           "headers": {"Content-Type": "application/json"}, "body": "x" * 90}) + "\n")
    report, _ = scan_json(str(source))
    assert report["scan"]["requests"].get("requests_judged", 0) == 0, report["scan"]["requests"]


def test_a_hanging_bracket_is_the_outermost_one_a_line_leaves_open() -> None:
    hanging = OpenBrackets().hanging
    assert hanging("DEBUG (worker 3) request: {'body': '{(', 'a': [1,") == len("DEBUG (worker 3) request: ")
    assert hanging('{"method": "POST", "url": "https://api.iugu.com/v1/x"}') is None  # a record on one line
    assert hanging("it's {not} a map (see below") == len("it's {not} a map ")
    assert hanging("a closer ) that closes nothing") is None


def test_a_printed_map_ends_on_the_line_that_closes_its_brackets() -> None:
    lines = ["x: {'a': '}',", " 'b': {'c': 1,", "       'd': ']'}}", "next line {"]
    assert OpenBrackets().closing(lines) == 2
    assert OpenBrackets().closing(lines[:2]) is None  # never closed among the lines


# the definition, as the readers applied it token by token before each line's brackets were read once: a quoted
# string on one line, or a bracket (Ruby's object's `#<` and its `>`, not the `>` of `=>` or `->`)
_TOKEN = re.compile(r""""(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|[][{}()]|#<|(?<![=-])>""")
_PAIRS = {"}": "{", "]": "[", ")": "(", ">": "#<"}


def _left_open(text: str, opened: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Every bracket outside a one-line string, in order, a closer taking the last one open if
    it matches it."""
    for token in _TOKEN.finditer(text):
        bracket = token.group()
        if bracket in _PAIRS:
            if opened and opened[-1][1] == _PAIRS[bracket]:
                opened.pop()
        elif len(bracket) == 1 or bracket == "#<":
            opened.append((token.start(), bracket))
    return opened


def _hanging_token_by_token(text: str) -> int | None:
    ruby = "#<" in text
    closed = sum(map(text.count, "}])")) + (text.count(">") - text.count("=>") if ruby else 0)
    if sum(map(text.count, "{[(")) + (text.count("#<") if ruby else 0) <= closed:
        return None  # the count at C speed that passes most lines over
    opened = _left_open(text, [])
    return opened[0][0] if opened else None


def _closing_token_by_token(lines: list[str], start: int) -> int | None:
    opened = _left_open(lines[0][start:], [])
    for index, text in enumerate(lines[1:], 1):
        if not opened:
            return index - 1
        if len(opened) > MAX_DEPTH:
            return None
        opened = _left_open(text, opened)
    return len(lines) - 1 if not opened else None


def test_ruby_objects_hang_and_close_by_their_angle_brackets() -> None:
    brackets = OpenBrackets()
    lines = ["request: #<Faraday::Env", '  @method=:post @body="->" @headers={"A"=>"b"},', "  @url=#<URI::HTTPS x>",
             "  @status=201>", "after"]
    assert brackets.hanging(lines[0]) == len("request: ")
    assert brackets.closing(lines) == 3
    assert brackets.closing(lines[:3]) is None
    assert brackets.hanging("a => b -> c {") == len("a => b -> c ")


_PIECES = ["{", "}", "[", "]", "(", ")", "#<", ">", "=>", "->", "'", '"', "\\", " ", "x"]


@settings(max_examples=400, deadline=None, database=None)
@given(st.lists(st.lists(st.sampled_from(_PIECES), max_size=8).map("".join), min_size=1, max_size=40))
def test_a_map_followed_by_each_lines_brackets_read_once_closes_where_its_brackets_do(lines: list[str]) -> None:
    lines = ["x({" + lines[0], *lines[1:]]
    brackets = OpenBrackets()
    for start in range(len(lines)):  # as the reader tries a map from every line of a window
        hanging = brackets.hanging(lines[start])
        assert hanging == _hanging_token_by_token(lines[start])
        if hanging is not None:
            assert brackets.closing(lines[start:]) == _closing_token_by_token(lines[start:], hanging)
    assert len(brackets) <= len(set(lines))  # each line's brackets read once, however many maps pass over it


def test_prose_that_leaves_a_bracket_open_is_no_record() -> None:
    lines = list(enumerate(["INFO retrying (attempt 2 of 5", "  POST https://api.iugu.com/v1/transfers",
                            "INFO gave up)"], 1))
    assert list(json_blocks.exchanges(lines, [2], "app.log")) == []


def test_a_clojure_map_pprinted_over_lines_is_read_from_any_of_its_entries(tmp_path: Path) -> None:
    # EDN entries carry no separator (`:uri "/v1/…",`): the anchored entry is a member of the map around it
    entries = [':scheme :https,', ' :server-name "api.iugu.com",', ' :uri "/v1/transfer_requests",',
               ' :request-method :post,', ' :headers {"Content-Type" "application/json"},', ' :body "{}"}']
    (tmp_path / "app.log").write_text("\n".join(["sending", "{" + entries[0], *entries[1:]]) + "\n")
    report, _ = scan_json(str(tmp_path / "app.log"))
    assert [f["rule_id"] for f in report["findings"] if f["context"].get("method")] == ["iugu-unsigned-transfer"]
    (tmp_path / "app.log").write_text("\n".join(["sending", "{" + entries[0], *entries[1:3], ' :note "retry"}']) + "\n")
    report, _ = scan_json(str(tmp_path / "app.log"))  # no method: no request
    assert report["scan"]["requests"] == {}



def test_pairs_inside_a_record_that_hangs_over_the_lines_below_are_read_with_its_last_lines() -> None:
    # Armeria's request log, its body over lines: the first line's pairs (`:method=`, a logfmt reader's marker) are
    # the record's, which ends lines below; read alone, the body would be the `{` the line ends with
    lines = ["13:00:00.123 [worker-1] DEBUG c.l.a.client.logging.LoggingClient - {startTime=2026-11-22T13:00:00.100Z"
             "(1795352400100000), scheme=none+h2, name=POST, headers=[:method=POST, :path=/v1/transfer_requests, "
             ":scheme=https, :authority=api.iugu.com, content-type=application/json], contentPreview={",
             '"amount_cents":1050,', '"transfer_type":"pix"', "}}"]
    found, = exchanges_in_lines(list(enumerate(lines, 1)), "client.log")
    assert (found.method, found.url, found.body, found.origin.line) == (
        "POST", "https://api.iugu.com/v1/transfer_requests", '{\n"amount_cents":1050,\n"transfer_type":"pix"\n}'.encode(), 1)


def test_a_line_that_closes_a_map_hanging_above_is_read_with_the_map_from_its_first_line() -> None:
    # Spring's GenericMessage over lines: the body's lines at the margin, the URL only on the line that closes the map
    lines = ["12:00:00.100  INFO 1 --- [main] o.s.i.h.LoggingHandler : GenericMessage [payload={",
             '"amount_cents":1050',
             "}, headers={http_requestMethod=POST, http_requestUrl=https://api.iugu.com/v1/transfer_requests, id=1}]"]
    found, = exchanges_in_lines(list(enumerate(lines, 1)), "app.log")
    assert (found.method, found.body, found.origin.line) == ("POST", b'{\n"amount_cents":1050\n}', 1)
    numbered = list(enumerate(lines, 1))
    assert OpenBrackets().opening_above(numbered, 2, 10) == 0
    assert OpenBrackets().opening_above(numbered, 1, 10) is None  # a line that closes nothing
    assert OpenBrackets().opening_above(list(enumerate(["INFO a (b [c", "d) e"], 1)), 1, 10) is None  # not its `[`


def test_a_type_name_a_blank_before_its_fields_bracket_starts_the_record() -> None:
    # Eclipse's generated toString, `Name [field=value, …]`; a log prefix's `INFO [main]` names no field: no record
    text = "INFO [main] GenericMessage [payload=x, headers={id=1}]"
    assert record_start(text, text.rindex(" [") + 1) == text.index("GenericMessage")
    assert record_start(text, text.index("[")) is None


def test_a_line_of_a_map_printed_over_lines_is_a_part_of_the_request_the_map_is() -> None:
    # Camel's multiline exchange: its `Headers: {…}` line names the method and URL, a request on its own as the reader
    # of one-line records reads it; the exchange, read whole, shows the body too, and is the one request
    lines = ["12:00:00.100  INFO 1 --- [main] payouts : Exchange[", "  RouteId: payouts",
             "  Headers: {CamelHttpMethod=POST, CamelHttpUri=https://api.iugu.com/v1/transfer_requests}",
             "  BodyType: String", "  Body: {", '"amount_cents":1050', "}]"]
    found, = exchanges_in_lines(list(enumerate(lines, 1)), "app.log")
    assert (found.method, found.body, found.origin.line) == ("POST", b'{\n"amount_cents":1050\n}', 1)
