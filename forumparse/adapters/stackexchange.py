"""Stack Exchange / Stack Overflow question pages: the question, then each answer (comments are not posts).

Covers the table layout (td.postcell, div.post-text, td.post-signature) and the
later grid / flex layouts (div.post-layout, div.s-prose.js-post-body). A post can
carry several user cards: editors' cards ("edited ...") come first, the owner's card
("asked" / "answered", or the community-wiki card) comes last.
"""
from __future__ import annotations

import re

import lxml.etree

from ..html.body import extract_body
from ..html.pageinfo import PostScope, absolute, base_url, canonical_url, id_in_url, meta_content
from ..html.select import attr, class_set, has_class, select, select_one, text_of, xpath
from ..numbers import parse_count
from ..records import Author, Post, Thread
from ._html_common import has, matches, pages_from
from .base import Adapter

_ISO_NO_ZONE = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2})?$")
# The status the site appends to a closed question's title: "... [duplicate]", "... [закрыт]"
_STATUS_SUFFIX = re.compile(
    r"\s*\[(?:duplicate|closed|on hold|migrated|deleted|locked|дубликат|закрыт|закрыто|duplicad[ao]|fechad[ao]|"
    r"cerrad[ao]|重複|クローズ済み|クローズ|閉じられた)\]\s*$", re.I)
_REVISIONS = re.compile(r"\d+\s+revs?\b|\d+%")
_MARKERS = ("StackExchange.ready", "StackExchange.init", "cdn.sstatic.net", "sstatic.net/Js/stub",
            "data-questionid", "js-post-body", "post-signature")


