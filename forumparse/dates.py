"""Every date string goes through here.

`parse_date()` is the public one-shot function; `DateContext` is the per-page object adapters
use. It carries what the page as a whole says about its dates, gathered once per page:
- the reference time for "Yesterday at 3:14 PM" and "2 hours ago" (the caller's `now`, else the
  capture time the dump carries; never the machine's clock);
- the day/month order of all-numeric dates ("06/02/2011"): a date on the page with a part above
  12, else the format family (dotted dates are day-first), else the page language (declared, or
  guessed from a text dump's words), else a non-English joiner in the string ("às", "um"), else
  the caller's `date_order`; what is still undecided is read month-first with a warning;
- the zone the page states ("All times are UTC-05:00"), which makes shown times aware; else the
  caller's `tz`; else naive wall-clock time as shown.

Reading order: machine values first (ISO, epochs, RFC 2822), then the fast path (one pass that
splits off the clock, then reads the remaining words and numbers: month and weekday names of ten
languages, ordinals, joiners), then relative and partial forms, and dateparser last for the long
tail (one reused parser per language set, results cached).
"""
from __future__ import annotations

import re
from collections import Counter
from datetime import date, datetime, timedelta, timezone, tzinfo
from functools import lru_cache

from attrs import evolve, frozen

from .datewords import (
    AGO_WORDS,
    DURATION_FILLERS,
    JOINERS,
    MONTHS,
    NOW_WORDS,
    ONE_WORDS,
    RELATIVE_DAYS,
    UNITS,
    WEEKDAY_NUMBERS,
    WEEKDAYS,
    ZONES,
)

__all__ = ["MONTHS", "WEEKDAYS", "DateContext", "ParsedDate", "parse_date"]



@frozen
class ParsedDate:
    """A date as read from a page. `value` is None when it could not be read or resolved
    (a relative date without a reference time keeps `relative=True`)."""

    raw: str
    value: datetime | date | None = None
    precision: str = "none"  # second | minute | hour | day | month | year | none
    relative: bool = False
    ambiguous: bool = False  # day and month could be swapped and nothing on the page said which
    offset_known: bool = False  # the value is an instant (the page or the string gave its zone)

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


# -- pieces of a shown date --------------------------------------------------------------------
_ZONE_NAMES = "|".join(sorted((z for z in ZONES if len(z) > 1), key=len, reverse=True))
_OFFSET = r"[+-]\s?\d{1,2}(?::?\d{2})?"
_NOON = re.compile(r"(?:,\s*|\s)(noon|midnight)\b")
_CLOCK = re.compile(
    r"(?<![\w:.,/-])(?P<hour>\d{1,2})(?:"
    r"(?::|h(?=\d\d))(?P<minute>\d{2})(?::(?P<second>\d{2})(?:[.,]\d{1,9})?)?"
    r"(?:\s*(?P<ampm>[ap])\.?\s?m\b\.?)?"
    r"|\s*(?P<ampm2>[ap])\.?\s?m\b\.?"
    r"|h\b)"  # "à 21h"
    rf"(?:\s*(?P<zone>(?:utc|gmt)\s*(?:{_OFFSET})?|z\b|[+-]\d{{2}}:?\d{{2}}\b|(?:{_ZONE_NAMES})\b))?"
    r"(?:\s*\([^()]{1,40}\))?",  # "(CET)", "(Central European Time)" after a JavaScript date
    re.I)
# "alle 21.31", "kl. 21.31": a dotted clock only at the end, after a space, where no date part can be
_DOTTED_CLOCK = re.compile(r"(?<=[\s,])(\d{1,2})\.(\d{2})(?:\s*(?:uhr|h))?\s*$")
_ISO_T = re.compile(r"(?<=\d)t(?=\d)")
_TOKEN = re.compile(
    r"(?P<num>\d+)(?:st|nd|rd|th|er|re|ème|eme|º|ª|°)?"
    r"|['’](?P<yy>\d{2})(?!\d)"
    r"|(?P<word>[^\W\d_]+(?:[-'’][^\W\d_]+)*)"
    r"|(?P<sep>[./-])"
    r"|(?P<space>[\s,;:|@—–()\[\]]+)"
    r"|(?P<other>.)")
_NUMERIC = re.compile(r"(?<![\d.])(\d{1,4})([./-])(\d{1,2})\2(\d{1,4})(?!\d)")
_YEAR_MONTH = re.compile(r"(?<![\d.])(?:(\d{4})[./-](\d{1,2})|(\d{1,2})[./-](\d{4}))(?![\d])")
_ISO_LIKE = re.compile(r"^\d{4}-\d\d-\d\d(?:[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?)?(?:Z|[+-]\d\d(?::?\d\d)?)?$")
_EPOCH = re.compile(r"^\s*(\d{9,13})(?:\.\d+)?\s*$")
# "dd/mm/yyyy" found from its separators: a pattern that starts with a character class is
# scanned fast by the regex engine; the day or month in front is checked by hand.
# Dates that show one day/month order and none the other: enough to settle a page's order
# (only more than three times as many later dates of the other order would have changed it).
_ORDER_SETTLED = 12
_DIGITAL_TAIL = re.compile(r"([./-])(\d{1,2})\1(\d{2,4})(?![\d./-])")


