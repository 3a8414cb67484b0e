"""A tree with one of every kind of leak, for the end-to-end input/output tests."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

from helpers.credentials import asaas_key, basic, iugu_line, iugu_token, user_password


class Secrets(dict):
    """Generated secrets by name; its repr hides them, so a traceback that shows a test's
    arguments (pytest does) cannot print them."""

    def __repr__(self) -> str:
        return f"<{len(self)} generated secrets: {', '.join(self)}>"


def write_at(folder: Path, name: str, text: str) -> Path:
    """``text`` written (UTF-8) at ``folder / name``, its folders made: a file of a tree a test builds."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def truncated_gzip(text: bytes) -> bytes:
    """``text`` gzipped and cut off two thirds of the way through."""
    packed = gzip.compress(text)
    return packed[: len(packed) * 2 // 3]


def plant_tree(root: Path) -> Secrets:
    """Files under ``root/logs`` and ``root/src`` that leak one generated secret each; returns
    every secret by a name (and the forms a report must not show either: base64 values, the
    decoded ``user:password``, the Asaas payload without its prefix)."""
    logs, src = root / "logs", root / "src"
    logs.mkdir(parents=True)
    src.mkdir(parents=True)
    s = Secrets({
        "asaas-prod": asaas_key("prod"),
        "asaas-hmlg": asaas_key("hmlg"),
        "iugu-query": iugu_token(),
        "iugu-basic-token": iugu_token(),
        "iugu-curl": iugu_token(),
        "iugu-plain-url": iugu_token(),
        "iugu-har": iugu_token(),
        "iugu-gz": iugu_token(),
        "iugu-broken-gz": iugu_token(),
    })
    user, password = user_password()
    s["password"] = password
    s["user:password"] = f"{user}:{password}"
    s["basic-user-password"] = basic(user, password)
    s["basic-iugu"] = basic(s["iugu-basic-token"])
    s["asaas-prod-payload"] = s["asaas-prod"][len("$aact_prod_000"):]
    s["asaas-hmlg-payload"] = s["asaas-hmlg"][len("$aact_hmlg_000"):]

    (logs / "access.log").write_text(
        '10.0.0.7 - - [22/Nov/2026:10:00:01 -0300] "' + iugu_line(s["iugu-query"]) + '" 200 512\n'
        '10.0.0.8 - - [22/Nov/2026:10:00:02 -0300] "GET /health HTTP/1.1" 200 2\n')
    (logs / "http-debug.log").write_text(
        "> POST /v1/customers HTTP/1.1\n> Host: api.iugu.com\n"
        f"> Authorization: Basic {s['basic-iugu']}\n>\n"
        "> GET /internal/report HTTP/1.1\n"
        f"> Authorization: Basic {s['basic-user-password']}\n")
    (logs / "deploy.sh").write_text(
        "#!/bin/sh\n"
        f"curl -X POST https://api.iugu.com/v1/transfer_requests -u {s['iugu-curl']}: "
        "-d '{\"amount_cents\": 1000, \"transfer_type\": \"pix\"}'\n"
        f"curl 'http://api.iugu.com/v1/invoices?api_token={s['iugu-plain-url']}'\n")
    har = {"log": {"version": "1.2", "creator": {"name": "test", "version": "1"}, "entries": [{
        "startedDateTime": "2026-11-22T10:00:00.000-03:00", "time": 1,
        "request": {"method": "GET", "url": f"https://api.iugu.com/v1/invoices?api_token={s['iugu-har']}",
                    "httpVersion": "HTTP/1.1", "cookies": [],
                    "headers": [{"name": "access_token", "value": s["asaas-hmlg"]}],
                    "queryString": [{"name": "api_token", "value": s["iugu-har"]}], "headersSize": -1, "bodySize": 0},
        "response": {"status": 200, "statusText": "OK", "httpVersion": "HTTP/1.1", "cookies": [], "headers": [],
                     "content": {"size": 0, "mimeType": "application/json"}, "redirectURL": "",
                     "headersSize": -1, "bodySize": 0},
        "cache": {}, "timings": {"send": 0, "wait": 1, "receive": 0}}]}}
    (logs / "capture.har").write_text(json.dumps(har, indent=2))
    (logs / "app.log.1").write_bytes(gzip.compress(("boot\n" + iugu_line(s["iugu-gz"]) + "\n").encode()))
    broken = ("start\n" + iugu_line(s["iugu-broken-gz"]) + "\n").encode() + os.urandom(100_000).hex().encode()
    (logs / "zz-broken.log.gz").write_bytes(truncated_gzip(broken))
    (src / "settings.env").write_text(f"ASAAS_API_KEY={s['asaas-prod']}\nDEBUG=false\n")
    (src / "sandbox.py").write_text(f'ASAAS_KEY = "{s["asaas-hmlg"]}"\nBASE = "https://api-sandbox.asaas.com/v3"\n')
    return s


# the secrets of :func:`plant_tree` a scan must find (the others are other forms of these)
FOUND_IN_TREE = ("asaas-prod", "asaas-hmlg", "iugu-query", "iugu-basic-token", "iugu-curl", "iugu-plain-url",
                 "iugu-har", "iugu-gz", "iugu-broken-gz", "user:password")
