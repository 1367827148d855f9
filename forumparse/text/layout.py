"""Layout heuristics for text dumps: find the repeated post header and cut the dump into posts.

Every post of a forum page is rendered with the same header shape, and every header
carries one date. So: the date lines of the most common shape are the anchors; around
each anchor, the run of short header-like lines (name, rank, user statistics, post
number, buttons) is the header; what follows up to the next header is the post's body
and trailer (statistics placed after the body, buttons, signature).
"""
from __future__ import annotations

import re
from collections import Counter

from attrs import define, field

from ..records import Quote
from ..vocab import DATE_LABEL_WORDS, THREAD_END
from .signatures import SIGN_OFF
from .tokens import Token, paragraphs

# Table headers and avatar placeholders that sit where a name could be.
_NOT_NAMES = re.compile(
    r"^(?:author|message|post|topic|thread|autor|nachricht|auteur|sujet|автор|сообщение|"
    r"author message|autor nachricht|auteur message|автор сообщение|guest|gast|invité|гость|"
    r"comments|replies|answers|kommentare|antworten|réponses|commentaires|respuestas|комментарии|ответы|"
    r"enter image description here|image|bild|изображение|attachment|anhang|"
    r"werbung|advertisement|sponsored|anzeige|реклама|publicité|publicidad)\s*:?$",
    re.I,
)
_STATUS = re.compile(r"^(?:(?P<name>.+?)\s+(?:is|ist|est|está)\s+)?(?:offline|online|away|abwesend|hors ligne|en ligne)"
                     r"(?:\s+(?:offline|online))?$", re.I)
_AVATAR = re.compile(r"^(?:\d{1,4}\.\s+)?(?:(?P<before>.*?)\s*)?(?:\S+'s avatar|(?:avatar|аватар) (?:of|von|de|di|van|"
                     r"пользователя)\s+.+|\S+s avatar|\[?avatar\]?)$", re.I)
_INLINE_AUTHOR = (
    # "Postby NAME » DATE", "Beitragvon NAME »": phpBB's post icon text run into the label
    re.compile(r"^(?:post|beitrag|message|mensaje|messaggio|bericht)(?:by|von|par|por|da|door)\s+"
               r"(?P<name>[^»|•·,()]{1,40}?)\s*»", re.I),
    re.compile(r"(?:^|\s)(?:posted\s+)?(?:by|von|par|por|di|door|przez|от)\s*:?\s*(?P<name>[^»|•·,()]{1,40}?)"
               r"\s*(?:»|\||•|·|,|\bon\b|\bam\b|\ble\b|\bel\b|\bil\b|\bop\b|$)", re.I),
    re.compile(r"^(?P<name>[^»|•·,()]{1,40}?)\s+(?:wrote|posted|said|schrieb|a écrit|escribió|написал)\b", re.I),
    re.compile(r"^(?:from|von|de|от)\s*:\s*(?P<name>[^<>()]{1,40}?)\s*(?:<.*)?$", re.I),
    re.compile(r"^(?P<name>[^,»|•·()]{1,40}?)\s*,\s", re.I),  # "Name, Oct 30, 2014"
)
_SENTENCE_END = re.compile(r"[.!?,;:]$")
_INITIAL_END = re.compile(r"\s[A-Z]\.$")  # "Marcus H.": a name ending in an initial


def name_like(text: str) -> bool:
    """A line that could be a user name or a rank: short, few words, no sentence punctuation."""
    text = _undouble(text)
    if not 2 <= len(text) <= 40 or _SENTENCE_END.search(text) and not text.endswith("...") \
            and not _INITIAL_END.search(text):
        return False
    if len(text.split()) > 5 or _NOT_NAMES.match(text):
        return False
    return any(ch.isalpha() for ch in text)


@define
class PostParts:
    anchor: Token
    author: str | None = None
    rank: str | None = None
    stats: dict = field(factory=dict)
    body: str = ""
    quotes: list = field(factory=list)
    signature: str | None = None
    head_start: int = 0
    head_end: int = 0
    first_line: int = 0  # where the header would start without trimming (titles sit above it)
    open_quote: bool = False  # a quote whose end the dump does not show (no indentation, no marker)
    open_from: int | None = None  # the first of the last quotes that were all open ones
    end: int = 0


def choose_anchors(tokens: list[Token]) -> list[int]:
    """Indexes of the post date lines: the date lines of the most common shape."""
    groups: dict[tuple, list[int]] = {}
    for i, tok in enumerate(tokens):
        if tok.kind != "date":
            continue
        parsed = tok.data["date"]
        key = (tok.data["date_kind"], parsed.precision, _residual_key(tok.data["residual"]))
        groups.setdefault(key, []).append(i)
    if not groups:
        return []
    # equal counts: a join date shows the day, a post date the time too; a month alone ("May 2015")
    # anchors posts only where nothing finer repeats
    fine = {"second": 2, "minute": 2, "day": 1}

    def rank(idx):
        precise = fine.get(tokens[idx[0]].data["date"].precision, 0)
        coarse = tokens[idx[0]].data["date_kind"] in ("monthyear", "relative")
        return (not coarse or len(idx) < 2, len(idx), precise, -idx[0]) if not coarse else (False, len(idx), 0, -idx[0])

    # dates one under another with nothing between are a list (latest topics in a sidebar),
    # not posts: such a group gives way to any other repeated shape
    posts = {key: idx for key, idx in groups.items() if not _listed(tokens, idx)}
    if any(len(idx) >= 2 for idx in posts.values()):
        groups = posts
    best = max(groups.values(), key=rank)
    return best


