"""A thirteenth blind corpus: the four money-out requests of :mod:`helpers.signed_shapes` (iugu
transfers unsigned, signed with the client's real key and with another key, an Asaas transfer) as
a request OBJECT is printed by what a developer logs it with — Spring's RequestEntity#toString,
Perl's Data::Dumper of an HTTP::Request, PHP's print_r of WordPress's HTTP API arguments, Elixir's
inspect of a Finch.Request, Haskell's Show of an http-client Request, a pino record of undici's
diagnostics_channel request (its headers a flat list of names and values) —, as TRAFFIC recorders
and gateways keep it (a GoReplay `.gor` file, Keploy's recorded mocks, Apache APISIX's
http-logger, a Mule runtime's HTTP message logger, a Cloud Tasks task described in full) and as
WORKFLOW and LOAD tools a team keeps beside its code write it (an n8n workflow export, a Step CI
workflow, a Tsung session) — none of which the other corpora show.

Each shape quotes the public documentation (or the source) it follows. The request checks are
the ones every blind corpus passes (:mod:`test_request_shape_corpora`): ``SHAPES`` show the body as
sent, ``HEADERS_ONLY`` never do.
"""

from __future__ import annotations

import base64
import json
from xml.sax.saxutils import quoteattr

from helpers.signed_shapes import Request, case, go_canonical

AGENT = "payouts/3.1"
SPRING_PREFIX = "2026-11-22T10:00:00.123-03:00 DEBUG 4242 --- [payouts] [nio-8080-exec-1] c.e.payouts.IuguClient : "


def _length(request: Request) -> str:
    return str(len(request.body.encode()))


# --- request objects as printed ------------------------------------------------------------------------

def spring_request_entity_to_string(request: Request) -> list[str]:
    # A Spring Boot client logging the RequestEntity it passes to RestTemplate.exchange (`log.debug("Sending {}",
    # entity)`): RequestEntity.toString is HttpEntity's format — `<` the method, a blank, the URL, `,`, the body
    # and `,` when there is one, the headers, `>` — and HttpHeaders.toString (formatHeaders) writes
    # `[Name:"value", …]`, each value in double quotes, names in insertion order.
    headers = ", ".join(f'{name}:"{value}"' for name, value in request.headers)
    return (SPRING_PREFIX + f"Sending <{request.method} {request.url},{request.body},[{headers}]>").split("\n")


def _perl_string(text: str) -> str:
    """A string as Data::Dumper writes it with Useqq off: single quotes, `\\` and `'` escaped, line feeds kept."""
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def _perl_pairs(pairs: list[tuple[str, str]], pad: str) -> list[str]:
    """A hash's pairs as Data::Dumper writes them, one a line after ``pad``, a comma after all but the last."""
    return [f"{pad}{_perl_string(name)} => {value}" + ("," if n < len(pairs) - 1 else "")
            for n, (name, value) in enumerate(pairs)]


def perl_data_dumper_http_request(request: Request) -> list[str]:
    # A Perl worker paying out with LWP::UserAgent that logs `Dumper($req)` (metacpan.org/pod/Data::Dumper,
    # `$Data::Dumper::Sortkeys = 1`, Indent 2: a hash's pairs two further in than its brace) of the HTTP::Request
    # it sends (metacpan.org/pod/HTTP::Request: `_method`, `_uri` a blessed URI, `_headers` a blessed
    # HTTP::Headers, `_content` the body). HTTP::Headers keys its fields lower-cased and keeps the case it was given
    # for a field it does not know under `::std_case` (each word capitalized); the worker sets
    # `$HTTP::Headers::TRANSLATE_UNDERSCORE = 0` so that `access_token` is sent as it is, not as `access-token`.
    fields = sorted((name.lower(), _perl_string(value)) for name, value in request.headers)
    std_case = sorted((name.lower(), _perl_string("-".join(part[:1].upper() + part[1:] for part in name.split("-"))))
                      for name, _ in request.headers if name.lower() not in ("content-type", "user-agent"))
    pad, inner = " " * 17, " " * 40
    text = "\n".join([
        "$VAR1 = bless( {", f"{pad}'_content' => {_perl_string(request.body)},", f"{pad}'_headers' => bless( {{",
        f"{inner}'::std_case' => {{", *_perl_pairs(std_case, inner + " " * 18), f"{inner}{' ' * 16}}},",
        *_perl_pairs(fields, inner), f"{' ' * 38}}}, 'HTTP::Headers' ),",
        f"{pad}'_method' => {_perl_string(request.method)},",
        f"{pad}'_uri' => bless( do{{\\(my $o = {_perl_string(request.url)})}}, 'URI::https' )",
        f"{' ' * 15}}}, 'HTTP::Request' );"])
    return text.split("\n")


