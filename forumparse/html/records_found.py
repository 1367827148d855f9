"""Find the repeated post records of a page without knowing its engine.

Anchors are things every post shows once, in order: its date, its author link.
Anchors are grouped by the shape of their surroundings (tag and class names of
the element and its ancestors); for a group, each anchor's record is the
largest subtree that holds no other anchor of the group, grown over following
(or preceding) siblings when the post's text sits in the next table row or
div. Groups are scored by how regularly their records hold a date, an author
and a block of text.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from attrs import define

from ..vocab import BUTTON_WORDS
from .dates_found import _SKIP, DateHit, all_text, walk_list
from .profile_block import profile_kinds, stat_line

# digits and row striping words: "row1"/"row2", "msgEvenTableRow"/"msgOddTableRow" are one shape
_DIGITS = re.compile(r"\d+|even|odd", re.I)
# Links to a member's profile page, in the URL shapes forum engines use.
# (the lookahead: the first letters of the words below, so that most positions fail at one test, not
# at every word; re.I applies to it as to the words)
PROFILE_HREF = re.compile(
    r"(?=[mupsvbgп/?&])(?:member|user|profile|/u/|/people/|/author/|showuser|viewprofile|[?&](?:u|uid|userid|user_id)=\d|/~\w"
    r"|\buid-\d"
    r"|mitglied|benutzer|membre|miembro|usuario|utente|gebruiker|пользовател|profil|^/u\d+$)",
    re.I)
# Links to a user group's page ("ac=usergroup&gid=13", "/groups/moderators"): the group is a rank, not a name.
_GROUP_HREF = re.compile(r"usergroup|[?&;]gid=\d|/groups?/", re.I)
# Class or itemprop words that name the post's author element.
AUTHOR_WORDS = re.compile(
    r"(?:^|[-_ ])(?:author|user-?name|user_name|poster|post-author|nick|nickname|"
    r"uname|login|name|creator|commenter|byline|screen-?name|display-?name|userid|user-id|user|fn)(?:$|[-_ ])"
    r"|username|postauthor|poster|author|(?:post|member|user|nick)[-_]?name|(?:post|msg|message|comment)[-_]?user\b",
    re.I)
_STATUS = re.compile(r"\b(?:is\s+)?(?:offline|online)$", re.I)
# "bbp-reply-author-role", "author-title", "poster-rank": the author's rank or avatar, not the name.
_NOT_NAME_CLASS = re.compile(r"author[-_]?(?:role|rank|title|group|avatar|badge|stats|info|details|post-?count|regist)|"
                             r"(?:role|rank|title|group|avatar|badge)$", re.I)
MAX_NAME = 60
# Profile-menu link texts that are not names (BUTTON_WORDS has the post buttons).
NOT_NAMES = frozenset({"profile", "view profile", "message", "send message", "private message", "post history",
                       "posts", "find posts", "website", "homepage", "user control panel", "user cp", "members",
                       "memberlist", "register", "login", "log in", "sign in", "sign up", "logout", "log out",
                       "contact", "ignore", "search", "send pm", "add to buddy list", "?", "users",
                       "profil", "profil anzeigen", "perfil", "profilo", "профиль", "nachricht", "private nachricht",
                       "beiträge", "mitglieder", "message privé", "mensaje privado", "community wiki"})


def signature(el) -> str:
    """Tag and class names with digits dropped: the same for every post of a page."""
    cls = el.get("class")
    if not cls:
        return el.tag if isinstance(el.tag, str) else "#"
    return _signature(el.tag, cls)


@lru_cache(maxsize=8192)
def _signature(tag: str, cls: str) -> str:
    return tag + "." + ".".join(sorted(_DIGITS.sub("", c) for c in cls.split()))


def _main_class(el) -> str:
    """Tag and first class name: state classes ("seen", "odd", "new") come after the main one."""
    return _main_of(el.tag, el.get("class") or "")


@lru_cache(maxsize=8192)
def _main_of(tag: str, cls: str) -> str:
    first = cls.split()
    return tag + ("." + _DIGITS.sub("", first[0]) if first else "")


def path_key(el, depth: int = 4) -> str:
    parts = [signature(el)]
    for anc in el.iterancestors():
        parts.append(_main_class(anc))
        if len(parts) > depth:
            break
    return "/".join(parts)


class PageIndex:
    """Document order, subtree spans and visible text length of every element, from one pass,
    so that "what does this subtree hold" is a range lookup instead of a walk."""

    def __init__(self, root):
        self.memo: dict = {}  # per-page answers the generic readers share (keyed by reader and elements)
        self.worth: set = set()  # elements with an attribute a machine date may stand in (see find_dates)
        self.order = order = walk_list(root, self.worth)
        self.pos = dict(zip(order, range(len(order))))
        self.length = length = {}
        self.end = end = {}
        # the text nodes that are not blank, read once here for find_dates too: an element's own
        # text (elements not skipped) and a child's tail with the parent it stands in
        self.texts = texts = {}
        self.tails = tails = {}
        for i in range(len(order) - 1, -1, -1):
            el = order[i]
            tag = el.tag
            if not isinstance(tag, str) or tag in _SKIP:
                end[el] = i
                length[el] = 0
                continue
            text = el.text
            n = len(text.strip()) if text else 0
            if n:
                texts[el] = text
            last = None  # (a hidden last child is not in the order: the span ends at the last one walked)
            for child in el:
                got = length.get(child)
                if got is not None:
                    n += got
                    last = child
                tail = child.tail
                if tail:
                    k = len(tail.strip())
                    if k:
                        n += k
                        tails[child] = (tail, el)
            length[el] = n
            end[el] = end[last] if last is not None else i

    def span(self, el) -> tuple[int, int]:
        i = self.pos.get(el, -1)
        return i, self.end.get(el, i)

    def inside(self, positions: list[int], el) -> list[int]:
        """The sorted positions that fall in el's subtree."""
        lo, hi = self.span(el)
        return positions[bisect_left(positions, lo):bisect_right(positions, hi)]


