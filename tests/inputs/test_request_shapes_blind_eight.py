"""An eighth blind corpus: the four money-out requests of :mod:`helpers.signed_shapes` (iugu
transfers unsigned, signed with the client's real key and with another key, an Asaas transfer) as
a language's default printer or debugger writes the request OBJECT a developer logs — Go's `%#v`
and `%+v`, go-spew, Symfony's VarDumper, Rust's `{:#?}`, Elixir's pretty `inspect` of a Tesla env,
Node's `util.inspect` of a fetch `Request` and of an object nested past its depth, Python's repr of
a dataclass and `vars()` of a prepared request, Ruby's `inspect` of a Faraday env and `pp` of a
Struct, Java's `HttpRequest` and `HttpHeaders`, Clojure's `pr-str`, a Scala case class, Dart's
`Map.toString` through logcat, Swift's `dump`, .NET's `JsonSerializer` — and as developer tools
COPY a request: Chrome DevTools' "Copy as fetch", "Copy as PowerShell" and "Copy as cURL (cmd)",
HTTPie and wget command lines, Postman's code snippets (Go, C#, PHP, Java), and a Jupyter
notebook whose cell output prints a request, its lines split over a JSON array. None of the other
corpora shows these.

Each shape quotes the public documentation (or the source) it follows. The request checks are
the ones every blind corpus passes (:mod:`test_request_shape_corpora`): ``SHAPES`` show the body as
sent, ``HEADERS_ONLY`` never do, ``NO_HEADERS`` show no header. A shape the readers cannot take yet
is an expected failure, strict, with what they miss.
"""

from __future__ import annotations

import json

from helpers.printed_maps import js_string, var_dumper_string
from helpers.signed_shapes import Request, case, go_canonical


def _go_quote(text: str) -> str:
    """strconv.Quote of ASCII text: JSON's escapes are Go's."""
    return json.dumps(text)


# --- printers: Go --------------------------------------------------------------------------------

def _go_headers(request: Request) -> list[tuple[str, str]]:
    """An http.Header as Header.Set leaves it: canonical names, sorted as fmt prints a map."""
    return sorted((go_canonical(name), value) for name, value in request.headers)


def go_sharp_v(request: Request) -> list[str]:
    # fmt's `%#v` (pkg.go.dev/fmt: "%#v a Go-syntax representation of the value"; "maps are printed
    # in key-sorted order"), a pointer to the client's own struct logged with the standard logger
    # (`log.Printf("sending %#v", call)`, log.LstdFlags): `&payouts.TransferCall{Method:"POST", …,
    # Header:http.Header{"Content-Type":[]string{"application/json"}, …}, Body:"{\n\"api_token\"…"}`.
    header = ", ".join(f"{_go_quote(name)}:[]string{{{_go_quote(value)}}}" for name, value in _go_headers(request))
    return [f"2026/11/22 13:00:01 sending &payouts.TransferCall{{Method:{_go_quote(request.method)}, "
            f"URL:{_go_quote(request.url)}, Header:http.Header{{{header}}}, Body:{_go_quote(request.body)}}}"]


def go_plus_v_raw(request: Request) -> list[str]:
    # fmt's `%+v` of the struct as a value (pkg.go.dev/fmt: "when printing structs, the plus flag (%+v)
    # adds field names"; a string field is printed as `%v` prints a string — its bytes, unquoted), so
    # the body's line feeds break the log line: `{Method:POST URL:https://… Header:map[Name:[value] …]
    # Body:{` then the body's lines, `}` closing the body and the struct on its last.
    header = " ".join(f"{name}:[{value}]" for name, value in _go_headers(request))
    return (f"2026/11/22 13:00:01 outbound call {{Method:{request.method} URL:{request.url} Header:map[{header}] "
            f"Body:{request.body}}}").split("\n")


def spew_dump(request: Request) -> list[str]:
    # go-spew's `spew.Dump(call)` (github.com/davecgh/go-spew, README "Sample Dump Output": `(main.Foo)
    # {`, each field `Name: (type) value` one space in per level, strings `(string) (len=4) "POST"`,
    # maps `(map[string]int) (len=1) {`, slices `([]string) (len=1 cap=1) {`, entries ended `,` but the
    # last; dump.go: strings through strconv.Quote, map keys in the map's order — SortKeys is off).
    header = []
    for n, (name, value) in enumerate(_go_headers(request)):
        header += [f'  (string) (len={len(name)}) {_go_quote(name)}: ([]string) (len=1 cap=1) {{',
                   f"   (string) (len={len(value)}) {_go_quote(value)}",
                   "  }" + ("," if n < len(request.headers) - 1 else "")]
    return ["(payouts.TransferCall) {", f' Method: (string) (len={len(request.method)}) "{request.method}",',
            f" URL: (string) (len={len(request.url)}) {_go_quote(request.url)},",
            f" Header: (http.Header) (len={len(request.headers)}) {{", *header, " },",
            f" Body: (string) (len={len(request.body.encode())}) {_go_quote(request.body)}", "}"]


