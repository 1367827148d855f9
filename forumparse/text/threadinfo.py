"""Thread-level values of a text dump: title, views, replies."""
from __future__ import annotations

import re
from collections import Counter

from ..numbers import parse_count
from .layout.names import NOT_NAMES
from .layout.wrapping import wrap_width, wraps_into
from .tokens import Token

_RE_TITLE = re.compile(r"^(?:re|aw|antw|rép|ответ|odp)\s*(?:\[\d+\])?\s*:\s*(?P<title>.{3,200})$", re.I)
_LABELLED_TITLE = re.compile(
    r"^(?:\w+\s+)?(?:thread|topic|subject|thema|sujet|tema|tópico|onderwerp|тема|temat)\s*:\s*(?P<title>.{3,200}?)"
    r"\s*(?:\((?:read|gelesen|lu|leído|letto|lido|gelezen|прочитано)\b[^)]*\))?\s*$",
    re.I,
)
_NAV_WORDS = re.compile(
    r"forum index|view (?:previous|next)|post new|reply to|log ?in\b|register|::|->|»|\bsearch\b|\bfaq\b|"
    r"\b(?:suche|recherche|buscar|поиск)\b|"
    r"\b(?:page|seite|página|pagina|страница|strona)\s+\d+\s+(?:of|von|de|di|из|z)\s+\d+|"
    r"memberlist|powered by|javascript|cookies?\b|browser|skip to|jump to|main menu|navigation|"
    r"unread|new posts|watch this (?:topic|thread)|subscribe|mark (?:forums|all)|home page|sign (?:in|up)|"
    r"notifications|перейти к странице|"
    r"go to page|gehe zu seite|aller à la page|ir a la página|vai alla pagina|ir para a página|"
    r"ga naar pagina|przejdź do strony|first\b.*\b(?:prev|назад|zurück)|\b(?:next|вперёд|weiter) last\b",
    re.I,
)
# The starter line under a XenForo/vBulletin title: "Thread starter X", "Автор темы X", "Start date ..."
_STARTER = re.compile(r"^(?:thread starter|topic starter|discussion starter|started by|start date|themenstarter|"
                      r"erstellt von|startdatum|автор темы|дата начала|auteur de la discussion|date de début|"
                      r"iniciado por|fecha de inicio|autore discussione|data di inizio)\b", re.I)
_BREADCRUMB = re.compile(r"\S\s*[›>»/|]\s*\S.*\s[›>»|]\s")
_VIEWS = re.compile(
    r"(?:\b(?:views?|aufrufe|zugriffe|vues|visitas|visite|visualizações|weergaven|просмотр\w*|wyświetle\w*)\s*[:：]?\s*"
    r"(?P<a>\d[\d,.  ]*\d|\d)(?![\d.,]*\s*[kKmM]\b)"
    r"|(?P<b>\d[\d,.  ]*\d|\d)\s+(?:views?|aufrufe|zugriffe|vues|visitas|visite|visualizações|weergaven|"
    r"просмотр\w*|wyświetle\w*)\b"
    r"|\((?:read|gelesen|lu|leído|letto|lido|gelezen|прочитано)\s+(?P<c>\d[\d,.]*)\s+(?:times|mal|fois|veces|volte|"
    r"vezes|keer|раз)\))",
    re.I,
)
_REPLIES = re.compile(
    r"(?:\b(?:replies|antworten|réponses|respuestas|risposte|respostas|reacties|ответов|odpowiedzi)\s*[:：]\s*"
    r"(?P<a>\d[\d,.]*)|(?P<b>\d[\d,.]*)\s+(?:replies|antworten|réponses|respuestas|risposte|respostas|reacties|"
    r"ответов|odpowiedzi)\b)",
    re.I,
)


def find_title(tokens: list[Token], first_header: int) -> str | None:
    """The thread title: repeated "Re: title" lines, a "Thread: title" label, or the heading-like
    line above the first post."""
    re_titles = Counter()
    width = None
    for i, tok in enumerate(tokens):
        if tok.kind == "body" and len(tok.text) < 200:
            m = _RE_TITLE.match(tok.text)
            if m:
                title = m.group("title").strip()
                width = wrap_width(tokens) if width is None else width
                k = i
                while k + 1 < len(tokens) and wraps_into(tokens[k], tokens[k + 1], width) and k - i < 3:
                    k += 1  # "Re: FAQ: Should I trust ... in this" / "forum?": wrapped at the dump's width
                    title = f"{title} {tokens[k].text}"
                re_titles[title] += 1
    if re_titles:
        title, count = re_titles.most_common(1)[0]
        if count >= 2 or any(t.text == title for t in tokens[:first_header]):
            return title
    for tok in tokens[:first_header]:
        if tok.kind == "body":
            m = _LABELLED_TITLE.search(tok.text)
            if m:
                return m.group("title").strip()
    if re_titles:
        return re_titles.most_common(1)[0][0]
    return _heading_above(tokens, first_header)


def _heading_above(tokens: list[Token], first_header: int) -> str | None:
    """The most heading-like line above the first post: standing alone between blank lines,
    unindented where the dump indents text (lynx), a few words, no sentence or menu."""
    indents = Counter(t.indent for t in tokens[:first_header] if t.kind == "body")
    indented_dump = bool(indents) and indents.most_common(1)[0][0] > 0
    best, best_score = None, 0.0
    nearest = True
    width = wrap_width(tokens)
    for j in range(first_header - 1, -1, -1):
        tok = tokens[j]
        if tok.kind != "body" or tok.bullet or not 3 <= len(tok.text) <= 200:
            continue
        if wraps_into(tok, tokens[j + 1] if j + 1 < first_header else None, width):
            continue  # a heading wrapped over lines is read from its last line
        k = j
        while k > 0 and wraps_into(tokens[k - 1], tokens[k], width):
            k -= 1
        text = " ".join(t.text for t in tokens[k:j + 1])
        if not 3 <= len(text) <= 200:
            continue
        if text.startswith(("[", "#", "(")) or re.match(r"^\d[\d,. ]*\s+\w+$", text):
            continue
        if _NAV_WORDS.search(text) or NOT_NAMES.match(text) or "____" in text or _BREADCRUMB.search(text) \
                or _STARTER.match(text):
            continue
        prev_blank = k > 0 and tokens[k - 1].kind == "blank"
        next_blank = j + 1 >= len(tokens) or tokens[j + 1].kind == "blank"
        score = 1.0 + 0.5 * prev_blank + 0.5 * next_blank
        if indented_dump and tok.indent == 0:
            score += 1.5
        if len(text.split()) >= 2:
            score += 0.5
        if text.endswith((".", ",", ":", ";")) and not text.endswith("..."):
            score -= 1.0
        score -= 0.01 * (first_header - j)
        if nearest:  # the heading is usually the last line before the first post
            score += 0.75
            nearest = False
        if score > best_score:
            best, best_score = text, score
    return best


def find_counts(text_head: str) -> tuple[int | None, int | None]:
    """(views, replies) where the dump states them as exact numbers."""
    views = replies = None
    m = _VIEWS.search(text_head)
    if m:
        views = parse_count(m.group("a") or m.group("b") or m.group("c"), allow_abbrev=False)
    m = _REPLIES.search(text_head)
    if m:
        replies = parse_count(m.group("a") or m.group("b"), allow_abbrev=False)
    return views, replies
