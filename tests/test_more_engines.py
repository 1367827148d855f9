"""Focused checks of the adapters for engines outside the corpus (WoltLab, Discuz!, Flarum, bbPress, Khoros,
Kunena, IP.Board 1/2, UBB.threads, YaBB, Simple:Press): detection limits and the tricky parts of each."""
from __future__ import annotations

from conftest import FIXTURES

import forumparse
from forumparse import registry
from forumparse.document import Document


def _thread(engine: str, case: str):
    return forumparse.parse_thread(FIXTURES / engine / case)


def test_woltlab_edit_note_date_reactions_and_rank_image():
    first, second = _thread("woltlab", "wsc5-thread.html").posts
    assert first.edited == "2019-04-17T21:40:00"
    assert first.likes == 3  # two reaction types summed
    assert first.timestamp == "2019-04-17T21:05:00+02:00"  # the datetime attribute, not "Apr 17th 2019"
    assert second.author.rank == "Moderator"  # only a rank image: its title
    assert (second.quotes[0].author, second.quotes[0].post_id) == ("RadiatorRita", "90817")


def test_woltlab_3_labels_and_guillemet_quotes():
    first, second = _thread("woltlab", "wbb3-thread.html").posts
    assert (first.author.joined, first.author.location) == ("2008-02-12", "Bamberg")  # Registrierungsdatum, Wohnort
    assert first.author.post_count == 1482  # "1.482": a German thousands dot
    assert second.quotes[0].author == "Tomatenheinz"  # "Zitat von »Tomatenheinz«"


def test_discuz_rounded_counts_relative_dates_and_quote_headers():
    first, second = _thread("discuz", "x34-viewthread.html").posts
    assert first.author.post_count == 348 and first.author.joined == "2017-05-09"
    assert second.author.post_count is None  # "1.2万" is rounded
    assert second.author.rank == "种菜达人"  # the custom title before the user group
    assert second.timestamp == "2019-04-18T08:41:07"  # "前天 08:41" has the full date in its title
    assert (second.quotes[0].author, second.quotes[0].post_id) == ("番茄小王子", "48120")
    assert "本帖最后由" not in first.body and first.edited == "2019-04-17T21:30:00"


def test_flarum_skips_event_posts_and_reads_the_crawler_view_without_a_payload():
    thread = _thread("flarum", "flarum1-discussion.html")
    assert [p.post_id for p in thread.posts] == ["5120", "5127"]  # 5121 is a "discussion tagged" event
    assert thread.posts[1].reply_to == "5120"
    text = (FIXTURES / "flarum" / "flarum1-discussion.html").read_text(encoding="utf-8")
    start = text.index('<script id="flarum-json-payload"')
    stripped = text[:start] + text[text.index("</script>", start) + len("</script>"):]
    bare = forumparse.parse_thread(stripped)
    assert bare.engine == "flarum"
    assert [p.author.name for p in bare.posts] == ["Lena Vogt", "Tobias"]
    assert bare.posts[1].quotes[0].author == "Lena Vogt"


def test_bbpress_header_rows_are_no_posts_and_guests_have_no_id():
    thread = _thread("bbpress", "bbp26-topic.html")
    assert len(thread.posts) == 3 and thread.reply_count == 4
    assert thread.posts[2].author.user_id is None
    assert "modified" not in thread.posts[0].body  # the revision log is an edit note


def test_khoros_icon_rank_and_friendly_dates():
    first, second = _thread("khoros", "khoros-thread.html").posts
    assert first.edited == "2019-04-17T11:05:00" and first.timestamp == "2019-04-17T10:22:00"
    assert second.author.rank == "Community Manager"
    assert second.timestamp == "2019-04-18T14:47:00" and second.timestamp_raw == "a week ago"
    assert second.quotes[0].author == "kmurphy" and second.likes == 12


def test_kunena_dates_come_from_titles_not_the_relative_text():
    posts = _thread("kunena", "crypsis-k5.html").posts
    assert [p.timestamp for p in posts] == ["2019-05-08T19:41:00", "2019-05-08T21:03:00"]
    assert posts[0].author.rank == "Fortgeschrittenes Mitglied"  # the rank image's alt
    old = _thread("kunena", "blue-eagle-k3.html").posts
    assert old[1].edited == "2013-03-15T09:20:00" and old[1].quotes[0].author == "Bing_Mixer"


def test_ipboard_quote_header_and_group_as_rank():
    first, second = _thread("ipboard", "ipb23-topic.html").posts
    assert first.author.rank == "Advanced Member"  # the member title before the group
    assert second.author.rank == "Moderators"  # no title: the group
    assert (second.quotes[0].author, second.quotes[0].post_id) == ("guppygrace", "98211")
    assert "edited" not in first.body and first.edited == "2008-01-09T20:30:00"


def test_ipboard_leaves_invision_3_pages_to_the_invision_adapter():
    for page in sorted((FIXTURES / "invision").glob("*.html")):
        assert registry.get("ipboard", "html").detect(Document.load(page)) == 0.0


