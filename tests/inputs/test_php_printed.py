"""PHP's printed arrays: a request array logged with ``print_r($request, true)`` (WooCommerce's
``WC_Logger``, WordPress plugins), ``var_export($request, true)`` (``error_log``) or ``var_dump``
(captured with ``ob_start``; Xdebug's own form too) is read as the request it describes, whatever
the keys say (the generic reconstructor reads the array) — the four money-out requests of
:mod:`helpers.signed_shapes` judged as every other shape; then the parser's own cases.

The formats follow PHP's source (``ext/standard/var.c``: ``php_var_export_ex`` escapes ``\\`` and
``'`` and nothing else, ``php_var_dump`` gives each string's length in bytes and its bytes as they
are; ``Zend/zend.c`` ``print_hash``: entries four blanks in, a nested array's ``(`` four further,
its ``)`` followed by a blank line; strings as they are) and Xdebug's ``xdebug_var_export_text_ansi``
(``'key' =>`` on its own line, the value on the next).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers.running import scan_json
from helpers.signed_shapes import Request, check_shape
from keyaudit.inputs.captures.php_printed import opens_printed_array, printed_array


def _request_array(request: Request) -> dict[str, object]:
    """The array a PHP client builds and logs: wp_remote_post's arguments with the URL beside them."""
    return {"url": request.url, "method": request.method, "timeout": 30,
            "headers": dict(request.headers), "body": request.body, "sslverify": True}


def _print_r(value: object, indent: int = 0) -> str:
    """``print_r($value, true)`` as Zend's print_hash writes it."""
    if isinstance(value, dict):
        inner = "".join(f"{' ' * (indent + 4)}[{key}] => {_print_r(item, indent + 8)}\n" for key, item in value.items())
        return f"Array\n{' ' * indent}(\n{inner}{' ' * indent})\n"
    if isinstance(value, bool):
        return "1" if value else ""
    return str(value)


def _var_export(value: object, indent: int = 0) -> str:
    """``var_export($value, true)``: ``array (``, each entry two blanks further, a nested array on
    the line after its key, strings single-quoted with ``\\`` and ``'`` escaped."""
    pad = " " * indent
    if isinstance(value, dict):
        entries = "".join(f"{pad}  {_var_export(key)} => {chr(10) + pad + '  ' if isinstance(item, dict) else ''}"
                          f"{_var_export(item, indent + 2)},\n" for key, item in value.items())
        return f"array (\n{entries}{pad})"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return "'" + str(value).replace("\\", "\\\\").replace("'", "\\'") + "'"


def _var_dump(value: object, indent: int = 0, xdebug: bool = False) -> list[str]:
    """``var_dump($value)``'s lines (Xdebug's text form with ``xdebug``): each key on its own
    line, its value on the next, a string's length in bytes."""
    pad = " " * indent
    if isinstance(value, dict):
        lines = [f"array({len(value)}) {{"]
        for key, item in value.items():
            lines.append(f"{pad}  '{key}' =>" if xdebug else f'{pad}  ["{key}"]=>')
            inner = _var_dump(item, indent + 2, xdebug)
            lines += [f"{pad}  {inner[0]}", *inner[1:]]
        return [*lines, f"{pad}}}"]
    if isinstance(value, bool):
        return [f"bool({'true' if value else 'false'})"]
    if isinstance(value, int):
        return [f"int({value})"]
    text = str(value)
    return f'string({len(text.encode())}) "{text}"'.split("\n")


def wc_logger_print_r(request: Request) -> list[str]:
    # WooCommerce's WC_Log_Handler_File::format_entry: "<ISO 8601 time> <LEVEL> <message>", the message a
    # gateway's `'Request: ' . print_r( $args, true )`.
    return f"2026-11-22T13:00:00+00:00 DEBUG iugu Request: {_print_r(_request_array(request))}".split("\n")


def error_log_var_export(request: Request) -> list[str]:
    # error_log( 'iugu request: ' . var_export( $args, true ) ) to PHP's error log: "[<d-M-Y H:i:s e>] <message>".
    return f"[22-Nov-2026 13:00:00 UTC] iugu request: {_var_export(_request_array(request))}".split("\n")


def captured_var_dump(request: Request) -> list[str]:
    # ob_start(); var_dump( $args ); error_log( 'iugu request: ' . ob_get_clean() ).
    dumped = _var_dump(_request_array(request))
    return [f"[22-Nov-2026 13:00:00 UTC] iugu request: {dumped[0]}", *dumped[1:]]


def xdebug_var_dump(request: Request) -> list[str]:
    # A worker's output with Xdebug's var_dump (xdebug.mode=develop, no colours): the file and line, then the value.
    return ["/var/www/app/src/Payouts/IuguClient.php:88:", *_var_dump(_request_array(request), xdebug=True)]


@pytest.mark.parametrize("shape", [wc_logger_print_r, error_log_var_export, captured_var_dump, xdebug_var_dump])
def test_a_request_array_php_printed_gives_the_same_request_findings(shape, tmp_path: Path) -> None:
    check_shape(shape, tmp_path)


