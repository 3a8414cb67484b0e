"""A seventh blind corpus of requests written as source code: the four money-out requests of
:mod:`helpers.signed_shapes` as production code sent from where Brazilian payment integrations
really send them besides a service — DATABASES, SPREADSHEETS, BUSINESS PLATFORMS and MOBILE APPS —
in idioms none of the six code corpora before it has: an Oracle PL/SQL package calling ``UTL_HTTP``
(``begin_request``, ``set_header``, ``write_text``), a SQL Server procedure driving
``MSXML2.ServerXMLHTTP`` by OLE Automation (``sp_OACreate``, ``sp_OAMethod … 'setRequestHeader'``), an
Azure SQL procedure calling ``sp_invoke_external_rest_endpoint`` (``@headers`` a JSON object,
``@payload``), a PostgreSQL function of pgsql-http (``http(('POST', url, ARRAY[http_header(…)],
content_type, content)::http_request)``), an Excel VBA module with ``WinHttp.WinHttpRequest.5.1``, a
Power Query M query (``Web.Contents(url, [Headers = […], Content = Text.ToBinary(…)])``), an Android
Volley ``StringRequest`` overriding ``getHeaders``/``getBody``, an Android Retrofit interface
(``@Headers``, ``@POST``, ``@Header`` parameters) called from a Kotlin coroutine, a Flutter service's
``http.post(Uri.https(…), headers: {…}, body: …)`` and a ColdFusion component's ``cfhttp`` with
``cfhttpparam`` tags — each faithful to the public documentation (a comment above each shape names
it). Every shape writes the body as the bytes sent (``SHAPES``).

Written blind (before reading the source readers): 1 of 10 passed (Volley's ``StringRequest`` with
``getHeaders``/``getBody`` overridden); the other nine were strict expected failures. All ten pass now, by
general rules of :mod:`keyaudit.inputs.captures`:

- a language's literals as data (``source_languages.LANGUAGES``, ``source_files.FAMILY``): SQL's (``.sql``,
  PL/SQL's ``.pkb``/``.pks``: ``'…'`` with the quote doubled, T-SQL's national ``N'…'``, ``--`` comments, ``@name``
  a variable's name, a declaration's type between the name and its value left out — PL/SQL's ``l_body
  VARCHAR2(32767) := …``, T-SQL's ``DECLARE @body NVARCHAR(4000) = …``), VBA's modules (``.bas``) as VB's, Power
  Query M's (``.pq``: ``"…"`` with the quote doubled, the escapes ``#(lf)``, ``#(#)``, a quoted name
  ``#"Content-Type"``), CFML's (``.cfc``, ``.cfm``: ``<!--- --->`` comments, a string that expands one name whole,
  ``"#corpo#"``, is that name);
- calls written otherwise than ``name(args)`` (``source_calls``): a procedure called as a statement, its arguments
  unbracketed to the statement's end — a member a VB line starts with (``http.SetRequestHeader "Name", "value"``),
  the procedure after T-SQL's ``EXEC [@ret =]`` (``sp_invoke_external_rest_endpoint @url = N'…', …``: labelled
  arguments, from the next line on), OLE Automation's ``sp_OAMethod @obj, 'send', NULL, @body`` the object's method
  ``obj.send(body)`` —, and a markup language's tags (``<cfhttp url="…" method="post">`` a call ``cfhttp(url = …,
  method = …)``, a closing tag none);
- headers (``source_headers``): a header setter's name compared whatever its case and underscores (VB's
  ``SetRequestHeader``, PL/SQL's ``set_header``, pgsql-http's ``http_header``), one given the request first
  (``UTL_HTTP.set_header(l_req, 'Name', 'value')``: the name and value after it), a map of headers written as a
  JSON object in a string (Azure SQL's ``@headers = N'{"Name":"value"}'``), a parameter typed a header
  (``<cfhttpparam type="header" name=… value=…>``);
- requests (``source_requests``, ``source_values``): a method word given after the URL (``begin_request(url,
  'POST')``); a body given to a call named for sending it (WinHttp's ``Send``, UTL_HTTP's ``write_text(req, body)``),
  by a parameter typed the body (``<cfhttpparam type="body" value=…>``), or as the last literal of a request
  written by position (pgsql-http's ``('POST', url, ARRAY[…], content_type, content)::http_request``, as k6's
  ``['POST', url, body, params]``); a body with no method named a POST (Power Query's ``Web.Contents(url, [Content =
  …])``, as curl's ``CURLOPT_POSTFIELDS``), and a type's or a module's function given a name that passes its text on
  (``Text.ToBinary(corpo)``) that name; a URL built of its scheme, host and path (Dart's ``Uri.https(host, path)``).

- a request declared in one place and its base URL bound in another (``source_declared``): Retrofit's interface
  method (``@Headers("Name: value")``, ``@POST("v1/…")``, parameters annotated ``@Header("Name")`` and ``@Body``)
  joined to the client ``Retrofit.Builder().baseUrl(…)…create(Api::class.java)`` builds and binds, at each call of
  the method on it, each parameter given the value the call passes to it by name or by place.
"""

