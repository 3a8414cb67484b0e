"""User rule packs for tests that load rules from a file."""

from __future__ import annotations

# One plain secret rule, anchored on its keyword: ``acme_key=`` and twelve lower-case letters.
ACME_PACK = """
rules:
  - id: acme-key
    title: ACME key
    provider: acme
    category: access-token
    severity: low
    keywords: [acme_key]
    pattern: 'acme_key=(?P<secret>[a-z]{12})'
    examples: ['acme_key=abcdefghijkl']
"""
