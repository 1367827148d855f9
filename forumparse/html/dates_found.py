"""Every date shown on a page, found in one pass: machine attributes first, then dates in text.

The generic layout heuristics anchor on these: every post shows a date, in order.
Date strings are cut out of longer text here; reading them is left to `ctx.dates`.
"""
from __future__ import annotations

import re

from attrs import define

from ..dates import MONTHS, WEEKDAYS
from ..vocab import EDIT_NOTE, JOINED_LABELS


def _trie(words) -> str:
    """An alternation of words as a trie ("ju(?:ne|ly|n|l)"): it tries longer words first, as the
    flat list sorted by length does, and matches the same text, but each position tests a letter
    or two instead of every word (the flat list made the date search a third of the generic parse).
    Letters that match each other without case (re.I) share a branch, so one branch at most fits."""
    words = sorted(set(words), key=len, reverse=True)

    def same(a: str, b: str) -> bool:
        return bool(re.fullmatch(re.escape(a), b, re.I) or re.fullmatch(re.escape(b), a, re.I))

    def build(group: list[str]) -> str:
        ends = "" in group
        branches: list[list] = []  # [letters, rests]
        for w in group:
            if not w:
                continue
            slot = next((b for b in branches if any(same(w[0], c) for c in b[0])), None)
            if slot is None:
                branches.append([{w[0]}, [w[1:]]])
            else:
                slot[0].add(w[0])
                slot[1].append(w[1:])
        alts = [(re.escape(next(iter(letters))) if len(letters) == 1 else
                 "[" + "".join(re.escape(c) for c in sorted(letters)) + "]") + build(rests)
                for letters, rests in branches]
        if not alts:
            return ""
        if ends:
            alts.append("")  # (the shorter word last: longer ones first)
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    return build(words)


_MONTH = _trie(MONTHS)
_WEEKDAY = _trie(WEEKDAYS.split("|"))
_WD = rf"(?:(?:{_WEEKDAY})\.?,?\s+)?"
_CLOCK = r"\d{1,2}[:h.]\d{2}(?::\d{2})?(?:\s*[ap]\.?\s?m\.?)?"
_AT = r"(?:\s*(?:,|at|um|à|a\s+las|alle|às|om|в|kl\.?|@|-|—|\|)?\s*)"  # (\s+: the pattern is verbose)
_TIME = rf"(?:{_AT}{_CLOCK}(?:\s*(?:uhr|h|z|(?:utc|gmt)?\s?[+-]\d{{2}}:?\d{{2}}|utc|gmt))?)?"
_DAY_WORDS = ("today", "yesterday", "heute", "gestern", "aujourd'hui", "hier", "hoy", "ayer", "oggi", "ieri", "сегодня",
              "вчера")
