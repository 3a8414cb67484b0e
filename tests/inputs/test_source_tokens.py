"""Source code split into tokens, and where it is prose: comments in every family, docstrings in
Python's (a string first in a module, or on a line of its own after a header's colon)."""

from __future__ import annotations

from keyaudit.inputs.captures.source_tokens import LANGUAGES, prose, tokens


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