def _listed(tokens: list[Token], idx: list[int]) -> bool:
    """Most of these date lines have another of them as the next line (blank lines aside)."""
    members = set(idx)
    listed = 0
    for i in idx:
        nxt = next((j for j in range(i + 1, min(len(tokens), i + 4)) if tokens[j].kind != "blank"), None)
        listed += nxt in members
    return len(idx) >= 3 and listed * 2 > len(idx)


def _residual_key(residual: str) -> str:
    residual = re.sub(r"\b(?:edited|bearbeitet|modifié|editado|изменено)\b.*", "", residual, flags=re.I)
    words = re.findall(r"[^\W\d_]+", residual.lower())
    if not words:
        return ""
    if words[:3] == ["it", "is", "currently"] or words[:3] == ["es", "ist", "jetzt"]:
        return "now"  # the page's clock in its header (phpBB), no post
    same = {"by": "by", "posted": "by", "post": "by", "von": "by", "par": "by", "on": "on", "reply": "on"}
    return same.get(words[0], "*")


def _is_text(tok: Token) -> bool:
    return tok.kind == "body" and (len(tok.text) > 40 or not name_like(tok.text))


_RE_LINE = re.compile(r"^(?:re|aw|antw)\s*:", re.I)


def footer_layout(tokens: list[Token], anchors: list[int]) -> bool:
    """True when each post's date line closes the post (XenForo 1 "Name, date", Something Awful):
    text (or a signature) runs right up to the date line, and buttons follow it."""
    if len(anchors) < 2:
        return False
    footer = header = 0
    for a in anchors:
        prev = next((tokens[j] for j in range(a - 1, max(-1, a - 4), -1) if tokens[j].kind != "blank"), None)
        nxt = next((tokens[j] for j in range(a + 1, min(len(tokens), a + 8))
                    if tokens[j].kind not in ("blank", "postnum", "rule")), None)
        if prev is not None and prev.kind in ("stat", "stat_value"):
            header += 1  # the profile's statistics right above the date line: a header
        elif prev is not None and (_is_text(prev) and not _RE_LINE.match(prev.text)
                                   or prev.kind == "nav" and len(prev.text) > 30):
            footer += 1
        if nxt is not None and nxt.kind == "button":
            footer += 1
        elif nxt is not None and (_is_text(nxt) or nxt.kind == "quote_header"):
            header += 1
    return footer >= len(anchors) and footer > header * 2


def segment(tokens: list[Token], anchors: list[int]) -> list[PostParts]:
    end = _thread_end(tokens, anchors)
    tokens, anchors = tokens[:end], [a for a in anchors if a < end]
    if footer_layout(tokens, anchors):
        return segment_footer(tokens, anchors)
    posts: list[PostParts] = []
    subjects = _subjects(tokens)
    recurring = _recurring(tokens, anchors)
    inlines = [_inline_author(tokens[a].data["residual"]) for a in anchors]
    starts = [_scan_back(tokens, a, anchors[n - 1] if n else -1, subjects, recurring, through=not inlines[n])
              for n, a in enumerate(anchors)]
    raw_starts = starts
    starts = _trim_to_template(tokens, anchors, starts, inlines)
    width = _width(tokens)
    limit = -1
    for n, a in enumerate(anchors):
        nxt = anchors[n + 1] if n + 1 < len(anchors) else len(tokens)
        parts = PostParts(anchor=tokens[a])
        inline = inlines[n]
        start = max(starts[n], limit + 1)
        if inline and not any(t.kind == "body" and (t.text == inline or _named_line(t, inline))
                              for t in tokens[start:a]):
            start = _after_stats(tokens, start, a)
        names_before = [_status_name(t) or t for t in tokens[start:a]
                        if (t.kind == "body" and (name_like(t.text) or t.text in recurring) and t.text not in subjects)
                        or _status_name(t)]
        known = {t.text for t in names_before} | ({inline} if inline else set())
        end, after_names = _scan_forward(tokens, a, nxt, need_names=not inline and not names_before, known=known,
                                         width=width)
        parts.head_start, parts.head_end = start, end
        parts.first_line = min(start, raw_starts[n])
        header_names = names_before if names_before else after_names
        parts.author = inline or _pick_author(header_names)
        if not inline:
            parts.rank = _pick_rank(header_names, parts.author, tokens)
        if not parts.rank:
            parts.rank = _status_rank(tokens[start:end + 1])
        if not parts.rank and inline:  # "NAME RANK" on one line, the name given by the date line
            parts.rank = next((t.text[len(inline):].strip() for t in tokens[start:a] if _named_line(t, inline)), None)
        if not parts.rank and inline and any(t.text == inline for t in names_before):
            parts.rank = _pick_rank(names_before, inline, tokens)  # the name over its title, then "by NAME, DATE"
        posts.append(parts)
        limit = end
    earlier: list[str] = []
    for n, parts in enumerate(posts):
        stop = posts[n + 1].head_start if n + 1 < len(posts) else len(tokens)
        _read_stats(tokens[parts.head_start:stop], parts)
        _read_body(tokens[parts.head_end + 1:stop], parts, last=n + 1 == len(posts), subjects=subjects,
                   earlier=earlier)
        earlier.append(_norm(parts.body))
    _split_name_titles(tokens, posts)
    return posts


