"""Jive (Jive Forums, Clearspace / Jive SBS) threads: text dumps ("NAME RANK N posts since DATE"
headers) and HTML pages (jive-thread-post / jive-message-list markup)."""
from __future__ import annotations

import re

from ..html.body import extract_body
from ..html.page_classes import by_class, within
from ..html.pageinfo import PostScope
from ..html.select import attr, select, select_one, text_of
from ..numbers import parse_count
from ..records import Author, LatestReply, Post, Thread
from ..text.tokens import Token, paragraphs, scan, split_lines
from . import _html_common as common
from .base import Adapter

VOCAB = re.compile(r"posts? since|currently being moderated|latest reply:|more like this|retrieving data", re.I)
# Jive's lines, read from the scanned tokens: page furniture, "2168 Views 3 Replies Latest reply: DATE by X",
# and the author header "NAME RANK 2 posts since DATE" (possibly cut after "since" by the width).
BOILERPLATE = re.compile(
    r"^(?:skip navigation|skip to (?:main )?content|currently being moderated|more like this|"
    r"retrieving data\s*\.*|loading\s*\.*|jump to|back to top|top|reply|quote|report|share|"
    r"reply with quote|quick reply|multi-?quote|like|likes|permalink|log ?in|sign ?in|register|"
    r"sign up|logout|log out|search|home|forums?|members|help|faq|print view|"
    r"\[?\s*(?:reply|quote|report|edit|delete|pm|email|www|profile)\s*\]?)\s*$",
    re.I,
)
THREAD_STATS = re.compile(
    r"^(?P<views>[\d,.\u00a0 ]+)\s+views?\s+(?P<replies>[\d,.\u00a0 ]+)\s+repl(?:y|ies)"
    r"(?:\s+latest reply:?\s*(?P<latest>.+?)\s+by\s+(?P<latest_by>.+?))?\s*$",
    re.I,
)
USER_STATS = re.compile(r"^(?P<head>.*?)\s*(?P<count>[\d,.]+)\s+posts?\s+since\s*(?P<since>.*?)\s*$", re.I)


class JiveText(Adapter):
    name = "jive"
    format = "text"
    description = "Jive / Clearspace forum threads as text dumps"

    def detect(self, doc) -> float:
        head = doc.text[:200_000]
        hits = {m.group(0).lower() for m in VOCAB.finditer(head)}
        if not any(h.startswith("post") for h in hits):
            return 0.0
        return min(1.0, 0.5 + 0.15 * len(hits))

    def parse(self, doc, ctx) -> Thread:
        tokens = [_role(t) for t in scan("\n".join(_join_wrapped_stats(split_lines(doc.text))), ctx.dates)]
        thread_stats = next((t for t in tokens if t.kind == "thread_stats"), None)
        starts = [i for i, t in enumerate(tokens) if t.kind == "user_stats"]
        posts = []
        title = None
        for n, start in enumerate(starts):
            end = starts[n + 1] if n + 1 < len(starts) else len(tokens)
            author = self._author(tokens[start], ctx)
            segment = _trim_trailer(tokens[start + 1:end], last=n + 1 == len(starts))
            # the post's own date comes before its first line of text
            first_text = next((i for i, t in enumerate(segment) if t.kind == "body"), len(segment))
            timestamp_tok = next((t for t in segment[:first_text] if t.kind == "date"), None)
            rest = [t for t in segment if t is not timestamp_tok]
            if n == 0:  # the thread starter carries the thread title above its body
                title, rest = _take_title(rest)
            body = paragraphs([t for t in rest if t.kind in ("body", "blank", "quote_header", "date")])
            if not body:
                continue
            posts.append(Post(
                author=author,
                timestamp=timestamp_tok.data["date"].iso() if timestamp_tok else None,
                timestamp_raw=timestamp_tok.text if timestamp_tok else None,
                body=body,
            ))
        latest = None
        views = replies = None
        if thread_stats:
            views, replies = thread_stats.data["views"], thread_stats.data["replies"]
            if thread_stats.data.get("latest"):
                latest = LatestReply(author=thread_stats.data["latest_by"],
                                     timestamp=ctx.dates.iso(thread_stats.data["latest"]))
        return Thread(title=title, views=views, reply_count=replies, latest_reply=latest, posts=posts)

    @staticmethod
    def _author(tok: Token, ctx) -> Author:
        head = tok.data["head"].split()
        name = head[0] if head else ""
        rank = " ".join(head[1:]) or None
        joined = ctx.dates.parse(tok.data["since"]).iso()
        return Author(name=name, rank=rank, post_count=tok.data["count"], joined=joined)


