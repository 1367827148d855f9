"""Something Awful threads as text. Each post is a table row: the author cell (name, register
date, avatar, custom title) and the text cell, then a row with "# ? DATE" and the buttons
Profile / Message / Post History / Rap Sheet / Alert Moderators / Quote. Linearising browsers
(lynx) print the cells one after the other; table browsers (w3m) print them side by side, with
a column boundary of each post's own."""
from __future__ import annotations

import re
from collections import Counter

import attrs

from ..errors import NotAThreadError
from ..records import Author, Post, Thread
from ..text.dump import dump_text
from ..text.postbody import body_and_quotes
from ..text.spans import find_date
from ..text.tidy import tidy_posts
from ..text.tokens import Token, scan, split_lines
from .base import Adapter

BUTTON = re.compile(r"(?:^|\s)[•*]\s*(?:profile|message|post history|rap sheet|alert moderators|quote)\s*$", re.I)
EXACT_BUTTON = re.compile(r"^\s*(?:profile|message|post history|rap sheet|alert moderators|quote)\s*$", re.I)
POSTDATE = re.compile(r"(?:^|[\s\]•*])#(?:\s*\?|\s{2,}|\s*$)")
POSTICON = re.compile(r"\[posticon[^\]]*\]|\[[^\]]{1,12}\]\s*(?=#)", re.I)
EDITED = re.compile(r"^.{1,60}? fucked around with this message at\b", re.I)
CRUMB = re.compile(r"^\s*the something awful forums\s*>", re.I)
PLACEHOLDER = re.compile(r"^\[[^\]]*\]$")
# The forum's special titles, printed below the custom title (not part of it).
SPECIAL = re.compile(r"^(?:fun shoe|fallen rib|illegal hen|dinosaur gum|queen bee|probation|banned)$", re.I)
SPECIAL_END = re.compile(r"\s+(?:fun shoe|fallen rib|illegal hen|dinosaur gum|queen bee)$", re.I)
TOP_NAV = re.compile(r"^\s*(?:[•*]\s*)?(?:post|reply|\[button[^\]]*\]|«.*»|.*\s>\s.*)\s*$", re.I)
BUTTON_NAV = re.compile(r"^\s*(?:[•*]\s*)?(?:post|reply|\[button[^\]]*\]|«.*»)\s*$", re.I)
RIGHT_MIN = 8  # the text cell starts at least this far right in a side-by-side dump


class SomethingAwfulText(Adapter):
    name = "somethingawful"
    format = "text"
    priority = 0.6
    description = "Something Awful forum threads as text dumps"

    def detect(self, doc) -> float:
        head = dump_text(doc)[:400_000]
        dates = len(re.findall(r"#\s*\?\s*(?:[A-Z][a-z]{2}\s+\d|$)", head, re.M))
        buttons = sum(1 for w in ("Post History", "Alert Moderators", "Rap Sheet") if w in head)
        if "Something Awful Forums" in head and (dates or buttons):
            return 0.95
        return 0.8 if dates >= 1 and buttons >= 2 else 0.0

    def parse(self, doc, ctx) -> Thread:
        text = dump_text(doc)
        if "\t" in text and re.search(r"^#\s*\?[^\n]*\t", text, re.M):
            text = _unflatten(text, ctx)
        lines = split_lines(text)
        footers = _footers(lines)
        if not footers:
            raise NotAThreadError("no Something Awful post footers found")
        posts = []
        start = _first_start(lines, footers[0][0])
        for first, last in footers:
            region = lines[start:first]
            start = last + 1
            post = _post(region, _date_text(lines[first:last + 1]), ctx)
            if post is not None:
                posts.append(post)
        return Thread(title=_title(lines), posts=tidy_posts(_titles_from_repeats(posts)))


