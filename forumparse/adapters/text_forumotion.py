"""Forumotion threads as text dumps (work in progress)."""
ADAPTERS = ()