def _numeric_dates(text: str):
    """(first part, second part) of every all-numeric date with a year last in `text`."""
    for m in _DIGITAL_TAIL.finditer(text):
        end = m.start()
        start = end
        while start > end - 3 and start > 0 and text[start - 1].isdigit():
            start -= 1
        if start == end or end - start > 2 or (start > 0 and text[start - 1] in "0123456789.:/-"):
            continue
        yield int(text[start:end]), int(m.group(2))


def _two_digit_year(y: int, ref: datetime | None) -> int:
    """'11 is 2011 and '98 is 1998: the century that puts the year at most a year past the
    reference time (or past 2069, without one)."""
    limit = (ref.year + 1) if ref is not None else 2069
    year = (limit // 100) * 100 + y
    return year if year <= limit else year - 100


def _offset_zone(text: str | None) -> tzinfo | None:
    """A zone from "UTC", "GMT+1", "UTC - 5", "+0100", "-05:00", "CEST"; None if it is none of those."""
    if not text:
        return None
    t = "".join(text.lower().split())
    name = t.rstrip("+-0123456789:")
    rest = t[len(name):]
    if name and name not in ZONES:
        return None
    minutes = ZONES.get(name, 0)
    if rest:
        m = re.fullmatch(r"([+-])(\d{1,2})(?::?(\d{2}))?", rest)
        if not m:
            return None
        delta = int(m.group(2)) * 60 + int(m.group(3) or 0)
        minutes += delta if m.group(1) == "+" else -delta
    if abs(minutes) > 18 * 60:
        return None
    return timezone.utc if minutes == 0 else timezone(timedelta(minutes=minutes))


def _tzinfo(tz) -> tzinfo | None:
    if tz is None or isinstance(tz, tzinfo):
        return tz
    from zoneinfo import ZoneInfo

    return _offset_zone(str(tz)) or ZoneInfo(str(tz))


def _shift_months(d: datetime | date, months: int):
    y, m = divmod(d.year * 12 + d.month - 1 - months, 12)
    day = min(d.day, [31, 29 if (y % 4 == 0 and (y % 100 or y % 400 == 0)) else 28, 31, 30, 31, 30, 31, 31,
                      30, 31, 30, 31][m])
    return d.replace(year=y, month=m + 1, day=day)


class _Clock:
    """The time of day split off a shown date, with the zone it states, if any."""

    __slots__ = ("hour", "minute", "second", "zone", "seconds_shown")

    def __init__(self, hour, minute, second, zone, seconds_shown):
        self.hour, self.minute, self.second, self.zone = hour, minute, second, zone
        self.seconds_shown = seconds_shown


def _split_clock(s: str) -> tuple[_Clock | None, str] | None:
    """(clock, the rest of the string) or None when the clock shown is impossible or there are two."""
    m = _CLOCK.search(s)
    if m is None:
        word = _NOON.search(s)  # Django's "noon" and "midnight" (HyperKitty, other Django boards)
        if word is not None:
            return _Clock(12 if word.group(1) == "noon" else 0, 0, 0, None, False), s[:word.start()] + s[word.end():]
        dotted = _DOTTED_CLOCK.search(s)
        if dotted is None or int(dotted.group(1)) > 23 or int(dotted.group(2)) > 59:
            return None, s
        return _Clock(int(dotted.group(1)), int(dotted.group(2)), 0, None, False), s[:dotted.start()]
    hour = int(m.group("hour"))
    minute = int(m.group("minute") or 0)
    second = int(m.group("second") or 0)
    ampm = (m.group("ampm") or m.group("ampm2") or "").lower()
    if ampm:
        if hour > 12:
            return None
        hour = hour % 12 + (12 if ampm == "p" else 0)
    if hour > 23 or minute > 59 or second > 59:
        return None
    zone = None
    if m.group("zone"):
        zone = _offset_zone(m.group("zone"))
        if zone is None:
            return None
    rest = s[:m.start()] + " " + s[m.end():]
    if _CLOCK.search(rest) and ":" in rest:
        return None  # two clocks ("9:31 - 10:45") are not one date
    return _Clock(hour, minute, second, zone, m.group("second") is not None), rest


def _tokens(s: str) -> list[tuple[str, str]] | None:
    out = []
    for m in _TOKEN.finditer(s):
        kind = m.lastgroup
        if kind == "other":
            return None
        if kind == "space":
            continue
        out.append((kind, m.group(kind)))
    return out


def _neutral(tokens) -> bool:
    """Only weekday names, joiners and punctuation: nothing that could change the date."""
    return all(kind == "sep" or (kind == "word" and (t in WEEKDAY_NUMBERS or t in JOINERS))
               for kind, t in tokens)


def _weekday_of(tokens) -> int | None:
    for kind, t in tokens:
        if kind == "word" and t in WEEKDAY_NUMBERS and t not in JOINERS:
            return WEEKDAY_NUMBERS[t]
    return None


_EDGE_MARKS = " *#?•·«»|~"
# Direction and zero-width marks some engines print inside dates (Khoros: "\u200e04-17-2019").
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
                                    "\u2066\u2067\u2068\u2069\ufeff"))
