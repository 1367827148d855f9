"""FluxBB 1.4/1.5 and PunBB 1.2 topic pages (div.blockpost), and PunBB 1.3/1.4 (div.post with .posthead)."""
from __future__ import annotations

import re

from ..html.body import extract_body
from ..html.page_classes import by_class, holders, within
from ..html.pageinfo import PostScope
from ..html.select import attr, select, select_one, text_of
from ..records import Author, Post, Thread
from . import _html_common as common
from .base import Adapter

_POST_ID = re.compile(r"^p(\d+)$")
_EDITED = re.compile(r"\((.+?)\)\s*$")
_POST_NUMBER = re.compile(r"^#\d+\s*")
_TOPIC_PREFIX = re.compile(r"^\s*(?:Topic|Thema|Sujet|Tema|Temat|Argomento|Onderwerp|Тема)\s*:\s*", re.I)


class FluxBB(Adapter):
    name = "fluxbb"
    format = "html"
    description = "FluxBB 1.4 / 1.5 and PunBB 1.2-1.4 topic pages"
    hints = ("fluxbb", "punbb", "punviewtopic", "brd-")

    GATE = ("blockpost", "punbb", "PunBB", "FluxBB", "fluxbb", "brd-", "id=\"pun")  # near the start of every page
    MARKERS = ('class="blockpost', 'class="postleft', 'class="postmsg', 'class="postsignature', 'id="brdmain"',
               'id="brdfooter"', 'id="brd-main"', 'class="author-ident"', 'class="entry-content"', "sig-content")
    STRONG = (">FluxBB</a>", ">PunBB</a>", "Powered by FluxBB", "Powered by PunBB",
              'id="punviewtopic"', 'id="punbb"', 'id="brd-viewtopic"')

    # FluxBB / PunBB 1.2
    POSTS = "div.blockpost"
    NAME = ".postleft dt strong a, .postleft dt a, .postleft dt strong, .postleft dt"
    USERTITLE = ".postleft dd.usertitle"
    AVATAR = ".postleft dd.postavatar img"
    STATS = ".postleft dl"
    DATE = "h2 span a, h2 a, h2"
    SUBJECT = ".postright h3"
    BODY = ".postright .postmsg, .postmsg"
    # PunBB 1.3 / 1.4
    POSTS_13 = "div.post"
    NAME_13 = ".author-ident .username a, .author-ident .username, .post-byline strong"
    USERTITLE_13 = ".author-ident .usertitle"
    AVATAR_13 = ".author-ident .useravatar img"
    STATS_13 = ".author-info"
    DATE_13 = ".post-link a, .posthead .post-link"
    SUBJECT_13 = ".entry-title"
    BODY_13 = ".entry-content"
    # shared
    QUOTE = "div.quotebox, blockquote"
    QUOTE_AUTHOR = "cite"
    SIGNATURE = ".postsignature, .sig-content"
    EDIT = ".postedit, .lastedit"
    DROP = ".sig-line"
    ATTACHMENTS = "a[href*='attachment.php'], .attachments a[href]"
    TITLE = "ul.crumbs li strong a, ul.crumbs li:last-child a, #brd-pagepost-top h1, .main-title, h1"
    PAGER = ".pagelink, .paging"
    # parse: the page-level boxes from one class/id pass (TITLE's parts looked up inside them)
    PAGE_BOXES = {"posts": POSTS, "posts_13": POSTS_13, "body_13": BODY_13, "pager0": ".pagelink", "pager1": ".paging",
                  "crumbs": ".crumbs", "pagepost_top": "#brd-pagepost-top", "main_title": ".main-title"}

    def detect(self, doc) -> float:
        return common.detect_score(doc, self.MARKERS, self.STRONG, self.GATE)

    def parse(self, doc, ctx) -> Thread:
        tree = doc.tree
        base = common.page_base(tree, ctx.url)
        found = by_class(tree, **self.PAGE_BOXES)
        elements = found["posts"]
        v13 = not elements
        if v13:
            with_body = holders(found["body_13"])  # a post box holds an .entry-content: no XPath per box
            elements = [el for el in found["posts_13"] if el in with_body]
        scope = PostScope(elements)  # one lookup per selector for all posts
        attachments = "attachment" in doc.text  # else no attachment link or box (the lookup tests every link)
        posts = [p for p in (self._post(el, scope, v13, attachments, base, ctx) for el in elements) if p is not None]
        page = page_count = next_url = None
        pager = next(iter(found["pager0"] or found["pager1"]), None)
        if pager is not None:
            page, page_count, next_url = common.pages_from(select(pager, "a"), select_one(pager, "strong"), base)
            nxt = select_one(tree, "link[rel=next], a[rel=next]")
            if nxt is not None:
                next_url = common.absolute(base, nxt.get("href"))
        title = _title(tree, found)
        title = _TOPIC_PREFIX.sub("", title) if title else None
        return Thread(
            title=title,
            url=common.canonical(tree, base) or ctx.url,
            breadcrumbs=common.crumbs(select(next(iter(found["crumbs"]), None), "a"), title),
            page=page, page_count=page_count, next_page_url=next_url, posts=posts,
        )

    def _post(self, el, scope, v13: bool, attachments: bool, base, ctx) -> Post | None:
        body_el = scope.pick(el, *common.parts(self.BODY_13 if v13 else self.BODY))
        if body_el is None:
            return None
        body = extract_body(body_el, quote_css=self.QUOTE, quote_author_css=self.QUOTE_AUTHOR,
                            signature_css=self.SIGNATURE, edit_css=self.EDIT, drop_css=self.DROP)
        date_el = scope.pick(el, *common.parts(self.DATE_13 if v13 else self.DATE))
        raw = text_of(date_el)
        if raw and not v13:
            raw = _POST_NUMBER.sub("", raw)  # PunBB 1.2 prints the post number in the same h2
        link = date_el if date_el is not None and date_el.tag == "a" else None
        post_id = _post_id(el, scope)
        edited = None
        if body.edited:
            m = _EDITED.search(body.edited)
            edited = ctx.dates.iso(m.group(1)) if m else None
        return Post(
            post_id=post_id,
            permalink=common.absolute(base, link.get("href")) if link is not None else None,
            author=self._author(el, scope, v13, base, ctx),
            timestamp=ctx.dates.iso(raw) if raw else None,
            timestamp_raw=raw,
            title=scope.text(el, *common.parts(self.SUBJECT_13 if v13 else self.SUBJECT)),
            body=body.text,
            body_html=body.html,
            quotes=body.quotes,
            edited=edited,
            attachments=[common.absolute(base, a.get("href")) for a in scope.all(el, self.ATTACHMENTS)]
            if attachments else [],
        )

    def _author(self, el, scope, v13: bool, base, ctx) -> Author | None:
        name_el = scope.pick(el, *common.parts(self.NAME_13 if v13 else self.NAME))
        if name_el is None:
            return None
        link = name_el if name_el.tag == "a" else select_one(name_el, "a[href]")
        href = link.get("href") if link is not None else None
        stats_el = scope.pick(el, *common.parts(self.STATS_13 if v13 else self.STATS))
        stats = common.stats_from_lines(common.lines(stats_el), ctx)
        avatar = scope.pick(el, *common.parts(self.AVATAR_13 if v13 else self.AVATAR))
        title_el = scope.pick(el, *common.parts(self.USERTITLE_13 if v13 else self.USERTITLE))
        sig = scope.pick(el, *common.parts(self.SIGNATURE))
        return Author(
            name=text_of(name_el) or "",
            rank=text_of(title_el) or (common.image_label(title_el) if title_el is not None else None),
            post_count=stats.get("post_count"),
            joined=stats.get("joined"),
            location=stats.get("location"),
            user_id=common.query_id(href, "id"),
            profile_url=common.absolute(base, href),
            avatar_url=common.absolute(base, attr(avatar, "src")),
            signature="\n".join(common.lines(sig)) or None if sig is not None else None,
        )


def _title(tree, found) -> str | None:
    """common.pick_text(tree, FluxBB.TITLE) from the page boxes `found`."""
    lists = [f for f in found["crumbs"] if f.tag == "ul"]
    for candidates in (within(lists, "li strong a"), within(lists, "li:last-child a"),
                       within(found["pagepost_top"], "h1"), found["main_title"], tree.iter("h1")):
        text = next(filter(None, map(text_of, candidates)), None)
        if text:
            return text
    return None


def _post_id(el, scope) -> str | None:
    for value in (el.get("id"), *(h.get("id") for h in scope.all(el, ".posthead[id]"))):
        m = _POST_ID.match(value or "")
        if m:
            return m.group(1)
    return None


ADAPTERS = (FluxBB,)
