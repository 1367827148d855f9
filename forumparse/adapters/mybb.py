"""MyBB 1.6 and 1.8 thread pages (classic and horizontal postbits)."""
from __future__ import annotations

import copy
import re

import attrs

from ..html.body import extract_body
from ..html.page_classes import by_id_prefix, by_owner, earliest, holders
from ..html.pageinfo import PostScope
from ..html.select import attr, class_set, select, select_one, text_of, xpath
from ..records import Author, Post, Thread
from . import _html_common as common
from .base import Adapter

_POST_ID = re.compile(r"^post_(\d+)$")
_EDIT_DATE = re.compile(
    r"(?:modified|bearbeitet|modifié|modificado|modificato)[^:]*:\s*(.+?)\s+(?:by|von|par|por|da)\s", re.I)
# "Powered By <a ...mybb.com", case-blind, searched in the page end's lower-cased UTF-8 (a literal start:
# fast where re.I is not); Python's \s in a text pattern takes these Unicode spaces too
_POWERED = re.compile(rb"powered by(?:\s|[\x1c-\x1f]|\xc2[\x85\xa0]|\xe1\x9a\x80|\xe2\x80[\x80-\x8a\xa8\xa9\xaf]"
                      rb"|\xe2\x81\x9f|\xe3\x80\x80)*<a[^>]*mybb\.com")
_LIKERS = re.compile(r"(\d+)\s+(?:users?|members?|people)\b", re.I)
_TIME = re.compile(r"\d{1,2}:\d{2}")
_DATE_PREFIX = re.compile(r"^\s*\([^)]*\)\s*")