# Chinese, Japanese and Korean dates written with unit characters are rewritten into the forms
# the readers below know: "2009年3月12日 10:20" -> "2009-3-12 10:20", "3 天前" -> "3 days ago".
_CJK_YMD = re.compile(r"(\d{2,4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일号號]?")
_CJK_WEEKDAY = re.compile(r"[(（]\s*(?:星期|周|週)?[一二三四五六日天月火水木金土]\s*(?:曜日?)?[)）]"
                          r"|(?:星期|礼拜|禮拜|周|週)[一二三四五六日天]|[月火水木金土日]曜日|[월화수목금토일]요일")
_CJK_MERIDIEM = re.compile(r"(上午|下午|午前|午後|오전|오후)\s*(\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)")
_CJK_AM = frozenset({"上午", "午前", "오전"})
_CJK_WORDS = (  # longest first: "一昨日" before "昨日", "半小时前" before "小时前"
    ("半小时前", " 30 minutes ago"), ("半小時前", " 30 minutes ago"), ("一昨日", " vorgestern "),
    ("刚刚", " just now"), ("剛剛", " just now"), ("たった今", " just now"), ("방금", " just now"),
    ("今天", " today "), ("昨天", " yesterday "), ("前天", " vorgestern "), ("今日", " today "),
    ("昨日", " yesterday "), ("오늘", " today "), ("어제", " yesterday "), ("그저께", " vorgestern "),
    ("个小时前", " hours ago"), ("個小時前", " hours ago"), ("小时前", " hours ago"), ("小時前", " hours ago"),
    ("時間前", " hours ago"), ("분 전", " minutes ago"), ("시간 전", " hours ago"), ("일 전", " days ago"),
    ("分钟前", " minutes ago"), ("分鐘前", " minutes ago"), ("分前", " minutes ago"), ("秒前", " seconds ago"),
    ("天前", " days ago"), ("日前", " days ago"), ("周前", " weeks ago"), ("週前", " weeks ago"),
    ("週間前", " weeks ago"), ("个月前", " months ago"), ("個月前", " months ago"), ("ヶ月前", " months ago"),
    ("か月前", " months ago"), ("년 전", " years ago"), ("年前", " years ago"),
)


def _plain_cjk(s: str) -> str:
    """A CJK date in the Latin forms the fast path reads; other text unchanged."""
    s = _CJK_YMD.sub(r"\1-\2-\3 ", s)
    s = _CJK_WEEKDAY.sub(" ", s)
    s = _CJK_MERIDIEM.sub(lambda m: f"{m.group(2)} {'am' if m.group(1) in _CJK_AM else 'pm'}", s)
    for word, plain in _CJK_WORDS:
        if word in s:
            s = s.replace(word, plain)
    return " ".join(s.replace("：", ":").split())


# Strings that say the page is not in English: joiners and names no English date uses.
_FOREIGN_HINT = re.compile(r"\b(?:um|uhr|à|às|a las|alle|om|kl|klockan|de|del|г|в|o godz)\b", re.I)


