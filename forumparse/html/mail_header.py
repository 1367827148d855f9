"""The sender of a mail archive's message page: its "From:" header line.

Mail archives (MHonArc, Hypermail and the like) print one message per page under a header
list ("To:", "Subject:", "From: "Name" <address>", "Date:"); the name is the author, the
address is not.
"""
from __future__ import annotations

import re

_FROM = re.compile(r"^\s*(?:from|von|de|da|от)\s*:\s*(?P<value>.{1,160}?)\s*$", re.I)
_QUOTED = re.compile(r"^\"?(?P<name>[^\"<>@]{1,80}?)\"?\s*<[^<>]+>$")  # "Greta M. Holm" <greta@example.net>
_PARENS = re.compile(r"^[^()\s]+(?:@|\s+at\s+)[^()]+\((?P<name>[^()@]{1,80})\)$")  # greta at example.net (Greta)
_ADDRESS = re.compile(r"^<?[^\s@<>]+@[^\s@<>]+>?$")


def mail_sender(root) -> str | None:
    """The display name on the page's first "From:" line, or None."""
    for el in root.iter("li", "tr", "p", "div", "td"):
        if len(el) > 6:
            continue
        text = " ".join(el.text_content().split())
        if len(text) > 200:
            continue
        m = _FROM.match(text)
        if m:
            return sender_name(m.group("value"))
    return None


def sender_name(value: str) -> str | None:
    """The name of a From value: '"Name" <address>', 'address (Name)', 'Name'; None for a bare address."""
    value = value.strip()
    for rx in (_QUOTED, _PARENS):
        m = rx.match(value)
        if m:
            return m.group("name").strip() or None
    return None if _ADDRESS.match(value) or "@" in value else value or None
