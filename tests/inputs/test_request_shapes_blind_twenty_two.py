"""A twenty-second blind corpus: the four money-out requests of :mod:`helpers.signed_shapes` (iugu
transfers unsigned, signed with the client's real key and with another key, an Asaas transfer) as
writers of kinds the other corpora do not show keep them — a DELPHI client's connection intercept
(Indy's `TIdLogFile`, line breaks written as `<EOL>` and `<LF>`), a TEST RUNNER's failure report
(Cypress's `cy.request()` error in a `cypress run`), an EMBEDDED device's serial console (the
ESP8266 Arduino core's `HTTPClient` debug output), a DESKTOP app's `webRequest` hook (Electron's
details object through `console.log`), a TERMINAL RECORDING (an asciinema cast of a `curl -v`), and
a LOAD TESTER's and two clients' one-line errors that name only the method and the URL (siege's
verbose line, ofetch's `FetchError`, Ktor's `ClientRequestException`). Four of the eight passed as first
written (Cypress's report, the ESP8266 console, siege's line, Ktor's exception); Electron's failed only
on the corpus's own mistake (a `timestamp` two days from the request's `Request-Time`, so the window
check fired) and passes with the time the hook would really show. ofetch's passes since a method in
square brackets before a quoted URL and a colon is a request an error names in passing, as Go's
`Post "<url>": …` is; Indy's since a piece of the bytes sent after a direction word, a time and a
colon, its line breaks written as their names (`<EOL>`, `<LF>`), is a wire log's; the asciinema cast's
since a terminal recording's output events are joined back into the lines the terminal showed.

A comment above each shape names the source file its format was taken from. What is checked is
what every blind corpus must give (:mod:`test_request_shape_corpora`): the body as sent for
``SHAPES``, never a body for ``HEADERS_ONLY``, not one header for ``NO_HEADERS``.
"""

from __future__ import annotations

import json

from helpers.signed_shapes import Request, case

ANSWER = '{"errors":{"amount_cents":["is invalid"]}}'


# --- a Delphi client, a test runner ---------------------------------------------------------------------------

def _indy_markers(text: str) -> str:
    """Data as Indy's TIdLogBase.ReplaceCR writes it: CR LF, then CR, then LF replaced by their names."""
    return text.replace("\r\n", "<EOL>").replace("\r", "<CR>").replace("\n", "<LF>")


def indy_log_file(request: Request) -> list[str]:
    # A Delphi back-office app posting the transfer with Indy's TIdHTTP, a TIdLogFile as its Intercept (IndySockets/
    # Indy Lib/Core/IdLogBase.pas Send: the time `DateTimeToStr(Now)`, the buffer with ReplaceCRLF on by default —
    # EOL, CR and LF replaced by Lib/Core/IdResourceStringsCore.pas RSLogEOL `<EOL>`, RSLogCR `<CR>`, RSLogLF `<LF>`;
    # Lib/Core/IdLogFile.pas LogSentData `Sent <time>: <data>` + EOL, LogReceivedData `Recv ...`, LogStatus `Stat
    # Connected.`), the intercept seeing the bytes inside TLS. Lib/Protocols/IdHTTP.pas BuildAndSendRequest writes
    # the request line and Request.RawHeaders in one write buffer — Lib/Protocols/IdHTTPHeaderInfo.pas SetHeaders:
    # Connection, Content-Type, Content-Length, Host, Accept, User-Agent, then the custom headers —, then
    # ConnectToHost writes Request.Source on its own. A pt-BR machine: the date day first. Lines end CR LF.
    stamp = "22/11/2026 13:00:00"
    custom = [(name, value) for name, value in request.headers if name not in ("Content-Type", "User-Agent")]
    head = [f"{request.method} {request.path} HTTP/1.1", "Connection: keep-alive",
            f"Content-Type: {dict(request.headers)['Content-Type']}", f"Content-Length: {request.content_length}",
            f"Host: {request.host}", "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
            f"User-Agent: {dict(request.headers)['User-Agent']}", *(f"{name}: {value}" for name, value in custom)]
    response = "HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: 15\r\n\r\n" + '{"id":"1A2B3C"}'
    return [line + "\r" for line in
            ["Stat Connected.", f"Sent {stamp}: " + _indy_markers("\r\n".join(head) + "\r\n\r\n"),
             f"Sent {stamp}: " + _indy_markers(request.body), f"Recv {stamp}: " + _indy_markers(response),
             "Stat Disconnected."]]


