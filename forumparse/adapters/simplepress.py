"""Simple:Press (a WordPress forum plugin) topic pages: div.spTopicPostSection blocks with the user
section (spPostUserName, spPostUserRank, spPostUserPosts, spPostUserRegistered) and spPostContent."""
from __future__ import annotations

import re

import attrs

from ..html.body import extract_body, render_text
from ..html.pageinfo import PostScope
from ..html.select import attr, select, select_one, text_of
from ..records import Author, Post, Thread
from . import _html_common as common
from .base import Adapter

_SAID = re.compile(r"^\s*(.+?)\s+(?:said|wrote|schrieb|a écrit|escribió)\s*:?\s*$", re.I)
_POST_ID = re.compile(r"#p(\d+)$")
_FORUM_POSTS = re.compile(r"^\s*Forum\s+Posts\b", re.I)  # the default themes' "Forum Posts: %COUNT%"


class SimplePress(Adapter):
    name = "simplepress"
    hints = ("simple-press", "simplepress", "sp-resources")  # fingerprint words that put this adapter first (registry)
    format = "html"
    description = "Simple:Press (WordPress) topic pages"

    GATE = ("spMainContainer", "simple-press", "Simple:Press", "simplepress", "sp-resources")
    NEED = ("spPostContent",)  # its post markup
    MARKERS = ("spMainContainer", "spTopicPostSection", "spPostContent", "spPostUserName", "spPostUserRank",
               "sp-resources/", "spPostUserDate", "spForumTopicSection")
    STRONG = ("Powered by Simple:Press", "simple-press.com", 'id="spMainContainer"')

    POSTS = "div.spTopicPostSection"
    NAME = ".spPostUserName a, .spPostUserName"
    RANK = ".spPostUserRank .spPostUserRank, .spPostUserRank, .spPostUserSpecialRank"
    STATS = ".spPostUserPosts, .spPostUserRegistered, .spPostUserLocation"
    LOCATION = ".spPostUserLocation"  # the place alone, no label
    AVATAR = ".spPostUserAvatar img, img.spAvatar"
    DATE = ".spPostUserDate, .spPostDate"
    BODY = ".spPostContent"
    SIGNATURE = ".spPostUserSignature, .spSignature"
    PERMALINK = "a.spPostIndexPermalink[href], .spPostIndex a[href], a[href*='#p']"
    QUOTE = "blockquote"
    QUOTE_AUTHOR = "blockquote > strong:first-child, cite"
    TITLE = ".spTopicHeaderName, h1.spTopicHeaderName, .spHeaderName, h1"
    CRUMBS = "#spBreadCrumbs a, .spBreadCrumbs a"
    PAGER = ".spPageLinks"

    def detect(self, doc) -> float:
        score = common.detect_score(doc, self.MARKERS, self.STRONG, self.GATE, self.NEED)
        if not score and common.has_any(doc, self.NEED) and common.has(doc, 'id="spMainContainer"', 400_000):
            return 0.9  # a WordPress head of inline styles and scripts can push every gate word past its window
        return score

    def parse(self, doc, ctx) -> Thread:
        tree = doc.tree
        base = common.page_base(tree, ctx.url)
        elements = [el for el in select(tree, self.POSTS) if select_one(el, self.BODY) is not None]
        scope = PostScope(elements)
        posts = [self._post(el, scope, base, ctx) for el in elements]
        title = common.pick_text(tree, self.TITLE)
        pager = select_one(tree, self.PAGER)
        page, page_count, next_url = common.pages_from(
            select(pager, "a"), select_one(pager, ".spCurrent, .current"), base) if pager is not None else (None,) * 3
        return Thread(title=title, url=common.canonical(tree, base) or ctx.url,
                      breadcrumbs=common.crumbs(common.pick_all(tree, self.CRUMBS), title),
                      page=page, page_count=page_count, next_page_url=next_url, posts=posts)

    def _post(self, el, scope, base, ctx) -> Post:
        body = extract_body(scope.one(el, self.BODY), quote_css=self.QUOTE, quote_author_css=self.QUOTE_AUTHOR,
                            signature_css=self.SIGNATURE, edit_css=None)
        raw = scope.text(el, *self.DATE.split(", "))
        link = scope.one(el, self.PERMALINK)
        return Post(
            post_id=common.number_suffix(el.get("id")) or _first(_POST_ID, attr(link, "href")),
            permalink=common.absolute(base, attr(link, "href")),
            author=self._author(el, scope, base, ctx),
            timestamp=ctx.dates.iso(raw.replace(" - ", " ")) if raw else None,
            timestamp_raw=raw,
            body=body.text,
            body_html=body.html,
            quotes=[attrs.evolve(q, author=_said(q.author)) for q in body.quotes],
        )

    def _author(self, el, scope, base, ctx) -> Author | None:
        name_el = scope.first(el, *self.NAME.split(", "))
        if name_el is None:
            return None
        link = name_el if name_el.tag == "a" else select_one(name_el, "a[href]")
        lines = [_FORUM_POSTS.sub("Posts", " ".join(common.lines(s))) for s in scope.all(el, self.STATS)]
        stats = common.stats_from_lines(lines, ctx)
        rank_el = scope.one(el, self.RANK)
        place = scope.text(el, self.LOCATION)
        sig = scope.one(el, self.SIGNATURE)
        return Author(
            name=text_of(name_el),
            rank=scope.text(el, *self.RANK.split(", ")) or common.image_label(rank_el),
            post_count=stats.get("post_count"),
            joined=stats.get("joined"),
            location=stats.get("location") or (place if place and ":" not in place else None),
            profile_url=common.absolute(base, attr(link, "href")),
            avatar_url=common.absolute(base, attr(scope.one(el, self.AVATAR), "src")),
            signature=(render_text(sig) or None) if sig is not None else None,
        )


def _first(pattern, value: str | None) -> str | None:
    m = pattern.search(value or "")
    return m.group(1) if m else None


def _said(author: str | None) -> str | None:
    """Simple:Press heads a quote "bob said" (no colon, so the shared header pattern may not take it)."""
    m = _SAID.match(author or "")
    return m.group(1) if m else author


ADAPTERS = (SimplePress,)
