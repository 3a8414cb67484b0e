"""Command lines of other tools than curl, read through the same table: HTTPie's `http`/`https`
(a method word, then request items whose separator says their role) and PowerShell's
`Invoke-WebRequest`/`Invoke-RestMethod` (parameters, hash literals, backtick escapes).

What the command computes (a variable, a call) is unknown, never absent: such a header value is
sent but unverifiable, a `-Headers $variable` hides every header (no request is called
unsigned), a computed body leaves the signature unjudged.
"""

from __future__ import annotations

from pathlib import Path

from helpers.credentials import iugu_token
from helpers.running import written_requests
from keyaudit.inputs.captures import curl
from keyaudit.model.exchange import Exchange

URL = "https://api.iugu.com/v1/transfer_requests"


def read(*lines: str) -> list[Exchange]:
    return list(curl.exchanges(list(enumerate(lines, 1)), "payout.sh"))


def test_httpie_items_say_headers_query_and_json_fields() -> None:
    (found,) = read(f"http POST {URL} X-Trace:7 'Accept;' amount_cents:=1050 'note=mensal pix' page==2")
    assert (found.method, found.url, found.header("X-Trace"), found.header("Accept")) == (
        "POST", URL + "?page=2", "7", "")
    assert (found.header("Content-Type"), found.header("User-Agent"), found.body) == (
        "application/json", "HTTPie", b'{"amount_cents": 1050, "note": "mensal pix"}')


def test_httpie_https_command_form_and_raw_bodies() -> None:
    form, raw = read("https --form api.iugu.com/v1/transfers amount=10 'name=bob smith'",
                     "http --raw '{\"a\":1}' PUT https://api.iugu.com/v1/b")
    assert (form.method, form.url, form.header("Content-Type"), form.body) == (
        "POST", "https://api.iugu.com/v1/transfers", "application/x-www-form-urlencoded", b"amount=10&name=bob+smith")
    assert (raw.method, raw.body, raw.header("Content-Type")) == ("PUT", b'{"a":1}', "application/json")


def test_httpie_file_items_leave_the_body_unknown_and_prose_is_no_command() -> None:
    (upload,) = read(f"http -A bearer -a tok {URL} body@transfer.json")
    assert (upload.method, upload.body, upload.header("Authorization")) == ("POST", None, "Bearer tok")
    assert read("use http to call the API, then an http request https://api.iugu.com/v1/x is logged",
                "the firm irm https://api.iugu.com/v1/x said") == []


def test_a_body_read_from_a_file_is_sent_unshown_not_absent() -> None:
    """HTTPie sends what the shell redirects to its standard input (`< transfer.json`), unless told
    `--ignore-stdin`; curl sends a file's content for `--data-binary @file`: each request has a body
    the command does not show (``body_exact`` False, no body), never one said to be none; the file
    on curl's standard input is no word of curl's (no URL)."""
    (redirected,) = read(f"http POST {URL} Signature:signature=abc < transfer.json")
    assert (redirected.body, redirected.body_exact, redirected.header("Signature")) == (None, False, "signature=abc")
    (ignored,) = read(f"http --ignore-stdin POST {URL} Signature:signature=abc < transfer.json")
    assert (ignored.body, ignored.body_exact) == (None, True)
    (data_file,) = read(f"curl -X POST {URL} --data-binary @transfer.json")
    assert (data_file.body, data_file.body_exact) == (None, False)
    (plain_input,) = read(f"curl {URL} < transfer.json")
    assert (plain_input.method, plain_input.url, plain_input.body_exact) == ("GET", URL, True)


def test_powershell_parameters_hash_literals_and_escapes() -> None:
    (rest,) = read(f'$r = Invoke-RestMethod "{URL}" -Meth Post -Headers @{{ "Request-Time" = \'t\'; X=1',
                   "  Y = 'two' }` ",
                   '  -ContentType:application/json -Body "{`"a`":`"b$([char]10)`"}"')
    assert (rest.method, rest.url, rest.headers[:3]) == ("POST", URL, [("Request-Time", "t"), ("X", "1"), ("Y", "two")])
    assert (rest.header("Content-Type"), rest.header("User-Agent"), rest.body) == (
        "application/json", "PowerShell", b'{"a":"b\n"}')
    (here,) = read(f"iwr -Uri:{URL} -Method:POST -Body @'", '{"a":1}', "'@", "echo done")
    assert (here.method, here.body) == ("POST", b'{"a":1}')


def test_powershell_computed_parts_are_unknown_not_absent() -> None:
    (signed,) = read(f"Invoke-WebRequest {URL} -Method POST -Headers @{{ Signature = sign $body;"
                     " 'Request-Time' = $now } -Body $body")
    assert (signed.header("Signature"), signed.header("Request-Time"), signed.body) == ("…", "…", None)
    (hidden,) = read(f'Invoke-RestMethod -Uri "{URL}" -Method Post -Headers $headers -Body \'{{}}\'')
    assert (hidden.headers_known, hidden.body) == (False, b"{}")
    assert read('Invoke-RestMethod -Uri "https://api.iugu.com/v1/$path" -Method Post') == []


def test_a_powershell_session_hides_headers_unless_made_just_above_without_them() -> None:
    made = "$session = New-Object Microsoft.PowerShell.Commands.WebRequestSession"
    command = f'Invoke-WebRequest -Uri "{URL}" -Method "POST" -WebSession $session -Body "x"'
    (fresh,) = read(made, '$session.UserAgent = "payouts/3.1"', command)
    (added,) = read(made, '$session.Headers.Add("Signature", $signature)', command)
    (elsewhere,) = read(command)
    assert (fresh.headers_known, added.headers_known, elsewhere.headers_known) == (True, False, False)


def test_a_script_whose_headers_or_signature_are_computed_is_never_called_unsigned(tmp_path: Path) -> None:
    body = '{"api_token":"%s","amount_cents":1050}' % iugu_token()
    computed = (f"$body = '{body}'\n$headers = Get-SignedHeaders $body\n"
                f"Invoke-RestMethod -Uri '{URL}' -Method Post -Headers $headers -Body $body\n")
    called = (f"Invoke-RestMethod -Uri '{URL}' -Method Post -ContentType 'application/json' `\n"
              "  -Headers @{ Signature = (New-Signature $body); 'Request-Time' = (Get-Date -Format o) } `\n"
              f"  -Body '{body}'\n")
    literal = f"Invoke-RestMethod -Uri '{URL}' -Method Post -Headers @{{ 'X-A' = '1' }} -Body '{body}'\n"
    assert written_requests(tmp_path, "computed.ps1", computed)[0] == []
    assert written_requests(tmp_path, "called.ps1", called)[0] == []
    assert written_requests(tmp_path, "literal.ps1", literal)[0] == ["iugu-unsigned-transfer"]
