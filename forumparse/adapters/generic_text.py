"""Generic text layout heuristics: the fallback for every text dump."""
from __future__ import annotations

from ..errors import NotAThreadError
from ..records import Author, Post, Quote, Thread
from ..text.dump import dump_tokens
from ..text.layout import choose_anchors, numbered_anchors, segment
from ..text.threadinfo import find_counts, find_title
from .base import Adapter


class GenericText(Adapter):
    name = "generic-text"
    format = "text"
    priority = 0.0
    description = "layout heuristics for text dumps of any forum"

    def detect(self, doc) -> float:
        return 0.01

    def parse(self, doc, ctx):
        tokens = dump_tokens(doc, ctx)  # lynx link numbers and Markdown marks gone
        anchors = choose_anchors(tokens)
        if not anchors:  # no dates: the posts' running numbers, where they show
            tokens, anchors = numbered_anchors(tokens)
        if not anchors:
            raise NotAThreadError("no repeated post layout found in the text")
        parts = segment(tokens, anchors)
        return build_thread(doc, ctx, tokens, parts)


def build_thread(doc, ctx, tokens, parts) -> Thread:
    """Records from segmented posts (shared by the text adapters built on the generic layout)."""
    first = min(parts[0].head_start, parts[0].first_line or parts[0].head_start) if parts else 0
    title = find_title(tokens, first) if parts else None
    if title is None and parts and first < parts[0].head_start:
        # the lines trimmed off the first header (a heading right above the first author) hold it
        title = find_title(tokens, parts[0].head_start)
    posts = []
    for p in parts:
        body = p.body
        if title and body.startswith(title + "\n"):  # the starter repeats the thread title above its text
            body = body[len(title):].lstrip()
        if not body and not p.author:
            continue
        stats = p.stats
        joined = ctx.dates.parse(stats["joined"]).iso() if stats.get("joined") else None
        joined = joined[:10] if joined else None  # a join date is a day, whatever time the page adds
        date = p.anchor.data["date"]
        author = Author(name=p.author, rank=p.rank, post_count=stats.get("posts"), joined=joined,
                        location=stats.get("location")) if p.author else None
        # a month alone ("September 2016") or "2 hours ago" without a capture time is no usable time
        timestamp = date.iso() if date.precision not in ("month", "year", "none") else None
        posts.append(Post(author=author, timestamp=timestamp, timestamp_raw=p.anchor.data["raw"], body=body,
                          quotes=tuple(q if isinstance(q, Quote) else Quote(text=q) for q in p.quotes)))
    if len(posts) < 2:
        ctx.warn(f"only {len(posts)} post found: the layout may not have been recognised")
    shown = parts[0].anchor.data["date"] if parts else None
    if shown is not None and shown.relative and shown.value is None:
        ctx.warn("post dates are relative ('3 hours ago') and the dump gives no capture time")
    elif shown is not None and shown.precision in ("month", "year"):
        ctx.warn("post dates show only the month: no post times")
    views, replies = find_counts("\n".join(t.text for t in tokens[:parts[0].head_start]) if parts else "")
    return Thread(title=title, views=views, reply_count=replies, posts=posts)


ADAPTERS = (GenericText,)
