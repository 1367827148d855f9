"""Reddit comment pages: the submission, then every comment in page order, nested or not.

Three markups: the 2018-2023 React redesign (div.Post with data-test-id=post-content,
div.Comment t1_*; names and creation times that the markup lacks are in the embedded
window.___r state JSON), the 2023 "shreddit" web components (shreddit-post,
shreddit-comment with attributes), and old.reddit (div.thing with data-author).
Markdown "> " quotes render as blockquotes; pasted repeats are found by `EchoFinder`.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache

import attrs
import lxml.etree
from cssselect import GenericTranslator

from ..html.body import extract_body
from ..html.pageinfo import PostScope, absolute, base_url, canonical_url, meta_content
from ..html.select import attr, has_class, matches_plain, plain_parts, select, select_one, text_of, xpath
from ..numbers import parse_count
from ..records import Author, Post, Thread
from ..text.echo import split_echoes
from ..vocab import REMOVED_TEXT
from ._html_common import has, has_any, has_lower
from .base import Adapter

_COMMENTS = re.compile(r"^\s*(?:all\s+)?([\d.,]+\s*[kKmM]?)\s+comments?\b", re.I)
_NOT_A_NAME = re.compile(r"^\s*(?:-?[\d.,]+k?\s+points?|level\s+\d+|score hidden)\b", re.I)
_STATE_KEY = re.compile(r'"(t[13]_[a-z0-9]+)":\{"')
_USER_PATH = re.compile(r"/(?:user|u)/([^/?#\s]+)")
_FULLNAME = re.compile(r"\bt[13]_[a-z0-9]+\b")

QUOTE_CSS = "blockquote"
BODY_DROP = "button, .icon, [data-click-id=upvote], [data-click-id=downvote]"


def _name(shown: str | None) -> str | None:
    """ "u/abc" -> "abc": the account id without reddit's prefix."""
    if not shown:
        return None
    shown = shown.strip()
    return re.sub(r"^/?u/", "", shown) or None


