"""The adapter protocol: `name`, `format`, `detect(doc) -> float`, `parse(doc, ctx) -> Thread`."""
from __future__ import annotations

from typing import ClassVar

from ..records import Thread


class Adapter:
    """Base class for adapters (subclassing is optional: the registry checks the protocol).

    `format` is "html" or "text": an adapter only sees documents of its format.
    `priority` breaks ties between equal detect() scores (higher wins).
    `hints` (optional, lower-case strings): words of the page's fingerprint (<html>/<body>
    attributes, <head> addresses and meta values, the start of head scripts) that put this
    adapter first in the asking order; they never skip an adapter, and between two certain
    (1.0) scores the hinted adapter wins. `max_score` (optional, default 1.0): the highest score
    detect() can return; adapters that can never be certain are asked last, and only while
    they could still win.
    """

    name: ClassVar[str] = ""
    format: ClassVar[str] = "html"
    priority: ClassVar[float] = 0.5
    description: ClassVar[str] = ""
    hints: ClassVar[tuple[str, ...]] = ()
    max_score: ClassVar[float] = 1.0

    def detect(self, doc) -> float:
        """How sure (0..1) this adapter is that `doc` is its engine's page."""
        raise NotImplementedError

    def parse(self, doc, ctx) -> Thread:
        raise NotImplementedError
