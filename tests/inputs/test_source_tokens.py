"""Source code split into tokens, and where it is prose: comments in every family, docstrings in
Python's (a string first in a module, or on a line of its own after a header's colon)."""

from __future__ import annotations

import time

from keyaudit.inputs.captures.source_calls import written_calls
from keyaudit.inputs.captures.source_languages import LANGUAGES
from keyaudit.inputs.captures.source_tokens import prose, tokens
from keyaudit.inputs.captures.source_value_kinds import Lit, Pairs, Ref
from keyaudit.inputs.captures.source_values import facts
from keyaudit.model.exchange import UNKNOWN


def _prose(text: str, language: str) -> list[str]:
    return [text[start:end] for start, end in prose(text, LANGUAGES[language])]


def test_comments_and_docstrings_are_prose_and_strings_the_code_uses_are_not() -> None:
    python = ('"""Module: http://a.example"""\nimport x\n\nURL = "http://b.example"  # the old one\n\n'
              'def get(path) -> str:\n    """Fetch http://c.example."""\n    return {"k":\n        "v"}\n\n'
              'class Client(Base):\n    "one line"\n    table = {"a": "b"}\n')
    assert _prose(python, "python") == ['"""Module: http://a.example"""', "# the old one",
                                        '"""Fetch http://c.example."""', '"one line"']
    java = '/**\n * Old: http://a.example\n */\nclass C { String u = "http://b"; } // note\n'
    assert _prose(java, "c") == ["/**\n * Old: http://a.example\n */", "// note"]


def test_a_string_after_a_colon_on_its_own_line_is_no_docstring_where_a_value_or_a_call_holds_it() -> None:
    # a dict's value on the next line, a lambda's body, an argument: the code uses them
    text = 'd = {"url":\n    "http://a.example"}\nf(\n    "http://b.example")\nx = y[1:\n    "s"]\n'
    assert _prose(text, "python") == []
    # `#` starts no comment in the C family: a string after it is code
    assert _prose('#define U "http://a"\n', "c") == []


def test_tokens_are_the_same_with_comments_dropped() -> None:
    found = tokens('a = "x"  # c\nb = r"y"\n', LANGUAGES["python"])
    assert [(t.kind, t.text, t.line) for t in found] == [
        ("name", "a", 0), ("punct", "=", 0), ("string", "x", 0), ("name", "b", 1), ("punct", "=", 1), ("string", "y", 1)]


def _strings(text: str, language: str) -> list[str]:
    return [t.text for t in tokens(text, LANGUAGES[language]) if t.kind == "string"]


def test_each_family_s_literals_have_the_value_its_language_gives_them() -> None:
    # Java's text block and Swift's multi-line string: the opening line break and the common indentation are not
    # the text, nor, in Swift, the break before the closing line
    block = 'String a = """\n    {\n      "k": 1\n    }""";\nString b = """\n    x\n    """;\n'
    assert _strings(block, "c") == ['{\n  "k": 1\n}', "x\n"]
    assert _strings(block, "swift") == ['{\n  "k": 1\n}', "x"]
    # Perl's double quotes expand `@name` as `$name`; its single quotes nothing; Lua's `--` starts a comment
    assert _strings("my $a = \"x@y.com\"; my $b = 'x@y.com'; # 'c'\n", "perl") == [UNKNOWN, "x@y.com"]
    assert _strings('local a = "x" -- "c"\nlocal b = #t\n', "lua") == ["x"]
    # PowerShell: verbatim single quotes with '' doubled, backtick escapes, here-strings whose line breaks at both
    # ends are not their text, and what expands unknown
    powershell = ("$a = 'it''s'\n$b = \"`$aact_x`n\"\n$c = @'\n{\n\"k\": \"$v\"\n}\n'@\n$d = @\"\n$v\n\"@\n"
                  "$e = \"$env:KEY\"\n")
    assert _strings(powershell, "powershell") == ["it's", "$aact_x\n", '{\n"k": "$v"\n}', UNKNOWN, UNKNOWN]