def _split_name_titles(tokens: list[Token], posts: list[PostParts]) -> None:
    """Dumps that keep a line only per block (Common Crawl WET) run the user name and the user
    title into one line ("Electronik Part of ZeroLevel Team"). Where a quote of the page names a
    user by a first part of such a line, or the same rest follows two different one-word names,
    that part is the name and the rest the title; once most such lines split so, each at its first
    word, the page's other header lines split there too."""
    quoted = {t.data.get("author") for t in tokens if t.kind == "quote_header" and t.data.get("author")}
    lines = {p.author for p in posts if p.author and " " in p.author and p.author not in quoted}
    if not lines:
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
    if len({v[0] for v in split.values()}) >= 2 and all(" " not in v[0] for v in split.values()) \
            and len(split) * 2 >= len(lines):
        for line in lines - split.keys():
            name, title = line.split(" ", 1)
            if (name_like(title) or len(title) <= 60 and len(title.split()) <= 12) and len(name) >= 2:
                split[line] = (name, title)  # a title may end like a sentence ("фу таким быть.")
    for p in posts:
        if p.author in split:
            p.author, p.rank = split[p.author]


def _named_line(tok: Token, name: str) -> bool:
    """A header line that is the name and a short title after it ("aGerman Expert")."""
    return tok.kind == "body" and tok.text.startswith(name + " ") and name_like(tok.text) \
        and len(tok.text) - len(name) <= 40


def _thread_end(tokens: list[Token], anchors: list[int]) -> int:
    """Where the thread stops: the first closing line (reply prompt, share bar, similar threads)
    below the first post's date line."""
    if not anchors:
        return len(tokens)
    found = [j for j in range(anchors[0] + 1, len(tokens))
             if tokens[j].kind != "blank" and len(tokens[j].text) < 80 and THREAD_END.match(tokens[j].text)]
    seen = Counter(tokens[j].text.casefold() for j in found)
    # a line shown under every post ("Share:" bars per post) is post furniture, not the end
    return next((j for j in found if seen[tokens[j].text.casefold()] == 1), len(tokens))


def segment_footer(tokens: list[Token], anchors: list[int]) -> list[PostParts]:
    """Posts whose date line comes last: header (name, rank, stats) + text + date line."""
    posts: list[PostParts] = []
    earlier: list[str] = []
    prev = -1
    for a in anchors:
        parts = PostParts(anchor=tokens[a])
        region = list(range(_footer_start(tokens, prev, a), a))
        prev = a
        inline = _inline_author(tokens[a].data["residual"])
        if inline:  # the header starts where the date line's author is first named
            named = next((j for j in region if tokens[j].kind == "body"
                          and _strip_number(tokens[j].text).split(" ", 1)[0] == inline.split(" ", 1)[0]
                          and name_like(_strip_number(tokens[j].text).split(" ", 1)[0])), None)
            if named is not None:
                region = [j for j in region if j >= named]
        first_text = next((j for j in region if _is_text(tokens[j]) or tokens[j].kind == "quote_header"), a)
        title_lines: list[str] = []
        name_tok = next((tokens[j] for j in region if tokens[j].kind == "body"), None)
        if name_tok is not None and name_like(_strip_number(name_tok.text)):
            # lines indented under the name belong to it (join date, user title), whatever they say
            j = name_tok.line + 1
            while j < a and (tokens[j].kind == "blank" or tokens[j].indent > name_tok.indent):
                if tokens[j].kind == "body":
                    title_lines.append(tokens[j].text)
                j += 1
            if j >= a:  # nothing left under the title: those lines were the text itself
                title_lines = []
            first_text = max(first_text, j) if title_lines else first_text
        inline = _inline_author(tokens[a].data["residual"])
        name_line = None
        if inline and first_text < a and tokens[first_text].text.startswith(inline + " "):
            name_line = tokens[first_text]  # "Crow Falling is a Pleasure": the name, then the user title
            first_text = next((j for j in range(first_text + 1, a)
                               if _is_text(tokens[j]) or tokens[j].kind == "quote_header"), a)
        head = [tokens[j] for j in region if j < first_text]
        names = [t for t in head if t.kind == "body" and name_like(_strip_number(t.text))]
        parts.author = inline or _pick_author([Token(t.kind, _strip_number(t.text), t.line) for t in names])
        if name_line is None and inline:
            name_line = next((t for t in head if t.kind == "body" and t.text.startswith(inline + " ")), None)
        if name_line is not None:
            parts.rank = name_line.text[len(inline):].strip() or None
        elif title_lines and not inline:
            parts.rank = " ".join(title_lines)
        else:
            parts.rank = _pick_rank(names, parts.author, tokens) if not inline else None
        joined = next((t for t in head if t.kind == "date"), None)
        if joined is not None:
            parts.stats["joined"] = joined.data["raw"]
        parts.head_start, parts.head_end = region[0] if region else a, first_text - 1
        _read_stats(head, parts)
        _read_body(_drop_signature(tokens[first_text:a]), parts, last=False, earlier=earlier)
        earlier.append(_norm(parts.body))
        posts.append(parts)
    return posts


