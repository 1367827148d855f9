"""Post fields from generic records: body, author, date, rank and author statistics.

Each choice is made per record, then made consistent across records: the
element shape (tag and classes of it and its parent) that most records agree
on wins, so one post whose signature is longer than its text still gets its
text as body.
"""
from __future__ import annotations

import copy
import re
from collections import Counter
from urllib.parse import urljoin

import attrs
from attrs import define

from ..numbers import parse_count
from ..records import Author, Post, Quote
from ..vocab import BUTTON_WORDS, EDIT_NOTE, GROUP_LABEL, JOINED_LABELS, POSTS_LABELS, quote_header_author
from .body import QUOTE_CSS, extract_body
from .dates_found import DATE_IN_TEXT, DateHit
from .profile_block import MAX_BLOCK, lines_of, profile_kinds, stat_line
from .records_found import PROFILE_HREF, PageIndex, Record, is_name, signature
from .select import text_of
from .structured import quote_css_for

# Class names of the element that holds a post's own text, across engines and themes.
BODY_WORDS = re.compile(
    r"^(?:post|message|comment|entry|article|topic|reply|forum)?[-_]?(?:body|content|text|message|msg|entry)"
    r"(?:[-_]?(?:body|content|text|inner|wrapper))?$|^(?:postbody|post_message|messagetext|post-message|content-body)$"
    r"|^[a-z]+(?:[-_][a-z]+)?[-_](?:body|content|text|message)$",
    re.I)
BODY_ITEMPROPS = frozenset({"text", "articlebody", "commenttext", "description"})
RANK_WORDS = re.compile(
    r"(?:^|[-_ ])(?:rank|user-?title|user_title|member-?title|member_title|userrank|user-?rank|postrank|"
    r"rank-?title|usergroup-?title|role-?title|group[-_]?title|group[-_]?name)(?:$|[-_ ])", re.I)
_NO_DESCENT = re.compile(r"quote|sig|code|spoiler", re.I)
_DESCEND = frozenset({"div", "td", "tr", "tbody", "table", "span", "font", "section", "article", "main",
                      "center", "p", "dd", "li", "ul", "blockquote", "form"})
# a class that names a signature box ("lia-message-signature"), not one that mentions it
# ("body-signature-highlight"): checked per class name
_SIGNATURE_CLASS = re.compile(r"(?:^|\s)(?:\S*signature(?:[-_]?(?:container|wrapper|block|text|content))?|"
                              r"(?:\S*[-_])?sig(?:[-_]\S*)?)(?:\s|$)", re.I)
_SIG_RULE = re.compile(r"^\s*(?:_{6,}|--\s?)\s*$")
_DASH_RULE = re.compile(r"^\s*-{6,}\s*$")  # a signature's rule left behind when the signature was taken out
_POST_ID = re.compile(r"^(?:post|p|msg|message|comment|reply|entry)[-_]?(\d+)$", re.I)


def _label_words(labels) -> str:
    return "|".join(sorted((re.escape(w) for w in set(labels)), key=len, reverse=True))


_COUNT_AFTER = re.compile(rf"^\s*(?:{_label_words(POSTS_LABELS)})\s*[:：]?\s*(?P<value>\d[\d.,' \u00a0]*)?\s*$", re.I)
_COUNT_BEFORE = re.compile(rf"^\s*(?P<value>\d[\d.,' \u00a0]*)\s+(?:{_label_words(POSTS_LABELS)})\s*$", re.I)
_JOINED = re.compile(rf"^\s*(?:{_label_words(JOINED_LABELS)})\s*[:：]?\s*(?P<value>.*?)\s*$", re.I)
_ANY_LABEL = re.compile(rf"\s(?:{_label_words(POSTS_LABELS + JOINED_LABELS)})\s*[:：]", re.I)


@define
class Fields:
    """What one record yields, before it becomes a Post."""

    record: Record
    body_el: object = None
    author_el: object = None
    date: DateHit | None = None
    item: object = None  # the structured-data item describing this post, if any
    joined: DateHit | None = None  # a date that markup alone labels as the join date


