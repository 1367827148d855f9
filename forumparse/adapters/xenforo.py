"""XenForo 1 (li.message, messageUserInfo) and XenForo 2 (article.message--post) thread pages."""
from __future__ import annotations

import re

from ..html.body import extract_body, render_text
from ..html.pageinfo import (
    PostScope,
    absolute,
    author_stats,
    base_url,
    canonical_url,
    count_named,
    id_in_url,
    label_pairs,
    link_href,
    meta_content,
    text_without,
    texts,
)
from ..html.select import attr, class_set, select_one, text_of, xpath
from ..numbers import parse_count
from ..records import Author, Post, Quote, Thread
from ._html_common import has_any, has_last
from ._scope import outermost, within
from .base import Adapter

_POST_ID = re.compile(r"(\d+)$")


class XenForo(Adapter):
    name = "xenforo"
    format = "html"
    priority = 0.6
    description = "XenForo 1.x and 2.x thread pages"
    hints = ("xenforo", "xf_")

    # XenForo 2
    # an article thread (XF 2.2+) opens with a "message--article" post
    POST2 = "article.message--post, div.message--post, article.message--article"
    NAME2 = ".message-name .username, .message-name, .message-attribution-user .username"  # the last: articles
    TITLE2 = ".message-userTitle, .userTitle"
    BANNER2 = ".message-userBanner, .userBanner"
    EXTRAS2 = ".message-userExtras dl"
    AVATAR2 = ".message-avatar img"
    TIME2 = ".message-attribution time, header time"
    PERMALINK2 = ".message-attribution-main a[href], .message-attribution a[href*='post']"
    BODY2 = ".message-body .bbWrapper, .message-content .bbWrapper, .message-body"
    SIGNATURE2 = ".message-signature"
    EDIT2 = ".message-lastEdit"
    LIKES2 = ".reactionsBar-link, .likesBar-link, .likesBar .likeText"
    ATTACH2 = ".message-attachments a[href], .attachmentList a.file-preview[href]"
    # XenForo 1
    POST1 = "li.message[data-author], div.message[data-author]"
    NAME1 = ".messageUserInfo .username, .messageUserBlock .username"
    TITLE1 = ".messageUserInfo .userTitle"
    BANNER1 = ".messageUserInfo .userBanner"
    EXTRAS1 = ".extraUserInfo dl"
    AVATAR1 = ".messageUserInfo .avatar img"
    TIME1 = ".messageMeta .datePermalink .DateTime, .messageMeta .DateTime, .messageDetails .DateTime"
    PERMALINK1 = ".messageMeta a.datePermalink, .messageMeta a.hashPermalink, a.datePermalink"
    BODY1 = "blockquote.messageText, .messageContent .messageText"
    SIGNATURE1 = ".signature"
    EDIT1 = ".editDate"
    LIKES1 = ".likesSummary .LikeText"
    RATINGS1 = ".dark_postrating_outputlist li strong"  # the popular Post Ratings add-on: "Like x 3"
    ATTACH1 = ".attachedFiles .attachment a[href], .attachedFiles a.filename[href]"
    # shared by both
    QUOTE = "blockquote.bbCodeBlock--quote, .bbCodeQuote, blockquote.bbCodeBlock[data-quote]"
    QUOTE_AUTHOR = ".bbCodeBlock-title, .attribution"
    DROP = (".bbCodeBlock-expandLink, .quoteExpand, .js-selectToQuoteEnd, .messageTextEndMarker, "
            ".bbCodeBlock-shrinkLink, .bbCodeSpoiler-button, .js-unfurl-favicon")
    THREAD_TITLE = "h1.p-title-value, .titleBar h1, h1"
    TITLE_LABELS = ".label, .labelLink, .prefix, .p-title-pageAction"
    CRUMBS = ("ul.p-breadcrumbs li [itemprop=name], ul.p-breadcrumbs li a, "
              ".breadBoxTop .crumbs .crumb span[itemprop=title], .breadBoxTop .crumbs a.crumb")

    def detect(self, doc) -> float:
        tree = doc.tree
        if tree is None:
            return 0.0
        if tree.get("id") in ("XF", "XenForo"):
            return 1.0
        score = 0.0
        if has_any(doc, ("data-xf-init", "XF.ready", "XenForo.activate")):
            score = 0.8
        elif (has_last(doc, "XenForo", 60_000) or has_last(doc, "xenforo.com/?utm", 60_000)) and re.search(
                r"Forum software by XenForo|Powered by XenForo|xenforo\.com/\?utm", doc.text[-60000:]):
            score = 0.4  # a credit line alone could sit in another forum's post
        if score and (select_one(tree, self.POST2) is not None or select_one(tree, self.POST1) is not None):
            score += 0.5
        return min(score, 1.0)

    def parse(self, doc, ctx) -> Thread:
        tree = doc.tree
        base = base_url(tree, ctx.url)
        classed = _CLASSES(tree)  # the class attribute values serve the page-level lookups
        posts_el = [p for p in (v.getparent() for v in classed if "message--" in v)  # POST2
                    if p.tag in ("article", "div") and not _POST2_KINDS.isdisjoint(names := class_set(p))
                    and (p.tag == "article" or "message--post" in names)]
        v2 = bool(posts_el)
        if v2:
            scope = PostScope(posts_el, page_classes=classed)
        else:  # POST1: the messages with a body (looked up for all at once, as the posts' other parts)
            found = [p for p in _classed(classed, "message", ("li", "div")) if p.get("data-author") is not None]
            scope = PostScope(found, page_classes=classed)
            posts_el = [p for p in found if scope.one(p, self.BODY1) is not None]
            if len(posts_el) < len(found):
                scope = PostScope(posts_el, page_classes=classed)
        posts = [self._post(p, scope, v2, base, ctx) for p in posts_el]
        page, page_count, next_url = self._pages(tree, classed, base)
        return Thread(
            title=self._title(tree),
            url=canonical_url(tree, ctx.url),
            breadcrumbs=self._crumbs(classed),
            page=page, page_count=page_count, next_page_url=next_url,
            posts=[p for p in posts if p is not None],
        )

    # -- posts -----------------------------------------------------------------------------
    def _post(self, el, scope, v2: bool, base, ctx) -> Post | None:
        sel = _V2 if v2 else _V1
        body_el = scope.one(el, sel["body"])
        if body_el is None:
            return None  # a deleted post's placeholder (XF 2 "message--deleted"): a notice, no message
        body = extract_body(body_el, quote_css=self.QUOTE, quote_author_css=self.QUOTE_AUTHOR,
                            signature_css=None, edit_css=None, drop_css=self.DROP)
        stamp = scope.one(el, sel["time"])
        timestamp, raw = _time(stamp, ctx)
        link = scope.one(el, sel["permalink"])
        post_id = _post_id(el)
        signature_el = scope.one(el, sel["signature"])
        edit_el = scope.one(el, sel["edit"])
        edited = None
        if edit_el is not None:
            edited = _time(select_one(edit_el, "time, .DateTime"), ctx)[0]
        likes_el = scope.one(el, sel["likes"])
        likes = count_named(likes_el, "bdi, a.username, .username") if likes_el is not None else None
        if likes is None and not v2:
            ratings = [parse_count(text_of(r), allow_abbrev=False) for r in scope.all(el, self.RATINGS1)]
            likes = sum(r for r in ratings if r) if ratings else None
        return Post(
            post_id=post_id,
            permalink=absolute(base, attr(link, "href")),
            author=self._author(el, scope, sel, base, ctx, signature_el),
            timestamp=timestamp,
            timestamp_raw=raw,
            body=body.text,
            body_html=body.html,
            quotes=[Quote(author=q.author, text=q.text, post_id=q.post_id) for q in body.quotes],
            edited=edited,
            likes=likes,
            attachments=[absolute(base, attr(a, "href")) for a in scope.all(el, sel["attach"])],
        )

    def _author(self, el, scope, sel, base, ctx, signature_el) -> Author:
        name_el = scope.first(el, *sel["name"].split(", "))
        name = attr(el, "data-author") or text_of(name_el) or ""
        link = name_el if name_el is not None and name_el.tag == "a" else select_one(name_el, "a[href]")
        profile = absolute(base, attr(link, "href"))
        user_id = attr(link, "data-user-id") or attr(name_el, "data-user-id") or id_in_url(attr(link, "href"))
        rank = scope.text(el, sel["title"], sel["banner"])
        extras = [p for dl in scope.all(el, sel["extras"]) for p in label_pairs(dl, "dl")]
        stats = author_stats(extras, ctx)
        avatar = scope.one(el, sel["avatar"])
        return Author(
            name=name, rank=rank, post_count=stats.get("post_count"), joined=stats.get("joined"),
            user_id=user_id, profile_url=profile, avatar_url=absolute(base, attr(avatar, "src")),
            location=stats.get("location"),
            signature=render_text(signature_el) or None if signature_el is not None else None,
        )

    # -- thread ----------------------------------------------------------------------------
    def _title(self, tree) -> str | None:
        heading = next(tree.iter("h1"), None)  # THREAD_TITLE: its last part takes any h1, the first
        title = text_without(heading, self.TITLE_LABELS)
        return title or meta_content(tree, "og:title")

    def _crumbs(self, classed) -> tuple[str, ...]:
        for container, expr in _CRUMB_PARTS:  # CRUMBS, in its order
            found = texts(within(_outermost_classed(classed, *container), expr))
            if found:
                # the header and the footer both carry the trail: keep the first copy
                half = len(found) // 2
                if half and found[:half] == found[half:]:
                    found = found[:half]
                return found
        return ()

    def _pages(self, tree, classed, base):
        page = page_count = None
        classed = [v for v in classed if "ageNav" in v]  # the class names below all hold it: one scan
        navs = [el for el in _classed(classed, "PageNav") if el.get("data-page") is not None]  # .PageNav[data-page]
        if navs:  # XenForo 1
            page, page_count = parse_count(navs[0].get("data-page")), parse_count(navs[0].get("data-last"))
        else:
            current = next(iter(_classed(classed, "pageNav-page--current")), None)
            if current is not None:
                page = parse_count(text_of(current))
                pages = [parse_count(text_of(a))  # .pageNav-main .pageNav-page
                         for a in within(_outermost_classed(classed, "pageNav-main"), _PAGE_LINKS)]
                page_count = max([p for p in pages if p] or [page])
        next_href = link_href(tree, "next") or attr(
            next(iter(_classed(classed, "pageNav-jump--next", ("a",))), None), "href")
        if not next_href and page and page_count and page < page_count:
            # XenForo 1: "< Prev" ... "Next >" (.PageNav nav a.text[href])
            jumps = list(within(_outermost_classed(classed, "PageNav"), _JUMPS))
            next_href = attr(jumps[-1], "href") if jumps else None
        if page is not None and page_count is not None and page >= page_count:
            next_href = None
        return page, page_count, absolute(base, next_href)


