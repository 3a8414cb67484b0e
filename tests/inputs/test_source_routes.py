"""Calls named for a method that register what answers a request — a server's route, a mock server's handler, a
decorator — send none (keyaudit/inputs/captures/source_routes.py); the calls inside the handler still do (real files
in a temporary tree, the CLI)."""

from __future__ import annotations

from pathlib import Path

from helpers.running import request_places


def _findings(folder: Path, name: str, text: str) -> list[tuple[str, int]]:
    (folder / name).write_text(text)
    return request_places(str(folder / name))


def test_an_express_route_with_a_response_header_is_no_transfer_sent(tmp_path: Path) -> None:
    """A local fake of Asaas: the route's ``app.post`` was the method, its path the URL's, the module's constant a
    logger prints the host, and the response's Content-Type the request's one header: an unsigned transfer."""
    code = ("const express = require('express');\nconst app = express();\n"
            "const ASAAS_URL = 'https://api.asaas.com/v3/transfers';\n\n"
            "app.post('/v3/transfers', (req, res) => {\n  console.log('mirror of', ASAAS_URL);\n"
            "  res.setHeader('Content-Type', 'application/json');\n"
            "  res.status(200).json({ id: 'tra_1', status: 'PENDING' });\n});\n")
    assert _findings(tmp_path, "fake-asaas.js", code) == []


def test_a_route_given_its_handler_alone_is_no_request_sent(tmp_path: Path) -> None:
    """Express's ``router.route(path).post(handler)``: the path given to ``route``, the handler alone to ``post``
    (read, a plain-HTTP sandbox URL a logger prints was its URL: a plaintext request)."""
    code = ("const ASAAS_URL = 'http://sandbox.asaas.com/api/v3/transfers';\n"
            "router.route('/api/v3/transfers').post((req, res) => {\n  console.log('fake of', ASAAS_URL);\n"
            "  res.json({ id: 'tra_1' });\n});\n")
    assert _findings(tmp_path, "fake.ts", code) == []


def test_a_mock_servers_handler_for_the_transfers_url_is_no_transfer_sent(tmp_path: Path) -> None:
    """MSW's handler is given the very URL it answers for, and sets its response's headers."""
    code = ("import { http, HttpResponse } from 'msw';\n\nexport const handlers = [\n"
            "  http.post('https://api.iugu.com/v1/transfers', async () => {\n"
            "    return HttpResponse.json({ id: 'TR1' }, { headers: { 'Content-Type': 'application/json' } });\n"
            "  }),\n];\n")
    assert _findings(tmp_path, "handlers.ts", code) == []


def test_a_route_given_its_options_after_its_path_is_no_transfer_sent(tmp_path: Path) -> None:
    """Fastify's route options (a schema) and Express's middleware list between the path and the handler are no
    body sent."""
    code = ("const IUGU_URL = 'https://api.iugu.com/v1/transfers';\n\n"
            "fastify.post('/v1/transfers', { schema: { body: transferSchema } }, async (request, reply) => {\n"
            "  request.log.info({ upstream: IUGU_URL });\n"
            "  reply.header('Content-Type', 'application/json').code(200);\n  return { id: 'TR1' };\n});\n\n"
            "app.post('/v1/transfers', [auth, validate], (req, res) => {\n  console.log(IUGU_URL);\n"
            "  res.set('Content-Type', 'application/json').send({ id: 'TR2' });\n});\n")
    assert _findings(tmp_path, "fake-iugu.js", code) == []


def test_a_route_written_as_a_map_is_no_transfer_sent_but_its_handlers_fetch_is(tmp_path: Path) -> None:
    """Hapi's ``server.route({method: 'POST', path, handler})``: its method and path are what the handler answers
    (read, it was an unsigned transfer with the response's header); a second route's handler forwards with fetch."""
    code = ("const IUGU_URL = 'https://api.iugu.com/v1/transfers';\n\nserver.route({\n  method: 'POST',\n"
            "  path: '/v1/transfers',\n  handler: (request, h) => {\n    console.log('fake of', IUGU_URL);\n"
            "    return h.response({ id: 'TR1' }).header('Content-Type', 'application/json');\n  },\n});\n")
    assert _findings(tmp_path, "fake-iugu.js", code) == []
    code = ("server.route({\n  method: 'POST',\n  path: '/saque',\n  handler: async (request, h) => {\n"
            "    await fetch('https://api.asaas.com/v3/transfers', {\n      method: 'POST',\n"
            "      headers: { 'Content-Type': 'application/json' },\n      body: request.payload,\n    });\n"
            "    return h.response().code(204);\n  },\n});\n")
    assert _findings(tmp_path, "saque.js", code) == [("asaas-unsigned-transfer", 5)]


