"""Discuz! thread pages: Discuz! X 2 / 3 (table.plhin, div.authi, td.t_f) and Discuz! 6 / 7 (td.postauthor)."""
from __future__ import annotations

import copy
import re

import attrs
import lxml.html

from ..html.body import extract_body, render_text
from ..html.pageinfo import PostScope, author_stats, label_pairs, link_href, meta_content, text_without
from ..html.select import attr, select, select_one, text_of
from ..numbers import parse_count
from ..records import Author, Post, Thread
from . import _html_common as common
from .base import Adapter

_PID = re.compile(r"^pid(\d+)$")
_UID = re.compile(r"(?:[?&;]uid=|space-uid-|/u/)(\d+)")
_POSTED = re.compile(r"^\s*(?:发表于|發表於|posted\s+(?:on|at)|发表|發表)\s*[:：]?\s*", re.I)
_QUOTED_BY = re.compile(r"^(.+?)\s+(?:发表于|發表於|posted\s+(?:on|at)|at)\s", re.I)
_EDITED = re.compile(r"(?:于|於|\bat|\bon)\s+(\d{4}-\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}(?::\d{2})?)")
_VIEWS = re.compile(r"(?:查看|檢視|views?)\s*[:：]\s*([\d,]+)", re.I)
_REPLIES = re.compile(r"(?:回复|回覆|回復|repl(?:y|ies))\s*[:：]\s*([\d,]+)", re.I)
_PAGES = re.compile(r"(\d+)")
_EXACT = re.compile(r"^[\d,]+$")
# the user-statistics labels of the Chinese language packs, as the shared vocabulary names them
_LABELS = {"帖子": "Posts", "发帖数": "Posts", "發帖數": "Posts", "文章": "Posts", "注册时间": "Joined",
           "註冊時間": "Joined", "注册日期": "Joined", "註冊日期": "Joined", "来自": "Location", "來自": "Location",
           "register time": "Joined", "registered": "Joined"}


