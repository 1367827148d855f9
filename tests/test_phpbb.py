"""phpBB / Forumotion helpers and detection on small hand-written snippets."""
from __future__ import annotations

import lxml.html
import pytest

from forumparse.adapters import _phpbb_common as common
from forumparse.adapters.forumotion import ForumotionHtml
from forumparse.adapters.phpbb import PhpbbHtml, _posted_and_subject, _title_from_head
from forumparse.dates import DateContext
from forumparse.document import Document


class Ctx:
    def __init__(self):
        self.dates = DateContext(date_order="DMY")


def frag(html):
    return lxml.html.fragment_fromstring(html, create_parent="div")[0]


def test_signature_rule_splits_body():
    body, sig = common.split_signature("Hello there\n_________________\nMy boat, 57ft")
    assert body == "Hello there"
    assert sig == "My boat, 57ft"
    assert common.split_signature("no rule here") == ("no rule here", None)


def test_profile_lines_read_icon_labels():
    el = frag('<span><b>admina</b><br/><span class="label"><img alt="Beiträge"/></span> 1070<br/>'
              '<span class="label"><img alt="Anmeldedatum"/></span> 26.10.13<br/></span>')
    lines = common.profile_lines(el, ".label")
    assert lines == ["admina", "Beiträge 1070", "Anmeldedatum 26.10.13"]
    stats = common.read_stats(lines, Ctx())
    assert stats["post_count"] == 1070
    assert stats["joined"] == "2013-10-26"
    assert stats["plain"] == ["admina"]


def test_join_date_drops_time_of_day():
    assert common.join_date("Sun Sep 03, 2006 9:23 pm", Ctx()) == "2006-09-03"


@pytest.mark.parametrize("html, iso", [
    ('<p class="author">by <strong><a>Jo</a></strong> &raquo; Sun May 26, 2019 4:34 pm</p>', "2019-05-26T16:34:00"),
    ('<p class="author">von <span><strong>lupa</strong></span> am 26/10/13, 03:48 pm</p>', "2013-10-26T15:48:00"),
    ('<p class="author">by <strong>Jo</strong> &raquo; <time datetime="2019-03-02T18:05:00+00:00">x</time></p>',
     "2019-03-02T18:05:00+00:00"),
    # third-party styles: no "»", the date in an element of its own after the name
    ('<p class="author"><a href="#p1"><i class="icon"></i></a> <strong><a class="username">Jo</a></strong> '
     '<span class="post-date">Sun May 26, 2019 4:34 pm</span></p>', "2019-05-26T16:34:00"),
    ('<p class="author">Сообщение <strong><a>Jo</a></strong> &raquo; 03 фев 2021, 21:40</p>', "2021-02-03T21:40:00"),
])
def test_author_line_time(html, iso):
    assert common.line_time(frag(html), Ctx())[0] == iso


@pytest.mark.parametrize("html", [
    '<span class="postdetails">Posted: Mon Nov 07, 2005 8:15 pm<span class="gen">&nbsp;</span>'
    '&nbsp; &nbsp;Post subject: Re: Moorings</span>',
    '<span class="postdetails">Posted: Mon Nov 07, 2005 8:15 pm&nbsp; &nbsp;Post subject: Re: Moorings</span>',
])
def test_phpbb2_posted_and_subject(html):
    assert _posted_and_subject(frag(html)) == ("Mon Nov 07, 2005 8:15 pm", "Re: Moorings")


@pytest.mark.parametrize("html, iso", [
    ('<div>Last edited by Jo on Thu May 08, 2003 10:50 pm; edited 1 time in total</div>', "2003-05-08T22:50:00"),
    ('<div>Zuletzt geändert von <a>Jo</a> am Mo 4. Mär 2013, 19:30, insgesamt 2-mal geändert.</div>',
     "2013-03-04T19:30:00"),
    ('<div>Dernière édition par <a>Jo</a> le Lun 4 Mar 2013 19:30, édité 1 fois.</div>', "2013-03-04T19:30:00"),
    ('<div>Última edición por <a>Jo</a> el Lun Mar 04, 2013 7:30 pm, editado 1 vez en total.</div>',
     "2013-03-04T19:30:00"),
    # no connector word between the editor's name and the date
    ('<div>Последний раз редактировалось <a>Jo</a> 4 мар 2013, 19:30, всего редактировалось 1 раз.</div>',
     "2013-03-04T19:30:00"),
    ('<div>Ostatnio edytowany przez <a>Jo</a>, 4 mar 2013, o 19:30, łącznie edytowany 1 raz</div>',
     "2013-03-04T19:30:00"),
    ('<div>Last edited by <a>Jo</a> on Thu May 08, 2003 10:50 pm, edited 1 time in total.<br>'
     '<strong>Reason:</strong> typo</div>', "2003-05-08T22:50:00"),
])
def test_edit_note_time(html, iso):
    assert common.edit_time(frag(html), Ctx()) == iso