@define
class Record:
    """One post: its anchor, and the sibling elements (usually one) that hold it."""

    anchor: object
    parts: list
    kind: str  # "date", "author" or "micro" (a schema.org item)
    score: float = 0.0
    body: object = None  # the element chosen as the post's text, once fields are read


def author_candidates(index: PageIndex) -> list:
    """Short-text elements that look like an author name: profile links, author class words."""
    found = []
    length = index.length
    for el in index.order:
        if not 0 < length.get(el, 0) <= MAX_NAME:
            continue  # (first: the cheapest test, and most elements fail it)
        tag = el.tag if isinstance(el.tag, str) else None
        if tag is None or tag in _SKIP:
            continue
        href = el.get("href") or "" if tag == "a" else ""
        is_link = tag == "a" and PROFILE_HREF.search(href) and not _GROUP_HREF.search(href)
        cls = el.get("class")
        named = ((cls and _author_class(cls)) or el.get("rel") == "author"
                 or el.get("itemprop") in ("author", "creator", "contributor") or _beside_mailto(el, tag)
                 or _name_colon(el, tag))
        if (is_link or named) and 0 < index.length.get(el, 0) <= MAX_NAME:
            text = " ".join((all_text(el) or "").split()).casefold()
            if (text not in BUTTON_WORDS and text not in NOT_NAMES and not _STATUS.search(text)
                    and not stat_line(text)[0]):  # "Posts: 14" in an author-post-count box
                found.append(el)
    return _innermost(found, index)


@lru_cache(maxsize=8192)
def _author_class(cls: str) -> bool:
    return bool(AUTHOR_WORDS.search(cls)) and not _NOT_NAME_CLASS.search(cls)


def _innermost(found: list, index: PageIndex) -> list:
    """Drop a candidate that holds another one: the name is the inner element."""
    out = []
    for i, el in enumerate(found):
        nxt = found[i + 1] if i + 1 < len(found) else None
        if nxt is not None and index.pos[el] < index.pos[nxt] <= index.end[el]:
            continue
        out.append(el)
    return out


