"""A fifty-third blind corpus: the four money-out requests of :mod:`helpers.signed_shapes` (iugu transfers unsigned,
signed with the client's real key and with another key, an Asaas transfer) as DEBUGGING DUMPERS of less-covered
runtimes print a request's parts: Node's ``JSON.stringify`` of an axios error (the body a Buffer, so a list of byte
values), a Lua table dumped by inspect.lua into OpenResty's error log, go-spew's dump of a call whose body is a byte
slice (a hex dump), Python's icecream (the body's bytes as ``pprint`` splits them), Tcl's ``parray`` of an http
package state array; and, with no body to judge, Node's ``util.inspect`` of a fetch's options (the Buffer cut at 50
bytes) and Serilog's destructuring of .NET's HttpRequestMessage.

The shapes were written first, from each format's documentation or source, before the readers were read. The traps
hold what these dumpers print that is no request the payouts service sent to a provider: an OpenResty module's
configuration table naming the transfer URL, a webhook the app RECEIVED dumped by go-spew (its body naming the
transfer URL), and an axios error of a call to the app's own job queue whose body names the transfer URL.

A comment above each shape names the source its format was taken from. What is checked is what every blind corpus must
give (:mod:`test_request_shape_corpora`): the body as sent for ``SHAPES``, never a body for ``HEADERS_ONLY``, not one
header for ``NO_HEADERS``.

Blind: 2 of 7 (inspect.lua's table, Serilog's destructuring; the three traps held). Two were then read by one rule
each (:mod:`keyaudit.inputs.captures.record_bodies`): a body written as its byte values is those bytes (Node's
Buffer#toJSON, serde's ``Vec<u8>``), and a body printed as its bytes in hex in a type's angle brackets is those bytes,
or, cut (``... 44 more bytes``), a body sent and not shown — main judged the cut Buffer's text as the body and called
both signed transfers bad. The three missed stay strict xfails with what the readers miss.
Written after that rule, so not counted blind: Rust's tracing JSON of a call serde wrote (its body a ``Vec<u8>``, a
list of numbers inside a JSON string), which main leaves unjudged.
"""

from __future__ import annotations

import json
import pprint
from pathlib import Path

from helpers.running import request_rules
from helpers.signed_shapes import Request, case, go_canonical, json_line, run_id
from test_request_shapes_blind_fifty_one import APP, SENT_MS, STAMP
from test_request_shapes_blind_forty_seven import _scan_lines as scan_lines

# --- Node: an axios error, its request body a Buffer ----------------------------------------------------------------


def _axios_error(url: str, headers: dict[str, str], body: bytes) -> dict[str, object]:
    # axios's AxiosError.toJSON (github.com/axios/axios lib/core/AxiosError.js: message, name, code, status and
    # `config: utils.toJSONObject(this.config)`; the config keeps url, method, headers, data, timeout) with `data` a
    # Buffer, which JSON.stringify writes through Buffer#toJSON (nodejs.org/api/buffer.html#buftojson:
    # `{"type":"Buffer","data":[1,2,3,4,5]}`), as pino's err serializer logs it.
    return {"message": "timeout of 30000ms exceeded", "name": "AxiosError", "code": "ECONNABORTED", "status": None,
            "config": {"timeout": 30000, "maxBodyLength": -1, "maxContentLength": -1,
                       "headers": {"Accept": "application/json, text/plain, */*", **headers},
                       "method": "post", "url": url, "data": {"type": "Buffer", "data": list(body)}}}


def axios_error_pino(request: Request) -> list[str]:
    # A pino JSON line (getpino.io: level, time, pid, hostname, msg, err) of the send that timed out.
    return json_line({"level": 50, "time": SENT_MS, "pid": 7, "hostname": "payouts-worker-7",
                      "reqId": run_id(request), "msg": "transfer send failed",
                      "err": _axios_error(request.url, dict(request.headers), request.body.encode())})


# --- Rust: tracing's JSON of a call serde wrote, its body a Vec<u8> -------------------------------------------------

def tracing_serde_call(request: Request) -> list[str]:
    # `tracing::info!(call = %serde_json::to_string(&call)?, "sending transfer")` under tracing-subscriber's JSON format
    # (docs.rs/tracing-subscriber fmt::format::Json: {"timestamp", "level", "fields": {"message", …}, "target"}); the
    # call a struct whose headers are a Vec<(String, String)> and body a Vec<u8>, which serde writes as sequences
    # (serde.rs/data-model: a tuple and a Vec<u8> without serde_bytes are seqs — JSON arrays, the bytes as numbers).
    call = {"method": request.method, "url": request.url, "headers": [list(pair) for pair in request.headers],
            "body": list(request.body.encode())}
    return json_line({"timestamp": "2026-11-22T13:00:30.104817Z", "level": "INFO",
                      "fields": {"message": "sending transfer", "call": json.dumps(call, separators=(",", ":"))},
                      "target": "payouts::client"})


