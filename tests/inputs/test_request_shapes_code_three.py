"""A third blind corpus of requests written as source code: the four money-out requests of
:mod:`helpers.signed_shapes` in languages and idioms neither :mod:`test_request_shapes_code` nor
:mod:`test_request_shapes_code_two` has — Kotlin's Ktor block, Elixir's Req with a keyword list,
Clojure's clj-http map, Scala's sttp builder, C#'s RestSharp (base URL and resource apart, a
verbatim string), C++'s cpr (brace-initialised objects, a raw string), Haskell's http-conduit
(setters composed with ``$``), Julia's HTTP.jl (``=>`` pairs), Objective-C's message sends, a
Jenkinsfile's ``httpRequest`` step — each faithful to the library's public documentation (a
comment above each shape names it). Every shape writes the body as the bytes sent (``SHAPES``).

Written blind (before reading the source readers): 1 of 10 passed (RestSharp's base URL and
resource apart, its verbatim string); the other nine were strict expected failures. All ten pass
now, by general rules of :mod:`keyaudit.inputs.captures`:

- a language's literals and comments as data (``source_languages.LANGUAGES``,
  ``source_files.FAMILY``): Julia's (``$`` expands, ``#``/``#= =#`` comments), Haskell's (``--``,
  ``{- -}``, a prime no quote), Clojure's (``;``, ``'`` a quote of a form, ``-`` and ``/`` in
  names), Scala's interpolators (``uri"…"``: ``$name`` expands there only), Elixir's sigils
  (``~s(…)``, ``~S(…)``; Ruby's ``%q(…)``), C++'s raw strings ``R"d(…)d"``, Objective-C's
  ``@"…"`` (C's escapes, no verbatim string); a Jenkinsfile is Groovy;
- calls written otherwise than ``name(args)`` read as calls (``source_calls``): Objective-C's
  messages (``[request setValue:v forHTTPHeaderField:n]``), Haskell's application by
  juxtaposition (``setRequestHeader "Name" ["v"] $ …``), Groovy's command calls (``httpRequest
  url: …, httpMode: …``), Lisp's s-expressions (``(client/post url {:headers {…} :body …})``), and
  the bare calls in a block given to a name (Ktor's ``headers { append(…) }``: the name's);
- a construction of one value ``T{v}`` is a call ``T(v)`` (cpr's ``cpr::Url{…}``, ``cpr::Body{…}``)
  and a namespace's function named for a method (``cpr::Post``) names it; header fields given with
  a call whose URL is so constructed are its headers;
- header entries as records of a name and a value (Jenkins' ``customHeaders: [[name: …, value:
  …]]``); ``httpMode`` names a method, http-conduit's ``setRequestBodyLBS`` sets the body.
"""

from __future__ import annotations

import json

from helpers.signed_shapes import Request, case


def _kotlin(text: str) -> str:
    """A double-quoted string of Kotlin: JSON's escapes, and ``$`` escaped (a template there)."""
    return json.dumps(text).replace("$", "\\$")


def _julia(text: str) -> str:
    """A double-quoted string of Julia: JSON's escapes, and ``$`` escaped (interpolation there)."""
    return json.dumps(text).replace("$", "\\$")


def _sq(text: str) -> str:
    """A single-quoted string of Groovy: ``\\`` and ``'`` escaped (no interpolation)."""
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def kotlin_ktor(request: Request) -> list[str]:
    # ktor.io/docs/client-requests.html: `client.post(url) { headers { append("Name", "value") };
    # contentType(ContentType.Application.Json); setBody(…) }` — Content-Type is set by `contentType`, not
    # appended (Ktor refuses it among `headers`); the body a raw string `"""…"""`.
    headers = [(name, value) for name, value in request.headers if name != "Content-Type"]
    return ["val client = HttpClient(CIO)",
            f"val response: HttpResponse = client.{request.method.lower()}({_kotlin(request.url)}) {{",
            "    headers {", *(f"        append({_kotlin(name)}, {_kotlin(value)})" for name, value in headers),
            "    }", "    contentType(ContentType.Application.Json)",
            *f'    setBody("""{request.body}""")'.split("\n"), "}", "println(response.status)"]


