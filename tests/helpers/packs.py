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


def acme_token_pack(keywords: str, pattern: str, context: str, example: str | None = None) -> str:
    """A rule file with ACME's API host and one ``acme-token`` rule: ``keywords`` and ``pattern``
    as YAML flow values, ``context`` as YAML (indented under the rule, or a flow mapping), and
    ``example`` as its one example when given."""
    examples = f"\n    examples: [{example!r}]" if example is not None else ""
    return f"""\
provider_hosts:
  acme: [api.acme.example]
rules:
  - id: acme-token
    title: ACME token
    provider: acme
    category: access-token
    severity: high
    keywords: {keywords}
    pattern: {pattern}
    context: {context}{examples}
"""
