"""Tildes topic pages (tildes.net): the topic, then its comment tree.

The topic is an article.topic-full (id topic-<id36>, data-topic-posted-by) with its h1, a byline
(a.link-user, <time datetime="2023-05-01T12:34:56Z" title="2023-05-01 12:34:56 UTC">) and the text
in div.topic-full-text. The comments are in ol#comments.comment-tree: li.comment-tree-item >
article.comment (id comment-<id36>, data-comment-id36) with header.comment-header (a.link-user,
a.comment-posted-time holding the <time>, span.comment-edited-time) and div.comment-text; replies
are in the ol.comment-tree-replies inside the comment's article. Deleted and removed comments
keep their place (class is-comment-deleted / is-comment-removed) without their text.
"""
from __future__ import annotations

import re

from ..html.pageinfo import absolute, base_url, canonical_url
from ..html.select import attr, has_class, select, select_one, text_of
from ..numbers import parse_count
from ..records import Post, Thread
from ..text.echo import split_echoes
from ._html_common import has, has_any, page_title
from ._threaded import author, markdown_body, parent_ids
from .base import Adapter

_COMMENTS = re.compile(r"^\s*(\d[\d,]*)\s+comments?\b", re.I)
_GONE = re.compile(r"^\s*comment (?:deleted|removed) by\b", re.I)
_ID36 = re.compile(r"^(?:topic|comment)-([0-9a-z]+)$")


class Tildes(Adapter):
    name = "tildes"
    format = "html"
    priority = 0.6
    description = "Tildes (tildes.net) topic pages with their comment tree"
    hints = ("tildes",)

    TOPIC = "article.topic-full, article[data-topic-posted-by]"
    TOPIC_TEXT = ".topic-full-text"
    TOPIC_LINK = ".topic-full-link a[href]"
    USER = "a.link-user"
    TIME = "time[datetime]"
    BYLINE_TIME = ".topic-full-byline time[datetime]"
    GROUP = "a.link-group"
    COMMENT = "article.comment, article[data-comment-id36]"
    COMMENT_TEXT = ".comment-text"
    COMMENT_TIME = ".comment-posted-time time, time"
    COMMENT_EDITED = ".comment-edited-time time"
    COUNT = ".topic-comments > header h2, .topic-comments h2"
    VOTES = ".topic-voting-votes, .topic-full-details .topic-voting-votes"

    def detect(self, doc) -> float:
        size = 300_000
        # one search of one marker rules out most pages (the pairs below cost two each)
        if not (has(doc, "link-user", size) and has_any(doc, ("topic-full", "data-comment-id36"), size)
                and has_any(doc, ("comment-tree", "data-topic-posted-by"), size)):
            return 0.0
        return 1.0 if has_any(doc, ("Tildes", "tildes.net"), size) else 0.8

    def parse(self, doc, ctx) -> Thread:
        tree = doc.tree
        url = canonical_url(tree, ctx.url)
        on_site = has(doc, "tildes.net") or (page_title(tree) or "").endswith("- Tildes")
        base = base_url(tree, ctx.url) or url or ("https://tildes.net/" if on_site else None)
        topic = select_one(tree, self.TOPIC)
        posts: list[Post] = []
        title, topic_id = None, None
        if topic is not None:
            post = self._topic(topic, base, url, ctx)
            posts.append(post)
            title, topic_id = post.title, post.post_id
        comments = select(tree, self.COMMENT)
        ids = [_id36(c) for c in comments]
        for el, cid, parent in zip(comments, ids, parent_ids(comments, ids, topic_id, item=_item)):
            posts.append(self._comment(el, cid, parent, base, url, ctx))
        replies = None
        m = _COMMENTS.match(text_of(select_one(tree, self.COUNT)) or "")
        if m:
            replies = parse_count(m.group(1), allow_abbrev=False)
        group = text_of(select_one(tree, self.GROUP))
        if not title:
            title = re.sub(r"\s+-\s+~[^-]+-\s+Tildes\s*$", "", page_title(tree) or "") or None
        return Thread(title=title, url=url, breadcrumbs=(group,) if group else (), reply_count=replies,
                      posts=split_echoes(posts))

    def _topic(self, topic, base, url, ctx) -> Post:
        # the article names its poster; a link-user in the text is a mention
        name = attr(topic, "data-topic-posted-by")
        user = next((a for a in select(topic, self.USER) if not name or text_of(a) == name), None)
        name = name or text_of(user)
        stamp = select_one(topic, self.BYLINE_TIME)
        stamp = stamp if stamp is not None else select_one(topic, self.TIME)
        body = markdown_body(select_one(topic, self.TOPIC_TEXT))
        return Post(
            post_id=_id36(topic), permalink=url,
            author=author(name, profile_url=absolute(base, attr(user, "href") or (f"/user/{name}" if name else None))),
            timestamp=ctx.dates.machine(attr(stamp, "datetime")) if stamp is not None else None,
            timestamp_raw=text_of(stamp), title=text_of(select_one(topic, "h1")),
            body=body.text if body else "", body_html=body.html if body else None,
            quotes=body.quotes if body else (),
            likes=parse_count(text_of(select_one(topic, self.VOTES)), allow_abbrev=False),
        )

    def _comment(self, el, cid, parent, base, url, ctx) -> Post:
        header = _own(el, "header")
        user = select_one(header, self.USER) if header is not None else None
        stamp = select_one(header, self.COMMENT_TIME) if header is not None else None
        edited = select_one(header, self.COMMENT_EDITED) if header is not None else None
        link = select_one(header, "a.comment-posted-time[href]") if header is not None else None
        body = markdown_body(_own(el, self.COMMENT_TEXT), _GONE)
        if has_class(el, "is-comment-deleted") or has_class(el, "is-comment-removed"):
            body = None
        permalink = absolute(base, attr(link, "href")) or (f"{url.split('#')[0]}#comment-{cid}" if url and cid
                                                          else None)
        return Post(
            post_id=cid, permalink=permalink,
            author=author(text_of(user), profile_url=absolute(base, attr(user, "href"))),
            timestamp=ctx.dates.machine(attr(stamp, "datetime")) if stamp is not None else None,
            timestamp_raw=text_of(stamp),
            body=body.text if body else "", body_html=body.html if body else None,
            quotes=body.quotes if body else (),
            edited=ctx.dates.machine(attr(edited, "datetime")) if edited is not None else None,
            reply_to=parent,
        )


def _id36(el) -> str | None:
    value = attr(el, "data-comment-id36")
    if value:
        return value
    m = _ID36.match(el.get("id") or "")
    return m.group(1) if m else None


def _item(el):
    """A comment's article holds its replies (the list item around it holds nothing else)."""
    return el


def _own(el, css: str):
    """The first match inside the comment that is not inside one of its replies."""
    for found in select(el, css):
        owner = next((a for a in found.iterancestors("article") if has_class(a, "comment")
                      or a.get("data-comment-id36")), None)
        if owner is el:
            return found
    return None


ADAPTERS = (Tildes,)