# --- printers: PHP, Rust, Elixir ------------------------------------------------------------------

def symfony_var_dumper(request: Request) -> list[str]:
    # Symfony VarDumper's `dump($request)` on the command line (symfony.com/doc/current/components/
    # var_dumper.html; CliDumper: `array:4 [`, `"key" => value` two blanks in per level, strings in
    # double quotes with nothing escaped; a string of several lines opened by `"""`, each line one
    # level further in and ended by a visible `\n`, then `"""` — dumpString and style()'s control
    # character map), from a worker whose standard output is its log.
    return ["array:4 [", f'  "method" => "{request.method}"', f'  "url" => "{request.url}"',
            f'  "headers" => array:{len(request.headers)} [',
            *(f'    "{name}" => "{value}"' for name, value in request.headers), "  ]",
            *var_dumper_string("body", request.body), "]"]


def _rust(text: str) -> str:
    """A str as Rust's Debug writes it: `"`, `\\` and `\\n` escaped; JSON's escapes for ASCII."""
    return json.dumps(text)


def rust_pretty_debug(request: Request) -> list[str]:
    # Rust's `{:#?}` (doc.rust-lang.org/std/fmt/#sign0: "# … pretty-print the Debug formatting (adds
    # linebreaks and indentation)"; a derived Debug: `Name {`, each field `name: value,` four blanks
    # in per level, a BTreeMap `{` … `}` in key order, strings escaped), through tracing's `debug!`.
    headers = [f"        {_rust(name)}: {_rust(value)}," for name, value in sorted(request.headers)]
    return [f"2026-11-22T13:00:01.204817Z DEBUG payouts::client: sending TransferCall {{",
            f"    method: {_rust(request.method)},", f"    url: {_rust(request.url)},", "    headers: {", *headers,
            "    },", f"    body: {_rust(request.body)},", "}"]


def _elixir_tuple(name: str, value: str, width: int = 80) -> str:
    """A header tuple four blanks in, as Inspect.Algebra lays it: on one line when it fits, else
    broken after its first element, the second under it."""
    line = f"    {{{json.dumps(name)}, {json.dumps(value)}}}"
    return line if len(line) + 1 <= width else f"    {{{json.dumps(name)},\n     {json.dumps(value)}}}"


def elixir_tesla_env(request: Request) -> list[str]:
    # Elixir's `Logger.debug(inspect(env, pretty: true))` of a Tesla.Env (hexdocs.pm/elixir/Inspect.Opts
    # .html: "pretty … whether to pretty print", width 80; hexdocs.pm/tesla/Tesla.Env.html: method, query,
    # url, headers — a list of `{name, value}` — body, status, opts, __module__, __client__): `%Tesla.Env{`,
    # a field a line two blanks in, a list that does not fit broken one element a line; Logger's console
    # format `$time [$level] $message`.
    headers = ",\n".join(_elixir_tuple(name, value) for name, value in request.headers)
    return (f"13:00:01.204 [debug] %Tesla.Env{{\n  method: :{request.method.lower()},\n  query: [],\n"
            f"  url: {json.dumps(request.url)},\n  headers: [\n{headers}\n  ],\n  body: {json.dumps(request.body)},\n"
            "  status: nil,\n  opts: [],\n  __module__: Payouts.Iugu,\n"
            "  __client__: %Tesla.Client{fun: nil, pre: [], post: [], adapter: nil}\n}").split("\n")


# --- printers: Node -------------------------------------------------------------------------------

