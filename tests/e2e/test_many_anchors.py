"""Logs with thousands of request anchors, read every way a log reaches the scanner: a file, the
same text on stdin, compressed. Past 2,048 anchors the pass hands the windows it left behind to
the request readers while it goes on, so these logs are long enough that the pass still has text
to read after a hand-over; the findings must be those of the plain file, line for line."""

from __future__ import annotations

from pathlib import Path

from helpers.running import scan_json


def transfers_log(calls: int) -> str:
    """``calls`` unsigned transfers, each a curl command between ordinary lines: one finding a call."""
    return "".join(
        f"2026-11-30T01:02:03Z INFO sync-{n} curl -X POST 'https://api.asaas.com/v3/transfers' "
        f"-H 'access_token: ***' -d '{{\"value\": {n}}}'\n2026-11-30T01:02:03Z DEBUG cache miss for order {n}\n"
        for n in range(calls))


def places(report: dict) -> list[tuple[str, int, int]]:
    return sorted((f["rule_id"], f["location"]["line"], f["location"]["column"]) for f in report["findings"])


def test_stdin_with_many_anchors_reads_to_its_end_as_the_file_does(tmp_path: Path) -> None:
    """stdin is spooled and read twice at once: by the pass and, from a hand-over on, by the
    request readers; neither may move the other's place in the spool."""
    text = transfers_log(20_000)  # 3.7 MB: the pass reads on for megabytes after the first hand-over
    (tmp_path / "calls.log").write_text(text)
    from_file, _ = scan_json(str(tmp_path / "calls.log"))
    from_stdin, _ = scan_json("-", input=text.encode())
    assert from_stdin["scan"]["bytes_scanned"] == from_file["scan"]["bytes_scanned"] == len(text)
    assert places(from_stdin) == places(from_file)
    assert len(from_file["findings"]) == 20_000 and not from_stdin["errors"]


def test_a_member_of_a_compressed_tar_with_many_anchors_reads_as_the_file_does(tmp_path: Path) -> None:
    """A compressed tar's member is spooled and read by the pass and the readers at once, as stdin is."""
    import tarfile

    (tmp_path / "calls.log").write_text(transfers_log(20_000))
    with tarfile.open(tmp_path / "logs.tar.gz", "w:gz") as archive:
        archive.add(tmp_path / "calls.log", "calls.log")
    from_file, _ = scan_json(str(tmp_path / "calls.log"))
    from_tar, _ = scan_json(str(tmp_path / "logs.tar.gz"))
    assert places(from_tar) == places(from_file) and len(from_tar["findings"]) == 20_000
    assert not from_tar["errors"]
