"""A twentieth blind corpus: the four money-out requests of :mod:`helpers.signed_shapes` (iugu
transfers unsigned, signed with the client's real key and with another key, an Asaas transfer) as
writers of kinds the other corpora do not show keep them — CLIENT DEBUG OUTPUTS of ecosystems not
yet shown (Playwright's request context at `DEBUG=pw:api`, Rust's actix `awc::ClientRequest` Debug,
Jetty's HttpClient at DEBUG, go-resty v3's JSON debug log), INSPECTED OBJECTS (Elixir's `inspect`
of an `%HTTPoison.Request{}`, selenium-wire's `Request` repr) and one-line ERRORS and traces that
name only the method and the URL (axios-debug-log, requests-mock's `NoMockAddress` in a pytest run,
Go's `*url.Error` through logrus). Four of the nine passed as first written (resty v3's JSON, the
HTTPoison struct, selenium-wire's repr, axios-debug-log's lines). Playwright's, awc's and Jetty's
pass since the dump table has their request lines (:mod:`keyaudit.inputs.captures.dump_wrapped`:
behind an arrow, in an object's brackets with its identity hash after them, written as the
protocol and the method joined to the URL by a colon) and a quoted header may quote its name too;
requests-mock's since an exception's qualified type before a colon is a log prefix's lead for a
request named in passing; Go's since its *url.Error (`Post "<url>": <error>`, the method with one
capital) is a request named in passing, in a line's words or a record's error field, and a marker.

A comment above each shape names the source file its format was taken from. What is checked is
what every blind corpus must give (:mod:`test_request_shape_corpora`): the body as sent for
``SHAPES``, never a body for ``HEADERS_ONLY``, not one header for ``NO_HEADERS``.
"""

from __future__ import annotations

import json

from helpers.signed_shapes import Request, case, go_canonical

LOGBACK = "2026-11-22 13:00:00.123 DEBUG 4242 --- [HttpClient@1b2c3d4e-42] "


# --- client debug outputs ----------------------------------------------------------------------------------------

def playwright_api_debug(request: Request) -> list[str]:
    # A Playwright test calling the API through `request.post(url, {headers, data})` with `DEBUG=pw:api`
    # (microsoft/playwright packages/playwright-core/src/server/fetch.ts _sendRequest: `progress.log(`→
    # ${options.method} ${url.toString()}`)`, then each of options.headers `  ${name}: ${value}` — the context's
    # user-agent, accept and accept-encoding first, the caller's after —, then `← ${statusCode} ${statusMessage}`
    # and the response's headers the same way), through the `debug` package with no TTY: each line the ISO time,
    # the namespace and the message. The body is never logged.
    stamp = "2026-11-22T13:00:00.123Z pw:api "
    headers = [("user-agent", "Playwright/1.49.0 (x64; ubuntu 22.04) node/20.11"), ("accept", "*/*"),
               ("accept-encoding", "gzip,deflate,br"), *request.headers,
               ("content-length", request.content_length)]
    return [stamp + "=> apiRequestContext.post started", f"{stamp}→ {request.method} {request.url}",
            *(f"{stamp}  {name}: {value}" for name, value in headers), stamp + "← 201 Created",
            stamp + "  content-type: application/json", stamp + "  content-length: 15",
            stamp + "<= apiRequestContext.post succeeded"]


def awc_client_request_debug(request: Request) -> list[str]:
    # A Rust service on actix's awc, `log::debug!("{:?}", req)` before `send_body` (actix/actix-web
    # awc/src/request.rs `impl fmt::Debug for ClientRequest`: `writeln!(f, "\nClientRequest {:?} {}:{}",
    # version, method, uri)`, `  headers:`, each header `    {key:?}: {val:?}` — the name lower-cased by the http
    # crate and quoted, the value quoted), through env_logger's default format. No body.
    head = "[2026-11-22T13:00:00Z DEBUG payouts::iugu] "
    return [head, f"ClientRequest HTTP/1.1 {request.method}:{request.url}", "  headers:",
            *(f'    "{name.lower()}": {json.dumps(value)}' for name, value in request.headers), ""]


