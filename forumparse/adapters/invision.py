"""Invision: IP.Board 3 (div.post_block, author_info) and Invision Community 4+ (article.cPost)."""
from __future__ import annotations

import re

from ..html.body import extract_body, render_text
from ..html.page_classes import earliest, holders, texts_with, within
from ..html.pageinfo import (
    PostScope,
    absolute,
    author_stats,
    base_url,
    canonical_url,
    count_named,
    id_in_url,
    label_pairs,
    link_href,
    meta_content,
    text_without,
    texts,
)
from ..html.select import attr, class_set, select, select_one, text_of, xpath
from ..numbers import parse_count
from ..records import Author, Post, Thread
from ..vocab import GROUP_LABEL
from ._html_common import has, has_any, has_last, query_id
from .base import Adapter

# "6 Replies", "Replies (6)", "6 replies to this topic" (the page's own count, never a topic list's)
_REPLIES = re.compile(
    r"^\s*(?:(\d[\d,.\s]*)\s+repl(?:y|ies)(?:\s+to\s+this\s+topic)?|repl(?:y|ies)\s*\((\d[\d,.]*)\))\s*$", re.I)
_OUTSIDE_TOPIC = ("ancestor::table or ancestor::*[@id='similar_topics'] or ancestor::*[@data-role='commentContent']"
                  " or ancestor::*[contains(@class,'entry-content')]")
_IPB_MARKERS = ("ipb.vars[", "ipb.templates[", "id='ips_Posts'", 'id="ips_Posts"', "ips.setSetting(")
_DIGITS = re.compile(r"(\d+)$")
_POST_WORDS = r"(?:posts?|beiträge|messages|mensajes|messaggi|mensagens|berichten|сообщени\w*|post[óy]w?|inlägg)"
_POST_WORD = re.compile(rf"{_POST_WORDS}(?!\w)", re.I)  # a stat's title: "1,234 posts", "3 407 messages"
_POSTS_LINE = re.compile(rf"^\s*([\d,.\s]+)\s+{_POST_WORDS}\s*$", re.I)
_LIKE_TEXT = re.compile(r"^\s*(.+?)\s+likes?\s+this\b", re.I)


