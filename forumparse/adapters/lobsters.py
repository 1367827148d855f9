"""Lobsters story pages (lobste.rs and the other sites running its code): the story, then its comments.

The story is an li.story (id story_<shortid>, data-shortid) with the title link in
span.link (a.u-url), a div.byline ("via" / "authored by" the user link, a <span title="2024-03-01
10:22:33 -0600">2 hours ago</span> or a <time>), and its text in div.story_text. Each comment is a
div.comment (id c_<shortid>, data-shortid) with div.byline and div.comment_text; replies are in an
ol.comments inside the comment's li.comments_subtree. User links are /u/name (before 2020) or /~name.
Markdown quotes render as <blockquote>.
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

_COMMENTS = re.compile(r"(\d[\d,]*)\s+comments?\b", re.I)
_USER_HREF = re.compile(r"/(?:~|u/)([^/?#\s]+)/?$")
# what a removed comment says in place of its words
_REMOVED = re.compile(r"^\s*\[?\s*comment (?:removed|deleted) by (?:author|moderator|the author)\b.*$"
                      r"|^\s*\[?\s*comment from banned user removed\b.*$"
                      r"|^\s*\[?\s*(?:removed|deleted)\s*\]?\s*$", re.I | re.S)
_SHORT_ID = re.compile(r"^(?:c_|story_)?([0-9a-z]+)$")


class Lobsters(Adapter):
    name = "lobsters"
    format = "html"
    priority = 0.6
    description = "Lobsters (lobste.rs and sites on its code) story pages with comments"
    hints = ("lobsters", "lobste.rs")

    STORY = "li.story, div.story"
    STORY_LINK = ".link a.u-url, .link > a"
    STORY_TEXT = ".story_text"
    BYLINE = ".byline"
    COMMENT = ".comment"
    COMMENT_TEXT = ".comment_text"
    TIME = "time, span[title]"
    SCORE = ".voters .score, .score"

    def detect(self, doc) -> float:
        size = 200_000
        # the rarest marker first: most pages are ruled out by one search
        if not has_any(doc, ("comments_subtree", "story_liner"), size):
            return 0.0
        if not (has(doc, "byline", size) and has_any(doc, ("comment_text", "story_text"), size)):
            return 0.0
        # the site's name, or the story markup of its code (li.story with data-shortid)
        site = has_any(doc, ("Lobsters", "lobste.rs"), size) or has(doc, "data-shortid", size)
        return 1.0 if site else 0.0

    def parse(self, doc, ctx) -> Thread:
        tree = doc.tree
        url = canonical_url(tree, ctx.url)
        # links are site-relative: a saved page without its address still names lobste.rs
        base = base_url(tree, ctx.url) or url or ("https://lobste.rs/" if has(doc, "lobste.rs") else None)
        story = select_one(tree, self.STORY)
        posts: list[Post] = []
        title, replies, story_id = None, None, None
        if story is not None:
            post, replies = self._story(tree, story, base, url, ctx)
            posts.append(post)
            title, story_id = post.title, post.post_id
        # a comment has a byline or its text (the reply form's div.comment has neither)
        comments = [c for c in select(tree, self.COMMENT) if not has_class(c, "comment_form_container")
                    and (select_one(c, self.BYLINE) is not None or select_one(c, self.COMMENT_TEXT) is not None)]
        ids = [_short_id(c) for c in comments]
        for el, cid, parent in zip(comments, ids, parent_ids(comments, ids, story_id, item=_subtree)):
            posts.append(self._comment(el, cid, parent, base, url, ctx))
        if not title:
            title = re.sub(r"\s*\|\s*[^|]+$", "", page_title(tree) or "") or None
        url = url or (posts[0].permalink if story is not None else None)  # the story's page is this page
        return Thread(title=title, url=url, reply_count=replies, posts=split_echoes(posts))

    def _story(self, tree, story, base, url, ctx) -> tuple[Post, int | None]:
        link = select_one(story, self.STORY_LINK)
        byline = select_one(story, self.BYLINE)
        name, profile = _user(byline, base)
        stamp_el, _ = _times(byline, ctx)
        text_el = select_one(tree, self.STORY_TEXT)
        body = markdown_body(text_el)
        replies = None
        for a in select(byline, "a") if byline is not None else []:
            m = _COMMENTS.search(text_of(a) or "")
            if m:
                replies = parse_count(m.group(1), allow_abbrev=False)
        story_id = _short_id(story)
        label = select_one(byline, ".comments_label a[href]") if byline is not None else None
        post = Post(
            post_id=story_id, permalink=url or absolute(base, attr(label, "href")),
            author=author(name, profile_url=profile, avatar_url=_avatar(byline, base)),
            timestamp=_stamp(stamp_el, ctx), timestamp_raw=text_of(stamp_el),
            title=text_of(link),
            body=body.text if body else "", body_html=body.html if body else None,
            quotes=body.quotes if body else (),
            likes=_likes(select_one(story, self.SCORE)),
        )
        return post, replies

    def _comment(self, el, cid, parent, base, url, ctx) -> Post:
        byline = select_one(el, self.BYLINE)
        name, profile = _user(byline, base)
        created, edited = _times(byline, ctx)
        link = next((a for a in (select(byline, "a[href]") if byline is not None else [])
                     if "#c_" in a.get("href", "") or "/c/" in a.get("href", "")), None)
        permalink = absolute(base, attr(link, "href")) or (f"{url.split('#')[0]}#c_{cid}" if url and cid else None)
        body = markdown_body(select_one(el, self.COMMENT_TEXT), _REMOVED)
        if has_class(el, "deleted") or has_class(el, "is_gone"):
            body = None
        return Post(
            post_id=cid, permalink=permalink,
            author=author(name, profile_url=profile, avatar_url=_avatar(byline, base)),
            timestamp=_stamp(created, ctx), timestamp_raw=text_of(created),
            body=body.text if body else "", body_html=body.html if body else None,
            quotes=body.quotes if body else (),
            edited=_stamp(edited, ctx), reply_to=parent,
            likes=_likes(select_one(el, self.SCORE)),
        )


def _subtree(el):
    """What holds a comment and its replies: li.comments_subtree (a <details> in some versions)."""
    return next((a for a in el.iterancestors() if a.tag in ("li", "details") or has_class(a, "comments_subtree")),
                el)


def _short_id(el) -> str | None:
    value = attr(el, "data-shortid") or attr(el, "id")
    m = _SHORT_ID.match(value or "")
    return m.group(1) if m else value


def _user(byline, base) -> tuple[str | None, str | None]:
    """The user link with text (the avatar link before it holds only an image)."""
    for a in select(byline, "a[href]") if byline is not None else []:
        m = _USER_HREF.search(a.get("href", ""))
        name = text_of(a)
        if m and name:
            return name, absolute(base, a.get("href"))
    return None, None


def _likes(score_el) -> int | None:
    """The score shown; a negative one (a flagged comment) is no count of likes, "~" hides it."""
    text = text_of(score_el) or ""
    return None if text.lstrip().startswith(("-", "\u2212")) else parse_count(text, allow_abbrev=False)


def _avatar(byline, base) -> str | None:
    img = select_one(byline, "img.avatar[src]") if byline is not None else None
    return absolute(base, attr(img, "src"))


def _times(byline, ctx):
    """(created, edited) elements: the byline's times that read as dates ("edited" before the second)."""
    stamps = [t for t in select(byline, Lobsters.TIME) if _stamp(t, ctx)] if byline is not None else []
    return next((t for t in stamps if not _is_edit(t)), None), next((t for t in stamps if _is_edit(t)), None)


def _stamp(el, ctx) -> str | None:
    """The title's "2024-03-01 10:22:33 -0600" (or a datetime attribute), else the shown text."""
    if el is None:
        return None
    for value in (attr(el, "datetime"), attr(el, "title")):
        if value:
            found = ctx.dates.machine(value)
            if found:
                return found
    return None


def _is_edit(el) -> bool:
    """An "edited 3 hours ago" time: the word is in the element or just before it."""
    before = el.getprevious().tail if el.getprevious() is not None else el.getparent().text
    return "edited" in (text_of(el) or "").lower()[:10] or (before or "").strip().lower().endswith("edited")


ADAPTERS = (Lobsters,)