def extract_posts(records: list[Record], index: PageIndex, dates: list[DateHit], authors: list, ctx,
                  base_url: str | None = None, items: list | None = None, title: str | None = None) -> list[Post]:
    """Posts from records; `items` (structured data, one per record) fix body, author and date."""
    fields = [Fields(r) for r in records]
    author_set = set(authors)
    profile = _ProfileTest(index, authors)
    if items:
        for f, item in zip(fields, items):
            f.item = item
            f.body_el = item.text_el
    else:
        for f in fields:
            f.body_el = _body_candidate(f.record, index, author_set, profile)
        _agree(fields, index, "body_el", lambda f, key: _body_alternatives(f, key, profile))
    author_pos = sorted(index.pos[a] for a in authors if a in index.pos)
    for f in fields:
        f.author_el = _author_candidate(f, index, author_pos)
    _agree(fields, index, "author_el", lambda f, key: _author_alternatives(f, index, author_pos, key),
           options=None if items else lambda f: _author_options(f, index, author_pos))
    _unlinked_names(fields, index)
    for f in fields:
        if f.author_el is None and not (f.item is not None and f.item.author):
            f.author_el = _name_in_block(f, index, profile)
    by_pos = sorted((index.pos[d.el], d) for d in dates if d.el in index.pos)
    positions = [p for p, _ in by_pos]
    ranks = _ranks_after_name(fields, index)
    for f in fields:
        if id(f) not in ranks:
            block_rank = _rank_in_block(f, index, profile)
            if block_rank:
                ranks[id(f)] = block_rank
    posts = []
    for f in fields:
        f.joined = _labelled_date(f, index, positions, by_pos, "joined")
        f.date = _date_of(f, index, positions, by_pos)
        f.record.body = f.body_el
        post = _post(f, index, ctx, base_url, ranks.get(id(f)), title)
        if post is not None:
            posts.append(post)
    return posts


# -- body ------------------------------------------------------------------------------------

def _elements(record: Record, index: PageIndex):
    for part in record.parts:
        lo, hi = index.span(part)
        if lo < 0:
            continue
        for el in index.order[lo:hi + 1]:
            if isinstance(el.tag, str):
                yield el


def _anchor_line(record: Record) -> set:
    line = {record.anchor}
    line.update(record.anchor.iterancestors())
    return line


class _ProfileTest:
    """Is an element an author block (name and stat lines)? Answers cached per element."""

    def __init__(self, index: PageIndex, authors: list):
        self.index = index
        self.names = {t for t in (" ".join(a.text_content().split()) for a in authors) if t}
        self.names |= {t for t in (_name_text(a) for a in authors) if t}
        self.seen: dict = {}

    def __call__(self, el, with_stats: bool = False) -> bool:
        kinds = self.seen.get(el)
        if kinds is None:
            kinds = self.seen[el] = profile_kinds(el, self.index.length.get(el, 0), self.names)
        return kinds[1 if with_stats else 0]


def _body_candidate(record: Record, index: PageIndex, names: set, profile=None):
    blocked = _anchor_line(record) | names
    best, best_len, vocab = None, 0, []
    after = index.pos.get(record.anchor, -1) if record.kind == "single" else -1
    for el in _elements(record, index):
        if el in blocked or index.pos.get(el, 0) < after:
            continue  # (a lone post's text follows its date)
        n = index.length.get(el, 0)
        if n < 40 and not _has_letters(el):
            continue  # a date, a count or a post number is not a post's text
        if _SIGNATURE_CLASS.search(el.get("class") or ""):
            continue
        named = n and _is_body_class(el)
        if not named and n <= best_len:
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
    return _own_blockquote(_descend(best, index, profile), index) if best is not None else None


def _own_blockquote(el, index: PageIndex):
    """Some engines put the post's own text in a body-named <blockquote>: that is the body, not a quote."""
    total = index.length.get(el, 0)
    named = [bq for bq in el.iter("blockquote") if bq is not el and _is_body_class(bq)]
    top = max(named, key=lambda bq: index.length.get(bq, 0), default=None)
    if top is not None and index.length.get(top, 0) * 5 >= total * 2:
        return top
    return el


