"""The public records: frozen attrs classes whose field names are the JSON keys.

Converters normalise at construction (names stripped, counts to int) so that
every adapter yields values of one shape. Nothing but the records lives here.
"""
from __future__ import annotations

import re

from attrs import field, frozen

_DIGITS = re.compile(r"[^\d-]")


def _clean_str(value: object) -> str | None:
    if value is None:
        return None
    text = " ".join((value if value.__class__ is str else str(value)).split())
    return text or None


def _clean_name(value: object) -> str:
    return _clean_str(value) or ""


def _to_int(value: object) -> int | None:
    """Counts arrive as '1,234', '1 234', ' 12 ' or ints; anything unreadable is None."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    digits = _DIGITS.sub("", str(value))
    if not digits or digits == "-":
        return None
    try:
        return int(digits)
    except ValueError:
        return None


def _to_tuple(value: object) -> tuple:
    if value is None:
        return ()
    return tuple(value)


def _strs(value: object) -> tuple[str, ...]:
    if value is None or value == ():  # most records have no attachments, breadcrumbs or warnings
        return ()
    return tuple(s for s in (_clean_str(v) for v in _to_tuple(value)) if s)


@frozen
class Author:
    name: str = field(converter=_clean_name)
    rank: str | None = field(default=None, converter=_clean_str)
    post_count: int | None = field(default=None, converter=_to_int)
    joined: str | None = field(default=None, converter=_clean_str)
    user_id: str | None = field(default=None, converter=_clean_str)
    profile_url: str | None = field(default=None, converter=_clean_str)
    avatar_url: str | None = field(default=None, converter=_clean_str)
    location: str | None = field(default=None, converter=_clean_str)
    signature: str | None = field(default=None)


@frozen
class Quote:
    author: str | None = field(default=None, converter=_clean_str)
    text: str = ""
    post_id: str | None = field(default=None, converter=_clean_str)


@frozen
class LatestReply:
    author: str | None = field(default=None, converter=_clean_str)
    timestamp: str | None = field(default=None, converter=_clean_str)


@frozen
class Post:
    index: int = 0
    post_id: str | None = field(default=None, converter=_clean_str)
    permalink: str | None = field(default=None, converter=_clean_str)
    author: Author | None = None
    timestamp: str | None = field(default=None, converter=_clean_str)
    timestamp_raw: str | None = field(default=None, converter=_clean_str)
    title: str | None = field(default=None, converter=_clean_str)
    body: str = ""
    body_html: str | None = None
    quotes: tuple[Quote, ...] = field(factory=tuple, converter=_to_tuple)
    edited: str | None = field(default=None, converter=_clean_str)
    reply_to: str | None = field(default=None, converter=_clean_str)
    likes: int | None = field(default=None, converter=_to_int)
    attachments: tuple[str, ...] = field(factory=tuple, converter=_strs)


@frozen
class Thread:
    title: str | None = field(default=None, converter=_clean_str)
    url: str | None = field(default=None, converter=_clean_str)
    engine: str | None = None
    source_format: str | None = None
    breadcrumbs: tuple[str, ...] = field(factory=tuple, converter=_strs)
    views: int | None = field(default=None, converter=_to_int)
    reply_count: int | None = field(default=None, converter=_to_int)
    latest_reply: LatestReply | None = None
    page: int | None = field(default=None, converter=_to_int)
    page_count: int | None = field(default=None, converter=_to_int)
    next_page_url: str | None = field(default=None, converter=_clean_str)
    posts: tuple[Post, ...] = field(factory=tuple, converter=_to_tuple)
    warnings: tuple[str, ...] = field(factory=tuple, converter=_strs)
