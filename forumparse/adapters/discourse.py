"""Discourse topic pages: the server-rendered crawler (noscript) view, else the preloaded JSON."""
from __future__ import annotations

import json
import re
from urllib.parse import parse_qs, urlparse

import lxml.etree
from attrs import evolve

from ..html.body import extract_body
from ..html.page_classes import by_attribute, by_class, by_owner, earliest, holders, within
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
from ..html.tree import parse_html
from ..numbers import parse_count
from ..records import Author, Post, Thread
from ._html_common import has, has_any, has_lower
from .base import Adapter

_PRELOAD_STORE = re.compile(r"PreloadStore\.store\(\s*\"(topic_\d+)\"\s*,\s*(\{.*?\})\s*\);\s*$", re.S | re.M)
_LIKE = 2  # Discourse's post action type id for a like


class Discourse(Adapter):
    name = "discourse"
    format = "html"
    priority = 0.6
    description = "Discourse topic pages (crawler view or preloaded JSON)"
    hints = ("discourse",)

    POST = "div.crawler-post, div[itemtype*=DiscussionForumPosting]"  # the latter: Discourse 1.x
    BODY = "[itemprop=articleBody], [itemprop=text], div.post, .cooked"
    AUTHOR = "[itemprop=author] [itemprop=name], .creator [itemprop=name], .creator a b, .creator a"
    AUTHOR_LINK = "[itemprop=author] a[href], .creator a[href]"
    PUBLISHED = "[itemprop=datePublished]"
    TIME = "time.post-time[datetime], .post-time"
    POSITION = "[itemprop=position]"
    LIKES = "[itemprop=interactionStatistic]"
    QUOTE = "aside.quote, blockquote"  # a bare markdown quote ("> words") is a quote too
    QUOTE_AUTHOR = ".title"
    DROP = ".quote-controls, .meta .informations, .lightbox-wrapper .meta"
    DROP_PLAIN = ".quote-controls"  # DROP for a body without .meta / .lightbox-wrapper (its other parts need XPath)
    TITLE = ("#topic-title h1 a, #topic-title h1, h1.crawler-topic-title a, h1.crawler-topic-title, "
             "#main-outlet > h2 a")
    CRUMBS = ("#breadcrumbs [itemprop=name], .topic-category [itemprop=name], "
              ".topic-category .category-name, #breadcrumbs .category-title")
    # parse: the page-level boxes from one class/id pass, the [itemprop] parts from one pass over
    # that attribute (select.Index tests every element for them); the class parts of BODY, AUTHOR:
    PAGE_BOXES = {"topic_title": "#topic-title", "crawler_title": "h1.crawler-topic-title",
                  "main_outlet": "#main-outlet", "breadcrumbs": "#breadcrumbs", "topic_category": ".topic-category",
                  "meta": ".meta, .lightbox-wrapper"}
    BODY_CLASSED = "div.post, .cooked"
    AUTHOR_CLASSED = ".creator a b, .creator a"

    def detect(self, doc) -> float:
        tree = doc.tree
        if tree is None:
            return 0.0
        for generator in tree.xpath("/html/head/meta[@name='generator']/@content"):
            if generator.strip().lower().startswith("discourse"):
                return 1.0
        if has_any(doc, ("data-discourse-setup", 'name="discourse_theme_ids"', "PreloadStore.store")):
            return 0.9
        if has(doc, "crawler-post") and has_lower(doc, "discourse", 0, 200_000) \
                and select_one(tree, self.POST) is not None:
            return 0.7
        return 0.0

    def parse(self, doc, ctx) -> Thread:
        tree = doc.tree
        base = base_url(tree, ctx.url)
        url = canonical_url(tree, ctx.url)
        found = by_class(tree, **self.PAGE_BOXES)
        marked = by_attribute(tree, "itemprop")
        bodies = [el for key in (("itemprop", "articleBody"), ("itemprop", "text")) for el in marked.get(key, ())]
        # self.POST among the page's divs; a post has a BODY at or below it
        boxes = [d for d in tree.iter("div")
                 if "crawler-post" in class_set(d) or "DiscussionForumPosting" in (d.get("itemtype") or "")]
        box_set = set(boxes)
        with_body = {a for el in bodies for a in (el, *el.iterancestors()) if a in box_set}
        posts_el = [p for p in boxes if p in with_body or select_one(p, self.BODY_CLASSED) is not None]
        title_el = _title_el(found)
        # the preloaded JSON is large: read it only when the crawler view lacks something
        topic = {} if posts_el and title_el is not None else _preloaded_topic(tree, doc.text)
        views = None
        if posts_el:
            scope = PostScope(posts_el)
            owned = {key: by_owner(posts_el, marked.get(key, ())) for key in _OWNED}
            owned["meta"] = holders(found["meta"])
            posts = [self._post(p, scope, owned, base, url, ctx) for p in posts_el]
        else:  # no crawler view: the app's own data
            posts = [self._json_post(p, base, url, ctx) for p in (topic.get("post_stream") or {}).get("posts") or []
                     if isinstance(p, dict)]
            views = topic.get("views") if isinstance(topic.get("views"), int) else None
        next_href = link_href(tree, "next") or attr(select_one(tree, "a[rel=next][href]"), "href")
        return Thread(
            title=self._title(tree, title_el, topic),
            url=url,
            breadcrumbs=self._crumbs(found),
            views=views,
            page=_page_number(ctx.url or url) or (1 if next_href and not link_href(tree, "prev") else None),
            next_page_url=absolute(base, next_href),
            posts=posts,
        )

    # -- crawler view ----------------------------------------------------------------------
    def _post(self, el, scope, owned, base, url, ctx) -> Post:
        def mine(name):
            return owned[("itemprop", name)].get(el, ())

        content = earliest(earliest(next(iter(mine("articleBody")), None), next(iter(mine("text")), None)),
                           scope.one(el, self.BODY_CLASSED))
        body = extract_body(content, quote_css=self.QUOTE, quote_author_css=self.QUOTE_AUTHOR, signature_css=None,
                            edit_css=None, drop_css=self.DROP if content in owned["meta"] else self.DROP_PLAIN)
        published = next(iter(mine("datePublished")), None)
        shown = scope.one(el, self.TIME)
        stamp = published if published is not None else shown
        timestamp = ctx.dates.machine(attr(stamp, "datetime") or attr(stamp, "content"))
        if timestamp is None and shown is not None:
            timestamp = ctx.dates.iso(text_of(shown))
        position = parse_count(next(filter(None, map(text_of, mine("position"))), None), allow_abbrev=False)
        link = scope.one(el, self.AUTHOR_LINK)
        # AUTHOR: "[itemprop=author] [itemprop=name], .creator [itemprop=name]" or its class parts
        named = next((n for n in mine("name") if _under_author(n) and text_of(n)), None)
        author = text_of(earliest(named, scope.first(el, self.AUTHOR_CLASSED)))
        return Post(
            post_id=str(position) if position is not None else None,
            permalink=f"{_topic_url(url)}/{position}" if url and position is not None else None,
            author=Author(name=author or "", profile_url=absolute(base, attr(link, "href"))),
            timestamp=timestamp,
            timestamp_raw=text_of(stamp) or attr(stamp, "content"),
            body=body.text,
            body_html=body.html,
            quotes=_with_post_numbers(body.quotes, content, self.QUOTE),
            edited=None,
            likes=_likes(mine("interactionStatistic")),
            attachments=[absolute(base, attr(a, "href")) for a in select(content, "a.attachment[href]")],
        )

    # -- preloaded JSON --------------------------------------------------------------------
    def _json_post(self, data: dict, base, url, ctx) -> Post:
        cooked = data.get("cooked") or ""
        content = parse_html(f"<div>{cooked}</div>").find(".//body/div") if cooked.strip() else None
        body = extract_body(content, quote_css=self.QUOTE, quote_author_css=self.QUOTE_AUTHOR,
                            signature_css=None, edit_css=None, drop_css=self.DROP)
        number = data.get("post_number")
        likes = next((a.get("count") for a in data.get("actions_summary") or []
                      if isinstance(a, dict) and a.get("id") == _LIKE), None)
        username = data.get("username") or ""
        avatar = (data.get("avatar_template") or "").replace("{size}", "120") or None
        return Post(
            post_id=str(data.get("id")) if data.get("id") is not None else None,
            permalink=f"{_topic_url(url)}/{number}" if url and number else None,
            author=Author(
                name=username, rank=data.get("user_title"),
                user_id=str(data["user_id"]) if data.get("user_id") is not None else None,
                profile_url=absolute(base, f"/u/{username}") if username else None,
                avatar_url=absolute(base, avatar),
            ),
            timestamp=ctx.dates.machine(data.get("created_at")),
            timestamp_raw=data.get("created_at"),
            body=body.text,
            body_html=cooked or None,
            quotes=_with_post_numbers(body.quotes, content, self.QUOTE),
            edited=ctx.dates.machine(data.get("updated_at")) if (data.get("version") or 1) > 1 else None,
            reply_to=str(data["reply_to_post_number"]) if data.get("reply_to_post_number") else None,
            likes=likes if likes is not None else data.get("like_count"),
        )

    # -- thread ----------------------------------------------------------------------------
    def _title(self, tree, title_el, topic: dict) -> str | None:
        return (text_of(title_el) or topic.get("title") or meta_content(tree, "og:title")
                or _strip_site(tree.findtext(".//title")))

    def _crumbs(self, found) -> tuple[str, ...]:
        outers = {"#breadcrumbs": found["breadcrumbs"], ".topic-category": found["topic_category"]}
        for css in self.CRUMBS.split(", "):
            outer, inner = css.split(maxsplit=1)
            crumbs = texts(within(outers[outer], inner))
            if crumbs:
                return crumbs
        return ()


