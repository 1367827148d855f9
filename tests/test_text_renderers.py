"""Text dumps of renderers other than lynx and w3m at 100 columns: browser copy and paste,
Common Crawl WET lines, html2text Markdown, lynx link numbers, narrow widths.
(benchmarks/renderers.py measures these on the corpus; these are the rules it led to.)"""
from __future__ import annotations

from forumparse import parse_thread
from forumparse.dates import DateContext
from forumparse.text.normalize import plain
from forumparse.text.tokens import join_wrapped_dates, scan


def kinds(text: str) -> list[tuple[str, str]]:
    return [(t.kind, t.text) for t in scan(text, DateContext()) if t.kind != "blank"]


def test_wet_statistics_line_gives_each_value():
    found = [k for k in kinds("alice\nJoined: Mar 3, 2010 Posts: 1,234 Location: Oslo\n") if k[0] == "stat"]
    assert found == [("stat", "Joined: Mar 3, 2010"), ("stat", "Posts: 1,234"), ("stat", "Location: Oslo")]


def test_reaction_counter_is_no_name():
    assert kinds("x4\n") == [("nav", "x4")]


COPY = """\
Results 11 to 13 of 13
04-09-2005, 06:46 PM #11
JBL
View Profile
Moderator
Join Date
May 2004
Posts
1,135
My wife provided a great tip on getting bags for less than a dollar each.
Reply With Quote
04-11-2005, 01:55 PM #12
Est
View Profile
War. War never changes.
Join Date
Apr 2004
Posts
3,920
Crikey and blimey! This is the first time I have heard of this one.
Reply With Quote
04-12-2005, 02:55 PM #13
JBL
View Profile
Moderator
Join Date
May 2004
Posts
1,136
Yes, that is a great article by Brooks, thanks for the link.
Reply With Quote
"""


def test_user_title_between_name_and_statistics_whatever_its_words():
    thread = parse_thread(COPY)
    assert [(p.author.name, p.author.rank, p.author.post_count) for p in thread.posts] == [
        ("JBL", "Moderator", 1135), ("Est", "War. War never changes.", 3920), ("JBL", "Moderator", 1136)]
    assert thread.posts[1].body.startswith("Crikey and blimey!")


PHPBB_MARKDOWN = """\
**alice**

Joined: 03 Apr 2003
Posts: 18
Post Posted: Tue May 06, 2003 1:23 am
[Reply with quote](posting.php?p=1) [Back to top](#top)

* * *

Which song is between the two on the tracklist? Any thoughts?
[View users profile](profile.php?u=1) Send private message

**bob**

Joined: 23 Aug 2002
Posts: 131
Post Posted: Tue May 06, 2003 8:50 pm
[Reply with quote](posting.php?p=2) [Back to top](#top)

* * *

Look down a few threads, it has been answered there already.
View users profile Send private message
"""


def test_statistics_right_above_the_date_line_make_a_header_layout():
    """Buttons after the date line do not make it a closing line when the profile is right above it."""
    thread = parse_thread(PHPBB_MARKDOWN)
    assert [(p.author.name, p.author.post_count, p.body[:10]) for p in thread.posts] == [
        ("alice", 18, "Which song"), ("bob", 131, "Look down ")]


def test_phpbb_icon_text_before_by_names_the_author():
    text = ("Biological Will\n\nPostby Jakob » Sun May 26, 2019 4:34 pm\n\nGood lecture, I know the clown.\n\n"
            "Top\n\nPostby promethean75 » Sun May 26, 2019 4:43 pm\n\nA link to the talk is below.\n\nTop\n")
    assert [p.author.name for p in parse_thread(text).posts] == ["Jakob", "promethean75"]


