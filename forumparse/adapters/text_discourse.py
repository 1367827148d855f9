"""Discourse topics as text (the server-rendered crawler view, what text browsers get): the
title, the category, then per post "USERNAME [(Full Name)] DATE #N", the text and "N Likes".
Quotes are "USERNAME:" over an indented block; emoji print as ":name:"."""
from __future__ import annotations

import re

import attrs

from ..errors import NotAThreadError
from ..records import Author, Post, Thread
from ..text.dump import dump_text, dump_tokens
from ..text.postbody import body_and_quotes
from ..text.repeats import SeenLines
from ..text.spans import find_date
from ..text.threadinfo import find_title
from ..text.tidy import tidy_posts
from ..text.tokens import Token
from .base import Adapter

HEADER = re.compile(r"^(?P<name>[\w.\-]{1,60})(?:\s+\((?P<full>[^()]{1,80})\))?\s+(?P<date>\S.{3,60}?)"
                    r"\s+#(?P<n>\d{1,6})$")
LIKES = re.compile(r"^\d[\d,.]*k?\s+likes?$|^next page\s*→?$|^← previous page$|^home categories\b.*|"
                   r"^powered by discourse\b.*|^related topics$|^reply$", re.I)
QUOTE_NAME = re.compile(r"^(?P<author>[\w.\-]{1,60}):$")
CAPTION = re.compile(r"^\S{1,120}\.(?:png|jpe?g|gif|webp)\s*\d+\s*[×x]\s*\d+\s+[\d.]+\s*[KMG]?B$|^\[[0-9a-f_x]{12,}\]$",
                     re.I)
NAME_LINE = re.compile(r"^[\w.\-]{1,60}(?:\s+\([^()]{1,80}\))?$")
DATE_NUM = re.compile(r"^\S.{3,60}?\s+#\d{1,6}$")
EMOJI = re.compile(r"(?<!\S):[a-z0-9_+\-]{2,40}:(?!\S)")


class DiscourseText(Adapter):
    name = "discourse"
    format = "text"
    description = "Discourse topics (crawler view) as text dumps"

    def detect(self, doc) -> float:
        head = dump_text(doc)[:400_000]
        headers = len(re.findall(r"^\s*[\w.\-]{1,60}(?:\s+\([^()\n]{1,80}\))?\s+[A-Z][a-z]+ \d{1,2}, \d{4}"
                                 r"(?:, \d{1,2}:\d{2}\s?[ap]m)?\s+#\d+\s*$", head, re.M))
        powered = "Powered by Discourse" in head
        likes = bool(re.search(r"^\s*\d+ Likes?\s*$", head, re.M))
        if headers >= 1 and (powered or likes):
            return 0.9 if powered else 0.7
        return 0.0

    def parse(self, doc, ctx) -> Thread:
        tokens = dump_tokens(doc, ctx)
        anchors = _headers(tokens, ctx)
        if not anchors:
            raise NotAThreadError("no Discourse post headers found")
        seen = SeenLines()
        posts = []
        for n, (_first, a, name, raw) in enumerate(anchors):
            stop = anchors[n + 1][0] if n + 1 < len(anchors) else len(tokens)
            lines = [_quote_name(tokens, j) for j in range(a + 1, stop)]
            lines = [t for t in lines if not CAPTION.match(t.text)]
            body, quotes, edited = body_and_quotes(lines, stop=_end, seen=seen, base=tokens[a].indent)
            seen.add(body)
            for quote in quotes:
                seen.add(quote.text)
            body = "\n".join(" ".join(EMOJI.sub(" ", line).split()) if line.strip() else ""
                             for line in body.split("\n")).strip()
            posts.append(Post(author=Author(name=name), timestamp=ctx.dates.iso(raw), timestamp_raw=raw,
                              body=re.sub(r"\n{3,}", "\n\n", body), quotes=quotes, edited=edited))
        return Thread(title=_title(tokens, anchors[0][0]), posts=tidy_posts(_drop_edit_times(posts)))


def _headers(tokens: list[Token], ctx) -> list[tuple[int, int, str, str]]:
    """(first and last header token, username, shown date) of every post: "NAME (Full) DATE #N" on one
    line, or cut by the renderer into "NAME" / "DATE #N" or "NAME DATE" / "#N"."""
    found = []
    content = [i for i, t in enumerate(tokens) if t.kind != "blank"]
    for k, i in enumerate(content):
        text = tokens[i].text
        nxt = content[k + 1] if k + 1 < len(content) else None
        prev = content[k - 1] if k else None
        candidates = [(text, i, i)]
        if nxt is not None and len(tokens[nxt].text) <= 40 and re.search(r"(?:^|\s)#\d{1,6}$", tokens[nxt].text):
            candidates.append((text + " " + tokens[nxt].text, i, nxt))
        if prev is not None and NAME_LINE.match(tokens[prev].text) and DATE_NUM.match(text):
            candidates.append((tokens[prev].text + " " + text, prev, i))
        for joined, first, last in candidates:
            m = HEADER.match(joined)
            date = find_date(m.group("date"), ctx.dates) if m else None
            if date and date[1] == 0 and (not found or found[-1][1] < first):
                found.append((first, last, m.group("name"), m.group("date").strip(" ,")))
                break
    return found


def _drop_edit_times(posts: list[Post]) -> list[Post]:
    """The crawler view shows when a post was last changed: a time later than the next
    post's is an edit time, not when the post was made."""
    out = []
    for n, post in enumerate(posts):
        nxt = posts[n + 1].timestamp if n + 1 < len(posts) else None
        if post.timestamp and nxt and post.timestamp[:16] > nxt[:16]:
            post = attrs.evolve(post, timestamp=None)
        out.append(post)
    return out


def _quote_name(tokens: list[Token], j: int) -> Token:
    """"● kazlauskis:" above an indented block: the header of a quote box."""
    tok = tokens[j]
    m = QUOTE_NAME.match(tok.text) if tok.kind == "body" else None
    if not m:
        return tok
    nxt = next((t for t in tokens[j + 1:j + 5] if t.kind != "blank"), None)
    if nxt is None or nxt.indent <= tok.indent:
        return tok
    return Token("quote_header", tok.text, tok.line, tok.indent, None, {"author": m.group("author")})


def _end(tok: Token) -> bool:
    return bool(LIKES.match(tok.text))


def _title(tokens: list[Token], first: int) -> str | None:
    """The heading above the category line (a single word or two) above the first post."""
    content = [t for t in tokens[:first] if t.kind != "blank"]
    if len(content) >= 2 and len(content[-1].text.split()) <= 3 and len(content[-2].text) > len(content[-1].text):
        return content[-2].text
    return find_title(tokens, first)


ADAPTERS = (DiscourseText,)
