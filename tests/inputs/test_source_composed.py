"""Transfers whose URL, headers or client the code composes of what it writes elsewhere: a URL made of a module's
base and a path (a template, a join), a module's constants read by the function that sends them, a path given to a
client's call relative to its base, a URL given to Ruby's request object by a name, a session the group constructs
itself. Each was no request, or one whose headers were unknown, so the transfer sent without a signature went
unreported (a blind round's integration code); each negative keeps what may add a header unknown (real files in a
temporary tree, the CLI)."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.running import scan_json, written_requests

ASAAS = "https://api.asaas.com/v3"
IUGU = "https://api.iugu.com/v1"


def _places(tmp_path: Path, name: str, code: str) -> list[tuple[str, str, int]]:
    """The request findings of ``code`` written to ``name``: rule, URL and line."""
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(code)
    report, _ = scan_json(str(path))
    return sorted((f["rule_id"], f["context"]["url"], f["location"]["line"]) for f in report["findings"]
                  if f["context"].get("method"))


# the URL of each: the module's base joined to the transfers' path, as each language writes a template or a join
COMPOSED = {
    "payouts.py": (f'import os\nimport requests\n\nBASE_URL = "{ASAAS}"\n\n\ndef pay(value):\n'
                   '    return requests.post(f"{BASE_URL}/transfers", json={"value": value},\n'
                   '                         headers={"access_token": os.environ["ASAAS_KEY"]})\n'),
    "payouts.ts": (f'import axios from "axios";\nconst baseUrl = "{ASAAS}";\n\n'
                   'export async function pay(value: number) {\n'
                   '  return axios.post(`${baseUrl}/transfers`, { value },\n'
                   '    { headers: { access_token: process.env.ASAAS_KEY } });\n}\n'),
    "payouts.rb": (f'require "net/http"\nBASE = "{ASAAS}"\n\ndef pay(value)\n'
                   '  HTTParty.post("#{BASE}/transfers", body: { value: value }.to_json,\n'
                   '    headers: { "access_token" => ENV["ASAAS_KEY"] })\nend\n'),
    "Payouts.php": (f'<?php\n$base = \'{ASAAS}\';\n\n$response = $client->request(\'POST\', $base . \'/transfers\', [\n'
                    "    'headers' => ['access_token' => getenv('ASAAS_KEY')],\n"
                    "    'json' => ['value' => 10],\n]);\n"),
    "payouts.go": (f'package payouts\n\nconst BaseURL = "{ASAAS}"\n\nfunc Pay(body io.Reader) {{\n'
                   '\treq, _ := http.NewRequest("POST", BaseURL+"/transfers", body)\n'
                   '\treq.Header.Set("access_token", os.Getenv("ASAAS_KEY"))\n\thttp.DefaultClient.Do(req)\n}\n'),
    "Payouts.kt": (f'const val BASE = "{ASAAS}"\n\nfun pay(client: OkHttpClient, body: RequestBody) {{\n'
                   '    val request = Request.Builder().url("$BASE/transfers").post(body)\n'
                   '        .addHeader("access_token", System.getenv("ASAAS_KEY")).build()\n'
                   '    client.newCall(request).execute()\n}\n'),
}


@pytest.mark.parametrize("name", sorted(COMPOSED))
def test_a_url_composed_of_a_module_s_base_and_a_path_is_the_url_sent(name: str, tmp_path: Path) -> None:
    """``f"{BASE_URL}/transfers"``, `` `${baseUrl}/transfers` ``, ``"#{BASE}/transfers"``, ``$base . '/transfers'``,
    ``BaseURL+"/transfers"``, ``"$BASE/transfers"``: the URL the base and the path make, its transfer judged on the
    line that sends it (read as what the code computes, it was no URL, no request)."""
    code = COMPOSED[name]
    line = next(number for number, text in enumerate(code.split("\n"), 1) if "/transfers" in text)
    assert _places(tmp_path, name, code) == [("asaas-unsigned-transfer", f"{ASAAS}/transfers", line)]


def test_a_module_s_url_constant_is_read_by_the_function_below_that_composes_it(tmp_path: Path) -> None:
    """``BASE_URL = "…"`` at the module's top, ``f"{BASE_URL}/transfers"`` in a function below, its headers written
    out in the call: the transfer is judged there."""
    code = (f'import os\nimport requests\n\nBASE_URL = "{ASAAS}"\n\n\ndef pix_out(value, key):\n'
            '    return requests.post(f"{BASE_URL}/transfers", json={"value": value, "pixAddressKey": key},\n'
            '                         headers={"access_token": os.environ["KEY"]})\n')
    assert _places(tmp_path, "app/asaas.py", code) == [("asaas-unsigned-transfer", f"{ASAAS}/transfers", 8)]


@pytest.mark.parametrize("changed", ["", '    HEADERS["Signature"] = sign(body)\n',
                                     "    HEADERS.update(signed(body))\n", "    add_signature(HEADERS)\n"])
def test_a_module_s_headers_map_is_not_the_function_s_that_sends_it(changed: str, tmp_path: Path) -> None:
    """``HEADERS = {…}`` at the module's top, ``headers=HEADERS`` in a function below: code anywhere in the file (a
    signer far below, outside the lines read around the call) may set a signature on it, so its headers stay
    unknown — no unsigned transfer, whether the change is in sight or not."""
    code = (f'import requests\n\nHEADERS = {{"access_token": "x"}}\n\n\ndef sign_it(body):\n{changed}    pass\n\n\n'
            f'def pix_out(value):\n    return requests.post("{ASAAS}/transfers", json={{"value": value}},'
            ' headers=HEADERS)\n')
    assert written_requests(tmp_path, "app/asaas.py", code)[0] == []


def test_a_url_constant_bound_again_elsewhere_is_no_constant(tmp_path: Path) -> None:
    """A module's ``BASE_URL`` that another function binds again (``BASE_URL = sandbox_url()``) is not the string
    written at the top where the call is made: no URL."""
    code = (f'import requests\n\nBASE_URL = "{ASAAS}"\n\n\ndef use_sandbox():\n    global BASE_URL\n'
            '    BASE_URL = sandbox_url()\n\n\ndef pix_out(value):\n'
            '    return requests.post(f"{BASE_URL}/transfers", json={"value": value},\n'
            '                         headers={"access_token": "x"})\n')
    assert written_requests(tmp_path, "app/asaas.py", code)[0] == []


def test_a_parameter_named_as_a_constant_is_the_parameter(tmp_path: Path) -> None:
    """``def pay(key, BASE_URL=os.environ["URL"])``: the name the function is given, not the module's string."""
    code = (f'import os\nimport requests\n\nBASE_URL = "{ASAAS}"\n\n\n'
            'def pay(key, body, BASE_URL=os.environ["ASAAS_URL"]):\n'
            '    return requests.post(f"{BASE_URL}/transfers", json=body, headers={"access_token": key})\n')
    assert written_requests(tmp_path, "app/asaas.py", code)[0] == []