def elixir_req(request: Request) -> list[str]:
    # hexdocs.pm/req, Req.post!/2 and Req.new/1 options: `headers:` an enumerable of `{name, value}`
    # tuples, `body:` iodata sent as is; the body a `~s(…)` sigil.
    pairs = [f"{{{json.dumps(name)}, {json.dumps(value)}}}" for name, value in request.headers]
    return ["response =", f"  Req.{request.method.lower()}!({json.dumps(request.url)},", "    headers: [",
            *(f"      {pair}," for pair in pairs[:-1]), f"      {pairs[-1]}", "    ],",
            *f"    body: ~s({request.body})".split("\n"), "  )", "IO.puts(response.status)"]


def clojure_clj_http(request: Request) -> list[str]:
    # github.com/dakrone/clj-http README: `(client/post "url" {:body "…" :headers {"X-Api-Version" "2"}})`,
    # a Ring request map; `(require '[clj-http.client :as client])`.
    pairs = [f"{json.dumps(name)} {json.dumps(value)}" for name, value in request.headers]
    return ["(require '[clj-http.client :as client])", "",
            f"(client/{request.method.lower()} {json.dumps(request.url)}",
            f"             {{:headers {{{pairs[0]}", *(f"                        {pair}" for pair in pairs[1:-1]),
            f"                        {pairs[-1]}}}", f"              :body {json.dumps(request.body)}}})"]


def scala_sttp(request: Request) -> list[str]:
    # sttp.softwaremill.com, Request definition basics (client4): `basicRequest.header("Name", "value")
    # .body("…").post(uri"…").send(backend)`, the body a triple-quoted string.
    return ["import sttp.client4.*", "", "val backend = DefaultSyncBackend()", "val response = basicRequest",
            f'  .{request.method.lower()}(uri"{request.url}")',
            *(f"  .header({json.dumps(name)}, {json.dumps(value)})" for name, value in request.headers),
            *f'  .body("""{request.body}""")'.split("\n"), "  .send(backend)", "println(response.code)"]


def csharp_restsharp(request: Request) -> list[str]:
    # restsharp.dev, Usage (v107+): `new RestClient(new RestClientOptions("https://host"))`, `new
    # RestRequest("resource", Method.Post)`, `request.AddHeader("Name", "value")`, `AddStringBody(json,
    # ContentType.Json)` for a serialised body (its Content-Type with it); the body a verbatim `@"…"` string.
    verbatim = '@"' + request.body.replace('"', '""') + '"'
    return [f'var options = new RestClientOptions("https://{request.host}");', "var client = new RestClient(options);",
            f'var request = new RestRequest("{request.path}", Method.{request.method.title()});',
            *(f"request.AddHeader({json.dumps(name)}, {json.dumps(value)});" for name, value in request.headers
              if name != "Content-Type"),
            *f"request.AddStringBody({verbatim}, ContentType.Json);".split("\n"),
            "var response = await client.ExecuteAsync(request);", "Console.WriteLine(response.StatusCode);"]


def cpp_cpr(request: Request) -> list[str]:
    # docs.libcpr.dev, POST requests and headers: `cpr::Post(cpr::Url{"…"}, cpr::Header{{"Name", "value"}},
    # cpr::Body{"…"})`, options in any order; the body a raw string literal `R"(…)"`.
    pairs = [f"{{{json.dumps(name)}, {json.dumps(value)}}}" for name, value in request.headers]
    return ["#include <cpr/cpr.h>", "#include <iostream>", "", "int main() {",
            f"    cpr::Response r = cpr::{request.method.title()}(cpr::Url{{{json.dumps(request.url)}}},",
            f"        cpr::Header{{{pairs[0]},", *(f"                    {pair}," for pair in pairs[1:-1]),
            f"                    {pairs[-1]}}},", *f'        cpr::Body{{R"({request.body})"}});'.split("\n"),
            "    std::cout << r.status_code << std::endl;", "    return 0;", "}"]


