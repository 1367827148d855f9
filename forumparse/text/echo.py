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
_ELLIPSIS = re.compile(r"(?:\.\.\.|…)\W*$")
MIN_WORDS = 4  # shorter repeats ("I agree", "thanks") are too common to mean a quote


class EchoFinder:
    """Feed posts in page order; `split` each before `add`ing it."""

    def __init__(self):
        self._seen: list[str] = []
        self._joined = ""

    def add(self, text: str) -> None:
        if text:
            self._seen.append(word_key(text))
            self._joined = ""

    def split(self, text: str) -> tuple[str, tuple[str, ...]]:
        """(body without quote paragraphs, the quoted texts)."""
        if not text:
            return text, ()
        own, quoted = [], []
        for para in re.split(r"\n\s*\n", text):
            if self._is_quote(para):
                quoted.append(_unquote(para))
            else:
                own.append(para)
        return "\n\n".join(p.strip() for p in own if p.strip()), tuple(q for q in quoted if q)

    def _is_quote(self, para: str) -> bool:
        stripped = para.strip()
        if stripped.startswith((">", "&gt;")):
            return True
        words = _WORD.findall(stripped.casefold())
        if _ELLIPSIS.search(stripped) and words:
            words = words[:-1]  # "... the wh..." : the last word may be cut
        if len(words) < MIN_WORDS or not self._seen:
            return False
        if not self._joined:
            self._joined = " " + " \n ".join(self._seen) + " "
        return f" {' '.join(words)} " in self._joined


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
    everything = EchoFinder()
    result = []
    for post in posts:
        finder = everything
        if post.reply_to and post.reply_to in by_id:
            finder = EchoFinder()
            for earlier in _ancestors(post, by_id):
                finder.add(earlier.body)
        body, quoted = finder.split(post.body)
        everything.add(post.body)
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
