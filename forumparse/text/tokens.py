"""Lines of a text dump to typed tokens (`scan`).

Kinds: blank, rule, date, stat, stat_value, postnum, button, nav, status, edit,
quote_header, body. The tokenizer knows words, not layouts: grouping tokens
into posts is the job of `layout` and the text adapters.
"""
from __future__ import annotations

import re

from attrs import field, frozen

from ..dates import MONTHS, WEEKDAYS
from ..vocab import (
    EDIT_NOTE,
    JOINED_LABEL,
    JOINED_LABELS,
    LOCATION_LABEL,
    LOCATION_LABELS,
    OTHER_STAT_LABEL,
    OTHER_STAT_LABELS,
    POSTS_LABEL,
    POSTS_LABELS,
    QUOTE_INLINE,
    quote_header_author,
)
from .columns import unfold
from .glued import split_glued_names
from .profile import COUNT_AFTER
from .spans import find_date

_BULLET = re.compile(r"^(?P<indent>[ \t]*)(?P<bullet>[•·◦▪▫‣○●■□]|[*+-](?=\s)|o(?=\s{2,}|\s\S))?\s*")


@frozen
class Token:
    kind: str
    text: str  # the line without indentation and bullet
    line: int  # 0-based line number in the dump
    indent: int = 0
    bullet: str | None = None
    data: dict = field(factory=dict, eq=False, hash=False)


_CELL_TAB = re.compile(r"(?<=\S)[ ]*\t+[ \t]*(?=\S)")


def split_lines(text: str) -> list[str]:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if "\t" in text:  # a tab after text parts table cells (innerText, WET): a line per cell;
        # an indented line is preformatted text (code), whose tabs align columns
        lines = [part for line in lines for part in ([line] if line[:1].isspace() else _CELL_TAB.split(line))]
    return [line.replace("\t", "    ").replace("\u00a0", " ").rstrip() for line in lines]


def paragraphs(tokens: list[Token]) -> str:
    """Body tokens to text: lines joined, blank lines as paragraph breaks."""
    out: list[str] = []
    pending_break = False
    for tok in tokens:
        if tok.kind == "blank":
            pending_break = bool(out)
            continue
        if pending_break:
            out.append("")
            pending_break = False
        out.append(tok.text)
    return "\n".join(out).strip()


# -- the tokenizer used by the layout heuristics and the engine text adapters ----------------------
# Kinds: blank, rule, date, stat, stat_value, postnum, button, nav, status, edit, quote_header, body.

RULE = re.compile(r"^[\s_\-=~━─—–*·•.]{5,}$")
POSTNUM = re.compile(r"^(?:(?:(?:post|reply|beitrag|message|сообщение)\s*)?#\s?\d{1,6}\s*"
                     r"(?:(?:of|von|de|из)\s+\d{1,6}\s*)?(?:[|·•]\s*)?"
                     r"|\d{1,6}\s*\^?[#楼])$", re.I)  # "post #1 of 23"; "2#", "2楼" (a floor number, lynx "2^#")
