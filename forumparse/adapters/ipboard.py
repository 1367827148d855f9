"""IP.Board 1.x and 2.x (Invision Power Board) topic pages: a header row (span.normalname, the date in
span.postdetails) above a row holding the author's details cell and the post (div.postcolor)."""
from __future__ import annotations

import re

import attrs

from ..html.body import extract_body, render_text
from ..html.select import attr, outermost, select, select_one, text_of
from ..numbers import parse_count
from ..records import Author, Post, Thread
from . import _html_common as common
from .base import Adapter

_NEWER = ("ipb.vars[", "post_block", "ipsApp", "cPost", "ipsComment")  # IP.Board 3 and Invision 4 pages
_POST_ID = re.compile(r"(?:post-|entry)(\d+)$")
_POSTED = re.compile(r"^\s*(?:Posted|Geschrieben|Posté|Enviado|Inviato)\s*(?:on|le|am|el|il)?\s*:?\s*", re.I)
_QUOTE_TOP = re.compile(r"QUOTE\s*\(\s*(.+?)\s*@", re.I)
_EDITED = re.compile(r":\s*(.+?)\s*$")
_LABEL = re.compile(r"^[^:]{1,25}:\s*\S")  # "Group: Members", "Posts: 12", "Member No.: 5"
_GROUP = re.compile(r"^\s*(?:Group|Gruppe|Groupe|Grupo|Gruppo)\s*:\s*(.+)$", re.I)
_MEMBER_NO = re.compile(r"^\s*(?:Member No\.?|Mitglied Nr\.?|Membre n°|Miembro n[º°o]\.?)\s*:?\s*([\d,.]+)", re.I)
_FULL_VERSION = re.compile(r"^\s*(?:Full Version|Vollversion|Version complète|Versión completa)\s*:\s*", re.I)
_PAGES = re.compile(r"(\d+)\s+(?:Pages|Seiten)|Pages\s*:\s*\((\d+)\)", re.I)