_LETTER = re.compile(r"[^\W\d_]")


def _has_letters(el) -> bool:
    return bool(_LETTER.search(el.text_content()))


def _is_body_class(el) -> bool:
    if (el.get("itemprop") or "").lower() in BODY_ITEMPROPS:
        return True
    return any(BODY_WORDS.match(c) for c in (el.get("class") or "").split())


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


def _key(el) -> str | None:
    if el is None:
        return None
    parent = el.getparent()
    return signature(el) + "/" + (signature(parent) if parent is not None else "")


def _agree(fields: list[Fields], index: PageIndex, name: str, alternatives, options=None) -> None:
    """Records whose choice differs from the majority's shape take their element of that shape.
    With `options` (all candidates per record), the shape is chosen among every candidate, and a
    shape whose text is the same in every record (a link label, not a name) is passed over."""
    if options is not None:
        keys, texts = Counter(), {}
        for f in fields:
            seen = set()
            for el in options(f):
                key = _key(el)
                if key not in seen:
                    seen.add(key)
                    keys[key] += 1
                    texts.setdefault(key, set()).add(_name_text(el))
        ranked = [(k, c) for k, c in keys.most_common() if not (len(texts[k]) == 1 and c >= 3)]
        if not ranked:
            return
        key, count = ranked[0]
    else:
        keys = Counter(_key(getattr(f, name)) for f in fields if getattr(f, name) is not None)
        if not keys:
            return
        key, count = keys.most_common(1)[0]
    if count * 2 < len(fields):
        return
    for f in fields:
        current = getattr(f, name)
        if _key(current) != key:
            alt = alternatives(f, key)
            if alt is not None and not (name == "body_el" and alt.tag == "p" and current is not None and
                                        any(a is current for a in alt.iterancestors())):
                setattr(f, name, alt)  # (where most posts are one paragraph, others hold several)


def _body_alternatives(f: Fields, key: str, profile=None):
    blocked = _anchor_line(f.record)
    for part in f.record.parts:
        for el in part.iter():
            if (el not in blocked and isinstance(el.tag, str) and _key(el) == key and (el.text or len(el))
                    and not (profile is not None and profile(el))):  # (the author's cell of the same shape)
                return el
    return None


# -- author ----------------------------------------------------------------------------------

def _author_options(f: Fields, index: PageIndex, author_pos: list[int]) -> list:
    lo, hi = index.span(f.body_el) if f.body_el is not None else (-1, -2)
    found = []
    for part in f.record.parts:
        for p in index.inside(author_pos, part):
            if lo <= p <= hi:
                continue
            el = index.order[p]
            if is_name(_name_text(el)):
                found.append(el)
    return found


def _author_candidate(f: Fields, index: PageIndex, author_pos: list[int]):
    options = _author_options(f, index, author_pos)
    if f.record.kind == "author" and f.record.anchor in options:
        return f.record.anchor
    links = [el for el in options if el.tag == "a"]
    return links[0] if links else (options[0] if options else None)


def _author_alternatives(f: Fields, index: PageIndex, author_pos: list[int], key: str):
    for el in _author_options(f, index, author_pos):
        if _key(el) == key:
            return el
    return None


def _name_text(el) -> str | None:
    text = text_of(el)
    if not text:
        return None
    text = text.strip(" :,|·•")
    if text.casefold() in BUTTON_WORDS:
        return None
    if text.startswith(("u/", "/u/")):
        text = text.split("u/", 1)[1]
    text = _BY.sub("", text)
    if _CLOCK.search(text):
        return None  # "asked Jul 8 at 9:10" is a date line, not a name
    return text.lstrip("@") or None


_BY = re.compile(r"^(?:\w+\s+)?(?:by|von|par|por|di|door|av|от|przez)\s+", re.I)
_CLOCK = re.compile(r"\d{1,2}:\d{2}")


# -- date ------------------------------------------------------------------------------------

