"""A twenty-fifth blind corpus: the four money-out requests of :mod:`helpers.signed_shapes` (iugu
transfers unsigned, signed with the client's real key and with another key, an Asaas transfer) as
writers of kinds the other corpora do not show keep them — a Perl client's console logger that draws
BOX TABLES (LWP::ConsoleLogger, its cells wrapped at the table's width), an EDITOR's request notes (an
Emacs Org file for verb.el), a TERMINAL API client's request file (Posting's `.posting.yaml`), a VERSION
CONTROL patch that adds the script sending them (`git format-patch`), a CONTAINER ORCHESTRATOR's object
whose command sends them (a Kubernetes Job's curl arguments, `kubectl get -o json`), a DATABASE DUMP of
the outbox table that keeps them (pg_dump's `COPY … FROM stdin`), a DURABLE WORKFLOW engine's history
(a Temporal activity's input, its payload base64 JSON) and a PHP client's error in a framework's log
(Guzzle's `Client error: \\`<METHOD> <url>\\` resulted in a …` through Laravel's Monolog).

One of the eight passed as first written (Temporal's history: the base64 payload is opened and the JSON
inside read). Posting's file passes since a line at a YAML mapping's depth that is no key, list item or
comment (a log's line) starts and ends the mapping, where the mapping holds a block (before, the
mapping of a file's top level was read from the file's start, the log's lines in it, and parsed as
none); Guzzle's error since a method after a backquote (`` `POST <url>` ``) is a request named in
passing, as one after a bracket is; the patch since a curl command may start right after a `+` (a
patch's added line), which is then the prefix of its later lines; the Job since a command kept as the
lists of its words (a container's `command` and `args`) is the request its tool sends, a list's
string item being inside the objects around it; verb's notes since a request file's request line may
write its method in lower case and an Org heading ends its body; the dump since a `COPY <table>
(<names>) FROM stdin;` line names the tab-separated rows below it up to `\\.`, each value in COPY's text
format. Seven of the eight pass. LWP::ConsoleLogger's stays a strict expected failure: its request's
headers and body are cells of box-drawn tables (`| name | value |` rows, a long value wrapped over
rows, each piece but the last ending with `-`, every cell padded to its column), and no reader takes a
request's parts from a table's cells.

A comment above each shape names the source file its format was taken from. What is checked is
what every blind corpus must give (:mod:`test_request_shape_corpora`): the body as sent for
``SHAPES``, never a body for ``HEADERS_ONLY``, not one header for ``NO_HEADERS``.
"""

from __future__ import annotations

import base64
import json

import yaml

from helpers.signed_shapes import Request, case, go_canonical

ANSWER = '{"errors":{"amount_cents":["is invalid"]}}'


# --- a Perl console logger's box tables ----------------------------------------------------------------------------

def _auto_widths(captions: list[str], rows: list[list[str]], limit: int = 80) -> list[int]:
    """The column widths Text::SimpleTable::AutoWidth 0.09 picks (draw): each column at least 2,
    widened row by row to its cell's length (a cell's whole length, line breaks and all) while the
    table stays within ``limit``; else the first column too narrow takes the room left, and no later
    row is looked at once the table is at its limit."""
    columns = len(captions)
    widths = [2] * columns

    def total(candidate: list[int]) -> int:
        return columns + 1 + columns * 2 + sum(candidate)

    for row in [captions, *rows]:
        lengths = [len(cell) for cell in row][:columns]
        new = list(widths)
        for index, length in enumerate(lengths):
            if widths[index] < length:
                new[index] = length
                if total(new) > limit:
                    new[index] = widths[index]
        for index, length in enumerate(lengths):
            if new[index] < length:
                new[index] += limit - total(new)
                break
        widths = new
        if total(widths) >= limit:
            break
    return widths


def _wrap(text: str, width: int) -> list[str]:
    """A cell's lines as Text::SimpleTable 2.04 _wrap cuts them: split at line breaks, each piece
    longer than the column cut every ``width - 1`` characters with `-` after the cut."""
    pieces: list[str] = []
    for part in text.split("\n"):
        while len(part) > width:
            pieces.append(part[:width - 1] + "-")
            part = part[width - 1:]
        pieces.append(part)
    return pieces


def _simple_table(captions: list[str], rows: list[list[str]]) -> list[str]:
    """A table as Text::SimpleTable::AutoWidth draws it at LWP::ConsoleLogger's width (80 when the
    output is no terminal): `.-` `-+-` `-.` above, `| ` ` | ` ` |` around the cells, `+-` under
    the captions and `'-` `-'` below."""
    widths = _auto_widths(captions, rows)
    border = "-+-".join("-" * width for width in widths)
    lines = [f".-{border}-.", "| " + " | ".join(c.ljust(w) for c, w in zip(captions, widths)) + " |", f"+-{border}-+"]
    for row in rows:
        cells = [_wrap(cell, width) for cell, width in zip(row, widths)]
        for index in range(max(len(pieces) for pieces in cells)):
            parts = [(pieces[index] if index < len(pieces) else "").ljust(width) for pieces, width in zip(cells, widths)]
            lines.append("| " + " | ".join(parts) + " |")
    return [*lines, f"'-{border}-'"]


