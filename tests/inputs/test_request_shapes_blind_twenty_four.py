"""A twenty-fourth blind corpus: the four money-out requests of :mod:`helpers.signed_shapes` (iugu
transfers unsigned, signed with the client's real key and with another key, an Asaas transfer) as
writers of kinds the other corpora do not show keep them — a SHELL's trace of the command that sent
them (bash's `set -x` of a curl call), a CI RUNNER's echo of a step's script (GitHub Actions' `Run`
group) and a CI/CD PLATFORM's pipeline definition (a Buddy.Works HTTP action), a SECURITY SCANNER's
debug run (nuclei's `-debug-req`), a Node client's debug hook (request-debug's inspected events), a
Ruby client's middleware (faraday-detailed_logger's inspected curl-like output), a .NET request
OBJECT logged by its ToString (HttpRequestMessage through the console logger) and a Ruby client's
one-line error (Faraday 2's `the server responded with status <code> for <METHOD> <url>`).

Five of the eight passed as first written (bash's trace, the Buddy action, nuclei's dump, request-debug's
events, Faraday's error). The GitHub Actions step passes since a command whose first line carries a mark
after the log's time (the runner's `##[group]Run `) goes on in lines that carry the time alone: those
lines go on after the time, so the quoted body's lines are the bytes sent (before, the time stayed in
them and the signed transfer's signature was judged bad). The .NET request passes since, under a record's
head whose message the logger pads (`warn: <category>[<event id>]`), the padding alone is the prefix of the
message's lines: the message's own words before the request it prints (`payout refused: `) are its first
line's, not a prefix its header lines carry (before, the request went unread: no finding). Faraday's detailed
logger passes since a request's head and body written as one quoted string, its line breaks escaped, in the
record after the one that names the request (`<METHOD> <url>`) are that request's (``dump_lines.inspected_head``;
before, they went unread: no transfer was called unsigned). All eight pass.

A comment above each shape names the source file its format was taken from. What is checked is
what every blind corpus must give (:mod:`test_request_shape_corpora`): the body as sent for
``SHAPES``, never a body for ``HEADERS_ONLY``, not one header for ``NO_HEADERS``.
"""

from __future__ import annotations

import json

from helpers.signed_shapes import Request, case, go_canonical

ANSWER = '{"errors":{"amount_cents":["is invalid"]}}'


# --- a shell's trace, a CI runner's echo, a CI/CD platform's action ---------------------------------------------

def _bash_xtrace_word(word: str) -> str:
    """One word of a command as bash's xtrace writes it (print_cmd.c xtrace_print_word_list): a
    word with a shell metacharacter — a space, a quote, a line break — single-quoted, a `'` as
    `'\\''` and a line break as it is (lib/sh/shquote.c sh_single_quote); else one with a byte
    that is not printable ANSI-C quoted, `$'\\001'` (lib/sh/strtrans.c ansic_quote); else bare.
    (bash 5.2 here writes exactly this for the four requests.)"""
    if any(char in " \t\n'\"\\|&;()<>!{}*[]?^$`" for char in word) or word[:1] in ("~", "#"):
        return "'" + word.replace("'", "'\\''") + "'"
    if any(not char.isprintable() for char in word):
        return "$'" + "".join(char if char.isprintable() else f"\\{ord(char):03o}" for char in word) + "'"
    return word


def bash_xtrace_curl(request: Request) -> list[str]:
    # A deploy script `send-transfer.sh` run with `set -x`, posting the transfer with curl, the body and the headers
    # in shell variables, its stderr kept by the job (bash print_cmd.c xtrace_print_word_list: PS4, `+ ` by
    # default, then each word of the command after expansion, quoted by xtrace_print_word_list as
    # _bash_xtrace_word says; a quoted body's line breaks break the trace's line).
    words = ["curl", "-sS", "--fail-with-body", "-X", request.method, request.url]
    for name, value in request.headers:
        words += ["-H", f"{name}: {value}"]
    words += ["--data-binary", request.body]
    return ["+ set -euo pipefail", *("+ " + " ".join(_bash_xtrace_word(word) for word in words)).split("\n"),
            ANSWER, "curl: (22) The requested URL returned error: 422"]


