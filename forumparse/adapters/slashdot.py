"""Slashdot story pages with their comments (and other sites on the Slash code, such as SoylentNews).

The story is an article.fhitem-story (data-fhid) with h2.story .story-title a, a span.story-byline
"Posted by NAME <time datetime="on Monday March 03, 2014 @10:31AM">" (the datetime attribute holds
the shown text, not an ISO value) and its text in div.body. Comments are li.comment items (id
tree_<cid>) holding div.commentTop (h4 subject link, .details "by <span class=by><a>name (uid)</a>"
and .otherdetails "on Monday March 03, 2014 @10:31AM (#46385551)") and div.commentBody; replies
are in the ul.commtree inside the item. Quotes are div.quote, signatures div.sig.
Collapsed comments (beneath the reader's threshold) are saved without a body and are left out.
"""
from __future__ import annotations

import re

from ..html.body import extract_body
from ..html.pageinfo import absolute, base_url, canonical_url
from ..html.select import attr, select, select_one, text_of
from ..numbers import parse_count
from ..records import Post, Thread
from ._html_common import has, has_any, page_title
from ._threaded import author, parent_ids
from .base import Adapter

_TREE_ID = re.compile(r"^tree_(\d+)$")
_CID = re.compile(r"[?&]cid=(\d+)|#(\d+)")
# "jdoe (123456)": the account name, then its number
_NAME_UID = re.compile(r"^\s*(?:by\s+)?(.+?)(?:\s*\(\s*(\d+)\s*\))?(?:\s+writes:?)?\s*$", re.S)
_DATE = re.compile(r"\bon\s+\w+day\s+\w+\s+\d{1,2},\s*(?:\d{4}\s*)?@\s*\d{1,2}:\d{2}\s*[AP]M", re.I)
_POSTED_BY = re.compile(r"Posted\s+by\s+(.+?)\s+(?:on\s+\w+day\b|from\s+the\b|$)", re.I | re.S)

_SITE_IN_TITLE = re.compile(r"^\s*(?:Slashdot|SoylentNews)\s*\|\s*|\s+-\s+(?:Slashdot|SoylentNews)\s*$")

QUOTE_CSS = "div.quote, blockquote, .quote"
DROP_CSS = ".commentSub, .nbutton, .comment_sub"


