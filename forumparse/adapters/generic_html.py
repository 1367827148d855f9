"""Generic HTML layout heuristics: the fallback for pages of unknown engines.

Tiers, most certain first: schema.org structured data that lists the posts,
then the repeated records found around post dates and author links, then a
page that holds one post. A page that shows fewer than two posts but embeds
them as JSON for its scripts (a JSON:API payload, a list of post objects) is
read from that JSON. Hidden elements (hover cards, templates) are never read.
"""
from __future__ import annotations

import re
from bisect import bisect_right

import attrs

from ..errors import NotAThreadError
from ..html.body import QUOTE_CSS, extract_body
from ..html.dates_found import find_dates
from ..html.embedded_json import embedded_thread
from ..html.generic import extract_posts
from ..html.mail_header import byline_message, mail_message, mail_sender
from ..html.records_found import (
    PageIndex,
    Record,
    author_candidates,
    find_records,
    lead_record,
    records_for,
    single_record,
)
from ..html.select import text_of
from ..html.structured import microdata_items, structured_thread
from ..html.threadstats import thread_counts
from ..html.title import thread_title
from ..html.tree import parse_html
from ..records import Author, Post, Thread
from ._mail import mail_text, split_mail
from .base import Adapter


class GenericHtml(Adapter):
    name = "generic-html"
    format = "html"
    priority = 0.0
    description = "layout heuristics for HTML pages of any forum"

    def detect(self, doc) -> float:
        return 0.01

    def parse(self, doc, ctx):
        root = doc.tree
        if root is None:
            raise NotAThreadError("the page has no HTML tree")
        index = PageIndex(root)
        dates = find_dates(root, ctx, index)
        authors = author_candidates(index)
        shown_title = thread_title(root, index.length)
        micro = microdata_items(root)  # (read once: the structured-data reader below takes it too)
        posts, records = self._from_microdata(micro, index, dates, authors, ctx)
        if not posts:
            records = find_records(index, dates, authors)
            lead = lead_record(records, index, dates, authors) if len(records) > 1 else None
            if lead is not None:
                records = [lead, *records]
            posts = (extract_posts(records, index, dates, authors, ctx, ctx.url, title=shown_title)
                     if records else [])
            if lead is not None:  # the thread's counts ("50 comments") stand in the opening block: only
                records = [attrs.evolve(lead, kind="micro"), *records[1:]]  # its text is the post's
        mail = mail_message(root) if len(posts) < 2 else None
        message = _mail_post(mail, ctx) if mail is not None else None
        if message is None and len(posts) < 2:
            single, one = self._single(root, index, dates, authors, ctx)
            if len(single) > len(posts):
                posts, records = single, one
        if message is None and len(posts) <= 2 and sum(len(p.body) for p in posts) < 40 * max(1, len(posts)):
            # no text found (the "Posted by X on <date>" lines of a message page read as posts)
            mail = byline_message(root)
            message = _mail_post(mail, ctx) if mail is not None else None
        if message is not None:  # a mail or news archive's message page: its headers name sender and date
            posts, records = [message], []
            heading = next((text_of(h) for h in root.iter("h1")), None)
            shown_title = mail.subject or heading or shown_title  # ("Re: ..." included: the message's own subject)
        embedded = embedded_thread(root, ctx, _html_body) if len(posts) < 2 else None
        if embedded is not None and len(embedded.posts) > len(posts):
            ctx.warn("posts read from the page's embedded JSON:API data; the layout showed fewer")
            return attrs.evolve(embedded, title=embedded.title or shown_title)
        structured = structured_thread(root, ctx, micro, index.memo)
        if structured is not None and len(structured.posts) > len(posts):
            ctx.warn("posts read from the page's schema.org data; the layout showed fewer")
            return attrs.evolve(structured, title=shown_title or structured.title)
        if not posts:
            raise NotAThreadError("no repeated post structure found in the page")
        if len(posts) < 2 and message is None:
            ctx.warn("only one post record found; the layout may have been misread")
            posts = _mail_author(posts, root)
        title = shown_title or (structured.title if structured is not None else None)
        views, replies = thread_counts(index, _inside(index, records)) if len(posts) > 1 else (None, None)
        return Thread(title=title, posts=posts, views=views, reply_count=replies)

    @staticmethod
    def _from_microdata(micro, index, dates, authors, ctx) -> list:
        """Microdata items that carry text mark the posts; the layout around them adds the rest."""
        items = [it for it in micro if it.el is not None and it.el in index.pos]
        if len(items) < 2:
            return [], []
        date_pos = sorted(index.pos[d.el] for d in dates if d.el in index.pos)
        author_pos = sorted(index.pos[a] for a in authors if a in index.pos)
        parts = records_for([it.el for it in items], index, date_pos, author_pos)
        if not parts:
            return [], []
        records = [Record(it.el, p, "micro") for it, p in zip(items, parts)]
        posts = extract_posts(records, index, dates, authors, ctx, ctx.url, items=items)
        lead = lead_record(records, index, dates, authors) if posts else None
        opening = extract_posts([lead], index, dates, authors, ctx, ctx.url) if lead is not None else []
        if opening:  # the question above its answers in markup of its own (no item of its own)
            return opening + posts, [attrs.evolve(lead, kind="micro"), *records]
        return posts, records

    @staticmethod
    def _single(root, index, dates, authors, ctx) -> list:
        """A page with one post: the first post date anchors a record that is the whole body."""
        body = next(iter(root.iter("body")), None)
        hit = next((d for d in dates if d.label is None and d.iso), None)
        if body is None or hit is None:
            return [], []
        record = single_record(hit, index, dates, authors) or Record(hit.el, [body], "single")
        return extract_posts([record], index, dates, authors, ctx, ctx.url), [record]


