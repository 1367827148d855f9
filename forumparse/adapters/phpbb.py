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

from ..html.body import extract_body, render_text
from ..html.select import attr, first_text, select, select_one, text_of
from ..records import Author, Post, Quote, Thread
from ..vocab import quote_header_author
from . import _phpbb_common as common
from ._html_common import has, has_any
from .base import Adapter

_HAS = "contains(concat(' ', normalize-space(@class), ' '), ' {} ')"

# Evidence, as plain substrings (cheap on big pages): the brand, the script names, the post markup.
BRAND = ("phpBB", "phpbb", 'id="phpbb"', "subSilver", "prosilver", "subsilver2")
LINKS = ("viewprofile", "viewforum", "memberlist")
MARKUP = ("postprofile", "postauthor", 'class="postdetails', 'class="postbody')


class PhpbbHtml(Adapter):
    name = "phpbb"
    format = "html"
    priority = 0.6
    max_score = 0.95  # 0.05 + 0.3 * 3: never certain (the registry skips it when it cannot win)
    description = "phpBB 2 and 3 thread pages (prosilver, subsilver2, subSilver and derived styles)"

    # prosilver
    POST = f"//div[{_HAS.format('post')}][starts-with(@id, 'p') or not(@id)]"  # no id: the print view
    hints = ("phpbb", "prosilver", "subsilver", "viewtopic", "viewforum", "memberlist")
    PROFILE = "dl.postprofile"
    AUTHOR_LINE = "p.author, div.author"
    NAME_CSS = ".username, .username-coloured"
    CONTENT = "div.content"
    SIGNATURE = ".signature"
    NOTICE = "div.notice"
    THANKS = "div[id^='list_thanks']"
    # subsilver2
    S2_AUTHOR = f"//*[{_HAS.format('postauthor')}]"
    # subSilver (phpBB 2)
    S_NAME = f"//span[{_HAS.format('name')}]"  # a post's only when a .postbody cell is beside it
    # bodies of every layout
    QUOTE_CSS = "blockquote, .quotecontent, td.quote"
    QUOTE_AUTHOR_CSS = "cite"
    # code box headers ("Code: Select all") and the counters under inline attachments
    NOISE_CSS = "dl.codebox > dt, div.codebox > p, .codetitle, dl.file dd, dl.thumbnail dd"
    ATTACHMENTS = "a[href*='download/file.php'], img[src*='download/file.php'], a[href*='download.php?id=']"
    # thread
    # topic title candidates, found in one pass and ranked in Python (one tree scan, not seven)
    TITLE_XPATH = f"//h2 | //*[{_HAS.format('maintitle')}]"
    CRUMBS_CSS = ("#nav-breadcrumbs", "ul.navlinks li.icon-home", "p.breadcrumbs", ".breadcrumbs")
    PAGINATION_CSS = ".pagination, td.nav, span.nav, span.gensmall, td.gensmall, .paging, .page-number"

    def detect(self, doc) -> float:
        if doc.tree is None:
            return 0.0
        size = 400_000
        if common.forumotion_marks(doc, size) >= 2 and not common.php_script_links(doc, size):
            return 0.0  # Forumotion boards are hosted phpBB look-alikes: theirs
        markup = has_any(doc, MARKUP, size)
        links = has(doc, "viewtopic", size) and has_any(doc, LINKS, size)
        brand = has_any(doc, BRAND, size)
        if not (links or markup):
            return 0.15 if brand else 0.0  # a page that only names phpBB
        if not (links or brand):
            return 0.1  # "postbody" alone is common to many engines
        return 0.05 + 0.3 * markup + 0.3 * links + 0.3 * brand

    def parse(self, doc, ctx) -> Thread:
        tree = doc.tree
        base = common.page_url(doc, ctx)
        posts = (self._prosilver(tree, ctx, base) or self._subsilver2(tree, ctx, base)
                 or self._subsilver(tree, ctx, base))
        page, count, nxt = self._pages(tree)
        return Thread(
            title=self._title(tree),
            url=base,
            breadcrumbs=self._crumbs(tree),
            page=page,
            page_count=count,
            next_page_url=common.absolute(base, nxt),
            posts=posts,
        )

    # -- prosilver ---------------------------------------------------------------------------
    def _prosilver(self, tree, ctx, base) -> list[Post]:
        posts = []
        for el in tree.xpath(self.POST):
            post_id = (el.get("id") or "")[1:] or None
            if post_id is not None and not post_id.isdigit():
                continue
            content = select_one(el, self.CONTENT)
            line = select_one(el, self.AUTHOR_LINE)
            if content is None or (post_id is None and line is None):
                continue
            profile = select_one(el, self.PROFILE)
            timestamp, raw = common.line_time(line, ctx)
            if timestamp is None and raw is None:  # print view: "Posted: <strong>date</strong>"
                timestamp, raw = common.shown_time(common.strip_label(first_text(el, "div.date")), ctx)
            body = self._body(content)
            posts.append(Post(
                post_id=post_id,
                permalink=self._permalink(line, post_id, base),
                author=self._prosilver_author(profile, line, el, ctx, base),
                timestamp=timestamp,
                timestamp_raw=raw,
                title=first_text(el, "h3"),
                body=body.text,
                body_html=body.html,
                quotes=body.quotes,
                edited=common.edit_time(select_one(el, self.NOTICE), ctx),
                attachments=self._attachments(el, base),
                likes=self._thanks(el),
            ))
        return posts

    def _prosilver_author(self, profile, line, post, ctx, base) -> Author | None:
        dt = profile.find(".//dt") if profile is not None else None
        name = first_text(dt, self.NAME_CSS) or _last_link_text(dt) or first_text(line, "strong", "a.username")
        if not name:
            return None
        link = _first_found((dt, "a[href*='mode=viewprofile']"), (line, "a[href*='mode=viewprofile']"),
                            (dt, "a[href]"))
        dds = profile.findall(".//dd") if profile is not None else []
        stats = common.read_stats([text_of(dd) or "" for dd in dds], ctx)
        signature = select_one(post, self.SIGNATURE)
        href = attr(link, "href")
        return Author(
            name=name,
            rank=self._prosilver_rank(dds),
            post_count=stats.get("post_count"),
            joined=stats.get("joined"),
            user_id=common.user_id(href),
            profile_url=common.absolute(base, href),
            avatar_url=common.absolute(base, attr(_avatar(dt), "src")),
            location=stats.get("location"),
            signature=render_text(signature) or None if signature is not None else None,
        )

    @staticmethod
    def _prosilver_rank(dds) -> str | None:
        for dd in dds:
            classes = (dd.get("class") or "").split()
            if classes and "profile-rank" not in classes:
                continue  # 3.1+ names every statistic; only profile-rank holds the rank
            if dd.find(".//strong") is not None:
                break  # 3.0: the rank comes before the labelled statistics
            rank = text_of(dd) or _image_title(dd)
            if rank:
                return rank
        return None

    # -- subsilver2 --------------------------------------------------------------------------
    def _subsilver2(self, tree, ctx, base) -> list[Post]:
        posts = []
        for mark in tree.xpath(self.S2_AUTHOR):
            head = _ancestor(mark, "tr")
            if head is None:
                continue
            rows = _next_rows(head, 2)
            if not rows:
                continue
            cells = rows[0].xpath("./td")
            body_cell = cells[-1] if cells else rows[0]
            content = select_one(body_cell, "div.postbody")
            if content is None:
                continue
            profile = select_one(rows[0], "td.profile") if len(cells) > 1 else None
            anchor = select_one(head, "a[name], a[id]")
            post_id = common.post_id_of(attr(anchor, "name") or attr(anchor, "id"))
            link = select_one(head, "a[href*='#p']")
            date_box = link.getparent() if link is not None else None
            timestamp, raw = common.shown_time(common.strip_label(text_of(date_box)), ctx)
            subject_box = select_one(head, "td.gensmall div")
            subject = common.strip_label(text_of(subject_box)) if subject_box is not date_box else None
            body = self._body(content)
            signature = None
            for span in select(body_cell, "span.postbody"):
                signature = common.split_signature(render_text(span))[1] or signature
            edit = next((e for e in select(body_cell, "span.gensmall, td.gensmall")
                         if (text_of(e) or "")[:1].isalpha() and "edited" in (text_of(e) or "").lower()), None)
            buttons = rows[1] if len(rows) > 1 else None
            href = attr(select_one(buttons, "a[href*='mode=viewprofile']"), "href")
            posts.append(Post(
                post_id=post_id,
                permalink=common.absolute(base, attr(link, "href")) or (f"#p{post_id}" if post_id else None),
                author=self._table_author(text_of(mark), profile, ctx, base, href, signature),
                timestamp=timestamp,
                timestamp_raw=raw,
                title=subject,
                body=body.text,
                body_html=body.html,
                quotes=body.quotes,
                edited=common.edit_time(edit, ctx),
                attachments=self._attachments(body_cell, base),
            ))
        return posts

    # -- subSilver (phpBB 2) -----------------------------------------------------------------
    def _subsilver(self, tree, ctx, base) -> list[Post]:
        posts = []
        for mark in tree.xpath(self.S_NAME):
            cell = _ancestor(mark, "td")
            row = cell.getparent() if cell is not None else None
            if row is None:
                continue
            message = next(iter(cell.itersiblings("td")), None)
            if message is None:
                continue
            box = select_one(message, ".postbody")
            if box is None:
                continue
            container = box if box.tag == "td" else box.getparent()
            anchor = select_one(mark, "a[name]")
            if anchor is None:  # an element's truth value is its child count, not its presence
                anchor = select_one(cell, "a[name]")
            post_id = common.post_id_of(attr(anchor, "name"))
            details = select_one(message, ".postdetails")
            date_text, subject = _posted_and_subject(details)
            timestamp, raw = common.shown_time(date_text, ctx)
            body = self._body(container, edit_css="span.gensmall")
            text, signature = common.split_signature(_CODE_HEADER_LINE.sub("", body.text))
            buttons = _next_rows(row, 1)
            href = attr(_first_found((mark, "a[href*='mode=viewprofile']"),
                                     (buttons[0] if buttons else None, "a[href*='mode=viewprofile']")), "href")
            link = select_one(message, "a[href*='#']") if details is not None else None
            posts.append(Post(
                post_id=post_id,
                permalink=common.absolute(base, attr(link, "href")) or (f"#{post_id}" if post_id else None),
                author=self._table_author(text_of(mark), cell, ctx, base, href, signature),
                timestamp=timestamp,
                timestamp_raw=raw,
                title=subject,
                body=text,
                body_html=body.html,
                quotes=body.quotes,
                edited=common.edit_time(_edit_note(container), ctx),
                attachments=self._attachments(container, base),
            ))
        return posts

    def _table_author(self, name, profile, ctx, base, href, signature) -> Author | None:
        """The author of a table layout: name, then the profile cell's lines (rank first)."""
        if not name:
            return None
        details = select(profile, ".postdetails") if profile is not None else []
        lines = [line for el in details for line in common.profile_lines(el)]
        stats = common.read_stats(lines, ctx)
        rank = next((p for p in stats["plain"] if p != name), None)
        images = select(profile, "img") if profile is not None else []
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
    def _body(self, el, edit_css: str | None = None):
        body = extract_body(el, quote_css=self.QUOTE_CSS, quote_author_css=self.QUOTE_AUTHOR_CSS,
                            signature_css=self.SIGNATURE, edit_css=edit_css or self.NOTICE,
                            drop_css=self.NOISE_CSS)
        quotes = tuple(_clean_quote(q) for q in body.quotes)
        return body if quotes == body.quotes else _with_quotes(body, quotes)

    def _attachments(self, el, base) -> list[str]:
        urls = []
        for found in select(el, self.ATTACHMENTS):
            url = attr(found, "href") or attr(found, "src")
            if url and "avatar=" not in url and url not in urls:
                urls.append(common.absolute(base, url))
        return urls

    def _thanks(self, el) -> int | None:
        """The "Thanks for posts" extension lists who thanked a post: that many likes."""
        box = select_one(el, self.THANKS)
        return len(select(box, "a[href*='mode=viewprofile']")) or None if box is not None else None

    @staticmethod
    def _permalink(line, post_id, base) -> str | None:
        if post_id is None:
            return None
        link = select_one(line, f"a[href*='#p{post_id}']")
        return common.absolute(base, attr(link, "href")) or f"#p{post_id}"

    # -- thread ------------------------------------------------------------------------------
    def _title(self, tree) -> str | None:
        page_title = " ".join((tree.findtext(".//title") or "").split())
        best = None
        for el in tree.xpath(self.TITLE_XPATH):
            rank = _title_rank(el, page_title)
            if rank is not None and (best is None or rank < best[0]):
                text = text_of(el)
                if text:
                    best = (rank, text)
        return best[1] if best else _title_from_head(page_title)

    def _crumbs(self, tree) -> tuple[str, ...]:
        for css in self.CRUMBS_CSS:
            box = select_one(tree, css)
            if box is not None:
                links = select(box, ".crumb > a") or select(box, "a")
                return tuple(t for t in (text_of(a) for a in links) if t)
        for box in select(tree, ".nav"):  # phpBB 2: "Forum Index -> Forum" in a span.nav
            if select_one(box, "a[href*='viewforum']") is not None:
                return tuple(t for t in (text_of(a) for a in select(box, "a")) if t)
        return ()

    def _pages(self, tree):
        page = count = nxt = None
        found = []
        for el in select(tree, self.PAGINATION_CSS):
            text = el.text_content()
            if len(text) < 400 and any(ch.isdigit() for ch in text):  # cheap test before reading it
                found.append(common.page_numbers(el))
        for p, c, _n in found:  # "Page 2 of 5" says it best
            if p is not None and c is not None:
                page, count = p, c
                break
        for p, _c, n in found:
            if page is None and p is not None:
                page = p
            if n is not None and p == page:
                nxt = attr(n, "href")
                break
        if page is not None and count is None:
            count = max((c for _p, c, _n in found if c), default=page)
        return page, count, nxt


def _first_found(*pairs):
    for el, css in pairs:
        found = select_one(el, css)
        if found is not None:
            return found
    return None


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
    for a in reversed(select(el, "a")):
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
    img = el if el.tag == "img" else select_one(el, "img")
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
        parts = re.split(r"\xa0[\s\xa0]*", head.strip(), maxsplit=1)
        head = parts[0]
        after = parts[1:] if len(parts) > 1 and parts[1].strip() else []
    date = common.strip_label(" ".join(head.split()))
    subject = common.strip_label(" ".join("".join(after).split())) if after else None
    return date, subject


def _edit_note(container):
    for span in select(container, "span.gensmall"):
        if text_of(span):
            return span
    return None


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
    for marker in ("View topic - ", "Thema anzeigen - ", "Voir le sujet - ", "Ver tema - "):
        if marker in text:
            return text.split(marker, 1)[1].strip() or None
    parts = _TITLE_SEPARATORS.split(text)
    return parts[0].strip() if parts else None


ADAPTERS = (PhpbbHtml,)
