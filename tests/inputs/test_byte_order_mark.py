"""A UTF-8 byte-order mark (``EF BB BF``: Windows PowerShell 5.1's ``Out-File -Encoding utf8``, Notepad, Excel
write one) at a line's start is no character of the text, as no editor shows it: a file that begins with one is
read as the same file without it — its requests found at the same places, its keys at the same columns. Before,
the readers saw the mark before the first line's text: a curl command, an OkHttp line, a raw HTTP head and a
PowerShell command on the first line were no request (five findings lost), and every column on that line was one
too far."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.credentials import asaas_key
from helpers.running import run_scan

URL = "https://api.asaas.com/v3/transfers"
BOM = "\ufeff"
FIRST_LINES = {
    "call.ps1": f"Invoke-RestMethod -Uri '{URL}' -Method Post -Body '{{}}'\n",
    "okhttp.log": f"--> POST {URL}\n--> END POST\n",
    "curl.sh": f"curl -X POST '{URL}' -d '{{}}'\n",
    "head.http": "POST /v3/transfers HTTP/1.1\nHost: api.asaas.com\nContent-Type: application/json\n\n{}\n",
    "client.py": f"requests.post('{URL}', json={{}})\n",
}


def _places(folder: Path) -> list[tuple[str, str, int, int]]:
    found = run_scan(str(folder), jobs=1)
    return sorted((Path(f.location.path).name, f.rule_id, f.location.line, f.location.column) for f in found.findings)


@pytest.mark.parametrize("name", sorted(FIRST_LINES))
def test_a_file_that_begins_with_a_byte_order_mark_is_read_as_the_file_without_it(name: str, tmp_path: Path) -> None:
    plain, marked = tmp_path / "plain", tmp_path / "marked"
    for folder, mark in ((plain, ""), (marked, BOM)):
        folder.mkdir()
        (folder / name).write_text(mark + FIRST_LINES[name], encoding="utf-8")
    expected = _places(plain)
    assert expected and _places(marked) == expected


def test_a_key_on_a_marked_line_keeps_its_column(tmp_path: Path) -> None:
    """On the first line of a file, and on a line a second file's text begins (``cat a.env b.env``)."""
    key = asaas_key()
    line = f"ASAAS_API_KEY={key}"
    (tmp_path / "joined.env").write_text(f"{BOM}{line}\n# next file\n{BOM}{line}\n", encoding="utf-8")
    columns = [(f.location.line, f.location.column) for f in run_scan(str(tmp_path), jobs=1).findings
               if f.rule_id == "asaas-api-key"]
    assert sorted(columns) == [(1, line.index(key) + 1), (3, line.index(key) + 1)]
