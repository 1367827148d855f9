"""PTT BBS web view articles (www.ptt.cc/bbs/BOARD/M.*.html): the article, then each push as a post.

The article text is pre-formatted BBS screen text inside div#main-content, with the
pushes (推/→/噓 lines) as div.push elements among it. Text the author added between
pushes by editing the article is given as posts of the author, without a time.
"""
from __future__ import annotations

import re

from ..html.page_classes import by_class, by_owner
from ..html.pageinfo import absolute, canonical_url
from ..html.select import attr, first_with_id, joined_text, select, text_of
from ..records import Author, Post, Thread
from ._html_common import has
from .base import Adapter

_ACCOUNT = re.compile(r"^\s*([^\s(（]+)")
_PUSH_TIME = re.compile(r"(?P<month>\d{1,2})/(?P<day>\d{1,2})\s+(?P<hour>\d{1,2}):(?P<minute>\d{2})")
# "作者: id (nick) 看板: Board" / "標題: ..." / "時間: ..." on the first lines of pages without metalines
_TEXT_META = re.compile(r"^\s*(作者|標題|時間|看板)\s*[:：]?\s*(.+?)\s*(?:看板\s*[:：]?.*)?$")
_YEAR = re.compile(r"\b(\d{4})\b")
_PUSH_COLON = re.compile(r"^[:：]\s?")
_EXTRA_BLANKS = re.compile(r"\n\n\n+")  # (not r"\n{3,}": a literal start is searched for, ten times faster)


class Ptt(Adapter):
    name = "ptt"
    format = "html"
    priority = 0.6
    description = "PTT (批踢踢) BBS web view articles with push comments"
    hints = ("ptt.cc", "批踢踢")

    CONTENT = "main-content"  # the id of the article's element
    META_LINE = "div.article-metaline, div.article-metaline-right"
    META_TAG = ".article-meta-tag"
    META_VALUE = ".article-meta-value"
    PUSH = ".push"  # a child of the article element
    PUSH_USER, PUSH_TEXT, PUSH_TIME = ".push-userid", ".push-content", ".push-ipdatetime"
    SKIP = ".richcontent"  # image / video previews among the children: the link text above them is kept
    AUTHOR_TAG, TITLE_TAG, TIME_TAG = "作者", "標題", "時間"
    ORIGIN_URL = "※ 文章網址"

    def detect(self, doc) -> float:
        size = 400_000
        if not has(doc, 'id="main-content"', size):
            return 0.0
        score = 0.0
        if has(doc, "article-meta-tag", size) or has(doc, "push-userid", size):
            score = 0.9
        if has(doc, "ptt.cc", size) or has(doc, "批踢踢", size):
            score = min(1.0, score + 0.1) if score else 0.5
        return score

    def parse(self, doc, ctx) -> Thread:
        tree = doc.tree
        content = first_with_id(tree, self.CONTENT)
        if content is None:
            return Thread(posts=[])
        # one pass over the article's class attributes finds the metalines and the pushes' fields
        found = by_class(content, line=self.META_LINE, tag=self.META_TAG, value=self.META_VALUE, push=self.PUSH,
                         skip=self.SKIP, user=self.PUSH_USER, text=self.PUSH_TEXT, time=self.PUSH_TIME)
        meta = self._meta(found)
        segments = self._segments(content, set(found["line"] + found["skip"]), set(found["push"]))
        pushes = [value for kind, value in segments if kind == "push"]
        users, texts, times = (by_owner(pushes, found[name]) for name in ("user", "text", "time"))
        if not meta:
            meta = _text_meta(segments[0][1] if segments and segments[0][0] == "text" else "")
        author_raw = meta.get(self.AUTHOR_TAG)
        author = _account(author_raw)
        shown_time = meta.get(self.TIME_TAG)
        article_time = ctx.dates.iso(shown_time)
        year = _article_year(article_time, shown_time)
        month = int(article_time[5:7]) if article_time and len(article_time) >= 7 else None
        posts: list[Post] = []
        first = True
        for kind, value in segments:
            if kind == "push":
                posts.append(self._push(_first(users.get(value)), _first(texts.get(value)), _first(times.get(value)),
                                        year, month, ctx))
                continue
            if first:
                text, signature = _article_text(value)
                posts.append(Post(author=Author(name=author or "", signature=signature), timestamp=article_time,
                                  timestamp_raw=shown_time, title=meta.get(self.TITLE_TAG), body=text))
                first = False
            elif added := _added_text(value):
                posts.append(Post(author=Author(name=author or ""), body=added))
        url = self._origin_url(content) or canonical_url(tree, ctx.url)
        return Thread(title=meta.get(self.TITLE_TAG), url=url, posts=posts)

    @staticmethod
    def _meta(found: dict) -> dict[str, str]:
        """The metalines' tag -> value ("作者" -> "id (nick)"), from the class pass."""
        tags, values = by_owner(found["line"], found["tag"]), by_owner(found["line"], found["value"])
        meta = {}
        for line in found["line"]:
            tag, value = text_of(_first(tags.get(line))), text_of(_first(values.get(line)))
            if tag and value:
                meta.setdefault(tag, value)
        return meta

    @staticmethod
    def _segments(content, skipped: set, pushes: set) -> list[tuple[str, object]]:
        """The content's children in order: ("text", screen text) runs and ("push", element);
        `skipped` children (metalines, previews) say nothing."""
        segments: list[tuple[str, object]] = []
        parts: list[str] = [content.text or ""]
        for child in content:
            if child in skipped or not isinstance(child.tag, str):
                pass
            elif child in pushes:
                segments.append(("text", "".join(parts)))
                segments.append(("push", child))
                parts = []
            elif child.tag not in ("script", "style"):
                parts.append(joined_text(child))
            parts.append(child.tail or "")
        segments.append(("text", "".join(parts)))
        # the first text run is the article even when empty; later empty runs are nothing
        return [s for i, s in enumerate(segments) if s[0] == "push" or i == 0 or s[1].strip()]

    @staticmethod
    def _push(user_el, text_el, time_el, year, article_month, ctx) -> Post:
        """A push from its user id, text and time elements."""
        user = text_of(user_el) or ""
        text = _PUSH_COLON.sub("", text_of(text_el) or "").strip()
        shown = text_of(time_el)
        timestamp = None
        m = _PUSH_TIME.search(shown or "")
        if m and year:
            month = int(m.group("month"))
            push_year = year + 1 if article_month and month < article_month else year  # pushed after New Year
            timestamp = ctx.dates.iso(f"{push_year:04d}-{month:02d}-{int(m.group('day')):02d} "
                                      f"{m.group('hour')}:{m.group('minute')}")
        return Post(author=Author(name=user), timestamp=timestamp, timestamp_raw=shown, body=text)

    def _origin_url(self, content) -> str | None:
        for a in select(content, "a[href]"):
            prev = a.getprevious()
            holder = (prev.tail if prev is not None else a.getparent().text) or ""
            if self.ORIGIN_URL in holder[-40:]:  # "※ 文章網址: <a ...>"
                return absolute(None, attr(a, "href"))
        return None


