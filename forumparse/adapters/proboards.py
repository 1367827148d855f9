"""ProBoards (hosted forums, v5 themes) thread pages: tr.post rows with a mini-profile beside the message,
the post time as an epoch in milliseconds (abbr.time data-timestamp)."""
from __future__ import annotations

import re

import attrs

from ..html.body import extract_body, render_text
from ..html.pageinfo import PostScope
from ..html.select import attr, select, select_one, text_of
from ..numbers import parse_count
from ..records import Author, Post, Thread
from . import _html_common as common
from .base import Adapter

_QUOTE_FROM = re.compile(r"^\s*Quote from\s+(.+?)(?:\s+on\s+.*)?$", re.I)


class ProBoards(Adapter):
    name = "proboards"
    hints = ("proboards",)  # fingerprint words that put this adapter first (registry)
    format = "html"
    description = "ProBoards (v5) thread pages"

    GATE = ("proboards", "ProBoards")
    NEED = ("mini-profile",)  # its post markup
    MARKERS = ("proboards.com", "pb.data(", "mini-profile", "o-timestamp", "user-link", "proboards_", "pb.plugin",
               "left-panel")
    STRONG = ("Powered by ProBoards", "Powered by <a href=\"https://www.proboards.com", "proboards.com/\">ProBoards",
              "images.proboards.com")

    POSTS = "tr.post[id^=post-], div.post[id^=post-]"
    NAME = ".mini-profile a.user-link, a.user-link"
    RANK = ".mini-profile .user-rank, .mini-profile .rank, .mini-profile .title"
    STATS = ".mini-profile .info"
    AVATAR = ".mini-profile .avatar img, .avatar-wrapper img"
    TIME = "abbr.time[data-timestamp], .date abbr, span.date"
    PERMALINK = ".post-number a[href], a[href*='/post/']"
    BODY = ".message"
    SIGNATURE = ".signature"
    EDIT = ".edited_by, .edited-by"
    EDITED_TIME = ".edited_by abbr[data-timestamp], .edited-by abbr[data-timestamp]"
    QUOTE = "div.quote, blockquote"
    QUOTE_AUTHOR = ".quote_header, .quote-header"
    DROP = ".quote_avatar_container, .quote_clear, .quote_footer"
    LIKES = ".likes-count, .likes .count"
    TITLE = ".container.posts .title-bar h1, .container.posts .title-bar h2, .title-bar h1, h1"
    CRUMBS = "#nav-tree a, .nav-tree a"

    def detect(self, doc) -> float:
        return common.detect_score(doc, self.MARKERS, self.STRONG, self.GATE, self.NEED)

    def parse(self, doc, ctx) -> Thread:
        tree = doc.tree
        base = common.page_base(tree, ctx.url)
        elements = [el for el in select(tree, self.POSTS) if select_one(el, self.BODY) is not None]
        scope = PostScope(elements)
        posts = [self._post(el, scope, base, ctx) for el in elements]
        title = common.pick_text(tree, self.TITLE) or common.page_title(tree)
        pager = select_one(tree, ".ui-pagination")
        page, page_count, next_url = common.pages_from(
            select(pager, "li a"), select_one(pager, "li.state-selected span, li.state-selected a"), base) \
            if pager is not None else (None, None, None)
        nxt = select_one(pager, "li.next a[href]") if pager is not None else None
        return Thread(title=title, url=common.canonical(tree, base) or ctx.url,
                      breadcrumbs=common.crumbs(common.pick_all(tree, self.CRUMBS), title),
                      page=page, page_count=page_count,
                      next_page_url=common.absolute(base, attr(nxt, "href")) if nxt is not None else next_url,
                      posts=posts)

    def _post(self, el, scope, base, ctx) -> Post:
        body = extract_body(scope.one(el, self.BODY), quote_css=self.QUOTE, quote_author_css=self.QUOTE_AUTHOR,
                            signature_css=None, edit_css=self.EDIT, drop_css=self.DROP)
        timestamp, raw = common.stamp(scope.pick(el, *self.TIME.split(", ")), ctx)  # the epoch before the text
        edited, _ = common.stamp(scope.one(el, self.EDITED_TIME), ctx)
        link = scope.one(el, self.PERMALINK)
        likes = scope.text(el, self.LIKES)
        return Post(
            post_id=common.number_suffix(el.get("id")),
            permalink=common.absolute(base, attr(link, "href")),
            author=self._author(el, scope, base, ctx),
            timestamp=timestamp,
            timestamp_raw=raw,
            body=body.text,
            body_html=body.html,
            quotes=_quotes(body.quotes, scope.one(el, self.BODY)),
            edited=edited,
            likes=parse_count(likes, allow_abbrev=False) if likes else None,
        )

    def _author(self, el, scope, base, ctx) -> Author | None:
        name_el = scope.first(el, *self.NAME.split(", "))
        if name_el is None:
            return None
        href = attr(name_el, "href")
        stats = common.stats_from_lines([ln for s in scope.all(el, self.STATS) for ln in common.lines(s)], ctx)
        sig = scope.one(el, self.SIGNATURE)
        uid = re.search(r"\buser-(\d+)\b", name_el.get("class") or "") or re.search(r"/user/(\d+)", href or "")
        return Author(
            name=text_of(name_el),
            rank=scope.text(el, *self.RANK.split(", ")),
            post_count=stats.get("post_count"),
            joined=stats.get("joined"),
            location=stats.get("location"),
            user_id=uid.group(1) if uid else None,
            profile_url=common.absolute(base, href),
            avatar_url=common.absolute(base, attr(scope.one(el, self.AVATAR), "src")),
            signature=(render_text(sig) or None) if sig is not None else None,
        )


def _quotes(quotes, body_el):
    """"Quote from X on DATE" headers; the box names the quoted post (quote_id="123")."""
    boxes = [b for b in select(body_el, "div.quote") if not any(a.tag == "div" and "quote" in (a.get("class") or "")
                                                                 .split() for a in b.iterancestors())]
    ids = [attr(b, "quote_id") for b in boxes] if len(boxes) == len(quotes) else [None] * len(quotes)
    return [attrs.evolve(q, author=_quoted(q.author), post_id=q.post_id or i) for q, i in zip(quotes, ids)]


def _quoted(author: str | None) -> str | None:
    m = _QUOTE_FROM.match(author or "")
    return m.group(1) if m else author


ADAPTERS = (ProBoards,)
