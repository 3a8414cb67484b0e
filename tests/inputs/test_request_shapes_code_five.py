"""A fifth blind corpus of requests written as source code: the four money-out requests of
:mod:`helpers.signed_shapes` as production code (a service's client module, not a test) in
languages and idioms none of :mod:`test_request_shapes_code`, :mod:`test_request_shapes_code_two`,
:mod:`test_request_shapes_code_three` and :mod:`test_request_shapes_code_four` has — Spring's
``WebClient`` (base URL on the builder in the constructor, the path on ``.uri(…)``), httpx's
``Client`` (base URL and common headers on the client, the signature's on the call), undici's
``request(url, {…})``, Elixir's Tesla with its middleware list, OCaml's cohttp (quoted strings
``{|…|}``, labels ``~headers``), Zig's ``std.http.Client.fetch`` (multi-line strings ``\\\\``),
Erlang's ``httpc:request`` (a tuple of URL, headers, content type and body), F#'s FSharp.Data
``Http.RequestString`` (named arguments, triple-quoted strings), Crystal's ``HTTP::Headers{…}``, Nim's
``httpclient`` (table constructor ``{"Name": "value"}``, triple-quoted strings) — each faithful to the
library's public documentation (a comment above each shape names it). Every shape writes the body
as the bytes sent (``SHAPES``).

Written blind (before reading the source readers): 1 of 10 passed (Crystal's ``HTTP::Headers{…}``
literal given to ``HTTP::Client.post``); the other nine were strict expected failures. Eight pass
now, by general rules of :mod:`keyaudit.inputs.captures`:

- a language's literals as data (``source_languages.LANGUAGES``, ``source_files.FAMILY``): Nim's
  (``#`` and ``#[ ]#`` comments, ``\"\"\"…\"\"\"`` escaping nothing), Erlang's (``%`` comments, an atom —
  a name in lower case that is no call — a literal: ``post``; ``mod:fun(…)`` a module's function, a
  binary ``<<"…">>`` its string, a period ending a statement), Zig's (multi-line strings of ``\\\\``
  lines; ``.{…}``, ``.name =`` and ``.POST`` a dot that follows no value, no member access), OCaml's
  (``(* *)`` comments, quoted strings ``{|…|}``, application by juxtaposition, labels ``~name``);
- a tuple in parentheses ``("Name", "value")`` is a pair, as ``{…}`` and ``[…]`` of two are
  (``source_values``);
- a header set's constructor given its map written out is that map (Nim's ``newHttpHeaders({…})``,
  cohttp's ``Cohttp.Header.of_list […]``, ``new Headers({…})``: ``source_headers``);
- an identifier naming a method bound to a method's name is that method (Nim's ``httpMethod =
  HttpPost``, Zig's ``.method = .POST``);
- a ``.json()`` given nothing parses the response, and serializes no body (undici's ``body.json()``,
  httpx' ``response.json()``); Spring WebClient's ``bodyValue(…)`` sets the body;
- a module's client set up once with a base URL (httpx's ``client = httpx.Client(base_url=…,
  headers={…})``, axios' ``axios.create({ baseURL: … })``) is read with each group that calls a method
  of it, its headers the call's too — unless an auth flow, hooks or interceptors may add some
  (``source_groups``).

Two stay strict expected failures: Elixir's Tesla (a base URL and headers given by middleware
tuples in the function the call invokes) and FSharp.Data (a list's items apart by line breaks).
"""

from __future__ import annotations

import json

from helpers.signed_shapes import BASE, Request, call_headers, case, header_value


def _sq(text: str) -> str:
    """A single-quoted string of JavaScript: ``\\`` and ``'`` escaped, a line break ``\\n``."""
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n") + "'"


def java_spring_webclient(request: Request) -> list[str]:
    # docs.spring.io, WebClient (Spring WebFlux): `WebClient.Builder` injected, `.baseUrl(…).build()`;
    # `webClient.post().uri("/path").header(name, values…).bodyValue(…).retrieve().bodyToMono(String.class)`.
    return ["package br.com.payouts.iugu;", "", "import org.springframework.stereotype.Service;",
            "import org.springframework.web.reactive.function.client.WebClient;", "", "@Service",
            "public class TransferClient {", "", "    private final WebClient webClient;", "",
            "    public TransferClient(WebClient.Builder builder) {",
            f'        this.webClient = builder.baseUrl("https://{request.host}").build();', "    }", "",
            "    public String transfer() {", f"        return webClient.{request.method.lower()}()",
            f"                .uri({json.dumps(request.path)})",
            *(f"                .header({json.dumps(name)}, {json.dumps(value)})" for name, value in request.headers),
            f"                .bodyValue({json.dumps(request.body)})", "                .retrieve()",
            "                .bodyToMono(String.class)", "                .block();", "    }", "}"]


