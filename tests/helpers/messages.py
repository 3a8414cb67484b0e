"""E-mails and chat exports built the way mail clients and Slack write them, with fake keys, and
the lines where a reader expects their findings."""

from __future__ import annotations

import email.policy
import json
import mailbox
import re
from email.message import EmailMessage
from pathlib import Path

from helpers.credentials import asaas_key


def support_request(keys: dict[str, str], message_id: str = "<ticket-1@example.com>") -> EmailMessage:
    """A support request with a key in each MIME form: ``subject`` in an RFC 2047 encoded word,
    ``base64`` in a base64 text part, ``qp`` in a quoted-printable HTML part, ``latin1`` in a
    Latin-1 attached message, ``attachment`` in a base64 text attachment, ``plain`` in an 8-bit UTF-8
    attached message (parts 2 and 4 are message/rfc822, whose own part is 2.1 and 4.1)."""
    message = EmailMessage()
    message["From"] = "Dev <dev@example.com>"
    message["To"] = "suporte@example.com"
    message["Subject"] = f"Chave {keys['subject']} não funciona"
    message["Message-ID"] = message_id
    message.set_content(f"Olá,\nminha chave é\n{keys['base64']}\nobrigado\n", charset="utf-8", cte="base64")
    message.add_alternative(f"<p>chave: {keys['qp']}</p>\n", subtype="html", cte="quoted-printable")
    latin = EmailMessage()
    latin.set_content(f"Atenção: ASAAS_KEY={keys['latin1']}\n", charset="iso-8859-1", cte="8bit")
    message.add_attachment(latin)
    message.add_attachment(f"ASAAS_KEY={keys['attachment']}\n".encode(), maintype="text", subtype="plain",
                           filename="env.txt")
    plain = EmailMessage()
    plain.set_content(f"Resposta: a chave {keys['plain']} foi desativada\n", charset="utf-8", cte="8bit")
    message.add_attachment(plain)
    return message


def message_bytes(message: EmailMessage) -> bytes:
    return message.as_bytes(policy=email.policy.SMTP)


def mailbox_of(path: Path, messages: list[EmailMessage]) -> bytes:
    box = mailbox.mbox(str(path))
    for message in messages:
        box.add(message)
    box.close()
    return path.read_bytes()


def short_message(number: int, body: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = f"user{number}@example.com"
    message["To"] = "suporte@example.com"
    message["Subject"] = f"pedido {number}"
    message["Message-ID"] = f"<m{number}@example.com>"
    message.set_content(body, cte="base64")
    return message


def new_keys(*names: str) -> dict[str, str]:
    return {name: asaas_key() for name in names}


def body_line(data: bytes, after: bytes, start: int = 0) -> int:
    """The 1-based line of the first body line of the part whose headers hold ``after`` (the first
    such part at or past byte ``start``)."""
    blank = re.compile(rb"\n\r?\n").search(data, data.index(after, start))
    assert blank is not None, "a part without a body"
    return data[: blank.end()].count(b"\n") + 1


def line_of(data: bytes, text: bytes) -> int:
    return data[: data.index(text)].count(b"\n") + 1


def slack_export(root: Path, channel: str, day: str, messages: list[dict[str, str]]) -> Path:
    """A Slack export's day file: ``<channel>/<day>.json``, a JSON array written as Slack does."""
    folder = root / channel
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{day}.json"
    path.write_text(json.dumps(messages, indent=4, ensure_ascii=False), encoding="utf-8")
    return path
