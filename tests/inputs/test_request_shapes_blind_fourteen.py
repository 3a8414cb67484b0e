"""A fourteenth blind corpus: the four money-out requests of :mod:`helpers.signed_shapes` (iugu
transfers unsigned, signed with the client's real key and with another key, an Asaas transfer) as a
program logs the request OBJECT it is about to send — Go's %q of httputil.DumpRequestOut, Feign's
Request#toString, Akka HTTP's HttpRequest, the JDK's HttpURLConnection FINE log of its
MessageHeader, PHP's print_r of a Guzzle PSR-7 request, a Ring request map pretty-printed by a
Clojure service —, as a client's DEBUG callback hands it the bytes (pycurl's DEBUGFUNCTION), as an
HTTP/2 client prints the frames it sends (nghttp -v), and as PLATFORMS that make the call for a team
keep it: an AWS Step Functions HTTP Task in the execution history, a Kafka Connect HTTP sink's
configuration, a Node-RED flow export, a Salesforce Apex debug log — none of which the other corpora
show. All twelve pass.

Each shape quotes the public documentation (or the source) it follows. The request checks are
the ones every blind corpus passes (:mod:`test_request_shape_corpora`): ``SHAPES`` show the body as
sent, ``HEADERS_ONLY`` never do, ``NO_HEADERS`` show no header at all. A shape the readers cannot
take yet is an expected failure, strict, with what they miss.
"""

from __future__ import annotations

import json

from helpers.signed_shapes import Request, case, go_canonical

AGENT = "payouts/3.1"
LOGBACK = "2026-11-22 13:00:00.123 DEBUG 4242 --- [payouts] [pool-1-thread-1] c.e.payouts.IuguClient   : "


def _length(request: Request) -> str:
    return str(len(request.body.encode()))


def _wire_head(request: Request, first: list[tuple[str, str]], last: list[tuple[str, str]]) -> str:
    """A request's head as sent (CR LF after each line, a blank line), ``first`` before its headers, ``last`` after."""
    lines = [f"{request.method} {request.path} HTTP/1.1", *(f"{name}: {value}" for name, value in
                                                             [*first, *request.headers, *last])]
    return "\r\n".join(lines) + "\r\n\r\n"


# --- request objects as programs log them -----------------------------------------------------------

def _go_quoted(text: str) -> str:
    """strconv.Quote of ASCII text (Go's %q): `\\`, `"`, CR, LF and tab escaped."""
    escapes = {"\\": "\\\\", '"': '\\"', "\r": "\\r", "\n": "\\n", "\t": "\\t"}
    return '"' + "".join(escapes.get(char, char) for char in text) + '"'


def go_dump_request_quoted(request: Request) -> list[str]:
    # A Go worker that logs the request it sends, dumped by httputil.DumpRequestOut(req, true) (pkg.go.dev/net/
    # http/httputil#DumpRequestOut: "like DumpRequest but for outgoing client requests. It includes any headers that
    # the standard http.Transport adds, such as User-Agent"), with `log.Printf("request: %q", dump)` so that the dump
    # stays on one line: strconv.Quote writes its CR LF as `\r\n` and the body's quotes as `\"`. Request.write
    # writes Host, User-Agent, Content-Length, then the other headers canonical and sorted, and the transport's
    # `Accept-Encoding: gzip`.
    others = sorted((go_canonical(name), value) for name, value in request.headers if name != "User-Agent")
    head = [f"{request.method} {request.path} HTTP/1.1", f"Host: {request.host}", f"User-Agent: {AGENT}",
            f"Content-Length: {_length(request)}", *(f"{name}: {value}" for name, value in others),
            "Accept-Encoding: gzip"]
    dump = "\r\n".join(head) + "\r\n\r\n" + request.body
    return [f"2026/11/22 13:00:00 request: {_go_quoted(dump)}"]


def feign_request_to_string(request: Request) -> list[str]:
    # A Spring service whose Feign RequestInterceptor-free client is wrapped by a Client that logs the
    # feign.Request before delegating (`log.debug("sending {}", request)`): Request.toString (OpenFeign's
    # core/src/main/java/feign/Request.java) writes `<method> <url> HTTP/1.1`, a `<field>: <value>` line per
    # header value — the headers a case-insensitive TreeMap, so sorted whatever their case; the template set
    # Content-Length with the body — then, where there is a body, a blank line and the body. Logback prefixes the
    # message's first line only.
    headers = sorted([*request.headers, ("Content-Length", _length(request))], key=lambda pair: pair[0].lower())
    return [f"{LOGBACK}sending {request.method} {request.url} HTTP/1.1", *(f"{name}: {value}" for name, value in headers),
            "", *request.body.split("\n")]


