"""A long line a container runtime cut into pieces is read whole: Docker's ``json-file`` driver cuts
at 16 KiB and leaves the line break off every piece but the last (moby's daemon/logger/jsonfilelog,
``log`` holding the piece), another stream's lines may come between; CRI's ``P`` pieces likewise.
A request logged as one JSON line with a body past the cut is one request, its signature verified
over the body as written.
"""

from __future__ import annotations

import json
from pathlib import Path

from helpers.running import scan_json
from helpers.signing import TRANSFER_URL as IUGU, signed_transfer
from keyaudit.engine.marks import MarkSet
from keyaudit.inputs.captures.runtime_pieces import MARKS, joined_pieces

CUT = 16 * 1024  # moby's json-file driver: a line longer than this is written in pieces


def _docker(line: str, stream: str = "stdout") -> list[str]:
    """The json-file lines of one line a program wrote: its pieces of at most CUT characters, the
    line break on the last only."""
    pieces = [line[at : at + CUT] for at in range(0, len(line), CUT)]
    return [json.dumps({"log": piece + ("\n" if n == len(pieces) - 1 else ""), "stream": stream,
                        "time": f"2026-11-22T13:00:0{n}.000000001Z"}, separators=(",", ":"))
            for n, piece in enumerate(pieces)]


def test_a_request_logged_past_docker_cut_is_read_whole(tmp_path: Path) -> None:
    public, body, headers = signed_transfer(tmp_path, lambda token: json.dumps(
        {"api_token": token, "amount_cents": 1050, "description": "repasse " + "x" * 20_000}))

    def record(headers: dict[str, str]) -> str:
        return json.dumps({"level": "info", "msg": "outbound", "method": "POST", "url": IUGU,
                           "headers": headers, "body": body})

    signed = _docker(record(headers))
    unsigned = _docker(record({"Content-Type": "application/json"}))
    noise = _docker("GET /healthz 200", "stderr")
    lines = [signed[0], noise[0], *signed[1:], unsigned[0], *noise, *unsigned[1:]]
    path = tmp_path / "container-json.log"
    path.write_text("\n".join(lines) + "\n")
    report, _ = scan_json("--no-dedupe", "--public-key", str(public), str(path))
    judged = [(f["rule_id"], f["location"]["line"]) for f in report["findings"] if f["context"].get("method")]
    assert judged == [("iugu-unsigned-transfer", len(signed) + 2)]
    assert report["scan"]["requests"]["signatures_valid"] == 1, report["scan"]["requests"]


def test_pieces_are_joined_into_their_first_line_and_its_anchors() -> None:
    docker = [(1, '{"log":"a \\\\n","stream":"stdout","time":"t1"}'),  # an escaped backslash, then `n`: no line's end
              (2, '{"log":"b","stream":"stdout","time":"t2"}'), (3, '{"log":"c\\n","stream":"stdout","time":"t3"}'),
              (4, json.dumps({"log": 'say "hi\\"\n', "stream": "stdout", "time": "t4"}))]
    cri = [(7, "2026-11-22T13:00:00Z stdout P POST https://api.iugu"), (8, "2026-11-22T13:00:00Z stderr F other"),
           (9, "2026-11-22T13:00:00Z stdout F .com/v1/x")]
    every = "\n".join(text for _, text in docker + cri)
    present = MarkSet(MARKS).present(every)
    assert present == {"cri-pieces", "docker-pieces"}
    lines, leads = joined_pieces(docker + cri, {2: 0, 9: 1}, every, present)
    assert lines == [(1, '{"log":"a \\\\nbc\\n","stream":"stdout","time":"t1"}'), docker[3],
                     (7, "2026-11-22T13:00:00Z stdout F POST https://api.iugu.com/v1/x"), cri[1]]
    assert leads == {1: 0, 2: 0, 7: 1, 9: 1}
