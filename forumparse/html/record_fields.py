"""What the generic post readers share: the per-record Fields, the record's elements and
text pieces, the author block test, and agreement across records (the element shape that
most records choose wins)."""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from attrs import define

from ..vocab import BUTTON_WORDS, POSTS_LABELS
from .dates_found import DATE_IN_TEXT, JOINED_WORDS, DateHit, all_text
from .mail_header import sender_name
from .profile_block import profile_kinds
from .records_found import PageIndex, Record, signature
from .select import text_of


@define
class Fields:
    """What one record yields, before it becomes a Post."""

    record: Record
    body_el: object = None
    author_el: object = None
    date: DateHit | None = None
    item: object = None  # the structured-data item describing this post, if any
    joined: DateHit | None = None  # a date that markup alone labels as the join date
    edited: DateHit | None = None  # an edit note's date outside the body ("Edited by X - date")


def elements(record: Record, index: PageIndex, lo_b: int = -1, hi_b: int = -2):
    """The record's elements in document order; those at positions lo_b..hi_b (the body's span)
    left out without a look at them."""
    order = index.order
    for part in record.parts:
        lo, hi = index.span(part)
        if lo < 0:
            continue
        runs = ((lo, min(hi, lo_b - 1)), (max(lo, hi_b + 1), hi)) if lo_b <= hi_b else ((lo, hi),)
        for a, b in runs:
            for el in order[a:b + 1]:
                if isinstance(el.tag, str):
                    yield el


def anchor_line(record: Record) -> set:
    line = {record.anchor}
    line.update(record.anchor.iterancestors())
    return line


class ProfileTest:
    """Is an element an author block (name and stat lines)? Answers cached per element."""

    def __init__(self, index: PageIndex, authors: list):
        self.index = index
        self.names = {t for t in (" ".join(a.text_content().split()) for a in authors) if t}
        self.names |= {t for t in (name_text(a) for a in authors) if t}
        # (one page's readers, microdata then layout records, ask about the same elements)
        self.seen: dict = index.memo.setdefault(("profile", frozenset(self.names)), {})
        self.lines: dict = index.memo.setdefault("lines", {})  # lines_of per element

    def __call__(self, el, with_stats: bool = False) -> bool:
        kinds = self.seen.get(el)
        if kinds is None:
            kinds = self.seen[el] = profile_kinds(el, self.index.length.get(el, 0), self.names, self.lines,
                                                  self.index.pos)
        return kinds[1 if with_stats else 0]


def shape_key(el) -> str | None:
    if el is None:
        return None
    parent = el.getparent()
    return signature(el) + "/" + (signature(parent) if parent is not None else "")


def agree(fields: list[Fields], index: PageIndex, name: str, alternatives, options=None) -> None:
    """Records whose choice differs from the majority's shape take their element of that shape.
    With `options` (all candidates per record), the shape is chosen among every candidate, and a
    shape whose text is the same in every record (a link label, not a name) is passed over."""
    if options is not None:
        keys, texts = Counter(), {}
        for f in fields:
            seen = set()
            for el in options(f):
                key = shape_key(el)
                if key not in seen:
                    seen.add(key)
                    keys[key] += 1
                    texts.setdefault(key, set()).add(name_text(el))
        ranked = [(k, c) for k, c in keys.most_common() if not (len(texts[k]) == 1 and c >= 3)]
        if not ranked:
            return
        key, count = ranked[0]
    else:
        keys = Counter(shape_key(getattr(f, name)) for f in fields if getattr(f, name) is not None)
        if not keys:
            return
        key, count = keys.most_common(1)[0]
    if count * 2 < len(fields):
        return
    for f in fields:
        current = getattr(f, name)
        if shape_key(current) != key:
            alt = alternatives(f, key)
            if alt is not None and not (name == "body_el" and alt.tag == "p" and current is not None and
                                        any(a is current for a in alt.iterancestors())):
                setattr(f, name, alt)  # (where most posts are one paragraph, others hold several)


def text_pieces(f: Fields, index: PageIndex) -> list[tuple[str, object]]:
    """Text pieces of the record outside its body, in document order (kept on the index: the
    rank, stat and author block readers all ask; callers do not change the list)."""
    key = ("pieces", *f.record.parts, f.body_el)
    out = index.memo.get(key)
    if out is None:
        out = index.memo[key] = []
        for part in f.record.parts:
            _chunk_walk(part, f.body_el, out)
    return out


_NO_TEXT = frozenset({"script", "style", "noscript", "template"})


