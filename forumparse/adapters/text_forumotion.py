"""Forumotion (Forumactif, Forumieren, Foroactivo) topics as text: the hosted boards'
phpBB-like templates. Each post has a profile (the name, the rank, "Beiträge 1070",
"Anmeldedatum 26.10.13"), a "Beitrag #N" number, the subject, then the post line
"Beitrag von NAME am DATE" ("Message par NAME le DATE", "Post by NAME on DATE"). Only
those post lines anchor posts: the sidebar's latest topics carry dates and names too,
and the host's ad slot is a post-shaped block without a date."""
from __future__ import annotations

import re

from ..text.dump import dump_text
from ._text_board import board_thread, board_tokens, subject_title
from .base import Adapter

POST_LINE = re.compile(r"^\s*(?:beitrag|post|message|mensaje|messaggio|mensagem|сообщение)\s+"
                       r"(?:von|by|par|por|da|de|от)\s+\S.{0,60}?\s+(?:am|on|le|el|il|em|в)\s+\S", re.I)
POST_NUMBER = re.compile(r"^\s*(?:[•*]\s*)?(?:beitrag|post|message|mensaje|messaggio|mensagem)\s*(?:#|n°)\s*\d+\s*$",
                         re.I | re.M)
HOST = re.compile(r"forumotion|forumactif|forumieren|foroactivo|forumeiros|forumattivo|forumgratuit|"
                  r"profil ausklappen|expand profile|afficher le profil|kostenloses forum", re.I)


class ForumotionText(Adapter):
    name = "forumotion"
    format = "text"
    description = "Forumotion hosted forums as text dumps"

    def detect(self, doc) -> float:
        head = dump_text(doc)[:400_000]
        lines = sum(1 for line in head.split("\n") if len(line) < 200 and POST_LINE.match(line))
        if lines and (HOST.search(head) or POST_NUMBER.search(head)):
            return 0.8
        return 0.0

    def parse(self, doc, ctx):
        tokens = board_tokens(doc, ctx)
        anchors = [i for i, t in enumerate(tokens) if t.kind == "date" and POST_LINE.match(t.text)]
        return board_thread(doc, ctx, tokens, anchors=anchors, title=subject_title)


ADAPTERS = (ForumotionText,)
