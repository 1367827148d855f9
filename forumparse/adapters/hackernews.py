"""Hacker News item pages: the story (or Ask HN text), then every comment in page order.

Markup of two eras: tr.athing.comtr rows with span.comhead / a.hnuser / span.age and
span.commtext (2014 on), and the older nested tables with td.default, span.comhead
and span.comment. Nesting is shown only by the width of an indent image (40px a level).
HN has no quote markup: quoted paragraphs are found by `EchoFinder`.
"""
from __future__ import annotations

import re
from functools import lru_cache

import attrs

from ..html.body import extract_body
from ..html.pageinfo import PostScope, absolute, base_url, canonical_url
from ..html.select import Index, attr, select, select_one, text_of, xpath
from ..numbers import parse_count
from ..records import Author, Post, Thread
from ..text.echo import split_echoes
from ..vocab import REMOVED_TEXT
from ._html_common import has
from .base import Adapter

_ITEM_ID = re.compile(r"item\?id=(\d+)")
_AGE_TEXT = re.compile(r"\d+\s+\w+\s+ago|on\s+\w+\s+\d{1,2},\s*\d{4}", re.I)
_COMMENTS = re.compile(r"(\d[\d,]*)\s*(?:comments?|kommentare)\b", re.I)
_EPOCH = re.compile(r"^\d{9,11}$")
_ISO_NO_ZONE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?$")


