"""Streaming readers that turn requests written as text into :class:`~keyaudit.exchange.Exchange`.

Every module offers ``exchanges(lines, path)`` over ``(line number, text)`` pairs and keeps only
the request being read in memory, so a multi-gigabyte debug log streams through.
"""
