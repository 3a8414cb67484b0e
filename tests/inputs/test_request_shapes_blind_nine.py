"""A ninth blind corpus: the four money-out requests of :mod:`helpers.signed_shapes` (iugu
transfers unsigned, signed with the client's real key and with another key, an Asaas transfer) as
the INFRASTRUCTURE between the app and the provider logs them on their way out — network security
monitors (Zeek's http.log as TSV and as JSON, Suricata's EVE with a printable body, an Arkime
session), packet tools (tcpflow's console, httpry, tshark's packet details, PDML and fields),
gateways and API management (Apigee's debug session, Gravitee's request log, WSO2's wire log, an
Envoy tap streamed in segments, Istio's default access log, OpenResty's `ngx.log`, an nginx
`log_format` with the request body), forward proxies (Privoxy's header debug, Apache Traffic
Server's `http_hdrs`) and web application firewalls (ModSecurity's serial and JSON audit logs, F5
BIG-IP ASM's remote log). None of the other corpora shows these.

Each shape quotes the public documentation (or the source) it follows. The request checks are
the ones every blind corpus passes (:mod:`test_request_shape_corpora`): ``SHAPES`` show the body as
sent, ``HEADERS_ONLY`` never do, ``NO_HEADERS`` show no header value (a monitor that logs header
NAMES only cannot show a signature missing either). A tool that only sees clear text (a sensor
that parses HTTP on the wire) shows the requests went over plain HTTP. A shape the readers cannot
take yet is an expected failure, strict, with what they miss.
"""

from __future__ import annotations

import base64
import json
from itertools import count
from pathlib import Path
from xml.sax.saxutils import quoteattr

from helpers.signed_shapes import Request, assert_shape_findings, case, requests

AGENT = "payouts/3.1"
_FLOWS = count(1)


def _line(record: object) -> list[str]:
    return [json.dumps(record)]


def _head(request: Request) -> list[str]:
    """The request line and header lines as HTTP/1.1 sends them: Host first, Content-Length last."""
    return [f"{request.method} {request.path} HTTP/1.1", f"Host: {request.host}",
            *(f"{name}: {value}" for name, value in request.headers), f"Content-Length: {len(request.body.encode())}"]


def _on_the_wire(request: Request) -> str:
    return "".join(f"{line}\r\n" for line in _head(request)) + "\r\n" + request.body


# --- network security monitors --------------------------------------------------------------------

_ZEEK_FIELDS = ("ts uid id.orig_h id.orig_p id.resp_h id.resp_p trans_depth method host uri referrer version "
                "user_agent origin request_body_len response_body_len status_code status_msg info_code info_msg "
                "tags username password proxied orig_fuids orig_filenames orig_mime_types resp_fuids "
                "resp_filenames resp_mime_types client_header_names").split()
_ZEEK_TYPES = ("time string addr port addr port count string string string string string string string count count "
               "count string count string set[enum] string string set[string] vector[string] vector[string] "
               "vector[string] vector[string] vector[string] vector[string] vector[string]").split()


def _zeek_record(request: Request) -> dict[str, object]:
    """One http.log record (Zeek's base/protocols/http/main.zeek Info, and client_header_names from
    policy/protocols/http/header-names.zeek: "The vector of HTTP header names sent by the client. No
    header values are included here." — names as the analyzer passes them, upper case)."""
    flow = next(_FLOWS)
    names = [line.split(":", 1)[0].upper() for line in _head(request)[1:]]
    return {"ts": 1795352400.0 + flow + 0.123456, "uid": f"CmES5u32sYpV7JYN{flow:02d}", "id.orig_h": "10.0.0.7",
            "id.orig_p": 50400 + flow, "id.resp_h": "200.155.0.10", "id.resp_p": 80, "trans_depth": 1,
            "method": request.method, "host": request.host, "uri": request.path, "version": "1.1",
            "user_agent": AGENT, "request_body_len": len(request.body.encode()), "response_body_len": 11,
            "status_code": 201, "status_msg": "Created", "tags": [], "orig_fuids": [f"FhKs2v3bQz1Yx0{flow:02d}"],
            "orig_mime_types": ["application/json"], "client_header_names": names}