def test_javascript_s_shorthand_properties_are_pairs(tmp_path: Path) -> None:
    """``fetch(url, { method: "POST", body, headers })``: ``headers`` is the pair ``headers: headers``, a name the
    function is given, so its headers are unknown (read as the map of ``method`` alone, the call was a bare fetch
    that sends no header: a false unsigned transfer whenever a caller passes signed headers)."""
    code = ("async function transfer(body, headers) {\n"
            f'  return fetch("{IUGU}/transfer_requests", {{ method: "POST", body, headers }});\n}}\n')
    assert written_requests(tmp_path, "src/iugu.js", code)[0] == []


def test_a_composition_of_a_name_the_code_computes_is_no_url(tmp_path: Path) -> None:
    """``f"{base}/transfers"`` where ``base`` is a parameter: what the code computes stays unknown, no URL."""
    code = ('import requests\n\n\ndef pay(base, value):\n'
            '    return requests.post(f"{base}/transfers", json={"value": value}, headers={"access_token": "x"})\n')
    assert written_requests(tmp_path, "app/asaas.py", code) == ([], {})


@pytest.mark.parametrize("name, code", [
    ("Payouts.php", (f"<?php\n$client = new \\GuzzleHttp\\Client(['base_uri' => '{ASAAS}/']);\n"
                     "$r = $client->post('transfers', [\n    'headers' => ['access_token' => getenv('ASAAS_KEY')],\n"
                     "    'json' => ['value' => 100.0],\n]);\n")),
    ("payouts.py", (f'import httpx\n\nclient = httpx.Client(base_url="{ASAAS}",\n'
                    '                       headers={"access_token": "x"})\n\n\ndef pay(value):\n'
                    '    return client.post("transfers", json={"value": value})\n')),
    ("Asaas.cs", ("public class Asaas\n{\n    public async Task<HttpResponseMessage> Transfer(HttpContent body)\n"
                  f'    {{\n        var http = new HttpClient {{ BaseAddress = new Uri("{ASAAS}/") }};\n'
                  '        http.DefaultRequestHeaders.Add("access_token", Key);\n'
                  '        return await http.PostAsync("transfers", body);\n    }\n}\n'))])
