"""Last steps of the engine text adapters, over all posts of a page: signatures repeated
under one author's posts, and quotes that a dump prints as plain paragraphs (renderers
that drop the quote box's indentation) found as repeats of earlier posts."""
from __future__ import annotations

from .echo import split_echoes
from .signatures import split_signatures


def tidy_posts(posts: list) -> list:
    return split_echoes(split_signatures(posts))
