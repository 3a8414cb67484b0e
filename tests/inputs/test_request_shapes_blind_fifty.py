"""A fiftieth blind corpus: the four money-out requests of :mod:`helpers.signed_shapes` (iugu transfers unsigned, signed
with the client's real key and with another key, an Asaas transfer) as INTERCEPTION PROXIES, SECURITY TOOLS AND API
CLIENTS keep the traffic that went through them: OWASP ZAP's API (`core/view/messages` as JSON, one message pretty and
the XML view), Caido's exports (JSON and CSV), mitmproxy's jsondump addon and mitmweb's flow list, Burp Suite's saved
items without base64 (over HTTPS and over plain HTTP), a Fiddler SAZ archive, and Kong's http-log and file-log plugins
on an egress gateway.

Ten shapes were written first, from each format's documentation, before the readers were read; six passed with main's
code (ZAP's "Export Messages to File", since dropped as the fourth corpus shows it; both Caido exports; mitmproxy's
jsondump and mitmweb's list; the SAZ archive: a zip member that is a raw request is read as one already). Of the four
that did not, two pass now by one rule (:mod:`keyaudit.inputs.captures.record_heads`): a record's member named for the
request's head or for the request whose text starts with a request line and a header line states the request —
ZAP's ``requestHeader`` (its body in ``requestBody``) and Burp's unencoded ``<request>`` (head and body whole, read as
the bytes sent, on the scheme the item's ``<url>`` says). The ZAP variants (one message, the XML view) and the
plain-HTTP Burp items were written after, as checks of that rule. Kong's two logs stay strict expected failures (their
reason says why). Proxyman, Insomnia, Bruno, mitmdump, Charles and Fiddler's text export are in earlier corpora.

The traps hold what these tools keep that is no request the payouts service sent: a scanner's attack on the app naming
the transfer URL in a parameter (ZAP's active scan message, Burp Scanner's issue), a proxy's settings naming the URL
(Kong's declarative configuration, a Caido scope), and requests received behind a reverse proxy (Fastly's real-time
log, Kong in front of the app) — all passed with main's code, and still do.

A comment above each shape names the source its format was taken from. What is checked is what every blind corpus must
give (:mod:`test_request_shape_corpora`): the body as sent for ``SHAPES``, never a body for ``HEADERS_ONLY``, not one
header for ``NO_HEADERS``.
"""

from __future__ import annotations

import base64
import csv
import io
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from helpers.running import request_rules
from helpers.signed_shapes import Request, assert_shape_findings, case, json_line, json_pretty, requests, run_id
from test_request_shapes_blind_forty_seven import _scan_lines as scan_lines

STAMP = "2026-11-22T13:00:30.104Z"
SENT_MS = 1795352430104
APP = "payouts.loja.com.br"


def _b64(data: str | bytes) -> str:
    return base64.b64encode(data.encode() if isinstance(data, str) else data).decode()


def raw_request(request: Request, target: str = "") -> str:
    """The request's bytes as a client wrote them (``target`` the request line's target: the path unless told)."""
    head = "".join(f"{name}: {value}\r\n" for name, value in [("Host", request.host), *request.headers,
                                                             ("Content-Length", request.content_length)])
    return f"{request.method} {target or request.path} HTTP/1.1\r\n{head}\r\n{request.body}"


RESPONSE_HEAD = ("HTTP/1.1 201 Created\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: 23\r\n"
                 "X-Request-Id: 8f0c2a91\r\n\r\n")
RESPONSE_BODY = '{"transferId":"t-1042"}'


# --- OWASP ZAP: the API's messages view ------------------------------------------------------------------------------

