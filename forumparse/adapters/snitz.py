"""Snitz Forums 2000 (ASP) topic pages: an author cell (pop_profile.asp link, title, "N Posts") beside the
post cell ("Posted - 04/17/2019 : 10:22:33", the message in span.spnMessageText)."""
from __future__ import annotations

import re

import attrs

from ..html.body import extract_body, render_text
from ..html.page_classes import holders
from ..html.select import attr, outermost, select, select_one, text_of
from ..numbers import parse_count
from ..records import Author, Post, Thread
from . import _html_common as common
from .base import Adapter

_POSTED = re.compile(r"(?:Posted|Geschrieben|Posté|Publicado|Inviato|Geplaatst)\s*-\s*"
                     r"(.+?\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp][Mm])?)")
_POSTS = re.compile(r"^\s*([\d,.]+)\s+Posts?\s*$", re.I)
_ORIGINALLY = re.compile(r"^\s*Originally posted by\s+(.+?)\s*$", re.I)
_EDITED = re.compile(r"\bon\s+(.+?\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp][Mm])?)\s*$")  # "Edited by - X on DATE TIME"
_TOPIC_ID = re.compile(r"[?&](?:REPLY_ID|TOPIC_ID)=(\d+)", re.I)


class Snitz(Adapter):
    name = "snitz"
    # fingerprint words that put this adapter first (registry): the default copyright meta names the authors
    hints = ("snitz", "michael anderson, pierre gorissen")
    format = "html"
    description = "Snitz Forums 2000 topic pages"

    GATE = ("Snitz", "snitz", "pop_profile.asp", "spnMessageText")
    NEED = ("spnMessageText",)  # its post markup
    MARKERS = ("pop_profile.asp", "spnMessageText", "topic.asp?TOPIC_ID=", "post.asp?method=", "forum.asp?FORUM_ID=",
               "icon_posticon", "default.asp", "snitz")
    STRONG = ("Snitz Forums 2000", "forum.snitz.com", "snitz.com\" target")

    BODY = "span.spnMessageText, .spnMessageText"
    PROFILE = "a[href*='pop_profile.asp']"
    QUOTE = "blockquote"
    QUOTE_AUTHOR = "cite"
    TITLE = "td.nav b, .nav b"
    CRUMBS = "td.nav a, .nav a"

    def detect(self, doc) -> float:
        return common.detect_score(doc, self.MARKERS, self.STRONG, self.GATE, self.NEED)

    def parse(self, doc, ctx) -> Thread:
        tree = doc.tree
        base = common.page_base(tree, ctx.url)
        bodies = select(tree, self.BODY)
        bodies = [b for b in outermost(bodies) if not _name_only(b)]
        # the message is the first text span of a post's row; a later one (after a rule) is the signature
        profiled = holders(select(tree, self.PROFILE))
        by_row: dict = {}
        for b in bodies:
            row = next((r for r in b.iterancestors("tr") if r in profiled), None)  # the nearest with a profile link
            if row is not None:
                by_row.setdefault(row, []).append(b)
        posts = [p for p in (self._post(row, found[0], found[1:], base, ctx) for row, found in by_row.items())
                 if p is not None]
        title = common.pick_text(tree, self.TITLE) or common.page_title(tree)
        return Thread(title=title, url=common.canonical(tree, base) or ctx.url,
                      breadcrumbs=common.crumbs(common.pick_all(tree, self.CRUMBS), title), posts=posts)

    def _post(self, row, body_el, signatures, base, ctx) -> Post | None:
        # the row's cell holding the message (the row's child on the way up from it)
        cell = next((a for a in body_el.iterancestors() if a.getparent() is row), None)
        cell = cell if cell is not None and cell.tag == "td" else None
        author_cell = next((td for td in row.xpath("./td") if td is not cell
                            and select_one(td, self.PROFILE) is not None), None)
        body = extract_body(body_el, quote_css=self.QUOTE, quote_author_css=self.QUOTE_AUTHOR)
        signature = "\n\n".join(t for t in (render_text(s) for s in signatures) if t) or None
        edited = _EDITED.search(body.edited or "")
        m = _POSTED.search(text_of(cell) or "")
        raw = m.group(1).replace(" : ", " ").strip() if m else None
        reply = next((a for a in select(cell, "a[href*='REPLY_ID='], a[href*='TOPIC_ID=']")
                      if "method=" in (a.get("href") or "")), None)
        return Post(
            post_id=(_TOPIC_ID.search(attr(reply, "href") or "") or [None, None])[1],
            author=self._author(author_cell, base, signature),
            timestamp=ctx.dates.iso(raw) if raw else None,
            timestamp_raw=raw,
            body=body.text,
            body_html=body.html,
            quotes=[_originally(q) for q in body.quotes],
            edited=ctx.dates.iso(edited.group(1).replace(" : ", " ")) if edited else None,
        )

    def _author(self, cell, base, signature=None) -> Author | None:
        link = select_one(cell, self.PROFILE) if cell is not None else None
        if link is None or not text_of(link):
            return None
        name = text_of(link)
        lines = [ln for ln in common.lines(cell) if ln != name]
        count = next((parse_count(m.group(1), allow_abbrev=False) for m in map(_POSTS.match, lines) if m), None)
        rank = next((ln for ln in lines if not _POSTS.match(ln)), None)
        uid = re.search(r"[?&]id=(\d+)", link.get("href") or "", re.I)
        return Author(name=name, rank=rank, post_count=count, user_id=uid.group(1) if uid else None,
                      profile_url=common.absolute(base, link.get("href")), signature=signature)


def _name_only(el) -> bool:
    """Snitz wraps the author's name in the message class too: a span holding only the profile link."""
    link = select_one(el, Snitz.PROFILE)
    return link is not None and text_of(link) == text_of(el)


def _originally(quote):
    """Snitz opens a quote "quote:" then "Originally posted by X" on its own line."""
    text = quote.text
    if text.lower().startswith("quote:"):
        text = text[6:].lstrip()
    first, _, rest = text.partition("\n")
    m = _ORIGINALLY.match(first)
    if m:
        return attrs.evolve(quote, author=quote.author or m.group(1), text=rest.strip())
    return attrs.evolve(quote, text=text)


ADAPTERS = (Snitz,)
