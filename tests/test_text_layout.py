"""Layout heuristics for text dumps: anchors, headers, footers, learned user titles."""
from __future__ import annotations

import forumparse
from forumparse.dates import DateContext
from forumparse.text.layout import choose_anchors, footer_layout, name_like, segment
from forumparse.text.tokens import scan


def parts_of(text: str):
    tokens = scan(text, DateContext())
    anchors = choose_anchors(tokens)
    return tokens, anchors, segment(tokens, anchors)


def test_name_like():
    assert name_like("Rosa_B") and name_like("Senior Member") and name_like("Cpt. Hill Cpt. Hill")
    assert not name_like("This is a whole sentence of post text.")
    assert not name_like("Comments") and not name_like("x")


HEADER_FIRST = """\
alice
Member
Posts: 10
12.03.2021, 10:15
First post text that is long enough to be text rather than a name.

Reply

bob
Senior Member
Posts: 200
12.03.2021, 11:00
Second post text, also long enough to be plain text and not a name.
ok

Reply

carol
Member
Posts: 3
12.03.2021, 12:30
Third post text, once more long enough to be read as text by the tokenizer.
"""


def test_header_layout_authors_ranks_and_counts():
    tokens, anchors, parts = parts_of(HEADER_FIRST)
    assert not footer_layout(tokens, anchors)
    assert [(p.author, p.rank, p.stats.get("posts")) for p in parts] == [
        ("alice", "Member", "10"), ("bob", "Senior Member", "200"), ("carol", "Member", "3")]
    assert parts[1].body.endswith("ok")  # a short last line stays with its post


FOOTER_LAST = """\
alice
   First post text that is long enough to be text rather than a name.
   alice, Mar 3, 2021 Report
   + Quote Reply
bob
   Second post text, also long enough to be plain text and not a name.
   bob, Mar 4, 2021 Report
   + Quote Reply
carol
   Third post text, once more long enough to be read as text by the tokenizer.
   carol, Mar 5, 2021 Report
   + Quote Reply
"""


def test_footer_layout_reads_posts_closed_by_their_date():
    tokens, anchors, parts = parts_of(FOOTER_LAST)
    assert footer_layout(tokens, anchors)
    assert [p.author for p in parts] == ["alice", "bob", "carol"]
    assert parts[2].body.startswith("Third post text")


def test_user_title_of_any_shape_is_learned_from_repetition():
    block = "Nerom\nI gave up on this forum... be like me.\nPosts: 301\n{d}\n{text}\n\nLike\n\n"
    text = "".join(block.format(d=f"2{n} May 2014", text=f"Post number {n} says something rather long here.")
                   for n in range(3))
    _, _, parts = parts_of(text)
    assert [p.rank for p in parts] == ["I gave up on this forum... be like me."] * 3


def test_status_line_names_the_author():
    block = "{name} Offline\nMember\nPosts: 4\n0{n}-14-2013, 04:32 PM #2{n}\n{text}\n\nEmail PM Find\n\n"
    text = "".join(block.format(name=name, n=n, text=f"Reply {n} has enough words to count as the post text.")
                   for n, name in enumerate(["Diego", "Combo", "Diego"], 1))
    _, _, parts = parts_of(text)
    assert [(p.author, p.rank) for p in parts] == [("Diego", "Member"), ("Combo", "Member"), ("Diego", "Member")]


def test_warning_when_dates_are_relative_without_capture_time():
    text = ("alice 2 hours ago | link\nA first comment with enough words to be text here.\n\n"
            "bob 1 hour ago | link\nA second comment with enough words to be text here.\n")
    thread = forumparse.parse_thread(text, adapter="generic-text")
    assert [p.author.name for p in thread.posts] == ["alice", "bob"]
    assert any("relative" in w for w in thread.warnings)


WRAPPED_SUBJECT = """\
alice
Posts: 10
Posted: Wed Oct 24, 2007 4:49 pm    Post subject: Record  Reply with quote
Producer - The Way
________________________________________________________________
Record Producer - The Way
Heard this song today on the radio and it sounds pretty cool.

Back to top

bob
Posts: 3
Posted: Thu Oct 25, 2007 9:10 am    Post subject:  Reply with quote
________________________________________________________________
It is on their page too, with lots of samples in it.

Back to top
"""


