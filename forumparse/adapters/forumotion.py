"""Forumotion (Forumactif, Forumieren, Foroactivo ...) hosted boards, phpBB-like templates.

The phpBB3 template: div.post#pN with a .postprofile (name, rank, avatar and a
profile panel of label/value lines whose labels may be icons), a "von X am DATE" /
"by X on DATE" p.author line, the message in .post-entry (or .content), and the
signature in .signature_div. The phpBB2 template is the table layout of phpBB 2
(span.name with <a name=N>, span.postdetails, div.postbody). The ad slot that the
host inserts as a post (id p0, "Sponsored content") is not a post.
"""
from __future__ import annotations

import re

from ..html.body import extract_body, render_text
from ..html.select import attr, first_text, select, select_one, text_of
from ..records import Author, Post, Thread
from . import _phpbb_common as common
from ._html_common import has_any
from .base import Adapter

_HAS = "contains(concat(' ', normalize-space(@class), ' '), ' {} ')"
MARKUP = ("postprofile", "post-entry", "poster-profile", "signature_div", "postdetails")


class ForumotionHtml(Adapter):
    name = "forumotion"
    format = "html"
    priority = 0.6
    max_score = 0.95  # detect() caps its score (the registry skips it when it cannot win)
    description = "Forumotion / Forumactif hosted forums (phpBB2 and phpBB3 templates)"
    hints = ("illiweb.com", "forumotion.", "forumactif.", "forumieren.", "foroactivo.", "forumeiros.", "forumgratuit.")

    POST = f"//*[{_HAS.format('post')}][starts-with(@id, 'p')]"
    TABLE_NAME = f"//span[{_HAS.format('name')}][.//a[@name]]"
    # phpBB3 template, then ModernBB / AwesomeBB (postprofile-*, post-*) and PunBB (.postleft) ones
    PROFILE = ".postprofile, .poster-profile, .postdetails.poster-profile, .postleft, .post-aside"
    NAME_CSS = (".postprofile-name strong", ".postprofile-head strong", ".postprofile dt strong",
                ".postprofile-name", ".postprofile-head a", ".postleft dt strong", ".post-author-name",
                "p.author strong", ".author strong", "a[href^='/u'] strong", ".postprofile dt")  # guests: no link
    RANK_CSS = (".postprofile-rank", "dd.usertitle", ".user-rank", ".post-author-rank")
    LABEL_CSS = ".label"
    AUTHOR_LINE = ("p.author", "div.author", ".topic-date", ".post-date", ".postprofile-date", ".author",
                   "h2 a[href*='#']")
    CONTENT = (".post-entry", ".content", ".post-content", ".postmsg .entry-content", ".postmsg",
               ".postbody > div", "div.postbody")
    DROP_CSS = ("dl.codebox > dt, .postprofile, .postbody-head, .post-header, .post-footer, .posting-icons, "
                ".fa_like_div, .vote, .clear")
    SIGNATURE = ".signature_div, .signature"
    EDITED = ".edit-message, .edited, .editedby"
    QUOTE_CSS = "blockquote, dl.quote"
    AVATAR = ".avatar img, .postprofile-avatar img, .poster-profile img, .postprofile img"
    USER_LINK = "a[href^='/u']"
    TITLE_CSS = ("h1.page-title", "a.page-title", ".page-title", ".maintitle h1", ".maintitle h3",
                 ".maintitle h2", "h1.cattitle", "a.maintitle")
    CRUMBS_CSS = ("#navstrip", ".sub-header-path", "ul.navlinks", "p.nav", ".nav-breadcrumbs")
    PAGINATION_CSS = ".pagination, .paging, p.right, span.gensmall, td.nav, span.nav"

    def detect(self, doc) -> float:
        if doc.tree is None:
            return 0.0
        marks = common.forumotion_marks(doc, 400_000) + common.forumotion_marks(doc, last=20_000)
        if marks < 2:
            return 0.0
        score = 0.45 + 0.1 * marks + (0.2 if has_any(doc, MARKUP, 400_000) else 0.0)
        if common.php_script_links(doc, 400_000):
            score -= 0.5  # a phpBB board whose posts link to Forumotion
        return max(0.0, min(0.95, score))

    def parse(self, doc, ctx) -> Thread:
        tree = doc.tree
        base = common.page_url(doc, ctx)
        posts = self._posts(tree, ctx, base) or self._table_posts(tree, ctx, base)
        page, count, nxt = self._pages(tree)
        return Thread(
            title=self._title(tree),
            url=base,
            breadcrumbs=self._crumbs(tree),
            page=page,
            page_count=count,
            next_page_url=common.absolute(base, nxt),
            posts=posts,
        )

    # -- phpBB3-like template ----------------------------------------------------------------
    def _posts(self, tree, ctx, base) -> list[Post]:
        posts = []
        for el in tree.xpath(self.POST):
            post_id = common.post_id_of(el.get("id"))
            if not post_id or not re.fullmatch(r"p\d+", el.get("id")) or el.tag == "tr":
                continue  # p0 is the host's ad slot; table rows are the phpBB2 template's
            content = _first(el, self.CONTENT)
            if content is None:
                continue
            line = _first(el, self.AUTHOR_LINE)
            timestamp, raw = common.line_time(line, ctx)
            name = first_text(el, *self.NAME_CSS)
            post = self._post(el, content, post_id, name, timestamp, raw, ctx, base)
            if post is not None:
                posts.append(post)
        return posts

    # -- phpBB2-like template ----------------------------------------------------------------
    def _table_posts(self, tree, ctx, base) -> list[Post]:
        posts = []
        for mark in tree.xpath(self.TABLE_NAME):
            row = next(mark.iterancestors("tr"), None)
            if row is None:
                continue
            content = _first(row, self.CONTENT)
            if content is None:
                continue
            post_id = common.post_id_of(attr(select_one(mark, "a[name]"), "name"))
            details = [d for d in select(row, ".postdetails") if "poster-profile" not in (d.get("class") or "")]
            raw_line = text_of(details[-1]) if details else None
            timestamp, raw = common.shown_time(_after_subject(details[-1]) if details else None, ctx)
            post = self._post(row, content, post_id, text_of(mark), timestamp, raw or raw_line, ctx, base)
            if post is not None:
                posts.append(post)
        return posts

    def _post(self, el, content, post_id, name, timestamp, raw, ctx, base) -> Post | None:
        if not name:
            return None
        body = extract_body(content, quote_css=self.QUOTE_CSS, signature_css=self.SIGNATURE,
                            edit_css=self.EDITED, drop_css=self.DROP_CSS)
        signature = select_one(el, self.SIGNATURE)
        return Post(
            post_id=post_id,
            permalink=self._permalink(el, post_id, base),
            author=self._author(el, name, ctx, base, signature),
            timestamp=timestamp,
            timestamp_raw=raw,
            title=first_text(el, "h3 a", "h2.topic-title", ".post-title", "span.postdetails a[href*='#']"),
            body=body.text,
            body_html=body.html,
            quotes=body.quotes,
            edited=common.edit_time(select_one(el, self.EDITED), ctx),
        )

    def _author(self, el, name, ctx, base, signature) -> Author:
        profile = select_one(el, self.PROFILE)
        lines = common.profile_lines(profile, self.LABEL_CSS) if profile is not None else []
        labels = [t for t in (text_of(lb) or _img_alt(lb) for lb in select(profile, self.LABEL_CSS)) if t]
        stats = common.read_stats(lines, ctx)
        plain = stats["plain"][1:] if stats["plain"][:1] == [name] else stats["plain"]  # the name line
        rank = first_text(el, *self.RANK_CSS) or next((_img_alt(r) for r in (_first(el, self.RANK_CSS),)
                                                        if r is not None), None)
        rank = rank or next((line for line in plain if not any(line.startswith(lb) for lb in labels)), None)
        if rank is None:
            rank = next((_img_alt(img) for img in select(profile, "img") if "rank" in (attr(img, "src") or "")),
                        None)
        link = select_one(el, self.USER_LINK)
        href = attr(link, "href")
        avatar = next((img for img in select(el, self.AVATAR)
                       if not re.search(r"rank|empty\.gif|/icon", attr(img, "src") or "")), None)
        return Author(
            name=name,
            rank=rank,
            post_count=stats.get("post_count"),
            joined=stats.get("joined"),
            user_id=common.user_id(href),
            profile_url=common.absolute(base, href),
            avatar_url=common.absolute(base, attr(avatar, "src")),
            location=stats.get("location"),
            signature=(render_text(signature) or None) if signature is not None else None,
        )

    @staticmethod
    def _permalink(el, post_id, base) -> str:
        link = select_one(el, f"a[href$='#{post_id}']")
        return common.absolute(base, attr(link, "href")) or f"#{post_id}"

    # -- thread ------------------------------------------------------------------------------
    def _title(self, tree) -> str | None:
        for css in self.TITLE_CSS:
            text = first_text(tree, css)
            if text:
                return text
        for value in tree.xpath("//meta[@property='og:title']/@content"):
            if value.strip():
                return value.strip()
        return " ".join((tree.findtext(".//title") or "").split()) or None

    def _crumbs(self, tree) -> tuple[str, ...]:
        for css in self.CRUMBS_CSS:
            box = select_one(tree, css)
            if box is not None:
                return tuple(t for t in (text_of(a) for a in select(box, "a")) if t)
        return ()

    def _pages(self, tree):
        for el in select(tree, self.PAGINATION_CSS)[:40]:
            page, count, nxt = common.page_numbers(el)
            if page is not None:
                return page, count, attr(nxt, "href")
        return None, None, None


def _first(el, selectors):
    for css in selectors:
        found = select_one(el, css)
        if found is not None:
            return found
    return None


def _img_alt(el):
    img = el if el.tag == "img" else select_one(el, "img")
    return (attr(img, "alt") or attr(img, "title")) if img is not None else None


def _after_subject(el) -> str | None:
    """phpBB2 template: "Subject: Re: topic  Mon Mar 14, 2011 8:16 pm": the date follows the
    subject link."""
    links = select(el, "a")
    if not links:
        return common.strip_label(text_of(el))
    parts = [links[-1].tail or ""]
    for sib in links[-1].itersiblings():
        parts += [text_of(sib) or "", sib.tail or ""]
    return " ".join("".join(parts).split())


ADAPTERS = (ForumotionHtml,)
