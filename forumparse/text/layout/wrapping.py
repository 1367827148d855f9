"""Where the renderer wrapped lines: its wrap column, and whether a line runs on into the next."""
from __future__ import annotations

from ..tokens import Token


def wraps_into(tok: Token, nxt: Token | None, width: int) -> bool:
    """A line that the renderer wrapped: the next line (same indentation) starts with a word that
    would not have fitted on it within the dump's width."""
    if nxt is None or tok.kind != "body" or nxt.kind != "body" or tok.bullet or nxt.bullet:
        return False
    if tok.indent != nxt.indent or tok.text.endswith((".", "?", "!", ":")) or len(tok.text) + len(nxt.text) > 200:
        return False
    return tok.indent + len(tok.text) + 1 + len(nxt.text.split()[0]) > width - 2  # lynx keeps a margin


def wrap_width(tokens: list[Token]) -> int:
    """The column where the renderer wraps lines: what the longest lines reach, leaving out the
    few longer ones (a URL or a long word is not wrapped). Unwrapped dumps get a wide one."""
    lengths = sorted((t.indent + len(t.text) for t in tokens if t.kind == "body"), reverse=True)
    return lengths[min(len(lengths) - 1, len(lengths) // 50)] if lengths else 0