def zap_api_messages(request: Request) -> list[str]:
    # `curl 'http://localhost:8090/JSON/core/view/messages/?baseurl=https://api.iugu.com'` (zaproxy API "core/view/
    # messages": the messages proxied through ZAP; ApiResponseConversionUtils.httpMessageToSet: id, type, timestamp,
    # rtt, cookieParams, note, requestHeader — the request line, absolute URL when proxied, and the headers, one text
    # block with CRLFs —, requestBody, responseHeader, responseBody, tags), compact JSON.
    return json_line({"messages": [{**_zap_message(request), "tags": []}]})


def _zap_message(request: Request) -> dict[str, str]:
    return {"id": "17", "type": "1", "timestamp": str(SENT_MS), "rtt": "312", "cookieParams": "", "note": "",
            "requestHeader": raw_request(request, request.url).split("\r\n\r\n", 1)[0] + "\r\n\r\n",
            "requestBody": request.body, "responseHeader": RESPONSE_HEAD, "responseBody": RESPONSE_BODY}


def zap_api_message_pretty(request: Request) -> list[str]:
    # One message by its id, `curl -s 'http://localhost:8090/JSON/core/view/message/?id=17' | jq .` (zaproxy API
    # "core/view/message": {"message": {…}}, the fields of core/view/messages), as jq prints it.
    return json_pretty({"message": _zap_message(request)})


def zap_api_messages_xml(request: Request) -> list[str]:
    # The same view in the API's XML format, `curl 'http://localhost:8090/XML/core/view/messages/?baseurl=…'`
    # (zaproxy ApiResponseList/ApiResponseSet toXML: <messages type="list"><message type="set"><name>value</name>…,
    # text escaped, the line ends of the header kept in the text).
    fields = "".join(f"<{name}>{escape(value)}</{name}>" for name, value in _zap_message(request).items())
    return ('<?xml version="1.0" encoding="UTF-8" standalone="no"?><messages type="list"><message type="set">'
            + fields + "</message></messages>").split("\n")


# --- Caido: Exports, JSON ---------------------------------------------------------------------------------------------

def caido_export_json(request: Request) -> list[str]:
    # Caido's Exports of the HTTP History as JSON (docs.caido.io/guides/exports: "an array of requests with their
    # respective response nested"; the CSV's columns give each one's fields: id, host, method, path, length, port,
    # raw — the bytes, base64 —, is_tls, query, file_extension, source, alteration, edited, parent_id, created_at
    # and the response's id, status_code, raw, length, alteration, edited, parent_id, created_at).
    raw = raw_request(request)
    record = {"id": "1042", "host": request.host, "method": request.method, "path": request.path,
              "length": len(raw.encode()), "port": 443, "raw": _b64(raw), "is_tls": True, "query": "",
              "file_extension": None, "source": "intercept", "alteration": "none", "edited": False,
              "parent_id": None, "created_at": STAMP, "response": {
                  "id": "1043", "status_code": 201, "raw": _b64(RESPONSE_HEAD + RESPONSE_BODY),
                  "length": len(RESPONSE_HEAD + RESPONSE_BODY), "alteration": "none", "edited": False,
                  "parent_id": None, "created_at": STAMP}}
    return json_pretty([record])


# --- Caido: Exports, CSV ----------------------------------------------------------------------------------------------

def caido_export_csv(request: Request) -> list[str]:
    # The same export as CSV (docs.caido.io/guides/exports: "each request/response pair will be exported on a row",
    # the response's columns renamed response_*), written by a CSV writer: the raw columns base64.
    raw = raw_request(request)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["id", "host", "method", "path", "length", "port", "raw", "is_tls", "query", "file_extension",
                     "source", "alteration", "edited", "parent_id", "created_at", "response_id",
                     "response_status_code", "response_raw", "response_length", "response_alteration",
                     "response_edited", "response_parent_id", "response_created_at"])
    writer.writerow(["1042", request.host, request.method, request.path, len(raw.encode()), 443, _b64(raw), "true",
                     "", "", "intercept", "none", "false", "", STAMP, "1043", 201,
                     _b64(RESPONSE_HEAD + RESPONSE_BODY), len(RESPONSE_HEAD + RESPONSE_BODY), "none", "false", "",
                     STAMP])
    return out.getvalue().rstrip("\n").split("\n")


