"""The author's rank, post count and join date, read from the record outside its body:
rank class names, the line under the name, label-value stat lines in many languages."""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from ..numbers import parse_count
from ..vocab import BUTTON_WORDS, DATE_LABEL_WORDS, EDIT_NOTE, GROUP_LABEL, POSTS_LABELS
from .author_choice import profile_block_of
from .dates_found import DATE_IN_TEXT, JOINED_WORDS, is_hidden
from .profile_block import lines_of, stat_line
from .record_fields import CLOCK, LETTER, Fields, elements, name_text, shape_key, text_pieces
from .records_found import PageIndex
from .select import text_of

RANK_WORDS = re.compile(
    r"(?:^|[-_ ])(?:rank|user-?title|user_title|member-?title|member_title|userrank|user-?rank|postrank|"
    r"rank-?title|usergroup-?title|role-?title|group[-_]?title|group[-_]?name|group[-_]?label|badge-+group|"
    r"(?:user|member|author|poster|entry)[-_]*group)(?:$|[-_ ])|[a-z]__group$", re.I)


def _label_words(labels) -> str:
    return "|".join(sorted((re.escape(w) for w in set(labels)), key=len, reverse=True))


# "Posts: 57"; "<a>2</a> posts since <date>" (Jive: the count, then a label that runs into the join date)
_COUNT_AFTER = re.compile(rf"^\s*(?:(?:forum|total|board)\s+)?(?:{_label_words(POSTS_LABELS)})(?:\s+since)?\s*[:：]?\s*"
                          r"(?P<value>\d[\d.,' \u00a0]*)?\s*$", re.I)
_COUNT_BEFORE = re.compile(rf"^\s*(?P<value>\d[\d.,' \u00a0]*)\s+(?:{_label_words(POSTS_LABELS)})\s*$", re.I)
_JOINED = re.compile(rf"^\s*(?:{_label_words(JOINED_WORDS)})\s*[:：]?\s*(?P<value>.*?)\s*$", re.I)


_ANY_LABEL = re.compile(rf"\s(?:{_label_words(POSTS_LABELS + JOINED_WORDS)})\s*[:：]", re.I)


_NUMBER = re.compile(r"^\d[\d.,' \u00a0]*$")
_SHOWN_COUNT = re.compile(r"^\d[\d.,' \u00a0]*[kKmM万萬]?$")  # "1.2万" beside its label


_STATUS_TEXT = re.compile(r"^(?:is\s+)?(?:offline|online|op|wrote|said|schrieb|a écrit|creator)\b"
                          r"|^(?:topic|thread)\s*(?:starter|author|creator|opener)$|^original poster$|^themenersteller$"
                          r"|^auteur du sujet$|^autor del tema$|^楼主$|^樓主$", re.I)


_MEMBER_NUMBER = re.compile(r"#\s*\d")  # "Registered Member #104" is a member number
_MENU_WORDS = frozenset({"more", "less", "show more", "show less", "mehr", "weniger", "plus", "más", "altro", "ещё",
                         "еще", "details", "expand", "collapse"})
_RANK_TEXT = re.compile(r"^[^\d:|]{2,40}$")
_LONG_RANK_TEXT = re.compile(r"^[^:|]{2,100}$")


