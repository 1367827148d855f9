"""Every date string goes through here.

`parse_date()` is the public one-shot function; `DateContext` is the per-page
object adapters use: it carries the reference time (for "Yesterday" and
"2 hours ago"), the page's day/month order, its time zone and languages, and
collects warnings. Fast paths cover the common forum formats; dateparser is
the fallback for the long tail.
"""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone, tzinfo
from functools import lru_cache

from attrs import field, frozen

MONTHS = {
    # en
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
    # de
    "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "mär": 3, "mai": 5, "juni": 6, "juli": 7,
    "okt": 10, "oktober": 10, "dez": 12, "dezember": 12,
    # fr
    "janvier": 1, "janv": 1, "février": 2, "févr": 2, "fév": 2, "mars": 3, "avril": 4, "avr": 4,
    "juin": 6, "juillet": 7, "juil": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10,
    "novembre": 11, "décembre": 12, "déc": 12,
    # es
    "enero": 1, "ene": 1, "febrero": 2, "marzo": 3, "abril": 4, "abr": 4, "mayo": 5, "junio": 6,
    "julio": 7, "agosto": 8, "ago": 8, "septiembre": 9, "setiembre": 9, "octubre": 10,
    "noviembre": 11, "diciembre": 12, "dic": 12,
    # it
    "gennaio": 1, "gen": 1, "febbraio": 2, "aprile": 4, "maggio": 5, "mag": 5, "giugno": 6, "giu": 6,
    "luglio": 7, "lug": 7, "settembre": 9, "set": 9, "ottobre": 10, "ott": 10, "dicembre": 12,
    # pt
    "janeiro": 1, "fevereiro": 2, "fev": 2, "março": 3, "maio": 5, "junho": 6, "julho": 7,
    "setembro": 9, "outubro": 10, "out": 10, "novembro": 11, "dezembro": 12,
    # nl
    "januari": 1, "februari": 2, "maart": 3, "mrt": 3, "mei": 5, "augustus": 8,
    # sv
    "maj": 5, "augusti": 8,
    # ru (nominative and genitive)
    "январь": 1, "января": 1, "янв": 1, "февраль": 2, "февраля": 2, "фев": 2, "март": 3, "марта": 3,
    "мар": 3, "апрель": 4, "апреля": 4, "апр": 4, "май": 5, "мая": 5, "июнь": 6, "июня": 6, "июн": 6,
    "июль": 7, "июля": 7, "июл": 7, "август": 8, "августа": 8, "авг": 8, "сентябрь": 9,
    "сентября": 9, "сен": 9, "сент": 9, "октябрь": 10, "октября": 10, "окт": 10, "ноябрь": 11,
    "ноября": 11, "ноя": 11, "декабрь": 12, "декабря": 12, "дек": 12,
    # pl
    "styczeń": 1, "stycznia": 1, "sty": 1, "luty": 2, "lutego": 2, "lut": 2, "marzec": 3, "marca": 3,
    "kwiecień": 4, "kwietnia": 4, "kwi": 4, "maja": 5, "czerwiec": 6, "czerwca": 6, "cze": 6,
    "lipiec": 7, "lipca": 7, "lip": 7, "sierpień": 8, "sierpnia": 8, "sie": 8, "wrzesień": 9,
    "września": 9, "wrz": 9, "październik": 10, "października": 10, "paź": 10, "listopad": 11,
    "listopada": 11, "lis": 11, "grudzień": 12, "grudnia": 12, "gru": 12,
}
WEEKDAYS = (
    "mon|monday|tue|tues|tuesday|wed|wednesday|thu|thur|thurs|thursday|fri|friday|sat|saturday|sun|sunday|"
    "mo|di|mi|do|fr|sa|so|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|"
    "lun|mar|mer|jeu|ven|sam|dim|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|"
    "lunes|martes|miércoles|jueves|viernes|sábado|domingo|"
    "понедельник|вторник|среда|четверг|пятница|суббота|воскресенье|пн|вт|ср|чт|пт|сб|вс"
)
_MONTH_NAMES = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))
_TIME = (r"(?:(?:,|\s|at|um|à|a las|alle|às|om|в|kl\.?|@|-|—|\|)+"
         r"(?P<hour>\d{1,2})[:h.](?P<minute>\d{2})(?:[:.](?P<second>\d{2}))?(?:\.\d+)?"
         r"\s*(?P<ampm>[ap]\.?\s?m\.?)?(?:\s*(?:uhr|h))?"
         r"(?:\s*(?P<zone>z|utc|gmt|[+-]\d{2}:?\d{2}|(?:utc|gmt)\s*[+-]\d{1,2}(?::?\d{2})?))?)?")
