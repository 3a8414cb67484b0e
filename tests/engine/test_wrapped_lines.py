"""Lines a logger wrapped at a fixed width: an Asaas key cut into records of 110 characters (ihsanbal's
LoggingInterceptor through logcat) or of 64 is found by both engines, from its first piece to its last;
a first piece whose next record is no cut of it, or a line that was not cut at a width, joins nothing.

Every key is generated here; a failure shows rule, place and layers, never a value."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.credentials import asaas_key
from helpers.engines import BOTH_ENGINES
from helpers.running import run_scan
from keyaudit.engine.wrapped_lines import joined, pieces

KEY = asaas_key()
SANDBOX_KEY = asaas_key("hmlg")
BOX = "│ "  # what LoggingInterceptor writes before every piece (Printer.DEFAULT_LINE)


def logcat(at: int, text: str) -> str:
    """A logcat record (threadtime) of the interceptor's tag, its milliseconds counting on."""
    return f"11-22 13:00:00.{at:03d}  4242  4311 D LoggingI: {text}"


def wrapped(line: str, width: int, first_at: int = 120) -> list[str]:
    """``line`` as a logger that cuts at ``width`` characters writes it: a record a piece."""
    cut = [line[start : start + width] for start in range(0, len(line), width)]
    return [logcat(first_at + index, BOX + piece) for index, piece in enumerate(cut)]


def scanned(tmp_path: Path, lines: list[str], engine: str, ending: str = "\n", whole: str | None = None
            ) -> tuple[list[tuple], str | None]:
    """The findings of the lines (rule, place, layers, digest), and the digest the same run gives
    ``whole`` written on a line of another file: a wrapped key must be that key."""
    (tmp_path / "logcat.txt").write_bytes((ending.join(lines) + ending).encode("utf-8"))
    if whole is not None:
        (tmp_path / "whole.env").write_text(f"ASAAS_API_KEY={whole}\n", encoding="utf-8")
    result = run_scan(str(tmp_path), engine=engine)
    assert result.errors == []
    found = [(f.rule_id, f.location.line, f.location.column, f.location.end_line, f.location.end_column,
              f.context.get("decoded"), f.secret.digest() if f.secret else None)
             for f in result.findings if f.location.path.endswith("logcat.txt")]
    digests = [f.secret.digest() for f in result.findings if f.location.path.endswith("whole.env") and f.secret]
    return found, digests[0] if digests else None


@pytest.mark.parametrize("engine", BOTH_ENGINES)
def test_a_key_cut_into_records_of_110_characters_is_found_from_its_first_piece_to_its_last(
        tmp_path: Path, engine: str) -> None:
    lines = [logcat(118, "┌────── Request ─────"), logcat(119, BOX + "URL: https://api.asaas.com/v3/payments"),
             *wrapped(f"access_token: {KEY}", 110), logcat(125, BOX + "User-Agent: billing-app/2.3")]
    found, whole = scanned(tmp_path, lines, engine, whole=KEY)
    column = lines[2].index("$aact") + 1
    assert [place[:6] for place in found] == [("asaas-api-key", 3, column, 4, len(lines[3]) + 1, "wrapped line")]
    assert whole is not None and found[0][-1] == whole


@pytest.mark.parametrize("engine", BOTH_ENGINES)
def test_a_key_in_three_records_of_64_characters_with_crlf_line_ends_is_found(tmp_path: Path, engine: str) -> None:
    lines = wrapped(f'   "access_token": "{SANDBOX_KEY}",', 64)
    assert len(lines) == 3
    found, whole = scanned(tmp_path, lines, engine, ending="\r\n", whole=SANDBOX_KEY)
    end = lines[2].index('",') + 1
    assert [place[:2] + place[3:6] for place in found] == [("asaas-sandbox-api-key", 1, 3, end, "wrapped line")]
    assert whole is not None and found[0][-1] == whole