def _name_colon(el, tag: str) -> bool:
    """A chat-style line that opens its block: "<p><strong>Phil</strong>: text" (WAP and mobile views)."""
    if tag not in ("b", "strong"):
        return False
    parent = el.getparent()
    tail = (el.tail or "").lstrip()
    return (parent is not None and parent.tag in ("p", "div", "li", "dd") and not (parent.text or "").strip()
            and parent[0] is el and tail.startswith(":") and len(tail[1:].strip()) >= 3)  # (the line's words)


def _beside_mailto(el, tag: str) -> bool:
    """Mail archives: <b>Name</b> <a href="mailto:...">address</a>."""
    if tag not in ("b", "strong"):
        return False
    nxt = el.getnext()
    return nxt is not None and nxt.tag == "a" and (nxt.get("href") or "").startswith("mailto:")


def is_name(text: str | None) -> bool:
    return (bool(text) and len(text) <= MAX_NAME and len(text.split()) <= 6 and not _COUNT.match(text)
            and any(c.isalnum() for c in text))


_COUNT = re.compile(r"^\d[\d.,]*\s*[kKmM万萬亿億]?$")  # "1.2万" is a count shown beside the name


def exclusive_roots(anchors: list) -> list:
    """For each anchor, the largest ancestor that holds no other anchor of the list."""
    paths = [list(reversed([a, *a.iterancestors()])) for a in anchors]
    roots = []
    for i, path in enumerate(paths):
        depth = 0
        for j in (i - 1, i + 1):
            if 0 <= j < len(paths):
                other = paths[j]
                k = 0
                while k < len(path) and k < len(other) and path[k] is other[k]:
                    k += 1
                depth = max(depth, k)
        roots.append(path[min(depth, len(path) - 1)])
    return roots


def _groups(items: list, element_of) -> list[list]:
    """Groups of two or more anchors in the same surroundings; anchors left alone are grouped
    again by tag names only (posts whose containers differ in a class, e.g. the first post)."""
    groups = group_anchors(items, lambda it: path_key(element_of(it)))
    out = [g for g in groups.values() if len(g) >= 2]
    alone = [g[0] for g in groups.values() if len(g) == 1]
    regrouped = group_anchors(alone, lambda it: tag_path_key(element_of(it)))
    out += [g for g in regrouped.values() if len(g) >= 2]
    alone = [g[0] for g in regrouped.values() if len(g) == 1]
    by_class = group_anchors(alone, lambda it: _class_key(element_of(it)))
    out += [g for k, g in by_class.items() if len(g) >= 2 and k]
    alone = [it for k, g in by_class.items() if len(g) == 1 or not k for it in g]
    # "Posted <span title=...>2 days ago</span>" beside "Posted 2019-4-17": the label's element
    lifted = group_anchors(alone, lambda it: path_key(_lift(element_of(it))))
    out += [g for g in lifted.values() if len(g) >= 2]
    alone = [g[0] for g in lifted.values() if len(g) == 1]
    return out + _with_extra_class(out, alone, items, element_of)


def _with_extra_class(groups: list, alone: list, items: list, element_of) -> list[list]:
    """A group joined by the anchors left alone that only add a class to the group's own element
    (<span class="font-italics pointer"> among <span class="pointer">: an edited reply)."""
    out = []
    for group in groups:
        ref = element_of(group[0])
        classes = set((ref.get("class") or "").split())
        joined = [it for it in alone if classes and _adds_classes(element_of(it), ref, classes)]
        if joined:
            members = {id(it) for it in group + joined}
            out.append([it for it in items if id(it) in members])  # (in page order)
    return out


def _adds_classes(el, ref, classes: set) -> bool:
    parent, ref_parent = el.getparent(), ref.getparent()
    return (el.tag == ref.tag and classes < set((el.get("class") or "").split()) and parent is not None
            and ref_parent is not None and parent.tag == ref_parent.tag)


_INLINE = frozenset({"span", "em", "strong", "b", "i", "small", "font", "a", "abbr", "time", "bdi", "nobr"})


def _own_length(parent, el) -> int:
    """The parent's text around `el`: its own text, the tails, and el's text (not other children's)."""
    n = len((parent.text or "").strip()) + len(el.text_content().strip())
    return n + sum(len((c.tail or "").strip()) for c in parent)


