"""Request lines a client writes inside marks of its own, the header fields on the lines under them, as data: entries
of the dump table (:mod:`.dump_table` reads them after :mod:`.dump_shapes`' own and before :mod:`.dump_named`'s, whose
prose shape would take such a line for a request named in passing, its header lines unread).

A request line behind an arrow, in the brackets of an object's ``toString``, written as the protocol and then the
method joined to the URL by a colon, or in words, its header fields between marker lines and its body printed after
the response's, between marker lines of its own. Not provider knowledge: no host, key or path. (Split from
:mod:`.dump_shapes` by size: that table's module is at its bound.)
"""

from .dump_named import ERROR_LEAD

WRAPPED_SHAPES: tuple[dict[str, str | list[str]], ...] = (
    # A request line behind a rightwards arrow, each header field under it indented by two blanks after the same log
    # prefix, the answer behind a leftwards arrow: Playwright's request context at `DEBUG=pw:api` (microsoft/playwright
    # packages/playwright-core/src/server/fetch.ts: `→ ${method} ${url}`, then `  ${name}: ${value}` a header sent,
    # `← ${statusCode} ${statusMessage}` and the response's headers the same way). The body is never logged. A start
    # line no field follows is no request: an arrow before a method and a URL is also a document's step.
    {"capture": "arrow", "needle": "→ ", "start": r"→ (?P<method>[A-Z]+) (?P<url>https?://\S+)\s*$",
     "lines": "  ", "cut": "← ", "body": "none", "others": "end", "alone": "none"},

    # A request under a section's title, its request line (a method and an origin-form target, no version) and each
    # header field under it indented by a tab, the response's section after it: the cpp-httplib logger DuckDB writes
    # with `SET enable_http_logging = true` (duckdb.org … operations_manual/logging; duckdb/logging/http_logger.hpp:
    # `HTTP Request:`, `\t<method> <path>`, `\t<name>: <value>` a header sent, then `HTTP Response:`). No body is
    # logged; the target is joined to the Host field.
    {"capture": "titled-tab", "needle": "\t", "above": r"^HTTP Request:\s*$",
     "start": "\t" r"(?P<method>[A-Z]+) (?P<target>/\S*)\s*$", "lines": "\t", "cut": "HTTP Response:", "body": "none",
     "others": "end", "alone": "none"},

    # A request line an object's toString wraps in brackets, its identity hash after them (`Type[<request line>]@<hex>`),
    # the header fields on the lines under it, the Host among them: Jetty's HttpClient at DEBUG (jetty/jetty.project
    # jetty-client HttpSender.beginToHeaders: `Request headers {}{}{}` — the HttpRequest, whose toString is `%s[%s %s
    # %s]@%x`, a line break, the HttpFields, `Name: value` CR LF each). No body.
    {"capture": "bracketed-request-line", "needle": "]@",
     "start": r"\[(?P<method>[A-Z]+) (?P<target>/\S*) HTTP/\d(?:\.\d)?\]@[0-9a-f]+\s*$",
     "body": "none", "others": "end"},

    # A request line written as the protocol, then the method joined to the URL by a colon (or a blank), the header
    # fields under a `headers:` label, each name and value quoted as Rust's Debug writes a string: actix's awc
    # (actix/actix-web awc/src/request.rs `impl fmt::Debug for ClientRequest`: `\nClientRequest {:?} {}:{}` — version,
    # method, URI; `{} {}` in some versions —, `  headers:`, `    {key:?}: {val:?}` a header), as `log::debug!("{:?}",
    # req)` writes it. No body.
    {"capture": "protocol-colon", "needle": "HTTP/",
     "start": r"HTTP/\d(?:\.\d)? (?P<method>[A-Z]+)[: ](?P<url>https?://\S+)\s*$",
     "ignore": r"\s*headers:\s*$", "headers": "quoted", "body": "none", "others": "end"},

    # A request line in words, `Initiating <METHOD> to <url>`, the header fields between marker lines, then the
    # response's status and headers in a section of their own; only for a status not 2xx, the response's body and
    # then the request's, each between marker lines: Chef Infra's HTTP client at trace (chef/chef lib/chef/http/
    # basic_client.rb BasicClient#request), each message after mixlib-log's `[<time>] TRACE: `, a body's later lines bare;
    # a log prefix before the words (a document's step writes them too).
    {"capture": "marked-sections", "needle": "Initiating ",
     "start": r"Initiating (?P<method>[A-Z]+) to (?P<url>https?://\S+)\s*$",
     "ignore": r"---- HTTP Request Header Data: ----\s*$", "end": r"---- End HTTP Request Header Data ----\s*$",
     "aside": r"---- HTTP (?:Status and Header Data:|Response Body) ----\s*$",
     "back": r"---- End HTTP (?:Status/Header Data ----|Response Body -----)\s*$",
     "after": r"---- HTTP Request Body ----\s*$", "close": "\n---- End HTTP Request Body ----",
     "lead": ERROR_LEAD, "body": "none", "others": "end", "alone": "none"},
)
