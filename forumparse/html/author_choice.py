"""Which element of a record is the author's name: a name candidate outside the body, the
same element unlinked for guests, or the first line of an author block without a link."""
from __future__ import annotations

import re
from collections import Counter

from ..vocab import BUTTON_WORDS
from .dates_found import DATE_IN_TEXT
from .profile_block import MAX_BLOCK, stat_line
from .record_fields import Fields, anchor_line, elements, name_text, shape_key, text_pieces
from .records_found import NOT_NAMES, PageIndex, is_name


def author_options(f: Fields, index: PageIndex, author_pos: list[int]) -> list:
    """The record's name candidates outside its body. Kept on the index per record and body: the
    readers ask again with the page's author positions (callers do not change the list)."""
    key = ("options", *f.record.parts, f.body_el)
    found = index.memo.get(key)
    if found is None:
        found = index.memo[key] = _author_options(f, index, author_pos)
    return found


def _author_options(f: Fields, index: PageIndex, author_pos: list[int]) -> list:
    lo, hi = index.span(f.body_el) if f.body_el is not None else (-1, -2)
    if f.body_el is not None and f.body_el in anchor_line(f.record):
        br = next(f.body_el.iter("br"), None)  # loose text under a byline line: the name stands before its <br>
        if br is not None:
            lo = index.pos.get(br, lo)
        elif f.record.kind == "author":  # "<p><strong>Phil</strong>: text": the line's name opens it
            lo = index.pos.get(f.record.anchor, lo - 1) + 1
    found = []
    for part in f.record.parts:
        for p in index.inside(author_pos, part):
            if lo <= p <= hi:
                continue
            el = index.order[p]
            if is_name(name_text(el)) and not _in_title_box(el):
                found.append(el)
    return found


# a user title or rank box; a link inside it ("by T. Mascis" under a banned user's title) is no name
_TITLE_BOX = re.compile(r"(?:^|[-_ ])(?:title|usertitle|user-title|rank|userrank|user-rank)(?:$|[-_ ])", re.I)


def _in_title_box(el) -> bool:
    """(a name element styled by its rank, "UserName lia-user-rank-Visitor", is not a title box)"""
    return any(_TITLE_BOX.search(c) and "name" not in c.lower()
               for a, _ in zip(el.iterancestors(), range(3)) for c in [a.get("class") or ""])


def author_candidate(f: Fields, index: PageIndex, author_pos: list[int], labels: frozenset = frozenset(),
                     edited_pos: list[int] | None = None):
    """The record's name: its author anchor, else its first link, else any option. `labels` are
    link texts that every record shows ("Rap Sheet", "Post History" beside the name), and names
    in a small block with an edit date ("edited Jan 5 at 10:22 / LarsH") are the editor's: both
    passed over while another option is there."""
    options = author_options(f, index, author_pos)
    if f.record.kind == "author" and f.record.anchor in options:
        return f.record.anchor
    own = [el for el in options if name_text(el) not in labels] or options
    if edited_pos:
        own = [el for el in own if not _in_edit_note(el, index, edited_pos)] or own
    own = [el for el in own if not _in_comment_list(el, f.record.parts)] or own
    links = [el for el in own if el.tag == "a"]
    return (links or own or [None])[0]


_COMMENT_BOX = re.compile(r"(?:^|[\s_-])comments?(?:$|[\s_-])", re.I)


def _in_comment_list(el, parts: list) -> bool:
    """A name in the comments under the post (Q&A answers carry comment lists) is a commenter's."""
    for anc in el.iterancestors():
        if any(anc is p for p in parts):
            return False
        if _COMMENT_BOX.search(anc.get("class") or ""):
            return True
    return False


def _in_edit_note(el, index: PageIndex, edited_pos: list[int]) -> bool:
    """The name stands in a short block (three levels up at most) that also shows an edit date."""
    for anc, _ in zip(el.iterancestors(), range(3)):
        if index.length.get(anc, 0) > 200:
            return False
        if index.inside(edited_pos, anc):
            return True
    return False


def link_labels(fields: list[Fields], index: PageIndex, author_pos: list[int]) -> frozenset:
    """Link texts shown in every record of three or more (menu labels) while names vary."""
    if len(fields) < 3:
        return frozenset()
    counts: Counter = Counter()
    every: Counter = Counter()
    for f in fields:
        texts = {name_text(el) for el in author_options(f, index, author_pos)}
        every.update(texts)
        counts.update({t for t in texts if t})
    labels = frozenset(t for t, c in counts.items() if c == len(fields))
    return labels if len(every) > len(labels) + 1 else frozenset()


def author_alternatives(f: Fields, index: PageIndex, author_pos: list[int], key: str):
    for el in author_options(f, index, author_pos):
        if shape_key(el) == key:
            return el
    return None