_LEAD = rf"^\s*(?:(?:{WEEKDAYS})\.?,?\s+)?"
_TRAIL = r"\s*[.,]?\s*$"
_NAMED_MDY = re.compile(
    _LEAD + rf"(?P<month>{_MONTH_NAMES})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})"
    + _TIME + _TRAIL,
    re.I)
_NAMED_DMY = re.compile(
    _LEAD + rf"(?P<day>\d{{1,2}})(?:st|nd|rd|th|er|\.|º|°)?\s*(?:de\s+)?(?P<month>{_MONTH_NAMES})\.?,?\s*(?:de\s+)?"
    rf"(?P<year>\d{{4}}|'\d{{2}})(?:\s*г\.?)?" + _TIME + _TRAIL,
    re.I)
_NAMED_YMD = re.compile(
    _LEAD + rf"(?P<year>\d{{4}})[ -](?P<month>{_MONTH_NAMES})[ -](?P<day>\d{{1,2}})" + _TIME + _TRAIL, re.I)
_NAMED_DMY_DASH = re.compile(  # 16-Jun-20 16:12:14, 05-Mar-2009
    _LEAD + rf"(?P<day>\d{{1,2}})-(?P<month>{_MONTH_NAMES})-(?P<year>\d{{2}}|\d{{4}})" + _TIME + _TRAIL, re.I)
_MONTH_YEAR = re.compile(rf"^\s*(?P<month>{_MONTH_NAMES})\.?,?\s+(?P<year>\d{{4}})\s*$", re.I)
_ISO = re.compile(
    r"^\s*(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})"
    r"(?:[T ](?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2})(?:\.\d+)?)?"
    r"\s*(?P<zone>Z|[+-]\d{2}:?\d{2})?)?\s*$", re.I)
_NUMERIC = re.compile(
    _LEAD + r"(?P<a>\d{1,4})(?P<sep>[./-])(?P<b>\d{1,2})(?P=sep)(?P<c>\d{2,4})\.?" + _TIME + _TRAIL, re.I)
_YEAR_MONTH = re.compile(r"^\s*(?P<year>\d{4})-(?P<month>\d{1,2})\s*$")
_MONTH_YEAR_NUM = re.compile(r"^\s*(?P<month>\d{1,2})[./-](?P<year>\d{4})\s*$")
_RELATIVE_DAY = re.compile(
    r"^\s*(?P<word>today|yesterday|heute|gestern|aujourd'hui|hier|hoy|ayer|oggi|ieri|hoje|ontem|vandaag|gisteren|"
    r"сегодня|вчера|dzisiaj|dziś|wczoraj|idag|igår)\s*,?" + _TIME + _TRAIL, re.I)
_DAY_OFFSET = {"yesterday": 1, "gestern": 1, "hier": 1, "ayer": 1, "ieri": 1, "ontem": 1, "gisteren": 1,
               "вчера": 1, "wczoraj": 1, "igår": 1}
