"""Folding findings: one finding per spot, whatever rules saw it — in time that grows with the
findings, not with their square."""

from __future__ import annotations

from pathlib import Path

from helpers.credentials import asaas_key
from helpers.running import run_scan, scan_json
from keyaudit.model.findings import REBUILT, Finding, Location
from keyaudit.model.secrets import Secret
from keyaudit.run.fold import merge_same_spot, spot_order


def request_finding(line: int, rule: str = "iugu-plaintext-http", method: str | None = None,
                    path: str = "/v1/charge") -> Finding:
    return Finding(rule_id=rule, category="plaintext-http", severity="high", confidence="high", provider="iugu",
                   title="t", message="m", location=Location("app.log", line, 1, line, 30), secret=None,
                   context={"url": f"http://api.iugu.com{path}", "method": method})


def merged_of(findings: list[Finding]) -> list[Finding]:
    """What the spool hands the merge: the findings in spot order."""
    return list(merge_same_spot(sorted(findings, key=spot_order)))


def test_what_a_text_rule_and_a_request_rule_saw_of_one_request_is_one_finding() -> None:
    merged = merged_of([request_finding(10), request_finding(12, "iugu-plaintext-request", "POST")])
    assert [(f.rule_id, f.location.line) for f in merged] == [("iugu-plaintext-request", 12)]


def test_requests_far_apart_or_to_other_paths_stay_apart() -> None:
    merged = merged_of([request_finding(10, "iugu-plaintext-request", "POST"),
                              request_finding(11, "iugu-plaintext-request", "POST", "/v1/invoices"),
                              request_finding(500, "iugu-plaintext-request", "POST")])
    assert sorted(f.location.line for f in merged) == [10, 11, 500]


def test_a_url_the_text_rule_saw_folds_into_the_request_to_it_and_not_into_another_path_s() -> None:
    # The log's line before a request record names the same URL, and a client's line after it the
    # origin alone: one place. Another URL of the host a few lines away is another place to fix (it
    # was folded into the request as "the same host").
    merged = merged_of([request_finding(9, path="/v1/charge."), request_finding(10, "iugu-plaintext-request", "POST"),
                        request_finding(12, path="/v1/invoices"), request_finding(14, path="/v1/charge/"),
                        request_finding(15, path=""), request_finding(16, path="/v1/"), request_finding(17, path="/v")])
    assert sorted((f.location.line, f.rule_id) for f in merged) == [(10, "iugu-plaintext-request"),
                                                                    (12, "iugu-plaintext-http"),
                                                                    (17, "iugu-plaintext-http")]
    # the same, a request after the text rule's URLs
    merged = merged_of([request_finding(9, path=""), request_finding(10, path="/v1/invoices"),
                        request_finding(11, "iugu-plaintext-request", "POST")])
    assert sorted((f.location.line, f.rule_id) for f in merged) == [(10, "iugu-plaintext-http"),
                                                                    (11, "iugu-plaintext-request")]


def test_twenty_thousand_findings_about_one_host_fold_in_one_pass() -> None:
    # Quadratic folding took minutes here; with the span bisect it is a fraction of a second.
    findings = [request_finding(line, "iugu-plaintext-request", "POST", f"/v1/x{line % 7}")
                for line in range(1, 1_200_001, 60)]
    merged = merged_of(findings)
    assert len(merged) == len(findings)


def url_finding(index: int, rule: str, severity: str = "high", method: str | None = None) -> Finding:
    """The ``index``-th URL of one long line, 40 characters apart."""
    return Finding(rule_id=rule, category="plaintext-http", severity=severity, confidence="high", provider="iugu",
                   title="t", message="m", location=Location("app.log", 1, 40 * index + 1, 1, 40 * index + 35),
                   secret=None, context={"url": f"http://api.iugu.com/v1/charge/{index}", "method": method})


def test_a_line_of_thousands_of_urls_of_one_host_folds_each_url_once() -> None:
    # Each URL compared with every one before it on the line took minutes here (8,000: 55 s).
    count = 20_000
    findings = [url_finding(index, rule, severity) for index in range(count)
                for rule, severity in (("iugu-plaintext-http", "high"), ("iugu-url", "low"))]
    merged = merged_of(findings)
    assert sorted(f.location.column for f in merged) == [40 * index + 1 for index in range(count)]
    assert {f.rule_id for f in merged} == {"iugu-plaintext-http"}


