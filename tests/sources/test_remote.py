"""URL targets through fsspec: a store's objects scan like the same files on disk, paths stay URLs."""

from __future__ import annotations

import gzip
import importlib.util
import uuid
from pathlib import Path

import fsspec
import pytest

from helpers.credentials import iugu_token
from helpers.data import CORPUS
from helpers.running import cli, scan_json


@pytest.fixture
def bucket() -> str:
    """A fresh bucket in fsspec's in-memory store."""
    name = f"bucket-{uuid.uuid4().hex[:8]}"
    yield name
    fsspec.filesystem("memory").rm(f"/{name}", recursive=True)


def layout(token: str) -> dict[str, bytes]:
    har = (CORPUS / "mitmproxy-insomnia.har").read_text()
    return {
        "logs/app.log": f"start\nGET /v1/x?api_token={token} HTTP/1.1\n".encode(),
        "logs/2026/11/app.log.1.gz": gzip.compress(f"a\nb\napi_token={token}\n".encode()),
        "captures/insomnia.har": har.encode(),
    }


def test_a_bucket_gives_the_findings_of_the_same_files_on_disk(bucket: str, tmp_path: Path) -> None:
    token = iugu_token()
    store = fsspec.filesystem("memory")
    for name, data in layout(token).items():
        store.pipe(f"/{bucket}/{name}", data)
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(data)
    remote, _ = scan_json(f"memory://{bucket}/", "--no-dedupe")
    local, _ = scan_json(str(tmp_path), "--no-dedupe")

    def places(report: dict, prefix: str) -> list[tuple]:
        return sorted((f["rule_id"], f["location"]["path"].removeprefix(prefix), f["location"]["line"],
                       f["location"]["column"]) for f in report["findings"])

    assert places(remote, f"memory://{bucket}/") == places(local, f"{tmp_path}/")
    assert all(f["location"]["path"].startswith(f"memory://{bucket}/") for f in remote["findings"])
    assert remote["scan"]["files_scanned"] == local["scan"]["files_scanned"] == 3
    assert remote["scan"]["requests"]["requests_judged"] == local["scan"]["requests"]["requests_judged"]


def test_ignore_files_in_a_bucket_exclude_as_on_disk(bucket: str, tmp_path: Path) -> None:
    token = iugu_token()
    tree = {**layout(token), ".keyauditignore": b"archive/\n", "archive/old.log": f"api_token={token}\n".encode(),
            "logs/.gitignore": b"*.tmp\n!keep.tmp\n", "logs/scratch.tmp": f"api_token={token}\n".encode(),
            "logs/keep.tmp": f"api_token={token}\n".encode()}
    store = fsspec.filesystem("memory")
    for name, data in tree.items():
        store.pipe(f"/{bucket}/{name}", data)
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(data)
    remote, _ = scan_json(f"memory://{bucket}/", "--no-dedupe")
    local, _ = scan_json(str(tmp_path), "--no-dedupe")
    paths = sorted({f["location"]["path"].removeprefix(f"memory://{bucket}/") for f in remote["findings"]})
    assert paths == sorted({f["location"]["path"].removeprefix(f"{tmp_path}/") for f in local["findings"]})
    assert "logs/keep.tmp" in paths and not {"archive/old.log", "logs/scratch.tmp"} & set(paths)
    assert remote["scan"]["skipped"] == local["scan"]["skipped"]


def test_an_ignore_object_with_invalid_lines_is_named_and_its_valid_lines_apply(bucket: str) -> None:
    store = fsspec.filesystem("memory")
    store.pipe(f"/{bucket}/logs/.gitignore", b"*.tmp\n!\n")
    for name in ("scratch.tmp", "app.log"):
        store.pipe(f"/{bucket}/logs/{name}", f"api_token={iugu_token()}\n".encode())
    report, _ = scan_json(f"memory://{bucket}/")
    assert [f["location"]["path"] for f in report["findings"]] == [f"memory://{bucket}/logs/app.log"]
    assert report["errors"] == [{"path": f"memory://{bucket}/logs/.gitignore",
                                 "message": "line 2: not a valid ignore pattern; the other lines apply"}]


