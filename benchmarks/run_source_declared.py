"""Time against size for the reader of declarative clients (Retrofit's interfaces bound to their calls), on
hostile source files: each case is built at a size and at ``--growth`` and its square times that size in the same
run, read by ``declared`` (the reader alone, on the file as one slice, keeping what waits for other files as a
scan does); the table shows the CPU seconds of each (the
best of three: the machine is shared) and the ratios to the smallest. Work that grows with the text keeps a ratio
near its growth; a ratio near the growth's square is work that grows with the square of the file, and the run
exits 1. Each case also checks the requests still read from its one real client.

    python benchmarks/run_source_declared.py [--size 500] [--growth 2]
"""

from __future__ import annotations

import argparse
import sys
import time
from typing import Callable

from keyaudit.inputs.captures.source_across import Seen
from keyaudit.inputs.captures.source_declared import declared
from keyaudit.inputs.captures.source_languages import LANGUAGES

INTERFACE = ('interface TransfersApi {\n    @Headers("Content-Type: application/json")\n'
             '    @POST("v1/transfer_requests")\n'
             '    suspend fun transfer(@Header("Request-Time") requestTime: String, @Body corpo: RequestBody)\n}\n')
CLIENT = ('class Repository{n} {{\n    private val api: TransfersApi = Retrofit.Builder()\n'
          '        .baseUrl("https://api.iugu.com/")\n        .build()\n        .create(TransfersApi::class.java)\n\n'
          '    suspend fun send(corpo: RequestBody) {{\n        api.transfer("2026-11-22T10:00:00-03:00", corpo)\n'
          '    }}\n}}\n')

PROVIDED = ('val network = module {\n    single { Retrofit.Builder().baseUrl("https://api.iugu.com/").build() }\n'
            '    single { get<Retrofit>().create(TransfersApi::class.java) }\n}\n')
INJECTED = ('class Repository{n}(private val api: TransfersApi) {{\n    suspend fun send(corpo: RequestBody) {{\n'
            '        api.transfer("2026-11-22T10:00:00-03:00", corpo)\n    }}\n}}\n')

CASES: dict[str, Callable[[int], str]] = {
    "interface words in comments, no brace": lambda n: INTERFACE + "".join(
        f"// the interface {k} sends to https://api.iugu.com/v1/transfer_requests\n" for k in range(8 * n))
    + "val limit = 10;\n" + CLIENT.format(n=""),  # (the `;` ended each header read to it: none matched)
    "interfaces with no body (Kotlin), in code": lambda n: INTERFACE + "".join(
        f"interface Marker{k}\n" for k in range(8 * n)) + CLIENT.format(n=""),
    "one long word": lambda n: INTERFACE + "val x = " + "a" * (32 * n) + ";\n" + CLIENT.format(n=""),
    "interfaces a window cut off": lambda n: "".join(
        f'interface Old{k} {{\n    @POST("v1/x{k}")\n    fun transfer(@Body corpo: RequestBody)\n'
        for k in range(4 * n)) + INTERFACE + CLIENT.format(n=""),
    "classes each with its api client": lambda n: INTERFACE + "".join(CLIENT.format(n=k) for k in range(2 * n)),
    "clients provided (Koin), injected in classes": lambda n: INTERFACE + PROVIDED + "".join(
        INJECTED.format(n=k) for k in range(2 * n)),
    "clients of an interface another file declares": lambda n: "".join(CLIENT.format(n=k) for k in range(2 * n)),
    "interfaces and clients of many names": lambda n: "".join(
        INTERFACE.replace("TransfersApi", f"Api{k}") + CLIENT.format(n=k).replace("TransfersApi", f"Api{k}")
        for k in range(n)),
}


def seconds(code: str) -> tuple[float, int]:
    """CPU seconds of reading ``code`` (the best of three) and the requests read."""
    lines = list(enumerate(code.split("\n"), start=1))
    best, found = float("inf"), 0
    for _ in range(3):
        start = time.process_time()
        found = len(list(declared(lines, LANGUAGES["dollar"], "src/Repository.kt", Seen())))
        best = min(best, time.process_time() - start)
    return best, found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=500, help="the smallest case's count of repeated parts")
    parser.add_argument("--growth", type=int, default=2, help="how many times larger each next case is")
    args = parser.parse_args()
    sizes = [args.size, args.size * args.growth, args.size * args.growth ** 2]
    limit = (args.growth ** 2) ** 1.5  # between linear and quadratic, at the largest
    worst = 0.0
    print(f"{'case':<42} {'KB':>6} " + " ".join(f"{f'n={size}':>9}" for size in sizes) + "  ratios   requests")
    for name, build in CASES.items():
        timed = [seconds(build(size)) for size in sizes]
        ratios = [spent / max(timed[0][0], 1e-6) for spent, _ in timed[1:]]
        worst = max(worst, ratios[-1])
        print(f"{name:<42} {len(build(sizes[0])) // 1024:>6} " + " ".join(f"{spent:>9.3f}" for spent, _ in timed)
              + "  " + " ".join(f"{ratio:>4.1f}" for ratio in ratios) + "   "
              + ",".join(str(found) for _, found in timed) + ("  superlinear" if ratios[-1] > limit else ""))
    print(f"\nlinear work keeps the last ratio near {args.growth ** 2}; above {limit:.0f} it grows faster than"
          " the text")
    sys.exit(1 if worst > limit else 0)


if __name__ == "__main__":
    main()
