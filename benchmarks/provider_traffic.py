"""Outbound calls to the Asaas and iugu APIs as other systems log them, for the benchmarks.

Each call is one record in one of the shapes production logs carry: a JSON request record (flat,
nested ``http.*``, ECS ``url.full``/``http.request``, ``request_headers``/``request_body``,
headers as a list of pairs, pretty-printed over several lines), a container-log envelope whose
``log`` string holds such a record, a curl command, an OkHttp, Feign, Faraday or .NET HttpClient
debug dump, or a raw HTTP dump. Some calls are transfers, signed or
not. Credentials are fake (random), with the structure real ones have.
"""

from __future__ import annotations

import base64
import json
import random
import uuid
from typing import Callable

ASAAS, IUGU = "https://api.asaas.com/v3", "https://api.iugu.com/v1"
READS = [(ASAAS, "GET", "/customers?limit=10"), (ASAAS, "GET", "/payments?status=PENDING"),
         (IUGU, "GET", "/invoices?limit=20"), (IUGU, "GET", "/customers")]
TRANSFERS = [(ASAAS, "POST", "/transfers"), (IUGU, "POST", "/transfer_requests")]


def _hex(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def _asaas_key(rng: random.Random) -> str:
    payload = f"{_hex(rng, 32)}::{uuid.UUID(int=rng.getrandbits(128))}::$aach_{uuid.UUID(int=rng.getrandbits(128))}"
    return "$aact_prod_000" + base64.b64encode(payload.encode()).decode()


def _call(rng: random.Random) -> tuple[str, str, list[tuple[str, str]], str]:
    """(method, url, headers, body) of one call; a fifth are transfers, half of those signed. Most
    clients mask the credential when they log a call; one call in twenty leaks it."""
    base, method, path = rng.choice(TRANSFERS) if rng.random() < 0.2 else rng.choice(READS)
    headers = [("Content-Type", "application/json"), ("User-Agent", "billing-service/2.3")]
    leaks = rng.random() < 0.05
    if base == ASAAS:
        headers.append(("access_token", _asaas_key(rng) if leaks else "***"))
    else:
        token = _hex(rng, 32)
        headers.append(("Authorization", "Basic " + (base64.b64encode(f"{token}:".encode()).decode() if leaks
                                                     else "****")))
    body = ""
    if method == "POST":
        body = json.dumps({"value": rng.randint(100, 90000) / 100, "pixAddressKey": f"{_hex(rng, 8)}@example.com",
                           "description": "payout"})
        if rng.random() < 0.5:
            headers += [("Request-Time", "2026-11-22T10:00:00-03:00"),
                        ("Signature", "signature=" + base64.b64encode(rng.randbytes(256)).decode())]
    return method, base + path, headers, body


def _stamp(rng: random.Random) -> str:
    return f"2026-11-22T10:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}.{rng.randint(0, 999):03d}Z"


def flat_json(rng: random.Random) -> str:
    method, url, headers, body = _call(rng)
    return json.dumps({"ts": _stamp(rng), "level": "DEBUG", "msg": "outbound request", "method": method, "url": url,
                       "headers": dict(headers), "body": body})


def nested_json(rng: random.Random) -> str:
    method, url, headers, body = _call(rng)
    return json.dumps({"time": _stamp(rng), "http": {"method": method, "url": url, "headers": dict(headers),
                                                     "body": body}})


def ecs_json(rng: random.Random) -> str:
    method, url, headers, body = _call(rng)
    return json.dumps({"@timestamp": _stamp(rng), "url": {"full": url},
                       "http": {"request": {"method": method, "headers": dict(headers), "body": {"content": body}}}})


def pairs_json(rng: random.Random) -> str:
    method, url, headers, body = _call(rng)
    return json.dumps({"ts": _stamp(rng), "request": {"method": method, "uri": url},
                       "request_headers": [[name, value] for name, value in headers], "request_body": body})


def container_envelope(rng: random.Random) -> str:
    return json.dumps({"log": flat_json(rng) + "\n", "stream": "stdout", "time": _stamp(rng)})


def curl_command(rng: random.Random) -> str:
    method, url, headers, body = _call(rng)
    parts = [f"curl -X {method} '{url}'"] + [f"-H '{name}: {value}'" for name, value in headers]
    if body:
        parts.append(f"-d '{body}'")
    return " ".join(parts)


def okhttp_dump(rng: random.Random) -> str:
    method, url, headers, body = _call(rng)
    lines = [f"--> {method} {url}"] + [f"{name}: {value}" for name, value in headers]
    if body:
        lines += ["", body, f"--> END {method} ({len(body)}-byte body)"]
    else:
        lines.append(f"--> END {method}")
    return "\n".join(f"I/okhttp.OkHttpClient: {line}" for line in lines)


def raw_dump(rng: random.Random) -> str:
    method, url, headers, body = _call(rng)
    scheme_host, _, path = url.partition("://")[2].partition("/")
    lines = [f"{method} /{path} HTTP/1.1", f"Host: {scheme_host}"] + [f"{name}: {value}" for name, value in headers]
    if body:
        lines += [f"Content-Length: {len(body)}", "", body]
    return "\n".join(lines) + "\n"


def feign_dump(rng: random.Random) -> str:
    """Feign's full logger through Spring Boot's console pattern: the prefix on every line."""
    method, url, headers, body = _call(rng)
    lines = [f"---> {method} {url} HTTP/1.1"] + [f"{name}: {value}" for name, value in headers]
    if body:
        lines += [f"Content-Length: {len(body)}", "", body]
    lines.append(f"---> END HTTP ({len(body)}-byte body)")
    prefix = f"2026-11-22 {_stamp(rng)[11:23]} DEBUG 1 --- [nio-8080-exec-{rng.randint(1, 9)}] c.e.p.IuguClient : [IuguClient#call] "
    return "\n".join(prefix + line for line in lines)


def faraday_dump(rng: random.Random) -> str:
    """Faraday's logger middleware (headers: true, bodies: true): the request line and the
    first header prefixed, the other headers on their own lines, values quoted."""
    method, url, headers, body = _call(rng)
    prefix = f"I, [{_stamp(rng)[:-1]} #{rng.randint(100, 999)}]  INFO -- request: "
    quoted = [f"{name}: {json.dumps(value)}" for name, value in headers]
    lines = [prefix + f"{method} {url}", prefix + quoted[0], *quoted[1:]]
    return "\n".join(lines + ([prefix + body] if body else []))


def dotnet_dump(rng: random.Random) -> str:
    """.NET's HttpClient logging (ClientHandler, Trace): the request line, then its headers."""
    method, url, headers, body = _call(rng)
    lines = ["trce: System.Net.Http.HttpClient.payouts.ClientHandler[102]", "      Request Headers:"]
    lines += [f"      {name}: {value}" for name, value in headers]
    return "\n".join(["info: System.Net.Http.HttpClient.payouts.ClientHandler[100]",
                      f"      Sending HTTP request {method} {url}", *lines])


def pretty_json(rng: random.Random) -> str:
    """A request record pretty-printed over several lines (a JSON formatter with indentation on)."""
    method, url, headers, body = _call(rng)
    return json.dumps({"ts": _stamp(rng), "level": "DEBUG", "request": {"method": method, "url": url,
                                                                        "headers": dict(headers), "body": body}},
                      indent=2)


SHAPES: list[Callable[[random.Random], str]] = [flat_json, nested_json, ecs_json, pairs_json, container_envelope,
                                                curl_command, okhttp_dump, raw_dump, feign_dump, faraday_dump,
                                                dotnet_dump, pretty_json]


ONE_LINE_JSON = [flat_json, nested_json, ecs_json, pairs_json, container_envelope]  # each record on one line


def provider_call(rng: random.Random, shapes: list[Callable[[random.Random], str]] = SHAPES) -> str:
    """One outbound provider call, in one of ``shapes`` chosen at random."""
    return rng.choice(shapes)(rng)
