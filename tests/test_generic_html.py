"""Generic HTML heuristics and schema.org data: units that the golden pages do not pin down."""
from __future__ import annotations

import pytest

import forumparse
from forumparse.adapters.schemaorg import SchemaOrg
from forumparse.context import ParseContext
from forumparse.document import Document
from forumparse.errors import NotAThreadError
from forumparse.html.dates_found import find_dates
from forumparse.html.post_text import split_signature
from forumparse.html.structured import jsonld_items, microdata_items
from forumparse.html.title import thread_title
from forumparse.html.tree import parse_html


def _doc(html: str) -> Document:
    return Document.load(html.encode("utf-8"))


def _post_div(n: int, name: str, when: str, text: str) -> str:
    return (f'<div class="item" id="p{n}"><div class="side"><a href="/user/{name}">{name}</a></div>'
            f'<div class="main"><span class="when">{when}</span><div class="words">{text}</div></div></div>')


def test_no_post_structure_is_not_a_thread():
    page = "<html><head><title>About us</title></head><body><h1>About us</h1><p>We sell bikes.</p></body></html>"
    with pytest.raises(NotAThreadError):
        forumparse.parse_thread(page, adapter="generic-html")


@pytest.mark.parametrize("page", [
    "<html><body></body></html>",
    "<html><body>" + "<div>" * 300 + "deep" + "</div>" * 300 + "</body></html>",
    "<html><body><p>2020-01-01</p><p>2020-01-02</p><!-- c --><p>x</p></body></html>",
    "<html><body><table><tr><td>Joined: Jan 5, 2010</td></tr>"
    "<tr><td>Joined: Jan 6, 2010</td></tr></table></body></html>",
])
def test_odd_pages_give_our_error_or_posts_never_a_crash(page):
    try:
        thread = forumparse.parse_thread(page, adapter="generic-html")
    except NotAThreadError:
        return
    assert thread.posts


def test_repeated_records_with_dates_authors_and_text():
    posts = "".join(_post_div(i, name, f"Mar {i + 1}, 2020 10:0{i} AM", f"Post number {i} says something useful.")
                    for i, name in enumerate(["ann", "bob", "ann"]))
    thread = forumparse.parse_thread(f"<html><body><h1>Bikes</h1>{posts}</body></html>", adapter="generic-html")
    assert [p.author.name for p in thread.posts] == ["ann", "bob", "ann"]
    assert thread.posts[1].timestamp == "2020-03-02T10:01:00"
    assert thread.posts[2].body == "Post number 2 says something useful."


def test_a_single_post_page_is_read_with_a_warning():
    page = ('<html><body><h1>Release notes</h1><p><a href="/members/kim">kim</a> <i>2019-04-17 08:30</i></p>'
            "<pre>Version 2 is out. It fixes the crash on start.</pre></body></html>")
    thread = forumparse.parse_thread(page, adapter="generic-html")
    assert len(thread.posts) == 1
    assert "Version 2 is out" in thread.posts[0].body
    assert any("one post" in w for w in thread.warnings)


def test_join_dates_are_labelled_and_not_post_dates():
    root = parse_html('<div><span>Joined: 05.11.2011</span><dd class="registered">Apr 28, 2012</dd>'
                      "<span>Posted 12.10.2019, 14:03</span></div>")
    hits = find_dates(root, ParseContext(_doc("<p>x</p>")))
    assert [(h.iso[:10], h.label) for h in hits] == [
        ("2011-11-05", "joined"), ("2012-04-28", "joined"), ("2019-10-12", None)]


def test_time_in_a_child_element_completes_the_date():
    root = parse_html('<div><span class="date">04-09-2005, <span class="time">06:46 PM</span></span></div>')
    hits = find_dates(root, ParseContext(_doc("<p>x</p>")))
    assert hits[0].iso == "2005-04-09T18:46:00"


def test_signature_rule_splits_the_body():
    assert split_signature("Hello there\n_________________\nmy sig") == ("Hello there", "my sig")
    assert split_signature("no rule here") == ("no rule here", None)


