"""Payouts written as application code, the shapes real integrations of Asaas and iugu send their
money-out calls in (a Laravel controller, a serverless function, a Node payout route), scanned as a
pre-commit hook scans a tree: each names its method, URL and every header as literals, so each
transfer it sends without a signature is one finding — and the option reading of C's cURL still
reads what it read (real files in a temporary tree, the CLI)."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.running import request_urls, scan_json

ASAAS_TRANSFERS = "https://api.asaas.com/v3/transfers"


def test_a_call_chained_by_an_arrow_on_a_builders_result_sends_its_method(tmp_path: Path) -> None:
    """Laravel's HTTP client: ``Http::withHeaders([…])->post(url, […])``. The POST is called on what
    ``withHeaders`` returns, as JavaScript's ``client.defaults(…).post(url)`` is: PHP's ``->`` chains
    it as ``.`` does (the call was read as a function named ``post``, so no method, no request)."""
    code = ("<?php\nnamespace App\\Http\\Controllers;\n\nclass Payouts extends Controller\n{\n"
            "    public function payout(Request $request)\n    {\n"
            "        $response = Http::withHeaders([\n            'accept' => 'application/json',\n"
            "            'access_token' => env('ASAAS_PAYOUT_KEY'),\n"
            f"        ])->post('{ASAAS_TRANSFERS}', [\n            'value' => $request->input('amount'),\n"
            "            'operationType' => 'PIX',\n        ]);\n        return $response->json();\n    }\n}\n")
    assert request_urls(tmp_path, "app/Http/Controllers/Payouts.php", code) == [
        ("asaas-unsigned-transfer", ASAAS_TRANSFERS)]


def test_a_constant_the_code_binds_is_its_variable_not_a_librarys_option(tmp_path: Path) -> None:
    """``const PAYOUT_URL = '…'; axios.post(PAYOUT_URL, {…}, {headers})``: a name in capitals given to
    a call is an option's only where the group does not bind it (``CURLOPT_URL``); read as an option,
    the URL's name also held the body after it, two values, so the call was given no URL."""
    code = ("import axios from 'axios';\nexport const handler = async (event: any) => {\n"
            "    const KEY = process.env.ASAAS_API_KEY;\n"
            f"    const PAYOUT_URL = '{ASAAS_TRANSFERS}';\n"
            "    const { amount, pixKey } = JSON.parse(event.body);\n"
            "    const response = await axios.post(\n        PAYOUT_URL,\n"
            "        { value: amount, pixAddressKey: pixKey, operationType: 'PIX' },\n"
            "        { headers: { 'access_token': KEY, 'Content-Type': 'application/json' } }\n    );\n"
            "    return { statusCode: 200, body: JSON.stringify(response.data) };\n};\n")
    assert request_urls(tmp_path, "netlify/functions/payout.ts", code) == [
        ("asaas-unsigned-transfer", ASAAS_TRANSFERS)]


def test_an_option_named_in_capitals_still_binds_its_value(tmp_path: Path) -> None:
    """The reading kept: libcurl's options, which the group never binds, still give the call its URL
    and body (the PHP of a marketplace's split, a transfer between iugu accounts)."""
    url = "https://api.iugu.com/v1/transfers"
    code = ("<?php\nclass Repasse {\n\tpublic function transferir($token)\n\t{\n"
            "\t\t$auth = base64_encode($token.':');\n\t\t$curl = curl_init();\n"
            f"\t\tcurl_setopt($curl, CURLOPT_URL, '{url}');\n"
            "\t\tcurl_setopt($curl, CURLOPT_CUSTOMREQUEST, 'POST');\n"
            "\t\tcurl_setopt($curl, CURLOPT_POSTFIELDS, '{\"receiver_id\":\"AB12\",\"amount_cents\":500}');\n"
            "\t\tcurl_setopt($curl, CURLOPT_HTTPHEADER, array('Authorization: Basic '.$auth));\n"
            "\t\treturn curl_exec($curl);\n\t}\n}\n")
    assert request_urls(tmp_path, "lib/Repasse.php", code) == [("iugu-unsigned-transfer", url)]