# Lines that are page navigation rather than words: pagination, counters, form leftovers.
NAV = re.compile(
    r"^(?:page \d+ of \d+\b.*|\d{1,4}\.\s+-?\d{1,6}|"  # "1. 7": a comment's list number and its votes
    r"(?:go (?:up|down)\s+)?pages?\s*:?\s*(?:\[?\d+\]?[\s,]*)+.*|goto page\b.*|go to page\b.*|"
    r"results \d+ to \d+ of \d+|ergebnis \d+ bis \d+ von \d+|seite \d+ von \d+\b.*|страница \d+ из \d+\b.*|"
    r"(?:prev(?:ious)?|next|first|last|«|»|‹|›|<|>|\d+|\[\s*\d+\s*\]|\.\.\.|…|\s)+|"
    r"\[[^\]]*\]\s*(?:\[[^\]]*\]\s*)*|\(button\).*|[x×]\s?\d{1,6}|\(\s*\)|iframe:.*|\d+\s+(?:guests?|users?)\b.*|[\d.,]+k?\s*(?:likes?|reactions?|points?|votes?|"
    r"replies|views|comments?|answers?|kudos)\b.*)$",
    re.I,
)
_BUTTON_PHRASES = (
    "reply with quote", "back to top", "view user's profile", "view profile", "send private message",
    "private message", "send pm", "report post", "report this post", "quick reply", "multi-quote",
    "multiquote", "multi quote", "quote this post", "reply to this post", "post reply", "add comment",
    "add a comment", "add new comment", "comment",
    "thanks", "thank you", "like this post", "permalink", "share", "share this post",
    "report", "reply", "quote", "like", "likes", "edit", "delete", "logged", "pm", "email", "www",
    "profile", "top", "up", "link", "flag", "bookmark", "follow", "unfollow", "ip", "find", "offline",
    "online", "is offline", "is online", "(button)", "[img]", "ответить", "цитировать", "цитата",
    "жалоба", "пожаловаться", "нравится", "antworten", "zitieren", "melden", "gefällt mir", "teilen",
    "zitat", "répondre", "citer", "signaler", "responder", "citar", "reportar", "rispondi", "cita",
    "segnala", "odpowiedz", "cytuj", "zgłoś", "beantwoorden", "citeren", "melden", "responder",
    "denunciar", "post a reply", "view users profile", "send email", "send e-mail", "visit poster's website",
    "post history", "rap sheet", "alert moderators", "send message", "view posts", "message",
    "private message", "multi-quote this message", "quick reply to this message", "reply to this message",
    "find posts", "tweet", "pin", "hugs", "informative", "insightful", "funny", "agree", "disagree", "useful", "winner",
    "find all posts", "view forum posts", "view blog entries", "view articles",
    "visit homepage", "profil", "beiträge anzeigen", "private nachricht", "homepage besuchen",
    "reply to topic", "new topic", "post new topic", "reply to thread", "more",
    "aim address", "yahoo messenger", "msn messenger", "icq number", "messenger", "yahoo", "icq",  # phpBB 2: contacts
    "nach oben", "revenir en haut", "volver arriba", "torna in alto", "voltar ao topo",
    "répondre avec citation", "mit zitat antworten", "responder citando", "rispondi citando",
    "ответить с цитированием",
    "go up", "go down",  # SMF's jump links
    "voir le profil", "ver perfil", "visualizza profilo", "bekijk profiel",  # vBulletin's member menu translated
)
_BUTTONS = re.compile(
    r"(?:^|(?<=[\s|·•\[\]()]))(?:" + "|".join(
        sorted((re.escape(p) for p in set(_BUTTON_PHRASES)), key=len, reverse=True)) + r")(?=$|[\s|·•\[\]()])",
    re.I,
)
_PUNCT_ONLY = re.compile(r"^[\W_]*$")
IMAGE_MARK = re.compile(r"\[[^\]]{0,40}\]")  # an image's alt text ("[xx]", "[avatar]")
# the same, where a name may stand in brackets: "[deleted]" is the author of a removed account's post
ICON_MARK = re.compile(r"\[(?!(?:deleted|removed|gelöscht|supprimé|eliminado|удален\w*)\])[^\]]{0,40}\]", re.I)
_LEADING_IMAGES = re.compile(r"^(?:\[[^\]]{0,40}\]\s*)+")
_POSTNUM_PREFIX = re.compile(r"^(?:#\s?\d+\s*)?(?:[+|·•]\s*)?")
_BUTTON_FIRST_WORDS = frozenset(p.split()[0].strip("[]()") for p in _BUTTON_PHRASES)


# "Rainmaker is offline", "sunsetkilling ist offline Mich gibt's schon länger" (a user title may follow)
STATUS_LINE = re.compile(r"^(?P<name>\S.{0,40}?)(?:(?:\s+(?:is|ist|est|está|è|jest))?\s+"
                         r"(?:offline|online|en ligne|hors ligne)|\s+(?:est|está|è)\s+(?:déconnecté|connecté|"
                         r"desconectado|conectado|disconnesso|connesso))"
                         r"\s*(?P<rest>.*)$", re.I)


