"""UBB.threads 7.x topic pages (showflat): an author cell (span.username, usertitle, Registered / Posts / Loc
lines) beside the post (div.post_inner), with the subject, date and anchor in the row above. 7.0-7.2 print
the date in the post cell and link the name; 7.3+ put subject and date in a subjecttable row of a per-post
table and the profile link in a pop-up menu beside a bare name."""
from __future__ import annotations

import re

import attrs

from ..html.body import extract_body, render_text
from ..html.page_classes import holders
from ..html.select import attr, compiled, outermost, select, select_one, text_of, xpath
from ..records import Author, Post, Thread
from . import _html_common as common
from ._scope import box_scope
from .base import Adapter

_ANCHOR = re.compile(r"^Post(\d+)$")
_USER_ID = re.compile(r"/users/(\d+)|[?&/]User(?:=|/)(\d+)", re.I)
_ORIGINALLY = re.compile(r"^\s*(?:Originally Posted By|Quote)\s*:?\s*", re.I)
_EDITED = re.compile(r"\(([^()]*\d{1,2}:\d{2}[^()]*)\)")
# 7.3+: the subject row of a post's table, and the post's anchor (before its table or in its header row)
_SUBJECT_CELL = "td[contains(concat(' ', @class, ' '), ' subjecttable ')]"
_POST_ANCHOR = "a[starts-with(@name, 'Post') or starts-with(@id, 'Post')]"


