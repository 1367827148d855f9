"""Last steps of the engine text adapters, over all posts of a page: signatures repeated
under one author's posts, and quotes that a dump prints as plain text (renderers that drop
the quote box's indentation) found as repeats of earlier posts: whole paragraphs first,
then single lines left over where a quote and the reply share a paragraph."""
from __future__ import annotations

import re

import attrs

from ..records import Quote
from .echo import split_echoes
from .signatures import split_signatures

MIN_WORDS = 5  # a repeated short line ("Thanks!", "Same here") is no quote


def tidy_posts(posts: list, signatures: bool = False) -> list:
    """`signatures`: the engine shows signatures (under a blank line they may be learned from
    the page's layout, see split_signatures)."""
    return _split_repeated_lines(split_echoes(split_signatures(posts, set_apart=signatures)))


def _split_repeated_lines(posts: list) -> list:
    seen: set[str] = set()
    out = []
    for post in posts:
        own, quoted = [], []
        for line in (post.body or "").split("\n"):
            key = _key(line)
            (quoted if key and key in seen else own).append(line)
        if quoted and len(re.findall(r"\w+", " ".join(own))) >= MIN_WORDS:  # else the post is the repeat
            body = re.sub(r"\n{3,}", "\n\n", "\n".join(own)).strip()
            post = attrs.evolve(post, body=body, quotes=tuple(post.quotes) + (Quote(text="\n".join(quoted)),))
        for text in [post.body or ""] + [q.text or "" for q in post.quotes]:
            seen.update(k for k in map(_key, text.split("\n")) if k)
        out.append(post)
    return out


def _key(line: str) -> str:
    words = re.findall(r"\w+", line.casefold())
    return " ".join(words) if len(words) >= MIN_WORDS else ""
