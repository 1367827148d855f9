"""Small helpers shared by the classic-board HTML adapters (MyBB, SMF, Vanilla, FluxBB, Phorum, Jive).

Markup knowledge stays in the adapters; these read what every such page has in
common: detection markers, its address, labelled author statistics, page links,
and selector lists tried in priority order.
"""
from __future__ import annotations

import re
import weakref
from functools import lru_cache

from ..html import pageinfo
from ..html.body import render_text
from ..html.select import attr, select, text_of, xpath
from ..numbers import parse_count
from ..vocab import JOINED_LABEL, LOCATION_LABEL, POSTS_LABEL


class _Scan:
    """Where marker strings occur in one page's text, searched at most once each.

    Every HTML adapter's detect() asks "is this marker in the first N characters / the last
    N / anywhere": each answer is a full scan of a page of 100 KB and more. Answers are kept
    as the first (and last) place each marker was found plus how far the search went, so a
    marker is looked for once per page whatever window and whichever adapter asks.
    """

    __slots__ = ("text", "n", "spent", "eager", "_first", "_last", "_lower", "_lower_has", "_words", "_pieces",
                 "_maybe", "__weakref__")

    def __init__(self, text: str, eager: bool = False):
        self.text = text
        # the word list from the first question on: a page no adapter's hint names (the long tail)
        # has every adapter asked, and most of their markers are absent
        self.eager = eager
        self.n = len(text)
        self.spent = 0  # characters searched (or lower-cased, weighted) so far
        self._first: dict[str, tuple[int, int]] = {}  # marker -> (first start or -1, starts checked below)
        self._last: dict[str, tuple[int, int]] = {}   # marker -> (last start or -1, starts checked from)
        self._lower: dict[tuple[int, int], bytes] = {}
        self._lower_has: dict[tuple[str, int, int], bool] = {}
        self._words: bytes | None = None  # the page's distinct words, ASCII-lower-cased
        self._pieces: dict[bytes, bool] = {}  # a marker's lower-cased run -> among the words?
        self._maybe: dict[tuple[str, bool], bool] = {}

    def maybe(self, marker: str, lower: bool = False, scan: int | None = None) -> bool:
        """False when `marker` is certainly nowhere in the text (lower-cased with `lower`).

        Most markers asked about belong to other engines and are absent: instead of a full
        scan each, their words are looked up in the page's distinct words (a string about
        a fifth of the page, built once). A marker's delimiter-free runs each sit inside one
        word of the page wherever the marker occurs, so a missing run proves absence. Words
        and runs are lower-cased: "bbPress" and "bbpress" cost one look-up.
        The words are built only once direct searches have cost about as much as building
        them: the page's own adapter, asked first, often settles detection in fewer.
        """
        key = (marker, lower)
        answer = self._maybe.get(key)
        if answer is None:
            if self.n > _WORDS_MAX or (self._words is None and not self.eager
                                       and self.spent < _WORDS_AFTER * self.n):
                return True  # building the words would cost more than the scans it saves
            words = self._words
            if words is None:
                words = self._words = b" ".join(
                    set(self.text.encode("utf-8", "surrogatepass").translate(_TO_SPACE).split())).lower()
            if scan is not None and 2 * len(words) > scan:
                return True  # the words are no shorter than the search they would spare
            answer = True
            for run in _runs(marker):
                found = self._pieces.get(run)
                if found is None:
                    found = self._pieces[run] = run in words
                if not found:
                    answer = False
                    break
            self._maybe[key] = answer
        return answer

    def window(self, size: int | None) -> int:
        return self.n if size is None or size >= self.n else max(0, size)

    def in_head(self, marker: str, size: int | None = None) -> bool:
        """`marker in text[:size]` (size None: the whole text)."""
        end = self.window(size)
        pos, checked = self._first.get(marker, (-1, 0))
        if pos >= 0:
            return pos + len(marker) <= end
        if checked == 0 and not self.maybe(marker, scan=end):
            self._first[marker] = (-1, self.n + 1)  # absent from the whole text
            return False
        last_start = end - len(marker)  # the last start that fits the window
        if checked > last_start:
            return False
        found = self.text.find(marker, checked, end)
        self.spent += (found if found >= 0 else end) - checked
        self._first[marker] = (found, found if found >= 0 else last_start + 1)
        return found >= 0

    def in_last(self, marker: str, size: int) -> bool:
        """`marker in text[-size:]`."""
        start = self.n - self.window(size)
        if not self.maybe(marker, scan=self.n - start):
            return False
        pos, checked = self._first.get(marker, (-1, 0))
        if pos < 0 and checked > self.n - len(marker):
            return False  # known absent from the whole text
        if pos >= start:
            return True
        last, from_ = self._last.get(marker, (-1, self.n))
        if last >= 0:
            return last >= start
        if from_ <= start:
            return False
        found = self.text.rfind(marker, start, from_ + len(marker) - 1)
        self.spent += from_ - (found if found >= 0 else start)
        self._last[marker] = (found, found if found >= 0 else start)
        return found >= 0

    def in_lower(self, marker: str, start: int | None = None, end: int | None = None) -> bool:
        """`marker in text[start:end].lower()` for an ASCII lower-case marker."""
        key = slice(start, end).indices(self.n)[:2]
        answer = self._lower_has.get((marker, *key))
        if answer is None and not self.maybe(marker, lower=True, scan=2 * (key[1] - key[0])):
            answer = self._lower_has[(marker, *key)] = False
        if answer is None:
            answer = self._lower_has[(marker, *key)] = marker.encode("ascii") in self.lowered(*key)
        return answer

    def lowered(self, start: int, end: int) -> bytes:
        """text[start:end] as UTF-8 with ASCII letters lower-cased (kept for the next asker)."""
        low = self._lower.get((start, end))
        if low is None:
            # UTF-8 bytes lower-case ASCII only and never turn other letters into ASCII:
            # the same matches as str.lower() for ASCII markers, at a fraction of the cost.
            low = self._lower[(start, end)] = self.text[start:end].encode("utf-8", "surrogatepass").lower()
            self.spent += _LOWER_COST * len(low)
        return low