def akka_http_request_to_string(request: Request) -> list[str]:
    # A Scala service that logs the Akka HTTP request it hands to Http().singleRequest (`log.debug(s"sending
    # $request")`; doc.akka.io "HTTP Model": an HttpRequest is a method, a URI, a seq of headers, an entity and a
    # protocol): the case class's toString, `HttpRequest(HttpMethod(POST),<uri>,List(<Name: value>, …),
    # HttpEntity.Strict(<content type>,<n> bytes total),HttpProtocol(HTTP/1.1))` — the Content-Type is the
    # entity's, not a header of the list, and a strict entity shows its size, never its bytes.
    headers = ", ".join(f"{name}: {value}" for name, value in request.headers if name != "Content-Type")
    return [f"{LOGBACK}sending HttpRequest(HttpMethod({request.method}),{request.url},List({headers}),"
            f"HttpEntity.Strict(application/json,{_length(request)} bytes total),HttpProtocol(HTTP/1.1))"]


def jdk_url_connection_fine(request: Request) -> list[str]:
    # A Java 8 service posting with HttpsURLConnection, `sun.net.www.protocol.http.HttpURLConnection.level = ALL`
    # in its logging.properties: writeRequests logs `requests.toString()` at FINE, a sun.net.www.MessageHeader —
    # its identity, the number of pairs (no blank between them), ` pairs: ` and each pair in braces, the request
    # line first as a key whose value is null, then the headers the program set, then Host, Accept, Connection and
    # Content-Length the connection adds. java.util.logging's SimpleFormatter writes the date, the class and the
    # method on one line, `FINE: ` and the message on the next. No body is logged.
    pairs = [(f"{request.method} {request.path} HTTP/1.1", "null"), *request.headers, ("Host", request.host),
             ("Accept", "text/html, image/gif, image/jpeg, *; q=.2, */*; q=.2"), ("Connection", "keep-alive"),
             ("Content-Length", _length(request))]
    return ["Nov 22, 2026 1:00:00 PM sun.net.www.protocol.http.HttpURLConnection writeRequests",
            f"FINE: sun.net.www.MessageHeader@5c3bd550{len(pairs)} pairs: "
            + "".join(f"{{{name}: {value}}}" for name, value in pairs)]


def _print_r(value: object, depth: int = 0) -> str:
    """A value as PHP's print_r writes it (php.net/manual/function.print-r.php): an array `Array`, an object
    `<Class> Object`, then a line, `(` eight blanks in a level, each `[key] => value` four further in, `)` and a
    blank line; a dict whose first key is a class name (`@class`) is that object, its other keys its properties."""
    if isinstance(value, dict):
        pad = " " * (8 * depth)
        title = f"{value['@class']} Object" if "@class" in value else "Array"
        items = "".join(f"{pad}    [{key}] => {_print_r(item, depth + 1)}\n" for key, item in value.items()
                        if key != "@class")
        return f"{title}\n{pad}(\n{items}{pad})\n"
    return str(value)


def php_print_r_guzzle_request(request: Request) -> list[str]:
    # A PHP worker that logs the PSR-7 request a Guzzle middleware is given before sending it
    # (`error_log(print_r($request, true))`; docs.guzzlephp.org "Handlers and Middleware": a middleware receives
    # the RequestInterface): print_r of a GuzzleHttp\Psr7\Request object writes each property as
    # `[name:Class:private]` — the method, the request target, the Uri object's parts, the headers (Host first, each
    # an array of values), headerNames (lower-cased names to names), the protocol and the body's Stream object,
    # which shows its size, not its bytes. PHP's error_log stamps the first line.
    def private(owner: str, **properties: object) -> dict[str, object]:
        return {"@class": f"GuzzleHttp\\Psr7\\{owner}",
                **{f"{name}:GuzzleHttp\\Psr7\\{owner}:private": item for name, item in properties.items()}}

    headers = [("Host", request.host), *request.headers]
    uri = private("Uri", scheme="https", userInfo="", host=request.host, port="", path=request.path, query="",
                  fragment="", composedComponents="")
    stream = private("Stream", stream="Resource id #42", size=_length(request), seekable=1, readable=1, writable=1,
                     uri="php://temp", customMetadata={})
    psr7 = private("Request", method=request.method, requestTarget="", uri=uri,
                   headers={name: {0: value} for name, value in headers},
                   headerNames={name.lower(): name for name, _ in headers}, protocol="1.1", stream=stream)
    return ("[22-Nov-2026 13:00:00 UTC] " + _print_r(psr7)).rstrip("\n").split("\n")


def _edn(value: object) -> str:
    if isinstance(value, str):
        return json.dumps(value)  # Clojure's string escapes are JSON's for ASCII text
    return str(value)