_OWNED = tuple(("itemprop", name) for name in ("articleBody", "text", "datePublished", "position", "name",
                                                 "interactionStatistic"))


def _title_el(found):
    """select_one(tree, Discourse.TITLE): an "h1 a" part's matches follow their h1's, so the
    first match is the earliest of the first h1 in #topic-title, the first h1.crawler-topic-title
    and the first "#main-outlet > h2 a"."""
    outlet_link = next((a for outlet in found["main_outlet"] for a in xpath("./h2//a")(outlet)), None)
    return earliest(earliest(next(within(found["topic_title"], "h1"), None), next(iter(found["crawler_title"]), None)),
                    outlet_link)


def _under_author(el) -> bool:
    """Whether an [itemprop=name] is inside an [itemprop=author] or a .creator box."""
    return any(a.get("itemprop") == "author" or "creator" in class_set(a) for a in el.iterancestors())


def _with_post_numbers(quotes, content, quote_css: str) -> list:
    """A Discourse quote names the quoted post by its number in the topic (data-post on the box).

    The boxes are the outermost quotes in document order, the order extract_body lists them in.
    """
    boxes = [b for b in select(content, quote_css) if b is not content]
    inside = set(boxes)
    boxes = [b for b in boxes if not any(a in inside for a in b.iterancestors())]
    numbered = []
    for quote, box in zip(quotes, boxes):
        number = attr(box, "data-post")
        numbered.append(evolve(quote, post_id=number) if number and not quote.post_id else quote)
    return numbered + list(quotes[len(numbered):])