def node_fetch_request(request: Request) -> list[str]:
    # Node 22's `console.log(request)` of a fetch Request (undici, lib/web/fetch/request.js: its
    # [util.inspect.custom] shows method, url, headers, destination, referrer, referrerPolicy, mode,
    # credentials, cache, redirect, integrity, keepalive, isReloadNavigation, isHistoryNavigation,
    # signal — never the body; headers.js: `Headers { … }`, names lower-cased, in sorted order),
    # util.inspect quoting a key only where it is no identifier.
    def key(name: str) -> str:
        return name if name.isidentifier() else js_string(name)

    headers = ",\n".join(f"    {key(name.lower())}: {js_string(value)}" for name, value in
                         sorted(request.headers, key=lambda pair: pair[0].lower()))
    return ["Request {", f"  method: {js_string(request.method)},", f"  url: {js_string(request.url)},",
            "  headers: Headers {", *headers.split("\n"), "  },", "  destination: '',", "  referrer: 'about:client',",
            "  referrerPolicy: '',", "  mode: 'cors',", "  credentials: 'same-origin',", "  cache: 'default',",
            "  redirect: 'follow',", "  integrity: '',", "  keepalive: false,", "  isReloadNavigation: false,",
            "  isHistoryNavigation: false,", "  signal: AbortSignal { aborted: false }", "}"]


def _js_long_string(text: str, indent: int) -> str:
    """A string util.inspect breaks after each line feed, its pieces joined by ` +` and a new line
    ``indent`` blanks in (formatPrimitive: over 16 characters and longer than the line leaves)."""
    pieces = text.split("\n")
    if len(pieces) == 1:
        return js_string(text)
    return f" +\n{' ' * indent}".join([*(js_string(piece + "\n") for piece in pieces[:-1]), js_string(pieces[-1])])


def node_inspect_depth(request: Request) -> list[str]:
    # `console.log({ msg, ctx: { attempt, request } })` (nodejs.org/api/util.html#utilinspectobject-options:
    # "depth … Specifies the number of times to recurse while formatting object. … Default: 2"; an object
    # beyond it is `[Object]`): the headers, three levels in, are never shown; the body is, a string broken
    # after its line feeds, the pieces six blanks in plus two.
    return ["{", "  msg: 'outbound transfer',", "  ctx: {", "    attempt: 1,", "    request: {",
            f"      method: {js_string(request.method)},", f"      url: {js_string(request.url)},",
            "      headers: [Object],", *f"      body: {_js_long_string(request.body, 8)}".split("\n"), "    }",
            "  }", "}"]


# --- printers: Python, Ruby -----------------------------------------------------------------------

def python_dataclass_repr(request: Request) -> list[str]:
    # A dataclass's generated __repr__ (docs.python.org/3/library/dataclasses.html: "repr: … the generated
    # repr string will have the class name and the name and repr of each field, in the order they are
    # defined"), logged with `log.debug("sending %r", call)` in logging's `%(asctime)s %(levelname)s
    # %(name)s %(message)s`.
    return [f"2026-11-22 13:00:01,204 DEBUG payouts.iugu sending TransferCall(method={request.method!r}, "
            f"url={request.url!r}, headers={dict(request.headers)!r}, body={request.body!r}, timeout=30.0)"]


def python_prepared_vars(request: Request) -> list[str]:
    # `log.debug("prepared %s", vars(prepared))` of a requests.PreparedRequest (requests/models.py:
    # __init__ sets method, url, headers, _cookies, body, hooks, _body_position; headers a
    # CaseInsensitiveDict whose repr is its dict's — the session's defaults first, then the request's,
    # Content-Length added by prepare_body; _cookies a RequestsCookieJar, `<RequestsCookieJar[]>`; the
    # body the str given as `data=`).
    defaults = {"User-Agent": "python-requests/2.32.3", "Accept-Encoding": "gzip, deflate", "Accept": "*/*",
                "Connection": "keep-alive"}
    headers = {**defaults, **dict(request.headers), "Content-Length": str(len(request.body.encode()))}
    return [f"2026-11-22 13:00:01,204 DEBUG payouts.iugu prepared {{'method': {request.method!r}, "
            f"'url': {request.url!r}, 'headers': {headers!r}, '_cookies': <RequestsCookieJar[]>, "
            f"'body': {request.body!r}, 'hooks': {{'response': []}}, '_body_position': None}}"]


def _ruby_hash(headers: list[tuple[str, str]]) -> str:
    """Ruby 3.3's Hash#inspect: `{"Name"=>"value", …}`."""
    return "{" + ", ".join(f"{json.dumps(name)}=>{json.dumps(value)}" for name, value in headers) + "}"


RUBY_LOGGER = "D, [2026-11-22T13:00:01.204817 #4242] DEBUG -- : "


