"""Requests written as source code, scanned as a pre-commit hook scans a tree: only a request
whose method, URL and every header are literals of its statement group may be called unsigned;
whatever the code computes is unknown, never absent (real files in a temporary tree, the CLI).
"""

from __future__ import annotations

import base64
import time
from pathlib import Path

import pytest

from helpers.credentials import iugu_token
from helpers.running import scan_json, written_requests

URL = "https://api.iugu.com/v1/transfer_requests"


def _body() -> str:
    return '{"api_token":"%s","amount_cents":1050}' % iugu_token()


def test_a_request_written_out_in_literals_is_judged(tmp_path: Path) -> None:
    code = (f'import requests\n\nresponse = requests.post("{URL}",\n'
            f'    headers={{"Content-Type": "application/json"}},\n    data=\'{_body()}\')\n')
    assert written_requests(tmp_path, "payouts/transfer.py", code)[0] == ["iugu-unsigned-transfer"]


def test_a_request_in_code_is_placed_where_its_url_is_written(tmp_path: Path) -> None:
    """A pre-commit hook names the place to fix: the URL literal's line and column, as the text
    rule names a plain-HTTP URL it sees (not the start of the line)."""
    url = "http://api.iugu.com/v1/customers"
    code = f'import requests\n\ndef customers(token):\n    return requests.get("{url}", auth=(token, ""))\n'
    path = tmp_path / "billing.py"
    path.write_text(code)
    report, _ = scan_json(str(path))
    found = [(f["rule_id"], f["location"]["line"], f["location"]["column"]) for f in report["findings"]]
    assert found == [("iugu-plaintext-request", 4, code.split("\n")[3].index(url) + 1)]


def test_a_header_list_whose_value_the_code_ends_still_shows_the_header_set(tmp_path: Path) -> None:
    """PHP's cURL with `'Authorization: Basic ' . $key` among literal `Name: value` strings: the
    header is sent with a value the code computes; a response array named `$header` holds none."""
    code = ("<?php\nfunction split($keys, $data) {\n  $headers = array(\n    'Content-Type: application/json',\n"
            "    'Authorization: Basic ' . $keys['chave']\n  );\n"
            f"  $curl = curl_init('{URL}');\n  curl_setopt($curl, CURLOPT_CUSTOMREQUEST, 'POST');\n"
            "  curl_setopt($curl, CURLOPT_HTTPHEADER, $headers);\n"
            "  curl_setopt($curl, CURLOPT_POSTFIELDS, json_encode($data));\n  $response = curl_exec($curl);\n"
            "  $header = curl_getinfo($curl);\n  $header['httpcode'] = $code;\n  if ($code == '200') {\n"
            "    return $response;\n  }\n}\n")
    assert written_requests(tmp_path, "app/models/Iugu.php", code) == (
        ["iugu-unsigned-transfer"], {"requests_judged": 1})


SIGNED_BY_A_CALL = (f'func transfer(body string) {{\n  req, _ := http.NewRequest("POST", "{URL}", strings.NewReader(body))\n'
                    '  req.Header.Add("Content-Type", "application/json")\n  req.Header.Add("Signature", sign(body))\n'
                    '  req.Header.Add("Request-Time", "2026-11-22T10:00:00-03:00")\n  http.DefaultClient.Do(req)\n}\n')


def test_a_header_whose_value_the_code_computes_is_sent_with_its_signature_unverified(tmp_path: Path) -> None:
    found, counts = written_requests(tmp_path, "payouts/transfer.go", SIGNED_BY_A_CALL)
    assert (found, counts.get("requests_judged"), counts.get("signatures_unverified")) == ([], 1, 1)


