"""Requests kept in files tools write, as labelled fields: more entries of the label table (:mod:`.label_shapes`
says what an entry's keys mean; :mod:`.label_patterns` reads the tables).

A request file an API client runs (Bruno's blocks, a vim-rest-console block), a test report's attachment (Allure's
HTML), an in-app inspector's text export (Wormholy's), a recorded tape's title comment (yakbak): files, not log
records, each part behind the label the tool gives it. Not provider knowledge: no host, key or path. (Split from
:mod:`.label_shapes` by job: those are what a library logs as it sends.)
"""

from .lines import TOKEN

FILE_LABEL_SHAPES: tuple[dict[str, object], ...] = (
    # A Bruno request file (docs.usebruno.com/bru-lang/overview and tag-reference; bruno-lang's
    # jsonToBru writes the blocks in this order): a block named after the method holding `url:`, `body:`
    # and `auth:` (the auth mode: its rows no headers), `params:query { … }` and `params:path`, a
    # `headers { name: value }` block (a `~` before a name disables it: not sent), `auth:<mode> { … }`
    # blocks (Bruno sends `auth:bearer`'s `token:` as `Authorization: Bearer <token>`, `auth:basic`'s
    # `username:` and `password:` as Basic credentials, and `auth:apikey`'s `value:` as the header its `key:`
    # names where its `placement:` is `header`, as the mode names them), then `body:json { … }`
    # (or :text, :xml, …) whose lines the file indents by two blanks, sent without them; later blocks
    # (`assert`, `vars:…`, `script:…`, `tests`, `docs`) are no headers either.
    {"capture": "bruno", "close": "}", "indent": "  ", "labels": {
        " {": r"^(?P<method>get|post|put|patch|delete|options|head) \{(?P<aside>)\s*$",
        "  url: ": r"^  url: (?P<url>\S+)\s*$",
        "  auth: ": r"^  auth: (?P<auth>\S+)\s*$",
        "headers {": r"^headers \{(?P<headers>)\s*$",
        "auth:": r"^auth:(?P<credentials>[a-z0-9]+) \{\s*$",
        "body:": r"^body:[a-z-]+ \{(?P<body>)\s*$",
        "{": r"^[a-z][\w:-]* \{(?P<aside>)\s*$",
        ": ": rf"^  (?!~)(?P<name>{TOKEN}): (?P<value>.*)$"}},

    # A vim-rest-console request block (doc/vim-rest-console.txt, "Usage"): the host line, the optional header lines,
    # the query `<METHOD> <path>` and the body under it, up to a blank line; comments and blank lines between them.
    {"capture": "vim-rest", "labels": {
        "://": r"^(?P<scheme>https?)://(?P<host>[A-Za-z\d.-]+(?::\d+)?)/?\s*$",
        ": ": rf"^(?P<name>{TOKEN}): (?P<value>.*)$",
        " /": r"^(?P<method>GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) (?P<target>/\S*)(?P<body>)\s*$"}},

    # Allure's HTTP request attachment (allure-java, allure-attachments tpl/http-request.ftl, HTML output):
    # `<div><METHOD> to <url></div>`, the body in a <pre> whose first line the template indents (not the bytes
    # sent: not read), then `<div>Name: value</div>` a header.
    {"capture": "allure", "labels": {
        " to http": r"^<div>(?P<method>[A-Z]+) to (?P<url>https?://[^\s<]+)</div>\s*$",
        "<div>": rf"^\s*<div>(?P<name>{TOKEN}): (?P<value>.*)</div>\s*$"}},

    # An in-app inspector's text export (Wormholy's RequestModelBeautifier.txtExport, an iOS app's traffic shared as
    # `<app>_<time>-wormholy.txt`): `*** Overview *** ` with `**URL:** <url>`, `**Method:** <METHOD>` and the exchange's
    # facts in Markdown bold (no headers), `*** Request Header *** ` with `**<name>:** <value>` a header, then `***
    # Request Body *** ` — a JSON body re-serialised, pretty and its keys sorted: not the bytes sent, so the request
    # ends there, its body unknown; the response's sections after it are no request's.
    {"capture": "inspector-export", "labels": {
        "**URL:** ": r"^\*\*URL:\*\* (?P<url>https?://\S+)\s*$",
        "**Method:** ": r"^\*\*Method:\*\* (?P<method>[A-Z]+)(?P<aside>)\s*$",
        "*** Request Header ***": r"^\*\*\* Request Header \*\*\*(?P<headers>)\s*$",
        "*** Request Body ***": r"^\*\*\* Request Body \*\*\*(?P<end>)\s*$",
        ":** ": rf"^\*\*(?P<name>{TOKEN}):\*\* (?P<value>.*)$"}},
    # A behaviour spec's scenario (cucumber.io/docs/gherkin/reference): `Scenario:` begins it, and its steps say the
    # parts in the order the spec sets them — headers often before the request is sent —: a step naming a method (bare
    # or quoted) and a quoted absolute URL; a step naming the request's headers opens the Data Table under it, a row
    # `| name | value |` a header (a table under any other step, the response's or an Examples', is none); a Doc String
    # the body, between `"""` lines (a content type after the opening one), its lines indented as the delimiter is.
    {"capture": "behaviour-spec", "margin": "yes", "labels": {
        "Scenario": r"^[ \t]*Scenario(?: Outline)?:(?P<begin>)",
        '"http': r'^[ \t]*(?:Given|When|Then|And|But|\*) [^"]*?"?\b(?P<method>GET|POST|PUT|PATCH|DELETE)\b"?[^"]*'
                 r'"(?P<url>https?://[^"\s]+)"',
        "header": r"^[ \t]*(?:Given|When|And|But|\*) (?P<headers>)(?![^\n]*\bresponse\b)[^|\"]*\bheaders?\b",
        '"""': r'^[ \t]*"""[\w/+.-]*(?P<body>)[ \t]*$',
        "|": rf"^[ \t]*\|[ \t]*(?P<name>{TOKEN})[ \t]*\|[ \t]*+(?P<value>(?:.*[^ \t\n])?)[ \t]*\|[ \t]*$",
        "Given ": r"^[ \t]*Given (?P<aside>)", "When ": r"^[ \t]*When (?P<aside>)",
        "Then ": r"^[ \t]*Then (?P<aside>)", "And ": r"^[ \t]*And (?P<aside>)", "But ": r"^[ \t]*But (?P<aside>)",
        "Examples:": r"^[ \t]*Examples:(?P<aside>)"}},

    # A request's head in a block comment, ` * ` a line: a yakbak tape's title (flickr/yakbak src/tape.ejs, ` * <METHOD>
    # <path>`, then ` * <name>: <value>` for each header of the request it proxied, `host` the target's); no body.
    {"capture": "comment-head", "others": "end", "labels": {
        " * ": r"^ \* (?P<method>GET|POST|PUT|PATCH|DELETE) (?P<target>/\S*)\s*$",
        " *": rf"^ \*(?: (?P<name>{TOKEN}): (?P<value>.*))?\s*$"}},
)
