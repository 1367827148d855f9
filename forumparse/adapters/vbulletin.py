"""vBulletin 3, 4 and 5 thread pages (HTML).

vBulletin 3 and 4 wrap every message in `div#post_message_N` inside a postbit
whose id is `postN` (3: a table or section) or `post_N` (4: `li.postcontainer`);
vBulletin 5 lists `li.b-post` nodes. Postbits without a message (ads styled as
posts) are not posts. Markup knowledge only: dates, counts and bodies go
through the shared helpers.
"""
from __future__ import annotations

import re

import attrs
import lxml.etree

from ..dates import parse_date
from ..html.body import extract_body, render_text
from ..html.page_classes import holders
from ..html.pageinfo import PostScope
from ..html.select import attr, class_set, select, select_one, text_of, xpath
from ..numbers import parse_count
from ..records import Author, Post, Thread
from ..vocab import JOINED_LABELS, LOCATION_LABELS, POSTS_LABELS
from . import _html_common as common
from ._html_common import absolute
from ._scope import add_outermost, inside, page_position, within
from .base import Adapter

# vBulletin language packs' phrases for the postbit statistics, beside the shared vocabulary
_POSTS = frozenset(w.casefold() for w in POSTS_LABELS + ("mesajlar", "mensagens", "mensajes", "bejegyzések"))
_JOINED = frozenset(w.casefold() for w in JOINED_LABELS + (
    "data registrazione", "registrato dal", "iscritto dal", "data de ingresso", "data de entrada",
    "üyelik tarihi", "fecha de ingreso", "registriert seit", "date d'inscription", "regisztrált"))
_LOCATION = frozenset(w.casefold() for w in LOCATION_LABELS + ("местонахождение", "konum", "lugar"))

# Detection looks for plain substrings of the lower-cased page start: fast on big pages.
_GENERATOR = ('name="generator" content="vbulletin', "name='generator' content='vbulletin")
_ASSETS = ("vbulletin_css", "vbulletin_global.js", "vbulletin-core.js", "clientscript/vbulletin",
           'id="vbulletin_html"', "vb_meta_bburl", "vb_login_username", "vbulletin solutions")
_MARKUP = ('id="post_message_', "js-post__content-text", 'class="bigusername"', "postbitlegacy")
_SOMETHING_AWFUL = ("forums.somethingawful.com", 'id="something_awful"')
# Print and archive views (no postbits): the archive's post header; vB 3/4 printthread.php pages
# link to themselves ("Show 40 post(s) from this thread on one page", the page list).
_ARCHIVE_MARKUP = ('<div class="posttop">', 'class="posttext"')
_PRINT_MARKUP = "printthread.php"
_CREDIT = ("jelsoft enterprises", "powered by vbulletin", "vbulletin&reg;", "vbulletin solutions")
# The archive's page list: "Pages : 1 [2] 3" (the current page in brackets)
_ARCHIVE_PAGES = re.compile(r"^[^\d\[\]:]{1,24}:\s*((?:\[\s*\d+\s*\]|\d++|[\s.…,|«»<>-])++)$")
_ARCHIVE_TITLE = re.compile(r"\s*\[[^\]]+\]\s*(?:-\s.*)?$")  # "Title [Archive] - Board"
_PAGE_OF = re.compile(r"(\d+)\s*(?:of|von|de|di|sur|из|z|van|av|/)\s*(\d+)", re.I)
_TITLE_PAGE = re.compile(r"\s+-\s+(?:Page|Seite|Pagina|Página|Strona|Страница|Sayfa|Sivu|Sida)\s+\d+.*$", re.I)
_USER_ID = re.compile(r"(?:[?&](?:u|userid)=|member\.php/|/members?/)(\d+)")
_SEO_USER_ID = re.compile(r"/(\d+)-[^/]*\.html?$")
_SIG_RULE = re.compile(r"^_{5,}\s*")
# Mobile-app lines appended to a message as plain text ("Sent from my X using Tapatalk").
_APP_SIGNATURE = re.compile(
    r"^(?:(?:sent|posted|gesendet|envoyé|enviado|inviato|verstuurd)\b.{0,80}?\b(?:from|von|de|da|vanaf)\s+"
    r"(?:my|meinem|meinen|mon|ma|mi|il mio|mijn)\b.{0,80}"
    r"|mit der\b.{0,60}\bapp von meinem\b.{0,60}geschrieben\.?)$", re.I)
_THANKS = re.compile(r"(\d[\d,.]*)\s+(?:users?|members?|benutzer|mitglieder|utilisateurs?|usuarios?|utenti)\b",
                     re.I)
# "Last edited by X; 06-02-2011 at 09:31 PM. Reason: ..."; language packs that put the date in
# brackets: "Geändert von X (Gestern um 21:30 Uhr) Grund: ...", "Изменено X (Сегодня в 10:31)"
_EDIT_DATE = re.compile(
    r"(?:;\s*(?P<date>[^;]+?)|\((?P<bracketed>[^()]*\d[^()]*)\))\s*\.?\s*"
    r"(?:(?:Reason|Grund|Raison|Motif|Motivo|Razón|Reden|Причина|Sebep)\s*:.*)?$", re.I | re.S)