class IPBoard(Adapter):
    name = "ipboard"
    hints = ("ipb", "invision", "style_images")  # fingerprint words that put this adapter first (registry)
    format = "html"
    description = "IP.Board (Invision Power Board) 1.x / 2.x topic pages"

    GATE = ("ipb_var", "Invision", "invision", "style_images", "ipb", "IPB")
    NEED = ("postcolor", "posttopbar")  # its post markup (the full page, the lo-fi archive)
    MARKERS = ("ipb_var_", "normalname", "postcolor", "style_images/", "borderwrap", "act=findpost", "showuser=",
               "ipb_skin", "QuoteBegin", "ipbtable", "link_to_post", "lofiversion", "ipbwrapper", "postwrapper")
    STRONG = ("invisionboard.com", "Invision Power Board</a>", ">IP.Board</a> 2.", ">IP.Board</a> 1.",
              "lofiversion/lofi.css")

    BODY = "div.postcolor"
    NAME = "span.normalname a, span.normalname, .normalname"
    DETAILS = "span.postdetails"
    SIGNATURE = "div.signature"
    EDIT = "span.edit, .edit"
    QUOTE = "div.quotemain, td#QUOTE"
    QUOTE_TOP = "div.quotetop"
    DROP = "div.quotetop, div.codetop, span.edit"
    ATTACHMENTS = "a[href*='act=Attach'], a[href*='act=attach']"
    TITLE = ".maintitle b, .maintitle strong, div.maintitle"
    NAV = "#navstrip, #nav, .navstrip"
    # the lo-fi archive (lofiversion/index.php/t123.html): name, date and text only
    LOFI = "div.postwrapper"
    LOFI_TITLE = "#largetext a, #largetext"
    LOFI_NAV = ".ipbnav a"

    def detect(self, doc) -> float:
        if common.has_any(doc, _NEWER, 200_000):
            return 0.0
        return common.detect_score(doc, self.MARKERS, self.STRONG, self.GATE, self.NEED)

    def parse(self, doc, ctx) -> Thread:
        tree = doc.tree
        base = common.page_base(tree, ctx.url)
        bodies = select(tree, self.BODY)
        bodies = outermost(bodies)
        posts = [p for p in (self._post(b, base, ctx) for b in bodies) if p is not None]
        if not posts:
            return self._lofi(tree, base, ctx)
        nav = common.pick(tree, self.NAV)
        title = common.pick_text(tree, self.TITLE)
        if not title and nav is not None:  # the last crumb, printed as text after the links
            links = select(nav, "a")
            title = (links[-1].tail or "").strip(" >\u00a0»") or None if links else None
        page, page_count, next_url = _pages(tree, base)
        return Thread(
            title=title,
            url=common.canonical(tree, base) or ctx.url,
            breadcrumbs=common.crumbs(select(nav, "a"), title),
            page=page, page_count=page_count, next_page_url=next_url,
            posts=posts,
        )

    def _lofi(self, tree, base, ctx) -> Thread:
        posts = []
        for box in select(tree, self.LOFI):
            body_el = select_one(box, "div.postcontent")
            name = text_of(select_one(box, ".postname"))
            if body_el is None or not name:
                continue
            raw = text_of(select_one(box, ".postdate"))
            body = extract_body(body_el, quote_css=self.QUOTE, quote_author_css="cite", signature_css=None,
                                edit_css=None, drop_css=self.DROP)
            posts.append(Post(author=Author(name=name), timestamp=ctx.dates.iso(raw) if raw else None,
                              timestamp_raw=raw, body=body.text, body_html=body.html,
                              quotes=_quote_authors(body.quotes, body_el, self.QUOTE_TOP)))
        title = common.pick_texted(tree, self.LOFI_TITLE)
        title = _FULL_VERSION.sub("", text_of(title) or "") or None
        span = select_one(tree, ".ipbpagespan")
        page, count, next_url = common.pages_from(select(span, "a"), select_one(span, "b"), base) \
            if span is not None else (None, None, None)
        return Thread(title=title, url=common.canonical(tree, base) or ctx.url,
                      breadcrumbs=common.crumbs(select(tree, self.LOFI_NAV), title),
                      page=page, page_count=count, next_page_url=next_url, posts=posts)

    def _post(self, body_el, base, ctx) -> Post | None:
        cell = next(body_el.iterancestors("td"), None)
        row = cell.getparent() if cell is not None else None
        if row is None:
            return None
        header = row.getprevious()
        author_cell = cell.getprevious()
        body = extract_body(body_el, quote_css=self.QUOTE, quote_author_css="cite", signature_css=None,
                            edit_css=None, drop_css=self.DROP)
        raw = None
        for details in select(header, self.DETAILS) if header is not None else ():
            text = _POSTED.sub("", text_of(details) or "")
            if re.search(r"\d{1,2}:\d{2}", text):
                raw = text
                break
        edit = select_one(cell, self.EDIT)
        edited = _EDITED.search(text_of(edit) or "")
        post_id = _POST_ID.search(body_el.get("id") or "")
        anchor = select_one(header, "a[name^=entry]") if header is not None else None
        post_id = post_id.group(1) if post_id else common.number_suffix(attr(anchor, "name"))
        link = select_one(header, "a[href*='findpost']") if header is not None else None
        return Post(
            post_id=post_id,
            permalink=common.absolute(base, attr(link, "href")),
            author=self._author(header, author_cell, cell, base, ctx),
            timestamp=ctx.dates.iso(raw) if raw else None,
            timestamp_raw=raw,
            body=body.text,
            body_html=body.html,
            quotes=_quote_authors(body.quotes, body_el, self.QUOTE_TOP),
            edited=ctx.dates.iso(edited.group(1)) if edited else None,
            attachments=[common.absolute(base, attr(a, "href")) for a in select(cell, self.ATTACHMENTS)],
        )

    def _author(self, header, author_cell, cell, base, ctx) -> Author | None:
        name_el = common.pick_texted(header, self.NAME) if header is not None else None
        if name_el is None:
            return None
        link = name_el if name_el.tag == "a" else select_one(name_el, "a[href]")
        href = attr(link, "href")
        lines = common.lines(select_one(author_cell, self.DETAILS)) if author_cell is not None else []
        stats = common.stats_from_lines(lines, ctx)
        # the member title is the line that is no "Label: value"; without one, the group is the rank
        rank = next((ln for ln in lines if not _LABEL.match(ln) and ln.strip("* ")), None)
        group = next((m.group(1) for m in map(_GROUP.match, lines) if m), None)
        member_no = next((m.group(1) for m in map(_MEMBER_NO.match, lines) if m), None)
        sig = select_one(cell, self.SIGNATURE)
        return Author(
            name=text_of(name_el),
            rank=rank or group,
            post_count=stats.get("post_count"),
            joined=stats.get("joined"),
            location=stats.get("location"),
            user_id=common.query_id(href, "showuser") or (str(parse_count(member_no)) if member_no else None),
            profile_url=common.absolute(base, href),
            avatar_url=common.absolute(base, attr(select_one(author_cell, "img[src*='av-'], img[src*='avatar'], "
                                                                          "a[href*='showuser'] img"), "src")),
            signature=(render_text(sig) or None) if sig is not None else None,
        )


def _quote_authors(quotes, body_el, top_css: str):
    """IP.Board heads a quote "QUOTE(alice @ Apr 16 2007, 09:00 AM)" in a box of its own before it."""
    tops = select(body_el, top_css)
    if not quotes or len(tops) != len(quotes):
        return quotes
    out = []
    for quote, top in zip(quotes, tops):
        m = _QUOTE_TOP.search(text_of(top) or "")
        link = select_one(top, "a[href*='pid=']")
        out.append(attrs.evolve(quote, author=m.group(1) if m else quote.author,
                                post_id=common.query_id(attr(link, "href"), "pid") or quote.post_id))
    return out


def _pages(tree, base):
    current = select_one(tree, "span.pagecurrent")
    if current is None:
        return None, None, None
    pager = current.getparent()
    page, count, next_url = common.pages_from(select(pager, "span.pagelink a"), current, base)
    m = _PAGES.search(text_of(pager) or "")
    if m:
        count = max(count or 0, int(m.group(1) or m.group(2)))
    return page, count, next_url


ADAPTERS = (IPBoard,)