def faraday_env_inspect(request: Request) -> list[str]:
    # `logger.debug("sending #{env.inspect}")` of a Faraday::Env in a middleware (github.com/lostisland/
    # faraday, lib/faraday/options/env.rb: Env's members method, request_body, url, request,
    # request_headers, ssl, …; its #inspect: `#<Faraday::Env @member=value.inspect …>` for each member
    # set; options.rb: `#<Faraday::RequestOptions timeout=30>`, `(empty)` for options with none set;
    # URI's inspect `#<URI::HTTPS https://…>`).
    return [f"{RUBY_LOGGER}sending #<Faraday::Env @method=:{request.method.lower()} "
            f"@request_body={json.dumps(request.body)} @url=#<URI::HTTPS {request.url}> "
            f"@request=#<Faraday::RequestOptions timeout=30> @request_headers={_ruby_hash(request.headers)} "
            "@ssl=#<Faraday::SSLOptions (empty)>>"]


def ruby_pp_struct(request: Request) -> list[str]:
    # `logger.debug(call.pretty_inspect)` of a Struct (ruby-doc.org/3.3/stdlibs/pp/PP.html; lib/pp.rb
    # Struct#pretty_print: `group(1, "#<struct Name", ">")`, each member after a breakable as
    # `name=` and, in a group(1), a breakable '' and the value; Hash#pretty_print: `group(1, "{", "}")`,
    # pairs `key=>value`, a value that does not fit on the next line), 79 columns.
    def member(name: str, value: str, last: bool) -> list[str]:
        end = ">" if last else ","
        return [f" {name}={value}{end}"] if len(f" {name}={value}{end}") <= 79 else [f" {name}=", f"  {value}{end}"]

    pairs = []
    for n, (name, value) in enumerate(request.headers):
        first, end = ("  {" if n == 0 else "   "), ("}," if n == len(request.headers) - 1 else ",")
        pair = f"{first}{json.dumps(name)}=>{json.dumps(value)}{end}"
        pairs += [pair] if len(pair) <= 79 else [f"{first}{json.dumps(name)}=>", f"    {json.dumps(value)}{end}"]
    one_line = f" headers={_ruby_hash(request.headers)},"
    headers = [one_line] if len(one_line) <= 79 else [" headers=", *pairs]
    return [f"{RUBY_LOGGER}#<struct TransferCall", *member("method", json.dumps(request.method), False),
            *member("url", json.dumps(request.url), False), *headers,
            *member("body", json.dumps(request.body), True)]


# --- printers: the JVM ----------------------------------------------------------------------------

SPRING = "2026-11-22 13:00:01.204 DEBUG 4242 --- [nio-8080-exec-1] c.a.p.PayoutClient       : "


def java_http_request(request: Request) -> list[str]:
    # java.net.http: `log.debug("sending {} {}", request, request.headers())` (HttpRequest's toString in
    # jdk.internal.net.http.HttpRequestImpl / ImmutableHttpRequest: `uri + " " + method`; HttpHeaders.
    # toString: `super.toString() + " { " + map() + " }"`, map() a TreeMap in case-insensitive order of
    # `Name=[value]`). A body publisher shows no bytes.
    headers = ", ".join(f"{name}=[{value}]" for name, value in sorted(request.headers, key=lambda h: h[0].lower()))
    return [f"{SPRING}sending {request.url} {request.method} java.net.http.HttpHeaders@7a3f9c21 {{ {{{headers}}} }}"]


def clojure_pr_str(request: Request) -> list[str]:
    # clj-http's request map as `(log/debug "request" (pr-str req))` prints it (github.com/dakrone/clj-http
    # README: `:request-method`, `:url`, `:headers` a map of strings, `:body`; clojure.core/pr-str: maps
    # `{k v, k v}`, strings readably — `\"`, `\n`), in Logback's pattern.
    headers = ", ".join(f"{json.dumps(name)} {json.dumps(value)}" for name, value in request.headers)
    return [f"2026-11-22 13:00:01.204 DEBUG payouts.iugu - request {{:request-method :{request.method.lower()}, "
            f":url {json.dumps(request.url)}, :headers {{{headers}}}, :body {json.dumps(request.body)}, "
            ":socket-timeout 30000}"]


def scala_case_class(request: Request) -> list[str]:
    # A Scala case class's toString (docs.scala-lang.org/tour/case-classes.html; scala.runtime.
    # ScalaRunTime._toString: `Name(v1,v2,…)` — the values only, no names, no blank after the commas;
    # an immutable Map's `Map(k -> v, k -> v)`; a String as it is), logged `s"sending $call"`.
    headers = ", ".join(f"{name} -> {value}" for name, value in request.headers)
    return (f"{SPRING}sending TransferCall({request.method},{request.url},Map({headers}),{request.body})").split("\n")


# --- printers: Dart, Swift, .NET -----------------------------------------------------------------

