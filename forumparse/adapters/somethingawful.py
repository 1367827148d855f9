"""Something Awful Forums thread pages: a heavily customised vBulletin.

Every post is a `table.post#postN` in `div#thread`: `dl.userinfo` holds the
name (`dt.author`), the registration date and the custom title block; the
date sits alone in `td.postdate`. Quote boxes are `div.bbc-block` with an
"X posted:" header; edit lines are `p.editedby`. No post counts are shown.
"""
from __future__ import annotations

import re

from ..html.body import extract_body, render_text
from ..html.pageinfo import PostScope
from ..html.select import attr, class_set, select, select_one, text_of, xpath
from ..numbers import parse_count
from ..records import Author, Post, Quote, Thread
from . import _html_common as common
from .base import Adapter

_MARKERS = ("forums.somethingawful.com", 'id="something_awful"', "the something awful forums")
_POSTED = re.compile(r"\s+posted\s*:?\s*$", re.I)
_EDITED_AT = re.compile(r"\bat\s+(?P<date>.+?)\s*(?:around\s+(?P<time>\d{1,2}:\d{2}(?:\s*[ap]m)?))?\s*$", re.I)
_USER_ID = re.compile(r"\buserid-(\d+)\b")
SITE = "https://forums.somethingawful.com/"


class SomethingAwfulHtml(Adapter):
    name = "somethingawful"
    format = "html"
    priority = 0.7
    description = "Something Awful Forums thread pages"
    hints = ("somethingawful", "something_awful")

    POST_CSS = "#thread table.post, table.post[id^=post]"
    AUTHOR_CSS = "dt.author"
    REGISTERED_CSS = "dd.registered"
    TITLE_BLOCK_CSS = "dd.title"
    USERINFO_CSS = "td.userinfo"
    BODY_CSS = "td.postbody"
    DATE_CSS = "td.postdate"
    PERMALINK_CSS = "td.postdate a[href^='#post'], td.postdate a[href*='postid=']"
    PROFILE_CSS = "ul.profilelinks a[href*='action=getinfo']"
    QUOTE_CSS = "div.bbc-block:has(> blockquote)"
    QUOTE_AUTHOR_CSS = "h4"
    EDIT_CSS = "p.editedby"
    ATTACHMENT_CSS = "a[href*='attachment.php']"
    THREAD_TITLE_CSS = ".breadcrumbs a.bclast, a.bclast"
    BREADCRUMB_CSS = ".breadcrumbs a"

    def detect(self, doc) -> float:
        if not doc.is_html:
            return 0.0
        if not any(common.has_lower(doc, m, 0, 300_000) for m in _MARKERS):
            return 0.0
        return 1.0 if common.has(doc, 'class="post') and common.has(doc, "userinfo") else 0.4

    def parse(self, doc, ctx) -> Thread:
        root = doc.tree
        base = common.page_base(root, ctx.url) or SITE
        classed = _CLASSES(root)  # the class attribute values serve the page-level lookups
        elements = _posts(classed)
        scope = PostScope(elements, page_classes=classed)  # one walk of the posts answers the per-post selectors
        posts = [p for p in (self._post(el, scope, ctx, base) for el in elements) if p]
        blocks = _Blocks(classed)
        title_el = blocks.title
        crumbs = []
        for a in blocks.within(blocks.breadcrumbs, ".//a"):  # forum links up to the thread's own (a.bclast)
            if a is title_el or "bclast" in (a.get("class") or ""):
                break
            crumbs.append(text_of(a))
        page, page_count = self._pages(blocks.pages[0] if blocks.pages else None)
        thread_id = root.find("body").get("data-thread") if root.find("body") is not None else None
        url = common.canonical(root, base) or ctx.url
        if not url and thread_id:
            url = f"{SITE}showthread.php?threadid={thread_id}"
        next_link = next(blocks.within(blocks.pages, ".//a[@title='Next page']"), None)
        return Thread(
            title=text_of(title_el),
            url=url,
            breadcrumbs=list(dict.fromkeys(crumbs)),
            page=page,
            page_count=page_count,
            next_page_url=common.absolute(base, attr(next_link, "href")),
            posts=posts,
        )

    def _pages(self, pages) -> tuple[int | None, int | None]:
        if pages is None:
            return None, None
        current = parse_count(pages.get("data-current-page"))
        total = parse_count(pages.get("data-total-pages"))
        if current is None:
            chosen = select_one(pages, "option[selected]")
            current = parse_count(attr(chosen, "value"))
        if total is None:
            values = [parse_count(o.get("value")) for o in select(pages, "option")]
            total = max((v for v in values if v), default=None)
        return current, total

    def _post(self, el, scope, ctx, base) -> Post | None:
        content = scope.one(el, self.BODY_CSS)  # the post's own: not one of a post nested in it
        name = text_of(scope.one(el, self.AUTHOR_CSS))
        post_id = common.number_suffix(el.get("id"))
        if content is None or not name or post_id is None:
            return None  # the "Adbot" slot is styled as a post but has no post id
        body = extract_body(content, quote_css=self.QUOTE_CSS, quote_author_css=self.QUOTE_AUTHOR_CSS,
                            signature_css=None, edit_css=self.EDIT_CSS)
        raw = self._date_text(scope.one(el, self.DATE_CSS))
        return Post(
            post_id=post_id,
            permalink=f"{SITE}showthread.php?goto=post&postid={post_id}#post{post_id}",
            author=self._author(el, scope, name, ctx, base),
            timestamp=ctx.dates.iso(raw) if raw else None,
            timestamp_raw=raw,
            body=body.text,
            body_html=body.html,
            quotes=[Quote(author=_POSTED.sub("", q.author) if q.author else None, text=q.text, post_id=q.post_id)
                    for q in body.quotes],
            edited=self._edited(body.edited, ctx),
            attachments=list(dict.fromkeys(
                u for u in (common.absolute(base, a.get("href")) for a in select(content, self.ATTACHMENT_CSS)) if u)),
        )

    def _author(self, el, scope, name, ctx, base) -> Author:
        block = scope.one(el, self.TITLE_BLOCK_CSS)
        # the custom title: its text lines joined; images (avatars, gang tags) say nothing
        rank = " ".join(render_text(block).split()) if block is not None else None
        info = scope.one(el, self.USERINFO_CSS)
        match = _USER_ID.search(info.get("class", "")) if info is not None else None
        profile = common.absolute(base, attr(scope.one(el, self.PROFILE_CSS), "href"))
        avatar = select_one(block, "img") if block is not None else None  # a small subtree
        registered = text_of(scope.one(el, self.REGISTERED_CSS))
        return Author(
            name=name,
            rank=rank or None,
            joined=ctx.dates.parse(registered).iso() if registered else None,
            user_id=match.group(1) if match else common.query_id(profile, "userid"),
            profile_url=profile,
            avatar_url=common.absolute(base, attr(avatar, "src")),
        )

    @staticmethod
    def _date_text(cell) -> str | None:
        """The cell's own text: the links before it are "#" and "?" buttons."""
        if cell is None:
            return None
        own = " ".join("".join(xpath("text()")(cell)).split())
        return own or None

    @staticmethod
    def _edited(note: str | None, ctx) -> str | None:
        """"X fucked around with this message at Sep 20, 2012 around 15:09"."""
        match = _EDITED_AT.search(note or "")
        if not match:
            return None
        shown = match.group("date") + (" " + match.group("time") if match.group("time") else "")
        return ctx.dates.iso(shown)


