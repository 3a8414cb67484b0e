"""The four signed requests as JSON request records, one field renamed at a time over the names
producers give it — the method under ``action`` or ``method_name``, the host under ``server`` or
``upstream_host``, the path under ``route`` — all read through the command line as the one
request; and the names that hold something else (an action that is no method, the local server
of an incoming request's log, a deploy target) make none."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers.running import scan_json
from helpers.signed_shapes import Request, check_shape, requests
from keyaudit.inputs.captures.records import request_of
from keyaudit.model.exchange import Origin

URL = "https://api.iugu.com/v1/transfer_requests"
# (a dotted name, `http.method`, makes the request an object inside the record, whose bare `body` is then
# the record's own: test_record_bodies covers it)
METHOD_NAMES = ["method", "Method", "verb", "http_verb", "httpVerb", "HttpVerb", "request_method", "REQUEST_METHOD",
                "requestMethod", "req_method", "method_name", "methodName",
                "MethodName", "method_type", "verb_name", "action", "http_action", "requestAction"]
HOST_NAMES = ["host", "hostname", "server_name", "serverName", "domain", "authority", "server", "Server",
              "server_address", "destination", "upstream_host", "target_host", "backendHost", "api_host",
              "service_host", "dest_host"]
PATH_NAMES = ["path", "uri", "url_path", "request_path", "pathname", "route", "http.route", "routePath",
              "path_info", "PATH_INFO", "relative_url", "target", "request_target", "endpoint", "resource"]

# the headers also under the name of the collection holding them; the body under the name of its form
HEADER_NAMES = ["headers", "header", "headerParameters", "header_params", "headerFields", "allHTTPHeaderFields",
                "headerList", "request_header_map"]
BODY_NAMES = ["body", "jsonBody", "stringBody", "text_body", "request_body"]


def _record(request: Request, **fields: object) -> list[str]:
    return [json.dumps({"time": "2026-11-22T13:00:00Z", "level": "info", "msg": "outbound call", **fields,
                        "headers": dict(request.headers), "body": request.body})]


@pytest.mark.parametrize("name", METHOD_NAMES)
def test_the_method_under_any_name_that_says_it(name: str, tmp_path: Path) -> None:
    def method_renamed(request: Request) -> list[str]:
        return _record(request, **{name: request.method, "url": request.url})
    check_shape(method_renamed, tmp_path)


@pytest.mark.parametrize("name", HOST_NAMES)
def test_the_host_under_any_name_for_the_side_called(name: str, tmp_path: Path) -> None:
    def host_renamed(request: Request) -> list[str]:
        return _record(request, **{"method": request.method, name: request.host, "path": request.path})
    check_shape(host_renamed, tmp_path)


@pytest.mark.parametrize("name", PATH_NAMES)
def test_the_path_under_any_name_for_it_or_its_route(name: str, tmp_path: Path) -> None:
    def path_renamed(request: Request) -> list[str]:
        return _record(request, **{"method": request.method, "host": request.host, name: request.path})
    check_shape(path_renamed, tmp_path)


@pytest.mark.parametrize("name", HEADER_NAMES)
def test_the_headers_under_any_name_for_their_collection(name: str, tmp_path: Path) -> None:
    def headers_renamed(request: Request) -> list[str]:
        return [json.dumps({"method": request.method, "url": request.url, name: dict(request.headers),
                            "body": request.body})]
    check_shape(headers_renamed, tmp_path)


@pytest.mark.parametrize("name", BODY_NAMES)
def test_the_body_under_any_name_for_its_form(name: str, tmp_path: Path) -> None:
    def body_renamed(request: Request) -> list[str]:
        return [json.dumps({"method": request.method, "url": request.url, "headers": dict(request.headers),
                            name: request.body})]
    check_shape(body_renamed, tmp_path)


def test_an_n8n_http_request_node_is_the_request_it_sends(tmp_path: Path) -> None:
    """An n8n workflow's HTTP Request node, as an exported workflow (or an execution's data)
    keeps it: the headers a list of ``{name, value}`` under ``headerParameters.parameters``, the
    body under ``jsonBody``, pretty-printed by the export."""
    def n8n_node(request: Request) -> list[str]:
        node = {"parameters": {"method": request.method, "url": request.url, "sendHeaders": True,
                               "headerParameters": {"parameters": [{"name": name, "value": value}
                                                                   for name, value in request.headers]},
                               "sendBody": True, "specifyBody": "json", "jsonBody": request.body, "options": {}},
                "id": "9f1c2d4e-0b7a-4c1e-9d2f-3a5b6c7d8e9f", "name": "HTTP Request",
                "type": "n8n-nodes-base.httpRequest", "typeVersion": 4.2, "position": [460, 300]}
        return json.dumps({"name": "payouts", "nodes": [node], "connections": {}}, indent=2).split("\n")
    check_shape(n8n_node, tmp_path, "workflow.json")


def test_the_host_under_server_and_the_path_under_route_together(tmp_path: Path) -> None:
    def server_and_route(request: Request) -> list[str]:
        return _record(request, server=request.host, route=request.path, verb=request.method)
    check_shape(server_and_route, tmp_path)


@pytest.mark.parametrize("record", [
    {"action": "login", "url": URL},  # an action that is no method
    {"action": "delete", "url": URL},  # a word, not a method as HTTP writes one
    {"type": "POST", "url": URL},  # a name too wide to say the method
    {"method": "POST", "server": "web-01", "route": "/v1/transfer_requests"},  # the local server's own name
    {"method": "POST", "server": "nginx/1.25.3", "path": "/v1/transfer_requests"},  # the server's software
    {"method": "POST", "host": "api.iugu.com", "target": "production"},  # a deploy target, no path
    {"method": "POST", "host": "api.iugu.com", "resource": "transfers"},  # a resource's name, no path
    {"method": "POST", "remote_host": "api.iugu.com", "path": "/v1/transfer_requests"},  # the client, in access logs
])
def test_names_that_hold_something_else_make_no_request(record: dict) -> None:
    assert request_of(record, Origin("records.log", 1)) is None


def test_a_path_field_beats_a_route_template() -> None:
    found = request_of({"method": "POST", "host": "api.iugu.com", "route": "/v1/transfer_requests/:id",
                        "path": "/v1/transfer_requests/7"}, Origin("records.log", 1))
    assert found is not None and found.url == URL + "/7"


@pytest.mark.parametrize("template", ["/v1/transfer_requests/:id", "/{version}/transfer_requests", "/v1/<kind>",
                                      "/v1/transfer_requests/<int:id>", "/v1/[kind]", "/v1/*"])
def test_a_route_template_is_no_path_sent(template: str) -> None:
    """Express's, OpenAPI's, Flask's, Next.js's templates and a wildcard, under a route's name or in
    a span's name (``POST /v1/{kind}``): a pattern of the paths a server serves, never sent. With no
    path beside it the record names no URL; a path field beside the name is the path."""
    origin = Origin("records.log", 1)
    assert request_of({"method": "POST", "host": "api.iugu.com", "route": template}, origin) is None
    assert request_of({"name": f"POST {template}", "host": "api.iugu.com"}, origin) is None
    found = request_of({"name": f"POST {template}", "host": "api.iugu.com", "path": "/v1/transfer_requests"}, origin)
    assert found is not None and found.url == URL


def test_a_route_template_makes_no_signed_transfer_look_badly_signed(tmp_path: Path) -> None:
    """A gateway's record of a signed transfer naming only its route: the signature covers the path
    sent, which the template is not (verified over the template, a valid signature failed). The
    same record with the path sent: one valid signature."""
    found, public = requests(tmp_path)
    signed = found[1]

    def record(**fields: str) -> str:
        return json.dumps({"method": "POST", "host": signed.host, "route": "/:version/transfer_requests", **fields,
                           "headers": dict(signed.headers), "body": signed.body})
    log = tmp_path / "gateway.log"
    log.write_text(record() + "\n" + record(path=signed.path) + "\n")
    report, _ = scan_json("--public-key", str(public), str(log))
    assert [f["rule_id"] for f in report["findings"] if f["context"].get("method")] == []
    assert report["scan"]["requests"].get("signatures_valid") == 1


def test_an_incoming_request_log_naming_its_own_server_gives_no_provider_finding(tmp_path: Path) -> None:
    """A web app's own access log: its server, the route a client called (a path that is also a
    provider's), no provider host anywhere — no outbound call is made of it."""
    log = tmp_path / "access.log"
    log.write_text("\n".join(json.dumps({"server": server, "method": "POST", "route": "/v1/transfer_requests",
                                         "status": 201, "headers": {"Content-Type": "application/json"}})
                             for server in ("web-01", "payouts.internal.example")) + "\n")
    report, _ = scan_json(str(log))
    assert [f["rule_id"] for f in report["findings"]] == []


def test_a_records_host_header_beats_a_server_it_names_by_a_dotted_name() -> None:
    """An egress proxy's record of a call it passed on names its own machine under ``server``; the
    request's Host header says where the call went."""
    found = request_of({"method": "POST", "server": "egress-1.corp.example", "path": "/v1/transfer_requests",
                        "headers": [["Host", "api.iugu.com"]]}, Origin("records.log", 1))
    assert found is not None and found.url == URL
    alone = request_of({"method": "POST", "destination": "api.iugu.com", "path": "/v1/transfer_requests"},
                       Origin("records.log", 1))
    assert alone is not None and alone.url == URL