class DateContext:
    """Per-page date reading: reference time, day/month order, zone, languages, warnings."""

    def __init__(self, now: datetime | None = None, date_order: str | None = None,
                 languages: tuple[str, ...] | None = None, tz=None):
        self._now = now
        self.date_order = date_order  # the caller's "DMY", "MDY" or "YMD": the last word before a warning
        self.languages = tuple(languages) if languages else None
        self.tz = _tzinfo(tz)
        self._zone: tzinfo | None = None  # the zone the page states for the times it shows
        # Page scans wait until a date needs them: most pages never show a relative date.
        self._pending_now = None
        self._pending_zone: str | None = None
        self.warnings: list[str] = []
        self._evidence: tuple[str, str | None] | None = None
        self._page_order: str | None = None  # decided from the page: dates above 12, then language
        self._order_source: str | None = None  # "dates" or "language"
        self._lang: str | None = None
        self._ambiguous_seen = False
        self._memo: dict[str, ParsedDate] = {}
        self._tail_calls = 0

    # -- page evidence, gathered once per page -----------------------------------------------
    def learn_order(self, text: str, lang: str | None = None) -> None:
        """Remember the page for deciding day/month order. The scan of its numeric dates runs only
        when a numeric date needs it: most pages never show one."""
        self._evidence = (text, lang)
        self._lang = lang.lower() if lang else None
        self._page_order = None
        self._memo.clear()

    @property
    def now(self) -> datetime | None:
        """The reference time for relative dates: the caller's, else the page's capture time."""
        if self._pending_now is not None:
            find, self._pending_now = self._pending_now, None
            self._now = find()
        return self._now

    @now.setter
    def now(self, value: datetime | None) -> None:
        self._now, self._pending_now = value, None
        self._memo.clear()

    @property
    def zone(self) -> tzinfo | None:
        """The zone the page states for the times it shows (None when it states none)."""
        if self._pending_zone is not None:
            text, self._pending_zone = self._pending_zone, None
            self.learn_zone(text)
        return self._zone

    @zone.setter
    def zone(self, value: tzinfo | None) -> None:
        self._zone, self._pending_zone = value, None
        self._memo.clear()

    def defer_page(self, text: str, capture=None) -> None:
        """Let the page's stated zone and capture time be read from `text` when a date first needs
        them. `capture` is a callable giving the dump's own capture time (archive headers), tried
        after the page text; both are skipped when the caller gave `now`."""
        self._pending_zone = text
        if self._now is None:
            def find():
                return self.learn_capture(text) or (capture() if capture else None)
            self._pending_now = find

    def learn_zone(self, text: str) -> tzinfo | None:
        """The zone the page states for its times ("All times are UTC - 5 hours [ DST ]")."""
        from .pagetime import stated_zone

        zone = stated_zone(text)
        if zone is not None:
            self._zone = zone
            self._memo.clear()
        return zone

    def learn_capture(self, text: str) -> datetime | None:
        """When the page was shown, from the page itself: a footer ("It is currently Sun Feb 06,
        2011 9:31 pm", "Aktuelle Zeit: 14.10.2020, 12:18") or a saver's comment (HTTrack's
        "Mirrored from ... by HTTrack ..., Fri, 19 Oct 2018 07:56:15 GMT")."""
        from .pagetime import capture_candidates

        for candidate in capture_candidates(text):
            parsed = self._parse_absolute(candidate)
            if parsed is not None and isinstance(parsed.value, datetime):
                return parsed.value
        return None

    @property
    def order(self) -> str | None:
        """The page's day/month order as decided so far (None when nothing on the page said)."""
        self._decide_order()
        return self._page_order

    def _decide_order(self) -> None:
        if self._evidence is None:
            return
        text, lang = self._evidence
        self._evidence = None
        day_first = month_first = 0
        for a, b in _numeric_dates(text[:2_000_000]):
            if a > 12 >= b >= 1:
                day_first += 1
            elif b > 12 >= a >= 1:
                month_first += 1
            else:
                continue
            if (day_first if not month_first else month_first if not day_first else 0) >= _ORDER_SETTLED:
                break  # one order only, many times over: the rest of the page (often half) need not be read
        self._order_source = "dates"
        if day_first > 3 * month_first:
            self._page_order = "DMY"
        elif month_first > 3 * day_first:
            self._page_order = "MDY"
        else:
            self._page_order, self._order_source = _order_of_language(lang or _sniff_language(text)), "language"

    def _order_for(self, sep: str, raw: str) -> tuple[str, bool]:
        """(order, ambiguous) for an all-numeric date whose parts are both 12 or less: the page's
        own dates above 12, then (for dotted dates, day-first wherever they are written) the
        format family, then the page language, a non-English word in the string, the caller."""
        self._decide_order()
        if self._page_order and self._order_source == "dates":
            return self._page_order, False
        if sep == ".":
            return "DMY", False
        if self._page_order:
            return self._page_order, False
        if _FOREIGN_HINT.search(raw):
            return "DMY", False
        if self.date_order:
            return self.date_order, False
        return "MDY", True

    # -- reading -------------------------------------------------------------------------------
    def parse(self, text: str | None) -> ParsedDate:
        raw = " ".join((text or "").split())
        if not raw:
            return ParsedDate("")
        hit = self._memo.get(raw)
        if hit is not None:
            return hit
        core = raw.strip(_EDGE_MARKS) or raw  # bullets and brackets a text dump puts around a date
        if not core.isascii():
            core = " ".join(core.translate(_INVISIBLE).split()) or core
            if any(c >= "\u3000" for c in core):
                core = _plain_cjk(core)
        result = self._epoch(core) or self._parse_absolute(core) or self._parse_relative(core)
        if result is None:
            # a clock that cannot be ("13:00 PM") is a wrong date, not one for the long tail to guess at
            result = ParsedDate(core) if _split_clock(core.lower()) is None else _slow(core, self)
        if core != raw:
            result = evolve(result, raw=raw)
        if result.ambiguous and not self._ambiguous_seen:
            self._ambiguous_seen = True
            self._warn(f"day and month order is ambiguous on this page (e.g. {raw!r}); read as month first")
        if len(self._memo) < 4096:
            self._memo[raw] = result
        return result

    def iso(self, text: str | None) -> str | None:
        """The timestamp ISO string for a shown date, or None."""
        return self.parse(text).iso()

    def machine(self, value) -> str | None:
        """A machine-readable time: a datetime= attribute (ISO 8601), epoch seconds or
        milliseconds, RFC 2822; falls back to reading it as shown text."""
        if value is None:
            return None
        return self.parse(str(value)).iso()

    @staticmethod
    def _epoch(raw: str) -> ParsedDate | None:
        """Epoch seconds or milliseconds (data-time, data-timestamp): an instant in UTC."""
        m = _EPOCH.match(raw)
        if m is None:
            return None
        n = int(m.group(1))
        if n > 10**11:
            n //= 1000
        try:
            value = datetime.fromtimestamp(n, timezone.utc)
        except (OverflowError, OSError, ValueError):
            return None
        return ParsedDate(raw, value, "second", offset_known=True)

    def _parse_absolute(self, raw: str) -> ParsedDate | None:
        if _ISO_LIKE.match(raw):
            try:
                value = datetime.fromisoformat(raw.replace("Z", "+00:00"))
            except ValueError:
                return None
            if len(raw) == 10:
                return ParsedDate(raw, value.date(), "day")
            return self._stamp(raw, value.replace(tzinfo=None), value.tzinfo, raw.count(":") >= 2)
        s = raw.lower()
        if "t" in s:
            s = _ISO_T.sub(" ", s)
        split = _split_clock(s)
        if split is None:
            return None
        clock, rest = split
        tokens = _tokens(rest)
        if not tokens:
            return None
        words = [t for kind, t in tokens if kind == "word"]
        if any(w in RELATIVE_DAYS for w in words) or any(
                w in UNITS and w not in MONTHS and w not in JOINERS and w not in WEEKDAY_NUMBERS for w in words):
            return None
        months = [t for kind, t in tokens if kind == "word" and t in MONTHS]
        if not months:
            return self._numeric(raw, rest, clock)
        return self._named(raw, tokens, months, clock)

    def _numeric(self, raw: str, rest: str, clock: _Clock | None) -> ParsedDate | None:
        m = _NUMERIC.search(rest)
        if m is None:
            ym = _YEAR_MONTH.search(rest)
            if ym is None or clock is not None:
                return None
            outside = _tokens(rest[:ym.start()] + " " + rest[ym.end():])
            year, month = (ym.group(1), ym.group(2)) if ym.group(1) else (ym.group(4), ym.group(3))
            if outside is None or not _neutral(outside) or not 1 <= int(month) <= 12:
                return None
            return ParsedDate(raw, date(int(year), int(month), 1), "month")
        outside = _tokens(rest[:m.start()] + " " + rest[m.end():])
        if outside is None or not _neutral(outside):
            return None
        a, sep, b, c = m.groups()
        ambiguous = False
        if len(a) == 4:
            year, month, day = int(a), int(b), int(c)
        elif len(a) == 3 or len(c) in (1, 3):
            return None
        else:
            x, y = int(a), int(b)
            if x > 12 >= y:
                order = "DMY"
            elif y > 12 >= x:
                order = "MDY"
            elif x == y:
                order = "DMY"
            else:
                order, ambiguous = self._order_for(sep, raw)
            if order == "YMD":
                year, month, day = _two_digit_year(x, self.now) if len(a) == 2 else x, y, int(c)
            else:
                day, month = (x, y) if order == "DMY" else (y, x)
                year = int(c) if len(c) == 4 else _two_digit_year(int(c), self.now)
        return self._build(raw, year, month, day, clock, ambiguous=ambiguous)

    def _named(self, raw: str, tokens, months: list[str], clock: _Clock | None) -> ParsedDate | None:
        if len(months) > 1:
            # "mar" is March and also Tuesday (mardi, martes): with another month it is the weekday
            months = [w for w in months if w not in WEEKDAY_NUMBERS] or months[:1]
            if len(set(MONTHS[w] for w in months)) > 1:
                return None
        month_word = months[0]
        month = MONTHS[month_word]
        numbers: list[str] = []
        weekday = None
        seen_month = False
        for kind, t in tokens:
            if kind == "num":
                numbers.append(t)
            elif kind == "yy":
                numbers.append("'" + t)
            elif kind == "word":
                if t == month_word and not seen_month:
                    seen_month = True
                elif t in WEEKDAY_NUMBERS:
                    weekday = WEEKDAY_NUMBERS[t]
                elif t not in JOINERS:
                    return None
        year = day = None
        if len(numbers) > 2:
            return None
        for n in numbers:
            if n.startswith("'"):
                if year is not None:
                    return None
                year = _two_digit_year(int(n[1:]), self.now)
            elif len(n) == 4:
                if year is not None:
                    return None
                year = int(n)
            elif len(n) <= 2 and day is None:
                day = int(n)
            elif len(n) <= 2 and year is None:
                year = _two_digit_year(int(n), self.now)  # "16-Jun-20": day, month, two-digit year
            else:
                return None
        if day is None:
            if year is None or clock is not None:
                return None
            return ParsedDate(raw, date(year, month, 1), "month")
        if not 1 <= day <= 31:
            return None
        if year is None:
            return self._partial(raw, month, day, weekday, clock)
        return self._build(raw, year, month, day, clock)

    def _partial(self, raw, month, day, weekday, clock) -> ParsedDate | None:
        """"March 27", "Sunday 8th March": the year comes from the reference time (the latest such
        day not after it; with a weekday, the latest year in which the day falls on it)."""
        ref = self._reference()
        if ref is None:
            return ParsedDate(raw, None, "none", relative=True)
        for back in range(0, 12 if weekday is not None else 2):
            year = ref.year - back
            try:
                d = date(year, month, day)
            except ValueError:
                continue
            if d > ref.date() + timedelta(days=1):
                continue
            if weekday is not None and d.weekday() != weekday:
                continue
            built = self._build(raw, year, month, day, clock)
            return built and ParsedDate(raw, built.value, built.precision, relative=True,
                                        offset_known=built.offset_known)
        return None

    def _build(self, raw, year, month, day, clock: _Clock | None, *, ambiguous=False) -> ParsedDate | None:
        try:
            if clock is None:
                return ParsedDate(raw, date(year, month, day), "day", ambiguous=ambiguous)
            value = datetime(year, month, day, clock.hour, clock.minute, clock.second)
        except ValueError:
            return None
        return self._stamp(raw, value, clock.zone, clock.seconds_shown, ambiguous=ambiguous)

    def _stamp(self, raw, naive: datetime, zone: tzinfo | None, seconds: bool, *, ambiguous=False,
               relative=False) -> ParsedDate:
        """A wall-clock time made aware: by the zone the string states, else the page's, else the caller's."""
        known = zone is not None or self.zone is not None
        zone = zone or self.zone or self.tz
        value = naive.replace(tzinfo=zone) if zone is not None else naive
        return ParsedDate(raw, value, "second" if seconds else "minute", relative=relative,
                          ambiguous=ambiguous, offset_known=known)

    # -- relative dates --------------------------------------------------------------------------
    def _reference(self) -> datetime | None:
        """The reference time as wall-clock in the page's zone (relative dates are shown in it)."""
        now = self.now
        if now is None:
            return None
        zone = self.zone or self.tz
        if now.tzinfo is not None and zone is not None:
            now = now.astimezone(zone)
        return now

    def _parse_relative(self, raw: str) -> ParsedDate | None:
        s = raw.lower().strip(" .,:")
        if s in NOW_WORDS:
            ref = self._reference()
            return ParsedDate(raw, ref, "minute" if ref else "none", relative=True)
        day_word = _RELATIVE_DAY.match(s)
        if day_word:
            return self._relative_day(raw, RELATIVE_DAYS[day_word.group(1)], s[day_word.end():])
        return self._weekday_at(raw, s) or self._duration(raw, s)

    def _weekday_at(self, raw: str, s: str) -> ParsedDate | None:
        """"Sunday at 9:31 PM": XenForo and others name the day for the last week. The latest such
        day not after the reference time."""
        split = _split_clock(s)
        if split is None or split[0] is None:
            return None
        clock, rest = split
        tokens = _tokens(rest)
        if not tokens or not _neutral(tokens):
            return None
        weekday = _weekday_of(tokens)
        if weekday is None:
            return None
        ref = self._reference()
        if ref is None:
            return ParsedDate(raw, None, "none", relative=True)
        back = (ref.weekday() - weekday) % 7
        if back == 0 and (clock.hour, clock.minute) > (ref.hour, ref.minute):
            back = 7
        return self._on_day(raw, ref, back, clock)

    def _relative_day(self, raw: str, days_back: int, rest: str) -> ParsedDate | None:
        split = _split_clock(rest)
        if split is None:
            return None
        clock, rest = split
        tokens = _tokens(rest)
        if tokens is None or not _neutral(tokens):
            return None
        ref = self._reference()
        if ref is None:
            return ParsedDate(raw, None, "none", relative=True)
        return self._on_day(raw, ref, days_back, clock)

    def _on_day(self, raw: str, ref: datetime, days_back: int, clock: _Clock | None) -> ParsedDate:
        day = ref.date() - timedelta(days=days_back)
        if clock is None:
            return ParsedDate(raw, day, "day", relative=True)
        value = datetime(day.year, day.month, day.day, clock.hour, clock.minute, clock.second)
        if clock.zone is None and self.zone is None and self.tz is None and ref.tzinfo is not None:
            return ParsedDate(raw, value, "minute", relative=True)
        return self._stamp(raw, value, clock.zone, clock.seconds_shown, relative=True)

    def _duration(self, raw: str, s: str) -> ParsedDate | None:
        """"2 hours ago", "a day ago", "vor 3 Tagen", "il y a 2 jours", "hace 2 días", "3d",
        "10 Monate 3 Wochen" (a duration alone is an age, too)."""
        tokens = _tokens(s)
        if not tokens:
            return None
        seconds = months = 0
        smallest = None
        count: int | None = None
        count_word = False  # "a", "une", "einem": a count of one, or the "a" of "il y a"
        pairs = 0
        marker = False
        for kind, t in tokens:
            if kind == "num":
                if count is not None and not count_word:
                    return None
                count, count_word = int(t), False
            elif kind == "word" and t in UNITS and (count is not None or t not in _COUNT_OR_FILLER):
                if count is None:
                    return None
                unit_s, unit_m = UNITS[t]
                seconds += count * unit_s
                months += count * unit_m
                size = unit_s or unit_m * 2_592_000
                smallest = size if smallest is None else min(smallest, size)
                count, count_word = None, False
                pairs += 1
            elif kind == "word" and t in ONE_WORDS and (count is None or count_word):
                count, count_word = 1, True
            elif kind == "word" and t in AGO_WORDS:
                marker = True
            elif kind == "word" and t in DURATION_FILLERS or kind == "sep":
                continue
            else:
                return None
        if smallest is None or (count is not None and not count_word):
            return None
        # Without "ago" a duration is an age only when it has two parts ("10 Monate 3 Wochen") or
        # is the short form of feeds and Discourse ("5h", "3d"): "3 days" alone is just words.
        if not marker and pairs < 2 and not _SHORT_AGE.fullmatch(s):
            return None
        precision = ("minute" if smallest < 3600 else "hour" if smallest < 86400 else "day" if smallest < 2_592_000
                     else "month" if smallest < 31_104_000 else "year")
        ref = self._reference()
        if ref is None:
            return ParsedDate(raw, None, "none", relative=True)
        value = _shift_months(ref - timedelta(seconds=seconds), months)
        if precision in ("day", "month", "year"):
            value = value.date()
        return ParsedDate(raw, value, precision, relative=True, offset_known=isinstance(value, datetime)
                          and value.tzinfo is not None)

    def _warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)

    def _order(self) -> str:
        return self.order or self.date_order or "MDY"