def test_a_route_decorator_is_no_request_sent(tmp_path: Path) -> None:
    """A Flask fake beside the plain-HTTP sandbox URL it stands for: the decorator made a plaintext request of it."""
    code = ('from flask import Flask, jsonify\n\napp = Flask(__name__)\n'
            'ASAAS_URL = "http://sandbox.asaas.com/api/v3/transfers"\n\n\n'
            '@app.post("/api/v3/transfers")\ndef transfer():\n    return jsonify({"id": "tra_1"})\n')
    assert [rule for rule, _ in _findings(tmp_path, "fake_asaas.py", code)] == []


def test_a_stub_given_its_responses_status_is_no_transfer_sent(tmp_path: Path) -> None:
    """A local fake installed outside the tests (aioresponses' ``m.post(url, status=200, headers=…)``) and a Cypress
    support file's ``cy.intercept('POST', url, {statusCode: 200, headers})``: the headers are the response's."""
    code = ("from aioresponses import aioresponses\n\n\ndef offline_asaas():\n    m = aioresponses()\n"
            "    m.start()\n"
            "    m.post(\"https://api.asaas.com/v3/transfers\", status=200, payload={\"id\": \"tra_1\"},\n"
            "           headers={\"Content-Type\": \"application/json\"})\n    return m\n")
    assert _findings(tmp_path, "offline.py", code) == []
    code = ("export function interceptPayouts() {\n  cy.intercept('POST', 'https://api.iugu.com/v1/transfers', {\n"
            "    statusCode: 200,\n    headers: { 'Content-Type': 'application/json' },\n    body: { id: 'TR1' },\n"
            "  }).as('transfer');\n}\n")
    assert _findings(tmp_path, "commands.ts", code) == []


def test_a_routes_handler_that_forwards_sends_that(tmp_path: Path) -> None:
    """A proxy's route forwards the payout with fetch: the fetch is read, the route is not."""
    code = ("app.post('/saque', async (req, res) => {\n"
            "  const r = await fetch('https://api.asaas.com/v3/transfers', {\n    method: 'POST',\n"
            "    headers: { 'Content-Type': 'application/json', access_token: process.env.ASAAS_KEY },\n"
            "    body: JSON.stringify(req.body),\n  });\n  res.json(await r.json());\n});\n")
    assert _findings(tmp_path, "proxy.js", code) == [("asaas-unsigned-transfer", 2)]


def test_a_call_given_data_and_a_callback_sends(tmp_path: Path) -> None:
    """jQuery's ``$.post(url, data, function (r) …)`` takes a callback after the body it sends: no route."""
    code = ("function pay() {\n  $.post('http://api.iugu.com/v1/transfers', '{\"amount_cents\": 100}',\n"
            "    function (r) { console.log(r); });\n}\n")
    assert ("iugu-plaintext-request", 2) in _findings(tmp_path, "pay.js", code)


def test_a_call_given_its_options_map_and_a_callback_sends(tmp_path: Path) -> None:
    """request's ``request.post({url, body}, (err, res) => …)``: the map names what it sends."""
    code = ("function pay(done) {\n  request.post({ url: 'http://api.iugu.com/v1/transfers', body: '{}' },\n"
            "    (err, res) => done(err, res));\n}\n")
    assert ("iugu-plaintext-request", 2) in _findings(tmp_path, "pay.js", code)


def test_a_function_that_sends_then_answers_with_a_status_sends(tmp_path: Path) -> None:
    """A serverless payout sends with fetch and returns ``{statusCode: 200, …}``, and a Cloudflare worker answers
    with ``new Response(…, {status: 200})``: the status is given to no call that sends."""
    code = ("exports.handler = async (event) => {\n"
            "  const r = await fetch('https://api.asaas.com/v3/transfers', {\n    method: 'POST',\n"
            "    headers: { 'Content-Type': 'application/json', access_token: process.env.ASAAS_KEY },\n"
            "    body: event.body,\n  });\n"
            "  const answer = new Response(await r.text(), { status: 200 });\n"
            "  return { statusCode: 200, body: await answer.text() };\n};\n")
    assert _findings(tmp_path, "payout.js", code) == [("asaas-unsigned-transfer", 2)]