def test_php_source_is_code_not_a_printed_array(tmp_path: Path) -> None:
    """In a program's source the same syntax is code: an array literal a client passes on is
    no request sent (the rules for code judge it)."""
    source = tmp_path / "IuguClient.php"
    source.write_text("<?php\n$args = " + _var_export({"url": "https://api.iugu.com/v1/transfers", "method": "POST",
                                                      "headers": {"Content-Type": "application/json"}}) + ";\n")
    report, _ = scan_json(str(source))
    assert report["scan"]["requests"].get("requests_judged", 0) == 0, report["scan"]["requests"]


NESTED = {"url": "https://api.iugu.com/v1/transfers", "method": "POST",
          "headers": {"Content-Type": "application/json", "Signature": "signature=abc"},
          "body": '{\n"api_token":"x",\n"note":"it\'s \\\\ here"\n}', "retries": 3}
AFTER = "2026-11-22 13:00:01 INFO next"


def _numbered(lines: list[str]) -> list[tuple[int, str]]:
    return list(enumerate(lines, 1))


def _read_back(printed: list[str]) -> tuple[object, list[str]]:
    """The array read from the first line that opens one, and the lines after its last."""
    lines = _numbered(["2026-11-22 13:00:00 DEBUG request:", *printed, AFTER])
    opening = next(index for index in range(len(lines)) if opens_printed_array(lines, index))
    found = printed_array(lines, opening)
    assert found is not None
    return found[0], [text for _, text in lines[found[1] + 1 :]]


@pytest.mark.parametrize("render", [_var_export, _var_dump, lambda value: _var_dump(value, xdebug=True)],
                         ids=["var_export", "var_dump", "xdebug"])
def test_var_export_and_var_dump_read_back_the_array_they_printed(render) -> None:
    printed = render(NESTED)
    assert _read_back(printed.split("\n") if isinstance(printed, str) else printed) == (NESTED, [AFTER])


def test_print_r_reads_back_the_array_it_printed_as_text() -> None:
    """print_r prints every scalar as text (true as ``1``): the strings come back as they were."""
    value, after = _read_back(_print_r(NESTED).split("\n"))
    assert value == {**NESTED, "retries": "3"}
    assert after == ["", AFTER]  # print_r ends its array with a line break of its own


def test_a_list_prints_as_an_array_of_numbered_entries() -> None:
    """A header list as cURL takes it (``CURLOPT_HTTPHEADER``: ``Name: value`` strings) is read as a list."""
    lines = ["array (", "  0 => 'Content-Type: application/json',", "  1 => 'Request-Time: 2026-11-22T13:00:00-03:00',",
             ")"]
    assert printed_array(_numbered(lines), 0) == (["Content-Type: application/json",
                                                  "Request-Time: 2026-11-22T13:00:00-03:00"], 3)
    print_r = ["Array", "(", "    [0] => Content-Type: application/json", ")"]
    assert printed_array(_numbered(print_r), 1) == (["Content-Type: application/json"], 3)


def test_an_object_prints_its_properties_by_name() -> None:
    lines = ["App\\Http\\Request Object", "(", "    [method:protected] => POST",
             "    [uri:App\\Http\\Request:private] => https://api.iugu.com/v1/transfers", ")"]
    assert printed_array(_numbered(lines), 1) == ({"method": "POST", "uri": "https://api.iugu.com/v1/transfers"}, 4)
    dumped = ['object(App\\Http\\Request)#12 (2) {', '  ["method":protected]=>', '  string(4) "POST"',
              '  ["uri":"App\\Http\\Request":private]=>', '  NULL', "}"]
    assert printed_array(_numbered(dumped), 0) == ({"method": "POST", "uri": None}, 5)


@pytest.mark.parametrize("lines", [
    ["Array", "(", "    [url] => https://api.iugu.com/v1/transfers"],  # never closed
    ["array (", "  'url' => 'https://api.iugu.com/v1/transfers"],  # a string never closed
    ['array(1) {', '  ["url"]=>', '  string(90) "https://api.iugu.com/v1/transfers"', "}"],  # longer than written
    ["Array", "(", "  [url] => https://api.iugu.com/v1/transfers", ")"],  # not print_r's indentation
    ["The request (", "  see https://api.iugu.com/v1/transfers", ")"],  # prose in parentheses
    ["array:2 [", '  "url" => "https://api.iugu.com/v1/transfers"', '  "body" => """', '    {"a":1}\\n'],  # VarDumper's
], ids=["unclosed", "unterminated-string", "wrong-length", "indentation", "prose", "unclosed-string-block"])
def test_what_is_no_printed_array_is_none(lines) -> None:
    numbered = _numbered(lines)
    openings = [index for index in range(len(numbered)) if opens_printed_array(numbered, index)]
    assert all(printed_array(numbered, opening) is None for opening in openings), json.dumps(lines)
