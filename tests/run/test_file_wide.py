"""Evidence of the whole file, whatever the file is cut into: a rule whose context counts a provider
host anywhere in its file (a certificate check turned off in a file that calls iugu) judges a hit
by every host of the file, when the file is read in byte ranges by several workers as when it is
read whole — the hit in one range, the host in another; and a context that reaches a few lines
around a hit reaches across a range's boundary as across a buffer's."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from helpers.credentials import asaas_key
from helpers.running import run_scan
from keyaudit.run.units import plan_units
from keyaudit.sources.targets import Discovery

RANGE = 40_000  # bytes a range holds here: the files below span ten of them
FILLER = "".join(f"2026-11-22 10:{n // 60:02d}:{n % 60:02d} INFO served /health in 2 ms\n" for n in range(6000))
SETTING = "requests.post(url, json=body, verify=False)\n"
IUGU, ASAAS = 'BASE = "https://api.iugu.com/v1"\n', 'BASE = "https://api.asaas.com/v3"\n'


def _found(path: Path, jobs: int, range_bytes: int = RANGE) -> list[tuple[str, int, str, str | None, str]]:
    result = run_scan(str(path), jobs=jobs, range_bytes=range_bytes)
    assert result.errors == []
    return [(f.rule_id, f.location.line, f.provider, f.context.get("provider_host"), f.message) for f in result.findings]


@pytest.mark.parametrize("layout", ["host-first", "host-last", "hosts-around"])
def test_a_host_ranges_away_counts_on_every_worker_count(tmp_path: Path, layout: str) -> None:
    parts = {"host-first": [IUGU, FILLER, SETTING], "host-last": [SETTING, FILLER, IUGU],
             "hosts-around": [ASAAS, FILLER, SETTING, FILLER, IUGU]}[layout]
    path = tmp_path / "client.log"
    path.write_text("".join(parts))
    whole = _found(path, jobs=1)
    assert [(rule, provider, host) for rule, _, provider, host, _ in whole] == [
        ("tls-verification-off", "asaas" if layout == "hosts-around" else "iugu",
         "api.asaas.com" if layout == "hosts-around" else "api.iugu.com")]
    assert _found(path, jobs=2) == whole


def test_a_file_that_names_no_provider_host_stays_quiet_in_ranges(tmp_path: Path) -> None:
    path = tmp_path / "client.log"
    path.write_text('BASE = "https://internal.example.com/api"\n' + FILLER + SETTING + FILLER)
    assert _found(path, jobs=2) == _found(path, jobs=1) == []


def test_a_gzip_file_of_many_members_judges_by_all_of_them(tmp_path: Path) -> None:
    text = (SETTING + FILLER + FILLER + IUGU).encode()
    step = len(text) // 4
    cuts = [text.rfind(b"\n", 0, step * n) + 1 for n in range(1, 4)]
    path = tmp_path / "client.log.gz"
    path.write_bytes(b"".join(gzip.compress(text[a:b]) for a, b in zip([0, *cuts], [*cuts, len(text)])))
    assert path.stat().st_size > 4 * RANGE // 10  # cut where its members start
    assert [(rule, line, host) for rule, line, _, host, _ in _found(path, jobs=2, range_bytes=RANGE // 10)] == [
        ("tls-verification-off", 1, "api.iugu.com")]



SECTION, SANDBOX = "[asaas]\n", "url = https://sandbox.asaas.com/api/v3\n"


def _cut_between(folder: Path, above: str, below: str) -> Path:
    """A config file cut for ``--jobs 2`` right between an INI section's lines ``above`` (the
    first range's last) and ``below`` (the next range's first), comments around them."""
    path, size = folder / "config.ini", 400_000
    path.write_text("#" * (size - 1) + "\n")  # the plan cuts by size alone
    end = plan_units([str(path)], Discovery(), range_bytes=RANGE, workers=2)[0].byte_range[1]  # type: ignore[index]
    head = "#" * (end - len(above) - 1) + "\n" + above + below
    path.write_text(head + "#" * (size - len(head) - 1) + "\n")
    return path


@pytest.mark.parametrize("host_above", [True, False], ids=["host-in-the-range-before", "host-in-the-range-after"])
def test_a_rules_context_reaches_across_a_range_boundary(tmp_path: Path, host_above: bool) -> None:
    """A production key paired with a sandbox host in one section: the host in the range before
    the key's or in the one after it, as it is in the buffer before or after in a file read whole."""
    key = f"key = {asaas_key()}\n"
    above, below = (SECTION + SANDBOX, key) if host_above else (SECTION + key, SANDBOX)
    path = _cut_between(tmp_path, above, below)
    assert len(plan_units([str(path)], Discovery(), range_bytes=RANGE, workers=2)) > 2
    found = [(rule, line) for rule, line, *_ in _found(path, jobs=2)]
    assert found == [(rule, line) for rule, line, *_ in _found(path, jobs=1)]
    line = 4 if host_above else 3
    assert found == [("asaas-api-key", line), ("asaas-production-key-near-sandbox-host", line)]