def test_a_transfer_sent_to_the_legacy_api_host_is_judged(tmp_path: Path) -> None:
    """``www.asaas.com/api/v3/transfers``: the API's money-out call on its legacy host, which old
    integrations still send; the website shares the host, but no page of it is that path."""
    url = "https://www.asaas.com/api/v3/transfers"
    code = ("const fetch = require('node-fetch');\nmodule.exports = async (req, res) => {\n"
            "  const { pixAddressKey, value } = req.body;\n"
            f"  const response = await fetch('{url}', {{\n    method: 'POST',\n"
            "    headers: { 'Content-Type': 'application/json', 'access_token': process.env.ASAAS_KEY },\n"
            "    body: JSON.stringify({ pixAddressKey, value }),\n  });\n"
            "  res.status(200).json(await response.json());\n};\n")
    assert request_urls(tmp_path, "api/saque.js", code) == [("asaas-unsigned-transfer", url)]


def test_a_constant_a_module_assigns_its_url_is_known_to_the_function_below_that_sends_it(tmp_path: Path) -> None:
    """A payout route's ``axios.post(ASAAS_URL, …)`` below a health check's function, the constant at the
    module's top: the literal anchors only its own group (up to the function's declaration), so the
    route's group, which sends it, was never read; it is placed where it sends the constant's name."""
    url = "https://www.asaas.com/api/v3/transfers"
    code = ("const express = require('express');\nconst axios = require('axios');\nconst app = express();\n\n"
            f"const ASAAS_API_KEY = process.env.ASAAS_API_KEY || '';\nconst ASAAS_URL = '{url}';\n\n"
            "async function checkBoot() {\n  console.log('boot ok');\n}\n\n"
            "app.post('/saque', async (req, res) => {\n  const { valor, chave } = req.body;\n"
            "  const r = await axios.post(ASAAS_URL, { value: valor, pixAddressKey: chave }, {\n"
            "    headers: { 'Content-Type': 'application/json', access_token: ASAAS_API_KEY },\n  });\n"
            "  res.json(r.data);\n});\n")
    path = tmp_path / "server.js"
    path.write_text(code)
    report, _ = scan_json(str(path))
    found = [(f["rule_id"], f["context"]["url"], f["location"]["line"], f["location"]["column"])
             for f in report["findings"]]
    assert found == [("asaas-unsigned-transfer", url, 14, code.split("\n")[13].index("ASAAS_URL") + 1)]


def test_a_base_constant_a_path_is_joined_to_is_the_url_sent(tmp_path: Path) -> None:
    """``ASAAS_BASE_URL + '/transfers'`` sends the URL the two make: the constant is its start, the path its rest,
    both written out (read as the constant alone, a POST to the base would be judged; read as built, none was)."""
    code = ("import requests\n\nASAAS_BASE_URL = 'http://api.asaas.com/v3'\n\n\n"
            "def payout(value, key):\n    return requests.post(ASAAS_BASE_URL + '/transfers', json={'value': value},\n"
            "                         headers={'access_token': key})\n")
    assert sorted(request_urls(tmp_path, "payouts.py", code)) == [
        ("asaas-plaintext-request", "http://api.asaas.com/v3/transfers"),
        ("asaas-unsigned-transfer", "http://api.asaas.com/v3/transfers")]


def test_the_response_a_controller_writes_sets_no_header_of_its_call(tmp_path: Path) -> None:
    """ASP.NET's ``Response.ContentType`` is the controller's response's, not the injected client's request's:
    read as a header of it, the call's headers were known (that one only) and the transfer called unsigned."""
    code = ("public class PayoutController : ControllerBase\n{\n    [HttpPost(\"payouts\")]\n"
            "    public async Task<IActionResult> Create(PayoutDto dto)\n    {\n"
            f"        var response = await _asaas.PostAsync(\"{ASAAS_TRANSFERS}\", Serialize(dto));\n"
            "        Response.ContentType = \"application/json\";\n"
            "        return Content(await response.Content.ReadAsStringAsync());\n    }\n}\n")
    assert request_urls(tmp_path, "Controllers/PayoutController.cs", code) == []


IUGU_TRANSFERS = "https://api.iugu.com/v1/transfer_requests"


def _indy_transfer(signing: str) -> str:
    return ("unit Repasses;\n\ninterface\n\nimplementation\n\n"
            "procedure TRepasses.Transferir(const Corpo, Assinatura, Momento: string);\nvar\n"
            "  HTTP: TIdHTTP;\n  Body: TStringStream;\nbegin\n  HTTP := TIdHTTP.Create(nil);\n"
            "  Body := TStringStream.Create(Corpo);\n  HTTP.Request.ContentType := 'application/json';\n"
            f"{signing}  HTTP.Post('{IUGU_TRANSFERS}', Body);\nend;\n\nend.\n")