def test_a_status_in_digits_int_refuses_costs_no_transfer_beside_it(tmp_path: Path) -> None:
    """``status="²"``: a superscript two is a digit to ``str.isdigit`` and none to ``int()``: the file was an
    internal error, and the unsigned transfer another function sends was lost. A status is three ASCII digits."""
    code = ("import requests\n\n\ndef transfer(amount):\n"
            "    body = '{\"amount_cents\": 1050}'\n"
            "    return requests.post(\"https://api.iugu.com/v1/transfer_requests\", data=body)\n\n\n"
            "def other():\n    return requests.get(\"https://api.iugu.com/v1/accounts\", status=\"\u00b2\")\n")
    assert _findings(tmp_path, "payouts.py", code) == [("iugu-unsigned-transfer", 6)]


def test_a_call_given_a_url_variable_and_a_callback_sends(tmp_path: Path) -> None:
    """jQuery's ``$.post(url, function (r) …)`` and ``$.post(url, data, function (r) …)`` given variables: a URL
    variable first (no path) and data before the callback were read as a route's path and middleware, and the
    plain-HTTP transfer was lost."""
    code = ("function pay() {\n  var url = 'http://api.iugu.com/v1/transfers';\n"
            "  var data = '{\"amount_cents\": 100}';\n  $.post(url, data, function (r) { console.log(r); });\n}\n\n"
            "function payOne() {\n  const url = 'http://api.iugu.com/v1/transfers';\n"
            "  $.post(url, (r) => console.log(r));\n}\n")
    found = _findings(tmp_path, "pay.js", code)
    assert ("iugu-plaintext-request", 2) in found and ("iugu-plaintext-request", 8) in found, found


def test_a_route_given_a_path_variable_or_on_a_route_given_middleware_is_no_transfer_sent(tmp_path: Path) -> None:
    """A route's path bound to a name the group writes, and middleware before the handler of a route its path was
    given to (``router.route('/x').post(auth, …)``), still register."""
    code = ("const ASAAS_URL = 'http://sandbox.asaas.com/api/v3/transfers';\nconst PATH = '/api/v3/transfers';\n"
            "app.post(PATH, (req, res) => {\n  console.log('fake of', ASAAS_URL);\n  res.json({ id: 'tra_1' });\n"
            "});\nrouter.route('/api/v3/transfers').post(auth, (req, res) => {\n"
            "  console.log('fake of', ASAAS_URL);\n  res.json({ id: 'tra_1' });\n});\n")
    assert _findings(tmp_path, "fake.js", code) == []


def test_a_route_whose_path_is_kept_elsewhere_is_no_transfer_sent(tmp_path: Path) -> None:
    """A route given its path as a name the group does not bind (``ROUTES.syncTransfers``, a constant imported) or
    as a template, with middleware: a registration, whose handler's ``fetch`` sends with its own method (read as a
    send, the route's method and the fetch's URL made a transfer no code sends; or two methods, and the fetch's
    transfer lost)."""
    fetch = ("  const r = await fetch('https://api.asaas.com/v3/transfers?limit=100', {\n"
             "    headers: { access_token: process.env.ASAAS_KEY, 'User-Agent': 'payouts/1.0' } });\n"
             "  res.json(await r.json());\n});\n")
    for opening in ("app.post(ROUTES.syncTransfers, async (req, res) => {\n",
                    "app.post(`${PREFIX}/transfers/sync`, authenticate, async (req, res) => {\n"):
        assert _findings(tmp_path, "routes.js", opening + fetch) == []
    sends = ("app.patch(routes.payout, async (req, res) => {\n"
             "  await fetch('https://api.asaas.com/v3/transfers', {method: 'POST',\n"
             "    headers: { access_token: process.env.ASAAS_KEY, 'User-Agent': 'payouts/1.0' },\n"
             "    body: JSON.stringify(req.body) });\n  res.sendStatus(204);\n});\n")
    assert _findings(tmp_path, "payout.js", sends) == [("asaas-unsigned-transfer", 2)]
