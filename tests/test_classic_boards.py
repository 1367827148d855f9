"""Focused checks of the classic board adapters (MyBB, SMF, Vanilla, FluxBB/PunBB, Phorum, Jive HTML, Invision)."""
from __future__ import annotations

import pytest
from conftest import FIXTURES

import forumparse


def _thread(engine: str, case: str):
    return forumparse.parse_thread(FIXTURES / engine / case)


def test_mybb_relative_date_reads_the_title_date_and_keeps_the_shown_text():
    post = _thread("mybb", "mybb18-default.html").posts[0]
    assert post.timestamp == "2021-03-14T20:12:00"
    assert post.timestamp_raw == "Yesterday, 08:12 PM"  # the edit note inside the date span is left out
    assert post.edited == "2021-03-14T20:30:00"


def test_mybb_cite_date_and_jump_link_feed_the_quote():
    quote = _thread("mybb", "mybb18-default.html").posts[0].quotes[0]
    assert (quote.author, quote.post_id) == ("levain_lou", "6990")


def test_mybb_group_image_is_the_rank_only_without_a_user_title():
    first, second = _thread("mybb", "mybb18-default.html").posts
    assert first.author.rank == "Rising Dough"
    assert second.author.rank == "Super Moderators"


def test_mybb_16_tables_take_date_and_subject_from_the_header_rows():
    posts = _thread("mybb", "mybb16-classic.html").posts
    assert [p.timestamp for p in posts] == ["2010-12-29T16:05:00", "2010-12-30T09:17:00"]
    assert posts[1].title == "RE: Best budget soldering iron?"
    assert posts[0].author.joined == "2010-10"


def test_smf_custom_title_wins_over_membergroup_and_subject_digits_are_no_date():
    post = _thread("smf", "smf21-curve2.html").posts[1]
    assert post.author.rank == "Old salt"
    assert post.timestamp == "2023-03-03T08:05:50"
    assert post.edited == "2023-03-03T08:12:09"


def test_smf_11_reads_the_unclassed_poster_cell():
    thread = _thread("smf", "smf11-default.html")
    assert thread.views == 1206
    assert [(p.author.rank, p.author.post_count) for p in thread.posts] == [("Full Member", 144),
                                                                          ("Administrator", 3310)]
    assert thread.posts[1].quotes[0].author == "G4XYZ"
    assert "Quote from" not in thread.posts[1].body


def test_vanilla_rank_before_role_and_machine_time_with_offset():
    first, second = _thread("vanilla", "vanilla2-ranks-pager.html").posts
    assert (first.author.rank, second.author.rank) == ("Guru", "Moderator")
    assert first.timestamp == "2019-03-09T14:14:33+00:00"
    assert first.likes == 4


def test_vanilla_20_name_is_the_text_link_not_the_photo_link():
    post = _thread("vanilla", "vanilla20-classic.html").posts[1]
    assert post.author.name == "Heidi R"
    assert post.author.signature == "Run wild."
    assert "Run wild" not in post.body


def test_fluxbb_signature_shares_the_postmsg_class_but_stays_out_of_the_body():
    post = _thread("fluxbb", "fluxbb15-topic.html").posts[0]
    assert "Measure twice" not in post.body and post.author.signature == "Measure twice, solder once."
    assert "Last edited" not in post.body and post.edited == "2014-03-02T18:10:45"


def test_phorum_edit_note_leaves_the_body():
    post = _thread("phorum", "emerald-read.html").posts[1]
    assert post.body == "Yes, rsync --link-dest does exactly that."
    assert post.edited == "2009-03-04T08:05:00"


def test_mybb_label_and_value_rows_and_thread_prefix():
    thread = _thread("mybb", "mybb18-classic-rows.html")
    author = thread.posts[0].author
    assert (author.post_count, author.joined, author.location) == (52, "2020-04", "Norwich")
    assert thread.title == "Tomato blight this early?"  # the "[Help]" prefix shows in the crumb only
    assert thread.posts[0].timestamp == "2021-06-02T09:14:00"


def test_smf_20_curve_title_and_views_from_the_heading_bar_on_a_later_page():
    thread = _thread("smf", "smf20-curve-page2.html")
    assert (thread.title, thread.views) == ("Swarm in the chimney", 2417)
    assert (thread.page, thread.page_count) == (2, 3)
    assert thread.posts[1].author.name == "Visiting Dave"  # a guest: a name without a profile link
    assert thread.posts[1].quotes[0].post_id == "9921"


def test_mybb_thank_you_like_plugin_line_is_the_like_count():
    page = (FIXTURES / "mybb" / "mybb18-default.html").read_text(encoding="utf-8")
    likes = ('<div id="tyl_7001"><span id="tyl_title_7001">The following 2 users Like crumbcoat\'s post:</span>'
             '<span id="tyl_data_7001"><a href="#">ana</a>, <a href="#">bo</a></span></div><div class="post_controls">')
    thread = forumparse.parse_thread(page.replace('<div class="post_controls">', likes, 1))
    assert [p.likes for p in thread.posts] == [2, None]


