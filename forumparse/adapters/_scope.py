"""A PostScope for selectors whose last step the page index answers slowly.

PostScope answers a selector from an index of tags and classes, testing each candidate of
its last step. A last step that names only an attribute ("[id^=postmenu_]") makes every
element a candidate; one that names only a tag ("a[href]" after a container class) makes
every link one. The adapter names such selector parts in two tables and they are answered
another way: attribute parts from the attribute's values on the page (one XPath, tested in
Python), "container element" parts from under their few containers.
"""
from __future__ import annotations

from ..html.pageinfo import PostScope
from ..html.select import xpath


class PartScope(PostScope):
    """`scanned`: selector part -> (XPath of the attribute's values, test, value), e.g.
    "[id^=postmenu_]": ("//@id", str.startswith, "postmenu_"). `under`: selector part ->
    (container selector, XPath run from each container), e.g. ".avatar img": (".avatar", ".//img").
    Both must select exactly what the part selects."""

    def __init__(self, posts, scanned: dict | None = None, under: dict | None = None):
        super().__init__(posts)
        self._scanned, self._under_parts = scanned or {}, under or {}
        self._parts: dict[str, tuple] = {}
        self._scans: dict[tuple, dict] = {}
        self._values: dict[str, list] = {}

    def all(self, post, css: str) -> list:
        parts = self._parts.get(css)
        if parts is None:
            alternatives = [a.strip() for a in css.split(",")]
            rest = ", ".join(a for a in alternatives if a not in self._scanned and a not in self._under_parts)
            parts = self._parts[css] = (rest, tuple(self._scanned[a] for a in alternatives if a in self._scanned),
                                        tuple(self._under_parts[a] for a in alternatives if a in self._under_parts))
        rest, scans, under = parts
        if not scans and not under:
            return super().all(post, css)
        lists = [super().all(post, rest)] if rest else []
        lists += [self._scan(scan).get(post, []) for scan in scans]
        lists += [self._under(post, container, expr) for container, expr in under]
        lists = [found for found in lists if found]
        if len(lists) <= 1:
            return lists[0] if lists else []
        return sorted(dict.fromkeys(el for found in lists for el in found), key=page_position)

    def _under(self, post, container_css: str, expr: str) -> list:
        """Matches of `expr` under the post's outermost `container_css` elements, in page order."""
        containers = super().all(post, container_css)
        if not containers:
            return []
        if len(containers) > 1:
            containers = outermost(containers)
        return [el for box in containers for el in xpath(expr)(box) if self.owner(el) is post]

    def _scan(self, scan: tuple) -> dict:
        """The elements whose attribute passes the test, by post."""
        found = self._scans.get(scan)
        if found is None:
            found = self._scans[scan] = {}
            expr, test, wanted = scan
            values = self._values.get(expr)
            if values is None:
                values = self._values[expr] = xpath(expr)(self.order[0])
            for el in (value.getparent() for value in values if test(value, wanted)):
                owner = self.owner(el)
                if owner is not None:
                    found.setdefault(owner, []).append(el)
        return found


def page_position(el) -> list[int]:
    """A key that sorts elements in page order: the child positions from the root down."""
    key = []
    parent = el.getparent()
    while parent is not None:
        key.append(parent.index(el))
        el, parent = parent, parent.getparent()
    key.reverse()
    return key


def outermost(found: list) -> list:
    """The elements of `found` (in page order) not inside another of them."""
    chosen: set = set()
    for el in found:
        if not any(a in chosen for a in el.iterancestors()):
            chosen.add(el)
    return [el for el in found if el in chosen]


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
