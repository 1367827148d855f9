"""The words dates are made of, in the languages forums are written in (en, de, fr, es, it, pt,
nl, sv, ru, pl, tr): month and weekday names, relative-day words, units of "2 hours ago", the
little joiners ("at", "um", "à", "@"), and zone abbreviations. Lower-case keys, accents kept.
`forumparse.dates` reads with these; nothing here parses.
"""
from __future__ import annotations


def _names(number: int, *words: str) -> dict[str, int]:
    return dict.fromkeys(words, number)


MONTHS: dict[str, int] = {
    **_names(1, "jan", "january", "januar", "jänner", "janvier", "janv", "enero", "ene", "gennaio", "gen",
             "janeiro", "januari", "январь", "января", "янв", "styczeń", "stycznia", "sty", "ocak", "oca"),
    **_names(2, "feb", "february", "februar", "février", "fevrier", "févr", "fév", "febrero", "febbraio",
             "fevereiro", "fev", "februari", "февраль", "февраля", "фев", "февр", "luty", "lutego", "lut", "şubat",
             "şub"),
    **_names(3, "mar", "march", "märz", "maerz", "mär", "mars", "marzo", "março", "marco", "maart", "mrt",
             "март", "марта", "мар", "marzec", "marca", "mart"),
    **_names(4, "apr", "april", "avril", "avr", "abril", "abr", "aprile", "апрель", "апреля", "апр",
             "kwiecień", "kwietnia", "kwi", "nisan", "nis"),
    **_names(5, "may", "mai", "mayo", "maggio", "mag", "maio", "mei", "maj", "май", "мая", "maja", "mayıs"),
    **_names(6, "jun", "june", "juni", "juin", "junio", "giugno", "giu", "junho", "июнь", "июня", "июн",
             "czerwiec", "czerwca", "cze", "haziran", "haz"),
    **_names(7, "jul", "july", "juli", "juillet", "juil", "julio", "luglio", "lug", "julho", "июль", "июля",
             "июл", "lipiec", "lipca", "lip", "temmuz", "tem"),
    **_names(8, "aug", "august", "août", "aout", "agosto", "ago", "augustus", "augusti", "август", "августа",
             "авг", "sierpień", "sierpnia", "sie", "ağustos", "ağu"),
    **_names(9, "sep", "sept", "september", "septembre", "septiembre", "setiembre", "settembre", "set",
             "setembro", "сентябрь", "сентября", "сен", "сент", "wrzesień", "września", "wrz", "eylül", "eyl"),
    **_names(10, "oct", "october", "okt", "oktober", "octobre", "octubre", "ottobre", "ott", "outubro", "out",
             "октябрь", "октября", "окт", "październik", "października", "paź", "ekim", "eki"),
    **_names(11, "nov", "november", "novembre", "noviembre", "novembro", "ноябрь", "ноября", "ноя", "нояб",
             "listopad", "listopada", "lis", "kasım", "kas"),
    **_names(12, "dec", "december", "dez", "dezember", "décembre", "decembre", "déc", "diciembre", "dic",
             "dicembre", "dezembro", "декабрь", "декабря", "дек", "grudzień", "grudnia", "gru", "aralık", "ara"),
}

WEEKDAY_NUMBERS: dict[str, int] = {  # Monday is 0, as in datetime.weekday()
    **_names(0, "mon", "monday", "mo", "montag", "lun", "lundi", "lunes", "lunedì", "lunedi", "seg", "segunda",
             "segunda-feira", "ma", "maandag", "mån", "måndag", "пн", "понедельник", "pon", "poniedziałek",
             "pazartesi", "pzt"),
    **_names(1, "tue", "tues", "tuesday", "di", "dienstag", "mar", "mardi", "martes", "martedì", "martedi",
             "ter", "terça", "terça-feira", "dinsdag", "tis", "tisdag", "вт", "вторник", "wt", "wtorek", "salı"),
    **_names(2, "wed", "wednesday", "mi", "mittwoch", "mer", "mercredi", "mié", "mie", "miércoles",
             "miercoles", "mercoledì", "mercoledi", "qua", "quarta", "quarta-feira", "wo", "woensdag", "ons",
             "onsdag", "ср", "среда", "śr", "środa", "çarşamba", "çar"),
    **_names(3, "thu", "thur", "thurs", "thursday", "do", "donnerstag", "jeu", "jeudi", "jue", "jueves", "gio",
             "giovedì", "giovedi", "qui", "quinta", "quinta-feira", "donderdag", "tor", "torsdag", "чт",
             "четверг", "czw", "czwartek", "perşembe", "prş"),
    **_names(4, "fri", "friday", "fr", "freitag", "ven", "vendredi", "vie", "viernes", "venerdì", "venerdi",
             "sex", "sexta", "sexta-feira", "vr", "vrijdag", "fre", "fredag", "пт", "пятница", "pt", "piątek", "cuma"),
    **_names(5, "sat", "saturday", "sa", "samstag", "sonnabend", "sam", "samedi", "sáb", "sab", "sábado",
             "sabado", "sabato", "za", "zaterdag", "lör", "lördag", "сб", "суббота", "sob", "sobota", "cumartesi",
             "cmt"),
    **_names(6, "sun", "sunday", "so", "sonntag", "dim", "dimanche", "dom", "domingo", "domenica", "zo",
             "zondag", "sön", "söndag", "вс", "воскресенье", "nd", "niedz", "niedziela", "pazar"),
}
# A regular-expression alternation of the weekday names, longest first (other modules cut spans with it).
WEEKDAYS = "|".join(sorted(WEEKDAY_NUMBERS, key=len, reverse=True))