def test_a_path_relative_to_a_client_s_base_is_joined_to_it(name: str, code: str, tmp_path: Path) -> None:
    """Guzzle's ``base_uri`` and ``$client->post('transfers', …)``, httpx' ``base_url`` and ``client.post(
    "transfers")``, .NET's ``BaseAddress`` in an object initializer and ``PostAsync("transfers", …)``: the base and
    the path joined as the library joins them, placed at the call (read as the base alone, the POST went to ``…/v3/``
    and no transfer was judged)."""
    line = next(number for number, text in enumerate(code.split("\n"), 1) if "'transfers'" in text
                or '"transfers"' in text)
    assert _places(tmp_path, name, code) == [("asaas-unsigned-transfer", f"{ASAAS}/transfers", line)]


@pytest.mark.parametrize("base, path", [(ASAAS, "transfers"), (f"{ASAAS}/", "/transfers")])
def test_guzzle_joins_a_path_to_its_base_by_rfc_3986(base: str, path: str, tmp_path: Path) -> None:
    """A ``base_uri`` with no slash at its end loses its last segment, a path from the root replaces the base's:
    Guzzle sends both to ``https://api.asaas.com/transfers``, no transfer (joined with one slash, they were)."""
    code = (f"<?php\n$client = new \\GuzzleHttp\\Client(['base_uri' => '{base}']);\n"
            f"$r = $client->post('{path}', ['headers' => ['access_token' => getenv('K')],\n"
            "    'json' => ['value' => 1]]);\n")
    assert written_requests(tmp_path, "Payouts.php", code)[0] == []


def test_a_literal_given_to_another_object_s_method_is_no_path_of_the_client(tmp_path: Path) -> None:
    """``producer.send("transfers", …)`` beside an httpx client with a base: a Kafka topic, no request (any call's
    literal was joined to the base: a false transfer placed on the Kafka line)."""
    code = (f'import httpx\n\nclient = httpx.Client(base_url="{ASAAS}", headers={{"access_token": "x"}})\n\n\n'
            'def publish(producer, event):\n    producer.send("transfers", value=event)\n'
            '    return client.get("finance/balance")\n')
    assert written_requests(tmp_path, "app/events.py", code)[0] == []


def test_ruby_s_add_field_sets_a_header(tmp_path: Path) -> None:
    """``req.add_field("Signature", …)``: a header the request is given (read as no header call, the signed
    transfer was unsigned)."""
    code = (f'uri = URI("{IUGU}/transfer_requests")\n'
            'req = Net::HTTP::Post.new(uri, "Content-Type" => "application/json")\n'
            'req.add_field("Signature", signer.sign(body))\nreq.add_field("Request-Time", Time.now.iso8601)\n'
            'req.body = body\nNet::HTTP.start(uri.host, uri.port, use_ssl: true) { |h| h.request(req) }\n')
    assert written_requests(tmp_path, "app/payouts.rb", code)[0] == []


def test_ruby_s_request_object_given_its_uri_by_a_name_has_the_headers_it_is_given(tmp_path: Path) -> None:
    """``uri = URI("…")``, ``Net::HTTP::Post.new(uri, "Content-Type" => "…")``: the map given last, its braces left
    out, is the request's headers beside its URL (read as none, the headers were unknown)."""
    code = (f'uri = URI("{IUGU}/transfer_requests")\n'
            'req = Net::HTTP::Post.new(uri, "Content-Type" => "application/json")\n'
            'req.body = { api_token: ENV["IUGU_API_TOKEN"], amount_cents: 100 }.to_json\n'
            'Net::HTTP.start(uri.host, uri.port, use_ssl: true) { |h| h.request(req) }\n')
    assert written_requests(tmp_path, "app/payouts.rb", code)[0] == ["iugu-unsigned-transfer"]


