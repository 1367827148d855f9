"""Detection of the discussion-site adapters: their own markup only, never a generic forum page."""
import pytest

from forumparse import registry
from forumparse.document import Document

MINE = ("stackexchange", "hackernews", "reddit", "pipermail", "ptt")

GENERIC_FORUM = """<html><head><title>Tomatoes - Garden Forum</title></head><body>
<div class="post" id="post1"><div class="author"><a href="/user/5">rosa</a></div>
<div class="date">March 2, 2010 10:00</div><div class="content">Water deeply.</div></div>
<div class="post" id="post2"><div class="author"><a href="/user/6">tom</a></div>
<div class="date">March 2, 2010 11:00</div>
<div class="content">Thanks, and see news.ycombinator.com for more.</div></div>
</body></html>"""


@pytest.mark.parametrize("name", MINE)
def test_generic_forum_page_is_not_claimed(name):
    doc = Document.load(GENERIC_FORUM.encode())
    assert registry.get(name, "html").detect(doc) < 0.3


def test_a_page_merely_linking_reddit_is_not_reddit():
    page = GENERIC_FORUM.replace("news.ycombinator.com", "https://www.reddit.com/r/gardening/")
    assert registry.get("reddit", "html").detect(Document.load(page.encode())) < 0.5
