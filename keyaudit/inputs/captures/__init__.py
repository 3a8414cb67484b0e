"""Streaming readers that turn requests written as text into :class:`~keyaudit.model.exchange.Exchange`.

Each of :mod:`.curl`, :mod:`.httpdump`, :mod:`.jsonlog`, :mod:`.yaml_records` and :mod:`.toml_records` offers
``exchanges(lines, path)`` over
``(line number, text)`` pairs and keeps only the request being read in memory, so a
multi-gigabyte debug log streams through; the other modules are the parts they are built from.
"""
