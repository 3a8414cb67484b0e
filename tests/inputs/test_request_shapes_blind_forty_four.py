"""A forty-fourth blind corpus: the four money-out requests of :mod:`helpers.signed_shapes` (iugu transfers unsigned,
signed with the client's real key and with another key, an Asaas transfer) as they come back out of the TOOLS people
READ logs with, and the ways those tools re-wrap them — `kubectl logs --prefix --timestamps`, `docker compose logs`
(its coloured `service |` prefix), `journalctl -o json-pretty` and `-o verbose`, `logcli query --output=jsonl`,
CloudWatch Logs Insights' `get-query-results`, a Papertrail archive, `gcloud logging read --format=yaml`, a `script`
typescript of an HTTPie session in colour, `tmux capture-pane` of a pane that wrapped long lines, and the CSV exports
of Splunk's search (`_raw`) and Kibana's Discover (one column an ECS field).

Eight of the twelve passed as first written, before the readers were read (kubectl's prefix, compose's coloured
prefix over a Go dump's lines, journalctl's json-pretty and verbose displays, logcli's jsonl, Insights' field/value
rows, the Papertrail archive, gcloud's YAML with its literal blocks). Four did not: the tmux pane and the two CSV
exports (no request found) and the HTTPie typescript (each request judged twice, and the signed ones as replays).
The typescript was this corpus's own error: its command named none of the headers the dump under it showed, which
HTTPie never sends unasked, so the two were rightly two requests; written as HTTPie is used (the headers as
`Name:value` items) the command and its dump are one request. The three others pass now, by three rules:

- a table's header row names the URL by a dotted path to the whole URL inside a ``url`` object (ECS's ``url.full``,
  as Discover names its columns), as a record's dotted key is read
  (:func:`keyaudit.inputs.captures.records.names_a_request`);
- a table's raw event that is no record but a request's text as sent (a dump Splunk indexed as one multi-line event)
  is that request, its body byte for byte (:mod:`keyaudit.inputs.captures.columns`);
- a JSON record a terminal cut into rows at its width is joined back where an anchored line is one of its rows and
  the rows make one object (:mod:`keyaudit.inputs.captures.terminal_rows`).

A comment above each shape names the source its format was taken from. What is checked is what every
blind corpus must give (:mod:`test_request_shape_corpora`): the body as sent for ``SHAPES``, never a body
for ``HEADERS_ONLY``, not one header for ``NO_HEADERS``.
"""

from __future__ import annotations

import csv
import io
import json
import uuid
from typing import TYPE_CHECKING

import yaml

from helpers.signed_shapes import Request, assert_shape_findings, case, requests

if TYPE_CHECKING:
    from pathlib import Path

STAMP = "2026-11-22T13:00:30.104012345Z"


def _run(request: Request) -> str:
    """One id per request, the same each time the request is written (a request or connection id)."""
    return uuid.uuid5(uuid.NAMESPACE_URL, repr(request)).hex


def _record(request: Request) -> dict[str, object]:
    """The structured log record the payouts service writes for each provider call (its JSON logger's fields)."""
    return {"level": "debug", "msg": "provider call", "request": {"method": request.method, "url": request.url,
                                                                  "headers": dict(request.headers),
                                                                  "body": request.body}}


def _line(request: Request) -> str:
    """The record as the service writes it to stdout: one compact JSON line."""
    return json.dumps(_record(request), ensure_ascii=False, separators=(",", ":"))


def _go_dump(request: Request) -> list[str]:
    """The request as Go's httputil.DumpRequestOut writes it (pkg.go.dev/net/http/httputil#DumpRequestOut: the
    request line, Host, the headers, a blank line, the body; lines ended CRLF), printed with fmt.Printf("%s")."""
    head = [f"{request.method} {request.path} HTTP/1.1", f"Host: {request.host}",
            "User-Agent: payouts/3.1", f"Content-Length: {request.content_length}"]
    head += [f"{name}: {value}" for name, value in sorted(request.headers) if name != "User-Agent"]
    head += ["Accept-Encoding: gzip", ""]
    return [line + "\r" for line in head] + request.body.split("\n")


# --- kubectl logs --prefix --timestamps -------------------------------------------------------------------------------

