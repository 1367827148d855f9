"""Counts as forums show them: "1,234", "1.234", "1 234", "12.3k", "2M", "Posts: 57"."""
from __future__ import annotations

import re

_NUMBER = re.compile(r"(?<![\w.,])(\d{1,3}(?:[,.\u00a0\u202f\u2009' ]\d{3})+|\d+)"
                     r"(?:([.,]\d+)?\s*([kKmM]|тыс\.?)(?!\w))?")
_SEPARATORS = re.compile(r"[,.\u00a0\u202f\u2009' ]")  # thin spaces too (fr, ru)


def parse_count(text: object, *, allow_abbrev: bool = True) -> int | None:
    """The first count in `text`, or None. "38k" is 38000 only when `allow_abbrev` is set:
    callers that need an exact figure pass False and get None for abbreviated counts."""
    if text is None:
        return None
    if isinstance(text, int) and not isinstance(text, bool):
        return text
    match = _NUMBER.search(str(text))
    if not match:
        return None
    whole, frac, unit = match.groups()
    if unit:
        if not allow_abbrev:
            return None
        value = float(_SEPARATORS.sub("", whole) + (("." + frac[1:]) if frac else ""))
        factor = 1_000_000 if unit in ("m", "M") else 1000
        return int(round(value * factor))
    return int(_SEPARATORS.sub("", whole))