def _lift(el):
    """The inline element that wraps `el` with a short label ("Posted on <span>a week ago</span>")."""
    parent = el.getparent()
    while parent is not None and parent.tag in _INLINE and _own_length(parent, el) <= 40:
        el, parent = parent, parent.getparent()
    return el


def _class_key(el) -> str:
    """Class names of the anchor and its parent's shape, whatever the tags (<span> or <abbr>)."""
    cls = el.get("class")
    parent = el.getparent()
    if not cls or parent is None:
        return ""
    return ".".join(sorted(_DIGITS.sub("", c) for c in cls.split())) + "|" + signature(parent)


def tag_path_key(el, depth: int = 4) -> str:
    parts = [signature(el)]
    for anc in el.iterancestors():
        parts.append(anc.tag)
        if len(parts) > depth:
            break
    return "/".join(parts)


def group_anchors(items: list, key) -> dict:
    groups: dict = {}
    for item in items:
        groups.setdefault(key(item), []).append(item)
    return groups


def grow(roots: list, holders: set, direction: int) -> list[list]:
    """Each root plus the siblings after (direction 1) or before (-1) it, up to the next
    sibling that holds an anchor: a post split over table rows or adjacent divs."""
    out = []
    for root in roots:
        parts = [root]
        sib = root.getnext() if direction > 0 else root.getprevious()
        while sib is not None and len(parts) < 8 and sib not in holders:
            if sib.tag in ("li", "article") and _main_class(sib) == _main_class(root) or _same_id_shape(sib, root):
                break  # another post of the list that shows no date (a deleted post's stub), not this one's part
            if isinstance(sib.tag, str):
                parts.append(sib)
            sib = sib.getnext() if direction > 0 else sib.getprevious()
        out.append(parts)
    if len(out) > 1:  # the edge record (first grown backwards, last forwards) takes no more siblings than
        # the others do: there the page's header or footer stands, not a part of the post
        edge = 0 if direction < 0 else len(out) - 1
        most = max(len(p) for i, p in enumerate(out) if i != edge)
        out[edge] = out[edge][:most]
    return [p[::-1] for p in out] if direction < 0 else out


def _same_id_shape(a, b) -> bool:
    """Two elements of one tag whose ids differ only in digits (<div id="p88012">, <div id="p88015">)."""
    ida, idb = a.get("id"), b.get("id")
    return bool(ida and idb) and a.tag == b.tag and ida != idb and _DIGITS.sub("", ida) == _DIGITS.sub("", idb) \
        and any(c.isdigit() for c in ida)


def holders_of(anchors: list) -> set:
    held = set()
    for a in anchors:
        held.add(a)
        for anc in a.iterancestors():
            if anc in held:
                break
            held.add(anc)
    return held


def records_for(anchors: list, index: PageIndex, date_pos: list[int] | None = None,
                author_pos: list[int] | None = None, scores: dict | None = None) -> list[list]:
    """Record parts for a group of anchors, grown over sibling rows or cells when that finds
    the text or the author that the anchor's own subtree lacks. `scores` keeps _record_score per
    parts for one date_pos and author_pos (find_records scores the same parts for many groups)."""
    roots = exclusive_roots(anchors)
    if len({id(r) for r in roots}) < len(roots):
        return []
    plain = [[r] for r in roots]
    if len(anchors) == 1:
        return plain
    date_pos, author_pos = date_pos or [], author_pos or []

    def total(records):
        return sum(_score_of(parts, index, date_pos, author_pos, scores) for parts in records)

    holders = holders_of(anchors)
    best, best_score = plain, total(plain)
    for direction in (1, -1):
        grown = grow(roots, holders, direction)
        score = total(grown)
        if score > best_score * 1.1:
            best, best_score = grown, score
    return best


