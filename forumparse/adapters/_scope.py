"""Helpers for adapters that pick a post's parts out of page-wide matches: outermost
matches, matches inside a container, matches of an XPath in each block, and a sort key in
document order (select.page_position).

(The PartScope that lived here answered attribute-only and "container element" selector
parts apart; select.Index answers both itself now, so adapters use pageinfo.PostScope.)
"""
from __future__ import annotations

from ..html.pageinfo import PostScope
from ..html.select import outermost, page_position, select, text_of, xpath

__all__ = ["add_outermost", "box_scope", "inside", "outermost", "page_position", "within"]


def box_scope(boxes):
    """Lookups in each post's box (PostScope's methods) that answer as a search of the box's
    subtree would: a PostScope (each selector searched once for the page) when no box is inside
    another, else searches of each box (a PostScope hands a match to the innermost box only)."""
    kept = set(boxes)
    if any(a in kept for box in kept for a in box.iterancestors()):
        return _EachBox()
    return PostScope(dict.fromkeys(boxes))


class _EachBox:
    """PostScope's lookups, by a search of the box's subtree."""

    def all(self, box, css: str) -> list:
        return select(box, css)

    def one(self, box, css: str):
        found = select(box, css)
        return found[0] if found else None

    def pick(self, box, *selectors: str):
        return next((found[0] for found in (select(box, css) for css in selectors) if found), None)

    def first(self, box, *selectors: str):
        return next((el for css in selectors for el in select(box, css) if text_of(el)), None)

    def text(self, box, *selectors: str) -> str | None:
        return next((value for css in selectors for value in map(text_of, select(box, css)) if value), None)


def inside(found, container):
    """The elements of `found` that are `container` or inside it."""
    for el in found:
        if el is container or any(a is container for a in el.iterancestors()):
            yield el


def within(blocks, expr: str):
    """`expr`'s matches in each block, in page order when the blocks do not nest."""
    for block in blocks:
        yield from xpath(expr)(block)


def add_outermost(kept: list, el) -> None:
    """Append `el` (later in the page than `kept`'s elements) unless it is inside one of them."""
    if not any(a in kept for a in el.iterancestors()):
        kept.append(el)
