"""Vanilla Forums discussions as text: the discussion, then "Comments" and one item per
comment. Each item: the name (printed twice where the avatar's alt text comes first), maybe a
role title and "Posts: N", then the date line "DATE [edited DATE] [in CATEGORY]", then the text.
The page ends with "Sign In or Register to comment." / "Howdy, Stranger!" on guest views."""
from __future__ import annotations

import re

from ..errors import NotAThreadError
from ..records import Author, Post, Thread
from ..text.dump import dump_text, dump_tokens
from ..text.layout import name_like
from ..text.postbody import body_and_quotes
from ..text.profile import is_filler, joined_value, post_count
from ..text.repeats import SeenLines
from ..text.spans import find_date
from ..text.threadinfo import find_counts
from ..text.tidy import tidy_posts
from ..text.tokens import Token
from .base import Adapter

AFTER_DATE = re.compile(r"^[\s,·•|]*(?:edited\s*(?P<edited>.{0,40}?))?\s*(?:\bin\s+\S.{0,80})?$", re.I)
POSTS_INLINE = re.compile(r"\s*(?:posts|comments|discussions)\s*:\s*(?P<n>\d[\d,.]*k?)\s*", re.I)
END = re.compile(r"^(?:sign in or register to comment\.?|howdy, stranger!?|leave a comment|add a comment|"
                 r"post comment|quick links|back to (?:discussions|top)|comments|\d+ comments?|"
                 r"(?:quote|flag|like|insightful|awesome|lol|agree|disagree|abuse|spam|reply)"
                 r"(?:\s+(?:quote|flag|like|insightful|awesome|lol|agree|disagree|abuse|spam|reply))*)$", re.I)
VOCAB = re.compile(r"howdy, stranger|sign in or register to comment|powered by vanilla|vanilla forums|"
                   r"^\s*(?:[*•+]\s*)?(?:[A-Z][a-z]+ \d{4}|[A-Z][a-z]+ \d{1,2}(?:, \d{4})?(?: \d{1,2}:\d{2}[AP]M)?)"
                   r"(?: edited [^\n]{3,30})? in [^\n]{2,60}$|^\s*(?:[*•+]\s*)?comments\s*$", re.I | re.M)


class VanillaText(Adapter):
    name = "vanilla"
    format = "text"
    description = "Vanilla Forums discussions as text dumps"

    def detect(self, doc) -> float:
        head = dump_text(doc)[:300_000]
        words = {_word(m.group(0)) for m in VOCAB.finditer(head)}
        strong = words & {"howdy", "register to comment", "powered by vanilla", "vanilla forums"}
        if not strong or len(words) < 2:
            return 0.0
        return min(0.85, 0.45 + 0.1 * len(words))

    def parse(self, doc, ctx) -> Thread:
        tokens = dump_tokens(doc, ctx)
        anchors = [i for i, t in enumerate(tokens) if _date_line(t, ctx) and _name_above(tokens, i) is not None]
        if not anchors:
            raise NotAThreadError("no Vanilla post headers found")
        heads = [_header(tokens, a) for a in anchors]
        seen = SeenLines()
        posts = []
        for n, a in enumerate(anchors):
            start, name, rank, count, joined = heads[n]
            stop = heads[n + 1][0] if n + 1 < len(anchors) else len(tokens)
            raw = _date_line(tokens[a], ctx)
            body, quotes, edited = body_and_quotes(tokens[a + 1:stop], outdented_quotes=True, stop=_end,
                                                  base=_text_column(tokens, a, stop), seen=seen)
            seen.add(body)
            for quote in quotes:
                seen.add(quote.text)
            note = re.search(r"\bedited\b(?:\s+(?!in\b)\S+){0,4}", tokens[a].text[len(raw):], re.I)
            edited = edited or (note.group(0) if note else None)
            posts.append(Post(author=Author(name=name, rank=rank, post_count=count,
                                            joined=ctx.dates.parse(joined).iso() if joined else None),
                              timestamp=_timestamp(ctx, raw), timestamp_raw=raw, body=body, quotes=quotes,
                              edited=edited))
        first = heads[0][0]
        title = _title(tokens, first)
        views, replies = find_counts("\n".join(t.text for t in tokens[:first]))
        return Thread(title=title, views=views, reply_count=replies, posts=tidy_posts(posts, signatures=True))


def _text_column(tokens: list[Token], a: int, stop: int) -> int:
    """The column of the post's own text: that of its last line (quotes come first; renderers
    indent the text like the date line, or deeper)."""
    column = tokens[a].indent
    for tok in tokens[a + 1:stop]:
        if tok.kind == "blank" or tok.bullet:
            continue
        if _end(tok):
            break
        if tok.kind in ("body", "date"):
            column = tok.indent
    return column


