"""Pages whose schema.org data (JSON-LD or microdata) lists the posts, whatever the engine.

Scores below the engine adapters: an engine that knows its own markup reads
more (ranks, counts) than the structured data carries.
"""
from __future__ import annotations

from ..errors import NotAThreadError
from ..html.structured import find_items, structured_thread
from ._html_common import has_any
from .base import Adapter
from .generic_html import GenericHtml

_MARKERS = ("application/ld+json", "itemtype", "itemprop")


class SchemaOrg(Adapter):
    name = "schemaorg"
    format = "html"
    priority = 0.1
    max_score = 0.6  # detect() tops out here (the registry skips it when it cannot win)
    description = "posts described by schema.org JSON-LD or microdata (DiscussionForumPosting, Comment, Answer)"

    def detect(self, doc) -> float:
        if not has_any(doc, _MARKERS, 3_000_000):
            return 0.0
        items = [it for it in find_items(doc.tree) if it.text or it.text_el is not None]
        if len(items) >= 2:
            return 0.6
        return 0.05 if items else 0.0

    def parse(self, doc, ctx):
        # the layout reading anchors its records on the microdata items and adds what they lack
        try:
            thread = GenericHtml().parse(doc, ctx)
        except NotAThreadError:
            thread = None
        structured = structured_thread(doc.tree, ctx)
        if thread is None or (structured is not None and len(structured.posts) > len(thread.posts)):
            if structured is None:
                raise NotAThreadError("the page's structured data describes no post")
            return structured
        return thread


ADAPTERS = (SchemaOrg,)
