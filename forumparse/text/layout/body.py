"""A post's text between its header and its end: statistics, a profile block after the text, code
boxes, the rule under a subject line, and quotes handed to quotes.py."""
from __future__ import annotations

import re

from ...records import Quote
from ..repeats import SaidBefore
from ..tokens import Token, paragraphs
from .anchors import LIKED
from .names import RE_LINE, clean_name, is_text, name_like, named_line
from .parts import PostParts
from .quotes import end_open_quote, skip_quote


def read_stats(tokens: list[Token], parts: PostParts) -> None:
    for tok in tokens:
        if tok.kind == "stat" and tok.data.get("value"):
            parts.stats.setdefault(tok.data["field"], tok.data["value"])


_CODE_LABEL = re.compile(r"^(?:code|quote|spoiler|zitat|код|цитата|引用|代码)\s*[:：]?\s*(?:select all|expand|collapse|"
                         r"alles auswählen|выделить всё)?\s*$", re.I)


def _profile_after_body(tokens: list[Token], parts: PostParts) -> int | None:
    """Where a profile block (name, rank, statistics) placed after the body starts."""
    if not parts.author:
        return None
    for i, tok in enumerate(tokens):
        if tok.kind == "body" and named_line(tok, parts.author):  # "NAME RANK" on one line (WET)
            rest = [t for t in tokens[i + 1:i + 8] if t.kind != "blank"]
            if rest and rest[0].kind == "stat":
                parts.rank = parts.rank or clean_name(tok.text[len(parts.author):].strip())
                return i
        if tok.kind != "body" or tok.text != parts.author:
            continue
        rest = [t for t in tokens[i + 1:i + 8] if t.kind != "blank"]
        if rest and rest[0].kind == "stat":
            return i
        if len(rest) > 1 and rest[0].kind == "body" and name_like(rest[0].text) and rest[1].kind == "stat":
            parts.rank = parts.rank or clean_name(rest[0].text)
            return i
    return None


def read_body(tokens: list[Token], parts: PostParts, last: bool, subjects=frozenset(), earlier=None) -> None:
    profile = _profile_after_body(tokens, parts)
    if profile is not None:
        tokens = tokens[:profile]
    end = next((i for i, t in enumerate(tokens) if t.kind == "button"), len(tokens))
    base = min((t.indent for t in tokens[:end] if t.kind == "body"), default=0)
    out: list[Token] = []
    code = 0  # inside a code box ("Code: Select all") since this many lines: its lines are text
    edit_at = None  # where the post's edit note stood, with no reply between a quote and it
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        kind = tok.kind
        if code:
            code = 0 if kind == "blank" and code > 1 and tokens[i - 1].kind == "blank" else code + 1
            if code and kind in ("stat", "stat_value"):
                out.append(Token("body", tok.text, tok.line, tok.indent))
                i += 1
                continue
        if kind == "rule":
            text = [t for t in out if t.kind == "body"]
            after = next((t for t in tokens[i + 1:i + 4] if t.kind != "blank"), None)
            long_rule = len(tok.text) >= 30 or tok.text == "* * *"  # html2text's <hr>
            subject = all(t.text in subjects or RE_LINE.match(t.text) for t in text) or (
                long_rule and all(name_like(t.text) for t in text) and after is not None
                and is_text(after)) or (
                # the end of a header line the renderer wrapped ("... Post subject: Record" /
                # "Producer - The Way"), right under it
                long_rule and len(text) == 1 and text[0].line == parts.anchor.line + 1
                and len(text[0].text) <= 60 and not text[0].text.endswith((".", "!", "?", "。", "！", "？")))
            if len(text) <= 1 and subject:
                out.clear()  # a rule under the post's subject line separates header and text
                i += 1
                continue
            break
        if kind == "button":
            break
        if kind == "stat" and any(t.kind == "body" for t in out) and not tok.data.get("left"):
            break  # the author's statistics after the text: a profile block closes the post
        if kind == "nav" and last:
            break
        if kind == "quote_header":
            i = skip_quote(tokens, i, base, parts)
            continue
        if kind == "edit" and edit_at is None and parts.quotes and not any(
                t.kind == "body" and not RE_LINE.match(t.text) for t in out):
            edit_at = len(out)
        if kind == "body" and LIKED.search(tok.text) and len(tok.text) <= 80 \
                and all(t.kind in ("blank", "button", "nav") for t in tokens[i + 1:]):
            break  # "mkoch liked this.": who liked the post, under its text
        if kind == "body" and (_CODE_LABEL.match(tok.text) or tok.data.get("left")):
            code = 1 if tok.text.lower().startswith(("code", "код")) else code
        elif kind in ("body", "date", "blank"):
            out.append(tok)
        i += 1
    while out and out[0].kind == "blank":
        out.pop(0)
    if out and out[0].kind == "body" and parts.quotes and RE_LINE.match(out[0].text) and len(out[0].text) < 200:
        out.pop(0)  # the post's subject ("Re: TITLE") over a quote box: no text of the reply
    parts.body = paragraphs(out)
    if (not parts.body or edit_at is not None) and parts.ran_on and not parts.open_quote and parts.quotes \
            and parts.quotes[-1].text.count("\n") >= 1:
        # an indented quote box holding all the post's text (up to its edit note): the renderer set
        # the reply at the quote's indentation with no line between (lynx); a post is never a bare
        # quote, so the quote keeps its first line and the rest is the reply
        quote = parts.quotes[-1]
        first, rest = quote.text.split("\n", 1)
        parts.quotes[-1] = Quote(author=quote.author, text=first, post_id=quote.post_id)
        parts.body = f"{rest.strip()}\n\n{parts.body}".strip()
    if parts.open_quote and parts.quotes and parts.quotes[-1].text:
        end_open_quote(parts, earlier or SaidBefore())
    if not parts.body and parts.open_quote and parts.quotes and parts.quotes[-1].text:
        # a quote with nothing after it: without indentation the quote's end was not seen, and
        # the reply is in there too (in each of the open quotes in a row, lynx); keep the words
        # rather than lose the post
        first = parts.open_from if parts.open_from is not None else len(parts.quotes) - 1
        parts.body = "\n\n".join(q.text for q in parts.quotes[first:] if q.text)
        del parts.quotes[first:]


def drop_signature(tokens: list[Token]) -> list[Token]:
    """The lines right above a closing date line, indented apart from the text, are a signature."""
    body = [t for t in tokens if t.kind == "body"]
    if len(body) < 2:
        return tokens
    base = body[0].indent
    end = len(tokens)
    while end > 0 and (tokens[end - 1].kind in ("blank", "nav") or tokens[end - 1].indent > base + 1):
        end -= 1
    return tokens[:end] if any(t.kind == "body" for t in tokens[:end]) else tokens
