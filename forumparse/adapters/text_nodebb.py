"""NodeBB topics as text: each post opens with the avatar (a picture or the name's first letter),
then "NAME [GROUP BADGE] [wrote on DATE] last edited by [EDITOR] [@REPLY-TO]", the text, and
closes with "Reply Quote N" (the vote count) and "N Reply Last reply". Quotes are
"@X said in TOPIC:" over an indented block."""
from __future__ import annotations

import re

import attrs

from ..errors import NotAThreadError
from ..numbers import parse_count
from ..records import Author, Post, Thread
from ..text.dump import dump_text, dump_tokens
from ..text.postbody import body_and_quotes
from ..text.repeats import SeenLines
from ..text.spans import find_date
from ..text.threadinfo import find_title
from ..text.tidy import tidy_posts
from ..text.tokens import Token
from .base import Adapter

# The post header: the editor note is printed (hidden or not) on every post of the classic themes.
HEADER = re.compile(r"^(?P<head>\S.{0,120}?)\s+(?:(?:wrote|posted|replied)\s+(?:on\s+)?(?P<date>.{4,60}?)\s*)?"
                    r"(?:last edited by\b(?P<tail>.*))$", re.I)
WROTE = re.compile(r"^(?P<head>\S.{0,80}?)\s+(?:wrote|posted|replied)\s+(?:on\s+)?(?P<date>.{4,60}?)\s*$", re.I)
FOOTER = re.compile(r"^(?:reply\s+quote(?:\s+-?\d+)?(?:\s.*\blast reply.*)?|quote\s+reply(?:\s+-?\d+)?|"
                    r"(?:\S+\s+)?\d+\s+repl(?:y|ies)\s+"
                    r"last reply.*|\d+\s+repl(?:y|ies)|last reply|loading more posts|"
                    r".{1,40}\bcreated this issue in\b.*)$", re.I)
VOCAB = re.compile(r"last edited by|\bsaid in\b.{1,120}:\s*$|reply\s+quote\s+-?\d+|\d+\s+repl(?:y|ies)\s+last reply|"
                   r"loading more posts|nodebb", re.I | re.M)
STAT_PAIR = re.compile(r"^\s*(?P<n>\d[\d,.]*)\s*\n\s*(?P<label>views|posts)\s*$", re.I | re.M)


class NodeBBText(Adapter):
    name = "nodebb"
    format = "text"
    description = "NodeBB topics as text dumps"

    def detect(self, doc) -> float:
        head = dump_text(doc)[:300_000]
        words = {_kind(m.group(0)) for m in VOCAB.finditer(head)}
        if "last edited by" not in words or len(words) < 2:
            return 0.0
        return min(0.9, 0.5 + 0.1 * len(words))

    def parse(self, doc, ctx) -> Thread:
        tokens = dump_tokens(doc, ctx)
        tokens = _join_wrapped_headers(tokens)
        anchors = [i for i, t in enumerate(tokens) if t.kind != "blank" and HEADER.match(t.text)]
        if not anchors:
            anchors = [i for i, t in enumerate(tokens) if t.kind != "blank" and WROTE.match(t.text)
                       and find_date(WROTE.match(t.text).group("date"), ctx.dates)]
        if not anchors:
            raise NotAThreadError("no NodeBB post headers found")
        seen = SeenLines()
        posts = []
        starts = [_avatar_line(tokens, a) for a in anchors]
        for n, a in enumerate(anchors):
            stop = starts[n + 1] if n + 1 < len(anchors) else _page_end(tokens, a)
            name, rank = _author(tokens, a, starts[n])
            date_raw = _date_text(tokens[a].text, ctx)
            timestamp = ctx.dates.iso(date_raw) if date_raw else None
            body, quotes, _ = body_and_quotes([t for t in tokens[a + 1:stop] if t.kind != "rule"],
                                              indented_quotes=False, stop=_footer, seen=seen)
            seen.add(body)
            for quote in quotes:
                seen.add(quote.text)
            quotes = tuple(attrs.evolve(q, author=q.author.lstrip("@")) if q.author else q for q in quotes)
            header = HEADER.match(tokens[a].text)
            # "last edited by NAME": an editor is named; "@X" alone is the post it replies to
            editor = re.sub(r"@\S+", "", header.group("tail") or "").strip() if header else ""
            edited = f"last edited by {editor}" if editor else None
            posts.append(Post(author=Author(name=name, rank=rank) if name else None, timestamp=timestamp,
                              timestamp_raw=date_raw, body=body, quotes=quotes, edited=edited))
        views = _stat(dump_text(doc), "views")
        return Thread(title=find_title(tokens, starts[0]), views=views, posts=tidy_posts(posts))


