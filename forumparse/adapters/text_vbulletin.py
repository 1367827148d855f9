"""vBulletin 3/4/5 threads as text: the generic layout (a date line per post, the profile
around it: name, user title, "Join Date: Feb 2011", "Posts: 1,234", "NAME is offline"),
with vBulletin's quote boxes read: "Quote:" / "Originally Posted by X View Post" (German
"Zitat Zitat von X Beitrag anzeigen") over the quoted text, which the dump often does not
set apart from the reply (see text/quoted.py); signatures repeated under one author's
posts are split off."""
from __future__ import annotations

import re

import attrs

from ..text.dump import dump_text
from ..text.layout import wrap_width, wraps_into
from ..text.tokens import Token
from ._text_board import board_thread, board_tokens, subject_title
from .base import Adapter

# "Quote Originally Posted by X View Post", "Zitat Zitat von X Beitrag anzeigen"
QUOTE_HEAD = re.compile(
    r"^(?:(?:quote|zitat|citation|cita|citazione|citação|цитата)\s*:?\s*)*"
    r"(?:originally posted by|zitat von|ursprünglich geschrieben von|ursprünglich von|citation de|envoyé par|"
    r"cita de|originalmente (?:postado|publicado|escrito) por|originariamente inviato da|messaggio originale di|"
    r"сообщение от|автор)\s+"
    r"(?P<author>.{1,60}?)(?:\s+(?:view post|beitrag anzeigen|voir le message|ver mensaje|ver post|ver mensagem|"
    r"visualizza messaggio|посмотреть сообщение))?\s*$", re.I)
RELOAD = re.compile(r"^reload this page\s*(?:\(L\+CR\))?\s+(?P<title>\S.*)$", re.I)
# the attachment list under a post's text: file names, sizes and view counts
ATTACHED = re.compile(r"^(?:attached (?:thumbnails|images|files)|angehängte (?:grafiken|dateien)|dateianhänge|"
                      r"fichiers attachés|images attachées|imágenes adjuntas|archivos adjuntos|"
                      r"прикреплённые (?:изображения|файлы))\s*$", re.I | re.M)
CRUMB = re.compile(r"\s+>\s+")
THREAD_LABEL = re.compile(r"^(?:thread|thema|discussion|sujet|tema)\s*:\s*(?P<title>\S.{2,200})$", re.I)
MARKERS = (
    re.compile(r"^\s*(?:[•*□◦▪+-]\s*)?(?:Join Date|Registriert seit|Date d'inscription|Fecha de ingreso|"
               r"Data registrazione|Регистрация):?\s*(?:\S.*)?$", re.M),
    re.compile(r"^\s*(?:(?:Quote|Zitat|Citation|Cita):?\s*)?(?:Originally Posted by|Zitat von|Envoyé par|"
               r"Originalmente (?:Escrito|Postado|Publicado) por)\s+\S", re.M | re.I),
    re.compile(r"\bReply With Quote\b|\bMit Zitat antworten\b|\bRépondre avec citation\b|\bResponder citando\b"),
    re.compile(r"\S\s+(?:is|ist) (?:offline|online)\b"),
    re.compile(r"powered by vbulletin|vbulletin(?:®|\s+solutions|\s+version|\s+\d)", re.I),
    re.compile(r"^\s*(?:(?:\d+\.\s+)?\d\d-\d\d-\d{4},\s+\d\d:\d\d\s*(?:AM|PM)\s+#\d+|#\d+\s*$)", re.M),
)


class VBulletinText(Adapter):
    name = "vbulletin"
    format = "text"
    description = "vBulletin 3/4/5 threads as text dumps"

    def detect(self, doc) -> float:
        head = dump_text(doc)[:400_000]
        hits = [bool(rx.search(head)) for rx in MARKERS]
        if not (hits[0] or hits[1]) or sum(hits) < 3:
            return 0.0  # "Join Date" or vBulletin's quote header, and two more signs
        return min(0.85, 0.45 + 0.1 * sum(hits))

    def parse(self, doc, ctx):
        thread = board_thread(doc, ctx, board_tokens(doc, ctx, QUOTE_HEAD), title=_title)
        return attrs.evolve(thread, posts=tuple(_drop_attachments(p) for p in thread.posts))


def _drop_attachments(post):
    m = ATTACHED.search(post.body or "")
    if m is None or not post.body[:m.start()].strip():
        return post
    return attrs.evolve(post, body=post.body[:m.start()].strip())


def _title(tokens: list[Token], first: int, second: int, author: str | None = None) -> str | None:
    """vBulletin 3's navbar "Reload this Page TITLE"; "Thread: TITLE"; else the line above the
    posts that the first post repeats as its subject."""
    for tok in tokens[:first]:
        m = RELOAD.match(tok.text) or THREAD_LABEL.match(tok.text)
        if m and len(tok.text) < 200:
            return re.split(r"\s{2,}", m.group("title").strip())[0]
    found = subject_title(tokens, first, second, author)
    if found:
        return found
    # vBulletin 3's navbar: "Forum > Section > Thread title", maybe wrapped at the dump's width
    at = next((i for i, t in enumerate(tokens[:first]) if t.kind == "body" and len(CRUMB.split(t.text)) >= 3), None)
    if at is None:
        return None
    crumbs, width = tokens[at].text, wrap_width(tokens)
    while at + 1 < len(tokens) and wraps_into(tokens[at], tokens[at + 1], width) and len(crumbs) < 300:
        at += 1
        crumbs = f"{crumbs} {tokens[at].text}"
    return CRUMB.split(crumbs)[-1].strip()


ADAPTERS = (VBulletinText,)