def dart_flutter_print(request: Request) -> list[str]:
    # Flutter's `print(options)` of a Map (api.dart.dev dart:core Map.toString: "{key: value, …}", keys
    # and values by their own toString — strings unquoted), on Android through logcat, `adb logcat -v
    # threadtime` (developer.android.com/tools/logcat: `date time PID TID priority tag: message`), one
    # logcat line for each line of the message.
    headers = ", ".join(f"{name}: {value}" for name, value in request.headers)
    text = f"{{method: {request.method}, url: {request.url}, headers: {{{headers}}}, body: {request.body}}}"
    return [f"11-22 13:00:01.204  4242  4271 I flutter : {line}" for line in text.split("\n")]


def swift_dump(request: Request) -> list[str]:
    # Swift's `dump(request)` of a URLRequest (developer.apple.com/documentation/swift/dump(_:name:indent:
    # maxdepth:maxitems:); swift-corelibs-foundation URLRequest.customMirror: url, cachePolicy,
    # timeoutInterval, mainDocumentURL, networkServiceType, allowsCellularAccess, httpMethod,
    # allHTTPHeaderFields, httpBody, httpBodyStream, httpShouldHandleCookies, httpShouldUsePipelining;
    # Data's mirror: count and pointer, its bytes only under 64; `▿` before a value with children, `-`
    # before one without, two blanks in per level). The body's bytes are not shown.
    size = len(request.body.encode())
    pairs = []
    for name, value in request.headers:
        pairs += ["      ▿ (2 elements)", f"        - key: {json.dumps(name)}", f"        - value: {json.dumps(value)}"]
    fields = ", ".join(f"{json.dumps(name)}: {json.dumps(value)}" for name, value in request.headers)
    return [f"▿ {request.url}", f"  ▿ url: Optional({request.url})", f"    ▿ some: {request.url}",
            f"      - _url: {request.url} #0", "        - super: NSObject", "  - cachePolicy: 0",
            "  - timeoutInterval: 60.0", "  - mainDocumentURL: nil",
            "  - networkServiceType: __C.NSURLRequestNetworkServiceType", "  - allowsCellularAccess: true",
            f"  ▿ httpMethod: Optional({json.dumps(request.method)})", f"    - some: {json.dumps(request.method)}",
            f"  ▿ allHTTPHeaderFields: Optional([{fields}])", f"    ▿ some: {len(request.headers)} key/value pairs",
            *pairs, f"  ▿ httpBody: Optional({size} bytes)", f"    ▿ some: {size} bytes", f"      - count: {size}",
            "      ▿ pointer: 0x0000600002d04000", "        - pointerValue: 105553164796928", "  - httpBodyStream: nil",
            "  - httpShouldHandleCookies: true", "  - httpShouldUsePipelining: false"]


def _dotnet_json(value: object) -> list[str]:
    """System.Text.Json with WriteIndented: two blanks a level, `": "`, and the default encoder's
    escapes — `+` as `\\u002B`, besides `<>&'` and what JSON escapes."""
    text = json.dumps(value, indent=2)
    for char in "+<>&'":
        text = text.replace(char, f"\\u{ord(char):04X}")
    return text.split("\n")


def dotnet_json_serialized(request: Request) -> list[str]:
    # `logger.LogDebug("Sending {Request}", JsonSerializer.Serialize(message, new JsonSerializerOptions
    # { WriteIndented = true }))` of an HttpRequestMessage (learn.microsoft.com/dotnet/standard/
    # serialization/system-text-json/how-to: public properties; character-encoding: "the default encoder
    # escapes … HTML-sensitive characters" — `+` among them; headers are enumerable pairs, `{"Key": …,
    # "Value": [ … ]}`; HttpMethod's property Method), the console logger's `dbug: Category[0]` and the
    # message six blanks in. The content shows its headers, never its bytes.
    content = [(name, value) for name, value in request.headers if name == "Content-Type"]
    rest = [(name, value) for name, value in request.headers if name != "Content-Type"]
    message = {"Version": "1.1", "VersionPolicy": 0,
               "Content": {"Headers": [{"Key": name, "Value": [f"{value}; charset=utf-8"]} for name, value in content]},
               "Method": {"Method": request.method}, "RequestUri": request.url,
               "Headers": [{"Key": name, "Value": [value]} for name, value in rest], "Properties": {}, "Options": {}}
    lines = _dotnet_json(message)
    return ["dbug: Payouts.IuguClient[0]", f"      Sending {lines[0]}", *(f"      {line}" for line in lines[1:])]


# --- copies: browser developer tools --------------------------------------------------------------

