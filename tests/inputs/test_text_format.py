"""Messages in protocol buffers' text format (Python's ``str(message)``, C++'s ``DebugString``) read as
the record they print: a request an outbox's message carries is judged with its body's exact bytes."""

from __future__ import annotations

from keyaudit.inputs.captures.text_format import message
from keyaudit.inputs.text_requests import exchanges_in_lines

URL = "https://api.iugu.com/v1/transfer_requests"


def test_fields_messages_maps_and_strings_as_the_format_writes_them() -> None:
    """A message field with or without a colon, `<…>` too; a map's entries a list however many there
    are; adjacent strings joined; an octal escape a byte (`\\303\\251` is `é` in UTF-8); a repeated field a list."""
    text = ('method: "POST"\nheaders {\n  key: "Signature"\n  value: "signature=c2ln"\n}\n'
            'body: "{\\n\\"nome\\":\\"Jos\\303\\251\\"" "}"\nopts: < retries: 3 >\ntag: "a"\ntag: "b"\nsent: true')
    assert message(text) == {"method": "POST", "headers": [{"key": "Signature", "value": "signature=c2ln"}],
                             "body": '{\n"nome":"José"}', "opts": {"retries": "3"}, "tag": ["a", "b"], "sent": "true"}


def test_prose_and_unbalanced_blocks_are_no_message() -> None:
    assert message("note: the transfer failed, retrying") is None
    assert message('headers {\n  key: "a"') is None
    assert message('body: "unterminated') is None


def test_a_message_logged_below_a_log_line_is_the_request_it_holds() -> None:
    lines = ["2026-11-22 13:00:30,104 INFO outbox sending request:", 'method: "POST"', f'url: "{URL}"',
             "headers {", '  key: "Content-Type"', '  value: "application/json"', "}",
             'body: "{\\n\\"amount_cents\\":1050\\n}"', "attempt: 3", "", "2026-11-22 13:00:31,001 INFO done"]
    found = list(exchanges_in_lines(list(enumerate(lines, 1)), "worker.log"))
    assert [(item.method, item.url, item.headers, item.body, item.origin.line) for item in found] == [
        ("POST", URL, [("Content-Type", "application/json")], b'{\n"amount_cents":1050\n}', 2)]


def test_a_javascript_object_s_lines_are_no_message() -> None:
    """util.inspect prints `method: 'post',`: single quotes and a comma after each, which no printer of the text
    format writes, so its lines open no message (the readers of inspected objects read them)."""
    from keyaudit.inputs.captures.lines import run_readers
    from keyaudit.inputs.captures.text_format import TextFormatReader

    lines = ["    method: 'post',", f"    url: '{URL}',", "    data: '{}'", "  }"]
    assert list(run_readers([TextFormatReader("error.log")], enumerate(lines, 1))) == []