def github_actions_run_step(request: Request) -> list[str]:
    # A GitHub Actions workflow step `run: |` posting the transfer with curl, its log downloaded (actions/runner
    # src/Runner.Worker/Handlers/ScriptHandler.cs PrintActionDetails: `##[group]Run <first line of the script>`,
    # then each line of the script, CRLF as LF and the final line breaks trimmed, between `\x1b[36;1m` and
    # `\x1b[0m`, then `shell: ...` and `##[endgroup]`; a downloaded log has each line after its ISO time with
    # seven decimals and a space). The script keeps the body in single quotes over its lines.
    stamp = "2026-11-22T13:00:30.1234567Z "
    quoted = [f"  -H '{name}: {value}' \\" for name, value in request.headers]
    script = [f"curl -sS --fail-with-body -X {request.method} '{request.url}' \\", *quoted,
              *f"  --data-binary '{request.body}'".split("\n")]
    lines = [f"##[group]Run {script[0]}", *(f"\x1b[36;1m{line}\x1b[0m" for line in script),
             "shell: /usr/bin/bash -e {0}", "##[endgroup]", ANSWER,
             "curl: (22) The requested URL returned error: 422",
             "##[error]Process completed with exit code 22."]
    return [stamp + line for line in lines]


def buddy_http_action(request: Request) -> list[str]:
    # The transfer as an action of a Buddy.Works pipeline kept as `buddy.yml` beside the service's code
    # (buddy.works/knowledge/yaml/action-http-notification "HTTP Request with YAML": `type: "HTTP"`,
    # `notification_url` the target URL, `method`, `content` "The content of the request." — the example a double-
    # quoted YAML string with `\r\n` and `\"` escapes —, `headers` a list of `name`/`value` pairs, `timeout`).
    headers = [line for name, value in request.headers
               for line in (f"    - name: {json.dumps(name)}", f"      value: {json.dumps(value)}")]
    return ["- pipeline: \"Payouts\"", "  on: \"CLICK\"", "  actions:",
            "  - action: \"Send transfer\"", "    type: \"HTTP\"", f"    notification_url: {json.dumps(request.url)}",
            f"    method: {json.dumps(request.method)}", f"    content: {json.dumps(request.body)}", "    headers:",
            *headers, "    timeout: 120"]


# --- a security scanner, a Node hook, a Ruby middleware -----------------------------------------------------------

def nuclei_debug_req(request: Request) -> list[str]:
    # A team's nuclei template replaying the transfer against the payouts API, run as `nuclei -t payout.yaml -u
    # <url> -debug-req` in CI (projectdiscovery/nuclei pkg/protocols/http/request.go executeRequest:
    # gologger.Info().Msg(`[<template id>] Dumped HTTP request for <url>\n\n`), then gologger.Print() of the dump;
    # pkg/protocols/http/utils.go dump: retryablehttp-go's Request.Dump, which is net/http/httputil.DumpRequestOut —
    # the request line, Host, User-Agent, Content-Length, the other headers sorted and canonical, Accept-Encoding:
    # gzip, CRLF each, the blank line and the body; gologger's `[INF] ` label).
    others = sorted((go_canonical(name), value) for name, value in request.headers if name != "User-Agent")
    agent = dict(request.headers)["User-Agent"]
    dump = [f"{request.method} {request.path} HTTP/1.1", f"Host: {request.host}", f"User-Agent: {agent}",
            f"Content-Length: {request.content_length}", *(f"{name}: {value}" for name, value in others),
            "Accept-Encoding: gzip", ""]
    text = "\r\n".join(dump) + "\r\n" + request.body
    return [f"[INF] [payout-transfer] Dumped HTTP request for {request.url}", "", "", *text.split("\n")]


def _node_string(text: str, indentation: int) -> str:
    """A string as Node's util.inspect writes it inside an object (lib/internal/util/inspect.js
    strEscape, formatPrimitive): single quotes, `\\n` and `'` escaped; a string with line breaks
    longer than the room left on the line (breakLength 80, less the indentation and 4) cut after
    each line break into pieces joined by ` +` and a line break, two further in."""
    def quoted(piece: str) -> str:
        return "'" + piece.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n") + "'"
    if "\n" in text and len(text) > 16 and len(text) > 80 - indentation - 4:
        pieces = text.splitlines(keepends=True)
        return f" +\n{' ' * (indentation + 2)}".join(quoted(piece) for piece in pieces)
    return quoted(text)


def _node_key(name: str) -> str:
    """An object key as util.inspect writes it: bare when an identifier, else single-quoted."""
    return name if name.replace("_", "a").isalnum() and not name[:1].isdigit() else f"'{name}'"