@pytest.mark.parametrize("name, code", [
    ("passed_in.py", f'def send(headers, body):\n    return requests.post("{URL}", headers=headers, data=body)\n'),
    ("helper.py", f'payload = \'{{"amount_cents": 1050}}\'\nrequests.post("{URL}", headers=signed_headers(payload),'
                  ' data=payload)\n'),
    ("spread.js", f'fetch("{URL}", {{\n  method: "POST",\n  headers: {{ ...defaults, "Content-Type": "application/json" }},\n'
                  '  body: payload,\n});\n'),
    ("interceptor.js", 'const api = axios.create();\napi.interceptors.request.use(signIuguRequest);\n'
                       f'api.post("{URL}", payload, {{ headers: {{ "Content-Type": "application/json" }} }});\n'),
    ("session.py", f'session = make_session()\nsession.post("{URL}", data=payload)\n'),
    ("auth_object.py", f'requests.post("{URL}", auth=IuguAuth(token), data=payload)\n'),
    ("options_elsewhere.js", f'fetch("{URL}", {{ method: "POST", body: payload, dispatcher: agent }});\n'),
    ("signs.py", f'requests.post("{URL}", data=payload, timeout=sign_and_time(payload))\n'),
    ("axios_defaults.js", f'axios.post("{URL}", payload);\n'),
    ("header_argument.rb", f'Net::HTTP.post("{URL}", payload, headers)\n'),
    ("helper.ps1", f"$headers = Get-IuguHeaders -Body $body\nInvoke-RestMethod -Uri '{URL}' -Method Post"
                   " -Headers $headers -Body $body\n"),
    ("splatted.ps1", f"$params = @{{ Uri = '{URL}'; Method = 'POST'; Headers = $auth; Body = $body }}\n"
                     "Invoke-RestMethod @params\n"),
    ("helper.R", f'request("{URL}") |>\n  req_method("POST") |>\n  req_headers(!!!signed_headers(body)) |>\n'
                 '  req_body_raw(body) |>\n  req_perform()\n'),
    ("header_argument.pl", f"my $req = HTTP::Request->new(POST => '{URL}', $headers, $body);\n$ua->request($req);\n"),
    ("helper.lua", f'local res = httpc:request_uri("{URL}", {{\n  method = "POST", body = body,\n'
                   '  headers = sign(body)\n})\n'),
    # the calls a language writes otherwise, given headers the group does not write out
    ("Ktor.kt", f'client.post("{URL}") {{\n    headers {{ appendAll(signed(body)) }}\n    setBody(body)\n}}\n'),
    ("Jenkinsfile", f"def r = httpRequest url: '{URL}', httpMode: 'POST',\n    customHeaders: signed(body),"
                    "\n    requestBody: body\n"),
    ("records.groovy", f"def r = httpRequest url: '{URL}', httpMode: 'POST',\n"
                       "    customHeaders: [[name: 'Signature', value: sign(body)], auth]\n"),
    ("transfer.clj", f'(client/post "{URL}" {{:headers (signed body) :body body}})\n'),
    ("Transfer.m", f'NSMutableURLRequest *r = [NSMutableURLRequest requestWithURL:[NSURL URLWithString:@"{URL}"]];\n'
                   '[r setHTTPMethod:@"POST"];\n[r setAllHTTPHeaderFields:signed];\n'),
    ("Transfer.hs", f'let r = setRequestMethod "POST" $ setRequestHeaders (signed body) $ parseRequest_ "{URL}"\n'),
])
def test_headers_built_where_the_group_does_not_show_are_unknown(name: str, code: str, tmp_path: Path) -> None:
    """Each request is read (and judged), none is called unsigned."""
    assert written_requests(tmp_path, f"payouts/{name}", code) == ([], {"requests_judged": 1})


@pytest.mark.parametrize("name, code", [
    ("none_shown.py", f'requests.post("{URL}", data=payload)\n'),
    ("user_and_password.py", f'def payout(token, cents):\n    return requests.post("{URL}", auth=(token, ""),\n'
                             '                         json={"amount_cents": cents})\n'),
    ("options_map.js", f'async function payout(value) {{\n  return fetch("{URL}", {{ method: "POST", body: '
                       'JSON.stringify({ value }) });\n}\n'),
    ("post.go", f'func payout(body io.Reader) {{\n  http.Post("{URL}", "application/json", body)\n}}\n'),
    ("payout.ex", f'def payout(body) do\n  HTTPoison.post("{URL}", body)\nend\n'),
])
def test_a_bare_call_of_a_library_s_module_given_no_header_sends_none(name: str, code: str, tmp_path: Path) -> None:
    """A module's function (no session, client or instance whose defaults, hooks or interceptors add
    headers elsewhere) sends only the library's own headers when the group gives it none: a transfer
    so sent is unsigned."""
    assert written_requests(tmp_path, f"payouts/{name}", code) == (["iugu-unsigned-transfer"], {"requests_judged": 1})


