"""phpBB thread pages: phpBB 3 prosilver and its derivatives, phpBB 3 subsilver2, phpBB 2 subSilver.

Three layouts, tried in that order:
- prosilver (3.0-3.3): div.post#pN holding dl.postprofile (rank, "Posts:", "Joined:"
  dd's), p.author (by X » date, <time> from 3.1), div.content, div.notice, div.signature.
- subsilver2 (3.x tables): .postauthor in the post's first row, "Post subject:" /
  "Posted:" beside it, the profile cell and div.postbody in the next row.
- subSilver (2.x tables): span.name with <a name=N> in the author cell, span.postdetails
  with rank/Joined/Posts/Location, "Posted: ... Post subject:" and span.postbody
  (signature after "_________________", quotes as a "X wrote:" row above td.quote).
"""
from __future__ import annotations

import re

import lxml.etree

from ..html.body import extract_body, render_text
from ..html.page_classes import by_class, by_owner, holders, within
from ..html.select import attr, class_set, select, select_one, text_of, xpath
from ..records import Author, Post, Quote, Thread
from ..vocab import EDIT_NOTE, quote_header_author
from . import _phpbb_common as common
from ._html_common import has, has_any, in_ends
from .base import Adapter

_HAS = "contains(concat(' ', normalize-space(@class), ' '), ' {} ')"

# Evidence, as plain substrings (cheap on big pages): the brand, the script names, the post markup.
BRAND = ("phpBB", "phpbb", 'id="phpbb"', "subSilver", "prosilver", "subsilver2")
LINKS = ("viewprofile", "viewforum", "memberlist")
# (class="postauthor, not the bare word: WordPress comments carry a "bypostauthor" class)
MARKUP = ("postprofile", 'class="postauthor', 'class="postdetails', 'class="postbody')


def _own_template(doc) -> bool:
    """Markup only phpBB's own templates print: prosilver's <body id="phpbb"> (3.x and the styles
    built on it), subsilver2's header and centre wrappers (3.0), subSilver's footer credit or
    private message pop-up opening in a "_phpbb..." window (2.x), the style cookie of 3.0's header
    script (prosilver and the styles built on it)."""
    body = doc.tree.find("body")
    return ((body is not None and body.get("id") == "phpbb")
            or (has(doc, 'id="wrapheader"', 100_000) and has(doc, 'id="wrapcentre"', 100_000))
            or in_ends(doc, 'target="_phpbb"') or has(doc, "'_phpbbprivmsg'", 100_000)
            or has(doc, "style_cookie = 'phpBBstyle'", 100_000))


