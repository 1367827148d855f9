"""Khoros (formerly Lithium) community thread pages: lia-message-view blocks in the linear thread view."""
from __future__ import annotations

import re

from ..html.body import extract_body, render_text
from ..html.pageinfo import PostScope, text_without
from ..html.select import attr, outermost, select, select_one, text_of
from ..numbers import parse_count
from ..records import Author, Post, Thread
from . import _html_common as common
from .base import Adapter

_UID = re.compile(r"messageUid-(\d+)|/m-p/(\d+)|/td-p/(\d+)")
_USER_ID = re.compile(r"/user-id/(\d+)")
_MARKS = re.compile(r"[\u200e\u200f]")  # the direction marks Khoros puts before dates


class Khoros(Adapter):
    name = "khoros"
    hints = ("lithium", "khoros", "lia-")  # fingerprint words that put this adapter first (registry)
    format = "html"
    description = "Khoros / Lithium community thread pages"

    GATE = ("lia-", "LITHIUM", "lithium", "khoros")
    NEED = ("lia-message-body",)  # its post markup
    MARKERS = ("LITHIUM.", "lia-message-body", "lia-user-name-link", "lia-quilt", "/t5/", "lia-component-",
               "MessageKudosCount", "lia-message-view", "lia-user-rank")
    STRONG = ("LITHIUM.Loader", "LITHIUM.CommunityJsonObject", "Powered by Khoros", "Powered by Lithium",
              "lithium.com/\" target=\"_blank\"")

    POSTS = ".lia-message-view-wrapper, .MessageView.lia-message-view-forum-message, div.lia-message-view-display"
    NAME = ".lia-user-name-link, .UserName a, .lia-user-name, .lia-message-author-username"
    RANK = ".lia-message-author-rank, .lia-user-rank"
    RANK_IMAGE = "img.lia-user-rank-icon"
    STATS = (".lia-message-author-post-count, .lia-message-author-registration-date, "
             ".lia-message-author-location, .lia-message-author-joined")
    AVATAR = ".lia-message-author-avatar img, .UserAvatar img, img.lia-user-avatar-message"
    POSTED = ("span.lia-message-posted-on, .lia-message-post-date .DateTime:not(.lia-message-edited-on), "
              ".DateTime:not(.lia-message-edited-on)")
    EDITED = ".lia-message-edited-on"
    LABELS = ".message_post_text, .lia-message-posted-on-label"
    PERMALINK = ".lia-message-subject a[href*='/m-p/'], a[href*='/m-p/'], a[href*='/td-p/']"
    SUBJECT = ".lia-message-subject h2, .lia-message-subject .MessageSubject, .lia-message-subject"
    BODY = ".lia-message-body-content, .lia-message-body"
    SIGNATURE = ".lia-message-signature, .UserSignature"
    KUDOS = ".MessageKudosCount, .lia-component-kudos-widget-message-kudos-count"
    ATTACHMENTS = ".lia-attachments a[href], .AttachmentsList a[href], .lia-attachment-link a[href]"
    QUOTE = "blockquote"
    QUOTE_AUTHOR = "cite"
    DROP = ".lia-message-signature, .UserSignature, .lia-quilt-column-alley, .lia-spoiler-link, script"
    TITLE = ("h1.PageTitle, .lia-message-subject-banner, .lia-thread-topic .lia-message-subject h2, "
             ".lia-thread-topic .lia-message-subject, h1")
    CRUMBS = (".BreadCrumb .lia-breadcrumb-node a, .BreadCrumb li a, .lia-breadcrumb a, .BreadCrumb a")
    PAGER = ".lia-paging-full, .lia-paging-full-wrapper, .lia-paging-pager"

    def detect(self, doc) -> float:
        return common.detect_score(doc, self.MARKERS, self.STRONG, self.GATE, self.NEED)

    def parse(self, doc, ctx) -> Thread:
        tree = doc.tree
        base = common.page_base(tree, ctx.url)
        found = [el for el in select(tree, self.POSTS) if select_one(el, self.BODY) is not None]
        elements = outermost(found)  # a message view nested in another is part of it
        scope = PostScope(elements)
        posts = [self._post(el, scope, base, ctx) for el in elements]
        title = text_of(common.pick(tree, self.TITLE))
        page, page_count, next_url = self._pages(tree, base)
        crumbs = common.pick_all(tree, self.CRUMBS)
        return Thread(
            title=title,
            url=common.canonical(tree, base) or ctx.url,
            breadcrumbs=common.once(common.crumbs(crumbs, title)),
            page=page, page_count=page_count, next_page_url=next_url,
            posts=posts,
        )

    def _post(self, el, scope, base, ctx) -> Post:
        body_el = scope.one(el, self.BODY)
        body = extract_body(body_el, quote_css=self.QUOTE, quote_author_css=self.QUOTE_AUTHOR,
                            signature_css=None, edit_css=None, drop_css=self.DROP)
        posted = scope.first(el, *self.POSTED.split(", "))
        timestamp, raw = self._time(posted, ctx)
        edited, _ = self._time(scope.one(el, self.EDITED), ctx)
        link = scope.one(el, self.PERMALINK)
        post_id = attr(el, "data-lia-message-uid") or _first_id(el.get("class")) or _first_id(attr(link, "href"))
        kudos = scope.text(el, self.KUDOS)
        return Post(
            post_id=post_id,
            permalink=common.absolute(base, attr(link, "href")),
            author=self._author(el, scope, base, ctx),
            timestamp=timestamp,
            timestamp_raw=raw,
            title=scope.text(el, *self.SUBJECT.split(", ")),
            body=body.text,
            body_html=body.html,
            quotes=body.quotes,
            edited=edited,
            likes=parse_count(kudos, allow_abbrev=False) if kudos else None,
            attachments=[common.absolute(base, attr(a, "href")) for a in scope.all(el, self.ATTACHMENTS)],
        )

    def _author(self, el, scope, base, ctx) -> Author | None:
        name_el = scope.first(el, *self.NAME.split(", "))
        if name_el is None:
            return None
        link = name_el if name_el.tag == "a" else select_one(name_el, "a[href]")
        href = attr(link, "href")
        uid = _USER_ID.search(href or "")
        stats = common.stats_from_lines([_MARKS.sub("", line) for s in scope.all(el, self.STATS)
                                         for line in [" ".join(common.lines(s))]], ctx)
        sig = scope.one(el, self.SIGNATURE)
        return Author(
            name=text_of(name_el),
            rank=scope.text(el, *self.RANK.split(", ")) or common.image_label(scope.one(el, self.RANK_IMAGE)),
            post_count=stats.get("post_count"),
            joined=stats.get("joined"),
            location=stats.get("location"),
            user_id=uid.group(1) if uid else None,
            profile_url=common.absolute(base, href),
            avatar_url=common.absolute(base, attr(scope.one(el, self.AVATAR), "src")),
            signature=(render_text(sig) or None) if sig is not None else None,
        )

    def _time(self, el, ctx) -> tuple[str | None, str | None]:
        """Khoros prints "Posted on" labels, direction marks, and "a week ago" with the date in a title."""
        if el is None:
            return None, None
        friendly = select_one(el, ".local-friendly-date[title]")
        parts = [text_of(select_one(el, css)) for css in (".local-date", ".local-time")]
        shown = " ".join(p for p in parts if p) if parts[0] else text_without(el, self.LABELS)
        shown = _MARKS.sub("", shown or "").strip() or None
        full = _MARKS.sub("", attr(friendly, "title") or attr(el, "title") or "").strip() or None
        if friendly is not None or (full and not re.search(r"\d{1,2}:\d{2}", shown or "")):
            return ctx.dates.iso(full) if full else None, shown
        return ctx.dates.iso(shown) if shown else None, shown

    def _pages(self, tree, base):
        pager = common.pick(tree, self.PAGER)
        if pager is None:
            return None, None, None
        current = select_one(pager, ".lia-paging-page-active, .lia-link-disabled")
        page, count, next_url = common.pages_from(select(pager, "a"), current, base)
        nxt = select_one(pager, ".lia-paging-page-next a[href]")
        return page, count, common.absolute(base, attr(nxt, "href")) if nxt is not None else next_url


def _first_id(value: str | None) -> str | None:
    m = _UID.search(value or "")
    return next((g for g in m.groups() if g), None) if m else None


ADAPTERS = (Khoros,)