def cypress_request_failure(request: Request) -> list[str]:
    # An API test in Cypress, `cy.request({method, url, headers, body})` with the body a string, the API refusing it,
    # as `cypress run` prints the failure (cypress-io/cypress packages/driver/src/cypress/error_messages.ts
    # request.status_invalid: `cy.request()` failed on, the URL, the status, then `The request we sent was:` and
    # getHttpProps — `Method: `, `URL: `, `Headers: ` and `Body: ` each through `format`: a string as it is, an
    # object as JSON.stringify(data, null, 2) —, then `The response we got was:` the same way; cyStripIndent takes the
    # template's ten columns off; divider(60, '-') is 59 dashes), through mocha's spec reporter (the error's first
    # line indented five columns, the rest as they are, the stack two more). The request headers are the ones the
    # Cypress server's request sent: the caller's, then request's accept, accept-encoding and content-length.
    headers = {**dict(request.headers), "accept": "*/*", "accept-encoding": "gzip, deflate",
               "content-length": int(request.content_length)}
    dashes = "-" * 59
    message = ["CypressError: `cy.request()` failed on:", "", request.url, "",
               "The response we received from your web server was:", "", "  > 422: Unprocessable Entity", "",
               "This was considered a failure because the status code was not `2xx` or `3xx`.", "",
               "If you do not want status codes to cause failures pass the option: `failOnStatusCode: false`", "",
               dashes, "", "The request we sent was:", "", f"Method: {request.method}", f"URL: {request.url}",
               "Headers: " + json.dumps(headers, indent=2), "Body: " + request.body, "", dashes, "",
               "The response we got was:", "", "Status: 422 - Unprocessable Entity",
               "Headers: " + json.dumps({"content-type": "application/json; charset=utf-8", "content-length": "43"},
                                        indent=2),
               "Body: " + json.dumps(json.loads(ANSWER), indent=2), "", "https://on.cypress.io/request"]
    text = "\n".join(message)
    return ["  1) payouts", "       sends the transfer:", *("     " + text).split("\n"),
            "      at Context.eval (webpack://payouts/./cypress/e2e/payouts.cy.js:12:8)", ""]


# --- an embedded device, a desktop app, a terminal recording ---------------------------------------------------

def esp8266_http_client_debug(request: Request) -> list[str]:
    # A PIX vending machine on an ESP8266 built with DEBUG_ESP_HTTP_CLIENT and DEBUG_ESP_PORT=Serial, the serial
    # console captured (esp8266/Arduino libraries/ESP8266HTTPClient/src/ESP8266HTTPClient.cpp: beginInternal's
    # `[HTTP-Client][begin] url: %s` and `host: %s port: %d url: %s`, sendRequest's `type: '%s' redirCount: %d`,
    # connect's `connected to %s:%u`, sendHeader's `[HTTP-Client] sending request header\n-----\n%s-----\n` — the
    # request line, Host, User-Agent (setUserAgent: addHeader refuses it), Accept-Encoding, Connection, then the
    # headers added in order and sendRequest's Content-Length, each ending CR LF —, handleHeaderResponse's `RX: '%s'`
    # of each response line read up to its LF, its CR kept). The payload is written, never printed.
    agent = dict(request.headers)["User-Agent"]
    added = [(name, value) for name, value in request.headers if name != "User-Agent"]
    header = [f"{request.method} {request.path} HTTP/1.1", f"Host: {request.host}", f"User-Agent: {agent}",
              "Accept-Encoding: identity;q=1,chunked;q=0.1,*;q=0", "Connection: keep-alive",
              *(f"{name}: {value}" for name, value in added), f"Content-Length: {request.content_length}", ""]
    rx = "[HTTP-Client][handleHeaderResponse] RX: "
    return [f"[HTTP-Client][begin] url: {request.url}",
            f"[HTTP-Client][begin] host: {request.host} port: 443 url: {request.path}",
            f"[HTTP-Client][sendRequest] type: '{request.method}' redirCount: 0",
            f"[HTTP-Client] connected to {request.host}:443", "[HTTP-Client] sending request header", "-----",
            *(line + "\r" for line in header), "-----", f"{rx}'HTTP/1.1 201 Created\r'",
            f"{rx}'Content-Type: application/json\r'", f"{rx}'Content-Length: 15\r'", f"{rx}'\r'",
            "[HTTP-Client][handleHeaderResponse] code: 201", "[HTTP-Client][handleHeaderResponse] size: 15"]


