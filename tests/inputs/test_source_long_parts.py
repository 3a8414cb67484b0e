"""Functions longer than a part is read whole in (64 KiB): a script of hundreds of identical transfers, a batch of
OkHttp builders split over lines. Read whole, their reading grew with the square of their bindings, so they were
given up — every piece's headers unknown, 0 findings for hundreds of unsigned transfers. Read in their statement
pieces, each alone, the cost stays linear and the transfers are judged; what one piece sets that the others do not
show still leaves them unknown (real files in a temporary tree, the CLI)."""

from __future__ import annotations

from pathlib import Path

from helpers.running import scan_json

ASAAS_TRANSFERS = "https://api.asaas.com/v3/transfers"


def _findings(folder: Path, name: str, text: str) -> tuple[list[tuple[str, int]], dict]:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    report, _ = scan_json(str(path))
    return sorted((f["rule_id"], f["location"]["line"]) for f in report["findings"]), report["scan"]["requests"]


def test_hundreds_of_identical_transfers_in_one_function_are_judged(tmp_path: Path) -> None:
    """620 posts of one function, 65 KiB: each names its URL and its one header, so each piece read is an unsigned
    transfer (one finding a piece: the posts of a piece are one request written alike)."""
    calls = "".join(f'    requests.post("{ASAAS_TRANSFERS}", json={{"value": {at}}}, headers={{"access_token": key}})\n'
                    for at in range(620))
    code = "import requests\n\n\ndef pay_all(key):\n" + calls
    assert len(code) > 64 << 10
    found, requests = _findings(tmp_path, "bulk.py", code)
    assert found and {rule for rule, _ in found} == {"asaas-unsigned-transfer"}
    assert all(5 <= line <= 624 for _, line in found) and "request_records_cut" not in requests


def test_builders_split_over_lines_in_a_long_function_are_each_judged(tmp_path: Path) -> None:
    """300 OkHttp builders, each over five lines (``.url(…)``, ``.addHeader(…)``, ``.post(…)``), 80 KiB: each is a
    transfer with its headers shown, and each is an unsigned one."""
    builders = "".join(f'        Request r{at} = new Request.Builder()\n            .url("{ASAAS_TRANSFERS}")\n'
                       '            .addHeader("access_token", key)\n'
                       f'            .post(RequestBody.create("{{\\"value\\": {at}}}", JSON))\n            .build();\n'
                       f"        client.newCall(r{at}).execute();\n" for at in range(300))
    code = ("class Bulk {\n    void payAll(OkHttpClient client, String key) throws IOException {\n" + builders +
            "    }\n}\n")
    assert len(code) > 64 << 10
    found, _ = _findings(tmp_path, "src/Bulk.java", code)
    assert found == [("asaas-unsigned-transfer", 4 + 6 * at) for at in range(300)]


def test_a_long_functions_headers_set_in_one_piece_stay_unknown_in_the_others(tmp_path: Path) -> None:
    """The reading kept: a session given headers a helper computes at the top of a 65 KiB function of posts leaves
    every post's headers unknown (read in pieces, the other pieces do not show that setting)."""
    calls = "".join(f'    session.post("{ASAAS_TRANSFERS}", json={{"value": {at}}}, headers={{"access_token": key}})\n'
                    for at in range(620))
    code = ("import requests\n\n\ndef pay_all(key, body):\n    session = requests.Session()\n"
            "    session.headers.update(signed_headers(body))\n" + calls)
    assert len(code) > 64 << 10
    assert _findings(tmp_path, "bulk.py", code)[0] == []
