"""The thread title of a page: a heading that the <title> also names, og:title, h1, <title>."""
from __future__ import annotations

import re

from .select import text_of

_SEPARATORS = re.compile(r"\s+(?:[-|•·»:›/—–]|::)\s+")
_PAGE_PART = re.compile(r"^(?:page|seite|página|pagina|страница|strona)\s*\d+(?:\s*(?:of|von|de|di)\s*\d+)?$", re.I)
_GENERIC = re.compile(r"^(?:view topic|view thread|thread|topic|forum|forums|board)$", re.I)


def thread_title(root) -> str | None:
    title = text_of(next(iter(root.iter("title")), None))
    parts = [p.strip() for p in _SEPARATORS.split(title)] if title else []
    parts = [p for p in parts if p and not _PAGE_PART.match(p) and not _GENERIC.match(p)]
    og = _meta(root, "og:title")
    site = _meta(root, "og:site_name")
    headings = []
    for tag in ("h1", "h2", "h3"):
        for el in root.iter(tag):
            text = text_of(el)
            if text and len(text) < 300:
                headings.append(text)
    wanted = {p.casefold() for p in parts if p != site}
    for text in headings:  # a heading that the <title> names too
        if text.casefold() in wanted:
            return text
    for text in headings:
        for part in sorted(wanted, key=len, reverse=True):
            if len(part) > 8 and part in text.casefold():
                return text
    if og and og != site:
        return og
    if title:
        if len(parts) > 1 and site:
            parts = [p for p in parts if p.casefold() != site.casefold()] or parts
        return max(parts, key=len) if parts else title
    return headings[0] if headings else None


def _meta(root, name: str) -> str | None:
    for el in root.iter("meta"):
        if el.get("property") == name or el.get("name") == name:
            value = (el.get("content") or "").strip()
            if value:
                return value
    return None