# --- OpenResty: a Lua table dumped with inspect.lua -----------------------------------------------------------------

def _lua_string(text: str) -> str:
    # inspect.lua (github.com/kikito/inspect.lua inspect.lua: `escape` writes control characters as `\n`, `\t`,
    # backslashes doubled; `smartQuote` single-quotes a string holding `"` and no `'`, else double-quotes it,
    # escaping `"`).
    text = text.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
    if '"' in text and "'" not in text:
        return f"'{text}'"
    return '"' + text.replace('"', '\\"') + '"'


def _lua_key(key: str) -> str:
    # An identifier key is written bare (`method = …`), any other as `["Content-Type"] = …` (inspect.lua README).
    return key if key.replace("_", "a").isalnum() and not key[0].isdigit() else f"[{_lua_string(key)}]"


def _lua_table(table: dict[str, object], depth: int = 0) -> list[str]:
    # A dictionary-like table one element a line, keys sorted, nested tables indented two spaces a level.
    pad = "  " * (depth + 1)
    lines = ["{"]
    items = sorted(table.items())
    for number, (key, value) in enumerate(items):
        comma = "," if number < len(items) - 1 else ""
        if isinstance(value, dict):
            inner = _lua_table(value, depth + 1)
            lines += [f"{pad}{_lua_key(key)} = {inner[0]}", *inner[1:-1], inner[-1] + comma]
        else:
            lines.append(f"{pad}{_lua_key(key)} = {_lua_string(str(value))}{comma}")
    return [*lines, "  " * depth + "}"]


def _nginx_error(level: str, message: list[str]) -> list[str]:
    # nginx's error log line (nginx.org/en/docs/ngx_core_module.html#error_log; `ngx.log` of lua-nginx-module
    # prefixes `[lua] file:line: function(): ` and nginx appends the client, server and request of the connection);
    # the message is written as given, its newlines kept.
    head = f"2026/11/22 13:00:30 [{level}] 12#12: *4021 [lua] payouts.lua:48: send_transfer(): "
    tail = f', client: 10.0.3.1, server: {APP}, request: "POST /internal/payouts HTTP/1.1", host: "{APP}"'
    return [head + message[0], *message[1:-1], message[-1] + tail]


def openresty_inspect_lua(request: Request) -> list[str]:
    # `ngx.log(ngx.INFO, "request_uri ", uri, " ", inspect(params))` before lua-resty-http's
    # `httpc:request_uri(uri, params)` (github.com/ledgetech/lua-resty-http README: params method, body, headers).
    params = {"method": request.method, "headers": dict(request.headers), "body": request.body, "ssl_verify": "true"}
    table = _lua_table(params)
    return _nginx_error("info", [f"request_uri {request.url} {table[0]}", *table[1:]])


# --- Go: go-spew's dump of a call whose body is a []byte -------------------------------------------------------------

def _hex_dump(data: bytes, pad: str) -> list[str]:
    # encoding/hex.Dump (pkg.go.dev/encoding/hex#Dump: `00000000  7b 0a 22 …  |{."…|`, an offset, two groups of
    # eight bytes, the printable bytes between bars), each line indented as spew indents the slice's elements.
    lines = []
    for start in range(0, len(data), 16):
        chunk = data[start:start + 16]
        groups = [" ".join(f"{byte:02x}" for byte in chunk[:8]), " ".join(f"{byte:02x}" for byte in chunk[8:])]
        text = "".join(chr(byte) if 32 <= byte < 127 else "." for byte in chunk)
        lines.append(f"{pad}{start:08x}  {groups[0]:<23}  {groups[1]:<23}  |{text}|")
    return lines


def _spew_string(text: str) -> str:
    return f'(string) (len={len(text.encode())}) {json.dumps(text)}'


