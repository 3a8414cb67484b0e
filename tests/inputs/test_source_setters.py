"""Source code whose HTTP client signs its requests through something installed on it — a mounted adapter, an auth
object, a transport, an interceptor, a delegating handler — shows no Signature at the transfer's call, yet may sign
it: the request's headers are unknown, never missing, so no unsigned transfer is reported (rules/requests.yaml's
``header_setters``); the file's other findings stay. A library's own part that sets no header (a retry adapter,
Basic auth, a logging interceptor, the default transport or handler) leaves the call's headers as they are shown
(real files in a temporary tree, the CLI)."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.credentials import iugu_token
from helpers.running import scan_json, written_requests

URL = "https://api.iugu.com/v1/transfer_requests"
UNSIGNED = ["iugu-unsigned-transfer"]

PYTHON_MOUNT = ("import requests\n\n\ndef transfer(body):\n    session = requests.Session()\n"
                "    session.mount(\"https://\", {setter})\n"
                f"    return session.post(\"{URL}\", data=body,\n"
                "                        headers={{\"Content-Type\": \"application/json\"}})\n")
PYTHON_AUTH = ("import requests\n\n\ndef transfer(body, key):\n"
               f"    return requests.post(\"{URL}\", data=body,\n"
               "                         headers={{\"Content-Type\": \"application/json\"}}, auth={setter})\n")
GO_TRANSPORT = ("package pay\n\nfunc Transfer(body string) error {{\n"
                "\tclient := &http.Client{{Transport: {setter}}}\n"
                f"\treq, _ := http.NewRequest(\"POST\", \"{URL}\", strings.NewReader(body))\n"
                "\treq.Header.Set(\"Content-Type\", \"application/json\")\n\t_, err := client.Do(req)\n"
                "\treturn err\n}}\n")
KOTLIN_OKHTTP = ("fun transfer(body: String) {{\n"
                 "    val client = OkHttpClient.Builder().addInterceptor({setter}).build()\n"
                 "    val request = Request.Builder()\n"
                 f"        .url(\"{URL}\")\n"
                 "        .header(\"Content-Type\", \"application/json\")\n"
                 "        .post(body.toRequestBody())\n        .build()\n"
                 "    client.newCall(request).execute()\n}}\n")
CSHARP_HANDLER = ("public async Task Transfer(string body)\n{{\n"
                  "    var client = new HttpClient({setter});\n"
                  f"    var request = new HttpRequestMessage(HttpMethod.Post, \"{URL}\");\n"
                  "    request.Headers.Add(\"Accept\", \"application/json\");\n"
                  "    request.Content = new StringContent(body, Encoding.UTF8, \"application/json\");\n"
                  "    await client.SendAsync(request);\n}}\n")

# (file, code, a setter that may sign, the library's own part that sets no header)
SHAPES = [
    ("payouts.py", PYTHON_MOUNT, "SigningAdapter(key_id=\"k1\")", "HTTPAdapter(max_retries=3)"),
    ("payouts.py", PYTHON_AUTH, "SignedAuth(key)", "HTTPBasicAuth(key, \"\")"),
    ("payouts.go", GO_TRANSPORT, "&signingTransport{key: key}", "&http.Transport{MaxIdleConns: 10}"),
    ("Payouts.kt", KOTLIN_OKHTTP, "SigningInterceptor(key)", "HttpLoggingInterceptor()"),
    ("Payouts.cs", CSHARP_HANDLER, "new SigningHandler(key)", "new HttpClientHandler()"),
]
IDS = ["requests-mount", "requests-auth", "go-transport", "okhttp-interceptor", "dotnet-handler"]


@pytest.mark.parametrize(("name", "code", "signing", "plain"), SHAPES, ids=IDS)
def test_a_client_with_a_setter_installed_sends_headers_unknown(tmp_path: Path, name: str, code: str, signing: str,
                                                                 plain: str) -> None:
    """Each was a false unsigned transfer; the same call with the library's own part installed is still read as
    unsigned (the group is read, and what cannot sign hides nothing)."""
    assert written_requests(tmp_path / "signed", name, code.format(setter=signing))[0] == []
    assert written_requests(tmp_path / "plain", name, code.format(setter=plain))[0] == UNSIGNED


def test_a_setter_keeps_the_groups_other_findings(tmp_path: Path) -> None:
    """Only the unsigned transfer goes: the token written in the same function is still found."""
    code = PYTHON_MOUNT.format(setter="SigningAdapter(key_id=\"k1\")").replace(
        "data=body", f"data='{{\"api_token\":\"{iugu_token()}\",\"amount_cents\":1050}}'")
    (tmp_path / "payouts.py").write_text(code)
    report, _ = scan_json(str(tmp_path / "payouts.py"))
    rules = [finding["rule_id"] for finding in report["findings"]]
    assert rules and "iugu-unsigned-transfer" not in rules
    assert any(rule.startswith("iugu") and "token" in rule for rule in rules), rules


def _long_function(setup: str) -> str:
    """A function over 32 KiB (read in statement pieces): its session set up at the top, a 400-row map of invoice
    URLs, then the transfer's post at the end, in a piece of its own."""
    filler = "".join(f'        "https://api.iugu.com/v1/invoices/{at:04}": "fatura numero {at:04} do cliente para '
                     'conciliacao bancaria mensal",\n' for at in range(400))
    return ("import requests\n\n\ndef transfer(body):\n    session = requests.Session()\n" + setup +
            "    known = {\n" + filler + "    }\n"
            f'    return session.post("{URL}", data=body,\n'
            '                        headers={"Content-Type": "application/json"})\n')


@pytest.mark.parametrize("setup", [
    "    session.mount(\"https://\", SigningAdapter(key_id=\"k1\"))\n",
    "    session.auth = IuguSignature(key)\n",
])
def test_a_setter_at_the_top_of_a_long_function_leaves_its_last_piece_s_headers_unknown(tmp_path: Path,
                                                                                        setup: str) -> None:
    """The post's piece, read alone, does not show the setter the function installed 40 KiB above it."""
    assert len(_long_function(setup)) > 40 << 10
    assert written_requests(tmp_path / "plain", "payouts.py", _long_function(""))[0] == UNSIGNED
    assert written_requests(tmp_path / "signed", "payouts.py", _long_function(setup))[0] == []