def test_title_is_the_part_of_title_that_the_page_shows():
    root = parse_html("<html><head><title>Board :: View topic - Oil change</title></head>"
                      "<body><h1>Board</h1><a class=maintitle>Oil change</a></body></html>")
    assert thread_title(root) == "Oil change"


def test_jsonld_graph_nested_comments_and_broken_scripts():
    root = parse_html(
        '<html><head><script type="application/ld+json">{not json</script>'
        '<script type="application/ld+json">{"@graph": [{"@type": "QAPage", "mainEntity": '
        '{"@type": "Question", "name": "Q?", "text": "Why?", "author": {"name": "a"}, '
        '"acceptedAnswer": {"@type": "Answer", "text": "Because.", "author": "b", '
        '"dateCreated": "2020-01-01T00:00:00Z"}}}]}</script></head><body></body></html>')
    items = jsonld_items(root)
    assert [(i.author, i.text) for i in items] == [("a", "Why?"), ("b", "Because.")]
    assert items[0].title == "Q?"


def test_microdata_items_need_text():
    root = parse_html(
        '<div itemscope itemtype="http://schema.org/Person"><span itemprop="name">x</span></div>'
        '<div itemscope itemtype="http://schema.org/Comment"><span itemprop="author">y</span>'
        '<meta itemprop="dateCreated" content="2020-02-02"><p itemprop="text">Hi</p></div>')
    items = microdata_items(root)
    assert [(i.author, i.date) for i in items] == [("y", "2020-02-02")]


def test_schemaorg_scores_pages_by_how_many_posts_the_data_lists():
    two = ('<script type="application/ld+json">[{"@type": "Comment", "text": "a"}, '
           '{"@type": "Comment", "text": "b"}]</script>')
    one = '<script type="application/ld+json">{"@type": "DiscussionForumPosting", "text": "a"}</script>'
    adapter = SchemaOrg()
    assert adapter.detect(_doc(f"<html><head>{two}</head><body></body></html>")) == 0.6
    assert 0 < adapter.detect(_doc(f"<html><head>{one}</head><body></body></html>")) < 0.5
    assert adapter.detect(_doc("<html><body><p>nothing</p></body></html>")) == 0.0


def test_thread_counts_outside_the_posts_only():
    posts = "".join(_post_div(i, name, f"Mar {i + 1}, 2020 10:0{i} AM", f"Post {i} says: <i>99 replies</i> here.")
                    for i, name in enumerate(["ann", "bob"]))
    page = (f'<html><body><h1>Bikes</h1><span title="Viewed 1,234 times">Viewed 1k times</span>'
            f"{posts}<div><b>1</b> reply</div></body></html>")
    thread = forumparse.parse_thread(page, adapter="generic-html")
    assert (thread.views, thread.reply_count) == (1234, 1)


def test_plain_text_quotes_leave_the_body():
    from forumparse.html.post_text import split_plain_quotes

    text, quotes = split_plain_quotes("I agree.\n\nOn Sun, 1 Aug 1999, Mike wrote:\n\n> use 1.0\n> really\n\n--me")
    assert text == "I agree.\n\n--me"
    assert quotes[0].text == "use 1.0\nreally"
    assert split_plain_quotes("> only a quote") == ("> only a quote", ())


def _cell_post(name: str, stats: str, when: str, text: str) -> str:
    return (f'<table class="post"><tr><td class="author-content"><b><a href="/users/{name}">{name}</a></b><br>'
            f'{stats}</td><td class="post-content"><div class="when">{when}</div>'
            f'<div>{text}</div></td></tr></table>')


