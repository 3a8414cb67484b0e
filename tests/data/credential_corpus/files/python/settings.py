import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "django-insecure-⟦py.django-secret|7q$z!m2k@v9w#e4r^t6y&u8i*o0p(a1s⟧")
DEBUG = os.environ.get("DJANGO_DEBUG") == "1"

# Both environments, chosen by ASAAS_ENV; the production key only ever comes from the environment.
ASAAS = {
    "production": {"base_url": "https://api.asaas.com/v3", "api_key": os.environ.get("ASAAS_API_KEY", "")},
    "sandbox": {
        "base_url": "https://api-sandbox.asaas.com/v3",
        "api_key": "⟦py.settings-sandbox-key⟧",
    },
}
ASAAS_ENV = os.environ.get("ASAAS_ENV", "sandbox")

ASAAS_API_KEY = os.getenv("ASAAS_PROD_KEY", "⟦py.getenv-default-asaas⟧")

STATIC_ROOT = BASE_DIR / "static"
STATICFILES_MANIFEST_HASH = "⟦py.static-manifest-hash⟧"
