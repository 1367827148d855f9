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

import attrs

from ..records import Author, Post, Quote
from .author_choice import (
    author_alternatives,
    author_candidate,
    author_options,
    byline_name,
    link_labels,
    name_in_block,
    name_slots,
    unlinked_names,
)
from .author_stats import clean_rank, rank_in_block, rank_of, ranks_after_name, stats_of
from .body_choice import body_alternatives, body_candidate, flat_bodies, has_media
from .dates_found import DATE_IN_TEXT, DateHit
from .post_dates import container_epoch, date_of, labelled_date
from .post_text import (
    body_once,
    deleted_placeholder,
    headed_quotes,
    signature_box,
    split_plain_quotes,
    split_signature,
    strip_buttons,
    strip_edit_lines,
    strip_subject_line,
)
from .record_fields import Fields, ProfileTest, agree, anchor_line, author_name, text_pieces
from .records_found import PROFILE_HREF, PageIndex, Record, is_name
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
            if f.author_el is None:
                f.author_el = byline_name(f, index)
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
    if not any(p.quotes for p in posts):  # (a page with quote markup marks its quotes)
        posts = [_quoted_paragraphs(p, posts[:i]) for i, p in enumerate(posts)]
    return posts


_QUOTE_MARKS = "\"“”„«»'‘’"


def _quoted_paragraphs(post: Post, earlier: list[Post]) -> Post:
    """A paragraph in quote marks that repeats an earlier post's words is a quote (engines with no
    quote markup: '"Plain text files in git..."' above the reply)."""
    paragraphs = post.body.split("\n\n")
    if len(paragraphs) < 2 or not earlier:
        return post
    keep, quotes = [], []
    for para in paragraphs:
        text = para.strip()
        inner = " ".join(text.strip(_QUOTE_MARKS + " ").split())
        if (text[:1] in _QUOTE_MARKS and text[-1:] in _QUOTE_MARKS and len(inner.split()) >= 4
                and any(inner.casefold() in " ".join(p.body.split()).casefold() for p in earlier)):
            quotes.append(Quote(text=inner))
        else:
            keep.append(para)
    if not quotes or not keep:
        return post
    return attrs.evolve(post, body="\n\n".join(keep).strip(), quotes=tuple(post.quotes) + tuple(quotes))


def _post(f: Fields, index: PageIndex, ctx, base_url: str | None, shown_rank: str | None,
          title: str | None = None) -> Post | None:
    if f.body_el is None:
        return None
    body = body_once(f.body_el, quote_css_for(f.item), index.memo)
    byline, loose = _byline_line(f, body.text)
    text, signature_text = split_signature(loose)
    text, plain_quotes = split_plain_quotes(text)
    text = strip_buttons(text)
    text, note = strip_edit_lines(text)
    text = strip_subject_line(text, title)
    subject = _subject_heading(f.body_el, text)
    if subject:
        text = text[len(subject):].strip()
    if title and _DOMAIN_AFTER.sub("", text).casefold() == title.strip().casefold() and _headed(f, title):
        text = ""  # an opening post that is its title heading alone ("Ask: ...?") keeps its place with no text
    elif not text and not body.quotes and not has_media(f.body_el):
        return None  # (a post that only quotes or only shows a picture keeps its place with an empty body)
    if deleted_placeholder(text):
        text = ""  # a deleted post keeps its place; the placeholder is not its text
    author = None
    item = f.item
    if f.author_el is not None or (item is not None and item.author):
        name = item.author if item is not None and item.author else author_name(f.author_el)
        name = _account_id(f.author_el) or name
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
    else:
        name = _byline_segment_name(byline, f.date.raw, title) if byline else _labelled_name(f, index)
        if name:  # a guest's plain name in a print view's "Subject - name - date" line, or after "Post by:"
            author = Author(name=name, signature=body.signature or signature_text)
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
        title=subject,
        body_html=body.html,
        quotes=headed_quotes(body.quotes) + plain_quotes,
        edited=body.edited or note or (f.edited.iso if f.edited is not None else None),
    )


_SUBJECT_CLASS = re.compile(r"title|subject", re.I)


