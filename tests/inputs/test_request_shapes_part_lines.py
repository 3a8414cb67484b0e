"""A corpus of requests logged part by part, one labelled line a part, as debugging code writes
them: ``print("Request URL:", url)``, ``log.info("Request method: {}", method)``, the headers as
the language prints a map (on one line or broken over lines), the body as it is or as a string's
repr. The labels are worded as each author likes; the readers know the parts by the roles a
structured record's member names say (``Request URL``, ``url``, ``request_url`` and
``Endpoint`` all say the URL), never by a list of wordings. The checks are those every corpus
passes (:mod:`test_request_shape_corpora`), and the negatives below.
"""

from __future__ import annotations

import json
from pathlib import Path

from helpers.running import scan_json
from helpers.signed_shapes import Request, case

SLF4J = "2026-11-22 13:00:01.204 DEBUG 4242 --- [nio-8080-exec-1] c.e.payouts.IuguClient : "


def spring_logger_labels(request: Request) -> list[str]:
    # An SLF4J logger through Spring Boot's default console layout (docs.spring.io/spring-boot/reference/
    # features/logging.html: time, level, pid, `---`, thread, logger, `: `), one call a part:
    # `log.debug("Request URL: {}", url)`, `… Method: {}`, `… Headers: {}` (a Map's toString is read
    # elsewhere; here the application passes the headers as JSON), `… Body: {}` (the body's later
    # lines bare: one message).
    return [SLF4J + f"Request URL: {request.url}", SLF4J + f"Request Method: {request.method}",
            SLF4J + f"Request Headers: {json.dumps(dict(request.headers))}", SLF4J + f"Request Body: {request.body}"]


def python_prints(request: Request) -> list[str]:
    # Python print() calls (`print("method:", r.method)`, `print("url:", r.url)`, `print("headers:",
    # r.headers)`: a CaseInsensitiveDict prints as a dict's repr, `print("body:", repr(r.body))`).
    return [f"method: {request.method}", f"url: {request.url}", f"headers: {dict(request.headers)!r}",
            f"body: {request.body!r}"]


def python_logging_request_line(request: Request) -> list[str]:
    # Python's logging with its documented format `%(asctime)s %(levelname)s %(name)s %(message)s`:
    # `log.debug("Request: %s %s", method, url)`, `log.debug("Headers: %s", headers)`, `log.debug("Body:
    # %s", body)`, the body's later lines bare.
    prefix = "2026-11-22 13:00:01,204 DEBUG payouts.iugu "
    return [prefix + f"Request: {request.method} {request.url}", prefix + f"Headers: {dict(request.headers)}",
            prefix + f"Body: {request.body}"]


def node_console_log(request: Request) -> list[str]:
    # Node's console.log('Request:', method, url) and console.log('Headers:', headers): util.inspect breaks
    # an object longer than its breakLength (80) an entry a line, indented by two blanks, quoting keys
    # that need it with single quotes (nodejs.org/api/util.html#utilinspectobject-options); the body a
    # string printed as it is, after `Body:` on a line of its own.
    entries = [f"  '{name}': {json.dumps(value)}," for name, value in request.headers]
    return [f"Request: {request.method} {request.url}", "Headers: {", *entries, "}", "Body:", *request.body.split("\n")]


def aligned_labels(request: Request) -> list[str]:
    # Labels lined up by blanks before their colons, as a table-minded author writes them (the widely
    # copied RestTemplate interceptor's `Method      : …` layout, whose own wording and headers its
    # label shape reads), here with the headers as JSON and the body as JSON's string.
    return [f"Endpoint : {request.url}", f"Method   : {request.method}",
            f"Headers  : {json.dumps(dict(request.headers))}", f"Body     : {json.dumps(request.body)}"]


def json_records_messages(request: Request) -> list[str]:
    # A JSON logger (structlog's, pino's, logrus's) writing each call as a record whose message is the
    # labelled part, its logger named in the record; the body's lines in the message's string.
    def record(message: str) -> str:
        return json.dumps({"time": "2026-11-22T13:00:01.204Z", "level": "debug", "logger": "payouts.iugu",
                           "message": message})
    return [record(f"Endpoint: {request.url}"), record(f"Verb: {request.method}"),
            record(f"Headers: {json.dumps(dict(request.headers))}"), record(f"Payload: {request.body}")]


