"""What the layout reads of one post, filled in step by step."""
from __future__ import annotations

from attrs import define, field

from ..tokens import Token


@define
class PostParts:
    anchor: Token
    author: str | None = None
    rank: str | None = None
    stats: dict = field(factory=dict)
    body: str = ""
    quotes: list = field(factory=list)
    signature: str | None = None
    head_start: int = 0
    head_end: int = 0
    first_line: int = 0  # where the header would start without trimming (titles sit above it)
    open_quote: bool = False  # a quote whose end the dump does not show (no indentation, no marker)
    open_from: int | None = None  # the first of the last quotes that were all open ones
    end: int = 0
    ran_on: bool = False  # the last indented quote ran to the post's end, its buttons or edit note
