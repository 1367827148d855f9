"""XenForo 1 threads as text: each message ends with "NAME, DATE Report" (the author and
date line), then "#N + Quote Reply" and the rating buttons; above the text stand the name,
the user title and banner (often on one line: "NAME TITLE BANNER") and statistics
("Location:", "Messages:", "Likes Received:"). Quotes: "X said: ↑" down to "Click to expand...";
the signature sits between the text and the closing line, indented apart from the text."""
from __future__ import annotations

import re
from collections import Counter

from ..errors import NotAThreadError
from ..records import Author, Post, Thread
from ..text.dump import dump_text, dump_tokens
from ..text.postbody import body_and_quotes
from ..text.profile import is_stat, joined_value, post_count
from ..text.repeats import SeenLines
from ..text.spans import find_date
from ..text.threadinfo import find_counts, find_title
from ..text.tidy import tidy_posts
from ..text.tokens import Token
from .base import Adapter

BUTTONS = r"(?:report|bookmark|edit|delete|ip|warn|spam|history|info)"
FOOTER = re.compile(rf"^(?P<name>[^,]{{1,60}}),\s+(?P<rest>.+?)(?:\s+{BUTTONS})*\s*$", re.I)
# Staff banners printed after the user title
BANNER = re.compile(r"\s+(?:staff member|moderator|administrator|admin|super moderator|global moderator|"
                    r"councillor|developer|banned|premium(?: member)?|supporter|vip|retired staff)$", re.I)
POSTNUM_LINE = re.compile(r"^#\d+\b.*$|^(?:x\s?\d+\s*)+(?:list)?$|"
                          r"^(?:\+\s*)?(?:like|hugs|informative|insightful|funny|agree|disagree|winner|list|"
                          r"undo rating|quote|reply)\b.*$", re.I)
STARTED = re.compile(r"^(?:discussion in\s+'.{1,80}'\s+)?started by\s+\S.{0,60},\s+\S|"
                     r"^discussion in\s+'.{1,80}'\s+started by\s*$", re.I)  # or wrapped after "started by"
EXPAND = re.compile(r"^click to expand\.*", re.I)
ITEM = re.compile(r"^\d{1,4}\.\s+")
NAV = re.compile(r"^(?:<<\s*index\s*>>|<<\s*prev.*|.*next\s*>>|threadmarks?:.*)$", re.I)


class XenForoText(Adapter):
    name = "xenforo"
    format = "text"
    description = "XenForo 1 threads as text dumps ('NAME, DATE Report' closing lines)"

    def detect(self, doc) -> float:
        head = dump_text(doc)[:400_000]
        # the name starts at the first non-blank: padded blank lines (inscriptis) backtrack no further
        closes = len(re.findall(rf"^[ \t]*[^,\s][^,\n]{{0,59}}, [^\n]{{4,40}}?\s+{BUTTONS}(?:\s+{BUTTONS})*"
                                rf"\s*\n\s*#\d+", head, re.M | re.I))
        expand = "Click to expand" in head
        if closes >= 2 or closes >= 1 and expand:
            return 0.8
        return 0.0

    def parse(self, doc, ctx) -> Thread:
        tokens = dump_tokens(doc, ctx)
        anchors = []
        for i, tok in enumerate(tokens):
            m = FOOTER.match(tok.text) if tok.kind != "blank" and len(tok.text) < 140 else None
            if m and _date_first(m.group("rest"), ctx) and _numbered_next(tokens, i):
                anchors.append((i, m))
        if not anchors:
            raise NotAThreadError("no XenForo 1 message footers found")
        seen = SeenLines()
        posts = []
        start = _first_start(tokens, anchors[0][0], anchors[0][1].group("name").strip())
        messages = []
        for a, m in anchors:
            region = tokens[start:a]
            start = _after_footer(tokens, a)
            name = m.group("name").strip()
            messages.append((a, m, name, region, _profile(region, name)))
        # the column of the text: where most messages' first line (after a quote box) starts
        columns = Counter(_text_start(region[prof[0]:]).indent for _, _, _, region, prof in messages
                          if _text_start(region[prof[0]:]) is not None)
        column = columns.most_common(1)[0][0] if columns else 0
        for _a, m, name, region, (head_end, rank, count, joined, location) in messages:
            text = _drop_signature(region[head_end:], column)
            body, quotes, edited = body_and_quotes(text, indented_quotes=False, seen=seen)
            seen.add(body)
            for quote in quotes:
                seen.add(quote.text)
            edited = edited or next((t.text for t in region[head_end:] if t.kind == "edit"), None)
            raw = _date_first(m.group("rest"), ctx)
            posts.append(Post(author=Author(name=name, rank=rank, post_count=count, location=location,
                                            joined=ctx.dates.parse(joined).iso() if joined else None),
                              timestamp=ctx.dates.iso(raw), timestamp_raw=raw, body=body, quotes=quotes,
                              edited=edited))
        first = _first_start(tokens, anchors[0][0], anchors[0][1].group("name").strip())
        views, replies = find_counts("\n".join(t.text for t in tokens[:first]))
        return Thread(title=_title(tokens, first), views=views, reply_count=replies,
                      posts=tidy_posts(posts, signatures=True))