class Invision(Adapter):
    name = "invision"
    format = "html"
    priority = 0.6
    description = "IP.Board 3.x and Invision Community 4.x topic pages"
    hints = ("ipsapp", "ipb.", "ipbv=", "invision")

    # IP.Board 3: a post block carries its own content; the "similar topics" box reuses the class
    POST3 = "div.post_block"
    CONTENT3 = "div.post.entry-content, [itemprop=commentText]"
    NAME3 = (".author_info [itemprop=name], h3 .author a, h3 .author, span.author.vcard, "
             ".author_info li.author a, .author_info li.author, .author_info .author")
    TITLE3 = ".author_info .member_title, .author_info .title"
    GROUP3 = ".author_info .group_title"
    RANK_IMG3 = ".author_info .group_icon img, .author_info .rank img"
    COUNT3 = ".author_info .post_count"
    AVATAR3 = ".author_info .avatar img, .author_info img.ipsUserPhoto"
    TIME3 = "abbr.published, [itemprop=commentTime], .posted_info abbr"
    POSTED3 = ".posted_info"
    PERMALINK3 = ".post_id a[href], a[rel=bookmark][href]"
    SIGNATURE3 = ".signature"
    LIKES3 = ".rep_bar .reputation, .ipsLikeBar_info, .ipsLikeBar"
    FIELDS3 = ".author_info dl"
    FIELD_LABELS3 = ".author_info .ft"  # <li><span class="ft">Posts:</span><span class="fc">57</span></li>
    # Invision Community 4
    POST4 = "article.cPost, article[id^=elComment_]"  # matched in Python among the page's <article>s
    CONTENT4 = "[data-role=commentContent]"
    NAME4 = (".cAuthorPane_author a, .cAuthorPane_author, .ipsEntry__username a, h3.ipsType_sectionHead a, "
             "aside a[href*='/profile/']")
    INFO4 = ".cAuthorPane_info"
    TITLE4 = ".cAuthorPane_info li[data-role=title], .cAuthorPane_info li[data-role=rank-title]"
    GROUP4 = ".cAuthorPane_info li[data-role=group], .ipsEntry__group"
    RANK_IMG4 = ".cAuthorPane_info li[data-role=rank-image] img"
    STATS4 = (".cAuthorPane_info li[data-role=stats] a[title], .cAuthorPane_info li[data-role=stats] li, "
              ".ipsEntry__authorStats li a[title], .ipsEntry__authorStats li")
    AVATAR4 = ".cAuthorPane_photo img, .ipsUserPhoto img"
    TIME4 = ".ipsComment_meta time[datetime], time[datetime]"
    PERMALINK4 = ".ipsComment_meta a[href*=comment], .ipsComment_meta a[href], a.ipsEntry__date[href]"  # the last: 5
    SIGNATURE4 = "[data-role=memberSignature]"
    EDIT_TIME4 = "[data-excludequote] time[datetime]"  # "Edited <time> by X" (4.5+)
    LIKES4 = ".ipsReact_reactCount, .ipsReact_reactCountOnly, .ipsReputation_count"
    ATTACH = "a.ipsAttachLink[href], .attachment a[href]"
    # shared
    QUOTE = "blockquote.ipsBlockquote, blockquote.ipsQuote, div.blockquote, blockquote"
    QUOTE_AUTHOR = ".ipsQuote_citation, p.citation, .citation"
    EDIT = "p.edit, .edit, span[data-excludequote] strong, [data-excludequote]"
    DROP = ".ipsQuote_contents > .ipsQuote_citation, .nexusad, .ipsHide, .ipsQuote_expand"
    DROP_PLAIN = ".nexusad, .ipsHide, .ipsQuote_expand"  # DROP for a body without .ipsQuote_contents
    THREAD_TITLE = "h1.ipsType_pagetitle, h1.ipsType_pageTitle, .ipsPageHeader h1, h1[itemprop=name], h1"
    TITLE_LABELS = ".ipsBadge, .ipsTag_prefix, .topic_prefix, .ipsType_light"
    CRUMBS = "ol.breadcrumb [itemprop=title], ul[data-role=breadcrumbList] li [itemprop=name], " \
             "[data-role=breadcrumbList] li a span, ol.breadcrumb li a, nav.ipsBreadcrumb [itemprop=name]"  # last: 5

    def detect(self, doc) -> float:
        tree = doc.tree
        if tree is None:
            return 0.0
        body = tree.find("body")
        if body is not None and "ipsApp" in (body.get("class") or ""):
            return 1.0
        if has_any(doc, _IPB_MARKERS):
            return 1.0 if has(doc, "post_block") or has(doc, "cPost") else 0.9  # its scripts and its posts
        # a copyright line alone could be quoted in another forum's post: the post markup must agree
        credited = any(has_last(doc, marker, 80_000) for marker in (
            "Powered by Invision", "invisioncommunity.com", "invisionpower.com", "IP.Board", "Invision Power Board"))
        if credited and (has(doc, "post_block") or has(doc, "cPost")):
            return 0.8
        return 0.0

    def parse(self, doc, ctx) -> Thread:
        tree = doc.tree
        base = base_url(tree, ctx.url)
        # the page-level class selectors from the index of the page's tags and classes that the
        # posts' scope shares (the scope of the root)
        whole = PostScope([tree])
        found = {name: whole.all(tree, css)
                 for name, css in {"post3": self.POST3, "quoted": ".ipsQuote_contents", **_PAGER_GROUPS}.items()}
        quoted = holders(found["quoted"])  # DROP's first part needs an XPath: only for the bodies it can match
        v4 = [p for p in tree.iter("article")
              if ("cPost" in class_set(p) or (p.get("id") or "").startswith("elComment_"))
              and select_one(p, self.CONTENT4) is not None]
        if v4:
            scope = PostScope(v4, within=whole)
            posts = [self._post4(p, scope, quoted, base, ctx) for p in v4]
        else:
            with_content = holders(whole.all(tree, self.CONTENT3))
            v3 = [p for p in found["post3"] if p in with_content]
            scope = PostScope(v3, within=whole)
            posts = [self._post3(p, scope, quoted, base, ctx) for p in v3]
        page, page_count, next_url = _pages(tree, found, base)
        return Thread(
            title=self._title(tree),
            url=canonical_url(tree, ctx.url),
            breadcrumbs=self._crumbs(tree),
            reply_count=_reply_count(tree, doc.lang),
            page=page, page_count=page_count, next_page_url=next_url,
            posts=posts,
        )

    # -- IP.Board 3 ------------------------------------------------------------------------
    def _post3(self, el, scope, quoted, base, ctx) -> Post:
        content = scope.one(el, self.CONTENT3)
        body = extract_body(content, quote_css=self.QUOTE, quote_author_css=self.QUOTE_AUTHOR,
                            signature_css=self.SIGNATURE3, edit_css=self.EDIT,
                            drop_css=self.DROP if content in quoted else self.DROP_PLAIN)
        stamp = scope.one(el, self.TIME3)
        timestamp, raw = _time(stamp, ctx)
        if timestamp is None:
            raw = _strip_posted(scope.text(el, self.POSTED3))
            timestamp = ctx.dates.iso(raw)
        name_el = scope.first(el, *self.NAME3.split(", "))
        link = name_el if name_el is not None and name_el.tag == "a" else select_one(name_el, "a[href]")
        pairs = [p for dl in scope.all(el, self.FIELDS3) for p in label_pairs(dl, "dl")]
        pairs += [(label, ft.getnext()) for ft in scope.all(el, self.FIELD_LABELS3)
                  if ft.getnext() is not None and (label := (text_of(ft) or "").rstrip(":： "))]
        rank = (scope.text(el, self.TITLE3) or scope.text(el, self.GROUP3) or _img_label(scope.one(el, self.RANK_IMG3))
                or next((text_of(v) for label, v in pairs if _is_group(label) and text_of(v)), None))
        stats = author_stats(pairs, ctx)
        count_text = scope.text(el, self.COUNT3)
        signature_el = scope.one(el, self.SIGNATURE3)
        author = Author(
            name=text_of(name_el) or "",
            rank=rank,
            post_count=parse_count(count_text, allow_abbrev=False) if count_text else stats.get("post_count"),
            joined=stats.get("joined"),
            user_id=(id_in_url(attr(link, "href")) or query_id(attr(link, "href"), "showuser")
                     or attr(signature_el, "data-memberid")),  # query: IP.Board 3 without friendly urls
            profile_url=absolute(base, attr(link, "href")),
            avatar_url=absolute(base, attr(scope.one(el, self.AVATAR3), "src")),
            location=stats.get("location"),
            signature=(render_text(signature_el) or None) if signature_el is not None else body.signature,
        )
        post_id = _digits(el.get("id")) or _digits(attr(scope.one(el, "[data-entry-pid]"), "data-entry-pid"))
        link_el = scope.one(el, self.PERMALINK3)
        return Post(
            post_id=post_id,
            permalink=absolute(base, attr(link_el, "href")),
            author=author,
            timestamp=timestamp,
            timestamp_raw=raw,
            body=body.text,
            body_html=body.html,
            quotes=body.quotes,
            edited=_edit_time(body.edited, ctx),
            likes=_likes(scope.one(el, self.LIKES3)),
            attachments=[absolute(base, attr(a, "href")) for a in scope.all(el, self.ATTACH)],
        )

    # -- Invision Community 4 --------------------------------------------------------------
    def _post4(self, el, scope, quoted, base, ctx) -> Post:
        content = scope.one(el, self.CONTENT4)
        body = extract_body(content, quote_css=self.QUOTE, quote_author_css=self.QUOTE_AUTHOR,
                            signature_css=None, edit_css=self.EDIT,
                            drop_css=self.DROP if content in quoted else self.DROP_PLAIN)
        timestamp, raw = _time(scope.one(el, self.TIME4), ctx)
        name_el = scope.first(el, *self.NAME4.split(", "))
        link = name_el if name_el is not None and name_el.tag == "a" else select_one(name_el, "a[href]")
        info = scope.one(el, self.INFO4)
        rank = (scope.text(el, self.TITLE4) or _unlabelled_rank(info) or scope.text(el, self.GROUP4)
                or _img_label(scope.one(el, self.RANK_IMG4)))
        post_count = None
        for stat in scope.all(el, self.STATS4):
            label = (attr(stat, "title") or text_of(stat) or "").lower()
            if _POST_WORD.search(label) or select_one(stat, ".fa-comment") is not None:
                post_count = parse_count(label, allow_abbrev=False) or parse_count(text_of(stat), allow_abbrev=False)
                if post_count is not None:
                    break
        if post_count is None and info is not None:  # 4.0-4.4: <li class="ipsType_light">1,234 posts</li>
            for li in xpath("./li")(info):
                match = _POSTS_LINE.match(text_of(li) or "")
                if match:
                    post_count = parse_count(match.group(1), allow_abbrev=False)
                    break
        signature_el = scope.one(el, self.SIGNATURE4)
        author = Author(
            name=text_of(name_el) or "",
            rank=rank,
            post_count=post_count,
            user_id=id_in_url(attr(link, "href")),
            profile_url=absolute(base, attr(link, "href")),
            avatar_url=absolute(base, attr(scope.one(el, self.AVATAR4), "src")),
            signature=(render_text(signature_el) or None) if signature_el is not None else None,
        )
        wrap = scope.one(el, "[data-commentid]")
        post_id = attr(wrap, "data-commentid") or _digits(el.get("id"))
        link_el = scope.one(el, self.PERMALINK4)
        like_counts = [parse_count(text_of(c), allow_abbrev=False) for c in scope.all(el, self.LIKES4)]
        return Post(
            post_id=post_id,
            permalink=absolute(base, attr(link_el, "href")),
            author=author,
            timestamp=timestamp,
            timestamp_raw=raw,
            body=body.text,
            body_html=body.html,
            quotes=body.quotes,
            edited=_machine(scope.one(el, self.EDIT_TIME4), ctx) or _edit_time(body.edited, ctx),
            likes=sum(c for c in like_counts if c) if any(c is not None for c in like_counts) else None,
            attachments=[absolute(base, attr(a, "href")) for a in scope.all(el, self.ATTACH)],
        )

    # -- thread ----------------------------------------------------------------------------
    def _title(self, tree) -> str | None:
        # every part of THREAD_TITLE names an <h1> and its last part any h1: the first h1 wins
        title = text_without(next(tree.iter("h1"), None), self.TITLE_LABELS)
        return title or meta_content(tree, "og:title")

    def _crumbs(self, tree) -> tuple[str, ...]:
        for css in self.CRUMBS.split(", "):
            found = texts(select(tree, css))
            if found:
                half = len(found) // 2
                return found[:half] if half and found[:half] == found[half:] else found
        return ()


