"""Seeded generator of realistic mixed logs for the throughput benchmarks.

Writes nginx and Apache access lines (query strings, request ids), JSON app records (UUIDs,
trace ids, sha256 hashes, base64 blobs), plain application lines and Java stack traces, with a
handful of planted fake keys, and — as production logs of a payment integration have them —
``--provider-percent`` of records that are outbound calls to the Asaas and iugu APIs, written in
the shapes other systems log them (JSON request records flat and nested, container-log envelopes,
curl commands, OkHttp and wire dumps), some of them transfers, signed and not. Outputs:

- ``mixed.log`` and the same content as ``mixed.log.gz``;
- ``provider-dense.log``: every record a provider call (a sixth of the size);
- ``basic-dense.log``: every line an ``Authorization: Basic`` header with a random value that is
  not a credential (a sixth of the size): the engine's worst case for confirming candidates.
- with ``--provider-rows``, ``provider-rows-SHAPE-NMB.log`` instead: every row the provider's name and
  a token (an audit CSV, a ``token=`` log, JSON call records), each a finding (``run_dense_rows.py``).

    python benchmarks/generate_logs.py OUT_DIR --megabytes 300 [--seed 7] [--provider-percent 3] [--json-calls]
    python benchmarks/generate_logs.py OUT_DIR --megabytes 5 --provider-rows

``--json-calls`` writes the provider calls of ``mixed.log`` as one-line JSON records only (a service
that logs its outbound calls as structured records, the others not at all): the windows the request
readers read are then one line each, and what costs is each window, not each line.
"""

from __future__ import annotations

import argparse
import base64
import gzip
import hashlib
import json
import random
import uuid
from pathlib import Path
from typing import Callable

from provider_traffic import ONE_LINE_JSON, SHAPES, provider_call

PATHS = ["/v1/invoices", "/api/orders", "/static/app.js", "/v3/payments", "/health", "/search", "/login"]
AGENTS = ["Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36",
          "okhttp/4.12.0", "python-requests/2.31.0", "curl/8.5.0"]
WORDS = "order payment customer invoice retry cache queue worker session timeout user billing".split()


