"""The adapter protocol: `name`, `format`, `detect(doc) -> float`, `parse(doc, ctx) -> Thread`."""
from __future__ import annotations

from typing import ClassVar

from ..records import Thread


class Adapter:
    """Base class for adapters (subclassing is optional: the registry checks the protocol).

    `format` is "html" or "text": an adapter only sees documents of its format.
    `priority` breaks ties between equal detect() scores (higher wins).
    """

    name: ClassVar[str] = ""
    format: ClassVar[str] = "html"
    priority: ClassVar[float] = 0.5
    description: ClassVar[str] = ""

    def detect(self, doc) -> float:
        """How sure (0..1) this adapter is that `doc` is its engine's page."""
        raise NotImplementedError

    def parse(self, doc, ctx) -> Thread:
        raise NotImplementedError
