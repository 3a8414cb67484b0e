"""keyaudit: find leaked and misused payment-API credentials in logs, code and HTTP captures."""

__version__ = "0.1.0"