class MyBB(Adapter):
    name = "mybb"
    format = "html"
    description = "MyBB 1.6 / 1.8 thread pages"
    hints = ("mybb", "my_post_key", "jscripts/general.js")

    GATE = ("my_post_key", "MyBB", "post_body", "mybb")  # one of these is near the start of every page
    MARKERS = ("my_post_key", "Thread.multiQuote", "mycode_", "jscripts/general.js", 'id="pid_',
               "MyBBEditor", "Thread.quickEdit", "class=\"post_author", "postbit_usertitle", "author_statistics")
    STRONG = ("Powered By <a href=\"https://mybb.com\"", "Powered By <a href=\"http://www.mybb.com\"",
              "Powered By <a href=\"https://www.mybb.com\"", "<!-- MyBB is free software")

    POSTS = "div.post[id^=post_], table[id^=post_]"
    NAME = (".largetext a, .profile-username a, .largetext, .profile-username, .author_information strong, "
            "a[href*='action=profile'][href*='uid='], a[href*='/User-'], a[href^='User-']")
    USERTITLE = ".postbit_usertitle, .usertitle"
    TITLE_BOX = ".author_information span.smalltext, td.post_author span.smalltext"
    GROUP_IMAGE = ".post_groupimage, .groupimage"
    STATS = ".author_statistics, .post_author_info, td.post_author_info"
    AVATAR = ".author_avatar img, .post_avatar img"
    DATE = ".post_date, .postbit_date, .post_head [class*=date]"
    HEADER_DATE = "td.thead .smalltext, td.tcat .smalltext, td.thead div, td.tcat div"
    SUBJECT = ".post_title, .postbit_title, td.post_content > span.smalltext > strong"
    SUBJECT_LINK = ".post_head a[title][href*='pid'], td.thead a[title][href*='pid']"
    PERMALINK = ".post_head a[href*='pid'], td.thead a[href*='pid'], td.tcat a[href*='pid'], a.posturl[href]"
    BODY = ".post_body, div[id^=pid_]"
    SIGNATURE = ".signature"
    EDIT = ".post_edit, .edited_post"  # or an element with an id "edited_by_N", the first of them
    ATTACHMENTS = "a[href*='attachment.php?aid=']"
    QUOTE = "blockquote"
    DROP = "a.quick_jump, .codeblock > .title, .phpcodeblock > .title"  # the "Code:" label, not the code
    DROP_PLAIN = "a.quick_jump"  # DROP for a body without a code block (its other parts need an XPath)
    CODE_BLOCKS = ".codeblock, .phpcodeblock"
    QUOTE_AUTHOR = "cite"
    NAVIGATION = ".navigation, .breadcrumb"
    CRUMB_TITLE = ".active, li:last-child"
    THEAD_TITLE = "td.thead strong, .thead strong"
    PAGER = ".pagination"

    # the archive (archive/index.php?thread-N.html) and printthread.php views
    ARCHIVE_MARKUP = ('id="fullversion"', 'class="dateline"')
    PRINT_MARKUP = ("+--", "<hr")

    def detect(self, doc) -> float:
        # the credit's words must be there (each searched once per page) before the regex runs
        if common.has_lower(doc, "mybb.com", -40_000) and common.has_lower(doc, "powered by", -40_000) \
                and _POWERED.search(common.lower_bytes(doc, -40_000)):
            return 1.0
        score = common.detect_score(doc, self.MARKERS, self.STRONG, self.GATE)
        if score < 0.5 and (all(common.has(doc, m, 10_000) for m in self.ARCHIVE_MARKUP)
                            or all(common.has(doc, m, 10_000) for m in self.PRINT_MARKUP)):
            return 0.8 if common.has(doc, "uid=") or common.has_lower(doc, "mybb") else score
        return score

    def parse(self, doc, ctx) -> Thread:
        tree = doc.tree
        base = common.page_base(tree, ctx.url)
        # the id-prefix lookups (POSTS, edit notes, the like plugin's title) from one pass over the ids
        ids = by_id_prefix(tree, "post_", "edited_by_", "tyl_title_")
        elements = [el for el in ids["post_"] if _POST_ID.match(el.get("id") or "")
                    and (el.tag == "table" or (el.tag == "div" and "post" in class_set(el)))]
        if not elements:  # no postbit: the archive or the printable view
            return _lofi(tree, base, ctx)
        # each selector runs once for all posts: over the post boxes, and within them over
        # their content and author columns (MyBB 1.8) or the boxes themselves (1.6); the page's
        # own selectors (pager, code boxes, title) share that index as the scope of the root
        whole = PostScope([tree])
        scope = PostScope(elements, within=whole)
        columns = [(common.child_with_class(el, "post_author"), common.child_with_class(el, "post_content"))
                   for el in elements]
        columns = [(el if a is None else a, el if c is None else c) for el, (a, c) in zip(elements, columns)]
        authors = PostScope([a for a, _c in columns], within=scope)
        contents = PostScope([c for _a, c in columns], within=scope)
        extras = {"edit": by_owner([c for _a, c in columns], ids["edited_by_"]),
                  "likes": by_owner(elements, ids["tyl_title_"]), "coded": holders(whole.all(tree, self.CODE_BLOCKS)),
                  # ATTACHMENTS tests every link of the posts: none when the page never names the script
                  "attachments": common.has(doc, "attachment.php")}
        posts = [p for p in (self._post(el, author_box, content, scope, authors, contents, extras, base, ctx)
                             for el, (author_box, content) in zip(elements, columns)) if p is not None]
        pager = whole.one(tree, self.PAGER)
        page, page_count, next_url = common.pages_from(select(pager, "a"), select_one(pager, ".pagination_current"),
                                                       base) if pager is not None else (None, None, None)
        nxt = select_one(pager, "a.pagination_next") if pager is not None else None
        if nxt is not None:
            next_url = common.absolute(base, nxt.get("href")) or next_url
        nav = whole.pick(tree, *common.parts(self.NAVIGATION))
        title = self._title(tree, nav, whole)
        crumbs = [a for a in select(nav, "a") if a.get("href") not in (None, "#")]
        return Thread(title=title, url=common.canonical(tree, base) or ctx.url,
                      breadcrumbs=common.crumbs(crumbs, title), page=page, page_count=page_count,
                      next_page_url=next_url, posts=posts)

    # -- posts -----------------------------------------------------------------------------
    def _post(self, el, author_box, content, scope, authors, contents, extras, base, ctx) -> Post | None:
        """`author_box`, `content`: the columns MyBB 1.8 splits a post into (a thing is looked
        for in the column that holds it), else the post itself; the scopes answer selectors."""
        body_el = scope.pick(el, *common.parts(self.BODY))
        if body_el is None:
            return None
        body = extract_body(body_el, quote_css=self.QUOTE, quote_author_css=self.QUOTE_AUTHOR, signature_css=None,
                            edit_css=None, drop_css=self.DROP if body_el in extras["coded"] else self.DROP_PLAIN)
        quotes = _clean_quotes(body.quotes, body_el)
        date_el = contents.pick(content, *common.parts(self.DATE))
        if date_el is None:  # 1.6 tables print the date in the post's header row
            date_el = next((d for d in scope.all(el, self.HEADER_DATE) if _TIME.search(text_of(d) or "")), None)
        raw_date, resolved = text_of_date(date_el), _date_text(date_el)
        link = contents.pick(content, *common.parts(self.PERMALINK))
        edit_el = earliest(contents.one(content, self.EDIT), next(iter(extras["edit"].get(content, ())), None))
        edited = _edit_time(edit_el, ctx) if edit_el is not None else None
        return Post(
            post_id=_POST_ID.match(el.get("id")).group(1),
            permalink=common.absolute(base, link.get("href")) if link is not None else None,
            author=self._author(author_box, el, content, authors, contents, base, ctx),
            timestamp=ctx.dates.iso(resolved) if resolved else None,
            timestamp_raw=raw_date,
            title=contents.text(content, *common.parts(self.SUBJECT)) or attr(contents.one(content, self.SUBJECT_LINK),
                                                                               "title"),
            body=body.text,
            body_html=body.html,
            quotes=quotes,
            edited=edited,
            likes=_likes(el, next(iter(extras["likes"].get(el, ())), None), scope),
            attachments=[common.absolute(base, a.get("href")) for a in contents.all(content, self.ATTACHMENTS)]
            if extras["attachments"] else [],
        )

    def _author(self, el, post, content, authors, contents, base, ctx) -> Author | None:
        name_el = authors.first(el, *common.parts(self.NAME))
        if name_el is None:
            return None
        link = name_el if name_el.tag == "a" else select_one(name_el, "a[href]")
        href = link.get("href") if link is not None else None
        uid = common.query_id(href, "uid")
        if uid is None:  # SEO profile urls hide the id; the author's buttons still carry it
            controls = common.child_with_class(post, "post_controls")
            button = select_one(post if controls is None else controls,
                                ".author_buttons a[href*='uid='], .postbit_find[href*='uid=']")
            uid = common.query_id(button.get("href"), "uid") if button is not None else None
        stats = common.stats_from_lines(common.lines(authors.one(el, self.STATS)), ctx)
        avatar = authors.pick(el, *common.parts(self.AVATAR))
        return Author(
            name=text_of(name_el) or "",
            rank=self._rank(el, authors),
            post_count=stats.get("post_count"),
            joined=stats.get("joined"),
            location=stats.get("location"),
            user_id=uid,
            profile_url=common.absolute(base, href),
            avatar_url=common.absolute(base, attr(avatar, "src")),
            signature=self._signature(content, contents),
        )

    def _rank(self, el, authors) -> str | None:
        title = text_of(authors.one(el, self.USERTITLE))
        if title:
            return title
        box = authors.pick(el, *common.parts(self.TITLE_BOX))
        box_lines = common.lines(box)
        if box_lines:
            return box_lines[0]
        group = authors.one(el, self.GROUP_IMAGE)
        return common.image_label(group) if group is not None else (common.image_label(box) if box is not None
                                                                    else None)

    def _signature(self, el, contents) -> str | None:
        sig = contents.one(el, self.SIGNATURE)
        if sig is None:
            return None
        text = "\n".join(common.lines(sig))
        if not text:  # some themes print an empty separator div and the signature right after it
            nxt = sig.getnext()
            text = "\n".join(common.lines(nxt)) if nxt is not None and nxt.tag == "div" else ""
        return text or None

    # -- thread ----------------------------------------------------------------------------
    def _title(self, tree, nav, whole) -> str | None:
        """`whole`: the PostScope of the page's root."""
        page_title = common.page_title(tree)
        for root, css in ((nav, self.CRUMB_TITLE), (tree, self.THEAD_TITLE)):
            found = whole.text(tree, *common.parts(css)) if root is tree else common.pick_text(root, css)
            if found:
                # a thread prefix ("[Solved]") shows in the crumb but not in the page's <title>
                if page_title and len(page_title) < len(found) and found.endswith(" " + page_title):
                    prefix = found[: -len(page_title)].strip()
                    if len(prefix) <= 30 and len(prefix.split()) <= 3:
                        return page_title
                return found
        return page_title


