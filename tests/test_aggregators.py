"""Link aggregators with threaded comments: Lobsters, Slashdot, Lemmy, Tildes.

The fixtures in tests/fixtures/<adapter>/ hold whole pages with goldens; these cases test what a
golden cannot (a deleted comment keeps its place with an empty body) and the markup variants.
"""
import re
from pathlib import Path

import pytest

import forumparse
from forumparse import registry
from forumparse.document import Document

FIXTURES = Path(__file__).parent / "fixtures"


def _rows(thread):
    return [(p.post_id, p.author.name if p.author else None, p.reply_to) for p in thread.posts]


# -- Lobsters ----------------------------------------------------------------------------------
def _lobsters_comment(cid: str, user: str, text: str, replies: str = "", cls: str = "comment") -> str:
    return (f'<li class="comments_subtree"><div id="c_{cid}" data-shortid="{cid}" class="{cls}">'
            f'<div class="voters"><a class="upvoter"></a><div class="score">1</div></div><div class="details">'
            f'<div class="byline"><a name="c_{cid}"></a>'
            + (f'<a href="/~{user}"><img class="avatar" src="/avatars/{user}-16.png"></a> <a href="/~{user}">{user}</a>'
               if user else "")
            + f' <span title="2023-11-05 08:00:00 -0600">3 hours ago</span></div>'
            f'<div class="comment_text">{text}</div></div></div><ol class="comments">{replies}</ol></li>')


LOBSTERS = ('<html><head><title>Tiny linkers | Lobsters</title>'
            '<link rel="canonical" href="https://lobste.rs/s/aa11bb/tiny_linkers"></head><body><div id="inside">'
            '<ol class="stories"><li id="story_aa11bb" data-shortid="aa11bb" class="story"><div class="story_liner">'
            '<div class="details"><span class="link"><a class="u-url" href="https://example.org/ld">Tiny linkers</a>'
            '</span><div class="byline"><a href="/~op"><img class="avatar" src="/avatars/op-16.png"></a>'
            '<span> via </span><a class="u-author h-card" href="/~op">op</a> '
            '<span title="2023-11-05 07:00:00 -0600">4 hours ago</span> | '
            '<span class="comments_label"><a href="/s/aa11bb/tiny_linkers">3 comments</a></span></div></div></div></li>'
            '</ol><ol class="comments comments1">'
            + _lobsters_comment("c1", "", "<p>[Comment removed by author]</p>",
                                _lobsters_comment("c2", "ann", "<p>Answering the removed one, still here.</p>"))
            + _lobsters_comment("c3", "bob", "<blockquote><p>Tiny linkers</p></blockquote><p>Mold is not tiny "
                                "but it is fast.</p>")
            + '</ol></div></body></html>')


def test_lobsters_story_and_nested_comments():
    thread = forumparse.parse_thread(LOBSTERS.encode())
    assert thread.engine == "lobsters"
    assert thread.title == "Tiny linkers"
    assert thread.reply_count == 3
    assert _rows(thread) == [("aa11bb", "op", None), ("c1", None, "aa11bb"), ("c2", "ann", "c1"),
                             ("c3", "bob", "aa11bb")]
    assert thread.posts[0].timestamp == "2023-11-05T07:00:00-06:00"
    assert thread.posts[0].body == ""  # a link story has no text of its own
    assert [p.likes for p in thread.posts[1:]] == [1, 1, 1]


def test_lobsters_negative_score_is_no_like_count():
    page = LOBSTERS.replace('<div class="score">1</div>', '<div class="score">-4</div>', 1)
    assert forumparse.parse_thread(page.encode()).posts[1].likes is None


def test_lobsters_removed_comment_keeps_its_place_without_words():
    thread = forumparse.parse_thread(LOBSTERS.encode())
    removed = thread.posts[1]
    assert removed.body == "" and removed.quotes == ()
    assert thread.posts[2].body == "Answering the removed one, still here."


def test_lobsters_blockquote_is_a_quote():
    post = forumparse.parse_thread(LOBSTERS.encode()).posts[3]
    assert post.body == "Mold is not tiny but it is fast."
    assert [q.text for q in post.quotes] == ["Tiny linkers"]