def _titles_from_repeats(posts: list[Post]) -> list[Post]:
    """Where the author cell ran into the text (copied text: no indentation, no tabs), the
    custom title is the opening lines that all posts of one author share."""
    by_author: dict[str, list[int]] = {}
    for n, post in enumerate(posts):
        if post.author and post.author.rank is None and post.body:
            by_author.setdefault(post.author.name, []).append(n)
    out = list(posts)
    for indexes in by_author.values():
        if len(indexes) < 2:
            continue
        bodies = [posts[n].body.split("\n") for n in indexes]
        shared = 0
        while all(len(b) > shared + 1 for b in bodies) and len({b[shared].strip() for b in bodies}) == 1:
            shared += 1
        title = " ".join(line.strip() for line in bodies[0][:shared] if line.strip())
        if not title:
            continue
        for n, lines in zip(indexes, bodies):
            lines = lines[shared:]
            while lines and SPECIAL.match(lines[0].strip()):
                lines = lines[1:]
            out[n] = attrs.evolve(posts[n], body="\n".join(lines).strip(),
                                  author=attrs.evolve(posts[n].author, rank=SPECIAL_END.sub("", title)))
    return out


def _footers(lines: list[str]) -> list[tuple[int, int]]:
    """(first, last) line of each post's date-and-buttons block."""
    marks = [i for i, line in enumerate(lines) if _button(line) or POSTDATE.search(line)]
    blocks: list[list[int]] = []
    for i in marks:
        if blocks and i - blocks[-1][-1] <= 3:
            blocks[-1].append(i)
        else:
            blocks.append([i])
    out = []
    for block in blocks:
        first, last = block[0], block[-1]
        has_date = any(POSTDATE.search(lines[j]) for j in range(first, last + 1))
        if has_date and sum(1 for j in block if _button(lines[j])) >= 1:
            out.append((first, last))
    return out


def _date_text(block: list[str]) -> str:
    """The post date from the left of the buttons: "[posticon] # ? Nov 17," / "2011 14:13"."""
    parts = []
    for line in block:
        line = BUTTON.sub("", line)
        line = re.split(r"\s{2,}[•*]\s", line.strip())[0]
        parts.append(POSTICON.sub(" ", line))
    text = " ".join(" ".join(parts).split())
    return re.sub(r"^.*?#\s*\??\s*", "", text).lstrip("? ")


def _first_start(lines: list[str], first_footer: int) -> int:
    start = 0
    for j in range(first_footer):
        if TOP_NAV.match(lines[j]) or CRUMB.match(lines[j]):
            start = j + 1
    return start


def _title(lines: list[str]) -> str | None:
    for j, line in enumerate(lines):
        if CRUMB.match(line):
            text = line.strip()
            k = j + 1
            # the crumbs wrap over several lines at narrow widths: a line with " > " goes on with them
            while k < len(lines) and lines[k].strip() and not BUTTON_NAV.match(lines[k]) \
                    and not lines[k].lstrip().startswith(("•", "*", "«", "[")):
                text += " " + lines[k].strip()
                k += 1
            return text.rsplit(" > ", 1)[-1].strip() or None
    return None


def _post(region: list[str], date_text: str, ctx) -> Post | None:
    left, right = _split_cells(region)
    if not left:
        return None
    info = [t.strip() for t in left if t.strip()]
    while info and not any(ch.isalnum() for ch in info[0]):  # bullets left of the first name
        info = info[1:]
    if not info:
        return None
    # the name may wrap in a narrow author cell: the lines above the register date
    # (two lines first: "Mar 10," alone reads as a date of the current year, "Mar 10, / 2008" is the whole)
    at, size = next(((k, n) for k in range(1, min(4, len(info))) for n in (2, 1)
                     if _is_date(" ".join(info[k:k + n]), ctx)), (None, 0))
    name = " ".join(info[:at]) if at else info[0]
    joined = None
    if at:
        joined = ctx.dates.parse(" ".join(info[at:at + size])).iso()
        info = info[at + size:]
    else:
        found = find_date(name, ctx.dates)
        if found and found[1] > 0 and not name[found[2]:].strip():  # "NAME Apr 28, 2012" on one line
            joined = ctx.dates.parse(name[found[1]:found[2]]).iso()
            name = name[:found[1]].strip()
        info = info[1:]
    title = [t for t in info if not PLACEHOLDER.match(t)]
    while title and SPECIAL.match(title[-1]):
        title.pop()
    if title:
        title[-1] = SPECIAL_END.sub("", title[-1])
    tokens = scan("\n".join(right), ctx.dates)
    body, quotes, edited = body_and_quotes(tokens, stop=_edit_line)
    edited = edited or next((t.text for t in tokens if EDITED.match(t.text)), None)
    found = find_date(date_text, ctx.dates)
    raw = date_text[found[1]:found[2]].strip(" ,") if found else None
    return Post(author=Author(name=name, rank=" ".join(title) or None, joined=joined[:10] if joined else None),
                timestamp=ctx.dates.iso(raw) if raw else None, timestamp_raw=raw, body=body, quotes=quotes,
                edited=edited)


