"""A post's text made clean: quote boxes that only a "Quote:" line marks, signatures under a
rule line, "> " quoted lines, button lines, edit notes and a repeated subject line."""
from __future__ import annotations

import copy
import re
from functools import lru_cache

import attrs

from ..records import Quote
from ..vocab import BUTTON_WORDS, EDIT_NOTE, REMOVED_TEXT, quote_header_author
from .body import QUOTE_CSS, SIGNATURE_CSS, extract_body, inner_html
from .dates_found import all_text
from .mail_header import sender_name

_SIG_RULE = re.compile(r"^\s*(?:_{6,}|--\s?)\s*$")


_DASH_RULE = re.compile(r"^\s*-{6,}\s*$")  # a signature's rule left behind when the signature was taken out


# Quote boxes of old table layouts: <table class="quote"><tr><td>Quote:</td></tr><tr><td>...</td></tr>
_MORE_QUOTES = ", table.quote, div.quotemain, aside.quote"


# a class that names a signature box ("lia-message-signature", "tapatalkSignatur"), not one that
# mentions it ("body-signature-highlight"): checked per class name
SIGNATURE_CLASS = re.compile(r"(?:^|\s)(?:\S*signature?(?:[-_]?(?:container|wrapper|block|text|content))?|"
                             r"(?:\S*[-_])?sig(?:[-_]\S*)?)(?:\s|$)", re.I)


def signature_box(el) -> bool:
    """A signature box by its class name, or by the role or id its template gives it
    (<div data-role="memberSignature">, <div id="signature_12">)."""
    cls = el.get("class")
    if cls and _signature_class(cls):
        return True
    return any(_SIGNATURE_NAME.search(el.get(a) or "") for a in ("data-role", "id", "itemprop"))


_SIGNATURE_NAME = re.compile(r"signature", re.I)


@lru_cache(maxsize=8192)
def _signature_class(cls: str) -> bool:
    return bool(SIGNATURE_CLASS.search(cls))


def signature_class(cls: str | None) -> bool:
    """SIGNATURE_CLASS.search(cls), the answer per class value kept (asked for every element of a record)."""
    return bool(cls) and _signature_class(cls)


def body_once(el, quote_css: str = QUOTE_CSS, memo: dict | None = None):
    """body_of, kept in `memo` (the page's PageIndex.memo): the generic reader, its body agreement and
    the structured-data reader read the same elements. Callers do not change the Body."""
    if memo is None:
        return body_of(el, quote_css)
    key = ("body", el, quote_css)
    got = memo.get(key)
    if got is None:
        got = memo[key] = body_of(el, quote_css)
    return got


def body_of(el, quote_css: str = QUOTE_CSS):
    """extract_body, with quote boxes that only a "Quote:" line above them marks taken out too, and
    signature boxes whose class names the default selectors do not list."""
    if quote_css == QUOTE_CSS:
        quote_css += _MORE_QUOTES
    boxes = _headed_boxes(el)
    sigs = [s for s in el.iter() if s is not el and isinstance(s.tag, str) and signature_box(s)]
    rule = _signature_rule(el) if not sigs else None
    heads = _quote_heads(el)
    if not boxes and not sigs and rule is None and not heads:
        return extract_body(el, quote_css=quote_css)
    work = copy.deepcopy(el)
    if rule is not None:  # what follows the rule moves into a box of its own
        hr = work[rule]
        box = hr.makeelement("div", {"data-sig-box": "1"})
        box.text = hr.tail
        hr.tail = None
        for sib in list(hr.itersiblings()):
            box.append(sib)
        hr.addnext(box)
    for found, mark in ((boxes, "data-quote-box"), (sigs, "data-sig-box"), (heads, "data-quote-head")):
        for path in [_child_path(el, box) for box in found]:
            node = work
            for i in path:
                node = node[i]
            node.set(mark, "1")
    body = extract_body(work, quote_css=quote_css + ", [data-quote-box]",
                        signature_css=SIGNATURE_CSS + ", [data-sig-box]",
                        drop_css="[data-quote-head]" if heads else None)
    return attrs.evolve(body, html=inner_html(el))  # the HTML as the page shows it, marks and all


