"""A sixth blind corpus of requests written as source code: the four money-out requests of
:mod:`helpers.signed_shapes` as production code (a service's gateway class, a plugin's, not a
test) in idioms the five code corpora before it do not show, most of them what Brazilian payment
integrations are written with — Laravel's ``Http`` facade (``withUserAgent``, ``withHeaders``,
``withBody($body, $type)``), WordPress' ``wp_remote_post`` in a WooCommerce-style gateway (the
User-Agent its ``user-agent`` argument), Guzzle's ``Client`` with ``base_uri`` and default headers
(the path and the signature's headers on ``request('POST', …)``), a NestJS ``@Injectable()`` service
calling ``HttpService.post(url, body, { headers })``, requests' ``Session`` (``session.headers.update``
then ``session.post``), Spring's ``RestTemplate.exchange`` with ``HttpHeaders`` and an ``HttpEntity``,
Apache HttpClient 5's ``ClassicRequestBuilder``, HTTParty's class-level ``base_uri`` and ``headers``,
a .NET typed client of ``IHttpClientFactory`` (``BaseAddress`` set in its constructor, a relative
path on the call) and Mojo::UserAgent's ``post($url => {headers} => $body)`` — each faithful to the
library's public documentation (a comment above each shape names it). Every shape writes the body
as the bytes sent (``SHAPES``).

Written blind (before reading the source readers): 3 of 10 passed (WordPress' ``wp_remote_post``,
the NestJS service, Apache HttpClient 5's builder); the other seven were strict expected failures.
Nine pass now, by general rules of :mod:`keyaudit.inputs.captures`:

- a call named for the one header it sets, given its value, sets it (Laravel's ``withUserAgent('…')``,
  Spring's ``headers.setContentType(MediaType.APPLICATION_JSON)``: ``source_headers``), so a request
  whose other headers are written out is known to send those alone;
- Perl's fat commas chained (``$ua->post($url => {…} => $body)``) are a list, not a pair of a label and
  a value (``source_values``);
- an instance's client its class's constructor sets up with a base URL and headers (Guzzle's
  ``$this->client = new Client(['base_uri' => …, 'headers' => […]])``) is read with each later
  method of the class that calls a method of it, as a module's client is; a module's client whose
  headers are set to a map written out on the line after it is bound (requests' ``session =
  requests.Session()`` then ``session.headers.update({…})``) is such a client, and an update of the
  headers given a map written out is headers given, no hidden ones (``source_groups``,
  ``source_headers``, ``source_requests``);
- Ruby's command calls (a method called with no parentheses, ``headers 'Name' => 'value'``) are the
  calls they are (``source_languages``), and a class macro given string literals (HTTParty's
  ``base_uri 'https://…'``, ``headers …``) is a field of the class given to each of its methods that
  writes no absolute URL, as an absolute URL's field is (``source_groups``).

One stays a strict expected failure: the .NET typed client, whose ``HttpClient`` is injected by
``IHttpClientFactory`` (its registration elsewhere may add handlers that sign, so its headers stay
unknown by design) and whose base address is set by a property in its constructor, the path
relative to it with no leading slash.
"""

from __future__ import annotations

import json

from helpers.signed_shapes import BASE, Request, call_headers, case, header_value


def _sq(text: str) -> str:
    """A single-quoted string of PHP, Ruby, Perl or JavaScript: ``\\`` and ``'`` escaped; PHP's,
    Ruby's and Perl's hold a line break as it is."""
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def php_laravel_http(request: Request) -> list[str]:
    # laravel.com/docs/11.x/http-client: the `Http` facade, `withUserAgent(…)`, `withHeaders([…])`,
    # `withBody($content, $contentType)` for a raw body (the content type with it), `->post($url)`,
    # `->throw()->json()`; the body a nowdoc (PHP 7.3+, the closing marker indented).
    extra = call_headers(request)
    headers = ["            ->withHeaders([",
               *(f"                {_sq(name)} => {_sq(value)}," for name, value in extra), "            ])"]
    return ["<?php", "", "namespace App\\Services\\Payouts;", "", "use Illuminate\\Support\\Facades\\Http;", "",
            "class TransferGateway", "{", "    public function transfer(): array", "    {",
            "        $body = <<<'JSON'", *(f"        {line}" for line in request.body.split("\n")), "        JSON;", "",
            f"        return Http::withUserAgent({_sq(header_value(request, 'User-Agent'))})",
            *(headers if extra else []),
            f"            ->withBody($body, {_sq(header_value(request, 'Content-Type'))})",
            f"            ->{request.method.lower()}({_sq(request.url)})", "            ->throw()",
            "            ->json();", "    }", "}"]


