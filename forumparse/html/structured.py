"""schema.org structured data about posts: JSON-LD scripts and microdata attributes.

Pages that describe their posts as DiscussionForumPosting, Comment, Question /
Answer or SocialMediaPosting give author, date and text without any layout
guessing. An item counts as a post only when it carries text.
"""
from __future__ import annotations

import json
import re

from attrs import define

from ..records import Author, Post, Thread
from .body import QUOTE_CSS, extract_body
from .select import text_of

POST_TYPES = frozenset({"discussionforumposting", "socialmediaposting", "comment", "question", "answer",
                        "blogposting", "message", "posting", "userComments".lower()})
TEXT_PROPS = ("articleBody", "text", "commentText")
DATE_PROPS = ("datePublished", "dateCreated", "commentTime", "uploadDate")
_LD_SCRIPT = "//script[@type='application/ld+json']"
_TYPE_TAIL = re.compile(r"[^/#]+$")


@define
class Item:
    """One post as the structured data describes it."""

    author: str | None
    author_url: str | None
    date: str | None
    text: str | None = None  # JSON-LD: the text itself
    text_el: object = None  # microdata: the element holding the text
    title: str | None = None
    url: str | None = None
    el: object = None  # microdata: the item's own element
    kind: str = ""  # the schema.org type, lowercase: "comment", "answer", ...


def find_items(root, micro: list[Item] | None = None) -> list[Item]:
    """Posts described by microdata, else by JSON-LD (whichever lists more). `micro`:
    microdata_items(root) when the caller has it already."""
    micro = microdata_items(root) if micro is None else micro
    ld = jsonld_items(root)
    return micro if len(micro) >= len(ld) else ld


# -- microdata --------------------------------------------------------------------------------

def _owner(el):
    """The item an itemprop element belongs to: its nearest itemscope ancestor."""
    for anc in el.iterancestors():
        if anc.get("itemscope") is not None:
            return anc
    return None


def microdata_items(root) -> list[Item]:
    props: dict = {}
    for el in root.xpath("//*[@itemprop]"):
        owner = _owner(el)
        if owner is None:
            continue
        for name in (el.get("itemprop") or "").split():
            props.setdefault(owner, {}).setdefault(name, el)
    items = []
    for owner, found in props.items():
        text_el = next((found[p] for p in TEXT_PROPS if p in found), None)
        kind = _TYPE_TAIL.search(owner.get("itemtype") or "")
        kind = kind.group(0).lower() if kind else ""
        if text_el is None or (kind and kind not in POST_TYPES and kind not in ("article", "creativework")):
            continue
        if text_el.tag == "meta":
            continue
        author_el = found.get("author")
        author, author_url = _micro_author(author_el if author_el is not None else found.get("creator"), props)
        date_el = next((found[p] for p in DATE_PROPS if p in found), None)
        date = None
        if date_el is not None:
            date = date_el.get("datetime") or date_el.get("content") or date_el.get("title") or text_of(date_el)
        title_el = found.get("headline")
        title_el = title_el if title_el is not None else found.get("name")
        items.append(Item(author, author_url, date, text_el=text_el,
                          title=_value(title_el) if title_el is not None and title_el is not found.get(
                              "author") else None,
                          url=_value(found["url"]) if "url" in found else None, el=owner, kind=kind))
    items.sort(key=lambda it: _doc_order(it.text_el))
    return items


def _doc_order(el) -> int:
    line = el.sourceline or 0
    return line


def _value(el) -> str | None:
    if el is None:
        return None
    for name in ("content", "href", "src", "datetime"):
        if el.get(name):
            return el.get(name).strip()
    return text_of(el)


def _micro_author(el, props) -> tuple[str | None, str | None]:
    if el is None:
        return None, None
    if el.get("itemscope") is not None:
        found = props.get(el, {})
        name = _value(found.get("name")) if "name" in found else None  # the layout finds it
        url = _value(found.get("url")) if "url" in found else None
        return name, url
    link = el if el.tag == "a" else next(iter(el.iter("a")), None)
    return _value(el) if el.tag == "meta" else text_of(el), link.get("href") if link is not None else None


