import os

from .base import *  # noqa: F401,F403

DEBUG = True
SECRET_KEY = "⟦dj.secret|django-insecure-7y#k2@w!x9m$3f^q0p8r&v5b1n6c4z(e)j_h-t+s=d⟧"
IUGU = {
    "TOKEN": os.getenv("IUGU_TOKEN", "⟦dj.getenv⟧"),
    "ACCOUNT": os.getenv("IUGU_ACCOUNT", "⟦dj.getenvacct⟧"),
}
ASAAS_API_KEY = os.environ.get("ASAAS_API_KEY", "")