def _word(text: str) -> str:
    low = text.lower()
    for key in ("howdy", "register to comment", "powered by vanilla", "vanilla forums", "comments"):
        if key in low:
            return key
    return "edited-in"


def _date_line(tok: Token, ctx) -> str | None:
    """The shown date of a post's date line ("January 2015 edited January 2015 in Other Games")."""
    if tok.kind == "blank" or len(tok.text) > 160:
        return None
    found = find_date(tok.text, ctx.dates)
    if found is None or found[1] != 0 or not AFTER_DATE.match(tok.text[found[2]:]):
        return None
    return tok.text[found[1]:found[2]].strip(" ,")


def _name_above(tokens: list[Token], a: int) -> int | None:
    """The author line above a date line: the name printed twice (avatar alt text and
    link), else the list item's first line, else the line above a "Posts: N" line, else the
    line right above the date."""
    lines = []
    j = a - 1
    while j >= 0 and len(lines) < 4:
        tok = tokens[j]
        if tok.kind != "blank" and not is_filler(tok.text):
            lines.append(j)
            if tok.bullet:
                break
        elif tok.kind == "blank" and tok.bullet:  # a bare bullet opens the item (w3m)
            break
        j -= 1
    valid = []
    for n, k in enumerate(lines):
        if not _is_name(tokens[k].text) or not all(_profile_line(tokens[m]) for m in lines[:n]):
            break
        valid.append(k)
    if not valid:
        return None
    for k in valid:
        text = POSTS_INLINE.sub(" ", tokens[k].text).strip()
        if _undouble_name(text) != text:
            return k
    bulleted = [k for k in valid if tokens[k].bullet]
    if bulleted:
        return bulleted[0]
    for n, k in enumerate(valid[1:], 1):
        if post_count(tokens[valid[n - 1]].text) is not None or POSTS_INLINE.search(tokens[valid[n - 1]].text):
            return k
    return valid[0]


def _is_name(text: str) -> bool:
    text = POSTS_INLINE.sub(" ", text).strip()
    return bool(text) and name_like(_undouble_name(text)) and post_count(text) is None


def _profile_line(tok: Token) -> bool:
    return tok.kind in ("stat", "stat_value", "status") or post_count(tok.text) is not None or bool(
        POSTS_INLINE.search(tok.text)) or (tok.kind == "body" and name_like(POSTS_INLINE.sub(" ", tok.text).strip()))


def _header(tokens: list[Token], a: int) -> tuple[int, str, str | None, int | None, str | None]:
    """(first token, name, rank, post count, joined) of the header above the date line at `a`."""
    start = _name_above(tokens, a)
    name = _undouble_name(POSTS_INLINE.sub(" ", tokens[start].text).strip())
    rank = count = joined = None
    for tok in tokens[start:a]:
        if tok.kind == "blank":
            continue
        m = POSTS_INLINE.search(tok.text)
        if m and m.group(0).lower().strip().startswith("posts"):
            count = post_count("Posts: " + m.group("n"))
        elif post_count(tok.text) is not None:
            count = post_count(tok.text)
        if joined_value(tok.text):
            joined = joined_value(tok.text)
        rest = POSTS_INLINE.sub(" ", tok.text).strip()
        if tok is not tokens[start] and rest and tok.kind == "body" and not is_filler(rest) and rank is None \
                and post_count(rest) is None:
            rank = rest
    return start, name, rank, count, joined


def _undouble_name(text: str) -> str:
    """"Cpt. Hill [Ret.]Cpt. Hill [Ret.]", "2Lt. Bergstrom 2Lt. Bergstrom": avatar alt and name."""
    half = len(text) // 2
    if len(text) % 2 == 0 and half > 1 and text[:half] == text[half:]:
        return text[:half]
    if len(text) % 2 == 1 and text[:half] == text[half + 1:] and text[half] == " ":
        return text[:half]
    return text


def _end(tok: Token) -> bool:
    return tok.kind in ("body", "nav", "button") and bool(END.match(tok.text))


def _timestamp(ctx, raw: str | None) -> str | None:
    if not raw:
        return None
    parsed = ctx.dates.parse(raw)
    # "January 2015" is no usable time for a post
    return parsed.iso() if parsed.precision not in ("month", "year", "none") else None


def _title(tokens: list[Token], first: int) -> str | None:
    """The heading right above the discussion's header (below the breadcrumb)."""
    for tok in reversed(tokens[:first]):
        if tok.kind == "blank":
            continue
        if tok.kind in ("body", "quote_header", "date") and not tok.bullet and "›" not in tok.text:
            return tok.text
        return None
    return None


ADAPTERS = (VanillaText,)