class VBulletinHtml(Adapter):
    name = "vbulletin"
    format = "html"
    priority = 0.6
    description = "vBulletin 3, 4 and 5 thread pages"
    hints = ("vbulletin", "vb_", "clientscript/", "sessionurl", "sheet=css_")

    # vBulletin 3 and 4 postbits
    MESSAGE_XPATH = '/descendant::div[starts-with(@id, "post_message_")]'  # "//x[test]" at half the cost
    AUTHOR_CSS = ("a.bigusername", ".username_container .username", "a.username", ".username",
                  "[id^=postmenu_]")  # in this order
    USERINFO_CSS = ".userinfo, .userinfo_noavatar, .postdetails_noavatar"
    POSTMENU_CSS = "[id^=postmenu_]"
    USERTITLE_CSS = ".usertitle"
    RANK_IMAGE_CSS = ".rank img"
    AVATAR_CSS = "a.postuseravatar img, a.postuseravatarlink img, img.avatar, .avatar img"
    DATE_CSS = ".posthead .date, .postdate .date, span.date, [itemprop=dateCreated]"
    PERMALINK_CSS = "a.postcounter, a[id^=postlink], a[id^=postcount]"
    POST_TITLE_CSS = "h2.title, .posttitle"
    CONTENT_CSS = "blockquote.postcontent"
    SIGNATURE_CSS = ".signaturecontainer, blockquote.signature, .signature, .post-signature"
    EDIT_CSS = ".lastedited, .b-post__edit, .post-edit"
    ATTACHMENT_CSS = ("a[href*='attachment.php'], a[href*='/attachments/'], a[href*='filedata/fetch'], "
                      ".attachments a[href], .b-post-attachments a[href]")
    LIKES_CSS = ".dbtech-thanks-bubble-content, .b-post__likes-count"
    THANKS_BOX_CSS = "[id^=post_thanks_box]"  # "The Following 3 Users Say Thank You to X ..."
    # bbcode quote boxes: vB 4/5 `bbcode_quote`; vB 3 a "Quote:" smallfont header over a table or div
    QUOTE_CSS = ("div.bbcode_container:has(> div.bbcode_quote), div.bbcode_quote, "
                 "div:has(> div.smallfont:first-child + table), "
                 "div:has(> div.smallfont:first-child + div:not([class]))")
    QUOTE_AUTHOR_CSS = ".bbcode_postedby, div.smallfont:first-child"
    DROP_CSS = ".tapatalkSignatur, .tapatalk-signature, .bbcode_description + .bbcode_quote_container"
    # vBulletin 5 nodes
    V5_POST_CSS = "li.b-post, div.b-post"
    V5_CONTENT_CSS = ".js-post__content-text"
    V5_AUTHOR_CSS = (".b-userinfo .author a", ".b-userinfo .author", ".author a")
    V5_USERINFO_CSS = ".b-userinfo"
    V5_AVATAR_CSS = "a.b-avatar img, .b-avatar img"
    V5_DATE_CSS = ".b-post__timestamp"
    V5_PERMALINK_CSS = "a.b-post__count"
    V5_TITLE_CSS = ".b-post__title"
    V5_RANK_IMAGE_CSS = ".b-userinfo__rank img"
    # thread
    TITLE_CSS = ".threadtitle, li.lastnavbit, h1.main-title"  # preferred in this order
    VB3_TITLE_CSS = "td.navbar strong, .breadcrumb strong, .navbar strong"
    BREADCRUMB_BOX_CSS = "#breadcrumb, #breadcrumbs, .breadcrumb"
    BREADCRUMB_LINK_CSS = "span.navbar a"
    PAGER_CSS = ".pagination, .pagenav"
    PAGE_TEXT_CSS = ".popupctrl, td.vbmenu_control"

    def detect(self, doc) -> float:
        if not doc.is_html:
            return 0.0
        def lower_has(marker):  # in the lower-cased first 400 000 characters
            return common.has_lower(doc, marker, 0, 400_000)

        if any(lower_has(m) for m in _SOMETHING_AWFUL):
            return 0.0
        generator = any(lower_has(m) for m in _GENERATOR)
        assets = any(lower_has(m) for m in _ASSETS)
        markup = any(lower_has(m) for m in _MARKUP) or common.has(doc, 'id="post_message_')
        if not markup:
            # the views' own markup first: most pages lack it, and the credit need not be searched
            # (the archive's literal markup is near its start; so is the print view's self link,
            # further down after a vB 4 head of scripts and styles)
            archive = all(common.has(doc, m, 10_000) for m in _ARCHIVE_MARKUP)  # archive/index.php/t-N.html
            if archive or common.has(doc, _PRINT_MARKUP, 30_000 if generator or assets else 10_000):
                named = generator or assets or any(lower_has(m) for m in _CREDIT)
                if archive or named:
                    return (0.9 if named else 0.7) if archive else 0.85
            # a page that names vBulletin without its postbits is not a vBulletin thread
            return 0.3 if generator else 0.2 if assets else 0.0
        return 1.0 if generator or assets else 0.9

    # -- thread -------------------------------------------------------------------------------
    def parse(self, doc, ctx) -> Thread:
        root = doc.tree
        base = common.page_base(root, ctx.url)
        classed = _CLASS_VALUES(root)  # one scan of the class attributes serves the page-level lookups
        ids = _IDS(root)  # and one of the ids: the messages and the breadcrumb boxes
        v5 = _v5_nodes(classed)
        if v5:  # the nodes holding a message (V5_CONTENT_CSS)
            with_content = holders(el for el in _classed(classed, "js-post__content-text"))
            v5 = [el for el in v5 if el in with_content]
        # one pass per selector over the page, handed to the posts (PostScope), not one per post
        if v5:
            scope = PostScope(v5, page_classes=classed)
            posts = [self._v5_post(el, scope, ctx, base) for el in v5]
        else:
            postbits = self._postbits(ids)
            if not postbits:  # no postbit: the archive or the printable view
                return self._print_view(doc, root, base, ids, classed, ctx)
            scope = PostScope([box for box, _msg, _pid in postbits], page_classes=classed)
            posts = [self._post(box, msg, pid, scope, ctx, base) for box, msg, pid in postbits]
        blocks = _Blocks(ids, classed)
        page, page_count = self._pages(blocks)
        return Thread(
            title=self._title(root, blocks),
            url=common.canonical(root, base),
            breadcrumbs=self._breadcrumbs(root, blocks),
            page=page,
            page_count=page_count,
            next_page_url=_rel_link(root, base, "next"),
            posts=[p for p in posts if p is not None],
        )

    def _postbits(self, ids):
        """(postbit, message element, post id) for every message (MESSAGE_XPATH, from the page's
        id values); the postbit is the message's ancestor whose id names the same post."""
        found = []
        for msg in (v.getparent() for v in ids if v.startswith("post_message_")):
            if msg.tag != "div":
                continue
            pid = msg.get("id", "")[len("post_message_"):]
            if not pid.isdigit():
                continue
            ids = {f"post{pid}", f"post_{pid}", f"edit{pid}"}
            box = next((a for a in msg.iterancestors() if a.get("id") in ids), None)
            found.append((box if box is not None else self._nearest_postbit(msg), msg, pid))
        return found

    def _nearest_postbit(self, msg):
        """Custom templates without post ids: the closest ancestor that also names an author
        and holds no other message."""
        for depth, anc in enumerate(msg.iterancestors()):
            if depth > 8 or len(xpath("." + self.MESSAGE_XPATH)(anc)) > 1:
                break
            if any(select_one(anc, css) is not None for css in self.AUTHOR_CSS[:4]):
                return anc
        return msg.getparent()

    def _title(self, root, blocks) -> str | None:
        found = [el for el in blocks.titles if text_of(el)]  # TITLE_CSS
        for cls in ("threadtitle", "lastnavbit", "main-title"):
            el = next((e for e in found if cls in (e.get("class") or "").split()), None)
            if el is not None:
                return text_of(el)
        for strong in within(blocks.navbars, ".//strong"):  # VB3_TITLE_CSS
            # the title is plain text; a thread prefix is markup in front of it
            own = " ".join("".join(strong.xpath("text()")).split()) or text_of(strong)
            if own:
                return own
        raw = text_of(select_one(root, "title"))
        if raw:  # vB 3: "Title - Page 2 - Board"; the title itself may hold " - "
            cut = _TITLE_PAGE.sub("", raw)
            return (cut if cut != raw else raw.rsplit(" - ", 1)[0]).strip() or None
        return None

    def _breadcrumbs(self, root, blocks) -> list[str]:
        box = blocks.breadcrumb_box  # BREADCRUMB_BOX_CSS, else BREADCRUMB_LINK_CSS
        links = select(box, "a") if box is not None else within(blocks.navbar_spans, ".//a")
        return list(dict.fromkeys(t for t in (text_of(a) for a in links) if t))

    def _pages(self, blocks) -> tuple[int | None, int | None]:
        for pager in blocks.pagers:  # PAGER_CSS, outermost
            current = select_one(pager, "input[name=page]")  # vB 5: Page [n] of <span>N</span>
            total = select_one(pager, ".pagetotal")
            if current is not None and total is not None:
                return parse_count(current.get("value")), parse_count(text_of(total))
            for el in select(pager, self.PAGE_TEXT_CSS) or [pager]:  # "Page 2 of 3", "Seite 34 von 40"
                match = _PAGE_OF.search(text_of(el) or "")
                if match:
                    return int(match.group(1)), int(match.group(2))
        return None, None

    # -- vBulletin 3 / 4 postbits --------------------------------------------------------------
    def _post(self, box, msg, pid, scope, ctx, base) -> Post | None:
        content = next(inside(scope.all(box, self.CONTENT_CSS), msg), None)
        body = extract_body(content if content is not None else msg, quote_css=self.QUOTE_CSS,
                            quote_author_css=self.QUOTE_AUTHOR_CSS, signature_css=None, edit_css=None,
                            drop_css=self.DROP_CSS)
        raw = self._date_text(box, pid, scope)
        signature = self._signature(box, scope)
        return Post(
            post_id=pid,
            permalink=absolute(base, attr(scope.one(box, self.PERMALINK_CSS), "href")),
            author=self._author(box, msg, scope, ctx, base, signature),
            timestamp=ctx.dates.iso(raw) if raw else None,
            timestamp_raw=raw,
            title=self._post_title(box, msg, scope),
            body=_without_app_line(body.text),
            body_html=body.html,
            quotes=_named_quotes(body.quotes, content if content is not None else msg, self.QUOTE_CSS),
            edited=self._edited(box, scope, ctx),
            likes=self._likes(box, scope),
            attachments=self._attachments(box, scope, base),
        )

    def _author(self, box, msg, scope, ctx, base, signature) -> Author | None:
        name_el = scope.first(box, *self.AUTHOR_CSS)
        if name_el is None:
            return None
        profile = attr(name_el, "href") or attr(select_one(name_el, "a[href]"), "href")
        menu = scope.one(box, self.POSTMENU_CSS)
        info = _user_region(name_el, msg, box)
        if info is None:
            info = scope.one(box, self.USERINFO_CSS)
        # the user block's parts, from the page's walk: `info` is inside the postbit
        title_el = next(inside(scope.all(box, self.USERTITLE_CSS), info), None)
        rank = text_of(title_el)
        if rank is None and title_el is None and menu is not None:
            rank = _vb3_usertitle(menu)
        if rank is None:
            rank = _image_label(next(inside(scope.all(box, self.RANK_IMAGE_CSS), info), None))
        stats = _stats(info, list(inside(scope.all(box, "dt"), info)) if info is not None else None)
        avatar = _avatar(info if info is not None else box, self.AVATAR_CSS,
                         list(inside(scope.all(box, self.AVATAR_CSS), info if info is not None else box)))
        return _make_author(text_of(name_el), rank, stats, ctx, base, profile, avatar, signature)

    def _date_text(self, box, pid, scope) -> str | None:
        text = scope.text(box, self.DATE_CSS)
        if text:
            return text
        # vB 3: the date follows the post's <a name="postN"> anchor up to the next comment
        for anchor in xpath("descendant::a[@name=$n]")(box, n=f"post{pid}")[:1]:
            parts = [anchor.tail or ""]
            for sib in anchor.itersiblings():
                if not isinstance(sib.tag, str) or len(parts) > 6:
                    break
                parts += [text_of(sib) or "", sib.tail or ""]
            # the longest run of leading pieces that reads as a date ("Today, <span>10:00</span>")
            for end in range(len(parts), 0, -1):
                text = " ".join(" ".join(parts[:end]).split())
                if text and _has_time(text):
                    return text
        return _scan_date(box)

    def _post_title(self, box, msg, scope) -> str | None:
        title = scope.text(box, self.POST_TITLE_CSS)
        if title:
            return title
        # vB 3: "icon and title" row just above the message
        for strong in xpath('preceding-sibling::div[contains(@class, "smallfont")][1]//strong')(msg)[:1]:
            return text_of(strong)
        return None

    def _signature(self, box, scope) -> str | None:
        el = scope.one(box, self.SIGNATURE_CSS)
        if el is None:  # vB 3: the signature follows a line of underscores
            found = xpath('descendant::div[starts-with(normalize-space(text()), "_____")]')(box)
            el = found[0] if found else None
        if el is None:
            return None
        return _SIG_RULE.sub("", render_text(el)).strip() or None

    def _edited(self, box, scope, ctx) -> str | None:
        note = scope.one(box, self.EDIT_CSS)
        if note is None:  # vB 3: <!-- edit note --> then the note
            found = xpath('descendant::comment()[contains(., "edit note")]/following-sibling::*[1]')(box)
            note = found[0] if found else None
        match = _EDIT_DATE.search(text_of(note) or "")
        return ctx.dates.iso(match.group("date") or match.group("bracketed")) if match else None

    def _likes(self, box, scope) -> int | None:
        for thanks in scope.all(box, self.THANKS_BOX_CSS)[:1]:
            match = _THANKS.search(text_of(thanks) or "")
            if match:
                return parse_count(match.group(1))
        counts = [parse_count(text_of(el)) for el in scope.all(box, self.LIKES_CSS)]
        counts = [c for c in counts if c is not None]
        return sum(counts) if counts else None

    def _attachments(self, box, scope, base) -> list[str]:
        urls = (absolute(base, a.get("href")) for a in scope.all(box, self.ATTACHMENT_CSS))
        return list(dict.fromkeys(u for u in urls if u))

    # -- archive and printable views ------------------------------------------------------------
    def _print_view(self, doc, root, base, ids, classed, ctx) -> Thread:
        tops = [el for el in _classed(classed, "posttop") if el.tag == "div"]
        if tops:
            return self._archive(root, base, ids, tops, ctx)
        # other pages without postbits (a custom postbit, a thread list) are left to the generic
        # heuristics; the print view links to itself near its start (searched by detect)
        printable = common.has(doc, _PRINT_MARKUP, 30_000)
        posts = [self._print_post(box, pid, ctx, base) for box, pid in _print_boxes(classed)] if printable else []
        blocks = _Blocks(ids, classed)
        page, page_count = self._pages(blocks)
        # vB 3: the title in large type under the navbar; vB 4: the heading's a.threadtitle
        title = text_of(select_one(root, ".threadtitle")) or text_of(select_one(root, "#pagetitle h1")) \
            or text_of(select_one(root, "div.largefont")) or self._title(root, blocks)
        navbar = [a for box in blocks.navbars for a in box.iter("a")]
        crumbs = self._breadcrumbs(root, blocks) if blocks.breadcrumb_box is not None or blocks.navbar_spans \
            else common.crumbs(navbar, title)
        return Thread(
            title=title,
            url=common.canonical(root, base),
            breadcrumbs=crumbs,
            page=page,
            page_count=page_count,
            next_page_url=_rel_link(root, base, "next"),
            posts=[p for p in posts if p is not None],
        )

    def _print_post(self, box, pid, ctx, base) -> Post | None:
        """vB 4: li.postbit > div.header (.username, .datetime), .title, .content; vB 3: a table
        whose header cell(s) show the name and the date, then the title (div.smallfont) and the
        message (a plain div in a cell)."""
        header = select_one(box, ".header")
        if header is not None:
            name, raw = text_of(select_one(header, ".username")), text_of(select_one(header, ".datetime"))
            title = text_of(select_one(box, ".title"))
            content = select_one(box, ".content blockquote")
            content = select_one(box, ".content") if content is None else content
        else:
            name, raw, title, content = _vb3_print_parts(box)
        if content is None:
            return None
        body = extract_body(content, quote_css=self.QUOTE_CSS, quote_author_css=self.QUOTE_AUTHOR_CSS,
                            signature_css=None, edit_css=None, drop_css=self.DROP_CSS)
        return Post(
            post_id=pid,
            author=Author(name=name) if name else None,
            timestamp=ctx.dates.iso(raw) if raw else None,
            timestamp_raw=raw,
            title=title,
            body=_without_app_line(body.text),
            body_html=body.html,
            quotes=_named_quotes(body.quotes, content, self.QUOTE_CSS),
            attachments=self._attachments(box, _NoScope(), base),
        )

    def _archive(self, root, base, ids, tops, ctx) -> Thread:
        """archive/index.php/t-N.html: div.post > div.posttop (div.username, div.date) + div.posttext,
        the breadcrumbs "A > B > Title" in #navbar, "View Full Version : <a>Title</a>", "Pages : 1 [2] 3"."""
        posts = []
        for top in tops:
            post, text = top.getparent(), next(top.itersiblings("div"), None)
            if post is None or text is None:
                continue
            raw = text_of(select_one(top, ".date"))
            name = text_of(select_one(top, ".username"))
            body = extract_body(text, quote_css=self.QUOTE_CSS, quote_author_css=self.QUOTE_AUTHOR_CSS,
                                signature_css=None, edit_css=None, drop_css=self.DROP_CSS)
            posts.append(Post(
                author=Author(name=name) if name else None,
                timestamp=ctx.dates.iso(raw) if raw else None,
                timestamp_raw=raw,
                body=_without_app_line(body.text),
                body_html=body.html,
                quotes=_named_quotes(body.quotes, text, self.QUOTE_CSS),
                attachments=self._attachments(text, _NoScope(), base),
            ))
        navbar = next((v.getparent() for v in ids if v == "navbar"), None)
        full = select_one(root, "p.largefont a[href]")  # "View Full Version : <a>Title</a>"
        title = text_of(full) or _navbar_last(navbar)
        if not title:
            title = _ARCHIVE_TITLE.sub("", common.page_title(root) or "").strip() or None
        page, page_count, next_url = _archive_pages(root, ids, base)
        return Thread(
            title=title,
            url=common.canonical(root, base),
            breadcrumbs=common.crumbs(select(navbar, "a"), title) if navbar is not None else [],
            page=page,
            page_count=page_count,
            next_page_url=next_url or _rel_link(root, base, "next"),
            posts=posts,
        )

    # -- vBulletin 5 nodes ---------------------------------------------------------------------
    def _v5_post(self, el, scope, ctx, base) -> Post | None:
        content = scope.one(el, self.V5_CONTENT_CSS)
        body = extract_body(content, quote_css=self.QUOTE_CSS, quote_author_css=self.QUOTE_AUTHOR_CSS,
                            signature_css=None, edit_css=None, drop_css=self.DROP_CSS)
        raw = scope.text(el, self.V5_DATE_CSS)
        publish = el.get("data-node-publishdate")
        timestamp = ctx.dates.machine(publish) if publish else (ctx.dates.iso(raw) if raw else None)
        info = scope.one(el, self.V5_USERINFO_CSS)
        author = None
        name_el = scope.first(el, *self.V5_AUTHOR_CSS)
        if name_el is not None:
            rank = text_of(select_one(info, self.USERTITLE_CSS)) or _image_label(
                select_one(info, self.V5_RANK_IMAGE_CSS))
            author = _make_author(text_of(name_el), rank, _stats(info), ctx, base, attr(name_el, "href"),
                                  _avatar(info, self.V5_AVATAR_CSS), self._signature(el, scope))
        pid = el.get("data-node-id") or common.number_suffix(el.get("id"))
        return Post(
            post_id=pid,
            permalink=absolute(base, attr(scope.one(el, self.V5_PERMALINK_CSS), "href")),
            author=author,
            timestamp=timestamp,
            timestamp_raw=raw,
            title=scope.text(el, self.V5_TITLE_CSS),
            body=_without_app_line(body.text),
            body_html=body.html,
            quotes=_named_quotes(body.quotes, content, self.QUOTE_CSS),
            edited=self._edited(el, scope, ctx),
            likes=self._likes(el, scope),
            attachments=self._attachments(el, scope, base),
        )