class UBBThreads(Adapter):
    name = "ubbthreads"
    hints = ("ubb",)  # fingerprint words that put this adapter first (registry)
    format = "html"
    description = "UBB.threads 7.x topic pages"

    GATE = ("ubbthreads", "UBB")  # "UBB" also finds "UBB.threads"
    NEED = ("post_inner", "post-content")  # its post markup
    MARKERS = ("ubbthreads.php", "post_inner", "ubbcode-block", "ubbcode-header", "subjecttable", "author-content",
               "post-content", "ubb_", "UBB.threads")
    STRONG = ("Powered by UBB.threads", "UBB.threads&trade;", "UBB.threads™", "ubbcentral.com")

    BODY = "div.post_inner, div[id^=body][class*=post], td.post-content div[id^=body]"
    AUTHOR = "span.username, .author-content"
    NAME = "span.username a, span.username, .author-content a[href*='/users/']"
    PROFILE = "a[href*='/users/'], a[href*='showprofile'], a[href*='ubb=showprofile']"
    TITLE = ".usertitle, span.usertitle"
    STATS = ".author-content .small, span.small"
    AVATAR = ".author-content img.avatar, img.avatar"
    DATE = "span.date"
    TIME = "span.time"
    SUBJECT = ".subjecttable a.nd, span.subjecttable, .post-subject"
    SIGNATURE = ".signature"
    EDIT = ".edited_by, .edited-by, em.edited"
    QUOTE = "div.ubbcode-block, blockquote"
    QUOTE_AUTHOR = ".ubbcode-header"
    DROP = ".edited_by, .edited-by"
    TOPIC = "h1, .topic-title, #topic-title, #breadcrumbs-topic, td.breadcrumbs b"
    CRUMBS = ".breadcrumbs a, #breadcrumbs a, .nav-breadcrumbs a"

    def detect(self, doc) -> float:
        return common.detect_score(doc, self.MARKERS, self.STRONG, self.GATE, self.NEED)

    def parse(self, doc, ctx) -> Thread:
        tree = doc.tree
        base = common.page_base(tree, ctx.url)
        bodies = select(tree, self.BODY)
        bodies = outermost(bodies)
        before = _preceding(tree, self.BODY, bodies)
        authored = holders(select(tree, self.AUTHOR))
        boxes = [next((a for a in b.iterancestors() if a in authored), None) for b in bodies]  # the nearest
        scope = box_scope([box for box in boxes if box is not None])  # each selector once for the page
        posts = [self._post(b, box, scope, *found, base, ctx) for b, box, found in zip(bodies, boxes, before)
                 if box is not None]
        title = common.pick_text(tree, self.TOPIC) or common.page_title(tree)
        pager = select_one(tree, ".pagination, .page-nav, td.pages")
        page, page_count, next_url = common.pages_from(
            select(pager, "a"), select_one(pager, ".current, b, strong"), base) if pager is not None else (None,) * 3
        return Thread(
            title=title,
            url=common.canonical(tree, base) or ctx.url,
            breadcrumbs=common.crumbs(common.pick_all(tree, self.CRUMBS), title),
            page=page, page_count=page_count, next_page_url=next_url,
            posts=posts,
        )

    def _post(self, body_el, box, scope, subject_cell, anchor, base, ctx) -> Post:
        header = box.getprevious()
        if header is None or select_one(header, self.DATE) is None:  # 7.3+: the subject row of the post's table
            header = subject_cell if subject_cell is not None else header
        m = _ANCHOR.match(anchor.get("name") or anchor.get("id") or "") if anchor is not None else None
        post_id = m.group(1) if m else None
        body = extract_body(body_el, quote_css=self.QUOTE, quote_author_css=self.QUOTE_AUTHOR,
                            signature_css=self.SIGNATURE, edit_css=None, drop_css=self.DROP)
        quotes = [attrs.evolve(q, author=_ORIGINALLY.sub("", q.author or "") or None) for q in body.quotes]
        if scope.one(box, self.DATE) is not None:
            date, clock = scope.text(box, *common.parts(self.DATE)), scope.text(box, *common.parts(self.TIME))
        else:
            date, clock = common.pick_text(header, self.DATE), common.pick_text(header, self.TIME)
        raw = " ".join(p for p in (date, clock) if p) or None
        subject = scope.text(box, *common.parts(self.SUBJECT))
        if subject is None and header is not None:
            subject = common.pick_text(header, self.SUBJECT)
        edited = _EDITED.search(scope.text(box, *common.parts(self.EDIT)) or "")
        link = select_one(header, "a.nd[href]") if header is not None else None  # 7.3+: the subject links the post
        return Post(
            post_id=post_id,
            permalink=common.absolute(base, attr(link, "href")),
            author=self._author(box, scope, base, ctx),
            timestamp=ctx.dates.iso(raw) if raw else None,
            timestamp_raw=raw,
            title=subject,
            body=body.text,
            body_html=body.html,
            quotes=quotes,
            edited=ctx.dates.iso(edited.group(1)) if edited else None,
        )

    def _author(self, box, scope, base, ctx) -> Author | None:
        name_el = scope.first(box, *common.parts(self.NAME))
        if name_el is None:
            return None
        link = name_el if name_el.tag == "a" else select_one(name_el, "a[href]")
        href = attr(link, "href")
        if not href or href.startswith("javascript"):  # 7.3+: the name opens a menu holding the profile link
            href = attr(scope.one(box, self.PROFILE), "href")
        lines = [re.sub(r"^Loc\s*:", "Location:", ln) for el in outermost(scope.all(box, self.STATS))
                 for ln in common.lines(el)]
        stats = common.stats_from_lines(lines, ctx)
        uid = _USER_ID.search(href or "")
        sig = scope.one(box, self.SIGNATURE)
        return Author(
            name=text_of(name_el),
            rank=scope.text(box, *common.parts(self.TITLE)),
            post_count=stats.get("post_count"),
            joined=stats.get("joined"),
            location=stats.get("location"),
            user_id=next((g for g in uid.groups() if g), None) if uid else None,
            profile_url=common.absolute(base, href),
            avatar_url=common.absolute(base, attr(scope.pick(box, *common.parts(self.AVATAR)), "src")),
            signature=(render_text(sig) or None) if sig is not None else None,
        )


def _preceding(tree, body_css: str, bodies: list) -> list:
    """For each body, (subject cell, anchor): the nearest of each before it in the page that does not
    enclose it, as `preceding::X[1]` would find, read in one pass over the page in document order
    (that XPath per post reads the whole page before the post again: quadratic on long pages)."""
    place = {b: i for i, b in enumerate(bodies)}
    found = [(None, None)] * len(bodies)
    cells: list = []
    anchors: list = []
    for el in xpath(f"{compiled(body_css).path} | //{_SUBJECT_CELL} | //{_POST_ANCHOR}")(tree):
        i = place.get(el)
        if i is not None:
            found[i] = (_nearest(cells, el), _nearest(anchors, el))
        elif el.tag == "td" and " subjecttable " in f" {el.get('class')} ":
            cells.append(el)
        elif el.tag == "a" and ((el.get("name") or "").startswith("Post") or (el.get("id") or "").startswith("Post")):
            anchors.append(el)
    return found


def _nearest(seen: list, el):
    """The last of `seen` (elements before `el` in page order) that is not an ancestor of `el`."""
    if not seen:
        return None
    ancestors = set(el.iterancestors())
    return next((c for c in reversed(seen) if c not in ancestors), None)


ADAPTERS = (UBBThreads,)