# Pages above this many characters are scanned without the word list: on pages of large
# inline scripts and data its building costs more than an lxml parse of the page.
_WORDS_MAX = 250_000
# The word list costs about as much as 15 plain searches of the page. It is built once searches
# have cost this many page lengths (lower-casing counts as _LOWER_COST searches of its length):
# like renting skis until the rent would have bought them, never much worse than the better choice.
_WORDS_AFTER = 16
_LOWER_COST = 3
# Bytes that end a word of the page for `_Scan.maybe`: spacing and markup punctuation.
_DELIMITERS = b" \t\n\r\f\v<>\"'=/;,(){}[]"
_TO_SPACE = bytes.maketrans(_DELIMITERS, b" " * len(_DELIMITERS))


@lru_cache(maxsize=4096)
def _runs(marker: str) -> tuple[bytes, ...]:
    """The marker's pieces between delimiters, as ASCII-lower-cased UTF-8, longest first: a long
    piece is the quickest to rule out."""
    pieces = marker.encode("utf-8", "surrogatepass").lower().translate(_TO_SPACE).split()
    return tuple(sorted(pieces, key=len, reverse=True))


_SCANS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def scan(doc) -> _Scan:
    """The page's marker scanner (one per document, dropped with it)."""
    found = _SCANS.get(doc)
    if found is None or found.text is not doc.text:
        found = _SCANS[doc] = _Scan(doc.text, eager=getattr(doc, "unhinted", False))
    return found


def has(doc, marker: str, size: int | None = None) -> bool:
    """`marker in doc.text[:size]`, each marker searched once per page."""
    return scan(doc).in_head(marker, size)


def has_any(doc, markers, size: int | None = None) -> bool:
    s = scan(doc)
    return any(s.in_head(m, size) for m in markers)


def has_last(doc, marker: str, size: int) -> bool:
    """`marker in doc.text[-size:]`."""
    return scan(doc).in_last(marker, size)


def has_lower(doc, marker: str, start: int | None = None, end: int | None = None) -> bool:
    """`marker in doc.text[start:end].lower()` for an ASCII lower-case marker."""
    return scan(doc).in_lower(marker, start, end)


def lower_bytes(doc, start: int | None = None, end: int | None = None) -> bytes:
    """`doc.text[start:end]` as UTF-8 with ASCII letters lower-cased, made once per page and window."""
    s = scan(doc)
    return s.lowered(*slice(start, end).indices(s.n)[:2])