def _chrome_headers(request: Request) -> list[tuple[str, str]]:
    """The request headers as Chrome's network panel holds them for an HTTP/2 request: lower case."""
    return [(name.lower(), value) for name, value in request.headers]


def chrome_copy_as_fetch(request: Request) -> list[str]:
    # Chrome DevTools, Network panel, "Copy as fetch" pasted into a script (chromium devtools-frontend,
    # front_end/panels/network/NetworkLogView.ts generateFetchCall: unsafe headers dropped — user-agent
    # among them —, the rest through a Headers object, so in sorted order; `fetch(${JSON.stringify(url)},
    # ${JSON.stringify({headers, referrer, referrerPolicy, body, method, mode: 'cors', credentials},
    # null, 2)});`).
    headers = dict(sorted((name, value) for name, value in _chrome_headers(request) if name != "user-agent"))
    options = {"headers": headers, "referrerPolicy": "strict-origin-when-cross-origin", "body": request.body,
               "method": request.method, "mode": "cors", "credentials": "omit"}
    return f"fetch({json.dumps(request.url)}, {json.dumps(options, indent=2)});".split("\n")


def _powershell(text: str) -> str:
    """generatePowerShellCommand's escapeString: `` ` $ " `` escaped by a backtick, anything outside
    printable ASCII as `$([char]N)`."""
    escaped = "".join(f"`{c}" if c in '`$"' else c for c in text)
    return '"' + "".join(c if 0x20 <= ord(c) <= 0x7E else f"$([char]{ord(c)})" for c in escaped) + '"'


def chrome_copy_as_powershell(request: Request) -> list[str]:
    # Chrome DevTools "Copy as PowerShell" saved as a script (NetworkLogView.ts generatePowerShellCommand:
    # user-agent into a WebRequestSession, content-type as -ContentType, the other headers in
    # `-Headers @{` joined by a line feed and two blanks; a body with bytes outside printable ASCII as
    # `-Body ([System.Text.Encoding]::UTF8.GetBytes("…"))`; the parts joined by `` ` `` and a line feed).
    headers = _chrome_headers(request)
    agent = next(value for name, value in headers if name == "user-agent")
    kind = next(value for name, value in headers if name == "content-type")
    rest = [f"{_powershell(name)}={_powershell(value)}" for name, value in headers
            if name not in ("user-agent", "content-type")]
    body = _powershell(request.body)
    parts = [f"-Uri {_powershell(request.url)}", f"-Method {_powershell(request.method)}", "-WebSession $session",
             *([("-Headers @{\n" + "\n  ".join(rest) + "\n}")] if rest else []), f"-ContentType {_powershell(kind)}",
             f"-Body ([System.Text.Encoding]::UTF8.GetBytes({body}))" if "\n" in request.body else f"-Body {body}"]
    return ("$session = New-Object Microsoft.PowerShell.Commands.WebRequestSession\n"
            f"$session.UserAgent = {_powershell(agent)}\n"
            "Invoke-WebRequest -UseBasicParsing " + " `\n".join(parts)).split("\n")


def _cmd(text: str) -> str:
    """escapeStringWin: `\\` doubled, `"` as `\\"`, every character outside a safe set after a `^`,
    a line feed as `^` and two line feeds; in `^"` quotes when the text has a line feed, else `"`."""
    safe = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 \t\r\n_-:=+~'/.,?;()*`&")
    escaped = "".join(c if c in safe else "^" + c for c in text.replace("\\", "\\\\").replace('"', '\\"'))
    quote = '^"' if "\n" in text else '"'
    return quote + escaped.replace("\n", "^\n\n") + quote


def chrome_copy_as_curl_cmd(request: Request) -> list[str]:
    # Chrome DevTools "Copy as cURL (cmd)" saved as a batch file on Windows (NetworkLogView.ts
    # generateCurlCommand with escapeStringWin; `--data-raw` for the body, the method left to curl's
    # inference; `--compressed`; the parts joined by ` ^` and a line feed and two blanks).
    parts = [_cmd(request.url), *(f"-H {_cmd(f'{name}: {value}')}" for name, value in _chrome_headers(request)),
             f"--data-raw {_cmd(request.body)}", "--compressed"]
    return ("curl " + " ^\n  ".join(parts)).split("\n")


# --- copies: command lines ------------------------------------------------------------------------

def _sh(text: str) -> str:
    """A POSIX shell single-quoted word."""
    return "'" + text.replace("'", "'\\''") + "'"