def _print_r(value: object, depth: int = 0) -> str:
    """A value as PHP's print_r writes it (php.net/manual/function.print-r.php): an array as `Array`, a line,
    `(` eight blanks in a level, each `[key] => value` four further in, `)` and a blank line; true as 1, false
    and null as nothing."""
    if isinstance(value, dict):
        pad = " " * (8 * depth)
        items = "".join(f"{pad}    [{key}] => {_print_r(item, depth + 1)}\n" for key, item in value.items())
        return f"Array\n{pad}(\n{items}{pad})\n"
    if value is True:
        return "1"
    if value is False or value is None:
        return ""
    return str(value)


def wordpress_http_api_debug(request: Request) -> list[str]:
    # A WordPress plugin paying suppliers through wp_remote_post that hooks `http_api_debug`
    # (developer.wordpress.org/reference/hooks/http_api_debug/: "Fires after an HTTP API response is received and
    # before the response is returned", given the response, the context, the class, `$parsed_args` and `$url`) to
    # `error_log(print_r(compact('url', 'parsed_args'), true))`: the arguments WP_Http::request parsed (method,
    # timeout, redirection, httpversion, user-agent, …, headers, cookies, body, compress, …), PHP's error_log
    # stamping the record's first line.
    args = {"method": request.method, "timeout": 5, "redirection": 5, "httpversion": "1.0",
            "user-agent": "WordPress/6.7; https://shop.example.com", "reject_unsafe_urls": False, "blocking": True,
            "headers": dict(request.headers), "cookies": {}, "body": request.body, "compress": False,
            "decompress": True, "sslverify": True,
            "sslcertificates": "/var/www/html/wp-includes/certificates/ca-bundle.crt", "stream": False,
            "filename": None, "limit_response_size": None, "_redirection": 5}
    text = _print_r({"url": request.url, "parsed_args": args})
    return ("[22-Nov-2026 13:00:00 UTC] " + text).rstrip("\n").split("\n")


def _elixir_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def finch_request_inspect(request: Request) -> list[str]:
    # An Elixir payouts service logging the Finch request it builds (`Logger.debug("request: " <>
    # inspect(req))`; hexdocs.pm/finch/Finch.Request.html — the struct's `scheme` an atom, `host`, `port`, `path`,
    # `query`, `method`, `headers` a list of `{name, value}` tuples, `body`, `unix_socket`, `private`), the
    # struct's fields in their declared order, strings with their escapes, the line Logger's default format.
    headers = ", ".join(f"{{{_elixir_string(name.lower())}, {_elixir_string(value)}}}"
                        for name, value in request.headers)
    text = (f"%Finch.Request{{scheme: :https, host: {_elixir_string(request.host)}, port: 443, "
            f"path: {_elixir_string(request.path)}, query: nil, method: {_elixir_string(request.method)}, "
            f"headers: [{headers}], body: {_elixir_string(request.body)}, unix_socket: nil, private: %{{}}}}")
    return [f"13:00:00.123 [debug] request: {text}"]


def _haskell_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def haskell_http_client_show(request: Request) -> list[str]:
    # A Haskell worker that logs the http-client Request it sends (`logDebugN (T.pack (show req))`;
    # hackage.haskell.org/package/http-client Network.HTTP.Client.Types, instance Show Request: `Request {`, then
    # one field a line, its name padded to 21 — host, port, secure, requestHeaders as a list of (name, value)
    # pairs, path, queryString, method, proxy, rawBody, redirectCount, responseTimeout, requestVersion — and `}`;
    # the body is not shown).
    headers = ",".join(f"({_haskell_string(name)},{_haskell_string(value)})" for name, value in request.headers)
    fields = [("host", _haskell_string(request.host)), ("port", "443"), ("secure", "True"),
              ("requestHeaders", f"[{headers}]"), ("path", _haskell_string(request.path)),
              ("queryString", '""'), ("method", _haskell_string(request.method)), ("proxy", "Nothing"),
              ("rawBody", "False"), ("redirectCount", "10"), ("responseTimeout", "ResponseTimeoutDefault"),
              ("requestVersion", "HTTP/1.1")]
    return ["[Debug] Sending: Request {", *(f"  {name:<21}= {value}" for name, value in fields), "}"]


