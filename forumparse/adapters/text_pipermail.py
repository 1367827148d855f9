"""Mailman 2 pipermail message pages as text: subject, "Name address at host", the date line,
the "Previous message / Next message / Messages sorted by" menu, a rule, the mail, a rule and
the menu again. One mail per page."""
from __future__ import annotations

import re

from ..errors import NotAThreadError
from ..records import Author, Post, Thread
from ..text.dump import dump_lines, dump_text
from ..text.tokens import split_lines
from ._mail import split_mail
from .base import Adapter

# The menu around the mail; "sorted by" is the line every pipermail page carries.
SORTED_BY = re.compile(r"messages sorted by\s*:?\s*\[?\s*date", re.I)
MENU = re.compile(r"^\s*(?:[*•·+-]\s*)?(?:previous message|next message|messages sorted by)\s*:", re.I)
# The sender's address: "ann at example.org" (pipermail hides the @) or "ann@example.org".
ADDRESS = re.compile(r"(?P<addr>[\w.+'-]+(?:\s+at\s+|@)[\w-]+(?:\.[\w-]+)+)\s*$", re.I)
RULE = re.compile(r"^\s*(?:[_━─—=-]{10,}|(?:\*\s*){3,})\s*$")
FOOTER = re.compile(r"^\s*more information about the\b.*\bmailing list\s*$", re.I)
INDEX_LINKS = re.compile(r"^\s*#?\s*(?:index|previous|next|\s)+$", re.I)


class PipermailText(Adapter):
    name = "pipermail"
    format = "text"
    priority = 0.6
    description = "Mailman 2 pipermail archive message pages as text dumps"

    def detect(self, doc) -> float:
        head = dump_text(doc)[:100_000]
        if not SORTED_BY.search(head):
            return 0.0
        hits = sum(1 for w in ("previous message", "next message", "mailing list") if w in head.lower())
        return 0.6 + 0.1 * hits

    def parse(self, doc, ctx) -> Thread:
        lines = dump_lines(doc)
        if len([ln for ln in lines if ln.strip()]) < 4 or any(_JOINED_MENU.search(ln) for ln in lines):
            lines = _unflatten(dump_text(doc))  # a dump that joins the page's blocks (WET)
        menu = [i for i, line in enumerate(lines) if MENU.match(line)]
        if not menu:
            raise NotAThreadError("no pipermail message menu found")
        sender = next((i for i in range(menu[0] - 1, -1, -1) if ADDRESS.search(lines[i].strip())), None)
        if sender is None:
            raise NotAThreadError("no pipermail sender line found")
        name = ADDRESS.sub("", lines[sender].strip()).strip() or ADDRESS.search(lines[sender]).group("addr")
        raw_date = next((ln.strip() for ln in lines[sender + 1:menu[0]] if ln.strip()), None)
        subject = _subject(lines, sender)
        body_lines = _mail_lines(lines, menu)
        body, quotes, signature = split_mail("\n".join(body_lines))
        post = Post(author=Author(name=name, signature=signature),
                    timestamp=ctx.dates.iso(raw_date) if raw_date else None, timestamp_raw=raw_date,
                    title=subject, body=body, quotes=quotes)
        return Thread(title=subject, posts=[post])


def _subject(lines: list[str], sender: int) -> str | None:
    """The subject heading above the sender line; long subjects wrap over several lines."""
    parts: list[str] = []
    for j in range(sender - 1, -1, -1):
        text = lines[j].strip()
        if not text:
            if parts:
                break
            continue
        if INDEX_LINKS.match(text):
            break
        parts.insert(0, text)
    return " ".join(parts) or None


def _mail_lines(lines: list[str], menu: list[int]) -> list[str]:
    """The mail: after the first menu (its "sorted by" entry closes it) up to the rule or
    menu that closes the mail."""
    start = next((i for i in menu if SORTED_BY.search(lines[i])), menu[0]) + 1
    while start < len(lines) and (not lines[start].strip() or RULE.match(lines[start])):
        start += 1
    later = [i for i in menu if i >= start]
    end = later[0] if later else len(lines)
    end = next((i for i in range(start, end) if FOOTER.match(lines[i])), end)
    while end > start and (not lines[end - 1].strip() or RULE.match(lines[end - 1])):
        end -= 1
    return lines[start:end]


_FLAT_MARKS = re.compile(r"\s*(?:[*•]\s*)?(?=(?:previous message|next message|messages sorted by)\s*:)|"
                         r"(?<=\[ author \])\s*|\s*[_━─—=-]{10,}\s*|\s+(?=more information about the\b)", re.I)
_JOINED_MENU = re.compile(r"[^\s*•·+-]\s+(?:next message|messages sorted by)\s*:", re.I)
_FLAT_ADDRESS = re.compile(r"(?P<addr>[\w.+'-]+(?:\s+at\s+|@)[\w-]+(?:\.[\w-]+)+)\s+", re.I)
_MENU_SUBJECT = re.compile(r"(?:previous|next) message\s*:\s*(?P<subject>.+?)\s*(?=\n|$)", re.I)


def _unflatten(text: str) -> list[str]:
    """A dump on a line or two: break it where the page's blocks start, so that the
    line-based reading applies (the sender line is found by its address)."""
    text = re.sub(r"^\s*#?\s*index\s+previous\s+next\s+", "", text, flags=re.I)
    text = _FLAT_MARKS.sub("\n", text)
    text = re.sub(r"\s+(?=>\s)", "\n", text)  # quoted mail lines, each on its own line again
    text = re.sub(r"\s+(?=On\s[^.!?>\n]{5,120}\s(?:wrote|writes)\s*:)", "\n", text)  # their attribution
    m = _FLAT_ADDRESS.search(text)
    if m:
        before, after = text[:m.start()].strip(), text[m.end():]
        cut = _subject_end(before, [s.group("subject") for s in _MENU_SUBJECT.finditer(after)])
        text = before[:cut] + "\n\n" + before[cut:] + " " + m.group("addr") + "\n" + after
    return split_lines(text)


def _subject_end(before: str, menu_subjects: list[str]) -> int:
    """Where the subject ends and the sender's name starts in "SUBJECT NAME": the subject
    usually is the one the menu names for the neighbouring mails (give or take a "Re:")."""
    bare = re.compile(r"^(?:re\s*:\s*)+", re.I)
    for subject in menu_subjects:
        for candidate in (subject, bare.sub("", subject)):
            if candidate and before.startswith(candidate) and len(before) > len(candidate) + 1:
                return len(candidate)
    # else the capitalised words right before the address (at most three)
    name = re.search(r"((?:[A-Z][\w.'-]*\s+){0,2}[A-Z][\w.'-]*)\s*$", before)
    return name.start() if name else len(before)


ADAPTERS = (PipermailText,)
