"""bbPress topic pages: bbPress 2.x, the WordPress plugin (a header row then the reply row, in lists or the
2.0-2.2 tables), and standalone bbPress 1.x (ol#thread, threadauthor / threadpost)."""
from __future__ import annotations

import re

from ..html.body import extract_body, render_text
from ..html.select import attr, has_class, select, select_one, text_of
from ..numbers import parse_count
from ..records import Author, Post, Thread
from . import _html_common as common
from .base import Adapter

_USER_ID = re.compile(r"\buser-id-(\d+)\b")
_POST_ID = re.compile(r"\bpost-(\d+)\b")
# "This topic has 3 replies, 2 voices, and was last updated ...", "Dieses Thema enthält 3 Antworten ..."
_REPLIES = re.compile(r"(\d[\d,.]*)\s+(?:repl(?:y|ies)|antworten|antwort|réponses?|respuestas?|risposte|respostas?|"
                      r"reacties|antwoorden|ответ\w*)\b", re.I)
_POSTED = re.compile(r"^\s*(?:posted|publié|veröffentlicht)\s*:?\s*", re.I)
_RELATIVE = re.compile(r"\bago\b|\bvor\b|\bil y a\b|\bhace\b|\bfa\b", re.I)


class BbPress(Adapter):
    name = "bbpress"
    hints = ("bbpress", "bbp-")  # fingerprint words that put this adapter first (registry)
    format = "html"
    description = "bbPress 2.x (WordPress plugin) and bbPress 1.x topic pages"

    GATE = ("bbp-", "bbpress", "bbPress")
    NEED = ("bbp-reply-content", "bbp-topic-content", "threadpost")  # its post markup
    MARKERS = ("bbp-reply-content", "bbp-author-name", "bbpress-forums", "bbp-topic-description", "bbp-reply-header",
               "bbp-reply-post-date", "bbp-breadcrumb", "plugins/bbpress/", "class=\"threadauthor\"", "bb-includes/")
    STRONG = ('id="bbpress-forums"', "/plugins/bbpress/templates/", 'content="bbPress', "Powered by <a href=\"http"
              "://bbpress.org\"", ">bbPress</a>")

    # bbPress 2: the content cells; the header row before each one carries date and permalink
    CONTENT = ".bbp-reply-content, .bbp-topic-content"
    OUTSIDE = ".bbp-header, .bbp-footer, thead, tfoot"
    NAME = ".bbp-author-name, a.bbp-author-link"
    ROLE = ".bbp-author-role, .bbp-reply-author-role, .bbp-topic-author-role"
    AVATAR = ".bbp-author-avatar img, img.avatar"
    DATE = ".bbp-reply-post-date, .bbp-topic-post-date"
    PERMALINK = "a.bbp-reply-permalink, a.bbp-topic-permalink"
    SIGNATURE = ".bbp-signature, .bbp-reply-signature"
    DROP = (".bbp-reply-revision-log, .bbp-topic-revision-log, .bbp-reply-ip, .bbp-topic-ip, .bbp-admin-links, "
            ".bbp-signature, .d4p-bbt-quote-link, .bbp-reply-author, .bbp-topic-author")
    QUOTE = "blockquote"
    QUOTE_AUTHOR = ".d4pbbpquotetitle, cite, .bbp-quote-title"
    ATTACHMENTS = ".bbp-attachments a[href], .d4p-bbp-attachment a[href]"
    TITLE = "h1.entry-title, h1.page-title, .bbp-breadcrumb-current, h1"
    CRUMBS = ".bbp-breadcrumb a, .bbcrumb a"
    DESCRIPTION = ".bbp-topic-description, .bbp-template-notice.info"
    PAGER = ".bbp-pagination-links"
    # bbPress 1
    POSTS1 = "ol#thread > li[id^=post-]"
    NAME1 = ".threadauthor strong, .threadauthor cite"
    ROLE1 = ".threadauthor small"
    BODY1 = ".threadpost .post"
    DATE1 = ".poststuff"
    TITLE1 = "h2.topictitle, h2[class*=topictitle], h2"

    def detect(self, doc) -> float:
        score = common.detect_score(doc, self.MARKERS, self.STRONG, self.GATE, self.NEED)
        if not score and common.has_any(doc, self.NEED) and common.has(doc, 'id="bbpress-forums"', 400_000):
            return 0.9  # a WordPress head of inline styles and scripts can push every gate word past its window
        return score

    def parse(self, doc, ctx) -> Thread:
        tree = doc.tree
        base = common.page_base(tree, ctx.url)
        contents = [c for c in select(tree, self.CONTENT) if not _outside(c)]
        posts = [self._post(c, base, ctx) for c in contents]
        title = common.pick_text(tree, self.TITLE)
        if not posts:
            posts = [self._post1(el, base, ctx) for el in select(tree, self.POSTS1)]
            title = common.pick_text(tree, self.TITLE1) or title
        pager = select_one(tree, self.PAGER)
        page = page_count = next_url = None
        if pager is not None:
            page, page_count, next_url = common.pages_from(select(pager, "a.page-numbers"),
                                                           select_one(pager, ".current"), base)
            nxt = select_one(pager, "a.next[href]")
            next_url = common.absolute(base, attr(nxt, "href")) if nxt is not None else next_url
        replies = _REPLIES.search(common.pick_text(tree, self.DESCRIPTION) or "")
        return Thread(
            title=title,
            url=common.canonical(tree, base) or ctx.url,
            breadcrumbs=common.crumbs(select(tree, self.CRUMBS), title),
            reply_count=parse_count(replies.group(1), allow_abbrev=False) if replies else None,
            page=page, page_count=page_count, next_page_url=next_url,
            posts=[p for p in posts if p is not None],
        )

    # -- bbPress 2 -------------------------------------------------------------------------
    def _post(self, content, base, ctx) -> Post | None:
        row = content.getparent()
        if row is None:
            return None
        header = _header_before(row)
        body = extract_body(content, quote_css=self.QUOTE, quote_author_css=self.QUOTE_AUTHOR,
                            signature_css=None, edit_css=None, drop_css=self.DROP)
        raw = text_of(common.pick(header, self.DATE)) if header is not None else None
        link = common.pick(header, self.PERMALINK) if header is not None else None
        post_id = _first_match(_POST_ID, row.get("id"), row.get("class"), attr(header, "id"))
        sig = select_one(row, self.SIGNATURE)
        name_el = common.pick_texted(row, self.NAME)
        author = None
        if name_el is not None:
            link_el = name_el if name_el.tag == "a" else next(name_el.iterancestors("a"), None)
            href = attr(link_el, "href")
            author = Author(
                name=text_of(name_el),
                rank=common.pick_text(row, self.ROLE),
                user_id=_first_match(_USER_ID, row.get("class")) if "user-id-0 " not in f"{row.get('class')} "
                else None,  # 0: an anonymous poster
                profile_url=common.absolute(base, href),
                avatar_url=common.absolute(base, attr(common.pick(row, self.AVATAR), "src")),
                signature=(render_text(sig) or None) if sig is not None else None,
            )
        return Post(
            post_id=post_id,
            permalink=common.absolute(base, attr(link, "href")),
            author=author,
            timestamp=ctx.dates.iso(raw) if raw and not _RELATIVE.search(raw) else None,
            timestamp_raw=raw,
            body=body.text,
            body_html=body.html,
            quotes=body.quotes,
            attachments=[common.absolute(base, attr(a, "href")) for a in select(row, self.ATTACHMENTS)],
        )

    # -- bbPress 1 -------------------------------------------------------------------------
    def _post1(self, el, base, ctx) -> Post | None:
        body_el = select_one(el, self.BODY1)
        if body_el is None:
            return None
        body = extract_body(body_el, quote_css=self.QUOTE, quote_author_css=self.QUOTE_AUTHOR)
        stuff = select_one(el, self.DATE1)
        raw = _POSTED.sub("", (stuff.text or "") if stuff is not None else "").strip() or None
        name_el = common.pick_texted(el, self.NAME1)
        link = select_one(name_el, "a[href]") if name_el is not None else None
        return Post(
            post_id=_first_match(_POST_ID, el.get("id")),
            permalink=common.absolute(base, attr(select_one(stuff, "a[href^='#post-']"), "href")),
            author=Author(name=text_of(name_el), rank=common.pick_text(el, self.ROLE1),
                          profile_url=common.absolute(base, attr(link, "href")),
                          avatar_url=common.absolute(base, attr(select_one(el, ".threadauthor img"), "src")))
            if name_el is not None else None,
            timestamp=ctx.dates.iso(raw) if raw and not _RELATIVE.search(raw) else None,
            timestamp_raw=raw,
            body=body.text,
            body_html=body.html,
            quotes=body.quotes,
        )


def _outside(el) -> bool:
    """Column headings ("Author", "Posts") reuse the content classes in the list's header and footer rows."""
    for anc in el.iterancestors():
        if anc.tag in ("thead", "tfoot") or has_class(anc, "bbp-header") or has_class(anc, "bbp-footer"):
            return True
        if anc.tag in ("body", "ul", "table"):
            return False
    return False


def _header_before(row):
    """The header row (date, permalink) right before a reply row, or inside it in some themes."""
    prev = row.getprevious()
    while prev is not None and not isinstance(prev.tag, str):
        prev = prev.getprevious()
    if prev is not None and any(has_class(prev, c) for c in ("bbp-reply-header", "bbp-topic-header")):
        return prev
    return select_one(row, ".bbp-reply-header, .bbp-topic-header, .bbp-meta") or row


def _first_match(pattern, *values) -> str | None:
    for value in values:
        m = pattern.search(value or "")
        if m:
            return m.group(1)
    return None


ADAPTERS = (BbPress,)