def test_a_slash_starts_a_comment_only_where_the_language_writes_one_so() -> None:
    assert _strings('n = a // 2; u = "x"  # "c"\n', "python") == ["x"]
    assert _strings('n = a // 2; u = "x"\n', "c") == []
    # a PowerShell bare word runs to its blank, `://` and all; one that expands a variable is unknown
    found = tokens("Invoke-RestMethod -Uri https://a.example/x -Method Post\nIwr -Uri https://$h/x -Method Post\n",
                   LANGUAGES["powershell"])
    assert [t.text for t in found if t.kind == "string"] == ["https://a.example/x", "Post", UNKNOWN, "Post"]


def test_a_command_is_a_call_given_labelled_arguments() -> None:
    """PowerShell's `Verb-Noun 'value' -Name value -Switch`, continued over lines by a backtick, is
    read as `Verb-Noun('value', Name = value)`: a bare word a string, a switch left out, `@params`
    the variable splatted, `New-Object T` a `new T()`, a line break the statement's end."""
    text = ("$h = New-Object \"System.Collections.Generic.Dictionary[[String],[String]]\"\n"
            "$r = Invoke-WebRequest 'https://a.example/x' -UseBasicParsing -Method Post `\n  -Headers $h\n"
            "Invoke-RestMethod @params\n")
    assert " ".join(t.text for t in tokens(text, LANGUAGES["powershell"])) == (
        "$h = new System.Collections.Generic.Dictionary ( ) ; $r = Invoke-WebRequest ( https://a.example/x , "
        "Method = Post , Headers = $h ) ; Invoke-RestMethod ( $params )")


def test_the_rarer_literal_syntaxes_have_the_value_their_language_gives_them() -> None:
    # C++'s raw string (its delimiter and parentheses no text); C#'s `@"…"` verbatim, Objective-C's a C string
    assert _strings('auto b = R"x({"k": "v\\n"})x"; auto c = R"({})";\n', "c") == ['{"k": "v\\n"}', "{}"]
    assert _strings('var a = @"x\\n""y""";\n', "c") == ['x\\n"y"']
    assert _strings('NSString *a = @"x\\n\\"y\\"";\n', "objc") == ['x\n"y"']
    # Scala's interpolators: `$name` expands in an interpolated string only
    assert _strings('val a = uri"https://a.example/x"\nval b = s"id=$id"\nval c = "$aact_x"\n', "scala") == [
        "https://a.example/x", UNKNOWN, "$aact_x"]
    # Elixir's sigils (`~S` raw, `~s` with escapes and `#{…}` expanding, brackets nested) and Ruby's `%q`
    assert _strings('a = ~s({"k": "v\\n"})\nb = ~S(x\\n)\nc = ~s(#{x})\nd = ~s[a[b]c]\n', "ruby") == [
        '{"k": "v\n"}', "x\\n", UNKNOWN, "a[b]c"]
    assert _strings("a = %q(it's)\n", "ruby") == ["it's"]


def test_the_comments_and_quotes_of_julia_haskell_and_lisp() -> None:
    assert _strings('a = "x" # "c"\n#= "d"\n=# b = "y"\n', "julia") == ["x", "y"]
    # Haskell's `{- … -}` and `--`; a prime in a name opens no string
    assert _strings('{-# LANGUAGE OverloadedStrings #-}\nf\' = foldl\' g "x" -- "c"\n', "haskell") == ["x"]
    # Lisp's `;` comment; its `'` quotes a form; its names hold `-` and `/`
    found = tokens("(require '[clj-http.client :as client]) ; \"c\"\n(client/post \"x\")\n", LANGUAGES["lisp"])
    assert [t.text for t in found if t.kind != "punct"] == ["require", "clj-http.client", "as", "client",
                                                             "client/post", "x"]


