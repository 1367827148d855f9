"""Flarum discussion pages: the posts as the app drew them (a page saved from a browser), the JSON payload
the app boots from (flarum-json-payload, or app.load({...}) in betas), and the server-rendered
<noscript id="flarum-content"> view that crawlers get."""
from __future__ import annotations

import json
import re

import attrs
import lxml.html

from ..errors import NotAThreadError
from ..html.body import extract_body
from ..html.pageinfo import count_named, json_attr
from ..html.select import attr, select, select_one, text_of
from ..records import Author, Post, Thread
from . import _html_common as common
from .base import Adapter

_APP_LOAD = re.compile(r"app\.load\(\s*(?=\{)")
_PAGE = re.compile(r"[?&]page=(\d+)")
_HIDDEN_GROUPS = {"2", "3"}  # Guests and Members carry no badge
_STATUS = ("Badge--hidden", "Badge--locked", "Badge--sticky", "Badge--suspended", "Badge--best-answer")  # not groups


class Flarum(Adapter):
    name = "flarum"
    # fingerprint words that put this adapter first (registry); its stylesheet is /assets/forum.css or
    # /assets/forum-HASH.css and many pages name the engine nowhere else in the head
    hints = ("flarum", "/assets/forum.css", "/assets/forum-")
    format = "html"
    description = "Flarum discussion pages (as rendered, the JSON payload, or the noscript crawler view)"

    GATE = ("flarum", "Flarum")
    NEED = ("flarum-json-payload", "app.load(", "Post-body")  # its post markup
    MARKERS = ('id="flarum-loading"', 'id="flarum-content"', "var flarum = {", "flarum.core.app", "/assets/forum.js",
               "/assets/forum-", "flarum-json-payload", "PostUser-name", "App-drawer", "App-navigation", "flarum/app",
               "PostStream-item")
    STRONG = ('id="flarum-json-payload"', "flarum.core.app.load(", "flarum.core.app.boot(", "System.get('flarum/app')",
              "require('flarum/app')")

    CONTENT = "noscript#flarum-content, #flarum-content"
    BODY = ".Post-body"
    NAME = ".PostUser-name, h3"
    TITLE = "h1, h2"
    QUOTE = "blockquote"
    QUOTE_AUTHOR = ".PostMention, cite"
    # the rendered page (saved from a browser)
    ITEM = ".PostStream-item[data-id]"
    RENDERED_NAME = ".PostUser-name .username, .PostUser-name"
    BADGE = ".PostUser-badges .Badge[title], .PostUser-badges .Badge[aria-label]"
    HERO_TITLE = ".DiscussionHero-title, .DiscussionHero h2"

    def detect(self, doc) -> float:
        if not common.has(doc, "larum", 100_000):  # both spellings of the gate word ("flarum", "Flarum") in one search
            return 0.0
        return common.detect_score(doc, self.MARKERS, self.STRONG, self.GATE, self.NEED)

    def parse(self, doc, ctx) -> Thread:
        tree = doc.tree
        base = common.page_base(tree, ctx.url)
        url = common.canonical(tree, base) or ctx.url
        content = common.pick(tree, self.CONTENT)
        if content is None:  # betas print the crawler view in an unnamed <noscript>
            content = next((n for n in select(tree, "noscript") if select_one(n, self.BODY) is not None), None)
        payload = _payload(doc, tree)
        thread = _from_payload(payload, ctx, url) if isinstance(payload, dict) else None
        next_link = next((a for a in select(content, "a[href]") if "»" in (text_of(a) or "")), None)
        next_url = common.absolute(base, attr(next_link, "href"))
        page = _PAGE.search(url or "")
        page = int(page.group(1)) if page else (1 if next_url and "page=2" in next_url else None)
        rendered = [self._rendered_post(el, base, url, ctx) for el in select(tree, self.ITEM)
                    if select_one(el, self.BODY) is not None]
        if rendered and (thread is None or len(rendered) >= len(thread["posts"])):
            # a page saved from the browser: what was shown (posts loaded while scrolling included)
            title = common.pick_text(tree, self.HERO_TITLE) or (thread or {}).get("title")
            thread = {"title": title, "posts": rendered}
        if thread is None or not thread["posts"]:
            if content is None:
                raise NotAThreadError("no Flarum discussion payload or crawler view on the page")
            thread = {"title": common.pick_text(content, self.TITLE),
                      "posts": [self._noscript_post(el) for el in select(content, self.BODY)]}
        return Thread(title=thread["title"] or common.page_title(tree), url=url, page=page, next_page_url=next_url,
                      posts=thread["posts"])

    def _rendered_post(self, el, base, url, ctx) -> Post:
        """One post of the page as the app drew it: .PostStream-item carries id, number and time."""
        body_el = select_one(el, self.BODY)
        body = extract_body(body_el, quote_css=self.QUOTE, quote_author_css=self.QUOTE_AUTHOR, signature_css=None,
                            edit_css=None)
        name_el = common.pick_texted(el, self.RENDERED_NAME)
        link = select_one(el, ".PostUser-name a[href]")
        badge = next((b for b in select(el, self.BADGE) if not any(w in (b.get("class") or "") for w in _STATUS)),
                     None)
        stamp = select_one(el, ".Post-header time[datetime], time[datetime]")
        raw = attr(stamp, "title") or text_of(stamp)
        created = attr(el, "data-time") or attr(stamp, "datetime")
        mention = select_one(body_el, "a.PostMention[data-id]")
        likes = select_one(el, ".Post-likedBy")
        return Post(
            post_id=attr(el, "data-id"),
            permalink=f"{url.split('?')[0]}/{attr(el, 'data-number')}" if url and "/d/" in url
            and attr(el, "data-number") else None,
            author=Author(name=text_of(name_el), rank=attr(badge, "title") or attr(badge, "aria-label"),
                          profile_url=common.absolute(base, attr(link, "href")),
                          avatar_url=common.absolute(base, attr(select_one(el, "img.PostUser-avatar, "
                                                                               ".PostUser-avatar img"), "src")))
            if name_el is not None else None,
            timestamp=ctx.dates.machine(created) if created else None,
            timestamp_raw=raw,
            body=body.text,
            body_html=body.html,
            quotes=_quote_ids(body.quotes, body_el),
            reply_to=attr(mention, "data-id"),
            likes=count_named(likes, "a[href*='/u/']") if likes is not None else None,
        )

    def _noscript_post(self, body_el) -> Post:
        """One post of the crawler view: the author's name in the heading before the body."""
        box = body_el.getparent()
        name = common.pick_text(box, self.NAME) if box is not None else None
        body = extract_body(body_el, quote_css=self.QUOTE, quote_author_css=self.QUOTE_AUTHOR, signature_css=None,
                            edit_css=None)
        return Post(author=Author(name=name) if name else None, body=body.text, body_html=body.html,
                    quotes=body.quotes)


