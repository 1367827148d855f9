"""Message pages of mail and news archives: the "From:" / "Date:" header lines and the text under them.

Mail archives (MHonArc, Hypermail, MARC and the like) print one message per page under a header
list ("To:", "Subject:", "From: "Name" <address>", "Date:"), as elements or as the first lines
of a <pre>; the name is the author, the address is not. Old message scripts (WWWBoard) print a
"Posted by X on <date>:" line instead. The text is what follows, up to the archive's furniture.
"""
from __future__ import annotations

import copy
import re

from attrs import define

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


# A header line of a message page: "From: ...", "<em>Date</em>: ...", "<th>From:</th><td>...</td>".
_HEADER_LINE = re.compile(r"^\s*(?P<key>[^\W\d][\w-]{0,24})\s*:\s*(?P<value>\S.*?)\s*$", re.S)
_FROM_KEYS = frozenset({"from", "von", "de", "da", "от", "author"})
_DATE_KEYS = frozenset({"date", "datum", "fecha", "data", "дата", "sent", "gesendet", "envoyé", "enviado"})
_SUBJECT_KEYS = frozenset({"subject", "betreff", "objet", "asunto", "oggetto", "assunto", "тема"})
_SKIP = frozenset({"script", "style", "noscript", "template", "head", "title", "textarea", "select", "option"})
# after the text: the archive's navigation, follow-up lists, "Received on <date>" footers
_FOOT = re.compile(r"foot|navbar|followup|follow-up|pagination|thread-?index|\bnav\b", re.I)
_RECEIVED = re.compile(r"^\s*(?:received on|archived on|posted via|this archive was generated|attachment\s*:)", re.I)
_IN_REPLY = re.compile(r"^\s*(?:in reply to|in-reply-to|als antwort auf|en réponse à)\s*:", re.I)
_ATTACHMENT = re.compile(r"^\s*\[?\s*(?:attachment|download raw|anhang)\b[^\n]{0,120}$", re.I | re.M)


@define
class MailMessage:
    """A message page's header values and its text (a detached element, or plain text)."""

    sender: str
    date: str
    body_el: object = None  # the message's own elements, copied under one <div>
    text: str | None = None  # the message's text where headers and text share one <pre>
    subject: str | None = None
    colon_quotes: bool = False  # ": " starts a quoted line (WWWBoard), as "> " does in mail


def mail_message(root) -> MailMessage | None:
    """The one message of a mail or news archive page: a "From:" header line with a "Date:" one
    next to it, then the message text. None where the page shows no such header pair."""
    body = next(iter(root.iter("body")), root)
    return _element_headers(body) or _pre_headers(body)


def byline_message(root) -> MailMessage | None:
    """The one message of a page whose header is a "Posted by X on <date>:" line above the text."""
    return _byline_header(next(iter(root.iter("body")), root))


# "Posted by <a>Joe</a> on March 03, 2001 at 10:22:31:" (WWWBoard and the message scripts like it)
_POSTED_BY = re.compile(r"^\s*(?:posted|written|submitted|sent|message)\s+by\s*:?\s+(?P<name>[^:]{1,80}?)\s+"
                        r"(?:on|at|@|am|le|el|il)\s+(?P<date>.{6,60}?)\s*:?\s*$", re.I)


def _byline_header(body) -> MailMessage | None:
    """A message page whose one header is a "Posted by X on <date>:" line above the text."""
    for el in body.iter("p", "div", "td", "span", "font", "b", "i", "em", "li", "dd"):
        if len(el) > 6:
            continue
        text = " ".join(" ".join(el.itertext()).split())
        m = _POSTED_BY.match(text) if 12 < len(text) <= 200 else None
        if m is None:
            continue
        parts = _text_after(el)
        if parts is not None:
            return MailMessage(sender=sender_name(m.group("name")) or m.group("name"), date=m.group("date"),
                               body_el=parts, colon_quotes=True)
        return None
    return None


