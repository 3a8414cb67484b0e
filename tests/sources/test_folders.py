"""Walking folders: ignore files that are broken cost only their bad lines, and paths that cannot
be reached are named, never the end of the scan (the folder-shaped cases are in the bad-input
matrix, ``helpers/bad_inputs/folders.py``; these are the ones shaped like a command line)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers.bad_inputs.folders import deeper_than_a_path
from helpers.credentials import iugu_line, iugu_token
from helpers.privileges import can_run_unprivileged
from helpers.running import cli, proc, scan_json
from helpers.secrecy import scrub


def test_an_ignore_file_with_invalid_lines_still_applies_its_valid_ones(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "logs").mkdir()
    (tmp_path / "logs" / ".gitignore").write_text("*.tmp\n!\n!keep.tmp\nsecret\\\n")  # lines 2 and 4 are not patterns
    for name in ("scratch.tmp", "keep.tmp", "app.log"):
        (tmp_path / "logs" / name).write_text(iugu_line(iugu_token()) + "\n")
    report, run = scan_json("logs")
    assert sorted(f["location"]["path"] for f in report["findings"]) == ["logs/app.log", "logs/keep.tmp"]
    assert report["errors"] == [{"path": "logs/.gitignore",
                                 "message": "lines 2, 4: not a valid ignore pattern; the other lines apply"}]
    assert run.stderr.count("keyaudit: error:") == 1 and "secret\\" not in run.stderr  # lines named, not quoted


def test_a_file_deeper_than_a_path_can_name_is_found_once_with_state(readable_tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Past PATH_MAX the folder is listed, and the file read, a few names at a time from the
    target; with --state such a file is known by its content like any other."""
    monkeypatch.chdir(readable_tmp_path)
    bottom = deeper_than_a_path(readable_tmp_path)
    report, run = scan_json("--jobs", "2", ".")
    assert [f["location"]["path"] for f in report["findings"]] == [bottom] and report["errors"] == []
    assert report["scan"]["skipped"] == {"ignored": 1}  # the ignore file at the bottom applies
    for found in (1, 0):
        again, _ = scan_json("--state", "state.db", ".")
        assert len(again["findings"]) == found and again["errors"] == []


def test_an_invalid_exclude_pattern_is_a_usage_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "app.log").write_text("hello\n")
    run = cli("scan", "--exclude", "logs\\", "app.log")
    assert run.exit_code == 2 and run.stderr.count("\n") == 1, scrub(run.stderr)
    assert run.stderr.startswith("keyaudit: error: exclude: 'logs\\\\' is not a valid gitignore pattern")


@pytest.mark.skipif(not can_run_unprivileged(), reason="needs a user file permissions apply to")
def test_a_target_inside_a_folder_that_cannot_be_entered(readable_tmp_path: Path) -> None:
    locked = readable_tmp_path / "locked"
    locked.mkdir()
    (locked / "app.log").write_text(iugu_line(iugu_token()) + "\n")
    (readable_tmp_path / "open.log").write_text(iugu_line(iugu_token()) + "\n")
    locked.chmod(0o000)
    alone = proc("scan", "--format", "json", "locked/app.log", cwd=readable_tmp_path, unprivileged=True)
    stderr = alone.stderr.decode()
    assert alone.returncode == 2 and "Traceback" not in stderr, scrub(stderr)  # every input failed
    assert stderr.splitlines()[0] == "keyaudit: error: locked/app.log: cannot open: Permission denied"
    beside = proc("scan", "--format", "json", "locked/app.log", "open.log", cwd=readable_tmp_path, unprivileged=True)
    report = json.loads(beside.stdout)
    assert beside.returncode == 1 and [f["location"]["path"] for f in report["findings"]] == ["open.log"]
    assert report["errors"] == [{"path": "locked/app.log", "message": "cannot open: Permission denied"}]


