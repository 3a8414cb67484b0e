"""A blind corpus of requests written as source code: the four money-out requests of
:mod:`helpers.signed_shapes` as Postman's code generators write them
(github.com/postmanlabs/postman-code-generators, codegens/<name>/lib: each shape names its
generator), saved as a source file of its language — read by one rule, the literals of a
statement group (:mod:`keyaudit.inputs.captures.source_requests`), not one parser a library.

A generator that writes the raw body as a string literal shows the bytes sent (``SHAPES``); one
that writes a JSON body as its language's object (``json.dumps({…})``, ``JSON.stringify({…})``,
``json.encode``, serde) sends bytes the snippet does not show, so its signatures stay unjudged
(``HEADERS_ONLY``). A shape the readers cannot take yet is a strict expected failure saying why.
"""

from __future__ import annotations

import json

from helpers.signed_shapes import Request, case


def _object(request: Request, indent: str = "") -> list[str]:
    """The JSON body as an object literal of the language (Python's dict, JavaScript's object,
    Dart's map: the same text for these bodies), two blanks a level, as the generators indent it."""
    text = json.dumps(json.loads(request.body), indent=2)
    return [indent + line if n else line for n, line in enumerate(text.split("\n"))]


def _sq(text: str) -> str:
    """A single-quoted string of PHP or Ruby: ``\\`` and ``'`` escaped."""
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def _dollar(text: str) -> str:
    """A double-quoted string of Kotlin or Dart: JSON's escapes, and ``$`` escaped (a template there)."""
    return json.dumps(text).replace("$", "\\$")


def _pairs(request: Request, template: str, indent: str = "  ", quote=json.dumps) -> list[str]:
    items = [f"{indent}{template.format(name=quote(name), value=quote(value))}" for name, value in request.headers]
    return [item + "," for item in items[:-1]] + items[-1:]


# --- exact bodies ---------------------------------------------------------------------------------

def csharp_httpclient(request: Request) -> list[str]:
    # codegens/csharp-httpclient: `new HttpRequestMessage(HttpMethod.Post, "<url>")`, headers but the
    # content's by `request.Headers.Add`, the body `new StringContent("<escaped>", null, "<type>")`.
    content = next(value for name, value in request.headers if name == "Content-Type")
    return ["var client = new HttpClient();",
            f"var request = new HttpRequestMessage(HttpMethod.{request.method.title()}, {json.dumps(request.url)});",
            *(f"request.Headers.Add({json.dumps(name)}, {json.dumps(value)});" for name, value in request.headers
              if name != "Content-Type"),
            f"var content = new StringContent({json.dumps(request.body)}, null, {json.dumps(content)});",
            "request.Content = content;", "var response = await client.SendAsync(request);",
            "response.EnsureSuccessStatusCode();", "Console.WriteLine(await response.Content.ReadAsStringAsync());"]


def java_unirest(request: Request) -> list[str]:
    # codegens/java-unirest: `Unirest.post("<url>")`, `.header("Name", "value")` a line each,
    # `.body("<escaped>")`, `.asString();`.
    return ["Unirest.setTimeouts(0, 0);",
            f"HttpResponse<String> response = Unirest.{request.method.lower()}({json.dumps(request.url)})",
            *(f"  .header({json.dumps(name)}, {json.dumps(value)})" for name, value in request.headers),
            f"  .body({json.dumps(request.body)})", "  .asString();"]


def kotlin_okhttp(request: Request) -> list[str]:
    # codegens/kotlin-okhttp: `"<escaped>".toRequestBody(mediaType)`, a builder with `.url("…")`,
    # `.post(body)`, `.addHeader("Name", "value")`; `$` escaped in Kotlin's strings.
    return ["val client = OkHttpClient()", 'val mediaType = "application/json".toMediaType()',
            f"val body = {_dollar(request.body)}.toRequestBody(mediaType)", "val request = Request.Builder()",
            f"  .url({_dollar(request.url)})", f"  .{request.method.lower()}(body)",
            *(f"  .addHeader({_dollar(name)}, {_dollar(value)})" for name, value in request.headers),
            "  .build()", "val response = client.newCall(request).execute()"]


