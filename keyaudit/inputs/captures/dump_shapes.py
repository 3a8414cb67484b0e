"""How HTTP clients write the requests they send as text, as data: the table :mod:`.dumps` reads.

Each library writes a start line (a request line, or a method and a URL after the library's
mark), header lines, then a body; one reader reads them all, and each library is a few lines
here. Not provider knowledge: no host, key or path. (A data module rather than YAML: reading the
table needs no YAML parser, which a run whose rules come from the cache never loads.)

Whatever comes before the start line's match is the log prefix (a timestamp, a thread, a logger
name). The lines after it carry the same prefix (digits may differ), or — when the line right
after the start is a bare header or blank line — none at all: the request was one multi-line
log message, and the next line carrying the prefix is the next record. Header lines written
bare inside a prefixed request are still the request's (a header block logged as one message).

The keys of an entry, and what each says, are described in :mod:`.dump_table`, which checks them.

A header block is known to be whole (an unsigned request is called unsigned) when a blank line
or the end line closed it, or — for shapes without an end line — when it showed a header.
"""

from .log_prefix import PADDED_RECORD_HEAD

SHAPES: tuple[dict[str, str | list[str]], ...] = (  # a list: several marks of one role (data)
    # Feign's Logger at level FULL (feign-core Logger.logRequest: `log(configKey, "---> %s %s
    # HTTP/1.1", ...)`, each header `log(configKey, "%s: %s", field, value)`, then `log(configKey,
    # "")` and the body, then `log(configKey, "---> END HTTP (%s-byte body)", bodyLength)`); each
    # line carries `[Client#method] ` after the logger's own prefix. Before OkHttp: its `--> ` is in
    # Feign's `---> `.
    {"capture": "feign",
     "needle": "---> ",
     "start": r"---> (?P<method>[A-Z]+) (?P<url>[A-Za-z][A-Za-z0-9+.-]*://\S+) HTTP/1\.1\s*$",
     "end": r"---> END HTTP(?: \((?:(?P<size>\d{1,12})-byte body|[^)]*)\))?\s*$",
     "cut": "<--- |---> RETRYING",
     "body": "end",
     "others": "skip",
    },

    # OkHttp's HttpLoggingInterceptor (okhttp3.logging): `--> POST https://… http/1.1`, headers, a
    # blank line, the body, `--> END POST (43-byte body)` (or `(encoded body omitted)`); `<-- 200`
    # starts the response. Android's logcat, Timber and SLF4J put their own prefix on every line. A size (here
    # and Feign's) has a dozen digits at most: Python turns no more than 4,300 into a number.
    {"capture": "okhttp",
     "needle": "--> ",
     "start": r"--> (?<!---> )(?P<method>[A-Z]+) (?P<url>[A-Za-z][A-Za-z0-9+.-]*://\S+)"
              r"(?: (?:h2|h2_prior_knowledge|h3|quic|http/\d\.\d))?(?: \(-?\d+-byte body\))?\s*$",
     "end": r"--> END [A-Z]+(?: \((?:(?P<size>\d{1,12})-byte body|[^)]*)\))?\s*$",
     "cut": r"<-- (?:\d{3}|HTTP FAILED)",
     "body": "end",
     "others": "skip",
    },

    # Faraday's logger middleware (faraday/logging/formatter.rb): `request: POST https://…`, then the
    # headers as one message, `headers.map { |k, v| "#{k}: #{v.inspect}" }.join("\n")` (the first
    # line carries the logger's prefix, the others are bare), then the body as one message, all with
    # `request: ` after the Ruby Logger prefix (`I, [2026-11-22T10:00:00.123456 #1]  INFO -- `).
    {"capture": "faraday",
     "needle": "request: ",
     "start": r"request: (?P<method>[A-Z]+) (?P<url>https?://\S+)\s*$",
     "lines": "request: ",
     "headers": "quoted",
     "body": "rest",
     "others": "end",
    },

    # .NET IHttpClientFactory logging, the ClientHandler category (LoggingHttpMessageHandler:
    # "Sending HTTP request {HttpMethod} {Uri}", then at Trace "Request Headers:" and one
    # `Name: value` line per header; "Received HTTP response headers after {ElapsedMilliseconds}ms -
    # {StatusCode}" follows). The ClientHandler logs the headers as sent, after the app's own
    # handlers (a signing handler among them); the LogicalHandler's "Start processing HTTP request"
    # block, logged before them, is not read, or each request would count twice (nor is its record
    # in the JSON console formatter's output, whose State names the method and URL). The console
    # formatter writes each record's level and category on a line of their own (passed over) and
    # indents the message by six blanks; its JSON formatter writes each record as a JSON line, whose
    # message the envelopes give as these lines.
    {"capture": "dotnet",
     "needle": "HTTP request ",
     "outer": "Start processing HTTP request ",
     "start": r"Sending HTTP request (?P<method>[A-Z]+) (?P<url>https?://\S+)\s*$",
     "ignore": r"Request Headers:\s*$|" + PADDED_RECORD_HEAD,
     "cut": "Received HTTP response|End processing HTTP request",
     "body": "none",
     "others": "skip",
    },

    # .NET's HttpRequestMessage.ToString() (dotnet/runtime, HttpRequestMessage.cs: "Method: <method>,
    # RequestUri: '<uri>', Version: <version>, Content: <content type's name>, Headers:", a line break,
    # then HeaderUtilities.DumpHeaders: "{", each header "  Name: value" — the content's headers after
    # the request's —, "}"), as a logging DelegatingHandler writes the request it sends: after the app's
    # handlers, a signing one among them. The message holds no body (a handler that logs the content
    # too writes it as a message of its own).
    {"capture": "dotnet-message",
     "needle": ", RequestUri: '",
     "start": r"Method: (?P<method>[A-Z]+), RequestUri: '(?P<url>[A-Za-z][A-Za-z0-9+.-]*://[^']+)', Version: "
              r"[\d.]+, Content: \S+, Headers:\s*$",
     "ignore": r"\{\s*$",
     "headers": "aligned",
     "end": r"\}\s*$",
     "body": "none",
     "others": "end",
    },

    # Spring WebClient with a logging ExchangeFilterFunction as Baeldung's "Logging Spring WebClient
    # Calls" writes it (`log.info("Request: {} {}", method, url)`, then each header value
    # `log.info("{}={}", name, value)`), each a record of its own; the filter sees the request as
    # it goes out, without its body. A `Request: <method> <url>` line no header follows is prose.
    {"capture": "webclient-filter", "needle": "Request: ", "start": r"Request: (?P<method>[A-Z]+) (?P<url>https?://\S+)\s*$",
     "headers": "equals", "body": "none", "alone": "none", "others": "end"},

    # Ruby's Mechanize with a logger (sparklemotion/mechanize lib/mechanize/http/agent.rb request_log: `log.info(
    # "#{request.class}: #{request.path}")` — Net::HTTP's request class and the origin-form target —, then each header
    # `log.debug("request-header: #{k} => #{v}")`, Net::HTTP's names lower-cased, Host among them); `status: ` and
    # `response-header: ` lines follow. No body.
    {"capture": "mechanize", "needle": "Net::HTTP::",
     "start": r"Net::HTTP::(?P<method>Get|Head|Post|Put|Patch|Delete|Options): (?P<target>/\S*)\s*$",
     "lines": "request-header: ", "headers": "arrow", "cut": "status: |response-header: ", "body": "none",
     "alone": "none", "others": "end"},

    # Micronaut's HTTP client with `io.micronaut.http.client` at TRACE (docs.micronaut.io, "HTTP
    # Client Logging"; DefaultHttpClient: "Sending HTTP {} to {}" at DEBUG, each header "{}: {}" at
    # TRACE, then "Request Body", "----", the body as one message, "----"): every line carries the
    # logger's prefix, the body's later lines none; a JSON body ends where its document closes.
    {"capture": "micronaut", "needle": "Sending HTTP ", "start": r"Sending HTTP (?P<method>[A-Z]+) to (?P<url>https?://\S+)\s*$",
     "ignore": r"Request Body\s*$|----\s*$", "body": "rest", "bare": "json", "others": "end"},

    # httpx's INFO line per request (httpx/_client.py: logger.info('HTTP Request: %s %s "%s %d %s"',
    # request.method, request.url, response.http_version, response.status_code, ...)): a method and
    # a URL, never a header.
    {"capture": "httpx",
     "needle": "HTTP Request: ",
     "start": r'HTTP Request: (?P<method>[A-Z]+) (?P<url>https?://\S+) "HTTP/[\d.]+ \d{3}\b',
     "headers": "none", "body": "none", "others": "end"},

    # A head whose start line writes the protocol before the method: Bun's verbose fetch
    # (bun.sh/docs/runtime/debugger, "Debugging network requests": `[fetch] > HTTP/1.1 POST <url>`,
    # one `[fetch] > Name: value` a header sent, a blank line, `[fetch] < 201 Created`; the body
    # only in the curl command it prints first, with BUN_CONFIG_VERBOSE_FETCH=curl). Beside the access
    # log's shape, whose gate (` HTTP/`) it shares.
    {"capture": "protocol-first",
     "needle": "> HTTP/",
     "start": r"> HTTP/\d(?:\.\d)? (?P<method>[A-Z]+) (?P<url>https?://\S+)\s*$",
     "lines": "> ",
     "cut": "< ",
     "body": "none",
     "others": "end",
    },

    # A load balancer's, proxy's or server's access log line: the request line it received, quoted as
    # the common and combined log formats' `"%r"` write it, with an absolute URL where the logger saw
    # one (a load balancer or a forward proxy: AWS ALB's "request" field, `"POST https://<host>:443/<path>
    # HTTP/1.1"`, docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-access-logs.html),
    # then the status (`" 201 `), the `-` the formats write for a field with no value (a sniffer that sees
    # requests alone, dsniff's urlsnarf: `"POST http://<host>/<path> HTTP/1.1" - - "-" "<agent>"`) or the
    # next quoted field (ALB's user agent): never a header, a body, or a JSON field's value (`"request": "POST …",`).
    {"capture": "access-log",
     "needle": " HTTP/",
     "start": r'"(?P<method>[A-Z]+) (?P<url>https?://\S+) HTTP/\d(?:\.\d)?"(?= \d{3}\b| "| - )',
     "headers": "none", "body": "none", "others": "end"},

    # Spring's WebClient (ExchangeFunctions: logPrefix + "HTTP " + method + " " + url, and at TRACE
    # with enableLoggingRequestDetails ", headers=" + HttpHeaders.toString(), `[Name:"value", …]`;
    # "{masked}" without it) and RestTemplate ("HTTP " + method + " " + url at DEBUG): headers on
    # the start line or not at all.
    {"capture": "spring",
     "needle": "HTTP ",
     "start": r"HTTP (?<![^\s\]]HTTP )(?P<method>[A-Z]+) (?P<url>https?://[^\s,]+)(?:, headers=(?:\{masked\}|\{\}|(?P<headers>\[.*\])))?\s*$",
     "headers": "none", "body": "none", "others": "end"},

    # mitmdump's flow output (docs.mitmproxy.org/stable/concepts/options/#flow_detail, 2 and up:
    # headers; 3 and up: the content): `<client address>: <METHOD> <url>` (the HTTP version written
    # only when it is not HTTP/1.x), then the headers and, after a blank line, the content, each line
    # indented by four blanks; ` << <status>` starts the response. (The address ends with a port: a step's
    # number, `Step 2: POST <url>`, is none.)
    {"capture": "mitmproxy", "needle": "://",
     "start": r"(?P<method>[A-Z](?<=\d\d: [A-Z])[A-Z]*) (?P<url>https?://\S+)(?: HTTP/[\d.]+)?\s*$",
     "lines": "    ",
     "headers": "aligned",
     "cut": r"\s*<< ",
     "body": "length",
     "others": "end",
    },

    # go-resty's debug log (client.SetDebug(true); resty.dev/docs/debug-log/, middleware.go's
    # requestLogger): `~~~ REQUEST ~~~`, `<METHOD>  <URI>  <proto>` (two blanks), `HOST   : <host>`, `HEADERS:`
    # then tab-indented `Name: value` lines, `BODY   :` then the body (JSON re-indented: json.Indent), dashes.
    {"capture": "resty",
     "needle": "  HTTP/",
     "start": r"^(?P<method>[A-Z]+)  (?P<target>/\S*)  HTTP/\d(?:\.\d)?\s*$",
     "headers": "aligned",
     "ignore": r"(?:HEADERS|BODY)\s*:\s*$",
     "end": r"-{20,}\s*$",
     "cut": "~~~ RESPONSE",
     "body": "rest", "formats": "json",
     "others": "end",
    },

    # Elixir Tesla's Tesla.Middleware.Logger with `debug: true` (hexdocs.pm/tesla/Tesla.Middleware.Logger.html):
    # `POST <url> -> 200 (12.345 ms)` at info, then one debug message: `>>> REQUEST >>>`, the query
    # (`(no query)` or `Query: k: v` lines), the headers `name: value`, the body right after them, a
    # blank line and `<<< RESPONSE <<<`. Elixir's Logger prefixes a message's first line only.
    {"capture": "tesla",
     "needle": " -> ",
     "start": r"(?<![A-Z])(?P<method>[A-Z]+) (?P<url>https?://\S+) -> (?:\d{3}|error:.*) \([\d.]+ ms\)\s*$",
     "ignore": r".*>>> REQUEST >>>\s*$|\(no (?:query|headers)\)\s*$|Query: ",
     "cut": "<<< RESPONSE",
     "body": "rest",
     "others": "end",
    },

    # A dump whose head lines each carry one mark ending in ` > ` after the log prefix (learned
    # with it from the start line, `METHOD <url>`), the body after the headers: Jersey's
    # LoggingFeature (`1 > POST <url>`, `1 > Name: value`, the entity appended bare; the number is
    # the request's), Karate's request log (the same, through Apache's client), HTTParty's curl
    # formatter (`[HTTParty] [<time>] > ` on each line of one message, the body's first line
    # included, its later lines bare; Ruby's Logger prefixes the message's first line only). A
    # start line no header follows is no request: ` > ` is also a breadcrumb's or a quote's.
    {"capture": "marked",
     "needle": " > ",
     "start": r"(?<= > )(?P<method>[A-Z]+) (?P<url>https?://\S+)\s*$",
     "body": "rest",
     "bare": "json",
     "others": "end",
     "alone": "none",
    },

    # Gatling's request dump with `io.gatling.http.engine.response` at TRACE (gatling.io/docs/gatling/guides/
    # debugging/; its HttpStringBuilder.appendRequest): between the dump's `>>>>` and `<<<<` rules, sections
    # under `=====` rules — `HTTP request:`, then `<method> <url>` at the margin, `headers=` and the headers as
    # written on the wire, `stringBody=<body>` (over the body's lines) — then `HTTP response:`. Before the
    # request file's shape, whose start line this is too: the section's title tells them apart.
    {"capture": "gatling",
     "needle": "://",
     "above": r"^HTTP request:\s*$",
     "start": r"^(?P<method>[A-Z]+) (?P<url>https?://\S+)\s*$",
     "ignore": r"headers=\s*$",
     "end": r"={5,}\s*$",
     "opens": "stringBody=",
     "body": "rest",
     "others": "end",
    },

    # The URL (no quote, 2 KiB at most: tried at each URL of a line) before the method, as Java's HttpRequest prints itself,
    # then a map of header fields (HttpHeaders' `<identity> { {Name=[value], …} }`, JSON, Python); no map, no request.
    {"capture": "url-first", "needle": "://",
     "start": r"(?P<url>https?://[^\s\"]{1,2048}) (?P<method>[A-Z]+) [^{]{0,256}?\{? ?(?P<headers>\{[^{}]*\})[ }]*$",
     "headers": "none", "body": "none", "others": "end", "alone": "none"},

    # A request file: VS Code REST Client's and JetBrains HTTP Client's .http files
    # (github.com/Huachao/vscode-restclient README; jetbrains.com/help/idea/exploring-http-syntax.html)
    # and Hurl's (hurl.dev/docs/request.html), and an Org file's for Emacs' verb (github.com/federicotdn/verb
    # README.md: the method in lower case, as those files may write it too, under a heading tagged `:verb:`):
    # `METHOD URL` at the margin (no HTTP version: with one, the raw request shape below reads it), headers, the
    # body after a blank line or none; `###` between requests, a response handler (`> {% … %}`, `<> file`),
    # Hurl's response (`HTTP 200`), sections (`[Asserts]`) or an Org heading (`** Response`) after it.
    {"capture": "request-file",
     "needle": "://",
     "start": r"^(?P<method>[A-Z]+|[a-z]+) (?P<url>https?://\S+)\s*$",
     "cut": r"###|HTTP(?:/[\d.]+)? \d{3}\b|<?> |\[[A-Za-z]+\]\s*$|\*+ \S",
     "body": "rest",
     "others": "end",
     "alone": "none",
    },

    # An HTTP/1.x request as text, wherever the request line is: a request pasted into docs or a
    # ticket (maybe indented, or quoted with `> ` or `| `); curl -v (`> ` on every line, `* ` info
    # and `< ` response lines, `} [94 bytes data]` marks, the body never shown); libcurl's
    # CURLOPT_VERBOSE as PHP's cURL and Guzzle's `debug` option print it (`> ` on the request line
    # only, the header lines bare); Go's httputil.DumpRequestOut and Guzzle's MessageFormatter
    # `{request}` printed through a logger (the logger's prefix on the request line only, or on
    # each line: Python's logging.basicConfig writes `LEVEL:name:` with no blank before the
    # message). Last: the shapes above end their start lines with a request line too. Apache HttpClient's `headers` logger (`http-outgoing-0 >> POST …`, a
    # header a line, no body) too: where its `wire` logger (wire_logs.py) logs the same request byte
    # for byte, the two readings are one request (same_request.py). And a whole request on one
    # line, its line breaks made blanks (`flat`): Guzzle's MessageFormatter `{request}` through
    # Monolog's LineFormatter (seldaek/monolog doc/01-usage.md: without allowInlineLineBreaks every
    # line break becomes a blank), or any logger that flattens a message: its header fields are
    # read, its body is not the bytes sent. A packet capture printed as text (tcpdump -A: the IP and
    # TCP headers' bytes as dots and stray characters, run into the payload's first line) puts dots
    # right before the method; ngrep writes every unprintable byte as a dot (ngrep(8)): CR LF is
    # `..` in its default output (the payload on one line: flat), the CR a `.` at the end of each
    # line with `-W byline` (eol); Wireshark's dissection text ends each line with a literal `\r\n`; socat -v
    # (socat(1): "text with some conversions for readability") writes CR as `\r` and `\` as `\\`, keeps line
    # feeds and adds nothing after a block (`> <time>  length=<n> …` above each): the stream shown escaped. The
# .NET Framework's System.Net trace marks what a connection writes with `<<` right before it (`Data from
# ConnectStream#<id>::WriteHeaders<<POST /v1/… HTTP/1.1`, learn.microsoft.com "Interpreting Network Tracing").
    # GNU Wget's --debug output (src/http.c) prints the head as sent between `---request begin---`
    # and `---request end---`, then the body it posts as `[POST data: …]` (`[BODY data: …]` for
    # --body-data), as given. Where the request went is said before it by tcpdump's summary line
    # (`IP 10.0.0.7.51234 > 10.0.5.20.80: Flags`, the port a name without -n: `.http:`), ngrep's
    # (`T 10.0.0.7:51234 -> 10.0.5.20:80 [AP]`), Wireshark's TCP line (`Dst Port: 80`) and curl -v's
    # info lines (`* Connected to host (addr) port 80`, `*   Trying addr:80...`), and the nodes a
    # followed stream names (tshark's `-z follow,tcp,ascii`: `Node 1: addr:80`, the side that did not
    # send first, the server; ui/cli/tap-follow.c), above each chunk's length; or the start line's own
    # prefix: tcpflow's flow name (`tcpflow -c`: `010.000.000.007.50412-200.155.000.010.00080: POST …`,
    # each address's bytes and the port zero-padded, the destination's after the `-`). Insomnia's
    # timeline (its ResponseTimelineViewer: libcurl's debug callback, each row marked by its kind)
    # writes the head as curl -v does and the body sent after `| `.
    # A proxy's access log that quotes the request head after the method and URL, in brackets, its
    # line ends written out: Squid's native access.log with `log_mime_hdrs on` (squid-cache.org/Doc/
    # config/log_mime_hdrs/: "the request and reply MIME headers … appended to the access log, in
    # brackets"; log_quote writes CR LF as `\r\n`, and `[`, `]`, `"`, `%` and unprintable bytes as
    # `%XX`, left as written): time, elapsed, client, code/status, bytes, method, URL, user,
    # hierarchy, type, then [request head] [reply head]. Headers only: a proxy logs no body. The same head
    # percent-encoded, its CR LF `%0D%0A`, after the method and URL: a logformat's `%>h` (all request headers,
    # URL-escaped: squid-cache.org/Doc/config/logformat/), as current `log_mime_hdrs` quotes it too (its `[`).
    # A proxy's access log of one line a request, the authority in a quoted field of its own after the
    # request line: Envoy's default format (envoyproxy.io, "Access logging", "Default format string":
    # `[%START_TIME%] "%REQ(:METHOD)% %REQ(X-ENVOY-ORIGINAL-PATH?:PATH)% %PROTOCOL%" %RESPONSE_CODE% … "%REQ(
    # X-FORWARDED-FOR)%" "%REQ(USER-AGENT)%" "%REQ(X-REQUEST-ID)%" "%REQ(:AUTHORITY)%" "%UPSTREAM_HOST%"`) and
    # Istio's (more fields after, none quoted): the authority the last quoted field but one. No header, no body.
    # The JDK's HttpURLConnection with its logger at FINE: writeRequests logs its sun.net.www.MessageHeader, `<identity><n>
    # pairs: {<request line>: null}{Name: value}…` on one line, each pair in braces (the gap `}{`). No body.
    {"capture": "message-header", "needle": " pairs: {",
     "start": r" pairs: \{(?P<method>[A-Z]+) (?P<target>\S+) HTTP/\d(?:\.\d)?: null(?P<gap>\}\{)(?P<flat>[A-Za-z][\w-]*: .*)$",
     "body": "none", "others": "end"},

    {"capture": "access-authority",
     "needle": '] "',
     "start": r'\] "(?P<method>[A-Z]+) (?P<target>/\S*) HTTP/[\d.]+" \d{3} .*"(?P<authority>[A-Za-z\d-]+(?:\.[A-Za-z\d-]+)+'
              r'(?::\d+)?)" "[^"\s]*"',
     "headers": "none", "body": "none", "others": "end"},

    {"capture": "proxy-head",
     "needle": "\\r\\n] [",
     "start": r"(?<![A-Z])(?P<method>[A-Z]+) (?P<url>https?://\S+) \S+ \S+ \S+ "
              r"\[(?P<flat>[A-Za-z][\w-]*: [^\]]*?)\\r\\n\] \[(?<=(?P<gap>\\r\\n)\] \[)",
     "body": "none",
     "others": "end",
    },

    # One pass however the line is made (a head in brackets holds no bracket, one after a blank no blank, the fields
    # before it pass no other method and URL): 16 KB of `a: b` fields with no head's end took a second before.
    {"capture": "proxy-head-escaped", "needle": "%0D%0A", "body": "none", "others": "end",
     "start": r"(?<![A-Z])(?P<method>[A-Z]+) (?P<url>https?://\S+) (?:(?!(?<![A-Z])[A-Z]+ https?://).)*?"
              r"(?:(?P<bracket>\[)|\s)(?P<flat>[A-Za-z][\w-]*:(?: |%20)(?(bracket)[^\[\]]|[^\s\[\]])*?)"
              r"(?<=(?P<gap>%0D%0A))(?:\]|\s|$)"},

    {"capture": "wire",
     "needle": " HTTP/",
     "start": r"(?P<method>[A-Z](?<![^\s<>|.:][A-Z])[A-Z]*) (?P<target>\S+) HTTP/\d(?:\.\d)?"
              r"(?:(?P<gap> +|\.\.)(?P<flat>[A-Za-z][\w-]*: .*)|(?P<eol>\.|\\r(?:\\n)?|\\x0d))?\s*$",
     "end": r"---request end---\s*$",
     "after": r"\[(?:POST|BODY) data: ",
     "close": "]",
     "data": ["| ", ">> "],
     "via": r"(?:> \S+\.|-> \S+:|Dst Port: |Connected to \S+ \([^)]*\) port |Trying \S+:|Node 1: \S+:"
            r"|-(?:\d{3}\.){4}0*)(?P<port>\d+|https?)\b",
     "cut": r"\* |< |[{}] \[\d|```|~~~|== Info: |<= Recv |=> Send ",
     "body": "length",
     "others": "end",
    },
)