def python_httpx_client(request: Request) -> list[str]:
    # www.python-httpx.org, Advanced: Clients — `httpx.Client(base_url=…, headers={…})` merges its headers
    # with a call's `headers=`; `client.post("/path", content=…)` sends a str/bytes body as is.
    extra = call_headers(request)
    call = ([f"        {json.dumps(request.path)},", "        content=body,", "        headers={",
             *(f"            {json.dumps(name)}: {json.dumps(value)}," for name, value in extra), "        },"]
            if extra else [f"        {json.dumps(request.path)},", "        content=body,"])
    return ['"""Payouts: the provider\'s transfer endpoint."""', "", "import httpx", "",
            "client = httpx.Client(", f'    base_url="https://{request.host}",', "    headers={",
            *(f"        {json.dumps(name)}: {json.dumps(header_value(request, name))}," for name in BASE), "    },",
            "    timeout=10.0,", ")", "", "", "def transfer() -> dict:",
            *f'    body = r"""{request.body}"""'.split("\n"),
            f"    response = client.{request.method.lower()}(", *call, "    )", "    response.raise_for_status()",
            "    return response.json()"]


def node_undici_request(request: Request) -> list[str]:
    # undici.nodejs.org, undici.request(url, options): `const { statusCode, body } = await request(url,
    # { method: 'POST', headers: {…}, body: '…' })`; standard style (single quotes, no semicolons).
    return ["import { request } from 'undici'", "", "export async function transfer () {",
            f"  const {{ statusCode, body }} = await request({_sq(request.url)}, {{",
            f"    method: '{request.method}',", "    headers: {",
            *(f"      {_sq(name)}: {_sq(value)}," for name, value in request.headers), "    },",
            f"    body: {_sq(request.body)}", "  })",
            "  if (statusCode !== 200) throw new Error(`transfer: ${statusCode}`)",
            "  return body.json()", "}"]


def elixir_tesla(request: Request) -> list[str]:
    # hexdocs.pm/tesla, Tesla.client/2 and Tesla.post/4: a runtime client of middleware
    # `[{Tesla.Middleware.BaseUrl, "…"}, {Tesla.Middleware.Headers, [{"name", "value"}]}]`,
    # `Tesla.post(client, "/path", body, headers: [{…}])`; a string body sent as is.
    extra = call_headers(request)
    headers = ", ".join(f"{{{json.dumps(name)}, {json.dumps(value)}}}" for name, value in extra)
    call = f"    Tesla.{request.method.lower()}(client(), {json.dumps(request.path)}, body" + \
        (f", headers: [{headers}])" if extra else ")")
    return ["defmodule Payouts.Transfers do", "  @moduledoc false", "", "  def client do",
            "    Tesla.client([", f'      {{Tesla.Middleware.BaseUrl, "https://{request.host}"}},',
            "      {Tesla.Middleware.Headers, [",
            *(f"        {{{json.dumps(name)}, {json.dumps(header_value(request, name))}}}," for name in BASE),
            "      ]}",
            "    ])", "  end", "", "  def transfer do", f"    body = {json.dumps(request.body)}", call, "  end", "end"]


def ocaml_cohttp(request: Request) -> list[str]:
    # github.com/mirage/ocaml-cohttp README (cohttp-lwt-unix): `Client.post ~headers ~body uri` with
    # `Cohttp.Header.of_list [ (name, value); … ]`, `Cohttp_lwt.Body.of_string`, `Uri.of_string`; the body
    # a quoted string `{|…|}`.
    pairs = [f"{json.dumps(name)}, {json.dumps(value)}" for name, value in request.headers]
    return ["open Lwt.Syntax", "open Cohttp_lwt_unix", "", "let transfer () =", "  let headers =",
            f"    Cohttp.Header.of_list [ ({pairs[0]});", *(f"{' ' * 28}({pair});" for pair in pairs[1:]),
            "                          ]", "  in",
            *f"  let body = Cohttp_lwt.Body.of_string {{|{request.body}|}} in".split("\n"),
            f"  let uri = Uri.of_string {json.dumps(request.url)} in",
            f"  let* _resp, body = Client.{request.method.lower()} ~headers ~body uri in",
            "  Cohttp_lwt.Body.to_string body"]


def zig_std_http(request: Request) -> list[str]:
    # ziglang.org/documentation, std.http.Client.fetch (0.12+): `.location = .{ .url = … }`, `.method = .POST`,
    # `.payload`, `.headers = .{ .content_type = .{ .override = … }, .user_agent = … }`, `.extra_headers =
    # &.{ .{ .name = …, .value = … } }`; the body a multi-line string literal (`\\` lines).
    return ["const std = @import(\"std\");", "", "pub fn transfer(allocator: std.mem.Allocator) !std.http.Status {",
            "    var client: std.http.Client = .{ .allocator = allocator };", "    defer client.deinit();", "",
            "    const body =", *(f"        \\\\{line}" for line in request.body.split("\n")), "    ;", "",
            "    const result = try client.fetch(.{", f"        .location = .{{ .url = {json.dumps(request.url)} }},",
            f"        .method = .{request.method},", "        .payload = body,", "        .headers = .{",
            f"            .content_type = .{{ .override = {json.dumps(header_value(request, 'Content-Type'))} }},",
            f"            .user_agent = .{{ .override = {json.dumps(header_value(request, 'User-Agent'))} }},",
            "        },", "        .extra_headers = &.{",
            *(f"            .{{ .name = {json.dumps(name)}, .value = {json.dumps(value)} }},"
              for name, value in call_headers(request)), "        },", "    });", "    return result.status;", "}"]


