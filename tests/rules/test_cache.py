"""The rule cache is not trusted blindly: an entry edited after it was written is rebuilt, and a
cache folder someone else can write to is not used (one warning line a run).

Reproduces issue 13's case: editing a cached parsed rule file silently turned a rule off (0
findings, exit 0), and a cache in a shared CI folder let anyone decide what a scan looks for.
Real folders, real permissions, real processes.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import time
from pathlib import Path

import pytest

from helpers.credentials import asaas_key
from helpers.engines import needs_hyperscan
from helpers.running import proc
from helpers.secrecy import scrub
from keyaudit.rulebook import cache

posix_only = pytest.mark.skipif(os.name != "posix", reason="owners and mode bits are POSIX")
EXTRA_RULE = """rules:
  - {id: other-key, title: Other key, provider: other, category: access-token, severity: low,
     keywords: [otherkey_], pattern: 'otherkey_(?P<secret>[0-9]{12})'}
"""


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with one Asaas key to find, and a cache of this test's own."""
    monkeypatch.setenv("KEYAUDIT_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "app.log").write_text(f"ASAAS_API_KEY={asaas_key()}\n")
    (tmp_path / "extra.yaml").write_text(EXTRA_RULE)
    return tmp_path


def scan(project: Path, *args: str) -> tuple[list[str], list[str]]:
    """The rule ids found in app.log by a real process, and its warning lines."""
    run = proc("scan", "--format", "json", "--jobs", "1", *args, "app.log", cwd=project)
    stderr = run.stderr.decode("utf-8", "replace")
    assert run.returncode in (0, 1) and "Traceback" not in stderr, scrub(stderr)
    rule_ids = [finding["rule_id"] for finding in json.loads(run.stdout)["findings"]]
    return rule_ids, [line for line in stderr.splitlines() if line.startswith("keyaudit: warning:")]


def entries(project: Path, pattern: str) -> dict[Path, bytes]:
    return {path: path.read_bytes() for path in sorted((project / "cache" / "keyaudit").glob(pattern))}


def verifies(path: Path) -> bool:
    """Whether an entry's bytes match the digest in its name (``<name>.<sha256>.<suffix>``)."""
    return path.name.split(".")[-2] == hashlib.sha256(path.read_bytes()).hexdigest()


def test_an_edited_parsed_rule_file_is_rebuilt_not_trusted(project: Path) -> None:
    assert scan(project) == (["asaas-api-key"], [])
    cached = entries(project, "rules-*.json")
    asaas = [path for path, data in cached.items() if b"asaas-api-key" in data]
    assert len(asaas) == 1
    for path in asaas:  # the rule quietly taken out of the parsed file
        document = json.loads(cached[path])
        document["rules"] = [rule for rule in document["rules"] if rule["id"] != "asaas-api-key"]
        path.write_text(json.dumps(document))
    assert scan(project) == (["asaas-api-key"], [])
    assert all(path.exists() and verifies(path) and path.read_bytes() == cached[path] for path in asaas)


@needs_hyperscan
def test_a_database_swapped_for_another_rule_sets_is_rebuilt_not_trusted(project: Path) -> None:
    """Valid Hyperscan databases, but of other rules (their ids shifted by one more rule, one more
    keyword): read as they are, the Asaas rule would never be gated, and nothing would be found."""
    assert scan(project, "--engine", "hyperscan") == (["asaas-api-key"], [])
    own = entries(project, "hs-*.db")
    scan(project, "--engine", "hyperscan", "--rules", "extra.yaml")
    other = [data for path, data in sorted(entries(project, "hs-*.db").items()) if path not in own]
    # the rules', their keywords' and the decoding layer's keyword finder's (the database of a rule too long to share
    # one is the same for both)
    assert len(other) == 3 and len(own) >= 3
    for path, swapped in zip(sorted(own), itertools.cycle(other)):
        path.write_bytes(swapped)
    assert scan(project, "--engine", "hyperscan") == (["asaas-api-key"], [])
    assert all(path.read_bytes() == own[path] and verifies(path) for path in own)


# a rule Hyperscan cannot compile (a conditional group): the rules' database leaves it out, and which ones it left out
# is a cached answer of its own (``hs-….rejected``)
REJECTED_RULE = """rules:
  - {id: cond-key, title: Cond key, provider: other, category: access-token, severity: low, keywords: [condkey_],
     pattern: '(?P<p>condkey_)(?P<secret>[0-9]{12})(?(p)|x)'}
"""


@needs_hyperscan
@pytest.mark.parametrize("answer", [b"[]", b"[9999]", b"not json", b'{"a": 1}'])
def test_an_intact_but_wrong_answer_of_which_patterns_hyperscan_rejects_is_found_afresh(project: Path,
                                                                                      answer: bytes) -> None:
    """An answer another build of the library gave (its bytes match their digest: not damaged) made every later run
    an internal error, the whole report lost; it is forgotten and found again."""
    (project / "cond.yaml").write_text(REJECTED_RULE)
    (project / "app.log").write_text(f"ASAAS_API_KEY={asaas_key()}\nid=condkey_123456789012\n")
    found = (["asaas-api-key", "cond-key"], [])
    assert scan(project, "--engine", "hyperscan", "--rules", "cond.yaml") == found
    [(path, right)] = entries(project, "hs-*.rejected").items()
    stale = path.with_name(f"{path.name.split('.')[0]}.{hashlib.sha256(answer).hexdigest()}.rejected")
    path.rename(stale)
    stale.write_bytes(answer)
    assert scan(project, "--engine", "hyperscan", "--rules", "cond.yaml") == found
    assert list(entries(project, "hs-*.rejected").values()) == [right]


@posix_only
@pytest.mark.parametrize("mode", [0o777, 0o770, 0o722])
def test_a_cache_folder_others_can_write_to_is_not_used(project: Path, mode: int) -> None:
    folder = project / "cache" / "keyaudit"
    folder.mkdir(parents=True)
    folder.chmod(mode)
    found, warnings = scan(project)
    assert found == ["asaas-api-key"]
    assert warnings == [f"keyaudit: warning: cache folder {folder} is writable by other users (mode {mode:03o}): "
                        "not used, rules are parsed and compiled afresh; make it yours with mode 700, or set "
                        "KEYAUDIT_CACHE_DIR to a private folder"]
    assert list(folder.iterdir()) == []  # nothing written into it either


@posix_only
@pytest.mark.skipif(os.name == "posix" and os.geteuid() != 0, reason="only root can give a folder to another user")
def test_a_cache_folder_of_another_user_is_not_used(project: Path) -> None:
    folder = project / "cache" / "keyaudit"
    folder.mkdir(parents=True, mode=0o700)
    os.chown(folder, 65534, 65534)
    found, warnings = scan(project)
    assert found == ["asaas-api-key"] and len(warnings) == 1
    assert f"cache folder {folder} belongs to another user (uid 65534): not used" in warnings[0]
    assert list(folder.iterdir()) == []


@posix_only
def test_a_new_cache_folder_is_made_private_and_rules_commands_warn_too(project: Path) -> None:
    assert scan(project) == (["asaas-api-key"], [])
    folder = project / "cache" / "keyaudit"
    assert folder.stat().st_mode & 0o777 == 0o700
    folder.chmod(0o775)
    for command in (["rules", "list"], ["rules", "test"]):
        run = proc(*command, cwd=project)
        warnings = [line for line in run.stderr.decode().splitlines() if line.startswith("keyaudit: warning:")]
        assert run.returncode == 0 and len(warnings) == 1 and "is writable by other users" in warnings[0], warnings


@posix_only
def test_a_refused_folder_is_never_written_and_a_process_keeps_what_it_built(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """``rules test`` builds the same database for every example: with the folder refused, each
    was compiled again (a minute and more); the process now keeps its own, the folder untouched."""
    folder = tmp_path / "keyaudit"
    folder.mkdir()
    folder.chmod(0o775)  # writable by others: refused
    monkeypatch.setenv("KEYAUDIT_CACHE_DIR", str(tmp_path))
    assert cache.refusal() is not None
    names = [f"hs-{index:032x}.db" for index in range(cache.MEMORY_ENTRIES + 1)]
    for index, name in enumerate(names):
        cache.write_entry(name, b"database %d" % index)
    assert cache.read_entry(names[-1]) == b"database %d" % (len(names) - 1)
    assert cache.read_entry(names[0]) is None  # the oldest let go: memory stays bounded
    assert list(folder.iterdir()) == []


DAY = 86_400


def planted(folder: Path, name: str, age_days: float, data: bytes = b"x") -> Path:
    path = folder / name
    path.write_bytes(data)
    stamp = time.time() - age_days * DAY
    os.utime(path, (stamp, stamp))
    return path


@posix_only
def test_a_run_that_writes_prunes_old_and_surplus_entries_and_nothing_else(project: Path) -> None:
    """Issue 14's cache of 837 entries: a run that adds an entry deletes the entries no run used
    for 30 days and, of each kind, all but the 100 used last; the entries it read itself (marked
    used, however old they were), files of other names, symlinks and their targets, and a
    temporary another run may be writing stay."""
    assert scan(project) == (["asaas-api-key"], [])  # fills the cache
    folder = project / "cache" / "keyaudit"
    own_rules = sorted(folder.glob("rules-*.json"))
    assert own_rules
    for path in folder.iterdir():  # everything this first run wrote now looks long unused
        os.utime(path, (time.time() - 40 * DAY,) * 2)
    digest = "ab" * 32
    old = [planted(folder, f"hs-{index:032x}.{digest}.db", 31 + index) for index in range(3)]
    old.append(planted(folder, f"rules-1-{'c' * 32}.json", 45))  # an older version's, without digest
    # A kind this run does not write (an older format's parsed rule files), used in the last days.
    recent = [planted(folder, f"rules-0-{index:032x}.{digest}.json", index / 24) for index in range(105)]
    outside = planted(project, "elsewhere.db", 90)
    (folder / f"hs-{'d' * 32}.{digest}.db").symlink_to(outside)
    foreign = planted(folder, "notes.txt", 90)
    writing = planted(folder, f".hs-{'e' * 32}.{digest}.db.4242.tmp", 0.01)
    abandoned = planted(folder, f".hs-{'f' * 32}.{digest}.db.4243.tmp", 2)

    assert scan(project, "--rules", "extra.yaml") == (["asaas-api-key"], [])  # reads, and writes extra.yaml's

    assert not any(path.exists() for path in old) and not abandoned.exists()
    assert [path.exists() for path in recent] == [True] * 100 + [False] * 5  # the 100 used last
    assert all(path.exists() for path in own_rules)  # read by the second run: used again
    assert (folder / f"hs-{'d' * 32}.{digest}.db").is_symlink() and outside.read_bytes() == b"x"
    assert foreign.exists() and writing.exists()
    assert scan(project, "--rules", "extra.yaml") == (["asaas-api-key"], [])