def _drop_signature(tokens: list[Token]) -> list[Token]:
    """The lines right above a closing date line, indented apart from the text, are a signature."""
    body = [t for t in tokens if t.kind == "body"]
    if len(body) < 2:
        return tokens
    base = body[0].indent
    end = len(tokens)
    while end > 0 and (tokens[end - 1].kind in ("blank", "nav") or tokens[end - 1].indent > base + 1):
        end -= 1
    return tokens[:end] if any(t.kind == "body" for t in tokens[:end]) else tokens


def _footer_start(tokens: list[Token], prev: int, a: int) -> int:
    """After the previous post's date line come its buttons; the next post starts after them.
    The first post starts after the last navigation line above it."""
    if prev < 0:
        prev = max((j for j in range(a) if tokens[j].kind in ("nav", "button", "rule")), default=-1)
    j = prev + 1
    while j < a and (tokens[j].kind in ("blank", "button", "nav", "rule", "postnum")
                     or (tokens[j].bullet and len(tokens[j].text) <= 25)):  # a menu of links
        j += 1
    return j


_NUMBERED = re.compile(r"^\d{1,4}\.\s+")


def _strip_number(text: str) -> str:
    return _NUMBERED.sub("", text)


def _trim_to_template(tokens: list[Token], anchors: list[int], starts: list[int], inlines=None) -> list[int]:
    """Headers hold the same number of name-like lines: a header with more than most have
    took the short last lines of the previous post; give them back."""
    names = []
    for s, a in zip(starts, anchors):
        first_stat = next((j for j in range(s, a) if tokens[j].kind in ("stat", "stat_value")
                           and tokens[j].data.get("field") in ("posts", "joined")), a)
        names.append([j for j in range(s, first_stat) if tokens[j].kind == "body"])  # names come before stats
    counts = Counter(len(n) for n in names)
    if len(anchors) < 3 or not counts:
        return starts
    usual, freq = counts.most_common(1)[0]
    if freq * 2 < len(anchors):
        return starts
    out = []
    for n, (s, found) in enumerate(zip(starts, names)):
        inline = inlines[n] if inlines else None
        if inline and any(tokens[j].text == inline for j in found):
            out.append(s)  # the block names the author of the date line: it is this post's header
            continue
        if len(found) > usual and not _named_twice(tokens, found):
            s = found[len(found) - usual] if usual else found[-1] + 1
        out.append(s)
    return out


def _named_twice(tokens: list[Token], found: list[int]) -> bool:
    """The header's first line shows again further down (the name above and beside the avatar,
    XenForo 2): the block is one post's header, however many lines its banners add."""
    first = tokens[found[0]].text
    return name_like(first) and any(tokens[j].text == first for j in found[1:])


_LABEL_WORDS = frozenset(
    "posted post on at by date edited reply link permalink old new quote share report am pm um le el il em op "
    "von par por от de".split()) | DATE_LABEL_WORDS


def _inline_author(residual: str) -> str | None:
    for rx in _INLINE_AUTHOR:
        m = rx.search(residual)
        if m:
            name = m.group("name").strip(" :-–—")
            if name and name_like(name):
                return name
    # "NAME November 18, 2019 #1": a single word beside the date, once labels and numbers are gone
    words = [w for w in re.split(r"[\s|•·»«,]+", re.sub(r"#\s?\d+|\([^)]*\)", " ", residual))
             if w and w.lower() not in _LABEL_WORDS]
    if len(words) == 1 and not words[0].isdigit() and name_like(words[0]):
        return words[0]
    return None


def _after_stats(tokens: list[Token], start: int, a: int) -> int:
    """Statistics above a "by NAME, date" line without the name are the previous post's profile."""
    last_stat = max((j for j in range(start, a) if tokens[j].kind in ("stat", "stat_value")), default=None)
    return start if last_stat is None else last_stat + 1


def _subjects(tokens: list[Token]) -> set[str]:
    """Post subjects: every "Re: X" line, and X itself (the first post's subject)."""
    found = set()
    for tok in tokens:
        if tok.kind == "body" and _RE_LINE.match(tok.text) and len(tok.text) < 200:
            found.add(tok.text)
            found.add(_RE_LINE.sub("", tok.text).strip())
    return found


def _recurring(tokens: list[Token], anchors: list[int]) -> set[str]:
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
        twice = _name_pairs(tokens[max(0, a - 30, anchors[n - 1] + 1 if n else 0):a])
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
        if prev is not None and name_like(prev) and 2 <= len(t.text) <= 80 and not _NOT_NAMES.match(t.text):
            found.append((i, (prev, t.text)))
        prev = t.text
    return found