def test_an_sdk_wrapper_given_the_host_and_path_apart_sends_with_headers_unknown(tmp_path: Path) -> None:
    """``_request("POST", BASE_URL + TRANSFERS, payload)``: the URL the module's constants make is sent, by a
    wrapper whose headers the code does not show — judged, never unsigned."""
    code = ('BASE_URL = "https://api.iugu.com"\nTRANSFERS = "/v1/transfer_requests"\n\n'
            'def transfer(payload):\n    return _request("POST", BASE_URL + TRANSFERS, payload)\n')
    assert written_requests(tmp_path, "iugu/client.py", code) == ([], {"requests_judged": 1})


def test_a_body_the_code_computes_leaves_a_literal_signature_unjudged(tmp_path: Path) -> None:
    code = (f'requests.post("{URL}", data=json.dumps(payload), headers={{"Content-Type": "application/json",\n'
            '    "Request-Time": "2026-11-22T10:00:00-03:00", "Signature": "signature=c2lnbmF0dXJlIGhlcmU="}})\n')
    found, counts = written_requests(tmp_path, "payouts/transfer.py", code)
    assert (found, counts.get("signatures_unverified")) == ([], 1)


@pytest.mark.parametrize("name", ["tests/test_transfer.py", "src/transfer_test.go", "spec/transfer.spec.ts",
                                  "README.md", "docs/transfers.txt"])
def test_test_code_and_docs_send_no_requests(name: str, tmp_path: Path) -> None:
    code = f'requests.post("{URL}", headers={{"Content-Type": "application/json"}}, data=\'{_body()}\')\n'
    assert written_requests(tmp_path, name, code)[0] == []


def test_a_group_that_mocks_the_api_sends_nothing(tmp_path: Path) -> None:
    code = (f'responses.add(responses.POST, "{URL}", json={{"id": "x"}})\n'
            f'requests.post("{URL}", headers={{"Content-Type": "application/json"}}, data=\'{_body()}\')\n')
    assert written_requests(tmp_path, "payouts/replay.py", code)[0] == []


@pytest.mark.parametrize(("name", "hostile"), [
    *(("bundle.js", hostile) for hostile in ("f(" * 8000, "{a:" * 8000, "x.y(a," * 4000, ")]}" * 4000 + "[(" * 4000)),
    # the calls a language writes otherwise (Objective-C's messages, Haskell's application, Lisp's forms, a block)
    ("Transfer.m", "[a b:" * 4800), ("Transfer.m", "[[" * 8000), ("Transfer.hs", "f (" * 8000),
    ("transfer.clj", "(a {" * 6000), ("Transfer.kt", "a {" * 8000), ("Jenkinsfile", "f a: [" * 4000)])
def test_deeply_nested_code_around_an_anchor_is_read_in_linear_time(name: str, hostile: str, tmp_path: Path) -> None:
    """Each position of a group is read once and brackets are matched once: 16-24 KB of nesting on
    an anchored line took minutes when every binding and call re-read what it holds."""
    started = time.perf_counter()
    found, _ = written_requests(tmp_path, name, f'fetch("{URL}", {hostile}\n')
    assert (found, time.perf_counter() - started < 30) == ([], True)