# Profile menus that name the user: "Find More Posts by X", "Send a private message to X".
_NAMED_BUTTON = re.compile(
    r"^(?:find (?:more|all) (?:posts|threads) by|send a private message to|send an? (?:email|message) to|"
    r"add .{1,40} to your (?:contacts|buddy list)$|visit .{1,40}'s homepage|view .{1,40}'s profile|"
    r"view public profile$|weitere beiträge von|private nachricht an|"
    r"alle beiträge von|suche alle beiträge von)", re.I)


_STATUS_SUBJECTS = frozenset(("member", "user", "the user", "mitglied", "benutzer", "membre", "utilisateur",
                              "usuario", "miembro", "utente", "пользователь"))
_BARE_STATUS = re.compile(r"^(?:(?:offline|online|en ligne|hors ligne|abwesend)\s*)+$", re.I)


def is_buttons(text: str) -> bool:
    """True for a line made only of button and link words ("Reply | Quote", "Back to top")."""
    if len(text) > 160:  # phpBB 2's row of contact buttons runs long
        return False
    if _NAMED_BUTTON.match(text):
        return True
    head = text.split(None, 1)[0].lower().strip("[]()|·•+") if text.strip() else ""
    if head and head not in _BUTTON_FIRST_WORDS and not text.startswith(("#", "[", "+")):
        return False
    text = _POSTNUM_PREFIX.sub("", IMAGE_MARK.sub("", text)).strip()  # "#1326 + Quote Reply", "[svg] Tweet"
    if not text:
        return False
    first = text.split(None, 1)[0].lower().strip("[]()|·•") if text.strip() else ""
    if first and first not in _BUTTON_FIRST_WORDS:
        return False
    return bool(_PUNCT_ONLY.match(_BUTTONS.sub(" ", text)))


_COUNT = re.compile(r"^[\d.,\s\u00a0 ]+[kKmM]?$")
_LOOKS_DATE = re.compile(r"\d{4}|\d[./-]\d|today|yesterday|heute|gestern|hier|сегодня|вчера", re.I)
SUBJECT_LABEL = re.compile(r"^(?:post\s+)?(?:subject|betreff|sujet(?: du message)?|asunto|oggetto|assunto|"
                           r"onderwerp|тема|temat)\s*:\s*(?P<value>.*)$", re.I)


_LABEL_FIRST_WORDS = frozenset(
    w.split()[0].rstrip(":：") for w in POSTS_LABELS + JOINED_LABELS + LOCATION_LABELS + OTHER_STAT_LABELS)


def _stat_label(text: str, dates):
    """(field, value) for a user-stat line ("Posts: 57", "Beiträge 2.206", "Join Date"), else None.
    The value is "" when the label stands alone (its value is on the next line)."""
    m = SUBJECT_LABEL.match(text)
    if m:
        return "subject", m.group("value") or " "
    m = COUNT_AFTER.match(text) if len(text) <= 30 else None
    if m:
        return "posts", m.group("n").strip()  # "57 Posts" (Snitz, bbPress)
    if len(text) > 80 or text.split(None, 1)[0].lower().rstrip(":：") not in _LABEL_FIRST_WORDS:
        return None
    for field_name, rx in (("posts", POSTS_LABEL), ("joined", JOINED_LABEL), ("location", LOCATION_LABEL),
                           ("other", OTHER_STAT_LABEL)):
        m = rx.match(text)
        if not m:
            continue
        value = m.group("value")
        if not value:
            return field_name, ""
        sep = text[m.start("value") - 1]
        if not (sep in ":：" or sep.isspace()):
            continue  # "Postscript" is not "Post" + "script"
        if field_name == "posts":
            if _COUNT.match(value):
                return field_name, value
        elif field_name == "joined":
            if _LOOKS_DATE.search(value) and dates.parse(value).value is not None:
                return field_name, value
        elif ":" in text[:m.start("value")] and len(value) <= 40:
            return field_name, value  # location and the rest need a colon: "from the docs" is text
    return None


