"""Dask execution: the same units on a real LocalCluster give the same findings as one process,
also when a worker dies in the middle of the scan."""

from __future__ import annotations

import base64
import contextlib
import json
import os
import signal
import threading
import time
import zipfile
from pathlib import Path

import pytest

from helpers.running import cli, run_scan
from helpers.credentials import asaas_key, iugu_token
from helpers.data import CORPUS
from helpers.request_shapes import dumps_log
from helpers.secrecy import scrub
from keyaudit.config import Config
from keyaudit.run.session import Session

distributed = pytest.importorskip("distributed")


KILL_AFTER_SECONDS = 0.5


def report_key(result) -> list[tuple]:
    return [(f.rule_id, f.location.path, f.location.line, f.location.column, f.fingerprint) for f in result.findings]


def planted_logs(folder: Path, files: int, lines: int, slow: bool = False) -> list[str]:
    """Logs with one token each; ``slow`` ones have a credential-shaped value on every line,
    which every engine must confirm and validate (seconds of work, for the kill test): text
    without a colon, base64-encoded, which the rule's pattern cannot reject as random bytes."""
    tokens = []
    for index in range(files):
        token = iugu_token()
        tokens.append(token)
        body = [f"2026-11-22 10:00:{i % 60:02d} DEBUG Authorization: Basic "
                f"{base64.b64encode(os.urandom(15).hex().encode()).decode()}"
                if slow else f"2026-11-22 10:00:{i % 60:02d} INFO worker handled job {i} in {i % 97} ms"
                for i in range(lines)]
        body[lines // 2] = f"GET /v1/invoices?api_token={token} HTTP/1.1"
        (folder / f"app-{index:02d}.log").write_text("\n".join(body) + "\n")
    return tokens


@contextlib.contextmanager
def two_workers():
    """A LocalCluster of two worker processes and a client of it."""
    local = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                     silence_logs=40)
    client = distributed.Client(local)
    try:
        yield local, client
    finally:
        client.close()
        local.close()


@pytest.fixture(scope="module")
def cluster():
    with two_workers() as pair:
        yield pair


def test_a_cluster_gives_the_findings_of_one_process(cluster, tmp_path: Path) -> None:
    local, _ = cluster
    planted_logs(tmp_path, files=6, lines=200)
    (tmp_path / "keys.env").write_text(f"ASAAS_API_KEY={asaas_key()}\n")
    with zipfile.ZipFile(tmp_path / "rotated.zip", "w", zipfile.ZIP_DEFLATED) as archive:  # a unit per member
        for index in range(2):
            archive.writestr(f"app.log.{index}", f"start\nGET /v1/x?api_token={iugu_token()} HTTP/1.1\n")
    targets = [str(CORPUS), str(tmp_path)]
    alone = run_scan(*targets, jobs=1)
    spread = run_scan(*targets, jobs=1, scheduler=local.scheduler_address)
    assert report_key(spread) == report_key(alone) and len(alone.findings) == 9
    assert sum("rotated.zip!app.log." in f.location.path for f in spread.findings) == 2
    assert (spread.files_scanned, spread.bytes_scanned) == (alone.files_scanned, alone.bytes_scanned)


def worker_killer(client, delay: float) -> threading.Timer:
    """A timer that kills one of the cluster's workers (SIGKILL) ``delay`` seconds after it starts."""
    return threading.Timer(delay, os.kill, (sorted(client.run(os.getpid).values())[0], signal.SIGKILL))


def test_a_worker_killed_mid_scan_loses_nothing_and_repeats_nothing(cluster, tmp_path: Path) -> None:
    local, client = cluster
    tokens = planted_logs(tmp_path, files=16, lines=20_000, slow=True)
    alone = run_scan(str(tmp_path), jobs=1, engine="regex")
    killer = worker_killer(client, KILL_AFTER_SECONDS)
    started = time.monotonic()
    killer.start()
    spread = run_scan(str(tmp_path), jobs=1, engine="regex", scheduler=local.scheduler_address)
    elapsed = time.monotonic() - started
    killer.join()
    assert elapsed > KILL_AFTER_SECONDS, "the scan ended before the worker was killed: the test proves nothing"
    assert report_key(spread) == report_key(alone) and len(spread.findings) == len(tokens)
    logs = str(client.get_worker_logs()) + str(client.get_scheduler_logs())
    assert all(token not in logs for token in tokens), "a secret reached the cluster logs"