@pytest.mark.parametrize(("name", "code"), [
    # Guzzle: the method is the name of a call on an object (`->`), the headers an option of it
    ("Transfers.php", "<?php\n$response = $client->post('{url}', [\n    'headers' => [{headers}],\n    'body' => $body,\n]);\n"),
    # HTTPoison: the headers a list of pairs given by position to the call given the URL
    ("transfers.ex", 'HTTPoison.post("{url}", body, [{headers}])\n'),
    # Req: a call that raises (`post!`), its headers a labelled list of pairs
    ("transfers.exs", 'Req.post!("{url}", body: body, headers: [{headers}])\n'),
    # Python's urllib: the header map the third value given to Request
    ("transfer.py", 'req = urllib.request.Request("{url}", body, {headers}, method="POST")\nurllib.request.urlopen(req)\n'),
])
def test_header_fields_given_with_the_call_that_sends_a_request_are_its_headers(name: str, code: str,
                                                                                tmp_path: Path) -> None:
    php, elixir = name.endswith(".php"), name.endswith((".ex", ".exs"))
    def fields(pairs: list[tuple[str, str]]) -> str:
        if php:
            return ", ".join(f"'{key}' => '{value}'" for key, value in pairs)
        if elixir:
            return ", ".join(f'{{"{key}", "{value}"}}' for key, value in pairs)
        return "{" + ", ".join(f'"{key}": "{value}"' for key, value in pairs) + "}"

    plain = [("Content-Type", "application/json")]
    assert written_requests(tmp_path, name, code.format(url=URL, headers=fields(plain)))[0] == (
        ["iugu-unsigned-transfer"])
    with_signature = plain + [("Signature", "signature=c2lnbmF0dXJl"), ("Request-Time", "2026-11-22T10:00:00-03:00")]
    assert written_requests(tmp_path, "signed/" + name, code.format(url=URL, headers=fields(with_signature)))[0] == []


def test_header_fields_given_to_another_call_leave_the_header_set_unknown(tmp_path: Path) -> None:
    """A map of header fields merged into others the group does not show is not all the headers."""
    code = (f'headers = merge_defaults({{"Content-Type": "application/json"}}, signer.headers(body))\n'
            f'requests.post("{URL}", data=body, headers=headers)\n')
    assert written_requests(tmp_path, "payouts.py", code)[0] == []
    code = f'HTTPoison.post("{URL}", body, Signer.headers(body, [{{"Content-Type", "application/json"}}]))\n'
    assert written_requests(tmp_path, "payouts.ex", code)[0] == []


def test_a_request_written_as_a_list_by_position_is_judged(tmp_path: Path) -> None:
    """k6's `http.batch` takes each request as a list, `[method, url, body, params]`: its method,
    URL and literal body by position, its headers under `params.headers`. A list of method words
    with no URL after the first (a route's allowed methods) writes no request."""
    batch = (f"import http from 'k6/http';\n\nexport default function () {{\n  http.batch([\n"
             f"    ['POST', '{URL}', '{_body()}', {{ headers: {{ 'Content-Type': 'application/json' }} }}],\n  ]);\n}}\n")
    assert written_requests(tmp_path, "load/batch.js", batch) == (["iugu-unsigned-transfer"], {"requests_judged": 1})
    allowed = (f"const route = {{ url: '{URL}', methods: ['POST', 'PUT'], headers: {{ 'Content-Type': 'application/json' }} }};"
               f"\nregister(route, ['POST', 'PUT']);\n")
    assert written_requests(tmp_path, "routes/transfer.js", allowed) == ([], {})



def _appended_headers(start: str, step: str) -> str:
    """A libcurl request whose header list starts as ``start`` and is bound again by ``step`` (a
    format of one `Name: value` literal) for each header."""
    appends = "".join(f"  headers = {step.format(header)};\n"
                      for header in ('"Content-Type: application/json"', '"User-Agent: payouts/3.1"'))
    body = _body().replace('"', '\\"')
    return ("#include <curl/curl.h>\nint main(void) {\n  CURL *curl = curl_easy_init();\n"
            '  curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, "POST");\n'
            f'  curl_easy_setopt(curl, CURLOPT_URL, "{URL}");\n  struct curl_slist *headers = {start};\n'
            f'{appends}  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);\n'
            f'  curl_easy_setopt(curl, CURLOPT_POSTFIELDS, "{body}");\n  return curl_easy_perform(curl);\n}}\n')


