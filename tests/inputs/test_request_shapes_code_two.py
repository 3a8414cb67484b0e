"""A second blind corpus of requests written as source code: the four money-out requests of
:mod:`helpers.signed_shapes` as real code in languages and idioms the first code corpus
(:mod:`test_request_shapes_code`) does not have — PowerShell's hashtables and splatting, Perl's
`=>` pairs, Lua's tables, Java's text blocks, Go's chained setters, Ruby's block with a base URL,
an Ansible task, R's pipes, PHP's Symfony options — each faithful to the library's public
documentation (a comment above each shape names it). Every shape writes the body as the bytes
sent (``SHAPES``): the signature of each must be judged as the reference judges it.

Written blind (before reading the source readers): 3 of 10 passed (Faraday's block, the Ansible
task, Symfony's options); the other seven were strict expected failures. All ten pass now, by
general rules of :mod:`keyaudit.inputs.captures`:

- a language's literals as data (``source_tokens.LANGUAGES``, ``source_files.FAMILY``): Perl's
  (``$``/``@`` expand in double quotes), Lua's (``--`` comments), R's, PowerShell's (verbatim
  single quotes with ``''`` doubled, the backtick as escape, ``@'…'@`` here-strings); Java's text
  blocks and Swift's multi-line strings, whose opening line break and indentation are no text;
- a calling convention read as labelled arguments: PowerShell's commands (``Verb-Noun -Name
  value``, ``@params`` splatted: the hashtable's keys), Perl's ``=>`` pairs (``POST => $url``: the
  method word names the URL), R's backquoted ``` `Name` = value ```; a key in brackets (Lua's
  ``["Name"] = …``);
- header setters by their arguments (``header('Name' => 'value')``, ``req_headers(Name = …)``) and
  body setters by name (Go resty's ``SetBody``, LWP's ``content``, httr2's ``req_body_raw``); a
  builder's method call in capitals or title case (``.POST(…)``, ``.Post(url)``).
"""

from __future__ import annotations

import json

from helpers.signed_shapes import Request, case


def _sq(text: str) -> str:
    """A single-quoted string of Perl, Ruby or PHP: ``\\`` and ``'`` escaped (no interpolation,
    so the Asaas key's ``$`` and the body's ``@`` stay as they are)."""
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def _ps(text: str) -> str:
    """A single-quoted (verbatim) string of PowerShell: ``'`` doubled, nothing else escaped."""
    return "'" + text.replace("'", "''") + "'"


def powershell_webrequest(request: Request) -> list[str]:
    # learn.microsoft.com, Invoke-WebRequest (Microsoft.PowerShell.Utility): `-Headers` takes a hashtable
    # `@{ "Name" = "value" }`, `-Body` a string (here a verbatim here-string `@'…'@`), `-Method Post`.
    return ["$headers = @{", *(f'    "{name}" = {_ps(value)}' for name, value in request.headers), "}",
            "$body = @'", *request.body.split("\n"), "'@",
            f"$response = Invoke-WebRequest -Uri '{request.url}' -Method {request.method.title()} "
            "-Headers $headers -Body $body", "$response.StatusCode"]


def powershell_splatting(request: Request) -> list[str]:
    # learn.microsoft.com, about_Splatting and Invoke-RestMethod: the parameters as one hashtable
    # (`Uri`, `Method`, `Headers`, `Body`, a statement a line) passed as `Invoke-RestMethod @params`.
    return ["$params = @{", f"    Uri     = {_ps(request.url)}", f"    Method  = {_ps(request.method)}",
            "    Headers = @{", *(f"        {_ps(name)} = {_ps(value)}" for name, value in request.headers), "    }",
            *f"    Body    = {_ps(request.body)}".split("\n"), "}", "$result = Invoke-RestMethod @params",
            "Write-Output $result"]


def perl_lwp(request: Request) -> list[str]:
    # metacpan.org, HTTP::Request (libwww-perl): `HTTP::Request->new(POST => $url)`, `$req->header(Name =>
    # value)`, `$req->content($body)`, sent by LWP::UserAgent's `$ua->request($req)`.
    return ["use LWP::UserAgent;", "use HTTP::Request;", "", "my $ua = LWP::UserAgent->new;",
            f"my $req = HTTP::Request->new({request.method} => {_sq(request.url)});",
            *(f"$req->header({_sq(name)} => {_sq(value)});" for name, value in request.headers),
            *f"$req->content({_sq(request.body)});".split("\n"), "my $res = $ua->request($req);",
            "die $res->status_line unless $res->is_success;"]


def lua_resty_http(request: Request) -> list[str]:
    # github.com/ledgetech/lua-resty-http README: `httpc:request_uri(uri, { method = "POST", body = "…",
    # headers = { ["Content-Type"] = "…" } })`, `local httpc = require("resty.http").new()`.
    return ['local httpc = require("resty.http").new()', "",
            f"local res, err = httpc:request_uri({json.dumps(request.url)}, {{",
            f'    method = "{request.method}",', f"    body = {json.dumps(request.body)},", "    headers = {",
            *(f"        [{json.dumps(name)}] = {json.dumps(value)}," for name, value in request.headers), "    },",
            "})", "if not res then", '    ngx.log(ngx.ERR, "request failed: ", err)', "    return", "end"]