def _node_string(text: str) -> str:
    """A string as Node's util.inspect quotes it: single quotes, unless the text holds one."""
    if "'" not in text:
        return "'" + text.replace("\\", "\\\\").replace("\n", "\\n") + "'"
    return json.dumps(text)


def _node_key(name: str) -> str:
    """A key as util.inspect writes it: bare when an identifier, else quoted."""
    return name if name.replace("_", "a").isalnum() and not name[0].isdigit() else _node_string(name)


def electron_web_request_details(request: Request) -> list[str]:
    # An Electron back-office app whose main process sends the transfer with `net.fetch`, a hook on the session
    # logging each request, `session.defaultSession.webRequest.onBeforeSendHeaders((details, callback) => {
    # console.log('payouts request', details); callback({}) })` (electron/electron docs/api/web-request.md
    # onBeforeSendHeaders: details id, url, method, webContentsId, webContents, frame, resourceType, referrer,
    # timestamp, uploadData UploadData[] — each `bytes` a Buffer — and requestHeaders Record<string, string>; no
    # webContents for a request of the main process), printed by Node's util.inspect at its default depth 2: the
    # Buffer three levels down as `[Buffer]`, keys bare when identifiers, strings in single quotes.
    headers = ",\n".join(f"    {_node_key(name)}: {_node_string(value)}" for name, value in request.headers)
    return ["payouts request {", "  id: 41,", f"  url: {_node_string(request.url)},",
            f"  method: {_node_string(request.method)},", "  resourceType: 'other',", "  referrer: '',",
            "  timestamp: 1795352400123.456,", "  uploadData: [ { bytes: [Buffer] } ],", "  requestHeaders: {",
            *headers.split("\n"), "  }", "}"]


def asciinema_curl_verbose(request: Request) -> list[str]:
    # An operator's terminal recorded with `asciinema rec` while a script runs `curl -v --http1.1 -H ... -d
    # @transfer.json <url>` (asciinema docs doc/asciicast-v2.md: a header object, then one `[time, "o", data]` event a
    # line, the data as the terminal got it; curl src/tool_cb_dbg.c: `* ` info lines, each request header line
    # behind `> ` with its own CR LF — the pty's ONLCR adding a CR before every LF, so `\r\r\n` —, no `} [n bytes
    # data]` line when stderr is a terminal; curl sends Host, Accept, the `-H` headers and Content-Length).
    start = {"version": 2, "width": 120, "height": 32, "timestamp": 1795352390,
             "env": {"SHELL": "/bin/bash", "TERM": "xterm-256color"}}
    head = [f"{request.method} {request.path} HTTP/1.1", f"Host: {request.host}", "Accept: */*",
            *(f"{name}: {value}" for name, value in request.headers), f"Content-Length: {request.content_length}",
            ""]
    events = [(0.5, "$ ./send-transfer.sh\r\n"), (0.9, f"* Host {request.host}:443 was resolved.\r\n"),
              (0.91, "*   Trying 104.18.0.1:443...\r\n"),
              (0.95, f"* Connected to {request.host} (104.18.0.1) port 443\r\n"),
              (1.02, "* SSL connection using TLSv1.3 / TLS_AES_256_GCM_SHA384 / X25519 / id-ecPublicKey\r\n"),
              (1.03, "".join(f"> {line}\r\r\n" for line in head)),
              (1.04, f"* upload completely sent off: {request.content_length} bytes\r\n"),
              (1.3, "< HTTP/1.1 201 Created\r\r\n< Content-Type: application/json\r\r\n< Content-Length: 15\r\r\n"
                    "< \r\r\n"),
              (1.31, f'{{"id":"1A2B3C"}}* Connection #0 to host {request.host} left intact\r\n'), (1.4, "$ ")]
    return [json.dumps(start)] + [json.dumps([time, "o", data]) for time, data in events]


