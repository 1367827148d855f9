"""Simple Machines Forum thread pages: SMF 1.1 (tables) and 2.0 / 2.1 (div.poster + div.postarea)."""
from __future__ import annotations

import copy
import re

import attrs
import lxml.etree

from ..html.body import extract_body
from ..html.page_classes import by_class, by_id_prefix, by_owner, earliest, within
from ..html.pageinfo import PostScope
from ..html.select import attr, select, select_one, split_classes, text_of, xpath
from ..numbers import parse_count
from ..records import Author, Post, Thread
from ..vocab import JOINED_LABEL, LOCATION_LABEL, POSTS_LABEL
from . import _html_common as common
from .base import Adapter

_MSG_ID = re.compile(r"^msg_?(\d+)$")
# "« Reply #3 on: September 19, 2007, 02:57:03 PM »", "« on: ... »", "Antwort #3 am: ...", "Respuesta #3 en: ...",
# "Ответ #3 : ..." (a label of words and "#N" up to a colon; a clock's colon follows digits)
_DATE_LABEL = re.compile(r"^(?:.*?\b(?:on|am|le|el|en|il|em|op|dnia|от)|[^\d:]*#\s*\d+|[^\d:]+)\s*:\s*", re.I)
_READ = re.compile(r"\((?:Read|Gelesen|Lu|Leído|Letto|Lido|Lida|Gelezen|Прочитано|Przeczytany)\s+([\d.,\s]+?)\s*"
                   r"(?:times|mal|fois|veces|volte|vezes|keer|раз|razy)", re.I)
_LAST_EDIT = re.compile(r"(?:Last Edit|Letzte Änderung|Dernière édition|Última (?:edición|modificación|edição)|"
                        r"Ultima modifica|Последнее редактирование|Ostatnia edycja|Laatst bewerkt)\s*:?\s*"
                        r"(.+?)(?:\s+(?:by|von|par|por|da|от|wysłana przez|przez|door)\s.*)?$", re.I)
_TOPIC = re.compile(r"^\s*(?:Topic|Thema|Sujet|Tema|Temat|Argomento|Tópico|Onderwerp|Тема)\s*:\s*", re.I)
_CLOCK = re.compile(r"\d{1,2}:\d{2}")
_MSG_IN_URL = re.compile(r"msg[=_]?(\d+)")
_STATUS = re.compile(r"^(?:online|offline)$", re.I)