def swift_urlsession(request: Request) -> list[str]:
    # codegens/swift: `let parameters = "<escaped>"`, `parameters.data(using: .utf8)`, a URLRequest with
    # `addValue("value", forHTTPHeaderField: "Name")`, `httpMethod`, `httpBody`, a data task.
    return [f"let parameters = {json.dumps(request.body)}", "let postData = parameters.data(using: .utf8)", "",
            f'var request = URLRequest(url: URL(string: {json.dumps(request.url)})!,timeoutInterval: Double.infinity)',
            *(f"request.addValue({json.dumps(value)}, forHTTPHeaderField: {json.dumps(name)})"
              for name, value in request.headers), "",
            f'request.httpMethod = "{request.method}"', "request.httpBody = postData", "",
            "let task = URLSession.shared.dataTask(with: request) { data, response, error in",
            "  guard let data = data else {", "    print(String(describing: error))", "    return", "  }",
            "  print(String(data: data, encoding: .utf8)!)", "}", "", "task.resume()"]


def php_guzzle(request: Request) -> list[str]:
    # codegens/php-guzzle: `$headers = [ 'Name' => 'value', … ];`, `$body = '<raw>';`,
    # `new Request('POST', '<url>', $headers, $body)`, sent with `sendAsync`.
    return ["<?php", "$client = new Client();", "$headers = [",
            *_pairs(request, "{name} => {value}", quote=_sq), "];", *f"$body = {_sq(request.body)};".split("\n"),
            f"$request = new Request('{request.method}', '{request.url}', $headers, $body);",
            "$res = $client->sendAsync($request)->wait();", "echo $res->getBody();"]


def php_http_request2(request: Request) -> list[str]:
    # codegens/php-httprequest2: `$request->setUrl('…')`, `setMethod(HTTP_Request2::METHOD_POST)`,
    # `setHeader(array('Name' => 'value', …))`, `setBody('<raw>')`.
    return ["<?php", "require_once 'HTTP/Request2.php';", "$request = new HTTP_Request2();",
            f"$request->setUrl('{request.url}');", f"$request->setMethod(HTTP_Request2::METHOD_{request.method});",
            "$request->setConfig(array(", "  'follow_redirects' => TRUE", "));", "$request->setHeader(array(",
            *_pairs(request, "{name} => {value}", quote=_sq), "));", *f"$request->setBody({_sq(request.body)});".split("\n"),
            "try {", "  $response = $request->send();", "  if ($response->getStatus() == 200) {",
            "    echo $response->getBody();", "  }", "}", "catch(HTTP_Request2_Exception $e) {",
            "  echo 'Error: ' . $e->getMessage();", "}"]


# --- bodies as the language's objects -------------------------------------------------------------

def python_requests(request: Request) -> list[str]:
    # codegens/python-requests: `url = "…"`, `payload = json.dumps({…})`, `headers = { 'Name': 'value' }`,
    # `requests.request("POST", url, headers=headers, data=payload)`.
    return ["import requests", "import json", "", f'url = "{request.url}"', "",
            f"payload = json.dumps({_object(request)[0]}", *_object(request)[1:-1], "})",
            "headers = {", *_pairs(request, "{name}: {value}", quote=repr), "}", "",
            f'response = requests.request("{request.method}", url, headers=headers, data=payload)', "",
            "print(response.text)"]


def python_http_client(request: Request) -> list[str]:
    # codegens/python-http.client: `http.client.HTTPSConnection("<host>")`, `conn.request("POST",
    # "<path>", payload, headers)`.
    return ["import http.client", "import json", "", f'conn = http.client.HTTPSConnection("{request.host}")',
            f"payload = json.dumps({_object(request)[0]}", *_object(request)[1:-1], "})", "headers = {",
            *_pairs(request, "{name}: {value}", quote=repr), "}",
            f'conn.request("{request.method}", "{request.path}", payload, headers)', "res = conn.getresponse()",
            "data = res.read()", 'print(data.decode("utf-8"))']


