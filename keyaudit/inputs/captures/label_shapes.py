"""How libraries write a request as labelled fields, as data: the table :mod:`.labelled` reads.

Some loggers do not write a request as HTTP writes it (a start line, header lines, a body: the
dump table, :mod:`.dump_shapes`) but as fields, each behind a label that names its role — `Request
method:`, `Request URI:`, `Headers:`, `Body:`; `METHOD:`; `Endpoint request URI:`; an HTTP/2
field list whose pseudo-headers name the method, path, authority and scheme. One reader reads
them all; a library is its labels here. Not provider knowledge: no host, key or path.

A shape is a capture name and its labels, each ``needle: field``: ``needle`` a literal every
line of the label holds, ``field`` the pattern (Python ``re``) read in those lines only, in one
place: at the line's start where it begins with ``^``, else where the needle first appears — it
begins with the needle, after at most a ``\b`` or look-behinds (what comes before the needle is
looked back at: a field searched for along a line would be tried at each repeat of its label,
each try reading to the line's end; the reader refuses one). Its
groups say what the line gives: method; url (absolute); target (origin-form, joined to host or the
Host header); host; scheme (or whether the connection is secure, ``True`` or ``False``); name and
value (one header); pseudo and value (an HTTP/2
pseudo-header, its name without the colon: method, path, authority or scheme, the part it names);
begin (a request begins here, its parts in the labels that follow: a spec's scenario, whose steps
may set the headers before the one that names the method and URL); headers (a list of headers, see
``list``); body (the body begins: its first line, or empty when it begins on the next line); data
(a piece of the body); more (a piece of the last header's value on a row of its own, where a
printer cut the value at its width: right after the header's row or another piece); cut (the
piece is not whole: the body is not the bytes sent); aside (rows of another table follow, written
as headers are — a printer's query parameters, options, a body's map: their names are no headers,
up to the next label with a headers, aside or credentials group); credentials (the same, the rows
an authentication scheme's credentials, the scheme the group's text: each row's value in turn, a
Bearer token, Basic's user and password, an API key's header name, value and placement); auth (the
scheme the request authenticates with: the client sends the credentials read for it as the header
it makes of them, see :mod:`.authorization`; the first label giving it counts); end (the request ends here); stream
and connection (a frame log's: the stream a frame is of, and the connection it is on, where stream ids are each
connection's own — HTTP/2 numbers a connection's streams 1, 3, 5, …: the stream a request's data frames name, see
:mod:`.labelled`). A label with
a name or headers group says the headers are known, even where it lists none (``<none>``).
Optional keys of a shape:
  list     how its headers groups list them: map (Java's ``Map.toString()``, ``{Name=value, …}``),
           quoted (Spring's ``HttpHeaders.toString()``, ``[name:"value", …]``), blanks
           (``Name=value Name=value``) or dictionary (Swift's ``Dictionary`` description,
           ``["Name": "value", …]``; a Ruby hash, ``"Name"=>"value", …``) or
           piped (Apache's mod_log_forensic, ``Name:value|Name:value``, ``%xx`` escapes) or colons
           (sttp's, ``Name: value, Name: value``) or tuples (a list of quoted pairs, Haskell's
           ``[("Name","value"),…]``) or printed (a map in its language's notation: JSON, a dict, a hash)
  quoted   yes: its groups hold the inside of a double-quoted string with backslash escapes
           (Go's ``%q``), undone
  close    the text that closes the body at a line's end (the bracket of a message that ends
           with its body, ``…, payload=<body>]``; a block's brace)
  indent   what the file puts before each line of the body, not sent (a block's indentation)
  margin   yes: what the body's label's line has before it (its indentation) is before each line of
           the body, not sent (a doc string's lines are indented as its delimiter is)
  lined    yes: each line is a print of its own, so every line of the body carries the log prefix
           of its label's line (``I/flutter ( 4321): `` as ``flutter run`` shows an app's prints),
           taken off; a line without it ends the body
  head     yes: its headers are written as an HTTP head's are, so a blank line after them ends them
           (what follows is the body as the printer shows it: its ``a: b`` lines are no headers)
  after    yes: its headers come after the body (the body is not the request's last field): the
           request goes on past the body's end, up to its own end
  others   end: the request is written as one print, line after line: a line that is none of its
           labels (nor a line of the body) ends it; a first line no body or headers followed is
           none of the shape's (another library's that writes it too)

A request starts at its shape's first label — the field the library writes first, which must give
one of its parts (method, url, target, host, pseudo), or begin — and at any label giving a part the
open request has already, or begin; its fields follow, other lines between them passed over. (Only the first
labels are looked for between requests: each needle looked for costs every line read.) The body is the request's last field: it ends at an ``end`` label where the shape has
one, at ``close``, where its JSON document closes, at a blank line, or where a line carries the
log prefix of its label's line again (the next record); the request ends with it — or, where its
method is still to come (a library that logs it last), at the method's label.
"""

