"""Validators of keys written in a spelling that a decoding call in the code undoes, rather than an encoding a
scanner layer decodes: rot13, which code uses to keep a key from a reviewer's eye and a push-time secret scanner
(``codecs.decode("$nnpg_cebq_…", "rot13")``). rot13 maps letters only, so the key's structure stays checkable:
the validator turns the letters back and checks the key as it was issued."""

from __future__ import annotations

import codecs

from keyaudit.rulebook.validators import Validation, asaas_key


def rot13_asaas_key(secret: str) -> Validation | None:
    """An Asaas key written in rot13: valid only where the letters turned back make an issued key's payload."""
    return asaas_key(codecs.decode(secret, "rot13"))
