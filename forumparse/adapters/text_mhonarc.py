"""MHonArc message pages as text dumps: the "[Date Prev][Date Next][Thread Prev]..." menu, the
subject, the header list ("* From: ...", "* Date: ..."), a rule, the mail, a rule, then the
"Follow-Ups:" / "References:" / "Prev by Date:" / "Index(es):" lists. One mail per page."""
from __future__ import annotations

import re

from ..errors import NotAThreadError
from ..records import Author, Post, Thread
from ..text.dump import dump_lines, dump_text
from ._mail import sender_name, split_mail
from .base import Adapter

MENU = re.compile(r"\[\s*date prev\s*\].{0,80}\[\s*thread index\s*\]", re.I)
_BULLET = r"^\s*(?:[*•·+o□☆-]\s+)?"
FIELD = re.compile(_BULLET + r"(?P<label>[A-Za-z][\w-]{1,25})\s*:\s*(?P<value>.*)$")
HEADER_LABELS = frozenset({"from", "date", "subject", "to", "cc", "message-id", "in-reply-to", "references",
                           "reply-to", "mail-followup-to", "organization", "sender", "resent-from"})
AFTER_MAIL = re.compile(_BULLET + r"(?:follow-ups|references|prev by date|next by date|previous by thread|"
                        r"next by thread|index\(es\))\s*:", re.I)
RULE = re.compile(r"^\s*(?:[_━─—=-]{10,}|(?:\*\s*){3,})\s*$")
ATTACHMENT = re.compile(r"^\s*(?:attachment|description)\s*:\s", re.I)
QUOTE_INTRO = re.compile(r"\b(?:wrote|writes|said|schrieb|a écrit|escribió)\s*:\s*$", re.I)


class MHonArcText(Adapter):
    name = "mhonarc"
    format = "text"
    priority = 0.6
    description = "MHonArc mail archive message pages as text dumps"

    def detect(self, doc) -> float:
        if "Date Prev" not in doc.text and "Index(es)" not in doc.text:
            return 0.0
        text = dump_text(doc)[:200_000]
        if not MENU.search(text[:20_000]) and "Index(es):" not in text:
            return 0.0
        if not re.search(_BULLET + r"From\s*:", text, re.M) or not re.search(_BULLET + r"Date\s*:", text, re.M):
            return 0.0
        return 1.0 if MENU.search(text) and "Index(es):" in text else 0.8

    def parse(self, doc, ctx) -> Thread:
        lines = dump_lines(doc)
        start, end, fields = _header(lines)
        if start is None:
            raise NotAThreadError("no MHonArc header list found")
        body_lines = _mail_lines(lines, end)
        body, quotes, signature = split_mail("\n".join(_indented_quotes(body_lines)))
        subject = fields.get("subject") or _heading(lines, start)
        raw_date = fields.get("date")
        post = Post(author=Author(name=sender_name(fields.get("from")) or "", signature=signature),
                    timestamp=ctx.dates.iso(raw_date) if raw_date else None, timestamp_raw=raw_date,
                    title=subject, body=body, quotes=quotes)
        return Thread(title=subject, url=ctx.url, posts=[post])


def _header(lines: list[str]) -> tuple[int | None, int, dict[str, str]]:
    """The header list: the first run of mail header fields that holds a From and a Date."""
    i = 0
    while i < len(lines):
        fields: dict[str, str] = {}
        j = i
        last = None
        while j < len(lines):
            m = FIELD.match(lines[j])
            if m and m.group("label").lower() in HEADER_LABELS:
                last = m.group("label").lower()
                fields.setdefault(last, m.group("value").strip())
            elif last and lines[j].strip() and lines[j][:1].isspace() and not RULE.match(lines[j]):
                fields[last] = (fields[last] + " " + lines[j].strip()).strip()  # a wrapped field
            else:
                break
            j += 1
        if "from" in fields and "date" in fields:
            return i, j, fields
        i = j + 1 if j > i else i + 1
    return None, 0, {}


def _mail_lines(lines: list[str], start: int) -> list[str]:
    """From the rule after the header list to the rule (or list) before "Follow-Ups:" and the rest."""
    while start < len(lines) and (not lines[start].strip() or RULE.match(lines[start])):
        start += 1
    end = next((i for i in range(start, len(lines)) if AFTER_MAIL.match(lines[i])), len(lines))
    while end > start and (not lines[end - 1].strip() or RULE.match(lines[end - 1])
                           or ATTACHMENT.match(lines[end - 1])):
        end -= 1
    mail = lines[start:end]
    # a renderer may indent the whole <pre> (html2text: a Markdown code block)
    indent = min((len(ln) - len(ln.lstrip()) for ln in mail if ln.strip()), default=0)
    return [ln[indent:] for ln in mail]


def _indented_quotes(lines: list[str]) -> list[str]:
    """A flowed mail's quote shows as a block under "X wrote:", indented deeper than that line:
    give it its ">" back."""
    out: list[str] = []
    intro = None  # the indentation of the "X wrote:" line above, while its quote may follow
    for line in lines:
        indent = len(line) - len(line.lstrip())
        if intro is not None and line.strip() and indent >= intro + 2:
            out.append("> " + line.strip())
            continue
        if intro is not None and not line.strip():
            out.append(line)
            continue
        intro = indent if QUOTE_INTRO.search(line) else None
        out.append(line)
    return out


def _heading(lines: list[str], before: int) -> str | None:
    for line in reversed(lines[:before]):
        text = line.strip()
        if text and not RULE.match(text) and not MENU.search(text):
            return text
    return None


ADAPTERS = (MHonArcText,)
