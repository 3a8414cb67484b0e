"""A request written with an origin-form target and a Host header names no scheme; HTTPS is
assumed (both APIs serve only HTTPS) unless the capture says where the request went: a packet
capture's destination port (however many zeros pad it), curl's connection line, a record's destination port. Port 80 is
plain HTTP — the key crossed in clear text, and the plaintext rules say so; port 443, or a port
said by name (tcpdump without -n), is HTTPS.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers.credentials import asaas_key, basic, user_password
from helpers.running import request_rules, scan_json

_HEAD = ["POST /v3/transfers HTTP/1.1", "Host: api.asaas.com", "Content-Type: application/json", "User-Agent: payouts/3.1"]


def _dump(before: str, prefix: str = "") -> list[str]:
    return [before, *(prefix + line for line in (*_HEAD, f"access_token: {asaas_key()}", "Content-Length: 2")),
            prefix.rstrip() if prefix else "", "{}"]


SAID = {
    # curl -v: `* Connected to <host> (<address>) port <port>` before the request it sends (the
    # first request line two lines after it, the `Trying` line before)
    "curl_connected": lambda port: ["*   Trying 203.0.113.9:%s..." % port] + _dump(
        f"* Connected to api.asaas.com (203.0.113.9) port {port}", "> "),
    # tcpdump -A without -n: the port by its service name
    "tcpdump_names": lambda port: _dump(f"13:00:00.123456 IP app-1.51234 > api.asaas.com.{ {'80': 'http', '443': 'https'}[port]}: "
                                        "Flags [P.], seq 1:200, ack 1, win 502, length 199"),
    "ngrep": lambda port: _dump(f"T 10.0.0.7:51234 -> 203.0.113.9:{port} [AP] #4"),
    # tcpflow's flow files read with `tail -n +1 flows/*`: the file's name, each port five digits zero-padded
    "tcpflow_files": lambda port: _dump(f"==> flows/010.000.000.007.51234-203.000.113.009.{port:0>5} <=="),
}


@pytest.mark.parametrize("shape", sorted(SAID))
@pytest.mark.parametrize(("port", "plain"), [("80", True), ("443", False)])
def test_a_capture_that_says_the_port_says_the_scheme(shape: str, port: str, plain: bool, tmp_path: Path) -> None:
    path = tmp_path / "capture.txt"
    path.write_text("\n".join(["2026-11-22 13:00:00 INFO heartbeat"] * 20 + SAID[shape](port) + [""]))
    report, _ = scan_json(str(path))
    urls = {f["context"]["url"] for f in report["findings"] if f["context"].get("method")}
    found = request_rules(report)
    scheme = "http" if plain else "https"
    assert urls == {f"{scheme}://api.asaas.com/v3/transfers"}, urls
    assert found == sorted(["asaas-unsigned-transfer"] + (["credential-over-plaintext-http"] if plain else [])), found


def test_a_request_line_far_from_what_said_the_port_keeps_https(tmp_path: Path) -> None:
    # the port line belongs to an earlier packet: many lines of other text lie between
    lines = ["T 10.0.0.7:51234 -> 203.0.113.9:80 [AP] #1", *(["GET /health HTTP/1.1."] + ["."] * 3) * 3,
             *_dump("# a request pasted into a ticket")]
    path = tmp_path / "ticket.txt"
    path.write_text("\n".join(lines) + "\n")
    report, _ = scan_json(str(path))
    assert {f["context"]["url"] for f in report["findings"] if f["context"].get("method")} == {
        "https://api.asaas.com/v3/transfers"}


@pytest.mark.parametrize(("port", "scheme"), [(80, "http"), ("443", "https")])
def test_a_record_s_destination_port_says_the_scheme(port: object, scheme: str, tmp_path: Path) -> None:
    # ECS: http.request.method, url.path, destination.address and destination.port
    record = {"@timestamp": "2026-11-22T13:00:00Z", "http": {"request": {"method": "POST",
                                                                         "headers": {"access_token": asaas_key()}}},
              "url": {"path": "/v3/transfers"}, "destination": {"address": "api.asaas.com", "port": port}}
    path = tmp_path / "ecs.json"
    path.write_text(json.dumps(record) + "\n")
    report, _ = scan_json(str(path))
    assert {f["context"]["url"] for f in report["findings"] if f["context"].get("method")} == {
        f"{scheme}://api.asaas.com/v3/transfers"}


def test_a_record_s_whole_url_beside_its_path_says_the_scheme(tmp_path: Path) -> None:
    # tshark -T ek of port 80: http.request.uri (the target) and http.request.full_uri (with the
    # scheme the dissector saw) side by side
    http = {"http_http_request_method": "POST", "http_http_request_uri": "/v3/transfers",
            "http_http_host": "api.asaas.com", "http_http_request_full_uri": "http://api.asaas.com/v3/transfers",
            "http_http_request_line": ["Host: api.asaas.com\r\n", f"access_token: {asaas_key()}\r\n"]}
    path = tmp_path / "packets.json"
    path.write_text(json.dumps({"timestamp": "1795352400000", "layers": {"tcp": {"tcp_tcp_dstport": "80"},
                                                                         "http": http}}) + "\n")
    report, _ = scan_json(str(path))
    assert {f["context"]["url"] for f in report["findings"] if f["context"].get("method")} == {
        "http://api.asaas.com/v3/transfers"}


HTTPLOG = "D, [2026-11-22T13:00:00.123456 #4242] DEBUG -- : [httplog] "


@pytest.mark.parametrize(("authority", "plain"), [("api.asaas.com:443", False), ("api.asaas.com", True),
                                                  ("api.asaas.com:80", True), ("api.asaas.com:4430", True)])
def test_http_to_tls_port_is_the_tls_call_a_logger_wrote_from_host_and_port(authority: str, plain: bool,
                                                                             tmp_path: Path) -> None:
    """Ruby's httplog writes every Net::HTTP call `http://<host>:<port><path>` (its net_http adapter), TLS or
    not: `http` to port 443 is no plain request (one would fail the server's handshake) — neither the
    request nor its URL is reported as plain HTTP; any other port, or none, still is."""
    log = tmp_path / "app.log"
    log.write_text("\n".join([HTTPLOG + "Connecting: api.asaas.com:443", HTTPLOG + f"Sending: GET http://{authority}/v3/payments",
                              HTTPLOG + "Status: 200"]) + "\n")
    report, _ = scan_json(str(log))
    found = sorted(f["rule_id"] for f in report["findings"])
    assert found == (["asaas-plaintext-request"] if plain else []), found


@pytest.mark.parametrize(("host", "plain"), [("localhost:8080", False), ("127.0.0.1", False), ("[::1]:3000", False),
                                             ("billing.internal.example", True), ("localhost.billing.example", True)])
def test_plain_http_to_the_loopback_interface_crosses_no_network(host: str, plain: bool, tmp_path: Path) -> None:
    """A secret scanner's fixture of a command (gitleaks) sends a Basic credential over http://localhost: no one
    on a path reads it, so it is no plain-HTTP finding; the credential in the header keeps its own."""
    user, password = user_password()
    script = tmp_path / "create-user.sh"
    script.write_text(f"curl -X POST -H 'Authorization: Basic {basic(user, password)}' \\\n"
                      f"  -d '{{\"user\": \"ana\"}}' 'http://{host}/oauth2/v1/users'\n")
    report, run = scan_json(str(script))
    found = sorted(f["rule_id"] for f in report["findings"])
    assert found == sorted(["http-basic-credential"] + (["credential-over-plaintext-http"] if plain else [])), found
    assert password not in run.stdout + run.stderr
