"""E-mail files, mailboxes and chat exports through the CLI: keys pasted into messages are found
in decoded MIME parts, placed on the file's lines and named by their message."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote

import jsonschema
import pytest

from helpers.credentials import asaas_key
from helpers.data import load_schema
from helpers.messages import (body_line, line_of, mailbox_of, message_bytes, new_keys, short_message, slack_export,
                              support_request)
from helpers.running import cli, run_scan, scan_json
from helpers.secrecy import assert_none_leaked

FORMS = ("subject", "base64", "qp", "latin1", "attachment", "plain")
ENGINES = ["auto", "regex"]


@pytest.fixture(autouse=True)
def _neutral_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def found(report: dict, keys: dict[str, str]) -> dict[str, tuple[int, int, str | None, str | None]]:
    """Each key's finding by the key's name: (line, column, pointer, how it was decoded). Findings
    without a secret (how a captured request was sent, say) are not keys."""
    names = {value: name for name, value in keys.items()}
    places = {}
    for finding in report["findings"]:
        if finding["secret"] is None:
            continue
        loc = finding["location"]
        places[names.get(finding["secret"]["value"], "?")] = (loc["line"], loc["column"], loc["pointer"],
                                                              finding["context"].get("decoded"))
    return places


@pytest.mark.parametrize("engine", ENGINES)
def test_a_key_in_every_mime_form_is_found_on_its_part_line_with_the_message_named(tmp_path: Path,
                                                                                   engine: str) -> None:
    keys = new_keys(*FORMS)
    data = message_bytes(support_request(keys))
    path = tmp_path / "ticket.eml"
    path.write_bytes(data)
    report, run = scan_json("--engine", engine, "--show-secrets", str(path))
    jsonschema.validate(report, load_schema())
    assert report["errors"] == []
    places = found(report, keys)
    plain_line = line_of(data, b"Resposta: a chave")
    assert places == {
        "subject": (line_of(data, b"Subject:"), 1, "message <ticket-1@example.com>", "encoded-word"),
        "base64": (body_line(data, b"base64"), 1, "message <ticket-1@example.com> part 1.1", "base64"),
        "qp": (body_line(data, b"quoted-printable"), 1, "message <ticket-1@example.com> part 1.2",
               "quoted-printable"),
        "latin1": (body_line(data, b"iso-8859-1"), 1, "message <ticket-1@example.com> part 2.1",
                   "charset iso-8859-1"),
        "attachment": (body_line(data, b"env.txt"), 1, "message <ticket-1@example.com> part 3", "base64"),
        # written as it is read: the exact column
        "plain": (plain_line, len("Resposta: a chave ") + 1, "message <ticket-1@example.com> part 4.1", None),
    }
    text = cli("scan", "--engine", engine, str(path))
    assert_none_leaked(keys, stdout=text.stdout, stderr=text.stderr, json_stderr=run.stderr)


@pytest.mark.parametrize("engine", ENGINES)
def test_a_mailbox_is_read_message_by_message_and_attached_messages_too(tmp_path: Path, engine: str) -> None:
    keys = new_keys("second", "forwarded")
    forward = short_message(3, "segue o e-mail abaixo\n")
    forward.add_attachment(short_message(9, f"ASAAS_API_KEY={keys['forwarded']}\n"))
    path = tmp_path / "Support"  # no suffix: known by its first line
    data = mailbox_of(path, [short_message(1, "nada aqui\n"), short_message(2, f"chave {keys['second']}\n"), forward])
    report, _ = scan_json("--engine", engine, "--show-secrets", str(path))
    assert report["errors"] == []
    second = data.index(b"<m2@example.com>")
    forwarded = data.index(b"<m9@example.com>")
    assert found(report, keys) == {
        "second": (body_line(data, b"base64", second), 1, "message 2 <m2@example.com>", "base64"),
        "forwarded": (body_line(data, b"base64", forwarded), 1, "message 3 <m3@example.com> part 2.1", "base64"),
    }


def test_mail_is_known_by_its_headers_and_an_http_dump_is_not(tmp_path: Path) -> None:
    keys = new_keys("mail", "dump")
    (tmp_path / "ticket.txt").write_bytes(message_bytes(short_message(1, f"chave {keys['mail']}\n")))
    dump = f"POST /v3/payments HTTP/1.1\nHost: api.asaas.com\naccess_token: {keys['dump']}\n\n{{}}\n"
    (tmp_path / "wire.log").write_text(dump, encoding="utf-8")
    report, _ = scan_json("--show-secrets", str(tmp_path))
    places = {name: (place[2], place[3]) for name, place in found(report, keys).items()}
    assert places == {"mail": ("message <m1@example.com>", "base64"), "dump": (None, None)}


@pytest.mark.parametrize("engine", ENGINES)
def test_a_slack_export_names_the_channel_and_message_of_a_key(tmp_path: Path, engine: str) -> None:
    key = asaas_key()
    messages = [{"type": "message", "user": "U01", "text": "bom dia", "ts": "1700000000.000100"},
                {"type": "message", "user": "U02", "text": f"usa essa: {key}", "ts": "1700000050.000200"}]
    path = slack_export(tmp_path / "export", "financeiro", "2026-11-02", messages)
    report, _ = scan_json("--engine", engine, "--show-secrets", str(tmp_path / "export"))
    assert report["errors"] == []
    assert found(report, {"key": key}) == {
        "key": (line_of(path.read_bytes(), key.encode()), len('        "text": "usa essa: ') + 1,
                "#financeiro ts 1700000050.000200 user U02", None)}


def test_a_slack_export_with_state_is_not_reported_again(tmp_path: Path) -> None:
    """--state records a chat export as it records text: the next run finds it unchanged (it was read again, and its
    key reported again, on every run)."""
    messages = [{"type": "message", "user": "U02", "text": f"usa essa: {asaas_key()}", "ts": "1700000050.000200"}]
    slack_export(tmp_path / "export", "financeiro", "2026-11-02", messages)
    state = str(tmp_path / "state.db")
    assert len(scan_json("--state", state, str(tmp_path / "export"))[0]["findings"]) == 1
    again, _ = scan_json("--state", state, str(tmp_path / "export"))
    assert again["findings"] == [] and again["scan"]["requests"]["files_unchanged"] == 1


def test_a_truncated_mailbox_and_broken_mime_cost_one_error_line_each(tmp_path: Path) -> None:
    keys = new_keys("before", "cut", "good", "broken")
    cut = support_request(new_keys(*FORMS) | {"base64": keys["cut"]}, "<cut@example.com>")
    data = mailbox_of(tmp_path / "box.mbox", [short_message(1, f"chave {keys['before']}\n"), cut])
    (tmp_path / "box.mbox").write_bytes(data[: data.index(b"quoted-printable")])  # cut in the second message
    (tmp_path / "broken.eml").write_bytes(
        b"From: a@example.com\nTo: b@example.com\nSubject: x\nContent-Type: multipart/mixed\n\n"
        + f"no boundary at all {keys['broken']}\n".encode())
    (tmp_path / "good.eml").write_bytes(message_bytes(short_message(5, f"chave {keys['good']}\n")))
    report, run = scan_json("--show-secrets", str(tmp_path))
    errors = {Path(error["path"]).name: error["message"] for error in report["errors"]}
    assert sorted(errors) == ["box.mbox", "broken.eml"]
    assert "closing boundary" in errors["box.mbox"] and "message 2 <cut@example.com>" in errors["box.mbox"]
    assert "without a boundary" in errors["broken.eml"]
    assert set(found(report, keys)) >= {"before", "cut", "good", "broken"}
    assert run.exit_code == 1


@pytest.mark.parametrize("engine", ENGINES)
def test_a_teams_export_names_the_chat_and_message_of_a_key(tmp_path: Path, engine: str) -> None:
    """The shape of Microsoft Graph chatMessage resources, as the Teams export APIs return them."""
    key = asaas_key()
    user = {"@odata.type": "#microsoft.graph.teamworkUserIdentity", "id": "8ea0e38b-0000-4757-924a-5f94061cf8c2",
            "displayName": "Dev", "userIdentityType": "aadUser"}

    def message(number: str, content: str) -> dict:
        return {"@odata.type": "#microsoft.graph.chatMessage", "id": number, "replyToId": None,
                "messageType": "message", "createdDateTime": "2026-11-23T10:00:00Z", "chatId": "19:abc@thread.v2",
                "from": {"application": None, "device": None, "user": user}, "channelIdentity": None,
                "body": {"contentType": "html", "content": content}, "attachments": []}

    export = {"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#Collection(chatMessage)",
              "value": [message("1616965872395", "<p>bom dia</p>"),
                        message("1616965872396", f"<p>a chave: {key}</p>")]}
    path = tmp_path / "teams-export.json"
    path.write_text(json.dumps(export, indent=2), encoding="utf-8")
    report, _ = scan_json("--engine", engine, "--show-secrets", str(path))
    assert report["errors"] == []
    line = line_of(path.read_bytes(), key.encode())
    assert found(report, {"key": key}) == {
        "key": (line, len('        "content": "<p>a chave: ') + 1,
                "chat 19:abc@thread.v2 message 1616965872396 user 8ea0e38b-0000-4757-924a-5f94061cf8c2", None)}
    assert report["findings"][0]["rule_id"] == "asaas-key-in-message"


def test_a_big_mailbox_is_not_cut_into_ranges_and_with_state_is_not_reported_again(tmp_path: Path) -> None:
    key = asaas_key()
    messages = [short_message(n, f"chave {key}\n" if n == 40 else f"mensagem {n}\n" * 20) for n in range(1, 51)]
    path = tmp_path / "big.mbox"
    mailbox_of(path, messages)
    result = run_scan(str(path), range_bytes=1024, jobs=2)
    assert [(f.location.pointer, f.rule_id) for f in result.findings] == [
        ("message 40 <m40@example.com>", "asaas-key-in-message")]
    state = str(tmp_path / "state.db")
    assert len(scan_json("--state", state, str(path))[0]["findings"]) == 1
    again, _ = scan_json("--state", state, str(path))
    assert again["findings"] == [] and again["scan"]["requests"]["files_unchanged"] == 1


def test_a_key_encoded_inside_a_decoded_part_names_both_decodings(tmp_path: Path) -> None:
    """The part's transfer encoding first, then the layers the key was found under inside it."""
    keys = new_keys("link")
    link = quote(quote(keys["link"], safe=""), safe="")
    path = tmp_path / "ticket.eml"
    data = message_bytes(short_message(1, f"o link: https://example.com/cb?next={link}\n"))
    path.write_bytes(data)
    report, _ = scan_json("--show-secrets", str(path))
    jsonschema.validate(report, load_schema())
    assert found(report, keys) == {"link": (body_line(data, b"base64"), 1, "message <m1@example.com>",
                                            "base64+percent×2")}


