"""Text that repeats what the page said earlier: how dumps without quote markup show a quote.

A quote copies a post that is often on the same page, above the quote. Every reader of
such repeats compares lines by their words alone (case, punctuation and spacing differ
between the post and its quote): `word_key`. `SaidBefore` keeps the page's words in order,
for quotes found as a run of words (text/quoted.py, the layout's open quotes, text/echo.py);
`SeenLines` keeps whole lines, for the engine adapters that compare line by line.
"""
from __future__ import annotations

import re

_WORD = re.compile(r"\w+")


def word_key(text: str) -> str:
    """The words of a text, lower case, one space apart."""
    return " ".join(_WORD.findall(text.casefold()))


class SaidBefore:
    """The words of the page read so far, in order. With `apart`, a repeat must lie within one
    added text (one post), else it may run on from one into the next (lines of a page)."""

    def __init__(self, apart: bool = False):
        self._sep = " \n " if apart else " "
        self._parts: list[str] = []
        self._joined = " "

    def add(self, text: str) -> None:
        words = word_key(text)
        if words:
            self._parts.append(words)
            self._joined = ""

    def __bool__(self) -> bool:
        return bool(self._parts)

    def has(self, words: str) -> bool:
        """Whether these words (a `word_key`) were said, in this order, as whole words."""
        if not self._joined:
            self._joined = " " + self._sep.join(self._parts) + " "
        return f" {words} " in self._joined


class SeenLines:
    """The lines of the posts read so far, to know a quoted line when it comes again."""

    def __init__(self):
        self._lines: set[str] = set()

    def add(self, text: str) -> None:
        for line in text.split("\n"):
            key = self._key(line)
            if key:
                self._lines.add(key)

    def __call__(self, line: str) -> bool:
        key = self._key(line)
        return bool(key) and key in self._lines

    @staticmethod
    def _key(line: str) -> str:
        words = word_key(line)
        return words if " " in words else ""  # one word repeats by chance
