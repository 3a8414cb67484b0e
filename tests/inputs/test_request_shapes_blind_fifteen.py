"""A fifteenth blind corpus: the four money-out requests of :mod:`helpers.signed_shapes` (iugu
transfers unsigned, signed with the client's real key and with another key, an Asaas transfer) as
client MIDDLEWARE and hooks log them — http4s' client Logger, requests-oauthlib's OAuth2Session,
Apache CXF's logging feature through a JSON encoder —, as TEST TOOLS keep them — Robot Framework's
RequestsLibrary in output.xml, an Allure HTML attachment, a Schemathesis cassette, yakbak and
talkback tapes —, as a packet tool prints the request it dissected (Scapy's show()), as the .NET
Framework's System.Net trace writes what a connection sends, as a vim-rest-console request file
holds it, and as an Airflow task log names the call — none of which the other corpora show. Eleven
pass (the Allure attachment and the yakbak and talkback tapes show headers only: none shows the
body as sent); one is a strict expected failure, saying what the readers miss.

Each shape quotes the public documentation (or the source) it follows. The request checks are
the ones every blind corpus passes (:mod:`test_request_shape_corpora`): ``SHAPES`` show the body as
sent, ``HEADERS_ONLY`` never do, ``NO_HEADERS`` show no header at all. A shape the readers cannot
take yet is an expected failure, strict, with what they miss.
"""

from __future__ import annotations

import json
import re
from html import escape

from helpers.signed_shapes import Request, case

LOGBACK = "2026-11-22 13:00:00.123 DEBUG 4242 --- [payouts] [io-compute-3] o.h.client.middleware.RequestLogger : "


def _requests_headers(request: Request) -> dict[str, str]:
    """The headers python-requests sends: the session's defaults first (a request's value replaces a default's in
    place, sessions.merge_setting), the request's after them, Content-Length last (PreparedRequest.prepare_body)."""
    merged = {"User-Agent": "python-requests/2.32.3", "Accept-Encoding": "gzip, deflate", "Accept": "*/*",
              "Connection": "keep-alive"}
    merged.update(request.headers)
    return {**merged, "Content-Length": request.content_length}


# --- client middleware and hooks ---------------------------------------------------------------------

def http4s_client_logger(request: Request) -> list[str]:
    # A Scala service whose http4s client is wrapped by `org.http4s.client.middleware.Logger(logHeaders = true,
    # logBody = true)` (http4s core/internal/Logger.scala, logMessageWithBodyText: the message is
    # s"$prelude${spaced(headers)}${spaced(body)}" — the prelude `${req.httpVersion} ${req.method} ${req.uri}`, the
    # headers `mkString("Headers(", ", ", ")")`, the body s"""body="$text"""" as its text is, line breaks and quotes
    # unescaped; only Headers.SensitiveHeaders — Authorization, Cookie, Set-Cookie — are redacted). The entity sets
    # Content-Length. Logback prefixes the message's first line only.
    sent = [*request.headers, ("Content-Length", request.content_length)]
    headers = ", ".join(f"{name}: {value}" for name, value in sent)
    message = f'HTTP/1.1 {request.method} {request.url} Headers({headers}) body="{request.body}"'
    return (LOGBACK + message).split("\n")


def requests_oauthlib_session(request: Request) -> list[str]:
    # A Python worker calling through requests-oauthlib's OAuth2Session (its token withheld for this API,
    # `withhold_token=True`) with DEBUG logging on: OAuth2Session.request logs `log.debug("Requesting url %s using
    # method %s.", url, method)`, `log.debug("Supplying headers %s and data %s", headers, data)` — the headers dict
    # the caller passed and the data as it is, a str printed with its line breaks — and `log.debug("Passing through
    # key word arguments %s.", kwargs)` (requests_oauthlib/oauth2_session.py), under logging's default
    # `%(asctime)s %(levelname)s %(name)s %(message)s` format.
    stamp = "2026-11-22 13:00:00,123 DEBUG requests_oauthlib.oauth2_session "
    return [f"{stamp}Requesting url {request.url} using method {request.method}.",
            *f"{stamp}Supplying headers {dict(request.headers)!r} and data {request.body}".split("\n"),
            f"{stamp}Passing through key word arguments {{'timeout': 10, 'withhold_token': True}}."]


