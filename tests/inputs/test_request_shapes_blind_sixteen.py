"""A sixteenth blind corpus: the four money-out requests of :mod:`helpers.signed_shapes` (iugu
transfers unsigned, signed with the client's real key and with another key, an Asaas transfer) as
TEST DOUBLES report a request they were not told to expect — WebMock's NetConnectNotAllowedError
under Minitest, nock's "No match for request" under mocha, gock's DumpRequest observer —, as
client LOGGERS write them — Go's httpretty, Reactor Netty's textual wiretap, axios-logger with its
headers on, Chopper's HttpLoggingInterceptor, go-loghttp —, as curl writes the same request as C
source (`--libcurl`), and as LOAD, CI and API-TEST runners print them — ApacheBench at `-v 2`, a
Jenkins pipeline's httpRequest step, Newman's CLI reporter — none of which the other corpora show. All
twelve pass (ApacheBench and the Jenkins step show headers only; go-loghttp and Newman no header at all).

Each shape quotes the public documentation (or the source) it follows. The request checks are
the ones every blind corpus passes (:mod:`test_request_shape_corpora`): ``SHAPES`` show the body as
sent, ``HEADERS_ONLY`` never do, ``NO_HEADERS`` show no header at all. A shape the readers cannot
take yet is an expected failure, strict, with what they miss.
"""

from __future__ import annotations

import json

from helpers.signed_shapes import Request, case, go_canonical

LOGBACK = "2026-11-22 13:00:00.123 DEBUG 4242 --- [ctor-http-nio-3] reactor.netty.http.client.HttpClient     : "


def _sorted_go_headers(request: Request) -> list[tuple[str, str]]:
    """The request's headers as Go's http.Header writes them: canonical names, sorted (Header.Write)."""
    return sorted((go_canonical(name), value) for name, value in request.headers)


# --- test doubles that report the request they did not expect -------------------------------------------

def webmock_minitest(request: Request) -> list[str]:
    # A Rails service's Minitest suite with WebMock and `WebMock.hide_stubbing_instructions!`, a test that forgot to
    # stub the provider (webmock lib/webmock/errors.rb: NetConnectNotAllowedError's message is "Real HTTP
    # connections are disabled. Unregistered request: #{request_signature}", then "=" * 60;
    # request_signature.rb#to_s: `<METHOD> <uri>`, " with body '#{body.to_s}'" — the body as it is, line breaks and
    # all —, " with headers #{sorted_headers_string}"; util/headers.rb: each name split at `_` or `-`, each part
    # capitalized, joined by `-`, `'Name'=>'value'` sorted, in braces). Net::HTTP adds Accept, Accept-Encoding; the
    # request's User-Agent replaces Ruby's. Minitest prints "  1) Error:", the test's name, then the class and
    # message, and the backtrace indented.
    def normalized(name: str) -> str:
        return "-".join(part.capitalize() for part in name.replace("_", "-").split("-"))

    sent = [("Accept", "*/*"), ("Accept-Encoding", "gzip;q=1.0,deflate;q=0.6,identity;q=0.3"), *request.headers]
    headers = "{" + ", ".join(sorted(f"'{normalized(name)}'=>'{value}'" for name, value in sent)) + "}"
    message = (f"WebMock::NetConnectNotAllowedError: Real HTTP connections are disabled. Unregistered request: "
               f"{request.method} {request.url} with body '{request.body}' with headers {headers}")
    return ["  1) Error:", "PayoutsTest#test_pays_out_to_the_supplier:", *message.split("\n"), "", "=" * 60,
            "    /usr/local/bundle/gems/webmock-3.23.1/lib/webmock/http_lib_adapters/net_http.rb:110:in `request'",
            "    app/services/payouts.rb:21:in `transfer'"]


def nock_no_match_mocha(request: Request) -> list[str]:
    # A Node service's mocha suite with nock intercepting the provider's host, a request no interceptor matches
    # (nock lib/common.js stringifyRequest: `JSON.stringify({method, url, headers, body}, null, 2)` — the headers
    # ClientRequest#getHeaders gives, names lower-cased, `host` set last by the ClientRequest; the body the string
    # written —, thrown as `Nock: No match for request ${reqStr}`), as mocha's spec reporter lists the failure:
    # `  1) <suite>`, the test's title, `     Error: <message>` — the message's other lines as they are — and the
    # stack indented.
    headers = {**{name.lower(): value for name, value in request.headers},
               "content-length": request.content_length, "host": request.host}
    report = json.dumps({"method": request.method, "url": request.url, "headers": headers, "body": request.body},
                        indent=2)
    return ["  1) payouts", "       transfers to the supplier:",
            *f"     Error: Nock: No match for request {report}".split("\n"),
            "      at InterceptedRequestRouter.startPlayback (node_modules/nock/lib/intercepted_request_router.js"
            ":346:21)"]