from .lines import TOKEN
from .quoted import DOUBLE_QUOTED

# What may come before a request line's path (RFC 9112 3.2): nothing (origin-form, a server's own requests), or a
# scheme and authority (absolute-form, as a forward proxy receives every request: `POST https://api.iugu.com/v1/…`)
ABSOLUTE_FORM = r"(?:https?://[^\s/|\"]+)?"

LABEL_SHAPES: tuple[dict[str, object], ...] = (
    # REST Assured's request logging, `given().log().all()` (github.com/rest-assured/rest-assured/wiki/Usage,
    # "Logging"; RequestPrinter): `Request method:\tPOST`, `Request URI:\t<url>`, `Headers:` with the
    # first `Name=value` on its line and the others on lines of their own, indented by tabs, then
    # `Body:` and the body on the next lines (`Body:\t\t\t<none>` without one).
    {"capture": "rest-assured", "labels": {
        "Request method:": r"^Request method:\s+(?P<method>[A-Z]+)\s*$",
        "Request URI:": r"^Request URI:\s+(?P<url>\S+)\s*$",
        "Headers:": rf"^Headers:\s+(?:<none>|(?P<name>{TOKEN})=(?P<value>.*))$",
        "\t\t": rf"^\t{{2,}}(?P<name>{TOKEN})=(?P<value>.*)$", "Body:": r"^Body:(?P<body>)\s*$"}},

    # Ktor client's Logging plugin at LogLevel.ALL (ktor.io/docs/client-logging.html; Logging.kt):
    # `REQUEST: <url>`, `METHOD: HttpMethod(value=POST)`, `COMMON HEADERS` and `CONTENT HEADERS`
    # each followed by `-> Name: value` lines, then (often in a message of its own) `BODY START`,
    # the body, `BODY END`.
    {"capture": "ktor", "labels": {
        "REQUEST: ": r"\bREQUEST: (?P<url>https?://\S+)\s*$",
        "METHOD: ": r"\bMETHOD: (?:HttpMethod\(value=)?(?P<method>[A-Z]+)\)?\s*$",
        "-> ": rf"(?<![-\w])-> (?P<name>{TOKEN}): (?P<value>.*)$",
        "BODY START": r"\bBODY START(?P<body>)\s*$", "BODY END": r"\bBODY END(?P<end>)\s*$"}},

    # An Amazon API Gateway execution log with data tracing (docs.aws.amazon.com/apigateway/latest/
    # developerguide/set-up-logging.html; the test-invoke log's lines), every event after
    # `(<request id>) `: `HTTP Method: POST, Resource Path: /…`, then what the integration sends,
    # `Endpoint request URI: <url>`, `Endpoint request headers: {Name=value, …}` and `Endpoint request
    # body after transformations: <body>` (the body's later lines bare).
    {"capture": "api-gateway", "list": "map", "labels": {
        ") HTTP Method: ": r"\) HTTP Method: (?P<method>[A-Z]+), Resource Path: ",
        ") Endpoint request URI: ": r"\) Endpoint request URI: (?P<url>\S+)\s*$",
        ") Endpoint request headers: ": r"\) Endpoint request headers: (?P<headers>\{.*\})\s*$",
        ") Endpoint request body after transformations: ": r"\) Endpoint request body after transformations: (?P<body>.*)$"}},

    # Spring's CommonsRequestLoggingFilter (AbstractRequestLoggingFilter.createMessage, with
    # includeHeaders and includePayload): `After request [POST /path, client=…, session=…, user=…,
    # headers=[name:"value", …], payload=<body>]`, the payload's later lines bare. Its `Before
    # request […]` message is not read: it never holds the payload, and would count the request twice.
    {"capture": "spring-filter", "list": "quoted", "close": "]", "labels": {
        "After request [": r"After request \[(?P<method>[A-Z]+) (?P<target>/[^\s,\]]*)(?:, client=[^,\]]*)?"
                           r"(?:, session=[^,\]]*)?(?:, user=[^,\]]*)?"
                           r'(?:, headers=(?P<headers>\[[^\]"]*(?:"' + DOUBLE_QUOTED + r'"[^\]"]*)*\]))?(?:, payload=(?P<body>.*))?'}},

    # A RestTemplate ClientHttpRequestInterceptor that logs each request it passes on, as the widely
    # copied one writes it (Baeldung's "Spring RestTemplate Request/Response Logging" and the answers it
    # follows): `===…request begin…===`, `URI         : <uri>`, `Method      : POST`, `Headers     : `
    # and the headers as Spring's HttpHeaders.toString() writes them (`[name:"value", …]`), `Request
    # body: <body>` (its later lines bare), `===…request end…===`. Interceptors run after the
    # request is made ready to send: what it logs is what goes out.
    {"capture": "rest-template", "list": "quoted", "labels": {
        "URI         : ": r"URI         : (?P<url>https?://\S+)\s*$",
        "Method      : ": r"Method      : (?P<method>[A-Z]+)\s*$",
        "Headers     : ": r"Headers     : (?P<headers>\[.*\])\s*$",
        "Request body: ": r"Request body: (?P<body>.*)$",
        "request end=": r"(?<==)request end=+(?P<end>)\s*$"}},

    # Alamofire 5's debugDescription of a response (Source/Core/Response.swift, DebugDescription): `[Request]:
    # <method> <url>`, then nested and indented by 4 each, `[Headers]:` and a `Name: value` row a header, `[Body]:`
    # and the body decoded, its own lines indented too (indentingNewlines); `[Response]:` follows.
    {"capture": "alamofire", "indent": "        ", "others": "end", "labels": {
        "[Request]: ": r"^\[Request\]: (?P<method>[A-Z]+) (?P<url>https?://\S+)\s*$",
        "[Headers]:": r"^    \[Headers\]:(?P<headers>)\s*$",
        "        ": rf"^        (?P<name>{TOKEN}): (?P<value>.*)$",
        "[Body]:": r"^    \[Body\]:(?P<body>)\s*$", "[Response]:": r"^\[Response\]:(?P<end>)"}},

    # Ruby's httpx with HTTPX_DEBUG=2 (lib/httpx/connection/http1.rb join_headers, join_body): `<- HEADLINE:` and the
    # request line inspected (quoted), `<- HEADER: Name: value` a header, then at level 2 each chunk of the body
    # sent inspected, `<- "…"`; every line after the logger's `(pid:… tid:…, self:…) `.
    {"capture": "httpx-rb", "quoted": "yes", "labels": {
        "<- HEADLINE: ": rf'<- HEADLINE: "(?P<method>[A-Z]+) (?P<target>{ABSOLUTE_FORM}/\S*) HTTP/[\d.]+"\s*$',
        "<- HEADER: ": rf"<- HEADER: (?P<name>{TOKEN}): (?P<value>.*)$",
        '<- "': r'<- "(?P<data>' + DOUBLE_QUOTED + r')"\s*$'}},

    # Forest's request log (dromara/forest forest-core logging/DefaultLogHandler.java requestLoggingContent, at INFO:
    # `[Forest] Request (<backend>): `, then on lines of its own a tab and the request line with the scheme upper-cased
    # where HTTP's version would stand (RequestLogMessage.getRequestLine: `POST <url> HTTPS`), a tab and `Headers: `,
    # each header two tabs in, `Name: value`, then a tab, `Body: ` and the body).
    {"capture": "forest", "labels": {
        " HTTP": r"^\t(?P<method>[A-Z]+) (?P<url>https?://\S+) HTTPS?\s*$",
        "\tHeaders:": r"^\tHeaders:(?P<headers>)\s*$",
        "\t\t": rf"^\t\t(?P<name>{TOKEN}): (?P<value>.*)$", "\tBody: ": r"^\tBody: (?P<body>.*)$"}},

    # Quarkus's REST client logging (quarkus.io/guides/rest-client, "Logging traffic":
    # quarkus.rest-client.logging.scope=request-response; DefaultClientLogger.logRequest:
    # "Request: %s %s Headers[%s], Body:\n%s", the headers `name=value` joined by blanks), the
    # body on the lines after, bare. Its field begins with its needle: searched for, a line of
    # repeated `Request: … Headers[` would read the rest of the line from each.
    {"capture": "quarkus", "list": "blanks", "labels": {
        "Request: ": r"\bRequest: (?P<method>[A-Z]+) (?P<url>https?://\S+) "
                     r"Headers\[(?P<headers>.*)\], Body:(?P<body>)\s*$"}},

    # Kotlin Fuel's request as its LogRequestInterceptor prints it (github.com/kittinunf/fuel, fuel/src/main/
    # kotlin/com/github/kittinunf/fuel/core/requests/DefaultRequest.kt, toString: `--> <method> <url>`,
    # `Body : <body>` — `(empty)` without one —, `Headers : (<n>)`, one `Name : value` a header, each line
    # ended by appendln, one println): the body before the headers. (OkHttp's `--> POST <url>` is
    # followed by none of these labels: it is no request of this shape.)
    {"capture": "fuel", "after": "yes", "others": "end", "labels": {
        "> ": r"(?<=--)> (?P<method>[A-Z]+) (?P<url>https?://\S+)\s*$",  # `>`, not `-`: rare in a log's lines
        "Body : ": r"^Body : (?:\(empty\)\s*$|(?P<body>.*)$)",
        "Headers : (": r"^Headers : \(\d+\)(?P<headers>)\s*$",
        " : ": rf"^(?P<name>{TOKEN}) : (?P<value>.*)$"}},

    # pretty_dio_logger with its defaults (pub.dev/packages/pretty_dio_logger; PrettyDioLogger.
    # onRequest): a box `╔╣ Request ║ POST `, `║  <uri>`, then tables, each `╔ <title> ` and one
    # `╟ name: value` row an entry — `Query Parameters`, `Headers` (a header a row), `Extras`, and a
    # body that is a map, `Body` or `Form data | <boundary>`; a value longer than the width (90) goes
    # on the rows after `╟ name: `, cut every 90 characters, each piece after `║ `. `╔╣ Response ║`
    # (or `╔╣ DioError ║`) begins the response.
    {"capture": "pretty-dio", "labels": {
        "╔╣ Request ║ ": r"╔╣ Request ║ (?P<method>[A-Z]+)\s*$",
        "║  ": r"║  (?P<url>https?://\S+)\s*$",
        "╔ Headers ": r"╔ Headers (?P<headers>)\s*$", "╔ ": r"╔ (?P<aside>)",
        "╟ ": rf"╟ (?P<name>{TOKEN}): (?P<value>.*)$",
        "╔╣ ": r"╔╣ (?P<end>)", "║ ": r"║ (?P<more>.*)$"}},

    # Go's HTTP/2 transport with GODEBUG=http2debug=2 (golang.org/x/net/http2, transport.go: `http2:
    # Transport encoding header %q = %q` for every field sent, the pseudo-headers first; frame.go's
    # summarizeFrame: `Framer %p: wrote HEADERS flags=… stream=… len=…` after the fields, then `Framer %p: wrote
    # DATA flags=… stream=… len=… data=%q`, the data cut at 256 bytes with ` (N bytes omitted)` after it; the
    # Framer's address is its connection's, the stream's id one of that connection's. A HEADERS frame that
    # ends its stream ends a request with no body.
    {"capture": "go-http2", "quoted": "yes", "labels": {
        "Transport encoding header ":
            r'Transport encoding header "(?::(?P<pseudo>[a-z]+)|(?P<name>' + DOUBLE_QUOTED + r'))" = '
            r'"(?P<value>' + DOUBLE_QUOTED + r')"\s*$',
        "wrote HEADERS ": r'^.*?\bFramer (?P<connection>\S+): wrote HEADERS flags=(?:(?=\S*END_STREAM)(?P<end>)|)\S* '
                          r'stream=(?P<stream>\d+) ',
        "wrote DATA ": r'^.*?\bFramer (?P<connection>\S+): wrote DATA flags=(?:(?=\S*END_STREAM)(?P<end>)|)\S* '
                       r'stream=(?P<stream>\d+) len=\d+ '
                       r'data="(?P<data>' + DOUBLE_QUOTED + r')"(?P<cut> \(\d+ bytes omitted\))?\s*$'}},

    # dio's LogInterceptor(requestBody: true) (pub.dev/documentation/dio/latest/dio/LogInterceptor-class.html;
    # lib/src/interceptors/log.dart onRequest): `*** Request ***`, `uri: <url>`, the options as `key: value`
    # (`method: POST` among them), `headers:` and one ` name: value` a header, `data:` and the body, each
    # line one print() — in a Flutter app's console each behind `I/flutter (<pid>): ` (Android) or `flutter: `.
    # Each label at the line's start or after that prefix's `: ` (looked back at: no blank before it but the
    # prefix's, after its colon); a header's row, ` name: value`, after the prefix's `: ` or at the start.
    {"capture": "dio", "lined": "yes", "labels": {
        "uri: ": r"(?<![^ ])(?<![^:] )(?<!^ )uri: (?P<url>https?://\S+)\s*$",
        "method: ": r"(?<![^ ])(?<![^:] )(?<!^ )method: (?P<method>[A-Z]+)\s*$",
        "headers:": r"(?<![^ ])(?<![^:] )(?<!^ )headers:(?P<headers>)\s*$",
        ":  ": rf":  (?P<name>{TOKEN}): (?P<value>.*)$", " ": rf"^ (?P<name>{TOKEN}): (?P<value>.*)$",
        "data:": r"(?<![^ ])(?<![^:] )(?<!^ )data:(?P<body>)\s*$"}},

    # ihsanbal's LoggingInterceptor for OkHttp, Level.BASIC or BODY, through Android's Log (github.com/ihsanbal/
    # LoggingInterceptor, Printer.kt printJsonRequest and logLines): `┌────── Request ───…`, then a record a line,
    # each `│ ` and the line: `URL: <url>`, `Method: @POST`, `Headers:`, `Name: value` a header (the Java versions
    # put a corner before each, Printer.java dotHeaders: `┌ `, `├ `, `└ `, or `─ ` alone), `Body:`, the body
    # (JSON re-indented by org.json: not the bytes sent), `<n>-byte body`, `└───…`. Every line but the URL's is
    # logged in pieces of 110 characters, a record each: a longer header value goes on in the records after it.
    {"capture": "logging-interceptor", "lined": "yes", "indent": "│ ", "labels": {
        "│ URL: ": r"│ URL: (?P<url>https?://\S+)\s*$",
        "│ Method: @": r"│ Method: @(?P<method>[A-Z]+)\s*$",
        "│ Headers:": r"│ Headers:(?P<headers>)\s*$",
        "│ Body:": r"│ Body:(?P<body>)(?P<cut>)\s*$",
        "-byte body": r"(?<=\d)-byte body(?: omitted)?(?P<end>)\s*$",
        "└─": r"└─(?P<end>)",
        "│ ": rf"│ (?:(?:[┌├└─] )?(?P<name>{TOKEN}): (?P<value>.*)|(?P<more>[A-Za-z0-9+/=]+))$"}},

    # A Chucker transaction shared as text (github.com/ChuckerTeam/chucker, TransactionDetailsSharable):
    # `URL: <url>`, `Method: POST`, the transaction's facts (`Protocol:`, `Status:`, `Response:`, `SSL:`, times,
    # sizes: rows of another table), then `---------- Request ----------`, a blank line, the headers sent
    # `Name: value` and a blank line after them, and the body as Chucker formats it for reading (JSON
    # re-indented: not the bytes sent, so not read; a text body's `a: b` lines no headers), until `---------- Response`.
    {"capture": "chucker", "head": "yes", "labels": {
        "URL: ": r"^URL: (?P<url>https?://\S+)(?P<aside>)\s*$",
        "Method: ": r"^Method: (?P<method>[A-Z]+)\s*$",
        "---------- Request ----------": r"^-+ Request -+(?P<headers>)\s*$",
        ": ": rf"^(?P<name>{TOKEN}): (?P<value>.*)$",
        "---------- Response ----------": r"^-+ Response -+(?P<end>)\s*$"}},

    # Moya's NetworkLoggerPlugin, logOptions .verbose (github.com/Moya/Moya, Sources/Moya/Plugins/
    # NetworkLoggerPlugin.swift): entries `<identifier>: [<date>] <name>: <message>` — `Request: <url>`,
    # `Request Headers: ["Name": "value", …]` (a Swift dictionary's description), `Request Body: <body>` (its
    # later lines bare), and `HTTP Request Method: POST` after the body.
    {"capture": "moya", "list": "dictionary", "labels": {
        "] Request: ": r"\] Request: (?P<url>https?://\S+)\s*$",
        "] Request Headers: ": r"\] Request Headers: (?P<headers>\[.*\])\s*$",
        "Request Body: ": r"(?<=\] )Request Body: (?P<body>.*)$",
        "] HTTP Request Method: ": r"\] HTTP Request Method: (?P<method>[A-Z]+)\s*$"}},

    # netfox's session log on iOS (kasketis/netfox Core/NFXHTTPModel.swift formattedRequestLogEntry): `-------START
    # REQUEST -  <url> -------`, `[Request Method] POST`, `[Request Headers]` and on the next line the headers as a
    # `[AnyHashable: Any]`'s description, `[Request Body]` and the body re-serialized pretty (not the bytes sent:
    # cut), `-------END REQUEST - <url> -------`.
    {"capture": "netfox", "list": "dictionary", "labels": {
        "-------START REQUEST -": r"^-------START REQUEST -\s+(?P<url>https?://\S+) -------\s*$",
        "[Request Method] ": r"^\[Request Method\] (?P<method>[A-Z]+)\s*$",
        '[AnyHashable("': r'^(?P<headers>\[AnyHashable\(".*\])\s*$',
        "[Request Body]": r"^\[Request Body\](?P<body>)(?P<cut>)\s*$",
        "-------END REQUEST -": r"^-------END REQUEST -(?P<end>)"}},

    # Swift's `dump(request)` of a URLRequest (developer.apple.com/documentation/swift/dump(_:name:indent:maxdepth:
    # maxitems:); swift-corelibs-foundation URLRequest.customMirror, its children in order: url, cachePolicy, …,
    # httpMethod, allHTTPHeaderFields, httpBody, httpBodyStream, httpShouldHandleCookies, httpShouldUsePipelining):
    # each child `- name: value` (`▿` before one with children of its own), two blanks a level; an Optional
    # shown `Optional(<description>)`, the headers a Swift dictionary's description; the body's bytes never
    # shown (Data's mirror: its count and a pointer). The last child ends the request.
    {"capture": "swift-dump", "list": "dictionary", "labels": {
        "▿ url: Optional(": r"^ +▿ url: Optional\((?P<url>https?://\S+)\)\s*$",
        "▿ httpMethod: Optional(": r'^ +▿ httpMethod: Optional\("(?P<method>[A-Z]+)"\)\s*$',
        "▿ allHTTPHeaderFields: Optional(": r"^ +▿ allHTTPHeaderFields: Optional\((?P<headers>\[.*\])\)\s*$",
        "- httpShouldUsePipelining: ": r"^ +- httpShouldUsePipelining: (?P<end>)"}},

    # rest-client's request log, RestClient.log set (github.com/rest-client/rest-client, lib/restclient/
    # request.rb log_request): the call as Ruby code on one line, `RestClient.post "<url>", "<payload>",
    # "Name"=>"value", …` — strings Ruby-inspected (escapes as Go's %q), the payload left out without one, and
    # written as its size, `1234 byte(s) length`, where it is longer than 500 bytes (Payload#short_inspect).
    {"capture": "rest-client", "list": "dictionary", "quoted": "yes", "labels": {
        "RestClient.": r'\bRestClient\.(?P<method>get|post|put|patch|delete|head|options) "(?P<url>https?://[^"\s]+)"'
                       r'(?:, "(?P<data>' + DOUBLE_QUOTED + r')"(?!=>| =>)|, \d+ byte\(s\) length(?P<cut>))?'
                       r'(?:, (?P<headers>".*))?(?P<end>)\s*$'}},

    # nginx's debug log (nginx.org/en/docs/debugging_log.html; ngx_http_request.c): `… *<connection> http request
    # line: "POST /path HTTP/1.1"`, one `http header: "Name: value"` a header received (Host among them), then
    # `http header done`. The body is never logged. (Connections interleave in a busy log: one request is read
    # at a time, so this reads a log of one connection at a time, as a debug log most often is.) The
    # connection's number is looked back at, so that each field is read where its needle is, once.
    {"capture": "nginx-debug", "labels": {
        "http request line: ": rf'(?<=[*\d]\d )http request line: "(?P<method>[A-Z]+) (?P<target>{ABSOLUTE_FORM}/\S*)'
                               r' HTTP/[\d.]+"\s*$',
        "http header: ": rf'(?<=[*\d]\d )http header: "(?P<name>{TOKEN}): (?P<value>.*)"\s*$',
        "http header done": r"(?<=[*\d]\d )http header done(?P<end>)\s*$"}},

    # Apache's mod_log_forensic (httpd.apache.org/docs/2.4/mod/mod_log_forensic.html): `+<id>|<request line>|
    # Name:value|…` on one line as a request comes in (`-<id>` when it is done), `|`, `:` and `%` in a field
    # written %xx; on a forward proxy the request line's target is absolute-form. No body. Looked for by its Host field (every HTTP/1.1 request has one): a needle as common
    # as " HTTP/" would send every request line of a dump through this label.
    {"capture": "apache-forensic", "list": "piped", "labels": {
        "|Host:": rf"^\+[^|\s]+\|(?P<method>[A-Z]+) (?P<target>{ABSOLUTE_FORM}/[^\s|]*) HTTP/[\d.]+\|"
                  r"(?P<headers>.*)(?P<end>)$"}},

    # varnishlog's backend request (varnish-cache.org/docs/trunk/reference/vsl.html): in a `<< BeReq >>` group,
    # one `-   Tag   value` a line — BereqMethod, BereqURL (a path), one BereqHeader `Name: value` a header
    # (Host among them) — up to `End`. No body.
    {"capture": "varnishlog", "labels": {
        "BereqMethod": r"^-+\s+BereqMethod\s+(?P<method>[A-Z]+)\s*$",
        "BereqURL": r"^-+\s+BereqURL\s+(?P<target>/\S*)\s*$",
        "BereqHeader": rf"^-+\s+BereqHeader\s+(?P<name>{TOKEN}): (?P<value>.*)$",
        "End": r"^-+\s+End\s*$(?P<end>)"}},

    # The OpenTelemetry Collector's debug exporter at `verbosity: detailed` (github.com/open-telemetry/
    # opentelemetry-collector, exporter/debugexporter; its otlptext marshaler): a span's attributes one a line,
    # `     -> <key>: <Type>(<value>)` — the method and URL under their semantic conventions' keys
    # (http.request.method and url.full; http.method and http.url before 1.21), the request headers an
    # instrumentation was told to capture as http.request.header.<name> string arrays, `Slice(["<value>"])`
    # (the first value read, JSON-escaped) — up to the next `Span #<n>`, ScopeSpans or ResourceSpans. No body.
    {"capture": "otel-debug", "quoted": "yes", "labels": {
        "     -> ": r"     -> (?:http\.(?:request\.)?method: Str\((?P<method>[A-Z]+)\)"
                    r"|(?:url\.full|http\.url): Str\((?P<url>https?://\S+?)\))\s*$",
        "     -> http.request.header.": r'     -> http\.request\.header\.(?P<name>[\w.-]+): '
                                      r'Slice\(\["(?P<value>' + DOUBLE_QUOTED + r')"',
        "Span #": r"^Span #\d+(?P<end>)\s*$", "Spans #": r"Spans #\d+(?P<end>)\s*$"}},

    # Jenkins' HTTP Request plugin, a pipeline's `httpRequest` step (github.com/jenkinsci/http-request-plugin,
    # HttpRequestExecution.call): `HttpMethod: POST`, `URL: <url>`, then each custom header `<name>: <value>` (`*****`
    # where masked), the body never printed; the next line, `Sending request to url: <url>`, is none of its labels.
    {"capture": "jenkins-http-request", "others": "end", "labels": {
        "HttpMethod: ": r"^HttpMethod: (?P<method>[A-Z]+)\s*$",
        "URL: ": r"^URL: (?P<url>https?://\S+)\s*$",
        ": ": rf"^(?P<name>{TOKEN}): (?P<value>.*)$"}},

    # Haskell's http-client Request as its Show instance writes it (hackage.haskell.org/package/http-client,
    # Network.HTTP.Client.Types: `Request {`, then one field a line, two blanks in, its name padded to the
    # widest — host, port, secure, requestHeaders as a list of (name, value) pairs, path, queryString, method,
    # proxy, rawBody, redirectCount, responseTimeout, requestVersion, in later versions more — and `}`), as a
    # program logs the request it sends or an HttpExceptionRequest shows it. The body is never shown.
    {"capture": "http-client-hs", "list": "tuples", "quoted": "yes", "labels": {
        "  host   ": r'^  host +=[ ]"(?P<host>[^"\s/]+)"\s*$',
        "  secure   ": r"^  secure +=[ ](?P<scheme>True|False)\s*$",
        "  requestHeaders   ": r"^  requestHeaders +=[ ](?P<headers>\[.*\])\s*$",
        "  path   ": r'^  path +=[ ]"(?P<target>/' + DOUBLE_QUOTED + r')"\s*$',
        "  method   ": r'^  method +=[ ]"(?P<method>[A-Z]+)"\s*$',
        "  requestVersion   ": r"^  requestVersion +=(?P<end>)"}},
)
