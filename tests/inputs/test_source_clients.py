"""What a request written as source code is given by statements outside its own group: a module's
client set up once with a base URL and headers (httpx's ``httpx.Client(base_url=…, headers={…})``,
axios' ``axios.create({ baseURL: … })``), read with each function that calls it — unless something may
add headers its construction does not show — and a header set built by its constructor from a map
written out (real files in a temporary tree, the CLI)."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.credentials import iugu_token
from helpers.running import scan_json, written_requests
from keyaudit.inputs.captures.source_groups import groups

PATH = "/v1/transfer_requests"


def _httpx(options: str = "", elsewhere: str = "") -> str:
    return ("import httpx\n\nclient = httpx.Client(\n    base_url=\"https://api.iugu.com\",\n"
            f"    headers={{\"Content-Type\": \"application/json\"}},\n{options})\n{elsewhere}\n\n"
            f"def transfer(amount):\n    body = '{{\"api_token\":\"{iugu_token()}\",\"amount_cents\":1050}}'\n"
            f"    return client.post(\"{PATH}\", content=body).json()\n")


def test_a_module_client_gives_the_function_calling_it_its_base_url_and_headers(tmp_path: Path) -> None:
    """The function's group writes only the path: read alone it named no URL, and no request was read."""
    assert written_requests(tmp_path, "payouts.py", _httpx())[0] == ["iugu-unsigned-transfer"]


@pytest.mark.parametrize("options, elsewhere", [("    auth=IuguSignature(),\n", ""),
                                                ("    event_hooks={\"request\": [sign]},\n", ""),
                                                ("", "client.auth = IuguSignature()\n"),
                                                ("", "client.headers[\"Signature\"] = sign()\n"),
                                                ("", "client.headers.update(signed_headers())\n")])
def test_a_client_something_may_add_headers_to_leaves_its_calls_headers_unknown(options: str, elsewhere: str,
                                                                                  tmp_path: Path) -> None:
    assert written_requests(tmp_path, "payouts.py", _httpx(options, elsewhere))[0] == []


def test_an_axios_instance_signed_by_an_interceptor_set_apart_is_never_unsigned(tmp_path: Path) -> None:
    code = ("const api = axios.create({\n  baseURL: 'https://api.iugu.com',\n"
            "  headers: { 'Content-Type': 'application/json' },\n});\n\n"
            "api.interceptors.request.use(signIuguRequest);\n\n"
            f"export function transfer() {{\n  return api.post('{PATH}', "
            f"'{{\"api_token\":\"{iugu_token()}\",\"amount_cents\":1050}}');\n}}\n")
    assert written_requests(tmp_path, "payouts.js", code)[0] == []
    unsigned = code.replace("api.interceptors.request.use(signIuguRequest);\n", "")
    assert written_requests(tmp_path, "payouts2.js", unsigned)[0] == ["iugu-unsigned-transfer"]


def test_a_header_set_built_from_a_map_written_out_is_that_map(tmp_path: Path) -> None:
    """``new Headers({…})`` given to fetch: read as a call the group does not show, its headers were unknown."""
    code = ("const headers = new Headers({ 'Content-Type': 'application/json' });\n"
            f"fetch('https://api.iugu.com{PATH}', {{ method: 'POST', headers: headers,\n"
            f"  body: '{{\"api_token\":\"{iugu_token()}\",\"amount_cents\":1050}}' }});\n")
    assert written_requests(tmp_path, "transfer.js", code)[0] == ["iugu-unsigned-transfer"]


def test_a_module_constant_named_for_a_base_url_makes_no_client_of_a_session(tmp_path: Path) -> None:
    """``BASE_URL = "https://…"`` beside ``session = requests.Session()`` is no option of the session (which joins
    no base URL): read as one, the path the function posts to was joined to it, a transfer called unsigned."""
    code = ("import requests\n\nBASE_URL = \"https://api.iugu.com\"\nsession = requests.Session()\n\n\n"
            f"def transfer(body):\n    return session.post(\"{PATH}\", data=body,\n"
            "                        headers={\"Content-Type\": \"application/json\"})\n")
    assert written_requests(tmp_path, "payouts.py", code)[0] == []