class Slashdot(Adapter):
    name = "slashdot"
    format = "html"
    priority = 0.6
    description = "Slashdot story pages with comments (Slash code: Slashdot, SoylentNews)"
    hints = ("slashdot", "soylentnews", "fsdn.com/sd/")  # Slashdot's static files host (fsdn.com/sd/...)

    STORY = "article.fhitem-story, .fhitem-story, article[data-fhtype=story], div.article"
    STORY_TITLE = (".story-title a, h2.story a, .title h3 a[href*='sid='], .title h3 a[href*='/story/'], "
                   ".story-title")
    STORY_BYLINE = ".story-byline, .details"
    STORY_TIME = "time"
    STORY_TEXT = "div.body .p, div.body, .intro"
    BUBBLE = ".comment-bubble a, .cmntcnt"
    COMMENT = "li.comment"
    TOP = ".commentTop"
    SUBJECT = ".title h4 a, h4 a, .title a"
    BY = ".by, .details a[href*='~']"
    DETAILS = ".otherdetails, .details"
    BODY = ".commentBody"

    def detect(self, doc) -> float:
        size = 300_000
        # one search of one long marker rules out most pages (two short ones cost twice as much)
        if not (has(doc, "commentBody", size) and has(doc, "commentTop", size)
                and has_any(doc, ("otherdetails", "commtree"), size)):
            return 0.0
        return 1.0 if has_any(doc, ("Slashdot", "slashdot.org", "SoylentNews", "soylentnews.org"), size) else 0.8

    def parse(self, doc, ctx) -> Thread:
        tree = doc.tree
        url = canonical_url(tree, ctx.url)
        base = base_url(tree, ctx.url) or url or ("https://slashdot.org/" if has(doc, "slashdot.org") else None)
        story = select_one(tree, self.STORY)
        posts: list[Post] = []
        title, story_id, replies = None, None, None
        if story is not None:
            post = self._story(story, base, url, ctx)
            posts.append(post)
            title, story_id = post.title, post.post_id
            replies = parse_count(text_of(select_one(tree, self.BUBBLE)), allow_abbrev=False)
        comments = [c for c in select(tree, self.COMMENT) if select_one(c, self.TOP) is not None]
        ids = [_comment_id(c) for c in comments]
        for el, cid, parent in zip(comments, ids, parent_ids(comments, ids, story_id)):
            post = self._comment(el, cid, parent, base, ctx)
            if post is not None:
                posts.append(post)
        if not title:
            shown = page_title(tree) or ""
            title = _SITE_IN_TITLE.sub("", shown) or None
        return Thread(title=title, url=url, reply_count=replies, posts=posts)

    def _story(self, story, base, url, ctx) -> Post:
        title_el = select_one(story, self.STORY_TITLE)
        link = title_el if title_el is not None and title_el.tag == "a" else select_one(title_el, "a")
        byline = select_one(story, self.STORY_BYLINE)
        time_el = select_one(byline, self.STORY_TIME) if byline is not None else None
        raw = text_of(time_el) or attr(time_el, "datetime")
        if raw is None:
            m = _DATE.search(text_of(byline) or "")
            raw = m.group(0) if m else None
        name_el = select_one(byline, "a[href]") if byline is not None else None
        name = text_of(name_el)
        if not name:
            m = _POSTED_BY.search(_text_without_time(byline))
            name = m.group(1).strip() if m else None
        body = extract_body(select_one(story, self.STORY_TEXT), quote_css="blockquote", signature_css=None,
                            edit_css=None)
        sid = attr(story, "data-fhid") or (attr(story, "id") or "").rsplit("-", 1)[-1] or None
        return Post(
            post_id=sid, permalink=absolute(base, attr(link, "href")) or url,
            author=author(name),  # the editor's link goes to a home page of theirs, not a profile
            timestamp=ctx.dates.iso(raw) if raw else None, timestamp_raw=raw,
            title=text_of(title_el if link is None else link),
            body=body.text, body_html=body.html, quotes=body.quotes,
        )

    def _comment(self, el, cid, parent, base, ctx) -> Post | None:
        top = select_one(el, self.TOP)
        body_el = _own(el, self.BODY)
        if body_el is None or not text_of(body_el):
            return None  # collapsed beneath the threshold: saved without its words
        subject = select_one(top, self.SUBJECT)
        by = select_one(top, self.BY)
        name_el = by if by is not None and by.tag == "a" else select_one(by, "a[href]")
        m = _NAME_UID.match(text_of(by) or "")
        name, uid = (m.group(1), m.group(2)) if m else (None, None)
        details = text_of(select_one(top, ".otherdetails")) or text_of(select_one(top, ".details")) or ""
        when = _DATE.search(details)
        raw = when.group(0) if when else None
        body = extract_body(body_el, quote_css=QUOTE_CSS, quote_author_css="cite", signature_css=".sig",
                            edit_css=None, drop_css=DROP_CSS)
        return Post(
            post_id=cid, permalink=absolute(base, attr(subject, "href")),
            author=author(name, user_id=uid, profile_url=absolute(base, attr(name_el, "href")),
                          signature=body.signature),
            timestamp=ctx.dates.iso(raw) if raw else None, timestamp_raw=raw,
            title=text_of(subject),
            body=body.text, body_html=body.html, quotes=body.quotes, reply_to=parent,
        )


def _comment_id(el) -> str | None:
    m = _TREE_ID.match(el.get("id") or "")
    if m:
        return m.group(1)
    link = select_one(el, ".commentTop h4 a[href], .commentTop a[href*='cid=']")
    m = _CID.search(attr(link, "href") or "")
    return (m.group(1) or m.group(2)) if m else None


def _own(el, css: str):
    """The first match under the comment item that is not inside a reply's item."""
    for found in select(el, css):
        owner = next((a for a in found.iterancestors("li") if "comment" in (a.get("class") or "").split()), None)
        if owner is el:
            return found
    return None


def _text_without_time(byline) -> str:
    if byline is None:
        return ""
    parts = [byline.text or ""]
    for child in byline:
        if child.tag != "time":
            parts.append(text_of(child) or "")
        parts.append(child.tail or "")
    return " ".join(" ".join(parts).split())


ADAPTERS = (Slashdot,)