def jetty_http_sender_debug(request: Request) -> list[str]:
    # A Spring Boot service on Jetty's HttpClient with `logging.level.org.eclipse.jetty.client=DEBUG` (jetty/
    # jetty.project jetty-client/src/main/java/org/eclipse/jetty/client/HttpSender.java beginToHeaders:
    # `LOG.debug("Request headers {}{}{}", request, System.lineSeparator(), request.getHeaders().toString().trim())`;
    # HttpRequest.toString `%s[%s %s %s]@%x` — method, path, version; HttpFields.toString each `Name: value` CR LF;
    # HttpConnection.normalizeRequest adds Host after the caller's headers, then the content's length). No body.
    fields = [("Accept-Encoding", "gzip"), *request.headers, ("Host", request.host),
              ("Content-Length", request.content_length)]
    text = "\r\n".join(f"{name}: {value}" for name, value in fields)
    return [LOGBACK + "o.e.jetty.client.HttpSender              : Request headers "
            f"HttpRequest[{request.method} {request.path} HTTP/1.1]@6f3c2d91", *text.split("\n")]


def resty_v3_json_debug(request: Request) -> list[str]:
    # A Go service on go-resty v3 with `client.SetDebug(true).SetDebugLogFormatter(resty.DebugLogJSONFormatter)`
    # (go-resty/resty v3 debug.go: DebugLog {request, response, trace_info}, DebugLogRequest {host, uri, method,
    # proto, header, curl_cmd, retry_trace_id, attempt, body}, written by toJSON — encoding/json, the http.Header's
    # canonical names sorted as Go sorts map keys — and logged by the default logger `DEBUG RESTY ` after the date).
    header = {go_canonical(name): [value] for name, value in sorted(request.headers, key=lambda h: go_canonical(h[0]))}
    debug = {"request": {"host": request.host, "uri": request.path, "method": request.method, "proto": "HTTP/1.1",
                         "header": header, "curl_cmd": "", "retry_trace_id": "", "attempt": 1, "body": request.body},
             "response": {"status_code": 201, "status": "201 Created", "proto": "HTTP/2.0",
                          "received_at": "2026-11-22T13:00:00.454Z", "duration": 331000000, "size": 15,
                          "header": {"Content-Type": ["application/json"]}, "body": '{"id":"1A2B3C"}'},
             "trace_info": None}
    return ["2026/11/22 13:00:00.454321 DEBUG RESTY " + json.dumps(debug, separators=(",", ":"))]


# --- inspected objects -------------------------------------------------------------------------------------------