# --- mitmproxy: the jsondump addon ------------------------------------------------------------------------------------

def mitmproxy_jsondump(request: Request) -> list[str]:
    # `mitmdump -s examples/contrib/jsondump.py --set dump_destination=/var/log/mitm/flows.jsonl --set
    # dump_encodecontent=true` (mitmproxy examples/contrib/jsondump.py: a flow's get_state(), headers made a dict,
    # timestamps milliseconds, addresses {host, port}, contents base64 with dump_encodecontent, bytes as text; one
    # JSON object a line).
    state = {"id": run_id(request), "type": "http", "error": None, "is_replay": None, "marked": "", "comment": "",
             "client_conn": {"address": {"host": "10.0.3.15", "port": 51234}, "tls_established": True},
             "server_conn": {"address": {"host": request.host, "port": 443}, "tls_established": True},
             "request": {"host": request.host, "port": 443, "method": request.method, "scheme": "https",
                         "authority": "", "path": request.path, "http_version": "HTTP/1.1",
                         "headers": dict([("Host", request.host), *request.headers,
                                          ("Content-Length", request.content_length)]),
                         "content": _b64(request.body), "trailers": None, "timestamp_start": SENT_MS,
                         "timestamp_end": SENT_MS + 2},
             "response": {"http_version": "HTTP/1.1", "status_code": 201, "reason": "Created",
                          "headers": {"Content-Type": "application/json"}, "content": _b64(RESPONSE_BODY),
                          "trailers": None, "timestamp_start": SENT_MS + 310, "timestamp_end": SENT_MS + 312}}
    return json_line(state)


# --- mitmproxy: mitmweb's flow list -----------------------------------------------------------------------------------

def mitmweb_flows(request: Request) -> list[str]:
    # mitmweb's `GET /flows` (mitmproxy/tools/web/app.py flow_to_json: request {method, scheme, host, port, path,
    # http_version, headers — a list of [name, value] —, contentLength, contentHash, timestamp_start, timestamp_end,
    # pretty_host}; the body is not in the list, it is `GET /flows/<id>/request/content.data`).
    flow = {"id": run_id(request), "intercepted": False, "is_replay": None, "type": "http", "modified": False,
            "marked": "", "comment": "", "timestamp_created": SENT_MS / 1000,
            "request": {"method": request.method, "scheme": "https", "host": request.host, "port": 443,
                        "path": request.path, "http_version": "HTTP/1.1",
                        "headers": [[name, value] for name, value in [("Host", request.host), *request.headers]],
                        "contentLength": len(request.body.encode()), "contentHash": "9c1a" * 16,
                        "timestamp_start": SENT_MS / 1000, "timestamp_end": SENT_MS / 1000 + 0.002,
                        "pretty_host": request.host},
            "response": {"http_version": "HTTP/1.1", "status_code": 201, "reason": "Created",
                         "headers": [["Content-Type", "application/json"]], "contentLength": 23,
                         "contentHash": "77ab" * 16, "timestamp_start": SENT_MS / 1000 + 0.31}}
    return json_pretty([flow])


# --- Burp Suite: Save items, without base64 -------------------------------------------------------------------------