class PhpbbHtml(Adapter):
    name = "phpbb"
    format = "html"
    priority = 0.6
    description = "phpBB 2 and 3 thread pages (prosilver, subsilver2, subSilver and derived styles)"
    hints = ("phpbb", "prosilver", "subsilver", "viewtopic", "viewforum", "memberlist")

    # prosilver
    POST = "div.post"  # with an id "pN", or none in the print view
    PROFILE = ".postprofile"  # a <dl> in phpBB's styles, a <div> in some third-party ones
    AUTHOR_LINE = "p.author, div.author"
    NAME_CSS = ".username, .username-coloured"
    CONTENT = "div.content"
    SIGNATURE = ".signature"
    NOTICE = "div.notice"
    THANKS = "/descendant::div[starts-with(@id, 'list_thanks')]"
    # a post's parts, looked up for all posts at once with the page-level selectors
    POST_PARTS = {"content": CONTENT, "line": AUTHOR_LINE, "profile": PROFILE, "date": "div.date",
                  "notice": NOTICE, "signature": SIGNATURE}
    CELL_PARTS = {"postbody": ".postbody", "postdetails": ".postdetails", "span_gensmall": "span.gensmall",
                  "div_postbody": "div.postbody", "span_postbody": "span.postbody", "td_profile": "td.profile",
                  "gensmall": "span.gensmall, td.gensmall"}
    # subsilver2
    S2_AUTHOR = ".postauthor"
    # subSilver (phpBB 2)
    S_NAME = "span.name"  # a post's only when a .postbody cell is beside it
    # bodies of every layout
    QUOTE_CSS = "blockquote, .quotecontent, td.quote"
    QUOTE_AUTHOR_CSS = "cite"
    # code box headers ("Code: Select all") and the counters under inline attachments
    NOISE_CSS = "dl.codebox > dt, div.codebox > p, .codetitle, dl.file dd, dl.thumbnail dd"
    NOISE_BOXES = ".codebox, .codetitle, dl.file, dl.thumbnail"  # what NOISE_CSS needs at or under a body
    ATTACHMENTS = "a[href*='download/file.php'], img[src*='download/file.php'], a[href*='download.php?id=']"
    # thread
    # topic title candidates, ranked in Python: h2's and .maintitle
    MAINTITLE = ".maintitle"
    TITLE_XPATH = f"/descendant::h2 | /descendant::*[{_HAS.format('maintitle')}]"  # both kinds in document order
    CRUMBS_CSS = ("#nav-breadcrumbs", "ul.navlinks li.icon-home", "p.breadcrumbs", ".breadcrumbs")
    NAV_CSS = ".nav"  # phpBB 2: "Forum Index -> Forum" in a span.nav
    PAGINATION_CSS = ".pagination, td.nav, span.nav, span.gensmall, td.gensmall, .paging, .page-number"

    def detect(self, doc) -> float:
        if doc.tree is None:
            return 0.0
        size = 400_000
        # phpBB's own script links first: they settle the Forumotion question without its
        # nine marker scans (each a search of the whole page on a phpBB page)
        if not common.php_script_links(doc, size) and common.forumotion_marks(doc, size) >= 2:
            return 0.0  # Forumotion boards are hosted phpBB look-alikes: theirs
        markup = has_any(doc, MARKUP, size)
        links = has(doc, "viewtopic", size) and has_any(doc, LINKS, size)
        brand = has_any(doc, BRAND, size)
        if not (links or markup):
            return 0.15 if brand else 0.0  # a page that only names phpBB
        if not (links or brand):
            return 0.1  # "postbody" alone is common to many engines
        if markup and brand and (links or has(doc, "memberlist.php?mode=viewprofile", size)) and _own_template(doc):
            # no look-alike shows phpBB's template markup besides all the rest (a saved page
            # may have lost its viewtopic links; the profile links remain)
            return 1.0
        return 0.05 + 0.3 * markup + 0.3 * links + 0.3 * brand

    def parse(self, doc, ctx) -> Thread:
        tree = doc.tree
        base = common.page_url(doc, ctx)
        # every page-level selector answered by one pass over the class attributes
        found = by_class(tree, post=self.POST, s2=self.S2_AUTHOR, s_name=self.S_NAME, pages=self.PAGINATION_CSS,
                         maintitle=self.MAINTITLE, nav=self.NAV_CSS, noise=self.NOISE_BOXES, **self.POST_PARTS,
                         **self.CELL_PARTS,
                         **{f"crumbs{i}": css.split()[0] for i, css in enumerate(self.CRUMBS_CSS)
                            if not css.startswith("#")})
        # NOISE_CSS needs an XPath per body: only for the bodies holding one of its boxes
        found["noisy"] = holders(found["noise"])
        seen = common.Seen()
        posts = (self._prosilver(doc, found, ctx, base, seen) or self._subsilver2(found, ctx, base, seen)
                 or self._subsilver(found, ctx, base, seen))
        page, count, nxt = self._pages(found["pages"])
        return Thread(
            title=self._title(tree, found["maintitle"]),
            url=base,
            breadcrumbs=self._crumbs(doc, found),
            page=page,
            page_count=count,
            next_page_url=common.absolute(base, nxt),
            posts=posts,
        )

    # -- prosilver ---------------------------------------------------------------------------
    def _prosilver(self, doc, found, ctx, base, seen) -> list[Post]:
        boxes = [el for el in found["post"] if _prosilver_id(el.get("id")) is not False]
        if not boxes:
            return []
        # each post's parts, from the page-level lookups: no selector pass per post
        parts = {name: by_owner(boxes, found[name]) for name in self.POST_PARTS}
        thanks = by_owner(boxes, xpath(self.THANKS)(doc.tree)) if "list_thanks" in doc.text else {}
        attachable = _attachable(doc)
        posts = []
        for el in boxes:
            post_id = _prosilver_id(el.get("id"))
            content = _first(parts["content"], el)
            line = _first(parts["line"], el)
            if content is None or (post_id is None and line is None):
                continue
            timestamp, raw = common.line_time(line, ctx)
            if timestamp is None and raw is None:  # print view: "Posted: <strong>date</strong>"
                date = next(filter(None, map(text_of, parts["date"].get(el, ()))), None)
                timestamp, raw = common.shown_time(common.strip_label(date), ctx)
            body = self._body(content, found["noisy"])
            posts.append(Post(
                post_id=post_id,
                permalink=self._permalink(line, post_id, base),
                author=self._prosilver_author(_first(parts["profile"], el), line,
                                              _first(parts["signature"], el), ctx, base, seen),
                timestamp=timestamp,
                timestamp_raw=raw,
                title=next(filter(None, map(text_of, el.iter("h3"))), None),
                body=body.text,
                body_html=body.html,
                quotes=body.quotes,
                edited=common.edit_time(_edit_notice(parts["notice"].get(el, ())), ctx),
                attachments=self._attachments(el, base) if attachable else [],
                likes=_thanks(_first(thanks, el)),
            ))
        return posts

    def _prosilver_author(self, profile, line, signature, ctx, base, seen) -> Author | None:
        """`seen`: the page's reads of repeating markup (profile boxes, signatures)."""
        name, own_href, any_href, stats, rank, avatar = (
            seen.read(_profile_facts, profile, ctx) if profile is not None else _NO_PROFILE)
        if not name and line is not None:
            name = (next(filter(None, map(text_of, line.iter("strong"))), None)
                    or _first_classed_text(line, _USERNAME, "a"))
        if not name:
            return None
        # the profile box's own profile link, the author line's, then any link of the box
        href = own_href or attr(_link(line, "mode=viewprofile"), "href") or any_href
        return Author(
            name=name,
            rank=rank,
            post_count=stats.get("post_count"),
            joined=stats.get("joined"),
            user_id=common.user_id(href),
            profile_url=common.absolute(base, href),
            avatar_url=common.absolute(base, avatar),
            location=stats.get("location"),
            signature=seen.read(render_text, signature) or None if signature is not None else None,
        )

    # -- subsilver2 --------------------------------------------------------------------------
    def _subsilver2(self, found, ctx, base, seen) -> list[Post]:
        # the author's row and the two rows after it; their parts come from the page-level
        # lookups (`found`), handed to the row or cell that holds them
        posts_rows = []
        for mark in found["s2"]:
            head = _ancestor(mark, "tr")
            if head is None:
                continue
            rows = _next_rows(head, 2)
            if rows:
                cells = list(rows[0].iterchildren("td"))
                posts_rows.append((mark, head, rows, cells, cells[-1] if cells else rows[0]))
        if not posts_rows:
            return []
        in_cell = {name: by_owner([r[4] for r in posts_rows], found[name])
                   for name in ("div_postbody", "span_postbody", "gensmall")}
        profiles = by_owner([r[2][0] for r in posts_rows], found["td_profile"])
        profile_details = by_owner([p[0] for p in profiles.values()], found["postdetails"])
        attachable = _attachable(ctx.doc)
        posts = []
        for mark, head, rows, cells, body_cell in posts_rows:
            content = _first(in_cell["div_postbody"], body_cell)
            if content is None:
                continue
            profile = _first(profiles, rows[0]) if len(cells) > 1 else None
            anchor = next((a for a in head.iter("a") if a.get("name") is not None or a.get("id") is not None), None)
            post_id = common.post_id_of(attr(anchor, "name") or attr(anchor, "id"))
            link = _link(head, "#p")
            date_box = link.getparent() if link is not None else None
            timestamp, raw = common.shown_time(common.strip_label(text_of(date_box)), ctx)
            subject_box = next((div for td in head.iter("td") if "gensmall" in class_set(td) for div in td.iter("div")),
                               None)
            subject = common.strip_label(text_of(subject_box)) if subject_box is not date_box else None
            body = self._body(content, found["noisy"])
            signature = None
            for span in in_cell["span_postbody"].get(body_cell, ()):
                signature = common.split_signature(seen.read(render_text, span))[1] or signature
            edit = next((e for e in in_cell["gensmall"].get(body_cell, ()) if _is_edit_note(text_of(e))), None)
            buttons = rows[1] if len(rows) > 1 else None
            href = attr(_link(buttons, "mode=viewprofile"), "href")
            posts.append(Post(
                post_id=post_id,
                permalink=common.absolute(base, attr(link, "href")) or (f"#p{post_id}" if post_id else None),
                author=self._table_author(text_of(mark), profile, profile_details.get(profile, []), ctx, base,
                                          href, signature, seen),
                timestamp=timestamp,
                timestamp_raw=raw,
                title=subject,
                body=body.text,
                body_html=body.html,
                quotes=body.quotes,
                edited=common.edit_time(edit, ctx),
                attachments=self._attachments(body_cell, base) if attachable else [],
            ))
        return posts

    # -- subSilver (phpBB 2) -----------------------------------------------------------------
    def _subsilver(self, found, ctx, base, seen) -> list[Post]:
        # the name's cell and the message cell beside it; their parts come from the page-level
        # lookups (`found`), handed to the cell that holds them
        rows = []
        for mark in found["s_name"]:
            cell = _ancestor(mark, "td")
            row = cell.getparent() if cell is not None else None
            if row is None:
                continue
            message = next(iter(cell.itersiblings("td")), None)
            if message is not None:
                rows.append((mark, cell, row, message))
        if not rows:
            return []
        in_message = {name: by_owner([r[3] for r in rows], found[name]) for name in ("postbody", "postdetails")}
        profile_details = by_owner([r[1] for r in rows], found["postdetails"])
        rows = [(*r, box) for r in rows if (box := _first(in_message["postbody"], r[3])) is not None]
        notes = by_owner([box if box.tag == "td" else box.getparent() for *_r, box in rows], found["span_gensmall"])
        attachable = _attachable(ctx.doc)
        posts = []
        for mark, cell, row, message, box in rows:
            container = box if box.tag == "td" else box.getparent()
            anchor = _named_anchor(mark)
            if anchor is None:  # an element's truth value is its child count, not its presence
                anchor = _named_anchor(cell)
            post_id = common.post_id_of(attr(anchor, "name"))
            details = _first(in_message["postdetails"], message)
            date_text, subject = _posted_and_subject(details)
            timestamp, raw = common.shown_time(date_text, ctx)
            body = self._body(container, found["noisy"], edit_css="span.gensmall")
            text = _CODE_HEADER_LINE.sub("", body.text) if ":\n" in body.text else body.text
            text, signature = common.split_signature(text)
            buttons = _next_rows(row, 1)
            profile_link = _link(mark, "mode=viewprofile")
            if profile_link is None and buttons:
                profile_link = _link(buttons[0], "mode=viewprofile")
            link = _link(message, "#") if details is not None else None
            posts.append(Post(
                post_id=post_id,
                permalink=common.absolute(base, attr(link, "href")) or (f"#{post_id}" if post_id else None),
                author=self._table_author(text_of(mark), cell, profile_details.get(cell, []), ctx, base,
                                          attr(profile_link, "href"), signature, seen),
                timestamp=timestamp,
                timestamp_raw=raw,
                title=subject,
                body=text,
                body_html=body.html,
                quotes=body.quotes,
                edited=common.edit_time(next((n for n in notes.get(container, ()) if text_of(n)), None), ctx),
                attachments=self._attachments(container, base) if attachable else [],
            ))
        return posts

    def _table_author(self, name, profile, details, ctx, base, href, signature, seen) -> Author | None:
        """The author of a table layout: name, then the profile cell's lines (rank first);
        `details`: the profile's .postdetails boxes."""
        if not name:
            return None
        lines = [line for el in details for line in common.profile_lines(el)]
        stats = seen.stats(lines, ctx)
        rank = next((p for p in stats["plain"] if p != name), None)
        images = list(profile.iter("img")) if profile is not None else []
        if rank is None:
            rank = next((_image_title(img) for img in images if _is_rank_image(img)), None)
        avatar = next((img for img in images if not _is_rank_image(img) and not _is_icon(img)), None)
        return Author(
            name=name,
            rank=rank,
            post_count=stats.get("post_count"),
            joined=stats.get("joined"),
            user_id=common.user_id(href),
            profile_url=common.absolute(base, href),
            avatar_url=common.absolute(base, attr(avatar, "src")),
            location=stats.get("location"),
            signature=signature,
        )

    # -- shared ------------------------------------------------------------------------------
    def _body(self, el, noisy: set, edit_css: str | None = None):
        """`noisy`: the elements at or above a NOISE_CSS box (for the others it finds nothing)."""
        body = extract_body(el, quote_css=self.QUOTE_CSS, quote_author_css=self.QUOTE_AUTHOR_CSS,
                            signature_css=self.SIGNATURE, edit_css=edit_css or self.NOTICE,
                            drop_css=self.NOISE_CSS if el in noisy else None)
        quotes = tuple(_clean_quote(q) for q in body.quotes)
        return body if quotes == body.quotes else _with_quotes(body, quotes)

    def _attachments(self, el, base) -> list[str]:
        urls = []
        for found in el.iter("a", "img"):  # self.ATTACHMENTS, matched in Python
            is_link = found.tag == "a"
            value = found.get("href" if is_link else "src")
            if value is None or not ("download/file.php" in value or (is_link and "download.php?id=" in value)):
                continue
            url = attr(found, "href") or attr(found, "src")
            if url and "avatar=" not in url and url not in urls:
                urls.append(common.absolute(base, url))
        return urls

    @staticmethod
    def _permalink(line, post_id, base) -> str | None:
        if post_id is None:
            return None
        link = _link(line, f"#p{post_id}")
        return common.absolute(base, attr(link, "href")) or f"#p{post_id}"

    # -- thread ------------------------------------------------------------------------------
    def _title(self, tree, maintitles) -> str | None:
        page_title = " ".join((tree.findtext(".//title") or "").split())
        best = None
        h2s = list(tree.iter("h2"))
        # ranks tie in document order: both kinds together need the XPath's ordered union
        candidates = xpath(self.TITLE_XPATH)(tree) if h2s and maintitles else h2s or maintitles
        for el in candidates:
            rank = _title_rank(el, page_title)
            if rank is not None and (best is None or rank < best[0]):
                text = text_of(el)
                if text:
                    best = (rank, text)
        return best[1] if best else _title_from_head(page_title)

    def _crumbs(self, doc, found) -> tuple[str, ...]:
        for i, css in enumerate(self.CRUMBS_CSS):
            if css.startswith("#"):  # an id, looked up apart: in by_class it adds a pass over every id
                box = common.first_with_id(doc, css[1:])
            else:  # the first box of the selector's first part (`found`), then its inner part if any
                inner = css.split(maxsplit=1)[1:]
                box = next(within(found[f"crumbs{i}"], inner[0]) if inner else iter(found[f"crumbs{i}"]), None)
            if box is not None:
                links = select(box, ".crumb > a") or select(box, "a")
                return tuple(t for t in (text_of(a) for a in links) if t)
        for box in found["nav"]:  # phpBB 2: "Forum Index -> Forum" in a span.nav
            if select_one(box, "a[href*='viewforum']") is not None:
                return tuple(t for t in (text_of(a) for a in select(box, "a")) if t)
        return ()

    def _pages(self, boxes):
        read = []  # (page, count, next page link) of the boxes read so far, in page order
        page = count = nxt = None
        for el in boxes:
            text = el.text_content()
            if not (len(text) < 400 and _has_digit(text)):  # cheap test before reading it
                continue
            read.append(common.page_numbers(el))
            p, c, n = read[-1]
            if count is None and p is not None and c is not None:  # "Page 2 of 5" says it best
                page, count = p, c
                nxt = next((n for p, _c, n in read if n is not None and p == page), None)
            elif count is not None and nxt is None and n is not None and p == page:
                nxt = n
            if nxt is not None:
                return page, count, attr(nxt, "href")  # the boxes further down change nothing
        if count is not None:
            return page, count, None
        for p, _c, n in read:  # no "Page 2 of 5": the first page number shown, and its next page link
            if page is None and p is not None:
                page = p
            if n is not None and p == page:
                nxt = attr(n, "href")
                break
        if page is not None:
            count = max((c for _p, c, _n in read if c), default=page)
        return page, count, nxt


