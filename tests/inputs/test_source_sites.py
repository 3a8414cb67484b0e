"""Each transfer call in source code is its own place to fix: a function of 3 or 300 unsigned iugu transfers (a
migration script, a generated client) gives 3 or 300 findings, each at its own call's line — not one per function
(a function read as one request named one URL: 1 finding of 3, 2 of 300). A signed call beside an unsigned one
stays one signed (no finding) and one unsigned, in either order; headers a helper sets before the calls keep them
judged signed; a call in a loop is one place (real files in a temporary tree, the CLI)."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.running import scan_json

URL = "https://api.iugu.com/v1/transfers"
JSON = '"Content-Type", "application/json"'

# each language: its file, the text before the calls, one call (lines; `{i}` numbers it), the text after, and how
# many lines before the first call's line
_SHAPES = {
    "go": ("pay.go", 'package pay\n\nimport (\n\t"bytes"\n\t"net/http"\n)\n\nfunc Pay(body []byte) {\n'
           "\tclient := &http.Client{}\n",
           f'\treq{{i}}, _ := http.NewRequest("POST", "{URL}", bytes.NewReader(body))\n'
           f"\treq{{i}}.Header.Set({JSON})\n\tclient.Do(req{{i}})\n", "}\n"),
    "python": ("pay.py", "import requests\n\n\ndef pay(body):\n",
               f'    requests.post("{URL}", data=body, headers={{{{"Content-Type": "application/json"}}}})\n', ""),
    "js": ("pay.js", "async function pay(body) {\n",
           f'  await fetch("{URL}", {{{{ method: "POST", headers: {{{{ "Content-Type": "application/json" }}}}, '
           "body }});\n", "}\n"),
    "axios": ("pay.js", "const axios = require('axios');\n\nasync function pay(body) {\n",
              f'  await axios.post(\n    "{URL}",\n    body,\n'
              '    {{ headers: {{ "Content-Type": "application/json" }} }},\n  );\n', "}\n"),
    "java": ("Pay.java", "import okhttp3.*;\n\npublic class Pay {\n"
             "    public void pay(RequestBody body) throws Exception {\n"
             "        OkHttpClient client = new OkHttpClient();\n",
             "        Request r{i} = new Request.Builder()\n"
             f'            .url("{URL}")\n            .header({JSON})\n            .post(body)\n'
             "            .build();\n        client.newCall(r{i}).execute();\n", "    }\n}\n"),
    "php": ("Pay.php", "<?php\nuse GuzzleHttp\\Client;\n\nclass Pay\n{\n    public function run($body)\n    {\n"
            "        $client = new Client();\n",
            f"        $client->request('POST', '{URL}', ['headers' => ['Content-Type' => 'application/json'], "
            "'body' => $body]);\n", "    }\n}\n"),
}


def _places(path: Path) -> list[tuple[str, int]]:
    report, _ = scan_json(str(path))
    return sorted((f["rule_id"], f["location"]["line"]) for f in report["findings"])


def _write(folder: Path, shape: str, calls: int) -> tuple[Path, list[int]]:
    """A file of ``calls`` unsigned transfers in one function, and the line each call's URL is written on."""
    name, head, call, tail = _SHAPES[shape]
    path = folder / name
    path.write_text(head + "".join(call.format(i=i) for i in range(calls)) + tail)
    lines = path.read_text().splitlines()
    return path, [number for number, text in enumerate(lines, 1) if URL in text]


@pytest.mark.parametrize("shape", sorted(_SHAPES))
@pytest.mark.parametrize("calls", [3, 300])
def test_each_unsigned_transfer_call_of_a_function_is_a_finding_at_its_line(tmp_path: Path, shape: str,
                                                                            calls: int) -> None:
    path, lines = _write(tmp_path, shape, calls)
    assert len(lines) == calls
    assert _places(path) == [("iugu-unsigned-transfer", line) for line in lines]


def _go(first: str, second: str) -> str:
    call = ('\t{0}, _ := http.NewRequest("POST", "' + URL + '", bytes.NewReader(body))\n{1}\tclient.Do({0})\n')
    signed = '\t{0}.Header.Set("Signature", "signature="+sig)\n\t{0}.Header.Set("Request-Time", t)\n'
    unsigned = "\t{0}.Header.Set(" + JSON + ")\n"
    kinds = {"signed": signed, "unsigned": unsigned}
    return ('package pay\n\nimport (\n\t"bytes"\n\t"net/http"\n)\n\nfunc Pay(body []byte, sig, t string) {\n'
            "\tclient := &http.Client{}\n" + call.format("req1", kinds[first].format("req1"))
            + call.format("req2", kinds[second].format("req2")) + "}\n")


@pytest.mark.parametrize(("first", "second", "unsigned_line"), [("signed", "unsigned", 14),
                                                                 ("unsigned", "signed", 10)])
def test_a_signed_call_beside_an_unsigned_one_is_one_finding_in_either_order(tmp_path: Path, first: str, second: str,
                                                                             unsigned_line: int) -> None:
    path = tmp_path / "pay.go"
    path.write_text(_go(first, second))
    assert _places(path) == [("iugu-unsigned-transfer", unsigned_line)]


