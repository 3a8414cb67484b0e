"""Time against line length for the readers of requests written as text, on hostile lines.

Each case is a line (or a few) built to make one reader's work grow faster than the text: long
runs of blanks where a header's value may end, a string whose every quote is escaped and never
closed, thousands of request records written one after another on one line. Every case is read
(``exchanges_in_lines``, the readers a request rule's example goes through) at a size and at
``--growth`` times that size in the same run; the table shows the CPU seconds of each (the best of
three: on a machine shared with other work, wall time measures the neighbours) and their ratio.
Work that grows with the text keeps the ratio near ``--growth``; a ratio near its square is work
that grows with the square of the line (seconds per megabyte line turning into hours), and the
run exits 1.

    python benchmarks/run_hostile_lines.py [--size 16000] [--growth 4]
"""

from __future__ import annotations

import argparse
import sys
import time
from typing import Callable

from keyaudit.inputs.text_requests import exchanges_in_lines

URL = "https://api.asaas.com/v3/payments"
RECORD = '{"method":"POST","url":"%s","headers":{"access_token":"x"},"body":"{}"}' % URL

CASES: dict[str, Callable[[int], list[str]]] = {
    "records one after another on a line": lambda n: [" ".join([RECORD] * (n // 10))],
    "a batch of records (array)": lambda n: ["[" + ",".join([RECORD] * (n // 10)) + "]"],
    "flattened request, blanks in a header": lambda n: [f"POST {URL} HTTP/1.1 Host: a" + " " * n + "x"],
    "aligned header, blanks in its value": lambda n: [f"10.0.0.1:5: POST {URL}", "    Accept: x" + " " * n + "y"],
    "open body, escaped quotes never closed": lambda n: [
        "GET  /v3/payments  HTTP/1.1", "HOST   : api.asaas.com", "BODY   :", '"' + '\\"' * n],
    "open body, escaped quotes, lone backslash": lambda n: [
        "GET  /v3/payments  HTTP/1.1", "HOST   : api.asaas.com", "BODY   :", '"' + '\\"' * n + "\\"],
    "a label repeated on its line (API Gateway)": lambda n: [
        "(r) HTTP Method: POST, Resource Path: /v3/payments", "(r) Endpoint request headers: {A=b} " * (n // 36) + "x"],
    "an HTTP/2 frame's flags, END_STREAM repeated": lambda n: [
        'http2: Transport encoding header ":method" = "POST"', "http2: wrote DATA flags=" + "END_STREAM" * (n // 10) + " x"],
    "capitals before a quoted dump": lambda n: [
        "note=" + "A" * n + ' dump="POST /v3/payments HTTP/1.1\\r\\nHost: api.asaas.com\\r\\n\\r\\n"'],
    "a printed map nested deep, never closed": lambda n: [f"request: {URL} " + "{a: " * (n // 4)],
    "a printed map, a quote never closed": lambda n: [f"request: {URL} " + "{a: '" + "x, b: " * (n // 6)],
    "entities and colours repeated": lambda n: [f"{URL} " + "&amp;\x1b[0m" * (n // 9)],
    "a trace's blocks, tiny and many": lambda n: [
        line for _ in range(n // 40) for line in ("=> Send header, 2 bytes (0x2)", "0000: ")],
    "labelled requests, tiny and many": lambda n: [
        line for k in range(n // 40) for line in (f"REQUEST: {URL}/{k}", "METHOD: GET")],
    "a table's row, separators only": lambda n: ["#Fields: cs-method cs-uri-stem cs-host", "POST " + "," * n],
    "nginx's header label repeated on its line": lambda n: [
        '*1 http request line: "POST /v3/payments HTTP/1.1"', "*1 http header: " + '*1 http header: "a: b' * (n // 20)],
    "Quarkus's request label repeated on its line": lambda n: [
        "Request: POST https://a Headers[" * (n // 32) + "x], Body: x"],
    "a trace's hex line, its text like hex": lambda n: [
        "=> Send data, 1000000 bytes (0xf4240)", "0000: " + "61 62 20 " * (n // 12) + "ab " * (n // 12)],
    "lines that each open an object, each anchored": lambda n: [
        f"2026-11-22 10:00:{k % 60:02d} app " + "x" * 40 + ' "Signature": "a" {' for k in range(n // 80)],
    "a forensic log's line, a run of blanks": lambda n: ["+id|POST /v3/payments HTTP/1.1|Host:a" + " " * n + "x"],
    "a transport's prefix repeated down a line": lambda n: ["a | " * (n // 4) + "POST /v3/payments HTTP/1.1",
                                                            "Host: api.asaas.com"],
    "syslog headers repeated before a request line": lambda n: [
        "<13>1 2026-11-22T13:00:00Z h a - - - " * (n // 37) + "POST /v3/payments HTTP/1.1", "Host: api.asaas.com"],
    "pairs that each open a list never closed": lambda n: [f"method=POST url={URL} " + "k=[ " * (n // 4)],
    "pairs that each open a JSON object never closed": lambda n: [f"method=POST url={URL} " + 'k={"a": ' * (n // 8)],
    "lines that each end inside a printed map": lambda n: [
        f"method=POST url={URL} headers={{" + "'a': " * 50 for _ in range(n // 300)],
    "a line of blanks in a vertical record": lambda n: [f"GET {URL}", "-[ RECORD 1 ]-", " " * n + "ab"],
    "a line of dashes that is no table's rule": lambda n: [f"GET {URL}", "a | b", "-" * n + "x--"],
    "statements with placeholders along a line": lambda n: [f"GET {URL}", "UPDATE t SET url = ? " * (n // 21)],
    "escaped quotes after a bracket left open": lambda n: [f"GET {URL}", "payload=(" + '\\"' * (n // 2)],
    "escaped quotes after a command's URL": lambda n: [f'"HSET" "k" "url" "{URL}" "note" "' + '\\"' * (n // 2)],
    "statements whose strings never close": lambda n: [f"GET {URL}", "INSERT INTO `t` (a) VALUES (\\'" * (n // 31)],
    "statements whose bracketed names never close": lambda n: [f"GET {URL}", "INSERT INTO [" * (n // 13)],
}


# Pieces a line may repeat: every shape of text the readers look for, and the characters their patterns
# repeat (blanks, quotes, backslashes, dots, colons). Each is repeated along one line in every context
# below, the work per line checked as the cases above are: a reader's pattern tried at each repetition
# must not read on to the line's end from each (its unbounded part then reads the line once per try).
PIECES = {
    "JSON request fields": '{"url":"%s","method":"POST",' % URL,
    "URL then method": f"{URL} POST ",
    "request line": f"POST {URL} HTTP/1.1 ",
    "escaped JSON fields": '\\"method\\":\\"POST\\",\\"url\\":\\"%s\\",' % URL,
    "escaped line ends": "POST /v3/payments HTTP/1.1\\r\\nHost: api.asaas.com\\r\\n",
    "curl command": f"curl -X POST '{URL}' -H 'access_token: x' ",
    "query pairs": f"url={URL}&",
    "labelled fields": f"Method: POST URL: {URL} ",
    "pairs": f"method=POST url={URL} ",
    "header": "access_token: x ",
    "host": "api.asaas.com",
    "word": "abcdef",
    "capitals": "ABCDEF ",
    "blank": " ",
    "tab": "\t",
    "quote": '"',
    "backslash": "\\",
    "dashes": "--",
    "dots": "a.b.",
    "colon": "a:",
    "brackets": "[a] ",
    "angles": "<a b=\"c\">",
    "hex pairs": "de ad be ef ",
    "base64": "QWxhZGRpbjpvcGVu==",
    "percent": "%2524aact_",
}
# Where the line stands: alone in a file that names a provider; the head line of a raw dump; its
# body; a pretty-printed JSON record's member; a YAML record's value.
CONTEXTS: dict[str, Callable[[str], list[str]]] = {
    "alone": lambda line: [f"GET {URL}", line],
    "in a dump's head": lambda line: ["POST /v3/payments HTTP/1.1", "Host: api.asaas.com", line, ""],
    "in a dump's body": lambda line: ["POST /v3/payments HTTP/1.1", "Host: api.asaas.com", "", line],
    "in a JSON member": lambda line: ["{", f'  "url": "{URL}",', '  "method": "POST",', f'  "body": "{line}"', "}"],
    "in a YAML value": lambda line: ["- method: POST", f"  url: {URL}", f"  body: {line}"],
}
CASES.update({f"{piece}, {context}": (lambda n, text=text, place=place: place(text * max(1, n // len(text)) + "x"))
              for piece, text in PIECES.items() for context, place in CONTEXTS.items()})


def seconds(lines: list[str]) -> float:
    """CPU seconds of reading ``lines``: the readers run in this process's one thread."""
    start = time.process_time()
    list(exchanges_in_lines([(number, text) for number, text in enumerate(lines, 1)], "hostile.log"))
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    # 16,000 characters: the smaller line's time is milliseconds, well above the clock's grain
    parser.add_argument("--size", type=int, default=16000, help="characters of the smaller line")
    parser.add_argument("--growth", type=int, default=4, help="how many times longer the larger line is")
    args = parser.parse_args()
    limit = args.growth ** 1.5  # between linear (growth) and quadratic (growth squared)
    worst = 0.0
    print(f"{'case':<48} {'small CPU s':>11} {'large CPU s':>11} {'ratio':>7}")
    for name, build in CASES.items():
        small = min(seconds(build(args.size)) for _ in range(3))
        large = min(seconds(build(args.size * args.growth)) for _ in range(3))
        ratio = large / max(small, 1e-6)
        worst = max(worst, ratio)
        print(f"{name:<48} {small:>11.4f} {large:>11.4f} {ratio:>7.1f}{'  superlinear' if ratio > limit else ''}")
    print(f"\nlinear work keeps the ratio near {args.growth}; above {limit:.0f} it grows faster than the text")
    sys.exit(1 if worst > limit else 0)


if __name__ == "__main__":
    main()