# "Yesterday" and friends: how many days before the reference day.
RELATIVE_DAYS: dict[str, int] = {
    **_names(0, "today", "heute", "aujourd'hui", "aujourd’hui", "hoy", "oggi", "hoje", "vandaag", "idag",
             "i dag", "сегодня", "dzisiaj", "dziś", "dzis", "bugün"),
    **_names(1, "yesterday", "gestern", "hier", "ayer", "ieri", "ontem", "gisteren", "igår", "i går", "вчера",
             "wczoraj", "dün"),
    **_names(2, "vorgestern", "avant-hier", "anteayer", "anteontem", "eergisteren", "i förrgår", "позавчера",
             "przedwczoraj"),
}
# "just now" and friends: the reference time itself.
NOW_WORDS = frozenset({
    "just now", "a moment ago", "moments ago", "a few seconds ago", "few seconds ago", "seconds ago",
    "gerade eben", "soeben", "à l'instant", "à l’instant", "ahora mismo", "adesso", "agora mesmo", "zojuist",
    "nyss", "just nu", "только что", "przed chwilą",
})

# Units of "2 hours ago": every inflected form we meet, to (seconds, months) of one unit.
_SECOND, _MINUTE, _HOUR, _DAY, _WEEK = 1, 60, 3600, 86400, 604800
UNITS: dict[str, tuple[int, int]] = {
    **_names((_SECOND, 0), "s", "sec", "secs", "second", "seconds", "sekunde", "sekunden", "seconde",
             "secondes", "segundo", "segundos", "secondo", "secondi", "seconden", "sekund", "sekunder",
             "секунду", "секунды", "секунд", "sekunda", "sekundy", "saniye", "sn"),
    **_names((_MINUTE, 0), "m", "min", "mins", "minute", "minutes", "minuten", "minuto", "minutos", "minuti",
             "minuut", "minut", "minuter", "минуту", "минуты", "минут", "minuta", "minuty", "minutę", "dakika",
             "dk"),
    **_names((_HOUR, 0), "h", "hr", "hrs", "hour", "hours", "stunde", "stunden", "std", "heure", "heures",
             "hora", "horas", "ora", "ore", "uur", "timme", "timmar", "час", "часа", "часов", "godzina",
             "godziny", "godzin", "godzinę", "saat"),
    **_names((_DAY, 0), "d", "day", "days", "tag", "tage", "tagen", "jour", "jours", "día", "días", "dia",
             "dias", "giorno", "giorni", "dag", "dagen", "dagar", "день", "дня", "дней", "dzień", "dni", "gün"),
    **_names((_WEEK, 0), "w", "wk", "wks", "week", "weeks", "woche", "wochen", "semaine", "semaines", "semana",
             "semanas", "settimana", "settimane", "weken", "vecka", "veckor", "неделю", "недели", "недель",
             "неделя", "tydzień", "tygodnie", "tygodni", "hafta"),
    **_names((0, 1), "mo", "mos", "month", "months", "monat", "monate", "monaten", "mois", "mes", "meses",
             "mese", "mesi", "maand", "maanden", "månad", "månader", "месяц", "месяца", "месяцев", "miesiąc",
             "miesiące", "miesięcy", "ay"),
    **_names((0, 12), "y", "yr", "yrs", "year", "years", "jahr", "jahre", "jahren", "an", "ans", "année",
             "années", "año", "años", "anno", "anni", "ano", "anos", "jaar", "jaren", "år", "год", "года", "лет",
             "rok", "lata", "lat", "yıl"),
}
# Words standing for the number one in "an hour ago", "vor einem Tag", "il y a un jour".
ONE_WORDS = frozenset({"a", "an", "one", "ein", "eine", "einer", "einem", "einen", "un", "une", "uno", "una",
                       "um", "uma", "een", "en", "ett", "один", "одну", "одна", "jeden", "jedną", "few"})
# The words that make a duration into a time in the past.
AGO_WORDS = frozenset({"ago", "vor", "il", "hace", "fa", "há", "atrás", "geleden", "sedan", "назад", "temu", "önce"})
# Words that may sit among the parts of a duration: "il y a", "för ... sedan", "1 year and 2 months".
DURATION_FILLERS = frozenset({"y", "a", "för", "und", "and", "et", "e", "en", "och", "и", "i"})

# Words between the parts of an absolute date that carry no meaning: "Feb 6, 2011 at 7:33 AM",
# "6. Februar 2011 um 21:31 Uhr", "6 de febrero de 2011 a las 21:31", "6 февраля 2011 г. в 21:31".
JOINERS = frozenset({
    "at", "on", "the", "of", "posted", "um", "am", "den", "der", "uhr", "à", "a", "le", "h", "de", "del", "las",
    "los", "alle", "ore", "às", "as", "om", "kl", "klockan", "в", "во", "г", "года", "r", "o", "godz",
    "godzina", "el", "il", "em", "op", "saat",
})

# Zone abbreviations worth reading where a date states one (offset in minutes).
ZONES: dict[str, int] = {
    "z": 0, "utc": 0, "gmt": 0, "ut": 0, "wet": 0, "wez": 0, "west": 60, "bst": 60, "cet": 60, "mez": 60,
    "cest": 120, "mesz": 120, "eet": 120, "eest": 180, "msk": 180, "ist": 330, "jst": 540, "kst": 540,
    "aest": 600, "aedt": 660, "nzst": 720, "nzdt": 780, "est": -300, "edt": -240, "cst": -360, "cdt": -300,
    "mst": -420, "mdt": -360, "pst": -480, "pdt": -420, "akst": -540, "akdt": -480, "hst": -600,
}
