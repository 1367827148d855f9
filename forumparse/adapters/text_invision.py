"""Invision (IP.Board 3, Invision Community 4) topics as text: every post has a "Posted DATE"
line; the author card (name, user title, group, "N posts") stands around it, above it or
between it and the text depending on the theme; "X likes this", "Share this post" and a rule
close the post."""
from __future__ import annotations

import re
from collections import Counter

from ..errors import NotAThreadError
from ..records import Author, Post, Thread
from ..text.dump import dump_text, dump_tokens
from ..text.postbody import body_and_quotes
from ..text.profile import GROUP, PLACEHOLDER, TITLE_WORDS, is_filler, is_stat, joined_value, name_slot, post_count
from ..text.repeats import SeenLines
from ..text.threadinfo import find_counts, find_title
from ..text.tidy import tidy_posts
from ..text.tokens import Token
from .base import Adapter

# "Posted 07 December 2015 - 12:15 AM", "Posted December 7, 2015 (edited)"
POSTED = re.compile(r"^(?:posted|geschrieben|publié|publicado|pubblicato|опубликовано)\b(?:\s*(?:on|am|le)\b)?"
                    r"\s*(?:\((?:edited|bearbeitet|modifié|editado)\)|·|\|)?\s*$", re.I)
# Lines that end a post's text: reactions, sharing, the similar-topics box, the reply counter.
FOOTER = re.compile(r"^(?:.{1,200}\s(?:likes?|like) this|.{1,100}\breacted to this|share this post|link to post|"
                    r"report post|report|quote|multiquote|back to top|similar topics\b.*|replies\s*\(\d+\)|"
                    r"\d+ (?:replies|comments) to this topic|reply to this topic|reply to quoted posts.*|"
                    r"recently browsing this topic.*|\d+ user\(s\) are reading this topic|go to topic listing|"
                    r"back to .{1,80}· next unread topic.*|(?:edited|bearbeitet) by .*|"
                    r"edited\s.{1,40}\sby\s.{1,60})$", re.I)
# Topic and card lines that are no author, title or group.
UI = re.compile(r"^(?:please log in to reply|by\s+\S.*|started by\s+\S.*|\d[\d,.]*\s+(?:replies|views|followers?)|"
                r"followers?\s*\d*|.*\bposts? (?:on|in) this topic|member|members|online|offline|"
                r"(?:share|report|quote|multiquote|reply|edit|options)(?:\s+post)?)$", re.I)
VOCAB = re.compile(r"^\s*(?:[•*]\s*)?posted\s+\S.{4,40}$|\bN?\d[\d,]*\s+posts\s*$|\blikes? this\b|"
                   r"report post|share this post|similar topics|replies to this topic|reply to quoted posts|"
                   r"\bip\.board\b|invision (?:community|power)", re.I | re.M)
EDITED = re.compile(r"^(?:edited|bearbeitet)\b.{0,80}\bby\b", re.I)
CARD_LINE = re.compile(r"^(?P<rest>\S.{0,80}?)\s+(?P<count>\d[\d,.]*\s+posts?)$", re.I)
GROUP_END = re.compile(r"\s+(members|registered(?:\s+\w+)?|administrators?|moderators?|global moderators?|"
                       r"super moderators?|banned|validating|vip(?: members)?|premium(?: members)?)$", re.I)
MAX_CARD = 10  # lines in an author card, at most


class InvisionText(Adapter):
    name = "invision"
    format = "text"
    description = "IP.Board 3 and Invision Community 4 topics as text dumps"

    def detect(self, doc) -> float:
        head = dump_text(doc)[:300_000]
        posted = len(re.findall(r"^\s*(?:[•*]\s*)?Posted\s+(?:\d|today|yesterday|[A-Z][a-z]{2,8}\s+\d)", head, re.M))
        if posted < 1:
            return 0.0
        words = {m.group(0).lower().strip("• *") for m in VOCAB.finditer(head)}
        counts = len(re.findall(r"^\s*(?:[•*]\s*)?\d[\d,]*\s+posts\s*$", head, re.M))
        hits = sum(1 for w in words if not w.startswith("posted") and not w[0].isdigit()) + (counts >= 1)
        if hits < 2:
            return 0.0
        return min(0.85, 0.45 + 0.1 * hits)

    def parse(self, doc, ctx) -> Thread:
        tokens = dump_tokens(doc, ctx)
        anchors = [i for i, t in enumerate(tokens) if t.kind == "date" and POSTED.match(t.data["residual"])]
        if not anchors:
            raise NotAThreadError("no 'Posted DATE' lines found")
        cards = [_card(tokens, a, anchors[n - 1] if n else -1) for n, a in enumerate(anchors)]
        cards = _trim(tokens, cards)
        slots = [_slots(tokens, a, start, end) for a, (start, end) in zip(anchors, cards)]
        key = name_slot([s for s, _ in slots])
        rank_key = _rank_slot([s for s, _ in slots], key)
        seen = SeenLines()
        posts = []
        for n, a in enumerate(anchors):
            start, end = cards[n]
            stop = cards[n + 1][0] if n + 1 < len(anchors) else len(tokens)
            named, info = slots[n]
            body, quotes, edited = body_and_quotes(tokens[end + 1:stop], stop=_footer, seen=seen)
            seen.add(body)
            for quote in quotes:
                seen.add(quote.text)
            edited = edited or next((t.text for t in tokens[end + 1:stop] if EDITED.match(t.text)), None)
            name = named.get(key)
            rank = named.get(rank_key) if rank_key is not None else None
            author = Author(name=name, rank=rank or info.get("group"), post_count=info.get("posts"),
                            joined=_joined(ctx, info.get("joined"))) if name else None
            date = tokens[a].data["date"]
            posts.append(Post(author=author, timestamp=date.iso(), timestamp_raw=tokens[a].data["raw"], body=body,
                              quotes=quotes, edited=edited or _edit_mark(tokens[a].data["residual"])))
        head = "\n".join(t.text for t in tokens[:anchors[0]])  # the topic counters may stand in the card run
        views, replies = find_counts(head)
        return Thread(title=_title(tokens, cards[0][0], posts), views=views, reply_count=replies,
                      posts=tidy_posts(posts, signatures=True))


