"""HAR captures read as HTTP: findings carry entry, pointer and line; request rules judge entries."""

from __future__ import annotations

import base64
import gzip
import json
from pathlib import Path

import pytest

from helpers.credentials import asaas_key, basic, iugu_token
from helpers.data import CORPUS
from helpers.har import capture_text, entry, entry_text, har
from helpers.places import expected_spans, found_spans, place
from helpers.running import cli, peak_rss_of_scan, scan_json
from helpers.secrecy import absent, assert_none_leaked
from keyaudit.engine.payloads import MAX_OUTPUT_BYTES


def line_of(path: Path, needle: str) -> int:
    text = path.read_text(encoding="utf-8-sig")
    return text[: text.index(needle)].count("\n") + 1


def by_rule(report: dict) -> dict[str, dict]:
    return {f["rule_id"]: f for f in report["findings"]}


def test_a_key_in_a_header_is_found_once_with_entry_pointer_and_line(write) -> None:
    key = asaas_key("prod")
    path = write("capture.har", json.dumps(har([
        entry("GET", "https://api.asaas.com/v3/customers"),
        entry("GET", "https://api.asaas.com/v3/payments", {"User-Agent": "shop", "access_token": key}),
    ]), indent=2))
    report, _ = scan_json(str(path))
    finding = by_rule(report)["asaas-api-key"]
    assert [f["category"] for f in report["findings"] if f["category"] != "misuse"] == ["access-token"]
    assert finding["location"]["pointer"] == "/log/entries/1/request/headers/1/value"
    assert finding["context"]["har_entry"] == 1
    assert finding["context"]["method"] == "GET" and finding["context"]["url"] == "https://api.asaas.com/v3/payments"
    assert finding["location"]["line"] == line_of(path, key)


def test_token_in_url_and_query_string_is_one_finding_and_the_url_is_redacted(write) -> None:
    token = iugu_token()
    record = entry("GET", f"https://api.iugu.com/v1/invoices?api_token={token}")
    record["request"]["queryString"] = [{"name": "api_token", "value": token}]
    report, run = scan_json(str(write("q.har", json.dumps(har([record])))))
    assert [f["rule_id"] for f in report["findings"] if f["category"] == "access-token"] == ["iugu-api-token"]
    assert by_rule(report)["iugu-api-token"]["location"]["pointer"] == "/log/entries/0/request/url"
    assert absent(token, run.stdout, run.stderr), "the token leaked into the report"


def test_transfer_without_signature_over_plain_http_and_environment_mismatch(write) -> None:
    token, sandbox = iugu_token(), asaas_key("hmlg")
    report, run = scan_json(str(write("flows.har", json.dumps(har([
        entry("POST", "http://api.iugu.com/v1/transfer_requests", {"Content-Type": "application/json"},
              json.dumps({"api_token": token, "amount_cents": 1000, "transfer_type": "pix"})),
        entry("GET", "https://api.iugu.com/v1/transfer_requests", {"Authorization": f"Basic {basic(token)}"}),
        entry("GET", "https://api.asaas.com/v3/customers", {"access_token": sandbox}),
    ])))))
    rules = sorted((f["rule_id"], f["context"]["har_entry"]) for f in report["findings"])
    assert ("iugu-unsigned-transfer", 0) in rules
    assert ("credential-over-plaintext-http", 0) in rules
    assert ("asaas-sandbox-key-to-production", 2) in rules
    assert not any(rule == "iugu-unsigned-transfer" and index == 1 for rule, index in rules)  # a GET listing
    unsigned = by_rule(report)["iugu-unsigned-transfer"]
    assert unsigned["location"]["pointer"] == "/log/entries/0/request" and unsigned["secret"] is None
    assert "POST http://api.iugu.com/v1/transfer_requests" in run_text(write, report)
    assert absent(token, run.stdout, run.stderr) and absent(sandbox, run.stdout), "a secret leaked"


def run_text(write, report: dict) -> str:
    return cli("scan", "--jobs", "1", report["scan"]["targets"][0]).stdout


def test_base64_response_bodies_websocket_messages_and_lowercase_http2_headers(write) -> None:
    import base64

    token, key = iugu_token(), asaas_key()
    record = entry("POST", "https://api.example/graphql", {":authority": "api.example", "authorization": f"Bearer {basic(token)}"},
                   response_text=base64.b64encode(json.dumps({"live_token": iugu_token()}).encode()).decode(),
                   encoding="base64")
    record["_webSocketMessages"] = [{"type": "send", "time": 1.0, "opcode": 1, "data": json.dumps({"access_token": key})}]
    report, _ = scan_json(str(write("mixed.har", json.dumps(har([record])))))
    pointers = sorted(f["location"]["pointer"] for f in report["findings"])
    assert pointers == ["/log/entries/0/_webSocketMessages/0/data", "/log/entries/0/request/headers/1/value",
                        "/log/entries/0/response/content/text"]


