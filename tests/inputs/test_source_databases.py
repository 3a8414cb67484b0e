"""Requests sent from databases, spreadsheets, business platforms and apps, written as their source code: SQL (a
T-SQL procedure's ``EXEC``, PL/SQL's ``UTL_HTTP``, pgsql-http's request written by position), VBA, Power Query M,
Dart and ColdFusion's tags — scanned as a pre-commit hook scans a tree (real files, the CLI). What the code computes
stays unknown, never absent: only a request whose every header is written out may be called unsigned."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.credentials import iugu_token
from helpers.running import written_requests

URL = "https://api.iugu.com/v1/transfer_requests"


def _body() -> str:
    return '{"api_token":"%s","amount_cents":1050}' % iugu_token()


def test_a_procedure_s_headers_given_as_json_in_a_string_are_the_headers_it_sends(tmp_path: Path) -> None:
    """Azure SQL's ``sp_invoke_external_rest_endpoint @headers = N'{…}'``: a JSON object of the headers, so a
    transfer without its signature is unsigned; headers held by a variable the group does not bind are unknown."""
    call = ("CREATE PROCEDURE dbo.p AS\nBEGIN\n  DECLARE @ret INT, @response NVARCHAR(MAX);\n"
            "  EXEC @ret = sp_invoke_external_rest_endpoint\n    @url = N'%s',\n    @method = 'POST',\n"
            "    @headers = %s,\n    @payload = N'%s',\n    @response = @response OUTPUT;\nEND;\n")
    written = call % (URL, "N'{\"Content-Type\":\"application/json\"}'", _body())
    assert written_requests(tmp_path, "written.sql", written) == (["iugu-unsigned-transfer"], {"requests_judged": 1})
    computed = call % (URL, "@headers", _body())
    assert written_requests(tmp_path, "computed.sql", computed)[0] == []


def test_an_ole_object_s_methods_called_by_name_send_the_request(tmp_path: Path) -> None:
    """SQL Server's ``sp_OAMethod @obj, 'setRequestHeader', NULL, 'Name', 'value'`` is the object's method."""
    code = ("CREATE PROCEDURE dbo.p AS\nBEGIN\n  DECLARE @obj INT, @hr INT;\n"
            "  DECLARE @body NVARCHAR(4000) = N'%s';\n  EXEC @hr = sp_OACreate 'MSXML2.ServerXMLHTTP.6.0', @obj OUT;\n"
            "  EXEC @hr = sp_OAMethod @obj, 'open', NULL, 'POST', '%s', 'false';\n"
            "  EXEC @hr = sp_OAMethod @obj, 'setRequestHeader', NULL, 'Content-Type', 'application/json';\n"
            "  EXEC @hr = sp_OAMethod @obj, 'send', NULL, @body;\nEND;\n") % (_body(), URL)
    assert written_requests(tmp_path, "usp_repasse.sql", code) == (["iugu-unsigned-transfer"], {"requests_judged": 1})


@pytest.mark.parametrize(("name", "code"), [
    # PL/SQL: the request given first to UTL_HTTP's procedures, the method after the URL, a declared type no name
    ("pkg.pkb", "PROCEDURE p IS\n  r UTL_HTTP.req;\n  b VARCHAR2(4000) := '{body}';\nBEGIN\n"
                "  r := UTL_HTTP.begin_request('{url}', 'POST', 'HTTP/1.1');\n"
                "  UTL_HTTP.set_header(r, 'Content-Type', 'application/json');\n  UTL_HTTP.write_text(r, b);\nEND;\n"),
    # VBA: calls as statements, a header setter's name in another case
    ("Mod.bas", 'Sub P()\n  Dim http As Object\n  Set http = CreateObject("WinHttp.WinHttpRequest.5.1")\n'
                '  http.Open "POST", "{url}", False\n  http.SetRequestHeader "Content-Type", "application/json"\n'
                '  http.Send "{vb_body}"\nEnd Sub\n'),
    # Power Query M: a body given makes a POST, its text passed on by Text.ToBinary
    ("q.pq", 'let\n  b = "{m_body}",\n  r = Web.Contents("{url}", [Headers = [#"Content-Type" = "application/json"],'
             ' Content = Text.ToBinary(b)])\nin\n  r\n'),
    # Dart: a URL built of its scheme, host and path
    ("t.dart", "import 'package:http/http.dart' as http;\n\nFuture<void> p() async {{\n"
               "  await http.post(Uri.https('api.iugu.com', '/v1/transfer_requests'),\n"
               "      headers: {{'Content-Type': 'application/json'}}, body: r'{body}');\n}}\n"),
    # pgsql-http: a request written by position, its body the last literal after the URL
    ("f.sql", "SELECT status FROM http(('POST', '{url}', ARRAY[http_header('User-Agent', 'x')],"
              " 'application/json', '{body}')::http_request);\n"),
    # ColdFusion's tags: parameters typed a header and the body
    ("s.cfc", '<cffunction name="p">\n  <cfset var b = \'{body}\'>\n  <cfhttp url="{url}" method="post">\n'
              '    <cfhttpparam type="header" name="Content-Type" value="application/json">\n'
              '    <cfhttpparam type="body" value="#b#">\n  </cfhttp>\n</cffunction>\n'),
])
def test_a_transfer_written_in_each_language_is_read_with_its_headers_and_body(name: str, code: str,
                                                                               tmp_path: Path) -> None:
    body = _body()
    text = code.format(url=URL, body=body, vb_body=body.replace('"', '""'), m_body=body.replace('"', '""'))
    assert written_requests(tmp_path, name, text) == (["iugu-unsigned-transfer"], {"requests_judged": 1})


def test_a_web_contents_call_given_no_content_is_a_get(tmp_path: Path) -> None:
    """Power Query's ``Web.Contents`` posts only where it is given ``Content``: without, it reads (no transfer)."""
    code = f'let\n  r = Web.Contents("{URL}", [Headers = [#"Content-Type" = "application/json"]])\nin\n  r\n'
    assert written_requests(tmp_path, "q.pq", code)[0] == []


@pytest.mark.parametrize("name, code", [
    ("Transfers.jsx", 'import { Layout } from "antd";\nconst { Header, Content } = Layout;\n'
                      'export function Transfers({ apiKey }) {\n'
                      '  fetch("https://api.asaas.com/v3/transfers", {\n'
                      '    headers: { access_token: apiKey, "User-Agent": "painel" },\n  }).then((r) => r.json());\n'
                      '  return <Layout><Header>Transferências</Header><Content /></Layout>;\n}\n'),
    ("Consulta.cs", 'public class TransferQuery {\n  public async Task<string> List(HttpClient client, string key) {\n'
                    '    var msg = new HttpRequestMessage {\n'
                    '      RequestUri = new Uri("https://api.asaas.com/v3/transfers?limit=10"),\n    };\n'
                    '    msg.Headers.Add("access_token", key);\n    msg.Headers.Add("User-Agent", "erp");\n'
                    '    var resp = await client.SendAsync(msg);\n'
                    '    var Content = await resp.Content.ReadAsStringAsync();\n    return Content;\n  }\n}\n'),
])
def test_a_name_content_bound_or_destructured_is_no_body(tmp_path: Path, name: str, code: str) -> None:
    """Only Power Query's ``Content`` label, in the options given to ``Web.Contents``, makes a call with no method
    a POST: an Ant Design layout's ``Content`` beside a fetch, or C#'s ``var Content`` holding the reply's text beside
    a GET, are no body, and the reads they sit beside are no transfers."""
    assert written_requests(tmp_path, name, code)[0] == []