_QUOTE_HEAD = re.compile(r"quote[-_]?(?:head(?:er)?|top|title|author|by|info)|quotetitle", re.I)


def _quote_heads(el) -> list:
    """A quote box's header in an element of its own before the box (<div class="quote_header">
    Name @ date</div><div class="quote">): part of the quote, not the post's words."""
    out = []
    for head in el.iter("div", "span", "p", "td", "strong", "b"):
        if head is el or not _QUOTE_HEAD.search(head.get("class") or "") or len(head.text_content()) > 200:
            continue
        box, parent = head.getnext(), head.getparent()
        if parent is not None and (parent.tag == "blockquote" or "quote" in (parent.get("class") or "").lower()):
            continue  # (a header inside the box names the quoted author there)
        if box is not None and (box.tag == "blockquote" or "quote" in (box.get("class") or "").lower()) \
                and not (head.tail or "").strip():
            out.append(head)
    return out


def _signature_rule(el) -> int | None:
    """The index of a last <hr> child with a short text after it, shorter than the text above it:
    the rule that old templates put between a post and its signature."""
    kids = list(el)
    at = next((i for i in range(len(kids) - 1, -1, -1) if kids[i].tag == "hr"), None)
    if at is None or at == 0:
        return None
    after = " ".join([kids[at].tail or "", *(_text_of(k) for k in kids[at + 1:])]).split()
    before = " ".join([el.text or "", *(_text_of(k) for k in kids[:at])]).split()
    if not after or len(" ".join(after)) > 300 or len(after) * 2 > len(before):
        return None
    return at


def _text_of(el) -> str:
    return ((el.text_content() if isinstance(el.tag, str) else "") or "") + " " + (el.tail or "")


def _headed_boxes(el) -> list:
    boxes = []
    for header in el.iter("div", "span", "strong", "b", "td", "p"):
        text = all_text(header)
        if len(text) > 80 or not text.strip():
            continue
        is_header, _ = quote_header_author(" ".join(text.split()))
        if not is_header:
            continue
        table = _headed_table(header, el)
        if table is not None:
            if table not in boxes:
                boxes.append(table)
            continue
        box = header.getnext()
        if box is not None and box.tag in ("table", "div", "blockquote") and not (header.tail or "").strip():
            boxes.append(box)
    return boxes


def _headed_table(header, top):
    """A table whose first row is only the quote header ("Zitat:", Burning Board 2, vBulletin 2
    tables): the whole table is the quote box."""
    cell = header if header.tag in ("td", "th") else next(
        (a for a in header.iterancestors("td", "th")), None)
    if cell is None or cell is top or any(a is cell for a in top.iterancestors()):
        return None
    row = cell.getparent()
    if row is None or row.tag != "tr" or len([c for c in row if isinstance(c.tag, str)]) != 1:
        return None
    table = row.getparent()
    if table is not None and table.tag in ("tbody", "thead"):
        table = table.getparent()
    if table is None or table.tag != "table" or table is top:
        return None
    rows = list(table.iter("tr"))
    return table if rows and rows[0] is row and len(rows) >= 2 else None


def _child_path(root, el) -> list[int]:
    path = []
    while el is not root:
        parent = el.getparent()
        path.append(parent.index(el))
        el = parent
    return path[::-1]


_CODE_HEADER = re.compile(r"^\s*(?:code|quellcode|código|codice|код|kod)\s*:?\s*(?:select all|alles auswählen|"
                          r"tout sélectionner|seleccionar todo|seleziona tutto|selecteer alles|выделить всё|"
                          r"выделить все|zaznacz wszystko|expand|collapse|copy)?\s*$", re.I)


