"""Quote boxes inside a post's text: closed by "Click to expand...", by their indentation, by a
centred column (lynx), or, in dumps that show no end, where their lines stop repeating the page."""
from __future__ import annotations

import re

from ...records import Quote
from ..repeats import SaidBefore, word_key
from ..signatures import SIGN_OFF
from ..tokens import Token
from .parts import PostParts

EXPAND = re.compile(r"^(?:click to expand|нажмите для раскрытия|zum (?:erweitern|vergrößern) anklicken|"
                     r"cliquez pour (?:agrandir|développer)|haz clic para expandir|clique para expandir|"
                     r"clicca per espandere|klik om uit te vouwen|kliknij,? aby rozwinąć)"
                     r"\.*…?(?:\s*click to shrink\.*…?)?$", re.I)


def skip_quote(tokens: list[Token], i: int, base: int, parts: PostParts) -> int:
    """Skip a quote block: up to "Click to expand...", the lines indented deeper than the body,
    or else up to a blank line."""
    head = tokens[i]
    if not head.data.get("author") and not head.data.get("rest"):
        k = next((k for k in range(i + 1, min(len(tokens), i + 3)) if tokens[k].kind != "blank"), None)
        if k is not None and tokens[k].kind == "quote_header" and tokens[k].data.get("author"):
            i, head = k, tokens[k]  # "Quote:" over "Originally posted by X": one box, X's
    quoted = [head.data.get("rest") or ""]
    j = i + 1
    while not quoted[0] and j < len(tokens) and tokens[j].kind == "blank":
        j += 1
    # XenForo closes its quote boxes with "Click to expand...": where it shows, it ends the quote
    for k in range(j, min(len(tokens), j + 60)):
        if tokens[k].kind == "quote_header":
            break
        if tokens[k].kind == "body" and EXPAND.match(tokens[k].text):
            quoted += [t.text for t in tokens[j:k] if t.kind != "blank"]
            parts.quotes.append(Quote(author=head.data.get("author"), text="\n".join(q for q in quoted if q)))
            parts.open_from = None
            return k + 1
    centred = _centred_end(tokens, j, base)
    if centred is not None:
        quoted += [t.text for t in tokens[j:centred] if t.kind != "blank"]
        parts.quotes.append(Quote(author=head.data.get("author"), text="\n".join(q for q in quoted if q)))
        parts.open_from = None
        return centred
    indented = head.indent > base or any(t.indent > base for t in tokens[j:j + 3] if t.kind != "blank")
    parts.open_quote = not indented
    if indented:
        parts.open_from = None
    elif parts.open_from is None:
        parts.open_from = len(parts.quotes)
    first = next((t for t in tokens[j:j + 3] if t.kind != "blank"), None)
    column = min(head.indent, first.indent) if first is not None else head.indent  # where the quote's lines sit
    parts.ran_on = False
    while j < len(tokens):
        tok = tokens[j]
        if tok.kind == "blank":
            if not indented:
                k = next((k for k in range(j, len(tokens)) if tokens[k].kind != "blank"), len(tokens))
                if k < len(tokens) and SIGN_OFF.match(tokens[k].text):
                    j = k + 1  # the quoted post's app sign-off closes the quote ("Sent from my ...")
                break
            j += 1
            continue
        if indented and (tok.indent <= base or tok.indent < column):
            break  # back at the text's column, or left of the quote's own column
        if EXPAND.match(tok.text):  # XenForo closes its quote boxes with "Click to expand..."
            j += 1
            break
        if tok.kind in ("button", "rule") and tok.indent <= base:
            break
        if indented and (tok.kind == "button" and tok.indent != column or tok.kind == "edit"):
            parts.ran_on = True
            break  # the post's buttons or edit note, set apart from the quote's column: never quoted
        quoted.append(tok.text)
        j += 1
    else:
        parts.ran_on = indented
    parts.quotes.append(Quote(author=head.data.get("author"), text="\n".join(q for q in quoted if q)))
    return j


def _centre(tok: Token) -> float:
    return tok.indent + len(tok.text) / 2


def _centred_end(tokens: list[Token], j: int, base: int) -> int | None:
    """Where a quote box ends whose lines the renderer centres (lynx, a quote table in a centred
    cell: phpBB 2): its full lines start at the text's own column, so indentation does not tell
    the quote from the reply, but every quoted line shares one centre. None when the lines
    from `j` are not centred (a line clearly shifted right among them, all on one centre)."""
    run = []
    for tok in tokens[j:j + 8]:
        if tok.kind == "blank":
            break
        run.append(tok)
    left = min((t.indent for t in run), default=0)
    shifted = sorted(_centre(t) for t in run if t.indent > left)  # the shorter lines, set right by centring
    if not shifted:
        return None  # one column for all lines: left-aligned (an indented quote box), not centred
    centre = shifted[len(shifted) // 2]
    lead = next((n for n, t in enumerate(run) if abs(_centre(t) - centre) > 1), len(run))
    # two shifted lines of different lengths on one centre: no coincidence of one short line
    if len({t.indent for t in run[:lead] if t.indent >= left + 3}) < 2:
        return None
    k = j
    while k < len(tokens):
        tok = tokens[k]
        if tok.kind == "blank":  # the box goes on past a blank line only with another shifted line
            nxt = next((n for n in range(k, len(tokens)) if tokens[n].kind != "blank"), len(tokens))
            if nxt == len(tokens) or tokens[nxt].indent < base + 2 or abs(_centre(tokens[nxt]) - centre) > 1:
                return k
            k = nxt
            continue
        if tok.kind in ("button", "rule", "quote_header") or abs(_centre(tok) - centre) > 1:
            return k
        k += 1
    return k


def end_open_quote(parts: PostParts, earlier: SaidBefore) -> None:
    """A quote whose end the dump does not show (no indentation, no blank line after it: browser
    copy, WET) ends where its lines stop repeating what earlier posts on the page said."""
    quote = parts.quotes[-1]
    lines = [line for line in quote.text.split("\n") if line.strip()]
    if len(lines) < 2 or not earlier:
        return
    k = 0
    while k < len(lines) and word_key(lines[k]) and earlier.has(word_key(lines[k])):
        k += 1
    if 0 < k < len(lines):  # nothing repeated: the quoted post is not on this page; leave it be
        parts.quotes[-1] = Quote(author=quote.author, text="\n".join(lines[:k]))
        reply = "\n".join(lines[k:])
        parts.body = f"{reply}\n\n{parts.body}" if parts.body else reply