# what every date below starts with (a digit, a weekday, a month, a day word, "an hour ago"): a
# lookahead that turns most words away at one trie instead of at each alternative's
_STARTS = rf"(?=\d|{_trie([*WEEKDAYS.split('|'), *MONTHS, *_DAY_WORDS])}|an?\s|one\s)"
DATE_IN_TEXT = re.compile(
    rf"""(?<![\w/.:-]){_STARTS}(?:
      \d{{4}}-\d{{1,2}}-\d{{1,2}}T\d{{1,2}}:\d{{2}}(?::\d{{2}})?(?:\.\d+)?(?:Z|[+-]\d{{2}}:?\d{{2}})?
    | {_WD}\d{{1,4}}([./-])\d{{1,2}}\1\d{{2,4}}\.?(?:\s?\([^()\d\s]{{1,4}}\))?{_TIME}
    | \d{{4}}([./-])\d{{1,2}}\2\d{{1,2}}(?:\s?\([^()\d\s]{{1,4}}\))?{_TIME}
    | \d{{4}}\s*年\s*\d{{1,2}}\s*月\s*\d{{1,2}}\s*日(?:\s?\([^()\d\s]{{1,4}}\))?{_TIME}
    | {_CLOCK}\s*,?\s*(?:on\s+)?(?:{_WD}(?:{_MONTH})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}
                                 | {_WD}\d{{1,2}}(?:st|nd|rd|th|\.)?\s+(?:{_MONTH})\.?,?\s+\d{{4}}
                                 | \d{{1,2}}([./-])\d{{1,2}}\3\d{{2,4}})
    | {_WD}\d{{1,2}}(?:st|nd|rd|th|er|\.|º)?\s*(?:de\s+)?(?:{_MONTH})\.?,?\s*(?:de\s+)?\d{{4}}{_TIME}
    | {_WD}(?:{_MONTH})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}{_TIME}
    | {_WD}\d{{1,2}}-(?:{_MONTH})-\d{{2,4}}{_TIME}
    | (?:{_WEEKDAY})\s+(?:{_MONTH})\s+\d{{1,2}}\s+\d{{1,2}}:\d{{2}}(?::\d{{2}})?(?:\s+[A-Z]{{2,5}})?\s+\d{{4}}
    | (?:today|yesterday|heute|gestern|aujourd'hui|hier|hoy|ayer|oggi|ieri|сегодня|вчера){_TIME}
    | (?:\d+|an?|one)\s+(?:sec|second|min|minute|hour|hr|day|week|month|mo|year|yr)s?\.?\s+ago
    )(?![\w])""",
    re.I | re.X,
)
# vocab's join labels and abbreviations of them ("Reg. 2011-06-30", miniBB)
JOINED_WORDS = (*JOINED_LABELS, "reg.", "regd.", "reg'd")


def _first_letters(words) -> str:
    """A character class of the words' first letters (a lookahead before an alternation of them)."""
    return "[" + "".join(sorted({re.escape(w[0]) for w in words})) + "]"


# (the lookaheads of first letters: most positions of the text before a date fail at one test)
_JOINED_BEFORE = re.compile(
    f"(?={_first_letters(JOINED_WORDS)})"
    r"(?:" + "|".join(sorted((re.escape(w) for w in JOINED_WORDS), key=len, reverse=True)) + r")\s*[:：]?\s*$",
    re.I)
_EDIT_WORDS = ("edit", "bearbeitet", "modifi", "editado", "отредакт")
_EDITED_BEFORE = re.compile(f"(?={_first_letters(_EDIT_WORDS)})(?:{'|'.join(_EDIT_WORDS)})" r"\w*\b[^\n]{0,60}$", re.I)
_MACHINE_ATTRS = ("datetime", "data-time", "data-timestamp", "data-datetime", "data-utime", "data-date",
                  "content")
_SKIP = frozenset({"script", "style", "noscript", "template", "head", "title", "textarea", "option", "select"})
_TOOLTIPS = ("title", "data-tippy-content", "data-original-title", "data-tooltip", "data-title")
_WORTH_ATTRS = frozenset(_MACHINE_ATTRS[1:6] + _TOOLTIPS)


@define
class DateHit:
    """A date on the page: the element that shows it, its ISO value (None when unresolved)."""

    el: object
    raw: str
    iso: str | None
    machine: bool = False
    relative: bool = False
    label: str | None = None  # "joined" or "edited" when a label in front says so


def find_dates(root, ctx, index=None) -> list[DateHit]:
    """Dates in document order, at most one per element (its machine value when it has one).
    With `index` (the page's PageIndex), its order and the text nodes it read are used."""
    if index is not None:
        return _indexed_dates(index, ctx)
    hits: list[DateHit] = []
    for el in walk(root):
        tag = el.tag if isinstance(el.tag, str) else None
        if tag is not None and tag not in _SKIP:
            hit = _machine_hit(el, tag, ctx)
            if hit is not None:
                hits.append(hit)
            else:
                text = el.text
                if text and not text.isspace():  # (most text nodes are the blanks between tags)
                    _text_hits(text, el, ctx, hits, None)
        tail = el.tail
        if tail and not tail.isspace():
            parent = el.getparent()
            if parent is not None:
                _text_hits(tail, parent, ctx, hits, el if tag is not None else None)
    return hits