def strip_buttons(text: str) -> str:
    """Lines of post buttons at the end ("Reply Quote") and code box headers ("Code: Select all")."""
    lines = [line for line in text.split("\n") if not _CODE_HEADER.match(line)]
    while lines and (not lines[-1].strip() or _all_buttons(lines[-1])):
        lines.pop()
    out = "\n".join(lines).strip()
    return out if out else text


def _all_buttons(line: str) -> bool:
    words = line.casefold().split()
    return bool(words) and len(words) <= 6 and all(w.strip("[]()|·•") in BUTTON_WORDS for w in words)


_RE = re.compile(r"^(?:re|aw|sv|odp|ответ)\s*(?:\[\d+\])?\s*:\s*", re.I)


def strip_subject_line(text: str, title: str | None) -> str:
    """A post's subject line above its text, when it is the thread's title ("RE: title" too)."""
    if not title or "\n" not in text:
        return text
    first, rest = text.split("\n", 1)
    if _RE.sub("", first.strip()).casefold() == _RE.sub("", title.strip()).casefold() and rest.strip():
        return rest.strip()
    return text


# "Edited 1 time(s). Last edit at ...", UBB's "[This message has been edited by X (edited 03-15-2001).]"
_EDITED_TIMES = re.compile(r"^\s*(?:edited \d+ times?\b|\[this (?:message|post) (?:has been|was) edited by\b|"
                           r"\[(?:edited|bearbeitet|modifié|editado|modificato|bewerkt|изменено)\b[^\]]{0,100}\]$|"
                           r"(?:edited|modifié|bearbeitet|editado|modificato|bewerkt|изменено)\s+\S.{0,40}?\s+"
                           r"(?:by|par|von|por|da|door|пользователем)\s+\S+$|"
                           r"dieser beitrag wurde (?:von .{1,40} )?(?:bearbeitet|editiert|geändert))",
                           re.I)  # (XMB: "[Bearbeitet am 21.11.2010 von Dieter]", "[Edited on 21-11-2010 by Dieter]")


def strip_edit_lines(text: str) -> tuple[str, str | None]:
    """Edit notes that open or close the text ("本帖最后由 X 于 ... 编辑" stands first)."""
    lines = text.split("\n")
    note = None
    for i in (0, -1):
        while lines and not lines[i].strip():
            lines.pop(i)
        if len(lines) > 1 and len(lines[i]) < 200 and (EDIT_NOTE.match(lines[i]) or _EDITED_TIMES.match(lines[i])):
            note = note or lines.pop(i).strip()
    return ("\n".join(lines).strip(), note) if note else (text, None)


# the line a phone app adds under a post ("Sent from my Pixel using Tapatalk")
_APP_LINE = re.compile(r"^\s*(?:sent|posted) (?:from|via|using) (?:my|an?|the) .{1,60}$|\busing tapatalk\b|"
                       r"^\s*(?:gesendet von meinem|envoyé de mon|enviado desde mi|inviato dal mio|"
                       r"verstuurd vanaf mijn|отправлено с моего) .{1,60}$", re.I)


def split_signature(text: str) -> tuple[str, str | None]:
    """Cut a signature off below a "____" or "-- " rule line, or a phone app's line at the end."""
    lines = text.rstrip().split("\n")
    if len(lines) > 2 and len(lines[-1]) <= 100 and _APP_LINE.search(lines[-1]) and not lines[-2].strip():
        return "\n".join(lines[:-1]).strip(), lines[-1].strip()
    if len(lines) > 1 and _DASH_RULE.match(lines[-1]):
        return "\n".join(lines[:-1]).strip(), None
    for i, line in enumerate(lines):
        if i and _SIG_RULE.match(line):
            sig = "\n".join(lines[i + 1:]).strip()
            return "\n".join(lines[:i]).strip(), sig or None
    # a long dash rule (e107 "-------------------") before a short closing text
    at = next((i for i in range(len(lines) - 1, 0, -1) if _DASH_RULE.match(lines[i])), None)
    if at is not None:
        sig = "\n".join(lines[at + 1:]).strip()
        if sig and len(sig) <= 200 and len(lines) - at <= 4 and "\n".join(lines[:at]).strip():
            return "\n".join(lines[:at]).strip(), sig
    return text, None


