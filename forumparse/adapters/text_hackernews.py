"""Hacker News item pages as text: "N points by X N hours ago | N comments", then comments
headed "X N hours ago | link" and closed by "reply"."""
from __future__ import annotations

import re

from ..errors import NotAThreadError
from ..records import Author, Post, Quote, Thread
from ..text.dump import dump_lines, dump_text
from .base import Adapter

STORY = re.compile(r"^\s*(?P<points>\d+)\s+points?\s+by\s+(?P<user>\S+)\s+(?P<age>.+?ago)\s*\|\s*"
                   r"(?:(?P<comments>\d+)\s+comments?|comments?|discuss)", re.I)
COMMENT = re.compile(r"^\s*(?:\[[^\]]*\]\s*)?(?P<user>[\w-]+)\s+(?P<age>\d+\s+\w+\s+ago|on\s+\w+\s+\d+,?\s*\d*)"
                     r"\s*\|\s*(?:link|parent)\b")
END = re.compile(r"^\s*(?:\[[^\]]*\]\s*)*(?:reply|\[add comment\]|add comment)\s*$", re.I)
NOISE = re.compile(r"^\s*(?:\[[^\]]*\]\s*)+$|^\s*_{5,}\s*$|^\s*\[\s*\]\s*$")
TITLE = re.compile(r"^\s*(?:\[[^\]]*\]\s*)*(?P<title>.+?)(?:\s+\([\w.-]+\.[a-z]{2,}\))?\s*$")


class HackerNewsText(Adapter):
    name = "hackernews"
    format = "text"
    description = "Hacker News item pages as text dumps"

    def detect(self, doc) -> float:
        head = dump_text(doc)[:300_000]
        if not STORY.search(head[:20_000]) and not re.search(r"Hacker News", head[:3000]):
            return 0.0
        links = len(re.findall(r"\d+\s+\w+\s+ago\s*\|\s*link", head))
        return 0.9 if links or STORY.search(head[:20_000]) else 0.0

    def parse(self, doc, ctx) -> Thread:
        lines = dump_lines(doc)
        story_at = next((i for i, line in enumerate(lines[:200]) if STORY.match(line)), None)
        heads = [i for i, line in enumerate(lines) if COMMENT.match(line)]
        if story_at is None and not heads:
            raise NotAThreadError("no Hacker News item header found")
        posts, title, replies = [], None, None
        if story_at is not None:
            m = STORY.match(lines[story_at])
            replies = m.group("comments")
            title = _title(lines, story_at)
            body, quotes = _body(lines, story_at + 1, heads[0] if heads else len(lines))
            posts.append(Post(author=Author(name=m.group("user")), timestamp_raw=m.group("age"), body=body,
                              quotes=quotes))
        for n, i in enumerate(heads):
            m = COMMENT.match(lines[i])
            body, quotes = _body(lines, i + 1, heads[n + 1] if n + 1 < len(heads) else len(lines))
            posts.append(Post(author=Author(name=m.group("user")), timestamp_raw=m.group("age"), body=body,
                              quotes=quotes))
        return Thread(title=title, reply_count=replies, posts=posts)


def _title(lines: list[str], story_at: int) -> str | None:
    for j in range(story_at - 1, max(-1, story_at - 6), -1):
        if lines[j].strip() and not NOISE.match(lines[j]):
            m = TITLE.match(lines[j])
            return m.group("title") if m else None
    return None


def _body(lines: list[str], start: int, stop: int) -> tuple[str, tuple]:
    """The comment text up to its "reply" link; ">" paragraphs are quotes (HN has no quote markup)."""
    paras: list[list[str]] = [[]]
    for line in lines[start:stop]:
        if END.match(line) or re.match(r"^\s*_{5,}", line):
            break
        if NOISE.match(line):
            continue
        text = re.sub(r"^\s*(?:\[[^\]]*\]\s+)?", "", line).strip()
        if not text:
            if paras[-1]:
                paras.append([])
            continue
        paras[-1].append(text)
    body, quotes = [], []
    for p in paras:
        if not p:
            continue
        text = "\n".join(p)
        if text.startswith(">"):
            quotes.append(Quote(text=text.lstrip("> ")))
        else:
            body.append(text)
    return "\n\n".join(body), tuple(quotes)


ADAPTERS = (HackerNewsText,)
