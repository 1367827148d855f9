"""Posts in a JSON:API document that the page embeds for its scripts.

Single-page forums ship the thread as {"data": ..., "included": [...]} resources in a
<script type="application/json"> or as the argument of a boot call (`app.load({...})`),
and draw the posts with JavaScript: a saved page then shows none. A resource with
text content is a post; its user relationship names the author, the user's first
group the rank. Only the JSON:API shape is read (type, id, attributes, relationships).
"""
from __future__ import annotations

import json
import re

from ..records import Author, Post, Thread

_CONTENT_HTML = ("contentHtml", "content_html", "bodyHtml", "body_html", "cooked", "html")
_CONTENT_TEXT = ("content", "body", "text", "message")
_TIME = ("createdAt", "created_at", "time", "createTime", "publishedAt", "date")
_USER_LINKS = ("user", "author", "creator", "owner")
_NAME = ("displayName", "display_name", "username", "name")
_GROUP_NAME = ("nameSingular", "name", "title")
_THREADS = frozenset({"discussions", "discussion", "topics", "topic", "threads", "thread"})
_JSON_START = re.compile(r"""(?:^|[(=:,\s])\s*(\{\s*["'])""")
_MAX_SCRIPT = 5_000_000
_MAX_TRIES = 20


def embedded_thread(root, ctx, html_to_text) -> Thread | None:
    """The thread of the page's JSON:API payload (or of a plain list of post objects), or None
    when it embeds no posts. `html_to_text(html) -> Body` renders a post's HTML content."""
    for doc in _documents(root):
        plain = _plain_thread(doc, ctx, html_to_text)
        if plain is not None:
            return plain
        resources = _resources(doc)
        posts = [r for r in resources.values() if _content(r) is not None]
        if len(posts) < 1:
            continue
        posts.sort(key=lambda r: _number(r))
        out = []
        for r in posts:
            post = _post(r, resources, ctx, html_to_text)
            if post is not None:
                out.append(post)
        if out:
            title = next((_attr(r, "title") for r in resources.values() if r.get("type") in _THREADS
                          and isinstance(_attr(r, "title"), str)), None)
            return Thread(title=title, posts=out)
    return None


def _documents(root):
    yield from _script_documents(root)
    for el in root.xpath("//*[@*[starts-with(name(), 'data-') and string-length(.) > 100]]"):
        for name, value in el.attrib.items():
            if name.startswith("data-") and value.lstrip().startswith("{") and _POSTISH in value:
                try:
                    yield json.loads(value)
                except ValueError:
                    continue


def _script_documents(root):
    for script in root.iter("script"):
        text = script.text or ""
        if len(text) > _MAX_SCRIPT or not ('"included"' in text and '"attributes"' in text or _POSTISH in text):
            continue
        kind = (script.get("type") or "").lower()
        if "json" in kind:
            try:
                yield json.loads(text)
                continue
            except ValueError:
                pass
        decoder = json.JSONDecoder()
        end = 0
        for i, m in enumerate(_JSON_START.finditer(text)):
            if i >= _MAX_TRIES:
                break
            if m.start(1) < end:
                continue  # inside an object already read
            try:
                value, end = decoder.raw_decode(text, m.start(1))
            except ValueError:
                continue
            if isinstance(value, dict):
                yield value


def _resources(doc) -> dict:
    found: dict = {}
    stack = [doc]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(reversed(node))
        elif isinstance(node, dict):
            kind, rid, attrs = node.get("type"), node.get("id"), node.get("attributes")
            if isinstance(kind, str) and rid is not None and isinstance(attrs, dict):
                found.setdefault((kind, str(rid)), node)
            stack.extend(v for v in node.values() if isinstance(v, (dict, list)))
    return found


def _attr(resource: dict, name: str):
    return (resource.get("attributes") or {}).get(name)


def _content(resource: dict) -> tuple[str, bool] | None:
    for key in _CONTENT_HTML:
        value = _attr(resource, key)
        if isinstance(value, str) and value.strip():
            return value, True
    if resource.get("type") in _THREADS:
        return None  # (a discussion's own text is its first post's)
    for key in _CONTENT_TEXT:
        value = _attr(resource, key)
        if isinstance(value, str) and value.strip():
            return value, False
    return None


def _number(resource: dict):
    n = _attr(resource, "number")
    return n if isinstance(n, int) else 0