class SMF(Adapter):
    name = "smf"
    format = "html"
    description = "Simple Machines Forum 1.1 / 2.0 / 2.1 topic pages"
    hints = ("smf", "simplemachines", "themes/default/", "index.php?topic=", "/topic,")

    GATE = ("smf_", "SMF", "action=profile;u=")  # one of these is near the start of every page
    MARKERS = ("smf_theme_url", "smf_scripturl", "smf_default_theme_url", "var smf_", "action=profile;u=",
               "quickModForm", "bbc_standard_quote", "index.php?topic=", "Themes/default/", "smf_session_id")
    STRONG = ("Powered by SMF", "simplemachines.org/about/copyright.php", "title=\"Simple Machines Forum\"",
              "Simple Machines</a>")

    POSTER = "div.poster"
    NAME = "h4 a[href*='action=profile'], h4 a, h4, a[href*='action=profile'][title]"  # in this order
    BOLD_NAME = "b, strong"  # SMF 1.1
    USER_INFO = "ul"
    TITLE = "li.title"
    GROUP = "li.membergroup"
    POSTGROUP = "li.postgroup"
    POSTCOUNT = "li.postcount"
    AVATAR = "li.avatar img, img.avatar"
    BODY = "div.inner, div.post, div.list_posts"
    KEYINFO = ".keyinfo, .postinfo"
    SUBJECT = "h5 a, [id^=subject_] a, h5"
    SUBJECT_BOX = "[id^=subject_]"
    MSG_ANCHOR = "a[id^=msg], a[name^=msg]"
    EDIT = "[id^=modified_], .modified, .lastedit"
    EDIT_CLASS = ".modified, .lastedit"  # EDIT's class parts; its id part from one pass over the ids
    SIGNATURE = ".signature"
    ATTACHMENTS = "a[href*='action=dlattach']"
    QUOTE = "blockquote, div.quote"
    QUOTE_AUTHOR = "cite"
    DROP = ".quotefooter, .codeheader, .botslice_quote, .topslice_quote:empty"
    DROP_PLAIN = ".quotefooter, .codeheader, .botslice_quote"  # DROP for a post without .topslice_quote
    LIKES = ".smflikebutton .like_count, .like_count"
    VIEWS = "#display_head .views_text, .views_text"
    HEADING = "#forumposts .catbg, #forumposts h3"
    LAST_CRUMB = ".linktree li.last a, .navigate_section li.last a, .linktree li.last, .navigate_section li.last"
    TOP_SUBJECT = "#top_subject, .display_title"
    CLASSED = frozenset({"postcount", "membergroup", "postgroup", "stars", "avatar"})  # li.postcount, ...
    LINKTREE = ".linktree, .navigate_section, div.nav"
    PAGER = ".pagelinks, .middletext"

    # the print view (action=printpage): SMF 2.x div.postheader, 1.1 a rule per post header; both
    # show the linktree "Board => Topic ..." and end with the SMF credit
    PRINT_MARKUP = ('<div class="postheader">', '<hr size="2" width="100%"')
    PRINT_ARROWS = (" => ", " =&gt; ")
    PRINT_CREDIT = ("simplemachines.org", "Simple Machines")

    # the mobile view (;wap2): "<p class="windowbg"><strong>NAME</strong>: message</p>", links ";wap2"
    WAP2_MARKUP = '<p class="windowbg'
    WAP2_LINK = ";wap2"

    def detect(self, doc) -> float:
        score = common.detect_score(doc, self.MARKERS, self.STRONG, self.GATE)
        if score >= 0.5:
            return score
        if common.has_any(doc, self.PRINT_MARKUP, 10_000) and common.has_any(doc, self.PRINT_ARROWS, 20_000):
            return 0.9 if any(common.in_ends(doc, m) for m in self.PRINT_CREDIT) else 0.6
        if common.has(doc, self.WAP2_MARKUP, 10_000) and common.in_ends(doc, self.WAP2_LINK):
            return 0.8
        return score

    def parse(self, doc, ctx) -> Thread:
        tree = doc.tree
        base = common.page_base(tree, ctx.url)
        # the page-level selectors from one pass over the class attributes (the parts of a
        # priority list apart; "#display_head .views_text" matches are .views_text's anyway)
        # and one over the ids: an id group would make the class pass read every id as well
        groups = {"poster": self.POSTER, "div_post": "div.post", "views": ".views_text", "forumposts": "#forumposts",
                  "topslice": ".topslice_quote", **_parts("top", self.TOP_SUBJECT), **_parts("tree", self.LINKTREE),
                  **_parts("pager", self.PAGER)}
        by_id = {name: css[1:] for name, css in groups.items() if css.startswith("#")}
        ids = by_id_prefix(tree, "modified_", *by_id.values())
        found = by_class(tree, **{name: css for name, css in groups.items() if name not in by_id})
        found.update({name: [el for el in ids[ident] if el.get("id") == ident] for name, ident in by_id.items()})
        units = self._units(found)
        if not units:  # no poster column: the print view (its linktree "A => B"), the mobile view, or no topic
            if common.has_any(doc, self.PRINT_ARROWS, 20_000):
                return _print_page(tree, base, ctx)
            if common.in_ends(doc, self.WAP2_LINK):
                return _wap2_page(tree, base, ctx)
            return Thread(title=common.page_title(tree), posts=[])
        # one pass per selector over the page, handed to the boxes and posters that own the matches
        boxes = [box for _poster, box in units]
        in_box = PostScope(boxes)
        scopes = in_box, PostScope([poster for poster, _box in units], within=in_box)
        # lookups that would test every element (an id prefix) or need XPath, for all boxes at
        # once (none when the page text lacks the name)
        extras = {"edit": by_owner(boxes, ids["modified_"]),
                  "quote_tops": by_owner(boxes, found["topslice"]), "attachments": "dlattach" in doc.text}
        posts = [p for p in (self._post(poster, box, scopes, extras, base, ctx) for poster, box in units)
                 if p is not None]
        page, page_count, next_url = self._pages(found, base)
        top = _first_of(found, "top", self.TOP_SUBJECT)
        top_text = text_of(top) or ""
        views = _READ.search(top_text) or _READ.search(doc.text[:400_000])
        views = parse_count(views.group(1), allow_abbrev=False) if views else None
        views_el = next(iter(found["views"]), None) if views is None else None
        if views_el is not None:
            views = parse_count(text_of(views_el), allow_abbrev=False)
        title = self._title(tree, found, top_text, posts)
        return Thread(
            title=title,
            url=common.canonical(tree, base) or ctx.url,
            breadcrumbs=common.crumbs(select(_first_of(found, "tree", self.LINKTREE), "a"), title),
            views=views,
            page=page, page_count=page_count, next_page_url=next_url, posts=posts,
        )

    # -- post units ------------------------------------------------------------------------
    def _units(self, page) -> list[tuple]:
        """(poster element, post box) pairs. SMF 2.x: div.poster beside div.postarea in one box;
        SMF 1.1: a table whose first cell is the poster and whose second holds div.post."""
        units = [(p, p.getparent()) for p in page["poster"] if p.getparent() is not None]
        if units:
            return units
        found = []
        for body in page["div_post"]:
            table = next((a for a in body.iterancestors() if a.tag == "table"), None)
            if table is None:
                continue
            cells = xpath("./tr/td|./tbody/tr/td")(table)
            if len(cells) >= 2 and body not in set(cells[0].iter()):
                found.append((cells[0], table))
        return found

    def _post(self, poster, box, scopes, extras, base, ctx) -> Post | None:
        in_box = scopes[0]
        body_el = _body(box, in_box)
        if body_el is None:
            return None
        # DROP's ":empty" part needs an XPath per post: only for a post that has such a box
        drop = self.DROP if box in extras["quote_tops"] else self.DROP_PLAIN
        body = extract_body(body_el, quote_css=self.QUOTE, quote_author_css=self.QUOTE_AUTHOR,
                            signature_css=self.SIGNATURE, edit_css=None, drop_css=drop)
        post_id = _post_id(body_el, box, in_box)
        keyinfo = in_box.one(box, self.KEYINFO)
        if keyinfo is None:  # SMF 1.1: the cell around the subject line
            subject_box = in_box.one(box, self.SUBJECT_BOX)
            keyinfo = subject_box.getparent() if subject_box is not None else box
        subject = common.pick(keyinfo, self.SUBJECT)
        link = subject if subject is not None and subject.tag == "a" else next(
            (a for a in box.iter("a") if f"msg{post_id}" in (a.get("href") or "")), None) if post_id else None
        raw = self._date(keyinfo, subject)
        if post_id is None and link is not None:
            m = _MSG_IN_URL.search(link.get("href") or "")
            post_id = m.group(1) if m else None
        edit_el = earliest(next(iter(extras["edit"].get(box, ())), None), in_box.one(box, self.EDIT_CLASS))
        edited = None
        if edit_el is not None and text_of(edit_el):
            m = _LAST_EDIT.search(text_of(edit_el).strip("«» "))
            edited = ctx.dates.iso(m.group(1).strip("«» ")) if m else None
        likes = in_box.one(box, self.LIKES)
        return Post(
            post_id=post_id,
            permalink=common.absolute(base, link.get("href")) if link is not None else None,
            author=self._author(poster, box, scopes, base, ctx),
            timestamp=ctx.dates.iso(raw) if raw else None,
            timestamp_raw=raw,
            title=text_of(subject),
            body=body.text,
            body_html=body.html,
            quotes=_quote_ids(body.quotes, body_el, self.QUOTE),
            edited=edited,
            likes=parse_count(text_of(likes), allow_abbrev=False) if likes is not None else None,
            attachments=[common.absolute(base, a.get("href")) for a in in_box.all(box, self.ATTACHMENTS)]
            if extras["attachments"] else [],
        )

    def _date(self, keyinfo, subject) -> str | None:
        """The post date: the keyinfo line "« Reply #N on: DATE »" (2.0, 1.1) or the msg link text (2.1)."""
        skip = set(subject.iterancestors()) | {subject} if subject is not None else set()
        # "a.smalltext", ".smalltext", "div" (in this order) and EDIT from one walk of the (small) keyinfo
        smalls, divs = [], []
        for el in keyinfo.iter(lxml.etree.Element):
            names = split_classes(el.get("class") or "")
            if (el.get("id") or "").startswith("modified_") or "modified" in names or "lastedit" in names:
                skip.update((el, *el.iterancestors()))  # EDIT
            if "smalltext" in names:
                smalls.append(el)
            if el.tag == "div":
                divs.append(el)
        for found in ([el for el in smalls if el.tag == "a"], smalls, divs):
            for el in found:
                if el in skip:
                    continue
                text = text_of(el)
                if text and _CLOCK.search(text) and len(text) < 120:
                    text = _DATE_LABEL.sub("", text.replace("«", " ").replace("»", " ")).strip()
                    return text.strip(" -") or None
        return None

    def _author(self, poster, box, scopes, base, ctx) -> Author | None:
        in_box, in_poster = scopes
        name_el = in_poster.pick(poster, *common.parts(self.NAME))
        if name_el is None:
            name_el = in_poster.one(poster, self.BOLD_NAME)
        if name_el is None:
            return None
        link = name_el if name_el.tag == "a" else select_one(name_el, "a[href]")
        href = link.get("href") if link is not None else None
        info = in_poster.one(poster, self.USER_INFO)
        info_lines = common.lines(info) if info is not None else _poster_lines(poster, name_el)
        stats = common.stats_from_lines(info_lines, ctx)
        count_el = in_poster.one(poster, self.POSTCOUNT)
        if count_el is not None and "post_count" not in stats:
            stats["post_count"] = parse_count(text_of(count_el), allow_abbrev=False)
        avatar = in_poster.pick(poster, *common.parts(self.AVATAR))
        sig = in_box.one(box, self.SIGNATURE)
        return Author(
            name=text_of(name_el) or "",
            rank=self._rank(poster, in_poster, info, info_lines),
            post_count=stats.get("post_count"),
            joined=stats.get("joined"),
            location=stats.get("location"),
            user_id=common.query_id(href, "u"),
            profile_url=common.absolute(base, href),
            avatar_url=common.absolute(base, attr(avatar, "src")),
            signature="\n".join(common.lines(sig)) or None if sig is not None else None,
        )

    def _rank(self, poster, in_poster, info, info_lines) -> str | None:
        for css in (self.TITLE, self.GROUP, self.POSTGROUP):
            found = text_of(in_poster.one(poster, css))
            if found:
                return found
        if info is not None and any(self.CLASSED & split_classes(li.get("class") or "") for li in info.iter("li")):
            return None  # a classed list without title or group: nothing to show
        # themes without classes (SMF 2.0 RCs, 1.1): the first line that is no statistic
        for line in info_lines:
            if _is_stat(line) or _STATUS.match(line):
                continue
            return line
        return None

    # -- thread ----------------------------------------------------------------------------
    def _title(self, tree, found, top_text, posts) -> str | None:
        if not top_text:  # SMF 2.0 Curve: "Topic: X (Read N times)" in the posts' heading bar
            top_text = _pick_text(found, self.HEADING) or ""
            top_text = top_text if _TOPIC.match(top_text) else ""
        if top_text:
            title = _TOPIC.sub("", top_text)
            title = _READ.split(title)[0] if _READ.search(title) else title
            title = title.strip()
            if title:
                return title
        last = _pick_text(found, self.LAST_CRUMB)
        if last:
            return _TOPIC.sub("", last).strip()
        if posts and posts[0].title:
            return re.sub(r"^\s*Re:\s*", "", posts[0].title)
        return common.page_title(tree)

    def _pages(self, found, base):
        pagers = (p for i in range(len(common.parts(self.PAGER))) for p in found[f"pager{i}"])  # in priority order
        for pager in pagers:
            links = select(pager, "a")
            current = select_one(pager, "strong, .current_page, span.current")
            if current is None or not (text_of(current) or "").isdigit():
                continue
            return common.pages_from(links, current, base)
        return None, None, None


