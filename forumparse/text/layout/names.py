"""What a header line says: a user name, an online status, an avatar, "by NAME" beside a date."""
from __future__ import annotations

import re

from ...vocab import DATE_LABEL_WORDS
from ..profile import COUNT_AFTER
from ..tokens import EDIT_TAIL, ICON_MARK, Token, is_buttons

# Table headers and avatar placeholders that sit where a name could be.
NOT_NAMES = re.compile(
    r"^(?:author|message|post|topic|thread|autor|nachricht|auteur|sujet|автор|сообщение|"
    r"author message|autor nachricht|auteur message|автор сообщение|guest|gast|invité|гость|"
    r"comments|replies|answers|kommentare|antworten|réponses|commentaires|respuestas|комментарии|ответы|"
    r"enter image description here|image|bild|изображение|attachment|anhang|"
    r"werbung|advertisement|sponsored|anzeige|реклама|publicité|publicidad)\s*:?$",
    re.I,
)


STATUS = re.compile(r"^(?:(?P<name>.+?)\s+(?:is|ist|est|está)\s+)?(?:offline|online|away|abwesend|hors ligne|en ligne)"
                     r"(?:\s+(?:offline|online))?$", re.I)


AVATAR = re.compile(r"^(?:\d{1,4}\.\s+)?(?:(?P<before>.*?)\s*)?(?:\S+'s (?:avatar|picture|photo)|"
                    r"(?:avatar|аватар) (?:of|von|de|di|van|пользователя)\s+.+|\S+s avatar|\[?avatar\]?)$", re.I)


_INLINE_AUTHOR = (
    # "Postby NAME » DATE", "Beitragvon NAME »": phpBB's post icon text run into the label
    re.compile(r"^(?:post|beitrag|message|mensaje|messaggio|bericht)(?:by|von|par|por|da|door)\s+"
               r"(?P<name>[^»|•·,()]{1,40}?)\s*»", re.I),
    re.compile(r"(?:^|\s)(?:posted\s+)?(?:by|von|par|por|di|door|przez|от)(?:\s*:\s*|\s+)(?P<name>[^»|•·,()]{1,40}?)"
               r"\s*(?:»|\||•|·|,|\bon\b|\bam\b|\ble\b|\bel\b|\bil\b|\bop\b|$)", re.I),
    re.compile(r"^(?P<name>[^»|•·,()]{1,40}?)\s+(?:wrote|posted|said|schrieb|a écrit|escribió|написал)\b", re.I),
    re.compile(r"^(?:from|von|de|от)\s*:\s*(?P<name>[^<>()]{1,40}?)\s*(?:<.*)?$", re.I),
    re.compile(r"^(?P<name>[^,»|•·()]{1,40}?)\s*,\s", re.I),  # "Name, Oct 30, 2014"
)


_SENTENCE_END = re.compile(r"[.!?,;:。！？，；：]$")


_INITIAL_END = re.compile(r"\s[A-Z]\.$")  # "Marcus H.": a name ending in an initial


# an attachment's file name under the post text ("tftp-log.txt", "photo.jpg (45 KB)") is no user name
_FILE_NAME = re.compile(r"^\S+\.(?:txt|log|jpe?g|png|gif|webp|bmp|svg|pdf|zip|rar|7z|gz|tgz|tar|docx?|xlsx?|pptx?|"
                        r"odt|csv|json|xml|ya?ml|ini|cfg|conf|mp[34]|avi|mov|mkv|wav|exe|msi|apk|iso|bin|img|py|c|sh)"
                        r"(?:\s*\([^)]*\))?$", re.I)


_TRAIL = re.compile(r"\S\s*[»›]\s*\S")  # "Forum » Board » Topic": a breadcrumb trail, no name


def name_like(text: str) -> bool:
    """A line that could be a user name or a rank: short, few words, no sentence punctuation."""
    text = _undouble(text)
    if not 2 <= len(text) <= 40 or _SENTENCE_END.search(text) and not text.endswith("...") \
            and not _INITIAL_END.search(text):
        return False
    if len(text.split()) > 5 or NOT_NAMES.match(text) or _FILE_NAME.match(text) or _TRAIL.search(text):
        return False
    return any(ch.isalpha() for ch in text)


def is_text(tok: Token) -> bool:
    return tok.kind == "body" and (len(tok.text) > 40 or not name_like(tok.text))


