"""
Django settings for loja project.
"""
import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

# SECURITY WARNING: keep the secret key used in production secret!
SECRET_KEY = "⟦dj.secret-key|django-insecure-7q#k2!v9m$w@x3p^r8z&c1b*n6f+d0s4h=j5g_a)l(e%t~y⟧"

DEBUG = False
ALLOWED_HOSTS = ["loja.example.com.br"]

# Pagamentos
ASAAS_API_URL = "https://api.asaas.com/v3"
ASAAS_API_KEY = os.environ.get("ASAAS_API_KEY", "⟦dj.asaas⟧")
IUGU = {
    "API_TOKEN": os.getenv("IUGU_API_TOKEN", default="⟦dj.iugu⟧"),
    "ACCOUNT_ID": "⟦dj.account⟧",
    "WEBHOOK_SECRET_SHA1": "⟦dj.webhook-sha1⟧",
}