# The first hundredth seconds of a scan on a quiet machine: the client hands the units (and, before, the scanner's spec)
# to the workers.
EARLY_KILLS = (0.0, 0.005, 0.01, 0.015, 0.02, 0.03, 0.05, 0.08)
SCAN_DEADLINE_SECONDS = 60


def test_a_worker_killed_as_the_scan_starts_neither_hangs_it_nor_fails_a_unit(tmp_path: Path) -> None:
    """A worker lost while the client scattered the scanner's spec to every worker hung the scan (the scheduler's
    broadcast waits for the dead worker: dask/distributed#5704); lost just after, it failed every unit (scattered data
    is no task: nothing computes it again). A cluster for each kill: the test waits for no restart."""
    planted_logs(tmp_path, files=4, lines=2000, slow=True)
    alone = run_scan(str(tmp_path), jobs=1, engine="regex")
    for delay in EARLY_KILLS:
        with two_workers() as (local, client):
            killed_at(delay, local, client, tmp_path, alone)


def killed_at(delay: float, local, client, logs: Path, alone) -> None:
    """Scans ``logs`` on the cluster with one worker killed ``delay`` seconds in: the report of one process."""
    outcome: dict[str, object] = {}

    def scan_on_the_cluster() -> None:
        try:
            outcome["result"] = run_scan(str(logs), jobs=1, engine="regex", scheduler=local.scheduler_address)
        except Exception as exc:  # noqa: BLE001 - the test names it below
            outcome["raised"] = type(exc).__name__

    scan = threading.Thread(target=scan_on_the_cluster, daemon=True)  # a hung scan must not hold the test run
    timer = worker_killer(client, delay)
    timer.start()
    scan.start()
    scan.join(SCAN_DEADLINE_SECONDS)
    timer.join()
    assert not scan.is_alive(), f"the scan hung: a worker was killed {delay} s in"
    assert "raised" not in outcome, f"the scan raised {outcome.get('raised')}: a worker was killed {delay} s in"
    spread = outcome["result"]
    assert spread.errors == [] and report_key(spread) == report_key(alone), f"a worker killed {delay} s in"


def test_a_request_a_range_end_cuts_in_two_is_read_whole_on_the_cluster(cluster, tmp_path: Path) -> None:
    """Workers read ranges as processes do: the range a request begins in reads on past its end."""
    local, _ = cluster
    path = tmp_path / "app.log"
    path.write_bytes(dumps_log(3000))
    alone = run_scan(str(path), jobs=1)
    spread = run_scan(str(path), jobs=1, range_bytes=150_000, scheduler=local.scheduler_address)
    assert spread.errors == [] and report_key(spread) == report_key(alone) and len(alone.findings) == 3000
    assert spread.counts.statistics["requests_judged"] == 3000


def test_progress_comes_from_the_cluster_as_units_finish(cluster, tmp_path: Path) -> None:
    local, _ = cluster
    planted_logs(tmp_path, files=5, lines=300)
    seen: dict[str, object] = {"advances": []}

    @contextlib.contextmanager
    def progress(total_bytes: int, total_units: int):
        seen.update(total_bytes=total_bytes, total_units=total_units)
        yield lambda size, findings: seen["advances"].append((size, findings))

    result = run_scan(str(tmp_path), on_progress=progress, scheduler=local.scheduler_address)
    advances = seen["advances"]
    assert seen["total_units"] == len(advances) == 5
    assert sum(size for size, _ in advances) == seen["total_bytes"] == result.bytes_scanned
    assert sum(found for _, found in advances) == len(result.findings) == 5


ACME_RULE = """rules:
  - id: acme-api-key
    title: ACME API key
    provider: acme
    category: access-token
    severity: critical
    confidence: high
    keywords: [acme_]
    pattern: 'acme_(?P<secret>[0-9a-f]{32})'
"""


