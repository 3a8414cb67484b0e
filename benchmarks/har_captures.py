"""HAR 1.2 captures for benchmarks/run_har.py, seeded: the shapes a HAR reader's cost depends on.

Browser page loads (many small entries: headers, cookies, HTML and script bodies, base64 images and fonts, a few
calls to the payment APIs with credentials), the same with bodies 40 times as large (few entries, the bytes in
bodies), the same with every body in base64 as some exporters write text too (mitmproxy, Firefox: each decoded
before it is scanned), a backend's capture where every entry calls a provider (credentials mostly masked, some
leaked, a fifth of the calls transfers, half of those signed: every entry a request the request rules judge), and
one upload to a provider's API of the capture's size (the memory one entry costs), plain or with a keyword every
50 records. The first two are written as before this module was split out of run_har.py (the same seed gives the
same bytes), so figures stay comparable across sessions.
"""

from __future__ import annotations

import base64
import json
import random
import uuid
from pathlib import Path

from generate_logs import AGENTS, WORDS, _hex, fake_asaas_key
from provider_traffic import _call

SITE = "https://shop.example.com.br"
ASSETS = ["/static/app.js", "/static/vendor.js", "/static/main.css", "/img/banner.png", "/img/logo.webp",
          "/fonts/inter.woff2", "/", "/checkout", "/cart", "/api/session"]


def _pairs(items: dict[str, str]) -> list[dict[str, str]]:
    return [{"name": name, "value": value} for name, value in items.items()]


def _words(rng: random.Random, count: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(count))


def _headers(rng: random.Random, host: str) -> dict[str, str]:
    return {":authority": host, "accept": "*/*", "accept-encoding": "gzip, deflate, br",
            "accept-language": "pt-BR,pt;q=0.9,en;q=0.8", "user-agent": rng.choice(AGENTS),
            "cookie": "; ".join(f"{rng.choice(WORDS)}_{i}={_hex(rng, 24)}" for i in range(rng.randint(3, 9))),
            "referer": f"{SITE}/{rng.choice(WORDS)}", "sec-ch-ua-platform": '"Linux"',
            "sec-fetch-mode": rng.choice(["cors", "navigate", "no-cors"]),
            "x-request-id": str(uuid.UUID(int=rng.getrandbits(128)))}