from __future__ import annotations

import json

from helpers.signed_shapes import BASE, Request, call_headers, case, header_value


def _sql(text: str) -> str:
    """A string literal of SQL (PL/SQL, T-SQL, PostgreSQL) or CFML: ``'`` doubled, a line break
    held as it is."""
    return "'" + text.replace("'", "''") + "'"


def _vb(text: str) -> str:
    """A string expression of VBA: each line a ``"…"`` literal (``"`` doubled), joined by ``& vbLf &``."""
    return " & vbLf & ".join('"' + line.replace('"', '""') + '"' for line in text.split("\n"))


def _m(text: str) -> str:
    """A text literal of Power Query M: ``"`` doubled, a line break the escape ``#(lf)``."""
    return '"' + text.replace('"', '""').replace("#(", "#(#)(").replace("\n", "#(lf)") + '"'


def _m_name(name: str) -> str:
    """A field name of an M record: a quoted identifier ``#"…"`` where it is no plain identifier."""
    return name if name.replace("_", "a").isalnum() else f'#"{name}"'


def plsql_utl_http(request: Request) -> list[str]:
    # docs.oracle.com, Database PL/SQL Packages and Types Reference, UTL_HTTP: `UTL_HTTP.BEGIN_REQUEST(url,
    # method, http_version)` returning a `UTL_HTTP.req`, `SET_HEADER(r, name, value)`, `WRITE_TEXT(r, data)`,
    # `GET_RESPONSE(r)`, `END_RESPONSE`; an HTTPS URL needs a wallet (`SET_WALLET`). A package body.
    return ["CREATE OR REPLACE PACKAGE BODY pkg_repasses AS", "",
            "  FUNCTION transferir RETURN PLS_INTEGER IS", "    l_req  UTL_HTTP.req;", "    l_resp UTL_HTTP.resp;",
            "    l_status PLS_INTEGER;", *f"    l_body VARCHAR2(32767) := {_sql(request.body)};".split("\n"),
            "  BEGIN", "    UTL_HTTP.set_wallet('file:/u01/app/oracle/wallet', NULL);",
            f"    l_req := UTL_HTTP.begin_request({_sql(request.url)}, '{request.method}', 'HTTP/1.1');",
            *(f"    UTL_HTTP.set_header(l_req, {_sql(name)}, {_sql(value)});" for name, value in request.headers),
            "    UTL_HTTP.set_header(l_req, 'Content-Length', LENGTHB(l_body));",
            "    UTL_HTTP.write_text(l_req, l_body);", "    l_resp := UTL_HTTP.get_response(l_req);",
            "    l_status := l_resp.status_code;", "    UTL_HTTP.end_response(l_resp);", "    RETURN l_status;",
            "  END transferir;", "", "END pkg_repasses;", "/"]


