"""NodeBB topic pages as the server renders them (li[component=post], data-pid, data-username)."""
from __future__ import annotations

import re

from ..html.body import extract_body
from ..html.page_classes import by_attribute, by_owner, earliest, texts_with, within
from ..html.pageinfo import (
    PostScope,
    absolute,
    base_url,
    canonical_url,
    json_attr,
    link_href,
    meta_content,
    texts,
)
from ..html.select import attr, class_set, select, select_one, text_of, xpath
from ..numbers import parse_count
from ..records import Author, Post, Quote, Thread
from ._html_common import has, has_any, has_last, matches
from .base import Adapter

_VIEWS = re.compile(r"^\s*views?\s*$", re.I)
_NOT_THIS_TOPIC = "ancestor::*[@component='category/topic' or @component='post' or contains(@class,'topic-list')]"


class NodeBB(Adapter):
    name = "nodebb"
    format = "html"
    priority = 0.6
    description = "NodeBB server-rendered topic pages"
    hints = ("nodebb", "ajaxify")

    POST = "[component=post][data-pid], li.post-row[data-pid]"  # post-row: NodeBB before 0.7
    CONTENT = "[component='post/content'], .post-content[itemprop=text], li.post-row .post-content"
    AUTHOR_LINK = ("a[itemprop=author], a[data-username], [itemprop=author] a[href*='/user/'], "
                   ".post-header a[href*='/user/']")
    AVATAR = "img[component='user/picture'], img[component='avatar/picture'], img.avatar"
    GROUPS = (".group-label, a[href*='/groups/'] .label, a[href*='/groups/'] .badge-text, a.badge[href*='/groups/'], "
              "[component='user/title']")
    TIME = "[itemprop=datePublished], a.permalink .timeago, .timeago"
    PERMALINK = "a.permalink[href], a[href*='/post/']"
    EDITOR = "[component='post/editor'] .timeago"
    VOTES = "[component='post/vote-count']"
    SIGNATURE = "[component='post/signature'], .post-signature"
    PARENT = "[component='post/parent'][data-topid]"  # the post this one replies to
    DROP = ".github-embeds-container"  # link preview cards of the GitHub embed plugin
    TITLE = "[component='topic/title'], h1[component='post/header'], h1 [itemprop=name], h1"
    CRUMBS = "ol.breadcrumb li [itemprop=title], ol.breadcrumb li [itemprop=name], ol.breadcrumb li"
    # parse: the [component=...] and [itemprop=...] parts of the selectors above come from one pass
    # over those attributes (select.Index would test every element for each); their class parts:
    CONTENT_CLASSED = ".post-content[itemprop=text], li.post-row .post-content"
    TIME_CLASSED = ".timeago"  # TIME's "a.permalink .timeago" matches are .timeago's
    SIGNATURE_CLASSED = ".post-signature"
    GROUPS_CLASSED = (".group-label, a[href*='/groups/'] .label, a[href*='/groups/'] .badge-text, "
                      "a.badge[href*='/groups/']")
    OWNED = (("component", "post/content"), ("itemprop", "datePublished"), ("component", "post/editor"),
             ("component", "post/vote-count"), ("component", "post/signature"), ("component", "post/parent"),
             ("component", "user/title"))

    def detect(self, doc) -> float:
        tree = doc.tree
        if tree is None:
            return 0.0
        score = 0.0
        if has_any(doc, ('id="ajaxify-data"', "nodebb-plugin-", 'component="topic"')):
            score = 0.8
        if has(doc, 'component="post') and matches(tree, self.POST) and matches(tree, self.CONTENT):
            score = min(1.0, score + 0.3)
        elif has_last(doc, "www.nodebb.org", 50_000) or has_last(doc, "Powered by NodeBB", 50_000):
            score = max(score, 0.5)
        return score

    def parse(self, doc, ctx) -> Thread:
        tree = doc.tree
        base = base_url(tree, ctx.url)
        data = _ajaxify_data(tree)
        marked = by_attribute(tree, "component", "itemprop")
        boxes = self._post_boxes(tree, marked)
        # a post has content: a [component=post/content] at or below it, else CONTENT's class parts
        box_set = set(boxes)
        with_content = {a for el in marked.get(("component", "post/content"), ())
                        for a in (el, *el.iterancestors()) if a in box_set}
        posts_el = [p for p in boxes if p in with_content or select_one(p, self.CONTENT_CLASSED) is not None]
        scope = PostScope(posts_el)
        owned = {key: by_owner(posts_el, marked.get(key, ())) for key in self.OWNED}
        posts = [self._post(p, scope, owned, base, ctx) for p in posts_el]
        pagination = data.get("pagination") if isinstance(data.get("pagination"), dict) else {}
        next_page = None
        current, count = pagination.get("currentPage"), pagination.get("pageCount")
        if isinstance(current, int) and isinstance(count, int) and current < count:
            next_page = link_href(tree, "next")
        views = _views(tree)  # a scan of every text node: once
        return Thread(
            title=text_of(_title(tree, marked)) or data.get("titleRaw") or meta_content(tree, "og:title"),
            url=canonical_url(tree, ctx.url),
            breadcrumbs=self._crumbs(tree),
            views=views if views is not None else _int(data.get("viewcount")),
            page=_int(current), page_count=_int(count),
            next_page_url=absolute(base, next_page),
            posts=posts,
        )

    def _post_boxes(self, tree, marked) -> list:
        """select(tree, self.POST) from the attribute pass and the page's <li data-pid>."""
        boxes = [el for el in marked.get(("component", "post"), ()) if el.get("data-pid") is not None]
        rows = [li for li in xpath("descendant-or-self::li[@data-pid]")(tree) if "post-row" in class_set(li)]
        if boxes and rows:
            return select(tree, self.POST)  # both markups: their document order
        return boxes or rows

    def _post(self, el, scope, owned, base, ctx) -> Post:
        def first(key):
            found = owned[key].get(el)
            return found[0] if found else None

        content = earliest(first(("component", "post/content")), scope.one(el, self.CONTENT_CLASSED))
        headers = _quote_headers(content)
        body = extract_body(content, quote_css="blockquote", signature_css=None, edit_css=None, drop_css=self.DROP)
        quotes = []
        for i, quote in enumerate(body.quotes):  # "@MJ said in <a href=/post/73814>Topic</a>:" before each quote
            author, post_id = headers[i] if i < len(headers) else (None, None)
            name = (author or quote.author or "").lstrip("@") or None
            quotes.append(Quote(author=name, text=quote.text, post_id=post_id or quote.post_id))
        link = scope.one(el, self.AUTHOR_LINK)
        name = attr(el, "data-username") or attr(link, "data-username") or text_of(link) or ""
        slug = attr(el, "data-userslug")
        profile = attr(link, "href") if link is not None and link.tag == "a" else (f"/user/{slug}" if slug else None)
        stamp = earliest(first(("itemprop", "datePublished")), scope.one(el, self.TIME_CLASSED))
        timestamp = ctx.dates.machine(attr(stamp, "content") or attr(stamp, "title") or attr(stamp, "datetime"))
        if timestamp is None:
            timestamp = ctx.dates.machine(attr(el, "data-timestamp"))
        edited_el = next(within(owned[("component", "post/editor")].get(el, ()), ".timeago"), None)
        votes = first(("component", "post/vote-count"))
        signature = earliest(first(("component", "post/signature")), scope.one(el, self.SIGNATURE_CLASSED))
        pid = attr(el, "data-pid")
        permalink = attr(scope.one(el, self.PERMALINK), "href") or (f"/post/{pid}" if pid else None)
        return Post(
            post_id=pid,
            permalink=absolute(base, permalink),
            author=Author(
                name=name,
                rank=text_of(earliest(scope.first(el, self.GROUPS_CLASSED),
                                      next((t for t in owned[("component", "user/title")].get(el, ()) if text_of(t)),
                                           None))),
                user_id=attr(el, "data-uid") or attr(link, "data-uid"),
                profile_url=absolute(base, profile),
                avatar_url=absolute(base, attr(scope.one(el, self.AVATAR), "src")),
                signature=text_of(signature),
            ),
            timestamp=timestamp,
            timestamp_raw=attr(stamp, "title") or attr(stamp, "content") or text_of(stamp),
            body=body.text,
            body_html=body.html,
            quotes=quotes,
            edited=ctx.dates.machine(attr(edited_el, "title")),
            likes=parse_count(attr(votes, "data-votes") or text_of(votes), allow_abbrev=False),
            reply_to=attr(next((p for p in owned[("component", "post/parent")].get(el, ())
                                if p.get("data-topid") is not None), None), "data-topid"),
        )

    def _crumbs(self, tree) -> tuple[str, ...]:
        for css in self.CRUMBS.split(", "):
            found = texts(select(tree, css))
            if found:
                return found
        return ()