_COUNT_OR_FILLER = ONE_WORDS | DURATION_FILLERS
_SHORT_AGE = re.compile(r"\d{1,3}(?:s|m|min|h|d|w|mo|y|yr)")
_RELATIVE_DAY = re.compile(
    r"^(" + "|".join(sorted((re.escape(w) for w in RELATIVE_DAYS), key=len, reverse=True)) + r")(?![\w'’])")

_LANGUAGE_ORDER = {"en-us": "MDY", "en": "MDY", "en-ph": "MDY", "en-ca": None, "zh": "YMD", "ja": "YMD",
                   "ko": "YMD", "hu": "YMD", "lt": "YMD"}


def _order_of_language(lang: str | None) -> str | None:
    if not lang:
        return None
    lang = lang.lower().replace("_", "-")
    if lang in _LANGUAGE_ORDER:
        return _LANGUAGE_ORDER[lang]
    primary = lang.split("-")[0]
    if primary == "en":
        return "DMY"  # en-gb, en-au, en-in, ...
    return _LANGUAGE_ORDER.get(primary, "DMY")


_STOPWORDS = {
    "en": (" the ", " and ", " is ", " you "), "de": (" und ", " der ", " ist ", " nicht "),
    "fr": (" et ", " les ", " est ", " pas "), "es": (" el ", " los ", " que ", " por "),
    "it": (" il ", " che ", " non ", " per "), "pt": (" não ", " uma ", " os ", " com "),
    "nl": (" het ", " een ", " niet ", " van "), "sv": (" och ", " att ", " inte ", " är "),
    "ru": (" и ", " не ", " на ", " что "), "pl": (" nie ", " się ", " jest ", " na "),
}
_STOPWORD_LANGUAGE = {word.strip(): lang for lang, words in _STOPWORDS.items() for word in words}