_AGO = re.compile(
    r"^\s*(?:(?P<n>\d+|an?|one)\s+(?P<unit>sec|second|min|minute|hour|hr|day|week|wk|month|mo|year|yr)s?\.?\s+ago"
    r"|vor\s+(?P<n2>\d+|einer?|einem)\s+(?P<unit2>sekunde|minute|stunde|tag|woche|monat|jahr)\w*"
    r"|il y a\s+(?P<n3>\d+|une?)\s+(?P<unit3>seconde|minute|heure|jour|semaine|mois|an)\w*"
    r"|hace\s+(?P<n4>\d+|una?)\s+(?P<unit4>segundo|minuto|hora|día|dia|semana|mes|año)\w*"
    r")\s*$", re.I)
_UNIT_SECONDS = {
    "sec": 1, "second": 1, "sekunde": 1, "seconde": 1, "segundo": 1,
    "min": 60, "minute": 60, "minuto": 60,
    "hour": 3600, "hr": 3600, "stunde": 3600, "heure": 3600, "hora": 3600,
    "day": 86400, "tag": 86400, "jour": 86400, "día": 86400, "dia": 86400,
    "week": 604800, "wk": 604800, "woche": 604800, "semaine": 604800, "semana": 604800,
    "month": 2592000, "mo": 2592000, "monat": 2592000, "mois": 2592000, "mes": 2592000,
    "year": 31536000, "yr": 31536000, "jahr": 31536000, "an": 31536000, "año": 31536000,
}
_PRECISION_OF_UNIT = {1: "second", 60: "minute", 3600: "minute", 86400: "day", 604800: "day",
                      2592000: "month", 31536000: "year"}
_EPOCH = re.compile(r"^\s*(\d{9,13})(?:\.\d+)?\s*$")
_DIGITAL = re.compile(r"(?<![\d.:/-])(\d{1,4})[./-](\d{1,2})[./-](\d{2,4})(?![\d./-])")


@frozen
class ParsedDate:
    """A date as read from a page. `value` is None when it could not be resolved."""

    raw: str
    value: datetime | date | None = None
    precision: str = "none"  # second | minute | day | month | year | none
    relative: bool = False
    ambiguous: bool = False  # day and month could be swapped and nothing on the page said which
    offset_known: bool = field(default=False)

    def iso(self) -> str | None:
        """ISO text at the precision shown: "2011-02-06T07:33:00", "2011-02-06", "2011-02"."""
        v = self.value
        if v is None:
            return None
        if self.precision == "year":
            return f"{v.year:04d}"
        if self.precision == "month":
            return f"{v.year:04d}-{v.month:02d}"
        if self.precision == "day" or not isinstance(v, datetime):
            return f"{v.year:04d}-{v.month:02d}-{v.day:02d}"
        return v.isoformat(timespec="seconds")


def _year(text: str) -> int:
    text = text.lstrip("'")
    y = int(text)
    if len(text) == 2:
        y += 2000 if y < 70 else 1900
    return y


def _zone(text: str | None) -> tzinfo | None:
    if not text:
        return None
    t = text.strip().upper().replace(" ", "")
    if t in ("Z", "UTC", "GMT"):
        return timezone.utc
    m = re.match(r"^(?:UTC|GMT)?([+-])(\d{1,2}):?(\d{2})?$", t)
    if not m:
        return None
    minutes = int(m.group(2)) * 60 + int(m.group(3) or 0)
    if minutes > 18 * 60:
        return None
    return timezone(timedelta(minutes=minutes if m.group(1) == "+" else -minutes))


def _build(year, month, day, g, raw, *, ambiguous=False, tz=None) -> ParsedDate | None:
    try:
        if g.get("hour") is None:
            return ParsedDate(raw, date(year, month, day), "day", ambiguous=ambiguous)
        hour, minute = int(g["hour"]), int(g["minute"])
        ampm = (g.get("ampm") or "").lower().replace(".", "").replace(" ", "")
        if ampm:
            if not 1 <= hour <= 12:
                return None
            hour = hour % 12 + (12 if ampm.startswith("p") else 0)
        second = int(g["second"]) if g.get("second") else 0
        zone = _zone(g.get("zone"))
        value = datetime(year, month, day, hour, minute, second, tzinfo=zone or tz)
        return ParsedDate(raw, value, "second" if g.get("second") else "minute",
                          ambiguous=ambiguous, offset_known=zone is not None)
    except ValueError:
        return None