def test_lobsters_edit_time_is_not_the_post_time():
    thread = forumparse.parse_thread(FIXTURES / "lobsters" / "lobsters-link-story-2024.html")
    reply = thread.posts[2]
    assert reply.timestamp == "2024-02-13T10:20:13-06:00"
    assert reply.edited == "2024-02-13T10:31:40-06:00"


def test_lobsters_reply_form_is_no_comment():
    thread = forumparse.parse_thread(FIXTURES / "lobsters" / "lobsters-ask-2016.html")
    assert [p.post_id for p in thread.posts] == ["qr7st2", "uv9wx0", "yz1ab2"]
    assert thread.url == "https://lobste.rs/s/qr7st2/ask_what_do_you_use_for_plain_text_notes"


# -- Slashdot ----------------------------------------------------------------------------------
def test_slashdot_names_ids_and_collapsed_comments():
    thread = forumparse.parse_thread(FIXTURES / "slashdot" / "slashdot-story-d2-2014.html")
    assert thread.engine == "slashdot"
    assert thread.reply_count == 4
    # the collapsed troll (no words saved) is left out; the anonymous reply keeps its place
    assert _rows(thread) == [("5318008", "samzen", None), ("46385551", "reelguy", "5318008"),
                             ("46385702", "Anonymous Coward", "46385551"), ("46386010", "reelguy", "46385702"),
                             ("46385903", "oldhand", "5318008")]
    assert thread.posts[1].author.user_id == "88231"
    assert thread.posts[3].author.signature.endswith("station wagon full of tapes.")
    assert "station wagon" not in thread.posts[3].body
    assert thread.posts[2].timestamp == "2014-03-03T11:05:00"


def test_slashdot_plain_text_poster_and_spaced_user_number():
    page = (FIXTURES / "slashdot" / "slashdot-story-d2-2014.html").read_text()
    page = page.replace('<a href="http://www.example.com/~samzen" rel="nofollow">samzen</a>', "msmash")
    page = page.replace('<a href="//slashdot.org/~oldhand">oldhand (4410)</a>',
                        '<a href="//slashdot.org/~oldhand">oldhand</a> ( <a href="//slashdot.org/~oldhand/">4410</a> )')
    thread = forumparse.parse_thread(page.encode())
    assert thread.posts[0].author.name == "msmash"
    assert (thread.posts[-1].author.name, thread.posts[-1].author.user_id) == ("oldhand", "4410")


def test_slashdot_old_details_without_by_span():
    thread = forumparse.parse_thread(FIXTURES / "slashdot" / "slashdot-article-2009.html")
    assert thread.title == "Rain Garden Cuts Storm Runoff in Half"
    assert [p.author.name for p in thread.posts] == ["kdw", "wetfeet", "soilsci"]
    assert thread.posts[2].quotes[0].text == "How long does it take to drain?"
    assert thread.posts[2].title == "Re:Mosquitoes?"


# -- detection -----------------------------------------------------------------------------------
MINE = ("lobsters", "slashdot", "lemmy", "tildes")


@pytest.mark.parametrize("folder", sorted(p.name for p in FIXTURES.iterdir() if p.is_dir() and p.name not in MINE))
def test_other_engines_are_not_claimed(folder):
    mine = [a for a in registry.all_adapters() if a.name in MINE and a.format == "html"]
    for page in sorted((FIXTURES / folder).glob("*.htm*")):
        doc = Document.load(page)
        assert [a.name for a in mine if a.detect(doc)] == [], page.name


# -- Lemmy ---------------------------------------------------------------------------------------
def _lemmy_comment(cid: int, user: str, text: str, replies: str = "") -> str:
    return (f'<li class="comment" role="comment"><article id="comment-{cid}"><div class="details comment-node py-2">'
            f'<div class="d-flex flex-wrap align-items-center text-muted small">'
            f'<a class="person-listing d-inline-flex" title="@{user}" href="/u/{user}"><span>@{user}</span></a>'
            f'<span class="moment-time pointer unselectable" data-tippy-content="Tuesday, July 4th, 2023 at 8:00:00 AM'
            f' GMT+00:00">1 year ago</span></div><div class="md-div">{text}</div>'
            f'<button data-tippy-content="Upvote">1</button></div></article>'
            + (f'<ul class="comments ms-1">{replies}</ul>' if replies else "") + '</li>')


