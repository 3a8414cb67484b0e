"""The spool: a scan's findings sorted and folded the same whether they stay in memory or go to
disk, and secrets sealed on the way to disk."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from helpers.credentials import asaas_key, iugu_line, iugu_token
from helpers.running import run_scan
from keyaudit.model.secrets import SealedSecret, Secret
from keyaudit.run.spool import FindingSpool
from keyaudit.run.tally import PACK_AT


def plant(root: Path) -> str:
    """A tree with many findings: a key in three files (twice in one), a distinct token on every
    line of a log, and plain-HTTP transfers in a script; the shared key is returned."""
    key = asaas_key()
    (root / "a.env").write_text(f"ASAAS_API_KEY={key}\n")
    (root / "b.py").write_text(f'KEY = "{key}"\n\n\nclient(api_key="{key}")\n')
    (root / "c.log").write_text(f"boot\nusing {key}\n" + "".join(
        f"2026-11-30T01:02:{n % 60:02d}Z {iugu_line(iugu_token())}\n" for n in range(60)))
    (root / "deploy.sh").write_text("curl -X POST http://api.asaas.com/v3/transfers -d '{}'\n" * 3)
    return key


def reported(root: Path, **options: object) -> list[dict]:
    result = run_scan(str(root), jobs=1, **{"no_dedupe": False, **options})
    assert len(result.findings) == len(list(result.findings))  # counted as iterated
    return [finding.to_dict(digest_key=b"k" if options.get("digest_key") else None) for finding in result.findings]


@pytest.mark.parametrize("options", [{}, {"digest_key": "k"}, {"no_dedupe": True}], ids=["plain", "keyed", "apart"])
def test_findings_read_the_same_from_disk_as_from_memory(tmp_path: Path, options: dict) -> None:
    plant(tmp_path)
    in_memory = reported(tmp_path, **options)
    on_disk = reported(tmp_path, spill_at=7, **options)  # every table spills, in many runs
    assert on_disk == in_memory
    assert len(in_memory) >= 60 + 3 + 6
    key = b"k" if options.get("digest_key") else None
    secrets = [run_scan(str(tmp_path), jobs=1, spill_at=spill_at, **{"no_dedupe": False, **options}).secrets
               for spill_at in (7, 10_000)]
    assert [s.to_dict(key) for s in secrets[0]] == [s.to_dict(key) for s in secrets[1]]
    assert len(secrets[0]) == 61 and secrets[0][0].files == 3  # the shared key first: a.env comes first


def test_a_secret_in_three_files_is_one_finding_per_file_with_its_sightings_there(tmp_path: Path) -> None:
    plant(tmp_path)
    findings = [f for f in reported(tmp_path) if f["provider"] == "asaas" and f["secret"]]
    places = [(Path(f["location"]["path"]).name, f["location"]["line"], f["occurrences"]["count"],
               [location["line"] for location in f["occurrences"]["locations"]]) for f in findings]
    assert places == [("a.env", 1, 1, [1]), ("b.py", 1, 2, [1, 4]), ("c.log", 2, 1, [2])]
    assert len({f["fingerprint"] for f in findings}) == 3
    assert len({f["secret"]["digest"] for f in findings}) == 1


def test_fixing_one_file_leaves_the_other_files_fingerprints_as_they_were(tmp_path: Path) -> None:
    plant(tmp_path)
    before = {f["location"]["path"]: f["fingerprint"] for f in reported(tmp_path) if f["provider"] == "asaas"}
    (tmp_path / "a.env").write_text("ASAAS_API_KEY=\n")
    after = {f["location"]["path"]: f["fingerprint"] for f in reported(tmp_path) if f["provider"] == "asaas"}
    assert str(tmp_path / "a.env") not in after
    assert after == {path: fingerprint for path, fingerprint in before.items() if path in after} and len(after) >= 2


def test_every_request_is_its_own_finding(tmp_path: Path) -> None:
    plant(tmp_path)
    script = [f for f in reported(tmp_path) if f["location"]["path"].endswith("deploy.sh")]
    assert sorted((f["category"], f["location"]["line"]) for f in script) == [
        (category, line) for category in ("plaintext-http", "unsigned-transfer") for line in (1, 2, 3)]
    assert all(f["occurrences"]["count"] == 1 for f in script)


def test_spilled_secrets_are_sealed_unless_the_report_shows_them(tmp_path: Path) -> None:
    plant(tmp_path)
    sealed = run_scan(str(tmp_path), jobs=1, spill_at=5, digest_key="k")
    assert {type(f.secret) for f in sealed.findings if f.secret} == {SealedSecret}
    keyed = {f.to_dict(digest_key=b"k")["secret"]["digest"] for f in sealed.findings if f.secret}
    assert keyed and all(digest.startswith("hmac-sha256:") for digest in keyed)
    shown = run_scan(str(tmp_path), jobs=1, spill_at=5, show_secrets=True)
    assert {type(f.secret) for f in shown.findings if f.secret} == {Secret}


def test_suppressed_findings_are_counted_by_reason_not_reported(tmp_path: Path) -> None:
    key = asaas_key()
    (tmp_path / "a.env").write_text(f"ASAAS_API_KEY={key}\n" * 30)
    spool = FindingSpool(spill_at=4)
    spool.add(run_scan(str(tmp_path), jobs=1).findings)
    suppressed: Counter[str] = Counter()
    folded, secrets = spool.fold(lambda finding: "baseline" if finding.location.line % 2 else None, dedupe=True,
                                 suppressed=suppressed)
    assert suppressed == Counter({"baseline": 15})
    [finding] = folded
    assert (finding.location.line, finding.occurrences.count) == (2, 15)
    assert folded[0] == finding and folded[-1] == finding and folded[:] == [finding]
    with pytest.raises(IndexError):
        folded[1]
    [leaked] = secrets
    assert (leaked.files, leaked.occurrences, leaked.paths) == (1, 15, [str(tmp_path / "a.env")])


def test_a_unit_with_more_findings_than_it_holds_as_objects_loses_none(tmp_path: Path) -> None:
    tokens = [iugu_token() for _ in range(PACK_AT * 2 + 7)]  # three packed batches and a loose tail
    (tmp_path / "dense.log").write_text("".join(f"{iugu_line(token)}\n" for token in tokens))
    result = run_scan(str(tmp_path / "dense.log"), jobs=1, spill_at=1_000)
    assert [f.location.line for f in result.findings] == list(range(1, len(tokens) + 1))
    assert {f.to_dict()["secret"]["digest"] for f in result.findings} == {
        "sha256:" + Secret(token).identity for token in tokens}