def _indexed_dates(index, ctx) -> list[DateHit]:
    """find_dates over a PageIndex: its order is walk(root), and its texts and tails hold every
    text node find_dates reads that is not blank (a tail with its parent)."""
    hits: list[DateHit] = []
    texts, tails, worth = index.texts, index.tails, index.worth
    for el in index.order:
        tag = el.tag if isinstance(el.tag, str) else None
        if tag is not None and tag not in _SKIP:
            # (an element without a machine attribute has no machine date: _machine_hit's own first test)
            hit = _machine_hit(el, tag, ctx) if el in worth or tag in _NO_ATTRS_READ else None
            if hit is not None:
                hits.append(hit)
            else:
                text = texts.get(el)
                if text is not None:
                    _text_hits(text, el, ctx, hits, None)
        tail = tails.get(el)
        if tail is not None:
            _text_hits(tail[0], tail[1], ctx, hits, el if tag is not None else None)
    return hits


def walk(root):
    """Elements in document order, without descending into scripts, styles and the like, and
    without hidden elements (a user's hover card, a collapsed template): a reader never sees them."""
    stack = [root]
    while stack:
        el = stack.pop()
        if el.attrib and is_hidden(el):
            continue
        yield el
        if isinstance(el.tag, str) and el.tag not in _SKIP and len(el):
            stack.extend(reversed(el))


def all_text(el) -> str:
    """el.text_content(), without its XPath call for an element with no child nodes: its text is
    all of it (most elements asked about are such leaves)."""
    if not len(el) and isinstance(el.tag, str):
        return el.text or ""
    return el.text_content()


def walk_list(root, worth: set | None = None) -> list:
    """list(walk(root)), from lxml's own iteration of the subtree: a subtree walk leaves out (a hidden
    element's, what a skipped tag holds) is passed over up to the node after it. (The page index's
    walk of every node: a Python stack cost twice lxml's iteration.) `worth`, when given, receives
    the elements walked that carry an attribute _machine_hit reads (html and body are not tested)."""
    out: list = []
    append = out.append
    skip = _SKIP
    stop = None
    for el in root.iter():
        if stop is not None:
            if el is not stop:
                continue
            stop = None
        tag = el.tag
        if tag.__class__ is not str:
            append(el)  # (a comment: no attributes, no children to walk)
            continue
        if tag != "html" and tag != "body":
            items = el.items()  # (one call for all attributes instead of one per attribute is_hidden reads)
            if items:
                if _hidden_items(items):
                    stop = node_after(el, root)
                    if stop is None:
                        break
                    continue
                if worth is not None:
                    for name, _ in items:
                        if name in _WORTH_ATTRS:
                            worth.add(el)
                            break
        append(el)
        if tag in skip and len(el):
            stop = node_after(el, root)
            if stop is None:
                break
    return out


def node_after(el, root):
    """The node that follows el's subtree in document order, inside root (None: the end)."""
    node = el
    while node is not root:
        nxt = node.getnext()
        if nxt is not None:
            return nxt
        node = node.getparent()
        if node is None:
            return None
    return None


_NO_ATTRS_READ = frozenset({"time", "html", "body"})  # (walk_list does not read the attributes of html and body)


def _hidden_items(items) -> bool:
    """is_hidden from an element's attribute (name, value) pairs (html and body excepted by the caller)."""
    for name, value in items:
        if name == "hidden" or (name == "aria-hidden" and value == "true"):
            return True
        if name == "class":
            if value and ("hidden" in value or "d-none" in value) and _HIDDEN_CLASS.intersection(value.split()) \
                    and not _SHOWN_WIDER.search(value):
                return True
        elif name == "style" and value and _HIDDEN_STYLE.search(value):
            return True
    return False


_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


_SHOWN_WIDER = re.compile(r"\bd-(?:sm|md|lg|xl|xxl)-(?!none\b)[a-z-]+")
_HIDDEN_CLASS = frozenset({"hidden", "d-none", "is-hidden", "u-hidden"})


