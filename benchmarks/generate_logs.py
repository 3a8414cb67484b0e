"""Seeded generator of realistic mixed logs for the throughput benchmarks.

Writes nginx and Apache access lines (query strings, request ids), JSON app records (UUIDs,
trace ids, sha256 hashes, base64 blobs), plain application lines and Java stack traces, with a
handful of planted fake keys, to a plain file and the same content gzip-compressed.

    python benchmarks/generate_logs.py OUT_DIR --megabytes 300 [--seed 7]
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


def generate(out: Path, megabytes: int, seed: int) -> tuple[Path, Path, int]:
    """Write ``mixed.log`` and ``mixed.log.gz`` under ``out``; return their paths and planted count."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    plain, packed = out / "mixed.log", out / "mixed.log.gz"
    target, written, planted = megabytes << 20, 0, 0
    with plain.open("w", encoding="utf-8") as handle:
        while written < target:
            lines = []
            for _ in range(1000):
                roll = rng.random()
                plant = roll < 0.8 and rng.random() < 0.00002  # access and JSON lines carry keys
                planted += plant
                if roll < 0.45:
                    lines.append(access_line(rng, _hex(rng, 32) if plant else None))
                elif roll < 0.8:
                    lines.append(json_line(rng, fake_asaas_key(rng) if plant else None))
                elif roll < 0.97:
                    lines.append(plain_line(rng))
                else:
                    lines.append(stack_trace(rng))
            block = "\n".join(lines) + "\n"
            handle.write(block)
            written += len(block)
    with plain.open("rb") as source, gzip.open(packed, "wb", compresslevel=6) as sink:
        while chunk := source.read(1 << 20):
            sink.write(chunk)
    return plain, packed, planted


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--megabytes", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    plain, packed, planted = generate(args.out, args.megabytes, args.seed)
    print(f"{plain} ({plain.stat().st_size >> 20} MiB), {packed} ({packed.stat().st_size >> 20} MiB), "
          f"{planted} planted keys")


if __name__ == "__main__":
    main()
