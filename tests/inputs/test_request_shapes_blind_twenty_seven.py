"""A twenty-seventh blind corpus: the four money-out requests of :mod:`helpers.signed_shapes` (iugu
transfers unsigned, signed with the client's real key and with another key, an Asaas transfer) as
writers of kinds the other corpora do not show keep them — a PHP job queue's FAILED JOB (Laravel
Horizon's failed-job record, the job a PHP-`serialize`d object inside its JSON payload), a Node job
queue's job read back with a KEY-VALUE STORE's command line (BullMQ's job hash through `redis-cli
HGETALL`, each value C-quoted), a cloud queue's DEAD LETTERS (`aws sqs receive-message`, the method,
URL and headers in typed message attributes), an API TEST SUITE's project file (SoapUI's REST request,
its headers an escaped XML fragment), a CHAT workspace's EXPORT (Slack's channel file, the request
pasted in a code block with its host turned into a link), a SCHEMA-DEFINED message in protocol
buffers' TEXT FORMAT (a Python worker logging its outbox message), an EDGE runtime's live tail
(Cloudflare Workers' `wrangler tail --format json`, the request a logged argument) and an archiving
proxy's WEB ARCHIVE (warcprox's WARC request records).

Three of the eight passed as first written (BullMQ's job read with redis-cli, the Worker's tail, the WARC
file). The dead letters pass since a message attribute is its value (a queue's or a topic's attribute
says its data type beside it: SQS's `{"StringValue": …, "DataType": "String"}`, a Lambda event's, SNS's
`{"Type": …, "Value": …}`), and a message's bare body at a record's top is the request's where the
attributes hold its head and it is a payload of the type that head declares (JSON an object or a list,
a form of fields; a log record's sentence stays its own). Horizon's failed job passes since a string in
PHP's `serialize` notation (an array, an object: a queued job's `data.command`) is read as the record it
holds, its strings by their length in bytes; Slack's export since a request line in a JSON string whose
`/` are escaped (`HTTP\\/1.1`) is one (a marker too), and a message in a chat's markup is read as it was
pasted (a link `<url|label>` its label, `&amp;`, `&lt;`, `&gt;` undone, fences glued to its first and last
lines taken off them); the worker's log since messages in protocol buffers' text format are read as
records (`name: value` a line, `name { … }`, a map a list of `{key, value}` entries, octal escapes bytes).
SoapUI's project is now parsed (an escaped fragment's `xmlns:con=` in an element's text declares
nothing), but stays a strict expected failure saying what the readers miss. Seven of the eight pass.

A comment above each shape names the source its format was taken from. What is checked is what
every blind corpus must give (:mod:`test_request_shape_corpora`): the body as sent for ``SHAPES``,
never a body for ``HEADERS_ONLY``, not one header for ``NO_HEADERS``.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import uuid
from urllib.parse import urlsplit

from helpers.signed_shapes import Request, case, envelope

ANSWER = '{"errors":{"amount_cents":["is invalid"]}}'
SENT_MS = 1795352430104  # 2026-11-22T13:00:30.104Z, half a minute after the requests' Request-Time


def _php_json(value: object) -> str:
    """``json_encode`` with PHP's default flags: compact, non-ASCII as ``\\uXXXX``, `/` escaped."""
    return json.dumps(value, separators=(",", ":")).replace("/", "\\/")


# --- job queues: a PHP one's failed job, a Node one's job hash ------------------------------------------------------

def _php_serialize(value: object) -> str:
    """A value as PHP's ``serialize`` writes it (php-src ext/standard/var.c php_var_serialize_intern):
    a string ``s:<bytes>:"<bytes as they are>";``, an integer ``i:<n>;``, null ``N;``, an array
    ``a:<count>:{<key><value>…}`` (no `;` after its brace)."""
    if value is None:
        return "N;"
    if isinstance(value, bool):
        return f"b:{int(value)};"
    if isinstance(value, int):
        return f"i:{value};"
    if isinstance(value, dict):
        return f"a:{len(value)}:{{" + "".join(_php_serialize(k) + _php_serialize(v) for k, v in value.items()) + "}"
    text = str(value)
    return f's:{len(text.encode())}:"{text}";'