_QUOTED_NAME = xpath('(.//*[contains(@class, "bbcode_postedby")]//strong'
                     ' | .//div[not(@class)][strong][following-sibling::div]/strong)[1]')


class _NoScope:
    """PostScope's `all` without a page walk: the print views have no postbit scope."""

    @staticmethod
    def all(box, css: str) -> list:
        return select(box, css)


def _print_boxes(classed) -> list[tuple]:
    """(post box, post id) of a printable view: vB 4's li.postbit (id post_N), else vB 3's
    innermost table.tborder outside the page list (a style may frame the page in one too;
    a box without a date is no post)."""
    boxes = [el for el in _classed(classed, "postbit") if el.tag == "li"]
    if boxes:
        return [(el, common.number_suffix(el.get("id"))) for el in boxes]
    found = [el for el in _classed(classed, "tborder") if el.tag == "table"
             and not any("pagenav" in class_set(a) for a in el.iterancestors())]
    framing = {a for el in found for a in el.iterancestors("table")}
    return [(el, None) for el in found if el not in framing]


def _vb3_print_parts(box) -> tuple:
    """(name, date text, title, message element) of a vB 3 printable post: the date is the first
    element text that reads as one; the name the rest of its cell, else the next filled cell of
    its row; the message the last plain div standing in a cell, outside the header."""
    date_el = next((el for el in box.iter("td", "span", "div")
                    if el.text and _has_time(" ".join(el.text.split()))), None)
    if date_el is None:
        return None, None, None, None
    raw = " ".join(date_el.text.split())
    cell = date_el if date_el.tag == "td" else next(date_el.iterancestors("td"), None)
    if cell is None:
        return None, raw, None, None
    name = " ".join((text_of(cell) or "").replace(raw, " ").split()) or None
    if name is None:
        row = [c for c in cell.itersiblings("td", preceding=True)][::-1] + list(cell.itersiblings("td"))
        name = next((t for t in (text_of(c) for c in row) if t), None)
    inside_header = set(cell.iter())
    divs = [d for d in box.iter("div") if d not in inside_header and d.getparent().tag == "td"]
    plain, kept = [d for d in divs if not d.get("class")], set()
    for div in plain:  # the outermost: a quote's own divs stand in cells of the message
        if not any(a in kept for a in div.iterancestors("div")):
            kept.add(div)
    message = next((d for d in reversed(plain) if d in kept), None)
    in_message = set(message.iter()) if message is not None else set()
    titled = next((d for d in divs if "smallfont" in class_set(d) and d not in in_message), None)
    return name, raw, text_of(select_one(titled, "strong")) if titled is not None else None, message


