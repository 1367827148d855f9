"""Which element of a record holds the post's own text: body class names first, else the
largest text block that is neither the author's block nor a signature."""
from __future__ import annotations

import copy
import re
from functools import lru_cache

from .post_text import body_once, signature_class
from .profile_block import MAX_BLOCK
from .record_fields import Fields, anchor_line, elements, has_letters, shape_key
from .records_found import PageIndex, Record

# Class names of the element that holds a post's own text, across engines and themes.
BODY_WORDS = re.compile(
    r"^(?:post|message|comment|entry|article|topic|reply|forum)?[-_]?(?:body|content|text|message|msg|entry)"
    r"(?:[-_]?(?:body|content|text|inner|wrapper))?$|^(?:postbody|post_message|messagetext|post-message|content-body)$"
    r"|^[a-z]+(?:[-_][a-z]+)?[-_](?:body|content|text|message)$",
    re.I)


BODY_ITEMPROPS = frozenset({"text", "articlebody", "commenttext", "description"})


_NO_DESCENT = re.compile(r"quote|sig|code|spoiler", re.I)


_DESCEND = frozenset({"div", "td", "tr", "tbody", "table", "span", "font", "section", "article", "main",
                      "center", "p", "dd", "li", "ul", "blockquote", "form"})




def body_candidate(record: Record, index: PageIndex, names: set, profile=None):
    blocked = anchor_line(record) | names
    best, best_len, vocab = None, 0, []
    after = index.pos.get(record.anchor, -1) if record.kind == "single" else -1
    for el in elements(record, index):
        if el in blocked or (after >= 0 and index.pos.get(el, 0) < after):
            continue  # (a lone post's text follows its date)
        n = index.length.get(el, 0)
        if not n:
            continue  # (no text: passed over below whatever its class)
        named = _is_body_class(el)
        if not named and n <= best_len:
            continue  # (the cheapest test first: all of these only pass an element over)
        if n < 40 and not has_letters(el):
            continue  # a date, a count or a post number is not a post's text
        if signature_class(el.get("class")):
            continue
        if profile is not None and n <= MAX_BLOCK and profile(el):
            continue  # the author's cell, whatever its class names say
        if n > best_len:
            best, best_len = el, n
        if named:
            vocab.append(el)
    if vocab:
        top = max(vocab, key=lambda el: index.length.get(el, 0))
        top_len = index.length.get(top, 0)
        if top_len * 3 >= best_len or top_len >= 20:
            # the innermost body-named element that still holds most of the text
            lo, hi = index.span(top)
            inner = [el for el in vocab if lo <= index.pos[el] <= hi and index.length.get(el, 0) >= 0.6 * top_len]
            return _own_blockquote(min(inner, key=lambda el: (index.length.get(el, 0), -index.pos[el])), index)
    flat = _flat_root(record, best, index)
    if flat is not None:
        return flat
    return _own_blockquote(_descend(best, index, profile), index) if best is not None else None


def _flat_root(record: Record, best, index: PageIndex):
    """A record whose text is loose in its own element between <br>s (print views: "<td>Subject -
    name - date<br><br>text<br>...</td>"): that element is the body; its byline line goes later."""
    root = record.parts[0] if len(record.parts) == 1 else None
    while root is not None and root.tag in ("tr", "tbody", "table", "div") and not (root.text or "").strip():
        kids = [c for c in root if isinstance(c.tag, str)]
        if len(kids) != 1:
            break
        root = kids[0]  # (<tr><td>...</td></tr>)
    if root is None or root.tag not in ("td", "div", "li", "dd", "p"):
        return None
    loose = len((root.text or "").strip()) + sum(len((c.tail or "").strip(" \t\r\n:")) for c in root)
    if loose < 20 or best is not None and (loose < 40 or not any(c.tag == "br" for c in root)
                                           or loose < 1.5 * index.length.get(best, 0)):
        return None  # (with nothing else to read, the loose text of a chat-style line "Name: text" is it)
    return root


def _own_blockquote(el, index: PageIndex):
    """Some engines put the post's own text in a body-named <blockquote>: that is the body, not a quote."""
    total = index.length.get(el, 0)
    named = [bq for bq in el.iter("blockquote") if bq is not el and _is_body_class(bq)]
    top = max(named, key=lambda bq: index.length.get(bq, 0), default=None)
    if top is not None and index.length.get(top, 0) * 5 >= total * 2:
        return top
    kids = [c for c in el if isinstance(c.tag, str)]
    if len(kids) == 1 and kids[0].tag == "blockquote" and not (el.text or "").strip() \
            and not (kids[0].tail or "").strip() and not _quote_marked(kids[0]):
        return kids[0]  # the whole text in one plain <blockquote class="restore"> (vBulletin's print view)
    return el