class Discuz(Adapter):
    name = "discuz"
    hints = ("discuz", "comsenz")  # fingerprint words that put this adapter first (registry)
    format = "html"
    description = "Discuz! X2 / X3 and Discuz! 6 / 7 thread pages"

    GATE = ("Discuz", "discuz", "STYLEID", "Comsenz")
    NEED = ("postmessage_", "Discuz! Archiver")  # its post markup, or the archive's name
    MARKERS = ("discuz_uid", "STYLEID", "IMGDIR", "VERHASH", "static/js/common.js", "forum.php?mod=viewthread",
               "id=\"postmessage_", "authorposton", "Comsenz", "viewthread.php?tid=", "include/js/common.js")
    STRONG = ('content="Discuz!', "Powered by <strong><a href=\"http://www.discuz.net\"", "Powered by Discuz!",
              "discuz.net\" target=\"_blank\">Discuz!</a>")

    POSTS = "table[id^=pid]"
    NAME = (".pls .authi a, td.pls .authi, .postauthor cite a, .postauthor .postinfo a, .postauthor cite, "
            ".postauthor .postinfo, td.pls .pi")  # the last: an anonymous poster's "匿名", no link
    # a custom title (p.xg1) above the user group; Discuz! 7 prints the group under the name
    RANK = (".favatar p.xg1, .favatar p em a, .favatar p em, .favatar p a[href*='usergroup'], "
            ".postauthor p.customstatus, .postauthor p em a, .postauthor p em")
    STAT_TABLE = ".tns th, .tns td"
    STAT_PAIRS = "dl.pil, dl.profile, .p_pop dl, .i dl"
    AVATAR = ".avatar img, .avatar_img img"
    TIME = "em[id^=authorposton]"
    PERMALINK = "a[id^=postnum], .pi strong a[href]"
    BODY = "[id^=postmessage_]"
    SIGNATURE = ".sign, .signatures"
    EDIT = ".pstatus"
    ATTACHMENTS = "a[href*='mod=attachment'], a[href*='attachment.php?aid=']"
    QUOTE = "div.quote"
    QUOTE_AUTHOR = "blockquote font[color], blockquote > font"
    DROP = ".quote > h5, .blockcode em, .tip, .attach_popup, .jammer, .pstatus"
    TITLE = "#thread_subject, h1.ts, #threadtitle h1, .viewthread h1, h1"
    TITLE_LABELS = "a, .threadtype"
    STATS = "#postlist .hm, .hm, #threadstamp, .threadflow, #postlist .ptn"
    CRUMBS = "#pt .z a, #nav a, .nav a"
    PAGER = ".pg, div.pages"
    # the Archiver (archiver/tid-123.html): "<p class=author><strong>name</strong> 发表于 date</p>" then the message
    ARCHIVER_AUTHOR = "#content p.author"

    def detect(self, doc) -> float:
        return common.detect_score(doc, self.MARKERS, self.STRONG, self.GATE, self.NEED)

    def parse(self, doc, ctx) -> Thread:
        tree = doc.tree
        base = common.page_base(tree, ctx.url)
        elements = [el for el in select(tree, self.POSTS)
                    if _PID.match(el.get("id") or "") and select_one(el, self.BODY) is not None]
        scope = PostScope(elements)
        posts = [self._post(el, scope, base, ctx) for el in elements]
        if not posts:
            return self._archiver(tree, base, ctx)
        title = text_without(common.pick(tree, self.TITLE), self.TITLE_LABELS) or meta_content(tree, "og:title")
        stats = common.pick_text(tree, self.STATS) or ""
        views, replies = _VIEWS.search(stats), _REPLIES.search(stats)
        page, page_count, next_url = self._pages(tree, base)
        return Thread(
            title=title,
            url=common.canonical(tree, base) or ctx.url,
            breadcrumbs=common.crumbs(common.pick_all(tree, self.CRUMBS), title),
            views=parse_count(views.group(1), allow_abbrev=False) if views else None,
            reply_count=parse_count(replies.group(1), allow_abbrev=False) if replies else None,
            page=page, page_count=page_count, next_page_url=next_url,
            posts=posts,
        )

    # -- posts -----------------------------------------------------------------------------
    def _post(self, el, scope, base, ctx) -> Post:
        body_el = scope.one(el, self.BODY)
        body = extract_body(body_el, quote_css=self.QUOTE, quote_author_css=self.QUOTE_AUTHOR,
                            signature_css=None, edit_css=None, drop_css=self.DROP)
        stamp_el = scope.one(el, self.TIME)
        raw = _POSTED.sub("", text_of(stamp_el) or "") or None
        inner = select_one(stamp_el, "span[title]")  # "3 天前" with the full date in its title
        timestamp = ctx.dates.iso(attr(inner, "title")) if inner is not None else None
        timestamp = timestamp or (ctx.dates.iso(raw) if raw else None)
        note = text_of(scope.one(el, self.EDIT))
        edited = _EDITED.search(note or "")
        link = scope.one(el, self.PERMALINK)
        return Post(
            post_id=_PID.match(el.get("id")).group(1),
            permalink=common.absolute(base, attr(link, "href")),
            author=self._author(el, scope, base, ctx),
            timestamp=timestamp,
            timestamp_raw=raw,
            body=body.text,
            body_html=body.html,
            quotes=_quotes(body.quotes, body_el),
            edited=ctx.dates.iso(edited.group(1)) if edited else None,
            attachments=[common.absolute(base, attr(a, "href")) for a in scope.all(el, self.ATTACHMENTS)],
        )

    def _author(self, el, scope, base, ctx) -> Author | None:
        name_el = scope.first(el, *self.NAME.split(", "))
        if name_el is None:
            return None
        link = name_el if name_el.tag == "a" else select_one(name_el, "a[href]")
        href = attr(link, "href")
        pairs = [(_LABELS.get(label.lower(), label), value)
                 for dl in scope.all(el, self.STAT_PAIRS) for label, value in label_pairs(dl, "dl")]
        for cell in scope.all(el, self.STAT_TABLE):  # X: <th><p><a>345</a></p>帖子</th>
            number = select_one(cell, "p")
            label = text_without(cell, "p")
            value = text_of(number) or ""
            if label and _EXACT.match(value):  # "1.2万" is a rounded count: not the author's own figure
                pairs.append((_LABELS.get(label.lower(), label), value))
        stats = author_stats(pairs, ctx)
        uid = _UID.search(href or "")
        signature_el = scope.one(el, self.SIGNATURE)
        return Author(
            name=text_of(name_el) or "",
            rank=scope.text(el, *self.RANK.split(", ")),
            post_count=stats.get("post_count"),
            joined=stats.get("joined"),
            location=stats.get("location"),
            user_id=uid.group(1) if uid else None,
            profile_url=common.absolute(base, href),
            avatar_url=common.absolute(base, attr(scope.one(el, self.AVATAR), "src")),
            signature=(render_text(signature_el) or None) if signature_el is not None else None,
        )

    # -- the Archiver ------------------------------------------------------------------------
    def _archiver(self, tree, base, ctx) -> Thread:
        posts = []
        for head in select(tree, self.ARCHIVER_AUTHOR):
            name = text_of(select_one(head, "strong"))
            message = _message_after(head)
            body = extract_body(message, quote_css=self.QUOTE, quote_author_css=self.QUOTE_AUTHOR, signature_css=None,
                                edit_css=None, drop_css=self.DROP)
            if not name or not body.text:
                continue
            raw = _POSTED.sub("", text_without(head, "strong") or "") or None
            posts.append(Post(author=Author(name=name), timestamp=ctx.dates.iso(raw) if raw else None,
                              timestamp_raw=raw, body=body.text, body_html=body.html,
                              quotes=_quotes(body.quotes, message)))
        title = common.pick_text(tree, "#content h1")
        pager = select_one(tree, "#content .page")
        page, page_count, next_url = common.pages_from(select(pager, "a"), select_one(pager, "strong"), base) \
            if pager is not None else (None, None, None)
        if pager is not None and select_one(pager, "strong") is None:  # every page a link: which one is this?
            page = next_url = None
        return Thread(title=title, url=common.canonical(tree, base) or ctx.url,
                      breadcrumbs=common.crumbs(select(tree, "#nav a"), title),
                      page=page, page_count=page_count, next_page_url=next_url, posts=posts)

    # -- thread ----------------------------------------------------------------------------
    def _pages(self, tree, base):
        pager = common.pick(tree, self.PAGER)
        if pager is None:
            return None, None, None
        page, count, next_url = common.pages_from(select(pager, "a"), select_one(pager, "strong"), base)
        total = select_one(pager, "label span[title]")  # X: "共 5 页"
        m = _PAGES.search(attr(total, "title") or "") if total is not None else None
        if m and page:
            count = max(int(m.group(1)), page)
        nxt = attr(select_one(pager, "a.nxt, a.next"), "href") or link_href(tree, "next")
        if nxt:
            next_url = common.absolute(base, nxt)
        return page, count, next_url


def _message_after(head):
    """The Archiver prints a message as loose text and markup after its author line: gathered (copied) into
    one element up to the next author line or the pager."""
    box = lxml.html.Element("div")
    box.text = head.tail
    for sib in head.itersiblings():
        if isinstance(sib.tag, str) and sib.get("class") in ("author", "page"):
            break
        box.append(copy.deepcopy(sib))
    return box


def _quotes(quotes, body_el):
    """Discuz! heads a quote "alice 发表于 2019-4-16 09:00" and links the quoted post (pid=N)."""
    boxes = select(body_el, Discuz.QUOTE)
    out = []
    for i, quote in enumerate(quotes):
        author = quote.author
        m = _QUOTED_BY.match(author or "")
        if m:
            author = m.group(1).strip()
        link = select_one(boxes[i], "a[href*='pid=']") if i < len(boxes) else None
        post_id = common.query_id(attr(link, "href"), "pid") or quote.post_id
        out.append(attrs.evolve(quote, author=author, post_id=post_id))
    return out


ADAPTERS = (Discuz,)