class Reddit(Adapter):
    name = "reddit"
    format = "html"
    priority = 0.6
    description = "Reddit comment pages (redesign, shreddit and old.reddit markup)"
    hints = ("reddit",)

    # redesign (React SSR)
    POST_CONTENT = "[data-test-id=post-content]"
    POST_AUTHOR = "[data-testid=post_author_link], a[href^='/user/'], a[href^='/u/']"
    POST_TIME = "[data-testid=post_timestamp], a[id^='PostTopMeta--Created'], [data-click-id=timestamp]"
    POST_TEXT = "[data-click-id=text], [data-test-id=post-text]"
    COMMENT = "div.Comment"
    COMMENT_HEADER = "[data-testid=post-comment-header], [data-testid=post-comment-header-deleted]"
    COMMENT_DELETED = "[data-testid=post-comment-header-deleted]"
    COMMENT_AUTHOR = "[data-testid=comment_author_link]"
    COMMENT_AVATAR = "a[data-testid=comment_author_icon], a[href^='/user/']"
    COMMENT_TIME = "[data-testid=comment_timestamp], a[id^='CommentTopMeta--Created']"
    COMMENT_TEXT = "[data-testid=comment], [data-test-id=comment]"
    STATE = "window.___r = "
    # shreddit
    SH_POST = "shreddit-post"
    SH_POST_TEXT = "[slot=text-body], [id$=post-rtjson-content]"
    SH_COMMENT = "shreddit-comment"
    SH_COMMENT_TEXT = "[slot=comment], [id$=comment-rtjson-content]"
    SH_TIME = "time[datetime], faceplate-timeago[ts]"
    # old.reddit
    OLD_LINK = "div.thing.link"
    OLD_COMMENT = "div.thing.comment"
    OLD_TITLE = "a.title"
    OLD_TEXT = "div.usertext-body div.md"
    OLD_TIME = "p.tagline time[datetime], time[datetime]"
    OLD_AUTHOR = "p.tagline a.author"
    OLD_DELETED_AUTHOR = "p.tagline > em"  # "[deleted]" in place of the author link

    def detect(self, doc) -> float:
        size = 300_000
        site = has(doc, "redditstatic.com", size) or has(doc, "reddit.com/r/", size)
        if not site and doc.tree is not None and has(doc, "og:site_name") and has_lower(doc, "reddit"):
            site = "reddit" in (meta_content(doc.tree, "og:site_name") or "").lower()
        if not site:
            return 0.0
        # the markup can start deep in a page of inline scripts and styles: the whole text
        if (has_any(doc, ('data-test-id="post-content"', "<shreddit-post", "<shreddit-comment"))
                or re.search(r'class="[^"]*\bthing\b[^"]*\b(?:link|comment)\b', doc.text[:size])):
            return 1.0
        return 0.3

    def parse(self, doc, ctx) -> Thread:
        tree = doc.tree
        base = base_url(tree, ctx.url) or "https://www.reddit.com/"
        # SH_POST; POST_CONTENT from the page's data-test-id values (a scan of every element's
        # attributes by a selector costs several times more on reddit's large pages)
        if next(tree.iter(self.SH_POST), None) is not None:
            thread = self._shreddit(tree, base, ctx)
        elif (content := next((v.getparent() for v in _TEST_IDS(tree) if v == "post-content"), None)) is not None:
            thread = self._redesign(doc, tree, content, base, ctx)
        else:
            thread = self._old(tree, base, ctx)
        return attrs.evolve(thread, url=canonical_url(tree, ctx.url), posts=split_echoes(thread.posts))

    # -- redesign --------------------------------------------------------------------------
    def _redesign(self, doc, tree, content, base, ctx) -> Thread:
        container = next((a for a in content.iterancestors() if has_class(a, "Post")), content)
        post_id = _FULLNAME.search(" ".join(filter(None, (container.get("id"), container.get("class"))))) \
            if container is not None else None
        post_id = post_id.group(0) if post_id else None
        comments = select(tree, self.COMMENT)
        ids = [_fullname(c) for c in comments]
        state = _state_models(doc.text, self.STATE, {i for i in [post_id, *ids] if i})
        model = state.get(post_id, {})
        author_el = _outside(select(content, self.POST_AUTHOR), self.POST_TEXT)
        title = text_of(select_one(content, "h1")) or meta_content(tree, "og:title")
        stamp_el = select_one(content, self.POST_TIME)
        body = _body(select_one(content, self.POST_TEXT))
        posts = [Post(
            post_id=post_id, permalink=absolute(base, model.get("permalink")),
            author=_author(_name(text_of(author_el)) or model.get("author"), base),
            timestamp=ctx.dates.machine(_str(model.get("created"))) or ctx.dates.iso(text_of(stamp_el)),
            timestamp_raw=text_of(stamp_el), title=title,
            body=body.text if body else "", body_html=body.html if body else None,
            quotes=body.quotes if body else (),
        )]
        parents: list[str | None] = []
        scope = PostScope(comments)
        for el, cid in zip(comments, ids):
            level = _level(el)
            del parents[level:]
            reply_to = parents[-1] if parents else post_id
            parents.extend([None] * (level - len(parents)))
            parents.append(cid)
            posts.append(self._redesign_comment(el, scope, cid, state.get(cid, {}), base, ctx, reply_to))
        replies = _comment_count(container)
        return Thread(title=title, reply_count=replies, posts=posts)

    def _redesign_comment(self, el, scope, cid, model, base, ctx, reply_to) -> Post:
        header = scope.one(el, self.COMMENT_HEADER)
        deleted = scope.one(el, self.COMMENT_DELETED) is not None
        name = None
        if not deleted:
            name = _name(text_of(scope.one(el, self.COMMENT_AUTHOR)))
            if not name and header is not None:
                shown = (text_of(header) or "").split("·")[0].strip()
                name = shown if shown and not _NOT_A_NAME.match(shown) else None
            name = name or model.get("author")
            if not name:  # the avatar's profile link (not a u/ mention in the text)
                name = _user_from_link(_outside(select(el, self.COMMENT_AVATAR), self.COMMENT_TEXT))
        stamp_el = scope.one(el, self.COMMENT_TIME)
        body = _body(scope.one(el, self.COMMENT_TEXT))
        return Post(
            post_id=cid, permalink=absolute(base, model.get("permalink") or attr(stamp_el, "href")),
            author=_author(name, base),
            timestamp=ctx.dates.machine(_str(model.get("created"))) or ctx.dates.iso(text_of(stamp_el)),
            timestamp_raw=text_of(stamp_el),
            body=body.text if body else "", body_html=body.html if body else None,
            quotes=body.quotes if body else (),
            edited=ctx.dates.machine(_str(model.get("editedAt"))), reply_to=reply_to,
        )

    # -- shreddit --------------------------------------------------------------------------
    def _shreddit(self, tree, base, ctx) -> Thread:
        post_el = select_one(tree, self.SH_POST)
        text_el = select_one(post_el, self.SH_POST_TEXT)
        body = _body(text_el if text_el is not None else select_one(tree, self.SH_POST_TEXT))
        post_id = attr(post_el, "id") or attr(post_el, "thingid")
        title = attr(post_el, "post-title") or text_of(select_one(tree, "h1")) or meta_content(tree, "og:title")
        posts = [Post(
            post_id=post_id, permalink=absolute(base, attr(post_el, "permalink")),
            author=_author(_name(attr(post_el, "author")), base),
            timestamp=ctx.dates.machine(attr(post_el, "created-timestamp")),
            timestamp_raw=attr(post_el, "created-timestamp"), title=title,
            body=body.text if body else "", body_html=body.html if body else None,
            quotes=body.quotes if body else (),
        )]
        for el in tree.iter(self.SH_COMMENT):
            stamp = next((s for s in select(el, self.SH_TIME) if _closest(s, self.SH_COMMENT) is el), None)
            text_el = next((t for t in select(el, self.SH_COMMENT_TEXT) if _closest(t, self.SH_COMMENT) is el), None)
            body = _body(text_el)
            when = attr(stamp, "datetime") or attr(stamp, "ts")
            posts.append(Post(
                post_id=attr(el, "thingid"), permalink=absolute(base, attr(el, "permalink")),
                author=_author(_name(attr(el, "author")), base),
                timestamp=ctx.dates.machine(when), timestamp_raw=text_of(stamp) or when,
                body=body.text if body else "", body_html=body.html if body else None,
                quotes=body.quotes if body else (),
                reply_to=attr(el, "parentid") or post_id,
            ))
        replies = parse_count(attr(post_el, "comment-count"), allow_abbrev=False)
        return Thread(title=title, reply_count=replies, posts=posts)

    # -- old.reddit ------------------------------------------------------------------------
    def _old(self, tree, base, ctx) -> Thread:
        link = select_one(tree, self.OLD_LINK)
        posts, title, replies, link_id = [], None, None, None
        if link is not None:
            link_id = attr(link, "data-fullname")
            title = text_of(select_one(link, self.OLD_TITLE))
            body = _body(_own(link, self.OLD_TEXT, self.OLD_LINK))
            stamp = _own(link, self.OLD_TIME, self.OLD_LINK)
            posts.append(Post(
                post_id=link_id, permalink=absolute(base, attr(link, "data-permalink")),
                author=_author(attr(link, "data-author") or text_of(_own(link, self.OLD_AUTHOR, self.OLD_LINK)),
                               base),
                timestamp=ctx.dates.machine(attr(stamp, "datetime")) or ctx.dates.machine(
                    attr(link, "data-timestamp")),
                timestamp_raw=text_of(stamp), title=title,
                body=body.text if body else "", body_html=body.html if body else None,
                quotes=body.quotes if body else (),
            ))
            for a in select(link, "a.comments"):
                m = _COMMENTS.match(text_of(a) or "")
                if m:
                    replies = parse_count(m.group(1), allow_abbrev=False)
        for el in select(tree, self.OLD_COMMENT):
            stamp = _own(el, self.OLD_TIME, self.OLD_COMMENT)
            body = _body(_own(el, self.OLD_TEXT, self.OLD_COMMENT))
            parent = _closest(el.getparent(), self.OLD_COMMENT) if el.getparent() is not None else None
            name = (attr(el, "data-author") or text_of(_own(el, self.OLD_AUTHOR, self.OLD_COMMENT))
                    or text_of(_own(el, self.OLD_DELETED_AUTHOR, self.OLD_COMMENT)))
            posts.append(Post(
                post_id=attr(el, "data-fullname"), permalink=absolute(base, attr(el, "data-permalink")),
                author=_author(_name(name), base),
                timestamp=ctx.dates.machine(attr(stamp, "datetime")), timestamp_raw=text_of(stamp),
                body=body.text if body else "", body_html=body.html if body else None,
                quotes=body.quotes if body else (),
                reply_to=attr(parent, "data-fullname") if parent is not None else link_id,
            ))
        return Thread(title=title or meta_content(tree, "og:title"), reply_count=replies, posts=posts)