def test_headers_indy_sets_by_its_values_index_or_by_a_line_are_the_requests(tmp_path: Path) -> None:
    """Indy's header list is set by name (``CustomHeaders.Values['Signature'] := …``, Pascal's ``:=``
    after an index) or by a header's line (``CustomHeaders.Add('Signature: ' + …)``): a transfer so
    signed was read with its Content-Type alone, every header known — an iugu-unsigned-transfer."""
    by_index = ("  HTTP.Request.CustomHeaders.Values['Signature'] := 'signature=' + Assinatura;\n"
                "  HTTP.Request.CustomHeaders.Values['Request-Time'] := Momento;\n")
    by_line = ("  HTTP.Request.CustomHeaders.Add('Signature: signature=' + Assinatura);\n"
               "  HTTP.Request.CustomHeaders.Add('Request-Time: ' + Momento);\n")
    unsigned = "  HTTP.Request.CustomHeaders.Values['Accept'] := 'application/json';\n"
    assert request_urls(tmp_path / "index", "src/Repasses.pas", _indy_transfer(by_index)) == []
    assert request_urls(tmp_path / "line", "src/Repasses.pas", _indy_transfer(by_line)) == []
    assert request_urls(tmp_path / "none", "src/Repasses.pas", _indy_transfer(unsigned)) == [
        ("iugu-unsigned-transfer", IUGU_TRANSFERS)]


def test_a_call_on_the_headers_given_one_value_that_is_no_header_line_leaves_them_unknown(tmp_path: Path) -> None:
    """``CustomHeaders.Add(Linha)`` with a line the group does not write out adds some header: the
    header set is unknown, so the transfer is not called unsigned."""
    assert request_urls(tmp_path, "src/Repasses.pas", _indy_transfer(
        "  HTTP.Request.CustomHeaders.Add(LinhaDeAssinatura(Corpo));\n")) == []


_PHP_HEADERS = ("<?php\nfunction repasse($sig, $body) {\n    $headers = ['Content-Type: application/json'];\n{}"
                "    $ch = curl_init('" + IUGU_TRANSFERS + "');\n    curl_setopt($ch, CURLOPT_POST, true);\n"
                "    curl_setopt($ch, CURLOPT_HTTPHEADER, $headers);\n"
                "    curl_setopt($ch, CURLOPT_POSTFIELDS, $body);\n"
                "    return curl_exec($ch);\n}\n")
_RESTSHARP = ("public class Repasse {\n    public IRestResponse Enviar(string sig, string body) {\n"
              '        var client = new RestClient("' + IUGU_TRANSFERS + '");\n{}'
              "        var request = new RestRequest(Method.POST);\n"
              '        request.AddParameter("application/json", body, ParameterType.RequestBody);\n'
              "        return client.Execute(request);\n    }\n}\n")
_VB_WEB_REQUEST = ("Public Class Repasse\n    Public Function Enviar(sig As String, corpo As String) As String\n"
                   '        Dim request As HttpWebRequest = CType(WebRequest.Create("' + IUGU_TRANSFERS
                   + '"), HttpWebRequest)\n        request.Method = "POST"\n{}'
                   "        Using writer As New StreamWriter(request.GetRequestStream())\n"
                   "            writer.Write(corpo)\n        End Using\n"
                   "        Return New StreamReader(request.GetResponse().GetResponseStream()).ReadToEnd()\n"
                   "    End Function\nEnd Class\n")


@pytest.mark.parametrize("name, template, signed, unsigned", [
    ("repasse.php", _PHP_HEADERS, "    $headers[] = 'Signature: signature=' . $sig;\n"
     "    $headers[] = 'Request-Time: ' . date('c');\n", "    $headers[] = 'Accept: application/json';\n"),
    ("repasse.php", _PHP_HEADERS,
     "    array_push($headers, 'Signature: signature=' . $sig, 'Request-Time: ' . date('c'));\n",
     "    array_push($headers, 'Accept: application/json');\n"),
    ("Repasse.cs", _RESTSHARP, '        client.AddDefaultHeader("Signature", "signature=" + sig);\n'
     '        client.AddDefaultHeader("Request-Time", DateTime.UtcNow.ToString("o"));\n',
     '        client.AddDefaultHeader("Accept", "application/json");\n'),
    ("Repasse.vb", _VB_WEB_REQUEST, '        request.Headers("Signature") = "signature=" & sig\n'
     '        request.Headers("Request-Time") = DateTime.UtcNow.ToString("o")\n',
     '        request.Headers("Accept") = "application/json"\n'),
])
def test_headers_appended_or_set_by_index_or_on_the_client_are_the_requests(
        name: str, template: str, signed: str, unsigned: str, tmp_path: Path) -> None:
    """PHP's ``$headers[] = 'Name: …'`` and ``array_push($headers, …)`` grow the list sent as
    CURLOPT_HTTPHEADER, RestSharp's ``client.AddDefaultHeader`` sets a header of every request the
    client sends, VB indexes ``request.Headers("Name") = …`` with parentheses: each signed transfer
    was read without its Signature, every header known — an iugu-unsigned-transfer."""
    assert request_urls(tmp_path / "signed", f"src/{name}", template.replace("{}", signed)) == []
    assert request_urls(tmp_path / "unsigned", f"src/{name}", template.replace("{}", unsigned)) == [
        ("iugu-unsigned-transfer", IUGU_TRANSFERS)]