def _data_printer(body: str) -> str:
    """The decoded JSON body as Data::Printer prints it for LWP::ConsoleLogger (`hash_separator =>
    ' => '`, `end_separator => 1`, keys sorted and aligned, four spaces in; the leading `\\ ` cut)."""
    decoded = json.loads(body)
    room = max(len(key) for key in decoded)
    entries = [f"    {key.ljust(room)} => {json.dumps(value)}," for key, value in sorted(decoded.items())]
    return "\n".join(["{", *entries, "}"])


def lwp_console_logger(request: Request) -> list[str]:
    # A Perl payouts job run with `perl -MLWP::ConsoleLogger::Everywhere`, its stderr kept (metacpan
    # LWP-ConsoleLogger lib/LWP/ConsoleLogger.pm request_callback: `<METHOD> <uri>` and a blank line; _log_params:
    # a `POST Raw Body` table of the content, a `POST Parsed Body` table of it parsed; _log_headers: a `Request
    # (before sending) Header | Value` table, names sorted as HTTP::Headers writes them (`Access_token` with
    # $TRANSLATE_UNDERSCORE off); _log_content and _log_text: `Content` and `Text` tables; response_callback:
    # the headers again `(after sending)`, `==> <status line>`; every table drawn by Text::SimpleTable::AutoWidth
    # at width 80, long cells wrapped with `-`).
    headers = sorted((go_canonical(name), value) for name, value in
                     [*request.headers, ("Content-Length", request.content_length)])
    rows = [[name, value] for name, value in headers]
    parsed = _data_printer(request.body)
    lines = [f"{request.method} {request.url}", ""]
    lines += _simple_table([f"{request.method} Raw Body"], [[request.body]])
    lines += _simple_table([f"{request.method} Parsed Body"], [[parsed]])
    lines += _simple_table(["Request (before sending) Header", "Value"], rows)
    lines += _simple_table(["Content"], [[request.body]])
    lines += _simple_table(["Text"], [[parsed]])
    lines += _simple_table(["Request (after sending) Header", "Value"], rows)
    lines += ["==> 422 Unprocessable Entity", ""]
    lines += _simple_table(["Response Header", "Value"], [["Content-Type", "application/json"]])
    return lines + _simple_table(["Content"], [[ANSWER]])


# --- an editor's request notes, a terminal client's request file ----------------------------------------------------

def verb_org_notes(request: Request) -> list[str]:
    # A developer's `payouts.org` for Emacs' verb package, `(setq verb-trim-body-end "[ \t\n\r]+")` in their init as
    # README.md's tip says (federicotdn/verb README.md "Writing Request Specifications": a heading tagged `:verb:`,
    # the method in lower case and the URL, the headers right after it, a blank line and the body up to the next
    # heading; a heading's children inherit its tag; the response pasted under a child heading of its own).
    return ["* Payout transfer (ticket PAY-311)                             :verb:",
            f"{request.method.lower()} {request.url}",
            *(f"{name}: {value}" for name, value in request.headers), "", *request.body.split("\n"),
            "** Response 2026-11-22", "HTTP/1.1 422 Unprocessable Entity", ANSWER]


class _PostingDumper(yaml.SafeDumper):
    """PyYAML's dumper as Posting sets it (src/posting/yaml.py str_presenter): a string with a
    line break in literal block style, each line's trailing spaces cut."""


