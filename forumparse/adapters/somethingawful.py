"""Something Awful Forums thread pages: a heavily customised vBulletin.

Every post is a `table.post#postN` in `div#thread`: `dl.userinfo` holds the
name (`dt.author`), the registration date and the custom title block; the
date sits alone in `td.postdate`. Quote boxes are `div.bbc-block` with an
"X posted:" header; edit lines are `p.editedby`. No post counts are shown.
"""
from __future__ import annotations

import re

from ..html.body import extract_body, render_text
from ..html.page_classes import by_class, by_owner, holders, within
from ..html.select import attr, outermost, select, select_one, text_of, xpath
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

    POST_CSS = "#thread table.post, table.post[id^=post]"  # (the table.post found, the rest tested)
    POST_BOX = "table.post"
    AUTHOR_CSS = "dt.author"
    REGISTERED_CSS = "dd.registered"
    TITLE_BLOCK_CSS = "dd.title"
    USERINFO_CSS = "td.userinfo"
    BODY_CSS = "td.postbody"
    DATE_CSS = "td.postdate"
    PERMALINK_CSS = "td.postdate a[href^='#post'], td.postdate a[href*='postid=']"
    PROFILE_LIST, PROFILE_LINK = "ul.profilelinks", "a[href*='action=getinfo']"  # a link in the list
    QUOTE_CSS = "div.bbc-block:has(> blockquote)"
    QUOTE_BLOCK = "div.bbc-block"  # (QUOTE_CSS without the child test)
    QUOTE_AUTHOR_CSS = "h4"
    EDIT_CSS = "p.editedby"
    ATTACHMENT_CSS = "a[href*='attachment.php']"
    THREAD_TITLE_CSS = "a.bclast"  # the first one
    BREADCRUMB_CSS = ".breadcrumbs"  # the links in the outermost ones
    PAGES_CSS = ".pages"  # the outermost ones
    # a post's parts (its own: not those of a post nested in it by broken markup)
    PARTS = {"body": BODY_CSS, "author": AUTHOR_CSS, "registered": REGISTERED_CSS, "title_block": TITLE_BLOCK_CSS,
             "userinfo": USERINFO_CSS, "date": DATE_CSS}

    def detect(self, doc) -> float:
        if not doc.is_html:
            return 0.0
        if not any(common.has_lower(doc, m, 0, 300_000) for m in _MARKERS):
            return 0.0
        return 1.0 if common.has(doc, 'class="post') and common.has(doc, "userinfo") else 0.4

    def parse(self, doc, ctx) -> Thread:
        root = doc.tree
        base = common.page_base(root, ctx.url) or SITE
        # one pass over the page's class attributes answers the page's and the posts' selectors
        found = by_class(root, post=self.POST_BOX, profiles=self.PROFILE_LIST, quotes=self.QUOTE_BLOCK,
                         title=self.THREAD_TITLE_CSS, crumbs=self.BREADCRUMB_CSS, pages=self.PAGES_CSS,
                         **self.PARTS)
        elements = [el for el in found["post"] if (el.get("id") or "").startswith("post")
                    or any(a.get("id") == "thread" for a in el.iterancestors())]
        parts = {name: by_owner(elements, found[name]) for name in self.PARTS}
        parts["profile"] = by_owner(elements, list(within(found["profiles"], self.PROFILE_LINK)))
        quoting = holders(box for box in found["quotes"] if any(child.tag == "blockquote" for child in box))
        # an attachment link needs its address in the page: most pages have none to look for
        attachments = common.has(doc, "attachment.php")
        posts = [p for p in (self._post(el, {name: _first(got.get(el)) for name, got in parts.items()},
                                         ctx, base, quoting, attachments) for el in elements) if p]
        title_el = _first(found["title"])
        crumbs = []
        for a in _links(outermost(found["crumbs"])):  # forum links up to the thread's own (a.bclast)
            if a is title_el or "bclast" in (a.get("class") or ""):
                break
            crumbs.append(text_of(a))
        pages = outermost(found["pages"])
        page, page_count = self._pages(_first(pages))
        thread_id = root.find("body").get("data-thread") if root.find("body") is not None else None
        url = common.canonical(root, base) or ctx.url
        if not url and thread_id:
            url = f"{SITE}showthread.php?threadid={thread_id}"
        next_link = next(_links(pages, "[@title='Next page']"), None)
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
        if total is None:  # the page menu: an option per page
            values = [_page_number(o.get("value")) for o in select(pages, "option")]
            total = max((v for v in values if v), default=None)
        return current, total

    def _post(self, el, part, ctx, base, quoting, attachments) -> Post | None:
        content = part["body"]
        name = text_of(part["author"])
        post_id = common.number_suffix(el.get("id"))
        if content is None or not name or post_id is None:
            return None  # the "Adbot" slot is styled as a post but has no post id
        body = extract_body(content, quote_css=self.QUOTE_CSS if content in quoting else None,
                            quote_author_css=self.QUOTE_AUTHOR_CSS, signature_css=None, edit_css=self.EDIT_CSS)
        raw = self._date_text(part["date"])
        return Post(
            post_id=post_id,
            permalink=f"{SITE}showthread.php?goto=post&postid={post_id}#post{post_id}",
            author=self._author(part, name, ctx, base),
            timestamp=ctx.dates.iso(raw) if raw else None,
            timestamp_raw=raw,
            body=body.text,
            body_html=body.html,
            quotes=[Quote(author=_POSTED.sub("", q.author) if q.author else None, text=q.text, post_id=q.post_id)
                    for q in body.quotes],
            edited=self._edited(body.edited, ctx),
            attachments=list(dict.fromkeys(
                u for u in (common.absolute(base, a.get("href")) for a in select(content, self.ATTACHMENT_CSS)) if u))
            if attachments else [],
        )

    def _author(self, part, name, ctx, base) -> Author:
        block = part["title_block"]
        # the custom title: its text lines joined; images (avatars, gang tags) say nothing
        rank = " ".join(render_text(block).split()) if block is not None else None
        info = part["userinfo"]
        match = _USER_ID.search(info.get("class", "")) if info is not None else None
        profile = common.absolute(base, attr(part["profile"], "href"))
        avatar = next(block.iter("img"), None) if block is not None else None
        registered = text_of(part["registered"])
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
        own = " ".join("".join(filter(None, (cell.text, *(child.tail for child in cell)))).split())
        return own or None

    @staticmethod
    def _edited(note: str | None, ctx) -> str | None:
        """"X fucked around with this message at Sep 20, 2012 around 15:09"."""
        match = _EDITED_AT.search(note or "")
        if not match:
            return None
        shown = match.group("date") + (" " + match.group("time") if match.group("time") else "")
        return ctx.dates.iso(shown)


def _first(found: list | None):
    return found[0] if found else None


def _page_number(value: str | None) -> int | None:
    """parse_count(value), the plain digits of a page menu's options read directly."""
    return int(value) if value and value.isascii() and value.isdigit() else parse_count(value)


def _links(blocks, test: str = ""):
    """The links (passing the XPath `test`) in each block, in page order (the blocks do not nest)."""
    for block in blocks:
        yield from xpath(".//a" + test)(block)


ADAPTERS = (SomethingAwfulHtml,)