def _role(tok: Token) -> Token:
    """A scanned line as the Jive parse reads it: blank, boilerplate, thread_stats, user_stats,
    date (with its parsed date), quote_header, rule, or body."""
    text = tok.text
    if tok.kind == "blank":
        return tok
    if BOILERPLATE.match(text):
        return Token("boilerplate", text, tok.line, tok.indent, tok.bullet)
    for kind, rx in (("thread_stats", THREAD_STATS), ("user_stats", USER_STATS)):
        m = rx.match(text)
        if m:
            return Token(kind, text, tok.line, tok.indent, tok.bullet, m.groupdict())
    if tok.kind in ("date", "quote_header", "rule"):
        return tok
    return Token("body", text, tok.line, tok.indent, tok.bullet)


def _join_wrapped_stats(lines: list[str]) -> list[str]:
    """A header cut across two lines ("2 posts since" / "Feb 6, 2011") becomes one."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if re.search(r"\bposts?\s+since\s*$", line, re.I) and i + 1 < len(lines) and lines[i + 1].strip():
            out.append(line + " " + lines[i + 1].strip())
            out.append("")  # keep line numbers stable
            i += 2
            continue
        out.append(line)
        i += 1
    return out


def _take_title(tokens: list[Token]) -> tuple[str | None, list[Token]]:
    """The first non-blank line of the starter, followed by a blank line, is the thread title."""
    content = [i for i, t in enumerate(tokens) if t.kind != "blank"]
    if len(content) >= 2:
        i = content[0]
        if tokens[i].kind == "body" and i + 1 < len(tokens) and tokens[i + 1].kind == "blank":
            return tokens[i].text, tokens[i + 1:]
    return None, tokens


def _trim_trailer(tokens: list[Token], last: bool) -> list[Token]:
    """Cut page furniture: boilerplate lines and, after the last post, whatever follows them."""
    out = []
    for tok in tokens:
        if tok.kind == "boilerplate":
            if last:
                break
            continue
        out.append(tok)
    return out


_SINCE = re.compile(r"([\d.,]+)\s+posts?\s+since\s+(.+?)\s*$", re.I)
_VIEWS = re.compile(r"([\d.,]+)\s+Views?\b", re.I)
_REPLIES = re.compile(r"([\d.,]+)\s+Repl(?:y|ies)\b", re.I)
_LATEST = re.compile(r"Latest reply:\s*(.+?)\s+by\s+(.+?)\s*$", re.I)
_MESSAGE_ID = re.compile(r"(?:/message/|messageID=|#)(\d+)")
_POSTED = re.compile(r"^\s*Posted\s*:\s*(.+?)\s*$", re.I)
_EDITED = re.compile(r"^\s*Message was edited by:.*$", re.I | re.S)


class JiveHtml(Adapter):
    name = "jive"
    format = "html"
    description = "Jive Forums / Clearspace / Jive SBS thread pages"
    hints = ("jive", "clearspace")

    GATE = ("jive", "Jive")  # one of these is near the start of every page
    MARKERS = ("jive-thread-post", "jive-author", "jive-rendered-content", "jive-message-body", "jive-body",
               "jive-message-list", "/resources/scripts/jive", "jive-username-link", "_jive_", "jive-thread-info",
               "thread.jspa", "jive-description", "j-thread-post", "jiveTT-hover-user")
    STRONG = ("Powered by Jive", 'content="Jive', "Jive SBS", "Clearspace Community", "jivesoftware.com\">Jive",
              "Powered by <a href=\"http://www.jivesoftware.com")

    # td.jive-first: the author cell of Jive Forums tables; .j-post-author: Jive 5+ ("j-" classes)
    AUTHOR = ".jive-author, td.jive-first, .j-post-author"
    NAME = (".jive-author-name a, .jive-username-link, a[href*='/people/'], a[href*='profile.jspa'], "
            ".jive-author-name, strong, em")
    STATUS = ".jive-author-status, .jive-status-level, .jive-author-rank, .jive-rank, .j-status-levels"
    POSTS_SINCE = ".jive-author-posts"
    AVATAR = ".jive-author-avatar img, img.jive-avatar, .jive-author-avatar-container img, .j-post-avatar img"
    BODY = ".jive-rendered-content, .jive-message-body, .jive-thread-post-message, .jive-message-text"
    DATE = ".jive-thread-post-date, .jive-message-date, .jive-post-date, .jive-date, .j-post-date, .j-thread-post-date"
    SUBJECT = ".jive-thread-post-subject h2, .jive-thread-post-subject a, .jive-message-subject, .jive-subject"
    PERMALINK = ".jive-thread-post-subject a[href], a[href*='/message/'], a[href*='messageID=']"
    QUOTE = "blockquote, .jive-quote"
    QUOTE_AUTHOR = ".jive-quote-header, cite"
    SIGNATURE = ".jive-signature, .jive-author-signature, .jive-message-signature"
    DROP = ".jive-thread-post-moderation, .jive-acclaim, .jive-thread-post-actions, .jive-thread-reply-btn"
    ATTACHMENTS = ".jive-attachments a[href], .jive-attachment a[href]"
    INFO = (".jive-thread-info, #jive-thread-info, .jive-thread-stats, #jive-thread-stats, .j-thread-info, "
            ".j-thread-stats")
    THREAD_TITLE = "#jive-body-intro h1, .jive-thread-title, .j-thread-title, h1"
    CRUMBS = "#jive-breadcrumb a, .jive-breadcrumb a, #jive-breadcrumbs a"
    # parse: the page-level boxes from one class/id pass (THREAD_TITLE's parts looked up inside them)
    PAGE_BOXES = {"authors": AUTHOR, "bodies": BODY, "body_intro": "#jive-body-intro",
                  "thread_title": ".jive-thread-title", "j_thread_title": ".j-thread-title",
                  **{f"info{i}": part.strip() for i, part in enumerate(INFO.split(","))}}

    def detect(self, doc) -> float:
        return common.detect_score(doc, self.MARKERS, self.STRONG, self.GATE)

    def parse(self, doc, ctx) -> Thread:
        tree = doc.tree
        base = common.page_base(tree, ctx.url)
        found = by_class(tree, **self.PAGE_BOXES)
        boxes = _PostBoxes(found["bodies"])
        seen = set()
        units = []
        for author_el in found["authors"]:
            box = boxes.around(author_el)
            if box is None or box in seen:
                continue
            seen.add(box)
            units.append((box, author_el))
        scope = PostScope([box for box, _author in units])  # one lookup per selector for all posts
        scopes = scope, PostScope([author for _box, author in units], within=scope)
        posts = [p for p in (self._post(box, author_el, scopes, base, ctx) for box, author_el in units)
                 if p is not None]
        info = text_of(next((el for i in range(len(self.INFO.split(","))) for el in found[f"info{i}"]), None)) or ""
        views, replies = _VIEWS.search(info), _REPLIES.search(info)
        latest = _LATEST.search(info)
        title = next(filter(None, map(text_of, (  # common.pick_text(tree, self.THREAD_TITLE)
            el for candidates in (within(found["body_intro"], "h1"), found["thread_title"], found["j_thread_title"],
                                  tree.iter("h1")) for el in candidates))), None)
        if posts and posts[0].title:  # the starter's subject; on later pages a reply's "Re: ..."
            title = re.sub(r"^\s*Re:\s*", "", posts[0].title, flags=re.I)
        return Thread(
            title=title or _page_title(tree),
            url=common.canonical(tree, base) or ctx.url,
            breadcrumbs=common.crumbs(select(tree, self.CRUMBS), title),
            views=parse_count(views.group(1), allow_abbrev=False) if views else None,
            reply_count=parse_count(replies.group(1), allow_abbrev=False) if replies else None,
            latest_reply=LatestReply(author=latest.group(2), timestamp=ctx.dates.iso(latest.group(1)))
            if latest else None,
            posts=posts,
        )

    def _post(self, box, author_el, scopes, base, ctx) -> Post | None:
        scope = scopes[0]
        body_el = scope.pick(box, *common.parts(self.BODY))
        body = extract_body(body_el, quote_css=self.QUOTE, quote_author_css=self.QUOTE_AUTHOR,
                            signature_css=self.SIGNATURE, edit_css=None, drop_css=self.DROP)
        text, edited = _split_edit_note(body.text)
        if not text:
            return None
        raw = scope.text(box, *common.parts(self.DATE)) or _posted_line(box, scope)
        link = scope.pick(box, *common.parts(self.PERMALINK))
        href = link.get("href") if link is not None else None
        post_id = common.number_suffix(box.get("id")) or _message_id(href)
        return Post(
            post_id=post_id,
            permalink=common.absolute(base, href),
            author=self._author(author_el, box, scopes, base, ctx),
            timestamp=ctx.dates.iso(raw) if raw else None,
            timestamp_raw=raw,
            title=scope.text(box, *common.parts(self.SUBJECT)),
            body=text,
            body_html=body.html,
            quotes=body.quotes,
            edited=edited,
            attachments=[common.absolute(base, a.get("href")) for a in scope.all(box, self.ATTACHMENTS)],
        )

    def _author(self, el, box, scopes, base, ctx) -> Author | None:
        scope, in_author = scopes
        name_el = in_author.first(el, *common.parts(self.NAME))
        if name_el is None:
            return None
        link = name_el if name_el.tag == "a" else select_one(name_el, "a[href]")
        href = link.get("href") if link is not None else None
        stats = common.stats_from_lines(common.lines(el), ctx)
        since = _SINCE.search(text_of(in_author.pick(el, *common.parts(self.POSTS_SINCE))) or text_of(el) or "")
        if since:
            stats["post_count"] = parse_count(since.group(1), allow_abbrev=False)
            stats["joined"] = ctx.dates.parse(since.group(2)).iso()
        status = in_author.pick(el, *common.parts(self.STATUS))
        rank = text_of(status) or (common.image_label(status) if status is not None else None)
        avatar = in_author.pick(el, *common.parts(self.AVATAR))
        avatar = scope.pick(box, *common.parts(self.AVATAR)) if avatar is None else avatar
        sig = scope.pick(box, *common.parts(self.SIGNATURE))
        return Author(
            name=text_of(name_el) or "",
            rank=rank,
            post_count=stats.get("post_count"),
            joined=stats.get("joined"),
            location=stats.get("location"),
            user_id=(attr(link, "data-userid") if link is not None else None) or common.query_id(href, "userID"),
            profile_url=common.absolute(base, href),
            avatar_url=common.absolute(base, attr(avatar, "src")),
            signature="\n".join(common.lines(sig)) or None if sig is not None else None,
        )


class _PostBoxes:
    """Which elements hold message bodies, counted once for the page's `bodies` (all matches
    of the BODY selector, in document order)."""

    def __init__(self, bodies):
        self.held: dict = {}  # element -> how many bodies are at or under it
        self.outer: dict = {}  # element -> how many of those have no body above them at or under it
        body_set = set(bodies)
        for body in bodies:
            above = next((a for a in body.iterancestors() if a in body_set), None)  # the nearest body above
            outer = True
            for node in (body, *body.iterancestors()):
                if node is above:
                    outer = False
                self.held[node] = self.held.get(node, 0) + 1
                if outer:
                    self.outer[node] = self.outer.get(node, 0) + 1

    def around(self, author_el):
        """The smallest element around an author block that also holds a message body; None when
        that element holds several bodies (the author block was no post's, e.g. a "latest reply")."""
        for anc in author_el.iterancestors():
            if self.held.get(anc):
                return anc if self.outer.get(anc) == 1 else None
        return None


def _posted_line(box, scope) -> str | None:
    """Jive Forums prints "Posted: DATE" in a description line."""
    for el in scope.all(box, ".jive-description"):
        m = _POSTED.match(text_of(el) or "")
        if m:
            return m.group(1)
    return None


def _message_id(href: str | None) -> str | None:
    m = _MESSAGE_ID.search(href or "")
    return m.group(1) if m else None


def _split_edit_note(text: str) -> tuple[str, str | None]:
    """Jive appends "Message was edited by: NAME" as the last paragraph of the body."""
    head, _, last = text.rpartition("\n\n")
    if _EDITED.match(last):
        return head.strip(), None
    return text, None


def _page_title(tree) -> str | None:
    title = common.page_title(tree)
    return title.split(" | ")[0].strip() if title else None


ADAPTERS = (JiveText, JiveHtml)