def _related(resource: dict, names, resources: dict) -> list[dict]:
    rels = resource.get("relationships") or {}
    for name in names:
        data = (rels.get(name) or {}).get("data") if isinstance(rels.get(name), dict) else None
        items = data if isinstance(data, list) else [data] if isinstance(data, dict) else []
        found = [resources.get((d.get("type"), str(d.get("id")))) for d in items if isinstance(d, dict)]
        found = [f for f in found if f is not None]
        if found:
            return found
    return []


def _first(resource: dict, names) -> str | None:
    return next((v for v in (_attr(resource, n) for n in names) if isinstance(v, str) and v.strip()), None)


def _post(resource: dict, resources: dict, ctx, html_to_text) -> Post | None:
    value, is_html = _content(resource)
    if is_html:
        body = html_to_text(value)
        text, quotes, html = body.text, body.quotes, value
    else:
        text, quotes, html = " ".join(value.split()), (), None
    if not text and not quotes:
        return None
    author = None
    users = _related(resource, _USER_LINKS, resources)
    if users:
        user = users[0]
        name = _first(user, _NAME)
        groups = _related(user, ("groups",), resources)
        rank = _first(groups[0], _GROUP_NAME) if groups else None
        if name:
            author = Author(name=name, rank=rank, user_id=str(user.get("id")))
    raw = _first(resource, _TIME)
    return Post(post_id=str(resource.get("id")), author=author, timestamp=ctx.dates.machine(raw) if raw else None,
                timestamp_raw=raw, body=text, body_html=html, quotes=quotes)


# -- plain JSON: {"posts": [{"username": ..., "cooked": ..., "created_at": ...}, ...]} ----------

_POSTISH = '"cooked'
_PLAIN_BODY = ("cooked", "contentHtml", "content_html", "bodyHtml", "body_html")
_PLAIN_AUTHOR = ("username", "author_name", "authorName", "display_name", "displayName")
_PLAIN_TIME = ("created_at", "createdAt", "date", "time", "timestamp")
_PLAIN_RANK = ("user_title", "userTitle", "rank")
_MAX_DEPTH = 12


def _plain_thread(doc, ctx, html_to_text) -> Thread | None:
    best, holder = _post_list(doc, None, 0)
    if not best:
        return None
    posts = []
    for item in best:
        html = next((item[k] for k in _PLAIN_BODY if isinstance(item.get(k), str)), None)
        if html is None:
            continue
        body = html_to_text(html)
        name = next((item[k] for k in _PLAIN_AUTHOR if isinstance(item.get(k), str) and item[k].strip()), None)
        rank = next((item[k] for k in _PLAIN_RANK if isinstance(item.get(k), str) and item[k].strip()), None)
        raw = next((str(item[k]) for k in _PLAIN_TIME if isinstance(item.get(k), (str, int))), None)
        if not body.text and not body.quotes:
            continue
        posts.append(Post(post_id=str(item["id"]) if "id" in item else None,
                          author=Author(name=name, rank=rank) if name else None,
                          timestamp=ctx.dates.machine(raw) if raw else None, timestamp_raw=raw,
                          body=body.text, body_html=html, quotes=body.quotes))
    if not posts:
        return None
    title = holder.get("title") if isinstance(holder, dict) and isinstance(holder.get("title"), str) else None
    views = holder.get("views") if isinstance(holder, dict) and isinstance(holder.get("views"), int) else None
    return Thread(title=title, views=views, posts=posts)


def _post_list(node, owner, depth):
    """The longest list of post objects in the JSON, and the object that holds it (the topic)."""
    if depth > _MAX_DEPTH:
        return None, None
    if isinstance(node, str) and node[:1] in "{[" and _POSTISH in node:
        try:
            node = json.loads(node)  # JSON kept as a string inside JSON
        except ValueError:
            return None, None
    best, holder = None, None
    if isinstance(node, list):
        posts = [x for x in node if isinstance(x, dict) and any(isinstance(x.get(k), str) for k in _PLAIN_BODY)]
        if posts and len(posts) * 2 >= len(node):
            best, holder = posts, owner
        children = node
    elif isinstance(node, dict):
        children = node.values()
    else:
        return None, None
    inner = node if isinstance(node, dict) and isinstance(node.get("title"), str) else owner
    for child in children:
        found, found_holder = _post_list(child, inner, depth + 1)
        if found and (best is None or len(found) > len(best)):
            best, holder = found, found_holder
    return best, holder