def test_a_batch_of_thousands_of_requests_on_one_line_keeps_each_path_once() -> None:
    # Each request compared with every one before it on the line took minutes here (2,000: 8 s).
    count = 20_000
    findings = [url_finding(index % (count // 2), "iugu-plaintext-request", "high", "POST") for index in range(count)]
    merged = merged_of(findings)
    assert sorted(f.context["url"] for f in merged) == sorted(f"http://api.iugu.com/v1/charge/{index}"
                                                              for index in range(count // 2))


def key_finding(line: int, column: int, rule: str, method: str | None = None, path: str = "/v3/customers") -> Finding:
    """A finding about one sandbox key: a text rule's (no method) or a request rule's that names the key."""
    return Finding(rule_id=rule, category="environment-mismatch", severity="medium",
                   confidence="high" if method else "medium", provider="asaas", title="t", message="m",
                   location=Location("app.log", line, column, line, column + 30), secret=Secret("$aact_hmlg_000" + "k" * 60),
                   context={"url": f"https://api.asaas.com{path}" if method else None, "method": method})


def test_a_request_finding_naming_its_key_and_a_text_rule_s_finding_of_that_key_in_the_request_are_one() -> None:
    # The key, 115 columns into the record the request was read from, and on the header line after a
    # dump's request line: one mismatch each, the request rule's, placed where the key is (the place to
    # fix, as for every finding of a key). The key 60 lines further on is another place.
    merged = merged_of([key_finding(10, 1, "to-production", "GET"), key_finding(10, 115, "near-production-host"),
                        key_finding(30, 1, "to-production", "POST"), key_finding(32, 9, "near-production-host"),
                        key_finding(92, 5, "near-production-host")])
    assert sorted((f.location.line, f.location.column, f.rule_id) for f in merged) == [
        (10, 115, "to-production"), (32, 9, "to-production"), (92, 5, "near-production-host")]


def test_a_line_of_thousands_of_requests_naming_one_key_folds_in_one_pass() -> None:
    # Judged findings of one key are held for a request's span of lines: compared pair by pair, a batch
    # of requests on one line took minutes.
    count = 20_000
    findings = [key_finding(1, 40 * index + 1, rule, method, f"/v3/customers/{index}")
                for index in range(count) for rule, method in (("to-production", "GET"), ("near-production-host", None))]
    merged = merged_of(findings)
    assert len(merged) == count and {f.rule_id for f in merged} == {"to-production"}


def rebuilt_finding(line: int) -> Finding:
    """A key only a request's reader put together, on the request's first line (``decoded: request``)."""
    found = key_finding(line, 1, "asaas-api-key")
    found.location = Location("app.log", line, 1, line, 2)
    found.context["decoded"] = REBUILT
    return found


def test_a_key_a_reader_put_together_is_the_text_s_sighting_of_it_within_the_request_s_span() -> None:
    # A range that read on past its end put the key of a header in the next range together; that
    # range's text rule saw it whole, a few lines below the request's first line: one finding, there.
    merged = merged_of([rebuilt_finding(10), key_finding(13, 9, "asaas-api-key")])
    assert [(f.location.line, f.location.column, f.context.get("decoded")) for f in merged] == [(13, 9, None)]
    # Nothing shows it whole within the request's span: the reader's finding stands, and so does a
    # sighting far below (another place to fix).
    merged = merged_of([rebuilt_finding(10), key_finding(200, 9, "asaas-api-key")])
    assert sorted((f.location.line, f.context.get("decoded")) for f in merged) == [(10, REBUILT), (200, None)]


def test_a_request_cut_by_a_range_s_end_reports_its_key_where_the_next_range_shows_it(tmp_path: Path) -> None:
    # The request line (a transfer path: an anchor) ends the first range; its key's header is the
    # next range's first line.
    key = asaas_key()
    head = ["2026-11-22 10:00:00 INFO started"] * 40
    dump = ["> POST /v3/transfers HTTP/1.1", "> Host: api.asaas.com", f"> access_token: {key}", ">"]
    log = tmp_path / "app.log"
    log.write_text("\n".join(head + dump + head * 2) + "\n")  # three ranges or more: the file is cut
    first_range = sum(len(line) + 1 for line in head + dump[:1])
    for range_bytes, no_dedupe in ((first_range, True), (first_range, False), (1 << 30, True)):
        found = run_scan(str(log), range_bytes=range_bytes, jobs=1, no_dedupe=no_dedupe)
        keys = [(f.location.line, f.location.column) for f in found.findings if f.rule_id == "asaas-api-key"]
        assert keys == [(len(head) + 3, dump[2].index(key) + 1)], (range_bytes, no_dedupe, keys)


def test_a_url_a_printed_body_follows_after_a_comma_folds_into_the_request_read_there(tmp_path: Path) -> None:
    """Spring's ``RequestEntity.toString()``: the text rule's URL ran on into the body's brace
    (``…/transfer_requests,{``), a path the request's is not under — two plaintext findings for one call."""
    log = tmp_path / "app.log"
    log.write_text('2026-12-05 10:00:00.123  INFO 4242 --- [exec-1] c.a.IuguClient : Sending <POST http://api.iugu.'
                   'com/v1/transfer_requests,{"amount_cents":1050},[Content-Type:"application/json"]>\n')
    report, _ = scan_json(str(log))
    assert sorted(f["rule_id"] for f in report["findings"]) == ["iugu-plaintext-request", "iugu-unsigned-transfer"]
