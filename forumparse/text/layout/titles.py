"""Which header line is the author and which the user title (rank), learnt from the page:
lines that recur after the same name, lines printed twice, names that quotes use."""
from __future__ import annotations

import re
from collections import Counter

from ..profile import GROUP, TITLE_WORDS
from ..tokens import Token
from .names import AVATAR, BY_LINE, NAME_LABEL, NOT_NAMES, STATUS, clean_name, name_like, strip_number
from .parts import PostParts


def recurring_titles(tokens: list[Token], anchors: list[int]) -> set[str]:
    """User titles of any shape: the line that recurs right after the same name near post dates."""
    pairs: Counter = Counter()
    counted: set[int] = set()  # windows of neighbouring dates overlap where posts are short: a line counts once
    for n, a in enumerate(anchors):
        lo = max(0, a - 15, anchors[n - 1] + 1 if n else 0)
        hi = min(a + 15, anchors[n + 1] if n + 1 < len(anchors) else len(tokens))
        fresh = [(i, pair) for i, pair in _name_pairs_at(tokens, lo, hi) if i not in counted]
        counted.update(i for i, _ in fresh)
        pairs.update({pair for _, pair in fresh})
        # name and title shown twice in one header (above the avatar and beside it: XenForo 2)
        above = max(0, a - 30, anchors[n - 1] + 1 if n else 0)
        twice = Counter(pair for _, pair in _name_pairs_at(tokens, above, a))
        pairs.update(pair for pair, k in twice.items() if k >= 2)
    found = {text for (_, text), n in pairs.items() if n >= 2 and not name_like(text)}
    return found | _doubled(tokens, anchors)


def _doubled(tokens: list[Token], anchors: list[int]) -> set[str]:
    """Header lines printed twice in a row above a post (the name and title beside the avatar,
    then again: WET keeps them as "NAME TITLE"), whatever their punctuation ("фу таким быть.")."""
    found = set()
    for n, a in enumerate(anchors):
        lines = [t.text for t in tokens[max(0, a - 12, anchors[n - 1] + 1 if n else 0):a] if t.kind == "body"]
        found.update(x for x, y in zip(lines, lines[1:]) if x == y and 3 <= len(x) <= 80 and not name_like(x))
    return found


def _name_pairs_at(tokens: list[Token], lo: int, hi: int) -> list[tuple[int, tuple[str, str]]]:
    """(index of the second line, (name-like line, the line after it)) for body lines in lo..hi."""
    found = []
    prev = None
    for i in range(lo, hi):
        t = tokens[i]
        if t.kind != "body":
            continue
        if prev is not None and name_like(prev) and 2 <= len(t.text) <= 80 and not NOT_NAMES.match(t.text):
            found.append((i, (prev, t.text)))
        prev = t.text
    return found


def pick_author(names: list[Token]) -> str | None:
    labelled = next((t for t in names if NAME_LABEL.match(strip_number(t.text))), None)
    if labelled is not None:
        return clean_name(strip_number(labelled.text))  # "Posted by: NAME" over any other line
    texts = [clean_name(strip_number(t.text)) for t in names]
    texts = [t for t in texts if t]
    if not texts:
        return None
    by = BY_LINE.match(texts[0])
    if by:
        return by.group("name").strip()
    while len(texts) > 2 and len(texts[0].split()) >= 4 and len(texts[1].split()) <= 2:
        texts = texts[1:]  # "Wild yeast wrangler since 2020" over "levain_leo" / "Admin": a phrase, no name
    counts = Counter(texts)
    repeated = [t for t in texts if counts[t] > 1]  # the name shown twice (avatar text, then name)
    if repeated and repeated[0] != texts[0] and _rank_word(repeated[0]) and not _rank_word(texts[0]):
        return texts[0]  # "NAME / Moderator / Moderator": the rank as text, then as its image's alt text
    return repeated[0] if repeated else texts[0]


def _rank_word(text: str) -> bool:
    return bool(TITLE_WORDS.search(text) or GROUP.match(text))


def pick_rank(names: list[Token], author: str | None, tokens=None) -> str | None:
    if not author:
        return None
    seen_author = False
    first = 0
    for n, tok in enumerate(names):
        if seen_author and tokens is not None and _stat_between(tokens, names[first:], tok):
            return None
        text = clean_name(strip_number(tok.text))
        if text == author:
            if not seen_author:
                first = n  # statistics above the name (the post above's reactions) are not between
            seen_author = True
            continue
        if not seen_author or not text:
            continue
        status = STATUS.match(tok.text)
        if status:
            continue
        if text.startswith(author + " "):
            text = text[len(author):].strip()  # "Higure Witch of Faith": the name again, then the title
        own = re.search(rf"(?:^|\s)[^\w\s]*{re.escape(author)}'s avatar$", text, re.I)
        if own:  # "TITLE Not a Number's Avatar": a name with spaces is more than the \S+ below
            text = text[:own.start()].strip()
            if not text:
                continue
            return text
        avatar = AVATAR.match(tok.text)
        if avatar:
            text = (avatar.group("before") or "").strip()
            if not text:
                continue
        return text
    return None