def java_text_block(request: Request) -> list[str]:
    # docs.oracle.com, java.net.http.HttpRequest (Java 11) with a text block for the body (JEP 378, Java 15):
    # `HttpRequest.newBuilder().uri(URI.create(…)).header(…).POST(BodyPublishers.ofString(body)).build()`.
    return ["HttpClient client = HttpClient.newHttpClient();", 'String body = """', *request.body.split("\n")[:-1],
            request.body.split("\n")[-1] + '""";', "HttpRequest request = HttpRequest.newBuilder()",
            f"        .uri(URI.create({json.dumps(request.url)}))",
            *(f"        .header({json.dumps(name)}, {json.dumps(value)})" for name, value in request.headers),
            f"        .{request.method}(HttpRequest.BodyPublishers.ofString(body))", "        .build();",
            "HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());"]


def go_resty_raw_body(request: Request) -> list[str]:
    # github.com/go-resty/resty README (v2): `client.R().SetHeader("Name", "value").SetBody(`…`).Post(url)`,
    # the body a raw string literal.
    return ["client := resty.New()", "resp, err := client.R().",
            *(f"\tSetHeader({json.dumps(name)}, {json.dumps(value)})." for name, value in request.headers),
            *f"\tSetBody(`{request.body}`).".split("\n"), f"\t{request.method.title()}({json.dumps(request.url)})",
            "if err != nil {", "\treturn err", "}", 'fmt.Println("status:", resp.StatusCode())']


def ruby_faraday(request: Request) -> list[str]:
    # lostisland.github.io/faraday, Usage: `conn = Faraday.new(url: 'https://host')`, `conn.post('/path') do
    # |req| req.headers['Name'] = 'value'; req.body = '…' end`: the base URL and the path apart.
    base = f"https://{request.host}"
    return ["require 'faraday'", "", f"conn = Faraday.new(url: {_sq(base)})", "",
            f"response = conn.{request.method.lower()}({_sq(request.path)}) do |req|",
            *(f"  req.headers[{_sq(name)}] = {_sq(value)}" for name, value in request.headers),
            *f"  req.body = {_sq(request.body)}".split("\n"), "end", "puts response.status"]


def ansible_uri(request: Request) -> list[str]:
    # docs.ansible.com, ansible.builtin.uri: a task with `url`, `method`, `headers` (a mapping), `body` (a
    # string, sent as is: body_format defaults to raw), `status_code`; the body a YAML block scalar `|-`.
    return ["- name: Send the payout", "  ansible.builtin.uri:", f"    url: {request.url}",
            f"    method: {request.method}", "    headers:",
            *(f"      {name}: {json.dumps(value)}" for name, value in request.headers), "    body: |-",
            *(f"      {line}" for line in request.body.split("\n")), "    status_code: 200",
            "  register: payout"]


def r_httr2(request: Request) -> list[str]:
    # httr2.r-lib.org, request() / req_method() / req_headers() / req_body_raw() / req_perform(): headers as
    # named arguments (a name that is no R name between backticks), the body a string.
    def name_of(name: str) -> str:
        return name if name.replace("_", "").isalnum() else f"`{name}`"

    pairs = [f"{name_of(name)} = {json.dumps(value)}" for name, value in request.headers]
    return ["library(httr2)", "", f"resp <- request({json.dumps(request.url)}) |>",
            f'  req_method("{request.method}") |>', "  req_headers(",
            *(f"    {pair}," for pair in pairs[:-1]), f"    {pairs[-1]}", "  ) |>",
            f"  req_body_raw({json.dumps(request.body)}) |>", "  req_perform()", "resp_status(resp)"]


def php_symfony(request: Request) -> list[str]:
    # symfony.com/doc/current/http_client.html: `$client->request('POST', $url, ['headers' => ['Name' =>
    # 'value'], 'body' => '…'])`, `HttpClient::create()`.
    return ["<?php", "use Symfony\\Component\\HttpClient\\HttpClient;", "", "$client = HttpClient::create();",
            f"$response = $client->request('{request.method}', {_sq(request.url)}, [", "    'headers' => [",
            *(f"        {_sq(name)} => {_sq(value)}," for name, value in request.headers), "    ],",
            *f"    'body' => {_sq(request.body)},".split("\n"), "]);", "$statusCode = $response->getStatusCode();"]


SHAPES = [case(powershell_webrequest, "transfer.ps1"), case(powershell_splatting, "transfer.ps1"),
          case(perl_lwp, "transfer.pl"), case(lua_resty_http, "transfer.lua"), case(java_text_block, "Transfer.java"),
          case(go_resty_raw_body, "transfer.go"), case(ruby_faraday, "transfer.rb"), case(ansible_uri, "payout.yml"),
          case(r_httr2, "transfer.R"), case(php_symfony, "transfer.php")]
HEADERS_ONLY: list[object] = []
NO_HEADERS: list[object] = []