def test_title_wrapped_by_a_narrow_renderer_is_read_whole():
    text = ("Forum index\n\n"
            "   How to build an Android APK file without using Android\n"
            "   Studio in a Capacitor project?\n\n"
            "   alice Nov 18, 2019 06:49 AM\n\n   I came across this and it looks promising for building.\n\n"
            "   bob Nov 19, 2019 07:49 AM\n\n   Give this a try: run the build from the command line.\n")
    assert parse_thread(text).title == ("How to build an Android APK file without using Android Studio in a "
                                        "Capacitor project?")


def test_markdown_quotes_become_indented_and_empty_emphasis_goes():
    text = "[a](/x) [b](/x) [c](/x) [d](/x) [e](/x)\n> quoted words\n> > deeper\n\\> not a quote\n* __Like\n"
    assert plain(text).split("\n")[1:] == ["    quoted words", "        deeper", "> not a quote", "* Like", ""]


def test_markdown_bold_stays_within_a_paragraph():
    text = "[a](/x) [b](/x) [c](/x) [d](/x) [e](/x)\n* __\n\nsome text\n\n**Moderator**\n"
    assert plain(text).split("\n")[-2] == "Moderator"


VB4_MENU = """\
Results 661 to 663 of 663
Predator
Profil
Beiträge anzeigen
Private Nachricht
Gehöre zum Inventar
03.03.2011, 14:17
#661
Das war noch nicht das Update, sondern nur ein Vorbereitungsupdate.
0
Voll Gaga
Profil
Beiträge anzeigen
Private Nachricht
Fühle mich heimisch
03.03.2011, 14:45
#662
Hallo, eventuell hilft das weiter, siehe den Link weiter unten.
0
Predator
Profil
Beiträge anzeigen
Private Nachricht
Gehöre zum Inventar
03.03.2011, 15:00
#663
So verstehe ich das auch, danke für den Hinweis.
0
"""


def test_member_menu_between_name_and_user_title_stays_in_the_header():
    thread = parse_thread(VB4_MENU)
    assert [(p.author.name, p.author.rank) for p in thread.posts] == [
        ("Predator", "Gehöre zum Inventar"), ("Voll Gaga", "Fühle mich heimisch"), ("Predator", "Gehöre zum Inventar")]


COPY_QUOTES = """\
Results 1 to 3 of 3
06-15-2016, 07:50 PM #1
Mjolnir
Administrator
Posts
2,964
Moved this over to the Air Force section, organization be damned.
Reply With Quote
06-15-2016, 08:15 PM #2
sandsjames
Banned
Posts
6,984
Originally Posted by Mjolnir
Moved this over to the Air Force section, organization be damned.
And he would be annoyed that the thread says Bob instead of Robert.
Reply With Quote
06-15-2016, 08:18 PM #3
Mjolnir
Administrator
Posts
2,964
Originally Posted by sandsjames
And he would be annoyed that the thread says Bob instead of Robert.
Definitely ...
Reply With Quote
"""


def test_unindented_quote_ends_where_it_stops_repeating_earlier_posts():
    posts = parse_thread(COPY_QUOTES).posts
    assert [(p.body, [q.text for q in p.quotes]) for p in posts[1:]] == [
        ("And he would be annoyed that the thread says Bob instead of Robert.",
         ["Moved this over to the Air Force section, organization be damned."]),
        ("Definitely ...", ["And he would be annoyed that the thread says Bob instead of Robert."])]


REDDIT_INDENTED = """\
r/Python
    Posted by u/alice 6 years ago
    Package layout question
    Which of the three layouts do you use for a package?
    50 comments
    96% Upvoted
    Sort by
    best
                                        level 1
                                          39 points · 6 years ago
                                            I tend toward option 3 for my own work.
                                         level 2
                                           10 points · 6 years ago
                                             Flat is better than nested, really.
"""


def test_reddit_comment_age_lines_deep_in_layout_indentation():
    """inscriptis keeps every nesting level's indentation: age lines start far right."""
    posts = parse_thread(REDDIT_INDENTED).posts
    assert [p.body for p in posts[1:]] == ["I tend toward option 3 for my own work.",
                                           "Flat is better than nested, really."]


