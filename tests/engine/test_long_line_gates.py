"""A gated rule on a line longer than the engine's 1 MiB buffer (real files, the CLI, both engines).

``iugu-named-credential`` runs only on a buffer that names iugu (its gate). A token on a 1.5 MiB line just below
``POST https://api.iugu.com/…`` was in a buffer of its own, without the mention, and never looked at: lost without
a word. The line keeps the gates its start saw in the buffers that go on reading it, and nothing more: the traps
below (a bare ``token=`` megabytes below one mention, short or long; a long line of hex frames under the mention)
stay quiet. Where the provider is named only after the text of a long line read under a shut gate (the host a
mebibyte after the token), the text before is gone: that line is counted (``scan.requests.gated_lines_cut``) and
the summary says so.
"""

from __future__ import annotations

import hashlib
import json
import random
from pathlib import Path

import pytest

from helpers.engines import BOTH_ENGINES
from helpers.running import scan_json
from keyaudit.engine.line_gates import GATED_LINES_CUT

MIB = 1 << 20
TOKEN = f"{random.Random(21).getrandbits(128):032x}"
MENTION = "2024-05-01T10:00:00Z INFO billing POST https://api.iugu.com/v1/invoices status=200 took=120ms\n"
CUT_SAID = "1 line longer than a buffer searched in part"


def _filler(size: int, seed: int = 0) -> str:
    """``size`` characters of a log line's text: words, numbers, no credential name."""
    chance = random.Random(seed)
    words, length = [], 0
    while length < size:
        words.append(f"chunk={chance.randrange(10**6)} ok ")
        length += len(words[-1])
    return "".join(words)[:size]


def _scan(path: Path, text: str, engine: str) -> tuple[list[tuple[str, int, int]], dict, str]:
    """``text`` written to ``path`` and scanned: (rule, line, column) of each finding, the request counts, stderr."""
    path.write_text(text, encoding="utf-8")
    report, run = scan_json("--engine", engine, str(path))
    assert report["errors"] == []
    found = [(f["rule_id"], f["location"]["line"], f["location"]["column"]) for f in report["findings"]]
    return found, report["scan"]["requests"], run.stderr


def _column(line: str, piece: str) -> int:
    return line.index(piece) + 1