LEMMY_018 = (
    '<html><head><script>window.isoData = {"routeData":{"postRes":{"state":"success","data":{"post_view":{'
    '"post":{"id":5501,"name":"Tabs or spaces","published":"2023-07-04T07:00:00.123456"},'
    '"creator":{"name":"op"},"counts":{"comments":3,"score":11}}}},"commentsRes":{"state":"success","data":{'
    '"comments":[{"comment":{"id":701,"content":"","deleted":true,"removed":false,'
    '"published":"2023-07-04T07:30:00.5","path":"0.701"},"creator":{"name":"gone"},"counts":{"score":-1}},'
    '{"comment":{"id":702,"content":"Still here.","deleted":false,"removed":false,'
    '"published":"2023-07-04T07:45:10.000001","path":"0.701.702"},"creator":{"name":"kept"},"counts":{"score":2}},'
    '{"comment":{"id":703,"content":"removed","deleted":false,"removed":true,'
    '"published":"2023-07-04T08:00:00","path":"0.703"},"creator":{"name":"troll"},"counts":{"score":0}}]}}}};'
    '</script><title>Tabs or spaces - Lemmy</title><link rel="canonical" href="https://lemmy.example/post/5501">'
    '</head><body><div id="app" class="lemmy-site"><div class="post-listing"><div class="post-title">'
    '<h1 class="h5"><a href="/post/5501">Tabs or spaces</a></h1></div><div class="small">'
    '<a class="person-listing" href="/u/op"><span>@op</span></a> to <a class="community-link" href="/c/code">'
    '<span>code</span></a></div></div><article id="postContent"><div class="md-div"><p>Go.</p></div></article>'
    '<ul class="comments">'
    + _lemmy_comment(701, "gone", "<p><em>deleted</em></p>", _lemmy_comment(702, "kept", "<p>Still here.</p>"))
    + _lemmy_comment(703, "troll", "<p><em>Removed by mod</em></p>")
    + '</ul></div></body></html>')


def test_lemmy_state_json_gives_times_in_utc_and_the_count():
    thread = forumparse.parse_thread(LEMMY_018.encode())
    assert thread.engine == "lemmy"
    assert thread.reply_count == 3
    assert thread.breadcrumbs == ("code",)
    assert _rows(thread) == [("5501", "op", None), ("701", "gone", "5501"), ("702", "kept", "701"),
                             ("703", "troll", "5501")]
    # 0.18 writes UTC times without a zone
    assert thread.posts[0].timestamp == "2023-07-04T07:00:00+00:00"
    assert thread.posts[2].timestamp == "2023-07-04T07:45:10+00:00"
    assert thread.posts[1].likes is None  # a score of -1 is no count of likes


def test_lemmy_deleted_and_removed_comments_keep_their_place_without_words():
    thread = forumparse.parse_thread(LEMMY_018.encode())
    assert [p.body for p in thread.posts] == ["Go.", "", "Still here.", ""]


def test_lemmy_without_state_reads_the_markup():
    page = re.sub(r"<script>.*?</script>", "", LEMMY_018, flags=re.S)
    thread = forumparse.parse_thread(page.encode())
    assert thread.engine == "lemmy"
    assert thread.reply_count is None
    assert [p.body for p in thread.posts] == ["Go.", "", "Still here.", ""]  # "*deleted*", "*Removed by mod*"
    assert thread.posts[1].timestamp == "2023-07-04T08:00:00+00:00"  # the tooltip


def test_lemmy_state_path_nests_a_flat_list():
    flat = LEMMY_018.replace(
        _lemmy_comment(701, "gone", "<p><em>deleted</em></p>", _lemmy_comment(702, "kept", "<p>Still here.</p>")),
        _lemmy_comment(701, "gone", "<p><em>deleted</em></p>") + _lemmy_comment(702, "kept", "<p>Still here.</p>"))
    assert flat != LEMMY_018
    thread = forumparse.parse_thread(flat.encode())
    assert [p.reply_to for p in thread.posts] == [None, "5501", "701", "5501"]