def _body(el):
    if el is None:
        return None
    body = extract_body(el, quote_css=QUOTE_CSS, quote_author_css="cite", signature_css=None, edit_css=None,
                        drop_css=BODY_DROP)
    # "[deleted]", "[removed]", "Comment removed by moderator": the comment's place, not its words
    return attrs.evolve(body, text="", quotes=()) if REMOVED_TEXT.match(body.text) else body


def _author(name: str | None, base) -> Author | None:
    if not name:
        return None
    profile = None if name == "[deleted]" else absolute(base, f"/user/{name}/")
    return Author(name=name, profile_url=profile)


def _user_from_link(link) -> str | None:
    m = _USER_PATH.search(attr(link, "href") or "")
    return m.group(1) if m else None


def _str(value) -> str | None:
    return None if value is None or isinstance(value, bool) else str(value)


def _fullname(el) -> str | None:
    m = _FULLNAME.search(el.get("class") or "") or _FULLNAME.search(el.getparent().get("id") or "")
    return m.group(0) if m else None


def _level(el) -> int:
    """Nesting depth of a redesign comment: one thread line per level beside it."""
    wrapper = el.getparent()
    if wrapper is None:
        return 0
    # the wrapper's <i class=threadline> elements outside the comment itself
    lines = sum(1 for child in wrapper if child is not el for i in child.iter("i") if has_class(i, "threadline"))
    if lines:
        return max(0, lines - 1)
    m = re.search(r"level\s+(\d+)", text_of(select_one(el, "span")) or "")
    return max(0, int(m.group(1)) - 1) if m else 0


