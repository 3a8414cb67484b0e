"""Where a run of labelled lines that logs a request part by part begins, beyond a label that names
the method, the URL or the request line: a label of any words whose value is a request line alone
(httplog's `[httplog] Sending: POST <url>`), and a method in brackets before the URL that ends the
line (talker_dio_logger's `[http-request] [POST] <url>`), whose tag the next lines do not repeat —
they carry the outer part of the first line's prefix. And the request markers that let the second
pass read a file written so at all: the method in brackets, and httpx's repr of a Request."""

from __future__ import annotations

import json
from pathlib import Path

from helpers.credentials import iugu_token
from helpers.running import scan_json
from keyaudit.inputs.text_requests import exchanges_in_lines

URL = "https://api.iugu.com/v1/transfer_requests"
HEADERS = {"Content-Type": "application/json", "User-Agent": "payouts/3.1"}
RUBY = "D, [2026-11-22T13:00:00.123456 #4242] DEBUG -- : "


def _body() -> str:
    return '{\n"api_token":"%s",\n"amount_cents":1050\n}' % iugu_token()


def _httplog(body: str) -> list[str]:
    return [f"{RUBY}[httplog] Sending: POST {URL}", *(f"{RUBY}[httplog] Header: {name}: {value}"
                                                      for name, value in HEADERS.items()),
            *f"{RUBY}[httplog] Data: {body}".split("\n"), f"{RUBY}[httplog] Status: 201"]


def _talker(body: str) -> list[str]:
    headers = json.dumps(HEADERS, indent=2).split("\n")
    message = [f"[http-request] [POST] {URL}", f"Data: {json.dumps(body)}", f"Headers: {headers[0]}", *headers[1:]]
    return ["┌" + "─" * 60, *(f"│ {line}" for line in message), "└" + "─" * 60]


def _read(lines: list[str]) -> list[tuple[str, str, list[tuple[str, str]], bytes | None]]:
    return [(exchange.method, exchange.url, list(exchange.headers), exchange.body)
            for exchange in exchanges_in_lines(list(enumerate(lines, 1)), "app.log") if exchange.headers]


def test_a_label_whose_value_is_a_request_line_opens_the_run_whatever_its_words() -> None:
    body = _body()
    assert _read(_httplog(body)) == [("POST", URL, list(HEADERS.items()), body.encode())]


def test_a_request_line_value_with_more_after_it_opens_no_run() -> None:
    lines = _httplog(_body())
    lines[0] += " (retry 2)"
    assert _read(lines) == []


def test_a_bracketed_method_before_the_url_opens_a_run_whose_lines_drop_the_first_line_s_tag() -> None:
    body = _body()
    assert _read(_talker(body)) == [("POST", URL, list(HEADERS.items()), body.encode())]


def _judged(folder: Path, lines: list[str]) -> int | None:
    noise = [f"2026-11-22 13:00:{n:02d} INFO worker heartbeat ok" for n in range(20)]
    (log := folder / "app.log").write_text("\n".join(noise + lines + noise) + "\n")
    report, _ = scan_json(str(log))
    return report["scan"]["requests"].get("requests_judged")


def test_a_bracketed_method_and_httpx_s_request_repr_mark_a_file_as_holding_requests(tmp_path: Path) -> None:
    assert _judged(tmp_path, _talker(_body())) == 1
    repr_line = f"E   respx.models.AllMockedAssertionError: RESPX: <Request('POST', '{URL}')> not mocked!"
    assert _judged(tmp_path, [repr_line]) == 1


OPENCART = "2026-11-22 13:00:30 - "


def _print_r_lines(items: dict[object, str]) -> list[str]:
    """print_r's array: `Array`, `(`, each `[key] => value` four blanks in, `)`, and the blank line after it."""
    return ["Array", "(", *(f"    [{key}] => {value}" for key, value in items.items()), ")", ""]


def _opencart(body: str, headers: dict[object, str], said: str = "REQUEST HEADERS") -> list[str]:
    # an OpenCart extension's `$this->log->write('IUGU :: POST ' . $url)`, then the headers and the body, Log::write
    # writing `date('Y-m-d G:i:s') . ' - ' . print_r($message, true) . "\n"`
    shown = _print_r_lines(headers)
    return [f"{OPENCART}IUGU :: POST {URL}", f"{OPENCART}IUGU :: {said} {shown[0]}", *shown[1:],
            *f"{OPENCART}IUGU :: REQUEST BODY {body}".split("\n")]


def test_a_tagged_run_reads_labels_without_a_colon_before_a_document_and_print_r_s_array() -> None:
    body = _body()
    listed = {n: f"{name}: {value}" for n, (name, value) in enumerate(HEADERS.items())}
    assert _read(_opencart(body, listed)) == [("POST", URL, list(HEADERS.items()), body.encode())]
    assert _read(_opencart(body, dict(HEADERS))) == [("POST", URL, list(HEADERS.items()), body.encode())]


def test_a_colonless_line_whose_words_name_no_part_ends_the_run() -> None:
    listed = {n: f"{name}: {value}" for n, (name, value) in enumerate(HEADERS.items())}
    assert _read(_opencart(_body(), listed, said="CHECKING LIMITS")) == []
