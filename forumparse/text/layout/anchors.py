"""The post date lines (anchors) of a dump, where the thread ends, and whether a date line
opens or closes its post."""
from __future__ import annotations

import re
from collections import Counter

from ...dates import ParsedDate
from ...pagetime import NOW_LABELS
from ...vocab import THREAD_END
from ..tokens import EDIT_TAIL, ICON_MARK, IMAGE_MARK, Token, is_buttons
from .names import AVATAR, RE_LINE, date_line_author, is_text, name_like


def choose_anchors(tokens: list[Token]) -> list[int]:
    """Indexes of the post date lines: the date lines of the most common shape."""
    groups: dict[tuple, list[int]] = {}
    for i, tok in enumerate(tokens):
        if tok.kind != "date":
            continue
        parsed = tok.data["date"]
        key = (tok.data["date_kind"], parsed.precision, _residual_key(tok.data["residual"]))
        groups.setdefault(key, []).append(i)
    # the page's clock ("It is currently DATE", "Aktuelle Zeit: DATE") anchors no post
    groups = {key: idx for key, idx in groups.items() if key[2] != "now"}
    if not groups:
        return []
    if all(len(idx) < 2 for idx in groups.values()):
        # a short page whose few date lines differ in precision ("Oct 30, 2014" for an older post,
        # "Oct 30, 2014 at 10:50 PM" for a newer one): grouped by their kind and words alone
        groups = _coarse_groups(tokens, groups)
    # equal counts: a join date shows the day, a post date the time too; a month alone ("May 2015")
    # anchors posts only where nothing finer repeats
    fine = {"second": 2, "minute": 2, "day": 1}

    def rank(idx):
        precise = fine.get(tokens[idx[0]].data["date"].precision, 0)
        coarse = tokens[idx[0]].data["date_kind"] in ("monthyear", "monthday", "relative")
        # still equal: date lines with a byline label ("von NAME am DATE") over lines that only share
        # having other words beside the date (a sidebar's topic titles, the page clock)
        labelled = _residual_key(tokens[idx[0]].data["residual"]) in ("by", "on")
        if coarse:
            return (False, len(idx), 0, labelled, -idx[0])
        return (True, len(idx), precise, labelled, -idx[0])

    # dates one under another with nothing between are a list (latest topics in a sidebar),
    # not posts: such a group gives way to any other repeated shape
    posts = {key: idx for key, idx in groups.items() if not _listed(tokens, idx)}
    if any(len(idx) >= 2 for idx in posts.values()):
        groups = posts
    best = max(groups.values(), key=rank)
    if tokens[best[0]].data["date_kind"] in ("named", "numeric", "iso"):
        # "hecht_hans, 2 März 2016" and "Barschbube, Heute um 19:02": the newest posts of the same
        # byline show a relative day and a time; the same line around the date, they are posts too
        shapes = {_shape(tokens[i]) for i in best}
        extra = [i for idx in groups.values() if idx is not best for i in idx
                 if tokens[i].data["date_kind"] == "relative"
                 and _CLOCK.search(tokens[i].data["raw"] or "") and _shape(tokens[i]) in shapes]
        # posts stand apart as posts do, not one under another as a sidebar's latest topics do
        gap = min((b - a for a, b in zip(best, best[1:])), default=16) // 2
        merged = sorted(best + extra)
        if extra and all(b - a >= gap for a, b in zip(merged, merged[1:])):
            best = merged
    return best


_CLOCK = re.compile(r"\d{1,2}[:h]\d\d")


def _shape(tok: Token) -> str:
    """The date line without its date, its author and its numbers: what one byline repeats."""
    residual = tok.data["residual"]
    name = date_line_author(tok)
    if name:
        residual = residual.replace(name, "NAME")
    return re.sub(r"\d+", "N", residual)


_NUMBERED_LINE = re.compile(r"^(?P<before>.{0,60}?)\s*#\s?(?P<n>\d{1,7})$")


def numbered_anchors(tokens: list[Token]) -> tuple[list[Token], list[int]]:
    """Where no date line repeats (a dump without dates, or with dates no span reads), post
    header lines that end in the post's running number ("admin (Site Admin) #1", "newbie #2",
    "5 Jahre her #60512") anchor the posts instead: two or more, their numbers rising. Those
    lines become date tokens without a date, the words before the number their residual."""
    found = []
    for i, tok in enumerate(tokens):
        if tok.kind not in ("body", "postnum") or len(tok.text) > 80:
            continue
        m = _NUMBERED_LINE.match(tok.text)
        if m:
            found.append((i, int(m.group("n")), m.group("before").strip()))
    numbers = [n for _, n, _ in found]
    if len(found) < 2 or numbers != sorted(set(numbers)) or len({tokens[i].indent for i, _, _ in found}) > 1:
        return tokens, []
    out = list(tokens)
    for i, _n, before in found:
        tok = tokens[i]
        out[i] = Token("date", tok.text, tok.line, tok.indent, tok.bullet,
                       {"date": ParsedDate(raw=""), "raw": None, "residual": before, "date_kind": "none",
                        "before": before, "after": ""})
    return out, [i for i, _, _ in found]


