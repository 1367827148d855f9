"""Mailman 3 HyperKitty archive pages: a thread (`/hyperkitty/list/<list>/thread/<id>/`: the first
mail, then the replies once loaded or in the `?noscript` view) or one message (`.../message/<hash>/`).

Each mail is a `div.email`: `.email-header` (id = the message-id hash) with the sender in
`.email-author .name`, `.email-date` with the date (shown only when it changes from the mail
above, the year only on the first mail) and `.time` (its title: the sender's own clock), then
`div.email-body`, the attachment list and the like form.
"""
from __future__ import annotations

import re
from datetime import date

import lxml.html
from attrs import evolve

from ..html.pageinfo import PostScope, absolute, base_url
from ..html.select import attr, select, select_one, text_of
from ..numbers import parse_count
from ..records import Author, Post, Thread
from ._html_common import has
from ._mail import mail_text, sender_name, split_mail
from .base import Adapter

_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")
_AT = re.compile(r"(?<=\w)\(a\)(?=\w)")  # HyperKitty 1.2 writes the addresses in a mail as "ann(a)example.org"
_LABEL = re.compile(r"^\D*?:\s*")  # "Sender's time: " before the date in the title


class HyperKitty(Adapter):
    name = "hyperkitty"
    format = "html"
    priority = 0.6
    description = "Mailman 3 HyperKitty archive thread and message pages"
    hints = ("hyperkitty",)

    EMAIL = "div.email"
    HEADER = ".email-header"
    NAME = ".email-author .name"
    AVATAR = ".gravatar img"
    DATE = ".email-date .date"
    TIME = (".email-date .time span", ".email-date .time")  # the span carries the sender's-time title
    SUBJECT = ".email-header .subject"  # "New subject: ..." where a reply changed it
    BODY = "div.email-body"
    QUOTE = "blockquote.quoted-text, div.quoted-text, blockquote"
    BODY_DROP = ".quoted-switch, .pgp"  # the "..." toggles, the folded PGP signature
    SIGNATURE = "div.text-muted"  # 1.3.x renders the "-- " part muted (markdown mode)
    PERMALINK = ".messagelink a[href*='/message/']"
    ATTACHMENTS = ".attachments-list a[href]"
    LIKES = ".likeform i.fa-thumbs-up, .likeform i.fa-thumbs-o-up"
    TITLE = ".thread-header h3, .message-header h1"
    COMMENTS = "#thread-overview-info i.fa-comment"
    # replies in thread order (the link offers the date order): each sits in a "reply-level-N"
    # box, N the depth below the first reply level (none for a reply to the first mail), at most 5
    THREAD_ORDER = ".sort-mode a[href*='sort=date']"

    def detect(self, doc) -> float:
        if not has(doc, 'class="email-header"') or not has(doc, "email-body"):
            return 0.0
        if has(doc, "hyperkitty") or has(doc, 'class="email-author'):
            return 1.0
        return 0.6

    def parse(self, doc, ctx) -> Thread:
        tree = doc.tree
        base = base_url(tree, ctx.url)
        boxes = select(tree, self.EMAIL)
        scope = PostScope(boxes)  # each selector runs once for all mails
        emails = [el for el in boxes if scope.one(el, self.HEADER) is not None]
        headers = PostScope([scope.one(el, self.HEADER) for el in emails], within=scope)
        posts = []
        clock = Clock()
        for el in emails:
            posts.append(self._post(el, scope, headers, ctx, base, clock))
        if select_one(tree, self.THREAD_ORDER) is not None:
            posts = _replies_to(posts, emails)
        title = _clean(text_of(select_one(tree, self.TITLE)))
        if posts and posts[0].title is None and title:
            posts[0] = evolve(posts[0], title=title)
        return Thread(title=title or _head_title(tree), url=ctx.url, reply_count=self._comments(tree),
                      posts=posts)

    def _post(self, el, scope, headers, ctx, base, clock) -> Post:
        header = scope.one(el, self.HEADER)
        name_el = headers.one(header, self.NAME)
        link = select_one(name_el, "a[href]") if name_el is not None else None
        profile = absolute(base, attr(link, "href"))
        user_id = re.search(r"/users?/([^/?#]+)", profile or "")
        avatar = headers.one(header, self.AVATAR)
        time_el = headers.pick(header, *self.TIME)
        raw, stamp = clock.read(ctx, text_of(headers.one(header, self.DATE)), text_of(time_el), attr(time_el, "title"))
        body_el = scope.one(el, self.BODY)
        text = mail_text(body_el, pre=True, quote_css=self.QUOTE, drop_css=self.BODY_DROP,
                         signature_css=self.SIGNATURE)
        body, quotes, signature = split_mail(_AT.sub("@", text))
        subject = text_of(headers.one(header, self.SUBJECT))
        return Post(
            post_id=header.get("id"),
            permalink=absolute(base, attr(scope.one(el, self.PERMALINK), "href")),
            author=Author(name=sender_name(text_of(name_el)) or "", profile_url=profile,
                          user_id=user_id.group(1) if user_id else None,
                          avatar_url=absolute(base, attr(avatar, "src")), signature=signature),
            timestamp=stamp,
            timestamp_raw=raw,
            title=_LABEL.sub("", subject) if subject else None,
            body=body,
            body_html=inner_html(body_el),
            quotes=quotes,
            likes=_likes(scope.one(el, self.LIKES)),
            attachments=[absolute(base, a.get("href")) for a in scope.all(el, self.ATTACHMENTS)],
        )

    def _comments(self, tree) -> int | None:
        """The thread's "N comments": HyperKitty counts the mails after the first, i.e. replies."""
        icon = select_one(tree, self.COMMENTS)
        return parse_count(text_of(icon.getparent())) if icon is not None else None