@pytest.mark.parametrize("engine", BOTH_ENGINES)
def test_a_first_piece_whose_next_record_goes_on_with_something_else_joins_nothing(tmp_path: Path, engine: str) -> None:
    """The key's first record, then another header's record, then the key's rest two records on: the rest
    does not follow the cut, and nothing is found (nor a key made of the header's words)."""
    first, rest = wrapped(f"access_token: {KEY}", 110)
    lines = [first, logcat(121, BOX + "User-Agent: billing-app/2.3"), logcat(122, BOX + "Accept: */*"), rest]
    assert scanned(tmp_path, lines, engine) == ([], None)


def test_pieces_follow_a_cut_at_one_width_and_stop_where_a_line_was_not_cut() -> None:
    """Pieces go on while each line but the last was cut at the first line's width; the prefix may
    differ in its digits (a timestamp) and ends before the piece's first credential byte, however
    alike the pieces begin."""
    text = "\n".join(wrapped("k=" + "a" * 150, 50) + wrapped("k=" + "a" * 60, 50)).encode()
    found = pieces(text)
    assert [text[start:end].decode()[-3:] for start, end in found] == ["aaa", "aaa", "aaa", "aa"]
    assert [end - start for start, end in found[1:]] == [50, 50, 2]  # the third line's piece was the cut's last
    assert text[found[1][0] - len(BOX.encode()):found[1][0]].decode() == BOX


def test_no_line_goes_on_with_one_narrower_than_a_logger_cuts_at() -> None:
    short = "\n".join(wrapped("k=" + "b" * 60, 30)).encode()
    assert pieces(short) == [(0, short.index(b"\n"))] and joined(short) is None


def test_joining_keeps_where_every_byte_came_from() -> None:
    data = "\r\n".join(wrapped(f"access_token: {KEY}", 110)).encode()
    text, origin = joined(data)
    assert text.endswith(f"access_token: {KEY}".encode()) and b"\n" not in text
    assert bytes(data[origin[index]] for index in range(len(text))) == text and origin[-1] == len(data)


@pytest.mark.parametrize("engine", BOTH_ENGINES)
def test_a_key_encoded_on_a_wrapped_keys_last_line_is_still_found(tmp_path: Path, engine: str) -> None:
    """The line that ends a wrapped key goes on with another key, percent-encoded twice: that line's own
    escape is decoded as its own (the wrapped key's joining reads the line too, but reports only across
    its cut)."""
    first, rest = wrapped(f"access_token: {KEY}", 110)
    lines = [first, rest + f" fallback=%2524{SANDBOX_KEY[1:]}"]
    found, _ = scanned(tmp_path, lines, engine)
    # the layers a spot's text went through name its findings (the wrapped key's: the join, then the percent
    # layer the rest of its last line needed)
    assert sorted((rule, line, layers.split("+")[0]) for rule, line, _, _, _, layers, _ in found) == [
        ("asaas-api-key", 1, "wrapped line"), ("asaas-sandbox-api-key", 2, "percent×2")]


def test_a_run_longer_than_any_credential_is_no_wrapped_key() -> None:
    """Lines of one width, each a run of a credential's characters after one prefix, would make a spot of
    every line: pieces longer together than a credential can be join nothing."""
    text = "\n".join(wrapped("k=" + "c" * 2000, 100)).encode()
    assert pieces(text) == [(0, text.index(b"\n"))]
    assert len(pieces("\n".join(wrapped("k=" + "c" * 300, 100)).encode())) == 4


def folded(line: str, width: int) -> list[str]:
    """``line`` as a terminal (or `fold -w`) shows it: cut every ``width`` characters, no prefix."""
    return [line[start : start + width] for start in range(0, len(line), width)]


@pytest.mark.parametrize("engine", BOTH_ENGINES)
def test_a_key_a_terminal_folded_at_its_width_is_found_from_its_first_piece_to_its_last(
        tmp_path: Path, engine: str) -> None:
    """A console 120 columns wide: the record's rest, and the key's, start the next line with no prefix."""
    lines = ["03:14:06Z INFO  [http] GET /health 200", *folded(f"03:14:07Z DEBUG [asaas] access_token={KEY} ok", 120),
             "03:14:08Z INFO  [http] GET /health 200"]
    assert len(lines) == 4
    found, whole = scanned(tmp_path, lines, engine, whole=KEY)
    assert [place[:2] + place[3:4] + place[5:6] for place in found] == [("asaas-api-key", 2, 3, "wrapped line")]
    assert whole is not None and found[0][-1] == whole


