"""Kunena (the Joomla forum) topic pages: Blue Eagle (Kunena 1-3, table.kmsg with .kmsgtext) and Crypsis /
Aurelia (Kunena 4-6, div.message with .kmsg). Posts are found from their text and grown to the block that
also holds the author, so the templates' many layout variants (left, right, top, bottom) read alike."""
from __future__ import annotations

import re
from urllib.parse import urljoin

from ..html.body import extract_body, render_text
from ..html.page_classes import holders
from ..html.select import attr, has_class, outermost, select, select_one, text_of
from ..records import Author, Post, Thread
from . import _html_common as common
from ._scope import box_scope
from .base import Adapter

_ANCHOR = re.compile(r"#(\d+)$")
_HASH_ID = re.compile(r"#(\d+)\b")
_USER_ID = re.compile(r"(?:userid[-=]|/user/|/profile/)(\d+)", re.I)
_BADGER = re.compile(r":\s*(.+)$")  # "bob replied the topic: Re: Title"
_LAST_EDIT = re.compile(r"(?:Last Edit|Letzte Änderung|Dernière modification|Última edición)\s*:\s*(.+?)\s+"
                        r"(?:by|von|par|por)\s", re.I)
_RELATIVE = re.compile(r"\bago\b|\bvor\b|\bil y a\b|\bhace\b", re.I)
_TOPIC = re.compile(r"^\s*(?:Topic|Thema|Sujet|Tema|Onderwerp)\s*:\s*", re.I)


