"""YaBB 2.x topic pages (YaBB.pl?num=...): an author cell (profile link, member group, "Posts: N") beside
the post, whose subject and "« Reply #1 - date »" line sit above div.message."""
from __future__ import annotations

import re

from ..html.body import extract_body
from ..html.select import attr, select, select_one, text_of
from ..records import Author, Post, Thread
from . import _html_common as common
from .base import Adapter

_DATE_LINE = re.compile(r"^.*?(?:Reply\s*#\s*\d+\s*-|on\s*:|-)\s*", re.I)
_CLOCK = re.compile(r"\d{1,2}:\d{2}")
_USERNAME = re.compile(r"[?;&]username=([^;&#]+)")
_STATUS = re.compile(r"^(?:online|offline|i love yabb.*|gender:.*|\*+)$", re.I)
_STAT = re.compile(r"^[^:]{1,30}:\s*\S")


class YaBB(Adapter):
    name = "yabb"
    format = "html"
    description = "YaBB 2.x topic pages"

    GATE = ("YaBB", "yabb")
    NEED = ("message",)  # its post markup
    MARKERS = ("YaBB.pl", "yabbfiles", "action=viewprofile;username=", "YaBB.cgi", "windowbg", "class=\"message\"",
               "yabb_", "YaBBNews")
    STRONG = ("Powered by YaBB", ">YaBB 2.", "yabbforum.com", "YaBB &copy;", "YaBB\u00a9")

    BODY = "div.message"
    PROFILE = "a[href*='action=viewprofile']"
    DATE = ".small, span.small, td.small"
    SUBJECT = "b, strong"
    QUOTE = "div.quote, blockquote"
    QUOTE_AUTHOR = ".quote_title, .quotetitle, div.quote > b:first-child"
    TITLE = ".navbar b, .nav b, .seperator b"
    CRUMBS = ".nav a, .navbar a"

    def detect(self, doc) -> float:
        return common.detect_score(doc, self.MARKERS, self.STRONG, self.GATE, self.NEED)

    def parse(self, doc, ctx) -> Thread:
        tree = doc.tree
        base = common.page_base(tree, ctx.url)
        bodies = select(tree, self.BODY)
        chosen = set(bodies)
        bodies = [b for b in bodies if not any(a in chosen for a in b.iterancestors())]
        posts = [p for p in (self._post(b, base, ctx) for b in bodies) if p is not None]
        title = common.pick_text(tree, self.TITLE) or (posts[0].title if posts else None) or common.page_title(tree)
        return Thread(title=title, url=common.canonical(tree, base) or ctx.url,
                      breadcrumbs=common.crumbs(common.pick_all(tree, self.CRUMBS), title), posts=posts)

    def _post(self, body_el, base, ctx) -> Post | None:
        row = next((a for a in body_el.iterancestors("tr") if select_one(a, self.PROFILE) is not None), None)
        if row is None:
            return None
        cell = next(body_el.iterancestors("td"), None)
        while cell is not None and cell.getparent() is not row:  # the post's own column of the row
            cell = next(cell.iterancestors("td"), None)
        author_cell = next((td for td in row.xpath("./td") if td is not cell
                            and select_one(td, self.PROFILE) is not None), None)
        body = extract_body(body_el, quote_css=self.QUOTE, quote_author_css=self.QUOTE_AUTHOR)
        raw = subject = None
        for el in select(cell, self.DATE) if cell is not None else ():
            text = text_of(el) or ""
            if _CLOCK.search(text) and len(text) < 100:
                raw = _DATE_LINE.sub("", text.replace("«", " ").replace("»", " ").strip()).strip() or None
                prev = el.getprevious()
                while prev is not None and prev.tag == "br":
                    prev = prev.getprevious()
                subject = text_of(prev) if prev is not None and prev.tag in ("b", "strong") else None
                break
        anchor = next((a for a in select(row, "a[name]") if (a.get("name") or "").isdigit()), None)
        return Post(
            post_id=attr(anchor, "name"),
            author=self._author(author_cell, base, ctx),
            timestamp=ctx.dates.iso(raw) if raw else None,
            timestamp_raw=raw,
            title=subject,
            body=body.text,
            body_html=body.html,
            quotes=body.quotes,
        )

    def _author(self, cell, base, ctx) -> Author | None:
        link = select_one(cell, self.PROFILE) if cell is not None else None
        if link is None or not text_of(link):
            return None
        name = text_of(link)
        lines = [ln for ln in common.lines(cell) if ln != name]
        stats = common.stats_from_lines(lines, ctx)
        rank = next((ln for ln in lines if not _STAT.match(ln) and not _STATUS.match(ln)), None)
        user = _USERNAME.search(link.get("href") or "")
        avatar = next((img for img in select(cell, "img") if "avatar" in (img.get("src") or "").lower()), None)
        return Author(
            name=name,
            rank=rank,
            post_count=stats.get("post_count"),
            joined=stats.get("joined"),
            location=stats.get("location"),
            user_id=user.group(1) if user else None,
            profile_url=common.absolute(base, link.get("href")),
            avatar_url=common.absolute(base, attr(avatar, "src")),
        )


ADAPTERS = (YaBB,)