def test_minified_bom_and_non_conformant_hars(write) -> None:
    key = asaas_key()
    document = {"log": {"entries": [entry("GET", "https://api.asaas.com/v3/x", {"access_token": key})], "extra": 1}}
    path = write("min.har", "\ufeff" + json.dumps(document, separators=(",", ":")))
    report, _ = scan_json(str(path))
    finding = by_rule(report)["asaas-api-key"]
    assert finding["location"]["line"] == 1
    raw = path.read_text(encoding="utf-8-sig")
    assert finding["location"]["column"] == raw.index(key) + 1


def test_a_json_file_with_log_entries_is_a_har_whatever_its_name(write) -> None:
    key = asaas_key()
    report, _ = scan_json(str(write("export.json", json.dumps(har([entry("GET", "https://x", {"access_token": key})])))))
    assert report["findings"][0]["location"]["pointer"] == "/log/entries/0/request/headers/0/value"


def test_malformed_har_is_reported_with_its_position_and_scanned_as_text(write, tmp_path: Path) -> None:
    token = iugu_token()
    write("caps/broken.har", '{"log": {"entries": [\n  {"request": {"url": "https://x/?api_token=%s"\n  ,,]}}' % token)
    write("caps/fine.log", f"api_token={iugu_token()}\n")
    report, run = scan_json(str(tmp_path / "caps"))
    assert len(report["findings"]) == 2
    [error] = report["errors"]
    assert error["path"].endswith("broken.har") and "not valid JSON at line 3, column" in error["message"]
    assert "broken.har" in run.stderr


@pytest.mark.parametrize("name", sorted(p.name for p in CORPUS.glob("*.har")))
def test_exporter_hars_parse_as_http(name: str) -> None:
    report, _ = scan_json(str(CORPUS / name))
    assert report["errors"] == [] and report["findings"] == []
    assert report["scan"]["requests"]["requests_judged"] >= 1


def capture_forms(token: str) -> dict[str, str]:
    body = json.dumps({"api_token": token, "amount_cents": 500, "transfer_type": "pix"}, separators=(",", ":"))
    length = len(body.encode())
    return {
        "deploy.sh": f"#!/bin/sh\ncurl -X POST http://api.iugu.com/v1/transfer_requests \\\n"
                     f"  -H 'Content-Type: application/json' \\\n  -d '{body}'\n",
        "okhttp.log": "\n".join(f"2026-11-22 10:00:01.1{i} D/OkHttp: {line}" for i, line in enumerate([
            "--> POST http://api.iugu.com/v1/transfer_requests", "Content-Type: application/json",
            f"Content-Length: {length}", "", body, f"--> END POST ({length}-byte body)"])) + "\n",
        "httpclient.log": "\n".join(f'DEBUG org.apache.http.wire - http-outgoing-0 >> "{part}"' for part in [
            "POST /v1/transfer_requests HTTP/1.1[\\r][\\n]", "Host: api.iugu.com:80[\\r][\\n]",
            "Content-Type: application/json[\\r][\\n]", f"Content-Length: {length}[\\r][\\n]", "[\\r][\\n]", body])
            + '\nDEBUG org.apache.http.wire - http-outgoing-0 << "HTTP/1.1 200 OK[\\r][\\n]"\n',
        "requests.log": "DEBUG:urllib3.connectionpool:Starting new HTTP connection (1): api.iugu.com:80\n"
                        f"send: b'POST /v1/transfer_requests HTTP/1.1\\r\\nHost: api.iugu.com\\r\\n"
                        f"Content-Type: application/json\\r\\nContent-Length: {length}\\r\\n\\r\\n'\n"
                        f"send: b'{body}'\n"
                        'DEBUG:urllib3.connectionpool:http://api.iugu.com:80 "POST /v1/transfer_requests HTTP/1.1" 200 2\n',
        "requests.jsonl": json.dumps({"time": "2026-11-22T10:00:01Z", "method": "POST",
                                      "url": "http://api.iugu.com/v1/transfer_requests",
                                      "headers": {"Content-Type": "application/json"}, "body": body}) + "\n",
        "capture.har": json.dumps(har([entry("POST", "http://api.iugu.com/v1/transfer_requests",
                                             {"Content-Type": "application/json"}, body)])),
    }