def _coarse_groups(tokens: list[Token], groups: dict[tuple, list[int]]) -> dict[tuple, list[int]]:
    coarse: dict[tuple, list[int]] = {}
    for idx in groups.values():
        tok = tokens[idx[0]]
        key = _residual_key(tok.data["residual"])
        ago = tok.data["date_kind"] == "relative"  # a recent post shown as "a week ago" beside full dates
        if tok.data["date"].precision in ("month", "year", "none") and not ago or key not in ("", "by", "on"):
            coarse[("alone", idx[0])] = idx  # other words beside it ("Current time: DATE") stay apart
            continue
        coarse.setdefault(("any" if ago or tok.data["date_kind"] in ("numeric", "named", "iso") else
                           tok.data["date_kind"], key), []).extend(idx)
    return {key: sorted(idx) for key, idx in coarse.items()}


def _listed(tokens: list[Token], idx: list[int]) -> bool:
    """Most of these date lines have another of them as the next line (blank lines aside)."""
    members = set(idx)
    listed = 0
    for i in idx:
        nxt = next((j for j in range(i + 1, min(len(tokens), i + 4)) if tokens[j].kind != "blank"), None)
        listed += nxt in members
    return len(idx) >= 3 and listed * 2 > len(idx)


# The words of the page-clock labels ("It is currently", "Aktuelle Zeit:"): a date line that
# starts with one is the page's clock, not a post.
_CLOCK_LABELS = [re.findall(r"[^\W\d_]+", label.lower()) for label in NOW_LABELS]


def _residual_key(residual: str) -> str:
    residual = ICON_MARK.sub(" ", EDIT_TAIL.sub("", residual))  # "[xx] DATE Last Edit: DATE by NAME" (SMF)
    words = re.findall(r"[^\W\d_]+", residual.lower())
    if not words or is_buttons(residual.strip()) and IMAGE_MARK.sub("", residual) == ICON_MARK.sub("", residual):
        return ""  # "DATE Report", "DATE Reply Quote": the post's buttons beside its date
    if any(words[:len(label)] == label for label in _CLOCK_LABELS):
        return "now"  # the page's clock in its header (phpBB), no post
    same = {"by": "by", "posted": "by", "post": "by", "von": "by", "par": "by", "on": "on", "reply": "on",
            "asked": "by", "answered": "by", "задан": "by", "ответ": "by", "gefragt": "by", "beantwortet": "by",
            "demandé": "by", "répondu": "by", "preguntada": "by", "perguntada": "by", "respondida": "by"}
    if words[0] not in same and words[-1] == "posted":
        return "by"  # "NAME   Posted: DATE": the name cell beside a byline, the rest as "Posted: DATE"
    return same.get(words[0], "*")


def footer_layout(tokens: list[Token], anchors: list[int]) -> bool:
    """True when each post's date line closes the post (XenForo 1 "Name, date", Something Awful):
    text (or a signature) runs right up to the date line, and buttons follow it."""
    if len(anchors) < 2:
        return False
    footer = header = 0
    for n, a in enumerate(anchors):
        prev = next((tokens[j] for j in range(a - 1, max(-1, a - 4), -1)
                     if tokens[j].kind != "blank" and not LIST_NUMBER.match(tokens[j].text)), None)
        nxt = next((tokens[j] for j in range(a + 1, min(len(tokens), a + 8))
                    if tokens[j].kind not in ("blank", "postnum", "rule")), None)
        if prev is not None and prev.kind in ("stat", "stat_value"):
            header += 1  # the profile's statistics right above the date line: a header
        elif prev is not None and (is_text(prev) and not RE_LINE.match(prev.text) and (n or _header_above(tokens, a))
                                   or prev.kind == "nav" and len(prev.text) > 30) or _edited_above(tokens, a):
            footer += 1
        if nxt is not None and nxt.kind == "button" and _text_after_buttons(tokens, a, anchors[n + 1]
                                                                            if n + 1 < len(anchors) else len(tokens)):
            header += 1  # "Submitted by X on DATE" / "Permalink" / the comment's text: buttons of a header
        elif nxt is not None and (nxt.kind == "button" or nxt.kind == "body" and LIKED.search(nxt.text)) \
                or card_below(tokens, a):
            footer += 1
        elif nxt is not None and (is_text(nxt) or nxt.kind == "quote_header"):
            header += 1
    return footer >= len(anchors) and footer > header * 2