def test_ubbthreads_and_yabb_author_cells():
    ubb = _thread("ubbthreads", "ubb7-showflat.html").posts
    assert (ubb[0].author.location, ubb[0].author.joined) == ("Tulsa, OK", "2008-06-12")  # "Loc:", "Registered:"
    assert ubb[1].quotes[0].author == "mach1marty"  # "Originally Posted By: mach1marty"
    yabb = _thread("yabb", "yabb2-display.html").posts
    assert [p.author.rank for p in yabb] == ["Full Member", "Administrator"]  # not "Offline" / "Online"
    assert yabb[1].timestamp == "2012-06-14T20:31:02"


def test_simplepress_said_quotes():
    post = _thread("simplepress", "sp5-topic.html").posts[1]
    assert post.quotes[0].author == "CrumbQueen" and post.author.joined == "2015-05-09"


def test_woltlab_6_date_element():
    text = (FIXTURES / "woltlab" / "wsc5-thread.html").read_text(encoding="utf-8")
    old = text[text.index('<time datetime="2019-04-17T21:05'):]
    old = old[:old.index("</time>") + len("</time>")]
    new = '<woltlab-core-date-time date="2019-04-17T19:05:00+00:00">Apr 17th 2019, 9:05 pm</woltlab-core-date-time>'
    post = forumparse.parse_thread(text.replace(old, new)).posts[0]
    assert (post.timestamp, post.timestamp_raw) == ("2019-04-17T19:05:00+00:00", "Apr 17th 2019, 9:05 pm")


def test_a_quoted_credit_line_does_not_claim_another_forum_page():
    page = (FIXTURES / "mybb" / "mybb18-default.html").read_text(encoding="utf-8")
    quoted = page.replace("</body>", '<p>We moved from <a href="https://bbpress.org">bbPress</a>: Powered by Discuz! '
                                     "and Powered by ProBoards before that.</p></body>")
    doc = Document.load(quoted)
    for engine in ("bbpress", "discuz", "proboards"):
        assert registry.get(engine, "html").detect(doc) == 0.0, engine
    assert registry.choose(doc).name == "mybb"


def test_flarum_saved_page_reads_the_drawn_posts_beyond_the_payload():
    posts = _thread("flarum", "flarum1-saved-rendered.html").posts
    assert [p.post_id for p in posts] == ["2207", "2209", "2230"]  # the payload holds the first two only
    assert posts[1].author.rank == "Moderator" and posts[1].likes == 3  # "annotator and 2 others"
    assert posts[2].permalink.endswith("/d/412-which-e-ink-reader-for-pdfs/4")


def test_ubbthreads_73_date_in_the_subject_row_and_profile_link_in_the_popup():
    first, second = _thread("ubbthreads", "ubb75-popup-username.html").posts
    assert (first.post_id, first.timestamp) == ("77410", "2011-03-02T19:48:00")  # anchor and date outside the cell
    assert first.author.user_id == "5120" and first.author.location == "Lake Geneva, WI"
    assert second.title == "Re: Cold start stumble after rebuild"  # the subject link, not the "[Re: x]" note
    assert "Edited by" not in second.body and second.edited == "2011-03-03T08:20:00"


def test_snitz_signature_span_is_no_post_and_edit_note_gives_the_date():
    thread = _thread("snitz", "snitz34-signatures.html")
    assert [p.post_id for p in thread.posts] == ["6620", "51840"]
    first = thread.posts[0]
    assert first.author.signature == "Steve - Myford ML7, far too many chucks"
    assert "Edited by" not in first.body and first.edited == "2009-05-21T19:50:02"
    assert first.timestamp == "2009-05-21T19:42:10"  # "21 May 2009 : 19:42:10"


def test_proboards_epoch_wins_over_relative_text():
    first, second = _thread("proboards", "pb6-relative-dates.html").posts
    assert (first.timestamp, first.timestamp_raw) == ("2020-02-10T18:35:00+00:00", "Yesterday at 6:35pm")
    assert first.edited == "2020-02-10T18:45:00+00:00"
    assert second.timestamp == "2020-02-11T10:55:00+00:00" and second.likes == 3
    assert (second.quotes[0].author, second.quotes[0].post_id) == ("Grease Monkey Dai", "412201")


def test_simplepress_default_theme_labels_anchor_ids_and_pages():
    thread = _thread("simplepress", "sp6-default-theme.html")
    first, second = thread.posts
    assert (first.post_id, first.author.post_count, first.author.location) == ("20981", 23, "Ludlow")
    assert second.author.rank == "Admin" and second.author.joined == "2012-03-02"  # badge image, "2nd March 2012"
    assert (thread.page, thread.page_count) == (1, 2)