def gock_dump_request(request: Request) -> list[str]:
    # A Go service's tests mocking the provider with gock and `gock.Observe(gock.DumpRequest)` (github.com/h2non/gock
    # README "Debug intercepted http requests"; DumpRequest prints `httputil.DumpRequestOut(request, true)`, then
    # `\nMatches: %v\n---`): the request as Go's transport writes it — Host, User-Agent, Content-Length, the other
    # headers canonical and sorted, `Accept-Encoding: gzip` —, CR LF line ends, the body after the blank line.
    others = [(name, value) for name, value in _sorted_go_headers(request) if name != "User-Agent"]
    agent = dict(request.headers)["User-Agent"]
    head = [f"{request.method} {request.path} HTTP/1.1", f"Host: {request.host}", f"User-Agent: {agent}",
            f"Content-Length: {request.content_length}", *(f"{name}: {value}" for name, value in others),
            "Accept-Encoding: gzip"]
    dump = "\r\n".join(head) + "\r\n\r\n" + request.body
    return [*dump.split("\n"), "", "Matches: true", "---"]


# --- client loggers --------------------------------------------------------------------------------------------

def httpretty_go(request: Request) -> list[str]:
    # A Go service whose client transport is henvic/httpretty's `Logger{RequestHeader: true, RequestBody: true,
    # ResponseHeader: true, ResponseBody: true}.RoundTripper(...)` (testdata/log.txtar, TestOutgoingForm: `* Request
    # to <url>`, `> POST /form HTTP/1.1`, `> Host: …`, each header `> Name: value` sorted by canonical name, a blank
    # line, the body as it is; then the response, `< HTTP/1.1 200 OK`). No formatter is set: the body is printed as
    # sent.
    sent = sorted([*_sorted_go_headers(request), ("Content-Length", request.content_length)])
    return [f"* Request to {request.url}", f"> {request.method} {request.path} HTTP/1.1", f"> Host: {request.host}",
            *(f"> {name}: {value}" for name, value in sent), "", *request.body.split("\n"),
            "< HTTP/1.1 201 Created", "< Content-Type: application/json; charset=utf-8", "", '{"id":"1A2B3C"}']


def reactor_netty_wiretap_textual(request: Request) -> list[str]:
    # A Spring WebFlux service whose Reactor Netty HttpClient has `.wiretap("reactor.netty.http.client.HttpClient",
    # LogLevel.DEBUG, AdvancedByteBufFormat.TEXTUAL)` (reactor-netty ReactorNettyLoggingHandler.formatByteBuf:
    # `<channel> <EVENT>: <length>B <content>` — the buffer decoded as it is, its CR LF kept; the channel as
    # `[id, L:<local> - R:<remote>]`, AdvancedByteBufFormat's javadoc). A Mono body goes out with its head as one full
    # request: one WRITE. Reactor Netty adds user-agent, host and accept; Logback prefixes the message's first line.
    channel = "[9f3c2a1b-1, L:/172.17.0.2:51234 - R:api.iugu.com/200.155.0.10:443]"
    head = [f"{request.method} {request.path} HTTP/1.1", "user-agent: ReactorNetty/1.1.13", f"host: {request.host}",
            "accept: */*", *(f"{name}: {value}" for name, value in request.headers),
            f"content-length: {request.content_length}"]
    wire = "\r\n".join(head) + "\r\n\r\n" + request.body
    return [*f"{LOGBACK}{channel} WRITE: {len(wire.encode())}B {wire}".split("\n"), f"{LOGBACK}{channel} FLUSH"]


def axios_logger_headers(request: Request) -> list[str]:
    # A Node service with hg-pyun/axios-logger's `requestLogger` as a request interceptor and `setGlobalConfig({headers:
    # true})` (src/logger/request.ts: the log type with its prefix, the method upper-cased, the URL, the headers, the
    # data; common/string-builder.ts: the headers `JSON.stringify` of the map less a few lower-case names, the data
    # `JSON.stringify(data)` — a body the caller serialized itself to sign it is a string, so it is written as a JSON
    # string —, all joined by blanks; config.ts: no date by default, console.log). Axios' common Accept comes first.
    headers = {"Accept": "application/json, text/plain, */*", **dict(request.headers)}
    return [f"[Axios][Request] {request.method} {request.url} {json.dumps(headers, separators=(',', ':'))} "
            f"{json.dumps(request.body)}"]


