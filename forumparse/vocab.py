"""Forum vocabulary shared by the HTML and text paths, in the languages we read.

Label words for user statistics, quote headers, edit notes and buttons. Keep
every such word list here so that both paths (and every adapter) agree.
"""
from __future__ import annotations

import re

# "X wrote:", "Quote from X", "Originally Posted by X", "X said:" and their translations.
# Group "author" is the quoted name; it is optional in headers that carry none ("Quote:").
_QUOTE_AFTER = (
    r"(?:wrote|said|writes|says|posted|schrieb|sagte|a écrit|a dit|escribió|dijo|ha scritto|scrisse|escreveu|disse|"
    r"schreef|zei|hat gesagt\.?|написал\(а\)|написал|написала|сказал|napisał\(a\)|napisał|napisała|skrev|kirjoitti|"
    r"hat (?:folgendes )?geschrieben|писал\(а\)|писал|пишет|pisze)"  # phpBB de / ru / pl, FluxBB ru packs
)
_QUOTE_BEFORE = (
    r"(?:quote from|quote from:|quoting|originally posted by|quote originally posted by|zitat von|zitat:? von|"
    r"original von|original by|original de|original di|original door|"  # Burning Board, vBulletin 2
    r"citation de|cita de|citazione di|citazione da|citação de|citaat van|цитата|cytat|"
    r"citation envoyé par|envoyé par|originalmente escrito por|originalmente enviado por|"  # vBulletin packs
    r"originariamente inviato da|postado originalmente por|oorspronkelijk geplaatst door|сообщение от)"
)
_QUOTE_AFTER = _QUOTE_AFTER.replace(" ", r"\s+")
_QUOTE_BEFORE = _QUOTE_BEFORE.replace(" ", r"\s+")
QUOTE_HEADER = re.compile(
    rf"""^\s*(?:
        (?:quote:?\s*)?{_QUOTE_BEFORE}\s*:?\s*(?P<author2>[^\n]{{1,60}}?)
        \s*(?:»|(?<=\s)on\b[^\n]*|\([^)\n]*\)|(?<=\s)(?:am|le|en|el|il|em|op|от|w|dnia|-|—)\s[^\n]*\d[^\n]*)?
        \s*:?\s*$
      | (?:quote:\s*)?(?P<author>[^\n]{{1,60}}?)\s*(?:\([^)\n]*\)\s*)?
        (?:,\s*(?:on|am|le|el|il|em|op)\s[^\n]{{1,50}}?,\s*)?{_QUOTE_AFTER}
        (?:\s+(?:on|at|am|le|el|il|em|op|in)\s[^\n]{{1,80}}?)?\s*:?\s*(?:↑|»)?\s*$
      | (?:quote|zitat|citation|cita|citazione|citação|citaat|цитата|cytat)\s*:?\s*$
      | quote\s*\(\s*(?P<author3>[^@()\n]{{1,60}}?)\s*@[^)\n]{{0,60}}\)\s*\S?\s*$
    )""",
    re.I | re.X,
)


# Every alternative of QUOTE_HEADER needs one of these words: lines holding none (nearly all
# lines of a page) are turned away without running the pattern (~1 µs instead of ~20).
_QUOTE_WORDS = (
    "quot", "original", "originari", "envoyé", "postado", "oorspronkelijk", "сообщение", "zitat", "cita",
    "цитат", "cytat", "wrote", "said", "writes", "says", "posted",
    "schrieb", "sagte", "écrit", "dit", "escribió", "dijo", "scritto", "scrisse", "escreveu", "disse", "schreef",
    "zei", "gesagt", "geschrieben", "писал", "сказал", "пишет", "napisał", "pisze", "skrev", "kirjoitti",
)
_FOLD = str.maketrans("ſ", "s")  # re.I matches the long s as "s"; str.lower() keeps it


# The link vBulletin prints after the quoted name ("Originally Posted by X View Post").
_VIEW_POST = re.compile(r"\s+(?:view post|voir le message|beitrag anzeigen|ver mensaje|visualizza messaggio|"
                        r"ver post|bericht bekijken|посмотреть сообщение)\s*$", re.I)


def quote_header_author(line: str) -> tuple[bool, str | None]:
    """(is a quote header, quoted author or None) for one short line of text."""
    if not line or len(line) > 120:
        return False, None
    low = line.lower()
    if not line.isascii():
        low = low.translate(_FOLD)
    if not any(word in low for word in _QUOTE_WORDS):
        return False, None
    match = QUOTE_HEADER.match(line)
    if not match:
        return False, None
    author = match.group("author") or match.group("author2") or match.group("author3")
    if author and len(author.split()) > 5:
        return False, None
    if author:
        author = _VIEW_POST.sub("", author).strip(" :\"'“”«»")
        author = re.sub(r"^(?:quote|zitat)\s*:?\s*", "", author, flags=re.I) or None
    return True, author or None