def horizon_failed_job(request: Request) -> list[str]:
    # Laravel Horizon's failed job, as its dashboard fetches it from `/horizon/api/jobs/failed/{id}` and an engineer
    # saved it to the incident (laravel/horizon src/Http/Controllers/FailedJobsController.php show(): the job's Redis
    # hash — id, connection, queue, name, status, payload, exception, context, failed_at, completed_at, retried_by,
    # reserved_at, index — with `payload` json_decode'd, answered by Laravel's JsonResponse with json_encode's default
    # flags). The payload is laravel/framework Queue::createObjectPayload's (uuid, displayName, job, maxTries, …, data
    # {commandName, command: serialize(clone $job)}) with RedisQueue's id and attempts and Horizon JobPayload::
    # prepare's type, tags, silenced, pushedAt; the job `SendTransfer` holds the request in its one public property
    # (SerializesModels::__serialize writes only properties off their defaults, so `O:<len>:"<class>":1:{…}`).
    job_class = "App\\Jobs\\SendTransfer"
    command = f'O:{len(job_class)}:"{job_class}":1:{{' + _php_serialize("request") + _php_serialize(
        envelope(request)) + "}"
    payload = {"uuid": "9f3b1c2e-5a47-4d21-8c3e-7b1f0a9d4e62", "displayName": job_class,
               "job": "Illuminate\\Queue\\CallQueuedHandler@call", "maxTries": 3, "maxExceptions": None,
               "failOnTimeout": False, "backoff": None, "timeout": 30, "retryUntil": None,
               "data": {"commandName": job_class, "command": command}, "id": "1042", "attempts": 3, "type": "job",
               "tags": [], "silenced": False, "pushedAt": "1795352430.1041"}
    exception = ("Illuminate\\Http\\Client\\RequestException: HTTP request returned status code 422:\n" + ANSWER
                 + "\n in /var/www/payouts/vendor/laravel/framework/src/Illuminate/Http/Client/Response.php:304\n"
                 "Stack trace:\n#0 /var/www/payouts/app/Jobs/SendTransfer.php(31): "
                 "Illuminate\\Http\\Client\\Response->throw()\n#1 {main}")
    record = {"id": "1042", "connection": "redis", "queue": "payouts", "name": job_class, "status": "failed",
              "payload": payload, "exception": exception, "context": None, "failed_at": "1795352431.2311",
              "completed_at": None, "retried_by": [], "reserved_at": "1795352430.9012", "index": 0}
    return [_php_json(record)]


def _redis_repr(text: str) -> str:
    """A bulk string as redis-cli prints it to a terminal (redis src/sds.c sdscatrepr): in double
    quotes, `\\\\` and `\\"` escaped, line breaks, tabs, BEL and backspace as C escapes, any other
    byte that is not printable ASCII as ``\\xNN``."""
    named = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\a": "\\a", "\b": "\\b"}
    out = []
    for byte in text.encode():
        char = chr(byte)
        out.append(named.get(char) or (char if 32 <= byte < 127 else f"\\x{byte:02x}"))
    return '"' + "".join(out) + '"'


def bullmq_job_hgetall(request: Request) -> list[str]:
    # A BullMQ job that failed, read back in `redis-cli` and pasted into the runbook (taskforcesh/bullmq src/commands/
    # includes/storeJob.lua: HMSET of name, data — JSON.stringify of the job's data —, opts — cjson —, timestamp,
    # delay, priority; moveToFinished adds processedOn, atm, finishedOn, failedReason, stacktrace; redis src/redis-cli.c
    # cliFormatReplyTTY: an array's items numbered `%*d) ` to the width of the largest index, each string through
    # sdscatrepr; the interactive prompt `127.0.0.1:6379> ` before the command).
    data = json.dumps(envelope(request), separators=(",", ":"))
    stack = json.dumps(["AxiosError: Request failed with status code 422\n    at settle (/app/node_modules/axios/"
                        "dist/node/axios.cjs:2019:12)\n    at Worker.processJob (/app/dist/payouts.js:88:17)"],
                       separators=(",", ":"))
    fields = ["name", "send-transfer", "data", data, "opts", '{"attempts":5,"backoff":{"delay":1000,"type":'
              '"exponential"}}', "timestamp", str(SENT_MS - 8), "delay", "0", "priority", "0", "processedOn",
              str(SENT_MS), "atm", "5", "finishedOn", str(SENT_MS + 1086), "failedReason",
              "Request failed with status code 422", "stacktrace", stack]
    width = len(str(len(fields)))
    return ["127.0.0.1:6379> HGETALL bull:payouts:1042",
            *(f"{index:>{width}}) {_redis_repr(value)}" for index, value in enumerate(fields, 1)),
            "127.0.0.1:6379> "]