# -- archive and printable views ----------------------------------------------------------------
# archive/index.php?thread-N.html: div.navigation "Board > Forum > Title", div#fullversion "Full
# Version: <a>Title</a>", div.post > div.header (div.author, div.dateline) + div.message,
# div.multipage. printthread.php: "+- Board", "+-- Forum: Name (url)", "+--- Thread: Title (url)"
# lines, then per post <hr> "<strong>Subject</strong> - <a>Name</a> - Date" <br><br> the message.
_NAV_LINE = re.compile(r"^\+-+\s*(?:(?P<label>[^:()]{1,20}):\s*)?(?P<name>.+?)(?:\s*\([^()]*\))?\s*$")
_PROFILE = ("uid=", "/User-", "User-", "member.php")


def _lofi(tree, base, ctx) -> Thread:
    archive = [el for el in select(tree, "div.post") if common.child_with_class(el, "message") is not None]
    if archive:
        return _archive(tree, archive, base, ctx)
    posts = [p for p in (_print_post(cell, base, ctx) for cell in xpath("//td[hr]")(tree)) if p is not None]
    # the lines of the block holding the first "+-" text (<br>-separated)
    first = xpath("(//body//text()[starts-with(normalize-space(), '+-')])[1]/..")(tree)
    lines = [ln for ln in common.lines(first[0]) if ln.startswith("+-")] if first else []
    crumbs, title = [], None
    for line in lines:
        m = _NAV_LINE.match(line)
        if m is None:
            continue
        crumbs.append(m.group("name"))
    if crumbs:
        title = crumbs.pop()  # the last line names the thread
    title = title or common.page_title(tree)
    pager = select_one(tree, ".pagination")
    page, page_count, next_url = common.pages_from(select(pager, "a"), select_one(pager, ".pagination_current"),
                                                   base) if pager is not None else (None, None, None)
    return Thread(title=title, url=common.canonical(tree, base) or ctx.url, breadcrumbs=crumbs, page=page,
                  page_count=page_count, next_page_url=next_url, posts=posts)


