"""Stack Exchange question pages as text: each post ends with "Share / Improve this answer",
then "asked DATE" or "answered DATE" and the owner's card; comments follow as a list."""
from __future__ import annotations

import re

from ..errors import NotAThreadError
from ..numbers import parse_count
from ..records import Author, Post, Thread
from ..text.dump import dump_lines, dump_text
from .base import Adapter

SIGNED = re.compile(r"^\s*(?P<verb>asked|answered|perguntada|respondida|preguntada|respondida|gefragt|beantwortet|"
                    r"задан|ответ дан|demandé|répondu)\s+(?P<date>\S.*?)\s*$", re.I)
SHARE = re.compile(r"^\s*(?:share|compartilhar|compartir|teilen|partager|поделиться)\b", re.I)
COMMENTS_END = re.compile(r"^\s*(?:add a comment|comments disabled on\b|comentar\s*\||adicione um comentário|"
                          r"añade un comentario|kommentar hinzufügen|"
                          r"ajouter un commentaire|добавить комментарий|\|?\s*show \d+ more comments?|"
                          r"mostrar mais \d+)", re.I)
NOISE = re.compile(r"^\s*(?:\(BUTTON\).*|\d[\d,.]*k?|\+\d+|(?:\d+\s+)?next|\[[^\]]*\]|user avatar|"
                   r"\d+\s+(?:answers?|respostas?|antworten|"
                   r"respuestas|réponses|ответ\w*)\s*\d*|sorted by:?.*|active oldest votes|reset to default|"
                   r"ask question|faça uma pergunta|haz una pregunta|frage stellen|poser une question|задать вопрос|"
                   r"(?:asked|modified|active|viewed|perguntada|modificada|vista)\b.*(?:ago|times|vezes)?)\s*$",
                   re.I)
AGE = re.compile(r"\bago\b|\d+\s+(?:years?|months?|anos?|meses|jahren?)\b", re.I)  # "Asked 8 years ago"
ANSWERS = re.compile(r"^\s*(?P<n>\d[\d,.]*)\s+(?:answers?|respostas?|antworten|respuestas|réponses|ответ\w*)\b", re.I)
VIEWED = re.compile(r"^\s*(?:viewed|vista|angesehen)\s+(?P<n>[\d,.]+k?m?)\s+(?:times|vezes|mal)", re.I)
EDITED = re.compile(r"^\s*(?:edited|editada|editado|bearbeitet|modifié|изменён|изменено)\s+(?P<date>\S.*?)\s*$", re.I)
# the community wiki card: "community wiki" / "10 revs, 6 users 24%" / the top contributor
REVS = re.compile(r"^\s*\d+\s+(?:revs?|revisões|revisiones|revisionen|révisions|правк\w*)\b", re.I)
WIKI = re.compile(r"^\s*(?:community wiki|wiki da comunidade|wiki de la comunidad|community-wiki|wiki communautaire|"
                  r"вики сообщества)\s*$", re.I)
# the post menu under each post: "share | improve this answer | follow |", or one item a line
MENU = re.compile(r"improve this|melhorar|verbessern|améliorer|mejorar|улучшить|follow|seguir|folgen|suivre|"
                  r"отслеживать", re.I)
TAGS = re.compile(r"^\s*[a-z0-9][a-z0-9.+#-]*(?:\s+[a-z0-9][a-z0-9.+#-]*)*\s*$")