class StackExchange(Adapter):
    name = "stackexchange"
    format = "html"
    priority = 0.6
    description = "Stack Exchange and Stack Overflow question pages (question and answers)"
    hints = ("sstatic.net", "stackexchange", "stackoverflow")

    QUESTION = "div#question, div.question[data-questionid]"
    ANSWER = "div.answer"
    BODY = "div.js-post-body, div.post-text, div[itemprop=text]"
    BODY_DROP = "aside.s-notice, .js-post-notice, .post-notice, .question-status"
    COMMENTS = ".comments, .js-comments-container, .comments-list, .post-comments"
    CARD = ".post-signature"
    CARD_TIME = ".user-action-time .relativetime, .user-action-time span[title]"
    CARD_NAME = ".user-details [itemprop=name], .user-details a[href*='/users/']"
    CARD_DETAILS = ".user-details"
    CARD_HISTORY = ".user-details a[id^=history-]"
    CARD_LINK = ".user-details a[href*='/users/']"
    CARD_AVATAR = ".user-gravatar32 img, .gravatar-wrapper-32 img"
    EDIT_LINK = ".user-action-time a[href*='/revisions']"
    CREATED = "time[itemprop=dateCreated]"
    VOTES = ".js-vote-count, .vote-count-post"
    SHARE = "a.js-share-link, a.short-link"
    TITLE = "#question-header h1 a, #question-header h1"
    ANSWER_COUNT = "#answers-header h2[data-answercount], #answers-header [itemprop=answerCount]"
    ANSWER_HEADER = "#answers-header h2, #answers-header .subheader h2"
    VIEWS_TITLED = "#question-header + div [title], #question-header ~ div [title], .js-question-header-info [title]"
    VIEWS_OLD = "#qinfo tr, .module.question-stats tr"
    PAGER = ".s-pagination.pager-answers, div.pager-answers"  # answers split over pages
    PAGER_CURRENT = ".is-selected, .current, .page-numbers.current"

    def detect(self, doc) -> float:
        hits = sum(1 for m in _MARKERS if has(doc, m, 200_000))
        if hits == 0:
            return 0.0
        tree = doc.tree
        if tree is None or not matches(tree, self.QUESTION):
            return 0.0
        if hits >= 3 or "stack" in (meta_content(tree, "og:site_name") or "").lower():
            return 1.0
        return 0.7 if hits == 2 else 0.2  # one marker alone is shared with other engines

    def parse(self, doc, ctx) -> Thread:
        tree = doc.tree
        base = base_url(tree, ctx.url)
        heads = _Anchors(tree)
        if heads.question is None:
            return Thread(posts=[])
        elements = [heads.question] + [a for a in heads.answers if a is not heads.question]
        # one walk of the posts' subtree answers every per-post selector
        scope = PostScope(elements, page_classes=heads.classed)
        owns = [self._own(scope, el) for el in elements]
        cards = [own(self.CARD) for own in owns]
        # the cards' parts, each selector run once over all cards instead of once per card
        card_scope = PostScope([card for found in cards for card in found], within=scope)
        posts = [self._post(el, own, found, card_scope, heads, tree, base, ctx)
                 for el, own, found in zip(elements, owns, cards)]
        pager = heads.pager
        page, page_count, next_url = (None, None, None) if pager is None else pages_from(
            select(pager, "a[href]"), select_one(pager, self.PAGER_CURRENT), base)
        return Thread(
            page=page, page_count=page_count, next_page_url=next_url,
            title=self._title(tree, heads),
            url=canonical_url(tree, ctx.url),
            views=self._views(tree, heads),
            reply_count=self._answer_count(tree, heads),
            posts=[p for p in posts if p is not None],
        )

    # -- posts -----------------------------------------------------------------------------
    def _own(self, scope, el):
        """A lookup of the post's own elements: not those of its comments (nor of another post)."""
        comments = set(scope.all(el, self.COMMENTS))

        def own(css):
            found = scope.all(el, css)
            if not comments:
                return found
            return [f for f in found if not any(a in comments for a in _up_to(f, el))]
        return own

    def _post(self, el, own, cards, card_scope, heads, tree, base, ctx) -> Post | None:
        body_el = next(iter(own(self.BODY)), None)
        if body_el is None:
            return None
        body = extract_body(body_el, quote_css=None, signature_css=None, edit_css=None, drop_css=self.BODY_DROP)
        editors = [c for c in cards if _is_editor_card(card_scope.one(c, self.EDIT_LINK))]
        owners = [c for c in cards if c not in editors]
        owners = [c for c in owners if has_class(c, "owner")] or owners
        # a wiki post can show its time and its named user in two cards: take each where it is
        timestamp, raw = next((t for t in (self._card_time(c, card_scope, ctx) for c in owners) if t[0]),
                              (None, None))
        author = next((a for a in (self._author(c, card_scope, base) for c in reversed(owners)) if a), None)
        if timestamp is None:
            created = next(iter(own(self.CREATED)), None)
            if created is None and el is heads.question:
                created = heads.after_header(tree, self.CREATED)  # "#question-header ~ div " + CREATED
            timestamp, raw = _utc(attr(created, "datetime"), ctx), raw or text_of(created)
        post_id = attr(el, "data-answerid") or attr(el, "data-questionid") or id_in_url(attr(el, "id"))
        share = next(iter(own(self.SHARE)), None)
        votes = next(iter(own(self.VOTES)), None)
        return Post(
            post_id=post_id,
            permalink=absolute(base, attr(share, "href")),
            author=author,
            timestamp=timestamp,
            timestamp_raw=raw,
            body=body.text,
            body_html=body.html,
            edited=self._card_time(editors[0], card_scope, ctx)[0] if editors else None,
            likes=parse_count(attr(votes, "data-value") or text_of(votes), allow_abbrev=False),
        )

    def _card_time(self, card, card_scope, ctx) -> tuple[str | None, str | None]:
        stamp = card_scope.one(card, self.CARD_TIME) if card is not None else None
        if stamp is None:
            return None, None
        value = (attr(stamp, "title") or "").split(",")[0]  # comment titles add ", License: ..."
        return _utc(value, ctx) or ctx.dates.iso(text_of(stamp)), text_of(stamp)

    def _author(self, card, card_scope, base) -> Author | None:
        if card is None:
            return None
        names = card_scope.all(card, self.CARD_NAME)
        name_el = names[-1] if names else None  # community wiki: the history link comes first
        name = text_of(name_el)
        if not name:  # unregistered or deleted users: the name is plain text
            details = card_scope.all(card, self.CARD_DETAILS)
            name = next((d.text.strip() for d in reversed(details) if (d.text or "").strip()), None)
        if not name:  # a wiki post edited by its owner alone names them in the history link
            history = text_of(card_scope.one(card, self.CARD_HISTORY))
            name = history if history and not _REVISIONS.search(history) else None
        if not name:
            return None
        link = card_scope.one(card, self.CARD_LINK)
        href = attr(link, "href")
        avatar = card_scope.one(card, self.CARD_AVATAR)
        return Author(name=name, user_id=_user_id(href), profile_url=absolute(base, href),
                      avatar_url=absolute(base, attr(avatar, "src")))

    # -- thread ----------------------------------------------------------------------------
    def _title(self, tree, heads) -> str | None:
        for expr, css in zip((".//h1//a", ".//h1"), self.TITLE.split(", ")):  # each from the header
            title = text_of(heads.first("question-header", expr, tree, css))
            if title:
                return _STATUS_SUFFIX.sub("", title) or title
        title = meta_content(tree, "og:title", "twitter:title")
        return title

    def _views(self, tree, heads) -> int | None:
        for el in heads.titled(tree, self.VIEWS_TITLED):
            title = attr(el, "title") or ""
            if re.search(r"\d", title) and not re.search(r"\d[:-]\d", title):
                count = parse_count(title, allow_abbrev=False)
                if count is not None:
                    return count
        rows = heads.stats_rows(tree, self.VIEWS_OLD)
        if len(rows) >= 2:  # asked / viewed / active: the exact figure is in the second row
            return parse_count(text_of(select_one(rows[1], "b")) or text_of(rows[1]), allow_abbrev=False)
        return None

    def _answer_count(self, tree, heads) -> int | None:
        el = heads.first("answers-header", ".//h2[@data-answercount] | .//*[@itemprop='answerCount']", tree,
                         self.ANSWER_COUNT)
        if el is not None:
            return parse_count(attr(el, "data-answercount") or text_of(el), allow_abbrev=False)
        return parse_count(text_of(heads.first("answers-header", ".//h2", tree, self.ANSWER_HEADER)),
                           allow_abbrev=False)


