"""A store's reply that lists a map's names and values in turn as numbered items, one a line (redis-cli on a
terminal), is that map: a hash (``HGETALL``) or a stream entry (``XREAD``) an outbox keeps a request in is read as
the request, whatever its nesting and however many items right-align their numbers. A numbered list that pairs no
request's fields — a list of URLs, a settings hash, a numbered list in prose — is none.
"""

from __future__ import annotations

import json
from pathlib import Path

from helpers.running import request_rules
from helpers.signed_shapes import Request, check_shape
from test_request_shapes_blind_forty_seven import _scan_lines as scan_lines

ENTRY = "1795352430104-0"


def _repr(value: str) -> str:
    """A string as redis-cli prints it (``sdscatrepr``): in double quotes, ``\\`` and ``"`` escaped, line breaks and
    tabs as C writes them, any other byte outside printable ASCII as ``\\xHH``."""
    escapes = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}
    out = []
    for byte in value.encode():
        char = chr(byte)
        out.append(escapes.get(char, char) if 32 <= byte < 127 or char in escapes else f"\\x{byte:02x}")
    return '"' + "".join(out) + '"'


def _items(values: list[str], indent: int = 0, first: str = "") -> list[str]:
    """``values`` as redis-cli numbers a list's items: right-aligned to the widest number, the first on the line
    ``first`` begins (its parent's), the others indented ``indent`` blanks."""
    width = len(str(len(values)))
    return [(first if number == 1 else " " * indent) + f"{number:>{width}}) {_repr(value)}"
            for number, value in enumerate(values, 1)]


def _fields(request: Request) -> list[str]:
    """The request's fields as the outbox keeps them, names and values in turn, with its bookkeeping around them:
    twelve fields, so a list of 24 items whose numbers right-align."""
    return ["id", "42", "status", "pending", "attempts", "0", "description", "repasse às 10h", "method",
            request.method, "url", request.url, "headers", json.dumps(dict(request.headers), separators=(",", ":")),
            "body", request.body, "queued_at", "2026-11-22T13:00:30Z", "provider", request.host, "idempotency_key",
            "c0ffee", "trace", "ab12", "created_by", "payouts-worker"]


def hgetall_reply(request: Request) -> list[str]:
    # `redis-cli HGETALL outbox:42` on a terminal: the hash's names and values in turn, one numbered item a line
    return ["127.0.0.1:6379> HGETALL outbox:42", *_items(_fields(request))]


def xread_reply(request: Request) -> list[str]:
    # `redis-cli XREAD COUNT 1 STREAMS payouts:outbox 0`: a list of streams, each its name and a list of entries,
    # each entry its id and its fields' list — three lists deep, each begun on its parent item's line
    fields = _fields(request)
    return ["127.0.0.1:6379> XREAD COUNT 1 STREAMS payouts:outbox 0", '1) 1) "payouts:outbox"',
            f'   2) 1) 1) "{ENTRY}"', *_items(fields, 12, "         2) ")]


def test_a_hash_reply_is_the_request_its_fields_say(tmp_path: Path) -> None:
    check_shape(hgetall_reply, tmp_path, "hgetall.txt")


def test_a_stream_entry_deep_in_a_reply_is_the_request_its_fields_say(tmp_path: Path) -> None:
    check_shape(xread_reply, tmp_path, "xread.txt")


def test_a_numbered_list_that_pairs_no_request_is_none(tmp_path: Path) -> None:
    # a list of the URLs called (LRANGE), a settings hash naming the transfer URL and a method's name for another
    # thing, numbered lines in prose (nothing quoted), and a reply cut above its first item
    url = "https://api.iugu.com/v1/transfer_requests"
    lines = ["127.0.0.1:6379> LRANGE payouts:called 0 -1", *_items([url, url, "https://api.asaas.com/v3/transfers"]),
             "127.0.0.1:6379> HGETALL settings:iugu",
             *_items(["base_url", url, "retry_policy", "POST only", "timeout", "30", "signature", "required"]),
             "Steps: 1) POST the payout 2) wait", "1) method", "2) POST", "3) url", f"4) {url}",
             '      3) "url"', f"      4) {_repr(url)}", '      5) "method"', '      6) "POST"']
    report = scan_lines(tmp_path, "redis.txt", lines)
    assert request_rules(report) == [], request_rules(report)