def test_lemmy_post_text_outside_the_listing_and_not_the_sidebar():
    page = LEMMY_018.replace('<article id="postContent">', '<article>').replace(
        '</ul></div></body>', '</ul><aside><div class="md-div"><p>Community rules.</p></div></aside></div></body>')
    assert forumparse.parse_thread(page.encode()).posts[0].body == "Go."


def test_lemmy_remote_user_is_named_by_account_id_and_edit_time_is_read():
    thread = forumparse.parse_thread(FIXTURES / "lemmy" / "lemmy-post-017-bootstrap4.html")
    assert [p.author.name for p in thread.posts] == ["crumb", "levain@bread.example.com", "crumb"]
    assert thread.posts[2].timestamp == "2023-06-01T21:00:00"
    assert thread.posts[2].edited == "2023-06-01T21:04:00"
    assert thread.posts[2].reply_to == "301177"


# -- Tildes --------------------------------------------------------------------------------------
def _tildes_comment(cid: str, user: str | None, text: str, replies: str = "", cls: str = "comment") -> str:
    head = (f'<a href="/user/{user}" class="link-user">{user}</a>' if user else "")
    body = (f'<div class="comment-itself"><div class="comment-text">{text}</div></div>' if user
            else f'<div class="comment-itself">{text}</div>')
    return (f'<li class="comment-tree-item"><article id="comment-{cid}" class="{cls}" data-comment-id36="{cid}">'
            f'<header class="comment-header">{head}<a href="#comment-{cid}" class="comment-posted-time">'
            f'<time datetime="2022-01-02T03:04:05Z" title="2022-01-02 03:04:05 UTC">Jan 2, 2022</time></a></header>'
            f'{body}' + (f'<ol class="comment-tree comment-tree-replies">{replies}</ol>' if replies else "")
            + '</article></li>')


TILDES = ('<html><head><title>Quiet keyboards - ~tech - Tildes</title></head><body><main>'
          '<article id="topic-q1" class="topic-full" data-topic-posted-by="typist"><header><h1>Quiet keyboards</h1>'
          '</header><div class="topic-full-byline"><time datetime="2022-01-02T01:00:00Z">Jan 2, 2022</time></div>'
          '<div class="topic-full-text"><p>Any recommendations?</p></div></article>'
          '<section class="topic-comments"><header><h2>3 comments</h2></header><ol id="comments" class="comment-tree">'
          + _tildes_comment("a1", None, "Comment deleted by author", cls="comment is-comment-deleted",
                            replies=_tildes_comment("a2", "ann", "<p>Replying anyway: get linear switches.</p>"))
          + _tildes_comment("a3", None, "Comment removed by site admin", cls="comment is-comment-removed")
          + '</ol></section></main></body></html>')


def test_tildes_deleted_and_removed_comments_keep_their_place():
    thread = forumparse.parse_thread(TILDES.encode())
    assert thread.engine == "tildes"
    assert thread.reply_count == 3
    assert _rows(thread) == [("q1", "typist", None), ("a1", None, "q1"), ("a2", "ann", "a1"), ("a3", None, "q1")]
    assert [p.body for p in thread.posts] == ["Any recommendations?", "", "Replying anyway: get linear switches.", ""]
    assert thread.posts[0].author.profile_url == "https://tildes.net/user/typist"  # named by data-topic-posted-by


def test_tildes_edit_time_and_quote():
    thread = forumparse.parse_thread(FIXTURES / "tildes" / "tildes-text-topic.html")
    assert thread.breadcrumbs == ("~books",)
    assert thread.posts[1].timestamp == "2024-03-04T16:40:00+00:00"
    assert thread.posts[1].edited == "2024-03-04T16:52:31+00:00"
    assert thread.posts[2].body == "Same here, with patronymics in a second column."
    assert [q.text for q in thread.posts[2].quotes] == ["I keep a list of the names on a bookmark."]


def test_tildes_votes_and_deep_nesting():
    thread = forumparse.parse_thread(FIXTURES / "tildes" / "tildes-link-topic-deep.html")
    assert thread.posts[0].likes == 24
    assert [p.reply_to for p in thread.posts] == [None, "8a1", "2bd", "2c1"]
