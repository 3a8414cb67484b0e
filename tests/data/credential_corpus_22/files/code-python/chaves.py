"""Chaves dos gateways (temporário: mover para o Secrets Manager)."""
import base64

ASAAS_API_KEY = (
    "⟦py.adjacent⟧"
)
IUGU_API_TOKEN = bytes.fromhex("⟦py.fromhex⟧").decode()
ASAAS_SANDBOX = base64.b64decode("⟦py.b64⟧").decode()
CHECKSUM_ARQUIVO_RETORNO = "⟦py.sha⟧"
PAGARME_API_KEY = "⟦py.pagarme|sk_live_Rw7qP2LmZ9xVb3Nc8Kt1Yd4H⟧"