def zeek_http_tsv(request: Request) -> list[str]:
    # Zeek's http.log in its default ASCII writer (docs.zeek.org/en/master/logs/http.html; frameworks/logging
    # .html "ASCII": a header of `#separator \x09`, `#set_separator ,`, `#empty_field (empty)`, `#unset_field -`,
    # `#path`, `#open`, `#fields`, `#types`, then one tab-separated line a record, `#close` at rotation), with
    # header-names.zeek loaded; a day's rotated logs concatenated (`cat http.*.log`), each with its header.
    # Zeek parses HTTP only in clear text: the requests went over plain HTTP (port 80).
    record = _zeek_record(request)

    def cell(name: str) -> str:
        value = record.get(name, "-")
        if isinstance(value, list):
            return ",".join(value) if value else "(empty)"
        return f"{value:.6f}" if isinstance(value, float) else str(value)

    return ["#separator \\x09", "#set_separator\t,", "#empty_field\t(empty)", "#unset_field\t-", "#path\thttp",
            "#open\t2026-11-22-13-00-00", "#fields\t" + "\t".join(_ZEEK_FIELDS), "#types\t" + "\t".join(_ZEEK_TYPES),
            "\t".join(cell(name) for name in _ZEEK_FIELDS), "#close\t2026-11-22-14-00-00"]


def zeek_http_json(request: Request) -> list[str]:
    # Zeek's http.log with `redef LogAscii::use_json = T` (docs.zeek.org/en/master/logs/http.html shows the
    # records so: one JSON object a line, the field names as in the TSV header, dotted `id.orig_h`, unset
    # fields left out, sets and vectors as arrays). Clear-text HTTP only, as above.
    return _line(_zeek_record(request))


def suricata_eve_printable(request: Request) -> list[str]:
    # Suricata's EVE http event with `dump-all-headers: request` and `http-body-printable: yes` (docs.suricata.io
    # /en/latest/output/eve/eve-json-output.html, "http-body-printable: yes # enable logging of http body in
    # printable format"; output-json-http.c BodyPrintableBuffer → util-print.c PrintStringsToBuffer: a byte
    # kept if isprint or CR or LF, else `.`) — the body as `http_request_body_printable`, the headers as
    # `request_headers` [{name, value}]. Suricata parses HTTP in clear text: port 80.
    return _line({"timestamp": "2026-11-22T13:00:00.123456+0000", "flow_id": 1187405993847213, "in_iface": "eth0",
                  "event_type": "http", "src_ip": "10.0.0.7", "src_port": 50412, "dest_ip": "200.155.0.10",
                  "dest_port": 80, "proto": "TCP", "tx_id": 0,
                  "http": {"hostname": request.host, "url": request.path, "http_user_agent": AGENT,
                           "http_content_type": "application/json", "http_method": request.method,
                           "protocol": "HTTP/1.1", "status": 201, "length": 11,
                           "request_headers": [{"name": line.split(": ", 1)[0], "value": line.split(": ", 1)[1]}
                                               for line in _head(request)[1:]],
                           "http_request_body_printable": request.body},
                  "app_proto": "http", "direction": "to_server"})


def arkime_session(request: Request) -> list[str]:
    # An Arkime (Moloch) session document as `elasticdump` exports the sessions index, one per line
    # (arkime.com/settings "headers-http-request: … headers to index … as http.request-<header>";
    # the SPI fields http.method, http.host, http.uri (host and path), http.path, http.useragent,
    # http.requestHeader — every request header's NAME, lower case — each a list with its `Cnt`), with
    # `[headers-http-request]` naming content-type, request-time, signature and access_token. Arkime
    # dissects HTTP in clear text (port 80); no body.
    names = [line.split(":", 1)[0].lower() for line in _head(request)[1:]]
    http: dict[str, object] = {"method": [request.method], "methodCnt": 1, "host": [request.host], "hostCnt": 1,
                               "uri": [request.host + request.path], "uriCnt": 1, "path": [request.path],
                               "pathCnt": 1, "useragent": [AGENT], "useragentCnt": 1, "clientVersion": ["1.1"],
                               "requestHeader": names, "requestHeaderCnt": len(names), "statuscode": [201]}
    http |= {f"request-{name.lower()}": [value] for name, value in request.headers if name != "User-Agent"}
    flow = next(_FLOWS)
    return _line({"_index": "arkime_sessions3-261122", "_id": f"261122-yQIBbAbc{flow:02d}", "_source": {
        "firstPacket": 1795352400123, "lastPacket": 1795352400160, "ipProtocol": 6, "protocol": ["tcp", "http"],
        "protocolCnt": 2, "source": {"ip": "10.0.0.7", "port": 50400 + flow, "bytes": 512, "packets": 4},
        "destination": {"ip": "200.155.0.10", "port": 80, "bytes": 190, "packets": 3}, "node": "sensor-1",
        "http": http}})


