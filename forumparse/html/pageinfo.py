"""Page-level helpers for HTML adapters: urls, meta tags, breadcrumbs, label/value pairs, likes.

Engine adapters pass their own selectors; these functions hold no engine knowledge.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from urllib.parse import urljoin

import lxml.etree

from ..numbers import parse_count
from ..vocab import JOINED_LABEL, LOCATION_LABEL, POSTS_LABEL
from .select import Index, attr, select, select_one, text_of

# <meta>, <link> and <base> are looked up by lxml's tag iteration (C, no XPath predicate per
# element), which stops at the first match: in the <head>, near the top of the page.
_XML_SPACE = str.maketrans("\t\n\r", "   ")


def _page_root(tree):
    """The root element of the document holding `tree` ("//" in XPath is document-wide)."""
    return tree.getroot() if isinstance(tree, lxml.etree._ElementTree) else tree.getroottree().getroot()


def meta_content(tree, *names: str) -> str | None:
    """The content of the first <meta name|property|itemprop=NAME> found, in the order of `names`."""
    metas = None
    for name in names:
        if metas is None:
            metas = list(_page_root(tree).iter("meta"))
        for el in metas:
            if el.get("name") == name or el.get("property") == name or el.get("itemprop") == name:
                value = attr(el, "content")
                if value:
                    return value
    return None


def link_href(tree, rel: str) -> str | None:
    """The href of the first <link href> whose rel holds `rel` (as the XPath test
    contains(concat(' ', normalize-space(@rel), ' '), ' REL ') would say)."""
    wanted = f" {rel} "
    for el in _page_root(tree).iter("link"):
        value = el.get("rel")
        if value is None or rel not in value or el.get("href") is None:  # (a token is in the raw value)
            continue
        if wanted in " " + " ".join(w for w in value.translate(_XML_SPACE).split(" ") if w) + " ":
            return attr(el, "href")
    return None


def canonical_url(tree, fallback: str | None = None) -> str | None:
    """The page's own address: <link rel=canonical>, og:url, then what the caller knows."""
    return absolute(fallback, link_href(tree, "canonical") or meta_content(tree, "og:url")) or fallback


def base_url(tree, url: str | None = None) -> str | None:
    """What relative links resolve against: <base href>, else the page url, else the canonical one."""
    base = next((href for href in (el.get("href") for el in _page_root(tree).iter("base")) if href is not None), None)
    if base is not None and base.strip().startswith("http"):
        return base.strip()
    return url or canonical_url(tree)


def absolute(base: str | None, href: str | None) -> str | None:
    if not href:
        return None
    href = href.strip()
    if not href or href.startswith(("javascript:", "#", "data:")):
        return None
    if base:
        try:
            return _join(base, href)
        except ValueError:
            return href
    return href


@lru_cache(maxsize=4096)
def _join(base: str, href: str) -> str:
    """urljoin, remembered: a page links the same profiles and pages again and again."""
    return urljoin(base, href)


def texts(elements) -> tuple[str, ...]:
    return tuple(t for t in (text_of(el) for el in elements) if t)


_TRAILING_ID = re.compile(r"(?:[./-]|^)(\d+)/?(?:[?#].*)?$")


def id_in_url(href: str | None) -> str | None:
    """The numeric id at the end of a profile or post url ("members/bob.123/", "/user/12-bob")."""
    if not href:
        return None
    path = href.split("?", 1)[0].split("#", 1)[0].rstrip("/")
    last = path.rsplit("/", 1)[-1]
    match = re.search(r"(?:^|[.-])(\d+)$", last) or re.match(r"^(\d+)(?:-|$)", last)
    return match.group(1) if match else None


def label_pairs(el, pair_css: str = "dl") -> list[tuple[str, object]]:
    """(label, value element) of definition pairs such as <dl><dt>Posts</dt><dd>57</dd></dl>.

    A label given only as an icon's title ("<dt><i title='Messages'>") counts as its text.
    """
    pairs = []
    for dl in select(el, pair_css):
        for dt in dl.iterchildren("dt"):
            dd = dt.getnext()
            while dd is not None and dd.tag != "dd":
                dd = dd.getnext() if dd.tag not in ("dt",) else None
            if dd is None:
                continue
            label = text_of(dt) or attr(dt, "title") or next(
                (attr(i, "title") for i in dt.iter() if attr(i, "title")), None)
            if label:
                pairs.append((label.strip().rstrip(":：").strip(), dd))
    return pairs


def author_stats(pairs, ctx) -> dict:
    """post_count, joined (at the shown precision) and location read from labelled pairs."""
    stats: dict = {}
    for label, value_el in pairs:
        value = text_of(value_el) if not isinstance(value_el, str) else value_el
        if not value:
            continue
        if "post_count" not in stats and _is_label(POSTS_LABEL, label):
            count = parse_count(value, allow_abbrev=False)
            if count is not None:
                stats["post_count"] = count
        elif "joined" not in stats and _is_label(JOINED_LABEL, label):
            when = None
            if not isinstance(value_el, str):
                stamp = select_one(value_el, "time[datetime]")
                if stamp is not None:
                    when = ctx.dates.parse(attr(stamp, "datetime")[:10]).iso()
            stats["joined"] = when or ctx.dates.parse(value).iso()
        elif "location" not in stats and _is_label(LOCATION_LABEL, label):
            stats["location"] = value
    return stats


