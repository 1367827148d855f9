"""The one way text adapters read a dump: renderer marks gone first (text/normalize.py), then
as lines or scanned tokens. Every text adapter starts here, so a renderer's quirk handled in
`plain` is handled for all of them (`plain` is cached: detect and parse share its work)."""
from __future__ import annotations

from .normalize import plain
from .tokens import Token, scan, split_lines


def dump_text(doc) -> str:
    """The dump's text without renderer marks (lynx link numbers, Markdown)."""
    return plain(doc.text)


def dump_lines(doc) -> list[str]:
    """The dump's lines (tabs and no-break spaces as spaces, cells a line each)."""
    return split_lines(plain(doc.text))


def dump_tokens(doc, ctx) -> list[Token]:
    """The dump's lines classified for the layout heuristics, dates read with the page's context."""
    return scan(plain(doc.text), ctx.dates)
