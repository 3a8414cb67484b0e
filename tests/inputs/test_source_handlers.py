"""Transfers written in a service's own code the way Go and web handlers write them: Go's ``req, err :=
http.NewRequest(…)`` checked by ``if err != nil { return err }``, its ``http.MethodPost`` constant, and a handler
that reads the INCOMING request's headers before it calls the provider. Each sends an unsigned transfer, each was
missed (real files in a temporary tree, the CLI)."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.running import request_urls

IUGU_TRANSFERS = "https://api.iugu.com/v1/transfer_requests"
ASAAS_TRANSFERS = "https://api.asaas.com/v3/transfers"


def _go_payout(method: str, checked: bool, before: str = "") -> str:
    check = "\tif err != nil {\n\t\treturn err\n\t}\n" if checked else ""
    bound = "req, err :=" if checked else "req, _ :="
    return ("package payouts\n\nimport (\n\t\"bytes\"\n\t\"net/http\"\n)\n\n"
            "// PayUnsigned sends a PIX transfer request.\n"
            "func (c *Client) PayUnsigned(r *http.Request, body []byte) error {\n" + before +
            f'\t{bound} http.NewRequest({method}, "{IUGU_TRANSFERS}", bytes.NewReader(body))\n{check}'
            '\treq.Header.Set("Content-Type", "application/json")\n'
            f"\tresp, {'err' if checked else '_'} := c.http.Do(req)\n{check}"
            "\tdefer resp.Body.Close()\n\treturn nil\n}\n")


@pytest.mark.parametrize("method", ['"POST"', "http.MethodPost"])
def test_a_go_request_whose_error_is_returned_is_still_sent(tmp_path: Path, method: str) -> None:
    """``req, err := http.NewRequest(…)`` bound the call to ``err`` (the last name), so ``return err`` read as the
    request returned to a caller unsent, its headers unknown: the request is the call's FIRST result."""
    assert request_urls(tmp_path, "payouts/payouts.go", _go_payout(method, checked=True)) == [
        ("iugu-unsigned-transfer", IUGU_TRANSFERS)]


def test_go_method_constants_name_the_method(tmp_path: Path) -> None:
    """``http.MethodPost`` (Go's ``http.Method*``, one word) was no method: the transfer was no request."""
    assert request_urls(tmp_path, "payouts/payouts.go", _go_payout("http.MethodPost", checked=False)) == [
        ("iugu-unsigned-transfer", IUGU_TRANSFERS)]


def test_a_parallel_assignment_still_binds_each_name(tmp_path: Path) -> None:
    """``method, url := "POST", "…"``: each name its own value (the reading of ``a, b := f()`` kept pairwise)."""
    code = ("package payouts\n\nfunc Pay(client *http.Client, body io.Reader) {\n"
            f'\tmethod, url := "POST", "{IUGU_TRANSFERS}"\n'
            "\treq, _ := http.NewRequest(method, url, body)\n"
            '\treq.Header.Set("Content-Type", "application/json")\n\tclient.Do(req)\n}\n')
    assert request_urls(tmp_path, "payouts/pay.go", code) == [("iugu-unsigned-transfer", IUGU_TRANSFERS)]


@pytest.mark.parametrize(("name", "code", "url"), [
    ("payouts/handler.go", _go_payout('"POST"', True, '\ttenant := r.Header.Get("X-Tenant")\n\t_ = tenant\n'),
     IUGU_TRANSFERS),
    ("web/payout.js",
     "app.post('/payout', async (req, res) => {\n  const tenant = req.header('x-tenant');\n"
     f"  const response = await axios.post('{ASAAS_TRANSFERS}', {{ value: req.body.value, tenant }}, {{\n"
     "    headers: { 'access_token': process.env.ASAAS_KEY, 'Content-Type': 'application/json' },\n  });\n"
     "  res.json(response.data);\n});\n", ASAAS_TRANSFERS),
    ("web/views.py",
     "import requests\nfrom flask import request\n\n\ndef payout():\n"
     '    tenant = request.headers.get("X-Tenant")\n    response = requests.post(\n'
     f'        "{ASAAS_TRANSFERS}",\n        json={{"value": 10, "tenant": tenant}},\n'
     '        headers={"access_token": os.environ["ASAAS_KEY"], "Content-Type": "application/json"},\n    )\n'
     "    return response.json()\n", ASAAS_TRANSFERS),
])
def test_reading_the_incoming_requests_headers_sets_none_of_the_outbound_ones(
        tmp_path: Path, name: str, code: str, url: str) -> None:
    """A handler reads a header of the request it serves (Go's ``r.Header.Get``, Express' ``req.header('x')``,
    Flask's ``request.headers.get``), then sends the transfer: the read was taken for a header set the group does
    not show, the outbound headers unknown, the transfer missed."""
    assert request_urls(tmp_path, name, code) == [(url.startswith("https://api.iugu") and "iugu-unsigned-transfer"
                                                        or "asaas-unsigned-transfer", url)]


def test_a_header_set_by_code_still_leaves_the_headers_unknown(tmp_path: Path) -> None:
    """The reading kept: a header whose name the code computes (``req.Header.Set(name, v)``) may be the signature."""
    code = _go_payout('"POST"', True).replace('req.Header.Set("Content-Type", "application/json")',
                                               "req.Header.Set(name, value)")
    assert request_urls(tmp_path, "payouts/payouts.go", code) == []