def _name_pairs(tokens: list[Token]) -> Counter:
    """(name-like line, the line after it) pairs of body lines."""
    found: Counter = Counter()
    prev = None
    for t in tokens:
        if t.kind != "body":
            continue
        if prev is not None and name_like(prev) and 2 <= len(t.text) <= 80 and not _NOT_NAMES.match(t.text):
            found[(prev, t.text)] += 1
        prev = t.text
    return found


_MENU_ITEM = (r"(?:view profile|view public profile|view forum posts|view blog entries|view articles|private message|"
              r"send (?:a )?private message|send pm|visit homepage|find (?:all|more) posts(?: by .{1,40})?|send email|"
              r"profil|beiträge anzeigen|private nachricht|homepage besuchen|blog-einträge anzeigen|"
              r"voir le profil|message privé|ver perfil|mensaje privado|профиль|личное сообщение)")
# one item a line, or the whole menu on one line (WET)
_PROFILE_MENU = re.compile(rf"^{_MENU_ITEM}(?:\s+{_MENU_ITEM})*$", re.I)
_REACTED = re.compile(r"^(?:reactions|likes|reaktionen|réactions|reacciones|реакции)\s*:\s*\D*$", re.I)
_IMAGE_ONLY = re.compile(r"^\[[^\]]{1,40}\]$")


def _scan_back(tokens: list[Token], a: int, limit: int, subjects: set[str] = frozenset(),
               recurring: set[str] = frozenset(), through: bool = True) -> int:
    start = a
    j = a - 1
    buttons = 0
    while j > limit:
        tok = tokens[j]
        if tok.kind == "status" and buttons:
            break  # "X is offline" above the previous post's buttons closes that post
        if tok.kind == "body" and _EXPAND.match(tok.text):
            # "Click to expand..." closes a quote inside the previous post, and the reply follows it
            k = j + 1
            while k < a and tokens[k].kind == "blank":
                k += 1
            # the reply runs up to the header's name, shown twice (a line repeated just below)
            while k < a and tokens[k].kind == "body" and not any(
                    t.text == tokens[k].text for t in tokens[k + 1:min(a, k + 10)]):
                k += 1
            start = max(start, k) if k < a else start
            break
        if tok.kind == "stat" and _REACTED.match(tok.text):
            break  # "Reactions: Orca and Seal": who liked the post above, under its text
        if tok.kind in ("stat", "stat_value", "postnum", "status") or (
                tok.kind == "body" and (name_like(tok.text) or tok.text in recurring)):
            start = j
        elif tok.kind == "button" and start == a and buttons == 0:
            buttons += 1  # buttons sit between the profile and the date line ("Quote")
        elif tok.kind == "button" and start < a and _PROFILE_MENU.match(tok.text):
            pass  # the member menu printed under the name (vBulletin 4: "View Profile", "Private Message")
        elif tok.kind == "body" and tok.text in subjects:
            start = j
        elif tok.kind == "body" and start == a and len(tok.text) <= 60 and j - 1 > limit \
                and tokens[j - 1].kind == "body" \
                and (tokens[j - 1].text in subjects or _RE_LINE.match(tokens[j - 1].text)):
            pass  # right above the date line, the end of a subject the dump wrapped ("Re: ... in this" / "forum?")
        elif tok.kind == "body" and start == a and len(tok.text) <= 150 and _after_postnum(tokens, j, limit):
            start = j  # the post's subject, between its number and its date line (vBulletin 5)
        elif tok.kind == "nav" and _IMAGE_ONLY.match(tok.text):
            pass  # an avatar or rank image between the name and the statistics
        elif through and tok.kind in ("rule", "nav", "button") and any(
                t.kind in ("stat", "stat_value") for t in tokens[max(limit + 1, j - 6):j]):
            pass  # a rule or share links under the profile's statistics: still the header
        elif tok.kind != "blank":
            break
        j -= 1
    return start


def _after_postnum(tokens: list[Token], j: int, limit: int) -> bool:
    above = next((tokens[k] for k in range(j - 1, max(limit, j - 4), -1) if tokens[k].kind != "blank"), None)
    return above is not None and above.kind == "postnum"


def _scan_forward(tokens: list[Token], a: int, nxt: int, need_names: bool,
                  known: set | None = None, width: int = 0) -> tuple[int, list[Token]]:
    end = a
    names: list[Token] = []
    seen_stat = False
    known = set(known or ())
    skip = 0
    for j in range(a + 1, nxt):
        tok = tokens[j]
        if tok.kind == "blank" or j <= skip:
            continue
        if need_names and not seen_stat and names and len(names) < 4 and width and j + 1 < nxt \
                and not name_like(tok.text) and _wraps_into(tok, tokens[j + 1], width):
            # a user title the dump wrapped at its width ("... fluorite," / "England NAME's Avatar")
            joined = Token("body", f"{tok.text} {tokens[j + 1].text}", tok.line, tok.indent)
            if len(joined.text) <= 80 and (_AVATAR.match(joined.text) and len(joined.text.split()) <= 12
                                           or _stat_follows(tokens, j + 1, nxt)):
                names.append(joined)
                end = skip = j + 1
                continue
        if tok.kind == "body" and tok.text in known | {t.text for t in names[:1]}:
            end = j  # the name again, as the title of a profile menu
            continue
        if tok.kind == "body" and tok.data.get("left") and (seen_stat or not need_names or len(names) >= 4):
            end = j  # the rest of the author column
            continue
        if tok.kind in ("stat", "stat_value", "postnum", "rule", "button", "nav", "status"):
            seen_stat = seen_stat or tok.kind in ("stat", "stat_value")
            end = j
            continue
        if need_names and not seen_stat and tok.kind == "body" and len(names) < 4 and (
                name_like(tok.text) or names and _AVATAR.match(tok.text) and len(tok.text.split()) <= 12
                or names and len(tok.text) <= 80 and _stat_follows(tokens, j, nxt)):
            names.append(tok)
            end = j
            continue
        break
    return end, names