def _title(tree, marked):
    """select_one(tree, NodeBB.TITLE): every part but the first names an <h1> or an element
    inside one, so the first match is the earlier of the first topic/title and the first h1."""
    return earliest(next(iter(marked.get(("component", "topic/title"), ())), None), next(tree.iter("h1"), None))


def _quote_headers(content) -> list[tuple[str | None, str | None]]:
    """(author, quoted post id) for each outermost blockquote, from the "@X said in <a>" line before it."""
    found = []
    if content is None:
        return found
    for box in xpath("descendant::blockquote[not(ancestor::blockquote)]")(content):
        prev = box.getprevious()
        author = post_id = None
        if prev is not None and prev.tag == "p":
            mention = select_one(prev, "a.plugin-mentions-user, a[href*='/user/'], a[href*='/uid/']")
            author = text_of(mention)
            post_link = select_one(prev, "a[href*='/post/']")
            match = re.search(r"/post/(\d+)", attr(post_link, "href") or "")
            post_id = match.group(1) if match else None
        found.append((author, post_id))
    return found


def _views(tree) -> int | None:
    """The topic's own view counter: a "Views" label beside an exact number (title= holds it unabbreviated)."""
    for node, label in texts_with(tree, "view"):
        if not _VIEWS.match(node) or xpath(_NOT_THIS_TOPIC)(label):
            continue
        box = label.getparent()
        if box is None:
            continue
        for number in xpath("descendant::*[@title]")(box):
            count = parse_count(number.get("title"), allow_abbrev=False)
            if count is not None and re.fullmatch(r"[\d,.\s]+", number.get("title").strip()):
                return count
        count = parse_count(text_of(box), allow_abbrev=False)
        if count is not None:
            return count
    return None


def _ajaxify_data(tree) -> dict:
    for script in xpath("/descendant::script[@id='ajaxify-data']")(tree):
        data = json_attr(script.text)
        if isinstance(data, dict):
            return data
    return {}


def _int(value) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


ADAPTERS = (NodeBB,)
