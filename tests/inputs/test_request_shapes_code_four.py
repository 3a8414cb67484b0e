"""A fourth blind corpus of requests written as source code: the four money-out requests of
:mod:`helpers.signed_shapes` in languages and idioms none of :mod:`test_request_shapes_code`,
:mod:`test_request_shapes_code_two` and :mod:`test_request_shapes_code_three` has — a k6 load
script (prettier's ``[…].join("")`` for a long value), a Locust task (host on the class, path on
the call), a Karate feature, REST Assured's ``given()…when().post(…)``, Delphi's Indy ``TIdHTTP``
(``#10`` control characters, ``+`` joins), ABAP's ``cl_http_client`` (string templates ``|…|``),
PHP's ``curl_setopt_array`` with a nowdoc, a Go table-driven test of ``net/http``, C#'s Flurl on a
URL string (a raw string literal ``\"\"\"…\"\"\"``), VB.NET's ``HttpWebRequest`` (``""`` doubled,
``& vbLf &``) — each faithful to the library's public documentation (a comment above each shape
names it). Every shape writes the body as the bytes sent (``SHAPES``).

Written blind (before reading the source readers): 0 of 10 passed; all ten were strict expected
failures. Seven pass now, by general rules of :mod:`keyaudit.inputs.captures`:

- a language's literals as data (``source_languages.LANGUAGES``, ``source_files.FAMILY``): C#'s own
  family, its raw strings ``\"\"\"…\"\"\"`` escaping nothing, the break before the closing line no text;
  PHP's heredocs and nowdocs (``<<<'JSON'``: the closing line's indentation off each line); VB's
  (``"`` doubled, nothing escaped, ``'`` a comment, ``&`` a join, ``vbLf`` a character, ``Dim x As T =``
  a binding of ``x``), Pascal's (``'`` doubled, ``#10`` a character beside strings, ``{…}`` a comment),
  ABAP's (``'…'`` doubled, ``"`` a comment, string templates ``|…|``, ``&&``, ``DATA(x) =``, a period
  ending a statement); where ``.`` joins strings is the language's (PHP's, Perl's), elsewhere a call
  on a string (Flurl's ``"https://…".WithHeader(…)``) keeps the string whole;
- a list of literals joined by a literal separator is their text (prettier's ``[…].join("")``,
  Python's ``sep.join([…])``, ``source_values``);
- a class's constants are read with each of its methods (Locust's ``host`` on the class, the path on
  the call: ``source_groups.groups``);
- calls: one given the URL first names the method in any case (Indy's ``Http.Post(url, …)``), .NET's
  ``…Async`` names (``PostStringAsync``) name theirs; a request's ``ContentType``/``UserAgent``
  properties set those headers, Indy's ``AddValue`` on a header list adds one; a header given by its
  parameters' names (``set_header_field( name = … value = … )``, Kotlin's ``header(name = …, value =
  …)``) is given; labelled arguments apart by blanks (ABAP's) are read; SAP's ``set_cdata`` sets the body.

The other three stay strict expected failures: REST Assured's ``FooTest.java``, the Go table-driven
``*_test.go`` and a Karate feature are test code, whose requests the readers leave out by design (a
fixture, ``source_files``); read outside a test's path, REST Assured's chain is read as it is.
"""

from __future__ import annotations

import json

from helpers.signed_shapes import Request, case


def _sq(text: str) -> str:
    """A single-quoted string of JavaScript, Karate or PHP: ``\\`` and ``'`` escaped."""
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def _pascal(text: str) -> str:
    """A string of Delphi: ``'`` doubled, a line break the control character ``#10`` between
    quoted runs, and a value longer than a literal may be (255) joined with ``+``."""
    def run(part: str) -> str:
        return "'" + part.replace("'", "''") + "'" if part else ""

    def literal(part: str) -> str:
        return "#10".join(run(line) for line in part.split("\n"))

    return " + ".join(literal(text[n:n + 200]) for n in range(0, len(text), 200))


def _vb(text: str) -> str:
    """A string of VB.NET: ``"`` doubled, each line break ``& vbLf &`` between quoted runs."""
    return " & vbLf & ".join('"' + line.replace('"', '""') + '"' for line in text.split("\n"))