def _element_headers(body) -> MailMessage | None:
    found = []  # (element, key kind, value) of elements that hold one header line each
    for el in body.iter():
        if not isinstance(el.tag, str) or el.tag in _SKIP or len(el) > 8 or el.tag == "pre":
            continue
        text = " ".join(" ".join(el.itertext()).split())
        if not 4 < len(text) <= 200:
            continue
        m = _HEADER_LINE.match(text)
        kind = _kind(m.group("key")) if m else None
        if kind:
            found.append((el, kind, m.group("value")))
    # the innermost element of a line: an <li> holding "From: X" and its <em>From</em> give one line
    found = [f for f in found if not any(g[0] is not f[0] and any(a is f[0] for a in g[0].iterancestors())
                                         for g in found)]
    for i, (el, kind, value) in enumerate(found):
        if kind != "from":
            continue
        near = [g for g in found[max(0, i - 3):i + 4] if g[1] == "date"]
        if not near:
            continue
        date_el, date = near[0][0], near[0][2]
        block = _common(el, date_el)
        if block is None or len(" ".join(block.itertext())) > 1500:
            continue
        sender = sender_name(_unspaced(value)) or _unspaced(value)
        subject = next((g[2] for g in found[max(0, i - 3):i + 4] if g[1] == "subject"), None)
        parts = _text_after(block)
        if parts is not None and sender:
            return MailMessage(sender=sender, date=date, body_el=parts, subject=subject)
    return None


def _kind(key: str) -> str | None:
    key = key.casefold()
    if key in _SUBJECT_KEYS:
        return "subject"
    return "from" if key in _FROM_KEYS else "date" if key in _DATE_KEYS else None


def _unspaced(value: str) -> str:
    """'Ann Lee < ann@x.org >' (the address in its own link) -> 'Ann Lee <ann@x.org>'."""
    return re.sub(r"<\s+", "<", re.sub(r"\s+>", ">", value)).strip()


def _common(a, b):
    """The innermost element that holds both."""
    ancestors = {id(x) for x in [a, *a.iterancestors()]}
    return next((x for x in [b, *b.iterancestors()] if id(x) in ancestors), None)


def _text_after(block):
    """The elements after the header block, up to the archive's furniture, under one new <div>;
    the block's parent is climbed while nothing follows it."""
    for _ in range(4):
        taken, seen_text = [], bool((block.tail or "").strip())
        for sib in block.itersiblings():
            if not isinstance(sib.tag, str):
                taken.append(sib)
                continue
            text = " ".join(sib.text_content().split())
            if _FOOT.search((sib.get("class") or "") + " " + (sib.get("id") or "")) or _RECEIVED.match(text):
                break
            if _IN_REPLY.match(text):
                continue  # "In Reply to: <a>subject</a> posted by X on <date>:"
            if seen_text and (sib.tag == "hr" or _mostly_links(sib, text)):
                break
            seen_text = seen_text or bool(text) or bool((sib.tail or "").strip())
            taken.append(sib)
        if seen_text:
            out = block.makeelement("div", {})
            out.text = block.tail
            for el in taken:
                out.append(copy.deepcopy(el))
            return out
        block = block.getparent()
        if block is None or block.tag in ("body", "html"):
            return None
    return None


def _mostly_links(el, text: str) -> bool:
    linked = sum(len(" ".join(a.text_content().split())) for a in el.iter("a"))
    return bool(text) and linked * 2 >= len(text)


def _pre_headers(body) -> MailMessage | None:
    """A <pre> that starts with the header lines ("From: ...", "Date: ..."), the text after them."""
    for pre in body.iter("pre"):
        lines = pre.text_content().split("\n")
        head = {}
        last = None
        for i, line in enumerate(lines[:40]):
            m = _HEADER_LINE.match(line)
            if m and len(line) <= 200:
                kind = _kind(m.group("key"))
                if kind and kind not in head:
                    head[kind] = m.group("value")
                last = i
            elif not line.strip() and "from" in head and "date" in head:
                break  # the first blank line after the headers ends them
        if "from" not in head or "date" not in head or last is None:
            continue
        rest = lines[last + 1:]
        start = next((j + 1 for j, ln in enumerate(rest) if not ln.strip()), len(rest))
        text = _ATTACHMENT.sub("", "\n".join(rest[start:])).strip("\n")
        sender = sender_name(head["from"]) or head["from"].strip()
        if text.strip() and sender:
            return MailMessage(sender=sender, date=head["date"], text=text, subject=head.get("subject"))
    return None
