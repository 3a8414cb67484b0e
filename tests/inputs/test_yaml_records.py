"""Requests recorded in YAML (VCR cassettes and similar fixtures): each interaction's request
mapping is read alone, where it starts, and only when all of it was read."""

from __future__ import annotations

import itertools
from pathlib import Path

from helpers.request_shapes import BODY, URL
from helpers.running import scan_json
from keyaudit.engine.marks import MarkSet
from keyaudit.inputs.captures import yaml_records
from keyaudit.inputs.captures.yaml_records import MAX_RECORD_LINES


def interaction(method: str = "POST", headers: int = 1) -> list[str]:
    """One VCR.py interaction: body, headers (``headers`` of them, Signature last), method, uri."""
    lines = ["- request:", f"    body: '{BODY}'", "    headers:"]
    for n in range(headers - 1):
        lines += [f"      X-Trace-{n}:", "      - abc"]
    lines += ["      Signature:", "      - signature=c2ln"]
    return lines + [f"    method: {method}", f"    uri: {URL}", "  response:", "    status:", "      code: 201"]


def read(lines: list[str], first: int = 1) -> list[tuple[int, str, str | None]]:
    found = yaml_records.exchanges(zip(itertools.count(first), lines), "cassette.yaml")
    return [(e.origin.line, e.method, e.header("Signature")) for e in found]


def test_a_cassette_request_is_reported_at_the_line_of_its_first_key(tmp_path: Path) -> None:
    headers = ["      Content-Type:", "      - application/json"]
    lines = ["interactions:", "- request:", f"    body: '{BODY}'", "    headers:", *headers, "    method: POST",
             f"    uri: {URL}", "  response:", "    body:", "      string: '{}'", "version: 1"]
    (tmp_path / "cassette.yaml").write_text("\n".join(lines) + "\n")
    report, _ = scan_json(str(tmp_path / "cassette.yaml"))
    found = [(f["rule_id"], f["location"]["line"], f["context"]["capture"]) for f in report["findings"]]
    assert found == [("iugu-unsigned-transfer", 3, "yaml")]


def test_every_interaction_of_a_cassette_is_read_once() -> None:
    lines = ["interactions:", *interaction(), *interaction("get"), "version: 1"]
    assert read(lines) == [(3, "POST", "signature=c2ln"), (13, "GET", "signature=c2ln")]


def test_a_mapping_whose_start_was_not_read_is_left_alone() -> None:
    """Lines from the middle of a file, cut inside a request: headers above the cut would be
    missing, so the request is not read; from the list item on, it is."""
    lines = interaction(headers=3)
    assert read(lines[3:], first=40) == []
    assert read(lines, first=40) == [(41, "POST", "signature=c2ln")]
    assert read(lines[1:], first=1) == [(1, "POST", "signature=c2ln")]  # the file's first line starts it


def test_a_mapping_too_long_for_a_recorded_request_is_not_read() -> None:
    assert read(interaction(headers=MAX_RECORD_LINES)) == []


def test_text_that_only_looks_like_a_mapping_is_no_request() -> None:
    broken = ["- method: POST", f"  uri: {URL}", "  headers: [unclosed", "  body: 'x"]
    prose = ["Steps:", "method: POST to the transfers endpoint", "then check the balance"]
    assert read(broken) == read(prose) == []


def test_a_mapping_that_aliases_make_huge_is_not_walked() -> None:
    laughs = ["- method: POST", f"  uri: {URL}", "  lol0: &l0 [a, b, c, d, e, f, g, h, i, j]"]
    laughs += [f"  lol{n}: &l{n} [{', '.join([f'*l{n - 1}'] * 10)}]" for n in range(1, 9)]
    assert read(laughs + ["  headers: {Signature: x}"]) == []
    assert read(["- method: POST", f"  uri: {URL}", "  headers: &a {Signature: *a}"]) == []  # itself inside


def test_a_document_mark_ends_a_top_level_mapping() -> None:
    lines = ["method: POST", f"uri: {URL}", "headers: {Signature: s1}", "---", "method: GET", f"uri: {URL}"]
    assert read(lines) == [(1, "POST", "s1"), (5, "GET", None)]


def test_a_value_that_reads_as_a_timestamp_is_kept_as_written() -> None:
    """A header's value YAML would read as a timestamp (an unquoted Request-Time) is the text logged:
    the request is read (not lost to a date JSON cannot write) with the value as it was signed."""
    lines = ["- request:", f"    body: '{BODY}'", "    headers:", "      Request-Time:",
             "      - 2026-11-22T10:00:00-03:00", "      Date: 2026-11-22", "      Signature:",
             "      - signature=c2ln", "    method: POST", f"    uri: {URL}"]
    found = list(yaml_records.exchanges(zip(itertools.count(1), lines), "cassette.yaml"))
    assert [(e.header("Request-Time"), e.header("Date")) for e in found] == [("2026-11-22T10:00:00-03:00",
                                                                               "2026-11-22")]