def burp_saved_items_plain(request: Request, scheme: str = "https") -> list[str]:
    # Burp Suite's Proxy > HTTP history > "Save items" with "Base64-encode requests and responses" unchecked
    # (portswigger.net/burp/documentation/desktop/tools/proxy/http-history): the raw request in a CDATA section of
    # <request base64="false">, its CRLFs kept; the item's <url> and <protocol> say the scheme the bytes do not.
    raw, url = raw_request(request), f"{scheme}://{request.host}{request.path}"
    return ["<?xml version=\"1.0\"?>", "<items burpVersion=\"2026.10\" exportTime=\"Sun Nov 22 10:01:00 BRT 2026\">",
            "  <item>", "    <time>Sun Nov 22 10:00:30 BRT 2026</time>", f"    <url><![CDATA[{url}]]></url>",
            f'    <host ip="203.0.113.7">{request.host}</host>', f"    <port>{443 if scheme == 'https' else 80}</port>",
            f"    <protocol>{scheme}</protocol>", f"    <method><![CDATA[{request.method}]]></method>",
            f"    <path><![CDATA[{request.path}]]></path>", "    <extension>null</extension>",
            *f'    <request base64="false"><![CDATA[{raw}]]></request>'.split("\n"),
            "    <status>201</status>", "    <responselength>120</responselength>", "    <mimetype>JSON</mimetype>",
            *f'    <response base64="false"><![CDATA[{RESPONSE_HEAD}{RESPONSE_BODY}]]></response>'.split("\n"),
            "    <comment></comment>", "  </item>", "</items>"]


def burp_saved_items_plain_http(request: Request) -> list[str]:
    # The same items of a client configured with the APIs' http:// URLs, proxied by Burp on port 80.
    return burp_saved_items_plain(request, "http")


# --- Kong: http-log / file-log on an egress gateway -------------------------------------------------------------------

def _kong_entry(request: Request) -> dict[str, object]:
    # Kong Gateway's log object (developer.konghq.com/plugins/http-log, "Log format": request {uri, url, querystring,
    # method, headers — lower-cased —, size, id}, upstream_uri, response, service {host, port, protocol, path…},
    # route, latencies, tries, client_ip, started_at; the request body is not logged) on the payouts' egress gateway:
    # the service's host the provider's, the route the one the service calls.
    prefix = "/iugu" if "iugu" in request.host else "/asaas"
    path = request.path
    return {"request": {"uri": prefix + path, "url": f"https://egress.internal:8443{prefix}{path}",
                        "querystring": {}, "method": request.method, "size": 412 + len(request.body),
                        "id": run_id(request).replace("-", ""),
                        "headers": {name.lower(): value for name, value in [("Host", "egress.internal:8443"),
                                                                             *request.headers,
                                                                             ("Content-Length",
                                                                              request.content_length)]}},
            "upstream_uri": path, "response": {"status": 201, "size": 412, "headers": {
                "content-type": "application/json", "via": "1.1 kong/3.8.0.0"}},
            "service": {"host": request.host, "port": 443, "protocol": "https", "path": "/",
                        "name": prefix[1:] + "-api", "retries": 5, "connect_timeout": 60000,
                        "id": run_id(request)[:36]},
            "route": {"paths": [prefix], "strip_path": True, "name": prefix[1:] + "-route", "protocols": ["https"]},
            "latencies": {"request": 315, "kong": 3, "proxy": 312},
            "tries": [{"ip": "203.0.113.7", "port": 443, "balancer_latency": 0}],
            "client_ip": "10.0.3.15", "started_at": SENT_MS, "upstream_status": "201", "source": "upstream"}


def kong_file_log(request: Request) -> list[str]:
    # The file-log plugin (developer.konghq.com/plugins/file-log: "Every request is logged separately in a JSON
    # object, separated by a new line").
    return json_line(_kong_entry(request))


def kong_http_log_batch(request: Request) -> list[str]:
    # The http-log plugin with max_batch_size > 1 ("a request is logged as an array of JSON objects"), as the log
    # collector that received the batch printed it.
    return ["POST /kong-logs received batch of 1", *json_pretty([_kong_entry(request)])]


SHAPES = [case(zap_api_messages, "zap-messages.json"),
          case(zap_api_message_pretty, "zap-message.json"),
          case(zap_api_messages_xml, "zap-messages.xml"),
          case(caido_export_json, "caido-export.json"),
          case(caido_export_csv, "caido-export.csv"),
          case(mitmproxy_jsondump, "flows.jsonl"),
          case(burp_saved_items_plain, "burp-items.xml"),
          case(burp_saved_items_plain_http, "burp-items.xml", plaintext=True)]