def test_every_capture_format_of_the_same_request_gives_the_same_request_findings(write, tmp_path: Path) -> None:
    token = iugu_token()
    for name, text in capture_forms(token).items():
        write(f"caps/{name}", text)
    report, run = scan_json(str(tmp_path / "caps"), "--no-dedupe")
    request_rules: dict[str, set[str]] = {}
    for finding in report["findings"]:
        if finding["secret"] is None:
            request_rules.setdefault(Path(finding["location"]["path"]).name, set()).add(finding["rule_id"])
    expected = {"iugu-unsigned-transfer", "credential-over-plaintext-http"}
    assert request_rules == {name: expected for name in capture_forms(token)}, request_rules
    assert absent(token, run.stdout, run.stderr), "the token leaked"


# --- damage costs the damaged entry only ---------------------------------------------------------

_SPLIT = "https://api.asaas.com/v3/payments"
BAD_ENTRIES = {  # the bad entry (its token goes in for %s), the error it gets, whether it stays HAR
    "headers not a list": ('{"request": {"method": "GET", "url": "%s?api_token=%%s", "headers": true}}' % _SPLIT,
                           "/log/entries/1/request/headers is not a list", True),
    "URL that cannot be split": ('{"request": {"method": "GET", "url": "http://[::1/?api_token=%s"}}',
                                 "/log/entries/1/request/url is not a URL", True),
    "port out of range": ('{"request": {"method": "GET", "url": "https://api.asaas.com:99999/v3?api_token=%s"}}',
                          "/log/entries/1/request/url is not a URL", True),
    "lone surrogate escape": ('{"request": {"method": "GET", "url": "%s/\\ud800?api_token=%%s"}}' % _SPLIT, None, True),
    "integer of 5,000 digits": ('{"time": %s, "request": {"method": "GET", "url": "%s?api_token=%%s"}}'
                                % ("9" * 5000, _SPLIT), None, True),
    "not valid JSON": ('{"request": {"method": "GET", "url": "%s?api_token=%%s", "x": tru}}' % _SPLIT,
                       "/log/entries/1: not valid JSON at line 3, column", False),
    "nested too deeply": ('{"request": {"url": "%s?api_token=%%s"}, "deep": %s%s}' % (_SPLIT, "[" * 5000, "]" * 5000),
                          "/log/entries/1: JSON nested too deeply to read", False),
}


@pytest.mark.parametrize("kind", BAD_ENTRIES)
def test_one_bad_entry_costs_that_entry_only(kind: str, write) -> None:
    bad, error, stays_har = BAD_ENTRIES[kind]
    key, token, own = asaas_key(), iugu_token(), iugu_token()
    path = write("capture.har", capture_text([
        entry_text("GET", "https://api.asaas.com/v3/customers", {"access_token": key}), bad % own,
        entry_text("POST", f"http://api.iugu.com/v1/transfer_requests?api_token={token}")]))
    report, run = scan_json(str(path), "--no-dedupe")
    found = {(f["rule_id"], f["location"]["line"], f["location"]["pointer"]) for f in report["findings"]}
    assert ("asaas-api-key", 2, "/log/entries/0/request/headers/0/value") in found
    assert {("iugu-api-token", 4, "/log/entries/2/request/url"), ("iugu-unsigned-transfer", 4, "/log/entries/2/request"),
            ("credential-over-plaintext-http", 4, "/log/entries/2/request")} <= found
    # the bad entry's own token: still found on its line, as HAR when the entry could be read
    assert ("iugu-api-token", 3, "/log/entries/1/request/url" if stays_har else None) in found
    assert [e["message"] for e in report["errors"] if error and error in e["message"]] == \
        [e["message"] for e in report["errors"]] and len(report["errors"]) == (1 if error else 0)
    assert run.stderr.count("keyaudit: error:") == len(report["errors"]) and "Traceback" not in run.stderr
    assert absent(own, run.stdout, run.stderr) and absent(token, run.stdout, run.stderr), "a token leaked"


def test_a_capture_cut_short_keeps_its_entries_and_reads_the_rest_as_text(write) -> None:
    tokens = [iugu_token() for _ in range(3)]
    text = capture_text([entry_text("GET", f"https://api.iugu.com/v1/invoices?api_token={token}") for token in tokens])
    path = write("cut.har", text[: text.index(tokens[2]) + len(tokens[2]) + 5])
    report, run = scan_json(str(path), "--no-dedupe", "--disable", "iugu-token-in-query-string")
    found = sorted((f["location"]["line"], f["location"]["pointer"]) for f in report["findings"])
    assert found == [(2, "/log/entries/0/request/url"), (3, "/log/entries/1/request/url"), (4, None)]
    assert all(absent(token, run.stdout, run.stderr) for token in tokens), "a token leaked"
    [error] = report["errors"]
    assert error["message"].startswith("not valid JSON at line 4, column") and \
        error["message"].endswith("read as plain text from line 4 on")