def scan(text: str, dates) -> list[Token]:
    """Classify every line for the layout heuristics (see the kinds above)."""
    tokens: list[Token] = []
    pending_label: Token | None = None
    # side by side columns come apart before wrapped dates are joined: a narrow author column
    # wraps its own ("Joined: Sat May 14," / "2005 12:07 am"), and a blank line put into a row ends it
    lines, left_column = unfold(split_glued_names(split_compound(split_lines(text))))
    lines = join_wrapped_dates(lines)
    seen: dict[str, Token] = {}  # forum dumps repeat lines (buttons, labels, names): classify once
    for number, line in enumerate(lines):
        known = seen.get(line)
        if known is None:
            known = seen[line] = _scan_line(line, number, dates)
        tok = Token(known.kind, known.text, number, known.indent, known.bullet, dict(known.data))
        if number in left_column and tok.kind in ("body", "stat", "stat_value"):
            tok.data["left"] = True  # beside the post text: author column material, not text
        if pending_label is not None and tok.kind != "blank":
            field_name = pending_label.data["field"]
            if _value_fits(field_name, tok):
                pending_label.data["value"] = tok.text
                tok = Token("stat_value", tok.text, number, tok.indent, tok.bullet, {"field": field_name})
            pending_label = None
        if tok.kind == "stat" and not tok.data["value"]:
            pending_label = tok
        tokens.append(tok)
    return _quoted_date_lines(tokens)


# A quote box's label alone on its line ("Quote:", "引用:"): what follows is quoted
QUOTE_LABEL = re.compile(r"^(?:quote|zitat|citation|cita|citazione|citação|цитата|cytat|引用|引言)\s*[:：]?\s*$", re.I)


def _quoted_date_lines(tokens: list[Token]) -> list[Token]:
    """ "Quote:" / "NAME posted DATE": a date line right under a quote label heads the quoted
    post, not a post of the page; it becomes the quote's header (the name before the date)."""
    prev = None
    for i, tok in enumerate(tokens):
        if tok.kind == "blank":
            continue
        if tok.kind == "date" and prev is not None and QUOTE_LABEL.match(prev.text) and (
                prev.kind == "body" or prev.kind == "quote_header" and not prev.data.get("author")):
            words = tok.data["before"].split()
            author = words[0] if words and len(words) <= 3 and any(ch.isalpha() for ch in words[0]) else None
            tokens[i] = Token("quote_header", tok.text, tok.line, tok.indent, tok.bullet,
                              {"author": author, "rest": ""})
        prev = tok
    return tokens


_POSTS_WORDS = frozenset(POSTS_LABELS)
_NEXT_LABEL = re.compile(r"^\S+(?:\s+\S+)?\s*[:：](?:\s|$)")
_SEPARATOR = re.compile(r"\s+[·|•]\s+")
_COUNT_THEN = re.compile(r"^(\s*)(?P<stat>[^\W\d_][^:]{0,20}:\s*\d[\d.,]*) (?P<rest>[^\W\d_]\S*(?:\s+\S+){2,}.*)$")
_COMPOUND_HINT = re.compile(r"\d|:\s")


def split_compound(lines: list[str]) -> list[str]:
    """A post header on one line ("alice · Member · Posts: 12 · 3 March 2021") becomes one line
    per part, as a page dump with line breaks would show it (WET records, copy and paste)."""
    out: list[str] = []
    for line in lines:
        if ":" in line and len(line) < 300:
            line = _unglue_labels(line)
        if len(line) < 300 and _SEPARATOR.search(line) and _COMPOUND_HINT.search(line):
            parts = [p.strip() for p in _SEPARATOR.split(line.strip()) if p.strip()]
            if len(parts) >= 3 and any(_stat_like(p) for p in parts):
                out.extend(parts)
                continue
        menu = _name_then_buttons(line) if len(line) < 200 and " " in line.strip() else None
        menu = menu or _text_then_buttons(line)
        if menu:
            indent = line[:len(line) - len(line.lstrip())]
            out.extend(indent + part for part in menu)
            continue
        count_then = _COUNT_THEN.match(line) if ":" in line and len(line) < 300 else None
        if count_then and count_then.group("stat").split(":")[0].strip().lower() in _POSTS_WORDS \
                and count_then.group("rest").split()[0].lower().rstrip(".,") not in MONTHS \
                and not _NEXT_LABEL.search(count_then.group("rest")):  # "Posts: 57 Joined: ...": a run of stats
            # "Posts: 318 My layout has brass rail...": the author cell's last line and the text's
            # first run into one line by the renderer (one space: a wider gap is two columns)
            out += [count_then.group(1) + count_then.group("stat"), count_then.group(1) + count_then.group("rest")]
            continue
        run = _stat_run(line) if len(line) < 200 and _COMPOUND_HINT.search(line) and _LABEL_HINT.search(line) \
            else None
        if run:
            indent = line[:len(line) - len(line.lstrip())]
            out.extend(indent + part for part in run)
            continue
        out.append(line)
    return out


