"""Post fields from generic records: body, author, date, rank and author statistics.

Each choice is made per record, then made consistent across records: the
element shape (tag and classes of it and its parent) that most records agree
on wins, so one post whose signature is longer than its text still gets its
text as body. The choices live in their own modules (body_choice, author_choice,
author_stats, post_dates, post_text); this one puts a Post together.
"""
from __future__ import annotations

import re
from urllib.parse import urljoin

from ..records import Author, Post
from .author_choice import (
    author_alternatives,
    author_candidate,
    author_options,
    link_labels,
    name_in_block,
    name_slots,
    unlinked_names,
)
from .author_stats import clean_rank, rank_in_block, rank_of, ranks_after_name, stats_of
from .body_choice import body_alternatives, body_candidate, flat_bodies, has_media
from .dates_found import DateHit
from .post_dates import container_epoch, date_of, labelled_date
from .post_text import (
    body_once,
    deleted_placeholder,
    headed_quotes,
    signature_class,
    split_plain_quotes,
    split_signature,
    strip_buttons,
    strip_edit_lines,
    strip_subject_line,
)
from .record_fields import Fields, ProfileTest, agree, name_text
from .records_found import PROFILE_HREF, PageIndex, Record
from .structured import quote_css_for

_POST_ID = re.compile(r"(?:^|[-_])(?:post|p|msg|message|comment|reply|entry)[-_]?(\d+)$", re.I)


def extract_posts(records: list[Record], index: PageIndex, dates: list[DateHit], authors: list, ctx,
                  base_url: str | None = None, items: list | None = None, title: str | None = None) -> list[Post]:
    """Posts from records; `items` (structured data, one per record) fix body, author and date."""
    fields = [Fields(r) for r in records]
    author_set = set(authors)
    profile = ProfileTest(index, authors)
    if items:
        for f, item in zip(fields, items):
            f.item = item
            f.body_el = item.text_el
    else:
        for f in fields:
            f.body_el = body_candidate(f.record, index, author_set, profile)
        agree(fields, index, "body_el", lambda f, key: body_alternatives(f, key, profile, index.memo))
        flat_bodies(fields)
    author_pos = sorted(index.pos[a] for a in authors if a in index.pos)
    labels = link_labels(fields, index, author_pos)
    edited_pos = sorted(index.pos[d.el] for d in dates if d.label == "edited" and d.el in index.pos)
    for f in fields:
        f.author_el = author_candidate(f, index, author_pos, labels, edited_pos)
    agree(fields, index, "author_el", lambda f, key: author_alternatives(f, index, author_pos, key),
           options=None if items else lambda f: author_options(f, index, author_pos))
    unlinked_names(fields, index)
    for f in fields:
        if f.author_el is None and not (f.item is not None and f.item.author):
            f.author_el = name_in_block(f, index, profile)
    if not items:
        name_slots(fields, index)
    by_pos = sorted(((index.pos[d.el], d) for d in dates if d.el in index.pos), key=lambda pd: pd[0])
    positions = [p for p, _ in by_pos]
    ranks = ranks_after_name(fields, index, title)
    for f in fields:
        if id(f) not in ranks:
            block_rank = rank_in_block(f, index, profile)
            if block_rank:
                ranks[id(f)] = block_rank
    posts = []
    for f in fields:
        f.joined = labelled_date(f, index, positions, by_pos, "joined")
        f.edited = labelled_date(f, index, positions, by_pos, "edited")
        f.date = date_of(f, index, positions, by_pos)
        f.record.body = f.body_el
        post = _post(f, index, ctx, base_url, ranks.get(id(f)), title)
        if post is not None:
            posts.append(post)
    return posts