_WROTE = re.compile(r"(?:wrote|writes|said|schrieb|a écrit|escribió|ha scritto|escreveu|schreef|написал)\s*:\s*$",
                    re.I)


_POST_REFERENCE = re.compile(r"^>>\d+(?:[-,]\d+)*\s*$")  # ">>1": a reply's pointer to post 1, not a quote


def split_plain_quotes(text: str) -> tuple[str, tuple[Quote, ...]]:
    """Take out "> " quoted lines (mail and plain-text forums) with their "X wrote:" line."""
    lines = text.split("\n")
    if not any(line.startswith(">") for line in lines):
        return text, ()
    keep, quotes, block = [], [], []
    for line in lines + [""]:
        if line.startswith(">") and not _POST_REFERENCE.match(line):
            block.append(line.lstrip("> ").rstrip())
            continue
        if block:
            while keep and not keep[-1].strip():
                keep.pop()
            author = None
            if keep and _WROTE.search(keep[-1]):
                author = _wrote_name(keep.pop())
                if keep and _ATTRIBUTION_START.match(keep[-1]):
                    keep.pop()  # the attribution's first line: "In article <id@host>," / "On Mon, 3 Mar 2003,"
            quotes.append(Quote(author=author, text="\n".join(block).strip()))
            block = []
        keep.append(line)
    own = "\n".join(keep).strip()
    own = re.sub(r"\n{3,}", "\n\n", own)
    if not own:
        return text, ()
    return own, tuple(quotes)


# the first line of an attribution that wraps before "X wrote:"
_ATTRIBUTION_START = re.compile(r"^\s*(?:in (?:article|message|news:?|<)|on |am |le |el |il |op ).{0,120},\s*$", re.I)


def _wrote_name(line: str) -> str | None:
    """The quoted author of an attribution line: "Ann Lee <ann@x.org> wrote:" -> "Ann Lee",
    "On Mon, 3 Mar 2003, Ann Lee wrote:" -> "Ann Lee"."""
    m = _WROTE.search(line)
    head = line[:m.start()].strip() if m else ""
    name = re.sub(r"\s*<[^<>]*>$", "", head).rsplit(",", 1)[-1].strip()  # (the address, then "On <date>,")
    if not name or len(name) > 80 or len(name.split()) > 6:
        return None
    return (sender_name(name) or name) if "@" in name else name


_CJK_QUOTE_HEAD = re.compile(r"^(?:引用(?:楼主|樓主|第\s*\d+\s*[楼樓])?\s*(?P<a>[^\s于於]{1,30}?)\s*[于於]"
                             r".{0,40}?發?发?表的?\s*[:：]|(?P<b>\S{1,30})\s*(?:发表于|發表於)\s*.{4,40})$")


def headed_quotes(quotes: tuple[Quote, ...]) -> tuple[Quote, ...]:
    """A quote box whose first line is its header ("quote: / Originally posted by X:", UBB and
    vBulletin 2 put it inside the box): the header names the author and is not quoted text."""
    out = []
    for q in quotes:
        first, _, rest = (q.text or "").partition("\n")
        is_header, author = quote_header_author(first.strip()) if rest.strip() else (False, None)
        cjk = _CJK_QUOTE_HEAD.match(first.strip()) if rest.strip() and not is_header else None
        if cjk:  # "引用楼主X于2012-03-04 10:22发表的：", "X 发表于 2012-3-4 10:22"
            is_header, author = True, cjk.group("a") or cjk.group("b")
        if is_header:
            q = attrs.evolve(q, author=q.author or author, text=rest.strip())
        out.append(q)
    return tuple(out)


def deleted_placeholder(text: str) -> bool:
    """The whole text is what an engine shows in place of a deleted post ("[deleted]")."""
    return len(text) <= 60 and bool(REMOVED_TEXT.match(text))
