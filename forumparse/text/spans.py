"""Where a line of text shows a date: cheap regular expressions find candidate spans,
and the page's DateContext reads them (this module never turns text into a date itself).
"""
from __future__ import annotations

import re

from ..dates import MONTHS, WEEKDAYS

_TIME = (r"(?:,?\s*(?:at|um|à|a las|alle|às|om|в|kl\.?|@|-|:)?\s*\d{1,2}[:h]\d{2}(?::\d{2})?"
         r"(?:\s*[ap]\.?\s?m\.?)?(?:\s*(?:uhr|h))?"
         r"(?:\s*(?:utc|gmt|z|[+-]\d{2}:?\d{2}))?)?")
_RELATIVE_WORDS = (r"today|yesterday|heute|gestern|aujourd'hui|hier|hoy|ayer|oggi|ieri|hoje|ontem|vandaag|"
                   r"gisteren|сегодня|вчера|dzisiaj|dziś|wczoraj")
# Month names are matched as any word and checked against the month table afterwards:
# one alternation of hundreds of names tried at every position would be slow.
_WORD = r"[^\W\d_]{3,11}\.?"
DATE_SPAN = re.compile(
    rf"""(?<![\w.])(?:
        (?P<iso>\d{{4}}-\d{{2}}-\d{{2}}(?:(?:[T ]|,\s*|\s+at\s+)\d{{1,2}}:\d{{2}}(?::\d{{2}})?(?:\.\d+)?
                (?:Z|[+-]\d{{2}}:?\d{{2}})?)?)
      | (?P<numeric>(?:\d{{1,4}}[./-]\d{{1,2}}[./-]\d{{2,4}}|\d{{4}}(?P<sep>[./-])\d{{1,2}}(?P=sep)\d{{1,2}})\.?
                    (?:\s*\([^\W\d_]{{1,3}}\))?{_TIME})
      | (?P<named>(?:\d{{1,2}}(?:st|nd|rd|th|er|\.|º)?\s*(?:de\s+)?(?P<m1>{_WORD}),?\s*(?:de\s+)?\d{{4}}(?:\s*г\.?)?
                  |(?P<m2>{_WORD})\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:\d{{4}}|['’]\d\d)
                  |\d{{1,2}}-(?P<m3>{_WORD})-\d{{2,4}}){_TIME})
      | (?P<monthyear>(?P<m4>{_WORD})\s+\d{{4}})
      | (?P<relative>(?:{_RELATIVE_WORDS}){_TIME}
                   |(?:\d+|an?|one)\s+(?:sec|second|min|minute|hour|hr|day|week|month|year)s?\.?\s+ago
                   |\d{{1,3}}(?:y|yr|mo|w|d|h|m|min|s)\s+ago
                   |(?:vor|il\s+y\s+a|hace|há)\s+(?:\d+|einem|einer|un|une|uno|una|um|uma)\s+[^\W\d_]{{3,12}}
                   |\d+\s+[^\W\d_]{{2,12}}\.?\s+(?:назад|fa|geleden|sedan|temu|siden))
      | (?P<monthday>(?:(?P<m5>{_WORD})\s+\d{{1,2}}(?:st|nd|rd|th)?
                    |(?<!\#)\d{{1,2}}(?:st|nd|rd|th|\.)?\s+(?P<m6>{_WORD})){_TIME})
    )(?![\w])""",
    re.I | re.X,
)
_WEEKDAY_BEFORE = re.compile(rf"(?<![\w])(?:{WEEKDAYS})\.?,?\s+$", re.I)
# Every date the spans read has a 4-digit year, a d/m/y separator, a time, a relative word or
# a two-digit year after an apostrophe ("Jul 8 '12", Stack Exchange); "2y ago" is an age in short;
# a month and day alone ("Jan 9": this year's dates on many boards) is read as relative to the capture;
# ages in other languages ("vor 5 Jahren", "il y a 3 jours", "5 дней назад") are relative too.
_HAS_DIGIT_OR_WORD = re.compile(r"\d(?:\d\d\d|[./-]\d|[:h]\d\d|\s*\w+\.?\s+ago|\s+['’]\d\d|\.?\s+[^\W\d_]{3}"
                                r"|(?<=[^\W\d_]{3}\s\d)|(?<=[^\W\d_]{3}\.\s\d))"
                                r"|ago\b|(?:vor|il y a|hace|há)\s+(?:einem|einer|un|une|uno|una|um|uma)\s")


def find_date(line: str, dates, *, max_len: int = 200):
    """(ParsedDate, start, end, kind) of the first readable date in `line`, or None.

    Relative dates count even when the page gives no reference time (value None)."""
    if len(line) > max_len or not _HAS_DIGIT_OR_WORD.search(line):
        return None
    pos = 0
    while True:
        m = DATE_SPAN.search(line, pos)
        if m is None:
            return None
        pos = m.start() + 1  # a word that is no month may hide a date right after it ("Old 2016-02-01")
        month = m.group("m1") or m.group("m2") or m.group("m3") or m.group("m4") or m.group("m5") or m.group("m6")
        if month and month.lower().rstrip(".") not in MONTHS:
            continue
        start = m.start()
        weekday = _WEEKDAY_BEFORE.search(line, 0, start) if start else None
        if weekday:  # "Mon Jun 03, 2019": the weekday belongs to the date shown
            start = weekday.start()
        text = line[start:m.end()].strip(" ,-@")
        parsed = dates.parse(text)
        kind = next(k for k in ("iso", "numeric", "named", "monthyear", "monthday", "relative") if m.group(k))
        if parsed.value is not None or parsed.relative:
            return parsed, start, m.end(), kind