def _abap(text: str) -> str:
    """An ABAP string template ``|…|``: ``\\``, ``|``, ``{``, ``}`` escaped, a line break ``\\n``."""
    for char in "\\|{}":
        text = text.replace(char, "\\" + char)
    return "|" + text.replace("\n", "\\n") + "|"


def _abap_char(text: str) -> str:
    """An ABAP character literal ``'…'`` (``'`` doubled), a long value joined with ``&&`` (a
    literal holds 255 characters at most)."""
    return " && ".join("'" + text[n:n + 200].replace("'", "''") + "'" for n in range(0, len(text), 200))


def k6_http_post(request: Request) -> list[str]:
    # grafana.com/docs/k6, k6/http post(url, [body], [params]): `http.post(url, body, { headers: {…} })`, a
    # string body sent as is; formatted by prettier (double quotes, trailing commas), a value longer than the
    # line split by hand into parts joined with `[…].join("")`.
    def value(text: str) -> list[str]:
        if len(text) <= 80:
            return [json.dumps(text) + ","]
        return ["[", *(f"  {json.dumps(text[n:n + 64])}," for n in range(0, len(text), 64)), '].join(""),']

    def key(name: str) -> str:
        return name if name.isidentifier() else json.dumps(name)

    lines = []
    for name, text in request.headers:
        first, *rest = value(text)
        lines += [f"      {key(name)}: {first}", *(f"      {line}" for line in rest)]
    return ['import http from "k6/http";', 'import { check } from "k6";', "", "export default function () {",
            f"  const url = {json.dumps(request.url)};", *f"  const payload = `{request.body}`;".split("\n"),
            "  const params = {", "    headers: {", *lines, "    },", "  };",
            f"  const res = http.{request.method.lower()}(url, payload, params);",
            '  check(res, { "status is 200": (r) => r.status === 200 });', "}"]


def locust_task(request: Request) -> list[str]:
    # docs.locust.io, Writing a locustfile: `class U(HttpUser)` with `host = "https://…"`, a `@task` method
    # calling `self.client.post("/path", data=…, headers={…})` (requests' arguments), the body a raw string.
    return ["from locust import HttpUser, between, task", "", "", "class PayoutUser(HttpUser):",
            f'    host = "https://{request.host}"', "    wait_time = between(1, 3)", "", "    @task",
            "    def transfer(self):", *f'        body = r"""{request.body}"""'.split("\n"),
            f"        self.client.{request.method.lower()}(", f"            {json.dumps(request.path)},",
            "            data=body,", "            headers={",
            *(f"                {json.dumps(name)}: {json.dumps(value)}," for name, value in request.headers),
            "            },", '            name="transfer",', "        )"]


def karate_feature(request: Request) -> list[str]:
    # karatelabs.github.io/karate: `Given url '…'`, `And header Name = '…'` (a JS expression), `* text` for
    # a body sent as written (`request` with a JSON docstring would re-serialise it), `When method post`.
    return ["Feature: payouts", "", "  Scenario: transfer", f"    Given url {_sq(request.url)}",
            *(f"    And header {name} = {_sq(value)}" for name, value in request.headers),
            "    * text payload =", '      """', *(f"      {line}" for line in request.body.split("\n")), '      """',
            "    And request payload", f"    When method {request.method.lower()}", "    Then status 200", ""]


def java_rest_assured(request: Request) -> list[str]:
    # rest-assured.io, Usage: `given().baseUri(…).header("Name", "value").body("…").when().post("/path")
    # .then().statusCode(200)` (static import of RestAssured.*) in a JUnit 5 test.
    return ["import static io.restassured.RestAssured.given;", "", "import org.junit.jupiter.api.Test;", "",
            "class TransferTest {", "    @Test", "    void transfer() {", "        given()",
            f'            .baseUri("https://{request.host}")',
            *(f"            .header({json.dumps(name)}, {json.dumps(value)})" for name, value in request.headers),
            f"            .body({json.dumps(request.body)})", "        .when()",
            f"            .{request.method.lower()}({json.dumps(request.path)})", "        .then()",
            "            .statusCode(200);", "    }", "}"]