def _prosilver_id(value: str | None):
    """A prosilver post box's id "p123" -> "123"; None for a box without one (the print view)
    or "p"; False for a box that is not a post (another id)."""
    if value is None:
        return None
    if not value.startswith("p"):
        return False
    digits = value[1:]
    if not digits:
        return None
    return digits if digits.isdigit() else False


def _profile_facts(profile, ctx) -> tuple:
    """What a prosilver profile box (dl.postprofile) tells: (name, the href of its profile
    link, the href of its first link, statistics, rank, avatar src)."""
    dt = profile.find(".//dt")
    dds = profile.findall(".//dd")
    texts = [text_of(dd) or "" for dd in dds]
    return (_first_classed_text(dt, _NAME_CLASSES) or _last_link_text(dt),
            attr(_link(dt, "mode=viewprofile"), "href"),
            attr(_link(dt, ""), "href"),
            common.read_stats(texts, ctx),
            _prosilver_rank(dds, texts),
            attr(_avatar(dt), "src"))


_NO_PROFILE = (None, None, None, {}, None, None)


def _prosilver_rank(dds, texts) -> str | None:
    """`texts`: the text of each dd."""
    for dd, text in zip(dds, texts):
        classes = (dd.get("class") or "").split()
        if classes and "profile-rank" not in classes:
            continue  # 3.1+ names every statistic; only profile-rank holds the rank
        if dd.find(".//strong") is not None:
            break  # 3.0: the rank comes before the labelled statistics
        rank = text or _image_title(dd)
        if rank:
            return rank
    return None