def _join_wrapped_headers(tokens: list[Token]) -> list[Token]:
    """"NAME GROUP" / "last edited by X": a header the renderer broke before its editor note."""
    out = list(tokens)
    for i, tok in enumerate(tokens):
        if tok.kind == "blank" or not re.match(r"^last edited by\b", tok.text, re.I):
            continue
        j = i - 1
        while j >= 0 and out[j].kind == "blank":
            j -= 1
        if j >= 0 and len(out[j].text) <= 80 and "last edited by" not in out[j].text.lower():
            prev = out[j]
            out[j] = Token("body", f"{prev.text} {tok.text}", prev.line, prev.indent, prev.bullet)
            out[i] = Token("blank", "", tok.line, tok.indent, None)
    return out


def _kind(word: str) -> str:
    word = word.lower()
    for key in ("last edited by", "said in", "reply", "loading", "nodebb"):
        if key in word:
            return key
    return word


def _footer(tok: Token) -> bool:
    return bool(FOOTER.match(tok.text)) or tok.kind == "button" and tok.text.lower().startswith(("reply", "quote"))


def _avatar_line(tokens: list[Token], a: int) -> int:
    """The avatar line above a header: the name, or its first letter."""
    j = a - 1
    while j >= 0 and tokens[j].kind == "blank":
        j -= 1
    if j >= 0 and tokens[j].kind == "body" and len(tokens[j].text) <= 40 and tokens[a].text.lower().startswith(
            tokens[j].text.lower()[:1]):
        return j
    return a


def _author(tokens: list[Token], a: int, avatar: int) -> tuple[str | None, str | None]:
    head = HEADER.match(tokens[a].text) or WROTE.match(tokens[a].text)
    text = head.group("head").strip()
    shown = tokens[avatar].text.strip() if avatar != a else ""
    if len(shown) > 1 and (text == shown or text.startswith(shown + " ")):
        name = shown
    else:
        name = text.split()[0]
    rank = text[len(name):].strip() or None
    if rank:
        found = re.search(r"\s{2,}", rank)
        rank = rank[:found.start()] if found else rank
    return name, rank


def _date_text(line: str, ctx) -> str | None:
    found = find_date(line, ctx.dates)
    if found is None:
        return None
    _, start, end, _ = found
    return line[start:end].strip(" ,-@")


def _page_end(tokens: list[Token], a: int) -> int:
    """The last post ends at the page's own counters or the suggested topics."""
    for j in range(a + 1, len(tokens)):
        if tokens[j].kind in ("body", "nav") and re.match(r"^(?:loading more posts|suggested topics|"
                                                           r"log in to reply|reply as topic)$", tokens[j].text, re.I):
            return j
    return len(tokens)


def _stat(text: str, label: str) -> int | None:
    """"1041 / Views" as two lines, outside the suggested-topics list."""
    cut = re.search(r"^\s*suggested topics\s*$", text, re.I | re.M)
    head = text[:cut.start()] if cut else text
    for m in STAT_PAIR.finditer(head):
        if m.group("label").lower() == label:
            return parse_count(m.group("n"), allow_abbrev=False)
    m = re.search(rf"(?<![\w.,])(\d[\d,]*)\s+{label}\b", head, re.I)
    return parse_count(m.group(1), allow_abbrev=False) if m else None


ADAPTERS = (NodeBBText,)