SESSION = ('import os\nimport requests\n\n\ndef pay():\n    session = requests.Session()\n'
           '    session.auth = (os.environ["IUGU_API_TOKEN"], "")\nSETUP'
           f'    return session.post("{IUGU}/transfer_requests", json={{"amount_cents": 100}})\n')


def test_a_session_the_group_constructs_and_gives_nothing_sends_only_what_it_shows(tmp_path: Path) -> None:
    """``session = requests.Session()`` given a user and password, then ``session.post(…)``: nothing may add a
    header a bare ``requests.post`` would not send, so the transfer is unsigned (as a session it was unknown)."""
    assert written_requests(tmp_path, "app/payouts.py", SESSION.replace("SETUP", ""))[0] == ["iugu-unsigned-transfer"]


@pytest.mark.parametrize("setup", ["    install_signer(session)\n", "    session.auth = SignatureAuth(KEY)\n",
                                   "    session.auth = settings.rsa_auth\n",
                                   "    session.headers.update(signed_headers())\n",
                                   "    session.mount('https://', SigningAdapter())\n"])
def test_a_session_given_what_may_sign_leaves_its_headers_unknown(setup: str, tmp_path: Path) -> None:
    """A session handed to code that may set it up, given an auth object, headers the group does not write out or
    an adapter: no unsigned transfer."""
    assert written_requests(tmp_path, "app/payouts.py", SESSION.replace("SETUP", setup))[0] == []


def test_a_client_constructed_with_an_auth_object_may_sign(tmp_path: Path) -> None:
    """``httpx.Client(auth=IuguRsaAuth(…))``: an auth object may add the signature (only a user and password written
    out adds none), so its transfer is no unsigned one."""
    code = ('import httpx\n\n\ndef pay(token, key):\n    client = httpx.Client(auth=IuguRsaAuth(token, key))\n'
            f'    return client.post("{IUGU}/transfer_requests", json={{"amount_cents": 100}})\n')
    assert written_requests(tmp_path, "app/payouts.py", code)[0] == []


OPENED = {"with": ('import requests\n\n\ndef pay(token):\n    with requests.Session() as session:\n'
                   '        session.auth = (token, "")\nSETUP'
                   f'        return session.post("{IUGU}/transfer_requests", json={{"amount_cents": 100}})\n'),
          "async with": ('import aiohttp\n\n\nasync def pay(token):\n'
                         '    async with aiohttp.ClientSession() as session:\nSETUP'
                         f'        async with session.post("{IUGU}/transfer_requests",\n'
                         '                                json={"api_token": token}) as reply:\n'
                         '            return await reply.json()\n')}


@pytest.mark.parametrize("form", sorted(OPENED))
def test_a_session_opened_by_with_is_the_name_it_binds(form: str, tmp_path: Path) -> None:
    """``with requests.Session() as session:``, ``async with aiohttp.ClientSession() as session:``: the name is bound
    to the session it opens, so its transfer is judged as one made on a session built in place (read as a name
    bound nowhere, its headers were unknown)."""
    code = OPENED[form].replace("SETUP", "")
    assert written_requests(tmp_path, "app/payouts.py", code)[0] == ["iugu-unsigned-transfer"]


@pytest.mark.parametrize("form", sorted(OPENED))
def test_a_session_opened_by_with_and_given_an_adapter_may_sign(form: str, tmp_path: Path) -> None:
    """The same session given an adapter in its block: its headers stay unknown."""
    code = OPENED[form].replace("SETUP", "        session.mount('https://', SigningAdapter())\n")
    assert written_requests(tmp_path, "app/payouts.py", code)[0] == []