class HackerNews(Adapter):
    name = "hackernews"
    format = "html"
    priority = 0.6
    description = "Hacker News (news.ycombinator.com) item pages"
    hints = ("ycombinator", "hacker news")

    COMMENT_ROWS = "tr.athing.comtr, tr.comtr"
    OLD_COMMENT_CELLS = "td.default"
    HEAD = ".comhead"
    USER = "a.hnuser, a[href^='user?id=']"
    AGE = "span.age"
    TEXT = ".commtext, span.comment, div.comment"
    TEXT_DROP = ".reply, div.reply, a[href^='reply?'], .togg, .navs"
    INDENT = "td.ind"
    STORY_TABLE = "table.fatitem"
    STORY_TITLE = ".titleline > a, td.title a.storylink, td.title > a, td.title a"
    SUBTEXT = "td.subtext, .subtext"
    TOP_TEXT = "div.toptext, .toptext"
    MORE = "a.morelink[href]"
    ON_STORY = ".onstory a"  # "on: <story title>"

    def detect(self, doc) -> float:
        size = 200_000
        site = has(doc, "Hacker News", 5000) or has(doc, "ycombinator.com", size)
        if not site:
            return 0.0
        markup = (has(doc, "comhead", size) + (has(doc, "hnuser", size) or has(doc, "user?id=", size))
                  + has(doc, 'class="athing', size))
        if site and markup >= 2:
            return 1.0
        if site and markup:
            return 0.6
        return 0.0

    def parse(self, doc, ctx) -> Thread:
        tree = doc.tree
        base = base_url(tree, ctx.url) or "https://news.ycombinator.com/"
        classed = _CLASSES(tree)  # few on these pages: the page-level lookups by class, no XPath each
        page = Index(tree, classed)
        story_post, title, replies = self._story(page, base, ctx)
        posts = [story_post] if story_post is not None else []
        root_id = story_post.post_id if story_post is not None else None
        parents: list[str | None] = []  # the last comment id seen at each indent level
        comments = self._comments(page, classed)
        for row, cell in comments.blocks:
            level = _indent(comments, row)
            above = parents[:level]
            post = self._comment(comments, row, cell, base, ctx, reply_to=above[-1] if above else root_id)
            if post is None:
                continue
            del parents[level:]
            parents.extend([None] * (level - len(parents)))
            parents.append(post.post_id)
            posts.append(post)
        more = _first(page, self.MORE)  # long threads continue on a "More" page
        return Thread(title=title or _page_title(tree), url=canonical_url(tree, ctx.url),
                      reply_count=replies, next_page_url=absolute(base, attr(more, "href")),
                      posts=split_echoes(posts))

    # -- story -----------------------------------------------------------------------------
    def _story(self, page, base, ctx) -> tuple[Post | None, str | None, int | None]:
        subtext = _first(page, self.SUBTEXT)
        if subtext is None:
            return self._fat_comment(page, base, ctx)
        table = next((a for a in subtext.iterancestors("table")), None)
        title_el = select_one(table, self.STORY_TITLE)
        title = text_of(title_el)
        user = select_one(subtext, self.USER)
        stamp, raw = _age(select_one(subtext, self.AGE), subtext, ctx)
        replies = None
        for a in select(subtext, "a"):
            m = _COMMENTS.search(text_of(a) or "")
            if m:
                replies = parse_count(m.group(1), allow_abbrev=False)
        body_el = select_one(table, self.TOP_TEXT)
        if body_el is None:
            body_el = _self_text_cell(subtext)
        body = extract_body(body_el, quote_css=None, signature_css=None, edit_css=None) if body_el is not None \
            else None
        post_id = attr(select_one(table, "tr.athing"), "id")
        if post_id is None:
            post_id = next((m.group(1) for a in select(subtext, "a[href]")
                            for m in [_ITEM_ID.search(a.get("href", ""))] if m), None)
        post = Post(
            post_id=post_id,
            permalink=_permalink(base, post_id),
            author=Author(name=text_of(user), profile_url=absolute(base, attr(user, "href"))) if user is not None
            else None,
            timestamp=stamp, timestamp_raw=raw, title=title,
            body=body.text if body else "", body_html=body.html if body else None,
            likes=parse_count(text_of(select_one(subtext, ".score, span[id^=score_]")), allow_abbrev=False),
        )
        return post, title, replies

    def _fat_comment(self, page, base, ctx) -> tuple[Post | None, str | None, int | None]:
        """The item page of a comment: that comment heads the page, its replies follow."""
        fat = _first(page, self.STORY_TABLE)
        row = select_one(fat, "tr.athing")
        if row is None or select_one(row, self.HEAD) is None:
            return None, None, None
        post = self._comment(_Comments([(row, row)]), row, row, base, ctx)
        story = select_one(row, self.ON_STORY)
        if story is None:  # older pages: a plain "on: " before the story link
            story = next((a for a in select(row, ".comhead a[href^='item?id=']")
                          if ((a.getprevious().tail if a.getprevious() is not None else a.getparent().text)
                              or "").rstrip().endswith("on:")), None)
        return post, text_of(story), None

    # -- comments --------------------------------------------------------------------------
    def _comments(self, page, classed) -> _Comments:
        rows = page.select(self.COMMENT_ROWS)
        if rows:
            return _Comments([(r, r) for r in rows], classed)
        with_head = set()  # the elements at or above a head
        for head in page.select(self.HEAD):
            for node in (head, *head.iterancestors()):
                if node in with_head:
                    break  # and so are the nodes above it
                with_head.add(node)
        cells = [c for c in page.select(self.OLD_COMMENT_CELLS) if c in with_head]
        return _Comments([(c.getparent(), c) for c in cells], classed)

    def _comment(self, comments, row, cell, base, ctx, reply_to=None) -> Post | None:
        head = comments.head(cell)
        user = select_one(head, self.USER)  # a few elements: less than the scope's read of every link
        text_el = comments.cells.one(cell, self.TEXT)
        body = extract_body(text_el, quote_css=None, signature_css=None, edit_css=None, drop_css=self.TEXT_DROP)
        if user is None and not body.text:
            return None
        if REMOVED_TEXT.match(body.text):  # "[deleted]", "[flagged]": the comment's place, kept for its replies
            body = attrs.evolve(body, text="")
        post_id = attr(row, "id") if (row.get("id") or "").isdigit() else None
        if post_id is None:
            post_id = next((m.group(1) for a in (head.iter("a") if head is not None else ())  # a[href]
                            for m in [_ITEM_ID.search(a.get("href") or "")] if m), None)
        stamp, raw = _age(comments.in_head(head, self.AGE), head, ctx)
        return Post(
            post_id=post_id,
            permalink=_permalink(base, post_id),
            author=Author(name=text_of(user), profile_url=absolute(base, attr(user, "href"))) if user is not None
            else None,
            timestamp=stamp, timestamp_raw=raw,
            body=body.text, body_html=body.html, reply_to=reply_to,
        )