class DateContext:
    """Per-page date reading: reference time, day/month order, zone, languages, warnings."""

    def __init__(self, now: datetime | None = None, date_order: str | None = None,
                 languages: tuple[str, ...] | None = None, tz: tzinfo | None = None):
        self.now = now
        self.date_order = date_order  # "DMY", "MDY", "YMD" or None (decide from evidence)
        self.languages = tuple(languages) if languages else None
        self.tz = tz
        self.warnings: list[str] = []

    # -- evidence --------------------------------------------------------------------------
    def learn_order(self, text: str, lang: str | None = None) -> None:
        """Note the page whose all-numeric dates (a part above 12 settles it), then language,
        decide day/month order. The scan runs only when a numeric date needs it: most pages
        never show one, and a regex over the whole page costs as much as parsing it."""
        if not self.date_order:
            self._evidence = (text, lang)

    def _decide_order(self) -> None:
        evidence, self._evidence = getattr(self, "_evidence", None), None
        if evidence is None or self.date_order:
            return
        text, lang = evidence
        day_first = month_first = 0
        for a, b, _year_part in _DIGITAL.findall(text[:2_000_000]):
            if len(a) == 4:
                continue
            a, b = int(a), int(b)
            if a > 12 >= b:
                day_first += 1
            elif b > 12 >= a:
                month_first += 1
        if day_first and not month_first:
            self.date_order = "DMY"
        elif month_first and not day_first:
            self.date_order = "MDY"
        elif lang:
            lang = lang.replace("_", "-")  # "en_US" as some templates print it
            self.date_order = "MDY" if lang.startswith("en-us") or lang == "en" else "DMY"

    # -- parsing ---------------------------------------------------------------------------
    def parse(self, text: str | None) -> ParsedDate:
        raw = " ".join((text or "").split())
        if not raw:
            return ParsedDate("")
        result = _fast(raw, self)
        if result is None:
            result = _slow(raw, self)
        if result.ambiguous:
            self._warn(f"day and month order is ambiguous in {raw!r}; read as {self._order()}")
        return result

    def iso(self, text: str | None) -> str | None:
        """The timestamp ISO string for a shown date, or None."""
        return self.parse(text).iso()

    def machine(self, value: str | None) -> str | None:
        """A machine-readable time: ISO `datetime=` attribute, epoch seconds or milliseconds."""
        if value is None:
            return None
        value = str(value).strip()
        m = _EPOCH.match(value)
        if m:
            n = int(m.group(1))
            if n > 10**11:
                n //= 1000
            return datetime.fromtimestamp(n, timezone.utc).isoformat(timespec="seconds")
        parsed = self.parse(value)
        return parsed.iso()

    def _order(self) -> str:
        return self.date_order or "MDY"

    def _warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)