# The page's class attribute values: filtered in Python, cheaper than XPath string tests, and
# than one scan of the page per selector.
_CLASSES = xpath("//@class")
_HAS_CLASS = "contains(concat(' ', normalize-space(@class), ' '), ' {} ')"
_PAGE_LINKS = ".//*[" + _HAS_CLASS.format("pageNav-page") + "]"
_JUMPS = ".//nav//a[@href][" + _HAS_CLASS.format("text") + "]"
# CRUMBS, part by part: (the container's class, and tag if named), then what to take under it
_CRUMB_PARTS = (
    (("p-breadcrumbs", ("ul",)), ".//li//*[@itemprop='name']"),
    (("p-breadcrumbs", ("ul",)), ".//li//a"),
    (("breadBoxTop",), ".//*[" + _HAS_CLASS.format("crumbs") + "]//*[" + _HAS_CLASS.format("crumb")
     + "]//span[@itemprop='title']"),
    (("breadBoxTop",), ".//*[" + _HAS_CLASS.format("crumbs") + "]//a[" + _HAS_CLASS.format("crumb") + "]"),
)
_POST2_KINDS = frozenset({"message--post", "message--article"})


def _classed(classed, name: str, tags: tuple = ()) -> list:
    """The elements (of `tags`, when given) with class `name`, in page order."""
    found = (v.getparent() for v in classed if name in v)
    return [el for el in found if (not tags or el.tag in tags) and name in class_set(el)]