def php_wordpress_remote_post(request: Request) -> list[str]:
    # developer.wordpress.org, wp_remote_post( $url, $args ) and WP_Http::request(): `'headers'` an array
    # of name => value, `'body'` a string sent as is, `'user-agent'` the User-Agent, `'timeout'`; WordPress
    # coding standards (tabs, `array( … )`, blanks inside parentheses), as WooCommerce gateways write it.
    headers = [(name, value) for name, value in request.headers if name != "User-Agent"]
    return ["<?php", "if ( ! defined( 'ABSPATH' ) ) {", "\texit;", "}", "",
            "class WC_Payouts_Transfer_Gateway {", "", "\tpublic function transfer() {",
            f"\t\t$body = {_sq(request.body)};", "", "\t\t$response = wp_remote_post(",
            f"\t\t\t{_sq(request.url)},", "\t\t\tarray(", f"\t\t\t\t'method'     => '{request.method}',",
            "\t\t\t\t'timeout'    => 45,", f"\t\t\t\t'user-agent' => {_sq(header_value(request, 'User-Agent'))},",
            "\t\t\t\t'headers'    => array(",
            *(f"\t\t\t\t\t{_sq(name)} => {_sq(value)}," for name, value in headers), "\t\t\t\t),",
            "\t\t\t\t'body'       => $body,", "\t\t\t)", "\t\t);", "",
            "\t\tif ( is_wp_error( $response ) ) {", "\t\t\treturn $response;", "\t\t}", "",
            "\t\treturn json_decode( wp_remote_retrieve_body( $response ), true );", "\t}", "}"]


def php_guzzle_base_uri(request: Request) -> list[str]:
    # docs.guzzlephp.org, Quickstart and Request Options: `new Client(['base_uri' => …, 'headers' => […]])`
    # (default headers, merged with a request's), `$client->request('POST', '/path', ['headers' => […],
    # 'body' => '…'])`.
    extra = call_headers(request)
    return ["<?php", "", "declare(strict_types=1);", "", "namespace Payouts\\Gateway;", "", "use GuzzleHttp\\Client;",
            "", "final class TransferGateway", "{", "    private Client $client;", "",
            "    public function __construct()", "    {", "        $this->client = new Client([",
            f"            'base_uri' => {_sq('https://' + request.host)},", "            'timeout'  => 10.0,",
            "            'headers'  => [",
            *(f"                {_sq(name)} => {_sq(header_value(request, name))}," for name in BASE), "            ],",
            "        ]);", "    }", "", "    public function transfer(): string", "    {",
            f"        $response = $this->client->request('{request.method}', {_sq(request.path)}, [",
            "            'headers' => [", *(f"                {_sq(name)} => {_sq(value)}," for name, value in extra),
            "            ],", f"            'body'    => {_sq(request.body)},", "        ]);", "",
            "        return (string) $response->getBody();", "    }", "}"]


def ts_nestjs_http_service(request: Request) -> list[str]:
    # docs.nestjs.com/techniques/http-module: `HttpService` from `@nestjs/axios` injected into an
    # `@Injectable()` service, axios' `post(url, data, config)` returning an Observable, awaited with rxjs'
    # `firstValueFrom`; a string `data` is sent as is; the body a template literal.
    return ["import { Injectable } from '@nestjs/common';", "import { HttpService } from '@nestjs/axios';",
            "import { firstValueFrom } from 'rxjs';", "", "@Injectable()", "export class TransfersService {",
            "  constructor(private readonly httpService: HttpService) {}", "",
            "  async transfer(): Promise<unknown> {", *f"    const body = `{request.body}`;".split("\n"),
            "    const { data } = await firstValueFrom(",
            f"      this.httpService.{request.method.lower()}({_sq(request.url)}, body, {{", "        headers: {",
            *(f"          {_sq(name)}: {_sq(value)}," for name, value in request.headers), "        },", "      }),",
            "    );", "    return data;", "  }", "}"]