def _replies_to(posts: list[Post], emails: list) -> list[Post]:
    """Each reply's parent: the last mail above it one level up (the first mail is the root)."""
    out = posts[:1]
    last_at: dict[int, str | None] = {0: posts[0].post_id} if posts else {}
    for post, el in zip(posts[1:], emails[1:]):
        box = el.getparent()
        level = re.search(r"\breply-level-(\d+)\b", box.get("class") or "") if box is not None else None
        depth = int(level.group(1)) + 1 if level else 1
        parent = last_at.get(depth - 1) if depth < _DEEPEST else None  # level 5 holds deeper ones too
        out.append(evolve(post, reply_to=parent) if parent else post)
        last_at[depth] = post.post_id
    return out


_DEEPEST = 6  # "reply-level-5" + 1: HyperKitty caps the level there


class Clock:
    """The date of each mail as the page shows it: the date part is shown only when it changes
    (the year only on the thread's first mail), so the last shown ones carry over."""

    def __init__(self):
        self.day: str | None = None
        self.year: str | None = None
        self.last: str | None = None  # the ISO date of the mail above

    def read(self, ctx, day: str | None, time: str | None, title: str | None = None) -> tuple[str | None, str | None]:
        """(the date as shown, its ISO form); `title`: the time's "Sender's time: ..." tooltip."""
        day = _clean(day)
        if day:
            self.day = day
            found = _YEAR.search(day)
            if found:
                self.year = found.group(0)
        time = _clean(time)
        raw = " ".join(p for p in (self.day, time) if p) or None
        stamp = None
        if raw:
            # a reply's "2 Mar" gets the year of the first mail's "2 Mar 2010"
            full = raw if not self.year or _YEAR.search(raw) else " ".join(p for p in (self.day, self.year, time) if p)
            stamp = ctx.dates.iso(full)
            if stamp and full is not raw and self.last and _days(self.last, stamp) > 180:
                # the thread crossed a new year ("28 Dec 2020" ... "2 Jan"): the year moves on
                self.year = str(int(self.year) + 1)
                stamp = ctx.dates.iso(" ".join(p for p in (self.day, self.year, time) if p)) or stamp
        if stamp:
            self.last = stamp
        if stamp is None and title:
            # unreadable shown date: the title's "Sender's time: March 2, 2010, 10 a.m." (the sender's clock)
            stamp = ctx.dates.iso(_LABEL.sub("", title))
        return raw, stamp


def _days(earlier: str, later: str) -> int:
    """How many days `later` (ISO) comes before `earlier` (ISO)."""
    try:
        return (date.fromisoformat(earlier[:10]) - date.fromisoformat(later[:10])).days
    except ValueError:
        return 0


def _clean(text: str | None) -> str | None:
    return " ".join(text.split()) if text else None


def _likes(icon) -> int | None:
    if icon is None:
        return None
    return parse_count((icon.text or "").strip() or (icon.tail or "").strip())


def _head_title(tree) -> str | None:
    """<title> is "subject - list name - site": the subject alone."""
    el = select_one(tree, "title")
    title = _clean(el.text_content()) if el is not None else None
    if not title:
        return None
    parts = title.split(" - ")
    return " - ".join(parts[:-2]) if len(parts) > 2 else title


def inner_html(el) -> str | None:
    if el is None:
        return None
    inner = (el.text or "") + "".join(lxml.html.tostring(c, encoding="unicode") for c in el)
    return inner.strip() or None


ADAPTERS = (HyperKitty,)