def _navbar_last(navbar) -> str | None:
    """The archive navbar's closing text after the last " > ": the thread title."""
    if navbar is None:
        return None
    last = navbar[-1].tail if len(navbar) else navbar.text
    text = " ".join((last or "").split()).lstrip(">›» ").strip()
    return text or None


def _archive_pages(root, ids, base) -> tuple:
    """(page, page count, next url) from the archive's "Pages : 1 [2] 3" list (div#pagenumbers,
    or the block under the page body that reads so)."""
    boxes = [v.getparent() for v in ids if v == "pagenumbers"]
    if not boxes:  # the blocks between the navbar and the posts, and their own blocks
        body = select_one(root, "div.pagebody")
        tops = [el for el in (body if body is not None else ()) if el.tag == "div" and el.get("id") != "content"]
        boxes = [box for el in tops for box in (el, *el.iterchildren("div"))]
    for box in boxes:
        text = " ".join("".join(box.itertext()).split())
        match = _ARCHIVE_PAGES.match(text)
        if not match:
            continue
        current = re.search(r"\[\s*(\d+)\s*\]", match.group(1))
        numbers = [int(n) for n in re.findall(r"\d+", match.group(1))]
        if current is None or not numbers:
            continue
        page = int(current.group(1))
        links = {text_of(a): a.get("href") for a in box.iter("a")}
        return page, max(numbers), absolute(base, links.get(str(page + 1)))
    return None, None, None


