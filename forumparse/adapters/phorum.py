"""Phorum 5 read pages: the Emerald template (div.message) and the classic one (PhorumReadMessageBlock)."""
from __future__ import annotations

import re

import attrs

from ..html.body import extract_body
from ..html.page_classes import by_class, within
from ..html.pageinfo import PostScope
from ..html.select import select, select_one, text_of
from ..records import Author, Post, Thread
from . import _html_common as common
from .base import Adapter

_MSG_ANCHOR = re.compile(r"^msg-(\d+)$")
_PROFILE_ID = re.compile(r"profile\.php\?\d+,(\d+)|[?&,]user_id=(\d+)")
_READ_ID = re.compile(r"read\.php\?\d+,\d+,(\d+)")
# "Edited 2 time(s). Last edit at DATE by X." and its language packs' wording ("2 mal bearbeitet.
# Zuletzt am DATE von X."): a count, a sentence end, a connector word before the date
_EDIT_NOTE = re.compile(r"^\s*\D{0,20}\d+\s*(?:time\(s\)|times?|mal|fois|vez|veces|volte|keer|raz[ay]?|раза?)\b"
                        r"\D{0,20}?\.\s*\D{0,40}?\b(?:at|am|le|el|il|em|op|om|в)\s+(.+?)"
                        r"(?:\s+(?:by|von|par|por|da|door|przez|от)\s.*)?\.?\s*$", re.I)
_LABEL = re.compile(r"^\s*(?:Posted by|Author|Date|Datum|Autor|Auteur|Posté par|Publicado por|Fecha|Data|Автор|Дата)"
                    r"\s*:\s*", re.I)