_REPUTATION = re.compile(r"^\d[\d,.\s]*[km]?$", re.I)  # "1,024", "12,1k": the reputation on a user card


def card_below(tokens: list[Token], a: int, loose: bool = False) -> int | None:
    """Where a user card under a date line ends ("asked DATE" / avatar / NAME / 1,024: Stack
    Exchange's signature card below the text), else None. The name is the card's first line
    that is no avatar text; a count (reputation) may follow it. `loose`: the page's other posts
    have cards, so a name line alone under the date line is one too."""
    j, seen = a + 1, []
    while j < len(tokens) and len(seen) < 3:
        tok = tokens[j]
        if tok.kind != "blank":
            if tok.kind == "date" or tok.kind not in ("body", "nav"):
                break
            seen.append(j)
        j += 1
    names = [k for k in seen if tokens[k].kind == "body" and not AVATAR.match(tokens[k].text)]
    if not names or not name_like(tokens[names[0]].text) or tokens[names[0]].indent != tokens[a].indent:
        return None
    end = names[0]
    if loose or any(AVATAR.match(tokens[k].text) for k in seen if k < end) or end + 1 < len(tokens) \
            and _REPUTATION.match(tokens[end + 1].text):
        if end + 1 < len(tokens) and _REPUTATION.match(tokens[end + 1].text):
            end += 1
        return end
    return None


def _text_after_buttons(tokens: list[Token], a: int, stop: int) -> bool:
    """Under the date line, after its buttons and maybe a subject line, the text goes on (and
    runs for more than a line): the date line opens its post."""
    seen = [t for t in tokens[a + 1:min(stop, a + 12)] if t.kind != "blank"]
    k = 0
    while k < len(seen) and seen[k].kind == "button":
        k += 1
    nxt_author = date_line_author(tokens[stop]) if stop < len(tokens) and tokens[stop].kind == "date" else None
    if k < len(seen) and seen[k].kind == "body" and not is_text(seen[k]) and k + 1 < len(seen):
        if nxt_author and seen[k].text.startswith(nxt_author):
            return False  # the next post's name, over its text: its date line closes it (footer layout)
        k += 1  # the comment's subject ("Retire it")
    text = [t for t in seen[k:k + 2] if is_text(t)]
    return len(text) == 2 or len(text) == 1 and len(text[0].text) > 60


LIST_NUMBER = re.compile(r"^\d{1,4}\.$")  # the post list's item number alone on its line (lynx "2.")

# "Crow and 2 others like this.": who liked the post, under it
LIKED = re.compile(r"\b(?:likes?|liked|like) this\.?$|\breacted to this\b|\bgefällt (?:das|dies)\b|"
                    r"\baiment (?:ça|ceci)\b|\b(?:le )?gusta esto\b", re.I)


def _header_above(tokens: list[Token], a: int) -> bool:
    """Above the first date line's text, a name or statistics line: a post header opened it. The
    page's title alone over the text ("Pump tripping?" / "12/03/2019, 21h12" / NAME) is no header."""
    j = a - 1
    while j >= 0 and (tokens[j].kind == "blank" or is_text(tokens[j])):
        j -= 1
    if j < 0:
        return False
    tok = tokens[j]
    return tok.kind in ("stat", "stat_value", "status", "postnum", "edit", "quote_header", "date") \
        or tok.kind == "body" and not is_text(tok)


def _edited_above(tokens: list[Token], a: int) -> bool:
    """An edit note ("Last edited: DATE") a line or two above the date line, a signature line
    between at most: the post's text ended there, so the date line closes the post."""
    seen = 0
    for j in range(a - 1, max(-1, a - 8), -1):
        tok = tokens[j]
        if tok.kind == "blank":
            continue
        if tok.kind == "edit":
            return True
        seen += 1
        if seen > 2 or tok.kind != "body":
            return False
    return False


def thread_end(tokens: list[Token], anchors: list[int]) -> int:
    """Where the thread stops: the first closing line (reply prompt, share bar, similar threads)
    below the first post's date line."""
    if not anchors:
        return len(tokens)
    found = [j for j in range(anchors[0] + 1, len(tokens))
             if tokens[j].kind != "blank" and len(tokens[j].text) < 80 and THREAD_END.match(tokens[j].text)]
    seen = Counter(tokens[j].text.casefold() for j in found)
    # a line shown under every post ("Share:" bars per post) is post furniture, not the end
    return next((j for j in found if seen[tokens[j].text.casefold()] == 1), len(tokens))
