"""The author block beside a post: a cell made of the name and label-value stat lines.

"mach1marty / Member / Registered: 06/12/08 / Posts: 312 / Loc: Tulsa, OK" is header,
never the post's text, whatever the cell's class names say. Label words live in vocab.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..vocab import GROUP_LABEL, JOINED_LABEL, LOCATION_LABEL, OTHER_STAT_LABEL, POSTS_LABEL
from .dates_found import _whole_date, is_hidden

_STAT_LABELS = (POSTS_LABEL, JOINED_LABEL, LOCATION_LABEL, OTHER_STAT_LABEL, GROUP_LABEL)
_COUNT_FIRST = re.compile(r"^\d[\d.,' \u00a0]*[kKmM万萬]?\s+\S{1,20}$")
_HAS_DIGIT = re.compile(r"\d")
_NUMBER = re.compile(r"^[+-]?\d[\d.,' \u00a0]*[kKmM万萬]?$")
_STATUS = re.compile(r"^(?:(?:member\s+|user\s+)?is\s+)?(?:offline|online)$|^(?:当前离线|当前在线|離線|在線)$", re.I)
_SKIP = frozenset({"script", "style", "noscript", "template", "textarea", "select", "option"})
MAX_BLOCK = 400  # characters: an author block is short
MAX_LINE = 60


@lru_cache(maxsize=16384)
def stat_line(text: str) -> tuple[bool, bool]:
    """(is a label-value stat line or a status word, the label stands alone and its value follows)."""
    if _STATUS.match(text):
        return True, False
    for rx in _STAT_LABELS:
        m = rx.match(text)
        if m is None:
            continue
        value = m.group("value")
        if not value:
            return True, True
        # "Posts: 27", "Karma 1"; a sentence that starts with a label word is not a stat
        if re.search(r"[:：]", text[:m.start("value")]) or _NUMBER.match(value):
            return True, False
    qualified = _QUALIFIED.match(text)  # "Forum Posts: 2,608", "Total Posts: 57"
    if qualified and POSTS_LABEL.match(qualified.group("label")) and _NUMBER.match(qualified.group("value")):
        return True, False
    return bool(_COUNT_FIRST.match(text)) and len(text) <= 24, False


_QUALIFIED = re.compile(r"^\s*\w{2,12}\s+(?P<label>\w[\w.]{1,15})\s*[:：]\s*(?P<value>\S.*)$")


def _labelled_count(text: str) -> bool:
    """"2,048 posts": a count before a known label (not any "12 something")."""
    parts = text.split(None, 1)
    return len(parts) == 2 and bool(POSTS_LABEL.match(parts[1])) and not POSTS_LABEL.match(parts[1]).group("value")


def lines_of(el, memo: dict | None = None, shown: dict | None = None) -> list[str]:
    """The element's text pieces (a piece per text node), hidden and script parts left out.
    With `memo` (a dict kept for the page), each element's pieces are made once and an element's
    are its children's joined: blocks nested in blocks are asked about one after the other.
    Callers do not change the list. `shown` (PageIndex.pos) holds elements known not hidden."""
    if memo is not None:
        return _lines(el, memo, shown if shown is not None else {})
    out: list[str] = []
    _walk(el, out)
    return out


_NONE: list = []


def _lines(el, memo: dict, shown: dict) -> list[str]:
    got = memo.get(el)
    if got is not None:
        return got
    if not isinstance(el.tag, str) or el.tag in _SKIP or (el not in shown and _hidden(el)):
        got = _NONE
    else:
        got = []
        text = el.text
        if text and text.strip():
            got.append(" ".join(text.split()))
        for child in el:
            got.extend(_lines(child, memo, shown))
            tail = child.tail
            if tail and tail.strip():
                got.append(" ".join(tail.split()))
    memo[el] = got
    return got


def _walk(el, out: list) -> None:
    if not isinstance(el.tag, str) or el.tag in _SKIP or _hidden(el):
        return
    if el.text and el.text.strip():
        out.append(" ".join(el.text.split()))
    for child in el:
        _walk(child, out)
        if child.tail and child.tail.strip():
            out.append(" ".join(child.tail.split()))


def _hidden(el) -> bool:
    return bool(el.attrib) and is_hidden(el)


def profile_kinds(el, length: int, names: set, memo: dict | None = None,
                  shown: dict | None = None) -> tuple[bool, bool]:
    """An element whose text is the author's name and stat lines (with at most as many other
    short lines, such as a rank): `length` is its visible text length, `names` the texts of
    author name candidates on the page, `memo` the page's lines_of memo. (any such block, one
    with a stat line)"""
    if not length or length > MAX_BLOCK:
        return False, False
    lines = lines_of(el, memo, shown)
    if not lines or len(lines) > 24:
        return False, False
    marked = stats = 0
    pending = False
    for i, text in enumerate(lines):
        if pending:
            marked, pending = marked + 1, False
            continue
        is_stat, pending = stat_line(text)
        following = lines[i + 1] if i + 1 < len(lines) else ""
        if pending and not re.search(r"[:：]\s*$", text) and not following.startswith((":", "：")):
            # a bare label ("Post", "帖子") is a stat beside a number only: "Post #1" is a permalink
            near = [lines[i - 1] if i else "", following]
            is_stat = pending = any(_NUMBER.match(t) for t in near)
            pending = pending and bool(_NUMBER.match(near[1]))
        if not is_stat and _HAS_DIGIT.search(text) and _whole_date(text):
            return False, False  # a post's own date: the post header, not the author's block
        if is_stat:
            marked, stats = marked + 1, stats + (not _COUNT_FIRST.match(text) or _labelled_count(text))
        elif text in names:
            marked += 1
        elif len(text) > MAX_LINE:
            return False, False
    half = marked * 2 >= len(lines)
    # without a stat line, a short block that opens with the name ("ridgeline / Participant")
    return (marked > 0 and half and (stats > 0 or (len(lines) <= 3 and lines[0] in names)),
            stats > 0 and half)
