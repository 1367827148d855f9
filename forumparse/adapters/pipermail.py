"""Mailman 2 pipermail message pages: one mail per page (H1 subject, B sender, I date, PRE body)."""
from __future__ import annotations

import re

import lxml.etree
import lxml.html

from ..html.select import joined_text, text_of
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
    # The page in XPath, each found by a short walk instead (an XPath call costs more than
    # these pages' parse): ARTICLE "//comment()[normalize-space(.)='beginarticle']/following::pre[1]",
    # AUTHOR "(//body//b)[1]", DATE "AUTHOR/following::i[1]", EMAIL "AUTHOR/following::a[mailto: href][1]",
    # SUBJECT "//h1".
    ARTICLE_MARK = "beginarticle"

    def detect(self, doc) -> float:
        if not has(doc, self.BEGIN) or not has(doc, self.END):
            return 0.0
        # the pipermail templates always carry the "sorted by" navigation or the Index link
        if has(doc, "Messages sorted by") or re.search(r'<link\s+rel="?index', doc.text[:3000], re.I):
            return 1.0
        return 0.7

    def parse(self, doc, ctx) -> Thread:
        tree = doc.tree
        mark = next((c for c in tree.iter(lxml.etree.Comment)
                     if (c.text or "").strip(_XML_SPACE) == self.ARTICLE_MARK), None)
        pre = _next(mark, "pre")
        if pre is None:
            return Thread(posts=[])
        body, quotes, signature = split_mail(joined_text(pre))
        body_el = next(tree.iter("body"), None)
        sender = next(body_el.iter("b"), None) if body_el is not None else None
        name = text_of(sender)
        email = text_of(_next(sender, "a", lambda a: (a.get("href") or "")[:7].translate(_MAILTO_CASE) == "mailto:"))
        raw_date = text_of(_next(sender, "i"))
        subject = text_of(next(tree.iter("h1"), None))
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


_XML_SPACE = " \t\r\n"  # what XPath's normalize-space() strips
_MAILTO_CASE = str.maketrans("MAILTO", "mailto")  # XPath's translate(@href,'MAILTO','mailto')


def _next(el, tag: str, test=None):
    """The first `tag` element after `el` in document order, not inside it, that passes `test`
    (XPath's following::tag[test][1]); None when `el` is None or none does."""
    while el is not None:
        for sibling in el.itersiblings():
            for found in sibling.iter(tag):
                if test is None or test(found):
                    return found
        el = el.getparent()
    return None


ADAPTERS = (Pipermail,)