def test_author_cell_of_stat_lines_is_header_never_body():
    posts = (_cell_post("ann", "Member<br>Registered: 06/12/08<br>Posts: 312<br>Loc: Tulsa, OK",
                        "Posted 04/17/2019 10:22 AM", "The rope seal drips every night, right at the seam.")
             + _cell_post("bob", "Moderator<br>Group: Admin<br>Posts: 9,118<br>Karma: 4",
                          "Posted 04/17/2019 01:05 PM", "Use the two-piece neoprene seal and roll it in."))
    thread = forumparse.parse_thread(f"<html><body>{posts}</body></html>", adapter="generic-html")
    got = [(p.author.name, p.author.rank, p.author.post_count, p.body) for p in thread.posts]
    assert got == [("ann", "Member", 312, "The rope seal drips every night, right at the seam."),
                   ("bob", "Moderator", 9118, "Use the two-piece neoprene seal and roll it in.")]
    assert thread.posts[0].author.joined == "2008-06-12"


def test_hidden_hover_card_dates_are_not_post_times():
    card = ('<div class="card" style="display: none"><a href="/u/{n}">{n}</a> Last visit 2019-4-18 08:00</div>')
    posts = "".join(
        f'<div class="post"><a href="/u/{n}">{n}</a>{card.format(n=n)}<em>Posted {when}</em>'
        f'<div class="message">{text}</div></div>'
        for n, when, text in (("ann", "2010-3-6 14:22", "Which camera should a beginner buy?"),
                              ("bob", "2010-3-6 15:03", "Hold both in a shop and buy the one that fits.")))
    thread = forumparse.parse_thread(f"<html><body>{posts}</body></html>", adapter="generic-html")
    assert [p.timestamp for p in thread.posts] == ["2010-03-06T14:22:00", "2010-03-06T15:03:00"]


def test_edit_notes_subject_lines_and_buttons_leave_the_body():
    from forumparse.html.post_text import strip_buttons, strip_edit_lines, strip_subject_line

    assert strip_edit_lines("本帖最后由 ann 于 2019-4-17 21:30 编辑\n\nText") == (
        "Text", "本帖最后由 ann 于 2019-4-17 21:30 编辑")
    assert strip_edit_lines("Text\nEdited 1 time(s). Last edit at 03/04/2009 by x.")[0] == "Text"
    assert strip_subject_line("RE: Best iron?\n\nA 60 W station.", "Best iron?") == "A 60 W station."
    assert strip_subject_line("Best iron? No idea.", "Best iron?") == "Best iron? No idea."
    assert strip_buttons("Code: Select all\ngap = 0.5\nReply Quote") == "gap = 0.5"


def test_posts_from_an_embedded_json_api_payload():
    payload = ('{"data": {"type": "discussions", "id": "7", "attributes": {"title": "Dark theme"}}, "included": ['
               '{"type": "posts", "id": "1", "attributes": {"number": 1, "createdAt": "2016-11-20T08:15:00+00:00",'
               ' "contentHtml": "<p>Too dark.</p>"},'
               ' "relationships": {"user": {"data": {"type": "users", "id": "3"}}}},'
               '{"type": "posts", "id": "2", "attributes": {"number": 2, "createdAt": "2016-11-20T09:02:00+00:00",'
               ' "contentHtml": "<p>Agreed.</p>"}, "relationships": {"user": {"data": {"type": "users", "id": "4"}}}},'
               '{"type": "users", "id": "3", "attributes": {"displayName": "marta"}},'
               '{"type": "users", "id": "4", "attributes": {"username": "jonas"}, "relationships": {"groups":'
               ' {"data": [{"type": "groups", "id": "1"}]}}},'
               '{"type": "groups", "id": "1", "attributes": {"nameSingular": "Admin"}}]}')
    page = f'<html><body><div id="app"></div><script>app.load({payload});</script></body></html>'
    thread = forumparse.parse_thread(page, adapter="generic-html")
    assert thread.title == "Dark theme"
    assert [(p.author.name, p.author.rank, p.body) for p in thread.posts] == [
        ("marta", None, "Too dark."), ("jonas", "Admin", "Agreed.")]
    assert thread.posts[1].timestamp.startswith("2016-11-20T09:02")


def test_reply_count_stated_in_a_sentence():
    posts = "".join(_post_div(i, n, f"Mar {i + 1}, 2020 10:0{i} AM", "Some words of the post here.")
                    for i, n in enumerate(["ann", "bob"]))
    page = f'<html><body><p>This topic has 4 replies, 3 voices, and was last updated by bob.</p>{posts}</body></html>'
    assert forumparse.parse_thread(page, adapter="generic-html").reply_count == 4


