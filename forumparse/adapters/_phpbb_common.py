"""Markup habits shared by phpBB and its hosted cousin Forumotion.

Both print the author's statistics as label/value lines ("Posts: 57", "Joined: ..."),
the post time as the tail of an author line ("by X » date", "Posted: date"),
the signature of table layouts after a "_________________" rule, and pagination
as "Page 2 of 5" or a list of page links. The adapters hold the selectors; these
functions read what the selectors found.
"""
from __future__ import annotations

import re
from urllib.parse import urljoin

import lxml.etree

from ..html.select import attr, class_set, select, text_of, xpath
from ..html.select import first_with_id as select_first_with_id
from ..numbers import parse_count
from ..vocab import JOINED_LABEL, LOCATION_LABEL, POSTS_LABEL
from ._html_common import has, has_last

_BREAKS = frozenset({"br", "div", "p", "dd", "dt", "li", "tr", "table", "ul", "dl", "hr", "center"})
_SKIP = frozenset({"script", "style", "noscript", "input", "button", "select", "textarea", "template"})
# "Posted:", "Verfasst am:", "Post subject:" ... a label is text without digits up to the first colon.
_LABEL = re.compile(r"^\s*[^\d:]{1,40}?:\s*")
# Words between an author's name and the date on an author line ("by X » date", "von X am date").
_CONNECTOR = re.compile(r"^[\s»«,:\-–—|]*(?:(?:on|at|am|le|el|il|em|op|w|в|den|dnia|於)\b[\s,:]*)?", re.I)
_OTHER_LABEL = re.compile(r"^[^\d:]{2,30}\s?:\s*\S")
_RULE = re.compile(r"(?m)^_{8,}\s*$")  # the signature rule table layouts print
_PAGE_OF = re.compile(r"(?<![\d/.:-])(\d+)\s*(?:\b(?:of|von|de|du|sur|di|z|из|van|av)\b|/)\s*(\d+)(?![\d/.:-])", re.I)
# Forumotion (Forumactif, Forumieren, Foroactivo ...) hosts phpBB look-alike boards: its CDN,
# its domains and its page scripts tell them from phpBB itself. Plain substring tests: a
# regex alternation over a whole page costs more than the rest of detection.
FORUMOTION_MARKS = ("illiweb.com", "forumotion.", "forumactif.", "forumieren.", "foroactivo.", "forumeiros.",
                    "forumgratuit.", "fa_endpage(", "_userdata[")
_USER_ID = re.compile(r"[?&;]u=(\d+)|/u(\d+)(?:[-/?#]|$)")


def forumotion_marks(doc, size: int | None = None, last: int | None = None) -> int:
    """How many different Forumotion markers the page text holds: in its first `size`
    characters, or (with `last`) in its last `last` characters. Each marker is searched
    once per page, whichever adapter asks."""
    if last is not None:
        return sum(1 for mark in FORUMOTION_MARKS if has_last(doc, mark, last))
    return sum(1 for mark in FORUMOTION_MARKS if has(doc, mark, size))


def php_script_links(doc, size: int | None = None) -> bool:
    """phpBB's own script names; Forumotion's addresses have no ".php" ("/t7-title", "/u1")."""
    return has(doc, "viewtopic.php?", size) and (has(doc, "memberlist.php?", size)
                                                 or has(doc, "posting.php?", size))


class Seen:
    """What one parse has read from markup that repeats: an author's profile box and signature
    print the same on each of their posts, so each distinct markup is read once. The element's
    own id is left out of the comparison (themes number each post's boxes): `read` must depend
    on the element's tag, other attributes and content only (and on `args`)."""

    def __init__(self):
        self._found: dict = {}

    def read(self, read, el, *args):
        markup = lxml.etree.tostring(el, with_tail=False)
        # the start tag cut off: its attributes are compared apart, without the id
        key = (read, el.tag, tuple(item for item in el.items() if item[0] != "id"),
               markup[markup.find(b">") + 1:], args)
        found = self._found.get(key, _MISSING)
        if found is _MISSING:
            found = self._found[key] = read(el, *args)
        return found

    def stats(self, lines, ctx) -> dict:
        """read_stats(lines, ctx), once per distinct lines (the answer is shared: do not change it)."""
        key = ("stats", tuple(lines))
        found = self._found.get(key)
        if found is None:
            found = self._found[key] = read_stats(key[1], ctx)
        return found


_MISSING = object()