def is_hidden(el) -> bool:
    """Hidden by its own markup: the hidden attribute, aria-hidden, or an inline display:none."""
    if not isinstance(el.tag, str) or el.tag in ("html", "body"):
        return False
    if el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return True
    cls = el.get("class")
    if cls and ("hidden" in cls or "d-none" in cls) and _HIDDEN_CLASS.intersection(cls.split()) \
            and not _SHOWN_WIDER.search(cls):
        return True  # (utility classes that hide; "hidden-xs" / "hidden-phone" hide on small screens only,
        # "d-none d-sm-block" shows from small screens up)
    style = el.get("style")
    return bool(style) and bool(_HIDDEN_STYLE.search(style))


def _machine_hit(el, tag: str, ctx) -> DateHit | None:
    if tag == "meta" or (tag != "time" and _WORTH_ATTRS.isdisjoint(el.keys())):
        return None
    shown = " ".join((el.text or "").split())
    if not shown and 0 < len(el) <= 2:  # <span title="..."><svg class="icon-edit"/>4 months ago</span>
        shown = " ".join(el.text_content().split())
    if tag != "time" and (len(el) > 5 or len(all_text(el)) > 80):
        return None  # a container that carries its post's time is the post, not its date
    for name in _MACHINE_ATTRS[:6]:
        value = el.get(name)
        if value and (name != "datetime" or tag in ("time", "abbr", "span", "ins", "del")):
            iso = ctx.dates.machine(value)
            if iso and len(iso) >= 10:
                return DateHit(el, shown or value, iso, machine=True,
                               label=_label_before(el, None) or _label_class(el))
    title = next((el.get(a) for a in _TOOLTIPS if el.get(a)), None)  # (the full date a hover shows)
    if title and _ISO_TITLE.match(title) and len(title) < 40:  # <span class="timeago" title="2019-03-24T19:54:11Z">
        iso = ctx.dates.machine(title.strip())
        if iso and len(iso) > 10:
            return DateHit(el, shown or title, iso, machine=True, label=_label_before(el, None) or _label_class(el))
    paired = _ISO_AND_EPOCH.match(title or "")
    if paired:  # title="2023-06-01T08:00:00 1685606400": the epoch is the instant
        iso = ctx.dates.machine(paired.group(1))
        if iso:
            return DateHit(el, shown or title, iso, machine=True, label=_label_before(el, None) or _label_class(el))
    if title and len(title) < 60 and shown and len(shown) < 60 and _whole_date(title):
        parsed = ctx.dates.parse(title)
        clock = _CLOCK_FIRST.match(el.tail or "")
        if parsed.value is not None and parsed.precision == "day" and clock:
            # <span title="03-14-2021">Yesterday</span>, 08:12 PM: the day in the title, the time after it
            parsed = ctx.dates.parse(f"{title} {clock.group(1)}")
        if parsed.value is not None and parsed.precision in ("minute", "second"):
            return DateHit(el, shown, parsed.iso(), machine=True, label=_label_before(el, None) or _label_class(el))
    elif title and "\n" in title and len(title) < 200 and shown and len(shown) < 30:
        # a tooltip of lines ("Created: Thursday, June 1, 2023 9:00 PM / Modified ..."): its first date
        m = DATE_IN_TEXT.search(title)
        parsed = ctx.dates.parse(" ".join(m.group(0).split())) if m else None
        if parsed is not None and parsed.value is not None and parsed.precision in ("minute", "second") \
                and _label_text(title[:m.start()]) is None:
            return DateHit(el, shown, parsed.iso(), machine=True, label=_label_before(el, None) or _label_class(el))
    return None


_YEARLESS = re.compile(r"(?<![\d/.:-])(\d{1,2})/(\d{1,2})\s+(\d{1,2}:\d{2})(?![\d/.:-])")