def _title(tokens: list[Token], first: int) -> str | None:
    """The heading above "Discussion in 'FORUM' started by NAME, DATE."."""
    for j, tok in enumerate(tokens[:first]):
        if STARTED.match(tok.text):
            above = next((t for t in reversed(tokens[:j]) if t.kind != "blank"), None)
            if above is not None:
                return above.text
    return find_title(tokens, first)


def _date_first(text: str, ctx) -> str | None:
    found = find_date(text, ctx.dates)
    if found is None or found[1] > 2:
        return None
    return text[found[1]:found[2]].strip(" ,")


def _numbered_next(tokens: list[Token], i: int) -> bool:
    """The closing line is followed by the message number ("#1326 + Quote Reply"), maybe
    after its buttons wrapped onto the next line."""
    for tok in [t for t in tokens[i + 1:i + 6] if t.kind != "blank"][:3]:
        if tok.text.startswith("#"):
            return True
        if not re.fullmatch(rf"(?:{BUTTONS}\s*)+", tok.text, re.I):
            return False
    return False


def _after_footer(tokens: list[Token], a: int) -> int:
    j = a + 1
    while j < len(tokens) and (tokens[j].kind in ("blank", "postnum", "button", "nav")
                               or POSTNUM_LINE.match(tokens[j].text)):
        j += 1
    return j


def _first_start(tokens: list[Token], first_footer: int, name: str | None = None) -> int:
    """The first message starts at the numbered item above it ("1. NAME"), else at its
    author's name line ("NAME" or "NAME TITLE"), else after the last navigation line."""
    items = [j for j in range(first_footer) if ITEM.match(tokens[j].text) or tokens[j].kind == "body"
             and re.match(r"^\d{1,4}\.$", tokens[j].text)]
    if items:
        return items[-1]
    if name:
        named = [j for j in range(first_footer) if tokens[j].text == name or tokens[j].text.startswith(name + " ")
                 and len(tokens[j].text) <= 80 and not re.search(r"[.:!?]", tokens[j].text[len(name):])]
        if named:
            return named[-1]
    return max((j + 1 for j in range(first_footer) if tokens[j].kind == "nav"), default=0)


def _profile(region: list[Token], name: str):
    """(index where the text starts, rank, post count, joined, location) of a message."""
    rank = count = joined = location = None
    end = 0
    seen_name = False
    for k, tok in enumerate(region):
        if tok.kind == "blank":
            continue
        text = ITEM.sub("", tok.text)
        if NAV.match(text):
            end = k + 1
            continue
        if text == name:
            seen_name = True
            end = k + 1
            continue
        if text.startswith(name + " ") and not seen_name or text.startswith(name + " ") and rank is None:
            title = BANNER.sub("", text[len(name):].strip())
            rank = title if title and not BANNER.match(" " + text[len(name):].strip()) else None
            seen_name = True
            end = k + 1
            continue
        if tok.kind in ("stat", "stat_value") or is_stat(text):
            count = count if count is not None else post_count(text)
            joined = joined or joined_value(text)
            if tok.kind == "stat" and tok.data.get("field") == "location" and tok.data.get("value"):
                location = tok.data["value"]
            end = k + 1
            continue
        if tok.kind == "stat_value":
            end = k + 1
            continue
        if seen_name and rank is None and k == end and tok.kind == "body" and len(text) <= 60 \
                and not text.endswith((".", "!", "?", ":", "↑")):
            rank = BANNER.sub("", text) or None  # the title on its own line below the name
            end = k + 1
            continue
        break
    return end, rank, count, joined, location


def _text_start(region: list[Token]) -> Token | None:
    """The text's first line after any leading quote box."""
    in_quote = False
    for tok in region:
        if tok.kind == "blank":
            continue
        if tok.kind == "quote_header":
            in_quote = True
        elif in_quote:
            in_quote = not EXPAND.match(tok.text)
        else:
            return tok
    return None


def _drop_signature(region: list[Token], column: int) -> list[Token]:
    """The lines right above the closing line that are not at the text's column: the
    signature (and the edit note among them)."""
    end = len(region)
    while end > 0 and (region[end - 1].kind == "blank" or region[end - 1].indent != column
                       or region[end - 1].kind == "edit"):
        end -= 1
    return region[:end] if end else region


ADAPTERS = (XenForoText,)
