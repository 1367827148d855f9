"""PTT (批踢踢) article pages as text: the 作者/看板/標題/時間 header, the article, push lines.

A push line is "推 user: text 01/12 20:21" (or 噓 / →); its date has no year, so the
article's own year is used (the next year when the month wraps around).
"""
from __future__ import annotations

import re

from ..errors import NotAThreadError
from ..records import Author, Post, Thread
from ..text.dump import dump_lines
from .base import Adapter

HEADER = re.compile(r"^\s*(?P<label>作者|看板|標題|時間)\s*(?P<value>.*?)\s*$")
PUSH = re.compile(r"^\s*(?:推|噓|→)\s+(?P<user>[\w.-]+)\s*:\s?(?P<text>.*?)\s*"
                  r"(?:(?P<ip>\d{1,3}(?:\.\d{1,3}){3})\s+)?(?P<md>\d{2}/\d{2})(?:\s+(?P<hm>\d{2}:\d{2}))?\s*$")
FOOTER = re.compile(r"※\s*發信站")
SIG = re.compile(r"(?:^|\s)--(?:\s|$)")


class PttText(Adapter):
    name = "ptt"
    format = "text"
    description = "PTT BBS articles (web view) as text dumps"

    def detect(self, doc) -> float:
        head = doc.text[:4000]
        score = 0.0
        if "批踢踢實業坊" in head:
            score += 0.5
        if re.search(r"^\s*作者\s*\S", head, re.M) and re.search(r"^\s*時間\s*\S", head, re.M):
            score += 0.4
        if "※ 發信站" in doc.text or PUSH.search(doc.text[:200_000]):
            score += 0.1
        return min(score, 1.0)

    def parse(self, doc, ctx) -> Thread:
        lines = dump_lines(doc)
        meta: dict[str, str] = {}
        start = None
        for i, line in enumerate(lines[:60]):
            m = HEADER.match(line)
            if m and m.group("label") not in meta:
                meta[m.group("label")] = m.group("value")
                start = i + 1
        if "作者" not in meta or start is None:
            raise NotAThreadError("no PTT article header found")
        author = meta["作者"].split(" (")[0].split()[0]
        date = ctx.dates.parse(meta.get("時間"))
        year = date.value.year if date.value is not None else None
        body_lines: list[str] = []
        pushes: list[Post] = []
        in_footer = False
        extra: list[str] = []  # the author's own lines between pushes are posts of their own

        def flush():
            text = _clean("\n".join(extra))
            if text:
                pushes.append(Post(author=Author(name=author), body=text))
            extra.clear()

        for line in lines[start:]:
            push = PUSH.match(line)
            if push:
                flush()
                if year:
                    pushes.append(self._push(push, year, date, ctx))
                continue
            if pushes:
                if not line.strip().startswith("※") and "轉錄至看板" not in line:
                    extra.append(line)
                continue
            if not in_footer and not pushes:
                if FOOTER.search(line):
                    body_lines.append(line[:FOOTER.search(line).start()])
                    in_footer = True
                else:
                    body_lines.append(line)
        flush()
        if pushes and not pushes[-1].timestamp:
            pushes.pop()  # the page footer after the last push
        body = "\n".join(body_lines)
        sig = list(SIG.finditer(body))
        if sig:
            body = body[:sig[0].start()]
        posts = [Post(author=Author(name=author), timestamp=date.iso(), timestamp_raw=meta.get("時間"),
                      title=meta.get("標題"), body=_clean(body))] + pushes
        return Thread(title=meta.get("標題"), posts=posts)

    @staticmethod
    def _push(m, year, date, ctx) -> Post:
        month = int(m.group("md")[:2])
        if date.value is not None and month < date.value.month:
            year += 1  # pushes after new year
        shown = f"{year}/{m.group('md')}" + (f" {m.group('hm')}" if m.group("hm") else "")
        return Post(author=Author(name=m.group("user")), timestamp=ctx.dates.iso(shown),
                    timestamp_raw=m.group("md") + (" " + m.group("hm") if m.group("hm") else ""),
                    body=m.group("text").strip())


def _clean(text: str) -> str:
    paras = re.split(r"\n\s*\n", text.strip())
    return "\n\n".join("\n".join(line.strip() for line in p.split("\n") if line.strip()) for p in paras).strip()


ADAPTERS = (PttText,)
