"""The groups a source file's requests are read in (keyaudit/inputs/captures/source_groups.py): a class's fields
with the methods that use them, a module's URL constant with the calls that send it — and no more (real files in a
temporary tree, the CLI)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from helpers.running import request_places

ASAAS_TRANSFERS = "https://api.asaas.com/v3/transfers"
POST = (f'        return requests.post("{ASAAS_TRANSFERS}", json={{"value": value}},\n'
        '                             headers={"Content-Type": "application/json"})\n')


def _findings(folder: Path, name: str, text: str) -> list[tuple[str, int]]:
    (folder / name).write_text(text)
    return request_places(str(folder / name))


def test_a_field_naming_another_endpoint_is_not_the_url_of_a_method_that_writes_its_own(tmp_path: Path) -> None:
    """A client class's ``customers_url`` field beside a method posting to the transfers URL: put before the
    method's lines, it made two URLs of the method's group, so no one request (main found this transfer)."""
    code = ('import requests\n\n\nclass AsaasClient:\n    customers_url = "https://api.asaas.com/v3/customers"\n\n'
            "    def transfer(self, value):\n" + POST)
    assert _findings(tmp_path, "client.py", code) == [("asaas-unsigned-transfer", 8)]


def test_a_line_after_a_class_is_none_of_its_fields(tmp_path: Path) -> None:
    """A module's constant below a class (another environment's URL) was still taken for the class's field, and
    put before every later group: the function's own transfer had two URLs."""
    code = ('import requests\n\n\nclass Settings:\n    timeout = 30\n\n\n'
            'SANDBOX_TRANSFERS = "https://sandbox.asaas.com/api/v3/transfers"\n\n\n'
            "def pay(value):\n" + POST.replace("        return", "    return", 1))
    assert _findings(tmp_path, "payouts.py", code) == [("asaas-unsigned-transfer", 12)]


def test_a_constant_a_logger_prints_is_no_url_of_a_call(tmp_path: Path) -> None:
    """A webhook route of the app logging the transfers URL it is told about: the constant is no call's URL there
    (it was taken for one, and the route's ``app.post`` for its method: a payout no code sends)."""
    code = (f"const ASAAS_TRANSFERS_URL = '{ASAAS_TRANSFERS}';\n\nfunction registerWebhooks(app) {{\n"
            "  app.post('/webhooks/asaas/transfers', (req, res) => {\n"
            "    logger.info('transfer status from %s', ASAAS_TRANSFERS_URL, req.body.id);\n"
            "    res.setHeader('Content-Type', 'application/json');\n    res.status(200).end();\n  });\n}\n")
    assert _findings(tmp_path, "webhooks.js", code) == []


def test_a_field_line_of_blanks_is_read_in_one_pass(tmp_path: Path) -> None:
    """A line of a class's body is tried as a field: a lazy run of blanks after a greedy one made 40 KB of blanks
    12 s (100 KB: 83 s)."""
    code = ('import requests\n\n\nclass AsaasClient:\n    host = "https://api.asaas.com"\n' + " " * 40_000 + "\n"
            "    def transfer(self, value):\n" + POST)
    started = time.process_time()
    assert _findings(tmp_path, "client.py", code) == [("asaas-unsigned-transfer", 8)]
    assert time.process_time() - started < 5


def test_a_class_of_thousands_of_fields_and_methods_is_read_in_linear_time(tmp_path: Path) -> None:
    """Each method of a class looked for each field before it by a regular expression of its own: 2,000 fields
    and 2,000 methods naming them (130 KB) were 4 million searches, re's cache of 512 compiling each (25 s); the
    fields are now looked up by the names a method writes."""
    fields = "".join(f'    url{n} = "https://api.asaas.com/v3/x{n}"\n' for n in range(2_000))
    methods = "".join(f"    def m{n}(self):\n        return self.url{n}  # https://api.asaas.com/v3/y\n"
                      for n in range(2_000))
    code = "import requests\n\n\nclass AsaasClient:\n" + fields + methods + "    def transfer(self, value):\n" + POST
    started = time.process_time()
    assert _findings(tmp_path, "client.py", code) == [("asaas-unsigned-transfer", 6006)]
    assert time.process_time() - started < 5


def test_a_class_s_url_fields_given_to_each_method_are_read_in_linear_time(tmp_path: Path) -> None:
    """700 absolute URL fields were put before each of 2,000 methods that write no URL (each group 30 KB, read
    whole: 108 KB, 30 s); the fields given to a file's methods now add up to no more than 64 KB and the file's
    own characters, and a method past that is read alone — its own request still found."""
    fields = "".join(f'    url{n} = "https://api.asaas.com/v3/x{n}"\n' for n in range(700))
    methods = "".join(f"    def m{n}(self):\n        return self.x  # api.asaas.com\n" for n in range(2_000))
    code = "import requests\n\n\nclass AsaasClient:\n" + fields + methods + "    def transfer(self, value):\n" + POST
    started = time.process_time()
    assert _findings(tmp_path, "client.py", code) == [("asaas-unsigned-transfer", 4706)]
    assert time.process_time() - started < 5