def cxf_logging_feature_json(request: Request) -> list[str]:
    # A JAX-RS client on Apache CXF with its LoggingFeature and the Slf4jEventSender (cxf rt/features/logging,
    # org.apache.cxf.ext.logging.slf4j.Slf4jEventSender: the message is the event's payload; type, address,
    # content-type, encoding, exchangeId, httpMethod, serviceName, portName, portTypeName and `headers` — the
    # event's header map's toString, `{Name=value, …}` — go to the MDC), logged by logstash-logback-encoder's
    # LogstashEncoder, which writes each MDC entry as a field of the JSON line. The headers map is sorted
    # case-insensitively; CXF adds Accept.
    headers = sorted([("Accept", "*/*"), *request.headers], key=lambda pair: pair[0].lower())
    event = {"@timestamp": "2026-11-22T10:00:00.123-03:00", "@version": "1", "message": request.body,
             "logger_name": "org.apache.cxf.services.TransferApi.REQ_OUT", "thread_name": "payouts-1",
             "level": "INFO", "level_value": 20000, "type": "REQ_OUT", "address": request.url,
             "content-type": "application/json", "encoding": "UTF-8",
             "exchangeId": "8a2e51f0-7c3b-4f0e-9d1a-2b6c4e8f1a3d", "httpMethod": request.method,
             "serviceName": "TransferApi", "portName": "TransferApiPort", "portTypeName": "TransferApi",
             "headers": "{" + ", ".join(f"{name}={value}" for name, value in headers) + "}"}
    return [json.dumps(event, separators=(",", ":"))]


def dotnet_system_net_trace(request: Request) -> list[str]:
    # A .NET Framework service posting with HttpWebRequest, System.Net tracing on in its app.config with
    # `tracemode="protocolonly"` (learn.microsoft.com "Interpreting Network Tracing": "To omit hexadecimal data,
    # specify protocolonly …", its example `[2444] (594) Data from ConnectStream#33574638::WriteHeaders<<GET
    # /wpad.dat HTTP/1.1` and the head's lines under it): `[<thread>] (<milliseconds>)`, then what ConnectStream
    # writes — the head (WriteHeaders, its CR LF line ends as written, the blank line closing it), then the body
    # (Write).
    head = "\r\n".join([f"{request.method} {request.path} HTTP/1.1", *(f"{name}: {value}" for name, value in
                                                                       request.headers),
                        f"Host: {request.host}", f"Content-Length: {request.content_length}", "Expect: 100-continue",
                        "Connection: Keep-Alive"]) + "\r\n\r\n"
    return [*f"[2444] (594) Data from ConnectStream#33574638::WriteHeaders<<{head}".split("\n"),
            *f"[2444] (601) Data from ConnectStream#33574638::Write<<{request.body}".split("\n"),
            "[2444] (912) Exiting HttpWebRequest#45653674::GetResponse() \t-> HttpWebResponse#41149443"]


# --- test tools ----------------------------------------------------------------------------------------

def robot_requests_library(request: Request) -> list[str]:
    # A Robot Framework suite paying out with RequestsLibrary's `POST On Session`, its output.xml kept by CI:
    # RequestsLibrary/log.py log_request writes `"%s Request : " % method + "url=%s %s\n " % (url, redirected) +
    # "path_url=%s \n " + "headers=%s \n " % safe_headers + "body=%s \n "` — the headers a dict (only Authorization
    # masked), the body as requests prepared it, a str as it is — and Robot writes each message as a <msg> element,
    # its text XML-escaped.
    message = (f"{request.method} Request : url={request.url} \n path_url={request.path} \n "
               f"headers={_requests_headers(request)!r} \n body={request.body} \n ")
    return ['<kw name="POST On Session" owner="RequestsLibrary">',
            *f'<msg time="2026-11-22T13:00:00.123456" level="INFO">{escape(message, quote=False)}</msg>'.split("\n"),
            '<status status="PASS" start="2026-11-22T13:00:00.100000" elapsed="0.350000"/>', "</kw>"]