def undici_diagnostics_pino(request: Request) -> list[str]:
    # A Node service subscribed to undici's `undici:request:create` diagnostics channel (undici docs/api/
    # DiagnosticsChannel.md: the request's origin, method, path and headers — since undici 6 "array of strings,
    # e.g: ['foo', 'bar']", each name followed by its value) and logging what it is given with pino
    # (`logger.debug({ origin, method, path, headers }, 'undici request')`: one JSON line, level, time, pid,
    # hostname, the object's keys, msg); the channel's request carries no body.
    flat = [item for name, value in request.headers for item in (name.lower(), value)]
    record = {"level": 20, "time": 1795352400123, "pid": 4242, "hostname": "payouts-7d9f",
              "origin": f"https://{request.host}", "method": request.method, "path": request.path,
              "headers": flat, "msg": "undici request"}
    return [json.dumps(record, separators=(",", ":"))]


def httpx_event_hook(request: Request) -> list[str]:
    # A Python service whose httpx.Client logs each request from an event hook (www.python-httpx.org/advanced/
    # event-hooks/: `event_hooks={'request': [log_request]}`, the hook given the request about to be sent),
    # `log.debug("%s %s %r %r", request.method, request.url, request.headers, request.content)`: httpx's
    # Headers repr, `Headers({...})` of the names lower-cased (multi_items), the client's defaults and Host first,
    # Content-Length last; the content a bytes repr, its line feeds written `\n`.
    headers = {"host": request.host, "accept": "*/*", "accept-encoding": "gzip, deflate", "connection": "keep-alive",
               **{name.lower(): value for name, value in request.headers}, "content-length": _length(request)}
    return [f"2026-11-22 13:00:00,123 DEBUG payouts.iugu: {request.method} {request.url} Headers({headers!r}) "
            f"{request.body.encode()!r}"]


def _rust_string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # Rust's Debug of a str: `"` and `\` escaped, a line feed `\n`


def rust_http_request_debug(request: Request) -> list[str]:
    # A Rust worker that builds an `http::Request<String>` and logs it with tracing before sending it
    # (`tracing::debug!("sending {:?}", req)`; docs.rs/http, Request's Debug: `Request { method, uri, version,
    # headers, body }`, the HeaderMap a map of lower-cased names to quoted values), through tracing-subscriber's
    # default fmt layer (time, level, target, message).
    headers = ", ".join(f"{_rust_string(name.lower())}: {_rust_string(value)}" for name, value in request.headers)
    return [f"2026-11-22T13:00:00.123456Z DEBUG payouts::iugu: sending Request {{ method: {request.method}, "
            f"uri: {request.url}, version: HTTP/1.1, headers: {{{headers}}}, body: {_rust_string(request.body)} }}"]


def _erlang_binary(text: str) -> str:
    return '<<"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '">>'


def erlang_logger_map(request: Request) -> list[str]:
    # An Erlang payouts service calling hackney that logs the call as a map (`logger:debug("payout request ~p",
    # [#{method => post, url => Url, headers => Headers, body => Body}])`): OTP's logger_formatter by default
    # prints each event on a single line (erlang.org/doc/apps/kernel/logger_formatter.html, `single_line`: "the
    # field width is set to 0 for all ~p"), a map's keys in term order, binaries as `<<"…">>` with their escapes,
    # the headers a list of `{Name, Value}` tuples.
    headers = ",".join(f"{{{_erlang_binary(name)},{_erlang_binary(value)}}}" for name, value in request.headers)
    text = (f"#{{body => {_erlang_binary(request.body)},headers => [{headers}],method => {request.method.lower()},"
            f"url => {_erlang_binary(request.url)}}}")
    return [f"2026-11-22T13:00:00.123456-03:00 debug: payout request {text}"]