def _payload(doc, tree) -> dict | None:
    # a <script type="application/json"> in 1.x; betas 8-16 print it HTML-escaped in a hidden <div>
    holder = select_one(tree, "script#flarum-json-payload, div#flarum-json-payload")
    if holder is not None:
        return json_attr(holder.text if holder.tag == "script" else holder.text_content())
    match = _APP_LOAD.search(doc.text)
    if match:
        try:
            return json.JSONDecoder(strict=False).raw_decode(doc.text, match.end())[0]
        except ValueError:
            return None
    return None


def _from_payload(payload: dict, ctx, url: str | None) -> dict | None:
    document = payload.get("apiDocument") or payload.get("document")
    if not isinstance(document, dict) or not isinstance(document.get("data"), dict):
        return None
    discussion = document["data"]
    if discussion.get("type") != "discussions":
        return None
    index = {}
    for item in [*document.get("included", []), *payload.get("resources", [])]:
        if isinstance(item, dict):
            index[(item.get("type"), str(item.get("id")))] = item
    forum = next((v for (kind, _), v in index.items() if kind == "forums"), None)
    base = ((forum or {}).get("attributes") or {}).get("baseUrl")
    slug = (discussion.get("attributes") or {}).get("slug")
    posts = [p for (kind, _), p in index.items() if kind == "posts"]
    posts = [p for p in posts if (p.get("attributes") or {}).get("contentType") == "comment"
             and str(_rel(p, "discussion") or discussion.get("id")) == str(discussion.get("id"))]
    posts.sort(key=lambda p: (p["attributes"].get("number") or 0))
    permalink = f"{base}/d/{discussion.get('id')}{'-' + slug if slug else ''}" if base else None
    return {"title": (discussion.get("attributes") or {}).get("title"),
            "posts": [_post(p, index, ctx, permalink, base) for p in posts]}


def _post(item, index, ctx, permalink, base) -> Post:
    attrs_ = item.get("attributes") or {}
    html = attrs_.get("contentHtml") or ""
    el = lxml.html.fragment_fromstring(html, create_parent="div") if html.strip() else None
    body = extract_body(el, quote_css=Flarum.QUOTE, quote_author_css=Flarum.QUOTE_AUTHOR, signature_css=None,
                        edit_css=None)
    mention = select_one(el, "a.PostMention[data-id]") if el is not None else None
    created = attrs_.get("createdAt") or attrs_.get("time")
    edited = attrs_.get("editedAt") or attrs_.get("editTime")
    likes = attrs_.get("likesCount")
    if likes is None and isinstance((item.get("relationships") or {}).get("likes"), dict):
        likes = len(item["relationships"]["likes"].get("data") or [])
    number = attrs_.get("number")
    return Post(
        post_id=str(item.get("id")),
        permalink=f"{permalink}/{number}" if permalink and number else None,
        author=_author(index.get(("users", str(_rel(item, "user")))), index, base),
        timestamp=ctx.dates.machine(created),
        timestamp_raw=created,
        body=body.text,
        body_html=body.html,
        quotes=_quote_ids(body.quotes, el),
        edited=ctx.dates.machine(edited) if edited else None,
        reply_to=attr(mention, "data-id"),
        likes=likes,
    )


def _author(user, index, base) -> Author | None:
    if not user:
        return None
    a = user.get("attributes") or {}
    name = a.get("displayName") or a.get("username")
    if not name:
        return None
    groups = ((user.get("relationships") or {}).get("groups") or {}).get("data") or []
    badges = [index.get(("groups", str(g.get("id")))) for g in groups if str(g.get("id")) not in _HIDDEN_GROUPS]
    rank = next(((g.get("attributes") or {}).get("nameSingular") for g in badges if g), None)
    slug = a.get("slug") or a.get("username")
    return Author(name=name, rank=rank, user_id=str(user.get("id")), avatar_url=a.get("avatarUrl"),
                  profile_url=f"{base}/u/{slug}" if base and slug else None)


def _quote_ids(quotes, el):
    """A quote made with the Quote button opens with a mention of the quoted post (data-id)."""
    boxes = [b for b in select(el, "blockquote") if not any(a.tag == "blockquote" for a in b.iterancestors())]
    if len(boxes) != len(quotes):
        return quotes
    return [attrs.evolve(q, post_id=q.post_id or attr(select_one(b, "a.PostMention[data-id]"), "data-id"))
            for q, b in zip(quotes, boxes)]


def _rel(item, name: str):
    data = ((item.get("relationships") or {}).get(name) or {}).get("data")
    return data.get("id") if isinstance(data, dict) else None


ADAPTERS = (Flarum,)