def _archive(tree, boxes, base, ctx) -> Thread:
    posts = []
    for box in boxes:
        header = common.child_with_class(box, "header")
        body_el = common.child_with_class(box, "message")
        author = select_one(header, ".author") if header is not None else None
        link = select_one(author, "a[href]") if author is not None else None
        href = link.get("href") if link is not None else None
        raw = text_of(select_one(header, ".dateline")) if header is not None else None
        body = extract_body(body_el, quote_css=MyBB.QUOTE, quote_author_css=MyBB.QUOTE_AUTHOR, signature_css=None,
                            edit_css=None, drop_css=MyBB.DROP)
        posts.append(Post(
            author=Author(name=text_of(author), user_id=common.query_id(href, "uid"),
                          profile_url=common.absolute(base, href)) if text_of(author) else None,
            timestamp=ctx.dates.iso(raw) if raw else None,
            timestamp_raw=raw,
            body=body.text,
            body_html=body.html,
            quotes=_clean_quotes(body.quotes, body_el),
        ))
    nav = select_one(tree, ".navigation")
    full = select_one(tree, "#fullversion a")
    last = nav[-1].tail if nav is not None and len(nav) else None
    title = text_of(full) or " ".join((last or "").split()).lstrip(">» ").strip() or common.page_title(tree)
    pager = select_one(tree, ".multipage")
    current = next((el for el in select(pager, "strong, span") if (text_of(el) or "").isdigit()), None) \
        if pager is not None else None  # "<strong>Pages:</strong> <strong>2</strong> <a>3</a>"
    page, page_count, next_url = common.pages_from(select(pager, "a"), current, base) if pager is not None \
        else (None, None, None)
    return Thread(title=title, url=common.canonical(tree, base) or ctx.url,
                  breadcrumbs=common.crumbs(select(nav, "a"), title) if nav is not None else [],
                  page=page, page_count=page_count, next_page_url=next_url, posts=posts)


def _print_post(cell, base, ctx) -> Post | None:
    """A printthread.php post cell: <hr>, the header "Subject - Name - Date" (or the subject on a
    line of its own over "Posted by Name - Date") up to the <br> after the name (a member's name
    links to the profile, a guest's does not), then the message."""
    work = copy.deepcopy(cell)
    children = list(work)
    rule = next(i for i, c in enumerate(children) if c.tag == "hr")
    # the header ends at the first blank line (<br><br>): a link in the message is no author's
    blank = next((i for i in range(rule + 1, len(children) - 1) if children[i].tag == children[i + 1].tag == "br"
                  and not (children[i].tail or "").strip()), len(children))
    at = next((i for i, c in enumerate(children[rule + 1:blank], rule + 1) if _profile_link(c) is not None), None)
    end = next((i for i, c in enumerate(children[(rule if at is None else at) + 1:], (rule if at is None else at) + 1)
                if c.tag == "br"), None)
    if end is None:
        return None
    head = children[rule + 1:end]
    subject = next((text_of(c) for c in head[:1] if c.tag in ("strong", "b", "span")), None)
    if at is not None:  # the date follows the name
        link = _profile_link(children[at])
        name, parts = text_of(link), [" ".join("".join(
            [children[at].tail or ""] + [(text_of(c) or "") + " " + (c.tail or "") for c in children[at + 1:end]]
        ).split()).strip(" -–")]
    else:
        link = None
        pieces = [("" if subject and i == 0 else text_of(c) or "") + " " + (c.tail or "") for i, c in enumerate(head)]
        text = " ".join("".join([children[rule].tail or "", *pieces]).split())
        parts = [p.strip() for p in text.strip(" -–").split(" - ")]
        if len(parts) < 2:
            return None
        name = " - ".join(parts[:-1])
    raw = parts[-1] or None
    while end + 1 < len(children) and children[end + 1].tag == "br" and not (children[end].tail or "").strip():
        end += 1
    tail = children[end].tail
    for c in children[: end + 1]:
        work.remove(c)
    work.text = tail
    body = extract_body(work, quote_css=MyBB.QUOTE, quote_author_css=MyBB.QUOTE_AUTHOR, signature_css=None,
                        edit_css=None, drop_css=MyBB.DROP)
    href = link.get("href") if link is not None else None
    return Post(
        author=Author(name=name, user_id=common.query_id(href, "uid"), profile_url=common.absolute(base, href))
        if name else None,
        timestamp=ctx.dates.iso(raw) if raw else None,
        timestamp_raw=raw,
        title=subject,
        body=body.text,
        body_html=body.html,
        quotes=_clean_quotes(body.quotes, work),
    )