def deno_request_inspect(request: Request) -> list[str]:
    # A Deno function that logs the Request it is about to fetch (`console.log(req)`; Deno's inspect of a Request
    # shows bodyUsed, headers, method, redirect and url — ext/fetch 23_request.js — the Headers as `Headers {…}`
    # of its entries, names lower-cased and sorted, strings in double quotes, an object longer than a line written
    # one member a line, two blanks in a level). The body is never shown.
    headers = sorted((name.lower(), value) for name, value in request.headers)
    entries = [f'    "{name}": {json.dumps(value)}' + ("," if n < len(headers) - 1 else "")
               for n, (name, value) in enumerate(headers)]
    return ["Request {", "  bodyUsed: false,", "  headers: Headers {", *entries, "  },",
            f'  method: "{request.method}",', '  redirect: "follow",', f'  url: "{request.url}"', "}"]


# --- traffic recorders and gateways --------------------------------------------------------------------

def _wire_lines(request: Request, head: list[tuple[str, str]]) -> list[str]:
    """The request as written on the connection, a line each: CR LF ending the head's lines, the body as sent."""
    lines = [f"{request.method} {request.path} HTTP/1.1", *(f"{name}: {value}" for name, value in head), ""]
    return [line + "\r" for line in lines] + request.body.split("\n")


def goreplay_gor_file(request: Request) -> list[str]:
    # GoReplay saving an egress proxy's traffic (`gor --input-raw :8080 --input-raw-track-response --output-file
    # requests.gor`; github.com/buger/goreplay wiki "Saving and Replaying from file"; proto.go: each payload a
    # header line `<type> <id> <timestamp ns> <latency>` — 1 a request, 2 its response —, the raw HTTP message,
    # and the separator `\n🐵🙈🙉\n`).
    head = [("Host", request.host), *request.headers, ("Content-Length", _length(request))]
    response = ["HTTP/1.1 201 Created\r", "Content-Type: application/json\r", "Content-Length: 11\r", "\r",
                '{"id":"t1"}']
    return ["1 8e0a1b2c3d4e5f60718293a4 1795352400123456789 0", *_wire_lines(request, head), "🐵🙈🙉",
            "2 8e0a1b2c3d4e5f60718293a4 1795352400435456789 312000000", *response, "🐵🙈🙉"]


def _yaml_block(key: str, text: str, indent: str) -> list[str]:
    """A string as Go's yaml.v3 writes it under ``key``: on the line — single-quoted where it opens with a flow
    indicator —, or a literal block (`|-`) with its lines four further in where it holds a line feed."""
    if "\n" not in text:
        return [f"{indent}{key}: '{text}'" if text[:1] in "{[" else f"{indent}{key}: {text}"]
    return [f"{indent}{key}: |-", *(f"{indent}    {line}" for line in text.split("\n"))]


def keploy_http_mocks(request: Request) -> list[str]:
    # Keploy recording a service's outgoing calls as mocks (`keploy record -c ./payouts`; keploy.io/docs
    # "mocks.yaml": one YAML document a call, `version: api.keploy.io/v1beta1`, `kind: Http`, `spec.metadata`,
    # `spec.req` — method, proto_major, proto_minor, url, header (Go's http.Header, canonical names, sorted by
    # yaml.v3), body, timestamp — and `spec.resp`; yaml.v3 indenting four).
    header = sorted([(go_canonical(name), value) for name, value in request.headers]
                    + [("Content-Length", _length(request)), ("Accept-Encoding", "gzip")])
    return ["version: api.keploy.io/v1beta1", "kind: Http", "name: mock-0", "spec:", "    metadata:",
            "        name: Http", f"        operation: {request.method}", "        type: HTTP_CLIENT", "    req:",
            f"        method: {request.method}", "        proto_major: 1", "        proto_minor: 1",
            f"        url: {request.url}", "        header:",
            *(f"            {name}: {json.dumps(value) if value.isdigit() else value}" for name, value in header),
            *_yaml_block("body", request.body, "        "), "        timestamp: 2026-11-22T13:00:00.123456789Z",
            "    resp:", "        status_code: 201", "        header:", "            Content-Type: application/json",
            "        body: '{\"id\":\"t1\"}'", "        status_message: Created", "    objects: []",
            "    created: 1795352400", 'connectionId: "0"', "---"]


