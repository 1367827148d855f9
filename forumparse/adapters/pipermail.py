"""Mailman 2 pipermail message pages: one mail per page (H1 subject, B sender, I date, PRE body)."""
from __future__ import annotations

import re

import lxml.html

from ..html.select import text_of, xpath
from ..records import Author, Post, Quote, Thread
from ..vocab import quote_header_author
from ._html_common import has
from .base import Adapter

# A line that introduces the quoted mail below it: "On Mon, 1 Mar 2010, X wrote:", "Quoting X:".
_ATTRIBUTION = re.compile(
    r"(?:^|,\s*|\bon\b.*?,\s*)(?P<author>[^,]{1,80}?)\s+(?:wrote|writes|said|schrieb|a écrit|escribió)\s*:\s*$"
    r"|^quoting\s+(?P<author2>.{1,80}?)\s*:\s*$",
    re.I,
)
_RULE = re.compile(r"^_{20,}\s*$")
_LIST_FOOTER = re.compile(r"mailing list|maillist|listinfo|/mailman/", re.I)


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


def split_mail(text: str) -> tuple[str, tuple[Quote, ...], str | None]:
    """A mail body to (own words, quoted blocks, signature).

    Quoted lines start with ">"; the "X wrote:" line right above them names the quoted
    author; a "-- " line starts the signature; the list footer below a rule of
    underscores is dropped.
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines = _drop_list_footer(lines)
    signature = None
    for i, line in enumerate(lines):
        if line.rstrip() == "--" and i > 0:
            signature = "\n".join(ln for ln in lines[i + 1:] if not ln.lstrip().startswith(">")).strip() or None
            lines = lines[:i]
            break
    own: list[str] = []
    quotes: list[Quote] = []
    i = 0
    while i < len(lines):
        if not lines[i].lstrip().startswith(">"):
            own.append(lines[i])
            i += 1
            continue
        start = i
        while i < len(lines) and (lines[i].lstrip().startswith(">") or not lines[i].strip()):
            i += 1
        block = [ln.lstrip()[1:].removeprefix(" ") for ln in lines[start:i] if ln.strip()]
        author = _take_attribution(own)
        quotes.append(Quote(author=author, text="\n".join(block).strip()))
    return _paragraphs(own), tuple(q for q in quotes if q.text), signature


def _take_attribution(own: list[str]) -> str | None:
    """Remove the attribution line(s) above a quote block from `own`; return the quoted author."""
    j = len(own) - 1
    while j >= 0 and not own[j].strip():
        j -= 1
    if j < 0:
        return None
    line = own[j].strip()
    m = _ATTRIBUTION.search(line)
    if not m:
        is_header, author = quote_header_author(line)
        if not is_header:
            return None
        del own[j:]
        return author
    start = j
    # a long attribution wraps: "On Mon, Mar 01, 2010 at 04:47:49PM +0000,\nX wrote:"
    if j > 0 and own[j - 1].strip() and re.match(r"^\s*(?:on|am|le|el|il)\s", own[j - 1], re.I):
        start = j - 1
    del own[start:]
    author = (m.group("author") or m.group("author2") or "").strip()
    author = re.sub(r"^on\s.*?,\s*", "", author, flags=re.I)
    author = re.sub(r"\s*[<(\[][^<>()\[\]]*[>)\]]", "", author)  # "Ann <ann at example.org>" -> "Ann"
    return author.strip(" <>\"'") or None


def _drop_list_footer(lines: list[str]) -> list[str]:
    for i in range(len(lines) - 1, -1, -1):
        if _RULE.match(lines[i].lstrip("> ")) and any(_LIST_FOOTER.search(ln) for ln in lines[i + 1:i + 4]):
            if not lines[i].lstrip().startswith(">"):
                return lines[:i]
    return lines


def _paragraphs(lines: list[str]) -> str:
    text = "\n".join(ln.rstrip() for ln in lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


ADAPTERS = (Pipermail,)