# --- a cloud queue's dead letters ----------------------------------------------------------------------------------

def sqs_dead_letters(request: Request) -> list[str]:
    # The payouts HTTP outbox's dead-letter queue read with `aws sqs receive-message --attribute-names All
    # --message-attribute-names All > dlq.json` (AWS CLI Command Reference sqs receive-message, output Messages:
    # MessageId, ReceiptHandle, MD5OfBody, Body, Attributes, MD5OfMessageAttributes, MessageAttributes — each a map of
    # StringValue and DataType —; the CLI's json output indented four spaces). The outbox sends the body as the
    # message and the method, URL and headers (a JSON string) as message attributes.
    attributes = {"headers": json.dumps(dict(request.headers), separators=(",", ":")), "method": request.method,
                  "url": request.url}
    message = {"MessageId": "5fea7756-0ea4-451a-a703-a558b933e274",
               "ReceiptHandle": "AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a6iwWnR+0chPcQ4O8SEfp9Ic4qqyDi9FrqJHn3GBaMEAE=",
               "MD5OfBody": hashlib.md5(request.body.encode()).hexdigest(), "Body": request.body,
               "Attributes": {"SenderId": "AROAEXAMPLE6Y7Z5Q2DHR:payouts-api",
                              "ApproximateFirstReceiveTimestamp": str(SENT_MS + 2100),
                              "ApproximateReceiveCount": "4", "SentTimestamp": str(SENT_MS)},
               "MD5OfMessageAttributes": hashlib.md5(json.dumps(attributes).encode()).hexdigest(),
               "MessageAttributes": {name: {"StringValue": value, "DataType": "String"}
                                     for name, value in attributes.items()}}
    return json.dumps({"Messages": [message]}, indent=4).split("\n")


# --- an API test suite's project -----------------------------------------------------------------------------------

