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
RELOAD = re.compile(r"^reload this page\s*(?:\(L\+CR\))?\s+(?P<title>\S.*)$", re.I)
THREAD_LABEL = re.compile(r"^(?:thread|thema|discussion|sujet|tema)\s*:\s*(?P<title>\S.{2,200})$", re.I)
QUOTE_LABEL = re.compile(r"^(?:quote|zitat|citation|cita|citazione|citação|цитата)\s*:?\s*$", re.I)
MARKERS = (
    re.compile(r"^\s*(?:[•*□◦▪+-]\s*)?Join Date:?\s*(?:\S.*)?$", re.M),
    re.compile(r"^\s*(?:Quote:?\s*)?Originally Posted by\s+\S|^\s*Zitat Zitat von\s+\S", re.M | re.I),
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
        parts = segment(tokens, anchors)
        thread = build_thread(doc, ctx, tokens, parts)
        first = min(parts[0].head_start, parts[0].first_line or parts[0].head_start)
        second = parts[1].head_start if len(parts) > 1 else len(tokens)
        return attrs.evolve(thread, title=_title(tokens, first, second) or thread.title,
                            posts=tuple(split_signatures(split_sign_offs(list(thread.posts)))))


def _title(tokens: list[Token], first: int, second: int) -> str | None:
    """vBulletin 3's navbar "Reload this Page TITLE"; "Thread: TITLE"; else the line above the
    posts (a breadcrumb's last part, or a heading) that the first post repeats as its subject."""
    above = [(i, t) for i, t in enumerate(tokens[:first]) if t.kind != "blank" and len(t.text) < 200]
    for _, tok in above:
        m = RELOAD.match(tok.text) or THREAD_LABEL.match(tok.text)
        if m:
            return re.split(r"\s{2,}", m.group("title").strip())[0]
    # the first post's subject may stand just above its date line
    own = [(i, t.text) for i, t in enumerate(tokens[max(0, first - 4):second], max(0, first - 4))
           if t.kind == "body"]
    for i, tok in reversed(above):
        text = re.split(r"\s+[>»›]\s+", tok.text)[-1].strip()
        if len(text) >= 3 and any(k != i and (line == text or line.endswith(("] " + text, ": " + text)))
                                  for k, line in own):
            return text
    return None


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