# --- packet tools ---------------------------------------------------------------------------------

def _dotted(address: str, port: int) -> str:
    return ".".join(f"{int(part):03d}" for part in address.split(".")) + f".{port:05d}"


def tcpflow_console(request: Request) -> list[str]:
    # `tcpflow -c -i eth0 port 80` (tcpflow(1): "-c Console print only (don't create files)"; flows are named
    # "192.168.101.102.02345-010.011.012.013.45103"; the console output prints the flow's name and `: ` before
    # each segment's data, CR and LF kept, any other unprintable byte `.`, a line feed after it). The client
    # wrote the head and the body in one segment. Port 80: plain HTTP.
    flow = f"{_dotted('10.0.0.7', 50400 + next(_FLOWS))}-{_dotted('200.155.0.10', 80)}"
    return f"{flow}: {_on_the_wire(request)}\n".split("\n")


_HTTPRY_FIELDS = ("timestamp,source-ip,dest-ip,direction,method,host,request-uri,http-version,content-type,"
                  "request-time,signature,access_token,status-code,reason-phrase")


def httpry_log(request: Request) -> list[str]:
    # httpry with a format string naming the headers to log (github.com/jbittel/httpry doc/format-string: "The
    # -f switch allows the user to provide a format string that tells httpry which fields to print … The
    # program can parse any header field found in the packet, even custom headers"; "a '-' character
    # indicates no data for that field"; the output tab delimited; `>` a client request, `<` a server
    # response), its output file opening with `# httpry version` and `# Fields:`; a day's file each request.
    # httpry sniffs clear-text HTTP (port 80); no body.
    present = {name.lower(): value for name, value in request.headers}
    row = ["11/22/2026 13:00:00", "10.0.0.7", "200.155.0.10", ">", request.method, request.host, request.path,
           "HTTP/1.1", *(present.get(name, "-") for name in ("content-type", "request-time", "signature",
                                                             "access_token")), "-", "-"]
    reply = ["11/22/2026 13:00:00", "200.155.0.10", "10.0.0.7", "<", "-", "-", "-", "HTTP/1.1", "application/json",
             "-", "-", "-", "201", "Created"]
    return ["# httpry version 0.1.8", f"# Fields: {_HTTPRY_FIELDS}", "\t".join(row), "\t".join(reply)]


def _tshark_label(line: str) -> str:
    return line + "\\r\\n"


def tshark_packet_details(request: Request) -> list[str]:
    # `tshark -r egress.pcap -Y http.request -O http,json` (wireshark.org/docs/man-pages/tshark.html: "-O
    # <protocols> Similar to the -V option, but causes only the specified protocols to be expanded"; the other
    # layers one summary line each): HTTP's tree — the request line and each header line with a visible
    # `\r\n`, the request line's fields, `[Full request URI: …]`, `File Data: <n> bytes` — then the JSON
    # dissector's tree of the body (members, keys and values; not its bytes). Port 80: plain HTTP.
    body = json.loads(request.body)
    members = []
    for key, value in body.items():
        kind = "String value" if isinstance(value, str) else "Number value"
        members += [f"        Member: {key}", f"            [Path with value: /{key}:{value}]",
                    f"            [Member with value: {key}:{value}]", f"            {kind}: {value}",
                    f"            Key: {key}", f"            [Path: /{key}]"]
    head = _head(request)
    size = len(_on_the_wire(request).encode())
    return [f"Frame 4: {size + 66} bytes on wire ({(size + 66) * 8} bits), {size + 66} bytes captured "
            f"({(size + 66) * 8} bits) on interface eth0, id 0",
            "Ethernet II, Src: 02:42:0a:00:00:07 (02:42:0a:00:00:07), Dst: 02:42:c8:9b:00:0a (02:42:c8:9b:00:0a)",
            "Internet Protocol Version 4, Src: 10.0.0.7, Dst: 200.155.0.10",
            f"Transmission Control Protocol, Src Port: 50412, Dst Port: 80, Seq: 1, Ack: 1, Len: {size}",
            "Hypertext Transfer Protocol", f"    {_tshark_label(head[0])}",
            f"        [Expert Info (Chat/Sequence): {_tshark_label(head[0])}]",
            f"            [{_tshark_label(head[0])}]",
            "            [Severity level: Chat]", "            [Group: Sequence]",
            f"        Request Method: {request.method}", f"        Request URI: {request.path}",
            "        Request Version: HTTP/1.1", *(f"    {_tshark_label(line)}" for line in head[1:]),
            f"        [Content length: {len(request.body.encode())}]", "    \\r\\n",
            f"    [Full request URI: http://{request.host}{request.path}]", "    [HTTP request 1/1]",
            f"    File Data: {len(request.body.encode())} bytes",
            "JavaScript Object Notation: application/json", "    Object", *members, ""]