def test_slashes_where_they_start_no_comment_cost_a_pass_over_the_text() -> None:
    """Where `//` and `/* */` are operators (Python, PowerShell), a comment was tried at each slash and thrown away:
    an unclosed `/*` was read to the text's end each time (100 KB of `x = 1 /* /* …` took ~19 s, a PowerShell
    script of paths with `/*` globs seconds). None is tried there now."""
    text = 'URL = "http://api.iugu.com/v1/charges"\n' + "x = 1 /* /* /* /* /* /* /* /* /* /* /*\n" * 2500
    started = time.process_time()
    found = tokens(text, LANGUAGES["python"])
    assert (found[2].text, time.process_time() - started < 2) == ("http://api.iugu.com/v1/charges", True)


def test_the_literal_syntaxes_of_csharp_php_vb_and_pascal_have_their_values() -> None:
    # C#'s raw string: nothing escaped, the break before its closing line no text (Java's text block keeps it)
    raw = 'var a = """\n    {"k": "\\n"}\n    """;\nvar b = """{"k": 1}""";\n'
    assert _strings(raw, "csharp") == ['{"k": "\\n"}', '{"k": 1}']
    # opened by four quotes (its text holds three), closed by four
    assert _strings('var a = """"\n    say """hi"""\n    """";\nvar b = "x";\n', "csharp") == ['say """hi"""', "x"]
    assert _strings(raw, "c")[0] == '{"k": "\n"}\n'
    # PHP's nowdoc (nothing escaped) and heredoc (expanding), the closing line's indentation off each line
    php = ("$a = <<<'JSON'\n    {\"k\": \"$v\\n\"}\n    JSON;\n$b = <<<EOT\n{\"k\": \"$v\"}\nEOT;\n"
           "$c = <<<EOT\nx\\ty\nEOT;\n")
    assert _strings(php, "php") == ['{"k": "$v\\n"}', UNKNOWN, "x\ty"]
    # VB: `"` doubled, nothing escaped, `'` a comment, `& vbLf &` a join with a line break, a declared type no name
    vb = 'Dim body As String = "{" & vbLf & """k"":""a\\n""" \' "c"\n'
    assert " ".join(t.text for t in tokens(vb, LANGUAGES["vb"])) == 'Dim body = { + \n + "k":"a\\n"'
    # Pascal: `'` doubled, `#10` a character beside strings, `{…}` a comment
    assert _strings("Body := '{'#10'''k'''#13#10'}'; { 'c' }\n", "pascal") == ["{", "\n", "'k'", "\r", "\n", "}"]
    # ABAP: `'…'` with the quote doubled, a string template `|…|` (its escapes; `{ … }` expands), `&&` a join,
    # `"` a comment, `DATA(name)` the name, a period ending a line a statement's end
    abap = "DATA(b) = |\\{\\n\"k\":1\\}| && 'it''s'. \" 'c'\nDATA(c) = |{ lv_x }|.\n"
    assert " ".join(t.text for t in tokens(abap, LANGUAGES["abap"])) == f'b = {{\n"k":1}} + it\'s ; c = {UNKNOWN} ;'


def test_a_pascal_character_code_too_long_for_a_code_point_is_no_character() -> None:
    """``#`` and 5,000 digits: ``int()`` refuses more than 4,300 digits, and the file was an internal error."""
    found = tokens("S := 'a' + #" + "9" * 5000 + ";\n", LANGUAGES["pascal"])
    assert [t.text for t in found if t.kind == "string"] == ["a"]


def test_a_pascal_character_code_is_decimal_or_hexadecimal_in_ascii_digits() -> None:
    """``#$0A`` is a line feed as ``#10`` is; ``#1²`` (a digit to ``str.isdigit``, none to ``int()``) no character."""
    found = tokens("S := 'a'#$0D#$0a'b' + #1\u00b2;\n", LANGUAGES["pascal"])
    assert [t.text for t in found if t.kind == "string"] == ["a", "\r", "\n", "b"]