def _xml_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def soapui_project(request: Request) -> list[str]:
    # A SoapUI project the payments team keeps to replay requests, `payouts-soapui-project.xml` as SoapUI 5.7 saves
    # it (SmartBear soapui soapui/src/main/resources/soapui-config.xsd and saved projects: a `con:interface` of
    # xsi:type con:RestService with its `con:endpoints`, a `con:resource` whose `path` is the resource's, a
    # `con:method` whose `method` attribute is the HTTP method, and its `con:request` holding the setting
    # `com.eviware.soapui.impl.wsdl.WsdlRequest@request-headers` — an XMLBeans `xml-fragment` of `con:entry key=
    # value=` elements, saved as that setting's escaped text, `<` written `&lt;` —, the `con:endpoint` and the body
    # as the element text of an inner `con:request`; two spaces of indent).
    url = urlsplit(request.url)
    endpoint = f"{url.scheme}://{url.netloc}"
    entries = "\n".join(f'  &lt;con:entry key="{name}" value="{value}"/>' for name, value in request.headers)
    fragment = f'&lt;xml-fragment xmlns:con="http://eviware.com/soapui/config">\n{entries}\n&lt;/xml-fragment>'
    setting = f'<con:setting id="com.eviware.soapui.impl.wsdl.WsdlRequest@request-headers">{fragment}</con:setting>'
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<con:soapui-project id="7c1d5e0a-93b2-4f6e-a8d1-2b5c9e4f7a30" activeEnvironment="Default" '
             'name="Payouts" resourceRoot="" soapui-version="5.7.2" abortOnError="false" runType="SEQUENTIAL" '
             'xmlns:con="http://eviware.com/soapui/config">',
             "  <con:settings/>",
             '  <con:interface xsi:type="con:RestService" id="3e8f2a41-6b0c-4d7e-9f15-c2a8b7d40e19" '
             f'wadlVersion="http://wadl.dev.java.net/2009/02" name="{endpoint}" type="rest" '
             'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
             "    <con:settings/>", "    <con:definitionCache/>",
             "    <con:endpoints>", f"      <con:endpoint>{endpoint}</con:endpoint>", "    </con:endpoints>",
             f'    <con:resource name="Transfer" path="{url.path}" id="a0c4e9b2-58d1-47f3-b6e2-1f9d3c7a8e45">',
             "      <con:settings/>", "      <con:parameters/>",
             f'      <con:method name="Send" id="d6b1f3e8-2c47-4a90-8e5d-b3f7a1c9e260" method="{request.method}">',
             "        <con:settings/>", "        <con:parameters/>",
             '        <con:representation type="REQUEST">', "          <con:mediaType>application/json</con:mediaType>",
             "          <con:params/>", "        </con:representation>",
             '        <con:request name="Request 1" id="f2a9c7e1-4d3b-4e8a-b15c-6e0d2f8a9b37" '
             'mediaType="application/json" postQueryString="false">',
             "          <con:settings>", *f"            {setting}".split("\n"), "          </con:settings>",
             f"          <con:endpoint>{endpoint}</con:endpoint>",
             *f"          <con:request>{_xml_text(request.body)}</con:request>".split("\n"),
             "          <con:credentials>", "            <con:selectedAuthProfile>No Authorization</con:selectedAuthProfile>",
             "            <con:authType>No Authorization</con:authType>", "          </con:credentials>",
             '          <con:jmsConfig JMSDeliveryMode="PERSISTENT"/>', "          <con:jmsPropertyConfig/>",
             "          <con:parameters/>", "        </con:request>", "      </con:method>", "    </con:resource>",
             "  </con:interface>", "  <con:properties/>", "  <con:wssContainer/>", "  <con:oAuth2ProfileContainer/>",
             "  <con:oAuth1ProfileContainer/>", "</con:soapui-project>"]
    return lines


# --- a chat workspace's export -------------------------------------------------------------------------------------

_LINKED = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b|\b(?:[a-z0-9-]+\.)+(?:com|net|io)\b")


def _slack_pieces(text: str) -> list[tuple[str, str]]:
    """``text`` cut where Slack makes a link of it: (``"text"``, piece) or (url, label) — a bare domain
    becomes ``http://<domain>``, an e-mail address ``mailto:<address>``."""
    pieces: list[tuple[str, str]] = []
    last = 0
    for match in _LINKED.finditer(text):
        pieces.append(("text", text[last:match.start()]))
        found = match.group()
        pieces.append((("mailto:" if "@" in found else "http://") + found, found))
        last = match.end()
    return [*pieces, ("text", text[last:])]


def slack_channel_export(request: Request) -> list[str]:
    # The #payouts-incidents channel in a workspace export, `payouts-incidents/2026-11-22.json` (Slack Help "How to read
    # Slack data exports": a channel's day as a JSON array of messages — type, text, user, ts, blocks, team, … —; Slack
    # API "Formatting text for app surfaces": `&`, `<`, `>` escaped as `&amp;`, `&lt;`, `&gt;`, a link as
    # `<url|label>`, a bare domain or e-mail address the client turned into one; a code block between ```; the rich
    # text block's `rich_text_preformatted` holding `text` and `link` elements; the export's JSON indented four
    # spaces with `/` escaped as `\/`). An engineer pasted the request as the worker logged it.
    url = urlsplit(request.url)
    pasted = "\n".join([f"{request.method} {url.path} HTTP/1.1", f"Host: {url.netloc}",
                        *(f"{name}: {value}" for name, value in request.headers), "", request.body])
    pieces = _slack_pieces(pasted)
    escape = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
    mrkdwn = "".join(re.sub("[&<>]", lambda m: escape[m.group()], piece) if kind == "text"
                     else f"<{kind}|{piece}>" for kind, piece in pieces)
    intro = "payout to the supplier failed again, this is what the worker sent:"
    elements = [{"type": "text", "text": piece} if kind == "text" else {"type": "link", "url": kind, "text": piece}
                for kind, piece in pieces if piece]
    message = {"user": "U07PAYOPS1", "type": "message", "ts": f"{SENT_MS / 1000:.3f}529",
               "client_msg_id": "b2f0c1de-7a54-4e3b-9d1c-28e6f4a7b905", "text": f"{intro}\n```{mrkdwn}```",
               "team": "T02FINTECH", "user_team": "T02FINTECH", "source_team": "T02FINTECH",
               "user_profile": {"avatar_hash": "g3a9c1e7b5d2", "first_name": "Rafa", "real_name": "Rafa Lima",
                                "display_name": "rafa", "team": "T02FINTECH", "name": "rafa.lima",
                                "is_restricted": False, "is_ultra_restricted": False},
               "blocks": [{"type": "rich_text", "block_id": "kU9pR",
                           "elements": [{"type": "rich_text_section", "elements": [{"type": "text", "text": intro}]},
                                        {"type": "rich_text_preformatted", "elements": elements, "border": 0}]}]}
    return json.dumps([message], indent=4).replace("/", "\\/").split("\n")