def _hex(text: str) -> str:
    return text.encode().hex()


_PDML_FIELDS = {"host": "http.host", "content-type": "http.content_type", "user-agent": "http.user_agent",
                "content-length": "http.content_length_header"}


def tshark_pdml(request: Request) -> list[str]:
    # `tshark -r egress.pcap -Y http.request -T pdml` (wireshark.org/docs/wsdg_html_chunked/PDML.html: a
    # <packet> of <proto>s, each <field> with name, showname, size, pos, show and value — the bytes in hex;
    # epan/print.c: a text item written with show only, a hidden field with hide="yes"): the HTTP proto's
    # request line, each header line as its named field (http.host, http.content_type, …) or a text item, and
    # the hidden http.request.line, then `http.file_data` — the body's bytes in `value`. Port 80: plain HTTP.
    head = _head(request)
    pos = 66
    fields = [f'    <field name="" show={quoteattr(_tshark_label(head[0]))} size="{len(head[0]) + 2}" pos="{pos}" '
              f'value="{_hex(head[0] + chr(13) + chr(10))}">',
              f'      <field name="http.request.method" showname="Request Method: {request.method}" '
              f'size="{len(request.method)}" pos="{pos}" show="{request.method}" value="{_hex(request.method)}"/>',
              f'      <field name="http.request.uri" showname="Request URI: {request.path}" size="{len(request.path)}" '
              f'pos="{pos + len(request.method) + 1}" show="{request.path}" value="{_hex(request.path)}"/>',
              "    </field>"]
    pos += len(head[0]) + 2
    for line in head[1:]:
        name, value = line.split(": ", 1)
        size, raw = len(line) + 2, _hex(line + "\r\n")
        label = quoteattr(_tshark_label(line))
        named = _PDML_FIELDS.get(name.lower())
        where = f'size="{size}" pos="{pos}"'
        fields.append(f'    <field name="{named}" showname={label} {where} show={quoteattr(value)} value="{raw}"/>'
                      if named else f'    <field show={label} {where} value="{raw}"/>')
        fields.append(f'    <field name="http.request.line" showname={label} hide="yes" size="{size}" pos="{pos}" '
                      f'show={quoteattr(line + chr(13) + chr(10))} value="{raw}"/>')
        pos += size
    body = request.body.encode()
    uri = f"http://{request.host}{request.path}"
    fields += [f'    <field name="" show="\\r\\n" size="2" pos="{pos}" value="0d0a"/>',
               f'    <field name="http.request.full_uri" showname="Full request URI: {uri}" size="0" pos="{pos + 2}" '
               f'show="{uri}"/>',
               f'    <field name="http.file_data" showname="File Data: {len(body)} bytes" size="{len(body)}" '
               f'pos="{pos + 2}" show="{":".join(f"{b:02x}" for b in body)}" value="{body.hex()}"/>']
    return ["<packet>", '  <proto name="geninfo" pos="0" showname="General information" size="0">',
            '    <field name="timestamp" pos="0" show="Nov 22, 2026 13:00:00.123456000 UTC" '
            'showname="Captured Time" size="0"/>', "  </proto>",
            f'  <proto name="http" showname="Hypertext Transfer Protocol" size="{pos + 2 + len(body) - 66}" pos="66">',
            *fields, "  </proto>", "</packet>"]


