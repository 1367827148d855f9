"""The text pipeline shared by the classic bulletin boards (vBulletin, phpBB, Forumotion):
the generic layout, with quote boxes the dump does not set apart found by their echo
(text/quoted.py), profile menus dropped, the user title read from the profile block,
and signatures split off (repeated closing lines, app sign-offs)."""
from __future__ import annotations

import re

import attrs

from ..errors import NotAThreadError
from ..text.dump import dump_tokens
from ..text.layout import PostParts, choose_anchors, name_like, segment, wrap_width, wraps_into
from ..text.quoted import indent_echoed_quotes
from ..text.signatures import split_sign_offs, split_signatures
from ..text.threadinfo import _NAV_WORDS
from ..text.tokens import QUOTE_LABEL, Token, is_buttons
from .generic_text import build_thread

_SENTENCE = re.compile(r"[.!?:;,]$")


def board_tokens(doc, ctx, quote_head: re.Pattern | None = None) -> list[Token]:
    """Scanned lines, with the engine's quote headers (`quote_head`, its author in group
    "author") typed as such, profile menus dropped, echoed quotes set deeper."""
    tokens = dump_tokens(doc, ctx)
    if quote_head is not None:
        tokens = _quote_heads(tokens, quote_head)
    return indent_echoed_quotes(_drop_menus(_footer_status(_status_wraps(tokens))))


def board_thread(doc, ctx, tokens: list[Token], anchors: list[int] | None = None, title=None):
    """The thread from the tokens: `anchors` (the post date lines) default to the generic
    choice; `title(tokens, first, second, author)` may name the title (else the generic one):
    `first` and `second` are where the first two posts start, `author` the first post's."""
    anchors = _numbered(tokens, choose_anchors(tokens)) if anchors is None else anchors
    if not anchors:
        raise NotAThreadError("no repeated post layout found in the text")
    parts = segment(tokens, anchors)
    for n, part in enumerate(parts):
        if part.rank is None and part.author:
            stop = parts[n + 1].head_start if n + 1 < len(parts) else len(tokens)
            part.rank = profile_rank(tokens, part, stop)
    thread = build_thread(doc, ctx, tokens, parts)
    thread = attrs.evolve(thread, posts=[_without_smilies(p) for p in thread.posts])
    first = min(parts[0].head_start, parts[0].first_line or parts[0].head_start)
    second = parts[1].head_start if len(parts) > 1 else len(tokens)
    named = title(tokens, first, second, parts[0].author) if title is not None else None
    return attrs.evolve(thread, title=named or thread.title,
                        posts=tuple(split_signatures(split_sign_offs(list(thread.posts)), set_apart=True)))


# What a text browser prints for a smiley image: its code (":cry:", ":lol:") or, in w3m,
# its alt text in brackets ("[smile]", "[icon_wink]").
_SMILEY = re.compile(r"(?<!\S)(?::[a-z_]{2,12}:|\[[a-z][\w-]{1,20}\])(?!\S)", re.I)


def _without_smilies(post):
    body = _SMILEY.sub("", post.body or "")
    if body == post.body:
        return post
    return attrs.evolve(post, body="\n".join(" ".join(line.split()) for line in body.split("\n")).strip())


_POST_NUMBER = re.compile(r"#\s?\d+")


def _numbered(tokens: list[Token], anchors: list[int]) -> list[int]:
    """Where most post date lines carry the post number ("post #3 of 23", "#12"), a date line
    without one is a list below the posts (similar threads, latest topics), not a post."""
    numbered = [a for a in anchors if _POST_NUMBER.search(tokens[a].text)]
    return numbered if len(numbered) * 3 >= len(anchors) * 2 and len(numbered) >= 2 else anchors


def profile_rank(tokens: list[Token], part: PostParts, stop: int) -> str | None:
    """The user title: the line under the author's name in the profile block (the name
    followed, within a few lines, by the user statistics), before or after the text."""
    for i in range(part.head_start, stop):
        if tokens[i].kind != "body" or tokens[i].text != part.author:
            continue
        after = [t for t in tokens[i + 1:min(stop, i + 12)] if t.kind != "blank"][:5]
        if not after or not any(t.kind in ("stat", "stat_value") for t in after):
            continue
        line = after[0]
        text = line.text
        if text == part.author:
            continue  # the name shown twice (avatar text, then the name): the title is under the last
        if line.kind == "body" and 2 <= len(text) <= 80 and text != part.author and not _SENTENCE.search(text) \
                and (name_like(text) or len(text.split()) <= 12):
            return text
        return None
    return None