# -- the print view: index.php?action=printpage;topic=N.0 ----------------------------------------
# "Title: <strong>subject</strong><br /> Post by: <strong>NAME</strong> on <strong>DATE</strong>"
# (1.1: <b>) over each body; "Forum" (h1) then "Category => Board => Topic: X" or "... => Topic
# started by: NAME on DATE" (h2#linktree, 1.1 h2.normaltext); <title>: "Print Page - Subject".
_ARROW = re.compile(r"\s+=>\s+")


def _print_page(tree, base, ctx) -> Thread:
    posts = []
    for header, body_el in _print_units(tree):
        bold = [el for el in header.iter("strong", "b")]
        if bold and (text_of(bold[0]) or "").endswith(":"):  # bold labels, the values after them
            values = [None, None, *(" ".join((b.tail or "").split()) or None for b in bold)]
            subject, name, raw = values[-3:] if len(bold) >= 3 else (None, *values[-2:])
        else:  # bold values: subject, name, date
            subject = text_of(bold[0]) if len(bold) >= 3 else None
            name = text_of(bold[-2]) if len(bold) >= 2 else None
            raw = text_of(bold[-1]) if bold else None
        body = extract_body(body_el, quote_css=SMF.QUOTE, quote_author_css=SMF.QUOTE_AUTHOR,
                            signature_css=SMF.SIGNATURE, edit_css=None, drop_css=SMF.DROP_PLAIN)
        posts.append(Post(
            author=Author(name=name) if name else None,
            timestamp=ctx.dates.iso(raw) if raw else None,
            timestamp_raw=raw,
            title=subject,
            body=body.text,
            body_html=body.html,
            quotes=_quote_ids(body.quotes, body_el, SMF.QUOTE),
            attachments=[common.absolute(base, a.get("href")) for a in select(body_el, SMF.ATTACHMENTS)],
        ))
    forum = select_one(tree, "#title")
    forum = select_one(tree, "h1") if forum is None else forum
    tree_el = select_one(tree, "#linktree")
    tree_el = select_one(tree, "h2") if tree_el is None else tree_el
    crumbs = [p for p in _ARROW.split(text_of(tree_el) or "") if p]
    topic = crumbs.pop() if crumbs else ""
    page_title = common.page_title(tree) or ""
    first = posts[0].title if posts else None
    if first and page_title.endswith(first):  # the first post's subject is the topic's
        title = first
    else:
        title = page_title.split(" - ", 1)[1].strip() if " - " in page_title else ""
    if not title and _TOPIC.match(topic):
        title = _TOPIC.sub("", topic).strip()
    title = title or first
    return Thread(
        title=title or None,
        url=common.canonical(tree, base) or ctx.url,
        breadcrumbs=[t for t in [text_of(forum), *crumbs] if t],
        posts=posts,
    )