def find_records(index: PageIndex, dates: list[DateHit], authors: list) -> list[Record]:
    """The best-scoring set of post records on the page (empty when nothing repeats)."""
    post_dates = [d for d in dates if d.label is None]
    candidates = [([d.el for d in g], "date") for g in _groups(post_dates, lambda d: d.el)]
    candidates += [(g, "author") for g in _groups(authors, lambda el: el)]
    date_pos = sorted({index.pos[d.el] for d in post_dates if d.el in index.pos})
    author_pos = sorted({index.pos[a] for a in authors if a in index.pos})
    best, best_score = [], 0.0
    siblings: dict = {}  # groups whose records sit side by side in one container
    scores: dict = {}  # _record_score per parts, for these date and author positions
    for anchors, kind in candidates:
        records, score = _evaluate(anchors, kind, index, date_pos, author_pos, scores)
        if records:
            container = records[0].parts[0].getparent()
            siblings.setdefault((kind, tag_path_key(anchors[0]), id(container)), []).append(anchors)
        if score > best_score:
            best, best_score = records, score
    for (kind, _, _), groups in siblings.items():
        if len(groups) < 2:
            continue
        # posts whose rows differ in a state class ("seen", "new") are one list
        merged = sorted((a for g in groups for a in g), key=lambda a: index.pos.get(a, -1))
        records, score = _evaluate(merged, kind, index, date_pos, author_pos, scores)
        if score > best_score:
            best, best_score = records, score
    if best and best[0].kind == "author":
        date_groups = [a for a, kind in candidates if kind == "date" and len(a) >= 2]
        best = _with_nameless(best, date_groups, index, date_pos, author_pos)
    return _without_strays(best, index, date_pos)


def _with_nameless(records: list[Record], date_groups: list, index: PageIndex, date_pos, author_pos) -> list[Record]:
    """Records found by their author links, and the posts of the same list that show a date but
    no author link ("[deleted]", a guest): the dates of one group that the records hold, one each,
    and the group's other dates outside every record."""
    spans = [[index.span(p) for p in r.parts] for r in records]

    def holder(el) -> int | None:
        i = index.pos.get(el, -1)
        return next((n for n, sp in enumerate(spans) if any(lo <= i <= hi for lo, hi in sp)), None)
    for group in date_groups:
        held = [holder(el) for el in group]
        inside = [h for h in held if h is not None]
        outside = [el for el, h in zip(group, held) if h is None]
        if not outside or len(inside) < 2 or len(set(inside)) < len(inside) or len(inside) < len(records) - 1:
            continue
        parts_list = records_for(group, index, date_pos, author_pos)
        if not parts_list:
            continue
        anchors = {id(r.anchor) for r in records}
        extra = []
        for el, parts in zip(group, parts_list):
            if holder(el) is not None:
                continue
            lo, hi = index.span(parts[0])[0], index.span(parts[-1])[1]
            if any(lo <= index.pos.get(a, -1) <= hi for a in (r.anchor for r in records)) or id(el) in anchors:
                continue  # (a record that would swallow a found one)
            extra.append(Record(el, parts, "date", _record_score(parts, index, date_pos, author_pos)))
        if extra:
            return sorted(records + extra, key=lambda r: index.pos.get(r.parts[0], -1))
    return records


def _without_strays(records: list[Record], index: PageIndex, date_pos) -> list[Record]:
    """Where most records show a date, a short record without one is page furniture (an ad slot)."""
    dated = [any(index.inside(date_pos, p) for p in r.parts) for r in records]
    if len(records) < 3 or sum(dated) * 3 < len(records) * 2:
        return records
    return [r for r, d in zip(records, dated) if d or sum(index.length.get(p, 0) for p in r.parts) >= 200]


def _evaluate(anchors: list, kind: str, index: PageIndex, date_pos, author_pos,
              scores: dict | None = None) -> tuple[list[Record], float]:
    if len({id(a) for a in anchors}) < len(anchors):
        return [], 0.0
    parts_list = records_for(anchors, index, date_pos, author_pos, scores)
    if not parts_list:
        return [], 0.0
    records = [Record(a, parts, kind, _score_of(parts, index, date_pos, author_pos, scores))
               for a, parts in zip(anchors, parts_list)]
    return records, sum(r.score for r in records) * (1.05 if kind == "date" else 1.0)


def _score_of(parts, index: PageIndex, date_pos, author_pos, scores: dict | None) -> float:
    if scores is None:
        return _record_score(parts, index, date_pos, author_pos)
    key = tuple(parts)
    got = scores.get(key)
    if got is None:
        got = scores[key] = _record_score(parts, index, date_pos, author_pos)
    return got