def test_pagination_without_page_of_text():
    el = frag('<div class="pagination">24 posts <ul><li><a href="?start=0">1</a></li><li class="active">'
              '<span>2</span></li><li><a href="?start=30">3</a></li></ul></div>')
    page, count, nxt = common.page_numbers(el)
    assert (page, count, nxt.get("href")) == (2, 3, "?start=30")


def test_title_from_head():
    assert _title_from_head("Board • View topic - Cold starts") == "Cold starts"
    assert _title_from_head("Cold starts - Small Engines") == "Cold starts"
    assert _title_from_head("Клуб • Просмотр темы - Холодный пуск") == "Холодный пуск"  # 3.0 language packs
    assert _title_from_head("Forum • Zobacz temat - Zimny start") == "Zimny start"


def test_user_ids():
    assert common.user_id("./memberlist.php?mode=viewprofile&u=5996") == "5996"
    assert common.user_id("/u14") == "14"
    assert common.user_id("/forum") is None


FORUMOTION_PAGE = ('<html><head><script src="https://illiweb.com/rs3/x.js"></script></head><body>'
                   '<div id="p1" class="post"><div class="postprofile">x</div></div>'
                   '<a href="https://help.forumotion.com">Forumotion</a><script>fa_endpage();</script></body></html>')
PHPBB_PAGE = ('<html><body id="phpbb"><a href="./viewtopic.php?f=1&amp;t=2">x</a>'
              '<dl class="postprofile"></dl>Powered by <a href="https://www.phpbb.com/">phpBB</a></body></html>')


def test_detection_keeps_phpbb_and_forumotion_apart():
    fa, pb = Document(FORUMOTION_PAGE), Document(PHPBB_PAGE)
    assert PhpbbHtml().detect(fa) == 0.0
    assert ForumotionHtml().detect(fa) > 0.5
    assert PhpbbHtml().detect(pb) > 0.5
    assert ForumotionHtml().detect(pb) == 0.0


def test_postbody_class_alone_is_weak():
    doc = Document('<html><body><div class="postbody">hi</div></body></html>')
    assert PhpbbHtml().detect(doc) <= 0.1


def test_phpbb2_code_header_row_is_not_body():
    import forumparse

    html = ('<html><body>Powered by phpBB <a href="viewtopic.php?t=1">x</a><table><tr><td class="row1">'
            '<span class="name"><a name="5"></a><b>bob</b></span><br/><span class="postdetails">Posts: 3</span></td>'
            '<td class="row1"><table><tr><td><span class="postdetails">Posted: Mon Nov 07, 2005 8:15 pm</span>'
            '</td></tr>'
            '<tr><td><span class="postbody">Try this:</span><table><tr><td><span class="genmed"><b>Code:</b></span>'
            '</td></tr><tr><td class="code">echo hi</td></tr></table><span class="postbody"><br/>done</span></td></tr>'
            '</table></td></tr></table></body></html>')
    post = forumparse.parse_thread(html).posts[0]
    assert post.body == "Try this:\n\necho hi\n\ndone"
    assert post.author.post_count == 3


@pytest.mark.parametrize("text, expected", [
    ("Page 3 of 5", (3, 5)), ("Seite 1 von 1", (1, 1)), ("Página 2 de 4", (2, 4)),
    ("Last edited on 1/12/2005 10:00", (None, None)),
])
def test_page_of_text(text, expected):
    page, count, _next = common.page_numbers(frag(f"<span>{text}</span>"))
    assert (page, count) == expected


def test_phpbb_page_linking_to_forumotion_stays_phpbb():
    page = (PHPBB_PAGE.replace("</body>", '<a href="./memberlist.php?mode=viewprofile&amp;u=2">a</a>'
                               '<a href="./posting.php?mode=quote&amp;p=3">q</a>'
                               '<img src="https://illiweb.com/x.png"> see https://kites.forumotion.com/</body>'))
    doc = Document(page)
    assert PhpbbHtml().detect(doc) > ForumotionHtml().detect(doc)


def test_unknown_labelled_line_is_not_a_rank():
    stats = common.read_stats(["Age: 31", "Joined: 01 Jan 2004", "Posts: 5"], Ctx())
    assert stats["plain"] == []
    assert stats["post_count"] == 5


def test_bump_notice_is_no_edit_time():
    from conftest import FIXTURES

    import forumparse

    page = (FIXTURES / "phpbb" / "prosilver-32.html").read_text(encoding="utf-8")
    edit = ('<div class="notice">Last edited by <a href="./memberlist.php?mode=viewprofile&amp;u=48" '
            'class="username">sparky</a> on Sat Mar 02, 2019 6:30 pm, edited 2 times in total.</div>')
    bump = '<div class="notice"><br /><br />Last bumped by <a>sparky</a> on Sun Mar 03, 2019 7:00 pm.</div>'
    assert forumparse.parse_thread(page.replace(edit, bump)).posts[0].edited is None
    assert forumparse.parse_thread(page.replace(edit, edit + bump)).posts[0].edited == "2019-03-02T18:30:00"