RE_LINE = re.compile(r"^(?:re|aw|antw)\s*:", re.I)


def named_line(tok: Token, name: str) -> bool:
    """A header line that is the name and a short title after it ("aGerman Expert")."""
    return tok.kind == "body" and tok.text.startswith(name + " ") and name_like(tok.text) \
        and len(tok.text) - len(name) <= 40


_NUMBERED = re.compile(r"^\d{1,4}\.\s+")


def strip_number(text: str) -> str:
    return _NUMBERED.sub("", text)


_LABEL_WORDS = frozenset(
    "posted post on at by date edited reply link permalink old new quote share report am pm um le el il em op "
    "von par por от de asked answered commented submitted modified created updated задан ответ дан изменён изменен "
    "gefragt beantwortet demandé répondu preguntada perguntada respondida".split()) | DATE_LABEL_WORDS


# "Hollis avatar hollis 6 hours ago | 2 comments": the avatar's alt text and the counters beside the name
_ALT_AND_COUNTS = re.compile(r"(?:^|(?<=\s))\S+(?:'s)?\s+avatar(?=\s|$)|\b\d+\s+(?:comments?|replies|points?|votes?)\b",
                             re.I)


def inline_author(residual: str) -> str | None:
    residual = ICON_MARK.sub(" ", EDIT_TAIL.sub("", residual)).strip()  # no edit note, no post icon ("[xx]")
    residual = _NUMBERED.sub("", residual)  # "1. quire DATE": the comment list's item number
    residual = _ALT_AND_COUNTS.sub(" ", residual).strip()
    for rx in _INLINE_AUTHOR:
        m = rx.search(residual)
        if m:
            name = m.group("name").strip(" :-–—")
            if name and name_like(name) and not COUNT_AFTER.match(name):  # "14 Posts   Posted - DATE"
                return name
    # "NAME November 18, 2019 #1": a single word beside the date, once labels and numbers are gone
    words = [w for w in re.split(r"[\s|•·»«,]+", re.sub(r"#\s?\d+|\([^)]*\)", " ", residual))
             if w and w.lower() not in _LABEL_WORDS]
    if len(words) == 1 and not words[0].isdigit() and name_like(words[0]) and not is_buttons(words[0]):
        return _undouble(words[0])  # "mudlarkmudlark" (w3m runs alt text and name together)
    once = _undouble(" ".join(words))  # "mudlark mudlark DATE": the avatar's alt text, then the name
    if len(words) > 1 and once != " ".join(words) and name_like(once):
        return once
    return None


def date_line_author(tok: Token) -> str | None:
    """The author a post's date line names: from its words beside the date (inline_author), else
    the one word before the date ("tapeworm on DATE | parent", "levain_lad • DATE 1 award"):
    what follows the date on a byline is links and counters, what precedes it the name, maybe
    with a role badge ("AutoModerator MOD • DATE")."""
    before, after = tok.data.get("before"), tok.data.get("after") or ""
    residual = tok.data["residual"]
    if before and after.startswith("|") and residual == " ".join(f"{before} {after}".split()):
        residual = before  # "[icon] Posted DATE | Show this author only": after the bar come the links
    found = inline_author(residual)
    if found or not before:
        return found
    before = _ALT_AND_COUNTS.sub(" ", _NUMBERED.sub("", _PARENS.sub(" ", ICON_MARK.sub(" ", before))))
    before = _POST_NO.sub(" ", before).strip()  # "#1Geschrieben DATE": the post number run into the label
    segments = [p for p in _BYLINE_PARTS.split(before) if p.strip()] if before else []
    # the part next to the date ("TITLE - NAME - DATE", a print view), else the first ("NAME • flair • DATE")
    for head in dict.fromkeys(segments[-1:] + segments[:1]):
        words = [w for w in head.split() if w.lower() not in _LABEL_WORDS]
        while len(words) > 1 and words[-1].lower() in _BADGES:
            words.pop()
        if len(words) == 1 and not words[0].isdigit() and name_like(words[0].rstrip("。")) \
                and not COUNT_AFTER.match(words[0]):
            return _undouble(words[0])  # ("名無しさん@お腹いっぱい。：DATE": a 2channel name keeps its full stop)
        if len(segments) > 1 and head is segments[-1] and 1 < len(words) <= 3 and name_like(" ".join(words)) \
                and all(w[:1].isupper() for w in words):
            return " ".join(words)  # "TITLE - Seasoned Sam - DATE": a name of several words, set apart by dashes
    return None


