"""Transfers whose URL a call composes of a module's base and a path: a format string filled in (``.format``,
``%``, ``sprintf``, ``fmt.Sprintf``, ``String.format``, ``string.Format``) or a reference resolved against the base
(``urljoin``, ``URI.join``, ``new URL(path, base)``). Read as what the code computes, each was no URL, so the transfer
sent without a signature went unreported; a call given what the code computes, or a format with more than plain
conversions, stays unknown (real files in a temporary tree, the CLI)."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.running import scan_json

ASAAS = "https://api.asaas.com/v3"
HEADERS_PY = 'headers={"access_token": os.environ["ASAAS_KEY"]}'


def _requests(tmp_path: Path, name: str, code: str) -> list[tuple[str, str, int]]:
    """The request findings of ``code`` written to ``name``: rule, URL and line."""
    path = tmp_path / name
    path.write_text(code)
    report, _ = scan_json(str(path))
    assert report["errors"] == []
    return sorted((f["rule_id"], f["context"]["url"], f["location"]["line"]) for f in report["findings"]
                  if f["context"].get("method"))


def _python(url: str, base: str = ASAAS) -> str:
    """A Python module that posts a transfer to ``url`` (an expression) with its key and no signature."""
    return (f'import os\nfrom urllib.parse import urljoin\n\nimport requests\n\nBASE_URL = "{base}"\n\n\n'
            f'def pay(value):\n    return requests.post({url}, json={{"value": value}}, {HEADERS_PY})\n')


# each language's composing call, given the module's base and the transfers' path
FORMATTED = {
    "format.py": _python('"{}/transfers".format(BASE_URL)'),
    "numbered.py": _python('"{0}/{1}".format(BASE_URL, "transfers")'),
    "percent.py": _python('"%s/transfers" % BASE_URL'),
    "percent_tuple.py": _python('"%s/%s" % (BASE_URL, "transfers")'),
    "urljoin.py": _python('urljoin(BASE_URL, "transfers")', base=f"{ASAAS}/"),
    "template.py": _python('TRANSFERS.format(BASE_URL)').replace("BASE_URL =", 'TRANSFERS = "{}/transfers"\nBASE_URL ='),
    "payouts.go": (f'package payouts\n\nconst baseURL = "{ASAAS}"\n\nfunc Pay(key string, body io.Reader) {{\n'
                   '\treq, _ := http.NewRequest("POST", fmt.Sprintf("%s/transfers", baseURL), body)\n'
                   '\treq.Header.Set("access_token", key)\n\thttp.DefaultClient.Do(req)\n}\n'),
    "payouts.php": (f"<?php\nconst ASAAS_URL = '{ASAAS}';\n\nfunction pay($key, $body) {{\n"
                    "    $ch = curl_init(sprintf('%s/transfers', ASAAS_URL));\n"
                    "    curl_setopt($ch, CURLOPT_POST, true);\n"
                    "    curl_setopt($ch, CURLOPT_HTTPHEADER, ['access_token: ' . $key]);\n"
                    "    curl_setopt($ch, CURLOPT_POSTFIELDS, json_encode($body));\n    return curl_exec($ch);\n}\n"),
    "Payouts.cs": (f'public class Payouts\n{{\n    private const string BaseUrl = "{ASAAS}";\n\n'
                   '    public async Task<HttpResponseMessage> Pay(HttpClient http, string key, string json)\n    {\n'
                   '        var request = new HttpRequestMessage(HttpMethod.Post, string.Format("{0}/transfers", '
                   'BaseUrl));\n        request.Headers.Add("access_token", key);\n'
                   '        request.Content = new StringContent(json, Encoding.UTF8, "application/json");\n'
                   '        return await http.SendAsync(request);\n    }\n}\n'),
    "payouts.js": ('const BASE = "https://api.asaas.com/v3/";\n\nasync function pay(key, body) {\n'
                   '  return fetch(new URL("transfers", BASE), {\n    method: "POST",\n'
                   '    headers: { access_token: key },\n    body: JSON.stringify(body),\n  });\n}\n'),
    "Payouts.kt": (f'const val BASE = "{ASAAS}"\n\nfun pay(client: OkHttpClient, key: String, body: RequestBody) {{\n'
                   '    val request = Request.Builder().url("%s/transfers".format(BASE)).post(body)\n'
                   '        .addHeader("access_token", key).build()\n    client.newCall(request).execute()\n}\n'),
    "payouts.rb": (f'BASE = "{ASAAS}/"\n\ndef pay(key, value)\n'
                   '  HTTParty.post(URI.join(BASE, "transfers").to_s, body: { value: value }.to_json,\n'
                   '    headers: { "access_token" => key })\nend\n'),
}


@pytest.mark.parametrize("name", sorted(FORMATTED))
def test_a_url_a_call_composes_of_a_base_and_a_path_is_the_url_sent(name: str, tmp_path: Path) -> None:
    """The format filled in (a template bound to a name too), or the path resolved against the base: the
    transfers' URL, judged on the line that composes it."""
    code = FORMATTED[name]
    line = max(number for number, text in enumerate(code.split("\n"), 1) if "transfers" in text.lower())
    assert _requests(tmp_path, name, code) == [("asaas-unsigned-transfer", f"{ASAAS}/transfers", line)]


@pytest.mark.parametrize("url", ['"{}/transfers".format(base_url)', '"%s/transfers" % settings.BASE',
                                 '"{base}/transfers".format(base=BASE_URL)', '"{:>40}/transfers".format(BASE_URL)',
                                 '"%40s/transfers" % BASE_URL', '"%s/transfers/%s" % BASE_URL',
                                 'urljoin(BASE_URL, path)', '"%s/transfers" % BASE_URL + suffix',
                                 'base_url.format(BASE_URL)'])
def test_a_call_given_what_the_code_computes_or_a_format_beyond_plain_fields_is_no_url(url: str,
                                                                                       tmp_path: Path) -> None:
    """A parameter, a member, a named or sized field, more fields than arguments, a path the code gives: what the
    call makes is not written out, so no request (the hook never guesses a URL)."""
    code = _python(url).replace("def pay(value)", "def pay(value, base_url, path, suffix)")
    assert _requests(tmp_path, "pay.py", code) == []


def test_a_signed_transfer_whose_url_a_call_composes_is_no_finding(tmp_path: Path) -> None:
    """``"%s/transfers" % BASE_URL`` with its ``Signature`` and ``Request-Time`` written out: signed."""
    code = _python('"%s/transfers" % BASE_URL').replace(
        HEADERS_PY, 'headers={"access_token": os.environ["ASAAS_KEY"], "Signature": sign(value), '
                    '"Request-Time": now()}')
    assert _requests(tmp_path, "pay.py", code) == []