_ISO_TITLE = re.compile(r"^\s*\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?\s*$")
_ISO_AND_EPOCH = re.compile(r"^\s*\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?\s+(\d{9,11})\s*$")
# what a date of DATE_IN_TEXT or _YEARLESS holds somewhere: a year or a digit before a date
# separator ("12/", "5-Jan"), a day word, or "ago"
# (only ever tested for a match; the lookaheads turn most positions away at one test)
_MAY_HOLD_DATE = re.compile(
    rf"\d(?:\d{{3}}|[./-])|(?={_first_letters(['ago', *_DAY_WORDS])})(?:ago|{'|'.join(_DAY_WORDS)})", re.I)
_DIGIT = re.compile(r"\d")
_WORTH_WORDS = re.compile(r"(?=[aty])(?:ago\b|yesterday|today)", re.I)


def _worth_a_look(text: str) -> bool:
    """A digit, "ago", "yesterday" or "today" in the text (re.I), the digit first (a fast scan)."""
    return _DIGIT.search(text) is not None or _WORTH_WORDS.search(text) is not None
# a day word alone before a time in a child element ("Hier, <span>21h12</span>"): short texts only,
# as "hier" and "oggi" are everyday words in longer ones
_DAY_WORD = re.compile(r"^\W*(?:heute|gestern|aujourd'hui|hier|hoy|ayer|oggi|ieri|сегодня|вчера)\b", re.I)


def _whole_date(text: str) -> bool:
    """The text is one date and nothing else (cheap test before the date reader runs)."""
    if not _MAY_HOLD_DATE.search(text):
        return False  # (no date of DATE_IN_TEXT in it)
    m = DATE_IN_TEXT.search(text)
    return bool(m) and len(m.group(0)) >= len(text.strip()) - 3


def _text_hits(text: str, owner, ctx, hits: list, before_el) -> None:
    if len(text) < 6 and not _DAY_WORD.match(text) or not (
            _worth_a_look(text) or (len(text) <= 20 and _DAY_WORD.match(text))):
        return
    if not _MAY_HOLD_DATE.search(text):
        return  # (neither DATE_IN_TEXT nor _YEARLESS can match: most texts with a digit end here)
    found = False
    for m in DATE_IN_TEXT.finditer(text):
        found = True
        raw = " ".join(m.group(0).split())
        parsed = ctx.dates.parse(raw)
        if parsed.value is None and not parsed.relative:
            continue
        if (parsed.relative or parsed.value is None) and len(text.strip()) > len(raw) + 60:
            continue  # "about a month ago I decided ...": a relative phrase in a sentence is no post date
        if parsed.precision == "day" and isinstance(owner.tag, str):
            # the time may sit in a child element: <span>04-09-2005, <span class="time">06:46 PM</span>
            whole = " ".join(owner.text_content().split())
            if len(whole) <= 60 and whole != raw:
                fuller = ctx.dates.parse(whole)
                if fuller.value is not None and fuller.precision in ("minute", "second"):
                    raw, parsed = whole, fuller
            if parsed.precision == "day" and before_el is None:
                raw, parsed = _time_beside(owner, raw, parsed, ctx)
        if hits and hits[-1].el is owner:
            continue  # one date per element: the first shown
        prefix = text[max(0, m.start() - 80):m.start()]
        label = _label_text(prefix)
        if label is None and not prefix.strip(" \t\r\n:：-–|\u00a0"):
            label = _label_before(before_el if before_el is not None else owner, before_el)
        hits.append(DateHit(owner, raw, parsed.iso(), relative=parsed.relative, label=label or _label_class(owner)))
    if not found and hits:
        _yearless_hit(text, owner, ctx, hits)


_CLOCK_ONLY = re.compile(rf"^{_CLOCK}$", re.I)
_CLOCK_FIRST = re.compile(rf"^\s*[,@-]?\s*(?:at\s+)?({_CLOCK})", re.I)