def httpie_command(request: Request) -> list[str]:
    # An HTTPie command line kept in a runbook script (httpie.io/docs/cli/raw-request-body: "--raw …
    # pass raw request data"; request items `Name:value` set headers — httpie.io/docs/cli/http-headers),
    # `http [flags] [METHOD] URL [REQUEST_ITEM …]`, continued over lines with `\`.
    items = [f"  {_sh(f'{name}:{value}')}" for name, value in request.headers]
    return ["#!/bin/sh", f"http --raw {_sh(request.body)} {request.method} {request.url} \\",
            *(f"{item} \\" for item in items[:-1]), items[-1]]


def wget_command(request: Request) -> list[str]:
    # A wget command line in a deploy script (gnu.org/software/wget/manual/wget.html, "HTTP Options":
    # "--header=header-line Send header-line along with the rest of the headers"; "--post-data=string
    # … Use POST as the method for all HTTP requests and send the specified data in the request body").
    headers = [f"  --header={_sh(f'{name}: {value}')} \\" for name, value in request.headers]
    return ["#!/bin/sh", "wget -q -O - \\", *headers, f"  --post-data={_sh(request.body)} \\", f"  {request.url}"]


# --- copies: Postman's code snippets (github.com/postmanlabs/postman-code-generators) --------------

def _header_calls(request: Request, template: str) -> list[str]:
    return [template.format(name=json.dumps(name), value=json.dumps(value)) for name, value in request.headers]


def postman_go_native(request: Request) -> list[str]:
    # Postman's "Go - Native" snippet (codegens/golang/lib/index.js: `url := "…"`, `method := "…"`, a raw
    # body as `payload := strings.NewReader(\`…\`)` — a Go raw string, the body's bytes as they are —,
    # `req.Header.Add("Name", "value")` a header, two-blank indentation), saved as a .go file.
    return ["package main", "", "import (", '  "fmt"', '  "strings"', '  "net/http"', '  "io"', ")", "",
            "func main() {", "", f"  url := {json.dumps(request.url)}", f"  method := {json.dumps(request.method)}", "",
            *f"  payload := strings.NewReader(`{request.body}`)".split("\n"), "", "  client := &http.Client {", "  }",
            "  req, err := http.NewRequest(method, url, payload)", "", "  if err != nil {", "    fmt.Println(err)",
            "    return", "  }", *_header_calls(request, "  req.Header.Add({name}, {value})"), "",
            "  res, err := client.Do(req)", "  if err != nil {", "    fmt.Println(err)", "    return", "  }",
            "  defer res.Body.Close()", "", "  body, err := io.ReadAll(res.Body)", "  if err != nil {",
            "    fmt.Println(err)", "    return", "  }", "  fmt.Println(string(body))", "}"]


def postman_csharp_restsharp(request: Request) -> list[str]:
    # Postman's "C# - RestSharp" snippet (codegens/csharp-restsharp: `new RestClientOptions("…")`,
    # `new RestRequest("<path>", Method.Post)`, `request.AddHeader(…)`; a raw body as a verbatim string
    # line by line, `@"…" + "\n" +`, its `"` doubled; `request.AddStringBody(body, DataFormat.Json)`).
    lines = request.body.split("\n")
    verbatim = [f'@"{line.replace(chr(34), chr(34) * 2)}"' for line in lines]
    body = [f"var body = {verbatim[0]}" + (' + "\\n" +' if len(lines) > 1 else ";"),
            *(f'{piece} + "\\n" +' for piece in verbatim[1:-1]), *([f"{verbatim[-1]};"] if len(lines) > 1 else [])]
    return [f'var options = new RestClientOptions("https://{request.host}")', "{", "  MaxTimeout = -1,", "};",
            "var client = new RestClient(options);",
            f'var request = new RestRequest("{request.path}", Method.{request.method.title()});',
            *_header_calls(request, "request.AddHeader({name}, {value});"), *body,
            "request.AddStringBody(body, DataFormat.Json);",
            "RestResponse response = await client.ExecuteAsync(request);", "Console.WriteLine(response.Content);"]


