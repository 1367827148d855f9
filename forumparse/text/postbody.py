"""A post's text from the scanned lines between its header and its end, for the engine text
adapters: quote boxes (a "X wrote:" header and the lines under it, or a block indented deeper
than the text), edit notes, code/quote labels and buttons are left out.
"""
from __future__ import annotations

import re

from ..records import Quote
from .tokens import Token, paragraphs

_LABEL = re.compile(r"^(?:code|quote|spoiler|zitat|код|цитата|citation|cita)\s*:?\s*(?:select all|expand|collapse|"
                    r"alles auswählen|выделить всё)?\s*$", re.I)
_EXPAND = re.compile(r"^(?:click to expand|(?:read|show|see) more|expand|нажмите для раскрытия|zum erweitern anklicken|"
                     r"cliquez pour (?:agrandir|développer)|haz clic para expandir|clique para expandir)\.*…?"
                     r"(?:\s*click to shrink\.*…?)?$", re.I)
# What a browser prints for a picture: its alt text, often the uploaded file's name.
_IMAGE_ALT = re.compile(r"^!?(?:\[?[^\s\[\]][^\[\]]{0,120}\.(?:png|jpe?g|gif|webp|bmp)\]?|alt text|image|\[image\])$",
                        re.I)
_BUTTON_KINDS = ("button", "nav", "postnum", "rule", "status")


def body_and_quotes(tokens: list[Token], *, indented_quotes: bool = True, outdented_quotes: bool = False,
                    stop=None, base: int | None = None, seen=None) -> tuple[str, tuple[Quote, ...], str | None]:
    """(text, quotes, edit note or None) of a post's lines. `stop(tok)` ends the text early (a footer line).

    With `indented_quotes`, a block indented deeper than the text is a quote box even
    without a header (browsers indent <blockquote>): engines whose text is never indented.
    With `outdented_quotes`, a block indented less than the text is one too (lynx prints a
    blockquote inside a list item left of the item's text); `base` is then the text's
    column (that of the post's header lines), else the least indented line's.
    `seen(line)` tells whether a line repeats an earlier post (a `SeenLines`): a quote box
    without indentation then runs over the repeated lines (else up to a blank line)."""
    if stop is not None:
        end = next((i for i, t in enumerate(tokens) if t.kind != "blank" and stop(t)), len(tokens))
        tokens = tokens[:end]
    content = [t for t in tokens if t.kind not in ("blank",)]
    if base is None:
        base = min((t.indent for t in content if t.kind in ("body", "date") and not t.bullet), default=0)
    out: list[Token] = []
    quotes: list[Quote] = []
    edited = None
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if stop is not None and tok.kind != "blank" and stop(tok):
            break
        if tok.kind == "edit":
            edited = edited or tok.text
            i += 1
            continue
        if tok.kind == "quote_header" or (tok.kind == "body" and _LABEL.match(tok.text)
                                          and _next_indented(tokens, i, base)):
            i = _skip_quote(tokens, i, base, quotes, seen)
            continue
        if tok.kind != "blank" and not tok.bullet and (indented_quotes and tok.indent >= base + 2
                                                        or outdented_quotes and tok.indent <= base - 2):
            i = _skip_block(tokens, i, base, quotes, None)
            continue
        if tok.kind == "status" and _sentence(tok.text):
            out.append(tok)  # "... play online on ps3 ..." is text, not an online status
            i += 1
            continue
        if tok.kind in _BUTTON_KINDS or (tok.kind in ("body", "date") and (_LABEL.match(tok.text)
                                                                            or _IMAGE_ALT.match(tok.text))):
            i += 1
            continue
        out.append(tok)
        i += 1
    return paragraphs(out), tuple(quotes), edited


def _sentence(text: str) -> bool:
    return len(text.split()) > 5 or text.rstrip().endswith((".", "!", "?", ","))


def _next_indented(tokens: list[Token], i: int, base: int) -> bool:
    nxt = next((t for t in tokens[i + 1:i + 4] if t.kind != "blank"), None)
    return nxt is not None and nxt.indent > base


def _skip_quote(tokens: list[Token], i: int, base: int, quotes: list[Quote], seen=None) -> int:
    head = tokens[i]
    author = head.data.get("author") if head.kind == "quote_header" else None
    rest = head.data.get("rest") or ""
    j = i + 1
    while j < len(tokens) and tokens[j].kind == "blank":
        j += 1
    if j < len(tokens) and (tokens[j].indent > base or head.indent > base
                            or tokens[j].indent < base - 1 and head.indent <= base):
        return _skip_block(tokens, j, base, quotes, author, first=rest)  # indented apart from the text
    # no indentation to go by: the quote runs to its "Click to expand..." line, else to a blank line
    close = next((k for k in range(j, min(len(tokens), j + 400)) if _EXPAND.match(tokens[k].text)
                  or tokens[k].kind == "quote_header"), None)
    if close is not None and _EXPAND.match(tokens[close].text):
        quoted = [rest] + [t.text for t in tokens[j:close] if t.kind != "blank"]
        quotes.append(Quote(author=author, text="\n".join(q for q in quoted if q).strip()))
        return close + 1
    quoted = [rest] if rest else []
    if seen is not None and j < len(tokens) and _repeats(tokens[j], seen):
        while j < len(tokens) and (tokens[j].kind == "blank" or _repeats(tokens[j], seen)):
            quoted.append(tokens[j].text)  # nested quote headers go along
            j += 1
    elif any(t.kind == "blank" for t in tokens[j:]):
        while j < len(tokens) and tokens[j].kind != "blank":
            quoted.append(tokens[j].text)
            j += 1
    # else a dump without blank lines (WET): nothing tells where the quote ends; it keeps its header line
    quotes.append(Quote(author=author, text="\n".join(q for q in quoted if q).strip()))
    return j


def _repeats(tok: Token, seen) -> bool:
    if tok.kind == "quote_header":
        return not tok.data.get("rest") or seen(tok.data["rest"])
    return seen(tok.text)


def _skip_block(tokens: list[Token], i: int, base: int, quotes: list[Quote], author, first: str = "") -> int:
    quoted = [first] if first else []
    j = i
    while j < len(tokens):
        tok = tokens[j]
        if tok.kind != "blank" and (tok.indent <= base if tokens[i].indent > base else tok.indent >= base):
            break
        if _EXPAND.match(tok.text):
            j += 1
            break
        if tok.kind != "blank":
            quoted.append(tok.text)
        j += 1
    quotes.append(Quote(author=author, text="\n".join(quoted).strip()))
    return j
