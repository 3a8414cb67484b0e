"""Pre-commit latency: ``keyaudit scan --staged`` on 10 staged files against detect-secrets-hook
on the same files, the same with an empty cache each run (a fresh CI runner: no compiled engine
database), and a scan of a mixed ~5 MB tree of ~70 files (logs, code, HAR). With ``--binary``, also commits
that stage one 50 MB binary file alone and beside the ten files: one holding provider-call log text among its
control bytes (a core dump, a journal: its strings are dense text, the hook's worst case, read up to the commit's
budget, STAGED_BINARY_BYTES), one holding mixed log text, a program-like binary (few strings), a PNG (skipped by its
magic) and random bytes. With ``--versus CHECKOUT`` every command is also run with that checkout's keyaudit
(``PYTHONPATH``), in the same rounds, and the ratio of the medians is printed: the hook against the version before.

Whole processes, timed in alternating order over several rounds; medians of CPU seconds (user + system of the
process and its children: the machine may be shared) and ratios printed. Run by hand, not in CI (detect-secrets is
not a dependency: install it to compare; let Python write its bytecode cache, or every run compiles the package):

    python benchmarks/run_precommit.py [--rounds 15] [--binary] [--versus /path/to/other/checkout]

Measured with ``--binary --rounds 5 --versus`` the version before binary strings (which skipped every binary file),
on 2 shared cores, medians of CPU seconds, this version against that one: ten files 0.46 against 0.45 s (1.04x);
50 MB of provider calls in a binary alone 0.65 against 0.43 s (1.51x: the worst case, 128 KiB of the densest text and
the first text read loading the request readers), beside the ten files 0.73 against 0.58 s (1.26x); mixed log
text 1.02x alone, 1.00x beside; the program-like binary 0.95x / 1.01x; the PNG 0.97x / 0.99x; random bytes 1.01x.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Callable

SOURCE = '''import os
import requests

API = "https://api.iugu.com/v1"


def charge(customer_id: str, cents: int) -> dict:
    """Create an invoice for a customer."""
    token = os.environ["IUGU_API_TOKEN"]
    response = requests.post(f"{API}/invoices", auth=(token, ""), json={"customer_id": customer_id,
                             "items": [{"description": "plan", "quantity": 1, "price_cents": cents}]})
    response.raise_for_status()
    return response.json()
'''


def make_repo(folder: Path, rng: random.Random) -> list[str]:
    subprocess.run(["git", "init", "-q", str(folder)], check=True)
    names = []
    for index in range(10):
        name = f"src/module_{index}.py" if index % 3 else f"config/settings_{index}.yaml"
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        body = SOURCE * rng.randint(3, 12) if name.endswith(".py") else "".join(
            f"key_{i}: value_{rng.getrandbits(64):x}\n" for i in range(200))
        path.write_text(body)
        names.append(name)
    subprocess.run(["git", "-C", str(folder), "add", "-A"], check=True)
    return names


def make_tree(folder: Path, rng: random.Random) -> None:
    """~70 files, ~5 MB: logs, code and HAR captures."""
    sys.path.insert(0, str(Path(__file__).parent))
    from generate_logs import access_line, json_line, plain_line

    for index in range(40):
        lines = [rng.choice((access_line, json_line))(rng, None) if i % 3 else plain_line(rng) for i in range(500)]
        (folder / f"logs/app-{index}.log").parent.mkdir(parents=True, exist_ok=True)
        (folder / f"logs/app-{index}.log").write_text("\n".join(lines) + "\n")
    for index in range(20):
        (folder / f"src/m{index}.py").parent.mkdir(parents=True, exist_ok=True)
        (folder / f"src/m{index}.py").write_text(SOURCE * 40)
    for index in range(10):
        entries = [{"startedDateTime": "2026-11-22T10:00:00Z", "time": 1,
                    "request": {"method": "GET", "url": f"https://shop.example/api/{i}", "httpVersion": "HTTP/1.1",
                                "headers": [{"name": "accept", "value": "application/json"}], "queryString": [],
                                "cookies": []},
                    "response": {"status": 200, "headers": [], "content": {
                        "size": 100, "mimeType": "application/json", "encoding": "base64",
                        "text": base64.b64encode(rng.randbytes(600)).decode()}}} for i in range(60)]
        (folder / f"captures/c{index}.har").parent.mkdir(parents=True, exist_ok=True)
        (folder / f"captures/c{index}.har").write_text(json.dumps({"log": {"version": "1.2", "entries": entries}}, indent=2))


COLD = "keyaudit scan --staged, empty cache"
BIG_BYTES = 50_000_000


def big_files(rng: random.Random) -> dict[str, bytes]:
    """One large staged file per commit: log text among a binary's control bytes (provider calls, the densest
    text; mixed log lines), a program's bytes (NULs among them), a PNG's, random bytes."""
    sys.path.insert(0, str(Path(__file__).parent))
    from generate_logs import access_line, json_line, plain_line
    from provider_traffic import ONE_LINE_JSON, provider_call

    def holding(line: Callable[[], str]) -> bytes:
        """Log text in pieces of ~1 KB, each followed by 256 bytes of control bytes and NULs (a tenth and more
        of its bytes: what the sniff takes for binary)."""
        pieces, size = [], 0
        while size < BIG_BYTES:
            text = "\n".join(line() for _ in range(8)).encode()[:1000]
            pieces.append(text + bytes([0, 1, 2, 3, 0, 0, 0x10, 0x11]) * 32)
            size += len(pieces[-1])
        return b"".join(pieces)[:BIG_BYTES]

    program = bytearray(rng.randbytes(BIG_BYTES))
    program[::4] = bytes(len(program[::4]))
    return {"calls.core": holding(lambda: provider_call(rng, ONE_LINE_JSON)),
            "journal.bin": holding(lambda: rng.choice((access_line, json_line))(rng, None) if rng.random() < 0.7
                                   else plain_line(rng)),
            "program.bin": bytes(program), "photo.png": b"\x89PNG\r\n\x1a\n" + rng.randbytes(BIG_BYTES - 8),
            "blob.dat": rng.randbytes(BIG_BYTES)}


def staged_repo(folder: Path, name: str, data: bytes, beside: Path | None = None) -> Path:
    """A repository staging ``data`` as ``name``; with ``beside``, the files staged there too."""
    if beside is not None:
        shutil.copytree(beside, folder, ignore=shutil.ignore_patterns(".git"))
    subprocess.run(["git", "init", "-q", str(folder)], check=True)
    (folder / name).write_bytes(data)
    subprocess.run(["git", "-C", str(folder), "add", "-A"], check=True)
    return folder


def timed(command: list[str], cwd: Path, cold: bool, checkout: str | None) -> float:
    """CPU seconds (user + system, the process and its children) of ``command`` in ``cwd``; ``cold``: with a cache
    folder of its own, empty; ``checkout``: with that keyaudit first on the path."""
    with tempfile.TemporaryDirectory() as cache:
        env = dict(os.environ)
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        if cold:
            env["KEYAUDIT_CACHE_DIR"] = cache
        if checkout:
            env["PYTHONPATH"] = checkout
        process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        _pid, _status, usage = os.wait4(process.pid, 0)
        process.returncode = 0
        return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--binary", action="store_true", help="also commits staging one 50 MB binary file")
    parser.add_argument("--versus", help="another checkout whose keyaudit runs the same commands, paired")
    args = parser.parse_args()
    rng = random.Random(11)
    keyaudit = [sys.executable, "-m", "keyaudit"]
    hook = shutil.which("detect-secrets-hook") or str(Path(sys.executable).with_name("detect-secrets-hook"))
    with tempfile.TemporaryDirectory() as scratch:
        repo, tree = Path(scratch) / "repo", Path(scratch) / "tree"
        names = make_repo(repo, rng)
        make_tree(tree, rng)
        size = sum(p.stat().st_size for p in tree.rglob("*") if p.is_file())
        commands = {
            "keyaudit scan --staged": (keyaudit + ["scan", "--staged", "-q"], repo),
            COLD: (keyaudit + ["scan", "--staged", "-q"], repo),
            "keyaudit scan FILES (pre-commit framework)": (keyaudit + ["scan", "-q", *names], repo),
            "detect-secrets-hook FILES": ([hook, *names], repo),
            f"keyaudit scan tree ({size / 1e6:.1f} MB, {sum(1 for p in tree.rglob('*') if p.is_file())} files)":
                (keyaudit + ["scan", "-q", "."], tree),
        }
        if not os.path.exists(hook):
            del commands["detect-secrets-hook FILES"]
        for name, data in (big_files(rng) if args.binary else {}).items():
            commands[f"--staged, 50 MB {name}"] = (keyaudit + ["scan", "--staged", "-q"],
                                                   staged_repo(Path(scratch) / name, name, data))
            commands[f"--staged, 50 MB {name} + 10 files"] = (
                keyaudit + ["scan", "--staged", "-q"], staged_repo(Path(scratch) / f"{name}+", name, data, repo))
        checkouts = [None, args.versus] if args.versus else [None]
        runs: dict[tuple[str, str | None], list[float]] = {(name, c): [] for name in commands for c in checkouts}
        for round_index in range(args.rounds):
            order = list(runs) if round_index % 2 == 0 else list(reversed(runs))
            for name, checkout in order:
                if checkout is not None and name.startswith("detect-secrets"):
                    continue
                command, cwd = commands[name]
                runs[name, checkout].append(timed(command, cwd, name == COLD, checkout))
    baseline = statistics.median(runs.get(("detect-secrets-hook FILES", None), [float("nan")]))
    hook_median = statistics.median(runs["keyaudit scan --staged", None])
    print(f"{'command':<48} {'median CPU ms':>14} {'vs detect-secrets-hook':>24} {'vs --staged':>12}"
          + (f" {'--versus ms':>12} {'vs --versus':>12}" if args.versus else ""))
    for name in commands:
        median = statistics.median(runs[name, None])
        line = f"{name:<48} {median * 1000:>14.0f} {median / baseline:>24.2f} {median / hook_median:>12.2f}"
        if args.versus and runs[name, args.versus]:
            other = statistics.median(runs[name, args.versus])
            line += f" {other * 1000:>12.0f} {median / other:>12.2f}"
        print(line)


if __name__ == "__main__":
    main()
