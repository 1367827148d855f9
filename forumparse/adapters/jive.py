"""Jive (Clearspace / Jive SBS) text dumps: "NAME RANK N posts since DATE" headers."""
from __future__ import annotations

import re

from ..records import Author, LatestReply, Post, Thread
from ..text.tokens import Token, paragraphs, tokenize
from .base import Adapter

VOCAB = re.compile(r"posts? since|currently being moderated|latest reply:|more like this|retrieving data", re.I)


class JiveText(Adapter):
    name = "jive"
    format = "text"
    description = "Jive / Clearspace forum threads as text dumps"

    def detect(self, doc) -> float:
        head = doc.text[:200_000]
        hits = {m.group(0).lower() for m in VOCAB.finditer(head)}
        if not any(h.startswith("post") for h in hits):
            return 0.0
        return min(1.0, 0.5 + 0.15 * len(hits))

    def parse(self, doc, ctx) -> Thread:
        tokens = tokenize(doc.text, ctx.dates)
        thread_stats = next((t for t in tokens if t.kind == "thread_stats"), None)
        starts = [i for i, t in enumerate(tokens) if t.kind == "user_stats"]
        posts = []
        title = None
        for n, start in enumerate(starts):
            end = starts[n + 1] if n + 1 < len(starts) else len(tokens)
            author = self._author(tokens[start], ctx)
            segment = _trim_trailer(tokens[start + 1:end], last=n + 1 == len(starts))
            # the post's own date comes before its first line of text
            first_text = next((i for i, t in enumerate(segment) if t.kind == "body"), len(segment))
            timestamp_tok = next((t for t in segment[:first_text] if t.kind == "date"), None)
            rest = [t for t in segment if t is not timestamp_tok]
            if n == 0:  # the thread starter carries the thread title above its body
                title, rest = _take_title(rest)
            body = paragraphs([t for t in rest if t.kind in ("body", "blank", "quote_header", "date")])
            if not body:
                continue
            posts.append(Post(
                author=author,
                timestamp=timestamp_tok.data["date"].iso() if timestamp_tok else None,
                timestamp_raw=timestamp_tok.text if timestamp_tok else None,
                body=body,
            ))
        latest = None
        views = replies = None
        if thread_stats:
            views, replies = thread_stats.data["views"], thread_stats.data["replies"]
            if thread_stats.data.get("latest"):
                latest = LatestReply(author=thread_stats.data["latest_by"],
                                     timestamp=ctx.dates.iso(thread_stats.data["latest"]))
        return Thread(title=title, views=views, reply_count=replies, latest_reply=latest, posts=posts)

    @staticmethod
    def _author(tok: Token, ctx) -> Author:
        head = tok.data["head"].split()
        name = head[0] if head else ""
        rank = " ".join(head[1:]) or None
        joined = ctx.dates.parse(tok.data["since"]).iso()
        return Author(name=name, rank=rank, post_count=tok.data["count"], joined=joined)


def _take_title(tokens: list[Token]) -> tuple[str | None, list[Token]]:
    """The first non-blank line of the starter, followed by a blank line, is the thread title."""
    content = [i for i, t in enumerate(tokens) if t.kind != "blank"]
    if len(content) >= 2:
        i = content[0]
        if tokens[i].kind == "body" and i + 1 < len(tokens) and tokens[i + 1].kind == "blank":
            return tokens[i].text, tokens[i + 1:]
    return None, tokens


def _trim_trailer(tokens: list[Token], last: bool) -> list[Token]:
    """Cut page furniture: boilerplate lines and, after the last post, whatever follows them."""
    out = []
    for tok in tokens:
        if tok.kind == "boilerplate":
            if last:
                break
            continue
        out.append(tok)
    return out


ADAPTERS = (JiveText,)