def unlinked_names(fields: list[Fields], index: PageIndex) -> None:
    """A guest's name is the same element as the members' name without its profile link:
    <strong>visitor42</strong> where the others show <strong><a href=...>name</a></strong>, or
    a plain element alone in the link's place (<strong><span>visitor42</span></strong>)."""
    keys = Counter(shape_key(f.author_el.getparent()) for f in fields
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
        for el in elements(f.record, index, lo_b, hi_b):  # (outside the body)
            parent = el.getparent()
            in_place = shape_key(el) == key or (el.tag != "a" and parent is not None and len(parent) == 1
                                                and not (parent.text or "").strip() and shape_key(parent) == key)
            if not len(el) and in_place and is_name(name_text(el)):
                f.author_el = el
                break


# "Submitted by", "Posted by", "von", "par": the words before a byline's name
_BY_BEFORE = re.compile(r"(?:^|\s)(?:by|von|par|por|di|door|av|от|przez|af)\s*:?\s*$", re.I)
_EDITED_BY = re.compile(r"edit|bearbeit|modifi|geändert|изменен|quot|zitat|cit", re.I)  # the editor's or quoted name
_BYLINE_TAGS = frozenset({"span", "a", "b", "strong", "em", "i", "cite", "bdi", "font"})


def byline_name(f: Fields, index: PageIndex):
    """The element a "by" stands before, outside the body: "Submitted by <span>Rosa</span> on ..."."""
    lo_b, hi_b = index.span(f.body_el) if f.body_el is not None else (-1, -2)
    for el in elements(f.record, index):
        if el.tag not in _BYLINE_TAGS or lo_b <= index.pos.get(el, -1) <= hi_b or index.length.get(el, 0) > 60:
            continue
        prev = el.getprevious()
        before = (prev.tail if prev is not None else el.getparent().text) or ""
        if _BY_BEFORE.search(before[-40:]) and not _EDITED_BY.search(before[-40:]) and is_name(name_text(el)):
            return el
    return None


def name_in_block(f: Fields, index: PageIndex, profile):
    """An author block with no name link: its first line, in an element of its own, is the name."""
    block = profile_block_of(f, index, profile)
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


def profile_block_of(f: Fields, index: PageIndex, profile):
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
    for owner in [el for text, el in text_pieces(f, index) if stat_line(text)[0]][:3]:
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


_SLOT_TAGS = frozenset({"b", "strong", "span", "font", "div", "td", "dt", "p", "h3", "h4", "cite", "em", "i"})
_DIGITS = re.compile(r"\d+")
_NOT_A_NAME = re.compile(r"\d{1,2}:\d{2}|^\W*$|^(?:re|aw)\s*:", re.I)


def name_slots(fields: list[Fields], index: PageIndex) -> None:
    """No name link nor author class on the page: the name is the plain element that every record
    shows in the same place outside its body, first in the record, with a text that changes from
    record to record (<td><b>SteamSid</b></td> above the post, e107 and home-made tables)."""
    if len(fields) < 2 or sum(f.author_el is None for f in fields) * 2 < len(fields):
        return
    if not _name_slot(fields, index) and not (len(fields) > 2 and _name_slot(fields[1:], index)):
        _name_slot(fields, index, _bold_tag)  # (the name bold in a <font> here, in a mailto link there)


def _bold_tag(el) -> str | None:
    return el.tag if el.tag in ("b", "strong", "cite") else None


def _name_slot(fields: list[Fields], index: PageIndex, key=shape_key) -> bool:
    firsts: list[dict] = []
    for f in fields:
        lo_b, hi_b = index.span(f.body_el) if f.body_el is not None else (-1, -2)
        seen: dict = {}
        for rank, el in enumerate(_leaves(f, index, lo_b, hi_b)):
            k = key(el)
            if k is not None:
                seen.setdefault(k, (rank, el))
        firsts.append(seen)
    common = set(firsts[0]).intersection(*firsts[1:])
    best = None
    for key in common:
        texts = [name_text(seen[key][1]) for seen in firsts]
        if len({_DIGITS.sub("", t or "") for t in texts}) < 2 or not all(is_name(t) and not _NOT_A_NAME.search(t)
                                                                       for t in texts):
            continue  # (the same words with other numbers, "level 1" / "level 2", are a label)
        if any(stat_line(t)[0] or t.casefold() in BUTTON_WORDS or t.casefold() in NOT_NAMES for t in texts):
            continue
        order = sum(seen[key][0] for seen in firsts)
        if best is None or order < best[0]:
            best = (order, key)
    if best is None:
        return False
    for f, seen in zip(fields, firsts):
        if f.author_el is None:
            f.author_el = seen[best[1]][1]
    return True


def _leaves(f: Fields, index: PageIndex, lo_b: int, hi_b: int):
    """The record's first short text elements without element children, outside the body."""
    count = 0
    for el in elements(f.record, index, lo_b, hi_b):  # (outside the body)
        if count >= 12:
            return
        if el.tag not in _SLOT_TAGS or len(el) or not (el.text or "").strip():
            continue
        if DATE_IN_TEXT.search(el.text):
            continue
        count += 1
        yield el
