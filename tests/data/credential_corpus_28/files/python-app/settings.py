# Django settings for the loja project: payments
import os

PAYMENT_GATEWAYS = ["iugu", "pagseguro", "juno", "asaas"]

IUGU_API_TOKEN = os.environ.get("IUGU_API_TOKEN", "⟦dj.iugu⟧")
IUGU_ACCOUNT_ID = "⟦dj.iugu-account⟧"

PAGSEGURO_EMAIL = "financeiro@loja.com.br"
PAGSEGURO_TOKEN = os.environ.get("PAGSEGURO_TOKEN", "⟦dj.pagseguro⟧")
PAGSEGURO_SANDBOX = False

JUNO_CLIENT_ID = "⟦dj.juno-client|KQ0x8hTmYrvB2Wno⟧"
JUNO_CLIENT_SECRET = "⟦dj.juno-secret|Cq;Zk>3r9QmX@Tq8Lh^Ub5W)v0o!nNa#⟧"
JUNO_RESOURCE_TOKEN = os.environ.get("JUNO_RESOURCE_TOKEN", "⟦dj.juno-resource⟧")

ASAAS_API_KEY = os.environ.get("ASAAS_API_KEY", "⟦dj.asaas⟧")
ASAAS_BASE_URL = "https://api.asaas.com/v3"