def test_tshark_fields_of_the_requests_give_the_same_request_findings(tmp_path: Path) -> None:
    # `tshark -r egress.pcap -Y http.request -T fields -E header=y -E separator=/t -e frame.time_epoch -e ip.dst
    # -e tcp.dstport -e http.request.method -e http.host -e http.request.uri -e http.request.line -e http.file_data
    # > http_requests.tsv` (tshark(1): "-E header=y … print a list of the field names … as the first line";
    # "aggregator=,": a field that occurs more than once, its values joined by commas; epan/print.c writes a
    # string's CR and LF as `\r` and `\n`, and bytes — http.file_data — in hex): one file, the header row,
    # one row a request. Port 80: plain HTTP.
    found, public = requests(tmp_path)
    rows = ["frame.time_epoch\tip.dst\ttcp.dstport\thttp.request.method\thttp.host\thttp.request.uri\t"
            "http.request.line\thttp.file_data"]
    for request in found:
        lines = ",".join(f"{line}\\r\\n" for line in _head(request)[1:])
        rows.append(f"1795352400.123456000\t200.155.0.10\t80\t{request.method}\t{request.host}\t{request.path}\t"
                    f"{lines}\t{request.body.encode().hex()}")
    path = tmp_path / "http_requests.tsv"
    path.write_text("\n".join(rows) + "\n")
    assert_shape_findings(path, public, "tshark_fields", plaintext=True)


# --- gateways, API management, meshes ------------------------------------------------------------

def apigee_debug_session(request: Request) -> list[str]:
    # An Apigee X debug session's transaction as the API returns it
    # (cloud.google.com/apigee/docs/reference/apis/apigee/rest/v1/organizations.environments.apis.revisions.
    # debugsessions.data/get: "point": [{"id", "results": [...]}]; a StateChange point into TARGET_REQ_FLOW
    # holds a `RequestMessage` result — "verb", "uRI", "headers": [{name, value}], "content" — the request
    # the proxy sends its target, and target.url among the FlowInfo point's properties), saved by
    # `curl … /data > debug-session.json`.
    headers = [{"name": "Host", "value": request.host}] + [{"name": n, "value": v} for n, v in request.headers]
    return json.dumps({"point": [
        {"id": "StateChange", "results": [
            {"ActionResult": "DebugInfo", "timestamp": "22-11-26 13:00:00:123",
             "properties": {"property": [{"name": "From", "value": "PROXY_REQ_FLOW"},
                                         {"name": "To", "value": "TARGET_REQ_FLOW"}]}},
            {"ActionResult": "RequestMessage", "headers": headers, "uRI": request.path, "verb": request.method,
             "content": request.body}]},
        {"id": "FlowInfo", "results": [
            {"ActionResult": "DebugInfo", "timestamp": "22-11-26 13:00:00:124",
             "properties": {"property": [{"name": "target.url", "value": request.url},
                                         {"name": "target.host", "value": request.host}]}}]}]},
        indent=2).split("\n")


def gravitee_request_log(request: Request) -> list[str]:
    # A Gravitee APIM gateway's request log, with logging mode CLIENT_PROXY and content HEADERS_PAYLOADS, as
    # the file reporter writes it (documentation.gravitee.io, "Logging": the client request the gateway
    # received and the proxy request it sent upstream, each {method, uri, headers — a name to a list of
    # values —, body}): the app calls the gateway's /iugu context path, the gateway the provider.
    headers = {name: [value] for name, value in request.headers}
    return _line({"requestId": "a1b2c3d4-0000-4e5f-8a9b-0c1d2e3f4a5b", "api": "6f1c0de2-iugu-egress",
                  "timestamp": 1795352400123,
                  "clientRequest": {"method": request.method, "uri": "/iugu" + request.path, "headers": headers,
                                    "body": request.body},
                  "proxyRequest": {"method": request.method, "uri": request.url,
                                   "headers": {"Host": [request.host], **headers}, "body": request.body},
                  "proxyResponse": {"status": 201, "headers": {"Content-Type": ["application/json"]}},
                  "clientResponse": {"status": 201, "headers": {"Content-Type": ["application/json"]}}})


def _wire_quoted(text: str) -> str:
    return text.replace("\r", "[\\r]").replace("\n", "[\\n]")


def wso2_wire_log(request: Request) -> list[str]:
    # WSO2 API Manager / Micro Integrator wire logs (`logger.synapse-wire.name = org.apache.synapse.transport.
    # http.wire`, level DEBUG; apim.docs.wso2.com "Monitoring … wire logs": "DEBUG - wire HTTPS-Sender I/O
    # dispatcher-1 << "…"": `>>` the data coming into the server from the wire, `<<` the data going out, CR and
    # LF as `[\r]` `[\n]`, a line a chunk of the wire as written). Synapse sends a backend request chunked by
    # default: `Transfer-Encoding: chunked`, the body framed by its size in hex and `0`.
    body = request.body.encode()
    head = [line for line in _head(request) if not line.startswith("Content-Length")] + ["Transfer-Encoding: chunked"]
    data = [f"{line}\r\n" for line in head] + ["\r\n", f"{len(body):x}\r\n"]
    data += [f"{line}\n" for line in request.body.split("\n")[:-1]] + [request.body.split("\n")[-1] + "\r\n",
                                                                       "0\r\n", "\r\n"]
    return [f"[2026-11-22 13:00:00,{n:03d}] DEBUG {{wire}} - HTTPS-Sender I/O dispatcher-2 << \"{_wire_quoted(piece)}\""
            for n, piece in enumerate(data)]