def _sniff_language(text: str) -> str | None:
    """The page's language from its commonest words, for text dumps that declare none. English
    says nothing about day/month order (US or not), so only other languages count."""
    counts = dict.fromkeys(_STOPWORDS, 0)
    # one split and count of the words (40 searches of the lower-cased sample cost 4x more)
    for word, n in Counter(text[:60_000].split()).items():
        lang = _STOPWORD_LANGUAGE.get(word) or _STOPWORD_LANGUAGE.get(word.lower())
        if lang:
            counts[lang] += n
    english = counts.pop("en")
    best = max(counts, key=counts.get)
    # every language listed besides English writes the day first, so which one it is matters less
    if counts[best] < 15 or counts[best] < 2 * english:
        return None
    return best


# -- the long tail: dateparser ----------------------------------------------------------------
# The long tail sees only strings with a year (dates in unknown words or languages): a relative
# or partial date it would resolve by the machine clock, which is never done here.
_HAS_YEAR = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)")
_TAIL_BUDGET = 100  # distinct strings a page may send to dateparser (about 0.7 ms each)
_HAS_LETTER = re.compile(r"[^\W\d_]")
_WORDS = re.compile(r"[^\W\d_]+")
_SHOWS_TIME = re.compile(r"\d[:h.]\s?\d{2}(?!\d)(?![./-]\d)")
_TAIL_LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "nl", "sv", "ru", "pl")
_SENTINEL = datetime(1900, 1, 1)  # a reference that shows when dateparser resolved a relative date