def _is_date(text: str, ctx) -> bool:
    """A line that is a date and nothing else (the register date, maybe wrapped)."""
    found = find_date(text, ctx.dates)
    return bool(found) and found[1] == 0 and len(text[found[2]:].strip(" ,")) == 0


def _edit_line(tok: Token) -> bool:
    return bool(EDITED.match(tok.text))


def _split_cells(region: list[str]) -> tuple[list[str], list[str]]:
    """(author cell lines, text cell lines) of a post. Text cell lines keep their columns
    (quote boxes are told by their indentation)."""
    if not any(ln.strip() for ln in region):
        return [], []
    margin = min(_indent(ln) for ln in region if ln.strip())
    region = [ln[margin:] if ln.strip() else "" for ln in region]  # some renderers indent the page
    name_at = next((i for i, ln in enumerate(region) if ln.strip() and _indent(ln) < 4), None)
    col = _boundary(region) if name_at is not None else None
    first = next(i for i, ln in enumerate(region) if ln.strip())
    if col is None and name_at is not None and first < name_at \
            and all(_indent(ln) >= RIGHT_MIN for ln in region[first:name_at] if ln.strip()):
        # the text cell starts above the author cell's first line (cells centred vertically)
        col = min(_indent(ln) for ln in region if ln.strip() and _indent(ln) >= RIGHT_MIN)
    if col:
        left, right = [], []
        for i, line in enumerate(region):
            cut = _cut(line, col) if i >= name_at else 0
            if line[:cut].strip():
                left.append(line[:cut].rstrip())
            right.append(" " * cut + line[cut:] if line[cut:].strip() else "")
        return left, right
    # one cell after the other: the name, then the lines indented under it
    base = _indent(region[first])
    j = first + 1
    while j < len(region) and (not region[j].strip() or _indent(region[j]) > base):
        j += 1
    if j == first + 1:  # nothing indented under the name (copied text): the register date alone goes along
        k = next((m for m in range(j, len(region)) if region[m].strip()), None)
        if k is not None and _looks_date_only(region[k]):
            j = k + 1 + _unindented_title(region[k + 1:])
    left = [ln for ln in region[first:j] if ln.strip()]
    return left, region[:first] + region[j:]


QUOTED = re.compile(r"^.{1,60}? posted:")  # WET keeps the quoted words on the line
TITLE_MAX = 100  # a custom title line is short; a post's text runs on


def _unindented_title(lines: list[str]) -> int:
    """How many of the lines under the register date are the custom title, where nothing sets the
    author cell apart (copied text): the lines up to a special title ("Fun Shoe"), or the one or
    two short lines right above the quote the post opens with. 0 when that is not shown (a post
    may start with a short line of its own)."""
    shown = [(n, ln.strip()) for n, ln in enumerate(lines[:8]) if ln.strip()]
    for m, (n, text) in enumerate(shown[:6]):
        if SPECIAL.match(text) or SPECIAL_END.search(text):
            return n + 1 if m or SPECIAL_END.search(text) and all(len(t) <= TITLE_MAX for _, t in shown[:m]) else 0
        if QUOTED.match(text):
            return n if 1 <= m <= 2 and all(len(t) <= TITLE_MAX for _, t in shown[:m]) else 0
    return 0


def _looks_date_only(line: str) -> bool:
    return bool(re.fullmatch(r"\s*[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4}\s*", line))


def _button(line: str) -> bool:
    """A post button, as a list item ("• Profile") or as a line of its own (copied text)."""
    return bool(BUTTON.search(line) or EXACT_BUTTON.match(line))