def _profile_link(el):
    """The profile link in `el` (or `el` itself), or None."""
    return next((a for a in el.iter("a") if any(p in (a.get("href") or "") for p in _PROFILE)), None)


def _edit_time(el, ctx) -> str | None:
    """The date of "(This post was last modified: DATE by NAME.)" in any language pack: between
    the label's colon and the word before the editor's linked name ("пользователем X", "przez X")."""
    text = text_of(el) or ""
    m = _EDIT_DATE.search(text)
    if m:
        return ctx.dates.iso(m.group(1))
    link = next(el.iter("a"), None)
    name = text_of(link) if link is not None else None
    _head, colon, rest = text.partition(":")
    if not (colon and name) or name not in rest:
        return None
    words = rest[: rest.rindex(name)].split()
    return ctx.dates.iso(" ".join(words[:-1])) if len(words) > 1 else None


def _likes(el, title, scope) -> int | None:
    """The Thank You/Like plugin's line: "The following 3 users Like X's post" (absent: None);
    `title`: the post's element with an id "tyl_title_N"."""
    text = text_of(title) if title is not None else None
    if not text:
        return None
    m = _LIKERS.search(text)
    if m:
        return int(m.group(1))
    names = scope.all(el, "[id^=tyl_data_] a")
    return len(names) or None


def text_of_date(el) -> str | None:
    """The post date as shown, without the edit note some themes print inside it."""
    if el is None:
        return None
    parts = [el.text or ""]
    for child in el:
        if "post_edit" not in (child.get("class") or "") and not (child.get("id") or "").startswith("edited_by"):
            parts.append(text_of(child) or "")
        parts.append(child.tail or "")
    return " ".join("".join(parts).split()).strip(" ,") or None


def _date_text(el) -> str | None:
    """The shown post date; "Today"/"Yesterday"/"1 hour ago" spans carry the real date in title=."""
    if el is None:
        return None
    parts = [el.text or ""]
    for child in el:
        classes = child.get("class") or ""
        if "post_edit" in classes or (child.get("id") or "").startswith("edited_by"):
            pass
        elif child.tag == "span" and re.search(r"\d", child.get("title") or ""):
            title = child.get("title")
            if ":" in title:  # a full date and time: the shown text is only relative
                return " ".join(title.split())
            parts.append(title)
        elif child.tag in ("a", "span", "strong", "b"):
            parts.append(text_of(child) or "")
        if child.tail:
            parts.append(child.tail)
    text = " ".join("".join(parts).split()).strip(" ,")
    return text or None


def _clean_quotes(quotes, body_el):
    """MyBB 1.8 cites read "(date)Name Wrote:"; the quoted post id sits in the cite's jump link.
    A quote without a cite of its own has no author, whatever the quotes nested in it say."""
    if not quotes:
        return quotes
    boxes = [b for b in select(body_el, "blockquote") if not any(a.tag == "blockquote" for a in b.iterancestors())]
    if len(boxes) != len(quotes):
        return quotes
    cleaned = []
    for quote, box in zip(quotes, boxes):
        own = xpath("./cite")(box)
        author = _DATE_PREFIX.sub("", quote.author or "") or None if own else None
        post_id = quote.post_id
        jump = select_one(own[0], "a[href*='pid']") if own else None
        if post_id is None and jump is not None:
            post_id = common.query_id(jump.get("href"), "pid")
        cleaned.append(attrs.evolve(quote, author=author, post_id=post_id))
    return tuple(cleaned)


ADAPTERS = (MyBB,)
