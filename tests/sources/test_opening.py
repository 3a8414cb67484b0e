"""A file truncated in place while it is read (logrotate's copytruncate mid-scan) is said to be,
rather than reported as read whole: its reading met an end that is not the end it had."""

from __future__ import annotations

from pathlib import Path

from keyaudit.sources.opening import file_size, shrunk


def test_a_file_cut_while_it_was_read_is_named_and_one_that_grew_stayed_or_went_is_not(tmp_path: Path) -> None:
    log = tmp_path / "app.log"
    log.write_text("2026-11-22 10:00:00 INFO ok\n" * 100)
    held = file_size(log)
    assert shrunk(log, held) is None
    with log.open("a") as grown:  # a log written on while it was read: nothing was lost
        grown.write("2026-11-22 10:00:01 INFO more\n")
    assert shrunk(log, held) is None
    log.write_text("")  # copytruncate
    said = shrunk(log, held)
    assert said is not None and "cut to 0 bytes while it was read" in said
    log.unlink()  # renamed or removed (rotated away): the open handle read it whole
    assert shrunk(log, held) is None
