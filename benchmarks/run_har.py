"""A large HAR capture: keyaudit's wall time and peak RSS against ``json.load`` of the same file.

Generates (seeded) two browser-style HAR 1.2 exports of about ``--megabytes`` MB each,
pretty-printed as Chrome and Firefox write them: page loads with many headers and cookies, HTML and
script bodies, base64 images and fonts, and calls to api.iugu.com and api.asaas.com carrying
credentials (Basic auth, ``access_token`` headers, ``api_token`` query parameters and JSON bodies);
``capture-*.har`` as a page load records them, ``bodies-*.har`` with bodies 40 times as large (the
worst case for bytes: few entries, each a bundle, a font or an image to decode and scan, scripts
full of escapes). Then runs, for each, as separate processes in alternating order, ``python -c
'json.load(…)'`` (the floor any HAR reader has to pay: parsing the document) and ``keyaudit scan``
on it, and prints medians of wall and CPU seconds, peak RSS and keyaudit's ratios to the baseline
from the same run (CPU seconds say more than wall seconds on a machine shared with other work).
Run by hand, not in CI (let Python write its bytecode cache, or every run compiles the package):

    python benchmarks/run_har.py /tmp/harbench [--megabytes 50] [--rounds 3]

Measured (a 2-core machine shared with other work, load 1-3, medians of 5 rounds, CPU seconds; in
brackets the whole process against the previous version, paired and alternating, 11 pairs,
median of the ratios — within the machine's noise, which spans 0.73-1.27 pair to pair):

| capture | keyaudit | ``json.load`` | ratio | against before | peak RSS |
| --- | --- | --- | --- | --- | --- |
| ``capture-50mb.har``, 54.2 MB, 6,883 entries | 0.95 s | 0.33 s, 206 MB | 2.85x | 2.85x before (1.02) | 40 MB |
| ``bodies-50mb.har``, 50.2 MB, 292 entries | 0.38 s | 0.14 s, 155 MB | 2.79x | 2.81x before (1.02) | 41 MB |

Since then (a later session, load 5-21, CPU seconds, 9 rounds paired with the version before,
median of the pairs' ratios): binary base64 bodies left out of the joint pass and the request
judge's host test made cheap, ``capture-50mb.har`` 0.99x (3.66x ``json.load`` against 3.70x in
the same rounds: within the noise); ``bodies-50mb.har`` 0.90x (2.82x against 3.19x). At that
load every figure is half again what it is on a quiet machine; the ratios hold.

Issue 14's target is 2x with at most 150 MB: memory is met, time is not. Where the time goes, in
CPU seconds of one process on the page loads (each part timed alone): start-up 0.11-0.15 (an
empty capture; about 35 ms of it the making of 86 dataclasses, 10 ms loading 26 C extensions, 10
ms compiling 93 ``re`` patterns at import); streaming the document and parsing each entry 0.17
(what ``json.load`` pays, and less: it builds the whole document); the walk of each entry's
strings 0.13 (about 100 values an entry, under 0.2 µs each: the loop is as tight as Python
makes it); its request built 0.07 (half of it ``urlsplit``) and written out 0.04; the rules'
joint pass 0.14; the request rules 0.05 (less than half since: their host test looks for the
providers' hosts in the URL before splitting it); for the 5% of entries that call a provider, the
credentials of the request found and each field with a hit scanned alone and placed, 0.10.
Without start-up and the parse, the 2x budget (0.66 s) leaves 0.38 s for 0.53 s of per-entry work.
Start-up, the parse, the walk and the engine's pass alone come to 0.55-0.60 s: no rework of the
rest can bring one process within 2x. Two ways that were measured and do not pay: finding the
strings of an entry in its JSON text with one regular expression and decoding them in one
``json.loads`` (0.65 s for the capture, five times the walk: Python's ``re`` reads a literal at
about 80 MB/s), and a walk that takes a dict's strings in bulk (no faster). Splitting one capture
between two forked processes, each parsing the whole document and reading, matching and judging
the entries of its half, cut each one's CPU seconds to 0.72 against 1.10 for one (loaded
machine): on two idle cores that would be about 1.9x in wall time (an estimate, not built), at
some 0.2 s more CPU.

Skipping that work for entries that cannot hold a finding, decided from the engine's hits over
the entry's raw bytes, does not work here: every Chrome entry names ``sec-ch-ua*`` headers, which
hold ``-u``, a keyword of ``iugu-api-token-curl-user``, so all 6,883 entries of the capture hold
a keyword in their raw bytes (many more than that one: ``curl`` of a user agent, a doubled
backslash of a script, a base64 form in an image). Asking the rules' own patterns of
the raw bytes instead would not be sound: a header's value is read after its name
(``access_token: …`` is in no string of the file), every HTML and script body carries escapes
(``\\n``, ``\\"``) that change what a pattern sees, and a rule anchored at ``^`` needs the string
on a line of its own. What is sound is leaving out what a scan could not find anything in: a
base64 body whose bytes the binary sniff rejects (an image, a font; told from the first 96 KB it
decodes to, so a long one is never decoded whole) is no longer decoded and scanned in the joint
pass (64% of the benchmark's random image bodies: the capture's joint text 52 MB -> 40 MB). The
bodies capture cannot come within 2x while start-up stays: 2x is 0.28 s, and start-up, the parse
(0.07), one UTF-8 encoding of every string with base64 bodies decoded (0.05, less now that most
image bodies are not decoded) and the engine over 50 MB (0.07, its decoding spans 0.02) made
0.31 s.

Since then, a capture is read by all cores (``--jobs``): each process parses it from its start and
reads the entries of its share, later shares smaller. The benchmark runs ``-j1`` and ``-jN`` (N the
cores this process may use). On this 2-core machine, load about 1.3 (another agent's work on the
other core), 7 rounds: page loads ``-j1`` 1.66 s, ``-j2`` 1.25 s wall (``json.load`` 0.46 s: 3.63x ->
2.74x; CPU 1.66 -> 1.94 s: the second share parses the first's part too); bodies ``-j1`` 0.59 s,
``-j2`` 0.55 s (2.64x -> 2.44x, CPU +50%: that capture is mostly parse, which each share pays). With
farm-bench at load 0.4-0.7, page loads ``-j2`` 1.07 s against ``-j1`` 1.48 s (0.71x). On a loaded
machine the shares wait for a core and ``-j2`` is no faster; peak RSS is 36-41 MB a process.

Since then (issue 14 again; load 2-6, CPU seconds of whole processes, ``-j1``): a plain URL (a
scheme, then an authority with no port, brackets or blanks) is known to split without ``urlsplit``
(building the page loads' requests 0.10 -> 0.05 s); the readers of requests written as text are
not imported by a scan that reads none (an empty capture 0.151 -> 0.142 s, 15 pairs: 0.93x); the
walk that finds the pointers of an entry's fields with a hit stops at the last of them; the
credential-free rules' header test lower-cases a request's names together; a long base64 body's
start is decoded only as far as the binary sniff needs, and a body kept has only its rest decoded
after it (the bodies capture's base64 work 0.048 -> 0.039 s). Paired with the version before, 11
pairs each, median of the ratios: page loads 0.936 s against 1.029 s (0.92x), bodies 0.432 s
against 0.452 s (0.96x). Against ``json.load`` in the same call, 9 pairs: page loads 3.07x (0.964
s against 0.315 s; the version before 3.24x in the same sitting), bodies 2.79x (0.433 s against
0.154 s; before 2.95x); wall time the same ratios (one process, one core). ``run_har.py`` itself,
5 rounds, the same sitting: page loads 2.98x CPU, 3.01x wall (before 3.19x, 3.42x); bodies 2.72x,
2.68x (before 2.85x, 2.82x). The worst case stays the page loads. Peak RSS 40-41 MB.

What is left toward 2x (0.63 s for the page loads at that sitting's 0.315 s), in CPU seconds of
the parts timed alone in one process: start-up 0.14 (imports about 0.09, spread over some 150
modules at under 3 ms each, a third of it making dataclasses); streaming and parsing the entries
0.21 (of which counting lines for every value's place, which ``json.load`` does not, about 0.05:
``str.count`` over 54 MB); the walk 0.17, of which sniffing the 2,029 base64 image bodies 0.05
(decoding 16 MB of base64 at 440 MB/s; a body under the sniff's 64 KiB window has to be decoded
whole to be judged exactly as a scan of its bytes would be); the requests built 0.05 and written
out 0.02; the joint pass 0.09 (Hyperscan over 44 MB 0.05, with 35,000 keyword callbacks, the
confirmations 0.03); the 5% of entries that call a provider about 0.10 (their credentials found
again by the carrier rules 0.08, their fields placed, their rules judged; compiling the confirming
patterns once, 0.02-0.03); the other requests' judging 0.02. Start-up, the parse, the walk and
the joint pass alone come to 0.61 s of the 0.63 s: all the rest (the requests, the provider
entries, judging, batching, the report), 0.35 s now, would have to go to 0.02 s, so the page loads
cannot come within 2x in one process while each entry's strings are walked in Python (``-j2`` is
no way out on this machine: 3.77x wall in that sitting, the other core busy). Two things were measured and do not
change that. An incremental parser: ijson 3.6 with its ``yajl2_c`` backend yields the entries in
0.21 s (the page loads) and 0.125 s (the bodies) against ``jsonstream``'s 0.20 s and 0.09 s, and
gives no line or column. A pass over an entry's raw bytes to skip its walk: of the 6,883 entries,
335 have a hit or a span to decode in their walked text, but every one holds a keyword in its raw
bytes (``-u`` of ``sec-ch-ua``: 6,883; ``base64``: 2,029; ``curl``: 1,719), and confirming the
rules' patterns on raw bytes instead is not sound (a header's value is read after its name; escapes).

Since then, a third capture: ``upload-50mb.har`` (58 MB, 41 entries, one of them an import posted to a
provider's API with a body of 55 MB), the worst case for memory, as a capture is read in the memory of its
largest entry. Paired with the version before (5 pairs, load about 4): peak RSS 401 -> 299 MB (``json.load``
172 MB), CPU 0.67 -> 0.64 s (``json.load`` 0.15 s). The body was held as bytes twice (for the joint pass and as
the request's body: now one object), the request's text copied it again (now joined into the joint pass in
parts), and placing the request's URL parsed every member of the entry after it, the body too (in a text of
megabytes, values are now passed over by their quotes and brackets), from a copy of the entry's text (now placed
in the stream's window). An entry holding a transfer with such a body (``bigpost``, 58 MB): 564 -> 347 MB. Left:
the joint pass holds the body twice (a field, and the request's text), beside the window, the parsed string and
its bytes, so one entry of 50 MB stays above the 150 MB of issue 14.

Since then (issue 14 again, session 43; load 3-11, CPU seconds user+sys, medians): of the bodies capture's time,
a fifth was its 31 base64 image bodies scanned alone again: by chance each holds encoded forms of keywords, so
the joint pass gives spans to decode in its text, and the decoding layer walked each spot (up to 32 KiB) back to
its run's start, unwrapped it and judged it as text byte by byte in Python. Done in C now (``rstrip`` in growing
windows, ``translate``): paired with the version before and ``json.load`` in the same rounds (5, alternating),
bodies 0.58 -> 0.48 s (4.83x -> 4.00x ``json.load``'s 0.12 s; wall 4.79x -> 3.92x), page loads 0.98 -> 0.97 s
(no such spots), the upload alike (user 0.49 -> 0.50 s); findings of all three captures identical, peak RSS
unchanged (46-48 MB; the upload 300 MB). ``run_har.py`` itself at load 3 before the change: page loads ``-j1``
3.02x CPU, 2.81x wall (``-j2`` 3.87x, 3.39x: the other core was busy), bodies 4.58x, 4.42x, upload 4.36x, 4.54x.
``json.load``'s own CPU seconds swing with the load (0.28-0.56 s for the page loads: most of its system time is
faulting in 200 MB), and its ratios with them; the worst case stays above 2x. In one process the floor is as
before: start-up 0.14-0.15 s (an empty capture; the bodies capture's 2x is 0.24 s), the parse 0.15-0.17 s, the
walk 0.14 s and the joint pass 0.16 s (Hyperscan 0.07 s over 44 MB, confirmations 0.09 s of which 0.04 s is
compiling the confirming patterns and their reaches once) for the page loads.

Since then (issue 14 again, session 44; load 13-18 on 2 cores, so wall seconds say little: CPU seconds user+sys
and peak RSS, 5 rounds alternating with the version before and ``json.load``, medians): a part of an entry's
joint text of a megabyte or more (a body) is matched alone where it is, not copied into the joint text, and a
request with such a body is left out of the joint text (its credentials are looked for, its text read by the
carrier rules in chunks of the stream it would be, not joined to its head: the body was held as bytes three
times, twice in the joint text and once in the request's text). Upload: peak RSS 301 -> 207 MB (``json.load``
173 MB), CPU 1.20 -> 1.16 s (0.97x paired; ``json.load`` 0.26 s: 4.61x -> 4.46x); bodies 0.91 -> 0.92 s (1.01x),
page loads 1.94 -> 1.96 s (1.01x), 47 MB both; findings of all four captures identical. The tokens capture
(58 MB, a ``token`` every 50 records of the upload's body) was the worst case of all: 38.3 s CPU and 310 MB
before (one run), nearly all of it in matching the joint text, which held the body with the rest of the entry
(py-spy: ``keyword_regions``, which searches a region's line to its ends, once a region: on a line of 55 MB,
quadratic; bounding those searches alone halved it, the rest was not traced). With the
body matched alone, 1.16 s CPU and 212 MB (``json.load`` 0.25 s, 177 MB). What is left of the upload's memory is
the entry's text in the stream's window (58 MB), its body parsed (53 MB) and that body's bytes (53 MB, the
request's body and the scanned field at once); streaming the capture alone peaks at 176 MB (the JSON decoder
builds a string of 53 MB in pieces), ``json.load`` at 173 MB: 150 MB would take an incremental parser that
places values and a body the request rules read as text.
"""

