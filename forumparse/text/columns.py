"""Text browsers render table layouts side by side (w3m): the author column on the left,
the post text on the right, on the same lines. Unfold such blocks into one column:
left parts first, then right parts, so that later steps read lines in reading order.
"""
from __future__ import annotations

import re
from collections import Counter

from ..vocab import JOINED_LABEL, LOCATION_LABEL, POSTS_LABEL

_GAP = re.compile(r"\S( {2,})(?=\S)")
MIN_LINES = 8  # a column boundary must recur on this many lines to be one
SHORT_PAGE, SHORT_MIN_LINES = 80, 5


def find_boundary(lines: list[str]) -> int | None:
    """The column where right-hand text starts on many lines that also hold left-hand text."""
    counts: Counter = Counter()
    for line in lines:
        if len(line) < 20:
            continue
        for m in _GAP.finditer(line):
            start = m.end()
            if 8 <= start <= 160 and len(line[:m.start(1)].strip()) <= 40:
                counts[start] += 1
                break
    if not counts:
        return None
    col, n = counts.most_common(1)[0]
    # neighbouring columns count too: wrapped right text may start a space later
    total = n + counts.get(col + 1, 0) + counts.get(col - 1, 0)
    # a short page (a thread of two or three posts) shows the boundary on fewer lines
    need = MIN_LINES if len(lines) >= SHORT_PAGE else SHORT_MIN_LINES
    return col if total >= need and total * 40 >= len(lines) else None


def unfold(lines: list[str]) -> tuple[list[str], set[int]]:
    """The lines in reading order, and the numbers of the lines that came from a left column."""
    col = find_boundary(lines)
    if col is None:
        return lines, set()
    out: list[str] = []
    left_lines: set[int] = set()
    block: list[tuple[str, str]] = []
    originals: list[str] = []  # the block's lines as printed
    state = {"after_text": False, "block_after_text": False}  # a full-width line just above
    row_end: list[int] = []  # where the left lines of the last row unfolded end (only blank lines since)

    def flush(before_text: bool = False):
        nonlocal left_lines
        pairs = [left for left, right in block if left.strip() and right.strip()]
        if len(pairs) >= 2 or pairs and col == page_col and _author_cell(pairs[0], block):
            for left in _join_wrapped([left for left, _ in block if left.strip()], col):
                left_lines.add(len(out))
                out.append(left)
            row_end[:] = [len(out)]
            out.append("")
            out.extend(right for _, right in block)
            return _clear()
        lead = next((n for n, (_, right) in enumerate(block) if right.strip()), len(block))
        if row_end and lead and any(_statistic(left.strip()) for left, _ in block[:lead]):
            # the author column goes on below a short post, past a blank line (w3m): its
            # statistics join the row's left lines, not the text of the post below
            at, lefts = row_end[0], _join_wrapped([left for left, _ in block[:lead] if left.strip()], col, named=False)
            out[at:at] = lefts
            left_lines = {n + len(lefts) if n >= at else n for n in left_lines} | set(range(at, at + len(lefts)))
            row_end[:] = [at + len(lefts)]
            del block[:lead], originals[:lead]
            if not block:
                return _clear()
        if any(left.strip() for left, _ in block):  # the right column alone goes on in the row
            row_end.clear()
        if before_text or state["block_after_text"]:
            # lines among full-width text that merely fit the columns (a short centred line):
            # as printed, with their own indentation
            out.extend(originals)
        else:
            out.extend(left + right if not right or not left.strip() else left.rstrip() + "  " + right
                       for left, right in block)
        _clear()

    def _clear():
        block.clear()
        originals.clear()

    page_col, col = col, None
    for line in lines:
        if not line.strip():  # a blank line across both columns ends a row
            flush()
            col = None
            state["after_text"] = False
            out.append(line)
            continue
        split = _split(line, col, in_row=any(rgt and _statistic(lft.strip()) for lft, rgt in block)) if col else None
        if split is None:
            # each table row has its own column widths: the row's first two-part line sets them
            row = _ROW.match(line)
            new_col = row.end(2) if row and 8 <= row.end(2) <= 160 else page_col
            split = _split(line, new_col)
            flush(before_text=split is None and len(line) >= new_col + 10)
            col = new_col
            if split is None:  # a line across the columns
                col = None
                row_end.clear()
                state["after_text"] = len(line) >= new_col + 10  # text running on through both
                out.append(line)
                continue
        if not block:
            state["block_after_text"] = state["after_text"]
        state["after_text"] = False
        block.append(split)
        originals.append(line)
    flush()
    return out, left_lines