def haskell_http_conduit(request: Request) -> list[str]:
    # hackage.haskell.org, http-conduit's Network.HTTP.Simple: `setRequestMethod "POST" $ setRequestHeader
    # "Name" ["value"] $ setRequestBodyLBS "…" $ parseRequest_ "url"`, sent by `httpLBS` (OverloadedStrings).
    return ["{-# LANGUAGE OverloadedStrings #-}", "import Network.HTTP.Simple", "", "main :: IO ()", "main = do",
            "    let request", f'            = setRequestMethod "{request.method}"',
            *(f"            $ setRequestHeader {json.dumps(name)} [{json.dumps(value)}]"
              for name, value in request.headers),
            f"            $ setRequestBodyLBS {json.dumps(request.body)}",
            f"            $ parseRequest_ {json.dumps(request.url)}", "    response <- httpLBS request",
            "    print (getResponseStatusCode response)"]


def julia_http(request: Request) -> list[str]:
    # juliaweb.github.io/HTTP.jl, Client: `HTTP.post(url, headers, body)`, headers a `Vector{Pair}`
    # (`["Name" => "value"]`), a String body sent as is; `$` escaped (interpolation in Julia's strings).
    pairs = [f"{_julia(name)} => {_julia(value)}" for name, value in request.headers]
    return ["using HTTP", "", "headers = [", *(f"    {pair}," for pair in pairs[:-1]), f"    {pairs[-1]}", "]",
            *f'body = """{request.body}"""'.split("\n"),
            f"r = HTTP.{request.method.lower()}({_julia(request.url)}, headers, body)", "println(r.status)"]


def objc_nsurlsession(request: Request) -> list[str]:
    # developer.apple.com, NSMutableURLRequest: `requestWithURL:`, `setHTTPMethod:`, `setValue:forHTTPHeaderField:`
    # (the value first), `setHTTPBody:` with `[body dataUsingEncoding:NSUTF8StringEncoding]`; NSURLSession's task.
    return ["NSMutableURLRequest *request = [NSMutableURLRequest requestWithURL:"
            f"[NSURL URLWithString:@{json.dumps(request.url)}]];", f'[request setHTTPMethod:@"{request.method}"];',
            *(f"[request setValue:@{json.dumps(value)} forHTTPHeaderField:@{json.dumps(name)}];"
              for name, value in request.headers),
            f"NSString *body = @{json.dumps(request.body)};",
            "[request setHTTPBody:[body dataUsingEncoding:NSUTF8StringEncoding]];",
            "NSURLSessionDataTask *task = [[NSURLSession sharedSession] dataTaskWithRequest:request",
            "    completionHandler:^(NSData *data, NSURLResponse *response, NSError *error) {",
            '        NSLog(@"%@", response);', "    }];", "[task resume];"]


def jenkinsfile_http_request(request: Request) -> list[str]:
    # jenkins.io/doc/pipeline/steps/http_request: `httpRequest url: '…', httpMode: 'POST', customHeaders:
    # [[name: 'Name', value: 'value']], requestBody: '…'` in a declarative pipeline's script block; the body a
    # triple-single-quoted Groovy string (no interpolation), the credential's header masked in the log.
    def header(name: str, value: str) -> str:
        mask = ", maskValue: true" if name == "access_token" else ""
        return f"[name: {_sq(name)}, value: {_sq(value)}{mask}]"

    pairs = [header(name, value) for name, value in request.headers]
    return ["pipeline {", "    agent any", "    stages {", "        stage('Payout') {", "            steps {",
            "                script {", f"                    def response = httpRequest url: {_sq(request.url)},",
            f"                        httpMode: '{request.method}',",
            f"                        customHeaders: [{pairs[0]},",
            *(f"                                        {pair}," for pair in pairs[1:-1]),
            f"                                        {pairs[-1]}],",
            *f"                        requestBody: '''{request.body}'''".split("\n"),
            '                    echo "Status: ${response.status}"', "                }", "            }", "        }",
            "    }", "}"]


SHAPES = [case(kotlin_ktor, "Transfer.kt"), case(elixir_req, "transfer.exs"), case(clojure_clj_http, "transfer.clj"),
          case(scala_sttp, "Transfer.scala"), case(csharp_restsharp, "Transfer.cs"), case(cpp_cpr, "transfer.cpp"),
          case(haskell_http_conduit, "Transfer.hs"), case(julia_http, "transfer.jl"),
          case(objc_nsurlsession, "Transfer.m"), case(jenkinsfile_http_request, "Jenkinsfile")]
HEADERS_ONLY: list[object] = []
NO_HEADERS: list[object] = []