def _slow(raw: str, ctx: DateContext) -> ParsedDate:
    # Digits and punctuation alone ("20.53.41") are shapes the fast path knows: what it could
    # not read, the long tail would only guess at. The tail is for words it does not know.
    if len(raw) > 80 or not _HAS_YEAR.search(raw) or not _HAS_LETTER.search(raw):
        return ParsedDate(raw)
    if any(w in MONTHS or w in WEEKDAY_NUMBERS or w in RELATIVE_DAYS for w in _WORDS.findall(raw.lower())):
        # the fast path knew its date words and still could not read it (a date inside a
        # sentence or a profile line): dateparser, at 0.5 ms a string, would not either
        return ParsedDate(raw)
    ctx._tail_calls += 1
    if ctx._tail_calls > _TAIL_BUDGET:  # a page of odd strings must not cost seconds
        return ParsedDate(raw)
    languages = ctx.languages
    if not languages and ctx._lang:
        primary = ctx._lang.split("-")[0]
        languages = (primary, "en") if primary != "en" else ("en",)
    result = _dateparser(raw, ctx._order(), languages or _TAIL_LANGUAGES)
    if result is None:
        return ParsedDate(raw)
    value, period = result
    if value.year <= _SENTINEL.year:
        # dateparser read it against the reference: a relative form the fast path does not know
        # ("2 weeks", "next Friday"); left unread rather than guessed at
        return ParsedDate(raw)
    if period in ("month", "year"):
        return ParsedDate(raw, value.date(), period)
    has_time = period in ("time", "day") and bool(_SHOWS_TIME.search(raw))
    if not has_time:
        return ParsedDate(raw, value.date(), "day")
    return ctx._stamp(raw, value.replace(tzinfo=None), value.tzinfo, False)