def _quote_marked(bq) -> bool:
    """A blockquote that shows itself a quote: a quote class, a cite, a header line naming its author."""
    if "quote" in (bq.get("class") or "").lower() or bq.get("cite") is not None:
        return True
    first = next((c for c in bq if isinstance(c.tag, str)), None)
    return first is not None and first.tag in ("cite", "header", "footer") or bool(_WROTE.search(
        " ".join((bq.text_content() or "")[:200].split("\n")[0].split())))


_WROTE = re.compile(r"(?:wrote|said|schrieb|a écrit|escribió|ha scritto|написал|пишет)\s*:", re.I)


def _is_body_class(el) -> bool:
    if (el.get("itemprop") or "").lower() in BODY_ITEMPROPS:
        return True
    cls = el.get("class")
    if cls and _body_class(cls):
        return True
    ident = el.get("id")  # a per-post id: "post_message_1001", "message-77"
    return bool(ident) and any(c.isdigit() for c in ident) and bool(BODY_WORDS.match(_ID_NUMBER.sub("", ident)))


@lru_cache(maxsize=8192)
def _body_class(cls: str) -> bool:
    """("spPostContent" is "sp-post-content"; "cAuthorPane_content" is the author's)"""
    return any((BODY_WORDS.match(c) or (not c.islower() and BODY_WORDS.match(_CAMEL.sub(r"\1-\2", c))))
               and not _AUTHOR_PART.search(c) for c in cls.split())


_AUTHOR_PART = re.compile(r"author|profile|userinfo|user-info|user_info|poster", re.I)
_CAMEL = re.compile(r"([a-z])([A-Z])")
_ID_NUMBER = re.compile(r"[-_]?\d+$|^\d+[-_]?")


def _descend(el, index: PageIndex, profile=None):
    """Go into a single child that holds nearly all the text (a wrapper around the body); an
    author block beside it (a row of two cells: the author's, the post's) does not count."""
    while True:
        kids = [c for c in el if isinstance(c.tag, str)]
        total = index.length.get(el, 0)
        if profile is not None and len(kids) > 1:
            aside = [c for c in kids if profile(c)]
            if aside and len(aside) < len(kids):
                kids = [c for c in kids if c not in aside]
                total -= sum(index.length.get(c, 0) for c in aside)
        if not kids or not total:
            return el
        top = max(kids, key=lambda c: index.length.get(c, 0))
        if (index.length.get(top, 0) < 0.85 * total or top.tag not in _DESCEND
                or _NO_DESCENT.search((top.get("class") or "") + " " + top.tag)):
            return el
        el = top


def body_alternatives(f: Fields, key: str, profile=None, memo: dict | None = None):
    blocked = anchor_line(f.record)
    quoted = None
    for part in f.record.parts:
        for el in part.iter():
            if (el not in blocked and isinstance(el.tag, str) and shape_key(el) == key and (el.text or len(el))
                    and (el.text_content().strip() or has_media(el))  # (a cell of buttons is no body)
                    and not (profile is not None and profile(el))):  # (the author's cell of the same shape)
                if f.body_el is not None and any(a is f.body_el for a in el.iterancestors()):
                    if quoted is None:
                        quoted = "".join("".join(q.text.split()) for q in body_once(f.body_el, memo=memo).quotes)
                    if "".join(el.text_content().split()) in quoted:
                        continue  # the quoted post inside this one has the shape of a body, but is a quote
                return el
    return None


def has_media(el) -> bool:
    """An image or video of its own (not a button: an image inside a link)."""
    for m in el.iter("img", "video", "iframe", "embed", "object"):
        if not any(a.tag == "a" for a in m.iterancestors() if a is not el) or m.tag != "img":
            return True
    return False


_PAGER = re.compile(r"^(?:page|pages|pagination|pager|pagenav|nav|footer|end)$|pagination|pager", re.I)


def flat_bodies(fields: list[Fields]) -> None:
    """Archive pages that print posts flat (<p class="author">name, date</p>, then the text as bare
    lines until the next header): the text after the header, gathered into a detached element."""
    flat = [f for f in fields if len((f.record.parts[0].tail or "").strip()) >= 8]
    if len(flat) * 2 < len(fields) or len(fields) < 2:
        return
    for f in fields:
        head = f.record.parts[0]
        box = head.makeelement("div", {})
        box.text = head.tail
        for sib in f.record.parts[1:]:
            if _PAGER.search(sib.get("class") or "") or _PAGER.search(sib.get("id") or ""):
                break  # the page's pager or footer after the last post
            box.append(copy.deepcopy(sib))  # (copies: the page's tree stays as it is)
        f.body_el = box