def delphi_indy(request: Request) -> list[str]:
    # indyproject.org, TIdHTTP: `Request.ContentType`/`Request.UserAgent` properties,
    # `Request.CustomHeaders.AddValue(Name, Value)` for the rest, `Post(AURL, ASource: TStream)` with a
    # TStringStream of the body (TEncoding.UTF8); TLS by TIdSSLIOHandlerSocketOpenSSL.
    custom = [(name, value) for name, value in request.headers if name not in ("Content-Type", "User-Agent")]
    headers = dict(request.headers)
    return ["procedure TPayouts.Transfer;", "var", "  Http: TIdHTTP;", "  Body: TStringStream;", "begin",
            "  Http := TIdHTTP.Create(nil);",
            f"  Body := TStringStream.Create({_pascal(request.body)}, TEncoding.UTF8);",
            "  try", "    Http.IOHandler := TIdSSLIOHandlerSocketOpenSSL.Create(Http);",
            f"    Http.Request.ContentType := {_pascal(headers['Content-Type'])};",
            f"    Http.Request.UserAgent := {_pascal(headers['User-Agent'])};",
            *(f"    Http.Request.CustomHeaders.AddValue({_pascal(name)}, {_pascal(value)});" for name, value in custom),
            f"    Writeln(Http.{request.method.title()}({_pascal(request.url)}, Body));", "  finally", "    Body.Free;",
            "    Http.Free;", "  end;", "end;"]


def abap_http_client(request: Request) -> list[str]:
    # help.sap.com, IF_HTTP_CLIENT / IF_HTTP_ENTITY: `cl_http_client=>create_by_url( EXPORTING url = …
    # IMPORTING client = lo_client )`, `request->set_method( … )`, `request->set_header_field( name = …
    # value = … )`, `request->set_cdata( … )`, then `send( )` and `receive( )`; the body a string template.
    return ["DATA lo_client TYPE REF TO if_http_client.", "", "cl_http_client=>create_by_url(", "  EXPORTING",
            f"    url    = {_abap_char(request.url)}", "  IMPORTING", "    client = lo_client ).",
            f"lo_client->request->set_method( '{request.method}' ).",
            *(f"lo_client->request->set_header_field( name = {_abap_char(name)} value = {_abap_char(value)} )."
              for name, value in request.headers),
            f"DATA(lv_body) = {_abap(request.body)}.", "lo_client->request->set_cdata( lv_body ).",
            "lo_client->send( ).", "lo_client->receive( ).",
            "lo_client->response->get_status( IMPORTING code = DATA(lv_code) ).", "WRITE: / lv_code.",
            "lo_client->close( )."]


def php_curl_setopt_array(request: Request) -> list[str]:
    # php.net, curl_setopt_array and curl_setopt: `CURLOPT_CUSTOMREQUEST`, `CURLOPT_POSTFIELDS` (a string sent
    # as is), `CURLOPT_HTTPHEADER` an array of "Name: value" lines; the body a nowdoc (PHP 5.3+).
    return ["<?php", "", "$body = <<<'JSON'", *request.body.split("\n"), "JSON;", "", "$curl = curl_init();",
            "curl_setopt_array($curl, [", f"    CURLOPT_URL => {_sq(request.url)},",
            "    CURLOPT_RETURNTRANSFER => true,", f"    CURLOPT_CUSTOMREQUEST => '{request.method}',",
            "    CURLOPT_POSTFIELDS => $body,", "    CURLOPT_HTTPHEADER => [",
            *(f"        {_sq(f'{name}: {value}')}," for name, value in request.headers), "    ],", "]);",
            "$response = curl_exec($curl);", "curl_close($curl);", "echo $response;"]


