"""Posts from the anchors: each header's reach, author and rank, then each post's text, for
the two layouts (the date line opens the post, or closes it)."""
from __future__ import annotations

from ..repeats import SaidBefore
from ..tokens import Token
from .anchors import card_below, footer_layout, thread_end
from .body import drop_signature, read_body, read_stats
from .header import (
    after_stats,
    extend_to_template,
    find_subjects,
    footer_start,
    scan_back,
    scan_forward,
    trim_to_template,
)
from .names import (
    AVATAR,
    clean_name,
    date_line_author,
    is_text,
    mail_sender,
    name_like,
    named_line,
    status_name,
    strip_number,
)
from .parts import PostParts
from .titles import pick_author, pick_rank, recurring_titles, split_name_titles, status_rank
from .wrapping import wrap_width


def segment(tokens: list[Token], anchors: list[int]) -> list[PostParts]:
    end = thread_end(tokens, anchors)
    tokens, anchors = tokens[:end], [a for a in anchors if a < end]
    if footer_layout(tokens, anchors):
        return segment_footer(tokens, anchors)
    posts: list[PostParts] = []
    subjects = find_subjects(tokens)
    recurring = recurring_titles(tokens, anchors)
    inlines = [date_line_author(tokens[a]) for a in anchors]
    starts = [scan_back(tokens, a, anchors[n - 1] if n else -1, subjects, recurring, through=not inlines[n])
              for n, a in enumerate(anchors)]
    raw_starts = starts
    starts = extend_to_template(tokens, anchors, trim_to_template(tokens, anchors, starts, inlines))
    width = wrap_width(tokens)
    limit = -1
    for n, a in enumerate(anchors):
        nxt = anchors[n + 1] if n + 1 < len(anchors) else len(tokens)
        parts = PostParts(anchor=tokens[a])
        inline = inlines[n]
        start = max(starts[n], limit + 1)
        sender = _mail_header(tokens, a, max(limit, anchors[n - 1] if n else -1), nxt) \
            or _says_above(tokens, a, max(limit, anchors[n - 1] if n else -1))
        if sender is not None and sender[1] < start:
            start = sender[1]  # "From: NAME <address>" over "Subject:" and "Date:": the header's first line
        if inline and not any(t.kind == "body" and (t.text == inline or named_line(t, inline))
                              for t in tokens[start:a]):
            start = after_stats(tokens, start, a)
        names_before = [status_name(t) or t for t in tokens[start:a]
                        if (t.kind == "body" and (name_like(t.text) or t.text in recurring) and t.text not in subjects)
                        or status_name(t)]
        known = {t.text for t in names_before} | ({inline} if inline else set())
        end, after_names = scan_forward(tokens, a, nxt, need_names=not inline and not names_before, known=known,
                                         width=width)
        parts.head_start, parts.head_end = start, end
        parts.first_line = min(start, raw_starts[n])
        header_names = names_before if names_before else after_names
        parts.author = inline or (sender[0] if sender else None) or pick_author(header_names)
        if not inline:
            parts.rank = pick_rank(header_names, parts.author, tokens)
        if not parts.rank:
            parts.rank = status_rank(tokens[start:end + 1])
        if not parts.rank and inline:  # "NAME RANK" on one line, the name given by the date line
            parts.rank = next((t.text[len(inline):].strip() for t in tokens[start:a] if named_line(t, inline)), None)
        if not parts.rank and inline and any(t.text == inline for t in names_before):
            parts.rank = pick_rank(names_before, inline, tokens)  # the name over its title, then "by NAME, DATE"
        posts.append(parts)
        limit = end
    earlier = SaidBefore()  # what the posts above said: open quotes end where repeating stops
    for n, parts in enumerate(posts):
        stop = posts[n + 1].head_start if n + 1 < len(posts) else len(tokens)
        read_stats(tokens[parts.head_start:stop], parts)
        read_body(tokens[parts.head_end + 1:stop], parts, last=n + 1 == len(posts), subjects=subjects,
                   earlier=earlier)
        earlier.add(parts.body)
    split_name_titles(tokens, posts)
    return posts


def _says_above(tokens: list[Token], a: int, lo: int) -> tuple[str, int] | None:
    """ "Tobias Reed says:" right over the date line: a comment's byline (WordPress), no quote."""
    j = a - 1
    while j > lo and tokens[j].kind == "blank":
        j -= 1
    tok = tokens[j] if j > lo else None
    if tok is None or tok.kind != "quote_header" or not tok.data.get("author") or tok.data.get("rest"):
        return None
    name = clean_name(strip_number(tok.data["author"]))
    return (name, j) if name and name_like(name) else None


def _mail_header(tokens: list[Token], a: int, lo: int, hi: int) -> tuple[str, int] | None:
    """The sender of a mail-style header around the date line ("From: NAME <address>" a few
    lines above or below "Date: DATE"), and its line."""
    near = [j for j in range(a - 1, lo, -1) if tokens[j].kind != "blank"][:5]
    near += [j for j in range(a + 1, hi) if tokens[j].kind != "blank"][:3]
    for j in near:
        name = mail_sender(tokens[j].text) if len(tokens[j].text) < 120 else None
        if name:
            return name, j
    return None


