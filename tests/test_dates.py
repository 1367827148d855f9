"""forumparse.dates: a table of shown dates, family by family, with the ISO value each must read as.

Each row is its own test, so one wrong reading does not hide the others. NOW is the reference
time for relative dates: Sunday 6 February 2011, 21:31.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from forumparse import parse_date, parse_thread
from forumparse.context import ParseContext
from forumparse.dates import DateContext
from forumparse.document import Document

NOW = datetime(2011, 2, 6, 21, 31)


def table(*rows):
    return [pytest.param(text, want, id=text) for text, want in rows]


# -- machine-readable values: ISO 8601, epochs, RFC 2822 ------------------------------------------
MACHINE = table(
    ("2011-02-06T21:31:00+00:00", "2011-02-06T21:31:00+00:00"),
    ("2011-02-06T21:31:00Z", "2011-02-06T21:31:00+00:00"),
    ("2011-02-06T21:31:00.000Z", "2011-02-06T21:31:00+00:00"),
    ("2011-02-06T21:31:00.123456+01:00", "2011-02-06T21:31:00+01:00"),
    ("2011-02-06T21:31:00-0500", "2011-02-06T21:31:00-05:00"),
    ("2011-02-06T21:31+05:30", "2011-02-06T21:31:00+05:30"),
    ("2011-02-06T21:31:00", "2011-02-06T21:31:00"),
    ("2011-02-06 21:31:00", "2011-02-06T21:31:00"),
    ("2011-02-06 21:31", "2011-02-06T21:31:00"),
    ("2011-02-06", "2011-02-06"),
    ("2019-04-17", "2019-04-17"),
    ("1297027860", "2011-02-06T21:31:00+00:00"),
    ("1297027860000", "2011-02-06T21:31:00+00:00"),
    ("1297027860.5", "2011-02-06T21:31:00+00:00"),
    ("  1297027860 ", "2011-02-06T21:31:00+00:00"),
    ("946684800", "2000-01-01T00:00:00+00:00"),
    ("1600000000", "2020-09-13T12:26:40+00:00"),
    ("Sun, 06 Feb 2011 21:31:00 +0000", "2011-02-06T21:31:00+00:00"),
    ("Sun, 06 Feb 2011 21:31:00 GMT", "2011-02-06T21:31:00+00:00"),
    ("Sun, 6 Feb 2011 16:31:00 -0500", "2011-02-06T16:31:00-05:00"),
    ("Thu, 14 Jan 2021 09:01:45 +0100", "2021-01-14T09:01:45+01:00"),
    ("Mon, 01 Jul 2019 08:00:00 UTC", "2019-07-01T08:00:00+00:00"),
    ("06 Feb 2011 21:31:00 +0200", "2011-02-06T21:31:00+02:00"),
    ("Sun Feb 06 2011 21:31:00 GMT+0100 (CET)", "2011-02-06T21:31:00+01:00"),
    ("Sun Feb 06 2011 21:31:00 GMT+0100 (Central European Standard Time)", "2011-02-06T21:31:00+01:00"),
    ("Sun Feb 06 21:31:00 2011", "2011-02-06T21:31:00"),
    ("2011-02-06 21:31:00 UTC", "2011-02-06T21:31:00+00:00"),
    ("2011-02-06 21:31 EST", "2011-02-06T21:31:00-05:00"),
    ("2011-07-06 21:31 CEST", "2011-07-06T21:31:00+02:00"),
    ("2011-02-06T21:31:00+01:00", "2011-02-06T21:31:00+01:00"),
)


@pytest.mark.parametrize("text, want", MACHINE)
def test_machine_values(text, want):
    assert DateContext().machine(text) == want


def test_machine_absent_and_garbage():
    ctx = DateContext()
    assert ctx.machine(None) is None
    assert ctx.machine("") is None
    assert ctx.machine("soon") is None
    assert ctx.machine(1297027860) == "2011-02-06T21:31:00+00:00"


# -- the common forum formats in English ----------------------------------------------------------
ENGLISH = table(
    ("Feb 6, 2011 7:33 AM", "2011-02-06T07:33:00"),
    ("Feb 6, 2011 9:31 PM", "2011-02-06T21:31:00"),
    ("Sun Feb 06, 2011 9:31 pm", "2011-02-06T21:31:00"),
    ("Sun Feb 06, 2011 9:31 am", "2011-02-06T09:31:00"),
    ("Sat Jul 20, 2019 7:44 pm", "2019-07-20T19:44:00"),
    ("Mon Aug 10, 2009 3:38 pm", "2009-08-10T15:38:00"),
    ("Feb 6th, 2011", "2011-02-06"),
    ("February 6th, 2011", "2011-02-06"),
    ("February 1st, 2011, 10:00", "2011-02-01T10:00:00"),
    ("March 2nd, 2012, 11:15 PM", "2012-03-02T23:15:00"),
    ("April 3rd 2013", "2013-04-03"),
    ("May 21st, 2012", "2012-05-21"),
    ("22nd May 2012", "2012-05-22"),
    ("Sunday 6th February 2011", "2011-02-06"),
    ("Sunday, February 6, 2011", "2011-02-06"),
    ("Sunday, February 6, 2011 at 9:31 PM", "2011-02-06T21:31:00"),
    ("Feb 6, 2011 at 9:31 PM", "2011-02-06T21:31:00"),
    ("Feb 6, 2011 @ 9:31 PM", "2011-02-06T21:31:00"),
    ("Feb 6, 2011 - 9:31 PM", "2011-02-06T21:31:00"),
    ("Feb 6, 2011 | 9:31 PM", "2011-02-06T21:31:00"),
    ("February 06, 2011, 09:31:12 PM", "2011-02-06T21:31:12"),
    ("October 06, 2007, 07:09:23 PM", "2007-10-06T19:09:23"),
    ("06 Feb 2011 21:31", "2011-02-06T21:31:00"),
    ("6 Feb 2011, 21:31", "2011-02-06T21:31:00"),
    ("06 February 2011 - 09:31 PM", "2011-02-06T21:31:00"),
    ("07 December 2015 - 12:15 AM", "2015-12-07T00:15:00"),
    ("Dec 7 2015, 12:15am", "2015-12-07T00:15:00"),
    ("9:31 PM Feb 6, 2011", "2011-02-06T21:31:00"),
    ("21:31, 6 February 2011", "2011-02-06T21:31:00"),
    ("12:21:22 Dec 09, 2015", "2015-12-09T12:21:22"),
    ("16-Jun-20 16:12:14", "2020-06-16T16:12:14"),
    ("05-Mar-2009", "2009-03-05"),
    ("05-Mar-2009 10:15", "2009-03-05T10:15:00"),
    ("2009-Mar-05", "2009-03-05"),
    ("Sept 14, 2010", "2010-09-14"),
    ("Sep. 14, 2010", "2010-09-14"),
    ("Jan. 8, 2020 at 20:54", "2020-01-08T20:54:00"),
    ("Jan 8 '20 at 20:54", "2020-01-08T20:54:00"),
    ("Jan 8 '98 at 20:54", "1998-01-08T20:54:00"),
    ("November 18, 2019, 6:49am", "2019-11-18T06:49:00"),
    ("Nov 18, 2019 6:49 a.m.", "2019-11-18T06:49:00"),
    ("Nov 18, 2019 6:49 p.m.", "2019-11-18T18:49:00"),
    ("Nov 18, 2019 6:49 P.M.", "2019-11-18T18:49:00"),
    ("18 Nov 2019 6 pm", "2019-11-18T18:00:00"),
    ("Tuesday, 18 November 2019", "2019-11-18"),
    ("Tue, 18 Nov 2019", "2019-11-18"),
    ("Thurs Nov 21, 2019", "2019-11-21"),
    ("Jun 14, 2006", "2006-06-14"),
    ("Posted: Sun Feb 06, 2011 9:31 pm", "2011-02-06T21:31:00"),
    ("on Feb 6, 2011", "2011-02-06"),
    ("the 6th of February 2011", "2011-02-06"),
    ("DECEMBER 25, 2010 11:59 PM", "2010-12-25T23:59:00"),
    ("feb 6 2011 21:31", "2011-02-06T21:31:00"),
)


@pytest.mark.parametrize("text, want", ENGLISH)
def test_english_formats(text, want):
    assert parse_date(text).iso() == want


# -- all-numeric dates: the order is the page's ---------------------------------------------------
NUMERIC = table(
    ("06.02.2011, 21:31", "2011-02-06T21:31:00"),
    ("06.02.2011 21:31", "2011-02-06T21:31:00"),
    ("6.2.2011", "2011-02-06"),
    ("06.02.11", "2011-02-06"),
    ("26.10.13", "2013-10-26"),
    ("21.01.2009, 05:42", "2009-01-21T05:42:00"),
    ("14.10.2020, 12:18", "2020-10-14T12:18:00"),
    ("Mo 14.10.2020, 12:18", "2020-10-14T12:18:00"),
    ("2011-02-06 9:31 PM", "2011-02-06T21:31:00"),
    ("2011/02/06 21:31", "2011-02-06T21:31:00"),
    ("2011.02.06 21:31", "2011-02-06T21:31:00"),
    ("2011-2-6", "2011-02-06"),
    ("2015-01-21, 21:18", "2015-01-21T21:18:00"),
    ("25/12/2010", "2010-12-25"),
    ("12/25/2010", "2010-12-25"),
    ("25/12/2010 10:30 PM", "2010-12-25T22:30:00"),
    ("12-25-2010, 10:30 PM", "2010-12-25T22:30:00"),
    ("13-06-2016", "2016-06-13"),
    ("06-13-2016", "2016-06-13"),
    ("01/01/2011", "2011-01-01"),
    ("07/07/07", "2007-07-07"),
    ("31/12/99", "1999-12-31"),
    ("12/31/99 11:59 PM", "1999-12-31T23:59:00"),
    ("24/03/16", "2016-03-24"),
    ("26/10/13, 03:48 pm", "2013-10-26T15:48:00"),
    ("12/02/19 às 21:08", "2019-02-12T21:08:00"),  # "às" is Portuguese: day first
    ("05/03/2012 um 10:00 Uhr", "2012-03-05T10:00:00"),
    ("05/03/2012 à 10h00", "2012-03-05T10:00:00"),
)


@pytest.mark.parametrize("text, want", NUMERIC)
def test_numeric_formats(text, want):
    assert parse_date(text).iso() == want


ORDERED = [
    pytest.param("03/06/2016", "MDY", "2016-03-06", id="caller MDY"),
    pytest.param("03/06/2016", "DMY", "2016-06-03", id="caller DMY"),
    pytest.param("03-06-2016, 10:55 PM", "DMY", "2016-06-03T22:55:00", id="caller DMY with time"),
    pytest.param("11/02/06", "YMD", "2011-02-06", id="caller YMD two-digit year first"),
    pytest.param("13/06/2016", "MDY", "2016-06-13", id="a part above 12 beats the caller"),
    pytest.param("06.02.2011", "MDY", "2011-02-06", id="dotted is day-first before the caller"),
]


@pytest.mark.parametrize("text, order, want", ORDERED)
def test_numeric_order_from_caller(text, order, want):
    assert parse_date(text, date_order=order).iso() == want


def test_unresolvable_order_is_a_warning_not_silent():
    ctx = DateContext()
    parsed = ctx.parse("03/06/2016")
    assert parsed.iso() == "2016-03-06" and parsed.ambiguous
    ctx.parse("04/06/2016")
    assert len(ctx.warnings) == 1 and "ambiguous" in ctx.warnings[0]


def test_order_from_a_date_on_the_page_above_12():
    ctx = DateContext()
    ctx.learn_order("<p>Joined 25/03/2011</p><p>posted 03/04/2011</p><p>posted 04/04/2011</p>", None)
    assert ctx.parse("03/04/2011").iso() == "2011-04-03"
    assert not ctx.warnings
    ctx = DateContext()
    ctx.learn_order("<p>Joined 03/25/2011</p> 03/04/2011", "de")  # evidence beats the language
    assert ctx.parse("03/04/2011").iso() == "2011-03-04"


def test_page_evidence_beats_the_callers_order():
    ctx = DateContext(date_order="MDY")
    ctx.learn_order("registered 25/03/2011", None)
    assert ctx.parse("03/04/2011").iso() == "2011-04-03"


@pytest.mark.parametrize("lang, want", [
    ("en-us", "2011-03-04"), ("en", "2011-03-04"), ("en_US", "2011-03-04"), ("en-gb", "2011-04-03"),
    ("de", "2011-04-03"), ("fr-fr", "2011-04-03"), ("pt-br", "2011-04-03"), ("ru", "2011-04-03"),
])
def test_order_from_page_language(lang, want):
    ctx = DateContext()
    ctx.learn_order("nothing numeric here", lang)
    assert ctx.parse("03/04/2011").iso() == want
    assert not ctx.warnings


def test_dotted_dates_are_day_first_even_on_an_english_page():
    ctx = DateContext()
    ctx.learn_order("<p>nothing numeric</p>", "en")
    assert ctx.parse("06.02.2011").iso() == "2011-02-06"
    assert ctx.parse("06/02/2011").iso() == "2011-06-02"


def test_order_from_the_words_of_a_text_dump():
    text = " ".join(["o usuário não conseguiu abrir o arquivo com uma janela e os dados"] * 10)
    ctx = DateContext()
    ctx.learn_order(text, None)
    assert ctx.parse("12/02/19").iso() == "2019-02-12"


# -- localised month and weekday names --------------------------------------------------------------
LOCALISED = table(
    # de
    ("6. Februar 2011 um 21:31 Uhr", "2011-02-06T21:31:00"),
    ("6. Feb. 2011, 21:31", "2011-02-06T21:31:00"),
    ("So 6. Feb 2011, 21:31", "2011-02-06T21:31:00"),
    ("Sonntag, 6. Februar 2011", "2011-02-06"),
    ("Mo 14. Okt 2020, 12:18", "2020-10-14T12:18:00"),
    ("14. März 2011", "2011-03-14"),
    ("3. Mai 2011 18:00", "2011-05-03T18:00:00"),
    ("24. Dezember 2010 um 8:15", "2010-12-24T08:15:00"),
    ("1. Jänner 2012", "2012-01-01"),
    ("Mittwoch, 5. Oktober 2011 um 09:00", "2011-10-05T09:00:00"),
    # fr
    ("6 février 2011 à 21h31", "2011-02-06T21:31:00"),
    ("dim. 6 févr. 2011 21:31", "2011-02-06T21:31:00"),
    ("Dim 06 Fév 2011 - 21:31", "2011-02-06T21:31:00"),
    ("1er mars 2011", "2011-03-01"),
    ("le 1er mars 2011 à 08h05", "2011-03-01T08:05:00"),
    ("mercredi 17 août 2011", "2011-08-17"),
    ("17 aout 2011", "2011-08-17"),
    ("17 août 2011 à 21h", "2011-08-17T21:00:00"),
    ("25 décembre 2010, 23:59", "2010-12-25T23:59:00"),
    ("Lun 7 Juil 2014 - 10:12", "2014-07-07T10:12:00"),
    ("mar. 8 févr. 2011", "2011-02-08"),
    # es
    ("6 de febrero de 2011 a las 21:31", "2011-02-06T21:31:00"),
    ("6 de febrero de 2011", "2011-02-06"),
    ("domingo, 6 de febrero de 2011", "2011-02-06"),
    ("15 de septiembre de 2012, 10:00", "2012-09-15T10:00:00"),
    ("1 de enero del 2013", "2013-01-01"),
    ("3 ago 2014 14:00", "2014-08-03T14:00:00"),
    ("Mié 4 dic 2013 9:15", "2013-12-04T09:15:00"),
    ("martes, 12 de marzo de 2013", "2013-03-12"),
    # it
    ("6 febbraio 2011 alle 21:31", "2011-02-06T21:31:00"),
    ("dom 6 feb 2011, 21:31", "2011-02-06T21:31:00"),
    ("lunedì 7 marzo 2011", "2011-03-07"),
    ("12 gen 2012 ore 10:00", "2012-01-12T10:00:00"),
    ("3 giugno 2015", "2015-06-03"),
    ("6 febbraio 2011 alle 21.31", "2011-02-06T21:31:00"),
    ("06.02.2011 21.31", "2011-02-06T21:31:00"),
    ("6 februari 2011 kl. 21.31", "2011-02-06T21:31:00"),
    ("21 settembre 2016, 8:40", "2016-09-21T08:40:00"),
    ("30 dicembre 2018", "2018-12-30"),
    # pt
    ("6 de fevereiro de 2011 às 21:31", "2011-02-06T21:31:00"),
    ("6 fev 2011, 21:31", "2011-02-06T21:31:00"),
    ("segunda-feira, 7 de março de 2011", "2011-03-07"),
    ("12 de outubro de 2019", "2019-10-12"),
    ("1 de maio de 2020 às 08:00", "2020-05-01T08:00:00"),
    ("Dom Fev 06, 2011 9:31 pm", "2011-02-06T21:31:00"),
    ("25 dez 2016", "2016-12-25"),
    # nl
    ("6 februari 2011 om 21:31", "2011-02-06T21:31:00"),
    ("zo 6 feb 2011, 21:31", "2011-02-06T21:31:00"),
    ("15 maart 2011", "2011-03-15"),
    ("3 mei 2012 13:45", "2012-05-03T13:45:00"),
    ("woensdag 17 augustus 2011", "2011-08-17"),
    ("1 okt 2013", "2013-10-01"),
    # sv
    ("6 februari 2011 kl. 21:31", "2011-02-06T21:31:00"),
    ("sön 6 feb 2011 21:31", "2011-02-06T21:31:00"),
    ("3 maj 2012", "2012-05-03"),
    ("17 augusti 2011 kl 08:00", "2011-08-17T08:00:00"),
    ("måndag 7 mars 2011", "2011-03-07"),
    ("1 okt 2013 14:00", "2013-10-01T14:00:00"),
    # ru
    ("6 февраля 2011 г. в 21:31", "2011-02-06T21:31:00"),
    ("6 февраля 2011, 21:31", "2011-02-06T21:31:00"),
    ("1 Сентябрь 2014", "2014-09-01"),
    ("Вс фев 06, 2011 21:31", "2011-02-06T21:31:00"),
    ("15 марта 2012", "2012-03-15"),
    ("3 мая 2013 в 10:00", "2013-05-03T10:00:00"),
    ("31 декабря 2019", "2019-12-31"),
    ("воскресенье, 6 февраля 2011", "2011-02-06"),
    # pl
    ("6 lutego 2011, 21:31", "2011-02-06T21:31:00"),
    ("6 lutego 2011 o 21:31", "2011-02-06T21:31:00"),
    ("nd 06 lut 2011, 21:31", "2011-02-06T21:31:00"),
    ("15 marca 2012", "2012-03-15"),
    ("1 maja 2013", "2013-05-01"),
    ("3 września 2015 godz. 10:00", "2015-09-03T10:00:00"),
    ("24 grudnia 2010", "2010-12-24"),
    ("środa, 17 sierpnia 2011", "2011-08-17"),
    # tr (vBulletin and XenForo language packs)
    ("6 Haz 2011 saat 22:31", "2011-06-06T22:31:00"),
    ("Pazar, 6 Şubat 2011", "2011-02-06"),
    ("06 Ağustos 2011, 22:31", "2011-08-06T22:31:00"),
    ("12 Aralık 2010", "2010-12-12"),
    ("3 Kasım 2012 Cumartesi", "2012-11-03"),
)


@pytest.mark.parametrize("text, want", LOCALISED)
def test_localised_names(text, want):
    assert parse_date(text).iso() == want


# -- precision: what is shown is what is kept -----------------------------------------------------
PRECISION = [
    pytest.param("2019-04-17", "2019-04-17", "day", id="date only"),
    pytest.param("Feb 2011", "2011-02", "month", id="month year"),
    pytest.param("February 2011", "2011-02", "month", id="month name year"),
    pytest.param("Feb. 2011", "2011-02", "month", id="abbreviation with dot"),
    pytest.param("Februar 2011", "2011-02", "month", id="de month"),
    pytest.param("février 2011", "2011-02", "month", id="fr month"),
    pytest.param("febrero de 2011", "2011-02", "month", id="es month"),
    pytest.param("2019-04", "2019-04", "month", id="iso month"),
    pytest.param("04/2019", "2019-04", "month", id="numeric month"),
    pytest.param("04.2019", "2019-04", "month", id="dotted month"),
    pytest.param("Feb 6, 2011 7:33 AM", "2011-02-06T07:33:00", "minute", id="minute"),
    pytest.param("2011-02-06 21:31:07", "2011-02-06T21:31:07", "second", id="second"),
    pytest.param("October 06, 2007, 07:09:23 PM", "2007-10-06T19:09:23", "second", id="seconds with ampm"),
]


@pytest.mark.parametrize("text, want, precision", PRECISION)
def test_precision(text, want, precision):
    parsed = parse_date(text)
    assert (parsed.iso(), parsed.precision) == (want, precision)
    if precision in ("day", "month"):
        assert type(parsed.value) is date


def test_record_fields():
    parsed = parse_date("  Feb 6,   2011 7:33 AM ")
    assert parsed.raw == "Feb 6, 2011 7:33 AM"
    assert parsed.value == datetime(2011, 2, 6, 7, 33)
    assert not parsed.relative and not parsed.offset_known


# -- relative dates, resolved against NOW ---------------------------------------------------------
RELATIVE = table(
    ("Today", "2011-02-06"),
    ("today, 10:15", "2011-02-06T10:15:00"),
    ("Today at 9:05 AM", "2011-02-06T09:05:00"),
    ("Today, 12:32 PM", "2011-02-06T12:32:00"),
    ("Yesterday", "2011-02-05"),
    ("Yesterday at 3:14 PM", "2011-02-05T15:14:00"),
    ("Yesterday, 10:16 PM", "2011-02-05T22:16:00"),
    ("yesterday @ 23:59", "2011-02-05T23:59:00"),
    ("Heute, 14:05", "2011-02-06T14:05:00"),
    ("Heute um 14:05 Uhr", "2011-02-06T14:05:00"),
    ("Gestern um 14:05 Uhr", "2011-02-05T14:05:00"),
    ("Gestern, 08:00", "2011-02-05T08:00:00"),
    ("Vorgestern, 08:00", "2011-02-04T08:00:00"),
    ("Aujourd'hui à 14h05", "2011-02-06T14:05:00"),
    ("Aujourd’hui, 14:05", "2011-02-06T14:05:00"),
    ("Hier à 21:31", "2011-02-05T21:31:00"),
    ("Hoy a las 10:00", "2011-02-06T10:00:00"),
    ("Ayer, 10:00", "2011-02-05T10:00:00"),
    ("Oggi alle 10:00", "2011-02-06T10:00:00"),
    ("Ieri, 10:00", "2011-02-05T10:00:00"),
    ("Hoje às 10:00", "2011-02-06T10:00:00"),
    ("Ontem às 10:00", "2011-02-05T10:00:00"),
    ("Vandaag om 10:00", "2011-02-06T10:00:00"),
    ("Gisteren, 10:00", "2011-02-05T10:00:00"),
    ("Idag 10:00", "2011-02-06T10:00:00"),
    ("Igår kl. 10:00", "2011-02-05T10:00:00"),
    ("Сегодня, 10:00", "2011-02-06T10:00:00"),
    ("Вчера в 10:00", "2011-02-05T10:00:00"),
    ("Dzisiaj, 10:00", "2011-02-06T10:00:00"),
    ("Wczoraj o 10:00", "2011-02-05T10:00:00"),
    ("Friday at 9:31 PM", "2011-02-04T21:31:00"),
    ("Saturday at 10:15 AM", "2011-02-05T10:15:00"),
    ("Monday at 8:00", "2011-01-31T08:00:00"),
    ("Sunday at 9:00 PM", "2011-02-06T21:00:00"),
    ("Sunday at 10:00 PM", "2011-01-30T22:00:00"),
    ("Mittwoch um 14:05", "2011-02-02T14:05:00"),
    ("jeudi à 10h00", "2011-02-03T10:00:00"),
    ("2 hours ago", "2011-02-06T19:31:00"),
    ("1 hour ago", "2011-02-06T20:31:00"),
    ("an hour ago", "2011-02-06T20:31:00"),
    ("5 minutes ago", "2011-02-06T21:26:00"),
    ("a minute ago", "2011-02-06T21:30:00"),
    ("30 mins ago", "2011-02-06T21:01:00"),
    ("a day ago", "2011-02-05"),
    ("3 days ago", "2011-02-03"),
    ("1 week ago", "2011-01-30"),
    ("2 weeks ago", "2011-01-23"),
    ("a month ago", "2011-01"),
    ("10 months ago", "2010-04"),
    ("6 years ago", "2005"),
    ("3 yr. ago", "2008"),
    ("1 year, 2 months ago", "2009-12"),
    ("just now", "2011-02-06T21:31:00"),
    ("a few seconds ago", "2011-02-06T21:31:00"),
    ("vor 3 Tagen", "2011-02-03"),
    ("vor einer Stunde", "2011-02-06T20:31:00"),
    ("vor 2 Wochen", "2011-01-23"),
    ("vor 5 Minuten", "2011-02-06T21:26:00"),
    ("10 Monate 3 Wochen", "2010-03-16"),
    ("il y a 2 jours", "2011-02-04"),
    ("il y a une heure", "2011-02-06T20:31:00"),
    ("il y a 3 semaines", "2011-01-16"),
    ("hace 2 días", "2011-02-04"),
    ("hace una hora", "2011-02-06T20:31:00"),
    ("2 giorni fa", "2011-02-04"),
    ("3 ore fa", "2011-02-06T18:31:00"),
    ("há 2 dias", "2011-02-04"),
    ("2 dias atrás", "2011-02-04"),
    ("2 dagen geleden", "2011-02-04"),
    ("3 uur geleden", "2011-02-06T18:31:00"),
    ("för 2 dagar sedan", "2011-02-04"),
    ("3 дня назад", "2011-02-03"),
    ("2 часа назад", "2011-02-06T19:31:00"),
    ("2 godziny temu", "2011-02-06T19:31:00"),
    ("5 dni temu", "2011-02-01"),
    ("Bugün, 10:31", "2011-02-06T10:31:00"),
    ("Dün, 22:31", "2011-02-05T22:31:00"),
    ("3 saat önce", "2011-02-06T18:31:00"),
    ("2 gün önce", "2011-02-04"),
    ("5h", "2011-02-06T16:31:00"),
    ("3d", "2011-02-03"),
    ("2w", "2011-01-23"),
)


@pytest.mark.parametrize("text, want", RELATIVE)
def test_relative_against_now(text, want):
    parsed = parse_date(text, now=NOW)
    assert parsed.iso() == want
    assert parsed.relative


# Chinese, Japanese and Korean: unit characters for dates, words for relative days and ages
# (Discuz!, PTT-style boards, Japanese and Korean forums); NOW is Sunday 2011-02-06 21:31.
CJK = table(
    ("2009年3月12日 10:20", "2009-03-12T10:20:00"),
    ("2009年03月12日(木) 10:20", "2009-03-12T10:20:00"),
    ("2013-5-2 星期四 10:00", "2013-05-02T10:00:00"),
    ("2009/3/12 下午 3:20", "2009-03-12T15:20:00"),
    ("2009/3/12 上午 11:05", "2009-03-12T11:05:00"),
    ("2019년 3월 12일 오후 3:20", "2019-03-12T15:20:00"),
    ("2012-11-4 20:47:01", "2012-11-04T20:47:01"),
    ("今天 10:20", "2011-02-06T10:20:00"),
    ("昨天 10:20", "2011-02-05T10:20:00"),
    ("前天 08:00", "2011-02-04T08:00:00"),
    ("昨日 23:59", "2011-02-05T23:59:00"),
    ("3 天前", "2011-02-03"),
    ("2 小时前", "2011-02-06T19:31:00"),
    ("半小时前", "2011-02-06T21:01:00"),
    ("5 分钟前", "2011-02-06T21:26:00"),
    ("3日前", "2011-02-03"),
    ("2時間前", "2011-02-06T19:31:00"),
    ("3일 전", "2011-02-03"),
    ("\u200e04-17-2019", "2019-04-17"),  # a left-to-right mark inside the date (Khoros)
)

# Django's words for 12:00 and 00:00 (HyperKitty and other Django-made archives).
DJANGO = table(
    ("2 Mar 2010 noon", "2010-03-02T12:00:00"),
    ("March 2, 2010, midnight", "2010-03-02T00:00:00"),
    ("Mar. 2, 2010, 3:05 p.m.", "2010-03-02T15:05:00"),
)


@pytest.mark.parametrize("text, want", DJANGO)
def test_django_dates(text, want):
    assert parse_date(text).iso() == want


@pytest.mark.parametrize("text, want", CJK)
def test_cjk_dates(text, want):
    assert parse_date(text, now=NOW).iso() == want


@pytest.mark.parametrize("text", [
    "Today", "Yesterday at 3:14 PM", "2 hours ago", "a day ago", "vor 3 Tagen", "il y a 2 jours", "hace 2 días",
    "10 Monate 3 Wochen", "March 27", "Sunday 8th March", "just now", "Heute, 14:05", "3d", "Friday at 9:31 PM",
])
def test_relative_without_reference_stays_unresolved(text):
    parsed = parse_date(text)
    assert parsed.value is None and parsed.relative and parsed.raw == text


# -- partial dates: the year comes from the reference time ---------------------------------------
PARTIAL = table(
    ("March 27", "2010-03-27"),
    ("Feb 5", "2011-02-05"),
    ("Feb 6", "2011-02-06"),
    ("Feb 7", "2011-02-07"),  # a day ahead is the zone, not last year
    ("Feb 9", "2010-02-09"),
    ("27 March", "2010-03-27"),
    ("Jan 30 at 10:00 PM", "2011-01-30T22:00:00"),
    ("December 31, 11:59 PM", "2010-12-31T23:59:00"),
    ("5. Februar", "2011-02-05"),
    ("3 février à 10h00", "2011-02-03T10:00:00"),
    ("Sunday 8th March", "2009-03-08"),
    ("Saturday 5th February", "2011-02-05"),
    ("Tue, Mar 8", "2005-03-08"),
    ("Friday, 4 February", "2011-02-04"),
)


@pytest.mark.parametrize("text, want", PARTIAL)
def test_partial_dates(text, want):
    parsed = parse_date(text, now=NOW)
    assert parsed.iso() == want and parsed.relative


# -- traps ----------------------------------------------------------------------------------------
TRAPS = [
    pytest.param("Feb 6, 2011 12:00 AM", {}, "2011-02-06T00:00:00", id="12 AM is midnight"),
    pytest.param("Feb 6, 2011 12:30 AM", {}, "2011-02-06T00:30:00", id="12:30 AM"),
    pytest.param("Feb 6, 2011 12:00 PM", {}, "2011-02-06T12:00:00", id="12 PM is noon"),
    pytest.param("Feb 6, 2011 12:59 PM", {}, "2011-02-06T12:59:00", id="12:59 PM"),
    pytest.param("Feb 6, 2011 1:00 PM", {}, "2011-02-06T13:00:00", id="1 PM"),
    pytest.param("Feb 6, 2011 11:59 PM", {}, "2011-02-06T23:59:00", id="11:59 PM"),
    pytest.param("Feb 6, 2011 00:05", {}, "2011-02-06T00:05:00", id="24h midnight"),
    pytest.param("Feb 6, 2011 13:00 PM", {}, None, id="13 PM is no time"),
    pytest.param("Feb 30, 2011", {}, None, id="no February 30"),
    pytest.param("Feb 29, 2012", {}, "2012-02-29", id="leap day"),
    pytest.param("Feb 29, 2011", {}, None, id="no leap day in 2011"),
    pytest.param("Feb 6, 2011 24:10", {}, None, id="hour 24"),
    pytest.param("06.02.11", {}, "2011-02-06", id="two-digit year 11"),
    pytest.param("06.02.98", {}, "1998-02-06", id="two-digit year 98"),
    pytest.param("06.02.69", {}, "2069-02-06", id="two-digit year 69 without reference"),
    pytest.param("06.02.69", {"now": NOW}, "1969-02-06", id="two-digit year 69 is past a 2011 reference"),
    pytest.param("16-Jun-20", {"now": datetime(2021, 1, 1)}, "2020-06-16", id="two-digit year after month"),
    pytest.param("Feb 1st, 2011", {}, "2011-02-01", id="1st"),
    pytest.param("Feb 2nd, 2011", {}, "2011-02-02", id="2nd"),
    pytest.param("Feb 3rd, 2011", {}, "2011-02-03", id="3rd"),
    pytest.param("Feb 11th, 2011", {}, "2011-02-11", id="11th"),
    pytest.param("Feb 22nd, 2011", {}, "2011-02-22", id="22nd"),
    pytest.param("Yesterday at 11:00 PM", {"now": datetime(2011, 3, 1, 0, 30)}, "2011-02-28T23:00:00",
                 id="yesterday across a month boundary"),
    pytest.param("Yesterday", {"now": datetime(2012, 3, 1, 8, 0)}, "2012-02-29", id="yesterday on a leap year"),
    pytest.param("Yesterday, 10:00", {"now": datetime(2011, 1, 1, 9, 0)}, "2010-12-31T10:00:00",
                 id="yesterday across a year boundary"),
    pytest.param("a month ago", {"now": datetime(2011, 3, 31, 12, 0)}, "2011-02", id="month back from the 31st"),
    pytest.param("2 hours ago", {"now": datetime(2011, 3, 1, 1, 0)}, "2011-02-28T23:00:00",
                 id="hours ago across a month boundary"),
    pytest.param("2011-07-06 12:00", {"tz": ZoneInfo("Europe/Berlin")}, "2011-07-06T12:00:00+02:00",
                 id="caller zone in summer time"),
    pytest.param("2011-01-06 12:00", {"tz": ZoneInfo("Europe/Berlin")}, "2011-01-06T12:00:00+01:00",
                 id="caller zone in winter time"),
    pytest.param("2011-03-27 03:30", {"tz": "Europe/Berlin"}, "2011-03-27T03:30:00+02:00",
                 id="zone name, the morning clocks go forward"),
    pytest.param("Mar 13, 2011 1:30 AM", {"tz": "America/New_York"}, "2011-03-13T01:30:00-05:00",
                 id="before the US change"),
    pytest.param("Mar 13, 2011 3:30 AM", {"tz": "America/New_York"}, "2011-03-13T03:30:00-04:00",
                 id="after the US change"),
    pytest.param("2011-02-06T21:31:00Z", {"tz": "America/New_York"}, "2011-02-06T21:31:00+00:00",
                 id="an explicit zone beats the caller's"),
    pytest.param("1297027860", {"tz": "America/New_York"}, "2011-02-06T21:31:00+00:00", id="epochs are UTC"),
    pytest.param("2011-02-06 21:31", {"tz": "UTC+1"}, "2011-02-06T21:31:00+01:00", id="caller offset as text"),
]


@pytest.mark.parametrize("text, kwargs, want", TRAPS)
def test_traps(text, kwargs, want):
    assert parse_date(text, **kwargs).iso() == want


# -- not dates ------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "", "   ", "hello world", "Posts: 57", "May", "Re: 2 posts", "Joined", "1,234", "v2.0.1", "12:30 - 13:45",
    "Sun", "Page 2 of 5", "192.168.1.1", "x" * 200, "Feb", "2 posts", "Quote", "#12", "3 days", "2 weeks",
    "20.53.41", "5 hours of sleep",
])
def test_not_dates(text):
    parsed = parse_date(text, now=NOW)
    assert parsed.value is None
    assert not parsed.relative


# -- zones the page states ------------------------------------------------------------------------
ZONE_FOOTERS = [
    pytest.param('All times are <span title="UTC-6">UTC-06:00</span></li>', -360, id="phpbb 3.1"),
    pytest.param("All times are UTC - 5 hours [ DST ]", -240, id="phpbb 3.0 with DST"),
    pytest.param('All times are UTC [ <abbr title="Daylight Saving Time">DST</abbr> ]', 60, id="UTC with DST"),
    pytest.param("All times are UTC + 10 hours </p>", 600, id="phpbb 3.0 plus ten"),
    pytest.param("All times are UTC </li>", 0, id="UTC"),
    pytest.param("All times are GMT + 10 Hours</span>", 600, id="phpbb 2"),
    pytest.param("All times are GMT -5. The time now is <span>00:08</span>.", -300, id="vbulletin"),
    pytest.param("All times are GMT. The time now is 05:23 AM.", 0, id="vbulletin GMT"),
    pytest.param("All times are GMT-5. This page was generated at 12:11 AM.", -300, id="vbulletin no space"),
    pytest.param("All times are GMT +5.5. The time now is", 330, id="half hours"),
    pytest.param('Alle Zeiten sind <span title="Europa/Berlin">UTC+02:00</span>', 120, id="de phpbb"),
    pytest.param("Alle Zeitangaben in WEZ +1. Es ist jetzt 21:31 Uhr.", 60, id="de vbulletin"),
    pytest.param("Toutes les heures sont au format UTC + 1 heure", 60, id="fr"),
    pytest.param("Todos los horarios son UTC-03:00", -180, id="es"),
]


@pytest.mark.parametrize("footer, minutes", ZONE_FOOTERS)
def test_stated_zone(footer, minutes):
    ctx = DateContext()
    zone = ctx.learn_zone(f"<html><body><p>posts</p><div>{footer}</div></body></html>")
    assert zone is not None and zone.utcoffset(None) == timedelta(minutes=minutes)


@pytest.mark.parametrize("footer", ["All times are EST (Australia)", "it is currently deployed", "no footer"])
def test_no_stated_zone(footer):
    assert DateContext().learn_zone(footer) is None


def test_stated_zone_makes_shown_times_aware_and_machine_values_keep_theirs():
    ctx = DateContext()
    ctx.learn_zone("All times are UTC - 5 hours")
    assert ctx.iso("Sun Feb 06, 2011 9:31 pm") == "2011-02-06T21:31:00-05:00"
    assert ctx.iso("Feb 2011") == "2011-02"  # a month stays a month
    assert ctx.iso("2019-04-17") == "2019-04-17"
    assert ctx.machine("2011-02-06T21:31:00+00:00") == "2011-02-06T21:31:00+00:00"
    assert ctx.machine("1297027860") == "2011-02-06T21:31:00+00:00"


def test_stated_zone_wins_over_callers_tz():
    ctx = DateContext(tz=timezone.utc)
    ctx.learn_zone("All times are GMT +1")
    assert ctx.iso("06.02.2011, 21:31") == "2011-02-06T21:31:00+01:00"


# -- the capture time: reference for relative dates ----------------------------------------------
CAPTURES = [
    pytest.param("It is currently Sat Jul 20, 2019 7:44 pm<br /></td>", datetime(2019, 7, 20, 19, 44),
                 id="phpbb footer"),
    pytest.param("<p>It is currently <strong>Sun Feb 06, 2011 9:31 pm</strong> | Board index</p>",
                 datetime(2011, 2, 6, 21, 31), id="phpbb footer in markup"),
    pytest.param('Aktuelle Zeit: 14.10.2020, 12:18<div align="center">', datetime(2020, 10, 14, 12, 18),
                 id="de footer"),
    pytest.param("Nous sommes le dim. 6 févr. 2011 21:31", datetime(2011, 2, 6, 21, 31), id="fr footer"),
    pytest.param("<span>Current time: 02-06-2011, 09:31 PM</span>", datetime(2011, 2, 6, 21, 31),
                 id="mybb footer"),
    pytest.param("Heure actuelle : 26/02/2011, 21:31", datetime(2011, 2, 26, 21, 31), id="fr mybb footer"),
    pytest.param("<!-- Mirrored from www.example.com/forum/viewtopic.php?t=1 by HTTrack Website Copier/3.x "
                 "[XR&CO'2014], Fri, 19 Oct 2018 07:56:15 GMT -->",
                 datetime(2018, 10, 19, 7, 56, 15, tzinfo=timezone.utc), id="httrack"),
    pytest.param("<!--\n Page saved with SingleFile \n url: https://example.com/t/1 \n saved date: "
                 "Sun Feb 06 2011 21:31:00 GMT+0100 (CET)\n-->",
                 datetime(2011, 2, 6, 21, 31, tzinfo=timezone(timedelta(hours=1))), id="singlefile"),
]


@pytest.mark.parametrize("page, want", CAPTURES)
def test_capture_time_from_the_page(page, want):
    assert DateContext().learn_capture(page) == want


def test_no_capture_time():
    assert DateContext().learn_capture("it is currently deployed to which environment?") is None
    assert DateContext().learn_capture("<p>nothing</p>") is None


def _ctx(page: str, headers=None, **kwargs) -> ParseContext:
    return ParseContext(Document(page, headers=headers or {}), **kwargs)


def test_parse_context_resolves_relative_dates_against_the_footer_in_the_stated_zone():
    ctx = _ctx("<p>Yesterday at 3:14 PM</p><p>It is currently Tue Mar 01, 2011 0:20 am</p>"
               "<p>All times are UTC - 5 hours</p>")
    assert ctx.dates.iso("Yesterday at 3:14 PM") == "2011-02-28T15:14:00-05:00"
    assert ctx.dates.iso("2 hours ago") == "2011-02-28T22:20:00-05:00"


def test_parse_context_reference_from_warc_and_http_headers():
    ctx = _ctx("<p>Today, 10:00</p>", headers={"warc-date": "2011-02-06T21:31:00Z"})
    assert ctx.dates.iso("Today, 10:00") == "2011-02-06T10:00:00"
    ctx = _ctx("<p>Today, 10:00</p>", headers={"date": "Sun, 06 Feb 2011 21:31:00 GMT"})
    assert ctx.dates.iso("Yesterday, 10:00") == "2011-02-05T10:00:00"
    ctx = _ctx("<p>x</p>", headers={"warc-date": "2011-02-06T02:00:00Z"})
    ctx.dates.learn_zone("All times are GMT -5")  # 02:00 UTC is still the 5th where the page is
    assert ctx.dates.iso("Today") == "2011-02-05"


def test_callers_now_wins_and_no_reference_means_unresolved():
    ctx = _ctx("<p>It is currently Sat Jul 20, 2019 7:44 pm</p>", now=NOW)
    assert ctx.dates.iso("Yesterday") == "2011-02-05"
    ctx = _ctx("<p>Yesterday</p>")
    assert ctx.dates.now is None and ctx.dates.iso("Yesterday") is None


def test_parse_thread_keeps_raw_and_never_uses_the_machine_clock():
    from importlib.resources import files

    given = files("forumparse").joinpath("examples/jive-thread.txt").read_text(encoding="utf-8")
    text = given.replace("Feb 6, 2011 7:33 AM", "Yesterday at 7:33 AM", 1)
    first = parse_thread(text).posts[0]
    assert (first.timestamp_raw, first.timestamp) == ("Yesterday at 7:33 AM", None)
    first = parse_thread(text, now=datetime(2011, 2, 7, 12, 0)).posts[0]
    assert first.timestamp == "2011-02-06T07:33:00"
    footer = text + "\nIt is currently Mon Feb 07, 2011 12:00 pm\n"  # the page says when it was shown
    assert parse_thread(footer).posts[0].timestamp == "2011-02-06T07:33:00"


# -- the long tail goes to dateparser -------------------------------------------------------------
TAIL = [
    pytest.param("2011年2月6日 21:31", ["ja"], "2011-02-06T21:31:00", id="japanese"),
    pytest.param("6 helmikuuta 2011 klo 21.31", ["fi"], "2011-02-06T21:31:00", id="finnish"),
    pytest.param("21:31 6 Şubat 2011", ["tr"], "2011-02-06T21:31:00", id="turkish"),
    pytest.param("6 Feb 2011 at 21.31", None, "2011-02-06T21:31:00", id="dotted clock"),
    pytest.param("6 helmikuuta 2011 21:31", None, None, id="languages outside the default set need naming"),
]


@pytest.mark.parametrize("text, languages, want", TAIL)
def test_dateparser_fallback(text, languages, want):
    assert parse_date(text, languages=languages).iso() == want


def test_dateparser_relative_is_never_resolved_by_the_machine_clock():
    parsed = parse_date("in 3 days")
    assert parsed.value is None


def test_dateparser_budget_per_page(monkeypatch):
    import forumparse.dates as dates

    calls = []
    monkeypatch.setattr(dates, "_TAIL_BUDGET", 3)
    monkeypatch.setattr(dates, "_dateparser", lambda raw, order, langs: calls.append(raw) or None)
    ctx = DateContext()
    for n in range(10):
        ctx.parse(f"zzz {n} qqq 2011")
    assert len(calls) == 3
    ctx.parse("no year here at all, 12")
    assert len(calls) == 3


def test_strings_in_known_date_words_never_reach_the_tail(monkeypatch):
    """The fast path knows "May", "Sat", "yesterday": when it cannot read such a string, the
    date sits inside other words, and dateparser (0.5 ms a string) cannot read it either."""
    import forumparse.dates as dates

    calls = []
    monkeypatch.setattr(dates, "_dateparser", lambda raw, order, langs: calls.append(raw) or None)
    ctx = DateContext()
    for text in ("Joined: 13 May 2005Posts: 237", "On Sat, 31 Jul 1999, Glyph Lefkowitz wrote:",
                 "Top posts march 6th 2019"):
        assert ctx.parse(text).value is None
    assert calls == []
    ctx.parse("zzz qqq 2011")  # words it does not know: the tail's turn
    assert calls == ["zzz qqq 2011"]


def test_text_dump_bullets_around_a_date():
    parsed = parse_date("* # ? Jan 20, 2013 8:06 PM")
    assert parsed.iso() == "2013-01-20T20:06:00" and parsed.raw == "* # ? Jan 20, 2013 8:06 PM"
    assert parse_date("« October 08, 2007, 10:57:27 AM »").iso() == "2007-10-08T10:57:27"


def test_memo_returns_the_same_reading():
    ctx = DateContext()
    assert ctx.parse("Feb 6, 2011") is ctx.parse("Feb 6, 2011")