def profile_lines(el, label_css: str | None = None) -> list[str]:
    """The text lines of a profile block (<br> and blocks break lines). An image inside a
    `label_css` element stands for its alt text, as Forumotion themes draw labels as icons."""
    lines: list[str] = []
    parts: list[str] = []

    def flush():
        line = " ".join("".join(parts).split())
        if line:
            lines.append(line)
        parts.clear()

    labels = set(select(el, label_css)) if label_css else set()

    def walk(node, in_label):
        tag = node.tag if isinstance(node.tag, str) else None
        if tag is None or tag in _SKIP:
            return
        in_label = in_label or node in labels
        if tag == "img":
            if in_label:
                parts.append(" " + (attr(node, "alt") or attr(node, "title") or "") + " ")
            return
        if tag in _BREAKS:
            flush()
        if node.text:
            parts.append(node.text)
        for child in node:
            walk(child, in_label)
            if child.tail:
                parts.append(child.tail)
        if tag in _BREAKS:
            flush()

    walk(el, False)
    flush()
    return lines


def read_stats(lines, ctx) -> dict:
    """post_count, joined, location from "Label: value" lines, and `plain`: the unlabelled
    lines that come before the first labelled one (where themes print the rank)."""
    stats: dict = {"plain": []}
    labelled = False
    for line in lines:
        kind, value = _labelled(line)
        if kind is None:
            if _OTHER_LABEL.match(line):
                labelled = True  # "Gender: male", "Age: 31": a statistic we do not keep, not a rank
            elif not labelled:
                stats["plain"].append(line)
            continue
        labelled = True
        if kind == "post_count" and "post_count" not in stats:
            count = parse_count(value, allow_abbrev=False)
            if count is not None:
                stats["post_count"] = count
        elif kind == "joined" and "joined" not in stats:
            stats["joined"] = join_date(value, ctx)
        elif kind == "location" and "location" not in stats:
            stats["location"] = value
    return stats


def _labelled(line: str) -> tuple[str | None, str]:
    for kind, pattern in (("post_count", POSTS_LABEL), ("joined", JOINED_LABEL), ("location", LOCATION_LABEL)):
        match = pattern.match(line)
        if not match or not match.group("value"):
            continue
        value = match.group("value").lstrip(":： ").strip()
        head = line[: match.start("value")]
        # "Postsxyz" is not the label "Posts": a word must end where the label does
        if head and head[-1].isalpha() and match.group("value")[:1].isalpha():
            continue
        if kind == "post_count" and parse_count(value, allow_abbrev=False) is None:
            continue
        return kind, value
    return None, ""


def join_date(text: str | None, ctx) -> str | None:
    """A join date at the precision shown; a time of day printed with it is not kept."""
    if not text:
        return None
    iso = ctx.dates.parse(text).iso()
    return iso[:10] if iso and len(iso) > 10 else iso


def strip_label(text: str | None) -> str | None:
    """"Posted: Sun May 26, 2019" -> "Sun May 26, 2019"; text without a label is kept."""
    if not text:
        return None
    return _LABEL.sub("", text, count=1).strip() or None


def shown_time(text: str | None, ctx) -> tuple[str | None, str | None]:
    """(ISO, raw) for a date shown after an author line's name: connector words stripped."""
    if not text:
        return None, None
    raw = " ".join(_CONNECTOR.sub("", text.replace("\xa0", " "), count=1).split()).strip(" ,.|")
    if not raw:
        return None, None
    return ctx.dates.iso(raw), raw


def line_time(el, ctx) -> tuple[str | None, str | None]:
    """The post time of an author line: a machine attribute first, else the text after the
    last "»", else the text after the line's last element (the author's name), else that
    element's own text."""
    if el is None:
        return None, None
    stamp = _machine_time(el)
    if stamp is not None:
        iso = ctx.dates.machine(attr(stamp, "datetime"))
        if iso:
            return iso, text_of(stamp)
    text = text_of(el) or ""
    if "»" in text:
        return shown_time(text.rpartition("»")[2], ctx)
    children = [c for c in el if isinstance(c.tag, str) and c.tag not in ("img", "br", "i")]
    for child in reversed(children):  # the date is the text that follows an element (the name)
        if child.tail and any(ch.isdigit() for ch in child.tail):
            return shown_time(child.tail, ctx)
    if children:  # styles that wrap the date in an element of its own: the line's last one
        shown = text_of(children[-1])
        if shown and any(ch.isdigit() for ch in shown):
            iso, raw = shown_time(strip_label(shown), ctx)
            if iso:
                return iso, raw
        return None, None
    return shown_time(strip_label(text), ctx)