def test_the_client_is_the_name_the_base_url_s_statement_binds(tmp_path: Path) -> None:
    """A logger bound on the line above the client, in the same group: its name was taken for the client's."""
    code = _httpx().replace("client = httpx.Client(", "log = logging.getLogger(__name__)\nclient = httpx.Client(")
    assert written_requests(tmp_path, "payouts.py", code)[0] == ["iugu-unsigned-transfer"]


def test_a_client_s_lines_given_to_its_callers_are_bounded(tmp_path: Path) -> None:
    """A client of 30 KB of headers put before each of 300 functions that call it: 9 MB read for a 60 KB file (3,000
    functions: 27 s). What is put before the groups of a window adds up to at most its own lines and 64 KB more."""
    headers = "".join(f"        \"X-H{at}\": \"{'v' * 1000}\",\n" for at in range(30))
    callers = "".join(f"\n\ndef call{at}():\n    return client.get(\"/v1/accounts/{at}\")\n" for at in range(300))
    text = (f"import httpx\n\nclient = httpx.Client(\n    base_url=\"https://api.iugu.com\",\n"
            f"    headers={{\n{headers}    }},\n)\n{callers}")
    lines = list(enumerate(text.splitlines(), 1))
    read = sum(len(line) for before, own in groups(lines) for _, line in before + own)
    assert read <= 2 * len(text) + (64 << 10)


def _body() -> str:
    """An unsigned transfer's body."""
    return f'{{"api_token":"{iugu_token()}","amount_cents":1050}}'


def test_an_instance_s_client_its_constructor_sets_up_is_its_methods(tmp_path: Path) -> None:
    """Guzzle's client with ``base_uri`` and headers in the constructor, the path on the method's call: the method's
    group named no URL (``$this->client->…``, indented, was no module's client), and no request was read. Another
    class's client of the same name (one injected) is its own."""
    code = ("<?php\n\nclass TransferGateway\n{\n    private Client $client;\n\n    public function __construct()\n"
            "    {\n        $this->client = new Client([\n            'base_uri' => 'https://api.iugu.com',\n"
            "            'headers'  => ['Content-Type' => 'application/json'],\n        ]);\n    }\n\n"
            "    public function transfer(): string\n    {\n"
            f"        return (string) $this->client->request('POST', '{PATH}', [\n"
            f"            'body' => '{_body()}',\n        ])->getBody();\n    }}\n}}\n")
    assert written_requests(tmp_path, "TransferGateway.php", code)[0] == ["iugu-unsigned-transfer"]
    injected = ("\nclass Injected\n{\n    public function __construct(Client $client)\n    {\n"
                "        $this->client = $client;\n    }\n\n    public function pay(): string\n    {\n"
                f"        return (string) $this->client->request('POST', '{PATH}', ['body' => '{_body()}'])\n"
                "            ->getBody();\n"
                "    }\n}\n")
    assert written_requests(tmp_path, "Two.php", code + injected)[0] == ["iugu-unsigned-transfer"]


def test_a_session_whose_headers_are_set_to_a_map_written_out_is_a_client(tmp_path: Path) -> None:
    """requests' ``session.headers.update({…})`` right after the session is bound: its headers were hidden ones, so
    the transfer posted with none of its own was never unsigned; one updated elsewhere still leaves them unknown."""
    code = ("import requests\n\nsession = requests.Session()\nsession.headers.update({\n"
            "    \"Content-Type\": \"application/json\",\n})\n\n\ndef transfer():\n"
            f"    body = '{_body()}'\n"
            f"    return session.post(\"https://api.iugu.com{PATH}\", data=body).json()\n")
    assert written_requests(tmp_path, "payouts.py", code)[0] == ["iugu-unsigned-transfer"]
    later = code + "\n\ndef sign():\n    session.headers.update({\"Signature\": signature()})\n"
    assert written_requests(tmp_path, "signed.py", later)[0] == []


