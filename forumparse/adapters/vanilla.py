"""Vanilla Forums 2.x discussion pages: the discussion (#Discussion_N) and its comments (#Comment_N)."""
from __future__ import annotations

import re

import attrs

from ..html.body import extract_body
from ..html.page_classes import with_id_prefix
from ..html.pageinfo import PostScope
from ..html.select import attr, select, select_one, text_of
from ..numbers import parse_count
from ..records import Author, Post, Thread
from . import _html_common as common
from .base import Adapter

_ITEM_ID = re.compile(r"^(?:Discussion|Comment)_(\d+)$")
_PROFILE_ID = re.compile(r"/profile/(\d+)/")
# "Edited March 12, 2017 2:05PM by X." and its locale packs' wording
_EDITED = re.compile(r"(?:Edited|Bearbeitet|Modifié|Editado|Modificato|Bewerkt|Отредактировано|Edytowano)\s+(.+?)"
                     r"(?:\s+(?:by|von|par|por|da|door|пользователем|przez)\s.*)?\.?$", re.I)


class Vanilla(Adapter):
    name = "vanilla"
    format = "html"
    description = "Vanilla Forums 2.x discussion pages"
    hints = ("vanilla", "gdn", "applications/dashboard")

    GATE = ("Vanilla", "vanilla", "gdn")  # one of these is near the start of every page
    MARKERS = ("gdn.meta", "gdn=window.gdn", "/applications/vanilla/", "/applications/dashboard/", "ItemComment",
               "vanillicon", "DataList Comments", "Vanilla.js", "CommentHeading")
    # gdn: Garden, the framework Vanilla is built on
    STRONG = ('content="Vanilla', "Powered by Vanilla", "PoweredByVanilla", "gdn=window.gdn")

    ITEMS = ("Discussion_", "Comment_")  # [id^=Discussion_], [id^=Comment_]
    ITEM_CLASSES = ".ItemDiscussion, .ItemComment"
    NAME = ".Author a.Username, a.Username, .Author a[href*='/profile/']:not(.PhotoWrap), .Author"
    # a rank (a title earned or given) before the role, which is the member's group
    RANK = ".AuthorInfo .Rank, .MItem.Rank, .Rank, .AuthorTitle, .AuthorInfo .RoleTitle, .RoleTitle"
    LOCATION = ".AuthorLocation"
    POST_COUNT = ".PostCount, .CountPosts, .AuthorInfo .MItem-PostCount"
    AVATAR = ".Author a.PhotoWrap img, img.ProfilePhoto, .Author img"
    TIME = ".DateCreated time, .Meta time, time"
    DATE = ".DateCreated"
    PERMALINK = "a.Permalink, .Permalink a[href], .DateCreated a[href]"
    BODY = "div.Message"
    QUOTE = "blockquote, .Quote, .UserQuote, .embedQuote"  # .embedQuote: the rich editor's quote card
    QUOTE_AUTHOR = ".QuoteAuthor, cite, .embedText-userName, .embedQuote-userName"
    SIGNATURE = ".Signature, .UserSignature"
    EDITED = ".DateUpdated"
    LIKES = ".Reactions .ReactButton-Like .Count, .Reactions .Like .Count"
    ATTACHMENTS = ".Attachments a[href], .Attachment a[href]"
    SUBJECT = "h2.CommentHeading, .Item-Header h2"
    TITLE = ".PageTitle h1, #Item_0 h1, .Discussion h1, .DiscussionTabs .SubTab, h1"

    def detect(self, doc) -> float:
        return common.detect_score(doc, self.MARKERS, self.STRONG, self.GATE)

    def parse(self, doc, ctx) -> Thread:
        tree = doc.tree
        base = common.page_base(tree, ctx.url)
        # the page's selectors and the posts' share one index of the page's tags and classes:
        # page-level lookups (pager, breadcrumbs, title) are the scope of the root
        whole = PostScope([tree])
        items = [el for el in with_id_prefix(tree, *self.ITEMS) if _ITEM_ID.match(el.get("id") or "")]
        if not items:  # themes that drop the ids keep the item classes
            items = whole.all(tree, self.ITEM_CLASSES)
        scope = PostScope(items, within=whole)  # one pass per selector over the page, not one per post
        attachments = "Attachment" in doc.text  # else no .Attachment(s) box: no lookup (it tests every link)
        posts = [p for p in (self._post(el, scope, attachments, base, ctx) for el in items) if p is not None]
        page = page_count = next_url = None
        for pager in whole.all(tree, ".Pager"):
            page, page_count, next_url = common.pages_from(select(pager, "a"), select_one(pager, "a.Highlight"), base)
            nxt = select_one(pager, "a.Next[href]")
            if nxt is not None:
                next_url = common.absolute(base, nxt.get("href"))
            if page is not None:
                break
        title = whole.text(tree, *common.parts(self.TITLE))
        return Thread(
            title=title,
            url=common.canonical(tree, base) or ctx.url,
            breadcrumbs=common.crumbs(select(whole.one(tree, ".Breadcrumbs"), "a"), title),
            page=page, page_count=page_count, next_page_url=next_url, posts=posts,
        )

    def _post(self, el, scope, attachments, base, ctx) -> Post | None:
        body_el = scope.one(el, self.BODY)
        if body_el is None:
            return None
        body = extract_body(body_el, quote_css=self.QUOTE, quote_author_css=self.QUOTE_AUTHOR,
                            signature_css=self.SIGNATURE, edit_css=None)
        quotes = tuple(attrs.evolve(q, author=q.author.lstrip("@")) if q.author else q for q in body.quotes)
        stamp = scope.pick(el, *common.parts(self.TIME))
        timestamp = raw = None
        if stamp is not None:
            raw = attr(stamp, "title") or text_of(stamp)
            timestamp = ctx.dates.machine(attr(stamp, "datetime")) or ctx.dates.iso(attr(stamp, "title"))
        else:
            raw = text_of(scope.one(el, self.DATE))
            timestamp = ctx.dates.iso(raw) if raw else None
        link = scope.pick(el, *common.parts(self.PERMALINK))
        edited_el = scope.one(el, self.EDITED)
        edited = None
        if edited_el is not None:
            m = _EDITED.search(attr(edited_el, "title") or "")
            edited = ctx.dates.iso(m.group(1)) if m else None
        likes = scope.one(el, self.LIKES)
        return Post(
            post_id=common.number_suffix(el.get("id")),
            permalink=common.absolute(base, link.get("href")) if link is not None else None,
            author=self._author(el, scope, base, ctx),
            timestamp=timestamp,
            timestamp_raw=raw,
            title=text_of(scope.one(el, self.SUBJECT)) if "ItemDiscussion" not in (el.get("class") or "") else None,
            body=body.text,
            body_html=body.html,
            quotes=quotes,
            edited=edited,
            likes=parse_count(text_of(likes), allow_abbrev=False) if likes is not None else None,
            attachments=[common.absolute(base, a.get("href")) for a in scope.all(el, self.ATTACHMENTS)]
            if attachments else [],
        )

    def _author(self, el, scope, base, ctx) -> Author | None:
        name_el = scope.first(el, *common.parts(self.NAME))
        if name_el is None:
            return None
        href = name_el.get("href") if name_el.tag == "a" else None
        m = _PROFILE_ID.search(href or "")
        avatar = scope.pick(el, *common.parts(self.AVATAR))
        sig = scope.one(el, self.SIGNATURE)
        count = scope.one(el, self.POST_COUNT)
        return Author(
            name=text_of(name_el) or "",
            rank=scope.text(el, *common.parts(self.RANK)),
            post_count=parse_count(text_of(count), allow_abbrev=False) if count is not None else None,
            location=text_of(scope.one(el, self.LOCATION)),
            user_id=m.group(1) if m else attr(name_el, "data-userid"),
            profile_url=common.absolute(base, href),
            avatar_url=common.absolute(base, attr(avatar, "src")),
            signature="\n".join(common.lines(sig)) or None if sig is not None else None,
        )


ADAPTERS = (Vanilla,)