def _elixir_string(text: str) -> str:
    """A binary as Elixir's `inspect` writes it: double quotes, `"` and `\\` escaped, a line feed `\\n`."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _elixir_pair(name: str, value: str, indent: int) -> list[str]:
    """A `{name, value}` tuple at ``indent`` followed by a comma: on one line when it fits Elixir's
    80 columns, else broken after the name, the value one column past the brace (a flex break)."""
    whole = f"{{{_elixir_string(name)}, {_elixir_string(value)}}}"
    if indent + len(whole) + 1 <= 80:
        return [" " * indent + whole]
    return [" " * indent + f"{{{_elixir_string(name)},", " " * (indent + 1) + f"{_elixir_string(value)}}}"]


def httpoison_request_inspect(request: Request) -> list[str]:
    # An Elixir service logging the request before `HTTPoison.request(req)`: `Logger.debug(inspect(req))`
    # (edgurgel/httpoison lib/httpoison.ex `defmodule HTTPoison.Request`, defstruct method, url, headers, body,
    # params, options; Elixir's Inspect for structs — the fields in their declared order, inspect_as_struct —
    # breaking at 80 columns: a field a line, the header list's tuples a line each, a tuple too wide broken after
    # its name), through Logger's default console format `$time $metadata[$level] $message`.
    pairs: list[str] = []
    for number, (name, value) in enumerate(request.headers):
        lines = _elixir_pair(name, value, 4)
        pairs += lines if number == len(request.headers) - 1 else [*lines[:-1], lines[-1] + ","]
    return ["13:00:00.123 [debug] %HTTPoison.Request{", f"  method: :{request.method.lower()},",
            f"  url: {_elixir_string(request.url)},", "  headers: [", *pairs, "  ],",
            f"  body: {_elixir_string(request.body)},", "  params: %{},", "  options: []", "}"]


def seleniumwire_request_repr(request: Request) -> list[str]:
    # A Selenium test asserting on the payouts page's call, `log.info("captured %r", req)` for each of
    # `driver.requests` (wkeeling/selenium-wire seleniumwire/request.py Request.__repr__: `Request(method={method!r},
    # url={url!r}, headers={headers!r}, body={_body!r})`, HTTPHeaders.__repr__ `repr(self.items())` — a list of
    # (name, value) tuples — and the body bytes), through Python's logging default format
    # `%(levelname)s:%(name)s:%(message)s`.
    headers = [("Host", request.host), *request.headers, ("Content-Length", request.content_length)]
    text = (f"Request(method={request.method!r}, url={request.url!r}, headers={headers!r}, "
            f"body={request.body.encode()!r})")
    return ["INFO:tests.test_payouts:captured " + text]


# --- one-line errors and traces ----------------------------------------------------------------------------------

def axios_debug_log(request: Request) -> list[str]:
    # A Node service with axios-debug-log and `DEBUG=axios` (Gerhut/axios-debug-log index.js: the request
    # `config.method.toUpperCase() + ' ' + getURL(config)`, the response `status statusText (METHOD url)`),
    # through the `debug` package with no TTY.
    return [f"2026-11-22T13:00:00.123Z axios {request.method} {request.url}",
            f"2026-11-22T13:00:00.454Z axios 201 Created ({request.method} {request.url})"]


def requests_mock_no_mock_address(request: Request) -> list[str]:
    # A pytest run whose requests-mock Mocker has no route for the call (jamielennox/requests-mock
    # requests_mock/exceptions.py NoMockAddress.__str__ `No mock address: %s %s` — method, URL), as pytest prints it:
    # the `E   ` line of the failure, then under the short test summary's rule the `FAILED <test> - <exception>` line
    # (src/_pytest/terminal.py short_test_summary), then the tally's rule.
    error = f"requests_mock.exceptions.NoMockAddress: No mock address: {request.method} {request.url}"
    return ["    def send(self, request, **kwargs):", "        ...", f"E       {error}", "",
            "venv/lib/python3.12/site-packages/requests_mock/adapter.py:261: NoMockAddress",
            "=" * 27 + " short test summary info " + "=" * 28, f"FAILED tests/test_payouts.py::test_pays_out - {error}",
            "=" * 29 + " 1 failed, 3 passed in 0.42s " + "=" * 30]


def go_url_error_logrus(request: Request) -> list[str]:
    # A Go service whose call timed out waiting for the answer, `log.WithError(err).Error("payout failed")`
    # through logrus's TextFormatter (golang/go src/net/url/url.go `func (e *Error) Error()` `%s %q: %s` — Op, URL,
    # Err —, src/net/http/client.go urlErrorOp: the method with only its first letter upper-case; logrus
    # text_formatter.go appendValue quoting the value with `%q`).
    error = (f"{request.method[:1]}{request.method[1:].lower()} \"{request.url}\": context deadline exceeded "
             "(Client.Timeout exceeded while awaiting headers)")
    return [f'time="2026-11-22T13:00:30Z" level=error msg="payout failed" error={json.dumps(error)}']


SHAPES = [case(resty_v3_json_debug), case(httpoison_request_inspect), case(seleniumwire_request_repr)]
HEADERS_ONLY = [case(playwright_api_debug), case(awc_client_request_debug), case(jetty_http_sender_debug)]
NO_HEADERS = [case(axios_debug_log), case(requests_mock_no_mock_address), case(go_url_error_logrus)]