def test_a_file_named_twice_or_also_inside_a_folder_named_is_read_once(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """`keyaudit scan logs logs/app.log logs/app.log missing missing`: one file read, one finding (every
    occurrence its own, --no-dedupe), one error for the missing path (it was printed once a time named)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "logs").mkdir()
    (tmp_path / "logs" / "app.log").write_text(iugu_line(iugu_token()) + "\n")
    report, _ = scan_json("--no-dedupe", "logs", "logs/app.log", str(tmp_path / "logs" / "app.log"), "missing", "missing")
    assert report["scan"]["files_scanned"] == 1 and len(report["findings"]) == 1
    assert report["errors"] == [{"path": "missing", "message": "no such file or directory"}]


GIT_OBJECTS = "git objects (history: pipe `git log -p --all` in)"


def test_a_git_directory_named_counts_its_object_store_as_skipped_and_reads_its_config(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Loose git objects (zlib streams) were read as text: files scanned, nothing found, nothing
    said. The object store is counted as skipped, by a reason that says how to read the history;
    the git directory's text (a key in its config) is still scanned."""
    from helpers.credentials import asaas_key
    from helpers.repos import git, init_repo

    monkeypatch.chdir(tmp_path)
    (tmp_path / "work").mkdir()
    (tmp_path / "work" / "app.log").write_text(iugu_line(iugu_token()) + "\n")
    repo = init_repo(tmp_path / "work")
    git(repo, "config", "http.extraHeader", f"access_token: {asaas_key()}")
    git(tmp_path, "clone", "-q", "--bare", "work", "bare.git")
    report, run = scan_json("work/.git", "bare.git", "work/.git/objects")
    paths = [f["location"]["path"] for f in report["findings"] if f["category"] == "access-token"]
    assert paths == ["work/.git/config"], scrub(run.stderr)
    assert report["scan"]["skipped"].get(GIT_OBJECTS) == 3
    scanned = report["scan"]["files_scanned"]
    # every file outside the object store, the binary index too (its strings read)
    assert scanned == len([p for p in (repo / ".git").rglob("*") if p.is_file() and "objects" not in p.parts]) \
        + len([p for p in (tmp_path / "bare.git").rglob("*") if p.is_file() and "objects" not in p.parts])


def test_keyaudit_s_own_cache_folder_is_counted_as_skipped_and_other_tagged_caches_are_read(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The cache's parsed rule files hold every rule's examples: a scan of a home folder found 210 "credentials" in
    it. The cache tags itself (the Cache Directory Tagging Specification's tag, naming keyaudit) and the walk counts
    it as skipped; another tool's tagged cache is read like any folder (a key in it is someone's key), and so is a
    folder keyaudit's tag was copied into that holds files the cache never writes."""
    import os
    import shutil

    from keyaudit.rulebook.cache import CACHE_TAG

    monkeypatch.chdir(tmp_path)
    ours = tmp_path / "home" / ".cache" / "keyaudit"
    shutil.copytree(Path(os.environ["KEYAUDIT_CACHE_DIR"]) / "keyaudit", ours)  # the suite's cache, as a run left it
    assert (ours / CACHE_TAG).read_text().startswith("Signature: 8a477f597d28d172789f06886806bc55\n")
    theirs = tmp_path / "home" / "project" / "target"
    theirs.mkdir(parents=True)
    (theirs / CACHE_TAG).write_text("Signature: 8a477f597d28d172789f06886806bc55\n"
                                    "# This file is a cache directory tag created by cargo.\n")
    (theirs / "build.log").write_text(iugu_line(iugu_token()) + "\n")
    forged = tmp_path / "home" / "project" / "config"  # keyaudit's tag copied into a folder of other files
    forged.mkdir()
    shutil.copy(ours / CACHE_TAG, forged / CACHE_TAG)
    (forged / "prod.env").write_text(iugu_line(iugu_token()) + "\n")
    report, run = scan_json("-v", "home")
    assert [f["location"]["path"] for f in report["findings"]] == [
        "home/project/config/prod.env", "home/project/target/build.log"], scrub(run.stderr)
    assert report["scan"]["skipped"] == {"keyaudit cache": 1}
    assert "keyaudit: skipped: home/.cache/keyaudit (keyaudit cache)" in run.stderr
    (ours / CACHE_TAG).unlink()  # untagged, the same folder is read: its rule files' examples are found
    for entry in ours.glob("rules-*.json"):
        if entry.stat().st_size > 100_000:
            entry.unlink()  # one 200 KB line of examples takes seconds: the smaller files show the point
    untagged, _ = scan_json("home/.cache")
    assert len(untagged["findings"]) > 10