# Every element the page-level selectors start from (QUESTION, ANSWER, PAGER, and the headers'
# and stats blocks' ids and classes) is found from the page's id and class attribute values,
# filtered in Python: cheaper than XPath string tests, and than one scan per selector.
_IDS = xpath("//@id")
_CLASSES = xpath("//@class")
_ANCHOR_IDS = frozenset({"question", "question-header", "answers-header", "qinfo"})


class _Anchors:
    """The page's question, answers and pager, and the header and stats blocks of the thread's
    title and counts: each lookup runs from its anchor when the page has one of it (the norm),
    else the full selector runs as written."""

    def __init__(self, tree):
        self.ids: dict[str, list] = {}
        self.info, self.stats, self.answers = [], [], []
        self.question = self.pager = None
        for value in _IDS(tree):
            if value in _ANCHOR_IDS:
                self.ids.setdefault(str(value), []).append(value.getparent())
        question = next((el for el in self.ids.pop("question", ()) if el.tag == "div"), None)
        self.classed = _CLASSES(tree)  # also serves the posts' PostScope
        for el in (value.getparent() for value in self.classed if "question" in value or "answer" in value):
            names = class_set(el)
            div = el.tag == "div"
            if self.question is None and div and "question" in names and el.get("data-questionid") is not None:
                self.question = el
            if div and "answer" in names:
                self.answers.append(el)  # StackExchange.ANSWER
            if self.pager is None and "pager-answers" in names and (div or "s-pagination" in names):
                self.pager = el  # StackExchange.PAGER
            if "js-question-header-info" in names:
                self.info.append(el)
            if "module" in names and "question-stats" in names:
                self.stats.append(el)
        if question is not None and self.question is not None and question is not self.question:
            self.question = select_one(tree, StackExchange.QUESTION)  # both kinds: the first in the page
        elif question is not None:
            self.question = question  # StackExchange.QUESTION

    def first(self, ident: str, expr: str, tree, css: str):
        """The first match of `css` (written as "#ident ..."), or `expr` run from that anchor."""
        anchors = self.ids.get(ident, [])
        if len(anchors) > 1:
            return select_one(tree, css)
        return next(iter(xpath(expr)(anchors[0])), None) if anchors else None

    def titled(self, tree, css: str):
        """Elements with a title in the divs after the question header (or in its info block),
        in page order: walked lazily, the first few are enough."""
        heads = self.ids.get("question-header", [])
        if len(heads) > 1 or (not heads and self.info):
            return select(tree, css)
        if not heads:
            return ()
        after = [d for d in heads[0].itersiblings() if d.tag == "div"]
        inside = set(after)
        if not all(any(a in inside for a in (info, *info.iterancestors())) for info in self.info):
            return select(tree, css)  # an info block elsewhere: its elements interleave
        return (el for div in after for el in div.iterdescendants(lxml.etree.Element) if el.get("title") is not None)

    def after_header(self, tree, css: str):
        """The first match of `css` inside the divs after the question header ("#question-header ~
        div " + css): each div's subtree in turn, from the header when the page has one."""
        heads = self.ids.get("question-header", [])
        if len(heads) > 1:
            return select_one(tree, "#question-header ~ div " + css)
        divs = heads[0].itersiblings("div") if heads else ()
        return next((el for div in divs for el in select(div, css) if el is not div), None)

    def stats_rows(self, tree, css: str) -> list:
        anchors = self.ids.get("qinfo", []) + self.stats
        if len(anchors) > 1:
            return select(tree, css)
        return xpath(".//tr")(anchors[0]) if anchors else []


def _is_editor_card(link) -> bool:
    """Whether a card's link to the revisions (StackExchange.EDIT_LINK) makes it an editor's card:
    an editor's card says "edited" inside that link; the owner's card can link its "answered"
    time there too, but with the verb outside the link."""
    return link is not None and bool((link.text or "").strip())


def _up_to(el, top):
    """`el`'s ancestors below `top`, and `top` itself."""
    for anc in el.iterancestors():
        yield anc
        if anc is top:
            return


def _utc(value: str | None, ctx) -> str | None:
    """Stack Exchange writes UTC times, with a "Z" in titles and without a zone in datetime=."""
    if not value:
        return None
    value = value.strip()
    if _ISO_NO_ZONE.match(value):
        value += "Z"
    return ctx.dates.machine(value)


def _user_id(href: str | None) -> str | None:
    m = re.search(r"/users/(-?\d+)", href or "")
    return m.group(1) if m else None


ADAPTERS = (StackExchange,)