def _attachable(doc) -> bool:
    """Whether the page text holds an attachment address at all: else no post is searched for one.
    (Plain searches: detection's cached marker search would build its word list at this point.)"""
    text = doc.text
    return "download" in text and ("download/file.php" in text or "download.php?id=" in text)


def _has_digit(text: str) -> bool:
    """Any character str.isdigit() takes: a regex finds the decimal ones, Python looks further only
    in a text of other scripts."""
    return _DIGIT.search(text) is not None or (not text.isascii() and any(ch.isdigit() for ch in text))


_DIGIT = re.compile(r"\d")


def _first(owned: dict, el):
    found = owned.get(el)
    return found[0] if found else None


def _thanks(box) -> int | None:
    """The "Thanks for posts" extension lists who thanked a post: that many likes."""
    if box is None:
        return None
    return sum(1 for a in box.iter("a") if "mode=viewprofile" in (a.get("href") or "")) or None


def _link(el, part: str):
    """The first <a href> under `el` whose href holds `part` (CSS a[href*=part])."""
    if el is None:
        return None
    for a in el.iter("a"):
        href = a.get("href")
        if href is not None and part in href:
            return a
    return None


_NAME_CLASSES = frozenset({"username", "username-coloured"})
_USERNAME = frozenset({"username"})