def split_signature(text: str) -> tuple[str, str | None]:
    """Body text and the signature printed after a "_________________" rule, if any."""
    match = _RULE.search(text) if text and "________" in text else None  # the regex tests every line
    if not match:
        return text, None
    return text[: match.start()].rstrip(), text[match.end():].strip() or None


def _machine_time(el):
    """The first <time datetime> under `el` (itself included)."""
    return next((t for t in el.iter("time") if t.get("datetime") is not None), None)


def user_id(href: str | None) -> str | None:
    """The user id of a profile link: "memberlist.php?mode=viewprofile&u=5", "/u12"."""
    if not href:
        return None
    match = _USER_ID.search(href)
    return (match.group(1) or match.group(2)) if match else None


def post_id_of(value: str | None) -> str | None:
    match = _TRAILING_NUMBER.search(value or "")
    return match.group(1) if match and match.group(1) != "0" else None


_TRAILING_NUMBER = re.compile(r"(\d+)\s*$")


def absolute(base: str | None, href: str | None) -> str | None:
    """Unlike pageinfo.absolute, "#p123" anchors are kept (they are phpBB's post permalinks)."""
    if not href or href.startswith(("javascript:", "data:")):
        return None
    if base and base.startswith("http"):
        try:
            return urljoin(base, href)
        except ValueError:
            return href
    return href


def page_url(doc, ctx) -> str | None:
    """The page's own address: the caller's, else an absolute canonical link or og:url."""
    if ctx.url:
        return ctx.url
    # the <head> first: where the links are, and nothing comes before it in page order
    # (a pass over its few elements, not over the page's)
    head = doc.tree.find("head")
    for scope, links in ((head, _HEAD_URL_LINKS), (doc.tree, _URL_LINKS)):
        for href in xpath(links)(scope) if scope is not None else ():
            if href.strip().startswith("http"):
                return href.strip()
    return None


_URL_LINKS = "/descendant::link[@rel='canonical']/@href | /descendant::meta[@property='og:url']/@content"
_HEAD_URL_LINKS = _URL_LINKS.replace("/descendant::", "descendant::")


def first_with_id(doc, ident: str):
    """The first element whose id is `ident` (CSS "#ident"), or None: the page text is searched
    first (plainly: detection's cached marker search may build its word list for one more
    marker), and the XPath stops at the first match. (An id among by_class's selectors adds a
    pass over every id of the page.)"""
    if ident not in doc.text:
        return None
    return select_first_with_id(doc.tree, ident)


def page_numbers(el) -> tuple[int | None, int | None, object]:
    """(page, page_count, link to the next page) from a pagination block."""
    if el is None:
        return None, None, None
    text = text_of(el) or ""
    page = count = None
    match = _PAGE_OF.search(text)
    if match and int(match.group(1)) <= int(match.group(2)):
        page, count = int(match.group(1)), int(match.group(2))
    if page is None:  # the current page is the number that is not a link
        for cur in el.iter("strong", "b", "span", "li"):  # strong, b, span, li.active
            if cur.tag == "li" and "active" not in class_set(cur):
                continue
            if next(cur.iter("a"), None) is None:
                label = text_of(cur) or ""
                if label.isdigit():
                    page = int(label)
                    break
    if page is None:
        return None, None, None  # the page links tell nothing without it
    links = {}
    numbers = []
    for a in el.iter("a"):
        if a.get("href") is None:
            continue
        label = text_of(a) or ""
        if label.isdigit():
            numbers.append(int(label))
            links.setdefault(int(label), a)
    if count is None and numbers:
        count = max(numbers + [page])
    return page, count, links.get(page + 1)


_EDIT_DATE = re.compile(r"\s(?:on|am|le|el|il|em|op|в|dnia|den)\s+(.+)$", re.I)
_EDIT_COUNT = re.compile(r"[,;]\s*\D*\d+\D*$")  # ", edited 2 times in total." ("; edited" in phpBB 2)


def edit_time(el, ctx) -> str | None:
    """When a post was last edited, from a "Last edited by X on DATE, edited N times" note."""
    if el is None:
        return None
    stamp = _machine_time(el)
    if stamp is not None:
        return ctx.dates.machine(attr(stamp, "datetime"))
    match = _EDIT_DATE.search(text_of(el) or "")
    if match:
        shown = match.group(1)
    else:  # no connector word ("Последний раз редактировалось X 4 мар 2013, 22:05, всего ..."):
        name = next(el.iter("a"), None)  # the date follows the editor's name
        shown = " ".join((name.tail or "").split()) if name is not None else ""
    return ctx.dates.iso(_EDIT_COUNT.sub("", shown.strip(" .,")).strip(" .,")) if shown.strip(" .,") else None
