"""MyBB threads as text: each post has a profile block (avatar, "NAME Offline", user title,
stars, group image, "Posts: N", "Threads: N", "Joined: Mon YYYY", "Reputation: N"), then the
post line ("RE: SUBJECT DATE #N" or the date and "Post: #N"), the text, and the buttons
("Email PM Find", "Reply Quote Report"). Quotes: "(DATE)NAME Wrote:" over an indented block."""
from __future__ import annotations

import re

from ..errors import NotAThreadError
from ..records import Author, Post, Thread
from ..text.dump import dump_text, dump_tokens
from ..text.postbody import body_and_quotes
from ..text.profile import is_filler, joined_value, post_count
from ..text.repeats import SeenLines
from ..text.spans import find_date
from ..text.threadinfo import find_counts, find_title
from ..text.tidy import tidy_posts
from ..text.tokens import STATUS_LINE, Token
from .base import Adapter

STAT = re.compile(r"^(?:posts|threads|joined|reputation|thanks?|thanked|currency|warning level|points|"
                  r"beiträge|themen|registriert seit|bewertung|messages|sujets|inscription|réputation|"
                  r"mensajes|temas|registrado|reputación)\s*:", re.I)
BUTTONS = re.compile(r"^(?:\[\+\]|[•*]|(?:(?:email|pm|website|find|reply|quote|report|like|unlike|edit|delete|warn|"
                     r"ip|thanks?|multi-?quote|quick edit|full edit|www|search|buddy|approve|unapprove|"
                     r"e-mail|antworten|zitieren|melden|suchen|répondre|citer|signaler|responder|citar|"
                     r"reportar|buscar)\b\s*)+)$", re.I)
EDIT_NOTE = re.compile(r"^\(?\s*this post was last modified:.*\)?$|^\(?\s*dieser beitrag wurde zuletzt bearbeitet.*$|"
                       r"^\(?\s*ce message a été modifié le.*$|^\(?\s*este mensaje fue modificado por última vez.*$",
                       re.I)
POSTNUM = re.compile(r"(?:post:\s*)?#\s?\d{1,7}\s*$", re.I)
SUBJECT = re.compile(r"^(?:re|aw|antw|rép)\s*:\s*(?P<s>.+)$", re.I)
QUOTE_HEAD = re.compile(r"^\((?P<date>[^)]{4,40})\)\s*(?P<author>.{1,60}?)\s+(?:wrote|schrieb|a écrit|escribió|"
                        r"ha scritto|escreveu|schreef|napisał|написал)\s*:\s*(?P<rest>.*)$", re.I)
TIME_REST = re.compile(r"^(?P<time>\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?)(?:\s+(?:post:\s*)?#\d+)?$", re.I)
STARS = re.compile(r"^(?:\*\s*)+$|^(?:\[(?:star|\*)\]\s*)+$", re.I)
STATUS = re.compile(r"\s+(?:offline|online|away|abwesend|hors ligne|en ligne|desconectado|conectado)$", re.I)
TABLE_HEAD = re.compile(r"^(?:author|message|autor|nachricht|auteur|mensaje)(?:\s+(?:message|nachricht|mensaje))?$",
                        re.I)
STATUS_ALONE = re.compile(r"^(?:offline|online|away|abwesend|hors ligne|en ligne)$", re.I)


class MyBBText(Adapter):
    name = "mybb"
    format = "text"
    description = "MyBB threads as text dumps"

    def detect(self, doc) -> float:
        head = dump_text(doc)[:300_000]
        stats = len(re.findall(r"^\s*Threads:\s*\d", head, re.M))
        buttons = len(re.findall(r"^\s*(?:Email\s+)?PM\s+(?:Website\s+)?Find\s*$|^\s*Reply\s+Quote(?:\s+Report)?\s*$",
                                 head, re.M))
        wrote = len(re.findall(r"^\s*\([^)]{4,40}\)\s*\S.{0,60}?\s+Wrote:", head, re.M))
        modified = "This post was last modified" in head
        powered = bool(re.search(r"powered by mybb", head, re.I))
        hits = (stats >= 1) + (buttons >= 1) + (wrote >= 1) + modified + powered
        if stats < 1 or hits < 2:
            return 0.0
        return min(0.9, 0.5 + 0.1 * hits)

    def parse(self, doc, ctx) -> Thread:
        tokens = dump_tokens(doc, ctx)
        blocks = _profiles(tokens)
        if not blocks:
            raise NotAThreadError("no MyBB profile blocks found")
        seen = SeenLines()
        posts = []
        subjects = []
        for n, (start, end) in enumerate(blocks):
            stop = blocks[n + 1][0] if n + 1 < len(blocks) else len(tokens)
            name, rank, count, joined = _profile(tokens[start:end + 1])
            head = _head(tokens, end + 1, stop, ctx)
            raw, subject = _post_line(tokens, head, stop, ctx)
            subjects.append(subject)
            first = head + 1 if raw or subject else head
            wrapped = next((j for j in range(first, stop) if tokens[j].kind != "blank"), None)
            if raw and wrapped is not None and TIME_REST.match(tokens[wrapped].text):
                raw = f"{raw} {TIME_REST.match(tokens[wrapped].text).group('time')}"  # the date line wrapped
                first = wrapped + 1
            while first < stop and (tokens[first].kind in ("blank", "postnum")
                                    or POSTNUM.fullmatch(tokens[first].text)):
                first += 1
            body_tokens = tokens[first:stop]
            edited = next((t.text.strip("() ") for t in body_tokens if EDIT_NOTE.match(t.text)), None)
            note = re.search(r"\(?(this post was last modified:[^)]*)\)?", tokens[head].text, re.I) \
                if head < stop else None
            edited = edited or (note.group(1) if note else None)
            body_tokens = [_quote_head(t) for t in body_tokens if not EDIT_NOTE.match(t.text)]
            body, quotes, _ = body_and_quotes(body_tokens, stop=_footer, seen=seen)
            seen.add(body)
            for quote in quotes:
                seen.add(quote.text)
            posts.append(Post(author=Author(name=name, rank=rank, post_count=count,
                                            joined=ctx.dates.parse(joined).iso() if joined else None),
                              timestamp=ctx.dates.iso(raw) if raw else None, timestamp_raw=raw, title=subject,
                              body=body, quotes=quotes, edited=edited))
        title = next((SUBJECT.match(s).group("s") if SUBJECT.match(s) else s for s in subjects if s), None)
        title = title or find_title(tokens, blocks[0][0])
        views, replies = find_counts("\n".join(t.text for t in tokens[:blocks[0][0]]))
        return Thread(title=title, views=views, reply_count=replies, posts=tidy_posts(posts, signatures=True))