def test_a_list_grown_by_appending_to_itself_is_the_header_set(tmp_path: Path) -> None:
    """`headers = curl_slist_append(headers, "Name: value")` from NULL, once a header: the list is
    those headers and no other, so the transfer is called unsigned."""
    code = _appended_headers("NULL", "curl_slist_append(headers, {})")
    assert written_requests(tmp_path, "transfer.c", code) == (["iugu-unsigned-transfer"], {"requests_judged": 1})


@pytest.mark.parametrize(("start", "step"), [
    ("default_headers()", "curl_slist_append(headers, {})"),  # a start the group does not show
    ("NULL", "curl_slist_remove(headers, {})"),  # no append: not the list with one item more
    ("NULL", "curl_slist_append(shared, {})")])  # appended to another list
def test_a_list_not_grown_from_an_empty_start_by_appends_to_itself_leaves_the_header_set_unknown(
        start: str, step: str, tmp_path: Path) -> None:
    assert written_requests(tmp_path, "transfer.c", _appended_headers(start, step)) == ([], {"requests_judged": 1})


def test_a_header_list_set_back_to_its_empty_start_after_the_request_is_still_its_header_set(tmp_path: Path) -> None:
    """curl --libcurl frees the list after the request and sets it back to NULL: that reset is no other value
    the request was sent with, so the list is still those headers and the transfer is called unsigned."""
    freed = _appended_headers("NULL", "curl_slist_append(headers, {})").replace(
        "  return curl_easy_perform(curl);\n",
        "  CURLcode ret = curl_easy_perform(curl);\n  curl_slist_free_all(headers);\n  headers = NULL;\n"
        "  return (int)ret;\n")
    assert written_requests(tmp_path, "transfer.c", freed) == (["iugu-unsigned-transfer"], {"requests_judged": 1})


def test_a_body_set_with_no_method_named_is_sent_as_a_post(tmp_path: Path) -> None:
    """curl --libcurl writes `-d` as CURLOPT_POSTFIELDS and no CURLOPT_CUSTOMREQUEST: libcurl posts it. A
    method the code names still stands (a PUT with POSTFIELDS is a PUT)."""
    posted = _appended_headers("NULL", "curl_slist_append(headers, {})")
    unnamed = posted.replace('  curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, "POST");\n', "")
    assert written_requests(tmp_path, "transfer.c", unnamed) == (["iugu-unsigned-transfer"], {"requests_judged": 1})
    put = posted.replace('CURLOPT_CUSTOMREQUEST, "POST"', 'CURLOPT_CUSTOMREQUEST, "PUT"')
    assert written_requests(tmp_path / "put", "transfer.c", put)[0] == []


def test_a_block_comment_opened_on_a_line_of_words_above_the_code_stays_a_comment(tmp_path: Path) -> None:
    """curl --libcurl's banner opens its comment on a line of words and stars (`/********* Sample code …`),
    below other lines of words: that line is the code's, so the comment is read whole — cut after it, its
    stars were read as `**` (a spread), and the header set as unknown."""
    banner = ("// Payout transfer generated by curl\n// Run with the key in place\n// Never commit keys\n"
              "// Ask the payments team first\n// Keep this short\n"
              "/********* Sample code generated by the curl command line tool **********\n"
              " * All curl_easy_setopt() options are documented at:\n"
              " * https://curl.se/libcurl/c/curl_easy_setopt.html\n"
              " ************************************************************************/\n")
    code = banner + _appended_headers("NULL", "curl_slist_append(headers, {})")
    assert written_requests(tmp_path, "transfer.c", code) == (["iugu-unsigned-transfer"], {"requests_judged": 1})


@pytest.mark.parametrize(("name", "code"), [
    ("relay.py", 'import requests\n\ndef invoices():\n    return requests.get("http://relay.internal/iugu/invoices",'
                 ' params={{"limit": 10, "api_token": "{token}"}})\n'),
    ("relay.js", 'export async function invoices() {{\n  return axios.get("http://relay.internal/iugu/invoices",'
                 ' {{ params: {{ api_token: "{token}" }} }});\n}}\n'),
    ("relay.php", '<?php\n$client->request("GET", "http://relay.internal/iugu/invoices",'
                  ' ["query" => ["api_token" => "{token}"]]);\n'),
])
def test_a_map_of_query_parameters_is_sent_in_the_url(name: str, code: str, tmp_path: Path) -> None:
    """requests' and axios' ``params``, Guzzle's ``query``: a credential among them goes in the
    query string — over plain HTTP here, so in clear."""
    found, _ = written_requests(tmp_path, name, code.format(token=iugu_token()))
    assert found == ["credential-over-plaintext-http", "iugu-token-in-query-string"]