def kubectl_logs_prefix_timestamps(request: Request) -> list[str]:
    # `kubectl logs deploy/payouts --all-containers --prefix --timestamps` (kubernetes.io/docs/reference/kubectl/
    # generated/kubectl_logs: --prefix "Prefix each log line with the log source (pod name and container name)",
    # written `[pod/<pod>/<container>] `; --timestamps the RFC 3339 time with nanoseconds before the line).
    return [f"[pod/payouts-7d9f8c6b5-x2k4q/api] {STAMP} {_line(request)}"]


# --- docker compose logs: the coloured service prefix -----------------------------------------------------------------

def compose_logs_colour_prefix(request: Request) -> list[str]:
    # A Go payouts service that prints each request's httputil.DumpRequestOut to stdout, read with `docker compose
    # logs payouts` in a terminal (docs.docker.com/reference/cli/docker/compose/logs: each line prefixed with the
    # container's name padded to the longest and ` | `, the prefix coloured unless --no-color).
    return [f"\x1b[36mpayouts-1  | \x1b[0m{line}" for line in _go_dump(request)]


# --- journalctl -o json-pretty ----------------------------------------------------------------------------------------

def _journal_fields(request: Request) -> dict[str, str]:
    """The journal entry of one stdout line of the service run as a systemd unit (systemd.journal-fields(7))."""
    return {"__CURSOR": f"s=9f1c0e;i=4a21;b=5b7e;m=2f1d;t=5ff8;x={_run(request)[:16]}",
            "__REALTIME_TIMESTAMP": "1795352430104012", "__MONOTONIC_TIMESTAMP": "88120931",
            "_BOOT_ID": "5b7e0d6a1c2f4e3b9a8d7c6b5a4f3e2d", "PRIORITY": "6", "SYSLOG_FACILITY": "3",
            "_UID": "998", "_GID": "998", "_COMM": "payouts", "_EXE": "/usr/local/bin/payouts",
            "_SYSTEMD_UNIT": "payouts.service", "SYSLOG_IDENTIFIER": "payouts", "_TRANSPORT": "stdout",
            "_PID": "2211", "_HOSTNAME": "pay-01", "MESSAGE": _line(request)}


def journalctl_json_pretty(request: Request) -> list[str]:
    # `journalctl -u payouts -o json-pretty` (man journalctl, --output: json-pretty "formats entries as JSON data
    # structures, but formats them in multiple lines in order to make them more readable by humans"; systemd's
    # logs-show.c writes a field a line, `\t"NAME" : "value"`, ` : ` between them).
    fields = _journal_fields(request)
    body = ",\n".join(f"\t{json.dumps(name)} : {json.dumps(value, ensure_ascii=False)}" for name, value in
                      fields.items())
    return ["{"] + body.split("\n") + ["}"]


def journalctl_verbose(request: Request) -> list[str]:
    # `journalctl -u payouts -o verbose` (man journalctl: verbose "shows the full-structured entry items with all
    # fields": the entry's time and cursor on a line, then each field `NAME=value` indented four blanks).
    fields = _journal_fields(request)
    cursor = fields.pop("__CURSOR")
    for name in ("__REALTIME_TIMESTAMP", "__MONOTONIC_TIMESTAMP"):
        fields.pop(name)
    return [f"Sun 2026-11-22 13:00:30.104012 UTC [{cursor}]"] + [f"    {name}={value}" for name, value in
                                                                 fields.items()]


# --- Loki: logcli query --output=jsonl --------------------------------------------------------------------------------

def logcli_jsonl(request: Request) -> list[str]:
    # `logcli query '{app="payouts"}' --output=jsonl` (grafana.com/docs/loki/latest/query/logcli: the jsonl output
    # mode, one JSON object a line with the stream's labels, the line and its timestamp).
    entry = {"labels": {"app": "payouts", "namespace": "payments", "pod": "payouts-7d9f8c6b5-x2k4q"},
             "line": _line(request), "timestamp": "2026-11-22T13:00:30.104012345Z"}
    return [json.dumps(entry, ensure_ascii=False, separators=(",", ":"))]


# --- CloudWatch Logs Insights: get-query-results ----------------------------------------------------------------------