def _named_quotes(quotes, content, css: str) -> tuple:
    """Quoted names from the header's <strong>: header text also holds "View Post" links."""
    if not quotes:
        return quotes
    boxes, seen = [], set()
    for box in select(content, css):
        if box is not content and not any(a in seen for a in box.iterancestors()):
            seen.add(box)
            boxes.append(box)
    if len(boxes) != len(quotes):
        return quotes
    named = []
    for quote, box in zip(quotes, boxes):
        strong = _QUOTED_NAME(box)
        name = text_of(strong[0]) if strong else None
        named.append(attrs.evolve(quote, author=name) if quote.author and name else quote)
    return tuple(named)


def _without_app_line(text: str) -> str:
    head, sep, last = text.rpartition("\n\n")
    return head.rstrip() if sep and len(last) < 160 and _APP_SIGNATURE.match(last.strip()) else text


def _make_author(name, rank, stats, ctx, base, profile, avatar, signature) -> Author:
    profile_url = absolute(base, profile)
    return Author(
        name=name,
        rank=rank,
        post_count=parse_count(stats.get("posts"), allow_abbrev=False),
        joined=ctx.dates.parse(stats["joined"]).iso() if stats.get("joined") else None,
        user_id=_user_id(profile_url),
        profile_url=profile_url,
        avatar_url=absolute(base, avatar),
        location=stats.get("location"),
        signature=signature,
    )


