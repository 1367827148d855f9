"""phpBB 2/3 topics as text: the generic layout around each post line ("Post by NAME » DATE"
in prosilver, "Posted: DATE Post subject: SUBJECT" in subSilver and subsilver2), the profile
("NAME", the rank, "Posts: N", "Joined: DATE") above or below the text, "Re: SUBJECT"
lines, "NAME wrote:" quote boxes (found by their echo where the dump does not indent
them), signatures split off."""
from __future__ import annotations

import re

from ..text.dump import dump_text
from ..text.layout import choose_anchors
from ..text.tokens import Token
from ._text_board import board_thread, board_tokens, subject_title
from .base import Adapter

# "#2 Post by aGerman » 06 Nov 2016 18:41", "Beitrag von X » DATE", "par X » DATE"
# (one run of blanks per position: "^\s*...?\s*" backtracks quadratically over padded lines, inscriptis)
POST_LINE = re.compile(r"^[ \t]*(?:#\d+\s+)?(?:(?:post|beitrag|message|mensaje|messaggio)[ \t]*)?"
                       r"(?:by|von|par|por|da|door|przez|от)\s+\S.{0,60}?\s+»\s+\S", re.I | re.M)
# phpBB 2 and subsilver2: "Post Posted: DATE    Post subject: X", "PostPosted: DATE"
POSTED = re.compile(r"^[ \t]*(?:\S.{0,40}?\s+)?Post\s*Posted:\s+\S|"
                    r"^[ \t]*(?:\S.{0,40}?\s+)?Posted:\s+\S.{0,60}Post subject:", re.I | re.M)
NAMED_POSTED = re.compile(r"^(?P<name>\S.{0,40}?)\s{2,}Post\s*Posted:", re.I)
POWERED = re.compile(r"powered by phpbb", re.I)
JOINED = re.compile(r"^[ \t]*(?:[•*□◦▪+-][ \t]*)?(?:joined|registriert|inscription|registrado|iscritto|registreret|"
                    r"зарегистрирован)\s*:\s*\S", re.I | re.M)
# phpBB 2: the topic title stands over "Goto page" and the "Post new topic  Reply to topic" buttons
TOPIC_BUTTONS = re.compile(r"^(?:post new topic\s+reply to topic|goto page\b)", re.I)
TOPIC_NAV = re.compile(r"^(?:goto page\b.*|view (?:previous|next) topic.*|watch this topic.*|\W*)$", re.I)
NAV_TAIL = re.compile(r"\s+view (?:previous|next) topic$", re.I)
TOPIC_LABEL = re.compile(r"^(?:topic|thema|sujet|tema|тема)\s*:\s*(?P<title>\S.{2,200})$", re.I)


class PhpBBText(Adapter):
    name = "phpbb"
    format = "text"
    description = "phpBB 2 and 3 topics as text dumps"

    def detect(self, doc) -> float:
        head = dump_text(doc)[:400_000]
        lines = len(POST_LINE.findall(head)) + len(POSTED.findall(head))
        powered = bool(POWERED.search(head))
        joined = bool(JOINED.search(head))
        if lines >= 2 and (joined or powered) or lines >= 1 and joined and powered:
            return 0.8
        return 0.0

    def parse(self, doc, ctx):
        tokens = board_tokens(doc, ctx)
        anchors = choose_anchors(tokens)
        for a in anchors:  # "NAME   PostPosted: DATE": a side-by-side row the dump kept on one line
            m = NAMED_POSTED.match(tokens[a].text)
            if m:
                tokens[a].data["residual"] = "by " + m.group("name")
        return board_thread(doc, ctx, tokens, anchors=anchors, title=_title)


def _title(tokens: list[Token], first: int, second: int, author: str | None = None) -> str | None:
    for tok in tokens[:first]:
        m = TOPIC_LABEL.match(tok.text)
        if m and tok.kind == "body":
            return m.group("title").strip()
    buttons = next((i for i, t in enumerate(tokens[:first]) if TOPIC_BUTTONS.match(t.text)), None)
    if buttons is not None:
        above = next((t for t in reversed(tokens[:buttons]) if t.kind != "blank" and not TOPIC_NAV.match(t.text)),
                     None)
        if above is not None and above.kind == "body" and len(above.text) <= 150:
            return NAV_TAIL.sub("", above.text)
    for tok in tokens[:first]:  # "TITLE      View next topic": the topic's heading row (w3m keeps it one line)
        m = NAV_TAIL.search(tok.text)
        title = tok.text[:m.start()].strip() if m and tok.kind == "body" and len(tok.text) <= 200 else ""
        if title and not TOPIC_NAV.match(title) and not title.lower().startswith(("view ", "#")):
            return title
    return subject_title(tokens, first, second, author)


ADAPTERS = (PhpBBText,)
