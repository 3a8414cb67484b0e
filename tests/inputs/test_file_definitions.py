"""What a file defines once for the lines below it — a W3C extended log's ``#Fields:`` columns, a
CSV or TSV export's header row, a request file's ``@name = value`` variables — holds for
requests far below the definition, where
the readers of the lines around an anchor would never see it: in a plain file, the text between
the windows is read through once the file's head defined something. A gzip member's text is
kept by the scan around anchors only: a columns directive is an anchor itself, and variables
count where those lines hold them (naming the provider's host or holding the credential:
anchors themselves). A later definition replaces an earlier one from its line on, and a
definition below a request is not the request's.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
from pathlib import Path

import pytest

from helpers.credentials import asaas_key, iugu_token
from helpers.running import run_scan, scan_json
from keyaudit.inputs.captures.file_scope import MAX_SUBSTITUTED_CHARS, FileScope, table_header
from keyaudit.run.units import plan_units
from keyaudit.sources.targets import Discovery

FAR = 3000  # lines of other traffic between a definition and the request: well past the file's head
ASAAS_FIELDS = "#Fields: date time cs-method cs-uri-stem cs-uri-query s-port cs-host cs(access_token) sc-status"


def _write(path: Path, lines: list[str]) -> Path:
    data = ("\n".join(lines) + "\n").encode()
    path.write_bytes(gzip.compress(data) if path.suffix == ".gz" else data)
    return path


def _request_findings(path: Path) -> tuple[list[tuple[str, int]], dict[str, int]]:
    report, _ = scan_json(str(path))
    found = sorted((f["rule_id"], f["location"]["line"]) for f in report["findings"] if f["context"].get("method"))
    return found, report["scan"]["requests"]


def _iis_get(n: int) -> str:
    return f"2026-11-22 13:{n // 60 % 60:02d}:{n % 60:02d} GET /status/{n} - 443 shop.example 200"


@pytest.mark.parametrize("name", ["u_ex261122.log", "u_ex261122.log.gz"])
def test_w3c_columns_named_at_the_top_hold_for_a_request_far_below(tmp_path: Path, name: str) -> None:
    head = ["#Software: Microsoft Internet Information Services 10.0", "#Version: 1.0",
            "#Fields: date time cs-method cs-uri-stem cs-uri-query s-port cs-host sc-status"]
    lines = [*head, *(_iis_get(n) for n in range(FAR)),
             # a restart, and columns that now keep the Asaas key and the Signature header, in another order
             "#Date: 2026-11-22 14:00:00", ASAAS_FIELDS.replace("sc-status", "cs(Signature) sc-status"),
             *(_iis_get(n).replace(" 200", " - - 200") for n in range(FAR)),
             f"2026-11-22 14:30:00 POST /v3/transfers - 443 api.asaas.com {asaas_key()} - 201"]
    path = _write(tmp_path / name, lines)
    found, _ = _request_findings(path)
    # read by the second section's columns (the first's are two fewer: the line would be no record)
    assert found == [("asaas-unsigned-transfer", len(lines))], found


@pytest.mark.parametrize("name", ["u_ex261122.log", "u_ex261122.log.gz"])
def test_columns_redefined_far_from_any_other_anchor_hold_from_their_line_on(tmp_path: Path, name: str) -> None:
    """No directive names a column the rules anchor on, nor sits near a request: each is an
    anchor itself, so a rotated IIS log's gzip text, kept by the scan around anchors only, keeps
    it wherever it is (a plain file's is also read through between the windows)."""
    lines = ["#Fields: date time cs-method cs-uri-stem cs-uri-query s-port cs-host sc-status",
             *(_iis_get(n) for n in range(FAR)),
             "#Fields: date time cs-host cs-method cs-uri-stem s-port cs(access_token) sc-status",
             *(f"2026-11-22 14:00:{n % 60:02d} shop.example GET /status/{n} 443 - 200" for n in range(FAR)),
             f"2026-11-22 14:30:00 api.asaas.com GET /v3/payments 80 {asaas_key()} 200"]
    found, _ = _request_findings(_write(tmp_path / name, lines))
    assert found == [("credential-over-plaintext-http", len(lines))], found


def test_a_w3c_log_that_never_kept_the_signature_cannot_show_it_missing(tmp_path: Path) -> None:
    lines = ["#Fields: date time cs-method cs-uri-stem cs-uri-query s-port cs-host cs(User-Agent) sc-status",
             *(_iis_get(n).replace(" 200", " payouts/3.1 200") for n in range(FAR)),
             "2026-11-22 14:30:00 POST /v3/transfers - 443 api.asaas.com payouts/3.1 201"]
    found, counts = _request_findings(_write(tmp_path / "u_ex261122.log", lines))
    assert found == [] and counts.get("requests_judged", 0) >= 1, (found, counts)


def test_a_w3c_request_logged_on_port_80_went_over_plain_http(tmp_path: Path) -> None:
    lines = [ASAAS_FIELDS, f"2026-11-22 14:30:00 GET /v3/payments - 80 api.asaas.com {asaas_key()} 200",
             f"2026-11-22 14:30:01 GET /v3/payments - 443 api.asaas.com {asaas_key()} 200"]
    found, _ = _request_findings(_write(tmp_path / "u_ex261122.log", lines))
    assert found == [("credential-over-plaintext-http", 2)], found


def test_data_lines_without_a_columns_directive_are_no_requests(tmp_path: Path) -> None:
    lines = [f"2026-11-22 14:30:00 POST /v3/transfers - 443 api.asaas.com {asaas_key()} - 201", "cs-method"]
    found, counts = _request_findings(_write(tmp_path / "u_ex261122.log", lines))
    assert found == [] and not counts.get("requests_judged"), (found, counts)


def _rest_client_request(url: str, token: str) -> list[str]:
    return ["###", f"POST {url} HTTP/1.1", "Content-Type: application/json", "",
            '{"api_token":"%s","amount_cents":1050,"transfer_type":"pix"}' % token, ""]


@pytest.mark.parametrize("name", ["payouts.http", "payouts.http.gz"])
def test_request_file_variables_defined_far_above_are_substituted(tmp_path: Path, name: str) -> None:
    # vscode-restclient README, "File Variables": a value may use the variables defined before it
    lines = ["@host = api.iugu.com", "@baseUrl = https://{{host}}/v1", f"@token = {iugu_token()}", ""]
    for n in range(FAR // 6):  # requests to another service between: none names an iugu anchor
        lines += ["###", f"GET https://shop.example/orders/{n} HTTP/1.1", "Accept: application/json", ""]
    lines += _rest_client_request("{{baseUrl}}/transfer_requests", "{{token}}")
    found, _ = _request_findings(_write(tmp_path / name, lines))
    assert found == [("iugu-unsigned-transfer", len(lines) - 4)], found


def test_a_variable_defined_nowhere_above_leaves_the_request_a_template(tmp_path: Path) -> None:
    lines = ["@baseUrl = https://api.iugu.com/v1", *_rest_client_request("{{baseUrl}}/transfer_requests", "{{token}}"),
             *_rest_client_request("{{baseUrl}}/transfers", iugu_token()), f"@token = {iugu_token()}",
             *_rest_client_request("{{baseUrl}}/transfers", "{{token}}")]
    found, _ = _request_findings(_write(tmp_path / "payouts.http", lines))
    # the first request's token is defined below it: a template; the second and third are sent
    assert found == [("iugu-unsigned-transfer", 9), ("iugu-unsigned-transfer", 16)], found


def test_a_later_definition_replaces_an_earlier_one_from_its_line_on(tmp_path: Path) -> None:
    lines = ["@baseUrl = https://api-sandbox.iugu.example/v1", *_rest_client_request("{{baseUrl}}/transfers", iugu_token()),
             "@baseUrl = https://api.iugu.com/v1", *_rest_client_request("{{baseUrl}}/transfers", iugu_token())]
    found, counts = _request_findings(_write(tmp_path / "payouts.http", lines))
    assert found == [("iugu-unsigned-transfer", 10)] and counts["requests_judged"] == 2, (found, counts)


@pytest.mark.parametrize("before", [0, 200, 1500])
def test_a_big_w3c_log_is_read_in_one_piece_on_every_worker_count(tmp_path: Path, before: int) -> None:
    """A range from a W3C log's middle would not know its columns: a file that defines what its
    lines mean (at its top, or below an application's lines, as `cat app.log u_ex.log` leaves it:
    1,500 of them put the columns past the 64 KiB the readers look through, and its ranges
    found 2 of the 12 transfers) is planned as one unit, and every request far below is read
    with --jobs 2 as with one process."""
    prelude = [f"2026-11-22 12:59:{n % 60:02d},000 INFO [main] service starting, step {n} of {before}"
               for n in range(before)]
    lines = [*prelude, ASAAS_FIELDS.replace("sc-status", "cs(Signature) sc-status")]
    for n in range(6000):
        lines.append(_iis_get(n).replace(" 200", " - - 200"))
        if n % 500 == 0:
            lines.append(f"2026-11-22 14:{n // 100:02d}:00 POST /v3/transfers - 443 api.asaas.com {asaas_key()} - 201")
    path = _write(tmp_path / "u_ex261122.log", lines)
    planned = plan_units([str(path)], Discovery(), range_bytes=50_000, workers=2)
    assert len(planned) == 1 and planned[0].byte_range is None
    whole, cut = run_scan(str(path), jobs=1), run_scan(str(path), jobs=2, range_bytes=50_000)
    judged = sorted((f.rule_id, f.location.line) for f in cut.findings if f.context.get("method"))
    assert judged == sorted((f.rule_id, f.location.line) for f in whole.findings if f.context.get("method"))
    assert [rule for rule, _ in judged].count("asaas-unsigned-transfer") == 12


def test_variables_that_would_make_a_huge_line_leave_it_a_template(tmp_path: Path) -> None:
    """Variables made of variables, and a line of many references, are bounded as a value written
    out would be: what would outgrow them is left as written (a template, not read), in bounded
    memory; a long run of blanks in a value costs a pass, not a pass per blank."""
    scope = FileScope()
    scope.see("@a = " + "x" * 8000)
    scope.see("@b = " + "{{a}}" * 1300)  # 10 MB written out: kept as written, a template
    scope.see("@c = x" + " " * 200_000 + "y")  # longer than a value may be, and read in one pass
    assert set(scope.variables) == {"a", "b"} and scope.variables["b"] == "{{a}}" * 1300
    line = "X-A: " + "{{a}}" * (MAX_SUBSTITUTED_CHARS // len(scope.variables["a"]) + 1)
    assert scope.substituted(line) == line and scope.substituted("X-A: {{a}}") == "X-A: " + "x" * 8000
    scope.see("@d = y   \r")
    assert scope.variables["d"] == "y"


def _table(rows: list[list[object]], separator: str = ",", top: str = "") -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=separator, lineterminator="\n").writerows(rows)
    return top + out.getvalue()


def _asaas_row(url: str = "https://api.asaas.com/v3/transfers") -> list[object]:
    return ["2026-11-22T13:00:00Z", "POST", url, json.dumps({"access_token": asaas_key()}), '{\n"value": 100\n}', 201]


def _order_row(n: int) -> list[object]:
    """A row of another service's traffic, its body over lines with the separators and quotes in it."""
    body = '{\n"order": %d,\n"note": "a, b;\tc \\"d\\""\n}' % n
    return ["2026-11-22T12:00:00Z", "POST", f"https://shop.example/v1/orders/{n}", "{}", body, 200]


TABLE_HEAD = ["timestamp", "http_method", "request_url", "request_headers", "payload", "status"]


@pytest.mark.parametrize(("name", "separator", "top"), [
    ("calls.csv", ",", ""), ("calls.tsv", "\t", ""), ("calls.csv.gz", ",", ""),
    # a BOM, a comment and Excel's separator line above the header row
    ("calls.csv", ";", "\ufeff# exported 2026-11-22 by a query\n\nsep=;\n")])
def test_a_table_whose_header_row_names_a_requests_roles_is_read_row_by_row(
        tmp_path: Path, name: str, separator: str, top: str) -> None:
    """A CSV or TSV export of a request table has no request marker, and its header row, which
    says what every row below means, is far above the rows that name the provider (here past
    the file's first 64 KiB, and in gzip text kept only around anchors); a row's quoted body
    spans lines, the window around an anchor may begin inside another row's."""
    rows: list[list[object]] = [TABLE_HEAD, *(_order_row(n) for n in range(FAR // 3)), _asaas_row()]
    text = _table(rows + [_order_row(n) for n in range(3)], separator, top)
    path = tmp_path / name
    path.write_bytes(gzip.compress(text.encode()) if name.endswith(".gz") else text.encode())
    found, counts = _request_findings(path)
    line = text[: text.index("api.asaas.com")].count("\n") + 1  # the Asaas row's first
    assert found == [("asaas-unsigned-transfer", line)] and counts["requests_judged"] >= 1, (found, counts)


def test_a_table_of_raw_events_reads_the_json_record_of_each(tmp_path: Path) -> None:
    record = {"method": "POST", "url": "https://api.asaas.com/v3/transfers", "headers": {"access_token": asaas_key()}}
    path = tmp_path / "splunk_export.csv"
    path.write_text(_table([["_time", "host", "source", "_raw"], ["2026-11-22T13:00:00Z", "pay-1", "/var/log/app.log",
                                                                   json.dumps(record)]]))
    found, _ = _request_findings(path)
    assert found == [("asaas-unsigned-transfer", 2)], found


def test_a_table_of_raw_events_reads_a_request_dumped_as_one_event(tmp_path: Path) -> None:
    """Splunk indexes a client's dump of a request as one multi-line event, and its CSV export quotes the event's
    lines in ``_raw``: the request as sent, its body byte for byte. A raw event that only mentions a request, or is
    its answer, is none."""
    dump = f"POST /v3/transfers HTTP/1.1\nHost: api.asaas.com\naccess_token: {asaas_key()}\n\n{{\n\"value\": 1\n}}"
    events = {"dump": dump, "mention": f"sent POST /v3/transfers HTTP/1.1 to api.asaas.com key={asaas_key()}",
              "answer": "HTTP/1.1 200 OK\nContent-Type: application/json\n\n{\"id\": \"tra_1\"}"}
    for name, event in events.items():
        path = tmp_path / f"{name}.csv"
        path.write_text(_table([["_time", "host", "_raw"], ["2026-11-22T13:00:00Z", "pay-1", event]]))
        found, _ = _request_findings(path)
        assert found == ([("asaas-unsigned-transfer", 2)] if name == "dump" else []), (name, found)


def test_a_first_line_that_names_no_request_or_is_a_log_line_makes_no_table(tmp_path: Path) -> None:
    """Only a header row of column names that say a request makes the rows below requests: not a
    log line with commas, nor a table of other things."""
    rows = [_asaas_row()]
    heads = {"calls.csv": TABLE_HEAD, "ledger.csv": ["timestamp", "account", "target", "note", "memo", "status"],
             "app.log": ["2026-11-22 13:00:00 INFO columns method", "url", "headers", "body", "status"]}
    for name, head in heads.items():
        path = tmp_path / name
        path.write_text(_table([head, *rows]))
        found, _ = _request_findings(path)
        assert found == ([("asaas-unsigned-transfer", 2)] if name == "calls.csv" else []), (name, found)
    assert table_header("\ufeff#c\n\nMethod\tURI\tBody\n") == (("Method", "URI", "Body"), "\t")
    assert table_header("method,url") is None  # no line yet: the row may go on


def test_a_table_of_dotted_ecs_columns_names_the_url_by_its_object(tmp_path: Path) -> None:
    """Kibana's Discover exports a column a field, named by its dotted path: ``url.full`` is the whole URL inside the
    ``url`` object, as a record's dotted key is read. A dotted ``full``, ``original`` or ``raw`` under anything but a
    URL (a user's full name, an event's original text) names no URL, and its table is no request table."""
    rows = [_asaas_row()]
    heads = {"discover.csv": ["@timestamp", "http.request.method", "url.full", "http.request.headers",
                              "http.request.body.content", "http.response.status_code"],
             "users.csv": ["@timestamp", "http.request.method", "user.full", "headers", "body", "status"],
             "events.csv": ["@timestamp", "http.request.method", "event.original", "headers", "body", "status"]}
    for name, head in heads.items():
        path = tmp_path / name
        path.write_text(_table([head, *rows]))
        found, _ = _request_findings(path)
        assert found == ([("asaas-unsigned-transfer", 2)] if name == "discover.csv" else []), (name, found)


def test_a_big_table_is_read_in_one_piece_on_every_worker_count(tmp_path: Path) -> None:
    """A range from a table's middle would not know its columns: a file whose top is a header
    row naming a request is planned as one unit."""
    rows: list[list[object]] = [TABLE_HEAD]
    for n in range(3000):
        rows.append(_order_row(n))
        if n % 500 == 0:
            rows.append(_asaas_row())
    path = tmp_path / "calls.csv"
    path.write_text(_table(rows))
    planned = plan_units([str(path)], Discovery(), range_bytes=50_000, workers=2)
    assert len(planned) == 1 and planned[0].byte_range is None
    judged = [f.rule_id for f in run_scan(str(path), jobs=2, range_bytes=50_000).findings if f.context.get("method")]
    assert judged.count("asaas-unsigned-transfer") == 6, judged


@pytest.mark.parametrize("fields", [
    "#fields\tts\tid.resp_p\tmethod\thost\turi\tuser_agent\taccess_token",  # Zeek's ASCII log (tab-separated names)
    "# Fields: timestamp,dest-port,method,host,request-uri,user-agent,access_token"])  # httpry's (comma-separated)
def test_columns_a_tab_or_comma_directive_names_are_tab_separated_values_blanks_and_all(tmp_path: Path,
                                                                                          fields: str) -> None:
    """Zeek's and httpry's directives name columns whose values are tab-separated: a value may
    hold blanks (a User-Agent), and the row is still one record; a later directive
    names the columns from its line on, far below (a restarted sensor appends to its file)."""
    row = f"1795352400.123\t80\tGET\tapi.asaas.com\t/v3/payments\tpayouts worker/3.1 (linux; amd64)\t{asaas_key()}"
    other = fields.replace("id.resp_p", "id.orig_p").replace("dest-port", "source-port")
    lines = [fields, row, other, *(f"1795352400.5\t{n}\tGET\tshop.example\t/status/{n}\tcurl\t-" for n in range(FAR)),
             fields, row]
    found, _ = _request_findings(_write(tmp_path / "http.log", lines))
    assert found == [("credential-over-plaintext-http", 2), ("credential-over-plaintext-http", len(lines))], found