def clojure_ring_request_pprint(request: Request) -> list[str]:
    # A Clojure service that logs the Ring-style request map it passes to clj-http's `request`
    # (github.com/dakrone/clj-http README, "the raw request map": :scheme, :server-name, :server-port, :uri,
    # :request-method, :headers, :body) with `(log/debug (with-out-str (clojure.pprint/pprint req)))`: pprint
    # writes a map wider than its 72 columns one entry a line, and an entry that does not fit its key on one line
    # and its value under it, a nested map so too, one column in.
    entries: list[tuple[str, object]] = [(":scheme", ":https"), (":server-name", request.host), (":server-port", 443),
                                         (":uri", request.path), (":request-method", ":" + request.method.lower())]
    lines: list[str] = []
    for key, value in entries:
        lines.append(f" {key} {value if key in (':scheme', ':request-method') else _edn(value)},")
    lines.append(" :headers")
    header_lines = []
    for name, value in request.headers:
        pair = f"{_edn(name)} {_edn(value)}"
        header_lines += [f"  {pair},"] if len(pair) < 68 else [f"  {_edn(name)}", f"  {_edn(value)},"]
    header_lines[0] = " {" + header_lines[0][2:]
    header_lines[-1] = header_lines[-1].rstrip(",") + "},"
    lines += header_lines + [" :body", f" {_edn(request.body)}}}"]
    lines[0] = "{" + lines[0][1:]
    return ["2026-11-22 13:00:00,123 DEBUG [payouts.iugu] - sending", *lines]


# --- a client's debug callback, an HTTP/2 client's frames -----------------------------------------------

def pycurl_debugfunction(request: Request) -> list[str]:
    # A Python worker on pycurl with VERBOSE and a DEBUGFUNCTION (pycurl.io/docs/latest/callbacks.html,
    # DEBUGFUNCTION: "called with two arguments, debug_type and debug_msg"; its example prints
    # `"debug(%d): %s" % (debug_type, debug_msg)`): libcurl's informational text (0), the head it sends (2,
    # CURLINFO_HEADER_OUT: Host, Accept, the HTTPHEADER list, Content-Length) and the data it sends (4,
    # CURLINFO_DATA_OUT), each a bytes object printed as its repr.
    head = _wire_head(request, [("Host", request.host), ("Accept", "*/*")], [("Content-Length", _length(request))])
    connected = f"Connected to {request.host} (200.155.0.10) port 443\n"
    return [f"debug(0): {connected.encode()!r}",
            f"debug(2): {head.encode()!r}", f"debug(4): {request.body.encode()!r}",
            "debug(1): b'HTTP/1.1 201 Created\\r\\n'"]


def nghttp_verbose(request: Request) -> list[str]:
    # nghttp2's client posting the body from a file (`nghttp -v -d body.json -H 'content-type: …' <url>`;
    # nghttp2.org/documentation/nghttp.1.html: -v "print debug information such as reception and transmission of
    # frames and name/value pairs"): each frame sent on a `[  <seconds>] send <TYPE> frame <length=…, flags=…,
    # stream_id=…>` line, its details and the HEADERS frame's fields (lower-cased, pseudo-headers first) ten blanks
    # in; a DATA frame shows its length, never its bytes.
    fields = [(":method", request.method), (":path", request.path), (":scheme", "https"), (":authority", request.host),
              ("accept", "*/*"), ("accept-encoding", "gzip, deflate"),
              *((name.lower(), value) for name, value in request.headers), ("content-length", _length(request))]
    pad = " " * 10
    return ["[  0.003] Connected", "The negotiated protocol: h2",
            "[  0.015] send HEADERS frame <length=412, flags=0x24, stream_id=13>", f"{pad}; END_HEADERS | PRIORITY",
            f"{pad}(padlen=0, dep_stream_id=11, weight=16, exclusive=0)", f"{pad}; Open new stream",
            *(f"{pad}{name}: {value}" for name, value in fields),
            f"[  0.015] send DATA frame <length={_length(request)}, flags=0x01, stream_id=13>", f"{pad}; END_STREAM",
            "[  0.322] recv (stream_id=13) :status: 201"]


# --- platforms that make the call -------------------------------------------------------------------------