def _edit_mark(residual: str) -> str | None:
    m = re.search(r"\((edited|bearbeitet|modifié|editado)\)", residual, re.I)
    return m.group(1) if m else None


def _title(tokens: list[Token], first: int, posts: list[Post]) -> str | None:
    """The topic heading: the line above "by NAME" (the starter), else the heading above the
    first post; a heading that runs on into "by NAME DATE" (joined lines) is cut there."""
    for j in range(first):
        if re.match(r"^by\s+\S", tokens[j].text, re.I):
            above = next((t for t in reversed(tokens[:j]) if t.kind != "blank"), None)
            if above is not None and above.kind in ("body", "date") and not above.bullet:
                return above.text
    title = find_title(tokens, first)
    starter = posts[0].author.name if posts and posts[0].author else None
    if title and starter:
        title = re.split(rf"\s+by\s+{re.escape(starter)}\b", title)[0]
    return title


def _footer(tok: Token) -> bool:
    return tok.kind in ("body", "button", "edit", "date") and bool(FOOTER.match(tok.text)) or tok.kind == "rule"


def _card_line(tok: Token) -> bool:
    if tok.kind in ("blank", "nav", "postnum", "button", "status", "stat", "stat_value"):
        return True
    if tok.kind in ("body", "nav") and PLACEHOLDER.match(tok.text):
        return True  # an image's placeholder, however long
    if tok.kind != "body" or len(tok.text) > 60 or len(tok.text.split()) > 9 or FOOTER.match(tok.text):
        return False
    return not tok.text.endswith((".", "!", "?", ":", ";", ",")) or is_filler(tok.text)


def _card(tokens: list[Token], a: int, prev: int) -> tuple[int, int]:
    """(first, last) token index of the author card around the "Posted" line at `a`."""
    start = a
    j = a - 1
    while j > prev and _card_line(tokens[j]) and a - j <= 3 * MAX_CARD:
        if tokens[j].kind != "blank":
            start = j
        j -= 1
    end = a
    j = a + 1
    while j < len(tokens) and (tokens[j].kind in ("blank", "nav", "postnum", "button", "status", "stat", "stat_value")
                               or tokens[j].kind == "body" and (tokens[j].bullet or is_stat(tokens[j].text))
                               and _card_line(tokens[j])):
        if tokens[j].kind != "blank":
            end = j
        j += 1
    return start, end


def _trim(tokens: list[Token], cards: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Cards hold about as many lines above the date as most do: a card with more took
    short closing lines of the post above; give them back."""
    above = [[j for j in range(s, e + 1) if tokens[j].kind == "body" and not is_filler(tokens[j].text)
              and not UI.match(tokens[j].text)] for s, e in cards]
    counts = Counter(len(x) for x in above)
    if len(cards) < 3 or not counts:
        return cards
    usual = max(counts)  # the fullest card seen twice or more
    repeated = [c for c, n in counts.items() if n >= 2]
    usual = max(repeated) if repeated else usual
    out = []
    for (s, e), found in zip(cards, above):
        if len(found) > usual:
            s = found[len(found) - usual]
        out.append((s, e))
    return out


def _slots(tokens: list[Token], a: int, start: int, end: int) -> tuple[dict, dict]:
    """({slot: text}, {statistic: value}) of a card; slots count away from the date line
    (-1 right above it, 1 right below it)."""
    named: dict = {}
    info: dict = {}
    for side, indexes in ((-1, range(a - 1, start - 1, -1)), (1, range(a + 1, end + 1))):
        n = 0
        for j in indexes:
            tok = tokens[j]
            if tok.kind not in ("body", "stat", "status") or not tok.text:
                continue
            text = tok.text
            count = post_count(text)
            if count is not None:
                info.setdefault("posts", count)
                continue
            joined_card = CARD_LINE.match(text)
            if joined_card:  # "NAME GROUP N posts" on one line (dumps that join the card's lines)
                info.setdefault("posts", post_count(joined_card.group("count")))
                text = joined_card.group("rest")
                group = GROUP_END.search(text)
                if group and group.start() > 0:
                    info.setdefault("group", group.group(1))
                    text = text[:group.start()]
            if joined_value(text):
                info.setdefault("joined", joined_value(text))
                continue
            if tok.kind != "body" or is_stat(text) or is_filler(text) or UI.match(text) or PLACEHOLDER.match(text):
                continue
            if GROUP.match(text):
                info.setdefault("group", text)
                continue
            n += 1
            named[side * n] = text
    return named, info


def _rank_slot(slots: list[dict], key) -> object | None:
    others = Counter(k for s in slots for k in s if k != key)
    if not others:
        return None

    def score(k):
        values = [s[k] for s in slots if k in s]
        titled = sum(1 for v in values if TITLE_WORDS.search(v)) / len(values)
        return others[k] / len(slots) + 0.5 * titled - 0.1 * abs(k - (key or 0))

    return max(others, key=score)


def _joined(ctx, raw: str | None) -> str | None:
    return ctx.dates.parse(raw).iso() if raw else None


ADAPTERS = (InvisionText,)