KONG_MISSED = ("Kong's log names the request as the gateway received it (its own URL, /iugu/v1/transfer_requests "
               "on egress.internal); the call it forwarded is written only in upstream_uri and the service's host, "
               "which no record reader joins into a URL")
HEADERS_ONLY = [case(mitmweb_flows, "flows.json"),
                case(kong_file_log, "kong-file.log", missed=KONG_MISSED),
                case(kong_http_log_batch, "kong-http-log.txt", missed=KONG_MISSED)]
NO_HEADERS: list[object] = []


# --- Fiddler: a SAZ archive -------------------------------------------------------------------------------------------

def test_fiddler_saz_archive_reads_each_session(tmp_path: Path) -> None:
    # Fiddler's "Save > All Sessions" (docs.telerik.com/fiddler/save-and-load-traffic/tasks/saveandloadsaz: a .saz is a
    # zip; raw/NN_c.txt each session's request as sent, raw/NN_s.txt its response, raw/NN_m.xml its session flags):
    # a CONNECT tunnel before each decrypted request, whose request line has the absolute URL.
    found, public = requests(tmp_path)
    path = tmp_path / "payouts.saz"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="utf-8"?><Types xmlns="http://'
                         'schemas.openxmlformats.org/package/2006/content-types"><Default Extension="txt" '
                         'ContentType="text/plain" /></Types>')
        archive.writestr("_index.htm", "<html><body><table><tr><th>#</th><th>Result</th></tr></table></body></html>")
        for number, request in enumerate(found):
            tunnel, sent = f"{2 * number + 1:02d}", f"{2 * number + 2:02d}"
            archive.writestr(f"raw/{tunnel}_c.txt", f"CONNECT {request.host}:443 HTTP/1.1\r\nHost: {request.host}:443"
                             "\r\nConnection: keep-alive\r\n\r\n")
            archive.writestr(f"raw/{tunnel}_s.txt", "HTTP/1.1 200 Connection Established\r\nFiddlerGateway: Direct"
                             "\r\n\r\n")
            archive.writestr(f"raw/{sent}_c.txt", raw_request(request, request.url))
            archive.writestr(f"raw/{sent}_s.txt", RESPONSE_HEAD + RESPONSE_BODY)
            archive.writestr(f"raw/{sent}_m.xml", f'<?xml version="1.0" encoding="utf-8"?><Session SID="{sent}" '
                             'BitFlags="1"><SessionTimers ClientConnected="2026-11-22T10:00:30.1040000-03:00" />'
                             '<SessionFlags><SessionFlag N="x-clientip" V="127.0.0.1" /></SessionFlags></Session>')
    assert_shape_findings(path, public, "fiddler_saz")


# --- traps: what these tools keep that is no request the payouts service sent -----------------------------------------

def test_a_scanners_attack_on_the_app_is_no_call_to_the_provider(tmp_path: Path) -> None:
    # ZAP's active scan (message type 3) probing the app for server-side request forgery: its request goes to the
    # app, the iugu transfer URL only a payload in a parameter; and Burp Scanner's issue report (XML, <requestresponse>
    # <request base64="true">) of the same probe. Neither sends a transfer to iugu.
    probe = (f"POST https://{APP}/api/webhooks/test HTTP/1.1\r\nHost: {APP}\r\nContent-Type: application/json\r\n"
             "Content-Length: 64\r\n\r\n")
    body = '{"callback":"https://api.iugu.com/v1/transfer_requests","x":1}'
    sent = probe.replace("https://" + APP, "") + body  # the bytes Burp sent: the request line's target the path
    message = {"id": "88", "type": "3", "timestamp": str(SENT_MS), "rtt": "40", "cookieParams": "", "note": "",
               "requestHeader": probe, "requestBody": body, "responseHeader": "HTTP/1.1 400 Bad Request\r\n\r\n",
               "responseBody": "", "tags": []}
    issue = ["<issues burpVersion=\"2026.10\">", "  <issue>", "    <name>Out-of-band resource load (HTTP)</name>",
             f"    <host ip=\"198.51.100.4\">https://{APP}</host>", "    <path><![CDATA[/api/webhooks/test]]></path>",
             "    <requestresponse>",
             f"      <request method=\"POST\" base64=\"true\"><![CDATA[{_b64(sent)}]]></request>",
             "    </requestresponse>", "  </issue>", "</issues>"]
    report = scan_lines(tmp_path, "scan.txt", [*json_line({"messages": [message]}), *issue])
    assert request_rules(report) == [], request_rules(report)


