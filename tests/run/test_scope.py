"""Where a scan's targets are: the git work tree found by walking up (a repository, a linked
worktree whose ``.git`` is a file, a sub-folder, a file), the folder holding targets outside one,
and the kind of scan each mix of targets is."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.repos import git, init_repo
from keyaudit.model.result import SourceRoot
from keyaudit.run.scope import scope, work_tree


@pytest.fixture
def places(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    """A repository with a sub-folder, a linked worktree of it, and a folder in no repository;
    the working folder is ``tmp_path``."""
    monkeypatch.chdir(tmp_path)
    repo = tmp_path / "repo"
    (repo / "src" / "deep").mkdir(parents=True)
    (repo / "src" / "deep" / "app.py").write_text("x = 1\n")
    init_repo(repo)
    linked = tmp_path / "linked"
    git(repo, "worktree", "add", "-q", str(linked))
    outside = tmp_path / "exports" / "logs"
    outside.mkdir(parents=True)
    (outside / "app.log").write_text("x\n")
    (outside / "capture.har").write_text("{}\n")
    return {"repo": repo, "linked": linked, "outside": outside}


def test_the_work_tree_is_found_from_any_folder_or_file_in_it(places: dict[str, Path]) -> None:
    repo, linked = places["repo"], places["linked"]
    assert (linked / ".git").is_file()  # a linked worktree: its .git is a file naming the git dir
    assert work_tree(str(repo / "src" / "deep" / "app.py")) == str(repo)
    assert work_tree("repo/src/deep") == str(repo)
    assert work_tree(str(linked / "src")) == str(linked)
    assert work_tree(str(places["outside"])) is None


def test_targets_in_a_repository_have_its_top_as_root(places: dict[str, Path], tmp_path: Path) -> None:
    assert scope(["repo/src/deep", str(places["outside"])]) == (SourceRoot(str(places["repo"]), True, str(tmp_path)),
                                                                "source+logs")


def test_targets_outside_a_repository_have_their_folder_as_root(places: dict[str, Path], tmp_path: Path) -> None:
    outside = places["outside"]
    assert scope([str(outside / "app.log")]) == (SourceRoot(str(outside), False, str(tmp_path)), "logs")
    assert scope(["exports/logs/capture.har", "exports"]) == \
        (SourceRoot(str(tmp_path / "exports"), False, str(tmp_path)), "logs+har")


def test_standard_input_urls_and_scattered_targets_have_no_root(places: dict[str, Path]) -> None:
    assert scope(["-"]) == (None, "stdin")
    assert scope(["s3://bucket/logs/", "-"]) == (None, "store+stdin")
    assert scope([str(places["outside"]), "/dev/null"]) == (None, "logs")  # nothing in common but /


def test_a_staged_scan_is_rooted_at_its_repository(places: dict[str, Path]) -> None:
    repo = places["repo"]
    assert scope(["."], staged_root=repo) == (SourceRoot(str(repo), True, str(repo)), "staged")
