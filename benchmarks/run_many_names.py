"""CPU time against the number of distinct names a file binds its credentials to, with a same-run ratio to
another checkout.

A context pattern holding ``{name}`` (a flow: ``Iugu({name})``, ``[?&;]{name}=``) is asked with each hit's name.
A module of a thousand constants under ``import iugu`` (``TOKEN_0001 = "<hex>"``, one of them passed to the SDK)
or a thousand names each passed to the SDK (``client7 = iugu.Iugu(api_key7)``) asks every flow of the rule a
thousand times over, once a name: when each was compiled with its name in, that was most of the scan (23 s and
24 s of CPU at 1,000). Each shape is written at ``n``, 2n, 4n and 8n names and scanned as a whole process
(``keyaudit scan --jobs 1``, the best CPU seconds of ``--rounds``); with ``--vs TREE`` the checkout at TREE (a
previous commit) scans the same files in the same rounds, alternating, and the table shows its seconds and the
ratio of this tree's to it. The findings must be the same: a different count is printed and fails the run.

    python benchmarks/run_many_names.py [--names 250] [--rounds 3] [--vs /path/to/checkout]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
from pathlib import Path

from run_named_calls import scan

SHAPES = ("constants", "sdk-names")


def write(folder: Path, shape: str, names: int) -> Path:
    """A Python module of ``names`` credentials under ``import iugu``, each bound to a name of its own."""
    chance = random.Random(names)
    if shape == "constants":
        lines = [f'TOKEN_{index:04d} = "{chance.getrandbits(128):032x}"' for index in range(names)]
        lines.append("client = iugu.Iugu(TOKEN_0001)")
    else:
        lines = [line for index in range(names) for line in (
            f"client{index} = iugu.Iugu(api_key{index})", f"api_key{index} = '{chance.getrandbits(128):032x}'")]
    path = folder / f"{shape}{names}.py"
    path.write_text("import iugu\n\n" + "\n".join(lines) + "\n", encoding="utf-8")
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--names", type=int, default=250, help="names at the first size (then 2x, 4x, 8x)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--vs", metavar="TREE", help="a checkout of keyaudit to compare with (a previous commit)")
    args = parser.parse_args()
    trees = [str(Path(__file__).resolve().parent.parent), *([os.path.abspath(args.vs)] if args.vs else [])]
    same = True
    with tempfile.TemporaryDirectory() as folder:
        caches = [os.path.join(folder, f"cache{index}") for index in range(len(trees))]
        for index, tree in enumerate(trees):  # a fresh cache builds the engine's databases: not timed
            scan(write(Path(folder), "constants", 1), tree, caches[index])
        print(f"{'shape':>10} {'names':>6} {'cpu s':>8} {'findings':>9}"
              + (f" {'vs cpu s':>9} {'vs found':>9} {'ratio':>6}" if args.vs else ""))
        for shape in SHAPES:
            for names in (args.names, 2 * args.names, 4 * args.names, 8 * args.names):
                path = write(Path(folder), shape, names)
                timings: list[list[tuple[float, int]]] = [[] for _ in trees]
                for _ in range(args.rounds):  # alternating: the machine's drift falls on both alike
                    for index, tree in enumerate(trees):
                        timings[index].append(scan(path, tree, caches[index]))
                best = [min(timing) for timing in timings]
                row = f"{shape:>10} {names:>6} {best[0][0]:8.2f} {best[0][1]:>9}"
                if args.vs:
                    same = same and best[0][1] == best[1][1]
                    row += f" {best[1][0]:9.2f} {best[1][1]:>9} {best[0][0] / best[1][0]:6.2f}"
                print(row, flush=True)
    if not same:
        print("the findings differ between the two checkouts", file=sys.stderr)
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
