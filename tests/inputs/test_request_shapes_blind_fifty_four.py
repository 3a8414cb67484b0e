"""A fifty-fourth blind corpus: the four money-out requests of :mod:`helpers.signed_shapes` (iugu transfers unsigned,
signed with the client's real key and with another key, an Asaas transfer) as SIEM event formats, job queues and the
value printers of less-covered languages write them: ArcSight's CEF (the headers and the body in labelled custom
strings), IBM QRadar's LEEF 2.0 (headers only), Gleam's ``string.inspect`` of a gleam_http Request on the Erlang target
(a record printed by position, its URL in scheme, host and path), Elixir's ``IO.inspect`` of a ``%Req.Request{}`` (its
URL a ``%URI{}`` struct), OCaml's ppx_deriving ``show`` of a call record, a Faktory job pushed on the wire, and a
GoodJob row (ActiveJob's serialized arguments in a jsonb column) as psql's expanded display prints it.

The shapes were written first, from each format's documentation or source, before the readers were read. The traps
hold what these formats carry that is no request the payouts service sent to a provider: a Faktory job handling a
webhook the app received, and a WAF's CEF event of a request coming in to the app whose body names the transfer URL.

A comment above each shape names the source its format was taken from. What is checked is what every blind corpus must
give (:mod:`test_request_shape_corpora`): the body as sent for ``SHAPES``, never a body for ``HEADERS_ONLY``.

Blind: 3 of 7 (Req's struct, the Faktory push, the GoodJob row; the two traps held). A third trap written blind, a
mountebank imposter's stub and the requests it recorded, was read as two unsigned transfers; it was dropped, not
fixed: a mock's journal is read as the requests it was sent by design (corpus one's WireMock journal, corpus five's
Hoverfly simulation). Gleam's record was then read by one rule (:mod:`keyaudit.inputs.captures.printed_roles`): a
request printed by position may write its method as a constructor's word (``Post``), its headers as a list of
name-value pairs and its URL in parts — one scheme's word, one DNS name, one path —, and a string holding a JSON
document is the body. The three missed stay strict xfails with what the readers miss.
"""

from __future__ import annotations

import json
from pathlib import Path

from helpers.running import request_rules
from helpers.signed_shapes import Request, case, envelope, run_id
from test_request_shapes_blind_fifty_one import APP, SENT_MS, STAMP
from test_request_shapes_blind_forty_seven import _scan_lines as scan_lines

# --- ArcSight CEF: the headers and the body in labelled custom strings ------------------------------------------------


def _cef_value(text: str) -> str:
    # A CEF extension value (rsyslog's cef_ext_escape, after the ArcSight CEF spec: `\` as `\\`, `=` as `\=`, a line
    # feed as `\n`, a carriage return as `\r`).
    return text.replace("\\", "\\\\").replace("=", "\\=").replace("\n", "\\n").replace("\r", "\\r")


def _cef(name: str, pairs: list[tuple[str, str]]) -> list[str]:
    # `CEF:Version|Device Vendor|Device Product|Device Version|Device Event Class ID|Name|Severity|Extension` behind a
    # syslog head, the extension `key=value` pairs split by spaces.
    extension = " ".join(f"{key}={_cef_value(value)}" for key, value in pairs)
    return [f"Nov 22 13:00:30 payouts-worker-7 CEF:0|Loja|payouts-egress|3.1|100|{name}|3|{extension}"]


