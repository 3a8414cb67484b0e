"""A curl command a LOGGER wrote over several lines: where the logger writes each line of its
message under its own prefix (Android's logcat), or pads each line of it under the record's head
(.NET's console formatter), the command's quoted body is what follows the prefix or the padding.
A command a script indents keeps its body's lines as written, and a prefix its first line alone
carries (a logger that prefixes a message's first line only) leaves the others as they are."""

from __future__ import annotations

from keyaudit.inputs.captures import curl
from keyaudit.model.exchange import Exchange

URL = "https://api.iugu.com/v1/transfer_requests"
BODY = '{\n  "amount_cents":1050,\n"transfer_type":"pix"\n}'


def read(*lines: str) -> list[Exchange]:
    return list(curl.exchanges(list(enumerate(lines, 1)), "app.log"))


def _command(body: str = BODY) -> list[str]:
    return f"curl -X POST -H \"Content-Type:application/json\" -d '{body}' \"{URL}\"".split("\n")


def test_each_line_under_the_loggers_prefix_gives_the_body_without_it() -> None:
    logcat = "11-22 13:00:0{} {:>5} {:>5} V Ok2Curl : "
    lines = [logcat.format(n, 4242, 4302 + n) + line for n, line in enumerate(_command())]
    (found,) = read("11-22 12:59:59.000  4242  4242 I Payouts : starting", *lines, "11-22 13:00:09  4242 I ok")
    assert (found.method, found.url, found.body) == ("POST", URL, BODY.encode())


def test_a_message_padded_under_its_records_head_gives_the_body_without_the_padding() -> None:
    head = "info: HttpClientToCurl.HttpMessageHandlers.CurlGeneratorHttpMessageHandler[0]"
    (found,) = read(head, *(f"      {line}" for line in _command()))
    assert found.body == BODY.encode()


def test_a_scripts_indented_command_keeps_its_bodys_lines_as_written() -> None:
    indented = [f"    {line}" for line in _command()]
    (found,) = read("pay() {", *indented, "}")
    first, *others = BODY.split("\n")
    assert found.body == "\n".join([first, *(f"    {line}" for line in others)]).encode()
    (under_other,) = read("echo starting", *(f"      {line}" for line in _command()))
    assert under_other.body.startswith(b"{\n        \"amount_cents\"")


def test_a_prefix_on_the_first_line_alone_leaves_the_other_lines_as_they_are() -> None:
    lines = _command()
    (found,) = read(f"2026-11-22 13:00:00,123 [INFO] payouts - {lines[0]}", *lines[1:])
    assert found.body == BODY.encode()