def nodejs_axios(request: Request) -> list[str]:
    # codegens/nodejs-axios: `let data = JSON.stringify({…});`, a config object with `method: 'post'`,
    # `url`, `headers: { … }`, `data : data`, `axios.request(config)`.
    return ["const axios = require('axios');", f"let data = JSON.stringify({_object(request)[0]}",
            *_object(request)[1:-1], "});", "", "let config = {", f"  method: '{request.method.lower()}',",
            "  maxBodyLength: Infinity,", f"  url: '{request.url}',", "  headers: { ",
            *_pairs(request, "{name}: {value}", "    ", quote=lambda text: _sq(text)), "  },", "  data : data", "};", "",
            "axios.request(config)", ".then((response) => {", "  console.log(JSON.stringify(response.data));", "})",
            ".catch((error) => {", "  console.log(error);", "});"]


def nodejs_native(request: Request) -> list[str]:
    # codegens/nodejs-native: options with `'hostname'`, `'path'`, `'headers'`; the body written by
    # `req.write(postData)`, `postData = JSON.stringify({…})`.
    return ["var https = require('follow-redirects').https;", "", "var options = {",
            f"  'method': '{request.method}',", f"  'hostname': '{request.host}',", f"  'path': '{request.path}',",
            "  'headers': {", *_pairs(request, "{name}: {value}", "    ", quote=_sq), "  },", "  'maxRedirects': 20",
            "};", "", "var req = https.request(options, function (res) {", "  var chunks = [];", "",
            '  res.on("data", function (chunk) {', "    chunks.push(chunk);", "  });", "});", "",
            f"var postData = JSON.stringify({_object(request)[0]}", *_object(request)[1:-1], "});", "",
            "req.write(postData);", "", "req.end();"]


def js_fetch(request: Request) -> list[str]:
    # codegens/js-fetch: `const myHeaders = new Headers();`, `myHeaders.append("Name", "value");`,
    # `const raw = JSON.stringify({…});`, requestOptions `{ method, headers: myHeaders, body: raw }`,
    # `fetch("<url>", requestOptions)`.
    return ["const myHeaders = new Headers();",
            *(f"myHeaders.append({json.dumps(name)}, {json.dumps(value)});" for name, value in request.headers), "",
            f"const raw = JSON.stringify({_object(request)[0]}", *_object(request)[1:-1], "});", "",
            "const requestOptions = {", f'  method: "{request.method}",', "  headers: myHeaders,", "  body: raw,",
            '  redirect: "follow"', "};", "", f'fetch("{request.url}", requestOptions)',
            "  .then((response) => response.text())", "  .then((result) => console.log(result))",
            "  .catch((error) => console.error(error));"]


def js_xhr(request: Request) -> list[str]:
    # codegens/js-xhr: `xhr.open("POST", "<url>")`, `xhr.setRequestHeader("Name", "value")`,
    # `xhr.send(data)` with `var data = JSON.stringify({…})`.
    return [f"var data = JSON.stringify({_object(request)[0]}", *_object(request)[1:-1], "});", "",
            "var xhr = new XMLHttpRequest();", "xhr.withCredentials = true;", "",
            f'xhr.open("{request.method}", "{request.url}");',
            *(f"xhr.setRequestHeader({json.dumps(name)}, {json.dumps(value)});" for name, value in request.headers), "",
            "xhr.send(data);"]


def dart_http(request: Request) -> list[str]:
    # codegens/dart-http: `var headers = { 'Name': 'value' };`, `http.Request('POST', Uri.parse('…'))`,
    # `request.body = json.encode({…})`, `request.headers.addAll(headers)`; `$` escaped in Dart's strings.
    def quote(text: str) -> str:
        return _sq(text).replace("$", "\\$")

    return ["var headers = {", *_pairs(request, "{name}: {value}", quote=quote), "};",
            f"var request = http.Request('{request.method}', Uri.parse('{request.url}'));",
            f"request.body = json.encode({_object(request)[0]}", *_object(request)[1:-1], "});",
            "request.headers.addAll(headers);", "", "http.StreamedResponse response = await request.send();"]


