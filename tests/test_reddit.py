"""Reddit redesign details: the embedded state is read per item; u/ mentions are not authors."""
import forumparse
from forumparse.adapters.reddit import _state_models

STATE = ('<script>window.___r = {"comments":{"models":{"t1_a":{"id":"t1_a","author":"ann","created":1546340400},'
         '"t1_b":{"id":"t1_b","author":"bob","created":1546344000}}},"commentsPage":{"t1_a":{"depth":0}},'
         '"posts":{"models":{"t3_p":{"id":"t3_p","author":"op","created":1546336800000}}}};</script>')


def test_state_models_reads_only_the_wanted_items():
    models = _state_models(STATE, "window.___r = ", {"t1_a", "t3_p"})
    assert set(models) == {"t1_a", "t3_p"}
    assert models["t1_a"]["author"] == "ann"  # the model, not the commentsPage entry without an author


def test_state_models_tolerates_a_cut_script():
    assert _state_models(STATE[:80], "window.___r = ", {"t1_a"}) == {}


PAGE = """<html><head><meta property="og:site_name" content="reddit"></head><body>
<div class="Post t3_p" id="t3_p"><div data-test-id="post-content">
 <div><span>Posted by</span><a data-click-id="timestamp" href="/r/x/comments/p/">2 years ago</a></div>
 <h1>Who wrote this?</h1>
 <div data-click-id="text"><div class="RichTextJSON-root">
  <p>Ask <a href="/user/mentioned/">u/mentioned</a> about the answer.</p></div></div>
</div></div>
<div id="t1_c" class="x"><div class="y"><i class="threadline"></i></div><div class="Comment t1_c">
 <div><span>level 1</span><div data-testid="post-comment-header"><span><div></div><span> · </span>
 <a data-testid="comment_timestamp" href="/r/x/comments/p/c/">2 yr. ago</a></span></div>
 <div data-testid="comment"><div class="RichTextJSON-root">
  <p>Maybe <a href="/user/someone/">u/someone</a> knows it well.</p></div></div></div>
</div></div>
</body></html>"""


def test_mentions_in_the_text_are_not_authors():
    thread = forumparse.parse_thread(PAGE.encode())
    assert thread.engine == "reddit"
    assert [p.author for p in thread.posts] == [None, None]
    assert thread.posts[1].reply_to == "t3_p"
    assert thread.posts[1].timestamp is None  # only a relative age, and no reference time


OLD_REMOVED = """<html><head><link rel="stylesheet" href="https://www.redditstatic.com/reddit.css"></head><body>
<div class="thing id-t3_q link self" data-fullname="t3_q" data-author="op" data-type="link">
 <p class="title"><a class="title" href="/r/x/comments/q/t/">Title here</a></p>
 <p class="tagline">submitted <time datetime="2020-05-01T10:00:00+00:00">4 years ago</time> by
 <a class="author" href="/user/op">op</a></p>
 <div class="usertext-body"><div class="md"><p>Question text.</p></div></div></div>
<div class="sitetable nestedlisting">
<div class="thing id-t1_s comment stickied" data-fullname="t1_s" data-author="AutoModerator" data-type="comment">
 <div class="entry"><p class="tagline"><a class="author moderator" href="/user/AutoModerator">AutoModerator</a>
 <span class="stickied-tagline">stickied comment</span>
 <time datetime="2020-05-01T10:00:05+00:00">4 years ago</time></p>
 <div class="usertext-body"><div class="md"><p>Read the rules.</p></div></div></div></div>
<div class="thing id-t1_r noncollapsed comment deleted" data-fullname="t1_r" data-type="comment">
 <div class="entry"><p class="tagline"><em>[deleted]</em>
 <time datetime="2020-05-01T11:00:00+00:00">4 years ago</time></p>
 <div class="usertext-body"><div class="md"><p>[removed]</p></div></div></div>
 <div class="child"><div class="sitetable listing">
 <div class="thing id-t1_k noncollapsed comment" data-fullname="t1_k" data-author="kid" data-type="comment">
  <div class="entry"><p class="tagline"><a class="author" href="/user/kid">kid</a>
  <time datetime="2020-05-01T12:00:00+00:00">4 years ago</time></p>
  <div class="usertext-body"><div class="md"><p>What did it say?</p></div></div></div></div>
 </div></div></div>
</div></body></html>"""


def test_old_reddit_removed_comment_keeps_its_place_without_words():
    thread = forumparse.parse_thread(OLD_REMOVED.encode())
    assert thread.engine == "reddit"
    assert [(p.post_id, p.author.name if p.author else None, p.body, p.reply_to) for p in thread.posts] == [
        ("t3_q", "op", "Question text.", None),
        ("t1_s", "AutoModerator", "Read the rules.", "t3_q"),
        ("t1_r", "[deleted]", "", "t3_q"),  # "[removed]" is a placeholder, not the comment's text
        ("t1_k", "kid", "What did it say?", "t1_r"),
    ]


SHREDDIT_REMOVED = """<html><head><link rel="preload" href="https://www.redditstatic.com/shreddit/app.js"></head><body>
<shreddit-post id="t3_z" author="op" created-timestamp="2024-04-14T16:20:11.512000+0000" post-title="T">
 <div slot="text-body"><div id="t3_z-post-rtjson-content"><p>Body.</p></div></div></shreddit-post>
<shreddit-comment is-comment-deleted author="[deleted]" thingid="t1_d" depth="0" postid="t3_z">
 <div slot="commentMeta"><faceplate-timeago ts="2024-04-14T17:02:00.000Z"></faceplate-timeago></div>
 <div slot="comment"><p>Comment deleted by user</p></div>
 <shreddit-comment author="ann" thingid="t1_e" depth="1" parentid="t1_d" postid="t3_z">
  <div slot="comment"><div id="t1_e-comment-rtjson-content"><p>Too late, I read it.</p></div></div>
 </shreddit-comment></shreddit-comment>
<shreddit-comment is-comment-removed author="[deleted]" thingid="t1_m" depth="0" postid="t3_z">
 <div slot="comment"><p>Comment removed by moderator</p></div></shreddit-comment>
</body></html>"""


def test_shreddit_deleted_and_removed_comments_have_no_body():
    thread = forumparse.parse_thread(SHREDDIT_REMOVED.encode())
    assert [(p.post_id, p.body, p.reply_to) for p in thread.posts] == [
        ("t3_z", "Body.", None), ("t1_d", "", "t3_z"), ("t1_e", "Too late, I read it.", "t1_d"), ("t1_m", "", "t3_z")]
    assert thread.posts[1].timestamp == "2024-04-14T17:02:00+00:00"


COPIED = """\
r/AskReddit
Posted by3 years ago
Archived
3
What is the most worth it item you have ever purchased?
25.4k comments
86% Upvoted
level 1
· 3 yr. ago

A canister vacuum. It has lasted for years.

364
"""


def test_copied_text_award_count_is_no_title():
    # a copy leaves out the award pictures, not their count: the title is the line after it
    thread = forumparse.parse_thread(COPIED.encode(), adapter="reddit")
    assert thread.title == "What is the most worth it item you have ever purchased?"
    assert thread.posts[-1].body == "A canister vacuum. It has lasted for years."