def _digits(value: str | None) -> str | None:
    match = _DIGITS.search(value or "")
    return match.group(1) if match else None


def _time(el, ctx) -> tuple[str | None, str | None]:
    if el is None:
        return None, None
    raw = text_of(el) or attr(el, "title")
    for name in ("datetime", "title", "data-time"):
        value = attr(el, name)
        if value and re.match(r"^\d{4}-\d{2}-\d{2}T|^\d{9,13}$", value):
            return ctx.dates.machine(value), raw
    return ctx.dates.iso(raw), raw


def _strip_posted(text: str | None) -> str | None:
    return re.sub(r"^\s*(?:posted|geschrieben|gepostet|verfasst|publié|posté(?:\(e\))?|publicado|postado|enviado|"
                  r"inviato|scritto|geplaatst|napisano|wysłany|отправлено|опубликовано)\s*:?\s*", "", text or "",
                  flags=re.I) or None


def _machine(el, ctx) -> str | None:
    return ctx.dates.machine(attr(el, "datetime")) if el is not None else None


def _edit_time(note: str | None, ctx) -> str | None:
    """IP.Board's "This post has been edited by X: 07 December 2015 - 01:00 AM" keeps its date after
    the colon; "Edited by X, 07 December 2015 - 01:00 AM." after the name's comma."""
    _, sep, when = (note or "").partition(": ")
    if sep:
        return ctx.dates.iso(when.strip())
    _, sep, when = (note or "").partition(", ")
    return ctx.dates.iso(when.strip(" .")) if sep and any(ch.isdigit() for ch in when) else None