def segment_footer(tokens: list[Token], anchors: list[int]) -> list[PostParts]:
    """Posts whose date line comes last: header (name, rank, stats) + text + date line."""
    posts: list[PostParts] = []
    earlier = SaidBefore()  # what the posts above said: open quotes end where repeating stops
    prev = -1
    cards = [card_below(tokens, a) for a in anchors]  # the author's card under the date line (Stack Exchange)
    loose = sum(c is not None for c in cards) * 2 >= len(anchors)
    for n, a in enumerate(anchors):
        parts = PostParts(anchor=tokens[a])
        card = cards[n] if cards[n] is not None or not loose else card_below(tokens, a, loose=True)
        region = list(range(footer_start(tokens, prev, a, card is not None), a))
        prev = a if card is None else card
        inline = date_line_author(tokens[a])
        if card is not None:
            inline = clean_name(next(t.text for t in tokens[a + 1:card + 1]
                                     if t.kind == "body" and not AVATAR.match(t.text)))
        if inline:  # the header starts where the date line's author is first named
            named = next((j for j in region if tokens[j].kind == "body"
                          and strip_number(tokens[j].text).split(" ", 1)[0] == inline.split(" ", 1)[0]
                          and name_like(strip_number(tokens[j].text).split(" ", 1)[0])), None)
            if named is not None:
                region = [j for j in region if j >= named]
        first_stat = next((j for j in region if tokens[j].kind in ("stat", "stat_value")
                           or tokens[j].kind == "quote_header"), None)  # statistics above the text only
        if first_stat is not None and not inline and tokens[first_stat].kind != "quote_header":
            # the profile's statistics: the header is the run of name lines right above them, and
            # what comes before (breadcrumbs, the thread title over the first post) is none of it
            top = scan_back(tokens, first_stat, region[0] - 1)
            region = [j for j in region if j >= top]
        first_text = next((j for j in region if is_text(tokens[j]) or tokens[j].kind == "quote_header"), a)
        title_lines: list[str] = []
        name_tok = next((tokens[j] for j in region if tokens[j].kind == "body"), None)
        if name_tok is not None and name_like(strip_number(name_tok.text)):
            # lines indented under the name belong to it (join date, user title), whatever they say
            j = name_tok.line + 1
            while j < a and (tokens[j].kind == "blank" or tokens[j].indent > name_tok.indent):
                if tokens[j].kind == "body":
                    title_lines.append(tokens[j].text)
                j += 1
            if j >= a:  # nothing left under the title: those lines were the text itself
                title_lines = []
            first_text = max(first_text, j) if title_lines else first_text
        inline = date_line_author(tokens[a]) if card is None else inline
        name_line = None
        if inline and first_text < a and tokens[first_text].text.startswith(inline + " "):
            name_line = tokens[first_text]  # "Crow Falling is a Pleasure": the name, then the user title
            first_text = next((j for j in range(first_text + 1, a)
                               if is_text(tokens[j]) or tokens[j].kind == "quote_header"), a)
        head = [tokens[j] for j in region if j < first_text]
        names = [t for t in head if t.kind == "body" and name_like(strip_number(t.text))]
        parts.author = inline or pick_author([Token(t.kind, strip_number(t.text), t.line) for t in names])
        if name_line is None and inline:
            name_line = next((t for t in head if t.kind == "body" and t.text.startswith(inline + " ")), None)
        if name_line is not None:
            parts.rank = name_line.text[len(inline):].strip() or None
        elif title_lines and not inline:
            parts.rank = " ".join(title_lines)
        else:
            parts.rank = pick_rank(names, parts.author, tokens) if not inline else None
        joined = next((t for t in head if t.kind == "date"), None)
        if joined is not None:
            parts.stats["joined"] = joined.data["raw"]
        parts.head_start, parts.head_end = region[0] if region else a, first_text - 1
        read_stats(head, parts)
        read_body(drop_signature(tokens[first_text:_signed_after_edit(tokens, first_text, a)]), parts, last=False,
                  earlier=earlier)
        earlier.add(parts.body)
        posts.append(parts)
    return posts


def _signed_after_edit(tokens: list[Token], first: int, a: int) -> int:
    """Where the text ends above a closing date line: an edit note ("Last edited: DATE") followed by
    a line or two, and nothing else, ends it; those lines are the signature (XenForo 1)."""
    edit = max((j for j in range(first, a) if tokens[j].kind == "edit"), default=None)
    if edit is None:
        return a
    after = [t for t in tokens[edit + 1:a] if t.kind != "blank"]
    if after and len(after) <= 2 and all(t.kind == "body" and len(t.text) <= 80 for t in after):
        return edit + 1
    return a