def _outermost_classed(classed, name: str, tags: tuple = ()) -> list:
    return outermost(_classed(classed, name, tags))


_V2 = {"name": XenForo.NAME2, "title": XenForo.TITLE2, "banner": XenForo.BANNER2, "extras": XenForo.EXTRAS2,
       "avatar": XenForo.AVATAR2, "time": XenForo.TIME2, "permalink": XenForo.PERMALINK2, "body": XenForo.BODY2,
       "signature": XenForo.SIGNATURE2, "edit": XenForo.EDIT2, "likes": XenForo.LIKES2, "attach": XenForo.ATTACH2}
_V1 = {"name": XenForo.NAME1, "title": XenForo.TITLE1, "banner": XenForo.BANNER1, "extras": XenForo.EXTRAS1,
       "avatar": XenForo.AVATAR1, "time": XenForo.TIME1, "permalink": XenForo.PERMALINK1, "body": XenForo.BODY1,
       "signature": XenForo.SIGNATURE1, "edit": XenForo.EDIT1, "likes": XenForo.LIKES1, "attach": XenForo.ATTACH1}


def _post_id(el) -> str | None:
    for name in ("data-content", "id"):
        match = _POST_ID.search(el.get(name) or "")
        if match:
            return match.group(1)
    return None


def _time(el, ctx) -> tuple[str | None, str | None]:
    """Machine attributes first (datetime=, data-time epoch), then the shown title or text."""
    if el is None:
        return None, None
    raw = attr(el, "title") or text_of(el)
    for name in ("datetime", "data-timestamp", "data-time"):
        value = ctx.dates.machine(attr(el, name))
        if value:
            return value, raw
    return ctx.dates.iso(raw), raw


ADAPTERS = (XenForo,)