@pytest.mark.parametrize("body_given", ["-Body $body", "-Body '{body}'"])
def test_a_powershell_command_read_by_both_readers_is_one_request(body_given: str, tmp_path: Path) -> None:
    """The command reader reads `Invoke-RestMethod … -Headers $headers` with its headers unknown; the
    statements around it bind `$headers`: the two readings of the one command are one request, the
    one that knows its header set kept (the transfer sent without a signature)."""
    body = _body()
    code = (f"$headers = @{{ 'Request-Time' = '2026-11-22T10:00:00-03:00' }}\n$body = '{body}'\n"
            f"Invoke-RestMethod -Uri '{URL}' -Method Post -Headers $headers {body_given.format(body=body)}\n")
    assert written_requests(tmp_path, "payouts/transfer.ps1", code) == (
        ["iugu-unsigned-transfer"], {"requests_judged": 1})


def test_a_powershell_command_s_parameters_that_set_a_header_are_its_headers(tmp_path: Path) -> None:
    """`-ContentType` and `-UserAgent` set those headers beside `-Headers $headers` (a hashtable
    bound above): the header set is known, and the transfer unsigned. Written whole on one line
    (no variable), the command is the command reader's alone: still one request."""
    body = _body()
    above = ("$headers = @{ 'Request-Time' = '2026-11-22T10:00:00-03:00' }\n"
             f"Invoke-RestMethod -Uri '{URL}' -Method Post -ContentType 'application/json' -UserAgent 'payouts/3.1'"
             f" -Headers $headers -Body '{body}'\n")
    whole = (f"Invoke-RestMethod -Uri '{URL}' -Method Post -ContentType 'application/json'"
             f" -Headers @{{ 'Request-Time' = '2026-11-22T10:00:00-03:00' }} -Body '{body}'\n")
    for name, code in (("above.ps1", above), ("whole.ps1", whole)):
        assert written_requests(tmp_path, f"payouts/{name}", code) == (
            ["iugu-unsigned-transfer"], {"requests_judged": 1})


def test_a_powershell_command_given_its_url_as_a_bare_word_is_read_as_one_given_it_quoted(tmp_path: Path) -> None:
    """`-Uri https://…` unquoted is a bare word, the URL, up to the blank after it; before, its `//` was read as a
    comment's start, the rest of the line lost with it: the command, its headers bound above, went unjudged."""
    code = (f"$headers = @{{ 'Request-Time' = '2026-11-22T10:00:00-03:00' }}\n$body = '{_body()}'\n"
            f"Invoke-RestMethod -Uri {URL} -Method Post -Headers $headers -Body $body\n")
    assert written_requests(tmp_path, "payouts/bare.ps1", code) == (["iugu-unsigned-transfer"], {"requests_judged": 1})


_SENT = f"Invoke-RestMethod -Uri '{URL}' -Method Post -ContentType 'application/json'"
_GIVEN = " -Headers $headers -Body $body\n"


