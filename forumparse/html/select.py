"""Small selector helpers: CSS compiled to XPath once, and absence as a value (None)."""
from __future__ import annotations

from functools import lru_cache

import lxml.etree
from cssselect import GenericTranslator

_translator = GenericTranslator()


@lru_cache(maxsize=2048)
def compiled(css: str) -> lxml.etree.XPath:
    """A CSS selector compiled to an XPath object (cached: translation costs more than matching)."""
    return lxml.etree.XPath(_translator.css_to_xpath(css, prefix="descendant-or-self::"))


@lru_cache(maxsize=2048)
def xpath(expr: str) -> lxml.etree.XPath:
    return lxml.etree.XPath(expr)


def select(el, css: str) -> list:
    """All elements under (and including) `el` matching `css`."""
    if el is None:
        return []
    return compiled(css)(el)


def select_one(el, css: str):
    """The first element matching `css`, or None."""
    found = select(el, css)
    return found[0] if found else None


def has_class(el, name: str) -> bool:
    return name in (el.get("class") or "").split()


def classes(el) -> list[str]:
    return (el.get("class") or "").split()


def text_of(el) -> str | None:
    """Visible inline text of an element, whitespace collapsed; None when absent or empty."""
    if el is None:
        return None
    if isinstance(el, str):
        text = el
    else:
        text = "".join(_visible_text(el))
    text = " ".join(text.replace("\ue001", " ").replace("\ue002", " ").split())
    return text or None


_INVISIBLE = frozenset({"script", "style", "noscript", "template", "head", "title"})


def _visible_text(el):
    tag = el.tag if isinstance(el.tag, str) else None
    if tag is None:  # comments and processing instructions (the caller yields their tail)
        return
    if tag in _INVISIBLE:
        return
    if tag == "br":
        yield " "
    if el.text:
        yield el.text
    for child in el:
        yield from _visible_text(child)
        if child.tail:
            yield child.tail


def attr(el, name: str) -> str | None:
    if el is None:
        return None
    value = el.get(name)
    return value.strip() if value and value.strip() else None


def first_text(el, *selectors: str) -> str | None:
    """Text of the first selector that finds a non-empty element."""
    for css in selectors:
        for found in select(el, css):
            text = text_of(found)
            if text:
                return text
    return None