def _first_classed_text(el, names: frozenset, tag=None) -> str | None:
    """Text of the first element under `el` (of `tag`) with one of the class `names`."""
    if el is None:
        return None
    for node in el.iter(tag or lxml.etree.Element):
        if node.get("class") is not None and not names.isdisjoint(class_set(node)):
            text = text_of(node)
            if text:
                return text
    return None


def _named_anchor(el):
    return next((a for a in el.iter("a") if a.get("name") is not None), None)


def _ancestor(el, tag):
    for anc in el.iterancestors(tag):
        return anc
    return None


def _next_rows(row, n: int) -> list:
    rows = []
    for sib in row.itersiblings("tr"):
        rows.append(sib)
        if len(rows) == n:
            break
    return rows


def _last_link_text(el) -> str | None:
    for a in reversed(list(el.iter("a")) if el is not None else []):
        text = text_of(a)
        if text:
            return text
    return None


def _avatar(dt):
    for img in dt.iter("img") if dt is not None else ():
        if not _is_rank_image(img):
            return img
    return None


def _image_title(el) -> str | None:
    img = next(el.iter("img"), None)
    return (attr(img, "alt") or attr(img, "title")) if img is not None else None


def _is_rank_image(img) -> bool:
    """Rank images carry the rank title as alt text; avatars an empty or "avatar" alt."""
    src = (attr(img, "src") or "").lower()
    if "rank" in src:
        return True
    alt = (attr(img, "alt") or attr(img, "title") or "").lower()
    return bool(alt) and "avatar" not in alt and "avatar" not in src and not _is_icon(img)