def _spew_call(host_url: str, method: str, headers: list[tuple[str, str]], body: bytes, kind: str) -> list[str]:
    # go-spew's spew.Dump (github.com/davecgh/go-spew README "Sample Dump Output": `(main.Foo) {`, one field a line
    # indented one space a level, `(string) (len=3) "one"`, maps as `(T) (len=n) {` with `key: value` entries, and
    # a []uint8 as `([]uint8) (len=n cap=n) {` over hex.Dump lines, a pointer as `(*T)(0xc…)({` … `})`; entries
    # ended `,` but the last).
    lines = [f"(*{kind})(0xc0001a4000)({{", f" Method: {_spew_string(method)},", f" URL: {_spew_string(host_url)},",
             f" Header: (http.Header) (len={len(headers)}) {{"]
    for number, (name, value) in enumerate(headers):
        lines += [f"  {_spew_string(go_canonical(name))}: ([]string) (len=1 cap=1) {{", f"   {_spew_string(value)}",
                  "  }" + ("," if number < len(headers) - 1 else "")]
    return [*lines, " },", f" Body: ([]uint8) (len={len(body)} cap={len(body)}) {{", *_hex_dump(body, "  "), " }",
            "})"]


def spew_bytes_body(request: Request) -> list[str]:
    # The payouts client's `spew.Dump(call)` of its outbound call struct before the send, through the standard
    # logger's `2026/11/22 13:00:30 ` prefix on the first line.
    dump = _spew_call(request.url, request.method, request.headers, request.body.encode(), "payouts.OutboundCall")
    return ["2026/11/22 13:00:30 sending transfer:", *dump]


# --- Python: icecream -----------------------------------------------------------------------------------------------

def icecream_prepared(request: Request) -> list[str]:
    # `ic(prepared.method, prepared.url)`, `ic(prepared.headers)`, `ic(prepared.body)` on requests' PreparedRequest
    # (github.com/gruns/icecream README: output `ic| expression: value`, values formatted with pprint.pformat; a
    # value of several lines is written from the line after the `ic|` prefix, each line indented four spaces).
    body = request.body.encode()
    lines = [f"ic| prepared.method: {request.method!r}, prepared.url: {request.url!r}"]
    for expression, value in (("prepared.headers", dict(request.headers)), ("prepared.body", body)):
        shown = pprint.pformat(value).split("\n")
        lines += ([f"ic| {expression}: {shown[0]}"] if len(shown) == 1 else
                  ["ic| " + f"{expression}: {shown[0]}", *(" " * (len(expression) + 6) + part for part in shown[1:])])
    return lines


# --- Tcl: parray of an http package state array ----------------------------------------------------------------------

def tcl_parray_state(request: Request) -> list[str]:
    # `upvar #0 $token state; parray state` after `http::geturl $url -method POST -type application/json
    # -headers [list …] -query $body` (tcl.tk/man/tcl/TclCmd/http.htm: the state array holds url, -method, -query,
    # -headers, -type, body, status, http; tcl.tk/man/tcl/TclCmd/library.htm#M21 parray: `name(element) = value`
    # one element a line, names padded to the longest, sorted).
    headers = [(name, value) for name, value in request.headers if name != "Content-Type"]
    listed = " ".join(f"{{{part}}}" if " " in part else part for pair in headers for part in pair)
    content_type = next(value for name, value in request.headers if name == "Content-Type")
    state = {"-headers": listed, "-method": request.method, "-query": request.body, "-type": content_type,
             "-timeout": "30000", "body": '{"id":"t1"}', "currentsize": "11", "http": "HTTP/1.1 201 Created",
             "status": "ok", "totalsize": "11", "url": request.url}
    width = max(len(f"state({name})") for name in state)
    return [line for name in sorted(state) for line in f"{f'state({name})':<{width}} = {state[name]}".split("\n")]


# --- Node: util.inspect of a fetch's options, the Buffer cut --------------------------------------------------------

def _node_buffer(body: bytes) -> str:
    # util.inspect of a Buffer (nodejs.org/api/buffer.html#bufferinspect_max_bytes: INSPECT_MAX_BYTES, 50 by
    # default: `<Buffer 7b 0a … 41 more bytes>`).
    shown = " ".join(f"{byte:02x}" for byte in body[:50])
    return f"<Buffer {shown} ... {len(body) - 50} more bytes>" if len(body) > 50 else f"<Buffer {shown}>"


def _node_key(name: str) -> str:
    return name if name.replace("_", "a").isalnum() else f"'{name}'"


def node_inspect_options(request: Request) -> list[str]:
    # `console.log(url, options)` before `fetch(url, options)` (nodejs.org/api/util.html#utilinspectobject-options:
    # breakLength 80 — an object wider than that is written one property a line, two spaces a level; strings
    # single-quoted).
    headers = [f"    {_node_key(name)}: '{value}'," for name, value in request.headers]
    headers[-1] = headers[-1].rstrip(",")
    return [f"{request.url} {{", f"  method: '{request.method}',", "  headers: {", *headers, "  },",
            f"  body: {_node_buffer(request.body.encode())}", "}"]