def postman_php_curl(request: Request) -> list[str]:
    # Postman's "PHP - cURL" snippet (codegens/php-curl: `curl_setopt_array($curl, array(`, the options
    # two blanks in, `CURLOPT_POSTFIELDS =>'…'` — a single-quoted string, the body's bytes with `'` and
    # `\` escaped —, `CURLOPT_HTTPHEADER => array(` of `'Name: value'` strings).
    body = request.body.replace("\\", "\\\\").replace("'", "\\'")
    headers = [f"    '{name}: {value}'" for name, value in request.headers]
    return ["<?php", "", "$curl = curl_init();", "", "curl_setopt_array($curl, array(",
            f"  CURLOPT_URL => '{request.url}',", "  CURLOPT_RETURNTRANSFER => true,", "  CURLOPT_ENCODING => '',",
            "  CURLOPT_MAXREDIRS => 10,", "  CURLOPT_TIMEOUT => 0,", "  CURLOPT_FOLLOWLOCATION => true,",
            "  CURLOPT_HTTP_VERSION => CURL_HTTP_VERSION_1_1,", f"  CURLOPT_CUSTOMREQUEST => '{request.method}',",
            *f"  CURLOPT_POSTFIELDS =>'{body}',".split("\n"), "  CURLOPT_HTTPHEADER => array(",
            *[line + "," for line in headers[:-1]], headers[-1], "  ),", "));", "", "$response = curl_exec($curl);", "",
            "curl_close($curl);", "echo $response;"]


def postman_java_okhttp(request: Request) -> list[str]:
    # Postman's "Java - OkHttp" snippet (codegens/java-okhttp: `RequestBody.create(mediaType, "…")` with
    # the body as a Java string literal, `.url("…")`, `.method("POST", body)`, `.addHeader("Name",
    # "value")` a header, each builder call on its own line two blanks in).
    return ["OkHttpClient client = new OkHttpClient().newBuilder()", "  .build();",
            'MediaType mediaType = MediaType.parse("application/json");',
            f"RequestBody body = RequestBody.create(mediaType, {json.dumps(request.body)});",
            "Request request = new Request.Builder()", f"  .url({json.dumps(request.url)})",
            f'  .method("{request.method}", body)', *_header_calls(request, "  .addHeader({name}, {value})"),
            "  .build();", "Response response = client.newCall(request).execute();"]


# --- copies: a notebook ---------------------------------------------------------------------------

def jupyter_notebook_output(request: Request) -> list[str]:
    # A Jupyter notebook saved with a cell's output (nbformat.readthedocs.io/en/latest/format_description
    # .html: "stream output": `{"output_type": "stream", "name": "stdout", "text": "[multiline stream
    # text]"}` — multi-line text stored as a list of lines, each but the last ending in its line feed;
    # nbformat writes the JSON with `indent=1, sort_keys=True`). The cell printed the request it sent:
    # `print(r.request.method, r.request.url)`, `print(r.request.headers)` (its dict's repr),
    # `print(r.request.body)`.
    headers = {"User-Agent": "python-requests/2.32.3", "Accept-Encoding": "gzip, deflate", "Accept": "*/*",
               "Connection": "keep-alive", **dict(request.headers), "Content-Length": str(len(request.body.encode()))}
    text = f"{request.method} {request.url}\n{headers!r}\n{request.body}\n"
    cell = {"cell_type": "code", "execution_count": 7, "id": "5f0c2a9e", "metadata": {},
            "outputs": [{"name": "stdout", "output_type": "stream", "text": text.splitlines(keepends=True)}],
            "source": ["r = session.send(prepared)\n", "print(r.request.method, r.request.url)\n",
                       "print(r.request.headers)\n", "print(r.request.body)"]}
    notebook = {"cells": [cell], "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python",
                                                              "name": "python3"}},
                "nbformat": 4, "nbformat_minor": 5}
    return json.dumps(notebook, indent=1, sort_keys=True).split("\n")


SHAPES = [case(shape) for shape in (
    go_sharp_v, go_plus_v_raw, spew_dump, rust_pretty_debug, elixir_tesla_env, python_dataclass_repr, python_prepared_vars,
    symfony_var_dumper, faraday_env_inspect, ruby_pp_struct, clojure_pr_str, dart_flutter_print)] + [
    case(chrome_copy_as_curl_cmd, "transfer.cmd"), case(wget_command, "payout.sh"),
    case(chrome_copy_as_powershell, "transfer.ps1"), case(httpie_command, "payout.sh"),
    case(chrome_copy_as_fetch, "transfer.js"), case(postman_go_native, "main.go"),
    case(postman_csharp_restsharp, "Transfer.cs"), case(postman_php_curl, "transfer.php"),
    case(postman_java_okhttp, "Transfer.java"),
    case(scala_case_class),
    case(jupyter_notebook_output, "payouts.ipynb")]
HEADERS_ONLY = [case(node_fetch_request), case(dotnet_json_serialized)] + [
    case(java_http_request),
    case(swift_dump)]
NO_HEADERS = [case(node_inspect_depth)]
