"""Helpers for adapters that pick a post's parts out of page-wide matches: outermost
matches, matches inside a container, matches of an XPath in each block, and a sort key in
document order (select.page_position).

(The PartScope that lived here answered attribute-only and "container element" selector
parts apart; select.Index answers both itself now, so adapters use pageinfo.PostScope.)
"""
from __future__ import annotations

from ..html.select import outermost, page_position, select, xpath

__all__ = ["add_outermost", "holders", "inside", "outermost", "page_position", "within"]


def holders(root, css: str) -> set:
    """Every element that is or holds a match of `css` under `root`, from one search of the page:
    for an element under `root`, `el in holders(root, css)` is `select_one(el, css) is not None`
    without a search of its subtree (asked of each ancestor of each post, that search climbs to
    the page's outer boxes when a post has no match nearby: quadratic on long pages)."""
    found: set = set()
    for el in select(root, css):
        while el is not None and el not in found:  # a holder found before brought its ancestors in
            found.add(el)
            el = el.getparent()
    return found


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
