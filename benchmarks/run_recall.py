"""Credential recall and precision on the labelled corpus, per language and format.

Renders the corpus of ``tests/data/credential_corpus`` (this checkout's templates and labels,
with fresh-but-deterministic fake credentials) into a temporary folder, scans it with
``python -m keyaudit`` as a separate process, and prints recall and precision by group and by
kind, then every miss and false positive by label id (never a value). The keyaudit that scans
is whichever ``PYTHONPATH`` names, so another branch's code is measured on this corpus with:

    PYTHONPATH=/path/to/other/checkout python /path/to/this/checkout/benchmarks/run_recall.py

``--corpus second`` the second (``tests/data/credential_corpus_2``) instead of the first, ``--corpus third``
the third (``tests/data/credential_corpus_3``), ``--corpus fourth`` the fourth
(``tests/data/credential_corpus_4``), ``--corpus fifth`` the fifth (``tests/data/credential_corpus_5``),
``--corpus sixth`` the sixth (``tests/data/credential_corpus_6``), ``--corpus seventh`` the seventh
(``tests/data/credential_corpus_7``), ``--corpus eighth`` the eighth (``tests/data/credential_corpus_8``),
``--corpus ninth`` the ninth (``tests/data/credential_corpus_9``), ``--corpus tenth`` the tenth
(``tests/data/credential_corpus_10``), ``--corpus eleventh`` the eleventh
(``tests/data/credential_corpus_11``), ``--corpus twelfth`` the twelfth (``tests/data/credential_corpus_12``),
``--corpus thirteenth`` the thirteenth (``tests/data/credential_corpus_13``), ``--corpus fourteenth`` the
fourteenth (``tests/data/credential_corpus_14``), ``--corpus fifteenth`` the fifteenth
(``tests/data/credential_corpus_15``), ``--corpus sixteenth`` the sixteenth
(``tests/data/credential_corpus_16``), ``--corpus seventeenth`` the seventeenth
(``tests/data/credential_corpus_17``), ``--corpus eighteenth`` the eighteenth
(``tests/data/credential_corpus_18``), ``--corpus nineteenth`` the nineteenth
(``tests/data/credential_corpus_19``), ``--corpus twentieth`` the twentieth
(``tests/data/credential_corpus_20``), ``--corpus twenty-first`` the twenty-first
(``tests/data/credential_corpus_21``), ``--corpus twenty-second`` the twenty-second
(``tests/data/credential_corpus_22``), ``--corpus twenty-third`` the twenty-third
(``tests/data/credential_corpus_23``), ``--corpus twenty-fourth`` the twenty-fourth
(``tests/data/credential_corpus_24``), ``--corpus twenty-fifth`` the twenty-fifth
(``tests/data/credential_corpus_25``), ``--corpus twenty-sixth`` the twenty-sixth
(``tests/data/credential_corpus_26``), ``--corpus twenty-seventh`` the twenty-seventh
(``tests/data/credential_corpus_27``, binary files its packers make), ``--corpus twenty-eighth`` the
twenty-eighth (``tests/data/credential_corpus_28``), ``--corpus twenty-ninth`` the twenty-ninth
(``tests/data/credential_corpus_29``); ``--keep DIR`` writes the rendered corpus
to DIR (to look at a miss); ``--json`` prints the figures as JSON instead of a table.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from helpers.corpus import CORPORA, KINDS, load_manifest, render  # noqa: E402
from helpers.recall import Score, Tally, score  # noqa: E402


def scan(folder: Path) -> list[dict]:
    """The findings of one ``keyaudit scan`` of ``folder`` (every sighting its own finding)."""
    run = subprocess.run([sys.executable, "-m", "keyaudit", "scan", "--format", "json", "--no-dedupe", "--jobs", "1",
                          "--fail-on", "critical", "."], cwd=folder, capture_output=True, text=True,
                         env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    if run.returncode not in (0, 1):
        sys.exit(f"keyaudit exited {run.returncode}: {run.stderr.strip()[-2000:]}")
    report = json.loads(run.stdout)
    for error in report["errors"]:
        print(f"error: {error['path']}: {error['message']}", file=sys.stderr)
    return report["findings"]


def _row(name: str, tally: Tally) -> str:
    return (f"{name:<22} {tally.expected:>5} {tally.found:>5} {tally.false_positives:>4} "
            f"{tally.recall:>7.3f} {tally.precision:>9.3f}")


def print_table(result: Score, groups: dict[str, str]) -> None:
    header = f"{'group':<22} {'want':>5} {'found':>5} {'fp':>4} {'recall':>7} {'precision':>9}"
    for kind_of_group in ("language", "format"):
        print(f"\n{header.replace('group', kind_of_group, 1)}")
        for group in sorted(g for g, k in groups.items() if k == kind_of_group):
            print(_row(group, result.by_group.get(group, Tally())))
    print(f"\n{header.replace('group', 'kind', 1)}")
    for kind in KINDS:
        print(_row(kind, result.tally(kind)))
    print(_row("all", result.tally()))
    print(f"\nmisses ({len(result.misses)}):")
    for line in result.describe_misses():
        print(f"  {line}")
    print(f"false positives ({len(result.false_positives)}):")
    for line in result.false_positives:
        print(f"  {line}")
    others = ", ".join(f"{rule} {count}" for rule, count in sorted(result.other_findings.items()))
    print(f"other findings (not measured): {others or 'none'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=sorted(CORPORA), default="first", help="which labelled corpus")
    parser.add_argument("--keep", type=Path, help="write the rendered corpus here and keep it")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    corpus = CORPORA[args.corpus]
    rendered = render(corpus)
    with tempfile.TemporaryDirectory(prefix="keyaudit-recall-") as temporary:
        folder = args.keep or Path(temporary)
        rendered.write(folder)
        result = score(rendered.labels, scan(folder))
    if args.json:
        figures = {name: vars(tally) | {"recall": tally.recall, "precision": tally.precision}
                   for name, tally in [*result.by_group.items(), *((k, result.tally(k)) for k in KINDS),
                                       ("all", result.tally())]}
        print(json.dumps({"figures": figures, "misses": [l.id for l in result.misses],
                          "false_positives": result.false_positives}, indent=2))
    else:
        print_table(result, load_manifest(corpus)["groups"])


if __name__ == "__main__":
    main()
