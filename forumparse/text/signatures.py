"""Signatures in text dumps that do not set them apart: the same closing lines under every
post of one author. Lines that end two or more posts of the same author are that author's
signature (a post never loses all its text to it).
"""
from __future__ import annotations

import re
from collections import defaultdict

import attrs

# The line a mobile app adds under every post it sends (Tapatalk and the forums' own apps).
SIGN_OFF = re.compile(r"^(?:sent from my\b.{1,80}|sent using\b.{1,60}|gesendet von meine[mr]\b.{1,80}|"
                      r"envoyé de mon\b.{1,80}|enviado desde mi\b.{1,80}|inviato dal mio\b.{1,80}|"
                      r"mit der .{0,40}\bapp\b.{0,80}\b(?:geschrieben|gesendet)|"
                      r".{0,80}\b(?:using|mit|via) tapatalk\b.*)"
                      r"\.?$", re.I)
MIN_WORDS = 3  # a repeated "Thanks!" or a name alone is no signature


def split_signatures(posts: list, set_apart: bool = False) -> list:
    """Posts with the closing lines repeated across one author's posts moved to author.signature.

    With `set_apart` (engines that show signatures), the page's own layout is learned too:
    where every repeated signature stood alone after a blank line, and no author with several
    posts ends one with a paragraph of text after a blank line, the last paragraph of a lone
    post is its author's signature as well (see `_lone_signatures`)."""
    out = _repeated_signatures(posts)
    return _lone_signatures(posts, out) if set_apart else out


def _repeated_signatures(posts: list) -> list:
    by_author: dict[str, list[int]] = defaultdict(list)
    for n, post in enumerate(posts):
        if post.author and post.author.name and post.body:
            by_author[post.author.name].append(n)
    out = list(posts)
    for indexes in by_author.values():
        if len(indexes) < 2:
            continue
        bodies = {n: posts[n].body.split("\n") for n in indexes}
        for n in indexes:
            lines = bodies[n]
            # the longest tail shared with another post that leaves this one some text (a post
            # repeated whole, a double post, shares everything with its twin)
            cut = max((c for c in (_shared_tail(lines, bodies[m]) for m in indexes if m != n)
                       if "\n".join(lines[:len(lines) - c]).strip()), default=0)
            if not cut:
                continue
            tail = [ln for ln in lines[len(lines) - cut:] if ln.strip()]
            head = "\n".join(lines[:len(lines) - cut]).strip()
            if not head or sum(len(ln.split()) for ln in tail) < MIN_WORDS:
                continue
            post = out[n]
            author = attrs.evolve(post.author, signature=post.author.signature or "\n".join(tail))
            out[n] = attrs.evolve(post, body=head, author=author)
    return out


MIN_EVIDENCE = 2  # posts whose repeated signature shows how the page sets signatures apart
MAX_LINES = 15  # a signature is short; a longer closing paragraph is text


def _lone_signatures(before: list, after: list) -> list:
    """A renderer that prints a blank line between a post's text and its signature (lynx) lets
    a signature be seen without a repeat: where each post of an author with several posts that
    ends with a paragraph after a blank line has exactly that paragraph as its repeated
    signature (at least MIN_EVIDENCE such posts, no post against it), the page's blank-line
    paragraphs at the end of a post are signatures, and that of each lone post goes too."""
    count: dict[str, int] = defaultdict(int)
    for post in before:
        if post.author and post.author.name and post.body:
            count[post.author.name] += 1
    evidence = 0
    lone = []
    for n, (old, new) in enumerate(zip(before, after)):
        if not (old.author and old.author.name and old.body) or _last_paragraph(old.body) is None:
            continue
        if count[old.author.name] == 1:
            lone.append(n)
            continue
        rest = old.body[len(new.body):] if old.body.startswith(new.body) else ""
        if new.body == old.body or not re.match(r"[ \t]*\n[ \t]*\n", rest):
            return after  # a closing paragraph that is text, or a signature that is no paragraph
        evidence += 1
    if evidence < MIN_EVIDENCE:
        return after
    out = list(after)
    for n in lone:
        post = out[n]
        head, tail = _last_paragraph(post.body) or (None, None)
        if head is None or len(tail.split("\n")) > MAX_LINES or post.author.signature:
            continue
        author = attrs.evolve(post.author, signature=tail)
        out[n] = attrs.evolve(post, body=head, author=author)
    return out


def _last_paragraph(body: str) -> tuple[str, str] | None:
    """(text before, last paragraph) of a body of several paragraphs."""
    parts = re.split(r"\n[ \t]*\n", (body or "").strip())
    if len(parts) < 2 or not parts[-1].strip():
        return None
    return "\n\n".join(parts[:-1]).strip(), parts[-1].strip()


def _shared_tail(a: list[str], b: list[str]) -> int:
    """How many closing lines `a` and `b` share (blank lines count only inside the run)."""
    i, j, n = len(a) - 1, len(b) - 1, 0
    while i >= 0 and j >= 0 and _same(a[i], b[j]):
        i -= 1
        j -= 1
        n += 1
    while n and not a[len(a) - n].strip():
        n -= 1
    return n


def _same(x: str, y: str) -> bool:
    return " ".join(x.split()) == " ".join(y.split())


def split_sign_offs(posts: list) -> list:
    """Posts whose last line is a mobile app's sign-off ("Sent from my iPhone using Tapatalk")
    with that line moved to author.signature (a post never loses all its text to it)."""
    out = []
    for post in posts:
        lines = (post.body or "").rstrip().split("\n")
        if post.author and len(lines) > 1 and SIGN_OFF.match(lines[-1].strip()):
            head = "\n".join(lines[:-1]).strip()
            if head:
                author = attrs.evolve(post.author, signature=post.author.signature or lines[-1].strip())
                post = attrs.evolve(post, body=head, author=author)
        out.append(post)
    return out