def stats_of(f: Fields, index: PageIndex, ctx) -> tuple[int | None, str | None]:
    chunks = text_pieces(f, index)
    count = joined = None
    for i, (text, _) in enumerate(chunks):
        nxt = chunks[i + 1][0].lstrip(" :：") if i + 1 < len(chunks) else ""  # "<span>Messages</span> : 412"
        if count is None:
            m, value = _count_label(text)
            if m:
                prev = chunks[i - 1][0] if i else ""
                owner = chunks[i][1]  # the text is the owner's own (or an icon's label), else it follows an element
                own = owner.tag == "img" or " ".join((owner.text or "").split()) == text or \
                    " ".join((owner.get("title") or owner.get("aria-label") or "").split()) == text
                after_value = not own or (owner.getnext() is None and i and chunks[i - 1][1].getparent() is
                                          owner.getparent() and owner.getparent() is not None)
                if value is None and after_value and not re.search(r"[:：]\s*$", text) and _NUMBER.match(prev):
                    value = prev  # "<p><a>348</a></p>帖子", "<span>412</span> <span>posts</span>": the count first
                elif value is None and _NUMBER.match(nxt):
                    value = nxt
                count = parse_count(value) if value else None
        if joined is None:
            m, value = _joined_label(text)
            if m:
                value = value or nxt
                value = _ANY_LABEL.split(" " + value, 1)[0].strip()
                joined = ctx.dates.parse(value).iso() if value else None
    return count, joined


@lru_cache(maxsize=16384)
def _count_label(text: str) -> tuple[bool, str | None]:
    """(a post count label matches, its value): the same labels stand in every record."""
    m = _COUNT_AFTER.match(text) or _COUNT_BEFORE.match(text)
    return (True, m.group("value")) if m else (False, None)


@lru_cache(maxsize=16384)
def _joined_label(text: str) -> tuple[bool, str | None]:
    m = _JOINED.match(text)
    return (True, m.group("value")) if m else (False, None)


def _is_rank_class(el) -> bool:
    if (el.get("data-role") or "").lower() in _RANK_ROLES:
        return True  # <li data-role="group">Moderators</li>
    cls = el.get("class")
    return bool(cls) and _rank_class(cls)


@lru_cache(maxsize=8192)
def _rank_class(cls: str) -> bool:
    """(asked for every element of every record: the answer per class value is kept)"""
    return any((RANK_WORDS.search(c) or (not c.islower() and RANK_WORDS.search(_CAMEL.sub(r"\1-\2", c))))
               and not c.startswith(("has-", "with-", "no-")) for c in cls.split())


_CAMEL = re.compile(r"([a-z])([A-Z])")  # "spPostUserRank" is "sp-Post-User-Rank"


_RANK_ROLES = frozenset({"title", "group", "usergroup", "rank", "user-title", "usertitle"})


def rank_of(f: Fields, index: PageIndex, shown: str | None = None) -> str | None:
    """A rank-named element's text, else the title beside the name, else `shown` (the line under the
    name that records agree on), else a user group."""
    lo_b, hi_b = index.span(f.body_el) if f.body_el is not None else (-1, -2)
    name = name_text(f.author_el) if f.author_el is not None else None
    group = None  # a user group is the rank only where no user title shows
    for el in elements(f.record, index, lo_b, hi_b):  # (outside the body)
        if not _is_rank_class(el):
            continue
        text = _rank_text(el)
        if text and len(text) <= 120 and text != name:  # (a name styled by its rank: "user-rank-Visitor")
            if not _is_group(el):
                return text
            group = group or text
    return _title_in_user_block(f) or shown or group


def _is_group(el) -> bool:
    return "group" in (el.get("data-role") or "").lower() or "group" in (el.get("class") or "").lower()


def _rank_text(el) -> str | None:
    text = text_of(el)
    if not text:
        img = next(iter(el.iter("img")), None)
        text = (img.get("alt") or img.get("title")) if img is not None else None
    if not text:  # an icon badge: <span class="Badge Badge--group--4" title="Moderator"><i></i></span>
        text = el.get("title") or el.get("aria-label")
    return " ".join(text.split()) if text else None


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


