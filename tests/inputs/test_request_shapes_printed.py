"""A corpus of requests logged as a language prints an object: the four money-out requests of
:mod:`helpers.signed_shapes` in a class's ``toString`` (Lombok, a Java record, Commons Lang's
ToStringBuilder in its default and multi-line styles, a Kotlin data class), Ruby's awesome_print
and Rust's ``Debug``; and as ``key=value`` pairs whose values are printed so (Go's slog with a
header map, Python's logging with ``%r``, Ruby's Logger with ``inspect``), after the message
names the request or without it. Java prints a string field raw: the body's JSON, line feeds
and all, stands between the other fields, and is the body as sent. The checks are those every
corpus passes (:mod:`test_request_shape_corpora`).
"""

from __future__ import annotations

import json

from helpers.signed_shapes import Request, case

SPRING = "2026-11-22 13:00:01.204 DEBUG 4242 --- [nio-8080-exec-1] c.a.p.PayoutClient       : "


def _java_map(headers: list[tuple[str, str]]) -> str:
    # java.util.AbstractMap.toString: "{" + key=value pairs joined by ", " + "}"
    return "{" + ", ".join(f"{name}={value}" for name, value in headers) + "}"


def lombok_to_string(request: Request) -> list[str]:
    # Lombok's @ToString (projectlombok.org/features/ToString): `Name(field=value, …)`, each
    # field's own toString; a String body printed as it is, over the lines its line feeds make.
    return (SPRING + f"sending TransferCall(method={request.method}, url={request.url}, "
                     f"headers={_java_map(request.headers)}, body={request.body})").split("\n")


def java_record_to_string(request: Request) -> list[str]:
    # java.lang.Record's toString (docs.oracle.com/en/java/javase/17/docs/api/java.base/java/lang/
    # Record.html#toString()): `Name[field=value, …]`.
    return (SPRING + f"sending TransferCall[method={request.method}, url={request.url}, "
                     f"headers={_java_map(request.headers)}, body={request.body}]").split("\n")


def commons_default_style(request: Request) -> list[str]:
    # Commons Lang's ReflectionToStringBuilder, ToStringStyle.DEFAULT_STYLE (commons.apache.org/proper/
    # commons-lang/apidocs/org/apache/commons/lang3/builder/ToStringStyle.html): the class's full name,
    # `@` and the identity hash in hex, then `[field=value,field=value]`, no blank after the commas.
    return (SPRING + f"request com.acme.payouts.TransferCall@5e9f23b4[method={request.method},url={request.url},"
                     f"headers={_java_map(request.headers)},body={request.body}]").split("\n")


def commons_multi_line_style(request: Request) -> list[str]:
    # ToStringStyle.MULTI_LINE_STYLE: `Name@hash[`, then each `field=value` on its own line
    # indented by two blanks, then `]` at the margin.
    fields = [("method", request.method), ("url", request.url), ("headers", _java_map(request.headers)),
              ("body", request.body)]
    return [SPRING + "request com.acme.payouts.TransferCall@5e9f23b4[",
            *"\n".join(f"  {name}={value}" for name, value in fields).split("\n"), "]"]


def kotlin_data_class(request: Request) -> list[str]:
    # A Kotlin data class's generated toString (kotlinlang.org/docs/data-classes.html): `Name(field=value, …)`.
    return (f"13:00:01.204 [DefaultDispatcher-worker-1] DEBUG PayoutClient - -> OutboundCall(method={request.method}, "
            f"url={request.url}, headers={_java_map(request.headers)}, body={request.body})").split("\n")


def awesome_print(request: Request) -> list[str]:
    # Ruby's awesome_print (github.com/awesome-print/awesome_print, `ap hash`): one entry a line,
    # the keys right-aligned on their `=>`, strings inspected (line feeds as \n).
    keys = [":method", ":url", ":headers", ":body"]
    width = max(map(len, keys))
    header_width = max(len(json.dumps(name)) for name, _ in request.headers)
    return ["{", f'    {keys[0].rjust(width)} => "{request.method}",', f'    {keys[1].rjust(width)} => "{request.url}",',
            f"    {keys[2].rjust(width)} => {{",
            *(f"        {json.dumps(name).rjust(header_width)} => {json.dumps(value)}," for name, value in request.headers),
            "    },", f"    {keys[3].rjust(width)} => {json.dumps(request.body)}", "}"]


def reqwest_debug(request: Request) -> list[str]:
    # Rust's reqwest::Request as `{:?}` prints it (its Debug impl: method, url, headers — never the
    # body), the header names lower-cased as the http crate keeps them, via tracing's `debug!`.
    headers = ", ".join(f"{json.dumps(name.lower())}: {json.dumps(value)}" for name, value in request.headers)
    url = (f'Url {{ scheme: "https", cannot_be_a_base: false, username: "", password: None, '
           f'host: Some(Domain("{request.host}")), port: None, path: "{request.path}", query: None, fragment: None }}')
    return [f"2026-11-22T13:00:01.204817Z DEBUG payouts::client: sending Request {{ method: {request.method}, "
            f"url: {url}, headers: {{{headers}}} }}"]


def slog_text_handler(request: Request) -> list[str]:
    # Go's log/slog TextHandler (pkg.go.dev/log/slog#TextHandler) with the headers passed as a
    # value: `headers=` the http.Header printed by %+v (`map[Name:[value] …]`), quoted because it
    # holds blanks; the body a quoted string (strconv.Quote).
    header = "map[" + " ".join(f"{go}:[{value}]" for go, value in sorted(request.headers)) + "]"
    return [f'time=2026-11-22T13:00:01.204Z level=DEBUG msg="outbound request" method={request.method} '
            f"url={request.url} headers={json.dumps(header)} body={json.dumps(request.body)}"]


def python_logging_reprs(request: Request) -> list[str]:
    # Python's logging with `%r` arguments (docs.python.org/3/library/logging.html: `log.debug("method=%s
    # url=%s headers=%r body=%r", …)`): the headers a dict's repr, the body a bytes literal.
    return [f"2026-11-22 13:00:01,204 DEBUG payouts.iugu method={request.method} url={request.url} "
            f"headers={dict(request.headers)!r} body={request.body.encode()!r}"]


def python_named_request(request: Request) -> list[str]:
    # The same logger naming the request in its message first (`"request: %s %s headers=%r body=%r"`).
    return [f"2026-11-22 13:00:01,204 DEBUG payouts.iugu: request: {request.method} {request.url} "
            f"headers={dict(request.headers)!r} body={request.body!r}"]


def ruby_logger_inspect(request: Request) -> list[str]:
    # Ruby's Logger default format (ruby-doc.org Logger::Formatter: `D, [<time> #<pid>] DEBUG -- : <msg>`),
    # the message interpolating `#{headers.inspect}` (Ruby 3.3's `"Name"=>"value"`) and `#{body.inspect}`.
    headers = "{" + ", ".join(f'"{name}"=>{json.dumps(value)}' for name, value in request.headers) + "}"
    return [f"D, [2026-11-22T13:00:01.204817 #4242] DEBUG -- : request: {request.method} {request.url} "
            f"headers={headers} body={json.dumps(request.body)}"]


SHAPES = [case(lombok_to_string), case(java_record_to_string), case(commons_default_style),
          case(commons_multi_line_style), case(kotlin_data_class), case(awesome_print), case(slog_text_handler),
          case(python_logging_reprs), case(python_named_request), case(ruby_logger_inspect)]
HEADERS_ONLY = [case(reqwest_debug)]
NO_HEADERS: list[object] = []
