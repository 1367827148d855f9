"""MARC (marc.info) message pages: one mail per page, all in one <pre>: the "[prev in list] [next in
list] [prev in thread] [next in thread]" links, the headers ("List:", "Subject:", "From:",
"Date:", "Message-ID:", aligned), the "[Download RAW message or body]" line, then the mail.
Addresses show as "ann () example ! com"."""
from __future__ import annotations

import re

import lxml.html
from attrs import evolve

from ..html.pageinfo import absolute, base_url
from ..html.select import joined_text, select, text_of
from ..records import Author, Post, Thread
from ._html_common import has
from ._mail import sender_name, split_mail
from .base import Adapter

HEADER = re.compile(r"^(?P<label>List|Subject|From|Date|Message-ID|To|Cc|Sender|Reply-To)\s*:\s+(?P<value>.*?)\s*$",
                    re.I)
# headers a renderer ran into one line ("List: x Subject: y From: z Date: ..."): a line each again
_JOINED = re.compile(r"\s+(?=(?:Subject|From|Date|Message-ID):\s)|\s+(?=\[\s*Download\b)")
DOWNLOAD = re.compile(r"^\s*\[\s*download\b.*\]\s*$", re.I)
# a part MARC does not show inline: "[Attachment #2 (signature.asc)]"
ATTACHMENT = re.compile(r"^\s*\[\s*(?:\[\s*)?attachment #\d+.*\]\s*$", re.I)


class Marc(Adapter):
    name = "marc"
    format = "html"
    priority = 0.6
    description = "MARC (marc.info) mailing-list archive message pages"
    hints = ("marc",)

    def detect(self, doc) -> float:
        if not all(has(doc, mark) for mark in ("prev in list", "next in thread", "next in list", "<pre")):
            return 0.0
        return 1.0 if has(doc, "- MARC") or has(doc, "q=raw") else 0.8

    def parse(self, doc, ctx) -> Thread:
        pre = next((el for el in select(doc.tree, "pre") if "From:" in (text_of(el) or "")), None)
        if pre is None:
            return Thread(posts=[])
        read = read_message(joined_text(pre).split("\n"))
        if read is None:
            return Thread(posts=[])
        fields, mail = read
        base = base_url(doc.tree, ctx.url)
        attachments = [absolute(base, a.get("href")) for a in select(pre, "a[href]")
                       if (text_of(a) or "").lower().startswith("attachment #")]
        post = evolve(message_post(fields, mail, ctx), permalink=ctx.url, attachments=attachments,
                      body_html=lxml.html.tostring(pre, encoding="unicode", with_tail=False))
        return Thread(title=fields.get("subject"), url=ctx.url, posts=[post])


def read_message(lines: list[str]) -> tuple[dict[str, str], list[str]] | None:
    """(headers by lower-case label, the mail's lines) from the page's lines, or None."""
    fields: dict[str, str] = {}
    start = end = None
    lines = _unjoin(lines)
    for i, line in enumerate(lines):
        m = HEADER.match(line.strip())
        if m:
            if start is None:
                start = i
            fields.setdefault(m.group("label").lower(), m.group("value"))
            end = i + 1
        elif start is not None and line.strip():
            break
    if start is None or "from" not in fields:
        return None
    while end < len(lines) and (not lines[end].strip() or DOWNLOAD.match(lines[end])):
        end += 1
    mail = [ln for ln in lines[end:] if not ATTACHMENT.match(ln)]
    return fields, mail


def _unjoin(lines: list[str]) -> list[str]:
    """Split run-together header lines, up to the first header line that stands alone."""
    for i, line in enumerate(lines):
        if HEADER.match(line.strip()):
            parts = _JOINED.split(line)
            if len(parts) == 1:
                return lines
            return lines[:i] + parts + lines[i + 1:]
    return lines


def message_post(fields: dict[str, str], mail: list[str], ctx) -> Post:
    body, quotes, signature = split_mail("\n".join(mail))
    raw_date = fields.get("date")
    message_id = _plain_address((fields.get("message-id") or "").strip("<> ")) or None
    name = sender_name(_plain_address(fields["from"]))
    if name and "@" in name and " " not in name:  # an address alone: as shown ("ann () example ! com")
        name = sender_name(fields["from"])
    return Post(post_id=message_id, author=Author(name=name or "", signature=signature),
                timestamp=ctx.dates.iso(raw_date) if raw_date else None, timestamp_raw=raw_date,
                title=fields.get("subject"), body=body, quotes=quotes)


def _plain_address(value: str) -> str:
    """MARC's "ann () example ! com" as an address, so that the name beside it is told apart."""
    return value.replace(" () ", "@").replace(" ! ", ".")


ADAPTERS = (Marc,)