def test_a_single_object_and_bad_storage_options(bucket: str) -> None:
    token = iugu_token()
    fsspec.filesystem("memory").pipe(f"/{bucket}/one.log", f"api_token={token}\n".encode())
    report, _ = scan_json(f"memory://{bucket}/one.log")
    assert [f["location"]["path"] for f in report["findings"]] == [f"memory://{bucket}/one.log"]
    run = cli("scan", "--storage-option", "no-equals-sign", f"memory://{bucket}/")
    assert run.exit_code == 2 and "KEY=VALUE" in run.stderr


@pytest.mark.skipif(importlib.util.find_spec("gcsfs") is not None, reason="gcsfs is installed here")
def test_a_store_without_its_package_names_the_extra_to_install() -> None:
    run = cli("scan", "gs://some-bucket/logs/")
    assert run.exit_code == 2
    assert run.stderr.strip().count("\n") == 0 and "keyaudit[cloud]" in run.stderr and "gs://some-bucket/logs/" in run.stderr


def test_an_s3_bucket_through_a_real_s3_server(s3_endpoint: str, tmp_path: Path) -> None:
    import s3fs

    token = iugu_token()
    store = s3fs.S3FileSystem(endpoint_url=s3_endpoint)
    store.mkdir("night-logs")
    for name, data in layout(token).items():
        store.pipe(f"night-logs/{name}", data)
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(data)
    remote, run = scan_json("s3://night-logs/", "--no-dedupe", "--storage-option", f"endpoint_url={s3_endpoint}")
    local, _ = scan_json(str(tmp_path), "--no-dedupe")
    strip = lambda report, prefix: sorted(  # noqa: E731
        (f["rule_id"], f["location"]["path"].removeprefix(prefix), f["location"]["line"]) for f in report["findings"])
    assert strip(remote, "s3://night-logs/") == strip(local, f"{tmp_path}/") and remote["findings"]
    assert all(f["location"]["path"].startswith("s3://night-logs/") for f in remote["findings"])
    assert "testing" not in run.stdout + run.stderr  # credentials are never printed


def test_a_nightly_state_over_a_bucket_scans_only_new_objects(s3_endpoint: str, tmp_path: Path) -> None:
    import s3fs

    store = s3fs.S3FileSystem(endpoint_url=s3_endpoint)
    store.mkdir("rotated")
    tokens = [iugu_token() for _ in range(3)]
    for index, token in enumerate(tokens[:2]):
        store.pipe(f"rotated/app.log.{index}.gz", gzip.compress(f"start\napi_token={token}\n".encode()))
    state = str(tmp_path / "state.db")

    def night() -> dict:
        return scan_json("s3://rotated/", "--state", state, "--storage-option", f"endpoint_url={s3_endpoint}")[0]

    first = night()
    assert len(first["findings"]) == 2
    second = night()  # nothing new: no object is read
    assert second["findings"] == [] and second["scan"]["bytes_scanned"] == 0
    assert second["scan"]["requests"]["files_unchanged"] == 2
    store.pipe("rotated/app.log.1.gz", gzip.compress(f"replaced\n\napi_token={tokens[2]}\n".encode()))
    store.pipe("rotated/app.log.2.gz", gzip.compress(f"new\napi_token={tokens[0]}\n".encode()))
    third = night()  # the replaced object and the new one, from their starts
    assert sorted((f["location"]["path"], f["location"]["line"]) for f in third["findings"]) == [
        ("s3://rotated/app.log.1.gz", 3), ("s3://rotated/app.log.2.gz", 2)]
    assert third["scan"]["requests"]["files_unchanged"] == 1


def test_a_store_the_scan_has_no_credentials_for_is_one_failed_input(s3_endpoint: str, tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """botocore's NoCredentialsError is no OSError: it ended the scan (internal error, no report). Now
    the bucket is one error and the files beside it are still reported."""
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE"):
        monkeypatch.delenv(name, raising=False)
    for name in ("AWS_SHARED_CREDENTIALS_FILE", "AWS_CONFIG_FILE"):
        monkeypatch.setenv(name, str(tmp_path / "none"))
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    token = iugu_token()
    (tmp_path / "app.log").write_text(f"api_token={token}\n")
    report, run = scan_json("s3://night-logs/", str(tmp_path / "app.log"), "--storage-option",
                            f"endpoint_url={s3_endpoint}")
    assert [f["location"]["path"] for f in report["findings"]] == [str(tmp_path / "app.log")]
    assert [e["path"] for e in report["errors"]] == ["s3://night-logs/"]
    assert "credentials" in report["errors"][0]["message"] and "internal error" not in run.stderr