def _first(found: list | None):
    return found[0] if found else None


def _account(shown: str | None) -> str | None:
    """"billy3321 (雨蒼)" -> "billy3321": the account id without the nickname."""
    m = _ACCOUNT.match(shown or "")
    return m.group(1) if m else None


def _article_year(iso: str | None, shown: str | None) -> int | None:
    if iso and iso[:4].isdigit():
        return int(iso[:4])
    m = _YEAR.search(shown or "")
    return int(m.group(1)) if m else None


def _text_meta(text: str) -> dict[str, str]:
    """Header lines of an article shown without metaline markup (older web view)."""
    meta = {}
    for line in text.split("\n")[:6]:
        for part in re.split(r"\s{2,}(?=看板)", line):
            m = _TEXT_META.match(part)
            if m:
                meta.setdefault(m.group(1), m.group(2))
    return meta


def _lines(text: str) -> list[str]:
    if "\r" in text:  # (a search for one character is quick; a replace of two reads the whole text)
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.split("\n")


def _article_text(text: str) -> tuple[str, str | None]:
    """(the article's words, its signature): header lines are neither; the first "--" line
    starts the signature, and the "※" origin lines end it."""
    lines = _lines(text)
    while lines and _TEXT_META.match(lines[0]) and lines[0].strip()[:2] in ("作者", "標題", "時間"):
        lines.pop(0)
    signature = None
    stripped = list(map(str.strip, lines))
    if "--" in stripped:
        i = stripped.index("--")
        rest = lines[i + 1:]
        end = next((j for j, ln in enumerate(rest) if ln.lstrip().startswith("※")), len(rest))
        signature = _join(rest[:end]) or None
        lines = lines[:i]
    return _join(lines), signature


def _added_text(text: str) -> str:
    """Text the author inserted among the pushes, without "※" log lines (edits, cross-posts)."""
    return _join([ln for ln in _lines(text) if not ln.lstrip().startswith("※") and ln.strip() != "--"])


def _join(lines: list[str]) -> str:
    text = "\n".join(map(str.rstrip, lines))
    return _EXTRA_BLANKS.sub("\n\n", text).strip()


ADAPTERS = (Ptt,)