def _user_id(url: str | None) -> str | None:
    if not url:
        return None
    match = _USER_ID.search(url) or _SEO_USER_ID.search(url.split("?")[0])
    return match.group(1) if match else None


def _stats(info, dts: list | None = None) -> dict[str, str]:
    """Posts / join date / location from `dt`/`dd` pairs and "Label: value" lines (`dts`: the
    info's <dt> elements when the caller has them)."""
    found: dict[str, str] = {}
    if info is None:
        return found

    def add(label: str | None, value: str | None) -> None:
        label = (label or "").strip().rstrip(":：").strip().casefold()
        value = (value or "").strip()
        if not label or not value:
            return
        for key, words in (("posts", _POSTS), ("joined", _JOINED), ("location", _LOCATION)):
            if label in words:
                found.setdefault(key, value)

    for dt in info.iter("dt") if dts is None else dts:
        dd = dt.getnext()
        if dd is not None and dd.tag == "dd":
            add(text_of(dt), text_of(dd))
    if found or not _may_hold_label(info):  # vB 4 lists every statistic as dt/dd pairs
        return found
    for line in render_text(info).split("\n"):
        label, sep, value = line.partition(":")
        if sep:
            add(label, value)
    return found


# The last word of each statistic label: a "Label: value" line shows one before its colon.
_LABEL_ENDS = tuple({w.split()[-1].rstrip(":：") for w in _POSTS | _JOINED | _LOCATION} - {""})


