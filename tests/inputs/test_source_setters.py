"""Source code whose HTTP client signs its requests through something installed on it — a mounted adapter, an auth
object, a transport, an interceptor, a delegating handler — shows no Signature at the transfer's call, yet may sign
it: the request's headers are unknown, never missing, so no unsigned transfer is reported (rules/requests.yaml's
``header_setters``); the file's other findings stay. What cannot sign — a library's own part (a retry adapter, Basic
auth, a logging interceptor, a timeout transport, a plain handler), also held in a variable, a literal pair, a local
merely named auth, a comment or a string — leaves the call's headers as they are shown (real files in a temporary
tree, the CLI)."""

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

# a real unsigned transfer beside something installed or named that cannot sign (each was hidden by a pattern over
# raw text, or by the word "interceptor" in a name): each file's transfer must stay reported
PYTHON_HELD_ADAPTER = PYTHON_MOUNT.format(setter="adapter").replace(
    "    session.mount", "    adapter = HTTPAdapter(max_retries=Retry(3))\n    session.mount")
PYTHON_HELD_PAIR = PYTHON_AUTH.format(setter="credentials").replace(
    "    return", "    credentials = (key, \"\")\n    return")
JS_BASIC = ("async function transfer(token, body) {\n  const auth = Buffer.from(token + ':').toString('base64');\n"
            f"  return axios.post('{URL}', body, {{ headers: {{ Authorization: 'Basic ' + auth }} }});\n}}\n")
GO_HELD_TRANSPORT = GO_TRANSPORT.format(setter="tr").replace(
    "\tclient", "\ttr := &http.Transport{ResponseHeaderTimeout: 5 * time.Second}\n\tclient")
CSHARP_HELD_HANDLER = CSHARP_HANDLER.format(setter="handler").replace(
    "    var client", "    var handler = new HttpClientHandler();\n    var client")
PYTHON_COMMENT = ("import requests\n\n\ndef transfer(body):\n    # no middleware or interceptor here\n"
                  f"    return requests.post(\"{URL}\", json=body,\n"
                  "                         headers={\"Content-Type\": \"application/json\"})\n")
JS_RESPONSE = ("api.interceptors.response.use((response) => response, (error) => Promise.reject(error));\n\n"
               "async function transfer(body) {\n"
               "  api.interceptors.response.use((response) => response, (error) => Promise.reject(error));\n"
               f"  return api.post('{URL}', body, {{ headers: {{ 'Content-Type': 'application/json' }} }});\n}}\n")
JS_STRING = ("async function transfer(body) {\n  console.log('posting without an interceptor');\n"
             f"  return axios.post('{URL}', body, {{ headers: {{ 'Content-Type': 'application/json' }} }});\n}}\n")
UNSIGNED_FILES = {
    "held_adapter.py": PYTHON_HELD_ADAPTER, "held_pair.py": PYTHON_HELD_PAIR, "basic.js": JS_BASIC,
    "held_transport.go": GO_HELD_TRANSPORT, "HeldHandler.cs": CSHARP_HELD_HANDLER, "comment.py": PYTHON_COMMENT,
    "string.js": JS_STRING, "response.js": JS_RESPONSE,
    "Logging.kt": KOTLIN_OKHTTP.format(setter="HttpLoggingInterceptor().apply { level = BODY }"),
    "retry.py": PYTHON_MOUNT.format(setter="HTTPAdapter(max_retries=Retry(total=3))"),
    "basic_auth.py": PYTHON_AUTH.format(setter="HTTPBasicAuth(key, \"\")"),
    "plain_transport.go": GO_TRANSPORT.format(setter="&http.Transport{MaxIdleConns: 10}"),
}
# the same calls, their client given a signer (in the call, or held in a variable the group binds)
SIGNED_FILES = {
    "adapter.py": PYTHON_MOUNT.format(setter="SigningAdapter(key_id=\"k1\")"),
    "held_adapter.py": PYTHON_HELD_ADAPTER.replace("HTTPAdapter(max_retries=Retry(3))", "IuguSigningAdapter(key)"),
    "auth.py": PYTHON_AUTH.format(setter="RsaSignAuth(key)"),
    "transport.go": GO_TRANSPORT.format(setter="&signingTransport{key: key}"),
    "held_transport.go": GO_HELD_TRANSPORT.replace("&http.Transport{ResponseHeaderTimeout: 5 * time.Second}",
                                                   "&hmacTransport{base: http.DefaultTransport}"),
    "Signing.kt": KOTLIN_OKHTTP.format(setter="SignatureInterceptor(key)"),
    "Handler.cs": CSHARP_HANDLER.format(setter="new SigningHandler(key)"),
    "HeldHandler.cs": CSHARP_HELD_HANDLER.replace("new HttpClientHandler();", "new SigningHandler(key) { InnerHandler "
                                                  "= new HttpClientHandler() };"),
}


def _by_file(folder: Path, files: dict[str, str]) -> tuple[dict[str, list[str]], int]:
    """``files`` written to ``folder`` and scanned at once: each file's request findings, and the requests judged."""
    folder.mkdir()
    for name, code in files.items():
        (folder / name).write_text(code)
    report, _ = scan_json(str(folder))
    found: dict[str, list[str]] = {name: [] for name in files}
    for finding in report["findings"]:
        if finding["context"].get("method"):
            found[Path(finding["location"]["path"]).name].append(finding["rule_id"])
    return found, report["scan"]["requests"]["requests_judged"]


def test_a_client_given_what_cannot_sign_still_sends_an_unsigned_transfer(tmp_path: Path) -> None:
    """A retry adapter or Basic pair held in a variable, a local named auth, a timeout transport, a plain handler, a
    logging or a response interceptor, a comment or a string naming an interceptor: nothing there signs, each
    transfer is reported."""
    found, _ = _by_file(tmp_path / "plain", UNSIGNED_FILES)
    assert found == dict.fromkeys(UNSIGNED_FILES, UNSIGNED)


def test_a_client_given_a_signer_sends_headers_unknown(tmp_path: Path) -> None:
    """Each was a false unsigned transfer; each is still read as a request (judged), its headers unknown."""
    found, judged = _by_file(tmp_path / "signed", SIGNED_FILES)
    assert found == dict.fromkeys(SIGNED_FILES, [])
    assert judged == len(SIGNED_FILES)


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