def apisix_http_logger(request: Request) -> list[str]:
    # Apache APISIX as the egress gateway (split-horizon DNS sends api.iugu.com and api.asaas.com to it) with the
    # http-logger plugin, `include_req_body: true` and `concat_method: new_line` (apisix.apache.org/docs/apisix/
    # plugins/http-logger/: the default log format — request.url, uri, method, headers lower-cased, querystring,
    # size, body —, upstream, server, latency, client_ip, start_time), each entry as the log server received it
    # on a line; lua-cjson writes `/` as `\/`.
    headers = {"host": request.host, **{name.lower(): value for name, value in request.headers},
               "content-length": _length(request)}
    entry = {"request": {"url": f"https://{request.host}:443{request.path}", "uri": request.path,
                         "method": request.method, "headers": headers, "querystring": {},
                         "size": 260 + len(request.body.encode()), "body": request.body},
             "response": {"status": 201, "size": 180, "headers": {"content-type": "application/json"}},
             "upstream": "200.155.0.10:443", "service_id": "", "route_id": "payouts-egress",
             "server": {"hostname": "apisix-0", "version": "3.11.0"}, "latency": 312.0, "upstream_latency": 310,
             "apisix_latency": 2.0, "client_ip": "10.0.0.7", "start_time": 1795352400123}
    return [json.dumps(entry, separators=(",", ":")).replace("/", "\\/")]


def mule_http_message_logger(request: Request) -> list[str]:
    # A Mule 4 application whose HTTP Request operation calls the provider (`requestStreamingMode="NEVER"`, so
    # the body goes with a Content-Length), with the `org.mule.service.http.impl.service.HttpMessageLogger`
    # category at DEBUG in log4j2.xml (docs.mulesoft.com/http-connector "Troubleshooting": it "logs the HTTP
    # messages" the requester writes, after `REQUESTER`, as they go on the connection).
    head = [("Host", f"{request.host}:443"), ("User-Agent", "AHC/1.0"), ("Connection", "keep-alive"),
            ("Accept", "*/*"), *((name, value) for name, value in request.headers if name != "User-Agent"),
            ("Content-Length", _length(request))]
    prefix = ("DEBUG 2026-11-22 13:00:00,123 [[MuleRuntime].uber.03: [payouts].payoutsFlow.CPU_LITE @5f2a1b3c] "
              "[processor: payoutsFlow/processors/2; event: 7f1e2d3c-a4b5] "
              "org.mule.service.http.impl.service.HttpMessageLogger: REQUESTER")
    return [prefix, *_wire_lines(request, head)]


def cloud_tasks_describe(request: Request) -> list[str]:
    # A payout queued as a Cloud Tasks HTTP target task and looked at with `gcloud tasks describe <task>
    # --queue=payouts --response-view=full` (cloud.google.com/tasks/docs/reference/rest/v2/projects.locations.
    # queues.tasks#HttpRequest: url, httpMethod, headers, body "base64-encoded"; the FULL view is the one that
    # returns body and headers; gcloud prints YAML, keys sorted). Cloud Tasks sends its own User-Agent.
    headers = {**dict(request.headers), "User-Agent": "Google-Cloud-Tasks"}
    body = base64.b64encode(request.body.encode()).decode()
    return ["createTime: '2026-11-22T13:00:00.123456Z'", "dispatchCount: 1", "dispatchDeadline: 600s",
            "httpRequest:", f"  body: {body}", "  headers:",
            *(f"    {name}: {value}" for name, value in sorted(headers.items())),
            f"  httpMethod: {request.method}", f"  url: {request.url}",
            "name: projects/payouts-prod/locations/southamerica-east1/queues/payouts/tasks/0731829461",
            "responseCount: 1", "scheduleTime: '2026-11-22T13:00:00.100Z'", "view: FULL", "---"]


# --- workflow and load tools ----------------------------------------------------------------------------

