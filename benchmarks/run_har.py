"""A large HAR capture: keyaudit's wall time and peak RSS against ``json.load`` of the same file.

Generates (seeded, :mod:`har_captures`) HAR 1.2 exports of about ``--megabytes`` MB each, pretty-printed as
Chrome, Firefox and mitmproxy write them: page loads with many headers and cookies, HTML and script bodies,
base64 images and fonts, and calls to api.iugu.com and api.asaas.com carrying credentials (Basic auth,
``access_token`` headers, ``api_token`` query parameters and JSON bodies); ``capture-*.har`` as a page load
records them (many small entries), ``bodies-*.har`` with bodies 40 times as large (the worst case for bytes:
few entries, each a bundle, a font or an image to decode and scan, scripts full of escapes), ``base64-*.har``
with every body in base64, ``provider-*.har`` where every entry calls a provider (transfers signed and not,
credentials masked or leaked), ``upload-*.har`` and ``tokens-*.har`` (one entry of the capture's size). Then
runs, for each, as separate processes in alternating order, ``python -c 'json.load(…)'`` (the floor any HAR
reader has to pay: parsing the document), ``keyaudit scan`` of this checkout and, with ``--vs``, of another
(``git worktree add /tmp/before COMMIT``), and prints medians of wall and CPU seconds, peak RSS and each one's
ratios to ``json.load`` and to the other checkout from the same run (CPU seconds say more than wall seconds on a
machine shared with other work). Each process runs in the output folder with the checkout it measures on
``PYTHONPATH``: run inside a checkout, ``python -m keyaudit`` would load that one whatever the path says.
Run by hand, not in CI (let Python write its bytecode cache, or every run compiles the package):

    python benchmarks/run_har.py /tmp/harbench [--megabytes 50] [--rounds 3] [--vs /tmp/before] [--only capture]

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

Since then (issue 14 again, session 48; load 8-17 on 2 cores: wall seconds were 4-15 times CPU seconds for every
process, ``json.load``'s too, so only CPU seconds say anything): two more captures, and no change to the reader.
CPU seconds (``/usr/bin/time -v``, one run each; ``json.load`` of the same file beside it; peak RSS):

| capture | keyaudit | ``json.load`` | ratio | peak RSS (``json.load``) | findings |
| --- | --- | --- | --- | --- | --- |
| ``capture-50mb.har``, 54.2 MB, 6,883 entries | 2.25 s | 0.46 s | 4.9x | 47 MB (206 MB) | 164 |
| ``bodies-50mb.har``, 50.2 MB, 292 entries | 1.02 s | 0.23 s | 4.4x | 49 MB (155 MB) | 16 |
| ``base64-50mb.har``, 54.0 MB, 6,472 entries | 3.14 s | 0.44 s | 7.1x | 49 MB (203 MB) | 154 |
| ``provider-50mb.har``, 58.5 MB, 21,759 entries | 6.74 s | 0.97 s | 6.9x | 62 MB (265 MB) | 5,342 |
| ``upload-50mb.har``, 58.3 MB, 41 entries | 1.27 s | 0.25 s | 5.1x | 207 MB (172 MB) | 3 |
| ``tokens-50mb.har``, 58.5 MB, 41 entries | 1.31 s | 0.30 s | 4.4x | 208 MB (173 MB) | 3 |

This script's own rounds agree (3 rounds, CPU: capture 4.78x, bodies 5.29x, base64 7.30x; provider, 1 round,
7.15x; this checkout against the same code in another, ``--vs``: 0.96-1.02x CPU, the noise). The worst cases
are the two new ones. Where the time goes, in CPU seconds of one process (the parts timed alone): start-up 0.12;
streaming the entries alone 0.40 s for the page loads (``json.load`` 0.45 s in the same process), 0.81 s for
the provider calls (0.98 s); the walk of each entry's strings after it 0.33 s and 0.55 s: before any rule runs,
streaming and walking cost 1.6x (page loads) and 1.4x (provider calls) ``json.load``, so 2x leaves 0.05-0.5 s
(start-up aside) for the rules, the requests and the report, which take 1.4-5.3 s. The base64 capture's excess is
the text bodies scanned twice: each base64 body's text is in the joint pass beside its decoded bytes, the decoding
layer finds encoded forms of keywords in 1,659 of its texts, and each such text is then scanned alone (1,970
entries with a field to scan alone, against 342 in the page loads; 3,744 fields, 302 with a finding): 0.70 s of its
2.99 s (timed around each such scan; 0.03 s in the page loads). The provider capture's time is spread over every
request judged (21,759 requests, 178,000 rule tests, its request's text scanned again for its credentials, 5,342
findings folded and written). Not changed here: leaving a base64 body's text out when its bytes are scanned would
move findings from the text's decoding to the body's (another place and context), which needs its own tests. A
profiler that samples the stack (py-spy) misleads on this machine: under load it puts a fifth of the samples on
``time.thread_time`` in ``Spending.__enter__``, where a process is preempted; timed alone, 20,000 such calls cost
0.03 s CPU.

Since then (issue 14 again, session 51; load 3 at first, 13-17 later): of the base64 capture's time, a tenth was
asking whether a text decoded from a spot holds a secret rule's keyword (1,737 texts, 3.5 MB: ``bytes.lower`` and a
search of it for each of 131 keywords; 18 held one), nearly all of it for the texts its fields are scanned alone
(the cost named above, of its texts scanned twice). Timed around that question alone: 0.345 s CPU; asking only the
49 keywords that hold no other (``iugu_token`` holds ``iugu``: the same answer) 0.151 s; the keywords in one caseless
Hyperscan database (compiled once, 7 ms, and cached with the rules'), 0.011 s; the regex engine keeps the searches.
Findings identical on all six captures (their JSON reports' findings sorted), the bench logs and sample_logs too.
Paired with main (farm-bench, whole process, 3 pairs, medians, load 13-17): base64 0.889x CPU (2.87 s against 3.21 s),
provider calls 0.999x (6.61 s against 6.65 s: not touched). This script, 1 round at that load (wall seconds there
say nothing: 5-10 times CPU), CPU seconds and ratios to ``json.load``, against main in the same round:

| capture | keyaudit ``-j1`` | ``json.load`` | ratio (main's) | against main | peak RSS (``json.load``) |
| --- | --- | --- | --- | --- | --- |
| ``capture-50mb.har`` | 1.97 s | 0.52 s | 3.78x (3.88x) | 0.97 | 48 MB (206 MB) |
| ``bodies-50mb.har`` | 0.94 s | 0.29 s | 3.31x (3.36x) | 0.98 | 49 MB (155 MB) |
| ``base64-50mb.har`` | 2.45 s | 0.54 s | 4.54x (5.28x) | 0.86 | 49 MB (203 MB) |
| ``provider-50mb.har`` | 5.99 s | 0.99 s | 6.03x (6.27x) | 0.96 | 61 MB (265 MB) |
| ``upload-50mb.har`` | 1.29 s | 0.27 s | 4.86x (4.88x) | 1.00 | 207 MB (173 MB) |
| ``tokens-50mb.har`` | 1.30 s | 0.27 s | 4.85x (4.79x) | 1.01 | 208 MB (173 MB) |

At load 3 before, 3 alternating pairs: base64 2.59-2.73 s against 2.24-2.45 s CPU. (The provider's 0.96 above is
one round's noise: it runs no such question.) A checkout measured with ``PYTHONDONTWRITEBYTECODE`` set compiles the
package on every run, 0.2 s CPU more than one with its bytecode cache (an empty capture 0.43 s against 0.23 s).
The worst case is the provider calls, whose time is spread over every request (per request, CPU seconds timed
alone: the walk and the request built 0.93 s, the joint pass 0.72 s of which 0.29 s is ``iugu-config-api-token``
confirmed over 20 MB, since ``iugu`` is in every request's URL, the judging 0.87 s, 0.35 s finding credentials
again, fields scanned alone 0.52 s, 0.18 s garbage collection of the batches), and the upload's memory (as above).
"""

