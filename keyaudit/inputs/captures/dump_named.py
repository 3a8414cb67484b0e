"""Requests a log line names on its start line, as data: the last entries of the dump table (:mod:`.dump_table`
reads them after :mod:`.dump_shapes`' own, whose start lines may hold such a pair too).

A client's object printed whole (Spring's RequestEntity), a program printing a request's parts on one line, and a
log message that names a request in its words: a method and a URL, perhaps the headers and the body after them.
Not provider knowledge: no host, key or path. (Split from :mod:`.dump_shapes` by job: those write a request over
lines, these name one on a line.)
"""

# What a log prefix's end, or an error's, holds before a request's words (named in passing, or a client's request
# line in words): a time's or a pid's digits, a closing bracket, a tag in capitals before a colon, or an exception's
# qualified type before one — which a document's sentence or step lacks.
ERROR_LEAD = r"\d\d|[\]>)]|[A-Z]{2}:|(?:[a-z_]\w*\.)+[A-Z]\w*: "

NAMED_SHAPES: tuple[dict[str, str | list[str]], ...] = (
    # Spring's RequestEntity.toString, HttpEntity's format (`<METHOD URL,body,[Name:"value", …]>`, no body: no `body,`), as a
    # client logs the entity it sends: the body printed raw, its later lines bare, the headers after its last (`end`).
    {"capture": "request-entity", "needle": " http",
     "start": r"<(?P<method>[A-Z]+)(?= http) (?P<url>https?://[^\s,]+),(?:(?:(?P<body>.*),)?(?P<headers>\[.*\])>|(?P<first>.+))\s*$",
     "end": r"(?P<last>.*),(?P<headers>\[[^\]]*\])>\s*$", "body": "rest", "others": "end"},

    # A request described in one sentence, each part behind the words that name it: WebMock's request signature
    # (webmock lib/webmock/request_signature.rb, to_s: `<METHOD> <url>`, ` with body '<body>'` — the body as it is,
    # over lines —, ` with headers {'Name'=>'value', …}`), as NetConnectNotAllowedError's "Unregistered request: …"
    # shows it; a body over lines ends on the line that names the headers after its closing quote (`end`). Without a
    # body, the sentence names the headers alone (its own entry: one capture name a shape).
    {"capture": "request-sentence", "needle": " with body '",
     "start": r"(?<![\w-])(?P<method>[A-Z]+) (?P<url>https?://\S+) with body "
              r"'(?:(?P<body>.*)' with headers (?P<headers>\{.*\})|(?P<first>.*))\s*$",
     "end": r"(?P<last>.*)' with headers (?P<headers>\{.*\})\s*$", "body": "rest", "others": "end"},
    {"capture": "request-sentence-head", "needle": " with headers ",
     "start": r"(?<![\w-])(?P<method>[A-Z]+) (?P<url>https?://\S+) with headers (?P<headers>\{.*\})\s*$",
     "headers": "none", "body": "none", "others": "end"},

    # A method, a URL, the headers (`console.log(method, url, headers)`) and perhaps the body on one line (printed_parts).
    {"capture": "printed-call", "needle": " http",
     "start": r"(?<![A-Za-z])(?P<method>[A-Z]+)(?= http) (?P<url>https?://\S+) (?P<headers>(?:[A-Z][\w.]{0,63}\()?\{.*)$",
     "headers": "none", "body": "none", "others": "end", "alone": "none"},

    # A request named in a log message's words, `METHOD <absolute URL>` (a blank, `<`, `[`, `(` or a backquote before
    # the method; not curl's `-X POST`): PowerShell's `VERBOSE: POST <url> with <n>-byte payload`, Scrapy's `Crawled
    # (201) <POST <url>>`, Guzzle's ``Client error: `POST <url>` resulted in a …``, undici's, superagent's,
    # go-retryablehttp's; headers unknown, but where the log's next
    # record is a map of header fields (a program printing a request part by part: the pair, `print(headers)`,
    # `print(body)`), and the one after it a JSON document as long as their Content-Length says, the body; or where
    # header lines quoted as Ruby's inspect writes them follow (`Name: "value"`, the first after the log prefix:
    # Faraday's logger through Rails' formatter, which drops its `request` progname), those, and a JSON document after
    # them. Last: the shapes above own such a pair on their start lines. (The needle keeps JSON's quoted URLs off the
    # pattern.) Its lead: a time's or a pid's digits, a closing bracket, a tag in capitals before a colon, or an
    # exception's qualified type before one (`requests_mock.exceptions.NoMockAddress: No mock address: POST <url>` as
    # pytest prints it, Feign's `feign.RetryableException: Read timed out executing POST <url>`): an error as a
    # traceback or a test run prints it, which a document's sentence is not.
    {"capture": "prose", "needle": " http",
     "start": r"(?P<method>[A-Z](?:(?<=[^X] [A-Z])|(?<=[<\[(`][A-Z]))(?<!--request [A-Z])[A-Z]*)(?= http) "
              r"(?P<url>https?://[^\s<>\"'`]*[^\s<>\"'`.,;:!?)\]])",
     "lead": ERROR_LEAD, "mention": "yes",
     "headers": "map", "body": "rest", "bare": "json", "others": "end",
    },

    # A request a Go program's error names: net/http's *url.Error, `<Op> "<URL>": <error>`, the Op the method with only
    # its first letter upper-case (golang/go src/net/http/client.go urlErrorOp; src/net/url/url.go Error.Error, `%s
    # %q: %s`) — every Go client's failed call (a timeout after the request went out, a mock with no responder) as
    # logged, the quotes escaped where a logger quotes the whole error (logrus's `error="Post \"…\": …"`). A mention,
    # as the prose shape's; headers and body unknown.
    # (The pattern opens with the methods and looks back from after them: one opening with the look-behind would be
    # tried at every position of every line holding a URL.)
    {"capture": "go-url-error", "needle": "://",
     "start": r'(?P<method>Get|Head|Post|Put|Patch|Delete|Options) (?<![\w-]Get )(?<![\w-]Head )(?<![\w-]Post )'
              r'(?<![\w-]Put )(?<![\w-]Patch )(?<![\w-]Delete )(?<![\w-]Options )\\?"(?P<url>https?://[^\s"\\]+)\\?": ',
     "mention": "yes", "headers": "none", "body": "none", "others": "end"},

    # A request an error names as its method in square brackets, the URL quoted, then a colon and the failure —
    # the shape of Go's error above with the method written as a tag: ofetch's FetchError, `[<METHOD>] "<url>":
    # <status> <statusText>` (unjs/ofetch src/error.ts createFetchError: `[${method}] ${JSON.stringify(url)}`), the
    # error of every `$fetch` in a Nuxt or Nitro server, however its message is logged (the quotes escaped in a
    # record's field). A mention, as the prose shape's; headers and body unknown. (A word glued to the bracket, or
    # no colon after the quote, is some other text's.)
    {"capture": "bracketed-method", "needle": "://",
     "start": r'\[(?<![\w\[\]]\[)(?P<method>[A-Z]+)\] \\?"(?P<url>https?://[^\s"\\]+)\\?": ',
     "mention": "yes", "headers": "none", "body": "none", "others": "end"},

    # A request a message names as a method's request for a quoted URL, `<METHOD> request for "<url>"`: Spring's
    # RestTemplate, whose ResourceAccessException reads `I/O error on POST request for "<url>": <cause>` and whose
    # debug line after a call `POST request for "<url>" resulted in 201` (spring-web org/springframework/web/client/
    # RestTemplate.java doExecute, createResourceAccessException), in a stack trace or after a log prefix. A mention,
    # as the prose shape's; headers and body unknown.
    {"capture": "request-for", "needle": " request for ",
     "start": r"(?<![\w-])(?P<method>[A-Z]+) request for \\?\"(?P<url>https?://[^\s\"\\]+)\\?\"",
     "lead": ERROR_LEAD, "mention": "yes",
     "headers": "none", "body": "none", "others": "end"},

    # A request a log message names with its method quoted and the URL a few words after it (a blank or a log prefix
    # before the quote): Airflow's HttpHook, `self.log.info("Sending '%s' to url: %s", self.method, url)`
    # (airflow/providers/http/hooks/http.py). A mention, as the prose shape's; headers and body unknown.
    {"capture": "prose-quoted", "needle": " http",
     "start": r"(?<![\w'\"])(?P<quote>['\"])(?P<method>[A-Z]+)(?P=quote)(?: [a-z]+:?){1,3}(?= http) "
              r"(?P<url>https?://[^\s<>\"'`]*[^\s<>\"'`.,;:!?)\]])",
     "lead": r"\d\d|[\]>)]|[A-Z]{2}:", "mention": "yes", "headers": "none", "body": "none", "others": "end"},

    # A request a runner lists as it runs it, the response's status and summary in brackets after it: Newman's CLI
    # reporter (postmanlabs/newman lib/reporters/cli/index.js: `  <method> <url> ` before the request, `[<code>
    # <reason>, <size>, <time>]` after it on the same line). A mention, as the prose shape's: headers and body unknown.
    {"capture": "runner-call", "needle": " http",
     "start": r"^[ \t]*(?P<method>[A-Z]+)(?= http) (?P<url>https?://\S+) \[\d{3} [^\]]*\]\s*$",
     "mention": "yes", "headers": "none", "body": "none", "others": "end"},
)