def python_requests_session(request: Request) -> list[str]:
    # requests.readthedocs.io, Advanced Usage: Session Objects — `s.headers.update({…})` sets headers sent with
    # every request, merged with a call's `headers=`; `s.post(url, data=…)` sends a str body as is.
    extra = call_headers(request)
    call = ["        TRANSFERS_URL,", "        data=body,", "        headers={",
            *(f"            {json.dumps(name)}: {json.dumps(value)}," for name, value in extra), "        },",
            "        timeout=10,"]
    return ['"""Payouts: the provider\'s transfer endpoint."""', "", "import requests", "",
            "session = requests.Session()", "session.headers.update({",
            *(f"    {json.dumps(name)}: {json.dumps(header_value(request, name))}," for name in BASE), "})", "",
            f"TRANSFERS_URL = {json.dumps(request.url)}", "", "", "def transfer() -> dict:",
            *f'    body = r"""{request.body}"""'.split("\n"), f"    response = session.{request.method.lower()}(",
            *call, "    )", "    response.raise_for_status()", "    return response.json()"]


def java_rest_template(request: Request) -> list[str]:
    # docs.spring.io, RestTemplate.exchange(String url, HttpMethod, HttpEntity<?>, Class<T>) with
    # `HttpHeaders` (`setContentType(MediaType.APPLICATION_JSON)`, `set(name, value)`) and
    # `new HttpEntity<>(body, headers)`; the RestTemplate built by an injected `RestTemplateBuilder`.
    return ["package br.com.payouts.gateway;", "", "import org.springframework.boot.web.client.RestTemplateBuilder;",
            "import org.springframework.http.*;", "import org.springframework.stereotype.Component;",
            "import org.springframework.web.client.RestTemplate;", "", "@Component",
            "public class TransferGateway {", "", "    private final RestTemplate restTemplate;", "",
            "    public TransferGateway(RestTemplateBuilder builder) {",
            "        this.restTemplate = builder.build();", "    }", "", "    public String transfer() {",
            "        HttpHeaders headers = new HttpHeaders();",
            "        headers.setContentType(MediaType.APPLICATION_JSON);",
            *(f"        headers.set({json.dumps(name)}, {json.dumps(value)});" for name, value in request.headers
              if name != "Content-Type"),
            f"        String body = {json.dumps(request.body)};",
            "        HttpEntity<String> entity = new HttpEntity<>(body, headers);",
            "        ResponseEntity<String> response = restTemplate.exchange(",
            f"                {json.dumps(request.url)}, HttpMethod.{request.method}, entity, String.class);",
            "        return response.getBody();", "    }", "}"]


def java_apache_httpclient5(request: Request) -> list[str]:
    # hc.apache.org, HttpClient 5.x classic API: `ClassicRequestBuilder.post(uri).setHeader(name, value)
    # .setEntity(new StringEntity(body, ContentType.APPLICATION_JSON)).build()`, `httpclient.execute(request,
    # response -> …)` with a response handler.
    return ["package br.com.payouts.gateway;", "", "import java.io.IOException;",
            "import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;",
            "import org.apache.hc.client5.http.impl.classic.HttpClients;",
            "import org.apache.hc.core5.http.ClassicHttpRequest;", "import org.apache.hc.core5.http.ContentType;",
            "import org.apache.hc.core5.http.io.entity.StringEntity;",
            "import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;", "",
            "public final class TransferClient {", "",
            "    private final CloseableHttpClient httpClient = HttpClients.createDefault();", "",
            "    public int transfer() throws IOException {", f"        String body = {json.dumps(request.body)};",
            f"        ClassicHttpRequest request = ClassicRequestBuilder.{request.method.lower()}"
            f"({json.dumps(request.url)})",
            *(f"                .setHeader({json.dumps(name)}, {json.dumps(value)})" for name, value in request.headers
              if name != "Content-Type"),
            "                .setEntity(new StringEntity(body, ContentType.APPLICATION_JSON))",
            "                .build();", "        return httpClient.execute(request, response -> response.getCode());",
            "    }", "}"]