def step_functions_http_task(request: Request) -> list[str]:
    # A state machine paying out through an HTTP Task (docs.aws.amazon.com/step-functions/latest/dg/call-https-
    # apis.html: `"Resource": "arn:aws:states:::http:invoke"`, Parameters ApiEndpoint, Method, Headers,
    # RequestBody, Authentication.ConnectionArn), looked at with `aws stepfunctions get-execution-history`: the
    # TaskScheduled event's taskScheduledEventDetails hold the parameters as one JSON string; the body is given
    # as a string, sent as it is. The CLI prints JSON four blanks an indent.
    parameters = {"ApiEndpoint": request.url, "Method": request.method, "Headers": dict(request.headers),
                  "RequestBody": request.body,
                  "Authentication": {"ConnectionArn": "arn:aws:events:sa-east-1:123456789012:connection/iugu/0f1e"}}
    history = {"events": [
        {"timestamp": "2026-11-22T13:00:00.100000-03:00", "type": "TaskStateEntered", "id": 2, "previousEventId": 0,
         "stateEnteredEventDetails": {"name": "SendTransfer", "input": "{}", "inputDetails": {"truncated": False}}},
        {"timestamp": "2026-11-22T13:00:00.123000-03:00", "type": "TaskScheduled", "id": 3, "previousEventId": 2,
         "taskScheduledEventDetails": {"resourceType": "http", "resource": "invoke", "region": "sa-east-1",
                                       "parameters": json.dumps(parameters, separators=(",", ":"))}}]}
    return json.dumps(history, indent=4).split("\n")


def kafka_connect_http_sink(request: Request) -> list[str]:
    # The payouts topic drained by Confluent's HTTP Sink connector (docs.confluent.io "HTTP Sink Connector
    # Configuration Properties": http.api.url, request.method, headers — "Individual headers should be separated
    # by the header.separator", `|` by default, each `name:value` —, request.body.format), its configuration as
    # the Connect REST API returns it (`curl -s localhost:8083/connectors/<name> | jq .`). The body of each call
    # is a record of the topic, not in the configuration.
    config = {"connector.class": "io.confluent.connect.http.HttpSinkConnector", "tasks.max": "1",
              "topics": "payouts", "http.api.url": request.url, "request.method": request.method,
              "headers": "|".join(f"{name}:{value}" for name, value in request.headers), "header.separator": "|",
              "request.body.format": "json", "batch.max.size": "1", "reporter.bootstrap.servers": "kafka:9092"}
    return json.dumps({"name": "payouts-iugu", "config": config,
                       "tasks": [{"connector": "payouts-iugu", "task": 0}], "type": "sink"}, indent=2).split("\n")


def node_red_flow_export(request: Request) -> list[str]:
    # A Node-RED flow exported from the editor (nodered.org/docs/user-guide/editor/workspace/import-export: the
    # flow as JSON, an array of nodes), its `http request` node (core nodes' 21-httprequest: method, url, and the
    # headers set in the node's editor as `{keyType, keyValue, valueType, valueValue}` — a known header's name as
    # its keyType, another's `other` with the name in keyValue; a value likewise); the body is the message's
    # payload, set by the node before it, not in the export.
    known_names, known_values = {"Content-Type", "User-Agent"}, {"application/json"}
    headers = [{"keyType": name if name in known_names else "other", "keyValue": "" if name in known_names else name,
                "valueType": value if value in known_values else "other",
                "valueValue": "" if value in known_values else value} for name, value in request.headers]
    node = {"id": "7c1d2e3f4a5b6c7d", "type": "http request", "z": "1a2b3c4d5e6f7a8b", "name": "Send transfer",
            "method": request.method, "ret": "obj", "paytoqs": "ignore", "url": request.url, "tls": "",
            "persist": False, "proxy": "", "insecureHTTPParser": False, "authType": "", "senderr": False,
            "headers": headers, "x": 480, "y": 120, "wires": [["9e8d7c6b5a4f3e2d"]]}
    return json.dumps([node], indent=4).split("\n")


def salesforce_apex_callout(request: Request) -> list[str]:
    # An Apex class calling the provider from a Salesforce org, its debug log downloaded with the Callout category
    # at INFO (help.salesforce.com "Debug Log Levels"; developer.salesforce.com Apex HttpRequest: toString
    # "Returns a string containing the URL for the endpoint of the external server for this request and the method
    # used"): the CALLOUT_REQUEST event's line, `<time> (<nanoseconds>)|CALLOUT_REQUEST|[<line>]|
    # System.HttpRequest[Endpoint=<url>, Method=<method>]`, then CALLOUT_RESPONSE. No header, no body.
    return [f"13:00:00.123 (123456789)|CALLOUT_REQUEST|[42]|System.HttpRequest[Endpoint={request.url}, "
            f"Method={request.method}]",
            "13:00:00.435 (435456789)|CALLOUT_RESPONSE|[42]|System.HttpResponse[Status=Created, StatusCode=201]"]


SHAPES = [case(shape) for shape in (go_dump_request_quoted, feign_request_to_string, clojure_ring_request_pprint,
                                    pycurl_debugfunction)] + [
    case(step_functions_http_task, "history.json")]
HEADERS_ONLY = [case(shape) for shape in (akka_http_request_to_string, jdk_url_connection_fine,
                                          php_print_r_guzzle_request)] + [
    case(kafka_connect_http_sink, "connector.json"),
    case(nghttp_verbose),
    case(node_red_flow_export, "flows.json")]
NO_HEADERS = [case(salesforce_apex_callout)]