def _fast(raw: str, ctx: DateContext) -> ParsedDate | None:
    m = _ISO.match(raw)
    if m:
        g = m.groupdict()
        return _build(int(g["year"]), int(g["month"]), int(g["day"]), g, raw, tz=ctx.tz)
    for rx in (_NAMED_MDY, _NAMED_DMY, _NAMED_YMD, _NAMED_DMY_DASH):
        m = rx.match(raw)
        if m:
            g = m.groupdict()
            month = MONTHS.get(g["month"].lower().rstrip("."))
            if month:
                return _build(_year(g["year"]), month, int(g["day"]), g, raw, tz=ctx.tz)
    m = _NUMERIC.match(raw)
    if m:
        g = m.groupdict()
        a, b, c = g["a"], g["b"], g["c"]
        if len(a) == 4:
            return _build(int(a), int(b), int(c), g, raw, tz=ctx.tz)
        x, y = int(a), int(b)
        ctx._decide_order()
        order = ctx.date_order
        if not order:
            order = "DMY" if g["sep"] == "." else "MDY"  # dotted dates are day-first everywhere
        ambiguous = x <= 12 and y <= 12 and x != y and not ctx.date_order and g["sep"] != "."
        if x > 12 >= y:
            order = "DMY"
        elif y > 12 >= x:
            order = "MDY"
        day, month = (x, y) if order == "DMY" else (y, x)
        return _build(_year(c), month, day, g, raw, ambiguous=ambiguous, tz=ctx.tz)
    m = _MONTH_YEAR.match(raw)
    if m:
        month = MONTHS.get(m.group("month").lower())
        if month:
            return ParsedDate(raw, date(int(m.group("year")), month, 1), "month")
    m = _YEAR_MONTH.match(raw) or _MONTH_YEAR_NUM.match(raw)
    if m and 1 <= int(m.group("month")) <= 12:
        return ParsedDate(raw, date(int(m.group("year")), int(m.group("month")), 1), "month")
    m = _RELATIVE_DAY.match(raw)
    if m:
        if ctx.now is None:
            return ParsedDate(raw, None, "none", relative=True)
        day = ctx.now.date() - timedelta(days=_DAY_OFFSET.get(m.group("word").lower(), 0))
        g = m.groupdict()
        built = _build(day.year, day.month, day.day, g, raw, tz=ctx.tz)
        return built and ParsedDate(raw, built.value, built.precision, relative=True)
    m = _AGO.match(raw)
    if m:
        n = m.group("n") or m.group("n2") or m.group("n3") or m.group("n4")
        unit = (m.group("unit") or m.group("unit2") or m.group("unit3") or m.group("unit4")).lower()
        if ctx.now is None:
            return ParsedDate(raw, None, "none", relative=True)
        count = int(n) if n.isdigit() else 1
        seconds = _UNIT_SECONDS.get(unit, 0)
        value = ctx.now - timedelta(seconds=count * seconds)
        return ParsedDate(raw, value, _PRECISION_OF_UNIT.get(seconds, "minute"), relative=True)
    return None


_LOOKS_DATED = re.compile(r"\d")


def _slow(raw: str, ctx: DateContext) -> ParsedDate:
    if len(raw) > 80 or not _LOOKS_DATED.search(raw):
        return ParsedDate(raw)
    value = _dateparser(raw, ctx._order(), ctx.languages)
    if value is None:
        return ParsedDate(raw)
    if ctx.tz and value.tzinfo is None:
        value = value.replace(tzinfo=ctx.tz)
    has_time = bool(re.search(r"\d[:h.]\d{2}", raw))
    return ParsedDate(raw, value if has_time else value.date(), "minute" if has_time else "day",
                      offset_known=value.tzinfo is not None)


@lru_cache(maxsize=4096)
def _dateparser(raw: str, order: str, languages: tuple[str, ...] | None) -> datetime | None:
    try:
        import dateparser

        return dateparser.parse(
            raw, languages=list(languages) if languages else None,
            settings={"DATE_ORDER": order, "PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False,
                      "STRICT_PARSING": False, "REQUIRE_PARTS": ["day", "month", "year"]},
        )
    except Exception:  # dateparser raises assorted errors on odd strings; absence is a value
        return None


def parse_date(text: str, *, now: datetime | None = None, date_order: str | None = None,
               languages=None, tz: tzinfo | None = None) -> ParsedDate:
    """Read one date string. Relative dates resolve against `now` only; without it they stay
    unresolved (`value` None, `relative` True) rather than guessing from the machine clock."""
    return DateContext(now=now, date_order=date_order, languages=languages, tz=tz).parse(text)