from __future__ import annotations

import argparse
import base64
import functools
import json
import multiprocessing
import os
import random
import statistics
import subprocess
import sys
import time
import uuid
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Callable

from generate_logs import AGENTS, WORDS, _hex, fake_asaas_key

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
            "sec-fetch-mode": rng.choice(["cors", "navigate", "no-cors"]), "x-request-id": str(uuid.UUID(int=rng.getrandbits(128)))}


def _content(rng: random.Random, path: str, scale: int) -> dict[str, object]:
    """A response body as exporters write it: text as is, binary as base64; ``scale`` times the
    size of a page load's (bundles, fonts and JSON dumps of a single-page app)."""
    if path.endswith((".png", ".webp", ".woff2")):
        data = base64.b64encode(rng.randbytes(rng.randint(300, 12_000) * scale)).decode()
        return {"size": len(data) * 3 // 4, "mimeType": "image/png", "text": data, "encoding": "base64"}
    if path.endswith(".js"):  # quotes, backslashes and line ends: the escapes a decoder must undo
        lines = (f'const {rng.choice(WORDS)}_{i} = "{_words(rng, 6)}".split("\\s");' for i in range(rng.randint(5, 120) * scale))
        text = "\n".join(lines)
        return {"size": len(text), "mimeType": "application/javascript", "text": text}
    text = "\n".join(f"<p class=\"{rng.choice(WORDS)}\">{_words(rng, 12)}</p>" for _ in range(rng.randint(1, 30) * scale))
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
        return "GET", f"https://api.iugu.com/v1/invoices?limit={rng.randint(1, 100)}", {"authorization": f"Basic {token}"}, None
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
        "startedDateTime": f"2026-11-22T10:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}.{rng.randint(0, 999):03d}Z",
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


def measure(command: list[str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user + system) and peak RSS in MB of one process, from the
    kernel's accounting of that child alone."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):  # 1: keyaudit found something
        raise SystemExit(f"{' '.join(command)} exited {process.returncode}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder for the generated capture")
    parser.add_argument("--megabytes", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for name, write in CAPTURES.items():
        capture = args.out / f"{name}-{args.megabytes}mb.har"
        if not capture.exists():
            # Generated in a child: the document it builds would stay in this process, and every
            # process measured after it would start from this one's size (its peak RSS with it).
            with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork")) as pool:
                entries = pool.submit(write, capture, args.megabytes, args.seed).result()
                print(f"{capture}: {entries} entries")
        compare(capture, args.rounds)


# The captures measured: page loads as a browser records them, the same traffic with bodies 40 times as
# large (a single-page app's bundles, fonts and JSON dumps: the bytes are in bodies), a page load with one
# upload of the capture's size to a provider's API (the memory one entry costs), and the same upload with a
# keyword (``token``) every 50 records (10 KB apart: each one a region of the rules to confirm).
CAPTURES: dict[str, Callable[[Path, int, int], int]] = {
    "capture": functools.partial(generate, scale=1), "bodies": functools.partial(generate, scale=40),
    "upload": generate_upload, "tokens": functools.partial(generate_upload, token_every=50)}


def compare(capture: Path, rounds: int) -> None:
    """Run ``json.load`` and ``keyaudit scan`` on ``capture`` in alternating order and print medians."""
    commands = {
        "json.load": [sys.executable, "-c", "import json, sys; json.load(open(sys.argv[1], 'rb'))", str(capture)],
        **{f"keyaudit scan -j{jobs}": [sys.executable, "-m", "keyaudit", "scan", "--format", "json", "--output",
                                       os.devnull, "--jobs", str(jobs), str(capture)]
           for jobs in sorted({1, len(os.sched_getaffinity(0))})},
    }
    runs: dict[str, list[tuple[float, float, float]]] = {name: [] for name in commands}
    for round_index in range(rounds):
        for name in (list(commands) if round_index % 2 == 0 else list(reversed(commands))):
            runs[name].append(measure(commands[name]))
    wall = {name: statistics.median(run[0] for run in taken) for name, taken in runs.items()}
    cpu = {name: statistics.median(run[1] for run in taken) for name, taken in runs.items()}
    megabytes = capture.stat().st_size / 1e6
    print(f"\n{capture}: {megabytes:.1f} MB, {rounds} rounds, medians")
    print(f"{'command':<20} {'wall s':>7} {'cpu s':>7} {'MB/s':>7} {'peak RSS MB':>12} {'wall ×':>7} {'cpu ×':>7}")
    for name, taken in runs.items():
        print(f"{name:<20} {wall[name]:>7.2f} {cpu[name]:>7.2f} {megabytes / wall[name]:>7.1f} "
              f"{max(run[2] for run in taken):>12.1f} {wall[name] / wall['json.load']:>7.2f} "
              f"{cpu[name] / cpu['json.load']:>7.2f}")


if __name__ == "__main__":
    main()