def ruby_httparty(request: Request) -> list[str]:
    # github.com/jnunemaker/httparty README and HTTParty::ClassMethods: `include HTTParty`, `base_uri '…'`,
    # `headers 'Name' => 'value'` (sent with each request, merged with a call's `headers:`),
    # `self.class.post('/path', body: '…', headers: {…})`; a String body sent as is.
    extra = ", ".join(f"{_sq(name)} => {_sq(value)}" for name, value in call_headers(request))
    base = ", ".join(f"{_sq(name)} => {_sq(header_value(request, name))}" for name in BASE)
    call = f"    self.class.{request.method.lower()}({_sq(request.path)}, body: body" + \
        (f", headers: {{ {extra} }})" if extra else ")")
    return ["# frozen_string_literal: true", "", "require 'httparty'", "", "class TransferGateway",
            "  include HTTParty", f"  base_uri {_sq('https://' + request.host)}", f"  headers {base}", "",
            "  def transfer", *f"    body = {_sq(request.body)}".split("\n"), call, "  end", "end"]


def csharp_typed_client(request: Request) -> list[str]:
    # learn.microsoft.com, IHttpClientFactory — typed clients: a class taking `HttpClient` in its constructor
    # (registered by `AddHttpClient<T>()`), `BaseAddress` and `DefaultRequestHeaders` set there; the call's
    # `HttpRequestMessage` with a path relative to the base address, `Headers.Add`, a `StringContent`.
    extra = call_headers(request)
    return ["using System.Net.Http;", "using System.Text;", "", "namespace Payouts.Gateway;", "",
            "public sealed class TransferClient", "{", "    private readonly HttpClient _httpClient;", "",
            "    public TransferClient(HttpClient httpClient)", "    {", "        _httpClient = httpClient;",
            f'        _httpClient.BaseAddress = new Uri("https://{request.host}/");',
            f"        _httpClient.DefaultRequestHeaders.UserAgent.ParseAdd("
            f"{json.dumps(header_value(request, 'User-Agent'))});", "    }", "",
            "    public async Task<string> TransferAsync()", "    {",
            f"        using var request = new HttpRequestMessage(HttpMethod.{request.method.title()}, "
            f"{json.dumps(request.path.lstrip('/'))});",
            *(f"        request.Headers.Add({json.dumps(name)}, {json.dumps(value)});" for name, value in extra),
            f"        request.Content = new StringContent({json.dumps(request.body)}, Encoding.UTF8, "
            f"{json.dumps(header_value(request, 'Content-Type'))});",
            "        using var response = await _httpClient.SendAsync(request);",
            "        response.EnsureSuccessStatusCode();", "        return await response.Content.ReadAsStringAsync();",
            "    }", "}"]


def perl_mojo_useragent(request: Request) -> list[str]:
    # docs.mojolicious.org, Mojo::UserAgent `post` and Mojo::UserAgent::Transactor `tx`: `$ua->post($url =>
    # {Name => 'value'} => $content)`, headers a hash reference, the content a string sent as is;
    # `->result->json`.
    return ["package Payouts::TransferGateway;", "use Mojo::Base -base, -signatures;", "", "use Mojo::UserAgent;", "",
            "has ua => sub { Mojo::UserAgent->new };", "", "sub transfer ($self) {",
            *f"  my $body = {_sq(request.body)};".split("\n"),
            f"  my $tx = $self->ua->{request.method.lower()}({_sq(request.url)} => {{",
            *(f"    {_sq(name)} => {_sq(value)}," for name, value in request.headers), "  } => $body);",
            "  return $tx->result->json;", "}", "", "1;"]


SHAPES = [case(php_laravel_http, "TransferGateway.php"),
          case(php_wordpress_remote_post, "class-wc-payouts.php"),
          case(php_guzzle_base_uri, "TransferGateway.php"),
          case(ts_nestjs_http_service, "transfers.service.ts"),
          case(python_requests_session, "transfers.py"),
          case(java_rest_template, "TransferGateway.java"),
          case(java_apache_httpclient5, "TransferClient.java"),
          case(ruby_httparty, "transfer_gateway.rb"),
          case(csharp_typed_client, "TransferClient.cs",
               missed="the typed client's HttpClient is injected by IHttpClientFactory (its registration may add "
                      "handlers: headers unknown), its `BaseAddress` set by a property in the constructor and the "
                      "path relative to it (`\"v1/…\"`, no leading slash): no request is read"),
          case(perl_mojo_useragent, "TransferGateway.pm")]
HEADERS_ONLY: list[object] = []
NO_HEADERS: list[object] = []

