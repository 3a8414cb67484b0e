"""A record that gives its request's origin in one field and the path in another: the URL is the two
joined, the origin's default port dropped (:mod:`keyaudit.inputs.captures.record_urls`).

nock's recorder (`nock.recorder.rec({output_objects: true})`, committed as test fixtures) writes the origin as
`scope` ("https://api.iugu.com:443") and the path apart: read as no URL, a recorded payout was judged as no
request and only its Basic header reported, and a plain-HTTP call was reported as `http://api.iugu.com:80`, its
path and query dropped (blind61 M4).
"""

from __future__ import annotations

import base64
import json
from pathlib import Path

from helpers.credentials import iugu_token
from helpers.running import request_urls


def _basic() -> str:
    return "Basic " + base64.b64encode(f"{iugu_token()}:".encode()).decode()


def test_a_nock_recording_is_its_scope_joined_to_its_path_without_the_default_port(tmp_path: Path) -> None:
    recorded = [{"scope": "https://api.iugu.com:443", "method": "POST", "path": "/v1/transfer_requests",
                 "body": {"amount_cents": 1050, "transfer_type": "pix", "pix_key": "fornecedor@example.com"},
                 "status": 200, "reqheaders": {"authorization": _basic()}},
                {"scope": "http://api.iugu.com:80", "method": "GET", "path": "/v1/invoices?limit=10", "status": 200}]
    assert request_urls(tmp_path, "payouts.json", json.dumps(recorded, indent=2)) == [
        ("iugu-plaintext-request", "http://api.iugu.com/v1/invoices?limit=10"),
        ("iugu-unsigned-transfer", "https://api.iugu.com/v1/transfer_requests")]


def test_a_base_url_with_the_default_port_gives_the_url_without_it(tmp_path: Path) -> None:
    record = {"baseURL": "https://api.iugu.com:443", "method": "POST", "url": "/v1/transfer_requests",
              "headers": {"Authorization": _basic()}, "data": {"amount_cents": 1050, "transfer_type": "pix"}}
    assert request_urls(tmp_path, "axios.json", json.dumps(record) + "\n") == [
        ("iugu-unsigned-transfer", "https://api.iugu.com/v1/transfer_requests")]


def test_a_scope_that_is_no_origin_gives_no_url(tmp_path: Path) -> None:
    # an OAuth grant's scope beside a path: no request to any host
    record = {"scope": "transfers:write", "method": "POST", "path": "/v1/transfer_requests",
              "headers": {"Authorization": _basic()}, "body": {"amount_cents": 1050}}
    assert request_urls(tmp_path, "grant.json", json.dumps(record) + "\n") == []


def test_a_query_of_exact_matchers_is_their_values(tmp_path: Path) -> None:
    # Hoverfly's simulation: every part of the request wrapped in a matcher, the query's parameters too
    token = iugu_token()

    def exact(value: str) -> list[dict[str, str]]:
        return [{"matcher": "exact", "value": value}]

    request = {"path": exact("/v1/invoices"), "method": exact("GET"), "destination": exact("api.iugu.com"),
               "scheme": exact("http"), "query": {"api_token": exact(token), "limit": exact("10")}}
    simulation = {"data": {"pairs": [{"request": request, "response": {"status": 200}}]}}
    found = request_urls(tmp_path, "simulation.json", json.dumps(simulation, indent=2))
    shown = f"{token[:4]}…{token[-4:]}"  # the report's URL shows the token redacted
    assert {url for _, url in found} == {f"http://api.iugu.com/v1/invoices?api_token={shown}&limit=10"}
