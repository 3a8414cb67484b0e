"""Requests a log message writes as labelled fields in its own words, as data: more entries of the label table
(:mod:`.label_shapes` says what an entry's keys mean; :mod:`.label_patterns` reads both tables).

A client's logger or hook that prints the request it sends as one message, or a few, of prose around its parts —
`Sending request: <method> <uri>, headers: …`, `<version> <method> <uri> Headers(…) body="…"`, `<METHOD> Request :
url=<url>` over the message's lines, `Requesting url <url> using method <METHOD>.`, a test framework's `[Request]
<METHOD> <url> <body>` debug section —: each part behind the words that name it. Not provider knowledge: no host,
key or path. (Split from :mod:`.label_shapes` by job: those are tables and blocks of labels, these a message's words.)
"""

from .lines import TOKEN

MESSAGE_LABEL_SHAPES: tuple[dict[str, object], ...] = (
    # sttp client's logging backend (sttp.softwaremill.com, backends/wrappers/logging; DefaultLog.beforeRequestSend:
    # `Sending request: ` and Request.show — `<method> <uri>, headers: ` and each header's `Name: value` joined
    # by `, ` —, the body left out by default, sensitive headers' values masked, still listed).
    {"capture": "sttp", "list": "colons", "labels": {
        "Sending request: ": r"\bSending request: (?P<method>[A-Z]+) (?P<url>https?://\S+), "
                             r"headers: (?P<headers>.*)$"}},

    # http4s' client Logger middleware (core internal/Logger.scala, logMessageWithBodyText: `<version> <method>
    # <uri>`, ` Headers(Name: value, …)`, ` body="<text>"` — the text as it is, over its own lines, the closing
    # quote at its end).
    {"capture": "http4s", "list": "colons", "close": '"', "labels": {
        "HTTP/": r"\bHTTP/[\d.]+ (?P<method>[A-Z]+) (?P<url>https?://\S+) Headers\((?P<headers>.*?)\)"
                 r'(?: body="(?P<body>.*)|\s*$)'}},

    # Robot Framework's RequestsLibrary (src/RequestsLibrary/log.py, log_request): one message, `<METHOD> Request :
    # url=<url> `, then ` path_url=…`, ` headers=<dict>` and ` body=<body>` each on a line after the last's blank.
    {"capture": "robot-requests", "list": "dictionary", "labels": {
        " Request : url=": r"^.*?(?<![A-Za-z])(?P<method>[A-Z]+) Request : url=(?P<url>https?://\S+)",
        " headers={": r"^ headers=(?P<headers>\{.*\})\s*$", " body=": r"^ body=(?P<body>(?:.*\S)?)\s*$"}},

    # requests-oauthlib's OAuth2Session.request at DEBUG: `Requesting url <url> using method <METHOD>.`, then
    # `Supplying headers <dict> and data <data>` (the data as it is, over its own lines) and the next record.
    {"capture": "oauthlib", "list": "dictionary", "labels": {
        "Requesting url ": r"Requesting url (?P<url>https?://\S+) using method (?P<method>[A-Z]+)\.\s*$",
        "Supplying headers ": r"Supplying headers (?P<headers>\{.*?\}) and data (?P<body>.*)$"}},
    # A test framework's debug sections, `[<title>] <message>` (Codeception's Module::debugSection under `codecept run
    # --debug`): the REST module's `[Request] <METHOD> <url> <body>` — a string body as it is, over its own lines —,
    # then the browser module's `[Request Headers] <JSON object>` after the body (module-rest REST.php execute;
    # lib-innerbrowser InnerBrowser.php clientRequest).
    {"capture": "debug-sections", "list": "printed", "after": "yes", "labels": {
        "[Request] ": r"^\s*\[Request\] (?P<method>[A-Z]+) (?P<url>https?://\S+) (?P<body>.*)$",
        "[Request Headers] ": r"^\s*\[Request Headers\] (?P<headers>\{.*\})\s*$"}},

    # Hutool's HttpRequest printed (`log.info("{}", request)`; hutool-http HttpRequest.toString and HttpBase.toString):
    # `Request Url: <url>`, `Request Headers: ` with each header four blanks in, `Name: value`, then `Request Body: `
    # with the body four blanks in on the lines after, every line ended CR LF. No method is written: the client
    # sends GET unless told otherwise, and a body only with POST (HttpRequest.post), PUT or PATCH — unless a line of
    # the application's own among them says it (`Request Method: GET`).
    {"capture": "hutool", "indent": "    ", "unsaid": "POST", "labels": {
        "Request Url: ": r"Request Url: (?P<url>https?://\S+)\s*$",
        "Request Method: ": r"^Request Method: (?P<method>[A-Z]+)\s*$",
        "Request Headers:": r"^Request Headers:(?P<headers>)\s*$",
        "    ": rf"^    (?P<name>{TOKEN}): (?P<value>.*?)\r?$",
        "Request Body:": r"^Request Body:(?P<body>)\s*$"}},
)
