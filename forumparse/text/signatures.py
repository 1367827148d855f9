"""Signatures in text dumps that do not set them apart: the same closing lines under every
post of one author. Lines that end two or more posts of the same author are that author's
signature (a post never loses all its text to it).
"""
from __future__ import annotations

from collections import defaultdict

import attrs

MIN_WORDS = 3  # a repeated "Thanks!" or a name alone is no signature


def split_signatures(posts: list) -> list:
    """Posts with the closing lines repeated across one author's posts moved to author.signature."""
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
            cut = max(_shared_tail(lines, bodies[m]) for m in indexes if m != n)
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
