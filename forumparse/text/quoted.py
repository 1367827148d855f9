"""Quote boxes that a text dump does not set apart: the quoted lines sit at the text's own
indentation, with no blank line after them, so where the quote ends is not shown. But a
quote repeats a post, and the quoted post is often on the same page, above the quote:
the lines under a quote header whose words run on in the page text above are the quote.

`indent_echoed_quotes` sets such lines deeper, as a renderer that indents quote boxes
would have shown them; the layout code then ends the quote where the indentation ends.
"""
from __future__ import annotations

from .repeats import SaidBefore, word_key
from .tokens import Token

MIN_WORDS = 3  # the first quoted line must repeat at least this many words
DEPTH = 4  # how much deeper the quoted lines are set


def indent_echoed_quotes(tokens: list[Token], is_header=None) -> list[Token]:
    """Tokens with the echoed lines under each quote header set deeper than the header.

    `is_header(tok)` says which tokens open a quote (default: quote_header tokens). A header
    whose lines are already indented deeper is left alone."""
    is_header = is_header or (lambda t: t.kind == "quote_header")
    out = list(tokens)
    stream = [word_key(t.text) if t.kind != "blank" else "" for t in tokens]
    quoted: set[int] = set()  # lines already found quoted: a quote leaves nested quotes out
    moves: dict[int, list[int]] = {}
    above, done = SaidBefore(), 0  # the page's words above the current header (built as headers come)
    for h, head in enumerate(tokens):
        if not is_header(head):
            continue
        # lines above h are final here: quotes found later all lie below their own headers
        new = " ".join(w for n, w in enumerate(stream[done:h], done) if w and n not in quoted)
        above.add(new)
        done = h
        j = h + 1
        while j < len(tokens) and (tokens[j].kind == "blank" or _aside(tokens[j])):
            j += 1
        if j >= len(tokens) or tokens[j].indent > head.indent or is_header(tokens[j]):
            continue
        run = _echo_run(tokens, j, above)
        quoted.update(run)
        for k in run:
            tok = out[k]
            out[k] = Token(tok.kind, tok.text, tok.line, head.indent + DEPTH, tok.bullet, dict(tok.data))
        if run:  # author column lines among the quoted ones go above the header
            moves[h] = [k for k in range(h + 1, run[-1]) if _aside(tokens[k])]
            _reply_at_header_column(tokens, out, run[-1] + 1, head.indent, is_header)
    if not moves:
        return out
    moved = {k for ks in moves.values() for k in ks}
    result = []
    for i, tok in enumerate(out):
        result.extend(out[k] for k in moves.get(i, ()))
        if i not in moved:
            result.append(tok)
    return result


def _reply_at_header_column(tokens: list[Token], out: list[Token], k: int, column: int, is_header) -> None:
    """The reply under an echoed quote, where the renderer centred it (w3m, a centred cell) deeper
    than the quote header, goes to the header's column: the quote ends where the echo ends."""
    while k < len(tokens) and tokens[k].kind in ("body", "date", "blank") and not is_header(tokens[k]):
        tok = out[k]
        if tok.kind != "blank" and tok.indent > column:
            out[k] = Token(tok.kind, tok.text, tok.line, column, tok.bullet, dict(tok.data))
        k += 1


def _aside(tok: Token) -> bool:
    """Author column material that an unfolded side-by-side dump puts among the text lines."""
    return tok.kind in ("stat", "stat_value") or bool(tok.data.get("left"))


def _echo_run(tokens: list[Token], j: int, above: SaidBefore) -> list[int]:
    """Indexes of the lines from `j` on that repeat text found in `above`: a run of lines
    whose words follow on in it (a new run may start where the quote skipped a part)."""
    run: list[int] = []
    seq = ""
    pending: list[int] = []  # blank lines inside the quote
    k = j
    while k < len(tokens):
        tok = tokens[k]
        if tok.kind == "blank" or _aside(tok):
            pending.append(k)
            k += 1
            continue
        if tok.kind in ("quote_header", "button", "status", "rule", "postnum"):
            break
        words = word_key(tok.text)
        if not words:
            k += 1
            continue
        if seq and above.has(f"{seq} {words}"):
            seq = f"{seq} {words}"
        elif len(words.split()) >= MIN_WORDS and above.has(words):
            seq = words
        elif not seq and above.has(f"{words} {_next_words(tokens, k)}"):
            seq = words  # a short first line ("@name") that the next line runs on from
        else:
            break
        run.extend(p for p in pending if not _aside(tokens[p]))
        pending.clear()
        run.append(k)
        k += 1
    return run


def _next_words(tokens: list[Token], k: int) -> str:
    nxt = next((t for t in tokens[k + 1:k + 4] if t.kind != "blank"), None)
    words = word_key(nxt.text) if nxt is not None and nxt.kind in ("body", "date") else ""
    return words if len(words.split()) >= MIN_WORDS else "\x00"