def insights_get_query_results(request: Request) -> list[str]:
    # `aws logs get-query-results --query-id …` after `fields @timestamp, @message | filter msg = "provider call"`
    # (docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_GetQueryResults.html: results, a list of
    # rows, each a list of ResultField {field, value}; the CLI's JSON indented four blanks).
    row = [{"field": "@timestamp", "value": "2026-11-22 13:00:30.104"}, {"field": "@message", "value": _line(request)},
           {"field": "@ptr", "value": "CmAKJwojMTIzNDU2Nzg5MDEyOi9hd3MvZWNzL3BheW91dHMQBxIYGgYIx"}]
    answer = {"results": [row], "statistics": {"recordsMatched": 1.0, "recordsScanned": 812.0,
                                               "bytesScanned": 401233.0}, "status": "Complete"}
    return json.dumps(answer, indent=4, ensure_ascii=False).split("\n")


# --- Papertrail: the nightly archive ----------------------------------------------------------------------------------

def papertrail_archive_tsv(request: Request) -> list[str]:
    # A Papertrail archive (help.papertrailapp.com/kb/how-it-works/permanent-log-archives: one message a line, the
    # fields id, generated_at, received_at, source_id, source_name, source_ip, facility_name, severity_name, program,
    # message separated by tabs), the .tsv.gz unpacked.
    fields = ["50342052", "2026-11-22 13:00:30 +0000", "2026-11-22 13:00:30 +0000", "42424", "pay-01",
              "10.0.3.7", "User", "Info", "payouts", _line(request)]
    return ["\t".join(fields)]


# --- gcloud logging read --format=yaml --------------------------------------------------------------------------------

def gcloud_logging_read_yaml(request: Request) -> list[str]:
    # `gcloud logging read 'jsonPayload.msg="provider call"' --format=yaml` (cloud.google.com/sdk/gcloud/reference/
    # logging/read; a LogEntry per YAML document, `---` between them, keys sorted; a string with line ends written
    # as a literal block): the service's structured record as jsonPayload.
    entry = {"insertId": _run(request)[:14], "jsonPayload": _record(request),
             "logName": "projects/payouts-prod/logs/stdout", "receiveTimestamp": "2026-11-22T13:00:30.231Z",
             "resource": {"labels": {"cluster_name": "pay", "namespace_name": "payments"}, "type": "k8s_container"},
             "severity": "DEBUG", "timestamp": "2026-11-22T13:00:30.104012345Z"}

    def literal(dumper: yaml.SafeDumper, text: str) -> yaml.Node:
        return dumper.represent_scalar("tag:yaml.org,2002:str", text, style="|" if "\n" in text else None)

    class Dumper(yaml.SafeDumper):
        """PyYAML's safe dumper, with strings of several lines as literal blocks."""

    Dumper.add_representer(str, literal)
    return ["---"] + yaml.dump(entry, Dumper=Dumper, sort_keys=True, allow_unicode=True, width=10_000).split("\n")


# --- script(1): a typescript of an HTTPie session in colour -----------------------------------------------------------

def _paint(colour: str, text: str) -> str:
    return f"\x1b[{colour}m{text}\x1b[39m"


def script_typescript_httpie(request: Request) -> list[str]:
    # An operator's terminal session recorded with `script -q transfer.typescript` (man script: everything printed
    # to the terminal, escapes and carriage returns as the terminal got them), the call made with HTTPie,
    # `http --verbose --pretty=colors POST <url> 'Name:value'… < transfer.json` (httpie.io/docs/cli: a `Name:value`
    # item a header, the body read from the redirected standard input; --verbose prints the request, HTTPie's own
    # Accept, Accept-Encoding, Connection, Content-Length and Host with the given headers, before the response;
    # --pretty=colors colours the request line, each header's name and value and the body's JSON tokens, without
    # reformatting them).
    out = ["Script started on 2026-11-22 13:00:29+00:00 [TERM=\"xterm-256color\" TTY=\"/dev/pts/3\" COLUMNS=\"220\"]",
           f"\x1b[01;32mops@bastion\x1b[00m:\x1b[01;34m~\x1b[00m$ http --verbose --pretty=colors "
           f"{request.method} {request.url} " + "".join(f"'{name}:{value}' " for name, value in request.headers)
           + "< transfer.json",
           f"{_paint('32', request.method)} {_paint('36', request.path)} {_paint('34', 'HTTP')}/1.1",
           f"{_paint('36', 'Accept')}: {_paint('33', 'application/json, */*;q=0.5')}",
           f"{_paint('36', 'Accept-Encoding')}: {_paint('33', 'gzip, deflate')}",
           f"{_paint('36', 'Connection')}: {_paint('33', 'keep-alive')}",
           f"{_paint('36', 'Content-Length')}: {_paint('33', request.content_length)}",
           f"{_paint('36', 'Host')}: {_paint('33', request.host)}"]
    out += [f"{_paint('36', name)}: {_paint('33', value)}" for name, value in request.headers]
    out.append("")
    for line in request.body.split("\n"):
        out.append(line.replace('"', '\x1b[34m"', 1).replace('":', '"\x1b[39m:', 1) if ":" in line else line)
    out += ["", "", f"{_paint('34', 'HTTP')}/1.1 {_paint('34', '200')} {_paint('36', 'OK')}", ""]
    return [line + "\r" for line in out]