def chopper_http_logging(request: Request) -> list[str]:
    # A Flutter app's Chopper client with `HttpLoggingInterceptor()` (Level.body by default; chopper
    # lib/src/interceptors/http_logging_interceptor.dart: an empty record, `--> <METHOD> <url>`, `<name>: <value>` a
    # header, `content-length: <n>` when the headers have none, an empty record, the body, `--> END <METHOD>`), the
    # records printed by the logging package's listener `'${rec.level.name}: ${rec.time}: ${rec.message}'`.
    # package:http's Request adds `charset=utf-8` to a Content-Type set without one.
    stamp = "INFO: 2026-11-22 13:00:00.123456: "
    headers = [(name, f"{value}; charset=utf-8" if name == "Content-Type" else value) for name, value in request.headers]
    return [stamp, f"{stamp}--> {request.method} {request.url}", *(f"{stamp}{name}: {value}" for name, value in headers),
            f"{stamp}content-length: {request.content_length}", stamp, *f"{stamp}{request.body}".split("\n"),
            f"{stamp}--> END {request.method}"]


def go_loghttp(request: Request) -> list[str]:
    # A Go worker importing `github.com/motemen/go-loghttp/global` (its README: "Log http.Client's requests and
    # responses automatically", the output `2014/12/02 13:36:27 ---> GET http://example.com/` and `<--- 200 <url>`):
    # the method and URL only.
    return [f"2026/11/22 13:00:00 ---> {request.method} {request.url}", f"2026/11/22 13:00:01 <--- 201 {request.url}"]


# --- curl writing the request as C ----------------------------------------------------------------------------------

def _c_string(text: str) -> str:
    """A string as curl's tool_setopt.c c_escape writes it: `\\t`, `\\r`, `\\n`, `\\?` (no trigraphs), `\\"`, `\\\\`."""
    escapes = {"\t": "\\t", "\r": "\\r", "\n": "\\n", "?": "\\?", '"': '\\"', "\\": "\\\\"}
    return '"' + "".join(escapes.get(char, char) for char in text) + '"'


def curl_libcurl_source(request: Request) -> list[str]:
    # `curl --libcurl transfer.c -H … -d @body.json <url>` kept in the repository (curl's manpage, --libcurl: "Append
    # this option to any ordinary curl command line, and you get libcurl-using C source code written to the file that
    # does the equivalent of what your command-line operation does"; tool_easysrc.c's srchead, tool_setopt.c: the
    # header list built with `slist1 = curl_slist_append(slist1, "…")` before `hnd = curl_easy_init();`, each option
    # `curl_easy_setopt(hnd, CURLOPT_…, …);`, strings through c_escape). `-d` makes it a POST: CURLOPT_POSTFIELDS,
    # no CURLOPT_CUSTOMREQUEST.
    return ["/********* Sample code generated by the curl command line tool **********",
            " * All curl_easy_setopt() options are documented at:",
            " * https://curl.se/libcurl/c/curl_easy_setopt.html",
            " ************************************************************************/",
            "#include <curl/curl.h>", "", "int main(int argc, char *argv[])", "{", "  CURLcode ret;", "  CURL *hnd;",
            "  struct curl_slist *slist1;", "", "  slist1 = NULL;",
            *(f"  slist1 = curl_slist_append(slist1, {_c_string(f'{name}: {value}')});"
              for name, value in request.headers), "",
            "  hnd = curl_easy_init();", "  curl_easy_setopt(hnd, CURLOPT_BUFFERSIZE, 102400L);",
            f"  curl_easy_setopt(hnd, CURLOPT_URL, {_c_string(request.url)});",
            "  curl_easy_setopt(hnd, CURLOPT_NOPROGRESS, 1L);",
            f"  curl_easy_setopt(hnd, CURLOPT_POSTFIELDS, {_c_string(request.body)});",
            f"  curl_easy_setopt(hnd, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t){request.content_length});",
            "  curl_easy_setopt(hnd, CURLOPT_HTTPHEADER, slist1);",
            '  curl_easy_setopt(hnd, CURLOPT_USERAGENT, "curl/8.5.0");',
            "  curl_easy_setopt(hnd, CURLOPT_MAXREDIRS, 50L);",
            "  curl_easy_setopt(hnd, CURLOPT_HTTP_VERSION, (long)CURL_HTTP_VERSION_2TLS);",
            "  curl_easy_setopt(hnd, CURLOPT_TCP_KEEPALIVE, 1L);", "", "  ret = curl_easy_perform(hnd);", "",
            "  curl_easy_cleanup(hnd);", "  hnd = NULL;", "  curl_slist_free_all(slist1);", "  slist1 = NULL;", "",
            "  return (int)ret;", "}", "/**** End of sample code ****/"]