@pytest.mark.parametrize("shown, date", [
    ("« Reply #3 on: September 19, 2007, 02:57:03 PM »", "September 19, 2007, 02:57:03 PM"),
    ("« Antwort #3 am: 12. März 2012, 14:05:00 »", "12. März 2012, 14:05:00"),
    ("« Respuesta #1 en: Hoy a las 09:15:10 »", "Hoy a las 09:15:10"),
    ("« Ответ #1 : 12 Марта 2012, 14:05:00 »", "12 Марта 2012, 14:05:00"),
    ("« Odpowiedź #2 dnia: Marzec 12, 2012, 14:05:00 »", "Marzec 12, 2012, 14:05:00"),
    ("« : 12 Марта 2012, 14:05:00 »", "12 Марта 2012, 14:05:00"),
    ("Today at 02:05:00 PM", "Today at 02:05:00 PM"),  # SMF 2.1: no label to strip
])
def test_smf_date_label_of_any_language_pack_is_stripped(shown, date):
    from forumparse.adapters.smf import _DATE_LABEL

    assert _DATE_LABEL.sub("", shown.replace("«", " ").replace("»", " ")).strip() == date


def test_smf_20_spanish_pack_dates_edit_note_and_quote_header():
    thread = _thread("smf", "smf20-es-curve-hoy.html")
    first, second = thread.posts
    assert (first.timestamp, first.edited) == ("2012-03-10T18:22:41", "2012-03-10T18:40:02")
    assert second.timestamp_raw == "Hoy a las 09:15:10"  # no reference time on a guest's page
    assert (second.quotes[0].author, second.quotes[0].post_id) == ("Ramiro", "1201")
    assert thread.views == 1532


@pytest.mark.parametrize("note, iso", [
    ("(This post was last modified: 03-14-2021, 08:30 PM by <a>crumb</a>.)", "2021-03-14T20:30:00"),
    ("(Сообщение последний раз редактировалось: 02.04.2019, 20:02 пользователем <a>Сергей</a>.)",
     "2019-04-02T20:02:00"),
    ("(Ten post był ostatnio modyfikowany: 02.04.2019, 20:02 przez <a>Jan</a>.)", "2019-04-02T20:02:00"),
])
def test_mybb_edit_note_of_any_language_pack(note, iso):
    import lxml.html

    from forumparse.adapters.mybb import _edit_time
    from forumparse.dates import DateContext

    class Ctx:
        dates = DateContext(date_order="DMY" if "." in note else "MDY")

    el = lxml.html.fragment_fromstring(f'<span class="edited_post">{note}</span>')
    assert _edit_time(el, Ctx()) == iso


@pytest.mark.parametrize("line, date", [
    ("Edited 2 time(s). Last edit at 03/12/2012 02:05PM by admin.", "03/12/2012 02:05PM"),
    ("2 mal bearbeitet. Zuletzt am 12.03.2012 14:05 von admin.", "12.03.2012 14:05"),
    ("Modifié 1 fois. Dernière modification le 12/03/2012 14:05 par admin.", "12/03/2012 14:05"),
    ("I did 2 laps. Then at 5:30 PM by the lake.", None),  # a sentence of the message, no edit note
])
def test_phorum_edit_note_of_any_language_pack(line, date):
    from forumparse.adapters.phorum import _EDIT_NOTE

    m = _EDIT_NOTE.match(line)
    assert (m.group(1) if m else None) == date


@pytest.mark.parametrize("lang, shown, count", [
    ("en", "1 reply to this topic", 1),
    ("de-DE", "3 Antworten auf dieses Thema", 3),
    ("fr", "2 réponses à ce sujet", 2),
    ("en", "3 Antworten auf dieses Thema", None),  # another language's words only on a page in it
])
def test_invision_reply_count_in_the_page_language(lang, shown, count):
    page = (FIXTURES / "invision" / "ipb3-topic.html").read_text(encoding="utf-8")
    page = page.replace("1 reply to this topic", shown).replace('<html lang="en"', f'<html lang="{lang}"', 1)
    assert forumparse.parse_thread(page).reply_count == count


@pytest.mark.parametrize("title", ["Edited March 9, 2019 2:20PM by Kofi.", "Bearbeitet 9. März 2019 14:20 von Kofi.",
                                   "Modifié 9 mars 2019 14:20 par Kofi."])
def test_vanilla_edit_note_title_in_locale_packs(title):
    page = (FIXTURES / "vanilla" / "vanilla2-ranks-pager.html").read_text(encoding="utf-8")
    thread = forumparse.parse_thread(page.replace("Edited March 9, 2019 2:20PM by Kofi.", title))
    assert thread.posts[0].edited == "2019-03-09T14:20:00"