def _content(rng: random.Random, path: str, scale: int) -> dict[str, object]:
    """A response body as exporters write it: text as is, binary as base64; ``scale`` times the
    size of a page load's (bundles, fonts and JSON dumps of a single-page app)."""
    if path.endswith((".png", ".webp", ".woff2")):
        data = base64.b64encode(rng.randbytes(rng.randint(300, 12_000) * scale)).decode()
        return {"size": len(data) * 3 // 4, "mimeType": "image/png", "text": data, "encoding": "base64"}
    if path.endswith(".js"):  # quotes, backslashes and line ends: the escapes a decoder must undo
        lines = (f'const {rng.choice(WORDS)}_{i} = "{_words(rng, 6)}".split("\\s");'
                 for i in range(rng.randint(5, 120) * scale))
        text = "\n".join(lines)
        return {"size": len(text), "mimeType": "application/javascript", "text": text}
    text = "\n".join(f"<p class=\"{rng.choice(WORDS)}\">{_words(rng, 12)}</p>"
                     for _ in range(rng.randint(1, 30) * scale))
    return {"size": len(text), "mimeType": "text/html; charset=utf-8", "text": text}


def _api_call(rng: random.Random, keys: list[str], tokens: list[str]) -> tuple[str, str, dict[str, str], str | None]:
    """(method, url, headers, body) of a call to one of the payment APIs, with its credential."""
    body = json.dumps({"customer": str(uuid.UUID(int=rng.getrandbits(128))), "value": rng.randint(100, 99_999) / 100,
                       "description": _words(rng, 6)})
    roll = rng.random()
    if roll < 0.4:
        return "POST", "https://api.asaas.com/v3/payments", {"access_token": rng.choice(keys)}, body
    if roll < 0.7:
        token = base64.b64encode(f"{rng.choice(tokens)}:".encode()).decode()
        return ("GET", f"https://api.iugu.com/v1/invoices?limit={rng.randint(1, 100)}",
                {"authorization": f"Basic {token}"}, None)
    if roll < 0.9:
        return "GET", f"https://api.iugu.com/v1/customers?api_token={rng.choice(tokens)}", {}, None
    return "POST", "https://api.iugu.com/v1/charge", {}, json.dumps({"api_token": rng.choice(tokens), "items": []})


def har_entry(rng: random.Random, keys: list[str], tokens: list[str], scale: int = 1) -> dict[str, object]:
    if rng.random() < 0.05:
        method, url, extra, body = _api_call(rng, keys, tokens)
        content: dict[str, object] = {"size": 120, "mimeType": "application/json",
                                      "text": json.dumps({"id": _hex(rng, 32), "status": "PENDING"})}
    else:
        path = rng.choice(ASSETS)
        method, url, extra, body = "GET", f"{SITE}{path}?v={_hex(rng, 8)}", {}, None
        content = _content(rng, path, scale)
    host = url.split("/")[2].split("?")[0]
    request: dict[str, object] = {
        "method": method, "url": url, "httpVersion": "HTTP/2",
        "headers": _pairs({**_headers(rng, host), **extra}), "queryString": [],
        "cookies": [{"name": rng.choice(WORDS), "value": _hex(rng, 24)} for _ in range(rng.randint(0, 4))],
        "headersSize": -1, "bodySize": len(body or "")}
    if body is not None:
        request["postData"] = {"mimeType": "application/json", "text": body}
    return {
        "_initiator": {"type": "script", "url": f"{SITE}/static/app.js", "lineNumber": rng.randint(1, 9000)},
        "_priority": "High", "_resourceType": rng.choice(["document", "script", "fetch", "image"]),
        "cache": {}, "connection": str(rng.randint(1000, 99999)), "pageref": "page_1",
        "request": request,
        "response": {"status": 200, "statusText": "", "httpVersion": "HTTP/2",
                     "headers": _pairs({"content-type": str(content["mimeType"]), "server": "nginx",
                                        "date": "Sun, 22 Nov 2026 10:00:00 GMT", "etag": f'"{_hex(rng, 32)}"',
                                        "cache-control": "max-age=3600", "x-amz-cf-id": _hex(rng, 40)}),
                     "cookies": [], "content": content, "redirectURL": "", "headersSize": -1,
                     "bodySize": -1, "_transferSize": rng.randint(200, 90_000), "_error": None},
        "serverIPAddress": f"10.0.{rng.randint(0, 255)}.{rng.randint(1, 254)}",
        "startedDateTime": f"2026-11-22T10:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"
                           f".{rng.randint(0, 999):03d}Z",
        "time": rng.random() * 900,
        "timings": {"blocked": rng.random(), "dns": -1, "ssl": -1, "connect": -1, "send": rng.random(),
                    "wait": rng.random() * 500, "receive": rng.random() * 40, "_blocked_queueing": rng.random()},
    }


def generate(path: Path, megabytes: int, seed: int, scale: int = 1) -> int:
    """Write a HAR of about ``megabytes`` MB to ``path``, its bodies ``scale`` times a page
    load's; return its number of entries."""
    rng = random.Random(seed)
    keys = [fake_asaas_key(rng) for _ in range(4)]
    tokens = [_hex(rng, 32) for _ in range(4)]
    entries, size = [], 0
    while size < megabytes * 1_000_000:
        entry = har_entry(rng, keys, tokens, scale)
        size += len(json.dumps(entry, indent=2)) + 4 * 40  # roughly what the nesting indents add
        entries.append(entry)
    document = {"log": {"version": "1.2", "creator": {"name": "WebInspector", "version": "537.36"},
                        "pages": [{"startedDateTime": "2026-11-22T10:00:00.000Z", "id": "page_1",
                                   "title": SITE, "pageTimings": {"onContentLoad": 812, "onLoad": 1430}}],
                        "entries": entries}}
    path.write_text(json.dumps(document, indent=2), encoding="utf-8")
    return len(entries)


def generate_upload(path: Path, megabytes: int, seed: int, token_every: int = 0) -> int:
    """Write a HAR of a page load's few entries and one call to a provider's API that posts a body of about
    ``megabytes`` MB (a bulk import: a JSON list of records, every ``token_every``-th with a ``token`` of its
    own); return its number of entries. The worst case for an entry's memory: a capture is read in the memory
    of its largest entry."""
    rng = random.Random(seed)
    keys, tokens = [fake_asaas_key(rng) for _ in range(4)], [_hex(rng, 32) for _ in range(4)]
    entries = [har_entry(rng, keys, tokens) for _ in range(40)]
    records: list[dict[str, object]] = [
        {"customer": str(uuid.UUID(int=rng.getrandbits(128))), "value": rng.randint(100, 99_999) / 100,
         "description": _words(rng, 12), "tags": [_hex(rng, 6) for _ in range(3)]}
        for _ in range(megabytes * 1_000_000 // 200)]
    for record in records[::token_every] if token_every else []:
        record["token"] = f"import-token-{_hex(rng, 12)}"
    upload = har_entry(rng, keys, tokens)
    upload["request"].update({"method": "POST", "url": "https://api.asaas.com/v3/customers/import",  # type: ignore
                              "postData": {"mimeType": "application/json", "text": json.dumps(records)}})
    entries.insert(len(entries) // 2, upload)
    document = {"log": {"version": "1.2", "creator": {"name": "WebInspector", "version": "537.36"},
                        "entries": entries}}
    path.write_text(json.dumps(document, indent=2), encoding="utf-8")
    return len(entries)


def _base64_bodies(entry: dict[str, object]) -> None:
    """``entry``'s text response body written in base64, as mitmproxy and Firefox write some."""
    content = entry["response"]["content"]  # type: ignore[index]
    if content.get("encoding") != "base64":
        content["text"] = base64.b64encode(content["text"].encode()).decode()
        content["encoding"] = "base64"


def _provider_call(rng: random.Random, entry: dict[str, object]) -> None:
    """``entry``'s request made a call to a provider's API as a backend sends it (see provider_traffic)."""
    method, url, headers, body = _call(rng)
    request: dict[str, object] = entry["request"]  # type: ignore[assignment]
    request.update({"method": method, "url": url, "headers": [{"name": n, "value": v} for n, v in headers],
                    "cookies": [], "bodySize": len(body)})
    request.pop("postData", None)
    if body:
        request["postData"] = {"mimeType": "application/json", "text": body}
    entry["response"]["content"] = {  # type: ignore[index]
        "size": 120, "mimeType": "application/json",
        "text": json.dumps({"id": _hex(rng, 32), "status": "PENDING", "value": rng.randint(100, 90000) / 100})}


def generate_shaped(path: Path, megabytes: int, seed: int, shape: str) -> int:
    """Write a HAR of about ``megabytes`` MB of page loads reshaped: ``base64`` (every body in base64) or
    ``provider`` (every request a call to a provider's API); return its number of entries."""
    rng, shaping = random.Random(seed), random.Random(seed + 1)
    keys, tokens = [fake_asaas_key(rng) for _ in range(4)], [_hex(rng, 32) for _ in range(4)]
    entries, size = [], 0
    while size < megabytes * 1_000_000:
        entry = har_entry(rng, keys, tokens)
        if shape == "base64":
            _base64_bodies(entry)
        else:
            _provider_call(shaping, entry)
        size += len(json.dumps(entry, indent=2)) + 4 * 40
        entries.append(entry)
    document = {"log": {"version": "1.2", "creator": {"name": "mitmproxy", "version": "10.1"}, "entries": entries}}
    path.write_text(json.dumps(document, indent=2), encoding="utf-8")
    return len(entries)