def test_a_request_object_built_and_returned_has_headers_the_group_does_not_show(tmp_path: Path) -> None:
    """A request built and returned to the caller that sends it gets its headers there (a signer's):
    it was an iugu-unsigned-transfer. Sent where it is built, it is still one."""
    start = ("public class IuguTransfers\n{\n    private async Task<object> Montar(HttpClient client, string json)\n"
             f'    {{\n        var request = new HttpRequestMessage(HttpMethod.Post, "{IUGU_TRANSFERS}");\n'
             '        request.Headers.Add("Accept", "application/json");\n'
             '        request.Content = new StringContent(json, Encoding.UTF8, "application/json");\n')
    built = start + "        return request;\n    }\n}\n"
    sent = start + "        return await client.SendAsync(request);\n    }\n}\n"
    assert request_urls(tmp_path / "built", "src/IuguTransfers.cs", built) == []
    assert request_urls(tmp_path / "sent", "src/IuguTransfers.cs", sent) == [
        ("iugu-unsigned-transfer", IUGU_TRANSFERS)]


def test_a_raw_string_of_four_quotes_ends_at_four_and_the_request_after_it_is_read(tmp_path: Path) -> None:
    """C# 11's raw string is opened by three quotes or more and closed by as many (four, where its text holds
    three): read as closing at the first three, the rest of the method was a string, and its transfer was lost."""
    code = ("using System.Net.Http;\n\npublic class Payouts\n{\n"
            "    public async Task Send(HttpClient client, string key)\n    {\n"
            '        var note = """"\n            He said """quoted""" here\n            """";\n'
            f'        var request = new HttpRequestMessage(HttpMethod.Post, "{ASAAS_TRANSFERS}");\n'
            '        request.Headers.Add("access_token", key);\n'
            '        request.Content = new StringContent("{\\"value\\": 1}");\n'
            "        await client.SendAsync(request);\n    }\n}\n")
    assert request_urls(tmp_path, "Payouts/Send.cs", code) == [("asaas-unsigned-transfer", ASAAS_TRANSFERS)]


def test_a_pascal_character_code_in_digits_int_refuses_is_no_internal_error(tmp_path: Path) -> None:
    """``#1²``: a superscript two is a digit to ``str.isdigit`` and none to ``int()``: the file was an internal
    error, the transfer beside it unjudged. A code is read in ASCII digits (decimal, or ``$`` and hexadecimal)."""
    code = _indy_transfer("  HTTP.Request.CustomHeaders.Values['Accept'] := 'application/json';\n  Fim := #1\u00b2;\n")
    path = tmp_path / "src" / "Repasses.pas"
    path.parent.mkdir()
    path.write_text(code)
    report, _ = scan_json(str(path))
    assert report["errors"] == []
    assert [(f["rule_id"], f["context"]["url"]) for f in report["findings"]] == [
        ("iugu-unsigned-transfer", IUGU_TRANSFERS)]


def test_a_transfer_put_out_of_use_in_a_nested_comment_is_not_sent(tmp_path: Path) -> None:
    """OCaml's comments nest: a transfer inside a comment that holds another comment is out of use to the outer
    ``*)``; the one sent after it is the one reported (the inner ``*)`` was read as the close: the old call was
    reported, on line 3, and the live one, the same request, was lost among its findings)."""
    call = f'Client.post ~headers ~body:(`String "{{\\"value\\": 1}}") (Uri.of_string "{ASAAS_TRANSFERS}")\n'
    code = (f"let headers = Header.of_list [(\"access_token\", key)]\n(* old (* see #12 *)\nlet old = {call}*)\n\n"
            + "let x = 1\n" * 60 + f"let sent = {call}")
    path = tmp_path / "lib" / "payout.ml"
    path.parent.mkdir()
    path.write_text(code)
    report, _ = scan_json(str(path))
    assert [(f["rule_id"], f["location"]["line"]) for f in report["findings"]] == [("asaas-unsigned-transfer", 66)]