def go_table_test(request: Request) -> list[str]:
    # pkg.go.dev/net/http: `http.NewRequest(method, url, body io.Reader)`, `req.Header.Set(name, value)`,
    # `http.DefaultClient.Do(req)`; go.dev/wiki/TableDrivenTests: cases as a slice of structs, `t.Run`.
    return ["func TestTransfer(t *testing.T) {", "\ttests := []struct {", "\t\tname    string",
            "\t\tmethod  string", "\t\turl     string", "\t\theaders map[string]string", "\t\tbody    string",
            "\t}{", "\t\t{", '\t\t\tname:   "payout",', f"\t\t\tmethod: http.Method{request.method.title()},",
            f"\t\t\turl:    {json.dumps(request.url)},", "\t\t\theaders: map[string]string{",
            *(f"\t\t\t\t{json.dumps(name)}: {json.dumps(value)}," for name, value in request.headers), "\t\t\t},",
            *f"\t\t\tbody: `{request.body}`,".split("\n"), "\t\t},", "\t}", "\tfor _, tt := range tests {",
            "\t\tt.Run(tt.name, func(t *testing.T) {",
            "\t\t\treq, err := http.NewRequest(tt.method, tt.url, strings.NewReader(tt.body))",
            "\t\t\tif err != nil {", "\t\t\t\tt.Fatal(err)", "\t\t\t}", "\t\t\tfor k, v := range tt.headers {",
            "\t\t\t\treq.Header.Set(k, v)", "\t\t\t}", "\t\t\tresp, err := http.DefaultClient.Do(req)",
            "\t\t\tif err != nil {", "\t\t\t\tt.Fatal(err)", "\t\t\t}", "\t\t\tdefer resp.Body.Close()", "\t\t})",
            "\t}", "}"]


def csharp_flurl(request: Request) -> list[str]:
    # flurl.dev, Fluent HTTP: `await "https://…".WithHeader("Name", "value").PostStringAsync(body)` on the URL
    # string itself (Flurl.Http's extension methods); the body a C# 11 raw string literal.
    lines = request.body.split("\n")
    body = ([f'        .PostStringAsync("""{lines[0]}""");'] if len(lines) == 1 else
            ['        .PostStringAsync("""', *(f"            {line}" for line in lines), '            """);'])
    return ["using Flurl.Http;", "", f"var response = await {json.dumps(request.url)}",
            *(f"        .WithHeader({json.dumps(name)}, {json.dumps(value)})" for name, value in request.headers),
            *body, "Console.WriteLine(response.StatusCode);"]


def vbnet_httpwebrequest(request: Request) -> list[str]:
    # learn.microsoft.com, System.Net.HttpWebRequest (VB): `CType(WebRequest.Create(url), HttpWebRequest)`,
    # `.Method`, `.ContentType`, `.UserAgent` properties, `.Headers.Add(name, value)`, the body written to
    # `GetRequestStream()` as UTF-8 bytes.
    custom = [(name, value) for name, value in request.headers if name not in ("Content-Type", "User-Agent")]
    headers = dict(request.headers)
    return [f"Dim request As HttpWebRequest = CType(WebRequest.Create({_vb(request.url)}), HttpWebRequest)",
            f"request.Method = {_vb(request.method)}", f"request.ContentType = {_vb(headers['Content-Type'])}",
            f"request.UserAgent = {_vb(headers['User-Agent'])}",
            *(f"request.Headers.Add({_vb(name)}, {_vb(value)})" for name, value in custom),
            f"Dim body As String = {_vb(request.body)}", "Dim bytes As Byte() = Encoding.UTF8.GetBytes(body)",
            "request.ContentLength = bytes.Length", "Using stream As Stream = request.GetRequestStream()",
            "    stream.Write(bytes, 0, bytes.Length)", "End Using",
            "Using response As HttpWebResponse = CType(request.GetResponse(), HttpWebResponse)",
            "    Console.WriteLine(response.StatusCode)", "End Using"]


SHAPES = [case(k6_http_post, "script.js"), case(locust_task, "locustfile.py"),
          case(karate_feature, "transfer.feature",
               missed="a Karate feature is test code (its requests fixtures, by design), and Gherkin's steps "
                      "(`And header Name = …`, `When method post`) no calls to the readers"),
          case(java_rest_assured, "TransferTest.java",
               missed="test code (FooTest.java): its requests are fixtures by design (source_files); the chain "
                      "itself is read"),
          case(delphi_indy, "Payouts.pas"), case(abap_http_client, "zpayouts.abap"),
          case(php_curl_setopt_array, "transfer.php"),
          case(go_table_test, "transfer_test.go",
               missed="test code (*_test.go): its requests are fixtures by design; nor are the cases' fields "
                      "(`method: http.MethodPost`, a `map[string]string{…}` set by a loop) a request's parts"),
          case(csharp_flurl, "Transfer.cs"), case(vbnet_httpwebrequest, "Transfer.vb")]
HEADERS_ONLY: list[object] = []
NO_HEADERS: list[object] = []