# --- a schema-defined message in protocol buffers' text format -------------------------------------------------------

def _c_escape(text: str) -> str:
    """A string field as protobuf's Python text_format writes it (google/protobuf/text_encoding.py
    CEscape, as_utf8 False): `\\n`, `\\r`, `\\t`, `\\"`, `\\'` and `\\\\` escaped, any other byte not
    printable ASCII as three octal digits."""
    named = {"\n": "\\n", "\r": "\\r", "\t": "\\t", '"': '\\"', "'": "\\'", "\\": "\\\\"}
    return "".join(named.get(chr(byte)) or (chr(byte) if 32 <= byte < 127 else f"\\{byte:03o}")
                   for byte in text.encode())


def protobuf_text_log(request: Request) -> list[str]:
    # A Python gRPC worker that sends the outbox's `payouts.v1.HttpRequest` messages (method = 1, url = 2,
    # map<string, string> headers = 3, bytes body = 4, int32 attempt = 5) logs each with `logger.info("sending
    # request:\n%s", message)` (protocolbuffers/protobuf python/google/protobuf/text_format.py MessageToString, what a
    # message's str() is: `name: value` a line in field-number order, a string through CEscape, a map as one `headers
    # {…}` entry per key, sorted, with `key:` and `value:` two spaces in, and a line break after every field; logging's
    # `%(asctime)s %(levelname)s %(name)s %(message)s`).
    fields = [f'method: "{_c_escape(request.method)}"', f'url: "{_c_escape(request.url)}"']
    for name, value in sorted(request.headers):
        fields += ["headers {", f'  key: "{_c_escape(name)}"', f'  value: "{_c_escape(value)}"', "}"]
    fields += [f'body: "{_c_escape(request.body)}"', "attempt: 3"]
    return ["2026-11-22 13:00:30,104 INFO payouts.outbox sending request:", *fields, ""]


# --- an edge runtime's live tail -----------------------------------------------------------------------------------

def wrangler_tail(request: Request) -> list[str]:
    # The payouts edge Worker's cron run as `wrangler tail payouts-edge --format json` prints it (cloudflare/
    # workers-sdk packages/wrangler/src/tail/printing.ts jsonPrintLogs: each event JSON.stringify'd with two spaces;
    # createTail.ts TailEventMessage: outcome, scriptName, exceptions, logs [{message: the console call's arguments,
    # level, timestamp}], eventTimestamp, event — a ScheduledEvent's cron and scheduledTime). The Worker logs the
    # request it is about to send with `console.log("upstream request", {method, url, headers:
    # Object.fromEntries(headers), body})` (a Headers object's names in lower case).
    upstream = {"method": request.method, "url": request.url,
                "headers": {name.lower(): value for name, value in request.headers}, "body": request.body}
    event = {"outcome": "ok", "scriptName": "payouts-edge", "diagnosticsChannelEvents": [], "exceptions": [],
             "logs": [{"message": ["upstream request", upstream], "level": "log", "timestamp": SENT_MS},
                      {"message": ["upstream answered", 422, ANSWER], "level": "warn", "timestamp": SENT_MS + 377}],
             "eventTimestamp": SENT_MS - 104, "event": {"cron": "* * * * *", "scheduledTime": SENT_MS - 104},
             "id": 0}
    return json.dumps(event, indent=2).split("\n")