def _mail_author(posts: list, root) -> list:
    """A mail archive's message page: the "From:" line names the author (not an address link)."""
    author = posts[0].author
    if author is not None and "@" not in author.name:
        return posts
    name = mail_sender(root)
    if not name:
        return posts
    author = attrs.evolve(author, name=name, rank=None) if author is not None else Author(name=name)
    return [attrs.evolve(posts[0], author=author), *posts[1:]]


def _mail_post(mail, ctx) -> Post | None:
    """The post of a message page: the mail text split into own words, "> " quotes and signature."""
    text = mail_text(mail.body_el, quote_css="blockquote") if mail.body_el is not None else mail.text
    if mail.colon_quotes and text:
        text = re.sub(r"(?m)^: ?", "> ", text)
    own, quotes, signature = split_mail(text or "")
    if not own and not quotes:
        return None
    html = extract_body(mail.body_el).html if mail.body_el is not None else None
    return Post(author=Author(name=mail.sender, signature=signature), timestamp=ctx.dates.iso(mail.date),
                timestamp_raw=mail.date, body=own, body_html=html, quotes=quotes)


def _html_body(html: str):
    """A post's HTML content from a JSON payload, rendered like a post element."""
    el = parse_html(f"<div>{html}</div>").find(".//div")
    return extract_body(el, keep_html=False, quote_css=QUOTE_CSS + ", aside.quote")


def _inside(index, records):
    """A test: is an element inside one of the post records (the part that holds its anchor)?"""
    spans = sorted(index.span(part) for r in records for part in ([r.body] if r.kind == "micro" else r.parts)
                   if part is not None and (r.kind == "micro" or part is r.anchor
                                            or any(a is part for a in r.anchor.iterancestors())))
    starts = [lo for lo, _ in spans]
    bodies = sorted(index.span(r.body) for r in records if r.body is not None)
    body_starts = [lo for lo, _ in bodies]

    def within(p, starts, spans) -> bool:
        i = bisect_right(starts, p) - 1
        return i >= 0 and spans[i][0] <= p <= spans[i][1]

    def inside(el) -> bool:
        p = index.pos.get(el, -1)
        if el.tag in _HEADINGS and not within(p, body_starts, bodies):
            return False  # a heading outside the text (a record that is a whole answers section: "1 Answer")
        return within(p, starts, spans)
    return inside


_HEADINGS = frozenset({"h1", "h2", "h3", "h4"})


ADAPTERS = (GenericHtml,)