def _likes(stats) -> int | None:
    for stat in stats:
        kind = attr(_with_itemprop(stat, "interactionType"), "content") or ""
        if kind.endswith("LikeAction"):
            return parse_count(attr(_with_itemprop(stat, "userInteractionCount"), "content"), allow_abbrev=False)
    return None


def _with_itemprop(el, name: str):
    """The first element at or under `el` with itemprop=`name` (a small box: read in Python)."""
    return next((e for e in el.iter(lxml.etree.Element) if e.get("itemprop") == name), None)


def _topic_url(url: str) -> str:
    """/t/slug/123 without a post number or query: what a post number is appended to."""
    path = url.split("?", 1)[0].rstrip("/")
    match = re.match(r"^(.*?/t/[^/]+/\d+)(?:/\d+)?$", path)
    return match.group(1) if match else path


def _page_number(url: str | None) -> int | None:
    if not url:
        return None
    values = parse_qs(urlparse(url).query).get("page")
    return parse_count(values[0], allow_abbrev=False) if values else None


def _strip_site(title: str | None) -> str | None:
    """"Topic - category - Site" -> "Topic"."""
    return title.split(" - ")[0].strip() or None if title else None


def _preloaded_topic(tree, text: str) -> dict:
    """The topic object of the page's preloaded data (data-preloaded attribute or PreloadStore.store)."""
    for el in xpath("/descendant::*[@id='data-preloaded'][@data-preloaded]")(tree):
        store = json_attr(el.get("data-preloaded"))
        if isinstance(store, dict):
            for key, value in store.items():
                if key.startswith("topic_"):
                    topic = json_attr(value) if isinstance(value, str) else value
                    if isinstance(topic, dict):
                        return topic
    for match in _PRELOAD_STORE.finditer(text):
        try:
            topic = json.loads(match.group(2), strict=False)
        except ValueError:
            continue
        if isinstance(topic, dict):
            return topic
    return {}


ADAPTERS = (Discourse,)