_STRING = xpath("string()")


def _may_hold_label(info) -> bool:
    """Whether some colon of the element's text follows a label's last word (spacing and
    colons between): without one, no rendered line can name a statistic, and the element
    (a whole user column at times) need not be rendered."""
    text = _STRING(info)
    if ":" not in text:
        return False
    text = text.casefold()  # as add() compares labels
    at = text.find(":")
    while at >= 0:
        before, last = text[:at], None
        while before != last:
            last, before = before, before.rstrip().rstrip(":：")
        if before.endswith(_LABEL_ENDS):
            return True
        at = text.find(":", at + 1)
    return False


def _user_region(name_el, msg, box):
    """The largest block around the author's name that does not hold the message: the user
    column in legacy postbits, the user row in vB 3's horizontal postbit."""
    if name_el is None or msg is None:
        return None
    holds_msg = set(msg.iterancestors())
    region = None
    for anc in name_el.iterancestors():
        if anc is box or anc in holds_msg:
            break
        region = anc
    return region


def _vb3_usertitle(menu) -> str | None:
    """vB 3: the usertitle is the first text block after the name, before avatar and stats."""
    for sib in menu.itersiblings():
        if not isinstance(sib.tag, str) or sib.tag in ("script", "br"):
            continue
        if _stats(sib) or _avatar(sib, "img.avatar") is not None:
            return None
        text = text_of(sib)
        if text:
            return text
        label = _image_label(select_one(sib, "img"))
        if label:
            return label
    return None


def _image_label(img) -> str | None:
    return (attr(img, "alt") or attr(img, "title")) if img is not None else None