def ruby_net_http(request: Request) -> list[str]:
    # codegens/ruby: `url = URI("<url>")`, `Net::HTTP::Post.new(url)`, `request["Name"] = "value"` a
    # header, `request.body = JSON.dump({…})`, `https.request(request)`.
    return ['require "uri"', 'require "json"', 'require "net/http"', "", f'url = URI("{request.url}")', "",
            "https = Net::HTTP.new(url.host, url.port)", "https.use_ssl = true", "",
            f"request = Net::HTTP::{request.method.title()}.new(url)",
            *(f"request[{json.dumps(name)}] = {json.dumps(value)}" for name, value in request.headers),
            f"request.body = JSON.dump({_object(request)[0]}", *_object(request)[1:-1], "})", "",
            "response = https.request(request)", "puts response.read_body"]


def rust_reqwest(request: Request) -> list[str]:
    # codegens/rust-reqwest: a HeaderMap filled by `headers.insert("Name", "value".parse()?)`, the body
    # a raw string `r#"…"#` parsed by serde_json, `client.request(reqwest::Method::POST, "<url>")`.
    return ["#[tokio::main]", "async fn main() -> Result<(), Box<dyn std::error::Error>> {",
            "    let client = reqwest::Client::builder()", "        .build()?;", "",
            "    let mut headers = reqwest::header::HeaderMap::new();",
            *(f"    headers.insert({json.dumps(name)}, {json.dumps(value)}.parse()?);" for name, value in request.headers),
            "", *f'    let data = r#"{request.body}"#;'.split("\n"), "",
            "    let json: serde_json::Value = serde_json::from_str(&data)?;", "",
            f'    let request = client.request(reqwest::Method::{request.method}, "{request.url}")',
            "        .headers(headers)", "        .json(&json);", "", "    let response = request.send().await?;",
            "    Ok(())", "}"]


def powershell_restmethod(request: Request) -> list[str]:
    # codegens/powershell-restmethod: a Dictionary filled by `$headers.Add("Name", "value")`, the body a
    # here-string `$body = @"…"@`, `Invoke-RestMethod '<url>' -Method 'POST' -Headers $headers -Body $body`.
    return ['$headers = New-Object "System.Collections.Generic.Dictionary[[String],[String]]"',
            *(f'$headers.Add("{name}", "{value.replace("$", "`$")}")' for name, value in request.headers), "",
            '$body = @"', *request.body.split("\n"), '"@', "",
            f"$response = Invoke-RestMethod '{request.url}' -Method '{request.method}' -Headers $headers -Body $body",
            "$response | ConvertTo-Json"]


def libcurl(request: Request) -> list[str]:
    # codegens/libcurl: `curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, "POST")`, `CURLOPT_URL`, headers by
    # `headers = curl_slist_append(headers, "Name: value")` into `CURLOPT_HTTPHEADER`, the body a `const char *data`.
    return ["CURL *curl;", "CURLcode res;", "curl = curl_easy_init();", "if(curl) {",
            f'  curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, "{request.method}");',
            f'  curl_easy_setopt(curl, CURLOPT_URL, "{request.url}");', '  curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);',
            "  struct curl_slist *headers = NULL;",
            *(f"  headers = curl_slist_append(headers, {json.dumps(f'{name}: {value}')});" for name, value in request.headers),
            "  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);", f"  const char *data = {json.dumps(request.body)};",
            "  curl_easy_setopt(curl, CURLOPT_POSTFIELDS, data);", "  res = curl_easy_perform(curl);", "}",
            "curl_easy_cleanup(curl);"]


SHAPES = [case(csharp_httpclient, "Transfer.cs"), case(java_unirest, "Transfer.java"),
          case(kotlin_okhttp, "Transfer.kt"), case(swift_urlsession, "Transfer.swift"),
          case(php_guzzle, "transfer.php"), case(php_http_request2, "transfer.php"),
          case(powershell_restmethod, "transfer.ps1"),
          case(libcurl, "transfer.c")]
HEADERS_ONLY = [case(python_requests, "transfer.py"), case(python_http_client, "transfer.py"),
                case(nodejs_axios, "transfer.js"), case(nodejs_native, "transfer.js"), case(js_fetch, "transfer.js"),
                case(js_xhr, "transfer.js"), case(dart_http, "transfer.dart"), case(ruby_net_http, "transfer.rb"),
                case(rust_reqwest, "main.rs")]
NO_HEADERS: list[object] = []