def _date_of(f: Fields, index: PageIndex, positions: list[int], by_pos: list) -> DateHit | None:
    lo_b, hi_b = index.span(f.body_el) if f.body_el is not None else (-1, -2)
    if f.record.kind == "date":
        for _, hit in by_pos[_bisect(positions, index.pos.get(f.record.anchor, -1)):][:1]:
            if hit.el is f.record.anchor:
                return _machine_around(hit, index, positions, by_pos)
    for part in f.record.parts:
        lo, hi = index.span(part)
        start = _bisect(positions, lo)
        for p, hit in by_pos[start:]:
            if p > hi:
                break
            if hit.label is None and not lo_b <= p <= hi_b:
                return hit
    return None


def _machine_around(hit: DateHit, index: PageIndex, positions: list[int], by_pos: list) -> DateHit:
    """A shown date inside an element that carries the machine-readable time: take that time."""
    if hit.machine:
        return hit
    for anc, _ in zip(hit.el.iterancestors(), range(3)):
        p = index.pos.get(anc, -1)
        i = _bisect(positions, p)
        if i < len(by_pos) and by_pos[i][0] == p and by_pos[i][1].machine and by_pos[i][1].label is None:
            return by_pos[i][1]
    return hit


def _labelled_date(f: Fields, index: PageIndex, positions: list[int], by_pos: list, label: str) -> DateHit | None:
    lo_b, hi_b = index.span(f.body_el) if f.body_el is not None else (-1, -2)
    for part in f.record.parts:
        lo, hi = index.span(part)
        for p, hit in by_pos[_bisect(positions, lo):]:
            if p > hi:
                break
            if hit.label == label and not lo_b <= p <= hi_b:
                return hit
    return None


def _bisect(positions, value) -> int:
    from bisect import bisect_left

    return bisect_left(positions, value)


# -- statistics -------------------------------------------------------------------------------

def _chunks(f: Fields, index: PageIndex) -> list[tuple[str, object]]:
    """Text pieces of the record outside its body, in document order."""
    out: list[tuple[str, object]] = []
    for part in f.record.parts:
        _chunk_walk(part, f.body_el, out)
    return out


def _chunk_walk(el, skip, out: list) -> None:
    if el is skip or not isinstance(el.tag, str) or el.tag in ("script", "style", "noscript", "template"):
        return
    if el.text and el.text.strip():
        out.append((" ".join(el.text.split()), el))
    for child in el:
        _chunk_walk(child, skip, out)
        if child.tail and child.tail.strip():
            out.append((" ".join(child.tail.split()), el))


def _stats(f: Fields, index: PageIndex, ctx) -> tuple[int | None, str | None]:
    chunks = _chunks(f, index)
    count = joined = None
    for i, (text, _) in enumerate(chunks):
        nxt = chunks[i + 1][0].lstrip(" :：") if i + 1 < len(chunks) else ""  # "<span>Messages</span> : 412"
        if count is None:
            m = _COUNT_AFTER.match(text) or _COUNT_BEFORE.match(text)
            if m:
                value = m.group("value")
                prev = chunks[i - 1][0] if i else ""
                own = " ".join((chunks[i][1].text or "").split()) == text  # else the text follows an element
                if value is None and not own and not re.search(r"[:：]\s*$", text) and _NUMBER.match(prev):
                    value = prev  # "<p><a>348</a></p>帖子": the count stands above its label
                elif value is None and _NUMBER.match(nxt):
                    value = nxt
                count = parse_count(value) if value else None
        if joined is None:
            m = _JOINED.match(text)
            if m:
                value = m.group("value") or nxt
                value = _ANY_LABEL.split(" " + value, 1)[0].strip()
                joined = ctx.dates.parse(value).iso() if value else None
    return count, joined


def _is_rank_class(el) -> bool:
    return any(RANK_WORDS.search(c) and not c.startswith(("has-", "with-", "no-"))
               for c in (el.get("class") or "").split())