def snake_case_labels(request: Request) -> list[str]:
    # Go's log.Printf("request_method: %s", …) and friends: the labels as field names, the body %q-quoted.
    return [f"2026/11/22 13:00:01 request_method: {request.method}", f"2026/11/22 13:00:01 request_url: {request.url}",
            f"2026/11/22 13:00:01 request_headers: {json.dumps(dict(request.headers))}",
            f"2026/11/22 13:00:01 request_body: {json.dumps(request.body)}"]


def without_body(request: Request) -> list[str]:
    # The same Spring logger with the body left out (a filter that logs headers only).
    return spring_logger_labels(request)[:3]


SHAPES = [case(shape) for shape in (spring_logger_labels, python_prints, python_logging_request_line, node_console_log,
                                    aligned_labels, json_records_messages, snake_case_labels)]
HEADERS_ONLY = [case(without_body)]
NO_HEADERS: list[object] = []


def _scan(tmp_path: Path, text: str, name: str) -> dict:
    path = tmp_path / name
    path.write_text(text)
    report, _ = scan_json(str(path))
    return report


def test_a_method_and_url_without_headers_are_no_unsigned_transfer(tmp_path: Path) -> None:
    """A configuration's or a document's labelled method and URL show no headers: none is called
    unsigned (the YAML mapping is read as a request whose headers are unknown; the document's lines
    make no request of their parts)."""
    for name, text in (("config.yaml", "payouts:\n  iugu:\n    method: POST\n    url: https://api.iugu.com/v1/transfer_requests\n"
                                       "    timeout: 30\n"),
                       ("TRANSFERS.md", "# Transfers\n\nMethod: POST\nURL: https://api.iugu.com/v1/transfer_requests\n\n"
                                        "Sign every transfer.\n")):
        report = _scan(tmp_path, text, name)
        assert [f["rule_id"] for f in report["findings"] if f["context"].get("method")] == [], name
        assert report["scan"]["requests"] == ({"requests_judged": 1} if name == "config.yaml" else {}), name


def test_a_run_of_labels_is_read_at_its_first_line_and_ends_at_another_line(tmp_path: Path) -> None:
    """The request is placed at its first labelled line; a line between that is none of the run's
    ends it, so a Headers line after it is not this request's (its headers stay unknown)."""
    lines = ["boot ok", "Request URL: https://api.iugu.com/v1/transfer_requests", "Request Method: POST",
             "worker heartbeat", "Request Headers: {\"Content-Type\": \"application/json\"}"]
    report = _scan(tmp_path, "\n".join(lines) + "\n", "app.log")
    assert [f["rule_id"] for f in report["findings"] if f["context"].get("method")] == []
    lines.pop(3)
    report = _scan(tmp_path, "\n".join(lines) + "\n", "app.log")
    assert [(f["rule_id"], f["location"]["line"]) for f in report["findings"] if f["context"].get("method")] == \
        [("iugu-unsigned-transfer", 2)]


def test_a_value_past_the_body_bound_is_counted_not_held_and_gives_no_request() -> None:
    """A body over lines whose brackets never close, 9 MB over a request's span of lines: what
    the reader holds at its last line stays within a body's bound (the lines are made one at a
    time, and let go), and it gives no request (a body cut short is not the bytes sent)."""
    import tracemalloc

    from keyaudit.inputs.captures.lines import MAX_BODY_BYTES
    from keyaudit.inputs.captures.part_lines import PartLinesReader

    reader = PartLinesReader("app.log")
    head = ["Request URL: https://api.iugu.com/v1/transfer_requests", "Request Method: POST", "Request Headers: {}",
            "Request Body: {"]
    tracemalloc.start()
    read = [exchange for number, text in enumerate(head, 1) for exchange in reader.feed(number, text)]
    for number in range(5, 5 + 45):
        read += reader.feed(number, '  "note": "' + "x" * 200_000 + '",')
    held, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert held < 2 * MAX_BODY_BYTES, held
    assert read + list(reader.close()) == []