# --- a load tester's line, two clients' errors ------------------------------------------------------------------

def siege_verbose(request: Request) -> list[str]:
    # A load test of the payouts API with `siege -v -r1 -c1 -H ... -f urls.txt`, a line `<url> POST < transfer.json`
    # (JoeDog/siege src/browser.c __http: verbose and not csv, `"%s%s %d%s %5.2f secs: %7lu bytes ==> %-4s %s"` — the
    # stamp (none without -m), the protocol, the code, `   ` when not cached, the time, the bytes, the method and
    # src/url.c url_get_display: the absolute URL for a method not GET, cut before ` POST` by url_set_method; through
    # src/notify.c DISPLAY in color, `ESC[0;<30+color>m ... ESC[0m`, BLUE for 201).
    line = f"HTTP/1.1 201   {0.33:5.2f} secs: {15:7d} bytes ==> {request.method:<4} {request.url}"
    return ["** SIEGE 4.1.6", "** Preparing 1 concurrent users for battle.", "The server is now under siege...",
            f"\x1b[0;34m{line}\x1b[0m"]


def ofetch_fetch_error(request: Request) -> list[str]:
    # A Nuxt server route calling the API with `$fetch` (ofetch), the failure logged as `console.error('payout
    # failed:', err.message)` (unjs/ofetch src/error.ts createFetchError: `[${method}] ${JSON.stringify(url)}`, `: `,
    # `${status} ${statusText}`).
    return [f'payout failed: [{request.method}] {json.dumps(request.url)}: 422 Unprocessable Entity']


def ktor_client_request_exception(request: Request) -> list[str]:
    # A Kotlin service on the Ktor client with expectSuccess, the refusal logged with its trace through logback's
    # default pattern (ktorio/ktor ktor-client/ktor-client-core/common/src/io/ktor/client/plugins/
    # DefaultResponseValidation.kt ClientRequestException: `Client request(${method.value} ${url}) invalid:
    # ${response.status}. Text: "$cachedResponseText"`, the status `422 Unprocessable Entity`).
    return ["13:00:30.123 [DefaultDispatcher-worker-1] ERROR c.e.payouts.PayoutJob - payout failed",
            f'io.ktor.client.plugins.ClientRequestException: Client request({request.method} {request.url}) invalid: '
            f'422 Unprocessable Entity. Text: "{ANSWER}"',
            "\tat io.ktor.client.plugins.DefaultResponseValidationKt$addDefaultResponseValidation$1$1.invokeSuspend"
            "(DefaultResponseValidation.kt:54)",
            "\tat kotlin.coroutines.jvm.internal.BaseContinuationImpl.resumeWith(ContinuationImpl.kt:33)"]


SHAPES = [case(indy_log_file), case(cypress_request_failure)]
HEADERS_ONLY = [case(esp8266_http_client_debug), case(electron_web_request_details), case(asciinema_curl_verbose)]
NO_HEADERS = [case(siege_verbose), case(ofetch_fetch_error), case(ktor_client_request_exception)]
