"""How complete a parsed thread looks: the measure that decides between an engine
adapter's reading of a page and the generic heuristics' reading of it.

An engine adapter that recognised a page by its markers can still miss most of its
fields on a version or theme it was not written for (posts without authors, dates
or text). Such a result is only replaced when the generic reading is clearly more
complete and finds about as many posts, never on a close call.
"""
from __future__ import annotations

from .records import Thread

INCOMPLETE_BELOW = 0.5  # share of posts carrying a field below which a reading is incomplete
MARGIN = 0.25           # how much more complete the other reading must be to replace it


def _shares(thread: Thread) -> tuple[float, float, float]:
    """Shares of posts with an author name, a time (shown or resolved) and body text."""
    posts = thread.posts
    n = len(posts) or 1
    named = sum(1 for p in posts if p.author is not None and p.author.name)
    dated = sum(1 for p in posts if p.timestamp or p.timestamp_raw)
    worded = sum(1 for p in posts if p.body and p.body.strip())
    return named / n, dated / n, worded / n


def completeness(thread: Thread) -> float:
    """0..1: the mean share of posts with an author, a time and text."""
    if not thread.posts:
        return 0.0
    return sum(_shares(thread)) / 3


def looks_incomplete(thread: Thread) -> bool:
    """Most posts lack an author or text, or no post has any time at all."""
    if not thread.posts:
        return True
    named, dated, worded = _shares(thread)
    return named < INCOMPLETE_BELOW or worded < INCOMPLETE_BELOW or dated == 0


def better(candidate: Thread, current: Thread) -> bool:
    """The candidate reading is clearly more complete and finds about as many posts."""
    if not candidate.posts:
        return False
    if len(candidate.posts) < 0.5 * len(current.posts) or len(candidate.posts) > 3 * max(1, len(current.posts)):
        return False
    return completeness(candidate) >= completeness(current) + MARGIN
