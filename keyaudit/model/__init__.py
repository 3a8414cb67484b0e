"""The model: findings, locations, secrets and their redaction, exchanges, the vocabulary, and the
scan result. It imports nothing else of keyaudit, so every other layer can depend on it."""