def _likes(el) -> int | None:
    if el is None:
        return None
    if "reputation" in (el.get("class") or ""):
        return parse_count(text_of(el), allow_abbrev=False)
    named = count_named(el, "a[href*=user], a[href*=profile], a[href*=showuser]")
    if named is None:  # names as plain text: "A, B and 2 others like this"
        match = _LIKE_TEXT.match(text_of(el) or "")
        if match:
            names = [n for n in re.split(r",\s*|\s+and\s+", match.group(1)) if n.strip()]
            others = [n for n in names if re.match(r"^\d+\s+others?$", n.strip())]
            named = len(names) - len(others) + sum(parse_count(n) or 0 for n in others)
    return named


def _unlabelled_rank(info) -> str | None:
    """Invision 4.0-4.4 lists the member title as the first plain <li>, above the photo."""
    if info is None:
        return None
    for li in xpath("./li")(info):
        if li.get("data-role") or "cAuthorPane_photo" in (li.get("class") or "") or select_one(li, "img") is not None:
            return None
        text = text_of(li)
        if text and not _POSTS_LINE.match(text):
            return text
    return None


def _is_group(label: str) -> bool:
    """"Group", "Gruppe", "Groupe" ... as a whole label (IP.Board 3.0's "Group: Members" field)."""
    match = GROUP_LABEL.match(label)
    return match is not None and not match.group("value")