def test_a_proxy_tools_settings_naming_the_url_send_nothing(tmp_path: Path) -> None:
    # Kong's declarative configuration (deck / kong.yml: a service with the provider's URL, a request-transformer
    # adding headers) and a Caido scope preset: they name where traffic may go, no request that went.
    lines = ["_format_version: \"3.0\"", "services:", "  - name: iugu-api", "    url: https://api.iugu.com/v1/"
             "transfer_requests", "    routes:", "      - name: iugu-route", "        paths: [\"/iugu\"]",
             "    plugins:", "      - name: request-transformer", "        config:", "          add:",
             "            headers:", "              - \"Content-Type:application/json\"",
             "              - \"User-Agent:payouts/3.1\"", "      - name: file-log",
             "        config: {path: /var/log/kong/egress.log}"]
    scope = {"name": "payouts", "allowlist": ["api.iugu.com", "api.asaas.com"], "denylist": [],
             "method": "POST", "url": "https://api.iugu.com/v1/transfer_requests"}
    report = scan_lines(tmp_path, "kong.yml", lines)
    assert request_rules(report) == [], request_rules(report)
    report = scan_lines(tmp_path, "caido-scope.json", json_pretty(scope))
    assert request_rules(report) == [], request_rules(report)


def test_a_request_received_behind_a_reverse_proxy_is_no_outbound_call(tmp_path: Path) -> None:
    # Fastly's real-time log streaming with a JSON format (docs.fastly.com … "Changing log line formats": one JSON
    # object per request the CDN RECEIVED for the customer's site — timestamp, client_ip, host, url, request_method,
    # request headers the format names…) and Kong's file-log in front of the app: iugu's webhook about a transfer
    # coming in, no transfer sent.
    fastly = {"timestamp": "2026-11-22T13:00:30+0000", "client_ip": "191.252.1.10", "geo_country": "BR",
              "host": APP, "url": "/webhooks/iugu/v1/transfer_requests", "request_method": "POST",
              "request_protocol": "HTTP/1.1", "request_user_agent": "iugu-webhooks/1.0",
              "request_content_type": "application/json", "request_time": "2026-11-22T10", "response_status": 200,
              "fastly_server": "cache-gru-sbgr1930020-GRU", "is_tls": True}
    kong = {"request": {"uri": "/v1/transfer_requests", "url": f"https://{APP}/v1/transfer_requests",
                        "method": "POST", "querystring": {}, "size": 400, "headers": {
                            "host": APP, "content-type": "application/json", "user-agent": "iugu-webhooks/1.0"}},
            "upstream_uri": "/v1/transfer_requests", "response": {"status": 200, "size": 90, "headers": {}},
            "service": {"host": "payouts-app.internal", "port": 8080, "protocol": "http", "path": "/"},
            "client_ip": "191.252.1.10", "started_at": SENT_MS}
    report = scan_lines(tmp_path, "edge.log", [*json_line(fastly), *json_line(kong)])
    assert request_rules(report) == [], request_rules(report)
