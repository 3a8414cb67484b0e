"""Chaves das integrações (provisório: vão para o Secret Manager na sprint 48)."""

import base64

# literais lado a lado: o Python junta "…" "…" numa string só
ASAAS_API_KEY = (
    "⟦py.adjacent-asaas⟧"
)

# \N{DOLLAR SIGN} para o pre-commit não reclamar
ASAAS_BACKUP_KEY = "⟦py.named-escape⟧"
ASAAS_SANDBOX_KEY = "⟦py.unicode-long⟧"

IUGU_API_TOKEN = r"⟦py.raw-iugu⟧"
IUGU_ACCOUNT_ID = "⟦py.iugu-account⟧"

IUGU_AUTH = f"Basic {base64.b64encode(f'{IUGU_API_TOKEN}:'.encode()).decode()}"
ASAAS_HEADERS = {"access_token": f"⟦py.fstring-hmlg⟧", "User-Agent": f"loja/{__name__}"}
ASAAS_HEADER_TEMPLATE = f"access_token: ⟦py.fstring-var|{ASAAS_API_KEY}⟧"

RELEASE_SHA = "⟦py.release-sha⟧"
IDEMPOTENCY_NAMESPACE = "⟦py.namespace-uuid⟧"
