"""vBulletin 3/4/5 threads as text: the generic layout (a date line per post, the profile
around it: name, user title, "Join Date: Feb 2011", "Posts: 1,234", "NAME is offline"),
with vBulletin's quote boxes read: "Quote:" / "Originally Posted by X View Post" (German
"Zitat Zitat von X Beitrag anzeigen") over the quoted text, which the dump often does not
set apart from the reply (see text/quoted.py); signatures repeated under one author's
posts are split off."""
from __future__ import annotations

import re

import attrs

from ..errors import NotAThreadError
from ..text.layout import choose_anchors, segment
from ..text.normalize import plain
from ..text.quoted import indent_echoed_quotes
from ..text.signatures import split_sign_offs, split_signatures
from ..text.tokens import Token, scan
from .base import Adapter
from .generic_text import build_thread

# "Quote Originally Posted by X View Post", "Zitat Zitat von X Beitrag anzeigen"
QUOTE_HEAD = re.compile(
    r"^(?:(?:quote|zitat|citation|cita|citazione|citação|цитата)\s*:?\s*)*"
    r"(?:originally posted by|zitat von|ursprünglich geschrieben von|citation de|cita de|originalmente (?:postado|"
    r"publicado|escrito) por|originariamente inviato da|messaggio originale di|сообщение от|автор)\s+"
    r"(?P<author>.{1,60}?)(?:\s+(?:view post|beitrag anzeigen|voir le message|ver mensaje|ver post|ver mensagem|"
    r"visualizza messaggio|посмотреть сообщение))?\s*$", re.I)
QUOTE_LABEL = re.compile(r"^(?:quote|zitat|citation|cita|citazione|citação|цитата)\s*:?\s*$", re.I)
MARKERS = (
    re.compile(r"^\s*Join Date:?\s*(?:\S.*)?$", re.M),
    re.compile(r"^\s*(?:Quote:?\s*)?Originally Posted by\s+\S|^\s*Zitat Zitat von\s+\S", re.M),
    re.compile(r"\bReply With Quote\b|\bMit Zitat antworten\b|\bRépondre avec citation\b"),
    re.compile(r"\S\s+(?:is|ist) (?:offline|online)\b"),
    re.compile(r"powered by vbulletin|vbulletin(?:®|\s+solutions|\s+version|\s+\d)", re.I),
    re.compile(r"^\s*(?:(?:\d+\.\s+)?\d\d-\d\d-\d{4},\s+\d\d:\d\d\s*(?:AM|PM)\s+#\d+|#\d+\s*$)", re.M),
)


class VBulletinText(Adapter):
    name = "vbulletin"
    format = "text"
    description = "vBulletin 3/4/5 threads as text dumps"

    def detect(self, doc) -> float:
        head = plain(doc.text)[:400_000]
        hits = [bool(rx.search(head)) for rx in MARKERS]
        if not (hits[0] or hits[1]) or sum(hits) < 3:
            return 0.0  # "Join Date" or vBulletin's quote header, and two more signs
        return min(0.85, 0.45 + 0.1 * sum(hits))

    def parse(self, doc, ctx):
        tokens = _drop_menus(_quote_heads(scan(plain(doc.text), ctx.dates)))
        tokens = indent_echoed_quotes(tokens)
        anchors = choose_anchors(tokens)
        if not anchors:
            raise NotAThreadError("no repeated post layout found in the text")
        thread = build_thread(doc, ctx, tokens, segment(tokens, anchors))
        return attrs.evolve(thread, posts=tuple(split_signatures(split_sign_offs(list(thread.posts)))))


def _quote_heads(tokens: list[Token]) -> list[Token]:
    """vBulletin's quote headers as quote_header tokens; a "Quote:" label over one is dropped."""
    out = list(tokens)
    for i, tok in enumerate(tokens):
        if tok.kind == "blank" or len(tok.text) > 120:
            continue
        m = QUOTE_HEAD.match(tok.text)
        if m:
            out[i] = Token("quote_header", tok.text, tok.line, tok.indent, tok.bullet,
                           {"author": m.group("author").strip(" :"), "rest": ""})
    for i, tok in enumerate(out):
        if QUOTE_LABEL.match(tok.text):
            nxt = next((t for t in out[i + 1:i + 3] if t.kind != "blank"), None)
            if nxt is not None and nxt.kind == "quote_header":
                out[i] = Token("blank", "", tok.line, tok.indent)
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


ADAPTERS = (VBulletinText,)