_BYLINE_PARTS = re.compile(r"\s+[|•·»«]\s*|\s*[|•·»«]\s+|^[|•·»«]\s*|\s+[-–—]\s+|\s+[-–—]$|\s*：\s*")


_POST_NO = re.compile(r"#\s?\d+")
_PARENS = re.compile(r"\([^)]*\)")  # "(permalink) Old DATE": a link's words in brackets
# Role badges printed after the name on a byline ("crumb_shot OP", "AutoModerator MOD")
_BADGES = frozenset("op mod mods admin administrator moderator staff creator author team bot".split())


def status_name(tok: Token) -> Token | None:
    """"Diego Offline": the status line names the user (sometimes the only place it does)."""
    if tok.kind == "status" and tok.data.get("name") and name_like(tok.data["name"]):
        return Token("body", tok.data["name"], tok.line)
    return None


def _undouble(text: str) -> str:
    """Avatar alt text and name printed together: "bobbob", "Cpt. Hill Cpt. Hill"; a letter
    avatar's initial run into the name ("MMarta Koch")."""
    if len(text) > 3 and text[0] == text[1] and text[0].isupper() and text[2].islower():
        return text[1:]
    half = len(text) // 2
    if len(text) % 2 == 0 and half > 1 and text[:half] == text[half:]:
        return text[:half]
    words = text.split()
    if len(words) > 1 and len(words) % 2 == 0 and words[:len(words) // 2] == words[len(words) // 2:]:
        return " ".join(words[:len(words) // 2])
    return text


# "Posted by: old_shunter (192.0.2.x)", "Author: X": a labelled name line (Phorum), the address cut
NAME_LABEL = re.compile(r"^(?:posted by|author|autor|auteur|autore|from|von|by|par|por|автор)\s*:\s*"
                        r"(?P<name>[^()]{1,40}?)(?:\s*\([^)]*\))?$", re.I)
# "by delta_wing" under the date (phpBB's print view); as a user title ("by T. Mascis") it stays whole
BY_LINE = re.compile(r"^(?:posted by|by|von|par|por|door|от)\s+(?P<name>[^()]{1,40}?)$", re.I)
# "tobi gravatar image tobi", "Hollis avatar hollis": the avatar's alt text, then the name
_ALT_BEFORE = re.compile(r"^\S+(?:'s)?\s+(?:gr)?avatar(?:\s+image)?\s+(?=\S)", re.I)
_AVATAR_ALT = re.compile(r"^\[[^\]\s]{1,40}\]\s?(?=\w)")  # "[ab12]ravelgran": the avatar's alt text before the name


# "From: Ruth Baxter <ruth@example.com>", "From: ken@example.net (Ken Daniels)": a mail header's sender
MAIL_FROM = re.compile(r"^(?:(?:from|von|de|от|van|da)\s*:\s*)?(?:\"?(?P<name>[^<>\"]{1,40}?)\"?\s*<[^<>\s]+@[^<>\s]*>"
                       r"|[^\s()<>]+@[^\s()<>]+\s*\((?P<paren>[^()]{1,40})\))\s*$", re.I)


_SAYS = re.compile(r"(?<=\S)\s+(?:says|said|wrote|writes|schrieb|sagt|sagte|a écrit|dit|dice|dijo|escribió|scrive|"
                   r"ha scritto|escreveu|disse|schreef|написал|сказал)\s*(?:\.\.\.|…|:)?$", re.I)


_WIDE_GAP = re.compile(r"(?<=\S) {3,}(?=\S)")


def mail_sender(text: str) -> str | None:
    m = MAIL_FROM.match(text)
    return (m.group("name") or m.group("paren")).strip() if m else None


def clean_name(text: str) -> str | None:
    text = _WIDE_GAP.split(text, 1)[0]  # "marsh_wren      Re: pump stops": the next cell of the row
    status = STATUS.match(text)
    if status:
        return None
    sender = mail_sender(text)
    if sender:
        return sender
    text = _SAYS.sub("", text)  # "Marit said...", "Tobias Reed says:": a comment's byline
    label = NAME_LABEL.match(text)
    if label:
        return label.group("name").strip()
    text = _AVATAR_ALT.sub("", _ALT_BEFORE.sub("", text))
    text = _undouble(text)
    if AVATAR.match(text) and not AVATAR.match(text).group("before"):
        return None
    return text.strip()