# --- tmux capture-pane of a pane that wrapped long lines --------------------------------------------------------------

def tmux_capture_pane_wrapped(request: Request) -> list[str]:
    # `kubectl logs -f deploy/payouts` run in a tmux pane 160 columns wide, its history saved with
    # `tmux capture-pane -p -S -` (man tmux, capture-pane: without -J a line the pane wrapped comes out as the rows
    # it filled, each cut at the pane's width).
    line = f"{STAMP} {_line(request)}"
    return [line[start:start + 160] for start in range(0, len(line), 160)]


SHAPES = [case(kubectl_logs_prefix_timestamps, "pods.log"), case(compose_logs_colour_prefix, "compose.log"),
          case(journalctl_json_pretty, "journal.json"), case(journalctl_verbose, "journal.txt"),
          case(logcli_jsonl, "loki.jsonl"), case(insights_get_query_results, "results.json"),
          case(papertrail_archive_tsv, "2026-11-22.tsv"), case(gcloud_logging_read_yaml, "entries.yaml"),
          case(script_typescript_httpie, "transfer.typescript"), case(tmux_capture_pane_wrapped, "pane.txt")]
HEADERS_ONLY: list[object] = []
NO_HEADERS: list[object] = []


def test_a_splunk_csv_export_of_multi_line_events_gives_the_same_request_findings(tmp_path: Path) -> None:
    # The Go service's dumps indexed by Splunk as multi-line events and exported from Search as CSV (docs.splunk.com,
    # "Export search results": CSV with the default fields `_time`, `host`, `source`, `sourcetype`, `_raw`; a value
    # with quotes or line ends quoted as RFC 4180 quotes it, a quote doubled).
    found, public = requests(tmp_path)
    out = io.StringIO()
    table = csv.writer(out, lineterminator="\n")
    table.writerow(["_time", "host", "source", "sourcetype", "_raw"])
    for request in found:
        raw = "\n".join(line.rstrip("\r") for line in _go_dump(request))
        table.writerow(["2026-11-22T13:00:30.104+00:00", "pay-01", "/var/log/payouts/dump.log", "payouts:dump", raw])
    path = tmp_path / "splunk-export.csv"
    path.write_text(out.getvalue(), encoding="utf-8")
    assert_shape_findings(path, public, "splunk_csv_export")


def test_a_kibana_discover_csv_of_ecs_fields_gives_the_same_request_findings(tmp_path: Path) -> None:
    # The service's ECS logs (elastic.co/guide/en/ecs: http.request.method, url.full, http.request.body.content; the
    # headers kept as a JSON object) shown in Discover with those fields as columns and exported with "Generate CSV"
    # (elastic.co/guide/en/kibana/current/reporting-getting-started.html: a header row of the column's field names,
    # values quoted where they hold a comma, a quote or a line end; an object as its JSON).
    found, public = requests(tmp_path)
    out = io.StringIO()
    table = csv.writer(out, lineterminator="\n")
    table.writerow(["@timestamp", "service.name", "http.request.method", "url.full", "http.request.headers",
                    "http.request.body.content"])
    for request in found:
        table.writerow(["Nov 22, 2026 @ 13:00:30.104", "payouts", request.method, request.url,
                        json.dumps(dict(request.headers), ensure_ascii=False), request.body])
    path = tmp_path / "discover.csv"
    path.write_text(out.getvalue(), encoding="utf-8")
    assert_shape_findings(path, public, "kibana_discover_csv")
