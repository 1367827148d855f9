"""vBulletin and Something Awful adapters: detection boundaries and markup rules the goldens don't pin."""
from __future__ import annotations

from datetime import datetime

from conftest import FIXTURES

import forumparse
from forumparse.adapters.somethingawful import SomethingAwfulHtml
from forumparse.adapters.vbulletin import VBulletinHtml
from forumparse.document import Document

VB4_POST = """<html id="vbulletin_html"><head><meta name="generator" content="vBulletin 4.2.0" /></head><body>
<ol id="posts"><li class="postbit postcontainer" id="post_7">
<div class="posthead"><span class="postdate"><span class="date">{date}</span></span></div>
<div class="userinfo"><a class="username" href="member.php?u=3"><strong>kea</strong></a>
<span class="usertitle"></span><span class="rank"><img src="r.gif" alt="Veteran" /></span>
<dl class="userinfo_extra"><dt>Posts</dt><dd>1.2k</dd></dl></div>
<div id="post_message_7"><blockquote class="postcontent">Hello there.</blockquote></div>
</li></ol></body></html>"""


def _doc(text: str) -> Document:
    return Document(text)


def test_engines_do_not_claim_each_other():
    sa = Document.load(FIXTURES / "somethingawful" / "showthread.html")
    vb = Document.load(FIXTURES / "vbulletin" / "vb4-postbitlegacy.html")
    assert VBulletinHtml().detect(sa) == 0.0
    assert SomethingAwfulHtml().detect(vb) == 0.0
    assert VBulletinHtml().detect(vb) == 1.0


def test_page_that_only_mentions_vbulletin_is_not_claimed_strongly():
    page = "<html><body><div class='post'>We moved from vBulletin Solutions software to this board.</div></body></html>"
    assert VBulletinHtml().detect(_doc(page)) < 0.5


def test_relative_dates_resolve_against_now():
    page = VB4_POST.format(date="Yesterday,&nbsp;<span class='time'>10:30 PM</span>")
    thread = forumparse.parse_thread(page, now=datetime(2015, 6, 2, 12, 0))
    assert thread.engine == "vbulletin"
    assert thread.posts[0].timestamp == "2015-06-01T22:30:00"


def test_rank_image_alt_when_no_usertitle_and_abbreviated_count_is_not_exact():
    thread = forumparse.parse_thread(VB4_POST.format(date="06-01-2015, 10:30 PM"))
    author = thread.posts[0].author
    assert author.rank == "Veteran"
    assert author.post_count is None  # "1.2k" is not an exact count
    assert author.user_id == "3"


def test_ad_postbit_and_code_box_in_vb3():
    thread = forumparse.parse_thread(FIXTURES / "vbulletin" / "vb3-table-postbit.html")
    assert [p.author.name for p in thread.posts] == ["marsh_wren", "reedbed"]
    first = thread.posts[0]
    assert "float_switch = clean" in first.body  # a code box is the post's own text
    assert "Mine cuts out" not in first.body and first.quotes[0].author == "reedbed"
    assert thread.posts[1].author.rank == "Tadpole"  # rank shown only as an image


def test_something_awful_quote_header_and_edit_line():
    thread = forumparse.parse_thread(FIXTURES / "somethingawful" / "showthread.html")
    first = thread.posts[0]
    assert first.quotes[0].author == "Egg Slicer"
    assert "fucked around" not in first.body
    assert first.edited == "2014-04-02T21:17:00"
    assert first.author.post_count is None


VB3_HORIZONTAL = """<html><head><meta name="generator" content="vBulletin 3.6.8" /></head><body><div id="posts">
<table id="post55" class="tborder">
<tr><td class="thead"><a name="post55"><img src="post_old.gif" alt="Old" /></a>
 Today, <span class="time">08:12 AM</span><!-- / status icon and date --></td></tr>
<tr><td class="alt2" style="padding:0px"><table><tr>
  <td class="alt2"><a href="member.php?u=9"><img src="customavatars/avatar9_1.gif" alt="gull's Avatar" /></a></td>
  <td nowrap="nowrap"><div id="postmenu_55"><a class="bigusername" href="member.php?u=9">gull</a></div>
    <div class="smallfont">Harbour Master</div></td>
  <td width="100%">&nbsp;</td>
  <td valign="top" nowrap="nowrap"><div class="smallfont">
    <div>Registriert seit: 12.03.2008</div><div>Ort: Kiel</div><div>Beiträge: 4.512</div></div></td>
</tr></table></td></tr>
<tr><td class="alt1" id="td_post_55"><div id="post_message_55">Ebbe um sechs.</div></td></tr>
</table></div></body></html>"""


def test_vb3_horizontal_postbit_stats_sit_in_a_sibling_cell():
    thread = forumparse.parse_thread(VB3_HORIZONTAL, now=datetime(2009, 1, 5, 9, 0))
    post = thread.posts[0]
    assert post.timestamp == "2009-01-05T08:12:00"
    author = post.author
    assert (author.name, author.rank, author.post_count) == ("gull", "Harbour Master", 4512)
    assert (author.joined, author.location) == ("2008-03-12", "Kiel")
    assert author.avatar_url == "customavatars/avatar9_1.gif"


def test_thanks_box_count_is_likes():
    page = VB4_POST.format(date="06-01-2015, 10:30 PM").replace(
        "</li></ol>", '<div id="post_thanks_box_7">The Following 3 Users Say Thank You to kea For This Useful Post:'
        ' <a href="member.php?u=1">a</a></div></li></ol>')
    assert forumparse.parse_thread(page).posts[0].likes == 3


def test_vb3_date_without_closing_comment_ignores_trailing_markers():
    page = ('<html><head><meta name="generator" content="vBulletin 3.8.4" /></head><body><table id="post10"><tr>'
            '<td class="thead"><a name="post10"><img alt="Old" /></a> Yesterday, <span class="time">10:05 PM</span>'
            ' <span class="thread-starter">Thread Starter</span></td></tr><tr><td class="alt2"><div id="postmenu_10">'
            '<a class="bigusername" href="member.php?u=5">ann</a></div></td>'
            '<td><div id="post_message_10">First.</div></td></tr></table></body></html>')
    post = forumparse.parse_thread(page, now=datetime(2012, 5, 5, 12, 0)).posts[0]
    assert post.timestamp == "2012-05-04T22:05:00"
    assert post.timestamp_raw == "Yesterday, 10:05 PM"


def test_edit_note_with_the_date_in_brackets():
    """German and Russian language packs: "Geändert von X (06.02.2011 um 21:30 Uhr) Grund: ..."."""
    page = VB4_POST.format(date="06.02.2011, 21:14").replace(
        "</li>", '<blockquote class="postcontent lastedited">Geändert von kea (06.02.2011 um 21:30 Uhr)'
                 ' Grund: Tippfehler</blockquote></li>')
    thread = forumparse.parse_thread(page)
    assert thread.posts[0].timestamp == "2011-02-06T21:14:00"
    assert thread.posts[0].edited == "2011-02-06T21:30:00"