def _hex(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def fake_asaas_key(rng: random.Random) -> str:
    payload = f"{_hex(rng, 32)}::{uuid.UUID(int=rng.getrandbits(128))}::$aach_{uuid.UUID(int=rng.getrandbits(128))}"
    return "$aact_prod_000" + base64.b64encode(payload.encode()).decode()


def access_line(rng: random.Random, planted: str | None) -> str:
    query = f"?page={rng.randint(1, 50)}&q={rng.choice(WORDS)}&rid={_hex(rng, 32)}"
    if planted:
        query += f"&api_token={planted}"
    return (f'10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)} - - '
            f'[22/Nov/2026:10:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d} -0300] '
            f'"GET {rng.choice(PATHS)}{query} HTTP/1.1" {rng.choice([200, 200, 200, 304, 404, 500])} '
            f'{rng.randint(100, 90000)} "-" "{rng.choice(AGENTS)}" request_id={uuid.UUID(int=rng.getrandbits(128))}')


def json_line(rng: random.Random, planted: str | None) -> str:
    record = {
        "ts": f"2026-11-22T10:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}.{rng.randint(0, 999):03d}Z",
        "level": rng.choice(["INFO", "INFO", "DEBUG", "WARN"]),
        "trace_id": _hex(rng, 32),
        "span_id": _hex(rng, 16),
        "order_id": str(uuid.UUID(int=rng.getrandbits(128))),
        "checksum": hashlib.sha256(rng.randbytes(16)).hexdigest(),
        "blob": base64.b64encode(rng.randbytes(rng.randint(12, 60))).decode(),
        "msg": " ".join(rng.choice(WORDS) for _ in range(6)),
    }
    if planted:
        record["headers"] = {"access_token": planted}
    return json.dumps(record)


def plain_line(rng: random.Random) -> str:
    return (f"2026-11-22 10:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d},{rng.randint(0, 999):03d} "
            f"INFO [{rng.choice(WORDS)}-{rng.randint(1, 8)}] " + " ".join(rng.choice(WORDS) for _ in range(10)))


def stack_trace(rng: random.Random) -> str:
    frames = "\n".join(f"\tat com.example.{rng.choice(WORDS)}.Service.call(Service.java:{rng.randint(10, 900)})"
                       for _ in range(rng.randint(4, 12)))
    return f"java.lang.IllegalStateException: {rng.choice(WORDS)} failed\n{frames}"


def mixed_record(rng: random.Random, provider_share: float, shapes: list[Callable[[random.Random], str]] = SHAPES
                 ) -> tuple[str, bool]:
    """One record of a mixed production log (provider calls in ``shapes``), and whether a key was planted in it."""
    if rng.random() < provider_share:
        return provider_call(rng, shapes), False
    roll = rng.random()
    plant = roll < 0.8 and rng.random() < 0.00002  # access and JSON lines carry keys
    if roll < 0.45:
        return access_line(rng, _hex(rng, 32) if plant else None), plant
    if roll < 0.8:
        return json_line(rng, fake_asaas_key(rng) if plant else None), plant
    if roll < 0.97:
        return plain_line(rng), False
    return stack_trace(rng), False


def write_records(path: Path, megabytes: int, record: Callable[[], tuple[str, bool]]) -> int:
    """Records from ``record`` to ``path`` until it holds ``megabytes``; the planted count."""
    target, written, planted = megabytes << 20, 0, 0
    with path.open("w", encoding="utf-8") as handle:
        while written < target:
            records = [record() for _ in range(1000)]
            planted += sum(plant for _, plant in records)
            block = "\n".join(text for text, _ in records) + "\n"
            handle.write(block)
            written += len(block)
    return planted


def _token(rng: random.Random) -> str:
    token = _hex(rng, 32)
    return token.upper() if rng.random() < 0.5 else token


# A payments team's logs where every row names the provider beside a token: an audit export
# (`provider,token,merchant,amount`), a log line per call (`iugu token=…`), a JSON record per call
# (`"gateway":"iugu","api_token":"…"`). Every row is a finding: the context checks' worst case.
PROVIDER_ROWS: dict[str, Callable[[random.Random], str]] = {
    "audit-csv": lambda rng: f"iugu,{_token(rng)},loja-{rng.randint(1, 999)},{rng.randint(100, 99999) / 100:.2f}",
    "token-log": lambda rng: (f"2026-11-22T10:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}Z INFO payments "
                              f"iugu token={_token(rng)} merchant=loja-{rng.randint(1, 999)} "
                              f"amount={rng.randint(100, 99999) / 100:.2f}"),
    "json-calls": lambda rng: json.dumps({"ts": f"2026-11-22T10:00:{rng.randint(0, 59):02d}Z", "gateway": "iugu",
                                          "api_token": _token(rng), "merchant": f"loja-{rng.randint(1, 999)}",
                                          "amount": f"{rng.randint(100, 99999) / 100:.2f}"}, separators=(",", ":")),
}


def write_provider_rows(out: Path, megabytes: int, seed: int) -> list[Path]:
    """``provider-rows-SHAPE-NMB.log`` under ``out``, one per shape of :data:`PROVIDER_ROWS`."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for shape, row in PROVIDER_ROWS.items():
        paths.append(out / f"provider-rows-{shape}-{megabytes}MB.log")
        write_records(paths[-1], megabytes, lambda row=row: (row(rng), False))  # type: ignore[misc]
    return paths


def basic_line(rng: random.Random) -> str:
    value = base64.b64encode(rng.randbytes(rng.randint(18, 60))).decode()
    return f"2026-11-22T10:00:{rng.randint(0, 59):02d}Z DEBUG outbound Authorization: Basic {value}"


def generate(out: Path, megabytes: int, seed: int, provider_percent: float = 3.0,
             json_calls: bool = False) -> tuple[Path, Path, int]:
    """Write the logs under ``out``; return the mixed log's paths (plain, gzip) and planted count."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    plain, packed = out / "mixed.log", out / "mixed.log.gz"
    shapes = ONE_LINE_JSON if json_calls else SHAPES
    planted = write_records(plain, megabytes, lambda: mixed_record(rng, provider_percent / 100, shapes))
    with plain.open("rb") as source, gzip.open(packed, "wb", compresslevel=6) as sink:
        while chunk := source.read(1 << 20):
            sink.write(chunk)
    write_records(out / "provider-dense.log", max(1, megabytes // 6), lambda: (provider_call(rng), False))
    write_records(out / "basic-dense.log", max(1, megabytes // 6), lambda: (basic_line(rng), False))
    return plain, packed, planted


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--megabytes", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--provider-percent", type=float, default=3.0,
                        help="share of records that are calls to the providers' APIs")
    parser.add_argument("--json-calls", action="store_true",
                        help="write mixed.log's provider calls as one-line JSON records only")
    parser.add_argument("--provider-rows", action="store_true",
                        help="write only the dense provider-row logs (every row a token), of --megabytes each")
    args = parser.parse_args()
    if args.provider_rows:
        for path in write_provider_rows(args.out, args.megabytes, args.seed):
            print(f"{path} ({path.stat().st_size >> 20} MiB)")
        return
    plain, packed, planted = generate(args.out, args.megabytes, args.seed, args.provider_percent, args.json_calls)
    print(f"{plain} ({plain.stat().st_size >> 20} MiB), {packed} ({packed.stat().st_size >> 20} MiB), "
          f"{planted} planted keys")


if __name__ == "__main__":
    main()