EDIT_NOTE = re.compile(
    r"^\s*(?:last edited by|edited by|last edited:|last edit:|edited:|zuletzt bearbeitet|zuletzt von|bearbeitet von|"
    r"zuletzt geändert|последний раз редактировалось|ultima modifica|"  # phpBB de / ru / it
    r"dernière (?:édition|modification) par|modifié par|editado por|última edición|modificato da|"
    r"laatst bewerkt|последнее редактирование|отредактировано|ostatnio edytowany|edytowane przez|"
    r"this post was edited|post edited by|this post has been edited|\(?this post was last modified|"
    r"this (?:topic|reply) was modified|message was edited by|本帖最后由|本帖最後由|"
    r"dieser beitrag wurde (?:von .{1,60}? )?(?:zuletzt )?bearbeitet)",  # IP.Board de
    re.I,
)

# Labels of the author statistics that forums show beside a post ("Posts: 1,234", "Joined: ...").
POSTS_LABELS = (
    "posts", "post", "messages", "message count", "total posts", "beiträge", "beitrag", "nachrichten",
    "messages", "publications", "mensajes", "respuestas", "messaggi", "mensagens", "berichten",
    "сообщения", "сообщений", "сообщ.", "posty", "postów", "inlägg", "replies",
    "post count", "publicaciones", "mensagens", "posts count", "wpisy", "bijdragen",
    "帖子", "發帖", "发帖",
    "mesajlar", "příspěvky", "hozzászólások", "viestit",  # vB / XF language packs
)
JOINED_LABELS = (
    "joined", "join date", "registered", "member since", "registriert", "registriert seit",
    "mitglied seit", "dabei seit", "inscrit le", "inscription", "date d'inscription", "registrado",
    "fecha de ingreso", "registrato", "iscritto", "membro desde", "registrado em", "lid sinds",
    "geregistreerd", "регистрация", "зарегистрирован", "dołączył", "rejestracja", "blev medlem",
    "medlem sedan", "since",
    "registered on", "joined on", "member since:", "membre depuis", "miembro desde", "registrado desde",
    "iscritto il", "registrato il", "iscritto dal", "membro dal", "registrado em", "lid sinds",
    "geregistreerd op", "registrierungsdatum", "на форуме с", "дата регистрации", "zarejestrowany", "data rejestracji",
    "anmeldedatum", "fecha de inscripción", "data d'iscrizione", "data de inscrição",  # Forumotion
    "anmeldungsdatum", "registado", "registado em", "inscrit", "iscritto il",  # phpBB language packs
    "注册时间", "註冊時間", "加入时间", "登録日",
    "lid geworden", "registratiedatum", "katılım", "katılım tarihi", "registrace", "csatlakozott",  # vB / XF packs
)
# Other author statistics, read past (not recorded) so that they do not pass for names or text.
OTHER_STAT_LABELS = (
    "reputation", "rep", "reputation power", "karma", "reaction score", "reactions", "likes received",
    "likes", "points", "trophy points", "thanks", "thanked", "thanks given", "thanks received", "mentioned",
    "tagged", "age", "gender", "country", "credits", "warning level", "blog entries", "website",
    "occupation", "interests", "contact", "solutions", "best answers",
    "threads", "currency", "topics", "themen", "quoted", "реакции", "баллы", "репутация", "симпатии",
    "пол", "возраст", "город", "punkte", "reaktionspunkte", "erhaltene likes", "alter", "geschlecht",
    "danksagungen", "points de réaction", "réputation", "puntos", "puntuación de reacción", "reputación",
    "pontos", "reputação", "punti", "reputazione", "polubienia", "reputacja", "punkty", "reacties",
    "contact", "kontaktdaten", "kontakt", "contacto", "contatto", "контакты",  # phpBB 3.1+ "Contact:" icons
    "member no.", "member no", "member #", "uid",
    "积分", "積分", "主题", "主題", "金钱", "威望", "精华", "dank erhalten",
)
# The user group line of an author block ("Group: Members"): header, and the rank where no title shows.
GROUP_LABELS = ("group", "user group", "usergroup", "gruppe", "benutzergruppe", "groupe", "grupo", "gruppo",
                "groep", "группа", "grupa", "用户组", "用戶組")