def _posting_str(dumper: yaml.SafeDumper, data: str) -> yaml.ScalarNode:
    if "\n" in data:
        data = "\n".join(line.rstrip() for line in data.splitlines())
        return dumper.represent_scalar("tag:yaml.org,2002:str", data, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", data)


_PostingDumper.add_representer(str, _posting_str)


def posting_request_file(request: Request) -> list[str]:
    # A request saved by Posting, the terminal API client, into the team's collection as `transfer.posting.yaml`
    # (darrenburns/posting src/posting/collection.py RequestModel.save_to_disk: model_dump(exclude_defaults=True,
    # exclude_none=True) through yaml dump, sort_keys=False, allow_unicode=True — name, description, method, url,
    # body {content, content_type}, headers [{name, value}]; tests/sample-collections/*.posting.yaml).
    model = {"name": "send transfer", "description": "Manual payout (PAY-311)", "method": request.method,
             "url": request.url, "body": {"content": request.body, "content_type": "application/json"},
             "headers": [{"name": name, "value": value} for name, value in request.headers]}
    return yaml.dump(model, Dumper=_PostingDumper, sort_keys=False, allow_unicode=True).rstrip("\n").split("\n")


# --- a version control patch, an orchestrator's object, a database dump ---------------------------------------------

def git_format_patch(request: Request) -> list[str]:
    # A patch mailed for review, `git format-patch -1` of a commit adding the script that sent the transfer
    # (git Documentation/git-format-patch.txt and diff-format.txt: the mbox `From <sha> Mon Sep 17 00:00:00 2001`
    # header, `Subject: [PATCH]`, `---`, the diffstat, `diff --git`, `new file mode`, `--- /dev/null`, `+++ b/<path>`,
    # `@@ -0,0 +1,<n> @@` and each line of the new file after `+`; the signature `-- ` and git's version).
    script = ["#!/bin/sh", "set -eu", f"curl -sS --fail-with-body -X {request.method} '{request.url}' \\",
              *(f"  -H '{name}: {value}' \\" for name, value in request.headers),
              *f"  --data-binary '{request.body}'".split("\n")]
    return ["From 5d0c1e3b9a7f4c2e8d6b1a0f9e8d7c6b5a4f3e2d Mon Sep 17 00:00:00 2001",
            "From: Ana Souza <ana@payouts.example>", "Date: Sun, 22 Nov 2026 13:00:30 +0000",
            "Subject: [PATCH] payouts: script the manual transfer of PAY-311", "", "---",
            " scripts/send-transfer.sh | %d +++" % len(script), " 1 file changed, %d insertions(+)" % len(script),
            " create mode 100755 scripts/send-transfer.sh", "",
            "diff --git a/scripts/send-transfer.sh b/scripts/send-transfer.sh", "new file mode 100755",
            "index 0000000..8c3f2a1", "--- /dev/null", "+++ b/scripts/send-transfer.sh",
            f"@@ -0,0 +1,{len(script)} @@", *(f"+{line}" for line in script), "-- ", "2.47.1", ""]


def kubectl_job_json(request: Request) -> list[str]:
    # The Job a CronJob made to send the transfer, `kubectl get job payout-transfer-29384730 -o json` pasted into an
    # incident's notes (kubernetes api batch/v1 Job, core/v1 Container `command` and `args`; kubectl's JSON printer
    # (k8s.io/cli-runtime pkg/printers/json.go: json.MarshalIndent, four spaces, then a line break) of the object
    # as the API server returns it, an unstructured map's keys sorted).
    args = ["-sS", "--fail-with-body", "-X", request.method, request.url]
    for name, value in request.headers:
        args += ["-H", f"{name}: {value}"]
    args += ["--data-binary", request.body]
    container = {"args": args, "command": ["curl"], "image": "curlimages/curl:8.11.0", "imagePullPolicy": "IfNotPresent",
                 "name": "transfer", "resources": {}, "terminationMessagePath": "/dev/termination-log",
                 "terminationMessagePolicy": "File"}
    job = {"apiVersion": "batch/v1", "kind": "Job",
           "metadata": {"creationTimestamp": "2026-11-22T13:00:00Z", "name": "payout-transfer-29384730",
                        "namespace": "payouts"},
           "spec": {"backoffLimit": 0, "template": {"spec": {"containers": [container], "restartPolicy": "Never"}}},
           "status": {"failed": 1}}
    return json.dumps(job, indent=4, sort_keys=True).split("\n")


def _copy_text(value: str) -> str:
    """A value as COPY's text format writes it (PostgreSQL docs "COPY", File Formats, Text Format):
    a backslash doubled, a line break `\\n`, a carriage return `\\r`, a tab `\\t`."""
    return value.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")


def _jsonb(headers: list[tuple[str, str]]) -> str:
    """A jsonb object as PostgreSQL prints it (docs "JSON Types": jsonb keeps no key order — shorter
    keys first, then by bytes — and prints `{"key": "value", ...}` with a space after each colon
    and comma)."""
    keys = sorted(dict(headers).items(), key=lambda item: (len(item[0].encode()), item[0].encode()))
    return "{" + ", ".join(f"{json.dumps(name)}: {json.dumps(value)}" for name, value in keys) + "}"


def pg_dump_outbox(request: Request) -> list[str]:
    # A `pg_dump --data-only --table=payout_outbox_*` of the service's transactional outbox, a partition a day, kept
    # in a support ticket (PostgreSQL src/bin/pg_dump/pg_dump.c dumpTableData_copy: the `-- Data for Name: …`
    # comment, `COPY <table> (<columns>) FROM stdin;`, each row tab-separated in COPY's text format, `\.`; the
    # headers a jsonb column, the body a text column).
    row = ["1", request.method, request.url, _jsonb(request.headers), request.body, "pending", "2026-11-22 13:00:30.123+00"]
    return ["--", "-- Data for Name: payout_outbox_20261122; Type: TABLE DATA; Schema: public; Owner: payouts", "--", "",
            "COPY public.payout_outbox_20261122 (id, method, url, headers, body, status, created_at) FROM stdin;",
            "\t".join(_copy_text(value) for value in row), "\\.", ""]


# --- a durable workflow's history, a PHP client's error ---------------------------------------------------------------

def temporal_history(request: Request) -> list[str]:
    # A Temporal workflow's event history downloaded as JSON from the Web UI, its ActivityTaskScheduled event holding
    # the activity's input (temporalio/api temporal/api/history/v1/message.proto ActivityTaskScheduledEventAttributes,
    # common/v1 Payloads; protojson: camelCase names, enums by name, bytes base64; the Go SDK's default data converter
    # (converter/json_payload_converter.go): metadata `encoding: json/plain`, data encoding/json's Marshal of the
    # argument — here a struct {Method, URL string; Headers map[string]string; Body string}, map keys sorted).
    argument = {"Method": request.method, "URL": request.url, "Headers": dict(sorted(request.headers)),
                "Body": request.body}
    payload = {"metadata": {"encoding": base64.b64encode(b"json/plain").decode()},
               "data": base64.b64encode(json.dumps(argument, separators=(",", ":")).encode()).decode()}
    event = {"eventId": "5", "eventTime": "2026-11-22T13:00:30.104Z", "eventType": "EVENT_TYPE_ACTIVITY_TASK_SCHEDULED",
             "taskId": "1048631", "activityTaskScheduledEventAttributes": {
                 "activityId": "5", "activityType": {"name": "SendTransfer"},
                 "taskQueue": {"name": "payouts", "kind": "TASK_QUEUE_KIND_NORMAL"},
                 "input": {"payloads": [payload]}, "scheduleToCloseTimeout": "0s",
                 "startToCloseTimeout": "30s", "workflowTaskCompletedEventId": "4"}}
    return json.dumps({"events": [event]}, indent=2).split("\n")


def guzzle_laravel_error(request: Request) -> list[str]:
    # A Laravel payouts job whose Guzzle call failed, the exception reported to the default `stack` log (guzzle/guzzle
    # src/Exception/RequestException.php create: `Client error: \`<METHOD> <uri>\` resulted in a \`<status> <reason>\`
    # response`, then `:\n<body summary>\n`; Monolog's LineFormatter as Laravel sets it, inline line breaks allowed and
    # stack traces included: `[<time>] <env>.ERROR: <message> {"exception":"[object] (<class>(code: <code>): <message>
    # at <file>:<line>)\n[stacktrace]\n#0 …"}`, the context's escaped line breaks written as they are). No header.
    message = (f"Client error: `{request.method} {request.url}` resulted in a `422 Unprocessable Entity` response:\n"
               f"{ANSWER}\n")
    escaped = message.replace('"', '\\"')
    vendor = "/var/www/html/vendor/guzzlehttp/guzzle/src"
    record = (f'[2026-11-22 13:00:30] production.ERROR: {message} {{"exception":"[object] (GuzzleHttp\\\\Exception'
              f'\\\\ClientException(code: 422): {escaped} at {vendor}/Exception/RequestException.php:113)')
    return [*record.split("\n"),
            "[stacktrace]",
            f"#0 {vendor}/Middleware.php(72): GuzzleHttp\\\\Exception\\\\RequestException::create(Object(GuzzleHttp"
            "\\\\Psr7\\\\Request), Object(GuzzleHttp\\\\Psr7\\\\Response), NULL, Array, NULL)",
            "#1 /var/www/html/app/Jobs/SendTransfer.php(41): GuzzleHttp\\\\Client->post('...', Array)",
            '"} ']


_LWP_MISSED = ("the headers and the body as cells of box-drawn tables (`| name | value |` rows, a long value wrapped "
               "over rows with `-`, cells padded to their column) under a `<METHOD> <url>` line: no reader takes a "
               "request's parts from a table's cells")

SHAPES = [case(lwp_console_logger, missed=_LWP_MISSED), case(verb_org_notes, "payouts.org"),
          case(posting_request_file, "transfer.posting.yaml"),
          case(git_format_patch, "0001-payouts.patch"),
          case(kubectl_job_json, "job.json"),
          case(pg_dump_outbox, "outbox.sql"), case(temporal_history, "history.json")]
HEADERS_ONLY: list[object] = []
NO_HEADERS = [case(guzzle_laravel_error, "laravel.log")]