def _is_icon(img) -> bool:
    src = (attr(img, "src") or "").lower()
    return any(word in src for word in ("spacer", "icon_", "/imageset/", "/smilies/", "online", "offline"))


def _posted_and_subject(el) -> tuple[str | None, str | None]:
    """phpBB 2 prints "Posted: DATE<span class=gen>&nbsp;</span> Post subject: TITLE": the date
    is the text before that span, the subject the text after it."""
    if el is None:
        return None, None
    before, after = [el.text or ""], []
    target = before
    for child in el:
        if target is before and "gen" in (child.get("class") or "").split():
            target = after
        elif target is after:
            after.append(text_of(child) or "")
        target.append(child.tail or "")
    head = "".join(before)
    if not after:  # no span.gen: the two fields are still apart by a run of &nbsp;
        parts = _NBSP_RUN.split(head.strip(), maxsplit=1)
        head = parts[0]
        after = parts[1:] if len(parts) > 1 and parts[1].strip() else []
    date = common.strip_label(" ".join(head.split()))
    subject = common.strip_label(" ".join("".join(after).split())) if after else None
    return date, subject


def _edit_notice(notices):
    """A post's edit notice: the first div.notice, unless it only tells the topic was bumped
    ("Last bumped by X on DATE", printed after the edit notice)."""
    first = next(iter(notices), None)
    return None if first is None or "bumped" in (text_of(first) or "").lower() else first