_COUNTER_TAIL = re.compile(r"\s+\d[\d.,]*\s+(?:danke|thanks?|likes?|points?|posts?|beiträge|merci|gracias|"
                           r"grazie|спасибо)\b.*$", re.I)


def status_rank(tokens: list[Token]) -> str | None:
    """The user title printed after "NAME is offline" (counters such as "931 Danke erhalten" cut)."""
    for tok in tokens:
        if tok.kind == "status" and tok.data.get("rest"):
            rest = AVATAR.match(tok.data["rest"])
            text = (rest.group("before") or "") if rest else tok.data["rest"]
            return _COUNTER_TAIL.sub("", text).strip() or None
    return None


def _stat_between(tokens: list[Token], names: list[Token], tok: Token) -> bool:
    """A rank sits between the name and the statistics, never after them."""
    first = names[0].line
    return any(t.kind == "stat" and first < t.line < tok.line for t in tokens[first:tok.line + 1]
               if t.line < tok.line)


def split_name_titles(tokens: list[Token], posts: list[PostParts]) -> None:
    """Dumps that keep a line only per block (Common Crawl WET) run the user name and the user
    title into one line ("Electronik Part of ZeroLevel Team"). Where a quote of the page names a
    user by a first part of such a line, or the same rest follows two different one-word names,
    that part is the name and the rest the title; once most such lines split so, each at its first
    word, the page's other header lines split there too."""
    # the name twice or a default-ladder title after it: split whatever the rest of the page shows
    early = {p.author: found for p in posts if p.author and " " in p.author
             for found in [_name_then_title(p.author)] if found}
    quoted = {t.data.get("author") for t in tokens if t.kind == "quote_header" and t.data.get("author")}
    lines = {p.author for p in posts if p.author and " " in p.author and p.author not in quoted}
    if not lines:
        _apply(posts, early)
        return
    # a title after two different names ("dieketzer Well-known member", "krstep Well-known member")
    names_before: dict[str, set] = {}
    for line in lines:
        first, rest = line.split(" ", 1)
        names_before.setdefault(rest, set()).add(first)
    split: dict[str, tuple[str, str]] = {}
    for line in lines:
        words = line.split(" ")
        for k in range(1, len(words)):
            name, title = " ".join(words[:k]), " ".join(words[k:])
            shared = k == 1 and len(names_before[title]) >= 2  # one-word names: no surname taken for a title
            if (name in quoted or shared) and name_like(title) and name_like(name):
                split[line] = (name, title)
                break
    split.update(early)  # "Kofi Kofi Accra Guru Member": the doubled name tells more than a quote's "Kofi"
    if len({v[0] for v in split.values()}) >= 2 and all(" " not in v[0] for v in split.values()) \
            and len(split) * 2 >= len(lines):
        for line in lines - split.keys():
            name, title = line.split(" ", 1)
            if (name_like(title) or len(title) <= 60 and len(title.split()) <= 12) and len(name) >= 2:
                split[line] = (name, title)  # a title may end like a sentence ("фу таким быть.")
    _apply(posts, split)


def _apply(posts: list[PostParts], split: dict) -> None:
    for p in posts:
        if p.author in split:
            name, title = split[p.author]
            p.author, p.rank = name, title or p.rank  # the title beside the name is the rank


def _name_then_title(line: str) -> tuple[str, str | None] | None:
    """One header line holding the name and what follows it: the name printed twice (avatar alt
    text, then the link: "Kofi Kofi Accra Guru Member", "KofiKofi ..."), or one word and a user
    title of the default ladders ("MariaS Moderator", "dave Senior Member")."""
    if GROUP.match(line):
        return None  # "Super Moderator", "Global Moderator": a rank alone
    words = line.split()
    for k in range(1, min(3, len(words) // 2) + 1):  # "Kofi Kofi ...", "Ann Lee Ann Lee ..."
        if words[:k] == words[k:2 * k]:
            return " ".join(words[:k]), _title_tail(words[2 * k:])
    first = words[0]
    half = len(first) // 2
    if len(first) % 2 == 0 and half >= 2 and first[:half] == first[half:]:
        return first[:half], _title_tail(words[1:])
    rest = " ".join(words[1:])
    if not TITLE_WORDS.search(first) and not GROUP.match(first) and (
            GROUP.match(rest) or all(TITLE_WORDS.fullmatch(w) for w in words[1:])):
        return first, rest
    return None


def _title_tail(words: list[str]) -> str | None:
    """What follows the doubled name: a location may come first ("Gdansk Senior Member"); the
    user title is the run of title words at the end when there is one."""
    k = len(words)
    while k and TITLE_WORDS.fullmatch(words[k - 1]):
        k -= 1
    return " ".join(words[k:] if k < len(words) else words) or None