def envoy_tap_streamed(request: Request) -> list[str]:
    # Envoy's HTTP tap filter streaming (envoyproxy.io/docs/envoy/latest/api-v3/data/tap/v3/http.proto:
    # "HttpStreamedTraceSegment … trace_id … request_headers, request_body_chunk, … response_headers"; the
    # tap's `streaming: true` with a file_per_tap sink, JSON_BODY_AS_BYTES: each segment a TraceWrapper
    # message on its own line, the body chunk's bytes in base64): the headers in one segment, the body in
    # the next, bound by their trace_id.
    trace = str(next(_FLOWS) + 1000)
    pseudo = [(":authority", request.host), (":path", request.path), (":method", request.method),
              (":scheme", "https")]
    headers = [{"key": name, "value": value} for name, value in pseudo + [(n.lower(), v) for n, v in request.headers]]
    body = base64.b64encode(request.body.encode()).decode()
    return [json.dumps({"http_streamed_trace_segment": {"trace_id": trace, "request_headers": {"headers": headers}}}),
            json.dumps({"http_streamed_trace_segment": {"trace_id": trace,
                                                        "request_body_chunk": {"as_bytes": body}}}),
            json.dumps({"http_streamed_trace_segment": {"trace_id": trace, "response_headers": {
                "headers": [{"key": ":status", "value": "201"}]}}})]


def istio_access_log(request: Request) -> list[str]:
    # Istio's default TEXT access log of an egress call through the sidecar with TLS origination
    # (istio.io/latest/docs/tasks/observability/logs/access-log/, "Default access log format": `[%START_TIME%]
    # "%REQ(:METHOD)% %REQ(X-ENVOY-ORIGINAL-PATH?:PATH)% %PROTOCOL%" %RESPONSE_CODE% %RESPONSE_FLAGS% …
    # "%REQ(USER-AGENT)%" "%REQ(X-REQUEST-ID)%" "%REQ(:AUTHORITY)%" "%UPSTREAM_HOST%" %UPSTREAM_CLUSTER_RAW% …`;
    # the task "Egress TLS Origination": the sidecar opens TLS to port 443). No other header, no body.
    length = len(request.body.encode())
    return [f'[2026-11-22T13:00:00.123Z] "{request.method} {request.path} HTTP/1.1" 201 - via_upstream - "-" '
            f'{length} 11 32 31 "-" "{AGENT}" "5f3c9a2e-7b1d-4e8a-9c0f-1a2b3c4d5e6f" "{request.host}" '
            f'"200.155.0.10:443" outbound|443||{request.host} 10.0.0.7:41234 200.155.0.10:80 10.0.0.7:50412 - -']


def openresty_ngx_log(request: Request) -> list[str]:
    # OpenResty as a TLS-terminating egress gateway, logging what it forwards from an access_by_lua_file
    # handler: `ngx.log(ngx.INFO, "egress request: ", ngx.req.raw_header(), ngx.req.get_body_data())`
    # (github.com/openresty/lua-nginx-module README: ngx.req.raw_header "Returns the original raw HTTP
    # protocol header received by the Nginx server", CR LF and all; ngx.log writes the message to the error
    # log as it is), nginx's error log line (`<time> [info] <pid>#<tid>: *<conn> [lua] <file>:<line>: <func>():
    # <message>, client: …, server: …, request: "…", host: "…"`): the line breaks inside, the context after
    # the body's last line.
    return (f"2026/11/22 13:00:00 [info] 1729#1729: *{next(_FLOWS)} [lua] egress.lua:14: log_request(): "
            f"egress request: {_on_the_wire(request)}, client: 10.0.0.7, server: egress, "
            f'request: "{request.method} {request.path} HTTP/1.1", host: "{request.host}"').split("\n")


