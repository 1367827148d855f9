"""Quotes on engines without quote markup (Hacker News, old Reddit text): paragraphs that repeat.

People quote there by typing "> text" or by pasting the words they answer, often in
quotation marks and cut short with "...". A paragraph is a quote when it starts with
">" or when its words occur in a post earlier on the page (a quote repeats what came
before; the post that is quoted does not repeat its quoter).
"""
from __future__ import annotations

import re

import attrs

from ..records import Quote
from .repeats import word_key

_WORD = re.compile(r"\w+")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_ELLIPSIS = re.compile(r"(?:\.\.\.|…)\W*$")
MIN_WORDS = 4  # shorter repeats ("I agree", "thanks") are too common to mean a quote


class EchoFinder:
    """Feed posts in page order; `split` each before `add`ing it."""

    def __init__(self, keys=()):
        """`keys`: the `word_key`s of texts read already."""
        self._seen: list[str] = list(keys)
        self._joined = ""

    def add(self, text: str) -> None:
        if text:
            self.add_key(word_key(text))

    def add_key(self, words: str) -> None:
        """Add a text by its `word_key`."""
        self._seen.append(words)
        self._joined = ""

    def split(self, text: str) -> tuple[str, tuple[str, ...]]:
        """(body without quote paragraphs, the quoted texts)."""
        return self.split_paragraphs(paragraphs(text)) if text else (text, ())

    def split_paragraphs(self, paras: list[tuple[str, list[str]]]) -> tuple[str, tuple[str, ...]]:
        """`split` of a text given as its `paragraphs`."""
        own, quoted = [], []
        for para, words in paras:
            if self._is_quote(para, words):
                quoted.append(_unquote(para))
            else:
                own.append(para)
        return "\n\n".join(p.strip() for p in own if p.strip()), tuple(q for q in quoted if q)

    def _is_quote(self, para: str, words: list[str]) -> bool:
        stripped = para.strip()
        if stripped.startswith((">", "&gt;")):
            return True
        if not self._seen:
            return False
        if _ELLIPSIS.search(stripped) and words:
            words = words[:-1]  # "... the wh..." : the last word may be cut
        if len(words) < MIN_WORDS:
            return False
        if not self._joined:
            self._joined = " " + " \n ".join(self._seen) + " "
        return f" {' '.join(words)} " in self._joined


def paragraphs(text: str) -> list[tuple[str, list[str]]]:
    """(paragraph, its words as `word_key` finds them) of a text: read once, for its own split
    and for the key the posts below compare with."""
    return [(para, _WORD.findall(para.casefold())) for para in _PARAGRAPH_BREAK.split(text)]


def _unquote(para: str) -> str:
    lines = [re.sub(r"^\s*(?:>|&gt;)\s?", "", ln) for ln in para.strip().split("\n")]
    return "\n".join(lines).strip().strip("\"“”")


def split_echoes(posts) -> list:
    """Posts in page order with their repeated paragraphs moved from the body to the quotes.

    Where posts say what they reply to, a repeat counts only from the posts above in that
    chain (a reply quotes what it answers); a post that would keep no words of its own
    keeps them all (a saying repeated on purpose is the post).
    """
    by_id = {p.post_id: p for p in posts if p.post_id}
    # each body read once: its paragraphs to split, its words for the posts below (a reply
    # chain reads its ancestors' again for every reply)
    read = {id(p): paragraphs(p.body) for p in posts if p.body}
    keys = {n: " ".join(" ".join(words) for _para, words in paras if words) for n, paras in read.items()}
    everything = EchoFinder()
    result = []
    for post in posts:
        finder = everything
        if post.reply_to and post.reply_to in by_id:
            finder = EchoFinder(keys[id(e)] for e in _ancestors(post, by_id) if e.body)
        body, quoted = finder.split_paragraphs(read[id(post)]) if post.body else (post.body, ())
        if post.body:
            everything.add_key(keys[id(post)])
        if quoted and not body.strip() and not post.body.lstrip().startswith((">", "&gt;")):
            body, quoted = post.body, ()
        if quoted:
            post = attrs.evolve(post, body=body, quotes=tuple(post.quotes) + tuple(Quote(text=q) for q in quoted))
        result.append(post)
    return result


def _ancestors(post, by_id: dict) -> list:
    chain, seen = [], {post.post_id}
    parent = by_id.get(post.reply_to)
    while parent is not None and parent.post_id not in seen:
        chain.append(parent)
        seen.add(parent.post_id)
        parent = by_id.get(parent.reply_to)
    return chain
