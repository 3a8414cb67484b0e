"""A set of marks answers, in one pass, what a look for each mark in turn answers: the readers of
windows run on what it says, so a mark it missed would be a request no reader read."""

from __future__ import annotations

import re
import threading

from hypothesis import given, settings, strategies as st

from keyaudit.engine.marks import MarkSet
from keyaudit.inputs.captures import envelopes, sql_records, text_tables, toml_records, yaml_records

MARKS = {"sql": sql_records.MARKS, "tables": text_tables.MARKS, "yaml": yaml_records.MARKS, "toml": toml_records.MARKS,
         **envelopes.MARKS,
         "spaced": (re.compile(r"a  b # two blanks", re.X),),  # a flag Hyperscan has not: looked for by re
         "caseless": (re.compile(r"^select +1", re.I | re.M),),
         "bounded": (re.compile(r"\bHTTP/2\b"),),  # Hyperscan refuses \b over Unicode: looked for by re
         "surrogate": ("\ud800x", re.compile("\udc80y"))}  # forms no UTF-8 holds: looked for by re
SET = MarkSet(MARKS)


def looked_for_in_turn(text: str) -> set[str]:
    """Each mark looked for on its own: what the readers asked before the set answered for them."""
    return {name for name, forms in MARKS.items()
            if any(form in text if isinstance(form, str) else form.search(text) for form in forms)}


def test_each_mark_is_told_wherever_it_is_and_none_where_none_is() -> None:
    window = "\n".join(["2026-12-04 INFO ok", "| id | url |", "|----|-----|", "  - post:", "x = INSERT INTO t"])
    assert SET.present(window) == {"tables", "yaml", "sql"}
    assert SET.present("a\nSELECT 1\n╭───╮\nT stdout P piece\n") == {"caseless", "tables", "cri-pieces"}
    assert SET.present("strace: write(3, ...) HTTP/2 \ud800x") == {"traced-calls", "bounded", "surrogate"}
    assert SET.present("we write to the log, send nothing; HTTP/2x") == set()
    assert SET.present("a  b # two blanks") == set()  # verbose: the blanks and the comment are no part of it
    assert SET.present("ab") == {"spaced"}
    assert SET.present("") == set() and SET.present("2026-12-04 INFO nothing here") == set()


def test_a_rule_ending_the_text_or_a_line_of_crlf_ends_is_told_and_a_dash_inside_a_line_is_not() -> None:
    assert "tables" in SET.present("| a | b |\n|---|---|")
    assert "tables" in SET.present("| a | b |\r\n|---|---|\r\n| 1 | 2 |")
    assert "tables" not in SET.present("a -- b\n2026-12-04 - x")


def test_bytes_the_opener_kept_as_surrogates_and_lone_surrogates_do_not_stop_the_look() -> None:
    text = b"\xff\xfe INSERT INTO t VALUES (1)\n".decode("utf-8", "surrogateescape") + "\ud800 ───"
    assert SET.present(text) == {"sql", "tables"}


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["INSERT", "nsert", "ethod", "method: POST", "  req_method: 'get' ", ' method = "',
                                 "- post:", " stdout P ", '"stream"', "--", "-+", "\n", "\r\n", "  ", "| ", "───",
                                 "write(", "send", "a  b", "SELECT", " 1", "x", "y", "é", "\ud800", "\udc80", '"o", "',
                                 "HTTP/2", "_"]),
                max_size=12))
def test_the_set_answers_what_looking_for_each_mark_in_turn_answers(parts: list[str]) -> None:
    text = "".join(parts)
    assert SET.present(text) == looked_for_in_turn(text)


def test_threads_asking_at_once_each_get_their_own_answers() -> None:
    texts = {index: ("INSERT " if index % 2 else "- post:\n") * 2000 + str(index) for index in range(8)}
    answers: dict[int, frozenset[str]] = {}

    def ask(index: int) -> None:
        for _ in range(50):
            answers[index] = SET.present(texts[index])

    threads = [threading.Thread(target=ask, args=(index,)) for index in texts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert answers == {index: frozenset({"sql"} if index % 2 else {"yaml"}) for index in texts}
