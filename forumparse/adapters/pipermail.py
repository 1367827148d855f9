"""Mailman 2 pipermail message pages: one mail per page (H1 subject, B sender, I date, PRE body)."""
from __future__ import annotations

import re

import lxml.html

from ..html.select import text_of, xpath
from ..records import Author, Post, Thread
from ._html_common import has
from ._mail import split_mail
from .base import Adapter


class Pipermail(Adapter):
    name = "pipermail"
    format = "html"
    priority = 0.6
    description = "Mailman 2 pipermail archive message pages"
    hints = ("mailto:",)

    BEGIN = "<!--beginarticle-->"
    END = "<!--endarticle-->"
    ARTICLE_PRE = "//comment()[normalize-space(.)='beginarticle']/following::pre[1]"
    AUTHOR = "(//body//b)[1]"
    DATE = "(//body//b)[1]/following::i[1]"
    EMAIL = "(//body//b)[1]/following::a[starts-with(translate(@href,'MAILTO','mailto'),'mailto:')][1]"
    SUBJECT = "//h1"

    def detect(self, doc) -> float:
        if not has(doc, self.BEGIN) or not has(doc, self.END):
            return 0.0
        # the pipermail templates always carry the "sorted by" navigation or the Index link
        if has(doc, "Messages sorted by") or re.search(r'<link\s+rel="?index', doc.text[:3000], re.I):
            return 1.0
        return 0.7

    def parse(self, doc, ctx) -> Thread:
        tree = doc.tree
        pre = _first(xpath(self.ARTICLE_PRE)(tree))
        if pre is None:
            return Thread(posts=[])
        body, quotes, signature = split_mail("".join(pre.itertext()))
        name = text_of(_first(xpath(self.AUTHOR)(tree)))
        email = text_of(_first(xpath(self.EMAIL)(tree)))
        raw_date = text_of(_first(xpath(self.DATE)(tree)))
        subject = text_of(_first(xpath(self.SUBJECT)(tree)))
        author = Author(name=name or email or "", signature=signature)
        post = Post(
            permalink=ctx.url,
            author=author,
            timestamp=ctx.dates.iso(raw_date),
            timestamp_raw=raw_date,
            title=subject,
            body=body,
            body_html=lxml.html.tostring(pre, encoding="unicode", with_tail=False),
            quotes=quotes,
        )
        return Thread(title=subject, url=ctx.url, posts=[post])


def _first(found):
    return found[0] if found else None


ADAPTERS = (Pipermail,)
