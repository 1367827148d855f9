"""Lemmy post pages as the server-rendered lemmy-ui saves them: the post, then its comment tree.

The post: .post-title h1 (h5 before 0.18) with the title link, a.person-listing (href /u/name, or
/u/name@instance for remote users: the account id; the link text is the display name), a
community link, a MomentTime span (data-tippy-content "Saturday, June 17th, 2023 at 10:25:31 AM
GMT+00:00", or "Created: ... Modified: ..." once edited) and the body in #postContent .md-div.
Comments: li.comment > article#comment-<id> (div#comment-<id>.comment-node before 0.18) with the
same person link and time, the text in .md-div, replies in the ul.comments inside the item.
The page also carries its data as JSON (window.isoData): exact creation and edit times, ids and
deletion flags are read from there by comment id when present.
"""
from __future__ import annotations

import json
import re

from ..html.pageinfo import absolute, base_url, canonical_url, meta_content
from ..html.select import attr, has_class, select, select_one, text_of
from ..records import Post, Thread
from ..text.echo import split_echoes
from ._html_common import has, has_any, page_title
from ._threaded import author, markdown_body, parent_ids
from .base import Adapter

_COMMENT_ID = re.compile(r"^comment-(\d+)$")
_USER_HREF = re.compile(r"/u/([^/?#\s]+)")
_POST_HREF = re.compile(r"/post/(\d+)")
_ISO_NO_ZONE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$")
_REMOVED = re.compile(r"^\s*\*?(?:removed|deleted)(?: by (?:creator|mod|moderator|admin))?\*?\s*$", re.I)
_LABELLED = re.compile(r"^\s*(created|modified|edited)\s*:?\s*(.+)$", re.I)
_STATE = "window.isoData"


class Lemmy(Adapter):
    name = "lemmy"
    format = "html"
    priority = 0.6
    description = "Lemmy post pages (server-rendered lemmy-ui) with their comment tree"
    hints = ("lemmy",)

    TITLE = ".post-title h1, .post-title h5, .post-title a"
    POST = ".post-listing"
    POST_TEXT = "#postContent .md-div, .post-listing .md-div"
    PERSON = "a.person-listing, a[href^='/u/'], a[href*='/u/']"  # no class before 0.18
    COMMUNITY = "a.community-link, a[href^='/c/']"
    TIME = "[data-tippy-content], time, span.moment-time"
    COMMENT = "article[id^='comment-'], div.comment-node[id^='comment-']"
    COMMENT_TEXT = ".md-div"

    def detect(self, doc) -> float:
        size = 300_000
        # the rarest marker first: most pages are ruled out by one search
        if not (has(doc, "md-div", size) and has_any(doc, ("person-listing", "comment-node"), size)):
            return 0.0
        return 1.0 if has_any(doc, (_STATE, "lemmy-site", "Lemmy"), size) else 0.0

    def parse(self, doc, ctx) -> Thread:
        tree = doc.tree
        url = canonical_url(tree, ctx.url)
        base = base_url(tree, ctx.url) or url
        state = _State(doc.text)
        listing = select_one(tree, self.POST)
        scope = listing if listing is not None else tree
        title = text_of(select_one(scope, self.TITLE)) or meta_content(tree, "og:title") or page_title(tree)
        post_id = state.post.get("id")
        title_link = select_one(scope, ".post-title a[href]")
        post_id = str(post_id) if post_id is not None else _post_id(url) or _post_id(attr(title_link, "href"))
        person = select_one(scope, self.PERSON)
        stamp_el = _time_el(scope, ctx)
        text_el = select_one(tree, self.POST_TEXT)
        body = markdown_body(text_el if text_el is not None else _first_own_text(tree), _REMOVED)
        created, edited = _times(stamp_el, ctx)
        posts = [Post(
            post_id=post_id, permalink=url or absolute(base, f"/post/{post_id}" if post_id else None),
            author=_author(person, base) or author(state.post_creator.get("name")),
            timestamp=_machine(state.post.get("published"), ctx) or created,
            timestamp_raw=text_of(stamp_el), title=title,
            body=body.text if body else "", body_html=body.html if body else None,
            quotes=body.quotes if body else (),
            edited=_machine(state.post.get("updated"), ctx) or edited,
            likes=state.post_score,
        )]
        comments = select(tree, self.COMMENT)
        ids = [_comment_id(c) for c in comments]
        for el, cid, parent in zip(comments, ids, parent_ids(comments, ids, post_id, item=_item)):
            data = state.comments.get(cid, {})
            parent = _path_parent(data, post_id) or parent  # the state's path is exact; the markup may be flat
            posts.append(self._comment(el, cid, parent, data, base, ctx))
        community = text_of(select_one(scope, self.COMMUNITY))
        return Thread(title=title, url=url, breadcrumbs=(community,) if community else (),
                      reply_count=state.reply_count, posts=split_echoes(posts))

    def _comment(self, el, cid, parent, data, base, ctx) -> Post:
        person = _own(el, self.PERSON)
        stamp_el = _time_el(el, ctx)  # the comment's element holds its own row and text, not its replies
        created, edited = _times(stamp_el, ctx)
        comment = data.get("comment", {})
        body = markdown_body(_own(el, self.COMMENT_TEXT), _REMOVED)
        if comment.get("deleted") or comment.get("removed"):
            body = None
        link = next((a for a in select(el, "a[href*='/comment/']") if _item(_comment_of(a)) is _item(el)), None)
        return Post(
            post_id=cid, permalink=absolute(base, attr(link, "href")) or absolute(base, f"/comment/{cid}"),
            author=_author(person, base) or author(data.get("creator", {}).get("name")),
            timestamp=_machine(comment.get("published"), ctx) or created, timestamp_raw=text_of(stamp_el),
            body=body.text if body else "", body_html=body.html if body else None,
            quotes=body.quotes if body else (),
            edited=_machine(comment.get("updated"), ctx) or edited, reply_to=parent,
            likes=_likes(data.get("counts", {})),
        )