def _img_label(img) -> str | None:
    return attr(img, "alt") or attr(img, "title") if img is not None else None


def _reply_count(tree, lang: str | None = None) -> int | None:
    """The page's "N replies to this topic"; on a page in another language (one more read of
    the page's text) its translation ("12 Antworten auf dieses Thema")."""
    word = _REPLY_WORDS.get((lang or "")[:2])
    for key, pattern in (("repl", _REPLIES), (word, _REPLIES_TRANSLATED)):
        if key is None:
            continue
        for _text, parent in texts_with(tree, key):
            if parent.tag in ("script", "style", "a", "title"):
                continue
            if xpath(_OUTSIDE_TOPIC)(parent):
                continue
            match = pattern.match(text_of(parent) or "")
            if match:
                return parse_count(next(g for g in match.groups() if g), allow_abbrev=False)
    return None


_REPLY_WORDS = {"de": "antwort", "fr": "réponse", "es": "respuesta", "it": "rispost", "pt": "respost",
                "nl": "reactie", "ru": "ответ", "pl": "odpowied"}
_REPLIES_TRANSLATED = re.compile(r"^\s*(\d[\d,.\s]*)\s+(?:antwort(?:en)?|réponses?|respuestas?|rispost[ae]|"
                                 r"respostas?|reacties?|ответ(?:ов|а)?|odpowied(?:ź|zi))(?![^\W\d_])\D{0,40}$", re.I)


_PAGER_GROUPS = {"pagination": ".pagination", "ips_active": ".ipsPagination_active",
                 "ips_pages": ".ipsPagination[data-pages]", "ips_next": ".ipsPagination_next"}


def _pages(tree, found, base):
    """Pagination from the page's pager boxes (`found`, groups of _PAGER_GROUPS); each union
    selector's first match is the earliest of its parts' first matches."""
    page = page_count = None
    current = earliest(earliest(next(within(found["pagination"], "li.active"), None),
                                next(within(found["ips_active"], "a"), None)), next(iter(found["ips_active"]), None))
    if current is not None:  # .pagination li.active, .ipsPagination_active a, .ipsPagination_active
        page = parse_count(text_of(current), allow_abbrev=False)
    # .ipsPagination[data-pages], .pagination [data-pages]
    pages_el = earliest(next(iter(found["ips_pages"]), None), next(within(found["pagination"], "[data-pages]"), None))
    if pages_el is not None:
        page_count = parse_count(pages_el.get("data-pages"))
    else:  # .pagination li.pagejump a, .pagination .pages
        last = earliest(next(within(found["pagination"], "li.pagejump a"), None),
                        next(within(found["pagination"], ".pages"), None))
        match = re.search(r"(?:of|von|de|из)\s+(\d+)", text_of(last) or "", re.I)
        page_count = int(match.group(1)) if match else None
    next_href = link_href(tree, "next")
    if not next_href:  # .ipsPagination_next a[href], .pagination li.next a
        next_href = attr(earliest(next(within(found["ips_next"], "a[href]"), None),
                                  next(within(found["pagination"], "li.next a"), None)), "href")
    return page, page_count, absolute(base, next_href)


ADAPTERS = (Invision,)