_GLUED_LABEL = re.compile(r"(?<=[0-9a-z)])(?=(?:" + "|".join(
    sorted((re.escape(w.capitalize()) for w in _LABEL_FIRST_WORDS if w), key=len, reverse=True)) + r")\s*:)")


def _unglue_labels(line: str) -> str:
    """"Posts: 6962Joined: Sun Sep 03, 2006 9:23 pmLocation: Oslo": statistics whose <dt>/<dd>
    items a renderer joined without a space (WET) get the space back before each label."""
    if len(re.findall(r"\w:\s", line)) < 2:
        return line
    return _GLUED_LABEL.sub(" ", line)


def _name_then_buttons(line: str) -> list[str] | None:
    """A name with its profile menu on one line ("Rainmaker View Profile View Forum Posts Private
    Message"): WET records keep one line per block, so the menu runs onto the name."""
    if is_buttons(line.strip()):
        return None
    words = line.split()
    for k in range(1, min(4, len(words) - 1)):
        name, menu = " ".join(words[:k]), " ".join(words[k:])
        if not menu[0].isupper() or len(_BUTTONS.findall(menu)) < 2 or not is_buttons(menu):
            continue
        if len(name) <= 40 and any(ch.isalpha() for ch in name) and not is_buttons(name) \
                and not name.endswith((".", ",", ":", ";", "!", "?")):
            return [name, menu]
        return None
    return None


_TRAILING_BUTTONS = re.compile(r"(?<=[.!?)])\s+(?P<menu>[A-Z][\w'-]*(?:\s+[\w'-]+){1,5})$")


def _text_then_buttons(line: str) -> list[str] | None:
    """A sentence with the post's buttons run onto its end ("Any thoughts? Back to top"): WET
    records join the last text of a post to the button row below it."""
    m = _TRAILING_BUTTONS.search(line) if "  " not in line.strip() else None
    # a sentence of a few words: a subject wrapped by the renderer ("can u post....") is no text
    if m is None or len(line[:m.start()].split()) < 3 or not is_buttons(m.group("menu")):
        return None
    return [line[:m.start()].strip(), m.group("menu")]


_MONTH_WORDS = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))
# "alice November 18," / "2019, 6:49am #1": a renderer wrapped the date line before its year
_DATE_CUT = re.compile(rf"(?:\b(?:{_MONTH_WORDS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?"
                       rf"|\b\d{{1,2}}\.?\s+(?:{_MONTH_WORDS})\.?,?)$", re.I)
_YEAR_FIRST = re.compile(r"^\s*(?:19|20)\d\d\b")
_TIME_CUT = re.compile(r"\b\d{1,2}:\d\d(?::\d\d)?$")
_MERIDIEM = re.compile(r"^\s*(?:[ap]\.?m\.?)(?:\s*»)?\s*$", re.I)