# -- the mobile view: index.php?topic=N.0;wap2 --------------------------------------------------
# "<p class="catbg">Category > Board</p><p class="titlebg">Subject (1/3)</p>", then a p.windowbg /
# p.windowbg2 per post: "<strong>NAME</strong>: message" (no dates; quotes flattened to text).
_WAP2_TITLE = re.compile(r"^(?P<title>.+?)\s*\((?P<page>\d+)/(?P<count>\d+)\)$")


def _wap2_page(tree, base, ctx) -> Thread:
    posts, title, page, count, crumbs = [], None, None, None, []
    for p in xpath("//p[@class]")(tree):
        names = split_classes(p.get("class"))
        if names & {"catbg", "titlebg"} and title is None:
            match = _WAP2_TITLE.match(text_of(p) or "")
            if match:
                title, page, count = match.group("title"), int(match.group("page")), int(match.group("count"))
                before = p.getprevious()
                crumbs = [t.strip() for t in (text_of(before) or "").split(" > ") if t.strip()] \
                    if before is not None and before.tag == "p" else []
            continue
        first = p[0] if len(p) else None
        if not names & {"windowbg", "windowbg2"} or first is None or first.tag not in ("strong", "b") \
                or (p.text or "").strip() or not (first.tail or "").lstrip().startswith(":"):
            continue
        work = copy.deepcopy(p)
        lead = work[0]
        work.text = lead.tail.lstrip()[1:]
        work.remove(lead)
        body = extract_body(work, quote_css=SMF.QUOTE, quote_author_css=SMF.QUOTE_AUTHOR, signature_css=None,
                            edit_css=None, drop_css=SMF.DROP_PLAIN)
        posts.append(Post(author=Author(name=text_of(first)) if text_of(first) else None, body=body.text,
                          body_html=body.html, quotes=body.quotes))
    return Thread(title=title or common.page_title(tree), url=common.canonical(tree, base) or ctx.url,
                  breadcrumbs=crumbs, page=page, page_count=count, posts=posts)