def _record_score(parts, index: PageIndex, date_pos, author_pos) -> float:
    """Near 1 for a record that holds a date, an author and a block of text; small otherwise."""
    n_dates = sum(len(index.inside(date_pos, p)) for p in parts)
    has_author = any(index.inside(author_pos, p) for p in parts)
    total = sum(index.length.get(p, 0) for p in parts)
    score = (1.0 if n_dates else 0.3) * (1.0 if has_author else 0.3) * min(1.0, 0.2 + total / 400)
    if n_dates > 3:  # a record that spans several posts is not one post
        score /= n_dates - 2
    return score


def lead_record(records, index, dates, authors):
    """The opening post in markup of its own, just before the repeated replies (a Drupal node above
    its comments): the last dated block before the first record, beside the replies' list, that
    names an author and holds text."""
    first = records[0].parts[0]
    start = index.pos.get(first, -1)
    hit = next((d for d in reversed(dates)
                if d.label is None and (d.iso or d.relative) and -1 < index.pos.get(d.el, -1) < start), None)
    if hit is None:
        return None
    root = None
    for anc in [hit.el, *hit.el.iterancestors()]:
        lo, hi = index.span(anc)
        if lo <= start <= hi:
            break
        root = anc
    if root is None or root.tag in ("body", "html") or root.getparent() is None:
        return None
    depth = {id(a): i for i, a in enumerate(first.iterancestors())}
    if depth.get(id(root.getparent()), 99) > 8:
        return None  # (not a block beside the replies)
    lo, hi = index.span(root)
    own = [d for d in dates if d.label is None and (d.iso or d.relative) and lo <= index.pos.get(d.el, -1) <= hi
           and not _in_comments(d.el, root)]
    if own and own[0] is not hit and hit not in own:
        hit = own[0]  # the last date was a comment's under the opening post (Q&A): the post's is its own
    parts = _lead_parts([root], hit, index, dates, authors)
    if parts is None:  # a byline block, the text in the next blocks before the replies (a link story;
        # a Drupal 8 node, whose comment section sits inside it after the text)
        after = _blocks_before(list(root.itersiblings()), start, index)
        parts = _lead_parts([root, *after], hit, index, dates, authors) if after and len(after) <= 3 else None
    return Record(hit.el, parts, "date") if parts is not None else None


def single_record(hit, index: PageIndex, dates, authors) -> Record | None:
    """A page with one post: the smallest block around its date that makes an opening post (a byline
    with the text under it, or a byline block and the text blocks after it), not the whole page."""
    for anc in hit.el.iterancestors():
        if anc.tag in ("body", "html") or anc.getparent() is None:
            return None
        parts = _lead_parts([anc], hit, index, dates, authors)
        if parts is None:
            after = [s for s in anc.itersiblings() if isinstance(s.tag, str)][:3]
            parts = _lead_parts([anc, *after], hit, index, dates, authors) if after else None
        if parts is not None:
            return Record(hit.el, _with_profile(parts, index, authors), "date")
    return None


def _with_profile(parts: list, index: PageIndex, authors) -> list:
    """The parts and the author's profile block beside them (<dl class="postprofile"> next to the
    <div class="postbody"> that holds the date and the text), a few levels up at most."""
    names = {" ".join(a.text_content().split()) for a in authors}
    held = parts  # the parts, then the ancestor that holds them
    for _ in range(3):
        for sib, before in ((held[0].getprevious(), True), (held[-1].getnext(), False)):
            if sib is not None and isinstance(sib.tag, str) and \
                    profile_kinds(sib, index.length.get(sib, 0), names)[1]:
                return [sib, *held] if before else [*held, sib]
        up = held[0].getparent()
        if up is None or up.tag in ("body", "html"):
            break
        held = [up]
    return parts


def _blocks_before(siblings: list, start: int, index: PageIndex) -> list:
    """The elements among `siblings` (and inside the one that holds position `start`) before it."""
    out = []
    for sib in siblings:
        if not isinstance(sib.tag, str):
            continue
        lo, hi = index.span(sib)
        if lo < 0 or lo >= start:
            break
        if hi < start:
            out.append(sib)
            continue
        return out + _blocks_before(list(sib), start, index)
    return out


