"""Layout heuristics for text dumps: find the repeated post header and cut the dump into posts.

Every post of a forum page is rendered with the same header shape, and every header
carries one date. So: the date lines of the most common shape are the anchors
(anchors.py); around each anchor, the run of short header-like lines (name, rank, user
statistics, post number, buttons) is the header (header.py, names.py, titles.py); what
follows up to the next header is the post's body and trailer (body.py, quotes.py).
posts.py puts these steps together.
"""
from .anchors import choose_anchors, footer_layout, numbered_anchors
from .names import name_like
from .parts import PostParts
from .posts import segment
from .wrapping import wrap_width, wraps_into

__all__ = ["PostParts", "choose_anchors", "footer_layout", "name_like", "numbered_anchors", "segment", "wrap_width",
           "wraps_into"]
