"""XMB (eXtreme Message Board) 1.8 / 1.9 thread pages: an author cell (rowspan, a pid anchor, the name and
the smalltxt statistics) beside a header cell ("posted on DATE at TIME"), the message in the next row."""
from __future__ import annotations

import re

import attrs

from ..html.body import extract_body
from ..html.select import attr, select, select_one, text_of
from ..records import Author, Post, Thread
from . import _html_common as common
from .base import Adapter

# "posted on 14-6-2012 at 06:41 PM" and the language packs' "geschrieben am ... um ...", "posté le ... à ..."
_POSTED = re.compile(r"(?:posted on|geschrieben am|gepostet am|posté le|publicado el|postado em|inviato il|"
                     r"geplaatst op)\s+(.+?)\s+(?:at|um|à|a las|às|alle|om)\s+(\d{1,2}:\d{2}\s*(?:[AaPp][Mm])?)", re.I)
_STATUS = re.compile(r"^(?:Member Is (?:Online|Offline)|Offline|Online)$", re.I)
_STAT = re.compile(r"^[^:]{1,30}:\s*\S")
# a quote made with the Quote button opens "Originally posted by X" (language packs: "Original geschrieben von X")
_ORIGINALLY = re.compile(r"^\s*(?:Originally posted by|Original geschrieben von|Posté à l'origine par|"
                         r"Publicado originalmente por|Originariamente inviato da)\s+(.+?)\s*$", re.I)
# editing appends "[Edited on 14-6-2012 by bob]" to the message itself
_EDITED = re.compile(r"\n*\[\s*(?:Edited on|Bearbeitet am|Modifié le|Editado el)\s+(.+?)\s+(?:by|von|par|por)\s+"
                     r"[^\]]+\]\s*$", re.I)
_MEMBER = re.compile(r"[?&]member=([^&#]+)")


class XMB(Adapter):
    name = "xmb"
    hints = ("xmb",)  # fingerprint words that put this adapter first (registry)
    format = "html"
    description = "XMB (eXtreme Message Board) 1.8 / 1.9 thread pages"

    GATE = ("XMB", "xmb")
    NEED = ("name=\"pid", "name='pid")  # its post markup
    MARKERS = ("action=viewpro&amp;member=", "action=viewpro&member=", "mediumtxt", "smalltxt", "tablerow",
               "viewthread.php?tid=", "post.php?action=reply", "Member Is Offline", "xmbforum")
    STRONG = ("Powered by XMB", "xmbforum.com", "xmbforum2.com", "The XMB Group")

    ANCHOR = "a[name^=pid]"
    NAME = "font.mediumtxt strong, strong, b"
    STATS = "div.smalltxt, .smalltxt"
    QUOTE = "table.quote"
    QUOTE_AUTHOR = "td.quote"
    TITLE = "td.nav strong, .nav strong"
    CRUMBS = "td.nav a, .nav a"
    PAGER = "td.multi, .multi"

    def detect(self, doc) -> float:
        return common.detect_score(doc, self.MARKERS, self.STRONG, self.GATE, self.NEED)

    def parse(self, doc, ctx) -> Thread:
        tree = doc.tree
        base = common.page_base(tree, ctx.url)
        posts = [p for p in (self._post(a, base, ctx) for a in select(tree, self.ANCHOR)) if p is not None]
        title = common.pick_text(tree, self.TITLE) or common.page_title(tree)
        pager = select_one(tree, self.PAGER)
        page, page_count, next_url = common.pages_from(select(pager, "a"), select_one(pager, "strong, b"), base) \
            if pager is not None else (None, None, None)
        return Thread(title=title, url=common.canonical(tree, base) or ctx.url,
                      breadcrumbs=common.crumbs(common.pick_all(tree, self.CRUMBS), title),
                      page=page, page_count=page_count, next_page_url=next_url, posts=posts)

    def _post(self, anchor, base, ctx) -> Post | None:
        author_cell = next(anchor.iterancestors("td"), None)
        row = author_cell.getparent() if author_cell is not None else None
        body_row = row.getnext() if row is not None else None
        if body_row is None:
            return None
        header = author_cell.getnext()
        body_cell = next(iter(body_row.xpath("./td")), None)
        body_el = select_one(body_cell, "font.mediumtxt") if body_cell is not None else None
        body_el = body_cell if body_el is None else body_el
        if body_el is None:
            return None
        body = extract_body(body_el, quote_css=self.QUOTE, quote_author_css=self.QUOTE_AUTHOR)
        text, edited = _edit_note(body.text)
        m = _POSTED.search(text_of(header) or "")
        raw = f"{m.group(1)} {m.group(2)}" if m else None
        subject = select_one(header, "strong, font.subject") if header is not None else None
        return Post(
            post_id=common.number_suffix(anchor.get("name")),
            author=self._author(author_cell, [row, body_row, body_row.getnext()], base, ctx),
            timestamp=ctx.dates.iso(raw) if raw else None,
            timestamp_raw=raw,
            title=text_of(subject),
            body=text,
            body_html=body.html,
            quotes=[_originally(q) for q in body.quotes],
            edited=ctx.dates.iso(edited) if edited else None,
        )

    def _author(self, cell, rows, base, ctx) -> Author | None:
        name_el = common.pick_texted(cell, self.NAME)
        if name_el is None:
            return None
        lines = common.lines(common.pick(cell, self.STATS))
        stats = common.stats_from_lines(lines, ctx)
        rank = next((ln for ln in lines if not _STAT.match(ln) and not _STATUS.match(ln)), None)
        # the profile button sits in the post's last row
        profile = next((a for r in rows if r is not None for a in select(r, "a[href*='action=viewpro']")), None)
        member = _MEMBER.search(attr(profile, "href") or "")
        avatar = next((img for img in select(cell, "img") if "star" not in (img.get("src") or "")), None)
        return Author(
            name=text_of(name_el),
            rank=rank,
            post_count=stats.get("post_count"),
            joined=stats.get("joined"),
            location=stats.get("location"),
            user_id=member.group(1) if member else None,
            profile_url=common.absolute(base, attr(profile, "href")),
            avatar_url=common.absolute(base, attr(avatar, "src")),
        )


def _edit_note(text: str) -> tuple[str, str | None]:
    """The message without XMB's trailing edit notes, and the date of the last one."""
    when = None
    m = _EDITED.search(text)
    while m:
        when = when or m.group(1)
        text = text[:m.start()].rstrip()
        m = _EDITED.search(text)
    return text, when


def _originally(quote):
    first, _, rest = quote.text.partition("\n")
    m = _ORIGINALLY.match(first)
    if m:
        return attrs.evolve(quote, author=quote.author or m.group(1), text=rest.strip())
    return quote


ADAPTERS = (XMB,)