def tsql_ole_automation(request: Request) -> list[str]:
    # learn.microsoft.com, OLE Automation Stored Procedures (Transact-SQL): `sp_OACreate progid, @obj OUT`,
    # `sp_OAMethod @obj, 'method', @returnval OUT, params…`, `sp_OAGetProperty`, `sp_OADestroy`; the methods
    # of MSXML's ServerXMLHTTP (`open(method, url, async)`, `setRequestHeader(name, value)`, `send(body)`).
    return ["CREATE OR ALTER PROCEDURE dbo.usp_TransferirPix", "AS", "BEGIN", "    SET NOCOUNT ON;",
            "    DECLARE @obj INT, @hr INT, @status INT;",
            *f"    DECLARE @body NVARCHAR(4000) = N{_sql(request.body)};".split("\n"), "",
            "    EXEC @hr = sp_OACreate 'MSXML2.ServerXMLHTTP.6.0', @obj OUT;",
            f"    EXEC @hr = sp_OAMethod @obj, 'open', NULL, '{request.method}', {_sql(request.url)}, 'false';",
            *(f"    EXEC @hr = sp_OAMethod @obj, 'setRequestHeader', NULL, {_sql(name)}, {_sql(value)};"
              for name, value in request.headers),
            "    EXEC @hr = sp_OAMethod @obj, 'send', NULL, @body;",
            "    EXEC @hr = sp_OAGetProperty @obj, 'status', @status OUT;", "    EXEC sp_OADestroy @obj;",
            "    RETURN @status;", "END;", "GO"]


def azure_sql_rest_endpoint(request: Request) -> list[str]:
    # learn.microsoft.com, sp_invoke_external_rest_endpoint (Transact-SQL): `EXEC @ret =
    # sp_invoke_external_rest_endpoint @url = …, @method = 'POST', @headers = N'{…}' (a JSON object of
    # the request's headers), @payload = N'…' (the body, sent as it is), @response = @response OUTPUT`.
    headers = json.dumps(dict(request.headers), separators=(",", ":"))
    return ["CREATE OR ALTER PROCEDURE payouts.usp_Transferir", "AS", "BEGIN",
            "    DECLARE @ret INT, @response NVARCHAR(MAX);", "    EXEC @ret = sp_invoke_external_rest_endpoint",
            f"        @url = N{_sql(request.url)},", f"        @method = '{request.method}',",
            f"        @headers = N{_sql(headers)},", *f"        @payload = N{_sql(request.body)},".split("\n"),
            "        @timeout = 30,", "        @response = @response OUTPUT;",
            "    SELECT @ret AS ReturnCode, @response AS Response;", "END;", "GO"]


def pgsql_http_extension(request: Request) -> list[str]:
    # github.com/pramsey/pgsql-http README: `http(request http_request)` given a composite literal
    # `('POST', url, ARRAY[http_header(name, value)], content_type, content)::http_request`; the
    # content type its own field, the other headers in the array; a plpgsql function.
    headers = [(name, value) for name, value in request.headers if name != "Content-Type"]
    array = ", ".join(f"http_header({_sql(name)}, {_sql(value)})" for name, value in headers)
    return ["CREATE OR REPLACE FUNCTION payouts.transferir() RETURNS integer", "LANGUAGE plpgsql AS $fn$",
            "DECLARE", "  resposta http_response;", "BEGIN", "  SELECT * INTO resposta FROM http((",
            f"    '{request.method}',", f"    {_sql(request.url)},", f"    ARRAY[{array}],",
            f"    {_sql(header_value(request, 'Content-Type'))},", *f"    {_sql(request.body)}".split("\n"),
            "  )::http_request);", "  RETURN resposta.status;", "END;", "$fn$;"]


def vba_winhttp(request: Request) -> list[str]:
    # learn.microsoft.com, WinHttpRequest object (WinHTTP): `CreateObject("WinHttp.WinHttpRequest.5.1")`,
    # `Open(Method, Url, Async)`, `SetRequestHeader(Header, Value)`, `Send(Body)`, `Status`; VBA calls a
    # method as a statement without parentheses; an Excel workbook's standard module (.bas).
    return ['Attribute VB_Name = "ModRepasses"', "Option Explicit", "",
            "Public Function TransferirPix() As Long", "    Dim http As Object", "    Dim corpo As String",
            f"    corpo = {_vb(request.body)}", '    Set http = CreateObject("WinHttp.WinHttpRequest.5.1")',
            f'    http.Open "{request.method}", "{request.url}", False',
            *(f'    http.SetRequestHeader "{name}", "{value}"' for name, value in request.headers),
            "    http.Send corpo", "    TransferirPix = http.Status", "End Function"]