@pytest.mark.parametrize(("name", "code"), [
    # a splat of what a helper returns beside the parameters: it may carry the signature's headers
    ("splat.ps1", "$auth = Get-IuguAuth -Body $body\n$body = '{body}'\n" + _SENT + " @auth -Body $body\n"),
    # the headers a hashtable holds, added to by a member, by `+=` or by a call the reader does not know
    ("member.ps1", "$body = '{body}'\n$headers = @{{ 'Request-Time' = (Get-Date -Format o) }}\n"
                   "$headers.Signature = Get-Signature $body\n" + _SENT + _GIVEN),
    ("added.ps1", "$body = '{body}'\n$headers = @{{ 'Request-Time' = (Get-Date -Format o) }}\n"
                  "$headers += @{{ Signature = (Get-Signature $body) }}\n" + _SENT + _GIVEN),
    ("set_item.ps1", "$body = '{body}'\n$headers = @{{ 'Request-Time' = (Get-Date -Format o) }}\n"
                     "$headers.Set_Item('Signature', (Get-Signature $body))\n" + _SENT + _GIVEN),
    # a request in a script's help and in Lua code put out of use: comments, no code
    ("help.ps1", f"<#\n.EXAMPLE\n  $uri = '{URL}'\n"
                 "  Invoke-RestMethod -Uri $uri -Method Post -ContentType 'application/json' -Body '{body}'\n"
                 "#>\nfunction Send-Payout {{ param($Body) }}\n"),
    ("old.lua", "--[[ before signing:\nlocal res = httpc:request_uri(\"" + URL + "\", {{\n"
                "  method = \"POST\", body = '{body}', headers = {{ [\"Content-Type\"] = \"application/json\" }}\n"
                "}})\n]]\nlocal res = iugu.signed_post(\"/v1/transfer_requests\", body)\n"),
])
def test_headers_a_script_adds_or_may_add_and_requests_in_comments_make_no_unsigned_transfer(
        name: str, code: str, tmp_path: Path) -> None:
    """What a script does to its headers after writing them out, or may pass in a splat beside named parameters,
    leaves the header set unknown; a request in a block comment (PowerShell's `<# … #>`, Lua's `--[[ … ]]`) is
    none. Each was called an unsigned transfer."""
    assert "iugu-unsigned-transfer" not in written_requests(tmp_path, f"payouts/{name}", code.format(body=_body()))[0]


def test_a_powershell_parameter_that_adds_nothing_to_the_request_keeps_its_reading(tmp_path: Path) -> None:
    """`-TimeoutSec` and `-ErrorAction` add no header or body: the statements' reading of the command (its
    headers bound above) stands, and the transfer is unsigned; before, it went to the command reader, which
    cannot see `$headers`, and was judged with its headers unknown."""
    code = (f"$headers = @{{ 'Request-Time' = '2026-11-22T10:00:00-03:00' }}\n"
            f"{_SENT} -Headers $headers -Body '{_body()}' -TimeoutSec 30 -ErrorAction Stop\n")
    assert written_requests(tmp_path, "payouts/timeout.ps1", code) == (
        ["iugu-unsigned-transfer"], {"requests_judged": 1})


@pytest.mark.parametrize(("name", "code"), [
    ("NamedArguments.kt", f'val request = Request.Builder()\n  .url("{URL}")\n'
                          '  .header(name = "Content-Type", value = "application/json")\n  .post(body)\n  .build()\n'),
    ("zpayouts.abap", f"cl_http_client=>create_by_url( EXPORTING url = '{URL}' IMPORTING client = lo_client ).\n"
                      "lo_client->request->set_method( 'POST' ).\n"
                      "lo_client->request->set_header_field( name = 'Content-Type' value = 'application/json' ).\n"
                      "lo_client->request->set_cdata( lv_body ).\nlo_client->send( ).\n"),
])
def test_a_header_given_by_its_parameters_names_is_given(name: str, code: str, tmp_path: Path) -> None:
    """``header(name = …, value = …)`` gives the header its arguments name, as ``header("Name", "value")`` does:
    here the only one, so the transfer is unsigned."""
    assert written_requests(tmp_path, f"payouts/{name}", code)[0] == ["iugu-unsigned-transfer"]


def test_a_class_s_constants_are_read_with_each_of_its_methods_and_no_other_class_s(tmp_path: Path) -> None:
    """Locust's ``host`` on the class, the path on each task's call: each method is one request to it; a
    class after it (the host not its) sends nothing the readers can place."""
    code = ('from locust import HttpUser, task\n\n\nclass Payouts(HttpUser):\n    host = "https://api.iugu.com"\n\n'
            '    @task\n    def unsigned(self):\n        self.client.post("/v1/transfer_requests", data="{}",\n'
            '                         headers={"Content-Type": "application/json"})\n\n'
            '    @task\n    def signed(self):\n        self.client.post("/v1/transfer_requests", data="{}",\n'
            '                         headers={"Signature": sign(), "Request-Time": "t"})\n\n\n'
            'class Other(HttpUser):\n    @task\n    def elsewhere(self):\n'
            '        self.client.post("/v1/transfer_requests", data="{}", headers={})\n')
    found, counts = written_requests(tmp_path, "load/locustfile.py", code)
    assert found == ["iugu-unsigned-transfer"]
    assert counts.get("requests_judged") == 2, counts