class Kunena(Adapter):
    name = "kunena"
    hints = ("kunena",)  # fingerprint words that put this adapter first (registry)
    format = "html"
    description = "Kunena (Joomla) topic pages: Blue Eagle, Crypsis and Aurelia templates"

    GATE = ("kunena", "Kunena")
    NEED = ("kmsg",)  # its post markup
    MARKERS = ("media/kunena/", "com_kunena", "kpost-username", "kwho-", "kmsgtext", "kprofile", "class=\"kmsg",
               "profilebox", "kmessage", "ksig")
    STRONG = ("Powered by Kunena", "www.kunena.org", ">Kunena Forum</a>", "Kunena Forum Component")

    BODY_OLD = ".kmsgtext"
    BODY = "div.kmsg, div.kmessage-body"
    AUTHOR = ".kpost-username, .profilebox, .kpost-profile, a[class*=kwho-]"
    NAME = (".kpost-username a, .kpost-username, .profilebox strong a, .profilebox a[class*=kwho-], a[class*=kwho-], "
            ".profilebox span[class*=kwho-], .profilebox strong")  # the last two: a guest's name, no link
    RANK = ".kpost-userrank, .kmsg-userrank"
    RANK_IMAGE = "img[src*='ranks/']"
    STATS = ".kpost-userposts, .profile-expand .content li, .kpost-profile li, .profilebox li"
    AVATAR = ".kpost-avatar img, img.kavatar, .profilebox img.img-polaroid, .profilebox img[alt*=vatar]"
    DATE = ".kmsgdate[title], .kdate[title], small span[title], span.hasTooltip[title], .kmsgdate, .kdate"
    SUBJECT = ".kmsgtitle, .kmsg-title"
    SIGNATURE = ".kmsgsignature, .ksig, .ksignature"
    EDIT = ".kmessage-editmarkup, .kmsg-editmarkup, .kmessage-editmarkup-cover"
    ATTACHMENTS = ".kattach a[href], .kmsgattach a[href], .kattachment a[href]"
    QUOTE = "blockquote, .kmsgtext-quote"
    QUOTE_AUTHOR = "cite"
    TITLE = ".ktopic-title, h1 a[href*='topic'], h1, h2"
    CRUMBS = ".breadcrumb, .kbreadcrumb, .kforum-pathway, #kbreadcrumbs"
    PAGER = ".pagination, .kpagination"

    def detect(self, doc) -> float:
        if not common.has(doc, "unena", 100_000):  # both spellings of the gate word ("kunena", "Kunena") in one search
            return 0.0
        return common.detect_score(doc, self.MARKERS, self.STRONG, self.GATE, self.NEED)

    def parse(self, doc, ctx) -> Thread:
        tree = doc.tree
        base = common.page_base(tree, ctx.url)
        bodies = select(tree, self.BODY_OLD) or select(tree, self.BODY)
        bodies = outermost(bodies)
        url = common.canonical(tree, base) or ctx.url
        authored = holders(select(tree, self.AUTHOR))
        boxes = [self._box(b, authored) for b in bodies]
        scope = box_scope([box for box in boxes if box is not None])  # each selector once for the page
        posts = [self._post(b, box, scope, base, url, ctx) for b, box in zip(bodies, boxes) if box is not None]
        title = _TOPIC.sub("", common.pick_text(tree, self.TITLE) or "") or common.page_title(tree)
        page = page_count = next_url = None
        pager = common.pick(tree, self.PAGER)
        if pager is not None:
            current = select_one(pager, "li.active span, li.active a, .active, .kpage-active")
            page, page_count, next_url = common.pages_from(select(pager, "a"), current, base)
        return Thread(
            title=title,
            url=url,
            breadcrumbs=common.crumbs(select(common.pick(tree, self.CRUMBS), "a"), title),
            page=page, page_count=page_count, next_page_url=next_url,
            posts=posts,
        )

    @staticmethod
    def _box(body_el, authored):
        """The post's box: the nearest ancestor of the message holding an author (None: no post)."""
        box = next((a for a in body_el.iterancestors() if a in authored), None)
        if box is None:
            return None
        table = next((a for a in (box, *box.iterancestors()) if a.tag == "table"), None)
        return table if table is not None and has_class(table, "kmsg") else box  # Blue Eagle: the whole table

    def _post(self, body_el, box, scope, base, url, ctx) -> Post:
        header = box.getprevious()  # Blue Eagle prints date and subject in a bar above the message table
        header = header if header is not None and "kmsg-header" in (header.get("class") or "") else None
        body = extract_body(body_el, quote_css=self.QUOTE, quote_author_css=self.QUOTE_AUTHOR,
                            signature_css=self.SIGNATURE, edit_css=None)
        date_el = common.pick(header, self.DATE) if header is not None else None
        date_el = scope.pick(box, *common.parts(self.DATE)) if date_el is None else date_el
        shown = text_of(date_el)
        full = attr(date_el, "title") or (shown if shown and not _RELATIVE.search(shown) else None)
        edit = scope.text(box, *common.parts(self.EDIT)) or ""
        m = _LAST_EDIT.search(edit)
        badger = scope.one(box, "[data-badger]")
        subject = common.pick_text(header, self.SUBJECT) if header is not None else None
        if subject is None and badger is not None:
            found = _BADGER.search(attr(badger, "data-badger") or "")
            subject = found.group(1).strip() if found else None
        links = [*(select(header, "a[href]") if header is not None else ()), *scope.all(box, "a[href]")]
        link = next((a for a in links if _ANCHOR.search(a.get("href"))), None)
        return Post(
            post_id=_post_id(box, header, scope),
            permalink=common.absolute(base, attr(link, "href")) or (urljoin(url, link.get("href")) if url and
                                                                    link is not None else None),
            author=self._author(box, scope, base, ctx),
            timestamp=ctx.dates.iso(full) if full else None,
            timestamp_raw=shown,
            title=subject,
            body=body.text,
            body_html=body.html,
            quotes=body.quotes,
            edited=ctx.dates.iso(m.group(1)) if m and not _RELATIVE.search(m.group(1)) else None,
            attachments=[common.absolute(base, attr(a, "href")) for a in scope.all(box, self.ATTACHMENTS)],
        )

    def _author(self, box, scope, base, ctx) -> Author | None:
        name_el = scope.first(box, *common.parts(self.NAME))
        if name_el is None:
            return None
        link = name_el if name_el.tag == "a" else select_one(name_el, "a[href]")
        href = attr(link, "href")
        seen = set()
        lines = []
        for el in scope.all(box, self.STATS):
            if not any(a in seen for a in el.iterancestors()):
                seen.add(el)
                lines.extend(common.lines(el))
        stats = common.stats_from_lines(lines, ctx)
        uid = _USER_ID.search(href or "")
        sig = scope.pick(box, *common.parts(self.SIGNATURE))
        return Author(
            name=text_of(name_el),
            rank=(scope.text(box, *common.parts(self.RANK))
                  or common.image_label(scope.pick(box, *common.parts(self.RANK_IMAGE)))),
            post_count=stats.get("post_count"),
            joined=stats.get("joined"),
            location=stats.get("location"),
            user_id=uid.group(1) if uid else None,
            profile_url=common.absolute(base, href),
            avatar_url=common.absolute(base, attr(scope.pick(box, *common.parts(self.AVATAR)), "src")),
            signature=(render_text(sig) or None) if sig is not None else None,
        )


def _post_id(box, header, scope) -> str | None:
    """The message id: an anchor named by it (<a id="123">, <a name="123">) or a "#123" permalink."""
    for links in (select(header, "a") if header is not None else (), scope.all(box, "a")):
        for a in links:
            for value in (a.get("id"), a.get("name")):
                if value and value.isdigit():
                    return value
            m = _ANCHOR.search(a.get("href") or "")
            if m:
                return m.group(1)
    m = _HASH_ID.search(text_of(scope.one(box, "small")) or "") if not has_class(box, "kmsg") else None
    return m.group(1) if m else None


ADAPTERS = (Kunena,)
