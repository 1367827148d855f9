"""Reddit (2018+ layout) comment pages as text: "Posted by u/X", the title and text, then
comments each opened by "level N" and an age line ("· 4 yr. ago", "39 points · 6 years ago")."""
from __future__ import annotations

import re

from ..errors import NotAThreadError
from ..numbers import parse_count
from ..records import Author, Post, Thread
from ..text.dump import dump_lines, dump_text
from .base import Adapter

LEVEL = re.compile(r"^\s*level\s+\d+\s*$", re.I)
# "· 4 yr. ago"; html2text prints the dot as a list bullet ("* 3 yr. ago")
AGE = re.compile(r"^\s*.{0,40}?[·*•]\s*\d+\s*(?:yr|year|mo|month|day|hr|hour|min|minute)s?\.?\s+ago\b",
                 re.I)
POSTED_BY = re.compile(r"^\s*Posted\s+by\s*(?:u/(?P<user>[\w-]+))?", re.I)
USER = re.compile(r"^\s*u/(?P<user>[\w-]+)\s*$")
COMMENTS = re.compile(r"^\s*(?P<n>[\d.,]+k?)\s+comments?\s*$", re.I)
AWARD = re.compile(r"^\s*(?:(?:silver|gold|platinum|helpful|wholesome|coin|gift|award|archived|locked)\s*\d*\s*)+$",
                   re.I)
END = re.compile(r"^\s*(?:\(BUTTON\).*|\d[\d.,]*k?|vote|share|reply|report\s*save|reportsave|save|"
                 r"continue this thread.*|\d+ more repl(?:y|ies)|level\s+\d+|"
                 r"view entire discussion.*|more posts from the .{1,60} community)\s*$", re.I)  # the page's foot
COUNT = re.compile(r"^\s*\d[\d.,]*k?\s*$", re.I)
NOISE = re.compile(r"^\s*(?:\[[^\]]*\]|user avatar|archived|\(BUTTON\))\s*$", re.I)


class RedditText(Adapter):
    name = "reddit"
    format = "text"
    description = "Reddit comment pages (2018+ layout) as text dumps"

    def detect(self, doc) -> float:
        head = dump_text(doc)[:300_000]
        levels = len(re.findall(r"^\s*level\s+\d+\s*$", head, re.M | re.I))
        hints = sum(1 for w in ("r/", "Posted by", "Upvoted", "Sort by") if w in head)
        return 0.9 if levels >= 1 and hints >= 2 else 0.0

    def parse(self, doc, ctx) -> Thread:
        lines = dump_lines(doc)
        levels = [i for i, line in enumerate(lines) if LEVEL.match(line)]
        posted = next((i for i, line in enumerate(lines) if POSTED_BY.match(line)), None)
        if posted is None and not levels:
            raise NotAThreadError("no Reddit post or comment found")
        posts, title, replies = [], None, None
        if posted is not None:
            m = POSTED_BY.match(lines[posted])
            user = m.group("user")
            j = posted + 1
            if not user and j < len(lines) and USER.match(lines[j]):
                user = USER.match(lines[j]).group("user")
            stop = next((k for k in range(posted, levels[0] if levels else len(lines)) if COMMENTS.match(lines[k])),
                        levels[0] if levels else len(lines))
            if stop < len(lines) and COMMENTS.match(lines[stop]):
                replies = parse_count(COMMENTS.match(lines[stop]).group("n"), allow_abbrev=False)
            content = [k for k in range(posted + 1, stop)
                       if lines[k].strip() and not NOISE.match(lines[k]) and not AWARD.match(lines[k])
                       and not USER.match(lines[k]) and "ago" not in lines[k]]
            while len(content) > 1 and COUNT.match(lines[content[0]]):
                content = content[1:]  # the award count, whose award pictures a copy leaves out ("3")
            if content:
                title = lines[content[0]].strip()
                body = _paragraphs(lines[content[0] + 1:stop])
                posts.append(Post(author=Author(name=user) if user else None, title=title, body=body))
        for n, i in enumerate(levels):
            nxt = levels[n + 1] if n + 1 < len(levels) else len(lines)
            age = next((k for k in range(i + 1, min(nxt, i + 6)) if AGE.match(lines[k])), None)
            if age is None:
                continue
            names = [lines[k].strip() for k in range(i + 1, age)
                     if lines[k].strip() and (lines[k].strip() == "[deleted]" or not NOISE.match(lines[k]))]
            body_lines = []
            for line in lines[age + 1:nxt]:
                if END.match(line):
                    break
                if AWARD.match(line) or NOISE.match(line):
                    continue
                body_lines.append(line)
            name = names[-1] if names else None
            posts.append(Post(author=Author(name=name) if name else None, body=_paragraphs(body_lines)))
        return Thread(title=title, reply_count=replies, posts=posts)


def _paragraphs(lines: list[str]) -> str:
    text = "\n".join(line.strip() for line in lines if not NOISE.match(line))
    return re.sub(r"\n{3,}", "\n\n", text).strip()


ADAPTERS = (RedditText,)