def _post(f: Fields, index: PageIndex, ctx, base_url: str | None, shown_rank: str | None,
          title: str | None = None) -> Post | None:
    if f.body_el is None:
        return None
    body = body_once(f.body_el, quote_css_for(f.item), index.memo)
    text, signature_text = split_signature(body.text)
    text, plain_quotes = split_plain_quotes(text)
    text = strip_buttons(text)
    text, note = strip_edit_lines(text)
    text = strip_subject_line(text, title)
    if title and text.casefold() == title.strip().casefold() and _headed(f, title):
        text = ""  # an opening post that is its title heading alone ("Ask: ...?") keeps its place with no text
    elif not text and not body.quotes and not has_media(f.body_el):
        return None  # (a post that only quotes or only shows a picture keeps its place with an empty body)
    if deleted_placeholder(text):
        text = ""  # a deleted post keeps its place; the placeholder is not its text
    author = None
    item = f.item
    if f.author_el is not None or (item is not None and item.author):
        name = item.author if item is not None and item.author else name_text(f.author_el)
        count, joined = stats_of(f, index, ctx)
        if joined is None and f.joined is not None and f.joined.iso:
            joined = f.joined.iso[:10]
        joined = joined[:10] if joined else joined  # a join date is a day, whatever time is shown
        href = _link_of(f.author_el)
        if item is not None and item.author_url:
            href = item.author_url
        profile = urljoin(base_url, href) if href and base_url else href
        if name:
            rank = clean_rank(rank_of(f, index, shown_rank))
            author = Author(name=name, rank=rank, post_count=count, joined=joined,
                            profile_url=profile if href and PROFILE_HREF.search(href) else None,
                            signature=body.signature or signature_text or _record_signature(f))
    date = f.date
    timestamp, raw = (date.iso, date.raw) if date else (None, None)
    if item is not None and item.date and not (date and date.machine):
        timestamp, raw = ctx.dates.machine(item.date) or timestamp, item.date
    timestamp = container_epoch(f.record, ctx) or timestamp  # an epoch is the surest instant
    return Post(
        post_id=_post_id(f, index),
        author=author,
        timestamp=timestamp,
        timestamp_raw=raw,
        body=text,
        body_html=body.html,
        quotes=headed_quotes(body.quotes) + plain_quotes,
        edited=body.edited or note or (f.edited.iso if f.edited is not None else None),
    )


def _headed(f: Fields, title: str | None) -> bool:
    """The record shows the thread's title as a heading of its own."""
    want = (title or "").strip().casefold()
    return bool(want) and any(" ".join(h.text_content().split()).casefold() == want
                              for part in f.record.parts for h in part.iter("h1", "h2", "h3"))


def _link_of(el) -> str | None:
    if el is None:
        return None
    link = el if el.tag == "a" else next(el.iterancestors("a"), None)
    if link is None:
        link = next(el.iter("a"), None)
    return link.get("href") if link is not None else None


def _post_id(f: Fields, index: PageIndex) -> str | None:
    first = f.record.parts[0] if f.record.parts else None
    holder = first.getparent() if first is not None else None
    if holder is not None and next((c for c in holder if isinstance(c.tag, str)), None) is first:
        # a threaded reply's record is the first block of its list item, whose id names the post
        # (<li id="comment-2291"><article>...</article><ol class="children">)
        m = _POST_ID.search(holder.get("id") or "")
        if m:
            return m.group(1)
    for el in f.record.parts[:1]:
        lo, hi = index.span(el)
        for cand in index.order[lo:min(hi, lo + 40) + 1]:
            if not isinstance(cand.tag, str):
                continue
            for value in (cand.get("id"), cand.get("name"), cand.get("data-postid"), cand.get("data-post-id")):
                if value:
                    m = _POST_ID.match(value) or (re.match(r"^(\d{2,})$", value) if cand.tag != "a" or
                                                  cand.get("name") else None)
                    if m:
                        return m.group(1)
    return None


def _record_signature(f: Fields) -> str | None:
    """A signature box beside the body, in the record (<div class="msgSignature"> after the text)."""
    body = f.body_el
    for part in f.record.parts:
        for el in part.iter():
            if isinstance(el.tag, str) and signature_class(el.get("class")) and el is not body \
                    and not any(a is body for a in el.iterancestors()):
                text = " ".join(el.text_content().split())
                return text or None
    return None