def _avatar(info, css: str, found: list | None = None) -> str | None:
    """The avatar image's address; `found`: the matches of `css` in `info` when the caller has them."""
    if info is None:
        return None
    img = select_one(info, css) if found is None else next(iter(found), None)
    if img is None:
        img = next((i for i in select(info, "img") if "avatar" in (
            (i.get("alt") or "") + (i.get("src") or "") + (i.get("class") or "")).lower()), None)
    if img is None:
        return None
    return attr(img, "data-original") or attr(img, "data-src") or attr(img, "src")


# The page's class attributes: filtering their values in Python costs less than XPath string
# tests, and much less than one scan of the page per selector.
_CLASS_VALUES = xpath("//@class")
_IDS = xpath("//@id")


def _v5_nodes(classed) -> list:
    """VBulletinHtml.V5_POST_CSS, from the page's class attribute values."""
    return [el for el in _classed(classed, "b-post") if el.tag in ("li", "div")]


def _classed(classed, name: str) -> list:
    """The elements carrying class `name` (".name"), from the page's class attribute values."""
    found = (v.getparent() for v in classed if name in v)
    return [el for el in found if name in class_set(el)]


_BLOCK_WORDS = re.compile("breadcrumb|threadtitle|lastnavbit|main-title|navbar|pagination|pagenav")


def _block_values(classed) -> list:
    """The class values naming one of _BLOCK_WORDS; a page repeats a few values: each one is
    searched once."""
    seen: dict = {}
    found = []
    for value in classed:
        hit = seen.get(value)
        if hit is None:
            hit = seen[value] = _BLOCK_WORDS.search(value) is not None
        if hit:
            found.append(value)
    return found


class _Blocks:
    """The page's title, breadcrumb, navbar and pager blocks, from its id and class attributes."""

    def __init__(self, ids, classed):
        self.titles = []  # TITLE_CSS
        self.navbars, self.navbar_spans, self.pagers = [], [], []  # the outermost of each kind
        boxes = [v.getparent() for v in ids if v in ("breadcrumb", "breadcrumbs")]
        for el in (v.getparent() for v in _block_values(classed)):  # page order
            names = class_set(el)
            tag = el.tag
            if "threadtitle" in names or (tag == "li" and "lastnavbit" in names) or (
                    tag == "h1" and "main-title" in names):
                self.titles.append(el)
            if "breadcrumb" in names:
                boxes.append(el)
            if "navbar" in names or "breadcrumb" in names:  # VB3_TITLE_CSS's blocks
                add_outermost(self.navbars, el)
            if tag == "span" and "navbar" in names:  # BREADCRUMB_LINK_CSS's blocks
                add_outermost(self.navbar_spans, el)
            if "pagination" in names or "pagenav" in names:  # PAGER_CSS
                add_outermost(self.pagers, el)
        # BREADCRUMB_BOX_CSS: the first of the boxes found by id and by class
        self.breadcrumb_box = min(boxes, key=page_position) if len(boxes) > 1 else next(iter(boxes), None)


def _rel_link(root, base, rel: str) -> str | None:
    # the <head>'s links first when no element comes before it: they are the first in page
    # order (a pass over the head's few elements, most often the only one)
    links = f'/descendant::link[@rel="{rel}"]/@href | /descendant::a[@rel="{rel}"]/@href'
    head = next(root.iterchildren(lxml.etree.Element), None)
    head = head if head is not None and head.tag == "head" and root.tag not in ("a", "link") else None
    for scope, expr in ((head, links.replace("/descendant::", "descendant::")), (root, links)):
        for href in xpath(expr)(scope) if scope is not None else ():
            url = absolute(base, href)
            if url:
                return url
    return None




def _has_time(text: str) -> bool:
    """A shown post date: short, with a clock time, readable (relative days count)."""
    if not (4 <= len(text) <= 60 and ":" in text and any(c.isdigit() for c in text)):
        return False
    parsed = parse_date(text)
    return parsed.relative or (parsed.value is not None and parsed.precision in ("minute", "second"))


def _scan_date(box) -> str | None:
    """Last resort: the first short text outside the message (and scripts) that reads as a
    date with a time. The texts are read in page order up to the first hit: the date comes
    before the message, which is most of the postbit."""
    if any(_no_date_in(el) for el in (box, *box.iterancestors())):
        return None
    return _first_time(box)


def _no_date_in(el) -> bool:
    return el.tag == "script" or (el.tag == "div" and (el.get("id") or "").startswith("post_message_"))


def _first_time(el) -> str | None:
    """The first text or tail under `el` that reads as a date, skipping _no_date_in subtrees."""
    found = _time_text(el.text)
    for child in el:
        if found:
            return found
        if isinstance(child.tag, str) and not _no_date_in(child):
            found = _first_time(child)
        found = found or _time_text(child.tail)
    return found


def _time_text(text: str | None) -> str | None:
    if text and ":" in text:
        text = " ".join(text.split())
        if _has_time(text):
            return text
    return None


ADAPTERS = (VBulletinHtml,)
