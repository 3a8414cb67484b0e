"""Content a bound of the scan keeps out is named as an error, never only counted among the skipped: an archive
nested past the depth archives are opened to."""

from __future__ import annotations

from pathlib import Path

from helpers.archives import zip_bytes
from helpers.bad_inputs import BadInput
from helpers.credentials import iugu_line, iugu_token


def _nested(folder: Path) -> str:
    """A zip in a zip in a zip: the outer two are read (a key in the middle one), the innermost is past the bound."""
    deepest = zip_bytes({"deep.log": iugu_line(iugu_token()).encode()})
    middle = zip_bytes({"inner.log": iugu_line(iugu_token()).encode(), "deeper.zip": deepest})
    (folder / "nested.zip").write_bytes(zip_bytes({"middle.zip": middle}))
    return "nested.zip"


CASES = [
    BadInput("a zip nested three deep", _nested, error="past a bound of the scan: an archive inside 2 others",
             findings=1),
]