def allure_okhttp_attachment(request: Request) -> list[str]:
    # A Kotlin test suite whose OkHttp client carries Allure's AllureOkHttp3 interceptor (allure-java
    # allure-okhttp3: the request's method, URL, headers and body read as UTF-8 into an HttpRequestAttachment),
    # rendered by allure-attachments' tpl/http-request.ftl (`<#ftl output_format="HTML">`, so every value
    # HTML-escaped): `<div>${data.method} to ${data.url}</div>`, the body in `<pre class="preformated-text">` after
    # four blanks — the template's own indentation before `${data.body}`, on the body's first line only, so the body
    # shown is not the bytes sent —, then `<div>${name}: ${value}</div>` a header. One file of allure-results.
    body = escape(request.body)
    headers = [f"        <div>{escape(name)}: {escape(value)}</div>" for name, value in request.headers]
    return [f"<div>{request.method} to {escape(request.url)}</div>", "", "", "", "<h4>Body</h4>", "<div>",
            '    <pre class="preformated-text">', *f"    {body}".split("\n"), "    </pre>", "</div>", "", "",
            "<h4>Headers</h4>", "<div>", *headers, "</div>"]


def _yaml_double_quoted(text: str) -> str:
    """A YAML double-quoted scalar as PyYAML's emitter escapes one (`\\n`, `\\"`, `\\\\`)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def schemathesis_cassette(request: Request) -> list[str]:
    # Schemathesis run with `--cassette-path cassette.yaml` against the payouts API's OpenAPI document
    # (schemathesis.readthedocs.io "Storing and replaying test cases": "network interactions in VCR format"; its
    # VcrWriter writes each interaction's `request:` with `uri`, `method`, `headers:` — each name double-quoted,
    # its values a list of json.dumps strings — and `body:` with `encoding: 'utf-8'` and `string:` the body as
    # a YAML double-quoted scalar).
    headers = [line for name, value in _requests_headers(request).items()
               for line in (f'      "{name}":', f"      - {json.dumps(value)}")]
    return ["- id: '1'", "  status: 'SUCCESS'", "  recorded_at: '2026-11-22T16:00:00.123456+00:00'",
            "  checks:", "    - name: 'not_a_server_error'", "      status: 'SUCCESS'", "      message: ~",
            "  request:", f"    uri: '{request.url}'", f"    method: '{request.method}'", "    headers:", *headers,
            "    body:", "      encoding: 'utf-8'", f"      string: {_yaml_double_quoted(request.body)}",
            "  response:", "    status:", "      code: '201'", '      message: "Created"']


def yakbak_tape(request: Request) -> list[str]:
    # A Node service's tests replaying the provider through yakbak (github.com/flickr/yakbak: "record HTTP
    # interactions"; each tape a Node module, src/tape.ejs: a comment block ` * <method> <path>` then
    # ` * <name>: <value>` for each header of the proxied request — lib/proxy.js sets `host` to the target's host —
    # then `module.exports = function (req, res) {…}` that writes the recorded response). Node keeps header
    # names lower-cased; the request's body is hashed into the tape's name, never written.
    headers = [("host", request.host), *((name.lower(), value) for name, value in request.headers),
               ("content-length", request.content_length)]
    return ['var path = require("path");', "", "/**", f" * {request.method} {request.path}", " *",
            *(f" * {name}: {value}" for name, value in headers), " */", "",
            "module.exports = function (req, res) {", "  res.statusCode = 201;", "",
            '  res.setHeader("content-type", "application/json; charset=utf-8");', "",
            '  res.setHeader("x-yakbak-tape", path.basename(__filename, ".js"));', "",
            '  res.write(new Buffer("eyJpZCI6IjFBMkIzQyJ9", "base64"));', "  res.end();", "",
            "  return __filename;", "};"]


_IDENTIFIER = re.compile(r"[A-Za-z_$][\w$]*")


def _json5(value: object, depth: int = 0) -> str:
    """A value as JSON5.stringify(value, null, 4) writes it: a key that is an identifier unquoted, strings in double
    quotes, four blanks a level."""
    if not isinstance(value, dict):
        return json.dumps(value)
    pad = " " * (4 * (depth + 1))
    items = [f"{pad}{key if _IDENTIFIER.fullmatch(key) else json.dumps(key)}: {_json5(item, depth + 1)}"
             for key, item in value.items()]
    return "{\n" + ",\n".join(items) + "\n" + " " * (4 * depth) + "}"


def talkback_tape(request: Request) -> list[str]:
    # A Node service's tests replaying the provider through talkback (github.com/ijpiantanida/talkback: tapes are
    # JSON5, its example tapes/fake-post.json5: `meta` with `host`, `req` with `url` — the path —, `method`,
    # `headers` and `body`, then `res`). Tape.cleanupHeaders drops the ignoreHeaders (host, content-length by
    # default); normalizeBody re-stringifies a JSON body and the renderer keeps it human-readable as the parsed
    # object: not the bytes sent.
    tape = {"meta": {"createdAt": "2026-11-22T13:00:00.123Z", "host": f"https://{request.host}",
                     "reqHumanReadable": True, "resHumanReadable": True},
            "req": {"url": request.path, "method": request.method,
                    "headers": {name.lower(): value for name, value in request.headers},
                    "body": json.loads(request.body)},
            "res": {"status": 201, "headers": {"content-type": ["application/json; charset=utf-8"]},
                    "body": {"id": "1A2B3C"}}}
    return _json5(tape).split("\n")


def vim_rest_console(request: Request) -> list[str]:
    # A request file of vim-rest-console kept in the team's repository to pay out by hand (doc/vim-rest-console.txt,
    # "Usage": a request block is `# host`, `http[s]://domain[:port]`, `[optional headers]`, `# query`, `POST
    # /path/to/resource` and `[optional request body]`; "A comment starts with '#' or '//' and must be on its own
    # line"), laid out as its example is, a blank line between the parts.
    return ["# host", f"https://{request.host}", "", "// Specify optional headers.",
            *(f"{name}: {value}" for name, value in request.headers), "", "# query",
            f"{request.method} {request.path}", *request.body.split("\n"), ""]


# --- a packet tool ------------------------------------------------------------------------------------------

_SCAPY_REQUEST_FIELDS = sorted(["Cache-Control", "Connection", "Permanent", "Content-Length", "Content-MD5",
                                "Content-Type", "Date", "Keep-Alive", "Pragma", "Upgrade", "Via", "Warning", "A-IM",
                                "Accept", "Accept-Charset", "Accept-Encoding", "Accept-Language", "Accept-Datetime",
                                "Access-Control-Request-Method", "Access-Control-Request-Headers", "Authorization",
                                "Cookie", "Expect", "Forwarded", "From", "Host", "HTTP2-Settings", "If-Match",
                                "If-Modified-Since", "If-None-Match", "If-Range", "If-Unmodified-Since",
                                "Max-Forwards", "Origin", "Proxy-Authorization", "Range", "Referer", "TE",
                                "User-Agent", "X-Request-ID", "X-Correlation-ID", "Upgrade-Insecure-Requests",
                                "X-Requested-With", "DNT", "X-Forwarded-For", "X-Forwarded-Host",
                                "X-Forwarded-Proto", "Front-End-Https", "X-Http-Method-Override", "X-ATT-DeviceId",
                                "X-Wap-Profile", "Proxy-Connection", "X-UIDH", "X-Csrf-Token", "Save-Data"])


def scapy_http_show(request: Request) -> list[str]:
    # A packet sniffed on port 80 by Scapy with its HTTP layer and TCPSession (scapy/layers/http.py: HTTPRequest's
    # fields are Method, Path, Http_Version, then one field a known header, its name's '-' made '_', sorted, then
    # Unknown_Headers, a dict of the headers it does not know; the body is the Raw layer's load), printed with
    # pkt.show(): `###[ <layer> ]###` a layer, each field `<name padded to 10> = <repr>` three blanks deeper a
    # layer; bytes are shown as their repr, an unset field as None.
    known = {name.lower(): name for name in _SCAPY_REQUEST_FIELDS}
    sent = [("Host", request.host), *request.headers, ("Content-Length", request.content_length)]
    values = {name.lower(): value for name, value in sent if name.lower() in known}
    unknown = {name.encode(): value.encode() for name, value in sent if name.lower() not in known}
    pad = " " * 14

    def field(name: str, value: object) -> str:
        return f"{pad}{name.replace('-', '_'):<10}= {value!r}"

    layers = ["###[ Ethernet ]### ", "  dst       = 00:1a:2b:3c:4d:5e", "  src       = 02:42:ac:11:00:02",
              "  type      = IPv4", "###[ IP ]### ", "     version   = 4", "     proto     = tcp",
              "     src       = 172.17.0.2", "     dst       = 200.155.0.10", "###[ TCP ]### ",
              "        sport     = 51234", "        dport     = http", "        flags     = PA"]
    return [*layers, "###[ HTTP 1 ]### ", "###[ HTTP Request ]### ", field("Method", request.method.encode()),
            field("Path", request.path.encode()), field("Http-Version", b"HTTP/1.1"),
            *(field(name, values[name.lower()].encode() if name.lower() in values else None)
              for name in _SCAPY_REQUEST_FIELDS),
            field("Unknown-Headers", unknown), "###[ Raw ]### ", f"{' ' * 17}load      = {request.body.encode()!r}"]


# --- a platform that names the call ----------------------------------------------------------------------

def airflow_http_hook(request: Request) -> list[str]:
    # An Airflow DAG paying out with the HTTP provider's HttpOperator, its task log downloaded from the UI
    # (airflow/providers/http/hooks/http.py, HttpHook.run: `self.log.info("Sending '%s' to url: %s", self.method,
    # url)`; the operator logs "Calling HTTP method" first), under Airflow's task log format `[%(asctime)s]
    # {%(filename)s:%(lineno)d} %(levelname)s - %(message)s`. No header, no body.
    return ["[2026-11-22, 13:00:00 UTC] {http.py:172} INFO - Calling HTTP method",
            f"[2026-11-22, 13:00:00 UTC] {{http.py:200}} INFO - Sending '{request.method}' to url: {request.url}",
            "[2026-11-22, 13:00:01 UTC] {taskinstance.py:1400} INFO - Marking task as SUCCESS."]


SHAPES = [case(schemathesis_cassette, "cassette.yaml"),
          case(http4s_client_logger),
          case(requests_oauthlib_session),
          case(cxf_logging_feature_json),
          case(dotnet_system_net_trace),
          case(robot_requests_library, "output.xml"),
          case(vim_rest_console, "payouts.rest"),
          case(scapy_http_show, plaintext=True, missed="no request read: Scapy's show() prints each header as a field "
               "(`Host      = b'api.iugu.com'`: the name's `-` made `_`, padded, `= ` and a bytes repr), the ones it "
               "does not know in `Unknown_Headers = {b'Name': b'value'}` and the body as the Raw layer's `load = "
               "b'…'`; no reader takes a packet's fields, nor a TCP layer's `dport = http` for plain HTTP")]
HEADERS_ONLY = [case(allure_okhttp_attachment, "3f1c-attachment.html"), case(talkback_tape, "transfer.json5"),
                case(yakbak_tape, "3b2a1c.js")]
NO_HEADERS = [case(airflow_http_hook)]
