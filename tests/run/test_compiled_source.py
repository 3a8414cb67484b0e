"""A ``.pyc`` beside its source: the source's inline allow markers hold for the compiled copy of the same key, and a
key the source does not allow (or no longer holds) is still reported from the compiled file."""

from __future__ import annotations

import py_compile
from pathlib import Path

from helpers.credentials import asaas_key
from helpers.running import scan_json


def compiled(source: Path) -> Path:
    """Compile ``source`` as an import does, into ``__pycache__``; the compiled file's path."""
    return Path(py_compile.compile(str(source), doraise=True))


def reported(report: dict) -> list[str]:
    return sorted(Path(f["location"]["path"]).name.split(".")[0] + Path(f["location"]["path"]).suffix
                  for f in report["findings"])


def test_a_key_its_source_allows_inline_is_not_reported_from_the_pyc(tmp_path: Path) -> None:
    source = tmp_path / "app" / "settings.py"
    source.parent.mkdir()
    allowed, other = asaas_key(), asaas_key()
    source.write_text(f'SANDBOX_KEY = "{allowed}"  # keyaudit:allow sandbox key of the test account\n'
                      f'LIVE_KEY = "{other}"\n')
    pyc = compiled(source)
    assert pyc.parent.name == "__pycache__"
    report, _ = scan_json(str(tmp_path / "app"))
    assert reported(report) == ["settings.py", "settings.pyc"]  # the token no marker allows, in both
    assert report["scan"]["suppressed"] == {"inline": 2}
    legacy = Path(py_compile.compile(str(source), cfile=str(source.with_suffix(".pyc")), doraise=True))
    report, _ = scan_json(str(legacy), str(source))  # compileall -b: name.pyc beside name.py
    assert reported(report) == ["settings.py", "settings.pyc"] and report["scan"]["suppressed"] == {"inline": 2}


def test_a_stale_or_lone_pyc_is_still_reported(tmp_path: Path) -> None:
    source = tmp_path / "settings.py"
    key = asaas_key()
    source.write_text(f'SANDBOX_KEY = "{key}"  # keyaudit:allow sandbox key of the test account\n')
    pyc = compiled(source)
    source.write_text('SANDBOX_KEY = os.environ["SANDBOX_KEY"]  # keyaudit:allow read from the environment\n')
    report, _ = scan_json(str(pyc))  # the source no longer holds the key: the compiled copy leaks it
    assert reported(report) == ["settings.pyc"] and report["scan"].get("suppressed", {}) == {}
    source.unlink()
    report, _ = scan_json(str(pyc))
    assert reported(report) == ["settings.pyc"]
    source.write_text(f'SANDBOX_KEY = "{key}"\n# keyaudit:allow-next-line the marker is for the next line only\n')
    report, _ = scan_json(str(pyc))
    assert reported(report) == ["settings.pyc"]
