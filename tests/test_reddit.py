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