class _Comments:
    """The comments' (row, cell) blocks and their parts. Each part's selector runs once over
    all comments (PostScope) instead of once per comment: a row holds the indent, a cell the
    head and text (the row itself in today's markup), a head the age."""

    def __init__(self, blocks: list, page_classes: list | None = None):
        self.blocks = blocks
        self.rows = PostScope([row for row, _ in blocks], page_classes=page_classes)
        same = all(row is cell for row, cell in blocks)
        self.cells = self.rows if same else PostScope([cell for _, cell in blocks], within=self.rows)
        self._heads: PostScope | None = None

    def head(self, cell):
        return self.cells.one(cell, HackerNews.HEAD)

    def in_head(self, head, css: str):
        if self._heads is None:
            heads = [h for h in (self.head(cell) for _, cell in self.blocks) if h is not None]
            self._heads = PostScope(heads, within=self.rows)
        return self._heads.one(head, css)


def _permalink(base, post_id: str | None) -> str | None:
    """absolute(base, "item?id=" + post_id): urljoin copies a query as it is, so the address
    before the id is resolved once per page instead of once per comment."""
    return _item_address(base) + post_id if post_id else None


@lru_cache(maxsize=64)
def _item_address(base: str | None) -> str:
    return absolute(base, "item?id=")


def _first(index, css: str):
    return next(iter(index.select(css)), None)


def _indent(comments, row) -> int:
    """Nesting level: td.ind indent="N", else the indent image's width (40 pixels a level)."""
    ind = comments.rows.one(row, "td.ind")
    if ind is not None and (ind.get("indent") or "").isdigit():
        return int(ind.get("indent"))
    img = select_one(ind, "img[width]") if ind is not None else comments.rows.one(row, "img[width]")
    width = parse_count(attr(img, "width"), allow_abbrev=False) if img is not None else None
    return width // 40 if width else 0


def _age(age, el, ctx) -> tuple[str | None, str | None]:
    """span.age (`age`): its title (ISO, and in newer pages ' epoch' after it), else the shown
    age; without one, an age in the text of `el`."""
    if age is not None:
        raw = text_of(age)
        for part in reversed((attr(age, "title") or "").split()):
            if _EPOCH.match(part):
                return ctx.dates.machine(part), raw
            if _ISO_NO_ZONE.match(part):
                return ctx.dates.machine(part + "Z"), raw  # HN titles are UTC
            value = ctx.dates.machine(part)
            if value:
                return value, raw
        return ctx.dates.iso(raw), raw
    m = _AGE_TEXT.search(text_of(el) or "")
    return (ctx.dates.iso(m.group(0)), m.group(0)) if m else (None, None)


def _self_text_cell(subtext):
    """Older item pages: the Ask HN text is the cell of a row after the subtext row (before the form)."""
    row = next(subtext.iterancestors("tr"), None)
    sibling = row.getnext() if row is not None else None
    while sibling is not None:
        cells = sibling.xpath("./td")
        if cells and select_one(sibling, "form, textarea") is None and text_of(cells[-1]):
            return cells[-1]
        if select_one(sibling, "form") is not None:
            return None
        sibling = sibling.getnext()
    return None


_CLASSES = xpath("//@class")


def _page_title(tree) -> str | None:
    title = text_of(select_one(tree, "title"))
    return re.sub(r"\s*\|\s*Hacker News\s*$", "", title) if title else None


ADAPTERS = (HackerNews,)