def test_a_class_macro_given_literals_sets_each_request_of_the_class(tmp_path: Path) -> None:
    """HTTParty's ``base_uri`` and ``headers`` on the class, the path on ``self.class.post``: Ruby's calls with no
    parentheses were no calls, and the class's lines no fields, so the method named no URL."""
    code = ("class TransferGateway\n  include HTTParty\n  base_uri 'https://api.iugu.com'\n"
            "  headers 'Content-Type' => 'application/json'\n\n  def transfer\n"
            f"    self.class.post('{PATH}', body: '{_body()}')\n  end\nend\n")
    assert written_requests(tmp_path, "gateway.rb", code)[0] == ["iugu-unsigned-transfer"]


@pytest.mark.parametrize("name, code", [
    ("Gateway.php", "return Http::withUserAgent('payouts/3.1')\n    ->withBody('{body}', 'application/json')\n"
                    "    ->post('https://api.iugu.com{path}');\n"),
    ("Gateway.java", "HttpHeaders headers = new HttpHeaders();\nheaders.setContentType(MediaType.APPLICATION_JSON);\n"
                     "HttpEntity<String> entity = new HttpEntity<>(\"{quoted}\", headers);\n"
                     "restTemplate.exchange(\"https://api.iugu.com{path}\", HttpMethod.POST, entity, String.class);\n"),
    ("Gateway.pm", "my $tx = $ua->post('https://api.iugu.com{path}' => {{'Content-Type' => 'application/json'}}"
                   " => '{body}');\n"),
])
def test_a_request_s_headers_set_by_calls_named_for_them_are_known(name: str, code: str, tmp_path: Path) -> None:
    """A header set by a call named for it (``withUserAgent``, ``setContentType``) left the header set unknown (a
    call on the headers the reader did not know), and Perl's ``$url => {…} => $body`` was one labelled argument:
    neither transfer was called unsigned."""
    text = code.format(body=_body(), quoted=_body().replace('"', '\\"'), path=PATH)
    assert written_requests(tmp_path, name, text)[0] == ["iugu-unsigned-transfer"]


@pytest.mark.parametrize("option", ["'handler' => $stack,", "'auth' => [$user, ''],", '"handler" => HandlerStack::create(),'])
def test_a_client_given_a_hook_as_an_array_key_leaves_its_calls_headers_unknown(option: str, tmp_path: Path) -> None:
    """Guzzle's ``'handler' => $stack`` (a HandlerStack a signing middleware is pushed on) or ``'auth' => …`` in the
    options of a client its constructor sets up: a quoted key, the hook all the same."""
    code = ("<?php\n\nclass TransferGateway\n{\n    public function __construct(HandlerStack $stack)\n    {\n"
            "        $this->client = new Client([\n            'base_uri' => 'https://api.iugu.com',\n"
            f"            {option}\n"
            "            'headers'  => ['Content-Type' => 'application/json'],\n        ]);\n    }\n\n"
            "    public function transfer(): string\n    {\n"
            f"        return (string) $this->client->request('POST', '{PATH}', [\n"
            f"            'body' => '{_body()}',\n        ])->getBody();\n    }}\n}}\n")
    assert written_requests(tmp_path, "TransferGateway.php", code)[0] == []


def test_a_request_whose_client_is_given_a_handler_stack_in_its_own_group_has_headers_unknown(tmp_path: Path) -> None:
    """The client built beside the call, given the stack a signing middleware is pushed on: unknown headers, no
    unsigned transfer; without the stack, the same call is one."""
    code = ("<?php\n\nfunction transfer(HandlerStack $stack): string\n{\n"
            "    $client = new Client(['base_uri' => 'https://api.iugu.com', 'handler' => $stack]);\n"
            f"    return (string) $client->request('POST', '{PATH}', [\n"
            "        'headers' => ['Content-Type' => 'application/json'],\n"
            f"        'body' => '{_body()}',\n    ])->getBody();\n}}\n")
    assert written_requests(tmp_path, "transfer.php", code)[0] == []
    plain = code.replace(", 'handler' => $stack", "")
    assert written_requests(tmp_path, "plain.php", plain)[0] == ["iugu-unsigned-transfer"]