def test_a_subject_wrapped_under_its_post_line_stays_in_the_header():
    """w3m wraps a long post line: the subject's end stands alone above the rule; the text
    under the rule is the post (the rule no longer ends it)."""
    _, _, parts = parts_of(WRAPPED_SUBJECT)
    assert parts[0].body.startswith("Record Producer - The Way\nHeard this song")


SIDEBAR_DATES = """\
Latest topics
by ann
by bob
by cy
24/03/16, 02:31 pm
02/03/16, 11:30 am
02/03/16, 11:11 am

ann

admina

Post #1
by ann on 26/10/13, 03:48 pm
The rules of this forum, in a few words: be kind to each other.

ann

admina

Post #2
by ann on 26/05/14, 07:41 am
A first addition to the rules: new members get their own corner after three posts.
"""


def test_a_list_of_dates_in_a_sidebar_is_no_post_layout():
    """Three dates one under another (latest topics) outnumber two posts, but a list is no post."""
    tokens, anchors, parts = parts_of(SIDEBAR_DATES)
    assert [tokens[a].data["raw"] for a in anchors] == ["26/10/13, 03:48 pm", "26/05/14, 07:41 am"]
    assert [(p.author, p.rank) for p in parts] == [("ann", "admina"), ("ann", "admina")]


HR_UNDER_SUBJECT = """\
post #1 of 2
Old 04-25-2015, 09:47 PM

tate16t

Junior Member

Join Date: Jan 2005

Posts: 26

2005 Tribute

* * *

My wife's car hesitates when accelerating at around 20mph. Any ideas what it could be?

post #2 of 2
Old 04-26-2015, 08:41 PM

oppo

Member

Join Date: Mar 2010

Posts: 226

Clean the throttle body first, then replace the idle air control valve if it persists.
"""


def test_html2text_rule_under_the_subject_does_not_end_the_post():
    """html2text draws the rule under a post's subject as "* * *": the text follows it."""
    _, _, parts = parts_of(HR_UNDER_SUBJECT)
    assert parts[0].body.startswith("My wife's car hesitates")


def test_byline_beside_name_cell_is_a_date_line():
    # inscriptis puts the name cell and "Posted: DATE" on one line: a post's byline, no quote box
    tokens = scan("      Riko                 Posted: Tue Jan 15, 2008 7:25 am\n", DateContext())
    assert tokens[0].kind == "date" and tokens[0].data["raw"].startswith("Tue Jan 15, 2008")
    tokens = scan("Riko posted:\n", DateContext())
    assert tokens[0].kind == "quote_header"


def test_glued_names_go_back_on_their_own_line():
    from forumparse.text.glued import split_glued_names

    lines = ["Author", "Message alice", "Joined: 20 Oct 2008", "Posts: 72", "Posted: Wed Jun 02, 2010",
             "the first post ends with a link http://example.com/x bob the builder", "Joined: 26 Oct 2007",
             "Posts: 448", "Posted: Thu Jun 03, 2010", "a reply that ends here bob the builder", "Joined: 26 Oct 2007",
             "Posts: 448", "Posted: Fri Jun 04, 2010", "bob the builder", "Joined: 26 Oct 2007", "Posts: 448",
             "bob the builder", "Joined: 26 Oct 2007"]
    out = split_glued_names(lines)
    assert out[1:3] == ["Message", "alice"]
    assert out[6:8] == ["the first post ends with a link http://example.com/x", "bob the builder"]
    # a name seen only glued, never on its own line: which words are the name is not shown
    assert split_glued_names(["some text that ends with carol", "Joined: 1 May 2001"])[0].endswith("carol")


def test_equal_groups_prefer_the_labelled_date_lines():
    # as many sidebar lines (a topic title beside its date) as posts: the byline label decides
    text = ("Kurznotiz    von lupa  02/03/16, 11:30 am\n\nSidebar text here\n\n"
            "News-Ticker    von lupa  15/01/16, 01:02 pm\n\n"
            "von lupa am 26/10/13, 03:48 pm\n\nThe first post has text long enough to be a post.\n\n"
            "von lupa am 26/05/14, 07:41 am\n\nThe second post has text long enough to be a post.\n\n"
            "von lupa am 30/05/14, 11:17 pm\n\nThe third post has text long enough to be a post.\n\n"
            "Aktuelles Datum und Uhrzeit: 11/02/20, 07:22 pm\n")
    tokens = scan(text, DateContext())
    assert [tokens[a].text[12:20] for a in choose_anchors(tokens)] == ["26/10/13", "26/05/14", "30/05/14"]