# --- load, CI and API-test runners ------------------------------------------------------------------------------

def apache_bench_verbose(request: Request) -> list[str]:
    # ApacheBench run once against the payout endpoint, `ab -v 2 -n 1 -p body.json -T application/json -H …` (httpd
    # support/ab.c: at verbosity 2 or more, `printf("INFO: %s header == \n---\n%s\n---\n", method, request)` — the
    # request line `<METHOD> <path> HTTP/1.0`, `Content-length:`, `Content-type:` from -T, then the -H headers, the
    # default Host and Accept (User-Agent only when -H gave none), CR LF line ends, a blank line; the body from -p is
    # sent after it, never printed). It follows "Benchmarking <host> (be patient)..." on the same line.
    given = [(name, value) for name, value in request.headers if name != "Content-Type"]
    head = [f"{request.method} {request.path} HTTP/1.0", f"Content-length: {request.content_length}",
            "Content-type: application/json", *(f"{name}: {value}" for name, value in given),
            f"Host: {request.host}", "Accept: */*"]
    printed = "\r\n".join(head) + "\r\n\r\n"
    return ["This is ApacheBench, Version 2.3 <$Revision: 1913912 $>",
            "Copyright 1996 Adam Twiss, Zeus Technology Ltd, http://www.zeustech.net/",
            "Licensed to The Apache Software Foundation, http://www.apache.org/", "",
            *f"Benchmarking {request.host} (be patient)...INFO: POST header == \n---\n{printed}\n---".split("\n"),
            "..done", "", "", f"Server Software:        nginx", f"Server Hostname:        {request.host}",
            "Server Port:            443"]


def jenkins_http_request(request: Request) -> list[str]:
    # A Jenkins pipeline paying out with the HTTP Request plugin, `httpRequest(httpMode: 'POST', contentType:
    # 'APPLICATION_JSON', customHeaders: [[name: …, value: …], …], requestBody: body, url: …)`, its console log
    # (jenkinsci/http-request-plugin HttpRequestExecution.call: "HttpMethod: " + mode, "URL: " + url, then each custom
    # header `<name>: <value>` — masked only where maskValue is set —; HttpClientUtil: "Sending request to url: " and
    # "Response Code: " + the status line). The body is never printed.
    given = [(name, value) for name, value in request.headers if name != "Content-Type"]
    return ["[Pipeline] httpRequest", f"HttpMethod: {request.method}", f"URL: {request.url}",
            *(f"{name}: {value}" for name, value in given), f"Sending request to url: {request.url}",
            "Response Code: HTTP/1.1 201 Created", "Success: Status code 201 is in the accepted range: 100:399",
            "[Pipeline] echo"]


def newman_cli_run(request: Request) -> list[str]:
    # `newman run payouts.postman_collection.json` in CI, its CLI reporter (postmanlabs/newman lib/reporters/cli/index.js:
    # `→ <item name>` before an item, `  <method> <url> ` before the request — no spinner without a TTY — and
    # `[<code> <reason>, <size>, <time>]` after it, on the same line; `  ✓  <assertion>` a test). No header, no body.
    return ["", "→ Transfer to the supplier", f"  {request.method} {request.url} [201 Created, 412B, 312ms]",
            "  ✓  Status code is 201"]


SHAPES = [case(webmock_minitest), case(nock_no_match_mocha), case(gock_dump_request), case(httpretty_go),
          case(reactor_netty_wiretap_textual), case(axios_logger_headers), case(chopper_http_logging),
          case(curl_libcurl_source, "transfer.c")]
HEADERS_ONLY = [case(apache_bench_verbose), case(jenkins_http_request)]
NO_HEADERS = [case(go_loghttp), case(newman_cli_run)]
