"""A statement group that sends several requests, each by a call given its own URL: DevTools' "Copy all as fetch", a
function that reads a balance and then posts a transfer, a script of two calls. Read whole it named several URLs and
so no request, and the unsigned transfer in it went unreported; each call is now read without the others, with the
statements they share. A request written as several calls each given a part (libcurl's options) is not so split:
its pieces would mix the requests' headers (real files in a temporary tree, the CLI)."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.running import scan_json

IUGU = "https://api.iugu.com/v1/transfer_requests"
BASIC = "Basic YTY4OWVlMjdlZWMxODNiNjE1YThmNDhmMzk2NDM4MjU6"  # base64 of a synthetic 32-hex token and ":"


def _findings(tmp_path: Path, name: str, code: str) -> list[tuple[str, int]]:
    """The findings of ``code`` written to ``name``: rule and line."""
    path = tmp_path / name
    path.write_text(code)
    report, _ = scan_json(str(path))
    assert report["errors"] == []
    return sorted((f["rule_id"], f["location"]["line"]) for f in report["findings"])


SEVERAL = {
    "payout.py": ('import requests\n\n\ndef payout(body):\n'
                  '    balance = requests.get("https://api.iugu.com/v1/balance",\n'
                  '                           headers={"Accept": "application/json"})\n'
                  f'    return requests.post("{IUGU}",\n'
                  f'                         headers={{"Authorization": "{BASIC}"}}, data=body)\n'),
    "copied.js": ('fetch("https://example.com/static/app.js", {\n  "headers": {\n    "accept": "*/*"\n  },\n'
                  '  "body": null,\n  "method": "GET"\n});\n'
                  f'fetch("{IUGU}", {{\n  "headers": {{\n    "authorization": "{BASIC}"\n  }},\n'
                  '  "body": "{\\"amount_cents\\":1050}",\n  "method": "POST"\n});\n'),
    "payout.ts": ('const axios = require("axios");\n\nexport async function payout(body: object) {\n'
                  '  await axios.get("https://api.iugu.com/v1/accounts/me", { headers: { Accept: "*/*" } });\n'
                  f'  return axios.post("{IUGU}", body,\n'
                  '    { headers: { Authorization: process.env.IUGU_BASIC } });\n}\n'),
}


@pytest.mark.parametrize("name", sorted(SEVERAL))
def test_each_call_given_its_url_in_a_group_of_several_is_a_request(name: str, tmp_path: Path) -> None:
    """The transfer among the group's calls is judged, on its own line: sent without a signature."""
    code = SEVERAL[name]
    line = next(number for number, text in enumerate(code.split("\n"), 1) if IUGU in text)
    assert ("iugu-unsigned-transfer", line) in _findings(tmp_path, name, code)


def test_a_signed_transfer_among_several_calls_is_no_finding(tmp_path: Path) -> None:
    """The transfer's own call carries its ``Signature`` and ``Request-Time``: signed, whatever the other call
    sends."""
    code = SEVERAL["payout.py"].replace(
        f'"Authorization": "{BASIC}"',
        '"Authorization": AUTH, "Signature": sign(body), "Request-Time": now()')
    assert [rule for rule, _ in _findings(tmp_path, "payout.py", code) if rule.endswith("unsigned-transfer")] == []


SHARED = {  # what the calls share, or a call given as no statement of its own: each reading would mix them
    "signed": ('    headers = {"Authorization": AUTH, "Content-Type": "application/json"}\n'
               '    headers["Signature"] = sign(body)\n',
               '    requests.get("https://api.iugu.com/v1/balance", headers=headers)\n'),
    "signer_called": ('    headers = {"Authorization": AUTH, "Request-Time": now()}\n'
                      '    headers["Signature"] = requests.post("https://vault.internal/v1/transit/sign/iugu",'
                      ' json={"input": body}).json()["signature"]\n',
                      '    requests.get("https://api.iugu.com/v1/balance", headers={"Accept": "*/*"})\n'),
    "default_url": ('    headers = {"Authorization": AUTH, "Request-Time": now()}\n'
                    '    headers["Signature"] = sign(body, url=os.environ.get("KEY", "https://vault.internal/k"))\n',
                    '    requests.get("https://api.iugu.com/v1/balance", headers={"Accept": "*/*"})\n'),
    "rebound": ('    headers = {"Authorization": SANDBOX_AUTH}\n',
                '    requests.get("https://api-sandbox.iugu.com/v1/balance", headers=headers)\n'
                '    headers = {"Authorization": AUTH, "Signature": sign(body), "Request-Time": now()}\n'),
}


@pytest.mark.parametrize("shape", sorted(SHARED))
def test_calls_that_share_a_binding_or_are_no_statements_are_not_read_apart(shape: str, tmp_path: Path) -> None:
    """A signature set on a headers map both calls are given, computed by a call to a signing service, or with a
    URL given as a default; headers rebound between the calls: read apart, each was a false unsigned transfer (an
    adversarial review's); the group stays unread as one request, as before."""
    above, between = SHARED[shape]
    code = (f'import os\nimport requests\n\n\ndef payout(body):\n{above}{between}'
            f'    return requests.post("{IUGU}", headers=headers, data=body)\n')
    assert [rule for rule, _ in _findings(tmp_path, "payout.py", code) if rule.startswith("iugu-")
            and not rule.endswith("credential")] == []


def test_requests_written_as_options_of_several_calls_are_not_mixed(tmp_path: Path) -> None:
    """``curl --libcurl`` output of two requests in one ``main``: each request is several ``curl_easy_setopt`` calls,
    so no call carries a whole request — not split, no request mixed of both (a signature replayed, one's method
    given the other's URL)."""
    def snippet(url: str, header: str, method: str) -> str:
        return ('  hnd = curl_easy_init();\n  slist = NULL;\n'
                f'  slist = curl_slist_append(slist, "{header}");\n'
                f'  curl_easy_setopt(hnd, CURLOPT_URL, "{url}");\n'
                '  curl_easy_setopt(hnd, CURLOPT_HTTPHEADER, slist);\n'
                f'  curl_easy_setopt(hnd, CURLOPT_CUSTOMREQUEST, "{method}");\n'
                '  ret = curl_easy_perform(hnd);\n  curl_easy_cleanup(hnd);\n')
    code = ('#include <curl/curl.h>\n\nint main(int argc, char *argv[])\n{\n  CURLcode ret;\n  CURL *hnd;\n'
            '  struct curl_slist *slist;\n'
            + snippet("https://api.iugu.com/v1/balance", "Signature: signature=c2lnbmVk", "POST")
            + snippet(IUGU, "Accept: application/json", "GET") + '  return (int)ret;\n}\n')
    assert _findings(tmp_path, "payout.c", code) == []