def _rank(f: Fields, index: PageIndex) -> str | None:
    lo_b, hi_b = index.span(f.body_el) if f.body_el is not None else (-1, -2)
    name = _name_text(f.author_el) if f.author_el is not None else None
    for el in _elements(f.record, index):
        if lo_b <= index.pos.get(el, -1) <= hi_b or not _is_rank_class(el):
            continue
        text = _rank_text(el)
        if text and len(text) <= 120 and text != name:  # (a name styled by its rank: "user-rank-Visitor")
            return text
    return _title_in_user_block(f)


def _rank_text(el) -> str | None:
    text = text_of(el)
    if not text:
        img = next(iter(el.iter("img")), None)
        text = (img.get("alt") or img.get("title")) if img is not None else None
    return text or None


def _title_in_user_block(f: Fields) -> str | None:
    """A plain class="title" element beside the name in the user's info block (<dl class=userinfo>)."""
    if f.author_el is None:
        return None
    block = f.author_el.getparent()
    while block is not None and block.tag in ("a", "span", "strong", "b", "em", "font"):
        block = block.getparent()
    if block is None or any(p is f.body_el for p in block.iterancestors()) or block is f.body_el:
        return None
    for el in block.iter():
        if isinstance(el.tag, str) and "title" in (el.get("class") or "").split() and el is not f.author_el:
            text = _rank_text(el)
            return text if text and len(text) <= 300 else None
    return None


def _rank_in_block(f: Fields, index: PageIndex, profile) -> str | None:
    """The author block's first short line that is neither the name nor a stat ("Member" under
    "Posts: 120"), else its group ("Group: Moderators")."""
    block = _profile_block_of(f, index, profile)
    if block is None:
        return None
    name = _name_text(f.author_el) if f.author_el is not None else None
    group = None
    pending = False
    lines = lines_of(block)
    if name in lines:  # the rank stands under the name, never above it
        lines = lines[lines.index(name) + 1:]
    for text in lines:
        if pending:
            pending = False
            continue
        is_stat, pending = stat_line(text)
        if is_stat:
            m = GROUP_LABEL.match(text)
            if m and group is None:
                group = m.group("value") or None
            continue
        if (text == name or text in profile.names or (name and name in text) or len(text) > 40 or len(text.split()) > 5
                or not _LETTER.search(text) or text.casefold() in BUTTON_WORDS or _STATUS_TEXT.search(text)
                or text.endswith((":", "：")) or _CLOCK.search(text) or DATE_IN_TEXT.search(text)):
            continue
        return text
    return group or _rank_image(block, f.author_el, name)


def _rank_image(block, author_el, name: str | None) -> str | None:
    """A rank shown as an image under the name: <img src=".../ranks/rank_2.png" alt="Regular">."""
    after = author_el is None
    for el in block.iter():
        if el is author_el:
            after = True
        if not after or el.tag != "img":
            continue
        alt = " ".join((el.get("alt") or el.get("title") or "").split())
        if ("rank" in (el.get("src") or "").lower() or "rank" in (el.get("class") or "").lower()) and (
                alt and alt != name and len(alt) <= 40 and _LETTER.search(alt) and "avatar" not in alt.lower()):
            return alt
    return None


def _unlinked_names(fields: list[Fields], index: PageIndex) -> None:
    """A guest's name is the same element as the members' name without its profile link:
    <strong>visitor42</strong> where the others show <strong><a href=...>name</a></strong>."""
    keys = Counter(_key(f.author_el.getparent()) for f in fields
                   if f.author_el is not None and f.author_el.tag == "a" and f.author_el.getparent() is not None)
    if not keys or not any(f.author_el is None for f in fields):
        return
    key, count = keys.most_common(1)[0]
    if count * 2 < len(fields):
        return
    for f in fields:
        if f.author_el is not None:
            continue
        lo_b, hi_b = index.span(f.body_el) if f.body_el is not None else (-1, -2)
        for el in _elements(f.record, index):
            if not len(el) and _key(el) == key and not lo_b <= index.pos.get(el, -1) <= hi_b \
                    and is_name(_name_text(el)):
                f.author_el = el
                break