def test_thread_starter_line_under_the_title_is_no_title():
    text = ("Forums\n\nPatchnotes 4.47.4 - Bugfix Build\n\nThread starter Tiberius\nStart date Sep 18, 2020\n\n"
            "Tiberius\nForum Moderator\nSep 18, 2020\n#1\nPatch notes for this week are here.\n\n"
            "Nixe\nWarrior\nSep 20, 2020\n#2\nThanks for the patch, works fine for me now.\n")
    assert parse_thread(text).title == "Patchnotes 4.47.4 - Bugfix Build"


def test_markdown_emphasis_nested_bold_and_wrapped_alt_text():
    links = "[a](/x) [b](/x) [c](/x) [d](/x) [e](/x)\n"
    text = links + ("### [Doctor](members/d.1/) _Secretly a Cat_\n**[**Buckeye**](https://x.org/member/1)**\n"
                    "![alice is\noffline](https://x.org/a.gif)\n* item one\nsnake_case_name and 2*3*4\n")
    assert plain(text).split("\n")[1:] == ["Doctor Secretly a Cat", "Buckeye", "alice is offline", "* item one",
                                           "snake_case_name and 2*3*4", ""]


def test_date_line_wrapped_before_its_year_is_one_line():
    assert join_wrapped_dates(["SwapnilP133 November 18,", "2019, 6:49am  #1", "text"]) == [
        "SwapnilP133 November 18, 2019, 6:49am  #1", "", "text"]
    assert join_wrapped_dates(["I was born in 1990", "2019 was good"]) == ["I was born in 1990", "2019 was good"]


def test_markdown_table_rules_and_empty_edge_cells_go():
    md = ("[a](http://x.org/a) [b](http://x.org/b) [c](http://x.org/c) [d](http://x.org/d) "
          "[e](http://x.org/e)\n|  [ ![](http://x.org/i.gif) ](vote?id=1) |  [ Ask HN - Jobs? ](item?id=1)  \n"
          "---|---  \n|  12 points by [ bob ](user?id=bob) | [ comments ](item?id=1)  \nnew | ask\n")
    lines = plain(md).split("\n")
    assert lines[1:4] == ["Ask HN - Jobs?", "12 points by bob | comments", "new | ask"]


def test_wet_name_with_its_profile_menu_on_one_line_splits():
    from forumparse.text.tokens import split_compound
    lines = ["Rainmaker View Profile View Forum Posts Private Message", "Reply With Quote Reply With Quote",
             "I like to view profile pages"]
    assert split_compound(lines) == ["Rainmaker", "View Profile View Forum Posts Private Message"] + lines[1:]


def test_tab_parts_table_cells_and_trailing_buttons_split_off():
    from forumparse.text.tokens import split_compound, split_lines
    assert split_lines("Any thoughts? Back to top\tKoi\n\tcode\tx\n") == ["Any thoughts? Back to top", "Koi",
                                                                          "    code    x", ""]
    assert split_compound(["Any more thoughts? Back to top", "Please share. Share this", "u post.... Reply"]) == \
        ["Any more thoughts?", "Back to top", "Please share. Share this", "u post.... Reply"]


def test_lone_comment_button_is_no_name():
    assert kinds("Comment\n") == [("button", "Comment")]


def test_post_number_of_total_is_a_post_number():
    assert kinds("post #1 of 23\n") == [("postnum", "post #1 of 23")]


def test_statistics_glued_without_spaces_split_per_label():
    from forumparse.text.tokens import split_compound
    assert split_compound(["Jakob ILP Legend   Posts: 6962Joined: Sun Sep 03, 2006 9:23 pmLocation: Oslo"]) == \
        ["Jakob ILP Legend", "Posts: 6962", "Joined: Sun Sep 03, 2006 9:23 pm", "Location: Oslo"]