class _State:
    """The page's window.isoData: the post, its creator and counts, and each comment by id."""

    def __init__(self, text: str):
        self.post: dict = {}
        self.post_creator: dict = {}
        self.post_score = None
        self.reply_count = None
        self.comments: dict[str, dict] = {}
        start = text.find(_STATE)
        if start < 0:
            return
        brace = text.find("{", start)
        try:
            data, _ = json.JSONDecoder().raw_decode(text, brace)
        except ValueError:
            return
        for obj in _dicts(data):
            view = obj.get("post_view")
            if isinstance(view, dict) and not self.post:
                self.post = view.get("post") or {}
                self.post_creator = view.get("creator") or {}
                counts = view.get("counts") or {}
                self.post_score = _likes(counts)
                self.reply_count = _int(counts.get("comments"))
            comment = obj.get("comment")
            if isinstance(comment, dict) and "id" in comment and "creator" in obj:
                self.comments.setdefault(str(comment["id"]), obj)


def _int(value) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _likes(counts: dict) -> int | None:
    """Up-votes (a score can be negative: it is no count of likes)."""
    for key in ("upvotes", "score"):
        value = _int(counts.get(key))
        if value is not None and value >= 0:
            return value
    return None


def _dicts(data, depth: int = 0):
    """Every dict in the JSON, outermost first (the state is a few levels deep)."""
    if depth > 8:
        return
    if isinstance(data, dict):
        yield data
        for value in data.values():
            if isinstance(value, (dict, list)):
                yield from _dicts(value, depth + 1)
    elif isinstance(data, list):
        for value in data:
            if isinstance(value, (dict, list)):
                yield from _dicts(value, depth + 1)


def _machine(value, ctx) -> str | None:
    """Lemmy's times are UTC; before 0.19 they were written without the zone."""
    if not isinstance(value, str) or not value:
        return None
    return ctx.dates.machine(value + "Z" if _ISO_NO_ZONE.match(value) else value)


def _times(el, ctx) -> tuple[str | None, str | None]:
    """(created, edited) from the tooltip: one date, or "Created: X" and "Modified X" lines."""
    if el is None:
        return None, None
    if el.tag == "time" and attr(el, "datetime"):
        return ctx.dates.machine(attr(el, "datetime")), None
    tip = attr(el, "data-tippy-content") or attr(el, "title") or ""
    lines = [ln for ln in tip.splitlines() if ln.strip()]
    created = edited = None
    for line in lines:
        m = _LABELLED.match(line)
        if m:
            when = ctx.dates.iso(m.group(2).strip())
            if m.group(1).lower() == "created":
                created = when
            else:
                edited = when
        elif created is None:
            created = ctx.dates.iso(line.strip())
    return created, edited


def _time_el(scope, ctx):
    """The first <time>, moment-time span or tooltip that reads as a date (the vote bar's
    tooltips say "Upvote" and "57 points • 59 upvotes")."""
    if scope is None:
        return None
    for el in select(scope, Lemmy.TIME):
        if el.tag == "time" or has_class(el, "moment-time") or _times(el, ctx)[0]:
            return el
    return None


def _author(person, base):
    if person is None:
        return None
    m = _USER_HREF.search(attr(person, "href") or "")
    name = m.group(1) if m else (text_of(person) or "").lstrip("@") or None
    img = select_one(person, "img[src]")
    return author(name, profile_url=absolute(base, attr(person, "href")), avatar_url=absolute(base, attr(img, "src")))


def _comment_id(el) -> str | None:
    m = _COMMENT_ID.match(el.get("id") or "")
    return m.group(1) if m else None


def _item(el):
    """What holds a comment and its replies: li.comment (0.18 on) or div.comment (before)."""
    if el is None:
        return None
    for anc in el.iterancestors():
        if anc.tag == "li" or has_class(anc, "comment"):
            return anc
    return el


def _comment_of(el):
    return next((a for a in el.iterancestors() if _COMMENT_ID.match(a.get("id") or "")), None)


def _own(el, css: str):
    """The first match inside the comment that is not inside a reply."""
    return next((f for f in select(el, css) if _comment_of(f) is el), None)


def _path_parent(data: dict, post_id: str | None) -> str | None:
    """The parent's id from the comment's path "0.<ancestor ids>.<own id>"."""
    path = (data.get("comment") or {}).get("path")
    if not isinstance(path, str) or "." not in path:
        return None
    parts = path.split(".")
    return parts[-2] if len(parts) > 2 else post_id


def _first_own_text(tree):
    """The first Markdown block outside the comments and the sidebar (the community's text)."""
    for el in select(tree, ".md-div"):
        if _comment_of(el) is None and next(el.iterancestors("aside"), None) is None:
            return el
    return None


def _post_id(url: str | None) -> str | None:
    m = _POST_HREF.search(url or "")
    return m.group(1) if m else None


ADAPTERS = (Lemmy,)