def _name_in_block(f: Fields, index: PageIndex, profile):
    """An author block with no name link: its first line, in an element of its own, is the name."""
    block = _profile_block_of(f, index, profile)
    if block is None:
        return None
    for el in block.iter():
        if not isinstance(el.tag, str) or not el.text or not el.text.strip():
            continue
        text = " ".join(el.text.split())
        if len(el) or stat_line(text)[0] or not is_name(text) or text.casefold() in BUTTON_WORDS:
            return None  # the block opens with something else: no name to take
        return el
    return None


def _profile_block_of(f: Fields, index: PageIndex, profile):
    lo_b, hi_b = index.span(f.body_el) if f.body_el is not None else (-1, -2)
    if f.author_el is not None:
        found = None
        for anc in f.author_el.iterancestors():
            lo, hi = index.span(anc)
            if lo <= lo_b <= hi or index.length.get(anc, 0) > MAX_BLOCK:
                break  # (a short post's container holds the body too)
            if profile(anc, True):
                found = anc
        if found is not None:
            return found
    # else the block around the record's first stat lines ("Posts: 120"), outermost first
    for owner in [el for text, el in _chunks(f, index) if stat_line(text)[0]][:3]:
        found = None
        for anc, _ in zip([owner, *owner.iterancestors()], range(6)):
            lo, hi = index.span(anc)
            if lo <= lo_b <= hi or index.length.get(anc, 0) > MAX_BLOCK:
                break
            if profile(anc, True):
                found = anc
        if found is not None:
            return found
    return None


_NUMBER = re.compile(r"^\d[\d.,' \u00a0]*$")
_STATUS_TEXT = re.compile(r"^(?:is\s+)?(?:offline|online|op|wrote|said|schrieb|a écrit)\b"
                          r"|^(?:topic|thread)\s*starter$|^original poster$|^themenersteller$|^auteur du sujet$"
                          r"|^autor del tema$|^楼主$|^樓主$", re.I)
_RANK_TEXT = re.compile(r"^[^\d:|]{2,40}$")


def _ranks_after_name(fields: list[Fields], index: PageIndex) -> dict:
    """The short line right under the author's name, when most records show one in the same
    place (a user title); one-off lines are not ranks."""
    found = {}
    for f in fields:
        if f.author_el is None:
            continue
        chunks = _chunks(f, index)
        name = _name_text(f.author_el)
        at = next((i for i, (text, el) in enumerate(chunks) if text == name), None)
        if at is None or at + 1 >= len(chunks):
            continue
        if _STATUS_TEXT.search(chunks[at + 1][0]) and at + 2 < len(chunks):
            at += 1  # a badge between the name and the title ("Topic starter", "Offline")
        text, el = chunks[at + 1]
        if (_RANK_TEXT.match(text) and len(text.split()) <= 5 and text.casefold() not in BUTTON_WORDS
                and not _STATUS_TEXT.search(text)
                and not _JOINED.match(text) and not _COUNT_AFTER.match(text) and text != name
                and f.author_el not in el.iterancestors() and el is not f.author_el):
            found[id(f)] = (text, _key(el))
    with_author = sum(1 for f in fields if f.author_el is not None)
    keys = Counter(key for _, key in found.values())
    if not keys or with_author < 2:
        return {}
    key, count = keys.most_common(1)[0]
    if count < 0.5 * with_author:
        return {}
    return {fid: text for fid, (text, k) in found.items() if k == key}


# -- the post ---------------------------------------------------------------------------------

