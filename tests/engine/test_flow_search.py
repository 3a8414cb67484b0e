"""A flow searched by its parts (the name compiled in only where it could flow) finds what the flow's whole
pattern with the name in finds, at the same place: every shipped flow, for the names written in the rules'
examples and in generated source, settings and logs (Python, JS, Ruby, PHP, Go constants and SDK calls, .env,
YAML, log lines, hex runs), over the whole text, each line and spans cut anywhere, searched plainly and through
a buffer's span search; a name may be part of a longer one (``cfg`` of ``cfg.api_token``), or written twice."""

from __future__ import annotations

import functools
import random
import re

import pytest
import regex

from keyaudit.engine.budget import RuleBudget
from keyaudit.engine.flow_search import FlowSearch
from keyaudit.engine.span_search import SpanSearch
from keyaudit.rulebook.flow_parts import flow_parts
from keyaudit.rulebook.loader import load_rules

_RUN = re.compile(rb"[A-Za-z0-9_$@.\-]+")
_SHAPES = [
    'import iugu\n{n} = "{h}"\nclient = iugu.Iugu({n})\n',
    "const Iugu = require('iugu');\nconst {n} = '{h}';\nconst api = require('iugu')({n});\n",
    "Iugu.api_key = {n}\n{n} = '{h}'\nIugu::Client.new(api_key: {n})\n",
    "<?php\n$this->{n} = '{h}';\ncurl_setopt($ch, CURLOPT_USERPWD, $this->{n} . ':');\n",
    'package main\nconst {n} = "{h}"\nreq.SetBasicAuth({n}, "")\n',
    "{N}={h}\nIUGU_URL=https://api.iugu.com/v1?api_token=${N}\n",
    "iugu:\n  {n}: {h}\nstripe:\n  {n}: {h}\n",
    "2024-05-01 INFO card {n}={h} url=/v1/charge?x=1&{n}={h}\n",
    '{{"gateway": "pagarme", "{n}": "{h}"}}\n{{"provider": "juno", "x": 1, "{n}": "{h}"}}\n',
    '{{"notifier": {{"name": "bugsnag"}}, "{n}": "{h}"}}\n',
    "auth = ({n}, '')\nfetch(`https://api.iugu.com/v1/invoices?api_token=${{{n}}}`)\n{n} + ':'\n",
    "headers = {{'access_token': {n}}}  # asaas\n$headers = array('access_token' => $this->{n});\n",
    "asaas-access-token: {h}\nasaas-access-token={n}\nmd5 of the {n}: {h}\n",
    "iugu.Iugu(cfg.{n}) iugu.Iugu(${n}) iugu.Iugu({n}.x) iugu.Iugu({n}-{n}) iugu.setApiKey({n})\n",
    "2024-05-01T10:00:00Z DEBUG frame hex={h}{h}{h}{h}{h}{h}{h}{h}\n",
    "payment_methods token={h} set_as_default\n{n}: {h}\n",
    "pair({n}, {n}) pair({n}, x) pair(x, {n})\n{n} = iugu\n{n}_id = iugu\nkey=key; {n}\ntoken: x {n}\n",
]
# flows the rules do not ship: a name twice in one branch (both the same name), after a negative lookahead,
# in an atomic group, beside a back reference, alone, before an end of line
MADE = [r"(?i)pair\(\s{0,4}{name}\s{0,4},\s{0,4}{name}\s{0,4}\)|iugu\.{name}\b",
        r"(?i)(?![\w$]{0,40}_id)(?<![\w$.-]){name}\s{0,4}=\s{0,4}iugu", r"(?i)(?>iugu\s{0,4}\(\s{0,4}){name}(?![\w$])",
        r"(?i)\b(\w+)\s{0,4}=\s{0,4}\1\s{0,4};\s{0,4}{name}", r"{name}", r"(?im)token[^\n]{0,20}{name}$"]
_NAMES = ["token", "api_token", "API_TOKEN", "apiKey", "cfg", "iugu_token", "$token", "TOKEN_0001", "a.b",
          "api-key", "access_token", "x", "secret_key", "ASAAS_KEY", "key"]


