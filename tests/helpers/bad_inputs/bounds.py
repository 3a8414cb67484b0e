"""Content a bound of the scan keeps out is named as an error, never only counted among the skipped: an archive
nested past the depth archives are opened to, and a line where one key is written so many times that only the
first sightings are kept (its finding stands; the error names the line)."""

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


def _repeated(folder: Path) -> str:
    """One key written 5,000 times on one line, and another key after them on that line."""
    line = " ".join([iugu_line(iugu_token())] * 5_000) + " " + iugu_line(iugu_token())
    (folder / "repeated.log").write_text(line + "\n")
    return "repeated.log"


CASES = [
    BadInput("a zip nested three deep", _nested, error="past a bound of the scan: an archive inside 2 others",
             findings=1),
    BadInput("one key written 5,000 times on a line", _repeated, error="repeated more than 1000 times on one line",
             findings=2),
]