def _nginx_escaped(text: str) -> str:
    """log_format's default escaping (nginx.org/en/docs/http/ngx_http_log_module.html#log_format: "characters
    “"”, “\\”, and other characters with values less than 32 or above 126 are escaped as “\\xXX”")."""
    return "".join(f"\\x{ord(c):02X}" if c in '"\\' or not 32 <= ord(c) <= 126 else c for c in text) or "-"


def nginx_request_body_log(request: Request) -> list[str]:
    # An nginx egress proxy's access log with a key=value log_format of its own (nginx.org/en/docs/http/
    # ngx_http_log_module.html#log_format; ngx_http_core_module.html#variables: "$http_name arbitrary request
    # header field; the last part of a variable name is the field name converted to lower case with dashes
    # replaced by underscores", "$request_body request body … available in variables … processed by the
    # proxy_pass"): `method=$request_method url="$scheme://$host$request_uri" http_content_type="…"
    # http_request_time="…" http_signature="…" http_access_token="…" request_body="$request_body"`, an empty
    # value as `-`, `underscores_in_headers on` so access_token reaches it.
    present = {name.lower().replace("-", "_"): value for name, value in request.headers}
    headers = " ".join(f'http_{name}="{_nginx_escaped(present.get(name, ""))}"'
                       for name in ("content_type", "request_time", "signature", "access_token"))
    return [f'time=2026-11-22T13:00:00+00:00 client=10.0.0.7 method={request.method} url="{request.url}" '
            f'{headers} status=201 request_body="{_nginx_escaped(request.body)}"']


# --- forward proxies -------------------------------------------------------------------------------

def privoxy_header_debug(request: Request) -> list[str]:
    # Privoxy with `debug 8` and https-inspection on the egress (privoxy.org/user-manual/config.html, "debug":
    # "8 Header parsing … header details"; "https-inspection"; its log lines `<date> <time>.<ms> <thread id>
    # <category>: <message>`: each client header as `Header: scan: <line>`, then `Connect: to <host>
    # successful`, and debug 1's `Request: <host><path>`). No body.
    stamp, thread = "2026-11-22 13:00:00.123", "7f3a2c1fe700"
    return [f"{stamp} {thread} Header: scan: {line}" for line in _head(request)] + [
        f"{stamp} {thread} Connect: to {request.host} successful",
        f"{stamp} {thread} Request: {request.host}{request.path} https-inspected"]


def traffic_server_http_hdrs(request: Request) -> list[str]:
    # Apache Traffic Server as an egress proxy with `proxy.config.diags.debug.tags http_hdrs`
    # (docs.trafficserver.apache.org, records.yaml "diags.debug.tags"; proxy/http/HttpDebugNames and
    # HttpSM's DUMP_HEADER: `+++++++++ Proxy's Request after hooks +++++++++`, `-- State Machine Id: <n>`, then
    # the header block as sent to the origin) in traffic.out. No body.
    sm = next(_FLOWS)
    return [f"[Nov 22 13:00:00.123] [ET_NET 1] DEBUG: <HttpSM.cc:5217 (do_http_server_open)> (http_hdrs) "
            f"+++++++++ Proxy's Request after hooks +++++++++", f"-- State Machine Id: {sm}", *_head(request),
            "Via: http/1.1 egress-ats (ApacheTrafficServer/9.2.5)", ""]


# --- web application firewalls -------------------------------------------------------------------

def modsecurity_serial(request: Request) -> list[str]:
    # ModSecurity 2's serial audit log (github.com/owasp-modsecurity/ModSecurity wiki, "ModSecurity 2 Data
    # Formats", "Audit Log": each part opened by `--<boundary>-<letter>--`; A the header, B the request
    # headers, C "Request body (present only if the request body exists and ModSecurity is configured to
    # intercept it)", F the response headers, H the trailer, Z the end) on an Apache egress proxy with
    # SecRequestBodyAccess On and SecAuditLogParts ABCFHZ.
    boundary = f"{next(_FLOWS):02d}e5f1a2"
    return [f"--{boundary}-A--", "[22/Nov/2026:13:00:00.123456 +0000] Z0Cw8H8AAQEAAAAB 10.0.0.7 50412 200.155.0.10 443",
            f"--{boundary}-B--", *_head(request), "", f"--{boundary}-C--", *request.body.split("\n"), "",
            f"--{boundary}-F--", "HTTP/1.1 201 Created", "Content-Type: application/json", "", f"--{boundary}-H--",
            "Apache-Handler: proxy-server", "Stopwatch: 1795352400123456 32012 (- - -)",
            "Producer: ModSecurity for Apache/2.9.7 (http://www.modsecurity.org/); OWASP_CRS/3.3.5.",
            "Server: Apache", "Engine-Mode: \"DETECTION_ONLY\"", "", f"--{boundary}-Z--", ""]


