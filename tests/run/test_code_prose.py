"""A rule about code finds nothing in a source file's prose: comments and docstrings name a URL or
a setting without using it. Secrets there are still found, and other files are as they were."""

from __future__ import annotations

from pathlib import Path

from helpers.credentials import asaas_key
from helpers.running import scan_json


def _found(folder: Path) -> list[tuple[str, int, str]]:
    report, _ = scan_json(str(folder))
    assert report["errors"] == []
    return sorted((Path(f["location"]["path"]).name, f["location"]["line"], f["rule_id"]) for f in report["findings"])


def test_a_url_or_a_setting_in_a_comment_or_a_docstring_is_no_finding_and_one_in_code_is(tmp_path: Path) -> None:
    key = asaas_key()
    (tmp_path / "client.py").write_text(
        '"""Asaas client. The v2 API lived at http://www.asaas.com/api/v2 once."""\n'
        "import requests\n\n"
        'API = "https://api.asaas.com/v3"\n\n\n'
        "def customers(token):\n"
        '    """Never pass verify=False here: any proxy could read the access_token."""\n'
        '    # requests.get(API + "/customers", verify=False)  (the old way)\n'
        '    return requests.get(API + "/customers", headers={"access_token": token}, verify=False)\n\n\n'
        f"# leaked once: {key}\n", encoding="utf-8")
    (tmp_path / "client.js").write_text(
        "/* The sandbox used to be http://sandbox.asaas.com/api/v3 */\n"
        'const legacy = "http://api.asaas.com/v3"; // still called by the batch job\n', encoding="utf-8")
    assert _found(tmp_path) == [("client.js", 2, "asaas-plaintext-http"), ("client.py", 10, "tls-verification-off"),
                                ("client.py", 13, "asaas-api-key")]


def test_prose_is_looked_for_in_source_code_only(tmp_path: Path) -> None:
    # A log's line is what a program did, whatever it starts with; test code is not read as code
    (tmp_path / "app.log").write_text('2026-11-22 10:00:00 INFO """ GET http://api.iugu.com/v1/invoices\n')
    folder = tmp_path / "tests"
    folder.mkdir()
    (folder / "test_client.py").write_text('"""http://api.iugu.com/v1"""\n', encoding="utf-8")
    assert [(name, line) for name, line, _rule in _found(tmp_path)] == [("app.log", 1), ("test_client.py", 1)]


def test_a_documents_sentences_are_prose_and_its_code_blocks_are_not(tmp_path: Path) -> None:
    # a security note in Portuguese warns against the URL in its sentences (inline code too); a README's
    # and a guide's examples, fenced, indented or a directive's body, show what a reader will run
    (tmp_path / "SEGURANCA.md").write_text(
        "# Segurança\n\n"
        "- Nunca use `http://api.iugu.com`: o iugu só aceita HTTPS.\n"
        "- Do not call http://api.asaas.com/v3 either.\n", encoding="utf-8")
    (tmp_path / "README.md").write_text(
        "Configure a URL:\n\n```python\nASAAS_URL = 'http://api.asaas.com/v3'\n```\n\n"
        "    IUGU_URL = 'http://api.iugu.com/v1'\n", encoding="utf-8")
    (tmp_path / "guia.rst").write_text(
        "Crie a conta de testes em http://sandbox.asaas.com antes.\n\n"
        ".. code-block:: python\n\n"
        "   ASAAS_URL = 'http://sandbox.asaas.com/api/v3'\n", encoding="utf-8")
    assert _found(tmp_path) == [("README.md", 4, "asaas-plaintext-http"), ("README.md", 7, "iugu-plaintext-http"),
                                ("guia.rst", 5, "asaas-plaintext-http")]


def test_a_block_quotes_fenced_code_and_an_html_pre_block_are_code_and_the_quotes_sentences_prose(
        tmp_path: Path) -> None:
    # a GitHub note quotes the commands it warns of, fenced inside the quote; a page keeps its example in <pre>:
    # each shows what a reader will run. The quote's own sentence, and the text after the </pre>, say something.
    (tmp_path / "NOTES.md").write_text(
        "> [!WARNING]\n> Do not call http://api.iugu.com from the browser:\n>\n> ```sh\n"
        "> export IUGU_URL=http://api.iugu.com/v1\n> ```\n\n"
        "<pre>\nASAAS_URL=http://api.asaas.com/v3\n</pre>\n\nThe old http://api.asaas.com/v3 is gone.\n",
        encoding="utf-8")
    assert _found(tmp_path) == [("NOTES.md", 5, "iugu-plaintext-http"), ("NOTES.md", 9, "asaas-plaintext-http")]


def test_a_pre_tag_named_in_a_sentence_opens_no_block_and_restructuredtext_has_no_quote_marks(tmp_path: Path) -> None:
    # a sentence that names the tag left every later line code (a warning's URL found); a Sphinx literal block's
    # `>>>` prompt, indented three columns, was read after its `>` marks as prose at the margin (its call lost)
    (tmp_path / "LEIAME.md").write_text(
        "Use a tag `<pre>` do HTML para exemplos.\n\nNão use mais a URL antiga http://api.iugu.com/v1/ (sem TLS).\n",
        encoding="utf-8")
    (tmp_path / "guia.rst").write_text("Exemplo::\n\n   >>> IUGU_URL = 'http://api.iugu.com/v1/charges'\n",
                                       encoding="utf-8")
    assert _found(tmp_path) == [("guia.rst", 3, "iugu-plaintext-http")]


def test_a_slash_is_a_comment_only_in_the_languages_that_write_one_so(tmp_path: Path) -> None:
    """Python's and Lua's `//` divide, Perl's is its defined-or, and a PowerShell bare word holds `://`: the rest of
    such a line was read as a comment, and the plain-HTTP URL in its code passed over. In JavaScript, `//` starts a
    comment still."""
    url = '"http://api.iugu.com/v1/charges"'
    lines = {"pages.py": f"pages = total // 2; url = {url}\n", "client.pl": f"my $url = $ENV{{IUGU_URL}} // {url};\n",
             "pages.lua": f"local n = total // 2; local url = {url}\n",
             "call.ps1": f"Invoke-RestMethod -Uri https://example.com/x; $url = {url}\n",
             "note.js": f"const pages = total / 2; // not {url}\n"}
    for name, line in lines.items():
        (tmp_path / name).write_text(line, encoding="utf-8")
    assert [name for name, _line, _rule in _found(tmp_path)] == ["call.ps1", "client.pl", "pages.lua", "pages.py"]