def _wraps_into(tok: Token, nxt: Token | None, width: int) -> bool:
    """A line that the renderer wrapped: the next line (same indentation) starts with a word that
    would not have fitted on it within the dump's width."""
    if nxt is None or tok.kind != "body" or nxt.kind != "body" or tok.bullet or nxt.bullet:
        return False
    if tok.indent != nxt.indent or tok.text.endswith((".", "?", "!", ":")) or len(tok.text) + len(nxt.text) > 200:
        return False
    return tok.indent + len(tok.text) + 1 + len(nxt.text.split()[0]) > width - 2  # lynx keeps a margin


def _width(tokens: list[Token]) -> int:
    """The column where the renderer wraps lines: what the longest lines reach, leaving out the
    few longer ones (a URL or a long word is not wrapped). Unwrapped dumps get a wide one."""
    lengths = sorted((t.indent + len(t.text) for t in tokens if t.kind == "body"), reverse=True)
    return lengths[min(len(lengths) - 1, len(lengths) // 50)] if lengths else 0


def _stat_follows(tokens: list[Token], j: int, nxt: int) -> bool:
    """A line between the name and the statistics is the user title, whatever its words
    ("War. War never changes.")."""
    # an avatar's alt text ("[avatar32968_2.gif]") may stand between
    after = next((t for t in tokens[j + 1:min(nxt, j + 10)] if t.kind not in ("blank", "nav")), None)
    return after is not None and after.kind == "stat"


def _pick_author(names: list[Token]) -> str | None:
    texts = [_clean_name(_strip_number(t.text)) for t in names]
    texts = [t for t in texts if t]
    if not texts:
        return None
    counts = Counter(texts)
    repeated = [t for t in texts if counts[t] > 1]
    return repeated[0] if repeated else texts[0]


def _pick_rank(names: list[Token], author: str | None, tokens=None) -> str | None:
    if not author:
        return None
    seen_author = False
    first = 0
    for n, tok in enumerate(names):
        if seen_author and tokens is not None and _stat_between(tokens, names[first:], tok):
            return None
        text = _clean_name(_strip_number(tok.text))
        if text == author:
            if not seen_author:
                first = n  # statistics above the name (the post above's reactions) are not between
            seen_author = True
            continue
        if not seen_author or not text:
            continue
        status = _STATUS.match(tok.text)
        if status:
            continue
        own = re.search(rf"(?:^|\s)[^\w\s]*{re.escape(author)}'s avatar$", text, re.I)
        if own:  # "TITLE Not a Number's Avatar": a name with spaces is more than the \S+ below
            text = text[:own.start()].strip()
            if not text:
                continue
            return text
        avatar = _AVATAR.match(tok.text)
        if avatar:
            text = (avatar.group("before") or "").strip()
            if not text:
                continue
        return text
    return None


def _status_name(tok: Token) -> Token | None:
    """"Diego Offline": the status line names the user (sometimes the only place it does)."""
    if tok.kind == "status" and tok.data.get("name") and name_like(tok.data["name"]):
        return Token("body", tok.data["name"], tok.line)
    return None


_COUNTER_TAIL = re.compile(r"\s+\d[\d.,]*\s+(?:danke|thanks?|likes?|points?|posts?|beiträge|merci|gracias|"
                           r"grazie|спасибо)\b.*$", re.I)


def _status_rank(tokens: list[Token]) -> str | None:
    """The user title printed after "NAME is offline" (counters such as "931 Danke erhalten" cut)."""
    for tok in tokens:
        if tok.kind == "status" and tok.data.get("rest"):
            rest = _AVATAR.match(tok.data["rest"])
            text = (rest.group("before") or "") if rest else tok.data["rest"]
            return _COUNTER_TAIL.sub("", text).strip() or None
    return None


def _stat_between(tokens: list[Token], names: list[Token], tok: Token) -> bool:
    """A rank sits between the name and the statistics, never after them."""
    first = names[0].line
    return any(t.kind == "stat" and first < t.line < tok.line for t in tokens[first:tok.line + 1]
               if t.line < tok.line)


def _undouble(text: str) -> str:
    """Avatar alt text and name printed together: "bobbob", "Cpt. Hill Cpt. Hill"."""
    half = len(text) // 2
    if len(text) % 2 == 0 and half > 1 and text[:half] == text[half:]:
        return text[:half]
    words = text.split()
    if len(words) > 1 and len(words) % 2 == 0 and words[:len(words) // 2] == words[len(words) // 2:]:
        return " ".join(words[:len(words) // 2])
    return text


def _clean_name(text: str) -> str | None:
    status = _STATUS.match(text)
    if status:
        return None
    text = _undouble(text)
    if _AVATAR.match(text) and not _AVATAR.match(text).group("before"):
        return None
    return text.strip()


def _read_stats(tokens: list[Token], parts: PostParts) -> None:
    for tok in tokens:
        if tok.kind == "stat" and tok.data.get("value"):
            parts.stats.setdefault(tok.data["field"], tok.data["value"])


_CODE_LABEL = re.compile(r"^(?:code|quote|spoiler|zitat|код|цитата)\s*:?\s*(?:select all|expand|collapse|"
                         r"alles auswählen|выделить всё)?\s*$", re.I)


def _profile_after_body(tokens: list[Token], parts: PostParts) -> int | None:
    """Where a profile block (name, rank, statistics) placed after the body starts."""
    if not parts.author:
        return None
    for i, tok in enumerate(tokens):
        if tok.kind == "body" and _named_line(tok, parts.author):  # "NAME RANK" on one line (WET)
            rest = [t for t in tokens[i + 1:i + 8] if t.kind != "blank"]
            if rest and rest[0].kind == "stat":
                parts.rank = parts.rank or _clean_name(tok.text[len(parts.author):].strip())
                return i
        if tok.kind != "body" or tok.text != parts.author:
            continue
        rest = [t for t in tokens[i + 1:i + 8] if t.kind != "blank"]
        if rest and rest[0].kind == "stat":
            return i
        if len(rest) > 1 and rest[0].kind == "body" and name_like(rest[0].text) and rest[1].kind == "stat":
            parts.rank = parts.rank or _clean_name(rest[0].text)
            return i
    return None


def _read_body(tokens: list[Token], parts: PostParts, last: bool, subjects=frozenset(), earlier=()) -> None:
    profile = _profile_after_body(tokens, parts)
    if profile is not None:
        tokens = tokens[:profile]
    end = next((i for i, t in enumerate(tokens) if t.kind == "button"), len(tokens))
    base = min((t.indent for t in tokens[:end] if t.kind == "body"), default=0)
    out: list[Token] = []
    code = 0  # inside a code box ("Code: Select all") since this many lines: its lines are text
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        kind = tok.kind
        if code:
            code = 0 if kind == "blank" and code > 1 and tokens[i - 1].kind == "blank" else code + 1
            if code and kind in ("stat", "stat_value"):
                out.append(Token("body", tok.text, tok.line, tok.indent))
                i += 1
                continue
        if kind == "rule":
            text = [t for t in out if t.kind == "body"]
            after = next((t for t in tokens[i + 1:i + 4] if t.kind != "blank"), None)
            long_rule = len(tok.text) >= 30 or tok.text == "* * *"  # html2text's <hr>
            subject = all(t.text in subjects or _RE_LINE.match(t.text) for t in text) or (
                long_rule and all(name_like(t.text) for t in text) and after is not None
                and _is_text(after)) or (
                # the end of a header line the renderer wrapped ("... Post subject: Record" /
                # "Producer - The Way"), right under it
                long_rule and len(text) == 1 and text[0].line == parts.anchor.line + 1
                and len(text[0].text) <= 60)
            if len(text) <= 1 and subject:
                out.clear()  # a rule under the post's subject line separates header and text
                i += 1
                continue
            break
        if kind == "button":
            break
        if kind == "stat" and any(t.kind == "body" for t in out) and not tok.data.get("left"):
            break  # the author's statistics after the text: a profile block closes the post
        if kind == "nav" and last:
            break
        if kind == "quote_header":
            i = _skip_quote(tokens, i, base, parts)
            continue
        if kind == "body" and (_CODE_LABEL.match(tok.text) or tok.data.get("left")):
            code = 1 if tok.text.lower().startswith(("code", "код")) else code
        elif kind in ("body", "date", "blank"):
            out.append(tok)
        i += 1
    parts.body = paragraphs(out)
    if parts.open_quote and parts.quotes and parts.quotes[-1].text:
        _end_open_quote(parts, earlier)
    if not parts.body and parts.open_quote and parts.quotes and parts.quotes[-1].text:
        # a quote with nothing after it: without indentation the quote's end was not seen, and
        # the reply is in there too (in each of the open quotes in a row, lynx); keep the words
        # rather than lose the post
        first = parts.open_from if parts.open_from is not None else len(parts.quotes) - 1
        parts.body = "\n\n".join(q.text for q in parts.quotes[first:] if q.text)
        del parts.quotes[first:]


_WORDS = re.compile(r"\w+")


def _norm(text: str) -> str:
    return " ".join(_WORDS.findall(text.casefold()))


def _end_open_quote(parts: PostParts, earlier: list[str]) -> None:
    """A quote whose end the dump does not show (no indentation, no blank line after it: browser
    copy, WET) ends where its lines stop repeating what earlier posts on the page said."""
    quote = parts.quotes[-1]
    lines = [line for line in quote.text.split("\n") if line.strip()]
    said = " " + " ".join(earlier) + " "
    if len(lines) < 2 or len(said) < 3:
        return
    k = 0
    while k < len(lines) and _norm(lines[k]) and f" {_norm(lines[k])} " in said:
        k += 1
    if 0 < k < len(lines):  # nothing repeated: the quoted post is not on this page; leave it be
        parts.quotes[-1] = Quote(author=quote.author, text="\n".join(lines[:k]))
        reply = "\n".join(lines[k:])
        parts.body = f"{reply}\n\n{parts.body}" if parts.body else reply


_EXPAND = re.compile(r"^(?:click to expand|нажмите для раскрытия|zum (?:erweitern|vergrößern) anklicken|"
                     r"cliquez pour (?:agrandir|développer)|haz clic para expandir|clique para expandir|"
                     r"clicca per espandere|klik om uit te vouwen|kliknij,? aby rozwinąć)"
                     r"\.*…?(?:\s*click to shrink\.*…?)?$", re.I)


def _skip_quote(tokens: list[Token], i: int, base: int, parts: PostParts) -> int:
    """Skip a quote block: up to "Click to expand...", the lines indented deeper than the body,
    or else up to a blank line."""
    head = tokens[i]
    quoted = [head.data.get("rest") or ""]
    j = i + 1
    while not quoted[0] and j < len(tokens) and tokens[j].kind == "blank":
        j += 1
    # XenForo closes its quote boxes with "Click to expand...": where it shows, it ends the quote
    for k in range(j, min(len(tokens), j + 60)):
        if tokens[k].kind == "quote_header":
            break
        if tokens[k].kind == "body" and _EXPAND.match(tokens[k].text):
            quoted += [t.text for t in tokens[j:k] if t.kind != "blank"]
            parts.quotes.append(Quote(author=head.data.get("author"), text="\n".join(q for q in quoted if q)))
            parts.open_from = None
            return k + 1
    centred = _centred_end(tokens, j, base)
    if centred is not None:
        quoted += [t.text for t in tokens[j:centred] if t.kind != "blank"]
        parts.quotes.append(Quote(author=head.data.get("author"), text="\n".join(q for q in quoted if q)))
        parts.open_from = None
        return centred
    indented = head.indent > base or any(t.indent > base for t in tokens[j:j + 3] if t.kind != "blank")
    parts.open_quote = not indented
    if indented:
        parts.open_from = None
    elif parts.open_from is None:
        parts.open_from = len(parts.quotes)
    first = next((t for t in tokens[j:j + 3] if t.kind != "blank"), None)
    column = min(head.indent, first.indent) if first is not None else head.indent  # where the quote's lines sit
    while j < len(tokens):
        tok = tokens[j]
        if tok.kind == "blank":
            if not indented:
                k = next((k for k in range(j, len(tokens)) if tokens[k].kind != "blank"), len(tokens))
                if k < len(tokens) and SIGN_OFF.match(tokens[k].text):
                    j = k + 1  # the quoted post's app sign-off closes the quote ("Sent from my ...")
                break
            j += 1
            continue
        if indented and (tok.indent <= base or tok.indent < column):
            break  # back at the text's column, or left of the quote's own column
        if _EXPAND.match(tok.text):  # XenForo closes its quote boxes with "Click to expand..."
            j += 1
            break
        if tok.kind in ("button", "rule") and tok.indent <= base:
            break
        quoted.append(tok.text)
        j += 1
    parts.quotes.append(Quote(author=head.data.get("author"), text="\n".join(q for q in quoted if q)))
    return j


def _centre(tok: Token) -> float:
    return tok.indent + len(tok.text) / 2


def _centred_end(tokens: list[Token], j: int, base: int) -> int | None:
    """Where a quote box ends whose lines the renderer centres (lynx, a quote table in a centred
    cell: phpBB 2): its full lines start at the text's own column, so indentation does not tell
    the quote from the reply, but every quoted line shares one centre. None when the lines
    from `j` are not centred (a line clearly shifted right among them, all on one centre)."""
    run = []
    for tok in tokens[j:j + 8]:
        if tok.kind == "blank":
            break
        run.append(tok)
    left = min((t.indent for t in run), default=0)
    shifted = sorted(_centre(t) for t in run if t.indent > left)  # the shorter lines, set right by centring
    if not shifted:
        return None  # one column for all lines: left-aligned (an indented quote box), not centred
    centre = shifted[len(shifted) // 2]
    lead = next((n for n, t in enumerate(run) if abs(_centre(t) - centre) > 1), len(run))
    # two shifted lines of different lengths on one centre: no coincidence of one short line
    if len({t.indent for t in run[:lead] if t.indent >= left + 3}) < 2:
        return None
    k = j
    while k < len(tokens):
        tok = tokens[k]
        if tok.kind == "blank":  # the box goes on past a blank line only with another shifted line
            nxt = next((n for n in range(k, len(tokens)) if tokens[n].kind != "blank"), len(tokens))
            if nxt == len(tokens) or tokens[nxt].indent < base + 2 or abs(_centre(tokens[nxt]) - centre) > 1:
                return k
            k = nxt
            continue
        if tok.kind in ("button", "rule", "quote_header") or abs(_centre(tok) - centre) > 1:
            return k
        k += 1
    return k