def modsecurity_json(request: Request) -> list[str]:
    # libmodsecurity 3's audit log with `SecAuditLogFormat JSON` (ModSecurity v3 src/transaction.cc toJSON:
    # {"transaction": {client_ip, time_stamp, server_id, client_port, host_ip, host_port, unique_id,
    # "request": {method, http_version, uri, body, headers — a name to its value —}, "response": {…},
    # "producer": {…}, "messages": […]}}), one object a line, under ModSecurity-nginx on the egress proxy.
    headers = {line.split(": ", 1)[0]: line.split(": ", 1)[1] for line in _head(request)[1:]}
    return _line({"transaction": {
        "client_ip": "10.0.0.7", "time_stamp": "Sun Nov 22 13:00:00 2026", "server_id": "7b3f0c9e1a2d",
        "client_port": 50412, "host_ip": "200.155.0.10", "host_port": 443, "unique_id": "179535240012.345678",
        "request": {"method": request.method, "http_version": 1.1, "uri": request.path, "body": request.body,
                    "headers": headers},
        "response": {"body": "", "http_code": 201, "headers": {"Content-Type": "application/json"}},
        "producer": {"modsecurity": "ModSecurity v3.0.12 (Linux)", "connector": "ModSecurity-nginx v1.0.3",
                     "secrules_engine": "DetectionOnly", "components": ["OWASP_CRS/4.7.0\""]},
        "messages": []}})


def _asm_escaped(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\r", "\\r").replace("\n", "\\n")


def f5_asm_remote_log(request: Request) -> list[str]:
    # F5 BIG-IP ASM (Advanced WAF) remote logging in its default key="value" format to syslog (my.f5.com,
    # "Configuring Remote High-Speed Logging" and the ASM request log fields: unit_hostname,
    # management_ip_address, … method, protocol, uri, … request — "the full request, headers and body,
    # up to the maximum request size" — CR and LF written `\r` `\n`, `"` and `\` escaped by a backslash)
    # on the egress virtual server.
    fields = {"unit_hostname": "bigip-1.example.com", "management_ip_address": "192.0.2.10",
              "http_class_name": "/Common/egress_payouts", "policy_name": "/Common/egress_payouts",
              "violations": "", "support_id": "18205860747014045721", "request_status": "passed",
              "response_code": "201", "ip_client": "10.0.0.7", "route_domain": "0", "method": request.method,
              "protocol": "HTTPS", "query_string": "", "x_forwarded_for_header_value": "N/A", "sig_ids": "",
              "date_time": "2026-11-22 13:00:00", "severity": "Informational", "attack_type": "",
              "src_port": "50412", "dest_port": "443", "dest_ip": "200.155.0.10", "violation_rating": "0",
              "vs_name": "/Common/vs_egress_iugu", "uri": request.path, "fragment": "",
              "request": _asm_escaped(_on_the_wire(request)), "response": "Response logging disabled"}
    return ["Nov 22 13:00:00 bigip-1 ASM:" + ",".join(f'{name}="{value}"' for name, value in fields.items())]


SHAPES = [
    case(gravitee_request_log), case(modsecurity_json), case(modsecurity_serial), case(f5_asm_remote_log),
    case(wso2_wire_log), case(apigee_debug_session, "debug-session.json"),
    case(suricata_eve_printable, plaintext=True), case(openresty_ngx_log), case(nginx_request_body_log),
    case(tcpflow_console, plaintext=True),
    case(envoy_tap_streamed),
    case(tshark_pdml, "capture.xml", plaintext=True)]
HEADERS_ONLY = [
    case(privoxy_header_debug), case(traffic_server_http_hdrs),
    case(tshark_packet_details, "capture.txt", plaintext=True),
    case(httpry_log, "httpry.log", plaintext=True, missed="read, but not as plain HTTP: httpry's rows show no port or "
         "scheme (it sniffs clear text only, which its file's `# httpry version` line alone says): the "
         "credential-over-plaintext-http and iugu-plaintext-request findings are missed"),
    case(arkime_session, plaintext=True)]
NO_HEADERS = [
    case(zeek_http_tsv, "http.log", plaintext=True), case(zeek_http_json, "http.log", plaintext=True),
    case(istio_access_log)]