def _author_cell(left: str, block: list[tuple[str, str]]) -> bool:
    """One line with text on both sides at the page's column is a row too where the left
    side is a user statistic, or where the row starts with it and goes on with lines on
    the left alone and on the right alone (name and title beside a quote's first lines)."""
    if _statistic(left.strip()) or re.fullmatch(r"\[[^\]]{1,40}\]", left.strip()):  # or an avatar's alt text
        return True
    if len(block) == 1 and len(left.split()) <= 3 and _POST_LINE.search(block[0][1]):
        return True  # "NAME      Posted: DATE" alone: a padded table (inscriptis) parts its rows with blank lines
    rest = block[1:]
    # a one-line post beside the name, the title under the name alone ("reedbed  That was it,
    # thanks..." / "Tadpole"): the right side a sentence, the left a short name
    sentence = len(block[0][1].split()) >= 5 and len(left.split()) <= 3
    return block[0][0] == left and any(lft.strip() and not right.strip() for lft, right in rest) and (sentence or any(
        right.strip() and not lft.strip() for lft, right in rest))


_POST_LINE = re.compile(r"^(?:post\s*)?posted\b.{0,20}(?:\d{1,2}:\d\d|(?:19|20)\d\d)", re.I)
_BRACKETED = re.compile(r"^\[[^\]]*\]$")


def _join_wrapped(lefts: list[str], col: int, named: bool = True) -> list[str]:
    """The author column's lines with a long user title or location that the narrow column
    wrapped ("**WARRANT OFFICER" / "2**") on one line again: a short line whose first word
    would not have fitted after the line above continues it (never the name, the first line;
    never a statistic, a status or an image's alt text). `named`: the first line is the name."""
    out: list[str] = []
    for line in lefts:
        text, prev = line.strip(), out[-1].strip() if out else ""
        words = text.split()
        if len(out) >= (2 if named else 1) and len(words) <= 3 and len(prev) + 1 + len(words[0]) > col - 1 \
                and not _statistic(text) and not _BRACKETED.match(text) and not _BRACKETED.match(prev) \
                and (not _statistic(prev) or LOCATION_LABEL.match(prev)) \
                and not _STATUS_WORDS.search(text):
            out[-1] = f"{out[-1].rstrip()} {text}"
            continue
        out.append(line)
    return out


def _statistic(text: str) -> bool:
    """ "Join Date: Mar 2011", "Posts: 1,234", "Location: Texas" (not "Post Posted: DATE")."""
    m = POSTS_LABEL.match(text)
    if m:
        return bool(re.fullmatch(r"\d[\d,.]*", m.group("value") or ""))
    m = JOINED_LABEL.match(text) or LOCATION_LABEL.match(text)
    return bool(m and m.group("value") and ":" in text[:m.start("value")])


_STATUS_WORDS = re.compile(r"(?:^|\s)(?:offline|online)$", re.I)  # "Offline", "Member Is Offline": no wrapped title
_ROW = re.compile(r"^(\S.{0,39}?)( {2,})(?=\S)")


def _split(line: str, col: int, in_row: bool = False) -> tuple[str, str] | None:
    """(left, right) of a line that fits the two columns, None for a line that crosses them.
    `in_row`: the line is inside a row of an author column (statistics beside text), where a
    left side that fills its column leaves one space only ("Location: Middlewich float", w3m)."""
    if not line.strip():
        return "", ""
    head = line[:col - 1]
    if not head.strip():  # right column only; keep its indentation relative to the column
        first = len(line) - len(line.lstrip())
        return "", " " * max(0, first - col) + line.strip()
    left_end = len(line.rstrip()) if len(line.rstrip()) < col else None  # left text up to the gap before col
    if left_end is not None:
        return line.rstrip(), ""
    for m in re.finditer(r" {2,}", line):
        if col - 1 <= m.end() <= col + 3:
            return line[:m.start()], " " * max(0, m.end() - col) + line[m.end():].rstrip()
        if m.end() > col + 3:
            break
    if in_row and len(line) > col and line[col - 1] == " " and line[col - 2] != " " and line[col] != " ":
        return line[:col - 1], line[col:].rstrip()
    return None