@lru_cache(maxsize=8)
def _parser(languages: tuple[str, ...], order: str):
    from dateparser.date import DateDataParser

    return DateDataParser(languages=list(languages), settings={
        "DATE_ORDER": order, "PREFER_DATES_FROM": "past", "RELATIVE_BASE": _SENTINEL,
        "REQUIRE_PARTS": ["month", "year"], "STRICT_PARSING": False})


@lru_cache(maxsize=4096)
def _dateparser(raw: str, order: str, languages: tuple[str, ...]) -> tuple[datetime, str] | None:
    return _dateparser_uncached(raw, order, languages)


def _dateparser_uncached(raw: str, order: str, languages: tuple[str, ...]) -> tuple[datetime, str] | None:
    try:
        data = _parser(tuple(languages), order).get_date_data(raw)
    except Exception:  # dateparser raises assorted errors on odd strings; absence is a value
        return None
    if data is None or data.date_obj is None:
        return None
    return data.date_obj, data.period or "day"


def parse_date(text: str, *, now: datetime | None = None, date_order: str | None = None,
               languages=None, tz=None) -> ParsedDate:
    """Read one date string. Relative dates resolve against `now` only; without it they stay
    unresolved (`value` None, `relative` True) rather than guessing from the machine clock.
    `tz` (a tzinfo or a zone name) makes naive times aware; `date_order` ("DMY", "MDY", "YMD")
    reads all-numeric dates whose parts are both 12 or less."""
    return DateContext(now=now, date_order=date_order, languages=languages, tz=tz).parse(text)
