"""Inputs: how bytes are read as what they hold — HAR captures, archives and their members, and
requests written as text (curl commands, client debug logs, JSON request records)."""
