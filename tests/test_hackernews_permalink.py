"""hackernews._permalink: the page's item address resolved once, the id appended: the same address
as resolving "item?id=N" against the page's base each time."""
from __future__ import annotations

import pytest

from forumparse.adapters.hackernews import _permalink
from forumparse.html.pageinfo import absolute


@pytest.mark.parametrize("base", [
    "https://news.ycombinator.com/", "https://news.ycombinator.com/item?id=4655144",
    "https://news.ycombinator.com", "http://host/a/b/c?x=1#frag", "https://h/x;p=1/y", "relative/page", None,
])
@pytest.mark.parametrize("post_id", ["1", "4655212", None, ""])
def test_permalink_is_the_joined_item_address(base, post_id):
    expected = absolute(base, f"item?id={post_id}") if post_id else None
    assert _permalink(base, post_id) == expected
