"""WoltLab Burning Board thread pages: WBB 3 (div.message), WBB 4 and WoltLab Suite Forum 5/6 (article.wbbPost)."""
from __future__ import annotations

import re

import attrs

from ..html.body import extract_body, render_text
from ..html.pageinfo import PostScope, author_stats, id_in_url, label_pairs, link_href, meta_content, text_without
from ..html.select import attr, select, select_one, text_of
from ..numbers import parse_count
from ..records import Author, Post, Thread
from . import _html_common as common
from .base import Adapter

_POST_ID = re.compile(r"^post(?:Row)?(\d+)$")
_EDIT_DATE = re.compile(r"\(([^()]*\d[^()]*)\)\s*\.?\s*$")  # "..., zuletzt von „bob“ (17. April 2019, 11:00)."
# WBB 3 labels its statistics with words our shared vocabulary does not read as a join date
_LABELS = {"registrierungsdatum": "Registriert", "date of registration": "Registered", "wohnort": "Location"}


class WoltLab(Adapter):
    name = "woltlab"
    hints = ("woltlab", "wcf", "wbb")  # fingerprint words that put this adapter first (registry)
    format = "html"
    description = "WoltLab Burning Board 3 / 4 and WoltLab Suite Forum 5 / 6 thread pages"

    GATE = ("WCF", "wcf", "WoltLab", "woltlab", "wbb")
    NEED = ("wbbPost", "messageText", "postText")  # its post markup
    MARKERS = ("WCF.User.init", "WCF_PATH", "SECURITY_TOKEN", "/wcf/", "com.woltlab.wbb", "wbbPost",
               "messageSidebar", "quoteBoxTitle", "userCredits", "wbbThreadPostList", "WoltLabSuite")
    STRONG = ("WoltLabSuite.Core", "com.woltlab.wbb.Thread", 'data-application="wbb"', "Burning Board®",
              "Forum Software: Burning Board", "Powered by WoltLab", "woltlab.com/\" rel=\"", "Burning Board&reg;")

    POSTS = "article.wbbPost, div.message[id^=postRow], li[id^=post] > div.message"
    NAME = (".messageAuthor a.username, .messageAuthor .userName a, .messageAuthor a.userLink, "
            ".messageAuthor [itemprop=name], .messageAuthor .username, .messageAuthor .userName, "
            ".messageHeadline .username a, .messageHeadline a.userLink")
    USERTITLE = ".messageAuthor .userTitle .badge, .messageAuthor .userTitle, .userTitle"
    RANK_IMAGE = ".messageAuthor .userRank img, .userRank img"
    CREDITS = ".userCredits"
    AVATAR = ".userAvatar img, .messageAuthor img.userAvatarImage"
    TIME = (".messageHeader time[datetime], .messagePublicationTime time, a.permalink time, time.datetime, "
            ".messageHeader woltlab-core-date-time, "
            ".messageHeader .containerContent p.smallFont, .messageHeader .smallFont")
    PERMALINK = "a.permalink[href], a.messagePublicationTime[href], a.messageNumber[href], .messageNumber a[href]"
    BODY = ".messageText, div[id^=postText]"
    SUBJECT = ".messageTitle span, h3.messageTitle"
    SIGNATURE = ".messageSignature, .signature"
    EDIT = ".wbbPostEditNote, .messageFooterNote, p.editNote, .editNote"
    LIKES = ".reactionCount, .likesBadge, .wcfLikeCounter"
    ATTACHMENTS = ".attachmentThumbnailList a[href], .attachmentFileList a[href], .attachmentList a[href]"
    QUOTE = "blockquote.quoteBox, div.quoteBox, blockquote.quote"
    QUOTE_AUTHOR = ".quoteBoxTitle, .quoteHeader h3, .quoteHeader"
    DROP = ".quoteBoxIcon, .codeBoxHeader, .messageQuickOptions, .collapsibleBbcodeButton, .toggleButton"
    TITLE = ("h1.contentTitle, .contentHeaderTitle h1, header.boxHeadline h1, .mainHeadline h2, "
             ".contentHeader h1")
    TITLE_LABELS = ".badge, .label, .wbbThreadPrefix"
    CRUMBS = (".breadcrumbs li [itemprop=name], .breadcrumbs li a span, .breadcrumbs li a, "
              ".navigation .breadcrumbs a, ul.breadCrumbs a")
    PAGER = ".pagination, .pageNavigation"

    def detect(self, doc) -> float:
        return common.detect_score(doc, self.MARKERS, self.STRONG, self.GATE, self.NEED)

    def parse(self, doc, ctx) -> Thread:
        tree = doc.tree
        base = common.page_base(tree, ctx.url)
        elements = [el for el in select(tree, self.POSTS) if common.pick(el, self.BODY) is not None]
        scope = PostScope(elements)
        posts = [self._post(el, scope, base, ctx) for el in elements]
        title = self._title(tree)
        page, page_count, next_url = self._pages(tree, base)
        return Thread(
            title=title,
            url=common.canonical(tree, base) or ctx.url,
            breadcrumbs=self._crumbs(tree, title),
            page=page, page_count=page_count, next_page_url=next_url,
            posts=posts,
        )

    # -- posts -----------------------------------------------------------------------------
    def _post(self, el, scope, base, ctx) -> Post:
        body_el = scope.one(el, self.BODY)
        body = extract_body(body_el, quote_css=self.QUOTE, quote_author_css=self.QUOTE_AUTHOR,
                            signature_css=None, edit_css=None, drop_css=self.DROP)
        timestamp, raw = common.stamp(scope.first(el, *self.TIME.split(", ")), ctx)
        link = scope.first(el, *self.PERMALINK.split(", "))
        link = scope.one(el, self.PERMALINK) if link is None else link
        edited = None
        note = scope.text(el, self.EDIT)
        if note:
            m = _EDIT_DATE.search(note)
            edited = ctx.dates.iso(m.group(1)) if m else None
        likes = [parse_count(text_of(c), allow_abbrev=False) for c in scope.all(el, self.LIKES)]
        likes = [n for n in likes if n is not None]
        return Post(
            post_id=attr(el, "data-post-id") or _post_id(el),
            permalink=common.absolute(base, attr(link, "href")),
            author=self._author(el, scope, base, ctx),
            timestamp=timestamp,
            timestamp_raw=raw,
            title=scope.text(el, self.SUBJECT),
            body=body.text,
            body_html=body.html,
            quotes=[_quote_author(q) for q in body.quotes],
            edited=edited,
            likes=sum(likes) if likes else None,
            attachments=[common.absolute(base, attr(a, "href")) for a in scope.all(el, self.ATTACHMENTS)],
        )

    def _author(self, el, scope, base, ctx) -> Author | None:
        name_el = scope.first(el, *self.NAME.split(", "))
        if name_el is None:
            return None
        link = name_el if name_el.tag == "a" else next(name_el.iterancestors("a"), None)
        link = select_one(name_el, "a[href]") if link is None else link
        href = attr(link, "href")
        credits = scope.one(el, self.CREDITS)
        pairs = [(_LABELS.get(label.lower(), label), value) for label, value in label_pairs(credits, "dl")]
        stats = author_stats(pairs, ctx)
        if credits is not None and not pairs:  # WBB 3: "Beiträge: 1.234" lines
            stats = common.stats_from_lines([_relabel(line) for line in common.lines(credits)], ctx)
        rank_img = scope.one(el, self.RANK_IMAGE)
        signature_el = scope.one(el, self.SIGNATURE)
        return Author(
            name=text_of(name_el) or "",
            rank=scope.text(el, *self.USERTITLE.split(", ")) or common.image_label(rank_img),
            post_count=stats.get("post_count"),
            joined=stats.get("joined"),
            location=stats.get("location"),
            user_id=(attr(link, "data-user-id") or attr(link, "data-object-id") or common.query_id(href, "userID")
                     or id_in_url(href) or attr(el, "data-user-id")),
            profile_url=common.absolute(base, href),
            avatar_url=common.absolute(base, attr(scope.one(el, self.AVATAR), "src")),
            signature=(render_text(signature_el) or None) if signature_el is not None else None,
        )

    # -- thread ----------------------------------------------------------------------------
    def _title(self, tree) -> str | None:
        return text_without(common.pick(tree, self.TITLE), self.TITLE_LABELS) or meta_content(tree, "og:title") \
            or common.page_title(tree)

    def _crumbs(self, tree, title) -> list[str]:
        for css in self.CRUMBS.split(", "):
            found = [t for t in (text_of(e) for e in select(tree, css)) if t]
            if found:
                found = common.once(found)
                return found[:-1] if title and found[-1] == title else found
        return []

    def _pages(self, tree, base):
        pager = common.pick(tree, self.PAGER)
        if pager is None:
            return None, None, None
        current = select_one(pager, "li.active span, li.active, .active")
        page, count, next_url = common.pages_from(select(pager, "a"), current, base)
        declared = parse_count(attr(pager, "data-pages"), allow_abbrev=False)
        if declared:
            count = max(declared, page or 1)
        nxt = link_href(tree, "next") or attr(select_one(pager, "a[rel=next]"), "href")
        if nxt:
            next_url = common.absolute(base, nxt)
        return page, count, next_url


def _post_id(el) -> str | None:
    for candidate in (el, el.getparent()):
        if candidate is None:
            continue
        m = _POST_ID.match(candidate.get("id") or "")
        if m:
            return m.group(1)
    return None


def _relabel(line: str) -> str:
    label, sep, value = line.partition(":")
    return f"{_LABELS.get(label.strip().lower(), label)}{sep}{value}" if sep else line


def _quote_author(quote):
    """WBB 3 titles quotes "Zitat von »bob«"; the guillemets are not part of the name."""
    if quote.author:
        return attrs.evolve(quote, author=quote.author.strip("»«„“” "))
    return quote


ADAPTERS = (WoltLab,)