def _comment_count(container) -> int | None:
    for span in select(container, "span"):
        text = text_of(span)
        if text and len(text) < 30:
            m = _COMMENTS.match(text)
            if m:
                return parse_count(m.group(1), allow_abbrev=False)
    return None


@lru_cache(maxsize=64)
def _self_test(css: str) -> lxml.etree.XPath:
    return lxml.etree.XPath(GenericTranslator().css_to_xpath(css, prefix="self::"))


def _closest(el, css: str):
    """`el` or its nearest ancestor matching `css`."""
    if el is None:
        return None
    if css in _TAG_ONLY:
        return next((node for node in [el, *el.iterancestors(css)] if node.tag == css), None)
    parts = plain_parts(css)
    if parts is not None:  # tested in Python: no XPath call for each ancestor
        return next((node for node in (el, *el.iterancestors()) if matches_plain(node, parts)), None)
    test = _self_test(css)
    return next((node for node in (el, *el.iterancestors()) if test(node)), None)


_TAG_ONLY = frozenset({Reddit.SH_COMMENT})  # selectors naming a tag alone: compared without XPath
_TEST_IDS = xpath("//@data-test-id")
def _outside(found: list, css: str):
    """The first element of `found` that is not inside an element matching `css` (a post body)."""
    return next((f for f in found if _closest(f, css) is None), None)


def _own(el, css: str, thing_css: str):
    """The first match under `el` that belongs to `el` itself, not to a nested thing (old.reddit)."""
    for found in select(el, css):
        if _closest(found.getparent(), thing_css) is el:
            return found
    return None


def _state_models(text: str, marker: str, wanted: set[str]) -> dict[str, dict]:
    """The state objects of the wanted t1_/t3_ ids, decoded one by one (the whole state can be MBs)."""
    start = text.find(marker)
    if start < 0 or not wanted:
        return {}
    end = text.find("</script>", start)
    script = text[start:end if end > 0 else len(text)]
    decoder = json.JSONDecoder()
    models: dict[str, dict] = {}
    for m in _STATE_KEY.finditer(script):
        key = m.group(1)
        if key not in wanted or key in models:
            continue
        try:
            obj, _ = decoder.raw_decode(script, m.end() - 2)
        except ValueError:
            continue
        if isinstance(obj, dict) and "author" in obj:
            models[key] = obj
    return models


ADAPTERS = (Reddit,)