def _chunk_walk(el, skip, out: list) -> None:
    tag = el.tag
    if el is skip or not isinstance(tag, str) or tag in _NO_TEXT:
        return
    title = el.get("title")
    text = el.text
    if title and _COUNT_TITLE.match(title) and len(all_text(el).strip()) <= 12:
        out.append((" ".join(title.split()), el))  # <a title="1,234 posts">1.2k</a>: the title is exact
    elif text and not text.isspace():
        out.append((" ".join(text.split()), el))
    elif tag == "img" and _STAT_LABEL.match(el.get("alt") or ""):
        out.append((" ".join(el.get("alt").split()), el))  # a label shown as an icon: <img alt="Posts"> 57
    elif not len(el) and _STAT_LABEL.match(el.get("title") or el.get("aria-label") or "") and el.tag != "a":
        # an icon font label: <dt><i class="fa-comments" title="Messages"></i></dt><dd>3 418</dd>
        out.append((" ".join((el.get("title") or el.get("aria-label")).split()), el))
    for child in el:
        _chunk_walk(child, skip, out)
        tail = child.tail
        if tail and not tail.isspace():
            out.append((" ".join(tail.split()), el))


def author_name(el) -> str | None:
    """The name an author element shows: the first line of a block (a guest's name above its
    "Unregistered" line), the text of anything else."""
    if el.tag in _BLOCKS and len(el):
        first = _first_line(el)
        return name_text(el, first) if first else None
    return name_text(el)


def name_text(el, text: str | None = None) -> str | None:
    text = text or text_of(el)
    if not text:
        return None
    return _name_of(text)


@lru_cache(maxsize=16384)
def _name_of(text: str) -> str | None:
    """(the name in an element's text: asked again for the same elements and names)"""
    text = text.strip(" :,|·•")
    if text.casefold() in BUTTON_WORDS:
        return None
    if text.startswith(("u/", "/u/")):
        text = text.split("u/", 1)[1]
    by = _BY.match(text)
    text = text[by.end():] if by else text
    if CLOCK.search(text):
        return _byline_name(text) if by else None  # "asked Jul 8 at 9:10" is a date line, not a name
    if "@" in text[1:] or "<" in text:  # a mail header's sender: 'Ann Lee <ann@x.org>', 'ann@x.org (Ann Lee)'
        text = sender_name(text) or text
    text = _USER_NUMBER.sub("", text)  # "wetfeet (302115)": the account number shown after the name
    text = _SAID.sub("", text)  # "Anonymous said...", "Tobias says:": the verb of a comment's byline
    return text.lstrip("@") or None


_SAID = re.compile(r"(?<=\S)\s+(?:said|says|wrote|writes|sagt|schrieb|a dit|a écrit|dijo|dice|escribió|"
                   r"ha scritto|disse|zei|schreef|написал)\s*(?:\.\.\.|…|:)?\s*$", re.I)
_USER_NUMBER = re.compile(r"(?<=\S)\s+\(#?\d{2,}\)$")


_BLOCKS = frozenset({"div", "td", "li", "dd", "dt", "p", "section", "header", "address"})
_BREAKS = frozenset({"br", "div", "p", "li", "dd", "dt", "ul", "ol", "dl", "table", "tr", "hr", "section"})


def _first_line(el) -> str | None:
    """The first line of an author block (<div class="post_author"><b>Guest</b><br>Unregistered</div>):
    the name, without the rank line under it."""
    out: list[str] = []

    def walk(node) -> bool:  # True once the line has ended
        if node is not el and isinstance(node.tag, str) and node.tag in _BREAKS and "".join(out).strip():
            return True
        if isinstance(node.tag, str) and node.tag not in ("script", "style", "noscript", "template"):
            out.append(node.text or "")
            for child in node:
                if walk(child):
                    return True
        if node is not el:
            out.append(node.tail or "")
        return False
    walk(el)
    text = " ".join("".join(out).split())
    return text or None


_BY = re.compile(r"^(?:\w+\s+)?(?:by|von|par|por|di|door|av|от|przez)\s+", re.I)
# what stands between the name and the date of a byline: "by NAME » date", "von NAME am date"
_BYLINE_JOIN = re.compile(r"(?:\s*(?:»|,|-|–|—|\||\b(?:on|am|le|el|il|op|den|at|em|в|dnia)\b))*\s*$", re.I)


def _byline_name(text: str) -> str | None:
    """The name of a byline whose date follows it: "von lupa am 26/10/13, 03:48 pm" -> "lupa"."""
    m = DATE_IN_TEXT.search(text)
    if m is None or len(text) - m.end() > 3:
        return None
    name = _BYLINE_JOIN.sub("", text[:m.start()]).strip()
    return name.lstrip("@") if name and len(name) <= 60 and len(name.split()) <= 6 else None

# an author statistic's label alone (its value follows)
_STAT_WORDS = "|".join(sorted((re.escape(w) for w in POSTS_LABELS + JOINED_WORDS), key=len, reverse=True))
_COUNT_TITLE = re.compile(rf"^\s*\d[\d.,' \u00a0]*\s+(?:{_STAT_WORDS})\s*$", re.I)
_STAT_LABEL = re.compile(rf"^\s*(?:{_STAT_WORDS})"
                         r"\s*[:：]?\s*$", re.I)

CLOCK = re.compile(r"\d{1,2}:\d{2}")


LETTER = re.compile(r"[^\W\d_]")


def has_letters(el) -> bool:
    return bool(LETTER.search(all_text(el)))