def test_damage_between_entries_reads_the_rest_as_text_at_its_lines(write) -> None:
    tokens = [iugu_token() for _ in range(3)]
    entries = [entry_text("GET", f"https://api.iugu.com/v1/invoices?api_token={token}") for token in tokens]
    entries[1] += " garbage"
    report, _ = scan_json(str(write("garbage.har", capture_text(entries))), "--no-dedupe",
                          "--disable", "iugu-token-in-query-string")
    found = sorted((f["location"]["line"], f["location"]["column"], f["location"]["pointer"]) for f in report["findings"])
    columns = [entries[index].index(tokens[index]) + 3 for index in range(3)]  # each entry from column 3
    assert found == [(2, columns[0], "/log/entries/0/request/url"), (3, columns[1], "/log/entries/1/request/url"),
                     (4, columns[2], None)]
    assert report["errors"][0]["message"] == \
        f"not valid JSON at line 3, column {len(entries[1]) - 4}: expected ',' or ']' after an element; " \
        "read as plain text from line 3 on"


def test_places_are_exact_in_a_capture_read_in_many_pieces(write) -> None:
    """A capture several reads long, CRLF line ends, multibyte text before each key: every
    finding at the line and column an editor shows."""
    keys = [asaas_key() for _ in range(24)]
    records = [entry("GET", "https://shop.example/é", {"x-note": "ünïcødé " * index, "access_token": key},
                     response_text="z" * 150_000) for index, key in enumerate(keys)]
    data = json.dumps(har(records), indent=2, ensure_ascii=False).replace("\n", "\r\n").encode()
    assert len(data) > 3 * (1 << 20)
    report, _ = scan_json(str(write("big.har", data)), "--no-dedupe")
    assert found_spans(report, "asaas-api-key") == expected_spans(data, keys)
    pointers = sorted(f["location"]["pointer"] for f in report["findings"] if f["rule_id"] == "asaas-api-key")
    assert pointers == sorted(f"/log/entries/{index}/request/headers/1/value" for index in range(len(keys)))


def test_one_key_sent_by_every_entry_is_found_in_each_at_its_own_place(write) -> None:
    """A client sends its key on every call: each entry's finding stands at that entry's line,
    column and pointer with its own method and URL, though the header's text is scanned once."""
    key, token = asaas_key(), iugu_token()
    methods = ["GET", "POST", "GET", "DELETE", "POST", "GET"]
    entries = [entry(method, f"https://api.asaas.com/v3/payments/{index}",
                     {"x-note": "é" * index, "access_token": key, "authorization": f"Basic {basic(token)}"})
               for index, method in enumerate(methods)]
    data = json.dumps(har(entries), indent=2, ensure_ascii=False).encode()
    report, _ = scan_json(str(write("repeated.har", data)), "--no-dedupe")
    starts = [index for index in range(len(data)) if data.startswith(key.encode(), index)]
    assert len(starts) == len(methods)
    assert found_spans(report, "asaas-api-key") == sorted(
        (*place(data, start), *place(data, start + len(key))) for start in starts)
    found = [f for f in report["findings"] if f["rule_id"] == "asaas-api-key"]
    assert sorted((f["context"]["har_entry"], f["context"]["method"], f["context"]["url"], f["location"]["pointer"])
                  for f in found) == [(index, method, f"https://api.asaas.com/v3/payments/{index}",
                                       f"/log/entries/{index}/request/headers/1/value")
                                      for index, method in enumerate(methods)]
    basic_found = sorted(f["location"]["pointer"] for f in report["findings"] if f["category"] == "basic-auth")
    assert basic_found == sorted(f"/log/entries/{index}/request/headers/2/value" for index in range(len(methods)))


def test_many_bad_entries_make_one_error_line_that_names_them(write) -> None:
    tokens = [iugu_token() for _ in range(9)]
    entries = [entry_text("GET", f"https://api.iugu.com/v1/invoices?api_token={token}") for token in tokens]
    bad = [1, 3, 4, 5, 6, 7, 8]
    for index in bad:
        entries[index] = entries[index][:-1] + ', "x": tru}'
    report, run = scan_json(str(write("many.har", capture_text(entries))), "--no-dedupe",
                            "--disable", "iugu-token-in-query-string")
    assert sorted((f["location"]["line"], f["location"]["pointer"]) for f in report["findings"]) == [
        (index + 2, None if index in bad else f"/log/entries/{index}/request/url") for index in range(9)]
    [error] = report["errors"]
    assert error["message"].startswith("/log/entries/1: not valid JSON at line 3, column")
    assert error["message"].endswith("; read as plain text; and 6 more parts not read as HAR: /log/entries/3, "
                                     "/log/entries/4, /log/entries/5, /log/entries/6, /log/entries/7, …")
    assert run.stderr.count("keyaudit: error:") == 1