def subject_title(tokens: list[Token], first: int, second: int, author: str | None = None) -> str | None:
    """The line above the posts (a heading, a breadcrumb's last part) that the first post
    repeats as its subject, maybe after a prefix ("[Spring 2019] TITLE", "Re: TITLE")."""
    above = [(i, t) for i, t in enumerate(tokens[:first]) if t.kind != "blank" and len(t.text) < 200]
    # the first post's subject may stand just above its date line
    own = [(i, t.text) for i, t in enumerate(tokens[max(0, first - 4):min(second, first + 40)], max(0, first - 4))
           if t.kind == "body"]
    for i, tok in reversed(above):
        text = re.split(r"\s+[>»›]\s+", tok.text)[-1].strip()
        if "____" in text or "(BUTTON)" in text or re.search(r"\[\s{3,}\]", tok.text):
            continue  # a form (search box: lynx "____", w3m "[      ]") repeated above the posts, never a title
        if _PAGE_OF.search(tok.text) or len(text.split()) <= 2 and _NAV_WORDS.search(text):
            continue  # "1 Beitrag • Seite 1 von 1": the page count; "Erweiterte Suche": a link
        repeats = sum(1 for k, line in own if k != i and _repeats(line, text))
        if len(text) >= 3 and text != author and repeats == 1:  # a name would repeat more often
            return text
    return None


_PAGE_OF = re.compile(r"\b(?:page|seite|página|pagina|страница|strona)\s+\d+\s+(?:of|von|de|di|из|z)\s+\d+", re.I)


def _repeats(line: str, text: str) -> bool:
    """`line` is `text`, maybe after a prefix: a "[tag]", a "Label:", an icon's short alt text."""
    if line == text:
        return True
    if not line.endswith(" " + text):
        return False
    prefix = line[:-len(text)].strip()
    return prefix.endswith(("]", ":")) or len(prefix) <= 3


def _quote_heads(tokens: list[Token], quote_head: re.Pattern) -> list[Token]:
    """The engine's quote headers as quote_header tokens; a "Quote:" label over one is dropped."""
    out = list(tokens)
    for i, tok in enumerate(tokens):
        if tok.kind == "blank" or len(tok.text) > 120:
            continue
        m = quote_head.match(tok.text)
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if m is None and nxt is not None and nxt.kind == "body" and len(nxt.text) <= 60 \
                and re.search(r"\b(?:by|von|par|de|da|от)$", tok.text, re.I):
            m = quote_head.match(f"{tok.text} {nxt.text}")  # the header wrapped after "Posted by" (html2text)
            if m:
                out[i + 1] = Token("blank", "", nxt.line, nxt.indent)
        if m:
            out[i] = Token("quote_header", tok.text, tok.line, tok.indent, tok.bullet,
                           {"author": m.group("author").strip(" :"), "rest": ""})
    for i, tok in enumerate(out):
        if QUOTE_LABEL.match(tok.text):
            nxt = next((t for t in out[i + 1:i + 3] if t.kind != "blank"), None)
            if nxt is not None and nxt.kind == "quote_header":
                out[i] = Token("blank", "", tok.line, tok.indent)
    return out




def _status_wraps(tokens: list[Token]) -> list[Token]:
    """ "NAME ist offline Gehöre zum Inventar 931" / "Danke erhalten.": the status line's user title
    (and counter) that a narrow dump wrapped onto the next line joins it again."""
    width = None
    out = list(tokens)
    for i, tok in enumerate(tokens[:-1]):
        if tok.kind != "status" or not tok.data.get("rest") or tokens[i + 1].kind != "body" \
                or not name_like(tok.data.get("name") or "") or len(tok.data["rest"]) > 60 \
                or len(tokens[i + 1].text) > 40:
            continue  # ("... driver updates online. This can be seen": a sentence, no status)
        width = wrap_width(tokens) if width is None else width
        if wraps_into(Token("body", tok.text, tok.line, tok.indent), tokens[i + 1], width):
            nxt = tokens[i + 1]
            data = dict(tok.data, rest=f"{tok.data['rest']} {nxt.text}")
            out[i] = Token("status", f"{tok.text} {nxt.text}", tok.line, tok.indent, tok.bullet, data)
            out[i + 1] = Token("blank", "", nxt.line, nxt.indent)
    return out


def _footer_status(tokens: list[Token]) -> list[Token]:
    """ "NAME is offline   Reply With Quote": the status beside the post's buttons ends that
    post (vBulletin 3's bottom row); it names no one for the post below."""
    out = list(tokens)
    for i, tok in enumerate(tokens):
        rest = tok.data.get("rest") if tok.kind == "status" else None
        if rest and is_buttons(rest):
            out[i] = Token("button", tok.text, tok.line, tok.indent, tok.bullet)
        elif rest and i + 1 < len(tokens) and tokens[i + 1].kind == "body" \
                and is_buttons(f"{rest} {tokens[i + 1].text}"):  # the row of buttons wrapped (lynx)
            out[i] = Token("button", tok.text, tok.line, tok.indent, tok.bullet)
            nxt = tokens[i + 1]
            out[i + 1] = Token("button", nxt.text, nxt.line, nxt.indent, nxt.bullet)
    return out


def _drop_menus(tokens: list[Token]) -> list[Token]:
    """The profile menu under each name ("View Profile", "View Forum Posts", "Private Message",
    one bulleted item a line) goes: between the name and "NAME is offline" it would cut the
    profile in two."""
    out = list(tokens)
    for i, tok in enumerate(tokens):
        if tok.kind == "button" and tok.bullet and any(
                t.kind == "button" and t.bullet for t in tokens[max(0, i - 1):i + 2] if t is not tok):
            out[i] = Token("blank", "", tok.line, tok.indent)
    return out