def request_debug_events(request: Request) -> list[str]:
    # A Node payouts service on the `request` package with `require('request-debug')(request)`, its stderr kept
    # (request/request-debug index.js: on the request's 'request' event, data = {debugId, uri: this.uri.href,
    # method, headers: clone(this.headers), body: this.body.toString('utf8')}; exports.log: console.error({request:
    # data}), i.e. util.inspect at its defaults, two spaces a level, an object over 80 columns one entry a line;
    # README.md "Example". `request` adds `host` to the caller's headers, and `content-length` as a number).
    headers = [*request.headers, ("host", request.host)]
    header_lines = [f"      {_node_key(name)}: '{value}'," for name, value in headers]
    header_lines.append(f"      'content-length': {request.content_length}")
    return ["{", "  request: {", "    debugId: 1,", f"    uri: '{request.url}',", f"    method: '{request.method}',",
            "    headers: {", *header_lines, "    },", *f"    body: {_node_string(request.body, 4)}".split("\n"),
            "  }", "}",
            "{", "  response: {", "    debugId: 1,", "    headers: {", "      'content-type': 'application/json',",
            "      'content-length': '43'", "    },", "    statusCode: 422,", f"    body: '{ANSWER}'", "  }", "}"]


def _ruby_inspect(text: str) -> str:
    """A string as Ruby's String#inspect writes it: double quotes, `"`, `\\` and line breaks
    escaped, `#{` as `\\#{`."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    return '"' + escaped.replace("#{", "\\#{") + '"'


def faraday_detailed_logger(request: Request) -> list[str]:
    # A Rails payouts service whose Faraday connection has `f.response :detailed_logger, Rails.logger` at DEBUG
    # (envylabs/faraday-detailed_logger lib/faraday/detailed_logger/middleware/current.rb on_request: logger.info
    # of CurlFormatter.request, logger.debug of CurlFormatter.request_body; curl_formatter.rb: `<METHOD> <url>`, and
    # the headers sorted by name `<name>: <value>` a line, a blank line and the body, the whole `.inspect`ed to one
    # line; README.md "Example output"; Ruby's Logger format `<S>, [<time> #<pid>] <SEVERITY> -- : <message>`).
    stamp = "2026-11-22T13:00:30.123456 #4120]"
    sent = "\n".join(f"{name}: {value}" for name, value in sorted(request.headers)) + "\n\n" + request.body
    answer = "Content-Type: application/json\n\n" + ANSWER
    return [f"I, [{stamp}  INFO -- : {request.method} {request.url}",
            f"D, [{stamp} DEBUG -- : {_ruby_inspect(sent)}",
            f"W, [{stamp}  WARN -- : HTTP 422",
            f"D, [{stamp} DEBUG -- : {_ruby_inspect(answer)}"]


# --- a .NET request object, a Ruby client's error -----------------------------------------------------------------

def dotnet_request_message(request: Request) -> list[str]:
    # A .NET worker logging the refused request, `logger.LogWarning("payout refused: {Request}",
    # response.RequestMessage)`, through Microsoft.Extensions.Logging's simple console formatter (dotnet/runtime
    # src/libraries/System.Net.Http/src/System/Net/Http/HttpRequestMessage.cs ToString: `Method: <m>, RequestUri:
    # '<uri>', Version: 1.1, Content: System.Net.Http.StringContent, Headers:` and a line break; Headers/
    # HeaderUtilities.cs DumpHeaders: `{`, each header `  <name>: <value>`, the request's then the content's, `}`;
    # the formatter's `warn: <category>[<event id>]` and each line of the message six columns in). The body is the
    # content's type name.
    content = [("Content-Type", "application/json; charset=utf-8"), ("Content-Length", request.content_length)]
    headers = [(name, value) for name, value in request.headers if name != "Content-Type"] + content
    message = [f"payout refused: Method: {request.method}, RequestUri: '{request.url}', Version: 1.1, "
               "Content: System.Net.Http.StringContent, Headers:", "{",
               *(f"  {name}: {value}" for name, value in headers), "}"]
    return ["warn: Payouts.PayoutWorker[0]", *(f"      {line}" for line in message)]


def faraday_raise_error(request: Request) -> list[str]:
    # A Ruby worker whose Faraday connection has `f.response :raise_error`, the error logged by Rails' logger as
    # `"#{e.class}: #{e.message}"` (lostisland/faraday lib/faraday/error.rb build_status_error_message: `the server
    # responded with status <status> for <METHOD> <url>`; UnprocessableEntityError for a 422). No header.
    return [f"E, [2026-11-22T13:00:30.312000 #4120] ERROR -- : Faraday::UnprocessableEntityError: the server "
            f"responded with status 422 for {request.method} {request.url}"]


SHAPES = [case(bash_xtrace_curl), case(github_actions_run_step, "job-logs.txt"), case(buddy_http_action, "buddy.yml"),
          case(nuclei_debug_req), case(request_debug_events), case(faraday_detailed_logger)]
HEADERS_ONLY = [case(dotnet_request_message)]
NO_HEADERS = [case(faraday_raise_error)]