@pytest.mark.parametrize("engine", BOTH_ENGINES)
def test_a_key_cut_at_its_line_s_end_and_a_record_that_is_no_rest_of_it_make_no_key(tmp_path: Path,
                                                                                      engine: str) -> None:
    """A logger that cuts a long value (no fold): the next line starts a record of its own, with no
    prefix in common; joined, the two make no key the validator takes."""
    lines = [f"access_token={KEY[:120]}", "Retrying in 5 seconds", "3 attempts left"]
    assert scanned(tmp_path, lines, engine) == ([], None)


def content_folded(line: str, width: int) -> list[str]:
    """``line`` as a format of content lines folds it (RFC 5545 §3.1, RFC 6350 §3.2, RFC 2849, the JAR
    manifest): cut at ``width`` octets, each line after the first starting with one blank, which is
    the fold's, not the content's."""
    first, rest = line[:width], line[width:]
    return [first, *(" " + rest[start : start + width - 1] for start in range(0, len(rest), width - 1))]


@pytest.mark.parametrize("engine", BOTH_ENGINES)
@pytest.mark.parametrize("form", ["icalendar", "vcard", "ldif", "manifest"])
def test_a_key_in_a_content_line_folded_with_a_blank_is_found_from_its_first_piece_to_its_last(
        tmp_path: Path, engine: str, form: str) -> None:
    """An iCalendar description and a vCard note folded at 75 octets (CRLF, then a space), an LDIF
    attribute at 76 (LF, then a space), a JAR manifest's attribute at 72: the key's pieces after
    the first each start after the fold's blank."""
    head, line, tail, width, ending = {
        "icalendar": (["BEGIN:VEVENT", "SUMMARY:Virada do gateway"], f"DESCRIPTION:Pauta:\\nchave nova: {KEY}\\nrevogar a antiga",
                      ["END:VEVENT"], 75, "\r\n"),
        "vcard": (["BEGIN:VCARD", "VERSION:4.0", "FN:Financeiro"], f"NOTE:asaas access_token {KEY}", ["END:VCARD"], 75,
                  "\r\n"),
        "ldif": (["dn: cn=billing,ou=apps,dc=loja,dc=com", "objectClass: applicationProcess"],
                 f"description: asaas access_token={KEY}", ["cn: billing"], 76, "\n"),
        "manifest": (["Manifest-Version: 1.0", "Created-By: 17 (Oracle)"], f"Asaas-Access-Token: {KEY}",
                     ["Main-Class: br.com.loja.Billing"], 72, "\r\n"),
    }[form]
    lines = [*head, *content_folded(line, width), *tail]
    found, whole = scanned(tmp_path, lines, engine, ending=ending, whole=KEY)
    column = lines[len(head)].index("$aact") + 1
    layers = "wrapped line+json" if form == "icalendar" else "wrapped line"  # a TEXT value's `\n` escapes, after the join
    assert [place[:3] + place[5:6] for place in found] == [("asaas-api-key", len(head) + 1, column, layers)]
    assert whole is not None and found[0][-1] == whole


@pytest.mark.parametrize("engine", BOTH_ENGINES)
def test_a_key_cut_at_its_line_s_end_and_an_indented_line_that_is_no_rest_of_it_make_no_key(
        tmp_path: Path, engine: str) -> None:
    """A value cut short, then a line that starts with a blank (a YAML mapping's next key, a stack
    frame): read as a fold, the two make no key the validator takes."""
    lines = [f"access_token: {KEY[:61]}", " retries: 3", "    at br.com.loja.Billing.pay(Billing.java:42)"]
    assert len(lines[0]) == 75
    assert scanned(tmp_path, lines, engine) == ([], None)