def test_the_lines_naming_a_file_s_constants_are_found_in_one_pass_over_each(tmp_path: Path) -> None:
    """Each line of a group no anchor is in was searched once for each URL constant the file's anchored groups
    bind: 2,000 constants and 8 lines of 900 KB were 14 GB of searching (6.7 s); each line's words are looked up
    now, and the function that sends one of them is still read."""
    constants = "".join((f"function f{n}() {{}}\n" if n % 300 == 0 else "")
                        + f"const ASAAS_URL_{n} = '{ASAAS_TRANSFERS if n == 7 else f'{ASAAS_TRANSFERS}/{n}'}';\n"
                        for n in range(2_000))
    long_lines = "function pad() {\n" + ("  var s = '" + "x" * 900_000 + "';\n") * 8 + "}\n"
    sender = ("function pay(key) {\n  return axios.post(ASAAS_URL_7, {value: 1}, {\n"
              "    headers: {'Content-Type': 'application/json', access_token: key},\n  });\n}\n")
    started = time.process_time()
    assert _findings(tmp_path, "payouts.js", constants + long_lines + sender) == [("asaas-unsigned-transfer", 2019)]
    spent = time.process_time() - started
    assert spent < 5, spent  # (9.5 s before; 2.8 s, most of it the scan of 7 MB)


def test_a_class_macro_line_of_many_literals_is_read_in_one_pass(tmp_path: Path) -> None:
    """A line of a class's body that reads as a macro given literals up to a last character that is none (Ruby's
    ``default_params 'a'    'b' … !``): the blanks between literals were split every way before it failed (8
    literals: 14 s of CPU; 12: not done in a minute); the class's transfer is still read."""
    code = ("require 'net/http'\n\nclass AsaasClient\n  default_params " + "'x'    " * 12 + "!\n\n"
            f"  def transfer(value)\n    HTTParty.post('{ASAAS_TRANSFERS}', body: {{ value: value }}.to_json,\n"
            "                  headers: { 'Content-Type' => 'application/json' })\n  end\nend\n")
    started = time.process_time()
    assert _findings(tmp_path, "client.rb", code) == [("asaas-unsigned-transfer", 7)]
    assert time.process_time() - started < 5


def _service_class(methods: int) -> str:
    """A JavaScript service class of ``methods`` report methods (each naming the API in a comment: anchors all over
    the class) and one that posts a transfer: no ``function`` keyword ends a group between its methods."""
    filler = "".join(f"    async loadReport{at}(id) {{\n      const rows = await this.db.query("
                     f"'select * from report_{at} /* https://api.asaas.com/v3/payments */ where id = $1', [id]);\n"
                     "      return rows.map((row) => ({ id: row.id, total: row.total }));\n    }\n\n"
                     for at in range(methods))
    return ("const axios = require('axios');\n\nclass PaymentService {\n    constructor(db) {\n      this.db = db;\n"
            "    }\n\n" + filler + "    async transfer(value) {\n"
            f"      return axios.post('{ASAAS_TRANSFERS}', {{ value: value }},\n"
            "                        { headers: { 'Content-Type': 'application/json' } });\n    }\n}\n\n"
            "module.exports = PaymentService;\n")


def test_a_request_in_a_class_longer_than_a_group_is_read_in_its_method(tmp_path: Path) -> None:
    """A 40 KiB service class is one statement group (its methods are no declarations that end one), anchored all
    over: read whole it was over the 32 KiB a group is read in, and its transfer was lost without a word. Cut at its
    statements, the method that posts is read as a short class's is."""
    code = _service_class(200)
    assert len(code) > 40 << 10
    line = code.splitlines().index(f"      return axios.post('{ASAAS_TRANSFERS}', {{ value: value }},") + 1
    started = time.process_time()
    assert _findings(tmp_path, "service.js", code) == [("asaas-unsigned-transfer", line)]
    assert time.process_time() - started < 5


IUGU_TRANSFERS = "https://api.iugu.com/v1/transfer_requests"


def _long_function(setup: str, rows: int) -> str:
    """A function that sets its session up (``setup``), builds a map of ``rows`` invoice URLs (anchors all over),
    then posts a transfer giving one header of its own."""
    filler = "".join(f'        "https://api.iugu.com/v1/invoices/{at:04}": "fatura numero {at:04} do cliente para '
                     'conciliacao bancaria mensal",\n' for at in range(rows))
    return ("import requests\n\n\ndef transfer(body):\n    session = requests.Session()\n" + setup +
            "    known = {\n" + filler + "    }\n"
            f'    return session.post("{IUGU_TRANSFERS}", data=body,\n'
            '                        headers={"Content-Type": "application/json"})\n')


@pytest.mark.parametrize(("setup", "rows"), [
    ("    session.headers.update(signed_headers(body))\n", 400),  # headers a helper computes
    ('    session.headers.update({"Signature": sign(body), "Request-Time": now()})\n', 400),  # not shown by the post
    ("    session.mount('https://', mock_adapter)\n", 400),  # a test's stub
    ("    session.mount('https://', SigningAdapter(**settings))\n", 400),  # a spread may stand for anything
    ("    session.headers.update(signed_headers(body))\n", 800),  # over 64 KiB: not read whole, headers unknown
])
def test_a_piece_of_a_long_function_is_judged_with_what_the_whole_function_sets(
        tmp_path: Path, setup: str, rows: int) -> None:
    """A function over 32 KiB is read in statement pieces: its post, read alone, lost the headers the function set
    on its session above a 400-row map — a false unsigned transfer a short function never gave. A piece's headers
    are known only where the whole function's are and the piece shows each of them; a function that mocks gives
    none; one too long to read whole leaves its pieces' headers unknown."""
    code = _long_function(setup, rows)
    assert len(code) > 40 << 10
    assert _findings(tmp_path, "short.py", _long_function(setup, 10)) == []
    assert _findings(tmp_path, "payouts.py", code) == []
