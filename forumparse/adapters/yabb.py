"""YaBB 2.x topic pages (YaBB.pl?num=...): an author cell (profile link, member group, "Posts: N") beside
the post, whose subject and "« Reply #1 - date »" line sit above div.message."""
from __future__ import annotations

import re

from ..html.body import extract_body
from ..html.page_classes import holders
from ..html.select import attr, outermost, select, select_one, text_of
from ..numbers import parse_count
from ..records import Author, Post, Thread
from . import _html_common as common
from .base import Adapter

_DATE_LINE = re.compile(r"^.*?(?:Reply\s*#\s*\d+\s*-|on\s*:|-)\s*", re.I)
_CLOCK = re.compile(r"\d{1,2}:\d{2}")
_USERNAME = re.compile(r"[?;&]username=([^;&#]+)")
_STATUS = re.compile(r"^(?:online|offline|i love yabb.*|gender:.*|\*+)$", re.I)
_STAT = re.compile(r"^[^:]{1,30}:\s*\S")
_LAST_EDIT = re.compile(r"(?:Last Edit|Letzte Änderung|Dernière modification)\s*:\s*(.+?)\s+(?:by|von|par)\s", re.I)
_EDIT_WORD = re.compile(r"Edit|Änderung|modification", re.I)  # in every _LAST_EDIT match: rows without hold no note
# the thread bar: "Topic: Tomato blight already in June?  (Read 1,234 times)"
_READ = re.compile(r"\(\s*(?:Read|Gelesen|Lu|Leído|Letto)\s+([\d,.]+)\s+(?:times|mal|fois|veces|volte)\s*\)", re.I)
_TOPIC = re.compile(r"^\s*(?:Topic|Thema|Sujet|Tema|Titel)\s*:\s*(.+)$", re.I)


class YaBB(Adapter):
    name = "yabb"
    hints = ("yabb",)  # fingerprint words that put this adapter first (registry)
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
        bodies = outermost(bodies)
        profiled = holders(select(tree, self.PROFILE))
        posts = [p for p in (self._post(b, profiled, base, ctx) for b in bodies) if p is not None]
        views, topic = _thread_bar(tree)
        title = (topic or common.pick_text(tree, self.TITLE) or (posts[0].title if posts else None)
                 or common.page_title(tree))
        pager = next((el for el in select(tree, "span.small, td.small")
                      if re.match(r"\s*(?:Pages|Seiten)\s*:", text_of(el) or "")), None)
        page, page_count, next_url = common.pages_from(select(pager, "a"), select_one(pager, "b"), base) \
            if pager is not None else (None, None, None)
        return Thread(title=title, url=common.canonical(tree, base) or ctx.url, views=views,
                      breadcrumbs=common.crumbs(common.pick_all(tree, self.CRUMBS), title),
                      page=page, page_count=page_count, next_page_url=next_url, posts=posts)

    def _post(self, body_el, profiled, base, ctx) -> Post | None:
        row = next((a for a in body_el.iterancestors("tr") if a in profiled), None)  # the nearest with a profile link
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
        # the edit note sits under the message, in the post's row or the one below it
        # (a row whose text lacks every label word is skipped whole: most rows, one C call each)
        note = next((m for r in (row, row.getnext()) if r is not None and _EDIT_WORD.search(r.text_content())
                     for el in select(r, self.DATE) for m in [_LAST_EDIT.search(text_of(el) or "")] if m), None)
        return Post(
            post_id=attr(anchor, "name"),
            author=self._author(author_cell, base, ctx),
            timestamp=ctx.dates.iso(raw) if raw else None,
            timestamp_raw=raw,
            title=subject,
            body=body.text,
            body_html=body.html,
            quotes=body.quotes,
            edited=ctx.dates.iso(note.group(1)) if note else None,
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


def _thread_bar(tree) -> tuple[int | None, str | None]:
    """Views and title from the bar above the posts: "<b>Topic: X</b> (Read 1,234 times)"."""
    for text in tree.xpath("//text()[contains(., ' times') or contains(., ' mal') or contains(., ' fois')]")[:20]:
        m = _READ.search(text)
        if not m:
            continue
        el = text.getparent()  # the element the text follows (a tail) or sits in
        near = [el, *el.itersiblings(preceding=True)] if text.is_tail else [el]
        titles = [_TOPIC.match(_READ.sub("", text_of(c) or "")) for c in near if c.tag in ("b", "strong")]
        topic = next((t.group(1).strip() for t in titles if t), None)
        return parse_count(m.group(1), allow_abbrev=False), topic
    return None, None


ADAPTERS = (YaBB,)