def test_entries_that_are_no_list_are_one_error_and_the_capture_is_read_as_text(write) -> None:
    key = asaas_key()
    path = write("odd.har", json.dumps({"log": {"version": "1.2", "entries": {"first": {"request": {
        "method": "GET", "url": "https://api.asaas.com/v3/customers", "headers": [{"name": "access_token",
                                                                                    "value": key}]}}}}}))
    report, run = scan_json(str(path))
    assert [error["message"] for error in report["errors"]] == ["log.entries is an object, not a list; "
                                                                "scanned as plain text"]
    assert "asaas-api-key" in by_rule(report) and run.stderr.count("keyaudit: error:") == 1


def test_entries_that_are_not_objects_are_counted_in_one_error_line(write) -> None:
    token = iugu_token()
    good = entry("GET", f"https://api.iugu.com/v1/invoices?api_token={token}")
    path = write("nulls.har", json.dumps(har([None, good, None, 7, None])))
    report, run = scan_json(str(path), "--disable", "iugu-token-in-query-string")
    assert [f["location"]["pointer"] for f in report["findings"]] == ["/log/entries/1/request/url"]
    [error] = report["errors"]
    assert error == {"path": str(path), "message": "/log/entries/0 is null, not an entry (an object); and 3 more "
                                                   "parts not read as HAR: /log/entries/2, /log/entries/3, "
                                                   "/log/entries/4"}
    assert run.stderr.count("keyaudit: error:") == 1


WRONGLY_TYPED = {  # a request's part of the wrong JSON type: what the error says, whether the request is judged
    "url a number": (("url",), 443, "/log/entries/0/request/url is a number, not a string; the entry was "
                                    "not judged as a request", False),
    "url null": (("url",), None, "/log/entries/0/request/url is null, not a string; the entry was not judged "
                                 "as a request", False),
    "method a number": (("method",), 7, "/log/entries/0/request/method is a number, not a string; the request "
                                        "was judged as a GET", True),
    "method null": (("method",), None, "/log/entries/0/request/method is null, not a string; the request was "
                                       "judged as a GET", True),
    "postData a list": (("postData",), ["x"], "/log/entries/0/request/postData is a list, not an object; the "
                                              "request was judged without a body", True),
    "postData text a number": (("postData", "text"), 5, "/log/entries/0/request/postData/text is a number, not "
                                                        "a string; the request was judged without a body", True),
}


@pytest.mark.parametrize("kind", WRONGLY_TYPED)
def test_a_request_part_of_the_wrong_type_is_an_error_and_the_key_is_still_found(kind: str, write) -> None:
    """A number for the URL took the entry out of the request rules without a word, a number for the
    method was judged as the method '7': HAR says both are strings."""
    where, wrong, message, judged = WRONGLY_TYPED[kind]
    key = asaas_key()
    record = entry("POST", "http://api.asaas.com/v3/customers", {"access_token": key}, "{}")
    holder = record["request"]
    for name in where[:-1]:
        holder = holder[name]
    holder[where[-1]] = wrong
    report, run = scan_json(str(write("typed.har", json.dumps(har([record])))), "--no-dedupe")
    assert [error["message"] for error in report["errors"]] == [message]
    assert "asaas-api-key" in by_rule(report)
    judged_as = {(f["context"].get("method"), f["context"].get("url")) for f in report["findings"]
                 if f["category"] == "plaintext-http"}
    assert judged_as == ({("GET" if kind.startswith("method") else "POST", "http://api.asaas.com/v3/customers")}
                         if judged else set())
    assert run.stderr.count("keyaudit: error:") == 1 and absent(key, run.stdout, run.stderr)


@pytest.mark.parametrize(("wrong", "kind"), [(None, "null"), (7, "a number"), ("GET /", "a string"), ([], "a list")])
def test_a_request_that_is_no_object_is_named_and_the_next_entry_is_read(wrong: object, kind: str, write) -> None:
    """An entry whose request was null (or any other non-object) was neither judged nor named."""
    key = asaas_key()
    record = entry("GET", "https://api.asaas.com/v3/customers")
    record["request"] = wrong
    path = write("request.har", json.dumps(har([record, entry("GET", "https://api.asaas.com/v3/payments",
                                                                {"User-Agent": "shop", "access_token": key})])))
    report, run = scan_json(str(path), "--no-dedupe")
    assert [error["message"] for error in report["errors"]] == [
        f"/log/entries/0/request is {kind}, not an object; the entry was not judged as a request"]
    assert report["scan"]["requests"]["requests_judged"] == 1
    assert [f["location"]["pointer"] for f in report["findings"] if f["rule_id"] == "asaas-api-key"] == [
        "/log/entries/1/request/headers/1/value"]
    assert run.stderr.count("keyaudit: error:") == 1 and absent(key, run.stdout, run.stderr)