def rank_in_block(f: Fields, index: PageIndex, profile) -> str | None:
    """The author block's first short line that is neither the name nor a stat ("Member" under
    "Posts: 120"), else its group ("Group: Moderators")."""
    block = profile_block_of(f, index, profile)
    if block is None:
        return None
    name = name_text(f.author_el) if f.author_el is not None else None
    group = None
    pending = False
    lines = lines_of(block, index.memo.setdefault("lines", {}), index.pos)
    if name in lines:  # the rank stands under the name, never above it
        lines = lines[lines.index(name) + 1:]
    prev = ""
    longest, most_words = 80, 12  # a custom title right under the name may be long; lower down, no
    group_next = False
    for i, text in enumerate(lines):
        if pending:
            pending = False
            if group_next and group is None and len(text) <= 40:
                group = text  # "<span>Gruppe:</span><span>Moderatoren</span>"
            continue
        if i + 1 < len(lines) and _NUMBER_LINE.match(lines[i + 1]):
            pending = True  # "<dt>Member</dt><dd>#30,112</dd>": a label over its number
            continue
        is_stat, pending = stat_line(text)
        pending = pending and not _SHOWN_COUNT.match(prev)  # "348 / 帖子": the value stood above its label
        prev = text
        if is_stat:
            longest, most_words = 40, 5
            m = GROUP_LABEL.match(text)
            group_next = bool(m) and not m.group("value") and pending
            if m and group is None:
                group = m.group("value") or None
            continue
        if (text == name or text in profile.names or (name and name in text) or len(text) > longest
                or len(text.split()) > most_words
                or not LETTER.search(text) or text.casefold() in BUTTON_WORDS or _STATUS_TEXT.search(text)
                or text.casefold() in _MENU_WORDS or _MEMBER_NUMBER.search(text)
                or text.endswith((":", "：")) or CLOCK.search(text) or DATE_IN_TEXT.search(text)):
            continue
        return text
    return group or _rank_image(block, f.author_el, name)


_NUMBER_LINE = re.compile(r"^(?:#|no\.?|nr\.?|№)\s?\d[\d,.]*$", re.I)


def _rank_image(block, author_el, name: str | None) -> str | None:
    """A rank shown as an image under the name: <img src=".../ranks/rank_2.png" alt="Regular">;
    else the group's image (<img src="images/groupimages/english/moderator.png" alt="Super Moderators">)."""
    after = author_el is None or not any(a is block for a in author_el.iterancestors())  # (the name shown elsewhere)
    group = None
    for el in block.iter():
        if el is author_el:
            after = True
        if not after or el.tag != "img":
            continue
        alt = " ".join((el.get("alt") or el.get("title") or "").split())
        if not (alt and alt != name and len(alt) <= 40 and LETTER.search(alt) and "avatar" not in alt.lower()):
            continue
        where = ((el.get("src") or "") + " " + (el.get("class") or "")).lower()
        if "rank" in where:
            return alt
        if group is None and "group" in where:
            group = alt
    return group


_RE_SUBJECT = re.compile(r"^(?:re|aw|sv|odp|ответ)\s*(?:\[\d+\])?\s*:\s*", re.I)


def _is_subject(text: str, title: str | None) -> bool:
    """The post's subject line ("Re: <thread title>") is no rank."""
    return bool(_RE_SUBJECT.match(text)) or bool(title) and text.casefold() == title.casefold()


def ranks_after_name(fields: list[Fields], index: PageIndex, title: str | None = None) -> dict:
    """The short line right under the author's name, when most records show one in the same
    place (a user title); one-off lines are not ranks."""
    found = {}
    for f in fields:
        if f.author_el is None:
            continue
        chunks = text_pieces(f, index)
        name = name_text(f.author_el)
        at = next((i for i, (text, el) in enumerate(chunks) if text == name), None)
        if at is None or at + 1 >= len(chunks):
            continue
        if _STATUS_TEXT.search(chunks[at + 1][0]) and at + 2 < len(chunks):
            at += 1  # a badge between the name and the title ("Topic starter", "Offline")
        text, el = chunks[at + 1]
        text = _whole_inline(text, el)
        if _date_label(text):
            continue  # "Posté(e) <date>": the label of the post's date
        if (_LONG_RANK_TEXT.match(text) and not EDIT_NOTE.match(text) and not _hidden_below(el, f.record.parts[0])
                and not _is_subject(text, title)
                and len(text.split()) <= 12 and text.casefold() not in BUTTON_WORDS
                and not _STATUS_TEXT.search(text)
                and not _JOINED.match(text) and not _COUNT_AFTER.match(text) and text != name
                and f.author_el not in el.iterancestors() and el is not f.author_el):
            short = bool(_RANK_TEXT.match(text)) and len(text.split()) <= 5
            found[id(f)] = (text, shape_key(el), short)
    with_author = sum(1 for f in fields if f.author_el is not None)
    # the place is agreed on by short titles; a long custom title in that place is one too
    keys = Counter(key for _, key, short in found.values() if short)
    if not keys or with_author < 2:
        return {}
    key, count = keys.most_common(1)[0]
    if count < 0.5 * with_author:
        return {}
    return {fid: text for fid, (text, k, _) in found.items() if k == key}