def power_query_web_contents(request: Request) -> list[str]:
    # learn.microsoft.com/powerquery-m/web-contents: `Web.Contents(url, [Headers = […], Content = …])`;
    # `Content` makes the request a POST of that binary (`Text.ToBinary(text)`), `Headers` a record;
    # M's text escapes `#(lf)`, quoted identifiers `#"Content-Type"`.
    fields = ", ".join(f"{_m_name(name)} = {_m(value)}" for name, value in request.headers)
    return ["let", f"    corpo = {_m(request.body)},", "    resposta = Web.Contents(", f"        {_m(request.url)},",
            "        [", f"            Headers = [{fields}],", "            Content = Text.ToBinary(corpo)",
            "        ]", "    ),", "    resultado = Json.Document(resposta)", "in", "    resultado"]


def android_volley_string_request(request: Request) -> list[str]:
    # google.github.io/volley, "Implement a custom request" and Request<T>: a `StringRequest(method, url,
    # listener, errorListener)` whose anonymous subclass overrides `getHeaders()`, `getBodyContentType()`
    # and `getBody()` (the bytes sent); `RequestQueue.add(request)`.
    headers = [(name, value) for name, value in request.headers if name != "Content-Type"]
    return ["package br.com.app.pagamentos;", "", "import android.content.Context;",
            "import com.android.volley.Request;", "import com.android.volley.RequestQueue;",
            "import com.android.volley.Response;", "import com.android.volley.toolbox.StringRequest;",
            "import com.android.volley.toolbox.Volley;", "import java.nio.charset.StandardCharsets;",
            "import java.util.HashMap;", "import java.util.Map;", "", "public class RepasseRepository {", "",
            "    private final RequestQueue queue;", "", "    public RepasseRepository(Context context) {",
            "        queue = Volley.newRequestQueue(context.getApplicationContext());", "    }", "",
            "    public void transferir(Response.Listener<String> ok, Response.ErrorListener erro) {",
            f"        final String body = {json.dumps(request.body)};",
            f"        StringRequest request = new StringRequest(Request.Method.{request.method},",
            f"                {json.dumps(request.url)}, ok, erro) {{", "            @Override",
            "            public Map<String, String> getHeaders() {",
            "                Map<String, String> headers = new HashMap<>();",
            *(f"                headers.put({json.dumps(name)}, {json.dumps(value)});" for name, value in headers),
            "                return headers;", "            }", "", "            @Override",
            "            public String getBodyContentType() {",
            f"                return {json.dumps(header_value(request, 'Content-Type'))};", "            }", "",
            "            @Override", "            public byte[] getBody() {",
            "                return body.getBytes(StandardCharsets.UTF_8);", "            }", "        };",
            "        queue.add(request);", "    }", "}"]


def _kotlin_parameter(name: str) -> str:
    """A Kotlin parameter's name for a header: ``Request-Time`` is ``requestTime``."""
    first, *rest = name.replace("_", "-").split("-")
    return first.lower() + "".join(part.title() for part in rest)