def erlang_httpc(request: Request) -> list[str]:
    # www.erlang.org/doc, inets httpc:request/4: `httpc:request(post, {Url, Headers, ContentType, Body},
    # HttpOptions, Options)`, headers a list of `{Field, Value}` strings, the content type given apart.
    headers = [f'{{"{name}", {json.dumps(value)}}}' for name, value in request.headers if name != "Content-Type"]
    return ["-module(payouts_transfers).", "-export([transfer/0]).", "", "transfer() ->",
            "    {ok, _} = application:ensure_all_started([inets, ssl]),", f"    Url = {json.dumps(request.url)},",
            f"    Headers = [{headers[0]}", *(f"               ,{item}" for item in headers[1:]), "              ],",
            f"    Body = <<{json.dumps(request.body)}>>,",
            f"    {{ok, {{{{_, Status, _}}, _, _}}}} = httpc:request({request.method.lower()},",
            f"        {{Url, Headers, {json.dumps(header_value(request, 'Content-Type'))}, Body}}, [], []),",
            "    Status."]


def fsharp_data_http(request: Request) -> list[str]:
    # fsprojects.github.io/FSharp.Data, HTTP Utilities: `Http.RequestString(url, httpMethod = "POST",
    # headers = [ "Name", "value" ], body = TextRequest "…")`; the body a triple-quoted string.
    return ["module Payouts.Transfers", "", "open FSharp.Data", "", "let transfer () =",
            *f'    let body = """{request.body}"""'.split("\n"), "    Http.RequestString(",
            f"        {json.dumps(request.url)},", f'        httpMethod = "{request.method}",', "        headers = [",
            *(f"            {json.dumps(name)}, {json.dumps(value)}" for name, value in request.headers), "        ],",
            "        body = TextRequest body)"]


def crystal_http_client(request: Request) -> list[str]:
    # crystal-lang.org/api, HTTP::Client.post(url, headers : HTTP::Headers?, body : BodyType): the headers an
    # `HTTP::Headers{"Name" => "value"}` literal, the body a string.
    return ['require "http/client"', "", "module Payouts", "  def self.transfer : Int32",
            "    headers = HTTP::Headers{",
            *(f"      {json.dumps(name)} => {json.dumps(value)}," for name, value in request.headers), "    }",
            f"    body = {json.dumps(request.body)}",
            f"    response = HTTP::Client.{request.method.lower()}({json.dumps(request.url)}, "
            "headers: headers, body: body)", "    response.status_code", "  end", "end"]


def nim_httpclient(request: Request) -> list[str]:
    # nim-lang.org/docs/httpclient.html: `newHttpClient(userAgent = …)`, `client.headers =
    # newHttpHeaders({"Name": "value"})`, `client.request(url, httpMethod = HttpPost, body = …)`; the body a
    # triple-quoted string.
    headers = [(name, value) for name, value in request.headers if name != "User-Agent"]
    return ["import std/httpclient", "", "proc transfer*(): string =",
            f"  let client = newHttpClient(userAgent = {json.dumps(header_value(request, 'User-Agent'))})",
            "  defer: client.close()", "  client.headers = newHttpHeaders({",
            *(f"    {json.dumps(name)}: {json.dumps(value)}," for name, value in headers), "  })",
            *f'  let body = """{request.body}"""'.split("\n"),
            f"  let response = client.request({json.dumps(request.url)}, "
            f"httpMethod = Http{request.method.title()}, body = body)", "  result = response.body"]


SHAPES = [case(java_spring_webclient, "TransferClient.java"), case(python_httpx_client, "transfers.py"),
          case(node_undici_request, "transfers.mjs"),
          case(elixir_tesla, "transfers.ex",
               missed="a base URL and headers given by Tesla's middleware tuples (`{Tesla.Middleware.BaseUrl, "
                      "\"…\"}`) in the function the call invokes (`Tesla.post(client(), \"/path\", …)`) are not read"),
          case(ocaml_cohttp, "transfers.ml"), case(zig_std_http, "transfers.zig"),
          case(erlang_httpc, "payouts_transfers.erl"),
          case(fsharp_data_http, "Transfers.fs",
               missed="no F# family: a list's items apart by line breaks (`\"Name\", \"value\"` tuples with no "
                      "brackets) and `TextRequest body` (an application by juxtaposition) are not read"),
          case(crystal_http_client, "transfers.cr"), case(nim_httpclient, "transfers.nim")]
HEADERS_ONLY: list[object] = []
NO_HEADERS: list[object] = []
