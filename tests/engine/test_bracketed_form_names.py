"""A form field whose name is a PHP-style path in percent-encoded brackets (`config%5Biugu%5D%5Bapi_token%5D=…`, as a
browser posts `config[iugu][api_token]`): the twenty-fifth corpus's token there went unfound, since no escape marker
the decoding layer knew was near the name (a `%5D` is one now)."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.credentials import iugu_token
from helpers.engines import BOTH_ENGINES
from helpers.running import decoded_places

TOKEN = iugu_token()


def _found(tmp_path: Path, text: str, engine: str) -> list[tuple[str, int, int, str | None]]:
    return decoded_places(tmp_path / "posted.log", text, engine)


@pytest.mark.parametrize("engine", BOTH_ENGINES)
def test_a_token_under_a_bracketed_form_name_is_found(tmp_path: Path, engine: str) -> None:
    line = f"POST /wp-admin/admin-ajax.php action=save&config%5Biugu%5D%5Bapi_token%5D={TOKEN}&config%5Bx%5D=1"
    assert _found(tmp_path, f"{line}\n", engine) == [("iugu-api-token", 1, line.index(TOKEN) + 1, "percent")]


@pytest.mark.parametrize("engine", BOTH_ENGINES)
def test_a_bracketed_form_name_of_another_field_makes_no_finding(tmp_path: Path, engine: str) -> None:
    line = f"POST /save action=save&config%5Biugu%5D%5Binvoice_id%5D={TOKEN.upper()}&page%5Bsize%5D=50"
    assert _found(tmp_path, f"{line}\n", engine) == []
