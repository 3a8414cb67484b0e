"""A scan that reads little (a pre-commit hook's staged files, a few named files) takes Hyperscan
only where its databases are cached: compiling them costs seconds, more than the regex engine
spends on a megabyte. Real processes, each with an empty cache of its own, as a fresh CI runner
has; the findings are the same whichever engine ran."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers.credentials import iugu_token
from helpers.engines import needs_hyperscan
from helpers.repos import new_repo, stage
from helpers.running import proc, subprocess_env
from keyaudit.engine import SMALL_SCAN_BYTES
from keyaudit.engine.encodings import decode_anchors
from keyaudit.rulebook.loader import load_rules

pytestmark = needs_hyperscan


def scanned(cache: Path, cwd: Path, *args: str) -> tuple[str, list[tuple[str, int]], list[str]]:
    """``keyaudit scan --format json ARGS`` with ``cache`` as its cache folder: the engine its
    report names, its findings (rule and line), and the databases the cache holds after."""
    done = proc("scan", "--format", "json", "--jobs", "1", *args, cwd=cwd,
                env={**subprocess_env(), "KEYAUDIT_CACHE_DIR": str(cache)})
    assert done.returncode in (0, 1), done.stderr.decode()[-2000:]
    report = json.loads(done.stdout)
    assert report["errors"] == []
    findings = [(finding["rule_id"], finding["location"]["line"]) for finding in report["findings"]]
    return report["scan"]["engine"], findings, sorted(path.name for path in cache.rglob("hs-*.db"))


def test_a_small_scan_on_an_empty_cache_runs_by_regex_and_by_hyperscan_once_a_larger_one_compiled(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    small = tmp_path / "app.env"
    small.write_text(f"IUGU_API_TOKEN={iugu_token()}\n")
    large = tmp_path / "app.log"
    filler = "2026-11-22T10:00:00Z INFO worker done\n"
    large.write_text(filler * (SMALL_SCAN_BYTES // len(filler) + 1) + f"api_token={iugu_token()}\n")

    engine, first, databases = scanned(cache, tmp_path, str(small))
    assert engine == "regex" and databases == [] and first == [("iugu-api-token", 1)]
    engine, found, databases = scanned(cache, tmp_path, str(small), str(large))  # past the bound: compiled
    assert engine == "hyperscan" and len(databases) >= 2 and len(found) == 2  # the rules' (maybe several), keywords'
    assert scanned(cache, tmp_path, str(small))[:2] == ("hyperscan", first)  # cached now: no compiling


def test_an_engine_asked_for_by_name_is_the_one_that_runs(tmp_path: Path) -> None:
    small = tmp_path / "app.env"
    small.write_text(f"IUGU_API_TOKEN={iugu_token()}\n")
    engine, _, databases = scanned(tmp_path / "cache", tmp_path, "--engine", "hyperscan", str(small))
    assert engine == "hyperscan" and len(databases) >= 2


def test_the_staged_files_of_a_commit_are_measured_as_the_work_tree_has_them(tmp_path: Path) -> None:
    repo = new_repo(tmp_path / "repo")
    stage(repo, "config/app.env", f"IUGU_API_TOKEN={iugu_token()}\n")
    assert scanned(tmp_path / "cache", repo, "--staged")[:2] == ("regex", [("iugu-api-token", 1)])
    stage(repo, "logs/big.log", "2026-11-22T10:00:00Z INFO worker done\n" * (SMALL_SCAN_BYTES // 30))
    assert scanned(tmp_path / "cache", repo, "--staged")[:2] == ("hyperscan", [("iugu-api-token", 1)])


def test_the_staged_files_are_measured_as_the_index_has_them_not_the_work_tree(tmp_path: Path) -> None:
    """The scan reads the index: a file staged big and then cut down in the work
    tree is a big scan, and one staged small and then grown a small one."""
    repo = new_repo(tmp_path / "repo")
    big = "2026-11-22T10:00:00Z INFO worker done\n" * (SMALL_SCAN_BYTES // 30)
    stage(repo, "logs/big.log", big + f"api_token={iugu_token()}\n")
    (repo / "logs" / "big.log").write_text("cut down\n")
    stage(repo, "config/app.env", f"IUGU_API_TOKEN={iugu_token()}\n")
    assert scanned(tmp_path / "cache", repo, "--staged")[:2] == (
        "hyperscan", [("iugu-api-token", 1), ("iugu-api-token", big.count("\n") + 1)])
    other = new_repo(tmp_path / "other")
    stage(other, "config/app.env", f"IUGU_API_TOKEN={iugu_token()}\n")
    (other / "config" / "app.env").write_text(big)  # grown after staging: not what the commit records
    assert scanned(tmp_path / "cache2", other, "--staged")[:2] == ("regex", [("iugu-api-token", 1)])


def test_a_small_compressed_file_is_measured_by_the_text_it_holds(tmp_path: Path) -> None:
    """A gzip log or a zip of a few hundred kilobytes holds megabytes of text: not a small scan."""
    import gzip
    import zipfile

    text = "2026-11-22T10:00:00Z INFO worker done\n" * (SMALL_SCAN_BYTES // 20) + f"api_token={iugu_token()}\n"
    (tmp_path / "app.log.gz").write_bytes(gzip.compress(text.encode()))
    with zipfile.ZipFile(tmp_path / "logs.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("app.log", text)
    for name in ("app.log.gz", "logs.zip"):
        assert (tmp_path / name).stat().st_size < SMALL_SCAN_BYTES // 10
        engine, found, _ = scanned(tmp_path / f"cache-{name}", tmp_path, str(tmp_path / name))
        assert (engine, found) == ("hyperscan", [("iugu-api-token", text.count("\n"))])


def test_a_cache_without_the_keyword_finder_keeps_hyperscan_for_a_small_scan(tmp_path: Path,
                                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """A cache an earlier keyaudit warmed holds the rules' databases but not the decoding layer's keyword finder: a
    small scan on it still runs on Hyperscan (the searches answer for the finder), as it did before."""
    cache, alone = tmp_path / "cache", tmp_path / "finder-alone"
    small = tmp_path / "app.env"
    small.write_text(f"IUGU_API_TOKEN={iugu_token()}\n")
    assert scanned(cache, tmp_path, "--engine", "hyperscan", str(small))[:2] == ("hyperscan", [("iugu-api-token", 1)])
    monkeypatch.setenv("KEYAUDIT_CACHE_DIR", str(alone))
    from keyaudit.engine.hyperscan_databases import literal_finder  # imports hyperscan: only where it is installed
    assert literal_finder(decode_anchors(load_rules()).keywords) is not None
    (finder,) = [path.name for path in alone.rglob("hs-*.db")]  # the finder's database, named as in any cache
    (held,) = list(cache.rglob(finder))
    held.unlink()
    assert scanned(cache, tmp_path, str(small))[:2] == ("hyperscan", [("iugu-api-token", 1)])