def _print_units(tree) -> list[tuple]:
    """(header, body) pairs: SMF 2.x div.postheader + div.postbody; SMF 1.1 a table row whose
    cell holds the rule and the bold subject, name and date, the body in the next row's cell."""
    found = []
    for header in select(tree, "div.postheader"):
        body = header.getnext()
        if body is not None and "postbody" in (body.get("class") or "").split():
            found.append((header, body))
    if found:
        return found
    for cell in xpath("//td[hr][count(b | strong) >= 2]")(tree):
        row = cell.getparent().getnext()
        body = next(row.iterchildren("td"), None) if row is not None else None
        if body is not None:
            found.append((cell, body))
    return found


def _parts(name: str, css: str) -> dict[str, str]:
    """A priority list's selectors as `by_class` groups name0, name1 ..."""
    return {f"{name}{i}": part for i, part in enumerate(common.parts(css))}


def _first_of(found, name: str, css: str):
    """`common.pick(tree, css)` from the groups of `_parts(name, css)`."""
    return next((el for i in range(len(common.parts(css))) for el in found[f"{name}{i}"]), None)


def _pick_text(found, css: str) -> str | None:
    """`common.pick_text(tree, css)` for a list of "OUTER inner" selectors whose OUTER is one
    of the page's linktree (`found["tree0"]`, "tree1") or #forumposts boxes."""
    outers = {".linktree": found["tree0"], ".navigate_section": found["tree1"], "#forumposts": found["forumposts"]}
    for part in common.parts(css):
        outer, inner = part.split(maxsplit=1)
        for el in within(outers[outer], inner):
            text = text_of(el)
            if text:
                return text
    return None