def test_a_call_is_chained_only_where_the_token_just_before_it_chains_it() -> None:
    """``.`` or ``->`` just before a call's name chains it on what the call before returns (Laravel's
    ``Http::with([])->post(…)``); a ``.`` two tokens back, a name between (``a().foo bar(…)``), does not."""
    calls = {code: [name for name, _, _ in facts(written_calls(tokens(code, LANGUAGES[family]),
                                                                LANGUAGES[family])).calls]
             for code, family in (('x = a().foo bar("u")\n', "python"), ('$r = Http::with([])->post("u");\n', "php"))}
    assert list(calls.values()) == [["a", "bar"], ["Http::with", ".post"]]


def test_the_literal_syntaxes_of_nim_erlang_zig_and_ocaml_have_their_values() -> None:
    # Nim: `#` and `#[ … ]#` comments, a `"""` block escaping nothing
    assert _strings('let b = """{"k": "\\n"}""" # "c"\n#[ "d" ]#\n', "nim") == ['{"k": "\\n"}']
    # Erlang: `%` a comment, a binary its string, an atom a literal, `mod:fun(…)` one name, a period a statement's end
    erlang = 'B = <<"{\\"k\\":1}">>, % "c"\nhttpc:request(post, {U, [], "t", B}, [], []).\n'
    assert " ".join(t.text for t in tokens(erlang, LANGUAGES["erlang"])) == \
        'B = {"k":1} , httpc.request ( post , { U , [ ] , t , B } , [ ] , [ ] ) ;'
    # Zig: `\\` lines one string (no break after the last), `.{`, `.name` and `.POST` no member access
    zig = 'const b =\n    \\\\{\n    \\\\"k": "\\n"\n    \\\\}\n;\nf(.{ .method = .POST, .x = a.b });\n'
    assert " ".join(t.text for t in tokens(zig, LANGUAGES["zig"])) == \
        'const b = {\n"k": "\\n"\n} ; f ( { method = POST , x = a.b } ) ;'
    # OCaml: `(* … *)` comments, quoted strings `{|…|}` and `{id|…|id}`, labels `~name` (`~name:` before a value)
    ocaml = 'let b = {|{"k": "\\n"}|} (* "c" *) in\nf ~headers ~body:{x|a|}|x} u\n'
    assert " ".join(t.text for t in tokens(ocaml, LANGUAGES["ocaml"])) == \
        'let b = {"k": "\\n"} in f headers a|} u'


def test_a_block_comment_nests_where_its_language_nests_it() -> None:
    """OCaml's ``(* *)``, Nim's ``#[ ]#``, Haskell's ``{- -}`` and Julia's ``#= =#`` nest: code put out of use around
    a comment is out of use to the outer close (read as closing at the inner close, the rest was code, its strings
    a request's); one pass over the marks, however deep or unclosed."""
    for family, opening, close in (("ocaml", "(*", "*)"), ("nim", "#[", "]#"), ("haskell", "{-", "-}"),
                                   ("julia", "#=", "=#")):
        text = f'{opening} off {opening} inner {close}\nf("x")\n{close}\ng("y")\n'
        assert _strings(text, family) == ["y"], family
    started = time.process_time()
    assert _strings('a = "x"\n' + "(* " * 300_000 + "*) " * 299_999 + '"z"\n', "ocaml") == ["x"]
    assert time.process_time() - started < 3


def test_an_ocaml_comment_reads_the_strings_it_holds() -> None:
    """OCaml reads a string in a comment as one: its ``*)`` closes nothing (read as the close, the rest of the
    comment was code and its quote opened a string over the code after it). A quote no later one closes is a quote,
    and one pass over the text still."""
    assert _strings('(* a "*)" b *) "u"\n', "ocaml") == ["u"]
    started = time.process_time()
    assert _strings('(* ' + '"\\"" ' * 300_000 + '*) "u"\n', "ocaml") == ["u"]
    assert _strings('(* "' + "\\" * 300_000 + '*) "u"\n', "ocaml") == []  # the string runs to the quote of "u"
    assert time.process_time() - started < 3