def _is_label(pattern: re.Pattern, label: str) -> bool:
    match = pattern.match(label)
    return bool(match) and not match.group("value")


def count_named(el, name_css: str) -> int | None:
    """Likes shown as names: "A, B and 12 others" is 14 (names counted, then the trailing count)."""
    if el is None:
        return None
    names = select(el, name_css)
    if not names:
        return parse_count(text_of(el), allow_abbrev=False)
    tail = names[-1].tail or ""
    after = names[-1].getnext()
    while after is not None:  # "and <a>12 others</a>"
        tail += " " + (text_of(after) or "") + " " + (after.tail or "")
        after = after.getnext()
    more = parse_count(tail, allow_abbrev=False)
    return len(names) + (more or 0)


_UNKNOWN = object()


class PostScope:
    """Per-post lookups that ignore what belongs to another post.

    Broken markup can nest the following posts inside a post element (an unclosed
    tag), so a plain descendant search would pick up a later post's author or date.
    Each selector runs once over the page and its matches are handed to the posts
    that own them: one XPath call per selector instead of one per post and selector.
    """

    def __init__(self, posts, within: PostScope | None = None, page_classes: list | None = None):
        """`within`: a scope whose posts hold these (an author cell inside its post box); its
        walk of the page is shared instead of walking the same subtree again. `page_classes`:
        the page's "//@class" values, when the adapter read them already (see Index)."""
        self.order = list(posts)
        self.posts = set(self.order)
        self._within = within
        self._root = _common_ancestor(self.order) if within is None else within._root
        self._cache: dict[str, dict] = {}
        self._index = None  # the posts' subtree by tag/class/id, built on first use
        self._page_classes = page_classes
        self._owners: dict = {post: post for post in self.order}  # element -> its post (or None), see owner()

    def owner(self, el):
        """The post that is `el` or holds it, or None. Remembered for every element passed on
        the way up: the matches of a page's selectors share their ancestors."""
        owners = self._owners
        found = owners.get(el, _UNKNOWN)
        if found is not _UNKNOWN:
            return found
        passed, node = [el], el.getparent()
        while node is not None:
            found = owners.get(node, _UNKNOWN)
            if found is not _UNKNOWN:
                break
            passed.append(node)
            node = node.getparent()
        else:
            found = None
        for node in passed:
            owners[node] = found
        return found

    def all(self, post, css: str) -> list:
        found = self._cache.get(css)
        if found is None:
            found = {}
            if self._index is None and self._root is not None:
                if self._within is not None:
                    within = self._within
                    within._index = within._index or Index(self._root, within._page_classes)
                    self._index = within._index
                else:
                    # one walk instead of one XPath pass per selector
                    self._index = Index(self._root, self._page_classes)
            owners, owner_of = self._owners, self.owner
            for el in (self._index.select(css) if self._index is not None else []):
                owner = owners.get(el, _UNKNOWN)  # (owner()'s memory, without the call)
                if owner is _UNKNOWN:
                    owner = owner_of(el)
                if owner is not None:
                    found.setdefault(owner, []).append(el)
            self._cache[css] = found
        return found.get(post, [])

    def one(self, post, css: str):
        found = self.all(post, css)
        return found[0] if found else None

    def pick(self, post, *selectors: str):
        """The first match of the first selector that finds anything (priority order, not document order)."""
        for css in selectors:
            found = self.all(post, css)
            if found:
                return found[0]
        return None

    def first(self, post, *selectors: str):
        """The first element with text, trying the selectors in the order given (not document order)."""
        for css in selectors:
            for f in self.all(post, css):
                if text_of(f):
                    return f
        return None

    def text(self, post, *selectors: str) -> str | None:
        for css in selectors:
            for f in self.all(post, css):
                value = text_of(f)
                if value:
                    return value
        return None


def _common_ancestor(elements):
    """The deepest element holding all of `elements` (the posts' list): selectors run from there."""
    if not elements:
        return None
    first = [elements[0], *elements[0].iterancestors()]
    if len(elements) == 1:
        return first[0]
    last = {elements[-1], *elements[-1].iterancestors()}
    return next((el for el in first if el in last), first[-1])


def text_without(el, skip_css: str) -> str | None:
    """Text of `el` leaving out the parts matching `skip_css` (prefix labels, icons)."""
    if el is None:
        return None
    skip = {e for e in select(el, skip_css) if e is not el}
    parts: list[str] = []
    _collect_text(el, skip, parts)
    return " ".join("".join(parts).split()) or None


def _collect_text(el, skip: set, parts: list) -> None:
    if el.text:
        parts.append(el.text)
    for child in el:
        if child not in skip and isinstance(child.tag, str) and child.tag not in ("script", "style"):
            _collect_text(child, skip, parts)
        if child.tail:
            parts.append(child.tail)


def json_attr(value: str | None):
    """A JSON value from an attribute or script; None when it is absent or not valid JSON."""
    if not value:
        return None
    try:
        return json.loads(value, strict=False)
    except ValueError:
        return None