class StackExchangeText(Adapter):
    name = "stackexchange"
    format = "text"
    description = "Stack Exchange question pages as text dumps"

    def detect(self, doc) -> float:
        head = dump_text(doc)[:400_000]
        signed = len(re.findall(r"^\s*(?:asked|answered|perguntada|respondida)\s+\S", head, re.M | re.I))
        share = len(re.findall(r"(?:improve this (?:answer|question)|melhore esta resposta|"
                               r"melhorar esta pergunta)", head, re.I))
        return 0.9 if signed and share else 0.0

    def parse(self, doc, ctx) -> Thread:
        lines = dump_lines(doc)
        shares = _share_lines(lines)
        if not shares:
            raise NotAThreadError("no share / improve this post lines found")
        posts = []
        start = self._question_start(lines, shares[0])
        title = self._title(lines, start)
        for n, s in enumerate(shares):
            nxt = shares[n + 1] if n + 1 < len(shares) else len(lines)
            card = _card(lines, s, nxt)
            body = _body(lines[start:s], question=n == 0)
            signed = next((j for j in card if SIGNED.match(lines[j]) and not AGE.search(lines[j])), None)
            edited = next((EDITED.match(lines[j]).group("date") for j in card if EDITED.match(lines[j])), None)
            if signed is not None:
                raw = SIGNED.match(lines[signed]).group("date")
                author, end = _owner(lines, signed), signed + 1
            else:  # a community wiki card shows only the edit time and the top contributor
                raw = None
                revs = next((j for j in card if REVS.match(lines[j]) or WIKI.match(lines[j])), None)
                author = _owner(lines, revs) if revs is not None else None
            posts.append(Post(author=author, timestamp=ctx.dates.iso(raw) if raw else None, timestamp_raw=raw,
                              body=body, edited=ctx.dates.iso(edited) if edited else None))
            end = card[-1] + 1 if card else s + 1
            start = next((j + 1 for j in range(end, nxt) if COMMENTS_END.match(lines[j])), end)
        replies = next((ANSWERS.match(line).group("n") for line in lines if ANSWERS.match(line)), None)
        viewed = next((VIEWED.match(line).group("n") for line in lines[:shares[0]] if VIEWED.match(line)), None)
        return Thread(title=title, reply_count=parse_count(replies),
                      views=parse_count(viewed, allow_abbrev=False), posts=posts)

    @staticmethod
    def _question_start(lines: list[str], first: int) -> int:
        asked = max((j for j in range(first) if re.match(r"^\s*(?:asked|perguntada|gefragt)\s", lines[j], re.I)
                     or VIEWED.match(lines[j]) or re.match(r"^\s*(?:viewed|modified|active)\s", lines[j], re.I)),
                    default=None)
        return asked + 1 if asked is not None else 0

    @staticmethod
    def _title(lines: list[str], start: int) -> str | None:
        for j in range(start - 1, -1, -1):
            text = lines[j].strip()
            if text and not NOISE.match(lines[j]) and not re.match(r"^(?:asked|modified|viewed|active)\b", text, re.I):
                # a heading wrapped at the dump's width: the line above ends where the next word
                # would not have fitted
                width = max(map(len, lines[:start]), default=0)
                k = j
                while k > 0 and j - k < 3 and lines[k - 1].strip() and not NOISE.match(lines[k - 1]) \
                        and not lines[k - 1].rstrip().endswith((".", ":", "!")) \
                        and len(lines[k - 1]) + 1 + len(lines[k].split()[0]) > width * 0.85:
                    k -= 1
                    text = f"{lines[k].strip()} {text}"
                return text
        return None


def _owner(lines: list[str], s: int) -> Author | None:
    for line in lines[s + 1:s + 7]:
        text = line.strip()
        if not text or NOISE.match(line) or text.lower() == "user avatar" or WIKI.match(line) or REVS.match(line):
            continue
        half = len(text) // 2
        words = text.split(" ")
        if len(text) % 2 == 0 and text[:half] == text[half:]:
            text = text[:half]  # lynx prints the avatar's alt text and the name together
        elif len(words) % 2 == 0 and words[:len(words) // 2] == words[len(words) // 2:]:
            text = " ".join(words[:len(words) // 2])  # inscriptis: with a space between
        return Author(name=text)
    return None


def _share_lines(lines: list[str]) -> list[int]:
    """The post menus: a "share" line with "improve this ..." or "follow" on it or right under it."""
    return [i for i, line in enumerate(lines) if len(line) < 100 and SHARE.match(line)
            and any(MENU.search(x) for x in lines[i:i + 3])]


def _card(lines: list[str], s: int, nxt: int) -> list[int]:
    """The lines of the edit and owner cards under a post menu, up to the comments."""
    card: list[int] = []
    last = ""
    for j in range(s + 1, min(nxt, s + 16)):
        text = lines[j].strip()
        if text[:1] in ("*", "•") or COMMENTS_END.match(lines[j]):
            break
        if not text:
            if WIKI.match(last):
                continue
            if card and (any(SIGNED.match(lines[k]) for k in card) or not any(
                    SIGNED.match(lines[k]) for k in range(j + 1, min(nxt, j + 10)))):
                break  # an editor's card stands apart from the owner's (html2text): go on to "asked DATE"
            continue
        card.append(j)
        last = text
    return card


def _body(lines: list[str], question: bool) -> str:
    comment_indent = None  # the previous post's comments: "* text – user date" and their wrapped lines
    while lines:
        line = lines[0]
        indent = len(line) - len(line.lstrip())
        if line.lstrip()[:1] in ("*", "•"):
            comment_indent = indent
        elif line.strip() and not NOISE.match(line) and (comment_indent is None or indent <= comment_indent):
            break
        lines = lines[1:]
    lines = [line for line in lines if not re.match(r"^\s*(?:improve this|\(BUTTON\)|follow\b)", line, re.I)]
    while lines and not lines[-1].strip():
        lines = lines[:-1]
    if question and lines and TAGS.match(lines[-1]):
        lines = lines[:-1]  # the question's tags
    text = "\n".join(line.strip() for line in lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


ADAPTERS = (StackExchangeText,)
