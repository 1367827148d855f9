"""MHonArc archive message pages (lists.debian.org, lists.gnu.org and many project lists): one
mail per page, its parts between MHonArc's comment markers.

The page starts with `<!--X-Subject: ...-->`, `<!--X-From-R13: ...-->` (the From header in
MHonArc's rot13), `<!--X-Date: ...-->`, `<!--X-Message-Id: ...-->`; the header list (`<li><em>From</em>:
...`) sits between `<!--X-Head-of-Message-->` and `<!--X-Head-of-Message-End-->`, the body
(a `<pre>`, or quote-coloured blockquotes for format=flowed / fancyquote) between
`<!--X-Body-of-Message-->` and `<!--X-Body-of-Message-End-->`. Sites restyle everything around
them, never the markers: MHonArc needs them to edit its archive.
"""
from __future__ import annotations

import html
import re

import lxml.html

from ..html.pageinfo import absolute, base_url
from ..html.select import select, select_one, text_of
from ..records import Author, Post, Thread
from ._html_common import has
from ._mail import mail_text, sender_name, split_mail, unrot13
from .base import Adapter

_COMMENT = re.compile(r"<!--X-(Subject|From-R13|From|Date|Message-Id):\s?(.*?)\s*-->")
_FIELD = re.compile(r"^\s*([A-Za-z][\w-]{0,30})\s*:\s*(.*?)\s*$")
_ADDRESS_ONLY = re.compile(r"^\S+@\S+$")
_MESSAGE_ID = re.compile(r"<?([^<>\s]+@[^<>\s]+)>?")


class MHonArc(Adapter):
    name = "mhonarc"
    format = "html"
    priority = 0.6
    description = "MHonArc mail archive message pages"
    hints = ("mailto:",)  # the <link rev="made" href="mailto:..."> of its default head

    HEAD = ("<!--X-Head-of-Message-->", "<!--X-Head-of-Message-End-->")
    BODY = ("<!--X-Body-of-Message-->", "<!--X-Body-of-Message-End-->")
    SUBJECT = ("<!--X-Subject-Header-Begin-->", "<!--X-Subject-Header-End-->")
    # format=flowed and the fancyquote option show quoted text as nested blockquotes without ">"
    QUOTE = "blockquote"
    # an attachment: "<p><strong>Attachment: <a href="pgpXXXX.pgp"><tt>signature.asc</tt></a></strong>"
    ATTACHMENT = "strong a[href]"

    def detect(self, doc) -> float:
        if not has(doc, self.BODY[0]):
            return 0.0
        if has(doc, self.HEAD[0]) or has(doc, "<!--X-Subject:", 2000) or has(doc, "MHonArc", 2000):
            return 1.0
        return 0.7

    def parse(self, doc, ctx) -> Thread:
        text = doc.text
        comments = {k.lower(): html.unescape(v) for k, v in _COMMENT.findall(text[:4000])}
        head = _section(text, *self.HEAD)
        fields = _fields(head)
        body_el = _section(text, *self.BODY)
        if body_el is None:
            return Thread(posts=[])
        subject_el = select_one(_section(text, *self.SUBJECT), "h1, h2, h3")
        subject = (text_of(subject_el) or _clean(fields.get("subject")) or _clean(comments.get("subject"))
                   or _head_title(doc.tree))
        # the From field; where it shows an address alone ("address@hidden"), the comment's name
        names = [sender_name(v) for v in (fields.get("from"), comments.get("from"),
                                           unrot13(comments.get("from-r13", ""))) if v]
        names = [n for n in names if n]
        name = next((n for n in names if not _ADDRESS_ONLY.match(n)), names[0] if names else "")
        raw_date = _clean(fields.get("date") or comments.get("date"))
        body_html = lxml.html.tostring(body_el, encoding="unicode")[5:-6].strip() or None  # without the <div>
        base = base_url(doc.tree, ctx.url)
        attachments = []
        for a in select(body_el, self.ATTACHMENT):
            href = a.get("href", "")
            if href and ":" not in href.split("/")[0] and not href.startswith("#"):  # a file MHonArc derived
                attachments.append(absolute(base, href))
                _drop_parent_paragraph(a)
        mail = mail_text(body_el, quote_css=self.QUOTE)
        body, quotes, signature = split_mail(mail)
        message_id = _MESSAGE_ID.search(fields.get("message-id") or comments.get("message-id") or "")
        reply_to = _MESSAGE_ID.search(fields.get("in-reply-to") or "")
        post = Post(
            post_id=message_id.group(1) if message_id else None,
            permalink=ctx.url,
            author=Author(name=name, signature=signature),
            timestamp=ctx.dates.iso(raw_date) if raw_date else None,
            timestamp_raw=raw_date,
            title=subject,
            body=body,
            body_html=body_html,
            quotes=quotes,
            reply_to=reply_to.group(1) if reply_to else None,
            attachments=attachments,
        )
        return Thread(title=subject, url=ctx.url, posts=[post])


def _section(text: str, begin: str, end: str):
    """The markup between two marker comments as a <div>, or None."""
    start = text.find(begin)
    if start < 0:
        return None
    start += len(begin)
    stop = text.find(end, start)
    inner = text[start:stop if stop >= 0 else len(text)]
    return lxml.html.fragment_fromstring(inner, create_parent="div")


def _fields(head) -> dict[str, str]:
    """The header list ("From: ...", one field a line or a table row) as {lower-case label: text}."""
    found: dict[str, str] = {}
    if head is None:
        return found
    for line in mail_text(head).split("\n"):
        m = _FIELD.match(line)
        if m and m.group(2):
            found.setdefault(m.group(1).lower(), m.group(2))
    return found


def _drop_parent_paragraph(link) -> None:
    """Remove the attachment's note (its <p>, or the link alone) from the body."""
    el = link
    while el.getparent() is not None and el.tag != "p":
        el = el.getparent()
    if el.tag != "p":
        el = link
    parent = el.getparent()
    if parent is not None:
        if el.tail:
            prev = el.getprevious()
            if prev is not None:
                prev.tail = (prev.tail or "") + el.tail
            else:
                parent.text = (parent.text or "") + el.tail
        parent.remove(el)


def _head_title(tree) -> str | None:
    el = select_one(tree, "title")
    return _clean(el.text_content()) if el is not None else None


def _clean(text: str | None) -> str | None:
    return " ".join(text.split()) or None if text else None


ADAPTERS = (MHonArc,)