def test_an_erlang_character_literal_of_a_quote_loses_no_transfer_after_it(tmp_path: Path) -> None:
    """Erlang's ``$"`` is the character ``"``: read as a string's opening quote, the code after it was a string
    and the strings code, and the transfer httpc sends below it was lost."""
    code = ("-module(payouts_transfers).\n-export([transfer/0]).\n\nq() -> $\".\n\ntransfer() ->\n"
            f'    Url = "{ASAAS_TRANSFERS}",\n    Headers = [{{"access_token", "$aact_x"}}],\n'
            '    Body = <<"{\\"value\\": 1}">>,\n    {ok, {{_, Status, _}, _, _}} = httpc:request(post,\n'
            '        {Url, Headers, "application/json", Body}, [], []),\n    Status.\n')
    assert request_urls(tmp_path, "src/payouts.erl", code) == [("asaas-unsigned-transfer", ASAAS_TRANSFERS)]


def test_a_header_list_written_in_an_erlang_request_tuple_is_its_headers(tmp_path: Path) -> None:
    """httpc's request tuple ``{Url, [{"access_token", Key}], ContentType, Body}`` with the key a variable (the
    function's parameter): the header list, bound to no headers' name and with no dashed field, was not read, so
    the call's headers were unknown and the transfer, sent with no signature, was never called unsigned."""
    code = ("-module(payouts).\n-export([transfer/1]).\n\ntransfer(Key) ->\n"
            f'    Url = "{ASAAS_TRANSFERS}",\n    Body = <<"{{\\"value\\": 1}}">>,\n'
            '    httpc:request(post, {Url, [{"access_token", Key}], "application/json", Body}, [], []).\n')
    assert request_urls(tmp_path, "src/payouts.erl", code) == [("asaas-unsigned-transfer", ASAAS_TRANSFERS)]


def test_an_ocaml_character_literal_of_a_quote_loses_no_transfer_after_it(tmp_path: Path) -> None:
    """OCaml's ``'"'`` is the character ``"`` (its strings are in double quotes alone): read as a string's opening
    quote, the code after it was a string and the strings code, and the transfer cohttp sends below it was lost."""
    code = ("let q = '\"'\n\nlet headers = Cohttp.Header.of_list [(\"access_token\", \"$aact_x\")]\n"
            "let body = {|{\"value\": 1}|}\n"
            f'let sent = Client.post ~headers ~body:(`String body) (Uri.of_string "{ASAAS_TRANSFERS}")\n')
    assert request_urls(tmp_path, "lib/payout.ml", code) == [("asaas-unsigned-transfer", ASAAS_TRANSFERS)]


def test_a_url_constant_written_beside_a_call_leaves_the_call_its_url(tmp_path: Path) -> None:
    """A script's call at module level and a URL constant on the next line are one group naming two URLs: the one
    the call is given is the request's (the group named no one URL, and the plain-HTTP transfer was lost)."""
    plain = "http://sandbox.asaas.com/api/v3/transfers"
    code = (f'import requests\nrequests.post("{plain}", json={{"value": 1}})\n'
            'SANDBOX = "https://sandbox.asaas.com/api/v3"\n')
    assert request_urls(tmp_path, "scripts/pay.py", code) == [("asaas-plaintext-request", plain),
                                                                  ("asaas-unsigned-transfer", plain)]


def test_an_ocaml_comment_that_writes_a_close_in_a_string_loses_no_transfer(tmp_path: Path) -> None:
    """OCaml's comment ``(* … "*)" … *)``: the string's ``*)`` closes nothing; read as the close, the rest was code
    and its quote opened a string over the transfer cohttp sends below (lost)."""
    code = ('(* the comment closes with "*)" written in it *)\n\n'
            'let headers = Cohttp.Header.of_list [("access_token", "$aact_x")]\nlet body = {|{"value": 1}|}\n'
            f'let sent = Client.post ~headers ~body:(`String body) (Uri.of_string "{ASAAS_TRANSFERS}")\n')
    assert request_urls(tmp_path, "lib/payout.ml", code) == [("asaas-unsigned-transfer", ASAAS_TRANSFERS)]