def join_wrapped_dates(lines: list[str]) -> list[str]:
    """A short line ending in a month and day whose year starts the next line becomes one line
    (html2text wraps at 78 columns, lynx at its width); a blank line keeps the numbering."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if i + 1 < len(lines) and len(line) <= 80 and len(lines[i + 1]) <= 80 and (
                _YEAR_FIRST.match(lines[i + 1]) and _DATE_CUT.search(line) and "   " not in lines[i + 1].strip()
                or _MERIDIEM.match(lines[i + 1]) and _TIME_CUT.search(line)):  # "... 09:46:50" / "AM"
            out += [line + " " + lines[i + 1].strip(), ""]
            i += 2
            continue
        out.append(line)
        i += 1
    return out


_LABEL_HINT = re.compile(r"\S\s*[:：]?\s+\d")  # a label and its count or date


def _stat_run(line: str) -> list[str] | None:
    """ "Messages 1,293 Reaction score 1,434 Points 113": label/value pairs a converter put on
    one line (XenForo 2's <dl> lists in inscriptis) as one line per pair; a name and title
    before the first label ("NAME RANK Posts: 2 Joined: ...") go on a line of their own."""
    words = line.split()
    starts = [i for i, w in enumerate(words) if w.lower().rstrip(":：") in _LABEL_FIRST_WORDS]
    if len(starts) < 2 or starts[0] > 4 or len(starts) * 2 > len(words):
        return None
    parts = [" ".join(words[i:j]) for i, j in zip(starts, starts[1:] + [len(words)])]
    head = " ".join(words[:starts[0]])
    while parts and not _stat_pair(parts[0], last=len(parts) == 1) and len((head + " " + parts[0]).split()) <= 4 \
            and not (len(parts) > 1 and _stat_pair(parts[0] + " " + parts[1], last=False)):
        head = (head + " " + parts.pop(0)).strip()  # "Senior Member Join Date ...": "Member" is a title word
    merged: list[str] = []
    for part in parts:  # "Join" + "Date Oct 2010": a label whose later word is also a label's first
        if merged and not _stat_pair(merged[-1], last=False):
            merged[-1] += " " + part
        else:
            merged.append(part)
    parts = merged
    if len(parts) < 2 or head and re.search(r"[.!?,;:]$", head):
        return None
    if head and not parts[0].split()[0].endswith((":", "：")) and len(parts) < 3:
        return None  # without colons, only a longer run of statistics is sure to be one
    if not all(_stat_pair(part, last=n == len(parts) - 1) for n, part in enumerate(parts)):
        return None
    if not any(POSTS_LABEL.match(p) or JOINED_LABEL.match(p) for p in parts):
        return None
    out = [head] if head else []
    for part in parts:  # without a colon the label goes above its value, as dumps of <dl> lists show it
        m = next((m for m in (rx.match(part) for rx, _ in _STAT_FITS) if m and m.group("value")), None)
        if m and ":" not in part[:m.start("value")] and "：" not in part[:m.start("value")]:
            out += [part[:m.start("value")].strip(), "    " + m.group("value")]
        else:
            out.append(part)
    return out


_STAT_FITS = ((POSTS_LABEL, _COUNT.match), (JOINED_LABEL, _LOOKS_DATE.search),
              (LOCATION_LABEL, lambda v: len(v) <= 40), (OTHER_STAT_LABEL, lambda v: len(v) <= 40))


def _stat_pair(part: str, last: bool) -> bool:
    """ "Posts 3,882", "Join Date Oct 2010": a label and a value that fits it."""
    for rx, fit in _STAT_FITS:
        m = rx.match(part)
        if m and m.group("value") and not part[m.start("value") - 1].isalnum() and fit(m.group("value")):
            return True
        if m and not m.group("value") and last and part.endswith((":", "：")):
            return True  # "... Contact:": the last label's value is on the next line
    return False


def _stat_like(part: str) -> bool:
    return bool(POSTS_LABEL.match(part) or JOINED_LABEL.match(part)) and any(ch.isdigit() for ch in part)


def _value_fits(field_name: str, tok: Token) -> bool:
    if len(tok.text) > 60 or tok.kind in ("stat", "quote_header", "rule"):
        return False
    if field_name == "posts":
        return bool(_COUNT.match(tok.text))
    return True


# the bare "Edited" mark of an edited post; "[edit_40b] Last edited by" goes through EDIT_NOTE
_EDITED_MARK = re.compile(r"^(?:edited|bearbeitet|modifié|editado|modificato|изменено|bewerkt)$", re.I)
_MD_RULE = "* * *"  # html2text's <hr>, which the bullet pattern would take for a list item


def _scan_line(line: str, number: int, dates) -> Token:
    if line.strip() == _MD_RULE:
        return Token("rule", _MD_RULE, number, len(line) - len(line.lstrip()))
    m = _BULLET.match(line)
    indent = len(m.group("indent")) if m else 0
    bullet = m.group("bullet") if m else None
    body = line[m.end():].strip() if m else line.strip()
    if not body:
        return Token("blank", "", number, indent, bullet)
    if RULE.match(body) or body == "--":
        return Token("rule", body, number, indent, bullet)
    if POSTNUM.match(body):
        return Token("postnum", body, number, indent, bullet)
    if EDIT_NOTE.match(_LEADING_IMAGES.sub("", body.lstrip("«»*•· "))) or _EDITED_MARK.match(body):
        return Token("edit", body, number, indent, bullet)
    maybe_quote = _maybe_quote(body)
    if len(body) < 160 and maybe_quote and not is_buttons(body):
        quote = quote_header_inline(body)
        if quote and not _dated_byline(quote, dates) and not _posted_on(body, dates):
            return Token("quote_header", body, number, indent, bullet, quote)
    stat = _stat_label(body, dates)
    if stat:
        return Token("stat", body, number, indent, bullet, {"field": stat[0], "value": stat[1]})
    found = find_date(body, dates)
    if found is not None:
        parsed, start, end, date_kind = found
        residual = " ".join((body[:start] + " " + body[end:]).split())
        if _short_residual(residual):
            return Token("date", body, number, indent, bullet,
                         {"date": parsed, "raw": body[start:end].strip(" ,-@"), "residual": residual,
                          "date_kind": date_kind, "before": body[:start].strip(), "after": body[end:].strip()})
    if _PUNCT_ONLY.match(body):  # a bare bullet or star (rank images)
        return Token("blank", "", number, indent, bullet)
    if _BARE_STATUS.match(body):
        return Token("status", body, number, indent, bullet, {"name": None, "rest": ""})
    status = STATUS_LINE.match(body)
    if status:
        found = status.groupdict()
        if found["name"] and found["name"].lower() in _STATUS_SUBJECTS:
            found["name"] = None  # "Member Is Offline" (XMB), "Benutzer ist offline": no user named
        return Token("status", body, number, indent, bullet, found)
    if is_buttons(body):
        return Token("button", body, number, indent, bullet)
    if NAV.match(body):
        return Token("nav", body, number, indent, bullet)
    if maybe_quote:
        quote = quote_header_inline(body)
        if quote:
            return Token("quote_header", body, number, indent, bullet, quote)
    return Token("body", body, number, indent, bullet)


_NOISE_WORDS = re.compile(
    r"\b(?:posted|post|on|at|subject|reply|with|quote|by|date|re|am|um|le|el|il|em|op|von|par|por|от|"
    rf"link|edited|wrote|said|permalink|postposted|of|thread starter|topic starter|original poster|op|themenstarter|"
    rf"#\d+|{WEEKDAYS})\b|#\d+|[^\w\s]", re.I)


# Cheap test before the quote-header patterns: every header holds one of these words.
_QUOTE_WORD = re.compile(
    r"quot|wrote|said|writes|says|schrieb|sagte|gesagt|zitat|écrit|a dit|citation|escribió|dijo|cita|scritto|"
    r"scrisse|escreveu|disse|schreef|zei|написал|сказал|цитат|napisał|cytat|skrev|kirjoitti|originally|posted", re.I)


_VIEW_POST = re.compile(r"\s+(?:view post|beitrag anzeigen|voir le message|ver mensaje)$", re.I)
_SUBJECT_PART = re.compile(r"\b(?:(?:post\s*)?subject|sujet(?: du message)?|betreff|asunto|oggetto|assunto|onderwerp|"
                           r"тема|temat)\s*:.*?(?=reply with quote|$)", re.I)
_RE_SUBJECT = re.compile(r"^(?:re|aw|antw|rép)\s*(?:\[\d+\])?\s*:", re.I)
_QUOTE_HINTS = ("quot", "wrote", "said", "posted", "writes", "says", "schrieb", "sagte", "écrit", "a dit", "escribi",
                "dijo", "scritt", "scrisse", "escreveu", "disse", "schreef", "zei", "gesagt", "сказал", "napisa",
                "skrev", "kirjoitti", "originally", "citation", "citaat", "zitat", "цитат", "cita", "cytat", "написал")


def _maybe_quote(text: str) -> bool:
    """Cheap test before the quote-header patterns (most lines are plainly not headers)."""
    if len(text) > 400:
        return False
    low = text.lower()
    return any(h in low for h in _QUOTE_HINTS) and bool(_QUOTE_WORD.search(text))


def _dated_byline(quote: dict, dates) -> bool:
    """"NAME   Posted: DATE": a post's byline (side-by-side cells run into one line), not a quote
    box whose text is a date."""
    rest = quote.get("rest") or ""
    found = find_date(rest, dates) if 6 <= len(rest) <= 60 else None
    return found is not None and len((rest[:found[1]] + rest[found[2]:]).strip(" ,-@|")) <= 3


_POSTED_ON = re.compile(r"\bposted\s+(?:on\s+|at\s+)?(?=\S)", re.I)


def _posted_on(body: str, dates) -> bool:
    """"Junior Member   posted on 3-2-2015 at 07:12 PM": a byline ending in the post's date (an
    author column run into it), not "X posted:" over a quote."""
    m = _POSTED_ON.search(body)
    found = find_date(body[m.end():], dates) if m else None
    return found is not None and found[1] == 0 and not body[m.end() + found[2]:].strip(" ,-@|")


# "DATE edited DATE" (Vanilla), "DATE Last Edit: DATE by NAME" (SMF): the edit note beside the post date
EDIT_TAIL = re.compile(r"(?:^|\s)(?:edited|last edit(?:ed)?|bearbeitet|letzte änderung|modifié|dernière modification|"
                       r"editado|modificato|изменено)\b.*$", re.I)


def _short_residual(residual: str) -> bool:
    """A date line carries little else: a name, a post number, a few label words, a "Re:" subject."""
    residual = EDIT_TAIL.sub("", residual)
    if _RE_SUBJECT.match(residual) and len(residual) < 200:
        return True
    residual = _SUBJECT_PART.sub(" ", residual)  # "Post subject: <a title>" beside the date is a label
    if len(residual) > 80:
        return False
    if residual.count(" ") < 5:
        return True
    return len(_NOISE_WORDS.sub(" ", residual).split()) <= 5


_NOT_QUOTED = frozenset(("post", "message", "topic", "reply", "re", "originally", "first", "last", "who", "he", "she",
                         "i", "you", "it", "they", "someone", "somebody", "nobody", "everyone"))


def quote_header_inline(text: str) -> dict | None:
    """A quote header, possibly with the quoted text on the same line ("Max wrote:Ran into...")."""
    found = _quote_header_inline(text)
    if found and found.get("author"):
        found["author"] = _VIEW_POST.sub("", found["author"]) or None  # "X View Post": a link beside the name
    author = (found.get("author") or "").lower() if found else ""
    if found and (author in _NOT_QUOTED or author.endswith(" post") or _NUMBER_ONLY.match(author)):
        return None  # "Post Posted: ...", "NAME PostPosted: ...", "He said: ..." are no quote boxes
    if found and author and not text.rstrip().endswith((":", "↑", "»")) and author.split()[-1] in _PRONOUNS:
        return None  # "I'll keep you posted", "as I said": words of a sentence, no header
    return found


_NUMBER_ONLY = re.compile(r"^#?\s?\d+$")  # "#1 Posted: DATE": the post number, no quoted name
_PRONOUNS = frozenset(("i", "you", "he", "she", "it", "we", "they", "me", "him", "her", "us", "them"))


def _quote_header_inline(text: str) -> dict | None:
    if len(text) < 120:
        is_quote, author = quote_header_author(text)
        if is_quote:
            return {"author": author, "rest": ""}
    m = QUOTE_INLINE.match(text)
    if m and len(m.group("author").split()) <= 4:
        return {"author": m.group("author").strip(" \"'“”«»"), "rest": m.group("rest")}
    return None