class Phorum(Adapter):
    name = "phorum"
    format = "html"
    description = "Phorum 5 read pages (Emerald and classic templates)"
    hints = ("phorum",)

    GATE = ("phorum", "Phorum")  # one of these is near the start of every page
    MARKERS = ('class="message-body"', 'class="message-author', 'class="message-user-info"', 'id="phorum"',
               "PhorumReadMessageBlock", "PhorumStdBlock", "PhorumReadBodyText", "phorum_", "/phorum/")
    STRONG = (">Phorum</a>", "Powered by Phorum", 'content="Phorum', "phorum.org/\" title=\"Phorum")

    # Emerald (5.2)
    POSTS = "div.message"
    NAME = ".message-author a, .message-author"
    INFO = ".message-user-info"
    SUBJECT = "small strong a, small strong, .message-subject"
    DATE = ".message-date"
    BODY = ".message-body"
    DROP = ".message-options, .new-flag, .PhorumNewFlag"
    # classic (5.0 / 5.1)
    POSTS_OLD = "div.PhorumReadMessageBlock"
    HEADS_OLD = ".PhorumReadBodyHead"
    SUBJECT_OLD = ".PhorumReadBodySubject"
    BODY_OLD = ".PhorumReadBodyText"
    # shared
    QUOTE = "blockquote"
    QUOTE_AUTHOR = "small + strong, cite"
    SIGNATURE = ".signature, .phorum-signature"
    ATTACHMENTS = ".attachments a[href], .message-attachments a[href]"
    TITLE = "#breadcrumb .current, .breadcrumb .current, #phorum h1, h1"
    # parse: the page-level boxes from one class/id pass (TITLE's parts looked up inside them)
    PAGE_BOXES = {"posts": POSTS, "posts_old": POSTS_OLD, "paging": ".paging", "crumb_id": "#breadcrumb",
                  "crumb_class": ".breadcrumb", "phorum": "#phorum"}

    def detect(self, doc) -> float:
        if not common.has(doc, "horum", 100_000):  # both spellings of the gate word ("phorum", "Phorum") in one search
            return 0.0
        return common.detect_score(doc, self.MARKERS, self.STRONG, self.GATE)

    def parse(self, doc, ctx) -> Thread:
        tree = doc.tree
        base = common.page_base(tree, ctx.url)
        found = by_class(tree, **self.PAGE_BOXES)
        elements = [el for el in found["posts"] if select_one(el, self.BODY) is not None]
        old = not elements
        if old:
            elements = found["posts_old"]
        scope = PostScope(elements)  # one lookup per selector for all posts
        posts = [p for p in ((self._old_post if old else self._post)(el, scope, base, ctx) for el in elements) if p]
        pager = next(iter(found["paging"]), None)  # ".paging, .PhorumNavBlock .paging": the first .paging
        page, page_count, next_url = common.pages_from(
            select(pager, "a"), select_one(pager, "strong, .current-page"), base) if pager is not None else (None,) * 3
        title = _title(tree, found) or (posts[0].title if posts else None)
        return Thread(
            title=title,
            url=common.canonical(tree, base) or ctx.url,
            breadcrumbs=common.crumbs(select(next(iter(found["crumb_id"] or found["crumb_class"]), None), "a"), title),
            page=page, page_count=page_count, next_page_url=next_url, posts=posts,
        )

    # -- Emerald ---------------------------------------------------------------------------
    def _post(self, el, scope, base, ctx) -> Post | None:
        body, edited = self._body(scope.one(el, self.BODY), ctx)
        if not body.text:
            return None
        subject = scope.pick(el, *common.parts(self.SUBJECT))
        date_el = scope.one(el, self.DATE)
        raw = text_of(date_el) if date_el is not None else _line_after(scope.one(el, "small"), subject)
        link = subject if subject is not None and subject.tag == "a" else None
        return Post(
            post_id=_post_id(el, link),
            permalink=common.absolute(base, link.get("href")) if link is not None else None,
            author=self._author(scope.pick(el, *common.parts(self.NAME)), scope.one(el, self.INFO), base, ctx),
            timestamp=ctx.dates.iso(raw) if raw else None,
            timestamp_raw=raw,
            title=text_of(subject),
            body=body.text, body_html=body.html, quotes=body.quotes, edited=edited,
            attachments=[common.absolute(base, a.get("href")) for a in scope.all(el, self.ATTACHMENTS)],
        )

    # -- classic ---------------------------------------------------------------------------
    def _old_post(self, el, scope, base, ctx) -> Post | None:
        body, edited = self._body(scope.one(el, self.BODY_OLD), ctx)
        if not body.text:
            return None
        name_el = raw = None
        for head in scope.all(el, self.HEADS_OLD):
            text = text_of(head) or ""
            if re.match(r"^\s*(?:Posted by|Author|Autor)\s*:", text, re.I):
                name_el = common.pick(head, "a, strong")
                name_el = head if name_el is None else name_el
            elif re.match(r"^\s*(?:Date|Datum)\s*:", text, re.I):
                raw = _LABEL.sub("", text)
        return Post(
            post_id=_post_id(el, None),
            author=self._author(name_el, None, base, ctx),
            timestamp=ctx.dates.iso(raw) if raw else None,
            timestamp_raw=raw,
            title=text_of(scope.one(el, self.SUBJECT_OLD)),
            body=body.text, body_html=body.html, quotes=body.quotes, edited=edited,
        )

    # -- shared ----------------------------------------------------------------------------
    def _body(self, body_el, ctx):
        body = extract_body(body_el, quote_css=self.QUOTE, quote_author_css=self.QUOTE_AUTHOR,
                            signature_css=self.SIGNATURE, edit_css=None, drop_css=self.DROP)
        head, _, last = body.text.rpartition("\n")
        m = _EDIT_NOTE.match(last)
        if m:  # "Edited 1 time(s). Last edit at DATE by NAME." closes the message text
            return attrs.evolve(body, text=head.strip()), ctx.dates.iso(m.group(1))
        return body, None

    def _author(self, name_el, info, base, ctx) -> Author | None:
        if name_el is None:
            return None
        link = name_el if name_el.tag == "a" else select_one(name_el, "a[href]")
        href = link.get("href") if link is not None else None
        m = _PROFILE_ID.search(href or "")
        lines = common.lines(info)
        stats = common.stats_from_lines(lines, ctx)
        # the role line ("Administrator", "Moderator") is the only unlabelled line of the info cell
        rank = next((ln for ln in lines if ":" not in ln), None)
        name = text_of(name_el) or ""
        return Author(
            name=_LABEL.sub("", name),
            rank=rank,
            post_count=stats.get("post_count"),
            joined=stats.get("joined"),
            location=stats.get("location"),
            user_id=(m.group(1) or m.group(2)) if m else None,
            profile_url=common.absolute(base, href),
        )


def _title(tree, found) -> str | None:
    """common.pick_text(tree, Phorum.TITLE) from the page boxes `found`."""
    for candidates in (within(found["crumb_id"], ".current"), within(found["crumb_class"], ".current"),
                       within(found["phorum"], "h1"), tree.iter("h1")):
        text = next(filter(None, map(text_of, candidates)), None)
        if text:
            return text
    return None


def _post_id(el, link) -> str | None:
    prev = el.getprevious()
    if prev is not None and prev.tag == "a":
        m = _MSG_ANCHOR.match(prev.get("name") or prev.get("id") or "")
        if m:
            return m.group(1)
    m = _READ_ID.search(link.get("href") if link is not None else "")
    return m.group(1) if m else None


def _line_after(small, subject) -> str | None:
    """Emerald prints the date as the line after the subject inside <small>."""
    if small is None:
        return None
    lines = common.lines(small)
    for line in lines[1:] if subject is not None else lines:
        if re.search(r"\d", line):
            return line
    return None


ADAPTERS = (Phorum,)