# The page's class attribute values: filtered in Python, cheaper than XPath string tests, and
# than one scan of the page per selector.
_CLASSES = xpath("//@class")


def _posts(classed) -> list:
    """SomethingAwfulHtml.POST_CSS, from the page's class attribute values."""
    found = []
    for el in (value.getparent() for value in classed if "post" in value):
        if el.tag == "table" and "post" in class_set(el) and ((el.get("id") or "").startswith("post")
                                         or any(a.get("id") == "thread" for a in el.iterancestors())):
            found.append(el)
    return found


class _Blocks:
    """The page's breadcrumbs, thread title link and page navigation blocks."""

    def __init__(self, classed):
        self.title = None  # THREAD_TITLE_CSS: the first a.bclast
        self.breadcrumbs, self.pages = [], []  # the .breadcrumbs and .pages elements, outermost only
        for el in (v.getparent() for v in classed if "breadcrumbs" in v or "bclast" in v or "pages" in v):
            names = class_set(el)
            if self.title is None and el.tag == "a" and "bclast" in names:
                self.title = el
            for name, kept in (("breadcrumbs", self.breadcrumbs), ("pages", self.pages)):
                if name in names and not any(a in kept for a in el.iterancestors()):
                    kept.append(el)

    @staticmethod
    def within(blocks, expr: str):
        """`expr`'s matches in each block, in page order (the blocks do not nest)."""
        for block in blocks:
            yield from xpath(expr)(block)


ADAPTERS = (SomethingAwfulHtml,)