def test_relative_paths_reach_workers_that_run_in_another_folder(cluster, tmp_path: Path, monkeypatch) -> None:
    local, client = cluster
    (tmp_path / "logs").mkdir()
    planted_logs(tmp_path / "logs", files=3, lines=50)
    (tmp_path / "logs" / "keys.env").write_text(f"ACME_KEY=acme_{os.urandom(16).hex()}\n")
    (tmp_path / "acme.yaml").write_text(ACME_RULE)
    monkeypatch.chdir(tmp_path)  # targets and rules relative to here; the workers started elsewhere
    assert str(tmp_path) not in client.run(os.getcwd).values()  # the premise
    alone = run_scan("logs", jobs=1, rules=(Path("acme.yaml"),))
    spread = run_scan("logs", jobs=1, rules=(Path("acme.yaml"),), scheduler=local.scheduler_address)
    assert spread.errors == [] and spread.files_scanned == 4
    assert report_key(spread) == report_key(alone) and len(alone.findings) == 4
    assert sorted({f.location.path for f in spread.findings}) == [  # shown as the user gave them
        "logs/app-00.log", "logs/app-01.log", "logs/app-02.log", "logs/keys.env"]
    assert "acme-api-key" in {f.rule_id for f in spread.findings}


def test_workers_without_the_stores_credentials_fail_the_run(cluster, s3_endpoint: str) -> None:
    import s3fs

    local, _ = cluster  # started before s3_endpoint gave this process (only) its credentials
    store = s3fs.S3FileSystem(endpoint_url=s3_endpoint)
    store.mkdir("nightly")
    for index in range(3):
        store.pipe(f"nightly/app.log.{index}", f"start\nGET /v1/x?api_token={iugu_token()} HTTP/1.1\n".encode())
    run = cli("scan", "--format", "json", "--scheduler", local.scheduler_address, "s3://nightly/",
              "--storage-option", f"endpoint_url={s3_endpoint}")
    assert run.exit_code == 2, scrub(run.stderr)  # not "0 findings", exit 0
    errors = [line for line in run.stderr.splitlines() if line.startswith("keyaudit: error: ")]
    assert [line.split(": ", 3)[2:] for line in errors] == [
        [f"s3://nightly/app.log.{index}", "cannot open: the store's client refused it (NoCredentialsError)"]
        for index in range(3)]
    assert run.stderr.splitlines()[-1].startswith("keyaudit: 0 findings in 0 files;")
    assert "; 3 inputs failed;" in run.stderr.splitlines()[-1], scrub(run.stderr)
    assert json.loads(run.stdout)["findings"] == []


def test_a_unit_the_cluster_cannot_run_is_an_error_entry(cluster, tmp_path: Path) -> None:
    local, _ = cluster
    planted_logs(tmp_path, files=2, lines=50)
    rules = tmp_path / "acme.yaml"
    rules.write_text(ACME_RULE)
    config = Config(targets=(str(tmp_path / "app-00.log"), str(tmp_path / "app-01.log")), rules=(rules,),
                    scheduler=local.scheduler_address)
    with Session(config) as session:
        rules.write_text("rules: [")  # changed under the scan: the workers cannot build a scanner from it
        result = session.run()
    assert result.findings == []
    assert [(e.path.rsplit("/", 1)[-1], e.message) for e in result.errors] == [
        (f"app-0{i}.log", "not scanned: the cluster failed to run it (RuleError)") for i in range(2)]


def test_workers_running_several_threads_scan_units_side_by_side(tmp_path: Path) -> None:
    """``dask worker`` runs as many tasks at once as it has threads (one per core by default):
    each thread needs a scanner of its own, since a Hyperscan scratch serves one scan at a time."""
    tokens = planted_logs(tmp_path, files=32, lines=20_000)
    local = distributed.LocalCluster(n_workers=1, threads_per_worker=4, processes=True, dashboard_address=None,
                                     silence_logs=40)
    try:
        alone = run_scan(str(tmp_path), jobs=1)
        spread = run_scan(str(tmp_path), jobs=1, scheduler=local.scheduler_address)
    finally:
        local.close()
    assert [e.message for e in spread.errors] == []
    assert report_key(spread) == report_key(alone) and len(spread.findings) == len(tokens)