# -- JSON-LD ----------------------------------------------------------------------------------

def jsonld_items(root) -> list[Item]:
    items: list[Item] = []
    for script in root.xpath(_LD_SCRIPT):
        raw = (script.text or "").strip()
        if not raw:
            continue
        try:
            data = json.loads(raw)
        except ValueError:
            continue
        _walk_ld(data, items, 0)
    return items


def _types(obj: dict) -> set[str]:
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {_TYPE_TAIL.search(k).group(0).lower() for k in kinds if isinstance(k, str) and _TYPE_TAIL.search(k)}


def _walk_ld(data, items: list[Item], depth: int) -> None:
    if depth > 12:
        return
    if isinstance(data, list):
        for value in data:
            _walk_ld(value, items, depth + 1)
        return
    if not isinstance(data, dict):
        return
    if _types(data) & POST_TYPES:
        text = next((data[p] for p in TEXT_PROPS if isinstance(data.get(p), str) and data[p].strip()), None)
        if text:
            name, url = _ld_author(data.get("author") or data.get("creator"))
            date = next((data[p] for p in DATE_PROPS if isinstance(data.get(p), str)), None)
            title = data.get("headline") or data.get("name")
            items.append(Item(name, url, date, text=text, title=title if isinstance(title, str) else None,
                              url=data.get("url") if isinstance(data.get("url"), str) else None,
                              kind=min(_types(data) & POST_TYPES)))
    for key, value in data.items():
        if key in ("author", "creator", "publisher", "interactionStatistic", "image"):
            continue
        if isinstance(value, (dict, list)):
            _walk_ld(value, items, depth + 1)


def _ld_author(value) -> tuple[str | None, str | None]:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, str):
        return value, None
    if isinstance(value, dict):
        name = value.get("name") or value.get("alternateName")
        url = value.get("url")
        return (name if isinstance(name, str) else None), (url if isinstance(url, str) else None)
    return None, None


def quote_css_for(item) -> str:
    """Questions and answers quote their sources in plain blockquotes: those are their own text."""
    if item is not None and item.kind in ("question", "answer"):
        return ", ".join(c for c in QUOTE_CSS.split(", ") if c != "blockquote")
    return QUOTE_CSS


# -- records ----------------------------------------------------------------------------------

def _ld_text(text: str) -> str:
    if "<" in text and ">" in text:
        from .tree import parse_html

        try:
            return extract_body(parse_html(f"<div>{text}</div>").find(".//div"), keep_html=False).text
        except Exception:  # noqa: BLE001 - a broken fragment keeps its raw text
            return text.strip()
    paragraphs = re.split(r"\n\s*\n", text.replace("\r\n", "\n"))
    return "\n\n".join(" ".join(p.split()) for p in paragraphs if p.strip())


def item_posts(items: list[Item], ctx, memo: dict | None = None) -> list[Post]:
    posts = []
    for item in items:
        if item.text_el is not None:
            from .post_text import body_once, headed_quotes  # (the generic reader's quote and signature boxes)

            body = body_once(item.text_el, quote_css_for(item), memo)
            text, html, quotes, edited = body.text, body.html, headed_quotes(body.quotes), body.edited
        else:
            text, html, quotes, edited = _ld_text(item.text or ""), None, (), None
        if not text:
            continue
        date = ctx.dates.machine(item.date) if item.date else None
        author = Author(name=item.author, profile_url=item.author_url) if item.author else None
        posts.append(Post(author=author, timestamp=date, timestamp_raw=item.date, body=text, body_html=html,
                          quotes=quotes, edited=edited, permalink=item.url))
    return posts


def structured_thread(root, ctx, micro: list[Item] | None = None, memo: dict | None = None) -> Thread | None:
    """A Thread from the page's structured data, or None when it describes no post. `micro`:
    microdata_items(root) when the caller has it; `memo`: the page's PageIndex.memo (bodies read)."""
    items = find_items(root, micro)
    posts = item_posts(items, ctx, memo)
    if not posts:
        return None
    title = next((it.title for it in items if it.title), None)
    return Thread(title=title, posts=posts)