def test_a_character_literal_opens_no_string_and_no_comment() -> None:
    """Erlang's ``$"``, ``$'``, ``$%``, ``$\\n`` and OCaml's and Haskell's ``'"'`` are characters: read as a string's
    opening quote, the quote made the code after it a string up to the next quote (and the strings after it code);
    Erlang's ``$%`` made the rest of its line a comment. A prime ending a name opens no character."""
    text = 'q(S) -> [$", S, $"], [$\', $%, $\\n, $\\"], U = "u".\n'
    assert _strings(text, "erlang") == ['"', '"', "'", "%", "\n", '"', "u"]
    assert _strings("""let q = '"' and r = '\\'' and s = '\\\\' in f x' y' "u"\n""", "ocaml") == ['"', "'", "\\", "u"]
    assert _strings("""f' = foldl' g '"' "x" -- "c"\n""", "haskell") == ['"', "x"]


def test_a_tuple_in_parentheses_is_a_pair_as_a_bracketed_one_is() -> None:
    """Python's and OCaml's ``[("Name", "value")]``: read as its first value, the list held no header's pair."""
    said = facts(tokens('headers = [("Content-Type", "application/json"), ("X-Id", id)]\n', LANGUAGES["python"]))
    assert [(name, value) for name, value, _ in said.bindings][0] == (
        "headers", Pairs((("Content-Type", Lit("application/json")), ("X-Id", Ref("id")))))


def test_the_literal_syntaxes_of_sql_power_query_and_cfml_have_their_values() -> None:
    """SQL: `'…'` with the quote doubled (T-SQL's national `N'…'` a string), `--` a comment, `@name` the name, a
    declaration's type between the name and its value left out (PL/SQL's `:=`, a T-SQL variable's `=`); Power Query
    M: `"…"` with the quote doubled, `#(lf)` escapes, `#"…"` a quoted name; CFML: a string that expands one name
    whole is the name, `<!--- --->` a comment."""
    sql = ("DECLARE @b NVARCHAR(MAX) = N'it''s'; -- 'c'\nl_body VARCHAR2(32767) := '{\n}';\n"
           "SELECT a FROM t WHERE x = 'y';\n")
    assert " ".join(t.text for t in tokens(sql, LANGUAGES["sql"])) == (
        "DECLARE b = it's ; l_body := {\n} ; SELECT a FROM t WHERE x = y ;")
    m = 'let b = "{#(lf)""k"":""#(#)(lf)""}", r = [#"Content-Type" = "x", Signature = "y"] in r\n'
    assert " ".join(t.text for t in tokens(m, LANGUAGES["m"])) == (
        'let b = {\n"k":"#(lf)"} , r = [ Content-Type = x , Signature = y ] in r')
    cfml = '<!--- "c" ---><cfset b = \'{"k": "it\'\'s"}\'><cfhttpparam value="#b#"><x v="a#b#">\n'
    assert [(t.kind, t.text) for t in tokens(cfml, LANGUAGES["cfml"]) if t.kind in ("string", "name")] == [
        ("name", "cfset"), ("name", "b"), ("string", '{"k": "it\'s"}'), ("name", "cfhttpparam"), ("name", "value"),
        ("name", "b"), ("name", "x"), ("name", "v"), ("string", UNKNOWN)]


def test_a_national_string_is_sql_s_alone() -> None:
    """`N'…'` is a string only in SQL; elsewhere `N` is a name, and the string after it is its own: Lua calls a
    function given one string literal with no parentheses (a helper `N` wrapping the body it sends)."""
    lua = "local N = function(s) return s end\nlocal body = N'{\"amount_cents\": 1}'\n"
    assert [(t.kind, t.text) for t in tokens(lua, LANGUAGES["lua"])][-4:] == [
        ("name", "body"), ("punct", "="), ("name", "N"), ("string", '{"amount_cents": 1}')]
    assert [t.text for t in tokens("SET @b = N'x';", LANGUAGES["sql"])] == ["SET", "b", "=", "x", ";"]