def test_a_body_kept_as_exact_bytes_is_its_base64_decoded(tmp_path: Path) -> None:
    """A Ruby VCR cassette recorded with preserve_exact_body_bytes: the body's ``base64_string``,
    wrapped at 60 characters by Base64.encode64, is the bytes sent."""
    import base64

    body = BODY.encode() * 3  # longer than one wrapped line
    encoded = base64.encodebytes(body).decode().splitlines()
    lines = ["http_interactions:", "- request:", "    method: post", f"    uri: {URL}", "    body:",
             "      encoding: UTF-8", "      base64_string: |", *(f"        {line}" for line in encoded),
             "    headers:", "      Content-Type:", "      - application/json"]
    found = list(yaml_records.exchanges(zip(itertools.count(1), lines), "cassette.yaml"))
    assert len(encoded) > 1 and [(e.method, e.body) for e in found] == [("POST", body)]


FLOW = ["config:", '  target: "https://api.iugu.com"', "scenarios:", "  - flow:", "      - get:", '          url: "/v1/me"',
        "      - post:", '          url: "/v1/transfer_requests"', "          headers:",
        '            Signature: "signature=c2ln"', "          body: |-", "            {", '            "a": 1', "            }"]


def test_a_list_item_keyed_by_its_method_is_that_request_on_the_base_the_file_names_above() -> None:
    """Artillery's flow steps: `- post:` over `url`, `headers`, `body` (its raw text), the url
    relative to `config.target`; each step its own request, on its key's line."""
    found = list(yaml_records.exchanges(enumerate(FLOW, 1), "load.yml"))
    assert [(e.origin.line, e.method, e.url, e.header("Signature")) for e in found] == [
        (5, "GET", "https://api.iugu.com/v1/me", None), (7, "POST", URL, "signature=c2ln")]
    assert found[1].body == b'{\n"a": 1\n}'


def test_a_method_key_that_holds_no_request_or_no_base_gives_none() -> None:
    """An OpenAPI operation (`post:` under its path, a mapping key, no url), and a step whose
    relative url no base above makes absolute, are no requests sent."""
    openapi = ["paths:", "  /v1/transfer_requests:", "    post:", "      summary: Create a transfer",
               "      requestBody:", "        content:", "          application/json: {}"]
    unbased = FLOW[2:]
    for lines in (openapi, unbased, ["servers:", "  - url: https://api.iugu.com", *openapi[:2], "    - post:",
                                     "        summary: a list item with no url"]):
        assert list(yaml_records.exchanges(enumerate(lines, 1), "api.yml")) == [], lines


def test_a_step_keyed_by_its_method_is_read_as_the_lines_stream_by() -> None:
    """An endless input (a pipe) gives the step's request once its mapping ends, unread to its end."""
    endless = itertools.chain(FLOW, itertools.repeat("unrelated: line"))
    found = yaml_records.exchanges(zip(itertools.count(1), endless), "-")
    assert [(e.method, e.url) for e in itertools.islice(found, 2)] == [
        ("GET", "https://api.iugu.com/v1/me"), ("POST", URL)]


def test_a_method_under_a_name_that_qualifies_it_as_the_request_s_starts_a_mapping() -> None:
    """Cloud Tasks' `httpMethod` beside `url` and `headers` (its body in base64) is a request's method; a
    key that only ends so (`paymentMethod: PIX`) starts none."""
    lines = ["httpRequest:", "  headers:", "    Signature: signature=c2ln", "  httpMethod: POST", f"  url: {URL}",
             "name: projects/p/locations/l/queues/q/tasks/1"]
    assert read(lines) == [(2, "POST", "signature=c2ln")]
    assert read(["charge:", "  paymentMethod: POST", f"  url: {URL}", "  Signature: signature=c2ln"]) == []


def test_a_method_field_a_labelled_log_writes_capitalized_starts_no_mapping() -> None:
    """ASP.NET Core's HTTP logging writes `Method: POST` among its labelled lines: no YAML key of a request."""
    lines = ["info: Microsoft.AspNetCore.HttpLogging.HttpLoggingMiddleware[1]", "      Request:",
             "      Protocol: HTTP/1.1", "      Method: POST", "      Scheme: https", "      Host: api.iugu.com",
             "      Path: /v1/transfer_requests", "      Signature: signature=c2ln"]
    assert read(lines) == []


def test_only_lines_with_a_method_key_or_a_key_that_is_a_method_are_worth_the_reading() -> None:
    """What the reader is given a window for: the lines of a cassette and of a load test's flow may
    hold a request; a window of log lines, nothing to read line by line."""
    numbered = lambda lines: list(zip(itertools.count(1), lines))  # noqa: E731
    may_hold = lambda text: bool(MarkSet({"yaml": yaml_records.MARKS}).present(text))  # noqa: E731
    assert may_hold("\n".join(["interactions:", *interaction()]))
    assert may_hold("\n".join(FLOW))
    assert may_hold("  - request:\n      uri: https://api.iugu.com/v1/x\n      method: 'post'  \n")
    logs = ["2026-11-22 10:00:00 INFO payout sent to api.iugu.com", "  - posted: 3", "Signature: ok",
            '{"ts": 1, "method": "POST", "url": "https://api.iugu.com/v1/transfer_requests"}',  # JSON records' members
            '    "method": "POST",', '  "http": {"method": "POST", "url": "https://api.iugu.com/v1/x"}']
    assert not may_hold("\n".join(logs)) and list(yaml_records.exchanges(numbered(logs), "app.log")) == []