_INLINE = frozenset({"b", "strong", "font", "span", "em", "i", "u", "small", "big"})


def _whole_inline(text: str, el) -> str:
    """A title styled piece by piece (<b><font>ad<font>mina</font></font></b>) is one line."""
    if el.tag not in _INLINE or not len(el):
        return text
    whole = " ".join(el.text_content().split())
    parent = el.getparent()
    while parent is not None and parent.tag in _INLINE:
        more = " ".join(parent.text_content().split())
        if len(more) > 40 or not more.startswith(text):
            break
        whole, parent = more, parent.getparent()
    return whole if whole.startswith(text) and len(whole) <= 40 else text


def _hidden_below(el, top) -> bool:
    """Hidden by its own markup or an ancestor's inside the record (an edit note waiting for an edit)."""
    for node in (el, *el.iterancestors()):
        if node is top:
            return False
        if node.attrib and is_hidden(node):
            return True
    return False


# "Rank: Advanced Member" (YAF.NET, many ASP.NET boards): the label is not part of the rank
_RANK_LABEL = re.compile(r"^\s*(?:rank|user rank|member rank|level|rang|rango|grado|titel|title|ранг|звание|等级|等級|"
                         r"级别|級別|头衔|頭銜)"
                         r"\s*[:：]\s*(?=\S)", re.I)


def clean_rank(text: str | None) -> str | None:
    """The rank without its label; a profile menu's link text ("View Profile") is none."""
    text = _RANK_LABEL.sub("", text).strip() if text else None
    group = GROUP_LABEL.match(text) if text else None
    if group and group.group("value"):
        text = group.group("value").strip()  # "Группа: Пользователи" in a rank-named box: the group
    if text and _ADDRESS.match(text):
        return None  # the sender's mail address beside the name ("<jen.m...@example.org>")
    return None if not text or text.casefold() in _PROFILE_MENU or text.casefold() in BUTTON_WORDS else text


_ADDRESS = re.compile(r"^[<(]?[^\s<>()@]+(?:@|\s+at\s+)[^\s<>()]+[>)]?$")


# profile menu links that stand under a name ("Members" is a real group, so NOT_NAMES is too wide)
_PROFILE_MENU = frozenset({"view profile", "profile", "send message", "private message", "send pm", "website",
                           "homepage", "find posts", "post history", "contact", "ignore", "add to buddy list",
                           "profil anzeigen", "profil", "perfil", "profilo", "профиль"})


def _date_label(text: str) -> bool:
    """A date's label ("Posté(e)", "Posted", "Verfasst am") is no rank."""
    words = _PARENS.sub("", text).strip(" :：").casefold().split()
    if len(words) == 1 and words[0] in _BYLINE_JOINS:
        return True  # "Submitted by X on <date>": the word between the name and the date
    return bool(words) and len(words) <= 2 and (words[0] in DATE_LABEL_WORDS or words[0] == "posted")


_BYLINE_JOINS = frozenset({"on", "at", "am", "um", "le", "el", "il", "op", "em", "в", "dnia", "-", "|", "»", "·", "•",
                           "said", "says", "wrote"})


_PARENS = re.compile(r"\([^)]*\)")