def in_ends(doc, marker: str) -> bool:
    """`marker in ends(doc)`: in the first 30 000 or the last 60 000 characters."""
    s = scan(doc)
    if s.n <= 90_000:
        return s.in_head(marker)
    return s.in_head(marker, 30_000) or s.in_last(marker, 60_000)


def head(doc, size: int = 150_000) -> str:
    """The start of the page text: where engine markers (scripts, class names) show first."""
    return doc.text[:size]


def ends(doc) -> str:
    """The page's head and footer: where generator lines and "Powered by" notes are."""
    text = doc.text
    return text if len(text) <= 90_000 else text[:30_000] + text[-60_000:]


def detect_score(doc, markers, strong=(), gate=(), need=()) -> float:
    """0..1 from how many engine markers a page shows; one strong marker alone is enough.

    `gate` names words every page of the engine has near its start (script and style paths):
    when none is there the page is not the engine's, and the longer marker scan is skipped.
    `need` names the engine's post markup: without any of it, a "Powered by" line is only
    quoted in another forum's post and the page is not the engine's either.
    """
    s = scan(doc)
    # `need` first: the post-markup words are few and long, so one search each rules out most
    # foreign pages, where the gate's short words take several
    if need and not has_any(doc, need):
        return 0.0
    if gate and not any(s.in_head(g, 100_000) for g in gate):
        return 0.0
    if any(in_ends(doc, m) for m in strong):
        return 1.0
    hits = sum(1 for m in markers if s.in_head(m, 150_000) or in_ends(doc, m))
    return 0.0 if hits == 0 else min(0.95, 0.15 + 0.2 * hits)


def matches(tree, css: str) -> bool:
    """`select_one(tree, css) is not None`, trying the comma-separated selectors one at a time in
    the order written: the first that matches ends the search, where a union XPath would make
    one pass over the tree per selector and then sort."""
    return any(select(tree, part) for part in _split(css))


def page_base(tree, url: str | None) -> str | None:
    """What relative links resolve against: <base href>, the page url, then its canonical link."""
    for href in xpath("//base/@href")(tree)[:1]:
        if href.strip().startswith(("http://", "https://")):
            return href.strip()
    if url:
        return url
    canon = canonical(tree, None)
    return canon if canon and canon.startswith(("http://", "https://")) else None


def canonical(tree, base: str | None) -> str | None:
    """<link rel=canonical> or og:url, made absolute (looked up in <head> only: cheap)."""
    for href in xpath('/html/head/link[@rel="canonical"]/@href | /html/head/meta[@property="og:url"]/@content')(tree):
        found = absolute(base, href)
        if found:
            return found
    return None


def page_title(tree) -> str | None:
    found = xpath("/html/head/title")(tree)
    return " ".join(found[0].text_content().split()) or None if found else None  # text_of skips <title>


absolute = pageinfo.absolute  # one link resolver for every HTML adapter


def lines(el) -> list[str]:
    """The element's text split at line breaks and blocks, empty lines dropped."""
    if el is None:
        return []
    return [ln.strip() for ln in render_text(el).split("\n") if ln.strip()]


def stats_from_lines(texts, ctx) -> dict:
    """post_count, joined and location from "Label: value" lines."""
    stats: dict = {}
    for line in _joined_labels(texts):
        m = POSTS_LABEL.match(line)
        if m and "post_count" not in stats:
            count = parse_count(m.group("value"), allow_abbrev=False)
            if count is not None and re.fullmatch(r"[\d,.\s\u00a0']+", m.group("value")):
                stats["post_count"] = count
                continue
        m = JOINED_LABEL.match(line)
        if m and m.group("value") and "joined" not in stats:
            joined = ctx.dates.parse(m.group("value")).iso()
            if joined:
                stats["joined"] = joined
                continue
        m = LOCATION_LABEL.match(line)
        if m and m.group("value") and "location" not in stats and ":" in line:
            stats["location"] = m.group("value")
    return stats


def _joined_labels(texts):
    """Label and value printed in two blocks ("Posts:" / "57") become one "Posts: 57" line."""
    texts = list(texts)
    out, i = [], 0
    while i < len(texts):
        line = texts[i]
        if line.endswith((":", "：")) and i + 1 < len(texts) and not texts[i + 1].endswith((":", "：")):
            out.append(f"{line} {texts[i + 1]}")
            i += 2
            continue
        out.append(line)
        i += 1
    return out