@pytest.mark.parametrize("engine", BOTH_ENGINES)
@pytest.mark.parametrize("size", [3 * MIB // 2, 3 * MIB], ids=["1.5MiB", "3MiB"])
@pytest.mark.parametrize("where", ["start", "middle", "end"])
def test_a_token_on_a_line_longer_than_a_buffer_keeps_the_mention_above_it(tmp_path: Path, engine: str,
                                                                           size: int, where: str) -> None:
    piece = f" token={TOKEN} "
    at = {"start": 0, "middle": size // 2, "end": size - len(piece)}[where]
    body = _filler(size)
    line = body[:at] + piece + body[at + len(piece):]
    found, counts, _ = _scan(tmp_path / "upload.log", MENTION + line + "\nINFO done\n", engine)
    assert found == [("iugu-named-credential", 2, _column(line, TOKEN))]
    assert GATED_LINES_CUT not in counts


def _minified(size: int, first: str, last: str) -> str:
    """One JSON record of ``size`` characters on one line: ``first`` and ``last`` around a long list of items."""
    chance = random.Random(size)
    items, length = [], 0
    while length < size:
        items.append(json.dumps({"id": len(items), "sku": f"SKU-{chance.randrange(10**8)}", "qty": 1},
                                separators=(",", ":")))
        length += len(items[-1]) + 1
    return "{" + first + ',"items":[' + ",".join(items) + "]," + last + "}"


HOST = '"url":"https://api.iugu.com/v1/charge"'
CREDENTIAL = f'"auth":{{"token":"{TOKEN}"}}'


@pytest.mark.parametrize("engine", BOTH_ENGINES)
def test_a_minified_record_naming_its_host_before_the_token_is_found(tmp_path: Path, engine: str) -> None:
    """A 2 MiB record on one line, the iugu host at its start and the token at its end."""
    record = _minified(2 * MIB, HOST, CREDENTIAL)
    found, counts, _ = _scan(tmp_path / "charges.json", record + "\n", engine)
    assert found == [("iugu-named-credential", 1, _column(record, TOKEN))]
    assert GATED_LINES_CUT not in counts


@pytest.mark.parametrize("engine", BOTH_ENGINES)
def test_a_minified_record_naming_its_host_only_a_buffer_after_the_token_is_counted(tmp_path: Path,
                                                                                   engine: str) -> None:
    """The token first, the host 2 MiB on: the start was read under a shut gate and is gone when the host comes.
    That cannot be decided, so it is counted and said; with the host a few hundred KiB after the token (the same
    buffer) it is found, and nothing is counted."""
    record = _minified(2 * MIB, CREDENTIAL, HOST)
    found, counts, stderr = _scan(tmp_path / "charges.json", record + "\n", engine)
    assert found == [] and counts[GATED_LINES_CUT] == 1 and CUT_SAID in stderr
    near = _minified(300_000, CREDENTIAL, HOST) + " " + _filler(2 * MIB)
    found, counts, stderr = _scan(tmp_path / "near.json", near + "\n", engine)
    assert found == [("iugu-named-credential", 1, _column(near, TOKEN))]
    assert GATED_LINES_CUT not in counts and "searched in part" not in stderr


def _deploy_lines(size: int) -> str:
    lines, length, index = [], 0, 0
    while length < size:
        digest = hashlib.sha256(str(index).encode()).hexdigest()
        lines.append(f"2024-05-01T10:00:{index % 60:02d}Z INFO deploy commit={digest[:40]} artifact sha256={digest}"
                     " status=ok\n")
        length += len(lines[-1])
        index += 1
    return "".join(lines)


def _purge(index: int) -> str:
    return f"cdn purge ok token={hashlib.md5(str(index).encode()).hexdigest()}"


@pytest.mark.parametrize("engine", BOTH_ENGINES)
def test_bare_tokens_megabytes_below_one_mention_stay_quiet(tmp_path: Path, engine: str) -> None:
    """`cdn purge ok token=<md5>` 5 MB below the file's only iugu mention, as short lines and as one 2 MiB line:
    no finding, and nothing counted (the long line never had a gate to carry)."""
    purges = "".join(f"2024-05-01T10:01:00Z INFO {_purge(index)}\n" for index in range(50))
    long_purge = " ".join(_purge(index) for index in range(2 * MIB // 52))
    text = MENTION + _deploy_lines(5_000_000) + purges + long_purge + "\n" + _deploy_lines(100_000) + purges
    found, counts, stderr = _scan(tmp_path / "deploy.log", text, engine)
    assert found == [] and GATED_LINES_CUT not in counts and "searched in part" not in stderr


@pytest.mark.parametrize("engine", BOTH_ENGINES)
def test_records_ended_by_a_lone_cr_are_lines_of_their_own(tmp_path: Path, engine: str) -> None:
    """A log written with CR line ends is many records, not one long line: `cdn purge ok token=<md5>` 2 MB below its
    only iugu mention stays quiet, as it does with LF line ends (one such token in the mention's buffer is found
    either way: that is what near is)."""
    records = MENTION.rstrip("\n") + "\r" + _deploy_lines(2_000_000).replace("\n", "\r")
    text = records + "".join(f"2024-05-01T10:01:00Z INFO {_purge(index)}\r" for index in range(50))
    found, counts, _ = _scan(tmp_path / "cr.log", text, engine)
    assert found == [] and GATED_LINES_CUT not in counts


@pytest.mark.parametrize("engine", BOTH_ENGINES)
def test_a_long_line_of_hex_frames_below_the_mention_stays_quiet(tmp_path: Path, engine: str) -> None:
    """The iugu client's token, passed to its URL, then a 3 MiB line of MQTT frames in hex: the one finding is the
    client's token."""
    client = (f"const TOKEN_API = '{TOKEN.upper()}';\n"
              "fetch(`https://api.iugu.com/v1/invoices?api_token=${TOKEN_API}`);\n")
    chance = random.Random(3)
    frames = " ".join(f"frame id={index} hex={chance.randbytes(64).hex()}" for index in range(3 * MIB // 150))
    found, counts, _ = _scan(tmp_path / "mqtt.log", client + frames + "\n" + frames[:5000] + "\n", engine)
    assert found == [("iugu-named-credential", 1, _column(client, TOKEN.upper()))]
    assert GATED_LINES_CUT not in counts
