"""Generic text layout heuristics: the fallback for every text dump (grown in issue 4)."""
from __future__ import annotations

from ..errors import NotAThreadError
from .base import Adapter


class GenericText(Adapter):
    name = "generic-text"
    format = "text"
    priority = 0.0
    description = "layout heuristics for text dumps of any forum"

    def detect(self, doc) -> float:
        return 0.01

    def parse(self, doc, ctx):
        raise NotAThreadError("no repeated post layout found in the text")


ADAPTERS = (GenericText,)