def _flows() -> list[tuple[str, str]]:
    seen: dict[str, str] = {}
    for rule in load_rules():
        for piece in rule.context.pieces if rule.context else ():
            if piece.flows and piece.scope not in ("path", "name"):
                seen.setdefault(piece.pattern_text, f"{rule.id}/{piece.name}")
    return sorted((where, text) for text, where in seen.items()) + [(f"made-{index}", text)
                                                                    for index, text in enumerate(MADE)]


def _texts() -> list[bytes]:
    texts = [example.encode("utf-8") for rule in load_rules() if rule.context
             and any(piece.flows for piece in rule.context.pieces)
             for example in (*rule.examples, *rule.negative_examples) if isinstance(example, str)]
    chance = random.Random(23)
    for _ in range(30):
        name, digits = chance.choice(_NAMES), f"{chance.getrandbits(128):032x}"
        shapes = chance.sample(_SHAPES, 3)
        texts.append("".join(shape.format(n=name, N=name.upper(), h=digits) for shape in shapes).encode("utf-8"))
    return texts


@functools.lru_cache(maxsize=4096)
def _named(text: str, name: str) -> "regex.Pattern[bytes]":
    return regex.compile(text.replace("{name}", regex.escape(name)).encode("utf-8"))


def _names(text: bytes) -> list[str]:
    """The names written in ``text``, the pieces of each between its dots, dashes and dollar signs, and one
    written nowhere."""
    runs = {run.decode() for run in _RUN.findall(text)}
    pieces = {piece for run in runs for piece in re.split(r"[.$@-]", run) if piece}
    return sorted(runs | pieces | {"nowhere_written"})


def _spans(text: bytes, chance: random.Random) -> list[tuple[int, int]]:
    lines, at = [], 0
    for line in text.split(b"\n"):
        lines.append((at, at + len(line)))
        at += len(line) + 1
    cuts = [tuple(sorted((chance.randrange(len(text) + 1), chance.randrange(len(text) + 1)))) for _ in range(3)]
    return [(0, len(text)), *lines, *cuts]


FLOWS = _flows()
TEXTS = _texts()


def test_the_shipped_flows_are_split_and_told_about() -> None:
    parts = {where: flow_parts(text) for where, text in FLOWS}
    for flow in ("iugu-named-credential/value-flows-to-iugu", "iugu-named-credential/value-given-to-iugu-sdk"):
        assert len(parts[flow]) == 3, flow
        assert all(part.needed and part.reach for part in parts[flow]), flow


@pytest.mark.parametrize("where,pattern", FLOWS, ids=[where for where, _ in FLOWS])
def test_a_flow_by_its_parts_finds_what_its_whole_pattern_finds(where: str, pattern: str) -> None:
    chance = random.Random(where)
    parts, budget, differ = flow_parts(pattern), RuleBudget(60.0), []
    for text in TEXTS:
        names = _names(text)
        whole = SpanSearch(text)

        def spanned(compiled: "regex.Pattern[bytes]", window: bytes, start: int, end: int, _in_whole: int | None,
                    spans: SpanSearch = whole) -> int | None:
            return spans.first(compiled, window, 0, start, end, 60.0)

        def plain(compiled: "regex.Pattern[bytes]", window: bytes, start: int, end: int,
                  _in_whole: int | None) -> int | None:
            found = compiled.search(window, start, end)
            return None if found is None else found.start()

        flows = FlowSearch()
        for start, end in _spans(text, chance):
            for name in chance.sample(names, min(len(names), 5)):
                expected = _named(pattern, name).search(text, start, end)
                with budget.spending(where) as spend:
                    got = flows.first(parts, name, text, start, end, None, plain, spend)
                    in_window = FlowSearch().first(parts, name, text, start, end, 0, spanned, spend)
                want = None if expected is None else expected.start()
                if got != want or in_window != want:
                    differ.append((name, start, end, want, got, in_window, text[:60]))
    assert differ == []