from __future__ import annotations

import argparse
import functools
import multiprocessing
import os
import statistics
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Callable

from har_captures import generate, generate_shaped, generate_upload

HERE = Path(__file__).resolve().parents[1]  # the checkout this benchmark belongs to, measured as "this"


def measure(command: list[str], tree: Path | None, cwd: Path) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user + system) and peak RSS in MB of one process, from the
    kernel's accounting of that child alone; run in ``cwd``, with checkout ``tree`` first on its path."""
    environment = {**os.environ, "PYTHONPATH": str(tree)} if tree is not None else None
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=cwd,
                               env=environment)
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
    parser.add_argument("--vs", type=Path, help="another checkout of keyaudit, measured in the same rounds")
    parser.add_argument("--only", action="append", choices=sorted(CAPTURES), help="these captures only")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for name, write in CAPTURES.items():
        if args.only and name not in args.only:
            continue
        capture = args.out / f"{name}-{args.megabytes}mb.har"
        if not capture.exists():
            # Generated in a child: the document it builds would stay in this process, and every
            # process measured after it would start from this one's size (its peak RSS with it).
            with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork")) as pool:
                entries = pool.submit(write, capture, args.megabytes, args.seed).result()
                print(f"{capture}: {entries} entries")
        compare(capture, args.rounds, args.vs and args.vs.resolve())