def test_a_key_in_quoted_printable_text_is_placed_on_the_line_that_holds_its_start(tmp_path: Path) -> None:
    """Quoted-printable keeps the text's lines: a key after a soft break (`=` ending a line) and cut
    by more of them is placed on the encoded line where it starts, not on the part's first line."""
    keys = new_keys("html", "text")
    html = f'<div dir=3D"ltr">Segue a chave de produ=C3=A7=C3=A3o:<div><br></div><=\ndiv><code>{keys["html"]}</code></div>'
    text_key = keys["text"].replace("=", "=3D")
    text = f"Oi,\n\nchave nova:\n\n{text_key[:60]}=\n{text_key[60:120]}=\n{text_key[120:]}\n\nAbs\n"
    data = (b"From: a@example.com\nTo: b@example.com\nSubject: chave\nMessage-ID: <qp@example.com>\nMIME-Version: 1.0\n"
            b'Content-Type: multipart/alternative; boundary="b1"\n\n--b1\nContent-Type: text/plain; charset="UTF-8"\n'
            b"Content-Transfer-Encoding: quoted-printable\n\n" + text.encode() + b"\n--b1\n"
            b'Content-Type: text/html; charset="UTF-8"\nContent-Transfer-Encoding: quoted-printable\n\n'
            + html.encode() + b"\n--b1--\n")
    (tmp_path / "qp.eml").write_bytes(data)
    report, _ = scan_json("--show-secrets", str(tmp_path / "qp.eml"))
    lines = data.decode().split("\n")
    assert {name: place[0] for name, place in found(report, keys).items()} == {
        "text": lines.index(text_key[:60] + "=") + 1,
        "html": next(number for number, line in enumerate(lines, 1) if line.startswith("div><code>"))}