def _labelled(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    # The custom strings cs1..cs6 each with its csNLabel naming what it holds (ArcSight CEF spec, "Custom Dictionary
    # Extensions": `cs1Label=…` names the field `cs1=…`).
    return [item for number, (label, value) in enumerate(pairs, 1)
            for item in ((f"cs{number}Label", label), (f"cs{number}", value))]


def cef_labelled(request: Request) -> list[str]:
    # The egress audit event of the send: `rt` (ms), `requestMethod`, `request` (the URL), `requestClientApplication`
    # (the User-Agent), the other headers and the body as labelled custom strings.
    headers = [(name, value) for name, value in request.headers if name != "User-Agent"]
    return _cef("Outbound API request", [("rt", str(SENT_MS)), ("dhost", request.host), ("dpt", "443"),
                                         ("requestMethod", request.method), ("request", request.url),
                                         ("requestClientApplication", "payouts/3.1"),
                                         *_labelled([*headers, ("requestBody", request.body)])])


# --- IBM QRadar LEEF 2.0: headers only --------------------------------------------------------------------------------

def leef_egress(request: Request) -> list[str]:
    # LEEF 2.0 (ibm.com/docs/en/dsm?topic=leef-event-components: `LEEF:2.0|Vendor|Product|Version|EventID|` then the
    # attribute delimiter, here `^`, then `key=value` attributes split by it; custom keys allowed), behind a syslog
    # head; the headers of the send as attributes named by the headers, no body.
    attributes = [("devTime", STAMP), ("devTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSX"), ("src", "10.0.3.7"),
                  ("dst", "203.0.113.10"), ("dstPort", "443"), ("proto", "TCP"), ("method", request.method),
                  ("url", request.url), *request.headers]
    body = "^".join(f"{key}={value}" for key, value in attributes)
    return [f"<134>Nov 22 13:00:30 payouts-worker-7 LEEF:2.0|Loja|payouts-egress|3.1|request_sent|^|{body}"]


# --- Gleam: string.inspect of a gleam_http Request on the Erlang target -----------------------------------------------

def _gleam_string(text: str) -> str:
    # gleam_stdlib's inspect of a UTF-8 binary: double quotes, `\\`, `\"`, `\n`, `\r`, `\t` escaped.
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + escaped.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t") + '"'


def gleam_inspect(request: Request) -> list[str]:
    # `io.debug(req)` before `httpc.send(req)` (hexdocs.pm/gleam_http gleam/http/request: `Request(method, headers,
    # body, scheme, host, port, path, query)`, header names lowercase; the record is an Erlang tuple
    # (gleam@http@request_Request.hrl), which gleam_stdlib's inspect prints by position as `Request(…)`, constructors
    # `Post`, `Https`, `None`, tuples `#(…)`).
    headers = ", ".join(f"#({_gleam_string(name.lower())}, {_gleam_string(value)})" for name, value in request.headers)
    return [f"Request(Post, [{headers}], {_gleam_string(request.body)}, Https, {_gleam_string(request.host)}, None, "
            f"{_gleam_string(request.path)}, None)"]


# --- Elixir: IO.inspect of a %Req.Request{} ---------------------------------------------------------------------------

def _elixir_string(text: str) -> str:
    # Inspect of a binary: double quotes, `\\`, `\"`, `\n`, `\r`, `\t` and `#{` escaped.
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("#{", "\\#{")
    return '"' + escaped.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t") + '"'


def req_inspect(request: Request) -> list[str]:
    # `IO.inspect(req, label: "sending transfer")` of the request Req.run_request/1 ran (hexdocs.pm/req Req.Request:
    # public fields method, url — a URI struct —, headers — since 0.4 a map of downcased names to lists of values
    # (CHANGELOG v0.4.0) —, body, options, halted, adapter, steps, private); IO.inspect pretty-prints at width 80, a
    # struct too wide written one field a line, two spaces a level, a map's keys sorted.
    headers = sorted((name.lower(), value) for name, value in request.headers)
    lines = ["sending transfer: %Req.Request{", "  method: :post,", "  url: %URI{", '    scheme: "https",',
             f"    authority: {_elixir_string(request.host)},", "    userinfo: nil,",
             f"    host: {_elixir_string(request.host)},", "    port: 443,",
             f"    path: {_elixir_string(request.path)},",
             "    query: nil,", "    fragment: nil", "  },", "  headers: %{"]
    lines += [f"    {_elixir_string(name)} => [{_elixir_string(value)}]" + ("," if number < len(headers) - 1 else "")
              for number, (name, value) in enumerate(headers)]
    return [*lines, "  },", f"  body: {_elixir_string(request.body)},", "  options: %{receive_timeout: 30000},",
            "  halted: false,", "  adapter: &Req.Steps.run_finch/1,",
            "  request_steps: [put_user_agent: &Req.Steps.put_user_agent/1, compressed: &Req.Steps.compressed/1],",
            "  response_steps: [decode_body: &Req.Steps.decode_body/1],", "  error_steps: [retry: &Req.Steps.retry/1],",
            "  private: %{}", "}"]


# --- OCaml: ppx_deriving show of a call record ------------------------------------------------------------------------

def _ocaml_string(text: str) -> str:
    # Format's `%S` (String.escaped): `\\`, `\"`, `\n`, `\r`, `\t` escaped.
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + escaped.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t") + '"'


def ocaml_show(request: Request) -> list[str]:
    # `Logs.debug (fun m -> m "sending %a" Outbound.pp_call call)` of `type call = { meth : [`GET | `POST]; url :
    # string; headers : (string * string) list; body : string } [@@deriving show]` (github.com/ocaml-ppx/
    # ppx_deriving README "Plugin: show": a record as `{ Module.field = value; field = value }`, the first field
    # qualified, strings with %S, lists `[a; b]`, tuples `(a, b)`, polymorphic variants `` `POST ``), broken by
    # Format at margin 80 with the boxes' two-space indent; behind Logs' reporter head.
    pairs = [f"({_ocaml_string(name)}, {_ocaml_string(value)})" for name, value in request.headers]
    listed = ["    [" + pairs[0] + ";", *(f"      {pair};" for pair in pairs[1:-1]), f"      {pairs[-1]}];"]
    return ["payouts: [DEBUG] sending { Outbound.meth = `POST;", f"  url = {_ocaml_string(request.url)};",
            "  headers =", *listed, f"  body = {_ocaml_string(request.body)} }}"]


# --- Faktory: the job pushed on the wire ------------------------------------------------------------------------------

def faktory_push(request: Request) -> list[str]:
    # A Faktory job (github.com/contribsys/faktory/wiki/The-Job-Payload: jid, jobtype, args — JSON-native values —,
    # queue, retry, reserve_for, custom) as the client sends it, `PUSH {json}` (the wiki's Worker Lifecycle: each
    # command a line), in a `socat -v` trace of the client's connection to the Faktory server (`>` the client's data,
    # after a line of time and length).
    job = {"jid": run_id(request)[:24], "jobtype": "SendTransfer", "queue": "payouts", "retry": 3,
           "reserve_for": 600, "args": [envelope(request)], "custom": {"request_id": run_id(request)}}
    line = "PUSH " + json.dumps(job, separators=(",", ":"))
    return [f"> 2026/11/22 13:00:30.104817  length={len(line) + 2} from=0 to={len(line) + 1}", line + "\r"]


# --- GoodJob: a job row in psql's expanded display --------------------------------------------------------------------

def _jsonb(value: object) -> object:
    # jsonb keeps an object's keys shorter first, then by bytes (postgresql.org/docs/current/datatype-json.html:
    # jsonb does not keep key order), and prints `{"a": 1, "b": [1, 2]}`.
    if isinstance(value, dict):
        return {key: _jsonb(value[key]) for key in sorted(value, key=lambda key: (len(key.encode()), key.encode()))}
    if isinstance(value, list):
        return [_jsonb(item) for item in value]
    return value


def goodjob_row(request: Request) -> list[str]:
    # `select id, queue_name, job_class, serialized_params from good_jobs` under `\x` (github.com/bensheldon/good_job:
    # the ActiveJob job serialized into `serialized_params`, jsonb; api.rubyonrails.org ActiveJob::Arguments: a Hash
    # argument with string keys serialized as itself plus `"_aj_symbol_keys": []`), psql's expanded display
    # (postgresql.org/docs/current/app-psql.html `\x`: `-[ RECORD 1 ]`, one column a line, `name | value`, names
    # padded).
    call = {**envelope(request), "headers": {**dict(request.headers), "_aj_symbol_keys": []}, "_aj_symbol_keys": []}
    params = {"job_id": run_id(request), "job_class": "SendTransferJob", "queue_name": "payouts", "priority": None,
              "arguments": [call], "executions": 0, "exception_executions": {}, "locale": "en", "timezone": "UTC",
              "enqueued_at": STAMP, "provider_job_id": None}
    columns = [("id", run_id(request)), ("queue_name", "payouts"), ("job_class", "SendTransferJob"),
               ("serialized_params", json.dumps(_jsonb(params), ensure_ascii=False))]
    width = max(len(name) for name, _ in columns)
    values = max(len(value) for _, value in columns)
    return ["-[ RECORD 1 ]" + "-" * (width - 12) + "+" + "-" * (values + 1),
            *(f"{name:<{width}} | {value}" for name, value in columns)]


_FIELDS_EACH = ("the headers are fields of their own beside the method and URL, and a record that logs no `Signature` "
                "field cannot show one missing: the unsigned transfers are not found")
SHAPES = [case(cef_labelled, "egress.cef", missed=(
              "CEF's extension is read as logfmt pairs: a body holding `\"` is cut at it, `\\=` is not undone, a "
              "csNLabel does not name its csN; and then " + _FIELDS_EACH)),
          case(gleam_inspect, "payouts.log"),
          case(req_inspect, "payouts.log"),
          case(ocaml_show, "payouts.log", missed=(
              "a record printed by OCaml's Format over lines (`{ Module.field = value;` … `}`, a polymorphic "
              "variant's backquote, `;` between a list's items) is no notation the literal readers parse")),
          case(faktory_push, "faktory.trace"),
          case(goodjob_row, "good_jobs.txt")]
HEADERS_ONLY = [case(leef_egress, "egress.leef", missed=(
    "LEEF's attributes split by its declared delimiter (`^`) are read by no reader; and then " + _FIELDS_EACH))]
NO_HEADERS: list[object] = []


# --- traps: what these formats carry that is no request the payouts service sent to a provider ------------------------

def test_a_job_handling_a_received_webhook_is_no_send(tmp_path: Path) -> None:
    # A Faktory job handling the webhook iugu POSTed to the app: its args the request the app RECEIVED, naming the
    # transfer URL in the body.
    received = {"method": "POST", "url": f"https://{APP}/webhooks/iugu",
                "headers": {"Content-Type": "application/json", "User-Agent": "iugu-webhook/1.0"},
                "body": json.dumps({"event": "withdraw_request.status_changed",
                                    "data": {"url": "https://api.iugu.com/v1/transfer_requests/t1"}})}
    line = "PUSH " + json.dumps({"jid": "a1b2c3", "jobtype": "HandleIuguWebhook", "args": [received]})
    report = scan_lines(tmp_path, "faktory.trace", ["> 2026/11/22 13:00:30.104817  length=9 from=0 to=8", line])
    assert request_rules(report) == [], request_rules(report)


def test_a_request_coming_in_to_the_app_is_no_send(tmp_path: Path) -> None:
    # A WAF's CEF event of a request to the app (`request` the app's URL), its body naming the transfer URL.
    body = json.dumps({"event": "withdraw_request.status_changed",
                       "data": {"url": "https://api.iugu.com/v1/transfer_requests/t1", "method": "POST"}})
    lines = _cef("Inbound request allowed", [("src", "198.51.100.7"), ("requestMethod", "POST"),
                                             ("request", f"https://{APP}/webhooks/iugu"),
                                             *_labelled([("Content-Type", "application/json"), ("requestBody", body)])])
    report = scan_lines(tmp_path, "waf.cef", lines)
    assert request_rules(report) == [], request_rules(report)