def _post(f: Fields, index: PageIndex, ctx, base_url: str | None, shown_rank: str | None,
          title: str | None = None) -> Post | None:
    if f.body_el is None:
        return None
    body = body_of(f.body_el, quote_css_for(f.item))
    text, signature_text = split_signature(body.text)
    text, plain_quotes = split_plain_quotes(text)
    text = strip_buttons(text)
    text, note = strip_edit_lines(text)
    text = strip_subject_line(text, title)
    if not text and not body.quotes:
        return None  # (a post that only quotes keeps its place with an empty body)
    author = None
    item = f.item
    if f.author_el is not None or (item is not None and item.author):
        name = item.author if item is not None and item.author else _name_text(f.author_el)
        count, joined = _stats(f, index, ctx)
        if joined is None and f.joined is not None and f.joined.iso:
            joined = f.joined.iso[:10]
        joined = joined[:10] if joined else joined  # a join date is a day, whatever time is shown
        href = _link_of(f.author_el)
        if item is not None and item.author_url:
            href = item.author_url
        profile = urljoin(base_url, href) if href and base_url else href
        if name:
            author = Author(name=name, rank=_rank(f, index) or shown_rank, post_count=count, joined=joined,
                            profile_url=profile if href and PROFILE_HREF.search(href) else None,
                            signature=body.signature or signature_text)
    date = f.date
    timestamp, raw = (date.iso, date.raw) if date else (None, None)
    if item is not None and item.date and not (date and date.machine):
        timestamp, raw = ctx.dates.machine(item.date) or timestamp, item.date
    timestamp = _container_epoch(f.record, ctx) or timestamp  # an epoch is the surest instant
    return Post(
        post_id=_post_id(f, index),
        author=author,
        timestamp=timestamp,
        timestamp_raw=raw,
        body=text,
        body_html=body.html,
        quotes=body.quotes + plain_quotes,
        edited=body.edited or note,
    )


# Quote boxes of old table layouts: <table class="quote"><tr><td>Quote:</td></tr><tr><td>...</td></tr>
_MORE_QUOTES = ", table.quote, div.quotemain, aside.quote"


def body_of(el, quote_css: str = QUOTE_CSS):
    """extract_body, with quote boxes that only a "Quote:" line above them marks taken out too."""
    if quote_css == QUOTE_CSS:
        quote_css += _MORE_QUOTES
    boxes = _headed_boxes(el)
    if not boxes:
        return extract_body(el, quote_css=quote_css)
    paths = [_child_path(el, box) for box in boxes]
    work = copy.deepcopy(el)
    for path in paths:
        node = work
        for i in path:
            node = node[i]
        node.set("data-quote-box", "1")
    body = extract_body(work, quote_css=quote_css + ", [data-quote-box]")
    return attrs.evolve(body, html=extract_body(el, quote_css=None, signature_css=None, edit_css=None).html)


def _headed_boxes(el) -> list:
    boxes = []
    for header in el.iter("div", "span", "strong", "b", "td", "p"):
        text = header.text_content()
        if len(text) > 80 or not text.strip():
            continue
        is_header, _ = quote_header_author(" ".join(text.split()))
        box = header.getnext()
        if is_header and box is not None and box.tag in ("table", "div", "blockquote") and (
                not (header.tail or "").strip()):
            boxes.append(box)
    return boxes


def _child_path(root, el) -> list[int]:
    path = []
    while el is not root:
        parent = el.getparent()
        path.append(parent.index(el))
        el = parent
    return path[::-1]


_EPOCH_ATTR = re.compile(r"(?:publish|created|posted|time|date)", re.I)
_EPOCH_VALUE = re.compile(r"^\d{9,10}$")


def _container_epoch(record: Record, ctx) -> str | None:
    """<li data-node-publishdate="1554824243">: the post's container states the instant."""
    root = record.parts[0]
    for el in [root, *root.iterchildren()][:4]:
        if not isinstance(el.tag, str):
            continue
        for name, value in el.attrib.items():
            if name.startswith("data-") and _EPOCH_ATTR.search(name) and _EPOCH_VALUE.match(value.strip()):
                return ctx.dates.machine(value.strip())
    return None


def _link_of(el) -> str | None:
    if el is None:
        return None
    link = el if el.tag == "a" else next(el.iterancestors("a"), None)
    if link is None:
        link = next(el.iter("a"), None)
    return link.get("href") if link is not None else None


_CODE_HEADER = re.compile(r"^\s*(?:code|quellcode|código|codice|код)\s*:?\s*(?:select all|alles auswählen|"
                          r"tout sélectionner|seleccionar todo|expand|collapse|copy)?\s*$", re.I)


