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
from ..html.page_classes import by_class, holders, within
from ..html.pageinfo import PostScope
from ..html.select import attr, select, text_of, xpath
from ..records import Author, Post, Thread
from . import _phpbb_common as common
from ._html_common import has, has_any
from .base import Adapter

MARKUP = ("postprofile", "post-entry", "poster-profile", "signature_div", "postdetails")


class ForumotionHtml(Adapter):
    name = "forumotion"
    format = "html"
    priority = 0.6
    description = "Forumotion / Forumactif hosted forums (phpBB2 and phpBB3 templates)"
    hints = ("illiweb.com", "forumotion.", "forumactif.", "forumieren.", "foroactivo.", "forumeiros.", "forumgratuit.")

    POST = ".post"  # with an id "pN"
    TABLE_NAME = "span.name"  # holding an <a name>
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
    DROP_PLAIN = DROP_CSS.split(", ", 1)[1]  # DROP_CSS for a body without a dl.codebox (its part needs an XPath)
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
        markup = has_any(doc, MARKUP, 400_000)
        php = common.php_script_links(doc, 400_000)
        if markup and not php and has(doc, "illiweb.com") and has(doc, "fa_endpage("):
            return 1.0  # the host's CDN and its page script around its post markup
        score = 0.45 + 0.1 * marks + (0.2 if markup else 0.0)
        if php:
            score -= 0.5  # a phpBB board whose posts link to Forumotion
        return max(0.0, min(0.95, score))

    def parse(self, doc, ctx) -> Thread:
        tree = doc.tree
        base = common.page_url(doc, ctx)
        # the page-level selectors answered by one pass over the class and id attributes; a
        # title selector "A B" is looked up as A here and B inside what A found
        found = by_class(tree, post=self.POST, table_name=self.TABLE_NAME, pages=self.PAGINATION_CSS, code="dl.codebox",
                         **{f"title{i}": css.split()[0] for i, css in enumerate(self.TITLE_CSS)},
                         **{f"crumbs{i}": css for i, css in enumerate(self.CRUMBS_CSS) if not css.startswith("#")})
        coded = holders(found["code"])
        seen = common.Seen()
        posts = (self._posts(found["post"], coded, ctx, base, seen)
                 or self._table_posts(found["table_name"], coded, ctx, base, seen))
        page, count, nxt = self._pages(found["pages"])
        return Thread(
            title=self._title(tree, found),
            url=base,
            breadcrumbs=self._crumbs(doc, found),
            page=page,
            page_count=count,
            next_page_url=common.absolute(base, nxt),
            posts=posts,
        )

    # -- phpBB3-like template ----------------------------------------------------------------
    def _posts(self, boxes, coded, ctx, base, seen) -> list[Post]:
        posts = []
        # p0 is the host's ad slot; table rows are the phpBB2 template's
        boxes = [(el, post_id) for el in boxes if (el.get("id") or "").startswith("p") and el.tag != "tr"
                 and (post_id := common.post_id_of(el.get("id"))) and _POST_BOX_ID.fullmatch(el.get("id"))]
        scope = PostScope([el for el, _post_id in boxes])  # each selector runs once for all posts
        for el, post_id in boxes:
            content = scope.pick(el, *self.CONTENT)
            if content is None:
                continue
            line = scope.pick(el, *self.AUTHOR_LINE)
            timestamp, raw = common.line_time(line, ctx)
            name = scope.text(el, *self.NAME_CSS)
            post = self._post(scope, coded, el, content, post_id, name, timestamp, raw, ctx, base, seen)
            if post is not None:
                posts.append(post)
        return posts

    # -- phpBB2-like template ----------------------------------------------------------------
    def _table_posts(self, names, coded, ctx, base, seen) -> list[Post]:
        posts = []
        rows = []
        for mark in names:
            anchor = next((a for a in mark.iter("a") if a.get("name") is not None), None)
            row = next(mark.iterancestors("tr"), None) if anchor is not None else None
            if row is not None:
                rows.append((mark, anchor, row))
        scope = PostScope([row for _mark, _anchor, row in rows])  # each selector runs once for all posts
        for mark, anchor, row in rows:
            content = scope.pick(row, *self.CONTENT)
            if content is None:
                continue
            post_id = common.post_id_of(attr(anchor, "name"))
            details = [d for d in scope.all(row, ".postdetails") if "poster-profile" not in (d.get("class") or "")]
            raw_line = text_of(details[-1]) if details else None
            timestamp, raw = common.shown_time(_after_subject(details[-1]) if details else None, ctx)
            post = self._post(scope, coded, row, content, post_id, text_of(mark), timestamp, raw or raw_line, ctx,
                              base, seen)
            if post is not None:
                posts.append(post)
        return posts

    def _post(self, scope, coded, el, content, post_id, name, timestamp, raw, ctx, base, seen) -> Post | None:
        """`coded`: the elements at or above a dl.codebox (DROP_CSS's first part needs one); `seen`:
        the page's reads of repeating markup (profile panels, signatures)."""
        if not name:
            return None
        body = extract_body(content, quote_css=self.QUOTE_CSS, signature_css=self.SIGNATURE,
                            edit_css=self.EDITED, drop_css=self.DROP_CSS if content in coded else self.DROP_PLAIN)
        signature = scope.one(el, self.SIGNATURE)
        return Post(
            post_id=post_id,
            permalink=self._permalink(el, post_id, base),
            author=self._author(scope, el, name, ctx, base, signature, seen),
            timestamp=timestamp,
            timestamp_raw=raw,
            title=scope.text(el, "h3 a", "h2.topic-title", ".post-title", "span.postdetails a[href*='#']"),
            body=body.text,
            body_html=body.html,
            quotes=body.quotes,
            edited=common.edit_time(scope.one(el, self.EDITED), ctx),
        )

    def _author(self, scope, el, name, ctx, base, signature, seen) -> Author:
        profile = scope.one(el, self.PROFILE)
        lines, labels, image_rank = seen.read(self._profile, profile) if profile is not None else ((), [], None)
        stats = seen.stats(lines, ctx)
        plain = stats["plain"][1:] if stats["plain"][:1] == [name] else stats["plain"]  # the name line
        rank = scope.text(el, *self.RANK_CSS) or next((_img_alt(r) for r in (scope.pick(el, *self.RANK_CSS),)
                                                        if r is not None), None)
        rank = rank or next((line for line in plain if not any(line.startswith(lb) for lb in labels)), None)
        if rank is None:
            rank = image_rank
        link = scope.one(el, self.USER_LINK)
        href = attr(link, "href")
        avatar = next((img for img in scope.all(el, self.AVATAR) if not _NOT_AVATAR.search(attr(img, "src") or "")),
                      None)
        return Author(
            name=name,
            rank=rank,
            post_count=stats.get("post_count"),
            joined=stats.get("joined"),
            user_id=common.user_id(href),
            profile_url=common.absolute(base, href),
            avatar_url=common.absolute(base, attr(avatar, "src")),
            location=stats.get("location"),
            signature=(seen.read(render_text, signature) or None) if signature is not None else None,
        )

    def _profile(self, profile) -> tuple:
        """A profile panel's lines, its labels (their text, or the alt text of the icons some themes
        draw them as) and the alt text of a rank image."""
        labels = [t for t in (text_of(lb) or _img_alt(lb) for lb in select(profile, self.LABEL_CSS)) if t]
        image_rank = next((_img_alt(img) for img in select(profile, "img") if "rank" in (attr(img, "src") or "")),
                          None)
        return common.profile_lines(profile, self.LABEL_CSS), labels, image_rank

    @staticmethod
    def _permalink(el, post_id, base) -> str:
        link = next((a for a in el.iter("a") if (a.get("href") or "").endswith(f"#{post_id}")), None)
        return common.absolute(base, attr(link, "href")) or f"#{post_id}"

    # -- thread ------------------------------------------------------------------------------
    def _title(self, tree, found) -> str | None:
        for i, css in enumerate(self.TITLE_CSS):
            inner = css.split(maxsplit=1)[1:]
            boxes = within(found[f"title{i}"], inner[0]) if inner else found[f"title{i}"]
            text = next(filter(None, map(text_of, boxes)), None)
            if text:
                return text
        for value in xpath("/descendant::meta[@property='og:title']/@content")(tree):
            if value.strip():
                return value.strip()
        return " ".join((tree.findtext(".//title") or "").split()) or None

    def _crumbs(self, doc, found) -> tuple[str, ...]:
        for i, css in enumerate(self.CRUMBS_CSS):
            # an id is looked up apart: among by_class's selectors it adds a pass over every id
            box = common.first_with_id(doc, css[1:]) if css.startswith("#") else next(iter(found[f"crumbs{i}"]), None)
            if box is not None:
                return tuple(t for t in (text_of(a) for a in select(box, "a")) if t)
        return ()

    def _pages(self, boxes):
        for el in boxes[:40]:
            page, count, nxt = common.page_numbers(el)
            if page is not None:
                return page, count, attr(nxt, "href")
        return None, None, None


_NOT_AVATAR = re.compile(r"rank|empty\.gif|/icon")
_POST_BOX_ID = re.compile(r"p\d+")


def _img_alt(el):
    img = next(el.iter("img"), None)
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
