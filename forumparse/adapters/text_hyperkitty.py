"""Mailman 3 HyperKitty pages as text dumps. Each mail: the sender's name, the date line (both
of the page's date spans, "14 Jun 2021 14 Jun '21", shown only when the date changes), the time
("7:05 a.m."), maybe "New subject: ...", the body (one flowed paragraph: text browsers ignore
its pre-wrap; quotes indented under a "..." toggle), then attachments, like counts and "Reply".
"""
from __future__ import annotations

import re

from ..errors import NotAThreadError
from ..numbers import parse_count
from ..records import Author, Post, Thread
from ..text.dump import dump_lines
from ._mail import sender_name, split_mail
from .base import Adapter
from .hyperkitty import Clock

POWERED = "Powered by HyperKitty"
# Marks only HyperKitty's own page chrome shows, two of which make a page (plain substring
# searches: detect() runs on every text dump).
CHROME = ("Show replies by ", "Back to the thread", "Sign in to reply online", "Use email software",
          "participants (", "Last active (days ago)")
TIME = re.compile(r"^\s*(?:\d{1,2}(?::\d\d)?\s*[ap]\.\s?m\.|noon|midnight|\d{1,2}:\d\d(?:\s*[AaPp][Mm])?)\s*$")
DAY = re.compile(r"\d")
SUBJECT = re.compile(r"^\s*new subject\s*:\s*(?P<subject>.+?)\s*$", re.I)
# What follows a mail's body: its attachment list, like counts ("2 0", "0 / 0"), the reply links.
AFTER_BODY = re.compile(r"^\s*(?:attachments:|\d+ attachments?|\(button\)|reply|sign in to reply online.*|"
                        r"\d+(?:\s*/?\s*\d+)?|show replies by (?:date|thread)|\d+\s+comments|back to the thread|"
                        r"age \(days ago\)|last active \(days ago\))\s*$", re.I)
COMMENTS = re.compile(r"^\s*(?P<n>\d[\d,.]*)\s+comments\s*$", re.I)
OLDER = re.compile(r"^\s*older\s*$", re.I)
TOGGLE = re.compile(r"^\s*\.\.\.\s*$")
IMAGE = re.compile(r"^\s*\[[^\[\]]*\]\s*$")  # w3m's stand-in for an image without alt text (the avatar)
# A flowed signature: "... collect. -- Anna" ("-- " starts it, a few words close the mail).
FLAT_SIGNATURE = re.compile(r"(?:^|\s)--\s+(?P<sig>[^\n]{1,80}(?:\n[^\n]{1,80}){0,2})$")


class HyperKittyText(Adapter):
    name = "hyperkitty"
    format = "text"
    priority = 0.6
    description = "Mailman 3 HyperKitty thread and message pages as text dumps"

    def detect(self, doc) -> float:
        text = doc.text
        if POWERED in text[-3000:]:
            return 1.0
        hits = 0
        for mark in CHROME:
            if mark in text:
                hits += 1
                if hits == 2:
                    return 0.9
        return 0.0

    def parse(self, doc, ctx) -> Thread:
        lines = dump_lines(doc)
        heads = _mail_heads(lines)
        if not heads:
            raise NotAThreadError("no HyperKitty mail header found")
        clock = Clock()
        posts = []
        for k, (name_at, day_at, time_at) in enumerate(heads):
            end = heads[k + 1][0] if k + 1 < len(heads) else len(lines)
            start = time_at + 1
            subject = None
            while start < end and not lines[start].strip():
                start += 1
            if start < end and SUBJECT.match(lines[start]):
                subject = SUBJECT.match(lines[start]).group("subject")
                start += 1
            stop = next((i for i in range(start, end) if AFTER_BODY.match(lines[i])), end)
            raw, stamp = clock.read(ctx, _one_date(lines[day_at]) if day_at is not None else None,
                                    lines[time_at].strip())
            body, quotes, signature = split_mail(_mail(lines[start:stop]))
            if signature is None:
                body, signature = _flat_signature(body)
            posts.append(Post(author=Author(name=sender_name(lines[name_at].strip()) or "", signature=signature),
                              timestamp=stamp, timestamp_raw=raw, title=subject, body=body, quotes=quotes))
        comments = next((COMMENTS.match(ln) for ln in lines if COMMENTS.match(ln)), None)
        return Thread(title=_title(lines, heads[0][0]), url=ctx.url, posts=posts,
                      reply_count=parse_count(comments.group("n")) if comments else None)


def _mail_heads(lines: list[str]) -> list[tuple[int, int | None, int]]:
    """(name line, date line or None, time line) of each mail: a time line under a name, with the
    date line between them where the date changed."""
    heads = []
    for i, line in enumerate(lines):
        if not TIME.match(line):
            continue
        above = [j for j in range(i - 1, max(-1, i - 6), -1) if lines[j].strip() and not IMAGE.match(lines[j])][:2]
        if not above:
            continue
        day = above[0] if DAY.search(lines[above[0]]) and len(lines[above[0]].split()) >= 2 else None
        name = above[1] if day is not None and len(above) > 1 else above[0] if day is None else None
        if name is None or AFTER_BODY.match(lines[name]) or TIME.match(lines[name]):
            continue
        heads.append((name, day, i))
    return heads


def _one_date(line: str) -> str:
    """A text browser prints both date spans ("14 Jun 2021 14 Jun '21", "Tuesday, 7 May Tue, 7 May"):
    the first one, when the two halves start with the same day number."""
    words = line.split()
    half = len(words) // 2
    if len(words) % 2 == 0 and half:
        first = [re.sub(r"\D", "", w) for w in words[:half] if re.sub(r"\D", "", w)]
        second = [re.sub(r"\D", "", w) for w in words[half:] if re.sub(r"\D", "", w)]
        if first and second and first[0] == second[0]:
            return " ".join(words[:half])
    return " ".join(words)


def _mail(lines: list[str]) -> str:
    """The body lines back to mail text: the "..." quote toggles go, the lines indented under them
    (a quote box) get a ">" each."""
    body = [ln for ln in lines if ln.strip()]
    base = min((len(ln) - len(ln.lstrip()) for ln in body), default=0)
    out: list[str] = []
    quoting = False
    for line in lines:
        if TOGGLE.match(line):
            quoting = True
            continue
        indent = len(line) - len(line.lstrip())
        if not line.strip():
            out.append("")
            continue
        if quoting and indent > base + 1:
            out.append("> " + line.strip())
            continue
        quoting = False
        out.append(line[base:])
    return "\n".join(out)


def _flat_signature(body: str) -> tuple[str, str | None]:
    m = FLAT_SIGNATURE.search(body)
    if not m or " -- " in m.group("sig"):
        return body, None
    return body[:m.start()].rstrip(), " ".join(m.group("sig").split())


def _title(lines: list[str], first_name: int) -> str | None:
    """The thread page's title stands above its "older" button; a message page's subject right
    above the first mail."""
    start = max(0, first_name - 12)
    older = next((i for i in range(first_name - 1, start - 1, -1) if OLDER.match(lines[i])), None)
    at = older if older is not None else first_name
    return next((lines[j].strip() for j in range(at - 1, -1, -1) if lines[j].strip() and not IMAGE.match(lines[j])),
                None)


ADAPTERS = (HyperKittyText,)