SANDBOX = "https://sandbox.asaas.com/api/v3"


def _sent(folder: Path, name: str, text: str) -> list[tuple[str, str]]:
    path = folder / name
    path.write_text(text)
    report, _ = scan_json(str(path))
    return [(f["rule_id"], f["context"]["url"]) for f in report["findings"] if f["context"].get("method")]


@pytest.mark.parametrize("name, code", [
    ("pay.py", f'import httpx\nhttpx.post("{SANDBOX}/transfers", json={{"value": 1}})\n\n'
               f'client = httpx.Client(\n    base_url="{SANDBOX}",\n    timeout=10,\n)\n'),
    ("pay.js", f"fetch('{SANDBOX}/transfers', {{ method: 'POST', body: '{{\"value\": 1}}' }});\n\n"
               f"const api = axios.create({{ baseURL: '{SANDBOX}' }});\n")])
def test_a_module_s_call_keeps_its_url_beside_a_client_s_base_written_after_it(name: str, code: str,
                                                                                tmp_path: Path) -> None:
    """A script's call at module level and a client set up below it with a base URL that has a path are one group
    naming two URLs, each given to a call: the base is where the client's paths go, never a request's URL (the
    group named no one URL, and the transfer was lost)."""
    assert _sent(tmp_path, name, code) == [("asaas-unsigned-transfer", f"{SANDBOX}/transfers")]


@pytest.mark.parametrize("name, code", [
    ("pay.py", f'import httpx\n\nclient = httpx.Client(\n    base_url="{SANDBOX}",\n'
               '    headers={"Content-Type": "application/json"},\n)\n\n\n'
               'def pay():\n    return client.post("/transfers", json={"value": 1})\n'),
    ("pay.js", f"const api = axios.create({{\n  baseURL: '{SANDBOX}',\n"
               "  headers: { 'Content-Type': 'application/json' },\n});\n\n"
               "export const pay = () => api.post('/transfers', { value: 1 });\n")])
def test_a_client_s_path_is_joined_to_its_base_that_has_a_path(name: str, code: str, tmp_path: Path) -> None:
    """A base URL with a path (``…/api/v3``) was taken for the request's whole URL: the client's transfer to
    ``/transfers`` was read as sent to its base alone, and judged no transfer."""
    assert _sent(tmp_path, name, code) == [("asaas-unsigned-transfer", f"{SANDBOX}/transfers")]


def test_a_base_url_is_the_request_s_url_where_the_group_names_nothing_else(tmp_path: Path) -> None:
    """A module constant named like a base (``BASE_URL``) that a call is given, a client's base with a path and an
    empty one on the call, a plain-HTTP base with a path in a variable: each is all the group sends to, and its
    request is read as before client bases were set apart."""
    constant = ('import os\nimport requests\n\nBASE_URL = "https://api.asaas.com/v3/transfers"\n\n\n'
                'def transfer(body):\n    return requests.post(BASE_URL, json=body, '
                'headers={"access_token": os.environ["ASAAS_KEY"]})\n')
    assert written_requests(tmp_path, "constant.py", constant)[0] == ["asaas-unsigned-transfer"]
    empty = ('import httpx\n\nclient = httpx.Client(base_url="https://api.asaas.com/v3/transfers", '
             'headers={"access_token": "x"})\n\n\ndef transfer(body):\n    return client.post("", json=body)\n')
    assert written_requests(tmp_path, "empty.py", empty)[0] == ["asaas-unsigned-transfer"]
    plain = ('import httpx\n\nclient = httpx.Client(base_url="http://api.asaas.com/v3", headers={"User-Agent": "x"})'
             '\n\n\ndef call(path, body):\n    return client.post(path, json=body)\n')
    assert written_requests(tmp_path, "plain.py", plain)[0] == ["asaas-plaintext-request"]