def test_mixed_calls_split_over_lines_are_judged_each_by_its_own_headers(tmp_path: Path) -> None:
    """A builder chain (OkHttp's) and an options object (fetch's) written over several lines: each call's headers
    are those its own statement sets, so the signed one is no finding and the unsigned one is, at its URL."""
    java = tmp_path / "Payouts.java"
    java.write_text("import okhttp3.*;\n\npublic class Payouts {\n"
                    "    public void pay(RequestBody body, String sig, String t) throws Exception {\n"
                    "        OkHttpClient client = new OkHttpClient();\n"
                    f'        Request signed = new Request.Builder()\n            .url("{URL}")\n'
                    '            .header("Signature", "signature=" + sig)\n            .header("Request-Time", t)\n'
                    "            .post(body)\n            .build();\n        client.newCall(signed).execute();\n"
                    f'        Request plain = new Request.Builder()\n            .url("{URL}")\n'
                    f"            .header({JSON})\n            .post(body)\n            .build();\n"
                    "        client.newCall(plain).execute();\n    }\n}\n")
    js = tmp_path / "payouts.js"
    js.write_text(f'async function pay(body, other, sig, t) {{\n  await fetch("{URL}", {{\n    method: "POST",\n'
                  '    headers: { "Content-Type": "application/json" },\n    body,\n  });\n'
                  f'  await fetch("{URL}", {{\n    method: "POST",\n'
                  '    headers: { "Signature": `signature=${sig}`, "Request-Time": t },\n    body: other,\n  });\n}\n')
    assert _places(java) == [("iugu-unsigned-transfer", 14)]
    assert _places(js) == [("iugu-unsigned-transfer", 2)]


def test_headers_set_before_the_calls_keep_them_unjudged_and_a_loop_is_one_place(tmp_path: Path) -> None:
    """Headers a helper makes (a signer's) bound before the calls, or a session's set so, are each call's: no
    unsigned claim. A call in a loop is one place however often it runs; the call before a signed header map is
    bound between two calls is judged by its own headers."""
    path = tmp_path / "payouts.py"
    path.write_text(f'import requests\n\n\ndef pay(a, b):\n    headers = sign(a)\n'
                    f'    requests.post("{URL}", data=a, headers=headers)\n'
                    f'    requests.post("{URL}", data=b, headers=headers)\n\n\n'
                    f'def pay_session(a, b):\n    s = requests.Session()\n    s.headers.update(signed_headers(a))\n'
                    f'    s.post("{URL}", data=a)\n    s.post("{URL}", data=b)\n\n\n'
                    f'def pay_loop(bodies):\n    for body in bodies:\n'
                    f'        requests.post("{URL}", data=body, headers={{"Content-Type": "application/json"}})\n\n\n'
                    f'def pay_between(a, b):\n'
                    f'    requests.post("{URL}", data=a, headers={{"Content-Type": "application/json"}})\n'
                    '    signed = {"Signature": "signature=" + sig(b), "Request-Time": now()}\n'
                    f'    requests.post("{URL}", data=b, headers=signed)\n')
    assert _places(path) == [("iugu-unsigned-transfer", 19), ("iugu-unsigned-transfer", 23)]


def test_a_call_after_its_headers_or_clients_defaults_change_is_not_judged_unsigned(tmp_path: Path) -> None:
    """What the function changes between two calls — the setup's header map updated, a client's default headers
    added to — reaches the later call, which its own piece does not show: that call's headers are unknown (no
    unsigned claim), the earlier call is still judged by its own."""
    python = tmp_path / "payouts.py"
    python.write_text(f'import requests\n\n\ndef pay(a, b):\n    h = {{"Content-Type": "application/json"}}\n'
                      f'    requests.post("{URL}", data=a, headers=h)\n    h.update(signed(b))\n'
                      f'    requests.post("{URL}", data=b, headers=h)\n\n\n'
                      f'def pay_two(a, b):\n    requests.get("{URL}", headers={{"Accept": "application/json"}})\n'
                      f'    requests.post("{URL}", json=a, headers={{"Accept": "application/json"}})\n')
    csharp = tmp_path / "Payouts.cs"
    call = ('        var {0} = new HttpRequestMessage(HttpMethod.Post, "' + URL + '");\n'
            '        {0}.Headers.Add("Accept", "application/json");\n        await _http.SendAsync({0});\n')
    csharp.write_text("using System.Net.Http;\n\npublic class Payouts\n{\n"
                      "    private readonly HttpClient _http = new HttpClient();\n\n"
                      "    public async Task PayAsync(string sig, string now)\n    {\n" + call.format("first")
                      + '        _http.DefaultRequestHeaders.Add("Signature", "signature=" + sig);\n'
                      + '        _http.DefaultRequestHeaders.Add("Request-Time", now);\n' + call.format("second")
                      + "    }\n}\n")
    assert _places(python) == [("iugu-unsigned-transfer", 6), ("iugu-unsigned-transfer", 13)]
    assert _places(csharp) == []


def test_calls_given_a_modules_url_constant_are_each_a_finding(tmp_path: Path) -> None:
    """A module's constant bound to the transfers' URL, sent by three calls of a function below it: three places."""
    path = tmp_path / "payouts.py"
    call = '    requests.post(IUGU_TRANSFERS, data={0}, headers={{"Content-Type": "application/json"}})\n'
    path.write_text(f'import requests\n\nIUGU_TRANSFERS = "{URL}"\n\n\ndef pay(a, b, c):\n'
                    + "".join(call.format(name) for name in "abc"))
    assert _places(path) == [("iugu-unsigned-transfer", line) for line in (7, 8, 9)]
