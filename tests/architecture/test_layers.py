"""The package's shape: no import circles and no import that climbs the layer order.

Imports are read from the source (every ``import`` statement, also those inside functions and
under ``TYPE_CHECKING``, which hide a dependency without removing it), so the check holds for
code paths no other test runs. The checker is tried on a small synthetic package first, to show
it does fail on a circle, on a climbing import and on a root that loads more than itself.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from helpers.data import REPO

# Bottom to top. A module may import its own unit and the units of lower layers; units that share
# a layer never import each other: the command line and the Python API are two front ends of run.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("model",),
    ("rulebook",),
    ("engine",),
    ("sources",),
    ("inputs", "report", "verify"),  # verify: model and the rules' verification data; run calls it
    ("config",),
    ("run",),
    ("cli", "api"),
    ("__main__",),
)
# The package root holds the version and is the API's front door: it names the API's unit, and
# nothing else, and only lazily (PEP 562 ``__getattr__``, or for type checkers), so that
# ``import keyaudit`` — the command line's first import — loads no other module.
ROOT_FRONT = "api"


def modules(package: Path) -> dict[str, Path]:
    """Dotted module name -> file, for every module of the package at ``package``."""
    found = {}
    for path in package.rglob("*.py"):
        parts = list(path.relative_to(package.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def imports(package: Path) -> dict[str, set[str]]:
    """Each module's imports of other modules of the same package, wherever they are written."""
    known = modules(package)

    def resolve(name: str) -> str | None:
        while name and name not in known:
            name = name.rpartition(".")[0]
        return name or None

    edges: dict[str, set[str]] = {name: set() for name in known}
    for name, path in known.items():
        here = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                wanted = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    parts = here.split(".")
                    base = ".".join(parts[: len(parts) - node.level + 1] + ([node.module] if node.module else []))
                wanted = [base] + [f"{base}.{alias.name}" for alias in node.names]
            else:
                continue
            for target in filter(None, map(resolve, wanted)):
                if target != name and not name.startswith(target + "."):  # a parent package runs first anyway
                    edges[name].add(target)
    return edges


def circles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Every set of modules that import each other, directly or round about (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in sorted(edges[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def eager_imports(package: Path) -> list[str]:
    """The package's own modules its root imports as it is imported: statements run at import
    time (not in a function, not under ``if TYPE_CHECKING:``), as written."""
    name = package.name
    found: list[str] = []

    def visit(statements: list[ast.stmt]) -> None:
        for node in statements:
            if isinstance(node, ast.Import):
                found.extend(alias.name for alias in node.names if alias.name.split(".")[0] == name)
            elif isinstance(node, ast.ImportFrom) and (node.level or (node.module or "").split(".")[0] == name):
                found.append("." * node.level + (node.module or ""))
            elif isinstance(node, ast.If):
                if not (isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING"):
                    visit(node.body)
                visit(node.orelse)
            elif isinstance(node, (ast.Try, ast.With)):
                visit(node.body)
                for handler in getattr(node, "handlers", []):
                    visit(handler.body)
                visit(getattr(node, "orelse", []))
                visit(getattr(node, "finalbody", []))

    visit(ast.parse((package / "__init__.py").read_text(encoding="utf-8")).body)
    return found


def climbing(edges: dict[str, set[str]], layers: tuple[tuple[str, ...], ...], front: str | None = None) -> list[str]:
    """Every import that goes up the layer order or sideways between units of one layer, and every
    import of the package root but of its ``front`` unit."""
    rank = {unit: level for level, units in enumerate(layers) for unit in units}

    def unit(module: str) -> str | None:
        parts = module.split(".")
        return parts[1] if len(parts) > 1 else None  # None: the package root

    problems = []
    for source, targets in sorted(edges.items()):
        for target in sorted(targets):
            here, there = unit(source), unit(target)
            if here is None:
                if there is None or there != front:
                    problems.append(f"{source} imports {target}: the package root imports only its front, {front}")
            elif here not in rank:
                problems.append(f"{source}: '{here}' is in no layer")
            elif there is not None and there != here and rank.get(there, len(layers)) >= rank[here]:
                problems.append(f"{source} imports {target}: '{there}' is not below '{here}'")
    return problems


def test_the_checker_finds_a_circle_and_a_climbing_import(tmp_path: Path) -> None:
    package = tmp_path / "toy"
    for folder in ("model", "run"):
        (package / folder).mkdir(parents=True)
        (package / folder / "__init__.py").write_text("")
    (package / "__init__.py").write_text("from toy import model\n\ndef __getattr__(name):\n    from toy.run import units\n")
    (package / "model" / "finding.py").write_text("def late():\n    from toy.run import session\n")
    (package / "run" / "session.py").write_text("from . import units\n")
    (package / "run" / "units.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from toy.run.session import Session\n")
    edges = imports(package)
    assert circles(edges) == [["toy.run.session", "toy.run.units"]]
    assert climbing(edges, (("model",), ("run",)), front="run") == [
        "toy imports toy.model: the package root imports only its front, run",
        "toy.model.finding imports toy.run: 'run' is not below 'model'",
        "toy.model.finding imports toy.run.session: 'run' is not below 'model'"]
    assert eager_imports(package) == ["toy"]  # the function's import waits for its first call
    (package / "model" / "finding.py").write_text("from toy.model import other\n")
    (package / "model" / "other.py").write_text("")
    (package / "run" / "units.py").write_text("from toy.model.finding import late\n")
    (package / "__init__.py").write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from toy.run import units\n")
    edges = imports(package)
    assert circles(edges) == [] and climbing(edges, (("model",), ("run",)), front="run") == []
    assert eager_imports(package) == []


def test_keyaudit_has_no_import_circle() -> None:
    assert circles(imports(REPO / "keyaudit")) == []


def test_keyaudit_imports_only_down_the_layers() -> None:
    package = REPO / "keyaudit"
    every_unit = {name.split(".")[1] for name in modules(package) if name.count(".") >= 1}
    assert every_unit <= {unit for units in LAYERS for unit in units}, "a new package needs a layer"
    assert climbing(imports(package), LAYERS, ROOT_FRONT) == []


def test_importing_keyaudit_loads_only_the_root() -> None:
    """What the source says, and what a fresh interpreter does: the API's names are there, and
    loaded (with the session they run) only when one is used."""
    assert eager_imports(REPO / "keyaudit") == []
    code = ("import sys, keyaudit\nbefore = sorted(m for m in sys.modules if m.startswith('keyaudit'))\n"
            "keyaudit.scan_text\nprint(before, 'keyaudit.api' in sys.modules, 'keyaudit.run.session' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["['keyaudit']", "True", "True"]


def test_no_module_is_longer_than_350_lines() -> None:
    longest = {name: len(path.read_text(encoding="utf-8").splitlines())
               for name, path in modules(REPO / "keyaudit").items()}
    assert {name: lines for name, lines in longest.items() if lines > 350} == {}


def test_reporters_read_only_the_model() -> None:
    edges = imports(REPO / "keyaudit")
    reached = {target for source, targets in edges.items() if source.startswith("keyaudit.report")
               for target in targets}
    assert {target for target in reached if not target.startswith(("keyaudit.report", "keyaudit.model"))} == set()