def test_posts_from_a_json_post_list_kept_in_a_data_attribute():
    import html as html_lib
    import json

    topic = {"title": "Reading the app data", "views": 321, "post_stream": {"posts": [
        {"id": 1, "username": "lee", "user_title": "Team", "created_at": "2022-01-02T03:04:05.000Z",
         "cooked": "<p>Is the preloaded data enough?</p>"},
        {"id": 2, "username": "kim", "created_at": "2022-01-02T05:00:00.000Z", "cooked": "<p>Yes, it is.</p>"}]}}
    data = html_lib.escape(json.dumps({"topic_9": json.dumps(topic)}))
    page = f'<html><body><div id="data-preloaded" data-preloaded="{data}"></div></body></html>'
    thread = forumparse.parse_thread(page, adapter="generic-html")
    assert (thread.title, thread.views) == ("Reading the app data", 321)
    assert [(p.author.name, p.author.rank, p.body) for p in thread.posts] == [
        ("lee", "Team", "Is the preloaded data enough?"), ("kim", None, "Yes, it is.")]


def test_byline_name_is_cut_from_its_date():
    from lxml import html as lh

    from forumparse.html.record_fields import name_text

    el = lh.fromstring('<p class="author">von <strong>lupa</strong> am 26/10/13, 03:48 pm</p>')
    assert name_text(el) == "lupa"
    assert name_text(lh.fromstring("<span>asked Jul 8, 2019 at 9:10</span>")) is None


def test_rank_label_and_quote_header_come_off():
    from forumparse.html.author_stats import clean_rank
    from forumparse.html.post_text import headed_quotes, strip_edit_lines
    from forumparse.records import Quote

    assert clean_rank("Rank: Advanced Member") == "Advanced Member"
    assert clean_rank("Senior Member") == "Senior Member"
    (q,) = headed_quotes((Quote(text="Originally posted by DiscoStu:\nShould I restuff?"),))
    assert (q.author, q.text) == ("DiscoStu", "Should I restuff?")
    text, note = strip_edit_lines("Hum is gone.\n\n[This message has been edited by DiscoStu (edited 03-15-2001).]")
    assert text == "Hum is gone." and note.startswith("[This message")


def test_hidden_only_when_hidden_at_every_width():
    from lxml import html as lh

    from forumparse.html.dates_found import is_hidden

    assert is_hidden(lh.fromstring('<div class="d-none">x</div>'))
    assert not is_hidden(lh.fromstring('<div class="col-md-2 d-none d-sm-block">x</div>'))


def test_deleted_placeholder_and_phone_app_line():
    from forumparse.html.post_text import deleted_placeholder, split_signature

    assert deleted_placeholder("[deleted]") and deleted_placeholder("Comment deleted by user")
    assert not deleted_placeholder("I deleted the old config and it works now.")
    text, sig = split_signature("Two wraps of tape.\n\nSent from my Pixel using Tapatalk")
    assert (text, sig) == ("Two wraps of tape.", "Sent from my Pixel using Tapatalk")


def test_thread_counts_read_exact_titles_and_label_cells():
    from forumparse.html.records_found import PageIndex
    from forumparse.html.threadstats import thread_counts
    from forumparse.html.tree import parse_html

    root = parse_html('<html><body><div class="stats"><span title="1532">1.5k</span><br><small>Views</small></div>'
                      '<table><tr><td><p>replies</p></td><td><p>7</p></td></tr></table></body></html>')
    assert thread_counts(PageIndex(root), lambda el: False) == (1532, 7)


def test_mail_sender_names():
    from forumparse.html.mail_header import sender_name

    assert sender_name('"Greta M. Holm" <greta@example.net>') == "Greta M. Holm"
    assert sender_name("walter at example.org (Walter Quince)") == "Walter Quince"
    assert sender_name("greta@example.net") is None