def _byline_line(f: Fields, text: str) -> tuple[str | None, str]:
    """A body that holds its own date (loose text under a "Subject - name - date" line, print
    views): the first line, with the date, is the byline, not text."""
    date = f.date
    name_el = f.author_el
    if name_el is not None and name_el.getparent() is f.body_el and f.body_el[0] is name_el:
        name = " ".join(name_el.text_content().split())  # "<p><strong>Phil</strong>: text": the name is no text
        if name and text.startswith(name):
            return None, text[len(name):].lstrip(" :\n")
    if date is None or not date.raw or f.body_el not in anchor_line(f.record):
        return None, text
    first, _, rest = text.partition("\n")
    if date.raw in first and rest.strip():
        return first, rest.strip()
    return None, text


_BYLINE_SEP = re.compile(r"\s+[-–—|•·]\s+")


_NAME_LABEL = re.compile(r"^(?:posted by|post by|written by|by|author|autor|auteur|autore|von|par|por|"
                         r"verfasst von|geschrieben von|автор)\s*:?$", re.I)


def _labelled_name(f: Fields, index: PageIndex) -> str | None:
    """A plain name after its label outside the text: "<b>Post by:</b> spruce_top <b>on</b> <date>"."""
    pieces = text_pieces(f, index)
    for (text, _), (value, _) in zip(pieces, pieces[1:]):
        if _NAME_LABEL.match(text) and is_name(value) and not DATE_IN_TEXT.search(value):
            return value
    return None


def _byline_segment_name(line: str, raw_date: str, title: str | None) -> str | None:
    """The segment of a "Subject - name - date" line right before the date."""
    segments = _BYLINE_SEP.split(line)
    at = next((i for i, seg in enumerate(segments) if raw_date in seg), None)
    if not at:
        return None
    name = segments[at - 1].strip()
    if not is_name(name) or (title and strip_subject_line(name + "\nx", title) == "x"):
        return None
    return name


def _subject_heading(body_el, text: str) -> str | None:
    """A comment's own subject heading at the top of its content (<h3><a href="/comment/3301#...">),
    when text follows it."""
    first = next((c for c in body_el if isinstance(c.tag, str)), None)
    if first is None or first.tag not in ("h2", "h3", "h4", "h5") or (body_el.text or "").strip():
        return None
    heading = " ".join(first.text_content().split())
    link = next(first.iter("a"), None)
    marked = _SUBJECT_CLASS.search(first.get("class") or "") or (
        link is not None and "#" in (link.get("href") or "") and " ".join(link.text_content().split()) == heading)
    if heading and marked and text.startswith(heading) and text[len(heading):].strip():
        return heading
    return None


_DOMAIN_AFTER = re.compile(r"\s*\((?:[\w-]+\.)+[a-z]{2,}(?:/\S*)?\)$", re.I)  # a link story's "(example.com)"


def _headed(f: Fields, title: str | None) -> bool:
    """The record shows the thread's title as a heading of its own, or as its link's text (a link story)."""
    want = (title or "").strip().casefold()
    return bool(want) and any(" ".join(h.text_content().split()).casefold() == want
                              for part in f.record.parts for h in part.iter("h1", "h2", "h3", "a"))


def _account_id(el) -> str | None:
    """The account a federated profile link names in its tooltip and address (title="@ann@x.org",
    href="/u/ann@x.org"), over the display name or short handle it shows."""
    link = _link_el(el)
    if link is None:
        return None
    title, href = (link.get("title") or "").strip(), (link.get("href") or "").rstrip("/")
    if title.startswith("@") and len(title) > 2 and " " not in title and href.endswith("/" + title[1:]):
        return title[1:]
    return None


def _link_el(el):
    if el is None:
        return None
    link = el if el.tag == "a" else next(el.iterancestors("a"), None)
    return link if link is not None else next(el.iter("a"), None)


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
            if isinstance(el.tag, str) and signature_box(el) and el is not body \
                    and not any(a is body for a in el.iterancestors()):
                text = " ".join(el.text_content().split())
                return text or None
    return None