def _time_beside(owner, raw: str, parsed, ctx):
    """<span class="date">04/17/19</span> <span class="time">10:22 AM</span>: the time is the next element."""
    nxt = owner.getnext()
    if nxt is None or not isinstance(nxt.tag, str) or (owner.tail or "").strip():
        return raw, parsed
    clock = " ".join(nxt.text_content().split())
    if len(clock) > 14 or not _CLOCK_ONLY.match(clock):
        return raw, parsed
    fuller = ctx.dates.parse(f"{raw} {clock}")
    if fuller.value is not None and fuller.precision in ("minute", "second"):
        return f"{raw} {clock}", fuller
    return raw, parsed


def _yearless_hit(text: str, owner, ctx, hits: list) -> None:
    """"01/21 21:18" (a month/day and time, as comment lines show them) takes the year of the
    first full date and time on the page: the opening post they belong to."""
    m = _YEARLESS.search(text)
    year = next((h.iso[:4] for h in hits if h.iso and len(h.iso) > 10 and not h.relative), None)
    if not m or not year or (hits[-1].el is owner):
        return
    parsed = ctx.dates.parse(f"{year}/{m.group(1)}/{m.group(2)} {m.group(3)}")
    last = next((h.iso for h in reversed(hits) if h.iso and len(h.iso) > 10 and h.label is None), None)
    if parsed.value is not None and last and _days_before(parsed.iso(), last) > 150:
        later = ctx.dates.parse(f"{int(year) + 1}/{m.group(1)}/{m.group(2)} {m.group(3)}")
        parsed = later if later.value is not None else parsed  # the comments ran into a new year
    if parsed.value is not None:
        hits.append(DateHit(owner, m.group(0), parsed.iso(), label=_label_class(owner)))


_JOINED_CLASS = re.compile(r"regist|joined|join-?date|member-?since|regdate|user-?since", re.I)
_EDITED_CLASS = re.compile(r"edit", re.I)
_UPDATED_CLASS = re.compile(r"(?:^|\s)(?:updated|modified)(?:$|\s)", re.I)


def _label_class(el) -> str | None:
    """A label that only the class names give: <dd class="registered">Apr 28, 2012</dd>."""
    for node in (el, el.getparent()):
        if node is None:
            continue
        cls = node.get("class") or ""
        if _JOINED_CLASS.search(cls):
            return "joined"
        if _EDITED_CLASS.search(cls) or _UPDATED_CLASS.search(cls) and "published" not in cls:
            return "edited"  # (hAtom's "updated" beside "published": the edit time; both on one date: not)
    return None


def _days_before(iso: str | None, later: str) -> float:
    from datetime import datetime

    try:
        a, b = datetime.fromisoformat(iso[:19]), datetime.fromisoformat(later[:19])
    except (TypeError, ValueError):
        return 0.0
    return (b - a).total_seconds() / 86400


def _label_text(prefix: str) -> str | None:
    if not prefix.strip():
        return None
    if _JOINED_BEFORE.search(prefix):
        return "joined"
    line = prefix.rsplit("\n", 1)[-1]
    if EDIT_NOTE.match(line.strip()) or _EDITED_BEFORE.search(line):
        return "edited"
    return None


def _label_before(el, tail_of) -> str | None:
    """The label in front of an element's date: its own preceding text, the previous sibling,
    or the parent's leading text."""
    if tail_of is not None:  # the date sits in tail_of's tail: tail_of itself is the label
        if tail_of.tag == "br":  # "posts since<br>Feb 6, 2011": the label is the line above
            prev = tail_of.getprevious()
            above = (prev.tail if prev is not None else (tail_of.getparent().text or "")) or ""
            return _label_text(above[-80:])
        return _label_text(_text(tail_of)[-80:])
    prev = el.getprevious()
    if prev is not None:
        text = prev.tail if prev.tail and prev.tail.strip() else _text(prev)
        return _label_text(text[-80:])
    parent = el.getparent()
    if parent is not None and parent.text:
        return _label_text(parent.text[-80:])
    return None


def _text(el) -> str:
    return " ".join(el.itertext()) if isinstance(el.tag, str) else ""
