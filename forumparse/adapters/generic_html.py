"""Generic HTML layout heuristics: the fallback for pages of unknown engines (grown in issue 4)."""
from __future__ import annotations

from ..errors import NotAThreadError
from .base import Adapter


class GenericHtml(Adapter):
    name = "generic-html"
    format = "html"
    priority = 0.0
    description = "layout heuristics for HTML pages of any forum"

    def detect(self, doc) -> float:
        return 0.01

    def parse(self, doc, ctx):
        raise NotAThreadError("no repeated post structure found in the page")


ADAPTERS = (GenericHtml,)
