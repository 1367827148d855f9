"""User names run into the line above them. Dumps that break lines only at blocks (Common Crawl
WET) join a table row's first cell to the end of the row before: the name of a post's author
ends the previous post's last line ("... see pictures at, http://flickr.com/x Deano") or the
column headings ("Author Message prestbury2"), with the profile block (rank, "Joined:",
"Posts:") on the lines below. Such a name goes back on a line of its own."""
from __future__ import annotations

import re

from ..vocab import JOINED_LABEL, POSTS_LABEL

# Column headings of a thread table (the row above the first post).
_HEADINGS = re.compile(r"^(?:author\s+)?(?:message|nachricht|mensaje|messaggio|bericht|сообщение)\s+(?=\S)"
                       r"|^(?:autor|auteur|автор)\s+(?:nachricht|message|mensaje|сообщение)\s+(?=\S)", re.I)
_RANK_MAX = 40  # a user title between the name and the statistics is a short line


def split_glued_names(lines: list[str]) -> list[str]:
    """The lines with each author name that ends a longer line, right above a profile block,
    split off onto a line of its own (flush-left dumps only: indented dumps keep their lines)."""
    tails = [i for i in range(len(lines) - 1) if _above_profile(lines, i) and lines[i][:1].strip()]
    if not tails:
        return lines
    names = _clean_names(lines)
    out: list[str] = []
    splits = {i: _split(lines[i], names) for i in tails}
    for i, line in enumerate(lines):
        parts = splits.get(i)
        out.extend(parts if parts else [line])
    return out


def _statistic(line: str) -> bool:
    m = POSTS_LABEL.match(line)
    if m:
        return bool(re.fullmatch(r"\d[\d,.]*", m.group("value") or ""))
    m = JOINED_LABEL.match(line)
    return bool(m and m.group("value") and ":" in line[:m.start("value")])


def _above_profile(lines: list[str], i: int) -> bool:
    """Line i is followed by at most two short lines (user titles), then a statistic."""
    for j in range(i + 1, min(len(lines), i + 4)):
        line = lines[j].strip()
        if not line:
            return False
        if _statistic(line):
            return True
        if len(line) > _RANK_MAX:
            return False
    return False


def _clean_names(lines: list[str]) -> set[str]:
    """Names the page shows on a line of their own right above a statistic ("Joined:"), at
    least twice (the same author again, not a title that happens to stand there once)."""
    seen: dict[str, int] = {}
    for i in range(len(lines) - 1):
        text = lines[i].strip()
        if 2 <= len(text) <= 30 and len(text.split()) <= 3 and _statistic(lines[i + 1].strip()):
            seen[text] = seen.get(text, 0) + 1
    return {name for name, n in seen.items() if n >= 2}


def _split(line: str, names: set[str]) -> list[str] | None:
    text = line.strip()
    heading = _HEADINGS.match(text)
    if heading:
        return [text[:heading.end()].strip(), text[heading.end():]]
    if len(text) <= _RANK_MAX:
        return None  # a name, or a name and its title, on their own line
    known = [n for n in names if text.endswith(" " + n)]
    if not known:
        return None  # which of the last words are the name is not shown
    name = max(known, key=len)
    return [text[:-len(name)].rstrip(), name]