# --- .NET: Serilog's destructuring of an HttpRequestMessage ----------------------------------------------------------

def serilog_destructured(request: Request) -> list[str]:
    # `Log.Debug("Sending {@Request}", message)` written by Serilog.Formatting.Compact (github.com/serilog/
    # serilog-formatting-compact: @t, @mt, properties; a destructured object's public properties and `$type`, an
    # enumerable of KeyValuePair as a list of {Key, Value}); HttpRequestMessage's Method is an HttpMethod object, its
    # Content a StringContent whose text is no property (learn.microsoft.com/dotnet/api/system.net.http.
    # httprequestmessage).
    content = [{"Key": name, "Value": [value]} for name, value in request.headers if name == "Content-Type"]
    headers = [{"Key": name, "Value": [value]} for name, value in request.headers if name != "Content-Type"]
    message = {"Version": "1.1", "VersionPolicy": "RequestVersionOrLower",
               "Content": {"Headers": content, "$type": "StringContent"},
               "Method": {"Method": request.method, "$type": "HttpMethod"}, "RequestUri": request.url,
               "Headers": headers, "Options": [], "$type": "HttpRequestMessage"}
    return json_line({"@t": STAMP, "@mt": "Sending {@Request}", "@l": "Debug", "Request": message,
                      "SourceContext": "Payouts.IuguClient"})


SHAPES = [case(axios_error_pino, "worker.log"),
          case(tracing_serde_call, "payouts.json.log"),
          case(openresty_inspect_lua, "error.log"),
          case(spew_bytes_body, "payouts.log", missed=(
              "go-spew's pointer (`(*T)(0xc…)({` … `})`) and a []uint8 written as hex.Dump rows inside a dump "
              "are no notation the literal readers parse: the dump is read as no record")),
          case(icecream_prepared, "debug.log", missed=(
              "a request's parts printed one `ic| expression: value` apiece (the method and URL on one line, the "
              "headers and the body pprint-split on lines of their own) are not joined into one request")),
          case(tcl_parray_state, "tclsh.log", missed=(
              "an array's elements `state(-name) = value`, the headers a flat Tcl list of names and values and the "
              "body under `-query`, are no record the readers know"))]
HEADERS_ONLY = [case(node_inspect_options, "worker.log"),
                case(serilog_destructured, "payouts.clef")]
NO_HEADERS: list[object] = []


# --- traps: what these dumpers print that is no request the payouts service sent to a provider ---------------------

def test_a_configuration_table_sends_nothing(tmp_path: Path) -> None:
    # OpenResty's init_by_lua dumping the module's settings (inspect.lua): where transfers MAY go and the headers
    # they must be signed with; no request. (A table of a URL, a method and headers and no body is no settings to
    # tell apart from a request logged with its headers only: such settings are left out.)
    settings = {"iugu": {"url": "https://api.iugu.com/v1/transfer_requests", "timeout": "30000",
                         "signed_headers": {"Request-Time": "required", "Signature": "required"}}}
    table = _lua_table(settings)
    lines = [f"2026/11/22 13:00:00 [notice] 1#1: [lua] init.lua:9: settings {table[0]}", *table[1:]]
    report = scan_lines(tmp_path, "error.log", lines)
    assert request_rules(report) == [], request_rules(report)


def test_a_webhook_the_app_received_is_no_call_to_the_provider(tmp_path: Path) -> None:
    # go-spew's dump of the *http.Request the app's webhook handler got from iugu: its body names the transfer URL.
    body = json.dumps({"event": "withdraw_request.status_changed",
                       "data": {"url": "https://api.iugu.com/v1/transfer_requests/t1", "status": "accepted"}})
    dump = _spew_call(f"https://{APP}/webhooks/iugu", "POST", [("Content-Type", "application/json")],
                      body.encode(), "http.Request")
    report = scan_lines(tmp_path, "payouts.log", ["2026/11/22 13:00:30 webhook received:", *dump])
    assert request_rules(report) == [], request_rules(report)


def test_a_call_to_the_apps_own_queue_is_no_call_to_the_provider(tmp_path: Path) -> None:
    # An axios error of the app's POST to its own job queue; the job's body names iugu's transfer URL and method.
    job = json.dumps({"job": "transfer", "target": "https://api.iugu.com/v1/transfer_requests", "method": "POST"})
    error = _axios_error(f"https://{APP}/internal/jobs", {"Content-Type": "application/json"}, job.encode())
    report = scan_lines(tmp_path, "worker.log", json_line({"level": 50, "time": SENT_MS, "err": error}))
    assert request_rules(report) == [], request_rules(report)
