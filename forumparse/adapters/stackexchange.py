"""Stack Exchange / Stack Overflow question pages: the question, then each answer (comments are not posts).

Covers the table layout (td.postcell, div.post-text, td.post-signature) and the
later grid / flex layouts (div.post-layout, div.s-prose.js-post-body). A post can
carry several user cards: editors' cards ("edited ...") come first, the owner's card
("asked" / "answered", or the community-wiki card) comes last.
"""
from __future__ import annotations

import re

from ..html.body import extract_body
from ..html.pageinfo import absolute, base_url, canonical_url, id_in_url, meta_content
from ..html.select import attr, has_class, select, select_one, text_of
from ..numbers import parse_count
from ..records import Author, Post, Thread
from ._html_common import has, pages_from
from .base import Adapter

_ISO_NO_ZONE = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2})?$")
_REVISIONS = re.compile(r"\d+\s+revs?\b|\d+%")
_MARKERS = ("StackExchange.ready", "StackExchange.init", "cdn.sstatic.net", "sstatic.net/Js/stub",
            "data-questionid", "js-post-body", "post-signature")


class StackExchange(Adapter):
    name = "stackexchange"
    format = "html"
    priority = 0.6
    description = "Stack Exchange and Stack Overflow question pages (question and answers)"

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
        if tree is None or select_one(tree, self.QUESTION) is None:
            return 0.0
        site = (meta_content(tree, "og:site_name") or "").lower()
        if "stack" in site or hits >= 3:
            return 1.0
        return 0.7 if hits == 2 else 0.2  # one marker alone is shared with other engines

    def parse(self, doc, ctx) -> Thread:
        tree = doc.tree
        base = base_url(tree, ctx.url)
        question = select_one(tree, self.QUESTION)
        if question is None:
            return Thread(posts=[])
        elements = [question] + [a for a in select(tree, self.ANSWER) if a is not question]
        posts = [self._post(el, el is question, tree, base, ctx) for el in elements]
        pager = select_one(tree, self.PAGER)
        page, page_count, next_url = (None, None, None) if pager is None else pages_from(
            select(pager, "a[href]"), select_one(pager, self.PAGER_CURRENT), base)
        return Thread(
            page=page, page_count=page_count, next_page_url=next_url,
            title=self._title(tree),
            url=canonical_url(tree, ctx.url),
            views=self._views(tree),
            reply_count=self._answer_count(tree),
            posts=[p for p in posts if p is not None],
        )

    # -- posts -----------------------------------------------------------------------------
    def _post(self, el, is_question: bool, tree, base, ctx) -> Post | None:
        comments = set(select(el, self.COMMENTS))

        def own(css):
            return [f for f in select(el, css) if not any(a in comments for a in f.iterancestors())]

        body_el = next(iter(own(self.BODY)), None)
        if body_el is None:
            return None
        body = extract_body(body_el, quote_css=None, signature_css=None, edit_css=None, drop_css=self.BODY_DROP)
        cards = own(self.CARD)
        editors = [c for c in cards if _is_editor_card(c, self.EDIT_LINK)]
        owners = [c for c in cards if c not in editors]
        owners = [c for c in owners if has_class(c, "owner")] or owners
        # a wiki post can show its time and its named user in two cards: take each where it is
        timestamp, raw = next((t for t in (self._card_time(c, ctx) for c in owners) if t[0]), (None, None))
        author = next((a for a in (self._author(c, base) for c in reversed(owners)) if a), None)
        if timestamp is None:
            created = next(iter(own(self.CREATED)), None)
            if created is None and is_question:
                created = select_one(tree, "#question-header ~ div " + self.CREATED)
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
            edited=self._card_time(editors[0], ctx)[0] if editors else None,
            likes=parse_count(attr(votes, "data-value") or text_of(votes), allow_abbrev=False),
        )

    def _card_time(self, card, ctx) -> tuple[str | None, str | None]:
        stamp = select_one(card, self.CARD_TIME) if card is not None else None
        if stamp is None:
            return None, None
        value = (attr(stamp, "title") or "").split(",")[0]  # comment titles add ", License: ..."
        return _utc(value, ctx) or ctx.dates.iso(text_of(stamp)), text_of(stamp)

    def _author(self, card, base) -> Author | None:
        if card is None:
            return None
        names = select(card, self.CARD_NAME)
        name_el = names[-1] if names else None  # community wiki: the history link comes first
        name = text_of(name_el)
        if not name:  # unregistered or deleted users: the name is plain text
            details = select(card, self.CARD_DETAILS)
            name = next((d.text.strip() for d in reversed(details) if (d.text or "").strip()), None)
        if not name:  # a wiki post edited by its owner alone names them in the history link
            history = text_of(select_one(card, self.CARD_HISTORY))
            name = history if history and not _REVISIONS.search(history) else None
        if not name:
            return None
        link = next((a for a in select(card, ".user-details a[href*='/users/']")), None)
        href = attr(link, "href")
        avatar = select_one(card, self.CARD_AVATAR)
        return Author(name=name, user_id=_user_id(href), profile_url=absolute(base, href),
                      avatar_url=absolute(base, attr(avatar, "src")))

    # -- thread ----------------------------------------------------------------------------
    def _title(self, tree) -> str | None:
        for css in self.TITLE.split(", "):
            title = text_of(select_one(tree, css))
            if title:
                return title
        title = meta_content(tree, "og:title", "twitter:title")
        return title

    def _views(self, tree) -> int | None:
        for el in select(tree, self.VIEWS_TITLED):
            title = attr(el, "title") or ""
            if re.search(r"\d", title) and not re.search(r"\d[:-]\d", title):
                count = parse_count(title, allow_abbrev=False)
                if count is not None:
                    return count
        rows = select(tree, self.VIEWS_OLD)
        if len(rows) >= 2:  # asked / viewed / active: the exact figure is in the second row
            return parse_count(text_of(select_one(rows[1], "b")) or text_of(rows[1]), allow_abbrev=False)
        return None

    def _answer_count(self, tree) -> int | None:
        el = select_one(tree, self.ANSWER_COUNT)
        if el is not None:
            return parse_count(attr(el, "data-answercount") or text_of(el), allow_abbrev=False)
        return parse_count(text_of(select_one(tree, self.ANSWER_HEADER)), allow_abbrev=False)


def _is_editor_card(card, edit_css: str) -> bool:
    """An editor's card says "edited" inside its link to the revisions; the owner's card can link
    its "answered" time there too, but with the verb outside the link."""
    link = select_one(card, edit_css)
    return link is not None and bool((link.text or "").strip())


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