def test_flarum_payload_in_a_hidden_div():
    import html

    text = (FIXTURES / "flarum" / "flarum1-discussion.html").read_text(encoding="utf-8")
    start = text.index('<script id="flarum-json-payload"')
    end = text.index("</script>", start)
    payload = text[text.index(">", start) + 1:end]
    old = text[:start] + '<div id="flarum-json-payload" style="display: none">' + html.escape(payload) + "</div>" \
        + text[end + len("</script>"):]
    thread = forumparse.parse_thread(old)
    assert [p.post_id for p in thread.posts] == ["5120", "5127"]  # ids come only from the payload
    assert thread.posts[1].timestamp == "2021-06-02T20:03:41+00:00"


def test_wordpress_forums_are_found_past_a_long_head():
    for case in ("bbpress/bbp26-topic.html", "simplepress/sp5-topic.html"):
        engine = case.split("/")[0]
        text = (FIXTURES / case).read_text(encoding="utf-8")
        head_end = text.index("</head>")
        head = text[:head_end]
        for word in registry.get(engine, "html").GATE:  # an optimiser's bundle names none of the plugin's paths
            head = head.replace(word, "min")
        padded = head + "<style>" + ".a{color:red}" * 9000 + "</style>" + text[head_end:]
        assert registry.choose(Document.load(padded)).name == engine, engine


def test_discuz_anonymous_poster_keeps_the_shown_name():
    text = (FIXTURES / "discuz" / "x34-viewthread.html").read_text(encoding="utf-8")
    start = text.index('<div class="authi"><a href="space-uid-95.html"')
    anonymous = text[:start] + "匿名" + text[text.index("</div>", start) + len("</div>"):]
    second = forumparse.parse_thread(anonymous).posts[1]
    assert (second.author.name, second.author.user_id) == ("匿名", None)


def test_yabb_thread_bar_gives_views_and_title():
    thread = _thread("yabb", "yabb25-thread-bar.html")
    assert (thread.title, thread.views, thread.page_count) == ("Which varnish for a clinker dinghy?", 2481, 2)
    first, second = thread.posts
    assert (first.author.rank, first.author.joined) == ("YaBB Newbies", "2011-02-14")  # not "Offline"
    assert second.quotes[0].author == "Clinker Kate"  # "Quote from Clinker Kate on 05/07/12 at 15:49:51:"
    assert second.edited == "2012-05-07T18:10:40"  # "« Last Edit: 05/07/12 at 18:10:40 by Old Shipwright »"


def test_xmb_language_pack_dates_and_quotes():
    thread = _thread("xmb", "xmb19-german.html")
    first, second = thread.posts
    assert first.timestamp == "2010-11-21T19:05:00"  # "geschrieben am 21.11.2010 um 19:05"
    assert (first.author.post_count, first.author.joined) == (188, "2008-09-03")  # "Beiträge", "Registriert"
    assert second.quotes[0].author == "Moosgarten" and "geschrieben" not in second.quotes[0].text
    assert "Bearbeitet" not in second.body and second.edited == "2010-11-21"  # the note is part of the message
    assert (thread.page, thread.page_count) == (1, 2)


def test_ipboard_lofi_archive_pages():
    thread = _thread("ipboard", "ipb2-lofi.html")
    assert thread.title == "Heater thermostat recalibration"  # without "Full Version:"
    assert [p.author.name for p in thread.posts] == ["reefer_rob", "Tetra Tom"]
    assert thread.posts[1].quotes[0].author == "reefer_rob" and "QUOTE" not in thread.posts[1].body
    assert (thread.page_count, thread.breadcrumbs) == (2, ("Freshwater Keepers", "Equipment"))


def test_discuz_archiver_messages_between_author_lines():
    thread = _thread("discuz", "x3-archiver.html")
    first, second = thread.posts
    assert (first.author.name, first.timestamp) == ("肉肉控", "2020-12-03T20:15:00")
    assert first.body == "北方室内有暖气，十几度。\n\n冬天是不是要完全断水？叶子已经有点皱了。"
    assert second.quotes[0].author == "肉肉控" and "发表于" not in second.body
    assert (thread.page, thread.page_count) == (None, 2)  # the pager links every page: the current one is unknown


def test_kunena_guest_names_without_a_profile_link():
    first, guest = _thread("kunena", "aurelia-k6-guest.html").posts
    assert (first.author.rank, first.author.post_count) == ("Junior Member", 58)
    assert (guest.author.name, guest.author.user_id) == ("PressGuest", None)
    assert guest.timestamp == "2023-03-14T18:05:00" and guest.quotes[0].author == "vinyl_viv"


def test_khoros_lithium_message_views_without_the_wrapper():
    thread = _thread("khoros", "lithium-2013-display.html")
    first, second = thread.posts
    assert (first.post_id, first.author.joined, first.author.post_count) == ("120431", "2012-11-08", 38)
    assert first.author.signature == "Model X2, build 4.1.2" and "Model X2" not in first.body
    assert (second.timestamp, second.likes) == ("2013-03-03T09:12:00", 7)