# The captures measured: page loads as a browser records them, the same traffic with bodies 40 times as
# large (a single-page app's bundles, fonts and JSON dumps: the bytes are in bodies), with every body in base64,
# a backend's calls to the providers (every entry a request to judge), a page load with one upload of the
# capture's size to a provider's API (the memory one entry costs), and the same upload with a keyword (``token``)
# every 50 records (10 KB apart: each one a region of the rules to confirm).
CAPTURES: dict[str, Callable[[Path, int, int], int]] = {
    "capture": functools.partial(generate, scale=1), "bodies": functools.partial(generate, scale=40),
    "base64": functools.partial(generate_shaped, shape="base64"),
    "provider": functools.partial(generate_shaped, shape="provider"),
    "upload": generate_upload, "tokens": functools.partial(generate_upload, token_every=50)}


def compare(capture: Path, rounds: int, other: Path | None) -> None:
    """Run ``json.load`` and ``keyaudit scan`` (of this checkout and of ``other``) on ``capture`` in alternating
    order and print medians, with ratios to ``json.load`` and to ``other`` at the same ``--jobs``."""
    scan = [sys.executable, "-m", "keyaudit", "scan", "--format", "json", "--output", os.devnull, "--jobs"]
    commands: dict[str, tuple[list[str], Path | None]] = {
        "json.load": ([sys.executable, "-c", "import json, sys; json.load(open(sys.argv[1], 'rb'))", str(capture)],
                      None)}
    for jobs in sorted({1, len(os.sched_getaffinity(0))}):
        commands[f"keyaudit -j{jobs}"] = ([*scan, str(jobs), str(capture)], HERE)
        if other is not None:
            commands[f"vs -j{jobs}"] = ([*scan, str(jobs), str(capture)], other)
    runs: dict[str, list[tuple[float, float, float]]] = {name: [] for name in commands}
    for round_index in range(rounds):
        for name in (list(commands) if round_index % 2 == 0 else list(reversed(commands))):
            runs[name].append(measure(*commands[name], cwd=capture.parent))
    wall = {name: statistics.median(run[0] for run in taken) for name, taken in runs.items()}
    cpu = {name: statistics.median(run[1] for run in taken) for name, taken in runs.items()}
    megabytes = capture.stat().st_size / 1e6
    print(f"\n{capture}: {megabytes:.1f} MB, {rounds} rounds, medians" + (f"; vs: {other}" if other else ""))
    print(f"{'command':<14} {'wall s':>7} {'cpu s':>7} {'MB/s':>7} {'peak RSS MB':>12} {'wall ×':>7} {'cpu ×':>7}"
          + (f" {'wall vs':>8} {'cpu vs':>8}" if other else ""))
    for name, taken in runs.items():
        versus = name.replace("keyaudit", "vs")
        print(f"{name:<14} {wall[name]:>7.2f} {cpu[name]:>7.2f} {megabytes / wall[name]:>7.1f} "
              f"{max(run[2] for run in taken):>12.1f} {wall[name] / wall['json.load']:>7.2f} "
              f"{cpu[name] / cpu['json.load']:>7.2f}"
              + (f" {wall[name] / wall[versus]:>8.2f} {cpu[name] / cpu[versus]:>8.2f}" if other and name != versus
                 and versus in wall else ""))


if __name__ == "__main__":
    main()