# --- an archiving proxy's web archive ------------------------------------------------------------------------------

def _warc_digest(block: bytes) -> str:
    return "sha1:" + base64.b32encode(hashlib.sha1(block).digest()).decode()


def _warc_record(fields: list[tuple[str, str]], block: bytes) -> str:
    head = ["WARC/1.0", *(f"{name}: {value}" for name, value in fields),
            f"Content-Length: {len(block)}", f"WARC-Block-Digest: {_warc_digest(block)}"]
    return "\r\n".join(head) + "\r\n\r\n" + block.decode() + "\r\n\r\n"


def warcprox_warc(request: Request) -> list[str]:
    # The egress recorder in front of the payouts service: warcprox writing the traffic it proxies to
    # `payouts-egress.warc` (uncompressed; IIPC "The WARC Format 1.1" / ISO 28500: each record `WARC/1.0` CRLF, named
    # fields — WARC-Type, WARC-Record-ID, WARC-Date, WARC-Target-URI, WARC-Concurrent-To, Content-Type
    # `application/http;msgtype=request`, Content-Length, WARC-Block-Digest —, a blank line, the block (here the HTTP
    # request as sent, head lines ended by CRLF, the body byte for byte) and two CRLF; internetarchive/warcprox
    # warcprox/warc.py WarcRecordBuilder: the response record, then the request record concurrent to it).
    url = urlsplit(request.url)
    head = [f"{request.method} {url.path} HTTP/1.1", f"Host: {url.netloc}", *(f"{n}: {v}" for n, v in request.headers),
            "Accept-Encoding: gzip, deflate", "Accept: */*", "Connection: keep-alive",
            f"Content-Length: {request.content_length}"]
    sent = ("\r\n".join(head) + "\r\n\r\n" + request.body).encode()
    answer = ("HTTP/1.1 422 Unprocessable Entity\r\nContent-Type: application/json; charset=utf-8\r\n"
              f"Content-Length: {len(ANSWER)}\r\n\r\n{ANSWER}").encode()
    response_id = f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, request.url + request.body)}>"
    common = [("WARC-Date", "2026-11-22T13:00:30Z"), ("WARC-Target-URI", request.url)]
    response = _warc_record([("WARC-Type", "response"), ("WARC-Record-ID", response_id), *common,
                             ("WARC-IP-Address", "104.18.22.51"),
                             ("Content-Type", "application/http;msgtype=response"),
                             ("WARC-Payload-Digest", _warc_digest(ANSWER.encode()))], answer)
    record = _warc_record([("WARC-Type", "request"),
                           ("WARC-Record-ID", f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, response_id)}>"), *common,
                           ("WARC-Concurrent-To", response_id), ("Content-Type", "application/http;msgtype=request")],
                          sent)
    return (response + record).split("\n")


_SOAPUI_MISSED = ("the request is spread over a REST project's elements — the method in `con:method`'s `method` "
                  "attribute, the path in the enclosing `con:resource`'s `path`, the host alone in `con:endpoint` — and "
                  "its headers are an escaped XML fragment (`&lt;xml-fragment>` of `con:entry key= value=`) in the text "
                  "of a `con:setting` named only by its `id`: no reader joins a base URL to an ancestor's path, reads a "
                  "fragment held in text, or names a field by an `id`")

SHAPES = [case(horizon_failed_job, "failed-job.json"), case(bullmq_job_hgetall, "runbook.txt"),
          case(sqs_dead_letters, "dlq.json"),
          case(soapui_project, "payouts-soapui-project.xml", missed=_SOAPUI_MISSED),
          case(slack_channel_export, "2026-11-22.json"),
          case(protobuf_text_log, "worker.log"),
          case(wrangler_tail, "tail.json"), case(warcprox_warc, "payouts-egress.warc")]
HEADERS_ONLY: list[object] = []
NO_HEADERS: list[object] = []