def _lead_parts(parts, hit, index, dates, authors):
    """The parts when they make an opening post: one date, an author or a long text, not a menu."""
    total = sum(index.length.get(p, 0) for p in parts)
    if total > 20000 or total < 80 and not (total >= 20 and _story_link(parts)):
        return None  # (no text of its own, unless a link story's title)
    spans = [index.span(p) for p in parts]

    def inside(el) -> bool:
        i = index.pos.get(el, -1)
        return any(lo <= i <= hi for lo, hi in spans)
    root = parts[0]
    author = next((a for a in authors if inside(a)), None)
    if any(inside(d.el) for d in dates if d.label is None and d is not hit and not _nested(d.el, hit.el)
           and not _in_comments(d.el, root)):
        return None  # a block with several dates is a list (a sidebar), not a post
    text_parts = parts[1:] or parts  # (a byline block of links before the text block is the post's header)
    linked = sum(len(" ".join(a.text_content().split())) for p in text_parts for a in p.iter("a"))
    if linked * 2 >= sum(index.length.get(p, 0) for p in text_parts):
        return None  # mostly links: a menu or a header bar
    near = author if author is not None else hit.el
    byline = next((e for e in [hit.el, *hit.el.iterancestors()] if any(x is e for x in near.iterancestors())), root)
    small = byline is not root and index.length.get(byline, 0) <= 200  # (else it holds the text too)
    header = [byline] if small else [e.getparent() for e in (hit.el, near) if e.getparent() is not None]
    header += [h for p in parts for h in p.iter("h1", "h2", "h3") if not any(x in header for x in h.iterancestors())]
    own = total - sum(index.length.get(e, 0) for e in set(header))
    if len(parts) > 1 and author is not None and _written(parts[1:]):
        return parts if own >= 20 else None  # a short text block of paragraphs under the byline block
    if own < (60 if author is not None else 200):
        # a thread header ("started by X, <date>" under the title) has no text of its own
        # (a post without a name, its author deleted, needs a longer text to count); a link
        # story's header (its title links to another site) is the opening post, with no text
        return parts if author is not None and _story_link(parts) else None
    return parts


_TITLE_LINK = re.compile(r"title|storylink|u-url|outbound", re.I)
_HOST = re.compile(r"^https?://([^/?#]+)", re.I)


def _story_link(parts) -> bool:
    """A link story's title: a titled link to a host that the page links to only there."""
    root = parts[0].getroottree().getroot()
    for p in parts:
        for a in p.iter("a"):
            m = _HOST.match(a.get("href") or "")
            text = " ".join(a.text_content().split())
            if not m or len(text) < 10:
                continue
            marks = " ".join((x.get("class") or "") for x in [a, *a.iterancestors()][:3])
            if not _TITLE_LINK.search(marks):
                continue
            host = m.group(1).casefold()
            uses = sum(1 for other in root.iter("a") if (other.get("href") or "").casefold().startswith(
                ("http://" + host, "https://" + host)))
            if uses <= 2:
                return True
    return False


_COMMENT_BOX = re.compile(r"(?:^|[\s_-])comments?(?:$|[\s_-])", re.I)


def _in_comments(el, root) -> bool:
    """A date in the comment list under a post (Q&A questions carry one), below `root`."""
    for anc in el.iterancestors():
        if anc is root:
            return False
        if _COMMENT_BOX.search(anc.get("class") or ""):
            return True
    return False


def _written(parts) -> bool:
    """Blocks of written text (paragraphs), not a bar of controls (sort menus, reply forms)."""
    found = False
    for p in parts:
        for el in p.iter("p", "pre", "blockquote", "form", "input", "button", "select", "textarea"):
            if el.tag in ("form", "input", "button", "select", "textarea"):
                return False
            found = True
    return found


def _nested(a, b) -> bool:
    """One element holds the other (one date shown twice: a machine attribute and its text)."""
    return any(x is b for x in a.iterancestors()) or any(x is a for x in b.iterancestors())