LOCATION_LABELS = ("location", "from", "wohnort", "ort", "localisation", "ubicación", "località",
                   "localização", "woonplaats", "откуда", "skąd", "ort", "lokalizacja", "localidade",
                   "loc", "来自", "來自",
                   "адрес", "locatie", "plats", "konum", "bydliště", "helyszín")


def _label_re(labels) -> re.Pattern:
    words = "|".join(sorted((re.escape(w) for w in set(labels)), key=len, reverse=True))
    return re.compile(rf"^\s*(?:{words})\s*[:：]?\s*(?P<value>.*?)\s*$", re.I)


POSTS_LABEL = _label_re(POSTS_LABELS)
JOINED_LABEL = _label_re(JOINED_LABELS)
LOCATION_LABEL = _label_re(LOCATION_LABELS)
OTHER_STAT_LABEL = _label_re(OTHER_STAT_LABELS)
GROUP_LABEL = _label_re(GROUP_LABELS)
# A quote header with the quoted words on the same line ("Max wrote:Ran into the same issue").
QUOTE_INLINE = re.compile(
    rf"^\s*(?:quote:\s*)?(?P<author>[^\n:]{{1,40}}?)\s*(?:\([^)\n]*\)\s*)?{_QUOTE_AFTER}\s*:\s*(?P<rest>\S.*)$",
    re.I,
)

# Buttons and links that sit in post footers and mean nothing as text.
BUTTON_WORDS = frozenset(
    w.casefold()
    for w in (
        "reply", "quote", "report", "like", "share", "edit", "delete", "multiquote", "multi-quote",
        "reply with quote", "quick reply", "back to top", "top", "pm", "email", "www", "profile",
        "permalink", "thanks", "thank", "bookmark", "flag", "link", "antworten", "zitieren", "melden",
        "gefällt mir", "teilen", "répondre", "citer", "signaler", "responder", "citar", "rispondi",
        "cita", "ответить", "цитировать", "пожаловаться", "odpowiedz", "cytuj", "svara", "citera",
    )
)


# Words that label a post's date line ("Written 2 Feb 2019", "Verfasst am ...") and are never its author.
DATE_LABEL_WORDS = frozenset(
    "written sent submitted created published posté publié écrit envoyé geschrieben verfasst erstellt gepostet "
    "gesendet publicado enviado escrito creado inviato scritto pubblicato geplaatst verzonden опубликовано "
    "добавлено отправлено napisano wysłany dodano opublikowano skrivet postad skickat datum fecha data time "
    "zeit heure hora 发表于 发表时间 发布于 发布时间 回复于".split()
)


# What link aggregators (Reddit, Hacker News) show in place of a deleted, removed or flagged
# comment's text: a placeholder, not the comment's words.
REMOVED_TEXT = re.compile(
    r"^\s*(?:\[\s*(?:deleted|removed|flagged|dead|unavailable|gelöscht|supprimé|eliminado"
    r"|removed by (?:reddit|moderator)\b[^\]]*)\s*\]"
    r"|\[?\s*(?:this )?(?:comment|post|message|reply) (?:was |has been )?(?:deleted|removed)(?:{by})?\.?\s*\]?"
    r"|\[?\s*(?:deleted|removed){by}\.?\s*\]?)\s*$"
    .replace("{by}", r" by (?:the )?(?:user|author|moderator|a moderator|admin|reddit)"
                     r"(?: for [^\]]{1,40}| from banned user)?"),
    re.I)


# Lines under a thread's last post that close the thread: the reply prompt for guests, the share
# bar's label, the similar-threads list (whose dates are no posts).
THREAD_END = re.compile(
    r"^(?:you must log in or register to reply here\.?|войдите или зарегистрируйтесь для ответа\.?|"
    r"du musst dich einloggen oder registrieren, um hier zu antworten\.?|"
    r"vous devez vous connecter ou vous inscrire pour répondre ici\.?|"
    r"(?:all times are|alle zeiten sind|toutes les heures sont(?: au format)?|todas las horas son|"
    r"tutti gli orari sono|fuseau horaire(?: sur)?)\s+(?:utc|gmt)\b.*|"  # phpBB's footer (vBulletin fr: no "sur")
    r"similar threads|ähnliche themen|похожие темы|discussions similaires|temas similares|discussioni simili|"
    r"(?:share|teilen|поделиться|partager|compartir|condividi)\s*:)\s*:?$",
    re.I,
)