def _body(box, in_box):
    for el in in_box.all(box, SMF.BODY):
        if _MSG_ID.match(el.get("id") or "") or "inner" in (el.get("class") or "").split():
            return el
    return in_box.one(box, "div.post")


def _post_id(body_el, box, in_box) -> str | None:
    for value in (body_el.get("id"), box.get("id")):
        m = _MSG_ID.match(value or "")
        if m:
            return m.group(1)
    anchor = in_box.one(box, SMF.MSG_ANCHOR)
    if anchor is None:
        prev = box.getprevious()
        anchor = prev if prev is not None and prev.tag == "a" else None
    if anchor is not None:
        return common.number_suffix(anchor.get("id") or anchor.get("name"))
    return None


def _quote_ids(quotes, body_el, quote_css: str):
    """The quoted message id from the header link ("Quote from: X on DATE" links to msgN),
    which SMF 1.1/2.0 print before the quote box and 2.1 inside it."""
    if not quotes:
        return quotes
    found = select(body_el, quote_css)
    boxes = [b for b in found if not any(a in found for a in b.iterancestors())]
    if len(boxes) != len(quotes):
        return quotes
    out = []
    for quote, box in zip(quotes, boxes):
        header = box.getprevious()
        links = select(header, "a[href]") if header is not None and "quoteheader" in (header.get("class") or "") \
            else select(box, "cite a[href]")
        m = _MSG_IN_URL.search(links[0].get("href")) if links else None  # the header beats links quoted inside
        out.append(attrs.evolve(quote, post_id=m.group(1)) if m else quote)
    return tuple(out)


def _is_stat(line: str) -> bool:
    for pattern in (POSTS_LABEL, JOINED_LABEL, LOCATION_LABEL):
        if pattern.match(line) and ":" in line:
            return True
    return bool(re.match(r"^[^:]{1,30}:\s", line))  # "Karma: +3", "Gender: ..."


def _poster_lines(poster, name_el) -> list[str]:
    """SMF 1.1 prints the poster cell as <br>-separated lines after the name."""
    name = text_of(name_el)
    return [ln for ln in common.lines(poster) if ln != name]


ADAPTERS = (SMF,)