def image_label(el) -> str | None:
    """alt or title of the first image under `el` that says something (not '*')."""
    for img in select(el, "img"):
        for name in ("title", "alt"):
            value = attr(img, name)
            if value and any(ch.isalpha() for ch in value):
                return value
    return None


_NUM_ID = re.compile(r"(\d+)$")


def number_suffix(value: str | None) -> str | None:
    """The trailing digits of an id such as "post_123"."""
    m = _NUM_ID.search(value or "")
    return m.group(1) if m else None


def query_id(href: str | None, *keys: str) -> str | None:
    """A numeric parameter of a url: uid=5, u=5, id=5 (also SMF's ';u=5')."""
    if not href:
        return None
    for key in keys:
        m = re.search(rf"[?&;]{re.escape(key)}=(\d+)", href)
        if m:
            return m.group(1)
    return None


def pages_from(links, current_el, base) -> tuple[int | None, int | None, str | None]:
    """(page, page_count, next url) from a pager: numbered links and the current-page element."""
    current = parse_count(text_of(current_el), allow_abbrev=False) if current_el is not None else None
    numbers = {}
    for a in links:
        n = text_of(a)
        if n and n.isdigit():
            numbers[int(n)] = a.get("href")
    if current is None and not numbers:
        return None, None, None
    page = current or 1
    count = max([page, *numbers])
    nxt = absolute(base, numbers.get(page + 1)) if numbers.get(page + 1) else None
    return page, count, nxt


def pick(el, css: str):
    """The first match of the first comma-separated selector that finds anything.

    A plain union selector returns matches in document order, where a fallback such as
    ".Author" would win over ".Author a.Username" inside it; here order means priority.
    """
    if el is None:
        return None
    for part in _split(css):
        found = select(el, part)
        if found:
            return found[0]
    return None


def pick_text(el, css: str) -> str | None:
    """Text of the first selector (in priority order) whose match has text."""
    if el is None:
        return None
    for part in _split(css):
        for found in select(el, part):
            value = text_of(found)
            if value:
                return value
    return None


@lru_cache(maxsize=512)
def _split(css: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in css.split(",") if p.strip())


def parts(css: str) -> tuple[str, ...]:
    """A comma-separated selector list as its selectors in priority order (for PostScope.pick/first/text)."""
    return _split(css)


def pick_texted(el, css: str):
    """Like `pick`, but the element must have visible text (skips icon-only links)."""
    if el is None:
        return None
    for part in _split(css):
        for found in select(el, part):
            if text_of(found):
                return found
    return None


def crumbs(elements, title: str | None = None) -> list[str]:
    """Breadcrumb texts, without a last crumb that is the thread itself."""
    found = [t for t in (text_of(el) for el in elements) if t]
    if found and title and found[-1] == title:
        found.pop()
    return found


def child_with_class(el, name: str):
    """The first direct child carrying class `name` (cheap: no subtree search), or None."""
    if el is None:
        return None
    for child in el:
        if isinstance(child.tag, str) and name in (child.get("class") or "").split():
            return child
    return None


def stamp(el, ctx) -> tuple[str | None, str | None]:
    """(timestamp, text as shown) of a date element: machine attributes first (datetime=, an epoch in
    data-timestamp / data-time), then a title holding the full date (the text may be "2 days ago")."""
    if el is None:
        return None, None
    raw = text_of(el) or attr(el, "title")
    for name in ("datetime", "data-timestamp", "data-time", "data-value", "date"):  # date: WoltLab 6's element
        value = attr(el, name)
        if value and re.match(r"^\d{4}-\d{2}-\d{2}T|^\d{9,13}$", value):
            found = ctx.dates.machine(value)
            if found:
                return found, raw
    title = attr(el, "title")
    if title and _CLOCK.search(title):
        return ctx.dates.iso(title), raw
    return ctx.dates.iso(raw) if raw else None, raw


_CLOCK = re.compile(r"\d{1,2}:\d{2}")


def once(found: list[str]) -> list[str]:
    """A breadcrumb trail printed above and below the posts, kept once."""
    half = len(found) // 2
    return found[:half] if half and found[:half] == found[half:] else found


def pick_all(el, css: str) -> list:
    """Every match of the first comma-separated selector that finds anything (priority order, as `pick`)."""
    if el is None:
        return []
    for part in _split(css):
        found = select(el, part)
        if found:
            return found
    return []
