"""How code and tools write a credential that something decodes before use: the value kinds of the
twenty-ninth credential corpus (``tests/data/credential_corpus_29``), kept beside the corpus renderer
that merges them into its ``VALUES``.

Code that hides a key from a reviewer's eye (and a push-time scanner) writes it in hex for
``bytes.fromhex`` / ``hex.DecodeString`` or rot13'd for ``codecs.decode(…, "rot13")``; a ConfigMap's
``binaryData`` holds base64 of a YAML file whose field is a JSON document.
"""

from __future__ import annotations

import base64
import codecs
import random
from typing import Callable

from helpers import credentials as fake


def _yaml_json_base64(rng: random.Random) -> str:
    """base64 (one line) of a YAML file whose `gateways.json` is a JSON document naming an iugu token."""
    token = fake.iugu_token("lower", rng)
    text = (f"log_level: info\ngateways.json: '{{\"iugu\":{{\"api_token\":\"{token}\",\"account\":\"main\"}},"
            f"\"asaas\":{{\"enabled\":false}}}}'\n")
    return base64.b64encode(text.encode()).decode()


DECODED: dict[str, Callable[[random.Random], str]] = {
    "iugu32-hex": lambda rng: fake.iugu_token("lower", rng).encode().hex(),
    "asaas-prod-rot13": lambda rng: codecs.encode(fake.asaas_key("prod", rng), "rot13"),
    "config-yaml-json-base64": _yaml_json_base64,
}