def n8n_workflow_export(request: Request) -> list[str]:
    # An n8n workflow downloaded from the editor (docs.n8n.io/workflows/export-import/: a JSON file of `nodes`
    # and `connections`), its HTTP Request node (n8n-nodes-base.httpRequest, typeVersion 4.2; docs.n8n.io/
    # integrations/builtin/core-nodes/n8n-nodes-base.httprequest/: method, url, "Send Headers" as name/value
    # pairs, "Send Body" with the Raw content type and its body), written with two blanks an indent.
    parameters = {"method": request.method, "url": request.url, "sendHeaders": True,
                  "headerParameters": {"parameters": [{"name": name, "value": value}
                                                      for name, value in request.headers]},
                  "sendBody": True, "contentType": "raw", "rawContentType": "application/json",
                  "body": request.body, "options": {}}
    workflow = {"name": "Supplier payouts", "nodes": [
        {"parameters": {}, "id": "3f1c2b4a-0d5e-4f60-8a71-92b3c4d5e6f7", "name": "When clicking 'Test workflow'",
         "type": "n8n-nodes-base.manualTrigger", "typeVersion": 1, "position": [0, 0]},
        {"parameters": parameters, "id": "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", "name": "Send transfer",
         "type": "n8n-nodes-base.httpRequest", "typeVersion": 4.2, "position": [220, 0]}],
        "connections": {"When clicking 'Test workflow'": {"main": [[{"node": "Send transfer", "type": "main",
                                                                     "index": 0}]]}},
        "active": False, "settings": {"executionOrder": "v1"}, "pinData": {}}
    return json.dumps(workflow, indent=2).split("\n")


def stepci_workflow(request: Request) -> list[str]:
    # A Step CI workflow kept beside the payouts service (docs.stepci.com/reference/workflow-syntax: `version`,
    # `name`, `tests.<id>.steps`, each step's `http` with url, method, headers, body "request body" and `check`),
    # the body a YAML literal block.
    return ['version: "1.1"', "name: Payouts smoke", "tests:", "  transfer:", "    steps:",
            "      - name: Send transfer", "        http:", f"          url: {request.url}",
            f"          method: {request.method}", "          headers:",
            *(f"            {name}: {json.dumps(value)}" for name, value in request.headers),
            "          body: |-", *(f"            {line}" for line in request.body.split("\n")),
            "          check:", "            status: 201"]


def tsung_session(request: Request) -> list[str]:
    # A Tsung load test (tsung.erlang-projects.org/user_manual/conf-sessions.html: a `<session>` of
    # `<request>`s, each `<http url=… method=… contents=… content_type=…>` — an absolute url names its
    # server — with `<http_header name=… value=…/>` children), the body in the `contents` attribute, its line
    # feeds written `&#10;` as an attribute value must keep them.
    def attr(value: str) -> str:
        return quoteattr(value, {"\n": "&#10;"})

    headers = [f"        <http_header name={attr(name)} value={attr(value)}/>" for name, value in request.headers
               if name != "Content-Type"]
    return ['<?xml version="1.0"?>', '<!DOCTYPE tsung SYSTEM "/usr/share/tsung/tsung-1.0.dtd">',
            '<tsung loglevel="notice" version="1.0">', "  <sessions>",
            '    <session name="payout" probability="100" type="ts_http">', "      <request>",
            f"        <http url={attr(request.url)} method={attr(request.method)} version=\"1.1\" "
            f"content_type=\"application/json\" contents={attr(request.body)}>", *headers, "        </http>",
            "      </request>", "    </session>", "  </sessions>", "</tsung>"]


SHAPES = [case(shape) for shape in (wordpress_http_api_debug, finch_request_inspect, rust_http_request_debug,
                                    erlang_logger_map, apisix_http_logger, mule_http_message_logger,
                                    httpx_event_hook, spring_request_entity_to_string)] + [
    case(goreplay_gor_file, "requests.gor"), case(keploy_http_mocks, "mocks.yaml"),
    case(cloud_tasks_describe, "task.yaml"), case(n8n_workflow_export, "workflow.json"),
    case(stepci_workflow, "workflow.yml"), case(tsung_session, "tsung.xml"), case(perl_data_dumper_http_request)]
HEADERS_ONLY = [case(shape) for shape in (haskell_http_client_show, undici_diagnostics_pino, deno_request_inspect)]
NO_HEADERS: list[object] = []