def test_null_headers_are_unknown_not_missing(write) -> None:
    """Null headers gave a request 'without a User-Agent' and no error, where headers given as an object
    (as unknown) gave the error and no such claim: a header list that cannot be read says nothing is missing."""
    key = asaas_key()
    record = entry("GET", "https://api.asaas.com/v3/customers")
    record["request"]["headers"] = None
    path = write("headers.har", json.dumps(har([record, entry("GET", "https://api.asaas.com/v3/payments",
                                                                {"User-Agent": "shop", "access_token": key})])))
    report, run = scan_json(str(path), "--no-dedupe")
    assert [error["message"] for error in report["errors"]] == [
        "/log/entries/0/request/headers is not a list; the request was judged without its headers"]
    assert [f["rule_id"] for f in report["findings"]] == ["asaas-api-key"]
    assert report["scan"]["requests"]["requests_judged"] == 2
    assert run.stderr.count("keyaudit: error:") == 1 and absent(key, run.stdout, run.stderr)


def test_a_gzip_body_of_more_text_than_the_payload_bound_is_counted(write) -> None:
    """A log download recorded in base64 whose gzip opens to 40 MB of text: the key past the 16 MiB the
    payload is opened to was lost without a word (the same value on a log line was counted)."""
    key = asaas_key()
    lines = b"2026-12-07T10:00:00Z INFO an ordinary line of a job\n" * (MAX_OUTPUT_BYTES // 50)
    record = entry("GET", "https://logs.example/app.log.gz", {"User-Agent": "shop"},
                   response_text=base64.b64encode(gzip.compress(lines + f"access_token={key}\n".encode())).decode(),
                   encoding="base64")
    record["response"]["content"]["mimeType"] = "application/gzip"
    report, run = scan_json(str(write("download.har", json.dumps(har([record])))))
    assert report["scan"]["requests"]["payloads_cut"] == 1 and "1 encoded payload read only in part" in run.stderr
    assert report["errors"] == [] and absent(key, run.stdout, run.stderr)


# --- places found again by pointer, requests judged without a credential pass ----------------------

def _nested(depth: int, leaf: object) -> object:
    for index in range(depth):
        leaf = {f"k{index}": leaf} if index % 2 else [leaf]
    return leaf


@pytest.mark.parametrize("indent", [None, 2])
@pytest.mark.parametrize("ascii_only", [True, False])
def test_findings_are_placed_exactly_in_pretty_and_minified_captures(indent: int | None, ascii_only: bool,
                                                                     write) -> None:
    """Each finding at the line and column an editor shows and at its pointer, whatever escapes
    stand before it on its line, whatever its member is named, and however deep it lies."""
    keys = [asaas_key() for _ in range(5)]
    first = entry("GET", 'https://shop.example/é?q="x"', {"x-note": 'say "hi" — é\\', "access_token": keys[0]},
                  response_text='{"a": "\\u00e9\\"", "k": "%s"}' % keys[1])
    first["_a/b~c"] = {"x": keys[2]}
    first["_twice"] = "nothing"
    second = entry("GET", "https://shop.example/")
    second["_deep"] = _nested(300, keys[3])
    text = json.dumps(har([first, second]), indent=indent, ensure_ascii=ascii_only)
    text = text.replace('"_twice": "nothing"', '"_twice": "nothing", "_twice": "%s"' % keys[4])  # the one a decoder keeps
    data = text.encode()
    report, _ = scan_json(str(write("placed.har", data)), "--no-dedupe")
    assert found_spans(report, "asaas-api-key") == expected_spans(data, keys)
    pointers = sorted(f["location"]["pointer"] for f in report["findings"] if f["rule_id"] == "asaas-api-key")
    assert pointers == sorted(["/log/entries/0/request/headers/1/value", "/log/entries/0/response/content/text",
                               "/log/entries/0/_a~1b~0c/x", "/log/entries/0/_twice",
                               "/log/entries/1/_deep" + "".join(f"/{'k%d' % i if i % 2 else 0}" for i in reversed(range(300)))])
    assert report["errors"] == []


def test_credentials_sent_to_any_host_are_judged_and_requests_without_any_are_not(write) -> None:
    key, token = asaas_key(), iugu_token()
    report, _ = scan_json(str(write("hosts.har", json.dumps(har([
        entry("GET", f"https://gateway.example/v3/payments?access_token={key}"),
        entry("POST", "https://gateway.example/v1/charge", {"Content-Type": "application/json"},
              json.dumps({"api_token": token})),
        entry("GET", "https://cdn.example/app.js", {"Origin": "https://shop.example"}),
    ])))))
    judged = sorted((f["rule_id"], f["context"]["har_entry"]) for f in report["findings"] if f["secret"] is None)
    assert judged == [("asaas-key-in-query-string", 0)]
    assert report["scan"]["requests"]["requests_judged"] == 3


def test_keys_only_decoding_finds_are_found_in_a_capture_and_judged_with_their_request(write) -> None:
    # The joint pass over a capture marks a field for a scan of its own where decoding may find
    # a key (an encoded keyword), not only where a rule hits: before, such a key was found in a
    # log line and missed in a HAR, and its request was judged as carrying none.
    from urllib.parse import quote

    header_key, body_key, sandbox_key = asaas_key("prod"), asaas_key("prod"), asaas_key("hmlg")
    twice = quote(quote(f"access_token={header_key}", safe=""), safe="")
    in_base64 = base64.b64encode(f'{{"access_token": "{body_key}"}}'.encode()).decode()
    path = write("encoded.har", json.dumps(har([
        entry("POST", "https://shop.example/config", {"x-cfg": twice}, body=in_base64),
        entry("GET", "https://api.asaas.com/v3/customers", {"x-key": quote(quote(sandbox_key, safe=""), safe="")}),
    ]), indent=2))
    report, run = scan_json(str(path))
    keys = {f["location"]["pointer"]: f["context"].get("decoded") for f in report["findings"]
            if f["category"] == "access-token"}
    assert keys == {"/log/entries/0/request/headers/0/value": "percent×2",
                    "/log/entries/0/request/postData/text": "base64",
                    "/log/entries/1/request/headers/0/value": "percent×2"}
    assert "asaas-sandbox-key-to-production" in {f["rule_id"] for f in report["findings"]}
    assert absent(header_key, run.stdout, run.stderr) and absent(body_key, run.stdout, run.stderr)


def test_a_base64_body_is_scanned_as_its_bytes_would_be_long_or_short_binary_or_not(write, tmp_path: Path) -> None:
    # Bodies a scan takes for binary (an image) are told from their first bytes and never decoded
    # whole: each body's findings must still be those of a scan of its bytes as a file.
    control = bytes(index % 32 for index in range(200_000))  # NULs among control bytes: binary
    heads = {"long-text": b"x = 1\n" * 30_000, "long-binary": b"\x89PNG\r\n\x1a\n" + control,
             "short-binary": b"\x89PNG\r\n\x1a\n" + control[:5_000], "holed-text": bytes(40_000) + b"x = 1\n" * 30_000,
             "holed-binary": bytes(40_000) + control}
    bodies = {name: head + f"\naccess_token={asaas_key('prod')}\n".encode() for name, head in heads.items()}
    path = write("bodies.har", json.dumps(har([
        entry("GET", f"https://shop.example/{name}", response_text=base64.b64encode(data).decode(), encoding="base64")
        for name, data in bodies.items()])))
    report, _ = scan_json(str(path))
    found = {f["context"]["url"].rsplit("/", 1)[1] for f in report["findings"]
             if f["location"]["pointer"].endswith("/response/content/text")}
    alone = set()
    for name, data in bodies.items():
        (tmp_path / name).write_bytes(data)
        if scan_json(str(tmp_path / name))[0]["findings"]:
            alone.add(name)
    # A binary body is read for its strings as a binary file is (the holed binary's key found in both); an image
    # (a PNG's magic) in neither.
    assert found == alone
    assert {"long-text", "holed-text", "holed-binary"} <= alone and "long-binary" not in alone


def test_a_binary_body_is_read_for_its_strings_unless_the_capture_declares_it_media(write) -> None:
    # A protobuf response and a download hold a key among binary bytes; the same bytes declared an image or a font
    # (what the server said: browsers record it) are not read, as a file starting with an image's magic is not.
    control = bytes(index % 32 for index in range(2_000))
    entries = []
    for index, mime in enumerate(("application/x-protobuf", "application/octet-stream", "image/webp", "font/woff2")):
        data = control + b"\x12\x40" + f"asaas_api_key={asaas_key('prod')}".encode() + b"\x00\x01" + control
        body = entry("GET", f"https://shop.example/{index}", response_text=base64.b64encode(data).decode(),
                     encoding="base64")
        body["response"]["content"]["mimeType"] = mime
        entries.append(body)
    report, run = scan_json(str(write("bodies.har", json.dumps(har(entries)))))
    found = sorted(f["context"]["url"].rsplit("/", 1)[1] for f in report["findings"] if f["category"] == "access-token")
    assert found == ["0", "1"]
    assert "binary_files_cut" not in report["scan"]["requests"]


def test_a_request_to_a_provider_host_is_judged_however_its_url_writes_the_host(write) -> None:
    # Requests without a credential are asked of the rules only when their host is a provider's;
    # a URL that does not hold the host as written (a tab inside it, which splitting takes out,
    # capitals, user information) must still be.
    urls = ["https://api.iugu.com/v1/transfer_requests", "https://API.IUGU.COM/v1/transfer_requests",
            "https://api.iu\tgu.com/v1/transfer_requests", "https://user@Api.Iugu.Com:443/v1/transfer_requests",
            "https://shop.example/v1/transfer_requests"]
    report, _ = scan_json(str(write("hosts.har", json.dumps(har([
        entry("POST", url, {"Content-Type": "application/json"}, json.dumps({"amount_cents": 100})) for url in urls])))))
    judged = sorted(f["context"]["har_entry"] for f in report["findings"] if f["rule_id"] == "iugu-unsigned-transfer")
    assert judged == [0, 1, 2, 3]


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_a_member_named_by_a_key_is_redacted_in_the_pointer_of_its_finding(tmp_path: Path, fmt: str) -> None:
    """A capture's custom member named by the key it holds (`"_meta": {"<key>": {"note": …}}`): the
    finding's JSON pointer runs through that name, and printed it in full beside the redacted key."""
    key = asaas_key()
    document = {"log": {"entries": [{"request": {"method": "GET", "url": "https://example.com/", "headers": []},
                                      "_meta": {key: {"note": f"access_token={key}"}}}]}}
    (tmp_path / "meta.har").write_text(json.dumps(document))
    run = cli("scan", "--format", fmt, "--jobs", "1", str(tmp_path / "meta.har"))
    assert run.exit_code == 1
    assert_none_leaked({"key": key}, report=run.stdout, stderr=run.stderr)
    if fmt == "json":
        [finding] = json.loads(run.stdout)["findings"]
        assert finding["location"]["pointer"].startswith("/log/entries/0/_meta/$aact_prod_")
        assert finding["location"]["pointer"].endswith("/note")


@pytest.mark.parametrize("filler", ["null", "{}"])
def test_memory_does_not_grow_with_the_count_of_tiny_entries(tmp_path: Path, filler: str) -> None:
    """A batch of entries was bounded by their bytes only, and the parts that were no entry were
    all kept for an error line that names five: 3 million nulls (14 MB) took 4.6 GB."""
    pytest.importorskip("resource")
    key = asaas_key("prod")
    last = json.dumps(entry("GET", "https://api.asaas.com/v3/payments", {"access_token": key}))
    peaks, reports = [], []
    for count in (10_000, 200_000):
        path = tmp_path / f"tiny-{count}.har"
        path.write_text('{"log": {"version": "1.2", "entries": [' + f"{filler}, " * count + last + "]}}")
        peak, report = peak_rss_of_scan(path)
        peaks.append(peak)
        reports.append(report)
    assert peaks[1] - peaks[0] < 24 << 20, f"peak RSS {peaks[0] >> 20} MB, then {peaks[1] >> 20} MB"
    found = [f["location"]["pointer"] for f in reports[1]["findings"] if f["rule_id"] == "asaas-api-key"]
    assert found == ["/log/entries/200000/request/headers/0/value"]
    if filler == "null":
        assert [e["message"].split(";")[1].split(":")[0] for e in reports[1]["errors"]] == \
            [" and 199999 more parts not read as HAR"]


def test_a_request_with_a_body_of_megabytes_is_judged_as_a_short_one(write) -> None:
    """A body over a megabyte is matched in place, not in the joint text, and the request's credentials are read
    from its text in chunks: the token at the end of the body, past the first, is still the request's."""
    token = iugu_token()

    def findings(padding: int) -> list[tuple[str, object]]:
        body = json.dumps({"items": [{"description": "item " * 20, "n": index} for index in range(padding)],
                           "api_token": token, "amount_cents": 1000, "transfer_type": "pix"})
        report, run = scan_json(str(write(f"long-{padding}.har", json.dumps(har([
            entry("POST", "http://api.iugu.com/v1/transfer_requests", {"Content-Type": "application/json"}, body),
        ]), indent=2))))
        assert absent(token, run.stdout, run.stderr), "the token leaked into the report"
        return sorted((f["rule_id"], f["location"]["pointer"]) for f in report["findings"])

    short = findings(2)
    assert ("iugu-unsigned-transfer", "/log/entries/0/request") in short
    assert findings(12_000) == short  # a body of 1.4 MB
