"""A request recorded as YAML whose method is a header field's: an item of its list of header fields names it as
HTTP/2's pseudo-header (Envoy's tap trace as YAML) — and the look-alike that is none, a route's header matchers."""

from __future__ import annotations

from keyaudit.inputs.captures import yaml_records

def numbered(text: str) -> list[tuple[int, str]]:
    return list(enumerate(text.split("\n"), start=1))


TRACE = """http_buffered_trace:
  request:
    headers:
    - key: :authority
      value: api.iugu.com
    - key: :path
      value: /v1/transfer_requests
    - key: :method
      value: POST
    - key: signature
      value: signature=c2ln
    body:
      as_string: '{}'
  response:
    headers:
    - key: :status
      value: '201'"""


def test_a_yaml_trace_whose_header_list_names_the_method_is_its_request() -> None:
    found = [(e.origin.line, e.method, e.url, e.header("Signature"), e.body)
             for e in yaml_records.exchanges(numbered(TRACE), "taps.yaml")]
    assert found == [(3, "POST", "https://api.iugu.com/v1/transfer_requests", "signature=c2ln", b"{}")]


ROUTE = """virtual_hosts:
- name: iugu
  domains:
  - api.iugu.com
  routes:
  - match:
      prefix: /v1
      headers:
      - name: :method
        string_match:
          exact: POST
    route:
      cluster: iugu"""


def test_a_routes_header_matcher_naming_the_method_is_no_request() -> None:
    assert list(yaml_records.exchanges(numbered(ROUTE), "envoy.yaml")) == []