def _cut(line: str, col: int) -> int:
    """Where the author cell's part of a side-by-side line ends."""
    if not line.strip() or _indent(line) >= RIGHT_MIN:
        return 0
    m = re.search(r"\S( {2,})(?=\S)", line)
    if m and m.end() >= RIGHT_MIN:
        return m.end()
    if len(line) > col and line[col - 1] == " ":
        return col  # the author cell filled to its edge: one space apart
    return len(line)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _boundary(region: list[str]) -> int | None:
    """The column where the text cell starts in a side-by-side dump: where the gap after the
    author cell's words ends, the column most text lines start at too; None for cells
    printed one after the other (no line holds both)."""
    ends: Counter = Counter()
    for line in region:
        if not line.strip() or _indent(line) >= RIGHT_MIN:
            continue
        m = re.search(r"\S( {2,})(?=\S)", line)
        if m and m.end() >= RIGHT_MIN:
            ends[m.end()] += 1
    if not ends:
        return None
    starts = Counter(_indent(ln) for ln in region if ln.strip() and _indent(ln) >= RIGHT_MIN)
    return max(ends, key=lambda c: (ends[c] + starts[c], -c))


_BUTTON_WORDS = re.compile(r"^(?:(?:profile|message|post history|rap sheet|alert moderators|quote)\s*)+", re.I)
_WET_DATE = re.compile(r"^#\s*\?\s*(?P<date>[^\t]*?)\s*(?:\t(?P<rest>.*))?$")


def _unflatten(text: str, ctx) -> str:
    """A dump that keeps table cells on shared lines, apart by tabs (Common Crawl WET):
    rebuild the one-cell-after-the-other layout ("# ? DATE" and buttons, the name, the
    author cell indented, the text) that the line reading expects."""
    lines = text.split("\n")
    first_date = next((i for i, ln in enumerate(lines) if _WET_DATE.match(ln)), len(lines))
    first_name = next((i for i in range(first_date) if _ends_with_date(lines[i], ctx)
                       and not CRUMB.match(lines[i])), None)
    out = lines[:first_name] if first_name is not None else lines[:first_date]
    i = first_name + 1 if first_name is not None else first_date
    post_lines: list[str] = []

    def flush(name_line: str | None, body: list[str]):
        if name_line is not None:
            _emit_post(out, name_line, body, ctx)

    name_line = lines[first_name] if first_name is not None else None
    while i < len(lines):
        m = _WET_DATE.match(lines[i])
        if not m:
            post_lines.append(lines[i])
            i += 1
            continue
        flush(name_line, post_lines)
        post_lines = []
        out.extend(["   * # ? " + m.group("date"), "     * Profile", ""])
        rest = _BUTTON_WORDS.sub("", (m.group("rest") or "").strip()).strip()
        name_line = rest or None
        i += 1
    flush(name_line, post_lines)
    return "\n".join(out)


def _emit_post(out: list[str], name_line: str, body: list[str], ctx) -> None:
    found = find_date(name_line, ctx.dates)
    if found and found[1] > 0:
        out.extend(["   " + name_line[:found[1]].strip(), "          " + name_line[found[1]:].strip()])
    else:
        out.append("   " + name_line.strip())
    tabbed = next((k for k, ln in enumerate(body) if "\t" in ln), None)
    if tabbed is None:  # the text cell opens with a block (a quote): no tab after the title
        tabbed = _unindented_title(body)
        out.extend("          " + ln.strip() for ln in body[:tabbed] if ln.strip())
        body = body[tabbed:]
    else:
        for ln in body[:tabbed]:
            out.append("          " + ln.strip())
        left, right = body[tabbed].split("\t", 1)
        out.append("          " + left.strip())
        body = [right] + body[tabbed + 1:]
    out.append("")
    for ln in body:
        m = re.match(r"^(?P<head>.{1,60}? posted:)\s*(?P<rest>.*)$", ln.strip())
        if m:  # a quote box on one line: its header and the quoted words
            out.extend(["", m.group("head"), "", "     " + m.group("rest"), ""])
        else:
            out.append("   " + ln.replace("\t", " ").strip())
    out.append("")


def _ends_with_date(line: str, ctx) -> bool:
    found = find_date(line, ctx.dates) if len(line) < 120 else None
    return bool(found) and found[1] > 0 and not line[found[2]:].strip()


ADAPTERS = (SomethingAwfulText,)
