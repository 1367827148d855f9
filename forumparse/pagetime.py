"""What a page says about its own times, found by cheap string searches over the page text (no
tree walk): the zone its times are shown in, and when it was shown or saved.

    All times are UTC - 5 hours [ DST ]          -> UTC-04:00
    Alle Zeiten sind <span>UTC+02:00</span>     -> UTC+02:00
    It is currently Sat Jul 20, 2019 7:44 pm     -> a capture time candidate
    <!-- Mirrored from ... by HTTrack Website Copier/3.x [XR&CO'2014], Fri, 19 Oct 2018 07:56:15 GMT -->
"""
from __future__ import annotations

import html
import re
from collections.abc import Iterator
from datetime import timedelta, timezone, tzinfo

# Footer labels before the zone the page shows its times in (phpBB, vBulletin, their translations).
ZONE_LABELS = (
    "All times are", "All Times are", "All times", "Alle Zeiten sind", "Alle Zeitangaben in", "Alle Zeiten",
    "Toutes les heures sont au format", "Toutes les heures sont", "Heures au format", "Fuseau horaire",
    "Todos los horarios son", "Todas las horas son",
    "Tutti gli orari sono", "Tutti gli orari", "Todos os horários são", "Todas as horas são", "Alle tijden zijn",
    "Alla tider är", "Wszystkie czasy", "Strefa czasowa", "Часовой пояс", "Все времена",
)
_LABEL_ENDS = tuple(label.rstrip(":") for label in ZONE_LABELS) + ("au format",)
# Footer labels before the time the page was shown.
NOW_LABELS = (
    "It is currently", "Aktuelle Zeit:", "Aktuelle Zeit", "Es ist momentan", "Nous sommes le",
    "Nous sommes actuellement le", "Fecha actual", "Es actualmente", "Oggi è", "La data di oggi è",
    "Het is momenteel", "Het is nu", "Agora são", "Data/hora atual:", "Текущее время:", "Текущее время",
    "Teraz jest", "Dzisiaj jest", "Aktuell tid är", "Aktuell tid:", "Det är nu",
    "Current time:", "Heure actuelle :", "Heure actuelle:", "Hora actual:", "Ora attuale:", "Hora atual:",
    "Il est actuellement", "Es ist jetzt",
)
_NOW_LABEL = re.compile("|".join(map(re.escape, sorted(NOW_LABELS, key=len, reverse=True))))
# A match of "Aktuelle Zeit:" is an occurrence of "Aktuelle Zeit" too.
_PREFIXES = {label: [other for other in NOW_LABELS if label.startswith(other)] for label in NOW_LABELS}
# Comments savers leave with the capture date.
_SAVER = re.compile(
    r"Mirrored from \S+ by HTTrack Website Copier/[\d.x]+ \[[^\]]*\],\s*([^<>\n-]{10,40})"
    r"|saved date:\s*([^\n<>]{10,80})"
    r"|FILE ARCHIVED ON\s+([^\n<>]{10,40}?)\s+AND RETRIEVED", re.I)
_TAG = re.compile(r"<[^<>]*>")
_ZONE = re.compile(
    r"^\W{0,3}(?:(?:UTC|GMT|WEZ|MEZ)\s*(?:(?P<sign>[+-−])\s*(?P<h>\d{1,2})(?:[:.](?P<m>\d{2})|\.(?P<frac>5))?"
    r"(?:\s*(?:hours?|heures?|horas?|ore|stunden?|uur|timmar|godz\w*|час\w*))?)?"
    r"|(?P<bare>[+-])(?P<bh>\d{2}):?(?P<bm>\d{2}))(?P<dst>\s*\[\s*(?:DST|Sommerzeit|heure d'été|horario de verano|"
    r"ora legale|horário de verão|zomertijd|sommartid|czas letni|летнее время)\s*\])?",
    re.I)


_EDGE = 48_000  # footers and savers' comments sit near the start or the end of a page


def _edges(text: str) -> str:
    """The first and last parts of a page, where footers and savers' comments are: scanning
    only these keeps the cost of a page-level search flat on big pages."""
    if len(text) <= 2 * _EDGE:
        return text
    return text[:_EDGE] + "\n" + text[-_EDGE:]


def _window(text: str, start: int, size: int = 200) -> str:
    """The visible text right after a label: tags dropped, entities decoded, spaces collapsed."""
    chunk = _TAG.sub(" ", text[start:start + size])
    return " ".join(html.unescape(chunk).split())


def stated_zone(text: str) -> tzinfo | None:
    """The fixed offset a page states for the times it shows, or None. Every such statement names
    UTC or GMT (or WEZ/MEZ), so those few words are found first and the label looked for before them."""
    text = _edges(text)
    for word in ("UTC", "GMT", "WEZ", "MEZ"):
        at = text.find(word)
        seen = 0
        while at != -1 and seen < 50:
            before = _visible(text[max(0, at - 160):at])
            if before.endswith(_LABEL_ENDS) or any(label in before[-60:] for label in ZONE_LABELS):
                m = _ZONE.match(_window(text, at))
                if m:
                    return _zone_of(m, _window(text, at))
            at = text.find(word, at + 3)
            seen += 1
    return None


def _visible(chunk: str) -> str:
    chunk = chunk[chunk.rfind(">") + 1:] if chunk.count("<") > chunk.count(">") else chunk
    return " ".join(html.unescape(_TAG.sub(" ", chunk)).split())


def _zone_of(m: re.Match, window: str) -> tzinfo | None:
    if m.group("bare"):
        minutes = int(m.group("bh")) * 60 + int(m.group("bm"))
        if m.group("bare") == "-":
            minutes = -minutes
    else:
        minutes = int(m.group("h") or 0) * 60 + int(m.group("m") or 0) + (30 if m.group("frac") else 0)
        if m.group("sign") in ("-", "−"):
            minutes = -minutes
        if window.lstrip("([ ").upper().startswith("MEZ"):
            minutes += 60  # MEZ is UTC+1, the zone German vBulletin boards name
    if m.group("dst"):
        minutes += 60  # phpBB 3.0 shifts every shown time by an hour when its DST switch is on
    if abs(minutes) > 14 * 60:
        return None
    return timezone.utc if minutes == 0 else timezone(timedelta(minutes=minutes))


def capture_candidates(text: str) -> Iterator[str]:
    """Strings that may hold the time the page was shown: footer clocks first, then savers'
    comments. Each is cut short word by word, since what follows the date varies."""
    text = _edges(text)
    found: dict[str, list[int]] = {}
    for m in _NOW_LABEL.finditer(text):  # one pass for every label, not one search each
        for label in _PREFIXES[m.group()]:
            found.setdefault(label, []).append(m.start())
    for label in NOW_LABELS:
        for at in found.get(label, ())[:3]:
            window = _window(text, at + len(label), 120)
            window = re.split(r"\s[|•·-]\s|\s\[|\s\(", window)[0]
            words = window.lstrip(" :").split()
            for cut in range(min(len(words), 8), 1, -1):  # "14.10.2020, 12:18" is two words
                yield " ".join(words[:cut]).rstrip(".,;")
    if "Mirrored from" in text or "saved date:" in text or "FILE ARCHIVED ON" in text:
        for m in _SAVER.finditer(text):
            found = next(g for g in m.groups() if g)
            yield " ".join(found.split()).rstrip(" -")