def test_a_call_given_an_auth_object_may_be_signed_by_it(tmp_path: Path) -> None:
    """``requests.post(…, headers={"Content-Type": …}, auth=IuguRSASigner(…))``: the auth object may add the
    signature, so the headers written out are not all (with the URL composed, this shape became a false unsigned
    transfer a blind round met)."""
    code = ('import os\nimport requests\n\nIUGU_API = "https://api.iugu.com/v1"\n\n\ndef transfer(amount):\n'
            '    return requests.post(f"{IUGU_API}/transfer_requests", json={"amount": amount},\n'
            '                         headers={"Content-Type": "application/json"},\n'
            '                         auth=IuguRSASigner(os.environ["IUGU_API_TOKEN"]))\n')
    assert written_requests(tmp_path, "app/payouts.py", code)[0] == []


SERVICE = ('import requests\n\nIUGU_URL = "https://api.iugu.com/v1"\n\n\nclass IuguService:\n'
           '    def __init__(self):\n        self.session = requests.Session()\nAUTH\n'
           '    def transfer(self, amount):\n'
           '        return self.session.post(IUGU_URL + "/transfer_requests", json={"amount": amount},\n'
           '                                 headers={"Content-Type": "application/json"})\n')


@pytest.mark.parametrize("auth, found", [("", ["iugu-unsigned-transfer"]),
                                         ("        self.session.auth = IuguSignatureAuth()\n", [])])
def test_an_instance_s_session_given_an_auth_elsewhere_may_sign(auth: str, found: list[str], tmp_path: Path) -> None:
    """``self.session.auth = IuguSignatureAuth()`` in the constructor, ``self.session.post(…)`` in a method: the
    session the method calls may sign, its headers are unknown; given nothing, its transfer is unsigned."""
    assert written_requests(tmp_path, "app/iugu.py", SERVICE.replace("AUTH", auth))[0] == found


CURL = ("<?php\nfunction asaas_transfer($value, $key)\n{\n    $ch = curl_init('https://api.asaas.com/v3/transfers');\n"
        "    curl_setopt($ch, CURLOPT_POST, true);\n"
        "    curl_setopt($ch, CURLOPT_HTTPHEADER, ['Content-Type: application/json', HEADERS]);\n"
        "    curl_setopt($ch, CURLOPT_POSTFIELDS, json_encode(['value' => $value]));\n    return curl_exec($ch);\n}\n")


@pytest.mark.parametrize("headers", ["'access_token: ' . getenv('ASAAS_API_KEY')", '"access_token: $key"',
                                     "'access_token: ' . env('ASAAS_API_KEY')"])
def test_a_header_line_whose_value_the_code_gives_is_that_header(headers: str, tmp_path: Path) -> None:
    """PHP's curl header lines ``'access_token: ' . getenv('K')``, ``"access_token: $key"``: a line whose name is
    written out is that header, its value unknown (read as what the code computes, the whole header list was
    unknown and the unsigned transfer unreported — the commonest way PHP integrations write curl headers)."""
    code = CURL.replace("HEADERS", headers)
    assert written_requests(tmp_path, "app/asaas.php", code)[0] == ["asaas-unsigned-transfer"]


def test_signature_header_lines_whose_values_the_code_gives_sign_the_request(tmp_path: Path) -> None:
    """The same transfer given ``'Signature: ' . sign($body)`` and ``"Request-Time: $now"``: signed, its signature
    not judged (its value unknown), no unsigned transfer."""
    signed = "'access_token: ' . getenv('K'), 'Signature: ' . sign($body), \"Request-Time: $now\""
    code = CURL.replace("HEADERS", signed)
    assert written_requests(tmp_path, "app/asaas.php", code)[0] == []


def test_ruby_s_frozen_string_constant_is_its_string(tmp_path: Path) -> None:
    """``BASE_URL = "https://…".freeze`` (RuboCop's default style): the frozen string is the string, so the
    transfer composed of it is judged (read as the string joined to a name, it was no URL)."""
    code = (f'require "httparty"\n\nBASE_URL = "{ASAAS}".freeze\n\ndef transfer(value)\n'
            '  HTTParty.post("#{BASE_URL}/transfers", body: "{}", headers: { "access_token" => "x" })\nend\n')
    assert _places(tmp_path, "app/asaas.rb", code) == [("asaas-unsigned-transfer", f"{ASAAS}/transfers", 6)]