def strip_buttons(text: str) -> str:
    """Lines of post buttons at the end ("Reply Quote") and code box headers ("Code: Select all")."""
    lines = [line for line in text.split("\n") if not _CODE_HEADER.match(line)]
    while lines and (not lines[-1].strip() or _all_buttons(lines[-1])):
        lines.pop()
    out = "\n".join(lines).strip()
    return out if out else text


def _all_buttons(line: str) -> bool:
    words = line.casefold().split()
    return bool(words) and len(words) <= 6 and all(w.strip("[]()|·•") in BUTTON_WORDS for w in words)


_RE = re.compile(r"^(?:re|aw|sv|odp|ответ)\s*(?:\[\d+\])?\s*:\s*", re.I)


def strip_subject_line(text: str, title: str | None) -> str:
    """A post's subject line above its text, when it is the thread's title ("RE: title" too)."""
    if not title or "\n" not in text:
        return text
    first, rest = text.split("\n", 1)
    if _RE.sub("", first.strip()).casefold() == _RE.sub("", title.strip()).casefold() and rest.strip():
        return rest.strip()
    return text


_EDITED_TIMES = re.compile(r"^\s*edited \d+ times?\b", re.I)  # "Edited 1 time(s). Last edit at ..."


def strip_edit_lines(text: str) -> tuple[str, str | None]:
    """Edit notes that open or close the text ("本帖最后由 X 于 ... 编辑" stands first)."""
    lines = text.split("\n")
    note = None
    for i in (0, -1):
        while lines and not lines[i].strip():
            lines.pop(i)
        if len(lines) > 1 and len(lines[i]) < 200 and (EDIT_NOTE.match(lines[i]) or _EDITED_TIMES.match(lines[i])):
            note = note or lines.pop(i).strip()
    return ("\n".join(lines).strip(), note) if note else (text, None)


def split_signature(text: str) -> tuple[str, str | None]:
    """Cut a signature off below a "____" or "-- " rule line."""
    lines = text.rstrip().split("\n")
    if len(lines) > 1 and _DASH_RULE.match(lines[-1]):
        return "\n".join(lines[:-1]).strip(), None
    for i, line in enumerate(lines):
        if i and _SIG_RULE.match(line):
            sig = "\n".join(lines[i + 1:]).strip()
            return "\n".join(lines[:i]).strip(), sig or None
    return text, None


_WROTE = re.compile(r"(?:wrote|writes|said|schrieb|a écrit|escribió|ha scritto|escreveu|schreef|написал)\s*:\s*$",
                    re.I)


def split_plain_quotes(text: str) -> tuple[str, tuple[Quote, ...]]:
    """Take out "> " quoted lines (mail and plain-text forums) with their "X wrote:" line."""
    lines = text.split("\n")
    if not any(line.startswith(">") for line in lines):
        return text, ()
    keep, quotes, block = [], [], []
    for line in lines + [""]:
        if line.startswith(">"):
            block.append(line.lstrip("> ").rstrip())
            continue
        if block:
            while keep and not keep[-1].strip():
                keep.pop()
            if keep and _WROTE.search(keep[-1]):
                keep.pop()
            quotes.append(Quote(text="\n".join(block).strip()))
            block = []
        keep.append(line)
    own = "\n".join(keep).strip()
    own = re.sub(r"\n{3,}", "\n\n", own)
    if not own:
        return text, ()
    return own, tuple(quotes)


def _post_id(f: Fields, index: PageIndex) -> str | None:
    for el in f.record.parts[:1]:
        lo, hi = index.span(el)
        for cand in index.order[lo:min(hi, lo + 40) + 1]:
            if not isinstance(cand.tag, str):
                continue
            for value in (cand.get("id"), cand.get("name"), cand.get("data-postid"), cand.get("data-post-id")):
                if value:
                    m = _POST_ID.match(value) or (re.match(r"^(\d{2,})$", value) if cand.tag != "a" or
                                                  cand.get("name") else None)
                    if m:
                        return m.group(1)
    return None