def test_a_literal_cut_in_pieces_one_of_which_starts_with_a_slash_is_no_path_joined(tmp_path: Path) -> None:
    """A long header value written in pieces (Pascal's 255-character literals: ``'…' + '/…'``, as base64 may
    go on with a slash) is one literal; only a path joined to what the code computes (``BASE + "/v1"``) makes the
    URL built. The piece's slash made the group's every URL unknown: one request in eight of a corpus was lost."""
    code = (f'import requests\n\nrequests.post("{URL}", data=\'{_body()}\',\n'
            '              headers={"Content-Type": "application/json", "Request-Time": "2026-11-22T10:00:00-03:00",\n'
            '                       "Signature": "signature=dU5bigotBTkbTFZUGV6" + "/V52DfWHX/WkhLk+sLh0q=="})\n')
    found, counts = written_requests(tmp_path, "payouts/cut.py", code)
    assert (found, counts.get("requests_judged")) == ([], 1), counts  # signed: judged, no finding (no key to verify)


def test_a_method_word_given_alone_to_a_call_that_sets_no_method_is_data(tmp_path: Path) -> None:
    """A font writer reads its `post` table (`getData("post")`) in the group that gives a URL to
    another call: no POST is sent, so no request is read (it was an iugu-plaintext-request)."""
    code = ('<?php\nclass MetricsWriter {\n    public function write($font) {\n'
            '        $this->addPair("Source", "http://api.iugu.com/v1/customers");\n'
            '        $post = $font->getData("post");\n'
            '        $this->addPair("ItalicAngle", $post["italicAngle"]);\n    }\n}\n')
    assert written_requests(tmp_path, "fonts/metrics.php", code)[0] == []


@pytest.mark.parametrize("name, code", [
    ("Client.java", 'class Client {\n  void send() throws Exception {\n'
     '    HttpURLConnection conn = (HttpURLConnection) new URL("http://api.iugu.com/v1/customers").openConnection();\n'
     '    conn.setRequestMethod("POST");\n    conn.getOutputStream().write(body);\n  }\n}\n'),
    ("pay.abap", "METHOD send.\n  cl_http_client=>create_by_url( EXPORTING url = 'http://api.iugu.com/v1/customers'"
     " IMPORTING client = lo_client ).\n  lo_client->request->set_method( 'POST' ).\n  lo_client->send( ).\nENDMETHOD.\n"),
    ("client.php", "<?php\n$client->request('post', 'http://api.iugu.com/v1/customers', ['json' => $data]);\n"),
])
def test_a_method_word_given_to_a_call_that_sets_the_method_or_sends_more_is_the_method(
        name: str, code: str, tmp_path: Path) -> None:
    assert written_requests(tmp_path, f"billing/{name}", code)[0] == ["iugu-plaintext-request"]


def test_a_url_sent_as_a_header_s_value_is_not_where_the_request_goes(tmp_path: Path) -> None:
    """The request goes to a URL the code computes; the one absolute URL literal of the group is the
    Referer it sends. Read as the request's URL it made the iugu token a critical
    credential-over-plaintext-http to the shop's own page."""
    basic = base64.b64encode(f"{iugu_token()}:".encode()).decode()
    code = ("<?php\nfunction charge($client, $url) {\n    return $client->request('POST', $url, [\n"
            "        'headers' => [\n"
            f"            'Authorization' => 'Basic {basic}',\n"
            "            'Referer' => 'http://loja.example.com.br/checkout/pagamento',\n"
            "        ],\n        'body' => '{\"amount_cents\":1050}',\n    ]);\n}\n")
    assert written_requests(tmp_path, "billing/checkout.php", code)[0] == []