def _is_stat(tok: Token) -> bool:
    return tok.kind != "blank" and bool(STAT.match(tok.text))


def _profiles(tokens: list[Token]) -> list[tuple[int, int]]:
    """(first, last) token of every profile block: a run of statistics and the short lines
    above it (name, title, stars, group)."""
    out = []
    i = 0
    while i < len(tokens):
        if not _is_stat(tokens[i]):
            i += 1
            continue
        last = i
        j = i + 1
        while j < len(tokens) and (_is_stat(tokens[j]) or tokens[j].kind == "blank" and j + 1 < len(tokens)
                                   and _is_stat(tokens[j + 1])):
            if _is_stat(tokens[j]):
                last = j
            j += 1
        start = i
        k = i - 1
        lines = 0
        while k >= 0 and lines < 8:
            tok = tokens[k]
            if tok.kind == "blank":  # "[]" image placeholders print as nothing
                k -= 1
                continue
            lines += 1
            if len(tok.text) > 60 or tok.text.endswith((".", "!", "?", ":")) and not STATUS_LINE.match(tok.text) \
                    or BUTTONS.match(tok.text) or TABLE_HEAD.match(tok.text) \
                    or tok.kind in ("rule", "nav") and not (STARS.match(tok.text) or is_filler(tok.text)) \
                    or EDIT_NOTE.match(tok.text):
                break
            start = k
            k -= 1
        out.append((start, last))
        i = j
    return out


def _profile(block: list[Token]) -> tuple[str | None, str | None, int | None, str | None]:
    lines = [t for t in block if t.kind != "blank" and not is_filler(t.text) and not STARS.match(t.text)
             and not STATUS_ALONE.match(t.text)]
    name = rank = joined = None
    count = None
    for n, tok in enumerate(lines):
        text = tok.text
        if _is_stat(tok):
            if post_count(text) is not None and count is None:
                count = post_count(text)
            if joined_value(text):
                joined = joined_value(text)
            continue
        if name is None:
            name = STATUS.sub("", text).strip() or text
            continue
        if rank is None and n == 1:
            rank = text
    return name, rank, count, joined


def _head(tokens: list[Token], start: int, stop: int, ctx) -> int:
    """The post line: the first line with a date after the profile (award names and badges
    may stand between), else the first line."""
    seen = 0
    first = None
    for j in range(start, stop):
        if tokens[j].kind == "blank":
            continue
        first = j if first is None else first
        if len(tokens[j].text) < 200 and find_date(tokens[j].text, ctx.dates):
            return j
        seen += 1
        if seen >= 4:
            break
    return first if first is not None else stop


def _post_line(tokens: list[Token], head: int, stop: int, ctx) -> tuple[str | None, str | None]:
    """(shown date, subject) of the line that opens the post text."""
    if head >= stop:
        return None, None
    text = tokens[head].text
    found = find_date(text, ctx.dates)
    if found is None:
        return None, None
    _, start, end, _ = found
    subject = text[:start].strip(" -|·") or None
    return text[start:end].strip(" ,"), subject


def _quote_head(tok: Token) -> Token:
    """"(03-06-2016, 10:55 PM)NAME Wrote: first words": a quote header with its date."""
    m = QUOTE_HEAD.match(tok.text)
    if not m:
        return tok
    return Token("quote_header", tok.text, tok.line, tok.indent, tok.bullet,
                 {"author": m.group("author").strip(), "rest": m.group("rest")})


def _footer(tok: Token) -> bool:
    return tok.kind in ("body", "button", "nav", "blank") and bool(BUTTONS.match(tok.text)) and tok.kind != "blank"


ADAPTERS = (MyBBText,)
