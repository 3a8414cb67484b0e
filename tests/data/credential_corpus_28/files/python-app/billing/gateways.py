"""Clients of the payment gateways the shop charges through (iugu for cards, PagHiper for boletos)."""
import os

import iugu
from paghiper import PagHiper
from slack_sdk import WebClient

TOKEN = "⟦py.iugu-const⟧"
PAGHIPER_API_KEY = "apk_⟦py.ph-apikey|46209571-qZxRmWVbdKDBaaHrRfUjuZyAeRuPHcJy⟧"

iugu_client = iugu.Iugu(TOKEN)
slack_client = WebClient()


def paghiper_client(token: str = "⟦py.ph-token⟧") -> PagHiper:
    # PagHiper wants the account's apiKey and its token on every request
    return PagHiper(token, PAGHIPER_API_KEY)


def notify(channel: str, text: str, token: str = os.environ.get("SLACK_BOT_TOKEN", "")) -> None:
    slack_client.chat_postMessage(token=token, channel=channel, text=text)


def charge(invoice):
    if invoice.method == "boleto":
        return paghiper_client().create_transaction(invoice.as_paghiper())
    return iugu_client.charge.create(invoice.as_iugu())