def _is_edit_note(text: str | None) -> bool:
    """"Last edited by X on ...", "Zuletzt geändert von X am ..." (translated boards)."""
    return bool(text) and (EDIT_NOTE.match(text) is not None or (text[:1].isalpha() and "edited" in text.lower()))


def _clean_quote(quote: Quote) -> Quote:
    """phpBB 3.2 cites read "X wrote: ↑ date": keep the name only."""
    author = quote.author or ""
    head, colon, _rest = author.partition(":")
    if colon and _rest.strip():
        is_header, name = quote_header_author(head + ":")
        if is_header and name:
            return Quote(author=name, text=quote.text, post_id=quote.post_id)
    return quote


def _with_quotes(body, quotes):
    from attrs import evolve

    return evolve(body, quotes=quotes)


_NBSP_RUN = re.compile(r"\xa0[\s\xa0]*")
# phpBB 2 heads a code box with a "Code:" row that no class names
_CODE_HEADER_LINE = re.compile(r"(?m)^(?:Code|Código|Codice|Kod|Код|Kode|Koodi|Kód):\n")
_TITLE_SEPARATORS = re.compile(r"\s+(?:•|::|-|–|\|)\s+")


def _title_rank(el, page_title: str) -> int | None:
    """Which title candidate wins: prosilver's h2.topic-title, subsilver2's #pageheader h2,
    phpBB 2's .maintitle, then an h2 of the page body or header, then any h2 the <title> names."""
    classes = (el.get("class") or "").split()
    if el.tag == "h2" and "topic-title" in classes:
        return 0
    if "maintitle" in classes:
        return 2 if el.tag == "a" else 3
    ids = {anc.get("id") for anc in el.iterancestors() if anc.get("id")}
    for rank, holder in ((1, "pageheader"), (4, "page-body"), (5, "page-header")):
        if holder in ids:
            return rank
    text = text_of(el)
    return 6 if text and text in page_title else None


def _title_from_head(text: str) -> str | None:
    """"Site • View topic - Title" or "Title - Site": the topic part of a <title>."""
    if not text:
        return None
    for marker in ("View topic - ", "Thema anzeigen - ", "Voir le sujet - ", "Ver tema - ", "Просмотр темы - ",
                   "Zobacz temat - ", "Leggi argomento - ", "Visualizza argomento - ", "Exibir tópico - ",
                   "Bekijk onderwerp - "):
        if marker in text:
            return text.split(marker, 1)[1].strip() or None
    parts = _TITLE_SEPARATORS.split(text)
    return parts[0].strip() if parts else None


ADAPTERS = (PhpbbHtml,)