def android_retrofit_coroutine(request: Request) -> list[str]:
    # square.github.io/retrofit: an interface whose `@POST("path")` is relative to `Retrofit.Builder()
    # .baseUrl(…)`, static headers in `@Headers("Name: value", …)`, a dynamic one a `@Header("Name")`
    # parameter, `@Body` a `RequestBody` sent as is; a `suspend fun` called from a coroutine; OkHttp's
    # `toRequestBody(mediaType)`.
    extra = call_headers(request)
    static = ", ".join(json.dumps(f"{name}: {header_value(request, name)}") for name in BASE)
    params = [f'@Header("{name}") {_kotlin_parameter(name)}: String, ' for name, _ in extra]
    args = [f"{_kotlin_parameter(name)} = {json.dumps(value)}, " for name, value in extra]
    return ["package br.com.app.pagamentos", "", "import okhttp3.MediaType.Companion.toMediaType",
            "import okhttp3.RequestBody", "import okhttp3.RequestBody.Companion.toRequestBody",
            "import okhttp3.ResponseBody", "import retrofit2.Response", "import retrofit2.Retrofit",
            "import retrofit2.http.Body", "import retrofit2.http.Header", "import retrofit2.http.Headers",
            "import retrofit2.http.POST", "", "interface TransfersApi {", f"    @Headers({static})",
            f"    @{request.method}({json.dumps(request.path.lstrip('/'))})",
            f"    suspend fun transferir({''.join(params)}@Body corpo: RequestBody): Response<ResponseBody>",
            "}", "", "class RepasseRepository {", "    private val api: TransfersApi = Retrofit.Builder()",
            f'        .baseUrl("https://{request.host}/")', "        .build()",
            "        .create(TransfersApi::class.java)", "", "    suspend fun transferir(): Int {",
            *f'        val corpo = """{request.body}"""'.split("\n"),
            f"            .toRequestBody({json.dumps(header_value(request, 'Content-Type'))}.toMediaType())",
            f"        return api.transferir({''.join(args)}corpo = corpo).code()", "    }", "}"]


def flutter_http_post(request: Request) -> list[str]:
    # pub.dev/packages/http: `http.post(Uri.https(authority, path), headers: {…}, body: …)` — a String body
    # sent as is, encoded as UTF-8; Dart's raw multi-line strings `r'''…'''`; a Flutter app's service class.
    return ["import 'package:http/http.dart' as http;", "", "class RepasseService {",
            "  Future<int> transferir() async {", *f"    const corpo = r'''{request.body}''';".split("\n"),
            "    final resposta = await http.post(", f"      Uri.https('{request.host}', '{request.path}'),",
            "      headers: {", *(f"        '{name}': '{value}'," for name, value in request.headers), "      },",
            "      body: corpo,", "    );", "    return resposta.statusCode;", "  }", "}"]


def coldfusion_cfhttp(request: Request) -> list[str]:
    # helpx.adobe.com, ColdFusion tags: `<cfhttp url="…" method="post" result="…">` with `<cfhttpparam
    # type="header" name="…" value="…">` and `<cfhttpparam type="body" value="#corpo#">`; a component's
    # `<cffunction>`, the body a CFML string (`'` doubled, `#` a variable's mark).
    return ['<cfcomponent displayname="RepasseService" output="false">',
            '    <cffunction name="transferir" access="public" returntype="numeric" output="false">',
            *f"        <cfset var corpo = {_sql(request.body)}>".split("\n"),
            f'        <cfhttp url="{request.url}" method="{request.method.lower()}" charset="utf-8"'
            ' result="resposta" timeout="30">',
            *(f'            <cfhttpparam type="header" name="{name}" value="{value}">'
              for name, value in request.headers),
            '            <cfhttpparam type="body" value="#corpo#">', "        </cfhttp>",
            "        <cfreturn val(resposta.statusCode)>", "    </cffunction>", "</cfcomponent>"]


SHAPES = [case(plsql_utl_http, "pkg_repasses.pkb"),
          case(tsql_ole_automation, "usp_TransferirPix.sql"),
          case(azure_sql_rest_endpoint, "usp_Transferir.sql"),
          case(pgsql_http_extension, "transferir.sql"),
          case(vba_winhttp, "ModRepasses.bas"),
          case(power_query_web_contents, "Repasses.pq"),
          case(android_volley_string_request, "RepasseRepository.java"),
          case(android_retrofit_coroutine, "RepasseRepository.kt"),
          case(flutter_http_post, "repasse_service.dart"),
          case(coldfusion_cfhttp, "RepasseService.cfc")]
HEADERS_ONLY: list[object] = []
NO_HEADERS: list[object] = []
