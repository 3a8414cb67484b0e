"""String values a registry export writes as hex (`hex(2)`, `hex(7)`, `hex(1)`): the key in their
UTF-16LE bytes is found by both engines through a real scan, under the name before the mark or in
a REG_MULTI_SZ's own `NAME=value` strings, placed on the hex digits that spell it.

Every token is generated here; a failure shows rule, place and layer, never a value."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.credentials import iugu_token
from helpers.engines import BOTH_ENGINES
from helpers.running import decoded_places

TOKEN, BLOCK_TOKEN = iugu_token("lower"), iugu_token("long")
NUL = "\0"


def regedit_hex(text: str, code: int) -> str:
    """``text`` as regedit writes a value of type ``code``: UTF-16LE bytes and a NUL, 25 a line."""
    octets = [f"{byte:02x}" for byte in (text + "\0").encode("utf-16-le")]
    return f"hex({code}):" + ",\\\n  ".join(",".join(octets[at:at + 25]) for at in range(0, len(octets), 25))


def scanned(tmp_path: Path, text: str, engine: str) -> list[tuple[str, int, int, str | None]]:
    return decoded_places(tmp_path / "export.reg", text, engine)


@pytest.mark.parametrize("engine", BOTH_ENGINES)
def test_a_token_in_an_expandable_string_is_found_under_the_name_before_the_mark(tmp_path: Path,
                                                                                engine: str) -> None:
    value = f'"IUGU_API_TOKEN"={regedit_hex(TOKEN, 2)}'
    text = f"Windows Registry Editor Version 5.00\n\n[HKEY_CURRENT_USER\\Environment]\n{value}\n\"LOG\"=\"info\"\n"
    # (its lines' backslashes join them as a literal continued too: that layer may come first)
    [(rule, line, column, decoded)] = scanned(tmp_path, text, engine)
    assert (line, column) == (4, len('"IUGU_API_TOKEN"=hex(2):') + 1) and decoded.endswith("registry hex")
    assert rule in ("iugu-api-token", "iugu-config-api-token")


@pytest.mark.parametrize("engine", BOTH_ENGINES)
def test_a_token_in_an_environment_block_is_found_where_its_bytes_start(tmp_path: Path, engine: str) -> None:
    """A service's `Environment` (REG_MULTI_SZ): `NAME=value` strings, each ended by a NUL."""
    value = '"Environment"=' + regedit_hex(f"LOG_LEVEL=info{NUL}IUGU_API_TOKEN={BLOCK_TOKEN}{NUL}", 7)
    found = scanned(tmp_path, f"[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\Loja]\n{value}\n", engine)
    # the token's first byte is byte 2 * 30 of the block: the 11th of the value's third line
    [(rule, line, column, decoded)] = found
    assert (rule, line, column) == ("iugu-api-token", 4, len("  ") + 10 * 3 + 1) and decoded.endswith("registry hex")


@pytest.mark.parametrize("engine", BOTH_ENGINES)
def test_hex_strings_that_name_no_credential_make_no_finding(tmp_path: Path, engine: str) -> None:
    text = (f'"BuildHash"={regedit_hex(TOKEN, 2)}\n'
            f'"Environment"={regedit_hex(f"RELEASE={BLOCK_TOKEN}{NUL}", 7)}\n'
            '"Binary"=hex:01,02,03\n"Broken"=hex(7):zz,00\n')
    assert scanned(tmp_path, text, engine) == []
